//! In-place IR rewriting, the mutable twin of [`super::visit`]: passes that
//! specialise a copy of the IR (comptime folding) override the hooks they
//! need and let the walkers reach everything else.

use crate::syntax::ir::*;

pub trait VisitorMut {
    fn visit_block_mut(&mut self, block: &mut Block) {
        walk_block_mut(self, block);
    }
    fn visit_stmt_mut(&mut self, stmt: &mut Stmt) {
        walk_stmt_mut(self, stmt);
    }
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        walk_expr_mut(self, expr);
    }
}

pub fn walk_block_mut<V: VisitorMut + ?Sized>(v: &mut V, block: &mut Block) {
    for s in &mut block.stmts {
        v.visit_stmt_mut(s);
    }
}

fn walk_var_mut<V: VisitorMut + ?Sized>(v: &mut V, var: &mut VarDecl) {
    for e in [&mut var.ty, &mut var.init, &mut var.align]
        .into_iter()
        .flatten()
    {
        v.visit_expr_mut(e);
    }
}

pub fn walk_proto_mut<V: VisitorMut + ?Sized>(v: &mut V, proto: &mut FnProto) {
    for p in &mut proto.params {
        if let ParamType::Type(t) = &mut p.ty {
            v.visit_expr_mut(t);
        }
    }
    v.visit_expr_mut(&mut proto.return_type);
    for e in [&mut proto.callconv, &mut proto.align]
        .into_iter()
        .flatten()
    {
        v.visit_expr_mut(e);
    }
}

pub fn walk_stmt_mut<V: VisitorMut + ?Sized>(v: &mut V, stmt: &mut Stmt) {
    match &mut stmt.kind {
        StmtKind::Var(var) => walk_var_mut(v, var),
        StmtKind::Destructure { targets, value } => {
            for t in targets {
                match t {
                    DestructureTarget::Decl { ty: Some(ty), .. } => v.visit_expr_mut(ty),
                    DestructureTarget::Place(e) => v.visit_expr_mut(e),
                    _ => {}
                }
            }
            v.visit_expr_mut(value);
        }
        StmtKind::Assign { target, value, .. } => {
            v.visit_expr_mut(target);
            v.visit_expr_mut(value);
        }
        StmtKind::Discard(e) | StmtKind::Expr(e) => v.visit_expr_mut(e),
        StmtKind::Defer(s) | StmtKind::Errdefer { body: s, .. } => v.visit_stmt_mut(s),
        StmtKind::Unsupported(_) => {}
    }
}

pub fn walk_expr_mut<V: VisitorMut + ?Sized>(v: &mut V, expr: &mut Expr) {
    use ExprKind::*;
    match &mut expr.kind {
        Ident(_) | Int(_) | Float(_) | Str(_) | Char(_) | Bool(_) | Null | Undefined
        | Unreachable | DotName(_) | ErrorValue(_) | ErrorSet(_) | PrimitiveType(_)
        | Unsupported(_) => {}
        Builtin { args, .. } => args.iter_mut().for_each(|a| v.visit_expr_mut(a)),
        Call { callee, args } => {
            v.visit_expr_mut(callee);
            args.iter_mut().for_each(|a| v.visit_expr_mut(a));
        }
        Field { object, .. } => v.visit_expr_mut(object),
        Index { object, index } => {
            v.visit_expr_mut(object);
            v.visit_expr_mut(index);
        }
        Slice {
            object,
            start,
            end,
            sentinel,
        } => {
            v.visit_expr_mut(object);
            v.visit_expr_mut(start);
            for e in [end, sentinel].into_iter().flatten() {
                v.visit_expr_mut(e);
            }
        }
        Deref(e) | Unwrap(e) | AddressOf(e) | Try(e) | Comptime(e) | Nosuspend(e) | Optional(e) => {
            v.visit_expr_mut(e)
        }
        Unary { operand, .. } => v.visit_expr_mut(operand),
        Binary { lhs, rhs, .. } | Orelse { lhs, rhs } | Catch { lhs, rhs, .. } => {
            v.visit_expr_mut(lhs);
            v.visit_expr_mut(rhs);
        }
        If(i) => {
            v.visit_expr_mut(&mut i.cond);
            v.visit_expr_mut(&mut i.then);
            if let Some(e) = &mut i.otherwise {
                v.visit_expr_mut(e);
            }
        }
        Switch(s) => {
            v.visit_expr_mut(&mut s.subject);
            for prong in &mut s.prongs {
                for item in &mut prong.items {
                    match item {
                        SwitchItem::Value(e) => v.visit_expr_mut(e),
                        SwitchItem::Range { lo, hi } => {
                            v.visit_expr_mut(lo);
                            v.visit_expr_mut(hi);
                        }
                    }
                }
                v.visit_expr_mut(&mut prong.body);
            }
        }
        While(w) => {
            v.visit_expr_mut(&mut w.cond);
            if let Some(s) = &mut w.continue_expr {
                v.visit_stmt_mut(s);
            }
            v.visit_expr_mut(&mut w.body);
            if let Some(e) = &mut w.otherwise {
                v.visit_expr_mut(e);
            }
        }
        For(f) => {
            for input in &mut f.inputs {
                match input {
                    ForInput::Expr(e) => v.visit_expr_mut(e),
                    ForInput::Range { start, end } => {
                        v.visit_expr_mut(start);
                        if let Some(e) = end {
                            v.visit_expr_mut(e);
                        }
                    }
                }
            }
            v.visit_expr_mut(&mut f.body);
            if let Some(e) = &mut f.otherwise {
                v.visit_expr_mut(e);
            }
        }
        Block(b) => v.visit_block_mut(b),
        Return(e) | Break { value: e, .. } | Continue { value: e, .. } => {
            if let Some(e) = e {
                v.visit_expr_mut(e);
            }
        }
        StructInit { ty, fields } => {
            if let Some(t) = ty {
                v.visit_expr_mut(t);
            }
            fields
                .iter_mut()
                .for_each(|f| v.visit_expr_mut(&mut f.value));
        }
        ListInit { ty, elems } => {
            if let Some(t) = ty {
                v.visit_expr_mut(t);
            }
            elems.iter_mut().for_each(|e| v.visit_expr_mut(e));
        }
        // A nested type is its own scope: comptime folding stops there.
        Container(_) => {}
        Range { start, end } => {
            v.visit_expr_mut(start);
            if let Some(e) = end {
                v.visit_expr_mut(e);
            }
        }
        ErrorUnion { error_set, payload } => {
            if let Some(e) = error_set {
                v.visit_expr_mut(e);
            }
            v.visit_expr_mut(payload);
        }
        Pointer(p) => {
            for e in [&mut p.sentinel, &mut p.align].into_iter().flatten() {
                v.visit_expr_mut(e);
            }
            v.visit_expr_mut(&mut p.child);
        }
        Array {
            len,
            sentinel,
            elem,
        } => {
            v.visit_expr_mut(len);
            if let Some(s) = sentinel {
                v.visit_expr_mut(s);
            }
            v.visit_expr_mut(elem);
        }
        FnType(proto) => walk_proto_mut(v, proto),
    }
}
