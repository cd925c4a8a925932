//! Expressions, including control flow, initializers, containers and types
//! (types are expressions in Zig).

use tree_sitter::Node;

use super::stmt::too_deep;
use super::{Kid, Lowerer};
use crate::syntax::ir::*;
use crate::syntax::literal;
use crate::syntax::parse::span_of;

/// Where an expression sits. Only the inferred error union `!T` depends on
/// it: in a type position it is `!T`, elsewhere it is boolean not.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Expr,
    Type,
}

/// Node kinds that apply a suffix (`.f`, `()`, `[i]`, `.*`, `.?`) to a base.
const SUFFIX_KINDS: [&str; 5] = [
    "field_expression",
    "call_expression",
    "index_expression",
    "dereference_expression",
    "null_coercion_expression",
];

impl<'s> Lowerer<'s> {
    pub(super) fn expr(&mut self, node: Node) -> Expr {
        self.expr_in(node, Ctx::Expr)
    }

    pub(super) fn ty(&mut self, node: Node) -> Expr {
        self.expr_in(node, Ctx::Type)
    }

    fn expr_in(&mut self, node: Node, ctx: Ctx) -> Expr {
        let span = span_of(node);
        if self.depth >= super::MAX_NESTING {
            return Expr {
                span,
                kind: ExprKind::Unsupported(too_deep()),
            };
        }
        self.depth += 1;
        let kind = self.expr_kind(node, ctx);
        self.depth -= 1;
        Expr { span, kind }
    }

    fn unsupported_kind(&self, node: Node, context: &str) -> ExprKind {
        ExprKind::Unsupported(self.unexpected(node, context))
    }

    fn expr_kind(&mut self, node: Node, ctx: Ctx) -> ExprKind {
        if node.is_error() || node.is_missing() {
            return self.unsupported_kind(node, "expression");
        }
        match node.kind() {
            "identifier" => self.identifier(node),
            "integer" => ExprKind::Int(self.text(node).to_string()),
            "float" => ExprKind::Float(self.text(node).to_string()),
            "string" => match self.string_bytes(node) {
                Some(bytes) => ExprKind::Str(bytes),
                None => self.unsupported_kind(node, "string literal (invalid escape)"),
            },
            "multiline_string" => ExprKind::Str(literal::multiline(self.text(node))),
            "character" => {
                let text = self.text(node);
                let body = text.strip_prefix('\'').and_then(|t| t.strip_suffix('\''));
                match body.and_then(literal::char_value) {
                    Some(c) => ExprKind::Char(c),
                    None => self.unsupported_kind(node, "character literal"),
                }
            }
            "boolean" | "true" | "false" => ExprKind::Bool(self.text(node) == "true"),
            "null" => ExprKind::Null,
            "undefined" => ExprKind::Undefined,
            "unreachable" => ExprKind::Unreachable,
            "builtin_type" => ExprKind::PrimitiveType(self.text(node).to_string()),
            "builtin_function" => self.builtin(node),
            "parenthesized_expression" => match self.only_named(node) {
                Some(inner) => self.expr_in(inner, ctx).kind,
                None => self.unsupported_kind(node, "parentheses"),
            },
            "field_expression"
            | "call_expression"
            | "index_expression"
            | "dereference_expression"
            | "null_coercion_expression" => self.suffix(node, ctx),
            "unary_expression" => self.unary(node),
            "binary_expression" => self.binary(node),
            "error_union_type" => self.error_union(node, ctx),
            "catch_expression" => self.catch(node),
            "try_expression" => self.try_expr(node),
            "comptime_expression" => self.prefixed(node, ExprKind::Comptime),
            "nosuspend_expression" => self.prefixed(node, ExprKind::Nosuspend),
            "return_expression" => {
                let value = self.only_named(node).map(|n| Box::new(self.expr(n)));
                ExprKind::Return(value)
            }
            "break_expression" => {
                let (label, value) = self.jump(node);
                ExprKind::Break { label, value }
            }
            "continue_expression" => {
                let (label, value) = self.jump(node);
                ExprKind::Continue { label, value }
            }
            "block" => ExprKind::Block(self.block(node, None)),
            "block_expression" | "labeled_type_expression" | "labeled_statement" => {
                self.labeled(node)
            }
            "if_expression" | "if_statement" | "if_type_expression" => self.if_expr(node),
            "while_expression" | "while_statement" => self.while_expr(node, None),
            "for_expression" | "for_statement" => self.for_expr(node, None),
            "switch_expression" => self.switch(node),
            "struct_initializer" | "anonymous_struct_initializer" => self.initializer(node),
            "struct_declaration" | "enum_declaration" | "union_declaration"
            | "opaque_declaration" => self.container(node),
            "error_set_declaration" => {
                let kids = self.kids(node);
                let names = kids
                    .iter()
                    .filter_map(|k| self.ident_name(k.node))
                    .collect();
                ExprKind::ErrorSet(names)
            }
            "error_type" => match self.kids(node).iter().find(|k| k.named()) {
                Some(k) => match self.ident_name(k.node) {
                    Some(name) => ExprKind::ErrorValue(name),
                    None => self.unsupported_kind(k.node, "error value"),
                },
                None => self.unsupported_kind(node, "error value"),
            },
            "nullable_type" => self.prefixed_type(node, ExprKind::Optional),
            "comptime_type_expression" => self.prefixed_type(node, ExprKind::Comptime),
            "pointer_type" | "slice_type" => self.pointer(node),
            "array_type" => self.array(node),
            "function_signature" => {
                let kids = self.kids(node);
                ExprKind::FnType(Box::new(self.fn_proto(&kids)))
            }
            "range_expression" => match self.range_operands(node) {
                Some((start, end)) => ExprKind::Range {
                    start: Box::new(start),
                    end: end.map(Box::new),
                },
                None => self.unsupported_kind(node, "range"),
            },
            "assignment_expression" => match self.assignment_expression(node) {
                // Assignments are statements; in expression position they
                // only occur as single-statement bodies.
                kind @ (StmtKind::Assign { .. } | StmtKind::Discard(_)) => ExprKind::Block(Block {
                    span: span_of(node),
                    label: None,
                    stmts: vec![Stmt {
                        span: span_of(node),
                        kind,
                    }],
                }),
                StmtKind::Unsupported(u) => ExprKind::Unsupported(u),
                _ => self.unsupported_kind(node, "expression"),
            },
            "asm_expression" => ExprKind::Unsupported(Unsupported {
                kind: UnsupportedKind::InlineAsm,
                reason: "inline assembly".into(),
            }),
            "async_expression" | "await_expression" | "resume_expression" | "anyframe"
            | "anyframe_type" => ExprKind::Unsupported(Unsupported {
                kind: UnsupportedKind::Async,
                reason: format!("{} (async was removed from Zig)", node.kind()),
            }),
            _ => self.unsupported_kind(node, "expression"),
        }
    }

