//! The generated shim compiles with the pinned Zig (installed if missing)
//! and exports what the harness calls.

use std::path::Path;

use zigport_oracle::abi::{AbiType, ShimFn};
use zigport_oracle::build::build_shared_library;
use zigport_oracle::shim;
use zigport_oracle::toolchain::{self, ToolchainRequest};

#[test]
fn std_shim_builds_as_a_shared_library() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let request = ToolchainRequest {
        version: "0.15.2".into(),
        project_dir: root.clone(),
    };
    let zig = toolchain::ensure(&request, &|m| eprintln!("{m}")).expect("pinned Zig");
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
