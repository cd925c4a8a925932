//! `std.fmt` formatting with Zig's format strings (`{d}`, `{s}`, `{c}`,
//! `{x}`, `{?d}`, `{s:<10}`, `{d:0>4}`...), parsed at run time: the port
//! passes the Zig format string unchanged, so its output is Zig's.
//! Alignment is applied to the formatted text as Zig does (`-5` padded
//! with `0` to width 4 is `00-5`, not Rust's `-005`).

/// One placeholder's options (`{[spec]:[fill][align][width].[precision]}`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spec<'f> {
    /// The specifier after `{`, without a leading `?` (`d`, `s`, `x`, ``).
    pub kind: &'f [u8],
    /// `{?d}`: the value is an optional.
    pub optional: bool,
    pub fill: u8,
    pub align: Align,
    pub width: Option<usize>,
    pub precision: Option<usize>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    #[default]
    Right,
}

/// A value that can fill a placeholder.
pub trait Arg {
    /// Writes the value (without padding) for `spec`; an optional writes
    /// its payload or `null`.
    fn write(&self, spec: &Spec, out: &mut Vec<u8>);
}

macro_rules! int_args {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn write(&self, spec: &Spec, out: &mut Vec<u8>) {
                match spec.kind {
                    b"c" => out.push(*self as u8),
                    b"x" => out.extend_from_slice(format!("{:x}", self).as_bytes()),
                    b"X" => out.extend_from_slice(format!("{:X}", self).as_bytes()),
                    b"o" => out.extend_from_slice(format!("{:o}", self).as_bytes()),
                    b"b" => out.extend_from_slice(format!("{:b}", self).as_bytes()),
                    _ => out.extend_from_slice(self.to_string().as_bytes()),
                }
            }
        }
    )*};
}
int_args!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

macro_rules! float_args {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn write(&self, spec: &Spec, out: &mut Vec<u8>) {
                let shortest = self.to_string();
                let text = match spec.precision {
                    Some(p) if self.is_finite() => round_decimal(&shortest, p),
                    _ => shortest,
                };
                out.extend_from_slice(text.as_bytes());
            }
        }
    )*};
}
float_args!(f32, f64);

/// Zig rounds the shortest decimal digits half-up (`{d:.2}` of 1.005 is
/// `1.01`); Rust's `{:.2}` rounds the exact binary value (`1.00`).
fn round_decimal(shortest: &str, precision: usize) -> String {
    let (sign, digits) = match shortest.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", shortest),
    };
    let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
    let mut all: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
    let keep = int_part.len() + precision;
    if all.len() > keep {
        let round_up = all[keep] >= b'5';
        all.truncate(keep);
        if round_up {
            let mut i = all.len();
            loop {
                if i == 0 {
                    all.insert(0, b'1');
                    break;
                }
                i -= 1;
                if all[i] == b'9' {
                    all[i] = b'0';
                } else {
                    all[i] += 1;
                    break;
                }
            }
        }
    } else {
        all.resize(keep, b'0');
    }
    let int_len = all.len() - precision;
    let mut out = String::from(sign);
    out.push_str(std::str::from_utf8(&all[..int_len]).unwrap_or("0"));
    if precision > 0 {
        out.push('.');
        out.push_str(std::str::from_utf8(&all[int_len..]).unwrap_or(""));
    }
    out
}

impl Arg for bool {
    fn write(&self, _: &Spec, out: &mut Vec<u8>) {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
    }
}

impl Arg for [u8] {
    fn write(&self, spec: &Spec, out: &mut Vec<u8>) {
        match spec.kind {
            b"x" => self
                .iter()
                .for_each(|b| out.extend_from_slice(format!("{b:02x}").as_bytes())),
            b"X" => self
                .iter()
                .for_each(|b| out.extend_from_slice(format!("{b:02X}").as_bytes())),
            _ => out.extend_from_slice(self),
        }
    }
}

impl<const N: usize> Arg for [u8; N] {
    fn write(&self, spec: &Spec, out: &mut Vec<u8>) {
        self[..].write(spec, out)
    }
}

impl Arg for Vec<u8> {
    fn write(&self, spec: &Spec, out: &mut Vec<u8>) {
        self[..].write(spec, out)
    }
}

impl<T: Arg + ?Sized> Arg for &T {
    fn write(&self, spec: &Spec, out: &mut Vec<u8>) {
        (**self).write(spec, out)
    }
}

impl<T: Arg> Arg for Option<T> {
    fn write(&self, spec: &Spec, out: &mut Vec<u8>) {
        match self {
            Some(v) => v.write(spec, out),
            None => out.extend_from_slice(b"null"),
        }
    }
}

