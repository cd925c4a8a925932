const Point = struct {
    x: i32 = 0,
    y: i32,
    const Self = @This();
    pub fn len(self: Self) i32 {
        return self.x + self.y;
    }
};
const Flags = packed struct(u8) { read: bool, write: bool, _pad: u6 = 0 };
const CHeader = extern struct { magic: u32 };
const Color = enum(u8) { red = 1, green, blue = 7, _ };
const Value = union(enum) { int: i64, text: []const u8, none };
const Tagged = union(enum(u8)) { a: u8 };
const Handle = opaque {};
const Pair = struct { u32, []const u8 };
const Empty = struct {};