    fn identifier(&mut self, node: Node) -> ExprKind {
        let text = self.text(node);
        // MISPARSE: `u0`/`i0` and `f80` (and only they) come out as
        // identifiers, not builtin_type. A plain (unquoted) `uN`/`iN`/`f80`
        // is always the type: Zig forbids shadowing a primitive.
        if is_int_type_name(text) || text == "f80" {
            return ExprKind::PrimitiveType(text.to_string());
        }
        match self.ident_name(node) {
            Some(name) => ExprKind::Ident(name),
            None => self.unsupported_kind(node, "identifier"),
        }
    }

    fn builtin(&mut self, node: Node) -> ExprKind {
        let kids = self.kids(node);
        let mut name = None;
        let mut args = Vec::new();
        for kid in &kids {
            match kid.kind {
                "builtin_identifier" => {
                    name = Some(self.text(kid.node).trim_start_matches('@').to_string())
                }
                "arguments" => {
                    for arg in self.kids(kid.node) {
                        if arg.is_operand() {
                            args.push(self.expr(arg.node));
                        }
                    }
                }
                _ => {}
            }
        }
        match name {
            Some(name) => ExprKind::Builtin { name, args },
            None => self.unsupported_kind(node, "builtin call"),
        }
    }

    /// Field access, call, index/slice, `.*` and `.?`.
    ///
    /// MISPARSE: tree-sitter-zig binds `!` tighter than suffixes, so
    /// `!a.b` comes out as `(!a).b` (an inferred error union as the base).
    /// Zig's `!a.b` is `!(a.b)`: the suffix is applied to the operand and
    /// the not is moved outward.
    fn suffix(&mut self, node: Node, ctx: Ctx) -> ExprKind {
        let kids = self.kids(node);
        let base_node = match node.kind() {
            "field_expression" => node.child_by_field_name("object"),
            "call_expression" => node.child_by_field_name("function"),
            "index_expression" => node.child_by_field_name("object"),
            _ => kids.iter().find(|k| k.named()).map(|k| k.node),
        };
        let Some(base_node) = base_node else {
            // `.name` without an object.
            return match node.child_by_field_name("member") {
                Some(m) if node.kind() == "field_expression" => match self.ident_name(m) {
                    Some(name) => ExprKind::DotName(name),
                    None => self.unsupported_kind(m, "enum literal"),
                },
                _ => self.unsupported_kind(node, "suffix expression"),
            };
        };
        let base = self.expr_in(base_node, ctx);
        let misparsed_not = ctx == Ctx::Expr
            && matches!(
                base.kind,
                ExprKind::Unary {
                    op: UnaryOp::Not,
                    ..
                }
            )
            && (is_inferred_error_union(base_node) || SUFFIX_KINDS.contains(&base_node.kind()));
        let (base, wrap_not) = match base {
            Expr {
                kind:
                    ExprKind::Unary {
                        op: UnaryOp::Not,
                        operand,
                    },
                ..
            } if misparsed_not => (*operand, true),
            other => (other, false),
        };
        // MISPARSE: tree-sitter-zig binds a prefix type operator tighter
        // than a suffix: `*std.Io.Writer` comes out as `(*std).Io.Writer`,
        // `?std.X`, `[]const std.X`, `[4]std.X` likewise. In Zig the operator
        // applies to the whole suffix chain: the suffix goes inside.
        let (base, shells) = peel_prefix_types(base);
        let applied = self.apply_suffix(node, &kids, base);
        let applied = rewrap_prefix_types(shells, applied, span_of(node));
        if wrap_not {
            ExprKind::Unary {
                op: UnaryOp::Not,
                operand: Box::new(Expr {
                    span: span_of(node),
                    kind: applied,
                }),
            }
        } else {
            applied
        }
    }

