// Each test binary uses a subset of these helpers.
#![allow(dead_code)]

//! Helpers shared by the front-end tests.

use zigport_translator::diagnostics::LineIndex;
use zigport_translator::syntax::ir::SourceFile;
use zigport_translator::syntax::{ZigParser, parse_source};

pub struct Lowered {
    pub file: SourceFile,
    /// `line:column: message` for each syntax error.
    pub errors: Vec<String>,
}

pub fn lower_str(source: &str) -> Lowered {
    let mut parser = ZigParser::new();
    let out = parse_source(&mut parser, source);
    let lines = LineIndex::new(source);
    let errors = out
        .syntax_errors
        .into_iter()
        .map(|mut d| {
            lines.locate(source, &mut d);
            format!("{}:{}: {}", d.line, d.column, d.message)
        })
        .collect();
    Lowered {
        file: out.file,
        errors,
    }
}

/// The IR as JSON without spans (they make snapshots unreadable; span
/// correctness is asserted separately).
pub fn ir_without_spans(file: &SourceFile) -> serde_json::Value {
    let mut value = serde_json::to_value(file).expect("IR serialises");
    strip_spans(&mut value);
    value
}

/// Also collapses `{ kind: { kind, value } }` (an `Expr`/`Stmt` whose only
/// other field was its span) into the inner `{ kind, value }`.
fn strip_spans(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.remove("span");
            map.values_mut().for_each(strip_spans);
            if map.len() == 1
                && let Some(inner @ serde_json::Value::Object(_)) = map.remove("kind")
            {
                *value = inner;
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_spans),
        _ => {}
    }
}
