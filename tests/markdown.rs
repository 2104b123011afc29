//! Markdown output parses back (with pulldown-cmark, CommonMark + tables) into the structure
//! pith found: the same list items at each depth, table rows and cells, code block contents
//! and quoted paragraphs, and the same text, character for character, on every corpus page.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::BTreeMap;
use std::path::Path;

fn corpus_article(id: &str) -> pith::Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("corpus/html/{id}.html"));
    let bytes = std::fs::read(&path).expect("corpus page exists");
    pith::extract_bytes(&bytes, None).expect("page extracts")
}

/// The structure a Markdown document parses into.
#[derive(Debug, Default, PartialEq)]
struct Shape {
    /// List items by nesting depth (1 = top level).
    items: BTreeMap<usize, usize>,
    /// Cells of each table row (header row first), tables one after another.
    rows: Vec<usize>,
    /// Contents of each fenced code block.
    code: Vec<String>,
    /// Paragraphs inside block quotes.
    quoted: usize,
    /// All text, in order, without white space.
    text: String,
}

fn parse(md: &str) -> Shape {
    let mut s = Shape::default();
    let (mut lists, mut quotes, mut images) = (0usize, 0usize, 0usize);
    let mut code: Option<String> = None;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::List(_)) => lists += 1,
            Event::End(TagEnd::List(_)) => lists -= 1,
            Event::Start(Tag::Item) => *s.items.entry(lists).or_default() += 1,
            Event::Start(Tag::BlockQuote(_)) => quotes += 1,
            Event::End(TagEnd::BlockQuote(_)) => quotes -= 1,
            Event::Start(Tag::Paragraph) if quotes > 0 => s.quoted += 1,
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => s.rows.push(0),
            Event::Start(Tag::TableCell) => *s.rows.last_mut().expect("row") += 1,
            Event::Start(Tag::CodeBlock(_)) => code = Some(String::new()),
            Event::End(TagEnd::CodeBlock) => s.code.push(code.take().unwrap_or_default()),
            Event::Start(Tag::Image { .. }) => images += 1,
            Event::End(TagEnd::Image) => images -= 1,
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = code.as_mut() {
                    c.push_str(&t);
                }
                if images == 0 {
                    s.text.extend(t.chars().filter(|c| !c.is_whitespace()));
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in Markdown: {h:?}"),
            _ => {}
        }
    }
    s
}

/// The structure the article's blocks describe. Tables of one column (layout tables) are
/// written as paragraphs, so they have no rows.
fn expected(a: &pith::Article) -> Shape {
    let mut s = Shape::default();
    s.text
        .extend(a.title.chars().filter(|c| !c.is_whitespace()));
    let mut columns: BTreeMap<u32, usize> = BTreeMap::new();
    for row in a.blocks.iter().filter_map(|b| b.row.as_ref()) {
        let n = columns.entry(row.table).or_default();
        *n = (*n).max(row.cells.len());
    }
    for b in &a.blocks {
        match (b.kind, b.list) {
            (pith::BlockKind::ListItem, Some(item)) if !item.continues_item => {
                *s.items.entry(item.depth as usize).or_default() += 1;
            }
            (pith::BlockKind::Code, _) => s.code.push(format!("{}\n", b.text)),
            _ => {}
        }
        if let Some(row) = b.row.as_ref().filter(|r| columns.get(&r.table) > Some(&1)) {
            s.rows.push(row.cells.len());
        }
        if b.quote_depth > 0
            && !matches!(b.kind, pith::BlockKind::Code | pith::BlockKind::Heading(_))
        {
            s.quoted += 1;
        }
        let text = match &b.row {
            Some(row) => row
                .cells
                .iter()
                .map(|c| c.text.as_str())
                .collect::<String>(),
            None => b.text.clone(),
        };
        s.text.extend(text.chars().filter(|c| !c.is_whitespace()));
    }
    s
}

fn round_trip(id: &str) -> (Shape, Shape) {
    let a = corpus_article(id);
    let md = a.to_markdown();
    (parse(&md), expected(&a))
}

#[test]
fn nested_lists_keep_their_items_at_every_depth() {
    let (got, want) = round_trip("nested-lists-inside-article");
    assert_eq!(got.items, want.items);
    // The page: five numbered steps, two of them with bullet lists, one bullet with its own
    // list, and a plain three-item bullet list after.
    assert_eq!(got.items.get(&1), Some(&8));
    assert!(got.items.get(&2).is_some_and(|n| *n >= 4));
    assert!(got.items.get(&3).is_some_and(|n| *n >= 2));
    assert_eq!(got.text, want.text);
}

