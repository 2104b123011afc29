//! The pipeline: the algorithm's table of contents.
//!
//! ```text
//! bytes ─0 decode─▶ &str ─1 parse & prune─▶ DOM ─2 segment─▶ blocks ─3 features─▶
//!   ─4 classify─▶ labels ─5 context─▶ decisions ─6 render─▶ Article
//!                        DOM ─side: metadata─▶ Metadata ──────────────▲
//!              DOM + blocks + Metadata ─side: page type─▶ PageType ───────▲
//! ```
//!
//! The page type is decided after segmentation and metadata, before stages 3–5, so that
//! later stages can read it.
//!
//! When the kept text is short, stages 3–5 run once more with the `Recall` preset and the
//! longer result is kept (Readability.js retries `_grabArticle` with relaxed flags the same
//! way).

use crate::article::{Article, Block, BlockKind, Metadata};
use crate::classify::{self, Decision, Label};
use crate::comments;
use crate::context::{self, PageContext, Revised};
use crate::dom::{self, Limits, ParseReport};
use crate::encoding;
use crate::error::Error;
use crate::features::{self, Features, PageFeatures};
use crate::fingerprint;
use crate::metadata;
use crate::options::{Focus, Options};
use crate::page_type::{self, PageTypeEvidence};
use crate::render;
use crate::segment::{self, Segmentation};
use crate::tuning::{self, Tuning};
use std::borrow::Cow;

/// A configured extractor. Cheap to create, immutable, `Send + Sync`: build one and share it
/// across threads.
///
/// ```
/// use pith::{Extractor, Options, Focus};
/// let extractor = Extractor::new(Options::default().focus(Focus::Recall));
/// let page = "<html><body><article><p>The harbour reopened on Monday after a week of \
///     repairs, and the first ferry left on time with a full deck of cars and cyclists \
///     waiting in the rain.</p></article></body></html>";
/// let article = extractor.extract(page);
/// assert!(article.text.starts_with("The harbour reopened"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    options: Options,
}

/// Everything the pipeline computed for one page (used by `extract` and `explain`).
pub(crate) struct Analysis {
    pub(crate) seg: Segmentation,
    pub(crate) features: Vec<Features>,
    pub(crate) page: PageFeatures,
    pub(crate) context_free: Vec<Decision>,
    pub(crate) revised: Revised,
    pub(crate) metadata: Metadata,
    /// What kind of page this is.
    pub(crate) page_type: page_type::PageType,
    /// The votes that decided `page_type`.
    pub(crate) page_type_evidence: Vec<PageTypeEvidence>,
    /// Where each metadata value came from (see `metadata::Collected::sources`).
    pub(crate) metadata_sources: Vec<(&'static str, &'static str)>,
    /// The URL links and images resolve against (`<base href>`, else `Options::base_url`).
    pub(crate) base: Option<url::Url>,
    pub(crate) parse: ParseReport,
    /// The relaxed retry's result was kept.
    pub(crate) retried: bool,
    /// Text hidden by inline styles was read (see [`reveal_styled`]).
    pub(crate) revealed: bool,
    /// A product page that shows no description of its own: its JSON-LD `Product`
    /// description, added after the kept text (see [`shown_description`]).
    pub(crate) json_ld_description: Option<String>,
}

impl Extractor {
    /// An extractor with these options.
    pub fn new(options: Options) -> Self {
        Extractor { options }
    }

    /// The options in use.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Extracts the article from a page. Never fails: input over
    /// [`Options::max_input_bytes`] is cut at that size, and a page without an article gives
    /// an empty [`Article`].
    pub fn extract(&self, html: &str) -> Article {
        let html = truncate(html, self.options.max_input_bytes);
        self.build(self.analyse(html))
    }

    /// Like [`extract`](Self::extract), but input over [`Options::max_input_bytes`] is an
    /// error instead of being cut.
    pub fn try_extract(&self, html: &str) -> Result<Article, Error> {
        self.check_size(html.len())?;
        Ok(self.build(self.analyse(html)))
    }

