//! `zigport toolchain [--install] [--json]`

use anyhow::Result;
use clap::Args;
use zigport_oracle::toolchain::{self, Found};
use zigport_translator::config::PortConfig;

use crate::{exit, notify, toolchain_request};

#[derive(Args)]
pub struct ToolchainArgs {
    /// Install the pinned Zig from PyPI into the user cache if it is missing.
    #[arg(long)]
    install: bool,
    /// Machine-readable output on stdout.
    #[arg(long)]
    json: bool,
}

pub fn run(args: &ToolchainArgs, config: &PortConfig) -> Result<u8> {
    let request = toolchain_request(config);
    let found = if args.install {
        match toolchain::ensure(&request, &notify) {
            Ok(t) => Found::Ok(t),
            Err(e) => {
                eprintln!("error: {e}");
                return Ok(exit::FAILED);
            }
        }
    } else {
        toolchain::find(&request)
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&found)?);
    } else {
        match &found {
            Found::Ok(t) => {
                println!("zig      {}", t.zig.display());
                println!("version  {} (pinned {})", t.version, request.version);
                println!("lib      {}", t.lib_dir.display());
                println!("std      {}", t.std_dir.display());
                println!("origin   {}", t.origin.label());
            }
            Found::VersionMismatch { found, wanted } => {
                println!(
                    "Zig {} at {} does not match the pinned {wanted}.",
                    found.version,
                    found.zig.display()
                );
                println!(
                    "Run `zigport toolchain --install` to install {wanted} into {}.",
                    request.install_dir().display()
                );
            }
            Found::Missing { wanted, searched } => {
                println!("Zig {wanted} not found. Searched:");
                for s in searched {
                    println!("  {s}");
                }
                println!(
                    "Run `zigport toolchain --install` to install it from PyPI into {}.",
                    request.install_dir().display()
                );
            }
        }
    }
    Ok(match found {
        Found::Ok(_) => exit::OK,
        _ => exit::FAILED,
    })
}
