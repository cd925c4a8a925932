fn f() void {
    const a, var b = .{ 1, 2 };
    b += a;
    var x: u8 = 0;
    var y: u8 = 0;
    x, y = .{ y, x };
    _, const z = .{ 3, 4 };
    _ = z;
}
