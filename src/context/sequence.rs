//! Step 4 of the context stage — jusText's sequence revision, inside the region.
//!
//! Headings followed closely by good text become near-good; short blocks take the label of
//! their neighbours; near-good blocks are good unless only bad text surrounds them. Source:
//! jusText `revise_paragraph_classification` (Pomikálek 2011).

use super::PageContext;
use crate::classify::{Decision, Label, Rule};
use crate::features::Features;
use crate::lexicon::{Hints, TagKind};
use crate::segment::Segmentation;
use crate::tuning::Tuning;
use std::ops::Range;

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
pub(super) fn sequence(
    seg: &Segmentation,
    features: &[Features],
    cf: &[Decision],
    span: Range<usize>,
    tuning: &Tuning,
    page: PageContext<'_>,
) -> Vec<Decision> {
    let mut out: Vec<Decision> = cf.to_vec();
    mark_title(seg, &mut out, page);
    // Outside the region everything but good text is bad; good text there is judged by
    // `restrict` (reach).
    for (i, d) in out.iter_mut().enumerate() {
        if !span.contains(&i) && d.label != Label::Good {
            set(d, Label::Bad, Rule::OutsideRegion);
        }
    }
    headings_before_good(seg, &mut out, tuning);
    near_good_in_region(seg, cf, &mut out, span.clone());
    let first_good = span
        .clone()
        .find(|i| out.get(*i).is_some_and(|d| d.label == Label::Good));
    let last_good = span
        .clone()
        .rev()
        .find(|i| out.get(*i).is_some_and(|d| d.label == Label::Good));
    if let (Some(first), Some(last)) = (first_good, last_good) {
        let ctx = Span {
            seg,
            features,
            tuning,
            span,
            first,
            last,
        };
        ctx.interior(&mut out);
        ctx.edges(&mut out);
    }
    for d in out.iter_mut() {
        if d.label == Label::Short {
            set(d, Label::Bad, Rule::OutsideArticle);
        }
    }
    out
}

fn set(d: &mut Decision, label: Label, rule: Rule) {
    *d = Decision { label, rule };
}

fn is_heading(seg: &Segmentation, i: usize) -> bool {
    seg.blocks
        .get(i)
        .is_some_and(|b| matches!(b.kind, TagKind::Heading(_)))
}

/// The headline is reported as the title, not as text; settled first so that it neither
/// counts as a heading before good text nor opens the article span.
fn mark_title(seg: &Segmentation, out: &mut [Decision], page: PageContext<'_>) {
    let Some(title) = page.title.map(normalise) else {
        return;
    };
    for (block, d) in seg.blocks.iter().zip(out.iter_mut()) {
        if matches!(block.kind, TagKind::Heading(_))
            && same_normalised_title(&normalise(seg.text_of(block)), &title)
        {
            set(d, Label::Bad, Rule::Title);
        }
    }
}

/// Headings followed closely by good text are near-good.
fn headings_before_good(seg: &Segmentation, out: &mut [Decision], tuning: &Tuning) {
    let labels: Vec<Label> = out.iter().map(|d| d.label).collect();
    for (i, d) in out.iter_mut().enumerate() {
        if d.label == Label::Short
            && is_heading(seg, i)
            && good_follows(seg, &labels, i, tuning.max_heading_distance)
        {
            set(d, Label::NearGood, Rule::HeadingBeforeGood);
        }
    }
}

/// Near-good blocks in the region are good, except inside a header before the story's
/// first good block (a standfirst or a dateline), which only the span rules may keep.
fn near_good_in_region(
    seg: &Segmentation,
    cf: &[Decision],
    out: &mut [Decision],
    span: Range<usize>,
) {
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
}

/// The region's span and its first and last good block, for the span rules.
struct Span<'a> {
    seg: &'a Segmentation,
    features: &'a [Features],
    tuning: &'a Tuning,
    span: Range<usize>,
    first: usize,
    last: usize,
}

impl Span<'_> {
    fn linked_ok(&self, i: usize) -> bool {
        self.features
            .get(i)
            .is_some_and(|f| f.link_density <= self.tuning.max_link_density_inside)
    }

    /// Between the first and the last good block of the region, short blocks, short
    /// paragraphs with a link or two, and unlinked blocks that are bad only for want of
    /// stopwords (subheadings, lists of dates, recipe lines, score tables) are article.
    fn interior(&self, out: &mut [Decision]) {
        for i in self.first..=self.last {
            if let Some(d) = out.get_mut(i) {
                let keeps = match (d.label, d.rule) {
                    (Label::Short, _) | (Label::Bad, Rule::FewStopwords | Rule::LinkedProse) => {
                        true
                    }
                    (Label::Bad, Rule::ShortLinked) => self.linked_ok(i),
                    _ => false,
                };
                if keeps {
                    set(d, Label::Good, Rule::InsideArticle);
                }
            }
        }
    }

    /// Just outside the span, the article may open or close with a short sentence (a
    /// one-line lead, a closing quote): sentence-like short blocks contiguous with it.
    fn sentence_like(&self, d: &Decision, i: usize) -> bool {
        !self
            .seg
            .blocks
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
            && self.linked_ok(i)
            && self.features.get(i).is_some_and(|f| f.sentence_ends > 0)
    }

    /// The blocks of the element holding block `i`'s element.
    fn container_of(&self, i: usize) -> Range<usize> {
        let seg = self.seg;
        seg.blocks
            .get(i)
            .and_then(|b| seg.elements.get(b.element as usize))
            .and_then(|e| seg.elements.get(e.parent as usize))
            .map_or(0..0, |p| p.first_block as usize..p.end_block as usize)
    }

    /// Around the span, unlinked lines that sit in the same container as the story's first
    /// or last paragraph continue it (a subheading and list before the first paragraph, a
    /// list of tour dates or a results table after the last); anything in another box
    /// does not.
    fn unlinked_list(&self, d: &Decision, i: usize, container: &Range<usize>) -> bool {
        container.contains(&i)
            && matches!(
                (d.label, d.rule),
                (Label::Short, _) | (Label::Bad, Rule::FewStopwords)
            )
            && self.features.get(i).is_some_and(|f| f.link_density == 0.0)
    }

    /// Extends the article over its edges (see [`Span::sentence_like`] and
    /// [`Span::unlinked_list`]).
    fn edges(&self, out: &mut [Decision]) {
        let (before, after) = if self.tuning.extend_edges {
            (self.span.start..self.first, self.last + 1..self.span.end)
        } else {
            (self.first..self.first, 0..0)
        };
        let head = self.container_of(self.first);
        for i in before.rev() {
            match out.get_mut(i) {
                Some(d) if self.sentence_like(d, i) || self.unlinked_list(d, i, &head) => {
                    set(d, Label::Good, Rule::ArticleEdge)
                }
                _ => break,
            }
        }
        let tail = self.container_of(self.last);
        for i in after {
            match out.get_mut(i) {
                Some(d) if self.sentence_like(d, i) || self.unlinked_list(d, i, &tail) => {
                    set(d, Label::Good, Rule::ArticleEdge)
                }
                _ => break,
            }
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
