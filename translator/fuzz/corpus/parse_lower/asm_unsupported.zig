fn nop() void {
    asm volatile ("nop");
}
