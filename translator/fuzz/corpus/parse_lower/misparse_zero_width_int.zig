const a: u0 = 0;
const b = @as(i0, 0);
const c: u7 = 1;
