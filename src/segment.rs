//! Stage 2 of 6 — segmentation into text blocks.
//!
//! Input: the parsed [`Document`]. Output: a [`Segmentation`]: the blocks in reading order
//! (each a span of one shared text buffer, with its kind, character, word and linked-word
//! counts and the class/id concepts around it) and a side table of the block-level
//! elements (parent, depth, concepts, the range of blocks and elements under each), in
//! pre-order, so that any subtree is a contiguous range of both tables.
//!
//! Decides: where blocks start and end. A block ends at every block-level element boundary
//! (HTML flow content that is not phrasing content) and at two `<br>` in a row; one `<br>`
//! is a line break inside the block. Text is whitespace-collapsed as a browser renders it,
//! except inside `<pre>`.
//!
//! One iterative pre-order walk (`Document::traverse`, no recursion), no per-node string
//! allocation: text goes straight into the shared buffer.
//!
//! For the structured outputs (Markdown, HTML, JSON) the same walk fills two side tables that
//! no later stage reads and that leave the blocks themselves untouched: [`Segmentation::shapes`]
//! (per block: list nesting, item number, quote depth, table and cell) and
//! [`Segmentation::marks`] (links, emphasis, strong, inline code and images over block text).
//! A `<br>` inside a block is already a `\n` in the block text, so it needs no mark.
//!
//! Sources: jusText's paragraph maker (Pomikálek 2011, `doc/algorithm.rst`); boilerpipe's
//! text-block notion (Kohlschütter et al., WSDM 2010).

use crate::dom::{self, Document, Edge, NeverContent, NodeId, Value};
use crate::lexicon::{self, Hints, TagKind, TagRole};
use crate::tuning;
use std::collections::HashMap;
use std::ops::Range;

mod structure;

pub(crate) use structure::{Mark, MarkKind, Shape};
use structure::{OpenMark, Structure};

/// How many empty wrappers a form control may climb to find the box it names (field div,
/// form, row): sign-up boxes nest their input two or three levels below their text.
const MAX_CONTROL_CLIMB: usize = 3;

/// Marks "no element" in the `u32` indices of the side tables.
pub(crate) const NONE: u32 = u32::MAX;

/// A run of text between block boundaries.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Block {
    /// Byte range of the text in [`Segmentation::text`].
    pub(crate) text: Range<usize>,
    /// What the enclosing elements make of it.
    pub(crate) kind: TagKind,
    /// Index of the innermost block-level element holding it, in [`Segmentation::elements`].
    pub(crate) element: u32,
    /// Index of the table row (`tr`) holding it, or [`NONE`].
    pub(crate) row: u32,
    /// Non-whitespace characters.
    pub(crate) chars: u32,
    /// Non-whitespace characters inside links.
    pub(crate) link_chars: u32,
    /// Of `link_chars`, those inside a block-level element that a link wraps: the face of
    /// a card whose whole surface is one link (a heading and a teaser inside one `<a>`).
    pub(crate) card_link_chars: u32,
    /// CJK characters (Han, Hiragana, Katakana), which count as words on their own.
    pub(crate) cjk_chars: u32,
    /// Words: whitespace-separated tokens, plus one per CJK character.
    pub(crate) words: u32,
    /// Words that start inside a link.
    pub(crate) link_words: u32,
    /// Concepts from class, id, role and tag names of the enclosing elements.
    pub(crate) hints: Hints,
}

/// A block-level element, as the context stage sees it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Element {
    /// Parent element index, or [`NONE`] for the root.
    pub(crate) parent: u32,
    /// Depth below the document root.
    pub(crate) depth: u32,
    /// Tag name, for `--explain`.
    pub(crate) name: html5ever::LocalName,
    /// Concepts named by this element itself.
    pub(crate) own_hints: Hints,
    /// Concepts of this element and its ancestors.
    pub(crate) hints: Hints,
    /// Blocks under this element: `first_block..end_block`.
    pub(crate) first_block: u32,
    /// End (exclusive) of the blocks under this element.
    pub(crate) end_block: u32,
    /// End (exclusive) of this element's subtree in the element table.
    pub(crate) end_element: u32,
    /// Signature of the element's tag and first class token, digits ignored (`li.card-3`
    /// and `li.card-7` agree): siblings with equal shapes are candidate records of one set.
    pub(crate) shape: u32,
}

