//! End-to-end tests of the `zigport` binary: exit codes, messages, JSON.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn zigport() -> Command {
    let mut cmd = Command::cargo_bin("zigport").expect("binary builds");
    // Never pick up the developer's zigport.toml or toolchain.
    cmd.env_remove("ZIG");
    cmd
}

fn plan_json(dir: &Path, extra: &[&str]) -> (Value, String) {
    let out = zigport()
        .current_dir(dir)
        .arg("plan")
        .arg(dir)
        .arg("--json")
        .args(extra)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    (json, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn module<'a>(plan: &'a Value, name: &str) -> &'a Value {
    plan["order"]
        .as_array()
        .and_then(|o| o.iter().find(|m| m["module"] == name))
        .unwrap_or_else(|| panic!("{name} not in plan"))
}

#[test]
fn missing_directory_is_an_input_error() {
    zigport()
        .args(["plan", "/definitely/not/here"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "/definitely/not/here: no such file or directory",
        ));
}

#[test]
fn empty_directory_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    zigport()
        .arg("plan")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no .zig files found"));
}

#[test]
fn non_zig_file_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    fs::write(&file, "hello").unwrap();
    zigport()
        .arg("plan")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not a .zig file"));
}

#[test]
fn broken_files_are_diagnosed_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("good.zig"),
        "pub fn one() u8 {\n    return 1;\n}\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("truncated.zig"),
        "pub fn one() u8 {\n    return (1 +",
    )
    .unwrap();
    let mut latin1 = b"const a = 1;\n// caf".to_vec();
    latin1.extend([0xE9, b'\n']);
    fs::write(dir.path().join("latin1.zig"), latin1).unwrap();
    let noise: Vec<u8> = (0..2000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    fs::write(dir.path().join("noise.zig"), noise).unwrap();

    let (plan, _) = plan_json(dir.path(), &[]);
    assert_eq!(plan["files"], 4);
    assert_eq!(plan["clean_files"], 1);
    assert!(module(&plan, "good.zig")["clean"].as_bool().unwrap());
    for name in ["truncated.zig", "latin1.zig", "noise.zig"] {
        let m = module(&plan, name);
        assert_eq!(m["clean"], false, "{name}");
        let diagnostics = m["diagnostics"].as_array().expect("diagnostics listed");
        assert!(!diagnostics.is_empty(), "{name}");
        assert!(
            diagnostics.iter().all(|d| d["line"].as_u64() >= Some(1)),
            "{name}: {diagnostics:?}"
        );
    }
    let latin1 = &module(&plan, "latin1.zig")["diagnostics"][0];
    assert_eq!(latin1["line"], 2);
    assert!(
        latin1["message"]
            .as_str()
            .unwrap()
            .contains("not valid UTF-8")
    );
}

#[test]
fn human_output_renders_excerpts() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.zig"),
        "const ok = 1;\nconst a = foo(1, 2;\n",
    )
    .unwrap();
    zigport()
        .arg("plan")
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicates::str::contains("bad.zig:2:19"))
        .stdout(predicates::str::contains("const a = foo(1, 2;"))
        .stdout(predicates::str::contains("missing `)`"));
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_and_the_rest_planned() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("sub/a.zig"), "const a = 1;\n").unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let (plan, stderr) = plan_json(dir.path(), &[]);
    assert_eq!(plan["files"], 1);
    assert!(stderr.contains("symlink loop"), "{stderr}");
    assert!(
        plan["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("symlink loop")
    );
}

#[test]
fn oversized_file_is_reported_not_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.zig");
    let file = fs::File::create(&big).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap(); // sparse: 50 MB of NUL bytes
    let (plan, _) = plan_json(dir.path(), &[]);
    let m = module(&plan, "big.zig");
    assert_eq!(m["clean"], false);
    assert!(
        m["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("over the")
    );
    assert_eq!(m["bytes"], 50 * 1024 * 1024);
}

