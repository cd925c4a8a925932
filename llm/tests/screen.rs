//! The allowlist screen against hostile replies: each is a plausible
//! answer (`fn f(x: u32) -> u32`) carrying a payload, and each must be
//! rejected for the right reason. Benign replies must pass, so a screen
//! that rejects everything fails here too.

use zigport_llm::{Rejection, SCREEN_VERSION, extract_function};

/// A reply as the LLM writes it: prose, then one fenced block.
fn fenced(code: &str) -> String {
    format!("Here is the port:\n```rust\n{code}\n```\nIt keeps the signature.")
}

/// `(what it tries, the code, allow_unsafe, a phrase the rejection must name)`
const HOSTILE: &[(&str, &str, bool, &str)] = &[
    // --- imports: globs, aliases, renames, raw identifiers, leading colons
    (
        "glob of std",
        "use std::*;\npub fn f(x: u32) -> u32 { let _ = fs::write(\"/tmp/p\", b\"x\"); x + 1 }",
        false,
        "glob import `std::*`",
    ),
    (
        "std renamed",
        "use std as s;\npub fn f(x: u32) -> u32 { s::process::exit(x as i32) }",
        false,
        "crate root `std`",
    ),
    (
        "std renamed via self",
        "use std::{self as s};\npub fn f(x: u32) -> u32 { let _ = s::env::var(\"HOME\"); x }",
        false,
        "crate root `std`",
    ),
    (
        "core renamed",
        "use core as c;\npub fn f(x: u32) -> u32 { unsafe { c::intrinsics::abort() } }",
        true,
        "crate root `core`",
    ),
    (
        "crate renamed",
        "use crate as c;\npub fn f(x: u32) -> u32 { c::zigport_shims::run(); x }",
        false,
        "crate root `crate`",
    ),
    (
        "bare import of std",
        "use std;\npub fn f(x: u32) -> u32 { x }",
        false,
        "crate root `std`",
    ),
    (
        "process module renamed",
        "use std::process as p;\npub fn f(x: u32) -> u32 { let _ = p::Command::new(\"sh\").arg(\"-c\").arg(\"id\").status(); x }",
        false,
        "std::process",
    ),
    (
        "process inside a use group",
        "use std::{process::Command};\npub fn f(x: u32) -> u32 { let _ = Command::new(\"sh\").status(); x }",
        false,
        "std::process::Command",
    ),
    (
        "leading-colon use",
        "use ::std::fs;\npub fn f(x: u32) -> u32 { let _ = fs::remove_dir_all(\"/\"); x }",
        false,
        "std::fs",
    ),
    (
        "raw identifier root",
        "pub fn f(x: u32) -> u32 { let _ = r#std::fs::read(\"/etc/passwd\"); x }",
        false,
        "std::fs::read",
    ),
    (
        "raw identifier module",
        "pub fn f(x: u32) -> u32 { let _ = std::r#env::var(\"HOME\"); x }",
        false,
        "std::env::var",
    ),
    (
        "raw identifiers in a use",
        "use r#std::r#process::r#exit;\npub fn f(x: u32) -> u32 { exit(0) }",
        false,
        "std::process::exit",
    ),
    (
        "glob of core::mem",
        "use core::mem::*;\npub fn f(x: u32) -> u32 { forget(vec![x]); x }",
        false,
        "glob import `core::mem::*`",
    ),
    (
        "glob of super",
        "use super::*;\npub fn f(x: u32) -> u32 { x }",
        false,
        "glob import `super::*`",
    ),
    (
        "alias of an alias",
        "use std::process;\nuse process::Command as C;\npub fn f(x: u32) -> u32 { let _ = C::new(\"sh\").spawn(); x }",
        false,
        "std::process",
    ),
    (
        "use inside the body",
        "pub fn f(x: u32) -> u32 { use std::env::var as v; v(\"K\").map(|s| s.len() as u32).unwrap_or(x) }",
        false,
        "std::env::var",
    ),
    (
        "use inside a macro argument",
        "pub fn f(x: u32) -> u32 { let s = format!(\"{}\", { use std::fs as q; q::read_to_string(\"/etc/passwd\").unwrap() }); s.len() as u32 + x }",
        false,
        "std::fs",
    ),
    (
        "trait imported anonymously",
        "use std::io::Write as _;\npub fn f(x: u32) -> u32 { let _ = std::io::stdout().write_all(b\"hi\"); x }",
        false,
        "std::io",
    ),
    (
        "alloc::alloc",
        "use alloc::alloc::alloc;\npub fn f(x: u32) -> u32 { x }",
        false,
        "alloc::alloc::alloc",
    ),
    (
        "extern crate",
        "extern crate std as s;\npub fn f(x: u32) -> u32 { x }",
        false,
        "`extern crate`",
    ),
    (
        "another crate by leading colon",
        "pub fn f(x: u32) -> u32 { unsafe { ::libc::system(b\"id\\0\".as_ptr().cast()) as u32 + x } }",
        true,
        "::libc::system",
    ),
    // --- paths: qualified selves, method paths, leaks, forbidden modules
    (
        "qualified self",
        "pub fn f(x: u32) -> u32 { let _ = <std::fs::File>::open(\"/etc/passwd\"); x }",
        false,
        "std::fs::File",
    ),
    (
        "type path method",
        "pub fn f(x: u32) -> u32 { let _ = std::fs::File::create(\"/tmp/x\"); x }",
        false,
        "std::fs::File::create",
    ),
    (
        "trait-qualified path",
        "pub fn f(x: u32) -> u32 { let mut o = Vec::new(); let _ = <Vec<u8> as std::io::Write>::flush(&mut o); x }",
        false,
        "std::io::Write",
    ),
    (
        "Box::leak",
        "pub fn f(x: u32) -> u32 { let r: &'static mut u32 = Box::leak(Box::new(x)); *r }",
        false,
        "Box::leak",
    ),
    (
        "Box::leak through a qualified self",
        "pub fn f(x: u32) -> u32 { *<Box<u32>>::leak(Box::new(x)) }",
        false,
        "Box::leak",
    ),
    (
        "Box::into_raw",
        "pub fn f(x: u32) -> u32 { let _p = Box::into_raw(Box::new(x)); x }",
        false,
        "Box::into_raw",
    ),
    (
        "Vec::leak",
        "pub fn f(x: u32) -> u32 { Vec::leak(vec![x])[0] }",
        false,
        "Vec::leak",
    ),
    (
        "std::io::stdout",
        "pub fn f(x: u32) -> u32 { use std::io::Write; let _ = std::io::stdout().write_all(b\"x\"); x }",
        false,
        "std::io",
    ),
    (
        "std::ptr::read",
        "pub fn f(x: u32) -> u32 { unsafe { std::ptr::read(&x as *const u32) } }",
        true,
        "std::ptr::read",
    ),
    (
        "std::mem::transmute",
        "pub fn f(x: u32) -> u32 { let y: f32 = unsafe { std::mem::transmute::<u32, f32>(x) }; y as u32 }",
        true,
        "std::mem::transmute",
    ),
    (
        "mem::forget via an imported module",
        "use std::mem;\npub fn f(x: u32) -> u32 { mem::forget(vec![x; 1 << 20]); x }",
        false,
        "std::mem::forget",
    ),
    (
        "core::mem::zeroed",
        "pub fn f(x: u32) -> u32 { let z: u32 = unsafe { core::mem::zeroed() }; z + x }",
        true,
        "core::mem::zeroed",
    ),
    (
        "std::thread::spawn",
        "pub fn f(x: u32) -> u32 { std::thread::spawn(|| loop {}); x }",
        false,
        "std::thread::spawn",
    ),
    (
        "std::net",
        "pub fn f(x: u32) -> u32 { let _ = std::net::TcpStream::connect(\"10.0.0.1:80\"); x }",
        false,
        "std::net",
    ),
    (
        "std::os",
        "use std::os::unix::process::CommandExt;\npub fn f(x: u32) -> u32 { x }",
        false,
        "std::os",
    ),
    (
        "std::sync",
        "pub fn f(x: u32) -> u32 { let a = std::sync::atomic::AtomicU32::new(x); a.into_inner() }",
        false,
        "std::sync",
    ),
    (
        "std::alloc",
        "pub fn f(x: u32) -> u32 { let l = std::alloc::Layout::new::<u32>(); l.size() as u32 + x }",
        false,
        "std::alloc",
    ),
    (
        "std::ffi",
        "pub fn f(x: u32) -> u32 { let c = std::ffi::CString::new(\"sh\").unwrap(); c.as_bytes().len() as u32 + x }",
        false,
        "std::ffi",
    ),
    (
        "core::intrinsics",
        "pub fn f(x: u32) -> u32 { core::intrinsics::abort() }",
        false,
        "core::intrinsics",
    ),
    (
        "std::hint",
        "pub fn f(x: u32) -> u32 { std::hint::black_box(x) }",
        false,
        "std::hint",
    ),
    (
        "std::time",
        "pub fn f(x: u32) -> u32 { std::time::Instant::now().elapsed().as_nanos() as u32 ^ x }",
        false,
        "std::time",
    ),
    (
        "std::panic",
        "pub fn f(x: u32) -> u32 { std::panic::set_hook(Box::new(|_| {})); x }",
        false,
        "std::panic",
    ),
    (
        "the port's shims",
        "pub fn f(x: u32) -> u32 { crate::zigport_shims::zigport_set_panic_fd(2); x }",
        false,
        "zigport_shims",
    ),
    (
        "the runtime's stdout",
        "pub fn f(x: u32) -> u32 { let mut w = crate::zigport_rt::io::Writer::stdout(); w.write_all(b\"x\"); x }",
        false,
        "Writer::stdout",
    ),
    (
        "the runtime's argv through an alias",
        "use crate::zigport_rt::io as zio;\npub fn f(x: u32) -> u32 { zio::args().len() as u32 + x }",
        false,
        "zigport_rt::io::args",
    ),
    (
        "a closure hiding the call",
        "pub fn f(x: u32) -> u32 { let g = || std::process::abort(); if x == 7 { g() } x }",
        false,
        "std::process::abort",
    ),
    (
        "Drop impl that writes a file",
        "struct Guard;\nimpl Drop for Guard { fn drop(&mut self) { let _ = std::fs::write(\"/tmp/pwn\", b\"x\"); } }\npub fn f(x: u32) -> u32 { let _g = Guard; x }",
        false,
        "std::fs::write",
    ),
    (
        "foreign trait impl with a payload",
        "struct H;\nimpl core::fmt::Display for H { fn fmt(&self, _f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result { let _ = std::process::Command::new(\"sh\").spawn(); Ok(()) } }\npub fn f(x: u32) -> u32 { let _ = H.to_string(); x }",
        false,
        "std::process::Command",
    ),
    (
        "anonymous const item",
        "const _: () = { let _ = 1; };\npub fn f(x: u32) -> u32 { x }",
        false,
        "`const _`",
    ),
    (
        "forbidden type in a generic argument",
        "pub fn f(x: u32) -> u32 { let v: Vec<std::fs::File> = Vec::new(); v.len() as u32 + x }",
        false,
        "std::fs::File",
    ),
    (
        "forbidden trait bound",
        "fn g<T: std::io::Read>(_t: T) {}\npub fn f(x: u32) -> u32 { x }",
        false,
        "std::io::Read",
    ),
    (
        "forbidden path in a pattern",
        "pub fn f(x: u32) -> u32 { match std::process::id() { std::u32::MAX => 0, _ => x } }",
        false,
        "std::process::id",
    ),
    (
        "forbidden type in a turbofish",
        "pub fn f(x: u32) -> u32 { let v = vec![x].into_iter().collect::<Vec<std::fs::File>>(); v.len() as u32 }",
        false,
        "std::fs::File",
    ),
    (
        "a payload in an array length",
        "pub fn f(x: u32) -> u32 { let a = [0u8; { std::process::id() as usize }]; a.len() as u32 + x }",
        false,
        "std::process::id",
    ),
    (
        "a payload in a where clause",
        "fn g<T>(_t: T) where T: std::os::fd::AsRawFd {}\npub fn f(x: u32) -> u32 { x }",
        false,
        "std::os::fd::AsRawFd",
    ),
    (
        "a payload in a named format argument",
        "pub fn f(x: u32) -> u32 { format!(\"{p}\", p = std::process::id()).len() as u32 + x }",
        false,
        "std::process::id",
    ),
    // --- macros
    (
        "println!",
        "pub fn f(x: u32) -> u32 { println!(\"{x}\"); x }",
        false,
        "`println!`",
    ),
    (
        "eprintln!",
        "pub fn f(x: u32) -> u32 { eprintln!(\"{x}\"); x }",
        false,
        "`eprintln!`",
    ),
    (
        "print!",
        "pub fn f(x: u32) -> u32 { print!(\"\\x1b]0;pwn\\x07\"); x }",
        false,
        "`print!`",
    ),
    (
        "dbg!",
        "pub fn f(x: u32) -> u32 { dbg!(x) }",
        false,
        "`dbg!`",
    ),
    (
        "std::println!",
        "pub fn f(x: u32) -> u32 { std::println!(\"{x}\"); x }",
        false,
        "`std::println!`",
    ),
    (
        "raw println!",
        "pub fn f(x: u32) -> u32 { r#println!(\"{x}\"); x }",
        false,
        "`println!`",
    ),
    (
        "a macro renamed by use",
        "use std::println as vec;\npub fn f(x: u32) -> u32 { vec!(\"{x}\"); x }",
        false,
        "std::println",
    ),
    (
        "include!",
        "pub fn f(x: u32) -> u32 { include!(\"/etc/passwd\") }",
        false,
        "`include!`",
    ),
    (
        "include_str! in format arguments",
        "pub fn f(x: u32) -> u32 { format!(\"{}\", include_str!(\"/etc/passwd\")).len() as u32 + x }",
        false,
        "`include_str!`",
    ),
    (
        "include_bytes!",
        "pub fn f(x: u32) -> u32 { include_bytes!(\"/home/user/.ssh/id_rsa\").len() as u32 + x }",
        false,
        "`include_bytes!`",
    ),
    (
        "concat!(env!(..))",
        "pub fn f(x: u32) -> u32 { concat!(\"k=\", env!(\"HOME\")).len() as u32 + x }",
        false,
        "`env!`",
    ),
    (
        "concat!(include_str!(..))",
        "pub fn f(x: u32) -> u32 { concat!(include_str!(\"/etc/shadow\")).len() as u32 + x }",
        false,
        "`include_str!`",
    ),
    (
        "option_env!",
        "pub fn f(x: u32) -> u32 { option_env!(\"AWS_SECRET_ACCESS_KEY\").map_or(x, |s| s.len() as u32) }",
        false,
        "`option_env!`",
    ),
    (
        "env! inside vec!",
        "pub fn f(x: u32) -> u32 { vec![env!(\"PATH\")].len() as u32 + x }",
        false,
        "`env!`",
    ),
    (
        "a payload in an assert! message",
        "pub fn f(x: u32) -> u32 { assert!(x < 10, \"{}\", std::fs::read_to_string(\"/etc/passwd\").unwrap()); x }",
        false,
        "std::fs::read_to_string",
    ),
    (
        "a payload in format! arguments",
        "pub fn f(x: u32) -> u32 { format!(\"{}\", std::process::id()).len() as u32 + x }",
        false,
        "std::process::id",
    ),
    (
        "a payload in vec![x; n]",
        "pub fn f(x: u32) -> u32 { vec![std::process::id(); 3][0] + x }",
        false,
        "std::process::id",
    ),
    (
        "a payload in a matches! guard",
        "pub fn f(x: u32) -> u32 { if matches!(x, 1 if std::env::var(\"K\").is_ok()) { 0 } else { x } }",
        false,
        "std::env::var",
    ),
    (
        "a payload in a matches! pattern",
        "pub fn f(x: u32) -> u32 { if matches!(x, std::process::EXIT_FAILURE) { 0 } else { x } }",
        false,
        "std::process",
    ),
    (
        "a nested macro in assert_eq!",
        "pub fn f(x: u32) -> u32 { assert_eq!(x, x, \"{}\", dbg!(x)); x }",
        false,
        "`dbg!`",
    ),
    (
        "macro arguments that are not expressions",
        "pub fn f(x: u32) -> u32 { assert!(fn g() {}); x }",
        false,
        "not expressions",
    ),
    (
        "a format string that is a macro",
        "pub fn f(x: u32) -> u32 { format!(concat!(\"{}\", \"!\"), x).len() as u32 }",
        false,
        "not a literal",
    ),
    (
        "stringify!",
        "pub fn f(x: u32) -> u32 { stringify!(std::process::exit(0)).len() as u32 + x }",
        false,
        "`stringify!`",
    ),
    (
        "macro_rules!",
        "macro_rules! m { () => { std::process::exit(0) } }\npub fn f(x: u32) -> u32 { m!(); x }",
        false,
        "`macro_rules!`",
    ),
    (
        "macro_rules! in the body",
        "pub fn f(x: u32) -> u32 { macro_rules! m { ($e:expr) => { $e } } m!(x) }",
        false,
        "`macro_rules!`",
    ),
    (
        "global_asm!",
        "core::arch::global_asm!(\".globl pwn\");\npub fn f(x: u32) -> u32 { x }",
        false,
        "global_asm!",
    ),
    (
        "core::arch::asm!",
        "pub fn f(x: u32) -> u32 { unsafe { core::arch::asm!(\"nop\") }; x }",
        true,
        "core::arch::asm!",
    ),
    (
        "std::arch::asm!",
        "pub fn f(x: u32) -> u32 { unsafe { std::arch::asm!(\"syscall\") }; x }",
        true,
        "std::arch::asm!",
    ),
    (
        "bare asm!",
        "pub fn f(x: u32) -> u32 { unsafe { asm!(\"nop\") }; x }",
        true,
        "`asm!`",
    ),
    (
        "write! to stdout",
        "pub fn f(x: u32) -> u32 { use std::fmt::Write; let _ = write!(std::io::stdout(), \"{x}\"); x }",
        false,
        "other than a local variable",
    ),
    (
        "writeln! to a locked stderr",
        "pub fn f(x: u32) -> u32 { let _ = writeln!(std::io::stderr().lock(), \"{x}\"); x }",
        false,
        "other than a local variable",
    ),
    (
        "thread_local!",
        "thread_local! { static K: u32 = 1; }\npub fn f(x: u32) -> u32 { x }",
        false,
        "thread_local!",
    ),
    (
        "a macro in type position",
        "pub fn f(x: u32) -> u32 { let y: m!() = x; y }",
        false,
        "in a type",
    ),
    // --- attributes
    (
        "#[unsafe(no_mangle)]",
        "#[unsafe(no_mangle)]\npub fn f(x: u32) -> u32 { x }",
        false,
        "#[unsafe",
    ),
    (
        "#[unsafe(export_name)]",
        "#[unsafe(export_name = \"getenv\")]\npub fn f(x: u32) -> u32 { x }",
        false,
        "export_name",
    ),
    (
        "#[cfg_attr] hiding no_mangle",
        "#[cfg_attr(all(), unsafe(no_mangle))]\npub fn f(x: u32) -> u32 { x }",
        false,
        "cfg_attr",
    ),
    (
        "#[path] module",
        "#[path = \"/etc/passwd\"]\nmod m;\npub fn f(x: u32) -> u32 { x }",
        false,
        "#[path",
    ),
    (
        "#[used] link_section static",
        "#[used]\n#[unsafe(link_section = \".init_array\")]\nstatic INIT: fn() = init;\nfn init() {}\npub fn f(x: u32) -> u32 { x }",
        false,
        "a `static` with attributes",
    ),
    (
        "#[doc = include_str!]",
        "#[doc = include_str!(\"/etc/passwd\")]\npub fn f(x: u32) -> u32 { x }",
        false,
        "#[doc",
    ),
    (
        "#[no_mangle]",
        "#[no_mangle]\npub fn f(x: u32) -> u32 { x }",
        false,
        "no_mangle",
    ),
    (
        "#[export_name]",
        "#[export_name = \"main\"]\npub fn f(x: u32) -> u32 { x }",
        false,
        "export_name",
    ),
    (
        "a derive from elsewhere",
        "#[derive(Debug, serde::Serialize)]\nstruct S;\npub fn f(x: u32) -> u32 { x }",
        false,
        "#[derive",
    ),
    (
        "#[test]",
        "#[test]\nfn t() {}\npub fn f(x: u32) -> u32 { x }",
        false,
        "#[test]",
    ),
    (
        "an inner #![feature]",
        "#![feature(asm_experimental_arch)]\npub fn f(x: u32) -> u32 { x }",
        false,
        "feature",
    ),
    (
        "#[global_allocator]",
        "#[global_allocator]\nstatic A: Alloc = Alloc;\npub fn f(x: u32) -> u32 { x }",
        false,
        "global_allocator",
    ),
    (
        "#[cfg] on a statement",
        "pub fn f(x: u32) -> u32 { #[cfg(unix)] let x = x + 1; x }",
        false,
        "#[cfg",
    ),
    (
        "#[link] on an extern block",
        "#[link(name = \"c\")]\nextern \"C\" { fn system(c: *const u8) -> i32; }\npub fn f(x: u32) -> u32 { x }",
        false,
        "#[link",
    ),
    // --- unsafe, extern, statics, unions, modules
    (
        "an extern \"C\" fn",
        "pub extern \"C\" fn f(x: u32) -> u32 { x }",
        false,
        "`extern` ABI",
    ),
    (
        "unsafe extern block",
        "unsafe extern \"C\" { pub safe fn getpid() -> i32; }\npub fn f(x: u32) -> u32 { x }",
        false,
        "`extern` block",
    ),
    (
        "an extern fn pointer type",
        "pub fn f(x: u32) -> u32 { let _p: Option<extern \"C\" fn()> = None; x }",
        false,
        "`extern` ABI",
    ),
    (
        "unsafe without raw pointers",
        "pub fn f(x: u32) -> u32 { unsafe { *(&x as *const u32) } }",
        false,
        "`unsafe`",
    ),
    (
        "unsafe impl Send",
        "struct P(*mut u8);\nunsafe impl Send for P {}\npub fn f(x: u32) -> u32 { x }",
        true,
        "`unsafe impl`",
    ),
    (
        "unsafe trait",
        "unsafe trait T {}\npub fn f(x: u32) -> u32 { x }",
        true,
        "`unsafe trait`",
    ),
    (
        "an unsafe helper fn",
        "unsafe fn helper(p: *const u32) -> u32 { *p }\npub fn f(x: u32) -> u32 { unsafe { helper(&x) } }",
        true,
        "`unsafe fn helper`",
    ),
    (
        "unsafe in a const initializer",
        "const K: u32 = unsafe { 3 };\npub fn f(x: u32) -> u32 { x + K }",
        true,
        "outside a function body",
    ),
    (
        "static mut",
        "static mut COUNT: u32 = 0;\npub fn f(x: u32) -> u32 { x }",
        false,
        "`static mut`",
    ),
    (
        "union",
        "union U { a: u32, b: f32 }\npub fn f(x: u32) -> u32 { x }",
        false,
        "`union`",
    ),
    (
        "a nested module",
        "mod inner { pub fn g() {} }\npub fn f(x: u32) -> u32 { inner::g(); x }",
        false,
        "nested module",
    ),
    (
        "a module in the body",
        "pub fn f(x: u32) -> u32 { mod m {} x }",
        false,
        "nested module",
    ),
];