/// The page as blocks plus the block-level element table.
#[derive(Clone, Debug, Default)]
pub(crate) struct Segmentation {
    /// All block text, back to back.
    pub(crate) text: String,
    /// Blocks in reading order.
    pub(crate) blocks: Vec<Block>,
    /// Block-level elements in pre-order; index 0 is the document root.
    pub(crate) elements: Vec<Element>,
    /// Structure around each block (same index as `blocks`); read only by `render`.
    pub(crate) shapes: Vec<Shape>,
    /// Inline marks, sorted by block, then start, outer marks before the marks they hold;
    /// read only by `render`.
    pub(crate) marks: Vec<Mark>,
    /// Bytes of text in subtrees skipped because an inline style hides them (see
    /// `dom::NeverContent::Styled`).
    pub(crate) styled_hidden_bytes: usize,
}

impl Segmentation {
    /// Per element, whether it or one of its ancestors is `own`: the elements of the
    /// subtrees that `own` picks (elements come parents first).
    pub(crate) fn subtrees(&self, own: impl Fn(usize, &Element) -> bool) -> Vec<bool> {
        let mut inside = vec![false; self.elements.len()];
        for (i, e) in self.elements.iter().enumerate() {
            let inherited = inside.get(e.parent as usize).copied().unwrap_or(false);
            if let Some(slot) = inside.get_mut(i) {
                *slot = inherited || own(i, e);
            }
        }
        inside
    }

    /// The text of a block.
    pub(crate) fn text_of(&self, block: &Block) -> &str {
        self.text.get(block.text.clone()).unwrap_or("")
    }
}

/// Whether a text reads as an HTML tag written out (`<div style=…>`, `</p>`, `<!--`).
fn is_markup(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next() == Some('<')
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
        && text.contains('>')
}

/// One open element during the walk.
struct Frame {
    role: TagRole,
    kind: TagKind,
    /// Innermost list/quote/code/caption/cell kind among this frame and its ancestors.
    context: TagKind,
    hints: Hints,
    /// Element-table index when this is a block-level element.
    element: u32,
    /// Frame index of the innermost block-level element at or above this frame, so that a
    /// text node finds its block in constant time rather than by walking up the stack.
    block_frame: u32,
    is_link: bool,
    /// A block-level element opened inside a link (a card whose whole face is one link).
    in_card: bool,
    row: u32,
    /// List, item, quote or table state (structured outputs only).
    structure: Structure,
    /// This element pushed an entry on `Walker::open_marks`.
    has_mark: bool,
}

struct Walker {
    /// Concepts of each distinct `class` value seen on this page: a page repeats a few
    /// hundred class strings over thousands of elements, and reading one costs a token
    /// split and a stem search (12% of run time before this cache).
    class_cache: HashMap<Box<str>, Hints>,
    seg: Segmentation,
    frames: Vec<Frame>,
    /// Start of the block being built in `seg.text`.
    start: usize,
    chars: u32,
    link_chars: u32,
    card_link_chars: u32,
    cjk_chars: u32,
    words: u32,
    link_words: u32,
    pending_space: bool,
    /// The last character pushed was CJK, so the next one starts a word.
    prev_cjk: bool,
    /// Whitespace kept verbatim (inside `<pre>`) was just pushed: the next character starts
    /// a word.
    after_kept_space: bool,
    /// `<br>` seen since the last text: two end the block.
    breaks: u8,
    link_depth: u32,
    /// Block-level elements open inside links (see `Block::card_link_chars`).
    card_depth: u32,
    pre_depth: u32,
    /// Concepts of inline elements around part of the block's text, and how many
    /// characters they cover.
    inline_hints: Hints,
    inline_hint_chars: u32,
    /// Inline marks whose elements are open, innermost last.
    open_marks: Vec<OpenMark>,
    /// Language named by the class of the `pre` being read (or its `code`).
    code_language: Option<Box<str>>,
}

