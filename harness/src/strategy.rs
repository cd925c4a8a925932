//! Input strategies derived from the ABI types, biased towards the values
//! that break code: integer edges, and bytes built from a dictionary of
//! the literals found in the function (prefixes, separators, digits).

use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;
use zigport_oracle::abi::AbiType;

use crate::value::Value;

/// Literals to bias inputs with: byte fragments (strings, characters)
/// and integers found in the code under test and in its tests.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    pub fragments: Vec<Vec<u8>>,
    pub ints: Vec<i128>,
    /// Whole argument lists the module's tests pass (allocators left out),
    /// each value as the wire carries it: inputs known to reach the code.
    pub seeds: Vec<Vec<Value>>,
    /// Integers of small magnitude only: for a function whose loops run
    /// as many times as an argument says (random full-width integers
    /// would only make it hang).
    pub small_ints: bool,
}

impl Dictionary {
    pub fn new(fragments: &[&[u8]]) -> Self {
        Dictionary {
            fragments: fragments.iter().map(|f| f.to_vec()).collect(),
            ints: Vec::new(),
            seeds: Vec::new(),
            small_ints: false,
        }
    }
}

/// A strategy for a whole argument list.
pub fn arguments(params: &[AbiType], dict: &Dictionary) -> BoxedStrategy<Vec<Value>> {
    let generated = params
        .iter()
        .filter(|p| p.carried_in())
        .map(|p| value(p, dict))
        .collect::<Vec<_>>()
        .boxed();
    if dict.seeds.is_empty() {
        return generated;
    }
    // A quarter of the cases start from the tests' own arguments.
    prop_oneof![
        1 => prop::sample::select(dict.seeds.clone()),
        3 => generated,
    ]
    .boxed()
}

pub fn value(ty: &AbiType, dict: &Dictionary) -> BoxedStrategy<Value> {
    match ty {
        AbiType::Bool => any::<bool>().prop_map(Value::Bool).boxed(),
        AbiType::Int { signed, bits } => int(*signed, *bits, dict),
        AbiType::Float { bits } => float(*bits),
        AbiType::Bytes | AbiType::MutBytes | AbiType::ByteList => {
            bytes(dict).prop_map(Value::Bytes).boxed()
        }
        AbiType::IntSlice { signed, bits, .. } => {
            prop::collection::vec(int(*signed, *bits, dict), 0..16)
                .prop_map(Value::Tuple)
                .boxed()
        }
        AbiType::Slice { inner } => prop::collection::vec(value(inner, dict), 0..8)
            .prop_map(Value::Tuple)
            .boxed(),
        AbiType::Array { inner, len } => prop::collection::vec(value(inner, dict), *len)
            .prop_map(Value::Tuple)
            .boxed(),
        AbiType::Packed { bits, .. } => int(false, *bits, dict),
        AbiType::Union { variants, .. } if !variants.is_empty() => {
            let arms: Vec<BoxedStrategy<Value>> = variants
                .iter()
                .enumerate()
                .map(|(i, (_, payload))| {
                    let payload = payload
                        .as_ref()
                        .map_or_else(|| Just(Value::Void).boxed(), |t| value(t, dict));
                    payload
                        .prop_map(move |p| Value::Tuple(vec![Value::UInt(i as u128), p]))
                        .boxed()
                })
                .collect();
            prop::strategy::Union::new(arms).boxed()
        }
        AbiType::Record { fields, .. } | AbiType::Struct { fields } => fields
            .iter()
            .filter(|(_, t)| t.carried_in())
            .map(|(_, t)| value(t, dict))
            .collect::<Vec<_>>()
            .prop_map(Value::Tuple)
            .boxed(),
        // The declaration index (see `AbiType::Enum`).
        AbiType::Enum { tags, .. } if !tags.is_empty() => {
            (0..tags.len() as u128).prop_map(Value::UInt).boxed()
        }
        AbiType::Ref { inner, .. } | AbiType::Unobserved { inner } => value(inner, dict),
        AbiType::Optional { inner } => {
            prop_oneof![1 => Just(Value::Null), 4 => value(inner, dict)].boxed()
        }
        _ => Just(Value::Void).boxed(),
    }
}

