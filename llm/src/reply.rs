//! From a reply to one Rust function we are willing to compile: the code is
//! found (fenced or bare), parsed with `syn`, the function with the expected
//! name is taken, and the whole reply must pass the allowlist screen
//! (`crate::screen`) before any of it gets near `cargo`.

use quote::ToTokens;

use crate::screen;

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

/// Replies with more code than this are not parsed.
pub const MAX_CODE_BYTES: usize = 64 * 1024;
/// Brackets nested deeper than this are not parsed.
const MAX_NESTING: usize = 128;
/// At most this many of the tokens that let `syn` recurse without a
/// bracket (`<`, `&`, `|`, `!`, `*`, `-`, `..`): each may cost a parser
/// frame, and a chain of them (`&&&&…u8`, `Vec<Vec<…`, `|| || ||…`) a
/// deep one. Real functions use a few hundred.
const MAX_RECURSIVE_TOKENS: usize = 4096;
/// Parsing and screening run on a thread with this much stack: with the
/// two limits above the deepest hostile shapes measured (debug build,
/// about 33 KB of stack per `&` in `& & … u8`) stay well inside it.
const SCREEN_STACK: usize = 256 * 1024 * 1024;

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
    if code.len() > MAX_CODE_BYTES {
        return Err(Rejection::Forbidden(format!(
            "more than {MAX_CODE_BYTES} bytes of code"
        )));
    }
    let tokens: proc_macro2::TokenStream = code
        .parse()
        .map_err(|e: proc_macro2::LexError| Rejection::Syntax(bounded(&e.to_string())))?;
    let shape = shape(tokens);
    if shape.depth > MAX_NESTING {
        return Err(Rejection::Forbidden(format!(
            "brackets nested more than {MAX_NESTING} deep"
        )));
    }
    if shape.recursive > MAX_RECURSIVE_TOKENS {
        return Err(Rejection::Forbidden(format!(
            "more than {MAX_RECURSIVE_TOKENS} operator tokens"
        )));
    }
    let name = name.to_string();
    let work = move || parse_and_take(&code, &name, is_method, allow_unsafe);
    match std::thread::Builder::new()
        .name("zigport-screen".into())
        .stack_size(SCREEN_STACK)
        .spawn(work.clone())
    {
        Ok(handle) => handle
            .join()
            .unwrap_or_else(|_| Err(Rejection::Syntax("the reply could not be screened".into()))),
        // No thread to be had: screen here, with the stack we have.
        Err(_) => work(),
    }
}

fn parse_and_take(
    code: &str,
    name: &str,
    is_method: bool,
    allow_unsafe: bool,
) -> Result<String, Rejection> {
    let file = syn::parse_file(code).map_err(|e| Rejection::Syntax(located(&e)))?;
    let findings = screen::screen_file(&file, name, allow_unsafe);
    if !findings.is_empty() {
        return Err(Rejection::Forbidden(screen::describe(&findings)));
    }
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

struct Shape {
    /// The deepest bracket nesting.
    depth: usize,
    /// Tokens that may each cost `syn` a level of recursion.
    recursive: usize,
}

/// The shape of `tokens`, walked without recursion.
fn shape(tokens: proc_macro2::TokenStream) -> Shape {
    let mut stack = vec![(tokens.into_iter(), 0usize)];
    let mut shape = Shape {
        depth: 0,
        recursive: 0,
    };
    while let Some((mut iter, depth)) = stack.pop() {
        let Some(tree) = iter.next() else { continue };
        stack.push((iter, depth));
        match tree {
            proc_macro2::TokenTree::Group(g) => {
                shape.depth = shape.depth.max(depth + 1);
                if depth < MAX_NESTING {
                    stack.push((g.stream().into_iter(), depth + 1));
                }
            }
            proc_macro2::TokenTree::Punct(p) => {
                let range = p.as_char() == '.' && p.spacing() == proc_macro2::Spacing::Joint;
                if range || matches!(p.as_char(), '<' | '&' | '|' | '!' | '*' | '-') {
                    shape.recursive += 1;
                }
            }
            _ => {}
        }
    }
    shape
}

/// Compiler-style text cut to a bounded length.
fn bounded(text: &str) -> String {
    screen::quote_bounded(text)
}

fn located(e: &syn::Error) -> String {
    let start = e.span().start();
    bounded(&format!("{}:{}: {e}", start.line, start.column + 1))
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
