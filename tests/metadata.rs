//! Metadata agreement with Readability.js on the shared `readability` dataset.
//!
//! The dataset's `truth.jsonl` carries Readability.js's expected `title`, `byline`, `date`
//! (its `publishedTime`) and `lang` for each page. This test extracts every page and prints
//! the agreement table; it fails when title agreement drops under 77% of pages, byline
//! agreement under 85% or date agreement under 93% of the pages whose truth has one.
//!
//! What "agree" means here (Readability.js's output is the truth, so the comparison is as
//! strict as its output allows):
//! * title and byline: equal strings after collapsing white space (Readability keeps line
//!   breaks from the page in DOM bylines); case and punctuation must match;
//! * date: the same calendar day, and, when both sides give a time, the same hour and minute
//!   (pith writes ISO 8601, Readability passes the page's string through: `+0100` vs
//!   `+01:00`, `.000Z` vs `Z`);
//! * lang: equal ignoring case (`en-us` vs `en-US`); only pages whose truth has one count.
//!
//! The dataset is read from `$PITH_READABILITY_DIR`, else `../shared/datasets/readability`
//! beside the repository; the test passes with a note when neither exists.
//!
//! Run: `cargo test --release --test metadata -- --nocapture`.

use std::path::PathBuf;

fn dataset() -> Option<PathBuf> {
    let dir = std::env::var_os("PITH_READABILITY_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets/readability")
        });
    dir.join("truth.jsonl").is_file().then_some(dir)
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// (day, hour:minute) of a date string that starts `YYYY-MM-DD`.
fn day_and_time(s: &str) -> Option<(String, Option<String>)> {
    let s = s.trim();
    let day = s.get(..10)?.to_string();
    let ok = day.len() == 10 && day.as_bytes().get(4) == Some(&b'-');
    let time = s
        .get(11..16)
        .filter(|t| t.as_bytes().get(2) == Some(&b':'))
        .map(str::to_string);
    ok.then_some((day, time))
}

fn same_date(truth: &str, ours: &str) -> bool {
    match (day_and_time(truth), day_and_time(ours)) {
        (Some((d1, t1)), Some((d2, t2))) => d1 == d2 && (t1.is_none() || t2.is_none() || t1 == t2),
        _ => norm(truth) == norm(ours),
    }
}

#[derive(Default)]
struct Tally {
    agree: usize,
    total: usize,
    misses: Vec<String>,
}

impl Tally {
    fn add(&mut self, id: &str, ok: bool, truth: &str, ours: Option<&str>) {
        self.total += 1;
        if ok {
            self.agree += 1;
        } else {
            self.misses
                .push(format!("  {id}: truth {truth:?}, pith {ours:?}"));
        }
    }

    fn share(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.agree as f64 / self.total as f64
        }
    }
}

