//! Stage 1 of 6 — parse and prune.
//!
//! Input: the page as `&str`. Output: a [`Document`] (our compact arena tree, see `tree`,
//! built by html5ever's tree builder with parse errors ignored) and [`never_content`], the
//! test the segment walk applies to each element to skip what is never article text.
//!
//! Decides: which elements are never content (scripts, styles, templates, form controls,
//! embedded media, hidden elements) and how deep and how large the tree may grow.
//!
//! Guards. html5ever follows the HTML spec, which has no depth limit, and several tree
//! construction steps scan the stack of open elements or the list of active formatting
//! elements, so hostile nesting costs time quadratic in its depth; the tokenizer is quadratic
//! in the number of attributes of one tag. Browsers stop nesting at 512. Three guards keep
//! parsing linear in input size and memory proportional to it:
//! 1. before tokenizing, [`attributes::limit`] drops the attributes of any tag past 256 (the
//!    rest of the tag becomes a comment; the element keeps its content). The cut cannot see
//!    the tokenizer's state, so the parse checks where each cut landed and parses the page
//!    again without the cuts that landed in text (see [`MIN_CUT_ROUNDS`], [`CUT_PARSE_BYTES`]);
//! 2. between the tokenizer and the tree builder sits `guard::Guard`, which asks the tree builder
//!    itself (`TreeBuilder::trace_handles`) how many elements are open or on the list of
//!    active formatting elements, and drops start tags that would go past `max_depth`, and
//!    formatting start tags (`b`, `a`, `font`…) past [`MAX_FORMATTING`], together with their
//!    end tags; their text still flows into the enclosing element. Reading the real stack
//!    rather than simulating it matters: the adoption agency algorithm (misnested `</b>`),
//!    `<table>` inside formatting elements and `<div/>` all grow the real stack while a
//!    simulation that pops on end tags thinks it shrank;
//! 3. after each token the guard counts the nodes built; past `max_nodes`, or past
//!    [`NODES_PER_BYTE`] nodes per byte of input (the tree builder re-creates unclosed
//!    formatting elements in every new paragraph, so a small page can ask for millions),
//!    parsing stops and the rest of the page is ignored.
//!
//! Sources: HTML Living Standard §13.2.4.3 (active formatting elements, the "Noah's Ark"
//! clause), §13.2.6.4.7 (in body: adoption agency, reconstruction); Blink's
//! `kMaximumHTMLParserDOMTreeDepth` (512); Readability.js `_isProbablyVisible` for hidden
//! elements.

mod attributes;
mod guard;
mod sink;
mod tree;

use crate::lexicon::{self, TagRole};
use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use std::collections::BTreeSet;

pub(crate) use tree::{Document, Edge, Element, NodeId, Value};

/// Limits applied while building the tree.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    /// Most elements open at once (stack of open elements plus active formatting elements).
    pub(crate) max_depth: usize,
    /// Most nodes (elements, text, comments) built.
    pub(crate) max_nodes: usize,
}

/// What the parse ran into, for `--explain` and the batch report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ParseReport {
    /// The attribute cap cut at least one tag.
    pub(crate) attributes_cut: bool,
    /// Offsets of attribute cuts whose marks turned up outside a tag (see
    /// `attributes::CUT_MARK`): their `<` was text, so the page is parsed again without them.
    pub(crate) misplaced_cuts: Vec<usize>,
    /// Start tags dropped because they would nest deeper than the limit (or keep too many
    /// formatting elements active).
    pub(crate) dropped_deep_tags: usize,
    /// True when the node limit stopped the parse early.
    pub(crate) truncated: bool,
    /// `<iframe>` start tags inside `<noscript>` taken as empty, so that an unclosed one
    /// does not turn the rest of the page into its text (see `guard::Guard::admit`).
    pub(crate) emptied_frames: usize,
}

/// Most formatting elements the tree builder may hold, open or waiting on its list of active
/// formatting elements (an element that is both counts twice). Each paragraph re-creates
/// the unclosed ones and every re-creation scans the open stack, so this bounds both the
/// nodes one token can create and the work per token. Real pages nest a handful
/// (`<a><b><i>`); 32 leaves room for 16 open at once.
pub(crate) const MAX_FORMATTING: usize = 32;

