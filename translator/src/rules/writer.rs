//! `std.Io.Writer` and `std.fmt` printing: the runtime's `Writer` (a
//! buffer with a sink) and Zig-format-string formatting (`zigport_rt::fmt`),
//! so printed output is byte-for-byte Zig's.

use proc_macro2::TokenStream;
use quote::quote;

use super::Translator;
use super::types::Ty;
use crate::syntax::ir::*;

impl Translator<'_> {
    /// Whether `ty` is a writer or a pointer to one.
    pub(super) fn is_writer(ty: &Ty) -> bool {
        match ty {
            Ty::Writer => true,
            Ty::Ref { to, .. } => **to == Ty::Writer,
            _ => false,
        }
    }

    /// `w.writeAll(s)`, `w.print(fmt, .{..})`, `w.flush()`... on a writer.
    pub(super) fn writer_call(&mut self, callee: &Expr, args: &[Expr]) -> Option<TokenStream> {
        let ExprKind::Field { object, member } = &callee.kind else {
            return None;
        };
        if !Self::is_writer(&self.infer(object)) {
            return None;
        }
        let w = self.writer_place(object);
        Some(match (member.as_str(), args) {
            ("writeAll", [s]) => {
                let s = self.expr(s, &Ty::Unknown);
                quote!(#w.write_all(#s))
            }
            ("writeByte", [b]) => {
                let b = self.expr(b, &Ty::Int("u8".into()));
                quote!(#w.write_byte(#b))
            }
            ("splatByteAll", [b, n]) => {
                let b = self.expr(b, &Ty::Int("u8".into()));
                let n = self.index_expr(n);
                quote!(#w.splat_byte_all(#b, #n))
            }
            ("print", [fmt, tuple]) => {
                let (fmt, args) = self.format_args(fmt, tuple);
                quote!(#w.print(#fmt, #args))
            }
            ("flush", []) => quote!(#w.flush()),
            ("written", []) => quote!(#w.written()),
            _ => self.todo(format!("std.Io.Writer.{member}")),
        })
    }

    /// The writer itself for `x.writer` (`Writer.Allocating`) and
    /// `x.interface` (`File.Writer`): one runtime type stands for all.
    fn writer_place(&mut self, object: &Expr) -> TokenStream {
        match &object.kind {
            ExprKind::Field {
                object: inner,
                member,
            } if matches!(member.as_str(), "writer" | "interface")
                && (Self::is_writer(&self.infer(inner)) || self.infer(inner) == Ty::Reader) =>
            {
                self.writer_place(inner)
            }
            _ => self.operand(object, &Ty::Unknown),
        }
    }

    /// Writes into the buffer cannot fail: `try` on them disappears.
    pub(super) fn is_infallible_write(&self, e: &Expr) -> bool {
        matches!(&e.kind, ExprKind::Call { callee, .. }
            if matches!(&callee.kind, ExprKind::Field { object, member }
                if member != "flush" && Self::is_writer(&self.infer(object))))
            || matches!(&e.kind, ExprKind::Call { callee, .. }
                if self.std_path(callee).is_some_and(|p| p == ["fmt", "allocPrint"] || p == ["process", "argsAlloc"]))
    }

    /// `std.fs.File.stdout().writer(&buf)` (and `writerStreaming`, stderr,
    /// `stdin().reader(&buf)`): the runtime's writer or reader.
    fn stdio_target(&self, callee: &Expr) -> Option<(TokenStream, Ty)> {
        let ExprKind::Field { object, member } = &callee.kind else {
            return None;
        };
        let ExprKind::Call { callee: file, .. } = &object.kind else {
            return None;
        };
        let path = self.std_path(file)?;
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        Some(match (&path[..], member.as_str()) {
            (["fs", "File", "stdout"], "writer" | "writerStreaming") => {
                (quote!(crate::zigport_rt::io::Writer::stdout()), Ty::Writer)
            }
            (["fs", "File", "stderr"], "writer" | "writerStreaming") => {
                (quote!(crate::zigport_rt::io::Writer::stderr()), Ty::Writer)
            }
            (["fs", "File", "stdin"], "reader" | "readerStreaming") => {
                (quote!(crate::zigport_rt::io::Reader::stdin()), Ty::Reader)
            }
            _ => return None,
        })
    }

    pub(super) fn stdio_call(&mut self, callee: &Expr, args: &[Expr]) -> Option<TokenStream> {
        if let Some((target, _)) = self.stdio_target(callee) {
            return Some(target);
        }
        // `reader.allocRemaining(gpa, .limited(n))` on the runtime reader.
        let ExprKind::Field { object, member } = &callee.kind else {
            return None;
        };
        if member != "allocRemaining" || self.infer(object) != Ty::Reader {
            return None;
        }
        let r = self.writer_place(object);
        let limit = match args.last().map(|a| &a.kind) {
            Some(ExprKind::Call {
                callee,
                args: inner,
            }) if matches!(&callee.kind, ExprKind::DotName(n) if n == "limited") => {
                let n = inner.first()?;
                self.index_expr(n)
            }
            _ => quote!(usize::MAX),
        };
        Some(quote!(#r.alloc_remaining(#limit).map_err(Error::from)))
    }

    /// The type of a stdio constructor call or of `allocRemaining`.
    pub(super) fn stdio_type(&self, e: &Expr) -> Option<Ty> {
        let ExprKind::Call { callee, .. } = &e.kind else {
            return None;
        };
        if let Some((_, ty)) = self.stdio_target(callee) {
            return Some(ty);
        }
        match &callee.kind {
            ExprKind::Field { object, member }
                if member == "allocRemaining" && self.infer(object) == Ty::Reader =>
            {
                Some(Ty::ErrorUnion(Box::new(Ty::Slice {
                    elem: Box::new(Ty::Int("u8".into())),
                    mutable: false,
                })))
            }
            _ => None,
        }
    }

    /// `.init(..)` where a writer is expected: an allocating writer.
    pub(super) fn decl_literal_call(
        &mut self,
        name: &str,
        _args: &[Expr],
        expected: &Ty,
    ) -> Option<TokenStream> {
        match expected {
            Ty::Writer if name == "init" => {
                Some(quote!(crate::zigport_rt::io::Writer::allocating()))
            }
            // `var map: std.StringHashMap(V) = .init(gpa);`, a managed
            // list's `.init(gpa)`: empty (the allocator is Rust's).
            Ty::StrMap(_) if name == "init" && _args.len() == 1 => {
                Some(quote!(crate::zigport_rt::map::HashMap::default()))
            }
            Ty::Vec(_) if name == "init" && _args.len() == 1 => Some(quote!(Vec::new())),
            _ => None,
        }
    }

    /// `std.fmt.bufPrint(buf, fmt, .{..})` / `allocPrint(a, fmt, .{..})`.
    pub(super) fn fmt_call(&mut self, path: &[&str], args: &[Expr]) -> Option<TokenStream> {
        Some(match (path, args) {
            (["fmt", "bufPrint"], [buf, fmt, tuple]) => {
                // The output buffer is written: `&mut buf`.
                let written = Ty::output_bytes();
                let buf = self.expr(buf, &written);
                let (fmt, args) = self.format_args(fmt, tuple);
                quote!(crate::zigport_rt::fmt::buf_print(#buf, #fmt, #args).map_err(Error::from))
            }
            (["fmt", f @ ("parseInt" | "parseUnsigned")], [t, s, base]) => {
                let f = quote::format_ident!("{}", super::names::snake_case(f));
                let t = super::types::rust_type(&self.zig_type(t))?;
                let s = self.expr(s, &Ty::Unknown);
                let base = self.expr(base, &Ty::Int("u8".into()));
                quote!(crate::zigport_rt::parse::#f::<#t>(#s, #base).map_err(Error::from))
            }
            (["process", "argsAlloc"], [_]) => quote!(crate::zigport_rt::io::args()),
            // The support crate's twins, verified against Zig by the harness.
            (["unicode", f @ ("utf8Decode" | "utf8ByteSequenceLength")], [x]) => {
                let f = quote::format_ident!("{}", super::names::snake_case(f));
                let x = self.expr(x, &Ty::Unknown);
                quote!(crate::zigport_rt::unicode::#f(#x).map_err(Error::from))
            }
            (["unicode", "utf8Encode"], [c, out]) => {
                let c = self.widened(c, &Ty::Int("u32".into()));
                let written = Ty::output_bytes();
                let out = self.widened(out, &written);
                quote!(crate::zigport_rt::unicode::utf8_encode(#c, #out).map_err(Error::from))
            }
            (["unicode", "utf8ValidateSlice"], [s]) => {
                let s = self.expr(s, &Ty::Unknown);
                quote!(crate::zigport_rt::unicode::utf8_validate_slice(#s))
            }
            (["fmt", "charToDigit"], [c, base]) => {
                let c = self.expr(c, &Ty::Int("u8".into()));
                let base = self.expr(base, &Ty::Int("u8".into()));
                quote!(crate::zigport_rt::parse::char_to_digit(#c, #base).map_err(Error::from))
            }
            (["fmt", "allocPrint"], [_alloc, fmt, tuple]) => {
                let (fmt, args) = self.format_args(fmt, tuple);
                quote!(crate::zigport_rt::fmt::alloc_print(#fmt, #args))
            }
            _ => return None,
        })
    }

    /// The format string as given and the argument tuple as `&[&dyn Arg]`.
    fn format_args(&mut self, fmt: &Expr, tuple: &Expr) -> (TokenStream, TokenStream) {
        let fmt = self.expr(fmt, &Ty::Unknown);
        let elems: Vec<Expr> = match &tuple.kind {
            ExprKind::ListInit { ty: None, elems } => elems.clone(),
            ExprKind::StructInit { ty: None, fields } if fields.is_empty() => Vec::new(),
            _ => vec![tuple.clone()],
        };
        let args: Vec<TokenStream> = elems
            .iter()
            .map(|e| {
                let v = self.operand(e, &Ty::Unknown);
                quote!(&#v as &dyn crate::zigport_rt::fmt::Arg)
            })
            .collect();
        (fmt, quote!(&[#(#args),*]))
    }
}

/// Runtime functions with Zig error sets of their own: the error type, its
/// variants (Zig names) and the members that, when called, bring them in.
pub(super) const RUNTIME_ERRORS: &[(&str, &[&str], &[&str])] = &[
    (
        "crate::zigport_rt::fmt::NoSpaceLeft",
        &["NoSpaceLeft"],
        &["bufPrint"],
    ),
    (
        "crate::zigport_rt::unicode::Utf8Error",
        &[
            "Utf8InvalidStartByte",
            "Utf8ExpectedContinuation",
            "Utf8OverlongEncoding",
            "Utf8EncodesSurrogateHalf",
            "Utf8CodepointTooLarge",
        ],
        &["utf8Decode", "utf8ByteSequenceLength"],
    ),
    (
        "crate::zigport_rt::unicode::Utf8EncodeError",
        &["Utf8CannotEncodeSurrogateHalf", "CodepointTooLarge"],
        &["utf8Encode"],
    ),
    (
        "crate::zigport_rt::base64::DecodeError",
        &["InvalidCharacter", "InvalidPadding", "NoSpaceLeft"],
        &["calcSizeForSlice", "calcSizeUpperBound"],
    ),
    (
        "crate::zigport_rt::io::ReadError",
        &["ReadFailed", "StreamTooLong"],
        &["allocRemaining"],
    ),
    (
        "crate::zigport_rt::parse::ParseIntError",
        &["Overflow", "InvalidCharacter"],
        &["parseInt", "parseUnsigned", "charToDigit"],
    ),
];

/// Every method-style call `x.member(args)` a walk reaches: the member
/// and the arguments (the rules below pick theirs by member name).
#[derive(Default)]
struct MemberCalls(Vec<(String, Vec<Expr>)>);

impl crate::syntax::visit::Visitor<'_> for MemberCalls {
    fn visit_expr(&mut self, e: &Expr) {
        if let ExprKind::Call { callee, args } = &e.kind
            && let ExprKind::Field { member, .. } = &callee.kind
        {
            self.0.push((member.clone(), args.clone()));
        }
        crate::syntax::visit::walk_expr(self, e);
    }
}

fn member_calls_in_block(body: &Block) -> Vec<(String, Vec<Expr>)> {
    let mut found = MemberCalls::default();
    crate::syntax::visit::walk_block(&mut found, body);
    found.0
}

/// Which of [`RUNTIME_ERRORS`] the file calls (by index): the module's
/// `Error` then has those names and converts from that type.
pub(super) fn runtime_errors_used(file: &SourceFile) -> Vec<usize> {
    let mut found = MemberCalls::default();
    crate::syntax::visit::walk_file(&mut found, file);
    let mut used: Vec<usize> = (0..RUNTIME_ERRORS.len())
        .filter(|&i| {
            let (_, _, members) = RUNTIME_ERRORS[i];
            found.0.iter().any(|(m, _)| members.contains(&m.as_str()))
        })
        .collect();
    used.dedup();
    used
}

/// Type parameters a function parses integers as (`parseInt(T, ..)`): they
/// need the runtime's `ZigInt` bound.
pub(super) fn parsed_int_types(body: &Block) -> Vec<String> {
    member_calls_in_block(body)
        .into_iter()
        .filter(|(m, _)| matches!(m.as_str(), "parseInt" | "parseUnsigned"))
        .filter_map(|(_, args)| match args.first().map(|a| &a.kind) {
            Some(ExprKind::Ident(t)) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

/// Names of `anytype` parameters a function formats (they need the
/// runtime's `Arg` bound): elements of a `print`/`bufPrint`/`allocPrint`
/// argument tuple.
pub(super) fn formatted_names(body: &Block) -> Vec<String> {
    member_calls_in_block(body)
        .into_iter()
        .filter(|(m, _)| matches!(m.as_str(), "print" | "bufPrint" | "allocPrint"))
        .flat_map(|(_, args)| match args.last().map(|a| &a.kind) {
            Some(ExprKind::ListInit { elems, .. }) => elems
                .iter()
                .filter_map(|e| match &e.kind {
                    ExprKind::Ident(n) => Some(n.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        })
        .collect()
}
