//! Clean HTML from the public blocks (see `Article::to_html`): built tag by tag from the
//! blocks, never copied from the page, so only the allow-listed tags and attributes can
//! appear; every text and attribute value is escaped.

use super::{
    Piece, cell_in, layout_paragraphs, leading_images_apart, pieces, table_run, used_columns,
};
use crate::article::{Block, BlockKind, ListItem, Span, SpanKind};
use std::fmt::Write as _;

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
    let blocks = &*leading_images_apart(blocks);
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
                    let _ = writeln!(self.out, "<ol start=\"{}\">", item.number);
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
                match &b.code_language {
                    Some(lang) => {
                        out.push_str("<pre><code class=\"language-");
                        html_escape(out, lang);
                        out.push_str("\">");
                    }
                    None => out.push_str("<pre><code>"),
                }
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
        let columns = used_columns(rows);
        if columns.len() <= 1 {
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
            for c in &columns {
                let cell = cell_in(b, *c);
                let tag = if cell.is_some_and(|c| c.header) {
                    "th"
                } else {
                    "td"
                };
                let _ = write!(self.out, "<{tag}>");
                if let Some(cell) = cell {
                    html_inline(&mut self.out, &cell.text, &cell.spans, true);
                }
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
