const a: *u8 = undefined;
const b: *const u8 = undefined;
const c: [*]u8 = undefined;
const d: [*:0]const u8 = "x";
const e: [*c]u8 = null;
const f: []u8 = undefined;
const g: [:0]const u8 = "x";
const h: *align(4) volatile u32 = undefined;
fn deref(p: *u32) u32 {
    return p.*;
}
fn addr(x: *u32) *u32 {
    return &x.*;
}
