//! The parsed page: a compact arena tree of our own, built by html5ever through
//! [`super::sink::Sink`].
//!
//! Why not scraper's tree: every stage after the parse reads the tree once, in document order,
//! and needs only element names, a handful of attributes and the text. scraper's nodes
//! (ego_tree links plus an element with its own attribute vector and lazily computed id and
//! classes) cost about 150 bytes each and every text node owns a separate buffer, so a
//! text-dense page peaked at about 7× its size. Here a node is 32 bytes (five `u32` links and
//! a tag), an element adds its name and a range of attributes, and all text lives in one
//! buffer, all attribute values in another: the tree costs about the size of the page's text
//! plus 32 bytes a node, and building it allocates a handful of growing vectors instead of
//! one or two heap blocks per node.
//!
//! Offsets are `u32`: [`super::parse`] reads at most [`MAX_PARSE_BYTES`] of input, so the text
//! (at most three bytes per input byte, when NUL bytes become U+FFFD) and the node count (at
//! most [`super::NODES_PER_BYTE`] per input byte) stay below `u32::MAX`.

use html5ever::{LocalName, QualName, ns};

/// Most bytes of one page that are parsed; the rest is ignored (see the module doc). Far above
/// [`crate::options::DEFAULT_MAX_INPUT_BYTES`]; reached only when a caller raises that limit.
pub(crate) const MAX_PARSE_BYTES: usize = 1 << 30;

/// Text of a node that is not at the end of the text buffer is moved there to grow, as long as
/// it is at most this long; longer text gets a new adjacent text node instead. Appends go to
/// the end of the buffer in document order except where the tree builder moves text around
/// (foster parenting out of tables), and there this bound keeps the copying linear in the
/// input: without it, text alternating between a table cell and the text before the table
/// would copy the growing run again and again. 256 bytes covers a paragraph of foster-parented
/// text; only runs beyond it are split, which the segmenter reads as one run anyway.
const MAX_MOVED_TEXT: u32 = 256;

/// No node (an absent link).
const NONE: u32 = u32::MAX;

/// A node of a [`Document`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct NodeId(u32);

/// What a node is.
#[derive(Clone, Copy, Debug)]
enum Data {
    /// The document root.
    Document,
    /// A `<template>`'s contents.
    Fragment,
    /// An element: its index in [`Document::elements`].
    Element(u32),
    /// Text: a range of [`Document::text`].
    Text { start: u32, end: u32 },
    /// A comment, doctype or processing instruction: kept only as a place in the tree.
    Other,
}

#[derive(Clone, Copy, Debug)]
struct NodeData {
    parent: u32,
    prev: u32,
    next: u32,
    first: u32,
    last: u32,
    data: Data,
}

/// An element's name and its attributes (a range of [`Document::attrs`]).
#[derive(Debug)]
struct ElementData {
    name: QualName,
    attrs_start: u32,
    attrs_end: u32,
    /// The [`name_bit`]s of its attribute names: [`Element::attr`] answers a name whose bit
    /// is not set without reading the attributes.
    names: u64,
}

/// One of 64 bits for an attribute name, from its length and first and last bytes. The
/// stages ask every element for a dozen names it mostly does not have (`itemprop`,
/// `datetime`, `itemtype`…); comparing each with each attribute's name was 3% of extraction
/// time on the shared benchmark pages.
fn name_bit(name: &str) -> u64 {
    let b = name.as_bytes();
    let first = b.first().map_or(0, |&c| u32::from(c));
    let last = b.last().map_or(0, |&c| u32::from(c));
    let h = (b.len() as u32).wrapping_mul(7) ^ first.wrapping_mul(3) ^ (last << 1);
    1 << (h % 64)
}

/// One attribute: its local name and a range of [`Document::attr_text`].
#[derive(Debug)]
struct Attr {
    name: LocalName,
    start: u32,
    end: u32,
}

