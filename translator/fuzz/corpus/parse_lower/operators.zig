fn f(a: u8, b: u8, c: bool) bool {
    const w = a +% b -% a *% b;
    const s = a +| b -| a *| b;
    const bits = (a & b) | (a ^ b) << 1 >> 2;
    const neg = -%w;
    const inv = ~bits;
    const div = @divTrunc(a, 2) % 3;
    _ = .{ s, neg, inv, div };
    return (a < b and b <= a) or (a != b and !c) or a >= b;
}
