//! Making a generated crate build: each rustc error is mapped to the item
//! that holds it, and that item is stubbed or commented out, whatever its
//! kind (free function, `const fn`, method of a generic or trait impl,
//! associated constant, static, type, `use`, at any module depth).
//!
//! Every edit moves one item down a ladder that ends in a comment, so the
//! rounds of "edit, check again" always end:
//!
//! 1. an error in a function body: the body becomes `todo!(..)` (`const`
//!    dropped, since `todo!` formats and a `const fn` cannot);
//! 2. an error in a signature, or in a body already stubbed: a
//!    parameterless `fn name() -> !` (its callers are stubbed in turn);
//!    inside a trait impl, whose signatures the trait fixes, the whole
//!    impl is commented out instead;
//! 3. an error in a stub of step 2, or outside any function (a constant's
//!    initialiser, a type, an impl header, a `use`): the item is commented
//!    out with the error, a type with its impls.

use proc_macro2::Span;
use syn::spanned::Spanned;

use crate::translate::read_rust_file;

/// What the stub rounds did to make a crate build.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct StubSummary {
    /// `cargo clippy` runs after the first check.
    pub rounds: usize,
    /// Function bodies replaced by `todo!`.
    pub bodies: usize,
    /// Of those, `const fn`s that lost `const` with their body.
    pub const_dropped: usize,
    /// Whole functions replaced by a parameterless stub.
    pub signatures: usize,
    /// Items commented out (constants, statics, types with their impls,
    /// impl blocks, imports, functions whose stub still failed).
    pub items: usize,
}

/// The marker every stub carries; a body holding it is a stub already.
pub const STUB_MARKER: &str = "TODO(port): does not compile";

/// One rustc error in a module file (1-based line and column).
#[derive(Debug, Clone)]
pub struct ModuleError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EditKind {
    Body {
        dropped_const: bool,
    },
    Signature,
    /// `type_`: a struct, enum or union, with its impls.
    Item {
        type_: bool,
    },
}

/// Bytes `start..end` of a module's text become `text`.
#[derive(Debug)]
struct Edit {
    start: usize,
    end: usize,
    text: String,
    kind: EditKind,
    /// The error it answers (a type and its impls share one).
    error: usize,
}

/// The edits the errors of one module call for, before any is made.
pub struct Planned {
    edits: Vec<Edit>,
}

impl Planned {
    /// Whether this round stubs the module's functions (no item of it
    /// goes first).
    pub fn stubs_functions(&self) -> bool {
        !self
            .edits
            .iter()
            .any(|e| matches!(e.kind, EditKind::Item { .. }))
    }

    /// `text` with the edits of this round made, and what was done;
    /// `None` when nothing changed. Items to comment out go first, in
    /// rustc's order, and the module's functions wait for fresh
    /// diagnostics: commenting out an item changes what the other errors
    /// mean. A type (which takes its impls and its users with it) goes
    /// only as the round's first item: one wrong alias makes rustc reject
    /// the sound type it shadows too. Edits overlapping one made already
    /// wait for the next round too.
    pub fn apply(self, text: &str, summary: &mut StubSummary) -> Option<String> {
        let is_item = |e: &Edit| matches!(e.kind, EditKind::Item { .. });
        let mut edits: Vec<Edit> = if self.edits.iter().any(is_item) {
            let mut taken: Vec<Edit> = Vec::new();
            for e in self.edits.into_iter().filter(is_item) {
                let starts_a_type = matches!(e.kind, EditKind::Item { type_: true })
                    && taken.last().is_none_or(|t| t.error != e.error);
                if starts_a_type && !taken.is_empty() {
                    break;
                }
                taken.push(e);
            }
            taken
        } else {
            self.edits
        };
        // Bottom-up, so an edit never moves the bytes of one still to make.
        edits.sort_by_key(|e| (std::cmp::Reverse(e.start), std::cmp::Reverse(e.end)));
        let mut out = text.to_string();
        let mut floor = usize::MAX;
        for edit in edits {
            if edit.end > floor || edit.start > edit.end || out.get(edit.start..edit.end).is_none()
            {
                continue;
            }
            out.replace_range(edit.start..edit.end, &edit.text);
            floor = edit.start;
            match edit.kind {
                EditKind::Body { dropped_const } => {
                    summary.bodies += 1;
                    summary.const_dropped += usize::from(dropped_const);
                }
                EditKind::Signature => summary.signatures += 1,
                EditKind::Item { .. } => summary.items += 1,
            }
        }
        (out != text).then_some(out)
    }
}

/// The edits `errors` call for in `text`, in the errors' order (one per
/// error; a type commented out brings one per impl of it).
pub fn plan(text: &str, errors: &[ModuleError]) -> Planned {
    let edits = read_rust_file(text, |file| {
        errors
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                plan_edits(file, text, e).into_iter().map(move |mut edit| {
                    edit.error = i;
                    edit
                })
            })
            .collect()
    });
    Planned {
        edits: edits.unwrap_or_default(),
    }
}