/// A parsed page (see the module doc).
#[derive(Debug)]
pub(crate) struct Document {
    nodes: Vec<NodeData>,
    elements: Vec<ElementData>,
    attrs: Vec<Attr>,
    text: String,
    attr_text: String,
    /// Returned by [`Document::qual_name`] for a node that is not an element (the tree
    /// builder never asks for one).
    no_name: QualName,
    /// Some text was left as two adjacent text nodes (see [`MAX_MOVED_TEXT`]).
    split_text: bool,
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE)
}

impl Document {
    /// An empty document, with room for about `bytes` of input.
    pub(crate) fn with_capacity(bytes: usize) -> Self {
        // Real pages have about one node per 25 bytes (scrapinghub: 1 per 27), and two
        // thirds of a page's bytes are markup, scripts and styles. Reserving is cheap: the
        // untouched part of a large reservation is never given memory by the OS.
        Document {
            nodes: {
                let mut v = Vec::with_capacity(bytes / 16 + 16);
                v.push(NodeData {
                    parent: NONE,
                    prev: NONE,
                    next: NONE,
                    first: NONE,
                    last: NONE,
                    data: Data::Document,
                });
                v
            },
            elements: Vec::with_capacity(bytes / 32 + 16),
            attrs: Vec::with_capacity(bytes / 32 + 16),
            text: String::with_capacity(bytes / 2),
            attr_text: String::with_capacity(bytes / 4),
            no_name: QualName::new(None, ns!(), LocalName::from("")),
            split_text: false,
        }
    }

    /// Whether some text was left as two adjacent text nodes rather than moved to merge
    /// them (see [`MAX_MOVED_TEXT`]): a bound on the work, reported like the other guards.
    pub(crate) fn split_text(&self) -> bool {
        self.split_text
    }

