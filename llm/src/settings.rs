//! Where the endpoint is and how hard to try: `[llm]` in zigport.toml, then
//! the usual environment variables on top.

use std::time::Duration;

use zigport_translator::config::LlmConfig;

/// Environment variables read, in order of precedence over the file.
pub const ENV_BASE_URL: [&str; 2] = ["ZIGPORT_LLM_BASE_URL", "OPENAI_BASE_URL"];
pub const ENV_MODEL: [&str; 2] = ["ZIGPORT_LLM_MODEL", "OPENAI_MODEL"];
pub const DEFAULT_KEY_ENV: &str = "OPENAI_API_KEY";

#[derive(Clone)]
pub struct Settings {
    pub base_url: String,
    pub model: String,
    /// Never logged, cached or reported (see `Debug`).
    api_key: Option<String>,
    pub concurrency: usize,
    pub timeout: Duration,
    pub max_retries: u32,
    pub retry_base: Duration,
    pub max_attempts: u32,
    pub oracle_cases: usize,
    pub temperature: f32,
    pub price_input_per_mtok: Option<f64>,
    pub price_output_per_mtok: Option<f64>,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("base_url", &self.base_url)
            .field("model", &self.model)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("concurrency", &self.concurrency)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error(
        "no LLM endpoint configured: set [llm] base_url in zigport.toml or ZIGPORT_LLM_BASE_URL / OPENAI_BASE_URL"
    )]
    NoBaseUrl,
    #[error("no LLM model configured: set [llm] model in zigport.toml or ZIGPORT_LLM_MODEL")]
    NoModel,
}

impl Settings {
    /// Resolves `[llm]` with the process environment.
    pub fn resolve(file: &LlmConfig) -> Result<Self, SettingsError> {
        Self::resolve_with(file, &|name| std::env::var(name).ok())
    }

    /// As [`Settings::resolve`], with an explicit environment (tests).
    pub fn resolve_with(
        file: &LlmConfig,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self, SettingsError> {
        let first_env =
            |names: &[&str]| names.iter().find_map(|n| env(n).filter(|v| !v.is_empty()));
        let base_url = first_env(&ENV_BASE_URL)
            .or_else(|| file.base_url.clone())
            .ok_or(SettingsError::NoBaseUrl)?;
        let model = first_env(&ENV_MODEL)
            .or_else(|| file.model.clone())
            .ok_or(SettingsError::NoModel)?;
        let key_env = file.api_key_env.as_deref().unwrap_or(DEFAULT_KEY_ENV);
        Ok(Settings {
            base_url: base_url.trim_end_matches('/').to_string(),
            model,
            api_key: env(key_env).filter(|k| !k.is_empty()),
            concurrency: file.concurrency.unwrap_or(4).max(1),
            timeout: Duration::from_secs_f64(file.timeout_secs.unwrap_or(120.0).max(0.001)),
            max_retries: file.max_retries.unwrap_or(4),
            retry_base: Duration::from_millis(file.retry_base_ms.unwrap_or(1000)),
            max_attempts: file.max_attempts.unwrap_or(3).max(1),
            oracle_cases: file.oracle_cases.unwrap_or(2000).max(1),
            temperature: file.temperature.unwrap_or(0.0),
            price_input_per_mtok: file.price_input_per_mtok,
            price_output_per_mtok: file.price_output_per_mtok,
        })
    }

    pub(crate) fn api_key(&self) -> Option<&str> {
        self.api_key.as_deref()
    }

    /// USD for this many tokens, when prices are configured.
    pub fn cost(&self, input_tokens: u64, output_tokens: u64) -> Option<f64> {
        let (i, o) = (self.price_input_per_mtok?, self.price_output_per_mtok?);
        Some((input_tokens as f64 * i + output_tokens as f64 * o) / 1e6)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn environment_overrides_the_file_and_the_key_is_redacted() {
        let file = LlmConfig {
            base_url: Some("http://file/v1/".into()),
            model: Some("file-model".into()),
            api_key_env: Some("MY_KEY".into()),
            ..LlmConfig::default()
        };
        let s = Settings::resolve_with(
            &file,
            &env(&[
                ("OPENAI_BASE_URL", "http://env/v1"),
                ("MY_KEY", "sk-secret"),
            ]),
        )
        .unwrap();
        assert_eq!(s.base_url, "http://env/v1");
        assert_eq!(s.model, "file-model");
        assert_eq!(s.api_key(), Some("sk-secret"));
        assert!(!format!("{s:?}").contains("sk-secret"));
    }

    #[test]
    fn missing_endpoint_is_a_clear_error() {
        let err = Settings::resolve_with(&LlmConfig::default(), &env(&[])).unwrap_err();
        assert!(err.to_string().contains("base_url"), "{err}");
    }
}
