const std = @import("std");
const Self = @This();
fn f(x: u64) u8 {
    const a: u32 = @intCast(x);
    const b = @as(u8, @truncate(a));
    const c = @field(Self, "f");
    _ = c;
    return b;
}
