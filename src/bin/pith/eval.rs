//! `pith eval`: run pith over a labelled dataset and score it with the shared metrics.
//!
//! A dataset is a folder in the shared layout: `html/<id>.html` (page bytes) and
//! `truth.jsonl` (`{"id", "text", "with"?, "without"?, "url"?, "page_type"?}` per line; a
//! `url` is the page's address, given to the extractor as `--url` would be; `page_type`
//! adds the page-type agreement and confusion matrix to the report). The scores are computed by
//! `score.rs`, which reproduces `../shared/eval/score.py` figure for figure (ScrapingHub
//! shingle P/R/F1, ROUGE-LSum, bag of words, snippets); `tests/eval.rs` checks the agreement
//! against the Python scorer. Error analysis runs through this command: the worst pages
//! first, and `--explain ID` for every block of one page with its features, label and the
//! rule that decided it.

use crate::page::write_explanation;
use crate::score::{self, PageScore, Summary};
use crate::{Exit, Failure, describe_io};
use clap::Args;
use pith::{Extractor, Options, PageType};
use rayon::prelude::*;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub(crate) const AFTER_HELP: &str = "\
Examples:
  pith eval ../shared/datasets/scrapinghub
  pith eval corpus --worst 20 --focus precision
  pith eval ../shared/datasets/readability --explain wikipedia-2
  pith eval corpus --pred-out corpus.jsonl && python3 ../shared/eval/score.py --dataset corpus --pred corpus.jsonl

The figures equal ../shared/eval/score.py's (same metrics, same averaging).";

/// `pith eval` arguments.
#[derive(Args)]
pub(crate) struct EvalArgs {
    /// Dataset folder: html/<id>.html pages and truth.jsonl.
    #[arg(value_name = "DATASET")]
    dataset: PathBuf,
    /// How many of the worst pages (lowest ScrapingHub F1) to list.
    #[arg(long, value_name = "N", default_value_t = 10)]
    worst: usize,
    /// List every page's scores, worst first.
    #[arg(long)]
    per_page: bool,
    /// Also print every block of this page with its features, label and rule.
    #[arg(long, value_name = "ID")]
    explain: Option<String>,
    /// Write the predictions as JSON lines ({"id", "text"}), as `pith batch` would.
    #[arg(long, value_name = "FILE")]
    pred_out: Option<PathBuf>,
    /// Print the summary and per-page scores as one JSON object.
    #[arg(long)]
    json: bool,
}

struct TruthLine {
    id: String,
    text: Option<String>,
    with: Vec<String>,
    without: Vec<String>,
    has_snippets: bool,
    /// The labelled page type, when the dataset has one.
    page_type: Option<String>,
    /// The page's address, when the dataset gives it: passed on as `Options::base_url`, as
    /// `pith PAGE --url` and WARC input do.
    url: Option<String>,
}

