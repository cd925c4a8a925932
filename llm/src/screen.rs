//! The allowlist screen for LLM replies.
//!
//! A reply is untrusted code. It is accepted only if every item, path,
//! macro and attribute in it is on an explicit allowlist; anything the
//! screen does not recognise is rejected. The lists are data (the tables
//! below), and [`SCREEN_VERSION`] names them: change a table, bump the
//! version, so cached verdicts keyed on it are not reused.
//!
//! How paths are judged:
//! - Raw identifiers are read without `r#`; `::std::x` is `std::x`.
//! - Names bound by `use` anywhere in the reply (including inside macro
//!   arguments) are expanded to what they import before judging, as are
//!   the prelude names (`Box` is `alloc::boxed::Box`). A glob import, or
//!   an import or rename of a crate root (`use std as s`,
//!   `use std::{self as s}`, `use crate as c`) is rejected outright.
//! - A path rooted at `std`, `core` or `alloc` must fall under
//!   [`ALLOWED_STD_PATHS`] and under none of [`DENIED_STD_PATHS`]; `std`
//!   re-exports `core` and `alloc` under the same names, so the tables are
//!   written without the root. `::other` (another crate) is rejected.
//! - Any other path (locals, the reply's own types, `Self`, `crate::`,
//!   `super::` items of the port) is allowed unless it contains one of
//!   [`DENIED_PORT_PATHS`] or a segment mentioning `extern`.
//!
//! Macro arguments are parsed as expressions (or, for `matches!`, an
//! expression and a pattern) and screened like the rest of the code; a
//! macro whose arguments do not parse that way is rejected.
//!
//! What the screen cannot see: methods called on values (`v.leak()`), and
//! names the enclosing module brings into scope (the translator writes
//! std paths in full, so a bare name only reaches the port's own items).

use std::collections::{HashMap, HashSet};

use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::visit::{self, Visit};
use syn::{Expr, Token};

/// The version of these tables and rules; part of the LLM cache key.
pub const SCREEN_VERSION: &str = "screen-v1";

/// Roots that name the standard library (or other toolchain crates).
pub const STD_ROOTS: [&str; 5] = ["std", "core", "alloc", "proc_macro", "test"];

/// Roots that name the crate the reply lands in.
const CRATE_ROOTS: [&str; 4] = ["crate", "self", "super", "Self"];

/// One row of the std allowlist: a path below `std`/`core`/`alloc`,
/// written without the root, and why it is pure. A row allows the path
/// itself, everything below it, and the modules above it (so that
/// `use std::mem;` can name the module `mem::swap` lives in).
#[derive(Debug, Clone, Copy)]
pub struct Allowed {
    pub path: &'static str,
    pub why: &'static str,
}

const fn allow(path: &'static str, why: &'static str) -> Allowed {
    Allowed { path, why }
}

/// The std paths ported code may use.
pub const ALLOWED_STD_PATHS: &[Allowed] = &[
    allow("cmp", "Ordering, min/max, comparison traits"),
    allow("mem::swap", "safe exchange of two places"),
    allow("mem::replace", "safe exchange of a place and a value"),
    allow("mem::take", "safe take-and-default"),
    allow("mem::drop", "ends a value's life early (prelude `drop`)"),
    allow("mem::size_of", "compile-time layout"),
    allow("mem::size_of_val", "layout of a value"),
    allow("mem::align_of", "compile-time layout"),
    allow("mem::align_of_val", "layout of a value"),
    allow("iter", "iterator traits and adapters"),
    allow("ops", "operator traits, ranges, Drop, Fn*"),
    allow("num", "integer helpers, Wrapping, NonZero, parse errors"),
    allow("convert", "From/Into/TryFrom/AsRef"),
    allow("fmt", "formatting types and the fmt::Write trait (no I/O)"),
    allow("str", "string slices, from_utf8"),
    allow("string", "String, ToString"),
    allow(
        "slice",
        "slice helpers (the unsafe ones still need `unsafe`)",
    ),
    allow("char", "char helpers"),
    allow("ascii", "ASCII helpers"),
    allow("option", "Option"),
    allow("result", "Result"),
    allow("array", "array helpers"),
    allow("hash", "Hash, Hasher, BuildHasher"),
    allow("vec", "Vec"),
    allow("boxed", "Box (minus leaking and raw pointers, below)"),
    allow("borrow", "Borrow, Cow, ToOwned"),
    allow("collections", "HashMap, BTreeMap, VecDeque, ..."),
    allow("clone", "Clone (prelude)"),
    allow("default", "Default (prelude)"),
    allow("marker", "Copy, Send, Sync, Sized, PhantomData (prelude)"),
    allow("error", "the Error trait"),
    allow("primitive", "primitive type names"),
    allow("f32", "float constants"),
    allow("f64", "float constants"),
    allow("u8", "legacy integer constants"),
    allow("u16", "legacy integer constants"),
    allow("u32", "legacy integer constants"),
    allow("u64", "legacy integer constants"),
    allow("u128", "legacy integer constants"),
    allow("usize", "legacy integer constants"),
    allow("i8", "legacy integer constants"),
    allow("i16", "legacy integer constants"),
    allow("i32", "legacy integer constants"),
    allow("i64", "legacy integer constants"),
    allow("i128", "legacy integer constants"),
    allow("isize", "legacy integer constants"),
];

