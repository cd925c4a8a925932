//! Names: the containers of a file (the file itself is a struct) and the
//! declarations each holds, order-independent as in Zig; lookup walks from
//! a container out through its parents. Containers declared anywhere are
//! found: named (`const Foo = struct {..}`), nested at any depth, returned
//! by a type constructor (`fn F(comptime T: type) type { return struct
//! {..}; }`), declared in a function or test body.

use std::collections::HashMap;

use serde::Serialize;

use crate::syntax::ir::*;
use crate::syntax::visit::{self, Visitor};

/// Index of a container in [`Names::containers`]; the file is `ROOT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ContainerId(pub u32);

pub const ROOT: ContainerId = ContainerId(0);

#[derive(Debug)]
pub struct Container<'a> {
    pub parent: Option<ContainerId>,
    /// The declared name (`Foo`); for the file, empty; for a type a type
    /// constructor returns, the constructor's name; for an anonymous type
    /// (a field's `enum { a, b }`), `None`.
    pub name: Option<String>,
    pub kind: ContainerKind,
    pub members: &'a [Decl],
    /// Span start of the container expression (0 for the file).
    pub span_start: u32,
    /// The type constructor whose result this is, with its comptime
    /// parameters: the container's code may name them.
    pub constructor: Option<&'a FnDecl>,
    /// Declared inside a function or test body.
    pub local: bool,
}

/// A member of a container, by name.
#[derive(Debug, Clone, Copy)]
pub enum Member<'a> {
    Fn(&'a FnDecl),
    Var(&'a VarDecl),
    Field(&'a ContainerField),
}

#[derive(Debug)]
pub struct Names<'a> {
    pub containers: Vec<Container<'a>>,
    /// Span start of a container expression → its container.
    by_span: HashMap<u32, ContainerId>,
}

impl<'a> Names<'a> {
    pub fn of_file(file: &'a SourceFile) -> Names<'a> {
        let mut collector = ContainerCollector {
            names: Names {
                containers: vec![Container {
                    parent: None,
                    name: Some(String::new()),
                    kind: ContainerKind::Struct,
                    members: &file.members,
                    span_start: 0,
                    constructor: None,
                    local: false,
                }],
                by_span: HashMap::new(),
            },
            current: ROOT,
            pending_name: None,
            constructor: None,
            in_body: false,
        };
        visit::walk_file(&mut collector, file);
        collector.names
    }

    pub fn get(&self, id: ContainerId) -> &Container<'a> {
        &self.containers[id.0 as usize]
    }

    /// The container a container expression at `span_start` declares.
    pub fn at(&self, span_start: u32) -> Option<ContainerId> {
        self.by_span.get(&span_start).copied()
    }

    /// The member `name` of container `id` itself (not its parents).
    pub fn member(&self, id: ContainerId, name: &str) -> Option<Member<'a>> {
        self.get(id).members.iter().find_map(|d| match &d.kind {
            DeclKind::Fn(f) if f.name == name => Some(Member::Fn(f)),
            DeclKind::Var(v) if v.name == name => Some(Member::Var(v)),
            DeclKind::Field(f) if f.name == name => Some(Member::Field(f)),
            _ => None,
        })
    }

    /// `name` as code inside container `id` sees it: its own declarations,
    /// then its parents' (fields are not in scope by name). With the
    /// container it was found in.
    pub fn lookup(&self, mut id: ContainerId, name: &str) -> Option<(ContainerId, Member<'a>)> {
        loop {
            if let Some(m) = self.member(id, name)
                && !matches!(m, Member::Field(_))
            {
                return Some((id, m));
            }
            id = self.get(id).parent?;
        }
    }

    /// `Outer.Inner` for a nested container, the constructor's name for a
    /// constructed one, `(file)` for the root.
    pub fn display(&self, id: ContainerId) -> String {
        let mut parts = Vec::new();
        let mut cur = Some(id);
        while let Some(c) = cur {
            let container = self.get(c);
            match &container.name {
                Some(n) if n.is_empty() => {}
                Some(n) => parts.push(n.clone()),
                None => parts.push(format!("<anonymous@{}>", container.span_start)),
            }
            cur = container.parent;
        }
        if parts.is_empty() {
            return "(file)".into();
        }
        parts.reverse();
        parts.join(".")
    }

    /// The path of declared names from the file to `id` (`["Foo",
    /// "Kind"]`); `None` when a step is anonymous.
    pub fn path(&self, id: ContainerId) -> Option<Vec<String>> {
        let mut parts = Vec::new();
        let mut cur = id;
        while let Some(parent) = self.get(cur).parent {
            parts.push(self.get(cur).name.clone()?);
            cur = parent;
        }
        parts.reverse();
        Some(parts)
    }
}

struct ContainerCollector<'a> {
    names: Names<'a>,
    current: ContainerId,
    /// The name the next container expression is declared under
    /// (`const Foo = struct {..}`, `return struct {..}` in a constructor).
    pending_name: Option<String>,
    constructor: Option<&'a FnDecl>,
    in_body: bool,
}

impl<'a> ContainerCollector<'a> {
    /// A `const`/`var` (container member or local): a container directly
    /// in its initialiser takes its name.
    fn var_decl(&mut self, v: &'a VarDecl) {
        if let Some(t) = &v.ty {
            self.visit_expr(t);
        }
        if let Some(init) = &v.init {
            self.named(Some(v.name.clone()), init);
        }
    }

    /// Visits `init` with the name a container directly there is declared under.
    fn named(&mut self, name: Option<String>, init: &'a Expr) {
        self.pending_name = name;
        self.visit_expr(init);
        self.pending_name = None;
    }
}

impl<'a> Visitor<'a> for ContainerCollector<'a> {
    fn visit_decl(&mut self, decl: &'a Decl) {
        match &decl.kind {
            DeclKind::Var(v) => self.var_decl(v),
            DeclKind::Fn(f) => {
                let returns_type = f.returns_type();
                let (outer_ctor, outer_body) = (self.constructor, self.in_body);
                if returns_type {
                    self.constructor = Some(f);
                }
                self.in_body = !returns_type;
                visit::walk_decl(self, decl);
                self.constructor = outer_ctor;
                self.in_body = outer_body;
            }
            DeclKind::Test(_) => {
                let outer = std::mem::replace(&mut self.in_body, true);
                visit::walk_decl(self, decl);
                self.in_body = outer;
            }
            _ => visit::walk_decl(self, decl),
        }
    }

    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match &stmt.kind {
            StmtKind::Var(v) => self.var_decl(v),
            // A type constructor's `return struct {..}` takes its name.
            StmtKind::Expr(Expr {
                kind: ExprKind::Return(Some(value)),
                ..
            }) if !self.in_body && self.constructor.is_some() => {
                self.named(self.constructor.map(|f| f.name.clone()), value);
            }
            _ => visit::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        let ExprKind::Container(c) = &expr.kind else {
            // Only a container directly initialising a declaration is named.
            self.pending_name = None;
            return visit::walk_expr(self, expr);
        };
        let id = ContainerId(self.names.containers.len() as u32);
        self.names.containers.push(Container {
            parent: Some(self.current),
            name: self.pending_name.take(),
            kind: c.kind,
            members: &c.members,
            span_start: expr.span.start,
            constructor: self.constructor,
            local: self.in_body,
        });
        self.names.by_span.insert(expr.span.start, id);
        let (outer, outer_body) = (self.current, self.in_body);
        self.current = id;
        self.in_body = false;
        visit::walk_expr(self, expr);
        self.current = outer;
        self.in_body = outer_body;
    }
}
