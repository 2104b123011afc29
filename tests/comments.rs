//! Reader comments on request (`Options::comments`, `--comments`), on the corpus pages
//! that have comment sections: every comment comes back with its author, and the article
//! text is the same as without the option.

use pith::{Article, Extractor, Options};
use std::path::Path;
use std::process::Command;

fn page(id: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("corpus/html/{id}.html")))
        .expect("corpus page")
}

fn extract(id: &str, comments: bool) -> Article {
    Extractor::new(Options::default().comments(comments))
        .extract_bytes(&page(id), None)
        .expect("corpus page extracts")
}

#[test]
fn a_wordpress_thread_gives_each_comment_with_author_date_and_text() {
    let article = extract("reader-comments-section", true);
    let authors: Vec<&str> = article
        .comments
        .iter()
        .filter_map(|c| c.author.as_deref())
        .collect();
    assert_eq!(
        authors,
        [
            "Harriet Oyelaran",
            "Desmond K.",
            "tomaszwrites",
            "Beatrix Hollis",
            "R. Venkataraman"
        ]
    );
    let first = &article.comments[0];
    assert_eq!(first.date.as_deref(), Some("April 12, 2024 at 8:14 am"));
    assert!(
        first
            .text
            .starts_with("I was out that night near Brackwell")
    );
    assert!(article.comments.iter().all(|c| !c.text.contains("Reply")));
}

#[test]
fn comments_under_a_heading_in_other_languages_come_back_too() {
    let german = extract("german-newsletter-box-and-reader-comments", true);
    assert_eq!(german.comments.len(), 3, "{:?}", german.comments);
    assert!(
        german.comments[1]
            .text
            .starts_with("Hoffentlich gibt es diesmal")
    );
    assert!(
        german.comments[1]
            .author
            .as_deref()
            .is_some_and(|a| a.starts_with("Sabine K."))
    );
    let polish = extract("polish-cookie-bar-and-comments", true);
    assert_eq!(polish.comments.len(), 2, "{:?}", polish.comments);
}

#[test]
fn the_text_is_the_same_with_or_without_comments_and_never_holds_them() {
    for id in [
        "reader-comments-section",
        "german-newsletter-box-and-reader-comments",
        "polish-cookie-bar-and-comments",
        "leave-a-reply-comment-form",
        "megamenu-before-and-after",
    ] {
        let with = extract(id, true);
        let without = extract(id, false);
        assert_eq!(with.text, without.text, "{id}");
        assert!(without.comments.is_empty(), "{id}");
        for c in &with.comments {
            assert!(!with.text.contains(&c.text), "{id}: {}", c.text);
        }
    }
}

#[test]
fn a_comment_form_and_a_page_without_comments_give_none() {
    assert!(
        extract("leave-a-reply-comment-form", true)
            .comments
            .is_empty()
    );
    assert!(
        extract("megamenu-before-and-after", true)
            .comments
            .is_empty()
    );
}

#[test]
fn the_cli_writes_a_comments_array_only_when_asked() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/html/reader-comments-section.html");
    let run = |extra: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_pith"))
            .arg(&path)
            .args(["--format", "json"])
            .args(extra)
            .output()
            .expect("pith runs");
        assert!(out.status.success());
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("one JSON object")
    };
    let with = run(&["--comments"]);
    let comments = with["comments"].as_array().expect("a comments array");
    assert_eq!(comments.len(), 5);
    assert_eq!(comments[0]["author"], "Harriet Oyelaran");
    assert!(run(&[]).get("comments").is_none());
}
