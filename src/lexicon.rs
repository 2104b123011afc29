//! Every word list, tag set and class/id token group the pipeline uses.
//!
//! Nothing here is a number to tune (those live in [`crate::tuning`]); these are the
//! vocabularies. Each list says where it came from and what adding to it trades.
//!
//! * Tag sets follow the HTML Living Standard's element categories (§3.2.5 content models,
//!   §4 element index), narrowed to what matters for text extraction.
//! * Class/id token groups are grouped by concept, after trafilatura's `xpaths.py` groups and
//!   Readability.js's `unlikelyCandidates` / `positive` / `negative` patterns. They are generic
//!   words that many sites use; no list holds one site's class names.
//! * Stop lists are the most frequent function words of each language, written by the pith
//!   team from grammar references (articles, pronouns, prepositions, conjunctions, auxiliary
//!   verbs). They are short on purpose: jusText (Pomikálek 2011) showed that stopword density
//!   separates prose from boilerplate even with small lists, and short lists keep the
//!   per-word lookup cheap.

use crate::page_type::kind::PageType;
use aho_corasick::AhoCorasick;
use once_cell::sync::Lazy;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// How an element takes part in extraction, decided from its tag name alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TagRole {
    /// Never holds readable content (scripts, styles, form controls, embedded media):
    /// the whole subtree is skipped.
    Skip,
    /// Starts and ends a text block (paragraphs, headings, list items, containers).
    Block,
    /// Flows inside a block (links, emphasis, spans).
    Inline,
    /// A line break: `<br>`. Two in a row end a block (jusText's rule).
    Break,
}

/// What a block-level element says about the text directly inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TagKind {
    /// `h1`–`h6`, with the level.
    Heading(u8),
    /// `li`, `dt`, `dd`.
    ListItem,
    /// `blockquote`, `q` used as a block.
    Quote,
    /// `pre`: whitespace is kept.
    Code,
    /// `tr`: cells are joined with tabs.
    TableRow,
    /// `td`, `th`: a cell boundary inside a row.
    TableCell,
    /// `figcaption`, `caption`.
    Caption,
    /// Anything else: `p`, `div`, `section`…
    Other,
}

/// Role and kind of an element from its (lower-case) local name.
///
/// Source: HTML Living Standard, "flow content" that is not "phrasing content" is a block;
/// embedded and interactive content that renders no text of its own is skipped. Unknown
/// names (custom elements, typos) are inline, as browsers render them.
pub(crate) fn tag_role(name: &str) -> (TagRole, TagKind) {
    use TagKind::*;
    use TagRole::*;
    match name {
        "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "nav" | "aside"
        | "address" | "center" | "details" | "summary" | "dialog" | "fieldset" | "legend"
        | "figure" | "form" | "hgroup" | "menu" | "ul" | "ol" | "dl" | "table" | "tbody"
        | "thead" | "tfoot" | "hr" | "body" | "html" | "noframes" | "frameset" | "search"
        // Read as a reader without scripts (a crawler) sees it: the tree is built with
        // scripting off, so its content is markup, and the block scoring judges it.
        | "noscript" => {
            (Block, Other)
        }
        "h1" => (Block, Heading(1)),
        "h2" => (Block, Heading(2)),
        "h3" => (Block, Heading(3)),
        "h4" => (Block, Heading(4)),
        "h5" => (Block, Heading(5)),
        "h6" => (Block, Heading(6)),
        "li" | "dt" | "dd" => (Block, ListItem),
        "blockquote" => (Block, Quote),
        "pre" | "listing" | "xmp" | "plaintext" => (Block, Code),
        "tr" => (Block, TableRow),
        "td" | "th" => (Block, TableCell),
        "figcaption" | "caption" => (Block, Caption),
        "br" => (Break, Other),
        "script" | "style" | "template" | "svg" | "math" | "iframe" | "object"
        | "embed" | "canvas" | "video" | "audio" | "source" | "track" | "map" | "input"
        | "select" | "option" | "optgroup" | "textarea" | "button" | "head" | "title" | "meta"
        | "link" | "base" | "datalist" | "output" | "progress" | "meter" | "frame" | "applet"
        | "param" | "picture" | "img" | "area" | "col" | "colgroup" | "wbr" => (Skip, Other),
        _ => (Inline, Other),
    }
}

/// Concepts that class, id, role and tag names point at.
///
/// A bit set; an element's hints are the union of its own and its ancestors'. Grouping by
/// concept (not one flat "negative" list as Readability does) lets the context stage treat
/// a share bar differently from a comment section, and lets `--explain` say which concept
/// decided.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Hints(pub(crate) u32);

impl Hints {
    pub(crate) const NONE: Hints = Hints(0);
    /// Site navigation, menus, breadcrumbs, sidebars.
    pub(crate) const NAV: Hints = Hints(1);
    /// Share and follow buttons.
    pub(crate) const SHARE: Hints = Hints(1 << 1);
    /// Related, recommended, "more stories", trending lists.
    pub(crate) const RELATED: Hints = Hints(1 << 2);
    /// Newsletter sign-up and subscription prompts.
    pub(crate) const NEWSLETTER: Hints = Hints(1 << 3);
    /// Reader comments and comment forms.
    pub(crate) const COMMENT: Hints = Hints(1 << 4);
    /// Cookie and consent banners.
    pub(crate) const CONSENT: Hints = Hints(1 << 5);
    /// Advertising and sponsored content.
    pub(crate) const AD: Hints = Hints(1 << 6);
    /// Page footers and copyright lines.
    pub(crate) const FOOTER: Hints = Hints(1 << 7);
    /// Photo captions and credits.
    pub(crate) const CAPTION: Hints = Hints(1 << 8);
    /// Bylines, datelines, post meta.
    pub(crate) const BYLINE: Hints = Hints(1 << 9);
    /// Tag and keyword lists.
    pub(crate) const TAGS: Hints = Hints(1 << 10);
    /// Page header / masthead.
    pub(crate) const HEADER: Hints = Hints(1 << 11);
    /// Author bio boxes.
    pub(crate) const AUTHOR: Hints = Hints(1 << 12);
    /// Words that mark the article body (Readability's "positive" list).
    pub(crate) const ARTICLE: Hints = Hints(1 << 13);
    /// Visually hidden text (screen-reader only).
    pub(crate) const HIDDEN: Hints = Hints(1 << 14);
    /// Paywall / subscription wall prompts.
    pub(crate) const PAYWALL: Hints = Hints(1 << 15);
    /// Strong evidence of the article body itself: `<article>`, `itemprop=articleBody`,
    /// `article-body`/`entry-content`-style names. Unlike [`Hints::ARTICLE`] (words such as
    /// `content` or `main` that page wrappers use too), this earns a region a bonus.
    pub(crate) const BODY: Hints = Hints(1 << 16);
    /// The element is a page landmark that never holds the article: a `<nav>` or
    /// `<footer>` tag, or ARIA `navigation`/`contentinfo`. Set with the concept itself;
    /// unlike a class name, markup semantics are rarely misapplied.
    pub(crate) const LANDMARK: Hints = Hints(1 << 17);
    /// Inside `<noscript>`: the page's fallback for readers without scripts. It may be the
    /// only copy of the content (a forum's crawler view) or a second copy of text the page
    /// also shows outside it.
    pub(crate) const NOSCRIPT: Hints = Hints(1 << 18);

    /// Concepts that mark boilerplate regions.
    pub(crate) const BOILERPLATE: Hints = Hints(
        Self::NAV.0
            | Self::SHARE.0
            | Self::RELATED.0
            | Self::NEWSLETTER.0
            | Self::COMMENT.0
            | Self::CONSENT.0
            | Self::AD.0
            | Self::FOOTER.0
            | Self::TAGS.0
            | Self::AUTHOR.0
            | Self::PAYWALL.0,
    );

    /// Does this set share any concept with `other`?
    pub(crate) fn any(self, other: Hints) -> bool {
        self.0 & other.0 != 0
    }

    /// Union of two sets.
    pub(crate) fn with(self, other: Hints) -> Hints {
        Hints(self.0 | other.0)
    }

    /// This set minus the concepts of `other`.
    pub(crate) fn without(self, other: Hints) -> Hints {
        Hints(self.0 & !other.0)
    }

    /// Names of the concepts in the set, for `--explain`.
    pub(crate) fn names(self) -> Vec<&'static str> {
        HINT_NAMES
            .iter()
            .filter(|(h, _)| self.any(*h))
            .map(|(_, n)| *n)
            .collect()
    }
}

const HINT_NAMES: [(Hints, &str); 19] = [
    (Hints::NAV, "nav"),
    (Hints::SHARE, "share"),
    (Hints::RELATED, "related"),
    (Hints::NEWSLETTER, "newsletter"),
    (Hints::COMMENT, "comment"),
    (Hints::CONSENT, "consent"),
    (Hints::AD, "ad"),
    (Hints::FOOTER, "footer"),
    (Hints::CAPTION, "caption"),
    (Hints::BYLINE, "byline"),
    (Hints::TAGS, "tags"),
    (Hints::HEADER, "header"),
    (Hints::AUTHOR, "author"),
    (Hints::ARTICLE, "article"),
    (Hints::HIDDEN, "hidden"),
    (Hints::PAYWALL, "paywall"),
    (Hints::BODY, "body"),
    (Hints::LANDMARK, "landmark"),
    (Hints::NOSCRIPT, "noscript"),
];

/// Hints given by the tag name itself (HTML's sectioning semantics).
pub(crate) fn tag_hints(name: &str) -> Hints {
    match name {
        "nav" => Hints(Hints::NAV.0 | Hints::LANDMARK.0),
        "menu" => Hints::NAV,
        "aside" => Hints::RELATED,
        "footer" => Hints(Hints::FOOTER.0 | Hints::LANDMARK.0),
        "header" => Hints::HEADER,
        "figcaption" => Hints::CAPTION,
        "form" => Hints::NEWSLETTER,
        "article" => Hints::BODY,
        "main" => Hints::ARTICLE,
        "noscript" => Hints::NOSCRIPT,
        _ => Hints::NONE,
    }
}

/// Hints given by an ARIA `role` value.
pub(crate) fn role_hints(role: &str) -> Hints {
    match role.trim() {
        // `note`: "parenthetic or ancillary to the main content" (WAI-ARIA 1.2).
        // `tablist` is not navigation: Bootstrap-style accordions put it round the
        // questions and their answers (a service page's whole FAQ); the tab labels alone
        // are short and fall to the length rules. As NAV it cost wcxb-dev 0.72 page ROUGE
        // F1 over 9 pages (two FAQs lost whole), the news sets nothing.
        "navigation" => Hints(Hints::NAV.0 | Hints::LANDMARK.0),
        "menubar" | "menu" | "note" => Hints::NAV,
        "banner" => Hints::HEADER,
        "contentinfo" => Hints(Hints::FOOTER.0 | Hints::LANDMARK.0),
        "complementary" => Hints::RELATED,
        "main" => Hints::ARTICLE,
        "article" => Hints::BODY,
        "dialog" | "alertdialog" => Hints::CONSENT,
        _ => Hints::NONE,
    }
}

