//! The JSON record pith writes for a page: one line of `pith batch` output, and the output
//! of `pith PAGE --format json`.
//!
//! Fields, always in this order (the README's "Output schema" documents them):
//!
//! | field | type | |
//! |---|---|---|
//! | `id` | string or null | file: its stem (`html/abc.html` → `abc`; with `--recursive`, the path below the folder: `2024/abc`); WARC: the `WARC-Record-ID` without `<>` (else the target URI); standard input: null |
//! | `url` | string or null | WARC: `WARC-Target-URI`; single page: `--url`; else null |
//! | `title` | string | the headline, `""` when none |
//! | `text` | string | the article, one block per line; `""` when none or on error |
//! | `byline`, `published`, `modified`, `language`, `site_name`, `description`, `canonical_url` | string or null | page metadata (`published`, `modified`: ISO 8601) |
//! | `charset` | string or null | the encoding the bytes were read with (`UTF-8`, `windows-1252`…) |
//! | `charset_source` | string or null | how it was found: `bom`, `header`, `meta`, `utf8-override`, `guess` |
//! | `error` | string | only when the page failed: what happened |
//! | `seconds` | number | time spent on this page (reading a file + extracting) |
//!
//! The order is fixed by hand, not by a serializer's map, so output is stable and `id`
//! comes first for people reading it.

use pith::{Article, CharsetSource};
use serde_json::Value;

/// What is known about a page apart from its article.
pub(crate) struct Source<'a> {
    pub(crate) id: Option<&'a str>,
    pub(crate) url: Option<&'a str>,
}

/// The record for a page as one line of JSON (no newline).
pub(crate) fn line(source: &Source<'_>, result: &Result<Article, String>, seconds: f64) -> String {
    let empty = Article::default();
    let (article, error) = match result {
        Ok(article) => (article, None),
        Err(e) => (&empty, Some(e.as_str())),
    };
    let m = &article.metadata;
    let mut object = Object::default();
    object.field("id", source.id);
    object.field("url", source.url);
    object.field("title", article.title.as_str());
    object.field("text", article.text.as_str());
    object.field("byline", m.byline.as_deref());
    object.field("published", m.published.as_deref());
    object.field("modified", m.modified.as_deref());
    object.field("language", m.language.as_deref());
    object.field("site_name", m.site_name.as_deref());
    object.field("description", m.description.as_deref());
    object.field("canonical_url", m.url.as_deref());
    object.field("charset", article.charset.map(|c| c.name));
    object.field(
        "charset_source",
        article.charset.map(|c| source_name(c.source)),
    );
    if let Some(error) = error {
        object.field("error", error);
    }
    // Microseconds are more than the clock's useful precision here.
    object.field("seconds", (seconds * 1e6).round() / 1e6);
    object.finish()
}

fn source_name(source: CharsetSource) -> &'static str {
    match source {
        CharsetSource::Bom => "bom",
        CharsetSource::Header => "header",
        CharsetSource::Meta => "meta",
        CharsetSource::Utf8Override => "utf8-override",
        CharsetSource::Guess => "guess",
        _ => "other",
    }
}

/// A JSON object written field by field, in order.
#[derive(Default)]
struct Object {
    out: String,
}

impl Object {
    fn field(&mut self, name: &str, value: impl Into<Value>) {
        self.out.push(if self.out.is_empty() { '{' } else { ',' });
        self.out.push_str(&Value::from(name).to_string());
        self.out.push(':');
        self.out.push_str(&value.into().to_string());
    }

    fn finish(mut self) -> String {
        if self.out.is_empty() {
            self.out.push('{');
        }
        self.out.push('}');
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_record_has_every_field_in_order() {
        let article = pith::Extractor::default()
            .extract_bytes(
                b"<html lang=en><head><title>Ferry resumes</title></head><body><article><p>\
                  The harbour reopened on Monday after a week of repairs to the north pier, \
                  and the first ferry left on time with a full deck.</p></article></body>",
                Some("text/html; charset=utf-8"),
            )
            .unwrap();
        let line = line(
            &Source {
                id: Some("a\"b"),
                url: None,
            },
            &Ok(article),
            0.25,
        );
        let v: Value = serde_json::from_str(&line).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        for k in [
            "id",
            "url",
            "title",
            "text",
            "byline",
            "published",
            "modified",
            "language",
            "site_name",
            "description",
            "canonical_url",
            "charset",
            "charset_source",
            "seconds",
        ] {
            assert!(keys.contains(&k), "{k} missing from {line}");
        }
        assert!(!keys.contains(&"error"));
        assert!(line.starts_with(r#"{"id":"a\"b","url":null,"title":"Ferry resumes""#));
        assert_eq!(v["charset"], "UTF-8");
        assert_eq!(v["charset_source"], "header");
        assert_eq!(v["seconds"], 0.25);
    }

    #[test]
    fn a_failed_page_has_an_error_and_empty_text() {
        let line = line(
            &Source {
                id: Some("x"),
                url: Some("https://example.com/"),
            },
            &Err("input does not look like an HTML page".into()),
            0.0,
        );
        let v: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["error"], "input does not look like an HTML page");
        assert_eq!(v["text"], "");
        assert_eq!(v["url"], "https://example.com/");
    }
}