/// Splits a document into blocks (see the module doc).
/// `visit` sees every edge of the traversal first (skipped subtrees too), so that the
/// metadata stage can read the tree in the same pass. With `reveal_styled`, subtrees hidden
/// by an inline style are read like visible ones.
pub(crate) fn blocks(
    doc: &Document,
    reveal_styled: bool,
    mut visit: impl FnMut(&Edge<'_>),
) -> Segmentation {
    let mut w = Walker::new();
    // A skipped subtree is entered by Open and left by the Close of the same node.
    let mut skipping: Option<NodeId> = None;
    // The skipped subtree is hidden by an inline style: its text is counted.
    let mut skipping_styled = false;
    // The skipped subtree is a `<picture>`, whose `<img>` is still recorded.
    let mut in_picture = false;
    for edge in doc.traverse() {
        visit(&edge);
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    if let (true, Value::Text(t)) = (skipping_styled, node.value()) {
                        w.seg.styled_hidden_bytes += t.len();
                    }
                    if let (true, Value::Element(el)) = (in_picture, node.value()) {
                        if el.name() == "img" {
                            w.image(&el);
                        }
                    }
                    continue;
                }
                match node.value() {
                    Value::Element(el) => {
                        let name: &str = el.name();
                        let (role, kind) = lexicon::tag_role(name);
                        if name == "img" {
                            w.image(&el);
                        }
                        in_picture = name == "picture";
                        match dom::never_content(&el, role) {
                            Some(NeverContent::Tag) => {
                                w.mark_control(&el, name);
                                skipping = Some(node.id());
                            }
                            Some(NeverContent::Hidden) => skipping = Some(node.id()),
                            Some(NeverContent::Styled) if !reveal_styled => {
                                skipping = Some(node.id());
                                skipping_styled = true;
                            }
                            Some(NeverContent::Styled) | None => w.open(&el, role, kind),
                        }
                    }
                    Value::Text(t) => w.text(t),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                        skipping_styled = false;
                    }
                    continue;
                }
                if node.is_element() {
                    w.close();
                }
            }
        }
    }
    w.finish()
}

impl Walker {
    /// A walker at the document's root: its element and the root frame pushed.
    fn new() -> Self {
        let mut w = Walker {
            class_cache: HashMap::new(),
            seg: Segmentation::default(),
            frames: Vec::with_capacity(64),
            start: 0,
            chars: 0,
            link_chars: 0,
            card_link_chars: 0,
            cjk_chars: 0,
            words: 0,
            link_words: 0,
            pending_space: false,
            prev_cjk: false,
            after_kept_space: false,
            breaks: 0,
            link_depth: 0,
            card_depth: 0,
            pre_depth: 0,
            inline_hints: Hints::NONE,
            inline_hint_chars: 0,
            open_marks: Vec::new(),
            code_language: None,
        };
        w.seg.elements.push(Element {
            parent: NONE,
            depth: 0,
            name: html5ever::LocalName::from("#document"),
            own_hints: Hints::NONE,
            hints: Hints::NONE,
            first_block: 0,
            end_block: 0,
            end_element: 1,
            shape: 0,
        });
        w.frames.push(Frame {
            role: TagRole::Block,
            kind: TagKind::Other,
            context: TagKind::Other,
            hints: Hints::NONE,
            element: 0,
            block_frame: 0,
            is_link: false,
            in_card: false,
            row: NONE,
            structure: Structure::None,
            has_mark: false,
        });
        w
    }

