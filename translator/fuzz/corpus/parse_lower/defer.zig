const std = @import("std");
fn f(allocator: std.mem.Allocator) ![]u8 {
    const buf = try allocator.alloc(u8, 4);
    errdefer allocator.free(buf);
    defer std.debug.print("done\n", .{});
    errdefer |err| std.log.err("{}", .{err});
    return buf;
}
