//! Side stage — metadata.
//!
//! Input: the parsed [`Document`] and the page's address if known. Output: [`Metadata`],
//! the headline hint the context stage uses to drop the headline from the text, and the base
//! URL links are resolved against.
//!
//! Decides the title, byline, dates, language, site name, description, canonical URL, main
//! image and tags from the page's markup, in this precedence (first found wins; "meta" is a
//! `<meta property|name|itemprop|http-equiv>` key from the lists in `lexicon.rs`, in their
//! order; JSON-LD is the first object whose `@type` is an article type, looked for in arrays
//! and `@graph`):
//!
//! | field | sources, in order |
//! |---|---|
//! | title | JSON-LD `headline`/`name`; meta `dc:title`, `og:title`, `title`, `twitter:title`, `parsely-title`; `<title>` cut at its site-name separator (Readability.js rules); the only `h1`. A prefix or suffix equal to the site name is removed |
//! | byline | JSON-LD `author` (names joined by `, `); meta `dc:creator`, `author`, `parsely-author`, `article:author` (unless a URL); the first visible element with `rel=author`, `itemprop~=author` or a byline class/id, ≤ 100 characters (its `itemprop=name` child if any) |
//! | published | JSON-LD `datePublished`; meta `article:published_time`, `parsely-pub-date`, `datePublished`, `pubdate`, `dc:date`, `date`…; microdata `datePublished`; `<time pubdate>`, else the first `<time datetime>`; a `/YYYY/MM/DD/` date in the canonical URL |
//! | modified | JSON-LD `dateModified`; meta `article:modified_time`, `og:updated_time`, `dateModified`…; microdata `dateModified` |
//! | language | `<html lang>`; meta `content-language`, `language`, `dc:language`; `og:locale`; JSON-LD `inLanguage`; else the stop-list language of the text (set by the extractor) |
//! | site name | JSON-LD `publisher.name`; meta `og:site_name`, `application-name` |
//! | description | JSON-LD `description`; meta `dc:description`, `og:description`, `description`, `twitter:description` |
//! | url | `<link rel=canonical>`; meta `og:url`, `twitter:url`; JSON-LD `url`, `mainEntityOfPage` |
//! | image | meta `og:image`, `twitter:image`; JSON-LD `image`; `<link rel=image_src>` |
//! | tags | meta `article:tag`, `article:section`, `keywords`, `news_keywords`, `parsely-tags`; JSON-LD `keywords`, `articleSection`; microdata `keywords`; `<a rel=tag>` texts — all of them, in that order, without duplicates |
//!
//! Dates come out as ISO 8601 (`2024-03-01`, `2024-03-01T10:00:00+01:00`) when their form is
//! one of ISO 8601 / RFC 3339 (with a space or `T`, any offset form), RFC 2822
//! (`Fri, 01 Mar 2024 10:00:00 +0000`) or an English written date (`March 1, 2024`,
//! `1 March 2024`); otherwise as found. URLs are resolved against the base URL: the first
//! `<base href>` (itself resolved against the page address), else the page address
//! ([`Options::base_url`](crate::Options::base_url)).
//!
//! One iterative walk over the tree (no recursion); text that a field needs (`<title>`,
//! headings, JSON-LD, byline candidates) is captured on the way. JSON-LD is read with
//! serde_json; invalid JSON-LD is ignored.
//!
//! Sources: Open Graph protocol, Twitter cards, Dublin Core, schema.org, HTML `meta` name
//! registry, Readability.js `_getJSONLD`, `_getArticleMetadata`, `_getArticleTitle` and
//! `_isValidByline`, trafilatura `metadata.py`.

use crate::article::Metadata;
use crate::dom::{self, Document};
use crate::lexicon::{self, TagRole};
use crate::render;
use crate::tuning;
use ego_tree::iter::Edge;
use scraper::Node;
use serde_json::Value;
use std::collections::HashMap;
use url::Url;

/// Title separators between the headline and the site name in `<title>`, for the headline
/// hint given to the context stage.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " / ", " » "];

/// What the metadata stage hands on.
pub(crate) struct Collected {
    /// The public metadata.
    pub(crate) metadata: Metadata,
    /// The headline as the context stage expects it (an `h1` the page title contains, else
    /// the page title without site name), kept apart from `metadata.title` so that the text
    /// output does not depend on the title rules.
    pub(crate) headline: Option<String>,
    /// The URL relative links resolve against.
    pub(crate) base: Option<Url>,
}

/// What text a capture collects.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    Title,
    H1,
    H2,
    JsonLd,
    /// An element marked as holding the byline.
    Byline,
    /// An `itemprop=name` inside the byline candidate being captured.
    BylineName,
    /// Microdata `itemprop` text without a `content`/`datetime` attribute.
    ItemProp(ItemProp),
    RelTag,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ItemProp {
    Author,
    Published,
    Modified,
}

struct Open {
    node: ego_tree::NodeId,
    what: Capture,
    text: String,
    /// Byline candidates: the order they opened in, and the `itemprop=name` text inside.
    seq: usize,
    name: Option<String>,
}

#[derive(Default)]
struct Found {
    /// Meta values by normalised key, in page order.
    meta: HashMap<String, Vec<String>>,
    html_title: Option<String>,
    h1: Vec<String>,
    h2: Vec<String>,
    json_ld: Vec<Value>,
    html_lang: Option<String>,
    canonical: Option<String>,
    base_href: Option<String>,
    link_image: Option<String>,
    time_pubdate: Option<String>,
    time_first: Option<String>,
    item_author: Option<String>,
    item_published: Option<String>,
    item_modified: Option<String>,
    item_keywords: Vec<String>,
    /// The earliest-opened valid byline candidate: its opening order and text.
    dom_byline: Option<(usize, String)>,
    rel_tags: Vec<String>,
}

