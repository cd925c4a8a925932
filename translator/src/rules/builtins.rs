//! `@builtin` calls and the Zig std mapping. A mapping exists only where
//! Rust's semantics are identical; near misses stay TODO (for example
//! `std.ascii.isWhitespace` includes vertical tab, Rust's
//! `is_ascii_whitespace` does not).

use proc_macro2::TokenStream;
use quote::quote;

use super::names::ident;
use super::types::{Ty, rust_type};
use super::{Import, Translator};
use crate::syntax::ir::*;

impl<'a> Translator<'a> {
    pub(super) fn builtin(
        &mut self,
        name: &str,
        args: &[Expr],
        expected: &Ty,
        span: Span,
    ) -> TokenStream {
        let target = rust_type(expected)
            .filter(|_| expected.is_integer() || matches!(expected, Ty::Float(_)));
        if let Some(call) = plain_call_of(name, args, span) {
            return self.expr(&call, expected);
        }
        match (name, args) {
            ("This", []) => quote!(Self),
            ("intCast", [x]) => {
                let x = self.operand(x, &Ty::Unknown);
                match (target, odd_unsigned_bits(expected)) {
                    // `u21` lives in a `u32`: check the Zig width too.
                    (Some(t), Some(bits)) => {
                        let msg = format!("integer does not fit in u{bits}");
                        quote!({ let v = #t::try_from(#x).unwrap(); assert!(v >> #bits == 0, #msg); v })
                    }
                    (Some(t), None) => quote!(#t::try_from(#x).unwrap()),
                    (None, _) => quote!(#x.try_into().unwrap()),
                }
            }
            ("truncate", [x]) => {
                let x = self.operand(x, &Ty::Unknown);
                match (target, odd_unsigned_bits(expected)) {
                    (Some(t), Some(bits)) => {
                        let mask = (1u128 << bits) - 1;
                        let mask = proc_macro2::Literal::u128_unsuffixed(mask);
                        quote!(((#x as #t) & #mask))
                    }
                    (Some(t), None) => quote!(#x as #t),
                    (None, _) => quote!(#x as _),
                }
            }
            // `@as([*]const u8, @ptrCast(&p[i]))` with `p` a slice (a lifted
            // many-item pointer, see `slice_pointers`): the view from `i`.
            ("as", [_, x])
                if let Some((p, i)) = super::slice_pointers::reoffset_of(x)
                    && matches!(self.infer(p), Ty::Slice { .. }) =>
            {
                let p = self.operand(p, &Ty::Unknown);
                let i = self.index_expr(i);
                quote!(&#p[#i..])
            }
            ("as", [t, x]) => {
                let ty = self.zig_type(t);
                let numeric = ty.is_integer() || matches!(ty, Ty::Float(_));
                // A cast builtin, or a value already of that type, needs no `as`.
                let typed_by_context = matches!(&x.kind, ExprKind::Builtin { name, .. }
                    if matches!(name.as_str(), "intCast" | "truncate" | "floatFromInt" | "intFromEnum"))
                    || self.infer(x) == ty;
                match rust_type(&ty) {
                    Some(rt) if numeric && !typed_by_context => {
                        let value = self.operand(x, &ty);
                        quote!(#value as #rt)
                    }
                    // `@as(?usize, 2)`: the value becomes the optional.
                    _ if matches!(ty, Ty::Optional(_)) => self.coerced(x, &ty),
                    _ => self.expr(x, &ty),
                }
            }
            // A `u1` in Zig; typed by its place when that is an integer.
            ("intFromBool", [b]) => {
                let b = self.expr(b, &Ty::Bool);
                match target {
                    Some(t) if expected.is_integer() => quote!(#t::from(#b)),
                    _ => quote!(u8::from(#b)),
                }
            }
            ("intFromEnum", [e]) => {
                let e = self.operand(e, &Ty::Unknown);
                match target {
                    Some(t) => quote!(#e as #t),
                    None => quote!(#e as _),
                }
            }
            // On a generic `T`, only comparisons are known to exist.
            ("min" | "max", [a, b]) if matches!(self.infer(a), Ty::Named(_)) => {
                let (a, b) = (self.operand(a, expected), self.operand(b, expected));
                if name == "max" {
                    quote!(if #a >= #b { #a } else { #b })
                } else {
                    quote!(if #a <= #b { #a } else { #b })
                }
            }
            ("min" | "max", [first, rest @ ..]) if !rest.is_empty() => {
                let method = ident(name);
                let mut acc = self.operand(first, expected);
                for r in rest {
                    let r = self.expr(r, expected);
                    acc = quote!(#acc.#method(#r));
                }
                acc
            }
            // `@mulWithOverflow(a, b)`: Zig's `{ result, overflow bit }`
            // tuple; the bit is a `u1`, here a `u8` that is 0 or 1.
            (op @ ("addWithOverflow" | "subWithOverflow" | "mulWithOverflow"), [a, b]) => {
                let ty = match (self.infer(a), self.infer(b)) {
                    (t @ Ty::Int(_), _) | (Ty::Unknown, t @ Ty::Int(_)) => t,
                    _ => return self.todo(format!("@{op} of operands of unknown type")),
                };
                let (a, b) = (self.operand(a, &ty), self.operand(b, &ty));
                let f = ident(&format!("overflowing_{}", &op[..3]));
                quote!({
                    let (result, overflowed) = #a.#f(#b);
                    (result, u8::from(overflowed))
                })
            }
            ("abs", [x]) => {
                let float = matches!(self.infer(x), Ty::Float(_));
                let x = self.operand(x, &Ty::Unknown);
                if float {
                    quote!(#x.abs())
                } else {
                    quote!(#x.unsigned_abs())
                }
            }
            ("divTrunc" | "divExact", [a, b]) => {
                let (a, b) = (self.expr(a, expected), self.expr(b, expected));
                quote!((#a / #b))
            }
            ("rem", [a, b]) => {
                let (a, b) = (self.expr(a, expected), self.expr(b, expected));
                quote!((#a % #b))
            }
            ("mod", [a, b]) => {
                // Floored modulo: the result takes the divisor's sign
                // (`@mod(-1, -2) == -1`; `rem_euclid` would give 1, as the
                // oracle showed). Unsigned operands make this plain `%`.
                let (a, b) = (self.operand(a, expected), self.operand(b, expected));
                quote!({
                    let (a, b) = (#a, #b);
                    let r = a % b;
                    #[allow(unused_comparisons)]
                    let adjust = r != 0 && ((r < 0) != (b < 0));
                    if adjust { r + b } else { r }
                })
            }
            ("divFloor", [a, b]) if matches!(self.infer(a), Ty::Int(n) if n.starts_with('u')) => {
                let (a, b) = (self.expr(a, expected), self.expr(b, expected));
                quote!((#a / #b))
            }
            ("shlExact", [a, b]) => {
                let (a, b) = (self.expr(a, expected), self.expr(b, &Ty::Unknown));
                quote!((#a << #b))
            }
            ("shrExact", [a, b]) => {
                let (a, b) = (self.expr(a, expected), self.expr(b, &Ty::Unknown));
                quote!((#a >> #b))
            }
            ("memcpy", [dst, src]) if let Some(w) = self.memcpy_into_integer(dst, src) => w,
            ("memcpy", [dst, src]) => {
                // The destination as a place (`out[1..]`, not `&out[1..]`);
                // an owned source is borrowed.
                let written = Ty::Slice {
                    elem: Box::new(Ty::Unknown),
                    mutable: true,
                };
                self.state.in_written_place = true;
                let d = strip_borrow(self.expr(dst, &written));
                self.state.in_written_place = false;
                let s = self.expr(src, &Ty::Unknown);
                let s = match self.infer(src) {
                    Ty::Vec(_) | Ty::Array { .. } => quote!(&#s),
                    _ => s,
                };
                quote!(#d.copy_from_slice(#s))
            }
            ("memset", [dst, v]) => {
                let (d, v) = (self.expr(dst, &Ty::Unknown), self.expr(v, &Ty::Unknown));
                quote!(#d.fill(#v))
            }
            ("sizeOf", [t]) => match rust_type(&self.zig_type(t)) {
                Some(t) => quote!(core::mem::size_of::<#t>()),
                None => self.todo("@sizeOf of an unmapped type"),
            },
            ("popCount" | "clz" | "ctz", [x]) => {
                let method = ident(match name {
                    "popCount" => "count_ones",
                    "clz" => "leading_zeros",
                    _ => "trailing_zeros",
                });
                let x = self.operand(x, &Ty::Unknown);
                match target {
                    Some(t) => quote!(#x.#method() as #t),
                    None => quote!(#x.#method()),
                }
            }
            ("atomicLoad" | "atomicStore" | "atomicRmw" | "cmpxchgStrong" | "cmpxchgWeak", _) => {
                self.atomic_builtin(name, args)
            }
            ("byteSwap", [x]) => {
                let x = self.operand(x, expected);
                quote!(#x.swap_bytes())
            }
            ("bitReverse", [x]) => {
                let x = self.operand(x, expected);
                quote!(#x.reverse_bits())
            }
            ("sqrt" | "floor" | "ceil" | "round" | "trunc", [x]) => {
                let method = ident(name);
                let x = self.operand(x, expected);
                quote!(#x.#method())
            }
            ("floatFromInt", [x]) => {
                let x = self.operand(x, &Ty::Unknown);
                match target {
                    Some(t) => quote!(#x as #t),
                    None => quote!(#x as f64),
                }
            }
            ("panic", [msg]) => match &msg.kind {
                ExprKind::Str(bytes) => {
                    let text = String::from_utf8_lossy(bytes).into_owned();
                    quote!(panic!("{}", #text))
                }
                _ => {
                    let m = self.expr(msg, &Ty::Unknown);
                    quote!(panic!("{}", String::from_utf8_lossy(#m)))
                }
            },
            // The Zig compiled, so no analysed path reached this: the branch
            // is dead for every instance that exists (it guards comptime
            // arguments, which are now fixed).
            ("compileError", [msg]) => {
                let text = match &msg.kind {
                    ExprKind::Str(bytes) => String::from_utf8_lossy(bytes).into_owned(),
                    _ => self.zig_text(msg.span).to_string(),
                };
                let text = format!("Zig compile error: {text}");
                quote!(unreachable!("{}", #text))
            }
            // Every enum the rules write has `zig_tag_name`; `std.math.Order`
            // is Rust's `Ordering`, named by the runtime.
            ("tagName", [e]) => {
                let ty = self.infer(e);
                let v = self.operand(e, &Ty::Unknown);
                if ty == Ty::Order {
                    quote!(crate::zigport_rt::mem::order_name(#v))
                } else {
                    quote!(#v.zig_tag_name().as_bytes())
                }
            }
            ("errorName", [e]) => {
                let e = self.operand(e, &Ty::Unknown);
                quote!(#e.name().as_bytes())
            }
            ("branchHint" | "setRuntimeSafety" | "setEvalBranchQuota", _) => quote!(()),
            // `@ptrCast(argv[1..])` from `[]const [:0]u8` to `[]const []const u8`:
            // the same slices in Rust, no cast.
            ("ptrCast", [x])
                if matches!(self.infer(x), Ty::Slice { ref elem, .. } if matches!(**elem, Ty::Slice { .. }))
                    && matches!(expected, Ty::Slice { elem, .. } if matches!(**elem, Ty::Slice { .. })) =>
            {
                self.expr(x, &Ty::Unknown)
            }
            // An address as an integer is safe Rust (only dereferencing is
            // not): `@intFromPtr(s.ptr)` is `s.as_ptr() as usize`.
            ("intFromPtr", [x]) => {
                let ExprKind::Field { object, member } = &x.kind else {
                    return self.todo("@intFromPtr of a value that is not a slice's `.ptr`");
                };
                if member != "ptr" || !matches!(self.infer(object), Ty::Slice { .. }) {
                    return self.todo("@intFromPtr of a value that is not a slice's `.ptr`");
                }
                let o = self.operand(object, &Ty::Unknown);
                quote!((#o.as_ptr() as usize))
            }
            ("bitCast", [x]) if let Some(cast) = self.scalar_bit_cast(x, expected) => cast,
            ("bitCast", [x]) if let Some(cast) = self.bytes_bit_cast(x, expected) => cast,
            (
                "bitCast" | "ptrCast" | "alignCast" | "ptrFromInt" | "intFromPtr" | "constCast"
                | "volatileCast",
                _,
            ) => self.todo(format!(
                "@{name} (a pointer or bit reinterpretation: needs unsafe and a SAFETY argument)"
            )),
            _ => {
                let text = self.zig_text(span).chars().take(50).collect::<String>();
                self.todo(format!("no rule for @{name}: `{text}`"))
            }
        }
    }

    /// `@bitCast` between scalars of one width, which safe Rust spells:
    /// integers of another signedness (`as`), a float's bits
    /// (`to_bits`/`from_bits`) and bytes (`to_ne_bytes`/`from_ne_bytes`).
    /// `None` for anything else (it needs a pointer reinterpretation).
    fn scalar_bit_cast(&mut self, x: &Expr, target: &Ty) -> Option<TokenStream> {
        let width = |t: &Ty| match t {
            Ty::Int(n) => super::types::int_width(n)
                .map(|(_, bits)| bits)
                .filter(|b| [8, 16, 32, 64, 128].contains(b)),
            Ty::Float(f) if f == "f32" => Some(32),
            Ty::Float(f) if f == "f64" => Some(64),
            Ty::Array { elem, len } if **elem == Ty::Int("u8".into()) => {
                len.parse::<u32>().ok().map(|n| n * 8)
            }
            _ => None,
        };
        let source = self.infer(x);
        let bits = width(&source)?;
        if width(target)? != bits {
            return None;
        }
        let unsigned = ident(&format!("u{bits}"));
        let v = self.operand(x, &source);
        let t = rust_type(target)?;
        Some(match (&source, target) {
            (Ty::Int(_), Ty::Int(_)) => quote!((#v as #t)),
            (Ty::Float(_), Ty::Int(_)) => quote!((#v.to_bits() as #t)),
            (Ty::Int(_), Ty::Float(_)) => quote!(#t::from_bits(#v as #unsigned)),
            (Ty::Float(_), Ty::Float(_)) => v,
            (Ty::Array { .. }, Ty::Int(_)) => quote!(#t::from_ne_bytes(#v)),
            (Ty::Array { .. }, Ty::Float(_)) => quote!(#t::from_ne_bytes(#v)),
            (Ty::Int(_) | Ty::Float(_), Ty::Array { .. }) => quote!(#v.to_ne_bytes()),
            _ => return None,
        })
    }

    /// Calls into the Zig std with an exact Rust twin. `None` when the
    /// callee is not a std path this table knows.
    pub(super) fn std_call(&mut self, callee: &Expr, args: &[Expr]) -> Option<TokenStream> {
        let path = self.std_path(callee)?;
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        if let Some(mapped) = self.fmt_call(&path, args) {
            return Some(mapped);
        }
        Some(match (&path[..], args) {
            // `std.base64.<codec>.Encoder/Decoder`: the support twin.
            (["base64", codec, part @ ("Encoder" | "Decoder"), f], _)
                if let Some(c) = base64_codec(codec) =>
            {
                let c = ident(c);
                let codec = quote!(crate::zigport_rt::base64::#c);
                match (*part, *f, args) {
                    ("Encoder", "encode", [dest, src]) => {
                        let d = self.coerced(dest, &Ty::output_bytes());
                        let s = self.slice_view(src);
                        quote!(#codec.encode(#d, #s))
                    }
                    ("Encoder", "calcSize", [n]) => {
                        let n = self.index_expr(n);
                        quote!(#codec.calc_size(#n))
                    }
                    // Errors become the module's `Error` (it converts from
                    // the twin's, see `writer::RUNTIME_ERRORS`).
                    ("Decoder", "calcSizeForSlice", [src]) => {
                        let s = self.slice_view(src);
                        quote!(#codec.calc_size_for_slice(#s).map_err(Error::from))
                    }
                    ("Decoder", "calcSizeUpperBound", [n]) => {
                        let n = self.index_expr(n);
                        quote!(#codec.calc_size_upper_bound(#n).map_err(Error::from))
                    }
                    ("Decoder", "decode", [dest, src]) => {
                        let d = self.coerced(dest, &Ty::output_bytes());
                        let s = self.slice_view(src);
                        quote!(#codec.decode(#d, #s).map_err(Error::from))
                    }
                    _ => return Some(self.todo(format!("no rule for std.base64 {part}.{f}"))),
                }
            }
            // Byte-order conversions of one integer: Rust's own.
            (
                [
                    "mem",
                    f @ ("nativeToLittle" | "littleToNative" | "nativeToBig" | "bigToNative"),
                ],
                [t, x],
            ) if let ty @ Ty::Int(_) = self.zig_type(t)
                && let Some(rt) = rust_type(&ty) =>
            {
                let x = self.coerced(x, &ty);
                let f = ident(match *f {
                    "nativeToLittle" => "to_le",
                    "littleToNative" => "from_le",
                    "nativeToBig" => "to_be",
                    _ => "from_be",
                });
                quote!(#rt::#f(#x))
            }
            // `std.mem.nativeTo(T, x, endian)` / `toNative`: the same with
            // the endian as an argument (a literal, the target's, or one
            // known at run time).
            (["mem", f @ ("nativeTo" | "toNative")], [t, x_expr, endian])
                if let ty @ Ty::Int(_) = self.zig_type(t)
                    && let Some(rt) = rust_type(&ty) =>
            {
                let to = *f == "nativeTo";
                let (le, be) = match to {
                    true => (ident("to_le"), ident("to_be")),
                    false => (ident("from_le"), ident("from_be")),
                };
                let x = self.coerced(x_expr, &ty);
                match &endian.kind {
                    ExprKind::DotName(e) if e == "little" => quote!(#rt::#le(#x)),
                    ExprKind::DotName(e) if e == "big" => quote!(#rt::#be(#x)),
                    _ if self.target_query(endian) == Some(super::target::TargetQuery::Endian) => {
                        self.operand(x_expr, &ty)
                    }
                    _ => {
                        let Some(e) = self.runtime_endian(endian) else {
                            return Some(
                                self.todo(format!("std.mem.{f} with an endian of unknown type")),
                            );
                        };
                        quote!((match #e {
                            crate::zigport_rt::mem::Endian::Little => #rt::#le(#x),
                            crate::zigport_rt::mem::Endian::Big => #rt::#be(#x),
                        }))
                    }
                }
            }
            (["mem", "eql"], [_, x, y]) => {
                let (x, y) = (self.expr(x, &Ty::Unknown), self.expr(y, &Ty::Unknown));
                quote!((#x == #y))
            }
            (["mem", "startsWith"], [_, x, y]) => {
                let (x, y) = (self.operand(x, &Ty::Unknown), self.slice_view(y));
                quote!(#x.starts_with(#y))
            }
            (["mem", "endsWith"], [_, x, y]) => {
                let (x, y) = (self.operand(x, &Ty::Unknown), self.slice_view(y));
                quote!(#x.ends_with(#y))
            }
            (["mem", "indexOfScalar"], [_, s, v]) => {
                let v = self.element_value(v, s);
                let s = self.operand(s, &Ty::Unknown);
                quote!(#s.iter().position(|&x| x == #v))
            }
            // Zig-exact helpers in the crate's runtime module (zigport_rt).
            (["mem", f @ ("trim" | "trimLeft" | "trimRight")], [_, s, values]) => {
                let f = ident(&super::names::snake_case(f));
                let (s, v) = (self.slice_view(s), self.expr(values, &Ty::Unknown));
                quote!(crate::zigport_rt::mem::#f(#s, #v))
            }
            (["mem", "indexOfScalarPos"], [_, s, start, v]) => {
                let v = self.element_value(v, s);
                let s = self.slice_view(s);
                let start = self.index_expr(start);
                quote!(crate::zigport_rt::mem::index_of_scalar_pos(#s, #start, #v))
            }
            (["mem", f @ ("indexOf" | "lastIndexOf" | "count")], [_, h, n]) => {
                let f = ident(&super::names::snake_case(f));
                let (h, n) = (self.slice_view(h), self.slice_view(n));
                quote!(crate::zigport_rt::mem::#f(#h, #n))
            }
            (["mem", f @ ("indexOfAny" | "lastIndexOfAny")], [_, s, values]) => {
                let f = ident(&super::names::snake_case(f));
                let (s, v) = (self.slice_view(s), self.slice_view(values));
                quote!(crate::zigport_rt::mem::#f(#s, #v))
            }
            (["mem", "indexOfAnyPos"], [_, s, start, values]) => {
                let s = self.slice_view(s);
                let start = self.index_expr(start);
                let v = self.slice_view(values);
                quote!(crate::zigport_rt::mem::index_of_any_pos(#s, #start, #v))
            }
            // Writes `out[0..s.len]` and returns it.
            (["ascii", f @ ("lowerString" | "upperString")], [out, s]) => {
                let f = ident(&super::names::snake_case(f));
                let written = Ty::output_bytes();
                let out = self.widened(out, &written);
                let s = self.slice_view(s);
                quote!(crate::zigport_rt::ascii::#f(#out, #s))
            }
            (["mem", "indexOfPos"], [_, h, start, n]) => {
                let h = self.slice_view(h);
                let start = self.index_expr(start);
                let n = self.slice_view(n);
                quote!(crate::zigport_rt::mem::index_of_pos(#h, #start, #n))
            }
            (["mem", "lastIndexOfScalar"], [_, s, v]) => {
                let v = self.element_value(v, s);
                let s = self.operand(s, &Ty::Unknown);
                quote!(#s.iter().rposition(|&x| x == #v))
            }
            // `std.mem.split*` / `tokenize*`: the runtime's iterators, which
            // keep Zig's `index`, `rest` and `peek`.
            (["mem", f], [_, s, d]) if let Some((kind, variant)) = split_function(f) => {
                let s = self.slice_view(s);
                let d = self.expr(d, &Ty::Unknown);
                let (kind, variant) = (ident(kind), ident(variant));
                quote!(crate::zigport_rt::split::#kind(#s, crate::zigport_rt::split::Delimiter::#variant(#d)))
            }
            (["mem", "concat"], [_alloc, _, parts]) => {
                let parts = self.slice_list(parts);
                quote!(crate::zigport_rt::mem::concat(#parts))
            }
            (["mem", "join"], [_alloc, sep, parts]) => {
                let sep = self.expr(sep, &Ty::Unknown);
                let parts = self.slice_list(parts);
                quote!(crate::zigport_rt::mem::join(#sep, #parts))
            }
            // `std.math.cast(T, x)`: `x` as `T` when it fits, else null.
            (["math", "cast"], [t, x]) => {
                let t = rust_type(&self.zig_type(t))?;
                let x = self.expr(x, &Ty::Unknown);
                quote!(<#t>::try_from(#x).ok())
            }
            // `std.math.add(T, a, b)`: `error.Overflow` when the result
            // does not fit `T`.
            (["math", op @ ("add" | "sub" | "mul")], [t, a, b]) => {
                let ty = self.zig_type(t);
                if !ty.is_integer() || rust_type(&ty).is_none() {
                    return Some(self.todo(format!("std.math.{op} of a non-integer type")));
                }
                if !self.scope.error_names.contains("Overflow") {
                    return Some(
                        self.todo(format!("std.math.{op}: the module has no `error.Overflow`")),
                    );
                }
                let method = ident(&format!("checked_{op}"));
                // Zig coerces both operands to `T` (a `u8` digit into `i16`).
                let (a, b) = (self.coerced(a, &ty), self.coerced(b, &ty));
                quote!(#a.#method(#b).ok_or(Error::Overflow))
            }
            // A borrowed view of the same memory (the runtime's one audited
            // `unsafe`, over primitive integers only).
            (["mem", "sliceAsBytes"], [x]) => {
                let x = self.slice_view(x);
                quote!(crate::zigport_rt::mem::slice_as_bytes(#x))
            }
            (["mem", "swap"], [_, x, y]) => {
                let (x, y) = (self.expr(x, &Ty::Unknown), self.expr(y, &Ty::Unknown));
                quote!(core::mem::swap(#x, #y))
            }
            // Total orders only: float operands do not compile (`cmp` needs
            // `Ord`), which is honest: Zig's `order` on NaN is not total either.
            (["math", "order"], [a, b]) => {
                let (a, b) = (self.expr(a, &Ty::Unknown), self.expr(b, &Ty::Unknown));
                quote!(#a.cmp(&#b))
            }
            // Lexicographic, as Rust orders slices.
            (["mem", "order"], [_, a, b]) => {
                let (a, b) = (self.operand(a, &Ty::Unknown), self.slice_view(b));
                quote!(#a[..].cmp(#b))
            }
            (["math", "maxInt"], [t]) => match rust_type(&self.zig_type(t)) {
                Some(t) => quote!(#t::MAX),
                None => return None,
            },
            (["math", "minInt"], [t]) => match rust_type(&self.zig_type(t)) {
                Some(t) => quote!(#t::MIN),
                None => return None,
            },
            // Zig's whitespace includes vertical tab and form feed; Rust's
            // `is_ascii_whitespace` has no vertical tab: the twin.
            (["ascii", "isWhitespace"], [c]) => {
                let c = self.expr(c, &Ty::Int("u8".into()));
                quote!(crate::zigport_rt::ascii::is_whitespace(#c))
            }
            (
                [
                    "ascii",
                    f @ ("eqlIgnoreCase" | "startsWithIgnoreCase" | "endsWithIgnoreCase"),
                ],
                [a, b],
            ) => {
                let f = ident(&super::names::snake_case(f));
                let (a, b) = (self.expr(a, &Ty::Unknown), self.expr(b, &Ty::Unknown));
                quote!(crate::zigport_rt::ascii::#f(#a, #b))
            }
            (["hash", "Wyhash", "hash"], [seed, input]) => {
                let seed = self.expr(seed, &Ty::Int("u64".into()));
                let input = self.expr(input, &Ty::Unknown);
                quote!(crate::zigport_rt::wyhash::hash(#seed, #input))
            }
            (["ascii", f], [c]) => {
                let method = match *f {
                    "isDigit" => "is_ascii_digit",
                    "isAlphabetic" => "is_ascii_alphabetic",
                    "isAlphanumeric" => "is_ascii_alphanumeric",
                    "isUpper" => "is_ascii_uppercase",
                    "isLower" => "is_ascii_lowercase",
                    "isHex" => "is_ascii_hexdigit",
                    "isControl" => "is_ascii_control",
                    "isAscii" => "is_ascii",
                    "toUpper" => "to_ascii_uppercase",
                    "toLower" => "to_ascii_lowercase",
                    _ => return None,
                };
                let m = ident(method);
                let c = self.expr(c, &Ty::Int("u8".into()));
                quote!(#c.#m())
            }
            (["math", op @ ("rotl" | "rotr")], [_, x, r]) => {
                let method = ident(if *op == "rotl" {
                    "rotate_left"
                } else {
                    "rotate_right"
                });
                let x = self.operand(x, &Ty::Unknown);
                let r = self.operand(r, &Ty::Unknown);
                quote!(#x.#method((#r) as u32))
            }
            (["mem", "readInt"], [t, bytes, endian]) => {
                let Some(rt) = rust_type(&self.zig_type(t)) else {
                    return Some(self.todo("std.mem.readInt of a type with no Rust integer"));
                };
                let b = self.operand(bytes, &Ty::Unknown);
                let b = quote!(#b[..core::mem::size_of::<#rt>()].try_into().unwrap());
                match self.endian_method(endian, "from") {
                    Some(from) => quote!(#rt::#from(#b)),
                    // An endian known only at run time: the runtime's
                    // `Endian` picks the conversion.
                    None => {
                        let Some(e) = self.runtime_endian(endian) else {
                            return Some(
                                self.todo("std.mem.readInt with an endian of unknown type"),
                            );
                        };
                        quote!((match #e {
                            crate::zigport_rt::mem::Endian::Little => #rt::from_le_bytes(#b),
                            crate::zigport_rt::mem::Endian::Big => #rt::from_be_bytes(#b),
                        }))
                    }
                }
            }
            (["mem", "writeInt"], [t, bytes, value, endian]) => {
                let Some(rt) = rust_type(&self.zig_type(t)) else {
                    return Some(self.todo("std.mem.writeInt of a type with no Rust integer"));
                };
                let to = match self.endian_method(endian, "to") {
                    Some(to) => Ok(to),
                    None => match self.runtime_endian(endian) {
                        Some(e) => Err(e),
                        None => {
                            return Some(
                                self.todo("std.mem.writeInt with an endian of unknown type"),
                            );
                        }
                    },
                };
                let ty = self.zig_type(t);
                // `&buf` is the place written: `buf[..n]`, not `(&buf)[..n]`.
                let b = match &bytes.kind {
                    ExprKind::AddressOf(inner) => self.operand(inner, &Ty::Unknown),
                    // `dest[i..][0..4]`: the subslice is written.
                    ExprKind::Slice { .. } => {
                        let place = Ty::Slice {
                            elem: Box::new(Ty::Int("u8".into())),
                            mutable: true,
                        };
                        let b = self.expr(bytes, &place);
                        quote!((#b))
                    }
                    _ => self.operand(bytes, &Ty::Unknown),
                };
                let v = self.operand(value, &ty);
                let bytes = match to {
                    Ok(to) => quote!(#v.#to()),
                    Err(e) => quote!(match #e {
                        crate::zigport_rt::mem::Endian::Little => #v.to_le_bytes(),
                        crate::zigport_rt::mem::Endian::Big => #v.to_be_bytes(),
                    }),
                };
                quote!(#b[..core::mem::size_of::<#rt>()].copy_from_slice(&#bytes))
            }
            (
                [
                    "math",
                    c @ ("inf" | "nan" | "floatMax" | "floatMin" | "floatTrueMin" | "floatEps"),
                ],
                [t],
            ) => {
                let ty = self.zig_type(t);
                let Some(rt) = rust_type(&ty).filter(|_| matches!(ty, Ty::Float(_))) else {
                    return Some(self.todo(format!("std.math.{c} of a non-float type")));
                };
                let constant = ident(match *c {
                    "inf" => "INFINITY",
                    "nan" => "NAN",
                    "floatMax" => "MAX",
                    "floatMin" => "MIN_POSITIVE",
                    "floatEps" => "EPSILON",
                    // The smallest subnormal.
                    _ => return Some(quote!(#rt::from_bits(1))),
                });
                quote!(#rt::#constant)
            }
            (["math", "isNan"], [x]) => {
                let x = self.operand(x, &Ty::Unknown);
                quote!(#x.is_nan())
            }
            (["math", "isInf"], [x]) => {
                let x = self.operand(x, &Ty::Unknown);
                quote!(#x.is_infinite())
            }
            (["math", "isPositiveInf"], [x]) => {
                let x = self.operand(x, &Ty::Unknown);
                quote!((#x.is_infinite() && #x > 0.0))
            }
            (["debug", "assert"], [x]) => {
                let x = self.expr(x, &Ty::Bool);
                quote!(assert!(#x))
            }
            (["testing", "expect"], [x]) => {
                let x = self.expr(x, &Ty::Bool);
                quote!(assert!(#x))
            }
            (
                [
                    "testing",
                    "expectEqual" | "expectEqualSlices" | "expectEqualStrings",
                ],
                rest,
            ) => {
                let (expected, actual) = match rest {
                    [e, a] => (e, a),
                    [_, e, a] => (e, a),
                    _ => return None,
                };
                // `expectEqual(3, opt())`: the expected value coerces to the
                // actual's type (`Some(3)`).
                let actual_ty = self.infer(actual);
                let a = self.expr(actual, &Ty::Unknown);
                let e = self.coerced(expected, &actual_ty);
                quote!(assert_eq!(#a, #e))
            }
            // Zig analyses only referenced declarations; rustc compiles
            // every item, so the test has nothing left to force.
            (["testing", "refAllDecls" | "refAllDeclsRecursive"], [_]) => quote!(),
            // Zig's default PRNG, bit for bit (the support twin).
            (["Random", "DefaultPrng" | "Xoshiro256", "init"], [seed]) => {
                let seed = self.expr(seed, &Ty::Int("u64".into()));
                quote!(crate::zigport_rt::random::Xoshiro256::init(#seed))
            }
            (["testing", "expectError"], [err, value]) => {
                let (e, v) = (self.expr(err, &Ty::Unknown), self.expr(value, &Ty::Unknown));
                quote!(assert_eq!(#v, Err(#e)))
            }
            _ => {
                let text = path.join(".");
                return Some(self.todo(format!("no rule for std.{text}")));
            }
        })
    }

    /// `std.mem.eql` (or an alias such as `mem.eql` after
    /// `const mem = std.mem;`) as `["mem", "eql"]`.
    pub(super) fn std_path(&self, callee: &Expr) -> Option<Vec<String>> {
        let mut parts = Vec::new();
        let mut cur = callee;
        loop {
            match &cur.kind {
                ExprKind::Field { object, member } => {
                    parts.push(member.clone());
                    cur = object;
                }
                ExprKind::Ident(root) if let Some(alias) = self.state.std_aliases.get(root) => {
                    let mut path = alias.clone();
                    parts.reverse();
                    path.extend(parts);
                    return Some(path);
                }
                ExprKind::Ident(root) if self.local(root).is_none() => {
                    let mut path = match self.scope.imports.get(root)? {
                        Import::Std => Vec::new(),
                        Import::StdAlias(prefix) => prefix.clone(),
                        _ => return None,
                    };
                    parts.reverse();
                    path.extend(parts);
                    return Some(path);
                }
                // `@import("std").testing.expect(..)` inline.
                ExprKind::Builtin { name, args }
                    if name == "import"
                        && matches!(&args[..], [Expr { kind: ExprKind::Str(s), .. }] if s == b"std") =>
                {
                    parts.reverse();
                    return Some(parts);
                }
                _ => return None,
            }
        }
    }

    /// `bun.strings.eql` as `"bun.strings.eql"` when the callee is rooted
    /// at a named import (or an alias of one).
    pub(super) fn named_path(&self, e: &Expr) -> Option<String> {
        let mut parts = Vec::new();
        let mut cur = e;
        loop {
            match &cur.kind {
                ExprKind::Field { object, member } => {
                    parts.push(member.as_str());
                    cur = object;
                }
                ExprKind::Ident(root) if self.local(root).is_none() => {
                    let Some(Import::Named(base)) = self.scope.imports.get(root) else {
                        return None;
                    };
                    parts.reverse();
                    let mut path = base.clone();
                    for p in parts {
                        path.push('.');
                        path.push_str(p);
                    }
                    return Some(path);
                }
                _ => return None,
            }
        }
    }

    /// Calls the port configuration decides: a rewrite rule (a Rust
    /// template over the translated arguments), or the crate map
    /// (`bun.strings.eql(a, b)` → `bun_str::strings::eql(a, b)`).
    pub(super) fn configured_call(&mut self, callee: &Expr, args: &[Expr]) -> Option<TokenStream> {
        let path = self.named_path(callee)?;
        let config = self.config;
        if let Some(rule) = config.rewrite.iter().find(|r| r.zig == path) {
            let args: Vec<String> = args
                .iter()
                .map(|a| self.operand(a, &Ty::Unknown).to_string())
                .collect();
            let mut text = rule.rust.clone();
            for (i, a) in args.iter().enumerate() {
                text = text.replace(&format!("{{{i}}}"), a);
            }
            return Some(match syn::parse_str::<syn::Expr>(&text) {
                Ok(
                    e @ (syn::Expr::Call(_)
                    | syn::Expr::MethodCall(_)
                    | syn::Expr::Path(_)
                    | syn::Expr::Lit(_)
                    | syn::Expr::Paren(_)),
                ) => {
                    quote!(#e)
                }
                Ok(e) => quote!((#e)),
                Err(_) => self.todo(format!(
                    "rewrite rule for `{path}` is not a Rust expression"
                )),
            });
        }
        let (prefix, rust) = config
            .crates
            .iter()
            .filter(|(zig, _)| path == **zig || path.starts_with(&format!("{zig}.")))
            .max_by_key(|(zig, _)| zig.len())?;
        let rest: Vec<&str> = path[prefix.len()..]
            .split('.')
            .filter(|s| !s.is_empty())
            .collect();
        let mut rust_path = rust.clone();
        for (i, seg) in rest.iter().enumerate() {
            let seg = if i + 1 == rest.len() {
                super::names::snake_case(seg)
            } else {
                seg.to_string()
            };
            rust_path.push_str("::");
            rust_path.push_str(&seg);
        }
        let args = self.args(args, &[]);
        Some(match rust_path.parse::<TokenStream>() {
            Ok(p) if syn::parse2::<syn::Path>(p.clone()).is_ok() => quote!(#p(#(#args),*)),
            _ => self.todo(format!("crate map gives `{rust_path}`, not a Rust path")),
        })
    }

    /// The scalar argument of a std.mem function over `slice`: an untyped
    /// constant (`const esc = 0x1B;`) takes the element type.
    fn element_value(&mut self, v: &Expr, slice: &Expr) -> TokenStream {
        let elem = match self.infer(slice) {
            Ty::Slice { elem, .. } | Ty::Array { elem, .. } | Ty::Vec(elem) => *elem,
            _ => Ty::Unknown,
        };
        let value = self.expr(v, &elem);
        match (self.infer(v), rust_type(&elem)) {
            (Ty::Int(a), Some(t)) if matches!(&elem, Ty::Int(b) if *b != a) => {
                quote!((#value as #t))
            }
            _ => value,
        }
    }

    /// A slice argument of a std function: an owned buffer is borrowed.
    fn slice_view(&mut self, e: &Expr) -> TokenStream {
        let view = Ty::Slice {
            elem: Box::new(Ty::Unknown),
            mutable: false,
        };
        self.widened(e, &view)
    }

    /// `&.{ a, b }` (slices to concatenate) as `&[&a[..], &b[..]]`.
    fn slice_list(&mut self, e: &Expr) -> TokenStream {
        let inner = match &e.kind {
            ExprKind::AddressOf(inner) => inner.as_ref(),
            _ => e,
        };
        match &inner.kind {
            ExprKind::ListInit { elems, .. } => {
                let items: Vec<TokenStream> = elems
                    .iter()
                    .map(|x| {
                        let x = self.expr(x, &Ty::Unknown);
                        quote!(&#x[..])
                    })
                    .collect();
                quote!(&[#(#items),*])
            }
            _ => self.expr(e, &Ty::Unknown),
        }
    }

    /// `allocator.dupe/alloc/free/create/destroy`: Rust's global allocator.
    /// Allocation failure aborts in Rust, so these calls cannot fail and a
    /// `try` on them disappears (see `is_allocator_call`).
    pub(super) fn allocator_call(&mut self, callee: &Expr, args: &[Expr]) -> Option<TokenStream> {
        let ExprKind::Field { object, member } = &callee.kind else {
            return None;
        };
        if self.infer(object) != Ty::Allocator {
            return None;
        }
        Some(match (member.as_str(), args) {
            ("dupe", [_, s]) => {
                let s = self.operand(s, &Ty::Unknown);
                quote!(#s.to_vec())
            }
            ("alloc", [_, n]) if matches!(&n.kind, ExprKind::Int(v) if v == "0") => {
                quote!(Vec::new())
            }
            ("alloc", [t, n]) => {
                let n = self.index_expr(n);
                match rust_type(&self.zig_type(t)) {
                    Some(t) => quote!(vec![<#t>::default(); #n]),
                    None => self.todo("allocation of an unmapped type"),
                }
            }
            ("create", [t]) => match rust_type(&self.zig_type(t)) {
                Some(t) => quote!(Box::new(<#t>::default())),
                None => self.todo("allocation of an unmapped type"),
            },
            // Shrinking or growing an owned buffer (new bytes are zero
            // where Zig left them undefined).
            ("realloc", [b, n]) => {
                let b = self.expr(b, &Ty::Unknown);
                let n = self.index_expr(n);
                quote!({
                    let mut resized = #b;
                    resized.resize(#n, Default::default());
                    resized
                })
            }
            ("free" | "destroy", [x]) => {
                let x = self.expr(x, &Ty::Unknown);
                quote!(drop(#x))
            }
            // An arena's own lifecycle: nothing to do in Rust.
            ("deinit" | "reset", _) => quote!(()),
            _ => self.todo(format!("allocator.{member}")),
        })
    }

    /// `std.ArrayList` methods on a `Vec`. Zig passes the allocator to the
    /// unmanaged list's methods; Rust's `Vec` owns its allocator.
    /// `std.StaticStringMap(V).initComptime(.{ .{ "k", v }, ... })`: the
    /// value type and the pairs.
    /// `std.StaticStringMapWithEql(V, std.static_string_map.eqlAsciiIgnoreCase)`
    /// too: the value type, whether keys ignore ASCII case, and the pairs.
    pub(super) fn static_map_init<'e>(&self, init: &'e Expr) -> Option<(Ty, bool, &'e [Expr])> {
        let ExprKind::Call { callee, args } = &init.kind else {
            return None;
        };
        let ExprKind::Field { object, member } = &callee.kind else {
            return None;
        };
        let ExprKind::Call {
            callee: ctor,
            args: type_args,
        } = &object.kind
        else {
            return None;
        };
        if member != "initComptime" {
            return None;
        }
        let ignore_case = match (self.std_path(ctor)?.as_slice(), &type_args[..]) {
            ([map], [_]) if map == "StaticStringMap" => false,
            ([map], [_, eql]) if map == "StaticStringMapWithEql" => {
                match self.std_path(eql)?.as_slice() {
                    [m, f] if m == "static_string_map" && f == "eqlAsciiIgnoreCase" => true,
                    _ => return None,
                }
            }
            _ => return None,
        };
        let value = self.zig_type(type_args.first()?);
        let inner = match &args.first()?.kind {
            ExprKind::ListInit { elems, .. } => elems.as_slice(),
            _ => return None,
        };
        Some((value, ignore_case, inner))
    }

    /// `object` names a module-level static string map whose keys are all
    /// literals: its table is emitted sorted by key length (`table_order`).
    fn static_map_in_length_order(&self, object: &Expr) -> bool {
        let ExprKind::Ident(name) = &object.kind else {
            return false;
        };
        if self.local(name).is_some() {
            return false;
        }
        self.file.members.iter().any(|d| match &d.kind {
            DeclKind::Var(v) if v.name == *name => v
                .init
                .as_ref()
                .and_then(|init| self.static_map_init(init))
                .is_some_and(|(_, _, pairs)| pairs.iter().all(|p| literal_key_len(p).is_some())),
            _ => false,
        })
    }

    /// The pairs of a static string map as a Rust slice literal.
    pub(super) fn static_map_literal(&mut self, init: &Expr, value_ty: &Ty) -> Option<TokenStream> {
        let out = self.static_map_pairs(init, value_ty)?;
        Some(quote!(&[#(#out),*]))
    }

    /// The `(key, value)` pairs of a static string map.
    pub(super) fn static_map_pairs(
        &mut self,
        init: &Expr,
        value_ty: &Ty,
    ) -> Option<Vec<TokenStream>> {
        let (_, _, pairs) = self.static_map_init(init)?;
        let mut out = Vec::new();
        for pair in table_order(pairs) {
            // Entries that are not `.{ "literal", value }`: no rule (the
            // caller marks the whole map).
            let ExprKind::ListInit { elems, .. } = &pair.kind else {
                return None;
            };
            let key = match elems.first().map(|k| &k.kind) {
                Some(ExprKind::Str(bytes)) => proc_macro2::Literal::byte_string(bytes),
                _ => return None,
            };
            let value = match elems.get(1) {
                Some(v) if *value_ty != Ty::Void => self.expr(v, value_ty),
                _ => quote!(()),
            };
            out.push(quote!((#key, #value)));
        }
        Some(out)
    }

    pub(super) fn vec_call(&mut self, callee: &Expr, args: &[Expr]) -> Option<TokenStream> {
        let ExprKind::Field { object, member } = &callee.kind else {
            return None;
        };
        // `map.get(key)` / `map.has(key)` on a static string map.
        if let Ty::StaticMap(_, ignore_case) = self.infer(object) {
            let map = self.expr(object, &Ty::Unknown);
            // The closure's name must not shadow the key expression's
            // (a function parameter is often called `name`).
            let matches = |k: TokenStream| {
                if ignore_case {
                    quote!(zigport_key.eq_ignore_ascii_case(&#k[..]))
                } else {
                    quote!(*zigport_key == &#k[..])
                }
            };
            // A table in Zig's length order: only the keys of the probe's
            // length are compared, as Zig's `len_indexes` does.
            let by_length = self.static_map_in_length_order(object);
            return Some(match (member.as_str(), args) {
                ("get" | "has", [k]) if by_length => {
                    let probe = self.slice_view(k);
                    let find = quote!(crate::zigport_rt::map::static_map_find(&#map, #probe, #ignore_case));
                    match member.as_str() {
                        "get" => quote!(#find.copied()),
                        _ => quote!(#find.is_some()),
                    }
                }
                ("get", [k]) => {
                    let k = matches(self.expr(k, &Ty::Unknown));
                    quote!(#map.iter().find(|(zigport_key, _)| #k).map(|(_, v)| *v))
                }
                ("has", [k]) => {
                    let k = matches(self.expr(k, &Ty::Unknown));
                    quote!(#map.iter().any(|(zigport_key, _)| #k))
                }
                // The table is in Zig's order (see `static_map_pairs`).
                ("keys", []) => quote!(#map.iter().map(|(k, _)| *k)),
                ("values", []) => match self.infer(object) {
                    Ty::StaticMap(v, _) if self.is_copy_type(&v) => {
                        quote!(#map.iter().map(|(_, v)| *v))
                    }
                    _ => quote!(#map.iter().map(|(_, v)| v)),
                },
                _ => self.todo(format!("StaticStringMap.{member}")),
            });
        }
        // `std.StringHashMap(V).init(a)`.
        if let Ty::StrMap(_) = self.zig_type(object) {
            return Some(match member.as_str() {
                "init" => quote!(crate::zigport_rt::map::HashMap::default()),
                _ => self.todo(format!("StringHashMap.{member}")),
            });
        }
        // Methods of a `std.StringHashMap` (insertion cannot fail in Rust).
        if let Some(value) = map_value(&self.infer(object)) {
            let map = self.operand(object, &Ty::Unknown);
            let value_args: Vec<&Expr> = args
                .iter()
                .filter(|a| self.infer(a) != Ty::Allocator)
                .collect();
            let copy = self.is_copy_type(&value);
            return Some(match (member.as_str(), &value_args[..]) {
                ("put", [k, v]) => {
                    let k = self.slice_view(k);
                    let v = self.coerced(v, &value);
                    quote!({ #map.insert(#k, #v); })
                }
                // Zig returns the value by copy.
                ("get", [k]) => {
                    let k = self.slice_view(k);
                    // Owned values read as the slice Zig stored.
                    let lent = matches!(&self.state.ret, Some(Ty::Optional(r))
                        if matches!(r.as_ref(), Ty::Ref { to, .. } if **to == value));
                    if let Ty::Vec(_) = value {
                        quote!(#map.get(#k).map(Vec::as_slice))
                    } else if copy {
                        quote!(#map.get(#k).copied())
                    } else if lent {
                        // The function lends the value (`lent_result`).
                        quote!(#map.get(#k))
                    } else {
                        quote!(#map.get(#k).cloned())
                    }
                }
                ("getOrPut", [k]) => {
                    let k = self.slice_view(k);
                    let map = match self.infer(object) {
                        Ty::Ref { .. } => quote!(&mut *#map),
                        _ => quote!(&mut #map),
                    };
                    quote!(crate::zigport_rt::map::get_or_put(#map, #k))
                }
                // Through a `*const` receiver the pointer is read-only.
                ("getPtr", [k]) if self.reached_through_const_pointer(object) => {
                    let k = self.slice_view(k);
                    quote!(#map.get(#k))
                }
                ("getPtr", [k]) => {
                    let k = self.slice_view(k);
                    quote!(#map.get_mut(#k))
                }
                ("contains", [k]) => {
                    let k = self.slice_view(k);
                    quote!(#map.contains_key(#k))
                }
                ("remove", [k]) => {
                    let k = self.slice_view(k);
                    quote!(#map.remove(#k).is_some())
                }
                ("count", []) => quote!(#map.len()),
                // Dropping the map frees it.
                ("deinit", []) => quote!(()),
                ("clearRetainingCapacity" | "clearAndFree", []) => quote!(#map.clear()),
                _ => self.todo(format!("StringHashMap.{member}")),
            });
        }
        // `std.ArrayList(u8).init(a)` / `.initCapacity(a, n)`.
        if let Ty::Vec(_) = self.zig_type(object) {
            return Some(match (member.as_str(), args) {
                ("init", _) => quote!(Vec::new()),
                ("initCapacity", [.., n]) => {
                    let n = self.index_expr(n);
                    quote!(Vec::with_capacity(#n))
                }
                _ => self.todo(format!("ArrayList.{member}")),
            });
        }
        let elem = vec_elem(&self.infer(object))?;
        let list = self.operand(object, &Ty::Unknown);
        let value_args: Vec<&Expr> = args
            .iter()
            .filter(|a| self.infer(a) != Ty::Allocator)
            .collect();
        Some(match (member.as_str(), &value_args[..]) {
            ("append" | "appendAssumeCapacity", [x]) => {
                let x = self.coerced(x, &elem);
                quote!(#list.push(#x))
            }
            ("appendSlice" | "appendSliceAssumeCapacity", [x]) => {
                let x = self.coerced(
                    x,
                    &Ty::Slice {
                        elem: Box::new(elem.clone()),
                        mutable: false,
                    },
                );
                quote!(#list.extend_from_slice(#x))
            }
            ("appendNTimes" | "appendNTimesAssumeCapacity", [x, n]) => {
                let x = self.coerced(x, &elem);
                let n = self.index_expr(n);
                quote!(#list.extend(core::iter::repeat_n(#x, #n)))
            }
            ("insert", [i, x]) => {
                let i = self.index_expr(i);
                let x = self.coerced(x, &elem);
                quote!(#list.insert(#i, #x))
            }
            ("orderedRemove", [i]) => {
                let i = self.index_expr(i);
                quote!(#list.remove(#i))
            }
            ("swapRemove", [i]) => {
                let i = self.index_expr(i);
                quote!(#list.swap_remove(#i))
            }
            ("shrinkRetainingCapacity" | "shrinkAndFree", [n]) => {
                let n = self.index_expr(n);
                quote!(#list.truncate(#n))
            }
            ("getLast", []) => quote!(*#list.last().unwrap()),
            ("getLastOrNull", []) => quote!(#list.last().copied()),
            ("pop", []) => quote!(#list.pop()),
            ("clearRetainingCapacity", []) => quote!(#list.clear()),
            ("clearAndFree", []) => quote!({ #list.clear(); #list.shrink_to_fit(); }),
            ("ensureTotalCapacity" | "ensureUnusedCapacity", [n]) => {
                let n = self.index_expr(n);
                quote!(#list.reserve(#n))
            }
            ("toOwnedSlice", []) => quote!(core::mem::take(&mut #list)),
            // `n` new items written by the caller: Zig leaves them
            // undefined, Rust fills them first.
            ("addManyAsSlice" | "addManyAsSliceAssumeCapacity", [n]) => {
                let n = self.index_expr(n);
                let perf = super::comment_marker(
                    "PERF(port): the new items are default-initialised; Zig left them undefined",
                );
                quote!({
                    #perf
                    let start = #list.len();
                    #list.resize(start + #n, Default::default());
                    &mut #list[start..]
                })
            }
            ("deinit", []) => quote!(()),
            _ => self.todo(format!("ArrayList.{member}")),
        })
    }

    pub(super) fn is_vec_growth_call(&self, e: &Expr) -> bool {
        matches!(&e.kind, ExprKind::Call { callee, .. }
            if matches!(&callee.kind, ExprKind::Field { object, member }
                if (vec_elem(&self.infer(object)).is_some()
                    && matches!(member.as_str(), "append" | "appendSlice" | "appendNTimes" | "insert" | "ensureTotalCapacity" | "ensureUnusedCapacity" | "toOwnedSlice" | "addManyAsSlice"))
                || (map_value(&self.infer(object)).is_some()
                    && matches!(member.as_str(), "put" | "getOrPut" | "ensureTotalCapacity" | "ensureUnusedCapacity"))
                // `std.ArrayList(T).initCapacity(a, n)`: only OutOfMemory.
                || (member == "initCapacity"
                    && matches!(self.zig_type(object), Ty::Vec(_) | Ty::StrMap(_)))))
    }

    /// `self.sections` with `self: *const Document`.
    pub(super) fn reached_through_const_pointer(&self, place: &Expr) -> bool {
        match &place.kind {
            ExprKind::Field { object, .. } => self.reached_through_const_pointer(object),
            ExprKind::Ident(_) => matches!(self.infer(place), Ty::Ref { mutable: false, .. }),
            _ => false,
        }
    }

    pub(super) fn is_allocator_call(&self, e: &Expr) -> bool {
        matches!(&e.kind, ExprKind::Call { callee, .. }
            if matches!(&callee.kind, ExprKind::Field { object, .. } if self.infer(object) == Ty::Allocator)
                // std functions whose only error is OutOfMemory.
                || self.std_path(callee).is_some_and(|p| p == ["mem", "concat"] || p == ["mem", "join"]))
    }

    /// Whether a call is to `std.testing.*` (whose Rust twins are macros
    /// that do not return a Result, so `try` disappears).
    pub(super) fn is_testing_call(&self, e: &Expr) -> bool {
        matches!(&e.kind, ExprKind::Call { callee, .. }
            if self.std_path(callee).is_some_and(|p| p.first().is_some_and(|f| f == "testing")))
    }
}

/// Bits of an unsigned Zig integer type Rust lacks (`u21` → 21).
pub(super) fn odd_unsigned_bits(ty: &Ty) -> Option<u32> {
    let Ty::Int(name) = ty else { return None };
    match super::types::int_width(name)? {
        (false, bits) if ![8, 16, 32, 64, 128].contains(&bits) => Some(bits),
        _ => None,
    }
}

/// The length of a static map entry's key, when it is a literal.
fn literal_key_len(pair: &Expr) -> Option<usize> {
    match &pair.kind {
        ExprKind::ListInit { elems, .. } => match elems.first().map(|k| &k.kind) {
            Some(ExprKind::Str(bytes)) => Some(bytes.len()),
            _ => None,
        },
        _ => None,
    }
}

/// The support twin's constant for a `std.base64` codec.
fn base64_codec(name: &str) -> Option<&'static str> {
    match name {
        "standard" => Some("STANDARD"),
        "url_safe_no_pad" => Some("URL_SAFE_NO_PAD"),
        _ => None,
    }
}

/// The entries of `StaticStringMap.initComptime` in the order Zig's table
/// holds them: sorted by key length with `std.mem.sortUnstableContext`
/// (pdq), whose order among keys of one length the sort twin reproduces.
/// `keys()`/`values()` expose that order; `get` finds the first match in
/// it, as Zig's per-length scan does. Non-literal keys keep source order.
fn table_order(pairs: &[Expr]) -> Vec<&Expr> {
    let key_len = literal_key_len;
    let mut entries: Vec<&Expr> = pairs.iter().collect();
    if entries.iter().all(|p| key_len(p).is_some()) {
        crate::zig_sort::pdq(&mut entries, |a, b| key_len(a) < key_len(b));
    }
    entries
}

/// `.little` → `from_le_bytes` / `to_le_bytes`; `None` for other endians.
impl Translator<'_> {
    /// `from_le_bytes` / `to_be_bytes` / `from_ne_bytes` (the target's order).
    fn endian_method(&self, endian: &Expr, prefix: &str) -> Option<proc_macro2::Ident> {
        match &endian.kind {
            ExprKind::DotName(e) if e == "little" => Some(ident(&format!("{prefix}_le_bytes"))),
            ExprKind::DotName(e) if e == "big" => Some(ident(&format!("{prefix}_be_bytes"))),
            _ if self.target_query(endian) == Some(super::target::TargetQuery::Endian) => {
                Some(ident(&format!("{prefix}_ne_bytes")))
            }
            _ => None,
        }
    }
}

impl Translator<'_> {
    /// `@atomicLoad`, `@atomicStore`, `@atomicRmw`, `@cmpxchgStrong`,
    /// `@cmpxchgWeak` on a place the port holds as a plain value: the
    /// runtime's `atomic` operations (see there why the plain operation is
    /// the atomic one), the orderings as `core::sync::atomic::Ordering`.
    fn atomic_builtin(&mut self, name: &str, args: &[Expr]) -> TokenStream {
        let order_ty = Ty::StdEnum(super::types::StdEnum::AtomicOrder);
        let Some((t, ptr, rest)) = (match args {
            [t, ptr, rest @ ..] => Some((t, ptr, rest)),
            _ => None,
        }) else {
            return self.todo(format!("@{name} with {} arguments", args.len()));
        };
        let ty = self.zig_type(t);
        if rust_type(&ty).is_none() || odd_unsigned_bits(&ty).is_some() {
            return self.todo(format!("@{name} of a type with no Rust twin"));
        }
        let place = |t: &mut Self, mutable: bool| match &ptr.kind {
            ExprKind::AddressOf(inner) => {
                let p = t.expr(inner, &Ty::Unknown);
                match mutable {
                    true => quote!(&mut #p),
                    false => quote!(&#p),
                }
            }
            _ => {
                let p = t.operand(ptr, &Ty::Unknown);
                match mutable {
                    true => quote!(&mut *#p),
                    false => quote!(&*#p),
                }
            }
        };
        let rt = quote!(crate::zigport_rt::atomic);
        match (name, rest) {
            ("atomicLoad", [order]) => {
                let o = self.expr(order, &order_ty);
                let p = place(self, false);
                quote!(#rt::load(#p, #o))
            }
            ("atomicStore", [value, order]) => {
                let v = self.coerced(value, &ty);
                let o = self.expr(order, &order_ty);
                let p = place(self, true);
                quote!(#rt::store(#p, #v, #o))
            }
            ("atomicRmw", [op, operand, order]) => {
                let ExprKind::DotName(op) = &op.kind else {
                    return self.todo("@atomicRmw with an operation known only at run time");
                };
                let v = quote!(operand);
                let f = match (op.as_str(), &ty) {
                    ("Xchg", _) => quote!(|_| #v),
                    ("Add", Ty::Int(_)) => quote!(|x| x.wrapping_add(#v)),
                    ("Sub", Ty::Int(_)) => quote!(|x| x.wrapping_sub(#v)),
                    ("Add", Ty::Float(_)) => quote!(|x| x + #v),
                    ("Sub", Ty::Float(_)) => quote!(|x| x - #v),
                    ("And", Ty::Int(_) | Ty::Bool) => quote!(|x| x & #v),
                    ("Nand", Ty::Int(_) | Ty::Bool) => quote!(|x| !(x & #v)),
                    ("Or", Ty::Int(_) | Ty::Bool) => quote!(|x| x | #v),
                    ("Xor", Ty::Int(_) | Ty::Bool) => quote!(|x| x ^ #v),
                    ("Max", Ty::Int(_)) => quote!(|x| x.max(#v)),
                    ("Min", Ty::Int(_)) => quote!(|x| x.min(#v)),
                    _ => return self.todo(format!("@atomicRmw .{op} of this type")),
                };
                // The operand first: the place is borrowed for the call.
                let value = self.coerced(operand, &ty);
                let o = self.expr(order, &order_ty);
                let p = place(self, true);
                quote!({
                    let operand = #value;
                    #rt::rmw(#p, #f, #o)
                })
            }
            ("cmpxchgStrong" | "cmpxchgWeak", [expected, new, success, failure]) => {
                let e = self.coerced(expected, &ty);
                let n = self.coerced(new, &ty);
                let s = self.expr(success, &order_ty);
                let f = self.expr(failure, &order_ty);
                let p = place(self, true);
                quote!({
                    let (expected, new) = (#e, #n);
                    #rt::cmpxchg(#p, expected, new, #s, #f)
                })
            }
            _ => self.todo(format!("@{name} with {} arguments", args.len())),
        }
    }

    /// An endian expression whose value is known only at run time (a
    /// parameter, a field, a local), as the runtime's `Endian`; `None`
    /// when neither the rules nor the model type it `std.builtin.Endian`.
    fn runtime_endian(&mut self, endian: &Expr) -> Option<TokenStream> {
        let ty = Ty::StdEnum(super::types::StdEnum::Endian);
        (self.infer(endian) == ty).then(|| self.expr(endian, &ty))
    }
}

/// The element type of a list, or of a pointer to one (`*std.ArrayList(u8)`
/// is `&mut Vec<u8>`: the same methods apply).
/// The value type of a `std.StringHashMap` (or a pointer to one).
pub(super) fn map_value(ty: &Ty) -> Option<Ty> {
    match ty {
        Ty::StrMap(v) => Some((**v).clone()),
        Ty::Ref { to, .. } => match to.as_ref() {
            Ty::StrMap(v) => Some((**v).clone()),
            _ => None,
        },
        _ => None,
    }
}

pub(super) fn vec_elem(ty: &Ty) -> Option<Ty> {
    match ty {
        Ty::Vec(elem) => Some((**elem).clone()),
        Ty::Ref { to, .. } => match to.as_ref() {
            Ty::Vec(elem) => Some((**elem).clone()),
            _ => None,
        },
        _ => None,
    }
}

/// `std.mem` split and tokenize functions: the runtime constructor and
/// the delimiter kind.
pub(super) fn split_function(name: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "splitScalar" => ("split", "Scalar"),
        "splitSequence" => ("split", "Sequence"),
        "splitAny" => ("split", "Any"),
        "tokenizeScalar" => ("tokenize", "Scalar"),
        "tokenizeSequence" => ("tokenize", "Sequence"),
        "tokenizeAny" => ("tokenize", "Any"),
        _ => return None,
    })
}

/// `&x[..]` / `&mut x[..]` → `x[..]`: a slice expression as a place, for
/// a method that borrows it itself.
fn strip_borrow(tokens: TokenStream) -> TokenStream {
    let mut rest = tokens.clone().into_iter().peekable();
    match rest.next() {
        Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '&' => {
            if matches!(rest.peek(), Some(proc_macro2::TokenTree::Ident(i)) if i == "mut") {
                rest.next();
            }
            let place: TokenStream = rest.collect();
            match place.clone().into_iter().next() {
                Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '*' => quote!((#place)),
                _ => place,
            }
        }
        _ => tokens,
    }
}

/// `@call(modifier, f, .{ args })` as the plain call `f(args)`: the
/// modifiers (`.always_inline`, `.never_tail`, ...) are code-generation
/// hints that do not change what the call computes.
pub(super) fn plain_call_of(name: &str, args: &[Expr], span: Span) -> Option<Expr> {
    let ("call", [_modifier, callee, tuple]) = (name, args) else {
        return None;
    };
    let ExprKind::ListInit { ty: None, elems } = &tuple.kind else {
        return None;
    };
    Some(Expr {
        span,
        kind: ExprKind::Call {
            callee: Box::new(callee.clone()),
            args: elems.clone(),
        },
    })
}
