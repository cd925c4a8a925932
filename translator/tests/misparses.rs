//! Regression tests for tree-sitter-zig 1.1.2's silent misparses: each
//! asserts the IR node kind the lowering must produce (the snapshots show
//! the whole tree; these pin the property that matters).

mod common;

use zigport_translator::syntax::ir::*;

fn fn_body(file: &SourceFile, name: &str) -> Vec<StmtKind> {
    file.members
        .iter()
        .find_map(|d| match &d.kind {
            DeclKind::Fn(f) if f.name == name => f.body.clone(),
            _ => None,
        })
        .expect("function exists")
        .stmts
        .into_iter()
        .map(|s| s.kind)
        .collect()
}

fn const_init(file: &SourceFile, name: &str) -> ExprKind {
    file.members
        .iter()
        .find_map(|d| match &d.kind {
            DeclKind::Var(v) if v.name == name => v.init.clone(),
            _ => None,
        })
        .expect("constant exists")
        .kind
}

fn lower(source: &str) -> SourceFile {
    let lowered = common::lower_str(source);
    assert_eq!(lowered.errors, Vec::<String>::new());
    lowered.file
}

#[test]
fn compound_assignment_is_not_a_declaration() {
    let file = lower("fn f() void { var x: u8 = 0; x += 1; x = 2; s.a -= 1; }");
    let body = fn_body(&file, "f");
    assert!(matches!(&body[0], StmtKind::Var(v) if v.name == "x"));
    assert!(matches!(
        &body[1],
        StmtKind::Assign {
            op: AssignOp::Add,
            ..
        }
    ));
    assert!(matches!(
        &body[2],
        StmtKind::Assign {
            op: AssignOp::Assign,
            ..
        }
    ));
    assert!(matches!(
        &body[3],
        StmtKind::Assign {
            op: AssignOp::Sub,
            target: Expr {
                kind: ExprKind::Field { .. },
                ..
            },
            ..
        }
    ));
}

#[test]
fn discard_is_not_a_declaration() {
    let file = lower("fn f(y: u8) void { _ = y; }");
    assert!(matches!(
        &fn_body(&file, "f")[0],
        StmtKind::Discard(Expr { kind: ExprKind::Ident(n), .. }) if n == "y"
    ));
}

#[test]
fn struct_init_fields_are_not_assignments() {
    let file = lower("const a = P{ .x = 1, .y = 2 };");
    let ExprKind::StructInit {
        ty: Some(_),
        fields,
    } = const_init(&file, "a")
    else {
        panic!("expected a typed struct init");
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["x", "y"]);
}

#[test]
fn enum_and_decl_literals_share_one_honest_node() {
    let file = lower("const c: Color = .red; const p: P = .init; const q = Color.green;");
    assert_eq!(const_init(&file, "c"), ExprKind::DotName("red".into()));
    assert_eq!(const_init(&file, "p"), ExprKind::DotName("init".into()));
    assert!(matches!(const_init(&file, "q"), ExprKind::Field { member, .. } if member == "green"));
}

#[test]
fn f80_is_a_type() {
    let file = lower("const a = f80; const b = f128; const c = f80x;");
    assert_eq!(
        const_init(&file, "a"),
        ExprKind::PrimitiveType("f80".into())
    );
    assert_eq!(
        const_init(&file, "b"),
        ExprKind::PrimitiveType("f128".into())
    );
    assert_eq!(const_init(&file, "c"), ExprKind::Ident("f80x".into()));
}

#[test]
fn zero_width_integers_are_types() {
    let file = lower("const a: u0 = 0; const b = @as(i0, 0); const c = u0x;");
    let DeclKind::Var(a) = &file.members[0].kind else {
        panic!()
    };
    assert_eq!(
        a.ty.as_ref().map(|t| &t.kind),
        Some(&ExprKind::PrimitiveType("u0".into()))
    );
    let ExprKind::Builtin { args, .. } = const_init(&file, "b") else {
        panic!()
    };
    assert_eq!(args[0].kind, ExprKind::PrimitiveType("i0".into()));
    assert_eq!(const_init(&file, "c"), ExprKind::Ident("u0x".into()));
}

#[test]
fn missing_nodes_are_diagnosed() {
    // A MISSING node is zero-width and is not `is_error()`: it must still
    // make the file non-clean, with the line of the omission.
    let lowered = common::lower_str("const ok = 1;\nconst a = foo(1, 2;\nconst y = 2;\n");
    assert_eq!(lowered.errors, ["2:19: syntax error: missing `)`"]);
}

