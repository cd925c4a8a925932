//! Types of expressions, the way Zig gives them: result-location types flow
//! down (a `.x`, `.{..}`, `.init`, number literal or `undefined` takes the
//! type of where it goes: a declared local, a parameter, a field, a return,
//! an assignment, a comparison's other side, a switch subject), operand and
//! branch types meet by peer resolution, captures take payload types.
//! What the model cannot derive is `Unknown`: the rules then fall back on
//! their own reading, never on a guess.

use std::collections::HashMap;

use crate::syntax::ir::*;

use super::builtins::{self, Arg, Ret};
use super::eval;
use super::names::{ContainerId, Member, Names};
use super::std_lib::{self, FnSig, SigParam, StdDecl, StdLib};
use super::ty::{PtrSize, Type};

/// What one function's analysis found: parameters, locals and the types of
/// its expressions.
#[derive(Debug, Clone)]
pub struct FnModel {
    pub name: String,
    pub container: ContainerId,
    pub span: Span,
    pub params: Vec<(String, Type)>,
    pub ret: Type,
    /// Every local (`const`/`var`, captures), in order of declaration.
    pub locals: Vec<Local>,
}

#[derive(Debug, Clone)]
pub struct Local {
    pub name: String,
    pub span: Span,
    pub ty: Type,
    /// A comptime local holding a type (`const T = u32;`): that type.
    pub as_type: Option<Type>,
    /// A `var` (its address is a mutable pointer).
    pub mutable: bool,
}

/// The analysis of one file's declarations and bodies.
pub(super) struct Analyzer<'a, 'n> {
    pub names: &'n Names<'a>,
    /// Zig's std, when its sources are at hand: std paths resolve through
    /// it; without it they stay paths as written.
    std: Option<&'n StdLib>,
    /// Analysing a std file: its path in `lib/std` (its relative imports
    /// are std files), and how many std queries this one is nested in.
    std_home: Option<&'n str>,
    std_hops: usize,
    /// Expression span → its type.
    pub expr_types: HashMap<(u32, u32), Type>,
    /// Expression span → the result type it is written against.
    pub result_types: HashMap<(u32, u32), Type>,
    /// Type expression span → the type it denotes.
    pub type_values: HashMap<(u32, u32), Type>,
    pub fns: Vec<FnModel>,
    /// Current container (names resolve from here out).
    container: ContainerId,
    scopes: Vec<Vec<Local>>,
    ret: Type,
    /// Labeled blocks and switches: label → result type.
    labels: Vec<(String, Type)>,
    locals_seen: Vec<Local>,
    /// Guards the evaluation of declarations against cycles and depth
    /// (a branch quota, like Zig's).
    depth: usize,
    /// Inside [`Self::peek`]: types are computed, not recorded.
    quiet: u32,
    /// Value types of declarations already computed (by address: each
    /// declaration once).
    decl_types: HashMap<usize, Type>,
}

const MAX_DEPTH: usize = 64;

fn key(span: Span) -> (u32, u32) {
    (span.start, span.end)
}

impl<'a, 'n> Analyzer<'a, 'n> {
    pub fn new(names: &'n Names<'a>, std: Option<&'n StdLib>) -> Self {
        Analyzer {
            names,
            std,
            std_home: None,
            std_hops: 0,
            expr_types: HashMap::new(),
            result_types: HashMap::new(),
            type_values: HashMap::new(),
            fns: Vec::new(),
            container: super::names::ROOT,
            scopes: Vec::new(),
            ret: Type::Unknown,
            labels: Vec::new(),
            locals_seen: Vec::new(),
            depth: 0,
            quiet: 0,
            decl_types: HashMap::new(),
        }
    }

    /// The analysis of std file `home`, for a query nested in `hops` others.
    pub fn in_std_file(mut self, home: &'n str, hops: usize) -> Self {
        self.std_home = Some(home);
        self.std_hops = hops;
        self
    }

