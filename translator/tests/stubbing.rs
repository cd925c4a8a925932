//! What rustc rejects is stubbed so the rest of the crate still builds:
//! function bodies and whole functions whose signature names a type that
//! did not translate. Those stay `error`; a constant computed by one is a
//! `LazyLock` whose readers are blocked by it. Every item kind is reached
//! (`const fn`, trait and generic impls, constants and statics, nested
//! modules), and each test checks that the crate then builds.

use zigport_translator::translate::{
    FnStatus, SourceUnit, TranslateReport, stub_crate, translate_units,
};

const ZIG: &str = r#"
const Opaque = opaque {};

/// Names a type that does not translate: its signature cannot compile.
fn useOpaque(o: *Opaque) u8 {
    _ = o;
    return 1;
}

fn make(a: u8) Pair {
    return .{ .a = a, .b = useOpaque(undefined) };
}

const Pair = struct { a: u8, b: u8 };

const table = [_]Pair{ make(1), make(2) };

pub fn fine(x: u8) u8 {
    return x +% 1;
}

pub fn firstA() u8 {
    return table[0].a;
}
"#;

/// Translates `source` as `m.zig` into crate `name`, checked by clippy:
/// the report, the crate directory, and the temporary dir holding both.
fn translate_one(
    source: &str,
    name: &str,
) -> (TranslateReport, std::path::PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let zig = dir.path().join("m.zig");
    std::fs::write(&zig, source).unwrap();
    let out = dir.path().join("out");
    let report = translate_units(
        &[SourceUnit {
            path: zig,
            display: "m.zig".into(),
        }],
        &out,
        name,
        &Default::default(),
        true,
        false,
        &|_| {},
    )
    .unwrap();
    assert!(report.checked);
    (report, out, dir)
}

#[test]
fn a_crate_builds_around_what_did_not_translate() {
    let (report, out, _dir) = translate_one(ZIG, "stubbed");
    let status = |name: &str| {
        report.files[0]
            .functions
            .iter()
            .find(|f| f.zig_name == name)
            .map(|f| f.status)
            .unwrap()
    };
    assert_eq!(status("fine"), FnStatus::Clean, "{report:#?}");
    // Signature stub and body stub.
    for name in ["useOpaque", "make"] {
        assert_eq!(status(name), FnStatus::Error, "{name}: {report:#?}");
    }
    // The constant is a `LazyLock` (Zig ran `make` at comptime); a reader
    // of it runs `make`, a stub: not clean, blocked by it.
    assert_eq!(status("firstA"), FnStatus::Todo, "{report:#?}");
    let first_a = report.files[0]
        .functions
        .iter()
        .find(|f| f.zig_name == "firstA")
        .unwrap();
    assert_eq!(first_a.blocked_by, ["make", "make"], "{report:#?}");
    let text = std::fs::read_to_string(out.join("src/m.rs")).unwrap();
    assert!(text.contains("fn use_opaque() -> !"), "{text}");
    assert!(text.contains("static TABLE: std::sync::LazyLock"), "{text}");
    // The crate builds: `cargo build` succeeds on what was written.
    assert_builds(&out);
}

/// A failing `use` (an import of a module not in the crate) is commented
/// out with its attributes; the item after it survives (its attribute
/// once attached itself to the next item, which then went too).
#[test]
fn a_failing_import_takes_only_itself() {
    let (report, out, _dir) = translate_one(
        r#"
pub const Outer = struct {
    const Pair = struct { first: u64, second: u64 };

    pub fn sum(a: u64, b: u64) u64 {
        const p = Pair{ .first = a, .second = b };
        return p.first +% p.second;
    }
};

const missing = @import("missing.zig");

test "uses the missing module" {
    try missing.check(Outer.sum);
}
"#,
        "failing_import",
    );
    let sum = report.files[0]
        .functions
        .iter()
        .find(|f| f.zig_name == "sum")
        .unwrap();
    assert_eq!(sum.status, FnStatus::Clean, "{report:#?}");
    let text = std::fs::read_to_string(out.join("src/m.rs")).unwrap();
    assert!(
        text.contains("\npub struct OuterPair") || text.contains("\nstruct OuterPair"),
        "{text}"
    );
}