    /// Flushes the last block and closes the root: the segmentation.
    fn finish(mut self) -> Segmentation {
        self.flush();
        // Marks are recorded when their element closes (inner before outer).
        self.seg
            .marks
            .sort_by_key(|m| (m.block, m.range.start, std::cmp::Reverse(m.range.end)));
        let (blocks, elements) = (self.seg.blocks.len() as u32, self.seg.elements.len() as u32);
        if let Some(root) = self.seg.elements.first_mut() {
            root.end_block = blocks;
            root.end_element = elements;
        }
        self.seg
    }

    fn top(&self) -> Option<&Frame> {
        self.frames.last()
    }

    fn open(&mut self, el: &dom::Element<'_>, role: TagRole, kind: TagKind) {
        let name: &str = el.name();
        let (parent_hints, parent_context, parent_row) = self
            .top()
            .map(|f| (f.hints, f.context, f.row))
            .unwrap_or((Hints::NONE, TagKind::Other, NONE));
        let own = own_hints(el, name, &mut self.class_cache);
        let hints = parent_hints.with(own);
        let context = match kind {
            TagKind::ListItem
            | TagKind::Quote
            | TagKind::Code
            | TagKind::Caption
            | TagKind::TableCell => kind,
            TagKind::TableRow => TagKind::TableCell,
            _ => parent_context,
        };
        let mut element = NONE;
        let mut row = parent_row;
        match role {
            TagRole::Block => {
                self.flush();
                let parent = self.current_element();
                let depth = self
                    .seg
                    .elements
                    .get(parent as usize)
                    .map_or(0, |p| p.depth + 1);
                element = self.seg.elements.len() as u32;
                if kind == TagKind::TableRow {
                    row = element;
                }
                self.seg.elements.push(Element {
                    parent,
                    depth,
                    name: el.local_name().clone(),
                    own_hints: own,
                    hints,
                    first_block: self.seg.blocks.len() as u32,
                    end_block: self.seg.blocks.len() as u32,
                    end_element: element + 1,
                    shape: shape(name, el.attr("class").unwrap_or("")),
                });
                if kind == TagKind::Code {
                    self.pre_depth += 1;
                }
            }
            TagRole::Break => {
                self.breaks = self.breaks.saturating_add(1);
                if self.breaks >= 2 {
                    self.flush();
                } else if self.chars > 0 {
                    self.seg.text.push('\n');
                    self.pending_space = false;
                }
            }
            TagRole::Inline | TagRole::Skip => {}
        }
        let is_link = name == "a" && role == TagRole::Inline;
        if is_link {
            self.link_depth += 1;
        }
        let in_card = role == TagRole::Block && self.link_depth > 0;
        if in_card {
            self.card_depth += 1;
        }
        let has_mark = role == TagRole::Inline && self.open_mark(el, name);
        let structure = self.structure(el, name);
        let block_frame = if element != NONE {
            self.frames.len() as u32
        } else {
            self.top().map_or(0, |f| f.block_frame)
        };
        self.frames.push(Frame {
            role,
            kind,
            context,
            hints,
            element,
            block_frame,
            is_link,
            in_card,
            row,
            structure,
            has_mark,
        });
    }

    fn close(&mut self) {
        // The block ends while its element is still on the stack, so that it takes the
        // element's kind.
        if self.top().is_some_and(|f| f.role == TagRole::Block) {
            self.flush();
        }
        let Some(frame) = self.frames.pop() else {
            return;
        };
        if frame.is_link {
            self.link_depth = self.link_depth.saturating_sub(1);
        }
        if frame.in_card {
            self.card_depth = self.card_depth.saturating_sub(1);
        }
        if frame.has_mark {
            self.close_mark();
        }
        if frame.role == TagRole::Block {
            if frame.kind == TagKind::Code {
                self.pre_depth = self.pre_depth.saturating_sub(1);
            }
            let blocks = self.seg.blocks.len() as u32;
            let elements = self.seg.elements.len() as u32;
            if let Some(e) = self.seg.elements.get_mut(frame.element as usize) {
                e.end_block = blocks;
                e.end_element = elements;
            }
        }
    }

