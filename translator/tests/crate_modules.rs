//! Modules of one crate know each other: `@import` paths resolve against
//! the importing file, and an importer's `Error` includes the imported
//! module's errors and converts from them, so `try other.f()` compiles.

use zigport_translator::translate::{FnStatus, SourceUnit, translate_units};

/// Writes `files` (path, Zig text) under `dir` and translates them into
/// `dir/out` with the default configuration, checked by cargo.
fn translate_files(
    dir: &std::path::Path,
    files: &[(&str, &str)],
    crate_name: &str,
) -> zigport_translator::translate::TranslateReport {
    for (path, text) in files {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, text).unwrap();
    }
    let paths: Vec<&str> = files.iter().map(|(p, _)| *p).collect();
    let units = units_in(dir, &paths);
    translate_units(
        &units,
        &dir.join("out"),
        crate_name,
        &Default::default(),
        true,
        false,
        &|_| {},
    )
    .unwrap()
}

/// The units of `paths` (relative to `dir`), displayed by those paths.
fn units_in(dir: &std::path::Path, paths: &[&str]) -> Vec<SourceUnit> {
    paths
        .iter()
        .map(|p| SourceUnit {
            path: dir.join(p),
            display: p.to_string(),
        })
        .collect()
}

const LEAF: &str = r#"
pub fn digit(c: u8) error{NotADigit}!u8 {
    if (c < '0' or c > '9') return error.NotADigit;
    return c - '0';
}
"#;

const USER: &str = r#"
const leaf = @import("../lib/leaf.zig");

pub fn twoDigits(a: u8, b: u8) error{TooBig}!u8 {
    const v = try leaf.digit(a) * 10 + try leaf.digit(b);
    if (v > 50) return error.TooBig;
    return v;
}
"#;

#[test]
fn try_across_modules_converts_errors() {
    let dir = tempfile::tempdir().unwrap();
    let files = [("lib/leaf.zig", LEAF), ("app/user.zig", USER)];
    let report = translate_files(dir.path(), &files, "modules");
    let out = dir.path().join("out");
    assert!(report.checked);
    let user = report
        .files
        .iter()
        .find(|f| f.zig == "app/user.zig")
        .unwrap();
    let two = user
        .functions
        .iter()
        .find(|f| f.zig_name == "twoDigits")
        .unwrap();
    assert_eq!(two.status, FnStatus::Clean, "{two:?}");
    let text = std::fs::read_to_string(out.join("src/app_user.rs")).unwrap();
    assert!(
        text.contains("impl From<super::lib_leaf::Error> for Error"),
        "{text}"
    );
    assert!(text.contains("NotADigit"), "{text}");
}

/// A method called on a receiver whose type the rules do not know (here a
/// union payload capture) may be an unported one: the caller is not clean.
/// The oracle found this: `braces.count` was reported clean and trapped.
#[test]
fn a_call_through_an_unknown_receiver_blocks_the_caller() {
    const SOURCE: &str = r#"
const Seq = struct {
    n: i32,
    fn len(self: Seq) f64 {
        return std.math.ldexp(@as(f64, 1.5), self.n);
    }
};
const std = @import("std");
const Part = union(enum) { lit: u8, seq: Seq };

pub fn width(p: Part) f64 {
    return switch (p) {
        .lit => 1.0,
        .seq => |s| s.len(),
    };
}
"#;
    let dir = tempfile::tempdir().unwrap();
    let report = translate_files(dir.path(), &[("m.zig", SOURCE)], "unknown_receiver");
    let f = |name: &str| {
        report.files[0]
            .functions
            .iter()
            .find(|f| f.zig_name == name)
            .unwrap()
    };
    assert_ne!(f("len").status, FnStatus::Clean, "{:?}", f("len"));
    let width = f("width");
    assert_ne!(width.status, FnStatus::Clean, "{width:?}");
}

