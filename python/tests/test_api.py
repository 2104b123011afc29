"""The API of `pith.extract` and `pith.Article`."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import pith
from conftest import corpus_pages

MEGAMENU = "megamenu-before-and-after.html"
HEADLINE = "Island council backs year-round ferry to Kestrel Point"
PARAGRAPH = (
    "<p>The harbour reopened on Monday after a week of repairs to the north pier, and the "
    "first ferry of the morning left on time with a full deck of cars and cyclists.</p>"
)


def page_bytes(name: str = MEGAMENU) -> bytes:
    return next(p for p in corpus_pages() if p.name == name).read_bytes()


def test_str_and_bytes_give_the_same_article() -> None:
    raw = page_bytes()
    from_str = pith.extract(raw.decode("utf-8"))
    from_bytes = pith.extract(raw)
    assert from_str.title == HEADLINE
    assert from_bytes.title == from_str.title
    assert from_bytes.text == from_str.text
    assert len(from_bytes.text) > 1000
    assert from_bytes.charset == "UTF-8"
    assert from_str.charset is None


def test_attributes_are_the_record_fields() -> None:
    article = pith.extract(page_bytes(), url="https://example.com/a", id="a")
    record = article.to_dict()
    # The order is the CLI's (test_cli_equal checks it); fields added to the record later
    # (page_type, comments…) come through without a change here.
    assert {
        "id", "url", "title", "text", "byline", "published", "language", "site_name",
        "description", "canonical_url", "charset", "charset_source",
    } <= set(record)
    assert list(record)[:4] == ["id", "url", "title", "text"]
    assert "error" not in record and "seconds" not in record
    for name, value in record.items():
        assert getattr(article, name) == value, name
    assert article.id == "a" and article.url == "https://example.com/a"
    assert article.error is None
    assert isinstance(article.fingerprint, int) and 0 <= article.fingerprint < 2**64
    assert article.to_json().startswith('{"id":"a","url":"https://example.com/a","title":')
    with pytest.raises(AttributeError):
        article.no_such_field  # noqa: B018


def test_markdown_and_html() -> None:
    article = pith.extract(f"<title>Ferry</title><article><h2>Pier</h2>{PARAGRAPH}</article>")
    assert "## Pier" in article.markdown()
    assert "The harbour reopened" in article.markdown()
    html = article.html()
    assert "<h2>Pier</h2>" in html and "<p>The harbour reopened" in html


def test_a_wrong_declared_charset_is_overruled() -> None:
    page = (
        "<html><head><meta charset=utf-8><title>Café</title></head><body><p>Café owners on the "
        "square said the new market hours would bring more visitors to the old town.</p>"
        "</body></html>"
    ).encode("cp1252")
    article = pith.extract(page, content_type="text/html; charset=utf-8")
    assert article.title == "Café"
    assert article.text.startswith("Café owners")
    assert article.charset == "windows-1252"


def test_the_header_charset_is_used() -> None:
    page = f"<title>Straße</title><article>{PARAGRAPH}</article>".encode("iso-8859-1")
    article = pith.extract(page, content_type="text/html; charset=iso-8859-1")
    assert article.title == "Straße"
    assert (article.charset, article.charset_source) == ("windows-1252", "header")


def test_garbage_bytes_raise_pith_error_with_the_reason() -> None:
    with pytest.raises(pith.PithError, match="does not look like an HTML page"):
        pith.extract(bytes(range(256)) * 64)
    with pytest.raises(pith.PithError, match="PDF"):
        pith.extract(b"%PDF-1.7 binary")


def test_input_over_the_limit_is_an_error() -> None:
    with pytest.raises(pith.PithError, match="over the limit of 1000"):
        pith.extract("<p>x</p>" * 200, max_input_bytes=1000)


@pytest.mark.parametrize("page", ["", b"", "   ", "<html></html>"])
def test_an_empty_page_gives_an_empty_article(page: str | bytes) -> None:
    article = pith.extract(page)
    assert article.title == "" and article.text == ""
    assert article.error is None


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="focus"):
        pith.extract("<p>x</p>", focus="everything")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        pith.extract(42)  # type: ignore[arg-type]


def test_focus_changes_the_trade() -> None:
    raw = page_bytes()
    lengths = {f: len(pith.extract(raw, focus=f).text) for f in ("precision", "balanced", "recall")}
    assert lengths["precision"] <= lengths["balanced"] <= lengths["recall"]


def test_a_20_mb_page() -> None:
    article_part = "<article>" + PARAGRAPH * 40 + "</article>"
    filler = "<div class=menu><a href=/x>Menu entry</a> " + "<span>noise</span>" * 20 + "</div>"
    page = "<title>Big page</title>" + article_part + filler * (20_000_000 // len(filler))
    assert len(page) > 20_000_000
    started = time.monotonic()
    article = pith.extract(page.encode())
    assert article.title == "Big page"
    assert "The harbour reopened" in article.text
    assert time.monotonic() - started < 60


def test_python_threads_extract_concurrently_and_agree() -> None:
    pages = [p.read_bytes() for p in corpus_pages()]
    alone = [pith.extract(p).to_dict() for p in pages]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda p: pith.extract(p).to_dict(), pages * 3))
    assert together == alone * 3


def test_the_gil_is_released_while_rust_works() -> None:
    page = ("<title>t</title><article>" + PARAGRAPH * 60_000 + "</article>").encode()
    done = threading.Event()
    ticks = 0

    def work() -> None:
        pith.extract(page)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0)
    worker.join()
    # With the GIL held for the whole extraction (about a second) this loop would run a
    # handful of times; released, it runs throughout.
    assert ticks > 1000


def test_comments_on_request_and_never_in_the_text() -> None:
    page = page_bytes("reader-comments-section.html")
    plain = pith.extract(page)
    with_comments = pith.extract(page, comments=True)
    assert plain.comments == []
    assert with_comments.text == plain.text
    authors = [c["author"] for c in with_comments.comments]
    assert authors[:2] == ["Harriet Oyelaran", "Desmond K."]
    assert all(c["text"] and c["text"] not in plain.text for c in with_comments.comments)
    many = pith.extract_many([page, page], jobs=2, comments=True)
    assert [len(a.comments) for a in many] == [5, 5]