    fn apply_suffix(&mut self, node: Node, kids: &[Kid], base: Expr) -> ExprKind {
        let base = Box::new(base);
        match node.kind() {
            "field_expression" => match node
                .child_by_field_name("member")
                .and_then(|m| self.ident_name(m))
            {
                Some(member) => ExprKind::Field {
                    object: base,
                    member,
                },
                None => self.unsupported_kind(node, "field access"),
            },
            "call_expression" => {
                let args = kids
                    .iter()
                    .filter(|k| k.field != Some("function"))
                    .filter(|k| k.is_operand())
                    .map(|k| self.expr(k.node))
                    .collect();
                ExprKind::Call { callee: base, args }
            }
            "index_expression" => {
                let Some(index) = node.child_by_field_name("index") else {
                    return self.unsupported_kind(node, "index");
                };
                let sentinel = node
                    .child_by_field_name("sentinel")
                    .map(|s| Box::new(self.expr(s)));
                if super::ranges::is_range(index) {
                    let Some((start, end)) = self.range_operands(index) else {
                        return self.unsupported_kind(index, "slice");
                    };
                    ExprKind::Slice {
                        object: base,
                        start: Box::new(start),
                        end: end.map(Box::new),
                        sentinel,
                    }
                } else if sentinel.is_some() {
                    self.unsupported_kind(node, "index with sentinel")
                } else {
                    ExprKind::Index {
                        object: base,
                        index: Box::new(self.expr(index)),
                    }
                }
            }
            "dereference_expression" => ExprKind::Deref(base),
            _ => ExprKind::Unwrap(base),
        }
    }

    fn unary(&mut self, node: Node) -> ExprKind {
        let (Some(op), Some(arg)) = (
            node.child_by_field_name("operator"),
            node.child_by_field_name("argument"),
        ) else {
            return self.unsupported_kind(node, "unary expression");
        };
        let operand = Box::new(self.expr(arg));
        let op = match op.kind() {
            "&" => return ExprKind::AddressOf(operand),
            "-" => UnaryOp::Neg,
            "-%" => UnaryOp::NegWrap,
            "~" => UnaryOp::BitNot,
            "!" => UnaryOp::Not,
            other => {
                return ExprKind::Unsupported(Unsupported {
                    kind: UnsupportedKind::UnknownShape,
                    reason: format!("unknown unary operator `{other}`"),
                });
            }
        };
        ExprKind::Unary { op, operand }
    }

    fn binary(&mut self, node: Node) -> ExprKind {
        let (Some(left), Some(op), Some(right)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("operator"),
            node.child_by_field_name("right"),
        ) else {
            return self.unsupported_kind(node, "binary expression");
        };
        let lhs = Box::new(self.expr(left));
        let rhs = Box::new(self.expr(right));
        if op.kind() == "orelse" {
            return ExprKind::Orelse { lhs, rhs };
        }
        match binary_op(op.kind()) {
            Some(op) => ExprKind::Binary { op, lhs, rhs },
            None => ExprKind::Unsupported(Unsupported {
                kind: UnsupportedKind::UnknownShape,
                reason: format!("unknown binary operator `{}`", op.kind()),
            }),
        }
    }

