//! JSON-LD (schema.org) values: the article object and its fields.

use super::{normalise, unescape};
use crate::lexicon;
use serde_json::Value;

/// The JSON values of one `<script type=application/ld+json>` body, read as leniently as
/// search engines read them: the body as it is when it parses; else with raw control
/// characters inside strings escaped (CMSs paste multi-line descriptions in unescaped, 11 of
/// the 1,134 blocks of the three shared sets), and with several values written one after
/// another (`{…},{…}` without the enclosing array) each kept up to the first that does not
/// parse. A body broken in other ways (an unescaped quote) gives nothing.
pub(super) fn parse_block(text: &str) -> Vec<Value> {
    let text = text.trim();
    let text = text.strip_prefix("<![CDATA[").unwrap_or(text);
    let text = text.strip_suffix("]]>").unwrap_or(text);
    if let Ok(v) = serde_json::from_str::<Value>(text) {
        return vec![v];
    }
    let mut fixed = String::with_capacity(text.len() + 16);
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                '\n' => {
                    fixed.push_str("\\n");
                    continue;
                }
                c if u32::from(c) < 0x20 => {
                    fixed.push(' ');
                    continue;
                }
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        }
        fixed.push(c);
    }
    let mut out = Vec::new();
    let mut rest = fixed.as_str();
    loop {
        // Values written one after another may be separated by commas.
        rest = rest.trim_start_matches(|c: char| c == ',' || c == ';' || c.is_whitespace());
        let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        match stream.next() {
            Some(Ok(v)) => out.push(v),
            _ => break,
        }
        // The offset is where the value just read ends, a character boundary.
        match rest.get(stream.byte_offset()..) {
            Some(r) => rest = r,
            None => break,
        }
    }
    out
}

/// The `description` of the first JSON-LD `Product` (or `ProductGroup`) object, its markup
/// removed (shops paste their HTML description in) and white space collapsed.
pub(super) fn product_description(values: &[Value]) -> Option<String> {
    first_object(values, |o| {
        let product = has_type(o.get("@type"), lexicon::JSON_LD_PRODUCT_TYPES);
        let text = o
            .get("description")
            .and_then(Value::as_str)
            .filter(|_| product)?;
        let mut plain = String::with_capacity(text.len());
        let mut in_tag = false;
        for c in unescape(text).chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => {
                    in_tag = false;
                    plain.push(' ');
                }
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        Some(normalise(&plain)).filter(|d| !d.is_empty())
    })
}

/// The first JSON-LD object describing an article: top level, in an array, or in `@graph`.
pub(super) fn json_ld_article(values: &[Value]) -> Option<&serde_json::Map<String, Value>> {
    first_object(values, |o| {
        has_type(o.get("@type"), lexicon::JSON_LD_ARTICLE_TYPES).then_some(o)
    })
}

/// `key` of the first JSON-LD object anywhere (top level, arrays, `@graph`) that has it as a
/// string: pages without an article object put `datePublished` on their `WebPage`.
pub(super) fn json_ld_any(values: &[Value], key: &str) -> Option<String> {
    first_object(values, |o| str_field(o, key))
}

/// The names in the first `author` of any JSON-LD object (a `WebPage` or `Product` page
/// without an article object may still name its author).
pub(super) fn json_ld_author(values: &[Value]) -> Option<Vec<String>> {
    first_object(values, |o| {
        o.get("author")
            .map(|a| names_resolved(a, values))
            .filter(|n| !n.is_empty())
    })
}

/// [`names_of`], with a node given only by reference (`{"@id": "…#/schema/person/1"}`, as
/// Yoast SEO writes the article's author in its `@graph`) replaced by the object of the page's
/// JSON-LD that carries that `@id` and a name.
pub(super) fn names_resolved(v: &Value, values: &[Value]) -> Vec<String> {
    let by_id = |id: &str| -> Vec<String> {
        first_object(values, |o| {
            (o.get("@id").and_then(Value::as_str) == Some(id) && o.contains_key("name"))
                .then(|| o.get("name").map(names_of).unwrap_or_default())
        })
        .unwrap_or_default()
    };
    let one = |x: &Value| -> Vec<String> {
        match x {
            Value::Object(o) if !o.contains_key("name") => o
                .get("@id")
                .and_then(Value::as_str)
                .map(by_id)
                .unwrap_or_default(),
            x => names_of(x),
        }
    };
    match v {
        Value::Array(a) => a.iter().filter(|x| !x.is_array()).flat_map(one).collect(),
        x => one(x),
    }
}