/// Reads the page's metadata (see the module doc).
pub(crate) fn collect(doc: &Document, page_url: Option<&str>) -> Collected {
    let f = walk(doc);
    let page = page_url.and_then(|u| Url::parse(u.trim()).ok());
    let base = match (&f.base_href, &page) {
        (Some(href), Some(page)) => page.join(href).ok().or_else(|| Some(page.clone())),
        (Some(href), None) => Url::parse(href).ok(),
        (None, page) => page.clone(),
    };
    let ld = json_ld_article(&f.json_ld);
    let metadata = Metadata {
        title: title(&f, ld),
        byline: byline(&f, ld),
        published: published(&f, ld),
        modified: ld
            .and_then(|o| str_field(o, "dateModified"))
            .or_else(|| meta_first(&f, lexicon::META_MODIFIED))
            .or_else(|| f.item_modified.clone())
            .map(|d| iso_date(&d)),
        language: f
            .html_lang
            .clone()
            .or_else(|| meta_first(&f, lexicon::META_LANGUAGE))
            .or_else(|| meta_first(&f, &["og:locale"]).map(|l| l.replace('_', "-")))
            .or_else(|| ld.and_then(|o| str_field(o, "inLanguage"))),
        site_name: site_name(&f, ld),
        description: ld
            .and_then(|o| str_field(o, "description"))
            .or_else(|| meta_first(&f, lexicon::META_DESCRIPTION)),
        url: f
            .canonical
            .clone()
            .or_else(|| meta_first(&f, lexicon::META_URL))
            .or_else(|| ld.and_then(|o| str_field(o, "url")))
            .or_else(|| ld.and_then(|o| o.get("mainEntityOfPage")).and_then(url_of))
            .and_then(|u| render::resolve(&u, base.as_ref(), lexicon::LINK_SCHEMES)),
        image: lexicon::META_IMAGE
            .iter()
            .find_map(|k| f.meta.get(*k).and_then(|v| v.first()).cloned())
            .or_else(|| ld.and_then(|o| o.get("image")).and_then(url_of))
            .or_else(|| f.link_image.clone())
            .and_then(|u| render::resolve(&u, base.as_ref(), lexicon::IMAGE_SCHEMES)),
        tags: tags(&f, ld),
    };
    Collected {
        headline: headline(&f),
        metadata,
        base,
    }
}

/// One iterative walk that records every source of the table in the module doc.
fn walk(doc: &Document) -> Found {
    let mut f = Found::default();
    let mut open: Vec<Open> = Vec::new();
    let mut hidden: Option<ego_tree::NodeId> = None;
    // An unlikely box (see `lexicon::UNLIKELY_BOX_WORDS`), where bylines are not looked for.
    let mut unlikely: Option<ego_tree::NodeId> = None;
    let mut tables = 0u32;
    let mut seq = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    element(&mut f, el, name);
                    if hidden.is_none()
                        && dom::never_content(el, TagRole::Inline)
                            == Some(dom::NeverContent::Hidden)
                    {
                        hidden = Some(node.id());
                    }
                    let byline_open = open.iter().any(|o| o.what == Capture::Byline);
                    let skip_byline = hidden.is_some() || unlikely.is_some();
                    let found = captures(&f, el, name, hidden.is_some(), skip_byline, byline_open);
                    // Readability.js tests a box for a byline before removing it as unlikely.
                    if name == "table" {
                        tables += 1;
                    }
                    if unlikely.is_none() && tables == 0 && is_unlikely_box(el, name) {
                        unlikely = Some(node.id());
                    }
                    for what in found {
                        seq += 1;
                        open.push(Open {
                            node: node.id(),
                            what,
                            text: String::new(),
                            seq,
                            name: None,
                        });
                    }
                }
                Node::Text(t) if !open.is_empty() => {
                    let raw = node
                        .parent()
                        .and_then(|p| p.value().as_element().map(|e| e.name()))
                        .is_some_and(|n| matches!(n, "script" | "style" | "template" | "noscript"));
                    for o in &mut open {
                        if raw == (o.what == Capture::JsonLd) {
                            o.text.push_str(&t.text);
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if hidden == Some(node.id()) {
                    hidden = None;
                }
                if unlikely == Some(node.id()) {
                    unlikely = None;
                }
                if node
                    .value()
                    .as_element()
                    .is_some_and(|e| e.name() == "table")
                {
                    tables = tables.saturating_sub(1);
                }
                while open.last().is_some_and(|o| o.node == node.id()) {
                    if let Some(o) = open.pop() {
                        finish(&mut f, o, &mut open);
                    }
                }
            }
        }
    }
    f
}

/// Records what an element's attributes say.
fn element(f: &mut Found, el: &scraper::node::Element, name: &str) {
    match name {
        "meta" => {
            let Some(content) = el.attr("content") else {
                return;
            };
            let content = normalise(content);
            if content.is_empty() {
                return;
            }
            if let Some(prop) = el.attr("itemprop") {
                itemprop_value(f, prop, &content);
            }
            let mut keys: Vec<String> = Vec::new();
            for p in el.attr("property").unwrap_or("").split_whitespace() {
                let p = p.to_ascii_lowercase();
                // `og:article:author` is read as `article:author`, as Readability.js's
                // unanchored property pattern does.
                if let Some((_, inner)) = p.split_once(':').filter(|(_, i)| i.contains(':')) {
                    keys.push(inner.to_string());
                }
                keys.push(p);
            }
            for attr in ["name", "http-equiv", "itemprop"] {
                if let Some(n) = el.attr(attr) {
                    keys.push(
                        n.chars()
                            .filter(|c| !c.is_whitespace())
                            .collect::<String>()
                            .to_ascii_lowercase()
                            .replace('.', ":"),
                    );
                }
            }
            for key in keys {
                f.meta.entry(key).or_default().push(content.clone());
            }
        }
        "html" => {
            if let Some(lang) = el.attr("lang").or_else(|| el.attr("xml:lang")) {
                set(&mut f.html_lang, lang);
            }
        }
        "base" => {
            if let Some(href) = el.attr("href") {
                set(&mut f.base_href, href);
            }
        }
        "link" => {
            let rel = el.attr("rel").unwrap_or("");
            for r in rel.split_whitespace() {
                let slot = if r.eq_ignore_ascii_case("canonical") {
                    &mut f.canonical
                } else if r.eq_ignore_ascii_case("image_src") {
                    &mut f.link_image
                } else {
                    continue;
                };
                if let Some(href) = el.attr("href") {
                    set(slot, href);
                }
            }
        }
        "time" => {
            if let Some(dt) = el.attr("datetime") {
                if el.attr("pubdate").is_some() {
                    set(&mut f.time_pubdate, dt);
                }
                set(&mut f.time_first, dt);
            }
        }
        _ => {
            if let (Some(prop), Some(value)) = (
                el.attr("itemprop"),
                el.attr("datetime").or_else(|| el.attr("content")),
            ) {
                itemprop_value(f, prop, &normalise(value));
            }
        }
    }
}

