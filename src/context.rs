//! Stage 5 of 6 — context revision.
//!
//! Input: the [`Segmentation`], one [`Features`] and one context-free [`Decision`] per block,
//! the `Tuning` and what is known of the page (its title, whether captions are wanted).
//! Output: [`Revised`]: the final decision per block and the article region chosen.
//!
//! Decides, in order:
//! 1. **Sequence** (jusText's revision): headings followed closely by good text become
//!    near-good; short blocks take the label of their neighbours; near-good blocks are good
//!    unless only bad text surrounds them.
//! 2. **Boilerplate boxes**: an element named for a boilerplate concept (share, related,
//!    newsletter, comments…) is believed only when it holds a minor share of the page's good
//!    text, so a site that names its article wrapper `comments-open` is not emptied.
//! 3. **Region**: every element gets the sum of its blocks' values (good text positive, bad
//!    text and believed boilerplate boxes negative); the element with the largest sum is the
//!    article region, the DOM form of maximum-subsequence segmentation. A stray good-looking
//!    block far from it is dropped; a short paragraph inside it that the sequence rules kept
//!    stays.
//! 4. **Restrict**: blocks outside the region are dropped unless good and within reach of
//!    it; inside it, boilerplate boxes, captions, bylines and the headline are dropped.
//!
//! Sources: jusText `revise_paragraph_classification` (Pomikálek 2011); Pasternack & Roth,
//! *Extracting Article Text from the Web with Maximum Subsequence Segmentation*, WWW 2009;
//! Readability.js ancestor scoring and `_getClassWeight`.

use crate::classify::{Decision, Label, Rule};
use crate::features::Features;
use crate::lexicon::{Hints, TagKind};
use crate::segment::{NONE, Segmentation};
use crate::tuning::Tuning;

/// What the context stage knows beyond the blocks.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PageContext<'a> {
    /// The page title as metadata found it, to drop the headline from the text.
    pub(crate) title: Option<&'a str>,
    /// Keep captions instead of dropping them.
    pub(crate) include_captions: bool,
    /// The language the page's markup declares (read by the features stage).
    pub(crate) language: Option<&'a str>,
}

/// The outcome of the context stage.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Revised {
    /// Final decision per block: `Good` blocks are the article.
    pub(crate) decisions: Vec<Decision>,
    /// Element-table index of the article region.
    pub(crate) region: u32,
}

/// Revises the context-free decisions (see the module doc).
pub(crate) fn revise(
    seg: &Segmentation,
    features: &[Features],
    decisions: &[Decision],
    tuning: &Tuning,
    page: PageContext<'_>,
) -> Revised {
    let boxes = boxes(seg, features, decisions, tuning);
    let region = region(seg, features, decisions, &boxes, tuning);
    let span = seg
        .elements
        .get(region as usize)
        .map_or(0..0, |e| e.first_block as usize..e.end_block as usize);
    let mut decisions = sequence(seg, features, decisions, span.clone(), tuning, page);
    restrict(seg, features, &mut decisions, &boxes, span, tuning, page);
    keep_tiny_page(seg, &mut decisions, tuning);
    Revised { decisions, region }
}

/// When nothing was kept and the whole page holds less than `tiny_page_chars` of text,
/// the page is its own article (a note, a stub, a test page): keep all of it, as
/// Readability.js falls back to the whole body.
fn keep_tiny_page(seg: &Segmentation, decisions: &mut [Decision], tuning: &Tuning) {
    let total: u32 = seg.blocks.iter().map(|b| b.chars).sum();
    if total == 0
        || total > tuning.tiny_page_chars
        || decisions.iter().any(|d| d.label == Label::Good)
    {
        return;
    }
    for d in decisions.iter_mut() {
        *d = Decision {
            label: Label::Good,
            rule: Rule::TinyPage,
        };
    }
}

