//! Stage 2, structure side tables: per-block [`Shape`]s (list nesting and numbering, quote
//! depth, table cells) and inline [`Mark`]s (links, emphasis, strong, code, images), filled
//! by the same walk as the blocks and read only by `render`.
//!
//! A mark is recorded when its element closes, over the text pushed since it opened; an
//! inline element still open when a block ends (a link around a heading and a teaser)
//! marks its part of that block and goes on in the next, so every mark lies inside one
//! block. Images add no text: they are empty marks at the point of the text where they
//! stand, in the block being built. Nothing here changes where blocks end or what they
//! count.

use super::{NONE, Walker};
use crate::dom;
use crate::lexicon::{self, InlineTag, StructureTag, TagKind, TagRole};
use crate::tuning;
use std::ops::Range;

/// The structure around one block, for the structured outputs (one per block, in
/// [`Segmentation::shapes`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    /// Lists (`ul`, `ol`, `menu`, `dl`) around the block.
    pub(crate) list_depth: u32,
    /// Element index of the innermost list, or [`NONE`].
    pub(crate) list: u32,
    /// The innermost list is numbered (`ol`).
    pub(crate) ordered: bool,
    /// Number of the innermost list item (`ol start`, `li value`, else counted from 1).
    pub(crate) item_number: u32,
    /// The block is not the first block of its list item (a second paragraph, a code block
    /// inside the item).
    pub(crate) continues_item: bool,
    /// `blockquote`s around the block.
    pub(crate) quote_depth: u32,
    /// Element index of the innermost table, or [`NONE`].
    pub(crate) table: u32,
    /// Index of the block's cell in its row.
    pub(crate) cell: u32,
    /// The cell is a header cell (`th`, or any cell in `thead`).
    pub(crate) header: bool,
    /// For code blocks: the language named by a `language-*` class on `pre` or its `code`.
    pub(crate) code_language: Option<Box<str>>,
}

/// What an inline mark says about its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum MarkKind {
    /// A link; the `href` as written in the page (resolved when rendering).
    Link(Box<str>),
    /// Emphasis (`em`, `i`).
    Emphasis,
    /// Strong importance (`strong`, `b`).
    Strong,
    /// Inline code (`code`, `kbd`, `samp`).
    Code,
    /// An image at a point of the text (an empty range); address as written in the page.
    Image {
        /// The picture's address.
        src: Box<str>,
        /// Its alternative text.
        alt: Box<str>,
    },
}

/// Inline structure over the text of one block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    /// Index of the block in [`Segmentation::blocks`].
    pub(crate) block: u32,
    /// Byte range in [`Segmentation::text`], inside the block's range (empty for images).
    pub(crate) range: Range<usize>,
    /// What it marks.
    pub(crate) kind: MarkKind,
}

/// Structure state of one open element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Structure {
    None,
    /// A list, and the number its next item gets.
    List {
        ordered: bool,
        next: u32,
    },
    /// A list item, its number and how many blocks it has produced.
    Item {
        number: u32,
        blocks: u32,
    },
    Quote,
    Table,
    Head,
    /// A table row and how many cells it has opened.
    Row {
        cells: u32,
    },
    Cell {
        index: u32,
        header: bool,
    },
}

/// An inline mark whose element is still open.
pub(super) struct OpenMark {
    pub(super) kind: MarkKind,
    pub(super) start: usize,
}

impl super::Segmentation {
    /// The marks of block `index` (a contiguous run of the sorted table).
    pub(crate) fn marks_of(&self, index: u32) -> &[Mark] {
        let from = self.marks.partition_point(|m| m.block < index);
        let to = self.marks.partition_point(|m| m.block <= index);
        self.marks.get(from..to).unwrap_or(&[])
    }
}

impl Walker {
    /// Starts an inline mark for `el` when it is one the outputs keep.
    pub(super) fn open_mark(&mut self, el: &dom::Element<'_>, name: &str) -> bool {
        if self.open_marks.len() >= tuning::MAX_OPEN_MARKS {
            return false;
        }
        let kind = match lexicon::inline_tag(name) {
            Some(InlineTag::Link) => match el.attr("href") {
                Some(href) if !href.trim().is_empty() => MarkKind::Link(href.trim().into()),
                _ => return false,
            },
            Some(InlineTag::Emphasis) => MarkKind::Emphasis,
            Some(InlineTag::Strong) => MarkKind::Strong,
            // Inside `pre` the whole block is code already.
            Some(InlineTag::Code) if self.pre_depth == 0 => MarkKind::Code,
            Some(InlineTag::Code) | None => return false,
        };
        let start = self.seg.text.len();
        self.open_marks.push(OpenMark { kind, start });
        true
    }