    /// A form control names the box around it: an e-mail field makes a sign-up box, a
    /// text area a comment form, a search field a navigation bar — whatever the box's
    /// class names say, and in any language.
    fn mark_control(&mut self, el: &dom::Element<'_>, name: &str) {
        let concept = match name {
            "textarea" => Hints::COMMENT,
            "input" => match el.attr("type").map(str::to_ascii_lowercase).as_deref() {
                Some("email") => Hints::NEWSLETTER,
                Some("search") => Hints::NAV,
                _ => return,
            },
            _ => return,
        };
        // The box is the innermost element that already holds text: a field wrapped in its
        // own `<div>` or `<form>` names the sign-up box around it, heading and pitch included.
        let mut element = self.current_element();
        let blocks = self.seg.blocks.len() as u32;
        for _ in 0..MAX_CONTROL_CLIMB {
            match self.seg.elements.get(element as usize) {
                Some(e) if e.first_block == blocks && e.parent != NONE && e.parent != 0 => {
                    element = e.parent;
                }
                _ => break,
            }
        }
        if element == 0 {
            return;
        }
        if let Some(e) = self.seg.elements.get_mut(element as usize) {
            e.own_hints = e.own_hints.with(concept);
        }
    }

    /// The frame of the innermost open block-level element.
    fn block_frame(&self) -> Option<&Frame> {
        let top = self.top()?;
        self.frames.get(top.block_frame as usize)
    }

    /// Index of the innermost open block-level element.
    fn current_element(&self) -> u32 {
        self.block_frame().map_or(0, |f| f.element)
    }

    fn text(&mut self, text: &str) {
        let (hints, context) = self
            .top()
            .map(|f| (f.hints, f.context))
            .unwrap_or((Hints::NONE, TagKind::Other));
        // Markup written out as text inside `<noscript>` (`&lt;img src=…&gt;` tracking
        // pixels, escaped for script-on parsers) is shown to nobody.
        if hints.any(Hints::NOSCRIPT) && is_markup(text.trim_start()) {
            return;
        }
        let element_hints = self
            .seg
            .elements
            .get(self.current_element() as usize)
            .map_or(Hints::NONE, |e| e.hints);
        let in_link = self.link_depth > 0;
        let keep_whitespace = self.pre_depth > 0 || context == TagKind::Code;
        let before = self.chars;
        let linked_before = self.link_chars;
        if keep_whitespace {
            self.any_text(text, in_link, true);
        } else {
            self.collapsed_text(text, in_link);
        }
        if self.card_depth > 0 {
            self.card_link_chars += self.link_chars.saturating_sub(linked_before);
        }
        if self.chars > before {
            self.breaks = 0;
            let extra = hints.without(element_hints);
            if extra != Hints::NONE {
                self.inline_hints = self.inline_hints.with(extra);
                self.inline_hint_chars += self.chars - before;
            }
        }
        // A new text node after inline markup continues the current word unless there was
        // whitespace; `pending_space` carries that across nodes.
    }

