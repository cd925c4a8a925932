//! Zig signatures → the oracle's shim ABI: which pub functions and
//! methods `verify` can call through a shim, and with what types.
//!
//! Only what the IR says for certain is mapped; anything else leaves the
//! function unverified ("signature has no shim ABI yet"), never guessed.

use zigport_oracle::abi::AbiType;
use zigport_translator::rules::names::{ident, snake_case};
use zigport_translator::syntax::ir::{
    ContainerDecl, ContainerKind, ContainerLayout, DeclKind, Expr, ExprKind, FnDecl, ParamType,
    PointerSize, SourceFile,
};

/// A pub function of a module: top-level, or a method of a pub container
/// declared at the top level (`pub const Point = struct { pub fn ... }`).
pub struct PubFn<'f> {
    /// The container's Zig name, for methods.
    pub owner: Option<&'f str>,
    pub decl: &'f FnDecl,
}

impl PubFn<'_> {
    /// How reports name it: `parse`, `Point.scale`.
    pub fn display(&self) -> String {
        match self.owner {
            Some(o) => format!("{o}.{}", self.decl.name),
            None => self.decl.name.clone(),
        }
    }

    /// The Zig expression the shim calls (`target` is the module).
    pub fn zig_path(&self) -> String {
        format!("target.{}", self.display())
    }

    /// Its path in the port's module as the port manifest spells it
    /// (`Point::scale`; keywords without `r#`).
    pub fn rust_path(&self) -> String {
        let name = snake_case(&self.decl.name);
        match self.owner {
            Some(o) => format!("{o}::{name}"),
            None => name,
        }
    }

    /// Symbol suffix of its shims, unique in the crate.
    pub fn symbol(&self, module: &str) -> String {
        match self.owner {
            Some(o) => format!("{module}__{o}__{}", snake_case(&self.decl.name)),
            None => format!("{module}__{}", snake_case(&self.decl.name)),
        }
    }
}

/// Every pub function of `file` and of its pub top-level containers.
pub fn pub_functions(file: &SourceFile) -> Vec<PubFn<'_>> {
    let mut out = Vec::new();
    for decl in file.members.iter().filter(|d| d.is_pub) {
        match &decl.kind {
            DeclKind::Fn(f) => out.push(PubFn {
                owner: None,
                decl: f,
            }),
            DeclKind::Var(v) => {
                if let Some(c) = container_init(v.init.as_ref()) {
                    out.extend(c.members.iter().filter(|m| m.is_pub).filter_map(
                        |m| match &m.kind {
                            DeclKind::Fn(f) => Some(PubFn {
                                owner: Some(&v.name),
                                decl: f,
                            }),
                            _ => None,
                        },
                    ));
                }
            }
            _ => {}
        }
    }
    out
}

fn container_init(init: Option<&Expr>) -> Option<&ContainerDecl> {
    match &init?.kind {
        ExprKind::Container(c) => Some(c),
        _ => None,
    }
}

/// Parameter types and result type.
pub type Signature = (Vec<AbiType>, AbiType);