    /// The document node.
    pub(crate) fn root(&self) -> Node<'_> {
        Node {
            doc: self,
            id: NodeId(0),
        }
    }

    /// How many nodes were built.
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    fn node(&self, id: u32) -> Option<&NodeData> {
        self.nodes.get(id as usize)
    }

    fn node_mut(&mut self, id: u32) -> Option<&mut NodeData> {
        self.nodes.get_mut(id as usize)
    }

    /// The pre-order traversal of the whole tree: every node is opened, then its children are
    /// traversed, then it is closed. Iterative.
    pub(crate) fn traverse(&self) -> Traverse<'_> {
        Traverse {
            doc: self,
            next: Some((0, true)),
        }
    }

    // ----- building (used by the tree sink) -----

    fn push(&mut self, data: Data) -> NodeId {
        let id = to_u32(self.nodes.len());
        self.nodes.push(NodeData {
            parent: NONE,
            prev: NONE,
            next: NONE,
            first: NONE,
            last: NONE,
            data,
        });
        NodeId(id)
    }

    /// A new element without a parent.
    pub(super) fn create_element(
        &mut self,
        name: QualName,
        attrs: impl IntoIterator<Item = (LocalName, impl AsRef<str>)>,
    ) -> NodeId {
        let attrs_start = to_u32(self.attrs.len());
        let mut names = 0;
        for (attr, value) in attrs {
            names |= name_bit(&attr);
            self.push_attr(attr, value.as_ref());
        }
        let element = to_u32(self.elements.len());
        self.elements.push(ElementData {
            name,
            attrs_start,
            attrs_end: to_u32(self.attrs.len()),
            names,
        });
        self.push(Data::Element(element))
    }

    fn push_attr(&mut self, name: LocalName, value: &str) {
        let start = to_u32(self.attr_text.len());
        self.attr_text.push_str(value);
        self.attrs.push(Attr {
            name,
            start,
            end: to_u32(self.attr_text.len()),
        });
    }

    /// A new node that holds no content (comment, doctype, processing instruction).
    pub(super) fn create_other(&mut self) -> NodeId {
        self.push(Data::Other)
    }

    /// A new `<template>` contents fragment, appended to the template element.
    pub(super) fn create_fragment(&mut self, template: NodeId) -> NodeId {
        let fragment = self.push(Data::Fragment);
        self.append(template, fragment);
        fragment
    }

    /// The element's qualified name (a placeholder for other nodes).
    pub(super) fn qual_name(&self, id: NodeId) -> &QualName {
        self.element_data(id.0)
            .map_or(&self.no_name, |element| &element.name)
    }

    fn element_data(&self, id: u32) -> Option<&ElementData> {
        match self.node(id)?.data {
            Data::Element(e) => self.elements.get(e as usize),
            _ => None,
        }
    }

    /// Whether the node is an HTML element named `name`.
    pub(super) fn is_html_element(&self, id: NodeId, name: impl Fn(&LocalName) -> bool) -> bool {
        self.element_data(id.0)
            .is_some_and(|e| e.name.ns == ns!(html) && name(&e.name.local))
    }

    /// The first child (template contents are the template's only child).
    pub(super) fn first_child(&self, id: NodeId) -> Option<NodeId> {
        self.node(id.0)
            .map(|n| n.first)
            .filter(|&f| f != NONE)
            .map(NodeId)
    }

    /// Whether the node has a parent.
    pub(super) fn has_parent(&self, id: NodeId) -> bool {
        self.node(id.0).is_some_and(|n| n.parent != NONE)
    }

    /// Takes a node out of its parent's children.
    pub(super) fn detach(&mut self, id: NodeId) {
        let Some(&NodeData {
            parent, prev, next, ..
        }) = self.node(id.0)
        else {
            return;
        };
        if parent == NONE {
            return;
        }
        match self.node_mut(prev) {
            Some(p) => p.next = next,
            None => {
                if let Some(p) = self.node_mut(parent) {
                    p.first = next;
                }
            }
        }
        match self.node_mut(next) {
            Some(n) => n.prev = prev,
            None => {
                if let Some(p) = self.node_mut(parent) {
                    p.last = prev;
                }
            }
        }
        if let Some(n) = self.node_mut(id.0) {
            n.parent = NONE;
            n.prev = NONE;
            n.next = NONE;
        }
    }

    /// Makes `child` the last child of `parent`.
    pub(super) fn append(&mut self, parent: NodeId, child: NodeId) {
        if parent == child || self.node(parent.0).is_none() || self.node(child.0).is_none() {
            return;
        }
        self.detach(child);
        let last = self.node(parent.0).map_or(NONE, |p| p.last);
        if let Some(c) = self.node_mut(child.0) {
            c.parent = parent.0;
            c.prev = last;
        }
        match self.node_mut(last) {
            Some(l) => l.next = child.0,
            None => {
                if let Some(p) = self.node_mut(parent.0) {
                    p.first = child.0;
                }
            }
        }
        if let Some(p) = self.node_mut(parent.0) {
            p.last = child.0;
        }
    }

    /// Puts `new` just before `sibling`, under the same parent; nothing if `sibling` has no
    /// parent.
    pub(super) fn insert_before(&mut self, sibling: NodeId, new: NodeId) {
        if sibling == new || self.node(new.0).is_none() {
            return;
        }
        self.detach(new);
        let Some(&NodeData { parent, prev, .. }) = self.node(sibling.0) else {
            return;
        };
        if parent == NONE {
            return;
        }
        if let Some(n) = self.node_mut(new.0) {
            n.parent = parent;
            n.prev = prev;
            n.next = sibling.0;
        }
        if let Some(s) = self.node_mut(sibling.0) {
            s.prev = new.0;
        }
        match self.node_mut(prev) {
            Some(p) => p.next = new.0,
            None => {
                if let Some(p) = self.node_mut(parent) {
                    p.first = new.0;
                }
            }
        }
    }

    /// Moves all children of `from` to the end of `to`'s children.
    pub(super) fn reparent_children(&mut self, from: NodeId, to: NodeId) {
        if from == to {
            return;
        }
        while let Some(child) = self.first_child(from) {
            self.append(to, child);
        }
    }

    /// Appends text as the last child of `parent`, merged into a text node already there.
    pub(super) fn append_text(&mut self, parent: NodeId, text: &str) {
        let last = self.node(parent.0).map_or(NONE, |p| p.last);
        if !self.extend_text(last, text) {
            if let Some(node) = self.create_text(text) {
                self.append(parent, node);
            }
        }
    }

    /// Inserts text just before `sibling`, merged into a text node already there.
    pub(super) fn insert_text_before(&mut self, sibling: NodeId, text: &str) {
        let Some(&NodeData { parent, prev, .. }) = self.node(sibling.0) else {
            return;
        };
        if parent == NONE || self.extend_text(prev, text) {
            return;
        }
        if let Some(node) = self.create_text(text) {
            self.insert_before(sibling, node);
        }
    }

    fn create_text(&mut self, text: &str) -> Option<NodeId> {
        let start = self.push_text(text)?;
        Some(self.push(Data::Text {
            start,
            end: to_u32(self.text.len()),
        }))
    }

    /// Appends to the text buffer; None when it would pass `u32` offsets.
    fn push_text(&mut self, text: &str) -> Option<u32> {
        let start = u32::try_from(self.text.len()).ok()?;
        u32::try_from(self.text.len().checked_add(text.len())?).ok()?;
        self.text.push_str(text);
        Some(start)
    }

    /// Grows text node `id` by `text` if it is a text node (see [`MAX_MOVED_TEXT`]).
    fn extend_text(&mut self, id: u32, text: &str) -> bool {
        let Some(Data::Text { start, end }) = self.node(id).map(|n| n.data) else {
            return false;
        };
        let at_end = end as usize == self.text.len();
        if !at_end && end.saturating_sub(start) > MAX_MOVED_TEXT {
            self.split_text = true;
            return false;
        }
        let start = if at_end {
            start
        } else {
            let Some(old) = self
                .text
                .get(start as usize..end as usize)
                .map(str::to_owned)
            else {
                return false;
            };
            match self.push_text(&old) {
                Some(s) => s,
                None => return false,
            }
        };
        if self.push_text(text).is_none() {
            return false;
        }
        let end = to_u32(self.text.len());
        if let Some(n) = self.node_mut(id) {
            n.data = Data::Text { start, end };
        }
        true
    }

    /// Adds the attributes the element does not have yet.
    pub(super) fn add_attrs_if_missing(
        &mut self,
        id: NodeId,
        attrs: impl IntoIterator<Item = (LocalName, impl AsRef<str>)>,
    ) {
        let Some(Data::Element(e)) = self.node(id.0).map(|n| n.data) else {
            return;
        };
        let Some((old_start, old_end)) = self
            .elements
            .get(e as usize)
            .map(|e| (e.attrs_start as usize, e.attrs_end as usize))
        else {
            return;
        };
        let mut added: Vec<(LocalName, String)> = Vec::new();
        for (name, value) in attrs {
            let present = self
                .attrs
                .get(old_start..old_end)
                .is_some_and(|a| a.iter().any(|a| a.name == name))
                || added.iter().any(|(n, _)| *n == name);
            if !present {
                added.push((name, value.as_ref().to_owned()));
            }
        }
        if added.is_empty() {
            return;
        }
        // The element's attributes move to the end of the table, followed by the new ones.
        let new_start = to_u32(self.attrs.len());
        for i in old_start..old_end {
            let Some(a) = self.attrs.get(i) else { break };
            let moved = Attr {
                name: a.name.clone(),
                start: a.start,
                end: a.end,
            };
            self.attrs.push(moved);
        }
        let mut names = 0;
        for (name, value) in added {
            names |= name_bit(&name);
            self.push_attr(name, &value);
        }
        let new_end = to_u32(self.attrs.len());
        if let Some(element) = self.elements.get_mut(e as usize) {
            element.attrs_start = new_start;
            element.attrs_end = new_end;
            element.names |= names;
        }
    }
}

