//! Stage 1 of 6 — parse and prune.
//!
//! Input: the page as `&str`. Output: a [`Document`] (scraper's arena tree, built by
//! html5ever with parse-error collection off) and [`never_content`], the test the segment
//! walk applies to each element to skip what is never article text.
//!
//! Decides: which elements are never content (scripts, styles, templates, form controls,
//! embedded media, hidden elements) and how deep and how large the tree may grow.
//!
//! Guards. html5ever follows the HTML spec, which has no depth limit, and several of its
//! tree-construction steps scan the stack of open elements, so deep nesting costs time
//! quadratic in depth. Browsers stop nesting at 512. Between the tokenizer and the tree
//! builder sits [`Guard`], which tracks an approximation of the open-element stack (with the
//! spec's implied end tags for `p`, `li`, `dd`/`dt`, `option`, `tr`/`td`/`th`) and drops start
//! tags that would open deeper than `max_depth` together with their end tags; their text
//! still flows into the enclosing element. It also stops building after `max_nodes`
//! elements. Both keep parsing linear in input size.
//!
//! Sources: HTML Living Standard §13.2.6 (tree construction: "has an element in scope",
//! implied end tags); Readability.js `_isProbablyVisible` for hidden elements.

use crate::lexicon::{self, TagRole};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{LocalName, TokenizerResult};
use scraper::node::Element;
use scraper::{Html, HtmlTreeSink};
use std::cell::RefCell;
use std::collections::HashMap;

/// A parsed page.
pub(crate) type Document = Html;

/// Limits applied while building the tree.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    /// Deepest element nesting built.
    pub(crate) max_depth: usize,
    /// Most elements built.
    pub(crate) max_nodes: usize,
}

/// What the parse ran into, for `--explain` and the batch report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ParseReport {
    /// Start tags dropped because they would nest deeper than the limit.
    pub(crate) dropped_deep_tags: usize,
    /// True when the node limit stopped the parse early.
    pub(crate) truncated: bool,
}

/// Parses a page into a tree, applying the depth and node guards.
pub(crate) fn parse(html: &str, limits: Limits) -> (Document, ParseReport) {
    let sink = HtmlTreeSink::new(Html::new_document());
    let builder = TreeBuilder::new(sink, TreeBuilderOpts::default());
    let guard = Guard::new(builder, limits);
    let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    // Script results only pause the tokenizer so a browser could run the script; encoding
    // indicators are handled before parsing (stage 0). Both just continue here.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let guard = tokenizer.sink;
    let report = guard.state.into_inner().report;
    (guard.inner.sink.finish(), report)
}

/// Elements whose start tags the guard never drops: their content model changes how the
/// tokenizer reads what follows (raw text, RCDATA, plaintext), so dropping the tag would
/// make script or style source parse as markup.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
    )
}

/// Void elements never open (HTML §13.1.2): they take no end tag and never deepen the tree.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "image"
    )
}

/// For a start tag that implicitly closes an open element of its own kind (HTML §13.2.6.4.7
/// "in body": `li`, `dd`/`dt`, `p`, `option`, table parts), the names that end the search
/// for that element.
fn implied_close(name: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    const LI: &[&str] = &["li"];
    const DDT: &[&str] = &["dd", "dt"];
    const P: &[&str] = &["p"];
    const OPTION: &[&str] = &["option"];
    const ROW: &[&str] = &["tr", "td", "th"];
    const CELL: &[&str] = &["td", "th"];
    const LISTS: &[&str] = &["ul", "ol", "menu", "div", "section", "article", "body"];
    const DL: &[&str] = &["dl", "div", "body"];
    const BLOCKS: &[&str] = &[
        "div", "section", "article", "td", "th", "li", "body", "table",
    ];
    const SELECT: &[&str] = &["select", "datalist", "body"];
    const TABLE: &[&str] = &["table", "body"];
    const TR: &[&str] = &["tr", "table", "body"];
    match name {
        "li" => Some((LI, LISTS)),
        "dd" | "dt" => Some((DDT, DL)),
        "p" | "div" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote"
        | "pre" | "section" | "article" | "table" | "dl" | "figure" | "header" | "footer"
        | "nav" | "aside" | "form" | "address" | "main" => Some((P, BLOCKS)),
        "option" | "optgroup" => Some((OPTION, SELECT)),
        "tr" | "tbody" | "thead" | "tfoot" => Some((ROW, TABLE)),
        "td" | "th" => Some((CELL, TR)),
        _ => None,
    }
}

