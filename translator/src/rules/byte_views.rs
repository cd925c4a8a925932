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

    /// `a..b` (or `a..`) of a byte view.
    fn byte_range(&mut self, start: &Expr, end: Option<&Expr>) -> TokenStream {
        let s = self.index_expr(start);
        match end {
            Some(end) => {
                let end = self.index_expr(end);
                quote!(#s..#end)
            }
            None => quote!(#s..),
        }
    }

    /// `@as([*]const u8, @ptrCast(&v))[a..b]`: `&v.to_ne_bytes()[a..b]`.
    pub(super) fn integer_bytes_view(&mut self, e: &Expr) -> Option<TokenStream> {
        let (place, start, end) = self.integer_bytes(e)?;
        let v = self.operand(place, &Ty::Unknown);
        let range = self.byte_range(start, end);
        Some(quote!(&#v.to_ne_bytes()[#range]))
    }

    /// `@memcpy(@as([*]u8, @ptrCast(&k))[a..b], src)`: the bytes of `k`
    /// replaced, as Zig writes them in place.
    pub(super) fn memcpy_into_integer(&mut self, dst: &Expr, src: &Expr) -> Option<TokenStream> {
        let (place, start, end) = self.integer_bytes(dst)?;
        let rt = rust_type(&self.infer(place))?;
        let k = self.expr(place, &Ty::Unknown);
        let range = self.byte_range(start, end);
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

impl Translator<'_> {
    /// `@bitCast` between same-size values made of integers (arrays of
    /// them included: `[2]u64 = @bitCast(@as(u128, a) *% b)`,
    /// `[4]u64 = @bitCast([_][16]u8{ x, y })`): through the native bytes,
    /// which is what Zig reinterprets.
    pub(super) fn bytes_bit_cast(&mut self, x: &Expr, target: &Ty) -> Option<TokenStream> {
        let (source_bytes, n) = self.native_bytes_of(x)?;
        let target_bytes = byte_size(target)?;
        if target_bytes != n {
            return None;
        }
        let n_lit = proc_macro2::Literal::usize_unsuffixed(n);
        let rebuilt = match target {
            Ty::Int(_) | Ty::Float(_) => {
                let t = rust_type(target)?;
                quote!(#t::from_ne_bytes(bytes))
            }
            Ty::Array { elem, .. } if **elem == Ty::Int("u8".into()) => quote!(bytes),
            Ty::Array { elem, .. } => {
                let e = rust_type(elem)?;
                let m = proc_macro2::Literal::usize_unsuffixed(byte_size(elem)?);
                quote!(core::array::from_fn(|i| #e::from_ne_bytes(bytes[i * #m..(i + 1) * #m].try_into().unwrap())))
            }
            _ => return None,
        };
        Some(quote!({
            let bytes: [u8; #n_lit] = #source_bytes;
            #rebuilt
        }))
    }

    /// The native bytes of `x` as a `[u8; n]` expression, and `n`.
    fn native_bytes_of(&mut self, x: &Expr) -> Option<(TokenStream, usize)> {
        // `[_][16]u8{ a, b }`: arrays of bytes laid end to end.
        if let ExprKind::ListInit { ty: Some(t), elems } = &x.kind
            && let ExprKind::Array { elem, .. } = &t.kind
            && let Ty::Array { elem: inner, len } = self.zig_type(elem)
            && *inner == Ty::Int("u8".into())
        {
            let each: usize = len.parse().ok()?;
            let parts: Vec<TokenStream> =
                elems.iter().map(|e| self.expr(e, &Ty::Unknown)).collect();
            let n = each * parts.len();
            let n_lit = proc_macro2::Literal::usize_unsuffixed(n);
            return Some((
                quote!(<[u8; #n_lit]>::try_from([#(#parts),*].concat()).unwrap()),
                n,
            ));
        }
        let source = self.infer(x);
        let n = byte_size(&source)?;
        let v = self.operand(x, &source);
        let bytes = match &source {
            Ty::Int(_) | Ty::Float(_) => quote!(#v.to_ne_bytes()),
            Ty::Array { elem, .. } if **elem == Ty::Int("u8".into()) => v,
            Ty::Array { elem, .. } => {
                let m = proc_macro2::Literal::usize_unsuffixed(byte_size(elem)?);
                let n_lit = proc_macro2::Literal::usize_unsuffixed(n);
                quote!({
                    let mut b = [0u8; #n_lit];
                    for (i, w) in #v.iter().enumerate() {
                        b[i * #m..(i + 1) * #m].copy_from_slice(&w.to_ne_bytes());
                    }
                    b
                })
            }
            _ => return None,
        };
        Some((bytes, n))
    }
}

/// Bytes of an integer, `f32`/`f64`, or an array of those.
fn byte_size(t: &Ty) -> Option<usize> {
    match t {
        Ty::Int(n) => super::types::int_width(n)
            .map(|(_, bits)| bits)
            .filter(|b| [8, 16, 32, 64, 128].contains(b))
            .map(|b| b as usize / 8),
        Ty::Float(f) if f == "f32" => Some(4),
        Ty::Float(f) if f == "f64" => Some(8),
        Ty::Array { elem, len } => Some(byte_size(elem)? * len.parse::<usize>().ok()?),
        _ => None,
    }
}
