//! Blocks and statements.

use tree_sitter::Node;

use super::{Kid, Lowerer};
use crate::syntax::ir::*;
use crate::syntax::parse::span_of;

impl<'s> Lowerer<'s> {
    pub(super) fn block(&mut self, node: Node, label: Option<String>) -> Block {
        let span = span_of(node);
        if node.kind() != "block" {
            let stmt = self.stmt(node);
            return Block {
                span,
                label,
                stmts: vec![stmt],
            };
        }
        let kids = self.kids(node);
        let stmts = kids
            .iter()
            .filter(|k| k.named() || k.node.is_missing())
            .map(|k| self.stmt(k.node))
            .collect();
        Block { span, label, stmts }
    }

    pub(super) fn stmt(&mut self, node: Node) -> Stmt {
        let span = span_of(node);
        if self.depth >= super::MAX_NESTING {
            return Stmt {
                span,
                kind: StmtKind::Unsupported(too_deep()),
            };
        }
        self.depth += 1;
        let kind = self.stmt_kind(node);
        self.depth -= 1;
        Stmt { span, kind }
    }

    fn stmt_kind(&mut self, node: Node) -> StmtKind {
        if node.is_error() || node.is_missing() {
            return StmtKind::Unsupported(self.unexpected(node, "block"));
        }
        match node.kind() {
            "variable_declaration" => {
                let kids = self.kids(node);
                self.declaration_or_assignment(node, &kids)
            }
            "assignment_expression" => self.assignment_expression(node),
            "expression_statement" => match self.only_named(node) {
                Some(inner) if inner.kind() == "assignment_expression" => {
                    self.assignment_expression(inner)
                }
                Some(inner) => StmtKind::Expr(self.expr(inner)),
                None => StmtKind::Unsupported(self.unexpected(node, "expression statement")),
            },
            "defer_statement" => match self.deferred(node) {
                Ok((None, body)) => StmtKind::Defer(Box::new(body)),
                Ok((Some(_), _)) => {
                    StmtKind::Unsupported(self.unexpected(node, "defer with a capture"))
                }
                Err(u) => StmtKind::Unsupported(u),
            },
            "errdefer_statement" => match self.deferred(node) {
                Ok((capture, body)) => StmtKind::Errdefer {
                    capture,
                    body: Box::new(body),
                },
                Err(u) => StmtKind::Unsupported(u),
            },
            "comptime_statement" => {
                let kids = self.kids(node);
                let Some(inner) = kids.iter().find(|k| k.named()) else {
                    return StmtKind::Unsupported(self.unexpected(node, "comptime statement"));
                };
                if inner.kind == "variable_declaration" {
                    let inner_kids = self.kids(inner.node);
                    return match self.var_decl(inner.node, &inner_kids) {
                        Ok(var) => StmtKind::Var(VarDecl {
                            is_comptime: true,
                            ..var
                        }),
                        Err(u) => StmtKind::Unsupported(u),
                    };
                }
                let body = self.body_expr(node, &kids);
                StmtKind::Expr(Expr {
                    span: span_of(node),
                    kind: ExprKind::Comptime(Box::new(body)),
                })
            }
            "nosuspend_statement" => {
                let kids = self.kids(node);
                let body = self.body_expr(node, &kids);
                StmtKind::Expr(Expr {
                    span: span_of(node),
                    kind: ExprKind::Nosuspend(Box::new(body)),
                })
            }
            "suspend_statement" => StmtKind::Unsupported(Unsupported {
                kind: UnsupportedKind::Async,
                reason: "suspend (async was removed from Zig)".into(),
            }),
            // if/while/for/switch/labeled blocks: statements that are expressions.
            _ => StmtKind::Expr(self.expr(node)),
        }
    }

