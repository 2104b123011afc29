//! Second copies: text a reader sees once that the markup holds twice.
//!
//! * `<noscript>` copies of text shown outside it (a script-rendered page that also ships
//!   its article as a fallback).
//! * Repeated boxes: a later element whose blocks repeat an earlier element's blocks text
//!   for text. Page builders render one variant of a section per breakpoint and let CSS
//!   media queries show one (Framer's `ssr-variant`), so the whole article is in the
//!   markup two or three times; carousels clone their slides to loop. The first copy that
//!   is kept stays; a later block is dropped only where its counterpart in the first copy
//!   is kept, so a page whose first copy was judged boilerplate keeps its later one.
//!   A forum reply that quotes a whole earlier post is such a copy too: the thread holds
//!   the post once. Measured on wcxb-dev, sparing copies inside a `blockquote` loses 0.33
//!   page ROUGE F1 over 16 forum threads, whose truths leave the quotations out.

use super::restrict::drop;
use crate::classify::{Decision, Label, Rule};
use crate::lexicon::Hints;
use crate::segment::Segmentation;
use crate::tuning;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Kept blocks inside `<noscript>` that repeat the text of a block outside it are dropped.
pub(super) fn drop_noscript_copies(seg: &Segmentation, decisions: &mut [Decision]) {
    let in_noscript = |i: usize| {
        seg.blocks
            .get(i)
            .is_some_and(|b| b.hints.any(Hints::NOSCRIPT))
    };
    let kept_inside = |(i, d): (usize, &Decision)| d.label == Label::Good && in_noscript(i);
    if !decisions.iter().enumerate().any(kept_inside) {
        return;
    }
    let outside: std::collections::HashSet<&str> = seg
        .blocks
        .iter()
        .filter(|b| !b.hints.any(Hints::NOSCRIPT))
        .map(|b| seg.text_of(b).trim())
        .filter(|t| !t.is_empty())
        .collect();
    for (i, (block, d)) in seg.blocks.iter().zip(decisions.iter_mut()).enumerate() {
        if d.label != Label::Good || !in_noscript(i) {
            continue;
        }
        let text = seg.text_of(block).trim();
        if outside.contains(text) {
            drop(d, Rule::NoscriptCopy);
        }
    }
}

/// Rolling hashes of the block texts, so that the text sequence of any block range hashes
/// in constant time: `prefix[k]` covers blocks `0..k`, `power[k]` is the base to the `k`.
struct BlockHashes {
    prefix: Vec<u64>,
    power: Vec<u64>,
    chars: Vec<u32>,
}

/// Odd multiplier of the polynomial hash (any large odd constant spreads the bits).
const BASE: u64 = 0x9E37_79B9_7F4A_7C15;

impl BlockHashes {
    fn new(seg: &Segmentation) -> Self {
        let n = seg.blocks.len();
        let (mut prefix, mut power, mut chars) = (
            Vec::with_capacity(n + 1),
            Vec::with_capacity(n + 1),
            Vec::with_capacity(n + 1),
        );
        prefix.push(0u64);
        power.push(1u64);
        chars.push(0u32);
        let (mut h, mut p, mut c) = (0u64, 1u64, 0u32);
        for b in &seg.blocks {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            seg.text_of(b).trim().hash(&mut hasher);
            h = h.wrapping_mul(BASE).wrapping_add(hasher.finish());
            p = p.wrapping_mul(BASE);
            c = c.saturating_add(b.chars);
            prefix.push(h);
            power.push(p);
            chars.push(c);
        }
        BlockHashes {
            prefix,
            power,
            chars,
        }
    }

    /// Hash of the texts of blocks `a..b`.
    fn of(&self, a: usize, b: usize) -> u64 {
        let (Some(hb), Some(ha), Some(p)) = (
            self.prefix.get(b),
            self.prefix.get(a),
            self.power.get(b - a),
        ) else {
            return 0;
        };
        hb.wrapping_sub(ha.wrapping_mul(*p))
    }

    fn chars(&self, a: usize, b: usize) -> u32 {
        let at = |k: usize| self.chars.get(k).copied().unwrap_or(0);
        at(b).saturating_sub(at(a))
    }
}