/// A node of a [`Document`], with access to its data.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Node<'a> {
    doc: &'a Document,
    id: NodeId,
}

/// What a node holds.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Value<'a> {
    Element(Element<'a>),
    Text(&'a str),
    /// The document, a template's contents, a comment, doctype or processing instruction.
    Other,
}

impl<'a> Node<'a> {
    /// The node's id, stable for the document's life.
    pub(crate) fn id(&self) -> NodeId {
        self.id
    }

    /// What the node holds.
    pub(crate) fn value(&self) -> Value<'a> {
        let doc = self.doc;
        match doc.node(self.id.0).map(|n| n.data) {
            Some(Data::Element(e)) => match doc.elements.get(e as usize) {
                Some(data) => Value::Element(Element { doc, data }),
                None => Value::Other,
            },
            Some(Data::Text { start, end }) => {
                Value::Text(doc.text.get(start as usize..end as usize).unwrap_or(""))
            }
            _ => Value::Other,
        }
    }

    /// The element this node is, if it is one.
    pub(crate) fn as_element(&self) -> Option<Element<'a>> {
        match self.value() {
            Value::Element(e) => Some(e),
            _ => None,
        }
    }

    /// Whether this node is an element.
    pub(crate) fn is_element(&self) -> bool {
        self.as_element().is_some()
    }

    /// The parent node.
    pub(crate) fn parent(&self) -> Option<Node<'a>> {
        let parent = self.doc.node(self.id.0)?.parent;
        self.doc.node(parent)?;
        Some(Node {
            doc: self.doc,
            id: NodeId(parent),
        })
    }
}