/// Runs `pith eval`.
pub(crate) fn run(args: EvalArgs, options: Options) -> Result<Exit, Failure> {
    let truth = read_truth(&args.dataset)?;
    let extractor = Extractor::new(options);
    let html = args.dataset.join("html");
    let started = Instant::now();
    let extracted: Vec<Result<(String, PageType), String>> = truth
        .par_iter()
        .map(|t| {
            let bytes =
                fs::read(html.join(format!("{}.html", t.id))).map_err(|e| describe_io(&e))?;
            let page_extractor = t
                .url
                .as_ref()
                .map(|u| Extractor::new(extractor.options().clone().base_url(u.as_str())));
            page_extractor
                .as_ref()
                .unwrap_or(&extractor)
                .extract_bytes(&bytes, None)
                .map(|a| (a.text, a.page_type))
                .map_err(|e| e.to_string())
        })
        .collect();
    let page_types: Vec<Option<PageType>> = extracted
        .iter()
        .map(|p| p.as_ref().ok().map(|(_, t)| *t))
        .collect();
    let predictions: Vec<Result<String, String>> = extracted
        .into_iter()
        .map(|p| p.map(|(text, _)| text))
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    let pages: Vec<PageScore> = truth
        .iter()
        .zip(&predictions)
        .map(|(t, p)| {
            let pred = p.as_deref().unwrap_or("");
            score::score_page(
                &t.id,
                t.text.as_deref(),
                &t.with,
                &t.without,
                t.has_snippets,
                pred,
            )
        })
        .collect();
    let summary = score::summarize(&pages);
    if let Some(path) = &args.pred_out {
        write_predictions(path, &truth, &predictions)?;
    }
    let failed = predictions.iter().filter(|p| p.is_err()).count();
    let mut out = io::stdout().lock();
    let name = dataset_name(&args.dataset);
    let written = if args.json {
        write_json(&mut out, &name, &summary, &pages)
    } else {
        write_report(&mut out, &name, &summary, &pages, failed, seconds, &args)
            .and_then(|()| write_by_type(&mut out, &truth, &pages))
            .and_then(|()| write_page_types(&mut out, &truth, &page_types))
    };
    written.map_err(Failure::from_output)?;
    if let Some(id) = &args.explain {
        let bytes = fs::read(html.join(format!("{id}.html")))
            .map_err(|e| Failure::Message(format!("cannot read page {id}: {}", describe_io(&e))))?;
        match extractor.explain_bytes(&bytes, None) {
            Ok(why) => {
                writeln!(out, "\nblocks of {id}:")
                    .and_then(|()| write_explanation(&mut out, &why, false))
                    .map_err(Failure::from_output)?;
            }
            Err(e) => return Err(Failure::Message(format!("page {id}: {e}"))),
        }
    }
    Ok(if failed > 0 {
        Exit::PagesFailed
    } else {
        Exit::Success
    })
}

fn read_truth(dataset: &Path) -> Result<Vec<TruthLine>, Failure> {
    let path = dataset.join("truth.jsonl");
    let raw = fs::read_to_string(&path).map_err(|e| {
        Failure::Message(format!(
            "cannot read {}: {}; a dataset folder holds truth.jsonl and html/",
            path.display(),
            describe_io(&e)
        ))
    })?;
    let mut lines = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| {
            Failure::Message(format!("{} line {}: not JSON ({e})", path.display(), n + 1))
        })?;
        let Some(id) = v.get("id").and_then(|x| x.as_str()) else {
            return Err(Failure::Message(format!(
                "{} line {}: no \"id\"",
                path.display(),
                n + 1
            )));
        };
        let list = |key: &str| -> Vec<String> {
            v.get(key)
                .and_then(|x| x.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        lines.push(TruthLine {
            id: id.to_string(),
            text: v.get("text").and_then(|x| x.as_str()).map(str::to_string),
            with: list("with"),
            without: list("without"),
            has_snippets: v.get("with").is_some() || v.get("without").is_some(),
            url: v.get("url").and_then(|x| x.as_str()).map(str::to_string),
            page_type: v
                .get("page_type")
                .and_then(|x| x.as_str())
                .map(str::to_string),
        });
    }
    Ok(lines)
}

fn write_predictions(
    path: &Path,
    truth: &[TruthLine],
    predictions: &[Result<String, String>],
) -> Result<(), Failure> {
    let mut body = String::new();
    for (t, p) in truth.iter().zip(predictions) {
        let line = match p {
            Ok(text) => serde_json::json!({"id": t.id, "text": text}),
            Err(e) => serde_json::json!({"id": t.id, "text": "", "error": e}),
        };
        body.push_str(&line.to_string());
        body.push('\n');
    }
    fs::write(path, body).map_err(|e| {
        Failure::Message(format!(
            "cannot write {}: {}",
            path.display(),
            describe_io(&e)
        ))
    })
}

fn dataset_name(dataset: &Path) -> String {
    dataset
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| dataset.display().to_string())
}

/// Pages with text, worst ScrapingHub F1 first (ties: worst ROUGE).
fn worst_first(pages: &[PageScore]) -> Vec<&PageScore> {
    let mut v: Vec<&PageScore> = pages.iter().filter(|p| p.has_text).collect();
    v.sort_by(|a, b| {
        a.sh_f1
            .total_cmp(&b.sh_f1)
            .then(a.rouge_f1.total_cmp(&b.rouge_f1))
    });
    v
}

