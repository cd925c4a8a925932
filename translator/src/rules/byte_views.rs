//! Byte views Zig makes with `@ptrCast` that safe Rust makes with
//! `to_ne_bytes`/`from_ne_bytes` (same bytes, same native order):
//!
//! - the bytes of an integer: `@as([*]const u8, @ptrCast(&v))[0..4]`;
//! - bytes copied into an integer: `@memcpy(@as([*]u8, @ptrCast(&k))[0..n], src)`;
//! - the words of a byte slice: `for (@as([*]align(1) const u32, @ptrCast(s.ptr))[0..n]) |w|`.

use proc_macro2::TokenStream;
use quote::quote;

use super::Translator;
use super::names::ident;
use super::types::{Ty, rust_type};
use crate::syntax::ir::*;

/// `@as([*]T, @ptrCast(inner))[start..end]`: `(T, inner, start, end)`.
fn pointer_cast_slice(e: &Expr) -> Option<(&Expr, &Expr, &Expr, Option<&Expr>)> {
    let ExprKind::Slice {
        object,
        start,
        end,
        sentinel: None,
    } = &e.kind
    else {
        return None;
    };
    let ExprKind::Builtin { name, args } = &object.kind else {
        return None;
    };
    let [ty, cast] = args.as_slice() else {
        return None;
    };
    if name != "as" {
        return None;
    }
    let ExprKind::Pointer(p) = &ty.kind else {
        return None;
    };
    if p.size != PointerSize::Many {
        return None;
    }
    let ExprKind::Builtin { name, args } = &cast.kind else {
        return None;
    };
    let [inner] = args.as_slice() else {
        return None;
    };
    (name == "ptrCast").then_some((&p.child, inner, start, end.as_deref()))
}

fn is_u8(t: &Expr) -> bool {
    matches!(&t.kind, ExprKind::PrimitiveType(n) if n == "u8")
}

impl Translator<'_> {
    /// The integer place `&v` a byte view is over, with its range.
    fn integer_bytes<'e>(&self, e: &'e Expr) -> Option<(&'e Expr, &'e Expr, Option<&'e Expr>)> {
        let (elem, inner, start, end) = pointer_cast_slice(e)?;
        let ExprKind::AddressOf(place) = &inner.kind else {
            return None;
        };
        (is_u8(elem) && matches!(self.infer(place), Ty::Int(_))).then_some((place, start, end))
    }

    /// `@as([*]const u8, @ptrCast(&v))[a..b]`: `&v.to_ne_bytes()[a..b]`.
    pub(super) fn integer_bytes_view(&mut self, e: &Expr) -> Option<TokenStream> {
        let (place, start, end) = self.integer_bytes(e)?;
        let v = self.operand(place, &Ty::Unknown);
        let s = self.index_expr(start);
        let range = match end {
            Some(end) => {
                let end = self.index_expr(end);
                quote!(#s..#end)
            }
            None => quote!(#s..),
        };
        Some(quote!(&#v.to_ne_bytes()[#range]))
    }

    /// `@memcpy(@as([*]u8, @ptrCast(&k))[a..b], src)`: the bytes of `k`
    /// replaced, as Zig writes them in place.
    pub(super) fn memcpy_into_integer(&mut self, dst: &Expr, src: &Expr) -> Option<TokenStream> {
        let (place, start, end) = self.integer_bytes(dst)?;
        let rt = rust_type(&self.infer(place))?;
        let k = self.expr(place, &Ty::Unknown);
        let s = self.index_expr(start);
        let range = match end {
            Some(end) => {
                let end = self.index_expr(end);
                quote!(#s..#end)
            }
            None => quote!(#s..),
        };
        let src = self.expr(src, &Ty::Unknown);
        Some(quote!({
            let mut bytes = #k.to_ne_bytes();
            bytes[#range].copy_from_slice(#src);
            #k = #rt::from_ne_bytes(bytes);
        }))
    }

    /// `@as([*]align(1) const u32, @ptrCast(s.ptr))[a..b]` iterated: the
    /// words of `s` in native order, and their type.
    pub(super) fn word_view_iter(&mut self, e: &Expr) -> Option<(TokenStream, Ty)> {
        let (elem, inner, start, end) = pointer_cast_slice(e)?;
        let end = end?;
        let ExprKind::Field { object, member } = &inner.kind else {
            return None;
        };
        if member != "ptr" {
            return None;
        }
        let Ty::Slice { elem: bytes, .. } = self.infer(object) else {
            return None;
        };
        if *bytes != Ty::Int("u8".into()) {
            return None;
        }
        let word = self.zig_type(elem);
        let width = match &word {
            Ty::Int(n) => super::types::int_width(n).map(|(_, bits)| bits)?,
            _ => return None,
        };
        if !matches!(width, 16 | 32 | 64 | 128) {
            return None;
        }
        let rt = rust_type(&word)?;
        let n = proc_macro2::Literal::usize_unsuffixed((width / 8) as usize);
        let s = self.operand(object, &Ty::Unknown);
        let b = self.index_expr(end);
        let first = match &start.kind {
            ExprKind::Int(z) if z == "0" => quote!(),
            _ => {
                let a = self.index_expr(start);
                quote!((#a) * #n)
            }
        };
        let from = ident("from_ne_bytes");
        Some((
            quote!(#s[#first..(#b) * #n].chunks_exact(#n).map(|w| #rt::#from(w.try_into().unwrap()))),
            word,
        ))
    }
}
