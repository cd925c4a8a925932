//! One fixture per semantic feature (`tests/fixtures/sema/*.zig`). Each
//! `// CHECK: text` comment is a fact the model must state about its line
//! (an expression's type, or a local's or parameter's); the snapshot is the
//! whole `zigport sema` view of the file. Review with `cargo insta review`.

mod common;

use zigport_translator::sema::FileModel;

#[test]
fn sema_snapshots() {
    insta::glob!("fixtures/sema/*.zig", |path| {
        let source = std::fs::read_to_string(path).expect("fixture is readable UTF-8");
        let lowered = common::lower_str(&source);
        assert_eq!(
            lowered.errors,
            Vec::<String>::new(),
            "fixtures are valid Zig"
        );
        let model = FileModel::analyze(&lowered.file);
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