/// Whether good text follows block `i` within the heading distance.
fn good_follows(seg: &Segmentation, labels: &[Label], i: usize, max_distance: u32) -> bool {
    let mut distance = 0u32;
    for (j, l) in labels.iter().enumerate().skip(i + 1) {
        if distance > max_distance {
            return false;
        }
        if *l == Label::Good {
            return true;
        }
        distance += seg.blocks.get(j).map_or(0, |b| b.chars);
    }
    false
}

/// jusText's sequence revision, inside the region: blocks outside it count as bad
/// neighbours, and near-good blocks inside it are good (the region vote already put them in
/// an article context, which is what jusText's near-good rule looks for).
fn sequence(
    seg: &Segmentation,
    features: &[Features],
    cf: &[Decision],
    span: std::ops::Range<usize>,
    tuning: &Tuning,
    page: PageContext<'_>,
) -> Vec<Decision> {
    let mut out: Vec<Decision> = cf.to_vec();
    // The headline is reported as the title, not as text; settled first so that it neither
    // counts as a heading before good text nor opens the article span.
    let title = page.title.map(normalise);
    for (block, d) in seg.blocks.iter().zip(out.iter_mut()) {
        if matches!(block.kind, TagKind::Heading(_))
            && title
                .as_deref()
                .is_some_and(|t| same_normalised_title(&normalise(seg.text_of(block)), t))
        {
            *d = Decision {
                label: Label::Bad,
                rule: Rule::Title,
            };
        }
    }
    let is_heading = |i: usize| {
        seg.blocks
            .get(i)
            .is_some_and(|b| matches!(b.kind, TagKind::Heading(_)))
    };
    let set = |d: &mut Decision, label, rule| *d = Decision { label, rule };
    // Outside the region everything but good text is bad; good text there is judged by
    // `restrict` (reach).
    for (i, d) in out.iter_mut().enumerate() {
        if !span.contains(&i) && d.label != Label::Good {
            set(d, Label::Bad, Rule::OutsideRegion);
        }
    }
    // Headings followed closely by good text are near-good.
    let labels: Vec<Label> = out.iter().map(|d| d.label).collect();
    for (i, d) in out.iter_mut().enumerate() {
        if d.label == Label::Short
            && is_heading(i)
            && good_follows(seg, &labels, i, tuning.max_heading_distance)
        {
            set(d, Label::NearGood, Rule::HeadingBeforeGood);
        }
    }
    // Near-good blocks in the region are good, except inside a header before the story's
    // first good block (a standfirst or a dateline), which only the span rules may keep.
    let first_cf_good = span
        .clone()
        .find(|i| cf.get(*i).is_some_and(|d| d.label == Label::Good))
        .unwrap_or(span.end);
    for (i, d) in out.iter_mut().enumerate() {
        let in_header = i < first_cf_good
            && seg
                .blocks
                .get(i)
                .is_some_and(|b| b.hints.any(Hints::HEADER));
        if d.label == Label::NearGood && in_header && d.rule != Rule::HeadingBeforeGood {
            set(d, Label::Short, Rule::TooShort);
        } else if d.label == Label::NearGood {
            let rule = if d.rule == Rule::HeadingBeforeGood {
                Rule::HeadingBeforeGood
            } else {
                Rule::NearGoodInRegion
            };
            set(d, Label::Good, rule);
        }
    }
    // Between the first and the last good block of the region, short blocks, short
    // paragraphs with a link or two, and unlinked blocks that are bad only for want of
    // stopwords (subheadings, lists of dates, recipe lines, score tables) are article.
    let in_span = |i: &usize| span.contains(i);
    let first_good = span
        .clone()
        .find(|i| out.get(*i).is_some_and(|d| d.label == Label::Good));
    let last_good = span
        .clone()
        .rev()
        .find(|i| out.get(*i).is_some_and(|d| d.label == Label::Good));
    let (Some(first), Some(last)) = (first_good, last_good) else {
        for (i, d) in out.iter_mut().enumerate() {
            if in_span(&i) && d.label == Label::Short {
                set(d, Label::Bad, Rule::OutsideArticle);
            }
        }
        return out;
    };
    let linked_ok = |i: usize| {
        features
            .get(i)
            .is_some_and(|f| f.link_density <= tuning.max_link_density_inside)
    };
    let interior_keeps = |d: &Decision, i: usize| match (d.label, d.rule) {
        (Label::Short, _) | (Label::Bad, Rule::FewStopwords | Rule::LinkedProse) => true,
        (Label::Bad, Rule::ShortLinked) => linked_ok(i),
        _ => false,
    };
    for i in first..=last {
        if let Some(d) = out.get_mut(i) {
            if interior_keeps(d, i) {
                set(d, Label::Good, Rule::InsideArticle);
            }
        }
    }
    // Just outside that span, the article may open or close with a short sentence (a one-line
    // lead, a closing quote): keep sentence-like short blocks contiguous with it.
    let sentence_like = |d: &Decision, i: usize| {
        !seg.blocks
            .get(i)
            .is_some_and(|b| b.hints.any(Hints::HEADER))
            && matches!(
                (d.label, d.rule),
                (Label::Short, _)
                    | (
                        Label::Bad,
                        Rule::ShortLinked | Rule::LinkedProse | Rule::FewStopwords
                    )
            )
            && linked_ok(i)
            && features.get(i).is_some_and(|f| f.sentence_ends > 0)
    };
    // Around the span, unlinked lines that sit in the same container as the story's first
    // or last paragraph continue it (a subheading and list before the first paragraph, a
    // list of tour dates or a results table after the last); anything in another box
    // does not.
    let container_of = |i: usize| {
        seg.blocks
            .get(i)
            .and_then(|b| seg.elements.get(b.element as usize))
            .and_then(|e| seg.elements.get(e.parent as usize))
            .map_or(0..0, |p| p.first_block as usize..p.end_block as usize)
    };
    let unlinked_list = |d: &Decision, i: usize, container: &std::ops::Range<usize>| {
        container.contains(&i)
            && matches!(
                (d.label, d.rule),
                (Label::Short, _) | (Label::Bad, Rule::FewStopwords)
            )
            && features.get(i).is_some_and(|f| f.link_density == 0.0)
    };
    let head = container_of(first);
    let edges = if tuning.extend_edges {
        span.start..first
    } else {
        first..first
    };
    for i in edges.rev() {
        match out.get_mut(i) {
            Some(d) if sentence_like(d, i) || unlinked_list(d, i, &head) => {
                set(d, Label::Good, Rule::ArticleEdge)
            }
            _ => break,
        }
    }
    let tail = container_of(last);
    let edges = if tuning.extend_edges {
        last + 1..span.end
    } else {
        0..0
    };
    for i in edges {
        match out.get_mut(i) {
            Some(d) if sentence_like(d, i) || unlinked_list(d, i, &tail) => {
                set(d, Label::Good, Rule::ArticleEdge)
            }
            _ => break,
        }
    }
    for d in out.iter_mut() {
        if d.label == Label::Short {
            set(d, Label::Bad, Rule::OutsideArticle);
        }
    }
    out
}