/// Paths below an allowed row that are still rejected: leaking memory and
/// turning owned values into raw pointers.
pub const DENIED_STD_PATHS: &[&str] = &[
    "boxed::Box::leak",
    "boxed::Box::into_raw",
    "boxed::Box::into_raw_with_allocator",
    "boxed::Box::into_non_null",
    "boxed::Box::from_raw",
    "boxed::Box::from_non_null",
    "vec::Vec::leak",
    "vec::Vec::into_raw_parts",
    "vec::Vec::from_raw_parts",
    "string::String::leak",
    "string::String::into_raw_parts",
    "string::String::from_raw_parts",
];

/// Names in the Rust prelude, read as the std paths they stand for.
pub const PRELUDE: &[(&str, &str)] = &[
    ("Box", "alloc::boxed::Box"),
    ("Vec", "alloc::vec::Vec"),
    ("String", "alloc::string::String"),
    ("ToString", "alloc::string::ToString"),
    ("ToOwned", "alloc::borrow::ToOwned"),
    ("Option", "core::option::Option"),
    ("Some", "core::option::Option::Some"),
    ("None", "core::option::Option::None"),
    ("Result", "core::result::Result"),
    ("Ok", "core::result::Result::Ok"),
    ("Err", "core::result::Result::Err"),
    ("Clone", "core::clone::Clone"),
    ("Copy", "core::marker::Copy"),
    ("Send", "core::marker::Send"),
    ("Sync", "core::marker::Sync"),
    ("Sized", "core::marker::Sized"),
    ("Unpin", "core::marker::Unpin"),
    ("Default", "core::default::Default"),
    ("Drop", "core::ops::Drop"),
    ("Fn", "core::ops::Fn"),
    ("FnMut", "core::ops::FnMut"),
    ("FnOnce", "core::ops::FnOnce"),
    ("PartialEq", "core::cmp::PartialEq"),
    ("Eq", "core::cmp::Eq"),
    ("PartialOrd", "core::cmp::PartialOrd"),
    ("Ord", "core::cmp::Ord"),
    ("AsRef", "core::convert::AsRef"),
    ("AsMut", "core::convert::AsMut"),
    ("From", "core::convert::From"),
    ("Into", "core::convert::Into"),
    ("TryFrom", "core::convert::TryFrom"),
    ("TryInto", "core::convert::TryInto"),
    ("Iterator", "core::iter::Iterator"),
    ("IntoIterator", "core::iter::IntoIterator"),
    ("DoubleEndedIterator", "core::iter::DoubleEndedIterator"),
    ("ExactSizeIterator", "core::iter::ExactSizeIterator"),
    ("Extend", "core::iter::Extend"),
    ("FromIterator", "core::iter::FromIterator"),
    ("drop", "core::mem::drop"),
    ("size_of", "core::mem::size_of"),
    ("size_of_val", "core::mem::size_of_val"),
    ("align_of", "core::mem::align_of"),
    ("align_of_val", "core::mem::align_of_val"),
];

/// Paths of the port crate a reply may not reach, matched as a run of
/// segments anywhere in the (expanded) path: the C-ABI shims, and the
/// runtime's doors to the process (stdin, stdout, stderr, argv).
pub const DENIED_PORT_PATHS: &[&str] = &[
    "zigport_shims",
    "zigport_rt::io::Reader",
    "zigport_rt::io::args",
    "Writer::stdout",
    "Writer::stderr",
    "Reader::stdin",
];

/// How an allowed macro's arguments are parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MacroArgs {
    /// Comma-separated expressions; the one at `format` (if present) must
    /// be a string literal (the format string).
    Exprs { format: Option<usize> },
    /// `write!`/`writeln!`: a local destination (`w` or `&mut w`), then a
    /// format string and expressions.
    Write,
    /// `vec![x; n]` or `vec![a, b, ..]`.
    Vec,
    /// `matches!(expr, pattern)` with an optional `if` guard.
    Matches,
    /// `concat!` of literals only.
    Literals,
}

