//! `cargo bench -p zigport --bench plan_std`: wall time of `plan` over the
//! pinned toolchain's whole `lib/`, next to the single-threaded tree-sitter
//! parse of the same files (the floor the front end builds on), and of the
//! semantic model over every file with std read from its sources.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use zigport_oracle::toolchain::{self, ToolchainRequest};
use zigport_translator::config::PortConfig;
use zigport_translator::plan::{PlanOptions, plan};
use zigport_translator::sema::{FileModel, StdLib};
use zigport_translator::syntax::{ZigParser, parse_source};

const RUNS: usize = 7;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let config = PortConfig::load(&root.join("zigport.toml")).expect("repo config");
    let request = ToolchainRequest {
        version: config.toolchain.zig.clone(),
        project_dir: root.clone(),
    };
    let zig = toolchain::ensure(&request, &|m| eprintln!("{m}")).expect("pinned Zig");
    let options = PlanOptions {
        config,
        ..PlanOptions::default()
    };

    let files = zig_files(&zig.lib_dir);
    let sources: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(f).expect("readable"))
        .collect();
    let bytes: usize = sources.iter().map(Vec::len).sum();
    let parse_only = measure(|| {
        let mut parser = ZigParser::new();
        for source in &sources {
            let text = String::from_utf8_lossy(source);
            std::hint::black_box(parser.parse_tree(&text));
        }
    });
    let planned = measure(|| {
        let plan = plan(&zig.lib_dir, &options, &|_| {}, &|| {}).expect("plan runs");
        std::hint::black_box(plan.files);
    });
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut parser = ZigParser::new();
    let irs: Vec<_> = sources
        .iter()
        .map(|s| parse_source(&mut parser, &String::from_utf8_lossy(s)).file)
        .collect();
    // One std model per process, as `translate` has (the warm-up run
    // parses the std files the analyses reach; later runs reuse them).
    let std_lib = StdLib::shared(zig.lib_dir.join("std"));
    let chunk = irs.len().div_ceil(threads).max(1);
    let sema = measure(|| {
        std::thread::scope(|scope| {
            for files in irs.chunks(chunk) {
                let std_lib = &std_lib;
                scope.spawn(move || {
                    for file in files {
                        std::hint::black_box(FileModel::analyze_with(file, Some(std_lib)));
                    }
                });
            }
        });
    });
    println!(
        "corpus: {} ({} files, {:.1} MB), {threads} hardware threads",
        zig.lib_dir.display(),
        files.len(),
        bytes as f64 / 1e6
    );
    report("tree-sitter parse only, 1 thread", &parse_only);
    report("zigport plan (parse+lower+index+graph)", &planned);
    report("sema over every file (std from source)", &sema);
    println!(
        "plan + sema: {:.3} s (median sum; target 3 s)",
        (median(&planned) + median(&sema)).as_secs_f64()
    );
    println!(
        "ratio plan / single-thread parse: {:.2} (median)",
        median(&planned).as_secs_f64() / median(&parse_only).as_secs_f64()
    );
}

fn zig_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "zig") {
                out.push(path);
            }
        }
    }
    out
}

fn measure(mut f: impl FnMut()) -> Vec<Duration> {
    f(); // warm the page cache and the allocator
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect()
}

fn median(samples: &[Duration]) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

fn report(label: &str, samples: &[Duration]) {
    let min = samples.iter().min().copied().unwrap_or_default();
    let max = samples.iter().max().copied().unwrap_or_default();
    println!(
        "{label:<42} median {:.3} s  (min {:.3}, max {:.3}, {} runs)",
        median(samples).as_secs_f64(),
        min.as_secs_f64(),
        max.as_secs_f64(),
        samples.len()
    );
}