/// Kept blocks of a repeated box whose counterparts in the box's first copy are kept are
/// dropped (see the module doc).
pub(super) fn drop_repeated_copies(seg: &Segmentation, decisions: &mut [Decision]) {
    if seg.blocks.len() < 2 * tuning::REPEAT_MIN_BLOCKS as usize {
        return;
    }
    let hashes = BlockHashes::new(seg);
    // (hash, block count) → the block range of the first element holding that sequence.
    let mut first: HashMap<(u64, u32), (usize, usize)> = HashMap::new();
    let mut i = 0;
    while let Some(e) = seg.elements.get(i) {
        let (a, b) = (e.first_block as usize, e.end_block as usize);
        let n = e.end_block.saturating_sub(e.first_block);
        if n < tuning::REPEAT_MIN_BLOCKS || hashes.chars(a, b) < tuning::REPEAT_MIN_CHARS {
            i += 1;
            continue;
        }
        let key = (hashes.of(a, b), n);
        match first.get(&key) {
            Some(&(oa, ob)) if ob <= a && same_texts(seg, oa, a, n as usize) => {
                for k in 0..n as usize {
                    let original_kept = decisions
                        .get(oa + k)
                        .is_some_and(|d| d.label == Label::Good);
                    if let Some(d) = decisions.get_mut(a + k) {
                        if original_kept && d.label == Label::Good {
                            drop(d, Rule::RepeatedCopy);
                        }
                    }
                }
                // The copy's inner boxes are copies of the first copy's: skip them.
                i = (e.end_element as usize).max(i + 1);
                continue;
            }
            Some(_) => {}
            None => {
                first.insert(key, (a, b));
            }
        }
        i += 1;
    }
}

/// Whether blocks `a..a+n` and `b..b+n` have the same texts (a hash match, confirmed).
fn same_texts(seg: &Segmentation, a: usize, b: usize, n: usize) -> bool {
    (0..n).all(|k| match (seg.blocks.get(a + k), seg.blocks.get(b + k)) {
        (Some(x), Some(y)) => seg.text_of(x).trim() == seg.text_of(y).trim(),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Rule;
    use crate::segment;

    fn all_good(n: usize) -> Vec<Decision> {
        vec![
            Decision {
                label: Label::Good,
                rule: Rule::Stopwords,
            };
            n
        ]
    }

    fn kept(s: &Segmentation, d: &[Decision]) -> Vec<String> {
        s.blocks
            .iter()
            .zip(d)
            .filter(|(_, d)| d.label == Label::Good)
            .map(|(b, _)| s.text_of(b).to_string())
            .collect()
    }

    const STORY: &str = "<h2>How the bridge was built</h2>\
        <p>The first span went up in the spring, when the river was low enough for the \
        barges to reach the piers.</p><p>The second followed in autumn.</p>";

    #[test]
    fn a_breakpoint_variant_of_the_whole_story_is_read_once() {
        let html = format!(
            "<main><div class='variant desktop'>{STORY}</div>\
             <div class='variant phone'>{STORY}</div></main>"
        );
        let s = segment::of(&html);
        let mut d = all_good(s.blocks.len());
        assert_eq!(s.blocks.len(), 6);
        drop_repeated_copies(&s, &mut d);
        assert_eq!(
            kept(&s, &d),
            vec![
                "How the bridge was built",
                "The first span went up in the spring, when the river was low enough for \
                 the barges to reach the piers.",
                "The second followed in autumn."
            ]
        );
        assert_eq!(d[3].rule, Rule::RepeatedCopy);
    }

    #[test]
    fn the_later_copy_stays_when_the_first_was_dropped() {
        let html = format!("<div>{STORY}</div><div>{STORY}</div>");
        let s = segment::of(&html);
        let mut d = all_good(s.blocks.len());
        for x in d.iter_mut().take(3) {
            x.label = Label::Bad;
        }
        drop_repeated_copies(&s, &mut d);
        assert_eq!(kept(&s, &d).len(), 3);
        assert!(d.iter().all(|x| x.rule != Rule::RepeatedCopy));
    }

    #[test]
    fn a_reply_that_quotes_a_whole_post_is_read_without_the_quotation() {
        let html = format!(
            "<div class='post'>{STORY}</div>\
             <div class='post'><blockquote>{STORY}</blockquote><p>Well put.</p></div>"
        );
        let s = segment::of(&html);
        let mut d = all_good(s.blocks.len());
        drop_repeated_copies(&s, &mut d);
        assert_eq!(kept(&s, &d).len(), 4);
        assert_eq!(kept(&s, &d).last().map(String::as_str), Some("Well put."));
    }

    #[test]
    fn paragraphs_repeated_in_one_box_are_not_a_copy() {
        let p = "<p>Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do \
                 eiusmod tempor incididunt ut labore.</p>";
        let html = format!("<article>{p}{p}{p}{p}</article>");
        let s = segment::of(&html);
        let mut d = all_good(s.blocks.len());
        drop_repeated_copies(&s, &mut d);
        assert_eq!(kept(&s, &d).len(), 4);
    }
}
