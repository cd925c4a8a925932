//! From a reply to one Rust function we are willing to compile: the code is
//! found (fenced or bare), parsed with `syn`, the function with the expected
//! name is taken, and anything that reaches outside a pure computation is
//! rejected before it gets near `cargo`.

use quote::ToTokens;
use syn::visit::{self, Visit};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    #[error("the reply contains no Rust code")]
    NoCode,
    #[error("the reply's Rust does not parse: {0}")]
    Syntax(String),
    #[error("the reply has no function named `{0}`")]
    MissingFunction(String),
    #[error("the reply uses {0}, which ported code may not")]
    Forbidden(String),
}

/// Paths under `std`/`core`/`alloc` that ported code must not reach.
const FORBIDDEN_MODULES: [&str; 6] = ["process", "net", "fs", "env", "os", "thread"];
/// Macros that read the build machine or bypass the type system.
const FORBIDDEN_MACROS: [&str; 7] = [
    "include",
    "include_str",
    "include_bytes",
    "env",
    "option_env",
    "asm",
    "global_asm",
];
const FORBIDDEN_ATTRIBUTES: [&str; 4] = ["link", "no_mangle", "export_name", "link_section"];

/// The function `name` from `reply`, screened, as Rust source. Methods
/// (`is_method`) may come bare or inside an `impl` block. `allow_unsafe`
/// is true only where the Zig itself used raw pointers.
pub fn extract_function(
    reply: &str,
    name: &str,
    is_method: bool,
    allow_unsafe: bool,
) -> Result<String, Rejection> {
    let code = code_of(reply).ok_or(Rejection::NoCode)?;
    let file = syn::parse_file(&code).map_err(|e| Rejection::Syntax(located(&e)))?;
    screen(&file, allow_unsafe)?;
    let found = file.items.iter().find_map(|item| match item {
        syn::Item::Fn(f) if f.sig.ident == name => Some(f.to_token_stream()),
        syn::Item::Impl(block) if is_method => block.items.iter().find_map(|i| match i {
            syn::ImplItem::Fn(f) if f.sig.ident == name => Some(f.to_token_stream()),
            _ => None,
        }),
        _ => None,
    });
    found
        .map(|tokens| tokens.to_string())
        .ok_or_else(|| Rejection::MissingFunction(name.to_string()))
}

fn located(e: &syn::Error) -> String {
    let start = e.span().start();
    format!("{}:{}: {e}", start.line, start.column + 1)
}

/// The code of the first fenced block (```rust or bare ```), or the whole
/// reply when it has no fence.
fn code_of(reply: &str) -> Option<String> {
    let mut lines = reply.lines();
    let mut block = Vec::new();
    let mut fenced = false;
    while let Some(line) = lines.next() {
        if line.trim_start().starts_with("```") {
            fenced = true;
            for inner in lines.by_ref() {
                if inner.trim_start().starts_with("```") {
                    break;
                }
                block.push(inner);
            }
            break;
        }
    }
    let code = if fenced {
        block.join("\n")
    } else if reply.contains("fn ") {
        reply.to_string()
    } else {
        return None; // prose: a refusal or an explanation
    };
    (!code.trim().is_empty()).then_some(code)
}

fn screen(file: &syn::File, allow_unsafe: bool) -> Result<(), Rejection> {
    let mut screen = Screen {
        allow_unsafe,
        found: None,
    };
    screen.visit_file(file);
    match screen.found {
        Some(what) => Err(Rejection::Forbidden(what)),
        None => Ok(()),
    }
}

struct Screen {
    allow_unsafe: bool,
    found: Option<String>,
}

impl Screen {
    fn flag(&mut self, what: String) {
        self.found.get_or_insert(what);
    }

    fn check_segments(&mut self, segments: &[String]) {
        let root = segments.iter().position(|s| !s.is_empty());
        if let Some(i) = root
            && matches!(segments[i].as_str(), "std" | "core" | "alloc")
            && let Some(module) = segments.get(i + 1)
            && FORBIDDEN_MODULES.contains(&module.as_str())
        {
            self.flag(format!("`{}::{module}`", segments[i]));
        }
    }
}