/// Most nodes built per byte of input before parsing stops. Markup that is not re-created
/// builds at most about one node per two bytes (`<b>x` is an element and a text node in
/// four bytes; a bare `<td>` after `<table>` implies `tbody` and `tr`), real pages one per
/// twenty or more. Unclosed formatting elements are re-created in every paragraph: an old
/// "font soup" page with seven distinct `<font>` tags left open reaches one node per byte,
/// while hostile markup (`<p>x</p>` under 32 open-ended `<b>`s) asks for four. Two bounds
/// the tree at a few hundred bytes of memory per input byte.
pub(crate) const NODES_PER_BYTE: usize = 2;

/// Nodes allowed on top of [`NODES_PER_BYTE`], so that tiny pages with implied structure
/// never hit it.
const NODES_SLACK: usize = 4096;

/// Input is given to the tokenizer in pieces of this size, so that a parse stopped by the
/// node limit stops reading too.
const FEED_BYTES: usize = 64 * 1024;

/// Parses a page into a tree, applying the guards (see the module doc).
pub(crate) fn parse(html: &str, limits: Limits) -> (Document, ParseReport) {
    let html = prefix(html, tree::MAX_PARSE_BYTES);
    let mut in_text = BTreeSet::new();
    // Each parse that finds cuts in text leads to another without them; a skipped cut can
    // let a later reading reach the cap, so a page may take several (see
    // [`CUT_PARSE_BYTES`]).
    let rounds = MIN_CUT_ROUNDS.max(CUT_PARSE_BYTES / html.len().max(1));
    let mut round = 1;
    loop {
        let (limited, cuts) = attributes::limit(html, &in_text);
        let last = round >= rounds;
        let (doc, report) = parse_limited(&limited, limits, &cuts, last);
        let known = in_text.len();
        in_text.extend(report.misplaced_cuts.iter().copied());
        if in_text.len() == known || last {
            return (doc, report);
        }
        round += 1;
    }
}

/// Parses of one page while attribute cuts turn out to be in text (see
/// `attributes::CUT_MARK`), at least this many: one finds the cuts in text, the next
/// parses without them. Hostile pages chain them: a `<title>` left open over many
/// `<script src=…` copies, each with hundreds of words, shows each cut in text only once
/// the one before it is left out (the fuzz finding `crash-619eb141…` takes five parses).
const MIN_CUT_ROUNDS: usize = 4;

/// Bytes parsed in all, past [`MIN_CUT_ROUNDS`] parses, while cuts keep turning out to be
/// in text: 4 MiB, about 50 ms of parsing. Each cut in text takes 256 words of the page, so
/// a chain holds at most one per 512 bytes, and every page under 46 KB settles. The last parse
/// allowed stops at the first cut it finds in text and drops the rest of the page (see
/// `guard::GuardState::held`): a guard drops, it never turns markup into text.
const CUT_PARSE_BYTES: usize = 4 << 20;

/// Parses a page whose tags the attribute cap has already limited (`cuts`: the offsets of
/// its cuts; `last`: no parse of the page follows this one).
fn parse_limited(
    html: &str,
    limits: Limits,
    cuts: &[usize],
    last: bool,
) -> (Document, ParseReport) {
    let sink = sink::Sink::new(Document::with_capacity(html.len()));
    // Scripting off, as a crawler or a browser with JavaScript off reads the page: the
    // content of `<noscript>` is markup (Discourse's crawler view of a thread sits there)
    // rather than one raw text node.
    let opts = TreeBuilderOpts {
        scripting_enabled: false,
        ..TreeBuilderOpts::default()
    };
    let builder = TreeBuilder::new(sink, opts);
    let node_budget = limits.max_nodes.min(
        html.len()
            .saturating_mul(NODES_PER_BYTE)
            .saturating_add(NODES_SLACK),
    );
    let guard = guard::Guard::new(builder, limits, node_budget, cuts, last);
    let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
    let input = BufferQueue::default();
    for piece in pieces(html, FEED_BYTES) {
        input.push_back(StrTendril::from(piece));
        // Script results only pause the tokenizer so a browser could run the script;
        // encoding indicators are handled before parsing (stage 0). Both just continue here.
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
        if tokenizer.sink.truncated() {
            break;
        }
    }
    tokenizer.end();
    let (doc, mut report) = tokenizer.sink.finish();
    report.attributes_cut = !cuts.is_empty();
    (doc, report)
}

