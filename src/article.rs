//! The public output types: [`Article`], [`Block`], [`BlockKind`], [`Span`], [`SpanKind`],
//! [`ListItem`], [`TableRow`], [`Cell`], [`Metadata`].
//!
//! They own their data (plain `String`s), so no parser type leaks into the public API and
//! an `Article` outlives the page it came from. With the `serde` feature they implement
//! `Serialize`, so `serde_json::to_string(&article)` is the JSON output.

use crate::encoding::Charset;
#[cfg(feature = "serde")]
use crate::fingerprint;
use crate::page_type::kind::PageType;
#[cfg(feature = "serde")]
use serde::Serialize;

/// What a kept block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BlockKind {
    /// A heading, with its level (1–6).
    Heading(u8),
    /// A paragraph of prose (or any text block without a more specific kind).
    Paragraph,
    /// An item of a list (see [`Block::list`]).
    ListItem,
    /// A quotation.
    Quote,
    /// Preformatted text or code; whitespace is kept.
    Code,
    /// A table row; cells are separated by tabs in [`Block::text`] and listed in
    /// [`Block::row`].
    TableRow,
    /// A figure or table caption.
    Caption,
}

/// What an inline [`Span`] of a block's text is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(Serialize),
    serde(tag = "type", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum SpanKind {
    /// A link. `href` is resolved against the base URL (the page's `<base href>`, else
    /// [`Options::base_url`](crate::Options::base_url)) when there is one; links with a
    /// scheme other than http, https, mailto, ftp or tel (`javascript:`, `data:`) are not
    /// kept.
    Link {
        /// The link target.
        href: String,
    },
    /// Emphasis (`em`, `i`, `cite`).
    Emphasis,
    /// Strong importance (`strong`, `b`).
    Strong,
    /// Inline code (`code`, `kbd`, `samp`).
    Code,
    /// An image at this point of the text (the span is empty: `start == end`). `src` is
    /// resolved like a link's `href`; only http and https (or relative) addresses are kept.
    Image {
        /// The picture's address.
        src: String,
        /// Its alternative text.
        alt: String,
    },
}

/// Inline structure over part of a block's text: `text[start..end]` (byte offsets, on
/// character boundaries). Spans nest: an outer span starts before or with the spans it holds.
///
/// ```
/// let page = "<article><p>The council's <a href='/budget'>draft budget</a> puts <em>most</em> \
///     of the new money into bus routes and the long-promised repairs to the harbour wall, \
///     which storms damaged twice last winter.</p></article>";
/// let article = pith::Extractor::new(pith::Options::default().base_url("https://news.example/a/"))
///     .extract(page);
/// let block = &article.blocks[0];
/// let link = &block.spans[0];
/// assert_eq!(&block.text[link.start..link.end], "draft budget");
/// assert_eq!(link.kind, pith::SpanKind::Link { href: "https://news.example/budget".into() });
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Span {
    /// Byte offset where the span starts in the text.
    pub start: usize,
    /// Byte offset where it ends (exclusive).
    pub end: usize,
    /// What it is.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub kind: SpanKind,
}

/// Where a block sits in a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct ListItem {
    /// Nesting depth: 1 for a top-level list, 2 for a list inside one of its items, …
    pub depth: u32,
    /// The list is numbered (`ol`).
    pub ordered: bool,
    /// The item's number in a numbered list (`ol start`, `li value`, else counted from 1);
    /// its position in the list for bullet lists.
    pub number: u32,
    /// The block continues an item begun by an earlier block (a second paragraph or a code
    /// block inside the same `li`) instead of starting a new item.
    pub continues_item: bool,
    /// Identifies the list: items of one list element share it, other lists in the article
    /// have other values.
    pub list: u32,
}

/// One cell of a [`TableRow`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Cell {
    /// The cell's text; several paragraphs of one cell are separated by a blank line
    /// (`\n\n`).
    pub text: String,
    /// Inline spans over `text`.
    pub spans: Vec<Span>,
    /// A header cell (`th`, or any cell of `thead`).
    pub header: bool,
    /// The cell's position in its row in the page, counting cells that were not kept, so
    /// that cells of one column line up across rows.
    pub column: u32,
}

/// The cells of a [`BlockKind::TableRow`] block.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct TableRow {
    /// Identifies the table: rows of one table share it.
    pub table: u32,
    /// Every cell of the row is a header cell.
    pub header: bool,
    /// The kept cells, in order (see [`Cell::column`] for where each stood).
    pub cells: Vec<Cell>,
}