/// The macros a reply may call, all pure.
pub const ALLOWED_MACROS: &[(&str, MacroArgs)] = &[
    ("format", MacroArgs::Exprs { format: Some(0) }),
    ("panic", MacroArgs::Exprs { format: Some(0) }),
    ("unreachable", MacroArgs::Exprs { format: Some(0) }),
    ("todo", MacroArgs::Exprs { format: Some(0) }),
    ("unimplemented", MacroArgs::Exprs { format: Some(0) }),
    ("assert", MacroArgs::Exprs { format: Some(1) }),
    ("debug_assert", MacroArgs::Exprs { format: Some(1) }),
    ("assert_eq", MacroArgs::Exprs { format: Some(2) }),
    ("assert_ne", MacroArgs::Exprs { format: Some(2) }),
    ("debug_assert_eq", MacroArgs::Exprs { format: Some(2) }),
    ("debug_assert_ne", MacroArgs::Exprs { format: Some(2) }),
    ("write", MacroArgs::Write),
    ("writeln", MacroArgs::Write),
    ("vec", MacroArgs::Vec),
    ("matches", MacroArgs::Matches),
    ("concat", MacroArgs::Literals),
];

/// Attributes a reply may carry. `inline` (bare, `always`, `never`),
/// `cold`, `must_use` (bare or with a string), `allow(lints)`,
/// `derive(` [`ALLOWED_DERIVES`] `)`, and `doc = "string"` (doc comments).
pub const ALLOWED_ATTRIBUTES: [&str; 6] = ["inline", "cold", "must_use", "allow", "derive", "doc"];

/// Derives a reply may use: the std ones.
pub const ALLOWED_DERIVES: [&str; 9] = [
    "Debug",
    "Clone",
    "Copy",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "Hash",
    "Default",
];

/// What a rejection quotes from the reply is cut to this many characters.
pub const MAX_QUOTE: usize = 120;
/// At most this many findings are named in one rejection.
const MAX_FINDINGS: usize = 4;
/// `use` chains longer than this are not followed (and rejected).
const MAX_ALIAS_DEPTH: usize = 16;

/// What the screen objects to in `file`, as short bounded phrases; empty
/// when the file is acceptable. `allow_unsafe` admits `unsafe` blocks
/// inside function bodies, and `unsafe` on the function named `target`
/// itself (the rules give raw-pointer functions an `unsafe fn` signature).
pub fn screen_file(file: &syn::File, target: &str, allow_unsafe: bool) -> Vec<String> {
    let mut screen = Screen {
        allow_unsafe,
        target: target.to_string(),
        in_body: false,
        item_depth: 0,
        aliases: HashMap::new(),
        checked: HashSet::new(),
        findings: Vec::new(),
    };
    let mut uses = UseCollector(&mut screen.aliases);
    uses.visit_file(file);
    screen.visit_file(file);
    screen.findings
}

/// The findings as one bounded sentence fragment.
pub fn describe(findings: &[String]) -> String {
    let mut text = findings
        .iter()
        .take(MAX_FINDINGS)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if findings.len() > MAX_FINDINGS {
        text.push_str(&format!(" and {} more", findings.len() - MAX_FINDINGS));
    }
    text
}

/// `text` cut to [`MAX_QUOTE`] characters (on a char boundary).
pub fn quote_bounded(text: &str) -> String {
    if text.chars().count() <= MAX_QUOTE {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX_QUOTE).collect();
        format!("{cut}…")
    }
}

type Target = (bool, Vec<String>);

struct Screen {
    allow_unsafe: bool,
    target: String,
    /// Inside a function body (where `unsafe` blocks may be admitted).
    in_body: bool,
    /// How many items enclose the current node.
    item_depth: usize,
    /// Name bound by a `use` → what it imports (leading colon, segments).
    aliases: HashMap<String, Vec<Target>>,
    /// Paths already judged together with their `QSelf`.
    checked: HashSet<usize>,
    findings: Vec<String>,
}

fn name(ident: &proc_macro2::Ident) -> String {
    ident.unraw().to_string()
}

fn parts(path: &syn::Path) -> Target {
    (
        path.leading_colon.is_some(),
        path.segments.iter().map(|s| name(&s.ident)).collect(),
    )
}

fn show(colon: bool, segs: &[String]) -> String {
    let joined = segs.join("::");
    quote_bounded(&if colon { format!("::{joined}") } else { joined })
}

fn starts_with(path: &[String], prefix: &[&str]) -> bool {
    path.len() >= prefix.len() && path.iter().zip(prefix).all(|(a, b)| a == b)
}

