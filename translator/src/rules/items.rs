//! Items: functions, containers, constants, the module's error enum, tests.

use std::collections::HashSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::MonoArg;
use super::comptime::{Binding, ComptimeEnv};

use super::names::{camel_case, ident, screaming_case, snake_case};
use super::types::{Ty, rust_type, rust_type_in};
use super::{FnState, FnTranslation, GenericParam, Import, Translator, comment_marker};
use crate::syntax::ir::*;
use crate::syntax::visit::{self, Visitor};

impl<'a> Translator<'a> {
    /// The type of an unannotated constant, from its initialiser. Zig's
    /// `comptime_int` has no Rust twin: non-negative integers become
    /// `usize`, negative ones `i64` (rustc flags any use needing another);
    /// an ASCII character is a byte (`const sep = '/'` meets `u8`s), any
    /// other a `u32` code point.
    pub(super) fn const_type(&self, init: &Expr) -> Ty {
        if let Some((value, ignore_case, _)) = self.static_map_init(init) {
            return Ty::StaticMap(Box::new(value), ignore_case);
        }
        match &init.kind {
            ExprKind::Char(c) if *c < 0x80 => Ty::Int("u8".into()),
            ExprKind::Char(_) => Ty::Int("u32".into()),
            ExprKind::Int(_) => Ty::Int("usize".into()),
            ExprKind::Unary {
                op: UnaryOp::Neg,
                operand,
            } if matches!(operand.kind, ExprKind::Int(_)) => Ty::Int("i64".into()),
            ExprKind::Float(_) => Ty::Float("f64".into()),
            ExprKind::Str(_) => Ty::Slice {
                elem: Box::new(Ty::Int("u8".into())),
                mutable: false,
            },
            // `"abc".*` is the array `[3:0]u8`.
            ExprKind::Deref(inner) => match &inner.kind {
                ExprKind::Str(bytes) => Ty::Array {
                    elem: Box::new(Ty::Int("u8".into())),
                    len: bytes.len().to_string(),
                },
                _ => Ty::Unknown,
            },
            ExprKind::ListInit { ty: Some(t), elems } => match &t.kind {
                ExprKind::Array { elem, len, .. } if matches!(&len.kind, ExprKind::Ident(n) if n == "_") => {
                    Ty::Array {
                        elem: Box::new(self.zig_type(elem)),
                        len: elems.len().to_string(),
                    }
                }
                _ => self.zig_type(t),
            },
            // `64 << 20`, `4 * 1024`: comptime integer arithmetic.
            ExprKind::Binary { .. } if self.is_comptime_int(init) => Ty::Int("usize".into()),
            _ => match self.infer(init) {
                // A reference to another constant or a typed call.
                Ty::Unknown => Ty::Unknown,
                known => known,
            },
        }
    }

