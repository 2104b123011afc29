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
use crate::dom::{self, Edge, Element, NodeId};
use crate::lexicon::{self, TagRole};
use crate::render;
use crate::tuning;
use aho_corasick::AhoCorasick;
use once_cell::sync::Lazy;
use serde_json::Value;
use std::collections::HashMap;
use url::Url;

mod byline;
mod date;
mod json_ld;
mod title;

use date::{dates_in_text, instant, iso_date, url_date};
use json_ld::{
    all_types, json_ld_any, json_ld_article, json_ld_author, names_of, names_resolved,
    product_description, str_field, url_of,
};
use title::{article_headline, headline, title};

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
    /// Where each metadata value found came from (`("published", "json-ld")`), for
    /// `--explain`.
    pub(crate) sources: Vec<(&'static str, &'static str)>,
    /// The JSON-LD `Product` description, for a product page that shows none.
    pub(crate) product_description: Option<String>,
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
    node: NodeId,
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
    /// The first `<time datetime>` after the first `h1` opened, without a modification
    /// label (see `lexicon::UPDATE_LABELS`); the first with one.
    time_after_h1: Option<String>,
    time_updated: Option<String>,
    /// Whether the first visible `h1` has opened.
    seen_h1: bool,
    /// Page text (outside scripts and hidden boxes) so far, its last
    /// [`tuning::DATE_NEAR_HEADLINE_CHARS`] or more kept.
    rolling: String,
    /// For each of the first [`tuning::DATE_HEADLINE_WINDOWS`] visible `h1`s: the text just
    /// before it and the text from where it opens, each
    /// [`tuning::DATE_NEAR_HEADLINE_CHARS`] long: where a visible date is looked for.
    windows: Vec<(String, String)>,
    /// The whole text of the byline candidate taken, label and date included.
    dom_byline_text: Option<String>,
    item_author: Option<String>,
    item_published: Option<String>,
    item_modified: Option<String>,
    item_keywords: Vec<String>,
    /// A meta tag has named the author, so the page text is not searched for a byline.
    meta_author: bool,
    /// Valid byline candidates (at most [`tuning::BYLINE_DOM_CANDIDATES`]): opening order
    /// and text, block boundaries as line breaks (the `itemprop=name` inside if any).
    dom_bylines: Vec<(usize, String)>,
    rel_tags: Vec<String>,
    /// The text from a date label on ("Published", "Posted on", "Updated:"; see
    /// `lexicon::DATE_LABEL_OPENERS`), while it is shorter than
    /// [`tuning::DATE_LABELLED_CHARS`].
    label_text: Option<String>,
    /// The first date a publication label introduces, and the first an update label does.
    labelled: (Option<String>, Option<String>),
}

impl Found {
    /// Reads the labelled window (see `Walk::date_label`) for its date and closes it.
    fn read_label_text(&mut self) {
        if let Some(buf) = self.label_text.take() {
            let (published, updated) = dates_in_text(&buf);
            if self.labelled.0.is_none() {
                self.labelled.0 = published;
            }
            if self.labelled.1.is_none() {
                self.labelled.1 = updated;
            }
        }
    }
}

/// Reads the page's metadata (see the module doc).
#[cfg(test)]
pub(crate) fn collect(doc: &dom::Document, page_url: Option<&str>) -> Collected {
    conclude(walk(doc), page_url)
}

impl Walk {
    /// Every schema.org `@type` named in the page's JSON-LD (for the page type), once every
    /// edge has been taken in.
    pub(crate) fn json_ld_types(&self) -> Vec<String> {
        all_types(&self.f.json_ld, tuning::MAX_JSON_LD_TYPES)
    }

    /// The metadata, once every edge of the tree has been taken in.
    pub(crate) fn conclude(self, page_url: Option<&str>) -> Collected {
        conclude(self.f, page_url)
    }
}

fn conclude(mut f: Found, page_url: Option<&str>) -> Collected {
    f.read_label_text();
    let page = page_url.and_then(|u| Url::parse(u.trim()).ok());
    let base = match (&f.base_href, &page) {
        (Some(href), Some(page)) => page.join(href).ok().or_else(|| Some(page.clone())),
        (Some(href), None) => Url::parse(href).ok(),
        (None, page) => page.clone(),
    };
    let ld = json_ld_article(&f.json_ld);
    let title = title(&f, ld);
    let modified = modified(&f, ld);
    let published = published(
        &f,
        ld,
        page.as_ref(),
        title.as_ref().map(|(t, _)| t.as_str()),
        modified.as_ref().map(|(d, _)| d.as_str()),
    );
    let byline = byline(&f, ld, title.as_ref().map(|(t, _)| t.as_str()));
    let hint_h1 = title
        .as_ref()
        .filter(|(_, source)| *source == "h1")
        .map(|(t, _)| t.clone());
    // An authored, dated page whose headings all disagree with its stated titles: the
    // visible `h1` is the article's headline (the context stage keeps its own hint).
    let title = match title {
        Some((t, "stated-title")) if byline.is_some() && published.is_some() => {
            Some(article_headline(&f, ld, &t).map_or((t, "stated-title"), |h| (h, "h1")))
        }
        other => other,
    };
    let sources: Vec<(&'static str, &'static str)> = [
        ("title", title.as_ref().map(|t| t.1)),
        ("byline", byline.as_ref().map(|b| b.1)),
        ("published", published.as_ref().map(|p| p.1)),
        ("modified", modified.as_ref().map(|m| m.1)),
    ]
    .into_iter()
    .filter_map(|(field, source)| source.map(|s| (field, s)))
    .collect();
    let metadata = Metadata {
        title: title.map(|(t, _)| t),
        byline: byline.map(|(b, _)| b),
        published: published.map(|(d, _)| d),
        modified: modified.map(|(d, _)| d),
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
        // The visible headline when the title is an h1 (the text must not repeat the title),
        // else the first metadata stage's hint.
        headline: hint_h1.or_else(|| headline(&f)),
        metadata,
        base,
        sources,
        product_description: product_description(&f.json_ld),
    }
}

/// One iterative walk that records every source of the table in the module doc.
/// The metadata walk's state, fed one tree edge at a time: by [`walk`] on its own, or by the
/// segmentation walk (`segment::blocks`) so that the tree is traversed once per page.
#[derive(Default)]
pub(crate) struct Walk {
    f: Found,
    open: Vec<Open>,
    hidden: Option<NodeId>,
    /// An unlikely box (see `lexicon::UNLIKELY_BOX_WORDS`), where bylines are not looked for.
    unlikely: Option<NodeId>,
    tables: u32,
    seq: usize,
    /// The first `<time datetime>` after the first `h1`, until it closes: its node, value
    /// and where the text before it starts in `Found::after_h1`.
    pending_time: Option<(NodeId, String, usize)>,
}

