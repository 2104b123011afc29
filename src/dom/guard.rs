//! The token filter between html5ever's tokenizer and its tree builder (guard 2 of the
//! parent module's doc): what the tree builder holds is counted from the builder itself,
//! start tags past the depth or formatting caps are dropped with their end tags, the node
//! budget stops the parse, and script/style text is not built.

use super::sink::Sink;
use super::tree::{Document, NodeId};
use super::{Limits, MAX_FORMATTING, ParseReport};
use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::{Tracer, TreeBuilder, TreeSink};
use html5ever::{LocalName, local_name};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashMap};

/// How much one start-tag or character token can add to what the tree builder holds: the
/// element itself plus the active formatting elements it may re-create (at most
/// [`MAX_FORMATTING`]), doubled for the adoption agency's clones. End tags never add more
/// than they remove. Used to skip exact counts (see `Guard::census`): a census is taken
/// only when this bound could reach a limit.
const GROWTH_PER_TOKEN: usize = 2 * (1 + MAX_FORMATTING);

/// Elements whose start tags switch the tokenizer to raw text, RCDATA or plaintext when
/// they are HTML elements (not inside SVG or MathML). The guard never drops them there:
/// dropping the tag would make script or style source parse as markup, and they cannot
/// nest, since everything up to their end tag is text.
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
            | "plaintext"
    )
}

/// Start tags that end foreign content (HTML §13.2.6.5, "A start tag whose tag name is
/// one of…"): the tree builder pops the SVG or MathML elements and reads the tag as HTML.
fn is_breakout(tag: &Tag) -> bool {
    let name: &str = &tag.name;
    matches!(
        name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
    ) || name == "font"
        && tag
            .attrs
            .iter()
            .any(|a| matches!(&*a.name.local, "color" | "face" | "size"))
}

/// Void elements (HTML §13.1.2) take no end tag.
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

/// Formatting elements (HTML §13.2.4.3): the tree builder keeps them on its list of active
/// formatting elements and re-creates them when they were closed by something else.
fn is_formatting(name: &LocalName) -> bool {
    // Atom comparisons: this runs for every element the tree builder holds.
    *name == local_name!("a")
        || *name == local_name!("b")
        || *name == local_name!("i")
        || *name == local_name!("em")
        || *name == local_name!("strong")
        || *name == local_name!("font")
        || *name == local_name!("code")
        || *name == local_name!("small")
        || *name == local_name!("u")
        || *name == local_name!("s")
        || *name == local_name!("big")
        || *name == local_name!("nobr")
        || *name == local_name!("strike")
        || *name == local_name!("tt")
}

pub(super) type Builder = TreeBuilder<NodeId, Sink>;

struct GuardState {
    limits: Limits,
    /// Start tags dropped, per name, so their end tags are dropped too.
    dropped: HashMap<LocalName, usize>,
    /// Nodes allowed: `max_nodes`, or fewer for short input (see [`NODES_PER_BYTE`]).
    node_budget: usize,
    /// An `<html>` / `<body>` start tag was seen: later ones only add attributes to the
    /// existing element, one sorted insertion each, so theirs are dropped.
    seen_html: bool,
    seen_body: bool,
    /// Inside a `<script>` or `<style>` whose text is never read (JSON-LD scripts excepted):
    /// its character tokens are not built into the tree. Inline scripts are often the bulk
    /// of a page's bytes, and every later stage skips them anyway.
    unread_text: Option<LocalName>,
    /// `<noscript>` start tags seen less their end tags: inside one, an `<iframe>` does not
    /// switch the tokenizer to raw text (see [`Guard::admit`]).
    noscript_depth: usize,
    /// The raw-text element (`title`, `style`, `iframe`…) the tree builder is reading the
    /// text of, from the start tag it answered by switching the tokenizer to text: its end
    /// tag always reaches the builder, even when a dropped start tag of the same name
    /// (whose end tag never came) is waiting for one to drop, or the builder would stay
    /// in its text mode while the tokenizer reads markup again.
    raw_open: Option<LocalName>,
    /// The last census and the value of `tokens` when it was taken. While no token has
    /// reached the tree builder since, it is exact (deep in a hostile page, start tag after
    /// start tag is dropped and the answer stays the same); a few tokens later it still
    /// bounds what the builder holds (see [`GROWTH_PER_TOKEN`]).
    last_census: Option<(Tally, u64)>,
    /// Start-tag and character tokens that reached the tree builder.
    tokens: u64,
    /// Set when the attribute cap cut some tag: where its marks turn up.
    cuts: Option<CutWatch>,
    /// The last parse a page gets while cuts turn out to be in text (`dom::parse`): text
    /// is held here until the next other token shows that no misplaced cut is in it or
    /// just after it, and the parse stops at the first misplaced cut, so that neither a
    /// mark nor a cut's `>` reaches the tree (the rest of the page is dropped, as past the
    /// node limit).
    held: Option<Vec<(Token, u64)>>,
    report: ParseReport,
}

