//! Step 3 of the context stage — the article region.
//!
//! Every element gets the sum of its blocks' values (good text positive, bad text and
//! believed boilerplate boxes negative); the element with the largest sum is the article
//! region, the DOM form of maximum-subsequence segmentation (Pasternack & Roth, WWW 2009).

use super::length;
use crate::classify::{Decision, Label, Rule};
use crate::features::Features;
use crate::lexicon::Hints;
use crate::page_type::PageType;
use crate::segment::Segmentation;
use crate::tuning::Tuning;

/// The element whose blocks have the largest summed value (see the module doc).
pub(super) fn region(
    seg: &Segmentation,
    features: &[Features],
    decisions: &[Decision],
    boxes: &[Hints],
    tuning: &Tuning,
    page_type: PageType,
) -> u32 {
    let mut prefix = Vec::with_capacity(seg.blocks.len() + 1);
    prefix.push(0.0f32);
    let mut acc = 0.0f32;
    let mut positive = Vec::with_capacity(seg.blocks.len() + 1);
    positive.push(0.0f32);
    let mut pos_acc = 0.0f32;
    for (i, (block, d)) in seg.blocks.iter().zip(decisions).enumerate() {
        let boxed = boxes.get(i).is_some_and(|h| *h != Hints::NONE);
        let weight = match d.label {
            _ if boxed => tuning.value_boxed,
            Label::Good => tuning.value_good,
            Label::NearGood => tuning.value_near_good,
            Label::Short => tuning.value_short,
            Label::Bad if d.rule == Rule::FewStopwords => tuning.value_unlinked_bad,
            Label::Bad if d.rule == Rule::LinkedProse => tuning.value_linked_prose,
            // A count or a member card's field is a post's chrome, no sign of a box: it
            // weighs as short text does.
            Label::Bad if d.rule == Rule::Count => tuning.value_short,
            Label::Bad => tuning.value_bad,
        };
        // A believed box counts fully against; a merely named one (a wrapper whose name
        // was not believed) scales its text both ways.
        let weight = if !boxed && block.hints.any(Hints::BOILERPLATE) {
            weight * tuning.hinted_discount
        } else {
            weight
        };
        let value = weight * length(features, i);
        acc += value;
        pos_acc += value.max(0.0);
        prefix.push(acc);
        positive.push(pos_acc);
    }
    let range_sum = |v: &[f32], first: u32, end: u32, total: f32| {
        v.get(end as usize).copied().unwrap_or(total)
            - v.get(first as usize).copied().unwrap_or(0.0)
    };
    // On a thread or a listing, a body name worn by several elements of one shape
    // (`js-post-body` on the question and on each answer, `entry-content` on each full post
    // of a blog's front page) names a post's body, not the page's: it earns no bonus, so the
    // region can hold them all. Not on other pages: a product's tab panels may each be
    // named a body, and the description's bonus keeps the nutrition table and the storage
    // note out, as the wcxb-dev truths do (one product page 0.978 -> 0.804 without this
    // limit; forum threads 0.718 -> 0.723 with it).
    let posts = matches!(page_type, PageType::Forum | PageType::Listing);
    let repeated = super::repeated_shapes(seg, |e| posts && e.own_hints.any(Hints::BODY));
    let repeated_body = |shape: u32| repeated.contains(&shape);
    // Page landmarks (<nav>, <footer>) and everything inside them are never the article.
    let mut in_landmark = vec![false; seg.elements.len()];
    let mut best = (0u32, f32::MIN);
    for (i, e) in seg.elements.iter().enumerate() {
        let landmark = e.own_hints.any(Hints::LANDMARK)
            || in_landmark.get(e.parent as usize).copied().unwrap_or(false);
        if let Some(slot) = in_landmark.get_mut(i) {
            *slot = landmark;
        }
        if landmark {
            continue;
        }
        let mut sum = range_sum(&prefix, e.first_block, e.end_block, acc);
        if e.own_hints.any(Hints::BODY) && !repeated_body(e.shape) {
            sum += tuning.body_bonus * range_sum(&positive, e.first_block, e.end_block, pos_acc);
        }
        // `>=`: on a tie the later (inner) element wins, so the region is the tightest
        // element holding that text.
        if sum >= best.1 {
            best = (i as u32, sum);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    /// The blocks of the region of a page whose every block is good text.
    fn region_of(html: &str, page_type: PageType) -> std::ops::Range<u32> {
        let s = segment::of(html);
        let (features, _) = crate::features::measure(&s, &Tuning::BALANCED, None);
        let good = vec![
            Decision {
                label: Label::Good,
                rule: Rule::TooShort,
            };
            s.blocks.len()
        ];
        let boxes = vec![Hints::NONE; s.blocks.len()];
        let r = region(&s, &features, &good, &boxes, &Tuning::BALANCED, page_type);
        let e = s.elements.get(r as usize).expect("a region");
        e.first_block..e.end_block
    }

    #[test]
    fn a_members_badge_tally_does_not_cut_the_answer_off_the_question() {
        let page = format!(
            "<div class='thread'><div class='question'><p>{}</p>\
             <div class='card'>1,992 2 gold badges 14 silver badges 18 bronze badges</div></div>\
             <div class='answer'><p>Reset the pump, then update again.</p></div></div>",
            "The pump stops a minute after the update and will not restart. ".repeat(3)
        );
        let s = segment::of(&page);
        let (features, _) = crate::features::measure(&s, &Tuning::BALANCED, None);
        let decide = |label, rule| Decision { label, rule };
        let decisions = [
            decide(Label::Good, Rule::Stopwords),
            decide(Label::Bad, Rule::Count),
            decide(Label::Good, Rule::Stopwords),
        ];
        let boxes = vec![Hints::NONE; s.blocks.len()];
        let r = region(
            &s,
            &features,
            &decisions,
            &boxes,
            &Tuning::BALANCED,
            PageType::Forum,
        );
        let e = s.elements.get(r as usize).expect("a region");
        assert_eq!(e.first_block..e.end_block, 0..3);
    }

    #[test]
    fn on_a_thread_a_body_name_on_every_post_does_not_pull_the_region_into_one() {
        let post = |who: &str, words: usize| {
            format!(
                "<div class='post'><div class='post-body'><p>{}</p></div></div>",
                format!("{who} writes about the boiler settings. ").repeat(words)
            )
        };
        let page = format!(
            "<div class='thread'>{}{}{}</div>",
            post("The asker", 3),
            post("A helper", 30),
            post("Another", 4)
        );
        assert_eq!(region_of(&page, PageType::Forum), 0..3);
        // On an article the named body is the article's, however its parts are named.
        assert_eq!(region_of(&page, PageType::Article), 1..2);
    }
}
