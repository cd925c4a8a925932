//! Which stored slices are owned. Zig stores a slice in a container the
//! same way whether it borrows the bytes or allocated them (often in an
//! arena the container owns); Rust needs to know. The rules look at what
//! the module stores: a `StringHashMap(V)` that some `put` fills with a
//! fresh allocation holds owned values. Zig instantiates a generic once per
//! argument list, so every spelling of `StringHashMap([]const u8)` in the
//! module is that one type, and all of them become `HashMap<_, Vec<u8>>`.

use std::collections::{HashMap, HashSet};

use crate::syntax::ir::*;
use crate::syntax::visit::{self, Visitor};

/// Methods whose result is a fresh allocation the caller owns.
const ALLOCATING: &[&str] = &[
    "toOwnedSlice",
    "toOwnedSliceSentinel",
    "dupe",
    "dupeZ",
    "alloc",
    "allocPrint",
    "join",
    "concat",
    "realloc",
];

/// The value types (`V` of `StringHashMap(V)`) of maps the module fills
/// with allocations: `env.vars.put(k, try buf.toOwnedSlice(a))` where some
/// container declares `vars: std.StringHashMap(V)`.
pub(super) fn owned_map_value_types(file: &SourceFile) -> Vec<Expr> {
    let mut scan = Scan::default();
    visit::walk_file(&mut scan, file);
    let Scan {
        map_fields, filled, ..
    } = scan;
    let mut out: Vec<Expr> = Vec::new();
    for field in filled {
        for value in map_fields.get(&field).into_iter().flatten() {
            if !out.contains(value) {
                out.push(value.clone());
            }
        }
    }
    out
}

/// Container fields that hold allocations: `.{ .scalar = text }` or
/// `x.items.append(a, text)` with `text` a fresh allocation. Matched by
/// field name, so only names declared by one field in the module count.
/// Their slices (also as list elements) are owned.
pub(super) fn owned_fields(file: &SourceFile) -> HashSet<String> {
    let mut scan = Scan::default();
    visit::walk_file(&mut scan, file);
    scan.stored_allocations
        .into_iter()
        .filter(|f| scan.declared.get(f) == Some(&1))
        .collect()
}

#[derive(Default)]
struct Scan {
    /// Field name → how many container fields the module declares with it.
    declared: HashMap<String, usize>,
    /// Fields a literal or an `append` stores an allocation into.
    stored_allocations: HashSet<String>,
    /// Field name → the `V` of its `StringHashMap(V)` type (also behind a pointer).
    map_fields: HashMap<String, Vec<Expr>>,
    /// Fields some `put` stores an allocation into.
    filled: HashSet<String>,
    /// Locals initialised with an allocation (`const text = try buf.toOwnedSlice(a);`).
    allocated_locals: HashSet<String>,
}

impl Visitor<'_> for Scan {
    fn visit_decl(&mut self, decl: &Decl) {
        if let DeclKind::Field(f) = &decl.kind {
            *self.declared.entry(f.name.clone()).or_default() += 1;
        }
        if let DeclKind::Field(f) = &decl.kind
            && let Some(value) = f.ty.as_ref().and_then(string_map_value)
        {
            self.map_fields
                .entry(f.name.clone())
                .or_default()
                .push(value.clone());
        }
        visit::walk_decl(self, decl);
    }

    fn visit_stmt(&mut self, s: &Stmt) {
        if let StmtKind::Var(v) = &s.kind
            && v.init.as_ref().is_some_and(|e| self.is_allocation(e))
        {
            self.allocated_locals.insert(v.name.clone());
        }
        visit::walk_stmt(self, s);
    }

    fn visit_expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::StructInit { fields, .. } => {
                for f in fields {
                    if self.is_allocation(&f.value) {
                        self.stored_allocations.insert(f.name.clone());
                    }
                }
            }
            ExprKind::Call { callee, args }
                if let ExprKind::Field { object, member } = &callee.kind
                    && member.starts_with("append")
                    && let ExprKind::Field { member: field, .. } = &object.kind
                    && args.last().is_some_and(|v| self.is_allocation(v)) =>
            {
                self.stored_allocations.insert(field.clone());
            }
            _ => {}
        }
        if let ExprKind::Call { callee, args } = &e.kind
            && let ExprKind::Field { object, member } = &callee.kind
            && member.starts_with("put")
            && let ExprKind::Field { member: field, .. } = &object.kind
            && args.last().is_some_and(|v| self.is_allocation(v))
        {
            self.filled.insert(field.clone());
        }
        visit::walk_expr(self, e);
    }
}

impl Scan {
    fn is_allocation(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Try(inner) => self.is_allocation(inner),
            ExprKind::Ident(n) => self.allocated_locals.contains(n),
            ExprKind::Call { callee, .. } => matches!(
                &callee.kind,
                ExprKind::Field { member, .. } if ALLOCATING.contains(&member.as_str())
            ),
            _ => false,
        }
    }
}

/// `V` in `std.StringHashMap(V)`, `*const std.StringHashMap(V)`.
fn string_map_value(ty: &Expr) -> Option<&Expr> {
    match &ty.kind {
        ExprKind::Pointer(p) if p.size == PointerSize::One => string_map_value(&p.child),
        ExprKind::Call { callee, args } => match (&callee.kind, &args[..]) {
            (ExprKind::Field { member, .. }, [value])
                if matches!(member.as_str(), "StringHashMap" | "StringHashMapUnmanaged") =>
            {
                Some(value)
            }
            _ => None,
        },
        _ => None,
    }
}
