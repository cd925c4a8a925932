//! Call sequences: a type's objects built the way its code builds them (a
//! constructor) and driven by a generated list of method calls, the same
//! list on both sides, comparing every step's result and, for a type whose
//! fields the ABI carries, the state after every mutating step.
//!
//! One export per type, on both sides, `zigport_<symbol>`:
//!
//! - in: `(constructor index, (args...))`, then a tuple of steps, each
//!   `(method index, (args...))`; allocators and writers are the shim's.
//! - out: a tuple whose first item is void (or the constructor's error,
//!   and then nothing follows), then per step `(method name, output)`,
//!   the output being `(result, [state], [arguments written through])`.
//!
//! The object never leaves the export, so opaque types (hash maps,
//! allocations) are tested as well as plain records: through what their
//! methods return.

use std::fmt::Write as _;

use crate::abi::AbiType;
use crate::rust_shim::{bind_args, encode_rust};
use crate::shim::{decode_args, encode};
use crate::signature::{
    ModuleFn, Receiver, Role, container_names, container_state, member_signature, module_functions,
    role, role_for,
};
use zigport_translator::rules::names::ident;
use zigport_translator::syntax::ir::SourceFile;

/// The call-sequence exports of a module: one per type (a container, or
/// the file's own struct) with at least one constructor and one method
/// the shims can call. `rust_path` gives a function's path in the port
/// when it is ported clean (others take no part).
pub fn discover(
    module: &str,
    file: &SourceFile,
    zig_path: &str,
    rust_path: impl Fn(&ModuleFn) -> Option<String>,
) -> Vec<SequenceSpec> {
    let fns = module_functions(file);
    let mut owners: Vec<&Vec<&str>> = Vec::new();
    for f in &fns {
        if !owners.contains(&&f.owners) {
            owners.push(&f.owners);
        }
    }
    let mut specs = Vec::new();
    for owner in owners {
        let mut spec: Option<SequenceSpec> = None;
        // The type's own functions, then the file's free functions that
        // construct it or take it first.
        let own = fns.iter().filter(|f| f.owners == *owner);
        let free = fns
            .iter()
            .filter(|f| f.owners.is_empty() && !owner.is_empty());
        for f in own.chain(free) {
            if f.not_verifiable().is_some() || f.invalidates_receiver() {
                continue;
            }
            let is_free = f.owners != *owner;
            let role = if is_free {
                role_for(f, file, zig_path, owner)
            } else {
                role(f, file, zig_path)
            };
            let (Some(role), Some(path)) = (role, rust_path(f)) else {
                continue;
            };
            let Ok((params, ret)) = member_signature(f, file, zig_path, role) else {
                continue;
            };
            let owner_fn = ModuleFn {
                owners: owner.clone(),
                decl: f.decl,
                span: f.span,
            };
            let Some((zig_type, display)) = container_names(&owner_fn, file, zig_path) else {
                continue;
            };
            let spec = spec.get_or_insert_with(|| SequenceSpec {
                symbol: format!("{module}__{}__zigport_sequence", owner.join("__")),
                display: if owner.is_empty() {
                    display.clone()
                } else {
                    owner.join(".")
                },
                zig_type,
                state: container_state(&owner_fn, file, zig_path),
                constructors: Vec::new(),
                methods: Vec::new(),
            });
            let member = Member {
                zig_name: f.decl.name.clone(),
                display: f.display(),
                rust_path: path,
                role,
                params,
                ret,
                free: is_free,
            };
            match role {
                Role::Constructor { .. } => spec.constructors.push(member),
                Role::Method(_) => spec.methods.push(member),
            }
        }
        if let Some(spec) = spec
            && !spec.constructors.is_empty()
            && !spec.methods.is_empty()
        {
            specs.push(spec);
        }
    }
    specs
}

