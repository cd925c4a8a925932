//! `port`, `gate` and `report` on a small tree: incremental re-ports,
//! staleness through git blob ids flowing to importers, shards, reports.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const A: &str = r#"const b = @import("b.zig");

/// Four times `x`, wrapping.
pub fn quad(x: u8) u8 {
    return b.twice(b.twice(x));
}

test "quad" {
    try @import("std").testing.expect(quad(3) == 12);
}
"#;

const B: &str = r#"/// Twice `x`, wrapping.
pub fn twice(x: u8) u8 {
    return x *% 2;
}
"#;

const C: &str = r#"pub fn isEven(x: u32) bool {
    return x % 2 == 0;
}

test "isEven" {
    try @import("std").testing.expect(isEven(4));
}
"#;

fn zigport(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("zigport")
        .unwrap()
        .current_dir(dir)
        .env("ZIGPORT_TOOLCHAIN_DIR", toolchain_dir())
        .args(args)
        .output()
        .unwrap()
}

fn toolchain_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../.zigport/toolchain")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const PORT: [&str; 8] = [
    "port",
    "src",
    "--out",
    "ported",
    "--reports",
    "reports",
    "--cases",
    "500",
];

#[test]
fn port_is_incremental_and_gate_flags_exactly_the_stale_modules() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("src")).unwrap();
    for (name, text) in [("a.zig", A), ("b.zig", B), ("c.zig", C)] {
        fs::write(root.join("src").join(name), text).unwrap();
    }
    fs::write(root.join("zigport.toml"), "").unwrap();

    let first = zigport(root, &PORT);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let state: Value =
        serde_json::from_str(&fs::read_to_string(root.join("ported/zigport-state.json")).unwrap())
            .unwrap();
    for zig in ["a.zig", "b.zig", "c.zig"] {
        let m = &state["modules"][zig];
        assert_eq!(m["complete"], true, "{zig}: {m:#}");
        assert_eq!(m["verified"][0]["diverged"], 0, "{zig}: {m:#}");
        assert_eq!(m["zig_blob"].as_str().unwrap().len(), 40);
    }
    assert_eq!(
        state["modules"]["a.zig"]["imports"],
        serde_json::json!(["b.zig"])
    );
    assert_eq!(state["modules"]["c.zig"]["rust_tests"]["passed"], 1);
    for report in ["parity.md", "parity.html", "parity.json"] {
        let body = fs::read_to_string(root.join("reports").join(report)).unwrap();
        assert!(body.contains("a.zig"), "{report}");
    }

    // Nothing changed: nothing to do.
    let again = zigport(root, &PORT);
    assert!(again.status.success());
    assert!(
        text(&again.stderr).contains("nothing to do"),
        "{}",
        text(&again.stderr)
    );

    let gate = zigport(root, &["gate", "ported", "--no-bench"]);
    assert!(
        gate.status.success(),
        "{}{}",
        text(&gate.stdout),
        text(&gate.stderr)
    );
    assert!(text(&gate.stdout).contains("gate: 3 modules, 0 failed"));

    // Touch b.zig: b is stale, and a (which imports it); c is not.
    fs::write(root.join("src/b.zig"), format!("{B}\n// touched\n")).unwrap();
    let gate = zigport(root, &["gate", "ported", "--no-bench", "--json"]);
    assert_eq!(gate.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&gate.stdout).unwrap();
    let failed: Vec<&str> = report["modules"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["passed"] == false)
        .map(|m| m["zig"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["a.zig", "b.zig"], "{report:#}");
    let problems = report["modules"].to_string();
    assert!(
        problems.contains("the Zig changed since the port")
            && problems.contains("imports a changed module")
    );

    // Shards split the modules: 1/2 takes a and c.
    let shard = zigport(
        root,
        &["gate", "ported", "--no-bench", "--json", "--shard", "1/2"],
    );
    let report: Value = serde_json::from_slice(&shard.stdout).unwrap();
    let names: Vec<&str> = report["modules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["zig"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["a.zig", "c.zig"]);

    // `port` redoes exactly those two, then the gate is green again.
    let redo = zigport(root, &PORT);
    assert!(redo.status.success(), "{}", text(&redo.stderr));
    assert!(
        text(&redo.stderr).contains("porting 2 of 3 modules: a.zig, b.zig"),
        "{}",
        text(&redo.stderr)
    );
    let gate = zigport(root, &["gate", "ported", "--no-bench"]);
    assert!(gate.status.success(), "{}", text(&gate.stdout));

    // `report` rebuilds the reports from the state alone.
    fs::remove_dir_all(root.join("reports")).unwrap();
    let report = zigport(root, &["report", "ported", "--out", "reports"]);
    assert!(report.status.success());
    assert!(
        fs::read_to_string(root.join("reports/parity.md"))
            .unwrap()
            .contains("0 divergences")
    );
}

#[test]
fn gate_without_a_port_is_a_clear_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = zigport(dir.path(), &["gate", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("run `zigport port` first"));
}
