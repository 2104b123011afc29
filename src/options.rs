//! User-facing settings: [`Options`] and [`Focus`].
//!
//! Options are plain data with private fields and consuming setters, so that new settings
//! can be added without breaking callers. They select a `Tuning` preset (see
//! `tuning.rs`); stages never read `Options` directly except for the guards.

/// Which way to lean when a block could be article or boilerplate.
///
/// Each focus selects a preset of thresholds (stopword density, link density, how much
/// boilerplate the article region may swallow). The trade is measured on the shared
/// benchmarks and reported in the README.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Focus {
    /// Keep only text that is very likely article: fewer stray lines, some article lines lost.
    Precision,
    /// The default trade-off.
    #[default]
    Balanced,
    /// Keep text unless it is very likely boilerplate: the whole article, some noise.
    Recall,
}

/// Settings for an [`Extractor`](crate::Extractor).
///
/// ```
/// use pith::{Extractor, Focus, Options};
/// let options = Options::default().focus(Focus::Precision).min_article_chars(200);
/// let extractor = Extractor::new(options);
/// let article = extractor.extract("<html><body><p>Too short.</p></body></html>");
/// assert!(article.text.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub(crate) focus: Focus,
    pub(crate) min_article_chars: usize,
    pub(crate) base_url: Option<String>,
    pub(crate) include_captions: bool,
    pub(crate) comments: bool,
    pub(crate) max_input_bytes: usize,
    pub(crate) max_depth: usize,
    pub(crate) max_nodes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            focus: Focus::Balanced,
            min_article_chars: DEFAULT_MIN_ARTICLE_CHARS,
            base_url: None,
            include_captions: false,
            comments: false,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
            max_nodes: DEFAULT_MAX_NODES,
        }
    }
}

/// Default of [`Options::min_article_chars`]: 0, so whatever the pipeline keeps is returned
/// (a one-line note page gives its line). Dataset builders who want only real articles
/// typically set a few hundred characters: a one-paragraph news brief is about 250.
pub const DEFAULT_MIN_ARTICLE_CHARS: usize = 0;
/// Default of [`Options::max_input_bytes`]: 64 MiB, above the largest real pages (a few MB)
/// by an order of magnitude while bounding memory at a few hundred MB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 << 20;
/// Default of [`Options::max_depth`]: 512, the nesting depth at which browsers stop
/// building deeper trees (Blink's `kMaximumHTMLParserDOMTreeDepth`).
pub const DEFAULT_MAX_DEPTH: usize = 512;
/// Default of [`Options::max_nodes`]: 4 million nodes, far above real pages (tens of
/// thousands) and enough for a 50 MB page; with [`DEFAULT_MAX_INPUT_BYTES`] it bounds the
/// tree at about a gigabyte.
pub const DEFAULT_MAX_NODES: usize = 4_000_000;

impl Options {
    /// Precision/recall trade-off.
    ///
    /// # Default
    /// [`Focus::Balanced`].
    #[must_use]
    pub fn focus(mut self, focus: Focus) -> Self {
        self.focus = focus;
        self
    }

    /// Minimum length of the article text, in characters. When less is found, the extractor
    /// retries with relaxed thresholds; if still less, [`Article::text`](crate::Article::text)
    /// is empty.
    ///
    /// # Default
    /// [`DEFAULT_MIN_ARTICLE_CHARS`] (0).
    #[must_use]
    pub fn min_article_chars(mut self, chars: usize) -> Self {
        self.min_article_chars = chars;
        self
    }

    /// The page's address, against which relative links and image sources are resolved.
    /// A `<base href>` in the page takes precedence, as in browsers.
    ///
    /// # Default
    /// None: relative URLs stay relative.
    #[must_use]
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Keep figure and image captions in the article text.
    ///
    /// # Default
    /// `false`: captions usually repeat or describe a photo rather than tell the story, and
    /// benchmark truths (ScrapingHub's) leave them out.
    #[must_use]
    pub fn include_captions(mut self, yes: bool) -> Self {
        self.include_captions = yes;
        self
    }

    /// Gather reader comments into [`Article::comments`](crate::Article::comments) (author,
    /// date and text of each, where the page gives them). The article text never holds
    /// them, whatever this says.
    ///
    /// ```
    /// let page = "<article><p>The council agreed on Tuesday to keep the library open on \
    ///     Sundays for another year, after a petition signed by two thousand residents.</p></article>\
    ///     <section id=comments><h2>Comments</h2><ol class=comment-list>\
    ///     <li class=comment><div class=comment-author>Jo Marsh</div><p>Good news for the \
    ///     students who revise there every weekend.</p></li>\
    ///     <li class=comment><div class=comment-author>Sam Price</div><p>About time the \
    ///     council listened to people.</p></li></ol></section>";
    /// let article = pith::Extractor::new(pith::Options::default().comments(true)).extract(page);
    /// assert!(!article.text.contains("Good news"));
    /// assert_eq!(article.comments.len(), 2);
    /// assert_eq!(article.comments[0].author.as_deref(), Some("Jo Marsh"));
    /// ```
    ///
    /// # Default
    /// `false`: most uses want the article alone, and gathering costs a pass over the
    /// blocks.
    #[must_use]
    pub fn comments(mut self, yes: bool) -> Self {
        self.comments = yes;
        self
    }

    /// Largest input accepted, in bytes. Longer input gives
    /// [`Error::InputTooLarge`](crate::Error::InputTooLarge) from the fallible entry points
    /// and is cut at this size (on a character boundary) by [`Extractor::extract`](crate::Extractor::extract).
    ///
    /// # Default
    /// [`DEFAULT_MAX_INPUT_BYTES`] (64 MiB).
    #[must_use]
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// Most elements the parser holds open at once: its stack of open elements plus its
    /// list of active formatting elements (`b`, `a`, `font`… closed by something else,
    /// which the parser re-creates in the next paragraph). Start tags that would go past it
    /// are dropped with their end tags; their text is kept and joins the enclosing element.
    /// This keeps parsing linear on adversarial nesting, which otherwise costs time
    /// quadratic in depth.
    ///
    /// # Default
    /// [`DEFAULT_MAX_DEPTH`] (512).
    #[must_use]
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth.max(1);
        self
    }

    /// Most nodes (elements, text runs, comments) built. Parsing stops at this count, or
    /// earlier when the page builds more than two nodes per byte of input (the parser
    /// re-creating unclosed formatting elements in every paragraph; real pages build one
    /// per twenty bytes or fewer), and the rest of the page is ignored: best effort, the
    /// article is extracted from what was built.
    ///
    /// # Default
    /// [`DEFAULT_MAX_NODES`] (4 million).
    #[must_use]
    pub fn max_nodes(mut self, nodes: usize) -> Self {
        self.max_nodes = nodes.max(1);
        self
    }
}