/// A microdata value given in an attribute.
fn itemprop_value(f: &mut Found, prop: &str, value: &str) {
    for p in prop.split_whitespace() {
        match p {
            "datePublished" => set(&mut f.item_published, value),
            "dateModified" => set(&mut f.item_modified, value),
            "keywords" => f.item_keywords.extend(split_tags(value)),
            _ => {}
        }
    }
}

/// The text captures an element opens.
fn captures(
    f: &Found,
    el: &scraper::node::Element,
    name: &str,
    hidden: bool,
    skip_byline: bool,
    byline_open: bool,
) -> Vec<Capture> {
    let mut out = Vec::new();
    match name {
        "title" if f.html_title.is_none() => out.push(Capture::Title),
        "script" => {
            if el
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            {
                out.push(Capture::JsonLd);
            }
            return out;
        }
        "h1" if !hidden && f.h1.len() < tuning::MAX_TITLE_HEADINGS => out.push(Capture::H1),
        "h2" if !hidden && f.h2.len() < tuning::MAX_TITLE_HEADINGS => out.push(Capture::H2),
        _ => {}
    }
    if hidden || matches!(name, "head" | "meta" | "link" | "style" | "template") {
        return out;
    }
    let itemprop = el.attr("itemprop").unwrap_or("");
    let has_value = el.attr("content").is_some() || el.attr("datetime").is_some();
    for p in itemprop.split_whitespace() {
        match p {
            "datePublished" if !has_value => out.push(Capture::ItemProp(ItemProp::Published)),
            "dateModified" if !has_value => out.push(Capture::ItemProp(ItemProp::Modified)),
            "author" if !has_value && f.item_author.is_none() => {
                out.push(Capture::ItemProp(ItemProp::Author))
            }
            _ => {}
        }
    }
    // Readability.js: the first descendant whose `itemprop` contains "name".
    if byline_open && itemprop.contains("name") {
        out.push(Capture::BylineName);
    }
    if name == "a"
        && el
            .attr("rel")
            .is_some_and(|r| r.split_whitespace().any(|t| t.eq_ignore_ascii_case("tag")))
    {
        out.push(Capture::RelTag);
    }
    if !skip_byline && f.dom_byline.is_none() && is_byline_candidate(el, itemprop) {
        out.push(Capture::Byline);
    }
    out
}

