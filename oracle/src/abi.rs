//! The calling convention between the harness and generated shims.
//!
//! Every shim function has one C signature:
//!
//! ```c
//! int32_t zigport_<name>(const uint8_t *in, size_t in_len,
//!                        uint8_t *out, size_t out_cap, size_t *out_len);
//! ```
//!
//! Arguments and results are serialised values (see [`Wire`]), so one
//! harness drives any function, and the Zig and Rust sides are compared on
//! the same bytes. Return codes: 0 ok, 1 output buffer too small.

use serde::Serialize;

/// The type of a parameter or result, as far as the ABI is concerned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum AbiType {
    Void,
    Bool,
    Int {
        signed: bool,
        bits: u16,
    },
    /// `f16`, `f32`, `f64` (carried as f64 bits).
    Float {
        bits: u16,
    },
    /// `[]const u8`.
    Bytes,
    /// `[]u8` parameter (an output buffer): passed a copy of the input
    /// bytes; its final contents are returned after the result.
    MutBytes,
    Optional {
        inner: Box<AbiType>,
    },
    /// `E!T`: the error is reported by name.
    ErrorUnion {
        payload: Box<AbiType>,
    },
    /// An enum result, reported by tag name (`std.math.Order` → "lt").
    EnumName,
    /// A struct result, field by field.
    Struct {
        fields: Vec<(String, AbiType)>,
    },
    /// `[]const iN` (or `[]iN`, an output buffer like [`AbiType::MutBytes`]):
    /// a tuple of integers on the wire.
    IntSlice {
        signed: bool,
        bits: u16,
        mutable: bool,
    },
    /// A struct declared in the module under test, field by field (a
    /// tuple on the wire). `zig` is its type as the shim spells it
    /// (`target.Point`), `rust` its path in the port's module (`Point`).
    Record {
        zig: String,
        rust: String,
        fields: Vec<(String, AbiType)>,
    },
    /// An enum declared in the module under test: an argument is its
    /// declaration index on the wire (both shims decode it with a table
    /// lookup, so the benchmark measures the function, not a string
    /// match); a result is its tag name. `tags` in declaration order.
    Enum {
        zig: String,
        rust: String,
        tags: Vec<String>,
    },
    /// `*const T` / `*T` to a value the ABI carries: the value is on the
    /// wire and the shim passes its address; a mutable one is an output
    /// (its final value is returned after the result). As the first
    /// parameter of a method it is the receiver.
    Ref {
        mutable: bool,
        inner: Box<AbiType>,
    },
    /// `[]const T` of values the ABI carries other than integers (strings,
    /// structs, enums, unions...): a tuple on the wire. Parameters and
    /// results only (a struct field would borrow a temporary in the port).
    Slice {
        inner: Box<AbiType>,
    },
    /// `[N]T`: a tuple of `len` values on the wire.
    Array {
        inner: Box<AbiType>,
        len: usize,
    },
    /// A `packed struct(uN)` of the module: its backing integer on the
    /// wire (every bit compared); the port's newtype over it.
    Packed {
        zig: String,
        rust: String,
        bits: u16,
    },
    /// A tagged union (`union(enum)`) declared in the module: a pair on the
    /// wire, the variant's declaration index (its name in a result) and
    /// its payload (void for a payload-less variant). `variants` in
    /// declaration order, with their payloads.
    Union {
        zig: String,
        rust: String,
        variants: Vec<(String, Option<AbiType>)>,
    },
    /// A field whose default is `undefined` (scratch space such as a
    /// pending-input buffer): an input carries a value, an output only a
    /// void tag, since its bytes are not observable behaviour.
    Unobserved {
        inner: Box<AbiType>,
    },
    /// A `std.mem.Allocator` parameter or field. Never on the wire: the
    /// Zig shim passes an arena freed after the call (so owned results
    /// are freed through the shim); the Rust port has no such parameter
    /// or field.
    Allocator,
    /// `*std.Io.Writer` (a parameter or a field of one): the shims pass a
    /// writer into memory (Zig's `Io.Writer.Allocating` on the call's
    /// arena, the runtime's allocating `Writer` in the port). Nothing on
    /// the wire going in; the bytes written coming out.
    Writer,
    /// `std.ArrayList(u8)`, a field or behind `*` a parameter: its items
    /// on the wire as bytes, in and out. The port's `Vec<u8>`.
    ByteList,
    /// What a call-sequence export returns (see `crate::sequence`): a
    /// tuple of the constructor's outcome (void, or its error) and one
    /// `(member name, output)` pair per step; `steps` gives each member's
    /// output type.
    Sequence {
        steps: Vec<(String, AbiType)>,
    },
}

impl AbiType {
    pub fn int(signed: bool, bits: u16) -> Self {
        AbiType::Int { signed, bits }
    }