/// An element of a [`Document`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Element<'a> {
    doc: &'a Document,
    data: &'a ElementData,
}

impl<'a> Element<'a> {
    /// The local name (`div`, `p`, `svg`…); lower case for HTML elements.
    pub(crate) fn name(&self) -> &'a str {
        &self.data.name.local
    }

    /// The local name as an interned atom.
    pub(crate) fn local_name(&self) -> &'a LocalName {
        &self.data.name.local
    }

    /// Its attributes as (local name, value), in source order.
    pub(crate) fn attrs(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.attr_atoms().map(|(name, value)| (&**name, value))
    }

    /// Its attributes as (interned local name, value), in source order: for a walk that
    /// compares names with `local_name!` atoms (one integer comparison each).
    pub(crate) fn attr_atoms(&self) -> impl Iterator<Item = (&'a LocalName, &'a str)> + 'a {
        let doc = self.doc;
        doc.attrs
            .get(self.data.attrs_start as usize..self.data.attrs_end as usize)
            .unwrap_or(&[])
            .iter()
            .map(move |a| {
                let value = doc
                    .attr_text
                    .get(a.start as usize..a.end as usize)
                    .unwrap_or("");
                (&a.name, value)
            })
    }

    /// The value of the attribute with this (lower-case) local name. The metadata walk asks
    /// every element for several attributes, so names are compared before any value is
    /// looked up.
    pub(crate) fn attr(&self, name: &str) -> Option<&'a str> {
        if self.data.names & name_bit(name) == 0 {
            return None;
        }
        let doc = self.doc;
        let found = doc
            .attrs
            .get(self.data.attrs_start as usize..self.data.attrs_end as usize)?
            .iter()
            .find(|a| &*a.name == name)?;
        doc.attr_text.get(found.start as usize..found.end as usize)
    }
}

/// One step of [`Document::traverse`].
#[derive(Clone, Copy, Debug)]
pub(crate) enum Edge<'a> {
    /// Entering a node, before its children.
    Open(Node<'a>),
    /// Leaving a node, after its children.
    Close(Node<'a>),
}

/// See [`Document::traverse`].
pub(crate) struct Traverse<'a> {
    doc: &'a Document,
    /// The next node and whether it is to be opened (else closed).
    next: Option<(u32, bool)>,
}

impl<'a> Iterator for Traverse<'a> {
    type Item = Edge<'a>;

