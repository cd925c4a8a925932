fn f() void {
    const a = ) ;
}
const fine = 3;
