//! Step 6 of the context stage — the recall fallback.
//!
//! When the page has readable text and the region search kept nothing (the region was
//! chosen among boxes that all looked like boilerplate, or the good text sat under names
//! that were believed), the blocks that read as prose on their own are returned rather
//! than an empty article: Readability.js likewise retries with its filters off before it
//! gives up. When there is too little prose for that, the blocks with text of their own
//! (not link lists, outside navigation, header, footer and boilerplate boxes) are taken
//! instead: a product or category page is short texts, not paragraphs. A page with no such
//! text (a login wall, the empty shell of a script-rendered app) stays empty.

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
        // Outside page landmarks, menus and consent banners.
        let outside_chrome = seg.blocks.get(i).is_some_and(|b| {
            !b.hints
                .any(Hints(Hints::LANDMARK.0 | Hints::NAV.0 | Hints::CONSENT.0))
        });
        let sentence = features
            .get(i)
            .is_some_and(|f| f.sentence_ends > 0 && !f.has_phrase);
        prose && outside_chrome && sentence
    };
    if chars_of(seg, &candidate) >= tuning.fallback_min_chars {
        keep(decisions, candidate, Rule::Fallback);
        return;
    }
    // Second tier: a page of short texts (a product, a shop's category, a service's
    // landing page) has little prose, but the blocks that carry text of their own, outside
    // the page's navigation, header, footer and boilerplate boxes, are still its content.
    let own_text = |i: usize| {
        let Some(b) = seg.blocks.get(i) else {
            return false;
        };
        let boxed = b.hints.any(Hints(
            Hints::BOILERPLATE.0 | Hints::HEADER.0 | Hints::HIDDEN.0 | Hints::LANDMARK.0,
        ));
        features.get(i).is_some_and(|f| {
            f.link_density <= tuning.fallback_text_max_link_density
                && !f.has_phrase
                && !f.is_byline
                && b.chars >= tuning.fallback_text_min_block
        }) && !boxed
    };
    if chars_of(seg, &own_text) >= tuning.fallback_text_min_chars {
        keep(decisions, own_text, Rule::FallbackText);
    }
}

/// Characters of the blocks `which` selects.
fn chars_of(seg: &Segmentation, which: &impl Fn(usize) -> bool) -> u32 {
    seg.blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| which(*i))
        .map(|(_, b)| b.chars)
        .sum()
}

/// Marks the blocks `which` selects good, by `rule`.
fn keep(decisions: &mut [Decision], which: impl Fn(usize) -> bool, rule: Rule) {
    for (i, d) in decisions.iter_mut().enumerate() {
        if which(i) {
            *d = Decision {
                label: Label::Good,
                rule,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    #[test]
    fn the_fallback_never_takes_a_consent_banners_prose() {
        let prose =
            "The valve sticks when the water is cold, and it has done so all winter. ".repeat(6);
        let banner = "We and our partners store information on your device to measure how the \
             pages are read and to choose what is shown to you. "
            .repeat(3);
        let page = format!(
            "<div class='cookie-banner'><p>{banner}</p></div><div class='post'><p>{prose}</p></div>"
        );
        let s = segment::of(&page);
        let (features, _) = crate::features::measure(&s, &Tuning::BALANCED, None);
        let decide = |label| Decision {
            label,
            rule: Rule::TooShort,
        };
        let context_free = vec![decide(Label::Good); s.blocks.len()];
        let mut decisions = vec![decide(Label::Bad); s.blocks.len()];
        fallback(
            &s,
            &features,
            &context_free,
            &mut decisions,
            &Tuning::BALANCED,
        );
        let kept: Vec<Label> = decisions.iter().map(|d| d.label).collect();
        assert_eq!(kept, [Label::Bad, Label::Good]);
        assert_eq!(decisions.get(1).map(|d| d.rule), Some(Rule::Fallback));
    }
}
