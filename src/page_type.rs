//! Side stage — page type.
//!
//! Input: the tree edges of the segmentation walk (taken in by [`Walk`], like the metadata
//! walk, so the tree is traversed once), the JSON-LD `@type` values the metadata walk
//! parsed, the page's [`Metadata`] (canonical URL, date, byline) and the blocks of the
//! [`Segmentation`]. Output: a [`PageType`] and the [`PageTypeEvidence`] that voted.
//! Runs after segmentation and metadata and before the context stage, which may read it.
//!
//! Decides what kind of page this is: article, forum thread, product, collection (a grid
//! of products), listing (teasers of articles, search results), service (a business's own
//! description of its offer), documentation, or other (no text and no evidence). Every
//! piece of evidence is a vote for one type with a weight (`tuning.rs`, `PAGE_TYPE_*`); the
//! largest sum wins, ties going to the earlier type of [`PageType::ALL`]:
//!
//! | evidence | votes for |
//! |---|---|
//! | schema.org types in JSON-LD (anywhere in the objects) and microdata `itemtype` | `lexicon::SCHEMA_PAGE_TYPES` |
//! | `og:type` | `product` → product, `product.group` → collection, `article` → article |
//! | `<meta name=generator>` of forum or documentation software | forum, documentation |
//! | URL path words and the first subdomain of the canonical URL (else `og:url`, else the page address) | `lexicon::URL_PAGE_TYPES`, `lexicon::HOST_PAGE_TYPES`; a year segment → article; the site root → service |
//! | code blocks and inline code | documentation |
//! | an add-to-cart control, a buy button or price boxes | product; collection when prices or microdata products repeat |
//! | several `<time>` elements and post boxes | forum |
//! | a link-heavy page with many linked headings | listing (collection with shop evidence) |
//! | the share of text in long unlinked paragraphs | article when high, service when low |
//! | no date and no author | service, and the page gets no article prior |
//!
//! Sources: schema.org type definitions; the Open Graph protocol (`og:type`); the route
//! names and markup of common publishing, shop and forum platforms (WordPress, WooCommerce,
//! Shopify, Discourse, phpBB, XenForo); the WCXB annotation guide's definitions of the seven
//! page types (`../shared/datasets/wcxb-dev/SOURCE.md`).

use crate::article::Metadata;
use crate::dom::{self, Edge, Element};
use crate::lexicon::{self, SchemaWeight, TagKind};
use crate::segment::Segmentation;
use crate::tuning;
use aho_corasick::AhoCorasick;
use html5ever::local_name;
use once_cell::sync::Lazy;

pub(crate) mod kind;
pub use kind::PageType;

/// One piece of evidence about the page type and its vote (shown by `--explain`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PageTypeEvidence {
    /// Where it was found: `json-ld`, `microdata`, `og:type`, `generator`, `url`, `dom`,
    /// `text`, `prior`.
    pub source: &'static str,
    /// What was found (`Product`, `/threads/`, `12 code blocks`…).
    pub detail: String,
    /// The type it votes for.
    pub vote: PageType,
    /// The weight of the vote.
    pub weight: f32,
}

/// The decision and the votes behind it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Decided {
    pub(crate) page_type: PageType,
    /// Every vote, in the order it was found.
    pub(crate) evidence: Vec<PageTypeEvidence>,
}

/// Most distinct microdata types or generators kept: real pages have a handful.
const MAX_NAMES: usize = 32;

/// The counts the page type needs from the tree, fed one edge at a time by the segmentation
/// walk.
#[derive(Default)]
pub(crate) struct Walk {
    item_types: Vec<String>,
    item_products: u32,
    og_type: Option<String>,
    generators: Vec<String>,
    code_blocks: u32,
    inline_code: u32,
    times: u32,
    post_boxes: u32,
    cart: u32,
    prices: u32,
}

impl Walk {
    /// Takes in one edge of the pre-order traversal.
    pub(crate) fn edge(&mut self, edge: &Edge<'_>) {
        let Edge::Open(node) = edge else {
            return;
        };
        match node.value() {
            dom::Value::Element(el) => self.element(&el),
            dom::Value::Text(t) => {
                let t = trim(t);
                if t.len() <= 16
                    && lexicon::BUY_PHRASES
                        .iter()
                        .any(|p| t.eq_ignore_ascii_case(p))
                {
                    self.cart += 1;
                }
            }
            _ => {}
        }
    }

