//! Zig types as the semantic model knows them: Zig's own type system, not
//! Rust's (the rules map these to Rust). A type the model cannot derive is
//! `Unknown`, never a guess.

use std::fmt;

use serde::Serialize;

use super::names::ContainerId;

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Type {
    /// Not derivable from what the model sees (yet).
    #[default]
    Unknown,
    /// The type of types.
    Type,
    Void,
    Bool,
    NoReturn,
    AnyOpaque,
    /// `u8`, `i32`, `usize` (pointer-sized: 64 bits, the oracle's target),
    /// `u21`: any width.
    Int {
        signed: bool,
        bits: u16,
    },
    /// `usize`/`isize`: distinct from `u64`/`i64` in Zig (and in Rust).
    Usize,
    Isize,
    ComptimeInt,
    Float {
        bits: u16,
    },
    ComptimeFloat,
    /// `.name` before it meets a result type.
    EnumLiteral,
    Null,
    Undefined,
    Pointer {
        size: PtrSize,
        is_const: bool,
        child: Box<Type>,
        /// `[:0]u8`, `[*:0]u8`: the sentinel as written.
        #[serde(skip_serializing_if = "Option::is_none")]
        sentinel: Option<String>,
    },
    Array {
        /// `None` when the length is not comptime-known to the model.
        len: Option<u64>,
        child: Box<Type>,
        #[serde(skip_serializing_if = "Option::is_none")]
        sentinel: Option<String>,
    },
    Vector {
        len: Option<u64>,
        child: Box<Type>,
    },
    Optional(Box<Type>),
    ErrorUnion {
        set: Box<Type>,
        payload: Box<Type>,
    },
    /// `error{A, B}` (names sorted), or `anyerror` when `None`.
    ErrorSet(Option<Vec<String>>),
    /// A function's inferred error set (`!T`): the function's name.
    InferredErrorSet(String),
    /// A struct, enum, union or opaque declared in the analysed source.
    Container(ContainerId),
    /// A declaration of Zig's std: its path from `std`. With the std
    /// sources at hand ([`super::StdLib`]) the path is canonical, Zig's own
    /// fully qualified name (the file's path in `lib/std`, then the nested
    /// declarations: `["mem", "Allocator"]`, `["builtin", "Endian"]`), so
    /// aliases are one type; without them, the path as written.
    Std(Vec<String>),
    /// In a std function's signature: the type its comptime parameter of
    /// this name (`comptime T: type`) is given at a call.
    TypeParam(String),
    /// An imported file or named module, as a namespace: its import string.
    Module(String),
    /// A function body's type: the function's declaration (container and
    /// name).
    Fn {
        container: ContainerId,
        name: String,
    },
    /// `struct { u8, bool }` and anonymous list literals `.{ a, b }`.
    Tuple(Vec<Type>),
    /// `anytype` parameters: known only per call.
    AnyType,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PtrSize {
    One,
    Many,
    Slice,
    C,
}

impl Type {
    pub fn int(signed: bool, bits: u16) -> Type {
        Type::Int { signed, bits }
    }

    pub fn usize() -> Type {
        Type::Usize
    }

    pub fn slice(child: Type, is_const: bool) -> Type {
        Type::Pointer {
            size: PtrSize::Slice,
            is_const,
            child: Box::new(child),
            sentinel: None,
        }
    }

    pub fn is_known(&self) -> bool {
        *self != Type::Unknown
    }

    /// Integer and float types, comptime ones included.
    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            Type::Int { .. }
                | Type::Usize
                | Type::Isize
                | Type::ComptimeInt
                | Type::Float { .. }
                | Type::ComptimeFloat
        )
    }

    /// The type an enum literal, struct literal or decl literal (`.init`)
    /// resolves against when it is written where `self` is expected: Zig
    /// looks through optionals, error unions and single-item pointers
    /// (`return .init` in a `!*T` function... is `T`'s).
    pub fn literal_target(&self) -> &Type {
        match self {
            Type::Optional(inner) => inner.literal_target(),
            Type::ErrorUnion { payload, .. } => payload.literal_target(),
            Type::Pointer {
                size: PtrSize::One,
                child,
                ..
            } => child.literal_target(),
            t => t,
        }
    }

    /// The destination of a cast builtin (`@intCast`, `@truncate`, ...)
    /// written where `self` is expected: Zig casts to the payload of an
    /// optional or error union, then wraps.
    pub fn cast_target(&self) -> &Type {
        match self {
            Type::Optional(inner) => inner.cast_target(),
            Type::ErrorUnion { payload, .. } => payload.cast_target(),
            t => t,
        }
    }

    /// The pointee of a single-item pointer (Zig's field access and switch
    /// look through one), else the type itself.
    pub fn through_pointer(&self) -> Type {
        match self {
            Type::Pointer {
                size: PtrSize::One,
                child,
                ..
            } => (**child).clone(),
            t => t.clone(),
        }
    }

    /// What `if (x) |v|` / `while (x) |v|` binds: an optional's or error
    /// union's payload.
    pub fn unwrapped(&self) -> Type {
        match self {
            Type::Optional(t) => (**t).clone(),
            Type::ErrorUnion { payload, .. } => (**payload).clone(),
            _ => Type::Unknown,
        }
    }

    /// The element type when indexed (`a[i]`), through one pointer.
    pub fn element(&self) -> Type {
        match self {
            Type::Array { child, .. } | Type::Vector { child, .. } => (**child).clone(),
            Type::Pointer {
                size: PtrSize::Slice | PtrSize::Many | PtrSize::C,
                child,
                ..
            } => (**child).clone(),
            Type::Pointer {
                size: PtrSize::One,
                child,
                ..
            } => match child.as_ref() {
                Type::Array { child, .. } | Type::Vector { child, .. } => (**child).clone(),
                _ => Type::Unknown,
            },
            _ => Type::Unknown,
        }
    }

    /// Peer type resolution of two branch or operand types, as far as the
    /// model goes: equal types, a comptime number meeting a runtime one,
    /// `null` meeting `T` (`?T`), `noreturn` meeting anything. Otherwise
    /// `Unknown` (never a guess).
    pub fn peer(&self, other: &Type) -> Type {
        match (self, other) {
            (a, b) if a == b => a.clone(),
            (Type::NoReturn, t) | (t, Type::NoReturn) => t.clone(),
            (Type::Unknown, _) | (_, Type::Unknown) => Type::Unknown,
            (
                Type::ComptimeInt,
                t @ (Type::Int { .. }
                | Type::Usize
                | Type::Isize
                | Type::Float { .. }
                | Type::ComptimeFloat),
            )
            | (
                t @ (Type::Int { .. }
                | Type::Usize
                | Type::Isize
                | Type::Float { .. }
                | Type::ComptimeFloat),
                Type::ComptimeInt,
            ) => t.clone(),
            (
                Type::Usize,
                Type::Int {
                    signed: false,
                    bits,
                },
            )
            | (
                Type::Int {
                    signed: false,
                    bits,
                },
                Type::Usize,
            ) if *bits < 64 => Type::Usize,
            (Type::ComptimeFloat, t @ Type::Float { .. })
            | (t @ Type::Float { .. }, Type::ComptimeFloat) => t.clone(),
            (
                Type::Int {
                    signed: s1,
                    bits: b1,
                },
                Type::Int {
                    signed: s2,
                    bits: b2,
                },
            ) if s1 == s2 => Type::int(*s1, (*b1).max(*b2)),
            (Type::Float { bits: a }, Type::Float { bits: b }) => {
                Type::Float { bits: (*a).max(*b) }
            }
            (Type::Null, Type::Optional(t)) | (Type::Optional(t), Type::Null) => {
                Type::Optional(t.clone())
            }
            (Type::Null, t) | (t, Type::Null) => Type::Optional(Box::new(t.clone())),
            (Type::Optional(a), b) | (b, Type::Optional(a)) if **a == *b => {
                Type::Optional(a.clone())
            }
            (Type::Undefined, t) | (t, Type::Undefined) => t.clone(),
            _ => Type::Unknown,
        }
    }
}