/// The shim ABI of a function's signature, when it has one.
pub fn abi_signature(f: &PubFn, file: &SourceFile) -> Option<Signature> {
    let scope = Scope {
        file,
        owner: f.owner,
    };
    let params = f
        .decl
        .proto
        .params
        .iter()
        .map(|p| match &p.ty {
            ParamType::Type(t) if !p.is_comptime => scope.abi(t, Position::Param, 0),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    Some((
        params,
        scope.abi(&f.decl.proto.return_type, Position::Result, 0)?,
    ))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Position {
    Param,
    Result,
    /// A field of a struct on the wire.
    Field {
        in_param: bool,
    },
}

impl Position {
    /// Types the shim must spell (parameters, and the fields of their
    /// structs) must be reachable from outside the module.
    fn spelled(self) -> bool {
        matches!(self, Position::Param | Position::Field { in_param: true })
    }

    fn field(self) -> Position {
        Position::Field {
            in_param: self.spelled(),
        }
    }
}

/// Nested struct fields deeper than this are not carried.
const MAX_DEPTH: usize = 4;

struct Scope<'a> {
    file: &'a SourceFile,
    /// The container whose methods are being mapped (`Self`, `@This()`).
    owner: Option<&'a str>,
}

impl Scope<'_> {
    fn abi(&self, t: &Expr, pos: Position, depth: usize) -> Option<AbiType> {
        if depth > MAX_DEPTH {
            return None;
        }
        let dotted = dotted(t);
        match &t.kind {
            ExprKind::PrimitiveType(name) if name == "void" => {
                (pos == Position::Result).then_some(AbiType::Void)
            }
            ExprKind::PrimitiveType(name) => primitive(name),
            ExprKind::Optional(inner) => {
                let inner = self.abi(inner, pos, depth)?;
                // On the wire as null or the value; a parameter's optional
                // pointer or buffer has no such reading.
                let plain = matches!(
                    inner,
                    AbiType::Bool
                        | AbiType::Int { .. }
                        | AbiType::Float { .. }
                        | AbiType::Bytes
                        | AbiType::Enum { .. }
                        | AbiType::Record { .. }
                );
                (pos == Position::Result || plain).then(|| AbiType::Optional {
                    inner: Box::new(inner),
                })
            }
            ExprKind::ErrorUnion { payload, .. } if pos == Position::Result => {
                Some(AbiType::ErrorUnion {
                    payload: Box::new(self.abi(payload, pos, depth)?),
                })
            }
            _ if dotted.as_deref() == Some("std.math.Order") && pos == Position::Result => {
                Some(AbiType::EnumName)
            }
            // `std.mem.Allocator`, or the usual `Allocator` alias of it.
            _ if matches!(dotted.as_deref(), Some("std.mem.Allocator" | "Allocator")) => {
                (pos == Position::Param).then_some(AbiType::Allocator)
            }
            // `[]const u8` is an input; `[]u8` an output buffer (its final
            // contents are compared too). Slices of integers likewise.
            ExprKind::Pointer(p) if p.size == PointerSize::Slice && p.sentinel.is_none() => {
                let ExprKind::PrimitiveType(child) = &p.child.kind else {
                    return None;
                };
                let mutable = !p.is_const;
                if mutable && pos != Position::Param && pos != Position::Result {
                    return None;
                }
                let written = mutable && pos == Position::Param;
                match primitive(child)? {
                    AbiType::Int {
                        bits: 8,
                        signed: false,
                    } if child == "u8" => Some(if written {
                        AbiType::MutBytes
                    } else {
                        AbiType::Bytes
                    }),
                    // (Not as a field: the port's struct would borrow a
                    // temporary.)
                    AbiType::Int { signed, bits } if !matches!(pos, Position::Field { .. }) => {
                        Some(AbiType::IntSlice {
                            signed,
                            bits,
                            mutable: written,
                        })
                    }
                    _ => None,
                }
            }
            // `*const T` / `*T` parameters (receivers included).
            ExprKind::Pointer(p)
                if p.size == PointerSize::One && p.sentinel.is_none() && pos == Position::Param =>
            {
                let inner = self.abi(&p.child, Position::Field { in_param: true }, depth)?;
                Some(AbiType::Ref {
                    mutable: !p.is_const,
                    inner: Box::new(inner),
                })
            }
            ExprKind::Builtin { name, args } if name == "This" && args.is_empty() => {
                self.named(self.owner?, pos, depth)
            }
            ExprKind::Ident(name) => match self.owner {
                Some(owner) if name == "Self" => self.named(owner, pos, depth),
                _ => self.named(name, pos, depth),
            },
            _ => None,
        }
    }

    /// A type declared at the top of the module: an enum (by tag name) or
    /// a plain struct whose fields the ABI carries.
    fn named(&self, name: &str, pos: Position, depth: usize) -> Option<AbiType> {
        let (is_pub, init) = self.file.members.iter().find_map(|d| match &d.kind {
            DeclKind::Var(v) if v.name == name => Some((d.is_pub, v.init.as_ref()?)),
            _ => None,
        })?;
        // An alias (`const Order = std.math.Order;`) stands for its type.
        let Some(container) = container_init(Some(init)) else {
            return match &init.kind {
                ExprKind::Ident(_) | ExprKind::Field { .. } => self.abi(init, pos, depth + 1),
                _ => None,
            };
        };
        if pos.spelled() && !is_pub {
            return None;
        }
        let fields = container.members.iter().filter_map(|d| match &d.kind {
            DeclKind::Field(f) => Some(f),
            _ => None,
        });
        let (zig, rust) = (format!("target.{name}"), ident(name).to_string());
        match container.kind {
            ContainerKind::Enum
                if pos == Position::Result || !container_has_open_tags(container) =>
            {
                let tags: Vec<String> = fields.map(|f| f.name.clone()).collect();
                (!tags.is_empty()).then_some(AbiType::Enum { zig, rust, tags })
            }
            ContainerKind::Struct if container.layout == ContainerLayout::Auto => {
                let fields = fields
                    .map(|f| {
                        if f.is_comptime {
                            return None;
                        }
                        let ty = self.abi(f.ty.as_ref()?, pos.field(), depth + 1)?;
                        Some((f.name.clone(), ty))
                    })
                    .collect::<Option<Vec<_>>>()?;
                (!fields.is_empty()).then_some(AbiType::Record { zig, rust, fields })
            }
            _ => None,
        }
    }
}

/// A non-exhaustive enum (`_` member) has values no tag names.
fn container_has_open_tags(c: &ContainerDecl) -> bool {
    c.members
        .iter()
        .any(|d| matches!(&d.kind, DeclKind::Field(f) if f.name == "_"))
}

/// `a.b.c` for an identifier or a chain of field accesses.
fn dotted(t: &Expr) -> Option<String> {
    match &t.kind {
        ExprKind::Ident(name) => Some(name.clone()),
        ExprKind::Field { object, member } => Some(format!("{}.{member}", dotted(object)?)),
        _ => None,
    }
}

fn primitive(name: &str) -> Option<AbiType> {
    match name {
        "bool" => Some(AbiType::Bool),
        "f16" => Some(AbiType::Float { bits: 16 }),
        "f32" => Some(AbiType::Float { bits: 32 }),
        "f64" => Some(AbiType::Float { bits: 64 }),
        "usize" => Some(AbiType::int(false, 64)),
        "isize" => Some(AbiType::int(true, 64)),
        _ => {
            let (signed, bits) = zigport_translator::rules::types::int_width(name)?;
            Some(AbiType::int(signed, u16::try_from(bits).ok()?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zigport_translator::syntax::{ZigParser, parse_source};

    fn signatures(src: &str) -> Vec<(String, Option<Signature>)> {
        let file = parse_source(&mut ZigParser::new(), src).file;
        pub_functions(&file)
            .iter()
            .map(|f| (f.display(), abi_signature(f, &file)))
            .collect()
    }

    #[test]
    fn methods_structs_enums_and_int_slices_have_an_abi() {
        let sigs = signatures(
            r#"
pub const Kind = enum { small, big };
pub const Point = struct {
    x: i32,
    kind: Kind,
    const Self = @This();
    pub fn scale(self: *Self, k: i32) void { self.x *= k; }
    pub fn sum(xs: []const u21) u64 { _ = xs; return 0; }
    fn private(self: Point) void { _ = self; }
};
const Hidden = struct { x: u8 };
pub fn hidden(h: Hidden) u8 { return h.x; }
pub fn shown() Hidden { return .{ .x = 1 }; }
pub const Open = enum(u8) { a, _ };
pub fn open(o: Open) u8 { return @intFromEnum(o); }
"#,
        );
        let names: Vec<&str> = sigs.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Point.scale", "Point.sum", "hidden", "shown", "open"]
        );
        let (params, ret) = sigs[0].1.clone().unwrap();
        assert_eq!(ret, AbiType::Void);
        let AbiType::Ref {
            mutable: true,
            inner,
        } = &params[0]
        else {
            panic!("{params:?}")
        };
        let AbiType::Record { zig, fields, .. } = &**inner else {
            panic!("{inner:?}")
        };
        assert_eq!(zig, "target.Point");
        assert!(matches!(&fields[1].1, AbiType::Enum { tags, .. } if tags == &["small", "big"]));
        assert_eq!(
            sigs[1].1.as_ref().unwrap().0,
            [AbiType::IntSlice {
                signed: false,
                bits: 21,
                mutable: false
            }]
        );
        // A private type cannot be spelled by the shim; as a result it is
        // encoded field by field. A non-exhaustive enum has nameless values.
        assert!(sigs[2].1.is_none());
        assert!(sigs[3].1.is_some());
        assert!(sigs[4].1.is_none());
    }
}
