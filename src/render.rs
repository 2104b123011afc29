//! Stage 6 of 6 — render.
//!
//! Input: the [`Segmentation`] and the final decisions. Output: the public [`Block`]s and
//! the plain text (one block per line; cells of one table row on one line, separated by
//! tabs); on request, the same blocks as CommonMark Markdown or as clean HTML.
//!
//! Decides formatting only: which kept blocks merge into one public block (cells of a row),
//! what kind each public block gets, which links and images survive (resolved against the
//! base URL, safe schemes only, see `lexicon::LINK_SCHEMES`), and how structure is written
//! out. Markdown follows the CommonMark spec (0.31) for escaping, lists, block quotes and
//! fenced code, and GitHub's table extension for tables; HTML is built from the blocks, never
//! copied from the page, so only the tags listed on `Article::to_html` can appear.

use crate::article::{Block, BlockKind, Cell, ListItem, Span, SpanKind, TableRow};
use crate::classify::{Decision, Label};
use crate::lexicon::{self, TagKind};
use crate::segment::{self, MarkKind, NONE, Segmentation};
use std::fmt::Write as _;
use url::Url;

/// The kept blocks as public blocks, in reading order. Links and image sources are
/// resolved against `base`.
pub(crate) fn blocks(seg: &Segmentation, decisions: &[Decision], base: Option<&Url>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut last_row = NONE;
    let mut last_cell = NONE;
    for (index, (block, d)) in seg.blocks.iter().zip(decisions).enumerate() {
        if d.label != Label::Good {
            last_row = NONE;
            continue;
        }
        let text = seg.text_of(block);
        let shape = seg.shapes.get(index).cloned().unwrap_or_default();
        let spans = spans(seg, index as u32, block.text.start, text.len(), base);
        if block.row != NONE && block.row == last_row {
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
        last_row = block.row;
        last_cell = shape.cell;
        let kind = public_kind(block.kind);
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

/// The public spans of block `index`, whose text starts at byte `start` of the segmentation
/// text and is `len` bytes long.
fn spans(
    seg: &Segmentation,
    index: u32,
    start: usize,
    len: usize,
    base: Option<&Url>,
) -> Vec<Span> {
    seg.marks_of(index)
        .iter()
        .filter_map(|m| {
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
        })
        .collect()
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

// ---------------------------------------------------------------------------------------
// Markdown

/// How inline text is written in the current Markdown context.
#[derive(Clone, Copy, PartialEq, Eq)]
enum InlineMode {
    /// A paragraph: `\n` is a hard line break followed by the continuation prefix.
    Flow,
    /// A heading or a table cell: one line, `\n` becomes a space.
    Line,
    /// A table cell: like `Line`, and `|` is escaped.
    Cell,
}

/// Writes `text` with its spans as Markdown inline content. `prefix` starts every line after
/// a hard break (quote markers and list indentation).
fn md_inline(out: &mut String, text: &str, spans: &[Span], prefix: &str, mode: InlineMode) {
    let mut line_start = true;
    let mut code: Option<String> = None;
    let mut link_depth = 0u32;
    for piece in pieces(text, spans) {
        if let Some(buf) = code.as_mut() {
            match piece {
                Piece::Text(t) => buf.push_str(t),
                Piece::Close(SpanKind::Code) => {
                    let raw = code.take().unwrap_or_default();
                    code_span(out, &raw);
                    line_start = false;
                }
                _ => {}
            }
            continue;
        }
        match piece {
            Piece::Text(t) => {
                let mut lines = t.split('\n');
                if let Some(first) = lines.next() {
                    md_escape(out, first, line_start, mode);
                    line_start = line_start && first.is_empty();
                }
                for line in lines {
                    if mode == InlineMode::Flow {
                        out.push_str("\\\n");
                        out.push_str(prefix);
                        line_start = true;
                    } else {
                        out.push(' ');
                    }
                    md_escape(out, line, line_start, mode);
                    line_start = line_start && line.is_empty();
                }
            }
            Piece::Open(SpanKind::Code) => code = Some(String::new()),
            Piece::Open(kind) => {
                match kind {
                    SpanKind::Link { .. } if link_depth == 0 => out.push('['),
                    SpanKind::Emphasis => out.push('*'),
                    SpanKind::Strong => out.push_str("**"),
                    _ => {}
                }
                if matches!(kind, SpanKind::Link { .. }) {
                    link_depth += 1;
                }
                line_start = false;
            }
            Piece::Close(kind) => match kind {
                SpanKind::Link { href } => {
                    link_depth = link_depth.saturating_sub(1);
                    if link_depth == 0 {
                        out.push_str("](");
                        md_destination(out, href);
                        out.push(')');
                    }
                }
                SpanKind::Emphasis => out.push('*'),
                SpanKind::Strong => out.push_str("**"),
                _ => {}
            },
            Piece::Image { src, alt } => {
                out.push_str("![");
                md_escape(out, alt, false, InlineMode::Cell);
                out.push_str("](");
                md_destination(out, src);
                out.push(')');
                line_start = false;
            }
        }
    }
    if let Some(raw) = code {
        code_span(out, &raw);
    }
}

/// Escapes Markdown punctuation in text (CommonMark §2.4: any ASCII punctuation may be
/// backslash-escaped). Only characters that could start markup where they stand are
/// escaped, so prose stays readable.
fn md_escape(out: &mut String, text: &str, line_start: bool, mode: InlineMode) {
    let chars: Vec<char> = text.chars().collect();
    let mut at_start = line_start;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' => true,
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '&' => is_entity_start(chars.get(i + 1..).unwrap_or(&[])),
            '|' => mode == InlineMode::Cell,
            '#' | '>' | '-' | '+' | '=' => at_start,
            '.' | ')' => {
                // "1984. was" at the start of a line would open an ordered list.
                let digits = chars.get(..i).unwrap_or(&[]);
                line_start && !digits.is_empty() && digits.iter().all(char::is_ascii_digit)
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        at_start = false;
    }
}

/// Whether the characters after a `&` would make it an entity or character reference
/// (`&amp;`, `&#39;`), which CommonMark decodes (§6.2).
fn is_entity_start(after: &[char]) -> bool {
    let name = after
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && after.get(name) == Some(&';')
}

/// A code span with a backtick fence longer than any run inside (CommonMark §6.1).
fn code_span(out: &mut String, raw: &str) {
    let raw = raw.replace('\n', " ");
    let fence = "`".repeat(longest_run(&raw, '`') + 1);
    let pad = raw.starts_with('`') || raw.ends_with('`');
    out.push_str(&fence);
    if pad {
        out.push(' ');
    }
    out.push_str(&raw);
    if pad {
        out.push(' ');
    }
    out.push_str(&fence);
}

/// A link destination: bare when it has no space, angle bracket or parenthesis, else in
/// `<…>` with `<`, `>` and `\` escaped (CommonMark §6.3).
fn md_destination(out: &mut String, url: &str) {
    if url
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | '\\'))
    {
        out.push('<');
        for c in url.chars().filter(|c| !c.is_control() && *c != '\n') {
            if matches!(c, '<' | '>' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('>');
    } else {
        out.push_str(url);
    }
}

fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in s.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// One open Markdown list level.
struct MdLevel {
    list: u32,
    /// Column where the item's content starts.
    col: usize,
    /// Use the alternative marker (`*` or `)`), so that a list right after another one at
    /// the same depth does not merge with it.
    alt: bool,
}

#[derive(Default)]
struct Markdown {
    out: String,
    levels: Vec<MdLevel>,
    /// Quote depth of the last block written.
    last_quote: u32,
    /// The last block written was a list item's first line.
    last_was_item: bool,
}

/// The article as Markdown (see `Article::to_markdown`).
pub(crate) fn markdown(title: &str, blocks: &[Block]) -> String {
    let mut md = Markdown::default();
    let headline_in_blocks = blocks
        .first()
        .is_some_and(|b| b.kind == BlockKind::Heading(1) && b.text == title);
    if !title.is_empty() && !headline_in_blocks {
        md.out.push_str("# ");
        md_inline(&mut md.out, title, &[], "", InlineMode::Line);
    }
    let mut i = 0;
    while let Some(b) = blocks.get(i) {
        let run = table_run(blocks, i);
        if run > 0 {
            md.table(blocks.get(i..i + run).unwrap_or(&[]));
            i += run;
        } else {
            md.block(b);
            i += 1;
        }
    }
    if !md.out.is_empty() {
        md.out.push('\n');
    }
    md.out
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
            at = end + 2;
        }
    }
    out
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

impl Markdown {
    /// Starts a new block: the separator and the line prefix for its first line.
    fn separate(&mut self, quote: u32, tight: bool) {
        if !self.out.is_empty() {
            self.out.push('\n');
            if !tight {
                let shared = quote.min(self.last_quote);
                self.out.push_str("> ".repeat(shared as usize).trim_end());
                self.out.push('\n');
            }
        }
        self.last_quote = quote;
    }

    fn block(&mut self, b: &Block) {
        let quote = "> ".repeat(b.quote_depth as usize);
        if b.quote_depth != self.last_quote {
            self.levels.clear();
        }
        let (first, rest) = match b.list {
            Some(item) if b.kind == BlockKind::ListItem && !item.continues_item => {
                let (marker, indent, col) = self.item(item);
                let tight = self.last_was_item && b.quote_depth == self.last_quote;
                self.separate(b.quote_depth, tight);
                self.last_was_item = true;
                let first = format!("{quote}{}{marker} ", " ".repeat(indent));
                (first, format!("{quote}{}", " ".repeat(col)))
            }
            Some(item) if !self.levels.is_empty() => {
                let depth = (item.depth as usize).clamp(1, self.levels.len());
                self.levels.truncate(depth);
                let col = self.levels.last().map_or(0, |l| l.col);
                self.separate(b.quote_depth, false);
                self.last_was_item = false;
                let prefix = format!("{quote}{}", " ".repeat(col));
                (prefix.clone(), prefix)
            }
            _ => {
                self.levels.clear();
                self.separate(b.quote_depth, false);
                self.last_was_item = false;
                (quote.clone(), quote)
            }
        };
        self.content(b, &first, &rest);
    }

    /// Opens a list item: its marker, indentation and content column.
    fn item(&mut self, item: ListItem) -> (String, usize, usize) {
        let depth = (item.depth as usize).clamp(1, self.levels.len() + 1);
        self.levels.truncate(depth);
        let alt = match self.levels.get(depth - 1) {
            Some(level) if level.list == item.list => level.alt,
            Some(level) => !level.alt,
            None => false,
        };
        self.levels.truncate(depth - 1);
        let indent = self.levels.last().map_or(0, |l| l.col);
        let marker = match (item.ordered, alt) {
            (true, false) => format!("{}.", item.number),
            (true, true) => format!("{})", item.number),
            (false, false) => "-".to_string(),
            (false, true) => "*".to_string(),
        };
        let col = indent + marker.len() + 1;
        self.levels.push(MdLevel {
            list: item.list,
            col,
            alt,
        });
        (marker, indent, col)
    }

    fn content(&mut self, b: &Block, first: &str, rest: &str) {
        let out = &mut self.out;
        match b.kind {
            BlockKind::Heading(level) => {
                out.push_str(first);
                out.push_str(&"#".repeat(usize::from(level.clamp(1, 6))));
                out.push(' ');
                md_inline(out, &b.text, &b.spans, rest, InlineMode::Line);
            }
            BlockKind::Code => {
                let fence = "`".repeat(longest_run(&b.text, '`').max(2) + 1);
                out.push_str(first);
                out.push_str(&fence);
                for line in b.text.split('\n') {
                    out.push('\n');
                    if line.is_empty() {
                        out.push_str(rest.trim_end());
                    } else {
                        out.push_str(rest);
                        out.push_str(line);
                    }
                }
                out.push('\n');
                out.push_str(rest);
                out.push_str(&fence);
            }
            _ => {
                out.push_str(first);
                md_inline(out, &b.text, &b.spans, rest, InlineMode::Flow);
            }
        }
    }

    /// Rows of one table as a pipe table; a one-column (layout) table as paragraphs.
    fn table(&mut self, rows: &[Block]) {
        self.levels.clear();
        let quote_depth = rows.first().map_or(0, |b| b.quote_depth);
        let quote = "> ".repeat(quote_depth as usize);
        let columns = rows
            .iter()
            .filter_map(|b| b.row.as_ref())
            .map(|r| r.cells.len())
            .max()
            .unwrap_or(0);
        if columns <= 1 {
            for (text, spans) in rows.iter().flat_map(layout_paragraphs) {
                self.separate(quote_depth, false);
                self.out.push_str(&quote);
                md_inline(&mut self.out, text, &spans, &quote, InlineMode::Flow);
            }
            self.last_was_item = false;
            return;
        }
        self.separate(quote_depth, false);
        self.last_was_item = false;
        for (i, b) in rows.iter().enumerate() {
            let cells = b.row.as_ref().map_or(&[][..], |r| r.cells.as_slice());
            if i > 0 {
                self.out.push('\n');
            }
            self.out.push_str(&quote);
            self.out.push('|');
            for c in 0..columns {
                self.out.push(' ');
                if let Some(cell) = cells.get(c) {
                    md_inline(&mut self.out, &cell.text, &cell.spans, "", InlineMode::Cell);
                }
                self.out.push_str(" |");
            }
            if i == 0 {
                self.out.push('\n');
                self.out.push_str(&quote);
                self.out.push('|');
                for _ in 0..columns {
                    self.out.push_str(" --- |");
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// HTML

/// Escapes text and attribute values (`&`, `<`, `>`, `"`, `'`).
fn html_escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => out.push(c),
        }
    }
}

fn html_inline(out: &mut String, text: &str, spans: &[Span], images: bool) {
    for piece in pieces(text, spans) {
        match piece {
            Piece::Text(t) => {
                let mut lines = t.split('\n');
                if let Some(first) = lines.next() {
                    html_escape(out, first);
                }
                for line in lines {
                    out.push_str("<br>");
                    html_escape(out, line);
                }
            }
            Piece::Open(kind) => match kind {
                SpanKind::Link { href } => {
                    out.push_str("<a href=\"");
                    html_escape(out, href);
                    out.push_str("\">");
                }
                SpanKind::Emphasis => out.push_str("<em>"),
                SpanKind::Strong => out.push_str("<strong>"),
                SpanKind::Code => out.push_str("<code>"),
                SpanKind::Image { .. } => {}
            },
            Piece::Close(kind) => match kind {
                SpanKind::Link { .. } => out.push_str("</a>"),
                SpanKind::Emphasis => out.push_str("</em>"),
                SpanKind::Strong => out.push_str("</strong>"),
                SpanKind::Code => out.push_str("</code>"),
                SpanKind::Image { .. } => {}
            },
            Piece::Image { src, alt } if images => html_image(out, src, alt),
            Piece::Image { .. } => {}
        }
    }
}

fn html_image(out: &mut String, src: &str, alt: &str) {
    out.push_str("<img src=\"");
    html_escape(out, src);
    out.push_str("\" alt=\"");
    html_escape(out, alt);
    out.push_str("\">");
}

/// One open HTML list level.
struct HtmlLevel {
    list: u32,
    ordered: bool,
    item_open: bool,
}

#[derive(Default)]
struct Html {
    out: String,
    quotes: u32,
    levels: Vec<HtmlLevel>,
}

/// The article as clean HTML (see `Article::to_html`).
pub(crate) fn html(title: &str, blocks: &[Block]) -> String {
    let mut h = Html::default();
    let headline_in_blocks = blocks
        .first()
        .is_some_and(|b| b.kind == BlockKind::Heading(1) && b.text == title);
    if !title.is_empty() && !headline_in_blocks {
        h.out.push_str("<h1>");
        html_escape(&mut h.out, title);
        h.out.push_str("</h1>\n");
    }
    let mut i = 0;
    while let Some(b) = blocks.get(i) {
        h.quote(b.quote_depth);
        let run = table_run(blocks, i);
        if run > 0 {
            h.close_lists(0);
            h.table(blocks.get(i..i + run).unwrap_or(&[]));
            i += run;
            continue;
        }
        match b.list {
            Some(item) if b.kind == BlockKind::ListItem && !item.continues_item => {
                h.item(item);
                html_inline(&mut h.out, &b.text, &b.spans, true);
            }
            Some(item) if !h.levels.is_empty() => {
                let depth = (item.depth as usize).clamp(1, h.levels.len());
                h.close_lists(depth);
                h.content(b);
            }
            _ => {
                h.close_lists(0);
                h.content(b);
            }
        }
        i += 1;
    }
    h.quote(0);
    h.out
}

impl Html {
    fn quote(&mut self, depth: u32) {
        if depth != self.quotes {
            self.close_lists(0);
        }
        while self.quotes > depth {
            self.out.push_str("</blockquote>\n");
            self.quotes -= 1;
        }
        while self.quotes < depth {
            self.out.push_str("<blockquote>\n");
            self.quotes += 1;
        }
    }

    /// Closes list levels deeper than `depth`.
    fn close_lists(&mut self, depth: usize) {
        while self.levels.len() > depth {
            if let Some(level) = self.levels.pop() {
                if level.item_open {
                    self.out.push_str("</li>\n");
                }
                self.out
                    .push_str(if level.ordered { "</ol>\n" } else { "</ul>\n" });
            }
        }
    }

    fn item(&mut self, item: ListItem) {
        let depth = (item.depth as usize).clamp(1, self.levels.len() + 1);
        self.close_lists(depth);
        if self
            .levels
            .last()
            .is_some_and(|l| self.levels.len() == depth && l.list != item.list)
        {
            self.close_lists(depth - 1);
        }
        if self.levels.len() < depth {
            if item.ordered {
                if item.number == 1 {
                    self.out.push_str("<ol>\n");
                } else {
                    let _ = write!(self.out, "<ol start=\"{}\">\n", item.number);
                }
            } else {
                self.out.push_str("<ul>\n");
            }
            self.levels.push(HtmlLevel {
                list: item.list,
                ordered: item.ordered,
                item_open: false,
            });
        }
        if let Some(level) = self.levels.last_mut() {
            if level.item_open {
                self.out.push_str("</li>\n");
            }
            level.item_open = true;
        }
        self.out.push_str("<li>");
    }

    fn content(&mut self, b: &Block) {
        let out = &mut self.out;
        match b.kind {
            BlockKind::Heading(level) => {
                let level = level.clamp(1, 6);
                let _ = write!(out, "<h{level}>");
                html_inline(out, &b.text, &b.spans, true);
                let _ = writeln!(out, "</h{level}>");
            }
            BlockKind::Code => {
                out.push_str("<pre><code>");
                html_escape(out, &b.text);
                out.push_str("</code></pre>\n");
            }
            BlockKind::Caption => {
                out.push_str("<figure>");
                for s in &b.spans {
                    if let SpanKind::Image { src, alt } = &s.kind {
                        html_image(out, src, alt);
                    }
                }
                out.push_str("<figcaption>");
                html_inline(out, &b.text, &b.spans, false);
                out.push_str("</figcaption></figure>\n");
            }
            _ => {
                out.push_str("<p>");
                html_inline(out, &b.text, &b.spans, true);
                out.push_str("</p>\n");
            }
        }
    }

    fn table(&mut self, rows: &[Block]) {
        let columns = rows
            .iter()
            .filter_map(|b| b.row.as_ref())
            .map(|r| r.cells.len())
            .max()
            .unwrap_or(0);
        if columns <= 1 {
            for (text, spans) in rows.iter().flat_map(layout_paragraphs) {
                self.out.push_str("<p>");
                html_inline(&mut self.out, text, &spans, true);
                self.out.push_str("</p>\n");
            }
            return;
        }
        self.out.push_str("<table>\n");
        let head = rows
            .iter()
            .take_while(|b| b.row.as_ref().is_some_and(|r| r.header))
            .count();
        for (i, b) in rows.iter().enumerate() {
            if i == 0 && head > 0 {
                self.out.push_str("<thead>\n");
            }
            if i == head {
                self.out.push_str("<tbody>\n");
            }
            self.out.push_str("<tr>");
            for cell in b.row.as_ref().map_or(&[][..], |r| r.cells.as_slice()) {
                let tag = if cell.header { "th" } else { "td" };
                let _ = write!(self.out, "<{tag}>");
                html_inline(&mut self.out, &cell.text, &cell.spans, true);
                let _ = write!(self.out, "</{tag}>");
            }
            self.out.push_str("</tr>\n");
            if i + 1 == head {
                self.out.push_str("</thead>\n");
            }
        }
        if head < rows.len() {
            self.out.push_str("</tbody>\n");
        }
        self.out.push_str("</table>\n");
    }
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
        }
    }

    #[test]
    fn markdown_punctuation_in_text_is_escaped() {
        let b = para(
            "# not *a* [heading] <b> snake_case _x_ AT&T &amp; 1999. done",
            vec![],
        );
        let md = markdown("", &[b]);
        assert_eq!(
            md,
            "\\# not \\*a\\* \\[heading\\] \\<b> snake_case \\_x\\_ AT&T \\&amp; 1999. done\n"
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
            markdown("", &[b.clone()]),
            "see [the **docs**](https://x.example/d) now\n"
        );
        assert_eq!(
            html("", &[b]),
            "<p>see <a href=\"https://x.example/d\">the <strong>docs</strong></a> now</p>\n"
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
