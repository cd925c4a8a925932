fn List(comptime T: type) type {
    return struct {
        items: []T,
        const Self = @This();
    };
}
comptime {
    _ = List(u8);
}
fn f() u32 {
    comptime var n: u32 = 0;
    n += 1;
    const k = comptime n * 2;
    return k;
}
test "adds" {
    try @import("std").testing.expect(f() == 2);
}
test f {}
