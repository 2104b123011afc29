//! The JSON record of a page: one line of `pith batch` output, the output of
//! `pith PAGE --format json`, and `to_dict()` of the Python package's `Article`. It lives in
//! the library so that every consumer writes the same fields: a field added here appears in
//! all of them at once.
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
//! | `page_type` | string | `article`, `forum`, `product`, `collection`, `listing`, `service`, `documentation` or `other` |
//! | `charset` | string or null | the encoding the bytes were read with (`UTF-8`, `windows-1252`…) |
//! | `charset_source` | string or null | how it was found: `bom`, `header`, `meta`, `utf8-override`, `guess` |
//! | `comments` | array | only when comments were asked for (`Options::comments`) and found: `{"author", "date", "text"}` per comment |
//! | `error` | string | only when the page failed: what happened |
//! | `seconds` | number | only when timed ([`Record::seconds`]): time spent on this page |
//!
//! The order is fixed by hand, not by a serializer's map, so output is stable and `id`
//! comes first for people reading it.
//!
//! ```
//! let article = pith::extract("<title>Ferry resumes</title><p>The harbour reopened.</p>");
//! let record = pith::record::Record::new(Some("a1"), None, Ok(&article));
//! assert!(record.to_json().starts_with(r#"{"id":"a1","url":null,"title":"Ferry resumes""#));
//! assert_eq!(record.get("charset"), Some(&serde_json::Value::Null));
//! ```

use crate::{Article, CharsetSource};
use serde_json::Value;

/// The fields of one page's record, in output order.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    fields: Vec<(&'static str, Value)>,
}

impl Record {
    /// The record of a page: `id` and `url` say where it came from, `result` is its article
    /// or, when the page failed, the reason (the record then has empty article fields and an
    /// `error`).
    pub fn new(id: Option<&str>, url: Option<&str>, result: Result<&Article, &str>) -> Self {
        let empty = Article::default();
        let (article, error) = match result {
            Ok(article) => (article, None),
            Err(e) => (&empty, Some(e)),
        };
        let m = &article.metadata;
        let mut record = Record {
            fields: Vec::with_capacity(15),
        };
        record.push("id", id);
        record.push("url", url);
        record.push("title", article.title.as_str());
        record.push("text", article.text.as_str());
        record.push("byline", m.byline.as_deref());
        record.push("published", m.published.as_deref());
        record.push("modified", m.modified.as_deref());
        record.push("language", m.language.as_deref());
        record.push("site_name", m.site_name.as_deref());
        record.push("description", m.description.as_deref());
        record.push("canonical_url", m.url.as_deref());
        record.push("page_type", article.page_type.as_str());
        record.push("charset", article.charset.map(|c| c.name));
        record.push(
            "charset_source",
            article.charset.map(|c| source_name(c.source)),
        );
        if !article.comments.is_empty() {
            let comments: Vec<Value> = article
                .comments
                .iter()
                .map(|c| serde_json::json!({"author": c.author, "date": c.date, "text": c.text}))
                .collect();
            record.push("comments", comments);
        }
        if let Some(error) = error {
            record.push("error", error);
        }
        record
    }

    /// Adds the `seconds` field last: time spent on the page, rounded to microseconds (more
    /// than the clock's useful precision here).
    pub fn seconds(mut self, seconds: f64) -> Self {
        self.push("seconds", (seconds * 1e6).round() / 1e6);
        self
    }

    /// The fields in output order.
    pub fn fields(&self) -> &[(&'static str, Value)] {
        &self.fields
    }

    /// The value of one field, if the record has it.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The record as one line of JSON (no newline).
    pub fn to_json(&self) -> String {
        let mut out = String::from("{");
        for (i, (name, value)) in self.fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&Value::from(*name).to_string());
            out.push(':');
            out.push_str(&value.to_string());
        }
        out.push('}');
        out
    }

    fn push(&mut self, name: &'static str, value: impl Into<Value>) {
        self.fields.push((name, value.into()));
    }
}

fn source_name(source: CharsetSource) -> &'static str {
    match source {
        CharsetSource::Bom => "bom",
        CharsetSource::Header => "header",
        CharsetSource::Meta => "meta",
        CharsetSource::Utf8Override => "utf8-override",
        CharsetSource::Guess => "guess",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_record_has_every_field_in_order() {
        let article = crate::Extractor::default()
            .extract_bytes(
                b"<html lang=en><head><title>Ferry resumes</title></head><body><article><p>\
                  The harbour reopened on Monday after a week of repairs to the north pier, \
                  and the first ferry left on time with a full deck.</p></article></body>",
                Some("text/html; charset=utf-8"),
            )
            .unwrap();
        let line = Record::new(Some("a\"b"), None, Ok(&article))
            .seconds(0.25)
            .to_json();
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
            "page_type",
            "charset",
            "charset_source",
            "seconds",
        ] {
            assert!(keys.contains(&k), "{k} missing from {line}");
        }
        assert!(!keys.contains(&"error"));
        assert!(line.starts_with(r#"{"id":"a\"b","url":null,"title":"Ferry resumes""#));
        assert!(line.ends_with(r#","seconds":0.25}"#));
        assert_eq!(v["charset"], "UTF-8");
        assert_eq!(v["charset_source"], "header");
        assert_eq!(v["seconds"], 0.25);
    }

    #[test]
    fn a_failed_page_has_an_error_and_empty_text() {
        let record = Record::new(
            Some("x"),
            Some("https://example.com/"),
            Err("input does not look like an HTML page"),
        );
        let v: Value = serde_json::from_str(&record.to_json()).unwrap();
        assert_eq!(v["error"], "input does not look like an HTML page");
        assert_eq!(v["text"], "");
        assert_eq!(v["url"], "https://example.com/");
        assert!(record.get("seconds").is_none());
    }
}