    /// Extracts the article from page bytes in any charset. The charset is taken from a
    /// byte order mark, else the `charset` of `content_type` (an HTTP `Content-Type` header
    /// value), else a `<meta>` in the first 1024 bytes, else guessed; the result's
    /// [`Article::charset`] says which.
    ///
    /// ```
    /// let bytes = b"<meta charset=windows-1252><article><p>Caf\xE9 owners on the square said \
    ///     the new market hours would bring more visitors, and the council agreed to try \
    ///     them for a year before deciding.</p></article>";
    /// let article = pith::Extractor::default().extract_bytes(bytes, None).unwrap();
    /// assert!(article.text.starts_with("Café owners"));
    /// assert_eq!(article.charset.unwrap().name, "windows-1252");
    /// ```
    pub fn extract_bytes(
        &self,
        bytes: &[u8],
        content_type: Option<&str>,
    ) -> Result<Article, Error> {
        let decoded = self.decode(bytes, content_type)?;
        let mut article = self.build(self.analyse(&decoded.text));
        article.charset = Some(decoded.charset);
        Ok(article)
    }

    /// Like [`extract_bytes`](Self::extract_bytes), taking ownership of the page so that its
    /// bytes are freed as soon as the tree is built, before the later stages allocate their
    /// own tables. The output is the same; the peak memory of a large page is lower by the
    /// page's size. UTF-8 input is used in place, without a copy.
    ///
    /// ```
    /// let page = b"<article><p>The harbour reopened on Monday after a week of repairs to the \
    ///     north pier, and the first ferry left on time with a full deck of cars.</p></article>";
    /// let article = pith::Extractor::default().extract_vec(page.to_vec(), None).unwrap();
    /// assert!(article.text.starts_with("The harbour reopened"));
    /// ```
    pub fn extract_vec(
        &self,
        bytes: Vec<u8>,
        content_type: Option<&str>,
    ) -> Result<Article, Error> {
        let decoded = self.decode(&bytes, content_type)?;
        let charset = decoded.charset;
        let text = match decoded.text {
            // The whole input is the text: reuse its buffer.
            Cow::Borrowed(text) if text.len() == bytes.len() => None,
            // After a byte order mark: copied without it.
            Cow::Borrowed(text) => Some(text.to_owned()),
            Cow::Owned(text) => Some(text),
        };
        let html = match text {
            Some(text) => {
                drop(bytes);
                text
            }
            // Validated by `decode`; the lossy path is never taken.
            None => String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        };
        let mut article = self.build(self.analyse(html));
        article.charset = Some(charset);
        Ok(article)
    }