    /// MISPARSE: tree-sitter-zig parses boolean not (`!x`) as an
    /// `error_union_type` without an error set. Outside type positions it
    /// is lowered as `Unary { op: Not }`.
    fn error_union(&mut self, node: Node, ctx: Ctx) -> ExprKind {
        let Some(ok) = node.child_by_field_name("ok") else {
            return self.unsupported_kind(node, "error union");
        };
        match node.child_by_field_name("error") {
            Some(error) => ExprKind::ErrorUnion {
                error_set: Some(Box::new(self.ty(error))),
                payload: Box::new(self.ty(ok)),
            },
            None if ctx == Ctx::Type => ExprKind::ErrorUnion {
                error_set: None,
                payload: Box::new(self.ty(ok)),
            },
            None => ExprKind::Unary {
                op: UnaryOp::Not,
                operand: Box::new(self.expr(ok)),
            },
        }
    }

    fn catch(&mut self, node: Node) -> ExprKind {
        let kids = self.kids(node);
        let mut operands = Vec::new();
        let mut capture = None;
        for kid in kids.iter().filter(|k| k.is_operand()) {
            if kid.kind == "payload" {
                capture = self.captures(kid.node).into_iter().next();
            } else {
                operands.push(kid.node);
            }
        }
        let [lhs, rhs] = operands[..] else {
            return self.unsupported_kind(node, "catch");
        };
        ExprKind::Catch {
            lhs: Box::new(self.expr(lhs)),
            capture,
            rhs: Box::new(self.branch(rhs, None)),
        }
    }

    fn prefixed(&mut self, node: Node, make: fn(Box<Expr>) -> ExprKind) -> ExprKind {
        let kids = self.kids(node);
        make(Box::new(self.body_expr(node, &kids)))
    }

    /// MISPARSE: tree-sitter-zig gives `try` the lowest precedence, so
    /// `try f(x) << 18 | y` comes out as `try ((f(x) << 18) | y)`. In Zig
    /// `try` is a prefix operator, tighter than every binary operator: it
    /// applies to the leftmost operand of the binary chain (a parenthesised
    /// operand stops the descent: `try (a << b)` is what it says).
    fn try_expr(&mut self, node: Node) -> ExprKind {
        let kids = self.kids(node);
        let mut operand = self.body_expr(node, &kids);
        let mut depth = 0;
        let mut cst = kids.iter().find(|k| k.is_operand()).map(|k| k.node);
        while let Some(n) = cst
            && n.kind() == "binary_expression"
        {
            depth += 1;
            cst = n.child_by_field_name("left");
        }
        if depth == 0 {
            return ExprKind::Try(Box::new(operand));
        }
        wrap_leftmost_in_try(&mut operand, depth, node.start_byte() as u32);
        operand.kind
    }

    fn prefixed_type(&mut self, node: Node, make: fn(Box<Expr>) -> ExprKind) -> ExprKind {
        match self.only_named(node) {
            Some(inner) => make(Box::new(self.ty(inner))),
            None => self.unsupported_kind(node, node.kind()),
        }
    }

    /// `break :label value` / `continue :label value`.
    fn jump(&mut self, node: Node) -> (Option<String>, Option<Box<Expr>>) {
        let kids = self.kids(node);
        let mut label = None;
        let mut value = None;
        for kid in &kids {
            if kid.kind == "break_label" {
                let inner = self.kids(kid.node);
                label = inner.iter().find_map(|k| self.ident_name(k.node));
            } else if kid.is_operand() {
                value = Some(Box::new(self.expr(kid.node)));
            }
        }
        (label, value)
    }

    /// `label: { ... }`, `label: while ...`, `label: for ...`, and the
    /// unlabeled `labeled_statement` wrappers the grammar emits.
    fn labeled(&mut self, node: Node) -> ExprKind {
        let kids = self.kids(node);
        let label = self.label_of(&kids);
        let Some(inner) = kids.iter().find(|k| k.named() && k.kind != "block_label") else {
            return self.unsupported_kind(node, "labeled statement");
        };
        match inner.kind {
            "block" => ExprKind::Block(self.block(inner.node, label)),
            "while_statement" | "while_expression" => self.while_expr(inner.node, label),
            "for_statement" | "for_expression" => self.for_expr(inner.node, label),
            "switch_expression" if label.is_none() => self.switch(inner.node),
            _ => self.unsupported_kind(inner.node, "labeled statement"),
        }
    }

