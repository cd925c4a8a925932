//! Read-only traversal of the IR. Implement the `visit_*` hooks you need;
//! each default walks into the children, so overriding one and calling the
//! matching `walk_*` keeps the traversal going.

use crate::syntax::ir::*;

/// `'ast` is the tree's lifetime: a visitor may keep references into it.
pub trait Visitor<'ast> {
    fn visit_decl(&mut self, decl: &'ast Decl) {
        walk_decl(self, decl);
    }
    fn visit_stmt(&mut self, stmt: &'ast Stmt) {
        walk_stmt(self, stmt);
    }
    fn visit_expr(&mut self, expr: &'ast Expr) {
        walk_expr(self, expr);
    }
    /// Every Unsupported node, wherever it sits.
    fn visit_unsupported(&mut self, _span: Span, _unsupported: &'ast Unsupported) {}
}

pub fn walk_file<'ast, V: Visitor<'ast> + ?Sized>(v: &mut V, file: &'ast SourceFile) {
    for decl in &file.members {
        v.visit_decl(decl);
    }
}

pub fn walk_decl<'ast, V: Visitor<'ast> + ?Sized>(v: &mut V, decl: &'ast Decl) {
    match &decl.kind {
        DeclKind::Fn(f) => {
            walk_proto(v, &f.proto);
            if let Some(body) = &f.body {
                walk_block(v, body);
            }
        }
        DeclKind::Var(var) => walk_var(v, var),
        DeclKind::Field(field) => {
            for e in [&field.ty, &field.value, &field.align]
                .into_iter()
                .flatten()
            {
                v.visit_expr(e);
            }
        }
        DeclKind::Test(t) => walk_block(v, &t.body),
        DeclKind::Comptime(b) => walk_block(v, b),
        DeclKind::UsingNamespace(e) => v.visit_expr(e),
        DeclKind::Unsupported(u) => v.visit_unsupported(decl.span, u),
    }
}

fn walk_var<'ast, V: Visitor<'ast> + ?Sized>(v: &mut V, var: &'ast VarDecl) {
    for e in [&var.ty, &var.init, &var.align].into_iter().flatten() {
        v.visit_expr(e);
    }
}

fn walk_proto<'ast, V: Visitor<'ast> + ?Sized>(v: &mut V, proto: &'ast FnProto) {
    for p in &proto.params {
        if let ParamType::Type(t) = &p.ty {
            v.visit_expr(t);
        }
    }
    v.visit_expr(&proto.return_type);
    for e in [&proto.callconv, &proto.align].into_iter().flatten() {
        v.visit_expr(e);
    }
}

pub fn walk_block<'ast, V: Visitor<'ast> + ?Sized>(v: &mut V, block: &'ast Block) {
    for s in &block.stmts {
        v.visit_stmt(s);
    }
}

pub fn walk_stmt<'ast, V: Visitor<'ast> + ?Sized>(v: &mut V, stmt: &'ast Stmt) {
    match &stmt.kind {
        StmtKind::Var(var) => walk_var(v, var),
        StmtKind::Destructure { targets, value } => {
            for t in targets {
                match t {
                    DestructureTarget::Decl { ty: Some(ty), .. } => v.visit_expr(ty),
                    DestructureTarget::Place(e) => v.visit_expr(e),
                    _ => {}
                }
            }
            v.visit_expr(value);
        }
        StmtKind::Assign { target, value, .. } => {
            v.visit_expr(target);
            v.visit_expr(value);
        }
        StmtKind::Discard(e) | StmtKind::Expr(e) => v.visit_expr(e),
        StmtKind::Defer(s) | StmtKind::Errdefer { body: s, .. } => v.visit_stmt(s),
        StmtKind::Unsupported(u) => v.visit_unsupported(stmt.span, u),
    }
}