/// A constructor or method in a sequence.
#[derive(Debug, Clone)]
pub struct Member {
    /// Its Zig name (`init`), called on the type or the object.
    pub zig_name: String,
    /// How reports name it (`Hasher.init`).
    pub display: String,
    /// Its path in the port's module (`Hasher::init`).
    pub rust_path: String,
    pub role: Role,
    /// Parameters after the receiver (all of them for a constructor).
    pub params: Vec<AbiType>,
    /// The result (`Void` for a constructor).
    pub ret: AbiType,
    /// A free function of the module (called `f(x, ..)`, not `x.f(..)`).
    pub free: bool,
}

impl Member {
    /// The Zig call of the member, `args` spelled.
    fn zig_call(&self, zig_type: &str, args: &[String]) -> String {
        let args = args.join(", ");
        match (self.role, self.free) {
            (Role::Constructor { .. }, false) => format!("{zig_type}.{}({args})", self.zig_name),
            (Role::Constructor { .. }, true) => format!("{}({args})", self.zig_name),
            (Role::Method(_), false) => format!("zigport_self.{}({args})", self.zig_name),
            (Role::Method(r), true) => {
                let receiver = if r == Receiver::Value {
                    "zigport_self"
                } else {
                    "&zigport_self"
                };
                let sep = if args.is_empty() { "" } else { ", " };
                format!("{}({receiver}{sep}{args})", self.zig_name)
            }
        }
    }
}

/// One type's call-sequence export.
#[derive(Debug, Clone)]
pub struct SequenceSpec {
    /// Export suffix, unique in the crate.
    pub symbol: String,
    /// The type as reports name it (`Hasher`, `Outer.Inner`).
    pub display: String,
    /// The type as the Zig shim spells it inside the module.
    pub zig_type: String,
    /// The state compared after mutating steps, when observable.
    pub state: Option<AbiType>,
    pub constructors: Vec<Member>,
    pub methods: Vec<Member>,
}

/// Steps per generated sequence are bounded by the harness's strategy for
/// slices; this is the bound on a step's own output.
impl SequenceSpec {
    /// The export's parameters as the harness generates them: the
    /// constructor (a union of the constructors' argument tuples) and the
    /// steps (a slice of unions of the methods' argument tuples).
    pub fn params(&self) -> Vec<AbiType> {
        let union = |members: &[Member]| AbiType::Union {
            zig: String::new(),
            rust: String::new(),
            variants: members
                .iter()
                .map(|m| (m.zig_name.clone(), Some(arguments(&m.params))))
                .collect(),
        };
        vec![
            union(&self.constructors),
            AbiType::Slice {
                inner: Box::new(union(&self.methods)),
            },
        ]
    }

    /// What the export returns.
    pub fn output(&self) -> AbiType {
        AbiType::Sequence {
            steps: self
                .methods
                .iter()
                .map(|m| (m.zig_name.clone(), self.step_output(m)))
                .collect(),
        }
    }

    /// A step's output: its result, the state after it (a mutating method
    /// of an observable type), the arguments it wrote through.
    fn step_output(&self, m: &Member) -> AbiType {
        AbiType::Struct {
            fields: self
                .step_parts(m)
                .into_iter()
                .map(|(part, t)| (part.name(), t))
                .collect(),
        }
    }

    /// The parts of a step's output in wire order, with their types.
    fn step_parts(&self, m: &Member) -> Vec<(Part, AbiType)> {
        let mut parts = vec![(Part::Result, m.ret.clone())];
        if let (Some(state), Role::Method(Receiver::Mutable)) = (&self.state, m.role) {
            parts.push((Part::State, state.clone()));
        }
        parts.extend(written(m).map(|(i, t)| (Part::Arg(i), t)));
        parts
    }