    /// `if` in all three grammar forms. Statement forms put the body in a
    /// `body` field and the else branch in an `else_clause`; the expression
    /// form lists them positionally around the `else` token.
    fn if_expr(&mut self, node: Node) -> ExprKind {
        let kids = self.kids(node);
        let mut cond = None;
        let mut capture = None;
        let mut then = None;
        let mut else_capture = None;
        let mut otherwise = None;
        let mut after_else = false;
        for kid in &kids {
            if kid.is("else") {
                after_else = true;
                continue;
            }
            if !kid.named() && !kid.token().is_some_and(super::decl::is_literal_token) {
                continue;
            }
            match (kid.field, kid.kind) {
                (Some("condition"), _) => cond = Some(self.expr(kid.node)),
                (_, "payload") if after_else => {
                    else_capture = self.captures(kid.node).into_iter().next()
                }
                (_, "payload") => capture = self.captures(kid.node).into_iter().next(),
                (_, "else_clause") => (else_capture, otherwise) = self.else_clause(kid.node),
                _ if after_else => otherwise = Some(self.branch(kid.node, None)),
                _ => then = Some(self.branch(kid.node, None)),
            }
        }
        let (Some(cond), Some(then)) = (cond, then) else {
            return self.unsupported_kind(node, "if");
        };
        ExprKind::If(Box::new(IfExpr {
            cond,
            capture,
            then,
            else_capture,
            otherwise,
        }))
    }

    fn else_clause(&mut self, node: Node) -> (Option<Capture>, Option<Expr>) {
        let kids = self.kids(node);
        let mut capture = None;
        let mut body = None;
        for kid in kids.iter().filter(|k| k.is_operand()) {
            if kid.kind == "payload" {
                capture = self.captures(kid.node).into_iter().next();
            } else {
                body = Some(self.branch(kid.node, None));
            }
        }
        (capture, body)
    }

    fn while_expr(&mut self, node: Node, label: Option<String>) -> ExprKind {
        let kids = self.kids(node);
        let label = label.or_else(|| self.label_of(&kids));
        let mut cond = None;
        let mut capture = None;
        let mut continue_expr = None;
        let mut body = None;
        let mut else_capture = None;
        let mut otherwise = None;
        let mut after_colon = false;
        let mut after_else = false;
        for kid in &kids {
            match kid.token() {
                Some(":") => after_colon = true,
                Some("else") => after_else = true,
                Some(t) if !super::decl::is_literal_token(t) => {}
                _ => match (kid.field, kid.kind) {
                    (_, "block_label") => {}
                    (Some("condition"), _) => cond = Some(self.expr(kid.node)),
                    (_, "payload") if after_else => {
                        else_capture = self.captures(kid.node).into_iter().next()
                    }
                    (_, "payload") => capture = self.captures(kid.node).into_iter().next(),
                    (_, "else_clause") => (else_capture, otherwise) = self.else_clause(kid.node),
                    _ if after_colon && continue_expr.is_none() => {
                        continue_expr = Some(self.stmt(kid.node))
                    }
                    _ if after_else => otherwise = Some(self.branch(kid.node, None)),
                    _ => body = Some(self.branch(kid.node, None)),
                },
            }
        }
        let (Some(cond), Some(body)) = (cond, body) else {
            return self.unsupported_kind(node, "while");
        };
        ExprKind::While(Box::new(WhileExpr {
            label,
            is_inline: kids.iter().any(|k| k.is("inline")),
            cond,
            capture,
            continue_expr,
            body,
            else_capture,
            otherwise,
        }))
    }

    fn for_expr(&mut self, node: Node, label: Option<String>) -> ExprKind {
        let kids = self.kids(node);
        let label = label.or_else(|| self.label_of(&kids));
        let is_inline = kids.iter().any(|k| k.is("inline"));
        let mut inputs = Vec::new();
        let mut captures = Vec::new();
        let mut body = None;
        let mut otherwise = None;
        let mut seen_payload = false;
        let mut after_else = false;
        for kid in &kids {
            match kid.token() {
                Some("else") => after_else = true,
                Some(t) if !super::decl::is_literal_token(t) => {}
                _ => match kid.kind {
                    "block_label" => {}
                    "payload" => {
                        captures = self.captures(kid.node);
                        seen_payload = true;
                    }
                    "else_clause" => otherwise = self.else_clause(kid.node).1,
                    _ if !seen_payload && super::ranges::is_range(kid.node) => {
                        match self.range_operands(kid.node) {
                            Some((start, end)) => inputs.push(ForInput::Range { start, end }),
                            None => return self.unsupported_kind(kid.node, "for range"),
                        }
                    }
                    _ if !seen_payload => inputs.push(ForInput::Expr(self.expr(kid.node))),
                    _ if after_else => otherwise = Some(self.branch(kid.node, None)),
                    _ => body = Some(self.branch(kid.node, None)),
                },
            }
        }
        let Some(body) = body else {
            return self.unsupported_kind(node, "for");
        };
        ExprKind::For(Box::new(ForExpr {
            label,
            is_inline,
            inputs,
            captures,
            body,
            otherwise,
        }))
    }