/// Whole class/id tokens (split at anything not a letter or digit, lower-cased) and the
/// concept they point at.
///
/// Short or ambiguous words live here and must match a whole token: `ad` must not fire on
/// `header` or `shadow`, `nav` not on `canvas`. Sources: Readability.js `unlikelyCandidates`
/// and `negative`, trafilatura `xpaths.py` (`OVERALL_DISCARD_XPATH`, `COMMENTS_XPATH`), and
/// the pith team's reading of the seed pages. Adding a token drops more text whenever a site
/// uses the word for its article container, so only words that are near-universally
/// boilerplate belong here.
const CLASS_TOKENS: &[(&str, Hints)] = &[
    // navigation
    ("nav", Hints::NAV),
    ("navbar", Hints::NAV),
    ("menu", Hints::NAV),
    ("menus", Hints::NAV),
    ("breadcrumb", Hints::NAV),
    ("breadcrumbs", Hints::NAV),
    ("crumbs", Hints::NAV),
    ("sidebar", Hints::NAV),
    ("skip", Hints::NAV),
    ("pagination", Hints::NAV),
    ("pager", Hints::NAV),
    ("toc", Hints::NAV),
    // MediaWiki's template for "For other uses, see …" notes, on every MediaWiki site.
    ("hatnote", Hints::NAV),
    ("sitemap", Hints::NAV),
    ("jump", Hints::NAV),
    ("prevnext", Hints::NAV),
    // share
    ("share", Hints::SHARE),
    ("shares", Hints::SHARE),
    ("sharing", Hints::SHARE),
    ("social", Hints::SHARE),
    ("follow", Hints::SHARE),
    ("addthis", Hints::SHARE),
    ("sharethis", Hints::SHARE),
    // related
    ("related", Hints::RELATED),
    ("recommended", Hints::RELATED),
    ("recommendations", Hints::RELATED),
    ("trending", Hints::RELATED),
    ("popular", Hints::RELATED),
    ("mostread", Hints::RELATED),
    ("most", Hints::RELATED),
    ("recirc", Hints::RELATED),
    ("recirculation", Hints::RELATED),
    ("outbrain", Hints::RELATED),
    ("taboola", Hints::RELATED),
    ("widget", Hints::RELATED),
    ("widgets", Hints::RELATED),
    ("teaser", Hints::RELATED),
    ("teasers", Hints::RELATED),
    ("rail", Hints::RELATED),
    ("more", Hints::RELATED),
    ("upnext", Hints::RELATED),
    ("readmore", Hints::RELATED),
    ("seealso", Hints::RELATED),
    // newsletter
    ("newsletter", Hints::NEWSLETTER),
    ("newsletters", Hints::NEWSLETTER),
    ("subscribe", Hints::NEWSLETTER),
    ("subscription", Hints::NEWSLETTER),
    // reader-funding appeals, calls to action like the sign-up box
    ("donate", Hints::NEWSLETTER),
    ("donation", Hints::NEWSLETTER),
    ("donations", Hints::NEWSLETTER),
    ("membership", Hints::NEWSLETTER),
    ("signup", Hints::NEWSLETTER),
    ("optin", Hints::NEWSLETTER),
    ("mailchimp", Hints::NEWSLETTER),
    // comments
    ("comment", Hints::COMMENT),
    ("comments", Hints::COMMENT),
    ("disqus", Hints::COMMENT),
    ("respond", Hints::COMMENT),
    ("reply", Hints::COMMENT),
    ("replies", Hints::COMMENT),
    ("discussion", Hints::COMMENT),
    ("discuss", Hints::COMMENT),
    // consent
    ("cookie", Hints::CONSENT),
    ("cookies", Hints::CONSENT),
    ("consent", Hints::CONSENT),
    ("gdpr", Hints::CONSENT),
    // Not `cmp` (consent management platform): Adobe Experience Manager names every
    // component `cmp-…` (`cmp-container`, `cmp-text`), so a whole AEM page sat in a
    // "consent box". Dropping it lifted wcxb-dev service pages 0.789 -> 0.803 (one page
    // empty before) and left scrapinghub and readability unchanged.
    ("modal", Hints::CONSENT),
    ("popup", Hints::CONSENT),
    ("overlay", Hints::CONSENT),
    // advertising
    ("ad", Hints::AD),
    ("ads", Hints::AD),
    ("adv", Hints::AD),
    ("advert", Hints::AD),
    ("adverts", Hints::AD),
    ("advertisement", Hints::AD),
    ("advertising", Hints::AD),
    ("adslot", Hints::AD),
    ("adunit", Hints::AD),
    ("dfp", Hints::AD),
    ("gpt", Hints::AD),
    ("sponsor", Hints::AD),
    ("sponsored", Hints::AD),
    ("promo", Hints::AD),
    ("promoted", Hints::AD),
    ("banner", Hints::AD),
    ("commercial", Hints::AD),
    ("affiliate", Hints::AD),
    // footer
    ("footer", Hints::FOOTER),
    ("foot", Hints::FOOTER),
    ("colophon", Hints::FOOTER),
    ("copyright", Hints::FOOTER),
    ("legal", Hints::FOOTER),
    // captions
    ("caption", Hints::CAPTION),
    ("captions", Hints::CAPTION),
    ("credit", Hints::CAPTION),
    ("credits", Hints::CAPTION),
    ("figcaption", Hints::CAPTION),
    ("photo", Hints::CAPTION),
    ("gallery", Hints::CAPTION),
    // byline / post meta
    ("byline", Hints::BYLINE),
    ("dateline", Hints::BYLINE),
    ("timestamp", Hints::BYLINE),
    ("published", Hints::BYLINE),
    ("date", Hints::BYLINE),
    ("meta", Hints::BYLINE),
    ("postmeta", Hints::BYLINE),
    // tags
    ("tags", Hints::TAGS),
    ("tag", Hints::TAGS),
    ("taglist", Hints::TAGS),
    ("keywords", Hints::TAGS),
    ("topics", Hints::TAGS),
    ("categories", Hints::TAGS),
    // header: `masthead`/`topbar` only; the bare word `header` names in-article section
    // wrappers (`section-header`) and whole-story wrappers (`article-header-wrap`) too often.
    ("masthead", Hints::HEADER),
    ("topbar", Hints::HEADER),
    // the summary under a headline: kept only where the story's own span reaches it
    ("standfirst", Hints::HEADER),
    ("dek", Hints::HEADER),
    ("strapline", Hints::HEADER),
    ("kicker", Hints::HEADER),
    // author box
    ("author", Hints::AUTHOR),
    ("bio", Hints::AUTHOR),
    // article body
    ("article", Hints::ARTICLE),
    ("content", Hints::ARTICLE),
    ("entry", Hints::ARTICLE),
    ("post", Hints::ARTICLE),
    ("story", Hints::ARTICLE),
    ("body", Hints::ARTICLE),
    ("text", Hints::ARTICLE),
    ("main", Hints::ARTICLE),
    ("blog", Hints::ARTICLE),
    ("prose", Hints::ARTICLE),
    // hidden
    ("hidden", Hints::HIDDEN),
    ("hide", Hints::HIDDEN),
    ("invisible", Hints::HIDDEN),
    ("offscreen", Hints::HIDDEN),
    ("sr", Hints::HIDDEN),
    ("visuallyhidden", Hints::HIDDEN),
    // paywall
    ("paywall", Hints::PAYWALL),
    ("piano", Hints::PAYWALL),
    ("meter", Hints::PAYWALL),
    ("regwall", Hints::PAYWALL),
];

/// Stems that mark a concept anywhere inside a class or id (after lower-casing), for the
/// compound names sites build (`sharebar`, `relatedArticles`, `newsletterSignup`,
/// `cookieNotice`, `sidebarWidget`). Only stems of five letters or more that are rarely part
/// of an unrelated word. Same sources as [`CLASS_TOKENS`].
const CLASS_STEMS: &[(&str, Hints)] = &[
    ("sidebar", Hints::NAV),
    ("navigation", Hints::NAV),
    ("navbar", Hints::NAV),
    ("breadcrumb", Hints::NAV),
    ("share", Hints::SHARE),
    ("social", Hints::SHARE),
    ("related", Hints::RELATED),
    ("recommend", Hints::RELATED),
    ("trending", Hints::RELATED),
    ("popular", Hints::RELATED),
    ("mostread", Hints::RELATED),
    ("most-read", Hints::RELATED),
    ("most_read", Hints::RELATED),
    ("outbrain", Hints::RELATED),
    ("taboola", Hints::RELATED),
    ("newsletter", Hints::NEWSLETTER),
    ("subscri", Hints::NEWSLETTER),
    ("signup", Hints::NEWSLETTER),
    ("sign-up", Hints::NEWSLETTER),
    ("comment", Hints::COMMENT),
    ("disqus", Hints::COMMENT),
    ("cookie", Hints::CONSENT),
    ("consent", Hints::CONSENT),
    ("advert", Hints::AD),
    ("sponsor", Hints::AD),
    ("adsense", Hints::AD),
    ("ad-slot", Hints::AD),
    ("ad_slot", Hints::AD),
    ("ad-container", Hints::AD),
    ("ad-wrapper", Hints::AD),
    ("footer", Hints::FOOTER),
    ("copyright", Hints::FOOTER),
    ("caption", Hints::CAPTION),
    ("byline", Hints::BYLINE),
    ("author-bio", Hints::AUTHOR),
    ("authorbio", Hints::AUTHOR),
    ("author-box", Hints::AUTHOR),
    ("about-author", Hints::AUTHOR),
    ("masthead", Hints::HEADER),
    ("paywall", Hints::PAYWALL),
    ("screen-reader", Hints::HIDDEN),
    ("sr-only", Hints::HIDDEN),
    ("visually-hidden", Hints::HIDDEN),
    ("article-body", Hints::BODY),
    ("articlebody", Hints::BODY),
    ("post-body", Hints::BODY),
    ("story-body", Hints::BODY),
    ("entry-content", Hints::BODY),
    ("post-content", Hints::BODY),
    ("article-content", Hints::BODY),
    ("article-text", Hints::BODY),
    ("story-content", Hints::BODY),
    ("post-entry", Hints::BODY),
];

/// A map from our own fixed word lists, looked up once per word of every page: hashed with
/// FxHash (rustc's hasher), several times faster than SipHash on short keys. The keys are
/// ours, not the page's, so SipHash's flooding resistance buys nothing here.
pub(crate) type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<FxHasher>>;

