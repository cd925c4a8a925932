//! Statements, blocks and control flow.

use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeSet, HashMap, HashSet};

use super::expr::{diverges, lifetime, named_type};
use super::names::{self, camel_case, ident};
use super::types::{Ty, rust_type};
use super::{LoopFrame, Translator, comment_marker};
use crate::syntax::ir::*;

impl<'a> Translator<'a> {
    /// A block as a Rust block expression (`'label: { ... }`).
    pub(super) fn block_expr(&mut self, b: &Block, expected: &Ty) -> TokenStream {
        // `vectorized: { const n = std.simd.suggestVectorLength(T) orelse
        // break :vectorized; .. }`: the SIMD fast path is not ported.
        if let (Some(label), Some(first)) = (&b.label, b.stmts.first())
            && let StmtKind::Var(v) = &first.kind
            && let Some(Expr {
                kind: ExprKind::Orelse { lhs, rhs },
                ..
            }) = &v.init
            && self.is_vector_length_query(lhs)
            && matches!(&rhs.kind, ExprKind::Break { label: Some(l), value: None } if l == label)
        {
            self.skip_comments_to(b.span.end);
            return simd_path_dropped();
        }
        let body = self.block_body(b, expected);
        match &b.label {
            Some(l) => {
                let l = lifetime(l);
                quote!(#l: { #body })
            }
            None => quote!({ #body }),
        }
    }

    /// The statements of a block (without braces), with Zig comments.
    pub(super) fn block_body(&mut self, b: &Block, _expected: &Ty) -> TokenStream {
        self.push_scope();
        let body = self.stmts(&b.stmts, b.span.end);
        self.pop_scope();
        body
    }

    /// Statements in the current scope, with the Zig comments before each
    /// and those up to `end`.
    fn stmts(&mut self, stmts: &[Stmt], end: u32) -> TokenStream {
        let mut out = Vec::new();
        // `defer begin = end;`: deferred stores to locals, run at the end.
        let mut at_end = Vec::new();
        // `var out: ArrayList(u8) = .empty;` then `out.ensureTotalCapacity(..)`:
        // one `Vec::with_capacity`.
        let mut reserved: Option<usize> = None;
        // `var i: usize = 0; while (it.next()) |x| : (i += 1)`: the loop
        // (by index) counts with `enumerate()`; the counter's name.
        let mut enumerated: Option<(usize, String)> = None;
        for (i, s) in stmts.iter().enumerate() {
            out.extend(self.comments_before(s.span.start));
            if reserved == Some(i) {
                self.skip_comments_to(s.span.end);
                continue;
            }
            if let StmtKind::Var(v) = &s.kind
                && let Some((j, it)) = counted_loop(v, &stmts[i + 1..])
                && matches!(self.local(&it), Some(Ty::Split { .. }))
            {
                enumerated = Some((i + 1 + j, v.name.clone()));
                self.bind(&v.name, Ty::Int("usize".into()));
                self.skip_comments_to(s.span.end);
                continue;
            }
            if let Some((j, counter)) = &enumerated
                && *j == i
                && let StmtKind::Expr(Expr {
                    kind: ExprKind::While(w),
                    ..
                }) = &s.kind
            {
                out.push(self.enumerated_loop(w, counter));
                self.skip_comments_to(s.span.end);
                continue;
            }
            if let StmtKind::Var(v) = &s.kind
                && let Some((j, n)) = first_reserve(v, &stmts[i + 1..])
                && self
                    .infer_declared(v)
                    .is_some_and(|t| matches!(t, Ty::Vec(_)))
            {
                reserved = Some(i + 1 + j);
                out.push(self.let_with_capacity(v, n));
            } else if let StmtKind::Var(v) = &s.kind
                && v.ty.is_some()
                && matches!(
                    &v.init,
                    Some(Expr {
                        kind: ExprKind::Undefined,
                        ..
                    })
                )
                && let Some(first_use) = stmts[i + 1..]
                    .iter()
                    .position(|n| stmt_mentions(n, &v.name))
                && let StmtKind::Expr(next) = &stmts[i + 1 + first_use].kind
                && assigns_first(next, &v.name)
                && let Some(decl) = self.let_deferred(v, &stmts[i + 1 + first_use..])
            {
                out.push(decl);
            } else if let StmtKind::Defer(body) = &s.kind
                && self.defers_to_block_end(body, &stmts[i + 1..])
            {
                at_end.push(body.as_ref());
            } else {
                // `const decoded = buffer[0..n];` later handed to a `[]u8`
                // parameter: Zig's slice of a `var` array is mutable.
                if let StmtKind::Var(v) = &s.kind
                    && v.ty.is_none()
                    && matches!(
                        &v.init,
                        Some(Expr {
                            kind: ExprKind::Slice { .. },
                            ..
                        })
                    )
                    && self.lent_mutably_later(&v.name, &stmts[i + 1..])
                {
                    self.state.mutable_slice_locals.insert(v.span.start);
                }
                out.push(self.stmt(s));
            }
            self.skip_comments_to(s.span.end);
        }
        let falls_through = stmts.last().is_none_or(|s| match &s.kind {
            StmtKind::Expr(e) => !diverges(e),
            _ => true,
        });
        if falls_through {
            for body in at_end.into_iter().rev() {
                out.push(self.stmt(body));
            }
        }
        out.extend(self.comments_before(end));
        quote!(#(#out)*)
    }

    /// Whether a later statement passes `name` where a call takes a
    /// mutable slice (`decoder.decode(decoded, src)` with `dest: []u8`).
    fn lent_mutably_later(&self, name: &str, rest: &[Stmt]) -> bool {
        use crate::syntax::visit::{self, Visitor};
        struct Calls<'t, 'a>(&'t Translator<'a>, &'t str, bool);
        impl Visitor<'_> for Calls<'_, '_> {
            fn visit_expr(&mut self, e: &Expr) {
                if let ExprKind::Call { callee, args } = &e.kind
                    && let Some(i) = args
                        .iter()
                        .position(|a| matches!(&a.kind, ExprKind::Ident(n) if n == self.1))
                    && let Some(params) = self.0.call_param_types(callee)
                    && matches!(params.get(i), Some(Ty::Slice { mutable: true, .. }))
                {
                    self.2 = true;
                }
                visit::walk_expr(self, e);
            }
        }
        let mut calls = Calls(self, name, false);
        for s in rest {
            calls.visit_stmt(s);
        }
        calls.2
    }

    /// The parameter types (receiver excluded) of the function a call
    /// names, when the rules know it: a module function, `Type.f`, or a
    /// method of a value whose type they infer.
    fn call_param_types(&self, callee: &Expr) -> Option<Vec<Ty>> {
        match &callee.kind {
            ExprKind::Ident(n) if self.local(n).is_none() => {
                Some(self.scope.fns.get(n)?.params.clone())
            }
            ExprKind::Field { object, member } => {
                if let ExprKind::Ident(t) = &object.kind
                    && self.local(t).is_none()
                    && let Some(info) = self.lookup_type(t)
                {
                    return Some(info.methods.get(member)?.params.clone());
                }
                let receiver = match self.infer(object) {
                    Ty::Ref { to, .. } => *to,
                    t => t,
                };
                let Ty::Named(t) = receiver else { return None };
                let sig = self.lookup_type(&t)?.methods.get(member)?;
                Some(sig.params.iter().skip(1).cloned().collect())
            }
            _ => None,
        }
    }

    /// The declared type of `v`, when it has one.
    fn infer_declared(&self, v: &VarDecl) -> Option<Ty> {
        v.ty.as_ref().map(|t| self.zig_type(t))
    }

    /// `let mut out: Vec<T> = Vec::with_capacity(n);`
    fn let_with_capacity(&mut self, v: &VarDecl, n: &Expr) -> TokenStream {
        let ty = self.infer_declared(v).unwrap_or(Ty::Unknown);
        let name = ident(&v.name);
        let annotation = rust_type(&ty).map(|t| quote!(: #t));
        let n = self.index_expr(n);
        self.bind(&v.name, ty);
        quote!(let mut #name #annotation = Vec::with_capacity(#n);)
    }

    /// A `defer` that only stores to a local (`defer begin = end;`) in a
    /// block left only by falling off its end or by `return`/`try` (after
    /// which the local is gone): the store runs once, at the block's end.
    fn defers_to_block_end(&self, body: &Stmt, rest: &[Stmt]) -> bool {
        let StmtKind::Assign { target, .. } = &body.kind else {
            return false;
        };
        let ExprKind::Ident(name) = &target.kind else {
            return false;
        };
        if self.local(name).is_none() {
            return false;
        }
        let mut jumps = LoopJumps(false);
        for s in rest {
            crate::syntax::visit::Visitor::visit_stmt(&mut jumps, s);
        }
        !jumps.0
    }

    pub(super) fn stmt(&mut self, s: &Stmt) -> TokenStream {
        match &s.kind {
            StmtKind::Var(v) => self.let_stmt(v),
            StmtKind::Destructure { targets, value } => {
                // `const len: u3, var cp: u21 = switch ..`: the declared
                // types type the value (its tuples coerce) and the pattern.
                let declared: Vec<Ty> = targets
                    .iter()
                    .map(|t| match t {
                        DestructureTarget::Decl { ty: Some(t), .. } => self.zig_type(t),
                        _ => Ty::Unknown,
                    })
                    .collect();
                let annotation = declared
                    .iter()
                    .map(rust_type)
                    .collect::<Option<Vec<_>>>()
                    .map(|types| quote!(: (#(#types),*)));
                let expected = if annotation.is_some() {
                    Ty::Tuple(declared)
                } else {
                    Ty::Unknown
                };
                let v = self.expr(value, &expected);
                let value_types = match self.infer(value) {
                    Ty::Tuple(types) => types,
                    _ => Vec::new(),
                };
                let mut pats = Vec::new();
                let mut assigns = Vec::new();
                for (i, t) in targets.iter().enumerate() {
                    match t {
                        DestructureTarget::Decl {
                            name,
                            mutability,
                            ty,
                        } => {
                            let ty = ty.as_ref().map_or_else(
                                || value_types.get(i).cloned().unwrap_or(Ty::Unknown),
                                |t| self.zig_type(t),
                            );
                            self.bind(name, ty);
                            let n = ident(name);
                            pats.push(match mutability {
                                Mutability::Var => quote!(mut #n),
                                Mutability::Const => quote!(#n),
                            });
                        }
                        DestructureTarget::Discard => pats.push(quote!(_)),
                        DestructureTarget::Place(place) => {
                            let tmp = ident(&format!("__zigport_d{i}"));
                            let p = self.expr(place, &Ty::Unknown);
                            pats.push(quote!(#tmp));
                            assigns.push(quote!(#p = #tmp;));
                        }
                    }
                }
                quote!(let (#(#pats),*) #annotation = #v; #(#assigns)*)
            }
            StmtKind::Assign { op, target, value } => self.assign(*op, target, value),
            // `_ = allocator;` names a parameter that no longer exists.
            StmtKind::Discard(e) if self.infer(e) == Ty::Allocator => quote!(),
            StmtKind::Discard(e) => {
                let e = self.expr(e, &Ty::Unknown);
                quote!(let _ = #e;)
            }
            StmtKind::Expr(e) => {
                let t = self.expr(e, &Ty::Void);
                if t.is_empty() || t.to_string() == "()" {
                    // A call whose work Rust does elsewhere (`refAllDecls`).
                    let text = self.zig_text(e.span).to_string();
                    return comment_marker(&format!("zigport: `{text}` has nothing to do in Rust"));
                }
                quote!(#t;)
            }
            StmtKind::Defer(body) | StmtKind::Errdefer { body, .. } => self.deferred(s, body),
            StmtKind::Unsupported(u) => {
                let t = self.todo(format!("{} ({})", u.reason, u.kind.as_str()));
                quote!(#t;)
            }
        }
    }

    /// Whether the module writes elements of `name` (`name[i] = ...`,
    /// `name[a..b]` as a destination). Textual, so a same-named variable
    /// in another function can make a binding `mut` needlessly (a lint,
    /// never an error).
    fn writes_through(&self, name: &str) -> bool {
        let text = self.source;
        // Passed to a call: it may be a `[]u8` parameter (a needless `mut`
        // when it is not is only a lint).
        let passed = [
            format!("({name},"),
            format!("({name})"),
            format!(", {name})"),
            format!(", {name},"),
        ];
        if passed.iter().any(|p| text.contains(p.as_str())) {
            return true;
        }
        let pattern = format!("{name}[");
        text.match_indices(&pattern).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.') {
                return false;
            }
            let rest = &text[i + pattern.len()..];
            let Some(close) = rest.find(']') else {
                return false;
            };
            let after = rest[close + 1..].trim_start();
            (after.starts_with('=') && !after.starts_with("=="))
                || ["+=", "-=", "*=", "|=", "&=", "^=", "<<=", ">>=", "%="]
                    .iter()
                    .any(|op| after.starts_with(op))
                || text[..i].trim_end().ends_with("@memcpy(")
                || text[..i].trim_end().ends_with("@memset(")
        })
    }

    fn let_stmt(&mut self, v: &VarDecl) -> TokenStream {
        // `const State = enum { .. };`: emitted at module level (see
        // `ModuleScope::local_types`), named here through the bindings.
        if matches!(
            &v.init,
            Some(Expr {
                kind: ExprKind::Container(_),
                ..
            })
        ) && self
            .container_types
            .iter()
            .any(|(n, t)| *n == v.name && matches!(t, Ty::Named(_)))
        {
            return quote!();
        }
        let mut ty = v.ty.as_ref().map_or(Ty::Unknown, |t| self.zig_type(t));
        if self.state.mutable_slice_locals.contains(&v.span.start)
            && let Some(init) = &v.init
            && let Ty::Slice { elem, .. } = self.infer(init)
        {
            ty = Ty::Slice {
                elem,
                mutable: true,
            };
        }
        // `var ptr = str.ptr;` that only feeds lifted pointers: a slice.
        if self.scope.slice_pointers.locals.contains(&v.span.start)
            && let Some(init) = &v.init
        {
            ty = match &init.kind {
                ExprKind::Field { object, .. } => match self.infer(object) {
                    Ty::Slice { elem, .. } => Ty::Slice {
                        elem,
                        mutable: false,
                    },
                    _ => Ty::Unknown,
                },
                _ => self.infer(init),
            };
        }
        let init_ty = match (&ty, &v.init) {
            (Ty::Unknown, Some(init)) => self.infer(init),
            _ => ty.clone(),
        };
        let name = ident(&v.name);
        // `const a = std.testing.allocator;`: allocators are Rust's global
        // one, so the binding disappears (its uses already do).
        if init_ty == Ty::Allocator {
            self.bind(&v.name, Ty::Allocator);
            return quote!();
        }
        // A borrowing struct whose borrowed place the body changes while
        // it lives: built where it is used (`ident_expr`).
        if self.state.rebuildable.contains(&v.name)
            && self.mentions_borrowing_type(&ty)
            && let Some(init) = &v.init
        {
            self.state
                .rebuilt
                .insert(v.name.clone(), (init.clone(), ty.clone()));
            self.bind(&v.name, ty);
            return quote!();
        }
        // `const std_dec = std.base64.standard.Decoder;`: a name for a std
        // codec or namespace, which calls through it resolve (`std_path`).
        if v.mutability == Mutability::Const
            && v.ty.is_none()
            && let Some(
                init @ Expr {
                    kind: ExprKind::Field { .. },
                    ..
                },
            ) = &v.init
            && let Some(path) = self.std_path(init)
            && (matches!(&path[..], [b, _, part] if b == "base64" && (part == "Encoder" || part == "Decoder"))
                // `const testing = std.testing;`: a std namespace.
                || matches!(&path[..], [ns] if STD_NAMESPACES.contains(&ns.as_str())))
        {
            self.state.std_aliases.insert(v.name.clone(), path);
            return quote!();
        }
        // A place alias: its uses spell the place (`ident_expr`).
        if self.state.place_aliases.contains_key(&v.name) {
            self.bind(&v.name, init_ty);
            return quote!();
        }
        // A Zig `const` owned buffer still has mutable elements; Rust needs
        // the binding `mut` when the function writes through it.
        let writes_elements = matches!(init_ty, Ty::Vec(_)) && self.writes_through(&v.name);
        let mutability = (v.mutability == Mutability::Var || writes_elements).then(|| quote!(mut));
        let annotation = rust_type(&ty).map(|t| quote!(: #t));
        if v.ty.is_some() && annotation.is_none() {
            let text = self
                .zig_text(v.ty.as_ref().map_or(v.span, |t| t.span))
                .to_string();
            let todo = self.todo(format!("type `{text}`"));
            self.bind(&v.name, Ty::Unknown);
            return quote!(let #mutability #name = #todo;);
        }
        let init = match &v.init {
            Some(Expr {
                kind: ExprKind::Undefined,
                ..
            }) => match &ty {
                Ty::Array { elem, len } if let Some(filled) = self.filled_array(elem, len) => {
                    let how = if elem.is_integer() { "zero" } else { "default" };
                    let marker = comment_marker(&format!(
                        "PERF(port): `{}` {how}-initialised; Zig left it undefined",
                        v.name
                    ));
                    self.bind(&v.name, ty.clone());
                    return quote!(#marker let #mutability #name #annotation = #filled;);
                }
                _ => quote!(Default::default()),
            },
            Some(
                init @ Expr {
                    kind: ExprKind::AddressOf(_),
                    ..
                },
            ) if ty == Ty::Unknown && self.state.written_pointers.contains(&v.name) => {
                let to = match &init_ty {
                    Ty::Ref { to, .. } => to.clone(),
                    _ => Box::new(Ty::Unknown),
                };
                self.expr(init, &Ty::Ref { to, mutable: true })
            }
            Some(init) => self.coerced(init, &ty),
            None => self.todo("declaration without a value"),
        };
        self.bind(&v.name, init_ty);
        quote!(let #mutability #name #annotation = #init;)
    }

    fn assign(&mut self, op: AssignOp, target: &Expr, value: &Expr) -> TokenStream {
        if op == AssignOp::Assign
            && let Some(store) = self.packed_store(target, value)
        {
            return store;
        }
        let ty = self.infer(target);
        // A store through a many-item pointer: the whole assignment is
        // the unsafe operation.
        if let ExprKind::Index { object, index } = &target.kind
            && matches!(self.infer(object), Ty::Raw { .. })
        {
            self.unsafe_blocks += 1;
            let o = self.operand(object, &Ty::Unknown);
            let i = self.index_expr(index);
            let v = self.coerced(value, &ty);
            let safety = comment_marker(
                "SAFETY: the Zig original stored through this many-item pointer unchecked; the caller guarantees the index is in bounds.",
            );
            let place = quote!(*#o.add(#i));
            let store = self.compound(op, place, v);
            return quote!(unsafe { #safety #store });
        }
        let t = self.expr(target, &Ty::Unknown);
        // A tagged union's payload read (a `match`) is no place to assign
        // to: a TODO rather than a statement that does not parse.
        if matches!(t.clone().into_iter().next(), Some(proc_macro2::TokenTree::Ident(i)) if i == "match")
        {
            let todo = self.todo("assignment to a tagged union's payload");
            return quote!(#todo;);
        }
        let v = self.coerced(value, &ty);
        let bound = match op {
            AssignOp::Add => Some("AddAssign"),
            AssignOp::Sub => Some("SubAssign"),
            AssignOp::Mul => Some("MulAssign"),
            AssignOp::Div => Some("DivAssign"),
            AssignOp::Rem => Some("RemAssign"),
            AssignOp::BitAnd => Some("BitAndAssign"),
            AssignOp::BitOr => Some("BitOrAssign"),
            AssignOp::BitXor => Some("BitXorAssign"),
            _ => None,
        };
        if let Some(bound) = bound {
            self.need_bound(&ty, bound);
        }
        // `acc <<= 6` / `acc +%= d` on a `u12` (a `u16` in Rust): Zig's 12
        // bits are kept.
        if matches!(
            op,
            AssignOp::AddWrap | AssignOp::SubWrap | AssignOp::MulWrap | AssignOp::Shl
        ) && let Some(bits) = super::builtins::odd_unsigned_bits(&ty)
        {
            let mask = proc_macro2::Literal::u128_unsuffixed((1u128 << bits) - 1);
            let r = method_receiver(&t);
            let result = match op {
                AssignOp::AddWrap => quote!(#r.wrapping_add(#v)),
                AssignOp::SubWrap => quote!(#r.wrapping_sub(#v)),
                AssignOp::MulWrap => quote!(#r.wrapping_mul(#v)),
                _ => quote!(#r << #v),
            };
            return quote!(#t = (#result) & #mask;);
        }
        self.compound(op, t, v)
    }

    /// `target op= value;` with Zig's wrapping and saturating variants.
    fn compound(&mut self, op: AssignOp, t: TokenStream, v: TokenStream) -> TokenStream {
        let r = method_receiver(&t);
        match op {
            AssignOp::Assign => quote!(#t = #v;),
            AssignOp::Add => quote!(#t += #v;),
            AssignOp::Sub => quote!(#t -= #v;),
            AssignOp::Mul => quote!(#t *= #v;),
            AssignOp::Div => quote!(#t /= #v;),
            AssignOp::Rem => quote!(#t %= #v;),
            AssignOp::Shl => quote!(#t <<= #v;),
            AssignOp::Shr => quote!(#t >>= #v;),
            AssignOp::BitAnd => quote!(#t &= #v;),
            AssignOp::BitOr => quote!(#t |= #v;),
            AssignOp::BitXor => quote!(#t ^= #v;),
            AssignOp::AddWrap => quote!(#t = #r.wrapping_add(#v);),
            AssignOp::SubWrap => quote!(#t = #r.wrapping_sub(#v);),
            AssignOp::MulWrap => quote!(#t = #r.wrapping_mul(#v);),
            AssignOp::AddSat => quote!(#t = #r.saturating_add(#v);),
            AssignOp::SubSat => quote!(#t = #r.saturating_sub(#v);),
            AssignOp::MulSat => quote!(#t = #r.saturating_mul(#v);),
            AssignOp::ShlSat => {
                let todo = self.todo("saturating shift `<<|=`");
                quote!(#todo;)
            }
        }
    }

    /// `defer`/`errdefer` of a free or `deinit` disappears: Rust ownership
    /// frees. Any other deferred effect needs a scope guard: a TODO.
    /// A `defer`/`errdefer` with side effects in a function's own block:
    /// the statements after it run in a closure (its `return`s and `?`s
    /// leave the closure, as they would leave the function), then the
    /// deferred statement runs (for `errdefer`, on an error only), then
    /// the closure's result is returned. Nested blocks keep the TODO: a
    /// `return` in the closure would not leave the function.
    fn scope_guarded_body(&mut self, b: &Block, ret: &Ty) -> Option<TokenStream> {
        let k = b.stmts.iter().position(|s| match &s.kind {
            StmtKind::Defer(body) => !drops_by_ownership(body),
            StmtKind::Errdefer {
                capture: None,
                body,
            } => !drops_by_ownership(body),
            _ => false,
        })?;
        // A closure's return type cannot elide lifetimes: only owned results.
        if holds_reference(ret) || self.mentions_borrowing_type(ret) {
            return None;
        }
        let ret_tokens = match ret {
            Ty::Void => quote!(-> ()),
            other => {
                let t = rust_type(other)?;
                quote!(-> #t)
            }
        };
        let (before, rest) = b.stmts.split_at(k);
        let (guard, rest) = rest.split_first()?;
        let (deferred, on_error_only) = match &guard.kind {
            StmtKind::Defer(body) => (body, false),
            StmtKind::Errdefer { body, .. } => (body, true),
            _ => return None,
        };
        self.push_scope();
        let head = self.stmts(before, guard.span.start);
        let rest = Block {
            span: Span {
                start: guard.span.end,
                end: b.span.end,
            },
            label: None,
            stmts: rest.to_vec(),
        };
        let inner = self.fn_body(&rest, ret);
        let run = self.stmt(deferred);
        self.pop_scope();
        let run = if on_error_only {
            quote!(if __zigport_result.is_err() { #run })
        } else {
            run
        };
        Some(quote! {
            #head
            #[allow(clippy::redundant_closure_call)]
            let __zigport_result = (|| #ret_tokens { #inner })();
            #run
            __zigport_result
        })
    }

    fn deferred(&mut self, s: &Stmt, body: &Stmt) -> TokenStream {
        let text = self.zig_text(s.span).to_string();
        if drops_by_ownership(body) {
            return comment_marker(&format!("zigport: `{text}` dropped: ownership frees"));
        }
        let todo = self.todo(format!(
            "`{}` needs a scope guard",
            text.lines().next().unwrap_or("")
        ));
        quote!(#todo;)
    }

    /// `std.simd.suggestVectorLength(T)`: how wide Zig would vectorise. The
    /// port takes the answer of a target without SIMD, `null`: Zig's own
    /// scalar path then handles every input, with the same results.
    fn is_vector_length_query(&self, e: &Expr) -> bool {
        matches!(&e.kind, ExprKind::Call { callee, .. }
            if self.std_path(callee).is_some_and(|p| p == ["simd", "suggestVectorLength"]))
    }

    pub(super) fn if_expr(&mut self, i: &IfExpr, expected: &Ty) -> TokenStream {
        if i.capture.is_some() && self.is_vector_length_query(&i.cond) {
            let span_end = i.then.span.end;
            self.skip_comments_to(span_end);
            return match &i.otherwise {
                Some(o) => {
                    let o = self.branch_in_capture(None, Ty::Unknown, o, expected);
                    let note = simd_path_dropped();
                    quote!({ #note #o })
                }
                None => simd_path_dropped(),
            };
        }
        // A comptime-known condition: Zig analyses only the branch taken.
        if i.capture.is_none()
            && let Some(taken) = self.comptime_bool(&i.cond)
        {
            return match (taken, &i.otherwise) {
                (true, _) => {
                    let then = self.branch_in_capture(None, Ty::Unknown, &i.then, expected);
                    quote!({ #then })
                }
                (false, Some(o)) => {
                    let o = self.branch_in_capture(None, Ty::Unknown, o, expected);
                    quote!({ #o })
                }
                (false, None) => quote!({}),
            };
        }
        if let Some(unwrapped) = self.unwrapped_if(i, expected) {
            return unwrapped;
        }
        let cond_ty = self.infer(&i.cond);
        let cond = self.expr(&i.cond, &Ty::Unknown);
        // `if (c) "; charset=utf-8" else ""`: byte strings of two lengths
        // are one slice type.
        let strings = |e: &Expr| matches!(e.kind, ExprKind::Str(_));
        if let Some(o) = &i.otherwise
            && i.capture.is_none()
            && strings(&i.then)
            && strings(o)
            && !matches!(expected, Ty::Array { .. })
        {
            let (t, o) = (self.expr(&i.then, expected), self.expr(o, expected));
            return quote!(if #cond { #t.as_slice() } else { #o.as_slice() });
        }
        let then =
            self.branch_in_capture(i.capture.as_ref(), payload_of(&cond_ty), &i.then, expected);
        let otherwise = i.otherwise.as_ref().map(|o| {
            self.branch_in_capture(
                i.else_capture.as_ref(),
                Ty::Named("Error".into()),
                o,
                expected,
            )
        });
        match (&i.capture, &i.else_capture) {
            (None, None) => match otherwise {
                Some(o) => quote!(if #cond { #then } else { #o }),
                None => quote!(if #cond { #then }),
            },
            (Some(c), None) => {
                let pat = capture_pattern(c);
                match otherwise {
                    Some(o) => quote!(if let Some(#pat) = #cond { #then } else { #o }),
                    None => quote!(if let Some(#pat) = #cond { #then }),
                }
            }
            (capture, Some(err)) => {
                let ok = capture.as_ref().map_or_else(|| quote!(_), capture_pattern);
                let err = capture_pattern(err);
                let o = otherwise.unwrap_or_else(|| quote!({}));
                quote!(match #cond { Ok(#ok) => { #then } Err(#err) => { #o } })
            }
        }
    }

    /// A branch body with its capture bound, without outer braces.
    pub(super) fn branch_in_capture(
        &mut self,
        capture: Option<&Capture>,
        ty: Ty,
        body: &Expr,
        expected: &Ty,
    ) -> TokenStream {
        self.scoped_capture(capture, ty, |t| t.branch_body(body, expected))
    }

    /// The inside of `{ }` for a branch: a block's statements, or one expression.
    fn branch_body(&mut self, body: &Expr, expected: &Ty) -> TokenStream {
        match &body.kind {
            ExprKind::Block(b) if b.label.is_none() => self.block_body(b, expected),
            _ => self.coerced(body, expected),
        }
    }

    pub(super) fn switch(&mut self, s: &SwitchExpr, expected: &Ty) -> TokenStream {
        if let Some(label) = &s.label {
            return self.labeled_switch(label, s, expected);
        }
        if let Some(by_target) = self.target_switch(s, expected) {
            return by_target;
        }
        // On a comptime parameter bound in a type instance: the prong Zig
        // compiled, alone.
        if let Some(prong) = self.comptime_prong(s) {
            return self.expr(&prong.body, expected);
        }
        let subject_ty = self.infer(&s.subject);
        let subject = self.expr(&s.subject, &Ty::Unknown);
        let arms = self.switch_arms(s, subject, subject_ty, expected);
        as_matches(&arms).unwrap_or(arms)
    }

    /// The prong a `switch` on a bound comptime value (`switch (order)` in
    /// the instance `Sorted(.ascending)`) takes: the one listing the value,
    /// else the `else` prong. Prongs with captures or ranges are left to
    /// the general translation.
    fn comptime_prong<'s>(&self, s: &'s SwitchExpr) -> Option<&'s SwitchProng> {
        let ExprKind::Ident(n) = &s.subject.kind else {
            return None;
        };
        if self.local(n).is_some() {
            return None;
        }
        let value = self.bound_value(n)?;
        if !super::mono::comptime_literal(value) {
            return None;
        }
        let same = |item: &SwitchItem| match item {
            SwitchItem::Value(v) => match (&v.kind, &value.kind) {
                (ExprKind::DotName(a), ExprKind::DotName(b)) => Some(a == b),
                (ExprKind::Bool(a), ExprKind::Bool(b)) => Some(a == b),
                (ExprKind::Int(a), ExprKind::Int(b)) => {
                    let (a, b) = (
                        super::types::zig_int_value(a)?,
                        super::types::zig_int_value(b)?,
                    );
                    Some(a == b)
                }
                _ => None,
            },
            SwitchItem::Range { .. } => None,
        };
        let mut chosen = None;
        for prong in &s.prongs {
            if !prong.captures.is_empty() {
                return None;
            }
            for item in &prong.items {
                if same(item)? && chosen.is_none() {
                    chosen = Some(prong);
                }
            }
        }
        chosen.or_else(|| s.prongs.iter().find(|p| p.is_else))
    }

    /// `sw: switch (x) { .a => continue :sw .b, ... }` is a state machine:
    /// a loop over a state variable; `continue :sw v` assigns the state
    /// and loops, `break :sw v` (or a prong's value) leaves with a value.
    fn labeled_switch(&mut self, label: &str, s: &SwitchExpr, expected: &Ty) -> TokenStream {
        let subject_ty = self.infer(&s.subject);
        let init = self.expr(&s.subject, &Ty::Unknown);
        self.state.labels += 1;
        let state = ident(&format!("zigport_state{}", self.state.labels));
        self.state
            .switch_states
            .push((label.to_string(), state.to_string(), subject_ty.clone()));
        let arms = self.switch_arms(s, quote!(#state), subject_ty, expected);
        self.state.switch_states.pop();
        let l = lifetime(label);
        // Every prong jumps (`continue :sw`, `return`): nothing falls out
        // of the `match`, so it is not `break`'s value (unreachable code).
        if s.prongs.iter().all(|p| always_diverges(&p.body)) {
            return quote!({
                #[allow(unused_mut)]
                let mut #state = #init;
                #l: loop {
                    #arms
                }
            });
        }
        quote!({
            #[allow(unused_mut)]
            let mut #state = #init;
            #l: loop {
                break #l #arms;
            }
        })
    }

    /// `continue :label value` of a labeled switch, if `label` is one.
    pub(super) fn switch_dispatch(&mut self, label: &str, value: &Expr) -> Option<TokenStream> {
        let (_, state, ty) = self
            .state
            .switch_states
            .iter()
            .rev()
            .find(|(l, ..)| l == label)?
            .clone();
        let v = self.expr(value, &ty);
        let (state, l) = (ident(&state), lifetime(label));
        Some(quote!({ #state = #v; continue #l; }))
    }

    fn switch_arms(
        &mut self,
        s: &SwitchExpr,
        subject: TokenStream,
        subject_ty: Ty,
        expected: &Ty,
    ) -> TokenStream {
        let enum_name = named_type(&subject_ty).map(str::to_string);
        let mut arms = Vec::new();
        let union_subject = enum_name
            .as_deref()
            .and_then(|e| self.lookup_type(e))
            .is_some_and(|i| i.kind == Some(ContainerKind::Union));
        for prong in &s.prongs {
            // An `inline` prong on a value (not a union payload, whose type
            // differs per tag) captures that value: the same at run time.
            if prong.is_inline && union_subject {
                return self.todo("inline switch prong on a tagged union");
            }
            let perf = prong.is_inline.then(|| {
                comment_marker(
                    "PERF(port): `inline` prong: one body for every value, not one per value",
                )
            });
            let mut pats = Vec::new();
            for item in &prong.items {
                let pat = match item {
                    SwitchItem::Value(Expr {
                        kind: ExprKind::DotName(v),
                        ..
                    }) if subject_ty == Ty::Order => match v.as_str() {
                        "lt" => quote!(core::cmp::Ordering::Less),
                        "eq" => quote!(core::cmp::Ordering::Equal),
                        "gt" => quote!(core::cmp::Ordering::Greater),
                        _ => return self.todo(format!("`.{v}` is not a std.math.Order tag")),
                    },
                    // `switch (endian) { .little => .. }`: a std enum with
                    // one Rust value per tag.
                    SwitchItem::Value(Expr {
                        kind: ExprKind::DotName(v),
                        ..
                    }) if let Ty::StdEnum(e) = subject_ty => {
                        match e.value(v).filter(|_| e.one_to_one()) {
                            Some(value) => value,
                            None => {
                                return self.todo(format!("switch on a {} value", e.zig_name()));
                            }
                        }
                    }
                    SwitchItem::Value(Expr {
                        kind: ExprKind::DotName(v),
                        ..
                    }) => match &enum_name {
                        Some(e) => {
                            let v_name = v.as_str();
                            let (e, v) = (ident(e), ident(&camel_case(v)));
                            let binds_payload = !prong.captures.is_empty()
                                && self
                                    .lookup_type(enum_name.as_deref().unwrap_or(""))
                                    .is_some_and(|i| i.kind == Some(ContainerKind::Union));
                            if binds_payload {
                                let c = capture_pattern(&prong.captures[0]);
                                quote!(#e::#v(#c))
                            } else if self
                                .lookup_type(enum_name.as_deref().unwrap_or(""))
                                .is_some_and(|i| {
                                    i.kind == Some(ContainerKind::Union)
                                        && i.fields.iter().any(|(n, t, _)| {
                                            n == v_name && !matches!(t, Ty::Void | Ty::Unknown)
                                        })
                                })
                            {
                                quote!(#e::#v(..))
                            } else {
                                quote!(#e::#v)
                            }
                        }
                        None => {
                            return self
                                .todo(format!("switch on `.{v}` with an unknown enum type"));
                        }
                    },
                    SwitchItem::Value(v) => match self.pattern(v, &subject_ty) {
                        Some(p) => p,
                        None => {
                            let text = self.zig_text(v.span).to_string();
                            return self
                                .todo(format!("switch item `{text}` is not a literal pattern"));
                        }
                    },
                    SwitchItem::Range { lo, hi } => {
                        match (
                            pattern_literal(lo, &subject_ty),
                            pattern_literal(hi, &subject_ty),
                        ) {
                            (Some(lo), Some(hi)) => quote!(#lo..=#hi),
                            _ => return self.todo("switch range with non-literal bounds"),
                        }
                    }
                };
                pats.push(pat);
            }
            if prong.is_else {
                pats.push(quote!(_));
            }
            let payload_bound = enum_name
                .as_deref()
                .and_then(|e| self.lookup_type(e))
                .is_some_and(|i| i.kind == Some(ContainerKind::Union));
            let capture = if payload_bound {
                None
            } else {
                prong.captures.first()
            };
            // `.bound => |b|`: the payload has the field's type.
            let payload_ty = match &prong.items[..] {
                [
                    SwitchItem::Value(Expr {
                        kind: ExprKind::DotName(v),
                        ..
                    }),
                ] => enum_name
                    .as_deref()
                    .and_then(|e| self.lookup_type(e))
                    .and_then(|i| i.fields.iter().find(|(n, ..)| n == v))
                    .map_or(Ty::Unknown, |(_, t, _)| t.clone()),
                _ => Ty::Unknown,
            };
            let body = self.scoped_capture(capture, subject_ty.clone(), |t| {
                if payload_bound && let Some(c) = prong.captures.first() {
                    t.bind(&c.name, payload_ty.clone());
                }
                t.branch_body(&prong.body, expected)
            });
            let binding = capture.map(|c| {
                let c = ident(&c.name);
                quote!(#c @)
            });
            // `c @ (0 | 1)`: a binding covers every alternative.
            let pats = match (&binding, &pats[..]) {
                (Some(_), [_, _, ..]) => quote!((#(#pats)|*)),
                _ => quote!(#(#pats)|*),
            };
            arms.push(quote!(#binding #pats => { #perf #body }));
        }
        // A switch over an error from a narrower Zig error set is
        // exhaustive in Zig; the module's `Error` has the other names too.
        let errors: BTreeSet<&str> = s
            .prongs
            .iter()
            .flat_map(|p| &p.items)
            .filter_map(|item| match item {
                SwitchItem::Value(Expr {
                    kind: ExprKind::ErrorValue(name),
                    ..
                }) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        let has_else = s.prongs.iter().any(|p| p.is_else);
        if !has_else
            && !errors.is_empty()
            && self
                .scope
                .error_names
                .iter()
                .any(|n| !errors.contains(n.as_str()))
        {
            arms.push(quote!(_ => unreachable!()));
        }
        quote!(match #subject { #(#arms)* })
    }

    /// `while (c) { .. break v; } else e`: a labeled block holding the
    /// loop then `e`; the loop's `break`s leave the block (with their value).
    pub(super) fn while_expr(&mut self, w: &WhileExpr) -> TokenStream {
        let Some(otherwise) = &w.otherwise else {
            return self.while_loop(w, None);
        };
        if w.else_capture.is_some() {
            return self.todo("`while ... else |err|`");
        }
        self.loop_else("while", otherwise, |t, exit| t.while_loop(w, exit))
    }

    /// A loop with an `else` (`while` or `for`): a labeled block holding
    /// the loop (built by `the_loop` with the block's label as its exit)
    /// then the `else` expression.
    fn loop_else(
        &mut self,
        keyword: &str,
        otherwise: &Expr,
        the_loop: impl FnOnce(&mut Self, Option<String>) -> TokenStream,
    ) -> TokenStream {
        self.state.labels += 1;
        let block = format!("zigport_{keyword}_else{}", self.state.labels);
        let the_loop = the_loop(self, Some(block.clone()));
        let otherwise = self.branch_body(otherwise, &Ty::Unknown);
        let l = lifetime(&block);
        quote!(#l: { #the_loop; #otherwise })
    }

    fn while_loop(&mut self, w: &WhileExpr, exit_block: Option<String>) -> TokenStream {
        // `inline while` unrolls at comptime in Zig; as with `inline for`, a
        // runtime loop computes the same when the body needs no comptime
        // values (else rustc says so).
        let perf = w
            .is_inline
            .then(|| comment_marker("PERF(port): `inline while` became a runtime loop"));
        let the_loop = self.runtime_while_loop(w, exit_block);
        quote!(#perf #the_loop)
    }

    fn runtime_while_loop(&mut self, w: &WhileExpr, exit_block: Option<String>) -> TokenStream {
        let cond_ty = self.infer(&w.cond);
        let cond = self.expr(&w.cond, &Ty::Unknown);
        let cont = w.continue_expr.as_ref().map(|c| self.stmt(c));
        // `continue` must run the continue expression: the body becomes a
        // labeled block that `continue` breaks out of (only when the body
        // continues: an unused label is a warning in the port).
        let continues = {
            let mut found = Continues(false);
            crate::syntax::visit::Visitor::visit_expr(&mut found, &w.body);
            found.0
        };
        let continue_block = cont.as_ref().filter(|_| continues).map(|_| {
            self.state.labels += 1;
            format!("zigport_continue{}", self.state.labels)
        });
        // An unlabeled `break` inside the continue block must name the loop.
        let breaks = {
            let mut found = LoopBreaks(false);
            crate::syntax::visit::Visitor::visit_expr(&mut found, &w.body);
            found.0
        };
        let rust_label = w.label.clone().or_else(|| {
            continue_block
                .as_ref()
                .filter(|_| breaks)
                .map(|_| format!("zigport_loop{}", self.state.labels))
        });
        self.state.loops.push(LoopFrame {
            zig_label: w.label.clone(),
            rust_label: rust_label.clone(),
            continue_block: continue_block.clone(),
            exit_block: exit_block.clone(),
        });
        let body =
            self.branch_in_capture(w.capture.as_ref(), payload_of(&cond_ty), &w.body, &Ty::Void);
        self.state.loops.pop();
        let body = match (&continue_block, &cont) {
            (Some(block), Some(cont)) => {
                let l = lifetime(block);
                quote!(#l: { #body } #cont)
            }
            // A one-expression body is a statement (braces around it
            // would be a needless block).
            (None, Some(cont)) if !matches!(w.body.kind, ExprKind::Block(_)) => {
                quote!(#body; #cont)
            }
            (None, Some(cont)) => quote!({ #body } #cont),
            _ => body,
        };
        let label_colon = rust_label.as_deref().map(|l| {
            let l = lifetime(l);
            quote!(#l:)
        });
        match &w.capture {
            Some(c) => {
                let pat = capture_pattern(c);
                quote!(#label_colon while let Some(#pat) = #cond { #body })
            }
            // `while (true)`: Rust's `loop`, which the type checker knows
            // only leaves through `break`/`return`.
            None if matches!(w.cond.kind, ExprKind::Bool(true)) => {
                quote!(#label_colon loop { #body })
            }
            None => quote!(#label_colon while #cond { #body }),
        }
    }

    /// `break` without a label leaves the innermost loop; if that loop
    /// wraps its body in a continue block, the break must name the loop.
    pub(super) fn break_label(&self, label: Option<&str>) -> Option<syn::Lifetime> {
        // A `while ... else` loop is left through its block.
        let target = match label {
            None => self.state.loops.last(),
            Some(l) => self
                .state
                .loops
                .iter()
                .rev()
                .find(|f| f.zig_label.as_deref() == Some(l)),
        };
        if let Some(block) = target.and_then(|f| f.exit_block.as_deref()) {
            return Some(lifetime(block));
        }
        match label {
            Some(l) => Some(lifetime(l)),
            None => {
                let frame = self.state.loops.last()?;
                frame.continue_block.as_ref()?;
                frame.rust_label.as_deref().map(lifetime)
            }
        }
    }

    /// `continue` of a loop with a continue expression breaks out of the
    /// body block instead, so the continue expression still runs.
    pub(super) fn continue_expr(&mut self, label: Option<&str>) -> TokenStream {
        let target = self
            .state
            .loops
            .iter()
            .rev()
            .find(|f| label.is_none() || f.zig_label.as_deref() == label);
        match target.and_then(|f| f.continue_block.as_deref()) {
            Some(block) => {
                let l = lifetime(block);
                quote!(break #l)
            }
            None => {
                let l = label.map(lifetime);
                quote!(continue #l)
            }
        }
    }

    /// `for (xs) |x| { .. break v; } else e`: as `while ... else`, a
    /// labeled block holding the loop then `e`.
    pub(super) fn for_expr(&mut self, f: &ForExpr) -> TokenStream {
        let Some(otherwise) = &f.otherwise else {
            return self.for_loop(f, None);
        };
        self.loop_else("for", otherwise, |t, exit| t.for_loop(f, exit))
    }

    fn for_loop(&mut self, f: &ForExpr, exit_block: Option<String>) -> TokenStream {
        if exit_block.is_none()
            && let Some(fill) = self.range_fill(f)
        {
            return fill;
        }
        if f.is_inline
            && exit_block.is_none()
            && let Some(unrolled) = self.unrolled_for(f)
        {
            return unrolled;
        }
        // `inline for` unrolls at comptime in Zig; a runtime loop computes
        // the same when the body needs no comptime values (else rustc says so).
        let perf = f
            .is_inline
            .then(|| comment_marker("PERF(port): `inline for` became a runtime loop"));
        let label = f.label.as_ref().map(|l| lifetime(l));
        let label_colon = label.as_ref().map(|l| quote!(#l:));
        self.state.loops.push(LoopFrame {
            exit_block,
            zig_label: f.label.clone(),
            rust_label: f.label.clone(),
            continue_block: None,
        });
        let mut iters = Vec::new();
        let mut elem_tys = Vec::new();
        for (i, input) in f.inputs.iter().enumerate() {
            let by_ref = f.captures.get(i).is_some_and(|c| c.by_ref);
            match input {
                ForInput::Range { start, end } => {
                    let s = self.expr(start, &Ty::Int("usize".into()));
                    let it = match end {
                        Some(e) => {
                            let e = self.index_expr(e);
                            quote!(#s..#e)
                        }
                        None => quote!(#s..),
                    };
                    iters.push(it);
                    elem_tys.push(Ty::Int("usize".into()));
                }
                // A tuple literal to iterate (`inline for (.{ a, b })`) is an array here.
                ForInput::Expr(Expr {
                    kind: ExprKind::ListInit { ty: None, elems },
                    ..
                }) => {
                    let items: Vec<TokenStream> =
                        elems.iter().map(|e| self.expr(e, &Ty::Unknown)).collect();
                    iters.push(quote!([#(#items),*].into_iter()));
                    elem_tys.push(Ty::Unknown);
                }
                ForInput::Expr(e) if let Some((words, ty)) = self.word_view_iter(e) => {
                    iters.push(words);
                    elem_tys.push(ty);
                }
                ForInput::Expr(e) => {
                    let ty = self.infer(e);
                    // Already an iterator (a static map's column).
                    if let Ty::Column(elem) = &ty {
                        iters.push(self.operand(e, &Ty::Unknown));
                        elem_tys.push((**elem).clone());
                        continue;
                    }
                    let elem = match &ty {
                        Ty::Slice { elem, .. } | Ty::Array { elem, .. } | Ty::Vec(elem) => {
                            (**elem).clone()
                        }
                        _ => Ty::Unknown,
                    };
                    // `for (&array) |*x|`: the array itself, mutably.
                    let target = match &e.kind {
                        ExprKind::AddressOf(inner) if by_ref => inner.as_ref(),
                        _ => e,
                    };
                    // Written through `|*x|`: a subslice is borrowed mutably.
                    let place = if by_ref {
                        Ty::Slice {
                            elem: Box::new(Ty::Unknown),
                            mutable: true,
                        }
                    } else {
                        Ty::Unknown
                    };
                    let x = self.operand(target, &place);
                    let it = if by_ref {
                        quote!(#x.iter_mut())
                    } else if matches!(&ty, Ty::Array { .. })
                        && matches!(elem, Ty::Ref { mutable: true, .. })
                    {
                        // An array of `&mut` places hands each one out.
                        quote!(#x.into_iter())
                    } else if self.is_copy_type(&elem) {
                        quote!(#x.iter().copied())
                    } else {
                        quote!(#x.iter())
                    };
                    iters.push(it);
                    elem_tys.push(elem);
                }
            }
        }
        let pats: Vec<TokenStream> = f
            .captures
            .iter()
            .map(|c| {
                let n = ident(&c.name);
                quote!(#n)
            })
            .collect();
        self.push_scope();
        for (c, ty) in f.captures.iter().zip(&elem_tys) {
            self.bind(&c.name, ty.clone());
        }
        let body = self.branch_body(&f.body, &Ty::Void);
        self.pop_scope();
        self.state.loops.pop();
        // Zig asserts equal lengths for multi-object loops; zip() would
        // silently stop at the shorter one.
        // `for (xs, 0..) |x, i|` is `enumerate()`.
        if let ([ForInput::Expr(_), ForInput::Range { start, end: None }], [x, i]) =
            (&f.inputs[..], &pats[..])
            && matches!(&start.kind, ExprKind::Int(n) if n == "0")
        {
            let it = &iters[0];
            return quote!(#perf #label_colon for (#i, #x) in #it.enumerate() { #body });
        }
        let (iter, pat) = match iters.len() {
            0 => return self.todo("for without inputs"),
            1 => (
                iters[0].clone(),
                pats.first().cloned().unwrap_or_else(|| quote!(_)),
            ),
            _ => {
                let first = &iters[0];
                // A range is parenthesised before `.zip` (`(n..).zip(xs)`).
                let mut iter = if matches!(f.inputs.first(), Some(ForInput::Range { .. })) {
                    quote!((#first))
                } else {
                    quote!(#first)
                };
                let mut pat = pats.first().cloned().unwrap_or_else(|| quote!(_));
                for (i, it) in iters.iter().enumerate().skip(1) {
                    iter = quote!(#iter.zip(#it));
                    let p = pats.get(i).cloned().unwrap_or_else(|| quote!(_));
                    pat = quote!((#pat, #p));
                }
                let lens: Vec<TokenStream> = f
                    .inputs
                    .iter()
                    .filter_map(|inp| match inp {
                        ForInput::Expr(e) => Some(self.expr(e, &Ty::Unknown)),
                        ForInput::Range { .. } => None,
                    })
                    .collect();
                let assert = if lens.len() > 1 {
                    let first = &lens[0];
                    let rest = &lens[1..];
                    quote!(#(assert_eq!(#first.len(), #rest.len());)*)
                } else {
                    quote!()
                };
                return quote!({ #perf #assert #label_colon for #pat in #iter { #body } });
            }
        };
        quote!(#perf #label_colon for #pat in #iter { #body })
    }

    /// A function body: statements, plus `Ok(())` when a `!void` function
    /// falls off its end.
    pub(super) fn fn_body(&mut self, b: &Block, ret: &Ty) -> TokenStream {
        if let Some(guarded) = self.scope_guarded_body(b, ret) {
            return guarded;
        }
        // A final `return x;` is the tail expression `x` in Rust.
        if let Some((last, init)) = b.stmts.split_last()
            && let StmtKind::Expr(Expr {
                kind: ExprKind::Return(Some(value)),
                ..
            }) = &last.kind
        {
            self.push_scope();
            let body = self.stmts(init, last.span.start);
            let tail = self.wrap_return(value, ret);
            self.skip_comments_to(last.span.end);
            let trailing = self.comments_before(b.span.end);
            self.pop_scope();
            return quote!(#body #(#trailing)* #tail);
        }
        let body = self.block_body(b, ret);
        let falls_through = !b
            .stmts
            .last()
            .is_some_and(|s| matches!(&s.kind, StmtKind::Expr(e) if always_diverges(e)));
        match ret {
            Ty::ErrorUnion(inner) if **inner == Ty::Void && falls_through => quote!(#body Ok(())),
            _ => body,
        }
    }
}

impl<'a> Translator<'a> {
    /// `inline for (.{ u8, u16 }) |T| body` unrolled as Zig does: one block
    /// per element, binding a local `type T = u8;` (or `let x = v;` for a
    /// value). Only for a literal list and a body without `break` or
    /// `continue` (those need the loop).
    fn unrolled_for(&mut self, f: &ForExpr) -> Option<TokenStream> {
        let ([ForInput::Expr(list)], [capture]) = (&f.inputs[..], &f.captures[..]) else {
            return None;
        };
        let ExprKind::ListInit { elems, .. } = &list.kind else {
            return None;
        };
        let mut jumps = LoopJumps(false);
        crate::syntax::visit::Visitor::visit_expr(&mut jumps, &f.body);
        if jumps.0 || f.otherwise.is_some() {
            return None;
        }
        let name = ident(&capture.name);
        let mut blocks = Vec::new();
        for elem in elems {
            // A type: bound for this iteration as Zig's comptime does, so
            // calls name their instance (`is_inf_f32`).
            if self.is_type_expr(elem) {
                let ty = self.zig_type(elem);
                if rust_type(&ty).is_none() {
                    let text = self.zig_text(elem.span).to_string();
                    let todo = self.todo(format!(
                        "`inline for` iteration over `{text}`: no Rust type"
                    ));
                    blocks.push(quote!({ #todo; }));
                    continue;
                }
                self.container_types.push((capture.name.clone(), ty));
                let body = self.branch_body(&f.body, &Ty::Void);
                self.container_types.pop();
                blocks.push(quote!({ #body }));
                continue;
            }
            self.push_scope();
            let binding = {
                let ty = self.infer(elem);
                let v = self.expr(elem, &Ty::Unknown);
                self.bind(&capture.name, ty);
                quote!(let #name = #v;)
            };
            let body = self.branch_body(&f.body, &Ty::Void);
            self.pop_scope();
            blocks.push(quote!({ #binding #body }));
        }
        Some(quote!({ #(#blocks)* }))
    }

    fn is_type_expr(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::PrimitiveType(_)
            | ExprKind::Pointer(_)
            | ExprKind::Optional(_)
            | ExprKind::Array { .. }
            | ExprKind::ErrorUnion { .. } => true,
            ExprKind::Ident(n) => self.resolve_type_name(n).is_some(),
            _ => false,
        }
    }

    /// A switch item as a pattern: a literal, or a module constant.
    fn pattern(&self, e: &Expr, subject: &Ty) -> Option<TokenStream> {
        if let ExprKind::ErrorValue(name) = &e.kind {
            let v = ident(&camel_case(name));
            return Some(quote!(Error::#v));
        }
        if let ExprKind::Ident(name) = &e.kind
            && let Some((rust, _)) = self.scope.consts.get(name)
        {
            let c = ident(rust);
            return Some(quote!(#c));
        }
        pattern_literal(e, subject)
    }
}

/// The payload type bound by `if (x) |v|` / `while (x) |v|`.
fn payload_of(ty: &Ty) -> Ty {
    match ty {
        Ty::Optional(t) | Ty::ErrorUnion(t) => (**t).clone(),
        _ => Ty::Unknown,
    }
}

impl Translator<'_> {
    /// `for (a..b) |i| t[i] = v;` with `v` not naming `i`: the range of
    /// `t` filled with `v` (`t[a..b].fill(v)`), the same stores in order.
    fn range_fill(&mut self, f: &ForExpr) -> Option<TokenStream> {
        let (
            [
                ForInput::Range {
                    start,
                    end: Some(end),
                },
            ],
            [c],
        ) = (&f.inputs[..], &f.captures[..])
        else {
            return None;
        };
        if f.label.is_some() || f.is_inline || c.by_ref {
            return None;
        }
        let stmt = match &f.body.kind {
            ExprKind::Block(b) if b.label.is_none() => match &b.stmts[..] {
                [s] => s,
                _ => return None,
            },
            _ => return None,
        };
        let StmtKind::Assign {
            op: AssignOp::Assign,
            target,
            value,
        } = &stmt.kind
        else {
            return None;
        };
        let ExprKind::Index { object, index } = &target.kind else {
            return None;
        };
        if !matches!(&index.kind, ExprKind::Ident(i) if *i == c.name)
            || mentions(object, &c.name)
            || mentions(value, &c.name)
            || !matches!(
                self.infer(object),
                Ty::Array { .. } | Ty::Slice { mutable: true, .. } | Ty::Vec(_)
            )
        {
            return None;
        }
        let elem = match self.infer(object) {
            Ty::Array { elem, .. } | Ty::Slice { elem, .. } | Ty::Vec(elem) => *elem,
            _ => return None,
        };
        // `from..buf.len`: to the end (Rust cannot read `buf` in the index
        // while it borrows `buf` mutably).
        let to_end = matches!(&end.kind, ExprKind::Field { object: o, member }
            if member == "len" && same_place(o, object));
        let root = place_root(object)?;
        if (!to_end && mentions(end, root)) || mentions(start, root) {
            return None;
        }
        let o = self.operand(object, &Ty::Unknown);
        let s = self.index_expr(start);
        let v = self.coerced(value, &elem);
        if to_end {
            return Some(quote!(#o[#s..].fill(#v);));
        }
        let e = self.index_expr(end);
        Some(quote!(#o[#s..#e].fill(#v);))
    }
}

impl Translator<'_> {
    /// `if (v != null and v.?.len > 0) f(v.?)` → `if let Some(v) = v &&
    /// !v.is_empty() { f(v) }`, and `if (o.minor == null) a else b(o.minor.?)`
    /// → `if let Some(minor) = o.minor { b(minor) } else { a }`: where the
    /// branch that knows the place is non-null reads it only through `.?`,
    /// and its value is `Copy` (the test and the reads see the same value:
    /// nothing in between assigns the place).
    fn unwrapped_if(&mut self, i: &IfExpr, expected: &Ty) -> Option<TokenStream> {
        if i.capture.is_some() || i.else_capture.is_some() {
            return None;
        }
        let null_test = |e: &Expr, op: BinaryOp| match &e.kind {
            ExprKind::Binary { op: o, lhs, rhs } if *o == op && rhs.kind == ExprKind::Null => {
                Some(lhs.as_ref().clone())
            }
            _ => None,
        };
        // (place, the rest of the condition, the branch with it non-null, the other)
        let (place, rest, known, other) = if let Some(p) = null_test(&i.cond, BinaryOp::Ne) {
            (p, None, &i.then, i.otherwise.as_ref())
        } else if let ExprKind::Binary {
            op: BinaryOp::And,
            lhs,
            rhs,
        } = &i.cond.kind
            && let Some(p) = null_test(lhs, BinaryOp::Ne)
        {
            (p, Some(rhs.as_ref()), &i.then, i.otherwise.as_ref())
        } else if let Some(p) = null_test(&i.cond, BinaryOp::Eq)
            && let Some(o) = &i.otherwise
        {
            (p, None, o, Some(&i.then))
        } else {
            return None;
        };
        if !is_field_path(&place) {
            return None;
        }
        let Ty::Optional(inner) = self.infer(&place) else {
            return None;
        };
        if !self.is_copy_type(&inner) {
            return None;
        }
        let name = match &place.kind {
            ExprKind::Ident(n) => n.clone(),
            ExprKind::Field { member, .. } => names::snake_case(member),
            _ => return None,
        };
        let reads: Vec<&Expr> = rest.into_iter().chain([known]).collect();
        let only_unwrapped = reads.iter().all(|e| unwrap_only(e, &place));
        let uses_any = reads.iter().any(|e| mentions_place_unwrapped(e, &place));
        let name_free =
            matches!(place.kind, ExprKind::Ident(_)) || !reads.iter().any(|e| mentions(e, &name));
        if !only_unwrapped || !uses_any || !name_free || assigns_place(known, &place) {
            return None;
        }
        let p = self.expr(&place, &Ty::Unknown);
        let x = ident(&name);
        self.push_scope();
        self.bind(&name, (*inner).clone());
        self.state.unwrapped.push((place, name));
        let rest = rest.map(|r| self.expr(r, &Ty::Bool));
        let known = self.branch_in_capture(None, Ty::Unknown, known, expected);
        self.state.unwrapped.pop();
        self.pop_scope();
        let other = other.map(|o| self.branch_in_capture(None, Ty::Unknown, o, expected));
        let test = match rest {
            Some(r) => quote!(let Some(#x) = #p && #r),
            None => quote!(let Some(#x) = #p),
        };
        Some(match other {
            Some(o) => quote!(if #test { #known } else { #o }),
            None => quote!(if #test { #known }),
        })
    }
}

/// `a.b.c` and `a.b.c` from different spans: the same place.
pub(super) fn same_place(a: &Expr, b: &Expr) -> bool {
    match (&a.kind, &b.kind) {
        (ExprKind::Ident(x), ExprKind::Ident(y)) => x == y,
        (
            ExprKind::Field {
                object: o1,
                member: m1,
            },
            ExprKind::Field {
                object: o2,
                member: m2,
            },
        ) => m1 == m2 && same_place(o1, o2),
        _ => false,
    }
}

/// Every mention of `place` in `e` is `place.?` (none as the optional).
fn unwrap_only(e: &Expr, place: &Expr) -> bool {
    use crate::syntax::visit::{self, Visitor};
    struct Scan<'p>(&'p Expr, bool);
    impl Visitor<'_> for Scan<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            match &e.kind {
                ExprKind::Unwrap(inner) if same_place(inner, self.0) => {}
                _ if same_place(e, self.0) => self.1 = false,
                _ => visit::walk_expr(self, e),
            }
        }
    }
    let mut scan = Scan(place, true);
    scan.visit_expr(e);
    scan.1
}

/// `place.?` occurs in `e`.
fn mentions_place_unwrapped(e: &Expr, place: &Expr) -> bool {
    use crate::syntax::visit::{self, Visitor};
    struct Scan<'p>(&'p Expr, bool);
    impl Visitor<'_> for Scan<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            if matches!(&e.kind, ExprKind::Unwrap(inner) if same_place(inner, self.0)) {
                self.1 = true;
            }
            visit::walk_expr(self, e);
        }
    }
    let mut scan = Scan(place, false);
    scan.visit_expr(e);
    scan.1
}

/// `e` assigns `place` or something under it, or takes its address.
fn assigns_place(e: &Expr, place: &Expr) -> bool {
    place_root(place).is_some_and(|root| stores_in(e, root) > 0)
}

impl Translator<'_> {
    /// `var key: []const u8 = undefined;` that the next `if`/`else` assigns
    /// on every path before any read: Rust's deferred initialisation
    /// (`let key: &[u8];`), checked by rustc, instead of a dead default.
    /// `mut` only when more stores follow.
    fn let_deferred(&mut self, v: &VarDecl, rest: &[Stmt]) -> Option<TokenStream> {
        let ty = self.zig_type(v.ty.as_ref()?);
        if matches!(ty, Ty::Array { .. }) {
            return None;
        }
        let rt = rust_type(&ty)?;
        let name = ident(&v.name);
        let stores = rest.iter().map(|s| stores_to(s, &v.name)).sum::<usize>();
        let paths = rest.first().map_or(0, |s| match &s.kind {
            StmtKind::Expr(e) => branch_count(e),
            _ => 0,
        });
        self.bind(&v.name, ty);
        Some(if stores > paths {
            quote!(let mut #name: #rt;)
        } else {
            quote!(let #name: #rt;)
        })
    }
}

/// `e` (an `if` with `else`, or a block) stores to local `name` on every
/// path before anything reads it.
fn assigns_first(e: &Expr, name: &str) -> bool {
    match &e.kind {
        ExprKind::If(i) => {
            i.capture.as_ref().is_none_or(|c| c.name != name)
                && !mentions(&i.cond, name)
                && assigns_first(&i.then, name)
                && i.otherwise.as_ref().is_some_and(|o| assigns_first(o, name))
        }
        ExprKind::Block(b) if b.label.is_none() => {
            for s in &b.stmts {
                match &s.kind {
                    StmtKind::Assign {
                        op: AssignOp::Assign,
                        target,
                        value,
                    } if matches!(&target.kind, ExprKind::Ident(n) if n == name) => {
                        return !mentions(value, name);
                    }
                    StmtKind::Expr(e) if matches!(e.kind, ExprKind::If(_)) => {
                        return assigns_first(e, name);
                    }
                    StmtKind::Expr(e) | StmtKind::Discard(e)
                        if !mentions(e, name) && !diverges(e) => {}
                    StmtKind::Var(v) if v.init.as_ref().is_none_or(|i| !mentions(i, name)) => {}
                    _ => return false,
                }
            }
            false
        }
        _ => false,
    }
}

impl Translator<'_> {
    /// `while (it.next()) |x| : (i += 1) body` as `for (i, x) in
    /// it.enumerate() { body }` (see `counted_loop`).
    fn enumerated_loop(&mut self, w: &WhileExpr, counter: &str) -> TokenStream {
        let ExprKind::Call { callee, .. } = &w.cond.kind else {
            return self.while_loop(w, None);
        };
        let ExprKind::Field { object, .. } = &callee.kind else {
            return self.while_loop(w, None);
        };
        let elem = match self.infer(&w.cond) {
            Ty::Optional(t) => *t,
            _ => Ty::Unknown,
        };
        let it = self.operand(object, &Ty::Unknown);
        let i = ident(counter);
        let Some(capture) = &w.capture else {
            return self.while_loop(w, None);
        };
        let pat = capture_pattern(capture);
        self.state.loops.push(LoopFrame {
            zig_label: w.label.clone(),
            rust_label: w.label.clone(),
            ..LoopFrame::default()
        });
        let body = self.branch_in_capture(Some(capture), elem, &w.body, &Ty::Void);
        self.state.loops.pop();
        let label = w.label.as_deref().map(|l| {
            let l = lifetime(l);
            quote!(#l:)
        });
        quote!(#label for (#i, #pat) in #it.enumerate() { #body })
    }
}

/// `var i: usize = 0;` counted only by a later `while (it.next()) |x| :
/// (i += 1)` over one of the runtime's iterators (`it` a local, neither
/// used after the loop, `i` not stored to in the body): the index in
/// `rest` of that loop, and the iterator's name.
fn counted_loop(v: &VarDecl, rest: &[Stmt]) -> Option<(usize, String)> {
    if v.mutability != Mutability::Var
        || !matches!(&v.init, Some(Expr { kind: ExprKind::Int(n), .. }) if n == "0")
        || !matches!(&v.ty, Some(Expr { kind: ExprKind::Ident(t) | ExprKind::PrimitiveType(t), .. }) if t == "usize")
    {
        return None;
    }
    let j = rest.iter().position(|s| stmt_mentions(s, &v.name))?;
    let StmtKind::Expr(Expr {
        kind: ExprKind::While(w),
        ..
    }) = &rest[j].kind
    else {
        return None;
    };
    let counts = matches!(&w.continue_expr, Some(Stmt { kind: StmtKind::Assign {
        op: AssignOp::Add,
        target: Expr { kind: ExprKind::Ident(t), .. },
        value: Expr { kind: ExprKind::Int(one), .. },
    }, .. }) if *t == v.name && one == "1");
    let ExprKind::Call { callee, args } = &w.cond.kind else {
        return None;
    };
    let ExprKind::Field { object, member } = &callee.kind else {
        return None;
    };
    let ExprKind::Ident(it) = &object.kind else {
        return None;
    };
    let after = &rest[j + 1..];
    let body_stmt = Stmt {
        span: w.body.span,
        kind: StmtKind::Expr(w.body.clone()),
    };
    (counts
        && member == "next"
        && args.is_empty()
        && w.capture.is_some()
        && w.otherwise.is_none()
        && !w.is_inline
        && stores_to(&body_stmt, &v.name) == 0
        && !after
            .iter()
            .any(|s| stmt_mentions(s, &v.name) || stmt_mentions(s, it)))
    .then(|| (j, it.clone()))
}

/// The paths through an `if`/`else` chain.
fn branch_count(e: &Expr) -> usize {
    match &e.kind {
        ExprKind::If(i) => branch_count(&i.then) + i.otherwise.as_ref().map_or(1, branch_count),
        _ => 1,
    }
}

/// Stores to local `name` in `s` (a store through a pointer to it counts
/// twice: the binding must stay `mut`).
fn stores_to(s: &Stmt, name: &str) -> usize {
    let mut count = StoreCount(name, 0);
    crate::syntax::visit::Visitor::visit_stmt(&mut count, s);
    count.1
}

/// Stores to the local a place starts from, anywhere in `e`.
fn stores_in(e: &Expr, root: &str) -> usize {
    let mut count = StoreCount(root, 0);
    crate::syntax::visit::Visitor::visit_expr(&mut count, e);
    count.1
}

struct StoreCount<'n>(&'n str, usize);

impl crate::syntax::visit::Visitor<'_> for StoreCount<'_> {
    fn visit_stmt(&mut self, s: &Stmt) {
        if let StmtKind::Assign { target, .. } = &s.kind
            && place_root(target) == Some(self.0)
        {
            self.1 += 1;
        }
        crate::syntax::visit::walk_stmt(self, s);
    }
    fn visit_expr(&mut self, e: &Expr) {
        if let ExprKind::AddressOf(inner) = &e.kind
            && place_root(inner) == Some(self.0)
        {
            self.1 += 2;
        }
        crate::syntax::visit::walk_expr(self, e);
    }
}

/// Whether `name` occurs in `e` as an identifier.
fn mentions(e: &Expr, name: &str) -> bool {
    let mut find = IdentFinder(name, false);
    crate::syntax::visit::Visitor::visit_expr(&mut find, e);
    find.1
}

/// Whether `name` occurs in `s` as an identifier.
fn stmt_mentions(s: &Stmt, name: &str) -> bool {
    let mut find = IdentFinder(name, false);
    crate::syntax::visit::Visitor::visit_stmt(&mut find, s);
    find.1
}

struct IdentFinder<'n>(&'n str, bool);

impl crate::syntax::visit::Visitor<'_> for IdentFinder<'_> {
    fn visit_expr(&mut self, e: &Expr) {
        if matches!(&e.kind, ExprKind::Ident(n) if n == self.0) {
            self.1 = true;
        }
        crate::syntax::visit::walk_expr(self, e);
    }
}

/// `match x { A | B => true, _ => false }` (a Zig `switch` to `bool`
/// with an `else`) as `matches!(x, A | B)`, or its negation.
fn as_matches(arms: &TokenStream) -> Option<TokenStream> {
    let syn::Expr::Match(m) = syn::parse2::<syn::Expr>(arms.clone()).ok()? else {
        return None;
    };
    let [hit, rest] = &m.arms[..] else {
        return None;
    };
    if hit.guard.is_some() || rest.guard.is_some() || !matches!(rest.pat, syn::Pat::Wild(_)) {
        return None;
    }
    let (subject, pat) = (&m.expr, &hit.pat);
    match (bool_literal(&hit.body)?, bool_literal(&rest.body)?) {
        (true, false) => Some(quote!(matches!(#subject, #pat))),
        (false, true) => Some(quote!(!matches!(#subject, #pat))),
        _ => None,
    }
}

/// `true` / `{ true }`.
fn bool_literal(e: &syn::Expr) -> Option<bool> {
    match e {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Bool(b),
            ..
        }) => Some(b.value),
        syn::Expr::Block(b) => match &b.block.stmts[..] {
            [syn::Stmt::Expr(e, None)] => bool_literal(e),
            _ => None,
        },
        _ => None,
    }
}

fn capture_pattern(c: &Capture) -> TokenStream {
    // `|_|`: Rust's wildcard.
    if c.name == "_" {
        return quote!(_);
    }
    let n = ident(&c.name);
    if c.by_ref {
        quote!(ref mut #n)
    } else {
        quote!(#n)
    }
}

/// Literal switch items: integers, characters, booleans.
/// A literal pattern for a switch on `subject`: a character is a byte
/// literal only when the subject is a byte (`switch (cp)` on a `u21` needs
/// the code point as a number).
fn pattern_literal(e: &Expr, subject: &Ty) -> Option<TokenStream> {
    let bytes = matches!(subject, Ty::Unknown) || matches!(subject, Ty::Int(t) if t == "u8");
    match &e.kind {
        ExprKind::Int(text) => text.parse::<TokenStream>().ok(),
        ExprKind::Char(c) => match u8::try_from(*c) {
            Ok(b) if b.is_ascii() && bytes => {
                let lit = proc_macro2::Literal::byte_character(b);
                Some(quote!(#lit))
            }
            _ => {
                let lit = proc_macro2::Literal::u32_unsuffixed(*c);
                Some(quote!(#lit))
            }
        },
        ExprKind::Bool(b) => Some(if *b { quote!(true) } else { quote!(false) }),
        ExprKind::Unary {
            op: UnaryOp::Neg,
            operand,
        } => {
            let inner = pattern_literal(operand, subject)?;
            Some(quote!(-#inner))
        }
        _ => None,
    }
}

/// Whether a loop body contains a `continue` (of any loop: nested ones
/// too, which only keeps a label that may go unused).
struct Continues(bool);

impl crate::syntax::visit::Visitor<'_> for Continues {
    fn visit_expr(&mut self, expr: &Expr) {
        self.0 |= matches!(expr.kind, ExprKind::Continue { .. });
        crate::syntax::visit::walk_expr(self, expr);
    }
}

/// Whether `e` never completes normally: every path returns, breaks,
/// continues or is unreachable.
fn always_diverges(e: &Expr) -> bool {
    match &e.kind {
        _ if diverges(e) => true,
        // A labeled block is left by its own `break`s.
        ExprKind::Block(b) if b.label.is_none() => b.stmts.iter().any(|s| match &s.kind {
            StmtKind::Expr(e) => always_diverges(e),
            _ => false,
        }),
        ExprKind::If(i) => {
            always_diverges(&i.then) && i.otherwise.as_ref().is_some_and(always_diverges)
        }
        // A labeled switch completes through its own `break :label`.
        ExprKind::Switch(s) => {
            s.prongs.iter().all(|p| always_diverges(&p.body))
                && !s.label.as_ref().is_some_and(|l| breaks_to(e, l))
        }
        _ => false,
    }
}

/// Whether `e` holds a `break :label`.
fn breaks_to(e: &Expr, label: &str) -> bool {
    struct Scan<'l>(&'l str, bool);
    impl crate::syntax::visit::Visitor<'_> for Scan<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            if matches!(&e.kind, ExprKind::Break { label: Some(l), .. } if l == self.0) {
                self.1 = true;
            }
            crate::syntax::visit::walk_expr(self, e);
        }
    }
    let mut scan = Scan(label, false);
    crate::syntax::visit::Visitor::visit_expr(&mut scan, e);
    scan.1
}

/// Whether a loop body has an unlabeled `break` of that loop (one not
/// inside a nested loop).
struct LoopBreaks(bool);

impl crate::syntax::visit::Visitor<'_> for LoopBreaks {
    fn visit_expr(&mut self, expr: &Expr) {
        match &expr.kind {
            ExprKind::Break { label: None, .. } => self.0 = true,
            ExprKind::While(_) | ExprKind::For(_) => return,
            _ => {}
        }
        crate::syntax::visit::walk_expr(self, expr);
    }
}

/// Whether a loop body contains `break` or `continue`.
struct LoopJumps(bool);

impl crate::syntax::visit::Visitor<'_> for LoopJumps {
    fn visit_expr(&mut self, expr: &Expr) {
        if matches!(
            expr.kind,
            ExprKind::Break { .. } | ExprKind::Continue { .. }
        ) {
            self.0 = true;
        }
        crate::syntax::visit::walk_expr(self, expr);
    }
}

/// `defer x.free(..)` / `.deinit()` / `.destroy(..)`, also under an
/// `if (opt) |v|` without else: Rust's ownership does it.
pub(super) fn drops_by_ownership(body: &Stmt) -> bool {
    let StmtKind::Expr(e) = &body.kind else {
        return false;
    };
    frees(e)
}

fn frees(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call { callee, .. } => matches!(&callee.kind, ExprKind::Field { member, .. }
            if matches!(member.as_str(), "free" | "deinit" | "destroy")),
        ExprKind::If(i) if i.otherwise.is_none() => frees(&i.then),
        ExprKind::Block(b) => match &b.stmts[..] {
            [only] => drops_by_ownership(only),
            _ => false,
        },
        _ => false,
    }
}

/// Whether a result type holds a reference (a closure's return type could
/// not name its lifetime): the items' check, plus iterators and tuples.
fn holds_reference(ty: &Ty) -> bool {
    match ty {
        Ty::Split { .. } => true,
        Ty::Optional(t) | Ty::ErrorUnion(t) => holds_reference(t),
        Ty::Tuple(elems) => elems.iter().any(holds_reference),
        other => super::items::returns_reference(other),
    }
}

/// Locals bound to a place's address (`const c = &self.cursor;`) that the
/// body writes through (`c.x = ..`, `&c.x` handed on): Zig's `*T` there
/// is Rust's `&mut`. Read-only views stay `&`, which borrows less.
pub(super) fn written_pointer_locals(body: &Block) -> std::collections::HashSet<String> {
    use crate::syntax::visit::{self, Visitor};
    #[derive(Default)]
    struct Scan {
        views: std::collections::HashSet<String>,
        written: std::collections::HashSet<String>,
    }
    impl Visitor<'_> for Scan {
        fn visit_stmt(&mut self, s: &Stmt) {
            match &s.kind {
                StmtKind::Var(v)
                    if v.ty.is_none()
                        && matches!(
                            &v.init,
                            Some(Expr { kind: ExprKind::AddressOf(inner), .. })
                                if !matches!(inner.kind, ExprKind::ListInit { .. })
                        ) =>
                {
                    self.views.insert(v.name.clone());
                }
                StmtKind::Assign { target, .. } if !matches!(target.kind, ExprKind::Ident(_)) => {
                    if let Some(root) = place_root(target) {
                        self.written.insert(root.to_string());
                    }
                }
                _ => {}
            }
            visit::walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &Expr) {
            if let ExprKind::AddressOf(inner) = &e.kind
                && !matches!(inner.kind, ExprKind::Ident(_))
                && let Some(root) = place_root(inner)
            {
                self.written.insert(root.to_string());
            }
            visit::walk_expr(self, e);
        }
    }
    let mut scan = Scan::default();
    visit::walk_block(&mut scan, body);
    scan.views.intersection(&scan.written).cloned().collect()
}

/// Whether a method body only reads its `*T` receiver's fields: no
/// assignment into it, no address of a part of it, no method called on
/// it or on a field of it, the receiver never handed on. Such a receiver
/// is `&self` in Rust, which lets callers keep other borrows of it.
pub(super) fn receiver_read_only(body: &Block, receiver: &str) -> bool {
    use crate::syntax::visit::{self, Visitor};
    struct Scan<'r>(&'r str, bool);
    impl Visitor<'_> for Scan<'_> {
        fn visit_stmt(&mut self, s: &Stmt) {
            if let StmtKind::Assign { target, .. } = &s.kind
                && place_root(target) == Some(self.0)
            {
                self.1 = false;
            }
            visit::walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &Expr) {
            match &e.kind {
                ExprKind::AddressOf(inner) if place_root(inner) == Some(self.0) => self.1 = false,
                ExprKind::Call { callee, .. } if matches!(&callee.kind, ExprKind::Field { object, .. } if place_root(object) == Some(self.0)) => {
                    self.1 = false
                }
                _ => {}
            }
            visit::walk_expr(self, e);
        }
    }
    if receiver_fields(body, receiver).is_none() {
        return false;
    }
    let mut scan = Scan(receiver, true);
    visit::walk_block(&mut scan, body);
    scan.1
}

/// The fields of `receiver` a method body names, when it names the
/// receiver only that way (`self.out.append(..)` but not `self.flush()`
/// or `helper(self)`).
pub(super) fn receiver_fields(body: &Block, receiver: &str) -> Option<HashSet<String>> {
    use crate::syntax::visit::{self, Visitor};
    struct Scan<'r> {
        receiver: &'r str,
        fields: Option<HashSet<String>>,
    }
    impl Visitor<'_> for Scan<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            match &e.kind {
                ExprKind::Call { callee, args } => {
                    if matches!(&callee.kind, ExprKind::Field { object, .. }
                        if matches!(&object.kind, ExprKind::Ident(n) if n == self.receiver))
                    {
                        self.fields = None;
                    }
                    match &callee.kind {
                        // `self.out.append(..)`: the field, then its method.
                        ExprKind::Field { object, .. } => self.visit_expr(object),
                        _ => self.visit_expr(callee),
                    }
                    args.iter().for_each(|a| self.visit_expr(a));
                }
                ExprKind::Field { object, member } => match &object.kind {
                    ExprKind::Ident(n) if n == self.receiver => {
                        if let Some(fields) = &mut self.fields {
                            fields.insert(member.clone());
                        }
                    }
                    _ => self.visit_expr(object),
                },
                ExprKind::Ident(n) if n == self.receiver => self.fields = None,
                _ => visit::walk_expr(self, e),
            }
        }
    }
    let mut scan = Scan {
        receiver,
        fields: Some(HashSet::new()),
    };
    visit::walk_block(&mut scan, body);
    scan.fields
}

/// `const c = &self.cursor;` views (a field path from a local) whose
/// fields the body lends to a method of that local
/// (`self.field(&c.column, ..)`): Rust cannot hold `c` across the call, so
/// each use of `c` is spelled as the place. Zig's `self` is a constant
/// pointer, so the path names the same place at every use.
pub(super) fn receiver_place_aliases(body: &Block) -> HashMap<String, Expr> {
    use crate::syntax::visit::{self, Visitor};
    #[derive(Default)]
    struct Scan {
        views: HashMap<String, Expr>,
        /// (receiver of a method call, a local whose field it is lent).
        lent: Vec<(String, String)>,
    }
    impl Visitor<'_> for Scan {
        fn visit_stmt(&mut self, s: &Stmt) {
            if let StmtKind::Var(v) = &s.kind
                && v.mutability == Mutability::Const
                && v.ty.is_none()
                && let Some(Expr {
                    kind: ExprKind::AddressOf(place),
                    ..
                }) = &v.init
                && is_field_path(place)
            {
                self.views.insert(v.name.clone(), (**place).clone());
            }
            visit::walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &Expr) {
            if let ExprKind::Call { callee, args } = &e.kind
                && let ExprKind::Field { object, .. } = &callee.kind
                && let ExprKind::Ident(receiver) = &object.kind
            {
                for a in args {
                    if let ExprKind::AddressOf(place) = &a.kind
                        && let Some(root) = place_root(place)
                    {
                        self.lent.push((receiver.clone(), root.to_string()));
                    }
                }
            }
            visit::walk_expr(self, e);
        }
    }
    let mut scan = Scan::default();
    visit::walk_block(&mut scan, body);
    let Scan { views, lent } = scan;
    views
        .into_iter()
        .filter(|(name, place)| {
            lent.iter()
                .any(|(receiver, root)| root == name && place_root(place) == Some(receiver))
        })
        .collect()
}

/// `const expander: Expander = .{ .vars = &env.vars };` where the body
/// also changes what it points at (`env.vars.put(..)`): Rust cannot keep
/// the shared borrow alive across the change, but the struct holds only
/// addresses of places and plain values, so building it again at each use
/// reads exactly what Zig's pointers would.
pub(super) fn rebuildable_struct_locals(body: &Block) -> HashSet<String> {
    use crate::syntax::visit::{self, Visitor};
    #[derive(Default)]
    struct Scan {
        /// Candidate → the roots of the places it points at.
        candidates: Vec<(String, Vec<String>)>,
        changed_roots: HashSet<String>,
    }
    impl Visitor<'_> for Scan {
        fn visit_stmt(&mut self, s: &Stmt) {
            match &s.kind {
                StmtKind::Var(v)
                    if v.mutability == Mutability::Const
                        && v.ty.is_some()
                        && let Some(Expr {
                            kind: ExprKind::StructInit { fields, .. },
                            ..
                        }) = &v.init =>
                {
                    let mut roots = Vec::new();
                    let stable = fields.iter().all(|f| match &f.value.kind {
                        ExprKind::AddressOf(place) if is_field_path(place) => {
                            roots.extend(place_root(place).map(str::to_string));
                            true
                        }
                        ExprKind::Ident(_)
                        | ExprKind::Int(_)
                        | ExprKind::Bool(_)
                        | ExprKind::Char(_)
                        | ExprKind::Str(_)
                        | ExprKind::DotName(_) => true,
                        _ => false,
                    });
                    if stable && !roots.is_empty() {
                        self.candidates.push((v.name.clone(), roots));
                    }
                }
                StmtKind::Assign { target, .. } => {
                    self.changed_roots
                        .extend(place_root(target).map(str::to_string));
                }
                _ => {}
            }
            visit::walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &Expr) {
            // A std container method that changes it (`env.vars.put(..)`).
            const CHANGING: &[&str] = &[
                "put",
                "append",
                "insert",
                "remove",
                "clear",
                "ensure",
                "getOrPut",
                "pop",
                "swapRemove",
                "orderedRemove",
                "resize",
                "shrink",
                "fetch",
            ];
            if let ExprKind::Call { callee, .. } = &e.kind
                && let ExprKind::Field { object, member } = &callee.kind
                && CHANGING.iter().any(|m| member.starts_with(m))
                && matches!(object.kind, ExprKind::Field { .. })
                && is_field_path(object)
            {
                self.changed_roots
                    .extend(place_root(object).map(str::to_string));
            }
            visit::walk_expr(self, e);
        }
    }
    let mut scan = Scan::default();
    visit::walk_block(&mut scan, body);
    scan.candidates
        .into_iter()
        .filter(|(_, roots)| roots.iter().any(|r| scan.changed_roots.contains(r)))
        .map(|(name, _)| name)
        .collect()
}

/// `a.b.c`: fields all the way down to a local.
fn is_field_path(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Ident(_) => true,
        ExprKind::Field { object, .. } => is_field_path(object),
        _ => false,
    }
}

/// The field of `receiver` a field path goes through: `cursor` in
/// `self.cursor.column` (for `receiver` = `self`).
pub(super) fn first_field_of(place: &Expr, receiver: &str) -> Option<String> {
    let ExprKind::Field { object, member } = &place.kind else {
        return None;
    };
    match &object.kind {
        ExprKind::Ident(n) if n == receiver => Some(member.clone()),
        _ => first_field_of(object, receiver),
    }
}

/// The local a place expression starts from: `c` in `c.x[i].*`.
pub(super) fn place_root(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Ident(n) => Some(n),
        ExprKind::Field { object, .. }
        | ExprKind::Index { object, .. }
        | ExprKind::Slice { object, .. } => place_root(object),
        ExprKind::Deref(inner) => place_root(inner),
        _ => None,
    }
}

/// `v` starts empty (`.empty`) and the next statement that does anything
/// (dropped `errdefer`/`defer` frees aside) reserves room in it:
/// its index in `rest` and the capacity asked for.
fn first_reserve<'s>(v: &VarDecl, rest: &'s [Stmt]) -> Option<(usize, &'s Expr)> {
    if !matches!(&v.init, Some(Expr { kind: ExprKind::DotName(n), .. }) if n == "empty") {
        return None;
    }
    for (j, s) in rest.iter().enumerate() {
        match &s.kind {
            StmtKind::Defer(body) | StmtKind::Errdefer { body, .. } if drops_by_ownership(body) => {
            }
            StmtKind::Expr(Expr {
                kind: ExprKind::Try(call),
                ..
            }) => {
                let ExprKind::Call { callee, args } = &call.kind else {
                    return None;
                };
                let ExprKind::Field { object, member } = &callee.kind else {
                    return None;
                };
                let n = args.last()?;
                let names_itself = {
                    struct Mentions<'n>(&'n str, bool);
                    impl crate::syntax::visit::Visitor<'_> for Mentions<'_> {
                        fn visit_expr(&mut self, e: &Expr) {
                            self.1 |= matches!(&e.kind, ExprKind::Ident(x) if x == self.0);
                            crate::syntax::visit::walk_expr(self, e);
                        }
                    }
                    let mut m = Mentions(&v.name, false);
                    crate::syntax::visit::Visitor::visit_expr(&mut m, n);
                    m.1
                };
                return (matches!(&object.kind, ExprKind::Ident(x) if *x == v.name)
                    && matches!(
                        member.as_str(),
                        "ensureTotalCapacity" | "ensureUnusedCapacity"
                    )
                    && !names_itself)
                    .then_some((j, n));
            }
            _ => return None,
        }
    }
    None
}

/// The std namespaces a local may name (`const testing = std.testing;`).
const STD_NAMESPACES: &[&str] = &[
    "testing", "mem", "math", "ascii", "fmt", "unicode", "meta", "debug", "sort",
];

fn simd_path_dropped() -> TokenStream {
    comment_marker(
        "PERF(port): the SIMD fast path (`std.simd.suggestVectorLength`) is not ported; the scalar path handles every input",
    )
}

/// `*x` as a method receiver needs parentheses: `(*x).wrapping_add(1)`.
fn method_receiver(place: &TokenStream) -> TokenStream {
    match place.clone().into_iter().next() {
        Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '*' => quote!((#place)),
        _ => place.clone(),
    }
}