#[test]
fn graph_order_cycles_and_imports() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::create_dir_all(p.join("src/util")).unwrap();
    fs::write(p.join("zigport.toml"), "[modules]\nbun = \"src/bun.zig\"\n").unwrap();
    fs::write(p.join("src/main.zig"), "const std = @import(\"std\");\nconst a = @import(\"a.zig\");\nconst bun = @import(\"bun\");\nconst nope = @import(\"nope\");\npub fn main() void {}\n").unwrap();
    fs::write(
        p.join("src/a.zig"),
        "const b = @import(\"util/b.zig\");\ntest \"a\" {}\n",
    )
    .unwrap();
    fs::write(p.join("src/util/b.zig"), "const c = @import(\"c.zig\");\n").unwrap();
    fs::write(
        p.join("src/util/c.zig"),
        "const b = @import(\"../util/b.zig\");\n",
    )
    .unwrap();
    fs::write(p.join("src/bun.zig"), "pub const version = \"1\";\n").unwrap();

    let (plan, _) = plan_json(p, &[]);
    let order: Vec<&str> = plan["order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["module"].as_str().unwrap())
        .collect();
    let pos = |m: &str| order.iter().position(|x| *x == m).unwrap();
    assert!(pos("src/util/b.zig") < pos("src/a.zig"));
    assert!(pos("src/util/c.zig") < pos("src/a.zig"));
    assert!(pos("src/a.zig") < pos("src/main.zig"));
    assert!(pos("src/bun.zig") < pos("src/main.zig"));
    assert_eq!(
        plan["cycles"],
        serde_json::json!([["src/util/b.zig", "src/util/c.zig"]])
    );
    assert_eq!(plan["unresolved_imports"].as_array().unwrap().len(), 1);
    assert_eq!(plan["unresolved_imports"][0]["import"], "nope");
    assert_eq!(plan["unresolved_imports"][0]["line"], 4);
    assert_eq!(plan["external_imports"]["std"], 1);
    let main = module(&plan, "src/main.zig");
    assert_eq!(
        (main["fan_out"].as_u64(), main["pub_functions"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(module(&plan, "src/a.zig")["tests"], 1);
}

#[test]
fn bad_config_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("zigport.toml"), "[toolchain]\nzig = 15\n").unwrap();
    fs::write(dir.path().join("a.zig"), "const a = 1;\n").unwrap();
    zigport()
        .current_dir(dir.path())
        .args(["plan", "."])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("zigport.toml"));
}

#[cfg(unix)]
fn fake_zig(dir: &Path, version: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("zig");
    let script = format!(
        "#!/bin/sh\nprintf '.{{\\n    .lib_dir = \"/fake/lib\",\\n    .std_dir = \"/fake/lib/std\",\\n    .version = \"{version}\",\\n}}\\n'\n"
    );
    fs::write(&path, script).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn toolchain_reports_ok_mismatch_and_missing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("zigport.toml"),
        "[toolchain]\nzig = \"0.15.2\"\n",
    )
    .unwrap();
    let run = |zig: Option<&Path>| {
        let mut cmd = zigport();
        cmd.current_dir(dir.path())
            .env("PATH", "/nonexistent")
            .env("ZIGPORT_TOOLCHAIN_DIR", dir.path().join("tc"))
            .env("ZIGPORT_CACHE_DIR", dir.path().join("cache"))
            .args(["toolchain", "--json"]);
        if let Some(z) = zig {
            cmd.env("ZIG", z);
        }
        let out = cmd.output().unwrap();
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code(), json)
    };
    let good = fake_zig(&dir.path().join(""), "0.15.2");
    let (code, json) = run(Some(&good));
    assert_eq!((code, json["status"].as_str()), (Some(0), Some("ok")));
    assert_eq!(json["std_dir"], "/fake/lib/std");
    assert_eq!(json["origin"], "env");

    let other = dir.path().join("other");
    fs::create_dir(&other).unwrap();
    let old = fake_zig(&other, "0.13.0");
    let (code, json) = run(Some(&old));
    assert_eq!(
        (code, json["status"].as_str()),
        (Some(1), Some("version-mismatch"))
    );
    assert_eq!(json["found"]["version"], "0.13.0");

    let (code, json) = run(None);
    assert_eq!((code, json["status"].as_str()), (Some(1), Some("missing")));
}

