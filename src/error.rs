//! The one error type of the crate.

/// Why a page could not be turned into an [`Article`](crate::Article).
///
/// Only input that cannot be read as a web page at all is an error; poor pages (no
/// article, broken markup) give a best-effort `Article` instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is longer than [`Options::max_input_bytes`](crate::Options::max_input_bytes).
    #[error(
        "input is {size} bytes, over the limit of {limit}; raise Options::max_input_bytes to accept it"
    )]
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The bytes do not look like text (an image, an archive, a PDF…).
    #[error("input does not look like an HTML page ({reason}); pass only text/html responses")]
    NotHtml {
        /// What gave it away.
        reason: &'static str,
    },
}