fn contains_run(path: &[String], run: &[&str]) -> bool {
    !run.is_empty() && path.windows(run.len()).any(|w| starts_with(w, run))
}

/// Is `segs` (rooted at a std root) on the allowlist?
fn judge_std(colon: bool, segs: &[String]) -> Result<(), String> {
    let tail = &segs[1..];
    let shown = || show(colon, segs);
    if tail.is_empty() {
        return Err(format!("`{}` on its own", shown()));
    }
    let split = |p: &'static str| p.split("::").collect::<Vec<_>>();
    if DENIED_STD_PATHS
        .iter()
        .any(|d| starts_with(tail, &split(d)))
    {
        return Err(format!("`{}` (leaks or makes raw pointers)", shown()));
    }
    let allowed = ALLOWED_STD_PATHS.iter().any(|a| {
        let row = split(a.path);
        starts_with(tail, &row)
            || (tail.len() < row.len() && row.iter().zip(tail).all(|(r, t)| r == t))
    });
    if allowed {
        Ok(())
    } else {
        Err(format!("`{}` (not on the allowlist of std paths)", shown()))
    }
}

fn judge_port(colon: bool, segs: &[String]) -> Result<(), String> {
    if segs
        .iter()
        .any(|s| s.to_ascii_lowercase().contains("extern"))
    {
        return Err(format!("`{}` (mentions `extern`)", show(colon, segs)));
    }
    if DENIED_PORT_PATHS
        .iter()
        .any(|d| contains_run(segs, &d.split("::").collect::<Vec<_>>()))
    {
        return Err(format!(
            "`{}` (the port's shims or process I/O)",
            show(colon, segs)
        ));
    }
    Ok(())
}

impl Screen {
    fn flag(&mut self, what: impl Into<String>) {
        let what = what.into();
        if !self.findings.contains(&what) {
            self.findings.push(what);
        }
    }

    fn check(&mut self, colon: bool, segs: &[String]) {
        if let Err(why) = self.judge(colon, segs, 0, &mut Vec::new()) {
            self.flag(why);
        }
    }

    /// Judge a path after expanding `use` bindings and prelude names.
    fn judge(
        &self,
        colon: bool,
        segs: &[String],
        depth: usize,
        chain: &mut Vec<String>,
    ) -> Result<(), String> {
        if depth > MAX_ALIAS_DEPTH {
            return Err(format!(
                "`{}` (imports chained too deep to follow)",
                show(colon, segs)
            ));
        }
        let Some(root) = segs.first() else {
            return Ok(());
        };
        if colon {
            return if STD_ROOTS.contains(&root.as_str()) {
                judge_std(colon, segs)
            } else {
                Err(format!(
                    "`{}` (a path into another crate)",
                    show(colon, segs)
                ))
            };
        }
        if STD_ROOTS.contains(&root.as_str()) {
            return judge_std(colon, segs);
        }
        if !chain.contains(root) {
            if let Some(targets) = self.aliases.get(root) {
                chain.push(root.clone());
                for (c, t) in targets {
                    let full: Vec<String> = t.iter().chain(&segs[1..]).cloned().collect();
                    self.judge(*c, &full, depth + 1, chain)?;
                }
                chain.pop();
                return Ok(());
            }
            if let Some((_, std)) = PRELUDE.iter().find(|(n, _)| n == root) {
                let full: Vec<String> = std
                    .split("::")
                    .map(str::to_string)
                    .chain(segs[1..].iter().cloned())
                    .collect();
                return judge_std(false, &full);
            }
        }
        judge_port(colon, segs)
    }

    /// A path that may come with a `QSelf` (`<T>::f`, `<T as Tr>::f`).
    fn qpath(&mut self, qself: Option<&syn::QSelf>, path: &syn::Path) {
        self.checked.insert(path as *const syn::Path as usize);
        let (colon, segs) = parts(path);
        match qself {
            Some(q) if q.position == 0 => {
                // `<T>::item`: an item of the type T (screened on its own too).
                let mut ty = &*q.ty;
                loop {
                    match ty {
                        syn::Type::Paren(p) => ty = &p.elem,
                        syn::Type::Group(g) => ty = &g.elem,
                        _ => break,
                    }
                }
                if let syn::Type::Path(tp) = ty
                    && tp.qself.is_none()
                {
                    let (c, mut base) = parts(&tp.path);
                    base.extend(segs);
                    self.check(c, &base);
                }
            }
            // `<T as Trait>::item` is `Trait::item`.
            _ => self.check(colon, &segs),
        }
    }

