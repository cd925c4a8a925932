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
    /// `std.ArrayList(T)`.
    Vec(Box<Ty>),
    /// `std.StringHashMap(V)`: `HashMap<&[u8], V>` (Zig's keys are
    /// borrowed slices the caller keeps alive; no iteration order is
    /// relied on by the rules, which map no iterator).
    StrMap(Box<Ty>),
    /// `Stack(u8)`: an instance of a module's generic type constructor.
    Generic {
        name: String,
        args: Vec<Ty>,
    },
    /// `std.mem.Allocator`: parameters of this type disappear.
    Allocator,
    /// `std.math.Order`: `core::cmp::Ordering` (`.lt`/`.eq`/`.gt`).
    Order,
    /// A std enum with a Rust twin (`std.builtin.Endian`,
    /// `std.builtin.AtomicOrder`): see [`StdEnum`].
    StdEnum(StdEnum),
    /// `std.StaticStringMap(V)` built at comptime: a static table of
    /// `(key, value)` pairs; `true` when keys compare ASCII
    /// case-insensitively (`StaticStringMapWithEql(V, eqlAsciiIgnoreCase)`).
    StaticMap(Box<Ty>, bool),
    /// `std.Io.Writer` (and `Writer.Allocating`, `File.Writer`): the
    /// runtime's buffered writer.
    Writer,
    /// `std.fs.File.Reader` (stdin): the runtime's reader.
    Reader,
    /// `struct { A, B }`: a Rust tuple.
    Tuple(Vec<Ty>),
    /// `*const fn (A) R`: a function pointer.
    FnPtr {
        params: Vec<Ty>,
        ret: Box<Ty>,
    },
    /// `std.StaticBitSet(N)`: the runtime's bit set; `N` is Rust source.
    BitSet(String),
    /// `bits.iterator(.{})`: the set bits, ascending.
    BitSetIter,
    /// `std.Random.DefaultPrng` (Xoshiro256): the support twin.
    Prng,
    /// `keys()` / `values()` of a static string map: an exact-size
    /// iterator over that column of the table, in Zig's order.
    Column(Box<Ty>),
    /// `map.getOrPut(k)` of a `StringHashMap(V)`: the runtime's `GetOrPut`
    /// (`value_ptr: &mut V`, `found_existing`).
    MapSlot(Box<Ty>),
    /// `std.mem.SplitIterator(T, _)` (`tokens: false`) or
    /// `TokenIterator(T, _)`: the runtime's iterators over a borrowed slice.
    Split {
        tokens: bool,
        elem: Box<Ty>,
    },
    /// A const generic argument (`4` in `Ring<4>`): Rust source of the value.
    ConstArg(String),
    Unknown,
}

impl Ty {
    /// `Unknown` here or in a component (`*Unknown`, `[]Unknown`).
    pub fn mentions_unknown(&self) -> bool {
        match self {
            Ty::Unknown => true,
            Ty::Slice { elem: t, .. }
            | Ty::Array { elem: t, .. }
            | Ty::Ref { to: t, .. }
            | Ty::Raw { to: t, .. }
            | Ty::Optional(t)
            | Ty::ErrorUnion(t)
            | Ty::Vec(t)
            | Ty::StrMap(t) => t.mentions_unknown(),
            Ty::Tuple(ts) => ts.iter().any(Ty::mentions_unknown),
            _ => false,
        }
    }

    pub fn is_copy(&self) -> bool {
        matches!(
            self,
            Ty::Int(_)
                | Ty::Float(_)
                | Ty::Bool
                | Ty::Void
                | Ty::BitSet(_)
                | Ty::Raw { .. }
                | Ty::Order
                | Ty::StdEnum(_)
                | Ty::FnPtr { .. }
        ) || matches!(
            self,
            Ty::Ref { mutable: false, .. } | Ty::Slice { mutable: false, .. }
        ) || matches!(self, Ty::Optional(t) if t.is_copy())
            || matches!(self, Ty::Array { elem, .. } if elem.is_copy())
    }

    /// The type behind a single-item pointer (`*T` → `T`), else itself:
    /// what a method call or field access through the pointer sees.
    pub fn pointee(&self) -> &Ty {
        match self {
            Ty::Ref { to, .. } => to,
            other => other,
        }
    }

    pub fn is_integer(&self) -> bool {
        matches!(self, Ty::Int(_))
    }

