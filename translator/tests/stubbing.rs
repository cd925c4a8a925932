//! What rustc rejects is stubbed so the rest of the crate still builds:
//! function bodies and whole functions whose signature names a type that
//! did not translate. Those stay `error`; a constant computed by one is a
//! `LazyLock` whose readers are blocked by it.

use zigport_translator::translate::{FnStatus, SourceUnit, TranslateReport, translate_units};

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
    let build = std::process::Command::new(std::env::var("CARGO").unwrap_or("cargo".into()))
        .args(["build", "--quiet"])
        .current_dir(&out)
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&build.stderr),
        std::fs::read_to_string(out.join("src/m.rs")).unwrap()
    );
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