/// The Fx hash: multiply-rotate over 8-byte chunks (as in rustc-hash, reimplemented).
#[derive(Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word: [u8; 8] = chunk.try_into().unwrap_or_default();
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            for (w, b) in word.iter_mut().zip(rest) {
                *w = *b;
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

static TOKEN_MAP: Lazy<WordMap<Hints>> = Lazy::new(|| {
    let mut map: WordMap<Hints> =
        HashMap::with_capacity_and_hasher(CLASS_TOKENS.len(), Default::default());
    for (token, hint) in CLASS_TOKENS {
        let entry = map.entry(token).or_default();
        *entry = entry.with(*hint);
    }
    map
});

/// One automaton for all [`CLASS_STEMS`], run over each lower-cased class name.
static STEMS: Lazy<Option<AhoCorasick>> =
    Lazy::new(|| AhoCorasick::new(CLASS_STEMS.iter().map(|(s, _)| *s)).ok());

/// Concept hints of a `class` attribute: whole tokens and stems, name by name, skipping
/// property and state names ([`is_property_class`]).
///
/// camelCase boundaries count as token boundaries (`relatedStories` → `related`,
/// `stories`), as do `-`, `_` and digits.
pub(crate) fn class_hints(class: &str) -> Hints {
    let mut hints = Hints::NONE;
    let mut lower = String::new();
    for name in class.split_whitespace() {
        if is_property_class(name) {
            continue;
        }
        hints = hints.with(token_hints(name));
        lower.clear();
        lower.push_str(name);
        lower.make_ascii_lowercase();
        if let Some(ac) = STEMS.as_ref() {
            for m in ac.find_overlapping_iter(lower.as_str()) {
                if let Some((_, h)) = CLASS_STEMS.get(m.pattern().as_usize()) {
                    hints = hints.with(*h);
                }
            }
        }
    }
    hints
}

/// Concept hints of an `id` attribute: whole tokens only. Ids are often made from heading
/// text (`id="shared-mutable-history"`, `id="See_also"` in generated documentation), where
/// a stem would read `share` into `shared`.
pub(crate) fn id_hints(id: &str) -> Hints {
    // An id with a generated hash in it is a component's instance id (AEM's
    // `teaser-8bd8b65ebf`): it names the framework's component, not the box's role.
    if id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(is_hash_segment)
    {
        return Hints::NONE;
    }
    let mut tokens = 0;
    for_each_token(id, |_| tokens += 1);
    if is_property_class(id) || tokens > MAX_ID_TOKENS {
        return Hints::NONE;
    }
    token_hints(id)
}

/// Ids of more words than this are slugs made from heading text
/// (`id="sharing-with-a-single-developer"`), not names of boxes.
const MAX_ID_TOKENS: usize = 2;

fn token_hints(s: &str) -> Hints {
    let mut hints = Hints::NONE;
    for_each_token(s, |token| {
        if let Some(h) = TOKEN_MAP.get(token) {
            hints = hints.with(*h);
        }
    });
    hints
}

/// First words of class names that describe a property or state of the element rather
/// than its role: WordPress-style taxonomy classes (`tag-politics`, `category-news`,
/// `author-jane`) and state modifiers (`has-sidebar`, `no-comments`, `is-sticky`,
/// `with-related`). Source: WordPress `post_class()`/`body_class()` output and BEM-style
/// modifier naming, both common far beyond one site. Such a name says nothing about
/// whether the element is a sidebar or a comment box, so its words are not read.
const PROPERTY_PREFIXES: &[&str] = &[
    "tag",
    "tags",
    "category",
    "categories",
    "author",
    "format",
    "status",
    "type",
    "section",
    "topic",
    "topics",
    "term",
    "has",
    "no",
    "is",
    "with",
    "without",
    "show",
    "hide-for",
];

/// Whether a single class name is a property/state class (see [`PROPERTY_PREFIXES`]):
/// a listed first word followed by more words.
fn is_property_class(name: &str) -> bool {
    // A utility class of a CSS framework with a variant or an arbitrary value (Tailwind's
    // `lg:col-span-7`, `md:hidden`, `[&_figcaption]:mt-xs`) styles the element or its
    // descendants; `[&_figcaption]` names the captions inside, not the element (a whole
    // blog post sat in a "caption box"). Such names hold `:` or `[`, which no component
    // name of a stylesheet's own holds unescaped. wcxb-dev 0.849 -> 0.850 (one post
    // 0.612 -> 0.987, two documentation pages 0.01-0.02 lower); news sets unchanged.
    if name.contains([':', '[']) {
        return true;
    }
    // Embedded posts (`social-media-embed`, `twitter-embed`) are quoted content whose
    // wrapper names mention the network they come from, not share buttons.
    if name
        .as_bytes()
        .windows(5)
        .any(|w| w.eq_ignore_ascii_case(b"embed"))
    {
        return true;
    }
    let mut parts = name.split(['-', '_']);
    let first = parts.next().unwrap_or("");
    parts.next().is_some_and(|rest| !rest.is_empty())
        && PROPERTY_PREFIXES
            .iter()
            .any(|p| first.eq_ignore_ascii_case(p))
}

/// Calls `f` with each lower-case word token of a class/id string, split at
/// non-alphanumerics and at lower→upper camelCase boundaries, without allocating per token.
fn for_each_token(s: &str, mut f: impl FnMut(&str)) {
    let mut cur = String::with_capacity(32);
    for segment in s.split(|c: char| !c.is_ascii_alphanumeric()) {
        if is_hash_segment(segment) {
            continue;
        }
        let mut prev_lower = false;
        for c in segment.chars() {
            if c.is_ascii_alphabetic() {
                if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
                    f(&cur);
                    cur.clear();
                }
                prev_lower = c.is_ascii_lowercase();
                cur.push(c.to_ascii_lowercase());
            } else {
                prev_lower = false;
                if !cur.is_empty() {
                    f(&cur);
                    cur.clear();
                }
            }
        }
        if !cur.is_empty() {
            f(&cur);
            cur.clear();
        }
    }
}

/// Whether a `-`/`_`-separated piece of a class or id is a generated hash
/// (`elementor-element-38ad5ea`, `css-1f4ad9b`) rather than words: hex digits only, at
/// least [`HASH_MIN_CHARS`] of them, letters and digits alternating at least
/// [`HASH_MIN_RUNS`] times. Split at its digits, a hash reads as words by chance (`38ad5ea`
/// → `ad`, `ea`): on wcxb-dev such `ad` tokens named 8 page builders' content boxes
/// adverts. `ad300`, `top10` and `h2` are words with a number, not hashes.
fn is_hash_segment(segment: &str) -> bool {
    if segment.len() < HASH_MIN_CHARS || !segment.bytes().all(|b| b.is_ascii_hexdigit()) {
        return false;
    }
    let mut runs = 0;
    let mut last_digit = None;
    for b in segment.bytes() {
        let digit = b.is_ascii_digit();
        if last_digit != Some(digit) {
            runs += 1;
            last_digit = Some(digit);
        }
    }
    runs >= HASH_MIN_RUNS
}

/// See [`is_hash_segment`]: generated hashes are 6–8 hex digits (Elementor's 7, emotion's
/// and styled-components' 6–8); five keeps shorter words out.
const HASH_MIN_CHARS: usize = 5;

/// See [`is_hash_segment`]: letter and digit runs of a hash (`38|ad|5|ea` is four).
const HASH_MIN_RUNS: usize = 3;

/// Inline `style` fragments that hide an element (after removing spaces and lower-casing).
/// Source: Readability.js `_isProbablyVisible`.
pub(crate) const HIDDEN_STYLES: &[&str] = &["display:none", "visibility:hidden"];

/// Languages with a stop list, in the order of [`STOPWORDS`].
pub(crate) const STOP_LANGUAGES: &[&str] = &[
    "en", "de", "fr", "es", "it", "pt", "nl", "ru", "tr", "pl", "id", "sv", "cs",
];

/// Stop lists (lower-case), one per language of [`STOP_LANGUAGES`].
///
/// Written by the pith team: each holds the function words that make up roughly a third of
/// running text in that language. A word may appear in several lists. Longer lists raise
/// stopword density for every text a little, which would need the density thresholds in
/// `tuning` to move together with them.
pub(crate) const STOPWORDS: &[&str] = &[
    // en
    "a about above after again against all also am an and any are as at be because been before \
     being below between both but by can could did do does doing down during each even ever \
     few for from further had has have having he her here hers herself him himself his how i \
     if in into is it its itself just may me might more most must my myself no nor not now of \
     off on once only or other our ours ourselves out over own same she should so some such \
     than that the their theirs them themselves then there these they this those through to \
     too under until up upon us very was we were what when where which while who whom whose \
     why will with would you your yours yourself yourselves said says one two also however \
     since still though whether within without",
    // de
    "aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei \
     bin bis bist da damit dann das dass dein deine dem den denn der des dessen deshalb die \
     dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer \
     eines er es etwas euch euer für gegen gewesen hab habe haben hat hatte hätte ich ihm ihn \
     ihnen ihr ihre ihrem ihren ihrer im in ins ist jede jedem jeden jeder jedes jetzt kann \
     kein keine können könnte man mehr mein meine mich mir mit muss nach nicht nichts noch \
     nun nur ob oder ohne sehr sein seine seinem seinen seiner sich sie sind so solche soll \
     sollte sondern über um und uns unser unter vom von vor war waren warum was weil welche \
     wenn wer werden wie wieder will wir wird wo wurde wurden zu zum zur zwischen",
    // fr
    "a au aux avec avait avoir ce cela ces cet cette comme dans de des du elle elles en est \
     et été être eu il ils je la le les leur leurs lui mais me même mes moi mon ne nos notre \
     nous on ont ou où par pas pour plus qu que qui sa sans se ses si son sont sur ta te tes \
     toi ton tous tout toute toutes très tu un une vos votre vous y était sera aussi alors \
     ainsi après avant bien car donc encore entre depuis dont fait faire peut quand sous",
    // es
    "a al algo algunos ante antes como con contra cual cuando de del desde donde durante e \
     el ella ellas ellos en entre era es esa ese eso esta este esto estos fue fueron ha han \
     hasta hay la las le les lo los más me mi mientras muy nada ni no nos o otra otro para \
     pero poco por porque que quien se ser si sido sin sobre son su sus también tanto te \
     tiene tienen todo todos tu un una uno unos y ya yo está están será puede según después",
    // it
    "a ad al alla alle anche ancora avere aveva c che chi ci come con cosa da dal dalla \
     dalle degli dei del della delle di dove e ed era essere fa fra gli ha hanno i il in io \
     la le lei li lo loro lui ma mi molto ne nei nel nella nelle noi non o per perché più \
     poi quale quando quella quelle quello questa queste questo se sei si sia sono su sua \
     sue sui sul sulla suo suoi tra tutti tutto un una uno è stato stata essere dopo anni",
    // pt
    "a ao aos as até com como da das de dela dele deles do dos e ela elas ele eles em entre \
     era essa esse esta este eu foi foram há isso isto já la lhe mais mas me mesmo meu \
     minha muito na nas nem no nos nossa nosso não num numa o os ou para pela pelas pelo \
     pelos por quando que quem se sem ser seu seus sua suas são também te tem têm um uma \
     você é está estão será sobre após ainda pode",
    // nl
    "aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door \
     dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun \
     iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar \
     niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit \
     uw van veel voor want waren was wat we wel werd wie wij wil worden wordt zal ze zelf zich \
     zij zijn zo zonder zou",
    // ru
    "а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да \
     даже для до его ее если есть еще же за здесь и из или им их к как ко когда кто ли либо \
     мне может мы на над надо наш не него нее нет ни них но ну о об однако он она они оно от \
     очень по под при с со так также такой там те тем то того тоже той только том ты у уже \
     хотя чего чей чем что чтобы чье эта эти это я",
    // tr
    "acaba ama ancak artık aslında az bana bazı belki ben beni benim bir biri birkaç biz bu \
     buna bunda bundan bunu bunun da daha de defa diye çok çünkü en gibi göre hem hep hepsi \
     her hiç için ile ise kadar ki kim mı mi mu mü nasıl ne neden nerede niçin o olan olarak \
     oldu olduğu olmak olur on ona ondan onlar onu onun sadece sen siz şey şu tüm ve veya ya \
     yani yine zaten",
    // pl
    "a aby ale bardzo bez bo być był była było były będzie co czy dla do gdy gdzie go i ich \
     ile im innych jak jako je jeden jego jej jest jeszcze jednak już każdy kiedy kto która \
     które który ma mi mnie może można na nad nie niż o od oraz po pod przez przy się są ta \
     tak także tam te tego tej ten to tu tylko tym u w we więc wszystko z za że żeby",
    // id
    "ada adalah agar akan aku anda antara apa atau bagi bahwa banyak belum bisa dalam dan \
     dari dengan di dia ia ini itu jika juga kami kamu karena ke kepada ketika kita lagi \
     lebih masih mereka oleh pada para saat saja sampai sangat satu sebagai sebuah sedang \
     sejak seperti setelah sudah tetapi tidak untuk yang",
    // sv
    "alla allt att av blev bli blir de dem den denna deras dess det detta dig din du där efter \
     ej eller en er ett från för ha hade han hans har henne hennes hon honom hur här i icke \
     inte jag kan man med mig min mot mycket ni nu när och om oss på sig sin sina skulle som \
     till under upp ut vad var vi vid vilka vilken är över",
    // cs
    "a aby ale ani bez by byl byla bylo být co či do i já jak jako je jeho jej její jen \
     ještě již jsem jsme jsou k kde kdy když ke která které který má mezi mi mne mu my na \
     nad nebo není než o od on ona oni po pod pro proto před při s se si so tak také tam to \
     tu ty u už v ve však z za že",
];

