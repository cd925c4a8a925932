//! The sandbox runner on its own (see `zigport_harness::sandbox`), for
//! programs whose `main` cannot call `run_if_runner`, e.g. test binaries;
//! with `__zigport-exec -- PROGRAM ARGS...` the exec sandbox instead.

fn main() {
    zigport_harness::sandbox::run_if_runner();
    std::process::exit(zigport_harness::sandbox::runner_main());
}
