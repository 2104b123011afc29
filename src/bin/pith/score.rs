//! Scoring of extracted main-content text against a dataset's ground truth.
//!
//! This is a port of the reference scorer `eval/score.py` (standard-library Python) and
//! reproduces its per-page and corpus figures, except the bootstrap intervals:
//!
//! * **sh** — the ScrapingHub article-extraction-benchmark metric: Python `re` `\w+`
//!   tokens, multisets of 4-token shingles (1-3 tokens make one short shingle), per-page
//!   tp/fp/fn divided by tp+fp+fn, the reference's per-page precision/recall special
//!   cases, corpus precision = mean over pages with tp+fp > 0, corpus recall = mean over
//!   pages with tp+fn > 0, F1 = harmonic mean of the two means; plus accuracy (identical
//!   token lists) and the mean of per-page F1s.
//! * **rouge** — ROUGE-LSum (rouge_score's `rougeLsum` with a whitespace tokenizer, as in
//!   Bevendorff et al. 2023) with the `punkt-approx` sentence splitter, rouge_score's LCS
//!   backtracking reproduced index for index (bit-parallel LCS rows, Hyyrö 2004, in u64
//!   blocks), the union-LCS hit counting and the empty-text rules.
//! * **bow** — bag of whitespace tokens, same empty-text rules.
//! * **snippets** — trafilatura-style "with"/"without" snippet counts, summed.
//!
//! Like the reference, corpus ROUGE/bag-of-words figures and the sh mean page F1 are
//! means of the per-page values rounded to 6 decimals (Python `round(x, 6)`, see
//! [`round6`]); sums are plain left-to-right sums like Python 3.11's `sum`.
//!
//! Python string semantics are reproduced exactly for the Python the reference was
//! checked with (3.11, Unicode 14.0): `\w` (= `str.isalnum()` or `_`, i.e. general
//! categories L* and N*), `\d` (Nd), `str.isspace()`/`str.split()`/`\s`
//! ([`is_py_space`], which unlike Rust's `char::is_whitespace` includes U+001C..U+001F),
//! `str.islower()` (the Lowercase property) and `str.lower()`. Character classes are
//! restricted to code points assigned by Unicode 14.0 ([`PY_UNICODE_AGE`]) so that
//! characters added later are treated as Python 3.11 treats them (a newer Python, with a
//! newer Unicode, would differ from 3.11 on those characters only). `str.lower()` is
//! Rust's `to_lowercase`; it differs from Python 3.11 only on case pairs added after
//! Unicode 14.0, never with an ASCII result, so it cannot change the abbreviation test
//! (the only use). Python 3.12+ `sum()` compensates rounding; 3.11's does not, and
//! neither does this port (a difference of a few ulps at most).
//!
//! Agreement is verified outside the repository by a scratch crate (`/tmp/scorer-check`)
//! that includes this file, scores prediction files (truth itself, dropped, shuffled and
//! duplicated paragraphs, added noise, word edits, crude tag-stripped HTML, empty,
//! blank, missing and duplicated-id pages, random text over awkward characters) on the
//! scrapinghub and readability datasets and small synthetic ones, and compares every
//! corpus and per-page figure with `score.py --json --bootstrap 0` and with the
//! unrounded values of the Python functions (all equal); it also compares `\w`, `\d`,
//! `isspace`, `islower`, the initial and number patterns with Python's on every Unicode
//! scalar value (no difference) and `_breaks_after` on every token pair of those texts.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use regex::Regex;

/// Tokens per shingle in the ScrapingHub metric (the reference's `ngram_n`).
const SH_SHINGLE: usize = 4;

/// Unicode version of the Python (3.11) whose `re`/`str` behaviour is reproduced; the
/// character classes below only contain code points assigned in this version or earlier.
pub(crate) const PY_UNICODE_AGE: &str = "14.0";

/// Python `\w+` on `str`: runs of characters that are `isalnum()` (general categories L*
/// and N* in Unicode 14.0) or `_`.
static SH_TOKEN: LazyLock<Regex> = LazyLock::new(|| age_regex(r"[\p{L}\p{N}_&&\p{Age=AGE}]+"));

/// Python `[^\W\d_]$` applied with `re.match`: a whole string of one letter-or-number
/// that is neither a decimal digit nor `_` (a one-letter initial such as "J").
static INITIAL: LazyLock<Regex> =
    LazyLock::new(|| age_regex(r"^[\p{L}\p{N}&&[^\p{Nd}]&&\p{Age=AGE}]$"));

/// Python `\d[\d,.]*$` applied with `re.match` (`\d` is general category Nd).
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| age_regex(r"^[\p{Nd}&&\p{Age=AGE}][[\p{Nd}&&\p{Age=AGE}],.]*$"));

/// Python `s[:1].islower()`: the first character has the Lowercase property. Five
/// modifier letters (U+10FC, U+A7F2..U+A7F4, U+AB69) only became Lowercase after
/// Unicode 14.0 and are taken out.
static LOWER_START: LazyLock<Regex> = LazyLock::new(|| {
    age_regex(r"^[\p{Lowercase}&&\p{Age=AGE}--[\x{10FC}\x{A7F2}-\x{A7F4}\x{AB69}]]")
});

/// Compiles one of the constant patterns above, `AGE` standing for [`PY_UNICODE_AGE`].
fn age_regex(pattern: &str) -> Regex {
    Regex::new(&pattern.replace("AGE", PY_UNICODE_AGE)).expect("constant pattern compiles")
}

/// Abbreviations after which `punkt-approx` does not break (the reference's
/// `PUNKT_APPROX_ABBREVIATIONS`, lower case, without the final period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "rev", "hon", "st", "sr", "jr", "gen", "col", "lt",
    "sgt", "capt", "cmdr", "maj", "adm", "gov", "sen", "rep", "pres", "supt", "det", "insp",
    "corp", "inc", "co", "ltd", "llc", "bros", "dept", "univ", "assn", "ave", "blvd", "rd", "mt",
    "ft", "no", "nos", "vol", "vols", "fig", "figs", "pp", "ed", "eds", "approx", "est", "vs",
    "etc", "cf", "al", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "u.s.a", "d.c", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "ala", "ariz", "ark", "calif", "colo",
    "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn",
    "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash",
    "wis", "wyo",
];