    /// Whether `.len` is the Rust `len()`: a slice, array or list, also
    /// through a pointer (`buf: *[32]u8`).
    pub fn has_len(&self) -> bool {
        let sequence = |t: &Ty| matches!(t, Ty::Slice { .. } | Ty::Array { .. } | Ty::Vec(_));
        sequence(self)
            || matches!(self, Ty::Column(_))
            || matches!(self, Ty::Ref { to, .. } if sequence(to))
    }

    /// `[]u8` written through: an output buffer argument (`&mut buf`).
    pub fn output_bytes() -> Ty {
        Ty::Slice {
            elem: Box::new(Ty::Int("u8".into())),
            mutable: true,
        }
    }
}

/// The std enums with a Rust twin, read wherever the model (or the
/// rules' own reading of a type expression) gives a value that type: a
/// parameter, a field, a literal's result location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StdEnum {
    /// `std.builtin.Endian`: the runtime's `mem::Endian` (`Big`,
    /// `Little`), one variant per tag.
    Endian,
    /// `std.builtin.AtomicOrder`: `core::sync::atomic::Ordering`. Rust has
    /// no `unordered`: both `.unordered` and `.monotonic` are `Relaxed`
    /// (the weakest ordering Rust's atomics take; `unordered` only adds a
    /// guarantee against tearing, which every Rust atomic access gives).
    AtomicOrder,
}

impl StdEnum {
    pub fn rust_type(self) -> TokenStream {
        match self {
            StdEnum::Endian => quote!(crate::zigport_rt::mem::Endian),
            StdEnum::AtomicOrder => quote!(core::sync::atomic::Ordering),
        }
    }

    /// The Rust value of the Zig tag `.name`, `None` when the enum has no
    /// such tag.
    pub fn value(self, name: &str) -> Option<TokenStream> {
        let t = self.rust_type();
        let v = match (self, name) {
            (StdEnum::Endian, "little") => quote!(Little),
            (StdEnum::Endian, "big") => quote!(Big),
            (StdEnum::AtomicOrder, "unordered" | "monotonic") => quote!(Relaxed),
            (StdEnum::AtomicOrder, "acquire") => quote!(Acquire),
            (StdEnum::AtomicOrder, "release") => quote!(Release),
            (StdEnum::AtomicOrder, "acq_rel") => quote!(AcqRel),
            (StdEnum::AtomicOrder, "seq_cst") => quote!(SeqCst),
            _ => return None,
        };
        Some(quote!(#t::#v))
    }

    /// Whether every tag has its own Rust value, so comparing and
    /// switching on values mean what they mean in Zig (`AtomicOrder`'s
    /// `.unordered` and `.monotonic` are one `Relaxed`).
    pub fn one_to_one(self) -> bool {
        self == StdEnum::Endian
    }

    /// The Zig name, for TODO reasons.
    pub fn zig_name(self) -> &'static str {
        match self {
            StdEnum::Endian => "std.builtin.Endian",
            StdEnum::AtomicOrder => "std.builtin.AtomicOrder",
        }
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
        other => return widened_int(other),
    })
}

/// Zig's other widths (`u21`, `u3`, `i7`...) live in the next wider Rust
/// type. Narrowing into them (`@intCast`, `@truncate`) checks or masks
/// the Zig width (see `builtins`), and so do wrapping operations and left
/// shifts of unsigned ones (`expr::binary`, `stmt::assign`);
/// FIXME(port): plain arithmetic overflow past the Zig width is not
/// trapped, and signed odd widths do not wrap at their width.
fn widened_int(name: &str) -> Option<&'static str> {
    let (signed, bits) = int_width(name)?;
    let widths = [8, 16, 32, 64, 128];
    let w = widths.iter().find(|&&w| bits <= w)?;
    Some(match (signed, w) {
        (false, 8) => "u8",
        (false, 16) => "u16",
        (false, 32) => "u32",
        (false, 64) => "u64",
        (false, _) => "u128",
        (true, 8) => "i8",
        (true, 16) => "i16",
        (true, 32) => "i32",
        (true, 64) => "i64",
        (true, _) => "i128",
    })
}

/// `u21` → (false, 21). `None` for names that are not integer types and
/// for `u0`/`i0` (zero-bit: no Rust twin).
pub fn int_width(name: &str) -> Option<(bool, u32)> {
    let (signed, digits) = match name.as_bytes().first()? {
        b'u' => (false, &name[1..]),
        b'i' => (true, &name[1..]),
        _ => return None,
    };
    let bits: u32 = digits.parse().ok()?;
    (bits > 0 && bits <= 128).then_some((signed, bits))
}