#[test]
fn metadata_agrees_with_readability_on_its_dataset() {
    let Some(dir) = dataset() else {
        eprintln!("readability dataset not found; set PITH_READABILITY_DIR to measure");
        return;
    };
    let truth = std::fs::read_to_string(dir.join("truth.jsonl")).expect("truth.jsonl readable");
    let (mut title, mut byline, mut date, mut lang) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    for line in truth.lines().filter(|l| !l.trim().is_empty()) {
        let t: serde_json::Value = serde_json::from_str(line).expect("truth line is JSON");
        let id = t["id"].as_str().expect("id");
        let bytes = std::fs::read(dir.join("html").join(format!("{id}.html"))).expect("page");
        let a = pith::extract_bytes(&bytes, None).expect("page extracts");
        let m = &a.metadata;
        let field = |k: &str| t[k].as_str().map(norm).filter(|s| !s.is_empty());
        let truth_title = field("title").unwrap_or_default();
        let ours = m.title.as_deref().map(norm);
        title.add(
            id,
            ours.as_deref().unwrap_or("") == truth_title,
            &truth_title,
            ours.as_deref(),
        );
        if let Some(want) = field("byline") {
            let ours = m.byline.as_deref().map(norm);
            // Readability.js keeps the label ("By Ana Sandoiu"); pith gives the name alone
            // (issue 14), so the truth counts with its "By" label removed too.
            let bare = ["By: ", "By ", "by "]
                .iter()
                .find_map(|l| want.strip_prefix(l))
                .unwrap_or(&want);
            byline.add(
                id,
                ours.as_deref() == Some(want.as_str()) || ours.as_deref() == Some(bare),
                &want,
                ours.as_deref(),
            );
        }
        if let Some(want) = field("date") {
            let ours = m.published.as_deref();
            date.add(id, ours.is_some_and(|o| same_date(&want, o)), &want, ours);
        }
        if let Some(want) = field("lang") {
            let ours = m.language.as_deref();
            lang.add(
                id,
                ours.is_some_and(|o| o.eq_ignore_ascii_case(&want)),
                &want,
                ours,
            );
        }
    }
    println!("field    agree / pages   share");
    for (name, t) in [
        ("title", &title),
        ("byline", &byline),
        ("date", &date),
        ("lang", &lang),
    ] {
        println!(
            "{name:<8} {:>5} / {:<5}  {:>5.1}%",
            t.agree,
            t.total,
            100.0 * t.share()
        );
    }
    for (name, t) in [
        ("title", &title),
        ("byline", &byline),
        ("date", &date),
        ("lang", &lang),
    ] {
        println!("{name} misses:\n{}", t.misses.join("\n"));
    }
    // Issue 14 made the title the visible headline (the h1 that agrees with the stated
    // titles, else the stated title without its brand part); Readability.js gives `og:title`
    // or `<title>` with the site suffix ("How to Build a Terrarium | eHow"), so about a
    // fifth of the pages now differ on purpose. The floors are just under what issue 14's
    // third round measured (title 101/130, byline 65/76, date 31/33) and guard against drift.
    assert!(
        title.share() >= 0.77,
        "title agreement {:.3}",
        title.share()
    );
    assert!(
        byline.share() >= 0.85,
        "byline agreement {:.3}",
        byline.share()
    );
    assert!(date.share() >= 0.93, "date agreement {:.3}", date.share());
}

#[test]
fn date_comparison_is_by_day_and_minute() {
    assert!(same_date(
        "2021-11-01T10:52:50+0100",
        "2021-11-01T10:52:50+01:00"
    ));
    assert!(same_date("2024-06-25", "2024-06-25T08:00:00Z"));
    assert!(!same_date("2024-06-25T09:00", "2024-06-25T08:00:00Z"));
    assert!(!same_date("2024-06-25", "2024-06-26"));
}

#[test]
fn corpus_titles_are_the_headlines() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let truth = std::fs::read_to_string(dir.join("truth.jsonl")).expect("corpus truth");
    let mut misses = Vec::new();
    let mut total = 0;
    for line in truth.lines().filter(|l| !l.trim().is_empty()) {
        let t: serde_json::Value = serde_json::from_str(line).expect("truth line is JSON");
        let id = t["id"].as_str().expect("id");
        let want = norm(t["title"].as_str().unwrap_or(""));
        if want.is_empty() {
            continue;
        }
        total += 1;
        let bytes = std::fs::read(dir.join("html").join(format!("{id}.html"))).expect("page");
        let a = pith::extract_bytes(&bytes, None).expect("page extracts");
        if norm(&a.title) != want {
            misses.push(format!("{id}: {want:?} vs {:?}", a.title));
        }
    }
    // Every corpus headline is an <h1> (or styled div) that the page's <title> or og:title
    // holds with a site name beside it.
    assert!(
        misses.len() * 20 <= total,
        "{} of {total} titles differ:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

/// The corpus pages that pin a metadata rule (issue 14) carry `byline`, `published` and
/// `modified` in their truth line; each must come out exactly.
#[test]
fn corpus_bylines_and_dates_are_exact() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let truth = std::fs::read_to_string(dir.join("truth.jsonl")).expect("corpus truth");
    let mut checked = 0;
    let mut misses = Vec::new();
    for line in truth.lines().filter(|l| !l.trim().is_empty()) {
        let t: serde_json::Value = serde_json::from_str(line).expect("truth line is JSON");
        let id = t["id"].as_str().expect("id");
        let bytes = std::fs::read(dir.join("html").join(format!("{id}.html"))).expect("page");
        let m = pith::extract_bytes(&bytes, None)
            .expect("page extracts")
            .metadata;
        for (field, ours) in [
            ("byline", &m.byline),
            ("published", &m.published),
            ("modified", &m.modified),
        ] {
            if let Some(want) = t[field].as_str() {
                checked += 1;
                if ours.as_deref() != Some(want) {
                    misses.push(format!("{id} {field}: {want:?} vs {ours:?}"));
                }
            }
        }
    }
    assert!(checked >= 8, "only {checked} corpus metadata values");
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}
