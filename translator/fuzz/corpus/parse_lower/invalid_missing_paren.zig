const ok = 1;
const a = foo(1, 2;
const y = 2;
