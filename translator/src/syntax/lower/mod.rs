//! Lowering: tree-sitter concrete tree → [`crate::syntax::ir`].
//!
//! Invariant: the lowering never guesses. Every node kind it meets is either
//! matched to a distinct IR kind after its shape is checked, or becomes an
//! `Unsupported { kind, reason }` node with the node's span. Known silent
//! misparses of tree-sitter-zig 1.1.2 are undone here (see each `MISPARSE`
//! comment); each has a regression test in `tests/ir_snapshots.rs`.

mod decl;
mod expr;
mod ranges;
mod stmt;

use tree_sitter::Node;

use crate::syntax::ir::*;
use crate::syntax::parse::span_of;

/// Recursion limit of the lowering; deeper nesting becomes `TooDeep`.
pub const MAX_NESTING: usize = 192;

/// Lowers a parsed tree. `root` must be the `source_file` node of `source`.
pub fn lower(root: Node, source: &str) -> SourceFile {
    let mut lowerer = Lowerer {
        src: source,
        comments: Vec::new(),
        depth: 0,
    };
    let kids = lowerer.kids_with_comments(root);
    let (members, container_doc) = lowerer.members(&kids);
    let mut comments = lowerer.comments;
    comments.sort_by_key(|c| c.span.start);
    comments.dedup_by_key(|c| c.span.start);
    SourceFile {
        container_doc,
        members,
        comments,
    }
}

/// A child node together with the grammar field it fills, if any.
/// Kind and namedness are cached: `Node::kind` re-validates its C string
/// on every call, and the lowering asks often.
#[derive(Clone, Copy)]
struct Kid<'t> {
    node: Node<'t>,
    field: Option<&'static str>,
    kind: &'static str,
    named: bool,
}

impl<'t> Kid<'t> {
    /// The token text of an anonymous child (`const`, `=`, `inline`...).
    fn token(&self) -> Option<&'static str> {
        (!self.named).then_some(self.kind)
    }

    fn is(&self, token: &str) -> bool {
        !self.named && self.kind == token
    }

    fn named(&self) -> bool {
        self.named
    }

    /// A named node, or a keyword literal (`null`, `undefined`,
    /// `unreachable`, `true`, `false`) that the grammar leaves anonymous
    /// in some positions (`return null;`, `catch unreachable`).
    fn is_operand(&self) -> bool {
        self.named || decl::is_literal_token(self.kind)
    }
}

struct Lowerer<'s> {
    src: &'s str,
    comments: Vec<Comment>,
    depth: usize,
}

/// Whether a node is the zero-width field tree-sitter-zig invents for an
/// empty container such as `struct {}` or `opaque {}` (valid Zig).
/// MISPARSE: the grammar flags it with has_error although the source is valid.
pub(crate) fn is_empty_container_placeholder(node: Node) -> bool {
    if node.kind() != "identifier" || node.start_byte() != node.end_byte() {
        return false;
    }
    let Some(field) = node.parent() else {
        return false;
    };
    let Some(container) = field.parent() else {
        return false;
    };
    field.kind() == "container_field"
        && field.named_child_count() == 1
        && matches!(
            container.kind(),
            "struct_declaration" | "opaque_declaration" | "union_declaration" | "enum_declaration"
        )
        // Nothing but comments between the braces and the placeholder.
        && sibling_past_comments(field, Node::prev_sibling).is_some_and(|p| p.kind() == "{")
        && sibling_past_comments(field, Node::next_sibling).is_some_and(|n| n.kind() == "}")
}

fn sibling_past_comments<'t>(
    node: Node<'t>,
    step: fn(&Node<'t>) -> Option<Node<'t>>,
) -> Option<Node<'t>> {
    let mut current = step(&node)?;
    while current.kind() == "comment" {
        current = step(&current)?;
    }
    Some(current)
}

impl<'s> Lowerer<'s> {
    fn text(&self, node: Node) -> &'s str {
        self.src.get(node.byte_range()).unwrap_or("")
    }

    /// Children without comments; comments are recorded on the side.
    fn kids<'t>(&mut self, node: Node<'t>) -> Vec<Kid<'t>> {
        let mut kids = self.kids_with_comments(node);
        kids.retain(|k| k.kind != "comment");
        kids
    }

    fn kids_with_comments<'t>(&mut self, node: Node<'t>) -> Vec<Kid<'t>> {
        let mut cursor = node.walk();
        let mut kids = Vec::with_capacity(node.child_count());
        if cursor.goto_first_child() {
            loop {
                let child = cursor.node();
                let kind = child.kind();
                if kind == "comment" {
                    self.record_comment(child);
                }
                kids.push(Kid {
                    node: child,
                    field: cursor.field_name(),
                    kind,
                    named: child.is_named(),
                });
                if !cursor.goto_next_sibling() {
                    break;
                }
            }
        }
        kids
    }

    fn record_comment(&mut self, node: Node) {
        let raw = self.text(node);
        let (kind, text) = if let Some(t) = raw.strip_prefix("//!") {
            (CommentKind::ContainerDoc, t)
        } else if let Some(t) = raw.strip_prefix("///").filter(|t| !t.starts_with('/')) {
            (CommentKind::Doc, t)
        } else {
            (CommentKind::Line, raw.strip_prefix("//").unwrap_or(raw))
        };
        self.comments.push(Comment {
            span: span_of(node),
            kind,
            text: text
                .strip_prefix(' ')
                .unwrap_or(text)
                .trim_end()
                .to_string(),
        });
    }

    fn unsupported(kind: UnsupportedKind, reason: String) -> Unsupported {
        Unsupported { kind, reason }
    }

    /// The Unsupported node for a child of an unexpected kind (or an
    /// ERROR/MISSING node) met in `context`.
    fn unexpected(&self, node: Node, context: &str) -> Unsupported {
        if node.is_missing() {
            return Self::unsupported(
                UnsupportedKind::SyntaxError,
                format!("missing {} in {context}", node.kind()),
            );
        }
        if node.is_error() {
            return Self::unsupported(
                UnsupportedKind::SyntaxError,
                format!("syntax error in {context}"),
            );
        }
        Self::unsupported(
            UnsupportedKind::UnknownShape,
            format!("unexpected {} in {context}", node.kind()),
        )
    }

    /// The name of an `identifier` node, decoding `@"quoted"` names.
    fn ident_name(&self, node: Node) -> Option<String> {
        if node.kind() != "identifier" || node.is_missing() || node.has_error() {
            return None;
        }
        let text = self.text(node);
        if let Some(quoted) = text.strip_prefix("@\"").and_then(|t| t.strip_suffix('"')) {
            let bytes = crate::syntax::literal::unescape(quoted)?;
            return String::from_utf8(bytes).ok();
        }
        (!text.is_empty()).then(|| text.to_string())
    }
}