/// Closing quotes and brackets that may follow a sentence-final `.`, `?` or `!`.
const CLOSERS: &[char] = &['\'', '"', '’', '”', ')', ']', '}', '»'];

/// Opening quotes and brackets stripped from the front of a token before the checks.
const OPENERS: &[char] = &['\'', '"', '‘', '“', '(', '[', '{', '«'];

/// Scores of one page, unrounded (the reference's JSON rounds them with [`round6`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PageScore {
    /// Page id (the truth record's `id`).
    pub(crate) id: String,
    /// Whether the truth record has a `text`; if not, every text metric below is 0 and
    /// the page is left out of the text metrics of [`summarize`].
    pub(crate) has_text: bool,
    /// ScrapingHub tp, fp, fn of the shingle multisets, divided by tp+fp+fn (all 0 when
    /// both texts have no shingle).
    pub(crate) sh_tp_fp_fn: [f64; 3],
    /// ScrapingHub page precision.
    pub(crate) sh_p: f64,
    /// ScrapingHub page recall.
    pub(crate) sh_r: f64,
    /// Harmonic mean of `sh_p` and `sh_r`.
    pub(crate) sh_f1: f64,
    /// Whether the `\w+` token lists of truth and prediction are identical.
    pub(crate) sh_exact: bool,
    /// ROUGE-LSum precision.
    pub(crate) rouge_p: f64,
    /// ROUGE-LSum recall.
    pub(crate) rouge_r: f64,
    /// ROUGE-LSum F1.
    pub(crate) rouge_f1: f64,
    /// Bag-of-words precision.
    pub(crate) bow_p: f64,
    /// Bag-of-words recall.
    pub(crate) bow_r: f64,
    /// Bag-of-words F1.
    pub(crate) bow_f1: f64,
    /// Snippet tp, fp, fn, tn when the truth record has "with"/"without" lists.
    pub(crate) snippets: Option<[usize; 4]>,
    /// Whether the prediction is empty or whitespace only.
    pub(crate) empty: bool,
}

/// Corpus snippet scores (counts summed over pages, then the ratios).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SnippetSummary {
    /// tp / (tp + fp), 0 when undefined.
    pub(crate) precision: f64,
    /// tp / (tp + fn), 0 when undefined.
    pub(crate) recall: f64,
    /// (tp + tn) / all, 0 when undefined.
    pub(crate) accuracy: f64,
    /// 2tp / (2tp + fp + fn), 0 when undefined.
    pub(crate) f1: f64,
    /// Summed tp, fp, fn, tn.
    pub(crate) counts: [usize; 4],
}

/// Corpus scores of a set of pages, as `score.py` reports them (bootstrap excluded).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Summary {
    /// Number of pages.
    pub(crate) pages: usize,
    /// Pages whose prediction is empty or whitespace only.
    pub(crate) empty: usize,
    /// Pages with a truth text (the pages the text metrics average over); when 0 the
    /// text metrics are all 0 and `score.py` would leave them out.
    pub(crate) text_pages: usize,
    /// ScrapingHub corpus precision (mean over pages with tp+fp > 0).
    pub(crate) sh_p: f64,
    /// ScrapingHub corpus recall (mean over pages with tp+fn > 0).
    pub(crate) sh_r: f64,
    /// Harmonic mean of `sh_p` and `sh_r`.
    pub(crate) sh_f1: f64,
    /// Share of pages whose `\w+` token lists are identical.
    pub(crate) sh_accuracy: f64,
    /// Mean of the per-page sh F1s (each rounded to 6 decimals, as the reference does).
    pub(crate) sh_mean_page_f1: f64,
    /// Pages in the sh precision mean.
    pub(crate) sh_pages_in_precision: usize,
    /// Pages in the sh recall mean.
    pub(crate) sh_pages_in_recall: usize,
    /// Mean ROUGE-LSum precision (of the 6-decimal page values).
    pub(crate) rouge_p: f64,
    /// Mean ROUGE-LSum recall (of the 6-decimal page values).
    pub(crate) rouge_r: f64,
    /// Mean ROUGE-LSum F1 (of the 6-decimal page values).
    pub(crate) rouge_f1: f64,
    /// Mean bag-of-words precision (of the 6-decimal page values).
    pub(crate) bow_p: f64,
    /// Mean bag-of-words recall (of the 6-decimal page values).
    pub(crate) bow_r: f64,
    /// Mean bag-of-words F1 (of the 6-decimal page values).
    pub(crate) bow_f1: f64,
    /// Snippet scores, when any page has snippet lists.
    pub(crate) snippets: Option<SnippetSummary>,
}

/// Scores one page.
///
/// `truth` is the record's `text` (`None` for snippet-only records), `with`/`without`
/// its snippet lists, `has_snippets` whether the record has either key, and `pred` the
/// predicted text ("" for a missing prediction).
pub(crate) fn score_page(
    id: &str,
    truth: Option<&str>,
    with: &[String],
    without: &[String],
    has_snippets: bool,
    pred: &str,
) -> PageScore {
    let mut page = PageScore {
        id: id.to_string(),
        has_text: truth.is_some(),
        sh_tp_fp_fn: [0.0; 3],
        sh_p: 0.0,
        sh_r: 0.0,
        sh_f1: 0.0,
        sh_exact: false,
        rouge_p: 0.0,
        rouge_r: 0.0,
        rouge_f1: 0.0,
        bow_p: 0.0,
        bow_r: 0.0,
        bow_f1: 0.0,
        snippets: None,
        empty: is_blank(pred),
    };
    if let Some(gold) = truth {
        let gold_tokens = sh_tokens(gold);
        let pred_tokens = sh_tokens(pred);
        let counts = sh_counts(&gold_tokens, &pred_tokens);
        page.sh_tp_fp_fn = counts;
        page.sh_p = sh_page_precision(counts);
        page.sh_r = sh_page_recall(counts);
        page.sh_f1 = harmonic(page.sh_p, page.sh_r);
        page.sh_exact = gold_tokens == pred_tokens;
        (page.rouge_p, page.rouge_r, page.rouge_f1) = rouge_page(gold, pred);
        (page.bow_p, page.bow_r, page.bow_f1) = bow_page(gold, pred);
    }
    if has_snippets {
        page.snippets = Some(snippet_counts(with, without, pred));
    }
    page
}