impl Walk {
    /// Takes in one edge of the pre-order traversal.
    pub(crate) fn edge(&mut self, edge: &Edge<'_>) {
        match edge {
            Edge::Open(node) => match node.value() {
                dom::Value::Element(el) => self.open_element(node.id(), &el),
                dom::Value::Text(t) => {
                    let raw = node
                        .parent()
                        .and_then(|p| p.as_element().map(|e| e.name()))
                        .is_some_and(|n| matches!(n, "script" | "style" | "template"));
                    if !raw && self.hidden.is_none() {
                        self.near_headline(t);
                        if self.unlikely.is_none() {
                            self.date_label(t);
                        }
                    }
                    for o in &mut self.open {
                        let is_json = o.what == Capture::JsonLd;
                        if raw != is_json {
                            continue;
                        }
                        if is_json {
                            o.text.push_str(t);
                        } else {
                            push_capped(&mut o.text, t);
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                let id = node.id();
                if let Some(el) = node.as_element() {
                    self.block_edge(el.name());
                }
                if self.hidden == Some(id) {
                    self.hidden = None;
                }
                if self.pending_time.as_ref().is_some_and(|(n, _, _)| *n == id) {
                    if let Some((_, dt, from)) = self.pending_time.take() {
                        // "Updated on June 18, 2025" in or just before the element: a
                        // modification date.
                        let first = self.f.windows.first().map_or("", |w| w.1.as_str());
                        let label = first.get(from..).unwrap_or("");
                        if !date::is_update_label(label) {
                            set(&mut self.f.time_after_h1, &dt);
                        } else {
                            set(&mut self.f.time_updated, &dt);
                        }
                    }
                }
                if self.unlikely == Some(id) {
                    self.unlikely = None;
                }
                if node.as_element().is_some_and(|e| e.name() == "table") {
                    self.tables = self.tables.saturating_sub(1);
                }
                while self.open.last().is_some_and(|o| o.node == id) {
                    if let Some(o) = self.open.pop() {
                        finish(&mut self.f, o, &mut self.open);
                    }
                }
            }
        }
    }

    /// Text near the `h1`s (see [`Found::windows`]).
    fn near_headline(&mut self, t: &str) {
        let f = &mut self.f;
        let cap = tuning::DATE_NEAR_HEADLINE_CHARS;
        // Line breaks in the markup's text are white space; only block boundaries break
        // lines here (see `block_edge`), so that a block can be read as one line. A text of
        // white space alone (indentation) is one space.
        // Runs of white space are one space too, and none after a space or a line break:
        // the window measures what a reader sees, not the markup's indentation (a theme
        // that indents every text node by 40 spaces filled the window before the date).
        let spaced;
        let t = if t.trim().is_empty() {
            if f.rolling.ends_with([' ', '\n']) {
                return;
            }
            " "
        } else {
            spaced = collapse_space(t, f.rolling.ends_with([' ', '\n']));
            &*spaced
        };
        for (_, after) in f.windows.iter_mut().filter(|(_, a)| a.len() < cap) {
            push_capped_to(after, t, cap);
        }
        f.rolling.push_str(t);
        if f.rolling.len() > 2 * cap {
            let mut cut = f.rolling.len() - cap;
            while !f.rolling.is_char_boundary(cut) {
                cut += 1;
            }
            f.rolling.drain(..cut);
        }
    }
    /// Dates introduced by a label anywhere in the page outside boxes unlikely to be the
    /// article's (comments, sidebars, related posts): a short text node that opens with a
    /// label of `lexicon::DATE_LABEL_OPENERS` starts a window of
    /// [`tuning::DATE_LABELLED_CHARS`] bytes, read for a date once full. Only short nodes
    /// are tested, so the cost is a prefix check on a few nodes of each page.
    fn date_label(&mut self, t: &str) {
        let f = &mut self.f;
        if f.labelled.0.is_some() {
            return;
        }
        if let Some(buf) = f.label_text.as_mut() {
            // White space between the label and the date is one space, however the
            // markup is indented.
            let t = t.trim();
            if t.is_empty() {
                return;
            }
            push_capped_to(buf, t, tuning::DATE_LABELLED_CHARS);
            push_capped_to(buf, " ", tuning::DATE_LABELLED_CHARS);
            if buf.len() >= tuning::DATE_LABELLED_CHARS {
                f.read_label_text();
            }
            return;
        }
        let trimmed = t.trim();
        if trimmed.is_empty() || trimmed.len() > tuning::DATE_LABEL_NODE_BYTES {
            return;
        }
        let first = trimmed.as_bytes().first().copied().unwrap_or(b' ');
        if !(first.is_ascii_alphabetic() || first >= 0x80) {
            return;
        }
        let lower = trimmed.to_lowercase();
        if lexicon::DATE_LABEL_OPENERS
            .iter()
            .any(|l| lower.starts_with(l))
        {
            let mut buf = String::with_capacity(tuning::DATE_LABELLED_CHARS);
            push_capped_to(&mut buf, trimmed, tuning::DATE_LABELLED_CHARS);
            buf.push(' ');
            f.label_text = Some(buf);
            if f.label_text
                .as_ref()
                .is_some_and(|b| b.len() >= tuning::DATE_LABELLED_CHARS)
            {
                f.read_label_text();
            }
        }
    }

    /// The space a browser renders between block elements: without it, blocks glued in the
    /// markup (`<div>Written By</div><div>Ana Ruiz</div>`) glue in every capture.
    fn block_edge(&mut self, name: &str) {
        if matches!(lexicon::tag_role(name).0, TagRole::Block | TagRole::Break)
            || matches!(name, "td" | "th" | "li" | "tr")
        {
            for o in self.open.iter_mut().filter(|o| o.what != Capture::JsonLd) {
                // Byline texts keep the boundary as a line break: name and job title are
                // often blocks of their own (see `byline::clean`).
                let gap = if matches!(o.what, Capture::Byline | Capture::BylineName) {
                    "\n"
                } else {
                    " "
                };
                if !o.text.ends_with(gap) {
                    push_capped(&mut o.text, gap);
                }
            }
            let f = &mut self.f;
            let cap = tuning::DATE_NEAR_HEADLINE_CHARS;
            let windows = f
                .windows
                .iter_mut()
                .map(|(_, a)| a)
                .filter(|a| a.len() < cap);
            // Line breaks, so that a block of the window can be read on its own.
            for buf in windows.chain(std::iter::once(&mut f.rolling)) {
                if !buf.ends_with('\n') {
                    buf.push('\n');
                }
            }
        }
    }

    /// At an `h1`, a window of the text before it is kept and one after it is opened (see
    /// [`Found::windows`]); at a `<time datetime>` after it, the moment waits for the
    /// element's end, where its label says whether it is the publication or an update.
    fn headline_marks(&mut self, id: NodeId, el: &Element<'_>, name: &str) {
        let f = &mut self.f;
        if name == "h1" && self.hidden.is_none() {
            f.seen_h1 = true;
            if f.windows.len() < tuning::DATE_HEADLINE_WINDOWS {
                let r = &f.rolling;
                let mut cut = r.len().saturating_sub(tuning::DATE_NEAR_HEADLINE_CHARS);
                while !r.is_char_boundary(cut) {
                    cut += 1;
                }
                f.windows
                    .push((r.get(cut..).unwrap_or("").to_string(), String::new()));
            }
        }
        if name == "time" && f.seen_h1 && f.time_after_h1.is_none() && self.pending_time.is_none() {
            if let Some(dt) = el.attr("datetime") {
                let class = el.attr("class").unwrap_or("");
                if !date::is_update_label(class)
                    && !date::is_update_label(el.attr("itemprop").unwrap_or(""))
                {
                    let first = f.windows.first().map_or("", |w| w.1.as_str());
                    let mut from = first.len().saturating_sub(tuning::DATE_LABEL_CHARS);
                    while !first.is_char_boundary(from) {
                        from += 1;
                    }
                    self.pending_time = Some((id, dt.to_string(), from));
                }
            }
        }
    }

    /// Microdata gives the author's name in a `content` attribute
    /// (`<span itemprop=author><meta itemprop=name content="Ana Ruiz">`): the name of the
    /// open author scope, not the scope's text (an avatar letter, badges).
    fn microdata_name(&mut self, el: &Element<'_>) {
        let f = &mut self.f;
        if let Some(content) = el
            .attr("content")
            .filter(|_| el.attr("itemprop").is_some_and(|p| p.contains("name")))
        {
            if self
                .open
                .iter()
                .any(|o| o.what == Capture::ItemProp(ItemProp::Author))
            {
                set(&mut f.item_author, content);
            }
            for o in self.open.iter_mut().filter(|o| o.what == Capture::Byline) {
                o.name.get_or_insert_with(|| content.to_string());
            }
        }
    }

    /// An element opens: the headline marks, the element's own metadata (see [`element`]),
    /// the hidden and unlikely boxes that bound the text searches, and the captures it
    /// starts (see [`captures`]).
    fn open_element(&mut self, id: NodeId, el: &Element<'_>) {
        self.block_edge(el.name());
        let name = el.name();
        self.headline_marks(id, el, name);
        element(&mut self.f, el, name);
        self.microdata_name(el);
        let f = &mut self.f;
        if self.hidden.is_none()
            && matches!(
                dom::never_content(el, TagRole::Inline),
                Some(dom::NeverContent::Hidden | dom::NeverContent::Styled)
            )
        {
            self.hidden = Some(id);
        }
        let byline_open = self.open.iter().any(|o| o.what == Capture::Byline);
        // The page text is searched for byline candidates until a few are found (also when
        // meta tags name the author: that name may be the publisher's).
        let searching = f.dom_bylines.len() < tuning::BYLINE_DOM_CANDIDATES;
        let skip_byline = !searching || self.hidden.is_some() || self.unlikely.is_some();
        let mut words = None;
        let found = captures(
            f,
            el,
            name,
            self.hidden.is_some(),
            (skip_byline, byline_open),
            &mut words,
        );
        // Unlikely boxes also bound the search for a labelled date (comment dates).
        let searching = searching || f.labelled.0.is_none();
        // Readability.js tests a box for a byline before removing it as unlikely.
        if name == "table" {
            self.tables += 1;
        }
        if searching
            && self.unlikely.is_none()
            && self.tables == 0
            && is_unlikely_box(el, name, &mut words)
        {
            self.unlikely = Some(id);
        }
        for what in found {
            self.seq += 1;
            self.open.push(Open {
                node: id,
                what,
                text: String::new(),
                seq: self.seq,
                name: None,
            });
        }
    }
}

/// The metadata walk over a whole tree, on its own.
#[cfg(test)]
fn walk(doc: &dom::Document) -> Found {
    let mut w = Walk::default();
    for edge in doc.traverse() {
        w.edge(&edge);
    }
    w.f
}

/// Records what an element's attributes say.
fn element(f: &mut Found, el: &Element<'_>, name: &str) {
    match name {
        "meta" => meta_element(f, el),
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

/// A `<meta>`: its content under each of its keys (`property`, `name`, `http-equiv`,
/// `itemprop`, lower-cased), and microdata values given in it.
fn meta_element(f: &mut Found, el: &Element<'_>) {
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
        if lexicon::META_AUTHOR.contains(&key.as_str())
            && !(key == "article:author" && is_url(&content))
        {
            f.meta_author = true;
        }
        f.meta.entry(key).or_default().push(content.clone());
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
    el: &Element<'_>,
    name: &str,
    hidden: bool,
    (skip_byline, byline_open): (bool, bool),
    words: &mut Option<u8>,
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
    if !skip_byline && is_byline_candidate(el, itemprop, words) {
        out.push(Capture::Byline);
    }
    out
}

/// Readability.js `_isValidByline`'s markup test: `rel=author`, `itemprop` containing
/// `author`, or a byline word in class or id.
fn is_byline_candidate(el: &Element<'_>, itemprop: &str, words: &mut Option<u8>) -> bool {
    if el.attr("rel").is_some_and(|r| r == "author") || itemprop.contains("author") {
        return true;
    }
    class_words(el, words) & BYLINE_WORD != 0
}

/// Readability.js's unlikely-candidate test: a class/id fragment of
/// [`lexicon::UNLIKELY_BOX_WORDS`] without one of [`lexicon::MAYBE_BOX_WORDS`], or an unlikely
/// role; never `body` or `a`.
fn is_unlikely_box(el: &Element<'_>, name: &str, words: &mut Option<u8>) -> bool {
    if matches!(name, "body" | "a" | "html") {
        return false;
    }
    if el
        .attr("role")
        .is_some_and(|r| lexicon::UNLIKELY_BOX_ROLES.contains(&r.trim()))
    {
        return true;
    }
    class_words(el, words) & (UNLIKELY_WORD | MAYBE_WORD) == UNLIKELY_WORD
}

/// The class-word lists of the byline and unlikely-box tests, as bits of a
/// [`ClassWords`] match. A byline word ([`lexicon::BYLINE_CLASS_WORDS`]).
const BYLINE_WORD: u8 = 1;
/// An unlikely-box word ([`lexicon::UNLIKELY_BOX_WORDS`] less
/// [`lexicon::BYLINE_SEARCH_BOX_WORDS`]).
const UNLIKELY_WORD: u8 = 2;
/// A maybe-content word ([`lexicon::MAYBE_BOX_WORDS`]), which clears an unlikely one.
const MAYBE_WORD: u8 = 4;

/// One case-insensitive (ASCII) automaton of the three class-word lists, matched anywhere
/// (as Readability.js's regular expressions are), and the lists each pattern belongs to.
/// One pass over an element's class and id answers all three tests: an automaton rather
/// than a `(?i)` regex (the regex was 4% of run time), and one rather than three (each
/// scanned the whole class of every element).
struct ClassWords {
    automaton: AhoCorasick,
    lists: Vec<u8>,
}

static CLASS_WORDS: Lazy<Option<ClassWords>> = Lazy::new(|| {
    let unlikely = lexicon::UNLIKELY_BOX_WORDS
        .iter()
        .filter(|w| !lexicon::BYLINE_SEARCH_BOX_WORDS.contains(w));
    let mut words: Vec<(&str, u8)> = Vec::new();
    let tagged = lexicon::BYLINE_CLASS_WORDS
        .iter()
        .map(|w| (*w, BYLINE_WORD))
        .chain(unlikely.map(|w| (*w, UNLIKELY_WORD)))
        .chain(lexicon::MAYBE_BOX_WORDS.iter().map(|w| (*w, MAYBE_WORD)));
    for (word, list) in tagged {
        match words.iter_mut().find(|(w, _)| w.eq_ignore_ascii_case(word)) {
            Some((_, lists)) => *lists |= list,
            None => words.push((word, list)),
        }
    }
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words.iter().map(|(w, _)| w))
        .ok()?;
    Some(ClassWords {
        automaton,
        lists: words.iter().map(|(_, l)| *l).collect(),
    })
});

/// The class-word lists an element's class or id matches (bits of [`BYLINE_WORD`]…),
/// computed once per element into `seen`.
fn class_words(el: &Element<'_>, seen: &mut Option<u8>) -> u8 {
    if let Some(bits) = *seen {
        return bits;
    }
    let mut bits = 0u8;
    if let Some(words) = CLASS_WORDS.as_ref() {
        for value in [el.attr("class"), el.attr("id")].into_iter().flatten() {
            for m in words.automaton.find_overlapping_iter(value) {
                bits |= words
                    .lists
                    .get(m.pattern().as_usize())
                    .copied()
                    .unwrap_or(0);
            }
        }
    }
    *seen = Some(bits);
    bits
}

/// Stores a finished capture.
fn finish(f: &mut Found, o: Open, open: &mut [Open]) {
    match o.what {
        Capture::Title => set(&mut f.html_title, &o.text),
        // Entities escaped twice and the permalink marks documentation generators put after
        // a heading (`¶`) are not part of it.
        Capture::H1 => push_text(
            &mut f.h1,
            unescape(&o.text)
                .trim_end()
                .trim_end_matches(lexicon::HEADING_LINK_MARKS),
        ),
        Capture::H2 => push_text(&mut f.h2, &o.text),
        Capture::JsonLd => {
            f.json_ld.extend(json_ld::parse_block(&o.text));
        }
        Capture::Byline => {
            // Readability.js `_isValidByline` measures the whole element's text, then takes
            // the `itemprop=name` inside it when there is one.
            let whole = normalise(&o.text);
            let len = whole.chars().count();
            if len > 0
                && len < tuning::BYLINE_MAX_CHARS
                && f.dom_bylines.len() < tuning::BYLINE_DOM_CANDIDATES
            {
                let name = o.name.filter(|n| !normalise(n).is_empty());
                if f.dom_bylines.iter().all(|(s, _)| o.seq < *s) {
                    f.dom_byline_text = Some(whole);
                }
                f.dom_bylines.push((o.seq, name.unwrap_or(o.text)));
                f.dom_bylines.sort_by_key(|(s, _)| *s);
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

/// Appends as much of `text` as fits under [`tuning::MAX_CAPTURE_BYTES`], on a character
/// boundary.
fn push_capped(buffer: &mut String, text: &str) {
    let room = tuning::MAX_CAPTURE_BYTES.saturating_sub(buffer.len());
    let mut end = room.min(text.len());
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    buffer.push_str(text.get(..end).unwrap_or(""));
}

/// Appends as much of `text` as keeps `buffer` under `cap` bytes, on a character boundary.
fn push_capped_to(buffer: &mut String, text: &str, cap: usize) {
    let room = cap.saturating_sub(buffer.len());
    let mut end = room.min(text.len());
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    buffer.push_str(text.get(..end).unwrap_or(""));
}

fn push_text(list: &mut Vec<String>, text: &str) {
    let t = normalise(text);
    if !t.is_empty() {
        list.push(t);
    }
}

/// Runs of HTML white space (space, tab, line breaks, form feed) as one space; the leading
/// run dropped when `after_space`. Most text nodes need no change and are not copied.
fn collapse_space(t: &str, after_space: bool) -> std::borrow::Cow<'_, str> {
    let white = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let b = t.as_bytes();
    let changes = after_space && b.first().copied().is_some_and(white)
        || b.iter().any(|&c| c != b' ' && white(c))
        || b.windows(2).any(|w| w.iter().all(|&c| white(c)));
    if !changes {
        return std::borrow::Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    let mut space = after_space;
    for c in t.chars() {
        if c.is_ascii() && white(c as u8) {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    std::borrow::Cow::Owned(out)
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
        // The longest reference is `&#x10FFFF;`: a `;` further away ends something else.
        let end = tail.find(';').filter(|e| *e <= "&#x10FFFF".len());
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
// Fields

/// The first byline source (see the module doc) that states a name once cleaned
/// (`byline::clean`) and is not the site's or the publisher's name; and its source. When
/// no source names anyone else, the site's name is the byline after all: company blogs
/// and one-person sites sign with it.
fn byline(
    f: &Found,
    ld: Option<&serde_json::Map<String, Value>>,
    title: Option<&str>,
) -> Option<(String, &'static str)> {
    let not_names = site_and_publisher_names(f, ld);
    let site_byline = std::cell::RefCell::new(None);
    let ok = |name: String| -> Option<String> {
        if is_url(&name) {
            return None;
        }
        if not_names.contains(&name.to_lowercase()) {
            site_byline.borrow_mut().get_or_insert(name);
            return None;
        }
        Some(name)
    };
    // Each name cleaned; those left joined by ", ".
    let names = |names: Vec<String>| -> Option<String> {
        let kept: Vec<String> = names
            .iter()
            .filter_map(|n| byline::clean(n))
            .filter_map(ok)
            .collect();
        (!kept.is_empty()).then(|| kept.join(", "))
    };
    let from_ld = ld
        .and_then(|o| o.get("author"))
        .map(|a| names_resolved(a, &f.json_ld))
        .and_then(names);
    // A markup author that reads as a login or a template key (see `reads_as_login`), not
    // a display name, gives way to a name the page shows; it stays the byline when the page
    // shows none.
    let mut markup_login: Option<(String, &'static str)> = None;
    match from_ld {
        Some(b) if reads_as_login(&b) => markup_login = Some((b, "json-ld")),
        Some(b) => return Some((b, "json-ld")),
        None => {}
    }
    let from_meta = lexicon::META_AUTHOR.iter().find_map(|k| {
        f.meta
            .get(*k)
            .and_then(|v| v.last())
            .and_then(|v| byline::clean(&unescape(v)))
            .and_then(ok)
    });
    match from_meta {
        Some(b) if reads_as_login(&b) => {
            markup_login.get_or_insert((b, "meta"));
        }
        Some(b) => return Some((b, "meta")),
        None => {}
    }
    if let Some(b) = byline_from_card(f, &ok) {
        return Some((b, "twitter-card"));
    }
    let from_text = byline_after_headline(f, title, &ok);
    // A forum thread names its starter beside the title ("Thread starter ana_r", "Started
    // by ana_r"): the author boxes below are the posts', replies' included.
    if let Some((b, true)) = &from_text {
        return Some((b.clone(), "text-after-headline"));
    }
    let from_dom = f
        .dom_bylines
        .iter()
        .find_map(|(_, raw)| byline::clean(raw).and_then(ok));
    if let Some(b) = from_dom {
        return Some((b, "byline-element"));
    }
    let from_json_ld = json_ld_author(&f.json_ld).and_then(names);
    if let Some(b) = from_json_ld {
        return Some((b, "json-ld"));
    }
    if let Some((b, _)) = from_text {
        return Some((b, "text-after-headline"));
    }
    f.item_author
        .as_deref()
        .and_then(byline::clean)
        .and_then(ok)
        .map(|b| (b, "microdata"))
        .or(markup_login)
        .or_else(|| site_byline.take().map(|b| (b, "site-name")))
}

/// The site's name and the JSON-LD publishers' names, lower-cased: names that are not a
/// byline (see [`byline`]).
fn site_and_publisher_names(f: &Found, ld: Option<&serde_json::Map<String, Value>>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    names.extend(meta_first(f, lexicon::META_SITE_NAME));
    for publisher in [ld.and_then(|o| o.get("publisher"))]
        .into_iter()
        .flatten()
        .chain(f.json_ld.iter().filter_map(|v| v.get("publisher")))
    {
        names.extend(names_of(publisher));
    }
    names.iter().map(|n| n.to_lowercase()).collect()
}

/// Whether a markup author reads as a login or a template key ("andrew.keaveney",
/// "page.head.extra.author") rather than a display name.
fn reads_as_login(b: &str) -> bool {
    !b.contains(char::is_whitespace)
        && (b.contains(['.', '_', '@']) || !b.contains(char::is_uppercase))
}

/// The name of Yoast SEO's reading-time card: `twitter:label1` "Written by",
/// `twitter:data1` the name.
fn byline_from_card(f: &Found, ok: &dyn Fn(String) -> Option<String>) -> Option<String> {
    (1..=tuning::TWITTER_CARD_LABELS).find_map(|i| {
        let label = f
            .meta
            .get(&format!("twitter:label{i}"))?
            .last()?
            .to_lowercase();
        if !lexicon::BYLINE_OPENERS
            .iter()
            .any(|o| o.trim_end().trim_end_matches(':') == label)
        {
            return None;
        }
        let data = f.meta.get(&format!("twitter:data{i}"))?.last()?;
        byline::clean(&unescape(data)).and_then(ok)
    })
}

/// A block right after the headline that opens like a byline ("By Ana Ruiz"), or a block
/// that is the label alone ("Written by", "Author") and the block after it; and whether it
/// names a thread's starter ("Started by ana_r").
fn byline_after_headline(
    f: &Found,
    title: Option<&str>,
    ok: &dyn Fn(String) -> Option<String>,
) -> Option<(String, bool)> {
    near_headline_text(f, title).0.and_then(|after| {
        let lines: Vec<String> = after
            .lines()
            .skip(1)
            .take(tuning::BYLINE_TEXT_LINES + 1)
            .map(normalise)
            .collect();
        lines
            .iter()
            .take(tuning::BYLINE_TEXT_LINES)
            .enumerate()
            .find_map(|(i, line)| {
                let lower = line.to_lowercase();
                let bare = lower.trim_end_matches(':').trim_end();
                let label_alone = lexicon::BYLINE_OPENERS
                    .iter()
                    .any(|o| o.trim_end().trim_end_matches(':').trim_end() == bare)
                    || matches!(bare, "author" | "authors");
                // A label alone names the next block ("Author" / "Ana Ruiz").
                let line = match lines.get(i + 1) {
                    Some(next) if label_alone => next.clone(),
                    _ => line.clone(),
                };
                let opens = label_alone || byline::opens_like_byline(&line);
                if !opens || line.chars().count() >= tuning::BYLINE_MAX_CHARS {
                    return None;
                }
                let lower = line.to_lowercase();
                let thread = lexicon::BYLINE_THREAD_OPENERS
                    .iter()
                    .any(|o| lower.starts_with(o));
                byline::clean(&line)
                    .filter(|b| thread || b.chars().next().is_some_and(char::is_uppercase))
                    .and_then(ok)
                    .map(|b| (b, thread))
            })
    })
}

fn is_url(s: &str) -> bool {
    Url::parse(s).is_ok_and(|u| u.has_host())
}

/// The publication date (see the module doc) and the name of its source: of the dates the
/// sources state ([`date_candidates`]), the one [`choose_published`] takes. `last_modified`
/// is the page's [`modified`] date.
fn published(
    f: &Found,
    ld: Option<&serde_json::Map<String, Value>>,
    page: Option<&Url>,
    title: Option<&str>,
    last_modified: Option<&str>,
) -> Option<(String, &'static str)> {
    choose_published(&date_candidates(f, ld, page, title), last_modified)
}

/// Every source of the publication date that states one, in the order of trust, with the
/// date it states.
fn date_candidates(
    f: &Found,
    ld: Option<&serde_json::Map<String, Value>>,
    page: Option<&Url>,
    title: Option<&str>,
) -> Vec<(String, &'static str)> {
    let iso = |v: Option<String>| v.as_deref().and_then(iso_date);
    let near = near_headline_text(f, title);
    let byline_dates = f
        .dom_byline_text
        .as_deref()
        .map(dates_in_text)
        .unwrap_or_default();
    let after_dates = near.0.map(dates_in_text).unwrap_or_default();
    let before_dates = near.1.map(dates_in_text).unwrap_or_default();
    let tries: [(&'static str, &dyn Fn() -> Option<String>); 13] = [
        ("json-ld", &|| {
            iso(ld.and_then(|o| str_field(o, "datePublished")))
                .or_else(|| iso(json_ld_any(&f.json_ld, "datePublished")))
        }),
        ("meta", &|| {
            meta_date(f, lexicon::META_PUBLISHED).or_else(|| meta_date_named_published(f))
        }),
        ("microdata", &|| iso(f.item_published.clone())),
        ("time-pubdate", &|| iso(f.time_pubdate.clone())),
        ("time-near-headline", &|| iso(f.time_after_h1.clone())),
        ("text-byline", &|| byline_dates.0.clone()),
        ("text-after-headline", &|| after_dates.0.clone()),
        ("text-before-headline", &|| before_dates.0.clone()),
        ("text-labelled", &|| f.labelled.0.clone()),
        ("url", &|| {
            f.canonical
                .as_deref()
                .and_then(url_date)
                .or_else(|| {
                    meta_first(f, lexicon::META_URL)
                        .as_deref()
                        .and_then(url_date)
                })
                .or_else(|| page.and_then(|p| url_date(p.as_str())))
        }),
        ("time", &|| iso(f.time_first.clone())),
        // The page shows only when it was updated: the best statement it makes of its date.
        ("time-updated", &|| iso(f.time_updated.clone())),
        ("text-updated", &|| {
            byline_dates
                .1
                .clone()
                .or_else(|| after_dates.1.clone())
                .or_else(|| before_dates.1.clone())
                .or_else(|| f.labelled.1.clone())
        }),
    ];
    tries
        .iter()
        .filter_map(|(source, get)| get().map(|d| (d, *source)))
        .collect()
}

/// Of the stated dates, the publication date: markup and a visible date that agree, else
/// two kinds of markup that agree, else the visible date, else the first found (the rules
/// and their measurements are given where each is applied).
fn choose_published(
    found: &[(String, &'static str)],
    last_modified: Option<&str>,
) -> Option<(String, &'static str)> {
    let is_markup = |s: &str| MARKUP_DATE_SOURCES.contains(&s);
    let is_visible = |s: &str| VISIBLE_DATE_SOURCES.contains(&s);
    let visible: Vec<&(String, &'static str)> =
        found.iter().filter(|(_, s)| is_visible(s)).collect();
    // Markup and the page's visible date agree (`same_date`): that day. They disagree: the
    // markup date is often the CMS's last save or a template's, the visible one what
    // readers were told.
    let agreed = found
        .iter()
        .filter(|(_, s)| is_markup(s))
        .find(|(d, _)| visible.iter().any(|(v, _)| same_date(v, d)));
    let has_markup = found.iter().any(|(_, s)| is_markup(s));
    // Two kinds of markup (JSON-LD and a meta tag or microdata) that state the same day
    // outweigh a `<time datetime>` after the headline that disagrees when no date is
    // written in the text there: the machine-readable dates vote two to one, and such a
    // `<time>` is often a related story's or the last update's. A date written beside the
    // headline is what readers were told and still wins (wcxb-dev: overriding written
    // dates too fixed 3 pages and broke 5).
    let markup: Vec<&(String, &'static str)> = found.iter().filter(|(_, s)| is_markup(s)).collect();
    let only_time_elements = visible
        .iter()
        .all(|(_, s)| matches!(*s, "time-near-headline" | "time-pubdate"));
    let confirmed = markup
        .iter()
        .copied()
        .filter(|_| only_time_elements)
        .find(|(d, src)| {
            // `<meta itemprop=datePublished content=…>` is read both as a meta key and as
            // microdata: one statement, so the two count as one kind.
            let kind = |s: &str| s == "json-ld";
            markup
                .iter()
                .any(|(e, other)| kind(other) != kind(src) && same_date(d, e))
        });
    // A visible date that is the markup's last modification is the page's "updated" line
    // written without its label: the markup's publication date stands.
    let shown = visible
        .first()
        .copied()
        .filter(|_| has_markup)
        .filter(|(v, _)| {
            !last_modified.is_some_and(|m| same_date(v, m))
                || markup.iter().all(|(d, _)| same_date(d, v))
        });
    agreed
        .or(confirmed)
        .or(shown)
        .or_else(|| markup.first().copied().filter(|_| !visible.is_empty()))
        .or_else(|| found.first())
        .cloned()
}

/// Whether two stated dates are the same publication: the same calendar day, the same
/// moment written in two zones (UTC in the meta tag, local beside the headline), or a date
/// written without a time and a moment that falls on that calendar day in some time zone
/// (UTC-12 to UTC+14): "13 June 2018" beside the headline of a page whose meta tag says
/// 2018-06-12T23:00:00Z, written in UTC+1.
fn same_date(a: &str, b: &str) -> bool {
    let day = |d: &str| d.get(..10).map(str::to_string);
    let zoned_day = |bare: &str, moment: &str| {
        let (Some(t), Some(midnight)) = (instant(moment), instant(&format!("{bare}T00:00Z")))
        else {
            return false;
        };
        bare.len() == 10
            && (midnight - tuning::DATE_ZONE_EAST_MINUTES
                ..midnight + 1440 + tuning::DATE_ZONE_WEST_MINUTES)
                .contains(&t)
    };
    day(a) == day(b)
        || instant(a).is_some_and(|i| instant(b) == Some(i))
        || zoned_day(a, b)
        || zoned_day(b, a)
}

/// Date sources read from markup meant for machines.
const MARKUP_DATE_SOURCES: &[&str] = &["json-ld", "meta", "microdata"];
/// Date sources the reader sees next to the headline.
const VISIBLE_DATE_SOURCES: &[&str] = &[
    "time-pubdate",
    "time-near-headline",
    "text-byline",
    "text-after-headline",
    "text-before-headline",
    "text-labelled",
];

/// The text from the headline `h1` on and the text before it: the `h1` that starts with
/// the title when one does (a logo or section `h1` may come first), else the first.
fn near_headline_text<'f>(f: &'f Found, title: Option<&str>) -> (Option<&'f str>, Option<&'f str>) {
    let title = title
        .map(|t| normalise(t).to_lowercase())
        .filter(|t| !t.is_empty());
    // The `h1`'s own text: the first line of the text from where it opens.
    let heading = |after: &str| normalise(after.lines().next().unwrap_or("")).to_lowercase();
    let window = title
        .as_deref()
        .and_then(|t| {
            f.windows
                .iter()
                .find(|(_, after)| normalise(after).to_lowercase().starts_with(t))
                // A title that holds the heading ("Headline | Magazine"), or a heading
                // that holds the title (a kicker inside the `h1`).
                .or_else(|| {
                    f.windows.iter().find(|(_, after)| {
                        let h = heading(after);
                        h.len() >= tuning::TITLE_MIN_CHARS && (t.contains(&h) || h.contains(t))
                    })
                })
        })
        // Else the first `h1` that reads as a headline: a logo's `h1` without text (whose
        // window starts with the menu after it) or with the site's name is not one.
        .or_else(|| {
            f.windows.iter().find(|(_, after)| {
                let h = heading(after);
                h.split_whitespace().count() >= tuning::TITLE_MIN_WORDS
                    && f.h1.iter().any(|x| normalise(x).to_lowercase() == h)
            })
        })
        .or_else(|| f.windows.first());
    match window {
        Some((before, after)) => (Some(after.as_str()), Some(before.as_str())),
        None => (None, None),
    }
}

/// The last modification date: JSON-LD `dateModified`, the meta keys, microdata.
fn modified(
    f: &Found,
    ld: Option<&serde_json::Map<String, Value>>,
) -> Option<(String, &'static str)> {
    let iso = |v: Option<String>| v.as_deref().and_then(iso_date);
    iso(ld.and_then(|o| str_field(o, "dateModified")))
        .or_else(|| iso(json_ld_any(&f.json_ld, "dateModified")))
        .map(|d| (d, "json-ld"))
        .or_else(|| meta_date(f, lexicon::META_MODIFIED).map(|d| (d, "meta")))
        .or_else(|| iso(f.item_modified.clone()).map(|d| (d, "microdata")))
}

/// The first value of the meta keys, in their order, that reads as a date. The first,
/// unlike the other meta keys: a date key repeated down the page is microdata of the posts
/// of a thread or of the comments (`<meta itemprop=datePublished>` in each), and the page's
/// own comes first.
fn meta_date(f: &Found, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        f.meta
            .get(*k)
            .and_then(|v| v.iter().find_map(|d| iso_date(&unescape(d))))
    })
}

/// A date under a meta key no list names but whose name says it is the publication date
/// (`published_at`, `publish_time`, `citation_publication_date`, `w-published-date`):
/// it holds a word of [`lexicon::META_PUBLISHED_WORDS`] and one of
/// [`lexicon::META_DATE_WORDS`], or ends with `published`, and does not name the publisher.
/// Of several, the first in key order, so the answer does not depend on the map's order.
fn meta_date_named_published(f: &Found) -> Option<String> {
    let mut keys: Vec<&str> = f
        .meta
        .keys()
        .map(String::as_str)
        .filter(|k| {
            !k.contains("publisher")
                && lexicon::META_PUBLISHED_WORDS.iter().any(|w| k.contains(w))
                && (k.ends_with("published")
                    || lexicon::META_DATE_WORDS.iter().any(|w| k.contains(w)))
        })
        .collect();
    keys.sort_unstable();
    meta_date(f, &keys)
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
    fn a_meta_key_that_names_publication_gives_the_date() {
        let page = |key: &str, value: &str| {
            format!(
                "<html><head><meta name='{key}' content='{value}'></head>\
                 <body><p>Text.</p></body></html>"
            )
        };
        let published = |key: &str, value: &str| meta(&page(key, value)).published;
        assert_eq!(
            published("published_at", "2024-03-05T10:00:00Z").as_deref(),
            Some("2024-03-05T10:00:00Z")
        );
        assert_eq!(
            published("w-published-date", "2025-05-27").as_deref(),
            Some("2025-05-27")
        );
        assert_eq!(
            published("published", "July 17, 2025").as_deref(),
            Some("2025-07-17")
        );
        // Not a date, or not the publication's.
        assert_eq!(published("auto-publish", "true"), None);
        assert_eq!(published("publisher", "2019-01-01"), None);
        assert_eq!(published("publishedtype", "2019-01-01"), None);
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
    fn class_word_patterns_compile_and_match_ignoring_case() {
        assert!(CLASS_WORDS.is_some(), "the class words compile");
        let (doc, _) = parse(
            "<p class='post-Author-name'></p><p class=postmeta></p><p class=SiteSidebar></p>\
             <p class=story></p><p class=comment-list></p><p class=page-header__meta></p>\
             <p class='sidebar main-column'></p>",
            Limits {
                max_depth: 512,
                max_nodes: 10_000,
            },
        );
        let bits: Vec<u8> = doc
            .traverse()
            .filter_map(|edge| match edge {
                Edge::Open(node) => node.as_element().filter(|e| e.name() == "p"),
                Edge::Close(_) => None,
            })
            .map(|e| class_words(&e, &mut None))
            .collect();
        assert_eq!(bits[0] & BYLINE_WORD, BYLINE_WORD);
        assert_eq!(bits[1] & BYLINE_WORD, 0);
        assert_eq!(bits[2] & UNLIKELY_WORD, UNLIKELY_WORD);
        assert_eq!(bits[3], 0);
        assert_eq!(bits[4] & UNLIKELY_WORD, UNLIKELY_WORD);
        // The article's header holds the byline (`lexicon::BYLINE_SEARCH_BOX_WORDS`).
        assert_eq!(bits[5] & UNLIKELY_WORD, 0);
        assert_eq!(bits[6] & MAYBE_WORD, MAYBE_WORD);
    }

    #[test]
    fn nested_byline_boxes_keep_the_walk_linear_and_find_the_name() {
        let page = format!(
            "<body>{}<span itemprop=name>Ana Ruiz</span>{}{}</body>",
            "<div class=author>".repeat(400),
            "<p>".to_string() + &"long text ".repeat(20_000) + "</p>",
            "</div>".repeat(400)
        );
        let c = collected(&page, None);
        assert_eq!(
            c.metadata.byline, None,
            "every candidate holds far more than a name"
        );
        let small = "<body><div class=author><div class=author-name>Ana Ruiz</div></div></body>";
        assert_eq!(meta(small).byline.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn a_page_without_title_takes_its_first_h1() {
        let m = meta("<body><h1>Three fixes</h1><h1>Second</h1></body>");
        assert_eq!(m.title.as_deref(), Some("Three fixes"));
        assert_eq!(meta("<body><p>no headline</p></body>").title, None);
    }

    #[test]
    fn an_authored_dated_page_takes_its_h1_over_a_disagreeing_title() {
        let head = "<head><title>Flood defences for 2026 - Fenland Post</title>\
             <meta name=author content='Ana Ruiz'>\
             <meta property=article:published_time content=2025-03-02></head>";
        let m = meta(&format!(
            "{head}<body><h1>Flood defences: why the Lode walls failed</h1></body>"
        ));
        assert_eq!(
            m.title.as_deref(),
            Some("Flood defences: why the Lode walls failed")
        );
        // The same page without author or date (a landing page): its h1 may be a slogan.
        let m = meta(
            "<head><title>Flood defences for 2026 - Fenland Post</title></head>\
             <body><h1>Why the Lode walls failed last winter</h1></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Flood defences for 2026"));
        // An h1 that is the site's name is no headline.
        let m = meta(&format!(
            "{head}<meta property=og:site_name content='The Fenland Post'>\
             <body><h1>The Fenland Post</h1></body>"
        ));
        assert_eq!(m.title.as_deref(), Some("Flood defences for 2026"));
    }

    #[test]
    fn an_h1_that_is_the_site_name_is_not_the_headline() {
        let m = meta(
            "<head><title>Reviews of our classes and retreats - Fen Yoga House</title>\
             <meta property=og:site_name content='Fen Yoga House'></head>\
             <body><h1>Fen Yoga House</h1><h2>Reviews</h2></body>",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Reviews of our classes and retreats")
        );
        // The home page names only the site: the site name is its title.
        let m = meta(
            "<head><title>Fen Yoga House</title>\
             <meta property=og:site_name content='Fen Yoga House'></head>\
             <body><h1>Fen Yoga House</h1></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Fen Yoga House"));
    }

    #[test]
    fn an_agreeing_h1_takes_the_stated_plain_quotes() {
        let m = meta(
            "<head><meta property=og:title content=\"Why the Lode's walls failed\"></head>\
             <body><h1>Why the Lode\u{2019}s walls failed</h1></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Why the Lode's walls failed"));
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
        let m = meta("<head><title>Bridges-to-nowhere</title></head><body><h1>Bridges</h1></body>");
        assert_eq!(m.title.as_deref(), Some("Bridges-to-nowhere"));
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
    fn a_permalink_mark_after_the_heading_is_dropped_even_with_space_after_it() {
        let m = meta(
            "<head><meta property=og:title content='Logging guide'></head>\
             <body><h1>Logging guide<a class=headerlink href=#l>\u{b6}</a> </h1></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Logging guide"));
    }

    #[test]
    fn a_label_block_after_the_headline_names_the_next_block() {
        let m = meta(
            "<body><h1>Why the Lode walls failed</h1><div><p>Last updated</p><p>Aug 4, 2025</p>\
             </div><div><p>Written by</p><p>Edda Tabor</p></div><p>The walls gave way.</p></body>",
        );
        assert_eq!(m.byline.as_deref(), Some("Edda Tabor"));
    }

    // ---- issue 14, third round: one test per rule ----

    #[test]
    fn a_json_ld_author_given_by_reference_is_the_named_object() {
        let m = meta(
            r#"<head><script type="application/ld+json">{"@context":"https://schema.org",
            "@graph":[{"@type":"Article","headline":"Ferry timetable changes",
            "author":{"@id":"https://quay.example/#/schema/person/7"}},
            {"@type":"Person","@id":"https://quay.example/#/schema/person/7","name":"Orla Finch"}]}
            </script></head><body><h1>Ferry timetable changes</h1><p>From May.</p></body>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Orla Finch"));
    }

    #[test]
    fn a_byline_in_the_article_header_box_is_found() {
        // `page-header__meta` matches the unlikely word "header"; the article's own header
        // holds the byline.
        let m = meta(
            "<body><header class='page-header'><h1>Harbour wall repairs begin</h1>\
             <p class='page-header__meta'><span class='byline'>By <a href='/p/r'>Rhian Vale</a>\
             </span></p></header><p>Work starts on Monday.</p></body>",
        );
        assert_eq!(m.byline.as_deref(), Some("Rhian Vale"));
    }

    #[test]
    fn a_label_ending_in_by_is_no_name_and_names_the_next_block() {
        let m = meta(
            "<body><h1>Winter sowing</h1><div class='author'><span>Article by</span>\
             <div>Tomas Reyne</div></div><p>Sow in December.</p></body>",
        );
        assert_eq!(m.byline.as_deref(), Some("Tomas Reyne"));
    }

    #[test]
    fn a_dated_line_after_the_headline_opens_like_a_byline() {
        for line in [
            "03/01/2017 by Agatha Moss",
            "Dec 26, 2025 · By Agatha Moss",
            "by: Agatha Moss, Dec 17, 2025",
            "by Agatha Moss on Jan 22, 2025",
            "By Agatha Moss in Project Management",
        ] {
            let m = meta(&format!(
                "<body><h1>Quarry road closed again</h1><div>{line}</div>\
                 <p>The road shut on Friday.</p></body>"
            ));
            assert_eq!(m.byline.as_deref(), Some("Agatha Moss"), "{line}");
        }
    }

    #[test]
    fn indentation_does_not_use_up_the_window_after_the_headline() {
        // Every text node indented by a deep template: the date, a few visible lines below
        // the headline, lies past the window's length in markup bytes.
        let pad = " ".repeat(tuning::DATE_NEAR_HEADLINE_CHARS / 4);
        let m = meta(&format!(
            "<body><h1>{pad}Quarry road closed again{pad}</h1><p>{pad}The council shut the \
             road again.{pad}</p><p>{pad}Share this{pad}</p><div>{pad}Dec. 6, 2024, 10:00 PM\
             {pad}</div><p>The road shut on Friday.</p></body>"
        ));
        assert_eq!(m.published.as_deref(), Some("2024-12-06"));
    }

    #[test]
    fn an_unlabelled_visible_date_that_is_the_last_update_leaves_the_publication_date() {
        let ld = "<script type='application/ld+json'>{\"@type\":\"BlogPosting\",\
            \"headline\":\"Ten ways to plan a garden\",\"datePublished\":\"2024-02-21T11:54:45Z\",\
            \"dateModified\":\"2025-10-26T08:00:00Z\"}</script>";
        let page = |shown: &str| {
            format!(
                "<head>{ld}</head><body><h1>Ten ways to plan a garden</h1>\
                 <div>{shown}</div><p>Start with the light.</p></body>"
            )
        };
        // The date shown is the last update's: the publication date stands.
        let m = meta(&page("October 26, 2025"));
        assert_eq!(m.published.as_deref().map(|d| &d[..10]), Some("2024-02-21"));
        // A date shown that is neither is what readers were told.
        let m = meta(&page("March 3, 2024"));
        assert_eq!(m.published.as_deref().map(|d| &d[..10]), Some("2024-03-03"));
    }

    #[test]
    fn the_headline_window_skips_a_logo_h1_without_text() {
        let m = meta(
            "<head><title>Our favourite cycle routes</title></head><body>\
             <h1 class='logo'><a href='/'><img src='l.png'></a></h1><nav>Home News Sport</nav>\
             <h1>The best trails and lanes for cycling</h1><div>A standfirst.</div>\
             <p>By Nia Halloran</p><p>Start at the weir.</p></body>",
        );
        assert_eq!(m.byline.as_deref(), Some("Nia Halloran"));
    }

    #[test]
    fn markup_indentation_does_not_push_a_byline_out_of_the_headline_window() {
        let pad = "\n                                        ".repeat(6);
        let m = meta(&format!(
            "<body><h1>Tide tables for the estuary</h1>{pad}<div>{pad}<p>A note.</p>{pad}\
             </div>{pad}<div>{pad}<span>\n   By\n   </span>{pad}<a>Ewan Strachan</a>{pad}</div>\
             <p>High water is at noon.</p></body>"
        ));
        assert_eq!(m.byline.as_deref(), Some("Ewan Strachan"));
    }

    #[test]
    fn a_thread_starter_beside_the_title_is_the_byline_before_post_boxes() {
        let m = meta(
            "<head><title>Which lathe for a beginner? | Turners' Forum</title></head>\
             <body><h1>Which lathe for a beginner?</h1><ul><li>\
             <svg><title>Thread starter</title></svg> <span>Thread starter</span> \
             <a class='username'>woodchip_jo</a></li></ul>\
             <article><div class='message-author'>kestrel77</div><p>Get a used one.</p></article>\
             </body>",
        );
        assert_eq!(m.byline.as_deref(), Some("woodchip_jo"));
    }

    #[test]
    fn a_microdata_author_name_in_a_content_attribute_is_the_name() {
        let m = meta(
            "<body><h1>Pump keeps tripping</h1><div itemprop='author' itemscope>\
             <span class='avatar'>P</span><meta itemprop='name' content='pumpfixer'>\
             <span>Senior Member</span></div><p>It trips at night.</p></body>",
        );
        assert_eq!(m.byline.as_deref(), Some("pumpfixer"));
    }

    #[test]
    fn a_date_after_a_publication_label_is_read_anywhere_but_in_comments() {
        let m = meta(
            "<body><h1>Choosing a first kayak</h1><p>Some text.</p><p>More text.</p>\
             <p>A long paragraph that pushes the label far from the headline, well past the \
             window that is read for dates beside the headline, and then some more words to \
             be sure of it, because the window is six hundred bytes long and this sentence \
             has to fill it up all by itself, which takes a good deal of writing about \
             kayaks, paddles, spray decks, buoyancy aids and the weather on the loch.</p>\
             <div><span>Posted on</span>\n            <div>\n              <span>Nov 21, 2018</span>\
             </div></div></body>",
        );
        assert_eq!(m.published.as_deref(), Some("2018-11-21"));
        let m = meta(
            "<body><h1>Choosing a first kayak</h1><div class='comments'><span>Posted on</span>\
             <span>Nov 22, 2018</span></div></body>",
        );
        assert_eq!(m.published, None);
    }

    #[test]
    fn two_kinds_of_markup_that_agree_outvote_a_lone_time_element() {
        let m = meta(
            r#"<head><meta property="article:published_time" content="2025-07-20T15:27:00+01:00">
            <script type="application/ld+json">{"@type":"BlogPosting","headline":"Kettles tested",
            "datePublished":"2025-07-20T15:27:00+01:00"}</script></head>
            <body><h1>Kettles tested</h1><time datetime="2025-09-17">Related: 17 Sep</time>
            <p>We boiled a lot of water.</p></body>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2025-07-20T15:27:00+01:00"));
    }

    #[test]
    fn a_year_glued_to_an_update_label_still_ends_the_publication_date() {
        let m = meta(
            "<body><h1>Breathing exercises for sleep</h1><div><span>DECEMBER 22, 2022</span>\
             <span>Updated: JANUARY 02, 2023</span></div><p>Breathe in slowly.</p></body>",
        );
        assert_eq!(m.published.as_deref(), Some("2022-12-22"));
    }

    #[test]
    fn an_authored_page_takes_no_h1_that_shares_no_word_with_its_title() {
        let m = meta(
            r#"<head><title>Peanuts early may prevent allergy in babies</title>
            <meta name="author" content="Ines Marr"></head><body><h1>Information and Resources</h1>
            <p>June 3, 2024</p><p>Early feeding helps.</p></body>"#,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Peanuts early may prevent allergy in babies")
        );
    }

    #[test]
    fn an_h1_title_loses_the_site_name_after_a_separator() {
        let m = meta(
            "<head><meta property='og:site_name' content='Fenland Post.com'>\
             <title>Lock gates replaced</title></head>\
             <body><h1>Lock gates replaced | Fenland Post</h1><p>At last.</p></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Lock gates replaced"));
    }

    #[test]
    fn a_written_day_agrees_with_a_moment_on_that_day_in_some_zone() {
        // 23:00 UTC is the next day in UTC+1: the meta moment and the written day agree,
        // so the meta tag's value (with its time) is kept.
        let m = meta(
            "<head><meta property='article:published_time' content='2018-06-12T23:00:00.000Z'>\
             </head><body><h1>Reading the river gauges</h1><p>13 June 2018</p>\
             <p>Levels rose overnight.</p></body>",
        );
        assert_eq!(m.published.as_deref(), Some("2018-06-12T23:00:00.000Z"));
    }

    #[test]
    fn dot_separators_end_the_name_in_a_byline_row() {
        for row in [
            "By Ciaran Lowe ⋅ Review Editor ⋅",
            "by Ciaran Lowe ● May 2, 2025 ● 6 min read",
        ] {
            let m = meta(&format!(
                "<body><h1>Testing trail shoes in the wet</h1><div>{row}</div>\
                 <p>Grip matters most.</p></body>"
            ));
            assert_eq!(m.byline.as_deref(), Some("Ciaran Lowe"), "{row}");
        }
        // "via" alone credits a link, it names no one.
        let m = meta(
            "<body><h1>Old maps of the fens</h1><p class='byline'>via</p><p>Scanned.</p></body>",
        );
        assert_eq!(m.byline, None);
    }

    #[test]
    fn a_markup_login_gives_way_to_a_shown_name() {
        let page = |shown: &str| {
            meta(&format!(
                "<head><meta name='author' content='page.head.extra.author'></head>\
                 <body><h1>Saving seed from runner beans</h1>{shown}<p>Let pods dry.</p></body>"
            ))
        };
        assert_eq!(
            page("<p class='byline'>By Meera Scholes</p>")
                .byline
                .as_deref(),
            Some("Meera Scholes")
        );
        // Nothing shown: the login is still the best statement of the author.
        assert_eq!(page("").byline.as_deref(), Some("page.head.extra.author"));
    }

    #[test]
    fn a_repeated_meta_date_key_gives_its_first_value() {
        let m = meta(
            "<body><h1>Best glue for oak?</h1>\
             <div><meta itemprop='datePublished' content='2024-01-14T21:50:50-05:00'>\
             <p>Which glue?</p></div><div><meta itemprop='datePublished' \
             content='2024-01-18T09:00:00-05:00'><p>Titebond.</p></div></body>",
        );
        assert_eq!(m.published.as_deref(), Some("2024-01-14T21:50:50-05:00"));
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
