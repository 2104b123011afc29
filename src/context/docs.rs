//! Structural wholes of the context stage: code blocks, table rows and definition lists.
//!
//! A jusText-style label judges each block as prose, which a code sample, a table cell or a
//! definition term is not: `let x = 5;` has no stopwords, `accumulate()` in a reference
//! table is one short link. So the block rules cut such structures apart, keeping the prose
//! around a code sample but not the sample, or a table's description column but not its
//! linked name column. Two steps follow the markup instead:
//! 1. [`code_blocks`], before the region vote: on a documentation page a `<pre>` code block
//!    that is not a link list and not in a boilerplate-named box is near-good, so it counts
//!    for the region that holds it and is kept inside it, whatever its stopwords.
//! 2. [`wholes`], after the region is restricted, on a documentation page: a table row one
//!    of whose cells is kept is kept whole, and a definition term (`<dt>`) whose description
//!    (`<dd>`) is kept is kept. (On every page it lowered scrapinghub SH F1 0.9755 -> 0.9747.)
//!
//! Sources: HTML Living Standard §4.4.3 (`pre`), §4.4.9–4.4.11 (`dl`, `dt`, `dd`), §4.9
//! (tables); the WCXB annotation guide ("documentation: the body text with its headings,
//! lists, tables and code").

use crate::classify::{Decision, Label, Rule};
use crate::features::Features;
use crate::lexicon::{Hints, TagKind};
use crate::page_type::PageType;
use crate::segment::{NONE, Segmentation};
use crate::tuning::Tuning;

/// On a documentation page, code blocks are near-good (see the module doc). Returns the
/// revised context-free decisions, or `None` on other pages (nothing to revise, no copy).
pub(super) fn code_blocks(
    seg: &Segmentation,
    features: &[Features],
    context_free: &[Decision],
    tuning: &Tuning,
    page_type: PageType,
) -> Option<Vec<Decision>> {
    if page_type != PageType::Documentation {
        return None;
    }
    let mut out = context_free.to_vec();
    for ((block, f), d) in seg.blocks.iter().zip(features).zip(out.iter_mut()) {
        let code = block.kind == TagKind::Code
            && !block
                .hints
                .any(Hints(Hints::BOILERPLATE.0 | Hints::LANDMARK.0))
            && f.link_density <= tuning.max_link_density_inside
            && !f.has_phrase;
        if code && matches!(d.label, Label::Bad | Label::Short) {
            *d = Decision {
                label: Label::NearGood,
                rule: Rule::CodeBlock,
            };
        }
    }
    Some(out)
}

/// On a documentation page, keeps table rows and definition terms whole (see the module doc). `boxes` are the
/// believed boilerplate boxes per block: nothing in one is brought back.
pub(super) fn wholes(
    seg: &Segmentation,
    decisions: &mut [Decision],
    boxes: &[Hints],
    page_type: PageType,
) {
    if page_type != PageType::Documentation {
        return;
    }
    let kept = |d: &Decision| d.label == Label::Good;
    let mut rows: Vec<u32> = seg
        .blocks
        .iter()
        .zip(decisions.iter())
        .filter(|(b, d)| b.row != NONE && kept(d))
        .map(|(b, _)| b.row)
        .collect();
    rows.sort_unstable();
    rows.dedup();
    let element_name = |i: usize| {
        seg.blocks
            .get(i)
            .and_then(|b| seg.elements.get(b.element as usize))
            .map(|e| &*e.name)
    };
    let mut terms = Vec::new();
    for i in 0..seg.blocks.len() {
        if element_name(i) == Some("dt") {
            // The term's description: the next block that is not another term of it.
            let mut j = i + 1;
            while element_name(j) == Some("dt") {
                j += 1;
            }
            if element_name(j) == Some("dd") && decisions.get(j).is_some_and(kept) {
                terms.push(i);
            }
        }
    }
    for (i, (block, d)) in seg.blocks.iter().zip(decisions.iter_mut()).enumerate() {
        if kept(d) || d.rule == Rule::Title || boxes.get(i).is_some_and(|h| *h != Hints::NONE) {
            continue;
        }
        if block.row != NONE && rows.binary_search(&block.row).is_ok() {
            *d = Decision {
                label: Label::Good,
                rule: Rule::WholeRow,
            };
        } else if terms.binary_search(&i).is_ok() {
            *d = Decision {
                label: Label::Good,
                rule: Rule::DefinitionTerm,
            };
        }
    }
}
