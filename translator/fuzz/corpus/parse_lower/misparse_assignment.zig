fn f(y: u8) void {
    var x: u8 = 0;
    x += 1;
    x = 2;
    _ = y;
    var s: struct { a: u8 } = .{ .a = 0 };
    s.a -= 1;
}
