//! Step 5 of the context stage — restricting the decisions to the region.
//!
//! Blocks outside the region are dropped unless good and within reach of it; inside it,
//! believed boilerplate boxes, captions and bylines are dropped.

use super::PageContext;
use crate::classify::{Decision, Label, Rule};
use crate::features::Features;
use crate::lexicon::{Hints, TagKind};
use crate::segment::Segmentation;
use crate::tuning::Tuning;
use std::ops::Range;

/// Applies the region and the in-region drops to the decisions.
pub(super) fn restrict(
    seg: &Segmentation,
    features: &[Features],
    decisions: &mut [Decision],
    boxes: &[Hints],
    span: Range<usize>,
    tuning: &Tuning,
    page: PageContext<'_>,
) {
    drop_in_region(seg, features, decisions, boxes, tuning, page);
    // Outside the region: keep good blocks within reach, drop the rest.
    let keep_outside = within_reach(seg, decisions, span.clone(), tuning.outside_reach_blocks);
    for (i, d) in decisions.iter_mut().enumerate() {
        if span.contains(&i) || d.label != Label::Good {
            continue;
        }
        if keep_outside.get(i).copied().unwrap_or(false) {
            d.rule = Rule::NearRegion;
        } else {
            drop(d, Rule::OutsideRegion);
        }
    }
}

fn drop(d: &mut Decision, rule: Rule) {
    *d = Decision {
        label: Label::Bad,
        rule,
    }
}

/// Believed boilerplate boxes, captions and bylines are dropped wherever they are.
fn drop_in_region(
    seg: &Segmentation,
    features: &[Features],
    decisions: &mut [Decision],
    boxes: &[Hints],
    tuning: &Tuning,
    page: PageContext<'_>,
) {
    for (i, (block, d)) in seg.blocks.iter().zip(decisions.iter_mut()).enumerate() {
        if d.label != Label::Good {
            continue;
        }
        let boxed = boxes.get(i).copied().unwrap_or_default();
        let f = features.get(i);
        if boxed != Hints::NONE {
            drop(d, Rule::HintedBox(boxed));
        } else if !page.include_captions
            && d.rule != Rule::Record
            && (block.kind == TagKind::Caption
                || block.hints.any(Hints::CAPTION)
                    && f.is_some_and(|f| f.length < 2 * tuning.length_high))
        {
            drop(d, Rule::Caption);
        } else if f.is_some_and(|f| {
            // The element's own name, not an ancestor's: Blogger wraps whole posts in
            // `date-outer`.
            let named = seg
                .elements
                .get(block.element as usize)
                .is_some_and(|e| e.own_hints.any(Hints::BYLINE));
            f.is_byline || named && f.length < tuning.length_low
        }) {
            drop(d, Rule::Byline);
        }
    }
}

/// Good blocks outside `span` with fewer than `reach` other blocks between them and it.
/// Reach never takes text under a landmark (<footer>, <nav>) or a boilerplate name: a
/// footer's long legal paragraphs sit right after many short articles.
fn within_reach(
    seg: &Segmentation,
    decisions: &[Decision],
    span: Range<usize>,
    reach: u32,
) -> Vec<bool> {
    let reachable = |i: usize| {
        seg.blocks
            .get(i)
            .is_some_and(|b| !b.hints.any(Hints(Hints::BOILERPLATE.0 | Hints::LANDMARK.0)))
    };
    let mut keep = vec![false; decisions.len()];
    let mut walk = |indices: &mut dyn Iterator<Item = usize>| {
        let mut budget = reach;
        for i in indices {
            if budget == 0 {
                break;
            }
            match decisions.get(i) {
                Some(d) if d.label == Label::Good && reachable(i) => {
                    if let Some(k) = keep.get_mut(i) {
                        *k = true;
                    }
                }
                _ => budget -= 1,
            }
        }
    };
    walk(&mut (0..span.start).rev());
    walk(&mut (span.end..decisions.len()));
    keep
}

/// Kept blocks inside `<noscript>` that repeat the text of a block outside it (a
/// script-rendered page that also ships its article as a fallback) are dropped: a reader
/// sees the text once.
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
