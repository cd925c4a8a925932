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