/// Length of a block for the region sums.
fn length(features: &[Features], i: usize) -> f32 {
    features.get(i).map_or(0.0, |f| f.length as f32)
}

/// Per block, the boilerplate concepts of the boxes it sits in that are believed: boxes
/// named by class, id, role or tag (an element's own names plus its ancestors'), and boxes
/// opened by a boilerplate section heading ("Comments", "Related articles"). A box is
/// believed only when it holds less than `hinted_region_max_share` of the page's good text.
fn boxes(
    seg: &Segmentation,
    features: &[Features],
    decisions: &[Decision],
    tuning: &Tuning,
) -> Vec<Hints> {
    // Good length per block, prefix-summed so any range's good text is one subtraction.
    let mut prefix = Vec::with_capacity(seg.blocks.len() + 1);
    prefix.push(0.0f32);
    let mut acc = 0.0f32;
    for (i, d) in decisions.iter().enumerate() {
        if matches!(d.label, Label::Good | Label::NearGood) {
            acc += length(features, i);
        }
        prefix.push(acc);
    }
    let limit = tuning.hinted_region_max_share * acc.max(1.0);
    let good_in = |first: usize, end: usize| {
        prefix.get(end).copied().unwrap_or(acc) - prefix.get(first).copied().unwrap_or(0.0)
    };
    let mut believed = vec![Hints::NONE; seg.elements.len()];
    for (i, e) in seg.elements.iter().enumerate() {
        let inherited = believed.get(e.parent as usize).copied().unwrap_or_default();
        let mut mine = Hints(e.own_hints.0 & Hints::BOILERPLATE.0);
        if e.parent == NONE || good_in(e.first_block as usize, e.end_block as usize) > limit {
            mine = Hints::NONE;
        }
        if let Some(slot) = believed.get_mut(i) {
            *slot = inherited.with(mine);
        }
    }
    let mut per_block: Vec<Hints> = seg
        .blocks
        .iter()
        .map(|b| {
            believed
                .get(b.element as usize)
                .copied()
                .unwrap_or_default()
        })
        .collect();
    for (i, f) in features.iter().enumerate() {
        if f.heads == Hints::NONE {
            continue;
        }
        let range = headed_box(seg, decisions, i);
        if good_in(range.start, range.end) > tuning.headed_box_max_share * acc.max(1.0) {
            continue;
        }
        for slot in per_block.get_mut(range).into_iter().flatten() {
            *slot = slot.with(f.heads);
        }
    }
    per_block
}

