//! Diagnostics with spans, resolved to line:column, rendered by
//! codespan-reporting (never hand-formatted).

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::Buffer;
use codespan_reporting::term::{self, Config};
use serde::Serialize;

use crate::syntax::ir::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Error,
    Warning,
}

/// A message about a span of one file. Line and column are filled in by
/// [`LineIndex::locate`] once the owning file is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    #[serde(skip)]
    pub span: Span,
    /// 1-based.
    pub line: u32,
    /// 1-based, in characters.
    pub column: u32,
    pub message: String,
    /// The source line the diagnostic points at.
    pub excerpt: String,
}

impl Diagnostic {
    pub fn new(severity: Severity, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            span,
            line: 0,
            column: 0,
            message: message.into(),
            excerpt: String::new(),
        }
    }
}

/// Byte offset → line/column.
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// 1-based (line, column); the column counts characters.
    pub fn line_col(&self, source: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(source.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = source
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line as u32 + 1, column as u32 + 1)
    }

    /// Fills in line, column and excerpt from the diagnostic's span.
    pub fn locate(&self, source: &str, diagnostic: &mut Diagnostic) {
        let (line, column) = self.line_col(source, diagnostic.span.start as usize);
        diagnostic.line = line;
        diagnostic.column = column;
        let start = self.line_starts[line as usize - 1];
        let end = self
            .line_starts
            .get(line as usize)
            .map_or(source.len(), |&e| e);
        diagnostic.excerpt = source
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
            .to_string();
    }
}

/// Renders diagnostics of one file with source excerpts, for terminals and logs.
pub fn render(path: &str, source: &str, diagnostics: &[Diagnostic], color: bool) -> String {
    let file = SimpleFile::new(path, source);
    let config = Config::default();
    let mut buffer = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    for d in diagnostics {
        let start = (d.span.start as usize).min(source.len());
        let end = (d.span.end as usize).clamp(start, source.len());
        let diagnostic = match d.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
        }
        .with_message(&d.message)
        .with_labels(vec![Label::primary((), start..end)]);
        if term::emit(&mut buffer, &config, &file, &diagnostic).is_err() {
            // Only a span outside the file can fail; fall back to one line.
            let line = format!("{path}:{}:{}: {}\n", d.line, d.column, d.message);
            let _ = std::io::Write::write_all(&mut buffer, line.as_bytes());
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}