    fn next(&mut self) -> Option<Edge<'a>> {
        let (id, open) = self.next?;
        let node = self.doc.node(id)?;
        let here = Node {
            doc: self.doc,
            id: NodeId(id),
        };
        if open {
            self.next = Some(if node.first != NONE {
                (node.first, true)
            } else {
                (id, false)
            });
            Some(Edge::Open(here))
        } else {
            self.next = if id == 0 {
                None
            } else if node.next != NONE {
                Some((node.next, true))
            } else if node.parent != NONE {
                Some((node.parent, false))
            } else {
                None
            };
            Some(Edge::Close(here))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{Limits, parse};

    /// Our tree, written out: elements with their sorted attributes, text, nesting.
    fn ours(html: &str) -> String {
        let limits = Limits {
            max_depth: 512,
            max_nodes: 1_000_000,
        };
        let (doc, _) = parse(html, limits);
        let mut out = String::new();
        for edge in doc.traverse() {
            match edge {
                Edge::Open(n) => match n.value() {
                    Value::Element(e) => {
                        let mut attrs: Vec<String> =
                            e.attrs().map(|(k, v)| format!(" {k}={v:?}")).collect();
                        attrs.sort();
                        out.push_str(&format!("<{}{}>", e.name(), attrs.concat()));
                    }
                    Value::Text(t) => out.push_str(&format!("{t:?}")),
                    Value::Other => {}
                },
                Edge::Close(n) => {
                    if let Some(e) = n.as_element() {
                        out.push_str(&format!("</{}>", e.name()));
                    }
                }
            }
        }
        out
    }

    /// scraper's tree of the same page, written out the same way (script and style text
    /// dropped, as the guard does; pages that trip the guard's other rules, such as a second
    /// `<body>` adding attributes, are tested in the parent module).
    fn scrapers(html: &str) -> String {
        use scraper::Node as S;
        let doc = scraper::Html::parse_document(html);
        let mut out = String::new();
        for edge in doc.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(n) => match n.value() {
                    S::Element(e) => {
                        let mut attrs: Vec<String> =
                            e.attrs().map(|(k, v)| format!(" {k}={v:?}")).collect();
                        attrs.sort();
                        out.push_str(&format!("<{}{}>", e.name(), attrs.concat()));
                    }
                    S::Text(t) => {
                        let raw = n
                            .parent()
                            .and_then(|p| p.value().as_element().map(|e| e.name()))
                            .is_some_and(|p| p == "script" || p == "style");
                        if !raw {
                            out.push_str(&format!("{:?}", &*t.text));
                        }
                    }
                    _ => {}
                },
                ego_tree::iter::Edge::Close(n) => {
                    if let Some(e) = n.value().as_element() {
                        out.push_str(&format!("</{}>", e.name()));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn builds_the_same_tree_as_scraper() {
        let pages = [
            "<p>one<p>two<b>bold<i>both</b>italic</i> tail",
            "<table>foster<tr>x<td>cell</td>y</tr>z</table>after",
            "<table><tr><td>a</td></tr>text<b>bold</b>more</table>",
            "<a href=x>one<div>block in link</div>two</a>",
            "<template><p>inside</p></template><p>outside",
            "<ul><li>one<li>two<ul><li>nested</ul></ul>",
            "<select><option>a<option>b</select><p>x",
            "<svg><title>t</title><g><text>svg text</text></g></svg><math><mi>x</mi></math>",
            "<!-- c --><!DOCTYPE html><p>a<!-- b -->c</p>",
            "<p>a&amp;b &lt; c\r\nd\0e</p><pre>\nkept</pre>",
            "<frameset><frame></frameset>",
            "<b><p>reconstructed<p>again</b>after",
            "<table><caption>cap<td>cell<col><tr><th>h</table>",
        ];
        for page in pages {
            assert_eq!(ours(page), scrapers(page), "page {page:?}");
        }
    }

    #[test]
    fn foster_parented_text_merges_until_the_bound() {
        // Text before a table that alternates with cell text: merged while short, then a new
        // node (linear copying), and all of it kept in order.
        let round = format!("{}<td>c</td>", "x".repeat(100));
        let html = format!("<table><tr>{}</table>", round.repeat(20));
        let (doc, _) = parse(
            &html,
            Limits {
                max_depth: 512,
                max_nodes: 1_000_000,
            },
        );
        let before: String = doc
            .traverse()
            .filter_map(|e| match e {
                Edge::Open(n) => match n.value() {
                    Value::Text(t) if t.starts_with('x') => Some(t.to_owned()),
                    _ => None,
                },
                Edge::Close(_) => None,
            })
            .collect();
        assert_eq!(before, "x".repeat(2000));
        assert!(doc.text.len() < 2 * 2000 + 20 * MAX_MOVED_TEXT as usize);
    }
}
