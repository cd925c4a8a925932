//! Many-item pointers that are slices in disguise. Zig code often passes
//! `s.ptr` plus offsets to helpers (`fetch32(str.ptr, str.len - 4)`) where
//! every pointer comes from a slice and is only indexed or sliced. Such a
//! helper takes a slice in Rust: the same reads, bounds-checked, no
//! `unsafe`. A helper qualifies when it is private (no caller outside the
//! module), every call in the module passes a slice-derived pointer, and
//! its body only indexes, slices, re-offsets (`@ptrCast(&p[i])`) or passes
//! on its pointers. Everything else keeps the raw-pointer rules.

use std::collections::{HashMap, HashSet};

use crate::syntax::ir::*;
use crate::syntax::visit::{self, Visitor};

/// What the rules lift: function names, and the `var p = s.ptr;` locals
/// (by declaration span start).
#[derive(Debug, Default)]
pub(super) struct SlicePointers {
    pub(super) fns: HashSet<String>,
    pub(super) locals: HashSet<u32>,
}

/// `[*]const T` (not `[*]T`: writes through a lifted pointer would need
/// `&mut` and the aliasing Zig allows).
pub(super) fn is_const_many_pointer(ty: &Expr) -> bool {
    matches!(&ty.kind, ExprKind::Pointer(p) if p.size == PointerSize::Many && p.is_const && p.sentinel.is_none())
}

struct Candidate {
    /// Indices of the `[*]const T` parameters.
    pointer_params: Vec<usize>,
    returns_pointer: bool,
}

pub(super) fn slice_pointers(file: &SourceFile) -> SlicePointers {
    let mut all: Vec<(&FnDecl, bool)> = Vec::new();
    collect_fns(&file.members, &mut all);
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (f, _) in &all {
        *seen.entry(f.name.as_str()).or_default() += 1;
    }
    let candidates: HashMap<&str, Candidate> = all
        .iter()
        .filter(|(f, is_pub)| !is_pub && seen.get(f.name.as_str()) == Some(&1) && f.body.is_some())
        .filter_map(|(f, _)| {
            let pointer_params: Vec<usize> = f
                .proto
                .params
                .iter()
                .enumerate()
                .filter(|(_, p)| matches!(&p.ty, ParamType::Type(t) if is_const_many_pointer(t)))
                .map(|(i, _)| i)
                .collect();
            let returns_pointer = is_const_many_pointer(&f.proto.return_type);
            (!pointer_params.is_empty() || returns_pointer).then_some((
                f.name.as_str(),
                Candidate {
                    pointer_params,
                    returns_pointer,
                },
            ))
        })
        .collect();
    let mut lifted: HashSet<String> = candidates.keys().map(|n| n.to_string()).collect();
    loop {
        let mut keep = lifted.clone();
        let mut locals = HashSet::new();
        for (f, _) in &all {
            let mut scope = FnScope::new(f, &lifted, &candidates);
            let Some(body) = &f.body else { continue };
            scope.collect_locals(body);
            let ok = scope.check_block(body);
            if !ok {
                keep.remove(&f.name);
            }
            for bad in scope.bad_callees {
                keep.remove(&bad);
            }
            locals.extend(scope.locals.values().copied());
        }
        if keep == lifted {
            return SlicePointers {
                fns: lifted,
                locals,
            };
        }
        lifted = keep;
    }
}

fn collect_fns<'f>(members: &'f [Decl], out: &mut Vec<(&'f FnDecl, bool)>) {
    for d in members {
        match &d.kind {
            DeclKind::Fn(f) => out.push((f, d.is_pub)),
            DeclKind::Var(VarDecl {
                init:
                    Some(Expr {
                        kind: ExprKind::Container(c),
                        ..
                    }),
                ..
            }) => collect_fns(&c.members, out),
            _ => {}
        }
    }
}