pub fn walk_expr<'ast, V: Visitor<'ast> + ?Sized>(v: &mut V, expr: &'ast Expr) {
    use ExprKind::*;
    match &expr.kind {
        Ident(_) | Int(_) | Float(_) | Str(_) | Char(_) | Bool(_) | Null | Undefined
        | Unreachable | DotName(_) | ErrorValue(_) | ErrorSet(_) | PrimitiveType(_) => {}
        Builtin { args, .. } => args.iter().for_each(|a| v.visit_expr(a)),
        Call { callee, args } => {
            v.visit_expr(callee);
            args.iter().for_each(|a| v.visit_expr(a));
        }
        Field { object, .. } => v.visit_expr(object),
        Index { object, index } => {
            v.visit_expr(object);
            v.visit_expr(index);
        }
        Slice {
            object,
            start,
            end,
            sentinel,
        } => {
            v.visit_expr(object);
            v.visit_expr(start);
            for e in [end, sentinel].into_iter().flatten() {
                v.visit_expr(e);
            }
        }
        Deref(e) | Unwrap(e) | AddressOf(e) | Try(e) | Comptime(e) | Nosuspend(e) | Optional(e) => {
            v.visit_expr(e)
        }
        Unary { operand, .. } => v.visit_expr(operand),
        Binary { lhs, rhs, .. } | Orelse { lhs, rhs } | Catch { lhs, rhs, .. } => {
            v.visit_expr(lhs);
            v.visit_expr(rhs);
        }
        If(i) => {
            v.visit_expr(&i.cond);
            v.visit_expr(&i.then);
            if let Some(e) = &i.otherwise {
                v.visit_expr(e);
            }
        }
        Switch(s) => {
            v.visit_expr(&s.subject);
            for prong in &s.prongs {
                for item in &prong.items {
                    match item {
                        SwitchItem::Value(e) => v.visit_expr(e),
                        SwitchItem::Range { lo, hi } => {
                            v.visit_expr(lo);
                            v.visit_expr(hi);
                        }
                    }
                }
                v.visit_expr(&prong.body);
            }
        }
        While(w) => {
            v.visit_expr(&w.cond);
            if let Some(s) = &w.continue_expr {
                v.visit_stmt(s);
            }
            v.visit_expr(&w.body);
            if let Some(e) = &w.otherwise {
                v.visit_expr(e);
            }
        }
        For(f) => {
            for input in &f.inputs {
                match input {
                    ForInput::Expr(e) => v.visit_expr(e),
                    ForInput::Range { start, end } => {
                        v.visit_expr(start);
                        if let Some(e) = end {
                            v.visit_expr(e);
                        }
                    }
                }
            }
            v.visit_expr(&f.body);
            if let Some(e) = &f.otherwise {
                v.visit_expr(e);
            }
        }
        Block(b) => walk_block(v, b),
        Return(e) | Break { value: e, .. } | Continue { value: e, .. } => {
            if let Some(e) = e {
                v.visit_expr(e);
            }
        }
        StructInit { ty, fields } => {
            if let Some(t) = ty {
                v.visit_expr(t);
            }
            fields.iter().for_each(|f| v.visit_expr(&f.value));
        }
        ListInit { ty, elems } => {
            if let Some(t) = ty {
                v.visit_expr(t);
            }
            elems.iter().for_each(|e| v.visit_expr(e));
        }
        Container(c) => {
            if let Some(a) = &c.arg {
                v.visit_expr(a);
            }
            c.members.iter().for_each(|d| v.visit_decl(d));
        }
        Range { start, end } => {
            v.visit_expr(start);
            if let Some(e) = end {
                v.visit_expr(e);
            }
        }
        ErrorUnion { error_set, payload } => {
            if let Some(e) = error_set {
                v.visit_expr(e);
            }
            v.visit_expr(payload);
        }
        Pointer(p) => {
            for e in [&p.sentinel, &p.align].into_iter().flatten() {
                v.visit_expr(e);
            }
            v.visit_expr(&p.child);
        }
        Array {
            len,
            sentinel,
            elem,
        } => {
            v.visit_expr(len);
            if let Some(s) = sentinel {
                v.visit_expr(s);
            }
            v.visit_expr(elem);
        }
        FnType(proto) => walk_proto(v, proto),
        Unsupported(u) => v.visit_unsupported(expr.span, u),
    }
}

/// Whether `pred` holds for `e` or for any expression inside it (stops at
/// the first).
pub fn any_expr(e: &Expr, pred: &dyn Fn(&Expr) -> bool) -> bool {
    struct Any<'p>(&'p dyn Fn(&Expr) -> bool, bool);
    impl Visitor<'_> for Any<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            if self.1 {
                return;
            }
            if (self.0)(e) {
                self.1 = true;
                return;
            }
            walk_expr(self, e);
        }
    }
    let mut any = Any(pred, false);
    any.visit_expr(e);
    any.1
}
