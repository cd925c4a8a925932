//! Rust text out of rule tokens: prettyplease formatting, Zig comments and
//! `TODO(port)` markers put back as comments, and a status trailer.

use proc_macro2::TokenStream;

use crate::rules::ModuleTranslation;

/// The Rust module name for a Zig file path: `std/ascii.zig` → `std_ascii`.
pub fn module_name(zig_path: &str) -> String {
    let stem = zig_path.strip_suffix(".zig").unwrap_or(zig_path);
    let name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    let name = name.trim_matches('_').to_string();
    match name.chars().next() {
        None => "module".into(),
        Some(c) if c.is_ascii_digit() => format!("m_{name}"),
        _ if crate::rules::names::ident(&name)
            .to_string()
            .starts_with("r#") =>
        {
            format!("{name}_")
        }
        _ => name,
    }
}

/// The last lines of every module: its verification shims (written by
/// `zigport verify` into `src/<module>/zigport_shims.rs`) are a child
/// module, so they reach its private functions and types; compiled only
/// with the crate's `zigport-shims` feature, which `verify` turns on.
pub const SHIM_HOOK: &str =
    "\n#[cfg(feature = \"zigport-shims\")]\n#[doc(hidden)]\nmod zigport_shims;\n";

/// `text` ending with [`SHIM_HOOK`] (added when missing).
pub fn with_shim_hook(text: &str) -> String {
    if text.contains("mod zigport_shims;") {
        text.to_string()
    } else {
        format!(
            "{}{SHIM_HOOK}",
            text.trim_end_matches('\n').to_owned() + "\n"
        )
    }
}

/// `text` without a trailing [`SHIM_HOOK`]: what an older zigport wrote,
/// before `verify` added the hook (so adding it is not a hand edit).
pub fn without_shim_hook(text: &str) -> &str {
    text.strip_suffix(SHIM_HOOK).unwrap_or(text)
}

/// A formatted module and the counts its trailer states.
#[derive(Debug, Clone)]
pub struct EmittedModule {
    pub text: String,
    pub todos: usize,
    pub perf_notes: usize,
}

/// Formats a translated module. Fails only if the rules produced tokens
/// that are not a Rust file (a rule bug, reported as such).
pub fn emit_module(
    translation: &ModuleTranslation,
    zig_path: &str,
    zig_lines: usize,
) -> Result<EmittedModule, String> {
    let text = format_tokens(&translation.tokens)?;
    let (body, todos, perf_notes) = restore_comments(&text);
    let functions = translation.functions.len();
    let clean = translation
        .functions
        .iter()
        .filter(|f| f.todo_reasons.is_empty())
        .count();
    let confidence = match (clean * 100).checked_div(functions) {
        None if todos == 0 => "high",
        None => "low",
        Some(90..) => "high",
        Some(50..=89) => "medium",
        Some(_) => "low",
    };
    let text = format!(
        "//! Ported from `{zig_path}` by zigport (rules).\n\n{body}\n\
         // zigport: source {zig_path} ({zig_lines} lines); {clean}/{functions} functions without TODO; \
         confidence {confidence}; TODO(port) markers: {todos}\n"
    );
    Ok(EmittedModule {
        text,
        todos,
        perf_notes,
    })
}

fn format_tokens(tokens: &TokenStream) -> Result<String, String> {
    let file: syn::File = syn::parse2(tokens.clone()).map_err(|e| {
        if let Ok(path) = std::env::var("ZIGPORT_DUMP_INVALID") {
            let _ = std::fs::write(path, tokens.to_string());
        }
        format!("rules produced invalid Rust: {e}")
    })?;
    Ok(prettyplease::unparse(&file))
}

/// `__zigport_comment!("text");` lines become `// text`; every
/// `todo!("TODO(port): ...")` gets a `// TODO(port): ...` line above it.
fn restore_comments(text: &str) -> (String, usize, usize) {
    let mut out = String::with_capacity(text.len() + 256);
    let mut todos = 0;
    let mut perf = 0;
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let indent = &line[..line.len() - line.trim_start().len()];
        let mut trimmed = line.trim().to_string();
        // prettyplease wraps long markers: `__zigport_comment!(` / "..." / `);`
        if trimmed == "__zigport_comment!(" {
            for next in lines.by_ref() {
                trimmed.push_str(next.trim());
                if next.trim_start().starts_with(");") {
                    break;
                }
            }
        }
        if let Some(comment) = trimmed
            .strip_prefix("__zigport_comment!(")
            .and_then(|r| r.strip_suffix(");"))
            .and_then(|lit| syn::parse_str::<syn::LitStr>(lit).ok())
        {
            let comment = comment.value();
            todos += usize::from(comment.starts_with("TODO(port)"));
            perf += usize::from(comment.starts_with("PERF(port)"));
            for l in comment.lines() {
                out.push_str(indent);
                out.push_str("// ");
                out.push_str(l);
                out.push('\n');
            }
            continue;
        }
        // Every `"TODO(port): ..."` literal (the argument of a `todo!`,
        // possibly wrapped onto its own line) gets a comment line above.
        let mut rest = trimmed.as_str();
        while let Some(at) = rest.find("\"TODO(port): ") {
            let after = &rest[at + 1..];
            let end = after
                .find("\")")
                .or_else(|| after.rfind('"'))
                .unwrap_or(after.len());
            let message = after[..end].replace("\\\"", "\"").replace("\\\\", "\\");
            out.push_str(indent);
            out.push_str("// ");
            out.push_str(&message.replace("{{", "{").replace("}}", "}"));
            out.push('\n');
            todos += 1;
            rest = &after[end..];
        }
        out.push_str(line);
        out.push('\n');
    }
    (out, todos, perf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names() {
        assert_eq!(module_name("std/ascii.zig"), "std_ascii");
        assert_eq!(module_name("hash/crc.zig"), "hash_crc");
        assert_eq!(module_name("SemanticVersion.zig"), "semanticversion");
        assert_eq!(module_name("type.zig"), "type_");
        assert_eq!(module_name("1x.zig"), "m_1x");
    }

    #[test]
    fn markers_become_comments() {
        let text = "fn f() {\n    __zigport_comment!(\"keep me\");\n    __zigport_comment!(\n        \"wrapped\"\n    );\n    let x = todo!(\"TODO(port): no rule\");\n}\n";
        let (out, todos, _) = restore_comments(text);
        assert_eq!(todos, 1);
        assert!(out.contains("    // keep me\n"));
        assert!(out.contains("    // wrapped\n"), "{out}");
        assert!(
            out.contains("    // TODO(port): no rule\n    let x = todo!(\"TODO(port): no rule\");")
        );
    }

    #[test]
    fn the_shim_hook_is_added_once_and_recognised() {
        let module = "//! Ported.\n\nfn f() {}\n// zigport: trailer\n";
        let hooked = with_shim_hook(module);
        assert!(hooked.ends_with(SHIM_HOOK));
        assert_eq!(with_shim_hook(&hooked), hooked, "added once");
        assert_eq!(
            without_shim_hook(&hooked),
            module,
            "an older module's hash still matches"
        );
        assert_eq!(without_shim_hook(module), module);
    }
}