    /// `defer`/`errdefer`: optional `|err|` capture and the deferred statement.
    fn deferred(&mut self, node: Node) -> Result<(Option<Capture>, Stmt), Unsupported> {
        let kids = self.kids(node);
        let mut capture = None;
        let mut body = None;
        for kid in kids.iter().filter(|k| k.named()) {
            match kid.kind {
                "payload" => capture = self.captures(kid.node).into_iter().next(),
                "block_label" => {}
                _ => body = Some(kid.node),
            }
        }
        let body = body.ok_or_else(|| self.unexpected(node, "defer"))?;
        let stmt = if body.kind() == "block" {
            let label = self.label_of(&kids);
            Stmt {
                span: span_of(body),
                kind: StmtKind::Expr(Expr {
                    span: span_of(body),
                    kind: ExprKind::Block(self.block(body, label)),
                }),
            }
        } else {
            self.stmt(body)
        };
        Ok((capture, stmt))
    }

    /// MISPARSE: tree-sitter-zig parses `x += 1;`, `_ = y;` and `a, b = t;`
    /// as `variable_declaration` with no `const`/`var`. Only a node with a
    /// `const`/`var` keyword is a declaration.
    fn declaration_or_assignment(&mut self, node: Node, kids: &[Kid]) -> StmtKind {
        let keywords = kids.iter().filter(|k| k.is("const") || k.is("var")).count();
        let eq_pos = kids
            .iter()
            .position(|k| k.token().is_some_and(is_assign_op));
        let targets_before_eq = kids[..eq_pos.unwrap_or(kids.len())]
            .iter()
            .filter(|k| k.named() && k.field.is_none() && k.kind != "byte_alignment")
            .count();
        if keywords == 1 && targets_before_eq == 1 {
            return match self.var_decl(node, kids) {
                Ok(var) => StmtKind::Var(var),
                Err(u) => StmtKind::Unsupported(u),
            };
        }
        let Some(eq_pos) = eq_pos else {
            return StmtKind::Unsupported(self.unexpected(node, "statement"));
        };
        let Some(value) = kids[eq_pos + 1..].iter().find(|k| k.is_operand()) else {
            return StmtKind::Unsupported(self.unexpected(node, "assignment"));
        };
        let value = self.expr(value.node);
        if keywords > 0 || targets_before_eq > 1 {
            return self.destructure(&kids[..eq_pos], value);
        }
        let Some(target) = kids[..eq_pos].iter().find(|k| k.named()) else {
            return StmtKind::Unsupported(self.unexpected(node, "assignment"));
        };
        let op_token = kids[eq_pos].token().unwrap_or("=");
        self.assignment(target.node, op_token, value)
    }

    fn destructure(&mut self, kids: &[Kid], value: Expr) -> StmtKind {
        let mut targets = Vec::new();
        let mut pending = None;
        for kid in kids {
            match kid.token() {
                Some("const") => pending = Some(Mutability::Const),
                Some("var") => pending = Some(Mutability::Var),
                Some(_) => {}
                None if kid.field == Some("type") => {
                    let ty = self.ty(kid.node);
                    if let Some(DestructureTarget::Decl { ty: slot, .. }) = targets.last_mut() {
                        *slot = Some(ty);
                    }
                }
                None => match pending.take() {
                    Some(mutability) => match self.ident_name(kid.node) {
                        Some(name) => targets.push(DestructureTarget::Decl {
                            name,
                            mutability,
                            ty: None,
                        }),
                        None => {
                            return StmtKind::Unsupported(
                                self.unexpected(kid.node, "destructuring"),
                            );
                        }
                    },
                    None if self.text(kid.node) == "_" => targets.push(DestructureTarget::Discard),
                    None => targets.push(DestructureTarget::Place(self.expr(kid.node))),
                },
            }
        }
        StmtKind::Destructure { targets, value }
    }

    /// `assignment_expression` nodes (as `if` bodies, `while` continue
    /// expressions, and `.x = 1` outside initializer lists).
    pub(super) fn assignment_expression(&mut self, node: Node) -> StmtKind {
        let (Some(left), Some(op), Some(right)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("operator"),
            node.child_by_field_name("right"),
        ) else {
            return StmtKind::Unsupported(self.unexpected(node, "assignment"));
        };
        let value = self.expr(right);
        self.assignment(left, op.kind(), value)
    }