/// One install per user: every project finds the pinned Zig in the user
/// cache; `$ZIG`, then a project-local install, override it.
#[cfg(unix)]
#[test]
fn projects_share_the_user_cache_toolchain_unless_overridden() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let installed = cache.join("toolchain/zig-0.15.2/ziglang");
    fs::create_dir_all(&installed).unwrap();
    let cached = fake_zig(&installed, "0.15.2");
    let projects = [dir.path().join("a"), dir.path().join("b")];
    for p in &projects {
        fs::create_dir_all(p).unwrap();
        fs::write(p.join("zigport.toml"), "[toolchain]\nzig = \"0.15.2\"\n").unwrap();
    }
    let run = |project: &Path, zig: Option<&Path>| {
        let mut cmd = zigport();
        cmd.current_dir(project)
            .env("PATH", "/nonexistent")
            .env("ZIGPORT_CACHE_DIR", &cache)
            .env_remove("ZIGPORT_TOOLCHAIN_DIR")
            .args(["toolchain", "--json"]);
        if let Some(z) = zig {
            cmd.env("ZIG", z);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        (json["origin"].clone(), json["zig"].clone())
    };
    let cached = Value::from(cached.to_str().unwrap());
    for p in &projects {
        assert_eq!(run(p, None), (Value::from("user-cache"), cached.clone()));
    }

    let local_dir = projects[0].join(".zigport/toolchain/zig-0.15.2/ziglang");
    fs::create_dir_all(&local_dir).unwrap();
    let local = fake_zig(&local_dir, "0.15.2");
    assert_eq!(
        run(&projects[0], None),
        (
            Value::from("project-local"),
            Value::from(local.to_str().unwrap())
        )
    );
    assert_eq!(run(&projects[1], None), (Value::from("user-cache"), cached));

    let explicit = fake_zig(dir.path(), "0.15.2");
    for p in &projects {
        assert_eq!(
            run(p, Some(&explicit)),
            (Value::from("env"), Value::from(explicit.to_str().unwrap()))
        );
    }
}

/// `--install` puts the pinned Zig into the user cache, once: a second
/// project finds it there. Offline: "pip" is a script that lays out what
/// the `ziglang` wheel would.
#[cfg(unix)]
#[test]
fn install_goes_to_the_user_cache_once() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let log = dir.path().join("pip.log");
    let python = dir.path().join("python3");
    let script = r#"#!/bin/sh
PATH=/usr/bin:/bin
echo "$*" >> "LOG"
while [ $# -gt 0 ]; do
  case "$1" in --target) shift; t="$1" ;; ziglang==*) v="${1#ziglang==}" ;; esac
  shift