    fn element(&mut self, el: &Element<'_>) {
        let name = el.local_name();
        if *name == local_name!("meta") {
            self.meta(el);
        } else if *name == local_name!("pre") {
            self.code_blocks += 1;
        } else if *name == local_name!("code") {
            self.inline_code += 1;
        } else if *name == local_name!("time") {
            self.times += 1;
        }
        let form = *name == local_name!("form");
        // One pass over the attributes, comparing interned names; each name is read at its
        // first occurrence, as `Element::attr` reads it. Every effect is a count, or a push
        // from the one `itemtype`, so the order of the attributes changes nothing.
        let mut seen = 0u8;
        for (attr, value) in el.attr_atoms() {
            let bit = if *attr == local_name!("class") {
                1
            } else if *attr == local_name!("id") {
                2
            } else if *attr == local_name!("name") {
                4
            } else if *attr == local_name!("itemtype") {
                8
            } else if *attr == local_name!("itemprop") {
                16
            } else if *attr == local_name!("action") {
                32
            } else {
                continue;
            };
            if seen & bit != 0 {
                continue;
            }
            seen |= bit;
            match bit {
                1 => self.class(value),
                2 | 4 => {
                    if is_cart_word(value) {
                        self.cart += 1;
                    }
                }
                8 => {
                    for t in value.split_whitespace() {
                        let name = t.rsplit('/').next().unwrap_or(t);
                        if name == "Product" {
                            self.item_products += 1;
                        }
                        push_name(&mut self.item_types, name);
                    }
                }
                16 => {
                    if value == "price" {
                        self.prices += 1;
                    }
                }
                _ => {
                    if form && value.contains("cart/add") {
                        self.cart += 1;
                    }
                }
            }
        }
    }

    fn meta(&mut self, el: &Element<'_>) {
        let Some(content) = el.attr("content") else {
            return;
        };
        if el
            .attr("property")
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("og:type"))
            && self.og_type.is_none()
        {
            self.og_type = Some(content.trim().to_ascii_lowercase());
        }
        if el
            .attr("name")
            .is_some_and(|n| n.trim().eq_ignore_ascii_case("generator"))
        {
            if let Some(first) = content.split_whitespace().next() {
                push_name(&mut self.generators, &first.to_ascii_lowercase());
            }
        }
    }

    fn class(&mut self, class: &str) {
        let (post, price) = if class.is_ascii() {
            class_votes_ascii(class.as_bytes())
        } else {
            class_votes(class)
        };
        self.post_boxes += u32::from(post);
        self.prices += u32::from(price);
        if is_cart_word(class) {
            self.cart += 1;
        }
    }
}

/// Whether a class holds a post token ([`lexicon::POST_CLASS_TOKENS`]) and the token
/// `price`, tokens split at white space, `-` and `_`.
fn class_votes(class: &str) -> (bool, bool) {
    let mut post = false;
    let mut price = false;
    for token in class.split(|c: char| c.is_whitespace() || c == '-' || c == '_') {
        post |= is_post_token(token.as_bytes());
        price |= token.eq_ignore_ascii_case("price");
    }
    (post, price)
}

