//! Step 2 of the context stage — record sets.
//!
//! A listing, a product grid, a job board or a search page has no story: its content is a
//! set of sibling records of one shape (same tag and class list), each a title and a line
//! or two of text, mostly linked. Block by block they read as navigation (short, linked),
//! so the region search keeps nothing. Here sibling elements of one shape, repeated at
//! least `records_min` times, are found; when their text outweighs the page's prose, the
//! title and text blocks of their records are promoted to good text before the region is
//! chosen, so the region becomes the element holding the set. Their chrome (counts,
//! "Reply", short labels) stays out by length and phrase; sets in page landmarks or
//! believed boilerplate boxes are never promoted.
//!
//! Sources: record detection by repeated sibling structure, as in MDR (Liu, Grossman &
//! Zhai, *Mining Data Records in Web Pages*, KDD 2003) and DEPTA; the gate against the
//! page's prose follows boilerpipe's view that a story's prose outweighs its teaser lists.

use crate::classify::{Decision, Label, Rule};
use crate::features::Features;
use crate::lexicon::Hints;
use crate::page_type::PageType;
use crate::segment::Segmentation;
use crate::tuning::Tuning;
use std::collections::HashMap;

/// Sibling elements of one shape (same tag and class list), repeated.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct RecordSet {
    /// The element holding the records.
    pub(super) parent: u32,
    /// The records, in document order.
    pub(super) records: Vec<u32>,
    /// Characters of text under the records.
    pub(super) chars: u32,
    /// Characters of linked text under the records.
    pub(super) link_chars: u32,
    /// Characters of text under the largest record.
    pub(super) largest: u32,
}

/// The decisions with the record sets' text promoted, or `None` when no set outweighs
/// the page's prose (see the module doc).
pub(super) fn promote(
    seg: &Segmentation,
    features: &[Features],
    decisions: &[Decision],
    boxes: &[Hints],
    tuning: &Tuning,
    page_type: PageType,
) -> Option<Vec<Decision>> {
    let unboxed = |i: usize| boxes.get(i).is_none_or(|h| *h == Hints::NONE);
    let prose: u32 = seg
        .blocks
        .iter()
        .zip(decisions)
        .enumerate()
        .filter(|(i, (_, d))| unboxed(*i) && matches!(d.label, Label::Good | Label::NearGood))
        .map(|(_, (b, _))| b.chars)
        .sum();
    // A page that says it is an article (schema.org, og:type, URL) and has prose is one:
    // its record sets are teasers of other stories.
    if page_type == PageType::Article && prose >= tuning.fallback_min_chars {
        return None;
    }
    let sets = find(seg, tuning.records_min);
    let mut promote = vec![false; seg.blocks.len()];
    let mut gained = 0.0f32;
    for set in sets.iter().filter(|s| is_content_shaped(seg, s, tuning)) {
        // A set of linked teasers beside a story is the site's navigation; it counts for
        // less against the story's prose than records of unlinked text.
        let weight = if set.link_chars * 2 > set.chars {
            tuning.records_linked_weight
        } else {
            1.0
        };
        for r in &set.records {
            let Some(e) = seg.elements.get(*r as usize) else {
                continue;
            };
            for i in e.first_block as usize..e.end_block as usize {
                let wanted = unboxed(i) && is_record_text(seg, features, decisions, i, tuning);
                if let Some(p) = promote.get_mut(i).filter(|p| wanted && !**p) {
                    *p = true;
                    gained += weight * seg.blocks.get(i).map_or(0.0, |b| b.chars as f32);
                }
            }
        }
    }
    if gained <= 0.0 || gained < tuning.records_dominance * prose as f32 {
        return None;
    }
    let mut out = decisions.to_vec();
    for (d, p) in out.iter_mut().zip(&promote) {
        if *p {
            *d = Decision {
                label: Label::Good,
                rule: Rule::Record,
            };
        }
    }
    Some(out)
}

/// Records long enough to be teasers (not menu items), alike in size (not a page's
/// header, main and footer), outside the page landmarks.
pub(super) fn is_content_shaped(seg: &Segmentation, set: &RecordSet, tuning: &Tuning) -> bool {
    let in_landmark = seg
        .elements
        .get(set.parent as usize)
        .is_none_or(|p| p.hints.any(Hints::LANDMARK));
    let mean = set.chars / set.records.len().max(1) as u32;
    !in_landmark
        && mean >= tuning.records_min_mean
        && set.largest as f32 <= tuning.records_max_share * set.chars as f32
}

