fn f(xs: []const u8, ys: []const u8) usize {
    var i: usize = 0;
    const v = if (xs.len > 0) xs[0] else 0;
    while (i < xs.len) : (i += 1) {
        if (xs[i] == v) break;
    } else {
        i = 0;
    }
    outer: for (xs, ys, 0..) |x, y, idx| {
        if (x == y) continue :outer;
        if (idx > 3) break :outer;
    }
    const found = for (xs) |x| {
        if (x == 0) break true;
    } else false;
    _ = found;
    inline for (.{ 1, 2 }) |n| {
        i += n;
    }
    return i;
}