struct GuardState {
    limits: Limits,
    /// Approximate stack of open elements (names only).
    stack: Vec<LocalName>,
    /// Start tags dropped for depth, per name, so their end tags are dropped too.
    dropped: HashMap<LocalName, usize>,
    elements: usize,
    report: ParseReport,
}

/// A token filter between html5ever's tokenizer and tree builder (see the module doc).
struct Guard<S> {
    inner: S,
    state: RefCell<GuardState>,
}

impl<S> Guard<S> {
    fn new(inner: S, limits: Limits) -> Self {
        Guard {
            inner,
            state: RefCell::new(GuardState {
                limits,
                stack: Vec::with_capacity(64),
                dropped: HashMap::new(),
                elements: 0,
                report: ParseReport::default(),
            }),
        }
    }
}

impl GuardState {
    /// Whether the tag should reach the tree builder; updates the simulated stack.
    fn admit(&mut self, kind: TagKind, name: &LocalName, self_closing: bool) -> bool {
        if self.report.truncated {
            return false;
        }
        match kind {
            TagKind::StartTag => {
                self.elements += 1;
                if self.elements > self.limits.max_nodes {
                    self.report.truncated = true;
                    return false;
                }
                let n: &str = name;
                if is_void(n) || self_closing && !is_raw_text(n) {
                    return true;
                }
                if let Some((closes, stops)) = implied_close(n) {
                    self.close_implied(closes, stops);
                }
                if self.stack.len() >= self.limits.max_depth && !is_raw_text(n) {
                    *self.dropped.entry(name.clone()).or_insert(0) += 1;
                    self.report.dropped_deep_tags += 1;
                    return false;
                }
                self.stack.push(name.clone());
                true
            }
            TagKind::EndTag => {
                if let Some(count) = self.dropped.get_mut(name) {
                    if *count > 0 {
                        *count -= 1;
                        return false;
                    }
                }
                if let Some(pos) = self.stack.iter().rposition(|open| open == name) {
                    self.stack.truncate(pos);
                }
                true
            }
        }
    }

    /// Pops an open element named in `closes` if one is found before any of `stops`.
    fn close_implied(&mut self, closes: &[&str], stops: &[&str]) {
        for pos in (0..self.stack.len()).rev() {
            let Some(open) = self.stack.get(pos) else {
                return;
            };
            let open: &str = open;
            if closes.contains(&open) {
                self.stack.truncate(pos);
                return;
            }
            if stops.contains(&open) {
                return;
            }
        }
    }
}

impl<S: TokenSink> TokenSink for Guard<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        let admitted = {
            let mut state = self.state.borrow_mut();
            match &token {
                Token::TagToken(tag) => state.admit(tag.kind, &tag.name, tag.self_closing),
                Token::EOFToken => true,
                _ => !state.report.truncated,
            }
        };
        if admitted {
            self.inner.process_token(token, line_number)
        } else {
            TokenSinkResult::Continue
        }
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Why an element is never content, if it is not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NeverContent {
    /// Its tag never renders article text (script, style, form control, media…).
    Tag,
    /// It is hidden: `hidden`, `aria-hidden="true"`, or an inline style that hides it.
    Hidden,
}