done
mkdir -p "$t/ziglang"
cat > "$t/ziglang/zig" <<EOS
#!/bin/sh
printf '.{\n    .lib_dir = "/fake/lib",\n    .std_dir = "/fake/lib/std",\n    .version = "$v",\n}\n'
EOS
chmod +x "$t/ziglang/zig"
"#
    .replace("LOG", log.to_str().unwrap());
    fs::write(&python, script).unwrap();
    fs::set_permissions(&python, fs::Permissions::from_mode(0o755)).unwrap();
    let install = |project: &Path| {
        fs::create_dir_all(project).unwrap();
        fs::write(
            project.join("zigport.toml"),
            "[toolchain]\nzig = \"0.15.2\"\n",
        )
        .unwrap();
        let out = zigport()
            .current_dir(project)
            .env("PATH", "/nonexistent")
            .env("PYTHON", &python)
            .env("ZIGPORT_CACHE_DIR", &cache)
            .env_remove("ZIGPORT_TOOLCHAIN_DIR")
            .args(["toolchain", "--install", "--json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let first = install(&dir.path().join("a"));
    let second = install(&dir.path().join("b"));
    let installed = cache.join("toolchain/zig-0.15.2/ziglang/zig");
    for json in [&first, &second] {
        assert_eq!(json["origin"], "user-cache");
        assert_eq!(json["zig"], installed.to_str().unwrap());
    }
    let runs = fs::read_to_string(&log).unwrap();
    assert_eq!(runs.lines().count(), 1, "pip ran more than once: {runs}");
    assert!(runs.contains("ziglang==0.15.2"), "{runs}");
    // The staging directory was renamed into place; nothing else is left.
    let left: Vec<_> = fs::read_dir(cache.join("toolchain"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("zig-0.15.2")]);
    assert!(!dir.path().join("a/.zigport").exists());
}

#[test]
fn failed_install_is_reported_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let toolchains = cache.join("toolchain");
    zigport()
        .current_dir(dir.path())
        .env("PATH", "/nonexistent")
        .env("PYTHON", "/nonexistent/python3")
        .env("ZIGPORT_CACHE_DIR", &cache)
        .args(["toolchain", "--install"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("Zig 0.15.2 not found"))
        .stderr(predicates::str::contains(
            "installing ziglang==0.15.2 from PyPI",
        ))
        .stderr(predicates::str::contains("is Python 3 with pip installed"));
    let left: Vec<_> = fs::read_dir(&toolchains)
        .map(|d| d.flatten().collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "partial install left behind: {left:?}");
}

#[test]
fn plan_details_include_the_index() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("lib.zig"),
        "/// Parses.\npub fn parse(text: []const u8,\n    base: u8) !u32 {\n    _ = text;\n    return base;\n}\nconst Color = enum { red };\ntest \"parse\" {}\n",
    )
    .unwrap();
    let (plan, _) = plan_json(dir.path(), &["--details"]);
    let index = &module(&plan, "lib.zig")["index"];
    assert_eq!(
        index["functions"][0]["signature"],
        "pub fn parse(text: []const u8, base: u8) !u32"
    );
    assert_eq!(index["functions"][0]["params"][1]["ty"], "u8");
    assert_eq!(index["types"][0]["kind"], "enum");
    assert_eq!(index["tests"][0]["name"], "parse");
}

#[test]
fn port_configuration_maps_rewrites_and_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(
        p.join("zigport.toml"),
        r#"
[translate.crates]
"bun.strings" = "bun_str::strings"

[[translate.rewrite]]
zig = "bun.strings.eqlLong"
rust = "{0} == {1}"

[translate.overrides]
"rotated" = "pub fn rotated(x: u8) -> u8 { x.rotate_left(1) }"
"#,
    )
    .unwrap();
    fs::write(
        p.join("lib.zig"),
        "const bun = @import(\"bun\");\nconst strings = bun.strings;\n\
         pub fn same(a: []const u8, b: []const u8) bool {\n    return strings.eqlLong(a, b);\n}\n\
         pub fn width(s: []const u8) usize {\n    return bun.strings.visibleWidth(s);\n}\n\
         pub fn rotated(x: u8) u8 {\n    return asm volatile (\"\" : [ret] \"=r\" (-> u8));\n}\n",
    )
    .unwrap();
    zigport()
        .current_dir(p)
        .args(["translate", "lib.zig", "--out", "out", "--no-check"])
        .assert()
        .code(0);
    let rust = fs::read_to_string(p.join("out/src/lib_.rs")).expect("module written beside lib.rs");
    assert!(rust.contains("(a == b)"), "{rust}");
    assert!(
        rust.contains("bun_str::strings::visible_width(s)"),
        "{rust}"
    );
    assert!(
        rust.contains("x.rotate_left(1)") && !rust.contains("// TODO(port):"),
        "{rust}"
    );
    assert!(
        fs::read_to_string(p.join("out/src/lib.rs"))
            .unwrap()
            .contains("pub mod lib_;")
    );
}

