//! Call-sequence throughput: method-call steps per second, both sides,
//! on a small stateful type (the `Counter` of the objects fixture), as
//! `zigport verify` runs them (generation, sandboxed workers, comparison).
//! Not a test: it prints the figure (target: at least 20,000 steps/s).
//!
//! `cargo bench -p zigport --bench sequences`

use std::path::Path;
use std::process::Command;

const CASES: &str = "20000";

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::copy(
        root.join("tests/fixtures/objects.zig"),
        dir.path().join("objects.zig"),
    )
    .expect("the fixture");
    let zigport = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_zigport"))
            .args(args)
            .current_dir(dir.path())
            .env("ZIGPORT_TOOLCHAIN_DIR", root.join("../.zigport/toolchain"))
            .output()
            .expect("zigport runs");
        assert!(
            out.status.success(),
            "zigport {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    zigport(&["translate", "objects.zig", "--out", "port"]);
    let report: serde_json::Value =
        serde_json::from_slice(&zigport(&["verify", "port", "--cases", CASES, "--json"]))
            .expect("verify's JSON");
    let bump = report["functions"]
        .as_array()
        .and_then(|fs| fs.iter().find(|f| f["function"] == "Counter.bump"))
        .expect("Counter.bump is verified through call sequences");
    let steps = bump["steps"].as_u64().unwrap_or(0) as f64;
    let seconds = bump["verdict"]["seconds"].as_f64().unwrap_or(f64::NAN);
    let cases = bump["verdict"]["cases"].as_u64().unwrap_or(0);
    println!(
        "call sequences of Counter: {cases} sequences, {steps} method calls, both sides in {seconds:.2} s: {:.0} steps/s (target 20000)",
        steps / seconds
    );
}
