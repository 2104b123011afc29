//! Step 6 of the context stage — the recall fallback.
//!
//! When the page has readable text and the region search kept nothing (the region was
//! chosen among boxes that all looked like boilerplate, or the good text sat under names
//! that were believed), the blocks that read as prose on their own are returned rather
//! than an empty article: Readability.js likewise retries with its filters off before it
//! gives up. When there is too little prose for that, the blocks with text of their own
//! (not link lists, outside navigation, header, footer and boilerplate boxes) are taken
//! instead: a product or category page is short texts, not paragraphs. When even that
//! finds nothing, a grid of short linked tiles inside the page's main content (a shop's
//! category tiles) is kept. A page with none of these (a login wall, the empty shell of a
//! script-rendered app) stays empty.

use crate::classify::{Decision, Label, Rule};
use crate::features::Features;
use crate::lexicon::Hints;
use crate::segment::Segmentation;
use crate::tuning::{self, Tuning};

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
        return;
    }
    grid(seg, features, decisions);
}

/// Third tier: a page whose content is a grid of short linked tiles (a shop's category
/// page: "Radios (4)", "Shop all gifts") has neither prose nor text of its own. The largest
/// set of at least [`tuning::FALLBACK_GRID_MIN_RECORDS`] sibling records inside the page's
/// main content (`<main>`, `role=main`, a content-named box) and outside its landmarks and
/// boilerplate boxes is its content: the tiles' texts are kept, linked or not.
fn grid(seg: &Segmentation, features: &[Features], decisions: &mut [Decision]) {
    let chrome = Hints(
        Hints::BOILERPLATE.0 | Hints::HEADER.0 | Hints::HIDDEN.0 | Hints::LANDMARK.0 | Hints::NAV.0,
    );
    let in_main = |set: &&super::records::RecordSet| {
        seg.elements
            .get(set.parent as usize)
            .is_some_and(|p| p.hints.any(Hints::ARTICLE) && !p.hints.any(chrome))
    };
    let sets = super::records::find(seg, tuning::FALLBACK_GRID_MIN_RECORDS);
    let Some(set) = sets.iter().filter(in_main).max_by_key(|s| s.chars) else {
        return;
    };
    let mut in_tiles = vec![false; seg.blocks.len()];
    for e in set
        .records
        .iter()
        .filter_map(|r| seg.elements.get(*r as usize))
    {
        let tiles = in_tiles.get_mut(e.first_block as usize..e.end_block as usize);
        tiles.into_iter().flatten().for_each(|t| *t = true);
    }
    let tile_text = |i: usize| {
        in_tiles.get(i).copied().unwrap_or(false)
            && seg.blocks.get(i).is_some_and(|b| !b.hints.any(chrome))
            && features
                .get(i)
                .is_some_and(|f| !f.has_phrase && !f.is_byline)
    };
    keep(decisions, tile_text, Rule::FallbackText);
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

    /// The fallback's decisions on `page`, every block judged bad in context and
    /// `context_free` on its own.
    fn run(page: &str, context_free: Label) -> (Segmentation, Vec<Decision>) {
        let s = segment::of(page);
        let (features, _) = crate::features::measure(&s, &Tuning::BALANCED, None);
        let decide = |label| Decision {
            label,
            rule: Rule::TooShort,
        };
        let context_free = vec![decide(context_free); s.blocks.len()];
        let mut decisions = vec![decide(Label::Bad); s.blocks.len()];
        fallback(
            &s,
            &features,
            &context_free,
            &mut decisions,
            &Tuning::BALANCED,
        );
        (s, decisions)
    }

    #[test]
    fn a_grid_of_short_linked_tiles_in_main_is_kept_when_nothing_else_is() {
        let tiles: String = [
            "Radios (4)",
            "Power Banks (158)",
            "Speakers (44)",
            "Cameras (9)",
        ]
        .iter()
        .chain(&["Chargers (31)", "Lamps (12)"])
        .map(|t| format!("<li class='cat'><a href='/c'>{t}</a></li>"))
        .collect();
        let page = format!(
            "<nav><ul><li><a href='/'>Home</a></li><li><a href='/a'>About</a></li>\
             <li><a href='/b'>Blog</a></li><li><a href='/c'>Shop</a></li>\
             <li><a href='/d'>Help</a></li></ul></nav><main><ul>{tiles}</ul></main>"
        );
        // What the fallback keeps of a page every block of which was judged bad.
        let kept = |page: &str| -> Vec<String> {
            let (s, decisions) = run(page, Label::Bad);
            s.blocks
                .iter()
                .zip(&decisions)
                .filter(|(_, d)| d.label == Label::Good)
                .map(|(b, _)| s.text_of(b).to_string())
                .collect()
        };
        let six = kept(&page);
        assert_eq!(six.len(), 6);
        assert_eq!(six.first().map(String::as_str), Some("Radios (4)"));
        // Four tiles are a hero's feature cards, not a grid: the page stays empty.
        let four = page
            .replace("<li class='cat'><a href='/c'>Chargers (31)</a></li>", "")
            .replace("<li class='cat'><a href='/c'>Lamps (12)</a></li>", "");
        assert!(kept(&four).is_empty());
    }

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
        let (_, decisions) = run(&page, Label::Good);
        let kept: Vec<Label> = decisions.iter().map(|d| d.label).collect();
        assert_eq!(kept, [Label::Bad, Label::Good]);
        assert_eq!(decisions.get(1).map(|d| d.rule), Some(Rule::Fallback));
    }
}