/// Corpus figures over `pages`, computed as `score.py` computes them.
pub(crate) fn summarize(pages: &[PageScore]) -> Summary {
    let text: Vec<&PageScore> = pages.iter().filter(|p| p.has_text).collect();
    let counts: Vec<[f64; 3]> = text.iter().map(|p| p.sh_tp_fp_fn).collect();
    let (sh_p, sh_r, sh_f1) = sh_corpus(&counts);
    let exact = text.iter().filter(|p| p.sh_exact).count();
    let rounded_mean = |f: fn(&PageScore) -> f64| mean(text.iter().map(|p| round6(f(p))));
    let snippet_rows: Vec<[usize; 4]> = pages.iter().filter_map(|p| p.snippets).collect();
    Summary {
        pages: pages.len(),
        empty: pages.iter().filter(|p| p.empty).count(),
        text_pages: text.len(),
        sh_p,
        sh_r,
        sh_f1,
        sh_accuracy: ratio(exact, text.len()),
        sh_mean_page_f1: rounded_mean(|p| p.sh_f1),
        sh_pages_in_precision: counts.iter().filter(|c| c[0] + c[1] > 0.0).count(),
        sh_pages_in_recall: counts.iter().filter(|c| c[0] + c[2] > 0.0).count(),
        rouge_p: rounded_mean(|p| p.rouge_p),
        rouge_r: rounded_mean(|p| p.rouge_r),
        rouge_f1: rounded_mean(|p| p.rouge_f1),
        bow_p: rounded_mean(|p| p.bow_p),
        bow_r: rounded_mean(|p| p.bow_r),
        bow_f1: rounded_mean(|p| p.bow_f1),
        snippets: (!snippet_rows.is_empty()).then(|| snippet_corpus(&snippet_rows)),
    }
}

/// Python's `round(x, 6)`: the nearest double to `x` correctly rounded to 6 decimals,
/// ties to even on the exact binary value (Rust's `{:.6}` formatting rounds the same way).
pub(crate) fn round6(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    format!("{x:.6}").parse().unwrap_or(x)
}

// --- shared helpers -------------------------------------------------------------------

/// Python `str.isspace()` for one character, which is what `str.split()`, `str.strip()`
/// and `re`'s `\s` use: bidirectional class WS, B or S, or general category Zs.
pub(crate) fn is_py_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\u{1c}'..='\u{20}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Python `text.split()`: the runs of non-whitespace characters.
fn py_split(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_py_space).filter(|s| !s.is_empty())
}

/// Python `not text.strip()`.
fn is_blank(text: &str) -> bool {
    text.chars().all(is_py_space)
}

/// The reference's `_harmonic`: 2pr / (p + r), 0 when p + r is 0.
fn harmonic(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// The reference's `_mean`: left-to-right sum divided by the count, 0 for no values.
fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// `num / den` as Python's true division of two ints, 0 when `den` is 0.
fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// FxHash-style hasher: fast, not DoS-resistant (keys are page text hashed in-process).
#[derive(Default, Clone, Copy)]
struct FastHasher(u64);

impl FastHasher {
    /// Mixes one word into the state.
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// Hash map with [`FastHasher`].
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Counts of each distinct item (Python's `Counter`).
fn counter<'a, K: std::hash::Hash + Eq + ?Sized>(
    items: impl Iterator<Item = &'a K>,
) -> FastMap<&'a K, usize> {
    let mut map = FastMap::default();
    map.reserve(items.size_hint().0);
    for item in items {
        *map.entry(item).or_insert(0) += 1;
    }
    map
}

/// Size of the multiset intersection of two counters (`sum((a & b).values())`).
fn overlap<K: std::hash::Hash + Eq + ?Sized>(
    a: &FastMap<&K, usize>,
    b: &FastMap<&K, usize>,
) -> usize {
    a.iter()
        .map(|(k, &na)| na.min(b.get(k).copied().unwrap_or(0)))
        .sum()
}

// --- (a) ScrapingHub shingle metric ----------------------------------------------------

/// Python `re.findall(r"\w+", text)`.
fn sh_tokens(text: &str) -> Vec<&str> {
    SH_TOKEN.find_iter(text).map(|m| m.as_str()).collect()
}

/// Multiset of `SH_SHINGLE`-token shingles; 1..3 tokens make one short shingle.
fn sh_shingles<'a>(tokens: &'a [&'a str]) -> FastMap<&'a [&'a str], usize> {
    if tokens.is_empty() {
        FastMap::default()
    } else if tokens.len() < SH_SHINGLE {
        counter(std::iter::once(tokens))
    } else {
        counter(tokens.windows(SH_SHINGLE))
    }
}

/// Normalised (tp, fp, fn) of one page from its truth and predicted `\w+` tokens.
fn sh_counts(truth: &[&str], pred: &[&str]) -> [f64; 3] {
    let t = sh_shingles(truth);
    let p = sh_shingles(pred);
    let tp = overlap(&t, &p);
    let fp = p.values().sum::<usize>() - tp;
    let fn_ = t.values().sum::<usize>() - tp;
    let total = tp + fp + fn_;
    if total == 0 {
        return [0.0; 3];
    }
    [ratio(tp, total), ratio(fp, total), ratio(fn_, total)]
}

/// Per-page sh precision: 1 if fp = fn = 0, 0 if tp = fp = 0, else tp / (tp + fp).
fn sh_page_precision([tp, fp, fn_]: [f64; 3]) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

/// Per-page sh recall: 1 if fp = fn = 0, 0 if tp = fn = 0, else tp / (tp + fn).
fn sh_page_recall([tp, fp, fn_]: [f64; 3]) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    }
}

