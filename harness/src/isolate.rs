//! Crash isolation: batches run in a sandboxed worker process (see
//! [`crate::sandbox`]), never in zigport's own.
//!
//! The worker calls the library for each pre-encoded input and streams
//! framed results through a pipe (`[tag][u32 len][payload]`, tag 1 =
//! result). A safety panic writes a `0xFF` frame with its message and
//! exits; a signal, a resource limit or a hang ends the worker too. Either
//! way this side records that case's outcome and starts the next batch
//! from the next case, so one trap never ends the run.

use std::time::Duration;

use crate::sandbox::{Event, Runner, describe_status, tag, work_request};
use crate::value::{Outcome, Value};
use crate::zig::ZigFn;

/// Runs every input (already encoded) through `f`, isolated.
/// `timeout` bounds the time without progress before a case is `Hung`;
/// after `max_hangs` hangs the run stops early (fewer outcomes return).
pub fn run_isolated(
    f: &ZigFn,
    inputs: &[Vec<u8>],
    out_cap: usize,
    timeout: Duration,
    max_hangs: usize,
) -> Vec<Outcome> {
    let mut outcomes = Vec::with_capacity(inputs.len());
    // Inputs per request: a trap ends the worker and the rest of its
    // request must be sent again, so after a trap the window shrinks (a
    // trap-heavy function would otherwise resend thousands of inputs per
    // trap) and it grows back while requests run to the end.
    let mut window = inputs.len().min(MAX_WINDOW);
    while outcomes.len() < inputs.len() {
        // Each hang costs a full timeout; past the budget, stop early.
        if outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::Hung))
            .count()
            >= max_hangs
        {
            break;
        }
        let start = outcomes.len();
        let end = (start + window.max(1)).min(inputs.len());
        if let Err(reason) = run_batch(f, &inputs[start..end], out_cap, timeout, &mut outcomes) {
            outcomes.push(Outcome::Trapped(format!(
                "zigport: cannot isolate: {reason}"
            )));
        }
        window = if outcomes.len() < end {
            MIN_WINDOW
        } else {
            (window * 2).min(MAX_WINDOW)
        };
    }
    outcomes
}

/// Bounds of [`run_isolated`]'s request window (inputs per worker).
const MIN_WINDOW: usize = 16;
const MAX_WINDOW: usize = 4096;

/// A worker's CPU budget for `cases` cases: a backstop behind the
/// wall-clock timeout this side enforces.
fn cpu_budget(cases: usize, timeout: Duration) -> u64 {
    (timeout.as_secs_f64().ceil() as u64)
        .max(1)
        .saturating_mul(cases as u64)
        .saturating_add(1)
        .min(3600)
}

fn run_batch(
    f: &ZigFn,
    inputs: &[Vec<u8>],
    out_cap: usize,
    timeout: Duration,
    outcomes: &mut Vec<Outcome>,
) -> Result<(), String> {
    let sandbox = f.sandbox();
    let mut runner = sandbox.checkout()?;
    runner.send(&work_request(
        false,
        f.symbol(),
        out_cap,
        cpu_budget(inputs.len(), timeout),
        inputs,
    ))?;
    let expected = outcomes.len() + inputs.len();
    let mut worker_ended = false;
    while outcomes.len() < expected {
        match runner.next(timeout) {
            Event::Frame(tag::RESULT, payload) => outcomes.push(match Value::decode(&payload) {
                Some((v, _)) => Outcome::Returned(v),
                None => Outcome::Trapped("zigport: malformed shim output".into()),
            }),
            Event::Frame(tag::TOO_LARGE, _) => outcomes.push(Outcome::Trapped(
                "zigport: result larger than the output buffer".into(),
            )),
            Event::Frame(tag::PANIC, msg) => {
                outcomes.push(Outcome::Trapped(String::from_utf8_lossy(&msg).into_owned()));
                break;
            }
            Event::Frame(tag::LOAD_ERROR, msg) => {
                outcomes.push(Outcome::Trapped(format!(
                    "zigport: {}",
                    String::from_utf8_lossy(&msg)
                )));
                break;
            }
            Event::Frame(tag::END, status) => {
                // The worker died without a panic frame: a signal, a
                // resource limit or an exit.
                outcomes.push(Outcome::Trapped(describe_status(&status)));
                worker_ended = true;
                break;
            }
            Event::Frame(_, _) | Event::Oversized => {
                outcomes.push(Outcome::Trapped("zigport: unknown frame".into()));
                return Ok(()); // the runner is dropped: killed with its worker
            }
            Event::Eof => {
                outcomes.push(Outcome::Trapped("zigport: the sandbox runner died".into()));
                return Ok(());
            }
            Event::Timeout => {
                outcomes.push(Outcome::Hung);
                return Ok(()); // dropping the runner kills its process group
            }
        }
    }
    if worker_ended
        || runner
            .await_end(timeout.max(Duration::from_secs(5)))
            .is_some()
    {
        f.sandbox().checkin(runner);
    }
    Ok(())
}

/// A worker timing passes over a fixed sample, for benchmarks: the time
/// is measured inside the worker, around the calls only.
pub(crate) struct BenchSession<'a> {
    f: &'a ZigFn,
    runner: Option<Runner>,
}

const BENCH_ROUND_TIMEOUT: Duration = Duration::from_secs(120);

impl<'a> BenchSession<'a> {
    pub(crate) fn start(f: &'a ZigFn, encoded: &[Vec<u8>], out_cap: usize) -> Result<Self, String> {
        let mut runner = f.sandbox().checkout()?;
        runner.send(&work_request(true, f.symbol(), out_cap, 3600, encoded))?;
        Ok(BenchSession {
            f,
            runner: Some(runner),
        })
    }

    /// Seconds the worker took for `passes` passes over the sample.
    pub(crate) fn time(&mut self, passes: usize) -> Result<f64, String> {
        let runner = self.runner.as_mut().ok_or("the bench worker is gone")?;
        let passes = u32::try_from(passes.max(1)).unwrap_or(u32::MAX);
        runner.send_raw(&passes.to_le_bytes())?;
        let event = runner.next(BENCH_ROUND_TIMEOUT);
        match event {
            Event::Frame(tag::TIME, nanos) if nanos.len() == 8 => {
                let nanos = u64::from_le_bytes(nanos.try_into().unwrap_or([0; 8]));
                Ok(nanos as f64 * 1e-9)
            }
            other => {
                self.runner = None; // killed
                Err(match other {
                    Event::Frame(tag::PANIC, msg) => {
                        format!("trapped: {}", String::from_utf8_lossy(&msg))
                    }
                    Event::Frame(tag::LOAD_ERROR, msg) => String::from_utf8_lossy(&msg).into(),
                    Event::Frame(tag::END, status) => describe_status(&status),
                    Event::Timeout => "a round did not finish in time".into(),
                    _ => "the bench worker failed".into(),
                })
            }
        }
    }
}

impl Drop for BenchSession<'_> {
    fn drop(&mut self) {
        if let Some(mut runner) = self.runner.take() {
            if runner.send_raw(&0u32.to_le_bytes()).is_ok()
                && runner.await_end(Duration::from_secs(5)).is_some()
            {
                self.f.sandbox().checkin(runner);
            }
        }
    }
}
