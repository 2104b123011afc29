//! The public output types: [`Article`], [`Block`], [`BlockKind`], [`Metadata`].
//!
//! They own their data (plain `String`s), so no parser type leaks into the public API and
//! an `Article` outlives the page it came from.

use crate::encoding::Charset;

/// What a kept block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BlockKind {
    /// A heading, with its level (1–6).
    Heading(u8),
    /// A paragraph of prose (or any text block without a more specific kind).
    Paragraph,
    /// An item of a list.
    ListItem,
    /// A quotation.
    Quote,
    /// Preformatted text or code; whitespace is kept.
    Code,
    /// A table row; cells are separated by tabs.
    TableRow,
    /// A figure or table caption.
    Caption,
}

/// One kept piece of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Its text, whitespace collapsed (except in [`BlockKind::Code`]).
    pub text: String,
}

/// Facts about the page found in its markup (meta tags, `<title>`, `<html lang>`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Metadata {
    /// The article's headline, without a site-name suffix.
    pub title: Option<String>,
    /// The author(s), as the page states them.
    pub byline: Option<String>,
    /// Publication date, ISO 8601 when the page's form could be read, else as found.
    pub published: Option<String>,
    /// Language tag (`en`, `pt-BR`), from the markup or else from the text's stop words.
    pub language: Option<String>,
    /// The site's name.
    pub site_name: Option<String>,
    /// The page's own summary.
    pub description: Option<String>,
    /// The canonical address of the page.
    pub url: Option<String>,
}

/// The main content of a page.
///
/// An empty `text` means no article was found (a listing page, an error page, a page
/// whose text is all navigation).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
    /// The charset the page was decoded with; set by the byte entry points only.
    pub charset: Option<Charset>,
}

impl Article {
    /// Whether an article was found.
    ///
    /// ```
    /// // A section front: links to forty stories, no story.
    /// let items: String = (1..=40)
    ///     .map(|i| format!("<li><a href=/story/{i}>Council meeting report number {i}</a></li>"))
    ///     .collect();
    /// let listing = pith::extract(&format!("<html><body><ul>{items}</ul></body></html>"));
    /// assert!(listing.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}
