//! The front end on real Zig nobody here wrote: the whole `lib/` shipped
//! with the pinned toolchain (installed from PyPI if missing, as every
//! command does). The exact figures are tied to the pins (Zig 0.15.2,
//! tree-sitter-zig 1.1.2); a change in them is a change to review.

use std::path::Path;

use zigport_oracle::toolchain::{self, ToolchainRequest};
use zigport_translator::config::PortConfig;
use zigport_translator::plan::{PlanOptions, plan};

#[test]
fn plans_the_pinned_zig_lib() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let config = PortConfig::load(&root.join("zigport.toml")).expect("repo config");
    let request = ToolchainRequest {
        version: config.toolchain.zig.clone(),
        project_dir: root.clone(),
    };
    let zig = toolchain::ensure(&request, &|m| eprintln!("{m}")).expect("pinned Zig available");
    let options = PlanOptions {
        config,
        ..PlanOptions::default()
    };
    let plan = plan(&zig.lib_dir, &options, &|_| {}, &|| {}).expect("plan runs");

    assert_eq!((plan.files, plan.lines), (946, 495_902));
    assert_eq!(plan.clean_files, 912);
    assert_eq!(plan.order.len(), plan.files);
    for m in plan.order.iter().filter(|m| !m.clean) {
        assert!(
            !m.diagnostics.is_empty() && m.diagnostics.iter().all(|d| d.line >= 1),
            "{} is not clean but has no located diagnostic",
            m.module
        );
    }
    // Every tree shape in the std is recognised; what remains Unsupported
    // is inline asm, the parser's own errors, and one removed `async`.
    assert_eq!(
        plan.unsupported.get("unknown-shape"),
        None,
        "{:?}",
        plan.unsupported
    );
    assert_eq!(plan.unsupported.get("too-deep"), None);
    assert_eq!(plan.unsupported.get("inline-asm"), Some(&460));
    // std.zig and most of std import each other: one large cycle.
    let largest = plan.cycles.iter().map(Vec::len).max().unwrap_or(0);
    assert!(largest > 200, "largest cycle {largest}");
    assert!(plan.external_imports.get("std").is_some_and(|&n| n > 300));
}
