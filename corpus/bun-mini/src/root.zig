//! bun-mini: every subsystem, for `zig build test`.

pub const semver = @import("semver.zig");
pub const glob = @import("glob.zig");
pub const braces = @import("braces.zig");
pub const mime = @import("mime.zig");
pub const path = @import("path.zig");
pub const url = @import("url.zig");
pub const base64 = @import("base64.zig");
pub const vlq = @import("vlq.zig");
pub const wyhash = @import("wyhash.zig");
pub const ini = @import("ini.zig");
pub const dotenv = @import("dotenv.zig");
pub const json = @import("json.zig");
pub const display_width = @import("display_width.zig");

test {
    @import("std").testing.refAllDecls(@This());
}