fn write_report(
    out: &mut impl Write,
    name: &str,
    s: &Summary,
    pages: &[PageScore],
    failed: usize,
    seconds: f64,
    args: &EvalArgs,
) -> io::Result<()> {
    let rate = if seconds > 0.0 {
        s.pages as f64 / seconds
    } else {
        0.0
    };
    writeln!(
        out,
        "pith on {name}: {} pages, {} empty, {failed} failed, {seconds:.2} s ({rate:.0} pages/s)",
        s.pages, s.empty
    )?;
    if s.text_pages > 0 {
        writeln!(
            out,
            "  ScrapingHub  P {:.3}  R {:.3}  F1 {:.3}  accuracy {:.3}  (mean page F1 {:.3})",
            s.sh_p, s.sh_r, s.sh_f1, s.sh_accuracy, s.sh_mean_page_f1
        )?;
        writeln!(
            out,
            "  ROUGE-LSum   P {:.3}  R {:.3}  F1 {:.3}",
            s.rouge_p, s.rouge_r, s.rouge_f1
        )?;
        writeln!(
            out,
            "  bag-of-words P {:.3}  R {:.3}  F1 {:.3}",
            s.bow_p, s.bow_r, s.bow_f1
        )?;
    }
    if let Some(sn) = &s.snippets {
        let [tp, fp, fn_, tn] = sn.counts;
        writeln!(
            out,
            "  snippets     P {:.3}  R {:.3}  F1 {:.3}  accuracy {:.3}  (tp {tp} fp {fp} fn {fn_} tn {tn})",
            sn.precision, sn.recall, sn.f1, sn.accuracy
        )?;
    }
    let ranked = worst_first(pages);
    let shown = if args.per_page {
        ranked.len()
    } else {
        args.worst.min(ranked.len())
    };
    if shown > 0 {
        writeln!(out, "worst pages:\n  sh_p   sh_r   sh_f1  rouge  id")?;
        for p in ranked.iter().take(shown) {
            writeln!(
                out,
                "  {:.3}  {:.3}  {:.3}  {:.3}  {}{}",
                p.sh_p,
                p.sh_r,
                p.sh_f1,
                p.rouge_f1,
                p.id,
                if p.empty { "  (empty)" } else { "" }
            )?;
        }
    }
    out.flush()
}

/// When the truth lines carry `page_type`: the scores per labelled type (the same figures
/// as `score.py --by page_type`, each type's pages summarised on their own), most pages
/// first, and the pages whose output is empty though their truth text is not.
fn write_by_type(out: &mut impl Write, truth: &[TruthLine], pages: &[PageScore]) -> io::Result<()> {
    let mut groups: Vec<(&str, Vec<PageScore>)> = Vec::new();
    for (t, p) in truth.iter().zip(pages) {
        let Some(label) = t.page_type.as_deref() else {
            continue;
        };
        match groups.iter_mut().find(|(l, _)| *l == label) {
            Some((_, g)) => g.push(p.clone()),
            None => groups.push((label, vec![p.clone()])),
        }
    }
    if groups.is_empty() {
        return Ok(());
    }
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    writeln!(
        out,
        "by page type:\n  {:<14} {:>5} {:>5}  {:>6} {:>7} {:>7} {:>8} {:>7}",
        "page_type", "pages", "empty", "sh_f1", "rouge_p", "rouge_r", "rouge_f1", "snippet"
    )?;
    for (label, group) in &groups {
        let s = score::summarize(group);
        let snippet = s.snippets.as_ref().map_or(0.0, |sn| sn.f1);
        writeln!(
            out,
            "  {:<14} {:>5} {:>5}  {:>6.3} {:>7.3} {:>7.3} {:>8.3} {:>7.3}",
            label, s.pages, s.empty, s.sh_f1, s.rouge_p, s.rouge_r, s.rouge_f1, snippet
        )?;
    }
    let wrongly_empty = truth
        .iter()
        .zip(pages)
        .filter(|(t, p)| p.empty && t.text.as_deref().is_some_and(|x| !x.trim().is_empty()))
        .count();
    writeln!(
        out,
        "  empty output for a non-empty truth: {wrongly_empty} pages"
    )
}