/// [`class_votes`] over an ASCII class, split byte by byte (the same tokens: the ASCII
/// characters `char::is_whitespace` accepts are tab, line feed, vertical tab, form feed,
/// carriage return and space). Splitting by characters cost most of this walk's time.
fn class_votes_ascii(class: &[u8]) -> (bool, bool) {
    let mut post = false;
    let mut price = false;
    for token in
        class.split(|b| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' | b'-' | b'_'))
    {
        post |= is_post_token(token);
        price |= token.eq_ignore_ascii_case(b"price");
    }
    (post, price)
}

fn is_post_token(token: &[u8]) -> bool {
    lexicon::POST_CLASS_TOKENS
        .iter()
        .any(|p| token.eq_ignore_ascii_case(p.as_bytes()))
}

/// `str::trim`, with ASCII white space skipped byte by byte: most text nodes are the
/// indentation between tags, and trimming them character by character cost a sixth of
/// this walk. A non-ASCII byte at either end may be white space (U+00A0, U+3000…), so
/// `str::trim` decides from there.
fn trim(t: &str) -> &str {
    let ascii_space = |b: &u8| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
    let b = t.as_bytes();
    let Some(start) = b.iter().position(|c| !ascii_space(c)) else {
        return "";
    };
    let end = b
        .iter()
        .rposition(|c| !ascii_space(c))
        .map_or(start, |e| e + 1);
    // Both ends fall before or after an ASCII byte, so on character boundaries.
    let inner = t.get(start..end).unwrap_or("");
    if inner.as_bytes().first().is_some_and(|c| !c.is_ascii())
        || inner.as_bytes().last().is_some_and(|c| !c.is_ascii())
    {
        inner.trim()
    } else {
        inner
    }
}

fn push_name(list: &mut Vec<String>, name: &str) {
    if list.len() < MAX_NAMES && !name.is_empty() && !list.iter().any(|n| n == name) {
        list.push(name.to_string());
    }
}

/// An add-to-cart word (`lexicon::CART_CLASS_WORDS`) in a class, id or name value, with
/// or without `-`/`_` between its words. An automaton built once: this runs over the class of
/// every element, and lowering and squeezing each value into a new string cost 3% of run time.
///
/// Every pattern holds `to` (`add…to…cart`, `to…cart`), so a value without `to` in any case
/// is answered without the automaton: most class lists are.
fn is_cart_word(value: &str) -> bool {
    let has_to = value
        .as_bytes()
        .windows(2)
        .any(|w| matches!(w, [b't' | b'T', b'o' | b'O']));
    has_to && CART_WORDS.as_ref().is_some_and(|ac| ac.is_match(value))
}

static CART_WORDS: Lazy<Option<AhoCorasick>> = Lazy::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(cart_patterns())
        .ok()
});

/// The spellings of [`lexicon::CART_CLASS_WORDS`] with `-`, `_` or nothing between words.
fn cart_patterns() -> Vec<String> {
    let mut patterns: Vec<String> = Vec::new();
    for word in lexicon::CART_CLASS_WORDS {
        for (a, b) in [("add", "to"), ("to", "")] {
            let Some(rest) = word.strip_prefix(a) else {
                continue;
            };
            let Some(last) = rest.strip_prefix(b) else {
                continue;
            };
            for s1 in ["", "-", "_"] {
                for s2 in ["", "-", "_"] {
                    patterns.push(if b.is_empty() {
                        format!("{a}{s1}{last}")
                    } else {
                        format!("{a}{s1}{b}{s2}{last}")
                    });
                }
            }
        }
    }
    patterns
}

/// Votes on the page type (see the module doc).
pub(crate) fn decide(
    walk: &Walk,
    json_ld_types: &[String],
    metadata: &Metadata,
    page_url: Option<&str>,
    seg: &Segmentation,
) -> Decided {
    let mut votes = Votes::default();
    let undated = metadata.published.is_none() && metadata.byline.is_none();
    if !undated {
        votes.add(
            "prior",
            "most pages are articles",
            PageType::Article,
            tuning::PAGE_TYPE_PRIOR_ARTICLE,
        );
    }
    schema_votes(
        &mut votes,
        "json-ld",
        json_ld_types.iter().map(String::as_str),
    );
    schema_votes(
        &mut votes,
        "microdata",
        walk.item_types.iter().map(String::as_str),
    );
    meta_votes(&mut votes, walk);
    url_votes(&mut votes, metadata.url.as_deref().or(page_url));
    dom_votes(&mut votes, walk, json_ld_types);
    let text_chars = text_votes(&mut votes, seg, walk, json_ld_types);
    if undated {
        votes.add(
            "text",
            "no date and no author",
            PageType::Service,
            tuning::PAGE_TYPE_UNDATED,
        );
    }
    let page_type = if text_chars < tuning::PAGE_TYPE_MIN_CHARS && votes.only_weak() {
        PageType::Other
    } else {
        votes.winner()
    };
    Decided {
        page_type,
        evidence: votes.evidence,
    }
}

#[derive(Default)]
struct Votes {
    sums: [f32; PageType::ALL.len()],
    evidence: Vec<PageTypeEvidence>,
}

impl Votes {
    fn add(&mut self, source: &'static str, detail: impl Into<String>, vote: PageType, w: f32) {
        if let Some(s) = self.sums.get_mut(vote.index()) {
            *s += w;
        }
        self.evidence.push(PageTypeEvidence {
            source,
            detail: detail.into(),
            vote,
            weight: w,
        });
    }

