//! CommonMark Markdown from the public blocks (see `Article::to_markdown`). Follows the
//! CommonMark spec 0.31: backslash escapes for punctuation that would start markup where it
//! stands (§2.4), list items with their content column (§5.2–5.3), block quotes (§5.1),
//! fenced code with a fence longer than any backtick run inside (§4.5), code spans (§6.1),
//! link destinations in `<…>` when needed (§6.3); tables follow GitHub's pipe-table extension.

use super::{
    Piece, cell_in, layout_paragraphs, leading_images_apart, pieces, table_run, used_columns,
};
use crate::article::{Block, BlockKind, ListItem, Span, SpanKind};

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
    let spans = delimitable(text, spans);
    let spans = spans.as_slice();
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

/// The spans Markdown can delimit. Neighbouring spans of one kind (`<b>Game D</b><b>ay</b>`)
/// are merged, because `**Game D****ay**` does not parse back; emphasis whose `*` would not be
/// left- or right-flanking (CommonMark §6.2: `**"**The`, `Station*,”*went`) is dropped, its
/// text kept, because its asterisks would show as text.
fn delimitable(text: &str, spans: &[Span]) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        let same = |m: &Span| m.kind == s.kind && m.end == s.start;
        let joinable = matches!(
            s.kind,
            SpanKind::Emphasis | SpanKind::Strong | SpanKind::Code
        );
        if let Some(m) = merged.iter_mut().rev().find(|m| joinable && same(m)) {
            m.end = s.end;
            continue;
        }
        merged.push(s.clone());
    }
    let starts_at = |at: usize, me: &Span| merged.iter().any(|o| o != me && o.start == at);
    let ends_at = |at: usize, me: &Span| {
        merged
            .iter()
            .any(|o| o != me && o.end == at && o.start < at)
    };
    merged
        .iter()
        .filter(|s| {
            if !matches!(s.kind, SpanKind::Emphasis | SpanKind::Strong) {
                return true;
            }
            let before = text.get(..s.start).and_then(|t| t.chars().next_back());
            let first = text.get(s.start..).and_then(|t| t.chars().next());
            let last = text.get(..s.end).and_then(|t| t.chars().next_back());
            let after = text.get(s.end..).and_then(|t| t.chars().next());
            // Another span's bracket or delimiter next to ours counts as punctuation.
            let first_punct = starts_at(s.start, s) || first.is_none_or(is_punctuation);
            let last_punct = ends_at(s.end, s) || last.is_none_or(is_punctuation);
            let opens =
                !first_punct || before.is_none_or(|c| c.is_whitespace() || is_punctuation(c));
            let closes =
                !last_punct || after.is_none_or(|c| c.is_whitespace() || is_punctuation(c));
            opens && closes
        })
        .cloned()
        .collect()
}

/// CommonMark's punctuation: Unicode P and S categories, approximated as "not a letter,
/// digit or space".
fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
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
            // `~` is GitHub's strikethrough, which many Markdown readers enable.
            '\\' | '`' | '*' | '[' | ']' | '<' | '~' => true,
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
    let blocks = &*leading_images_apart(blocks);
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
                let depth_before = self.levels.len();
                let (marker, indent, col) = self.item(item);
                // A numbered list starting at another number than 1 cannot interrupt the
                // parent item's paragraph (CommonMark §5.2): it needs a blank line first.
                let interrupts =
                    self.levels.len() > depth_before && item.ordered && item.number != 1;
                let tight = self.last_was_item && b.quote_depth == self.last_quote && !interrupts;
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
                out.push_str(b.code_language.as_deref().unwrap_or(""));
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
        let columns = used_columns(rows);
        if columns.len() <= 1 {
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
            if i > 0 {
                self.out.push('\n');
            }
            self.out.push_str(&quote);
            self.out.push('|');
            for c in &columns {
                self.out.push(' ');
                if let Some(cell) = cell_in(b, *c) {
                    md_inline(&mut self.out, &cell.text, &cell.spans, "", InlineMode::Cell);
                }
                self.out.push_str(" |");
            }
            if i == 0 {
                self.out.push('\n');
                self.out.push_str(&quote);
                self.out.push('|');
                for _ in &columns {
                    self.out.push_str(" --- |");
                }
            }
        }
    }
}