impl Type {
    /// `self` with each [`Type::TypeParam`] replaced by its binding
    /// (`Unknown` when unbound).
    pub fn substitute(&self, bind: &dyn Fn(&str) -> Option<Type>) -> Type {
        self.map(&|t| match t {
            Type::TypeParam(name) => Some(bind(name).unwrap_or_default()),
            _ => None,
        })
    }

    /// `self` with every part `f` rewrites (`Some`) rewritten, the others
    /// walked into.
    pub fn map(&self, f: &dyn Fn(&Type) -> Option<Type>) -> Type {
        if let Some(t) = f(self) {
            return t;
        }
        let sub = |t: &Type| Box::new(t.map(f));
        match self {
            Type::Pointer {
                size,
                is_const,
                child,
                sentinel,
            } => Type::Pointer {
                size: *size,
                is_const: *is_const,
                child: sub(child),
                sentinel: sentinel.clone(),
            },
            Type::Array {
                len,
                child,
                sentinel,
            } => Type::Array {
                len: *len,
                child: sub(child),
                sentinel: sentinel.clone(),
            },
            Type::Vector { len, child } => Type::Vector {
                len: *len,
                child: sub(child),
            },
            Type::Optional(t) => Type::Optional(sub(t)),
            Type::ErrorUnion { set, payload } => Type::ErrorUnion {
                set: sub(set),
                payload: sub(payload),
            },
            Type::Tuple(ts) => Type::Tuple(ts.iter().map(|t| t.map(f)).collect()),
            t => t.clone(),
        }
    }
}

