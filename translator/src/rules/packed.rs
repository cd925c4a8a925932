//! `packed struct(uN)`: a newtype over the backing integer with a getter,
//! a setter and `new`. Field reads, stores and struct literals of such a
//! type are rewritten to them. Fields must be `bool` or unsigned integers
//! (signed and enum fields stay TODO).

use proc_macro2::TokenStream;
use quote::quote;

use super::Translator;
use super::names::{ident, snake_case};
use super::types::{Ty, int_width, rust_int, rust_type};
use crate::syntax::ir::*;

/// One field: name, bit offset, bit width, Rust type of its value.
struct BitField {
    name: String,
    offset: u32,
    bits: u32,
    ty: Ty,
}

fn bit_fields(t: &Translator, c: &ContainerDecl) -> Option<Vec<BitField>> {
    let mut offset = 0;
    let mut out = Vec::new();
    for m in &c.members {
        let DeclKind::Field(f) = &m.kind else {
            continue;
        };
        let ty = t.zig_type(f.ty.as_ref()?);
        let bits = match &ty {
            Ty::Bool => 1,
            Ty::Int(n) => match int_width(n)? {
                (false, bits) => bits,
                (true, _) => return None,
            },
            _ => return None,
        };
        out.push(BitField {
            name: f.name.clone(),
            offset,
            bits,
            ty,
        });
        offset += bits;
    }
    Some(out)
}

/// The backing integer's Rust name, if the struct has a rule.
pub(super) fn backing(t: &Translator, c: &ContainerDecl) -> Option<String> {
    let fields = bit_fields(t, c)?;
    let total: u32 = fields.iter().map(|f| f.bits).sum();
    let declared = match c.arg.as_ref().map(|a| t.zig_type(a)) {
        Some(Ty::Int(n)) => Some(n),
        Some(_) => return None,
        None => None,
    };
    let name = declared.unwrap_or_else(|| format!("u{}", total.max(1)));
    rust_int(&name).map(str::to_string)
}

impl<'a> Translator<'a> {
    /// The type and its accessors.
    pub(super) fn packed_item(
        &mut self,
        name: &str,
        c: &ContainerDecl,
        doc: &TokenStream,
        vis: Option<TokenStream>,
    ) -> Option<TokenStream> {
        let backing = self.scope.types.get(name)?.packed.clone()?;
        let fields = bit_fields(self, c)?;
        let b = ident(&backing);
        let n = ident(name);
        let mut accessors = Vec::new();
        let mut new_params = Vec::new();
        let mut new_sets = Vec::new();
        for f in &fields {
            let get = ident(&snake_case(&f.name));
            let set = setter(&f.name);
            let rt = rust_type(&f.ty)?;
            let offset = proc_macro2::Literal::u32_unsuffixed(f.offset);
            let mask = proc_macro2::Literal::u128_unsuffixed((1u128 << f.bits) - 1);
            let (read, write) = if f.ty == Ty::Bool {
                (quote!((self.0 >> #offset) & 1 != 0), quote!((v as #b)))
            } else {
                (
                    quote!(((self.0 >> #offset) & #mask) as #rt),
                    quote!(((v as #b) & #mask)),
                )
            };
            let check = (f.ty != Ty::Bool).then(|| {
                let msg = format!("value does not fit in field `{}` ({} bits)", f.name, f.bits);
                quote!(assert!((v as u128) <= #mask, #msg);)
            });
            accessors.push(quote! {
                pub const fn #get(self) -> #rt { #read }
                pub const fn #set(&mut self, v: #rt) {
                    #check
                    self.0 = (self.0 & !(#mask << #offset)) | (#write << #offset);
                }
            });
            new_params.push(quote!(#get: #rt));
            new_sets.push(quote!(s.#set(#get);));
        }
        Some(quote! {
            #doc
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
            #[repr(transparent)]
            #vis struct #n(pub #b);
            // Accessors for every field, as Zig has them, used or not.
            #[allow(dead_code)]
            impl #n {
                // `const`, so packed literals can initialise constants.
                #[allow(clippy::too_many_arguments)]
                pub const fn new(#(#new_params),*) -> Self {
                    let mut s = Self(0);
                    #(#new_sets)*
                    s
                }
                #(#accessors)*
            }
        })
    }

    /// `f.read` on a packed value: `f.read()`.
    pub(super) fn packed_read(&mut self, object: &Expr, member: &str) -> Option<TokenStream> {
        self.packed_of(object)?;
        let o = self.operand(object, &Ty::Unknown);
        let get = ident(&snake_case(member));
        Some(quote!(#o.#get()))
    }

    /// `f.read = v;` on a packed value: `f.set_read(v);`.
    pub(super) fn packed_store(&mut self, target: &Expr, value: &Expr) -> Option<TokenStream> {
        let ExprKind::Field { object, member } = &target.kind else {
            return None;
        };
        let type_name = self.packed_of(object)?;
        let field_ty = self
            .scope
            .types
            .get(&type_name)?
            .fields
            .iter()
            .find(|(n, ..)| n == member)?
            .1
            .clone();
        let o = self.expr(object, &Ty::Unknown);
        let set = setter(member);
        let v = self.coerced(value, &field_ty);
        Some(quote!(#o.#set(#v);))
    }

    /// `Flags{ .read = true }`: `Flags::new(..)` with defaults filled in.
    pub(super) fn packed_literal(
        &mut self,
        type_name: &str,
        fields: &[FieldInit],
    ) -> Option<TokenStream> {
        let info = self.scope.types.get(type_name)?.clone();
        info.packed.as_ref()?;
        let mut args = Vec::new();
        for (name, ty, default) in &info.fields {
            let value = match (fields.iter().find(|f| &f.name == name), default) {
                (Some(f), _) => self.coerced(&f.value, ty),
                (None, Some(d)) => self.coerced(d, ty),
                (None, None) => {
                    return Some(
                        self.todo(format!("field `{name}` of `{type_name}` not initialised")),
                    );
                }
            };
            args.push(value);
        }
        let n = ident(type_name);
        Some(quote!(#n::new(#(#args),*)))
    }

    fn packed_of(&self, object: &Expr) -> Option<String> {
        let ty = self.infer(object);
        let name = super::expr::named_type(&ty)?;
        self.lookup_type(name)?.packed.as_ref()?;
        Some(match name {
            "Self" => self.state.self_type.clone()?,
            n => n.to_string(),
        })
    }
}

/// `set_mode` for `mode`, `set_pad` for `_pad`.
fn setter(field: &str) -> proc_macro2::Ident {
    ident(&format!(
        "set_{}",
        snake_case(field).trim_start_matches('_')
    ))
}
