fn first(xs: []const u8) ?u8 {
    if (xs.len == 0) return null;
    return xs[0];
}
fn use(o: ?u8) u8 {
    const a = o orelse 0;
    const b = o.?;
    if (o) |v| {
        return v + a + b;
    } else {
        return 0;
    }
}