/// Writes `modules` (name, Rust) as a crate and runs the stub rounds on
/// it, as `translate` does on what the rules emit; asserts that the crate
/// then builds (`cargo build` and `cargo clippy --all-targets`) and
/// returns the modules as stubbed.
fn stub_and_build(
    name: &str,
    modules: &[(&str, &str)],
) -> std::collections::BTreeMap<String, String> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(name);
    let modules = modules
        .iter()
        .map(|(m, t)| (m.to_string(), t.to_string()))
        .collect();
    let stubbed = stub_crate(&out, name, &modules)
        .unwrap()
        .expect("cargo runs");
    let texts = stubbed.modules;
    assert!(
        stubbed.build_errors.is_empty(),
        "{:#?}\n{texts:#?}",
        stubbed.build_errors
    );
    for args in [&["build", "--quiet"][..], &["test", "--quiet", "--no-run"]] {
        let build = std::process::Command::new(std::env::var("CARGO").unwrap_or("cargo".into()))
            .args(args)
            .current_dir(&out)
            .output()
            .unwrap();
        assert!(
            build.status.success(),
            "cargo {args:?}:\n{}\n{texts:#?}",
            String::from_utf8_lossy(&build.stderr),
        );
    }
    texts
}

/// The bug a public library hit: a `const fn` whose body failed got a
/// `todo!` body, which a `const fn` cannot hold (`cannot call non-const
/// formatting macro in constant functions`), so the crate never built.
/// The stub drops `const`; the constant, static and array length that
/// called it in const context are commented out in turn, and their
/// readers stubbed.
#[test]
fn a_failing_const_fn_and_its_const_callers_are_stubbed() {
    let texts = stub_and_build(
        "const_fn",
        &[(
            "m",
            r#"pub const fn width(x: u8) -> u8 {
    x + missing_helper()
}

pub const WIDTH: u8 = width(3);

pub static TABLE: [u8; 2] = [width(1), width(2)];

pub struct Buf {
    pub data: [u8; width(4) as usize],
}

impl Buf {
    pub fn len(&self) -> usize {
        self.data.len()
    }
}

pub fn uses() -> u8 {
    WIDTH + TABLE[0]
}

pub const fn fine(x: u8) -> u8 {
    x.wrapping_add(1)
}

pub const FINE: u8 = fine(1);
"#,
        )],
    );
    let m = &texts["m"];
    assert!(m.contains("pub fn width(x: u8) -> u8 {"), "{m}");
    assert!(!m.contains("\npub const fn width"), "{m}");
    // What did not fail is kept, `const` included.
    assert!(
        m.contains("\npub const fn fine(x: u8) -> u8 {\n    x.wrapping_add(1)"),
        "{m}"
    );
    assert!(m.contains("\npub const FINE: u8 = fine(1);"), "{m}");
}

/// A method of a trait impl keeps its signature (the trait fixes it): its
/// body is stubbed; an impl whose header or signatures fail goes whole;
/// a trait's default method body is stubbed too.
#[test]
fn trait_impl_methods_are_stubbed() {
    let texts = stub_and_build(
        "trait_impls",
        &[(
            "m",
            r#"pub struct Meters(pub u32);

impl core::fmt::Display for Meters {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}", undefined_value(self.0))
    }
}

impl Default for Meters {
    fn default() -> Self {
        Meters(missing_default())
    }
}

impl From<Missing> for Meters {
    fn from(m: Missing) -> Self {
        Meters(m.0)
    }
}

impl PartialEq for Meters {
    fn eq(&self, other: &NotAType) -> bool {
        self.0 == other.0
    }
}

pub trait Area {
    fn area(&self) -> u32 {
        nope()
    }
}

impl Area for Meters {}

pub fn show(m: &Meters) -> String {
    m.to_string()
}

pub fn zero() -> Meters {
    Meters::default()
}
"#,
        )],
    );
    let m = &texts["m"];
    assert!(
        m.contains(
            "fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {\n        todo!("
        ),
        "{m}"
    );
    assert!(
        m.contains("    fn default() -> Self {\n        todo!("),
        "{m}"
    );
    assert!(m.contains("// impl From<Missing> for Meters {"), "{m}");
    assert!(m.contains("// impl PartialEq for Meters {"), "{m}");
    assert!(
        m.contains("\npub fn show(m: &Meters) -> String {\n    m.to_string()"),
        "{m}"
    );
}

