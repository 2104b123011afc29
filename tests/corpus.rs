//! Golden tests over `corpus/`: every page is discovered, extracted, and checked against its
//! truth line — must-include snippets present, must-exclude snippets absent, and the
//! ScrapingHub shingle F1 against the expected text above a floor.
//!
//! Floors (the corpus is written to be clean, so they sit close to what pith reaches):
//! * every page: F1 ≥ [`PAGE_F1_FLOOR`];
//! * mean over the corpus: F1 ≥ [`MEAN_F1_FLOOR`].

use std::collections::HashMap;
use std::path::Path;

/// Lowest F1 any single corpus page may score.
const PAGE_F1_FLOOR: f64 = 0.85;
/// Lowest mean F1 over the corpus.
const MEAN_F1_FLOOR: f64 = 0.97;

struct Truth {
    id: String,
    text: String,
    with: Vec<String>,
    without: Vec<String>,
}

fn load_truth() -> Vec<Truth> {
    let raw =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/truth.jsonl"))
            .expect("corpus/truth.jsonl is readable");
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("truth line is JSON");
            let list = |k: &str| -> Vec<String> {
                v[k].as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|s| s.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            Truth {
                id: v["id"].as_str().expect("id").to_string(),
                text: v["text"].as_str().unwrap_or("").to_string(),
                with: list("with"),
                without: list("without"),
            }
        })
        .collect()
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `\w+` tokens (letters, digits, underscore), as the ScrapingHub metric tokenises.
fn tokens(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Multiset of 4-token shingles (a shorter text is one shingle).
fn shingles(s: &str) -> HashMap<Vec<&str>, usize> {
    let t = tokens(s);
    let mut m = HashMap::new();
    if t.is_empty() {
        return m;
    }
    if t.len() < 4 {
        *m.entry(t).or_insert(0) += 1;
        return m;
    }
    for w in t.windows(4) {
        *m.entry(w.to_vec()).or_insert(0) += 1;
    }
    m
}

/// Per-page ScrapingHub F1 (1.0 when both texts are empty).
fn sh_f1(truth: &str, pred: &str) -> f64 {
    let (t, p) = (shingles(truth), shingles(pred));
    let tp: usize = t
        .iter()
        .map(|(k, n)| (*n).min(*p.get(k).unwrap_or(&0)))
        .sum();
    let (nt, np): (usize, usize) = (t.values().sum(), p.values().sum());
    if nt == 0 && np == 0 {
        return 1.0;
    }
    if tp == 0 {
        return 0.0;
    }
    let (precision, recall) = (tp as f64 / np as f64, tp as f64 / nt as f64);
    2.0 * precision * recall / (precision + recall)
}

#[test]
fn every_corpus_page_has_its_snippets_and_clears_the_f1_floor() {
    let truths = load_truth();
    assert!(truths.len() >= 30, "corpus has {} pages", truths.len());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/html");
    let mut failures = Vec::new();
    let mut sum = 0.0;
    for t in &truths {
        let bytes = std::fs::read(dir.join(format!("{}.html", t.id))).expect("page exists");
        let article = pith::extract_bytes(&bytes, None).expect("page extracts");
        let text = norm(&article.text);
        for w in &t.with {
            if !text.contains(&norm(w)) {
                failures.push(format!("{}: missing {w:?}", t.id));
            }
        }
        for w in &t.without {
            if text.contains(&norm(w)) {
                failures.push(format!("{}: kept boilerplate {w:?}", t.id));
            }
        }
        let f1 = sh_f1(&t.text, &article.text);
        if f1 < PAGE_F1_FLOOR {
            failures.push(format!("{}: F1 {f1:.3} below {PAGE_F1_FLOOR}", t.id));
        }
        sum += f1;
    }
    let mean = sum / truths.len() as f64;
    if mean < MEAN_F1_FLOOR {
        failures.push(format!("mean F1 {mean:.3} below {MEAN_F1_FLOOR}"));
    }
    assert!(
        failures.is_empty(),
        "{} corpus failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_corpus_page_has_a_truth_line() {
    let truths = load_truth();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/html");
    let mut pages: Vec<String> = std::fs::read_dir(dir)
        .expect("corpus/html exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.path()
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
        })
        .collect();
    pages.sort();
    let mut ids: Vec<String> = truths.iter().map(|t| t.id.clone()).collect();
    ids.sort();
    assert_eq!(pages, ids);
}

#[test]
fn the_shingle_f1_matches_hand_counts() {
    assert_eq!(sh_f1("", ""), 1.0);
    assert_eq!(sh_f1("one two three four", "one two three four"), 1.0);
    // truth: 2 shingles; prediction: 3 shingles, 2 shared -> P 2/3, R 1
    let f = sh_f1("a b c d e", "a b c d e f");
    assert!((f - 0.8).abs() < 1e-9, "{f}");
    assert_eq!(sh_f1("a b c d", ""), 0.0);
}

/// The page type of corpus pages: the section front is a listing, the docs pages are
/// documentation, the shop page is a product, the thread is a forum, and every other page (news stories, blog posts, features) is an article.
#[test]
fn corpus_pages_get_their_page_type() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/html");
    let expected = |id: &str| match id {
        "listing-page-no-article" => pith::PageType::Listing,
        "documentation-section-slug-ids"
        | "documentation-reference-table-linked-names-and-code" => pith::PageType::Documentation,
        "product-description-and-specs-in-hidden-tab-panels" => pith::PageType::Product,
        "forum-thread-noscript-crawler-view" => pith::PageType::Forum,
        _ => pith::PageType::Article,
    };
    for t in load_truth() {
        let html = std::fs::read(dir.join(format!("{}.html", t.id))).expect("corpus page");
        let article = pith::Extractor::default()
            .extract_bytes(&html, None)
            .expect("corpus page extracts");
        assert_eq!(article.page_type, expected(&t.id), "{}", t.id);
    }
}
