fn f(c: bool) u32 {
    const x = blk: {
        if (c) break :blk 1;
        break :blk 2;
    };
    {
        const inner = x;
        _ = inner;
    }
    return x;
}