    pub(super) fn module_items(&mut self) -> (TokenStream, Vec<FnTranslation>) {
        let mut items = vec![self.error_enum()];
        let mut fns = Vec::new();
        let mut tests = Vec::new();
        let mut test_names = HashSet::new();
        let file_struct = self.scope.file_struct.clone();
        let test_only = test_only_fns(self.file);
        if let Some(name) = &file_struct {
            let decl = self.file_struct_decl();
            let doc = doc_attrs(&self.file.container_doc);
            items.push(self.container_item(name, &decl, &doc, Some(quote!(pub)), &mut fns));
        }
        for decl in &self.file.members {
            if file_struct.is_some() && matches!(decl.kind, DeclKind::Field(_) | DeclKind::Fn(_)) {
                continue;
            }
            if file_struct.is_some()
                && let DeclKind::Var(v) = &decl.kind
                && self.scope.self_alias.as_deref() == Some(v.name.as_str())
            {
                continue; // `const Version = @This();` is the struct itself.
            }
            items.extend(self.comments_before(decl.span.start));
            let doc = doc_attrs(&decl.doc);
            match &decl.kind {
                // Monomorphised at each use (`ModuleScope::mono_types`).
                DeclKind::Fn(f)
                    if self
                        .scope
                        .mono_types
                        .keys()
                        .any(|(ctor, _)| *ctor == f.name) =>
                {
                    let mut instances: Vec<(String, Vec<Expr>)> = self
                        .scope
                        .type_instances
                        .iter()
                        .filter(|(_, (ctor, _))| *ctor == f.name)
                        .map(|(name, (_, args))| (name.clone(), args.clone()))
                        .collect();
                    instances.sort_by(|a, b| a.0.cmp(&b.0));
                    for (name, args) in instances {
                        let vis = decl.is_pub.then(|| quote!(pub));
                        let item = self
                            .with_instance(&name, &f.name, &args, |t, c| {
                                t.container_item(&name, c, &doc, vis, &mut fns)
                            })
                            .unwrap_or_default();
                        items.push(item);
                    }
                }
                DeclKind::Fn(f) if let Some((params, c)) = self.generic_constructor(f) => {
                    let vis = decl.is_pub.then(|| quote!(pub));
                    items.push(
                        self.generic_container_item(&f.name, &params, c, &doc, vis, &mut fns),
                    );
                }
                // Expanded at its instances (`const Standard = Codec(..)`).
                DeclKind::Fn(f)
                    if self
                        .scope
                        .type_instances
                        .values()
                        .any(|(ctor, _)| *ctor == f.name) => {}
                DeclKind::Fn(f) if self.scope.instances.contains_key(&f.name) => {
                    let instances = self
                        .scope
                        .instances
                        .get(&f.name)
                        .cloned()
                        .unwrap_or_default();
                    for args in instances {
                        let name = self.instance_name(&snake_case(&f.name), &args);
                        let (item, report) = self.instance_item(decl, f, &args, name, None);
                        items.push(quote!(#doc #item));
                        fns.push(report);
                    }
                }
                DeclKind::Fn(f) => {
                    let (item, report) = self.fn_item(decl, f, None);
                    // Zig compiles a helper only tests use only for `zig test`.
                    let cfg = test_only.contains(&f.name).then(|| quote!(#[cfg(test)]));
                    items.push(quote!(#doc #cfg #item));
                    fns.push(report);
                }
                DeclKind::Var(v) => items.push(self.var_item(decl, v, &doc, &mut fns)),
                DeclKind::Test(t) => {
                    let (item, report) = self.test_item(decl, t, &mut test_names);
                    tests.push(item);
                    fns.push(report);
                }
                DeclKind::Field(_) => {
                    items.push(self.item_todo("file-level field (the file is a struct)"))
                }
                DeclKind::Comptime(_) => items.push(self.item_todo("top-level comptime block")),
                DeclKind::UsingNamespace(_) => items.push(self.item_todo("usingnamespace")),
                DeclKind::Unsupported(u) => {
                    items.push(self.item_todo(format!("{} ({})", u.reason, u.kind.as_str())))
                }
            }
            self.skip_comments_to(decl.span.end);
        }
        // Anonymous and local types; a test's own types live in `mod tests`.
        for (_, name, c) in self.scope.anon_types.clone() {
            let doc = quote!();
            if self.scope.test_local_types.contains(&name) {
                let first = fns.len();
                tests.push(self.container_item(&name, &c, &doc, None, &mut fns));
                for f in &mut fns[first..] {
                    f.rust_path = format!("tests::{}", f.rust_path);
                }
            } else {
                items.push(self.container_item(&name, &c, &doc, Some(quote!(pub)), &mut fns));
            }
        }
        if !tests.is_empty() {
            items.push(quote! {
                #[cfg(test)]
                mod tests {
                    #[allow(unused_imports)]
                    use super::*;
                    #(#tests)*
                }
            });
        }
        (quote!(#(#items)*), fns)
    }

    /// One `Error` enum for every error name the module uses; Zig error
    /// sets are sets of names, and `@errorName` stays available.
    fn error_enum(&self) -> TokenStream {
        if self.scope.error_names.is_empty() && !self.scope.uses_error_unions {
            return quote!();
        }
        let variants: Vec<_> = self
            .scope
            .error_names
            .iter()
            .map(|n| ident(&camel_case(n)))
            .collect();
        let names: Vec<&String> = self.scope.error_names.iter().collect();
        let runtime_conversions = self.scope.runtime_errors.iter().map(|&i| {
            let (path, names, _) = super::writer::RUNTIME_ERRORS[i];
            let path: TokenStream = path.parse().unwrap_or_default();
            let body = match names {
                [only] => {
                    let v = ident(only);
                    quote!(Error::#v)
                }
                _ => {
                    let v: Vec<_> = names.iter().map(|n| ident(n)).collect();
                    quote!(match e { #(#path::#v => Error::#v),* })
                }
            };
            quote! {
                impl From<#path> for Error {
                    #[allow(unused_variables)]
                    fn from(e: #path) -> Self { #body }
                }
            }
        });
        let conversions = self.scope.error_sources.iter().map(|(module, names)| {
            let m = ident(module);
            let variants: Vec<_> = names.iter().map(|n| ident(&camel_case(n))).collect();
            quote! {
                impl From<super::#m::Error> for Error {
                    fn from(e: super::#m::Error) -> Self {
                        match e { #(super::#m::Error::#variants => Error::#variants),* }
                    }
                }
            }
        });
        quote! {
            /// The errors of this module (every Zig error name it uses).
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
            pub enum Error { #(#variants),* }

            impl Error {
                /// The Zig error name (`@errorName`).
                pub fn name(self) -> &'static str {
                    match self { #(Error::#variants => #names),* }
                }
            }

            impl core::fmt::Display for Error {
                fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                    f.write_str(self.name())
                }
            }

            impl std::error::Error for Error {}

            #(#conversions)*
            #(#runtime_conversions)*
        }
    }

    /// One instance of a monomorphised function: its comptime parameters
    /// bound (types also as the container's type names, values as bound
    /// values), the body specialised (see `comptime`), the bound
    /// parameters gone from the signature.
    fn instance_item(
        &mut self,
        decl: &Decl,
        f: &FnDecl,
        args: &[MonoArg],
        rust_name: String,
        owner: Option<&str>,
    ) -> (TokenStream, FnTranslation) {
        let mono = super::mono::mono_params(f);
        let before = (self.container_types.len(), self.bound_values.len());
        let mut env = ComptimeEnv::default();
        let mut bound_params = Vec::new();
        for (&(i, _), arg) in mono.iter().zip(args) {
            let Some(name) = f.proto.params.get(i).and_then(|p| p.name.clone()) else {
                continue;
            };
            match arg {
                MonoArg::Type(t) => {
                    self.container_types.push((name.clone(), t.clone()));
                    if let Some(e) = scalar_type_expr(t, f.proto.span) {
                        env.bind(&name, Binding::Value(e));
                    }
                    bound_params.push(i);
                }
                MonoArg::Value(v) => {
                    self.bound_values.push((name.clone(), v.clone()));
                    env.bind(&name, Binding::Value(v.clone()));
                    bound_params.push(i);
                }
                MonoArg::TypeOf(t) => {
                    if let Some(e) = scalar_type_expr(t, f.proto.span) {
                        env.bind(&name, Binding::TypeOf(e));
                    }
                }
            }
        }
        let specialised = env.specialise(f, &bound_params);
        let out = self.fn_item_named(decl, &specialised, owner, rust_name);
        self.container_types.truncate(before.0);
        self.bound_values.truncate(before.1);
        out
    }

    fn fn_item(
        &mut self,
        decl: &Decl,
        f: &FnDecl,
        self_type: Option<&str>,
    ) -> (TokenStream, FnTranslation) {
        self.fn_item_named(decl, f, self_type, snake_case(&f.name))
    }

    fn fn_item_named(
        &mut self,
        decl: &Decl,
        f: &FnDecl,
        self_type: Option<&str>,
        rust_name: String,
    ) -> (TokenStream, FnTranslation) {
        let path = match self_type {
            Some(t) => format!("{t}::{rust_name}"),
            None => rust_name.clone(),
        };
        let mut report = FnTranslation {
            zig_name: f.name.clone(),
            rust_path: path,
            zig_line: self.line_of(decl.span),
            todo_reasons: Vec::new(),
            calls: Vec::new(),
        };
        self.state = FnState {
            self_type: self_type.map(str::to_string),
            ..FnState::default()
        };
        self.push_scope();
        let types_before = self.container_types.len();
        if let Some(b) = &f.body {
            let locals = self.local_type_bindings(b.span.start);
            self.container_types.extend(locals);
        }
        let key = match self_type {
            Some(t) => format!("{t}.{}", f.name),
            None => f.name.clone(),
        };
        let accepted = self
            .config
            .accepted
            .get(self.zig_path)
            .and_then(|fns| fns.get(&key));
        let item = match (self.config.overrides.get(&key), accepted) {
            (Some(text), _) => self.override_item(
                &key,
                text,
                "is hand-written (zigport.toml [translate.overrides])",
                self_type.is_some(),
            ),
            (None, Some(a)) => {
                let note = format!("was written by {}", a.provenance);
                self.override_item(&key, &a.rust, &note, self_type.is_some())
            }
            (None, None) => {
                let item = self.fn_tokens(decl, f, self_type, &rust_name);
                match &f.body {
                    Some(body) => {
                        // A struct literal's shorthand (`Range { M }`) names
                        // the field too: locals named like a field keep their name.
                        let fields: HashSet<&str> = self
                            .scope
                            .types
                            .values()
                            .flat_map(|i| i.fields.iter().map(|(n, ..)| n.as_str()))
                            .collect();
                        snake_case_locals(item, body, self.zig_text(body.span), &fields)
                    }
                    None => item,
                }
            }
        };
        let item = if self.state.stubbed {
            self.fn_stub(f, &rust_name, decl.is_pub)
        } else {
            item
        };
        self.pop_scope();
        self.container_types.truncate(types_before);
        report.todo_reasons = std::mem::take(&mut self.state.todos);
        report.calls = std::mem::take(&mut self.state.calls);
        self.skip_comments_to(decl.span.end);
        (item, report)
    }

    fn fn_tokens(
        &mut self,
        decl: &Decl,
        f: &FnDecl,
        self_type: Option<&str>,
        rust_name: &str,
    ) -> TokenStream {
        let name = ident(rust_name);
        let vis = decl.is_pub.then(|| quote!(pub));
        let Some(body) = &f.body else {
            let marker = self.fn_todo(&format!("extern fn `{}` (needs an extern block)", f.name));
            return marker;
        };
        self.state.written_pointers = super::stmt::written_pointer_locals(body);
        self.state.place_aliases = super::stmt::receiver_place_aliases(body);
        self.state.rebuildable = super::stmt::rebuildable_struct_locals(body);
        let mut generics = Vec::new();
        // `anytype` parameters the body formats need the runtime's `Arg` bound.
        let formatted_params = f
            .body
            .as_ref()
            .map(super::writer::formatted_names)
            .unwrap_or_default();
        let mut formatted: Vec<String> = Vec::new();
        let parsed_ints = f
            .body
            .as_ref()
            .map(super::writer::parsed_int_types)
            .unwrap_or_default();
        let mut params = Vec::new();
        let mut takes_allocator = false;
        let frees = self.zig_text(body.span).contains(".free(");
        // Typed (name, type) of each entry of `params`; `None` for the
        // receiver and generic-typed parameters.
        let mut typed: Vec<Option<(proc_macro2::Ident, Ty)>> = Vec::new();
        let mut receiver_borrows = false;
        let mut markers = Vec::new();
        for (i, p) in f.proto.params.iter().enumerate() {
            let pname = p.name.clone().unwrap_or_else(|| format!("arg{i}"));
            let ty = match &p.ty {
                ParamType::Type(t) => t,
                // `anytype` is a generic parameter; the bounds added below
                // cover copying and comparing (rustc names any other need).
                ParamType::AnyType if let Some(written) = anytype_byte_slice_use(body, &pname) => {
                    let ty = Ty::Slice {
                        elem: Box::new(Ty::Int("u8".into())),
                        mutable: written,
                    };
                    let n = ident(&pname);
                    params.push(match written {
                        true => quote!(#n: &mut [u8]),
                        false => quote!(#n: &[u8]),
                    });
                    self.bind(&pname, ty.clone());
                    typed.push(Some((n, ty)));
                    continue;
                }
                ParamType::AnyType => {
                    let g = format!("A{i}");
                    // `if (n) |v|`: an optional of the generic type.
                    let unwrapped = body_unwraps(body, &pname);
                    let mut uses = vec![pname.clone()];
                    uses.extend(unwrapped.iter().cloned());
                    if uses
                        .iter()
                        .any(|u| formatted_params.contains(u) || self.passes_to_formatted(body, u))
                    {
                        formatted.push(g.clone());
                    }
                    generics.push(ident(&g));
                    self.bind(&g, Ty::Named(g.clone()));
                    let (n, gi) = (ident(&pname), ident(&g));
                    if unwrapped.is_empty() {
                        self.bind(&pname, Ty::Named(g.clone()));
                        params.push(quote!(#n: #gi));
                    } else {
                        self.bind(&pname, Ty::Optional(Box::new(Ty::Named(g.clone()))));
                        params.push(quote!(#n: Option<#gi>));
                    }
                    typed.push(None);
                    continue;
                }
                ParamType::VarArgs => return self.fn_todo(&format!("fn `{}`: C varargs", f.name)),
            };
            if p.is_comptime && matches!(&ty.kind, ExprKind::PrimitiveType(t) if t == "type") {
                // A monomorphised instance: the type is bound, not generic.
                if self
                    .container_types
                    .iter()
                    .any(|(n, t)| *n == pname && *t != Ty::Named(pname.clone()))
                {
                    continue;
                }
                generics.push(ident(&pname));
                self.bind(&pname, Ty::Named(pname.clone()));
                continue;
            }
            let mut zty = self.lifted_pointer(f, ty, self.zig_type(ty));
            // Evidence of ownership (Bun's rule): a `[]u8` parameter of a
            // function that frees memory is the caller's owned buffer.
            if frees && matches!(&zty, Ty::Slice { mutable: true, .. } | Ty::ErrorUnion(_)) {
                zty = owned_slices(zty);
            }
            if zty == Ty::Allocator {
                // Rust's global allocator: the parameter disappears, but the
                // name stays known so uses of it can disappear too.
                self.bind(&pname, Ty::Allocator);
                takes_allocator = true;
                continue;
            }
            // `self: *T` that the body only reads: `&self`.
            if i == 0
                && self_type.is_some()
                && let Ty::Ref { to, mutable: true } = &zty
                && let Some(body) = &f.body
                && super::stmt::receiver_read_only(body, &pname)
            {
                zty = Ty::Ref {
                    to: to.clone(),
                    mutable: false,
                };
            }
            if i == 0
                && let Some(st) = self_type
                && let Some(receiver) = receiver_tokens(&zty, st)
            {
                self.state.receiver = Some(pname.clone());
                receiver_borrows = matches!(zty, Ty::Ref { .. });
                self.bind(&pname, zty.clone());
                params.push(receiver);
                typed.push(None);
                continue;
            }
            let Some(rt) = rust_type(&zty) else {
                let text = self.zig_text(ty.span).to_string();
                return self.fn_todo(&format!(
                    "fn `{}`: parameter `{pname}` has type `{text}` with no rule",
                    f.name
                ));
            };
            if p.is_comptime {
                markers.push(comment_marker(&format!(
                    "PERF(port): comptime parameter `{pname}` is a runtime argument"
                )));
            }
            self.bind(&pname, zty.clone());
            let n = ident(&pname);
            // `_: []const u8`: an unused parameter is Rust's `_` pattern.
            if pname == "_" {
                params.push(quote!(_: #rt));
            } else {
                params.push(quote!(#n: #rt));
            }
            typed.push(Some((n, zty)));
        }
        let mut ret =
            self.lifted_pointer(f, &f.proto.return_type, self.zig_type(&f.proto.return_type));
        if takes_allocator || self.returns_allocation(f) {
            // Zig's convention: a slice returned by a function that takes
            // the allocator is owned by the caller: a `Vec` in Rust.
            ret = owned_slices(ret);
        }
        let ret = self.lent_result(f, ret);
        let mut ret_tokens = match &ret {
            Ty::Void => quote!(),
            other => match rust_type(other) {
                Some(t) => quote!(-> #t),
                None => {
                    let text = self.zig_text(f.proto.return_type.span).to_string();
                    return self.fn_todo(&format!(
                        "fn `{}`: return type `{text}` has no rule",
                        f.name
                    ));
                }
            },
        };
        self.state.ret = Some(ret.clone());
        let owned_view = self.returns_owned_field_view(body);
        let body = self.fn_body(body, &ret);
        // A returned reference with several borrowed parameters needs a
        // named lifetime; tie it to the first `&mut` parameter (Zig's
        // output buffer), else the first borrowed one. rustc's borrow
        // checker rejects the choice if the body returns another borrow.
        let mut lifetimes = Vec::new();
        let borrowed: Vec<usize> = (0..typed.len())
            .filter(|&i| {
                typed[i].as_ref().is_some_and(|(_, t)| {
                    matches!(t, Ty::Slice { .. } | Ty::Ref { .. })
                        || self.mentions_borrowing_type(t)
                })
            })
            .collect();
        // A method of a borrowing type returns views of the data the type
        // borrows (`url.pathname()` is a slice of the parsed href): the
        // type's lifetime, not the receiver's.
        let owner_borrows = self_type.is_some_and(|t| self.type_borrows(t));
        // `fn feed(self: *Range, d: Desugared)` in a borrowing type's impl:
        // values of borrowing types hold the data the type borrows.
        if owner_borrows {
            let a = syn::Lifetime::new("'a", proc_macro2::Span::call_site());
            for (i, t) in typed.iter().enumerate() {
                if let Some((n, t)) = t
                    && matches!(
                        t,
                        Ty::Named(_) | Ty::Optional(_) | Ty::Vec(_) | Ty::Array { .. }
                    )
                    && self.mentions_borrowing_type(t)
                    && let Some(rt) = self.field_type(t, &a)
                {
                    params[i] = quote!(#n: #rt);
                }
            }
        }
        // `fn qualifiers(self: *Cursor, pre: *[]const u8)`: an out-parameter
        // of a borrowing type's method receives views of the data the type
        // borrows: `&mut &'a [u8]`.
        if owner_borrows {
            let a = syn::Lifetime::new("'a", proc_macro2::Span::call_site());
            for (i, t) in typed.iter().enumerate() {
                if let Some((n, Ty::Ref { to, mutable: true })) = t
                    && returns_reference(to)
                    && let Some(inner) = super::types::rust_type_in(to, Some(&a))
                {
                    params[i] = quote!(#n: &mut #inner);
                }
            }
        }
        // `fn compile(self: *Self, p: []const u8)` building `.{ .body =
        // p[a..b] }` into the receiver: the slice lives as long as the type's data.
        if owner_borrows
            && receiver_borrows
            && let Some(zig_body) = &f.body
        {
            let a = syn::Lifetime::new("'a", proc_macro2::Span::call_site());
            for (i, t) in typed.iter().enumerate() {
                if let Some((n, t @ Ty::Slice { mutable: false, .. })) = t
                    && builds_values_from(zig_body, &n.to_string())
                    && let Some(rt) = super::types::rust_type_in(t, Some(&a))
                {
                    params[i] = quote!(#n: #rt);
                }
            }
        }
        let returns_borrowing_type = self.mentions_borrowing_type(&ret);
        // The first `[]u8`-like parameter a function writes its result into.
        let out_buffer = borrowed.iter().copied().find(|&i| {
            typed[i]
                .as_ref()
                .is_some_and(|(_, t)| matches!(t, Ty::Slice { mutable: true, .. }))
        });
        // `fn parseSet(set: []const u8, sink: *Range)` with `Range<'a>`: what
        // the function reads from its slices may be stored in the sink, so
        // they share one lifetime.
        let feeds_sink = !owner_borrows
            && !returns_borrowing_type
            && !returns_reference(&ret)
            && typed.iter().flatten().any(|(_, t)| {
                matches!(t, Ty::Ref { mutable: true, to } if self.mentions_borrowing_type(to))
            });
        if feeds_sink {
            let a = syn::Lifetime::new("'a", proc_macro2::Span::call_site());
            for (i, t) in typed.iter().enumerate() {
                let Some((n, t)) = t else { continue };
                let rt = match t {
                    Ty::Slice { mutable: false, .. } => super::types::rust_type_in(t, Some(&a)),
                    Ty::Ref { mutable: true, to } if self.mentions_borrowing_type(to) => {
                        self.field_type(to, &a).map(|to| quote!(&mut #to))
                    }
                    t if self.mentions_borrowing_type(t) => self.field_type(t, &a),
                    _ => None,
                };
                if let Some(rt) = rt {
                    params[i] = quote!(#n: #rt);
                }
            }
            lifetimes.push(quote!(#a));
        }
        if returns_borrowing_type && !(owner_borrows && self.state.receiver.is_some()) {
            // `fn cmd(sub: []const u8, ..) Command` with `Command<'a>`: the
            // value holds the borrowed parameters (or static data). Inside
            // an `impl<'a>` that lifetime is taken already: use it.
            let a = if borrowed.is_empty() && !owner_borrows {
                syn::Lifetime::new("'static", proc_macro2::Span::call_site())
            } else {
                let a = syn::Lifetime::new("'a", proc_macro2::Span::call_site());
                for &i in &borrowed {
                    let Some((n, t)) = &typed[i] else { continue };
                    // `list: []const Comparator`: the elements carry the
                    // borrowed data; the slice itself may be a temporary.
                    if let Ty::Slice { elem, mutable } = t
                        && self.mentions_borrowing_type(elem)
                        && let Some(e) = self.field_type(elem, &a)
                    {
                        params[i] = if *mutable {
                            quote!(#n: &mut [#e])
                        } else {
                            quote!(#n: &[#e])
                        };
                    } else if let Some(rt) = self.field_type(t, &a) {
                        params[i] = quote!(#n: #rt);
                    }
                }
                if !owner_borrows {
                    lifetimes.push(quote!(#a));
                }
                a
            };
            if let Some(rt) = self.field_type(&ret, &a) {
                ret_tokens = quote!(-> #rt);
            }
        } else if returns_borrowing_type && owner_borrows && self.state.receiver.is_some() {
            // `fn floor(self: Partial) Full`: the result holds the data the
            // receiver's type borrows.
            let a = syn::Lifetime::new("'a", proc_macro2::Span::call_site());
            if let Some(rt) = self.field_type(&ret, &a) {
                ret_tokens = quote!(-> #rt);
            }
        } else if returns_reference(&ret) && owner_borrows && self.state.receiver.is_some() {
            let a = syn::Lifetime::new("'a", proc_macro2::Span::call_site());
            if let Some((to, mutable)) = self.owned_container_pointer(&ret, self_type)
                && let Some(inner) = self.field_type(&to, &a)
            {
                // `fn sectionNamed(self: *Document, ..) !*Section`: a
                // container the receiver owns (no field of the type points
                // at one): a view of the receiver itself (elided).
                let r = if mutable {
                    quote!(&mut #inner)
                } else {
                    quote!(&#inner)
                };
                ret_tokens = match &ret {
                    Ty::ErrorUnion(_) => quote!(-> Result<#r, Error>),
                    Ty::Optional(_) => quote!(-> Option<#r>),
                    _ => quote!(-> #r),
                };
            } else if owned_view
                && let Ty::Slice { elem, mutable } = &ret
                && let Some(e) = self.field_type(elem, &a)
            {
                // `return self.items[0..self.len];` of an array field: a
                // view of the receiver itself (elided), of values holding 'a.
                ret_tokens = if *mutable {
                    quote!(-> &mut [#e])
                } else {
                    quote!(-> &[#e])
                };
            } else if let Some(rt) = super::types::rust_type_in(&ret, Some(&a)) {
                ret_tokens = quote!(-> #rt);
            }
        } else if returns_reference(&ret)
            && receiver_borrows
            && let Some(pick) = out_buffer
        {
            // `fn encode(encoder: *const Encoder, dest: []u8, ..) []const u8`:
            // the result is written into the output buffer, not the receiver.
            let a = syn::Lifetime::new("'a", proc_macro2::Span::call_site());
            if let Some((n, t)) = &typed[pick]
                && let Some(rt) = super::types::rust_type_in(t, Some(&a))
                && let Some(r) = super::types::rust_type_in(&ret, Some(&a))
            {
                params[pick] = quote!(#n: #rt);
                ret_tokens = quote!(-> #r);
                lifetimes.push(quote!(#a));
            }
        } else if returns_reference(&ret) && !receiver_borrows {
            let lifetime = if borrowed.is_empty() {
                // Nothing to borrow from: Zig returned static data (a literal).
                Some(syn::Lifetime::new(
                    "'static",
                    proc_macro2::Span::call_site(),
                ))
            } else if borrowed.len() > 1 {
                let pick = borrowed
                    .iter()
                    .copied()
                    .find(|&i| {
                        typed[i].as_ref().is_some_and(|(_, t)| {
                            matches!(
                                t,
                                Ty::Slice { mutable: true, .. } | Ty::Ref { mutable: true, .. }
                            )
                        })
                    })
                    .unwrap_or(borrowed[0]);
                let a = syn::Lifetime::new("'a", proc_macro2::Span::call_site());
                if let Some((n, t)) = &typed[pick]
                    && let Some(rt) = super::types::rust_type_in(t, Some(&a))
                {
                    params[pick] = quote!(#n: #rt);
                }
                lifetimes.push(quote!(#a));
                Some(a)
            } else if let Some((n, Ty::Ref { to, mutable })) = &typed[borrowed[0]]
                && self.mentions_borrowing_type(to)
                && let Some(inner) = self.field_type(
                    to,
                    &syn::Lifetime::new("'a", proc_macro2::Span::call_site()),
                )
            {
                // `fn section(c: *const Ctx) []const u8` with `Ctx<'a>`: the
                // result views the data the type borrows, not the pointer.
                let a = syn::Lifetime::new("'a", proc_macro2::Span::call_site());
                params[borrowed[0]] = if *mutable {
                    quote!(#n: &mut #inner)
                } else {
                    quote!(#n: &#inner)
                };
                lifetimes.push(quote!(#a));
                Some(a)
            } else {
                None // one borrowed parameter: elision ties them
            };
            if let Some(l) = lifetime
                && let Some(rt) = super::types::rust_type_in(&ret, Some(&l))
            {
                ret_tokens = quote!(-> #rt);
            }
        }
        let all_generics: Vec<TokenStream> = lifetimes
            .into_iter()
            // Zig's duck typing needs stated bounds in Rust; these cover
            // copying and comparing (rustc names any missing one).
            .chain(generics.iter().map(|g| {
                let name = g.to_string();
                let format = formatted
                    .contains(&name)
                    .then(|| quote!(+ crate::zigport_rt::fmt::Arg));
                let parse = parsed_ints
                    .contains(&name)
                    .then(|| quote!(+ crate::zigport_rt::parse::ZigInt));
                quote!(#g: Copy + PartialEq + PartialOrd #format #parse)
            }))
            .collect();
        let generics = (!all_generics.is_empty()).then(|| quote!(<#(#all_generics),*>));
        // Raw pointer parameters (Zig many-item pointers) make the function
        // unsafe to call: the caller vouches for the pointer.
        let takes_raw = f.proto.params.iter().any(
            |p| matches!(&p.ty, ParamType::Type(t) if matches!(self.lifted_pointer(f, t, self.zig_type(t)), Ty::Raw { .. })),
        );
        // Called from a constant's initialiser (Zig evaluates it at
        // comptime): a `const fn` when the body is one plain `return`.
        let constness = (self.scope.const_called.contains(&f.name)
            && f.body.as_ref().is_some_and(simple_return))
        .then(|| quote!(const));
        let (unsafety, safety_doc) = if takes_raw {
            let doc = " # Safety\n\n Pointer parameters come from Zig many-item pointers: they must be valid for every index the function reads or writes.";
            (quote!(unsafe), quote!(#[doc = #doc]))
        } else {
            (quote!(), quote!())
        };
        quote! {
            #safety_doc
            #vis #constness #unsafety fn #name #generics (#(#params),*) #ret_tokens {
                #(#markers)*
                #body
            }
        }
    }

    /// A hand-written function from the port configuration, used verbatim
    /// (checked to be one Rust function).
    fn override_item(
        &mut self,
        key: &str,
        text: &str,
        origin: &str,
        is_method: bool,
    ) -> TokenStream {
        let parsed: Result<TokenStream, String> = if is_method {
            syn::parse_str::<syn::ImplItemFn>(text)
                .map(|f| quote!(#f))
                .map_err(|e| e.to_string())
        } else {
            syn::parse_str::<syn::ItemFn>(text)
                .map(|f| quote!(#f))
                .map_err(|e| e.to_string())
        };
        match parsed {
            Ok(item) => {
                let marker = comment_marker(&format!("zigport: `{key}` {origin}"));
                quote!(#marker #item)
            }
            Err(e) => self.fn_todo(&format!("override for `{key}` is not a Rust function: {e}")),
        }
    }

    /// A function no rule can translate at all: a marker in its place.
    /// Callers then fail to compile, which the summary reports.
    fn fn_todo(&mut self, reason: &str) -> TokenStream {
        self.state.todos.push(reason.to_string());
        self.state.stubbed = true;
        comment_marker(&format!("TODO(port): {reason}"))
    }

    /// A compiling stand-in for a function no rule translates: generic
    /// parameters and a `!` return, so callers still compile (and are
    /// reported as depending on it). The marker says why.
    fn fn_stub(&mut self, f: &FnDecl, rust_name: &str, is_pub: bool) -> TokenStream {
        let name = ident(rust_name);
        let vis = is_pub.then(|| quote!(pub));
        let params: Vec<TokenStream> = f
            .proto
            .params
            .iter()
            .filter(|p| {
                let ty = match &p.ty {
                    ParamType::Type(t) => self.zig_type(t),
                    _ => Ty::Unknown,
                };
                let is_type_param = super::is_type_param(p);
                ty != Ty::Allocator && !is_type_param && !matches!(p.ty, ParamType::VarArgs)
            })
            .map(|_| quote!(_: impl Sized))
            .collect();
        let reason = self.state.todos.last().cloned().unwrap_or_default();
        // `todo!` takes a format string: braces in Zig text are escaped.
        let marker = format!("TODO(port): {reason}")
            .replace('{', "{{")
            .replace('}', "}}");
        // Keep the Zig return type when it has a rule and names no generic
        // parameter, so `try stub(..)` and field accesses still type-check.
        let type_params: Vec<&str> = f
            .proto
            .params
            .iter()
            .filter(|p| p.is_comptime)
            .filter_map(|p| p.name.as_deref())
            .collect();
        let ret_text = self.zig_text(f.proto.return_type.span);
        let ret = self.zig_type(&f.proto.return_type);
        let ret = match rust_type(&ret) {
            Some(_) if ret == Ty::Void => quote!(),
            Some(t) if !type_params.iter().any(|p| ret_text.contains(p)) => quote!(-> #t),
            _ => quote!(-> !),
        };
        quote! {
            #[allow(dead_code, unused_variables)]
            #vis fn #name(#(#params),*) #ret { todo!(#marker) }
        }
    }

    fn var_item(
        &mut self,
        decl: &Decl,
        v: &VarDecl,
        doc: &TokenStream,
        fns: &mut Vec<FnTranslation>,
    ) -> TokenStream {
        let vis = (decl.is_pub || self.scope.exposed.contains(&v.name)).then(|| quote!(pub));
        let Some(init) = &v.init else {
            return self.item_todo(format!("`{}` without a value (extern)", v.name));
        };
        if self.scope.imports.contains_key(&v.name) {
            return match self.scope.imports.get(&v.name) {
                Some(Import::Module(m)) if m != "std" => {
                    let (m, alias) = (ident(m), ident(&v.name));
                    quote!(#[allow(unused_imports)] use super::#m as #alias;)
                }
                _ => quote!(),
            };
        }
        // `const native_endian = builtin.target.cpu.arch.endian();`: its
        // uses become `cfg!` conditions (see `target`).
        if self.scope.target_consts.contains_key(&v.name) {
            return comment_marker(&format!(
                "zigport: `{}` is the target's, asked with `cfg!` where it is used",
                v.name
            ));
        }
        if v.mutability == Mutability::Var {
            return self.item_todo(format!(
                "mutable global `{}` (needs a static with synchronisation)",
                v.name
            ));
        }
        if let Some((ctor, args)) = self.scope.type_instances.get(&v.name).cloned() {
            return self
                .with_instance(&v.name, &ctor, &args, |t, c| {
                    t.container_item(&v.name, c, doc, vis, fns)
                })
                .unwrap_or_default();
        }
        if let Some(alias) = self.scope.type_aliases.get(&v.name).cloned() {
            // A std container of the module's types may need their
            // lifetime, which only a use site knows: spelled out there.
            if matches!(alias, Ty::StrMap(_) | Ty::Vec(_)) {
                let text = self.zig_text(init.span).to_string();
                return comment_marker(&format!(
                    "zigport: `{}` is `{text}`, spelled out where it is used",
                    v.name
                ));
            }
            let n = ident(&v.name);
            return match rust_type(&alias) {
                Some(t) => quote!(#doc #[allow(dead_code)] #vis type #n = #t;),
                None => self.item_todo(format!("type alias `{}`", v.name)),
            };
        }
        match &init.kind {
            ExprKind::Container(c) => self.container_item(&v.name, c, doc, vis, fns),
            // Every error set is the module's `Error` (Zig error names are
            // global), merges (`A || error{B} || Allocator.Error`) too.
            // A private one names nothing the port still spells: a note.
            _ if is_error_set_expr(init, &|n| self.is_error_set_name(n)) && vis.is_none() => {
                comment_marker(&format!(
                    "zigport: error set `{}` is this module's `Error`",
                    v.name
                ))
            }
            _ if is_error_set_expr(init, &|n| self.is_error_set_name(n)) => {
                let n = ident(&v.name);
                quote!(#doc #vis type #n = Error;)
            }
            _ => self
                .lazy_static_map(v, doc, vis.clone())
                .unwrap_or_else(|| self.const_item(v, doc, vis)),
        }
    }

    /// A module-level static string map whose values call functions
    /// (`.{ "html", Entry.text("text/html") }`): Zig builds it at comptime;
    /// Rust builds it once, on first use (`LazyLock`), as the rules do for
    /// other constants computed by calls.
    fn lazy_static_map(
        &mut self,
        v: &VarDecl,
        doc: &TokenStream,
        vis: Option<TokenStream>,
    ) -> Option<TokenStream> {
        let init = v.init.as_ref()?;
        let (value_ty, _, pairs) = self.static_map_init(init)?;
        let calls = pairs.iter().any(|p| {
            struct Calls(bool);
            impl Visitor<'_> for Calls {
                fn visit_expr(&mut self, e: &Expr) {
                    self.0 |= matches!(e.kind, ExprKind::Call { .. });
                    visit::walk_expr(self, e);
                }
            }
            let mut c = Calls(false);
            c.visit_expr(p);
            c.0
        });
        if !calls {
            return None;
        }
        let v_rust = rust_type(&value_ty)?;
        self.state = FnState::default();
        let items = self.static_map_pairs(init, &value_ty)?;
        self.item_todos += self.state.todos.len();
        let name = ident(&screaming_case(&v.name));
        Some(quote! {
            #doc
            #vis static #name: std::sync::LazyLock<Vec<(&'static [u8], #v_rust)>> =
                std::sync::LazyLock::new(|| vec![#(#items),*]);
        })
    }

    /// A module constant that is an error set (`const ParseError = error{..};`).
    fn is_error_set_name(&self, name: &str) -> bool {
        self.is_error_set_name_within(name, 8)
    }

    /// `depth` bounds alias chains (Zig rejects cycles; malformed input must
    /// not overflow the stack).
    fn is_error_set_name_within(&self, name: &str, depth: usize) -> bool {
        depth > 0
            && self.file.members.iter().any(|d| match &d.kind {
                DeclKind::Var(v) if v.name == name => v.init.as_ref().is_some_and(|i| {
                    is_error_set_expr(i, &|n| self.is_error_set_name_within(n, depth - 1))
                }),
                _ => false,
            })
    }

    /// Integer literals and untyped integer constants combined with
    /// arithmetic: a `comptime_int` with no type of its own.
    fn is_comptime_int(&self, e: &Expr) -> bool {
        self.is_comptime_int_with(e, &|_| false)
    }

    /// [`Self::is_comptime_int`], also counting the names `known` accepts
    /// (the untyped integer constants of a container being collected).
    pub(super) fn is_comptime_int_with(&self, e: &Expr, known: &dyn Fn(&str) -> bool) -> bool {
        integer_arithmetic(e, &|n| {
            known(n)
                || self
                    .scope
                    .consts
                    .get(n)
                    .is_some_and(|(_, t)| *t == Ty::Int("usize".into()))
        })
    }

    /// A value of type `comptime_int`: integer literals, and untyped
    /// constants of such values combined by arithmetic (`known`: the
    /// untyped constants of a container being collected).
    pub(super) fn is_untyped_int(&self, e: &Expr, known: &dyn Fn(&str) -> bool) -> bool {
        integer_arithmetic(e, &|n| known(n) || self.scope.comptime_ints.contains(n))
    }

    /// `name` (read where it appears) is a constant declared without a
    /// type whose value is a `comptime_int`: it takes the type of the
    /// integer it meets, as Zig's coercion does, where Rust gave it one.
    pub(super) fn is_comptime_int_const(&self, e: &Expr) -> bool {
        // `Owner.prime` from outside the owner.
        if let ExprKind::Field { object, member } = &e.kind
            && let ExprKind::Ident(owner) = &object.kind
            && self.local(owner).is_none()
        {
            return self
                .lookup_type(owner)
                .is_some_and(|i| i.comptime_ints.contains(member));
        }
        let ExprKind::Ident(n) = &e.kind else {
            return false;
        };
        if self.local(n).is_some() || self.bound_value(n).is_some() {
            return false;
        }
        self.declaring_container(|i| i.consts.contains_key(n))
            .and_then(|(owner, _)| self.scope.types.get(&owner))
            .map_or_else(
                || self.scope.comptime_ints.contains(n),
                |info| info.comptime_ints.contains(n),
            )
    }

    fn const_item(
        &mut self,
        v: &VarDecl,
        doc: &TokenStream,
        vis: Option<TokenStream>,
    ) -> TokenStream {
        self.const_item_in(v, doc, vis, None)
    }

    /// [`Self::const_item`] for a constant of container `owner`: typed as
    /// the scope pass found (by its siblings), its initialiser naming them.
    fn const_item_in(
        &mut self,
        v: &VarDecl,
        doc: &TokenStream,
        vis: Option<TokenStream>,
        owner: Option<&str>,
    ) -> TokenStream {
        let known = owner
            .and_then(|o| self.scope.types.get(o))
            .and_then(|i| i.consts.get(&v.name))
            .map(|(_, t)| t.clone());
        let Some(init) = &v.init else { return quote!() };
        // `const Error = error{};` in a type: Zig error names are global, so
        // every error set is the module's `Error` (as at module level).
        if owner.is_some() && is_error_set_expr(init, &|n| self.is_error_set_name(n)) {
            return comment_marker(&format!(
                "zigport: error set `{}` is this module's `Error`",
                v.name
            ));
        }
        if self.scope.lazy_aliases.contains(&v.name)
            && let ExprKind::Field { object, member } = &init.kind
            && let Some((m, c)) = self.foreign_type_const(object, member)
        {
            let path = self.foreign_type_const_path(&m, &c);
            let name = ident(&screaming_case(&v.name));
            return quote!(#doc #vis use #path as #name;);
        }
        let ty = match (&v.ty, known) {
            (Some(t), _) => self.zig_type(t),
            (None, Some(known)) if known != Ty::Unknown => known,
            (None, _) => self.const_type(init),
        };
        let Some(rt) = rust_type(&ty) else {
            let text = self
                .zig_text(init.span)
                .lines()
                .next()
                .unwrap_or("")
                .to_string();
            return self.item_todo(format!("constant `{}` = `{text}`: no type rule", v.name));
        };
        self.state = FnState {
            self_type: owner.map(str::to_string),
            ..FnState::default()
        };
        let value = match &ty {
            Ty::StaticMap(v, _) => self
                .static_map_literal(init, v)
                .unwrap_or_else(|| self.todo("static string map")),
            _ => self.expr(init, &ty),
        };
        self.item_todos += self.state.todos.len();
        let name = ident(&screaming_case(&v.name));
        if owner.is_none() && self.scope.lazy_statics.contains(&v.name) {
            return quote! {
                // PERF(port): Zig computed this at comptime; here on first use.
                #doc
                #vis static #name: std::sync::LazyLock<#rt> = std::sync::LazyLock::new(|| #value);
            };
        }
        quote!(#doc #vis const #name: #rt = #value;)
    }

    fn container_item(
        &mut self,
        name: &str,
        c: &ContainerDecl,
        doc: &TokenStream,
        vis: Option<TokenStream>,
        fns: &mut Vec<FnTranslation>,
    ) -> TokenStream {
        let item = self.generic_container_item(name, &[], c, doc, vis, fns);
        let statics = std::mem::take(&mut self.hoisted);
        quote!(#item #(#statics)*)
    }

    /// A container constant computed by a function Zig ran at comptime
    /// (`decode_table = buildDecodeTable(alphabet)`): a module-level
    /// `LazyLock`, computed on first use by the ported function.
    fn lazy_static_item(&mut self, owner: &str, v: &VarDecl) -> TokenStream {
        // Importers name it (`base64.Standard.decode_table`) when the type is pub.
        let vis = self
            .file
            .members
            .iter()
            .any(|d| d.is_pub && matches!(&d.kind, DeclKind::Var(t) if t.name == owner))
            .then(|| quote!(pub(crate)));
        let Some(init) = &v.init else { return quote!() };
        let ty = match &v.ty {
            Some(t) => self.zig_type(t),
            None => self.const_type(init),
        };
        let Some(rt) = rust_type(&ty) else {
            return self.item_todo(format!("constant `{}`: no type rule", v.name));
        };
        self.state = FnState::default();
        let value = self.expr(init, &ty);
        self.item_todos += self.state.todos.len();
        let name = ident(&super::lazy_static_name(owner, &v.name));
        quote! {
            // PERF(port): Zig computed this at comptime; here on first use.
            #vis static #name: std::sync::LazyLock<#rt> = std::sync::LazyLock::new(|| #value);
        }
    }

    /// A struct, enum or union with its impl. `generics` are the type
    /// parameters of a generic type constructor (`fn Stack(comptime T: type) type`).
    fn generic_container_item(
        &mut self,
        name: &str,
        generics: &[GenericParam],
        c: &ContainerDecl,
        doc: &TokenStream,
        vis: Option<TokenStream>,
        fns: &mut Vec<FnTranslation>,
    ) -> TokenStream {
        let aliases = super::this_aliases(c);
        let before = self.container_types.len();
        let outer = std::mem::take(&mut self.generic_scope);
        for g in generics {
            match g {
                GenericParam::Type(t) => {
                    self.container_types.push((t.clone(), Ty::Named(t.clone())));
                    self.generic_scope.type_params.push(t.clone());
                }
                GenericParam::Const { .. } => self.generic_scope.const_params.push(g.clone()),
            }
        }
        // Outermost first: the innermost binding of a short name wins.
        for owner in self.enclosing_types(name).iter().rev() {
            let nested = self.nested_bindings(owner);
            self.container_types.extend(nested);
        }
        self.container_types.extend(
            aliases
                .iter()
                .map(|a| (a.clone(), Ty::Named("Self".into()))),
        );
        let std_aliases = self.std_type_aliases(c);
        self.container_types.extend(std_aliases);
        let type_aliases = self.type_alias_members(c);
        self.container_types.extend(type_aliases);
        let fns_before = fns.len();
        let item = match self.container_body(name, generics, &aliases, c, doc, vis, fns) {
            Ok(item) => item,
            // Its methods are not emitted either: each says why.
            Err(reason) => {
                for f in &mut fns[fns_before..] {
                    f.todo_reasons
                        .insert(0, format!("its type is not ported: {reason}"));
                }
                self.item_todo(reason)
            }
        };
        self.container_types.truncate(before);
        self.generic_scope = outer;
        item
    }

    #[allow(clippy::too_many_arguments)]
    fn container_body(
        &mut self,
        name: &str,
        generics: &[GenericParam],
        aliases: &[String],
        c: &ContainerDecl,
        doc: &TokenStream,
        vis: Option<TokenStream>,
        fns: &mut Vec<FnTranslation>,
    ) -> Result<TokenStream, String> {
        let n = ident(name);
        let g: Vec<proc_macro2::Ident> = generics.iter().map(|g| ident(g.rust_name())).collect();
        // A plain struct with `[]const T` / `*const T` fields borrows: it
        // gets a lifetime (Zig's convention: such fields are views, not
        // owned; owned buffers are freed in `deinit` and come out `Vec`).
        let borrows = g.is_empty()
            && (c.kind == ContainerKind::Struct
                || (c.kind == ContainerKind::Union && (c.tagged || c.arg.is_some())))
            && self.type_borrows(name);
        let lifetime = syn::Lifetime::new("'a", proc_macro2::Span::call_site());
        // `<T, N>` after the type's name; `<T, const N: usize>` where it
        // is declared.
        let type_generics = if borrows {
            Some(quote!(<#lifetime>))
        } else {
            (!g.is_empty()).then(|| quote!(<#(#g),*>))
        };
        let declared: Vec<TokenStream> = generics
            .iter()
            .map(|p| match p {
                GenericParam::Type(t) => {
                    let t = ident(t);
                    quote!(#t)
                }
                GenericParam::Const { rust, ty, .. } => {
                    let (c, t) = (ident(rust), rust_type(ty));
                    quote!(const #c: #t)
                }
            })
            .collect();
        let decl_generics = if borrows {
            Some(quote!(<#lifetime>))
        } else {
            (!g.is_empty()).then(|| quote!(<#(#declared),*>))
        };
        let type_aliases = self.type_alias_members(c);
        let mut methods = Vec::new();
        let mut fields = Vec::new();
        let mut variants = Vec::new();
        let mut tag_arms: Vec<TokenStream> = Vec::new();
        let mut assoc = Vec::new();
        for member in &c.members {
            let mdoc = doc_attrs(&member.doc);
            match &member.kind {
                DeclKind::Field(f) => fields.push((f, mdoc)),
                // An associated function monomorphised at its calls.
                DeclKind::Fn(f)
                    if let Some(instances) = self
                        .scope
                        .instances
                        .get(&format!("{name}.{}", f.name))
                        .cloned() =>
                {
                    for args in instances {
                        let rust = self.instance_name(&snake_case(&f.name), &args);
                        let (item, report) = self.instance_item(member, f, &args, rust, Some(name));
                        methods.push(quote!(#mdoc #item));
                        fns.push(report);
                    }
                }
                DeclKind::Fn(f) => {
                    let (item, report) = self.fn_item(member, f, Some(name));
                    // A `deinit` that only frees is left with nothing to do
                    // (ownership frees), and its deferred calls are gone.
                    let only_frees = f.name == "deinit"
                        && f.body
                            .as_ref()
                            .is_some_and(|b| b.stmts.iter().all(super::stmt::drops_by_ownership));
                    let allow = only_frees.then(|| quote!(#[allow(dead_code)]));
                    methods.push(quote!(#mdoc #allow #item));
                    fns.push(report);
                }
                DeclKind::Var(v) if aliases.contains(&v.name) => {} // `const Self = @This();`
                // `pub const Key = K;`: uses read the target (`type_alias_members`).
                DeclKind::Var(v)
                    if let Some((_, ty)) = type_aliases.iter().find(|(n, _)| *n == v.name) =>
                {
                    let target = rust_type(ty).map(|t| t.to_string()).unwrap_or_default();
                    assoc.push(comment_marker(&format!(
                        "zigport: `{}` names the type `{target}`; uses read it",
                        v.name
                    )));
                }
                // `const StateSet = std.StaticBitSet(..)`: resolved where used.
                DeclKind::Var(v) if v.init.as_ref().is_some_and(|i| self.std_type(i).is_some()) => {
                }
                DeclKind::Var(v)
                    if matches!(
                        v.init.as_ref().map(|i| &i.kind),
                        Some(ExprKind::Container(_))
                    ) =>
                {
                    // Emitted at module level (see `ModuleScope::nested`).
                    if !self
                        .scope
                        .nested
                        .get(name)
                        .is_some_and(|l| l.iter().any(|(short, _)| *short == v.name))
                    {
                        assoc.push(self.item_todo(format!("nested type `{name}.{}`", v.name)));
                    }
                }
                DeclKind::Var(v)
                    if self
                        .scope
                        .types
                        .get(name)
                        .is_some_and(|i| i.lazy_consts.contains(&v.name)) =>
                {
                    let item = self.lazy_static_item(name, v);
                    self.hoisted.push(item);
                }
                DeclKind::Var(v) => {
                    let mvis = member.is_pub.then(|| quote!(pub));
                    assoc.push(self.const_item_in(v, &mdoc, mvis, Some(name)));
                }
                _ => assoc.push(self.item_todo(format!("member of `{name}`"))),
            }
        }
        // The methods are translated: the operators they apply to values
        // of a type parameter are known.
        let impl_generics = if borrows {
            Some(quote!(<#lifetime>))
        } else {
            let bounded: Vec<TokenStream> = generics
                .iter()
                .zip(&declared)
                .map(|(p, d)| match p {
                    GenericParam::Type(t) => {
                        let ops = self
                            .generic_scope
                            .bounds
                            .iter()
                            .filter(|(param, _)| param == t)
                            .map(|(_, op)| operator_bound(op, d));
                        quote!(#d: Copy + Default + PartialEq + PartialOrd #(+ #ops)*)
                    }
                    GenericParam::Const { .. } => d.clone(),
                })
                .collect();
            (!g.is_empty()).then(|| quote!(<#(#bounded),*>))
        };
        let definition = match (c.kind, c.layout) {
            (ContainerKind::Struct, ContainerLayout::Packed) => {
                match self.packed_item(name, c, doc, vis.clone()) {
                    Some(item) => item,
                    None => {
                        return Err(format!(
                            "packed struct `{name}`: signed or enum fields need bit accessors"
                        ));
                    }
                }
            }
            (ContainerKind::Struct, layout) => {
                let mut out = Vec::new();
                let mut all_copy = true;
                let mut writes = false;
                let mut fn_ptrs = false;
                for (f, fdoc) in &fields {
                    let ty = self.field_decl_type(f, Ty::Unknown);
                    if ty == Ty::Allocator {
                        continue; // the global allocator: no field
                    }
                    // The use sites' predicate (enums, `Copy` structs and
                    // unions nest), so a derive never disagrees with a use.
                    all_copy &= self.is_copy_type(&ty);
                    // A `&mut` field (a writer, `sink: *Sink`): neither
                    // cloned nor compared.
                    let mut_ref = matches!(&ty, Ty::Ref { mutable: true, to } if matches!(**to, Ty::Named(_)));
                    writes |= Self::is_writer(&ty) || mut_ref;
                    // Function addresses are not meaningfully comparable.
                    fn_ptrs |= matches!(ty, Ty::FnPtr { .. });
                    // A writer the struct writes through is borrowed mutably.
                    let borrowed_ok = borrows
                        && (matches!(
                            ty,
                            Ty::Slice { mutable: false, .. } | Ty::Ref { mutable: false, .. }
                        ) || Self::is_writer(&ty)
                            || mut_ref);
                    let rt = if borrows {
                        self.field_type(&ty, &lifetime)
                    } else {
                        rust_type(&ty)
                    };
                    let Some(rt) = rt else {
                        let text =
                            f.ty.as_ref()
                                .map(|t| self.zig_text(t.span))
                                .unwrap_or("")
                                .to_string();
                        return Err(format!(
                            "struct `{name}`: field `{}` type `{text}` has no rule",
                            f.name
                        ));
                    };
                    if !borrowed_ok && matches!(ty, Ty::Slice { .. } | Ty::Ref { .. }) {
                        return Err(format!(
                            "struct `{name}`: field `{}` borrows (`{}`): owned or borrowed is a decision",
                            f.name,
                            f.ty.as_ref().map(|t| self.zig_text(t.span)).unwrap_or("")
                        ));
                    }
                    let fname = ident(&f.name);
                    out.push(quote!(#fdoc pub #fname: #rt));
                }
                let copy = all_copy.then(|| quote!(Copy,));
                // What `undefined` arrays of it fill with (`has_default`).
                let default = (g.is_empty() && self.has_default(&Ty::Named(name.to_string())))
                    .then(|| quote!(Default,));
                let repr = (layout == ContainerLayout::Extern).then(|| quote!(#[repr(C)]));
                // A struct holding a `&mut` writer can be neither cloned nor compared.
                let derives = if writes {
                    quote!(Debug)
                } else if fn_ptrs {
                    quote!(Debug, Clone, #copy #default)
                } else {
                    quote!(Debug, Clone, #copy #default PartialEq)
                };
                quote! {
                    #doc
                    #[derive(#derives)]
                    #repr
                    #vis struct #n #decl_generics { #(#out),* }
                }
            }
            (ContainerKind::Enum, _) => {
                let repr = match c.arg.as_ref().map(|a| self.zig_type(a)) {
                    Some(t @ Ty::Int(_)) => rust_type(&t).map(|t| quote!(#[repr(#t)])),
                    _ => None,
                };
                for (f, fdoc) in &fields {
                    if f.name == "_" {
                        return Err(format!("non-exhaustive enum `{name}`"));
                    }
                    let v = ident(&camel_case(&f.name));
                    let value = match &f.value {
                        Some(Expr {
                            kind: ExprKind::Int(text),
                            ..
                        }) => {
                            let lit: TokenStream = text.parse().unwrap_or_default();
                            quote!(= #lit)
                        }
                        Some(_) => {
                            return Err(format!("enum `{name}`: computed tag value"));
                        }
                        None => quote!(),
                    };
                    variants.push(quote!(#fdoc #v #value));
                    tag_arms.push({
                        let tag = &f.name;
                        quote!(Self::#v => #tag)
                    });
                }
                quote! {
                    #doc
                    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
                    #repr
                    #vis enum #n #decl_generics { #(#variants),* }

                    impl #impl_generics #n #type_generics {
                        /// The Zig tag name (`@tagName`).
                        #[allow(dead_code)]
                        pub fn zig_tag_name(self) -> &'static str {
                            match self { #(#tag_arms),* }
                        }
                    }
                }
            }
            (ContainerKind::Union, _) if c.tagged || c.arg.is_some() => {
                let mut first_unit = None;
                for (f, fdoc) in &fields {
                    let v = ident(&camel_case(&f.name));
                    let ty = self.field_decl_type(f, Ty::Void);
                    let borrowed_ok = borrows
                        && matches!(
                            ty,
                            Ty::Slice { mutable: false, .. } | Ty::Ref { mutable: false, .. }
                        );
                    match ty {
                        Ty::Void => {
                            first_unit.get_or_insert(variants.len());
                            variants.push(quote!(#fdoc #v))
                        }
                        other if borrows => match self.field_type(&other, &lifetime) {
                            Some(rt)
                                if borrowed_ok
                                    || !matches!(other, Ty::Slice { .. } | Ty::Ref { .. }) =>
                            {
                                variants.push(quote!(#fdoc #v(#rt)))
                            }
                            _ => {
                                return Err(format!("union `{name}`: payload of `{}`", f.name));
                            }
                        },
                        other => match rust_type(&other) {
                            Some(rt) if !matches!(other, Ty::Slice { .. } | Ty::Ref { .. }) => {
                                variants.push(quote!(#fdoc #v(#rt)))
                            }
                            _ => {
                                return Err(format!("union `{name}`: payload of `{}`", f.name));
                            }
                        },
                    }
                }
                // Decided as every use site decides (`is_copy_type`), so a
                // by-value receiver or capture copies where Zig copies.
                let copy = self
                    .is_copy_type(&Ty::Named(name.to_string()))
                    .then(|| quote!(Copy,));
                // A field left `undefined` in Zig holds any value: the first
                // payload-less variant stands for it (`Default`).
                let default = first_unit.map(|i| {
                    let unit = &variants[i];
                    variants[i] = quote!(#[default] #unit);
                    quote!(Default,)
                });
                // No payload-less variant: the first one with its payload's
                // default, when that has one.
                let first_payload_default = (first_unit.is_none()
                    && self.has_default(&Ty::Named(name.to_string())))
                .then(|| {
                    let first = ident(&camel_case(&fields.first()?.0.name));
                    let impl_generics = decl_generics.clone();
                    Some(quote! {
                        impl #impl_generics Default for #n #type_generics {
                            fn default() -> Self {
                                #n::#first(Default::default())
                            }
                        }
                    })
                })
                .flatten();
                quote! {
                    #doc
                    #[derive(Debug, Clone, #copy #default PartialEq)]
                    #vis enum #n #decl_generics { #(#variants),* }
                    #first_payload_default
                }
            }
            (ContainerKind::Union, _) => return Err(format!("untagged union `{name}`")),
            (ContainerKind::Opaque, _) => return Err(format!("opaque type `{name}`")),
        };
        let imp = (!methods.is_empty() || !assoc.is_empty())
            .then(|| quote!(impl #impl_generics #n #type_generics { #(#assoc)* #(#methods)* }));
        Ok(quote!(#definition #imp))
    }

    /// A field's type inside a container that borrows: const slices and
    /// references, and the module's borrowing types, carry `lifetime`.
    /// Whether `ty` holds a module type that takes a lifetime.
    /// Whether values of `ty` are `Copy` in the port (scalars, and module
    /// enums and structs made only of such: their items derive `Copy`).
    pub(super) fn is_copy_type(&self, ty: &Ty) -> bool {
        self.is_copy_type_within(ty, 8)
    }

    fn is_copy_type_within(&self, ty: &Ty, depth: usize) -> bool {
        if ty.is_copy() {
            return true;
        }
        let Ty::Named(n) = ty else {
            return false;
        };
        // A generic type's parameters are bound `Copy` (see `container_body`).
        if self.generic_scope.type_params.contains(n) {
            return true;
        }
        let Some(info) = self.lookup_type(n) else {
            return false;
        };
        match info.kind {
            Some(ContainerKind::Enum) => true,
            // A packed struct is its backing integer (see `packed`).
            Some(ContainerKind::Struct) if info.packed.is_some() => true,
            Some(ContainerKind::Struct) if depth > 0 => info
                .fields
                .iter()
                .all(|(_, t, _)| *t == Ty::Allocator || self.is_copy_type_within(t, depth - 1)),
            // A tagged union whose payloads are all `Copy` (or absent).
            Some(ContainerKind::Union) if depth > 0 => info
                .fields
                .iter()
                .all(|(_, t, _)| *t == Ty::Void || self.is_copy_type_within(t, depth - 1)),
            _ => false,
        }
    }

    /// Whether every `return` of `body` slices an array or list field of
    /// the receiver (`return self.items[0..self.len];`): the result views
    /// the receiver, not the data its type borrows.
    fn returns_owned_field_view(&self, body: &Block) -> bool {
        let returns = returned_values(body);
        let Some(receiver) = self.state.receiver.as_deref() else {
            return false;
        };
        let owner = self.state.self_type.clone().unwrap_or_default();
        !returns.is_empty()
            && returns.iter().all(|r| {
                let ExprKind::Slice { object, .. } = &r.kind else {
                    return false;
                };
                let ExprKind::Field {
                    object: base,
                    member,
                } = &object.kind
                else {
                    return false;
                };
                matches!(&base.kind, ExprKind::Ident(n) if n == receiver)
                    && self.lookup_type(&owner).is_some_and(|i| {
                        i.fields.iter().any(|(n, t, _)| {
                            n == member && matches!(t, Ty::Array { .. } | Ty::Vec(_))
                        })
                    })
            })
    }

    pub(super) fn mentions_borrowing_type(&self, ty: &Ty) -> bool {
        match ty {
            Ty::StrMap(_) => true,
            Ty::Named(n) => self.type_borrows(n),
            Ty::Optional(t) | Ty::ErrorUnion(t) | Ty::Vec(t) => self.mentions_borrowing_type(t),
            Ty::Array { elem, .. } => self.mentions_borrowing_type(elem),
            Ty::Tuple(elems) => elems.iter().any(|e| self.mentions_borrowing_type(e)),
            _ => false,
        }
    }

    fn field_type(&self, ty: &Ty, lifetime: &syn::Lifetime) -> Option<TokenStream> {
        match ty {
            Ty::ErrorUnion(inner) => {
                let t = self.field_type(inner, lifetime)?;
                Some(quote!(Result<#t, Error>))
            }
            Ty::Tuple(elems) => {
                let elems = elems
                    .iter()
                    .map(|e| self.field_type(e, lifetime))
                    .collect::<Option<Vec<_>>>()?;
                Some(quote!((#(#elems,)*)))
            }
            Ty::Ref { to, mutable } if matches!(**to, Ty::StrMap(_)) => {
                let m = self.field_type(to, lifetime)?;
                Some(if *mutable {
                    quote!(&#lifetime mut #m)
                } else {
                    quote!(&#lifetime #m)
                })
            }
            Ty::Slice { mutable: false, .. }
            | Ty::Ref { mutable: false, .. }
            | Ty::Split { .. } => rust_type_in(ty, Some(lifetime)),
            Ty::Ref { to, .. } if **to == Ty::Writer => rust_type_in(ty, Some(lifetime)),
            Ty::Ref { to, mutable: true } if matches!(**to, Ty::Named(_)) => {
                let t = self.field_type(to, lifetime).or_else(|| rust_type(to))?;
                Some(quote!(&#lifetime mut #t))
            }
            Ty::Named(n) if self.type_borrows(n) => {
                let n = ident(n);
                Some(quote!(#n<#lifetime>))
            }
            Ty::Optional(inner) => {
                let t = self.field_type(inner, lifetime)?;
                Some(quote!(Option<#t>))
            }
            Ty::Vec(inner) => {
                let t = self.field_type(inner, lifetime)?;
                Some(quote!(Vec<#t>))
            }
            Ty::StrMap(value) => {
                let v = self.field_type(value, lifetime)?;
                Some(quote!(crate::zigport_rt::map::HashMap<&#lifetime [u8], #v>))
            }
            Ty::Array { elem, len } => {
                let t = self.field_type(elem, lifetime)?;
                let len: TokenStream = len.parse().ok()?;
                Some(quote!([#t; #len]))
            }
            other => rust_type(other),
        }
    }

    fn test_item(
        &mut self,
        decl: &Decl,
        t: &TestDecl,
        used: &mut HashSet<String>,
    ) -> (TokenStream, FnTranslation) {
        let base = match &t.name {
            TestName::Description(d) | TestName::Decl(d) => {
                snake_case(&d.replace(|c: char| !c.is_ascii_alphanumeric(), "_"))
            }
            TestName::Anonymous => "anonymous".into(),
        };
        // `test_` keeps test names from shadowing the module's functions
        // inside `mod tests`.
        let words: Vec<&str> = base.split('_').filter(|s| !s.is_empty()).collect();
        let base = format!(
            "test_{}",
            if words.is_empty() {
                "anonymous".into()
            } else {
                words.join("_")
            }
        );
        let mut name = base.clone();
        let mut n = 2;
        // `test "base64"` beside a helper `fn testBase64`: numbered.
        let is_module_fn = |n: &str| self.scope.fns.values().any(|f| f.rust_name == n);
        while is_module_fn(&name) || !used.insert(name.clone()) {
            name = format!("{base}_{n}");
            n += 1;
        }
        self.state = FnState::default();
        self.push_scope();
        let mut tries = TryFinder {
            translator: self,
            found: false,
        };
        visit::walk_block(&mut tries, &t.body);
        let returns_result = tries.found;
        let ret = if returns_result {
            Ty::ErrorUnion(Box::new(Ty::Void))
        } else {
            Ty::Void
        };
        self.state.ret = Some(ret.clone());
        let types_before = self.container_types.len();
        let locals = self.local_type_bindings(t.body.span.start);
        self.container_types.extend(locals);
        let body = self.fn_body(&t.body, &ret);
        self.container_types.truncate(types_before);
        self.pop_scope();
        let f = ident(&name);
        let item = if returns_result {
            // Tests may `try` errors of any module: box them.
            quote!(#[test] fn #f() -> Result<(), Box<dyn std::error::Error>> { #body })
        } else {
            quote!(#[test] fn #f() { #body })
        };
        let report = FnTranslation {
            zig_name: format!(
                "test \"{}\"",
                match &t.name {
                    TestName::Description(d) | TestName::Decl(d) => d.as_str(),
                    TestName::Anonymous => "",
                }
            ),
            rust_path: format!("tests::{name}"),
            zig_line: self.line_of(decl.span),
            todo_reasons: std::mem::take(&mut self.state.todos),
            calls: std::mem::take(&mut self.state.calls),
        };
        (item, report)
    }
}

pub(super) fn returns_reference(ty: &Ty) -> bool {
    match ty {
        Ty::Slice { .. } | Ty::Ref { .. } => true,
        Ty::Optional(t) | Ty::ErrorUnion(t) => returns_reference(t),
        _ => false,
    }
}

/// `self: Self` / `self: *Self` / `self: *const Self` → receivers.
/// `error{..}`, `Allocator.Error`, `anyerror`, a module error-set alias,
/// or a `||` merge of those.
fn is_error_set_expr(e: &Expr, is_alias: &dyn Fn(&str) -> bool) -> bool {
    match &e.kind {
        ExprKind::ErrorSet(_) => true,
        ExprKind::PrimitiveType(t) => t == "anyerror",
        ExprKind::Field { member, .. } => member == "Error",
        ExprKind::Ident(n) => is_alias(n),
        ExprKind::Binary {
            op: BinaryOp::ErrorSetMerge,
            lhs,
            rhs,
        } => is_error_set_expr(lhs, is_alias) && is_error_set_expr(rhs, is_alias),
        _ => false,
    }
}

fn receiver_tokens(ty: &Ty, self_type: &str) -> Option<TokenStream> {
    let is_self = |t: &Ty| matches!(t, Ty::Named(n) if n == self_type || n == "Self");
    match ty {
        t if is_self(t) => Some(quote!(self)),
        Ty::Ref { to, mutable: true } if is_self(to) => Some(quote!(&mut self)),
        Ty::Ref { to, mutable: false } if is_self(to) => Some(quote!(&self)),
        _ => None,
    }
}

fn doc_attrs(doc: &[String]) -> TokenStream {
    let lines = doc.iter().map(|l| format!(" {l}"));
    quote!(#(#[doc = #lines])*)
}

struct TryFinder<'t, 'a> {
    translator: &'t Translator<'a>,
    found: bool,
}

impl Visitor<'_> for TryFinder<'_, '_> {
    fn visit_expr(&mut self, expr: &Expr) {
        if let ExprKind::Try(inner) = &expr.kind
            && !self.translator.is_testing_call(inner)
        {
            self.found = true;
        }
        visit::walk_expr(self, expr);
    }
}

/// `[]T` (also under `?` and `!`) as `Vec<T>`.
pub(super) fn owned_slices(ty: Ty) -> Ty {
    match ty {
        Ty::Slice { elem, .. } => Ty::Vec(elem),
        Ty::Optional(inner) => Ty::Optional(Box::new(owned_slices(*inner))),
        Ty::ErrorUnion(inner) => Ty::ErrorUnion(Box::new(owned_slices(*inner))),
        other => other,
    }
}

/// A body that is a single `return` of literals, parameters, field inits
/// and arithmetic: nothing a `const fn` could not do.
pub(super) fn simple_return(body: &Block) -> bool {
    struct Plain(bool);
    impl Visitor<'_> for Plain {
        fn visit_expr(&mut self, e: &Expr) {
            match &e.kind {
                ExprKind::Call { .. } | ExprKind::Builtin { .. } | ExprKind::Try(_) => {
                    self.0 = false
                }
                _ => visit::walk_expr(self, e),
            }
        }
    }
    let [stmt] = &body.stmts[..] else {
        return false;
    };
    let StmtKind::Expr(Expr {
        kind: ExprKind::Return(Some(value)),
        ..
    }) = &stmt.kind
    else {
        return false;
    };
    let mut plain = Plain(true);
    plain.visit_expr(value);
    plain.0
}

/// Whether `body` builds a struct or union literal holding `name` or a
/// slice of it (`.{ .body = p[start..end] }`), or stores such a slice into
/// a place (`self.names[i] = p[start..]`).
fn builds_values_from(body: &Block, name: &str) -> bool {
    use crate::syntax::visit::{self, Visitor};
    struct Scan<'n> {
        name: &'n str,
        in_literal: usize,
        found: bool,
    }
    impl Visitor<'_> for Scan<'_> {
        fn visit_stmt(&mut self, s: &Stmt) {
            if let StmtKind::Assign { target, value, .. } = &s.kind
                && !matches!(target.kind, ExprKind::Ident(_))
            {
                self.in_literal += 1;
                self.visit_expr(value);
                self.in_literal -= 1;
                self.visit_expr(target);
                return;
            }
            visit::walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &Expr) {
            match &e.kind {
                ExprKind::StructInit { .. } => {
                    self.in_literal += 1;
                    visit::walk_expr(self, e);
                    self.in_literal -= 1;
                    return;
                }
                ExprKind::Ident(n) if self.in_literal > 0 && n == self.name => self.found = true,
                // `self.sections.getOrPut(name)`: the key is stored.
                ExprKind::Call { callee, args }
                    if matches!(&callee.kind, ExprKind::Field { member, .. }
                        if ["put", "getOrPut", "append"].iter().any(|m| member.starts_with(m))) =>
                {
                    self.visit_expr(callee);
                    self.in_literal += 1;
                    args.iter().for_each(|a| self.visit_expr(a));
                    self.in_literal -= 1;
                    return;
                }
                _ => {}
            }
            visit::walk_expr(self, e);
        }
    }
    let mut scan = Scan {
        name,
        in_literal: 0,
        found: false,
    };
    visit::walk_block(&mut scan, body);
    scan.found
}

impl Translator<'_> {
    /// `*T` (also under `!`/`?`) with `T` a map, list or module type that
    /// no field of `owner` points at: what a method returns such a pointer
    /// to lives in the receiver.
    fn owned_container_pointer(&self, ret: &Ty, owner: Option<&str>) -> Option<(Ty, bool)> {
        let (to, mutable) = match ret {
            Ty::Ref { to, mutable } => ((**to).clone(), *mutable),
            Ty::ErrorUnion(inner) | Ty::Optional(inner) => match inner.as_ref() {
                Ty::Ref { to, mutable } => ((**to).clone(), *mutable),
                _ => return None,
            },
            _ => return None,
        };
        if !matches!(to, Ty::StrMap(_) | Ty::Vec(_) | Ty::Named(_)) {
            return None;
        }
        let fields = &self.lookup_type(owner?)?.fields;
        let pointed_at = fields
            .iter()
            .any(|(_, t, _)| matches!(t, Ty::Ref { to: f, .. } if **f == to));
        (!pointed_at).then_some((to, mutable))
    }
}

/// The captures of `if (name) |v|` in `body`: `name` is an optional.
/// Integer literals and the names `leaf` accepts, combined by integer
/// arithmetic, shifts, bit operations and negation.
fn integer_arithmetic(e: &Expr, leaf: &dyn Fn(&str) -> bool) -> bool {
    match &e.kind {
        ExprKind::Int(_) => true,
        ExprKind::Ident(n) => leaf(n),
        ExprKind::Unary {
            op: UnaryOp::Neg,
            operand,
        } => integer_arithmetic(operand, leaf),
        ExprKind::Binary { op, lhs, rhs } => {
            matches!(
                op,
                BinaryOp::Add
                    | BinaryOp::Sub
                    | BinaryOp::Mul
                    | BinaryOp::Div
                    | BinaryOp::Rem
                    | BinaryOp::Shl
                    | BinaryOp::Shr
                    | BinaryOp::BitAnd
                    | BinaryOp::BitOr
                    | BinaryOp::BitXor
            ) && integer_arithmetic(lhs, leaf)
                && integer_arithmetic(rhs, leaf)
        }
        _ => false,
    }
}

/// How an `anytype` parameter is used when the body treats it only as a
/// byte buffer (`x.len`, `x[i]`, `x[a..b]`; xxhash's `update(input:
/// anytype)`): `Some(written)`. It then becomes `&[u8]` (`&mut [u8]` when
/// written): Zig instantiates it per argument type, and rustc accepts the
/// port exactly when every caller passes bytes. `None` for any other use
/// of a field or method of it.
pub(super) fn anytype_byte_slice_use(body: &Block, name: &str) -> Option<bool> {
    use crate::syntax::visit::{self, Visitor};
    struct Scan<'n> {
        name: &'n str,
        sliced: bool,
        written: bool,
        other: bool,
    }
    impl Scan<'_> {
        fn is_param(&self, e: &Expr) -> bool {
            matches!(&e.kind, ExprKind::Ident(n) if n == self.name)
        }
    }
    impl Visitor<'_> for Scan<'_> {
        fn visit_stmt(&mut self, s: &Stmt) {
            if let StmtKind::Assign { target, .. } = &s.kind
                && let ExprKind::Index { object, .. } = &target.kind
                && self.is_param(object)
            {
                self.written = true;
            }
            visit::walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &Expr) {
            match &e.kind {
                ExprKind::Field { object, member } if self.is_param(object) => {
                    if member == "len" {
                        self.sliced = true;
                    } else {
                        self.other = true;
                    }
                }
                ExprKind::Index { object, .. } | ExprKind::Slice { object, .. }
                    if self.is_param(object) =>
                {
                    self.sliced = true;
                }
                _ => {}
            }
            visit::walk_expr(self, e);
        }
    }
    let mut scan = Scan {
        name,
        sliced: false,
        written: false,
        other: false,
    };
    visit::walk_block(&mut scan, body);
    (scan.sliced && !scan.other).then_some(scan.written)
}

fn body_unwraps(body: &Block, name: &str) -> Vec<String> {
    use crate::syntax::visit::{self, Visitor};
    struct Scan<'n>(&'n str, Vec<String>);
    impl Visitor<'_> for Scan<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            if let ExprKind::If(i) = &e.kind
                && matches!(&i.cond.kind, ExprKind::Ident(n) if n == self.0)
                && let Some(c) = &i.capture
            {
                self.1.push(c.name.clone());
            }
            visit::walk_expr(self, e);
        }
    }
    let mut scan = Scan(name, Vec::new());
    visit::walk_block(&mut scan, body);
    scan.1
}

impl Translator<'_> {
    /// Whether `body` passes `name` to a module function (or method) whose
    /// `anytype` parameter at that position is formatted: the value then
    /// needs the runtime's `Arg` bound too (`c.number(v)`).
    fn passes_to_formatted(&self, body: &Block, name: &str) -> bool {
        use crate::syntax::visit::{self, Visitor};
        struct Calls(Vec<(String, Vec<Expr>, bool)>);
        impl Visitor<'_> for Calls {
            fn visit_expr(&mut self, e: &Expr) {
                if let ExprKind::Call { callee, args } = &e.kind {
                    match &callee.kind {
                        ExprKind::Ident(f) => self.0.push((f.clone(), args.clone(), false)),
                        ExprKind::Field { member, .. } => {
                            self.0.push((member.clone(), args.clone(), true))
                        }
                        _ => {}
                    }
                }
                visit::walk_expr(self, e);
            }
        }
        let mut calls = Calls(Vec::new());
        visit::walk_block(&mut calls, body);
        calls.0.iter().any(|(f, args, method)| {
            let Some(i) = args
                .iter()
                .position(|a| matches!(&a.kind, ExprKind::Ident(n) if n == name))
            else {
                return false;
            };
            self.module_fn_decls(f).iter().any(|decl| {
                // A method call's receiver is the first parameter.
                let offset = usize::from(*method && decl.proto.params.len() > args.len());
                decl.proto.params.get(i + offset).is_some_and(|p| {
                    p.ty == ParamType::AnyType
                        && decl.body.as_ref().is_some_and(|b| {
                            p.name
                                .as_ref()
                                .is_some_and(|pn| super::writer::formatted_names(b).contains(pn))
                        })
                })
            })
        })
    }

    /// Functions named `name` at the top of the module or in its containers.
    fn module_fn_decls(&self, name: &str) -> Vec<&FnDecl> {
        self.all_fn_decls()
            .into_iter()
            .filter_map(|(_, f)| (f.name == name).then_some(f))
            .collect()
    }
}

/// Private top-level functions that only tests (and other such helpers)
/// reference: `fn expectEncode(..)` called from `test` blocks.
fn test_only_fns(file: &SourceFile) -> HashSet<String> {
    use crate::syntax::visit::{self, Visitor};
    #[derive(Default)]
    struct Names(HashSet<String>);
    impl Visitor<'_> for Names {
        fn visit_expr(&mut self, e: &Expr) {
            if let ExprKind::Ident(n) = &e.kind {
                self.0.insert(n.clone());
            }
            visit::walk_expr(self, e);
        }
    }
    let names_in = |d: &Decl| {
        let mut n = Names::default();
        n.visit_decl(d);
        n.0
    };
    let mut in_tests = HashSet::new();
    let mut others: Vec<(Option<&str>, HashSet<String>)> = Vec::new();
    for d in &file.members {
        match &d.kind {
            DeclKind::Test(_) => in_tests.extend(names_in(d)),
            DeclKind::Fn(f) => others.push((Some(f.name.as_str()), names_in(d))),
            _ => others.push((None, names_in(d))),
        }
    }
    let mut test_only: HashSet<String> = file
        .members
        .iter()
        .filter_map(|d| match &d.kind {
            DeclKind::Fn(f) if !d.is_pub && in_tests.contains(&f.name) => Some(f.name.clone()),
            _ => None,
        })
        .collect();
    loop {
        let used: HashSet<&String> = others
            .iter()
            .filter(|(name, _)| !name.is_some_and(|n| test_only.contains(n)))
            .flat_map(|(_, names)| names.iter())
            .collect();
        let before = test_only.len();
        test_only.retain(|f| !used.contains(f));
        if test_only.len() == before {
            return test_only;
        }
    }
}

/// Zig locals spelled like types (`const M = ..`, `|M|`) get Rust's snake
/// case in the function's tokens. Zig forbids a local shadowing any other
/// name in scope, so every such identifier in the body is that local; one
/// whose snake-case spelling the body already uses becomes `big_` that.
fn snake_case_locals(
    item: TokenStream,
    body: &Block,
    body_text: &str,
    fields: &HashSet<&str>,
) -> TokenStream {
    use crate::syntax::visit::{self, Visitor};
    struct Locals(Vec<String>);
    impl Visitor<'_> for Locals {
        fn visit_stmt(&mut self, s: &Stmt) {
            if let StmtKind::Var(v) = &s.kind {
                self.0.push(v.name.clone());
            }
            visit::walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &Expr) {
            let captures: Vec<&Capture> = match &e.kind {
                ExprKind::If(i) => i.capture.iter().chain(&i.else_capture).collect(),
                ExprKind::While(w) => w.capture.iter().chain(&w.else_capture).collect(),
                ExprKind::For(f) => f.captures.iter().collect(),
                ExprKind::Catch { capture, .. } => capture.iter().collect(),
                ExprKind::Switch(s) => s.prongs.iter().flat_map(|p| &p.captures).collect(),
                _ => Vec::new(),
            };
            self.0.extend(captures.into_iter().map(|c| c.name.clone()));
            visit::walk_expr(self, e);
        }
    }
    let mut locals = Locals(Vec::new());
    visit::walk_block(&mut locals, body);
    let used = |word: &str| {
        body_text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .any(|w| w == word)
    };
    let renames: std::collections::HashMap<String, String> = locals
        .0
        .into_iter()
        .filter(|n| n.chars().any(|c| c.is_ascii_uppercase()) && !fields.contains(n.as_str()))
        .filter_map(|n| {
            let snake = snake_case(&n);
            // `M` beside `m` (semver's major and minor): `big_m`.
            let candidates = [snake.clone(), format!("big_{snake}")];
            let free = candidates.into_iter().find(|c| !used(c))?;
            (snake != n).then_some((n, free))
        })
        .collect();
    // A capture of types (`inline for (.{ u8, u16 }) |T|`) is a type alias.
    fn type_aliases(tokens: TokenStream, out: &mut HashSet<String>) {
        let mut after_type = false;
        for tt in tokens {
            match &tt {
                proc_macro2::TokenTree::Group(g) => type_aliases(g.stream(), out),
                proc_macro2::TokenTree::Ident(i) if after_type => {
                    out.insert(i.to_string());
                }
                _ => {}
            }
            after_type = matches!(&tt, proc_macro2::TokenTree::Ident(i) if i == "type");
        }
    }
    let mut types = HashSet::new();
    type_aliases(item.clone(), &mut types);
    let renames: std::collections::HashMap<String, String> = renames
        .into_iter()
        .filter(|(n, _)| !types.contains(n))
        .collect();
    if renames.is_empty() {
        return item;
    }
    rename_idents(item, &renames)
}

/// `renames` applied to identifiers not reached through a `.` or `::`.
fn rename_idents(
    tokens: TokenStream,
    renames: &std::collections::HashMap<String, String>,
) -> TokenStream {
    use proc_macro2::{Group, Spacing, TokenTree};
    let mut out = Vec::new();
    let mut after_path = false;
    // `::` is a joint `:` then a `:`; a lone `:` (a type, a field value) is not a path.
    // A field access is a lone `.`, not the end of a range's `..`.
    let (mut joint_colon, mut joint_dot) = (false, false);
    for tt in tokens {
        let next_after_path = match &tt {
            TokenTree::Punct(p) if p.as_char() == '.' => {
                p.spacing() == Spacing::Alone && !joint_dot
            }
            TokenTree::Punct(p) if p.as_char() == ':' => joint_colon,
            _ => false,
        };
        let joint = |c: char| matches!(&tt, TokenTree::Punct(p) if p.as_char() == c && p.spacing() == Spacing::Joint);
        (joint_colon, joint_dot) = (joint(':'), joint('.'));
        let tt = match tt {
            TokenTree::Group(g) => {
                let mut ng = Group::new(g.delimiter(), rename_idents(g.stream(), renames));
                ng.set_span(g.span());
                TokenTree::Group(ng)
            }
            TokenTree::Ident(i) if !after_path => match renames.get(&i.to_string()) {
                Some(new) => TokenTree::Ident(ident(new)),
                None => TokenTree::Ident(i),
            },
            other => other,
        };
        after_path = next_after_path;
        out.push(tt);
    }
    out.into_iter().collect()
}

/// The values every `return` of `body` hands back, nested ones included.
pub(super) fn returned_values(body: &Block) -> Vec<Expr> {
    struct Returns(Vec<Expr>);
    impl crate::syntax::visit::Visitor<'_> for Returns {
        fn visit_expr(&mut self, e: &Expr) {
            if let ExprKind::Return(Some(v)) = &e.kind {
                self.0.push((**v).clone());
            }
            crate::syntax::visit::walk_expr(self, e);
        }
    }
    let mut returns = Returns(Vec::new());
    crate::syntax::visit::walk_block(&mut returns, body);
    returns.0
}

/// A scalar type as the type expression Zig spells it (`u8`, `f32`).
fn scalar_type_expr(t: &Ty, span: Span) -> Option<Expr> {
    let name = match t {
        Ty::Int(n) | Ty::Float(n) => n.clone(),
        Ty::Bool => "bool".into(),
        _ => return None,
    };
    Some(Expr {
        span,
        kind: ExprKind::PrimitiveType(name),
    })
}

/// The bound `core::ops` trait `op` puts on type parameter `t`: the
/// operator yields the parameter's own type, as Zig's does.
fn operator_bound(op: &str, t: &TokenStream) -> TokenStream {
    let op = ident(op);
    match op.to_string().ends_with("Assign") {
        true => quote!(core::ops::#op),
        false => quote!(core::ops::#op<Output = #t>),
    }
}