/// Looks for the marks of attribute cuts (see `attributes::CUT_MARK`) where no cut made in a
/// real tag puts them: in text, in a comment's text after its start, in attribute values,
/// in an attribute name after its start, and in a comment of its own that no tag precedes
/// (the cut's `>` was text). It also checks the other way round, that every cut made shows
/// up where a cut in a real tag puts its mark: a mark can go unseen, in the value of an
/// attribute that the tokenizer drops because the tag already has one of that name.
#[derive(Default)]
struct CutWatch {
    /// The end of the last character token, so a mark split between two tokens (the input
    /// is fed in pieces) is still found.
    carry: String,
    /// The last token (parse errors aside) was a start or end tag: a comment that starts
    /// with a cut's mark now is that tag's cut. After text it is not: a reading that began
    /// inside an attribute value can reach the cap where the tokenizer reads text, and its
    /// `>` stays text while its `<?` starts a comment that hides text up to the next `>`.
    after_tag: bool,
    /// Cuts made whose mark has not yet turned up as a cut in a real tag's: each is a
    /// misplaced cut if the parse ends without it (see [`CutWatch::unconfirmed`]).
    pending: BTreeSet<usize>,
}

impl CutWatch {
    /// Longest mark looked for across a token boundary: the name, 20 digits and `.`.
    const CARRY: usize = 28;

    fn text(&mut self, text: &str, found: &mut Vec<usize>) {
        self.carry.push_str(text);
        found.extend(super::attributes::marked_offsets(&self.carry));
        let mut keep = self.carry.len().saturating_sub(Self::CARRY);
        while !self.carry.is_char_boundary(keep) {
            keep += 1;
        }
        self.carry.drain(..keep);
    }

    /// A watch over a page with these cuts made.
    fn new(cuts: &[usize]) -> Self {
        CutWatch {
            pending: cuts.iter().copied().collect(),
            ..CutWatch::default()
        }
    }

    /// The cuts whose mark never turned up where a cut in a real tag puts it, for a parse
    /// that read the whole page.
    fn unconfirmed(&self) -> impl Iterator<Item = usize> + '_ {
        self.pending.iter().copied()
    }

    fn token(&mut self, token: &Token, found: &mut Vec<usize>) {
        use super::attributes::{CUT_MARK, marked_offsets, raw_cut_at};
        match token {
            Token::CharacterTokens(text) => self.text(text, found),
            Token::CommentToken(text) => {
                // A cut in a real tag starts a comment with its mark (after `?`), right
                // after the tag.
                let own = self.after_tag
                    && text
                        .strip_prefix('?')
                        .is_some_and(|t| t.starts_with(CUT_MARK));
                let rest = if own {
                    let rest = text.get(1..).unwrap_or("");
                    if let Some(at) = marked_offsets(rest).next() {
                        self.pending.remove(&at);
                    }
                    text.get(1 + CUT_MARK.len()..).unwrap_or("")
                } else {
                    text
                };
                found.extend(marked_offsets(rest));
            }
            Token::TagToken(tag) => {
                for a in &tag.attrs {
                    let name: &str = &a.name.local;
                    // A raw-text tag's cut is its last attribute: the mark alone.
                    match name.strip_prefix(CUT_MARK) {
                        Some(rest) => {
                            let at = marked_offsets(name).next();
                            if let Some(at) = at.filter(|at| name == raw_cut_at(*at)) {
                                self.pending.remove(&at);
                            }
                            found.extend(marked_offsets(rest));
                        }
                        None => found.extend(marked_offsets(name)),
                    }
                    found.extend(marked_offsets(&a.value));
                }
            }
            _ => {}
        }
        if !matches!(token, Token::CharacterTokens(_)) {
            self.carry.clear();
        }
        if !matches!(token, Token::ParseError(_)) {
            self.after_tag = matches!(token, Token::TagToken(_));
        }
    }
}

