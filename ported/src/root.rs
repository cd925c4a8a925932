//! Ported from `root.zig` by zigport (rules).

#[allow(unused_imports)]
use super::semver as semver;
#[allow(unused_imports)]
use super::glob as glob;
#[allow(unused_imports)]
use super::braces as braces;
#[allow(unused_imports)]
use super::mime as mime;
#[allow(unused_imports)]
use super::path as path;
#[allow(unused_imports)]
use super::url as url;
#[allow(unused_imports)]
use super::base64 as base64;
#[allow(unused_imports)]
use super::vlq as vlq;
#[allow(unused_imports)]
use super::wyhash as wyhash;
#[allow(unused_imports)]
use super::ini as ini;
#[allow(unused_imports)]
use super::dotenv as dotenv;
#[allow(unused_imports)]
use super::json as json;
#[allow(unused_imports)]
use super::display_width as display_width;
#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use super::*;
    #[test]
    fn test_anonymous() {
        // zigport: `@import("std").testing.refAllDecls(@This())` has nothing to do in Rust
    }
}

// zigport: source root.zig (19 lines); 1/1 functions without TODO; confidence high; TODO(port) markers: 0