#[test]
fn a_results_table_keeps_its_rows_and_cells() {
    let (got, want) = round_trip("results-table-inside-article");
    assert_eq!(got.rows, want.rows);
    assert_eq!(got.rows, vec![4; 9], "header row + 8 rows of 4 cells");
    assert_eq!(got.text, want.text);
}

#[test]
fn code_blocks_keep_their_content_and_indentation() {
    let (got, want) = round_trip("code-block-tech-blog");
    assert_eq!(got.code.len(), 2);
    assert_eq!(got.code, want.code);
    assert!(got.code[0].contains("\n            with conn.cursor() as cur:\n"));
    let md = corpus_article("code-block-tech-blog").to_markdown();
    assert_eq!(md.matches("```python\n").count(), 2, "{md}");
    assert_eq!(got.text, want.text);
}

#[test]
fn quoted_paragraphs_stay_in_the_quote() {
    let (got, want) = round_trip("blockquote-inside-article");
    assert_eq!(got.quoted, 2);
    assert_eq!(got.quoted, want.quoted);
    assert_eq!(got.text, want.text);
}

#[test]
fn every_corpus_page_round_trips_its_structure_and_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/html");
    let mut pages = 0;
    for entry in std::fs::read_dir(dir).expect("corpus/html") {
        let path = entry.expect("entry").path();
        let id = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let (got, want) = round_trip(&id);
        assert_eq!(got, want, "{id}");
        pages += 1;
    }
    assert!(pages >= 45);
}

/// Prose long enough for any block between two of them to be kept.
const PROSE: &str = "<p>The harbour reopened on Monday after a week of repairs to the north \
    pier, and the first ferry of the morning left on time with a full deck of cars and \
    cyclists waiting in the rain, while the port officials said the timetable would return to \
    normal by the weekend once the second landing stage had been inspected.</p>";

fn article(body: &str) -> pith::Article {
    let page = format!("<html><body><article>{PROSE}{body}{PROSE}</article></body></html>");
    pith::Extractor::new(
        pith::Options::default()
            .base_url("https://news.example/2024/story.html")
            .focus(pith::Focus::Recall),
    )
    .extract(&page)
}

#[test]
fn markdown_punctuation_in_the_text_stays_text() {
    let page = "<h2># Not a *heading* [really]</h2>\
        <p>Prices rose 5* or more_ than <em>forecast</em> at AT&amp;T &amp;amp; co, \
        [see](notes) <b>below</b> | while `ticks` and \\slashes\\ and &lt;tags&gt; stayed put \
        for most of the year.</p>\
        <p>1984. The year the line opened, and + the year after - it closed.<br>\
        # second line<br>&gt; third line with a <a href='/a(b)'>link (with parens)</a></p>\
        <ul><li>- dash item</li><li>1. numbered-looking item</li></ul>\
        <table><tr><th>a | b</th><th>c</th></tr><tr><td>*x*</td><td>y_z_</td></tr></table>";
    let a = article(page);
    assert_eq!(a.blocks.len(), 9, "{:#?}", a.blocks);
    let md = a.to_markdown();
    let got = parse(&md);
    let want = expected(&a);
    assert_eq!(got.text, want.text, "{md}");
    assert_eq!(got.items.get(&1), Some(&2), "{md}");
    assert_eq!(got.rows, vec![2, 2], "{md}");
    assert!(
        md.contains("[link (with parens)](<https://news.example/a(b)>)"),
        "{md}"
    );
    assert!(
        md.contains("*forecast*") && md.contains("**below**"),
        "{md}"
    );
}

#[test]
fn links_and_images_are_resolved_and_unsafe_ones_dropped() {
    let page = "<p>The council published <a href='../docs/plan.pdf'>the plan</a> and \
        <a href='javascript:alert(1)'>a form</a> on Monday, with a map of the new cycle routes \
        across the old town and the river crossings.<img src='/img/map.png' alt='Route map'>\
        <img src='data:image/svg+xml;base64,PHN2Zz4=' alt='x'></p>";
    let md = article(page).to_markdown();
    assert!(
        md.contains("[the plan](https://news.example/docs/plan.pdf)"),
        "{md}"
    );
    assert!(md.contains(" and a form on Monday"), "{md}");
    assert!(
        md.contains("![Route map](https://news.example/img/map.png)"),
        "{md}"
    );
    assert!(!md.contains("javascript") && !md.contains("data:"), "{md}");
}

#[test]
fn a_list_right_after_another_does_not_merge_with_it() {
    let page = "<ul><li>first list, item one</li><li>first list, item two</li></ul>\
        <ul><li>second list, item one</li></ul>";
    let md = article(page).to_markdown();
    let lists = Parser::new(&md)
        .filter(|e| matches!(e, Event::Start(Tag::List(_))))
        .count();
    assert_eq!(lists, 2, "{md}");
}