    /// Stage 0: the size guard and the charset.
    pub(crate) fn decode<'a>(
        &self,
        bytes: &'a [u8],
        content_type: Option<&str>,
    ) -> Result<encoding::Decoded<'a>, Error> {
        self.check_size(bytes.len())?;
        encoding::decode(bytes, content_type)
    }

    fn check_size(&self, size: usize) -> Result<(), Error> {
        let limit = self.options.max_input_bytes;
        if size > limit {
            return Err(Error::InputTooLarge { size, limit });
        }
        Ok(())
    }

    /// Runs stages 1–5 (see the module doc). An owned page is freed once its tree is built.
    pub(crate) fn analyse(&self, html: impl AsRef<str>) -> Analysis {
        let limits = Limits {
            max_depth: self.options.max_depth,
            max_nodes: self.options.max_nodes,
        };
        // 1. parse and prune
        let (doc, parse) = dom::parse(html.as_ref(), limits);
        drop(html);
        // 2. segment, and the side stages metadata and page type in the same traversal
        let mut meta = metadata::Walk::default();
        let mut kind = page_type::Walk::default();
        let seg = segment::blocks(&doc, false, |edge| {
            meta.edge(edge);
            kind.edge(edge);
        });
        // More text hidden by inline styles than visible: the page may show itself by
        // script (see `NeverContent::Styled`), so the tree is kept for a second reading.
        // Other pages free it now.
        let doc = (seg.styled_hidden_bytes > seg.text.len()).then_some(doc);
        let json_ld_types = meta.json_ld_types();
        let metadata::Collected {
            metadata,
            headline,
            base,
            sources: metadata_sources,
            product_description,
        } = meta.conclude(self.options.base_url.as_deref());
        let decided = page_type::decide(
            &kind,
            &json_ld_types,
            &metadata,
            self.options.base_url.as_deref(),
            &seg,
        );
        let page_context = PageContext {
            title: headline.as_deref(),
            include_captions: self.options.include_captions,
            language: metadata.language.as_deref(),
            page_type: decided.page_type,
        };
        // 3–5. features, classify, context
        let tuning = Tuning::for_focus(self.options.focus);
        let (features, page, context_free, revised) = run_labels(&seg, tuning, page_context);
        let mut analysis = Analysis {
            seg,
            features,
            page,
            context_free,
            revised,
            metadata: Metadata::default(),
            page_type: decided.page_type,
            page_type_evidence: decided.evidence,
            metadata_sources,
            base,
            parse,
            retried: false,
            revealed: false,
            json_ld_description: None,
        };
        self.read_again(&mut analysis, doc.as_ref(), tuning, page_context);
        if decided.page_type == page_type::PageType::Product {
            add_product_description(&mut analysis, product_description);
        }
        analysis.metadata = metadata;
        analysis
    }

    /// The second readings of a page that kept too little: the relaxed retry, kept when it
    /// keeps more; then, when nothing is kept still and the tree was kept for it, the
    /// reading with the text hidden by inline styles shown (see [`reveal_styled`]).
    fn read_again(
        &self,
        analysis: &mut Analysis,
        doc: Option<&dom::Document>,
        tuning: &Tuning,
        page_context: PageContext<'_>,
    ) {
        let kept = kept_chars(&analysis.seg, &analysis.revised);
        let floor = (tuning.retry_below_chars as usize).max(self.options.min_article_chars);
        if kept < floor && self.options.focus != Focus::Recall {
            let relaxed = run_labels(&analysis.seg, &Tuning::RECALL, page_context);
            if kept_chars(&analysis.seg, &relaxed.3) > kept {
                analysis.take(relaxed);
                analysis.retried = true;
            }
        }
        if let Some(doc) = doc {
            if kept_chars(&analysis.seg, &analysis.revised) == 0 {
                reveal_styled(analysis, doc, tuning, page_context);
            }
        }
    }

    /// Stage 6 and the article.
    fn build(&self, a: Analysis) -> Article {
        let Analysis {
            mut seg,
            features,
            page,
            context_free,
            revised,
            metadata,
            page_type,
            base,
            json_ld_description,
            ..
        } = a;
        let comments = if self.options.comments {
            comments::collect(&seg, &features, &context_free, &revised.decisions)
        } else {
            Vec::new()
        };
        // The stages' tables grow with the page: each is freed as soon as no later step reads
        // it, so that on a large page they do not all add up at the peak.
        drop((features, context_free, std::mem::take(&mut seg.elements)));
        let mut blocks = render::blocks(&seg, &revised.decisions, base.as_ref());
        drop((seg, revised));
        if let Some(description) = json_ld_description {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                text: description,
                spans: Vec::new(),
                list: None,
                quote_depth: 0,
                row: None,
                code_language: None,
            });
        }
        let mut text = render::text(&blocks);
        if text.chars().count() < self.options.min_article_chars {
            blocks.clear();
            text.clear();
        }
        let mut metadata = metadata;
        if metadata.language.is_none() {
            metadata.language = page.language.map(str::to_string);
        }
        Article {
            title: metadata.title.clone().unwrap_or_default(),
            fingerprint: fingerprint::simhash(&text),
            text,
            blocks,
            metadata,
            page_type,
            comments,
            charset: None,
        }
    }
}

/// On a product page that shows no description of its own, its JSON-LD `Product`
/// description, added after the kept text and named as a metadata source.
fn add_product_description(analysis: &mut Analysis, description: Option<String>) {
    analysis.json_ld_description =
        description.filter(|d| !shown_description(&analysis.seg, &analysis.revised, d));
    if analysis.json_ld_description.is_some() {
        analysis.metadata_sources.push(("description", "json-ld"));
    }
}

type Labels = (Vec<Features>, PageFeatures, Vec<Decision>, Revised);

fn run_labels(seg: &Segmentation, tuning: &Tuning, page: PageContext<'_>) -> Labels {
    // 3. features
    let (features, page_features) =
        features::measure_page(seg, tuning, page.language, page.page_type);
    // 4. context-free classification
    let context_free = classify::label(&features, tuning);
    // 5. context revision
    let revised = context::revise(seg, &features, &context_free, tuning, page);
    (features, page_features, context_free, revised)
}

impl Analysis {
    /// Takes the labels of another run over the same segmentation.
    fn take(&mut self, labels: Labels) {
        (self.features, self.page, self.context_free, self.revised) = labels;
    }
}

