const a: [4]u8 = .{ 1, 2, 3, 4 };
const b = [_]u8{ 1, 2 };
const c: [2:0]u8 = .{ 1, 2 };
const d = b ++ b;
const e = b ** 2;
fn slice(x: []const u8, n: usize) []const u8 {
    return x[1..n];
}
fn tail(x: [:0]const u8) [:0]const u8 {
    return x[1.. :0];
}
