//! Content-addressed cache of chat requests and their replies: a re-run with
//! the same prompts sends nothing and gets the same answers.
//!
//! The key is the SHA-256 of the request body (model, messages, sampling
//! parameters). Credentials travel in headers, never in the body, so they
//! never reach the key or the stored entry.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct CachedReply {
    pub content: String,
    pub input_tokens: u64,
    pub output_tokens: u64,
}

#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

/// The cache key of a request body, salted with the reply screen's
/// version: a reply cached under another allowlist is asked again (it is
/// screened again anyway; the key says which rules it was kept under).
pub fn request_key(body: &serde_json::Value) -> String {
    // serde_json's default map is ordered, so this serialisation is canonical.
    let mut bytes = crate::screen::SCREEN_VERSION.as_bytes().to_vec();
    bytes.push(0);
    bytes.extend(serde_json::to_vec(body).unwrap_or_default());
    format!("{:x}", Sha256::digest(bytes))
}

impl Cache {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Cache { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, key: &str) -> PathBuf {
        let (shard, rest) = key.split_at(2.min(key.len()));
        self.dir.join(shard).join(format!("{rest}.json"))
    }

    /// A stored reply; an unreadable or corrupt entry is a miss.
    pub fn get(&self, key: &str) -> Option<CachedReply> {
        let text = std::fs::read_to_string(self.path(key)).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Stores a reply atomically (write then rename), so an interrupted run
    /// never leaves a half-written entry.
    pub fn put(&self, key: &str, reply: &CachedReply) -> std::io::Result<()> {
        let path = self.path(key);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let text = serde_json::to_string_pretty(reply).map_err(std::io::Error::other)?;
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, &path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_body_same_key_and_round_trip() {
        let a = serde_json::json!({"model": "m", "messages": [{"role": "user", "content": "x"}]});
        let b = serde_json::json!({"messages": [{"role": "user", "content": "x"}], "model": "m"});
        assert_eq!(request_key(&a), request_key(&b));
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let key = request_key(&a);
        assert_eq!(cache.get(&key), None);
        let reply = CachedReply {
            content: "fn f() {}".into(),
            input_tokens: 3,
            output_tokens: 4,
        };
        cache.put(&key, &reply).unwrap();
        assert_eq!(cache.get(&key), Some(reply));
    }
}
