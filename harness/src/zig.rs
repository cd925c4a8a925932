//! A shim library (the Zig original's, or a Rust port built as a cdylib
//! with the same ABI): a handle on a sandbox that loads it in worker
//! processes. Nothing here loads it in this process.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crate::sandbox::{Limits, Sandbox, SandboxStatus};
use crate::value::{Outcome, Value};

#[derive(Debug, thiserror::Error)]
pub enum ZigError {
    #[error("cannot load {path}: {message}")]
    Load { path: String, message: String },
    #[error("the shim has no function `{0}`")]
    Missing(String),
    #[error("the shim returned malformed output")]
    Malformed,
    #[error("the call trapped: {0}")]
    Trapped(String),
    #[error("the call did not return in time")]
    Hung,
    #[error("sandbox: {0}")]
    Sandbox(String),
}

/// A shim library, loaded only in sandboxed workers. Cheap to clone.
#[derive(Clone)]
pub struct ZigLibrary {
    sandbox: Arc<Sandbox>,
}

/// One exported shim function.
#[derive(Clone)]
pub struct ZigFn {
    sandbox: Arc<Sandbox>,
    symbol: String,
}

impl ZigLibrary {
    /// Starts a sandbox runner for the library at `path` and checks, in a
    /// worker, that it loads.
    pub fn open(path: &Path) -> Result<Self, ZigError> {
        Self::open_with(path, Limits::default())
    }

    /// [`ZigLibrary::open`] with other resource limits.
    pub fn open_with(path: &Path, limits: Limits) -> Result<Self, ZigError> {
        let sandbox = Sandbox::open(path, limits).map_err(|message| ZigError::Load {
            path: path.display().to_string(),
            message,
        })?;
        Ok(ZigLibrary { sandbox })
    }

    /// `zigport_<name>`, checked to exist (in a worker).
    pub fn function(&self, name: &str) -> Result<ZigFn, ZigError> {
        self.sandbox.probe(name).map_err(|message| {
            if message.contains("has no function") {
                ZigError::Missing(format!("zigport_{name}"))
            } else {
                ZigError::Load {
                    path: self.sandbox.path.display().to_string(),
                    message,
                }
            }
        })?;
        Ok(ZigFn {
            sandbox: self.sandbox.clone(),
            symbol: name.to_string(),
        })
    }

    /// What the sandbox could enforce on this machine.
    pub fn sandbox_status(&self) -> &SandboxStatus {
        &self.sandbox.status
    }
}

impl ZigFn {
    pub(crate) fn sandbox(&self) -> &Sandbox {
        &self.sandbox
    }

    /// The name after `zigport_`.
    pub fn symbol(&self) -> &str {
        &self.symbol
    }

    /// One isolated call, decoded.
    pub fn call(&self, args: &[Value]) -> Result<Value, ZigError> {
        let input = crate::value::encode_args(args);
        let outcome = crate::isolate::run_isolated(
            self,
            std::slice::from_ref(&input),
            1 << 20,
            Duration::from_secs(5),
            1,
        )
        .pop();
        match outcome {
            Some(Outcome::Returned(v)) => Ok(v),
            Some(Outcome::Trapped(m)) if m.contains("malformed") => Err(ZigError::Malformed),
            Some(Outcome::Trapped(m)) => Err(ZigError::Trapped(m)),
            Some(Outcome::Hung) | None => Err(ZigError::Hung),
        }
    }
}
