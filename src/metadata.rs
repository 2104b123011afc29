//! Side stage — metadata.
//!
//! Input: the parsed [`Document`]. Output: [`Metadata`].
//!
//! Decides the title, byline, dates, language, site name, description and canonical URL
//! from the page's markup, in this precedence (first found wins):
//!
//! | field | sources, in order |
//! |---|---|
//! | title | an `h1` that the `<title>`/`og:title` contains; `og:title`; `twitter:title`; `<title>` minus a site-name part; the first `h1` |
//! | byline | `meta[name=author]`, `article:author`, `meta[property=author]` |
//! | published | `article:published_time`, `meta[name=date]`, `meta[itemprop=datePublished]`, `<time datetime>` |
//! | language | `<html lang>`, `meta[http-equiv=content-language]`, `og:locale` |
//! | site name | `og:site_name`, `application-name` |
//! | description | `og:description`, `meta[name=description]`, `twitter:description` |
//! | url | `link[rel=canonical]`, `og:url` |
//!
//! One iterative walk over the elements. Sources: Open Graph protocol, Twitter cards,
//! HTML `meta` name registry, Readability.js `_getArticleMetadata` and `_getArticleTitle`.

use crate::article::Metadata;
use crate::dom::Document;
use scraper::Node;

/// Title separators between the headline and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " / ", " » "];

/// Most `h1` elements whose text is read. Empty `h1`s (a logo) are skipped, so without a
/// bound a hostile page of nested empty `h1`s over a large subtree costs headings × nodes.
const MAX_H1_EXAMINED: usize = 16;
/// Most nodes read under one `h1`: a headline is a few text nodes and inline elements.
const MAX_H1_NODES: usize = 1024;

#[derive(Default)]
struct Found {
    og_title: Option<String>,
    twitter_title: Option<String>,
    html_title: Option<String>,
    h1: Vec<String>,
    /// `h1` elements whose text was read, empty ones included.
    h1_examined: usize,
    author: Option<String>,
    published: Option<String>,
    time_datetime: Option<String>,
    html_lang: Option<String>,
    content_language: Option<String>,
    og_locale: Option<String>,
    site_name: Option<String>,
    description: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
}

fn set(slot: &mut Option<String>, value: &str) {
    let v = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if slot.is_none() && !v.is_empty() {
        *slot = Some(v);
    }
}

/// Reads the page's metadata (see the module doc).
pub(crate) fn collect(doc: &Document) -> Metadata {
    let mut f = Found::default();
    for node in doc.tree.root().descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        match el.name() {
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"))
                    .or_else(|| el.attr("http-equiv"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(content) = el.attr("content") else {
                    continue;
                };
                match key.as_str() {
                    "og:title" => set(&mut f.og_title, content),
                    "twitter:title" => set(&mut f.twitter_title, content),
                    "author" | "article:author" | "dc.creator" => set(&mut f.author, content),
                    "article:published_time" | "date" | "datepublished" | "dc.date" => {
                        set(&mut f.published, content)
                    }
                    "content-language" => set(&mut f.content_language, content),
                    "og:locale" => set(&mut f.og_locale, content),
                    "og:site_name" | "application-name" => set(&mut f.site_name, content),
                    "og:description" | "description" | "twitter:description" => {
                        set(&mut f.description, content)
                    }
                    "og:url" => set(&mut f.og_url, content),
                    _ => {}
                }
            }
            "title" if f.html_title.is_none() => {
                let t: String = node
                    .children()
                    .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                    .collect();
                set(&mut f.html_title, &t);
            }
            "h1" if f.h1.len() < 4 && f.h1_examined < MAX_H1_EXAMINED => {
                f.h1_examined += 1;
                let mut t = String::new();
                for d in node.descendants().take(MAX_H1_NODES) {
                    if let Some(text) = d.value().as_text() {
                        t.push_str(text);
                    }
                }
                let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                if !t.is_empty() {
                    f.h1.push(t);
                }
            }
            "html" => {
                if let Some(lang) = el.attr("lang").or_else(|| el.attr("xml:lang")) {
                    set(&mut f.html_lang, lang);
                }
            }
            "link" => {
                let rel = el.attr("rel").unwrap_or("");
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    if let Some(href) = el.attr("href") {
                        set(&mut f.canonical, href);
                    }
                }
            }
            "time" => {
                if let Some(dt) = el.attr("datetime") {
                    set(&mut f.time_datetime, dt);
                }
            }
            _ => {}
        }
    }
    Metadata {
        title: choose_title(&f),
        byline: f.author,
        published: f.published.or(f.time_datetime),
        language: f.html_lang.or(f.content_language).or(f.og_locale),
        site_name: f.site_name,
        description: f.description,
        url: f.canonical.or(f.og_url),
    }
}

fn choose_title(f: &Found) -> Option<String> {
    let page_titles = [&f.html_title, &f.og_title, &f.twitter_title];
    for h1 in &f.h1 {
        let h = h1.to_lowercase();
        if h.len() >= 10
            && page_titles
                .iter()
                .filter_map(|t| t.as_deref())
                .any(|t| t.to_lowercase().contains(&h))
        {
            return Some(h1.clone());
        }
    }
    if let Some(t) = f.og_title.clone().or_else(|| f.twitter_title.clone()) {
        return Some(strip_site_name(&t, f.site_name.as_deref()));
    }
    if let Some(t) = &f.html_title {
        return Some(strip_site_name(t, f.site_name.as_deref()));
    }
    f.h1.first().cloned()
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

    fn meta(html: &str) -> Metadata {
        let (doc, _) = parse(
            html,
            Limits {
                max_depth: 512,
                max_nodes: 10_000,
            },
        );
        collect(&doc)
    }

    #[test]
    fn h1_that_the_title_contains_wins() {
        let m = meta(
            "<html lang=en><head><title>Bridge vote delayed again | Valley Post</title></head>\
             <body><h1>Bridge vote delayed again</h1></body></html>",
        );
        assert_eq!(m.title.as_deref(), Some("Bridge vote delayed again"));
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn empty_h1s_before_the_headline_are_passed_over() {
        let m = meta(
            "<title>Bridge vote delayed again | Valley Post</title>\
             <h1><img alt=logo></h1><h1> </h1><h1>Bridge vote delayed again</h1>",
        );
        assert_eq!(m.title.as_deref(), Some("Bridge vote delayed again"));
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
    }

    #[test]
    fn meta_tags_fill_the_fields() {
        let m = meta(
            "<head><meta property=og:site_name content='Valley Post'>\
             <meta name=author content='Ana Ruiz'>\
             <meta property=article:published_time content=2024-03-01T10:00:00Z>\
             <link rel=canonical href=https://valley.example/bridge></head>",
        );
        assert_eq!(m.site_name.as_deref(), Some("Valley Post"));
        assert_eq!(m.byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(m.published.as_deref(), Some("2024-03-01T10:00:00Z"));
        assert_eq!(m.url.as_deref(), Some("https://valley.example/bridge"));
    }
}