/// Readability.js `_isValidByline`'s markup test: `rel=author`, `itemprop` containing
/// `author`, or a byline word in class or id.
fn is_byline_candidate(el: &scraper::node::Element, itemprop: &str) -> bool {
    if el.attr("rel").is_some_and(|r| r == "author") || itemprop.contains("author") {
        return true;
    }
    let class_id = format!(
        "{} {}",
        el.attr("class").unwrap_or(""),
        el.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    lexicon::BYLINE_CLASS_WORDS
        .iter()
        .any(|w| class_id.contains(w))
}

/// Readability.js's unlikely-candidate test: a class/id fragment of
/// [`lexicon::UNLIKELY_BOX_WORDS`] without one of [`lexicon::MAYBE_BOX_WORDS`], or an unlikely
/// role; never `body` or `a`.
fn is_unlikely_box(el: &scraper::node::Element, name: &str) -> bool {
    if matches!(name, "body" | "a" | "html") {
        return false;
    }
    if el
        .attr("role")
        .is_some_and(|r| lexicon::UNLIKELY_BOX_ROLES.contains(&r.trim()))
    {
        return true;
    }
    let class_id = format!(
        "{} {}",
        el.attr("class").unwrap_or(""),
        el.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    lexicon::UNLIKELY_BOX_WORDS
        .iter()
        .any(|w| class_id.contains(w))
        && !lexicon::MAYBE_BOX_WORDS
            .iter()
            .any(|w| class_id.contains(w))
}

/// Stores a finished capture.
fn finish(f: &mut Found, o: Open, open: &mut [Open]) {
    match o.what {
        Capture::Title => set(&mut f.html_title, &o.text),
        Capture::H1 => push_text(&mut f.h1, &o.text),
        Capture::H2 => push_text(&mut f.h2, &o.text),
        Capture::JsonLd => {
            let text = o.text.trim();
            let text = text.strip_prefix("<![CDATA[").unwrap_or(text);
            let text = text.strip_suffix("]]>").unwrap_or(text);
            if let Ok(v) = serde_json::from_str::<Value>(text) {
                f.json_ld.push(v);
            }
        }
        Capture::Byline => {
            // Readability.js `_isValidByline` measures the whole element's text, then takes
            // the `itemprop=name` inside it when there is one.
            let whole = normalise(&o.text);
            let len = whole.chars().count();
            if len > 0
                && len < tuning::BYLINE_MAX_CHARS
                && f.dom_byline.as_ref().is_none_or(|(s, _)| o.seq < *s)
            {
                let name = o.name.map(|n| normalise(&n)).filter(|n| !n.is_empty());
                f.dom_byline = Some((o.seq, name.unwrap_or(whole)));
            }
        }
        Capture::BylineName => {
            for outer in open.iter_mut().filter(|c| c.what == Capture::Byline) {
                if outer.name.is_none() {
                    outer.name = Some(o.text.clone());
                }
            }
        }
        Capture::ItemProp(ItemProp::Author) => set(&mut f.item_author, &o.text),
        Capture::ItemProp(ItemProp::Published) => set(&mut f.item_published, &o.text),
        Capture::ItemProp(ItemProp::Modified) => set(&mut f.item_modified, &o.text),
        Capture::RelTag => push_text(&mut f.rel_tags, &o.text),
    }
}

fn push_text(list: &mut Vec<String>, text: &str) {
    let t = normalise(text);
    if !t.is_empty() {
        list.push(t);
    }
}

/// White space collapsed and trimmed.
fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn set(slot: &mut Option<String>, value: &str) {
    let v = normalise(value);
    if slot.is_none() && !v.is_empty() {
        *slot = Some(v);
    }
}

/// The last value of the first key that has one (Readability.js keeps the last value when a
/// key repeats).
fn meta_first(f: &Found, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| f.meta.get(*k).and_then(|v| v.last()))
        .map(|v| unescape(v))
}

/// Decodes entities left in values that sites escaped twice (`&amp;amp;`, `&#39;`), as
/// Readability.js `_unescapeHtmlEntities` does.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(rest.get(..pos).unwrap_or(""));
        let tail = rest.get(pos..).unwrap_or("");
        let end = tail.find(';').filter(|e| *e <= 10);
        let entity = end.and_then(|e| tail.get(1..e));
        let decoded = entity.and_then(|e| match e {
            "quot" => Some('"'),
            "amp" => Some('&'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            _ => {
                let num = e.strip_prefix('#')?;
                let n = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => num.parse().ok()?,
                };
                Some(
                    char::from_u32(n)
                        .filter(|c| *c != '\0')
                        .unwrap_or('\u{FFFD}'),
                )
            }
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = tail.get(e + 1..).unwrap_or("");
            }
            _ => {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------------------
// JSON-LD

/// The first JSON-LD object describing an article: top level, in an array, or in `@graph`.
fn json_ld_article(values: &[Value]) -> Option<&serde_json::Map<String, Value>> {
    let mut queue: Vec<&Value> = values.iter().rev().collect();
    // Iterative, bounded by the size of the parsed JSON.
    while let Some(v) = queue.pop() {
        match v {
            Value::Array(items) => queue.extend(items.iter().rev()),
            Value::Object(o) => {
                if is_article_type(o.get("@type")) {
                    return Some(o);
                }
                if let Some(graph) = o.get("@graph") {
                    queue.push(graph);
                }
            }
            _ => {}
        }
    }
    None
}

fn is_article_type(t: Option<&Value>) -> bool {
    let is = |s: &str| {
        let s = s.rsplit('/').next().unwrap_or(s);
        lexicon::JSON_LD_ARTICLE_TYPES.contains(&s)
    };
    match t {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(a)) => a.iter().any(|v| v.as_str().is_some_and(is)),
        _ => false,
    }
}

fn str_field(o: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    o.get(key)
        .and_then(Value::as_str)
        .map(|s| normalise(&unescape(s)))
        .filter(|s| !s.is_empty())
}

/// A URL given as a string, an object with `url` or `@id`, or an array of those (first).
fn url_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => o.get("url").or_else(|| o.get("@id")).and_then(url_of),
        Value::Array(a) => a.iter().find_map(url_of),
        _ => None,
    }
}

/// Names from a string, an object with `name`, or an array of those.
fn names_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![normalise(&unescape(s))],
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| vec![normalise(&unescape(s))])
            .unwrap_or_default(),
        Value::Array(a) => a
            .iter()
            .filter(|x| !x.is_array())
            .flat_map(names_of)
            .collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect()
}

// ---------------------------------------------------------------------------------------
// Fields

fn title(f: &Found, ld: Option<&serde_json::Map<String, Value>>) -> Option<String> {
    let from_ld = ld.and_then(|o| {
        let (name, headline) = (str_field(o, "name"), str_field(o, "headline"));
        match (name, headline) {
            (Some(name), Some(headline)) if name != headline => {
                let page = page_title(f);
                let near = |t: &str| similarity(t, &page) > tuning::JSON_LD_TITLE_SIMILARITY;
                Some(if near(&headline) && !near(&name) {
                    headline
                } else {
                    name
                })
            }
            (name, headline) => name.or(headline),
        }
    });
    let title = from_ld
        .or_else(|| meta_first(f, lexicon::META_TITLE))
        .or_else(|| Some(page_title(f)).filter(|t| !t.is_empty()))
        .map(|t| normalise(&t))?;
    if let Some(h1) = heading_in_title(&title, &f.h1) {
        return Some(h1);
    }
    let site = site_name(f, ld);
    Some(strip_exact_site_name(&title, site.as_deref()))
}

/// An `h1` that the title holds whole, with only a separator and a site or section name
/// beside it ("Harrowgate Navigation - Openpedia", "The 1947 flood :: Local History
/// Group"): the heading and the title agree on the headline, so the rest is not part of it.
fn heading_in_title(title: &str, h1s: &[String]) -> Option<String> {
    let is_sep = |c: char| lexicon::TITLE_SEPARATORS.contains(&c) || c == ':';
    h1s.iter()
        .filter(|h| h.len() < title.len())
        .find(|h| {
            let after = title
                .strip_prefix(h.as_str())
                .map(|rest| rest.trim_start().starts_with(is_sep) && rest.starts_with(' '));
            let before = title
                .strip_suffix(h.as_str())
                .map(|rest| rest.trim_end().ends_with(is_sep) && rest.ends_with(' '));
            after == Some(true) || before == Some(true)
        })
        .cloned()
}

