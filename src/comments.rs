//! Side stage after context — reader comments, on request (`Options::comments`).
//!
//! Input: the [`Segmentation`], the features, the context-free and the final decisions.
//! Output: one [`Comment`] per comment record, in page order. Comments never enter
//! `Article::text`; this stage only gathers what the context stage left out as a comment
//! box.
//!
//! A comment record is an element named for comments (class, id or heading, as the context
//! stage reads them) that is one of several such siblings, or an `li`/`article` so named:
//! `li.comment` in a WordPress `ol.comment-list`, `div.comment` in a plain thread. Inside a
//! record, a short line that reads as a byline (or sits in an element named for bylines or
//! authors) gives the author, a short line with digits that reads as a dateline the date,
//! and the blocks that read as prose the text. Replies nested in a record are records of
//! their own when they have siblings. Source: WordPress `wp_list_comments()` markup and
//! the common `comment-author` / `comment-meta` / `comment-content` naming; trafilatura's
//! `include_comments` keeps comment text the same way, as a second body.

use crate::article::Comment;
use crate::classify::{Decision, Label, Rule};
use crate::features::Features;
use crate::lexicon::Hints;
use crate::segment::{NONE, Segmentation};
use crate::tuning::COMMENT_META_MAX_WORDS;
use std::collections::HashMap;

/// The comments of the page (see the module doc).
pub(crate) fn collect(
    seg: &Segmentation,
    features: &[Features],
    context_free: &[Decision],
    decisions: &[Decision],
) -> Vec<Comment> {
    // Blocks in a comment area: under a name for comments (an element's own, or the one a
    // "Comments" heading gave it), or dropped as part of a box such a name opened.
    let named = seg.subtrees(|_, e| e.own_hints.any(Hints::COMMENT));
    let in_area: Vec<bool> = seg
        .blocks
        .iter()
        .zip(decisions)
        .map(|(b, d)| {
            b.hints.any(Hints::COMMENT)
                || named.get(b.element as usize).copied().unwrap_or(false)
                || matches!(d.rule, Rule::HintedBox(h) if h.any(Hints::COMMENT))
        })
        .collect();
    let records = records(seg, &in_area);
    let mut out: Vec<(u32, Comment)> = Vec::new();
    for (i, block) in seg.blocks.iter().enumerate() {
        let kept = decisions.get(i).is_some_and(|d| d.label == Label::Good);
        let in_form = block.hints.any(Hints::NEWSLETTER);
        let (Some(record), Some(f)) = (record_of(seg, &records, block.element), features.get(i))
        else {
            continue;
        };
        let text = seg.text_of(block).trim();
        if kept || in_form || text.is_empty() || f.has_phrase || f.heads != Hints::NONE {
            continue;
        }
        if out.last().is_none_or(|(r, _)| *r != record) {
            out.push((record, Comment::default()));
        }
        if let Some((_, comment)) = out.last_mut() {
            add(comment, block.hints, text, f, context_free.get(i));
        }
    }
    out.into_iter()
        .map(|(_, c)| name_from_first_line(c))
        .filter(|c| !c.text.is_empty())
        .collect()
}

/// A comment with no name found whose first of several lines is short is headed by its
/// meta line ("Sabine K. vor 1 Stunde", "Ola 2 godz. temu"): that line names the commenter.
fn name_from_first_line(mut c: Comment) -> Comment {
    if c.author.is_some() {
        return c;
    }
    if let Some((first, rest)) = c.text.split_once('\n') {
        if first.split_whitespace().count() <= COMMENT_META_MAX_WORDS as usize {
            c.author = Some(first.to_string());
            c.text = rest.to_string();
        }
    }
    c
}

/// Adds one block of a comment record to its comment: the commenter's name, the date, or
/// a line of text.
fn add(comment: &mut Comment, hints: Hints, text: &str, f: &Features, cf: Option<&Decision>) {
    let short = f.words <= COMMENT_META_MAX_WORDS;
    let meta = short && (f.is_byline || hints.any(Hints(Hints::BYLINE.0 | Hints::AUTHOR.0)));
    // Before any text, a short line without a sentence is the commenter's name ("Jo Bloggs
    // says:", a linked name) when no element names it.
    let leading_name = short && comment.text.is_empty() && f.sentence_ends == 0;
    let has_digit = text.chars().any(|c| c.is_ascii_digit());
    if (meta || leading_name) && has_digit && comment.author.is_some() {
        if comment.date.is_none() {
            comment.date = Some(text.to_string());
        }
    } else if (meta || leading_name) && comment.author.is_none() {
        let name = text.trim_end_matches(':').trim_end();
        let name = name.strip_suffix(" says").unwrap_or(name);
        comment.author = Some(name.to_string());
    } else if meta && has_digit && comment.date.is_none() {
        comment.date = Some(text.to_string());
    } else if is_prose(cf, f) {
        if !comment.text.is_empty() {
            comment.text.push('\n');
        }
        comment.text.push_str(text);
    }
}

/// Comment text: what the classifier found to be prose, or a short line with a sentence
/// end ("Thanks, that worked!").
fn is_prose(d: Option<&Decision>, f: &Features) -> bool {
    d.is_some_and(|d| matches!(d.label, Label::Good | Label::NearGood))
        || d.is_some_and(|d| d.label == Label::Short) && f.sentence_ends > 0
        || f.sentence_ends > 0 && f.link_density < 0.5
}

/// Per element, whether it is a comment record: it holds a block of a comment area and is
/// either one of several siblings of the same shape (tag and concepts: the `li.comment`s
/// of a list, the `div.kommentar`s under a "Kommentare" heading; not the `comment-author`
/// beside a `comment-content`) holding more than one block, or an `li` or `article` named
/// for comments.
fn records(seg: &Segmentation, in_area: &[bool]) -> Vec<bool> {
    let mut shapes: HashMap<(u32, &str, u32), u32> = HashMap::new();
    for e in seg.elements.iter().filter(|e| e.parent != NONE) {
        *shapes
            .entry((e.parent, &*e.name, e.own_hints.0))
            .or_insert(0) += 1;
    }
    seg.elements
        .iter()
        .map(|e| {
            let blocks = e.first_block as usize..e.end_block as usize;
            let holds_area = in_area
                .get(blocks.clone())
                .is_some_and(|a| a.contains(&true));
            let repeated = e.parent != NONE
                && shapes
                    .get(&(e.parent, &*e.name, e.own_hints.0))
                    .is_some_and(|n| *n >= 2);
            let named = e.own_hints.any(Hints::COMMENT) && matches!(&*e.name, "li" | "article");
            holds_area && (repeated && blocks.len() >= 2 || named)
        })
        .collect()
}

/// The innermost comment record holding element `e`.
fn record_of(seg: &Segmentation, records: &[bool], mut e: u32) -> Option<u32> {
    while let Some(el) = seg.elements.get(e as usize) {
        if records.get(e as usize).copied().unwrap_or(false) {
            return Some(e);
        }
        if el.parent == NONE {
            return None;
        }
        e = el.parent;
    }
    None
}
