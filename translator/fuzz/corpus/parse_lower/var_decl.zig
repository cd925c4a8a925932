const a: u32 = 1;
pub var counter: usize = 0;
threadlocal var tls: u8 = undefined;
pub extern "c" var errno: c_int;
const aligned: u64 align(8) = 0;