/// Reads a Zig type expression. `resolve` gives the type a name stands
/// for in the module (a declared type, a generic parameter, an alias such
/// as `const Allocator = std.mem.Allocator`), if any.
/// A std type with a Rust twin, by its path under `std` (`["math",
/// "Order"]`). `std.mem.Allocator` parameters disappear; an arena is an
/// allocator whose frees are batched (in Rust each value frees itself).
pub fn std_named_type(path: &[&str]) -> Option<Ty> {
    Some(match path {
        ["math", "Order"] => Ty::Order,
        ["builtin", "Endian"] => Ty::StdEnum(StdEnum::Endian),
        ["builtin", "AtomicOrder"] => Ty::StdEnum(StdEnum::AtomicOrder),
        // The arena as written, and as the model names it with std's
        // sources at hand (Zig's fully qualified name).
        ["mem", "Allocator"]
        | ["heap", "ArenaAllocator"]
        | ["heap", "arena_allocator", "ArenaAllocator"] => Ty::Allocator,
        ["Io" | "io", "Writer"]
        | ["Io" | "io", "Writer", "Allocating"]
        | ["fs", "File", "Writer"] => Ty::Writer,
        _ => return None,
    })
}

pub fn zig_type(expr: &Expr, resolve: &dyn Fn(&str) -> Option<Ty>) -> Ty {
    zig_type_with(expr, resolve, &|_| None)
}

/// [`zig_type`] with `special` consulted first at every node (std paths
/// such as `std.ArrayList(T)` that need the module's imports).
pub fn zig_type_with(
    expr: &Expr,
    resolve: &dyn Fn(&str) -> Option<Ty>,
    special: &dyn Fn(&Expr) -> Option<Ty>,
) -> Ty {
    if let Some(ty) = special(expr) {
        return ty;
    }
    let rec = |e: &Expr| Box::new(zig_type_with(e, resolve, special));
    match &expr.kind {
        ExprKind::PrimitiveType(name) => match name.as_str() {
            "bool" => Ty::Bool,
            "void" => Ty::Void,
            "noreturn" => Ty::NoReturn,
            "f32" | "f16" | "f80" | "f128" | "c_longdouble" => Ty::Float(name.clone()),
            "f64" | "comptime_float" => Ty::Float("f64".into()),
            "anyerror" => Ty::Named("Error".into()),
            n if rust_int(n).is_some() => Ty::Int(n.into()),
            n if n.starts_with('u') || n.starts_with('i') => Ty::Int(n.into()),
            _ => Ty::Unknown,
        },
        ExprKind::Ident(name) => resolve(name).unwrap_or(Ty::Unknown),
        ExprKind::Builtin { name, args } if name == "This" && args.is_empty() => {
            Ty::Named("Self".into())
        }
        ExprKind::Field { object, member } if member == "Allocator" => match &object.kind {
            ExprKind::Field { member: m, .. } if m == "mem" => Ty::Allocator,
            ExprKind::Ident(m) if m == "mem" => Ty::Allocator,
            _ => Ty::Unknown,
        },
        ExprKind::Call { callee, args } => match &callee.kind {
            // `Stack(u8)`: a generic type constructor of the module.
            ExprKind::Ident(name)
                if resolve(name).is_some_and(|t| matches!(t, Ty::Generic { .. })) =>
            {
                Ty::Generic {
                    name: name.clone(),
                    args: args
                        .iter()
                        .map(|a| zig_type_with(a, resolve, special))
                        .collect(),
                }
            }
            _ => Ty::Unknown,
        },
        ExprKind::Optional(inner) => Ty::Optional(rec(inner)),
        ExprKind::ErrorUnion { payload, .. } => Ty::ErrorUnion(rec(payload)),
        ExprKind::Pointer(p) if let ExprKind::FnType(proto) = &p.child.kind => Ty::FnPtr {
            params: proto
                .params
                .iter()
                .map(|param| match &param.ty {
                    ParamType::Type(t) => zig_type_with(t, resolve, special),
                    _ => Ty::Unknown,
                })
                .collect(),
            ret: rec(&proto.return_type),
        },
        ExprKind::Pointer(p) => {
            let to = rec(&p.child);
            let mutable = !p.is_const;
            match p.size {
                PointerSize::Slice => Ty::Slice { elem: to, mutable },
                PointerSize::One => Ty::Ref { to, mutable },
                PointerSize::Many | PointerSize::C => Ty::Raw { to, mutable },
            }
        }
        ExprKind::Container(c) if super::is_tuple(c) => Ty::Tuple(
            c.members
                .iter()
                .map(|m| match &m.kind {
                    DeclKind::Field(f) => {
                        f.ty.as_ref()
                            .map_or(Ty::Unknown, |t| zig_type_with(t, resolve, special))
                    }
                    _ => Ty::Unknown,
                })
                .collect(),
        ),
        ExprKind::Array { len, elem, .. } => match const_length_with(len, &|_| None) {
            Some(len) => Ty::Array {
                elem: rec(elem),
                len,
            },
            None => Ty::Unknown,
        },
        _ => Ty::Unknown,
    }
}

