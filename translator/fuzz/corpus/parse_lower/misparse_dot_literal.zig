const Color = enum { red, green };
const P = struct {
    x: u8,
    pub const init: P = .{ .x = 0 };
};
const c: Color = .red;
const p: P = .init;
const q = Color.green;