    /// [`Self::any_text`] outside `<pre>`, faster: the text is cut at ASCII whitespace and
    /// each ASCII word is copied at once (most words of most pages); a word with other
    /// characters (accents, curly quotes, CJK, no-break spaces) goes through `any_text`.
    fn collapsed_text(&mut self, text: &str, in_link: bool) {
        // `char::is_whitespace` on ASCII: space, \t, \n, \x0b, \x0c, \r.
        let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes.get(i).is_some_and(|b| is_space(*b)) {
                self.pending_space = true;
                i += 1;
                continue;
            }
            let start = i;
            let mut ascii = true;
            while let Some(&b) = bytes.get(i) {
                if is_space(b) {
                    break;
                }
                ascii &= b.is_ascii();
                i += 1;
            }
            let word = text.get(start..i).unwrap_or("");
            if !ascii {
                self.any_text(word, in_link, false);
                continue;
            }
            if self.pending_space && self.chars > 0 {
                self.seg.text.push(' ');
            }
            let starts_word =
                self.pending_space || self.after_kept_space || self.chars == 0 || self.prev_cjk;
            self.after_kept_space = false;
            self.prev_cjk = false;
            self.pending_space = false;
            self.seg.text.push_str(word);
            let n = word.len() as u32;
            self.chars += n;
            if in_link {
                self.link_chars += n;
            }
            if starts_word {
                self.words += 1;
                if in_link {
                    self.link_words += 1;
                }
            }
        }
    }

    /// Appends a text node to the block being built: whitespace collapsed (kept inside
    /// `<pre>`), characters, CJK characters, words and linked words counted.
    fn any_text(&mut self, text: &str, in_link: bool, keep_whitespace: bool) {
        for c in text.chars() {
            if c.is_whitespace() {
                if keep_whitespace && self.chars > 0 {
                    self.seg.text.push(c);
                    self.pending_space = false;
                    self.after_kept_space = true;
                } else {
                    self.pending_space = true;
                }
                continue;
            }
            if self.pending_space && self.chars > 0 {
                self.seg.text.push(' ');
            }
            let cjk = is_cjk(c);
            let starts_word = self.pending_space
                || self.after_kept_space
                || self.chars == 0
                || cjk
                || self.prev_cjk;
            self.after_kept_space = false;
            self.prev_cjk = cjk;
            self.pending_space = false;
            self.seg.text.push(c);
            self.chars += 1;
            if in_link {
                self.link_chars += 1;
            }
            if cjk {
                self.cjk_chars += 1;
            }
            if starts_word {
                self.words += 1;
                if in_link {
                    self.link_words += 1;
                }
            }
        }
    }

    /// Ends the block being built, keeping it when it holds any text.
    fn flush(&mut self) {
        self.breaks = 0;
        self.pending_space = false;
        if self.chars == 0 {
            self.seg.text.truncate(self.start);
            self.reset_counts();
            self.restart_open_marks();
            return;
        }
        // Trailing whitespace kept inside <pre> is not part of the block.
        let trimmed = self.seg.text.trim_end().len();
        self.seg.text.truncate(trimmed.max(self.start));
        let element = self.current_element();
        let (kind, context, row) = self
            .block_frame()
            .map_or((TagKind::Other, TagKind::Other, NONE), |f| {
                (f.kind, f.context, f.row)
            });
        let kind = match kind {
            TagKind::Heading(_) => kind,
            TagKind::Other | TagKind::TableRow => context,
            other => other,
        };
        let mut hints = self
            .seg
            .elements
            .get(element as usize)
            .map_or(Hints::NONE, |e| e.hints);
        if self.inline_hint_chars * 2 >= self.chars {
            hints = hints.with(self.inline_hints);
        }
        self.seg.blocks.push(Block {
            text: self.start..self.seg.text.len(),
            kind,
            element,
            row: if kind == TagKind::TableCell {
                row
            } else {
                NONE
            },
            chars: self.chars,
            link_chars: self.link_chars,
            card_link_chars: self.card_link_chars,
            cjk_chars: self.cjk_chars,
            words: self.words,
            link_words: self.link_words,
            hints,
        });
        let shape = self.shape();
        self.seg.shapes.push(shape);
        // Inline elements still open (a link around a heading and a teaser paragraph) mark
        // their part of this block and go on in the next one.
        let (block, end) = (self.seg.blocks.len() as u32 - 1, self.seg.text.len());
        for i in 0..self.open_marks.len() {
            if let Some(open) = self.open_marks.get(i) {
                let (kind, range) = (open.kind.clone(), open.start.min(end)..end);
                self.push_mark(kind, range, block);
            }
        }
        self.start = self.seg.text.len();
        self.reset_counts();
        self.restart_open_marks();
    }

    fn reset_counts(&mut self) {
        self.start = self.seg.text.len();
        self.chars = 0;
        self.link_chars = 0;
        self.card_link_chars = 0;
        self.cjk_chars = 0;
        self.words = 0;
        self.link_words = 0;
        self.inline_hints = Hints::NONE;
        self.inline_hint_chars = 0;
        self.prev_cjk = false;
        self.after_kept_space = false;
    }
}

