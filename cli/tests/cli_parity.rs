//! `cli-parity` builds a Zig program and its port and runs both on script
//! cases: they agree on stdout, stderr class and exit code; an edit that
//! changes the port's output is caught as a divergence with a diff.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const PROGRAM: &str = r#"const std = @import("std");

fn greet(w: *std.Io.Writer, name: []const u8, times: u8) !void {
    var i: u8 = 0;
    while (i < times) : (i += 1) try w.print("hello, {s}! ({d})\n", .{ name, i });
}

pub fn main() u8 {
    var arena_state = std.heap.ArenaAllocator.init(std.heap.page_allocator);
    defer arena_state.deinit();
    const arena = arena_state.allocator();
    var out_buf: [256]u8 = undefined;
    var stdout = std.fs.File.stdout().writerStreaming(&out_buf);
    const argv = std.process.argsAlloc(arena) catch return 1;
    if (argv.len < 3) {
        var err_buf: [256]u8 = undefined;
        var stderr = std.fs.File.stderr().writerStreaming(&err_buf);
        stderr.interface.writeAll("usage: greet NAME TIMES\n") catch {};
        stderr.interface.flush() catch {};
        return 2;
    }
    const times = std.fmt.parseInt(u8, argv[2], 10) catch return 3;
    greet(&stdout.interface, argv[1], times) catch return 1;
    stdout.interface.flush() catch return 1;
    return 0;
}
"#;

const CASES: &str = "# name times\nalice 2\t\nbob 0\t\n\t\nzed x\t\n";

fn zigport(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("zigport")
        .unwrap()
        .current_dir(dir)
        .env(
            "ZIGPORT_TOOLCHAIN_DIR",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../.zigport/toolchain"),
        )
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_two_programs_agree_and_an_edit_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("main.zig"), PROGRAM).unwrap();
    fs::write(root.join("cases.txt"), CASES).unwrap();
    let out = zigport(root, &["translate", "main.zig", "--out", "port", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["totals"]["error"], 0, "{summary:#}");
    let parity = |root: &Path| {
        zigport(
            root,
            &[
                "cli-parity",
                "port",
                "--zig-main",
                "main.zig",
                "--cases",
                "cases.txt",
                "--json",
            ],
        )
    };
    let out = parity(root);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["cases"], 4);
    assert_eq!(report["agreed"], 4, "{report:#}");

    // A hand edit that changes the output: a divergence, with a diff.
    let module = root.join("port/src/main_.rs");
    let text = fs::read_to_string(&module).unwrap();
    assert!(text.contains("hello, {s}!"), "{text}");
    fs::write(&module, text.replace("hello, {s}!", "hi, {s}!")).unwrap();
    let out = parity(root);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["diverged"], 1, "{report:#}");
    assert_eq!(report["agreed"], 3);
    let case = &report["disagreements"][0];
    assert_eq!(case["case"]["line"], 2);
    assert!(
        case["diff"]
            .as_str()
            .unwrap()
            .contains("-hello, alice! (0)"),
        "{case:#}"
    );
}
