//! The signatures of the builtins whose parameters or results are std
//! types (`@atomicLoad`'s ordering is a `std.builtin.AtomicOrder`, `@src()`
//! is a `std.builtin.SourceLocation`), as the Zig language reference gives
//! them. This table is the model's only hand-written knowledge of std: the
//! types it names are canonical std paths, read from std's own source when
//! it is at hand ([`super::StdLib`]).

/// What a builtin's argument is written against.
#[derive(Debug, Clone, Copy)]
pub enum Arg {
    /// A declaration of std, by its canonical path.
    Std(&'static [&'static str]),
    /// The type argument `n` denotes (`comptime T: type` then `value: T`).
    TypeOf(usize),
    /// A single-item pointer to what argument `arg` denotes (`ptr: *T`).
    PtrTo { arg: usize, is_const: bool },
    /// Nothing known (`anytype`, or no std type involved).
    Any,
}

/// What a builtin's call evaluates to.
#[derive(Debug, Clone, Copy)]
pub enum Ret {
    Std(&'static [&'static str]),
    /// The type argument `n` denotes.
    TypeOf(usize),
    /// `?T` of it.
    OptionalOf(usize),
    /// A type (`@Type`).
    Type,
    Void,
    Unknown,
}

pub struct Signature {
    pub name: &'static str,
    pub args: &'static [Arg],
    pub ret: Ret,
}

const ORDER: Arg = Arg::Std(&["builtin", "AtomicOrder"]);

const PTR: Arg = Arg::PtrTo {
    arg: 0,
    is_const: false,
};

const CMPXCHG: &[Arg] = &[Arg::Any, PTR, Arg::TypeOf(0), Arg::TypeOf(0), ORDER, ORDER];

pub const SIGNATURES: &[Signature] = &[
    Signature {
        name: "atomicLoad",
        args: &[
            Arg::Any,
            Arg::PtrTo {
                arg: 0,
                is_const: true,
            },
            ORDER,
        ],
        ret: Ret::TypeOf(0),
    },
    Signature {
        name: "atomicStore",
        args: &[Arg::Any, PTR, Arg::TypeOf(0), ORDER],
        ret: Ret::Void,
    },
    Signature {
        name: "atomicRmw",
        args: &[
            Arg::Any,
            PTR,
            Arg::Std(&["builtin", "AtomicRmwOp"]),
            Arg::TypeOf(0),
            ORDER,
        ],
        ret: Ret::TypeOf(0),
    },
    Signature {
        name: "cmpxchgStrong",
        args: CMPXCHG,
        ret: Ret::OptionalOf(0),
    },
    Signature {
        name: "cmpxchgWeak",
        args: CMPXCHG,
        ret: Ret::OptionalOf(0),
    },
    Signature {
        name: "fence",
        args: &[ORDER],
        ret: Ret::Void,
    },
    Signature {
        name: "reduce",
        args: &[Arg::Std(&["builtin", "ReduceOp"]), Arg::Any],
        ret: Ret::Unknown,
    },
    Signature {
        name: "call",
        args: &[Arg::Std(&["builtin", "CallModifier"]), Arg::Any, Arg::Any],
        ret: Ret::Unknown,
    },
    Signature {
        name: "Type",
        args: &[Arg::Std(&["builtin", "Type"])],
        ret: Ret::Type,
    },
    Signature {
        name: "typeInfo",
        args: &[Arg::Any],
        ret: Ret::Std(&["builtin", "Type"]),
    },
    Signature {
        name: "setFloatMode",
        args: &[Arg::Std(&["builtin", "FloatMode"])],
        ret: Ret::Void,
    },
    Signature {
        name: "prefetch",
        args: &[Arg::Any, Arg::Std(&["builtin", "PrefetchOptions"])],
        ret: Ret::Void,
    },
    Signature {
        name: "export",
        args: &[Arg::Any, Arg::Std(&["builtin", "ExportOptions"])],
        ret: Ret::Void,
    },
    Signature {
        name: "extern",
        args: &[Arg::Any, Arg::Std(&["builtin", "ExternOptions"])],
        ret: Ret::TypeOf(0),
    },
    Signature {
        name: "branchHint",
        args: &[Arg::Std(&["builtin", "BranchHint"])],
        ret: Ret::Void,
    },
    Signature {
        name: "src",
        args: &[],
        ret: Ret::Std(&["builtin", "SourceLocation"]),
    },
];

/// The signature of `@name`, when it involves std types.
pub fn signature(name: &str) -> Option<&'static Signature> {
    SIGNATURES.iter().find(|s| s.name == name)
}