    fn assignment(&mut self, target: Node, op_token: &str, value: Expr) -> StmtKind {
        let Some(op) = assign_op(op_token) else {
            return StmtKind::Unsupported(Unsupported {
                kind: UnsupportedKind::UnknownShape,
                reason: format!("unknown assignment operator `{op_token}`"),
            });
        };
        if op == AssignOp::Assign && target.kind() == "identifier" && self.text(target) == "_" {
            return StmtKind::Discard(value);
        }
        StmtKind::Assign {
            op,
            target: self.expr(target),
            value,
        }
    }

    /// The single operand child of `node` (named, or a keyword literal).
    pub(super) fn only_named<'t>(&mut self, node: Node<'t>) -> Option<Node<'t>> {
        let kids = self.kids(node);
        let mut named = kids.iter().filter(|k| k.is_operand());
        let first = named.next()?;
        named.next().is_none().then_some(first.node)
    }

    pub(super) fn label_of(&mut self, kids: &[Kid]) -> Option<String> {
        let label = kids.iter().find(|k| k.kind == "block_label")?;
        let inner = self.kids(label.node);
        inner
            .iter()
            .find(|k| k.kind == "identifier")
            .and_then(|k| self.ident_name(k.node))
    }

    /// The body of `comptime`/`nosuspend`/`labeled_statement`-like wrappers:
    /// a (labeled) block or a single statement, as an expression.
    pub(super) fn body_expr(&mut self, node: Node, kids: &[Kid]) -> Expr {
        let label = self.label_of(kids);
        let Some(inner) = kids
            .iter()
            .find(|k| k.is_operand() && k.kind != "block_label")
        else {
            return Expr {
                span: span_of(node),
                kind: ExprKind::Unsupported(self.unexpected(node, "block")),
            };
        };
        self.branch(inner.node, label)
    }

    /// A branch of `if`/`while`/`for`/`switch`: an expression, or a
    /// statement (assignment, declaration) wrapped in a block.
    pub(super) fn branch(&mut self, node: Node, label: Option<String>) -> Expr {
        let span = span_of(node);
        match node.kind() {
            "block" => Expr {
                span,
                kind: ExprKind::Block(self.block(node, label)),
            },
            "variable_declaration"
            | "assignment_expression"
            | "expression_statement"
            | "defer_statement"
            | "errdefer_statement"
            | "comptime_statement" => Expr {
                span,
                kind: ExprKind::Block(self.block(node, label)),
            },
            _ => self.expr(node),
        }
    }

    /// Names bound by a `payload` node: `|a, *b|`.
    pub(super) fn captures(&mut self, node: Node) -> Vec<Capture> {
        let mut out = Vec::new();
        let mut by_ref = false;
        for kid in self.kids(node) {
            if kid.is("*") {
                by_ref = true;
            } else if let Some(name) = self.ident_name(kid.node) {
                out.push(Capture { name, by_ref });
                by_ref = false;
            }
        }
        out
    }
}

pub(super) fn too_deep() -> Unsupported {
    Unsupported {
        kind: UnsupportedKind::TooDeep,
        reason: format!("nesting deeper than {}", super::MAX_NESTING),
    }
}

fn is_assign_op(token: &str) -> bool {
    assign_op(token).is_some()
}

fn assign_op(token: &str) -> Option<AssignOp> {
    Some(match token {
        "=" => AssignOp::Assign,
        "+=" => AssignOp::Add,
        "+%=" => AssignOp::AddWrap,
        "+|=" => AssignOp::AddSat,
        "-=" => AssignOp::Sub,
        "-%=" => AssignOp::SubWrap,
        "-|=" => AssignOp::SubSat,
        "*=" => AssignOp::Mul,
        "*%=" => AssignOp::MulWrap,
        "*|=" => AssignOp::MulSat,
        "/=" => AssignOp::Div,
        "%=" => AssignOp::Rem,
        "<<=" => AssignOp::Shl,
        "<<|=" => AssignOp::ShlSat,
        ">>=" => AssignOp::Shr,
        "&=" => AssignOp::BitAnd,
        "|=" => AssignOp::BitOr,
        "^=" => AssignOp::BitXor,
        _ => return None,
    })
}