#[test]
fn bang_is_boolean_not_outside_types() {
    let file = lower(
        "fn f(ok: bool) !bool { const a = !ok; const b = !s.done; const c = !g() and ok; return a; }",
    );
    let DeclKind::Fn(f) = &file.members[0].kind else {
        panic!()
    };
    assert!(matches!(
        &f.proto.return_type.kind,
        ExprKind::ErrorUnion {
            error_set: None,
            ..
        }
    ));
    let inits: Vec<ExprKind> = fn_body(&file, "f")
        .into_iter()
        .filter_map(|s| match s {
            StmtKind::Var(v) => v.init.map(|e| e.kind),
            _ => None,
        })
        .collect();
    assert!(
        matches!(&inits[0], ExprKind::Unary { op: UnaryOp::Not, operand } if matches!(operand.kind, ExprKind::Ident(_)))
    );
    // `!s.done` is `!(s.done)`, not `(!s).done`.
    assert!(
        matches!(&inits[1], ExprKind::Unary { op: UnaryOp::Not, operand } if matches!(operand.kind, ExprKind::Field { .. }))
    );
    // `!g() and ok` is `(!(g())) and ok`.
    let ExprKind::Binary {
        op: BinaryOp::And,
        lhs,
        ..
    } = &inits[2]
    else {
        panic!("{:?}", inits[2])
    };
    assert!(
        matches!(&lhs.kind, ExprKind::Unary { op: UnaryOp::Not, operand } if matches!(operand.kind, ExprKind::Call { .. }))
    );
}

#[test]
fn range_has_the_lowest_precedence() {
    let file = lower(
        "fn f() void { _ = x[i + 1 .. n - 1]; _ = x[0 .. n * 2 :0]; for (0..n - 1) |k| { _ = k; } }",
    );
    let body = fn_body(&file, "f");
    let StmtKind::Discard(Expr {
        kind:
            ExprKind::Slice {
                start,
                end: Some(end),
                sentinel: None,
                ..
            },
        ..
    }) = &body[0]
    else {
        panic!("{:?}", body[0]);
    };
    assert!(matches!(
        start.kind,
        ExprKind::Binary {
            op: BinaryOp::Add,
            ..
        }
    ));
    assert!(matches!(
        end.kind,
        ExprKind::Binary {
            op: BinaryOp::Sub,
            ..
        }
    ));
    let StmtKind::Discard(Expr {
        kind:
            ExprKind::Slice {
                end: Some(end),
                sentinel: Some(_),
                ..
            },
        ..
    }) = &body[1]
    else {
        panic!("{:?}", body[1]);
    };
    assert!(matches!(
        end.kind,
        ExprKind::Binary {
            op: BinaryOp::Mul,
            ..
        }
    ));
    let StmtKind::Expr(Expr {
        kind: ExprKind::For(f),
        ..
    }) = &body[2]
    else {
        panic!("{:?}", body[2])
    };
    assert!(matches!(
        &f.inputs[0],
        ForInput::Range {
            start: Expr {
                kind: ExprKind::Int(_),
                ..
            },
            end: Some(Expr {
                kind: ExprKind::Binary {
                    op: BinaryOp::Sub,
                    ..
                },
                ..
            })
        }
    ));
}

#[test]
fn empty_containers_are_clean_and_fieldless() {
    let file = lower(
        "const Empty = struct {}; const Handle = opaque {};\n\
         const Commented = struct {\n    // nothing yet\n};\n\
         const NoTags = enum(u8) {}; const NoVariants = union(enum) {};",
    );
    for name in ["Empty", "Handle", "Commented", "NoTags", "NoVariants"] {
        let ExprKind::Container(c) = const_init(&file, name) else {
            panic!()
        };
        assert!(c.members.is_empty(), "{name}: {:?}", c.members);
    }
}

#[test]
fn keyword_literals_are_operands() {
    let file =
        lower("fn f() ?u8 { if (c) return null; const y = g() catch unreachable; unreachable; }");
    let body = fn_body(&file, "f");
    let StmtKind::Expr(Expr {
        kind: ExprKind::If(i),
        ..
    }) = &body[0]
    else {
        panic!()
    };
    assert!(matches!(&i.then.kind, ExprKind::Return(Some(v)) if v.kind == ExprKind::Null));
    let StmtKind::Var(y) = &body[1] else { panic!() };
    assert!(
        matches!(&y.init.as_ref().unwrap().kind, ExprKind::Catch { rhs, .. } if rhs.kind == ExprKind::Unreachable)
    );
    assert!(matches!(
        &body[2],
        StmtKind::Expr(Expr {
            kind: ExprKind::Unreachable,
            ..
        })
    ));
}

