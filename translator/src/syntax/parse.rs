//! tree-sitter wrapper: parses bytes and reports ERROR / MISSING nodes.

use tree_sitter::{Node, Parser, Tree};

use crate::diagnostics::{Diagnostic, Severity};
use crate::syntax::ir::{SourceFile, Span};
use crate::syntax::lower;

/// A tree-sitter parser configured for Zig. One per thread.
pub struct ZigParser {
    parser: Parser,
}

impl ZigParser {
    pub fn new() -> Self {
        let mut parser = Parser::new();
        // The grammar crate and runtime are pinned together in Cargo.toml, so
        // an ABI mismatch is a build defect, not a user error.
        parser
            .set_language(&tree_sitter_zig::LANGUAGE.into())
            .expect("tree-sitter-zig ABI is compatible with the tree-sitter runtime");
        ZigParser { parser }
    }

    pub fn parse_tree(&mut self, source: &str) -> Option<Tree> {
        self.parser.parse(source, None)
    }
}

impl Default for ZigParser {
    fn default() -> Self {
        Self::new()
    }
}

/// Everything the front end knows about one file.
pub struct ParseOutput {
    pub file: SourceFile,
    /// Syntax errors; the file is "clean" when this is empty.
    pub syntax_errors: Vec<Diagnostic>,
}

/// Parses and lowers `source`. Never panics on any input.
pub fn parse_source(parser: &mut ZigParser, source: &str) -> ParseOutput {
    let Some(tree) = parser.parse_tree(source) else {
        // Only happens on cancellation or a timeout, neither of which we set.
        return ParseOutput {
            file: SourceFile {
                container_doc: Vec::new(),
                members: Vec::new(),
                comments: Vec::new(),
            },
            syntax_errors: vec![Diagnostic::new(
                Severity::Error,
                Span::new(0, 0),
                "tree-sitter returned no tree",
            )],
        };
    };
    let root = tree.root_node();
    let syntax_errors = if root.has_error() {
        collect_syntax_errors(root, source)
    } else {
        Vec::new()
    };
    let file = lower(root, source);
    ParseOutput {
        file,
        syntax_errors,
    }
}

/// Walks only the subtrees that contain errors. ERROR nodes are reported
/// once (not their insides); MISSING nodes name what the parser expected.
fn collect_syntax_errors(root: Node, source: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if node.is_missing() {
            let what = if node.is_named() {
                node.kind().to_string()
            } else {
                format!("`{}`", node.kind())
            };
            out.push(Diagnostic::new(
                Severity::Error,
                span_of(node),
                format!("syntax error: missing {what}"),
            ));
        } else if node.is_error() {
            out.push(Diagnostic::new(
                Severity::Error,
                span_of(node),
                format!("syntax error: unexpected {}", describe_error(node, source)),
            ));
        } else if lower::is_empty_container_placeholder(node) {
            // tree-sitter-zig quirk on valid `struct {}`: not an error.
        } else if node.has_error() && node.child_count() == 0 {
            out.push(Diagnostic::new(
                Severity::Error,
                span_of(node),
                format!("syntax error: malformed {}", node.kind()),
            ));
        } else {
            let mut cursor = node.walk();
            let children: Vec<Node> = node
                .children(&mut cursor)
                .filter(|c| c.has_error())
                .collect();
            // Reverse so the stack pops them in source order.
            stack.extend(children.into_iter().rev());
        }
    }
    out
}

fn describe_error(node: Node, source: &str) -> String {
    let text = source.get(node.byte_range()).unwrap_or("").trim();
    let first_line = text.lines().next().unwrap_or("");
    if first_line.is_empty() {
        return "input".to_string();
    }
    let mut shown: String = first_line.chars().take(40).collect();
    if shown.len() < first_line.len() {
        shown.push('…');
    }
    format!("`{shown}`")
}

pub(crate) fn span_of(node: Node) -> Span {
    Span::new(node.start_byte(), node.end_byte())
}