    fn screen_use(&mut self, item: &syn::ItemUse) {
        let mut entries = Vec::new();
        use_entries(&item.tree, &mut Vec::new(), &mut entries);
        let colon = item.leading_colon.is_some();
        for e in entries {
            let shown = show(colon, &e.path);
            if e.glob {
                self.flag(format!("a glob import `{shown}::*`"));
            } else if e.path.len() <= 1
                && e.path.first().is_none_or(|r| {
                    STD_ROOTS.contains(&r.as_str()) || CRATE_ROOTS.contains(&r.as_str())
                })
            {
                self.flag(format!("an import of the crate root `{shown}`"));
            } else {
                self.check(colon, &e.path);
            }
        }
    }

    fn screen_attribute(&mut self, attr: &syn::Attribute) {
        let (colon, segs) = parts(attr.path());
        let name = match segs.as_slice() {
            [n] if !colon => n.as_str(),
            _ => "",
        };
        let string_value = |nv: &syn::MetaNameValue| matches!(&nv.value, Expr::Lit(l) if l.attrs.is_empty() && matches!(l.lit, syn::Lit::Str(_)));
        let ok = match (name, &attr.meta) {
            ("inline" | "cold" | "must_use", syn::Meta::Path(_)) => true,
            ("inline", syn::Meta::List(l)) => l
                .parse_args::<syn::Ident>()
                .is_ok_and(|i| i == "always" || i == "never"),
            ("must_use" | "doc", syn::Meta::NameValue(nv)) => string_value(nv),
            ("allow", syn::Meta::List(l)) => l
                .parse_args_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)
                .is_ok(),
            ("derive", syn::Meta::List(l)) => l
                .parse_args_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)
                .is_ok_and(|paths| {
                    paths.iter().all(|p| {
                        let (c, s) = parts(p);
                        !c && s.len() == 1
                            && ALLOWED_DERIVES.contains(&s[0].as_str())
                            && !self.aliases.contains_key(&s[0])
                    })
                }),
            _ => false,
        };
        debug_assert!(!ok || ALLOWED_ATTRIBUTES.contains(&name));
        if !ok {
            let text = attr.meta.to_token_stream().to_string();
            self.flag(format!("the attribute `#[{}]`", quote_bounded(&text)));
        }
    }

    fn screen_macro(&mut self, mac: &syn::Macro) {
        let (colon, segs) = parts(&mac.path);
        let shown = show(colon, &segs);
        let name = match segs.as_slice() {
            [n] if !colon => {
                if self.aliases.contains_key(n) {
                    self.flag(format!("the macro `{shown}!` (imported by `use`)"));
                    return;
                }
                n.clone()
            }
            [root, n] if ["std", "core", "alloc"].contains(&root.as_str()) => n.clone(),
            _ => {
                self.flag(format!("the macro `{shown}!`"));
                return;
            }
        };
        let Some(&(_, kind)) = ALLOWED_MACROS.iter().find(|(n, _)| *n == name) else {
            self.flag(format!("the macro `{shown}!`"));
            return;
        };
        let exprs = |tokens: &syn::Macro| {
            tokens.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
        };
        let mut pats = Vec::new();
        let parsed: syn::Result<Vec<Expr>> = match kind {
            MacroArgs::Exprs { .. } | MacroArgs::Write | MacroArgs::Literals => {
                exprs(mac).map(|p| p.into_iter().collect())
            }
            MacroArgs::Vec => mac
                .parse_body_with(|input: ParseStream| {
                    let elem: Expr = input.parse()?;
                    input.parse::<Token![;]>()?;
                    let len: Expr = input.parse()?;
                    Ok(vec![elem, len])
                })
                .or_else(|_| exprs(mac).map(|p| p.into_iter().collect())),
            MacroArgs::Matches => mac
                .parse_body_with(|input: ParseStream| {
                    let scrutinee: Expr = input.parse()?;
                    input.parse::<Token![,]>()?;
                    let pat = syn::Pat::parse_multi_with_leading_vert(input)?;
                    let mut out = vec![scrutinee];
                    if input.peek(Token![if]) {
                        input.parse::<Token![if]>()?;
                        out.push(input.parse()?);
                    }
                    if input.peek(Token![,]) {
                        input.parse::<Token![,]>()?;
                    }
                    Ok((out, pat))
                })
                .map(|(out, pat)| {
                    pats.push(pat);
                    out
                }),
        };
        let Ok(args) = parsed else {
            self.flag(format!(
                "the macro `{shown}!` with arguments that are not expressions"
            ));
            return;
        };
        let literal = |e: &Expr| matches!(e, Expr::Lit(l) if l.attrs.is_empty());
        let string = |e: &Expr| matches!(e, Expr::Lit(l) if l.attrs.is_empty() && matches!(l.lit, syn::Lit::Str(_)));
        match kind {
            MacroArgs::Exprs { format: Some(i) } => {
                if args.get(i).is_some_and(|f| !string(f)) {
                    self.flag(format!(
                        "the macro `{shown}!` with a format string that is not a literal"
                    ));
                }
            }
            MacroArgs::Write => {
                if !args.first().is_some_and(|d| self.local_destination(d)) {
                    self.flag(format!(
                        "the macro `{shown}!` to something other than a local variable"
                    ));
                }
                if args.get(1).is_some_and(|f| !string(f)) {
                    self.flag(format!(
                        "the macro `{shown}!` with a format string that is not a literal"
                    ));
                }
            }
            MacroArgs::Literals => {
                if !args.iter().all(literal) {
                    self.flag(format!(
                        "the macro `{shown}!` of something other than literals"
                    ));
                }
            }
            MacroArgs::Exprs { format: None } | MacroArgs::Vec | MacroArgs::Matches => {}
        }
        // The arguments are code like any other: their imports count,
        // then they are screened.
        {
            let mut uses = UseCollector(&mut self.aliases);
            for e in &args {
                uses.visit_expr(e);
            }
        }
        for e in &args {
            self.visit_expr(e);
        }
        for p in &pats {
            self.visit_pat(p);
        }
    }

    /// `w` or `&mut w`, where `w` is a plain local name.
    fn local_destination(&self, e: &Expr) -> bool {
        let e = match e {
            Expr::Reference(r) if r.mutability.is_some() => &*r.expr,
            e => e,
        };
        match e {
            Expr::Path(p) if p.qself.is_none() && p.attrs.is_empty() => {
                let (colon, segs) = parts(&p.path);
                !colon
                    && segs.len() == 1
                    && p.path.segments[0].arguments.is_none()
                    && !STD_ROOTS.contains(&segs[0].as_str())
                    && !CRATE_ROOTS.contains(&segs[0].as_str())
                    && !self.aliases.contains_key(&segs[0])
                    && !PRELUDE.iter().any(|(n, _)| *n == segs[0])
            }
            _ => false,
        }
    }

    fn attributes(&mut self, attrs: &[syn::Attribute]) {
        for a in attrs {
            self.screen_attribute(a);
        }
    }

    fn fn_body(&mut self, block: &syn::Block) {
        let outer = self.in_body;
        self.in_body = true;
        self.visit_block(block);
        self.in_body = outer;
    }

    fn signature(&mut self, sig: &syn::Signature) {
        if sig.unsafety.is_some() {
            let target = self.allow_unsafe && self.item_depth <= 1 && sig.ident == self.target;
            if !target {
                self.flag(format!("`unsafe fn {}`", quote_bounded(&name(&sig.ident))));
            }
        }
        if sig.variadic.is_some() {
            self.flag("a C-variadic function");
        }
        self.visit_signature(sig);
    }
}