/// A constant or static whose initialiser fails is commented out with its
/// error (an associated constant too); its readers are then stubbed.
#[test]
fn failing_const_and_static_initialisers_are_commented_out() {
    let texts = stub_and_build(
        "initialisers",
        &[(
            "m",
            r#"pub static NAMES: [&str; 2] = ["a", unknown_name()];

pub const LIMIT: usize = MISSING_LIMIT * 2;

pub static COUNT: u8 = 300;

pub static OK: u8 = 7;

pub struct Config;

impl Config {
    pub const DEPTH: u32 = missing_depth();
    pub const WIDTH: u32 = 4;

    pub fn width() -> u32 {
        Self::WIDTH
    }
}

pub fn limit() -> usize {
    LIMIT + NAMES.len()
}

pub fn depth() -> u32 {
    Config::DEPTH
}

pub fn ok() -> u8 {
    OK
}
"#,
        )],
    );
    let m = &texts["m"];
    for gone in [
        "// pub static NAMES",
        "// pub const LIMIT",
        "// pub static COUNT",
        "//     pub const DEPTH",
    ] {
        assert!(m.contains(gone), "{gone}: {m}");
    }
    assert!(m.contains("\n    pub const WIDTH: u32 = 4;"), "{m}");
    assert!(m.contains("\npub fn ok() -> u8 {\n    OK\n}"), "{m}");
}

/// Methods of a generic impl: a failing body is stubbed in place; a
/// failing signature makes a parameterless stub, whose callers are
/// stubbed in turn.
#[test]
fn generic_impl_methods_are_stubbed() {
    let texts = stub_and_build(
        "generic_impl",
        &[(
            "m",
            r#"pub struct Stack<T> {
    items: Vec<T>,
}

impl<T: Copy + PartialEq> Stack<T> {
    pub fn new() -> Self {
        Self { items: Vec::new() }
    }

    pub fn top(&self) -> Option<T> {
        self.items.last().copied().or_else(missing_fallback)
    }

    pub fn push(&mut self, x: T) -> Missing<T> {
        self.items.push(x)
    }

    pub const fn cap(&self) -> usize {
        no_such_cap::<T>()
    }
}

impl<T: Copy + PartialEq> Default for Stack<T> {
    fn default() -> Self {
        Self::new()
    }
}

pub fn push_one(s: &mut Stack<u8>) {
    s.push(1);
}

pub fn depth(s: &Stack<u8>) -> usize {
    s.items.len()
}
"#,
        )],
    );
    let m = &texts["m"];
    assert!(
        m.contains("    pub fn top(&self) -> Option<T> {\n        todo!("),
        "{m}"
    );
    assert!(m.contains("    pub fn push() -> ! {"), "{m}");
    assert!(
        m.contains("    pub fn cap(&self) -> usize {\n        todo!("),
        "{m}"
    );
    assert!(
        m.contains("\npub fn depth(s: &Stack<u8>) -> usize {\n    s.items.len()"),
        "{m}"
    );
}

