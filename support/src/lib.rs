//! Rust twins of Zig std functions whose Rust std counterparts differ in
//! semantics. Each module mirrors one Zig std namespace and is verified
//! against Zig itself by the differential oracle (`harness/tests`).

pub mod ascii;
pub mod base64;
pub mod fmt;
pub mod random;
pub mod semver;
pub mod sort;
pub mod unicode;
pub mod wyhash;
