//! html5ever's own tree (scraper builds it, with no guard) outlined like
//! `pith::parse_outline`, for the differential test (`tests/tree_diff.rs`) and the fuzz
//! target (`fuzz/fuzz_targets/tree_diff.rs`), which both include this file.

/// html5ever's tree, outlined like `pith::parse_outline` (script and style text too when
/// asked: pith does not build it).
pub fn outline(html: &str, with_raw_text: bool) -> Vec<String> {
    let doc = parse(html);
    let mut lines = Vec::new();
    let mut raw_text = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                scraper::Node::Element(e) => {
                    raw_text += usize::from(matches!(e.name(), "script" | "style"));
                    lines.push(format!("<{}", e.name()));
                }
                scraper::Node::Text(t) if raw_text == 0 || with_raw_text => {
                    lines.push(format!("{:?}", &**t))
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let scraper::Node::Element(e) = node.value() {
                    raw_text = raw_text
                        .saturating_sub(usize::from(matches!(e.name(), "script" | "style")));
                    lines.push(">".to_string());
                }
            }
        }
    }
    lines
}

/// html5ever's tree of a page as pith reads it: scripting off, so `<noscript>` holds
/// markup (scraper's `Html::parse_document` parses with scripting on).
pub fn parse(html: &str) -> scraper::Html {
    use html5ever::tendril::TendrilSink;
    let opts = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    html5ever::parse_document(
        scraper::HtmlTreeSink::new(scraper::Html::new_document()),
        opts,
    )
    .one(html)
}