/// Nested modules at any depth (and the test module): functions, methods
/// and constants in them are stubbed like top-level ones.
#[test]
fn items_in_nested_modules_are_stubbed() {
    let texts = stub_and_build(
        "nested",
        &[(
            "m",
            r#"pub mod outer {
    pub mod inner {
        pub const fn twice(x: u8) -> u8 {
            x * missing()
        }

        pub const TWO: u8 = twice(1);

        pub struct Holder;

        impl Holder {
            pub fn get(&self) -> u8 {
                nope()
            }
        }

        pub fn kept() -> u8 {
            2
        }
    }

    pub fn fine() -> u8 {
        inner::kept()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn t() {
        assert_eq!(super::outer::inner::twice(1), missing_in_test());
    }

    #[test]
    fn kept() {
        assert_eq!(super::outer::fine(), 2);
    }
}
"#,
        )],
    );
    let m = &texts["m"];
    assert!(
        m.contains("        pub fn twice(x: u8) -> u8 {\n            todo!("),
        "{m}"
    );
    assert!(
        m.contains("            pub fn get(&self) -> u8 {\n                todo!("),
        "{m}"
    );
    assert!(m.contains("    fn t() {\n        todo!("), "{m}");
    assert!(
        m.contains("    fn kept() {\n        assert_eq!(super::outer::fine(), 2);"),
        "{m}"
    );
}

/// A body stub that still fails (`todo!` is not an `impl Trait`) becomes
/// a parameterless stub; one that fails again (its name is taken twice)
/// is commented out: the ladder ends, the crate builds.
#[test]
fn a_stub_that_still_fails_goes_further_down() {
    let texts = stub_and_build(
        "ladder",
        &[(
            "m",
            r#"pub fn digits() -> impl Iterator<Item = u8> {
    missing_digits()
}

pub fn twice() -> u8 {
    1
}

pub fn twice() -> u16 {
    2
}

pub fn fine() -> u8 {
    3
}
"#,
        )],
    );
    let m = &texts["m"];
    assert!(m.contains("\npub fn fine() -> u8 {\n    3\n}"), "{m}");
}

/// The same through the rules, from valid Zig: the rules make a function
/// called by a constant a `const fn` when its body is one `return`, but
/// slicing and `orelse` are not const in Rust, so their bodies fail.
#[test]
fn a_const_fn_from_zig_is_stubbed_and_the_crate_builds() {
    let (report, out, _dir) = translate_one(
        r#"
fn tail(s: []const u8) []const u8 {
    return s[1..];
}

fn orZero(x: ?u8) u8 {
    return x orelse 0;
}

const T = tail("abc");
const Z = orZero(null);

pub fn t() usize {
    return T.len;
}

pub fn z() u8 {
    return Z;
}

pub fn fine(x: u8) u8 {
    return x +% 1;
}
"#,
        "const_fn_zig",
    );
    assert!(report.build_errors.is_empty(), "{report:#?}");
    let status = |name: &str| {
        report.files[0]
            .functions
            .iter()
            .find(|f| f.zig_name == name)
            .map(|f| f.status)
            .unwrap()
    };
    assert_eq!(status("tail"), FnStatus::Error, "{report:#?}");
    assert_eq!(status("orZero"), FnStatus::Error, "{report:#?}");
    assert_eq!(status("fine"), FnStatus::Clean, "{report:#?}");
    assert_builds(&out);
}

/// One failing item can make rustc reject a sound one too (an alias
/// shadowing a type makes its `derive(Copy)` fail): items go one per
/// round, rustc's first error first, so the sound type and the functions
/// using it survive.
#[test]
fn a_failing_item_does_not_take_the_sound_one_it_confused() {
    let texts = stub_and_build(
        "shadowed",
        &[(
            "m",
            r#"#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    Odd,
}

impl Error {
    pub fn name(self) -> &'static str {
        "Odd"
    }
}

pub type Error = Error;

pub fn check(n: usize) -> Result<usize, Error> {
    if n % 2 == 1 {
        return Err(Error::Odd);
    }
    Ok(n)
}
"#,
        )],
    );
    let m = &texts["m"];
    assert!(m.contains("// pub type Error = Error;"), "{m}");
    assert!(m.contains("\npub enum Error {"), "{m}");
    assert!(m.contains("        return Err(Error::Odd);"), "{m}");
}

/// `cargo build` succeeds on the crate at `out` (its module `m` shown if not).
fn assert_builds(out: &std::path::Path) {
    let build = std::process::Command::new(std::env::var("CARGO").unwrap_or("cargo".into()))
        .args(["build", "--quiet"])
        .current_dir(out)
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&build.stderr),
        std::fs::read_to_string(out.join("src/m.rs")).unwrap_or_default()
    );
}
