const P = struct { x: u8 = 0, y: u8 = 0 };
const a = P{ .x = 1, .y = 2 };
const b: P = .{ .x = 1 };
const c: P = .{};
const d = .{ 1, "two" };
