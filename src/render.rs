//! Stage 6 of 6 — render.
//!
//! Input: the [`Segmentation`] and the final decisions. Output: the public [`Block`]s and
//! the plain text (one block per line; cells of one table row on one line, separated by
//! tabs).
//!
//! Decides formatting only: which kept blocks merge into one public block (cells of a row)
//! and what kind each public block gets.

use crate::article::{Block, BlockKind};
use crate::classify::{Decision, Label};
use crate::lexicon::TagKind;
use crate::segment::{NONE, Segmentation};

/// The kept blocks as public blocks, in reading order.
pub(crate) fn blocks(seg: &Segmentation, decisions: &[Decision]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut last_row = NONE;
    for (block, d) in seg.blocks.iter().zip(decisions) {
        if d.label != Label::Good {
            last_row = NONE;
            continue;
        }
        let text = seg.text_of(block);
        if block.row != NONE && block.row == last_row {
            if let Some(prev) = out.last_mut() {
                prev.text.push('\t');
                prev.text.push_str(text);
                continue;
            }
        }
        last_row = block.row;
        out.push(Block {
            kind: public_kind(block.kind),
            text: text.to_string(),
        });
    }
    out
}

/// Plain text: one block per line.
pub(crate) fn text(blocks: &[Block]) -> String {
    let len = blocks.iter().map(|b| b.text.len() + 1).sum();
    let mut out = String::with_capacity(len);
    for b in blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&b.text);
    }
    out
}

fn public_kind(kind: TagKind) -> BlockKind {
    match kind {
        TagKind::Heading(level) => BlockKind::Heading(level),
        TagKind::ListItem => BlockKind::ListItem,
        TagKind::Quote => BlockKind::Quote,
        TagKind::Code => BlockKind::Code,
        TagKind::TableRow | TagKind::TableCell => BlockKind::TableRow,
        TagKind::Caption => BlockKind::Caption,
        TagKind::Other => BlockKind::Paragraph,
    }
}
