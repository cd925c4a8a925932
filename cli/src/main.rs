//! The `zigport` command line: a thin layer over the library crates.

mod cli_parity;
mod gate_cmd;
mod mutants_cmd;
mod plan_cmd;
mod port_cmd;
mod refine;
mod report;
mod state;
mod toolchain_cmd;
mod translate_cmd;
mod verify_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use zigport_translator::config::PortConfig;

/// Exit codes shared by every command.
pub mod exit {
    /// The command ran and found what it checks to be in order.
    pub const OK: u8 = 0;
    /// The command ran, and what it checks is not in order.
    pub const FAILED: u8 = 1;
    /// Bad input: missing path, unreadable config, nothing to do.
    pub const INPUT: u8 = 2;
    /// zigport failed, not its input: the crate it wrote still does not
    /// build after stubbing (a translator bug to report).
    pub const TRANSLATOR: u8 = 3;
}

/// An error that is not bad input: it carries its own exit code (an
/// error of any other type exits with [`exit::INPUT`]).
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

#[derive(Parser)]
#[command(
    name = "zigport",
    version,
    about = "Port Zig codebases to Rust and prove the port behaves the same"
)]
struct Cli {
    /// Port configuration (default: the nearest zigport.toml upwards from the
    /// current directory).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find the pinned Zig toolchain, check its version, optionally install it.
    Toolchain(toolchain_cmd::ToolchainArgs),
    /// Parse a Zig tree: port order, sizes, parse coverage, unsupported constructs.
    Plan(plan_cmd::PlanArgs),
    /// Translate Zig into a Rust crate by rules and check it with cargo.
    Translate(translate_cmd::TranslateArgs),
    /// Translate the std modules of a manifest and report clean/todo/error rates.
    Eval(translate_cmd::EvalArgs),
    /// Run every clean pub fn of a translated crate against its Zig original.
    Verify(verify_cmd::VerifyArgs),
    /// The whole job: plan, translate, verify, state and reports (incremental).
    Port(port_cmd::PortArgs),
    /// CI check of a port: stale modules, divergences, failing tests, slowdowns.
    Gate(gate_cmd::GateArgs),
    /// The mutation score of the differential tests alone: seeded mutants
    /// of the port, each verified with the translated tests switched off.
    Mutants(mutants_cmd::MutantsArgs),
    /// Run the Zig program and its Rust port on the same script cases.
    CliParity(cli_parity::CliParityArgs),
    /// Write the parity reports (Markdown, HTML, JSON) from a port's state.
    Report(report::ReportArgs),
    /// Print the lowered IR of one Zig file as JSON.
    Ir { file: PathBuf },
    /// Print what the semantic model resolves in one Zig file: each
    /// function's parameters, locals and expressions with their Zig types.
    Sema {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

/// `zigport sema big.zig | head`: once the reader is gone, stop quietly
/// as Unix tools do (the status a SIGPIPE gives, 141) instead of reporting
/// `println!`'s broken-pipe panic as a crash.
fn quiet_on_closed_stdout() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(141);
        }
        default(info);
    }));
}

fn main() -> ExitCode {
    // `zigport __zigport-runner`: the sandbox that loads and runs untrusted
    // libraries for `verify` (see `zigport_harness::sandbox`). First, before
    // any thread starts.
    zigport_harness::sandbox::run_if_runner();
    quiet_on_closed_stdout();
    let cli = Cli::parse();
    let config = match load_config(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(exit::INPUT);
        }
    };
    let result = match cli.command {
        Command::Toolchain(args) => toolchain_cmd::run(&args, &config),
        Command::Plan(args) => plan_cmd::run(&args, &config),
        Command::Translate(args) => translate_cmd::translate(&args, &config),
        Command::Eval(args) => translate_cmd::eval(&args, &config),
        Command::Verify(args) => verify_cmd::run(&args, &config),
        Command::Port(args) => port_cmd::run(&args, &config),
        Command::Report(args) => report::run(&args),
        Command::Gate(args) => gate_cmd::run(&args, &config),
        Command::Mutants(args) => mutants_cmd::run(&args, &config),
        Command::CliParity(args) => cli_parity::run(&args, &config),
        Command::Ir { file } => plan_cmd::print_ir(&file),
        Command::Sema { file, json } => {
            plan_cmd::print_sema(&file, json, pinned_std(&config).as_deref())
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(e.downcast_ref::<Failure>().map_or(exit::INPUT, |f| f.code))
        }
    }
}

fn load_config(
    explicit: Option<&std::path::Path>,
) -> Result<PortConfig, zigport_translator::config::ConfigError> {
    match explicit {
        Some(path) => PortConfig::load(path),
        None => PortConfig::discover(&std::env::current_dir().unwrap_or_else(|_| ".".into())),
    }
}

/// The toolchain request for this project: pinned version from the config,
/// local installs next to the config file.
pub fn toolchain_request(config: &PortConfig) -> zigport_oracle::toolchain::ToolchainRequest {
    zigport_oracle::toolchain::ToolchainRequest {
        version: config.toolchain.zig.clone(),
        project_dir: config.base_dir.clone(),
    }
}

/// The pinned toolchain's `lib/std`, for the semantic model to read std's
/// signatures from, when that toolchain is installed (this never installs
/// it; without it, std paths stay as written).
pub fn pinned_std(config: &PortConfig) -> Option<std::sync::Arc<zigport_translator::sema::StdLib>> {
    match zigport_oracle::toolchain::find(&toolchain_request(config)) {
        zigport_oracle::toolchain::Found::Ok(t) => {
            Some(zigport_translator::sema::StdLib::shared(t.std_dir))
        }
        _ => None,
    }
}

/// A progress bar on stderr when it is a terminal (hidden otherwise, so CI
/// logs and `--json` pipelines stay clean).
pub fn progress_bar(len: usize, what: &str) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    let template = format!("{{spinner}} {what} {{pos}}/{{len}} {{wide_msg}}");
    bar.set_style(
        indicatif::ProgressStyle::with_template(&template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

/// Messages for the user go to stderr, so `--json` stdout stays parseable.
pub fn notify(message: &str) {
    eprintln!("zigport: {message}");
}
