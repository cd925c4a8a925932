//! Builds (once per test binary) the shim library of Zig std functions
//! the parity tests compare against, with the pinned Zig.
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use zigport_harness::zig::{ZigFn, ZigLibrary};
use zigport_harness::{RunConfig, RustSide, Subject, Value, Verdict, verify};
use zigport_oracle::abi::{AbiType, ShimFn};
use zigport_oracle::build::build_shared_library;
use zigport_oracle::shim;
use zigport_oracle::toolchain::{self, ToolchainRequest};

pub use zigport_harness::strategy::{Dictionary, arguments};

pub fn u8_t() -> AbiType {
    AbiType::int(false, 8)
}

pub fn err(payload: AbiType) -> AbiType {
    AbiType::ErrorUnion {
        payload: Box::new(payload),
    }
}

pub fn shim_fn(name: &str, params: Vec<AbiType>, ret: AbiType, zig_call: &str) -> ShimFn {
    ShimFn {
        name: name.into(),
        params,
        ret,
        zig_call: zig_call.into(),
    }
}

/// Zig helpers the shim calls for functions that need a buffer or
/// combine calls.
const HELPERS: &str = r#"
var b64_buf: [1 << 16]u8 = undefined;

fn b64Encode(src: []const u8) []const u8 {
    return std.base64.standard.Encoder.encode(&b64_buf, src);
}

fn b64Decode(src: []const u8) ![]const u8 {
    const n = try std.base64.standard.Decoder.calcSizeForSlice(src);
    if (n > b64_buf.len) return error.NoSpaceLeft;
    try std.base64.standard.Decoder.decode(b64_buf[0..n], src);
    return b64_buf[0..n];
}

fn b64UrlEncode(src: []const u8) []const u8 {
    return std.base64.url_safe_no_pad.Encoder.encode(&b64_buf, src);
}

fn b64UrlDecode(src: []const u8) ![]const u8 {
    const n = try std.base64.url_safe_no_pad.Decoder.calcSizeForSlice(src);
    if (n > b64_buf.len) return error.NoSpaceLeft;
    try std.base64.url_safe_no_pad.Decoder.decode(b64_buf[0..n], src);
    return b64_buf[0..n];
}

/// `std.Random.DefaultPrng`: fill `buf`, then draw a `u64`, an `i32` and
/// a `u16` (sizes that read 8, 4 and 2 bytes).
fn prngDraw(seed: u64, buf: []u8) u64 {
    var prng = std.Random.DefaultPrng.init(seed);
    const rand = prng.random();
    rand.bytes(buf);
    const a = rand.int(u64);
    const b: u64 = @as(u32, @bitCast(rand.int(i32)));
    const c: u64 = rand.int(u16);
    return a ^ (b << 16) ^ (c << 48);
}

/// `Random.uintLessThan` over three widths; small bounds reject often.
fn prngLessThan(seed: u64, bound: u32) u64 {
    var prng = std.Random.DefaultPrng.init(seed);
    const rand = prng.random();
    const b = bound | 1;
    const x: u64 = rand.uintLessThan(u8, @truncate(b | 0x80));
    const y: u64 = rand.uintLessThan(u32, b);
    const z: u64 = rand.uintLessThan(usize, @as(usize, b) << 31);
    return x ^ (y << 8) ^ (z << 20);
}

/// `std.sort.pdq` by the top three bits only: equal keys abound, and the
/// bytes show where the unstable sort left each of them.
fn pdqHighBits(buf: []u8) u64 {
    std.sort.pdq(u8, buf, {}, struct {
        fn lessThan(_: void, a: u8, b: u8) bool {
            return a >> 5 < b >> 5;
        }
    }.lessThan);
    return buf.len;
}

fn semverOrder(a: []const u8, b: []const u8) !std.math.Order {
    return std.SemanticVersion.order(try std.SemanticVersion.parse(a), try std.SemanticVersion.parse(b));
}

fn overflowing(x: u8) u8 {
    return x + 200;
}

fn panicsOnSeven(x: u8) u8 {
    if (x == 7) @panic("seven");
    return x;
}
"#;

/// `std.SemanticVersion`, field by field.
pub fn version_abi() -> AbiType {
    let usize_t = || AbiType::int(false, 64);
    let opt_bytes = || AbiType::Optional {
        inner: Box::new(AbiType::Bytes),
    };
    AbiType::Struct {
        fields: vec![
            ("major".into(), usize_t()),
            ("minor".into(), usize_t()),
            ("patch".into(), usize_t()),
            ("pre".into(), opt_bytes()),
            ("build".into(), opt_bytes()),
        ],
    }
}