/// What the tree builder holds (see [`Census`]).
#[derive(Clone, Copy, Debug)]
struct Tally {
    /// Open elements plus active formatting elements (and the head and form pointers).
    held: usize,
    /// Formatting elements among them, if they were counted.
    formatting: Option<usize>,
}

/// A token filter between html5ever's tokenizer and tree builder (see the module doc).
pub(super) struct Guard {
    builder: Builder,
    state: RefCell<GuardState>,
}

/// Counts what the tree builder holds: every handle (the document, open elements, active
/// formatting elements, the head and form pointers) and, when asked, the formatting elements
/// among them.
struct Census<'a> {
    /// The tree, to look names up in; None to only count.
    doc: Option<&'a Document>,
    handles: Cell<usize>,
    formatting: Cell<usize>,
}

impl Tracer for Census<'_> {
    type Handle = NodeId;

    fn trace_handle(&self, node: &NodeId) {
        self.handles.set(self.handles.get() + 1);
        let Some(doc) = self.doc else { return };
        if doc.is_html_element(*node, is_formatting) {
            self.formatting.set(self.formatting.get() + 1);
        }
    }
}

impl Guard {
    /// `cut`: the attribute cap changed the page, so its marks are looked for; `last`: no
    /// parse follows this one, so the parse stops at the first misplaced cut (see
    /// `GuardState::held`).
    pub(super) fn new(
        builder: Builder,
        limits: Limits,
        node_budget: usize,
        cuts: &[usize],
        last: bool,
    ) -> Self {
        let cut = !cuts.is_empty();
        Guard {
            builder,
            state: RefCell::new(GuardState {
                limits,
                dropped: HashMap::new(),
                node_budget,
                seen_html: false,
                seen_body: false,
                last_census: None,
                tokens: 0,
                unread_text: None,
                noscript_depth: 0,
                raw_open: None,
                cuts: cut.then(|| CutWatch::new(cuts)),
                held: (cut && last).then(Vec::new),
                report: ParseReport::default(),
            }),
        }
    }

    /// What the tree builder holds now; formatting elements are counted if asked.
    fn census(&self, state: &mut GuardState, formatting: bool) -> Tally {
        if let Some((tally, at)) = state.last_census {
            let since = usize::try_from(state.tokens.saturating_sub(at)).unwrap_or(usize::MAX);
            if since == 0 && (!formatting || tally.formatting.is_some()) {
                return tally;
            }
            // A bound from the last census is enough while it stays under both limits: the
            // exact count costs a walk over everything the builder holds.
            let held = tally
                .held
                .saturating_add(since.saturating_mul(GROWTH_PER_TOKEN));
            let formatting_bound = tally.formatting.map(|f| f.saturating_add(since));
            let formatting_ok = !formatting || formatting_bound.is_some_and(|f| f < MAX_FORMATTING);
            if held < state.limits.max_depth && formatting_ok {
                return Tally {
                    held,
                    formatting: formatting_bound,
                };
            }
        }
        let doc = self.builder.sink.doc();
        let census = Census {
            doc: formatting.then_some(&*doc),
            handles: Cell::new(0),
            formatting: Cell::new(0),
        };
        self.builder.trace_handles(&census);
        let tally = Tally {
            // The document node is always there.
            held: census.handles.get().saturating_sub(1),
            formatting: formatting.then(|| census.formatting.get()),
        };
        state.last_census = Some((tally, state.tokens));
        tally
    }