    fn switch(&mut self, node: Node) -> ExprKind {
        let kids = self.kids(node);
        let label = self.label_of(&kids);
        let mut subject = None;
        let mut prongs = Vec::new();
        for kid in kids.iter().filter(|k| k.named()) {
            match kid.kind {
                "block_label" => {}
                "switch_case" => prongs.push(self.prong(kid.node)),
                _ if subject.is_none() => subject = Some(self.expr(kid.node)),
                _ => return self.unsupported_kind(kid.node, "switch"),
            }
        }
        let Some(subject) = subject else {
            return self.unsupported_kind(node, "switch");
        };
        ExprKind::Switch(Box::new(SwitchExpr {
            label,
            subject,
            prongs,
        }))
    }

    fn prong(&mut self, node: Node) -> SwitchProng {
        let kids = self.kids(node);
        let arrow = kids.iter().position(|k| k.is("=>")).unwrap_or(kids.len());
        let mut items = Vec::new();
        let mut pending_range = false;
        for kid in &kids[..arrow] {
            if kid.is("...") {
                pending_range = true;
            } else if kid.is_operand() {
                let value = self.expr(kid.node);
                match (pending_range, items.pop()) {
                    (true, Some(SwitchItem::Value(lo))) => {
                        items.push(SwitchItem::Range { lo, hi: value })
                    }
                    (_, prev) => {
                        items.extend(prev);
                        items.push(SwitchItem::Value(value));
                    }
                }
                pending_range = false;
            }
        }
        let mut captures = Vec::new();
        let mut body = None;
        for kid in &kids[arrow.min(kids.len())..] {
            if kid.kind == "payload" {
                captures = self.captures(kid.node);
            } else if kid.is_operand() {
                body = Some(self.branch(kid.node, None));
            }
        }
        let body = body.unwrap_or_else(|| Expr {
            span: span_of(node),
            kind: self.unsupported_kind(node, "switch prong without body"),
        });
        SwitchProng {
            span: span_of(node),
            items,
            is_else: kids[..arrow].iter().any(|k| k.is("else")),
            is_inline: kids[..arrow].iter().any(|k| k.is("inline")),
            captures,
            body,
        }
    }

    /// MISPARSE: inside initializer lists, `.x = 1` comes out as an
    /// `assignment_expression`; it is a field initializer.
    fn initializer(&mut self, node: Node) -> ExprKind {
        let kids = self.kids(node);
        let mut ty = None;
        let mut list = None;
        for kid in kids.iter().filter(|k| k.named()) {
            if kid.kind == "initializer_list" {
                list = Some(kid.node);
            } else {
                ty = Some(Box::new(self.ty(kid.node)));
            }
        }
        let Some(list) = list else {
            return self.unsupported_kind(node, "initializer");
        };
        let entries: Vec<Node> = self
            .kids(list)
            .iter()
            .filter(|k| k.is_operand())
            .map(|k| k.node)
            .collect();
        let is_field_init = |n: &Node| {
            n.kind() == "assignment_expression"
                && n.child_by_field_name("operator").map(|o| o.kind()) == Some("=")
                && n.child_by_field_name("left").is_some_and(|l| {
                    l.kind() == "field_expression" && l.child_by_field_name("object").is_none()
                })
        };
        let field_inits = entries.iter().filter(|n| is_field_init(n)).count();
        if field_inits == 0 && !entries.is_empty() {
            let elems = entries.iter().map(|n| self.expr(*n)).collect();
            return ExprKind::ListInit { ty, elems };
        }
        if field_inits != entries.len() {
            return self.unsupported_kind(list, "initializer mixing fields and values");
        }
        let mut fields = Vec::new();
        for entry in entries {
            let name = entry
                .child_by_field_name("left")
                .and_then(|l| l.child_by_field_name("member"))
                .and_then(|m| self.ident_name(m));
            let value = entry.child_by_field_name("right").map(|r| self.expr(r));
            match (name, value) {
                (Some(name), Some(value)) => fields.push(FieldInit { name, value }),
                _ => return self.unsupported_kind(entry, "field initializer"),
            }
        }
        ExprKind::StructInit { ty, fields }
    }

