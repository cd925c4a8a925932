//! `translate --llm` end to end against a real loopback server speaking the
//! chat-completions API (wiremock), scripted per function, with the real Zig
//! oracle deciding what is accepted.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use wiremock::matchers::{body_string_contains, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "sk-zigport-e2e-SECRET-41d7";

/// Functions the rules cannot finish (a TODO and a compile error), with
/// signatures the oracle can call.
const ZIG: &str = r#"
const std = @import("std");

/// Bits needed to store x.
pub fn bitLength(x: u32) u32 {
    return @bitSizeOf(@TypeOf(x)) - @clz(x);
}

/// Index of the last `c` in `s`.
pub fn lastIndex(s: []const u8, c: u8) ?usize {
    return std.mem.lastIndexOfLinear(u8, s, &[_]u8{c});
}

pub fn double(x: u8) u8 {
    return x * 2;
}
"#;

const BIT_LENGTH_OK: &str =
    "```rust\npub fn bit_length(x: u32) -> u32 {\n    32 - x.leading_zeros()\n}\n```";
const LAST_INDEX_WRONG: &str = "Sure:\n```rust\npub fn last_index(s: &[u8], c: u8) -> Option<usize> {\n    s.iter().rposition(|&b| b == c).map(|i| i + 1)\n}\n```";
const LAST_INDEX_OK: &str = "```rust\npub fn last_index(s: &[u8], c: u8) -> Option<usize> {\n    s.iter().rposition(|&b| b == c)\n}\n```";

fn chat(text: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(serde_json::json!({
        "choices": [{"message": {"role": "assistant", "content": text}}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20}
    }))
}

/// Replies to prompts about `zig_name`; `repair` answers turns that carry
/// `marker` (feedback text), with priority over the first-turn reply.
async fn script(
    server: &MockServer,
    zig_name: &str,
    first: ResponseTemplate,
    repair: Option<(&str, ResponseTemplate)>,
) {
    let needle = format!("Port the Zig function `{zig_name}`");
    if let Some((marker, reply)) = repair {
        Mock::given(method("POST"))
            .and(path("/v1/chat/completions"))
            .and(body_string_contains(needle.as_str()))
            .and(body_string_contains(marker))
            .respond_with(reply)
            .with_priority(1)
            .mount(server)
            .await;
    }
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .and(body_string_contains(needle.as_str()))
        .respond_with(first)
        .with_priority(5)
        .mount(server)
        .await;
}

fn project(dir: &Path, server: &MockServer, extra: &str) {
    fs::write(dir.join("m.zig"), ZIG).unwrap();
    fs::write(
        dir.join("zigport.toml"),
        format!(
            "[llm]\nbase_url = \"{}/v1\"\nmodel = \"scripted\"\napi_key_env = \"ZIGPORT_E2E_KEY\"\nretry_base_ms = 10\noracle_cases = 2000\nprice_input_per_mtok = 1.0\nprice_output_per_mtok = 2.0\n{extra}",
            server.uri()
        ),
    )
    .unwrap();
}

/// Runs `zigport translate m.zig --out port --llm --json` off the async
/// runtime (the server lives on it).
async fn translate_llm(dir: &Path, extra_args: &[&str]) -> (Value, String) {
    let dir = dir.to_path_buf();
    let extra: Vec<String> = extra_args.iter().map(|s| s.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("zigport"))
            .current_dir(&dir)
            .env("ZIGPORT_TOOLCHAIN_DIR", toolchain_dir())
            .env("ZIGPORT_E2E_KEY", KEY)
            .env_remove("OPENAI_BASE_URL")
            .env_remove("ZIGPORT_LLM_BASE_URL")
            .env_remove("ZIGPORT_LLM_MODEL")
            .args(["translate", "m.zig", "--out", "port", "--llm", "--json"])
            .args(&extra)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "{stderr}");
        let json = if extra.iter().any(|a| a == "--dry-run") {
            Value::String(String::from_utf8_lossy(&out.stdout).to_string())
        } else {
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"))
        };
        (json, stderr)
    })
    .await
    .unwrap()
}

fn toolchain_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../.zigport/toolchain")
}