/// Concepts named by an element's tag, class, id, role and itemprop.
fn own_hints(
    el: &dom::Element<'_>,
    name: &str,
    class_cache: &mut HashMap<Box<str>, Hints>,
) -> Hints {
    // Page wrappers carry site-wide class lists (`single-post has-sidebar comments-open`)
    // that say nothing about the blocks below them.
    if matches!(name, "html" | "body") {
        return Hints::NONE;
    }
    let mut hints = lexicon::tag_hints(name);
    for (attr, value) in el.attrs() {
        match attr {
            "class" => {
                let class = match class_cache.get(value) {
                    Some(h) => *h,
                    None => {
                        let h = lexicon::class_hints(value);
                        class_cache.insert(value.into(), h);
                        h
                    }
                };
                hints = hints.with(class);
            }
            "id" => hints = hints.with(lexicon::id_hints(value)),
            "role" => hints = hints.with(lexicon::role_hints(value)),
            "itemprop" if value.contains("articleBody") => hints = hints.with(Hints::BODY),
            _ => {}
        }
    }
    hints
}

/// The signature of a tag name and the first [`tuning::SHAPE_CLASS_TOKENS`] tokens of its
/// class list (FNV-1a), ASCII digits skipped so that numbered siblings (`item-1`, `item-2`)
/// share it. Later tokens are often the record's own data (WordPress `post_class()` ends
/// with `category-…` and `tag-…` tokens that differ from post to post).
fn shape(name: &str, class: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut mix = |bytes: &[u8]| {
        for b in bytes.iter().filter(|b| !b.is_ascii_digit()) {
            h ^= u32::from(*b);
            h = h.wrapping_mul(0x0100_0193);
        }
    };
    mix(name.as_bytes());
    for token in class
        .split_ascii_whitespace()
        .take(tuning::SHAPE_CLASS_TOKENS)
    {
        mix(b".");
        mix(token.as_bytes());
    }
    h
}

/// Han ideographs, Hiragana and Katakana: scripts written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0x20000..=0x2FFFF) // Extensions B–F
}

