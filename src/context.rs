//! Stage 5 of 6 — context revision.
//!
//! Input: the [`Segmentation`], one [`Features`] and one context-free [`Decision`] per block,
//! the `Tuning` and what is known of the page (its title, whether captions are wanted).
//! Output: [`Revised`]: the final decision per block and the article region chosen.
//!
//! Decides, in order (one file per step under `context/`):
//! 1. **Boilerplate boxes** (`boxes.rs`): an element named for a boilerplate concept
//!    (share, related, newsletter, comments…) is believed only when it holds a minor share
//!    of the page's good text, so a site that names its article wrapper `comments-open` is
//!    not emptied; a concept that names most of the page's boxes is the page builder's
//!    vocabulary and is not believed at all; on a forum thread comment names are not.
//! 2. **Record sets** (`records.rs`): sibling elements of one shape repeated at least
//!    three times (teasers, cards, posts) whose text outweighs the page's prose have their
//!    title and text blocks promoted to good text, so a listing or a grid is its own content.
//! 3. **Region** (`region.rs`): every element gets the sum of its blocks' values (good text
//!    positive, bad text and believed boilerplate boxes negative); the element with the
//!    largest sum is the article region, the DOM form of maximum-subsequence segmentation.
//! 4. **Sequence** (`sequence.rs`, jusText's revision inside the region): headings followed
//!    closely by good text become near-good; short blocks take the label of their
//!    neighbours; near-good blocks are good unless only bad text surrounds them.
//! 5. **Restrict** (`restrict.rs`): blocks outside the region are dropped unless good and
//!    within reach of it; inside it, boilerplate boxes, captions, bylines and the headline
//!    are dropped.
//! 6. **Copies** (`copies.rs`): `<noscript>` copies of text shown elsewhere and later copies
//!    of a repeated box (breakpoint variants, cloned slides, a wholly quoted post) are
//!    dropped: a reader sees the text once.
//! 7. **Fallback** (`fallback.rs`): when nothing was kept, the blocks that read as prose on
//!    their own are, else the blocks with text of their own, else a grid of short tiles in
//!    the main content; a tiny page is kept whole.
//!
//! Sources: jusText `revise_paragraph_classification` (Pomikálek 2011); Pasternack & Roth,
//! *Extracting Article Text from the Web with Maximum Subsequence Segmentation*, WWW 2009;
//! Readability.js ancestor scoring and `_getClassWeight`.

use crate::classify::{Decision, Label, Rule};
use crate::features::Features;
use crate::page_type::PageType;
use crate::segment::Segmentation;
use crate::tuning::Tuning;

mod boxes;
mod copies;
mod docs;
mod fallback;
mod records;
mod region;
mod restrict;
mod sequence;

use boxes::boxes;
use fallback::fallback;
use region::region;
use restrict::restrict;
use sequence::sequence;

/// What the context stage knows beyond the blocks.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PageContext<'a> {
    /// The page title as metadata found it, to drop the headline from the text.
    pub(crate) title: Option<&'a str>,
    /// Keep captions instead of dropping them.
    pub(crate) include_captions: bool,
    /// The language the page's markup declares (read by the features stage).
    pub(crate) language: Option<&'a str>,
    /// What kind of page this is (`page_type` stage): on a forum thread the posts are the
    /// content, whatever their class names say.
    pub(crate) page_type: PageType,
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
    context_free: &[Decision],
    tuning: &Tuning,
    page: PageContext<'_>,
) -> Revised {
    let code = docs::code_blocks(seg, features, context_free, tuning, page.page_type);
    let context_free = code.as_deref().unwrap_or(context_free);
    let boxes = boxes(seg, features, context_free, tuning, page.page_type);
    let promoted = records::promote(seg, features, context_free, &boxes, tuning, page.page_type);
    let context_free = promoted.as_deref().unwrap_or(context_free);
    let region = region(seg, features, context_free, &boxes, tuning, page.page_type);
    let span = seg
        .elements
        .get(region as usize)
        .map_or(0..0, |e| e.first_block as usize..e.end_block as usize);
    let mut decisions = sequence(seg, features, context_free, span.clone(), tuning, page);
    restrict(seg, features, &mut decisions, &boxes, span, tuning, page);
    docs::wholes(seg, &mut decisions, &boxes, page.page_type);
    copies::drop_noscript_copies(seg, &mut decisions);
    copies::drop_repeated_copies(seg, &mut decisions);
    fallback(seg, features, context_free, &mut decisions, tuning);
    keep_tiny_page(seg, features, &mut decisions, tuning);
    Revised { decisions, region }
}

/// When nothing was kept and the whole page holds less than `tiny_page_chars` of text,
/// the page is its own article (a note, a stub, a test page): keep all of it, as
/// Readability.js falls back to the whole body.
/// Boilerplate phrases ("please enable JavaScript") stay out even then.
fn keep_tiny_page(
    seg: &Segmentation,
    features: &[Features],
    decisions: &mut [Decision],
    tuning: &Tuning,
) {
    let total: u32 = seg.blocks.iter().map(|b| b.chars).sum();
    if total == 0
        || total > tuning.tiny_page_chars
        || decisions.iter().any(|d| d.label == Label::Good)
    {
        return;
    }
    for (d, f) in decisions.iter_mut().zip(features) {
        if !f.has_phrase {
            *d = Decision {
                label: Label::Good,
                rule: Rule::TinyPage,
            };
        }
    }
}

/// Shapes (see `segment::Element::shape`) of the elements `pick` selects that occur more
/// than once: a body name worn by every post of a thread (`js-post-body`).
fn repeated_shapes(
    seg: &Segmentation,
    pick: impl Fn(&crate::segment::Element) -> bool,
) -> std::collections::HashSet<u32> {
    let mut seen = std::collections::HashSet::new();
    let mut repeated = std::collections::HashSet::new();
    for e in seg.elements.iter().filter(|e| pick(e)) {
        if !seen.insert(e.shape) {
            repeated.insert(e.shape);
        }
    }
    repeated
}

/// Length of a block for the region sums.
fn length(features: &[Features], i: usize) -> f32 {
    features.get(i).map_or(0.0, |f| f.length as f32)
}