/// Removes a prefix or suffix equal to the site name ("Headline | Site", "Site: Headline").
fn strip_exact_site_name(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    let lower = title.to_lowercase();
    let site_lower = site.to_lowercase();
    let trim = |s: &str| {
        s.trim_matches(|c: char| {
            c.is_whitespace() || lexicon::TITLE_SEPARATORS.contains(&c) || c == ':'
        })
        .to_string()
    };
    if lower.len() > site_lower.len() + 3 {
        if lower.ends_with(&site_lower) {
            let cut = title.len().saturating_sub(site.len());
            if let Some(head) = title.get(..cut) {
                let head_trimmed = trim(head);
                if head.trim_end().len() > head_trimmed.len() || head.ends_with(": ") {
                    return head_trimmed;
                }
            }
        }
        if lower.starts_with(&site_lower) {
            if let Some(tail) = title.get(site.len()..) {
                let tail_trimmed = trim(tail);
                if tail.trim_start().len() > tail_trimmed.len() {
                    return tail_trimmed;
                }
            }
        }
    }
    title.to_string()
}

/// Readability.js `_getArticleTitle`: the `<title>` cut at its last separator (or colon),
/// unless what remains is too short; the only `h1` when the `<title>` is very short or long.
fn page_title(f: &Found) -> String {
    let orig = f.html_title.clone().unwrap_or_default();
    let words = |s: &str| s.split_whitespace().count().max(1);
    let separator_at = |s: &str, set: &[char]| -> Vec<usize> {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        chars
            .windows(3)
            .filter(|w| {
                matches!(w, [(_, a), (_, b), (_, c)] if a.is_whitespace() && c.is_whitespace() && set.contains(b))
            })
            .filter_map(|w| w.first().map(|(i, _)| *i))
            .collect()
    };
    let seps = separator_at(&orig, lexicon::TITLE_SEPARATORS);
    // A heading equal to the part before the last separator (or after the first) agrees
    // that it is the headline, however short (Readability.js would keep the whole title).
    let parts = [
        seps.last().and_then(|i| orig.get(..*i)),
        seps.first().and_then(|i| {
            // Past the white space, the separator and the white space after it.
            let rest = orig.get(*i..)?;
            rest.get(rest.char_indices().nth(3)?.0..)
        }),
    ];
    for part in parts.into_iter().flatten() {
        let part = normalise(part);
        if f.h1.iter().chain(&f.h2).any(|h| *h == part) {
            return part;
        }
    }
    let mut hierarchical = false;
    let mut cur = orig.clone();
    if let Some(last) = seps.last() {
        hierarchical = !separator_at(&orig, lexicon::TITLE_HIERARCHY_SEPARATORS).is_empty();
        cur = orig.get(..*last).unwrap_or("").to_string();
        if words(&cur) < tuning::TITLE_MIN_WORDS {
            // Remove the first part instead.
            cur = orig
                .char_indices()
                .find(|(_, c)| lexicon::TITLE_SEPARATORS.contains(c))
                .and_then(|(i, c)| orig.get(i + c.len_utf8()..))
                .unwrap_or("")
                .to_string();
        }
    } else if cur.contains(": ") {
        let matches_heading = f.h1.iter().chain(&f.h2).any(|h| *h == orig);
        if !matches_heading {
            let last = orig.rfind(':').map_or(0, |i| i + 1);
            cur = orig.get(last..).unwrap_or("").to_string();
            if words(&cur) < tuning::TITLE_MIN_WORDS {
                let first = orig.find(':').map_or(0, |i| i + 1);
                cur = orig.get(first..).unwrap_or("").to_string();
            } else if words(orig.get(..orig.find(':').unwrap_or(0)).unwrap_or(""))
                > tuning::TITLE_COLON_MAX_WORDS
            {
                cur = orig.clone();
            }
        }
    } else {
        let len = cur.chars().count();
        if len > tuning::TITLE_MAX_CHARS || len < tuning::TITLE_MIN_CHARS {
            if let [only] = f.h1.as_slice() {
                cur = only.clone();
            }
        }
    }
    let cur = normalise(&cur);
    let cur_words = words(&cur);
    let without_seps: String = orig
        .chars()
        .filter(|c| !lexicon::TITLE_SEPARATORS.contains(c))
        .collect();
    if cur_words <= tuning::TITLE_SHORT_WORDS
        && (!hierarchical || cur_words + 1 != words(&without_seps))
    {
        return orig;
    }
    cur
}

/// Share of `b`'s word characters also found as words of `a` (Readability.js
/// `_textSimilarity`).
fn similarity(a: &str, b: &str) -> f32 {
    let tokens = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq: Vec<&str> = tb
        .iter()
        .filter(|t| !ta.contains(t))
        .map(String::as_str)
        .collect();
    let all = tb.join(" ").len().max(1);
    1.0 - uniq.join(" ").len() as f32 / all as f32
}

fn byline(f: &Found, ld: Option<&serde_json::Map<String, Value>>) -> Option<String> {
    let from_ld = ld
        .and_then(|o| o.get("author"))
        .map(names_of)
        .filter(|n| !n.is_empty())
        .map(|n| n.join(", "));
    from_ld
        .or_else(|| {
            lexicon::META_AUTHOR.iter().find_map(|k| {
                f.meta
                    .get(*k)
                    .and_then(|v| v.last())
                    .filter(|v| !(*k == "article:author" && is_url(v)))
                    .map(|v| unescape(v))
            })
        })
        .or_else(|| f.dom_byline.as_ref().map(|(_, b)| b.clone()))
        .or_else(|| f.item_author.clone())
}

fn is_url(s: &str) -> bool {
    Url::parse(s).is_ok_and(|u| u.has_host())
}