    /// Whether a start tag may reach the tree builder.
    fn admit_start(&self, state: &mut GuardState, tag: &mut Tag) -> bool {
        let name: &str = &tag.name;
        match name {
            "html" if std::mem::replace(&mut state.seen_html, true) => tag.attrs.clear(),
            "body" if std::mem::replace(&mut state.seen_body, true) => tag.attrs.clear(),
            _ => {}
        }
        let foreign = self
            .builder
            .adjusted_current_node_present_but_not_in_html_namespace();
        // A dropped `<svg>` or `<math>` leaves what it held in HTML: a `<title>` or `<style>`
        // there would switch the tokenizer to text and turn the markup after it into text,
        // so it is dropped too while such a container is open (its content stays text of the
        // parent, as it was of the foreign element).
        let in_dropped_foreign = is_raw_text(name)
            && !foreign
            && !state.dropped.is_empty()
            && [local_name!("svg"), local_name!("math")]
                .iter()
                .any(|n| state.dropped.get(n).is_some_and(|c| *c > 0));
        if is_raw_text(name) && !foreign && !in_dropped_foreign {
            return true;
        }
        let is_formatting = is_formatting(&tag.name);
        let tally = self.census(state, is_formatting);
        // A tag that breaks out of SVG or MathML (`<div>`, `<p>`) closes the foreign
        // elements before it opens: dropped, it would leave them open, and a `<script>` or
        // `<style>` after it would be read as foreign markup rather than as text, unlike in
        // html5ever's own tree. It lands no deeper than the foreign element it closes, or
        // one level under an HTML integration point (`foreignObject`), and both were held
        // to the limit.
        let breaks_out = foreign && is_breakout(tag);
        let too_deep = !breaks_out && tally.held >= state.limits.max_depth
            || (is_raw_text(name) && !foreign && in_dropped_foreign);
        let too_many_formatting =
            is_formatting && tally.formatting.is_some_and(|f| f >= MAX_FORMATTING);
        if !too_deep && !too_many_formatting {
            return true;
        }
        state.report.dropped_deep_tags += 1;
        // Only tags that stay open get an end tag to drop (`<div/>` opens a div in HTML).
        let opens = if foreign {
            !tag.self_closing
        } else {
            !is_void(name)
        };
        if opens {
            *state.dropped.entry(tag.name.clone()).or_insert(0) += 1;
        }
        false
    }

    /// Stops the parse when too many nodes were built (see the module doc).
    fn check_size(&self, state: &mut GuardState) {
        let nodes = self.builder.sink.doc().len();
        if nodes > state.node_budget {
            state.report.truncated = true;
        }
    }
}

impl Guard {
    /// Whether the node budget stopped the parse.
    pub(super) fn truncated(&self) -> bool {
        self.state.borrow().report.truncated
    }

    /// The tree and what the guards did.
    pub(super) fn finish(self) -> (Document, ParseReport) {
        let mut state = self.state.into_inner();
        let mut report = state.report;
        // A parse stopped early never reached the cuts it left unconfirmed.
        if let Some(watch) = state.cuts.take().filter(|_| !report.truncated) {
            report.misplaced_cuts.extend(watch.unconfirmed());
        }
        (self.builder.sink.finish(), report)
    }
}