pub fn std_shims() -> Vec<ShimFn> {
    let mut fns = Vec::new();
    for (name, zig) in [
        ("is_alphanumeric", "isAlphanumeric"),
        ("is_alphabetic", "isAlphabetic"),
        ("is_control", "isControl"),
        ("is_digit", "isDigit"),
        ("is_lower", "isLower"),
        ("is_upper", "isUpper"),
        ("is_print", "isPrint"),
        ("is_whitespace", "isWhitespace"),
        ("is_hex", "isHex"),
        ("is_ascii", "isAscii"),
    ] {
        fns.push(shim_fn(
            name,
            vec![u8_t()],
            AbiType::Bool,
            &format!("std.ascii.{zig}({{0}})"),
        ));
    }
    fns.push(shim_fn(
        "to_upper",
        vec![u8_t()],
        u8_t(),
        "std.ascii.toUpper({0})",
    ));
    fns.push(shim_fn(
        "to_lower",
        vec![u8_t()],
        u8_t(),
        "std.ascii.toLower({0})",
    ));
    fns.push(shim_fn(
        "wyhash",
        vec![AbiType::int(false, 64), AbiType::Bytes],
        AbiType::int(false, 64),
        "std.hash.Wyhash.hash({0}, {1})",
    ));
    fns.push(shim_fn(
        "b64_encode",
        vec![AbiType::Bytes],
        AbiType::Bytes,
        "b64Encode({0})",
    ));
    fns.push(shim_fn(
        "b64_decode",
        vec![AbiType::Bytes],
        err(AbiType::Bytes),
        "b64Decode({0})",
    ));
    fns.push(shim_fn(
        "b64_url_encode",
        vec![AbiType::Bytes],
        AbiType::Bytes,
        "b64UrlEncode({0})",
    ));
    fns.push(shim_fn(
        "b64_url_decode",
        vec![AbiType::Bytes],
        err(AbiType::Bytes),
        "b64UrlDecode({0})",
    ));
    for (signed, bits) in [
        (true, 8),
        (false, 8),
        (false, 16),
        (true, 32),
        (false, 64),
        (true, 64),
    ] {
        let t = format!("{}{bits}", if signed { 'i' } else { 'u' });
        let ty = AbiType::int(signed, bits);
        fns.push(shim_fn(
            &format!("parse_int_{t}"),
            vec![AbiType::Bytes, u8_t()],
            err(ty.clone()),
            &format!("std.fmt.parseInt({t}, {{0}}, {{1}})"),
        ));
        fns.push(shim_fn(
            &format!("parse_unsigned_{t}"),
            vec![AbiType::Bytes, u8_t()],
            err(ty),
            &format!("std.fmt.parseUnsigned({t}, {{0}}, {{1}})"),
        ));
    }
    fns.push(shim_fn(
        "semver_parse",
        vec![AbiType::Bytes],
        err(version_abi()),
        "std.SemanticVersion.parse({0})",
    ));
    fns.push(shim_fn(
        "semver_order",
        vec![AbiType::Bytes, AbiType::Bytes],
        err(AbiType::EnumName),
        "semverOrder({0}, {1})",
    ));
    fns.push(shim_fn(
        "utf8_validate",
        vec![AbiType::Bytes],
        AbiType::Bool,
        "std.unicode.utf8ValidateSlice({0})",
    ));
    fns.push(shim_fn(
        "utf8_decode",
        vec![AbiType::Bytes],
        err(AbiType::int(false, 21)),
        "std.unicode.utf8Decode({0})",
    ));
    fns.push(ShimFn {
        name: "utf8_encode".into(),
        params: vec![AbiType::int(false, 21), AbiType::MutBytes],
        ret: err(AbiType::int(false, 3)),
        zig_call: "std.unicode.utf8Encode({0}, {1})".into(),
    });
    fns.push(ShimFn {
        name: "prng_draw".into(),
        params: vec![AbiType::int(false, 64), AbiType::MutBytes],
        ret: AbiType::int(false, 64),
        zig_call: "prngDraw({0}, {1})".into(),
    });
    fns.push(ShimFn {
        name: "prng_less_than".into(),
        params: vec![AbiType::int(false, 64), AbiType::int(false, 32)],
        ret: AbiType::int(false, 64),
        zig_call: "prngLessThan({0}, {1})".into(),
    });
    fns.push(ShimFn {
        name: "pdq_high_bits".into(),
        params: vec![AbiType::MutBytes],
        ret: AbiType::int(false, 64),
        zig_call: "pdqHighBits({0})".into(),
    });
    fns.push(ShimFn {
        name: "lower_string".into(),
        params: vec![AbiType::MutBytes, AbiType::Bytes],
        ret: AbiType::Bytes,
        zig_call: "std.ascii.lowerString({0}, {1})".into(),
    });
    let f64_t = || AbiType::Float { bits: 64 };
    let f32_t = || AbiType::Float { bits: 32 };
    fns.push(shim_fn("sqrt_f64", vec![f64_t()], f64_t(), "@sqrt({0})"));
    fns.push(shim_fn("floor_f32", vec![f32_t()], f32_t(), "@floor({0})"));
    fns.push(shim_fn(
        "mul_add_f64",
        vec![f64_t(), f64_t()],
        f64_t(),
        "{0} * {1} + 1.5",
    ));
    fns.push(shim_fn(
        "overflowing",
        vec![u8_t()],
        u8_t(),
        "overflowing({0})",
    ));
    fns.push(shim_fn(
        "panics_on_seven",
        vec![u8_t()],
        u8_t(),
        "panicsOnSeven({0})",
    ));
    fns
}