    /// Every function body of every container, and every test.
    pub fn run(&mut self) {
        for index in 0..self.names.containers.len() {
            let id = ContainerId(index as u32);
            let members = self.names.get(id).members;
            for decl in members {
                match &decl.kind {
                    DeclKind::Fn(f) => self.function(id, decl.span, f),
                    DeclKind::Test(t) => {
                        self.enter(id, Type::Void);
                        self.block(&t.body, &Type::Void);
                        let locals = std::mem::take(&mut self.locals_seen);
                        self.fns.push(FnModel {
                            name: match &t.name {
                                TestName::Description(d) | TestName::Decl(d) => {
                                    format!("test \"{d}\"")
                                }
                                TestName::Anonymous => "test".into(),
                            },
                            container: id,
                            span: decl.span,
                            params: Vec::new(),
                            ret: Type::Void,
                            locals,
                        });
                    }
                    DeclKind::Var(v) => {
                        if let Some(init) = &v.init {
                            self.enter(id, Type::Unknown);
                            let declared = v.ty.as_ref().map_or(Type::Unknown, |t| self.as_type(t));
                            self.expr(init, &declared);
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    fn enter(&mut self, container: ContainerId, ret: Type) {
        self.container = container;
        self.scopes = vec![Vec::new()];
        self.ret = ret;
        self.labels.clear();
        self.locals_seen.clear();
    }

    fn function(&mut self, id: ContainerId, span: Span, f: &'a FnDecl) {
        let Some(body) = &f.body else { return };
        self.enter(id, Type::Unknown);
        // Comptime type parameters of a type constructor are in scope for
        // its container's methods; they stay unknown (per instance).
        let mut params = Vec::new();
        for p in &f.proto.params {
            let ty = match &p.ty {
                ParamType::Type(t) => self.as_type(t),
                ParamType::AnyType => Type::AnyType,
                ParamType::VarArgs => Type::Unknown,
            };
            if let Some(name) = &p.name {
                let as_type = (ty == Type::Type).then_some(Type::Unknown);
                self.declare(name, p.span, ty.clone(), as_type);
                params.push((name.clone(), ty));
            }
        }
        self.locals_seen.clear();
        self.ret = self.return_type(id, f);
        let ret = self.ret.clone();
        self.block(body, &Type::Void);
        let locals = std::mem::take(&mut self.locals_seen);
        self.fns.push(FnModel {
            name: f.name.clone(),
            container: id,
            span,
            params,
            ret,
            locals,
        });
    }

    /// `f`'s parameters and result type as a caller sees them: a
    /// parameter of type `type` binds [`Type::TypeParam`] for the ones
    /// after it and the result.
    pub fn fn_signature(&mut self, id: ContainerId, f: &'a FnDecl) -> (Vec<SigParam>, Type) {
        self.enter(id, Type::Unknown);
        let mut params = Vec::new();
        for p in &f.proto.params {
            let ty = match &p.ty {
                ParamType::Type(t) => self.as_type(t),
                ParamType::AnyType => Type::AnyType,
                ParamType::VarArgs => Type::Unknown,
            };
            let binds_type = ty == Type::Type;
            if let Some(name) = &p.name {
                let as_type = binds_type.then(|| Type::TypeParam(name.clone()));
                self.declare(name, p.span, ty.clone(), as_type);
            }
            params.push(SigParam {
                name: p.name.clone(),
                ty,
                binds_type,
            });
        }
        let ret = self.return_type(id, f);
        (params, ret)
    }

    /// `f`'s result type in container `id`; `!T` gets `f`'s inferred set.
    fn return_type(&mut self, id: ContainerId, f: &'a FnDecl) -> Type {
        let outer = std::mem::replace(&mut self.container, id);
        let ty = match &f.proto.return_type.kind {
            ExprKind::ErrorUnion {
                error_set: None,
                payload,
            } => Type::ErrorUnion {
                set: Box::new(Type::InferredErrorSet(f.name.clone())),
                payload: Box::new(self.as_type(payload)),
            },
            _ => self.as_type(&f.proto.return_type),
        };
        self.container = outer;
        ty
    }

    fn declare(&mut self, name: &str, span: Span, ty: Type, as_type: Option<Type>) {
        let local = Local {
            name: name.to_string(),
            span,
            ty,
            as_type,
            mutable: false,
        };
        self.locals_seen.push(local.clone());
        if let Some(scope) = self.scopes.last_mut() {
            scope.push(local);
        }
    }

    fn local(&self, name: &str) -> Option<&Local> {
        self.scopes
            .iter()
            .rev()
            .flat_map(|s| s.iter().rev())
            .find(|l| l.name == name)
    }

    fn scoped<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.scopes.push(Vec::new());
        let out = f(self);
        self.scopes.pop();
        out
    }

    // ---- types as values ------------------------------------------------

    /// The type a type expression denotes, in the current scope.
    pub fn as_type(&mut self, e: &'a Expr) -> Type {
        let t = self.try_as_type(e).unwrap_or(Type::Unknown);
        if t.is_known() {
            self.type_values.insert(key(e.span), t.clone());
        }
        t
    }

    /// `Some` when `e` denotes a type or a namespace (then its type), `None`
    /// when it is a runtime value or the model cannot tell.
    fn try_as_type(&mut self, e: &'a Expr) -> Option<Type> {
        if self.depth > MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        let out = self.try_as_type_inner(e);
        self.depth -= 1;
        out
    }

    fn try_as_type_inner(&mut self, e: &'a Expr) -> Option<Type> {
        Some(match &e.kind {
            ExprKind::PrimitiveType(name) => primitive(name)?,
            ExprKind::Optional(inner) => Type::Optional(Box::new(self.as_type(inner))),
            ExprKind::ErrorUnion { error_set, payload } => Type::ErrorUnion {
                set: Box::new(match error_set {
                    Some(s) => self.as_type(s),
                    None => Type::Unknown,
                }),
                payload: Box::new(self.as_type(payload)),
            },
            ExprKind::ErrorSet(names) => {
                let mut names = names.clone();
                names.sort();
                Type::ErrorSet(Some(names))
            }
            ExprKind::Pointer(p) => Type::Pointer {
                size: match p.size {
                    PointerSize::One => PtrSize::One,
                    PointerSize::Many => PtrSize::Many,
                    PointerSize::Slice => PtrSize::Slice,
                    PointerSize::C => PtrSize::C,
                },
                is_const: p.is_const,
                child: Box::new(self.as_type(&p.child)),
                sentinel: p.sentinel.as_ref().map(sentinel_text),
            },
            ExprKind::Array {
                len,
                sentinel,
                elem,
            } => Type::Array {
                len: self.const_int(len).and_then(|n| u64::try_from(n).ok()),
                child: Box::new(self.as_type(elem)),
                sentinel: sentinel.as_ref().map(|s| sentinel_text(s)),
            },
            ExprKind::Container(_) => Type::Container(self.names.at(e.span.start)?),
            ExprKind::FnType(_) => Type::Unknown,
            ExprKind::Builtin { name, args } => match (name.as_str(), &args[..]) {
                ("This", []) => Type::Container(self.container),
                ("import", [arg]) => match &arg.kind {
                    ExprKind::Str(s) => {
                        let s = String::from_utf8_lossy(s).into_owned();
                        // In std, a file import is a std file.
                        match (self.std, self.std_home) {
                            (Some(std), Some(home)) if s.ends_with(".zig") => {
                                Type::Std(std.import_path(home, &s)?)
                            }
                            _ => Type::Module(s),
                        }
                    }
                    _ => return None,
                },
                ("TypeOf", [arg]) => self.expr(arg, &Type::Unknown),
                ("Vector", [len, elem]) => Type::Vector {
                    len: self.const_int(len).and_then(|n| u64::try_from(n).ok()),
                    child: Box::new(self.as_type(elem)),
                },
                _ => return None,
            },
            ExprKind::Ident(name) => {
                if let Some(local) = self.local(name) {
                    return local.as_type.clone();
                }
                match self.names.lookup(self.container, name) {
                    Some((owner, member)) => self.member_as_type(owner, member)?,
                    None => {
                        let p = self.constructor_param(name)?;
                        matches!(&p.ty, ParamType::Type(Expr { kind: ExprKind::PrimitiveType(t), .. }) if t == "type")
                            .then(|| Type::TypeParam(name.clone()))?
                    }
                }
            }
            ExprKind::Field { object, member } => {
                let ns = self.try_as_type(object)?;
                self.namespace_member_type(&ns, member)?
            }
            // `F(T, n)`: a type constructor's instance. Its methods and
            // fields are the constructor's container's; the arguments are
            // per instance.
            ExprKind::Call { callee, .. } => {
                let (owner, f) = self.callee_fn_decl(callee)?;
                if !f.returns_type() {
                    return None;
                }
                self.constructed(owner, f)?
            }
            _ => return None,
        })
    }

    /// The container a type constructor returns.
    fn constructed(&self, _owner: ContainerId, f: &'a FnDecl) -> Option<Type> {
        let body = f.body.as_ref()?;
        body.stmts.iter().rev().find_map(|s| match &s.kind {
            StmtKind::Expr(Expr {
                kind: ExprKind::Return(Some(value)),
                ..
            }) if matches!(value.kind, ExprKind::Container(_)) => {
                Some(Type::Container(self.names.at(value.span.start)?))
            }
            _ => None,
        })
    }

    /// A declaration used as a type: `const Foo = struct {..}`, an alias,
    /// `@This()`, an import.
    pub fn member_as_type(&mut self, owner: ContainerId, member: Member<'a>) -> Option<Type> {
        let Member::Var(v) = member else { return None };
        if v.mutability == Mutability::Var || v.ty.is_some() {
            return None; // a typed constant is a value (`const x: u8 = 1`)
        }
        let init = v.init.as_ref()?;
        let outer = std::mem::replace(&mut self.container, owner);
        let saved = std::mem::take(&mut self.scopes);
        let out = self.try_as_type(init);
        self.scopes = saved;
        self.container = outer;
        out
    }

    /// `ns.member` where `ns` is a type or namespace and the result a type.
    fn namespace_member_type(&mut self, ns: &Type, member: &str) -> Option<Type> {
        match ns {
            Type::Container(id) => {
                let m = self.names.member(*id, member)?;
                self.member_as_type(*id, m)
            }
            // The compiler's `builtin` module, not std's `builtin.zig`.
            Type::Module(m) if m == "builtin" => {
                Some(Type::Std(vec!["builtin".into(), member.into()]))
            }
            ns => {
                let path = std_path(ns)?;
                match self.std_member(path, member) {
                    Some(StdDecl::Type(t)) => Some(t),
                    Some(_) => None,
                    // Std at hand says it is no type it knows.
                    None if self.std.is_some_and(StdLib::is_present) => None,
                    // No std at hand: the path as written.
                    None => {
                        let mut path = path.to_vec();
                        path.push(member.to_string());
                        Some(Type::Std(path))
                    }
                }
            }
        }
    }

    /// The member `name` of the std container at `path`, when std is at
    /// hand and says.
    fn std_member(&self, path: &[String], name: &str) -> Option<StdDecl> {
        let decl = self.std?.member(path, name, self.std_hops)?;
        Some(match self.std_home.and_then(std_lib::file_path) {
            // In a std file, its own containers are its containers.
            Some(own) => decl.map_types(&|t| match t {
                Type::Std(path) => {
                    let inner = path.strip_prefix(own.as_slice())?;
                    std_lib::container_in(self.names, inner).map(Type::Container)
                }
                _ => None,
            }),
            None => decl,
        })
    }

    fn std_kind(&self, path: &[String]) -> Option<ContainerKind> {
        self.std?.kind(path)
    }

    /// The std function `callee` names, and whether it is called as a
    /// method (the receiver is its first parameter): `std.mem.readInt`,
    /// `limit.min` on a `std.Io.Limit` value, a local alias of either.
    fn std_fn(&mut self, callee: &'a Expr) -> Option<(FnSig, bool)> {
        let (path, name, is_method) = match &callee.kind {
            ExprKind::Field { object, member } => match self.try_as_type(object) {
                Some(ns) => (std_path(&ns)?.to_vec(), member, false),
                None => match self.expr_type_of(object).through_pointer() {
                    Type::Std(path) => (path, member, true),
                    _ => return None,
                },
            },
            // `const readInt = std.mem.readInt;`
            ExprKind::Ident(name) => {
                if self.local(name).is_some() || self.depth > MAX_DEPTH {
                    return None;
                }
                let (owner, Member::Var(v)) = self.names.lookup(self.container, name)? else {
                    return None;
                };
                if v.mutability == Mutability::Var || v.ty.is_some() {
                    return None;
                }
                let init = v.init.as_ref()?;
                self.depth += 1;
                self.quiet += 1;
                let outer = std::mem::replace(&mut self.container, owner);
                let saved = std::mem::take(&mut self.scopes);
                let out = self.std_fn(init).filter(|(_, is_method)| !is_method);
                self.scopes = saved;
                self.container = outer;
                self.quiet -= 1;
                self.depth -= 1;
                return out;
            }
            _ => return None,
        };
        match self.std_member(&path, name)? {
            StdDecl::Fn(sig) => Some((sig, is_method)),
            _ => None,
        }
    }

    /// A call of a std function: its comptime type parameters bound to
    /// the types the arguments denote, the arguments written against the
    /// parameter types, the call typed by the result type.
    fn std_call(&mut self, sig: &FnSig, is_method: bool, args: &'a [Expr]) -> Type {
        let params = sig.params.get(usize::from(is_method)..).unwrap_or(&[]);
        let mut bound: Vec<(&str, Type)> = Vec::new();
        for (p, a) in params.iter().zip(args) {
            if let (true, Some(name)) = (p.binds_type, &p.name) {
                let t = self.as_type(a);
                bound.push((name, t));
            }
        }
        let bind = |n: &str| bound.iter().find(|(b, _)| *b == n).map(|(_, t)| t.clone());
        for (i, a) in args.iter().enumerate() {
            let r = match params.get(i) {
                Some(p) if !p.binds_type && p.ty != Type::AnyType => p.ty.substitute(&bind),
                _ => Type::Unknown,
            };
            self.expr(a, &r);
        }
        sig.ret.substitute(&bind)
    }

    /// A function named by `callee` in the analysed source: `f`, `Type.f`,
    /// `self.f` (the method of the receiver's type).
    fn callee_fn_decl(&mut self, callee: &'a Expr) -> Option<(ContainerId, &'a FnDecl)> {
        match &callee.kind {
            ExprKind::Ident(name) => {
                if self.local(name).is_some() {
                    return None;
                }
                match self.names.lookup(self.container, name)? {
                    (owner, Member::Fn(f)) => Some((owner, f)),
                    _ => None,
                }
            }
            ExprKind::Field { object, member } => {
                let id = match self.try_as_type(object) {
                    Some(Type::Container(id)) => id,
                    Some(_) => return None,
                    None => match self.expr_type_of(object).literal_target() {
                        Type::Container(id) => *id,
                        _ => return None,
                    },
                };
                match self.names.member(id, member)? {
                    Member::Fn(f) => Some((id, f)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The recorded type of an already-visited expression, or a fresh
    /// inference without a result type.
    fn expr_type_of(&mut self, e: &'a Expr) -> Type {
        match self.expr_types.get(&key(e.span)) {
            Some(t) => t.clone(),
            None => self.expr(e, &Type::Unknown),
        }
    }

    /// The value type of a declaration (`const x: T = ..`, `const x = ..`).
    pub fn member_value_type(&mut self, owner: ContainerId, member: Member<'a>) -> Type {
        let address = match member {
            Member::Var(v) => v as *const VarDecl as usize,
            Member::Fn(f) => f as *const FnDecl as usize,
            Member::Field(f) => f as *const ContainerField as usize,
        };
        if let Some(t) = self.decl_types.get(&address) {
            return t.clone();
        }
        let ty = self.member_value_type_uncached(owner, member);
        self.decl_types.insert(address, ty.clone());
        ty
    }

    fn member_value_type_uncached(&mut self, owner: ContainerId, member: Member<'a>) -> Type {
        if self.depth > MAX_DEPTH {
            return Type::Unknown;
        }
        self.depth += 1;
        let outer = std::mem::replace(&mut self.container, owner);
        let saved = std::mem::take(&mut self.scopes);
        let ty = match member {
            Member::Fn(f) => Type::Fn {
                container: owner,
                name: f.name.clone(),
            },
            Member::Field(field) => field.ty.as_ref().map_or(Type::Unknown, |t| self.as_type(t)),
            Member::Var(v) => match (&v.ty, &v.init) {
                (Some(t), _) => self.as_type(t),
                (None, Some(init)) => match self.try_as_type(init) {
                    Some(_) => Type::Type,
                    None => self.peek(init),
                },
                (None, None) => Type::Unknown,
            },
        };
        self.scopes = saved;
        self.container = outer;
        self.depth -= 1;
        ty
    }

    /// The type of `e` without recording anything (a declaration's value
    /// seen from a use).
    fn peek(&mut self, e: &'a Expr) -> Type {
        let saved_locals = self.locals_seen.len();
        self.quiet += 1;
        let ty = self.expr(e, &Type::Unknown);
        self.quiet -= 1;
        self.locals_seen.truncate(saved_locals);
        ty
    }

    fn const_int(&mut self, e: &'a Expr) -> Option<i128> {
        eval::int(e, &mut |name| self.named_int(name))
    }

    /// The integer value of a named constant in scope.
    fn named_int(&mut self, name: &str) -> Option<i128> {
        if self.depth > MAX_DEPTH || self.local(name).is_some() {
            return None;
        }
        let (owner, Member::Var(v)) = self.names.lookup(self.container, name)? else {
            return None;
        };
        if v.mutability == Mutability::Var {
            return None;
        }
        let init = v.init.as_ref()?;
        self.depth += 1;
        let outer = std::mem::replace(&mut self.container, owner);
        let value = self.const_int(init);
        self.container = outer;
        self.depth -= 1;
        value
    }

    // ---- statements -----------------------------------------------------

    fn block(&mut self, block: &'a Block, result: &Type) -> Type {
        if let Some(label) = &block.label {
            self.labels.push((label.clone(), result.clone()));
        }
        let mut diverges = false;
        self.scoped(|a| {
            for stmt in &block.stmts {
                a.stmt(stmt);
                if let StmtKind::Expr(e) = &stmt.kind
                    && a.expr_types.get(&key(e.span)) == Some(&Type::NoReturn)
                {
                    diverges = true;
                }
            }
        });
        if block.label.is_some() {
            let (_, ty) = self.labels.pop().unwrap_or_default();
            return ty;
        }
        if diverges { Type::NoReturn } else { Type::Void }
    }

    fn stmt(&mut self, stmt: &'a Stmt) {
        match &stmt.kind {
            StmtKind::Var(v) => {
                let declared = v.ty.as_ref().map(|t| self.as_type(t));
                let init_ty = match &v.init {
                    Some(init) => self.expr(init, declared.as_ref().unwrap_or(&Type::Unknown)),
                    None => Type::Unknown,
                };
                let as_type = match (&v.init, v.mutability) {
                    (Some(init), Mutability::Const) if init_ty == Type::Type => {
                        Some(self.as_type(init))
                    }
                    _ => None,
                };
                let ty = declared.unwrap_or(init_ty);
                self.declare(&v.name, v.span, ty, as_type);
                if v.mutability == Mutability::Var
                    && let Some(local) = self.scopes.last_mut().and_then(|s| s.last_mut())
                {
                    local.mutable = true;
                }
            }
            StmtKind::Destructure { targets, value } => {
                let ty = self.expr(value, &Type::Unknown);
                for (i, target) in targets.iter().enumerate() {
                    let elem = match &ty {
                        Type::Tuple(ts) => ts.get(i).cloned().unwrap_or(Type::Unknown),
                        Type::Array { child, .. } | Type::Vector { child, .. } => (**child).clone(),
                        _ => Type::Unknown,
                    };
                    match target {
                        DestructureTarget::Decl { name, ty, .. } => {
                            let t = ty.as_ref().map_or(elem, |t| self.as_type(t));
                            self.declare(name, stmt.span, t, None);
                        }
                        DestructureTarget::Place(p) => {
                            self.expr(p, &Type::Unknown);
                        }
                        DestructureTarget::Discard => {}
                    }
                }
            }
            StmtKind::Assign { op, target, value } => {
                let t = self.expr(target, &Type::Unknown);
                let result = match op {
                    AssignOp::Shl | AssignOp::ShlSat | AssignOp::Shr => Type::Unknown,
                    _ => t,
                };
                self.expr(value, &result);
            }
            StmtKind::Discard(e) | StmtKind::Expr(e) => {
                self.expr(e, &Type::Unknown);
            }
            StmtKind::Defer(s) => self.stmt(s),
            StmtKind::Errdefer { capture, body } => self.scoped(|a| {
                if let Some(c) = capture {
                    a.declare(&c.name, stmt.span, Type::ErrorSet(None), None);
                }
                a.stmt(body);
            }),
            StmtKind::Unsupported(_) => {}
        }
    }

    // ---- expressions ----------------------------------------------------

    /// The type of `e` written against `result` (`Unknown` when nothing is
    /// expected); both are recorded.
    pub fn expr(&mut self, e: &'a Expr, result: &Type) -> Type {
        if self.depth > MAX_DEPTH * 4 {
            return Type::Unknown;
        }
        self.depth += 1;
        if result.is_known() && self.quiet == 0 {
            self.result_types.insert(key(e.span), result.clone());
        }
        let ty = self.expr_inner(e, result);
        if self.quiet == 0 {
            self.expr_types.insert(key(e.span), ty.clone());
        }
        self.depth -= 1;
        ty
    }

    fn expr_inner(&mut self, e: &'a Expr, result: &Type) -> Type {
        use ExprKind as K;
        match &e.kind {
            K::Int(_) | K::Char(_) => Type::ComptimeInt,
            K::Float(_) => Type::ComptimeFloat,
            K::Bool(_) => Type::Bool,
            K::Null => Type::Null,
            K::Undefined => match result {
                Type::Unknown => Type::Undefined,
                t => t.clone(),
            },
            K::Unreachable => Type::NoReturn,
            K::Str(bytes) => Type::Pointer {
                size: PtrSize::One,
                is_const: true,
                child: Box::new(Type::Array {
                    len: Some(bytes.len() as u64),
                    child: Box::new(Type::int(false, 8)),
                    sentinel: Some("0".into()),
                }),
                sentinel: None,
            },
            K::ErrorValue(name) => Type::ErrorSet(Some(vec![name.clone()])),
            K::DotName(name) => self.dot_name(name, result),
            K::Ident(name) => self.ident(e, name),
            K::Builtin { name, args } => self.builtin(name, args, result),
            K::Call { callee, args } => self.call(callee, args, result),
            K::Field { object, member } => self.field(e, object, member),
            K::Index { object, index } => {
                let t = self.expr(object, &Type::Unknown);
                self.expr(index, &Type::usize());
                t.element()
            }
            K::Slice {
                object,
                start,
                end,
                sentinel,
            } => {
                let t = self.expr(object, &Type::Unknown);
                self.expr(start, &Type::usize());
                if let Some(end) = end {
                    self.expr(end, &Type::usize());
                }
                if let Some(s) = sentinel {
                    self.expr(s, &t.element());
                }
                let is_const = match &t {
                    Type::Pointer { is_const, .. } => *is_const,
                    _ => false,
                };
                match t.element() {
                    Type::Unknown => Type::Unknown,
                    elem => Type::slice(elem, is_const),
                }
            }
            K::Deref(inner) => match self.expr(inner, &Type::Unknown) {
                Type::Pointer {
                    size: PtrSize::One,
                    child,
                    ..
                } => *child,
                _ => Type::Unknown,
            },
            K::Unwrap(inner) => match self.expr(inner, &Type::Unknown) {
                Type::Optional(t) => *t,
                _ => Type::Unknown,
            },
            K::AddressOf(inner) => {
                let target = match result.literal_target() {
                    t if matches!(
                        result,
                        Type::Pointer {
                            size: PtrSize::One,
                            ..
                        }
                    ) =>
                    {
                        t.clone()
                    }
                    _ => Type::Unknown,
                };
                let t = self.expr(inner, &target);
                if !t.is_known() {
                    return Type::Unknown;
                }
                Type::Pointer {
                    size: PtrSize::One,
                    is_const: !self.is_mutable_place(inner),
                    child: Box::new(t),
                    sentinel: None,
                }
            }
            K::Unary { op, operand } => {
                let t = self.expr(
                    operand,
                    if *op == UnaryOp::Not {
                        &Type::Bool
                    } else {
                        result
                    },
                );
                match op {
                    UnaryOp::Not => Type::Bool,
                    _ => t,
                }
            }
            K::Binary { op, lhs, rhs } => self.binary(*op, lhs, rhs, result),
            K::Orelse { lhs, rhs } => {
                let l = self.expr(lhs, &wrap_optional(result));
                let payload = match &l {
                    Type::Optional(t) => (**t).clone(),
                    _ => result.clone(),
                };
                let r = self.expr(rhs, &payload);
                payload_or(&payload, &r)
            }
            K::Catch { lhs, capture, rhs } => {
                let l = self.expr(lhs, &Type::Unknown);
                let (set, payload) = match &l {
                    Type::ErrorUnion { set, payload } => ((**set).clone(), (**payload).clone()),
                    _ => (Type::ErrorSet(None), result.clone()),
                };
                let r = self.scoped(|a| {
                    if let Some(c) = capture {
                        a.declare(&c.name, e.span, set, None);
                    }
                    a.expr(rhs, &payload)
                });
                payload_or(&payload, &r)
            }
            K::Try(inner) => match self.expr(inner, &Type::Unknown) {
                Type::ErrorUnion { payload, .. } => *payload,
                _ => Type::Unknown,
            },
            K::Comptime(inner) | K::Nosuspend(inner) => self.expr(inner, result),
            K::If(i) => self.if_expr(i, e.span, result),
            K::Switch(s) => self.switch(s, result),
            K::While(w) => self.while_expr(w, e.span, result),
            K::For(f) => self.for_expr(f, e.span, result),
            K::Block(b) => self.block(b, result),
            K::Return(value) => {
                if let Some(v) = value {
                    let ret = self.ret.clone();
                    self.expr(v, &ret);
                }
                Type::NoReturn
            }
            K::Break { label, value } => {
                let target = match label {
                    Some(l) => self
                        .labels
                        .iter()
                        .rev()
                        .find(|(n, _)| n == l)
                        .map(|(_, t)| t.clone())
                        .unwrap_or_default(),
                    None => Type::Unknown,
                };
                if let Some(v) = value {
                    let t = self.expr(v, &target);
                    if let Some(l) = label
                        && let Some((_, slot)) = self.labels.iter_mut().rev().find(|(n, _)| n == l)
                        && !slot.is_known()
                    {
                        *slot = t;
                    }
                }
                Type::NoReturn
            }
            K::Continue { value, .. } => {
                if let Some(v) = value {
                    self.expr(v, &Type::Unknown);
                }
                Type::NoReturn
            }
            K::StructInit { ty, fields } => {
                let t = match ty {
                    Some(t) => self.as_type(t),
                    None => result.literal_target().clone(),
                };
                for f in fields {
                    let field_ty = match &t {
                        Type::Container(id) => match self.names.member(*id, &f.name) {
                            Some(m @ Member::Field(_)) => self.member_value_type(*id, m),
                            _ => Type::Unknown,
                        },
                        Type::Std(path) => match self.std_member(path, &f.name) {
                            Some(StdDecl::Field(t)) => t,
                            _ => Type::Unknown,
                        },
                        _ => Type::Unknown,
                    };
                    self.expr(&f.value, &field_ty);
                }
                t
            }
            K::ListInit { ty, elems } => {
                let t = match ty {
                    Some(t) => self.as_type(t),
                    None => result.literal_target().clone(),
                };
                let elem = match &t {
                    Type::Tuple(_) => Type::Unknown,
                    t => t.element(),
                };
                let mut types = Vec::new();
                for (i, el) in elems.iter().enumerate() {
                    let r = match &t {
                        Type::Tuple(ts) => ts.get(i).cloned().unwrap_or_default(),
                        _ => elem.clone(),
                    };
                    types.push(self.expr(el, &r));
                }
                match t {
                    // `[_]u8{..}`: the length is the element count.
                    Type::Array {
                        len: None,
                        child,
                        sentinel,
                    } => Type::Array {
                        len: Some(elems.len() as u64),
                        child,
                        sentinel,
                    },
                    Type::Unknown => Type::Tuple(types),
                    t => t,
                }
            }
            K::Container(_)
            | K::ErrorSet(_)
            | K::PrimitiveType(_)
            | K::Optional(_)
            | K::ErrorUnion { .. }
            | K::Pointer(_)
            | K::Array { .. }
            | K::FnType(_) => Type::Type,
            K::Range { start, end } => {
                self.expr(start, &Type::usize());
                if let Some(end) = end {
                    self.expr(end, &Type::usize());
                }
                Type::Unknown
            }
            K::Unsupported(_) => Type::Unknown,
        }
    }

    fn dot_name(&mut self, name: &str, result: &Type) -> Type {
        let id = match result.literal_target() {
            Type::Container(id) => id,
            Type::Std(path) => return self.std_dot_name(path, name),
            _ => return Type::EnumLiteral,
        };
        let id = *id;
        let container = self.names.get(id);
        match (container.kind, self.names.member(id, name)) {
            // A decl literal (`.init`, `.empty`): the declaration's type.
            (_, Some(m @ Member::Var(_))) => match self.member_value_type(id, m) {
                Type::Unknown => Type::Container(id),
                t => t,
            },
            (_, Some(Member::Fn(f))) => Type::Fn {
                container: id,
                name: f.name.clone(),
            },
            (ContainerKind::Enum | ContainerKind::Union, _) => Type::Container(id),
            _ => Type::EnumLiteral,
        }
    }

    /// `.name` against the std container at `path`, as [`Self::dot_name`].
    fn std_dot_name(&mut self, path: &[String], name: &str) -> Type {
        let std = || Type::Std(path.to_vec());
        match self.std_member(path, name) {
            Some(StdDecl::Value(t)) => t.or(&std()),
            Some(StdDecl::Fn(_)) => Type::Unknown,
            _ => match self.std_kind(path) {
                Some(ContainerKind::Enum | ContainerKind::Union) => std(),
                _ => Type::EnumLiteral,
            },
        }
    }

    fn ident(&mut self, e: &'a Expr, name: &str) -> Type {
        if let Some(local) = self.local(name) {
            return if local.as_type.is_some() {
                Type::Type
            } else {
                local.ty.clone()
            };
        }
        if primitive(name).is_some() {
            return Type::Type;
        }
        if self.try_as_type(e).is_some() {
            return Type::Type;
        }
        match self.names.lookup(self.container, name) {
            Some((owner, member)) => self.member_value_type(owner, member),
            // `n` in `fn Ring(comptime n: usize) type { .. }`'s container.
            None => match self.constructor_param(name).map(|p| &p.ty) {
                Some(ParamType::Type(t)) => self.as_type(t),
                _ => Type::Unknown,
            },
        }
    }

    /// A comptime parameter of the type constructor whose container (at
    /// any depth) is being analysed: its code names them, per instance.
    fn constructor_param(&self, name: &str) -> Option<&'a Param> {
        let mut at = Some(self.container);
        for _ in 0..MAX_DEPTH {
            let container = self.names.get(at?);
            if let Some(ctor) = container.constructor {
                return ctor
                    .proto
                    .params
                    .iter()
                    .find(|p| p.name.as_deref() == Some(name));
            }
            at = container.parent;
        }
        None
    }

    fn field(&mut self, e: &'a Expr, object: &'a Expr, member: &str) -> Type {
        if let Some(ns) = self.try_as_type(object) {
            self.expr_types.insert(key(object.span), Type::Type);
            if self.try_as_type(e).is_some() {
                return Type::Type;
            }
            return match ns {
                Type::Container(id) => match self.names.member(id, member) {
                    Some(m) => self.member_value_type(id, m),
                    None => Type::Unknown,
                },
                ns => match std_path(&ns).and_then(|p| self.std_member(p, member)) {
                    Some(StdDecl::Field(t) | StdDecl::Value(t)) => t,
                    _ => Type::Unknown,
                },
            };
        }
        let t = self.expr(object, &Type::Unknown);
        let target = t.through_pointer();
        match (&target, member) {
            (
                Type::Pointer {
                    size: PtrSize::Slice,
                    ..
                }
                | Type::Array { .. },
                "len",
            ) => Type::usize(),
            (
                Type::Pointer {
                    size: PtrSize::Slice,
                    is_const,
                    child,
                    ..
                },
                "ptr",
            ) => Type::Pointer {
                size: PtrSize::Many,
                is_const: *is_const,
                child: child.clone(),
                sentinel: None,
            },
            (Type::Container(id), _) => match self.names.member(*id, member) {
                Some(m) => self.member_value_type(*id, m),
                None => Type::Unknown,
            },
            (Type::Std(path), _) => match self.std_member(path, member) {
                Some(StdDecl::Field(t)) => t,
                _ => Type::Unknown,
            },
            _ => Type::Unknown,
        }
    }

    fn call(&mut self, callee: &'a Expr, args: &'a [Expr], result: &Type) -> Type {
        if let ExprKind::DotName(name) = &callee.kind {
            return self.decl_literal_call(callee, name, args, result);
        }
        let resolved = self.callee_fn_decl(callee);
        self.expr(callee, &Type::Unknown);
        self.resolved_call(callee, resolved, args)
    }

    /// `.init(..)`: a function of the result type (a decl literal).
    fn decl_literal_call(
        &mut self,
        callee: &'a Expr,
        name: &str,
        args: &'a [Expr],
        result: &Type,
    ) -> Type {
        let target = result.literal_target().clone();
        self.expr(callee, &target);
        match &target {
            Type::Std(path) => match self.std_member(path, name) {
                Some(StdDecl::Fn(sig)) => self.std_call(&sig, false, args),
                _ => self.resolved_call(callee, None, args),
            },
            Type::Container(id) => match self.names.member(*id, name) {
                Some(Member::Fn(f)) => self.resolved_call(callee, Some((*id, f)), args),
                _ => self.resolved_call(callee, None, args),
            },
            _ => self.resolved_call(callee, None, args),
        }
    }

    /// A call of `resolved` (a function of the analysed source), or of
    /// a std function `callee` names, or of something unknown.
    fn resolved_call(
        &mut self,
        callee: &'a Expr,
        resolved: Option<(ContainerId, &'a FnDecl)>,
        args: &'a [Expr],
    ) -> Type {
        let Some((owner, f)) = resolved else {
            if let Some((sig, is_method)) = self.std_fn(callee) {
                return self.std_call(&sig, is_method, args);
            }
            for a in args {
                self.expr(a, &Type::Unknown);
            }
            return Type::Unknown;
        };
        // A method called on a value: the receiver is the first parameter.
        let is_method_call = match &callee.kind {
            ExprKind::Field { object, .. } => self.try_as_type(object).is_none(),
            _ => false,
        };
        let params: Vec<&'a Param> = f
            .proto
            .params
            .iter()
            .skip(usize::from(is_method_call))
            .collect();
        let outer = std::mem::replace(&mut self.container, owner);
        let saved = std::mem::take(&mut self.scopes);
        let param_types: Vec<Type> = params
            .iter()
            .map(|p| match &p.ty {
                // A parameter whose type names an earlier comptime
                // parameter is per call: unknown here.
                ParamType::Type(t) if !names_a_param(t, &f.proto.params) => self.as_type(t),
                _ => Type::Unknown,
            })
            .collect();
        let returns_type = f.returns_type();
        let ret = if returns_type {
            Type::Type
        } else if names_a_param(&f.proto.return_type, &f.proto.params) {
            Type::Unknown
        } else {
            self.return_type(owner, f)
        };
        self.scopes = saved;
        self.container = outer;
        for (i, a) in args.iter().enumerate() {
            let r = param_types.get(i).cloned().unwrap_or_default();
            self.expr(a, &r);
        }
        ret
    }

    /// A builtin whose signature names std types (see [`builtins`]).
    fn builtin_call(&mut self, sig: &builtins::Signature, args: &'a [Expr]) -> Type {
        let type_arg = |a: &mut Self, n: usize| args.get(n).map_or(Type::Unknown, |t| a.as_type(t));
        let std = |path: &[&str]| Type::Std(path.iter().map(|s| s.to_string()).collect());
        for (i, a) in args.iter().enumerate() {
            let r = match sig.args.get(i) {
                Some(Arg::Std(path)) => std(path),
                Some(Arg::TypeOf(n)) => type_arg(self, *n),
                Some(Arg::PtrTo { arg, is_const }) => match type_arg(self, *arg) {
                    Type::Unknown => Type::Unknown,
                    t => Type::Pointer {
                        size: PtrSize::One,
                        is_const: *is_const,
                        child: Box::new(t),
                        sentinel: None,
                    },
                },
                Some(Arg::Any) | None => Type::Unknown,
            };
            self.expr(a, &r);
        }
        match sig.ret {
            Ret::Std(path) => std(path),
            Ret::TypeOf(n) => type_arg(self, n),
            Ret::OptionalOf(n) => wrap_optional(&type_arg(self, n)),
            Ret::Type => Type::Type,
            Ret::Void => Type::Void,
            Ret::Unknown => Type::Unknown,
        }
    }

    fn builtin(&mut self, name: &str, args: &'a [Expr], result: &Type) -> Type {
        if let Some(sig) = builtins::signature(name) {
            return self.builtin_call(sig, args);
        }
        let arg_types = |a: &mut Self, results: &[Type]| -> Vec<Type> {
            args.iter()
                .enumerate()
                .map(|(i, x)| a.expr(x, results.get(i).unwrap_or(&Type::Unknown)))
                .collect()
        };
        match name {
            "as" => {
                let [t, v] = args else {
                    arg_types(self, &[]);
                    return Type::Unknown;
                };
                let ty = self.as_type(t);
                self.expr_types.insert(key(t.span), Type::Type);
                self.expr(v, &ty);
                ty
            }
            // Casts whose destination is the result location.
            "intCast" | "truncate" | "floatCast" | "intFromFloat" | "floatFromInt"
            | "enumFromInt" | "ptrCast" | "bitCast" | "alignCast" | "errorCast" | "constCast"
            | "volatileCast" | "ptrFromInt" | "splat" | "errorFromInt" => {
                arg_types(self, &[]);
                result.cast_target().clone()
            }
            "intFromEnum" => {
                let ts = arg_types(self, &[]);
                match ts.first() {
                    Some(Type::Container(id)) => self.enum_tag_type(*id),
                    _ => Type::Unknown,
                }
            }
            "intFromBool" => {
                arg_types(self, &[Type::Bool]);
                Type::int(false, 1)
            }
            "intFromPtr" => {
                arg_types(self, &[]);
                Type::usize()
            }
            "sizeOf" | "bitSizeOf" | "alignOf" | "offsetOf" | "bitOffsetOf" => {
                for a in args {
                    self.try_as_type(a);
                }
                Type::ComptimeInt
            }
            "This" | "TypeOf" | "Type" | "Vector" | "import" | "typeInfo" | "FieldType" => {
                for a in args {
                    if self.try_as_type(a).is_none() {
                        self.expr(a, &Type::Unknown);
                    }
                }
                match name {
                    "typeInfo" => Type::Std(vec!["builtin".into(), "Type".into()]),
                    _ => Type::Type,
                }
            }
            "min" | "max" => {
                let ts = arg_types(self, &[]);
                ts.iter()
                    .skip(1)
                    .fold(ts.first().cloned().unwrap_or_default(), |a, b| a.peer(b))
            }
            "mod" | "rem" | "divTrunc" | "divFloor" | "divExact" | "shlExact" | "shrExact"
            | "mulAdd" | "sqrt" | "sin" | "cos" | "tan" | "exp" | "exp2" | "log" | "log2"
            | "log10" | "floor" | "ceil" | "trunc" | "round" | "byteSwap" | "bitReverse" => {
                let ts = arg_types(self, &[result.clone(), result.clone(), result.clone()]);
                match name {
                    "mulAdd" => ts.get(1).cloned().unwrap_or_default(),
                    _ => ts.first().cloned().unwrap_or_default(),
                }
            }
            "abs" => match arg_types(self, &[]).first() {
                Some(Type::Int { bits, .. }) => Type::int(false, *bits),
                Some(Type::Isize) => Type::Usize,
                Some(t) => t.clone(),
                None => Type::Unknown,
            },
            "memcpy" | "memset" | "memmove" | "setEvalBranchQuota" | "setRuntimeSafety"
            | "prefetch" | "breakpoint" | "export" => {
                arg_types(self, &[]);
                Type::Void
            }
            "panic" | "compileError" | "trap" => {
                arg_types(self, &[]);
                Type::NoReturn
            }
            "errorName" | "tagName" | "typeName" | "embedFile" => {
                arg_types(self, &[]);
                Type::Pointer {
                    size: PtrSize::Slice,
                    is_const: true,
                    child: Box::new(Type::int(false, 8)),
                    sentinel: Some("0".into()),
                }
            }
            "addWithOverflow" | "subWithOverflow" | "mulWithOverflow" | "shlWithOverflow" => {
                let ts = arg_types(self, &[]);
                let t = ts.iter().fold(Type::ComptimeInt, |a, b| a.peer(b));
                Type::Tuple(vec![t, Type::int(false, 1)])
            }
            "call" => {
                let ts = arg_types(self, &[]);
                match args.get(1).map(|f| &f.kind) {
                    Some(ExprKind::Ident(_) | ExprKind::Field { .. }) => {
                        let _ = ts;
                        Type::Unknown
                    }
                    _ => Type::Unknown,
                }
            }
            "clz" | "ctz" | "popCount" => match arg_types(self, &[]).first() {
                Some(Type::Int { bits, .. }) => {
                    Type::int(false, (u16::BITS - bits.leading_zeros()) as u16)
                }
                Some(Type::Usize | Type::Isize) => Type::int(false, 7),
                _ => Type::Unknown,
            },
            _ => {
                arg_types(self, &[]);
                Type::Unknown
            }
        }
    }

    /// An enum's tag type: its `enum(uN)` argument, or the smallest
    /// unsigned integer holding its field count (Zig's inferred tag).
    fn enum_tag_type(&mut self, id: ContainerId) -> Type {
        let container = self.names.get(id);
        if container.kind != ContainerKind::Enum {
            return Type::Unknown;
        }
        let count = container
            .members
            .iter()
            .filter(|d| matches!(d.kind, DeclKind::Field(_)))
            .count() as u64;
        let bits = if count <= 1 {
            0
        } else {
            64 - (count - 1).leading_zeros()
        } as u16;
        Type::int(false, bits)
    }

    fn binary(&mut self, op: BinaryOp, lhs: &'a Expr, rhs: &'a Expr, result: &Type) -> Type {
        use BinaryOp as B;
        match op {
            B::And | B::Or => {
                self.expr(lhs, &Type::Bool);
                self.expr(rhs, &Type::Bool);
                Type::Bool
            }
            B::Eq | B::Ne | B::Lt | B::Le | B::Gt | B::Ge => {
                // A literal side (`x == .foo`, `n > 0`) takes the other's type.
                let l = self.expr(lhs, &Type::Unknown);
                let r = self.expr(rhs, &runtime_type(&l));
                if matches!(l, Type::EnumLiteral | Type::ComptimeInt | Type::Null) && r.is_known() {
                    self.expr(lhs, &runtime_type(&r));
                }
                Type::Bool
            }
            B::Shl | B::ShlSat | B::Shr => {
                let l = self.expr(lhs, result);
                self.expr(rhs, &Type::Unknown);
                l
            }
            B::Concat | B::Repeat | B::ErrorSetMerge => {
                let l = self.expr(lhs, &Type::Unknown);
                self.expr(rhs, &Type::Unknown);
                match op {
                    B::ErrorSetMerge => Type::Type,
                    _ => match l {
                        Type::Array { child, .. } => Type::Array {
                            len: None,
                            child,
                            sentinel: None,
                        },
                        _ => Type::Unknown,
                    },
                }
            }
            _ => {
                let l = self.expr(lhs, result);
                let r = self.expr(rhs, &runtime_type(&l).or(result));
                if l == Type::ComptimeInt && r.is_known() {
                    self.expr(lhs, &runtime_type(&r));
                }
                l.peer(&r)
            }
        }
    }

    fn if_expr(&mut self, i: &'a IfExpr, span: Span, result: &Type) -> Type {
        let cond = self.expr(&i.cond, &Type::Unknown);
        let then = self.scoped(|a| {
            if let Some(c) = &i.capture {
                let payload = cond.unwrapped();
                a.declare(&c.name, span, by_ref(payload, c.by_ref), None);
            }
            a.expr(&i.then, result)
        });
        let Some(otherwise) = &i.otherwise else {
            return Type::Void;
        };
        let other = self.scoped(|a| {
            if let Some(c) = &i.else_capture {
                let set = match &cond {
                    Type::ErrorUnion { set, .. } => (**set).clone(),
                    _ => Type::ErrorSet(None),
                };
                a.declare(&c.name, span, set, None);
            }
            a.expr(otherwise, result)
        });
        branch_type(result, &[then, other])
    }

    fn switch(&mut self, s: &'a SwitchExpr, result: &Type) -> Type {
        let subject = self.expr(&s.subject, &Type::Unknown);
        let subject_value = subject.through_pointer();
        if let Some(label) = &s.label {
            self.labels.push((label.clone(), result.clone()));
        }
        let mut branches = Vec::new();
        for prong in &s.prongs {
            for item in &prong.items {
                match item {
                    SwitchItem::Value(v) => {
                        self.expr(v, &subject_value);
                    }
                    SwitchItem::Range { lo, hi } => {
                        self.expr(lo, &subject_value);
                        self.expr(hi, &subject_value);
                    }
                }
            }
            let payload = self.prong_payload(&subject_value, prong);
            let t = self.scoped(|a| {
                if let Some(c) = prong.captures.first() {
                    a.declare(&c.name, prong.span, by_ref(payload, c.by_ref), None);
                }
                if let Some(tag) = prong.captures.get(1) {
                    a.declare(&tag.name, prong.span, subject_value.clone(), None);
                }
                a.expr(&prong.body, result)
            });
            branches.push(t);
        }
        if s.label.is_some() {
            self.labels.pop();
        }
        branch_type(result, &branches)
    }

    /// The payload a prong's capture binds: a tagged union's field type
    /// for a one-variant prong, the subject itself otherwise.
    fn prong_payload(&mut self, subject: &Type, prong: &'a SwitchProng) -> Type {
        if let Type::Std(path) = subject {
            return self.std_prong_payload(path, subject, prong);
        }
        let Type::Container(id) = subject else {
            return subject.clone();
        };
        if self.names.get(*id).kind != ContainerKind::Union {
            return subject.clone();
        }
        let payloads = prong.items.iter().map(|item| match item {
            SwitchItem::Value(Expr {
                kind: ExprKind::DotName(variant),
                ..
            }) => match self.names.member(*id, variant) {
                Some(m @ Member::Field(_)) => self.member_value_type(*id, m),
                _ => Type::Unknown,
            },
            _ => Type::Unknown,
        });
        same_payload(payloads)
    }

    /// [`Self::prong_payload`] for a std union or enum.
    fn std_prong_payload(&mut self, path: &[String], subject: &Type, prong: &SwitchProng) -> Type {
        match self.std_kind(path) {
            Some(ContainerKind::Union) => {}
            Some(_) => return subject.clone(),
            None => return Type::Unknown,
        }
        let payloads = prong.items.iter().map(|item| match item {
            SwitchItem::Value(Expr {
                kind: ExprKind::DotName(variant),
                ..
            }) => match self.std_member(path, variant) {
                Some(StdDecl::Field(t)) => t,
                _ => Type::Unknown,
            },
            _ => Type::Unknown,
        });
        same_payload(payloads)
    }

    fn while_expr(&mut self, w: &'a WhileExpr, span: Span, result: &Type) -> Type {
        let cond = self.expr(&w.cond, &Type::Unknown);
        if let Some(label) = &w.label {
            self.labels.push((label.clone(), result.clone()));
        }
        self.scoped(|a| {
            if let Some(c) = &w.capture {
                let payload = cond.unwrapped();
                a.declare(&c.name, span, by_ref(payload, c.by_ref), None);
            }
            if let Some(cont) = &w.continue_expr {
                a.stmt(cont);
            }
            a.expr(&w.body, &Type::Unknown);
        });
        if w.label.is_some() {
            self.labels.pop();
        }
        match &w.otherwise {
            Some(o) => self.scoped(|a| {
                if let Some(c) = &w.else_capture {
                    a.declare(&c.name, span, Type::ErrorSet(None), None);
                }
                a.expr(o, result)
            }),
            None => Type::Void,
        }
    }

    fn for_expr(&mut self, f: &'a ForExpr, span: Span, result: &Type) -> Type {
        let mut elems = Vec::new();
        for input in &f.inputs {
            elems.push(match input {
                ForInput::Expr(e) => self.expr(e, &Type::Unknown).element(),
                ForInput::Range { start, end } => {
                    self.expr(start, &Type::usize());
                    if let Some(end) = end {
                        self.expr(end, &Type::usize());
                    }
                    Type::usize()
                }
            });
        }
        if let Some(label) = &f.label {
            self.labels.push((label.clone(), result.clone()));
        }
        self.scoped(|a| {
            for (c, t) in f.captures.iter().zip(elems) {
                a.declare(&c.name, span, by_ref(t, c.by_ref), None);
            }
            a.expr(&f.body, &Type::Unknown);
        });
        if f.label.is_some() {
            self.labels.pop();
        }
        match &f.otherwise {
            Some(o) => self.expr(o, result),
            None => Type::Void,
        }
    }

    /// A place that may be written: a `var` local or parameter field path,
    /// or anything reached through a mutable pointer.
    fn is_mutable_place(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ident(name) => self.local(name).is_some_and(|l| {
                l.mutable
                    || matches!(
                        l.ty,
                        Type::Pointer {
                            is_const: false,
                            ..
                        }
                    )
            }),
            ExprKind::Field { object, .. } | ExprKind::Index { object, .. } => {
                match self.expr_types.get(&key(object.span)) {
                    Some(Type::Pointer { is_const, .. }) => !is_const,
                    _ => self.is_mutable_place(object),
                }
            }
            ExprKind::Deref(inner) => matches!(
                self.expr_types.get(&key(inner.span)),
                Some(Type::Pointer {
                    is_const: false,
                    ..
                })
            ),
            _ => false,
        }
    }
}

impl Type {
    /// `self`, or `other` when `self` is unknown.
    fn or(self, other: &Type) -> Type {
        if self.is_known() { self } else { other.clone() }
    }
}

/// The type a literal operand takes from its other side: a comptime number
/// or enum literal never flows (the side must have a runtime type).
fn runtime_type(t: &Type) -> Type {
    match t {
        Type::ComptimeInt
        | Type::ComptimeFloat
        | Type::EnumLiteral
        | Type::Null
        | Type::Undefined => Type::Unknown,
        t => t.clone(),
    }
}

fn wrap_optional(t: &Type) -> Type {
    match t {
        Type::Unknown => Type::Unknown,
        t => Type::Optional(Box::new(t.clone())),
    }
}

fn payload_or(payload: &Type, rhs: &Type) -> Type {
    match (payload, rhs) {
        (Type::Unknown, r) => match r {
            Type::NoReturn => Type::Unknown,
            r => r.clone(),
        },
        (p, _) => p.clone(),
    }
}

fn by_ref(t: Type, by_ref: bool) -> Type {
    match (by_ref, &t) {
        (_, Type::Unknown) => Type::Unknown,
        (true, _) => Type::Pointer {
            size: PtrSize::One,
            is_const: false,
            child: Box::new(t),
            sentinel: None,
        },
        (false, _) => t,
    }
}

/// The type of an `if`/`switch` with these branch types: the result type
/// when there is one, their peer type otherwise.
fn branch_type(result: &Type, branches: &[Type]) -> Type {
    if result.is_known() {
        return result.clone();
    }
    let mut it = branches.iter();
    let first = it.next().cloned().unwrap_or(Type::Void);
    it.fold(first, |a, b| a.peer(b))
}

/// Does the type expression `t` name one of `params` (`comptime T: type`)?
fn names_a_param(t: &Expr, params: &[Param]) -> bool {
    struct Finder<'p>(&'p [Param], bool);
    impl crate::syntax::visit::Visitor<'_> for Finder<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            if let ExprKind::Ident(n) = &e.kind
                && self.0.iter().any(|p| p.name.as_deref() == Some(n.as_str()))
            {
                self.1 = true;
            }
            crate::syntax::visit::walk_expr(self, e);
        }
    }
    let mut f = Finder(params, false);
    crate::syntax::visit::Visitor::visit_expr(&mut f, t);
    f.1
}

fn sentinel_text(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Int(t) => t.clone(),
        ExprKind::Char(c) => c.to_string(),
        _ => "?".into(),
    }
}

/// A primitive type name (`u8`, `i21`, `usize`, `f64`, `bool`, `c_int`...).
pub fn primitive(name: &str) -> Option<Type> {
    Some(match name {
        "bool" => Type::Bool,
        "void" => Type::Void,
        "noreturn" => Type::NoReturn,
        "type" => Type::Type,
        "anyerror" => Type::ErrorSet(None),
        "anyopaque" => Type::AnyOpaque,
        "comptime_int" => Type::ComptimeInt,
        "comptime_float" => Type::ComptimeFloat,
        "usize" => Type::Usize,
        "isize" => Type::Isize,
        "c_ulong" | "c_ulonglong" => Type::int(false, 64),
        "c_long" | "c_longlong" => Type::int(true, 64),
        "c_int" => Type::int(true, 32),
        "c_uint" => Type::int(false, 32),
        "c_short" => Type::int(true, 16),
        "c_ushort" => Type::int(false, 16),
        "c_char" => Type::int(true, 8),
        "f16" | "f32" | "f64" | "f80" | "f128" => Type::Float {
            bits: name[1..].parse().ok()?,
        },
        "c_longdouble" => Type::Float { bits: 80 },
        _ => {
            let (signed, bits) = match name.as_bytes().first()? {
                b'u' => (false, &name[1..]),
                b'i' => (true, &name[1..]),
                _ => return None,
            };
            if bits.is_empty()
                || !bits.bytes().all(|b| b.is_ascii_digit())
                || (bits.len() > 1 && bits.starts_with('0'))
            {
                return None;
            }
            let bits: u16 = bits.parse().ok()?;
            Type::int(signed, bits)
        }
    })
}

/// The std path a namespace stands for: `std` itself (`[]`) or a std
/// declaration.
fn std_path(ns: &Type) -> Option<&[String]> {
    match ns {
        Type::Module(m) if m == "std" => Some(&[]),
        Type::Std(path) => Some(path),
        _ => None,
    }
}

/// The payload type a prong capture has: the one all its items share, or
/// unknown when they differ.
fn same_payload(mut payloads: impl Iterator<Item = Type>) -> Type {
    let first = payloads.next().unwrap_or_default();
    if payloads.all(|p| p == first) {
        first
    } else {
        Type::Unknown
    }
}
