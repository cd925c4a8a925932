//! zigport's LLM layer: an OpenAI-compatible chat client with retries, a
//! concurrency limit and a content-addressed cache; prompts built from the
//! Zig source and the rules' draft; replies parsed and screened before any
//! compiler sees them.
//!
//! The loop that decides what to ask and what to accept (compile, then the
//! oracle) lives in the CLI, which alone knows the translator, the oracle
//! and the harness; this crate never runs generated code.

pub mod cache;
pub mod client;
pub mod prompt;
pub mod reply;
pub mod screen;
pub mod settings;

pub use cache::Cache;
pub use client::{Completion, LlmClient, LlmError, Message};
pub use prompt::{Feedback, FnTask};
pub use reply::{Rejection, extract_function};
pub use screen::SCREEN_VERSION;
pub use settings::Settings;