/// What `pick` finds in the first object, in document order, for which it finds anything:
/// top level, in arrays and in `@graph`. Iterative, bounded by the size of the parsed JSON.
fn first_object<'v, T>(
    values: &'v [Value],
    pick: impl Fn(&'v serde_json::Map<String, Value>) -> Option<T>,
) -> Option<T> {
    let mut queue: Vec<&Value> = values.iter().rev().collect();
    while let Some(v) = queue.pop() {
        match v {
            Value::Array(items) => queue.extend(items.iter().rev()),
            Value::Object(o) => {
                if let Some(found) = pick(o) {
                    return Some(found);
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

/// Whether an object's `@type` (a string or an array of them) names one of `types`, read
/// by the part after the last `/` (`https://schema.org/NewsArticle`).
fn has_type(t: Option<&Value>, types: &[&str]) -> bool {
    let is = |s: &str| types.contains(&s.rsplit('/').next().unwrap_or(s));
    match t {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(a)) => a.iter().any(|v| v.as_str().is_some_and(is)),
        _ => false,
    }
}

pub(super) fn str_field(o: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    o.get(key)
        .and_then(Value::as_str)
        .map(|s| normalise(&unescape(s)))
        .filter(|s| !s.is_empty())
}

/// A URL given as a string, an object with `url` or `@id`, or an array of those (first).
pub(super) fn url_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => o.get("url").or_else(|| o.get("@id")).and_then(url_of),
        Value::Array(a) => a.iter().find_map(url_of),
        _ => None,
    }
}

/// Names from a string, an object with `name`, or an array of those.
pub(super) fn names_of(v: &Value) -> Vec<String> {
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

/// Every `@type` name (the part after the last `/`) in the objects, nested ones included, in
/// the order met, without repeats; at most `max` names. Read by the page type.
pub(super) fn all_types(values: &[Value], max: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut queue: Vec<&Value> = values.iter().rev().collect();
    // Iterative, bounded by the size of the parsed JSON.
    while let Some(v) = queue.pop() {
        match v {
            Value::Array(items) => queue.extend(items.iter().rev()),
            Value::Object(o) => {
                let names = match o.get("@type") {
                    Some(Value::String(s)) => vec![s.as_str()],
                    Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                    _ => Vec::new(),
                };
                for s in names {
                    let s = s.rsplit('/').next().unwrap_or(s).trim();
                    if out.len() < max && !s.is_empty() && !out.iter().any(|t| t == s) {
                        out.push(s.to_string());
                    }
                }
                queue.extend(o.values().rev().filter(|v| v.is_array() || v.is_object()));
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_with_raw_line_breaks_in_its_strings_is_read() {
        let block = "{\"@type\": \"DiscussionForumPosting\",\n\t\"articleBody\": \"First line.\n\nSecond\tline.\",\n\t\"datePublished\": \"2024-02-21 13:00:00\"}";
        let v = parse_block(block);
        assert_eq!(v.len(), 1);
        assert_eq!(
            json_ld_any(&v, "datePublished").as_deref(),
            Some("2024-02-21 13:00:00")
        );
        assert_eq!(
            v[0]["articleBody"].as_str(),
            Some("First line.\n\nSecond line.")
        );
    }

    #[test]
    fn values_written_one_after_another_are_each_read() {
        let v = parse_block(
            r#"<![CDATA[{"@type":"LocalBusiness","name":"Cafe"},{"@type":"Organization","name":"Chain"}]]>"#,
        );
        assert_eq!(all_types(&v, 8), ["LocalBusiness", "Organization"]);
    }

    #[test]
    fn a_block_broken_otherwise_gives_nothing_and_a_good_one_is_read_as_it_is() {
        assert!(parse_block(r#"{"name": "A "quoted" word"}"#).is_empty());
        assert!(parse_block("").is_empty());
        assert_eq!(parse_block(r#"[{"a": 1}]"#).len(), 1);
        // A string that ends in an escaped backslash closes where it should.
        let v = parse_block("{\"a\": \"x\\\\\", \"b\": \"y\nz\"}");
        assert_eq!(v[0]["b"].as_str(), Some("y\nz"));
    }
}
