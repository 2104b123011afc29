//! `explain`: every block with its features, label and the rule that decided it.
//!
//! For users who wonder why text was dropped (`pith --explain`) and for error analysis
//! (`pith eval --explain ID`). Built from the same analysis `extract` uses, so what it shows
//! is what happened.

use crate::article::BlockKind;
use crate::classify::{Label, Rule};
use crate::extractor::{Analysis, Extractor};
use crate::lexicon::{Hints, TagKind};
use crate::page_type::{PageType, PageTypeEvidence};
use crate::segment::{NONE, Segmentation};

/// Why each block of a page was kept or dropped.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Explanation {
    /// Every text block of the page, in reading order.
    pub blocks: Vec<ExplainedBlock>,
    /// The stop-list language used for stopword density, if one fits the page.
    pub language: Option<String>,
    /// Share of the page's words that are stopwords of the best-fitting stop list
    /// (whether or not that list was used).
    pub stopword_share: f32,
    /// Element path of the article region (`html > body > div > article`).
    pub region: String,
    /// Whether the relaxed retry's result was used.
    pub retried: bool,
    /// Whether text hidden by inline styles was read, because nothing else was kept and
    /// more text was hidden than shown (a page that shows itself by script).
    pub revealed: bool,
    /// The page type given to the article.
    pub page_type: PageType,
    /// Every vote on the page type, in the order found (see [`PageTypeEvidence`]).
    pub page_type_evidence: Vec<PageTypeEvidence>,
    /// Start tags dropped by the depth guard while parsing.
    pub dropped_deep_tags: usize,
    /// Whether the node limit cut the page.
    pub truncated: bool,
    /// The source of each metadata value found, as (field, source): `("title", "h1")`,
    /// `("byline", "meta")`, `("published", "json-ld")`, `("modified", "meta")`. Sources:
    /// `json-ld`, `meta`, `microdata`, `h1`, `stated-title` (JSON-LD, meta or `<title>`
    /// without its site part), `byline-element`, `site-name`, `time-pubdate`,
    /// `time-near-headline`, `text-byline`, `text-after-headline`, `text-before-headline`,
    /// `url`, `time`, `time-updated`, `text-updated`.
    pub metadata_sources: Vec<(&'static str, &'static str)>,
}

/// One block and the decision about it.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ExplainedBlock {
    /// The block's text.
    pub text: String,
    /// What the markup makes it.
    pub kind: BlockKind,
    /// Whether it is in the article.
    pub kept: bool,
    /// The context-free label (`good`, `near-good`, `short`, `bad`).
    pub first_label: &'static str,
    /// The rule behind the final decision.
    pub rule: String,
    /// Length in weighted characters.
    pub length: u32,
    /// Words.
    pub words: u32,
    /// Linked characters / characters.
    pub link_density: f32,
    /// Stopword density in the page language, if a stop list fits.
    pub stopword_density: Option<f32>,
    /// Sentence-ending punctuation marks.
    pub sentence_ends: u32,
    /// Concepts named by class, id, role or tag of the enclosing elements.
    pub hints: Vec<&'static str>,
    /// Element path of the block's innermost block-level element.
    pub path: String,
}

impl Extractor {
    /// Runs the pipeline and reports every block's features and decision.
    ///
    /// ```
    /// let page = "<nav><a href=/>Home</a> <a href=/news>News</a></nav><article><p>The \
    ///     river rose two metres overnight, and the town moved its market to the hill above \
    ///     the old bridge until the water goes down again.</p></article>";
    /// let why = pith::Extractor::default().explain(page);
    /// let nav = &why.blocks[0];
    /// assert!(!nav.kept);
    /// assert!(why.blocks[1].kept);
    /// ```
    pub fn explain(&self, html: &str) -> Explanation {
        let a = self.analyse(html);
        explanation(&a)
    }

    /// Like [`explain`](Self::explain) for page bytes in any charset, decoded as
    /// [`extract_bytes`](Self::extract_bytes) decodes them.
    pub fn explain_bytes(
        &self,
        bytes: &[u8],
        content_type: Option<&str>,
    ) -> Result<Explanation, crate::Error> {
        let text = self.decode(bytes, content_type)?;
        Ok(explanation(&self.analyse(&text.text)))
    }
}

