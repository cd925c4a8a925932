const ParseError = error{ InvalidCharacter, Overflow };
const AllErrors = ParseError || error{OutOfMemory};
fn parse(s: []const u8) ParseError!u32 {
    if (s.len == 0) return error.InvalidCharacter;
    return 1;
}
fn any() anyerror!void {}
fn inferred() !void {}
