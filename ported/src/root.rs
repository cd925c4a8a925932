//! Ported from `root.zig` by zigport (rules).

#[allow(unused_imports)]
use super::base64;
#[allow(unused_imports)]
use super::braces;
#[allow(unused_imports)]
use super::display_width;
#[allow(unused_imports)]
use super::dotenv;
#[allow(unused_imports)]
use super::glob;
#[allow(unused_imports)]
use super::ini;
#[allow(unused_imports)]
use super::json;
#[allow(unused_imports)]
use super::mime;
#[allow(unused_imports)]
use super::path;
#[allow(unused_imports)]
use super::semver;
#[allow(unused_imports)]
use super::url;
#[allow(unused_imports)]
use super::vlq;
#[allow(unused_imports)]
use super::wyhash;
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

#[cfg(feature = "zigport-shims")]
#[doc(hidden)]
mod zigport_shims;
