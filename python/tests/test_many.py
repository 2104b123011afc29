"""`pith.extract_many`: order, error entries, inputs."""

from __future__ import annotations

import pytest

import pith
from conftest import corpus_pages

GARBAGE = bytes(range(256)) * 32


def test_1000_pages_in_order_with_one_error_entry() -> None:
    corpus = [p.read_bytes() for p in corpus_pages()]
    pages = [corpus[i % len(corpus)] for i in range(1000)]
    pages[517] = GARBAGE
    results = pith.extract_many(pages, jobs=2)
    assert len(results) == 1000
    errors = [i for i, r in enumerate(results) if r.error is not None]
    assert errors == [517]
    assert "does not look like an HTML page" in str(results[517].error)
    assert results[517].text == ""
    expected = {i: pith.extract(page).to_dict() for i, page in enumerate(corpus)}
    for i, result in enumerate(results):
        if i != 517:
            assert result.to_dict() == expected[i % len(corpus)], i


def test_any_iterable_and_dict_pages() -> None:
    page = corpus_pages()[0].read_bytes()

    def pages():  # type: ignore[no-untyped-def]
        yield page
        yield {"html": page, "url": "https://example.com/p", "id": "p1", "content_type": "text/html"}
        yield page.decode("utf-8")

    first, second, third = pith.extract_many(pages(), jobs=3)
    assert first.text == second.text == third.text != ""
    assert (second.id, second.url) == ("p1", "https://example.com/p")
    assert first.id is None and third.charset is None


def test_a_bad_item_is_an_error_entry_not_an_exception() -> None:
    results = pith.extract_many(["<p>ok</p>", 42, {"url": "x"}, {"html": 1.5}, None], jobs=2)  # type: ignore[list-item]
    assert len(results) == 5
    assert results[0].error is None
    for r in results[1:]:
        assert r.error is not None and "TypeError" in r.error


def test_jobs_and_empty_input() -> None:
    assert pith.extract_many([]) == []
    with pytest.raises(ValueError):
        pith.extract_many(["<p>x</p>"], jobs=0)
    assert pith.extract_many(["<p>x</p>"] * 3, jobs=8)[2].error is None


def test_options_apply_to_every_page() -> None:
    page = corpus_pages()[0].read_bytes()
    [small] = pith.extract_many([page], max_input_bytes=10)
    assert small.error is not None and "over the limit" in small.error
