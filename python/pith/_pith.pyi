"""Type stubs of the native module (`pith._pith`); import `pith`, not this."""

from collections.abc import Iterable, Mapping
from typing import Any, Literal, TypeAlias

Focus: TypeAlias = Literal["precision", "balanced", "recall"]
#: One page of `extract_many`: its HTML, or a dict with "html" and optionally "url",
#: "content_type" and "id".
Page: TypeAlias = str | bytes | Mapping[str, str | bytes | None]

class PithError(Exception):
    """A page that cannot be read as a web page (binary data, over the size limit…)."""

class Article:
    """The extracted article of one page: the fields of the JSON record the CLI writes."""

    @property
    def id(self) -> str | None:
        """The `id` given to `extract`, or a page's "id" key."""
    @property
    def url(self) -> str | None:
        """The page's address, when given."""
    @property
    def title(self) -> str:
        """The headline, "" when none."""
    @property
    def text(self) -> str:
        """The article text, one block per line; "" when none or on error."""
    @property
    def byline(self) -> str | None:
        """The author line, if the page names one."""
    @property
    def published(self) -> str | None:
        """The publication date as the page gives it."""
    @property
    def modified(self) -> str | None:
        """When the page was last changed, ISO 8601."""
    @property
    def language(self) -> str | None:
        """The page's language tag."""
    @property
    def site_name(self) -> str | None:
        """The site's name."""
    @property
    def description(self) -> str | None:
        """The page's own summary."""
    @property
    def canonical_url(self) -> str | None:
        """The canonical address the page declares."""
    @property
    def page_type(self) -> str:
        """The kind of page: article, forum, product, collection, listing, service,
        documentation or other."""
    @property
    def comments(self) -> list[dict[str, str | None]]:
        """Reader comments (author, date, text), when comments=True found some."""
    @property
    def charset(self) -> str | None:
        """The encoding the bytes were read with; None for str input."""
    @property
    def charset_source(self) -> str | None:
        """How the charset was found: bom, header, meta, utf8-override, guess."""
    @property
    def error(self) -> str | None:
        """Why the page failed (extract_many only); None when it did not."""
    @property
    def fingerprint(self) -> int:
        """A 64-bit SimHash of the text, for near-duplicate detection."""
    def markdown(self) -> str:
        """The article as Markdown."""
    def html(self) -> str:
        """The article as clean HTML."""
    def to_dict(self) -> dict[str, Any]:
        """The JSON record of the page, as `pith PAGE --format json` writes it (no `seconds`)."""
    def to_json(self) -> str:
        """The JSON record as one line, as the CLI writes it but for `seconds`."""

def extract(
    html: str | bytes,
    *,
    url: str | None = None,
    content_type: str | None = None,
    id: str | None = None,
    focus: Focus = "balanced",
    min_article_chars: int | None = None,
    include_captions: bool | None = None,
    max_input_bytes: int | None = None,
    comments: bool = False,
) -> Article:
    """Extracts the article of one page; raises PithError if it is not a web page."""

def extract_many(
    pages: Iterable[Page],
    *,
    jobs: int | None = None,
    focus: Focus = "balanced",
    min_article_chars: int | None = None,
    include_captions: bool | None = None,
    max_input_bytes: int | None = None,
    comments: bool = False,
) -> list[Article]:
    """Extracts many pages in parallel; one Article per page, in input order."""