struct UseEntry {
    path: Vec<String>,
    glob: bool,
}

/// Every import in a `use` tree as a full path (`self` folded into its
/// parent), with the name it binds.
fn use_entries(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<UseEntry>) {
    let full = |prefix: &Vec<String>, ident: &proc_macro2::Ident| {
        let n = name(ident);
        if n == "self" {
            prefix.clone()
        } else {
            [prefix.clone(), vec![n]].concat()
        }
    };
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(name(&p.ident));
            use_entries(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => out.push(UseEntry {
            path: full(prefix, &n.ident),
            glob: false,
        }),
        syn::UseTree::Rename(r) => out.push(UseEntry {
            path: full(prefix, &r.ident),
            glob: false,
        }),
        syn::UseTree::Glob(_) => out.push(UseEntry {
            path: prefix.clone(),
            glob: true,
        }),
        syn::UseTree::Group(g) => {
            for t in &g.items {
                use_entries(t, prefix, out);
            }
        }
    }
}

/// Records what every `use` in a tree binds (outside macro arguments,
/// which the screen parses and collects as it meets them).
struct UseCollector<'a>(&'a mut HashMap<String, Vec<Target>>);

impl UseCollector<'_> {
    fn bind(&mut self, tree: &syn::UseTree, colon: bool, prefix: &mut Vec<String>) {
        let mut add = |binding: String, path: Vec<String>| {
            if binding != "_" && !path.is_empty() {
                let targets = self.0.entry(binding).or_default();
                if !targets.contains(&(colon, path.clone())) {
                    targets.push((colon, path));
                }
            }
        };
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(name(&p.ident));
                self.bind(&p.tree, colon, prefix);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let n = name(&n.ident);
                if n == "self" {
                    if let Some(last) = prefix.last() {
                        add(last.clone(), prefix.clone());
                    }
                } else {
                    add(n.clone(), [prefix.clone(), vec![n]].concat());
                }
            }
            syn::UseTree::Rename(r) => {
                let n = name(&r.ident);
                let path = if n == "self" {
                    prefix.clone()
                } else {
                    [prefix.clone(), vec![n]].concat()
                };
                add(name(&r.rename), path);
            }
            syn::UseTree::Glob(_) => {}
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.bind(t, colon, prefix);
                }
            }
        }
    }
}

