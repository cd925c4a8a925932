//! The sandbox runner on its own (see `zigport_harness::sandbox`), for
//! programs whose `main` cannot call `run_if_runner`, e.g. test binaries.

fn main() {
    std::process::exit(zigport_harness::sandbox::runner_main());
}
