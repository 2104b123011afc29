"""A PySpark job: WARC files in, one JSON record (or Parquet row) per HTML response out.

    python -m pith.spark --master 'local[2]' --output out/ crawl/*.warc.gz
    python -m pith.spark --format parquet --output out.parquet crawl/*.warc.gz

Each task reads whole WARC files (paths must be readable by the executors: a local or
shared file system) with warcio and maps their HTML responses through
`pith.extract_many` in batches; a record is `pith.Article.to_dict()`, the same fields as
`pith batch`, with `id` the `WARC-Record-ID` and `url` the `WARC-Target-URI`. A response
pith cannot read gets a record with an `error`; no page is lost.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import pith

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

#: Pages handed to `extract_many` at once: enough to keep the threads busy, few enough
#: that a partition's memory stays small.
BATCH = 256


def warc_pages(path: str) -> Iterator[dict[str, Any]]:
    """The HTML responses of one WARC file (plain or gzip) as `extract_many` pages."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type")
            if content_type is not None and "html" not in content_type.lower():
                continue
            record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
            yield {
                "html": record.content_stream().read(),
                "url": record.rec_headers.get_header("WARC-Target-URI"),
                "content_type": content_type,
                "id": record_id.strip("<>") or None,
            }


def extract_paths(paths: Iterable[str], jobs: int | None = None) -> Iterator[str]:
    """The JSON records of every HTML response in `paths`, in order, as JSON lines."""
    batch: list[dict[str, Any]] = []
    for path in paths:
        for page in warc_pages(path):
            batch.append(page)
            if len(batch) == BATCH:
                yield from (a.to_json() for a in pith.extract_many(batch, jobs=jobs))
                batch = []
    if batch:
        yield from (a.to_json() for a in pith.extract_many(batch, jobs=jobs))


def run(
    spark: SparkSession,
    warc_paths: Sequence[str],
    output: str,
    *,
    output_format: str = "jsonl",
    jobs: int | None = 1,
) -> None:
    """Extracts every HTML response of `warc_paths` and writes `output`.

    One Spark task per WARC file; `jobs` is `extract_many`'s threads per task (1 suits one
    task per core). `output_format` is "jsonl" (text part files, one record a line) or
    "parquet" (columns from the records' JSON).
    """
    files = spark.sparkContext.parallelize(list(warc_paths), max(1, len(warc_paths)))
    records = files.mapPartitions(lambda paths: extract_paths(paths, jobs))
    if output_format == "jsonl":
        records.saveAsTextFile(output)
    elif output_format == "parquet":
        spark.read.json(records).write.parquet(output)
    else:
        raise ValueError(f"output_format must be 'jsonl' or 'parquet', not {output_format!r}")


def main(argv: Sequence[str] | None = None) -> None:
    """`python -m pith.spark`: the job from the command line."""
    from pyspark.sql import SparkSession

    # Local workers run this interpreter (the one with pith and warcio), not `python3`.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    parser = argparse.ArgumentParser(prog="python -m pith.spark", description=__doc__)
    parser.add_argument("warc", nargs="+", help="WARC files (.warc or .warc.gz)")
    parser.add_argument("--output", required=True, help="output folder")
    parser.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    parser.add_argument("--jobs", type=int, default=1, help="extract_many threads per task")
    args = parser.parse_args(argv)
    spark = SparkSession.builder.master(args.master).appName("pith").getOrCreate()
    try:
        run(spark, args.warc, args.output, output_format=args.format, jobs=args.jobs)
    finally:
        spark.stop()
    print(json.dumps({"output": args.output, "format": args.format}))


if __name__ == "__main__":
    main()
