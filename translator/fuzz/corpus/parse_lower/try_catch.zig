fn g() !u32 {
    return 1;
}
fn f() !u32 {
    const a = try g();
    const b = g() catch 0;
    const c = g() catch |err| switch (err) {
        error.Overflow => 1,
        else => return err,
    };
    const d = g() catch unreachable;
    return a + b + c + d;
}