/// The magnitude bound of [`Dictionary::small_ints`].
const SMALL: i128 = 1024;

fn int(signed: bool, bits: u16, dict: &Dictionary) -> BoxedStrategy<Value> {
    let literals = &dict.ints;
    let bits = u32::from(bits.clamp(1, 127));
    if dict.small_ints {
        let (min, max) = if signed {
            (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
        } else if bits >= 127 {
            (0, i128::MAX)
        } else {
            (0, (1i128 << bits) - 1)
        };
        let (min, max) = (min.max(-SMALL), max.min(SMALL));
        let mut edges: Vec<i128> = literals
            .iter()
            .copied()
            .filter(|v| (min..=max).contains(v))
            .collect();
        edges.extend(
            [0, 1, min, max]
                .into_iter()
                .filter(|v| (min..=max).contains(v)),
        );
        return prop_oneof![3 => prop::sample::select(edges), 6 => min..=max]
            .prop_map(move |v| {
                if signed {
                    Value::Int(v)
                } else {
                    Value::UInt(v as u128)
                }
            })
            .boxed();
    }
    // Literals from the code and their neighbours, plus the type's edges.
    let near = |l: &i128| [l.saturating_sub(1), *l, l.saturating_add(1)];
    if signed {
        let max = (1i128 << (bits - 1)) - 1;
        let min = -max - 1;
        let mut edges: Vec<i128> = literals
            .iter()
            .flat_map(near)
            .filter(|v| (min..=max).contains(v))
            .collect();
        edges.extend([0, 1, -1, min, max, min + 1, max - 1]);
        prop_oneof![
            6 => min..=max,
            3 => prop::sample::select(edges),
            2 => (-64i128..=64).prop_map(move |v| v.clamp(min, max)),
        ]
        .prop_map(Value::Int)
        .boxed()
    } else {
        let max = if bits >= 128 {
            u128::MAX
        } else {
            (1u128 << bits) - 1
        };
        let mut edges: Vec<u128> = literals
            .iter()
            .flat_map(near)
            .filter_map(|v| u128::try_from(v).ok())
            .filter(|&v| v <= max)
            .collect();
        edges.extend([0, 1, 2, max, max - 1, max / 2]);
        prop_oneof![
            6 => 0..=max,
            3 => prop::sample::select(edges),
            2 => (0u128..=64).prop_map(move |v| v.min(max)),
        ]
        .prop_map(Value::UInt)
        .boxed()
    }
}

/// Any float of the width (as f64), with IEEE edge values and small
/// numbers favoured; f16 is drawn as f32 and may round on the Zig side.
fn float(bits: u16) -> BoxedStrategy<Value> {
    let edges = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        f64::MIN_POSITIVE,
        1e-300,
        1e300,
    ];
    let any_width = if bits <= 32 {
        any::<f32>().prop_map(f64::from).boxed()
    } else {
        any::<f64>().boxed()
    };
    prop_oneof![
        5 => any_width,
        3 => prop::sample::select(edges),
        2 => (-1000i32..1000).prop_map(|v| f64::from(v) / 8.0),
    ]
    .prop_map(Value::float)
    .boxed()
}

/// Random bytes, printable ASCII, and concatenations of dictionary
/// fragments with noise: most bugs live near valid inputs.
fn bytes(dict: &Dictionary) -> BoxedStrategy<Vec<u8>> {
    let raw = prop::collection::vec(any::<u8>(), 0..24);
    let ascii = prop::collection::vec(0x20u8..0x7f, 0..24);
    if dict.fragments.is_empty() {
        return prop_oneof![raw, ascii].boxed();
    }
    let piece = prop_oneof![
        4 => prop::sample::select(dict.fragments.clone()),
        1 => prop::collection::vec(any::<u8>(), 1..3),
    ];
    let built = prop::collection::vec(piece, 0..8).prop_map(|parts| parts.concat());
    prop_oneof![2 => raw, 2 => ascii, 6 => built].boxed()
}
