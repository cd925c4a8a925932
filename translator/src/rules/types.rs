//! Types: the rules' view of a Zig type, and its Rust spelling.
//!
//! | Zig | Rust |
//! |---|---|
//! | `u8`…`u128`, `i*`, `usize`, `f32`, `bool`, `void` | same, `()` |
//! | `[]const T` / `[]T` | `&[T]` / `&mut [T]` (bytes stay `[u8]`, never `&str`) |
//! | `*const T` / `*T` | `&T` / `&mut T` |
//! | `[*]T`, `[*c]T` | `*const T` / `*mut T` (unsafe at use sites) |
//! | `[N]T` | `[T; N]` |
//! | `?T` | `Option<T>` |
//! | `E!T`, `!T`, `anyerror!T` | `Result<T, Error>` (one error enum per module) |

use proc_macro2::TokenStream;
use quote::quote;

use super::names::ident;
use crate::syntax::ir::*;

/// What the rules know about a type. `Unknown` means "let rustc infer".
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    Int(String),
    Float(String),
    Bool,
    Void,
    NoReturn,
    /// `[]T` (`mutable` for `[]T`, not for `[]const T`).
    Slice {
        elem: Box<Ty>,
        mutable: bool,
    },
    /// `len` is Rust source for the length (a literal or a constant).
    Array {
        elem: Box<Ty>,
        len: String,
    },
    /// `*T` / `*const T`.
    Ref {
        to: Box<Ty>,
        mutable: bool,
    },
    /// `[*]T`, `[*c]T`: raw pointers.
    Raw {
        to: Box<Ty>,
        mutable: bool,
    },
    Optional(Box<Ty>),
    ErrorUnion(Box<Ty>),
    /// A type declared in this module (struct, enum, union) or a generic
    /// parameter.
    Named(String),
    /// `std.mem.Allocator`: parameters of this type disappear.
    Allocator,
    Unknown,
}

impl Ty {
    pub fn is_copy(&self) -> bool {
        matches!(
            self,
            Ty::Int(_) | Ty::Float(_) | Ty::Bool | Ty::Void | Ty::Raw { .. }
        ) || matches!(
            self,
            Ty::Ref { mutable: false, .. } | Ty::Slice { mutable: false, .. }
        ) || matches!(self, Ty::Optional(t) if t.is_copy())
            || matches!(self, Ty::Array { elem, .. } if elem.is_copy())
    }

    pub fn is_integer(&self) -> bool {
        matches!(self, Ty::Int(_))
    }
}

/// Rust integer types that exist; other Zig widths need a marker.
pub fn rust_int(name: &str) -> Option<&'static str> {
    Some(match name {
        "u8" => "u8",
        "u16" => "u16",
        "u32" => "u32",
        "u64" => "u64",
        "u128" => "u128",
        "usize" => "usize",
        "i8" => "i8",
        "i16" => "i16",
        "i32" => "i32",
        "i64" => "i64",
        "i128" => "i128",
        "isize" => "isize",
        "c_int" => "i32",
        "c_uint" => "u32",
        "c_long" => "i64",
        "c_ulong" => "u64",
        "c_char" => "u8",
        "comptime_int" => "i128",
        _ => return None,
    })
}

/// Reads a Zig type expression. `is_module_type` says whether a name is a
/// type declared in the module (or a generic parameter).
pub fn zig_type(expr: &Expr, is_module_type: &dyn Fn(&str) -> bool) -> Ty {
    let rec = |e: &Expr| Box::new(zig_type(e, is_module_type));
    match &expr.kind {
        ExprKind::PrimitiveType(name) => match name.as_str() {
            "bool" => Ty::Bool,
            "void" => Ty::Void,
            "noreturn" => Ty::NoReturn,
            "f16" | "f32" => Ty::Float("f32".into()),
            "f64" | "comptime_float" => Ty::Float("f64".into()),
            n if rust_int(n).is_some() => Ty::Int(n.into()),
            n if n.starts_with('u') || n.starts_with('i') => Ty::Int(n.into()),
            _ => Ty::Unknown,
        },
        ExprKind::Ident(name) if is_module_type(name) => Ty::Named(name.clone()),
        ExprKind::Builtin { name, args } if name == "This" && args.is_empty() => {
            Ty::Named("Self".into())
        }
        ExprKind::Field { object, member } if member == "Allocator" => match &object.kind {
            ExprKind::Field { member: m, .. } if m == "mem" => Ty::Allocator,
            ExprKind::Ident(m) if m == "mem" => Ty::Allocator,
            _ => Ty::Unknown,
        },
        ExprKind::Optional(inner) => Ty::Optional(rec(inner)),
        ExprKind::ErrorUnion { payload, .. } => Ty::ErrorUnion(rec(payload)),
        ExprKind::Pointer(p) => {
            let to = rec(&p.child);
            let mutable = !p.is_const;
            match p.size {
                PointerSize::Slice => Ty::Slice { elem: to, mutable },
                PointerSize::One => Ty::Ref { to, mutable },
                PointerSize::Many | PointerSize::C => Ty::Raw { to, mutable },
            }
        }
        ExprKind::Array { len, elem, .. } => match &len.kind {
            ExprKind::Int(n) => match n.replace('_', "").parse::<usize>() {
                Ok(n) => Ty::Array {
                    elem: rec(elem),
                    len: n.to_string(),
                },
                Err(_) => Ty::Unknown,
            },
            ExprKind::Ident(c) => Ty::Array {
                elem: rec(elem),
                len: ident(&super::names::screaming_case(c)).to_string(),
            },
            _ => Ty::Unknown,
        },
        _ => Ty::Unknown,
    }
}

/// The Rust spelling of a type, or `None` when it has none (Unknown) or
/// needs a decision the rules cannot make (a Zig width Rust lacks).
pub fn rust_type(ty: &Ty) -> Option<TokenStream> {
    Some(match ty {
        Ty::Int(name) => {
            let t = ident(rust_int(name)?);
            quote!(#t)
        }
        Ty::Float(name) => {
            let t = ident(name);
            quote!(#t)
        }
        Ty::Bool => quote!(bool),
        Ty::Void => quote!(()),
        Ty::NoReturn => quote!(!),
        Ty::Slice { elem, mutable } => {
            let e = rust_type(elem)?;
            if *mutable {
                quote!(&mut [#e])
            } else {
                quote!(&[#e])
            }
        }
        Ty::Array { elem, len } => {
            let e = rust_type(elem)?;
            let len: TokenStream = len.parse().ok()?;
            quote!([#e; #len])
        }
        Ty::Ref { to, mutable } => {
            let t = rust_type(to)?;
            if *mutable {
                quote!(&mut #t)
            } else {
                quote!(&#t)
            }
        }
        Ty::Raw { to, mutable } => {
            let t = rust_type(to)?;
            if *mutable {
                quote!(*mut #t)
            } else {
                quote!(*const #t)
            }
        }
        Ty::Optional(inner) => {
            let t = rust_type(inner)?;
            quote!(Option<#t>)
        }
        Ty::ErrorUnion(inner) => {
            let t = rust_type(inner)?;
            quote!(Result<#t, Error>)
        }
        Ty::Named(name) => {
            let t = ident(name);
            quote!(#t)
        }
        Ty::Allocator | Ty::Unknown => return None,
    })
}