/// An array length as a Rust constant expression: literals, module
/// constants and `+ - * /` of those (`[window_len * 2]u8`); `leaf` spells
/// the names it knows first (a bound comptime parameter, `Self::CONST`,
/// another module's constant).
pub fn const_length_with(len: &Expr, leaf: &dyn Fn(&Expr) -> Option<String>) -> Option<String> {
    if let Some(spelled) = leaf(len) {
        return Some(spelled);
    }
    match &len.kind {
        ExprKind::Int(n) => zig_int_value(n).map(|n| n.to_string()),
        ExprKind::Ident(c) => Some(ident(&super::names::screaming_case(c)).to_string()),
        ExprKind::Binary { op, lhs, rhs } => {
            let op = match op {
                BinaryOp::Add => "+",
                BinaryOp::Sub => "-",
                BinaryOp::Mul => "*",
                BinaryOp::Div => "/",
                BinaryOp::Rem => "%",
                BinaryOp::Shl => "<<",
                BinaryOp::Shr => ">>",
                _ => return None,
            };
            Some(format!(
                "({} {op} {})",
                const_length_with(lhs, leaf)?,
                const_length_with(rhs, leaf)?
            ))
        }
        _ => None,
    }
}

/// A type as another module sees it: the declaring module's own type
/// names become unknown; the shape (slices, optionals, error unions,
/// integers) stays, which is what coercions need.
pub fn foreign(ty: &Ty) -> Ty {
    map_named(ty, &|_| Ty::Unknown)
}

/// `ty` with each named type (declared or generic parameter) replaced by
/// `f` of it, through slices, pointers, optionals and lists.
pub fn map_named(ty: &Ty, f: &dyn Fn(&Ty) -> Ty) -> Ty {
    let rec = |t: &Ty| Box::new(map_named(t, f));
    match ty {
        Ty::Named(_) | Ty::Generic { .. } => f(ty),
        Ty::Slice { elem, mutable } => Ty::Slice {
            elem: rec(elem),
            mutable: *mutable,
        },
        Ty::Array { elem, len } => Ty::Array {
            elem: rec(elem),
            len: len.clone(),
        },
        Ty::Ref { to, mutable } => Ty::Ref {
            to: rec(to),
            mutable: *mutable,
        },
        Ty::Optional(t) => Ty::Optional(rec(t)),
        Ty::ErrorUnion(t) => Ty::ErrorUnion(rec(t)),
        Ty::Vec(t) => Ty::Vec(rec(t)),
        Ty::StrMap(t) => Ty::StrMap(rec(t)),
        Ty::MapSlot(t) => Ty::MapSlot(rec(t)),
        Ty::Column(t) => Ty::Column(rec(t)),
        other => other.clone(),
    }
}

/// The Rust spelling of a type, or `None` when it has none (Unknown) or
/// needs a decision the rules cannot make (a Zig width Rust lacks).
pub fn rust_type(ty: &Ty) -> Option<TokenStream> {
    rust_type_in(ty, None)
}