fn published(f: &Found, ld: Option<&serde_json::Map<String, Value>>) -> Option<String> {
    ld.and_then(|o| str_field(o, "datePublished"))
        .or_else(|| meta_first(f, lexicon::META_PUBLISHED))
        .or_else(|| f.item_published.clone())
        .or_else(|| f.time_pubdate.clone())
        .or_else(|| f.time_first.clone())
        .map(|d| iso_date(&d))
        .or_else(|| {
            let url = f
                .canonical
                .clone()
                .or_else(|| meta_first(f, lexicon::META_URL))?;
            url_date(&url)
        })
}

fn site_name(f: &Found, ld: Option<&serde_json::Map<String, Value>>) -> Option<String> {
    ld.and_then(|o| o.get("publisher"))
        .and_then(|p| names_of(p).into_iter().next())
        .or_else(|| meta_first(f, lexicon::META_SITE_NAME))
}

fn tags(f: &Found, ld: Option<&serde_json::Map<String, Value>>) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for k in lexicon::META_TAGS {
        for v in f.meta.get(*k).map(Vec::as_slice).unwrap_or(&[]) {
            all.extend(split_tags(v));
        }
    }
    for key in ["keywords", "articleSection"] {
        match ld.and_then(|o| o.get(key)) {
            Some(Value::String(s)) => all.extend(split_tags(s)),
            Some(Value::Array(a)) => all.extend(a.iter().filter_map(Value::as_str).map(normalise)),
            _ => {}
        }
    }
    all.extend(f.item_keywords.iter().cloned());
    all.extend(f.rel_tags.iter().cloned());
    let mut seen = std::collections::HashSet::new();
    all.into_iter()
        .filter(|t| !t.is_empty() && seen.insert(t.to_lowercase()))
        .take(tuning::MAX_TAGS)
        .collect()
}

fn split_tags(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(|t| normalise(&unescape(t)))
        .filter(|t| !t.is_empty())
        .collect()
}

// ---------------------------------------------------------------------------------------
// Dates

/// A date in ISO 8601 form when its form is known (see the module doc), else as found.
pub(crate) fn iso_date(raw: &str) -> String {
    let s = raw.trim();
    iso_numeric(s)
        .or_else(|| written_date(s))
        .unwrap_or_else(|| s.to_string())
}

/// `YYYY-MM-DD`, optionally followed by `T` or a space, `HH:MM[:SS[.fff]]` and an offset
/// (`Z`, `+HH:MM`, `+HHMM`, `+HH`).
fn iso_numeric(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let part = s.get(from..from + len)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (y, m, d) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let sep_ok = |i: usize, c: u8| b.get(i) == Some(&c);
    if !(sep_ok(4, b'-') && sep_ok(7, b'-')) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return (b.len() == 10 || !b.get(10).is_some_and(u8::is_ascii_digit)).then_some(date);
    }
    let (hh, mm) = (num(11, 2)?, num(14, 2)?);
    if !sep_ok(13, b':') || hh > 23 || mm > 59 {
        return Some(date);
    }
    let mut i = 16;
    let mut time = format!("{hh:02}:{mm:02}");
    if sep_ok(16, b':') {
        let ss = num(17, 2)?;
        time.push_str(&format!(":{ss:02}"));
        i = 19;
        if sep_ok(19, b'.') || sep_ok(19, b',') {
            let digits = b
                .get(20..)
                .unwrap_or(&[])
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if let Some(frac) = s.get(20..20 + digits) {
                time.push('.');
                time.push_str(frac);
            }
            i = 20 + digits;
        }
    } else {
        time.push_str(":00");
    }
    let rest = s.get(i..).unwrap_or("").trim();
    let offset = offset(rest);
    Some(format!("{date}T{time}{}", offset.unwrap_or_default()))
}

/// `Z`, `+HH:MM`, `+HHMM`, `+HH`, `UTC`, `GMT` as `Z` or `+HH:MM`.
fn offset(s: &str) -> Option<String> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("z") || s.eq_ignore_ascii_case("utc") || s.eq_ignore_ascii_case("gmt")
    {
        return Some("Z".into());
    }
    let sign = s.chars().next().filter(|c| matches!(c, '+' | '-'))?;
    let digits: String = s.chars().skip(1).filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        2 => (digits.parse::<u32>().ok()?, 0),
        4 => (
            digits.get(..2)?.parse().ok()?,
            digits.get(2..)?.parse().ok()?,
        ),
        _ => return None,
    };
    (h <= 14 && m <= 59).then(|| format!("{sign}{h:02}:{m:02}"))
}

/// English written dates: `March 5, 2024`, `5 March 2024`, `Tue, 05 Mar 2024 10:00:00 +0000`
/// (RFC 2822, time kept), `Mar. 5 2024`.
fn written_date(s: &str) -> Option<String> {
    let tokens: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .map(|t| t.trim_end_matches('.').to_lowercase())
        .collect();
    let month_at = tokens.iter().position(|t| month(t).is_some())?;
    let m = month(tokens.get(month_at)?)?;
    let day_of = |t: &String| -> Option<u32> {
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    };
    let year_of = |t: &String| -> Option<u32> {
        t.parse()
            .ok()
            .filter(|y| (1000..=9999).contains(y) && t.len() == 4)
    };
    let (d, y, after) = if let (Some(d), Some(y)) = (
        month_at
            .checked_sub(1)
            .and_then(|i| tokens.get(i))
            .and_then(day_of),
        tokens.get(month_at + 1).and_then(year_of),
    ) {
        (d, y, month_at + 2)
    } else {
        let d = tokens.get(month_at + 1).and_then(day_of)?;
        let y = tokens.get(month_at + 2).and_then(year_of)?;
        (d, y, month_at + 3)
    };
    let date = format!("{y:04}-{m:02}-{d:02}");
    // RFC 2822 time and zone.
    let time = tokens.get(after).filter(|t| {
        t.len() == 8 && t.as_bytes().get(2) == Some(&b':') && t.as_bytes().get(5) == Some(&b':')
    });
    match (time, tokens.get(after + 1).and_then(|z| offset(z))) {
        (Some(t), Some(z)) => Some(format!("{date}T{t}{z}")),
        _ => Some(date),
    }
}

