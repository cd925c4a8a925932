//! The rules' window on the semantic model: Zig types the model resolved
//! (result-location types, types of expressions the rules' own reading
//! leaves unknown) as the rules' [`Ty`], and model containers by the Rust
//! names the rules gave them. Only types the rules can name map; anything
//! else stays `Ty::Unknown`, so the rules' own TODOs still apply.

use crate::sema::{self, ContainerId, PtrSize, Type};
use crate::syntax::ir::Expr;

use super::Translator;
use super::names::camel_case;
use super::types::Ty;

impl Translator<'_> {
    /// The result type the model gives `e` (where it is written).
    pub(super) fn sema_result_ty(&self, e: &Expr) -> Ty {
        self.rules_ty(self.sema.result_type_of(e))
    }

    /// The type the model gives `e`.
    pub(super) fn sema_expr_ty(&self, e: &Expr) -> Ty {
        self.rules_ty(self.sema.type_of(e))
    }

    /// The type the model says the type expression `e` denotes, when the
    /// rules can name all of it.
    pub(super) fn sema_denoted_ty(&self, e: &Expr) -> Option<Ty> {
        self.sema_ty(self.sema.denoted_type(e))
    }

    fn rules_ty(&self, t: &Type) -> Ty {
        self.sema_ty(t).unwrap_or(Ty::Unknown)
    }

    fn sema_ty(&self, t: &Type) -> Option<Ty> {
        let boxed = |t: &Type| self.sema_ty(t).map(Box::new);
        Some(match t {
            Type::Bool => Ty::Bool,
            Type::Void => Ty::Void,
            Type::NoReturn => Ty::NoReturn,
            Type::Int { signed, bits } if *bits > 0 && *bits <= 128 => {
                Ty::Int(format!("{}{bits}", if *signed { 'i' } else { 'u' }))
            }
            Type::Usize => Ty::Int("usize".into()),
            Type::Isize => Ty::Int("isize".into()),
            Type::Float { bits: 32 } => Ty::Float("f32".into()),
            Type::Float { bits: 64 } => Ty::Float("f64".into()),
            Type::Pointer {
                size: PtrSize::Slice,
                is_const,
                child,
                sentinel: None,
            } => Ty::Slice {
                elem: boxed(child)?,
                mutable: !is_const,
            },
            Type::Pointer {
                size: PtrSize::One,
                is_const,
                child,
                sentinel: None,
            } => Ty::Ref {
                to: boxed(child)?,
                mutable: !is_const,
            },
            Type::Array {
                len: Some(n),
                child,
                sentinel: None,
            } => Ty::Array {
                elem: boxed(child)?,
                len: n.to_string(),
            },
            Type::Optional(inner) => Ty::Optional(boxed(inner)?),
            Type::ErrorUnion { payload, .. } => Ty::ErrorUnion(boxed(payload)?),
            Type::Container(id) => Ty::Named(self.rust_type_name(*id)?),
            Type::Std(path) => {
                let path: Vec<&str> = path.iter().map(String::as_str).collect();
                super::types::std_named_type(&path)?
            }
            Type::Tuple(ts) if !ts.is_empty() => {
                Ty::Tuple(ts.iter().map(|t| self.sema_ty(t)).collect::<Option<_>>()?)
            }
            _ => return None,
        })
    }

    /// The Rust name the rules gave a model container, when they gave it
    /// one: the file struct, a module type, a type nested one level
    /// (`Outer.Inner` → `OuterInner`), a field's anonymous type. Types a
    /// type constructor builds are per instance: not named here.
    fn rust_type_name(&self, id: ContainerId) -> Option<String> {
        let names = &self.sema.names;
        let container = names.get(id);
        if id == sema::names::ROOT {
            return self.scope.file_struct.clone();
        }
        if container.constructor.is_some() || container.local {
            return None;
        }
        if let Some((_, name, _)) = self
            .scope
            .anon_types
            .iter()
            .find(|(start, ..)| *start == container.span_start)
        {
            return Some(name.clone());
        }
        let name = match &names.path(id)?[..] {
            [only] => only.clone(),
            [outer, inner] => format!("{outer}{}", camel_case(inner)),
            _ => return None,
        };
        self.scope.types.contains_key(&name).then_some(name)
    }
}