/// When the truth lines carry `page_type`: the share of pages whose detected type agrees,
/// and the confusion matrix (rows: labelled type, columns: detected type). Labels that are
/// not a pith page type get their own row and count as disagreements.
fn write_page_types(
    out: &mut impl Write,
    truth: &[TruthLine],
    detected: &[Option<PageType>],
) -> io::Result<()> {
    let labelled: Vec<(&str, PageType)> = truth
        .iter()
        .zip(detected)
        .filter_map(|(t, d)| Some((t.page_type.as_deref()?, (*d)?)))
        .collect();
    if labelled.is_empty() {
        return Ok(());
    }
    let agree = labelled
        .iter()
        .filter(|(label, d)| *label == d.as_str())
        .count();
    writeln!(
        out,
        "page type: {agree} of {} agree ({:.1}%)",
        labelled.len(),
        100.0 * agree as f64 / labelled.len() as f64
    )?;
    // Rows in order of the labels' frequency, then any pith type never labelled.
    let mut rows: Vec<(&str, usize)> = Vec::new();
    for (label, _) in &labelled {
        match rows.iter_mut().find(|(l, _)| l == label) {
            Some(row) => row.1 += 1,
            None => rows.push((label, 1)),
        }
    }
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let columns: Vec<PageType> = PageType::ALL.to_vec();
    write!(out, "  {:<14}", "truth \\ pith")?;
    for c in &columns {
        write!(out, " {:>6}", abbreviate(c.as_str()))?;
    }
    writeln!(out, "  recall")?;
    for (label, total) in &rows {
        write!(out, "  {label:<14}")?;
        for c in &columns {
            let n = labelled
                .iter()
                .filter(|(l, d)| l == label && d == c)
                .count();
            write!(out, " {n:>6}")?;
        }
        let hit = labelled
            .iter()
            .filter(|(l, d)| l == label && d.as_str() == *label)
            .count();
        writeln!(out, "  {:.2}", hit as f64 / *total as f64)?;
    }
    Ok(())
}

/// The first six letters of a page type, for the matrix columns.
fn abbreviate(name: &str) -> &str {
    name.get(..6).unwrap_or(name)
}

fn write_json(
    out: &mut impl Write,
    name: &str,
    s: &Summary,
    pages: &[PageScore],
) -> io::Result<()> {
    let per_page: Vec<serde_json::Value> = pages
        .iter()
        .map(|p| {
            serde_json::json!({
                "id": p.id, "empty": p.empty,
                "sh_p": score::round6(p.sh_p), "sh_r": score::round6(p.sh_r),
                "sh_f1": score::round6(p.sh_f1),
                "rouge_p": score::round6(p.rouge_p), "rouge_r": score::round6(p.rouge_r),
                "rouge_f1": score::round6(p.rouge_f1),
                "bow_f1": score::round6(p.bow_f1),
                "snippets_tp_fp_fn_tn": p.snippets,
            })
        })
        .collect();
    let mut v = serde_json::json!({
        "dataset": name,
        "pages": s.pages,
        "empty": s.empty,
        "sh": {"precision": s.sh_p, "recall": s.sh_r, "f1": s.sh_f1,
               "accuracy": s.sh_accuracy, "mean_page_f1": s.sh_mean_page_f1},
        "rouge": {"precision": s.rouge_p, "recall": s.rouge_r, "f1": s.rouge_f1},
        "bow": {"precision": s.bow_p, "recall": s.bow_r, "f1": s.bow_f1},
        "per_page": per_page,
    });
    if let Some(sn) = &s.snippets {
        v["snippets"] = serde_json::json!({
            "precision": sn.precision, "recall": sn.recall, "f1": sn.f1, "accuracy": sn.accuracy,
            "tp": sn.counts[0], "fp": sn.counts[1], "fn": sn.counts[2], "tn": sn.counts[3],
        });
    }
    writeln!(out, "{v}")?;
    out.flush()
}