    fn container(&mut self, node: Node) -> ExprKind {
        let kind = match node.kind() {
            "struct_declaration" => ContainerKind::Struct,
            "enum_declaration" => ContainerKind::Enum,
            "union_declaration" => ContainerKind::Union,
            _ => ContainerKind::Opaque,
        };
        let kids = self.kids_with_comments(node);
        let mut layout = ContainerLayout::Auto;
        let mut arg = None;
        let mut tagged = false;
        let mut body_start = kids.len();
        for (i, kid) in kids.iter().enumerate() {
            match kid.token() {
                Some("packed") => layout = ContainerLayout::Packed,
                Some("extern") => layout = ContainerLayout::Extern,
                Some("enum") if kind == ContainerKind::Union => tagged = true,
                Some("{") => {
                    body_start = i;
                    break;
                }
                Some(_) => {}
                None if kid.kind == "comment" => {}
                None => arg = Some(self.ty(kid.node)),
            }
        }
        let (mut members, _doc) = self.members(&kids[body_start..]);
        if kind == ContainerKind::Struct {
            name_tuple_fields(&mut members);
        }
        ExprKind::Container(Box::new(ContainerDecl {
            kind,
            layout,
            arg,
            tagged,
            members,
        }))
    }

    /// `*T`, `[*]T`, `[*c]T`, `[*:0]T`, `[]T`, `[:0]T` with qualifiers.
    fn pointer(&mut self, node: Node) -> ExprKind {
        let kids = self.kids(node);
        let is_slice = node.kind() == "slice_type";
        let mut size = if is_slice {
            PointerSize::Slice
        } else {
            PointerSize::One
        };
        let mut ptr = PointerType {
            size,
            sentinel: None,
            is_const: false,
            is_volatile: false,
            is_allowzero: false,
            align: None,
            child: Expr {
                span: span_of(node),
                kind: ExprKind::Null,
            },
        };
        let mut in_brackets = false;
        let mut after_colon = false;
        let mut after_align = false;
        let mut child = None;
        for kid in &kids {
            match kid.token() {
                Some("[") => in_brackets = true,
                Some("]") => in_brackets = false,
                Some("*") if in_brackets => size = PointerSize::Many,
                Some("c") if in_brackets => size = PointerSize::C,
                Some(":") if in_brackets => after_colon = true,
                Some("const") => ptr.is_const = true,
                Some("volatile") => ptr.is_volatile = true,
                Some("allowzero") => ptr.is_allowzero = true,
                Some("align") => after_align = true,
                Some(_) => {}
                None => match (kid.field, kid.kind) {
                    (Some("sentinel"), _) => ptr.sentinel = Some(self.expr(kid.node)),
                    (_, "byte_alignment") => ptr.align = self.wrapped_expr(kid.node).map(|b| *b),
                    (_, "address_space") => {}
                    _ if in_brackets && after_colon => ptr.sentinel = Some(self.expr(kid.node)),
                    _ if after_align && ptr.align.is_none() => {
                        // `*align(4) T`: the alignment sits between tokens.
                        ptr.align = Some(self.expr(kid.node));
                        after_align = false;
                    }
                    _ => child = Some(kid.node),
                },
            }
        }
        let Some(child) = child else {
            return self.unsupported_kind(node, "pointer type");
        };
        ptr.size = size;
        ptr.child = self.ty(child);
        ExprKind::Pointer(Box::new(ptr))
    }

    fn array(&mut self, node: Node) -> ExprKind {
        let kids = self.kids(node);
        let named: Vec<Node> = kids.iter().filter(|k| k.named()).map(|k| k.node).collect();
        let has_sentinel = kids.iter().any(|k| k.is(":"));
        match (&named[..], has_sentinel) {
            ([len, elem], false) => ExprKind::Array {
                len: Box::new(self.expr(*len)),
                sentinel: None,
                elem: Box::new(self.ty(*elem)),
            },
            ([len, sentinel, elem], true) => ExprKind::Array {
                len: Box::new(self.expr(*len)),
                sentinel: Some(Box::new(self.expr(*sentinel))),
                elem: Box::new(self.ty(*elem)),
            },
            _ => self.unsupported_kind(node, "array type"),
        }
    }
}

fn is_inferred_error_union(node: Node) -> bool {
    node.kind() == "error_union_type" && node.child_by_field_name("error").is_none()
}

