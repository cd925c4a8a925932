//! Container members: functions, variables, fields, tests, comptime blocks.

use tree_sitter::Node;

use super::{Kid, Lowerer, is_empty_container_placeholder};
use crate::syntax::ir::*;
use crate::syntax::parse::span_of;

impl<'s> Lowerer<'s> {
    /// Lowers the members of a container (or file) and its `//!` docs.
    pub(super) fn members(&mut self, kids: &[Kid]) -> (Vec<Decl>, Vec<String>) {
        let mut members = Vec::new();
        let mut container_doc = Vec::new();
        let mut pending_doc: Vec<String> = Vec::new();
        let mut field_count = 0;
        for kid in kids {
            let node = kid.node;
            if !kid.named() && !node.is_missing() {
                continue; // braces, commas, `struct`, `packed`...
            }
            if node.kind() == "comment" {
                let text = self.text(node);
                if let Some(doc) = text.strip_prefix("//!") {
                    container_doc.push(trim_doc(doc));
                } else if let Some(doc) = text.strip_prefix("///").filter(|t| !t.starts_with('/')) {
                    pending_doc.push(trim_doc(doc));
                }
                continue;
            }
            let Some(decl) = self.member(node, field_count) else {
                continue;
            };
            if matches!(decl.kind, DeclKind::Field(_)) {
                field_count += 1;
            }
            members.push(Decl {
                doc: std::mem::take(&mut pending_doc),
                ..decl
            });
        }
        (members, container_doc)
    }

    /// One member; `None` for nodes that are not members (the
    /// empty-container placeholder).
    fn member(&mut self, node: Node, field_index: usize) -> Option<Decl> {
        let span = span_of(node);
        let kids = self.kids(node);
        let is_pub = kids.iter().any(|k| k.is("pub"));
        let kind = match node.kind() {
            "function_declaration" => self.fn_decl(&kids),
            "variable_declaration" => match self.var_decl(node, &kids) {
                Ok(var) => DeclKind::Var(var),
                Err(u) => DeclKind::Unsupported(u),
            },
            "container_field" => {
                if kids.iter().any(|k| is_empty_container_placeholder(k.node)) {
                    return None;
                }
                self.container_field(node, &kids, field_index)
            }
            "test_declaration" => self.test_decl(node, &kids),
            "comptime_declaration" => match kids.iter().find(|k| k.kind == "block") {
                Some(block) => DeclKind::Comptime(self.block(block.node, None)),
                None => DeclKind::Unsupported(self.unexpected(node, "comptime declaration")),
            },
            "using_namespace_declaration" => match kids.iter().find(|k| k.named()) {
                Some(e) => DeclKind::UsingNamespace(self.expr(e.node)),
                None => DeclKind::Unsupported(self.unexpected(node, "usingnamespace")),
            },
            _ => DeclKind::Unsupported(self.unexpected(node, "container")),
        };
        Some(Decl {
            span,
            doc: Vec::new(),
            is_pub,
            kind,
        })
    }

    fn fn_decl(&mut self, kids: &[Kid]) -> DeclKind {
        let mut name = None;
        let mut linkage = Linkage::Internal;
        let mut is_inline = false;
        let mut is_noinline = false;
        let mut body = None;
        for kid in kids {
            match (kid.token(), kid.field, kid.kind) {
                (Some("export"), ..) => linkage = Linkage::Export,
                (Some("extern"), ..) => linkage = Linkage::Extern { library: None },
                (Some("inline"), ..) => is_inline = true,
                (Some("noinline"), ..) => is_noinline = true,
                (_, _, "string") if matches!(linkage, Linkage::Extern { .. }) => {
                    linkage = Linkage::Extern {
                        library: self.string_text(kid.node),
                    }
                }
                (_, Some("name"), _) => name = self.ident_name(kid.node),
                (_, Some("body"), _) => body = Some(self.block(kid.node, None)),
                _ => {}
            }
        }
        let proto = self.fn_proto(kids);
        let Some(name) = name else {
            return DeclKind::Unsupported(Unsupported {
                kind: UnsupportedKind::SyntaxError,
                reason: "function without a name".into(),
            });
        };
        DeclKind::Fn(FnDecl {
            name,
            proto,
            body,
            linkage,
            is_inline,
            is_noinline,
        })
    }