#[test]
fn tuple_and_keyword_field_names() {
    let file =
        lower("const Pair = struct { u32, []const u8 }; const V = union(enum) { null, int: u8 };");
    let ExprKind::Container(pair) = const_init(&file, "Pair") else {
        panic!()
    };
    let names: Vec<String> = pair
        .members
        .iter()
        .filter_map(|m| match &m.kind {
            DeclKind::Field(f) if f.ty.is_some() => Some(f.name.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(names, ["0", "1"]);
    let ExprKind::Container(v) = const_init(&file, "V") else {
        panic!()
    };
    assert!(matches!(&v.members[0].kind, DeclKind::Field(f) if f.name == "null" && f.ty.is_none()));
}

#[test]
fn spans_point_at_the_source() {
    let source = "const answer = 40 + 2;";
    let file = lower(source);
    let DeclKind::Var(v) = &file.members[0].kind else {
        panic!()
    };
    let init = v.init.as_ref().unwrap();
    assert_eq!(&source[init.span.range()], "40 + 2");
}

/// Shape of an expression with `try` marked, for precedence checks.
fn shape(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Try(inner) => format!("try[{}]", shape(inner)),
        ExprKind::Binary { op, lhs, rhs } => format!("({} {op:?} {})", shape(lhs), shape(rhs)),
        ExprKind::Orelse { lhs, rhs } => format!("({} orelse {})", shape(lhs), shape(rhs)),
        ExprKind::Call { .. } => "call".into(),
        ExprKind::Ident(n) => n.clone(),
        ExprKind::Int(n) => n.clone(),
        _ => "?".into(),
    }
}

#[test]
fn try_binds_tighter_than_binary_operators() {
    let file = lower(
        "const a = try f(x) << 18 | y; const b = try (f(x) << 18) | y; const c = try f(x); const d = try (g orelse h);",
    );
    let init = |name: &str| Expr {
        span: Span { start: 0, end: 0 },
        kind: const_init(&file, name),
    };
    assert_eq!(shape(&init("a")), "((try[call] Shl 18) BitOr y)");
    assert_eq!(shape(&init("b")), "(try[(call Shl 18)] BitOr y)");
    assert_eq!(shape(&init("c")), "try[call]");
    assert_eq!(shape(&init("d")), "try[(g orelse h)]");
}

#[test]
fn tuple_field_of_a_named_type_is_a_type() {
    let file = lower("const T = struct { Prefix, []const u8 };");
    let ExprKind::Container(c) = const_init(&file, "T") else {
        panic!("not a container")
    };
    let fields: Vec<(String, Option<ExprKind>)> = c
        .members
        .iter()
        .filter_map(|m| match &m.kind {
            DeclKind::Field(f) => Some((f.name.clone(), f.ty.as_ref().map(|t| t.kind.clone()))),
            _ => None,
        })
        .collect();
    assert_eq!(
        fields[0],
        ("0".to_string(), Some(ExprKind::Ident("Prefix".into())))
    );
    assert_eq!(fields[1].0, "1");
}

#[test]
fn prefix_type_operators_apply_to_the_whole_suffix_chain() {
    let file = lower(
        "const a = *std.Io.Writer; const b = ?std.mem.Allocator; const c = []const std.ArrayList(u8); const d = [4]a.b.C;",
    );
    let child_is_path = |e: &ExprKind| match e {
        ExprKind::Field { object, .. } => !matches!(
            object.kind,
            ExprKind::Pointer(_) | ExprKind::Optional(_) | ExprKind::Array { .. }
        ),
        ExprKind::Call { callee, .. } => matches!(callee.kind, ExprKind::Field { .. }),
        _ => false,
    };
    let ExprKind::Pointer(a) = const_init(&file, "a") else {
        panic!("`*std.Io.Writer` is not a pointer")
    };
    assert!(child_is_path(&a.child.kind), "{:?}", a.child.kind);
    let ExprKind::Optional(b) = const_init(&file, "b") else {
        panic!("`?std.mem.Allocator` is not an optional")
    };
    assert!(child_is_path(&b.kind));
    let ExprKind::Pointer(c) = const_init(&file, "c") else {
        panic!("`[]const std.ArrayList(u8)` is not a slice")
    };
    assert!(child_is_path(&c.child.kind), "{:?}", c.child.kind);
    let ExprKind::Array { elem, .. } = const_init(&file, "d") else {
        panic!("`[4]a.b.C` is not an array")
    };
    assert!(child_is_path(&elem.kind));
}
