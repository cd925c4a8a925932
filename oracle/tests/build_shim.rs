//! The generated shim compiles with the pinned Zig (installed if missing)
//! and exports what the harness calls.

use std::path::Path;

use zigport_oracle::abi::{AbiType, ShimFn};
use zigport_oracle::build::build_shared_library;
use zigport_oracle::shim;
use zigport_oracle::toolchain::{self, ToolchainRequest};

/// The pinned Zig (installed if missing).
fn pinned_zig() -> toolchain::Toolchain {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let request = ToolchainRequest {
        version: "0.15.2".into(),
        project_dir: root,
    };
    toolchain::ensure(&request, &|m| eprintln!("{m}")).expect("pinned Zig")
}

#[test]
fn std_shim_builds_as_a_shared_library() {
    let zig = pinned_zig();
    let fns = vec![
        ShimFn {
            name: "is_digit".into(),
            params: vec![AbiType::int(false, 8)],
            ret: AbiType::Bool,
            zig_call: "std.ascii.isDigit({0})".into(),
        },
        ShimFn {
            name: "parse_i32".into(),
            params: vec![AbiType::Bytes, AbiType::int(false, 8)],
            ret: AbiType::ErrorUnion {
                payload: Box::new(AbiType::int(true, 32)),
            },
            zig_call: "std.fmt.parseInt(i32, {0}, {1})".into(),
        },
        ShimFn {
            name: "version".into(),
            params: vec![AbiType::Bytes],
            ret: AbiType::ErrorUnion {
                payload: Box::new(AbiType::Struct {
                    fields: vec![
                        ("major".into(), AbiType::int(false, 64)),
                        (
                            "pre".into(),
                            AbiType::Optional {
                                inner: Box::new(AbiType::Bytes),
                            },
                        ),
                    ],
                }),
            },
            zig_call: "std.SemanticVersion.parse({0})".into(),
        },
    ];
    let source = shim::generate(&fns, "");
    let cache = tempfile::tempdir().expect("tempdir");
    let lib =
        build_shared_library(&zig, &source, &[], cache.path()).unwrap_or_else(|e| panic!("{e}"));
    assert!(lib.is_file());
    let again = build_shared_library(&zig, &source, &[], cache.path()).expect("cached");
    assert_eq!(lib, again, "second build is served from the cache");
}

/// Exports appended to a copy of a module reach its private functions and
/// types, through relative imports and embedded files, without writing
/// into the user's tree; names the module declares (`std`, `r`, `w`,
/// `result`) do not clash with the shim's.
#[test]
fn embedded_shim_reaches_private_declarations() {
    let zig = pinned_zig();
    let src = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(src.path().join("util")).unwrap();
    std::fs::write(
        src.path().join("lib.zig"),
        r#"const std = @import("std");
const helper = @import("util/helper.zig");
const r = 3;
const w = 4;
const result = 5;
const Point = struct {
    x: i32,
    fn scaled(self: Point, k: i32) Point {
        return .{ .x = self.x * k * helper.factor };
    }
};
const Shape = union(enum) { dot, line: u8, box: [2]u8 };
fn grow(s: Shape) Shape {
    return switch (s) {
        .dot => .{ .line = 1 },
        .line => |n| .{ .box = .{ n, n } },
        .box => .dot,
    };
}
fn secret(x: u32) u32 {
    return x * r + w + result + @as(u32, helper.table.len);
}
"#,
    )
    .unwrap();
    std::fs::write(
        src.path().join("util/helper.zig"),
        "pub const factor: i32 = 1;\npub const table = @embedFile(\"../table.txt\");\n",
    )
    .unwrap();
    std::fs::write(src.path().join("table.txt"), "abc").unwrap();
    let before: Vec<_> = walk(src.path());

    let lib_zig = src.path().join("lib.zig");
    assert_eq!(
        zigport_oracle::build::reachable_files(&lib_zig),
        [
            Path::new("lib.zig"),
            Path::new("table.txt"),
            Path::new("util/helper.zig")
        ]
    );
    let fns = vec![
        ShimFn {
            name: "secret".into(),
            params: vec![AbiType::int(false, 32)],
            ret: AbiType::int(false, 32),
            zig_call: "secret({0})".into(),
        },
        ShimFn {
            name: "point_scaled".into(),
            params: vec![
                AbiType::Record {
                    zig: "Point".into(),
                    rust: "Point".into(),
                    fields: vec![("x".into(), AbiType::int(true, 32))],
                },
                AbiType::int(true, 32),
            ],
            ret: AbiType::Record {
                zig: "Point".into(),
                rust: "Point".into(),
                fields: vec![("x".into(), AbiType::int(true, 32))],
            },
            zig_call: "Point.scaled({0}, {1})".into(),
        },
    ];
    let shape = AbiType::Union {
        zig: "Shape".into(),
        rust: "Shape".into(),
        variants: vec![
            ("dot".into(), None),
            ("line".into(), Some(AbiType::int(false, 8))),
            (
                "box".into(),
                Some(AbiType::Array {
                    inner: Box::new(AbiType::int(false, 8)),
                    len: 2,
                }),
            ),
        ],
    };
    let mut fns = fns;
    fns.push(ShimFn {
        name: "grow".into(),
        params: vec![shape.clone()],
        ret: shape,
        zig_call: "grow({0})".into(),
    });
    let cache = tempfile::tempdir().expect("tempdir");
    let lib = zigport_oracle::build::build_embedded_library(
        &zig,
        &shim::embedded_root(),
        &lib_zig,
        &shim::embedded_exports(&fns),
        cache.path(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(lib.is_file());
    assert_eq!(walk(src.path()), before, "the user's tree is untouched");
    let symbols = std::process::Command::new("nm")
        .args(["-D", "--defined-only"])
        .arg(&lib)
        .output()
        .expect("nm");
    let symbols = String::from_utf8_lossy(&symbols.stdout);
    assert!(symbols.contains("zigport_secret"), "{symbols}");
    assert!(symbols.contains("zigport_point_scaled"), "{symbols}");
    assert!(symbols.contains("zigport_grow"), "{symbols}");
}

/// Every file under `dir` with its content.
fn walk(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    out.sort();
    out
}