/// Another module's `pub const` values are its Rust constants, typed:
/// `a.table` is `super::a::TABLE` and an alias of it keeps the type.
#[test]
fn constants_across_modules() {
    const TABLES: &str = r#"
pub const table = [_]u8{ 3, 5, 7 };
pub const limit: usize = 2;
pub fn first() u8 {
    return table[0];
}
fn build(comptime seed: u8) [4]u8 {
    var t: [4]u8 = undefined;
    for (&t, 0..) |*x, i| x.* = seed + @as(u8, @intCast(i));
    return t;
}
fn Codec(comptime seed: u8) type {
    return struct {
        pub const squares: [4]u8 = build(seed);
    };
}
pub const Ten = Codec(10);
"#;
    const USER: &str = r#"
const tables = @import("tables.zig");
const digits = tables.table;
const squares = tables.Ten.squares;

pub fn pick(i: usize) u8 {
    if (i > tables.limit) return digits[tables.limit];
    return digits[i] + tables.first();
}

/// A constant of another module's type instance, computed on first use there.
pub fn square(i: usize) u8 {
    var buf: [tables.limit]u8 = undefined;
    buf[0] = squares[i];
    return buf[0] + tables.Ten.squares[0];
}
"#;
    let dir = tempfile::tempdir().unwrap();
    let files = [("tables.zig", TABLES), ("user.zig", USER)];
    let report = translate_files(dir.path(), &files, "consts");
    let out = dir.path().join("out");
    assert!(report.checked);
    let user = report.files.iter().find(|f| f.zig == "user.zig").unwrap();
    let pick = user
        .functions
        .iter()
        .find(|f| f.zig_name == "pick")
        .unwrap();
    assert_eq!(pick.status, FnStatus::Clean, "{pick:?}");
    let text = std::fs::read_to_string(out.join("src/user.rs")).unwrap();
    assert!(text.contains("super::tables::TABLE"), "{text}");
    assert!(text.contains("super::tables::LIMIT"), "{text}");
    let square = user
        .functions
        .iter()
        .find(|f| f.zig_name == "square")
        .unwrap();
    assert_eq!(square.status, FnStatus::Clean, "{square:?}\n{text}");
    assert!(
        text.contains("use super::tables::TEN_SQUARES as SQUARES;"),
        "{text}"
    );
    assert!(text.contains("[u8; super::tables::LIMIT]"), "{text}");
}

/// Type inference over a long method-call chain stays linear: a rule that
/// infers a receiver's type several times per call made each link of
/// `b.next().next()...` multiply the work (the whole-std translation step
/// of CI hung on such chains). Exponential work would never finish here.
#[test]
fn long_call_chains_translate_quickly() {
    let chain = ".next()".repeat(40);
    let source = format!(
        "const Node = struct {{\n    v: u32,\n    fn next(self: Node) Node {{\n        return .{{ .v = self.v + 1 }};\n    }}\n}};\n\npub fn far(n: Node) u32 {{\n    return n{chain}.v;\n}}\n"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("chain.zig"), source).unwrap();
    let units = [SourceUnit {
        path: dir.path().join("chain.zig"),
        display: "chain.zig".into(),
    }];
    let started = std::time::Instant::now();
    let report = translate_units(
        &units,
        &dir.path().join("out"),
        "chain",
        &Default::default(),
        false,
        false,
        &|_| {},
    )
    .unwrap();
    assert!(report.files[0].parses);
    // Generous: the point is "not exponential" (9^40 steps), not a budget.
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}

/// The polish pass applies clippy's machine-applicable fixes to the
/// generated modules (here `== None` → `.is_none()`, redundant
/// parentheses), never to a module the user edited, and can be turned off.
#[test]
fn polish_fixes_generated_modules_and_leaves_hand_edits_alone() {
    const GEN: &str = r#"
pub fn missing(x: ?u8, s: []const u8) bool {
    return x == null and s.len == 0;
}
"#;
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in [("a.zig", GEN), ("b.zig", GEN)] {
        std::fs::write(dir.path().join(path), text).unwrap();
    }
    let units = units_in(dir.path(), &["a.zig", "b.zig"]);
    let out = dir.path().join("out");
    let translate = |config: &zigport_translator::config::TranslateConfig| {
        translate_units(&units, &out, "polish", config, true, false, &|_| {}).unwrap()
    };
    let raw = zigport_translator::config::TranslateConfig {
        no_polish: true,
        ..Default::default()
    };
    translate(&raw);
    let rules_text = std::fs::read_to_string(out.join("src/a.rs")).unwrap();
    assert!(rules_text.contains("== None"), "{rules_text}");
    // The user edits b.rs; the next (polished) run keeps it verbatim.
    let edited = std::fs::read_to_string(out.join("src/b.rs"))
        .unwrap()
        .replace("pub fn missing", "/// Mine.\npub fn missing");
    std::fs::write(out.join("src/b.rs"), &edited).unwrap();
    let report = translate(&Default::default());
    let a = std::fs::read_to_string(out.join("src/a.rs")).unwrap();
    assert!(a.contains("x.is_none()") && !a.contains("== None"), "{a}");
    assert_eq!(
        std::fs::read_to_string(out.join("src/b.rs")).unwrap(),
        edited
    );
    let b = report.files.iter().find(|f| f.zig == "b.zig").unwrap();
    assert!(b.hand_edited);
    assert!(
        report.files.iter().all(|f| f.counts.clean == 1),
        "{report:#?}"
    );
}
