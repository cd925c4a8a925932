const P = struct { x: u8, y: u8 };
const a = P{ .x = 1, .y = 2 };