    /// List, item, quote and table state for a newly opened element.
    pub(super) fn structure(&mut self, el: &dom::Element<'_>, name: &str) -> Structure {
        // Each `pre` names its own language (or none); a `code` inside it may name it too.
        let names_language =
            name == "pre" || (name == "code" && self.pre_depth > 0 && self.code_language.is_none());
        if names_language {
            self.code_language = code_language(el);
        }
        match lexicon::structure_tag(name) {
            None => Structure::None,
            Some(StructureTag::List { ordered }) => {
                let start = el
                    .attr("start")
                    .and_then(|s| s.trim().parse::<u32>().ok())
                    .unwrap_or(1);
                Structure::List {
                    ordered,
                    next: start,
                }
            }
            Some(StructureTag::Item) => {
                let value = el.attr("value").and_then(|s| s.trim().parse::<u32>().ok());
                let list = self
                    .frames
                    .iter_mut()
                    .rev()
                    .find_map(|f| match &mut f.structure {
                        Structure::List { next, .. } => Some(next),
                        _ => None,
                    });
                let number = match list {
                    Some(next) => {
                        let number = value.unwrap_or(*next);
                        *next = number.saturating_add(1);
                        number
                    }
                    None => value.unwrap_or(1),
                };
                Structure::Item { number, blocks: 0 }
            }
            Some(StructureTag::Quote) => Structure::Quote,
            Some(StructureTag::Table) => Structure::Table,
            Some(StructureTag::Head) => Structure::Head,
            Some(StructureTag::Row) => Structure::Row { cells: 0 },
            Some(StructureTag::Cell { header }) => {
                let row = self
                    .frames
                    .iter_mut()
                    .rev()
                    .find_map(|f| match &mut f.structure {
                        Structure::Row { cells } => Some(cells),
                        Structure::Table => None,
                        _ => None,
                    });
                let index = row.map_or(0, |cells| {
                    let index = *cells;
                    *cells = cells.saturating_add(1);
                    index
                });
                Structure::Cell { index, header }
            }
        }
    }

    /// Records an image at the current point of the text. Hidden images are not content.
    pub(super) fn image(&mut self, el: &dom::Element<'_>) {
        if dom::never_content(el, TagRole::Inline).is_some() {
            return;
        }
        let Some(src) = image_source(el) else {
            return;
        };
        let at = self.seg.text.len();
        self.seg.marks.push(Mark {
            block: self.seg.blocks.len() as u32,
            range: at..at,
            kind: MarkKind::Image {
                src: src.into(),
                alt: el
                    .attr("alt")
                    .map(|a| a.split_whitespace().collect::<Vec<_>>().join(" "))
                    .unwrap_or_default()
                    .into(),
            },
        });
    }

    /// Ends an inline mark at the current point of the text.
    pub(super) fn close_mark(&mut self) {
        let Some(open) = self.open_marks.pop() else {
            return;
        };
        let end = self.seg.text.len();
        self.push_mark(open.kind, open.start..end, self.seg.blocks.len() as u32);
    }

    /// Adds a mark over `range` (trimmed of white space) to block `block`, unless empty.
    pub(super) fn push_mark(&mut self, kind: MarkKind, range: Range<usize>, block: u32) {
        let Some(text) = self.seg.text.get(range.clone()) else {
            return;
        };
        let lead = text.len() - text.trim_start().len();
        let trail = text.len() - text.trim_end().len();
        if lead == text.len() {
            return;
        }
        let range = range.start + lead..range.end - trail;
        self.seg.marks.push(Mark { block, range, kind });
    }

    /// Open marks continue from the start of the next block.
    pub(super) fn restart_open_marks(&mut self) {
        let start = self.seg.text.len();
        for open in &mut self.open_marks {
            open.start = start;
        }
    }