/// When nothing was kept and more text is hidden by inline styles than shown, reads the
/// page again with that text visible, as it is once the page's script has run: a
/// Next.js-style wrapper with `visibility:hidden` round the whole body, a lock-screen app's
/// `display:none` round `<main>`. Kept only if it finds an article.
fn reveal_styled(
    analysis: &mut Analysis,
    doc: &dom::Document,
    tuning: &Tuning,
    page: PageContext<'_>,
) {
    let seg = segment::blocks(doc, true, |_| {});
    let mut labels = run_labels(&seg, tuning, page);
    if kept_chars(&seg, &labels.3) == 0 {
        labels = run_labels(&seg, &Tuning::RECALL, page);
    }
    if kept_chars(&seg, &labels.3) == 0 {
        return;
    }
    analysis.seg = seg;
    analysis.take(labels);
    analysis.revealed = true;
}

/// Whether the kept text shows the product's description `d` (its JSON-LD one): the kept
/// blocks hold its opening words, or hold more text than it (a page with a description of
/// its own, worded otherwise: the JSON-LD text is often a shorter blurb, which the wcxb-dev
/// truths leave out on 10 of the 19 product pages whose kept text lacks it). What is left
/// is a product page that shows less than its own JSON-LD says, a shop rendered by script
/// whose visible text is a cookie notice or nothing; no page of the shared sets is one.
fn shown_description(seg: &Segmentation, revised: &Revised, d: &str) -> bool {
    let words = |s: &str| -> String {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .flat_map(|w| [w.to_lowercase(), " ".to_string()])
            .collect()
    };
    let kept: String = seg
        .blocks
        .iter()
        .zip(&revised.decisions)
        .filter(|(_, d)| d.label == Label::Good)
        .map(|(b, _)| words(seg.text_of(b)))
        .collect();
    let described = words(d);
    let opening: String = described
        .chars()
        .take(tuning::DESCRIPTION_OPENING_CHARS)
        .collect();
    kept.chars().count() >= described.chars().count() || kept.contains(opening.trim_end())
}

fn kept_chars(seg: &Segmentation, revised: &Revised) -> usize {
    seg.blocks
        .iter()
        .zip(&revised.decisions)
        .filter(|(_, d)| d.label == Label::Good)
        .map(|(b, _)| b.chars as usize)
        .sum()
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_respects_char_boundaries() {
        assert_eq!(truncate("héllo", 2), "h");
        assert_eq!(truncate("héllo", 3), "hé");
        assert_eq!(truncate("abc", 10), "abc");
    }

    fn shop_page(body: &str) -> String {
        format!(
            r#"<html><head><script type="application/ld+json">{{"@context":"https://schema.org",
            "@type":"Product","name":"Harbour Wool Socks","offers":{{"@type":"Offer",
            "price":"14.00","priceCurrency":"EUR"}},"description":"<p>Knitted from undyed
            island wool on the old mill's frames, these socks keep their shape after a winter
            of boots &amp; long walks by the shore.</p>"}}</script></head><body>{body}</body></html>"#
        )
    }

    #[test]
    fn a_product_page_that_shows_no_description_gets_its_json_ld_one() {
        let ex = Extractor::default();
        let shell = shop_page("<div id=app></div><p>We use cookies.</p>");
        let a = ex.extract(&shell);
        assert_eq!(a.page_type, page_type::PageType::Product);
        assert!(
            a.text.ends_with(
                "Knitted from undyed island wool on the old mill's frames, these socks keep \
                 their shape after a winter of boots & long walks by the shore."
            ),
            "{}",
            a.text
        );
        assert!(
            ex.explain(&shell)
                .metadata_sources
                .contains(&("description", "json-ld"))
        );
        // A page showing the description, or a longer one of its own, is left as it is.
        let shown = shop_page(
            "<main><h1>Harbour Wool Socks</h1><p>Knitted from undyed island wool on the old \
             mill's frames, these socks keep their shape after a winter of boots and long \
             walks by the shore.</p><button>Add to cart</button></main>",
        );
        let a = ex.extract(&shown);
        assert_eq!(a.text.matches("Knitted from").count(), 1, "{}", a.text);
        assert!(
            !ex.explain(&shown)
                .metadata_sources
                .iter()
                .any(|s| s.0 == "description")
        );
    }

    #[test]
    fn oversized_input_is_an_error_from_try_extract() {
        let ex = Extractor::new(Options::default().max_input_bytes(10));
        assert_eq!(
            ex.try_extract("<p>more than ten bytes</p>"),
            Err(Error::InputTooLarge {
                size: 26,
                limit: 10
            })
        );
    }
}