    /// The Zig spelling of a parameter type (results are never spelled).
    pub fn zig_param_type(&self) -> Option<String> {
        match self {
            AbiType::Bool => Some("bool".into()),
            AbiType::Int { signed, bits } => {
                Some(format!("{}{bits}", if *signed { 'i' } else { 'u' }))
            }
            AbiType::Float { bits } => Some(format!("f{bits}")),
            AbiType::Bytes => Some("[]const u8".into()),
            AbiType::MutBytes => Some("[]u8".into()),
            AbiType::IntSlice {
                signed,
                bits,
                mutable,
            } => Some(format!(
                "[]{}{}{bits}",
                if *mutable { "" } else { "const " },
                if *signed { 'i' } else { 'u' }
            )),
            AbiType::Record { zig, .. }
            | AbiType::Enum { zig, .. }
            | AbiType::Packed { zig, .. }
            | AbiType::Union { zig, .. } => Some(zig.clone()),
            AbiType::Array { inner, len } => Some(format!("[{len}]{}", inner.zig_param_type()?)),
            AbiType::Slice { inner } => Some(format!("[]const {}", inner.zig_param_type()?)),
            AbiType::Ref { inner, .. } | AbiType::Unobserved { inner } => inner.zig_param_type(),
            AbiType::Optional { inner } => Some(format!("?{}", inner.zig_param_type()?)),
            // Spelled through `@import`: the module may not name std.
            AbiType::Writer => Some("*@import(\"std\").Io.Writer".into()),
            AbiType::ByteList => Some("@import(\"std\").ArrayList(u8)".into()),
            _ => None,
        }
    }

    /// Whether a value of this type travels on the wire as an input (an
    /// allocator or a writer is made by the shim instead).
    pub fn carried_in(&self) -> bool {
        !matches!(self, AbiType::Allocator | AbiType::Writer)
    }

    /// Whether a value of this type travels on the wire as an output.
    pub fn carried_out(&self) -> bool {
        *self != AbiType::Allocator
    }

    /// Whether the shim needs a per-call arena for an argument of this
    /// type (an allocator, a writer or a list somewhere inside it).
    pub fn needs_arena(&self) -> bool {
        match self {
            AbiType::Allocator | AbiType::Writer | AbiType::ByteList => true,
            AbiType::Ref { inner, .. }
            | AbiType::Optional { inner }
            | AbiType::Slice { inner }
            | AbiType::Array { inner, .. }
            | AbiType::Unobserved { inner } => inner.needs_arena(),
            AbiType::Record { fields, .. } | AbiType::Struct { fields } => {
                fields.iter().any(|(_, t)| t.needs_arena())
            }
            AbiType::Union { variants, .. } => variants
                .iter()
                .any(|(_, t)| t.as_ref().is_some_and(AbiType::needs_arena)),
            _ => false,
        }
    }

    /// For a parameter the callee may write through (`[]u8`, `[]iN`,
    /// `*T`): the type its final value is reported with.
    pub fn written_back(&self) -> Option<AbiType> {
        match self {
            AbiType::MutBytes => Some(AbiType::Bytes),
            AbiType::IntSlice {
                signed,
                bits,
                mutable: true,
            } => Some(AbiType::IntSlice {
                signed: *signed,
                bits: *bits,
                mutable: false,
            }),
            AbiType::Ref {
                mutable: true,
                inner,
            } => Some((**inner).clone()),
            AbiType::Writer => Some(AbiType::Writer),
            _ => None,
        }
    }
}

/// Wire tags of serialised values.
pub struct Wire;

impl Wire {
    pub const VOID: u8 = 0;
    pub const BOOL: u8 = 1;
    pub const INT: u8 = 2;
    pub const UINT: u8 = 3;
    pub const BYTES: u8 = 4;
    pub const NULL: u8 = 5;
    pub const ERROR: u8 = 6;
    pub const TUPLE: u8 = 7;
    pub const FLOAT: u8 = 8;
    /// Written by a shim's panic handler before the process exits.
    pub const PANIC: u8 = 0xFF;
}

impl ShimFn {
    /// What the shim returns: the result, followed by the final contents
    /// of every argument written through (`[]u8`, `[]iN`, `*T`) when
    /// there are any.
    pub fn output_type(&self) -> AbiType {
        output_type(&self.params, &self.ret)
    }
}

/// See [`ShimFn::output_type`].
pub fn output_type(params: &[AbiType], ret: &AbiType) -> AbiType {
    let buffers: Vec<(String, AbiType)> = params
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((format!("arg{i}"), p.written_back()?)))
        .collect();
    if buffers.is_empty() {
        return ret.clone();
    }
    let mut fields = vec![("result".to_string(), ret.clone())];
    fields.extend(buffers);
    AbiType::Struct { fields }
}

/// One function exposed through a shim.
#[derive(Debug, Clone)]
pub struct ShimFn {
    /// Export suffix: the symbol is `zigport_<name>`.
    pub name: String,
    pub params: Vec<AbiType>,
    pub ret: AbiType,
    /// The Zig expression computing the result; `{0}`, `{1}`... are the
    /// decoded arguments. Example: `std.fmt.parseInt(i32, {0}, {1})`.
    pub zig_call: String,
}