/// A block of a record that is its title or text rather than its chrome: not already
/// good, long enough, no boilerplate phrase, no byline or date line.
fn is_record_text(
    seg: &Segmentation,
    features: &[Features],
    decisions: &[Decision],
    i: usize,
    tuning: &Tuning,
) -> bool {
    let (Some(b), Some(f), Some(d)) = (seg.blocks.get(i), features.get(i), decisions.get(i)) else {
        return false;
    };
    d.label != Label::Good
        && !f.has_phrase
        && !f.is_byline
        && b.chars >= tuning.records_block_min_chars
}

/// Every set of at least `min_records` sibling elements of one shape that hold text.
pub(super) fn find(seg: &Segmentation, min_records: usize) -> Vec<RecordSet> {
    let mut chars = Vec::with_capacity(seg.blocks.len() + 1);
    let mut links = Vec::with_capacity(seg.blocks.len() + 1);
    chars.push(0u32);
    links.push(0u32);
    for b in &seg.blocks {
        chars.push(chars.last().copied().unwrap_or(0) + b.chars);
        links.push(links.last().copied().unwrap_or(0) + b.link_chars);
    }
    let sum = |v: &[u32], first: u32, end: u32| {
        v.get(end as usize).copied().unwrap_or(0) - v.get(first as usize).copied().unwrap_or(0)
    };
    let mut index: HashMap<(u32, u32), usize> = HashMap::new();
    let mut sets: Vec<RecordSet> = Vec::new();
    for (i, e) in seg.elements.iter().enumerate().skip(1) {
        let c = sum(&chars, e.first_block, e.end_block);
        if c == 0 {
            continue;
        }
        let slot = *index.entry((e.parent, e.shape)).or_insert_with(|| {
            sets.push(RecordSet {
                parent: e.parent,
                records: Vec::new(),
                chars: 0,
                link_chars: 0,
                largest: 0,
            });
            sets.len() - 1
        });
        if let Some(set) = sets.get_mut(slot) {
            set.records.push(i as u32);
            set.chars += c;
            set.link_chars += sum(&links, e.first_block, e.end_block);
            set.largest = set.largest.max(c);
        }
    }
    sets.retain(|s| s.records.len() >= min_records);
    sets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    #[test]
    fn siblings_of_one_shape_form_a_set_and_digits_do_not_split_it() {
        let seg = segment::of(
            "<ul><li class='card-1'>First teaser title here</li>\
             <li class='card-2'>Second teaser title here</li>\
             <li class='card-3'>Third teaser title here</li>\
             <li class='other'>Not one of them</li></ul>",
        );
        let sets = find(&seg, 3);
        assert_eq!(sets.len(), 1);
        assert_eq!(sets[0].records.len(), 3);
    }

    #[test]
    fn cards_whose_later_classes_name_their_own_data_are_one_set() {
        // WordPress `post_class()`: the component class first, then the post's id,
        // categories and tags, which differ from card to card.
        let seg = segment::of(
            "<div><article class='card post-101 category-soup tag-winter'>Leek soup</article>\
             <article class='card post-102 category-bread'>Rye bread at home</article>\
             <article class='card post-103 category-cake tag-easy tag-quick'>Lemon cake</article>\
             <article class='teaser post-104'>Not a card</article></div>",
        );
        let sets = find(&seg, 3);
        assert_eq!(sets.len(), 1);
        assert_eq!(sets[0].records.len(), 3);
    }

    #[test]
    fn two_alike_siblings_are_no_set() {
        let seg =
            segment::of("<div><p class='a'>one two three</p><p class='a'>four five</p></div>");
        assert!(find(&seg, 3).is_empty());
    }

    #[test]
    fn a_page_of_sections_is_not_content_shaped() {
        let long = "word ".repeat(200);
        let page = format!(
            "<div class='row'>Site name and menu</div><div class='row'>{long}</div>\
             <div class='row'>Footer links and legal</div>"
        );
        let seg = segment::of(&page);
        let sets = find(&seg, 3);
        assert_eq!(sets.len(), 1);
        assert!(!is_content_shaped(&seg, &sets[0], &Tuning::BALANCED));
    }
}
