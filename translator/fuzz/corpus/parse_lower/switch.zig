const Op = enum { add, sub, halt };
fn run(op: Op, n: u8) u8 {
    const r = switch (n) {
        0 => 1,
        1...9 => 2,
        10, 11 => 3,
        else => unreachable,
    };
    return sw: switch (op) {
        .add => continue :sw .sub,
        .sub => |tag| {
            _ = tag;
            break :sw r;
        },
        inline .halt => 0,
    };
}