#[test]
fn hand_edited_modules_are_kept_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("m.zig"),
        "pub fn one() u8 {\n    return 1;\n}\n",
    )
    .unwrap();
    let translate = |extra: &[&str]| {
        zigport()
            .current_dir(dir.path())
            .args([
                "translate",
                "m.zig",
                "--out",
                "port",
                "--no-check",
                "--json",
            ])
            .args(extra)
            .output()
            .unwrap()
    };
    assert!(translate(&[]).status.success());
    let module = dir.path().join("port/src/m.rs");
    let mine = "// my own version\npub fn one() -> u8 { 1 }\n";
    fs::write(&module, mine).unwrap();

    let out = translate(&[]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"][0]["hand_edited"], true, "{json:#}");
    assert_eq!(
        fs::read_to_string(&module).unwrap(),
        mine,
        "a re-run must not lose the edit"
    );
    // Still hand-edited on the next run: the manifest keeps zigport's hash.
    translate(&[]);
    assert_eq!(fs::read_to_string(&module).unwrap(), mine);

    assert!(translate(&["--force"]).status.success());
    assert_ne!(
        fs::read_to_string(&module).unwrap(),
        mine,
        "--force regenerates"
    );
    let json: Value = serde_json::from_slice(&translate(&[]).stdout).unwrap();
    assert_eq!(
        json["files"][0]["hand_edited"], false,
        "unchanged since zigport wrote it: {json:#}"
    );
}

/// After stubbing, only a module edited by hand (which zigport never
/// stubs) can keep the crate from building: `translate` and `port` say
/// where (file:line:column) and exit 1, not 2 ("bad input"); zigport's
/// own crate failing would be 3.
#[test]
fn a_crate_that_does_not_build_is_located_and_not_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("m.zig"),
        "pub fn one() u8 {\n    return 1;\n}\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        zigport()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    let first = run(&["translate", "m.zig", "--out", "port"]);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    fs::write(
        dir.path().join("port/src/m.rs"),
        "pub fn one() -> u8 {\n    missing()\n}\n",
    )
    .unwrap();
    for args in [
        &["translate", "m.zig", "--out", "port"][..],
        &["port", ".", "--out", "port"],
    ] {
        let out = run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("edited by hand"), "{args:?}: {stderr}");
        assert!(
            stderr.contains("port/src/m.rs:2:5: cannot find function `missing`"),
            "{args:?}: {stderr}"
        );
    }
    // The edit is still there.
    assert!(
        fs::read_to_string(dir.path().join("port/src/m.rs"))
            .unwrap()
            .contains("missing()")
    );
}

/// A `src/main.rs` the user wrote is never overwritten or removed (zigport
/// removes only its own when the Zig has no `pub fn main` any more).
#[test]
fn a_users_main_rs_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("m.zig"),
        "pub fn main() u8 {\n    return 0;\n}\n",
    )
    .unwrap();
    let translate = || {
        let out = zigport()
            .current_dir(dir.path())
            .args(["translate", "m.zig", "--out", "port", "--no-check"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    };
    translate();
    let main_rs = dir.path().join("port/src/main.rs");
    assert!(
        fs::read_to_string(&main_rs)
            .unwrap()
            .contains("(written by zigport)")
    );
    // The Zig loses its `main`: zigport's own entry point goes.
    fs::write(
        dir.path().join("m.zig"),
        "pub fn one() u8 {\n    return 1;\n}\n",
    )
    .unwrap();
    translate();
    assert!(!main_rs.exists());
    // One the user writes stays, through runs with and without a Zig `main`.
    let mine = "fn main() {\n    println!(\"mine\");\n}\n";
    fs::write(&main_rs, mine).unwrap();
    translate();
    assert_eq!(fs::read_to_string(&main_rs).unwrap(), mine);
    fs::write(
        dir.path().join("m.zig"),
        "pub fn main() u8 {\n    return 0;\n}\n",
    )
    .unwrap();
    translate();
    assert_eq!(fs::read_to_string(&main_rs).unwrap(), mine);
}

/// `zigport sema big.zig | head -1`: when the reader goes away, zigport
/// stops with SIGPIPE's status (141), without a panic report.
#[test]
fn closed_stdout_stops_quietly() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("many.zig");
    let body: String = (0..3000)
        .map(|i| format!("pub fn f{i}(x: u32) u32 {{\n    return x + {i};\n}}\n"))
        .collect();
    fs::write(&file, body).expect("write fixture");
    let bin = assert_cmd::cargo::cargo_bin("zigport");
    let mut child = std::process::Command::new(bin)
        .arg("sema")
        .arg(&file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = [0u8; 16];
    let mut stdout = child.stdout.take().expect("stdout");
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("exits");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert_eq!(out.status.code(), Some(141), "stderr: {stderr}");
}
