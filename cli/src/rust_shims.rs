//! Rust `extern "C"` twins of the oracle's Zig shims: the same symbols
//! and wire format, calling the port, so the harness drives both sides
//! alike. Written into the port as `src/zigport_shims.rs` by `verify`.

use std::fmt::Write as _;

use zigport_oracle::abi::AbiType;
use zigport_translator::rules::names::{camel_case, ident, snake_case};

/// One function to expose: `zigport_<symbol>` calls `crate::<module>::<rust_path>`.
pub struct RustShim<'a> {
    pub symbol: &'a str,
    pub module: &'a str,
    pub rust_path: &'a str,
    pub params: &'a [AbiType],
    pub ret: &'a AbiType,
}

/// The whole shim module.
pub fn generate(shims: &[RustShim]) -> String {
    let mut out = String::from(RUST_SHIM_PRELUDE);
    for s in shims {
        out.push_str(&shim(s));
    }
    out
}

fn shim(s: &RustShim) -> String {
    // Values passed by reference or written back are bound first.
    let mut bindings = String::new();
    let mut args = Vec::new();
    for (i, t) in s.params.iter().enumerate() {
        match t {
            AbiType::Allocator => {}
            AbiType::MutBytes => {
                let _ = writeln!(bindings, "    let mut a{i} = r.bytes().to_vec();");
                args.push(format!("&mut a{i}"));
            }
            // The parameter's element type (`usize`, `u21` in a `u32`...)
            // is inferred through the call.
            AbiType::IntSlice { mutable, .. } => {
                let _ = writeln!(
                    bindings,
                    "    let mut a{i}: Vec<_> = r.ints().into_iter().map(|v| v as _).collect();"
                );
                args.push(format!("&{}a{i}", if *mutable { "mut " } else { "" }));
            }
            AbiType::Ref { mutable, inner } => {
                let _ = writeln!(bindings, "    let mut a{i} = {};", decode(inner, s.module));
                args.push(format!("&{}a{i}", if *mutable { "mut " } else { "" }));
            }
            other => args.push(decode(other, s.module)),
        }
    }
    let written: Vec<(usize, AbiType)> = (s.params.iter().enumerate())
        .filter_map(|(i, p)| Some((i, p.written_back()?)))
        .collect();
    let mut encode = String::new();
    if !written.is_empty() {
        let _ = writeln!(encode, "    w.tuple({});", written.len() + 1);
    }
    encode.push_str(&encode_rust(s.ret, "result", 1));
    for (i, ty) in &written {
        encode.push_str(&encode_rust(ty, &format!("a{i}"), 1));
    }
    format!(
        "#[unsafe(no_mangle)]\npub extern \"C\" fn zigport_{sym}(i: *const u8, il: usize, o: *mut u8, oc: usize, ol: *mut usize) -> i32 {{\n    \
         // SAFETY: the harness passes buffers valid for the given lengths.\n    \
         let (input, out) = unsafe {{ (std::slice::from_raw_parts(i, il), std::slice::from_raw_parts_mut(o, oc)) }};\n    \
         let mut r = Reader {{ buf: input, pos: 0 }};\n    let mut w = Writer {{ buf: out, len: 0, overflow: false }};\n\
         {bindings}    let result = crate::{module}::{path}({args});\n{encode}    \
         // SAFETY: `ol` is the harness's valid out-length pointer.\n    unsafe {{ w.finish(ol) }}\n}}\n\n",
        sym = s.symbol,
        module = s.module,
        path = s
            .rust_path
            .split("::")
            .map(|segment| ident(segment).to_string())
            .collect::<Vec<_>>()
            .join("::"),
        args = args.join(", "),
    )
}