/// Word → bit set of the languages whose stop list holds it (bit i = `STOP_LANGUAGES[i]`).
pub(crate) static STOPWORD_MAP: Lazy<WordMap<u16>> = Lazy::new(|| {
    let mut map: WordMap<u16> = HashMap::with_capacity_and_hasher(2048, Default::default());
    for (i, list) in STOPWORDS.iter().enumerate() {
        for w in list.split_whitespace() {
            *map.entry(w).or_insert(0) |= 1 << i;
        }
    }
    map
});

/// Phrases that mark a block as boilerplate whatever its shape: copyright lines, cookie
/// notices, share prompts, sign-up calls, comment-form labels, "read more" teasers.
///
/// Matched case-insensitively as substrings of short blocks only (see
/// `tuning::Tuning::phrase_max_words`), because a long paragraph that quotes one of them is
/// still prose. Sources: jusText's copyright rule, the seeds' boilerplate, trafilatura's
/// `is_image_file`/"cookie" filters, and the lines found around stories in the shared
/// benchmarks' pages (credits, calls to action, ad labels in several languages, reading-time
/// labels). Adding a phrase risks dropping a short article line that happens to contain it.
pub(crate) const BOILERPLATE_PHRASES: &[&str] = &[
    "©",
    "copyright",
    "all rights reserved",
    "cookie",
    "privacy policy",
    "terms of use",
    "terms of service",
    "sign up for",
    "sign up to",
    "subscribe to",
    "subscribe now",
    "newsletter",
    "leave a reply",
    "leave a comment",
    "your email address will not be published",
    "required fields are marked",
    "save my name",
    "previous post",
    "next post",
    "related article",
    "related articles",
    "related stories",
    "read more",
    "read next",
    "share this",
    "share on",
    "compártelo",
    "comparte esta",
    "partager sur",
    "partagez",
    "teilen sie",
    "artikel teilen",
    "condividi",
    "compartilhe",
    "deel dit",
    "поделиться",
    "paylaş",
    "udostępnij",
    "click here",
    "follow us",
    "sponsored",
    "you might also like",
    "recommended for you",
    "more from",
    "all rights",
    "tous droits",
    "alle rechte",
    "todos los derechos",
    "tutti i diritti",
    "inscrivez-vous",
    "abonnieren",
    "suscríbete",
    "iscriviti",
    "assine",
    "подписаться",
    "abone ol",
    "zapisz się",
    // wire and staff credits under the story
    "contributed to this report",
    "contributed to this story",
    "contributed reporting",
    "reporting by",
    "editing by",
    "additional reporting",
    // the editor credit under Chinese news stories ("（责任编辑：王晓丽）"), simplified and
    // traditional: a fixed label of Chinese portals, never article prose
    "责任编辑",
    "責任編輯",
    // calls to action and promotions around the story
    "more great",
    "popular on",
    "like this story",
    "follow us",
    "follow @",
    "requires javascript",
    // the notes a page shows readers without scripts, now that `<noscript>` is read
    "enable javascript",
    "javascript is disabled",
    "javascript is not enabled",
    "javascript is turned off",
    "javascript enabled",
    "javascript to run",
    "affiliate commission",
    "affiliate links",
    "earn a commission",
    "moderating all comments",
    "originally published",
    "this article was updated",
    "comments are moderated",
    "advertisement",
    // reading-time and page-tool labels
    "min read",
    "reading time",
    "text size",
    "font size",
    "lesezeit",
    "temps de lecture",
    "tiempo de lectura",
    "tempo de leitura",
];

/// Headings that open a boilerplate section, lower-case, and the concept of that section.
///
/// A short block equal to one of these (after trailing counts and punctuation are removed,
/// as in "Comments (3)" or "Related:") opens a box that runs to the end of the element it
/// heads. A phrase ending in a space also matches as a prefix ("more from " matches "More
/// from The Post"). Exact matching matters: "Related: <headline>" inside a story is a link
/// line, not a section heading. "Read more" is left out: sites use it as the label of the
/// button that expands the rest of the story. Sources: the
/// seed pages, WordPress and common CMS templates, and the corpus pages' languages. Adding a
/// phrase drops whatever section follows it, so only phrases that never head article prose
/// belong here.
pub(crate) const BOILERPLATE_HEADINGS: &[(&str, Hints)] = &[
    // comments
    ("comments", Hints::COMMENT),
    ("comment", Hints::COMMENT),
    ("leave a reply", Hints::COMMENT),
    ("leave a comment", Hints::COMMENT),
    ("join the discussion", Hints::COMMENT),
    ("join the conversation", Hints::COMMENT),
    ("reader comments", Hints::COMMENT),
    ("responses", Hints::COMMENT),
    ("kommentare", Hints::COMMENT),
    ("leserkommentare", Hints::COMMENT),
    ("commentaires", Hints::COMMENT),
    ("comentarios", Hints::COMMENT),
    ("commenti", Hints::COMMENT),
    ("comentários", Hints::COMMENT),
    ("reacties", Hints::COMMENT),
    ("комментарии", Hints::COMMENT),
    ("yorumlar", Hints::COMMENT),
    ("komentarze", Hints::COMMENT),
    ("コメント", Hints::COMMENT),
    ("评论", Hints::COMMENT),
    // related
    ("related", Hints::RELATED),
    ("related articles", Hints::RELATED),
    ("related stories", Hints::RELATED),
    ("related posts", Hints::RELATED),
    ("related content", Hints::RELATED),
    ("more stories", Hints::RELATED),
    ("more from ", Hints::RELATED),
    ("more on this", Hints::RELATED),
    ("more on this story", Hints::RELATED),
    ("you may also like", Hints::RELATED),
    ("you might also like", Hints::RELATED),
    ("recommended", Hints::RELATED),
    ("recommended for you", Hints::RELATED),
    ("read next", Hints::RELATED),
    ("read also", Hints::RELATED),
    ("also read", Hints::RELATED),
    ("related reading", Hints::RELATED),
    ("most read", Hints::RELATED),
    ("most popular", Hints::RELATED),
    ("trending", Hints::RELATED),
    ("trending now", Hints::RELATED),
    ("latest news", Hints::RELATED),
    ("latest stories", Hints::RELATED),
    ("lesen sie auch", Hints::RELATED),
    ("mehr zum thema", Hints::RELATED),
    ("meistgelesen", Hints::RELATED),
    ("à lire aussi", Hints::RELATED),
    ("a lire aussi", Hints::RELATED),
    ("sur le même sujet", Hints::RELATED),
    ("les plus lus", Hints::RELATED),
    ("te puede interesar", Hints::RELATED),
    ("noticias relacionadas", Hints::RELATED),
    ("lo más leído", Hints::RELATED),
    ("leggi anche", Hints::RELATED),
    ("articoli correlati", Hints::RELATED),
    ("i più letti", Hints::RELATED),
    ("leia também", Hints::RELATED),
    ("veja também", Hints::RELATED),
    ("você pode gostar", Hints::RELATED),
    ("mais lidas", Hints::RELATED),
    ("lees ook", Hints::RELATED),
    ("meest gelezen", Hints::RELATED),
    ("читайте также", Hints::RELATED),
    ("популярное", Hints::RELATED),
    ("ilginizi çekebilir", Hints::RELATED),
    ("benzer haberler", Hints::RELATED),
    ("czytaj także", Hints::RELATED),
    ("zobacz też", Hints::RELATED),
    ("najczęściej czytane", Hints::RELATED),
    ("関連記事", Hints::RELATED),
    ("相关阅读", Hints::RELATED),
    ("相关新闻", Hints::RELATED),
    // share, tags, newsletter
    ("share this", Hints::SHARE),
    ("share this article", Hints::SHARE),
    ("share this story", Hints::SHARE),
    ("tags", Hints::TAGS),
    ("topics", Hints::TAGS),
    ("schlagwörter", Hints::TAGS),
    ("newsletter", Hints::NEWSLETTER),
    ("support us", Hints::NEWSLETTER),
    // author boxes and editors' selections
    ("about the author", Hints::AUTHOR),
    ("about the authors", Hints::AUTHOR),
    ("editor's pick", Hints::RELATED),
    ("editor's picks", Hints::RELATED),
    ("editors' picks", Hints::RELATED),
    ("editors picks", Hints::RELATED),
    ("editor’s pick", Hints::RELATED),
    ("editor’s picks", Hints::RELATED),
    ("editors’ picks", Hints::RELATED),
    ("staff picks", Hints::RELATED),
];

/// What follows the count in a comment list's heading that quotes the post's title ("6
/// thoughts on “Title”"), lower-case with the trailing space. Sources: the comment-title
/// strings of WordPress's default themes (Kubrick's "Responses to", Twenty Eleven to Twenty
/// Twenty-One's "thoughts on" and "replies on") and their shipped German, French, Spanish,
/// Italian, Portuguese and Dutch translations. The quote that must follow keeps prose
/// ("6 thoughts on the plan were…") out.
pub(crate) const COMMENT_COUNT_HEADINGS: &[&str] = &[
    "thoughts on ",
    "thought on ",
    "responses to ",
    "response to ",
    "replies to ",
    "reply to ",
    "replies on ",
    "reply on ",
    "comments on ",
    "comment on ",
    "comments to ",
    "comment to ",
    "gedanken zu ",
    "gedanke zu ",
    "kommentare zu ",
    "kommentar zu ",
    "antworten auf ",
    "réflexions sur ",
    "réflexion sur ",
    "commentaires sur ",
    "commentaire sur ",
    "réponses à ",
    "pensamientos sobre ",
    "comentarios en ",
    "comentario en ",
    "respuestas a ",
    "commenti su ",
    "commento su ",
    "risposte a ",
    "comentários em ",
    "comentário em ",
    "respostas para ",
    "gedachten over ",
    "gedachte over ",
    "reacties op ",
    "reactie op ",
];

