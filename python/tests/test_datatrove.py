"""The datatrove example pipeline (WarcReader → Pith → JsonlWriter, 2 tasks, 2 workers)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

import pith
from conftest import ROOT, corpus_warc_pages, write_warc

pytest.importorskip("datatrove", reason="datatrove is not installed (pip install './python[datatrove]')")


def test_the_example_pipeline_over_a_warc(tmp_path: Path) -> None:
    pages = corpus_warc_pages()
    half = len(pages) // 2
    warcs = tmp_path / "warcs"
    warcs.mkdir()
    # Two files, so that each of the two tasks gets one.
    write_warc(warcs / "a.warc.gz", pages[:half])
    write_warc(warcs / "b.warc.gz", pages[half:])
    out, logs = tmp_path / "out", tmp_path / "logs"
    subprocess.run(
        [sys.executable, str(ROOT / "python" / "examples" / "datatrove_warc.py"), str(warcs), str(out), str(logs)],
        check=True,
        timeout=600,
    )
    docs = []
    for part in sorted(out.glob("*.jsonl.gz")):
        with gzip.open(part, "rt") as f:
            docs.extend(json.loads(line) for line in f)
    assert len(list(out.glob("*.jsonl.gz"))) == 2
    by_url = {d["metadata"]["url"]: d for d in docs}
    assert len(by_url) == len(docs)
    # Every page with an article gets a document; pages without one are dropped, as
    # datatrove's Trafilatura step drops them.
    for url, body, content_type in pages:
        article = pith.extract(body.decode("utf-8"), url=url)
        if not article.text:
            assert url not in by_url
            continue
        doc = by_url[url]
        assert doc["text"] == article.text
        meta = doc["metadata"]
        for field in ("title", "byline", "published", "language"):
            assert meta[field] == getattr(article, field), (url, field)
        assert meta["date"], "the crawl date of WarcReader is kept"
    assert len(docs) >= len(pages) - 5
    assert any(d["metadata"]["byline"] for d in docs)
    assert any(d["metadata"]["published"] for d in docs)
    assert all(d["metadata"]["title"] for d in docs)
    # Accounting: every page read was counted by the Pith step.
    stats = json.loads((logs / "stats.json").read_text())
    step = next(s for s in stats if "Pith" in s["name"])
    assert step["stats"]["total"] == len(pages)
    assert step["stats"]["extracted"] == len(pages)
