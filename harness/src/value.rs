//! Values crossing the shim ABI, and their wire encoding
//! (see `zigport_oracle::abi`).

use serde::{Deserialize, Serialize};
use zigport_oracle::abi::{AbiType, Wire};

/// A serialised argument or result. Integers keep their signedness so a
/// `u64` and an `i64` never compare equal by accident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Value {
    Void,
    Bool(bool),
    Int(i128),
    UInt(u128),
    /// f64 bits; every NaN is stored as the canonical quiet NaN, so NaN
    /// payload differences between Zig and Rust count as agreement.
    Float(u64),
    Bytes(Vec<u8>),
    Null,
    Error(String),
    Tuple(Vec<Value>),
}

/// What one side did with one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Returned(Value),
    /// A Zig safety panic / Rust panic, with its message.
    Trapped(String),
    /// No answer within the time limit.
    Hung,
}

impl Outcome {
    /// The oracle's equivalence: equal results, or both trapped.
    pub fn agrees_with(&self, other: &Outcome) -> bool {
        match (self, other) {
            (Outcome::Returned(a), Outcome::Returned(b)) => a == b,
            (Outcome::Trapped(_), Outcome::Trapped(_)) => true,
            _ => false,
        }
    }
}

impl Value {
    pub fn float(v: f64) -> Value {
        Value::Float(if v.is_nan() {
            f64::NAN.to_bits()
        } else {
            v.to_bits()
        })
    }

    /// Normalises integer signedness to the declared type, so a Rust twin
    /// may build results with either constructor.
    pub fn conform(self, ty: &AbiType) -> Value {
        match (self, ty) {
            (Value::UInt(u), AbiType::Int { signed: true, .. }) => {
                i128::try_from(u).map_or(Value::UInt(u), Value::Int)
            }
            (Value::Int(i), AbiType::Int { signed: false, .. }) => {
                u128::try_from(i).map_or(Value::Int(i), Value::UInt)
            }
            (Value::Tuple(items), AbiType::IntSlice { signed, bits, .. }) => {
                let int = AbiType::int(*signed, *bits);
                Value::Tuple(items.into_iter().map(|v| v.conform(&int)).collect())
            }
            (v, AbiType::Ref { inner, .. }) => v.conform(inner),
            (Value::Void, AbiType::Unobserved { .. }) => Value::Void,
            (Value::Tuple(items), AbiType::Union { variants, .. }) => match &items[..] {
                [Value::Bytes(name), payload] => {
                    let ty = variants
                        .iter()
                        .find(|(n, _)| n.as_bytes() == &name[..])
                        .and_then(|(_, t)| t.as_ref());
                    let payload = match ty {
                        Some(t) => payload.clone().conform(t),
                        None => payload.clone(),
                    };
                    Value::Tuple(vec![Value::Bytes(name.clone()), payload])
                }
                _ => Value::Tuple(items),
            },
            (Value::Tuple(items), AbiType::Array { inner, .. } | AbiType::Slice { inner }) => {
                Value::Tuple(items.into_iter().map(|v| v.conform(inner)).collect())
            }
            (v, AbiType::Packed { bits, .. }) => v.conform(&AbiType::int(false, *bits)),
            // The constructor's outcome, then `(member, output)` per step.
            (Value::Tuple(items), AbiType::Sequence { steps }) => Value::Tuple(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| match item {
                        Value::Tuple(pair) if i > 0 && pair.len() == 2 => {
                            let ty = match &pair[0] {
                                Value::Bytes(name) => steps
                                    .iter()
                                    .find(|(n, _)| n.as_bytes() == &name[..])
                                    .map(|(_, t)| t),
                                _ => None,
                            };
                            match ty {
                                Some(t) => {
                                    let mut pair = pair;
                                    let out = pair.pop().unwrap_or(Value::Void).conform(t);
                                    pair.push(out);
                                    Value::Tuple(pair)
                                }
                                None => Value::Tuple(pair),
                            }
                        }
                        other => other,
                    })
                    .collect(),
            ),
            (Value::Tuple(items), AbiType::Struct { fields } | AbiType::Record { fields, .. }) => {
                Value::Tuple(
                    items
                        .into_iter()
                        .zip(
                            fields
                                .iter()
                                .map(|(_, t)| t)
                                .filter(|t| t.carried_out())
                                .chain(std::iter::repeat(&AbiType::Void)),
                        )
                        .map(|(v, t)| v.conform(t))
                        .collect(),
                )
            }
            (v, AbiType::Optional { inner }) | (v, AbiType::ErrorUnion { payload: inner }) => {
                match v {
                    Value::Null | Value::Error(_) => v,
                    other => other.conform(inner),
                }
            }
            (v, _) => v,
        }
    }

    pub fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Value::Void => out.push(Wire::VOID),
            Value::Bool(b) => out.extend([Wire::BOOL, u8::from(*b)]),
            Value::Int(i) => {
                out.push(Wire::INT);
                out.extend(i.to_le_bytes());
            }
            Value::UInt(u) => {
                out.push(Wire::UINT);
                out.extend(u.to_le_bytes());
            }
            Value::Float(bits) => {
                out.push(Wire::FLOAT);
                out.extend(bits.to_le_bytes());
            }
            Value::Bytes(b) => length_prefixed(out, Wire::BYTES, b),
            Value::Null => out.push(Wire::NULL),
            Value::Error(e) => length_prefixed(out, Wire::ERROR, e.as_bytes()),
            Value::Tuple(items) => {
                out.push(Wire::TUPLE);
                out.extend((items.len() as u32).to_le_bytes());
                for item in items {
                    item.encode(out);
                }
            }
        }
    }

    /// Decodes one value; `None` on malformed input.
    pub fn decode(buf: &[u8]) -> Option<(Value, &[u8])> {
        let (&tag, rest) = buf.split_first()?;
        Some(match tag {
            Wire::VOID => (Value::Void, rest),
            Wire::BOOL => (Value::Bool(*rest.first()? != 0), &rest[1..]),
            Wire::INT => (
                Value::Int(i128::from_le_bytes(rest.get(..16)?.try_into().ok()?)),
                &rest[16..],
            ),
            Wire::UINT => (
                Value::UInt(u128::from_le_bytes(rest.get(..16)?.try_into().ok()?)),
                &rest[16..],
            ),
            Wire::FLOAT => (
                Value::float(f64::from_bits(u64::from_le_bytes(
                    rest.get(..8)?.try_into().ok()?,
                ))),
                &rest[8..],
            ),
            Wire::BYTES | Wire::ERROR => {
                let n = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
                let data = rest.get(4..4 + n)?.to_vec();
                let value = if tag == Wire::BYTES {
                    Value::Bytes(data)
                } else {
                    Value::Error(String::from_utf8_lossy(&data).into_owned())
                };
                (value, &rest[4 + n..])
            }
            Wire::NULL => (Value::Null, rest),
            Wire::TUPLE => {
                let n = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
                let mut rest = &rest[4..];
                let mut items = Vec::with_capacity(n.min(64));
                for _ in 0..n {
                    let (v, r) = Value::decode(rest)?;
                    items.push(v);
                    rest = r;
                }
                (Value::Tuple(items), rest)
            }
            _ => return None,
        })
    }
}