/// One function's pointer-valued names while checking it.
struct FnScope<'a> {
    /// The function's own `[*]const` parameters, when it is lifted.
    params: HashSet<String>,
    /// `var p = s.ptr;` locals: name → declaration span start.
    locals: HashMap<String, u32>,
    lifted: &'a HashSet<String>,
    candidates: &'a HashMap<&'a str, Candidate>,
    /// Callees passed something that is not a slice-derived pointer.
    bad_callees: Vec<String>,
}

impl<'a> FnScope<'a> {
    fn new(
        f: &FnDecl,
        lifted: &'a HashSet<String>,
        candidates: &'a HashMap<&'a str, Candidate>,
    ) -> Self {
        let params = match candidates.get(f.name.as_str()) {
            Some(c) if lifted.contains(&f.name) => c
                .pointer_params
                .iter()
                .filter_map(|&i| f.proto.params[i].name.clone())
                .collect(),
            _ => HashSet::new(),
        };
        FnScope {
            params,
            locals: HashMap::new(),
            lifted,
            candidates,
            bad_callees: Vec::new(),
        }
    }

    /// `var ptr = str.ptr;` whose every assignment is slice-derived too.
    fn collect_locals(&mut self, body: &Block) {
        struct Decls(Vec<(String, u32, Expr)>, Vec<(String, Expr)>);
        impl Visitor<'_> for Decls {
            fn visit_stmt(&mut self, s: &Stmt) {
                match &s.kind {
                    StmtKind::Var(v) if v.ty.as_ref().is_none_or(is_const_many_pointer) => {
                        if let Some(init) = &v.init {
                            self.0.push((v.name.clone(), v.span.start, init.clone()));
                        }
                    }
                    StmtKind::Assign {
                        op: AssignOp::Assign,
                        target:
                            Expr {
                                kind: ExprKind::Ident(n),
                                ..
                            },
                        value,
                    } => self.1.push((n.clone(), value.clone())),
                    _ => {}
                }
                visit::walk_stmt(self, s);
            }
        }
        let mut decls = Decls(Vec::new(), Vec::new());
        visit::walk_block(&mut decls, body);
        // Optimistic, then pruned: a local may be assigned from another.
        for (name, span, init) in &decls.0 {
            if is_slice_ptr_field(init) || self.is_lifted_call(init) {
                self.locals.insert(name.clone(), *span);
            }
        }
        loop {
            let bad: Vec<String> = self
                .locals
                .keys()
                .filter(|n| {
                    decls
                        .1
                        .iter()
                        .any(|(t, v)| t == *n && !self.slice_derived(v))
                })
                .cloned()
                .collect();
            if bad.is_empty() {
                break;
            }
            for b in bad {
                self.locals.remove(&b);
            }
        }
    }

    fn is_pointer_name(&self, n: &str) -> bool {
        self.params.contains(n) || self.locals.contains_key(n)
    }

    fn is_lifted_call(&self, e: &Expr) -> bool {
        match call_parts(e) {
            Some((callee, _)) => {
                self.lifted.contains(&callee)
                    && self
                        .candidates
                        .get(callee.as_str())
                        .is_some_and(|c| c.returns_pointer)
            }
            None => false,
        }
    }

    /// A pointer the lifted rules can hold as a slice.
    fn slice_derived(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ident(n) => self.is_pointer_name(n),
            _ => is_slice_ptr_field(e) || self.is_lifted_call(e),
        }
    }

    /// Checks a body; `false` when a pointer name is used some other way.
    fn check_block(&mut self, b: &Block) -> bool {
        struct Check<'s, 'a>(&'s mut FnScope<'a>, bool);
        impl Visitor<'_> for Check<'_, '_> {
            fn visit_stmt(&mut self, s: &Stmt) {
                // `ptr = offsetPtr(ptr, 20);` was checked with the locals.
                if let StmtKind::Assign {
                    op: AssignOp::Assign,
                    target:
                        Expr {
                            kind: ExprKind::Ident(n),
                            ..
                        },
                    value,
                } = &s.kind
                    && self.0.locals.contains_key(n)
                {
                    self.visit_expr(value);
                    return;
                }
                if let StmtKind::Var(v) = &s.kind
                    && self.0.locals.contains_key(&v.name)
                    && let Some(init) = &v.init
                    && is_slice_ptr_field(init)
                {
                    return;
                }
                visit::walk_stmt(self, s);
            }
            fn visit_expr(&mut self, e: &Expr) {
                match &e.kind {
                    // A bare pointer name anywhere not handled below.
                    ExprKind::Ident(n) if self.0.is_pointer_name(n) => self.1 = false,
                    // `p[i]`, `p[a..b]`.
                    ExprKind::Index { object, index } if is_name(object, self.0) => {
                        self.visit_expr(index)
                    }
                    ExprKind::Slice {
                        object, start, end, ..
                    } if is_name(object, self.0) => {
                        self.visit_expr(start);
                        if let Some(end) = end {
                            self.visit_expr(end);
                        }
                    }
                    // `@as([*]const u8, @ptrCast(&p[i]))`: `p` re-offset.
                    ExprKind::Builtin { name, args } if name == "as" && args.len() == 2 => {
                        if let Some(inner) = reoffset_of(&args[1])
                            && is_name(inner.0, self.0)
                        {
                            self.visit_expr(inner.1);
                        } else {
                            visit::walk_expr(self, e);
                        }
                    }
                    _ if let Some((callee, args)) = call_parts(e) => {
                        let pointer_params = self
                            .0
                            .candidates
                            .get(callee.as_str())
                            .map(|c| c.pointer_params.clone())
                            .unwrap_or_default();
                        let lifted = self.0.lifted.contains(&callee);
                        for (i, a) in args.iter().enumerate() {
                            if pointer_params.contains(&i) && lifted {
                                if !self.0.slice_derived(a) {
                                    self.0.bad_callees.push(callee.clone());
                                }
                                if !matches!(a.kind, ExprKind::Ident(_)) {
                                    self.visit_expr(a);
                                }
                            } else {
                                self.visit_expr(a);
                            }
                        }
                    }
                    _ => visit::walk_expr(self, e),
                }
            }
        }
        fn is_name(e: &Expr, s: &FnScope) -> bool {
            matches!(&e.kind, ExprKind::Ident(n) if s.is_pointer_name(n))
        }
        let mut check = Check(self, true);
        visit::walk_block(&mut check, b);
        check.1
    }
}