/// Whether an element (and its subtree) is never article text.
pub(crate) fn never_content(element: &Element, role: TagRole) -> Option<NeverContent> {
    if role == TagRole::Skip {
        return Some(NeverContent::Tag);
    }
    for (name, value) in element.attrs.iter() {
        let hidden = match &*name.local {
            "hidden" => true,
            "aria-hidden" => value.trim().eq_ignore_ascii_case("true"),
            "style" => style_hides(value),
            _ => false,
        };
        if hidden {
            return Some(NeverContent::Hidden);
        }
    }
    None
}

/// Whether an inline style declares the element invisible.
fn style_hides(style: &str) -> bool {
    if !style.contains("none") && !style.contains("hidden") {
        return false;
    }
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    lexicon::HIDDEN_STYLES.iter().any(|s| compact.contains(s))
}

/// An attribute's value by (lower-case) local name. scraper's `Element::attr` builds an
/// interned name for every call, which costs more than scanning the few attributes an
/// element has; the metadata walk asks every element for several attributes.
pub(crate) fn attr<'a>(element: &'a Element, name: &str) -> Option<&'a str> {
    element.attrs().find(|(n, _)| *n == name).map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(depth: usize) -> Limits {
        Limits {
            max_depth: depth,
            max_nodes: 1_000_000,
        }
    }

    fn max_depth(doc: &Document) -> usize {
        let mut deepest = 0;
        let mut depth = 0usize;
        for edge in doc.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(_) => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                ego_tree::iter::Edge::Close(_) => depth -= 1,
            }
        }
        deepest
    }

    #[test]
    fn nesting_beyond_the_limit_is_flattened_and_text_kept() {
        let html = format!("{}deep text{}", "<div>".repeat(2000), "</div>".repeat(2000));
        let (doc, report) = parse(&html, limits(100));
        assert!(max_depth(&doc) <= 110, "depth {}", max_depth(&doc));
        assert!(report.dropped_deep_tags > 1800);
        assert!(doc.root_element().text().any(|t| t.contains("deep text")));
    }

    #[test]
    fn unclosed_list_items_do_not_count_as_nesting() {
        let html = format!("<ul>{}</ul>", "<li>item".repeat(3000));
        let (_, report) = parse(&html, limits(50));
        assert_eq!(report.dropped_deep_tags, 0);
    }

    #[test]
    fn unclosed_paragraphs_do_not_count_as_nesting() {
        let html = format!("<div>{}</div>", "<p>para".repeat(3000));
        let (_, report) = parse(&html, limits(50));
        assert_eq!(report.dropped_deep_tags, 0);
    }

    #[test]
    fn node_limit_stops_the_parse() {
        let html = "<p>x</p>".repeat(100);
        let (doc, report) = parse(
            &html,
            Limits {
                max_depth: 512,
                max_nodes: 10,
            },
        );
        assert!(report.truncated);
        let paragraphs = doc
            .tree
            .values()
            .filter(|n| n.as_element().is_some_and(|e| e.name() == "p"))
            .count();
        assert!(paragraphs <= 10);
    }

    #[test]
    fn script_below_the_depth_limit_stays_raw_text() {
        let html = format!(
            "{}<script>if (a<b) {{ x = '<p>not content</p>'; }}</script>{}",
            "<div>".repeat(20),
            "</div>".repeat(20)
        );
        let (doc, _) = parse(&html, limits(5));
        let scripts = doc
            .tree
            .values()
            .filter(|n| n.as_element().is_some_and(|e| e.name() == "script"))
            .count();
        assert_eq!(scripts, 1);
        let paragraphs = doc
            .tree
            .values()
            .filter(|n| n.as_element().is_some_and(|e| e.name() == "p"))
            .count();
        assert_eq!(paragraphs, 0);
    }

    #[test]
    fn hidden_styles_are_detected() {
        assert!(style_hides("color: red; display : none"));
        assert!(style_hides("VISIBILITY:hidden"));
        assert!(!style_hides("display:block; overflow:hidden"));
    }
}
