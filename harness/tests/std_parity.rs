//! Zig's own std against the support crate's twins, 10,000 cases each,
//! zero divergences. The Zig side is the real std of the pinned toolchain,
//! built ReleaseSafe by the oracle.

mod common;

use common::*;
use proptest::prelude::*;
use zigport_harness::strategy::value;
use zigport_harness::{Value, Verdict};
use zigport_oracle::abi::AbiType;
use zigport_support::{ascii, base64, fmt, random, semver, sort, unicode, wyhash};

const CASES: usize = 10_000;

fn assert_agrees(v: &Verdict) {
    assert_eq!(v.cases, CASES, "{}: {v:#?}", v.name);
    assert_eq!(v.diverged, 0, "{}: {:#?}", v.name, v.counterexample);
}

/// For fallible functions: the inputs must exercise both outcomes, or
/// agreement proves little.
fn assert_mixed(v: &Verdict) {
    assert_agrees(v);
    let ok = v.cases - v.zig_errors - v.zig_traps;
    assert!(
        ok >= CASES / 20 && v.zig_errors >= CASES / 20,
        "{}: {ok} ok, {} errors",
        v.name,
        v.zig_errors
    );
}

fn result<T>(r: Result<T, &'static str>, ok: impl FnOnce(T) -> Value) -> Value {
    match r {
        Ok(v) => ok(v),
        Err(name) => Value::Error(name.into()),
    }
}