/// `x.ptr`.
fn is_slice_ptr_field(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Field { member, .. } if member == "ptr")
}

/// `f(args)`, `Self.f(args)` or `@call(.always_inline, f, .{ args })`:
/// the callee's short name and the arguments.
fn call_parts(e: &Expr) -> Option<(String, Vec<Expr>)> {
    match &e.kind {
        ExprKind::Call { callee, args } => match &callee.kind {
            ExprKind::Ident(n) => Some((n.clone(), args.clone())),
            ExprKind::Field { object, member } if matches!(&object.kind, ExprKind::Ident(o) if o == "Self") => {
                Some((member.clone(), args.clone()))
            }
            _ => None,
        },
        ExprKind::Builtin { name, args } => {
            let call = super::builtins::plain_call_of(name, args, e.span)?;
            call_parts(&call)
        }
        _ => None,
    }
}

/// `@ptrCast(&p[i])`: `(p, i)`.
pub(super) fn reoffset_of(e: &Expr) -> Option<(&Expr, &Expr)> {
    let ExprKind::Builtin { name, args } = &e.kind else {
        return None;
    };
    if name != "ptrCast" {
        return None;
    }
    let ExprKind::AddressOf(place) = &args.first()?.kind else {
        return None;
    };
    let ExprKind::Index { object, index } = &place.kind else {
        return None;
    };
    Some((object, index))
}