/// Number words that stand for the count in a comment heading when there is one comment or
/// none ("One thought on “…”", "No responses to “…”"), lower-case.
pub(crate) const COUNT_WORDS: &[&str] = &[
    "one", "no", "ein", "eine", "keine", "une", "un", "aucune", "uno", "una", "um", "uma", "één",
    "een",
];

/// Words that open a byline ("By Ana Ruiz", "Von Katrin Vogelsang", "Report by …"), lower-case
/// with their trailing space. A short block starting with one of these, or with a word
/// followed by " by " (`words by`, `posted by`), is a byline. Sources: the seed pages and the
/// usual wire and CMS formats in the corpus languages.
pub(crate) const BYLINE_OPENERS: &[&str] = &[
    "by ",
    "von ",
    "par ",
    "por ",
    "di ",
    "door ",
    "av ",
    "autor: ",
    "author: ",
    "autore: ",
    "auteur : ",
    "auteur: ",
    "yazar: ",
    "автор: ",
    "текст: ",
    "written by ",
    "posted by ",
    "published by ",
    "report by ",
    "story by ",
    "words by ",
    "reporting by ",
    // Forum threads (XenForo, SMF, phpBB styles): the thread's starter (issue 14).
    "thread starter ",
    "started by ",
];

/// The word that ends a byline's label wherever the label starts ("This post was written
/// by", "View all posts by", "Recipe by"), and that pages glue to the name ("ByAna").
/// Only English "by": the other languages' words ("von", "di", "de") are also name parts
/// and are only taken as openers ([`BYLINE_OPENERS`]).
pub(crate) const BYLINE_BY_WORDS: &[&str] = &["by"];

/// What a byline text may say after the name that is not part of it, lower-case with a
/// leading space: modification and publication labels, reading times, second credits.
pub(crate) const BYLINE_TAIL_LABELS: &[&str] = &[
    " updated",
    " last updated",
    " published",
    " posted",
    " last edited",
    " wrote",
    " min read",
    " minute read",
    " reviewed by",
    " fact checked",
    " edited by",
    " follow",
    " view all",
    " more from",
    " aktualisiert",
    " veröffentlicht",
    " mis à jour",
    " publié",
    " actualizado",
    " publicado",
    " aggiornato",
    " pubblicato",
    " bijgewerkt",
    " gepubliceerd",
    // "Ana Ruiz in Project Management": the section the post is filed in (issue 14).
    " in ",
];

/// Separators in a byline row after the name, and whether they end it whatever follows
/// (dots and guillemets lead to a date or a section) or only before a lower-case word or a
/// number (a bar or dash may lead to the author's affiliation, which is kept).
pub(crate) const BYLINE_SEPARATORS: &[(&str, bool)] = &[
    (" » ", true),
    (" • ", true),
    (" · ", true),
    // The dot operator and the black circle that themes put between the name, a job title
    // and the date ("Ana Ruiz ⋅ Review Editor ⋅", "by Ana Ruiz ● May 2, 2025").
    (" ⋅ ", true),
    (" ● ", true),
    (" on behalf of ", true),
    (" | ", false),
    (" - ", false),
    (" – ", false),
    (" — ", false),
];

/// Texts that byline elements hold instead of a name (section labels, role labels), lower-case.
pub(crate) const BYLINE_NON_NAMES: &[&str] = &[
    // A link-aggregator credit's word alone ("via" before the source's link).
    "via",
    "about the author",
    "about the authors",
    "about author",
    "author",
    "authors",
    "the author",
    "topic author",
    "written by",
    "posted by",
    "by",
    "share",
    "follow",
    "contributor",
    "contributors",
    "autor",
    "auteur",
    "autore",
    // Post and member status labels that sit where forum and blog templates put the name.
    "post",
    "posted",
    "published",
    "updated",
    "offline",
    "online",
    "min read",
    "mins read",
];

/// Word stems of job titles and affiliations that follow a name after a comma ("Ana Ruiz,
/// Associate Editor", "Li Wei, Trial Attorney at …"), lower-case prefixes. A part after a
/// comma with one of these, or with a lower-case word that is not a name particle, ends the
/// byline; parts of capitalised names are further authors.
pub(crate) const JOB_TITLE_WORDS: &[&str] = &[
    "editor",
    "writer",
    "reporter",
    "expert",
    "founder",
    "co-founder",
    "attorney",
    "educator",
    "manager",
    "director",
    "head",
    "staff",
    "contribut",
    "correspondent",
    "specialist",
    "officer",
    "analyst",
    "journalist",
    "columnist",
    "producer",
    "president",
    "professor",
    "researcher",
    "engineer",
    "consultant",
    "strategist",
    "owner",
    "lead",
    "senior",
    "chief",
    "associate",
    "assistant",
    "redakt",
    "rédact",
    "redact",
    "redatt",
];

/// Lower-case words that names contain ("Nick van Mead", "Ana de la Cruz") and the words
/// that join several authors: not prose after a comma.
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "al",
    "y", "e", "and", "und", "et",
];

/// "and 2 others" / "+ 3 more" tails of a shortened author list.
pub(crate) const BYLINE_AND_WORDS: &[&str] = &["and", "&", "+", "und", "et", "y", "e", "en"];
/// See [`BYLINE_AND_WORDS`].
pub(crate) const BYLINE_OTHERS_WORDS: &[&str] = &[
    "others", "other", "more", "weitere", "autres", "otros", "altri", "outros", "anderen",
];

/// Labels that make up a whole block where an ad was (the ad itself is usually an iframe or
/// a script, so its label is all that is left in the text), lower-case. Matched against the
/// whole block only: "advertising" inside a sentence is prose.
pub(crate) const AD_LABELS: &[&str] = &[
    "ad",
    "ads",
    "advertisement",
    "advert",
    "sponsored",
    "sponsored content",
    "anzeige",
    "werbung",
    "publicidad",
    "pubblicità",
    "publicité",
    "reklama",
    "реклама",
    "reklam",
    "iklan",
    "advertentie",
    "広告",
    "广告",
];

/// Month and weekday names (en, de, fr, es, it, pt, nl) and their usual abbreviations,
/// lower-case: a short line naming one of these and made mostly of date words is a
/// dateline. Names that are also common words ("may", "mar", "sun", "sat") are in
/// [`DATE_LABELS`] instead, so they count as date words without making a line a date.
/// Source: the date lines around stories in the shared benchmarks' pages.
pub(crate) const MONTH_WORDS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "march",
    "apr",
    "april",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "dezembro",
    "januari",
    "februari",
    "maart",
    "augustus",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
];

/// Words that go with dates in datelines without being dates themselves: clock and zone
/// words, the labels that introduce a date, separators, and month or day names that are
/// also everyday words.
pub(crate) const DATE_LABELS: &[&str] = &[
    "may",
    "mar",
    "mai",
    "mars",
    "mei",
    "sat",
    "sun",
    "am",
    "pm",
    "a.m",
    "p.m",
    "uhr",
    "gmt",
    "utc",
    "est",
    "edt",
    "pst",
    "pdt",
    "cet",
    "published",
    "updated",
    "posted",
    "modified",
    "last",
    "at",
    "on",
    "|",
    "·",
    "-",
    "–",
];

/// Time units of a relative timestamp ("2 hours ago", "vor 3 Tagen", "il y a 5 min") in the
/// stop-list languages (en, de, fr, es, it, pt, nl), lower-case, singular and plural: with
/// a number and a word of [`RELATIVE_TIME_MARKS`] they make a card's or a post's time line,
/// which is chrome (listing cards, forum posts), not text.
pub(crate) const RELATIVE_TIME_UNITS: &[&str] = &[
    "s",
    "sec",
    "secs",
    "second",
    "seconds",
    "m",
    "min",
    "mins",
    "minute",
    "minutes",
    "h",
    "hr",
    "hrs",
    "hour",
    "hours",
    "d",
    "day",
    "days",
    "w",
    "wk",
    "wks",
    "week",
    "weeks",
    "mo",
    "month",
    "months",
    "y",
    "yr",
    "yrs",
    "year",
    "years",
    "sekunde",
    "sekunden",
    "minuten",
    "stunde",
    "stunden",
    "tag",
    "tagen",
    "woche",
    "wochen",
    "monat",
    "monaten",
    "jahr",
    "jahren",
    "seconde",
    "secondes",
    "heure",
    "heures",
    "jour",
    "jours",
    "semaine",
    "semaines",
    "mois",
    "an",
    "ans",
    "segundo",
    "segundos",
    "minuto",
    "minutos",
    "hora",
    "horas",
    "día",
    "días",
    "dia",
    "dias",
    "semana",
    "semanas",
    "mes",
    "meses",
    "año",
    "años",
    "ano",
    "anos",
    "secondo",
    "secondi",
    "minuti",
    "ora",
    "ore",
    "giorno",
    "giorni",
    "settimana",
    "settimane",
    "mese",
    "mesi",
    "anno",
    "anni",
    "seconden",
    "minuut",
    "minuten",
    "uur",
    "dag",
    "dagen",
    "weken",
    "maand",
    "maanden",
    "jaar",
    "jaren",
];

/// The words that make a number and a time unit a relative timestamp: "ago" after it
/// (en), "fa" (it), "geleden" (nl), or "vor" (de), "hace" (es), "há" (pt) before it;
/// matched as whole words of the line (French "il y a" as a phrase).
pub(crate) const RELATIVE_TIME_MARKS: &[&str] = &["ago", "fa", "geleden", "vor", "hace", "há"];

/// Articles that stand for the number one in a relative timestamp ("an hour ago", "il y a
/// un jour", "hace una hora").
pub(crate) const RELATIVE_TIME_ONE: &[&str] = &["a", "an", "un", "une", "una", "um", "uma", "een"];

/// A whole short line that is a relative day ("Yesterday", "Just now") in the stop-list
/// languages, lower-case: a card's or a post's time line, like [`RELATIVE_TIME_UNITS`].
/// Not "today" or "heute": they head sections of listings.
pub(crate) const RELATIVE_DAYS: &[&str] = &[
    "yesterday",
    "just now",
    "gestern",
    "soeben",
    "hier",
    "à l'instant",
    "ayer",
    "ahora",
    "ieri",
    "adesso",
    "ontem",
    "agora",
    "gisteren",
    "zojuist",
];

// ---- Structure kept for the Markdown, HTML and JSON outputs ----

/// An inline element whose meaning the structured outputs keep as a mark over block text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InlineTag {
    /// `a` with an `href`.
    Link,
    /// Stress or alternate voice, rendered in italics.
    Emphasis,
    /// Strong importance, rendered in bold.
    Strong,
    /// Computer code, keyboard input, sample output.
    Code,
}