/// One kept piece of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Its text, whitespace collapsed (except in [`BlockKind::Code`]); a `\n` outside code is
    /// a line break (`<br>`).
    pub text: String,
    /// Links, emphasis, inline code and images over `text`, ordered by start (outer first).
    pub spans: Vec<Span>,
    /// The list it belongs to, when it is inside one.
    pub list: Option<ListItem>,
    /// How many quotations (`blockquote`) it is inside.
    pub quote_depth: u32,
    /// The cells, for [`BlockKind::TableRow`].
    pub row: Option<TableRow>,
    /// For [`BlockKind::Code`]: the language the page names with a `language-*` (or `lang-*`)
    /// class, as in `<pre><code class="language-rust">`.
    pub code_language: Option<String>,
}

/// Facts about the page found in its markup (JSON-LD, Open Graph, Twitter cards, Dublin
/// Core, microdata, `<title>`, `<html lang>`) and, failing those, in its text. See the
/// README's "Output formats and metadata" for where each field comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Metadata {
    /// The article's headline, without a site-name suffix.
    pub title: Option<String>,
    /// The author(s), as the page states them.
    pub byline: Option<String>,
    /// Publication date, ISO 8601 (`2024-03-01`, `2024-03-01T10:00:00+01:00`) when the
    /// page's form could be read, else as found.
    pub published: Option<String>,
    /// Last modification date, in the same form as `published`.
    pub modified: Option<String>,
    /// Language tag (`en`, `pt-BR`), from the markup or else from the text's stop words.
    pub language: Option<String>,
    /// The site's name.
    pub site_name: Option<String>,
    /// The page's own summary.
    pub description: Option<String>,
    /// The canonical address of the page.
    pub url: Option<String>,
    /// The article's main picture (`og:image`, JSON-LD `image`), resolved like links.
    pub image: Option<String>,
    /// Tags, keywords and categories the page gives the article, in page order, without
    /// duplicates.
    pub tags: Vec<String>,
}

/// A reader comment (see [`Options::comments`](crate::Options::comments)).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Comment {
    /// The commenter's name, where the page gives it.
    pub author: Option<String>,
    /// The comment's date as the page writes it, where it gives one.
    pub date: Option<String>,
    /// The comment's text, one block per line.
    pub text: String,
}

/// The main content of a page.
///
/// An empty `text` means no article was found (a listing page, an error page, a page
/// whose text is all navigation).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Article {
    /// The headline (same as `metadata.title`, or empty).
    pub title: String,
    /// The article text: one block per line (table cells separated by tabs).
    pub text: String,
    /// The kept blocks, in reading order.
    pub blocks: Vec<Block>,
    /// Facts about the page.
    pub metadata: Metadata,
    /// What kind of page it is (article, forum, product…), from its schema.org types,
    /// `og:type`, URL and structure; [`PageType::Other`] for an empty page.
    pub page_type: PageType,
    /// Reader comments, in page order, when [`Options::comments`](crate::Options::comments)
    /// is on (empty otherwise). They are never part of [`text`](Article::text).
    pub comments: Vec<Comment>,
    /// The charset the page was decoded with; set by the byte entry points only.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub charset: Option<Charset>,
    /// A 64-bit SimHash of the text (over word 3-shingles, FNV-1a hashed): the same story
    /// copied to another site with other boilerplate gets a fingerprint a few bits away,
    /// a different story one about 32 bits away. Compare with
    /// [`fingerprint_distance`](Article::fingerprint_distance); `0` for an empty article.
    /// In JSON it is a 16-digit hexadecimal string, because JSON numbers lose precision past
    /// 2^53.
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "fingerprint::serialize_hex")
    )]
    pub fingerprint: u64,
}

impl Article {
    /// Whether an article was found.
    ///
    /// ```
    /// // The shell of a script-rendered app: nothing to read.
    /// let shell = pith::extract("<body><div id=app></div><script>start()</script></body>");
    /// assert!(shell.is_empty());
    ///
    /// // A section front: its teasers are its content (a record set).
    /// let teasers: String = (1..=12)
    ///     .map(|i| format!("<li class=story><a href=/story/{i}>Council meeting report number {i}</a></li>"))
    ///     .collect();
    /// let listing = pith::extract(&format!("<body><h1>Council</h1><ul>{teasers}</ul></body>"));
    /// assert!(listing.text.contains("Council meeting report number 7"));
    /// ```
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Number of bits in which two articles' [`fingerprint`](Article::fingerprint)s differ:
    /// at most a few for the same text with small differences, around 32 for unrelated
    /// texts.
    ///
    /// ```
    /// let story = "<article><p>The harbour reopened on Monday after a week of repairs to the \
    ///     north pier, and the first ferry of the morning left on time with a full deck of \
    ///     cars and cyclists.</p></article>";
    /// let a = pith::extract(story);
    /// let b = pith::extract(&format!("<nav><a href=/>Home</a></nav>{story}"));
    /// assert_eq!(a.fingerprint_distance(&b), 0);
    /// ```
    pub fn fingerprint_distance(&self, other: &Article) -> u32 {
        (self.fingerprint ^ other.fingerprint).count_ones()
    }
}
