//! Expression rules. `expected` is the type the context wants (a `let`
//! annotation, a parameter, the return type), `Ty::Unknown` when none.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::names::{camel_case, ident, snake_case};
use super::types::{Ty, rust_type};
use super::{FnSig, Import, MonoArg, MonoKind, Translator};
use crate::syntax::ir::*;
use std::collections::HashMap;

impl<'a> Translator<'a> {
    pub(super) fn expr(&mut self, e: &Expr, expected: &Ty) -> TokenStream {
        // A literal whose type only its result location gives (`.x`,
        // `.{..}`, `.init`) and that the rules did not see one for: the
        // semantic model's.
        let from_model;
        let expected = match (&e.kind, expected) {
            (
                ExprKind::DotName(_)
                | ExprKind::StructInit { ty: None, .. }
                | ExprKind::ListInit { ty: None, .. }
                | ExprKind::Undefined,
                Ty::Unknown,
            ) => {
                from_model = self.sema_result_ty(e);
                &from_model
            }
            _ => expected,
        };
        // `native_endian` (`builtin.cpu.arch.endian()`) as a value: the
        // target's, as the runtime names it.
        if matches!(
            e.kind,
            ExprKind::Ident(_) | ExprKind::Field { .. } | ExprKind::Call { .. }
        ) && self.target_query(e) == Some(super::target::TargetQuery::Endian)
        {
            return quote!(crate::zigport_rt::mem::Endian::NATIVE);
        }
        match &e.kind {
            ExprKind::Ident(name) => self.ident_expr(name),
            // `tolerance >= 0` on a float: Zig coerces the integer literal
            // (exactly: a value a float cannot hold is a compile error).
            ExprKind::Int(text)
                if matches!(expected, Ty::Float(_))
                    && let Some(v) = super::types::zig_int_value(text) =>
            {
                format!("{v}.0").parse().unwrap_or_default()
            }
            ExprKind::Int(text) => match int_literal(text) {
                Some(lit) => lit,
                None => self.todo(format!("integer literal `{text}`")),
            },
            ExprKind::Float(text) => {
                let value = match text.starts_with("0x") || text.starts_with("0X") {
                    true => crate::sema::eval::hex_float(text),
                    false => text.replace('_', "").parse::<f64>().ok(),
                };
                match value.filter(|v| v.is_finite()) {
                    Some(v) => {
                        let lit = Literal::f64_unsuffixed(v);
                        quote!(#lit)
                    }
                    None => self.todo(format!("float literal `{text}`")),
                }
            }
            ExprKind::Str(bytes) => {
                let lit = Literal::byte_string(bytes);
                quote!(#lit)
            }
            ExprKind::Char(c) => match (u8::try_from(*c), expected) {
                (Ok(b), Ty::Int(_) | Ty::Unknown)
                    if b.is_ascii() && !matches!(expected, Ty::Int(n) if n != "u8") =>
                {
                    let lit = Literal::byte_character(b);
                    quote!(#lit)
                }
                _ => {
                    let lit = Literal::u32_unsuffixed(*c);
                    quote!(#lit)
                }
            },
            ExprKind::Bool(true) => quote!(true),
            ExprKind::Bool(false) => quote!(false),
            ExprKind::Null => quote!(None),
            // Arrays longer than 32 have no `Default`: zero-fill them.
            ExprKind::Undefined => match expected {
                Ty::Array { elem, len } => self
                    .filled_array(elem, len)
                    .unwrap_or_else(|| quote!(Default::default())),
                _ => quote!(Default::default()),
            },
            ExprKind::Unreachable => quote!(unreachable!()),
            ExprKind::DotName(name) => self.dot_name(name, expected),
            ExprKind::ErrorValue(name) => {
                let v = ident(&camel_case(name));
                quote!(Error::#v)
            }
            ExprKind::Builtin { name, args } => self.builtin(name, args, expected, e.span),
            // `var results: std.Io.Writer.Allocating = .init(gpa);`: a decl
            // literal call, typed by the result location.
            ExprKind::Call { callee, args }
                if let ExprKind::DotName(name) = &callee.kind
                    && let Some(call) = self.decl_literal_call(name, args, expected) =>
            {
                call
            }
            ExprKind::Call { callee, args } => self.call(callee, args),
            ExprKind::Field { object, member } => {
                if let Some(bits) = self.type_info_bits(object, member) {
                    return bits;
                }
                // `s.ptr` where a slice is wanted (a lifted many-item
                // pointer, see `slice_pointers`): the slice itself.
                if member == "ptr"
                    && matches!(expected, Ty::Slice { .. })
                    && matches!(self.infer(object), Ty::Slice { .. })
                {
                    return self.expr(object, expected);
                }
                // `std.builtin.Endian.little`, `Endian.big` through an
                // alias: a std enum's tag.
                if let ExprKind::Ident(_) | ExprKind::Field { .. } = &object.kind
                    && !matches!(&object.kind, ExprKind::Ident(n) if self.local(n).is_some())
                    && let Ty::StdEnum(std_enum) = self.zig_type(object)
                    && let Some(value) = std_enum.value(member)
                {
                    return value;
                }
                // `std.ascii.whitespace`: Zig's six bytes (Rust has no twin).
                if self
                    .std_path(e)
                    .is_some_and(|p| p == ["ascii", "whitespace"])
                {
                    return quote!([b' ', b'\t', b'\n', b'\r', 0x0B, 0x0C]);
                }
                self.field(object, member)
            }
            // `entry[0]` on a tuple is a field: `entry.0`.
            ExprKind::Index { object, index }
                if matches!(self.infer(object), Ty::Tuple(_))
                    && matches!(&index.kind, ExprKind::Int(n) if n.parse::<usize>().is_ok()) =>
            {
                let o = self.operand(object, &Ty::Unknown);
                let ExprKind::Int(n) = &index.kind else {
                    unreachable!("checked by the guard")
                };
                let field = syn::Index::from(n.parse::<usize>().unwrap_or_default());
                quote!(#o.#field)
            }
            ExprKind::Index { object, index } => {
                let raw = matches!(self.infer(object), Ty::Raw { .. });
                let o = self.operand(object, &Ty::Unknown);
                let i = self.index_expr(index);
                if raw {
                    // Zig indexed a many-item pointer: no bounds are known here.
                    self.unsafe_blocks += 1;
                    let safety = super::comment_marker(
                        "SAFETY: the Zig original indexed this many-item pointer unchecked; the caller guarantees the index is in bounds.",
                    );
                    quote!(unsafe { #safety *#o.add(#i) })
                } else {
                    quote!(#o[#i])
                }
            }
            ExprKind::Slice {
                object,
                start,
                end: Some(end),
                sentinel: None,
            } if let Some(resliced) = self.reslice_pointer(object, start, end) => resliced,
            ExprKind::Slice {
                object,
                start,
                end,
                sentinel,
            } => {
                if let Some(bytes) = self.integer_bytes_view(e) {
                    return bytes;
                }
                // `buf[a..][0..n]` written through: the inner slice is `&mut` too.
                let object_expected = match (&object.kind, expected) {
                    (ExprKind::Slice { .. }, Ty::Slice { mutable: true, .. }) => expected,
                    _ => &Ty::Unknown,
                };
                let o = self.operand(object, object_expected);
                let s = self.index_expr(start);
                let end_tokens = end.as_ref().map(|e| self.index_expr(e));
                let range = match &end_tokens {
                    Some(e) => quote!(#s..#e),
                    None => quote!(#s..),
                };
                let mutable = matches!(expected, Ty::Slice { mutable: true, .. });
                let slice = if mutable {
                    quote!(&mut #o[#range])
                } else {
                    quote!(&#o[#range])
                };
                match (sentinel, end_tokens) {
                    // `x[a..b :s]` asserts `x[b] == s` (Zig's safety check);
                    // the sentinel itself is not part of a Rust slice.
                    (Some(sentinel), Some(e)) => {
                        let sv = self.expr(sentinel, &Ty::Unknown);
                        quote!({ assert!(#o[#e] == #sv, "sentinel mismatch"); #slice })
                    }
                    (Some(_), None) => self.todo("sentinel slice without an end"),
                    // `buf[0..try f(buf)]`: Zig evaluates the bound first; in
                    // Rust the call's `&mut buf` would overlap the slice's
                    // borrow, so the bound is computed before slicing.
                    (None, Some(e)) if end.as_deref().is_some_and(contains_call) => {
                        let amp = if mutable { quote!(&mut) } else { quote!(&) };
                        quote!({ let __zigport_end = #e; #amp #o[#s..__zigport_end] })
                    }
                    (None, _) => slice,
                }
            }
            // `bytes[0..2].*`: the array value of a comptime-length slice.
            ExprKind::Deref(inner)
                if let Some(Ty::Array { elem, len }) = self.array_of_slice(inner) =>
            {
                let i = self.expr(inner, &Ty::Unknown);
                let len: TokenStream = len.parse().unwrap_or_else(|_| quote!(_));
                match rust_type(&elem) {
                    Some(t) => quote!(<[#t; #len]>::try_from(#i).unwrap()),
                    None => quote!(<[_; #len]>::try_from(#i).unwrap()),
                }
            }
            ExprKind::Deref(inner) => {
                let i = self.operand(inner, &Ty::Unknown);
                quote!(*#i)
            }
            ExprKind::Unwrap(inner)
                if let Some((_, name)) = self
                    .state
                    .unwrapped
                    .iter()
                    .rev()
                    .find(|(place, _)| super::stmt::same_place(place, inner)) =>
            {
                let x = ident(name);
                quote!(#x)
            }
            ExprKind::Unwrap(inner) => {
                let i = self.operand(inner, &Ty::Unknown);
                quote!(#i.unwrap())
            }
            // `&.{ "html", "css" }` where a `[]const []const u8` is wanted.
            ExprKind::AddressOf(inner)
                if matches!(&inner.kind, ExprKind::ListInit { ty: None, .. })
                    && matches!(expected, Ty::Slice { .. }) =>
            {
                let (ExprKind::ListInit { elems, .. }, Ty::Slice { elem, mutable }) =
                    (&inner.kind, expected)
                else {
                    unreachable!("checked by the guard")
                };
                let items: Vec<TokenStream> =
                    elems.iter().map(|e| self.list_item(e, elem)).collect();
                if *mutable {
                    quote!(&mut [#(#items),*])
                } else {
                    quote!(&[#(#items),*])
                }
            }
            ExprKind::AddressOf(inner) => {
                let mutable = matches!(
                    expected,
                    Ty::Ref { mutable: true, .. } | Ty::Slice { mutable: true, .. }
                );
                let i = self.operand(inner, &Ty::Unknown);
                if mutable {
                    quote!(&mut #i)
                } else {
                    quote!(&#i)
                }
            }
            ExprKind::Unary { op, operand } => {
                let o = self.operand(operand, expected);
                if *op == UnaryOp::Neg {
                    let ty = self.infer(operand);
                    self.need_bound(&ty, "Neg");
                }
                match op {
                    UnaryOp::Neg => quote!(-#o),
                    UnaryOp::NegWrap => quote!(#o.wrapping_neg()),
                    UnaryOp::BitNot | UnaryOp::Not => quote!(!#o),
                }
            }
            ExprKind::Binary { op, lhs, rhs } => self.binary(*op, lhs, rhs, expected),
            ExprKind::Orelse { lhs, rhs } => {
                let l = self.operand(lhs, &Ty::Unknown);
                // `opt orelse error.Overflow`: an error union.
                if let ExprKind::ErrorValue(_) = rhs.kind {
                    let e = self.expr(rhs, &Ty::Unknown);
                    return quote!(#l.ok_or(#e));
                }
                // `a orelse b` with an optional `b` stays optional (the
                // middle of `x.differ() orelse y.differ() orelse z`).
                if let Ty::Optional(_) = self.infer(rhs)
                    && rhs.kind != ExprKind::Null
                {
                    let r = self.expr(rhs, &Ty::Unknown);
                    return quote!(match #l { Some(v) => Some(v), None => #r });
                }
                let r = self.expr(rhs, expected);
                if is_cheap(rhs) {
                    quote!(#l.unwrap_or(#r))
                } else {
                    quote!(match #l { Some(v) => v, None => #r })
                }
            }
            // A write into the buffer cannot fail: nothing to catch.
            // Growing a list cannot fail in Rust (allocation failure aborts).
            ExprKind::Catch { lhs, .. }
                if self.is_infallible_write(lhs) || self.is_vec_growth_call(lhs) =>
            {
                self.expr(lhs, &Ty::Unknown)
            }
            ExprKind::Catch { lhs, capture, rhs } => {
                // `const n: ?usize = parse(x) catch |e| switch (e) { .. => null }`:
                // the payload is wrapped, the handler yields the optional.
                let wrap_ok = matches!(expected, Ty::Optional(_))
                    && matches!(self.infer(lhs), Ty::ErrorUnion(p) if !matches!(*p, Ty::Optional(_)));
                let l = self.operand(lhs, &Ty::Unknown);
                if capture.is_none() && rhs.kind == ExprKind::Unreachable {
                    return match wrap_ok {
                        true => quote!(Some(#l.unwrap())),
                        false => quote!(#l.unwrap()),
                    };
                }
                // `x catch null`: the payload or nothing.
                if capture.is_none() && rhs.kind == ExprKind::Null {
                    return quote!(#l.ok());
                }
                // `x catch error.Usage`: still an error union, with another error.
                if capture.is_none() && matches!(rhs.kind, ExprKind::ErrorValue(_)) {
                    let e = self.expr(rhs, &Ty::Unknown);
                    return quote!(#l.map_err(|_| #e));
                }
                // The capture is a value of the module's `Error`.
                let error_ty = Ty::Named("Error".into());
                let r = self.scoped_capture(capture.as_ref(), error_ty, |t| t.expr(rhs, expected));
                let binding = capture.as_ref().map_or_else(
                    || quote!(_),
                    |c| {
                        let c = ident(&c.name);
                        quote!(#c)
                    },
                );
                if wrap_ok {
                    quote!(match #l { Ok(v) => Some(v), Err(#binding) => #r })
                } else if capture.is_none() && is_cheap(rhs) {
                    quote!(#l.unwrap_or(#r))
                } else {
                    quote!(match #l { Ok(v) => v, Err(#binding) => #r })
                }
            }
            ExprKind::Try(inner)
                if self.is_testing_call(inner)
                    || self.is_allocator_call(inner)
                    || self.is_infallible_write(inner)
                    || self.is_vec_growth_call(inner) =>
            {
                self.expr(inner, &Ty::Unknown)
            }
            ExprKind::Try(inner) => {
                let i = self.operand(inner, &Ty::Unknown);
                quote!(#i?)
            }
            ExprKind::Comptime(inner) | ExprKind::Nosuspend(inner) => self.expr(inner, expected),
            ExprKind::If(i) => self.if_expr(i, expected),
            ExprKind::Switch(s) => self.switch(s, expected),
            ExprKind::While(w) => self.while_expr(w),
            ExprKind::For(f) => self.for_expr(f),
            ExprKind::Block(b) => self.block_expr(b, expected),
            ExprKind::Return(value) => self.return_expr(value.as_deref()),
            ExprKind::Break { label, value } => {
                let l = self.break_label(label.as_deref());
                let v = value.as_ref().map(|v| self.expr(v, &Ty::Unknown));
                quote!(break #l #v)
            }
            ExprKind::Continue { label, value } => match (label, value) {
                (Some(l), Some(v)) => match self.switch_dispatch(l, v) {
                    Some(dispatch) => dispatch,
                    None => self.todo(format!("`continue :{l}` with a value outside its switch")),
                },
                (_, Some(_)) => self.todo("`continue` with a value and no label"),
                (label, None) => self.continue_expr(label.as_deref()),
            },
            ExprKind::StructInit { ty, fields } => {
                self.struct_init(ty.as_deref(), fields, expected)
            }
            ExprKind::ListInit { ty, elems } => self.list_init(ty.as_deref(), elems, expected),
            ExprKind::Range { .. } => self.todo("range outside a slice or `for`"),
            ExprKind::Unsupported(u) => self.todo(format!("{} ({})", u.reason, u.kind.as_str())),
            ExprKind::PrimitiveType(_)
            | ExprKind::Optional(_)
            | ExprKind::ErrorUnion { .. }
            | ExprKind::Pointer(_)
            | ExprKind::Array { .. }
            | ExprKind::FnType(_)
            | ExprKind::Container(_)
            | ExprKind::ErrorSet(_) => {
                let text = self.zig_text(e.span).chars().take(40).collect::<String>();
                self.todo(format!("type used as a value: `{text}`"))
            }
        }
    }

    fn ident_expr(&mut self, name: &str) -> TokenStream {
        if let Some(place) = self.state.place_aliases.get(name).cloned() {
            return self.expr(&place, &Ty::Unknown);
        }
        if let Some((init, ty)) = self.state.rebuilt.get(name).cloned() {
            let value = self.expr(&init, &ty);
            return quote!((#value));
        }
        if self.state.receiver.as_deref() == Some(name) {
            return quote!(self);
        }
        if self.local(name).is_some() {
            let i = ident(name);
            return quote!(#i);
        }
        if let Some((rust, _)) = self.const_param(name) {
            return rust.parse().unwrap_or_default();
        }
        if let Some(arg) = self.bound_value(name).cloned() {
            let value = self.expr(&arg, &Ty::Unknown);
            return match arg.kind {
                ExprKind::Ident(_)
                | ExprKind::Int(_)
                | ExprKind::Bool(_)
                | ExprKind::Str(_)
                | ExprKind::Char(_) => value,
                _ => quote!((#value)),
            };
        }
        if let Some((rust, _)) = self.scope.consts.get(name) {
            let i = ident(rust);
            let lazy =
                self.scope.lazy_aliases.contains(name) || self.scope.lazy_statics.contains(name);
            if self.scope.lazy_statics.contains(name) {
                // Reading it runs its initialiser: its calls are this
                // function's too (a stubbed one blocks it).
                let calls = self.lazy_static_calls(name);
                self.state.calls.extend(calls);
            }
            return match lazy {
                true => quote!((*#i)),
                false => quote!(#i),
            };
        }
        if let Some(sig) = self.scope.fns.get(name) {
            let i = ident(&sig.rust_name);
            return match &sig.owner {
                Some(owner) => {
                    let o = ident(owner);
                    quote!(#o::#i)
                }
                None => quote!(#i),
            };
        }
        if let Some(Import::Module(m)) = self.scope.imports.get(name) {
            let m = ident(m);
            return quote!(super::#m);
        }
        // Inside a container's methods, unqualified names are its own decls.
        if let Some(member) = self.container_member(name) {
            return member;
        }
        let i = ident(name);
        quote!(#i)
    }

    /// `Self::f` / `Self::CONST` when `name` is declared by the container
    /// whose method is being translated.
    pub(super) fn container_member(&self, name: &str) -> Option<TokenStream> {
        let (owner, path) = self
            .declaring_container(|i| i.methods.contains_key(name) || i.consts.contains_key(name))?;
        let info = self.scope.types.get(&owner)?;
        if let Some(sig) = info.methods.get(name) {
            let f = ident(&sig.rust_name);
            return Some(quote!(#path::#f));
        }
        let (c, _) = info.consts.get(name)?;
        if info.lazy_consts.contains(name) {
            let s = ident(&super::lazy_static_name(&owner, name));
            return Some(quote!((*#s)));
        }
        let c = ident(c);
        Some(quote!(#path::#c))
    }

    /// `x[a..b]` with literal bounds is a pointer to an array in Zig
    /// (`*[b - a]T`): the array type its `.*` reads.
    fn array_of_slice(&self, e: &Expr) -> Option<Ty> {
        let ExprKind::Slice {
            object,
            start,
            end: Some(end),
            sentinel: None,
        } = &e.kind
        else {
            return None;
        };
        let literal = |e: &Expr| match &e.kind {
            ExprKind::Int(n) => super::types::zig_int_value(n),
            _ => None,
        };
        let len = literal(end)?.checked_sub(literal(start)?)?;
        let elem = match self.infer(object) {
            Ty::Slice { elem, .. } | Ty::Array { elem, .. } | Ty::Vec(elem) => *elem,
            Ty::Ref { to, .. } => match *to {
                Ty::Array { elem, .. } => *elem,
                _ => Ty::Unknown,
            },
            _ => Ty::Unknown,
        };
        Some(Ty::Array {
            elem: Box::new(elem),
            len: len.to_string(),
        })
    }

    /// Indices are `usize` in Rust; other integer types are cast.
    /// Indices are `usize` in Rust: anything not known to be `usize` (or
    /// a literal, which infers) is cast. Zig already checked the value fits.
    pub(super) fn index_expr(&mut self, e: &Expr) -> TokenStream {
        let ty = self.infer(e);
        match ty {
            Ty::Int(n) if n == "usize" || n == "comptime_int" => {
                self.expr(e, &Ty::Int("usize".into()))
            }
            _ if matches!(e.kind, ExprKind::Int(_)) => self.expr(e, &Ty::Int("usize".into())),
            // `a[@truncate(x)]`: the cast's result type is the index's, usize.
            _ if matches!(&e.kind, ExprKind::Builtin { name, .. } if name == "truncate" || name == "intCast") => {
                self.expr(e, &Ty::Int("usize".into()))
            }
            _ => {
                let tokens = self.operand(e, &Ty::Unknown);
                quote!(#tokens as usize)
            }
        }
    }

    /// An expression used as an operand or method receiver: parenthesised
    /// unless it is atomic, since token streams carry no precedence.
    pub(super) fn operand(&mut self, e: &Expr, expected: &Ty) -> TokenStream {
        let tokens = self.expr(e, expected);
        if is_atomic(e) {
            tokens
        } else {
            quote!((#tokens))
        }
    }

    fn dot_name(&mut self, name: &str, expected: &Ty) -> TokenStream {
        if let Ty::Vec(_) = expected
            && name == "empty"
        {
            return quote!(Vec::new());
        }
        if let Ty::StrMap(_) = expected
            && name == "empty"
        {
            return quote!(crate::zigport_rt::map::HashMap::default());
        }
        if let Ty::Order | Ty::Optional(_) = expected
            && let Some(ordering) = match (expected, name) {
                (Ty::Optional(inner), _) if **inner != Ty::Order => None,
                (_, "lt") => Some(quote!(core::cmp::Ordering::Less)),
                (_, "eq") => Some(quote!(core::cmp::Ordering::Equal)),
                (_, "gt") => Some(quote!(core::cmp::Ordering::Greater)),
                _ => None,
            }
        {
            return if matches!(expected, Ty::Optional(_)) {
                quote!(Some(#ordering))
            } else {
                ordering
            };
        }
        // `.little`, `.seq_cst`: a std enum with a Rust twin.
        let std_enum = match expected {
            Ty::StdEnum(e) => Some((*e, false)),
            Ty::Optional(inner) => match inner.as_ref() {
                Ty::StdEnum(e) => Some((*e, true)),
                _ => None,
            },
            _ => None,
        };
        if let Some((std_enum, optional)) = std_enum {
            let Some(value) = std_enum.value(name) else {
                return self.todo(format!("`.{name}` is not a {} tag", std_enum.zig_name()));
            };
            return if optional {
                quote!(Some(#value))
            } else {
                value
            };
        }
        let target = match expected {
            Ty::Named(t) => Some(t.clone()),
            Ty::Optional(inner) => match inner.as_ref() {
                Ty::Named(t) => Some(t.clone()),
                _ => None,
            },
            _ => None,
        };
        let Some(type_name) = target else {
            return self.todo(format!("`.{name}` with an unknown result type"));
        };
        let path = self.type_member(&type_name, name);
        if matches!(expected, Ty::Optional(_)) {
            quote!(Some(#path))
        } else {
            path
        }
    }

    /// `Type.member` → `Type::Variant`, `Type::CONST` or `Type::method`.
    pub(super) fn type_member(&self, type_name: &str, member: &str) -> TokenStream {
        let t = if self.is_self_alias(type_name) {
            quote!(Self)
        } else {
            let t = ident(type_name);
            quote!(#t)
        };
        let info = self.lookup_type(type_name);
        if info.is_some_and(|i| i.lazy_consts.contains(member)) {
            let owner = match self.is_self_alias(type_name) {
                true => self.state.self_type.clone().unwrap_or_default(),
                false => type_name.to_string(),
            };
            let s = ident(&super::lazy_static_name(&owner, member));
            return quote!((*#s));
        }
        let is_variant = info.is_some_and(|i| {
            matches!(i.kind, Some(ContainerKind::Enum | ContainerKind::Union))
                && i.variants.iter().any(|v| v == member)
        });
        let m = if is_variant {
            ident(&camel_case(member))
        } else if info.is_some_and(|i| i.methods.contains_key(member)) {
            ident(&snake_case(member))
        } else {
            ident(&super::names::screaming_case(member))
        };
        quote!(#t::#m)
    }

    fn field(&mut self, object: &Expr, member: &str) -> TokenStream {
        if let Some((m, c)) = self.foreign_type_const(object, member) {
            let path = self.foreign_type_const_path(&m, &c);
            return if c.lazy { quote!((*#path)) } else { path };
        }
        if let ExprKind::Ident(name) = &object.kind {
            if self.local(name).is_none() && self.scope.types.contains_key(name) {
                return self.type_member(name, member);
            }
            // `State.start` inside `Lexer`: its nested `LexerState`.
            if self.local(name).is_none()
                && let Some(Ty::Named(full)) = self.resolve_type_name(name)
                && full != *name
                && self.scope.types.contains_key(&full)
            {
                return self.type_member(&full, member);
            }
            // `Order.lt` through `const Order = std.math.Order;`.
            if self.local(name).is_none() && self.resolve_type_name(name) == Some(Ty::Order) {
                return self.dot_name(member, &Ty::Order);
            }
            if let Some(Import::Module(m)) = self.scope.imports.get(name) {
                // A `pub const` of that module is a Rust constant; types keep
                // their names; anything else is a function.
                let rust_member = if self.foreign_const(m, member).is_some() {
                    super::names::screaming_case(member)
                } else if member.starts_with(|c: char| c.is_ascii_uppercase()) {
                    member.to_string()
                } else {
                    snake_case(member)
                };
                let (m, member) = (ident(m), ident(&rust_member));
                return quote!(super::#m::#member);
            }
        }
        // `list.unusedCapacitySlice().len`: the spare capacity (the slice
        // itself is uninitialised memory, which safe Rust does not lend).
        if member == "len"
            && let ExprKind::Call { callee, args } = &object.kind
            && args.is_empty()
            && let ExprKind::Field {
                object: list,
                member: m,
            } = &callee.kind
            && m == "unusedCapacitySlice"
            && super::builtins::vec_elem(&self.infer(list)).is_some()
        {
            let l = self.operand(list, &Ty::Unknown);
            return quote!((#l.capacity() - #l.len()));
        }
        if let Some(read) = self.packed_read(object, member) {
            return read;
        }
        let object_ty = self.infer(object);
        // `results.writer` / `stdout.interface`: one runtime type stands for
        // the Zig wrapper and its interface.
        if matches!(member, "writer" | "interface") && matches!(object_ty, Ty::Writer | Ty::Reader)
        {
            return self.operand(object, &Ty::Unknown);
        }
        let o = self.operand(object, &Ty::Unknown);
        // `list.items` is the Vec itself (it derefs to a slice).
        if member == "items" && super::builtins::vec_elem(&object_ty).is_some() {
            return quote!(#o);
        }
        // `self.buf.len` of an array field in a place written
        // (`self.buf[self.buf.len - n..]`): Rust's `self.buf.len()` would
        // borrow `self.buf` inside its own mutable index; the length is a
        // constant in Zig anyway.
        if member == "len"
            && self.state.in_written_place
            && matches!(object.kind, ExprKind::Field { .. })
            && let Ty::Array { len, .. } = &object_ty
            && let Some(n) = super::types::zig_int_value(len)
        {
            let n = Literal::usize_unsuffixed(n);
            return quote!(#n);
        }
        if member == "len" && (object_ty.has_len() || object_ty == Ty::Unknown) {
            return quote!(#o.len());
        }
        if let Some(read) = self.union_payload_read(&object_ty, &o, member) {
            return read;
        }
        let m = ident(member);
        quote!(#o.#m)
    }

    /// `prng.random()` and the `std.Random` methods on it, on the support
    /// twin: `random()` is the generator itself, borrowed mutably.
    fn prng_call(
        &mut self,
        object: &Expr,
        receiver_ty: &Ty,
        member: &str,
        args: &[Expr],
    ) -> Option<TokenStream> {
        let prng = receiver_ty.pointee();
        if *prng != Ty::Prng {
            return None;
        }
        // `prng.random().int(u8)`: the generator's own method.
        let o = match &object.kind {
            ExprKind::Call { callee, args } if args.is_empty() => match &callee.kind {
                ExprKind::Field {
                    object: inner,
                    member,
                } if member == "random" => self.operand(inner, &Ty::Unknown),
                _ => self.operand(object, &Ty::Unknown),
            },
            _ => self.operand(object, &Ty::Unknown),
        };
        Some(match (member, args) {
            ("random", []) if *receiver_ty == Ty::Prng => quote!(&mut #o),
            ("random", []) => o,
            ("bytes" | "fill", [buf]) => {
                let byte_slice = Ty::Slice {
                    elem: Box::new(Ty::Int("u8".into())),
                    mutable: true,
                };
                let b = self.coerced(buf, &byte_slice);
                quote!(#o.bytes(#b))
            }
            ("int", [t]) => match rust_type(&self.zig_type(t)) {
                Some(t) => quote!(#o.int::<#t>()),
                None => self.todo("Random.int of an unmapped type"),
            },
            ("uintLessThan", [t, bound]) => {
                let ty = self.zig_type(t);
                match rust_type(&ty) {
                    Some(rt) if matches!(&ty, Ty::Int(n) if n.starts_with('u')) => {
                        let b = self.coerced(bound, &ty);
                        quote!(#o.uint_less_than::<#rt>(#b))
                    }
                    _ => self.todo("Random.uintLessThan of an unmapped type"),
                }
            }
            ("boolean" | "next", []) => {
                let m = ident(member);
                quote!(#o.#m())
            }
            _ => self.todo(format!("no rule for std.Random.{member}")),
        })
    }

    /// A method of `std.StaticBitSet` on the runtime's twin: indices are
    /// `usize` (Zig coerces narrower integers), `iterator(.{})` walks the
    /// set bits upwards (other options have no rule).
    fn bit_set_call(
        &mut self,
        object: &Expr,
        receiver_ty: &Ty,
        member: &str,
        args: &[Expr],
    ) -> Option<TokenStream> {
        let bits = receiver_ty.pointee();
        if !matches!(bits, Ty::BitSet(_)) {
            return None;
        }
        let usize_ty = Ty::Int("usize".into());
        let params: &[Ty] = match member {
            "isSet" | "set" | "unset" | "toggle" => std::slice::from_ref(&usize_ty),
            "setValue" => &[usize_ty.clone(), Ty::Bool],
            "count" | "findFirstSet" | "capacity" => &[],
            "iterator" if matches!(args, [Expr { kind: ExprKind::StructInit { fields, .. }, .. }] if fields.is_empty()) =>
            {
                let o = self.operand(object, &Ty::Unknown);
                return Some(quote!(#o.iterator()));
            }
            _ => return Some(self.todo(format!("no rule for StaticBitSet.{member}"))),
        };
        let o = self.operand(object, &Ty::Unknown);
        let m = ident(&snake_case(member));
        let args = self.args(args, params);
        Some(quote!(#o.#m(#(#args),*)))
    }

    /// `op.jump` on a tagged union: the payload of that variant, and
    /// Zig's safety panic when another one is active.
    fn union_payload_read(
        &self,
        object_ty: &Ty,
        o: &TokenStream,
        member: &str,
    ) -> Option<TokenStream> {
        let union_ty = object_ty.pointee();
        let Ty::Named(name) = union_ty else {
            return None;
        };
        let info = self.lookup_type(name)?;
        if info.kind != Some(ContainerKind::Union) {
            return None;
        }
        let (_, payload, _) = info.fields.iter().find(|(f, _, _)| f == member)?;
        if *payload == Ty::Void {
            return None;
        }
        let t = ident(name);
        let v = ident(&camel_case(member));
        let message = format!("access of union field '{member}' while another field is active");
        if self.is_copy_type(payload) {
            return Some(quote!(match #o { #t::#v(payload) => payload, _ => panic!(#message) }));
        }
        // A payload that is not `Copy` is lent: mutably through `*T`
        // (`slot.value_ptr.array.append(..)`), else shared, an owned
        // slice read as the slice Zig stored.
        Some(match object_ty {
            Ty::Ref { mutable: true, .. } => {
                quote!(match &mut *#o { #t::#v(payload) => payload, _ => panic!(#message) })
            }
            _ => {
                let read = match payload {
                    Ty::Vec(_) => quote!(payload.as_slice()),
                    _ => quote!(payload),
                };
                quote!(match &#o { #t::#v(payload) => #read, _ => panic!(#message) })
            }
        })
    }

    fn call(&mut self, callee: &Expr, args: &[Expr]) -> TokenStream {
        if let Some(mapped) = self.configured_call(callee, args) {
            return mapped;
        }
        // Before the std mapping: `std.testing.allocator.free(x)` is an
        // allocator call, not a std function.
        if let Some(mapped) = self.allocator_call(callee, args) {
            return mapped;
        }
        if let Some(mapped) = self.std_call(callee, args) {
            return mapped;
        }
        // `std.math.Order` methods.
        if let ExprKind::Field { object, member } = &callee.kind
            && args.is_empty()
            && self.infer(object) == Ty::Order
        {
            let o = self.operand(object, &Ty::Unknown);
            match member.as_str() {
                "differ" => return quote!(Some(#o).filter(|o| o.is_ne())),
                "invert" => return quote!(#o.reverse()),
                _ => {}
            }
        }
        if let Some(mapped) = self.vec_call(callee, args) {
            return mapped;
        }
        if let Some(mapped) = self.writer_call(callee, args) {
            return mapped;
        }
        if let Some(mapped) = self.stdio_call(callee, args) {
            return mapped;
        }
        match &callee.kind {
            ExprKind::Ident(name) if self.local(name).is_none() => {
                if let Some(sig) = self.scope.fns.get(name).cloned() {
                    if self.scope.instances.contains_key(name) {
                        return self.call_instance(name, None, &sig, args);
                    }
                    let f = ident(&sig.rust_name);
                    return match &sig.owner {
                        Some(owner) => {
                            let o = ident(owner);
                            self.call_with_sig(
                                quote!(#o::#f),
                                format!("{owner}::{}", sig.rust_name),
                                &sig,
                                args,
                            )
                        }
                        None => self.call_with_sig(quote!(#f), sig.rust_name.clone(), &sig, args),
                    };
                }
                if let Some((owner, path)) =
                    self.declaring_container(|i| i.methods.contains_key(name))
                    && let Some(sig) = self
                        .scope
                        .types
                        .get(&owner)
                        .and_then(|i| i.methods.get(name))
                        .cloned()
                {
                    if self
                        .scope
                        .instances
                        .contains_key(&format!("{owner}.{name}"))
                    {
                        let key = format!("{owner}.{name}");
                        return self.call_instance(&key, Some((&owner, path)), &sig, args);
                    }
                    let f = ident(&sig.rust_name);
                    return self.call_with_sig(
                        quote!(#path::#f),
                        format!("{owner}::{}", sig.rust_name),
                        &sig,
                        args,
                    );
                }
                let f = self.ident_expr(name);
                let args = self.args(args, &[]);
                quote!(#f(#(#args),*))
            }
            ExprKind::Field { object, member } => {
                // `Type.method(x)` and `module.function(x)`.
                if let ExprKind::Ident(name) = &object.kind
                    && self.local(name).is_none()
                {
                    // `S.twice(x)` with `S` a local or nested type's short name.
                    let resolved = match self.resolve_type_name(name) {
                        Some(Ty::Named(full))
                            if full != *name && self.lookup_type(&full).is_some() =>
                        {
                            full
                        }
                        _ => name.clone(),
                    };
                    let name = &resolved;
                    if let Some(info) = self.lookup_type(name) {
                        let owner = match name.as_str() {
                            "Self" => self.state.self_type.clone().unwrap_or_default(),
                            _ => name.clone(),
                        };
                        let key = format!("{owner}.{member}");
                        if self.scope.instances.contains_key(&key)
                            && let Some(sig) = info.methods.get(member).cloned()
                        {
                            let path = match name.as_str() {
                                "Self" => quote!(Self),
                                _ => {
                                    let o = ident(name);
                                    quote!(#o)
                                }
                            };
                            return self.call_instance(&key, Some((&owner, path)), &sig, args);
                        }
                        let path = self.type_member(name, member);
                        return match info.methods.get(member).cloned() {
                            Some(sig) => {
                                let record = format!("{name}::{}", sig.rust_name);
                                self.call_with_sig(path, record, &sig, args)
                            }
                            None => {
                                let args = self.args(args, &[]);
                                quote!(#path(#(#args),*))
                            }
                        };
                    }
                    if let Some(Import::Module(m)) = self.scope.imports.get(name) {
                        let params = self
                            .foreign_fn(m, member)
                            .map(|(params, _)| params)
                            .unwrap_or_default();
                        let (m, f) = (ident(m), ident(&snake_case(member)));
                        let args = self.args(args, &params);
                        return quote!(super::#m::#f(#(#args),*));
                    }
                    if matches!(
                        self.scope.imports.get(name),
                        Some(Import::Std | Import::Other | Import::Named(_))
                    ) {
                        let text = self.zig_text(callee.span).to_string();
                        return self.todo(format!("no rule for `{text}`"));
                    }
                }
                // `StateSet.initEmpty()`: a constructor of the runtime's bit set.
                if let ty @ Ty::BitSet(_) = self.zig_type(object)
                    && let Some(rt) = rust_type(&ty)
                    && matches!(member.as_str(), "initEmpty" | "initFull")
                {
                    let f = ident(&snake_case(member));
                    return quote!(<#rt>::#f());
                }
                // `Stack(u8).init()`: a function of a generic type instance.
                if let ty @ Ty::Generic { .. } = self.zig_type(object)
                    && let Some(rt) = rust_type(&ty)
                {
                    let f = ident(&snake_case(member));
                    let args = self.args(args, &[]);
                    return quote!(<#rt>::#f(#(#args),*));
                }
                // A method call: the receiver is implicit in Rust.
                let receiver_ty = self.infer(object);
                if let Some(call) = self.bit_set_call(object, &receiver_ty, member, args) {
                    return call;
                }
                if let Some(call) = self.prng_call(object, &receiver_ty, member, args) {
                    return call;
                }
                // `command.run(&ctx)` calls a function-pointer field.
                if let Some(Ty::FnPtr { params, .. }) = named_type(&receiver_ty)
                    .and_then(|t| self.lookup_type(t))
                    .and_then(|i| i.fields.iter().find(|(n, ..)| n == member))
                    .map(|(_, t, _)| t.clone())
                {
                    let o = self.operand(object, &Ty::Unknown);
                    let m = ident(member);
                    let args = self.args(args, &params);
                    return quote!((#o.#m)(#(#args),*));
                }
                let method = named_type(&receiver_ty).and_then(|t| {
                    let type_name = match t {
                        // Outside the type's methods (a test), the file struct.
                        "Self" => self
                            .state
                            .self_type
                            .clone()
                            .or_else(|| self.scope.file_struct.clone())?,
                        other => other.to_string(),
                    };
                    let sig = self
                        .scope
                        .types
                        .get(&type_name)?
                        .methods
                        .get(member)?
                        .clone();
                    Some((type_name, sig))
                });
                let params: Vec<Ty> = match &method {
                    Some((type_name, sig)) => {
                        self.state
                            .calls
                            .push(format!("{type_name}::{}", sig.rust_name));
                        sig.params.iter().skip(1).cloned().collect()
                    }
                    None => {
                        // Receiver type unknown to the rules: any module
                        // method of that name may be the callee, so a caller
                        // of an unported one is never reported clean.
                        let mut candidates: Vec<String> = self
                            .scope
                            .types
                            .iter()
                            .filter_map(|(t, i)| {
                                i.methods
                                    .get(member)
                                    .map(|sig| format!("{t}::{}", sig.rust_name))
                            })
                            .collect();
                        candidates.sort();
                        self.state.calls.extend(candidates);
                        Vec::new()
                    }
                };
                // `comptime T: type` arguments go in a turbofish (indices
                // count the receiver).
                let type_params: Vec<usize> = method
                    .as_ref()
                    .map(|(_, sig)| {
                        sig.type_params
                            .iter()
                            .filter_map(|i| i.checked_sub(1))
                            .collect()
                    })
                    .unwrap_or_default();
                let types: Vec<TokenStream> = type_params
                    .iter()
                    .filter_map(|&i| rust_type(&self.zig_type(args.get(i)?)))
                    .collect();
                let turbofish = (!types.is_empty()).then(|| quote!(::<#(#types),*>));
                let (value_args, value_params): (Vec<Expr>, Vec<Ty>) = args
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !type_params.contains(i))
                    .map(|(i, a)| (a.clone(), params.get(i).cloned().unwrap_or(Ty::Unknown)))
                    .unzip();
                if let Some((_, sig)) = &method
                    && let Some(call) =
                        self.copy_through_call(object, member, sig, &value_args, &value_params)
                {
                    return call;
                }
                let o = self.operand(object, &Ty::Unknown);
                let m = ident(&snake_case(member));
                let args = self.args(&value_args, &value_params);
                quote!(#o.#m #turbofish (#(#args),*))
            }
            _ => {
                let f = self.expr(callee, &Ty::Unknown);
                let args = self.args(args, &[]);
                quote!((#f)(#(#args),*))
            }
        }
    }

    /// `mt.type.ptr[0..n]`: a view's pointer re-sliced past the view. The
    /// bytes are the buffer's the view was cut from; the function's one
    /// slice parameter of that element type is taken to be that buffer
    /// (the runtime checks the view lies in it).
    fn reslice_pointer(&mut self, object: &Expr, start: &Expr, end: &Expr) -> Option<TokenStream> {
        let ExprKind::Field {
            object: view,
            member,
        } = &object.kind
        else {
            return None;
        };
        let Ty::Slice {
            elem,
            mutable: false,
        } = self.infer(view)
        else {
            return None;
        };
        if member != "ptr" {
            return None;
        }
        let view_root = super::stmt::place_root(view);
        let buffers: Vec<String> = self
            .state
            .scopes
            .first()?
            .iter()
            .filter(|(n, t)| {
                Some(n.as_str()) != view_root
                    && matches!(t, Ty::Slice { elem: e, .. } if *e == elem)
            })
            .map(|(n, _)| n.clone())
            .collect();
        let [buffer] = &buffers[..] else { return None };
        let within = ident(buffer);
        let v = self.operand(view, &Ty::Unknown);
        let (s, e) = (self.index_expr(start), self.index_expr(end));
        Some(quote!(crate::zigport_rt::mem::reslice_within(#within, #v, #s, #e)))
    }

    /// `self.field(&self.cursor.column, v)`: Rust cannot lend a field of
    /// `self` beside `self` itself. When the method never names that field
    /// (`receiver_fields`) and the pointee is `Copy`, the call gets a local
    /// copy and the field gets it back right after, before any `?`: the
    /// same stores in the same order, since nothing else could see them.
    fn copy_through_call(
        &mut self,
        object: &Expr,
        member: &str,
        sig: &FnSig,
        args: &[Expr],
        params: &[Ty],
    ) -> Option<TokenStream> {
        let ExprKind::Ident(receiver) = &object.kind else {
            return None;
        };
        let touched = sig.receiver_fields.as_ref()?;
        let lent: Vec<(usize, Expr)> = args
            .iter()
            .enumerate()
            .filter_map(|(i, a)| match &a.kind {
                ExprKind::AddressOf(place) => {
                    let place = self.resolve_place_alias(place);
                    let field = super::stmt::first_field_of(&place, receiver)?;
                    Some((i, place, field))
                }
                _ => None,
            })
            .filter(|(_, place, field)| !touched.contains(field) && self.infer(place).is_copy())
            .map(|(i, place, _)| (i, place))
            .collect();
        // An argument that calls could store to the lent field before the
        // call, after the copy was taken.
        if lent.is_empty() || args.iter().any(contains_call) {
            return None;
        }
        let mut copies = Vec::new();
        let mut write_backs = Vec::new();
        let mut call_args = Vec::new();
        for (i, a) in args.iter().enumerate() {
            match lent.iter().find(|(j, _)| *j == i) {
                Some((_, place)) => {
                    let leaf = place_leaf(place).unwrap_or_else(|| "value".into());
                    let copy = ident(&format!("{leaf}_copy"));
                    let p = self.expr(place, &Ty::Unknown);
                    copies.push(quote!(let mut #copy = #p;));
                    write_backs.push(quote!(#p = #copy;));
                    call_args.push(quote!(&mut #copy));
                }
                None => {
                    let param = params.get(i).cloned().unwrap_or(Ty::Unknown);
                    call_args.extend(self.args(std::slice::from_ref(a), &[param]));
                }
            }
        }
        let o = self.operand(object, &Ty::Unknown);
        let m = ident(&snake_case(member));
        Some(quote!({
            #(#copies)*
            let result = #o.#m(#(#call_args),*);
            #(#write_backs)*
            result
        }))
    }

    /// `c.x` with `c` a place alias: `self.cursor.x`.
    fn resolve_place_alias(&self, place: &Expr) -> Expr {
        let mut out = place.clone();
        fn rewrite(e: &mut Expr, aliases: &HashMap<String, Expr>) {
            match &mut e.kind {
                ExprKind::Ident(n) => {
                    if let Some(p) = aliases.get(n) {
                        *e = p.clone();
                    }
                }
                ExprKind::Field { object, .. } => rewrite(object, aliases),
                _ => {}
            }
        }
        rewrite(&mut out, &self.state.place_aliases);
        out
    }

    /// `value` where `expected` is wanted, with Zig's implicit coercions:
    /// `T` → `?T` (wrapped in `Some`) and integer widening.
    pub(super) fn coerced(&mut self, value: &Expr, expected: &Ty) -> TokenStream {
        // An arm of a `switch` returned as `E!T`: errors become `Err`,
        // values `Ok` (see `wrap_return`).
        if let Ty::ErrorUnion(_) = expected {
            return self.wrap_return(value, expected);
        }
        if let Ty::Optional(inner) = expected {
            // A `catch` wraps its own payload (see the `Catch` rule).
            if let ExprKind::Catch { lhs, .. } = &value.kind
                && matches!(self.infer(lhs), Ty::ErrorUnion(p) if !matches!(*p, Ty::Optional(_)))
                && !self.is_infallible_write(lhs)
            {
                return self.expr(value, expected);
            }
            let value_ty = self.infer(value);
            let plain_value =
                matches!(
                    value.kind,
                    ExprKind::Int(_)
                        | ExprKind::Char(_)
                        | ExprKind::Float(_)
                        | ExprKind::Bool(_)
                        | ExprKind::Str(_)
                        | ExprKind::StructInit { .. }
                ) || !matches!(value_ty, Ty::Optional(_) | Ty::Unknown | Ty::NoReturn);
            if plain_value && value.kind != ExprKind::Null {
                let v = self.widened(value, inner);
                return quote!(Some(#v));
            }
        }
        self.widened(value, expected)
    }

    /// `value` for a place of type `target`: a narrower integer widens, as
    /// Zig coerces it (`total += byte` with `total: u32`).
    pub(super) fn widened(&mut self, value: &Expr, target: &Ty) -> TokenStream {
        let value_ty = self.infer(value);
        match (&value_ty, target) {
            // `s[i..][0..n]` with a comptime `n` is a `*[n]T` in Zig; Rust
            // checks the length at run time (it cannot differ).
            (Ty::Slice { elem, .. }, Ty::Ref { to, mutable })
                if matches!(to.as_ref(), Ty::Array { .. }) =>
            {
                // A `*[n]T` written through: the subslice is borrowed mutably.
                if *mutable && let Some(rt) = rust_type(target) {
                    let place = Ty::Slice {
                        elem: elem.clone(),
                        mutable: true,
                    };
                    let v = self.expr(value, &place);
                    return quote!(<#rt>::try_from(#v).unwrap());
                }
                let v = self.expr(value, &value_ty);
                quote!(#v.try_into().unwrap())
            }
            // A slice returned where the caller owns the result (an
            // `alloc*` function returning part of its allocation): a copy.
            (Ty::Slice { .. }, Ty::Vec(_))
                if matches!(value.kind, ExprKind::Call { .. } | ExprKind::Slice { .. }) =>
            {
                let v = self.operand(value, &value_ty);
                let perf = super::comment_marker(
                    "PERF(port): the slice is copied into the owned result (Zig hands out the allocation itself)",
                );
                quote!({ #perf #v.to_vec() })
            }
            // `r.fill(&buf)` into a `[]u8` parameter: the array lent mutably.
            (Ty::Ref { to, .. }, Ty::Slice { mutable: true, .. })
                if matches!(to.as_ref(), Ty::Array { .. })
                    && let ExprKind::AddressOf(inner) = &value.kind =>
            {
                let v = self.operand(inner, &Ty::Unknown);
                quote!(&mut #v)
            }
            // An owned buffer where Zig passes the slice: borrow it.
            (Ty::Vec(_), Ty::Slice { mutable, .. }) => {
                let v = self.operand(value, &value_ty);
                if *mutable {
                    quote!(&mut #v)
                } else {
                    quote!(&#v)
                }
            }
            // An optional owned buffer where Zig passes an optional slice.
            (Ty::Optional(v), Ty::Optional(s))
                if matches!(v.as_ref(), Ty::Vec(_))
                    && matches!(s.as_ref(), Ty::Slice { mutable: false, .. }) =>
            {
                let v = self.operand(value, &value_ty);
                quote!(#v.as_deref())
            }
            // An untyped integer constant takes the place's type (Zig
            // checked at compile time that its value fits).
            (Ty::Int(a), Ty::Int(b))
                if a != b && b != "comptime_int" && self.is_comptime_int_const(value) =>
            {
                let v = self.operand(value, &value_ty);
                match rust_type(target) {
                    Some(t) => quote!((#v as #t)),
                    None => v,
                }
            }
            // Narrower integers widen; usize and u64 (isize and i64) are the
            // same width on the 64-bit targets zigport ports for.
            (Ty::Int(a), Ty::Int(b))
                if a != b
                    && (int_rank(a) < int_rank(b)
                        || (int_rank(a) == int_rank(b)
                            && a.starts_with('i') == b.starts_with('i'))) =>
            {
                let v = self.operand(value, &value_ty);
                match rust_type(target) {
                    Some(t) => quote!(#v as #t),
                    None => v,
                }
            }
            _ => self.expr(value, target),
        }
    }

    /// A call to a function whose signature the module declares: records
    /// the call, passes `comptime T: type` arguments as a turbofish and
    /// drops allocator arguments.
    fn call_with_sig(
        &mut self,
        path: TokenStream,
        record: String,
        sig: &FnSig,
        args: &[Expr],
    ) -> TokenStream {
        self.state.calls.push(record);
        let mut types = Vec::new();
        for &i in &sig.type_params {
            let Some(arg) = args.get(i) else { continue };
            match rust_type(&self.zig_type(arg)) {
                Some(t) => types.push(t),
                None => {
                    let text = self.zig_text(arg.span).to_string();
                    types.push(self.todo(format!("type argument `{text}`")));
                }
            }
        }
        let turbofish = (!types.is_empty()).then(|| quote!(::<#(#types),*>));
        let (value_args, value_params): (Vec<Expr>, Vec<Ty>) = args
            .iter()
            .enumerate()
            .filter(|(i, _)| !sig.type_params.contains(i))
            .map(|(i, a)| (a.clone(), sig.params.get(i).cloned().unwrap_or(Ty::Unknown)))
            .unzip();
        let args = self.args(&value_args, &value_params);
        if sig.is_unsafe {
            self.unsafe_blocks += 1;
            let safety = super::comment_marker(
                "SAFETY: the pointers passed are the ones the Zig original passed; they are valid for the callee's accesses.",
            );
            return quote!(unsafe { #safety #path #turbofish (#(#args),*) });
        }
        quote!(#path #turbofish (#(#args),*))
    }

    /// `@typeInfo(T).int.bits` for a concrete integer `T` (a monomorphised
    /// instance binds it): the width as a literal.
    fn type_info_bits(&self, object: &Expr, member: &str) -> Option<TokenStream> {
        let ExprKind::Field {
            object: info,
            member: kind,
        } = &object.kind
        else {
            return None;
        };
        let ExprKind::Builtin { name, args } = &info.kind else {
            return None;
        };
        if name != "typeInfo" || kind != "int" || member != "bits" {
            return None;
        }
        let Ty::Int(t) = self.zig_type(args.first()?) else {
            return None;
        };
        let bits = match t.as_str() {
            "usize" | "isize" => 64,
            other => super::types::int_width(other)?.1,
        };
        let lit = proc_macro2::Literal::usize_unsuffixed(bits as usize);
        Some(quote!(#lit))
    }

    /// A call to one instance of a monomorphised function: its own name, no
    /// comptime arguments, parameter types with the type parameters bound.
    fn call_instance(
        &mut self,
        zig_name: &str,
        owner: Option<(&str, TokenStream)>,
        sig: &FnSig,
        args: &[Expr],
    ) -> TokenStream {
        let mut mono = Vec::new();
        for &(i, kind) in &sig.mono_params {
            let Some(arg) = args.get(i) else {
                return self.todo(format!("call of `{zig_name}` with too few arguments"));
            };
            mono.push(match kind {
                MonoKind::Type => MonoArg::Type(self.zig_type(arg)),
                MonoKind::TypeOf => MonoArg::TypeOf(self.value_type(arg)),
                MonoKind::Value => match &arg.kind {
                    ExprKind::Ident(n) if let Some(v) = self.bound_value(n) => {
                        MonoArg::Value(v.clone())
                    }
                    _ if super::comptime_literal(arg) => MonoArg::Value(arg.clone()),
                    _ => {
                        let text = self.zig_text(arg.span).to_string();
                        return self.todo(format!(
                            "comptime argument `{text}` of `{zig_name}` is not a literal"
                        ));
                    }
                },
            });
        }
        let rust = self.instance_name(&sig.rust_name, &mono);
        let exists = self.scope.instances.get(zig_name).is_some_and(|list| {
            list.iter()
                .any(|other| self.instance_name(&sig.rust_name, other) == rust)
        });
        if !exists {
            let text = self.args_text(args);
            return self.todo(format!("no Rust instance of `{zig_name}({text})`"));
        }
        let f = ident(&rust);
        let (f, record) = match owner {
            Some((owner, path)) => (quote!(#path::#f), format!("{owner}::{rust}")),
            None => (quote!(#f), rust.clone()),
        };
        self.state.calls.push(record);
        let bound: Vec<Option<Ty>> = sig
            .mono_params
            .iter()
            .zip(&mono)
            .map(|(_, m)| match m {
                MonoArg::TypeOf(t) => Some(t.clone()),
                _ => None,
            })
            .collect();
        let (value_args, value_params): (Vec<Expr>, Vec<Ty>) = args
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                let mono_at = sig.mono_params.iter().position(|(p, _)| *p == i);
                let param = match mono_at {
                    Some(m) => bound[m].clone()?,
                    None => match sig.params.get(i).cloned().unwrap_or(Ty::Unknown) {
                        Ty::Named(_) => Ty::Unknown, // a type parameter: the value decides
                        other => other,
                    },
                };
                Some((a.clone(), param))
            })
            .unzip();
        let args = self.args(&value_args, &value_params);
        quote!(#f(#(#args),*))
    }

    /// The type of a value argument, from its spelling first (`@as(T, ..)`,
    /// `math.inf(T)`), as the instances were collected, then by inference.
    fn value_type(&self, arg: &Expr) -> Ty {
        match &arg.kind {
            ExprKind::Builtin { name, args } if name == "as" && !args.is_empty() => {
                self.zig_type(&args[0])
            }
            ExprKind::Call { callee, args }
                if !args.is_empty()
                    && matches!(&callee.kind, ExprKind::Field { member, .. }
                        if super::mono::FLOAT_CONSTANT_FNS.contains(&member.as_str())) =>
            {
                self.zig_type(&args[0])
            }
            ExprKind::Unary {
                op: UnaryOp::Neg,
                operand,
            } => self.value_type(operand),
            _ => self.infer(arg),
        }
    }

    /// Arguments with their parameter types; allocator arguments disappear
    /// with their parameters.
    pub(super) fn args(&mut self, args: &[Expr], params: &[Ty]) -> Vec<TokenStream> {
        let allocators: Vec<bool> = args
            .iter()
            .map(|a| self.infer(a) == Ty::Allocator)
            .collect();
        args.iter()
            .enumerate()
            .filter(|(i, _)| params.get(*i) != Some(&Ty::Allocator) && !allocators[*i])
            .map(|(i, a)| {
                let expected = params.get(i).cloned().unwrap_or(Ty::Unknown);
                self.coerced(a, &expected)
            })
            .collect()
    }

    fn binary(&mut self, op: BinaryOp, lhs: &Expr, rhs: &Expr, expected: &Ty) -> TokenStream {
        use BinaryOp::*;
        // `pad and x` with `pad` a bound comptime parameter: folded, as Zig does.
        if matches!(op, And | Or)
            && let Some(known) = self.comptime_bool(lhs)
        {
            return match (op, known) {
                (And, false) => quote!(false),
                (Or, true) => quote!(true),
                _ => self.expr(rhs, &Ty::Bool),
            };
        }
        // `[_]T{x} ** n`: an array of n copies.
        if op == Repeat
            && let ExprKind::ListInit { elems, .. } = &lhs.kind
            && let [x] = &elems[..]
        {
            let x = self.expr(x, &Ty::Unknown);
            let n = self.index_expr(rhs);
            return quote!([#x; #n]);
        }
        // `a ++ b` and `"ab" ** n` on byte strings outside a constant: a
        // fresh buffer (`"{" ** 40 ++ "a" ++ "}" ** 40` is one `concat`).
        if matches!(op, Concat | Repeat) && !matches!(expected, Ty::Array { .. }) {
            let mut parts = Vec::new();
            if self.byte_string_parts(op, lhs, rhs, &mut parts) {
                return match &parts[..] {
                    [only] => quote!(&#only[..]),
                    _ => quote!(&[#(&#parts[..]),*].concat()[..]),
                };
            }
        }
        // `utf8.ptr == wtf8.ptr`: whether two slices start at one address
        // (comparing addresses is safe Rust; only dereferencing is not).
        if matches!(op, Eq | Ne)
            && let (
                ExprKind::Field {
                    object: a,
                    member: ma,
                },
                ExprKind::Field {
                    object: b,
                    member: mb,
                },
            ) = (&lhs.kind, &rhs.kind)
            && ma == "ptr"
            && mb == "ptr"
            && matches!(self.infer(a), Ty::Slice { .. })
            && matches!(self.infer(b), Ty::Slice { .. })
        {
            let (a, b) = (self.operand(a, &Ty::Unknown), self.operand(b, &Ty::Unknown));
            let same = quote!(core::ptr::eq(#a.as_ptr(), #b.as_ptr()));
            return if op == Eq { same } else { quote!(!#same) };
        }
        // `native_endian == .big`, `builtin.cpu.arch == .aarch64`: `cfg!`.
        if matches!(op, Eq | Ne)
            && let Some(cond) = self.target_comparison(op == Eq, lhs, rhs)
        {
            return cond;
        }
        // `res != error.InvalidPadding` on an error union: the whole
        // `Result` compared (a value is never equal to an error).
        if matches!(op, Eq | Ne)
            && let ExprKind::ErrorValue(_) = &rhs.kind
            && let Ty::ErrorUnion(_) = self.infer(lhs)
        {
            let l = self.operand(lhs, &Ty::Unknown);
            let r = self.expr(rhs, &Ty::Unknown);
            return match op {
                Eq => quote!((#l == Err(#r))),
                _ => quote!((#l != Err(#r))),
            };
        }
        // `line == .entry` on a tagged union compares the tag: `matches!`.
        if matches!(op, Eq | Ne)
            && let Some((value, tag)) = match (&lhs.kind, &rhs.kind) {
                (_, ExprKind::DotName(t)) => Some((lhs, t)),
                (ExprKind::DotName(t), _) => Some((rhs, t)),
                _ => None,
            }
            && let Some(union_name) = named_type(&self.infer(value)).map(str::to_string)
            && let Some(info) = self.lookup_type(&union_name)
            && info.kind == Some(ContainerKind::Union)
            && let Some((_, payload, _)) = info.fields.iter().find(|(n, ..)| n == tag)
        {
            let has_payload = !matches!(payload, Ty::Void | Ty::Unknown);
            let (u, v) = (ident(&union_name), ident(&camel_case(tag)));
            let pattern = if has_payload {
                quote!(#u::#v(..))
            } else {
                quote!(#u::#v)
            };
            let x = self.expr(value, &Ty::Unknown);
            return if op == Eq {
                quote!(matches!(#x, #pattern))
            } else {
                quote!(!matches!(#x, #pattern))
            };
        }
        let (lt, rt) = (self.infer(lhs), self.infer(rhs));
        // `a + b` on values of a generic type's parameter `T`: `T: Add`.
        let bound = match op {
            Add => Some("Add"),
            Sub => Some("Sub"),
            Mul => Some("Mul"),
            Div => Some("Div"),
            Rem => Some("Rem"),
            BitAnd => Some("BitAnd"),
            BitOr => Some("BitOr"),
            BitXor => Some("BitXor"),
            _ => None,
        };
        if let Some(bound) = bound {
            self.need_bound(&lt, bound);
            self.need_bound(&rt, bound);
        }
        // `order == .monotonic`: Rust's one `Relaxed` stands for two tags.
        if matches!(op, Eq | Ne)
            && let Some(e) = [&lt, &rt].into_iter().find_map(|t| match t {
                Ty::StdEnum(e) if !e.one_to_one() => Some(*e),
                _ => None,
            })
        {
            return self.todo(format!("comparison of {} values", e.zig_name()));
        }
        // Each side of a comparison is typed by the other (`self == .red`).
        let (l_expected, r_expected) = match op {
            Eq | Ne | Lt | Le | Gt | Ge => (rt.clone(), lt.clone()),
            And | Or => (Ty::Bool, Ty::Bool),

            // `x >> @intCast(n)`: Zig's shift amount is a `Log2Int`; any
            // Rust integer shifts, `u32` is the native one.
            Shl | Shr if matches!(&rhs.kind, ExprKind::Builtin { name, .. } if name == "intCast" || name == "truncate") => {
                (expected.clone(), Ty::Int("u32".into()))
            }
            _ => (expected.clone(), expected.clone()),
        };
        let mut l = self.operand(lhs, &l_expected);
        let mut r = self.operand(rhs, &r_expected);
        // `opt == value` is true for a non-null equal payload: `== Some(v)`.
        if matches!(op, Eq | Ne) {
            let literal = |e: &Expr| {
                matches!(
                    e.kind,
                    ExprKind::Int(_) | ExprKind::Char(_) | ExprKind::Bool(_) | ExprKind::Float(_)
                )
            };
            let plain = |t: &Ty, e: &Expr| {
                !matches!(t, Ty::Optional(_))
                    && (*t != Ty::Unknown || literal(e))
                    && e.kind != ExprKind::Null
            };
            if let Ty::Optional(inner) = &lt
                && plain(&rt, rhs)
            {
                let v = self.operand(rhs, inner);
                r = quote!(Some(#v));
            } else if let Ty::Optional(inner) = &rt
                && plain(&lt, lhs)
            {
                let v = self.operand(lhs, inner);
                l = quote!(Some(#v));
            }
        }
        // An untyped integer constant (`const prime = 0x9E37_79B1;`) takes
        // the other operand's integer type, or the result's, as Zig
        // coerces a `comptime_int`; Rust declared it `usize`.
        let (mut lt, mut rt) = (lt, rt);
        if !matches!(op, Shl | Shr | ShlSat | And | Or) {
            let arithmetic = !matches!(op, Eq | Ne | Lt | Le | Gt | Ge);
            let concrete = |t: &Ty| matches!(t, Ty::Int(n) if n != "comptime_int");
            let target = |other: &Ty| match other {
                t if concrete(t) => Some(t.clone()),
                Ty::Unknown if arithmetic && concrete(expected) => Some(expected.clone()),
                _ => None,
            };
            // The Rust type to cast `this` side to, when it is the constant.
            let retype = |this: &Expr, other: &Expr, this_ty: &Ty, other_ty: &Ty| {
                if !self.is_comptime_int_const(this) || self.is_comptime_int_const(other) {
                    return None;
                }
                let t = target(other_ty).filter(|t| t != this_ty)?;
                Some((rust_type(&t)?, t))
            };
            if let Some((rust, t)) = retype(lhs, rhs, &lt, &rt) {
                l = quote!((#l as #rust));
                lt = t;
            } else if let Some((rust, t)) = retype(rhs, lhs, &rt, &lt) {
                r = quote!((#r as #rust));
                rt = t;
            }
        }
        // Zig widens the narrower integer operand (peer type resolution);
        // Rust needs one type on both sides.
        if !matches!(op, Shl | Shr | ShlSat | And | Or)
            && let (Ty::Int(a), Ty::Int(b)) = (&lt, &rt)
            && a != b
            && let (Some(ta), Some(tb)) = (rust_type(&lt), rust_type(&rt))
        {
            // Zig compares integers of mixed signedness by value
            // (`i32 > u32`): both sides go to a signed type holding both.
            if matches!(op, Eq | Ne | Lt | Le | Gt | Ge)
                && a.starts_with('i') != b.starts_with('i')
                && let Some(common) = signed_common_type(a, b)
            {
                let t = ident(&common);
                l = quote!((#l as #t));
                r = quote!((#r as #t));
            } else if int_rank(a) < int_rank(b) {
                l = quote!((#l as #tb));
            } else {
                r = quote!((#r as #ta));
            }
        }
        // `acc = (acc << 6) + d` with `d` of a type the rules did not
        // infer: valid Zig coerces it to the result's integer type, so
        // Rust converts it (a no-op cast when it already is).
        if matches!(
            op,
            Add | Sub | Mul | Div | Rem | BitAnd | BitOr | BitXor | AddWrap | SubWrap | MulWrap
        ) && let Ty::Int(e) = expected
            && e != "comptime_int"
            && let Some(t) = rust_type(expected)
        {
            let path = |x: &Expr| {
                matches!(
                    x.kind,
                    ExprKind::Ident(_) | ExprKind::Index { .. } | ExprKind::Field { .. }
                )
            };
            if lt == *expected && rt == Ty::Unknown && path(rhs) && !self.is_comptime_int_const(rhs)
            {
                r = quote!((#r as #t));
            } else if rt == *expected
                && lt == Ty::Unknown
                && path(lhs)
                && !self.is_comptime_int_const(lhs)
            {
                l = quote!((#l as #t));
            }
        }
        // `0 -% rot`: a method called on a literal needs the literal typed
        // (the result's integer type, else the other side's).
        if matches!(op, AddWrap | SubWrap | MulWrap | AddSat | SubSat | MulSat)
            && let ExprKind::Int(text) = &lhs.kind
            && let Some(value) = super::types::zig_int_value(text)
        {
            let t = match expected {
                Ty::Int(n) if n != "comptime_int" => expected.clone(),
                _ => rt.clone(),
            };
            if let Some(Ty::Int(name)) = Some(&t)
                && let Some(rust) = super::types::rust_int(name)
                && name != "comptime_int"
            {
                l = Literal::u128_suffixed(value as u128)
                    .to_string()
                    .replace("u128", rust)
                    .parse()
                    .unwrap_or(l);
            }
        }
        // `s.len == 0` is `s.is_empty()`.
        if matches!(op, Eq | Ne)
            && let ExprKind::Field { object, member } = &lhs.kind
            && member == "len"
            && matches!(&rhs.kind, ExprKind::Int(n) if n == "0")
            && matches!(self.infer(object), Ty::Slice { .. } | Ty::Array { .. })
        {
            let o = self.operand(object, &Ty::Unknown);
            return if op == Eq {
                quote!(#o.is_empty())
            } else {
                quote!(!#o.is_empty())
            };
        }
        // `u12` lives in a `u16`: a wrapping operation or a left shift
        // keeps Zig's 12 bits (the bits past them are Zig's overflow).
        if matches!(op, AddWrap | SubWrap | MulWrap | Shl) {
            let zig_ty = match (&lt, &rt) {
                (Ty::Int(_), _) => &lt,
                _ => &rt,
            };
            if let Some(bits) = super::builtins::odd_unsigned_bits(zig_ty) {
                let mask = Literal::u128_unsuffixed((1u128 << bits) - 1);
                let result = match op {
                    AddWrap => quote!(#l.wrapping_add(#r)),
                    SubWrap => quote!(#l.wrapping_sub(#r)),
                    MulWrap => quote!(#l.wrapping_mul(#r)),
                    _ => quote!(#l << #r),
                };
                return quote!(((#result) & #mask));
            }
        }
        match op {
            Add => quote!(#l + #r),
            Sub => quote!(#l - #r),
            Mul => quote!(#l * #r),
            Div => quote!(#l / #r),
            Rem => quote!(#l % #r),
            Shl => quote!(#l << #r),
            Shr => quote!(#l >> #r),
            BitAnd => quote!(#l & #r),
            BitOr => quote!(#l | #r),
            BitXor => quote!(#l ^ #r),
            And => quote!(#l && #r),
            Or => quote!(#l || #r),
            Eq => quote!(#l == #r),
            Ne => quote!(#l != #r),
            Lt => quote!(#l < #r),
            Le => quote!(#l <= #r),
            Gt => quote!(#l > #r),
            Ge => quote!(#l >= #r),
            AddWrap => quote!(#l.wrapping_add(#r)),
            SubWrap => quote!(#l.wrapping_sub(#r)),
            MulWrap => quote!(#l.wrapping_mul(#r)),
            AddSat => quote!(#l.saturating_add(#r)),
            SubSat => quote!(#l.saturating_sub(#r)),
            MulSat => quote!(#l.saturating_mul(#r)),
            ShlSat => self.todo("saturating shift `<<|`"),
            Concat | Repeat => match self.array_concat(op, lhs, rhs) {
                Some(array) => array,
                None => self.todo("comptime array concatenation/repetition"),
            },
            ErrorSetMerge => self.todo("error set merge in expression position"),
        }
    }

    fn return_expr(&mut self, value: Option<&Expr>) -> TokenStream {
        let ret = self.state.ret.clone().unwrap_or(Ty::Unknown);
        // `return error.SkipZigTest;`: the test ends there, as a pass
        // (Rust's test harness has no run-time skip).
        if let Some(Expr {
            kind: ExprKind::ErrorValue(e),
            ..
        }) = value
            && e == "SkipZigTest"
        {
            let note = super::comment_marker("zigport: Zig skips the test here");
            return match ret {
                Ty::ErrorUnion(_) => quote!({ #note return Ok(()) }),
                _ => quote!({ #note return }),
            };
        }
        let Some(value) = value else {
            return match ret {
                Ty::ErrorUnion(_) => quote!(return Ok(())),
                _ => quote!(return),
            };
        };
        let v = self.wrap_return(value, &ret);
        quote!(return #v)
    }

    /// A value returned from a function returning `E!T` or `?T`: errors
    /// become `Err`, `null` becomes `None`, plain values are wrapped.
    pub(super) fn wrap_return(&mut self, value: &Expr, ret: &Ty) -> TokenStream {
        match ret {
            Ty::ErrorUnion(inner) => {
                // `return error.X`, or a switch / if choosing between errors.
                if only_errors(value) {
                    let e = self.expr(value, &Ty::Unknown);
                    return quote!(Err(#e));
                }
                // A switch / if mixing values, errors and error unions: each
                // branch is wrapped on its own.
                if matches!(value.kind, ExprKind::Switch(_) | ExprKind::If(_))
                    && !matches!(self.infer(value), Ty::ErrorUnion(_))
                {
                    return self.expr(value, ret);
                }
                let value_ty = self.infer(value);
                if matches!(value_ty, Ty::ErrorUnion(_)) {
                    return self.expr(value, ret);
                }
                // `else => |e| e` in a switch on a caught error.
                if value_ty == Ty::Named("Error".into()) {
                    let e = self.expr(value, &value_ty);
                    return quote!(Err(#e));
                }
                if diverges(value) {
                    return self.expr(value, inner);
                }
                // `!?T`: a plain value is also wrapped in `Some`.
                let v = self.wrap_return(value, inner);
                quote!(Ok(#v))
            }
            Ty::Optional(inner) => {
                // An `if`/`switch` wraps each branch (`if (c) x else null`).
                if value.kind == ExprKind::Null
                    || matches!(value.kind, ExprKind::If(_) | ExprKind::Switch(_))
                    || matches!(self.infer(value), Ty::Optional(_))
                    || diverges(value)
                {
                    return self.expr(value, ret);
                }
                let v = self.widened(value, inner);
                quote!(Some(#v))
            }
            _ => self.widened(value, ret),
        }
    }

    fn struct_init(
        &mut self,
        ty: Option<&Expr>,
        fields: &[FieldInit],
        expected: &Ty,
    ) -> TokenStream {
        let literal_ty = ty.map(|t| self.zig_type(t));
        let type_name = match &literal_ty {
            Some(t @ (Ty::Named(_) | Ty::Generic { .. })) => named_type(t).map(str::to_string),
            Some(_) => None,
            None => named_type(expected).map(str::to_string),
        };
        // `var list: std.ArrayListUnmanaged(T) = .{};`: empty, as `.empty`.
        if ty.is_none() && fields.is_empty() {
            match expected {
                Ty::Vec(_) => return quote!(Vec::new()),
                Ty::StrMap(_) => return quote!(crate::zigport_rt::map::HashMap::default()),
                _ => {}
            }
        }
        let Some(type_name) = type_name else {
            return self.todo("struct literal of unknown type");
        };
        if let Some(literal) = self.packed_literal(&type_name, fields) {
            return literal;
        }
        let Some(info) = self.lookup_type(&type_name).cloned() else {
            if type_name == "Self" {
                return self.todo("`.{}` literal of `@This()`");
            }
            return self.todo(format!("struct literal of `{type_name}`"));
        };
        // `.{ .tag = payload }` of a tagged union: one variant.
        if info.kind == Some(ContainerKind::Union)
            && let [only] = fields
            && let Some((_, payload_ty, _)) = info.fields.iter().find(|(n, ..)| *n == only.name)
        {
            let t = type_path(&type_name);
            let v = ident(&camel_case(&only.name));
            if *payload_ty == Ty::Void {
                return quote!(#t::#v);
            }
            let value = self.coerced(&only.value, payload_ty);
            return quote!(#t::#v(#value));
        }
        if info.kind != Some(ContainerKind::Struct) {
            return self.todo(format!("union or enum literal of `{type_name}`"));
        }
        let mut inits = Vec::new();
        for (name, fty, default) in &info.fields {
            // Allocator fields do not exist in Rust (the global allocator).
            if *fty == Ty::Allocator {
                continue;
            }
            let value = match fields.iter().find(|f| &f.name == name) {
                Some(f) => self.coerced(&f.value, fty),
                None => match default {
                    // A type instance's defaults see its bound parameters.
                    Some(d) => match self.scope.type_instances.get(&type_name).cloned() {
                        Some((ctor, args)) => self
                            .with_instance(&type_name, &ctor, &args, |t, _| t.expr(d, fty))
                            .unwrap_or_default(),
                        None => {
                            let generic = literal_ty.clone().unwrap_or_else(|| expected.clone());
                            self.with_const_args(&generic, |t| t.expr(d, fty))
                        }
                    },
                    None => {
                        return self
                            .todo(format!("field `{name}` of `{type_name}` not initialised"));
                    }
                },
            };
            let n = ident(name);
            if value.to_string() == *n.to_string() {
                inits.push(quote!(#n)); // field init shorthand
            } else {
                inits.push(quote!(#n: #value));
            }
        }
        // `Stack(u8){}` names its type arguments: `Stack::<u8> { .. }`.
        let path = match literal_ty.as_ref().and_then(rust_type) {
            Some(t) if matches!(literal_ty, Some(Ty::Generic { .. })) => {
                let tokens = t.to_string().replacen('<', ":: <", 1);
                tokens.parse::<TokenStream>().unwrap_or(t)
            }
            _ => type_path(&type_name),
        };
        quote!(#path { #(#inits),* })
    }

    /// The pieces of a byte-string `++` / `**` tree, each an expression a
    /// `[..]` applies to (a literal, a slice, a name, `b"ab".repeat(n)`);
    /// false when a piece is something else.
    /// `[_]u8{as} ** 128 ++ [_]u8{xx} ** 64 ++ [_]u8{ .. }`: an array
    /// filled part by part (each length is a comptime constant in Zig).
    fn array_concat(&mut self, op: BinaryOp, lhs: &Expr, rhs: &Expr) -> Option<TokenStream> {
        enum Part<'e> {
            Repeat(&'e Expr, &'e Expr),
            List(&'e [Expr]),
            Bytes(&'e [u8]),
        }
        fn flatten<'e>(
            e: &'e Expr,
            elem: &mut Option<&'e Expr>,
            out: &mut Vec<Part<'e>>,
        ) -> Option<()> {
            match &e.kind {
                ExprKind::Binary {
                    op: BinaryOp::Concat,
                    lhs,
                    rhs,
                } => {
                    flatten(lhs, elem, out)?;
                    flatten(rhs, elem, out)
                }
                ExprKind::Binary {
                    op: BinaryOp::Repeat,
                    lhs,
                    rhs,
                } => match &lhs.kind {
                    ExprKind::ListInit { ty, elems } if elems.len() == 1 => {
                        if let Some(ExprKind::Array { elem: t, .. }) =
                            ty.as_deref().map(|t| &t.kind)
                        {
                            *elem = Some(t);
                        }
                        out.push(Part::Repeat(&elems[0], rhs));
                        Some(())
                    }
                    _ => None,
                },
                ExprKind::ListInit { ty, elems } => {
                    if let Some(ExprKind::Array { elem: t, .. }) = ty.as_deref().map(|t| &t.kind) {
                        *elem = Some(t);
                    }
                    out.push(Part::List(elems));
                    Some(())
                }
                ExprKind::Str(bytes) => {
                    out.push(Part::Bytes(bytes));
                    Some(())
                }
                ExprKind::Comptime(inner) => flatten(inner, elem, out),
                _ => None,
            }
        }
        let whole = Expr {
            span: lhs.span,
            kind: ExprKind::Binary {
                op,
                lhs: Box::new(lhs.clone()),
                rhs: Box::new(rhs.clone()),
            },
        };
        let (mut elem, mut parts) = (None, Vec::new());
        flatten(&whole, &mut elem, &mut parts)?;
        let elem_ty = match elem {
            Some(t) => self.zig_type(t),
            None if parts.iter().all(|p| matches!(p, Part::Bytes(_))) => Ty::Int("u8".into()),
            None => return None,
        };
        let t = rust_type(&elem_ty)?;
        let mut lens = Vec::new();
        let mut fills = Vec::new();
        for part in &parts {
            let (len, fill) = match part {
                Part::Repeat(x, n) => {
                    let n = self.index_expr(n);
                    let x = self.expr(x, &elem_ty);
                    (n.clone(), quote!(array[at..at + #n].fill(#x);))
                }
                Part::List(elems) => {
                    let n = Literal::usize_unsuffixed(elems.len());
                    let xs: Vec<TokenStream> =
                        elems.iter().map(|x| self.expr(x, &elem_ty)).collect();
                    (
                        quote!(#n),
                        quote!(array[at..at + #n].copy_from_slice(&[#(#xs),*]);),
                    )
                }
                Part::Bytes(bytes) => {
                    let n = Literal::usize_unsuffixed(bytes.len());
                    let b = Literal::byte_string(bytes);
                    (quote!(#n), quote!(array[at..at + #n].copy_from_slice(#b);))
                }
            };
            lens.push(len);
            fills.push(fill);
        }
        let steps = fills.iter().zip(&lens).enumerate().map(|(i, (fill, n))| {
            if i + 1 == fills.len() {
                quote!(#fill)
            } else {
                quote!(#fill at += #n;)
            }
        });
        Some(quote!({
            let mut array = [<#t>::default(); #(#lens)+*];
            let mut at = 0;
            #(#steps)*
            let _ = at;
            array
        }))
    }

    fn byte_string_parts(
        &mut self,
        op: BinaryOp,
        lhs: &Expr,
        rhs: &Expr,
        parts: &mut Vec<TokenStream>,
    ) -> bool {
        let piece = |e: &Expr| {
            matches!(
                e.kind,
                ExprKind::Str(_) | ExprKind::Slice { .. } | ExprKind::Ident(_)
            )
        };
        match op {
            BinaryOp::Repeat if matches!(lhs.kind, ExprKind::Str(_)) => {
                let s = self.expr(lhs, &Ty::Unknown);
                let n = self.index_expr(rhs);
                parts.push(quote!(#s.repeat(#n)));
                true
            }
            BinaryOp::Concat => [lhs, rhs].iter().all(|e| match &e.kind {
                ExprKind::Binary { op, lhs, rhs }
                    if matches!(op, BinaryOp::Concat | BinaryOp::Repeat) =>
                {
                    self.byte_string_parts(*op, lhs, rhs, parts)
                }
                _ if piece(e) => {
                    parts.push(self.expr(e, &Ty::Unknown));
                    true
                }
                _ => false,
            }),
            _ => false,
        }
    }

    /// An `undefined` array: integers zero-filled, other `Copy` elements
    /// their default repeated (arrays longer than 32 have no `Default`).
    pub(super) fn filled_array(&self, elem: &Ty, len: &str) -> Option<TokenStream> {
        let len: TokenStream = len.parse().ok()?;
        if elem.is_integer() {
            Some(quote!([0; #len]))
        } else if self.is_copy_type(elem) && self.has_default(elem) {
            Some(quote!([Default::default(); #len]))
        } else if let Ty::Named(n) = elem
            && let Some(info) = self.lookup_type(n)
            && info.kind == Some(ContainerKind::Enum)
            && let Some(first) = info.variants.first()
        {
            // Any tag stands for `undefined`: the first.
            let (t, v) = (ident(n), ident(&camel_case(first)));
            Some(quote!([#t::#v; #len]))
        } else {
            None
        }
    }

    /// Whether the port's type implements `Default`: a tagged union does
    /// when a variant has no payload, or its first payload has a default
    /// (see `items`, which emits the impl by the same test).
    pub(super) fn has_default(&self, ty: &Ty) -> bool {
        self.has_default_within(ty, 4)
    }

    fn has_default_within(&self, ty: &Ty, depth: usize) -> bool {
        match ty {
            Ty::Int(_)
            | Ty::Float(_)
            | Ty::Bool
            | Ty::Optional(_)
            | Ty::BitSet(_)
            | Ty::Vec(_)
            | Ty::StrMap(_) => true,
            Ty::Slice { mutable: false, .. } => true,
            // A plain struct of such fields (`[32]Group = undefined`); the
            // derive is decided by this same test (see `items`).
            Ty::Named(n)
                if depth > 0
                    && self.lookup_type(n).is_some_and(|i| {
                        i.kind == Some(ContainerKind::Struct) && i.generics.is_empty()
                    }) =>
            {
                self.lookup_type(n).is_some_and(|i| {
                    // A packed struct derives `Default` (its backing integer's zero).
                    i.packed.is_some()
                        || i.fields.iter().all(|(_, t, _)| {
                            *t == Ty::Allocator || self.has_default_within(t, depth - 1)
                        })
                })
            }
            Ty::Named(n) if depth > 0 => self.lookup_type(n).is_some_and(|i| {
                i.kind == Some(ContainerKind::Union)
                    && (i.fields.iter().any(|(_, t, _)| *t == Ty::Void)
                        || i.fields
                            .first()
                            .is_some_and(|(_, t, _)| self.has_default_within(t, depth - 1)))
            }),
            _ => false,
        }
    }

    /// An element of an array or slice literal; byte strings of different
    /// lengths become one slice type (`&b"ab"[..]`).
    fn list_item(&mut self, e: &Expr, elem: &Ty) -> TokenStream {
        match (&e.kind, elem) {
            // `as_slice` is a `const fn`: this also works in constants.
            (ExprKind::Str(_), Ty::Slice { .. }) => {
                let s = self.expr(e, elem);
                quote!(#s.as_slice())
            }
            _ => self.coerced(e, elem),
        }
    }

    fn list_init(&mut self, ty: Option<&Expr>, elems: &[Expr], expected: &Ty) -> TokenStream {
        // `.{ true, rest }` where a tuple is expected.
        if ty.is_none()
            && let Ty::Tuple(types) = expected
            && types.len() == elems.len()
        {
            let items: Vec<TokenStream> = elems
                .iter()
                .zip(types)
                .map(|(e, t)| self.list_item(e, t))
                .collect();
            return quote!((#(#items,)*));
        }
        let array_ty = match ty {
            Some(Expr {
                kind: ExprKind::Array { elem, .. },
                ..
            }) => Some(self.zig_type(elem)),
            Some(_) => return self.todo("typed list literal"),
            None => match expected {
                Ty::Array { elem, .. } => Some((**elem).clone()),
                _ => None,
            },
        };
        match array_ty {
            Some(elem_ty) => {
                let items: Vec<TokenStream> =
                    elems.iter().map(|e| self.list_item(e, &elem_ty)).collect();
                match rust_type(&elem_ty) {
                    // Pin the element type on the first literal so an
                    // unannotated `let` gets Zig's element type.
                    Some(t)
                        if ty.is_some()
                            && !items.is_empty()
                            && matches!(elem_ty, Ty::Int(_) | Ty::Float(_)) =>
                    {
                        let first = &items[0];
                        let rest = &items[1..];
                        quote!([#first as #t #(, #rest)*])
                    }
                    _ => quote!([#(#items),*]),
                }
            }
            None => {
                let items: Vec<TokenStream> =
                    elems.iter().map(|e| self.expr(e, &Ty::Unknown)).collect();
                if items.len() == 1 {
                    let only = &items[0];
                    quote!((#only,))
                } else {
                    quote!((#(#items),*))
                }
            }
        }
    }

    /// A light type inference over expressions, for rules that depend on
    /// the operand type (`.len`, index casts, comparisons, returns).
    pub(super) fn infer(&self, e: &Expr) -> Ty {
        match self.infer_by_rules(e) {
            Ty::Unknown => self.sema_expr_ty(e),
            t => t,
        }
    }

    fn infer_by_rules(&self, e: &Expr) -> Ty {
        if matches!(e.kind, ExprKind::Field { .. })
            && self.std_path(e).is_some_and(|p| {
                matches!(
                    p.iter().map(String::as_str).collect::<Vec<_>>()[..],
                    ["testing", "allocator" | "failing_allocator"]
                        | ["heap", "page_allocator" | "c_allocator" | "smp_allocator"]
                )
            })
        {
            return Ty::Allocator;
        }
        if let Some(ty) = self.stdio_type(e) {
            return ty;
        }
        // `std.heap.ArenaAllocator.init(backing)` and `arena.allocator()`.
        if let ExprKind::Call { callee, .. } = &e.kind
            && let ExprKind::Field { object, member } = &callee.kind
            && ((member == "init" && self.zig_type(object) == Ty::Allocator)
                || (member == "allocator" && self.infer(object) == Ty::Allocator))
        {
            return Ty::Allocator;
        }
        match &e.kind {
            ExprKind::Ident(n) if let Some((_, ty)) = self.const_param(n) => ty.clone(),
            ExprKind::Ident(n) if self.local(n).is_none() && self.bound_value(n).is_some() => self
                .bound_value(n)
                .map_or(Ty::Unknown, |arg| self.infer(arg)),
            ExprKind::Ident(n) => self
                .local(n)
                .cloned()
                .or_else(|| self.scope.consts.get(n).map(|(_, t)| t.clone()))
                .or_else(|| {
                    // A constant of the container whose method this is
                    // (or of a container it is nested in).
                    let (owner, _) = self.declaring_container(|i| i.consts.contains_key(n))?;
                    let (_, t) = self.scope.types.get(&owner)?.consts.get(n)?;
                    Some(t.clone())
                })
                .unwrap_or(Ty::Unknown),
            ExprKind::Bool(_) => Ty::Bool,
            // `[_]*?u64{ &a, &b }`: an array of the written element type.
            ExprKind::ListInit { ty: Some(t), elems }
                if matches!(&t.kind, ExprKind::Array { .. }) =>
            {
                let ExprKind::Array { elem, .. } = &t.kind else {
                    unreachable!("checked by the guard")
                };
                Ty::Array {
                    elem: Box::new(self.zig_type(elem)),
                    len: elems.len().to_string(),
                }
            }
            ExprKind::Str(_) => Ty::Slice {
                elem: Box::new(Ty::Int("u8".into())),
                mutable: false,
            },
            ExprKind::Null => Ty::Optional(Box::new(Ty::Unknown)),
            // `(codecs.decoderWithIgnore)(x)`: a function-pointer value's result.
            // (Only through a field path: inferring every callee of a long
            // `a.f().g().h()` chain twice would be exponential.)
            ExprKind::Call { callee, .. }
                if matches!(&callee.kind, ExprKind::Field { object, .. } if is_place_path(object))
                    && let Ty::FnPtr { ret, .. } = self.infer(callee) =>
            {
                *ret
            }
            ExprKind::Call { callee, args } => match &callee.kind {
                ExprKind::Ident(n) if self.std_path(callee).is_none() => self
                    .scope
                    .fns
                    .get(n)
                    .map_or(Ty::Unknown, |s| self.instantiated_ret(s, args, false)),
                // `other.f(..)` with `other` an imported crate module.
                ExprKind::Field { object, member }
                    if let ExprKind::Ident(m) = &object.kind
                        && self.local(m).is_none()
                        && let Some(Import::Module(module)) = self.scope.imports.get(m)
                        && let Some((_, ret)) = self.foreign_fn(module, member) =>
                {
                    ret
                }
                // `std.ArrayList(T).init(a)` is a `Vec<T>`.
                ExprKind::Field { object, member }
                    if matches!(member.as_str(), "init" | "initCapacity")
                        && matches!(self.zig_type(object), Ty::Vec(_) | Ty::StrMap(_)) =>
                {
                    self.zig_type(object)
                }
                // `std.x.f(..)`, or `f(..)` with `const f = std.x.f;`.
                ExprKind::Field { .. } | ExprKind::Ident(_) if self.std_path(callee).is_some() => {
                    let path = self.std_path(callee).unwrap_or_default();
                    let path: Vec<&str> = path.iter().map(String::as_str).collect();
                    let usize_ty = || Ty::Int("usize".into());
                    match &path[..] {
                        ["math", "order"] | ["mem", "order"] => Ty::Order,
                        // `rotl(u64, x, r)`: the named type.
                        ["math", "rotl" | "rotr" | "shl" | "shr"] => match e.kind {
                            ExprKind::Call { ref args, .. } if args.len() == 3 => {
                                self.zig_type(&args[0])
                            }
                            _ => Ty::Unknown,
                        },
                        [
                            "mem",
                            "nativeToLittle" | "littleToNative" | "nativeToBig" | "bigToNative",
                        ] => match e.kind {
                            ExprKind::Call { ref args, .. } if args.len() == 2 => {
                                self.zig_type(&args[0])
                            }
                            _ => Ty::Unknown,
                        },
                        ["base64", _, "Encoder", "encode"] => Ty::Slice {
                            elem: Box::new(Ty::Int("u8".into())),
                            mutable: false,
                        },
                        ["base64", _, "Encoder", "calcSize"] => usize_ty(),
                        [
                            "base64",
                            _,
                            "Decoder",
                            "calcSizeForSlice" | "calcSizeUpperBound",
                        ] => Ty::ErrorUnion(Box::new(usize_ty())),
                        ["base64", _, "Decoder", "decode"] => Ty::ErrorUnion(Box::new(Ty::Void)),
                        ["Random", "DefaultPrng" | "Xoshiro256", "init"] => Ty::Prng,
                        ["math", "cast"] => match e.kind {
                            ExprKind::Call { ref args, .. } if args.len() == 2 => {
                                Ty::Optional(Box::new(self.zig_type(&args[0])))
                            }
                            _ => Ty::Unknown,
                        },
                        [
                            "math",
                            "maxInt" | "minInt" | "inf" | "nan" | "snan" | "floatMax" | "floatMin"
                            | "floatEps" | "floatTrueMin",
                        ] => match e.kind {
                            ExprKind::Call { ref args, .. } if args.len() == 1 => {
                                self.zig_type(&args[0])
                            }
                            _ => Ty::Unknown,
                        },
                        [
                            "mem",
                            "indexOfScalar" | "indexOfScalarPos" | "indexOf" | "indexOfPos"
                            | "lastIndexOf" | "lastIndexOfScalar" | "indexOfAny" | "indexOfNone"
                            | "indexOfAnyPos" | "lastIndexOfAny",
                        ] => Ty::Optional(Box::new(usize_ty())),
                        ["mem", "sliceAsBytes"] => Ty::Slice {
                            elem: Box::new(Ty::Int("u8".into())),
                            mutable: false,
                        },
                        ["ascii", "lowerString" | "upperString"] => Ty::Slice {
                            elem: Box::new(Ty::Int("u8".into())),
                            mutable: true,
                        },
                        ["mem", "count"] => usize_ty(),
                        ["mem", "concat" | "join"] | ["fmt", "allocPrint"] => {
                            Ty::Vec(Box::new(Ty::Int("u8".into())))
                        }
                        ["fmt", "parseInt" | "parseUnsigned"] => match e.kind {
                            ExprKind::Call { ref args, .. } if !args.is_empty() => {
                                Ty::ErrorUnion(Box::new(self.zig_type(&args[0])))
                            }
                            _ => Ty::Unknown,
                        },
                        ["fmt", "charToDigit"] => Ty::ErrorUnion(Box::new(Ty::Int("u8".into()))),
                        ["unicode", "utf8Decode"] => {
                            Ty::ErrorUnion(Box::new(Ty::Int("u32".into())))
                        }
                        ["unicode", "utf8ByteSequenceLength"] => {
                            Ty::ErrorUnion(Box::new(Ty::Int("u8".into())))
                        }
                        ["unicode", "utf8ValidateSlice"] => Ty::Bool,
                        ["unicode", "utf8Encode"] => Ty::ErrorUnion(Box::new(Ty::Int("u8".into()))),
                        ["process", "argsAlloc"] => Ty::Vec(Box::new(Ty::Slice {
                            elem: Box::new(Ty::Int("u8".into())),
                            mutable: false,
                        })),
                        ["fmt", "bufPrint"] => Ty::ErrorUnion(Box::new(Ty::Slice {
                            elem: Box::new(Ty::Int("u8".into())),
                            mutable: true,
                        })),
                        ["mem", "eql" | "startsWith" | "endsWith"] => Ty::Bool,
                        ["mem", f] if super::builtins::split_function(f).is_some() => {
                            match e.kind {
                                ExprKind::Call { ref args, .. } if !args.is_empty() => Ty::Split {
                                    tokens: f.starts_with("tokenize"),
                                    elem: Box::new(self.zig_type(&args[0])),
                                },
                                _ => Ty::Unknown,
                            }
                        }
                        ["mem", "trim" | "trimLeft" | "trimRight"] => match e.kind {
                            ExprKind::Call { ref args, .. } if args.len() == 3 => {
                                self.infer(&args[1])
                            }
                            _ => Ty::Unknown,
                        },
                        _ => Ty::Unknown,
                    }
                }
                // A method call: the receiver's type, inferred once (each
                // extra inference here multiplies along call chains).
                ExprKind::Field { object, member } => {
                    if let ty @ Ty::BitSet(_) = self.zig_type(object)
                        && matches!(member.as_str(), "initEmpty" | "initFull")
                    {
                        return ty;
                    }
                    let object_ty = match self.infer(object) {
                        t if matches!(t.pointee(), Ty::BitSet(_) | Ty::Prng) => t.pointee().clone(),
                        other => other,
                    };
                    if let Some(value) = super::builtins::map_value(&object_ty) {
                        return match member.as_str() {
                            "get" => Ty::Optional(Box::new(match value {
                                Ty::Vec(elem) => Ty::Slice {
                                    elem,
                                    mutable: false,
                                },
                                other => other,
                            })),
                            "getPtr" => Ty::Optional(Box::new(Ty::Ref {
                                to: Box::new(value),
                                mutable: true,
                            })),
                            "getOrPut" => Ty::MapSlot(Box::new(value)),
                            "contains" | "remove" => Ty::Bool,
                            "count" => Ty::Int("usize".into()),
                            _ => Ty::Unknown,
                        };
                    }
                    match (&object_ty, member.as_str()) {
                        (Ty::Split { elem, .. }, "next" | "peek") => {
                            return Ty::Optional(Box::new(Ty::Slice {
                                elem: elem.clone(),
                                mutable: false,
                            }));
                        }
                        (Ty::Split { elem, .. }, "rest" | "first") => {
                            return Ty::Slice {
                                elem: elem.clone(),
                                mutable: false,
                            };
                        }
                        (Ty::Split { .. }, _) => return Ty::Unknown,
                        (Ty::StaticMap(v, _), "get") => return Ty::Optional(v.clone()),
                        (Ty::StaticMap(_, _), "keys") => {
                            return Ty::Column(Box::new(Ty::Slice {
                                elem: Box::new(Ty::Int("u8".into())),
                                mutable: false,
                            }));
                        }
                        (Ty::StaticMap(v, _), "values") => return Ty::Column(v.clone()),
                        (Ty::StaticMap(..), "has") => return Ty::Bool,
                        (Ty::StaticMap(..), _) => return Ty::Unknown,
                        // `allocator.alloc(T, n)` / `allocator.dupe(T, s)`: an
                        // owned buffer (allocation cannot fail in Rust).
                        (Ty::Allocator, "realloc") => {
                            return match e.kind {
                                ExprKind::Call { ref args, .. } if !args.is_empty() => {
                                    self.infer(&args[0])
                                }
                                _ => Ty::Unknown,
                            };
                        }
                        (Ty::Allocator, "alloc" | "dupe") => {
                            return match e.kind {
                                ExprKind::Call { ref args, .. } if !args.is_empty() => {
                                    Ty::Vec(Box::new(self.zig_type(&args[0])))
                                }
                                _ => Ty::Unknown,
                            };
                        }
                        (Ty::Prng, "random") => {
                            return Ty::Ref {
                                to: Box::new(Ty::Prng),
                                mutable: true,
                            };
                        }
                        (Ty::Prng, "int" | "uintLessThan") => {
                            return match e.kind {
                                ExprKind::Call { ref args, .. } if !args.is_empty() => {
                                    self.zig_type(&args[0])
                                }
                                _ => Ty::Unknown,
                            };
                        }
                        (Ty::Prng, "next") => return Ty::Int("u64".into()),
                        (Ty::Prng, "boolean") => return Ty::Bool,
                        (Ty::BitSet(_), "isSet") => return Ty::Bool,
                        (Ty::BitSet(_), "count" | "capacity") => return Ty::Int("usize".into()),
                        (Ty::BitSet(_), "findFirstSet") => {
                            return Ty::Optional(Box::new(Ty::Int("usize".into())));
                        }
                        (Ty::BitSet(_), "iterator") => return Ty::BitSetIter,
                        (Ty::BitSetIter, "next") => {
                            return Ty::Optional(Box::new(Ty::Int("usize".into())));
                        }
                        (Ty::Order, "differ") => return Ty::Optional(Box::new(Ty::Order)),
                        (Ty::Order, "invert") => return Ty::Order,
                        _ => {}
                    }
                    let type_name =
                        named_type(&object_ty)
                            .map(str::to_string)
                            .or(match &object.kind {
                                ExprKind::Ident(t) => Some(t.clone()),
                                _ => None,
                            });
                    type_name
                        .and_then(|t| self.lookup_type(&t))
                        .and_then(|i| i.methods.get(member))
                        .map_or(Ty::Unknown, |s| {
                            self.instantiated_ret(s, args, args.len() < s.params.len())
                        })
                }
                _ => Ty::Unknown,
            },
            ExprKind::Field { .. }
                if self
                    .std_path(e)
                    .is_some_and(|p| p == ["ascii", "whitespace"]) =>
            {
                Ty::Array {
                    elem: Box::new(Ty::Int("u8".into())),
                    len: "6".into(),
                }
            }
            ExprKind::Field { object, member } => {
                let object_ty = self.infer(object);
                if matches!(member.as_str(), "writer" | "interface")
                    && matches!(object_ty, Ty::Writer | Ty::Reader)
                {
                    return object_ty;
                }
                if member == "len" && object_ty.has_len() {
                    return Ty::Int("usize".into());
                }
                if let Some(elem) = super::builtins::vec_elem(&object_ty)
                    && member == "items"
                {
                    return Ty::Vec(Box::new(elem));
                }
                if let Ty::MapSlot(value) = &object_ty {
                    return match member.as_str() {
                        "found_existing" => Ty::Bool,
                        "value_ptr" => Ty::Ref {
                            to: value.clone(),
                            mutable: true,
                        },
                        _ => Ty::Unknown,
                    };
                }
                if let Ty::Split { tokens, elem } = &object_ty {
                    return match member.as_str() {
                        "index" if *tokens => Ty::Int("usize".into()),
                        "index" => Ty::Optional(Box::new(Ty::Int("usize".into()))),
                        "buffer" => Ty::Slice {
                            elem: elem.clone(),
                            mutable: false,
                        },
                        _ => Ty::Unknown,
                    };
                }
                if let Some((_, c)) = self.foreign_type_const(object, member) {
                    return c.ty;
                }
                // `base64.standard_alphabet`: another module's constant.
                if let ExprKind::Ident(module) = &object.kind
                    && self.local(module).is_none()
                    && let Some(Import::Module(m)) = self.scope.imports.get(module)
                    && let Some(ty) = self.foreign_const(m, member)
                {
                    return ty;
                }
                // `State.start`: a variant of a (nested) enum type.
                if let ExprKind::Ident(type_name) = &object.kind
                    && self.local(type_name).is_none()
                    && let Some(Ty::Named(full)) = self.resolve_type_name(type_name)
                    && self.lookup_type(&full).is_some_and(|i| {
                        i.kind == Some(ContainerKind::Enum)
                            && i.variants.iter().any(|v| v == member)
                    })
                {
                    return Ty::Named(full);
                }
                // `Standard.decode_table`: a type's associated constant.
                if let ExprKind::Ident(type_name) = &object.kind
                    && self.local(type_name).is_none()
                    && let Some((_, ty)) = self
                        .lookup_type(type_name)
                        .and_then(|i| i.consts.get(member.as_str()))
                {
                    return ty.clone();
                }
                named_type(&object_ty)
                    .and_then(|t| self.lookup_type(t))
                    .and_then(|i| i.fields.iter().find(|(n, ..)| n == member))
                    .map_or(Ty::Unknown, |(_, t, _)| t.clone())
            }
            ExprKind::Index { object, index } => match self.infer(object) {
                Ty::Tuple(elems) => match &index.kind {
                    ExprKind::Int(n) => n
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| elems.get(i).cloned())
                        .unwrap_or(Ty::Unknown),
                    _ => Ty::Unknown,
                },
                Ty::Slice { elem, .. } | Ty::Array { elem, .. } | Ty::Vec(elem) => *elem,
                // `work[i]` through `work: *[n]u32`.
                Ty::Ref { to, .. } => match *to {
                    Ty::Array { elem, .. } => *elem,
                    _ => Ty::Unknown,
                },
                _ => Ty::Unknown,
            },
            ExprKind::Slice { object, .. } => match self.infer(object) {
                Ty::Slice { elem, mutable } => Ty::Slice { elem, mutable },
                Ty::Vec(elem) => Ty::Slice {
                    elem,
                    mutable: false,
                },
                Ty::Array { elem, .. } => Ty::Slice {
                    elem,
                    mutable: false,
                },
                _ => Ty::Unknown,
            },
            ExprKind::Deref(inner) => match self.infer(inner) {
                Ty::Ref { to, .. } => *to,
                _ => self.array_of_slice(inner).unwrap_or(Ty::Unknown),
            },
            ExprKind::Unwrap(inner) => match self.infer(inner) {
                Ty::Optional(t) => *t,
                _ => Ty::Unknown,
            },
            ExprKind::Try(inner) => match self.infer(inner) {
                Ty::ErrorUnion(t) => *t,
                // `try allocator.alloc(..)`: the allocation is infallible here.
                vec @ Ty::Vec(_) => vec,
                slot @ Ty::MapSlot(_) => slot,
                _ => Ty::Unknown,
            },
            ExprKind::Binary { op, lhs, rhs } => match op {
                BinaryOp::Eq
                | BinaryOp::Ne
                | BinaryOp::Lt
                | BinaryOp::Le
                | BinaryOp::Gt
                | BinaryOp::Ge
                | BinaryOp::And
                | BinaryOp::Or => Ty::Bool,
                BinaryOp::Shl | BinaryOp::Shr | BinaryOp::ShlSat => self.infer(lhs),
                // An untyped constant takes the other side's type.
                _ if self.is_comptime_int_const(lhs) && !self.is_comptime_int_const(rhs) => {
                    match self.infer(rhs) {
                        Ty::Unknown => self.infer(lhs),
                        t => t,
                    }
                }
                _ if self.is_comptime_int_const(rhs) && !self.is_comptime_int_const(lhs) => {
                    match self.infer(lhs) {
                        Ty::Unknown => self.infer(rhs),
                        t => t,
                    }
                }
                // Peer type resolution: the wider integer.
                _ => match (self.infer(lhs), self.infer(rhs)) {
                    (Ty::Int(a), Ty::Int(b)) if int_rank(&b) > int_rank(&a) => Ty::Int(b),
                    (Ty::Unknown, r) => r,
                    (l, _) => l,
                },
            },
            ExprKind::Unary {
                op: UnaryOp::Not, ..
            } => Ty::Bool,
            ExprKind::Unary { operand, .. } => self.infer(operand),
            ExprKind::Builtin { name, args }
                if let Some(call) = super::builtins::plain_call_of(name, args, e.span) =>
            {
                self.infer(&call)
            }
            ExprKind::Builtin { name, args } => match (name.as_str(), args.first()) {
                ("as", Some(t)) => self.zig_type(t),
                ("This", _) => Ty::Named("Self".into()),
                ("intFromPtr", _) => Ty::Int("usize".into()),
                // The atomic builtins: `T`, and `?T` for an exchange.
                ("atomicLoad" | "atomicRmw", Some(t)) => self.zig_type(t),
                ("cmpxchgStrong" | "cmpxchgWeak", Some(t)) => {
                    Ty::Optional(Box::new(self.zig_type(t)))
                }
                ("addWithOverflow" | "subWithOverflow" | "mulWithOverflow", Some(a)) => {
                    let t = match (self.infer(a), args.get(1).map(|b| self.infer(b))) {
                        (t @ Ty::Int(_), _) | (Ty::Unknown, Some(t @ Ty::Int(_))) => t,
                        _ => return Ty::Unknown,
                    };
                    Ty::Tuple(vec![t, Ty::Int("u1".into())])
                }
                ("tagName" | "errorName", _) => Ty::Slice {
                    elem: Box::new(Ty::Int("u8".into())),
                    mutable: false,
                },
                // `@abs(i32)` is a `u32`; a float stays a float.
                ("abs", Some(x)) => match self.infer(x) {
                    Ty::Int(n) if n.starts_with('i') => Ty::Int(format!("u{}", &n[1..])),
                    other => other,
                },
                _ => Ty::Unknown,
            },
            ExprKind::StructInit { ty: Some(t), .. } => self.zig_type(t),
            // `x catch fallback` / `x orelse fallback`: the payload (the
            // fallback has the same type or leaves the scope).
            ExprKind::Catch { lhs, rhs, .. } => match self.infer(lhs) {
                union @ Ty::ErrorUnion(_) if matches!(rhs.kind, ExprKind::ErrorValue(_)) => union,
                Ty::ErrorUnion(t) if rhs.kind == ExprKind::Null => Ty::Optional(t),
                Ty::ErrorUnion(t) => *t,
                // Infallible in the port (a write into a buffer, `argsAlloc`).
                other if self.is_infallible_write(lhs) => other,
                _ => Ty::Unknown,
            },
            ExprKind::Orelse { lhs, rhs } => match (self.infer(lhs), self.infer(rhs)) {
                (Ty::Optional(t), _) if matches!(rhs.kind, ExprKind::ErrorValue(_)) => {
                    Ty::ErrorUnion(t)
                }
                (Ty::Optional(t), Ty::Optional(_)) => Ty::Optional(t),
                (Ty::Optional(t), _) => *t,
                _ => Ty::Unknown,
            },
            _ => Ty::Unknown,
        }
    }

    /// Runs `f` with a capture bound in a fresh scope.
    pub(super) fn scoped_capture<T>(
        &mut self,
        capture: Option<&Capture>,
        ty: Ty,
        f: impl FnOnce(&mut Self) -> T,
    ) -> T {
        self.push_scope();
        if let Some(c) = capture {
            self.bind(&c.name, ty);
        }
        let out = f(self);
        self.pop_scope();
        out
    }
}

/// The module type a value has, through one reference (`self: *Self`).
pub(super) fn named_type(ty: &Ty) -> Option<&str> {
    match ty {
        Ty::Named(t) | Ty::Generic { name: t, .. } => Some(t),
        Ty::Ref { to, .. } => match to.as_ref() {
            Ty::Named(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// The last field of a field path: `column` in `self.cursor.column`.
fn place_leaf(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Field { member, .. } => Some(snake_case(member)),
        _ => None,
    }
}

pub(super) fn lifetime(label: &str) -> syn::Lifetime {
    let name = super::names::ident(label).to_string();
    let name = name.trim_start_matches("r#");
    syn::Lifetime::new(&format!("'{name}"), proc_macro2::Span::call_site())
}

/// A type's path in an expression: `Self` stays `Self` (an identifier
/// named `Self` would be escaped).
fn type_path(name: &str) -> TokenStream {
    if name == "Self" {
        return quote!(Self);
    }
    let t = ident(name);
    quote!(#t)
}

/// Zig integer literal → Rust literal tokens (same syntax for decimal,
/// `0x`, `0o`, `0b` and `_`), or `None` when Rust spells it differently.
fn int_literal(text: &str) -> Option<TokenStream> {
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("0x") && (lower.contains('p') || lower.contains('.')) {
        return None;
    }
    let tokens: TokenStream = text.parse().ok()?;
    let mut iter = tokens.clone().into_iter();
    match (iter.next(), iter.next()) {
        (Some(proc_macro2::TokenTree::Literal(_)), None) => Some(tokens),
        _ => None,
    }
}

/// The narrowest Rust signed integer holding every value of the signed
/// type and the unsigned one (`i32`, `u32` → `i64`).
fn signed_common_type(a: &str, b: &str) -> Option<String> {
    let (signed, unsigned) = if a.starts_with('i') { (a, b) } else { (b, a) };
    let bits = int_rank(signed).max(int_rank(unsigned) + 1);
    [8, 16, 32, 64, 128]
        .into_iter()
        .find(|&n| n >= bits)
        .map(|n| format!("i{n}"))
}

fn int_rank(name: &str) -> u32 {
    let bits = name.trim_start_matches(['u', 'i']);
    match bits {
        "size" => 64,
        b => b.parse().unwrap_or(128),
    }
}

/// Expressions that are cheap and side-effect free, so eager evaluation
/// (`unwrap_or`) is faithful.
fn is_cheap(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Bool(_)
            | ExprKind::Null
            | ExprKind::Char(_)
            | ExprKind::Ident(_)
            | ExprKind::Str(_)
    )
}

fn is_atomic(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Ident(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Char(_)
            | ExprKind::Bool(_)
            | ExprKind::Null
            | ExprKind::Call { .. }
            | ExprKind::Field { .. }
            | ExprKind::Index { .. }
            | ExprKind::Unwrap(_)
            | ExprKind::ErrorValue(_)
            | ExprKind::DotName(_)
            | ExprKind::Try(_)
    )
}

/// Whether every value `e` can produce is an `error.X` (arms that leave
/// the function aside): `switch (err) { error.A => error.B, ... }`.
fn only_errors(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::ErrorValue(_) => true,
        ExprKind::Switch(s) => {
            // `switch (err) { error.A => .., else => |e| e }`: on an error,
            // a prong's capture is an error too.
            let on_error = s.prongs.iter().any(|p| {
                p.items.iter().any(|i| {
                    matches!(
                        i,
                        SwitchItem::Value(Expr {
                            kind: ExprKind::ErrorValue(_),
                            ..
                        })
                    )
                })
            });
            let is_capture = |p: &SwitchProng| {
                on_error
                    && matches!(&p.body.kind, ExprKind::Ident(n) if p.captures.first().is_some_and(|c| c.name == *n))
            };
            s.prongs.iter().any(|p| !diverges(&p.body))
                && s.prongs
                    .iter()
                    .all(|p| diverges(&p.body) || only_errors(&p.body) || is_capture(p))
        }
        ExprKind::If(i) => i.otherwise.as_ref().is_some_and(|o| {
            (only_errors(&i.then) || diverges(&i.then))
                && (only_errors(o) || diverges(o))
                && !(diverges(&i.then) && diverges(o))
        }),
        _ => false,
    }
}

pub(super) fn diverges(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Return(_)
            | ExprKind::Break { .. }
            | ExprKind::Continue { .. }
            | ExprKind::Unreachable
    )
}

/// Whether evaluating `e` calls a function.
fn contains_call(e: &Expr) -> bool {
    struct Found(bool);
    impl crate::syntax::visit::Visitor<'_> for Found {
        fn visit_expr(&mut self, e: &Expr) {
            if matches!(e.kind, ExprKind::Call { .. }) {
                self.0 = true;
            }
            crate::syntax::visit::walk_expr(self, e);
        }
    }
    let mut found = Found(false);
    crate::syntax::visit::Visitor::visit_expr(&mut found, e);
    found.0
}

/// `a`, `a.b.c`: names and fields only (no calls to infer through).
fn is_place_path(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Ident(_) => true,
        ExprKind::Field { object, .. } => is_place_path(object),
        _ => false,
    }
}
