//! One Zig fixture per translation rule (`tests/fixtures/rules/*.zig`):
//! the emitted Rust is snapshotted, and every snapshot is compiled (with
//! clippy) as one crate. Fixtures named `todo_*` pin today's TODO output.
//! The semantic model reads the small std of the sema fixtures
//! (`fixtures/sema/std`), as the CLI gives it the pinned one: what the
//! rules take from the model's std types is pinned here too.

mod common;

use std::path::PathBuf;

use std::sync::Arc;

use zigport_translator::config::TranslateConfig;
use zigport_translator::emit::emit_module;
use zigport_translator::rules::translate_module;
use zigport_translator::sema::StdLib;
use zigport_translator::translate::{FnStatus, SourceUnit, translate_units};

fn config() -> TranslateConfig {
    TranslateConfig {
        std_lib: Some(Arc::new(StdLib::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/sema/std"
        )))),
        ..Default::default()
    }
}

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "zig"))
        .collect();
    files.sort();
    files
}

#[test]
fn rule_snapshots() {
    let config = config();
    insta::glob!("fixtures/rules/*.zig", |path| {
        let source = std::fs::read_to_string(path).expect("fixture");
        let lowered = common::lower_str(&source);
        assert_eq!(lowered.errors, Vec::<String>::new());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("fixture.zig");
        let translation = translate_module(&lowered.file, &source, name, &config);
        let emitted = emit_module(&translation, name, source.lines().count()).expect("valid Rust");
        insta::assert_snapshot!(emitted.text);
    });
}

#[test]
fn every_rule_snapshot_compiles() {
    let units: Vec<SourceUnit> = fixtures()
        .into_iter()
        .map(|path| SourceUnit {
            display: path.file_name().unwrap().to_string_lossy().into_owned(),
            path,
        })
        .collect();
    let out = tempfile::tempdir().expect("tempdir");
    let report = translate_units(
        &units,
        out.path(),
        "rule_fixtures",
        &config(),
        true,
        true,
        &|_| {},
    )
    .expect("translate");
    assert!(report.checked, "cargo clippy could not run");
    assert_eq!(report.errors_outside_functions, 0, "{report:#?}");
    for file in &report.files {
        assert!(file.parses, "{}: {:?}", file.zig, file.failure);
        let not_clean: Vec<_> = file
            .functions
            .iter()
            .filter(|f| f.status != FnStatus::Clean)
            .collect();
        if file.zig.starts_with("todo_") {
            assert!(
                file.counts.error == 0 && file.counts.todo > 0,
                "{}: {:#?}",
                file.zig,
                file.functions
            );
        } else {
            assert!(not_clean.is_empty(), "{}: {not_clean:#?}", file.zig);
        }
    }
}
