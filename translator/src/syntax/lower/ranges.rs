//! Ranges in slices and `for` inputs.
//!
//! MISPARSE: tree-sitter-zig binds `..` tighter than every binary operator,
//! so `x[i + 1 .. n - 1]` comes out as `i + ((1 .. n) - 1)`. In Zig the
//! range has the lowest precedence: `start .. end`. We flatten the binary
//! spine around the `range_expression` back into its token order, split it
//! at `..`, and rebuild both sides with Zig's operator precedence.

use tree_sitter::Node;

use super::Lowerer;
use crate::syntax::ir::*;

/// One element of a flattened binary spine, in source order.
enum Piece {
    Operand(Expr),
    Op(SpineOp),
    Dots,
}

#[derive(Clone, Copy)]
enum SpineOp {
    Binary(BinaryOp),
    Orelse,
}

impl SpineOp {
    /// Zig's binary precedence levels (higher binds tighter).
    fn precedence(self) -> u8 {
        use BinaryOp::*;
        match self {
            SpineOp::Orelse => 4,
            SpineOp::Binary(op) => match op {
                Mul | MulWrap | MulSat | Div | Rem | Repeat | ErrorSetMerge => 7,
                Add | AddWrap | AddSat | Sub | SubWrap | SubSat | Concat => 6,
                Shl | ShlSat | Shr => 5,
                BitAnd | BitOr | BitXor => 4,
                Eq | Ne | Lt | Le | Gt | Ge => 3,
                And => 2,
                Or => 1,
            },
        }
    }
}

impl<'s> Lowerer<'s> {
    /// If `node` is a range (possibly hidden inside a binary expression by
    /// the misparse above), its start and end.
    pub(super) fn range_operands(&mut self, node: Node) -> Option<(Expr, Option<Expr>)> {
        if node.kind() == "range_expression" {
            let start = self.expr(node.child_by_field_name("left")?);
            let end = node.child_by_field_name("right").map(|r| self.expr(r));
            return Some((start, end));
        }
        if !is_range(node) {
            return None;
        }
        let mut pieces = Vec::new();
        self.flatten(node, &mut pieces, 0)?;
        let dots = pieces.iter().position(|p| matches!(p, Piece::Dots))?;
        let end_pieces = pieces.split_off(dots + 1);
        pieces.pop(); // the `..`
        let start = rebuild(pieces)?;
        let end = if end_pieces.is_empty() {
            None
        } else {
            Some(rebuild(end_pieces)?)
        };
        Some((start, end))
    }

    fn flatten(&mut self, node: Node, out: &mut Vec<Piece>, depth: usize) -> Option<()> {
        if depth > super::MAX_NESTING {
            return None;
        }
        match node.kind() {
            "binary_expression" => {
                let op = node.child_by_field_name("operator")?.kind();
                let op = if op == "orelse" {
                    SpineOp::Orelse
                } else {
                    SpineOp::Binary(super::expr::binary_op(op)?)
                };
                self.flatten(node.child_by_field_name("left")?, out, depth + 1)?;
                out.push(Piece::Op(op));
                self.flatten(node.child_by_field_name("right")?, out, depth + 1)
            }
            "range_expression" => {
                self.flatten(node.child_by_field_name("left")?, out, depth + 1)?;
                out.push(Piece::Dots);
                match node.child_by_field_name("right") {
                    Some(right) => self.flatten(right, out, depth + 1),
                    None => Some(()),
                }
            }
            _ => {
                out.push(Piece::Operand(self.expr(node)));
                Some(())
            }
        }
    }
}

/// Whether `node` is a range, directly or under the misparsed binary spine.
pub(super) fn is_range(node: Node) -> bool {
    spine_has_range(node, 0)
}

/// Bounded like the rest of the lowering: a spine deeper than
/// MAX_NESTING is not searched (and is lowered as TooDeep elsewhere).
fn spine_has_range(node: Node, depth: usize) -> bool {
    if depth > super::MAX_NESTING {
        return false;
    }
    match node.kind() {
        "range_expression" => true,
        "binary_expression" => ["left", "right"]
            .iter()
            .filter_map(|f| node.child_by_field_name(f))
            .any(|child| spine_has_range(child, depth + 1)),
        _ => false,
    }
}

/// Operator-precedence rebuild of `operand (op operand)*`, left-associative.
fn rebuild(pieces: Vec<Piece>) -> Option<Expr> {
    let mut operands: Vec<Expr> = Vec::new();
    let mut ops: Vec<SpineOp> = Vec::new();
    let reduce = |operands: &mut Vec<Expr>, ops: &mut Vec<SpineOp>| -> Option<()> {
        let op = ops.pop()?;
        let rhs = operands.pop()?;
        let lhs = operands.pop()?;
        let span = Span {
            start: lhs.span.start,
            end: rhs.span.end,
        };
        let (lhs, rhs) = (Box::new(lhs), Box::new(rhs));
        let kind = match op {
            SpineOp::Orelse => ExprKind::Orelse { lhs, rhs },
            SpineOp::Binary(op) => ExprKind::Binary { op, lhs, rhs },
        };
        operands.push(Expr { span, kind });
        Some(())
    };
    let mut expect_operand = true;
    for piece in pieces {
        match piece {
            Piece::Operand(e) if expect_operand => {
                operands.push(e);
                expect_operand = false;
            }
            Piece::Op(op) if !expect_operand => {
                while ops
                    .last()
                    .is_some_and(|top| top.precedence() >= op.precedence())
                {
                    reduce(&mut operands, &mut ops)?;
                }
                ops.push(op);
                expect_operand = true;
            }
            _ => return None, // a second `..` or a malformed spine
        }
    }
    if expect_operand {
        return None;
    }
    while !ops.is_empty() {
        reduce(&mut operands, &mut ops)?;
    }
    let result = operands.pop()?;
    operands.is_empty().then_some(result)
}