impl<'ast> Visit<'ast> for Screen {
    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.check_segments(&segments);
        visit::visit_path(self, path);
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        let mut paths = Vec::new();
        use_paths(&item.tree, &mut Vec::new(), &mut paths);
        for p in paths {
            self.check_segments(&p);
        }
        visit::visit_item_use(self, item);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if let Some(last) = mac.path.segments.last() {
            let name = last.ident.to_string();
            if FORBIDDEN_MACROS.contains(&name.as_str()) {
                self.flag(format!("`{name}!`"));
            }
        }
        visit::visit_macro(self, mac);
    }

    fn visit_attribute(&mut self, attr: &'ast syn::Attribute) {
        if let Some(ident) = attr.path().get_ident()
            && FORBIDDEN_ATTRIBUTES.contains(&ident.to_string().as_str())
        {
            self.flag(format!("`#[{ident}]`"));
        }
        visit::visit_attribute(self, attr);
    }

    fn visit_item_foreign_mod(&mut self, _: &'ast syn::ItemForeignMod) {
        self.flag("an `extern` block".into());
    }

    fn visit_item_extern_crate(&mut self, _: &'ast syn::ItemExternCrate) {
        self.flag("`extern crate`".into());
    }

    fn visit_expr_unsafe(&mut self, e: &'ast syn::ExprUnsafe) {
        if !self.allow_unsafe {
            self.flag("`unsafe` (the Zig uses no raw pointers)".into());
        }
        visit::visit_expr_unsafe(self, e);
    }

    fn visit_signature(&mut self, sig: &'ast syn::Signature) {
        if sig.unsafety.is_some() && !self.allow_unsafe {
            self.flag("`unsafe fn` (the Zig uses no raw pointers)".into());
        }
        if sig.abi.is_some() {
            self.flag("an `extern` ABI".into());
        }
        visit::visit_signature(self, sig);
    }
}

fn use_paths(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            use_paths(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => out.push([prefix.clone(), vec![n.ident.to_string()]].concat()),
        syn::UseTree::Rename(r) => out.push([prefix.clone(), vec![r.ident.to_string()]].concat()),
        syn::UseTree::Glob(_) => out.push(prefix.clone()),
        syn::UseTree::Group(g) => {
            for t in &g.items {
                use_paths(t, prefix, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_named_function_from_a_fenced_block() {
        let reply = "Here it is:\n```rust\nfn helper() {}\npub fn add(a: u32, b: u32) -> u32 { a + b }\n```\nDone.";
        let f = extract_function(reply, "add", false, false).unwrap();
        assert!(f.starts_with("pub fn add"), "{f}");
        let bare = "pub fn add(a: u32, b: u32) -> u32 { a + b }";
        assert!(extract_function(bare, "add", false, false).is_ok());
        let method = "impl V { pub fn get(&self) -> u8 { 1 } }";
        assert!(extract_function(method, "get", true, false).is_ok());
    }

    #[test]
    fn rejects_what_ported_code_may_not_do() {
        let cases = [
            ("fn f() { std::process::exit(0) }", "std::process"),
            ("fn f() { use std::{io, fs::File}; }", "std::fs"),
            (
                "fn f() -> String { ::std::env::var(\"K\").unwrap() }",
                "std::env",
            ),
            (
                "fn f() -> &'static str { include_str!(\"/etc/passwd\") }",
                "include_str",
            ),
            (
                "fn f() { unsafe { core::hint::unreachable_unchecked() } }",
                "unsafe",
            ),
            ("fn f() { extern \"C\" { fn system(); } }", "extern"),
            ("#[no_mangle] fn f() {}", "no_mangle"),
        ];
        for (code, what) in cases {
            let err = extract_function(code, "f", false, false).unwrap_err();
            assert!(
                matches!(&err, Rejection::Forbidden(m) if m.contains(what)),
                "{code}: {err}"
            );
        }
        assert!(extract_function("fn f() { unsafe {} }", "f", false, true).is_ok());
    }

    #[test]
    fn malformed_replies_are_rejections_not_panics() {
        assert_eq!(
            extract_function("  ", "f", false, false),
            Err(Rejection::NoCode)
        );
        assert!(matches!(
            extract_function("```rust\nfn f( {\n```", "f", false, false),
            Err(Rejection::Syntax(_))
        ));
        assert_eq!(
            extract_function("fn g() {}", "f", false, false),
            Err(Rejection::MissingFunction("f".into()))
        );
    }
}
