//! `pith eval` agrees with the reference scorer, `../shared/eval/score.py`.
//!
//! The fixture is the project's corpus plus a copy of a few corpus pages whose truths were
//! cut or padded, so that precision, recall, ROUGE and snippet counts all take values
//! other than 1. Where Python and the shared scorer are present (they are in CI, which
//! runs with `../shared` beside the clone), every corpus figure must agree within 0.001;
//! the hand-checked cases below run everywhere.

use std::path::{Path, PathBuf};
use std::process::Command;

fn pith() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pith"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `pith eval DIR --json --pred-out PRED` and returns the parsed summary.
fn eval_json(dataset: &Path, pred: &Path) -> serde_json::Value {
    let out = pith()
        .args(["eval", "--json", "--pred-out"])
        .arg(pred)
        .arg(dataset)
        .output()
        .expect("pith runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("eval --json prints JSON")
}

/// A dataset whose truths disagree with pith in known ways.
fn perturbed_dataset(dir: &Path) {
    let html = dir.join("html");
    std::fs::create_dir_all(&html).expect("temp dir");
    let truth = std::fs::read_to_string(root().join("corpus/truth.jsonl")).expect("truth");
    let mut lines = Vec::new();
    for (i, line) in truth.lines().take(8).enumerate() {
        let mut v: serde_json::Value = serde_json::from_str(line).expect("json");
        let id = v["id"].as_str().expect("id").to_string();
        std::fs::copy(
            root().join(format!("corpus/html/{id}.html")),
            html.join(format!("{id}.html")),
        )
        .expect("copy page");
        let text = v["text"].as_str().unwrap_or("").to_string();
        let changed = match i % 4 {
            // keep the first half only: pith's output has extra text (precision < 1)
            0 => text.chars().take(text.chars().count() / 2).collect(),
            // add text pith never outputs (recall < 1)
            1 => format!(
                "{text}\nThis sentence, Mr. J. Smith said, is not on the page at all. Nor is this one!"
            ),
            // empty truth: the reference leaves such pages out of recall
            2 => String::new(),
            _ => text,
        };
        v["text"] = serde_json::Value::String(changed);
        if i % 4 == 3 {
            v["with"] = serde_json::json!(["a snippet that is not on the page"]);
        }
        lines.push(v.to_string());
    }
    std::fs::write(dir.join("truth.jsonl"), lines.join("\n") + "\n").expect("write truth");
}

fn python_scores(dataset: &Path, pred: &Path) -> Option<serde_json::Value> {
    let scorer = root().join("../shared/eval/score.py");
    if !scorer.exists() {
        eprintln!(
            "skipping the Python comparison: {} not found",
            scorer.display()
        );
        return None;
    }
    let out = Command::new("python3")
        .arg(&scorer)
        .arg("--dataset")
        .arg(dataset)
        .arg("--pred")
        .arg(pred)
        .args(["--json", "--bootstrap", "0"])
        .output()
        .ok()?;
    if !out.status.success() {
        eprintln!("skipping the Python comparison: score.py failed");
        return None;
    }
    serde_json::from_slice(&out.stdout).ok()
}

fn assert_agrees(ours: &serde_json::Value, reference: &serde_json::Value) {
    for metric in ["sh", "rouge", "bow"] {
        for field in ["precision", "recall", "f1"] {
            let a = ours[metric][field].as_f64().expect("ours");
            let b = reference[metric][field].as_f64().expect("reference");
            assert!(
                (a - b).abs() <= 0.001,
                "{metric} {field}: pith eval {a} vs score.py {b}"
            );
        }
    }
    if let Some(sn) = reference.get("snippets") {
        for field in ["tp", "fp", "fn", "tn"] {
            assert_eq!(ours["snippets"][field], sn[field], "snippets {field}");
        }
    }
    assert_eq!(ours["empty"], reference["empty"]);
}

#[test]
fn eval_agrees_with_the_reference_scorer_on_the_corpus() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let pred = tmp.path().join("pred.jsonl");
    let ours = eval_json(&root().join("corpus"), &pred);
    if let Some(reference) = python_scores(&root().join("corpus"), &pred) {
        assert_agrees(&ours, &reference);
    }
}

#[test]
fn eval_agrees_with_the_reference_scorer_on_imperfect_truths() {
    let tmp = tempfile::tempdir().expect("temp dir");
    perturbed_dataset(tmp.path());
    let pred = tmp.path().join("pred.jsonl");
    let ours = eval_json(tmp.path(), &pred);
    // Hand-checked: half the truth dropped lowers precision, a foreign sentence lowers
    // recall, the missing snippet is a false negative.
    assert!(ours["sh"]["precision"].as_f64().expect("p") < 0.95);
    assert!(ours["sh"]["recall"].as_f64().expect("r") < 1.0);
    assert!(ours["snippets"]["fn"].as_u64().expect("fn") >= 2);
    if let Some(reference) = python_scores(tmp.path(), &pred) {
        assert_agrees(&ours, &reference);
    }
}

#[test]
fn eval_explains_one_page_and_lists_the_worst() {
    let out = pith()
        .args(["eval", "--worst", "3", "--explain", "very-short-article"])
        .arg(root().join("corpus"))
        .output()
        .expect("pith runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("ScrapingHub  P"), "{text}");
    assert!(text.contains("worst pages:"), "{text}");
    assert!(text.contains("blocks of very-short-article:"), "{text}");
    assert!(text.contains("KEEP"), "{text}");
}

#[test]
fn eval_reports_a_missing_dataset() {
    let out = pith()
        .args(["eval", "no-such-dataset"])
        .output()
        .expect("pith runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("truth.jsonl"));
}