    fn winner(&self) -> PageType {
        let mut best = PageType::Article;
        let mut best_sum = f32::MIN;
        for (t, s) in PageType::ALL.iter().zip(self.sums) {
            if s > best_sum {
                best = *t;
                best_sum = s;
            }
        }
        best
    }

    /// Nothing but the prior and the text-shape votes, which an empty page also gives.
    fn only_weak(&self) -> bool {
        self.evidence
            .iter()
            .all(|e| matches!(e.source, "prior" | "text"))
    }
}

fn schema_votes<'a>(votes: &mut Votes, source: &'static str, types: impl Iterator<Item = &'a str>) {
    let mut seen: Vec<&str> = Vec::new();
    for t in types {
        let Some((name, vote, strength)) = lexicon::SCHEMA_PAGE_TYPES
            .iter()
            .find(|(name, _, _)| *name == t)
        else {
            continue;
        };
        if seen.contains(name) {
            continue;
        }
        seen.push(name);
        let w = match strength {
            SchemaWeight::Decisive => tuning::PAGE_TYPE_SCHEMA_DECISIVE,
            SchemaWeight::Strong => tuning::PAGE_TYPE_SCHEMA_STRONG,
            SchemaWeight::Weak => tuning::PAGE_TYPE_SCHEMA_WEAK,
        };
        votes.add(source, *name, *vote, w);
    }
}

fn meta_votes(votes: &mut Votes, walk: &Walk) {
    if let Some(og) = walk.og_type.as_deref() {
        if og.starts_with("product.group") || og == "product:group" {
            votes.add(
                "og:type",
                og,
                PageType::Collection,
                tuning::PAGE_TYPE_OG_PRODUCT,
            );
        } else if og.contains("product") || og.ends_with(":item") {
            votes.add(
                "og:type",
                og,
                PageType::Product,
                tuning::PAGE_TYPE_OG_PRODUCT,
            );
        } else if og == "article" {
            votes.add(
                "og:type",
                og,
                PageType::Article,
                tuning::PAGE_TYPE_OG_ARTICLE,
            );
        }
    }
    for g in &walk.generators {
        let is = |list: &[&str]| list.iter().any(|p| g.starts_with(p));
        let vote = if is(lexicon::FORUM_GENERATORS) {
            PageType::Forum
        } else if is(lexicon::DOCS_GENERATORS) {
            PageType::Documentation
        } else {
            continue;
        };
        votes.add("generator", g.as_str(), vote, tuning::PAGE_TYPE_GENERATOR);
    }
}

fn url_votes(votes: &mut Votes, url: Option<&str>) {
    let Some(url) = url.and_then(|u| url::Url::parse(u.trim()).ok()) else {
        return;
    };
    let segments: Vec<String> = url
        .path()
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if segments.is_empty() && url.query().is_none() {
        votes.add(
            "url",
            "the site root",
            PageType::Service,
            tuning::PAGE_TYPE_URL_ROOT,
        );
        return;
    }
    let mut voted: Vec<PageType> = Vec::new();
    // A subdomain that names the kind of site (`forum.`, `docs.`, `blog.`), counted like a
    // path word.
    let host = url.host_str().unwrap_or("").to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    if let (true, Some(first)) = (labels.len() >= 3, labels.first()) {
        let sub = lexicon::URL_PAGE_TYPES
            .iter()
            .chain(lexicon::HOST_PAGE_TYPES)
            .find(|(w, _)| w == first);
        if let Some((word, t)) = sub {
            voted.push(*t);
            votes.add("url", format!("{word}."), *t, tuning::PAGE_TYPE_URL_WORD);
        }
    }
    let mut year = false;
    for s in &segments {
        if let Some((word, t)) = lexicon::URL_PAGE_TYPES.iter().find(|(w, _)| w == s) {
            if !voted.contains(t) {
                voted.push(*t);
                votes.add("url", format!("/{word}/"), *t, tuning::PAGE_TYPE_URL_WORD);
            }
        }
        let is_year = s.len() == 4
            && s.bytes().all(|b| b.is_ascii_digit())
            && (s.starts_with("19") || s.starts_with("20"));
        if is_year && !year {
            year = true;
            votes.add(
                "url",
                format!("/{s}/"),
                PageType::Article,
                tuning::PAGE_TYPE_URL_YEAR,
            );
        }
    }
}

