//! `translate` then `verify` on objects: call sequences (constructor, then
//! generated method calls, compared step by step), writers, byte lists,
//! allocator and slice fields, and a deliberately wrong method caught
//! only on its third call, shrunk to that sequence and shown as a script.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/objects.zig");

/// The repository's toolchain directory, so the test reuses the pinned Zig.
fn toolchain_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../.zigport/toolchain")
}

fn zigport(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("zigport").unwrap();
    cmd.current_dir(dir)
        .env("ZIGPORT_TOOLCHAIN_DIR", toolchain_dir());
    cmd
}

fn verify(dir: &Path) -> Value {
    let out = zigport(dir)
        .args(["verify", "port", "--cases", "500", "--json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

fn reports<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["functions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["function"] == name)
        .unwrap_or_else(|| panic!("{name} not verified: {report:#}"))
}

#[test]
fn objects_are_verified_through_call_sequences_and_a_third_call_bug_is_shrunk() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("objects.zig"), FIXTURE).unwrap();
    zigport(dir.path())
        .args(["translate", "objects.zig", "--out", "port"])
        .assert()
        .code(0);

    let report = verify(dir.path());
    assert_eq!(report["divergences"], 0, "{report:#}");
    // Methods of a record and of an object owning an allocation, through
    // call sequences from their constructors.
    for (name, ty) in [
        ("Counter.bump", "Counter"),
        ("Counter.callsMade", "Counter"),
        ("Bag.put", "Bag"),
        ("Bag.count", "Bag"),
    ] {
        let f = reports(&report, name);
        assert_eq!(f["sequence"], ty, "{f:#}");
        assert_eq!(f["verdict"]["cases"], 500, "{f:#}");
    }
    // A writer parameter, a context struct (allocator, slice of strings,
    // writer), a list out-parameter, a loop bounded by its argument.
    for name in ["greet", "echo", "appendTwice", "countdown"] {
        let f = reports(&report, name);
        assert_eq!(f["verdict"]["diverged"], 0, "{f:#}");
        assert!(f["verdict"]["agreed"].as_u64().unwrap() > 0, "{f:#}");
    }
    let skipped = report["skipped"].as_array().unwrap();
    assert!(
        skipped
            .iter()
            .any(|s| s["function"] == "argCount"
                && s["reason"].as_str().unwrap().contains("process")),
        "{skipped:#?}"
    );

    // The port's `bump` goes wrong on its third call only.
    let module = dir.path().join("port/src/objects.rs");
    let rust = fs::read_to_string(&module).unwrap();
    let right = "self.total = self.total.wrapping_add(by as u32);";
    assert!(rust.contains(right), "{rust}");
    let wrong = "self.total = self.total.wrapping_add(by as u32 + u32::from(self.calls == 3));";
    fs::write(&module, rust.replace(right, wrong)).unwrap();

    let report = verify(dir.path());
    let bump = reports(&report, "Counter.bump");
    assert!(
        bump["verdict"]["diverged"].as_u64().unwrap() > 0,
        "{bump:#}"
    );
    let shown = bump["verdict"]["counterexample"]["diff"].as_str().unwrap();
    // Shrunk to the shortest sequence: the constructor and three bumps,
    // the third marked, and that step's diff.
    let calls: Vec<&str> = shown.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(calls.len(), 4, "{shown}");
    assert!(calls[0].starts_with("var x = Counter.init("), "{shown}");
    assert!(
        calls[1..].iter().all(|c| c.starts_with("x.bump(")),
        "{shown}"
    );
    assert!(calls[3].contains("<- the sides differ here"), "{shown}");
    assert!(shown.contains("--- zig\n+++ rust"), "{shown}");
    // The other members of the sequence are not blamed for it.
    assert_eq!(
        reports(&report, "Counter.callsMade")["verdict"]["diverged"],
        0
    );
}
