//! Parse + lower + index + semantic model of any bytes: must never panic, overflow the stack or
//! hang. Run (seeded with the IR fixtures):
//! `cd translator/fuzz && cargo fuzz run parse_lower corpus/parse_lower ../tests/fixtures/ir`
#![no_main]

use libfuzzer_sys::fuzz_target;
use zigport_translator::diagnostics::LineIndex;
use zigport_translator::index::index_file;
use zigport_translator::syntax::{ZigParser, parse_source};

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let mut parser = ZigParser::new();
    let out = parse_source(&mut parser, &source);
    let lines = LineIndex::new(&source);
    for mut d in out.syntax_errors {
        lines.locate(&source, &mut d);
    }
    index_file(&out.file, &source, &lines);
    let model = zigport_translator::sema::FileModel::analyze(&out.file);
    model.dump(&source);
});
