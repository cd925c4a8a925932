fn f(ok: bool, s: struct { done: bool }) !bool {
    const a = !ok;
    const b = !s.done;
    const c = !g() and ok;
    return a or b or c;
}
fn g() bool {
    return true;
}