/// Corpus sh precision, recall and F1 from the pages' normalised (tp, fp, fn).
fn sh_corpus(counts: &[[f64; 3]]) -> (f64, f64, f64) {
    let precision = mean(
        counts
            .iter()
            .filter(|c| c[0] + c[1] > 0.0)
            .map(|&c| sh_page_precision(c)),
    );
    let recall = mean(
        counts
            .iter()
            .filter(|c| c[0] + c[2] > 0.0)
            .map(|&c| sh_page_recall(c)),
    );
    (precision, recall, harmonic(precision, recall))
}

// --- (b) ROUGE-LSum --------------------------------------------------------------------

/// Whether `punkt-approx` ends a sentence after `token` (followed by `next`): the
/// reference's `_breaks_after`.
fn breaks_after(token: &str, next: &str) -> bool {
    let core = token.trim_end_matches(CLOSERS);
    let core = match core.chars().next_back() {
        Some('?' | '!') => return true,
        Some('.') => core.strip_suffix('.').unwrap_or(core),
        _ => return false,
    };
    let core = core.trim_start_matches(OPENERS);
    if core.is_empty() || core.ends_with('.') {
        return false;
    }
    let low = core.to_lowercase();
    let tail = low.rsplit('-').next().unwrap_or(&low);
    if ABBREVIATIONS.contains(&low.as_str()) || ABBREVIATIONS.contains(&tail) {
        return false;
    }
    if INITIAL.is_match(core) {
        return false;
    }
    !(NUMBER.is_match(core) && LOWER_START.is_match(next))
}

