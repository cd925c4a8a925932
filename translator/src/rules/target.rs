//! The target the port is built for. Zig code asks `@import("builtin")`
//! about it (`builtin.cpu.arch.endian()`, `builtin.cpu.arch == .aarch64`,
//! `builtin.os.tag == .linux`); Rust answers the same questions with
//! `cfg!`, at the port's own build. The compiler backend
//! (`builtin.zig_backend`) is the one the oracle builds the Zig with:
//! LLVM (`.stage2_llvm`); tests skipped on other backends run.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Import, Translator};
use crate::syntax::ir::*;

/// What a `builtin` expression asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TargetQuery {
    /// `builtin.cpu.arch.endian()`, or a constant holding it.
    Endian,
    Arch,
    Os,
    ZigBackend,
}

impl Translator<'_> {
    /// The query `e` is: a `builtin` path, or a module constant naming one
    /// (`const native_endian = builtin.target.cpu.arch.endian();`).
    pub(super) fn target_query(&self, e: &Expr) -> Option<TargetQuery> {
        if let ExprKind::Ident(n) = &e.kind
            && self.local(n).is_none()
        {
            return self.scope.target_consts.get(n).copied();
        }
        target_query_of(
            e,
            &|root| matches!(self.scope.imports.get(root), Some(Import::Named(b)) if b == "builtin"),
        )
    }

    /// `query == .value` as a Rust condition.
    pub(super) fn target_condition(&self, query: TargetQuery, value: &str) -> TokenStream {
        match query {
            TargetQuery::Endian => quote!(cfg!(target_endian = #value)),
            TargetQuery::Arch => match rust_arch(value) {
                Some(arch) => quote!(cfg!(target_arch = #arch)),
                // No Rust target has that architecture.
                None => quote!(false),
            },
            TargetQuery::Os => match rust_os(value) {
                Some(os) => quote!(cfg!(target_os = #os)),
                None => quote!(false),
            },
            TargetQuery::ZigBackend => {
                if value == "stage2_llvm" {
                    quote!(true)
                } else {
                    quote!(false)
                }
            }
        }
    }

    /// `query == .value` / `!=`, when one side is a target query.
    pub(super) fn target_comparison(
        &self,
        eq: bool,
        lhs: &Expr,
        rhs: &Expr,
    ) -> Option<TokenStream> {
        let (query, value) = match (&lhs.kind, &rhs.kind) {
            (_, ExprKind::DotName(v)) => (self.target_query(lhs)?, v),
            (ExprKind::DotName(v), _) => (self.target_query(rhs)?, v),
            _ => return None,
        };
        let cond = self.target_condition(query, value);
        Some(if eq { cond } else { quote!(!#cond) })
    }

    /// `switch (native_endian) { .little => a, .big => b }`: one arm per
    /// value, chosen by `cfg!`.
    pub(super) fn target_switch(
        &mut self,
        s: &SwitchExpr,
        expected: &super::Ty,
    ) -> Option<TokenStream> {
        let query = self.target_query(&s.subject)?;
        let mut arms: Vec<(Option<TokenStream>, &Expr)> = Vec::new();
        for prong in &s.prongs {
            if prong.is_else {
                arms.push((None, &prong.body));
                continue;
            }
            let mut conds = Vec::new();
            for item in &prong.items {
                let SwitchItem::Value(Expr {
                    kind: ExprKind::DotName(v),
                    ..
                }) = item
                else {
                    return None;
                };
                conds.push(self.target_condition(query, v));
            }
            arms.push((Some(quote!(#(#conds)||*)), &prong.body));
        }
        let mut out = quote!(unreachable!("no prong for this target"));
        for (cond, body) in arms.into_iter().rev() {
            let b = self.branch_in_capture(None, super::Ty::Unknown, body, expected);
            out = match cond {
                Some(c) => quote!(if #c { #b } else { #out }),
                None => quote!({ #b }),
            };
        }
        Some(out)
    }
}

/// `builtin.target.cpu.arch.endian()` and the like, `is_builtin` telling
/// which names are `@import("builtin")`.
pub(super) fn target_query_of(e: &Expr, is_builtin: &dyn Fn(&str) -> bool) -> Option<TargetQuery> {
    let (path, call) = match &e.kind {
        ExprKind::Call { callee, args } if args.is_empty() => (path_of(callee)?, true),
        _ => (path_of(e)?, false),
    };
    let (root, rest) = path.split_first()?;
    if root != INLINE_BUILTIN && !is_builtin(root) {
        return None;
    }
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    let rest = match rest.as_slice() {
        ["target", tail @ ..] => tail,
        tail => tail,
    };
    match (rest, call) {
        (["cpu", "arch", "endian"], true) => Some(TargetQuery::Endian),
        (["cpu", "arch"], false) => Some(TargetQuery::Arch),
        (["os", "tag"], false) => Some(TargetQuery::Os),
        (["zig_backend"], false) => Some(TargetQuery::ZigBackend),
        _ => None,
    }
}

/// The root of an inline `@import("builtin").cpu.arch`.
const INLINE_BUILTIN: &str = "@import(\"builtin\")";

fn path_of(e: &Expr) -> Option<Vec<String>> {
    match &e.kind {
        ExprKind::Ident(n) => Some(vec![n.clone()]),
        ExprKind::Builtin { name, args }
            if name == "import"
                && matches!(args.as_slice(), [Expr { kind: ExprKind::Str(s), .. }] if s == b"builtin") =>
        {
            Some(vec![INLINE_BUILTIN.to_string()])
        }
        ExprKind::Field { object, member } => {
            let mut p = path_of(object)?;
            p.push(member.clone());
            Some(p)
        }
        _ => None,
    }
}

/// Zig's `std.Target.Cpu.Arch` tag → Rust's `target_arch`.
fn rust_arch(zig: &str) -> Option<&'static str> {
    Some(match zig {
        "x86_64" => "x86_64",
        "x86" => "x86",
        "aarch64" | "aarch64_be" => "aarch64",
        "arm" | "armeb" | "thumb" | "thumbeb" => "arm",
        "riscv64" => "riscv64",
        "riscv32" => "riscv32",
        "wasm32" => "wasm32",
        "wasm64" => "wasm64",
        "powerpc64" | "powerpc64le" => "powerpc64",
        "powerpc" | "powerpcle" => "powerpc",
        "mips" | "mipsel" => "mips",
        "mips64" | "mips64el" => "mips64",
        "s390x" => "s390x",
        "sparc64" => "sparc64",
        "loongarch64" => "loongarch64",
        _ => return None,
    })
}

/// Zig's `std.Target.Os.Tag` → Rust's `target_os`.
fn rust_os(zig: &str) -> Option<&'static str> {
    Some(match zig {
        "linux" => "linux",
        "macos" => "macos",
        "windows" => "windows",
        "freebsd" => "freebsd",
        "netbsd" => "netbsd",
        "openbsd" => "openbsd",
        "ios" => "ios",
        "wasi" => "wasi",
        "emscripten" => "emscripten",
        "solaris" => "solaris",
        "illumos" => "illumos",
        "haiku" => "haiku",
        "fuchsia" => "fuchsia",
        _ => return None,
    })
}
