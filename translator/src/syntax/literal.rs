//! Decoding of Zig string and character literals.

/// Decodes the escapes of a string or char literal body (quotes removed).
/// Returns `None` on an invalid escape, so the caller can mark it Unsupported.
pub fn unescape(body: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        match chars.next()? {
            'n' => out.push(b'\n'),
            'r' => out.push(b'\r'),
            't' => out.push(b'\t'),
            '\\' => out.push(b'\\'),
            '\'' => out.push(b'\''),
            '"' => out.push(b'"'),
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                if hex.len() != 2 {
                    return None;
                }
                out.push(u8::from_str_radix(&hex, 16).ok()?);
            }
            'u' => {
                if chars.next()? != '{' {
                    return None;
                }
                let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let cp = u32::from_str_radix(&hex, 16).ok()?;
                let ch = char::from_u32(cp)?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
            _ => return None,
        }
    }
    Some(out)
}

/// The code point of a char literal body (`a`, `\n`, `\x41`, `\u{1F600}`, `é`).
pub fn char_value(body: &str) -> Option<u32> {
    if let Some(rest) = body.strip_prefix("\\x") {
        return u32::from_str_radix(rest, 16)
            .ok()
            .filter(|_| rest.len() == 2);
    }
    if body.starts_with('\\') {
        let bytes = unescape(body)?;
        let s = String::from_utf8(bytes).ok()?;
        let mut it = s.chars();
        let c = it.next()?;
        return it.next().is_none().then_some(c as u32);
    }
    let mut it = body.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c as u32)
}

/// Content of a `\\` multiline string: each line after its `\\`, joined by `\n`.
pub fn multiline(text: &str) -> Vec<u8> {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_start().strip_prefix("\\\\").unwrap_or(l))
        .collect();
    lines.join("\n").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            unescape(r"a\x41\n\u{e9}").as_deref(),
            Some("aA\né".as_bytes())
        );
        assert_eq!(unescape(r"\q"), None);
        assert_eq!(unescape(r"\x4"), None);
        assert_eq!(char_value(r"\x7f"), Some(0x7f));
        assert_eq!(char_value("é"), Some(0xe9));
        assert_eq!(char_value(r"\u{1F600}"), Some(0x1F600));
        assert_eq!(char_value("ab"), None);
        assert_eq!(multiline("\\\\ab\n    \\\\cd"), b"ab\ncd");
    }
}
