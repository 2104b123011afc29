//! pith pulls the article out of a web page: given saved HTML it returns the main text and
//! metadata, and drops what surrounds it — navigation menus, ads, newsletter boxes, share
//! bars, "related" lists, comment forms, footers.
//!
//! ```
//! let html = r#"<html><head><title>Ferry service resumes | Harbour News</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
//!   <article>
//!     <h1>Ferry service resumes</h1>
//!     <p>The harbour reopened on Monday after a week of repairs to the north pier, and the
//!     first ferry of the morning left on time with a full deck of cars and cyclists.</p>
//!     <p>Port officials said the timetable would return to normal by the weekend, once the
//!     second landing stage has been inspected by the engineers.</p>
//!   </article>
//!   <footer>© 2024 Harbour News. All rights reserved.</footer>
//! </body></html>"#;
//! let article = pith::extract(html);
//! assert_eq!(article.title, "Ferry service resumes");
//! assert!(article.text.starts_with("The harbour reopened on Monday"));
//! assert!(article.text.contains("second landing stage"));
//! assert!(!article.text.contains("All rights reserved"));
//! ```
//!
//! # How it works
//!
//! pith is in the boilerpipe / jusText family: it cuts the page into text blocks at
//! block-level element boundaries, measures shallow features of each block (length, link
//! density, stopword density, punctuation, class/id concepts), labels each block on its
//! own, then revises the labels by their neighbours and by the DOM region the article
//! lives in. See `extractor.rs` for the stages in order; every threshold is in `tuning.rs`
//! and every word list in `lexicon.rs`.
//!
//! # Robustness
//!
//! pith is meant to run unattended over millions of pages: bad input never panics the
//! library, and time and memory stay linear in input size, so no caller needs a timeout.
//!
//! * Input that is not a page at all (binary signatures, NUL- or control-heavy bytes, more
//!   than [`Options::max_input_bytes`]) is an [`Error`] from the fallible entry points;
//!   poor pages give a best-effort [`Article`], possibly empty.
//! * Malformed markup is parsed as browsers do (html5ever). Its tree construction scans
//!   the stack of open elements and the list of active formatting elements, so nesting
//!   would cost time quadratic in depth: elements beyond [`Options::max_depth`] open at
//!   once (the parser's real stack plus active formatting elements, read from the parser
//!   itself) and formatting elements beyond 32 are not built, their text kept.
//! * A tag keeps at most 256 attributes (the tokenizer compares each new attribute with
//!   all earlier ones); parsing stops after [`Options::max_nodes`] nodes or two nodes per
//!   input byte, so re-created formatting elements cannot amplify a small page.
//! * No walk over the tree recurses, so depth cannot overflow the stack, and the tree is an
//!   arena freed without recursion. The library code denies `unwrap`, `expect`, `panic!`,
//!   indexing and string slicing by index through clippy lints.
//! * Fuzzed with cargo-fuzz and property-tested on generated broken HTML; see the README's
//!   "Robustness" section for the commands and what was found.

#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::string_slice,
        clippy::indexing_slicing
    )
)]

mod article;
mod classify;
mod comments;
mod context;
mod dom;
mod encoding;
mod error;
mod explain;
mod extractor;
mod features;
mod fingerprint;
mod lexicon;
mod metadata;
mod options;
mod page_type;
pub mod record;
mod render;
mod segment;
mod tuning;

pub use article::{
    Article, Block, BlockKind, Cell, Comment, ListItem, Metadata, Span, SpanKind, TableRow,
};
pub use encoding::{Charset, CharsetSource};
pub use error::Error;
pub use explain::{ExplainedBlock, Explanation};
pub use extractor::Extractor;
pub use options::{
    DEFAULT_MAX_DEPTH, DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_NODES, DEFAULT_MIN_ARTICLE_CHARS,
    Focus, Options,
};
pub use page_type::{PageType, PageTypeEvidence};

/// Extracts the article from a page with default [`Options`].
///
/// Never fails: a page without an article gives an empty [`Article`].
///
/// ```
/// let menu: String = (1..=60).map(|i| format!("<a href=/s/{i}>Section {i}</a> ")).collect();
/// let article = pith::extract(&format!("<nav>{menu}</nav><footer>© 2024 Example</footer>"));
/// assert!(article.text.is_empty());
/// ```
pub fn extract(html: &str) -> Article {
    Extractor::default().extract(html)
}

/// Extracts the article from page bytes in any charset, with default [`Options`].
///
/// `content_type` is the HTTP `Content-Type` header value when known; see
/// [`Extractor::extract_bytes`] for how the charset is found.
///
/// ```
/// let err = pith::extract_bytes(b"%PDF-1.7 binary", None).unwrap_err();
/// assert!(matches!(err, pith::Error::NotHtml { .. }));
/// ```
pub fn extract_bytes(bytes: &[u8], content_type: Option<&str>) -> Result<Article, Error> {
    Extractor::default().extract_bytes(bytes, content_type)
}

/// The text of the tree pith parses a page into with the default limits, its text nodes
/// joined in document order (script and style text left out). For the property tests
/// that check extracted text is drawn from it where a guard made the tree differ from
/// html5ever's; not a stable API.
#[doc(hidden)]
pub fn parse_text(html: &str) -> String {
    dom::text(
        html,
        dom::Limits {
            max_depth: DEFAULT_MAX_DEPTH,
            max_nodes: DEFAULT_MAX_NODES,
        },
    )
}

/// The tree pith parses a page into (the guards applied, with these limits), as an
/// outline: `<name` on entering an element, `>` on leaving it, `"text"` for a text node;
/// text inside `script` and `style`, comments and doctypes left out. For the differential
/// tests and fuzz target that compare it with html5ever's own tree; not a stable API. The
/// flag: a guard dropped or stopped something (the tree may then differ).
#[doc(hidden)]
pub fn parse_outline(html: &str, max_depth: usize, max_nodes: usize) -> (Vec<String>, bool) {
    dom::outline(
        html,
        dom::Limits {
            max_depth,
            max_nodes,
        },
    )
}
