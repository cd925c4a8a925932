//! One fixture per semantic feature (`tests/fixtures/sema/*.zig`). Each
//! `// CHECK: text` comment is a fact the model must state about its line
//! (an expression's type, or a local's or parameter's); the snapshot is the
//! whole `zigport sema` view of the file. Review with `cargo insta review`.
//! The fixtures' `@import("std")` is the small std in `fixtures/sema/std`.

mod common;

use zigport_translator::sema::{FileModel, StdLib};

fn fixture_std() -> StdLib {
    StdLib::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sema/std"
    ))
}

#[test]
fn sema_snapshots() {
    let std = fixture_std();
    insta::glob!("fixtures/sema/*.zig", |path| {
        let source = std::fs::read_to_string(path).expect("fixture is readable UTF-8");
        let lowered = common::lower_str(&source);
        assert_eq!(
            lowered.errors,
            Vec::<String>::new(),
            "fixtures are valid Zig"
        );
        let model = FileModel::analyze_with(&lowered.file, Some(&std));
        let dump = model.dump(&source);
        let lines: Vec<String> = dump
            .iter()
            .flat_map(|f| {
                let head = format!("fn {} ({}) -> {}", f.name, f.at, f.ret);
                std::iter::once(head)
                    .chain(f.params.iter().map(|p| format!("  param {p}")))
                    .chain(f.locals.iter().map(|l| format!("  local {l}")))
                    .chain(f.exprs.iter().map(|e| format!("  {e}")))
            })
            .collect();
        let mut checks = 0;
        for (i, line) in source.lines().enumerate() {
            let Some((_, check)) = line.split_once("// CHECK: ") else {
                continue;
            };
            checks += 1;
            let at = format!("  {}:", i + 1);
            let found = lines.iter().any(|l| {
                l.contains(check)
                    && (check.starts_with("local ")
                        || check.starts_with("param ")
                        || l.starts_with(&at))
            });
            assert!(
                found,
                "{}:{}: the model does not say `{check}`; it says:\n{}",
                path.display(),
                i + 1,
                lines
                    .iter()
                    .filter(|l| l.starts_with(&at) || l.contains("local ") || l.contains("param "))
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
        assert!(checks > 0, "{} states no fact to check", path.display());
        insta::assert_snapshot!(lines.join("\n"));
    });
}

/// Without std's sources, or with a std directory that is missing, the
/// model is what it is with none: std paths as written, nothing read.
#[test]
fn missing_std_is_no_std() {
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sema/std_signatures.zig"
    ))
    .expect("fixture is readable");
    let lowered = common::lower_str(&source);
    let without = FileModel::analyze(&lowered.file).dump(&source);
    let missing = StdLib::new("/nonexistent/zigport/lib/std");
    let with_missing = FileModel::analyze_with(&lowered.file, Some(&missing)).dump(&source);
    assert_eq!(format!("{without:?}"), format!("{with_missing:?}"));
    // ...and the fixture's std facts need the std: `.little` is not typed.
    assert!(!format!("{without:?}").contains("`.little`: std.builtin.Endian"));
}

/// A std file is parsed once, whatever asks for it, and only when asked.
#[test]
fn std_is_read_lazily_once() {
    let std = fixture_std();
    let source =
        "const std = @import(\"std\");\nfn f(e: std.builtin.Endian) bool { return e == .big; }\n";
    let lowered = common::lower_str(source);
    for _ in 0..3 {
        FileModel::analyze_with(&lowered.file, Some(&std));
    }
    assert_eq!(
        std.files_read(),
        vec!["builtin.zig".to_string(), "std.zig".to_string()]
    );
}

/// A std file analysed as one: its relative imports are std files.
#[test]
fn std_file_imports_are_std() {
    let std = fixture_std();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sema/std/Io.zig"
    );
    let source = std::fs::read_to_string(path).expect("fixture is readable");
    let lowered = common::lower_str(&source);
    let home = std.home_of(std::path::Path::new(path));
    assert_eq!(home.as_deref(), Some("Io.zig"));
    let dump = FileModel::analyze_std_file(&lowered.file, &std, "Io.zig").dump(&source);
    let writer_end = dump
        .iter()
        .find(|f| f.name == "writerEnd")
        .expect("writerEnd is analysed");
    assert_eq!(writer_end.params, vec!["w: std.Io.Writer".to_string()]);
    assert!(
        writer_end
            .exprs
            .iter()
            .any(|e| e.ends_with("`w.end`: usize")),
        "{:?}",
        writer_end.exprs
    );
}