/// A Rust expression reading a value of `ty` from the reader `r`.
fn decode(ty: &AbiType, module: &str) -> String {
    match ty {
        AbiType::Bool => "r.boolean()".into(),
        // The parameter's own type (`usize`, `u21` in a `u32`...) decides.
        AbiType::Int { .. } => "r.int() as _".into(),
        AbiType::Float { .. } => "r.float() as _".into(),
        AbiType::Record { rust, fields, .. } => {
            let fields: Vec<String> = fields
                .iter()
                .map(|(name, t)| format!("{}: {}", ident(&snake_case(name)), decode(t, module)))
                .collect();
            format!(
                "{{ r.take(5); crate::{module}::{rust} {{ {} }} }}",
                fields.join(", ")
            )
        }
        AbiType::Optional { inner } => {
            format!(
                "(if r.null() {{ None }} else {{ Some({}) }})",
                decode(inner, module)
            )
        }
        // By declaration index, as the Zig shim decodes it.
        AbiType::Enum { rust, tags, .. } => {
            let variants: Vec<String> = tags
                .iter()
                .map(|t| format!("crate::{module}::{rust}::{}", ident(&camel_case(t))))
                .collect();
            format!("[{}][r.int() as usize]", variants.join(", "))
        }
        _ => "r.bytes()".into(),
    }
}

/// Rust statements writing `expr` (of type `ty`) with the writer `w`.
fn encode_rust(ty: &AbiType, expr: &str, depth: usize) -> String {
    let pad = "    ".repeat(depth);
    match ty {
        AbiType::Void => format!("{pad}let _ = {expr};\n{pad}w.tag(0);\n"),
        AbiType::Bool => format!("{pad}w.boolean({expr});\n"),
        AbiType::Int { signed: true, .. } => format!("{pad}w.int({expr} as i128);\n"),
        AbiType::Int { signed: false, .. } => format!("{pad}w.uint({expr} as u128);\n"),
        AbiType::Float { .. } => format!("{pad}w.float({expr} as f64);\n"),
        AbiType::Bytes | AbiType::MutBytes => format!("{pad}w.bytes(&{expr}[..]);\n"),
        AbiType::EnumName | AbiType::Enum { .. } => {
            format!("{pad}w.bytes({expr}.zig_tag_name().as_bytes());\n")
        }
        AbiType::IntSlice { signed, .. } => {
            let put = if *signed {
                "w.int(*v as i128)"
            } else {
                "w.uint(*v as u128)"
            };
            format!(
                "{pad}w.tuple({expr}.len() as u32);\n{pad}for v in {expr}.iter() {{ {put}; }}\n"
            )
        }
        AbiType::Struct { fields } | AbiType::Record { fields, .. } => {
            let mut out = format!("{pad}w.tuple({});\n", fields.len());
            for (name, ty) in fields {
                out.push_str(&encode_rust(
                    ty,
                    &format!("{expr}.{}", ident(&snake_case(name))),
                    depth,
                ));
            }
            out
        }
        AbiType::Optional { inner } => {
            let v = format!("v{depth}");
            format!(
                "{pad}match {expr} {{\n{pad}    Some({v}) => {{\n{}{pad}    }}\n{pad}    None => w.tag(5),\n{pad}}}\n",
                encode_rust(inner, &v, depth + 2)
            )
        }
        AbiType::ErrorUnion { payload } => {
            let v = format!("v{depth}");
            format!(
                "{pad}match {expr} {{\n{pad}    Ok({v}) => {{\n{}{pad}    }}\n{pad}    Err(e) => w.err(e.name()),\n{pad}}}\n",
                encode_rust(payload, &v, depth + 2)
            )
        }
        AbiType::Ref { inner, .. } => encode_rust(inner, expr, depth),
        AbiType::Allocator => format!("{pad}unreachable!();\n"),
    }
}

const RUST_SHIM_PRELUDE: &str = r#"//! Generated by `zigport verify`: C-ABI entry points with the oracle's wire
//! format, so the harness drives this port exactly like the Zig original.
#![allow(clippy::all, unused)]

/// Zig's tag names for std types the port maps to Rust ones; enums the
/// port declares have an inherent `zig_tag_name`.
trait ZigTagName {
    fn zig_tag_name(&self) -> &'static str;
}

impl ZigTagName for core::cmp::Ordering {
    fn zig_tag_name(&self) -> &'static str {
        match self {
            core::cmp::Ordering::Less => "lt",
            core::cmp::Ordering::Equal => "eq",
            core::cmp::Ordering::Greater => "gt",
        }
    }
}

static PANIC_FD: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(-1);

