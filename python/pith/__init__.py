"""pith: extract the main article text and metadata from web pages.

The extraction is the `pith` Rust crate's; this package is a thin binding over it.

>>> import pith
>>> article = pith.extract("<title>Ferry resumes</title><article><p>The harbour reopened "
...     "on Monday after a week of repairs to the north pier, and the first ferry left on "
...     "time with a full deck of cars and cyclists.</p></article>")
>>> article.title
'Ferry resumes'

* `extract(html, ...)` one page (`str`, or `bytes` in any charset) → `Article`;
* `extract_many(pages, jobs=...)` many pages in parallel, results in input order, one
  entry per page (a failed page's `Article.error` says why);
* `Article`: the fields of the JSON record the CLI writes (`to_dict()`), `markdown()`,
  `html()`;
* `PithError`: raised by `extract` for input that is not a web page.

`pith.datatrove.Pith` is a datatrove extractor step, `pith.spark` a PySpark job over WARC
files.
"""

from ._pith import Article, PithError, extract, extract_many

__all__ = ["Article", "PithError", "extract", "extract_many"]
__version__ = "0.1.0"
