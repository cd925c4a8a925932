pub fn add(a: u32, b: u32) u32 {
    return a + b;
}
extern "c" fn write(fd: c_int, buf: [*]const u8, len: usize) callconv(.c) isize;
export fn exported() void {}
inline fn twice(comptime T: type, noalias x: *T, y: anytype) void {
    _ = y;
    x.* *= 2;
}
extern fn printf(fmt: [*:0]const u8, ...) c_int;
