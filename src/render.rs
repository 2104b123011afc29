//! Stage 6 of 6 — render.
//!
//! Input: the [`Segmentation`] and the final decisions. Output: the public [`Block`]s and
//! the plain text (one block per line; cells of one table row on one line, separated by
//! tabs); on request, the same blocks as CommonMark Markdown or as clean HTML.
//!
//! Decides formatting only: which kept blocks merge into one public block (cells of a data
//! table's row; rows of layout tables, see `tuning::LAYOUT_CELL_CHARS`, stay paragraphs),
//! what kind each public block gets, which links and images survive (resolved against the
//! base URL, safe schemes only, see `lexicon::LINK_SCHEMES`), and how structure is written
//! out. Markdown follows the CommonMark spec (0.31) for escaping, lists, block quotes and
//! fenced code, and GitHub's table extension for tables; HTML is built from the blocks, never
//! copied from the page, so only the tags listed on `Article::to_html` can appear.

use crate::article::{Article, Block, BlockKind, Cell, ListItem, Span, SpanKind, TableRow};
use crate::classify::{Decision, Label};
use crate::lexicon::{self, TagKind};
use crate::segment::{self, MarkKind, NONE, Segmentation};
use crate::tuning;
use std::borrow::Cow;
use std::collections::HashSet;
use url::Url;

mod html;
mod markdown;

pub(crate) use html::html;
pub(crate) use markdown::markdown;

// The renderers of the public type live here, so that `render` depends on `article` and
// not the other way round.
impl Article {
    /// The article as CommonMark Markdown: the title as a level-1 heading, then the blocks
    /// with headings, nested lists, pipe tables (GitHub's extension), fenced code, quotes,
    /// links, emphasis and images kept, and Markdown punctuation in the text escaped.
    ///
    /// ```
    /// let page = "<html><head><title>Three fixes</title></head><body><article><h1>Three fixes</h1>\
    ///     <p>The repair crew listed what the old mill still needs before it can open to \
    ///     visitors in the spring, and the list is shorter than anyone expected.</p>\
    ///     <ol><li>Replace the <em>north</em> door</li><li>Seal the roof</li></ol>\
    ///     <p>The trust hopes to raise the money for both jobs by the end of the winter, and \
    ///     volunteers will help to clear the mill race once the weather improves.</p></article></body></html>";
    /// let md = pith::extract(page).to_markdown();
    /// assert!(md.starts_with("# Three fixes\n"));
    /// assert!(md.contains("1. Replace the *north* door\n2. Seal the roof"));
    /// ```
    pub fn to_markdown(&self) -> String {
        markdown(&self.title, &self.blocks)
    }

    /// The article as clean HTML: only the kept content, the title as `<h1>`, and only
    /// these tags: `h1`–`h6`, `p`, `br`, `ul`, `ol` (`start`), `li`, `blockquote`, `pre`,
    /// `code` (`class="language-…"` on code blocks), `em`,
    /// `strong`, `a` (`href`), `img` (`src`, `alt`), `table`, `thead`, `tbody`, `tr`, `th`,
    /// `td`, `figure`, `figcaption`. All text and attribute values are escaped; links and
    /// images keep only the schemes listed on [`SpanKind`], so no script, event handler or
    /// `javascript:` URL from the page survives.
    ///
    /// ```
    /// let page = "<article><p onclick='steal()'>The ferry <a href='javascript:alert(1)'>timetable</a> \
    ///     changes on Monday, when the winter service begins and the last boat of the evening \
    ///     leaves the pier an hour earlier than in summer.</p></article>";
    /// let html = pith::extract(page).to_html();
    /// assert!(html.starts_with("<p>The ferry timetable changes"));
    /// assert!(!html.contains("javascript") && !html.contains("onclick"));
    /// ```
    pub fn to_html(&self) -> String {
        html(&self.title, &self.blocks)
    }
}