    /// The Zig export, to append to a copy of the module (`root` is the
    /// prefix of the wire prelude's declarations).
    pub fn zig_export(&self, root: &str) -> String {
        let mut ctors = String::new();
        for (index, c) in self.constructors.iter().enumerate() {
            let (bindings, args) = decode_args(&c.params, 0, 3);
            let call = c.zig_call(&self.zig_type, &args);
            let call = match c.role {
                Role::Constructor { fallible: true } => format!(
                    "{call} catch |zigport_e| {{\n\
                     \x20               zigport_w.tuple(1);\n\
                     \x20               zigport_w.err(@errorName(zigport_e));\n\
                     \x20               zigport_out_len.* = zigport_w.len;\n\
                     \x20               return if (zigport_w.overflow) 1 else 0;\n\
                     \x20           }}"
                ),
                _ => call,
            };
            let _ = write!(
                ctors,
                "        {index} => zigport_ctor: {{\n{bindings}            break :zigport_ctor {call};\n        }},\n"
            );
        }
        let mut steps = String::new();
        for (index, m) in self.methods.iter().enumerate() {
            let (bindings, args) = decode_args(&m.params, 1, 4);
            let mut body = format!(
                "{bindings}                const zigport_result = {};\n\
                 \x20               zigport_w.tuple(2);\n\
                 \x20               zigport_w.bytes(\"{}\");\n",
                m.zig_call(&self.zig_type, &args),
                m.zig_name
            );
            let parts = self.step_parts(m);
            let _ = writeln!(body, "                zigport_w.tuple({});", parts.len());
            for (part, t) in parts {
                let expr = match part {
                    Part::Result => "zigport_result".to_string(),
                    Part::State => "zigport_self".to_string(),
                    Part::Arg(i) => format!("zigport_a{i}"),
                };
                body.push_str(&encode(&t, &expr, 4));
            }
            let _ = write!(steps, "            {index} => {{\n{body}            }},\n");
        }
        format!(
            "export fn zigport_{symbol}(zigport_in: [*]const u8, zigport_in_len: usize, zigport_out: [*]u8, zigport_out_cap: usize, zigport_out_len: *usize) callconv(.c) i32 {{\n\
             \x20   {root}scratch_used = 0;\n\
             \x20   var zigport_r = {root}Reader{{ .buf = zigport_in[0..zigport_in_len] }};\n\
             \x20   var zigport_w = {root}Writer{{ .buf = zigport_out[0..zigport_out_cap] }};\n\
             \x20   var zigport_arena = {root}std.heap.ArenaAllocator.init({root}std.heap.smp_allocator);\n\
             \x20   defer zigport_arena.deinit();\n\
             \x20   zigport_r.arena = zigport_arena.allocator();\n\
             \x20   _ = zigport_r.take(5);\n\
             \x20   const zigport_c = zigport_r.int(usize);\n\
             \x20   _ = zigport_r.take(5);\n\
             \x20   var zigport_self: {ty} = switch (zigport_c) {{\n\
             {ctors}\
             \x20       else => @panic(\"zigport: constructor index out of range\"),\n\
             \x20   }};\n\
             \x20   _ = &zigport_self;\n\
             \x20   _ = zigport_r.take(1);\n\
             \x20   const zigport_n = {root}std.mem.readInt(u32, zigport_r.take(4)[0..4], .little);\n\
             \x20   zigport_w.tuple(zigport_n + 1);\n\
             \x20   zigport_w.tag(0);\n\
             \x20   for (0..zigport_n) |_| {{\n\
             \x20       _ = zigport_r.take(5);\n\
             \x20       const zigport_m = zigport_r.int(usize);\n\
             \x20       _ = zigport_r.take(5);\n\
             \x20       switch (zigport_m) {{\n\
             {steps}\
             \x20           else => @panic(\"zigport: method index out of range\"),\n\
             \x20       }}\n\
             \x20   }}\n\
             \x20   zigport_out_len.* = zigport_w.len;\n\
             \x20   return if (zigport_w.overflow) 1 else 0;\n\
             }}\n\n",
            symbol = self.symbol,
            ty = self.zig_type,
        )
    }