fn length_prefixed(out: &mut Vec<u8>, tag: u8, data: &[u8]) {
    out.push(tag);
    out.extend((data.len() as u32).to_le_bytes());
    out.extend_from_slice(data);
}

/// The encoding of an argument list.
pub fn encode_args(args: &[Value]) -> Vec<u8> {
    let mut out = Vec::with_capacity(32);
    for a in args {
        a.encode(&mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let v = Value::Tuple(vec![
            Value::float(-2.5),
            Value::float(f64::NAN),
            Value::Int(-5),
            Value::UInt(u128::MAX),
            Value::Bytes(b"hi".to_vec()),
            Value::Null,
            Value::Error("Overflow".into()),
            Value::Bool(true),
        ]);
        let mut buf = Vec::new();
        v.encode(&mut buf);
        assert_eq!(Value::decode(&buf), Some((v, &[][..])));
        assert_eq!(Value::decode(&[0x42]), None);
        assert_eq!(Value::decode(&[Wire::BYTES, 9, 0, 0, 0, 1]), None);
    }

    #[test]
    fn equivalence_is_equal_results_or_both_trapped() {
        let a = Outcome::Returned(Value::Int(1));
        assert!(a.agrees_with(&Outcome::Returned(Value::Int(1))));
        assert!(!a.agrees_with(&Outcome::Trapped("x".into())));
        assert!(Outcome::Trapped("a".into()).agrees_with(&Outcome::Trapped("b".into())));
        assert!(!Outcome::Hung.agrees_with(&Outcome::Hung));
        assert_eq!(
            Value::Int(3).conform(&AbiType::int(false, 8)),
            Value::UInt(3)
        );
    }
}
