//! The front end never panics: random bytes, truncated files, pathological
//! nesting. (File-system cases — missing paths, symlink loops, huge and
//! non-UTF-8 files — are tested through the CLI in `cli/tests/cli.rs`.)

mod common;

use zigport_translator::syntax::ir::UnsupportedKind;
use zigport_translator::syntax::visit::{self, Visitor};

/// Deterministic xorshift so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[derive(Default)]
struct Kinds(Vec<UnsupportedKind>);

impl Visitor<'_> for Kinds {
    fn visit_unsupported(
        &mut self,
        _: zigport_translator::syntax::ir::Span,
        u: &zigport_translator::syntax::ir::Unsupported,
    ) {
        self.0.push(u.kind);
    }
}

fn unsupported_kinds(source: &str) -> Vec<UnsupportedKind> {
    let lowered = common::lower_str(source);
    let mut kinds = Kinds::default();
    visit::walk_file(&mut kinds, &lowered.file);
    kinds.0
}

/// Lowers `source` and runs the semantic model over it (and its dump):
/// neither may panic, overflow the stack or hang on any input.
fn analyzed(source: &str) -> common::Lowered {
    let lowered = common::lower_str(source);
    let model = zigport_translator::sema::FileModel::analyze(&lowered.file);
    model.dump(source);
    // With a std (the sema fixtures'), whose lookups the input steers.
    let std = zigport_translator::sema::StdLib::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sema/std"
    ));
    let model = zigport_translator::sema::FileModel::analyze_with(&lowered.file, Some(&std));
    model.dump(source);
    lowered
}

#[test]
fn random_bytes_and_random_tokens() {
    let tokens = [
        "fn", "(", ")", "{", "}", "const", "var", "=", ";", "x", ".", "?", "!", "..", "[", "]",
        "*", "&", "|", "try", "catch", "orelse", "switch", "=>", "if", "else", "while", "for",
        "struct", "enum", "union", ":", ",", "\"s\"", "'c'", "1", "@as", "error", "\\\\ml\n",
        "//c\n", "blk", "break", "return", "comptime", "inline", "...", "+%", "-|", "\n",
    ];
    let mut rng = Rng(0x5eed);
    for _ in 0..300 {
        let len = (rng.next() % 400) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        analyzed(&String::from_utf8_lossy(&bytes));
        let source: String = (0..len / 2)
            .map(|_| tokens[(rng.next() as usize) % tokens.len()])
            .collect::<Vec<_>>()
            .join(" ");
        analyzed(&source);
    }
}

#[test]
fn every_truncation_of_every_fixture() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut cuts = 0;
    let entries = ["ir", "sema"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).expect("fixtures exist"));
    for entry in entries {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            continue; // the sema fixtures' std
        }
        let source = std::fs::read_to_string(path).expect("readable");
        for cut in (0..source.len())
            .filter(|&i| source.is_char_boundary(i))
            .step_by(3)
        {
            analyzed(&source[..cut]);
            cuts += 1;
        }
    }
    assert!(cuts > 1000, "only {cuts} truncations tried");
}

#[test]
fn pathological_nesting_is_bounded() {
    let depth = 20_000;
    let parens = format!("const x = {}1{};", "(".repeat(depth), ")".repeat(depth));
    assert!(unsupported_kinds(&parens).contains(&UnsupportedKind::TooDeep));

    let blocks = format!(
        "fn f() void {{ {} }}",
        "{".repeat(depth) + &"}".repeat(depth)
    );
    assert!(unsupported_kinds(&blocks).contains(&UnsupportedKind::TooDeep));

    // A long operator chain inside a slice goes through the range re-association.
    let chain = format!("fn f() void {{ _ = s[0 .. {}1]; }}", "a + ".repeat(depth));
    analyzed(&chain);

    let nots = format!("const y = {}x.y;", "!".repeat(depth));
    analyzed(&nots);
}

/// A std tree that is malformed (garbage, invalid UTF-8, self-imports,
/// alias cycles across files, paths leaving the tree) leaves types
/// unknown: no panic, no hang.
#[test]
fn malformed_std_is_unknown_not_fatal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files: [(&str, &[u8]); 5] = [
        (
            "std.zig",
            b"pub const a = @import(\"a.zig\");\npub const b = a.b;\npub const up = @import(\"../../etc/passwd.zig\");\npub const self = @import(\"std.zig\");\npub const bad = @import(\"bad.zig\");\n",
        ),
        (
            "a.zig",
            b"const std = @import(\"std\");\npub const b = std.b;\npub fn f(comptime T: type) T { return f(T); }\npub const E = enum { x, y };\n",
        ),
        ("bad.zig", b"\xff\xfe pub const = = ;; fn {"),
        ("garbage.zig", b"}}}} struct enum ((((( @import("),
        ("a/b.zig", b"pub const c = @import(\"../a.zig\").b;\n"),
    ];
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("dir");
        }
        std::fs::write(path, bytes).expect("write");
    }
    let std = zigport_translator::sema::StdLib::new(dir.path());
    let source = "const std = @import(\"std\");\n\
        fn g(e: std.a.E) void { _ = std.b; _ = std.up.x; _ = std.self.self.a.b; _ = std.bad.x; \
        _ = std.garbage.x; _ = std.a.b.c; _ = std.a.f(u8); _ = e == .x; _ = std.@\"..\".x; }\n";
    let lowered = common::lower_str(source);
    let model = zigport_translator::sema::FileModel::analyze_with(&lowered.file, Some(&std));
    let dump = format!("{:?}", model.dump(source));
    assert!(dump.contains("`.x`: std.a.E"), "{dump}");
    assert!(std.files_read().iter().all(|f| !f.contains("..")));
}