fn status(report: &Value, zig_name: &str) -> String {
    report["files"][0]["functions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["zig_name"] == zig_name)
        .unwrap_or_else(|| panic!("{zig_name}: {report:#}"))["status"]
        .as_str()
        .unwrap()
        .to_string()
}

fn outcome<'a>(report: &'a Value, zig_name: &str) -> &'a Value {
    report["llm"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["function"] == zig_name)
        .unwrap_or_else(|| panic!("{zig_name}: {report:#}"))
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "target") {
                continue;
            }
            out.extend(all_files(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn todo_replaced_wrong_body_repaired_rerun_cached_hand_edits_kept() {
    let server = MockServer::start().await;
    script(&server, "bitLength", chat(BIT_LENGTH_OK), None).await;
    script(
        &server,
        "lastIndex",
        chat(LAST_INDEX_WRONG),
        Some(("counterexample", chat(LAST_INDEX_OK))),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), &server, "");

    // --dry-run prints the prompts and sends nothing.
    let (printed, _) = translate_llm(dir.path(), &["--dry-run"]).await;
    let printed = printed.as_str().unwrap();
    assert!(printed.contains("Port the Zig function `bitLength`") && printed.contains("@TypeOf"));
    assert_eq!(server.received_requests().await.unwrap().len(), 0);

    let (report, stderr) = translate_llm(dir.path(), &[]).await;
    // The TODO function is replaced on the first turn...
    assert_eq!(status(&report, "bitLength"), "clean", "{report:#}");
    assert_eq!(outcome(&report, "bitLength")["attempts"], 1);
    // ...the wrong body is caught by the oracle and repaired on the second.
    assert_eq!(status(&report, "lastIndex"), "clean", "{report:#}");
    let last = outcome(&report, "lastIndex");
    assert_eq!(last["accepted"], true);
    assert_eq!(last["attempts"], 2);
    assert!(
        last["history"][0].as_str().unwrap().contains("diverged"),
        "{last:#}"
    );
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 3);
    let repair = requests
        .iter()
        .map(|r| String::from_utf8_lossy(&r.body).to_string())
        .find(|b| b.contains("counterexample"))
        .expect("a repair turn");
    assert!(
        repair.contains("i + 1"),
        "the repair turn carries the previous reply"
    );
    let module = fs::read_to_string(dir.path().join("port/src/m.rs")).unwrap();
    assert!(module.contains("rposition(|&b| b == c)") && !module.contains("i + 1"));
    assert!(module.contains("agreed with the Zig on"), "{module}");
    assert_eq!(report["llm_usage"]["m.zig"]["requests"], 3);
    assert!(report["llm_usage"]["m.zig"]["cost_usd"].as_f64().unwrap() > 0.0);

    // The API key is nowhere: not in the output, the crate, the cache.
    assert!(!stderr.contains(KEY) && !report.to_string().contains(KEY));
    for f in all_files(&dir.path().join("port")) {
        let bytes = fs::read(&f).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(KEY),
            "{}",
            f.display()
        );
    }

    // A re-run after forgetting what was accepted asks the same questions:
    // all answered by the cache, zero requests, same result.
    fs::remove_file(dir.path().join("port/zigport-llm.json")).unwrap();
    let (again, _) = translate_llm(dir.path(), &[]).await;
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
    assert_eq!(status(&again, "lastIndex"), "clean");
    assert_eq!(again["llm_usage"]["m.zig"]["requests"], 0);
    assert_eq!(again["llm_usage"]["m.zig"]["cached_replies"], 3);

    // A plain translate keeps what the LLM earned.
    let plain = std::process::Command::new(assert_cmd::cargo::cargo_bin("zigport"))
        .current_dir(dir.path())
        .env("ZIGPORT_TOOLCHAIN_DIR", toolchain_dir())
        .args(["translate", "m.zig", "--out", "port", "--json"])
        .output()
        .unwrap();
    let plain: Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert_eq!(status(&plain, "bitLength"), "clean");

    // A hand-edited module is left untouched, and nothing is asked about it.
    let edited = format!("{module}\n// my own note\n");
    fs::write(dir.path().join("port/src/m.rs"), &edited).unwrap();
    fs::remove_file(dir.path().join("port/zigport-llm.json")).unwrap();
    let (_, _) = translate_llm(dir.path(), &[]).await;
    assert_eq!(
        fs::read_to_string(dir.path().join("port/src/m.rs")).unwrap(),
        edited
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_reply_rate_limit_and_timeout_do_no_damage() {
    let server = MockServer::start().await;
    // bitLength: rate limited once, then answered.
    Mock::given(method("POST"))
        .and(body_string_contains("Port the Zig function `bitLength`"))
        .respond_with(ResponseTemplate::new(429).set_body_json(serde_json::json!(
            {"error": {"message": "rate limited", "type": "requests", "param": null, "code": null}}
        )))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    script(&server, "bitLength", chat(BIT_LENGTH_OK), None).await;
    // lastIndex: never any code, and once an attempt at `std::process`.
    script(
        &server,
        "lastIndex",
        chat("I'm sorry, I can't translate this function."),
        Some((
            "could not be used",
            chat("```rust\npub fn last_index(s: &[u8], c: u8) -> Option<usize> { std::process::exit(1) }\n```"),
        )),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), &server, "max_retries = 2\n");
    let (report, _) = translate_llm(dir.path(), &[]).await;
    assert_eq!(status(&report, "bitLength"), "clean", "{report:#}");
    let last = outcome(&report, "lastIndex");
    assert_eq!(last["accepted"], false);
    assert_eq!(last["attempts"], 3);
    let history = last["history"].to_string();
    assert!(
        history.contains("no Rust code") && history.contains("std::process"),
        "{history}"
    );
    // The rules' draft with its TODO stays, and the crate still compiles.
    assert_eq!(status(&report, "lastIndex"), "todo");
    let module = fs::read_to_string(dir.path().join("port/src/m.rs")).unwrap();
    assert!(module.contains("TODO(port)") && !module.contains("std::process"));
    assert_eq!(report["errors_outside_functions"], 0);

    // An endpoint that never answers in time: retried, then reported.
    let slow = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(chat(BIT_LENGTH_OK).set_delay(std::time::Duration::from_secs(5)))
        .mount(&slow)
        .await;
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), &slow, "timeout_secs = 0.5\nmax_retries = 1\n");
    let (report, _) = translate_llm(dir.path(), &[]).await;
    let bit = outcome(&report, "bitLength");
    assert_eq!(bit["accepted"], false);
    assert!(
        bit["reason"].as_str().unwrap().contains("no reply"),
        "{bit:#}"
    );
    assert_eq!(status(&report, "bitLength"), "error");
    assert_eq!(slow.received_requests().await.unwrap().len(), 4); // 2 fns × (1 + 1 retry)
}

