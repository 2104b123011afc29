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
    /// Paragraphs inside block quotes (and not inside a list).
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
            Event::Start(Tag::Paragraph) if quotes > 0 && lists == 0 => s.quoted += 1,
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

/// The structure the article's blocks describe, as Markdown can state it: tables of one
/// column (layout tables) are written as paragraphs, so they have no rows; pipe tables give
/// every row the table's number of columns; a list item deeper than the item before it
/// allows (its parent item was not kept) sits one level below that item; items of a tight
/// list have no paragraph of their own.
fn expected(a: &pith::Article) -> Shape {
    let mut s = Shape::default();
    s.text
        .extend(a.title.chars().filter(|c| !c.is_whitespace()));
    // Columns holding a kept cell, per run of consecutive rows of one table (a run is
    // written as one table).
    let mut columns: Vec<usize> = Vec::with_capacity(a.blocks.len());
    let mut i = 0;
    while i < a.blocks.len() {
        let table = a.blocks[i].row.as_ref().map(|r| r.table);
        let run = a.blocks[i..]
            .iter()
            .take_while(|b| table.is_some() && b.row.as_ref().map(|r| r.table) == table)
            .count()
            .max(1);
        let used: std::collections::BTreeSet<u32> = a.blocks[i..i + run]
            .iter()
            .filter_map(|b| b.row.as_ref())
            .flat_map(|r| r.cells.iter().map(|c| c.column))
            .collect();
        columns.extend(std::iter::repeat_n(used.len(), run));
        i += run;
    }
    let (mut depth, mut quote) = (0usize, 0u32);
    for (b, columns) in a.blocks.iter().zip(&columns) {
        if b.list.is_none() || b.quote_depth != quote {
            depth = 0;
        }
        quote = b.quote_depth;
        match (b.kind, b.list) {
            (pith::BlockKind::ListItem, Some(item)) if !item.continues_item => {
                depth = (item.depth as usize).min(depth + 1);
                *s.items.entry(depth).or_default() += 1;
            }
            (kind, Some(item)) => {
                depth = depth.min(item.depth as usize);
                if kind == pith::BlockKind::Code {
                    s.code.push(format!("{}\n", b.text));
                }
            }
            (pith::BlockKind::Code, None) => s.code.push(format!("{}\n", b.text)),
            _ => {}
        }
        if let Some(row) = &b.row {
            match *columns {
                n if n > 1 => s.rows.push(n),
                // A one-column table is written as paragraphs.
                _ if b.quote_depth > 0 => {
                    s.quoted += row
                        .cells
                        .iter()
                        .map(|c| c.text.split("\n\n").count())
                        .sum::<usize>()
                }
                _ => {}
            }
        }
        // An image that opens a paragraph or heading is written as a paragraph of its own.
        let leading_image = b.list.is_none()
            && !b.text.is_empty()
            && matches!(
                b.kind,
                pith::BlockKind::Paragraph | pith::BlockKind::Quote | pith::BlockKind::Heading(_)
            )
            && b.spans
                .first()
                .is_some_and(|s| s.start == 0 && matches!(s.kind, pith::SpanKind::Image { .. }));
        if leading_image && b.quote_depth > 0 {
            s.quoted += 1;
        }
        // Outside any list item (a block inside a list whose items were not kept is written
        // as a plain paragraph).
        let paragraph = depth == 0
            && !matches!(
                b.kind,
                pith::BlockKind::Code | pith::BlockKind::Heading(_) | pith::BlockKind::TableRow
            );
        if b.quote_depth > 0 && paragraph {
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

/// The shared benchmark pages (`../shared/datasets/*/html`, or `$PITH_DATASETS`), when present.
fn dataset_pages() -> Vec<std::path::PathBuf> {
    let root = std::env::var_os("PITH_DATASETS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets"));
    let mut pages = Vec::new();
    for set in ["scrapinghub", "readability"] {
        if let Ok(entries) = std::fs::read_dir(root.join(set).join("html")) {
            pages.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
        }
    }
    pages.sort();
    pages
}

#[test]
fn benchmark_pages_round_trip_their_structure_and_text() {
    let pages = dataset_pages();
    if pages.is_empty() {
        eprintln!("shared datasets not found; set PITH_DATASETS to check them");
        return;
    }
    let mut failures = Vec::new();
    for path in &pages {
        let bytes = std::fs::read(path).expect("page");
        let a = pith::extract_bytes(&bytes, None).expect("page extracts");
        let (got, want) = (parse(&a.to_markdown()), expected(&a));
        if got != want {
            let mut what = Vec::new();
            if got.items != want.items {
                what.push(format!("items {:?} vs {:?}", got.items, want.items));
            }
            if got.rows != want.rows {
                what.push(format!("rows {:?} vs {:?}", got.rows, want.rows));
            }
            if got.code != want.code {
                what.push("code".to_string());
            }
            if got.quoted != want.quoted {
                what.push(format!("quoted {} vs {}", got.quoted, want.quoted));
            }
            if got.text != want.text {
                let at = got
                    .text
                    .chars()
                    .zip(want.text.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                let near = |s: &str| {
                    s.chars()
                        .skip(at.saturating_sub(30))
                        .take(60)
                        .collect::<String>()
                };
                what.push(format!(
                    "text at {at}: {:?} vs {:?}",
                    near(&got.text),
                    near(&want.text)
                ));
            }
            failures.push(format!("{}: {}", path.display(), what.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} pages differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