impl<'ast> Visit<'ast> for UseCollector<'_> {
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.bind(&item.tree, item.leading_colon.is_some(), &mut Vec::new());
    }
}

impl<'ast> Visit<'ast> for Screen {
    fn visit_attribute(&mut self, attr: &'ast syn::Attribute) {
        self.screen_attribute(attr);
    }

    fn visit_item(&mut self, item: &'ast syn::Item) {
        let outer = self.in_body;
        self.in_body = false;
        self.item_depth += 1;
        match item {
            syn::Item::Fn(_)
            | syn::Item::Struct(_)
            | syn::Item::Enum(_)
            | syn::Item::Type(_)
            | syn::Item::Use(_)
            | syn::Item::Impl(_)
            | syn::Item::Trait(_)
            | syn::Item::Const(_)
            | syn::Item::Static(_) => visit::visit_item(self, item),
            // Rejected whole; their attributes are named too.
            syn::Item::Mod(m) => {
                self.flag(format!(
                    "a nested module `mod {}`",
                    quote_bounded(&name(&m.ident))
                ));
                self.attributes(&m.attrs);
            }
            syn::Item::ForeignMod(m) => {
                self.flag("an `extern` block");
                self.attributes(&m.attrs);
            }
            syn::Item::ExternCrate(e) => {
                self.flag("`extern crate`");
                self.attributes(&e.attrs);
            }
            syn::Item::Macro(m) => {
                let (c, s) = parts(&m.mac.path);
                self.flag(format!("the item macro `{}!`", show(c, &s)));
                self.attributes(&m.attrs);
            }
            syn::Item::Union(u) => {
                self.flag("a `union`");
                self.attributes(&u.attrs);
            }
            syn::Item::TraitAlias(t) => {
                self.flag("a trait alias");
                self.attributes(&t.attrs);
            }
            _ => self.flag("an item the screen does not know"),
        }
        self.item_depth -= 1;
        self.in_body = outer;
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        for a in &f.attrs {
            self.visit_attribute(a);
        }
        self.visit_visibility(&f.vis);
        self.signature(&f.sig);
        self.fn_body(&f.block);
    }

    fn visit_impl_item(&mut self, item: &'ast syn::ImplItem) {
        match item {
            syn::ImplItem::Fn(_) | syn::ImplItem::Const(_) | syn::ImplItem::Type(_) => {
                visit::visit_impl_item(self, item)
            }
            syn::ImplItem::Macro(m) => {
                let (c, s) = parts(&m.mac.path);
                self.flag(format!("the item macro `{}!`", show(c, &s)));
            }
            _ => self.flag("an impl item the screen does not know"),
        }
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        for a in &f.attrs {
            self.visit_attribute(a);
        }
        self.visit_visibility(&f.vis);
        self.signature(&f.sig);
        self.fn_body(&f.block);
    }