/// The blocks a section heading at block `i` heads: from the heading to the end of the
/// nearest enclosing element that holds more than the heading. When that element also
/// holds text before the heading and the heading is not a heading element (`h1`–`h6`), it
/// sits inside running prose ("Read also" above a link, in the middle of a story), so it
/// heads only what comes before the next good block.
fn headed_box(seg: &Segmentation, decisions: &[Decision], i: usize) -> std::ops::Range<usize> {
    let mut e = seg.blocks.get(i).map_or(NONE, |b| b.element);
    while let Some(el) = seg.elements.get(e as usize) {
        if el.end_block as usize > i + 1 {
            let end = el.end_block as usize;
            let is_heading_element = seg
                .blocks
                .get(i)
                .is_some_and(|b| matches!(b.kind, TagKind::Heading(_)));
            if (el.first_block as usize) < i && !is_heading_element {
                let next_good = (i + 1..end)
                    .find(|j| decisions.get(*j).is_some_and(|d| d.label == Label::Good))
                    .unwrap_or(end);
                return i..next_good;
            }
            return i..end;
        }
        if el.parent == NONE {
            break;
        }
        e = el.parent;
    }
    i..i + 1
}

/// The element whose blocks have the largest summed value (see the module doc).
fn region(
    seg: &Segmentation,
    features: &[Features],
    decisions: &[Decision],
    boxes: &[Hints],
    tuning: &Tuning,
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
        if e.own_hints.any(Hints::BODY) {
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

/// Applies the region and the in-region drops to the decisions.
fn restrict(
    seg: &Segmentation,
    features: &[Features],
    decisions: &mut [Decision],
    boxes: &[Hints],
    span: std::ops::Range<usize>,
    tuning: &Tuning,
    page: PageContext<'_>,
) {
    let (first, end) = (span.start, span.end);
    let drop = |d: &mut Decision, rule| {
        *d = Decision {
            label: Label::Bad,
            rule,
        }
    };
    for (i, (block, d)) in seg.blocks.iter().zip(decisions.iter_mut()).enumerate() {
        if d.label != Label::Good {
            continue;
        }
        let boxed = boxes.get(i).copied().unwrap_or_default();
        let f = features.get(i);
        if boxed != Hints::NONE {
            drop(d, Rule::HintedBox(boxed));
        } else if !page.include_captions
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
    // Outside the region: keep good blocks within reach, drop the rest.
    // Reach never takes text under a landmark (<footer>, <nav>) or a boilerplate name: a
    // footer's long legal paragraphs sit right after many short articles.
    let reachable = |i: usize| {
        seg.blocks
            .get(i)
            .is_some_and(|b| !b.hints.any(Hints(Hints::BOILERPLATE.0 | Hints::LANDMARK.0)))
    };
    let reach = tuning.outside_reach_blocks;
    let mut keep_outside = vec![false; decisions.len()];
    let mut budget = reach;
    for i in (0..first).rev() {
        if budget == 0 {
            break;
        }
        match decisions.get(i) {
            Some(d) if d.label == Label::Good && reachable(i) => {
                if let Some(k) = keep_outside.get_mut(i) {
                    *k = true;
                }
            }
            _ => budget -= 1,
        }
    }
    budget = reach;
    for i in end..decisions.len() {
        if budget == 0 {
            break;
        }
        match decisions.get(i) {
            Some(d) if d.label == Label::Good && reachable(i) => {
                if let Some(k) = keep_outside.get_mut(i) {
                    *k = true;
                }
            }
            _ => budget -= 1,
        }
    }
    for (i, d) in decisions.iter_mut().enumerate() {
        if (first..end).contains(&i) || d.label != Label::Good {
            continue;
        }
        if keep_outside.get(i).copied().unwrap_or(false) {
            d.rule = Rule::NearRegion;
        } else {
            drop(d, Rule::OutsideRegion);
        }
    }
}

/// Whether a heading is the page title (equal after normalising case, spaces and
/// punctuation, or the title is the heading plus a site-name suffix).
#[cfg(test)]
fn same_title(heading: &str, title: &str) -> bool {
    same_normalised_title(&normalise(heading), &normalise(title))
}

/// [`same_title`] on texts already passed through [`normalise`].
fn same_normalised_title(h: &str, t: &str) -> bool {
    !h.is_empty()
        && (h == t || (h.len() >= 20 && t.contains(h)) || (t.len() >= 20 && h.contains(t)))
}

fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::segment::of as seg;

    fn labels(s: &Segmentation, good: &[usize]) -> Vec<Decision> {
        (0..s.blocks.len())
            .map(|i| Decision {
                label: if good.contains(&i) {
                    Label::Good
                } else {
                    Label::Bad
                },
                rule: Rule::TooShort,
            })
            .collect()
    }

    #[test]
    fn a_heading_opening_its_section_heads_all_of_it() {
        let s = seg(
            "<main><p>Story.</p><section><h2>Comments</h2><p>One.</p><p>Two.</p></section></main>",
        );
        assert_eq!(headed_box(&s, &labels(&s, &[0, 2, 3]), 1), 1..4);
    }

    #[test]
    fn a_heading_inside_running_prose_heads_up_to_the_next_good_block() {
        let s = seg(
            "<div><p>Story one.</p><p>Read also</p><ul><li>A</li><li>B</li></ul><p>Story two.</p></div>",
        );
        assert_eq!(headed_box(&s, &labels(&s, &[0, 4]), 1), 1..4);
    }

    #[test]
    fn a_heading_element_heads_the_rest_of_its_container() {
        let s = seg("<div><p>Story one.</p><h3>Related</h3><p>Teaser.</p><p>Teaser.</p></div>");
        assert_eq!(headed_box(&s, &labels(&s, &[0, 2, 3]), 1), 1..4);
    }

    #[test]
    fn a_heading_inside_a_box_heads_only_that_box() {
        let s =
            seg("<div><aside>Related<ul><li>A</li></ul></aside><p>Story.</p><p>More.</p></div>");
        assert_eq!(headed_box(&s, &labels(&s, &[2, 3]), 0), 0..2);
    }

    #[test]
    fn titles_match_with_site_suffix() {
        assert!(same_title(
            "Council approves the new bridge plan",
            "Council approves the new bridge plan | The Valley Post"
        ));
        assert!(!same_title(
            "Results",
            "Council approves the new bridge plan"
        ));
        assert!(same_title("Results", "results"));
    }
}
