//! The client against a real loopback HTTP server speaking the
//! chat-completions API (wiremock), with scripted replies.

use std::sync::atomic::Ordering;
use std::time::Duration;

use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};
use zigport_llm::{Cache, LlmClient, LlmError, Message, Settings};
use zigport_translator::config::LlmConfig;

const KEY: &str = "sk-zigport-test-SECRET-9f2c";

fn reply(text: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(serde_json::json!({
        "id": "x", "object": "chat.completion", "created": 0, "model": "m",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": text}}],
        "usage": {"prompt_tokens": 11, "completion_tokens": 5, "total_tokens": 16}
    }))
}

fn client(server: &MockServer, cache: &std::path::Path, timeout: f64) -> LlmClient {
    let config = LlmConfig {
        base_url: Some(format!("{}/v1", server.uri())),
        model: Some("test-model".into()),
        api_key_env: Some("ZIGPORT_TEST_KEY".into()),
        timeout_secs: Some(timeout),
        max_retries: Some(2),
        retry_base_ms: Some(10),
        ..LlmConfig::default()
    };
    let settings = Settings::resolve_with(&config, &|name| {
        (name == "ZIGPORT_TEST_KEY").then(|| KEY.to_string())
    })
    .unwrap();
    LlmClient::new(settings, Cache::new(cache)).unwrap()
}

fn ask() -> Vec<Message> {
    vec![Message::system("s"), Message::user("port this")]
}

#[tokio::test]
async fn rate_limit_then_success_retries_and_sends_the_key_only_as_a_header() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(429).set_body_json(serde_json::json!(
            {"error": {"message": "slow down", "type": "rate_limit", "param": null, "code": null}}
        )))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .and(header("authorization", format!("Bearer {KEY}").as_str()))
        .respond_with(reply("fn f() {}"))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let c = client(&server, dir.path(), 10.0);
    let done = c.complete(&ask()).await.unwrap();
    assert_eq!(done.content, "fn f() {}");
    assert_eq!(
        (done.input_tokens, done.output_tokens, done.cached),
        (11, 5, false)
    );
    assert_eq!(c.stats().requests.load(Ordering::Relaxed), 2);
    assert_eq!(c.stats().retries.load(Ordering::Relaxed), 1);
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
    // The key is in no cache entry.
    for entry in walk(dir.path()) {
        let text = std::fs::read_to_string(entry).unwrap();
        assert!(!text.contains(KEY));
    }
}

#[tokio::test]
async fn a_rerun_is_served_from_the_cache_with_zero_requests() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(reply("cached answer"))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let first = client(&server, dir.path(), 10.0)
        .complete(&ask())
        .await
        .unwrap();
    assert!(!first.cached);
    let before = server.received_requests().await.unwrap().len();
    let again = client(&server, dir.path(), 10.0);
    let second = again.complete(&ask()).await.unwrap();
    assert!(second.cached);
    assert_eq!(second.content, first.content);
    assert_eq!(server.received_requests().await.unwrap().len(), before);
    assert_eq!(again.stats().requests.load(Ordering::Relaxed), 0);
}

#[tokio::test]
async fn a_timeout_is_retried_then_reported_without_caching() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(reply("late").set_delay(Duration::from_secs(3)))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let c = client(&server, dir.path(), 0.3);
    let err = c.complete(&ask()).await.unwrap_err();
    assert!(matches!(err, LlmError::Timeout(_)), "{err}");
    assert_eq!(c.stats().requests.load(Ordering::Relaxed), 3); // 1 + 2 retries
    assert!(walk(dir.path()).is_empty());
}

#[tokio::test]
async fn server_errors_and_garbage_bodies_are_errors_not_panics() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503).set_body_string("<html>busy</html>"))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let err = client(&server, dir.path(), 5.0)
        .complete(&ask())
        .await
        .unwrap_err();
    assert!(matches!(err, LlmError::Status { status: 503, .. }), "{err}");

    let garbage = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_string("not json at all"))
        .mount(&garbage)
        .await;
    let err = client(&garbage, dir.path(), 5.0)
        .complete(&ask())
        .await
        .unwrap_err();
    assert!(matches!(err, LlmError::Malformed(_)), "{err}");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
