//! The JSON record pith writes for a page: one line of `pith batch` output, and the output
//! of `pith PAGE --format json`. The fields are [`pith::record::Record`]'s (the library
//! owns them so that the Python package's `Article.to_dict()` is the same record); the CLI
//! adds where the page came from and how long it took.

use pith::Article;
use pith::record::Record;

/// What is known about a page apart from its article.
pub(crate) struct Source<'a> {
    pub(crate) id: Option<&'a str>,
    pub(crate) url: Option<&'a str>,
}

/// The record for a page as one line of JSON (no newline).
pub(crate) fn line(source: &Source<'_>, result: &Result<Article, String>, seconds: f64) -> String {
    let result = result.as_ref().map_err(String::as_str);
    Record::new(source.id, source.url, result)
        .seconds(seconds)
        .to_json()
}