/// The parsed tree as an outline (see `pith::parse_outline`), and whether a guard dropped
/// or stopped anything.
pub(crate) fn outline(html: &str, limits: Limits) -> (Vec<String>, bool) {
    let (doc, report) = parse(html, limits);
    let guarded = report.attributes_cut
        || doc.split_text()
        || report.truncated
        || report.dropped_deep_tags > 0
        || report.emptied_frames > 0
        || html.len() > tree::MAX_PARSE_BYTES;
    let mut lines = Vec::new();
    walk_text(&doc, |step| {
        lines.push(match step {
            Step::Open(name) => format!("<{name}"),
            Step::Text(t) => format!("{t:?}"),
            Step::Close => ">".to_string(),
        })
    });
    (lines, guarded)
}

/// The text of the parsed tree, its nodes joined in document order (script and style
/// text left out): see `pith::parse_text`.
pub(crate) fn text(html: &str, limits: Limits) -> String {
    let (doc, _) = parse(html, limits);
    let mut out = String::new();
    walk_text(&doc, |step| {
        if let Step::Text(t) = step {
            out.push_str(t);
        }
    });
    out
}

/// One step of [`walk_text`].
enum Step<'a> {
    /// Entering an element (its name).
    Open(&'a str),
    /// A text node outside script and style elements.
    Text(&'a str),
    /// Leaving an element.
    Close,
}

/// Visits the tree's elements and its text outside script and style elements, whose text
/// is not built (see `guard`).
fn walk_text<'d>(doc: &'d Document, mut visit: impl FnMut(Step<'d>)) {
    let raw = |name: &str| usize::from(matches!(name, "script" | "style"));
    let mut raw_text = 0usize;
    for edge in doc.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Value::Element(e) => {
                    raw_text += raw(e.name());
                    visit(Step::Open(e.name()));
                }
                Value::Text(t) if raw_text == 0 => visit(Step::Text(t)),
                _ => {}
            },
            Edge::Close(node) => {
                if let Some(e) = node.as_element() {
                    raw_text = raw_text.saturating_sub(raw(e.name()));
                    visit(Step::Close);
                }
            }
        }
    }
}

/// The first `max` bytes of `s` (less, to end on a character boundary).
fn prefix(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or(s)
}

/// `s` cut into pieces of about `size` bytes, on character boundaries.
fn pieces(s: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = size.min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (piece, tail) = rest.split_at_checked(end)?;
        rest = tail;
        Some(piece)
    })
}

/// Why an element is never content, if it is not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NeverContent {
    /// Its tag never renders article text (script, style, form control, media…).
    Tag,
    /// It is hidden: `hidden` or `aria-hidden="true"`.
    Hidden,
    /// An inline style hides it. Pages that show themselves by script once loaded (an
    /// anti-flicker wrapper round the whole body, a lock-screen app round `<main>`) hide
    /// their content this way too, so segmentation may read it when nothing else is there
    /// (see `extractor`).
    Styled,
}

/// Whether an element (and its subtree) is never article text.
pub(crate) fn never_content(element: &Element<'_>, role: TagRole) -> Option<NeverContent> {
    if role == TagRole::Skip {
        return Some(NeverContent::Tag);
    }
    if element.name() == "a" && is_permalink(element) {
        return Some(NeverContent::Hidden);
    }
    for (name, value) in element.attrs() {
        let hidden = match name {
            "hidden" => Some(NeverContent::Hidden),
            "aria-hidden" => value
                .trim()
                .eq_ignore_ascii_case("true")
                .then_some(NeverContent::Hidden),
            "style" => style_hides(value).then_some(NeverContent::Styled),
            _ => None,
        };
        if hidden.is_some() {
            if is_disclosure_panel(element) {
                return None;
            }
            return hidden;
        }
    }
    None
}

