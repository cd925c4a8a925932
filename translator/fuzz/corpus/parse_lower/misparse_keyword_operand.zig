fn f(x: ?u8) ?u8 {
    if (x == null) return null;
    const y = g() catch unreachable;
    _ = y;
    unreachable;
}
fn g() !u8 {
    return 1;
}
