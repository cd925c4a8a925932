//! The program's entry point: `pub fn main` of the Zig module `main_` (written by zigport).

fn main() {
    let code: u8 = ported::main_::main();
    std::process::exit(code.into());
}
