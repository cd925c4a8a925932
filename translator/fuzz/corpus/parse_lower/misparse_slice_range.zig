fn f(x: []const u8, i: usize, n: usize) void {
    _ = x[i + 1 .. n - 1];
    _ = x[0 .. n * 2 :0];
    for (0..n - 1) |k| {
        _ = k;
    }
}