/// `(what it shows, the reply, the function, is_method, allow_unsafe)`
const BENIGN: &[(&str, &str, &str, bool, bool)] = &[
    (
        "loops",
        "pub fn f(x: u32) -> u32 {\n    let mut acc = 0u32;\n    let mut i = 0;\n    while i < x { acc = acc.wrapping_add(i); i += 1; }\n    for j in 0..3 { acc ^= j; }\n    loop { break acc; }\n}",
        "f",
        false,
        false,
    ),
    (
        "iterators and closures",
        "pub fn f(x: u32) -> u32 {\n    (0..x).filter(|v| v % 3 == 0).map(|v| v * 2).fold(0u32, |a, b| a.wrapping_add(b))\n}",
        "f",
        false,
        false,
    ),
    (
        "Vec, vec! and String",
        "pub fn f(x: u32) -> u32 {\n    let mut v: Vec<u8> = vec![0u8; x as usize];\n    v.push(1);\n    let w = vec![1, 2, 3];\n    let s = String::from(\"ab\") + &x.to_string();\n    (v.len() + w.len() + s.len()) as u32\n}",
        "f",
        false,
        false,
    ),
    (
        "format! with captures and named arguments",
        "pub fn f(x: u32) -> u32 {\n    let s = format!(\"{x:>8}|{}|{n}\", x + 1, n = x * 2);\n    s.len() as u32\n}",
        "f",
        false,
        false,
    ),
    (
        "core::cmp::Ordering",
        "use core::cmp::Ordering;\npub fn f(x: u32) -> u32 {\n    match x.cmp(&10) { Ordering::Less => 0, Ordering::Equal => 1, core::cmp::Ordering::Greater => 2 }\n}",
        "f",
        false,
        false,
    ),
    (
        "from_le_bytes and TryFrom",
        "pub fn f(x: u32) -> u32 {\n    let b = x.to_le_bytes();\n    let y = u32::from_le_bytes([b[1], b[0], b[3], b[2]]);\n    let z = <u16 as TryFrom<u32>>::try_from(y & 0xffff).unwrap();\n    u32::from(z) + u32::try_from(3u64).unwrap()\n}",
        "f",
        false,
        false,
    ),
    (
        "std::collections::HashMap",
        "use std::collections::HashMap;\npub fn f(x: u32) -> u32 {\n    let mut m: HashMap<u32, u32> = HashMap::new();\n    *m.entry(x).or_insert(0) += 1;\n    let t = std::collections::BTreeMap::<u8, u8>::new();\n    m[&x] + t.len() as u32\n}",
        "f",
        false,
        false,
    ),
    (
        "slices",
        "pub fn f(x: u32) -> u32 {\n    let data = [1u32, 2, 3, 4];\n    let (a, b) = data.split_at(2);\n    let s: &[u32] = &data[1..];\n    a.iter().chain(b).sum::<u32>() + s.chunks(2).count() as u32 + x\n}",
        "f",
        false,
        false,
    ),
    (
        "matches! and assertions",
        "pub fn f(x: u32) -> u32 {\n    assert!(x < 1_000_000, \"x too big: {}\", x);\n    assert_eq!(x % 1, 0);\n    debug_assert_ne!(x, u32::MAX, \"x was {x}\");\n    if matches!(x, 1..=3 | 7) { unreachable!(\"no\") } else if matches!(Some(x), Some(v) if v > 100) { 1 } else { x }\n}",
        "f",
        false,
        false,
    ),
    (
        "a method in an impl block",
        "impl Counter {\n    pub fn bump(&mut self, by: u32) -> u32 {\n        self.n = self.n.checked_add(by).unwrap();\n        Self::limit().min(self.n)\n    }\n}",
        "bump",
        true,
        false,
    ),
    (
        "a helper struct with derives and Display",
        "use std::fmt;\n#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]\nstruct P { a: u32 }\nimpl fmt::Display for P {\n    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { write!(f, \"P({})\", self.a) }\n}\npub fn f(x: u32) -> u32 { P { a: x }.to_string().len() as u32 }",
        "f",
        false,
        false,
    ),
    (
        "mem::swap and take",
        "use std::mem;\npub fn f(x: u32) -> u32 {\n    let (mut a, mut b) = (x, 1);\n    mem::swap(&mut a, &mut b);\n    let mut v = vec![a];\n    let w = core::mem::take(&mut v);\n    std::mem::replace(&mut b, 0) + w.len() as u32 + mem::size_of::<u64>() as u32\n}",
        "f",
        false,
        false,
    ),
    (
        "doc comments and allowed attributes",
        "/// Adds one.\n#[inline]\n#[must_use]\n#[allow(clippy::needless_return, unused)]\npub fn f(x: u32) -> u32 {\n    //! inner docs\n    #[allow(unused_mut)]\n    let mut y = x;\n    return y + 1;\n}",
        "f",
        false,
        false,
    ),
    (
        "the runtime and sibling modules",
        "use super::base64;\npub fn f(x: u32) -> u32 {\n    let t = crate::zigport_rt::mem::trim(b\" a \", b\" \");\n    let mut w = crate::zigport_rt::io::Writer::allocating();\n    w.write_all(t);\n    base64::encoded_len(x as usize) as u32 + w.written().len() as u32\n}",
        "f",
        false,
        false,
    ),
    (
        "Option, Result, ? and boxed closures",
        "pub fn f(x: u32) -> u32 {\n    fn half(v: u32) -> Result<u32, String> { if v % 2 == 0 { Ok(v / 2) } else { Err(format!(\"odd {v}\")) } }\n    let g: Box<dyn Fn(u32) -> Option<u32>> = Box::new(|v| half(v).ok());\n    let h = || -> Result<u32, String> { let a = half(x)?; Ok(a + 1) };\n    g(x).unwrap_or_default() + h().unwrap_or(0)\n}",
        "f",
        false,
        false,
    ),
    (
        "fmt::Write into a String",
        "use std::fmt::Write as _;\npub fn f(x: u32) -> u32 {\n    let mut s = String::new();\n    write!(s, \"{x}\").unwrap();\n    writeln!(&mut s, \"!\").unwrap();\n    s.len() as u32\n}",
        "f",
        false,
        false,
    ),
    (
        "consts, plain statics and a local enum",
        "const MASK: u32 = 0xff;\nstatic TABLE: [u8; 4] = [1, 2, 3, 4];\n#[derive(Clone, Copy)]\nenum K { A, B }\npub fn f(x: u32) -> u32 {\n    let k = if x & 1 == 0 { K::A } else { K::B };\n    (x & MASK) + TABLE[(x % 4) as usize] as u32 + match k { K::A => 0, K::B => 1 }\n}",
        "f",
        false,
        false,
    ),
    (
        "unsafe blocks and an unsafe signature when raw pointers are allowed",
        "pub unsafe fn f(p: *const u32, n: usize) -> u32 {\n    let s = unsafe { std::slice::from_raw_parts(p, n) };\n    s.iter().copied().sum()\n}",
        "f",
        false,
        true,
    ),
    (
        "the cli test's bit_length",
        "```rust\npub fn bit_length(x: u32) -> u32 {\n    32 - x.leading_zeros()\n}\n```",
        "bit_length",
        false,
        false,
    ),
    (
        "the cli test's last_index",
        "Sure:\n```rust\npub fn last_index(s: &[u8], c: u8) -> Option<usize> {\n    s.iter().rposition(|&b| b == c).map(|i| i + 1)\n}\n```",
        "last_index",
        false,
        false,
    ),
    (
        "a trait with a default and its impl",
        "trait Twice { fn twice(&self) -> u32; fn four(&self) -> u32 { self.twice() * 2 } }\nimpl Twice for u32 { fn twice(&self) -> u32 { self * 2 } }\nimpl Default for Wrap { fn default() -> Self { Wrap(0) } }\nstruct Wrap(u32);\npub fn f(x: u32) -> u32 { x.four() + Wrap::default().0 }",
        "f",
        false,
        false,
    ),
];