/// `u8`, `i32`, `u0`... (Zig's arbitrary-width integer type names).
fn is_int_type_name(text: &str) -> bool {
    let digits = text.strip_prefix('u').or_else(|| text.strip_prefix('i'));
    digits.is_some_and(|d| {
        !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) && (d == "0" || !d.starts_with('0'))
    })
}

/// A prefix type operator's node with its operand taken out (see `suffix`).
type Shell = Expr;

/// Splits `*const ?T` into the innermost operand `T` and the operators
/// around it, outermost first.
fn peel_prefix_types(mut e: Expr) -> (Expr, Vec<Shell>) {
    let mut shells = Vec::new();
    loop {
        let placeholder = || Expr {
            span: e.span,
            kind: ExprKind::Null,
        };
        let inner = match &mut e.kind {
            ExprKind::Pointer(p) => std::mem::replace(&mut p.child, placeholder()),
            ExprKind::Optional(inner) => std::mem::replace(inner.as_mut(), placeholder()),
            ExprKind::Array { elem, .. } => std::mem::replace(elem.as_mut(), placeholder()),
            _ => return (e, shells),
        };
        shells.push(e);
        e = inner;
    }
}

/// Puts `kind` back inside the peeled operators, widening their spans.
fn rewrap_prefix_types(shells: Vec<Shell>, kind: ExprKind, span: Span) -> ExprKind {
    let mut inner = Expr { span, kind };
    for mut shell in shells.into_iter().rev() {
        shell.span.end = span.end;
        match &mut shell.kind {
            ExprKind::Pointer(p) => p.child = inner,
            ExprKind::Optional(slot) | ExprKind::Array { elem: slot, .. } => **slot = inner,
            _ => {}
        }
        inner = shell;
    }
    inner.kind
}

/// MISPARSE: in `struct { Prefix, []const u8 }` tree-sitter-zig reads the
/// type `Prefix` as a field *name* with no type. A struct field always has a
/// type, so an untyped one is a tuple field whose type is that name.
fn name_tuple_fields(members: &mut [Decl]) {
    let mut index = 0;
    for m in members.iter_mut() {
        let DeclKind::Field(f) = &mut m.kind else {
            continue;
        };
        if f.ty.is_none() && f.value.is_none() {
            f.ty = Some(Expr {
                span: m.span,
                kind: ExprKind::Ident(std::mem::replace(&mut f.name, index.to_string())),
            });
        }
        index += 1;
    }
}

/// Puts `try` around the operand `depth` levels down the left spine of a
/// binary chain (see `try_expr`), widening spans to start at the `try`.
fn wrap_leftmost_in_try(e: &mut Expr, depth: usize, try_start: u32) {
    e.span.start = try_start;
    match &mut e.kind {
        ExprKind::Binary { lhs, .. } | ExprKind::Orelse { lhs, .. } if depth > 0 => {
            wrap_leftmost_in_try(lhs, depth - 1, try_start);
        }
        _ => {
            let inner = std::mem::replace(&mut e.kind, ExprKind::Null);
            let operand = Expr {
                span: e.span,
                kind: inner,
            };
            e.kind = ExprKind::Try(Box::new(operand));
        }
    }
}

pub(super) fn binary_op(token: &str) -> Option<BinaryOp> {
    Some(match token {
        "+" => BinaryOp::Add,
        "+%" => BinaryOp::AddWrap,
        "+|" => BinaryOp::AddSat,
        "-" => BinaryOp::Sub,
        "-%" => BinaryOp::SubWrap,
        "-|" => BinaryOp::SubSat,
        "*" => BinaryOp::Mul,
        "*%" => BinaryOp::MulWrap,
        "*|" => BinaryOp::MulSat,
        "/" => BinaryOp::Div,
        "%" => BinaryOp::Rem,
        "<<" => BinaryOp::Shl,
        "<<|" => BinaryOp::ShlSat,
        ">>" => BinaryOp::Shr,
        "&" => BinaryOp::BitAnd,
        "|" => BinaryOp::BitOr,
        "^" => BinaryOp::BitXor,
        "and" => BinaryOp::And,
        "or" => BinaryOp::Or,
        "==" => BinaryOp::Eq,
        "!=" => BinaryOp::Ne,
        "<" => BinaryOp::Lt,
        "<=" => BinaryOp::Le,
        ">" => BinaryOp::Gt,
        ">=" => BinaryOp::Ge,
        "++" => BinaryOp::Concat,
        "**" => BinaryOp::Repeat,
        "||" => BinaryOp::ErrorSetMerge,
        _ => return None,
    })
}