/// Appends `fmt` with its placeholders filled from `args`, in order (or by
/// `{[n]}` index). A malformed format string is a compile error in Zig, so
/// here it panics.
pub fn format(out: &mut Vec<u8>, fmt: &[u8], args: &[&dyn Arg]) {
    let mut next_arg = 0;
    let mut i = 0;
    while i < fmt.len() {
        match fmt[i] {
            b'{' if fmt.get(i + 1) == Some(&b'{') => {
                out.push(b'{');
                i += 2;
            }
            b'}' if fmt.get(i + 1) == Some(&b'}') => {
                out.push(b'}');
                i += 2;
            }
            b'{' => {
                let close = fmt[i..]
                    .iter()
                    .position(|&c| c == b'}')
                    .map(|p| i + p)
                    .expect("format string: unclosed placeholder");
                let (index, spec) = parse_placeholder(&fmt[i + 1..close]);
                let arg = args[index.unwrap_or(next_arg)];
                if index.is_none() {
                    next_arg += 1;
                }
                let mut text = Vec::new();
                arg.write(&spec, &mut text);
                pad(out, &text, &spec);
                i = close + 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
}

fn parse_placeholder(inner: &[u8]) -> (Option<usize>, Spec<'_>) {
    let (head, options) = match inner.iter().position(|&c| c == b':') {
        Some(p) => (&inner[..p], Some(&inner[p + 1..])),
        None => (inner, None),
    };
    let (index, kind) = match head.strip_prefix(b"[") {
        Some(rest) => {
            let end = rest.iter().position(|&c| c == b']').unwrap_or(rest.len());
            let n = std::str::from_utf8(&rest[..end])
                .ok()
                .and_then(|s| s.parse().ok());
            (n, rest.get(end + 1..).unwrap_or_default())
        }
        None => (None, head),
    };
    let (optional, kind) = match kind.strip_prefix(b"?") {
        Some(k) => (true, k),
        None => (false, kind),
    };
    let kind = if kind == b"any" { &b""[..] } else { kind };
    let mut spec = Spec {
        kind,
        optional,
        fill: b' ',
        ..Spec::default()
    };
    let Some(mut o) = options else {
        return (index, spec);
    };
    let align_of = |c: u8| match c {
        b'<' => Some(Align::Left),
        b'^' => Some(Align::Center),
        b'>' => Some(Align::Right),
        _ => None,
    };
    if o.len() >= 2
        && let Some(a) = align_of(o[1])
    {
        spec.fill = o[0];
        spec.align = a;
        o = &o[2..];
    } else if let Some(a) = o.first().and_then(|&c| align_of(c)) {
        spec.align = a;
        o = &o[1..];
    }
    let digits = |s: &[u8]| -> (Option<usize>, usize) {
        let n = s.iter().take_while(|c| c.is_ascii_digit()).count();
        (
            std::str::from_utf8(&s[..n])
                .ok()
                .and_then(|t| t.parse().ok()),
            n,
        )
    };
    let (width, used) = digits(o);
    spec.width = width;
    o = &o[used..];
    if let Some(rest) = o.strip_prefix(b".") {
        spec.precision = digits(rest).0;
    }
    (index, spec)
}

/// Zig's `alignBuffer`: fill to the width around the formatted text.
fn pad(out: &mut Vec<u8>, text: &[u8], spec: &Spec) {
    let width = spec.width.unwrap_or(0);
    let missing = width.saturating_sub(text.len());
    let (before, after) = match spec.align {
        Align::Left => (0, missing),
        Align::Right => (missing, 0),
        Align::Center => (missing / 2, missing - missing / 2),
    };
    out.extend(std::iter::repeat_n(spec.fill, before));
    out.extend_from_slice(text);
    out.extend(std::iter::repeat_n(spec.fill, after));
}

/// `std.fmt.bufPrint`: the filled part of `buf`, or `NoSpaceLeft`.
pub fn buf_print<'b>(
    buf: &'b mut [u8],
    fmt: &[u8],
    args: &[&dyn Arg],
) -> Result<&'b mut [u8], NoSpaceLeft> {
    let text = alloc_print(fmt, args);
    let dest = buf.get_mut(..text.len()).ok_or(NoSpaceLeft)?;
    dest.copy_from_slice(&text);
    Ok(dest)
}

/// `std.fmt.allocPrint`.
pub fn alloc_print(fmt: &[u8], args: &[&dyn Arg]) -> Vec<u8> {
    let mut out = Vec::new();
    format(&mut out, fmt, args);
    out
}

/// `error.NoSpaceLeft` of `bufPrint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoSpaceLeft;

#[cfg(test)]
mod tests {
    use super::*;

    fn f(fmt: &str, args: &[&dyn Arg]) -> String {
        String::from_utf8(alloc_print(fmt.as_bytes(), args)).unwrap()
    }

    #[test]
    fn placeholders_follow_zig() {
        assert_eq!(f("{d}.{d}.{d}", &[&1u32, &2u64, &3usize]), "1.2.3");
        assert_eq!(f("{s}={}", &[&&b"k"[..], &true]), "k=true");
        assert_eq!(f("{c}{x}{X}", &[&b'a', &255u32, &255u8]), "affFF");
        assert_eq!(
            f("{d:0>4}|{s:<3}|{d:^5}", &[&-5i32, &&b"ab"[..], &7u8]),
            "00-5|ab |  7  "
        );
        assert_eq!(f("{?d} {?d}", &[&Some(4u8), &None::<u8>]), "4 null");
        assert_eq!(f("{{}}{[1]s}{[0]d}", &[&1u8, &&b"x"[..]]), "{}x1");
        // Zig's output (`zig run`); Rust's own `{:.2}` gives 1.00 and 0.12.
        assert_eq!(
            f(
                "{d:.2} {d:.2} {d:.0} {d:.1}",
                &[&1.005f64, &0.125f64, &2.5f64, &-9.96f64]
            ),
            "1.01 0.13 3 -10.0"
        );
    }

    #[test]
    fn buf_print_reports_no_space() {
        let mut buf = [0u8; 4];
        assert_eq!(buf_print(&mut buf, b"{d}", &[&12345u32]), Err(NoSpaceLeft));
        assert_eq!(buf_print(&mut buf, b"{d}", &[&123u32]).unwrap(), b"123");
    }
}