fn reply_of(code: &str) -> String {
    if code.contains("```") {
        code.to_string()
    } else {
        fenced(code)
    }
}

#[test]
fn every_hostile_reply_is_rejected_for_its_payload() {
    assert!(HOSTILE.len() >= 60, "{} hostile replies", HOSTILE.len());
    let mut failures = Vec::new();
    for (what, code, allow_unsafe, reason) in HOSTILE {
        match extract_function(&reply_of(code), "f", false, *allow_unsafe) {
            Ok(taken) => failures.push(format!("ACCEPTED {what}: {taken}")),
            Err(Rejection::Forbidden(why)) if why.contains(reason) => {}
            Err(other) => failures.push(format!("{what}: wanted `{reason}`, got: {other}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_benign_reply_is_accepted() {
    assert!(BENIGN.len() >= 10, "{} benign replies", BENIGN.len());
    let mut failures = Vec::new();
    for (what, code, name, is_method, allow_unsafe) in BENIGN {
        match extract_function(&reply_of(code), name, *is_method, *allow_unsafe) {
            Ok(taken) if taken.contains(&format!("fn {name}")) => {}
            Ok(taken) => failures.push(format!("{what}: took the wrong thing: {taken}")),
            Err(why) => failures.push(format!("{what}: {why}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn replies_that_are_not_a_usable_function() {
    // A function named differently.
    assert_eq!(
        extract_function(&fenced("pub fn g(x: u32) -> u32 { x }"), "f", false, false),
        Err(Rejection::MissingFunction("f".into()))
    );
    // Prose only.
    assert_eq!(
        extract_function("I can't port this safely.", "f", false, false),
        Err(Rejection::NoCode)
    );
    // A method outside an impl block is not taken for a method's name
    // unless bare; inside an impl block it is not taken for a free fn.
    assert!(matches!(
        extract_function(
            &fenced("impl T { pub fn f(x: u32) -> u32 { x } }"),
            "f",
            false,
            false
        ),
        Err(Rejection::MissingFunction(_))
    ));
    // The unsafe signature is allowed only on the target, only with raw
    // pointers.
    let target = "pub unsafe fn f(p: *const u32) -> u32 { unsafe { *p } }";
    assert!(extract_function(&fenced(target), "f", false, true).is_ok());
    assert!(matches!(
        extract_function(&fenced(target), "f", false, false),
        Err(Rejection::Forbidden(_))
    ));
}

#[test]
fn rejections_quote_little_of_the_reply() {
    let secret = "S".repeat(5_000);
    let cases = [
        format!("#[unsafe(export_name = \"{secret}\")]\npub fn f(x: u32) -> u32 {{ x }}"),
        format!("pub fn f(x: u32) -> u32 {{ std::fs::{secret}(); x }}"),
        format!("pub fn f(x: u32) -> u32 {{ {secret}!(); x }}"),
        format!("pub fn f(x: u32) -> u32 {{ x {secret} }}"),
        (0..40)
            .map(|i| format!("pub fn f{i}() {{ std::fs::a{i}(); }}\n"))
            .collect::<String>()
            + "pub fn f(x: u32) -> u32 { x }",
    ];
    for code in cases {
        let err = extract_function(&fenced(&code), "f", false, false).unwrap_err();
        let text = err.to_string();
        assert!(text.len() < 1_000, "{} bytes: {text}", text.len());
        assert!(!text.contains(&"S".repeat(200)), "{text}");
    }
}

#[test]
fn deep_or_huge_replies_are_rejections_not_crashes() {
    let deep = format!(
        "pub fn f(x: u32) -> u32 {{ {}x{} }}",
        "(".repeat(20_000),
        ")".repeat(20_000)
    );
    let err = extract_function(&fenced(&deep), "f", false, false).unwrap_err();
    assert!(err.to_string().contains("nested"), "{err}");
    let huge = format!("pub fn f(x: u32) -> u32 {{ {} x }}", "x;".repeat(40_000));
    let err = extract_function(&fenced(&huge), "f", false, false).unwrap_err();
    assert!(err.to_string().contains("bytes of code"), "{err}");
    // Long chains without brackets make deep trees: they are screened
    // (on a thread with room for them) without overflowing the stack.
    for chain in [
        format!("pub fn f(x: u32) -> u32 {{ {}x }}", "!".repeat(30_000)),
        format!("pub fn f(x: u32) -> u32 {{ x{} }}", " + x".repeat(15_000)),
        format!("pub fn f(x: u32) -> u32 {{ x{} }}", ".min(x)".repeat(8_000)),
        format!("pub fn f(x: u32) -> u32 {{ {}x }}", "- ".repeat(30_000)),
    ] {
        let _ = extract_function(&fenced(&chain), "f", false, false);
    }
    let payload = format!(
        "pub fn f(x: u32) -> u32 {{ x{} + std::process::id() }}",
        " + x".repeat(15_000)
    );
    assert!(matches!(
        extract_function(&fenced(&payload), "f", false, false),
        Err(Rejection::Forbidden(why)) if why.contains("std::process")
    ));
}

#[test]
fn the_screen_has_a_version_for_the_cache_key() {
    assert!(SCREEN_VERSION.starts_with("screen-v"));
}