/// A function found at an error's position, with where it sits.
struct FnSite<'a> {
    /// The whole item, attributes and docs included.
    span: Span,
    vis: Option<&'a syn::Visibility>,
    sig: &'a syn::Signature,
    block: &'a syn::Block,
    /// The trait impl (or trait) around it: its signature is not ours to
    /// change, so past a body stub the whole block goes.
    fixed_by: Option<Span>,
}

enum Site<'a> {
    Fn(FnSite<'a>),
    /// Items to comment out, the first carrying the marker; whether they
    /// are a type and its impls.
    Items(Vec<Span>, bool),
}

fn plan_edits(file: &syn::File, text: &str, error: &ModuleError) -> Vec<Edit> {
    // rustc columns are 1-based, proc-macro2's 0-based.
    let at = (error.line, error.column.saturating_sub(1));
    let message = one_line(&error.message);
    match locate(&file.items, at) {
        Some(Site::Fn(site)) => fn_edit(text, &site, at, &message).into_iter().collect(),
        Some(Site::Items(spans, type_)) => spans
            .iter()
            .enumerate()
            .filter_map(|(i, span)| comment_out(text, *span, (i == 0).then_some(&message)))
            .map(|mut e| {
                e.kind = EditKind::Item { type_ };
                e
            })
            .collect(),
        None => Vec::new(),
    }
}

/// The innermost function or item of `items` (at any module depth) that
/// holds `at`.
fn locate(items: &[syn::Item], at: (usize, usize)) -> Option<Site<'_>> {
    let holds = |span: Span| {
        let (s, e) = (span.start(), span.end());
        (s.line, s.column) <= at && at <= (e.line, e.column)
    };
    let item = items.iter().find(|i| holds(i.span()))?;
    let whole = || Some(Site::Items(vec![item.span()], false));
    match item {
        syn::Item::Fn(f) => Some(Site::Fn(FnSite {
            span: f.span(),
            vis: Some(&f.vis),
            sig: &f.sig,
            block: &f.block,
            fixed_by: None,
        })),
        syn::Item::Mod(m) => match &m.content {
            Some((_, inner)) => locate(inner, at).or_else(whole),
            None => whole(),
        },
        syn::Item::Impl(imp) => {
            let fixed_by = imp.trait_.is_some().then(|| imp.span());
            for ii in &imp.items {
                if !holds(ii.span()) {
                    continue;
                }
                return match ii {
                    syn::ImplItem::Fn(f) => Some(Site::Fn(FnSite {
                        span: f.span(),
                        vis: Some(&f.vis),
                        sig: &f.sig,
                        block: &f.block,
                        fixed_by,
                    })),
                    // A trait's associated items are required: the impl goes.
                    _ if fixed_by.is_some() => whole(),
                    other => Some(Site::Items(vec![other.span()], false)),
                };
            }
            whole()
        }
        syn::Item::Trait(t) => {
            for ti in &t.items {
                if let syn::TraitItem::Fn(f) = ti
                    && let Some(block) = &f.default
                    && holds(ti.span())
                {
                    return Some(Site::Fn(FnSite {
                        span: f.span(),
                        vis: None,
                        sig: &f.sig,
                        block,
                        fixed_by: Some(t.span()),
                    }));
                }
            }
            whole()
        }
        syn::Item::Struct(s) => Some(Site::Items(with_impls(items, item, &s.ident), true)),
        syn::Item::Enum(e) => Some(Site::Items(with_impls(items, item, &e.ident), true)),
        syn::Item::Union(u) => Some(Site::Items(with_impls(items, item, &u.ident), true)),
        _ => whole(),
    }
}

/// A type that goes takes its impls (inherent and trait) with it.
fn with_impls(items: &[syn::Item], ty: &syn::Item, name: &syn::Ident) -> Vec<Span> {
    let mut spans = vec![ty.span()];
    for item in items {
        if let syn::Item::Impl(imp) = item
            && let syn::Type::Path(p) = imp.self_ty.as_ref()
            && p.path.segments.last().is_some_and(|s| s.ident == *name)
        {
            spans.push(imp.span());
        }
    }
    spans
}

/// The next rung of the ladder for a function with an error at `at`.
fn fn_edit(text: &str, site: &FnSite, at: (usize, usize), message: &str) -> Option<Edit> {
    let open = site.block.span().start();
    let in_body = at >= (open.line, open.column);
    let body = span_text(text, site.block.span())?;
    let stubbed = body.contains(STUB_MARKER);
    let parameterless_stub = stubbed
        && site.sig.inputs.is_empty()
        && matches!(&site.sig.output, syn::ReturnType::Type(_, t) if matches!(t.as_ref(), syn::Type::Never(_)));
    if in_body && !stubbed {
        return stub_body(text, site, message);
    }
    if let Some(block) = site.fixed_by {
        return comment_out(text, block, Some(message));
    }
    if parameterless_stub {
        return comment_out(text, site.span, Some(message));
    }
    stub_signature(text, site, message)
}