/// Test helper for every stage's unit tests: a page's segmentation with generous limits.
#[cfg(test)]
pub(crate) fn of(html: &str) -> Segmentation {
    let (doc, _) = crate::dom::parse(
        html,
        crate::dom::Limits {
            max_depth: 512,
            max_nodes: 100_000,
        },
    );
    blocks(&doc, false, |_| {})
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(html: &str) -> Segmentation {
        of(html)
    }

    fn texts(s: &Segmentation) -> Vec<&str> {
        s.blocks.iter().map(|b| s.text_of(b)).collect()
    }

    #[test]
    fn block_elements_end_blocks_and_inline_ones_do_not() {
        let s = seg("<div>One <b>bold</b> move<p>Second <a href=x>para</a></p>tail</div>");
        assert_eq!(texts(&s), vec!["One bold move", "Second para", "tail"]);
    }

    #[test]
    fn adjacent_inline_text_joins_without_space() {
        let s = seg("<p><span>foo</span><span>bar</span> baz</p>");
        assert_eq!(texts(&s), vec!["foobar baz"]);
        assert_eq!(s.blocks[0].words, 2);
    }

    #[test]
    fn link_words_and_chars_are_counted() {
        let s = seg("<p>read <a href=x>this long link</a> now</p>");
        let b = &s.blocks[0];
        assert_eq!(b.words, 5);
        assert_eq!(b.link_words, 3);
        assert_eq!(b.chars, 19);
        assert_eq!(b.link_chars, 12);
    }

    #[test]
    fn two_breaks_end_a_block_and_one_does_not() {
        let s = seg("<div>first line<br>same block<br><br>new block</div>");
        assert_eq!(texts(&s), vec!["first line\nsame block", "new block"]);
    }

    #[test]
    fn scripts_styles_and_hidden_elements_are_skipped() {
        let s = seg("<p>kept</p><script>var x = 1;</script><style>p{}</style>\
             <div hidden>gone</div><div style='display: none'>gone</div>\
             <span aria-hidden=true>gone</span><p>also kept</p>");
        assert_eq!(texts(&s), vec!["kept", "also kept"]);
    }

    #[test]
    fn hidden_tab_and_accordion_panels_are_read_and_other_hidden_boxes_are_not() {
        let s = seg("<div role=tabpanel hidden>specs tab</div>\
             <div class='tab-pane fade' style='display:none'>reviews tab</div>\
             <div role=region aria-labelledby=h1 aria-hidden=true>accordion body</div>\
             <div hidden id='S:1'>streamed segment</div>\
             <div role=region aria-hidden=true>unnamed region</div>\
             <div hidden id='modal'>gone</div><p class='promo' style='display:none'>gone</p>");
        assert_eq!(
            texts(&s),
            vec![
                "specs tab",
                "reviews tab",
                "accordion body",
                "streamed segment"
            ]
        );
    }

    #[test]
    fn pre_keeps_whitespace() {
        let s = seg("<pre>fn main() {\n    println!();\n}</pre>");
        assert_eq!(texts(&s), vec!["fn main() {\n    println!();\n}"]);
        assert_eq!(s.blocks[0].kind, TagKind::Code);
        assert_eq!(s.blocks[0].words, 5);
    }

    #[test]
    fn kinds_come_from_the_enclosing_elements() {
        let s = seg(
            "<h2>Head</h2><ul><li><p>item</p></li></ul><blockquote><p>quote</p></blockquote>\
             <table><tr><td>a</td><td>b</td></tr></table>",
        );
        let kinds: Vec<TagKind> = s.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                TagKind::Heading(2),
                TagKind::ListItem,
                TagKind::Quote,
                TagKind::TableCell,
                TagKind::TableCell
            ]
        );
        assert_eq!(s.blocks[3].row, s.blocks[4].row);
        assert_ne!(s.blocks[3].row, NONE);
    }

    #[test]
    fn form_controls_name_their_box() {
        let s = seg(
            "<div><h4>Daily news</h4><p>Every morning in your inbox.</p><input type=email></div>\
             <div><textarea></textarea></div><p>Body</p>",
        );
        let boxes: Vec<Hints> = s.elements.iter().map(|e| e.own_hints).collect();
        assert!(boxes.iter().any(|h| h.any(Hints::NEWSLETTER)));
        assert!(boxes.iter().any(|h| h.any(Hints::COMMENT)));
    }

    #[test]
    fn class_hints_flow_down_to_blocks() {
        let s = seg("<div class='share-bar'><p>Share this</p></div><p>Body</p>");
        assert!(s.blocks[0].hints.any(Hints::SHARE));
        assert!(!s.blocks[1].hints.any(Hints::SHARE));
    }

    #[test]
    fn element_ranges_cover_their_blocks_and_subtrees() {
        let s = seg("<div id=a><p>one</p><div><p>two</p></div></div><p>three</p>");
        let outer = s
            .elements
            .iter()
            .find(|e| &*e.name == "div")
            .expect("div recorded");
        assert_eq!((outer.first_block, outer.end_block), (0, 2));
        let root = &s.elements[0];
        assert_eq!(root.end_block, 3);
        assert_eq!(root.end_element as usize, s.elements.len());
    }

    #[test]
    fn cjk_characters_count_as_words() {
        let s = seg("<p>日本語の文章です。</p>");
        // Eight ideographs and kana; the full stop is punctuation but still its own token.
        assert_eq!(s.blocks[0].cjk_chars, 8);
        assert_eq!(s.blocks[0].words, 9);
    }
}