fn explanation(a: &Analysis) -> Explanation {
    let blocks = a
        .seg
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let f = a.features.get(i);
            let d = a.revised.decisions.get(i);
            ExplainedBlock {
                text: a.seg.text_of(b).to_string(),
                kind: kind(b.kind),
                kept: d.is_some_and(|d| d.label == Label::Good),
                first_label: a.context_free.get(i).map_or("bad", |d| label_name(d.label)),
                rule: d.map_or_else(String::new, |d| rule_name(d.rule)),
                length: f.map_or(0, |f| f.length),
                words: f.map_or(0, |f| f.words),
                link_density: f.map_or(0.0, |f| f.link_density),
                stopword_density: f.and_then(|f| f.stopword_density),
                sentence_ends: f.map_or(0, |f| f.sentence_ends),
                hints: b.hints.names(),
                path: path(&a.seg, b.element),
            }
        })
        .collect();
    Explanation {
        blocks,
        language: a.page.language.map(str::to_string),
        stopword_share: a.page.stopword_share,
        region: path(&a.seg, a.revised.region),
        retried: a.retried,
        revealed: a.revealed,
        page_type: a.page_type,
        page_type_evidence: a.page_type_evidence.clone(),
        dropped_deep_tags: a.parse.dropped_deep_tags,
        truncated: a.parse.truncated,
        metadata_sources: a.metadata_sources.clone(),
    }
}

fn kind(k: TagKind) -> BlockKind {
    match k {
        TagKind::Heading(l) => BlockKind::Heading(l),
        TagKind::ListItem => BlockKind::ListItem,
        TagKind::Quote => BlockKind::Quote,
        TagKind::Code => BlockKind::Code,
        TagKind::TableRow | TagKind::TableCell => BlockKind::TableRow,
        TagKind::Caption => BlockKind::Caption,
        TagKind::Other => BlockKind::Paragraph,
    }
}

fn label_name(l: Label) -> &'static str {
    match l {
        Label::Good => "good",
        Label::NearGood => "near-good",
        Label::Short => "short",
        Label::Bad => "bad",
    }
}

fn rule_name(r: Rule) -> String {
    let name = match r {
        Rule::LinkDensity => "link density above the limit",
        Rule::LinkedProse => "linked prose (kept only inside the article span)",
        Rule::Phrase => "boilerplate phrase in a short block",
        Rule::ShortLinked => "short and linked",
        Rule::Count => "a bare count (votes, replies, a page number) or a member card field",
        Rule::TooShort => "too short to judge alone",
        Rule::Stopwords => "long, many stopwords",
        Rule::SomeStopwords => "some stopwords",
        Rule::FewStopwords => "too few stopwords for prose",
        Rule::LongSentences => "long, with sentences (no stop list)",
        Rule::Sentence => "has a sentence (no stop list)",
        Rule::Unlinked => "unlinked, no sentence (no stop list)",
        Rule::NoSentence => "no sentence (no stop list)",
        Rule::InsideArticle => "short or list-like, inside the article span",
        Rule::OutsideArticle => "short, before or after the article span",
        Rule::ArticleEdge => "short sentence opening or closing the article",
        Rule::NearGoodInRegion => "near-good, inside the article region",
        Rule::HeadingBeforeGood => "heading before good text",
        Rule::OutsideRegion => "outside the article region",
        Rule::NearRegion => "good, just outside the article region",
        Rule::HintedBox(h) => return format!("inside a {} box", hint_list(h)),
        Rule::Caption => "caption",
        Rule::Byline => "byline or post meta",
        Rule::Title => "the headline (reported as title)",
        Rule::TinyPage => "tiny page: all of it is the article",
        Rule::Fallback => "fallback: nothing else was kept, and this reads as prose",
        Rule::FallbackText => {
            "fallback: nothing else was kept, and this is text of its own outside boilerplate"
        }
        Rule::Record => {
            "a record of a repeated set (teaser, card, post) that holds the page's text"
        }
        Rule::NoscriptCopy => "noscript: a copy of text the page shows outside it",
        Rule::RepeatedCopy => "repeat: a second copy of a box shown earlier",
        Rule::CodeBlock => "code block on a documentation page",
        Rule::WholeRow => "a cell of a kept table row",
        Rule::DefinitionTerm => "the term of a kept definition",
    };
    name.to_string()
}

fn hint_list(h: Hints) -> String {
    h.names().join("/")
}

/// `html > body > div[article] > p` for an element index.
fn path(seg: &Segmentation, element: u32) -> String {
    let mut names = Vec::new();
    let mut i = element;
    while i != NONE {
        let Some(e) = seg.elements.get(i as usize) else {
            break;
        };
        if e.parent == NONE {
            break;
        }
        let hints = e.own_hints.names();
        if hints.is_empty() {
            names.push(e.name.to_string());
        } else {
            names.push(format!("{}[{}]", e.name, hints.join(",")));
        }
        i = e.parent;
    }
    names.reverse();
    names.join(" > ")
}
