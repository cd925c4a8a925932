//! The chat-completions client: async-openai over reqwest, with a
//! concurrency limit, a per-request timeout, retries with exponential
//! backoff on 429 / 5xx / timeouts / dropped connections, and the cache in
//! front of it all.
//!
//! Requests and replies go through async-openai's bring-your-own-types
//! calls as plain JSON, so providers that bend the spec (no `usage`, no
//! `id`, content as an array of parts, an error object with status 200)
//! still work.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use async_openai::Client;
use async_openai::config::OpenAIConfig;
use async_openai::error::OpenAIError;
use async_openai::middleware::ReqwestService;
use serde::Serialize;
use serde_json::{Value, json};
use tokio::sync::Semaphore;

use crate::cache::{Cache, CachedReply, request_key};
use crate::settings::Settings;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Message {
    pub role: &'static str,
    pub content: String,
}

impl Message {
    pub fn system(content: impl Into<String>) -> Self {
        Message {
            role: "system",
            content: content.into(),
        }
    }
    pub fn user(content: impl Into<String>) -> Self {
        Message {
            role: "user",
            content: content.into(),
        }
    }
    pub fn assistant(content: impl Into<String>) -> Self {
        Message {
            role: "assistant",
            content: content.into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Completion {
    pub content: String,
    pub input_tokens: u64,
    pub output_tokens: u64,
    /// Served from the cache: no request was sent.
    pub cached: bool,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum LlmError {
    #[error("the endpoint answered {status}: {message}")]
    Status { status: u16, message: String },
    #[error("no reply within {0:?}")]
    Timeout(Duration),
    #[error("cannot reach the endpoint: {0}")]
    Transport(String),
    #[error("the reply is not a chat completion: {0}")]
    Malformed(String),
}

impl LlmError {
    fn retryable(&self) -> bool {
        match self {
            LlmError::Status { status, .. } => *status == 408 || *status == 429 || *status >= 500,
            LlmError::Timeout(_) | LlmError::Transport(_) => true,
            // A body that is not JSON at all is usually a proxy's error page.
            LlmError::Malformed(m) => m.starts_with("not JSON"),
        }
    }
}

/// Counters over the client's life, for reports and tests.
#[derive(Debug, Default)]
pub struct Stats {
    pub requests: AtomicU64,
    pub retries: AtomicU64,
    pub cache_hits: AtomicU64,
}

#[derive(Clone)]
pub struct LlmClient {
    settings: Settings,
    client: Client<OpenAIConfig>,
    cache: Cache,
    limit: Arc<Semaphore>,
    stats: Arc<Stats>,
}

impl LlmClient {
    pub fn new(settings: Settings, cache: Cache) -> Result<Self, LlmError> {
        let mut config = OpenAIConfig::new().with_api_base(&settings.base_url);
        // Without a key, send an empty one rather than whatever
        // OPENAI_API_KEY async-openai would pick up on its own.
        config = config.with_api_key(settings.api_key().unwrap_or_default());
        let http = reqwest::Client::builder()
            .timeout(settings.timeout)
            .build()
            .map_err(|e| LlmError::Transport(e.to_string()))?;
        Ok(LlmClient {
            limit: Arc::new(Semaphore::new(settings.concurrency)),
            // The plain service: async-openai's default stack retries 429s
            // on its own, which would multiply with (and hide from) ours.
            client: Client::with_config(config)
                .with_http_client(http.clone())
                .with_http_service(ReqwestService::new(http)),
            settings,
            cache,
            stats: Arc::new(Stats::default()),
        })
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// The request body for `messages` (what the cache is keyed on).
    pub fn request_body(&self, messages: &[Message]) -> Value {
        json!({
            "model": self.settings.model,
            "messages": messages,
            "temperature": self.settings.temperature,
            "stream": false,
        })
    }

    /// One chat completion, from the cache when this exact request was
    /// answered before.
    pub async fn complete(&self, messages: &[Message]) -> Result<Completion, LlmError> {
        let body = self.request_body(messages);
        let key = request_key(&body);
        if let Some(hit) = self.cache.get(&key) {
            self.stats.cache_hits.fetch_add(1, Ordering::Relaxed);
            return Ok(Completion {
                content: hit.content,
                input_tokens: hit.input_tokens,
                output_tokens: hit.output_tokens,
                cached: true,
            });
        }
        let _permit = self
            .limit
            .acquire()
            .await
            .map_err(|e| LlmError::Transport(e.to_string()))?;
        let mut attempt = 0;
        let reply = loop {
            self.stats.requests.fetch_add(1, Ordering::Relaxed);
            match self.send_once(&body).await {
                Err(e) if e.retryable() && attempt < self.settings.max_retries => {
                    self.stats.retries.fetch_add(1, Ordering::Relaxed);
                    tokio::time::sleep(backoff(self.settings.retry_base, attempt)).await;
                    attempt += 1;
                }
                other => break other?,
            }
        };
        // A cache write failure costs a request next time, nothing more.
        let _ = self.cache.put(&key, &reply);
        Ok(Completion {
            content: reply.content,
            input_tokens: reply.input_tokens,
            output_tokens: reply.output_tokens,
            cached: false,
        })
    }

    async fn send_once(&self, body: &Value) -> Result<CachedReply, LlmError> {
        let result: Result<Value, OpenAIError> = self.client.chat().create_byot(body).await;
        match result {
            Ok(value) => parse_reply(&value),
            Err(e) => Err(self.classify(e)),
        }
    }

    fn classify(&self, e: OpenAIError) -> LlmError {
        match e {
            OpenAIError::ApiError(api) => LlmError::Status {
                status: api.status_code.as_u16(),
                message: api.api_error.message,
            },
            OpenAIError::Reqwest(e) if e.is_timeout() => LlmError::Timeout(self.settings.timeout),
            OpenAIError::Reqwest(e) => match e.status() {
                Some(status) => LlmError::Status {
                    status: status.as_u16(),
                    message: e.to_string(),
                },
                None => LlmError::Transport(e.to_string()),
            },
            OpenAIError::JSONDeserialize(e, _) => LlmError::Malformed(format!("not JSON: {e}")),
            other => LlmError::Transport(other.to_string()),
        }
    }
}

/// `base · 2^attempt`, capped at a minute, plus up to 25% jitter so
/// concurrent retries spread out.
fn backoff(base: Duration, attempt: u32) -> Duration {
    let delay = base
        .saturating_mul(1 << attempt.min(16))
        .min(Duration::from_secs(60));
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let jitter = delay.mul_f64(f64::from(nanos % 1000) / 4000.0);
    delay + jitter
}

/// The text of the first choice and the token counts, read leniently.
pub fn parse_reply(value: &Value) -> Result<CachedReply, LlmError> {
    if let Some(error) = value.get("error").filter(|e| !e.is_null()) {
        let message = error
            .get("message")
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| error.to_string());
        return Err(LlmError::Status {
            status: error.get("code").and_then(Value::as_u64).unwrap_or(500) as u16,
            message,
        });
    }
    let choice = value
        .get("choices")
        .and_then(|c| c.get(0))
        .ok_or_else(|| LlmError::Malformed("no choices".into()))?;
    let content = choice
        .get("message")
        .and_then(|m| m.get("content"))
        .or_else(|| choice.get("text"))
        .and_then(content_text)
        .ok_or_else(|| LlmError::Malformed("the first choice has no text content".into()))?;
    let usage = value.get("usage");
    let tokens = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| usage.and_then(|u| u.get(*n)).and_then(Value::as_u64))
            .unwrap_or(0)
    };
    Ok(CachedReply {
        content,
        input_tokens: tokens(&["prompt_tokens", "input_tokens"]),
        output_tokens: tokens(&["completion_tokens", "output_tokens"]),
    })
}

/// A string, or an array of `{type: "text", text}` parts.
fn content_text(content: &Value) -> Option<String> {
    match content {
        Value::String(s) => Some(s.clone()),
        Value::Array(parts) => {
            let text: String = parts
                .iter()
                .filter_map(|p| p.get("text").and_then(Value::as_str))
                .collect();
            (!text.is_empty()).then_some(text)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_reply_shapes() {
        let plain = json!({"choices": [{"message": {"content": "hi"}}]});
        assert_eq!(parse_reply(&plain).unwrap().content, "hi");
        let parts = json!({"choices": [{"message": {"content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]}}],
                           "usage": {"input_tokens": 5, "output_tokens": 7}});
        let r = parse_reply(&parts).unwrap();
        assert_eq!(
            (r.content.as_str(), r.input_tokens, r.output_tokens),
            ("ab", 5, 7)
        );
        let legacy = json!({"choices": [{"text": "t"}]});
        assert_eq!(parse_reply(&legacy).unwrap().content, "t");
        let error_200 = json!({"error": {"message": "overloaded", "code": 503}});
        assert!(matches!(
            parse_reply(&error_200),
            Err(LlmError::Status { status: 503, .. })
        ));
        assert!(matches!(
            parse_reply(&json!({})),
            Err(LlmError::Malformed(_))
        ));
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        let base = Duration::from_millis(100);
        assert!(backoff(base, 0) >= base && backoff(base, 0) < base * 2);
        assert!(backoff(base, 3) >= base * 8);
        assert!(backoff(base, 30) <= Duration::from_secs(75));
    }
}