/// Whether a hidden element is a panel a reader opens (a tab panel, an accordion section) or
/// a streamed segment the page's script shows at once, rather than text nobody sees: see
/// `lexicon::PANEL_ROLES`, `lexicon::PANEL_CLASS_STEMS` and
/// `lexicon::STREAMED_SEGMENT_PREFIX`. Its text is read and judged like any other.
fn is_disclosure_panel(element: &Element<'_>) -> bool {
    let role = element.attr("role").map(str::trim);
    if role.is_some_and(|r| {
        lexicon::PANEL_ROLES
            .iter()
            .any(|p| r.eq_ignore_ascii_case(p))
    }) {
        return true;
    }
    if role.is_some_and(|r| r.eq_ignore_ascii_case("region"))
        && element.attr("aria-labelledby").is_some()
    {
        return true;
    }
    if element.name() == "div"
        && element
            .attr("id")
            .is_some_and(|id| id.starts_with(lexicon::STREAMED_SEGMENT_PREFIX))
    {
        return true;
    }
    element.attr("class").is_some_and(|class| {
        class.split_ascii_whitespace().any(|name| {
            let name = name.to_ascii_lowercase();
            lexicon::PANEL_CLASS_STEMS
                .iter()
                .any(|stem| name.contains(stem))
        })
    })
}