    /// The prototype part shared by `function_declaration` and
    /// `function_signature` (a function type).
    pub(super) fn fn_proto(&mut self, kids: &[Kid]) -> FnProto {
        let start = kids.first().map_or(0, |k| k.node.start_byte());
        let mut end = start;
        let mut params = Vec::new();
        let mut return_type = None;
        let mut callconv = None;
        let mut align = None;
        for kid in kids {
            match (kid.field, kid.kind) {
                (Some("body"), _) => break,
                (_, "parameters") => params = self.params(kid.node),
                (_, "calling_convention") => callconv = self.wrapped_expr(kid.node),
                (_, "byte_alignment") => align = self.wrapped_expr(kid.node),
                (Some("type"), _) => return_type = Some(self.ty(kid.node)),
                _ => {}
            }
            end = kid.node.end_byte();
        }
        let return_type = return_type.unwrap_or_else(|| Expr {
            span: Span::new(end, end),
            kind: ExprKind::Unsupported(Unsupported {
                kind: UnsupportedKind::SyntaxError,
                reason: "function without a return type".into(),
            }),
        });
        FnProto {
            span: Span::new(start, end),
            params,
            return_type: Box::new(return_type),
            callconv,
            align,
        }
    }

    /// The expression inside `align(..)`, `callconv(..)`, `addrspace(..)`.
    pub(super) fn wrapped_expr(&mut self, node: Node) -> Option<Box<Expr>> {
        let kids = self.kids(node);
        kids.iter()
            .find(|k| k.named())
            .map(|k| Box::new(self.expr(k.node)))
    }

    fn params(&mut self, node: Node) -> Vec<Param> {
        let mut params = Vec::new();
        for kid in self.kids(node) {
            if !kid.named() {
                continue;
            }
            let span = span_of(kid.node);
            let pk = self.kids(kid.node);
            let mut param = Param {
                span,
                name: None,
                ty: ParamType::VarArgs,
                is_comptime: pk.iter().any(|k| k.is("comptime")),
                is_noalias: pk.iter().any(|k| k.is("noalias")),
            };
            if kid.kind != "parameter" {
                param.ty = ParamType::Type(Expr {
                    span,
                    kind: ExprKind::Unsupported(self.unexpected(kid.node, "parameter list")),
                });
                params.push(param);
                continue;
            }
            let mut has_type = false;
            for p in &pk {
                match p.field {
                    Some("name") => param.name = self.ident_name(p.node),
                    Some("type") => {
                        has_type = true;
                        param.ty = if self.text(p.node) == "anytype" {
                            ParamType::AnyType
                        } else {
                            ParamType::Type(self.ty(p.node))
                        };
                    }
                    _ => {}
                }
            }
            if !has_type && !pk.iter().any(|k| k.is("...")) {
                param.ty = ParamType::Type(Expr {
                    span,
                    kind: ExprKind::Unsupported(self.unexpected(kid.node, "parameter")),
                });
            }
            params.push(param);
        }
        params
    }