/// Whether the schema.org types name products.
fn has_product_schema(walk: &Walk, json_ld_types: &[String]) -> bool {
    walk.item_products > 0 || json_ld_types.iter().any(|t| t == "Product")
}

fn dom_votes(votes: &mut Votes, walk: &Walk, json_ld_types: &[String]) {
    if walk.code_blocks >= tuning::PAGE_TYPE_CODE_BLOCKS {
        let detail = format!("{} code blocks", walk.code_blocks);
        votes.add(
            "dom",
            detail,
            PageType::Documentation,
            tuning::PAGE_TYPE_CODE,
        );
        if walk.code_blocks >= tuning::PAGE_TYPE_MANY_CODE_BLOCKS {
            votes.add(
                "dom",
                "many code blocks",
                PageType::Documentation,
                tuning::PAGE_TYPE_MORE_CODE,
            );
        }
    }
    if walk.inline_code >= tuning::PAGE_TYPE_INLINE_CODE {
        votes.add(
            "dom",
            format!("{} inline code spans", walk.inline_code),
            PageType::Documentation,
            tuning::PAGE_TYPE_INLINE_CODE_VOTE,
        );
    }
    if walk.cart > 0 || walk.prices > 0 {
        let grid = walk.prices >= tuning::PAGE_TYPE_PRICE_GRID
            || walk.item_products >= tuning::PAGE_TYPE_PRODUCT_GRID;
        let detail = format!("{} buy controls, {} price boxes", walk.cart, walk.prices);
        if grid {
            votes.add("dom", detail, PageType::Collection, tuning::PAGE_TYPE_SHOP);
        } else if walk.cart > 0 || has_product_schema(walk, json_ld_types) {
            votes.add("dom", detail, PageType::Product, tuning::PAGE_TYPE_SHOP);
        }
    }
    if walk.times >= tuning::PAGE_TYPE_POST_RECORDS
        && walk.post_boxes >= tuning::PAGE_TYPE_POST_RECORDS
    {
        let detail = format!(
            "{} post boxes, {} time elements",
            walk.post_boxes, walk.times
        );
        votes.add("dom", detail, PageType::Forum, tuning::PAGE_TYPE_POSTS);
    }
}