    /// The structure around the block being flushed; counts it in its list item.
    pub(super) fn shape(&mut self) -> Shape {
        let mut shape = Shape {
            list: NONE,
            table: NONE,
            ..Shape::default()
        };
        if self
            .seg
            .blocks
            .last()
            .is_some_and(|b| b.kind == TagKind::Code)
        {
            shape.code_language = self.code_language.take();
        }
        let (mut item_seen, mut cell_seen) = (false, false);
        for f in self.frames.iter_mut().rev() {
            match &mut f.structure {
                Structure::List { ordered, .. } => {
                    if shape.list_depth == 0 {
                        shape.list = f.element;
                        shape.ordered = *ordered;
                    }
                    shape.list_depth += 1;
                }
                Structure::Item { number, blocks } if !item_seen && shape.list_depth == 0 => {
                    item_seen = true;
                    shape.item_number = *number;
                    shape.continues_item = *blocks > 0;
                    *blocks = blocks.saturating_add(1);
                }
                Structure::Quote => shape.quote_depth += 1,
                Structure::Cell { index, header } if !cell_seen => {
                    cell_seen = true;
                    shape.cell = *index;
                    shape.header = *header;
                }
                Structure::Head if shape.table == NONE => shape.header = true,
                Structure::Table if shape.table == NONE => shape.table = f.element,
                _ => {}
            }
        }
        shape
    }
}

/// The language a `language-*` class names, if its name is plain (letters, digits, `+#-_.`).
fn code_language(el: &dom::Element<'_>) -> Option<Box<str>> {
    el.attr("class")?.split_whitespace().find_map(|c| {
        let lang = lexicon::CODE_LANGUAGE_PREFIXES
            .iter()
            .find_map(|p| c.strip_prefix(p))?;
        let plain = !lang.is_empty()
            && lang
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '+' | '#' | '-' | '_' | '.'));
        plain.then(|| lang.into())
    })
}

/// The address of an image: the first usable [`lexicon::IMAGE_SOURCE_ATTRS`] value (not empty,
/// not a `data:` placeholder), else the first URL of a `srcset`.
fn image_source<'a>(el: &dom::Element<'a>) -> Option<&'a str> {
    let usable = |v: &&str| {
        !v.is_empty()
            && !v
                .get(.."data:".len())
                .is_some_and(|p| p.eq_ignore_ascii_case("data:"))
    };
    lexicon::IMAGE_SOURCE_ATTRS
        .iter()
        .filter_map(|a| el.attr(a).map(str::trim))
        .find(usable)
        .or_else(|| {
            lexicon::IMAGE_SRCSET_ATTRS
                .iter()
                .filter_map(|a| el.attr(a))
                .filter_map(|set| set.split(',').next()?.split_whitespace().next())
                .find(usable)
        })
}

#[cfg(test)]
mod tests {
    use super::super::{Segmentation, of as seg};
    use super::*;

