"""datatrove: WarcReader over local WARC files → pith → JsonlWriter, on the local executor.

    python examples/datatrove_warc.py WARC_FOLDER OUTPUT_FOLDER [LOGS_FOLDER]

Each task reads its share of the folder's WARC files; the output is one
`NNNNN.jsonl.gz` per task, each document with `text` the article and `metadata` holding
`url`, `date` (crawl), `title`, `byline`, `published`, `language`.
"""

import sys

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import WarcReader
from datatrove.pipeline.writers import JsonlWriter

from pith.datatrove import Pith


def main(warcs: str, output: str, logs: str) -> None:
    """Runs the pipeline with two tasks on two workers."""
    executor = LocalPipelineExecutor(
        pipeline=[
            WarcReader(warcs, glob_pattern="*.warc*"),
            Pith(timeout=5),
            JsonlWriter(output),
        ],
        tasks=2,
        workers=2,
        logging_dir=logs,
    )
    executor.run()


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else sys.argv[2] + "-logs")