/// Whitespace-token lists of the sentences of `text` (the reference's
/// `split_punkt_approx`): breaks only after `.`/`?`/`!` (plus closers) as decided by
/// [`breaks_after`], never at a bare line break.
fn split_punkt_approx(text: &str) -> Vec<Vec<&str>> {
    let tokens: Vec<&str> = py_split(text).collect();
    let mut sentences = Vec::new();
    let mut current = Vec::new();
    for (i, &tok) in tokens.iter().enumerate() {
        current.push(tok);
        if tokens
            .get(i + 1)
            .is_some_and(|&next| breaks_after(tok, next))
        {
            sentences.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    sentences
}

/// Bit masks of the token positions of one predicted sentence, looked up by token id
/// (bit j set when token j of the sentence is that token).
struct Masks {
    /// Per token id, its mask when the loaded sentence has at most 64 tokens (0 when
    /// the token does not occur).
    small: Vec<u64>,
    /// Per token id, for a longer sentence: offset plus one and length (in u64 words) of
    /// its mask in `bits`, (0, 0) when the token does not occur. A mask is stored up to
    /// the word of the token's last occurrence.
    slot: Vec<(usize, usize)>,
    /// Storage of the masks of a longer loaded sentence.
    bits: Vec<u64>,
}

impl Masks {
    /// Empty masks for token ids below `vocab`.
    fn new(vocab: usize) -> Masks {
        Masks {
            small: vec![0; vocab],
            slot: vec![(0, 0); vocab],
            bits: Vec::new(),
        }
    }

    /// Builds the masks of `cand`; every slot of its tokens must be empty.
    fn load(&mut self, cand: &[u32]) {
        if cand.len() <= 64 {
            for (j, &t) in cand.iter().enumerate() {
                if let Some(mask) = self.small.get_mut(t as usize) {
                    *mask |= 1u64 << j;
                }
            }
            return;
        }
        self.bits.clear();
        for (j, &t) in cand.iter().enumerate() {
            if let Some(slot) = self.slot.get_mut(t as usize) {
                slot.1 = j / 64 + 1; // ends as the word count up to the last occurrence
            }
        }
        for (j, &t) in cand.iter().enumerate() {
            let Some(slot) = self.slot.get_mut(t as usize) else {
                continue;
            };
            if slot.0 == 0 {
                // offsets are stored plus one so that 0 means "not placed yet"
                slot.0 = self.bits.len() + 1;
                self.bits.resize(self.bits.len() + slot.1, 0);
            }
            if let Some(w) = self.bits.get_mut(slot.0 - 1 + j / 64) {
                *w |= 1u64 << (j % 64);
            }
        }
    }

    /// Empties the slots of `cand` again (after [`Masks::load`] of the same sentence).
    fn unload(&mut self, cand: &[u32]) {
        for &t in cand {
            if let Some(slot) = self.slot.get_mut(t as usize) {
                *slot = (0, 0);
            }
            if let Some(mask) = self.small.get_mut(t as usize) {
                *mask = 0;
            }
        }
    }

    /// Mask of token `t` when the loaded sentence has at most 64 tokens.
    fn get_small(&self, t: u32) -> u64 {
        self.small.get(t as usize).copied().unwrap_or(0)
    }

    /// Mask of token `t` in the loaded sentence (empty when it does not occur).
    fn get(&self, t: u32) -> &[u64] {
        match self.slot.get(t as usize) {
            Some(&(off, len)) if len > 0 && off > 0 => {
                self.bits.get(off - 1..off - 1 + len).unwrap_or(&[])
            }
            _ => &[],
        }
    }
}

/// Buffers reused across LCS computations.
#[derive(Default)]
struct LcsWork {
    /// The current bit-parallel column vector (Hyyrö's V).
    v: Vec<u64>,
    /// The table rows, `words` u64 per row, row 0 first.
    rows: Vec<u64>,
}

/// Number of set bits among the first `j` bits of a multi-word row.
fn prefix_popcount(row: &[u64], j: usize) -> usize {
    let full = (j / 64).min(row.len());
    let mut n: usize = row[..full].iter().map(|w| w.count_ones() as usize).sum();
    let rem = j % 64;
    if rem != 0 {
        if let Some(w) = row.get(j / 64) {
            n += (w & ((1u64 << rem) - 1)).count_ones() as usize;
        }
    }
    n
}

/// Bit `b` of a multi-word row, as 0 or 1.
fn bit(row: &[u64], b: usize) -> usize {
    row.get(b / 64)
        .map_or(0, |w| ((w >> (b % 64)) & 1) as usize)
}

/// Marks in `picked` the indices in `reference` of the LCS of `reference` and `cand`
/// that rouge_score's backtracking picks (the reference's `lcs_ref_indices`); `masks`
/// holds the masks of `cand`.
///
/// Row i of the LCS table t is kept as a bit vector (bit j-1 set when `t[i][j] =
/// t[i][j-1] + 1`), updated with Hyyrö's bit-parallel rule over u64 blocks. Backtracking
/// takes a match; otherwise steps left when `t[i][j-1] > t[i-1][j]`, else up.
/// `t[i-1][j]` is counted afresh only after a step up or a match; a step left updates
/// it by one bit.
fn lcs_ref_indices(
    reference: &[u32],
    cand: &[u32],
    masks: &Masks,
    work: &mut LcsWork,
    picked: &mut [bool],
) {
    let (m, n) = (reference.len(), cand.len());
    if m == 0 || n == 0 {
        return;
    }
    if n <= 64 {
        lcs_ref_indices_small(reference, cand, masks, work, picked);
        return;
    }
    let words = n.div_ceil(64);
    let top = if n % 64 == 0 {
        u64::MAX
    } else {
        (1u64 << (n % 64)) - 1
    };
    let LcsWork { v, rows } = work;
    v.clear();
    v.resize(words, u64::MAX);
    v[words - 1] = top;
    rows.clear();
    rows.resize((m + 1) * words, 0);
    for (i, &tok) in reference.iter().enumerate() {
        let mask = masks.get(tok);
        if !mask.is_empty() {
            // V' = (V + (V & M)) | (V & !M), the carry running past the mask's last word
            let mut carry = false;
            for (w, vw) in v.iter_mut().enumerate() {
                let mw = match mask.get(w) {
                    Some(&mw) => mw,
                    None if carry => 0,
                    None => break,
                };
                let old = *vw;
                let (sum, c1) = old.overflowing_add(old & mw);
                let (sum, c2) = sum.overflowing_add(u64::from(carry));
                carry = c1 || c2;
                *vw = sum | (old & !mw);
            }
            v[words - 1] &= top;
        }
        let row = &mut rows[(i + 1) * words..(i + 2) * words];
        for (r, &vw) in row.iter_mut().zip(v.iter()) {
            *r = !vw;
        }
        row[words - 1] &= top;
    }
    let row = |i: usize| &rows[i * words..(i + 1) * words];
    let (mut i, mut j) = (m, n);
    let mut cur = prefix_popcount(row(i), j); // t[i][j]
    let mut up = prefix_popcount(row(i - 1), j); // t[i-1][j]
    while i > 0 && j > 0 && cur > 0 {
        if reference[i - 1] == cand[j - 1] {
            if let Some(p) = picked.get_mut(i - 1) {
                *p = true;
            }
            i -= 1;
            j -= 1;
            cur -= 1;
            if i > 0 {
                up = prefix_popcount(row(i - 1), j);
            }
        } else {
            let left = cur.saturating_sub(bit(row(i), j - 1));
            if left > up {
                up = up.saturating_sub(bit(row(i - 1), j - 1));
                j -= 1;
                cur = left;
            } else {
                i -= 1;
                cur = up;
                if i > 0 {
                    up = prefix_popcount(row(i - 1), j);
                }
            }
        }
    }
}

/// [`lcs_ref_indices`] for a candidate of at most 64 tokens: one u64 per table row.
fn lcs_ref_indices_small(
    reference: &[u32],
    cand: &[u32],
    masks: &Masks,
    work: &mut LcsWork,
    picked: &mut [bool],
) {
    let (m, n) = (reference.len(), cand.len());
    if m == 0 || n == 0 || n > 64 {
        return;
    }
    let low = |j: usize| if j >= 64 { u64::MAX } else { (1u64 << j) - 1 };
    let top = low(n);
    let rows = &mut work.rows;
    rows.clear();
    rows.push(0);
    let mut v = top;
    for &tok in reference {
        let mask = masks.get_small(tok);
        if mask != 0 {
            v = (v.wrapping_add(v & mask) | (v & !mask)) & top;
        }
        rows.push(!v & top);
    }
    let t = |i: usize, j: usize| (rows[i] & low(j)).count_ones() as usize;
    let (mut i, mut j) = (m, n);
    let mut cur = t(i, j);
    let mut up = t(i - 1, j);
    while i > 0 && j > 0 && cur > 0 {
        if reference[i - 1] == cand[j - 1] {
            if let Some(p) = picked.get_mut(i - 1) {
                *p = true;
            }
            i -= 1;
            j -= 1;
            cur -= 1;
            if i > 0 {
                up = t(i - 1, j);
            }
        } else {
            let left = cur.saturating_sub(((rows[i] >> (j - 1)) & 1) as usize);
            if left > up {
                up = up.saturating_sub(((rows[i - 1] >> (j - 1)) & 1) as usize);
                j -= 1;
                cur = left;
            } else {
                i -= 1;
                cur = up;
                if i > 0 {
                    up = t(i - 1, j);
                }
            }
        }
    }
}

/// Token ids of sentences, numbering new tokens in order of first appearance.
fn intern<'a>(ids: &mut FastMap<&'a str, u32>, sents: &[Vec<&'a str>]) -> Vec<Vec<u32>> {
    sents
        .iter()
        .map(|s| {
            s.iter()
                .map(|&tok| {
                    let next = ids.len() as u32;
                    *ids.entry(tok).or_insert(next)
                })
                .collect()
        })
        .collect()
}

/// (precision, recall, F1) of ROUGE-LSum between two lists of sentence token lists
/// (the reference's `rouge_lsum_tokens`).
///
/// The union of LCS indices of a truth sentence does not depend on the order in which
/// the predicted sentences are visited, so the loop runs over predicted sentences
/// (loading each one's masks once) and only visits the truth sentences sharing a token
/// with it (any other pair has an empty LCS); hits are then counted in truth order.
fn rouge_lsum_tokens(truth: &[Vec<&str>], pred: &[Vec<&str>]) -> (f64, f64, f64) {
    let m: usize = truth.iter().map(Vec::len).sum();
    let n: usize = pred.iter().map(Vec::len).sum();
    if m == 0 || n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let mut ids: FastMap<&str, u32> = FastMap::default();
    ids.reserve(m + n);
    let truth_ids = intern(&mut ids, truth);
    let pred_ids = intern(&mut ids, pred);
    let vocab = ids.len();
    let mut left_truth = vec![0usize; vocab];
    let mut left_pred = vec![0usize; vocab];
    for &t in truth_ids.iter().flatten() {
        left_truth[t as usize] += 1;
    }
    for &t in pred_ids.iter().flatten() {
        left_pred[t as usize] += 1;
    }
    // token id -> truth sentences containing it (each listed once)
    let mut index: Vec<Vec<usize>> = vec![Vec::new(); vocab];
    for (s, sent) in truth_ids.iter().enumerate() {
        for &t in sent {
            let list = &mut index[t as usize];
            if list.last() != Some(&s) {
                list.push(s);
            }
        }
    }
    // start of each truth sentence in the flat `picked`
    let starts: Vec<usize> = truth_ids
        .iter()
        .scan(0, |acc, s| {
            let start = *acc;
            *acc += s.len();
            Some(start)
        })
        .collect();
    let mut picked = vec![false; m];
    let mut masks = Masks::new(vocab);
    let mut work = LcsWork::default();
    let mut token_seen = vec![usize::MAX; vocab];
    let mut sent_seen = vec![usize::MAX; truth_ids.len()];
    let mut sharing: Vec<usize> = Vec::new();
    for (k, cand) in pred_ids.iter().enumerate() {
        sharing.clear();
        for &t in cand {
            if std::mem::replace(&mut token_seen[t as usize], k) == k {
                continue;
            }
            for &s in &index[t as usize] {
                if std::mem::replace(&mut sent_seen[s], k) != k {
                    sharing.push(s);
                }
            }
        }
        if sharing.is_empty() {
            continue;
        }
        masks.load(cand);
        for &s in &sharing {
            let reference = &truth_ids[s];
            if let Some(marks) = picked.get_mut(starts[s]..starts[s] + reference.len()) {
                lcs_ref_indices(reference, cand, &masks, &mut work, marks);
            }
        }
        masks.unload(cand);
    }
    let mut hits = 0usize;
    for (&tok, _) in truth_ids.iter().flatten().zip(&picked).filter(|(_, p)| **p) {
        let t = tok as usize;
        if left_pred[t] > 0 && left_truth[t] > 0 {
            hits += 1;
            left_pred[t] -= 1;
            left_truth[t] -= 1;
        }
    }
    let (precision, recall) = (ratio(hits, n), ratio(hits, m));
    (precision, recall, harmonic(precision, recall))
}

/// The reference's `_bevendorff_empty_rules`: an empty truth scores recall 1, and
/// P = R = F1 = 1 when the prediction is empty too.
fn empty_rules(truth: &str, pred: &str, (p, r, f): (f64, f64, f64)) -> (f64, f64, f64) {
    if is_blank(truth) {
        if is_blank(pred) {
            return (1.0, 1.0, 1.0);
        }
        return (p, 1.0, f);
    }
    (p, r, f)
}

/// ROUGE-LSum (precision, recall, F1) of one page with the `punkt-approx` splitter.
fn rouge_page(truth: &str, pred: &str) -> (f64, f64, f64) {
    let scores = rouge_lsum_tokens(&split_punkt_approx(truth), &split_punkt_approx(pred));
    empty_rules(truth, pred, scores)
}

// --- (c) bag of words ------------------------------------------------------------------

/// Bag-of-words (precision, recall, F1) of one page over whitespace tokens.
fn bow_page(truth: &str, pred: &str) -> (f64, f64, f64) {
    let t = counter(py_split(truth));
    let p = counter(py_split(pred));
    let nt: usize = t.values().sum();
    let np: usize = p.values().sum();
    let scores = if nt > 0 && np > 0 {
        let common = overlap(&t, &p);
        let (precision, recall) = (ratio(common, np), ratio(common, nt));
        (precision, recall, harmonic(precision, recall))
    } else {
        (0.0, 0.0, 0.0)
    };
    empty_rules(truth, pred, scores)
}

// --- (d) snippets ----------------------------------------------------------------------

/// Whitespace runs collapsed to one space, ends trimmed (the reference's `_norm_ws`).
fn norm_ws(text: &str) -> String {
    py_split(text).collect::<Vec<_>>().join(" ")
}

/// (tp, fp, fn, tn) of one page: "with" snippets found / missed, "without" found / not.
fn snippet_counts(with: &[String], without: &[String], pred: &str) -> [usize; 4] {
    let text = norm_ws(pred);
    let tp = with.iter().filter(|s| text.contains(&norm_ws(s))).count();
    let fp = without
        .iter()
        .filter(|s| text.contains(&norm_ws(s)))
        .count();
    [tp, fp, with.len() - tp, without.len() - fp]
}

/// Corpus snippet scores from the pages' counts.
fn snippet_corpus(rows: &[[usize; 4]]) -> SnippetSummary {
    let mut c = [0usize; 4];
    for row in rows {
        for (sum, x) in c.iter_mut().zip(row) {
            *sum += x;
        }
    }
    let [tp, fp, fn_, tn] = c;
    SnippetSummary {
        precision: ratio(tp, tp + fp),
        recall: ratio(tp, tp + fn_),
        accuracy: ratio(tp + tn, tp + fp + fn_ + tn),
        f1: ratio(2 * tp, 2 * tp + fp + fn_),
        counts: c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens of each sentence as owned strings, for comparisons.
    fn split(text: &str) -> Vec<Vec<String>> {
        split_punkt_approx(text)
            .into_iter()
            .map(|s| s.into_iter().map(str::to_string).collect())
            .collect()
    }

    /// ROUGE-LSum of two texts already split into sentences of space-separated tokens.
    fn rouge_sents(truth: &[&str], pred: &[&str]) -> (f64, f64, f64) {
        let t: Vec<Vec<&str>> = truth.iter().map(|s| py_split(s).collect()).collect();
        let p: Vec<Vec<&str>> = pred.iter().map(|s| py_split(s).collect()).collect();
        rouge_lsum_tokens(&t, &p)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    fn page(truth: &str, pred: &str) -> PageScore {
        score_page("x", Some(truth), &[], &[], false, pred)
    }

    /// Small deterministic generator (64-bit LCG) for the randomised tests.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) % n as u64) as usize
        }
    }

    /// Full LCS table with rouge_score's backtracking (the reference's test oracle).
    fn naive_lcs(reference: &[u32], cand: &[u32]) -> Vec<usize> {
        let (rows, cols) = (reference.len(), cand.len());
        let mut t = vec![vec![0usize; cols + 1]; rows + 1];
        for i in 1..=rows {
            for j in 1..=cols {
                t[i][j] = if reference[i - 1] == cand[j - 1] {
                    t[i - 1][j - 1] + 1
                } else {
                    t[i - 1][j].max(t[i][j - 1])
                };
            }
        }
        let (mut i, mut j, mut picked) = (rows, cols, Vec::new());
        while i > 0 && j > 0 {
            if reference[i - 1] == cand[j - 1] {
                picked.push(i - 1);
                i -= 1;
                j -= 1;
            } else if t[i][j - 1] > t[i - 1][j] {
                j -= 1;
            } else {
                i -= 1;
            }
        }
        picked.sort_unstable();
        picked
    }

    #[test]
    fn bit_parallel_lcs_matches_naive_table() {
        let mut rng = Lcg(7);
        let mut work = LcsWork::default();
        let mut masks = Masks::new(5);
        for round in 0..6000 {
            let alphabet = 1 + rng.below(5) as u32;
            let max_cand = if round % 3 == 0 { 300 } else { 70 };
            let reference: Vec<u32> = (0..rng.below(25))
                .map(|_| rng.below(alphabet as usize) as u32)
                .collect();
            // past `cut` only token 0 occurs, so the other masks end early and the
            // addition's carry has to run on past them
            let len = 1 + rng.below(max_cand);
            let cut = if round % 2 == 0 {
                len
            } else {
                rng.below(len + 1)
            };
            let cand: Vec<u32> = (0..len)
                .map(|j| {
                    if j < cut {
                        rng.below(alphabet as usize) as u32
                    } else {
                        0
                    }
                })
                .collect();
            let mut picked = vec![false; reference.len()];
            masks.load(&cand);
            lcs_ref_indices(&reference, &cand, &masks, &mut work, &mut picked);
            masks.unload(&cand);
            let got: Vec<usize> = (0..reference.len()).filter(|&i| picked[i]).collect();
            assert_eq!(got, naive_lcs(&reference, &cand), "{reference:?} {cand:?}");
        }
    }

    #[test]
    fn rouge_with_repeated_tokens() {
        // LCS of "a a b" in "a b a b" picks indices 0, 1, 2 of the reference
        let (p, r, f) = rouge_sents(&["a a b"], &["a b a b"]);
        assert!(close(p, 3.0 / 4.0) && close(r, 1.0) && close(f, 6.0 / 7.0));
        // both LCSs with "a b" pick the last "a" (backtracking prefers going up), so the
        // union is {2, 3}: 2 hits of 4
        let (p, r, _) = rouge_sents(&["a a a b"], &["a b", "a b"]);
        assert!(close(p, 0.5) && close(r, 0.5));
        let mut work = LcsWork::default();
        let mut masks = Masks::new(2);
        let mut picked = [false; 4];
        masks.load(&[0, 1]);
        lcs_ref_indices(&[0, 0, 0, 1], &[0, 1], &masks, &mut work, &mut picked);
        assert_eq!(picked, [false, false, true, true]);
        // a truth sentence whose tokens were already used up by an earlier one
        let (p, r, _) = rouge_sents(&["x y", "x y"], &["x y"]);
        assert!(close(p, 1.0) && close(r, 0.5));
    }

    #[test]
    fn rouge_empty_rules_and_identical() {
        assert_eq!(rouge_page("", ""), (1.0, 1.0, 1.0));
        assert_eq!(rouge_page("  \n", "some text"), (0.0, 1.0, 0.0));
        assert_eq!(rouge_page("some text", ""), (0.0, 0.0, 0.0));
        assert_eq!(rouge_page("some text", " \u{1f}\u{a0} "), (0.0, 0.0, 0.0));
        assert_eq!(
            rouge_page("One two. Three four.", "One two. Three four."),
            (1.0, 1.0, 1.0)
        );
        let (p, r, _) = rouge_page("The cat sat.", "the cat sat");
        assert!(close(p, 1.0 / 3.0) && close(r, 1.0 / 3.0));
        let (p, r, _) = rouge_page("a b c d", "menu menu a b c d footer");
        assert!(close(p, 4.0 / 7.0) && close(r, 1.0));
    }

    #[test]
    fn sentence_splitting() {
        let s = |v: &[&[&str]]| -> Vec<Vec<String>> {
            v.iter()
                .map(|x| x.iter().map(|t| t.to_string()).collect())
                .collect()
        };
        assert_eq!(
            split("Mr. Smith went. He left!  Then?"),
            s(&[&["Mr.", "Smith", "went."], &["He", "left!"], &["Then?"]])
        );
        // initials, and a number followed by a lower-case word
        assert_eq!(split("J. R. Tolkien wrote it. In 1937. the end").len(), 2);
        assert_eq!(split("It cost 3.50. Then it rose.").len(), 2);
        assert_eq!(split("Page 12. it said").len(), 1);
        // abbreviations, also after a hyphen and in any case, and with quotes around
        assert_eq!(
            split("See e.g. this. And U.S. troops. Ex-Gov. Brown").len(),
            3
        );
        assert_eq!(split("(Dr. Who) came. \"Hello.\" She said.").len(), 3);
        // ellipsis and doubled periods do not break; ?! always do
        assert_eq!(split("Wait... what.. no?! Yes").len(), 2);
        // no break at a line break, nor at the last token; \x1c splits tokens like Python
        assert_eq!(split("Heading\nNo period here").len(), 1);
        assert_eq!(split("One.\u{1c}Two."), s(&[&["One."], &["Two."]]));
        assert_eq!(split(""), Vec::<Vec<String>>::new());
        // a non-ASCII initial and a non-ASCII lower-case next word
        assert_eq!(split("É. Zola. ça va").len(), 2);
        assert_eq!(split("In 1999. élan").len(), 1);
    }

    #[test]
    fn sh_tokens_follow_python() {
        // combining marks (Mn) and connector punctuation other than _ split words
        assert_eq!(
            sh_tokens("cafe\u{301} a\u{203f}b x_y"),
            vec!["cafe", "a", "b", "x_y"]
        );
        // letter-like numbers (No, Nl) and CJK numerals are word characters
        assert_eq!(sh_tokens("²½ Ⅻ 三 ٣"), vec!["²½", "Ⅻ", "三", "٣"]);
        // a character assigned after Unicode 14 is not
        assert_eq!(sh_tokens("a\u{1e030}b"), vec!["a", "b"]);
    }

    #[test]
    fn sh_metric_edge_cases() {
        let tok = sh_tokens;
        assert_eq!(sh_shingles(&tok("a b")).len(), 1);
        assert_eq!(sh_shingles(&tok("a b c d e f")).values().sum::<usize>(), 3);
        assert!(sh_shingles(&[]).is_empty());
        let [tp, fp, fn_] = sh_counts(&tok("a b c d e"), &tok("a b c d x"));
        assert!(close(tp + fp + fn_, 1.0) && close(tp, 1.0 / 3.0));
        // 1-3 token texts: one shingle each
        assert_eq!(sh_counts(&tok("a b c"), &tok("a b c")), [1.0, 0.0, 0.0]);
        assert_eq!(sh_counts(&tok("a b c"), &tok("a b")), [0.0, 0.5, 0.5]);
        // empty truth and/or prediction
        let both = page("", "");
        assert_eq!(
            (both.sh_p, both.sh_r, both.sh_f1, both.sh_exact),
            (1.0, 1.0, 1.0, true)
        );
        let no_pred = page("five six seven eight", " ");
        assert_eq!(no_pred.sh_tp_fp_fn, [0.0, 0.0, 1.0]);
        assert_eq!(
            (no_pred.sh_p, no_pred.sh_r, no_pred.empty),
            (0.0, 0.0, true)
        );
        let no_truth = page("", "menu");
        assert_eq!((no_truth.sh_p, no_truth.sh_r), (0.0, 0.0));
        assert_eq!(
            (no_truth.rouge_p, no_truth.rouge_r, no_truth.rouge_f1),
            (0.0, 1.0, 0.0)
        );
        assert_eq!(
            (no_truth.bow_p, no_truth.bow_r, no_truth.bow_f1),
            (0.0, 1.0, 0.0)
        );
        let same = page("One, two; three four.", "One two three four");
        assert!(same.sh_exact && same.sh_f1 == 1.0 && same.bow_f1 < 1.0);
        // the empty prediction is left out of the precision mean
        let s = summarize(&[page("one two three four", "one two three four"), no_pred]);
        assert_eq!(
            (
                s.sh_p,
                s.sh_r,
                s.sh_pages_in_precision,
                s.sh_pages_in_recall
            ),
            (1.0, 0.5, 1, 2)
        );
        assert!(close(s.sh_f1, 2.0 / 3.0));
        assert_eq!((s.pages, s.empty, s.text_pages), (2, 1, 2));
    }

    #[test]
    fn bow_counts_multisets() {
        let (p, r, f) = bow_page("a a b c", "a b b d e");
        assert!(close(p, 2.0 / 5.0) && close(r, 2.0 / 4.0) && close(f, 4.0 / 9.0));
        assert_eq!(bow_page("", ""), (1.0, 1.0, 1.0));
        assert_eq!(bow_page("x", ""), (0.0, 0.0, 0.0));
    }

    #[test]
    fn snippets() {
        let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (with, without) = (
            owned(&["main  text", "missing bit"]),
            owned(&["Subscribe now", "menu"]),
        );
        let a = score_page(
            "a",
            None,
            &with,
            &without,
            true,
            "the main\ntext and a menu",
        );
        let b = score_page("b", None, &with, &without, true, "");
        assert_eq!(
            (a.snippets, b.snippets),
            (Some([1, 1, 1, 1]), Some([0, 0, 2, 2]))
        );
        let s = summarize(&[a, b]);
        assert_eq!(s.text_pages, 0);
        let sn = s
            .snippets
            .unwrap_or_else(|| panic!("snippet summary expected"));
        assert!(close(sn.precision, 0.5) && close(sn.recall, 0.25) && close(sn.accuracy, 0.5));
        assert!(close(sn.f1, 1.0 / 3.0) && sn.counts == [1, 1, 3, 3]);
    }

    #[test]
    fn round6_is_pythons_round() {
        assert_eq!(round6(0.0078125), 0.007812); // exact tie: to even
        assert_eq!(round6(3.0 / 128.0), 0.023438);
        assert_eq!(round6(2.0 / 3.0), 0.666667);
        assert_eq!(round6(1.0), 1.0);
    }

    #[test]
    fn python_whitespace() {
        for c in [
            '\u{1c}', '\u{1f}', '\u{85}', '\u{a0}', '\u{2007}', '\u{3000}',
        ] {
            assert!(is_py_space(c), "{c:?}");
        }
        for c in ['\u{200b}', '\u{feff}', '\u{180e}', 'x'] {
            assert!(!is_py_space(c), "{c:?}");
        }
        assert_eq!(norm_ws(" a\u{1d}\u{a0} b\n"), "a b");
    }
}