fn month(token: &str) -> Option<u32> {
    if !token.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let prefix = token.get(..3)?;
    lexicon::MONTHS
        .iter()
        .position(|m| *m == prefix)
        .map(|i| i as u32 + 1)
}

/// A `/YYYY/MM/DD/` (or `/YYYY-MM-DD`) date in a URL path.
fn url_date(url: &str) -> Option<String> {
    let path = Url::parse(url)
        .map(|u| u.path().to_string())
        .unwrap_or_else(|_| url.to_string());
    let parts: Vec<&str> = path.split(['/', '-', '_']).collect();
    parts.windows(3).find_map(|w| {
        let [y, m, d] = w else { return None };
        let ok = y.len() == 4 && m.len() == 2 && d.len() == 2;
        let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        (ok && (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    })
}

// ---------------------------------------------------------------------------------------
// Headline hint for the context stage (rules unchanged from the first metadata stage, so that
// the text output does not move with the public title rules).

fn headline(f: &Found) -> Option<String> {
    let og_title = f.meta.get("og:title").and_then(|v| v.first()).cloned();
    let twitter_title = f.meta.get("twitter:title").and_then(|v| v.first()).cloned();
    let site_name = f
        .meta
        .get("og:site_name")
        .or_else(|| f.meta.get("application-name"))
        .and_then(|v| v.first())
        .cloned();
    let h1s: Vec<&String> = f.h1.iter().take(4).collect();
    let page_titles = [&f.html_title, &og_title, &twitter_title];
    for h1 in &h1s {
        let h = h1.to_lowercase();
        if h.len() >= 10
            && page_titles
                .iter()
                .filter_map(|t| t.as_deref())
                .any(|t| t.to_lowercase().contains(&h))
        {
            return Some((*h1).clone());
        }
    }
    if let Some(t) = og_title.or(twitter_title) {
        return Some(strip_site_name(&t, site_name.as_deref()));
    }
    if let Some(t) = &f.html_title {
        return Some(strip_site_name(t, site_name.as_deref()));
    }
    h1s.first().map(|h| (*h).clone())
}

/// Removes a site-name part from a title: the part equal to the site name, else the
/// shorter side of the last separator when the longer side keeps at least three words.
pub(crate) fn strip_site_name(title: &str, site: Option<&str>) -> String {
    for sep in TITLE_SEPARATORS {
        let Some(pos) = title.rfind(sep) else {
            continue;
        };
        let (head, tail) = (
            title.get(..pos).unwrap_or(""),
            title.get(pos + sep.len()..).unwrap_or(""),
        );
        if let Some(site) = site {
            if tail.trim().eq_ignore_ascii_case(site.trim()) {
                return head.trim().to_string();
            }
            if head.trim().eq_ignore_ascii_case(site.trim()) {
                return tail.trim().to_string();
            }
        }
        let (long, short) = if head.len() >= tail.len() {
            (head, tail)
        } else {
            (tail, head)
        };
        if long.split_whitespace().count() >= 3 && short.split_whitespace().count() <= 4 {
            return long.trim().to_string();
        }
    }
    title.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{Limits, parse};

    fn collected(html: &str, url: Option<&str>) -> Collected {
        let (doc, _) = parse(
            html,
            Limits {
                max_depth: 512,
                max_nodes: 10_000,
            },
        );
        collect(&doc, url)
    }

    fn meta(html: &str) -> Metadata {
        collected(html, None).metadata
    }

    #[test]
    fn h1_that_the_title_contains_is_the_headline_hint() {
        let c = collected(
            "<html lang=en><head><title>Bridge vote delayed again | Valley Post</title></head>\
             <body><h1>Bridge vote delayed again</h1></body></html>",
            None,
        );
        assert_eq!(c.headline.as_deref(), Some("Bridge vote delayed again"));
        assert_eq!(
            c.metadata.title.as_deref(),
            Some("Bridge vote delayed again")
        );
        assert_eq!(c.metadata.language.as_deref(), Some("en"));
    }

    #[test]
    fn an_h1_held_whole_by_the_title_is_the_title() {
        let m = meta(
            "<head><meta property=og:title content='Harrowgate Navigation - Openpedia'></head>\
             <body><h1>Harrowgate Navigation</h1></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Harrowgate Navigation"));
        let m = meta(
            "<head><title>When the Lode broke: the 1947 flood :: Ashby Fen History Group</title>\
             </head><body><h1>When the Lode broke: the 1947 flood</h1></body>",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("When the Lode broke: the 1947 flood")
        );
        // A heading that is only the start of a word does not count.
        assert_eq!(
            heading_in_title("Bridges-to-nowhere", &["Bridges".into()]),
            None
        );
    }

    #[test]
    fn site_suffix_is_stripped_from_title() {
        assert_eq!(
            strip_site_name("Bridge vote delayed again - Valley Post", None),
            "Bridge vote delayed again"
        );
        assert_eq!(
            strip_site_name("Valley Post | Bridge vote delayed", Some("Valley Post")),
            "Bridge vote delayed"
        );
        assert_eq!(strip_site_name("Q&A - Part 2", None), "Q&A - Part 2");
        assert_eq!(
            strip_exact_site_name("Bridge vote delayed - Valley Post", Some("Valley Post")),
            "Bridge vote delayed"
        );
        assert_eq!(
            strip_exact_site_name("Valley Post: Bridge vote delayed", Some("valley post")),
            "Bridge vote delayed"
        );
        // A headline that merely ends with the site's name keeps it.
        assert_eq!(
            strip_exact_site_name("Ten years of the Valley Post", Some("Valley Post")),
            "Ten years of the Valley Post"
        );
    }

    #[test]
    fn meta_tags_fill_the_fields() {
        let m = meta(
            "<head><meta property=og:site_name content='Valley Post'>\
             <meta name=author content='Ana Ruiz'>\
             <meta property=article:published_time content=2024-03-01T10:00:00Z>\
             <meta property=article:modified_time content='2024-03-02 08:30:00+0100'>\
             <meta property=og:image content=/img/bridge.jpg>\
             <meta property=article:tag content=Transport><meta name=keywords content='bridge, transport, council'>\
             <link rel=canonical href=https://valley.example/bridge></head>",
        );
        assert_eq!(m.site_name.as_deref(), Some("Valley Post"));
        assert_eq!(m.byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(m.published.as_deref(), Some("2024-03-01T10:00:00Z"));
        assert_eq!(m.modified.as_deref(), Some("2024-03-02T08:30:00+01:00"));
        assert_eq!(m.url.as_deref(), Some("https://valley.example/bridge"));
        assert_eq!(m.image.as_deref(), Some("/img/bridge.jpg"));
        assert_eq!(m.tags, vec!["Transport", "bridge", "council"]);
    }

    #[test]
    fn json_ld_in_a_graph_wins_over_meta_tags() {
        let m = meta(
            r#"<head><meta property=og:title content="Wrong title">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Valley Post"},
              {"@type":["NewsArticle"],"headline":"Bridge vote delayed","datePublished":"2024-03-01T10:00:00+01:00",
               "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Li Wei"}],
               "publisher":{"@type":"Organization","name":"Valley Post"},
               "image":{"@type":"ImageObject","url":"https://valley.example/b.jpg"},"keywords":["bridge","council"]}]}
            </script></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Bridge vote delayed"));
        assert_eq!(m.byline.as_deref(), Some("Ana Ruiz, Li Wei"));
        assert_eq!(m.published.as_deref(), Some("2024-03-01T10:00:00+01:00"));
        assert_eq!(m.site_name.as_deref(), Some("Valley Post"));
        assert_eq!(m.image.as_deref(), Some("https://valley.example/b.jpg"));
        assert_eq!(m.tags, vec!["bridge", "council"]);
    }

    #[test]
    fn invalid_json_ld_is_ignored() {
        let m = meta(
            "<head><script type=application/ld+json>{\"@type\": \"NewsArticle\", </script>\
             <meta property=og:title content='From Open Graph'></head>",
        );
        assert_eq!(m.title.as_deref(), Some("From Open Graph"));
    }

    #[test]
    fn byline_comes_from_markup_when_no_metadata_states_it() {
        let m = meta(
            "<body><div class=byline hidden>Hidden Person</div>\
             <p class='post-author'>By <span itemprop=name>Ana Ruiz</span></p>\
             <div class=author-bio>A very long biography that goes on and on about the author, \
             her career and her many awards, far longer than any byline could ever be.</div></body>",
        );
        assert_eq!(m.byline.as_deref(), Some("Ana Ruiz"));
        let m = meta("<body><a rel=author href=/ana>Ana  Ruiz</a></body>");
        assert_eq!(m.byline.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn title_follows_readability_separator_rules() {
        let t = |title: &str, body: &str| {
            meta(&format!(
                "<head><title>{title}</title></head><body>{body}</body>"
            ))
            .title
        };
        assert_eq!(
            t("Bridge vote delayed after long debate | Valley Post", "").as_deref(),
            Some("Bridge vote delayed after long debate")
        );
        // Too few words before the separator: the part after it is the headline.
        assert_eq!(
            t("Valley Post | Bridge vote delayed after long debate", "").as_deref(),
            Some("Bridge vote delayed after long debate")
        );
        // Very short title: the only h1, when it has more than four words.
        assert_eq!(
            t("Home", "<h1>Bridge vote delayed after debate</h1>").as_deref(),
            Some("Bridge vote delayed after debate")
        );
        assert_eq!(
            t("Base URL test", "<h1>Lorem</h1>").as_deref(),
            Some("Base URL test")
        );
        // A heading that agrees with the part before the separator is the headline.
        assert_eq!(
            t(
                "Short headline here - Some Blog Name",
                "<h2>Short headline here</h2>"
            )
            .as_deref(),
            Some("Short headline here")
        );
    }

    #[test]
    fn dates_are_normalised_to_iso_8601() {
        assert_eq!(
            iso_date("2021-11-01T10:52:50+0100"),
            "2021-11-01T10:52:50+01:00"
        );
        assert_eq!(
            iso_date("2017-11-03 03:01:00.000000"),
            "2017-11-03T03:01:00.000000"
        );
        assert_eq!(iso_date("2018-04-05T06:00"), "2018-04-05T06:00:00");
        assert_eq!(iso_date("2024-06-25"), "2024-06-25");
        assert_eq!(iso_date("March 25, 2015"), "2015-03-25");
        assert_eq!(iso_date("5 Sept. 2019"), "2019-09-05");
        assert_eq!(
            iso_date("Fri, 21 Dec 2018 12:55:00 +0000"),
            "2018-12-21T12:55:00+00:00"
        );
        assert_eq!(iso_date("last Tuesday"), "last Tuesday");
        assert_eq!(
            url_date("https://x.example/news/2019/04/28/story"),
            Some("2019-04-28".into())
        );
        assert_eq!(url_date("https://x.example/p/12345678"), None);
    }

    #[test]
    fn urls_resolve_against_base_element_then_page_address() {
        let c = collected(
            "<head><base href=/news/><link rel=canonical href=bridge></head>",
            Some("https://valley.example/a/b"),
        );
        assert_eq!(
            c.base.as_ref().map(Url::as_str),
            Some("https://valley.example/news/")
        );
        assert_eq!(
            c.metadata.url.as_deref(),
            Some("https://valley.example/news/bridge")
        );
    }

    #[test]
    fn double_escaped_entities_are_decoded() {
        assert_eq!(
            unescape("Q&amp;A &#39;x&#39; &#x263A; &bogus; &"),
            "Q&A 'x' ☺ &bogus; &"
        );
    }
}
