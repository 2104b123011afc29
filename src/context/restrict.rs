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
    drop_in_region(seg, features, decisions, boxes, &span, tuning, page);
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

pub(super) fn drop(d: &mut Decision, rule: Rule) {
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
    span: &Range<usize>,
    tuning: &Tuning,
    page: PageContext<'_>,
) {
    let captioned = captioned(seg, span);
    for (i, (block, d)) in seg.blocks.iter().zip(decisions.iter_mut()).enumerate() {
        if d.label != Label::Good {
            continue;
        }
        let in_caption = captioned.get(i).copied().unwrap_or(false);
        let boxed = boxes.get(i).copied().unwrap_or_default();
        let f = features.get(i);
        if boxed != Hints::NONE {
            drop(d, Rule::HintedBox(boxed));
        } else if !page.include_captions
            && d.rule != Rule::Record
            && (block.kind == TagKind::Caption
                || in_caption && f.is_some_and(|f| f.length < 2 * tuning.length_high))
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

/// Per block, whether it sits in a caption box: it is named a caption (`caption`,
/// `photo`, `credit`, its own name or an ancestor's), unless every element so named above
/// it holds the whole article region `span`. A theme that wraps the site in `top-photo`
/// names its header photo, not the story under it; a gallery of captioned photos beside
/// the story is still captions, however long.
fn captioned(seg: &Segmentation, span: &Range<usize>) -> Vec<bool> {
    let holds_region = |e: &crate::segment::Element| {
        e.first_block as usize <= span.start && e.end_block as usize >= span.end
    };
    let inner = seg.subtrees(|_, e| e.own_hints.any(Hints::CAPTION) && !holds_region(e));
    seg.blocks
        .iter()
        .map(|b| {
            let Some(e) = seg.elements.get(b.element as usize) else {
                return b.hints.any(Hints::CAPTION);
            };
            // Named by an inline element (`<span class=caption>`) or by a caption box that
            // does not hold the region.
            b.hints.any(Hints::CAPTION) && !e.hints.any(Hints::CAPTION)
                || inner.get(b.element as usize).copied().unwrap_or(false)
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    #[test]
    fn a_caption_name_around_the_whole_story_is_not_a_caption_box() {
        let s = segment::of(
            "<div class='top-photo'><div class='site'><article><p>First paragraph.</p>\
             <p>Second paragraph.</p>\
             <div class='gallery'><p>Gallery picture one.</p></div></article></div>\
             <div class='caption'><p>Caption after the story.</p></div></div>",
        );
        // The region: the <article>.
        let article = s
            .elements
            .iter()
            .find(|e| &*e.name == "article")
            .expect("the article element");
        let span = article.first_block as usize..article.end_block as usize;
        let captioned = captioned(&s, &span);
        let text = |i: usize| s.text_of(&s.blocks[i]).to_string();
        let flagged: Vec<String> = (0..s.blocks.len())
            .filter(|i| captioned[*i])
            .map(text)
            .collect();
        assert!(!flagged.iter().any(|t| t.starts_with("First")));
        assert!(flagged.iter().any(|t| t.contains("Gallery picture one.")));
        assert!(
            flagged
                .iter()
                .any(|t| t.contains("Caption after the story."))
        );
    }
}
