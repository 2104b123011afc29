"""PySpark in local[2]: WARC files → pith.extract_many per partition → JSONL or Parquet.

    python examples/spark_warc.py OUTPUT jsonl|parquet WARC...

The same job is `python -m pith.spark --master 'local[2]' --output OUTPUT WARC...`.
"""

import os
import sys

from pyspark.sql import SparkSession

import pith.spark


def main(output: str, output_format: str, warcs: list[str]) -> None:
    """Runs the job on a local two-core Spark."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this interpreter
    spark = SparkSession.builder.master("local[2]").appName("pith-example").getOrCreate()
    try:
        pith.spark.run(spark, warcs, output, output_format=output_format)
    finally:
        spark.stop()


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