    /// A `variable_declaration` that really is a declaration (it has
    /// `const` or `var`). Container-level and statement-level share this.
    pub(super) fn var_decl(&mut self, node: Node, kids: &[Kid]) -> Result<VarDecl, Unsupported> {
        let mut mutability = None;
        let mut name = None;
        let mut ty = None;
        let mut init = None;
        let mut align = None;
        let mut linkage = Linkage::Internal;
        let mut after_eq = false;
        for kid in kids {
            if after_eq {
                if kid.is_operand() {
                    init = Some(self.expr(kid.node));
                    after_eq = false;
                }
                continue;
            }
            match (kid.token(), kid.field, kid.kind) {
                (Some("const"), ..) => mutability = Some(Mutability::Const),
                (Some("var"), ..) => mutability = Some(Mutability::Var),
                (Some("export"), ..) => linkage = Linkage::Export,
                (Some("extern"), ..) => linkage = Linkage::Extern { library: None },
                (Some("="), ..) => after_eq = true,
                (_, Some("type"), _) => ty = Some(self.ty(kid.node)),
                (_, _, "string") if matches!(linkage, Linkage::Extern { .. }) => {
                    linkage = Linkage::Extern {
                        library: self.string_text(kid.node),
                    }
                }
                (_, _, "identifier") if name.is_none() => name = self.ident_name(kid.node),
                (_, _, "byte_alignment") => align = self.wrapped_expr(kid.node).map(|b| *b),
                (_, _, "link_section" | "address_space") => {}
                (None, ..) if kid.named() => return Err(self.unexpected(kid.node, "declaration")),
                _ => {}
            }
        }
        let (Some(mutability), Some(name)) = (mutability, name) else {
            return Err(Unsupported {
                kind: UnsupportedKind::UnknownShape,
                reason: format!(
                    "variable_declaration without const/var and name: {}",
                    first_line(self.text(node))
                ),
            });
        };
        Ok(VarDecl {
            span: span_of(node),
            name,
            mutability,
            ty,
            init,
            linkage,
            is_threadlocal: kids.iter().any(|k| k.is("threadlocal")),
            is_comptime: kids.iter().any(|k| k.is("comptime")),
            align,
        })
    }

    fn container_field(&mut self, node: Node, kids: &[Kid], tuple_index: usize) -> DeclKind {
        let mut field = ContainerField {
            name: String::new(),
            ty: None,
            value: None,
            align: None,
            is_comptime: kids.iter().any(|k| k.is("comptime")),
        };
        let mut after_eq = false;
        let mut named = false;
        for kid in kids {
            match (kid.field, kid.kind) {
                (Some("name"), kind) => {
                    named = true;
                    if let Some(n) = self.ident_name(kid.node) {
                        field.name = n;
                    } else if matches!(kind, "null" | "undefined" | "boolean" | "true" | "false") {
                        // Keywords are valid enum/union field names (`null,`).
                        field.name = self.text(kid.node).to_string();
                    } else {
                        // A tuple field (`struct { u32, []const u8 }`): the
                        // grammar puts the type in `name`. Zig names it by position.
                        field.name = tuple_index.to_string();
                        field.ty = Some(self.ty(kid.node));
                    }
                }
                (Some("type"), _) => field.ty = Some(self.ty(kid.node)),
                (_, "byte_alignment") => field.align = self.wrapped_expr(kid.node).map(|b| *b),
                _ if kid.is("=") => after_eq = true,
                _ if after_eq && kid.is_operand() => {
                    field.value = Some(self.expr(kid.node));
                }
                _ => {}
            }
        }
        if !named {
            return DeclKind::Unsupported(self.unexpected(node, "container field"));
        }
        DeclKind::Field(field)
    }

    fn test_decl(&mut self, node: Node, kids: &[Kid]) -> DeclKind {
        let mut name = TestName::Anonymous;
        let mut body = None;
        for kid in kids {
            match kid.kind {
                "string" => {
                    name = TestName::Description(self.string_text(kid.node).unwrap_or_default())
                }
                "identifier" => {
                    name = TestName::Decl(self.ident_name(kid.node).unwrap_or_default())
                }
                "block" => body = Some(self.block(kid.node, None)),
                _ => {}
            }
        }
        match body {
            Some(body) => DeclKind::Test(TestDecl { name, body }),
            None => DeclKind::Unsupported(self.unexpected(node, "test declaration")),
        }
    }

    /// Decoded contents of a `string` node, lossily as UTF-8 (names, paths).
    pub(super) fn string_text(&self, node: Node) -> Option<String> {
        let bytes = self.string_bytes(node)?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    }

    pub(super) fn string_bytes(&self, node: Node) -> Option<Vec<u8>> {
        let text = self.text(node);
        let body = text.strip_prefix('"')?.strip_suffix('"')?;
        crate::syntax::literal::unescape(body)
    }
}

pub(super) fn is_literal_token(token: &str) -> bool {
    matches!(
        token,
        "undefined" | "null" | "unreachable" | "true" | "false"
    )
}

fn trim_doc(doc: &str) -> String {
    doc.strip_prefix(' ').unwrap_or(doc).trim_end().to_string()
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or("").chars().take(60).collect()
}