/// The kept blocks as public blocks, in reading order. Links and image sources are
/// resolved against `base`.
pub(crate) fn blocks(seg: &Segmentation, decisions: &[Decision], base: Option<&Url>) -> Vec<Block> {
    let kept = decisions.iter().filter(|d| d.label == Label::Good).count();
    let mut out: Vec<Block> = Vec::with_capacity(kept);
    let layout = layout_rows(seg);
    let mut last_row = NONE;
    let mut last_cell = NONE;
    for (index, (block, d)) in seg.blocks.iter().zip(decisions).enumerate() {
        if d.label != Label::Good {
            last_row = NONE;
            continue;
        }
        let text = seg.text_of(block);
        let mut shape = seg.shapes.get(index).cloned().unwrap_or_default();
        let spans = spans(seg, index as u32, block.text.start, text.len(), base);
        let in_layout = block.row != NONE && layout.contains(&block.row);
        if in_layout {
            shape.table = NONE;
        }
        if block.row != NONE && block.row == last_row && !in_layout {
            if let Some(prev) = out.last_mut() {
                let shift = prev.text.len() + 1;
                prev.text.push('\t');
                prev.text.push_str(text);
                prev.spans.extend(spans.iter().map(|s| shifted(s, shift)));
                if let Some(row) = prev.row.as_mut() {
                    add_cell(row, &shape, shape.cell == last_cell, text, spans);
                }
                last_cell = shape.cell;
                continue;
            }
        }
        last_row = if in_layout { NONE } else { block.row };
        last_cell = shape.cell;
        let kind = match block.kind {
            TagKind::TableCell if in_layout => BlockKind::Paragraph,
            kind => public_kind(kind),
        };
        let list = (shape.list_depth > 0 || kind == BlockKind::ListItem).then_some(ListItem {
            depth: shape.list_depth.max(1),
            ordered: shape.ordered,
            number: shape.item_number.max(1),
            continues_item: shape.continues_item,
            list: shape.list,
        });
        let row = (kind == BlockKind::TableRow).then(|| {
            let mut row = TableRow {
                table: shape.table,
                header: true,
                cells: Vec::new(),
            };
            add_cell(&mut row, &shape, false, text, spans.clone());
            row
        });
        out.push(Block {
            kind,
            text: text.to_string(),
            spans,
            list,
            quote_depth: shape.quote_depth,
            row,
            code_language: shape.code_language.map(String::from),
        });
    }
    out
}

