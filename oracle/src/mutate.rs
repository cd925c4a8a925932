//! Mutants of a port's Rust: small, deliberate bugs (an operator swapped,
//! a negation dropped, a literal off by one) planted one at a time, to
//! measure whether the differential tests notice them (a mutation score).
//!
//! Sites are found with `syn` in function bodies only (not the tests
//! module, not the shims) and rewritten by byte range, so the rest of the
//! file is untouched.

use syn::visit::{self, Visit};
use syn::{
    BinOp, Expr, ExprBinary, ExprMethodCall, ExprUnary, ImplItemFn, ItemFn, ItemImpl, ItemMod, Lit,
    UnOp,
};

/// One planted bug.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Mutant {
    /// 1-based line and column of the rewritten text.
    pub line: usize,
    pub column: usize,
    /// Byte range in the module's source.
    pub start: usize,
    pub end: usize,
    pub original: String,
    pub replacement: String,
    /// The enclosing function (`Type::method` or `function`).
    pub function: String,
}

impl Mutant {
    /// `source` with this mutant planted.
    pub fn apply(&self, source: &str) -> String {
        format!(
            "{}{}{}",
            &source[..self.start],
            self.replacement,
            &source[self.end..]
        )
    }

    /// `12:5 `<` → `<=` in `parse``.
    pub fn describe(&self) -> String {
        format!(
            "{}:{} `{}` → `{}` in `{}`",
            self.line, self.column, self.original, self.replacement, self.function
        )
    }
}

/// Every mutation site of a module's source (empty when it does not
/// parse).
pub fn mutants(source: &str) -> Vec<Mutant> {
    let Ok(file) = syn::parse_file(source) else {
        return Vec::new();
    };
    let mut finder = Finder {
        source,
        owner: None,
        function: None,
        out: Vec::new(),
    };
    finder.visit_file(&file);
    finder.out
}

struct Finder<'s> {
    source: &'s str,
    owner: Option<String>,
    function: Option<String>,
    out: Vec<Mutant>,
}

impl Finder<'_> {
    fn add(&mut self, span: proc_macro2::Span, replacement: &str) {
        let Some(function) = self.function.clone() else {
            return;
        };
        let range = span.byte_range();
        let Some(original) = self.source.get(range.clone()) else {
            return;
        };
        let start = span.start();
        self.out.push(Mutant {
            line: start.line,
            column: start.column + 1,
            start: range.start,
            end: range.end,
            original: original.to_string(),
            replacement: replacement.to_string(),
            function,
        });
    }
}

/// The operator a binary operator is swapped for.
fn swapped(op: &BinOp) -> Option<(&'static str, proc_macro2::Span)> {
    use syn::spanned::Spanned;
    let to = match op {
        BinOp::Lt(_) => "<=",
        BinOp::Le(_) => "<",
        BinOp::Gt(_) => ">=",
        BinOp::Ge(_) => ">",
        BinOp::Eq(_) => "!=",
        BinOp::Ne(_) => "==",
        BinOp::Add(_) => "-",
        BinOp::Sub(_) => "+",
        BinOp::Mul(_) => "+",
        BinOp::And(_) => "||",
        BinOp::Or(_) => "&&",
        BinOp::BitAnd(_) => "|",
        BinOp::BitOr(_) => "&",
        BinOp::BitXor(_) => "&",
        BinOp::Shl(_) => ">>",
        BinOp::Shr(_) => "<<",
        _ => return None,
    };
    Some((to, op.span()))
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_item_mod(&mut self, m: &'ast ItemMod) {
        // The translated tests and the oracle's shims are not the port.
        if m.ident == "tests" || m.ident.to_string().starts_with("zigport_") {
            return;
        }
        visit::visit_item_mod(self, m);
    }

    fn visit_item_impl(&mut self, i: &'ast ItemImpl) {
        let owner = match &*i.self_ty {
            syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
            _ => None,
        };
        let outer = std::mem::replace(&mut self.owner, owner);
        visit::visit_item_impl(self, i);
        self.owner = outer;
    }

    fn visit_item_fn(&mut self, f: &'ast ItemFn) {
        let outer = self.function.replace(f.sig.ident.to_string());
        visit::visit_item_fn(self, f);
        self.function = outer;
    }

    fn visit_impl_item_fn(&mut self, f: &'ast ImplItemFn) {
        let name = match &self.owner {
            Some(o) => format!("{o}::{}", f.sig.ident),
            None => f.sig.ident.to_string(),
        };
        let outer = self.function.replace(name);
        visit::visit_impl_item_fn(self, f);
        self.function = outer;
    }

    fn visit_expr_binary(&mut self, e: &'ast ExprBinary) {
        if let Some((to, span)) = swapped(&e.op) {
            self.add(span, to);
        }
        visit::visit_expr_binary(self, e);
    }

    fn visit_expr_unary(&mut self, e: &'ast ExprUnary) {
        if let UnOp::Not(not) = e.op {
            self.add(not.span, "");
        }
        visit::visit_expr_unary(self, e);
    }

    fn visit_expr_method_call(&mut self, e: &'ast ExprMethodCall) {
        let to = match e.method.to_string().as_str() {
            "wrapping_add" => Some("wrapping_sub"),
            "wrapping_sub" => Some("wrapping_add"),
            "wrapping_mul" => Some("wrapping_add"),
            "saturating_add" => Some("saturating_sub"),
            "saturating_sub" => Some("saturating_add"),
            _ => None,
        };
        if let Some(to) = to {
            self.add(e.method.span(), to);
        }
        visit::visit_expr_method_call(self, e);
    }

    fn visit_expr(&mut self, e: &'ast Expr) {
        // Small integer literals, off by one (the suffix kept).
        if let Expr::Lit(l) = e
            && let Lit::Int(i) = &l.lit
            && let Ok(v) = i.base10_parse::<u64>()
            && v < 4096
        {
            self.add(i.span(), &format!("{}{}", v + 1, i.suffix()));
        }
        visit::visit_expr(self, e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_are_found_in_function_bodies_only_and_planted_by_range() {
        let source = "const K: u32 = 1 + 2;\n\
                      struct P;\n\
                      impl P {\n    fn lt(a: u8, b: u8) -> bool { !(a < b) }\n}\n\
                      fn add(a: u8) -> u8 { a.wrapping_add(7) }\n\
                      #[cfg(test)]\nmod tests { fn t() { assert!(1 == 1); } }\n";
        let found = mutants(source);
        let described: Vec<String> = found.iter().map(Mutant::describe).collect();
        assert_eq!(
            described,
            [
                "4:35 `!` → `` in `P::lt`",
                "4:39 `<` → `<=` in `P::lt`",
                "6:25 `wrapping_add` → `wrapping_sub` in `add`",
                "6:38 `7` → `8` in `add`",
            ]
        );
        let planted = found[1].apply(source);
        assert!(planted.contains("!(a <= b)"), "{planted}");
        assert_eq!(planted.len(), source.len() + 1);
    }
}