/// The inline tag a (lower-case) element name stands for.
///
/// Source: HTML Living Standard §4.5 "text-level semantics". `i`/`b` are kept as emphasis and
/// strong because that is how every browser renders them and what a reader expects to see in
/// Markdown; `u`, `s`, `mark`, `small`, `sub`, `sup` have no CommonMark form and are dropped
/// (their text stays). Adding a tag here adds Markdown punctuation around its text.
pub(crate) fn inline_tag(name: &str) -> Option<InlineTag> {
    match name {
        "a" => Some(InlineTag::Link),
        "em" | "i" | "cite" | "dfn" => Some(InlineTag::Emphasis),
        "strong" | "b" => Some(InlineTag::Strong),
        "code" | "kbd" | "samp" | "tt" => Some(InlineTag::Code),
        _ => None,
    }
}

/// The part an element plays in the block structure the outputs rebuild (lists, quotes,
/// tables).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StructureTag {
    /// A list container; `ordered` for `ol`.
    List {
        /// Items are numbered.
        ordered: bool,
    },
    /// A list item (`li`, `dt`, `dd`).
    Item,
    /// `blockquote`.
    Quote,
    /// `table`.
    Table,
    /// `thead`: its rows are header rows.
    Head,
    /// `tr`.
    Row,
    /// `td` or `th` (`header`).
    Cell {
        /// A header cell (`th`).
        header: bool,
    },
}

/// Structure role of a (lower-case) element name. Source: HTML Living Standard §4.4
/// (grouping content) and §4.9 (tabular data). `menu` is a list by the spec; `dl` is treated
/// as an unordered list of its terms and definitions because CommonMark has no definition
/// lists.
pub(crate) fn structure_tag(name: &str) -> Option<StructureTag> {
    match name {
        "ul" | "menu" | "dl" => Some(StructureTag::List { ordered: false }),
        "ol" => Some(StructureTag::List { ordered: true }),
        "li" | "dt" | "dd" => Some(StructureTag::Item),
        "blockquote" => Some(StructureTag::Quote),
        "table" => Some(StructureTag::Table),
        "thead" => Some(StructureTag::Head),
        "tr" => Some(StructureTag::Row),
        "td" => Some(StructureTag::Cell { header: false }),
        "th" => Some(StructureTag::Cell { header: true }),
        _ => None,
    }
}

/// Attributes of `img` that may hold the picture's address, in the order they are tried.
///
/// `src` first; lazy-loading scripts leave a placeholder there (often a `data:` GIF) and the
/// real address in one of the `data-*` attributes, which are the names used by the common
/// lazy-load libraries (lazysizes, lozad, jQuery Lazy, WordPress). Readability.js
/// `_fixLazyImages` reads the same family. A name added here is only read when every earlier
/// one is missing or unusable.
pub(crate) const IMAGE_SOURCE_ATTRS: &[&str] = &[
    "src",
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-url",
    "data-hi-res-src",
];

/// Attributes of `img` holding a `srcset` candidate list, tried after
/// [`IMAGE_SOURCE_ATTRS`]; the first candidate's URL is used.
pub(crate) const IMAGE_SRCSET_ATTRS: &[&str] = &["srcset", "data-srcset"];

/// Class prefixes that name the language of a code block (`<pre><code class="language-rust">`).
/// Source: HTML Living Standard §4.5.15 (the `code` element: "language-" is the recommended
/// way to say which language), and the `lang-` prefix of Prettify/highlight.js. Bare class
/// names (`class="javascript"`) are not read: too many are layout classes.
pub(crate) const CODE_LANGUAGE_PREFIXES: &[&str] = &["language-", "lang-"];

/// URL schemes a link may keep in the Markdown and HTML outputs; any other scheme
/// (`javascript:`, `data:`, `vbscript:`, `file:`) drops the link and keeps its text.
/// Relative links (no scheme) are kept. Source: ammonia's default `url_schemes`, narrowed to
/// what an article links to. Adding a scheme widens what a hostile page can smuggle into a
/// reader's page.
pub(crate) const LINK_SCHEMES: &[&str] = &["http", "https", "mailto", "ftp", "tel"];

/// URL schemes an image may keep. `data:` is refused: on real pages it is almost always a
/// lazy-load placeholder, and it is the usual carrier of hostile SVG.
pub(crate) const IMAGE_SCHEMES: &[&str] = &["http", "https"];

// ---- Metadata sources (`metadata.rs`). Each list is in precedence order: the first key
// with a value wins. Keys are `<meta>` `property`/`name` values lower-cased, with white space
// removed and `.` turned into `:` (so `DC.title` is `dc:title`), as Readability.js
// `_getArticleMetadata` normalises them. Sources: Open Graph protocol (ogp.me), Twitter
// cards, Dublin Core (DCMI terms), Parse.ly and Weibo meta tags as read by Readability.js,
// and trafilatura's `metadata.py` lists. Adding a key can only fill a field that was empty
// or, if placed earlier, override a key that is more reliable.

/// Headline keys. Readability.js's order (Dublin Core first: sites that bother with it
/// keep it exact; `og:title` often carries a site suffix).
pub(crate) const META_TITLE: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "dcterms:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];

/// Author keys. `article:author` is often a profile URL, which is not a name; those values
/// are skipped.
pub(crate) const META_AUTHOR: &[&str] = &[
    "dc:creator",
    "dcterm:creator",
    "dcterms:creator",
    "author",
    "parsely-author",
    "article:author",
    "sailthru:author",
];

/// Publication date keys.
pub(crate) const META_PUBLISHED: &[&str] = &[
    "article:published_time",
    "parsely-pub-date",
    "og:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "dc:date:issued",
    "dcterms:issued",
    "dcterms:created",
    "dc:date",
    "dcterm:date",
    "dcterms:date",
    "sailthru:date",
    "date",
];

/// Words of a meta key that name publication, for keys not in [`META_PUBLISHED`]
/// (`metadata::meta_date_named_published`). From the keys found on the shared sets' pages:
/// `published_at`, `publish_time`, `cxenseparse:publishtime`, `citation_publication_date`,
/// `og:publish_date`, `article.published`, `dcsext.articlefirstpublished`.
pub(crate) const META_PUBLISHED_WORDS: &[&str] = &["publish", "publication"];

/// Words of a meta key that say its value is a moment (see [`META_PUBLISHED_WORDS`]).
pub(crate) const META_DATE_WORDS: &[&str] = &["date", "time", "_at"];

/// Modification date keys.
pub(crate) const META_MODIFIED: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms:modified",
    "dc:date:modified",
    "last-modified",
];

/// Site name keys.
pub(crate) const META_SITE_NAME: &[&str] = &["og:site_name", "application-name"];

/// Description keys (Readability.js's order).
pub(crate) const META_DESCRIPTION: &[&str] = &[
    "dc:description",
    "dcterm:description",
    "dcterms:description",
    "og:description",
    "weibo:article:description",
    "weibo:webpage:description",
    "description",
    "twitter:description",
];

/// Main image keys.
pub(crate) const META_IMAGE: &[&str] = &[
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
];

/// Page address keys, after `<link rel=canonical>`.
pub(crate) const META_URL: &[&str] = &["og:url", "twitter:url"];

/// Language keys, after `<html lang>` (`http-equiv=content-language` is read as a key too).
pub(crate) const META_LANGUAGE: &[&str] = &[
    "content-language",
    "language",
    "dc:language",
    "dcterms:language",
];

/// Tag, keyword and section keys; every value of every key is kept.
pub(crate) const META_TAGS: &[&str] = &[
    "article:tag",
    "article:section",
    "keywords",
    "news_keywords",
    "parsely-tags",
];

/// schema.org `@type`s whose JSON-LD `description` is a product's own description (taken
/// by `metadata::json_ld::product_description` for a product page that shows none): `Product` and its
/// variant group, from schema.org's type hierarchy; not `Offer`, whose description is the
/// deal's.
pub(crate) const JSON_LD_PRODUCT_TYPES: &[&str] = &["Product", "ProductGroup"];

/// schema.org `@type`s whose JSON-LD describes the article itself. Source: Readability.js
/// `REGEXPS.jsonLdArticleTypes` (schema.org's Article subtypes plus postings). Other objects
/// in the same JSON-LD (`Organization`, `BreadcrumbList`, `WebSite`) must not lend the
/// article their names.
pub(crate) const JSON_LD_ARTICLE_TYPES: &[&str] = &[
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
];

/// Class/id words that mark an element holding the author's name, when no markup states
/// it. Source: Readability.js `REGEXPS.byline` (`byline|author|dateline|writtenby|p-author`),
/// matched anywhere in `class` + `id`. Broader words (`meta`, `info`) would catch date and
/// category lines. `autor` is the word in German, Spanish, Portuguese, Polish and Czech
/// templates (`class=autor`), which `author` does not match.
pub(crate) const BYLINE_CLASS_WORDS: &[&str] = &[
    "byline",
    "author",
    "autor",
    "dateline",
    "writtenby",
    "p-author",
];

/// Separators between a headline and a site name in `<title>`. Source: Readability.js
/// `_getArticleTitle` (`| - – — \ / > »`); the hierarchical ones (`\ / > »`) say the title is
/// a path ("Site » Section » Headline").
pub(crate) const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];

/// Separators between the headline and the site name in `<title>`, as the headline hint for
/// the context stage cuts them (the first metadata stage's list, kept so that the text
/// output does not move): the shorter side of the last one is dropped.
pub(crate) const HEADLINE_SEPARATORS: &[&str] =
    &[" | ", " - ", " – ", " — ", " :: ", " · ", " / ", " » "];

/// The hierarchical subset of [`TITLE_SEPARATORS`].
pub(crate) const TITLE_HIERARCHY_SEPARATORS: &[char] = &['\\', '/', '>', '»'];

