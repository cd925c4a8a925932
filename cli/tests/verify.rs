//! `translate` then `verify` on real Zig: a faithful port agrees; a wrong
//! hand-written override (wrapping where Zig traps) is caught.

use std::fs;

use assert_cmd::Command;
use serde_json::Value;

const ZIG: &str = r#"
const std = @import("std");

pub fn double(x: u8) u8 {
    return x * 2;
}

pub fn clampedSum(a: u8, b: u8) u8 {
    return a +| b;
}

pub fn isVowel(c: u8) bool {
    return switch (c) {
        'a', 'e', 'i', 'o', 'u' => true,
        else => false,
    };
}

pub fn fillWith(out: []u8, v: u8) usize {
    @memset(out, v);
    return out.len;
}

pub fn scaled(x: f64) f64 {
    return x * 2.5 + 1.0;
}

pub fn isMagic(x: u32) bool {
    return x == 123456789;
}

pub const Kind = enum { small, big };

pub const Parts = struct { lo: u8, hi: u8, kind: Kind };

pub fn kindOf(x: u32) Kind {
    return if (x < 100) .small else .big;
}

pub fn split(x: u16) Parts {
    return .{ .lo = @truncate(x), .hi = @truncate(x >> 8), .kind = if (x < 256) .small else .big };
}

pub fn compare(a: u32, b: u32) std.math.Order {
    return std.math.order(a, b);
}

pub fn repeat(allocator: std.mem.Allocator, s: []const u8, n: u8) ![]u8 {
    var out: std.ArrayList(u8) = .empty;
    errdefer out.deinit(allocator);
    var i: u8 = 0;
    while (i < n) : (i += 1) {
        try out.appendSlice(allocator, s);
    }
    return out.toOwnedSlice(allocator);
}

pub const Point = struct {
    x: i32,
    y: i32,
    kind: Kind,

    pub fn scale(self: *Point, k: i32) void {
        self.x *= k;
        self.y *= k;
    }

    pub fn isSmall(self: Point) bool {
        return self.kind == .small;
    }

    pub fn flip(k: Kind) Kind {
        return switch (k) {
            .small => .big,
            .big => .small,
        };
    }
};

pub fn total(xs: []const u32) u64 {
    var sum: u64 = 0;
    for (xs) |x| sum += x;
    return sum;
}

pub fn orDefault(x: ?u8) u8 {
    return x orelse 7;
}

pub fn bump(xs: []u16) void {
    for (xs) |*x| x.* +%= 1;
}

test "double" {
    try std.testing.expect(double(3) == 6);
}
"#;

fn run(dir: &std::path::Path, config: &str) -> (Option<i32>, Value) {
    fs::write(dir.join("zigport.toml"), config).unwrap();
    fs::write(dir.join("small.zig"), ZIG).unwrap();
    let mut cmd = Command::cargo_bin("zigport").unwrap();
    cmd.current_dir(dir)
        .env("ZIGPORT_TOOLCHAIN_DIR", toolchain_dir());
    cmd.args(["translate", "small.zig", "--out", "port"])
        .assert()
        .code(0);
    let mut cmd = Command::cargo_bin("zigport").unwrap();
    let out = cmd
        .current_dir(dir)
        .env("ZIGPORT_TOOLCHAIN_DIR", toolchain_dir())
        .args(["verify", "port", "--cases", "2000", "--json"])
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code(), json)
}

/// The repository's toolchain directory, so the test reuses the pinned Zig.
fn toolchain_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../.zigport/toolchain")
}

fn function<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["functions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["function"] == name)
        .unwrap_or_else(|| panic!("{name}: {report:#}"))
}

#[test]
fn a_faithful_port_agrees_with_zig() {
    let dir = tempfile::tempdir().unwrap();
    let (code, report) = run(dir.path(), "");
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(report["divergences"], 0);
    // Enum and struct results, std.math.Order, an allocator parameter
    // with an owned result are in the ABI too.
    for name in [
        "double",
        "clampedSum",
        "isVowel",
        "scaled",
        "fillWith",
        "kindOf",
        "split",
        "compare",
        "repeat",
        // Methods (a `*Point` receiver is written back and compared), a
        // struct, an enum and an optional as parameters, slices of integers.
        "Point.scale",
        "Point.isSmall",
        "Point.flip",
        "total",
        "bump",
        "orDefault",
    ] {
        let v = &function(&report, name)["verdict"];
        assert_eq!(
            (v["cases"].as_u64(), v["diverged"].as_u64()),
            (Some(2000), Some(0)),
            "{name}: {v:#}"
        );
    }
    // `x * 2` traps in Zig ReleaseSafe for x >= 128, and in the port.
    let double = &function(&report, "double")["verdict"];
    assert!(double["zig_traps"].as_u64() > Some(0) && double["zig_traps"] == double["rust_traps"]);
    assert_eq!(
        (
            report["zig_tests"]["passed"].as_u64(),
            report["rust_tests"]["passed"].as_u64()
        ),
        (Some(1), Some(1))
    );
}

#[test]
fn a_wrong_override_is_caught_with_a_minimal_counterexample() {
    let dir = tempfile::tempdir().unwrap();
    let config =
        "[translate.overrides]\ndouble = \"pub fn double(x: u8) -> u8 { x.wrapping_mul(2) }\"\n";
    let (code, report) = run(dir.path(), config);
    assert_eq!(code, Some(1), "{report:#}");
    let v = &function(&report, "double")["verdict"];
    assert!(v["diverged"].as_u64() > Some(0), "{v:#}");
    let cx = &v["counterexample"];
    assert_eq!(
        cx["input"],
        serde_json::json!([{ "UInt": 128 }]),
        "the smallest overflowing input: {cx:#}"
    );
    assert!(cx["diff"].as_str().unwrap().contains("Trapped"), "{cx:#}");
}

#[test]
fn literals_in_the_code_bias_the_inputs() {
    // Uniform u32 inputs would almost never hit 123456789 in 2,000 cases;
    // the literal (and its neighbours) come from the function body.
    let dir = tempfile::tempdir().unwrap();
    let config =
        "[translate.overrides]\nisMagic = \"pub fn is_magic(x: u32) -> bool { x == 123456788 }\"\n";
    let (code, report) = run(dir.path(), config);
    assert_eq!(code, Some(1), "{report:#}");
    let cx = &function(&report, "isMagic")["verdict"]["counterexample"];
    let input = cx["input"][0]["UInt"].as_u64();
    assert!(
        input == Some(123456789) || input == Some(123456788),
        "{cx:#}"
    );
}

#[test]
fn a_shim_that_does_not_compile_is_skipped_and_the_rest_verified() {
    // The override takes two arguments where the Zig takes one: its Rust
    // shim cannot compile. It is reported, not fatal.
    let dir = tempfile::tempdir().unwrap();
    let config = "[translate.overrides]\nisMagic = \"pub fn is_magic(x: u32, _y: u32) -> bool { x == 123456789 }\"\n";
    let (code, report) = run(dir.path(), config);
    assert_eq!(code, Some(0), "{report:#}");
    let skipped = report["skipped"].as_array().unwrap();
    let magic = skipped
        .iter()
        .find(|s| s["function"] == "isMagic")
        .unwrap_or_else(|| panic!("{report:#}"));
    assert!(
        magic["reason"]
            .as_str()
            .unwrap()
            .starts_with("the Rust shim does not compile: error"),
        "{magic:#}"
    );
    assert_eq!(function(&report, "double")["verdict"]["cases"], 2000);
}