/// Hostile replies, one per attempt, through the whole `translate --llm`
/// loop (issue 20): each is refused before anything of it is built or
/// run, so the canary file is never written, the key never leaks, and the
/// port keeps the rules' draft.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_replies_are_never_built_run_or_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let canary = dir.path().join("CANARY");
    let c = canary.display().to_string();
    let body = |code: &str| {
        format!(
            "```rust\npub fn bit_length(x: u32) -> u32 {{\n    {code}\n    32 - x.leading_zeros()\n}}\n```"
        )
    };
    let payloads = [
        body(&format!("std::fs::write({c:?}, b\"pwned\").ok();")),
        body(&format!(
            "let k = std::env::var(\"ZIGPORT_E2E_KEY\").unwrap_or_default(); std::fs::write({c:?}, k).ok();"
        )),
        body(&format!(
            "std::process::Command::new(\"sh\").arg(\"-c\").arg(\"touch {c}\").status().ok();"
        )),
        body(&format!("use std as s; s::fs::File::create({c:?}).ok();")),
        body("let _ = std::net::TcpStream::connect(\"127.0.0.1:9\");"),
        body("let _ = include_str!(\"/etc/passwd\");"),
        format!(
            "```rust\nextern \"C\" {{ fn system(cmd: *const u8) -> i32; }}\npub fn bit_length(x: u32) -> u32 {{\n    unsafe {{ system(b\"touch {c}\\0\".as_ptr()); }}\n    32 - x.leading_zeros()\n}}\n```"
        ),
        format!(
            "```rust\n#[unsafe(no_mangle)]\npub extern \"C\" fn zigport_set_panic_fd(_fd: i32) {{ let _ = std::fs::write({c:?}, b\"x\"); }}\npub fn bit_length(x: u32) -> u32 {{ 32 - x.leading_zeros() }}\n```"
        ),
    ];
    let server = MockServer::start().await;
    // Each attempt gets the next payload (highest priority first, once).
    for (i, payload) in payloads.iter().enumerate() {
        Mock::given(method("POST"))
            .and(path("/v1/chat/completions"))
            .and(body_string_contains("Port the Zig function `bitLength`"))
            .respond_with(chat(payload))
            .up_to_n_times(1)
            .with_priority(u8::try_from(i + 1).unwrap())
            .mount(&server)
            .await;
    }
    script(&server, "lastIndex", chat("No code for this one."), None).await;
    project(
        dir.path(),
        &server,
        &format!("max_attempts = {}\n", payloads.len()),
    );
    let (report, stderr) = translate_llm(dir.path(), &[]).await;

    let bit = outcome(&report, "bitLength");
    assert_eq!(bit["accepted"], false, "{bit:#}");
    assert_eq!(bit["attempts"], payloads.len(), "{bit:#}");
    assert!(!canary.exists(), "a hostile reply ran");
    assert_ne!(status(&report, "bitLength"), "clean");
    // Every attempt says why it was refused.
    let history = bit["history"].as_array().unwrap();
    assert_eq!(history.len(), payloads.len(), "{bit:#}");
    let requests = server.received_requests().await.unwrap();
    assert!(requests.len() >= payloads.len());
    // Nothing of any payload reached the port; the key leaked nowhere.
    let module = fs::read_to_string(dir.path().join("port/src/m.rs")).unwrap();
    for needle in [
        "std::fs",
        "std::env",
        "std::process",
        "TcpStream",
        "include_str",
        "system(",
        "no_mangle",
    ] {
        assert!(!module.contains(needle), "{needle} in the port:\n{module}");
    }
    assert!(!stderr.contains(KEY) && !report.to_string().contains(KEY));
    for f in all_files(dir.path()) {
        let text = String::from_utf8_lossy(&fs::read(&f).unwrap()).to_string();
        assert!(
            !text.contains(KEY) || f.ends_with("zigport.toml"),
            "{}",
            f.display()
        );
    }
}