/// Month names and their usual abbreviations in the stop-list languages (en, de, fr, es, it,
/// pt, nl, sv, id, pl, cs, ru, tr; Polish, Czech and Russian in the genitive that dates use),
/// lower-case, with the month's number: written dates ("March 5, 2024", "5. März 2024",
/// "4 de septiembre de 2025") are read with these. A name is only taken between a day and a
/// year, so names that are also words ("may", "out", "set") do not make dates of prose.
/// Source: the languages' calendars as their newspapers print them.
pub(crate) const MONTH_NUMBERS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("januarie", 1),
    ("styczeń", 1),
    ("stycznia", 1),
    ("leden", 1),
    ("ledna", 1),
    ("января", 1),
    ("ocak", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("févr", 2),
    ("fevr", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("februari", 2),
    ("lutego", 2),
    ("luty", 2),
    ("únor", 2),
    ("února", 2),
    ("февраля", 2),
    ("şubat", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("mär", 3),
    ("mrz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("maart", 3),
    ("mrt", 3),
    ("marca", 3),
    ("marzec", 3),
    ("březen", 3),
    ("března", 3),
    ("марта", 3),
    ("mart", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("aprel", 4),
    ("kwietnia", 4),
    ("kwiecień", 4),
    ("duben", 4),
    ("dubna", 4),
    ("апреля", 4),
    ("nisan", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mag", 5),
    ("maio", 5),
    ("mei", 5),
    ("maj", 5),
    ("maja", 5),
    ("květen", 5),
    ("května", 5),
    ("мая", 5),
    ("mayıs", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("giu", 6),
    ("junho", 6),
    ("czerwca", 6),
    ("czerwiec", 6),
    ("červen", 6),
    ("června", 6),
    ("июня", 6),
    ("haziran", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("luglio", 7),
    ("lug", 7),
    ("julho", 7),
    ("lipca", 7),
    ("lipiec", 7),
    ("červenec", 7),
    ("července", 7),
    ("июля", 7),
    ("temmuz", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("agosto", 8),
    ("ago", 8),
    ("augustus", 8),
    ("agustus", 8),
    ("sierpnia", 8),
    ("sierpień", 8),
    ("srpen", 8),
    ("srpna", 8),
    ("августа", 8),
    ("ağustos", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("settembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("wrzesień", 9),
    ("września", 9),
    ("září", 9),
    ("сентября", 9),
    ("eylül", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("outubro", 10),
    ("out", 10),
    ("październik", 10),
    ("października", 10),
    ("říjen", 10),
    ("října", 10),
    ("октября", 10),
    ("ekim", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("listopad", 11),
    ("listopada", 11),
    ("ноября", 11),
    ("kasım", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("dezembro", 12),
    ("desember", 12),
    ("grudnia", 12),
    ("grudzień", 12),
    ("prosinec", 12),
    ("prosince", 12),
    ("декабря", 12),
    ("aralık", 12),
];

/// What may follow a day number in a written date: English ordinals ("4th"), French "1er",
/// Spanish and Portuguese "1º"/"1o" are split off before this test, so only letters remain.
pub(crate) const DAY_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "er", "o", "e"];

/// Words between day, month and year in written dates of the Romance languages ("4 de
/// septiembre de 2025", "4 di settembre"), skipped.
pub(crate) const DATE_JOINERS: &[&str] = &["de", "del", "di", "of"];

/// Marks that documentation generators put at the end of a heading as its permalink
/// (Sphinx's and MkDocs' `¶`, GitHub-style link icons); not part of the heading's text.
pub(crate) const HEADING_LINK_MARKS: &[char] = &['¶', '🔗', '\u{F0C1}'];

/// Labels of a modification date in the stop-list languages, lower-case, matched as
/// substrings of the text between the previous date and a visible date (or in a `<time>`
/// element's text): a date so labelled ("Updated on June 18, 2025", "Last Updated Nov 6",
/// "mis à jour le") is not the publication date. `review` covers "Medically reviewed on",
/// a later check of an older page.
pub(crate) const UPDATE_LABELS: &[&str] = &[
    "update",
    "modifi",
    "revised",
    "reviewed",
    "aktualisiert",
    "geändert",
    "mis à jour",
    "mise à jour",
    "actualizado",
    "actualización",
    "aggiornat",
    "atualizad",
    "bijgewerkt",
    "gewijzigd",
    "uppdaterad",
    "diperbarui",
    "zaktualizowano",
    "aktualizováno",
    "güncellen",
    "обновлен",
];

/// Class/id fragments of boxes that Readability.js removes before it looks for a byline in
/// the page text (`REGEXPS.unlikelyCandidates`); a byline candidate inside one is not taken
/// (a "Sign in" box with `id=authorization` in the header, an author list in the sidebar).
/// Matched as substrings of the lower-cased class and id, as Readability does.
pub(crate) const UNLIKELY_BOX_WORDS: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// Class/id fragments that keep a box matching [`UNLIKELY_BOX_WORDS`] (Readability.js
/// `REGEXPS.okMaybeItsACandidate`): `article-header`, `main-sidebar-content`.
pub(crate) const MAYBE_BOX_WORDS: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];

/// ARIA roles of boxes removed with [`UNLIKELY_BOX_WORDS`] (Readability.js
/// `UNLIKELY_ROLES`).
pub(crate) const UNLIKELY_BOX_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Class tokens of the permalink anchors documentation and blog generators put inside
/// headings (`<a class="headerlink">¶</a>` in Sphinx, `header-anchor` in VuePress,
/// `anchor`/`permalink` elsewhere): an `<a>` with one of them is never content.
pub(crate) const PERMALINK_TOKENS: &[&str] = &["headerlink", "anchor", "permalink"];

/// The [`BYLINE_OPENERS`] of a forum thread's starter, beside the thread title: a line
/// after the headline that opens with one names the byline before any author box (those
/// are the posts', replies' included).
pub(crate) const BYLINE_THREAD_OPENERS: &[&str] = &["thread starter ", "started by "];

/// Domain endings a site's name is often given with (`og:site_name` "WRAL.com") but that
/// its headlines leave out ("… | WRAL"): the name without one is the brand too.
pub(crate) const SITE_NAME_DOMAINS: &[&str] = &[".com", ".org", ".net", ".co.uk", ".io"];

/// Lower-case words that join a byline's name to the date after it ("by Ana Ruiz on Jan 22,
/// 2025", "von Ana Ruiz am 5. März", "par Ana Ruiz le 5 mars", "por Ana Ruiz el 5 de marzo");
/// left at the end of the name once the date is cut, they are removed. Names are written
/// capitalised, so a lower-case last word is never part of one.
pub(crate) const BYLINE_TRAILING_WORDS: &[&str] =
    &["on", "at", "am", "le", "el", "il", "em", "op", "den"];

/// Fragments of [`UNLIKELY_BOX_WORDS`] under which bylines are still looked for: the article's
/// own header (`page-header__meta`, `post-detail__header`) holds the byline beside the
/// headline. Readability.js reads a byline in such a box before it drops the box; pith's
/// walk never drops it, so only the site's masthead could mislead, and mastheads name no
/// author. Measured on wcxb-dev (issue 14).
pub(crate) const BYLINE_SEARCH_BOX_WORDS: &[&str] = &["header"];

/// Labels that open a short text node and introduce the page's publication date, lower
/// case, in the stop-list languages ("Published", "Posted on", "Veröffentlicht am",
/// "Publié le"); the date is read in the text that follows (see
/// [`crate::tuning::DATE_LABELLED_CHARS`]). The modification labels of [`UPDATE_LABELS`]
/// open a node too, and mark the date as a modification date. "date"/"datum" need their
/// colon: alone they head table columns and form fields.
pub(crate) const DATE_LABEL_OPENERS: &[&str] = &[
    "published",
    "posted",
    "date:",
    "datum:",
    "written on",
    "released",
    "veröffentlicht",
    "erschienen",
    "publié",
    "publicado",
    "publicada",
    "pubblicato",
    "gepubliceerd",
    "geplaatst",
    "publicerad",
    "diterbitkan",
    "opublikowano",
    "publikováno",
    "yayınlanma",
    "yayınlandı",
    "опубликовано",
    "updated",
    "last updated",
    "modified",
    "last modified",
    "aktualisiert",
    "mis à jour",
    "actualizado",
];

/// ARIA roles of a disclosure panel: the content of a tab or of an accordion section, hidden
/// (`hidden`, `aria-hidden`, `display:none`) only until its tab or header is clicked. A
/// product's description and specifications and a docs page's per-language code samples
/// live in such panels, and a reader clicks them open, so the segment walk reads them and
/// lets the scoring judge. `region` counts only with `aria-labelledby` (the WAI-ARIA
/// Authoring Practices accordion pattern names the panel by its header button). Source:
/// WAI-ARIA 1.2 `tabpanel`; APG "Accordion" and "Tabs" patterns.
pub(crate) const PANEL_ROLES: &[&str] = &["tabpanel"];

/// Class stems of disclosure panels in the common front-end frameworks (Bootstrap
/// `tab-pane`/`collapse`/`accordion-collapse`, Foundation `tabs-panel`/`accordion-content`,
/// Shopify themes' `tab-content`/`product-tabs`, WordPress FAQ blocks' `faq-answer`). Matched
/// inside any class name, lower-cased. Trade: a hidden element named so is read even when
/// nobody will open it (a collapsed mobile menu is `navbar-collapse`); such boxes are link
/// lists that the nav names and the link density still drop. Measured over scrapinghub,
/// readability and wcxb-dev before being kept.
pub(crate) const PANEL_CLASS_STEMS: &[&str] = &[
    "tab-pane",
    "tabpane",
    "tab-panel",
    "tabpanel",
    "tabs-panel",
    "tab-content",
    "tabcontent",
    "accordion",
    "collapse",
    "faq-answer",
];

/// Prefix of the `id` React's streaming server renderer gives the `<div hidden>` holding a
/// finished Suspense segment, which its inline script moves into the page at once
/// (`<div hidden id="S:0">`): content every reader with scripts sees. Source: React DOM
/// server, `ReactFizzConfigDOM` (`segmentPrefix` "S:").
pub(crate) const STREAMED_SEGMENT_PREFIX: &str = "S:";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_tokens_match_whole_words_only() {
        assert!(class_hints("ad-slot").any(Hints::AD));
        assert!(!class_hints("header shadow").any(Hints::AD));
        assert!(!class_hints("canvas").any(Hints::NAV));
    }

    #[test]
    fn a_content_managers_component_names_are_not_consent_boxes() {
        // Adobe Experience Manager: `cmp-` starts every component's class.
        assert!(!class_hints("cmp-container").any(Hints::CONSENT));
        assert!(!class_hints("cmp-text").any(Hints::CONSENT));
        assert!(class_hints("cookie-consent-banner").any(Hints::CONSENT));
    }

    #[test]
    fn a_tab_list_is_not_navigation() {
        assert_eq!(role_hints("tablist"), Hints::NONE);
        assert!(role_hints("navigation").any(Hints::NAV));
        assert!(role_hints("menubar").any(Hints::NAV));
    }

    #[test]
    fn a_generated_hash_reads_as_no_words() {
        // `38ad5ea` split at its digits would read `ad`.
        assert_eq!(
            class_hints("elementor-element elementor-element-38ad5ea"),
            Hints::NONE
        );
        assert_eq!(id_hints("teaser-8bd8b65ebf"), Hints::NONE);
        // Words with a number are still words.
        assert!(class_hints("ad300").any(Hints::AD));
        assert!(class_hints("ad-slot-2").any(Hints::AD));
        assert!(id_hints("comments").any(Hints::COMMENT));
    }

    #[test]
    fn camel_case_and_stems_are_read() {
        assert!(class_hints("relatedStories").any(Hints::RELATED));
        assert!(class_hints("newsletterSignupBox").any(Hints::NEWSLETTER));
        assert!(class_hints("post-sharebar").any(Hints::SHARE));
    }

    #[test]
    fn ids_match_whole_tokens_only() {
        assert_eq!(id_hints("shared-mutable-history"), Hints::NONE);
        assert_eq!(id_hints("sharing-with-a-single-developer"), Hints::NONE);
        assert!(id_hints("share-bar").any(Hints::SHARE));
        assert!(id_hints("comments").any(Hints::COMMENT));
    }

    #[test]
    fn property_and_state_classes_are_ignored() {
        assert_eq!(
            class_hints("has-sidebar no-comments tag-cookies author-jane"),
            Hints::NONE
        );
        assert!(class_hints("has-sidebar comments-area").any(Hints::COMMENT));
        assert_eq!(class_hints("social-media-embed"), Hints::NONE);
        // A bare listed word is a role, not a property.
        assert!(class_hints("tags").any(Hints::TAGS));
    }

    #[test]
    fn utility_classes_with_variants_name_nothing() {
        assert_eq!(
            class_hints("[&_figcaption]:mt-xs [&_p_+_p]:mt-sm lg:[&>*]:col-start-3"),
            Hints::NONE
        );
        assert_eq!(class_hints("md:hidden hover:text-gray"), Hints::NONE);
        assert_eq!(id_hints(":r1:"), Hints::NONE);
        assert!(class_hints("md:hidden sidebar").any(Hints::NAV));
    }

    #[test]
    fn stop_lists_cover_every_language() {
        assert_eq!(STOPWORDS.len(), STOP_LANGUAGES.len());
        assert!(STOPWORD_MAP.get("the").is_some_and(|m| m & 1 != 0));
    }
}

// ---------------------------------------------------------------------------------------
// Page type (`page_type.rs`). Each list maps a name the page gives itself to the page type
// that name votes for. The names are schema.org types, Open Graph types, publishing
// platforms and URL path words: vocabularies shared by many sites, never one site's names.
// Adding a name adds votes on every page that uses it; a name common to two types (schema.org
// `Question` is used by FAQ boxes on articles as much as by forums) belongs in neither.

/// schema.org types (JSON-LD `@type`, microdata `itemtype`) and the type they vote for, with
/// the weight's name in `tuning.rs`. From schema.org's type hierarchy: `Product` and its
/// offers; `DiscussionForumPosting` and `QAPage` (Q&A threads); `ItemList`,
/// `CollectionPage`, `SearchResultsPage`; `TechArticle`, `APIReference`,
/// `SoftwareSourceCode`; `Service` and the business types a service provider's own page
/// describes; the article types (`JSON_LD_ARTICLE_TYPES` minus the generic `WebPage`
/// family). `Comment` votes for forum weakly: a thread is a chain of comments, while blogs
/// mostly mark their comments up without schema.org.
pub(crate) const SCHEMA_PAGE_TYPES: &[(&str, PageType, SchemaWeight)] = &[
    ("Product", PageType::Product, SchemaWeight::Strong),
    ("ProductGroup", PageType::Product, SchemaWeight::Strong),
    ("IndividualProduct", PageType::Product, SchemaWeight::Strong),
    ("Offer", PageType::Product, SchemaWeight::Weak),
    ("AggregateOffer", PageType::Product, SchemaWeight::Weak),
    (
        "DiscussionForumPosting",
        PageType::Forum,
        SchemaWeight::Decisive,
    ),
    ("QAPage", PageType::Forum, SchemaWeight::Decisive),
    ("Comment", PageType::Forum, SchemaWeight::Weak),
    ("ItemList", PageType::Listing, SchemaWeight::Weak),
    ("CollectionPage", PageType::Listing, SchemaWeight::Strong),
    ("SearchResultsPage", PageType::Listing, SchemaWeight::Strong),
    ("TechArticle", PageType::Documentation, SchemaWeight::Strong),
    (
        "APIReference",
        PageType::Documentation,
        SchemaWeight::Decisive,
    ),
    (
        "SoftwareSourceCode",
        PageType::Documentation,
        SchemaWeight::Weak,
    ),
    ("Service", PageType::Service, SchemaWeight::Weak),
    ("ProfessionalService", PageType::Service, SchemaWeight::Weak),
    ("LocalBusiness", PageType::Service, SchemaWeight::Weak),
    ("NewsArticle", PageType::Article, SchemaWeight::Strong),
    (
        "ReportageNewsArticle",
        PageType::Article,
        SchemaWeight::Strong,
    ),
    (
        "OpinionNewsArticle",
        PageType::Article,
        SchemaWeight::Strong,
    ),
    (
        "AnalysisNewsArticle",
        PageType::Article,
        SchemaWeight::Strong,
    ),
    ("BlogPosting", PageType::Article, SchemaWeight::Strong),
    ("ScholarlyArticle", PageType::Article, SchemaWeight::Strong),
    ("Article", PageType::Article, SchemaWeight::Weak),
    ("Report", PageType::Article, SchemaWeight::Weak),
];

/// How strongly a schema.org type votes (the weights are in `tuning.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SchemaWeight {
    /// A type that names the page's structure outright (`QAPage`, `APIReference`).
    Decisive,
    /// A type that usually names the page's main entity (`Product`, `NewsArticle`).
    Strong,
    /// A type that also appears as a part of other pages (`Offer`, `ItemList`, `Article`).
    Weak,
}

/// Forum software named by `<meta name=generator>` (first word of its value, lowercase):
/// Discourse, phpBB, vBulletin, XenForo, Invision Community, Flarum, MyBB, Simple Machines,
/// NodeBB. A platform names a structure (threads of posts), not a site.
pub(crate) const FORUM_GENERATORS: &[&str] = &[
    "discourse",
    "phpbb",
    "vbulletin",
    "xenforo",
    "invision",
    "flarum",
    "mybb",
    "smf",
    "nodebb",
];

/// Documentation generators named by `<meta name=generator>` (first word, lowercase,
/// prefix match so that `mkdocs-1.6.1` counts): Docusaurus, Sphinx, MkDocs, rustdoc,
/// VuePress, VitePress, GitBook, DocFX, Antora, Doxygen, Starlight.
pub(crate) const DOCS_GENERATORS: &[&str] = &[
    "docusaurus",
    "sphinx",
    "mkdocs",
    "rustdoc",
    "vuepress",
    "vitepress",
    "gitbook",
    "docfx",
    "antora",
    "doxygen",
    "starlight",
];

/// URL path segments (lowercase, whole segments) and the type they vote for. The usual
/// route names of shop, docs, forum and blog software (WooCommerce and Shopify
/// `/product(s)/` and `/collections/`, Discourse `/t/`, XenForo `/threads/`, phpBB
/// `viewtopic.php`, WordPress `/category/` and `/tag/`). Left out on purpose: `/p/`, which
/// blogs use for posts as often as shops for products, and `/collection/`, which
/// magazines use for series of articles.
pub(crate) const URL_PAGE_TYPES: &[(&str, PageType)] = &[
    ("product", PageType::Product),
    ("products", PageType::Product),
    ("dp", PageType::Product),
    ("item", PageType::Product),
    ("docs", PageType::Documentation),
    ("doc", PageType::Documentation),
    ("documentation", PageType::Documentation),
    ("api", PageType::Documentation),
    ("reference", PageType::Documentation),
    ("manual", PageType::Documentation),
    ("forum", PageType::Forum),
    ("forums", PageType::Forum),
    ("thread", PageType::Forum),
    ("threads", PageType::Forum),
    ("t", PageType::Forum),
    ("topic", PageType::Forum),
    ("questions", PageType::Forum),
    ("discussion", PageType::Forum),
    ("discussions", PageType::Forum),
    ("comments", PageType::Forum),
    ("viewtopic.php", PageType::Forum),
    ("showthread.php", PageType::Forum),
    ("category", PageType::Listing),
    ("categories", PageType::Listing),
    ("tag", PageType::Listing),
    ("tags", PageType::Listing),
    ("search", PageType::Listing),
    ("archive", PageType::Listing),
    ("collections", PageType::Collection),
    ("shop", PageType::Collection),
    ("c", PageType::Collection),
    ("blog", PageType::Article),
    ("blogs", PageType::Article),
    ("news", PageType::Article),
    ("article", PageType::Article),
    ("articles", PageType::Article),
    ("post", PageType::Article),
    ("posts", PageType::Article),
    ("story", PageType::Article),
    ("stories", PageType::Article),
    ("services", PageType::Service),
    ("service", PageType::Service),
    ("solutions", PageType::Service),
];

/// Class/id words (compared after dropping `-` and `_`, lowercase, anywhere in the value) of
/// an add-to-cart control: WooCommerce `single_add_to_cart_button`, Shopify
/// `product-form__cart-submit`/`add-to-cart`, Magento `tocart`, and the plain English forms.
pub(crate) const CART_CLASS_WORDS: &[&str] = &["addtocart", "addtobag", "addtobasket", "tocart"];

/// The whole text of a buy button (lowercase, trimmed).
pub(crate) const BUY_PHRASES: &[&str] = &[
    "add to cart",
    "add to bag",
    "add to basket",
    "buy now",
    "buy it now",
];

/// Class tokens (split at white space, `-` and `_`) of one post of a thread: phpBB
/// `post`, vBulletin/XenForo `message`, and `reply`. Blogs use them for their own article
/// (`post-content`) as well, so they vote only together with several `<time>` elements.
pub(crate) const POST_CLASS_TOKENS: &[&str] = &["post", "message", "reply"];

/// Subdomain words that name a forum, besides the path words of [`URL_PAGE_TYPES`] (which
/// count as subdomains too: `forum.`, `docs.`, `shop.`, `blog.`): `bbs.` (bulletin board
/// system) and `discuss.`, the usual hosts of forum software.
pub(crate) const HOST_PAGE_TYPES: &[(&str, PageType)] =
    &[("bbs", PageType::Forum), ("discuss", PageType::Forum)];

/// Words a cookie-consent dialog uses for what it asks about, lower case, matched inside
/// words (`context::boxes`: a consent box whose text names them is believed whatever its
/// size, and its text is no part of the page's good text). The English loanword serves
/// most European languages (German, French, Spanish, Italian, Dutch, Czech banners write
/// "cookies"); the others are the words of the languages that translate it (Polish
/// "ciasteczka", Finnish "evästeet", Norwegian "informasjonskapsler", Quebec French
/// "témoins de connexion").
pub(crate) const COOKIE_WORDS: &[&str] = &[
    "cookie",
    "ciasteczk",
    "eväste",
    "informasjonskaps",
    "témoins de connexion",
    // The IAB consent framework's banners ask about "personal data" and may never write
    // "cookie" ("We and our 644 partners store and access personal data…"); in the
    // languages of its most common translations.
    "personal data",
    "personenbezogene daten",
    "données personnelles",
    "dati personali",
    "datos personales",
    "dados pessoais",
    "persoonsgegevens",
];

/// The words of a member's badge tally beside each post on Stack Exchange sites and
/// Discourse-like forums ("1,992 2 gold badges 14 silver badges 18 bronze badges", the
/// figures glued to the words in the page's text), lower case: a short block of these and
/// figures alone is a member card's field (`features::is_badge_tally`). Measured on pith's
/// wcxb-dev output: 72 such lines on 10 thread pages, none of them a line of the truth.
pub(crate) const MEMBER_BADGE_WORDS: &[&str] = &["badge", "badges", "gold", "silver", "bronze"];

/// Labels of the fields on a forum member's card beside each post (XenForo, phpBB, vBulletin,
/// Discourse), lower case: alone ("Messages", with the figure in a block of its own) or
/// followed by a number or a date (`features::is_member_field`). "Location" is left out: the
/// truth of threads keeps it (23 of 88 lines on wcxb-dev).
pub(crate) const MEMBER_FIELDS: &[&str] = &[
    "posts",
    "joined",
    "messages",
    "reaction score",
    "points",
    "member since",
    "reputation",
    "karma",
    "trophies",
];