    fn visit_trait_item(&mut self, item: &'ast syn::TraitItem) {
        match item {
            syn::TraitItem::Fn(_) | syn::TraitItem::Const(_) | syn::TraitItem::Type(_) => {
                visit::visit_trait_item(self, item)
            }
            syn::TraitItem::Macro(m) => {
                let (c, s) = parts(&m.mac.path);
                self.flag(format!("the item macro `{}!`", show(c, &s)));
            }
            _ => self.flag("a trait item the screen does not know"),
        }
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        for a in &f.attrs {
            self.visit_attribute(a);
        }
        self.signature(&f.sig);
        if let Some(block) = &f.default {
            self.fn_body(block);
        }
    }

    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        if i.unsafety.is_some() {
            self.flag("`unsafe impl`");
        }
        visit::visit_item_impl(self, i);
    }

    fn visit_item_trait(&mut self, t: &'ast syn::ItemTrait) {
        if t.unsafety.is_some() {
            self.flag("`unsafe trait`");
        }
        if t.auto_token.is_some() {
            self.flag("an `auto trait`");
        }
        visit::visit_item_trait(self, t);
    }

    fn visit_item_const(&mut self, c: &'ast syn::ItemConst) {
        if c.ident == "_" {
            self.flag("an anonymous `const _` item");
        }
        visit::visit_item_const(self, c);
    }

    fn visit_item_static(&mut self, s: &'ast syn::ItemStatic) {
        if matches!(s.mutability, syn::StaticMutability::Mut(_)) {
            self.flag("`static mut`");
        }
        if !s.attrs.is_empty() {
            self.flag("a `static` with attributes");
        }
        visit::visit_item_static(self, s);
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        for a in &item.attrs {
            self.visit_attribute(a);
        }
        self.screen_use(item);
    }

    fn visit_abi(&mut self, _: &'ast syn::Abi) {
        self.flag("an `extern` ABI");
    }

    fn visit_expr(&mut self, e: &'ast Expr) {
        match e {
            Expr::Verbatim(_) => self.flag("an expression the screen does not know"),
            _ => visit::visit_expr(self, e),
        }
    }

    fn visit_expr_unsafe(&mut self, e: &'ast syn::ExprUnsafe) {
        if !self.allow_unsafe {
            self.flag("`unsafe` (the Zig uses no raw pointers)");
        } else if !self.in_body {
            self.flag("`unsafe` outside a function body");
        }
        visit::visit_expr_unsafe(self, e);
    }

    fn visit_type(&mut self, t: &'ast syn::Type) {
        match t {
            syn::Type::Macro(m) => {
                let (c, s) = parts(&m.mac.path);
                self.flag(format!("the macro `{}!` in a type", show(c, &s)));
            }
            syn::Type::Verbatim(_) => self.flag("a type the screen does not know"),
            syn::Type::BareFn(f) if f.unsafety.is_some() && !self.allow_unsafe => {
                self.flag("an `unsafe fn` pointer type");
                visit::visit_type(self, t);
            }
            _ => visit::visit_type(self, t),
        }
    }

    fn visit_pat(&mut self, p: &'ast syn::Pat) {
        match p {
            syn::Pat::Macro(m) => {
                let (c, s) = parts(&m.mac.path);
                self.flag(format!("the macro `{}!` in a pattern", show(c, &s)));
            }
            syn::Pat::Verbatim(_) => self.flag("a pattern the screen does not know"),
            _ => visit::visit_pat(self, p),
        }
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.screen_macro(mac);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        if !self.checked.remove(&(path as *const syn::Path as usize)) {
            let (colon, segs) = parts(path);
            self.check(colon, &segs);
        }
        visit::visit_path(self, path);
    }

    fn visit_expr_path(&mut self, e: &'ast syn::ExprPath) {
        self.qpath(e.qself.as_ref(), &e.path);
        visit::visit_expr_path(self, e);
    }

    fn visit_type_path(&mut self, t: &'ast syn::TypePath) {
        self.qpath(t.qself.as_ref(), &t.path);
        visit::visit_type_path(self, t);
    }

    fn visit_expr_struct(&mut self, e: &'ast syn::ExprStruct) {
        self.qpath(e.qself.as_ref(), &e.path);
        visit::visit_expr_struct(self, e);
    }

    fn visit_pat_struct(&mut self, p: &'ast syn::PatStruct) {
        self.qpath(p.qself.as_ref(), &p.path);
        visit::visit_pat_struct(self, p);
    }

    fn visit_pat_tuple_struct(&mut self, p: &'ast syn::PatTupleStruct) {
        self.qpath(p.qself.as_ref(), &p.path);
        visit::visit_pat_tuple_struct(self, p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_well_formed() {
        assert!(SCREEN_VERSION.starts_with("screen-v"));
        for a in ALLOWED_STD_PATHS {
            assert!(!a.path.is_empty() && !a.why.is_empty());
            let root = a.path.split("::").next().unwrap();
            assert!(
                !STD_ROOTS.contains(&root),
                "{} is written without its root",
                a.path
            );
        }
        for (name, std) in PRELUDE {
            let segs: Vec<String> = std.split("::").map(str::to_string).collect();
            assert!(judge_std(false, &segs).is_ok(), "prelude `{name}` → {std}");
        }
        for d in DENIED_STD_PATHS {
            let segs: Vec<String> = ["std"]
                .iter()
                .chain(d.split("::").collect::<Vec<_>>().iter())
                .map(|s| s.to_string())
                .collect();
            assert!(judge_std(false, &segs).is_err(), "{d}");
        }
    }

    #[test]
    fn quotes_are_bounded() {
        let long = "x".repeat(10_000);
        assert!(quote_bounded(&long).chars().count() <= MAX_QUOTE + 1);
        let many: Vec<String> = (0..50).map(|i| format!("finding {i}")).collect();
        assert!(describe(&many).ends_with("and 46 more"));
    }
}
