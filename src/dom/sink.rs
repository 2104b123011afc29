//! html5ever's tree builder writes into a [`Document`] through this sink.
//!
//! The tree operations follow `markup5ever::interface::TreeSink`'s contract: adjacent text is
//! merged (see `tree::MAX_MOVED_TEXT` for the one bounded exception), `append_before_sibling`
//! does nothing when the sibling has no parent, a `<template>` gets a contents fragment as its
//! only child. Comments, doctypes and processing instructions keep their place in the tree
//! but not their text: no stage reads them.

use super::tree::{Document, NodeId};
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};

/// The tree sink (see the module doc).
pub(super) struct Sink {
    doc: RefCell<Document>,
}

impl Sink {
    pub(super) fn new(doc: Document) -> Self {
        Sink {
            doc: RefCell::new(doc),
        }
    }

    /// The tree built so far.
    pub(super) fn doc(&self) -> Ref<'_, Document> {
        self.doc.borrow()
    }
}

fn attributes(attrs: Vec<Attribute>) -> impl Iterator<Item = (html5ever::LocalName, StrTendril)> {
    attrs.into_iter().map(|a| (a.name.local, a.value))
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Document;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Document {
        self.doc.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        self.doc.borrow().root().id()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.doc.borrow(), |d| d.qual_name(*target))
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let mut doc = self.doc.borrow_mut();
        let id = doc.create_element(name, attributes(attrs));
        if flags.template {
            doc.create_fragment(id);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.doc.borrow_mut().create_other()
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.doc.borrow_mut().create_other()
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut doc = self.doc.borrow_mut();
        match child {
            NodeOrText::AppendNode(node) => doc.append(*parent, node),
            NodeOrText::AppendText(text) => doc.append_text(*parent, &text),
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.doc.borrow().has_parent(*element);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public_id: StrTendril,
        _system_id: StrTendril,
    ) {
        let mut doc = self.doc.borrow_mut();
        let doctype = doc.create_other();
        let root = doc.root().id();
        doc.append(root, doctype);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        // The tree builder asks only for templates, which were given contents when created.
        self.doc.borrow().first_child(*target).unwrap_or(*target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut doc = self.doc.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(node) => {
                if doc.has_parent(*sibling) {
                    doc.insert_before(*sibling, node);
                } else {
                    doc.detach(node);
                }
            }
            NodeOrText::AppendText(text) => doc.insert_text_before(*sibling, &text),
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.doc
            .borrow_mut()
            .add_attrs_if_missing(*target, attributes(attrs));
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.doc.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.doc.borrow_mut().reparent_children(*node, *new_parent);
    }
}
