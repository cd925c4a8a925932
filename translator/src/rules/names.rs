//! Zig names → idiomatic Rust names, never panicking on odd input
//! (`@"quoted names"`, keywords, leading digits).

use proc_macro2::{Ident, Span};

const RUST_KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "priv", "pub", "ref", "return", "static", "struct", "trait", "true", "try", "type", "typeof",
    "unsafe", "use", "where", "while", "yield", "abstract", "become", "do", "final", "macro",
    "override", "unsized", "virtual",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "crate", "super", "_"];

/// A valid Rust identifier for `name` (raw if it is a keyword).
pub fn ident(name: &str) -> Ident {
    let cleaned = sanitize(name);
    if NOT_RAW.contains(&cleaned.as_str()) {
        return Ident::new(&format!("{cleaned}_"), Span::call_site());
    }
    if RUST_KEYWORDS.contains(&cleaned.as_str()) {
        return Ident::new_raw(&cleaned, Span::call_site());
    }
    Ident::new(&cleaned, Span::call_site())
}

fn sanitize(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    if out == "_" {
        out.push('_');
    }
    out
}

/// `parseInt` → `parse_int`, `HTTPServer` → `http_server`.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev_lower =
                i > 0 && (chars[i - 1].is_ascii_lowercase() || chars[i - 1].is_ascii_digit());
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            let prev_upper = i > 0 && chars[i - 1].is_ascii_uppercase();
            if i > 0 && (prev_lower || (prev_upper && next_lower)) && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `max_len` → `MAX_LEN`.
pub fn screaming_case(name: &str) -> String {
    snake_case(name).to_ascii_uppercase()
}

/// `red` → `Red`, `not_found` → `NotFound`, `OutOfMemory` stays.
pub fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    if out.is_empty() { "Empty".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        assert_eq!(snake_case("parseInt"), "parse_int");
        assert_eq!(snake_case("HTTPServer"), "http_server");
        assert_eq!(snake_case("already_snake"), "already_snake");
        assert_eq!(snake_case("toUtf8"), "to_utf8");
        assert_eq!(screaming_case("maxLen"), "MAX_LEN");
        assert_eq!(camel_case("not_found"), "NotFound");
        assert_eq!(camel_case("OutOfMemory"), "OutOfMemory");
        assert_eq!(ident("type").to_string(), "r#type");
        assert_eq!(ident("self").to_string(), "self_");
        assert_eq!(ident("my name!").to_string(), "my_name_");
        assert_eq!(ident("0x").to_string(), "_0x");
        assert_eq!(ident("").to_string(), "__");
    }
}