/// Like the Zig shim's panic handler: report the message as a `0xFF`
/// frame on the harness's pipe, then exit (a panic must not unwind out of
/// an `extern "C"` function).
#[unsafe(no_mangle)]
pub extern "C" fn zigport_set_panic_fd(fd: i32) {
    use std::io::Write;
    use std::os::fd::FromRawFd;
    PANIC_FD.store(fd, std::sync::atomic::Ordering::SeqCst);
    std::panic::set_hook(Box::new(|info| {
        let fd = PANIC_FD.load(std::sync::atomic::Ordering::SeqCst);
        if fd >= 0 {
            let msg = info.payload().downcast_ref::<String>().cloned()
                .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panic".into());
            let mut frame = vec![0xFF];
            frame.extend((msg.len() as u32).to_le_bytes());
            frame.extend(msg.as_bytes());
            // SAFETY: the harness's pipe stays open for the child's life;
            // ManuallyDrop keeps it open after this write.
            let mut pipe = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
            let _ = pipe.write_all(&frame);
        }
        std::process::exit(134);
    }));
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> &'a [u8] {
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        s
    }
    fn boolean(&mut self) -> bool {
        self.take(1);
        self.take(1)[0] != 0
    }
    fn int(&mut self) -> i128 {
        let tag = self.take(1)[0];
        let raw: [u8; 16] = self.take(16).try_into().unwrap_or([0; 16]);
        if tag == 3 { u128::from_le_bytes(raw) as i128 } else { i128::from_le_bytes(raw) }
    }
    fn float(&mut self) -> f64 {
        self.take(1);
        f64::from_bits(u64::from_le_bytes(self.take(8).try_into().unwrap_or([0; 8])))
    }
    fn bytes(&mut self) -> &'a [u8] {
        self.take(1);
        let n = u32::from_le_bytes(self.take(4).try_into().unwrap_or([0; 4])) as usize;
        self.take(n)
    }
    /// Whether an optional is null (then consumed).
    fn null(&mut self) -> bool {
        let null = self.buf.get(self.pos) == Some(&5);
        self.pos += usize::from(null);
        null
    }
    /// A tuple of integers (each as its wire bits; the caller narrows).
    fn ints(&mut self) -> Vec<i128> {
        self.take(1);
        let n = u32::from_le_bytes(self.take(4).try_into().unwrap_or([0; 4]));
        (0..n).map(|_| self.int()).collect()
    }
}

/// Writes straight into the harness's buffer, as the Zig shim does, so
/// benchmarks compare like with like.
struct Writer<'a> {
    buf: &'a mut [u8],
    len: usize,
    overflow: bool,
}

impl Writer<'_> {
    fn put(&mut self, data: &[u8]) {
        if self.overflow || self.len + data.len() > self.buf.len() {
            self.overflow = true;
            return;
        }
        self.buf[self.len..self.len + data.len()].copy_from_slice(data);
        self.len += data.len();
    }
    fn tag(&mut self, t: u8) {
        self.put(&[t]);
    }
    fn boolean(&mut self, v: bool) {
        self.put(&[1, v as u8]);
    }
    fn int(&mut self, v: i128) {
        self.tag(2);
        self.put(&v.to_le_bytes());
    }
    fn uint(&mut self, v: u128) {
        self.tag(3);
        self.put(&v.to_le_bytes());
    }
    fn tuple(&mut self, count: u32) {
        self.tag(7);
        self.put(&count.to_le_bytes());
    }
    fn float(&mut self, v: f64) {
        self.tag(8);
        self.put(&v.to_bits().to_le_bytes());
    }
    fn prefixed(&mut self, t: u8, d: &[u8]) {
        self.tag(t);
        self.put(&(d.len() as u32).to_le_bytes());
        self.put(d);
    }
    fn bytes(&mut self, d: &[u8]) {
        self.prefixed(4, d);
    }
    fn err(&mut self, name: &str) {
        self.prefixed(6, name.as_bytes());
    }
    /// # Safety
    /// `out_len` must be valid for a write.
    unsafe fn finish(self, out_len: *mut usize) -> i32 {
        // SAFETY: per the function contract.
        unsafe { *out_len = self.len };
        i32::from(self.overflow)
    }
}

"#;
