"""A datatrove extractor step: `Pith` goes where datatrove's `Trafilatura` goes.

>>> from datatrove.pipeline.readers import WarcReader
>>> from datatrove.pipeline.writers import JsonlWriter
>>> from pith.datatrove import Pith
>>> pipeline = [WarcReader("warcs/"), Pith(), JsonlWriter("out/")]  # doctest: +SKIP

Each document's `text` (the HTML, as `WarcReader` gives it) becomes the article text, and
`doc.metadata` gains `title`, `byline`, `published` (the page's own date; `WarcReader`'s
`date`, the crawl date, is kept), `language`, and `url` (kept when the reader set it, else
the page's canonical URL). Documents without article text are dropped, as with
`Trafilatura`. Timeouts, broken worker processes and errors are counted under the same
stats (`extracted`, `timeout`, `broken_process`, `clean_error`, `forwarded`, `dropped`).
"""

from __future__ import annotations

from typing import Any

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

import pith

#: The record fields copied into `doc.metadata`.
METADATA_FIELDS = ("title", "byline", "published", "language", "page_type")


class Pith(BaseExtractor):  # type: ignore[misc]  # datatrove ships no type hints
    """pith as a datatrove extractor step.

    Args:
        focus: "precision", "balanced" (default) or "recall".
        timeout: the timeout for extraction, per document, in seconds (as `Trafilatura`).
        **options: any other keyword of `pith.extract` (`min_article_chars`, …).
    """

    name = "🌰 Pith"
    _requires_dependencies: list[str] = []
    _warned_error: bool

    def __init__(self, focus: pith._pith.Focus = "balanced", timeout: float = 1, **options: Any):
        super().__init__(timeout)
        self.focus = focus
        self.options = options

    def extract(self, text: str) -> str:
        """The article text of one page's HTML ("" when it has none)."""
        return pith.extract(text, focus=self.focus, **self.options).text

    def extract_record(self, text: str, url: str | None) -> dict[str, Any]:
        """The page's JSON record (`pith.Article.to_dict()`), run in the sandbox process."""
        return pith.extract(text, url=url, focus=self.focus, **self.options).to_dict()

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Replaces each document's HTML by its article text and adds its metadata.

        The loop is `BaseExtractor.run`'s, with the record instead of the bare text coming
        back from the sandbox process, so the accounting is the same.
        """
        with ExtractorSandbox(timeout=self.timeout, warmup_text=("", None)) as extractor:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    try:
                        record = extractor.process_document(
                            (doc.text, doc.metadata.get("url")), self.extract_record
                        )
                        self.stat_update("extracted")
                    except TimeoutError:
                        self.stat_update("timeout")
                        logger.warning("⏰ Timeout while cleaning record text. Skipping record.")
                        continue
                    except EOFError:
                        self.stat_update("broken_process")
                        logger.warning(
                            "Process died unexpectedly, will create new process for next document"
                        )
                        continue
                    except Exception as e:
                        self.stat_update("clean_error")
                        if not self._warned_error:
                            logger.warning(
                                f'❌ Error "{e}" while cleaning record text. Skipping record. '
                                f"This message will only appear once."
                            )
                            self._warned_error = True
                        continue
                doc.text = record["text"]
                for field in METADATA_FIELDS:
                    doc.metadata[field] = record[field]
                if not doc.metadata.get("url"):
                    doc.metadata["url"] = record["canonical_url"]
                if doc.text:
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                else:
                    self.stat_update(StatHints.dropped)