/// The body becomes `todo!`, `const` goes (`todo!` formats its message,
/// which a `const fn` cannot; a caller in a constant then fails and is
/// commented out in turn).
fn stub_body(text: &str, site: &FnSite, message: &str) -> Option<Edit> {
    let item_start = line_start(text, site.span.start().line)?;
    let open = byte_at(text, site.block.span().start())?;
    let close = byte_at(text, site.block.span().end())?;
    let indent = indent_at(text, item_start);
    let mut head = text.get(item_start..open)?.to_string();
    let dropped_const = match &site.sig.constness {
        Some(c) => {
            let from = byte_at(text, c.span.start())?.checked_sub(item_start)?;
            let to = byte_at(text, c.span.end())?.checked_sub(item_start)?;
            let after = head.get(to..)?;
            let spaces = after.len() - after.trim_start().len();
            head.get(from..to + spaces)?;
            head.replace_range(from..to + spaces, "");
            true
        }
        None => false,
    };
    let marker = format!("{STUB_MARKER}: {message}");
    Some(Edit {
        start: marker_above(text, item_start),
        end: close,
        text: format!(
            "{indent}// {marker}\n{head}{{\n{indent}    todo!({})\n{indent}}}",
            todo_argument(&marker)
        ),
        kind: EditKind::Body { dropped_const },
        error: 0,
    })
}

/// The whole function becomes `fn name() -> !`: its signature names
/// something that does not compile, or its body stub still failed.
fn stub_signature(text: &str, site: &FnSite, message: &str) -> Option<Edit> {
    let item_start = line_start(text, site.span.start().line)?;
    let close = byte_at(text, site.span.end())?;
    let indent = indent_at(text, item_start);
    let vis = site
        .vis
        .filter(|v| !matches!(v, syn::Visibility::Inherited))
        .map(|v| format!("{} ", quote::quote!(#v)))
        .unwrap_or_default();
    let name = &site.sig.ident;
    let marker = format!("{STUB_MARKER}: {message}");
    Some(Edit {
        start: marker_above(text, item_start),
        end: close,
        text: format!(
            "{indent}// {marker}\n{indent}#[allow(dead_code)]\n{indent}{vis}fn {name}() -> ! {{\n{indent}    todo!({})\n{indent}}}",
            todo_argument(&marker)
        ),
        kind: EditKind::Signature,
        error: 0,
    })
}

/// The lines of `span` as `//` comments, under a marker line when
/// `message` is given.
fn comment_out(text: &str, span: Span, message: Option<&str>) -> Option<Edit> {
    let start = line_start(text, span.start().line)?;
    let end = line_start(text, span.end().line + 1).unwrap_or(text.len());
    let lines = text.get(start..end)?;
    let indent = indent_at(text, start);
    let mut out = String::with_capacity(lines.len() * 2);
    if let Some(message) = message {
        out.push_str(&format!("{indent}// {STUB_MARKER}: {message}\n"));
    }
    for line in lines.split_inclusive('\n') {
        out.push_str("// ");
        out.push_str(line);
    }
    if !lines.ends_with('\n') {
        out.push('\n');
    }
    Some(Edit {
        start: if message.is_some() {
            marker_above(text, start)
        } else {
            start
        },
        end,
        text: out,
        kind: EditKind::Item { type_: false },
        error: 0,
    })
}

/// Where an edit of the item starting at `item_start` begins: the line
/// above when it is the marker of an earlier stub of the item, which the
/// edit's own marker replaces.
fn marker_above(text: &str, item_start: usize) -> usize {
    let before = &text[..item_start];
    let Some(prev) = before.strip_suffix('\n') else {
        return item_start;
    };
    let line = prev.rfind('\n').map_or(0, |i| i + 1);
    if prev[line..]
        .trim_start()
        .starts_with(&format!("// {STUB_MARKER}"))
    {
        line
    } else {
        item_start
    }
}

/// `todo!`'s argument: a string literal whose braces are not format
/// placeholders (rustc's messages have braces).
fn todo_argument(marker: &str) -> String {
    format!("{:?}", marker.replace('{', "{{").replace('}', "}}"))
}

fn one_line(message: &str) -> String {
    message.replace(['\n', '\r'], " ")
}

fn span_text(text: &str, span: Span) -> Option<&str> {
    text.get(byte_at(text, span.start())?..byte_at(text, span.end())?)
}

fn indent_at(text: &str, line_start: usize) -> String {
    text[line_start..]
        .chars()
        .take_while(|c| *c == ' ')
        .collect()
}

/// Byte offset of the start of 1-based `line`.
fn line_start(text: &str, line: usize) -> Option<usize> {
    byte_at(text, proc_macro2::LineColumn { line, column: 0 })
}

/// Byte offset of a proc-macro2 location (1-based line, 0-based column in
/// chars); the end of a line for a column past it.
fn byte_at(text: &str, at: proc_macro2::LineColumn) -> Option<usize> {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == at.line {
            let col = l.char_indices().nth(at.column).map_or(l.len(), |(b, _)| b);
            return Some(offset + col);
        }
        offset += l.len();
    }
    None
}
