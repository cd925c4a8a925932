//! The port configuration (`zigport.toml`), read by every command.
//!
//! ```toml
//! [toolchain]
//! zig = "0.15.2"          # the pinned Zig version
//!
//! [modules]               # named @import targets, relative to this file
//! bun = "src/bun.zig"
//!
//! [translate.crates]       # Zig namespaces → Rust paths
//! "bun.strings" = "bun_str::strings"
//!
//! [[translate.rewrite]]    # a Zig call → a Rust expression ({0}, {1}: arguments)
//! zig = "bun.strings.eqlLong"
//! rust = "{0} == {1}"
//!
//! [translate]
//! no_polish = false       # true: skip `cargo clippy --fix` on the output
//!
//! [translate.overrides]    # a function's Rust, written by hand
//! "Version.order" = """
//! pub fn order(self, other: Self) -> core::cmp::Ordering { ... }
//! """
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub const DEFAULT_ZIG_VERSION: &str = "0.15.2";
pub const CONFIG_FILE: &str = "zigport.toml";

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PortConfig {
    #[serde(default)]
    pub toolchain: ToolchainConfig,
    /// Named modules: `@import("bun")` → a file, relative to the config file.
    #[serde(default)]
    pub modules: BTreeMap<String, PathBuf>,
    #[serde(default)]
    pub translate: TranslateConfig,
    /// The LLM endpoint (off unless a command asks for it).
    #[serde(default)]
    pub llm: LlmConfig,
    /// The program's script suite: `port` and `gate` run the Zig program
    /// and its port on it (see `zigport cli-parity`).
    #[serde(default)]
    pub cli: Option<CliConfig>,
    /// Directory the config was read from (module paths are relative to it).
    #[serde(skip)]
    pub base_dir: PathBuf,
}

/// `[cli]`: paths relative to the configuration file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CliConfig {
    /// The Zig program's root file (it has `pub fn main`).
    pub main: PathBuf,
    /// Script cases, one per line: `args<TAB>stdin`.
    pub cases: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolchainConfig {
    #[serde(default = "default_zig")]
    pub zig: String,
}

impl Default for ToolchainConfig {
    fn default() -> Self {
        ToolchainConfig { zig: default_zig() }
    }
}

/// How translation treats the user's own namespaces and functions.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct TranslateConfig {
    /// Zig namespace (dotted, from a named import) → Rust path.
    #[serde(default)]
    pub crates: BTreeMap<String, String>,
    /// Call rewrites, tried before every built-in rule.
    #[serde(default)]
    pub rewrite: Vec<RewriteRule>,
    /// Function (`name` or `Type.name`) → its Rust item, used verbatim.
    #[serde(default)]
    pub overrides: BTreeMap<String, String>,
    /// Leave the rules' output as written: no `cargo clippy --fix` pass
    /// over the generated modules (for rule authors comparing output).
    #[serde(default)]
    pub no_polish: bool,
    /// Functions an LLM wrote and the oracle accepted, per Zig file (its
    /// display path) then per function key; not read from TOML but from
    /// the crate's LLM state. Hand-written overrides win over these.
    #[serde(skip)]
    pub accepted: BTreeMap<String, BTreeMap<String, AcceptedFn>>,
    /// Zig's std sources (the pinned toolchain's `lib/std`) the semantic
    /// model reads std's signatures from; not read from TOML but found by
    /// the caller. `None`: std paths stay as written.
    #[serde(skip)]
    pub std_lib: Option<std::sync::Arc<crate::sema::StdLib>>,
}

/// A function body that did not come from the rules.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
pub struct AcceptedFn {
    /// The Rust item (`fn ...`), as parsed and screened.
    pub rust: String,
    /// Who wrote it and how it was checked, for the marker comment.
    pub provenance: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RewriteRule {
    /// The dotted Zig callee: `bun.strings.eqlLong`.
    pub zig: String,
    /// A Rust expression; `{0}`, `{1}`... are the translated arguments.
    pub rust: String,
}

/// `[llm]`: an OpenAI-compatible chat-completions endpoint. Every field
/// can also come from the environment (see `zigport_llm::Settings`); the
/// API key only ever comes from the environment variable named here.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct LlmConfig {
    /// `http://localhost:8080/v1` (llama.cpp), `http://localhost:11434/v1`
    /// (Ollama), `https://api.openai.com/v1`.
    pub base_url: Option<String>,
    pub model: Option<String>,
    /// Name of the environment variable holding the API key
    /// (default `OPENAI_API_KEY`); keys are never written in this file.
    pub api_key_env: Option<String>,
    /// Requests in flight at once (default 4).
    pub concurrency: Option<usize>,
    /// Per-request timeout in seconds (default 120).
    pub timeout_secs: Option<f64>,
    /// Retries on 429, 5xx, timeouts and connection errors (default 4).
    pub max_retries: Option<u32>,
    /// First backoff delay in milliseconds, doubled per retry (default 1000).
    pub retry_base_ms: Option<u64>,
    /// Turns per function: the first translation plus repairs (default 3).
    pub max_attempts: Option<u32>,
    /// Oracle cases a candidate must pass (default 2000).
    pub oracle_cases: Option<usize>,
    pub temperature: Option<f32>,
    /// Price in USD per million input / output tokens, for the report.
    pub price_input_per_mtok: Option<f64>,
    pub price_output_per_mtok: Option<f64>,
}

fn default_zig() -> String {
    DEFAULT_ZIG_VERSION.to_string()
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
}

impl PortConfig {
    /// Reads `path` (TOML). Errors carry the file and, for syntax errors,
    /// the line and column toml reports.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut config: PortConfig = toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        config.base_dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        Ok(config)
    }

    /// The nearest `zigport.toml` from `start` upwards, or the defaults.
    pub fn discover(start: &Path) -> Result<Self, ConfigError> {
        let start = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
        for dir in start.ancestors() {
            let candidate = dir.join(CONFIG_FILE);
            if candidate.is_file() {
                return Self::load(&candidate);
            }
        }
        Ok(PortConfig {
            base_dir: start,
            ..PortConfig::default()
        })
    }

    /// Absolute path of a named module, if configured.
    pub fn module_path(&self, name: &str) -> Option<PathBuf> {
        self.modules.get(name).map(|p| self.base_dir.join(p))
    }
}