/// [`rust_type`] with `lifetime` on the outermost reference (through
/// `Option`/`Result`): `&'a [u8]`, `Option<&'a T>`.
pub fn rust_type_in(ty: &Ty, lifetime: Option<&syn::Lifetime>) -> Option<TokenStream> {
    Some(match ty {
        Ty::Int(name) => {
            let t = ident(rust_int(name)?);
            quote!(#t)
        }
        // `f16`, `f80`, `f128` have no stable Rust twin.
        Ty::Float(name) => {
            if name != "f32" && name != "f64" {
                return None;
            }
            let t = ident(name);
            quote!(#t)
        }
        Ty::Bool => quote!(bool),
        Ty::Order => quote!(core::cmp::Ordering),
        Ty::StdEnum(e) => e.rust_type(),
        Ty::StaticMap(v, _) => {
            let v = rust_type(v)?;
            quote!(&'static [(&'static [u8], #v)])
        }
        Ty::Split { tokens, elem } => {
            let e = rust_type(elem)?;
            let lifetime = lifetime
                .cloned()
                .unwrap_or_else(|| syn::Lifetime::new("'_", proc_macro2::Span::call_site()));
            if *tokens {
                quote!(crate::zigport_rt::split::TokenIterator<#lifetime, #e>)
            } else {
                quote!(crate::zigport_rt::split::SplitIterator<#lifetime, #e>)
            }
        }
        Ty::BitSet(len) => {
            let len: TokenStream = len.parse().ok()?;
            quote!(crate::zigport_rt::bitset::StaticBitSet<{ #len }, { usize::div_ceil(#len, 64) }>)
        }
        Ty::BitSetIter => quote!(crate::zigport_rt::bitset::Iter<'_>),
        Ty::Prng => quote!(crate::zigport_rt::random::Xoshiro256),
        Ty::MapSlot(value) => {
            let v = rust_type(value)?;
            quote!(crate::zigport_rt::map::GetOrPut<'_, #v>)
        }
        Ty::Writer => quote!(crate::zigport_rt::io::Writer),
        Ty::Reader => quote!(crate::zigport_rt::io::Reader),
        Ty::FnPtr { params, ret } => {
            let params = params.iter().map(rust_type).collect::<Option<Vec<_>>>()?;
            match ret.as_ref() {
                Ty::Void => quote!(fn(#(#params),*)),
                r => {
                    let r = rust_type(r)?;
                    quote!(fn(#(#params),*) -> #r)
                }
            }
        }
        Ty::Tuple(elems) => {
            let elems = elems
                .iter()
                .map(|e| rust_type_in(e, lifetime))
                .collect::<Option<Vec<_>>>()?;
            quote!((#(#elems,)*))
        }
        Ty::Void => quote!(()),
        Ty::NoReturn => quote!(!),
        Ty::Slice { elem, mutable } => {
            // Nested borrows share the lifetime: `&'a [&'a [u8]]`.
            let e = rust_type_in(elem, lifetime)?;
            if *mutable {
                quote!(&#lifetime mut [#e])
            } else {
                quote!(&#lifetime [#e])
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
                quote!(&#lifetime mut #t)
            } else {
                quote!(&#lifetime #t)
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
            let t = rust_type_in(inner, lifetime)?;
            quote!(Option<#t>)
        }
        Ty::ErrorUnion(inner) => {
            let t = rust_type_in(inner, lifetime)?;
            quote!(Result<#t, Error>)
        }
        Ty::Named(name) if name == "Self" => quote!(Self),
        Ty::Named(name) => {
            let t = ident(name);
            quote!(#t)
        }
        Ty::Vec(elem) => {
            let e = rust_type(elem)?;
            quote!(Vec<#e>)
        }
        Ty::StrMap(value) => {
            let v = rust_type_in(value, lifetime)?;
            match lifetime {
                Some(l) => quote!(crate::zigport_rt::map::HashMap<&#l [u8], #v>),
                None => quote!(crate::zigport_rt::map::HashMap<&[u8], #v>),
            }
        }
        Ty::Generic { name, args } => {
            let t = ident(name);
            let args = args.iter().map(rust_type).collect::<Option<Vec<_>>>()?;
            quote!(#t<#(#args),*>)
        }
        // A literal or a name as it is; anything else in braces, as Rust
        // requires of a const argument.
        Ty::ConstArg(value) => {
            let v: TokenStream = value.parse().ok()?;
            match syn::parse2::<syn::Expr>(v.clone()).ok()? {
                syn::Expr::Lit(_) | syn::Expr::Path(_) => v,
                _ => quote!({ #v }),
            }
        }
        // An iterator: no type to spell (locals of it are inferred).
        Ty::Allocator | Ty::Unknown | Ty::Column(_) => return None,
    })
}

/// The value of a Zig integer literal (`4096`, `0x100`, `0o17`, `0b1010`,
/// `1_000`), when it fits a `usize`.
pub fn zig_int_value(text: &str) -> Option<usize> {
    let digits = text.replace('_', "");
    let (radix, body) = match digits.get(..2) {
        Some("0x" | "0X") => (16, &digits[2..]),
        Some("0o" | "0O") => (8, &digits[2..]),
        Some("0b" | "0B") => (2, &digits[2..]),
        _ => (10, digits.as_str()),
    };
    usize::from_str_radix(body, radix).ok()
}
