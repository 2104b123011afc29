"""The Spark job in local[2]: WARC files → extract_many per partition → JSONL / Parquet."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import pith
import pith.spark
from conftest import corpus_warc_pages, write_warc

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install './python[spark]')")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Java is missing (no java on PATH, no JAVA_HOME): the Spark job needs a JVM", allow_module_level=True)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    # The workers must run this interpreter (the one with pith and warcio), not `python3`.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("pith-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def warcs(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[tuple[str, bytes, str]]]:
    folder = tmp_path_factory.mktemp("warcs")
    pages = corpus_warc_pages()
    pages.append(("https://corpus.example/garbage", bytes(range(256)) * 32, "text/html"))
    pages.append(("https://corpus.example/image", b"\x89PNG....", "image/png"))
    half = len(pages) // 2
    write_warc(folder / "a.warc.gz", pages[:half])
    write_warc(folder / "b.warc.gz", pages[half:])
    return [str(folder / "a.warc.gz"), str(folder / "b.warc.gz")], pages


def expected_records(pages: list[tuple[str, bytes, str]]) -> dict[str, dict[str, Any]]:
    html = [p for p in pages if "html" in p[2]]
    results = pith.extract_many([{"html": b, "url": u, "content_type": c} for u, b, c in html])
    return {r.url: r.to_dict() for r in results if r.url is not None}


def test_jsonl(spark: Any, warcs: tuple[list[str], list[tuple[str, bytes, str]]], tmp_path: Path) -> None:
    paths, pages = warcs
    out = tmp_path / "jsonl"
    pith.spark.run(spark, paths, str(out))
    records = [json.loads(line) for part in sorted(out.glob("part-*")) for line in part.read_text().splitlines()]
    expected = expected_records(pages)
    assert len(records) == len(expected) == len(pages) - 1
    for record in records:
        assert record["id"], "the WARC-Record-ID"
        want = dict(expected[record["url"]])
        assert {k: v for k, v in record.items() if k != "id"} == {k: v for k, v in want.items() if k != "id"}
    errors = [r for r in records if "error" in r]
    assert [r["url"] for r in errors] == ["https://corpus.example/garbage"]


def test_parquet(spark: Any, warcs: tuple[list[str], list[tuple[str, bytes, str]]], tmp_path: Path) -> None:
    paths, pages = warcs
    out = tmp_path / "parquet"
    pith.spark.run(spark, paths, str(out), output_format="parquet", jobs=2)
    rows = spark.read.parquet(str(out)).collect()
    expected = expected_records(pages)
    assert len(rows) == len(expected)
    for row in rows:
        assert row["title"] == expected[row["url"]]["title"]
        assert row["text"] == expected[row["url"]]["text"]