/// The table rows that are page layout (see [`tuning::LAYOUT_CELL_CHARS`]).
fn layout_rows(seg: &Segmentation) -> HashSet<u32> {
    let mut layout = HashSet::new();
    let mut last: Option<(u32, u32)> = None;
    for (index, block) in seg.blocks.iter().enumerate() {
        if block.row == NONE {
            last = None;
            continue;
        }
        let cell = seg.shapes.get(index).map_or(NONE, |s| s.cell);
        let second_in_cell = last == Some((block.row, cell));
        if second_in_cell || block.chars >= tuning::LAYOUT_CELL_CHARS {
            layout.insert(block.row);
        }
        last = Some((block.row, cell));
    }
    layout
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

/// The public spans of block `index`, whose text starts at byte `start` of the segmentation
/// text and is `len` bytes long.
fn spans(
    seg: &Segmentation,
    index: u32,
    start: usize,
    len: usize,
    base: Option<&Url>,
) -> Vec<Span> {
    let marks = seg.marks_of(index);
    // Sized by the marks (almost always the exact count): a collected `filter_map` starts
    // at four spans, and most blocks have one link or none.
    let mut spans = Vec::with_capacity(marks.len());
    spans.extend(marks.iter().filter_map(|m| {
        let from = m.range.start.saturating_sub(start).min(len);
        let to = m.range.end.saturating_sub(start).min(len);
        let kind = match &m.kind {
            MarkKind::Link(href) => SpanKind::Link {
                href: resolve(href, base, lexicon::LINK_SCHEMES)?,
            },
            MarkKind::Emphasis => SpanKind::Emphasis,
            MarkKind::Strong => SpanKind::Strong,
            MarkKind::Code => SpanKind::Code,
            MarkKind::Image { src, alt } => SpanKind::Image {
                src: resolve(src, base, lexicon::IMAGE_SCHEMES)?,
                alt: alt.to_string(),
            },
        };
        let is_image = matches!(kind, SpanKind::Image { .. });
        (is_image || from < to).then_some(Span {
            start: from,
            end: if is_image { from } else { to },
            kind,
        })
    }));
    spans
}

fn shifted(span: &Span, by: usize) -> Span {
    Span {
        start: span.start + by,
        end: span.end + by,
        kind: span.kind.clone(),
    }
}

/// Adds a cell block to a row: a new cell, or another paragraph of the last cell.
fn add_cell(
    row: &mut TableRow,
    shape: &segment::Shape,
    same_cell: bool,
    text: &str,
    spans: Vec<Span>,
) {
    if let (Some(last), true) = (row.cells.last_mut(), same_cell) {
        let shift = last.text.len() + 2;
        last.text.push_str("\n\n");
        last.text.push_str(text);
        last.spans.extend(spans.iter().map(|s| shifted(s, shift)));
        last.header &= shape.header;
    } else {
        row.cells.push(Cell {
            text: text.to_string(),
            spans,
            header: shape.header,
            column: shape.cell,
        });
    }
    row.header &= shape.header;
}

/// A link or image address, resolved against `base`, when its scheme is allowed. Tabs and
/// newlines are removed first, as the WHATWG URL parser does, so `java&#9;script:` is caught.
pub(crate) fn resolve(raw: &str, base: Option<&Url>, schemes: &[&str]) -> Option<String> {
    let cleaned: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    let allowed = |u: &Url| schemes.iter().any(|s| u.scheme().eq_ignore_ascii_case(s));
    match base {
        Some(base) => base.join(&cleaned).ok().filter(allowed).map(String::from),
        None => match Url::parse(&cleaned) {
            Ok(absolute) => allowed(&absolute).then(|| absolute.into()),
            // Relative: no scheme to check. A control character is never part of a real
            // address.
            Err(url::ParseError::RelativeUrlWithoutBase) => {
                (!cleaned.chars().any(char::is_control)).then_some(cleaned)
            }
            Err(_) => None,
        },
    }
}

// ---------------------------------------------------------------------------------------
// Inline content: text and spans as a flat sequence of pieces.

enum Piece<'a> {
    Text(&'a str),
    Open(&'a SpanKind),
    Close(&'a SpanKind),
    Image { src: &'a str, alt: &'a str },
}

/// Text and spans as pieces in order. Spans that would overlap without nesting (which a
/// parsed DOM cannot produce, but a hand-built `Block` can) are left out.
fn pieces<'a>(text: &'a str, spans: &'a [Span]) -> Vec<Piece<'a>> {
    let mut out = Vec::with_capacity(spans.len() * 3 + 1);
    let mut stack: Vec<&Span> = Vec::new();
    let mut at = 0;
    let push_text = |out: &mut Vec<Piece<'a>>, from: usize, to: usize| {
        if let Some(t) = text.get(from..to).filter(|t| !t.is_empty()) {
            out.push(Piece::Text(t));
        }
    };
    for span in spans {
        let start = span.start.max(at);
        while let Some(top) = stack.last().filter(|top| top.end <= start) {
            push_text(&mut out, at, top.end);
            at = at.max(top.end);
            out.push(Piece::Close(&top.kind));
            stack.pop();
        }
        push_text(&mut out, at, start);
        at = start;
        if let SpanKind::Image { src, alt } = &span.kind {
            out.push(Piece::Image { src, alt });
            continue;
        }
        let fits = stack.last().is_none_or(|top| span.end <= top.end);
        if span.end > start && span.end <= text.len() && fits {
            out.push(Piece::Open(&span.kind));
            stack.push(span);
        }
    }
    while let Some(top) = stack.pop() {
        push_text(&mut out, at, top.end);
        at = at.max(top.end);
        out.push(Piece::Close(&top.kind));
    }
    push_text(&mut out, at, text.len());
    out
}

/// The paragraphs of a one-column (layout) table row: each cell split at its blank lines,
/// with the spans that fall in each paragraph.
fn layout_paragraphs(b: &Block) -> Vec<(&str, Vec<Span>)> {
    let mut out = Vec::new();
    for cell in b.row.iter().flat_map(|r| &r.cells) {
        let mut at = 0;
        for part in cell.text.split("\n\n") {
            let end = at + part.len();
            let spans = cell
                .spans
                .iter()
                .filter(|s| s.start >= at && s.end <= end)
                .map(|s| Span {
                    start: s.start - at,
                    end: s.end - at,
                    kind: s.kind.clone(),
                })
                .collect();
            out.push((part, spans));
            at = end + "\n\n".len();
        }
    }
    out
}

/// Blocks with the images that open a heading, paragraph or quote moved into a paragraph of
/// their own before it. Segmentation attaches an image that stands alone (`<p><img></p>`,
/// a figure without caption) to the start of the next text block; written inline it would
/// run into that text (`![](a.png)More than…`) or into a heading line.
fn leading_images_apart(blocks: &[Block]) -> Cow<'_, [Block]> {
    let leads = |b: &Block| {
        b.list.is_none()
            && matches!(
                b.kind,
                BlockKind::Heading(_) | BlockKind::Paragraph | BlockKind::Quote
            )
            && !b.text.is_empty()
            && b.spans
                .first()
                .is_some_and(|s| s.start == 0 && matches!(s.kind, SpanKind::Image { .. }))
    };
    if !blocks.iter().any(leads) {
        return Cow::Borrowed(blocks);
    }
    let mut out = Vec::with_capacity(blocks.len() + 1);
    for b in blocks {
        if !leads(b) {
            out.push(b.clone());
            continue;
        }
        let (images, rest): (Vec<Span>, Vec<Span>) = b
            .spans
            .iter()
            .cloned()
            .partition(|s| s.start == 0 && matches!(s.kind, SpanKind::Image { .. }));
        out.push(Block {
            kind: BlockKind::Paragraph,
            text: String::new(),
            spans: images,
            list: None,
            quote_depth: b.quote_depth,
            row: None,
            code_language: None,
        });
        out.push(Block {
            spans: rest,
            ..b.clone()
        });
    }
    Cow::Owned(out)
}

/// The columns of a run of table rows that hold a kept cell, in page order. A table with at
/// most one such column (a layout table, or a data table whose other columns were all
/// dropped) is written as paragraphs.
fn used_columns(rows: &[Block]) -> Vec<u32> {
    let mut columns: Vec<u32> = rows
        .iter()
        .filter_map(|b| b.row.as_ref())
        .flat_map(|r| r.cells.iter().map(|c| c.column))
        .collect();
    columns.sort_unstable();
    columns.dedup();
    columns
}

/// The cell of `row` that stood in `column`.
fn cell_in(row: &Block, column: u32) -> Option<&Cell> {
    row.row.as_ref()?.cells.iter().find(|c| c.column == column)
}

/// Number of consecutive table-row blocks of one table starting at `i`.
fn table_run(blocks: &[Block], i: usize) -> usize {
    let Some(table) = blocks.get(i).and_then(|b| b.row.as_ref()).map(|r| r.table) else {
        return 0;
    };
    blocks
        .get(i..)
        .unwrap_or(&[])
        .iter()
        .take_while(|b| b.row.as_ref().is_some_and(|r| r.table == table))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, kind: SpanKind) -> Span {
        Span { start, end, kind }
    }

    fn para(text: &str, spans: Vec<Span>) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            text: text.to_string(),
            spans,
            list: None,
            quote_depth: 0,
            row: None,
            code_language: None,
        }
    }

    /// The public blocks of a page, every block kept.
    fn all_blocks(html: &str) -> Vec<Block> {
        let seg = segment::of(html);
        let keep = Decision {
            label: Label::Good,
            rule: crate::classify::Rule::Stopwords,
        };
        blocks(&seg, &vec![keep; seg.blocks.len()], None)
    }

    #[test]
    fn layout_tables_render_paragraphs_and_data_tables_rows() {
        let paragraph = "The harbour reopened on Monday after a week of repairs to the north \
            pier, and the first ferry of the morning left on time with a full deck of cars and \
            cyclists, watched by a small crowd on the quay.";
        let layout = format!(
            "<table><tr><td><a href=/>Home</a></td><td><h1>Ferry back</h1>{paragraph}<br><br>\
             {paragraph}<br><br>{paragraph}</td></tr></table>"
        );
        let b = all_blocks(&layout);
        let kinds: Vec<BlockKind> = b.iter().map(|b| b.kind).collect();
        assert!(
            kinds.iter().filter(|k| **k == BlockKind::Paragraph).count() >= 3,
            "{kinds:?}"
        );
        assert!(b.iter().all(|b| !b.text.contains('\t') && b.row.is_none()));
        let data = "<table><tr><th>Route</th><th>Crossings</th></tr>\
                    <tr><td>North pier</td><td>12</td></tr></table>";
        let b = all_blocks(data);
        assert_eq!(b.len(), 2);
        assert!(b.iter().all(|b| b.kind == BlockKind::TableRow));
        assert_eq!(b[1].text, "North pier\t12");
    }

    #[test]
    fn markdown_punctuation_in_text_is_escaped() {
        let b = para(
            "# not *a* [heading] <b> snake_case _x_ AT&T &amp; 1999. ~~done~~",
            vec![],
        );
        let md = markdown("", &[b]);
        assert_eq!(
            md,
            "\\# not \\*a\\* \\[heading\\] \\<b> snake_case \\_x\\_ AT&T \\&amp; 1999. \\~\\~done\\~\\~\n"
        );
        let md = markdown("", &[para("1984. The year", vec![])]);
        assert_eq!(md, "1984\\. The year\n");
    }

    #[test]
    fn nested_spans_render_inside_out() {
        let b = para(
            "see the docs now",
            vec![
                span(
                    4,
                    12,
                    SpanKind::Link {
                        href: "https://x.example/d".into(),
                    },
                ),
                span(8, 12, SpanKind::Strong),
            ],
        );
        assert_eq!(
            markdown("", std::slice::from_ref(&b)),
            "see [the **docs**](https://x.example/d) now\n"
        );
        assert_eq!(
            html("", &[b]),
            "<p>see <a href=\"https://x.example/d\">the <strong>docs</strong></a> now</p>\n"
        );
    }

    #[test]
    fn an_image_that_opens_a_heading_or_paragraph_gets_its_own_paragraph() {
        let image = SpanKind::Image {
            src: "https://x.example/a.png".into(),
            alt: "A map".into(),
        };
        let mut heading = para("More than profiling", vec![span(0, 0, image.clone())]);
        heading.kind = BlockKind::Heading(2);
        let inline = para("see the map here", vec![span(8, 8, image)]);
        assert_eq!(
            markdown("", &[heading.clone(), inline.clone()]),
            "![A map](https://x.example/a.png)\n\n## More than profiling\n\n\
             see the ![A map](https://x.example/a.png)map here\n"
        );
        assert_eq!(
            html("", &[heading]),
            "<p><img src=\"https://x.example/a.png\" alt=\"A map\"></p>\n<h2>More than profiling</h2>\n"
        );
    }

    #[test]
    fn overlapping_spans_that_do_not_nest_are_dropped() {
        let b = para(
            "abcdef",
            vec![span(0, 4, SpanKind::Emphasis), span(2, 6, SpanKind::Strong)],
        );
        assert_eq!(markdown("", &[b]), "*abcd*ef\n");
    }

    #[test]
    fn code_spans_get_a_longer_fence_than_their_backticks() {
        let b = para("run a`b now", vec![span(4, 7, SpanKind::Code)]);
        assert_eq!(markdown("", &[b]), "run ``a`b`` now\n");
    }

    #[test]
    fn unsafe_and_relative_urls_are_resolved_or_refused() {
        let base = Url::parse("https://news.example/a/b.html").ok();
        let base = base.as_ref();
        assert_eq!(
            resolve("../c?x=1", base, lexicon::LINK_SCHEMES).as_deref(),
            Some("https://news.example/c?x=1")
        );
        assert_eq!(
            resolve("java\tscript:alert(1)", base, lexicon::LINK_SCHEMES),
            None
        );
        assert_eq!(
            resolve(" JAVASCRIPT:alert(1)", None, lexicon::LINK_SCHEMES),
            None
        );
        assert_eq!(
            resolve("data:image/png;base64,AA", None, lexicon::IMAGE_SCHEMES),
            None
        );
        assert_eq!(
            resolve("/img/a.jpg", None, lexicon::IMAGE_SCHEMES).as_deref(),
            Some("/img/a.jpg")
        );
        assert_eq!(
            resolve("mailto:a@b.example", None, lexicon::IMAGE_SCHEMES),
            None
        );
    }

    #[test]
    fn html_escapes_text_and_attributes() {
        let b = para(
            "<script>x</script> \"q\"",
            vec![span(
                0,
                8,
                SpanKind::Link {
                    href: "/a\"onmouseover=\"x".into(),
                },
            )],
        );
        assert_eq!(
            html("", &[b]),
            "<p><a href=\"/a&quot;onmouseover=&quot;x\">&lt;script&gt;</a>x&lt;/script&gt; &quot;q&quot;</p>\n"
        );
    }
}