    /// The Rust twin, for the module's `zigport_shims` child module.
    pub fn rust_export(&self) -> String {
        let path = |p: &str| {
            p.split("::")
                .map(|segment| ident(segment).to_string())
                .collect::<Vec<_>>()
                .join("::")
        };
        let mut ctors = String::new();
        for (index, c) in self.constructors.iter().enumerate() {
            let (bindings, args) = bind_args(&c.params, 0);
            let call = format!("super::{}({})", path(&c.rust_path), args.join(", "));
            let value = match c.role {
                Role::Constructor { fallible: true } => format!(
                    "match {call} {{ Ok(v) => v, Err(e) => {{ w.tuple(1); w.err(e.name()); return unsafe {{ w.finish(ol) }}; }} }}"
                ),
                _ => call,
            };
            let _ = write!(
                ctors,
                "        {index} => {{\n{bindings}    {value}\n        }}\n"
            );
        }
        let mut steps = String::new();
        for (index, m) in self.methods.iter().enumerate() {
            let (bindings, args) = bind_args(&m.params, 1);
            let receiver = match m.role {
                Role::Method(Receiver::Mutable) => "&mut this",
                Role::Method(Receiver::Shared) => "&this",
                _ => "this.clone()",
            };
            let all: Vec<String> = std::iter::once(receiver.to_string()).chain(args).collect();
            let mut body = format!(
                "{bindings}    let result = super::{}({});\n    w.tuple(2);\n    w.bytes(b\"{}\");\n",
                path(&m.rust_path),
                all.join(", "),
                m.zig_name
            );
            let parts = self.step_parts(m);
            let _ = writeln!(body, "    w.tuple({});", parts.len());
            for (part, t) in parts {
                let expr = match part {
                    Part::Result => "result".to_string(),
                    Part::State => "this".to_string(),
                    Part::Arg(i) => format!("a{i}"),
                };
                body.push_str(&encode_rust(&t, &expr, 1));
            }
            let _ = write!(steps, "            {index} => {{\n{body}            }}\n");
        }
        format!(
            "#[unsafe(no_mangle)]\npub extern \"C\" fn zigport_{symbol}(i: *const u8, il: usize, o: *mut u8, oc: usize, ol: *mut usize) -> i32 {{\n    \
             // SAFETY: the harness passes buffers valid for the given lengths.\n    \
             let (input, out) = unsafe {{ (std::slice::from_raw_parts(i, il), std::slice::from_raw_parts_mut(o, oc)) }};\n    \
             let mut r = Reader {{ buf: input, pos: 0 }};\n    let mut w = Writer {{ buf: out, len: 0, overflow: false }};\n    \
             r.take(5);\n    let zigport_c = r.int();\n    r.take(5);\n    \
             let mut this = match zigport_c {{\n{ctors}        _ => unreachable!(\"constructor index\"),\n    }};\n    \
             let n = r.count();\n    w.tuple(n as u32 + 1);\n    w.tag(0);\n    \
             for _ in 0..n {{\n        r.take(5);\n        let zigport_m = r.int();\n        r.take(5);\n        \
             match zigport_m {{\n{steps}            _ => unreachable!(\"method index\"),\n        }}\n    }}\n    \
             // SAFETY: `ol` is the harness's valid out-length pointer.\n    unsafe {{ w.finish(ol) }}\n}}\n\n",
            symbol = self.symbol,
        )
    }
}

/// A part of a step's output.
#[derive(Debug, Clone, Copy)]
enum Part {
    Result,
    /// The object after a mutating step.
    State,
    /// An argument written through, numbered as the shims bind it.
    Arg(usize),
}

impl Part {
    fn name(self) -> String {
        match self {
            Part::Result => "result".into(),
            Part::State => "self".into(),
            Part::Arg(i) => format!("arg{i}"),
        }
    }
}

/// A member's arguments as one tuple on the wire (the ones the shim makes
/// itself, allocators and writers, are not on it).
fn arguments(params: &[AbiType]) -> AbiType {
    AbiType::Struct {
        fields: params
            .iter()
            .enumerate()
            .map(|(i, t)| (i.to_string(), t.clone()))
            .collect(),
    }
}

/// A member's arguments written through, numbered as the shims bind them
/// (a method's from 1: 0 is the receiver).
fn written(m: &Member) -> impl Iterator<Item = (usize, AbiType)> + '_ {
    let first = usize::from(matches!(m.role, Role::Method(_)));
    m.params
        .iter()
        .enumerate()
        .filter_map(move |(i, p)| Some((i + first, p.written_back()?)))
}
