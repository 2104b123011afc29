//! Content fingerprints: the same story syndicated on two sites with different boilerplate
//! is a few bits apart (none, when pith extracts both copies exactly); different stories are
//! far apart.
//!
//! Pages: `corpus/html/syndicated-story-regional-site.html` and
//! `corpus/html/syndicated-story-portal-copy.html` carry the same invented wire story in a
//! WordPress news site and in a portal (menus, ads, sidebar, comments); every other corpus
//! page is a different story.

use std::path::Path;

fn article(id: &str) -> pith::Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("corpus/html/{id}.html"));
    pith::extract_bytes(&std::fs::read(path).expect("corpus page"), None).expect("extracts")
}

const REGIONAL: &str = "syndicated-story-regional-site";
const PORTAL: &str = "syndicated-story-portal-copy";

#[test]
fn the_same_story_on_two_sites_differs_in_at_most_three_bits() {
    let (a, b) = (article(REGIONAL), article(PORTAL));
    assert!(a.text.len() > 1000 && b.text.len() > 1000);
    let d = a.fingerprint_distance(&b);
    println!("syndicated pair: {d} bits");
    assert!(d <= 3, "{d} bits apart");
}

#[test]
fn different_stories_differ_in_at_least_twenty_bits() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/html");
    let story = [article(REGIONAL), article(PORTAL)];
    let mut others = Vec::new();
    for entry in std::fs::read_dir(dir).expect("corpus/html") {
        let id = entry
            .expect("entry")
            .path()
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        if id != REGIONAL && id != PORTAL {
            others.push((id.clone(), article(&id)));
        }
    }
    let mut closest = u32::MAX;
    for (id, other) in others.iter().filter(|(_, a)| !a.is_empty()) {
        for s in &story {
            let d = s.fingerprint_distance(other);
            closest = closest.min(d);
            assert!(d >= 20, "{id}: only {d} bits from the syndicated story");
        }
    }
    // For the record: the closest pair of different stories anywhere in the corpus.
    let mut min_pair = u32::MAX;
    for (i, (_, a)) in others.iter().enumerate() {
        for (_, b) in others.iter().skip(i + 1) {
            if !a.is_empty() && !b.is_empty() {
                min_pair = min_pair.min(a.fingerprint_distance(b));
            }
        }
    }
    println!(
        "syndicated story vs {} other pages: closest {closest} bits; closest pair of other pages: {min_pair} bits",
        others.len()
    );
    assert!(others.len() >= 45);
}

#[test]
fn an_empty_article_has_fingerprint_zero() {
    // A page whose script would draw it: no text at all.
    let a = pith::extract(
        "<html><head><title>Loading</title></head><body><div id='app'></div>\
         <script>render(document.getElementById('app'));</script></body></html>",
    );
    assert!(a.is_empty(), "{:?}", a.text);
    assert_eq!(a.fingerprint, 0);
}

/// Replaces every 40th word of a text with a made-up one.
fn edit_every_40th_word(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    (0..words.len())
        .step_by(40)
        .map(|i| {
            let mut w = words.clone();
            w[i] = "zzquux";
            w.join(" ")
        })
        .collect()
}

#[test]
fn one_edited_word_moves_a_few_bits_on_average() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/html");
    let (mut total, mut edits, mut worst) = (0u64, 0u64, 0u32);
    for entry in std::fs::read_dir(dir).expect("corpus/html") {
        let id = entry
            .expect("entry")
            .path()
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let a = article(&id);
        if a.text.split_whitespace().count() < 200 {
            continue;
        }
        for edited in edit_every_40th_word(&a.text) {
            let b =
                pith::Extractor::default().extract(&format!("<article><p>{edited}</p></article>"));
            let d = a.fingerprint_distance(&b);
            total += u64::from(d);
            edits += 1;
            worst = worst.max(d);
        }
    }
    let mean = total as f64 / edits as f64;
    println!("one edited word: mean {mean:.2} bits, worst {worst} over {edits} edits");
    assert!(edits >= 100);
    assert!(mean <= 4.0, "mean {mean:.2}");
}