    /// (block, marked text, kind) of every mark.
    fn marks(s: &Segmentation) -> Vec<(u32, &str, MarkKind)> {
        s.marks
            .iter()
            .map(|m| {
                (
                    m.block,
                    s.text.get(m.range.clone()).unwrap_or("?"),
                    m.kind.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn inline_elements_become_trimmed_marks_and_do_not_change_the_text() {
        let s = seg(
            "<p>Read <a href=' /a '> the <em>new</em> plan </a> and <b>vote</b>, \
                     run <code>make</code>.</p>",
        );
        assert_eq!(
            s.text_of(&s.blocks[0]),
            "Read the new plan and vote, run make."
        );
        assert_eq!(
            marks(&s),
            vec![
                (0, "the new plan", MarkKind::Link("/a".into())),
                (0, "new", MarkKind::Emphasis),
                (0, "vote", MarkKind::Strong),
                (0, "make", MarkKind::Code),
            ]
        );
    }

    #[test]
    fn a_link_around_two_blocks_marks_each() {
        let s = seg("<a href=/story><h3>Headline</h3><p>Teaser text</p></a><p>after</p>");
        assert_eq!(
            marks(&s),
            vec![
                (0, "Headline", MarkKind::Link("/story".into())),
                (1, "Teaser text", MarkKind::Link("/story".into())),
            ]
        );
    }

    #[test]
    fn images_are_empty_marks_in_the_block_being_built() {
        let s = seg("<p>Before<img src=/a.jpg alt=' A  map '> after</p>\
                     <figure><img src='data:image/gif;base64,R0l' data-src=/b.jpg>\
                     <figcaption>Caption</figcaption></figure>\
                     <picture><source srcset=/c.webp><img srcset='/c.jpg 1x, /c2.jpg 2x'></picture>\
                     <p>Last<img src=/hidden.jpg hidden></p>");
        let images: Vec<(u32, usize, &str)> = s
            .marks
            .iter()
            .filter_map(|m| match &m.kind {
                MarkKind::Image { src, .. } => Some((m.block, m.range.start, &**src)),
                _ => None,
            })
            .collect();
        let starts: Vec<usize> = s.blocks.iter().map(|b| b.text.start).collect();
        assert_eq!(
            images,
            vec![
                (0, starts[0] + "Before".len(), "/a.jpg"),
                (1, starts[1], "/b.jpg"),
                (2, starts[2], "/c.jpg"),
            ]
        );
        assert!(matches!(&s.marks[0].kind, MarkKind::Image { alt, .. } if &**alt == "A map"));
        assert_eq!(s.text_of(&s.blocks[0]), "Before after");
    }

    #[test]
    fn list_shapes_carry_depth_numbers_and_continuations() {
        let s = seg(
            "<ol start=3><li>three<ul><li>inner</li><li>inner two</li></ul></li>\
                     <li><p>four</p><p>more of four</p></li><li value=9>nine</li></ol><p>after</p>",
        );
        let shapes: Vec<(u32, bool, u32, bool)> = s
            .shapes
            .iter()
            .map(|sh| (sh.list_depth, sh.ordered, sh.item_number, sh.continues_item))
            .collect();
        assert_eq!(
            shapes,
            vec![
                (1, true, 3, false),
                (2, false, 1, false),
                (2, false, 2, false),
                (1, true, 4, false),
                (1, true, 4, true),
                (1, true, 9, false),
                (0, false, 0, false),
            ]
        );
        assert_eq!(s.shapes[0].list, s.shapes[3].list);
        assert_ne!(s.shapes[0].list, s.shapes[1].list);
        assert_eq!(s.shapes[6].list, NONE);
    }

    #[test]
    fn table_and_quote_shapes() {
        let s = seg("<table><thead><tr><td>h1</td><th>h2</th></tr></thead>\
                     <tr><td></td><td>b</td></tr></table>\
                     <blockquote><p>q</p><blockquote><p>qq</p></blockquote></blockquote>");
        let cells: Vec<(u32, bool)> = s
            .shapes
            .iter()
            .take(3)
            .map(|sh| (sh.cell, sh.header))
            .collect();
        assert_eq!(cells, vec![(0, true), (1, true), (1, false)]);
        assert!(
            s.shapes
                .iter()
                .take(3)
                .all(|sh| sh.table == s.shapes[0].table && sh.table != NONE)
        );
        let quotes: Vec<u32> = s.shapes.iter().skip(3).map(|sh| sh.quote_depth).collect();
        assert_eq!(quotes, vec![1, 2]);
    }

    #[test]
    fn deeply_nested_inline_markup_keeps_the_mark_table_linear() {
        let page = format!("{}{}", "<em>".repeat(400), "<p>paragraph</p>".repeat(1000));
        let s = seg(&page);
        assert_eq!(s.blocks.len(), 1000);
        // The parser's guard caps re-created formatting elements (dom.rs), so a paragraph
        // holds at most MAX_OPEN_MARKS of the 400 `<em>`s; the table stays linear.
        assert!(s.marks.len() <= tuning::MAX_OPEN_MARKS * 1000);
        assert!(s.marks.len() >= 1000);
    }

    #[test]
    fn code_blocks_take_the_language_of_their_class() {
        let s = seg(
            "<pre><code class='hljs language-rust'>fn main() {}</code></pre>\
                     <p>x <code class=language-sh>ls</code></p><pre>plain</pre>\
                     <pre class='lang-c++'>int x;</pre><pre><code class='language-a\"b'>q</code></pre>",
        );
        let langs: Vec<Option<&str>> = s
            .shapes
            .iter()
            .map(|sh| sh.code_language.as_deref())
            .collect();
        assert_eq!(langs, vec![Some("rust"), None, None, Some("c++"), None]);
    }
}