/// Zig syntax, with containers named by `names` (see
/// [`super::FileModel::type_name`]); this plain form prints their ids.
impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", render(self, &|id| format!("#{}", id.0)))
    }
}

/// `ty` in Zig syntax, containers named by `container`.
pub fn render(ty: &Type, container: &dyn Fn(ContainerId) -> String) -> String {
    let r = |t: &Type| render(t, container);
    match ty {
        Type::Unknown => "?unknown".into(),
        Type::Type => "type".into(),
        Type::Void => "void".into(),
        Type::Bool => "bool".into(),
        Type::NoReturn => "noreturn".into(),
        Type::AnyOpaque => "anyopaque".into(),
        Type::Int { signed, bits } => format!("{}{bits}", if *signed { 'i' } else { 'u' }),
        Type::Usize => "usize".into(),
        Type::Isize => "isize".into(),
        Type::ComptimeInt => "comptime_int".into(),
        Type::Float { bits } => format!("f{bits}"),
        Type::ComptimeFloat => "comptime_float".into(),
        Type::EnumLiteral => "@Type(.enum_literal)".into(),
        Type::Null => "@TypeOf(null)".into(),
        Type::Undefined => "@TypeOf(undefined)".into(),
        Type::Pointer {
            size,
            is_const,
            child,
            sentinel,
        } => {
            let s = sentinel_suffix(sentinel);
            let prefix = match size {
                PtrSize::One => "*".to_string(),
                PtrSize::Many => format!("[*{s}]"),
                PtrSize::Slice => format!("[{s}]"),
                PtrSize::C => "[*c]".to_string(),
            };
            let c = if *is_const { "const " } else { "" };
            format!("{prefix}{c}{}", r(child))
        }
        Type::Array {
            len,
            child,
            sentinel,
        } => {
            let s = sentinel_suffix(sentinel);
            let n = len.map_or("?".to_string(), |n| n.to_string());
            format!("[{n}{s}]{}", r(child))
        }
        Type::Vector { len, child } => {
            let n = len.map_or("?".to_string(), |n| n.to_string());
            format!("@Vector({n}, {})", r(child))
        }
        Type::Optional(t) => format!("?{}", r(t)),
        Type::ErrorUnion { set, payload } => match set.as_ref() {
            Type::InferredErrorSet(_) => format!("!{}", r(payload)),
            s => format!("{}!{}", r(s), r(payload)),
        },
        Type::ErrorSet(None) => "anyerror".into(),
        Type::ErrorSet(Some(names)) => format!("error{{{}}}", names.join(", ")),
        Type::InferredErrorSet(f) => format!(
            "@typeInfo(@typeInfo(@TypeOf({f})).@\"fn\".return_type.?).error_union.error_set"
        ),
        Type::Container(id) => container(*id),
        Type::Std(path) => format!("std.{}", path.join(".")),
        Type::TypeParam(name) => name.clone(),
        Type::Module(m) => format!("@import(\"{m}\")"),
        Type::Fn { name, .. } => format!("@TypeOf({name})"),
        Type::Tuple(ts) => format!(
            "struct {{ {} }}",
            ts.iter().map(r).collect::<Vec<_>>().join(", ")
        ),
        Type::AnyType => "anytype".into(),
    }
}

/// `:0` for a sentinel, nothing without one.
fn sentinel_suffix(sentinel: &Option<String>) -> String {
    sentinel
        .as_ref()
        .map(|s| format!(":{s}"))
        .unwrap_or_default()
}
