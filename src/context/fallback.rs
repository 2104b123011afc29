//! Step 6 of the context stage — the recall fallback.
//!
//! When the page has readable text and the region search kept nothing (the region was
//! chosen among boxes that all looked like boilerplate, or the good text sat under names
//! that were believed), the blocks that read as prose on their own are returned rather
//! than an empty article: Readability.js likewise retries with its filters off before it
//! gives up. A page with no such text (a login wall, the empty shell of a script-rendered
//! app) stays empty.

use crate::classify::{Decision, Label, Rule};
use crate::features::Features;
use crate::lexicon::Hints;
use crate::segment::Segmentation;
use crate::tuning::Tuning;

/// Keeps the context-free good blocks outside page landmarks when nothing was kept, if
/// together they hold at least `fallback_min_chars`.
pub(super) fn fallback(
    seg: &Segmentation,
    features: &[Features],
    context_free: &[Decision],
    decisions: &mut [Decision],
    tuning: &Tuning,
) {
    if decisions.iter().any(|d| d.label == Label::Good) {
        return;
    }
    let candidate = |i: usize| {
        let prose = context_free.get(i).is_some_and(|d| d.label == Label::Good);
        let outside_landmark = seg
            .blocks
            .get(i)
            .is_some_and(|b| !b.hints.any(Hints(Hints::LANDMARK.0 | Hints::NAV.0)));
        let sentence = features
            .get(i)
            .is_some_and(|f| f.sentence_ends > 0 && !f.has_phrase);
        prose && outside_landmark && sentence
    };
    let chars: u32 = (0..decisions.len())
        .filter(|i| candidate(*i))
        .filter_map(|i| seg.blocks.get(i).map(|b| b.chars))
        .sum();
    if chars < tuning.fallback_min_chars {
        return;
    }
    for (i, d) in decisions.iter_mut().enumerate() {
        if candidate(i) {
            *d = Decision {
                label: Label::Good,
                rule: Rule::Fallback,
            };
        }
    }
}