#[test]
fn ascii_classifiers_and_case() {
    type Classifier = (&'static str, fn(u8) -> bool);
    let classifiers: [Classifier; 10] = [
        ("is_alphanumeric", ascii::is_alphanumeric),
        ("is_alphabetic", ascii::is_alphabetic),
        ("is_control", ascii::is_control),
        ("is_digit", ascii::is_digit),
        ("is_lower", ascii::is_lower),
        ("is_upper", ascii::is_upper),
        ("is_print", ascii::is_print),
        ("is_whitespace", ascii::is_whitespace),
        ("is_hex", ascii::is_hex),
        ("is_ascii", ascii::is_ascii),
    ];
    for (name, f) in classifiers {
        let rust = move |a: &[Value]| Value::Bool(f(byte(a, 0)));
        assert_agrees(&check(
            name,
            &[u8_t()],
            AbiType::Bool,
            &Dictionary::default(),
            &rust,
            CASES,
        ));
    }
    for (name, f) in [
        ("to_upper", ascii::to_upper as fn(u8) -> u8),
        ("to_lower", ascii::to_lower),
    ] {
        let rust = move |a: &[Value]| Value::UInt(u128::from(f(byte(a, 0))));
        assert_agrees(&check(
            name,
            &[u8_t()],
            u8_t(),
            &Dictionary::default(),
            &rust,
            CASES,
        ));
    }
}

#[test]
fn wyhash_hash() {
    let rust = |a: &[Value]| Value::UInt(u128::from(wyhash::hash(uint(a, 0) as u64, bytes(a, 1))));
    let params = [AbiType::int(false, 64), AbiType::Bytes];
    let dict = Dictionary::new(&[
        b"0123456789abcdef",
        b"0123456789abcdef0123456789abcdef0123456789abcdef",
        b"x",
    ]);
    assert_agrees(&check(
        "wyhash",
        &params,
        AbiType::int(false, 64),
        &dict,
        &rust,
        CASES,
    ));
}

#[test]
fn base64_standard_encode_and_decode() {
    let dict = Dictionary::new(&[
        b"QUJD", b"Zm9v", b"=", b"==", b"+/", b"A", b"z9", b" ", b"\x00",
    ]);
    assert_base64_agrees(
        ("b64_encode", "b64_decode"),
        &dict,
        base64::standard_encode,
        base64::standard_decode,
    );
}

#[test]
fn base64_url_safe_no_pad_encode_and_decode() {
    // No padding: every length but 4k+1 decodes, and `=` is just invalid.
    let dict = Dictionary::new(&[
        b"QUJD", b"Zm9v", b"=", b"-_", b"+/", b"A", b"z9", b"AA", b"\x00",
    ]);
    let codec = base64::URL_SAFE_NO_PAD;
    let encode = |src: &[u8]| {
        let mut out = vec![0u8; codec.calc_size(src.len())];
        codec.encode(&mut out, src).to_vec()
    };
    let decode = |src: &[u8]| {
        codec.calc_size_for_slice(src).and_then(|n| {
            let mut out = vec![0u8; n];
            codec.decode(&mut out, src).map(|()| out)
        })
    };
    assert_base64_agrees(("b64_url_encode", "b64_url_decode"), &dict, encode, decode);
}

/// A codec's encoder and decoder against the Zig shims `names`: every
/// encoding agrees, and decoding agrees on inputs both accepted and rejected.
fn assert_base64_agrees(
    names: (&str, &str),
    dict: &Dictionary,
    encode: impl Fn(&[u8]) -> Vec<u8> + Sync,
    decode: impl Fn(&[u8]) -> Result<Vec<u8>, base64::DecodeError> + Sync,
) {
    let encode = |a: &[Value]| Value::Bytes(encode(bytes(a, 0)));
    assert_agrees(&check(
        names.0,
        &[AbiType::Bytes],
        AbiType::Bytes,
        dict,
        &encode,
        CASES,
    ));
    let decode = |a: &[Value]| result(decode(bytes(a, 0)).map_err(|e| e.name()), Value::Bytes);
    assert_mixed(&check(
        names.1,
        &[AbiType::Bytes],
        err(AbiType::Bytes),
        dict,
        &decode,
        CASES,
    ));
}

/// Text biased to numbers (signs, prefixes, separators, edge values) and
/// the bases Zig programs use, with any other base now and then.
fn parse_inputs(dict: &Dictionary) -> BoxedStrategy<Vec<Value>> {
    let number = (
        prop::sample::select(vec!["", "", "-", "+"]),
        prop::sample::select(vec!["", "", "", "", "", "0x", "0o", "0b", "0X"]),
        prop::collection::vec(
            prop::sample::select(vec![
                "0", "1", "2", "5", "7", "9", "12", "42", "99", "127", "128", "255", "f", "F", "z",
                "_", "65535",
            ]),
            1..3,
        ),
    )
        .prop_map(|(sign, prefix, digits)| {
            Value::Bytes(format!("{sign}{prefix}{}", digits.concat()).into_bytes())
        });
    let text = prop_oneof![7 => number, 3 => value(&AbiType::Bytes, dict)];
    let base =
        prop_oneof![8 => prop::sample::select(vec![0u8, 2, 8, 10, 16, 36]), 2 => any::<u8>()]
            .prop_map(|b| Value::UInt(b.into()));
    (text, base).prop_map(|(t, b)| vec![t, b]).boxed()
}

#[test]
fn fmt_parse_int_and_parse_unsigned() {
    let dict = Dictionary::new(&[
        b"0x",
        b"0o",
        b"0b",
        b"0X",
        b"_",
        b"-",
        b"+",
        b"1",
        b"7",
        b"9",
        b"f",
        b"Z",
        b"255",
        b"128",
        b"-128",
        b"18446744073709551615",
        b"9223372036854775808",
    ]);
    macro_rules! both {
        ($t:ty, $signed:expr, $bits:expr) => {{
            let name = format!("{}{}", if $signed { 'i' } else { 'u' }, $bits);
            let ty = AbiType::int($signed, $bits);
            let int = |a: &[Value]| {
                result(
                    fmt::parse_int::<$t>(bytes(a, 0), byte(a, 1)).map_err(|e| e.name()),
                    |v| Value::Int(v as i128),
                )
            };
            assert_mixed(&check_inputs(
                &format!("parse_int_{name}"),
                parse_inputs(&dict),
                err(ty.clone()),
                &int,
                CASES,
            ));
            let unsigned = |a: &[Value]| {
                result(
                    fmt::parse_unsigned::<$t>(bytes(a, 0), byte(a, 1)).map_err(|e| e.name()),
                    |v| Value::Int(v as i128),
                )
            };
            assert_mixed(&check_inputs(
                &format!("parse_unsigned_{name}"),
                parse_inputs(&dict),
                err(ty),
                &unsigned,
                CASES,
            ));
        }};
    }
    both!(i8, true, 8);
    both!(u8, false, 8);
    both!(u16, false, 16);
    both!(i32, true, 32);
    both!(u64, false, 64);
    both!(i64, true, 64);
}

fn version_value(v: semver::Version) -> Value {
    let opt = |b: Option<Vec<u8>>| b.map_or(Value::Null, Value::Bytes);
    Value::Tuple(vec![
        Value::UInt(v.major as u128),
        Value::UInt(v.minor as u128),
        Value::UInt(v.patch as u128),
        opt(v.pre),
        opt(v.build),
    ])
}

/// `MAJOR.MINOR.PATCH[-pre][+build]` from small parts, sometimes broken.
fn version_text(dict: &Dictionary) -> BoxedStrategy<Value> {
    let num = prop::sample::select(vec![
        "0",
        "1",
        "2",
        "10",
        "01",
        "99",
        "1_0",
        "18446744073709551616",
    ]);
    let ident = prop::sample::select(vec![
        "alpha", "beta", "rc", "1", "2", "11", "0", "x-y", "01", "",
    ]);
    let idents = prop::collection::vec(ident, 1..4).prop_map(|v| v.join("."));
    let well_formed = (
        num.clone(),
        num.clone(),
        num,
        prop::option::of(idents.clone()),
        prop::option::of(idents),
    )
        .prop_map(|(a, b, c, pre, build)| {
            let mut s = format!("{a}.{b}.{c}");
            if let Some(p) = pre {
                s.push('-');
                s.push_str(&p);
            }
            if let Some(b) = build {
                s.push('+');
                s.push_str(&b);
            }
            Value::Bytes(s.into_bytes())
        });
    prop_oneof![8 => well_formed, 2 => value(&AbiType::Bytes, dict)].boxed()
}

#[test]
fn semantic_version_parse_and_order() {
    let dict = Dictionary::new(&[
        b"1",
        b"0",
        b"10",
        b"01",
        b".",
        b"-",
        b"+",
        b"alpha",
        b"beta.2",
        b"rc",
        b"x",
        b"18446744073709551616",
        b"1.2.3",
    ]);
    let ret = err(version_abi());
    let parse = |a: &[Value]| {
        result(
            semver::Version::parse(bytes(a, 0)).map_err(|e| e.name()),
            version_value,
        )
    };
    assert_mixed(&check_inputs(
        "semver_parse",
        version_text(&dict).prop_map(|v| vec![v]).boxed(),
        ret,
        &parse,
        CASES,
    ));
    let order = |a: &[Value]| {
        let both = semver::Version::parse(bytes(a, 0))
            .and_then(|x| semver::Version::parse(bytes(a, 1)).map(|y| x.order(&y)));
        result(both.map_err(|e| e.name()), |o| {
            Value::Bytes(match o {
                std::cmp::Ordering::Less => b"lt".to_vec(),
                std::cmp::Ordering::Equal => b"eq".to_vec(),
                std::cmp::Ordering::Greater => b"gt".to_vec(),
            })
        })
    };
    let pair = (version_text(&dict), version_text(&dict))
        .prop_map(|(a, b)| vec![a, b])
        .boxed();
    assert_agrees(&check_inputs(
        "semver_order",
        pair,
        err(AbiType::EnumName),
        &order,
        CASES,
    ));
}

#[test]
fn unicode_utf8_validate_and_decode() {
    let dict = Dictionary::new(&[
        b"a",
        "é".as_bytes(),
        "€".as_bytes(),
        "😀".as_bytes(),
        b"\xed\xa0\x80",
        b"\xc0\x80",
        b"\xf4\x90\x80\x80",
        b"\x80",
        b"\xff",
    ]);
    let validate = |a: &[Value]| Value::Bool(unicode::utf8_validate_slice(bytes(a, 0)));
    assert_agrees(&check(
        "utf8_validate",
        &[AbiType::Bytes],
        AbiType::Bool,
        &dict,
        &validate,
        CASES,
    ));
    let decode = |a: &[Value]| {
        result(
            unicode::utf8_decode(bytes(a, 0)).map_err(|e| e.name()),
            |c| Value::UInt(u128::from(c)),
        )
    };
    // Sequences whose length matches their lead byte (the decoder's
    // contract), from valid characters and from random continuations.
    let sequence = prop_oneof![
        5 => any::<char>().prop_map(|c| c.to_string().into_bytes()),
        4 => (any::<u8>(), prop::collection::vec(any::<u8>(), 3)).prop_map(|(lead, rest)| {
            let n = unicode::utf8_byte_sequence_length(lead).map_or(1, usize::from);
            let mut s = vec![lead];
            s.extend(&rest[..n - 1]);
            s
        }),
        1 => prop::collection::vec(any::<u8>(), 0..6),
    ];
    let inputs = sequence.prop_map(|s| vec![Value::Bytes(s)]).boxed();
    assert_mixed(&check_inputs(
        "utf8_decode",
        inputs,
        err(AbiType::int(false, 21)),
        &decode,
        CASES,
    ));
}

#[test]
fn float_builtins_and_arithmetic() {
    let f64_t = AbiType::Float { bits: 64 };
    let f32_t = AbiType::Float { bits: 32 };
    let sqrt = |a: &[Value]| Value::float(float(a, 0).sqrt());
    assert_agrees(&check(
        "sqrt_f64",
        std::slice::from_ref(&f64_t),
        f64_t.clone(),
        &Dictionary::default(),
        &sqrt,
        CASES,
    ));
    let floor = |a: &[Value]| Value::float(f64::from((float(a, 0) as f32).floor()));
    assert_agrees(&check(
        "floor_f32",
        std::slice::from_ref(&f32_t),
        f32_t.clone(),
        &Dictionary::default(),
        &floor,
        CASES,
    ));
    let mul_add = |a: &[Value]| Value::float(float(a, 0) * float(a, 1) + 1.5);
    assert_agrees(&check(
        "mul_add_f64",
        &[f64_t.clone(), f64_t.clone()],
        f64_t,
        &Dictionary::default(),
        &mul_add,
        CASES,
    ));
}

#[test]
fn output_buffers_are_compared_too() {
    // `std.ascii.lowerString(output, input)` writes into `output` and
    // returns the written prefix; Zig asserts `output.len >= input.len`.
    // The support twin the ports call (`zigport_rt::ascii::lower_string`).
    let lower = |a: &[Value]| {
        let mut out = bytes(a, 0).to_vec();
        let written = ascii::lower_string(&mut out, bytes(a, 1)).to_vec();
        Value::Tuple(vec![Value::Bytes(written), Value::Bytes(out)])
    };
    let shim = std_shims()
        .into_iter()
        .find(|f| f.name == "lower_string")
        .expect("shim");
    let dict = Dictionary::new(&[b"ABC", b"xyz", b"Hello", b"\xff"]);
    let v = check(
        "lower_string",
        &shim.params,
        shim.output_type(),
        &dict,
        &lower,
        CASES,
    );
    assert_agrees(&v);
    assert!(
        v.zig_traps > 0 && v.zig_traps < CASES,
        "both the assert and the happy path ran: {v:#?}"
    );
}

#[test]
fn unicode_utf8_encode() {
    // Code points around every length boundary and the surrogate range,
    // and output buffers from too short to long enough: Zig asserts the
    // buffer fits (both sides trap), writes the sequence, or returns an
    // error before writing.
    let encode = |a: &[Value]| {
        let mut out = bytes(a, 1).to_vec();
        let c = uint(a, 0) as u32;
        let r = result(
            unicode::utf8_encode(c, &mut out).map_err(|e| e.name()),
            |n| Value::UInt(u128::from(n)),
        );
        Value::Tuple(vec![r, Value::Bytes(out)])
    };
    let edges: Vec<u128> = vec![
        0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF,
        0x110000, 0x1FFFFF,
    ];
    let code_point = prop_oneof![
        3 => prop::sample::select(edges),
        5 => 0u128..0x200000,
    ];
    let buffer = prop::collection::vec(any::<u8>(), 0..6);
    let inputs = (code_point, buffer)
        .prop_map(|(c, b)| vec![Value::UInt(c), Value::Bytes(b)])
        .boxed();
    let shim = std_shims()
        .into_iter()
        .find(|f| f.name == "utf8_encode")
        .expect("shim");
    let v = check_inputs("utf8_encode", inputs, shim.output_type(), &encode, CASES);
    assert_agrees(&v);
    assert!(
        v.zig_traps > 0 && v.zig_traps < CASES,
        "both the assert and the encoding ran: {v:#?}"
    );
}

#[test]
fn random_default_prng_bytes_and_ints() {
    // `std.Random.DefaultPrng` seeded alike draws the same bytes and
    // integers (the buffer written is compared, and the drawn value).
    let draw = |a: &[Value]| {
        let mut buf = bytes(a, 1).to_vec();
        let mut prng = random::Xoshiro256::init(uint(a, 0) as u64);
        prng.bytes(&mut buf);
        let x: u64 = prng.int::<u64>();
        let y = u64::from(prng.int::<i32>() as u32);
        let z = u64::from(prng.int::<u16>());
        Value::Tuple(vec![
            Value::UInt(u128::from(x ^ (y << 16) ^ (z << 48))),
            Value::Bytes(buf),
        ])
    };
    let shim = std_shims()
        .into_iter()
        .find(|f| f.name == "prng_draw")
        .expect("shim");
    let dict = Dictionary::new(&[b"0123456", b"01234567", b"012345678"]);
    let v = check(
        "prng_draw",
        &shim.params,
        shim.output_type(),
        &dict,
        &draw,
        CASES,
    );
    assert_agrees(&v);
}

#[test]
fn sort_pdq_orders_equal_keys_as_zig() {
    // Sorted by the top three bits only, so the order among equal keys is
    // the algorithm's own; long inputs (fragments up to 200 bytes) reach
    // the ninther pivot, partitioning and pattern breaking.
    let sort_high_bits = |a: &[Value]| {
        let mut buf = bytes(a, 0).to_vec();
        sort::pdq(&mut buf, |x, y| x >> 5 < y >> 5);
        Value::Tuple(vec![Value::UInt(buf.len() as u128), Value::Bytes(buf)])
    };
    let shim = std_shims()
        .into_iter()
        .find(|f| f.name == "pdq_high_bits")
        .expect("shim");
    let fragment = |len: usize, step: u8| -> Vec<u8> {
        (0..len)
            .map(|i| (i as u8).wrapping_mul(step).wrapping_add(i as u8 >> 3))
            .collect()
    };
    let (a, b, c) = (fragment(30, 37), fragment(64, 101), fragment(200, 59));
    let descending: Vec<u8> = (0..=255u8).rev().collect();
    let dict = Dictionary::new(&[&a, &b, &c, &descending, b"\x00\x00\x00\x00\x00"]);
    let v = check(
        "pdq_high_bits",
        &shim.params,
        shim.output_type(),
        &dict,
        &sort_high_bits,
        CASES,
    );
    assert_agrees(&v);
}

#[test]
fn random_uint_less_than() {
    // Bounds of u8, u32 and usize, from 1 up: the rejection loop runs
    // when a draw falls under Zig's threshold.
    let draw = |a: &[Value]| {
        let mut prng = random::Xoshiro256::init(uint(a, 0) as u64);
        let b = (uint(a, 1) as u32) | 1;
        let x = u64::from(prng.uint_less_than::<u8>((b | 0x80) as u8));
        let y = u64::from(prng.uint_less_than::<u32>(b));
        let z = prng.uint_less_than::<usize>((b as usize) << 31) as u64;
        Value::UInt(u128::from(x ^ (y << 8) ^ (z << 20)))
    };
    let shim = std_shims()
        .into_iter()
        .find(|f| f.name == "prng_less_than")
        .expect("shim");
    let v = check(
        "prng_less_than",
        &shim.params,
        shim.output_type(),
        &Dictionary::new(&[]),
        &draw,
        CASES,
    );
    assert_agrees(&v);
}
