//! One fixture per construct and per known tree-sitter-zig misparse
//! (`tests/fixtures/ir/*.zig`); the snapshot is the lowered IR plus the
//! syntax errors. Review changes with `cargo insta review`.

mod common;

#[test]
fn ir_snapshots() {
    insta::glob!("fixtures/ir/*.zig", |path| {
        let source = std::fs::read_to_string(path).expect("fixture is readable UTF-8");
        let lowered = common::lower_str(&source);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with("invalid_") {
            assert!(
                !lowered.errors.is_empty(),
                "{name} must report a syntax error"
            );
        } else {
            assert_eq!(lowered.errors, Vec::<String>::new(), "{name} is valid Zig");
        }
        insta::assert_yaml_snapshot!(serde_json::json!({
            "errors": lowered.errors,
            "ir": common::ir_without_spans(&lowered.file),
        }));
    });
}
