//! The JSON form of an article (feature `serde`): field names, enum spellings and the
//! fingerprint as a hexadecimal string, as the README documents them.
#![cfg(feature = "serde")]

use serde_json::{Value, json};

#[test]
fn an_article_serializes_with_its_structure_and_metadata() {
    let page = "<html lang=en><head><title>Ferry timetable changes | Harbour News</title>\
        <meta property=og:site_name content='Harbour News'></head><body><article>\
        <h1>Ferry timetable changes</h1>\
        <p>The winter timetable for the <a href=/ferry>island ferry</a> begins on Monday, and \
        the last boat of the evening will leave the pier an hour earlier than in summer.</p>\
        <ol start=2><li>First change to the crossing times</li><li>Second change</li></ol>\
        <p>The company says the summer timetable will return at the end of March, when the \
        second boat comes back from its annual overhaul in the yard.</p></article></body></html>";
    let a =
        pith::Extractor::new(pith::Options::default().base_url("https://harbour.example/news/"))
            .extract(page);
    let v: Value = serde_json::to_value(&a).expect("serializes");
    assert_eq!(v["title"], "Ferry timetable changes");
    assert_eq!(v["metadata"]["site_name"], "Harbour News");
    assert_eq!(v["metadata"]["language"], "en");
    let fp = v["fingerprint"].as_str().expect("fingerprint is a string");
    assert_eq!(fp, format!("{:016x}", a.fingerprint));
    assert_eq!(v["blocks"][0]["kind"], "paragraph");
    assert_eq!(
        v["blocks"][0]["spans"][0],
        json!({"start": 29, "end": 41, "type": "link", "href": "https://harbour.example/ferry"})
    );
    assert_eq!(v["blocks"][1]["kind"], "list_item");
    assert_eq!(
        v["blocks"][1]["list"],
        json!({"depth": 1, "ordered": true, "number": 2, "continues_item": false, "list": v["blocks"][1]["list"]["list"]})
    );
    assert!(
        v.get("charset").is_none(),
        "charset is left out when not known"
    );
}