/// Points the sandbox at the harness's runner binary (a test binary's
/// `main` cannot become a runner).
pub fn use_test_runner() {
    zigport_harness::sandbox::set_runner(env!("CARGO_BIN_EXE_zigport-runner"), Vec::new());
}

pub fn std_library() -> &'static ZigLibrary {
    static LIB: OnceLock<ZigLibrary> = OnceLock::new();
    LIB.get_or_init(|| {
        use_test_runner();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let request = ToolchainRequest {
            version: "0.15.2".into(),
            project_dir: root.clone(),
        };
        let zig = toolchain::ensure(&request, &|m| eprintln!("{m}")).expect("pinned Zig");
        let source = shim::generate(&std_shims(), HELPERS);
        let cache = root.join("target").join("zigport-oracle");
        let lib =
            build_shared_library(&zig, &source, &[], &cache).unwrap_or_else(|e| panic!("{e}"));
        ZigLibrary::open(&lib).expect("shim loads")
    })
}

pub fn zig_fn(name: &str) -> ZigFn {
    std_library().function(name).expect("shim exports it")
}

/// Runs a parity check and returns the verdict.
pub fn check(
    name: &str,
    params: &[AbiType],
    ret: AbiType,
    dict: &Dictionary,
    rust: &(dyn Fn(&[Value]) -> Value + Sync),
    cases: usize,
) -> Verdict {
    check_inputs(name, arguments(params, dict), ret, rust, cases)
}

/// [`check`] with a hand-made input strategy.
pub fn check_inputs(
    name: &str,
    inputs: proptest::strategy::BoxedStrategy<Vec<Value>>,
    ret: AbiType,
    rust: &(dyn Fn(&[Value]) -> Value + Sync),
    cases: usize,
) -> Verdict {
    let subject = Subject {
        name: name.into(),
        ret,
        zig: zig_fn(name),
        rust: RustSide::InProcess(rust),
        inputs,
    };
    verify(
        &subject,
        &RunConfig {
            cases,
            ..RunConfig::default()
        },
    )
}

pub fn byte(args: &[Value], i: usize) -> u8 {
    match &args[i] {
        Value::UInt(v) => *v as u8,
        Value::Int(v) => *v as u8,
        other => panic!("argument {i} is {other:?}, not an integer"),
    }
}

pub fn bytes(args: &[Value], i: usize) -> &[u8] {
    match &args[i] {
        Value::Bytes(b) => b,
        other => panic!("argument {i} is {other:?}, not bytes"),
    }
}

pub fn uint(args: &[Value], i: usize) -> u128 {
    match &args[i] {
        Value::UInt(v) => *v,
        Value::Int(v) => *v as u128,
        other => panic!("argument {i} is {other:?}, not an integer"),
    }
}

pub fn float(args: &[Value], i: usize) -> f64 {
    match &args[i] {
        Value::Float(bits) => f64::from_bits(*bits),
        other => panic!("argument {i} is {other:?}, not a float"),
    }
}