/// A heading's permalink anchor (`<a class="headerlink">¶</a>`), see
/// `lexicon::PERMALINK_TOKENS`.
fn is_permalink(element: &Element<'_>) -> bool {
    element.attr("class").is_some_and(|class| {
        class.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| {
            lexicon::PERMALINK_TOKENS
                .iter()
                .any(|p| t.eq_ignore_ascii_case(p))
        })
    })
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
        for edge in doc.traverse() {
            match edge {
                Edge::Open(_) => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                Edge::Close(_) => depth -= 1,
            }
        }
        deepest
    }

    /// Every node in the tree, in document order.
    fn nodes(doc: &Document) -> impl Iterator<Item = tree::Node<'_>> {
        doc.traverse().filter_map(|e| match e {
            Edge::Open(n) => Some(n),
            Edge::Close(_) => None,
        })
    }

    fn elements<'a>(doc: &'a Document, name: &'a str) -> impl Iterator<Item = Element<'a>> {
        nodes(doc)
            .filter_map(|n| n.as_element())
            .filter(move |e| e.name() == name)
    }

    fn texts(doc: &Document) -> Vec<&str> {
        nodes(doc)
            .filter_map(|n| match n.value() {
                Value::Text(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn nesting_beyond_the_limit_is_flattened_and_text_kept() {
        let html = format!("{}deep text{}", "<div>".repeat(2000), "</div>".repeat(2000));
        let (doc, report) = parse(&html, limits(100));
        assert!(max_depth(&doc) <= 110, "depth {}", max_depth(&doc));
        assert!(report.dropped_deep_tags > 1800);
        assert!(texts(&doc).iter().any(|t| t.contains("deep text")));
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
        assert!(elements(&doc, "p").count() <= 10);
    }

    #[test]
    fn script_below_the_depth_limit_stays_raw_text() {
        let html = format!(
            "{}<script>if (a<b) {{ x = '<p>not content</p>'; }}</script>{}",
            "<div>".repeat(20),
            "</div>".repeat(20)
        );
        let (doc, _) = parse(&html, limits(5));
        assert_eq!(elements(&doc, "script").count(), 1);
        assert_eq!(elements(&doc, "p").count(), 0);
    }

    fn count(doc: &Document, name: &str) -> usize {
        elements(doc, name).count()
    }

    #[test]
    fn a_dropped_title_does_not_take_the_end_tag_of_a_later_one() {
        // The `title` inside the dropped `math` is dropped with it and its end tag never
        // comes; the next `title`'s end tag closed it instead, which left html5ever's tree
        // builder in its text mode while the tokenizer read tags again (a panic, found by
        // the differential test).
        let html = format!(
            "{}<math><title></math><title></title><title>after</title><p>text</p>",
            "<div>".repeat(200)
        );
        let (doc, report) = parse(&html, limits(100));
        assert!(report.dropped_deep_tags > 0);
        assert!(texts(&doc).contains(&"text"), "{:?}", texts(&doc));
    }

    #[test]
    fn an_unclosed_iframe_in_noscript_does_not_swallow_the_page() {
        // A tag manager's snippet written `<iframe … />`: HTML does not close it, and read
        // as raw text up to `</iframe>` it took every later section of the page.
        let html = "<body><p>Intro</p><noscript><iframe src='https://t.example/ns' \
                    height='0' /></noscript><div hidden id='S:0'><h1>Deploy in minutes</h1>\
                    <p>Connect a repository.</p></div></body>";
        let (doc, report) = parse(html, limits(100));
        let all = texts(&doc);
        assert!(
            all.iter().any(|t| t.contains("Deploy in minutes")),
            "{all:?}"
        );
        assert!(!all.iter().any(|t| t.contains("<h1>")), "{all:?}");
        assert_eq!(report.emptied_frames, 1);
        // Closed as it should be, or outside `<noscript>`, an iframe parses as HTML says.
        let (_, report) = parse(
            "<noscript><iframe src=x></iframe></noscript><p>a</p>",
            limits(100),
        );
        assert_eq!(report.emptied_frames, 1);
        let (doc, report) = parse(
            "<iframe src=x><p>fallback</p></iframe><p>a</p>",
            limits(100),
        );
        assert_eq!(report.emptied_frames, 0);
        assert!(texts(&doc).iter().any(|t| t.contains("<p>fallback</p>")));
    }

    #[test]
    fn self_closing_divs_open_and_are_limited() {
        // `<div/>` opens a div in HTML: a guard that took the slash at its word let these
        // nest without limit (quadratic: 240 KB took 10 s).
        let (doc, report) = parse(&format!("{}text", "<div/>".repeat(2000)), limits(100));
        assert!(max_depth(&doc) <= 110, "depth {}", max_depth(&doc));
        assert!(report.dropped_deep_tags > 1800);
    }

    #[test]
    fn misnested_formatting_cannot_deepen_the_tree_past_the_limit() {
        // The adoption agency keeps the divs open when `</b>` closes the `b` they are in,
        // so the real stack grows by 50 per round; a guard that popped its own stack at
        // `</b>` saw it shrink (quadratic: 245 KB took 7.9 s).
        let round = format!("<b>{}</b>", "<div>x".repeat(50));
        let (doc, report) = parse(&round.repeat(100), limits(100));
        assert!(max_depth(&doc) <= 110, "depth {}", max_depth(&doc));
        assert!(report.dropped_deep_tags > 0);
    }

    #[test]
    fn formatting_elements_left_open_by_tables_are_limited() {
        // `</b>` is ignored when a table is open above the `b`, so every round leaves one
        // more `b` open (quadratic: 1.2 MB took 6 s).
        let (doc, _) = parse(&"<b class=q><table></b></table>".repeat(2000), limits(100));
        assert!(max_depth(&doc) <= 110, "depth {}", max_depth(&doc));
    }

    #[test]
    fn unclosed_formatting_elements_are_capped() {
        let opening: String = (0..200).map(|i| format!("<b id=b{i}>")).collect();
        let html = format!("{opening}<p>x</p>");
        let (doc, report) = parse(&html, limits(512));
        assert!(count(&doc, "b") <= MAX_FORMATTING, "{} b", count(&doc, "b"));
        assert!(report.dropped_deep_tags >= 200 - MAX_FORMATTING);
    }

    #[test]
    fn reconstructing_formatting_elements_cannot_amplify_without_bound() {
        // Each `<p>x</p>` re-creates every unclosed `b` (distinct attributes defeat the
        // Noah's Ark clause): 8 bytes of input make 32 nodes. The parse stops instead.
        let opening: String = (0..30).map(|i| format!("<b id=b{i}>")).collect();
        let html = format!("<p>{opening}</p>{}", "<p>x</p>".repeat(20_000));
        let (doc, report) = parse(&html, limits(512));
        assert!(report.truncated);
        let nodes = doc.len();
        assert!(
            nodes <= html.len() * NODES_PER_BYTE + NODES_SLACK + MAX_FORMATTING + 2,
            "{nodes} nodes"
        );
    }

    #[test]
    fn old_font_soup_is_not_cut_short() {
        // Seven distinct `<font>` tags left open, re-created in every paragraph: about one
        // node per byte, which browsers build too and real 1990s pages do.
        let html: String = (0..5000)
            .map(|i| format!("<font size={}><p>text {i}", i % 7))
            .collect();
        let (doc, report) = parse(&html, limits(512));
        assert!(!report.truncated);
        assert!(texts(&doc).iter().any(|t| t.contains("text 4999")));
    }

    #[test]
    fn repeated_html_and_body_tags_do_not_add_attributes() {
        let html = format!(
            "<html lang=en><body class=page>{}text",
            (0..500)
                .map(|i| format!("<html a{i}><body b{i}>"))
                .collect::<String>()
        );
        let (doc, _) = parse(&html, limits(512));
        let attrs = |name: &str| elements(&doc, name).next().map_or(0, |e| e.attrs().count());
        assert_eq!(attrs("html"), 1);
        assert_eq!(attrs("body"), 1);
    }

    #[test]
    fn svg_title_and_style_nest_like_other_foreign_elements() {
        // Inside SVG, `title` and `style` are not raw text and can nest, so the guard must
        // not exempt them there.
        let (doc, _) = parse(&format!("<svg>{}x", "<g><style>".repeat(1000)), limits(100));
        assert!(max_depth(&doc) <= 110, "depth {}", max_depth(&doc));
    }

    #[test]
    fn a_tag_with_too_many_attributes_is_cut() {
        let attrs: String = (0..5000).map(|i| format!(" a{i}")).collect();
        let (doc, _) = parse(&format!("<p{attrs}>text</p>"), limits(512));
        let p = elements(&doc, "p").next().map_or(0, |e| e.attrs().count());
        assert_eq!(p, attributes::MAX_ATTRIBUTES as usize);
    }

    #[test]
    fn input_is_fed_in_pieces_on_character_boundaries() {
        let text = "é".repeat(10);
        let pieces: Vec<&str> = pieces(&text, 3).collect();
        assert_eq!(pieces.concat(), text);
        assert!(pieces.iter().all(|p| p.len() == 4));
    }

    #[test]
    fn script_and_style_text_is_not_built_but_json_ld_is() {
        let (doc, _) = parse(
            "<script>var a = '<p>x</p>';</script><style>p{}</style>\
             <script type=application/ld+json>{\"@type\":\"NewsArticle\"}</script><p>kept</p>",
            limits(512),
        );
        assert_eq!(texts(&doc), vec!["{\"@type\":\"NewsArticle\"}", "kept"]);
    }

    #[test]
    fn heading_permalinks_are_never_content() {
        let (doc, _) = parse(
            "<h2>Sharing<a class=headerlink href=#s>¶</a></h2><p>See <a class=more href=/x>this</a></p>",
            limits(512),
        );
        let anchors: Vec<Option<NeverContent>> = elements(&doc, "a")
            .map(|e| never_content(&e, TagRole::Inline))
            .collect();
        assert_eq!(anchors, vec![Some(NeverContent::Hidden), None]);
    }

    #[test]
    fn hidden_styles_are_detected() {
        assert!(style_hides("color: red; display : none"));
        assert!(style_hides("VISIBILITY:hidden"));
        assert!(!style_hides("display:block; overflow:hidden"));
    }
}