impl TokenSink for Guard {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        let held = {
            let mut state = self.state.borrow_mut();
            let state = &mut *state;
            let known = state.report.misplaced_cuts.len();
            if let Some(watch) = &mut state.cuts {
                watch.token(&token, &mut state.report.misplaced_cuts);
            }
            match &mut state.held {
                None => Vec::new(),
                // The last parse: the held text may end with the cut's `>` or hold part of
                // its mark, so it goes too, with the rest of the page.
                Some(held) if state.report.misplaced_cuts.len() > known => {
                    held.clear();
                    state.report.truncated = true;
                    return TokenSinkResult::Continue;
                }
                Some(held)
                    if matches!(token, Token::CharacterTokens(_) | Token::NullCharacterToken) =>
                {
                    held.push((token, line_number));
                    return TokenSinkResult::Continue;
                }
                Some(held) => std::mem::take(held),
            }
        };
        // Text changes no tokenizer state (the tree builder answers it with `Continue`), so
        // it reaches the tree builder late unchanged.
        for (text, line) in held {
            let _continue = self.admit(text, line);
        }
        self.admit(token, line_number)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

impl Guard {
    /// Passes a token on to the tree builder unless a guard drops it.
    fn admit(&self, mut token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        // An `<iframe>` inside `<noscript>`, read as markup (scripting off, see
        // `dom::parse_limited`), is taken as empty: its end tag follows at once and the
        // tokenizer stays in markup. Tag managers' snippets write it as `<iframe … />`,
        // which HTML does not close, and raw text up to an `</iframe>` that never comes
        // would swallow the rest of the page; a browser with scripts never sees it, since
        // it reads the `<noscript>` as text. An iframe's own text is a fallback for
        // browsers without frames, which no reader has.
        let mut empty_frame = false;
        {
            let mut state = self.state.borrow_mut();
            let state = &mut *state;
            let admitted = match &mut token {
                Token::EOFToken => true,
                _ if state.report.truncated => false,
                Token::CharacterTokens(_) | Token::NullCharacterToken => {
                    state.unread_text.is_none()
                }
                Token::TagToken(tag) => match tag.kind {
                    TagKind::StartTag => {
                        // Inside SVG or MathML, `script` and `style` are ordinary elements:
                        // a breakout tag (`<div>`) closes them without an end tag, so their
                        // text cannot be skipped up to one.
                        let foreign = self
                            .builder
                            .adjusted_current_node_present_but_not_in_html_namespace();
                        let admit = self.admit_start(state, tag);
                        if admit && !foreign && is_unread_text(tag) {
                            state.unread_text = Some(tag.name.clone());
                        }
                        if admit && !foreign && tag.name == local_name!("noscript") {
                            state.noscript_depth += 1;
                        }
                        empty_frame = admit
                            && !foreign
                            && state.noscript_depth > 0
                            && tag.name == local_name!("iframe");
                        admit
                    }
                    TagKind::EndTag => {
                        if state.unread_text.as_ref() == Some(&tag.name) {
                            state.unread_text = None;
                        }
                        if tag.name == local_name!("noscript") {
                            state.noscript_depth = state.noscript_depth.saturating_sub(1);
                        }
                        if state.raw_open.as_ref() == Some(&tag.name) {
                            state.raw_open = None;
                            true
                        } else {
                            match state.dropped.get_mut(&tag.name) {
                                Some(count) if *count > 0 => {
                                    *count -= 1;
                                    false
                                }
                                _ => true,
                            }
                        }
                    }
                },
                _ => true,
            };
            if !admitted {
                return TokenSinkResult::Continue;
            }
            if matches!(
                token,
                Token::CharacterTokens(_)
                    | Token::NullCharacterToken
                    | Token::TagToken(Tag {
                        kind: TagKind::StartTag,
                        ..
                    })
            ) {
                state.tokens += 1;
            }
        }
        let start = match &token {
            Token::TagToken(t) if t.kind == TagKind::StartTag => Some(t.name.clone()),
            _ => None,
        };
        let result = self.pass(token, line_number);
        if matches!(result, TokenSinkResult::RawData(_)) && !empty_frame {
            self.state.borrow_mut().raw_open = start;
        }
        if empty_frame {
            self.state.borrow_mut().report.emptied_frames += 1;
            let end = Tag {
                kind: TagKind::EndTag,
                name: local_name!("iframe"),
                self_closing: false,
                had_duplicate_attributes: false,
                attrs: Vec::new(),
            };
            let _continue = self.pass(Token::TagToken(end), line_number);
            return TokenSinkResult::Continue;
        }
        result
    }

    /// Hands a token to the tree builder and checks the size of what it holds.
    fn pass(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        let result = self.builder.process_token(token, line_number);
        self.check_size(&mut self.state.borrow_mut());
        result
    }
}

/// A `<script>` or `<style>` start tag whose text no stage reads: everything but JSON-LD
/// (`type=application/ld+json`), which metadata parses.
fn is_unread_text(tag: &Tag) -> bool {
    match &*tag.name {
        "style" => true,
        "script" => !tag.attrs.iter().any(|a| {
            &*a.name.local == "type" && a.value.trim().eq_ignore_ascii_case("application/ld+json")
        }),
        _ => false,
    }
}