/// Votes from the shape of the text; returns the page's character count.
fn text_votes(votes: &mut Votes, seg: &Segmentation, walk: &Walk, json_ld_types: &[String]) -> u32 {
    let (mut chars, mut linked, mut prose) = (0u64, 0u64, 0u64);
    let (mut headings, mut linked_headings) = (0u32, 0u32);
    for b in &seg.blocks {
        let (c, l) = (u64::from(b.chars), u64::from(b.link_chars));
        chars += c;
        linked += l;
        let density = if c > 0 { l as f32 / c as f32 } else { 0.0 };
        if b.chars >= tuning::PAGE_TYPE_PROSE_BLOCK_CHARS
            && density < tuning::PAGE_TYPE_PROSE_LINK_DENSITY
        {
            prose += c;
        }
        if matches!(b.kind, TagKind::Heading(2..=5)) {
            headings += 1;
            if density >= tuning::PAGE_TYPE_HEADING_LINKED {
                linked_headings += 1;
            }
        }
    }
    if chars == 0 {
        return 0;
    }
    let linked_share = linked as f32 / chars as f32;
    let prose_share = prose as f32 / chars as f32;
    // Teasers: many headings that are links, on a page whose text is mostly links or whose
    // headings are mostly links (teasers with unlinked standfirsts) and that has little prose.
    let teaser_headings =
        linked_headings * 2 >= headings && prose_share < tuning::PAGE_TYPE_PROSE_SHARE;
    if linked_headings >= tuning::PAGE_TYPE_LINKED_HEADINGS
        && (linked_share >= tuning::PAGE_TYPE_LINKED_SHARE || teaser_headings)
    {
        let shop = walk.cart > 0 || walk.prices > 0 || has_product_schema(walk, json_ld_types);
        let vote = if shop {
            PageType::Collection
        } else {
            PageType::Listing
        };
        let detail = format!(
            "{linked_headings} linked headings, {:.0}% of the text linked",
            linked_share * 100.0
        );
        votes.add("dom", detail, vote, tuning::PAGE_TYPE_TEASERS);
    }
    let detail = format!("{:.0}% of the text in long paragraphs", prose_share * 100.0);
    if prose_share >= tuning::PAGE_TYPE_PROSE_SHARE {
        votes.add("text", detail, PageType::Article, tuning::PAGE_TYPE_PROSE);
    } else if prose_share < tuning::PAGE_TYPE_THIN_SHARE {
        votes.add("text", detail, PageType::Service, tuning::PAGE_TYPE_THIN);
    }
    u32::try_from(chars).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Extractor, Options};

    /// `is_cart_word` skips the automaton for values without `to`.
    #[test]
    fn every_cart_pattern_holds_to() {
        let patterns = cart_patterns();
        assert!(!patterns.is_empty());
        for p in &patterns {
            assert!(p.to_ascii_lowercase().contains("to"), "{p}");
        }
        assert!(is_cart_word("btn Add-To_Cart"));
        assert!(!is_cart_word("cart basket bag"));
    }

    /// The byte-wise trim agrees with `str::trim`.
    #[test]
    fn trim_agrees() {
        for t in [
            "",
            " \t\n\u{b}\u{c}\r",
            "  Add to cart \n",
            "\u{a0}Buy now\u{3000}",
            " \u{a0} x \u{2003}",
            "é",
            " é ",
            "\u{85}",
        ] {
            assert_eq!(trim(t), t.trim(), "{t:?}");
        }
    }

    /// The byte split of ASCII classes finds the tokens the character split finds.
    #[test]
    fn ascii_class_split_agrees() {
        for class in [
            "post",
            "forum-Post_body",
            "x\u{b}message\u{c}price",
            "reply-count\tprice-box\r\npost",
            "postal prices replying",
            "",
            "--__  ",
        ] {
            assert_eq!(
                class_votes_ascii(class.as_bytes()),
                class_votes(class),
                "{class:?}"
            );
        }
    }

    fn page_type(html: &str, url: Option<&str>) -> PageType {
        let options = match url {
            Some(u) => Options::default().base_url(u),
            None => Options::default(),
        };
        Extractor::new(options).extract(html).page_type
    }

    fn prose(n: usize) -> String {
        "<p>The council met on Tuesday evening to discuss the new harbour plan, and after a \
         long debate the members agreed that the repairs to the north pier should come first, \
         before any money is spent on the visitor centre that the mayor has proposed.</p>"
            .repeat(n)
    }

    #[test]
    fn a_dated_news_story_is_an_article() {
        let page = format!(
            r#"<head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Pier first",
            "datePublished":"2025-03-01"}}</script></head><body><article><h1>Pier first</h1>{}</article></body>"#,
            prose(4)
        );
        assert_eq!(page_type(&page, None), PageType::Article);
    }

    #[test]
    fn a_thread_is_a_forum_by_schema_by_generator_and_by_its_posts() {
        let posts: String = (1..=6)
            .map(|i| {
                format!(
                    "<div class='post'><span class=author>user{i}</span>\
                     <time datetime='2025-01-0{i}'>Jan {i}</time><p>I had the same trouble \
                     with the pump after the update, try resetting it.</p></div>"
                )
            })
            .collect();
        let schema = format!(
            r#"<script type="application/ld+json">{{"@type":"DiscussionForumPosting"}}</script>{posts}"#
        );
        assert_eq!(page_type(&schema, None), PageType::Forum);
        let generator = format!("<meta name=generator content='Discourse 3.2'>{posts}");
        assert_eq!(page_type(&generator, None), PageType::Forum);
        // Structure and route alone.
        let plain = format!("<h1>Pump stops after update</h1>{posts}");
        assert_eq!(
            page_type(&plain, Some("https://talk.example/threads/pump-stops.42/")),
            PageType::Forum
        );
    }

    #[test]
    fn one_item_with_a_buy_box_is_a_product() {
        let page = "<h1>Oak garden bench</h1><p>Solid oak, oiled, seats three.</p>\
            <span class='product-price'>£240</span>\
            <form action='/cart/add'><button>Add to cart</button></form>";
        assert_eq!(page_type(page, None), PageType::Product);
        let og = "<meta property=og:type content=product><h1>Oak bench</h1><p>Seats three.</p>";
        assert_eq!(page_type(og, None), PageType::Product);
    }

    #[test]
    fn a_grid_of_priced_items_is_a_collection() {
        let items: String = (1..=12)
            .map(|i| {
                format!(
                    "<li class=card><h3><a href='/products/bench-{i}'>Bench model {i}</a></h3>\
                     <span class=price>£{i}0</span></li>"
                )
            })
            .collect();
        let page = format!("<h1>Garden benches</h1><ul>{items}</ul>");
        assert_eq!(page_type(&page, None), PageType::Collection);
    }

    #[test]
    fn teasers_of_articles_are_a_listing() {
        let items: String = (1..=10)
            .map(|i| {
                format!(
                    "<div class=teaser><h2><a href='/news/story-{i}'>Story number {i} of the \
                     week</a></h2><p>A line about story {i}.</p></div>"
                )
            })
            .collect();
        let page = format!("<h1>Latest</h1>{items}");
        assert_eq!(page_type(&page, None), PageType::Listing);
        let search = r#"<script type="application/ld+json">{"@type":"SearchResultsPage"}</script>
            <h1>Results</h1><p>Ten results for benches.</p>"#;
        assert_eq!(page_type(search, None), PageType::Listing);
    }

    #[test]
    fn a_business_home_page_is_a_service() {
        let page = "<h1>Harbour Plumbing</h1><h2>Boilers</h2><p>Fitted and serviced.</p>\
            <h2>Bathrooms</h2><p>Designed and built.</p><h2>Call us</h2>\
            <p><a href='tel:+441234'>01234 567</a></p>";
        assert_eq!(
            page_type(page, Some("https://harbour-plumbing.example/")),
            PageType::Service
        );
    }

    #[test]
    fn code_beside_a_docs_route_is_documentation() {
        let page = format!(
            "<h1>Configuring the client</h1><p>Set <code>timeout</code> before calling \
             <code>connect</code>.</p><pre><code>client.timeout(5)</code></pre>\
             <pre><code>client.connect()</code></pre>{}",
            prose(1)
        );
        assert_eq!(
            page_type(&page, Some("https://tool.example/docs/client/config")),
            PageType::Documentation
        );
        let sphinx = "<meta name=generator content='Sphinx 7.2'><h1>API</h1><p>Functions.</p>";
        assert_eq!(page_type(sphinx, None), PageType::Documentation);
    }

    #[test]
    fn a_subdomain_that_names_the_site_votes_like_a_path_word() {
        let page = "<h1>Boot fails after kernel update</h1><p>Same here, roll back to 6.1.</p>";
        assert_eq!(
            page_type(page, Some("https://bbs.distro.example/viewtopic.php?id=12")),
            PageType::Forum
        );
        let why = Extractor::new(Options::default().base_url("https://www.distro.example/help"))
            .explain(page);
        assert!(why.page_type_evidence.iter().all(|e| e.source != "url"));
    }

    #[test]
    fn a_forum_route_outweighs_the_cms_defaults_of_a_dated_thread() {
        // A thread of long posts under `/threads/` whose CMS marks every page `og:type`
        // article, with a date and an author: the site's own word for the page wins over
        // the defaults and the prose.
        let page = format!(
            "<head><meta property='og:type' content='article'>\
             <meta property='article:published_time' content='2025-02-03'>\
             <meta name='author' content='pumpfan'></head>\
             <body><h1>Pump stops after update</h1>{}</body>",
            prose(4)
        );
        assert_eq!(
            page_type(&page, Some("https://talk.example/threads/pump-stops.42/")),
            PageType::Forum
        );
        assert_eq!(page_type(&page, None), PageType::Article);
    }

    #[test]
    fn an_empty_shell_is_other() {
        assert_eq!(
            page_type("<body><div id=app></div></body>", None),
            PageType::Other
        );
    }

    #[test]
    fn explain_names_the_deciding_vote() {
        let why = Extractor::default()
            .explain("<meta name=generator content='phpBB'><h1>Topic</h1><p>First post.</p>");
        assert_eq!(why.page_type, PageType::Forum);
        assert!(
            why.page_type_evidence
                .iter()
                .any(|e| e.source == "generator" && e.vote == PageType::Forum)
        );
    }

    #[test]
    fn names_round_trip() {
        for t in PageType::ALL {
            assert_eq!(PageType::from_name(t.as_str()), Some(t));
            assert_eq!(t.to_string(), t.as_str());
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serialises_lowercase() {
        assert_eq!(
            serde_json::to_string(&PageType::Documentation)
                .ok()
                .as_deref(),
            Some("\"documentation\"")
        );
    }
}
