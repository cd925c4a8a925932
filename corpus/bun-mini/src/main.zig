//! `bun-mini <subsystem> <op> [args...]`: a command-line front end for every
//! bun-mini subsystem. Ops that work on a document (an `.env`, an `.npmrc`,
//! JSON, text to measure, bytes to encode or hash) read it from stdin as-is.
//!
//! Results go to stdout, one per line. A failing op prints `error: <Name>` to
//! stderr and exits 1; unknown commands or bad arguments print usage and exit 2.

const std = @import("std");
const Allocator = std.mem.Allocator;

const semver = @import("semver.zig");
const glob = @import("glob.zig");
const braces = @import("braces.zig");
const mime = @import("mime.zig");
const path = @import("path.zig");
const url = @import("url.zig");
const base64 = @import("base64.zig");
const vlq = @import("vlq.zig");
const wyhash = @import("wyhash.zig");
const ini = @import("ini.zig");
const dotenv = @import("dotenv.zig");
const json = @import("json.zig");
const display_width = @import("display_width.zig");

/// Largest stdin accepted (64 MiB).
const max_input = 64 << 20;

/// What a command handler gets: its arguments, stdin (when it asked for it)
/// and the output writer. All memory comes from one arena.
const Ctx = struct {
    gpa: Allocator,
    args: []const []const u8,
    input: []const u8,
    out: *std.Io.Writer,

    /// Parses argument `i` as an integer (decimal, or 0x/0o/0b prefixed).
    fn int(c: *const Ctx, comptime T: type, i: usize) error{Usage}!T {
        return std.fmt.parseInt(T, c.args[i], 0) catch error.Usage;
    }

    fn line(c: *Ctx, s: []const u8) !void {
        try c.out.writeAll(s);
        try c.out.writeByte('\n');
    }

    fn optLine(c: *Ctx, s: ?[]const u8) !void {
        try c.line(s orelse "null");
    }

    fn boolean(c: *Ctx, b: bool) !void {
        try c.line(if (b) "true" else "false");
    }

    fn number(c: *Ctx, n: anytype) !void {
        try c.out.print("{d}\n", .{n});
    }

    fn optNumber(c: *Ctx, n: anytype) !void {
        if (n) |v| try c.number(v) else try c.line("null");
    }
};

const Handler = *const fn (*Ctx) anyerror!void;

/// One row of the command table.
const Command = struct {
    sub: []const u8,
    /// "" marks the op used when none (or an unknown word) is given.
    op: []const u8,
    /// Argument synopsis for the usage text; its word count is the arity.
    /// A `[X]` word is optional and an `X...` word takes all the remaining
    /// arguments (at least one).
    synopsis: []const u8,
    stdin: bool,
    run: Handler,

    fn arity(self: Command) struct { min: usize, max: usize } {
        var n: usize = 0;
        var optional: usize = 0;
        var it = std.mem.tokenizeScalar(u8, self.synopsis, ' ');
        while (it.next()) |w| {
            if (std.mem.endsWith(u8, w, "...")) optional = std.math.maxInt(u16);
            if (w[0] == '[') optional += 1 else n += 1;
        }
        return .{ .min = n, .max = n + optional };
    }
};

fn cmd(sub: []const u8, op: []const u8, synopsis: []const u8, stdin: bool, handler: Handler) Command {
    return .{ .sub = sub, .op = op, .synopsis = synopsis, .stdin = stdin, .run = handler };
}

/// Arguments `from..` joined with single spaces (ranges, patterns with spaces).
fn joined(c: *const Ctx, from: usize) ![]const u8 {
    return std.mem.join(c.gpa, " ", c.args[from..]);
}

// ---------------------------------------------------------------- semver

fn semverParse(c: *Ctx) !void {
    const v = try semver.parse(c.args[0]);
    try c.out.print("{d}.{d}.{d} prerelease={} build={}\n", .{ v.major, v.minor, v.patch, v.has_prerelease, v.has_build });
}
fn semverValid(c: *Ctx) !void {
    try c.boolean(semver.isValid(c.args[0]));
}
fn semverOrder(c: *Ctx) !void {
    try c.line(@tagName(try semver.order(c.args[0], c.args[1])));
}
fn semverSatisfies(c: *Ctx) !void {
    try c.boolean(semver.satisfies(c.args[0], try joined(c, 1)));
}
fn semverValidRange(c: *Ctx) !void {
    try c.boolean(semver.validRange(try joined(c, 0)));
}
fn semverMaxSatisfying(c: *Ctx) !void {
    try c.optNumber(try semver.maxSatisfyingIndex(c.gpa, c.args[0], try joined(c, 1)));
}

// ---------------------------------------------------------------- glob

fn globMatch(c: *Ctx) !void {
    try c.boolean(glob.match(c.args[0], c.args[1]));
}
fn globFilter(c: *Ctx) !void {
    var lines = std.mem.tokenizeScalar(u8, c.input, '\n');
    while (lines.next()) |p| {
        if (glob.match(c.args[0], p)) try c.line(p);
    }
}
fn globHasMagic(c: *Ctx) !void {
    try c.boolean(glob.hasMagic(c.args[0]));
}
fn globLiteralPrefix(c: *Ctx) !void {
    try c.line(glob.literalPrefix(c.args[0]));
}

// ---------------------------------------------------------------- braces

fn bracesExpand(c: *Ctx) !void {
    try c.line(try braces.expand(c.gpa, c.args[0]));
}
fn bracesCount(c: *Ctx) !void {
    try c.number(try braces.count(c.args[0]));
}
fn bracesHas(c: *Ctx) !void {
    try c.boolean(braces.hasBraces(c.args[0]));
}

// ---------------------------------------------------------------- mime

fn mimeLookup(c: *Ctx) !void {
    try c.optLine(mime.lookup(c.args[0]));
}
fn mimeFromPath(c: *Ctx) !void {
    try c.optLine(mime.fromPath(c.args[0]));
}
fn mimeExtension(c: *Ctx) !void {
    try c.optLine(mime.extension(try joined(c, 0)));
}
fn mimeIsText(c: *Ctx) !void {
    try c.boolean(mime.isText(try joined(c, 0)));
}
fn mimeIsCompressible(c: *Ctx) !void {
    try c.boolean(mime.isCompressible(try joined(c, 0)));
}
fn mimeCategory(c: *Ctx) !void {
    try c.line(@tagName(mime.category(try joined(c, 0))));
}
fn mimeContentType(c: *Ctx) !void {
    try c.line(try mime.contentType(c.gpa, c.args[0]));
}

// ---------------------------------------------------------------- path

fn pathNormalize(c: *Ctx) !void {
    try c.line(try path.normalize(c.gpa, c.args[0]));
}
fn pathJoin(c: *Ctx) !void {
    try c.line(try path.join(c.gpa, c.args[0], c.args[1]));
}
fn pathResolve(c: *Ctx) !void {
    try c.line(try path.resolve(c.gpa, c.args[0], c.args[1]));
}
fn pathRelative(c: *Ctx) !void {
    try c.line(try path.relative(c.gpa, c.args[0], c.args[1]));
}
fn pathDirname(c: *Ctx) !void {
    try c.line(path.dirname(c.args[0]));
}
fn pathBasename(c: *Ctx) !void {
    if (c.args.len > 1) return c.line(path.basenameWithSuffix(c.args[0], c.args[1]));
    try c.line(path.basename(c.args[0]));
}
fn pathExtname(c: *Ctx) !void {
    try c.line(path.extname(c.args[0]));
}
fn pathStem(c: *Ctx) !void {
    try c.line(path.stem(c.args[0]));
}
fn pathIsAbsolute(c: *Ctx) !void {
    try c.boolean(path.isAbsolute(c.args[0]));
}
fn pathFormat(c: *Ctx) !void {
    try c.line(try path.reformat(c.gpa, c.args[0]));
}

// ---------------------------------------------------------------- url

fn urlParse(c: *Ctx) !void {
    const h = c.args[0];
    try c.out.print("protocol={s}\nscheme={s}\nusername={s}\npassword={s}\nhost={s}\nhostname={s}\n", .{
        url.protocol(h) orelse "", @tagName(url.scheme(h)), url.username(h), url.password(h), url.host(h), url.hostname(h),
    });
    try c.out.writeAll("port=");
    try c.optNumber(url.port(h));
    try c.out.print("pathname={s}\nsearch={s}\nhash={s}\n", .{ url.pathname(h), url.search(h), url.hash(h) });
}
fn urlOrigin(c: *Ctx) !void {
    try c.line(try url.origin(c.gpa, c.args[0]));
}
fn urlPort(c: *Ctx) !void {
    try c.optNumber(url.portOrDefault(c.args[0]));
}
fn urlIsHttps(c: *Ctx) !void {
    try c.boolean(url.isHttps(c.args[0]));
}
fn urlIsLocalhost(c: *Ctx) !void {
    try c.boolean(url.isLocalhost(c.args[0]));
}
fn urlDecode(c: *Ctx) !void {
    const buf = try c.gpa.alloc(u8, c.args[0].len);
    try c.line(buf[0..try url.percentDecode(buf, c.args[0])]);
}
fn urlEncode(c: *Ctx) !void {
    try c.line(try url.percentEncode(c.gpa, c.args[0]));
}
fn urlEncodeUri(c: *Ctx) !void {
    try c.line(try url.percentEncodeUri(c.gpa, c.args[0]));
}
fn urlResolve(c: *Ctx) !void {
    try c.line(try url.resolveUrl(c.gpa, c.args[0], c.args[1]));
}

// ---------------------------------------------------------------- base64

fn base64Encode(c: *Ctx) !void {
    try c.line(try base64.encodeAlloc(c.gpa, c.input));
}
fn base64EncodeUrl(c: *Ctx) !void {
    const buf = try c.gpa.alloc(u8, base64.encodedLenUrlSafe(c.input.len));
    try c.line(buf[0..try base64.encodeUrlSafe(buf, c.input)]);
}
fn base64Decode(c: *Ctx) !void {
    try c.line(try base64.decodeAlloc(c.gpa, c.args[0]));
}
fn base64DecodeUrl(c: *Ctx) !void {
    const buf = try c.gpa.alloc(u8, base64.decodedLenUpperBound(c.args[0].len));
    try c.line(buf[0..try base64.decodeUrlSafe(buf, c.args[0])]);
}
fn base64DecodeForgiving(c: *Ctx) !void {
    const buf = try c.gpa.alloc(u8, base64.decodedLenUpperBound(c.input.len));
    try c.line(buf[0..try base64.decodeForgiving(buf, c.input)]);
}
fn base64IsValid(c: *Ctx) !void {
    try c.boolean(base64.isValid(c.args[0]));
}
fn base64EncodedLen(c: *Ctx) !void {
    try c.number(base64.encodedLen(try c.int(u32, 0)));
}

// ---------------------------------------------------------------- vlq

fn vlqEncode(c: *Ctx) !void {
    var buf: [vlq.max_digits]u8 = undefined;
    try c.line(buf[0..try vlq.encode(&buf, try c.int(i32, 0))]);
}
fn vlqDecode(c: *Ctx) !void {
    try c.number(try vlq.decode(c.args[0]));
}
fn vlqValidate(c: *Ctx) !void {
    try c.boolean(vlq.validateMappings(c.args[0]));
}
fn vlqSegments(c: *Ctx) !void {
    try c.number(try vlq.countSegments(c.args[0]));
}
fn vlqLines(c: *Ctx) !void {
    try c.number(try vlq.countLines(c.args[0]));
}
fn vlqReencode(c: *Ctx) !void {
    try c.line(try vlq.reencodeMappings(c.gpa, c.args[0]));
}
fn vlqOriginal(c: *Ctx) !void {
    const pos = vlq.originalPosition(c.args[0], try c.int(u32, 1), try c.int(u32, 2)) orelse return c.line("null");
    try c.out.print("source={d} line={d} column={d} name={d}\n", .{ pos.source_index, pos.line, pos.column, pos.name_index });
}

// ---------------------------------------------------------------- wyhash

fn wyhashHash(c: *Ctx) !void {
    const seed: u64 = if (c.args.len > 0) try c.int(u64, 0) else 0;
    try c.number(wyhash.hash(seed, c.input));
}
fn wyhashString(c: *Ctx) !void {
    try c.number(wyhash.hashString(c.args[0]));
}
fn wyhashU64(c: *Ctx) !void {
    try c.number(wyhash.hashU64(try c.int(u64, 0), try c.int(u64, 1)));
}
fn wyhashChunked(c: *Ctx) !void {
    try c.number(wyhash.hashChunked(try c.int(u64, 0), c.input, try c.int(usize, 1)));
}
fn wyhashCombine(c: *Ctx) !void {
    try c.number(wyhash.combine(try c.int(u64, 0), try c.int(u64, 1)));
}

// ---------------------------------------------------------------- ini

/// `KEY [SECTION]`: the section defaults to the top level.
fn section(c: *const Ctx) []const u8 {
    return if (c.args.len > 1) c.args[1] else "";
}
fn iniGet(c: *Ctx) !void {
    try c.optLine(try ini.get(c.gpa, c.input, section(c), c.args[0]));
}
fn iniCount(c: *Ctx) !void {
    try c.number(try ini.countEntries(c.input));
}
fn iniValid(c: *Ctx) !void {
    try c.boolean(ini.isValid(c.input));
}
fn iniExpand(c: *Ctx) !void {
    try c.line(try ini.expandVars(c.gpa, c.args[0], c.input));
}
fn iniRegistry(c: *Ctx) !void {
    try c.line(try ini.registryFor(c.gpa, c.input, if (c.args.len > 0) c.args[0] else ""));
}
fn iniAuthToken(c: *Ctx) !void {
    try c.optLine(try ini.authTokenFor(c.gpa, c.input, c.args[0]));
}
fn iniArrayLength(c: *Ctx) !void {
    try c.number(try ini.arrayLength(c.input, section(c), c.args[0]));
}

// ---------------------------------------------------------------- dotenv

fn dotenvGet(c: *Ctx) !void {
    try c.optLine(try dotenv.get(c.gpa, c.input, c.args[0]));
}
fn dotenvCount(c: *Ctx) !void {
    try c.number(dotenv.count(c.input));
}
fn dotenvValidKey(c: *Ctx) !void {
    try c.boolean(dotenv.isValidKey(c.args[0]));
}
fn dotenvExpand(c: *Ctx) !void {
    try c.line(try dotenv.expand(c.gpa, c.input, c.args[0]));
}
fn dotenvKeys(c: *Ctx) !void {
    var i: usize = 0;
    while (dotenv.keyAt(c.input, i)) |k| : (i += 1) try c.line(k);
}
fn dotenvRaw(c: *Ctx) !void {
    try c.optLine(dotenv.rawValue(c.input, c.args[0]));
}
fn dotenvQuote(c: *Ctx) !void {
    try c.optLine(if (dotenv.quoteOf(c.input, c.args[0])) |q| @tagName(q) else null);
}

// ---------------------------------------------------------------- json

fn jsonEscape(c: *Ctx) !void {
    const ascii_only = c.args.len > 0 and std.mem.eql(u8, c.args[0], "--ascii");
    if (c.args.len > 0 and !ascii_only) return error.Usage;
    try c.line(try json.escape(c.gpa, c.input, ascii_only));
}
fn jsonUnescape(c: *Ctx) !void {
    const buf = try c.gpa.alloc(u8, c.args[0].len);
    try c.line(buf[0..try json.unescape(buf, c.args[0])]);
}
fn jsonTokens(c: *Ctx) !void {
    try c.number(try json.countTokens(c.input));
}
fn jsonValid(c: *Ctx) !void {
    try c.boolean(json.isValid(c.input));
}
fn jsonCheck(c: *Ctx) !void {
    try json.check(c.input);
    try c.line("ok");
}
fn jsonDepth(c: *Ctx) !void {
    try c.number(try json.maxNesting(c.input));
}
fn jsonMinify(c: *Ctx) !void {
    try c.line(try json.minify(c.gpa, c.input));
}

// ---------------------------------------------------------------- width

fn widthText(c: *Ctx) !void {
    try c.number(display_width.width(c.input));
}
fn widthAscii(c: *Ctx) !void {
    try c.number(display_width.widthAscii(c.input));
}
fn widthStrip(c: *Ctx) !void {
    try c.line(try display_width.stripAnsiAlloc(c.gpa, c.input));
}
fn widthTruncate(c: *Ctx) !void {
    try c.line(display_width.truncateToWidth(c.input, try c.int(usize, 0)));
}
fn widthEllipsis(c: *Ctx) !void {
    try c.line(try display_width.truncateWithEllipsis(c.gpa, c.input, try c.int(usize, 0)));
}
fn widthCodepoint(c: *Ctx) !void {
    try c.number(display_width.codepointWidth(try c.int(u32, 0)));
}
fn widthIsWide(c: *Ctx) !void {
    try c.boolean(display_width.isWide(try c.int(u32, 0)));
}

// ---------------------------------------------------------------- table

const commands = [_]Command{
    cmd("semver", "parse", "VERSION", false, semverParse),
    cmd("semver", "valid", "VERSION", false, semverValid),
    cmd("semver", "order", "A B", false, semverOrder),
    cmd("semver", "satisfies", "VERSION RANGE...", false, semverSatisfies),
    cmd("semver", "valid-range", "RANGE...", false, semverValidRange),
    cmd("semver", "max-satisfying", "VERSIONS RANGE...", false, semverMaxSatisfying),

    cmd("glob", "match", "PATTERN PATH", false, globMatch),
    cmd("glob", "filter", "PATTERN", true, globFilter),
    cmd("glob", "has-magic", "PATTERN", false, globHasMagic),
    cmd("glob", "literal-prefix", "PATTERN", false, globLiteralPrefix),

    cmd("braces", "expand", "PATTERN", false, bracesExpand),
    cmd("braces", "count", "PATTERN", false, bracesCount),
    cmd("braces", "has-braces", "PATTERN", false, bracesHas),

    cmd("mime", "lookup", "EXT", false, mimeLookup),
    cmd("mime", "from-path", "PATH", false, mimeFromPath),
    cmd("mime", "extension", "MIME...", false, mimeExtension),
    cmd("mime", "is-text", "MIME...", false, mimeIsText),
    cmd("mime", "is-compressible", "MIME...", false, mimeIsCompressible),
    cmd("mime", "category", "MIME...", false, mimeCategory),
    cmd("mime", "content-type", "PATH", false, mimeContentType),

    cmd("path", "normalize", "PATH", false, pathNormalize),
    cmd("path", "join", "A B", false, pathJoin),
    cmd("path", "resolve", "CWD PATH", false, pathResolve),
    cmd("path", "relative", "FROM TO", false, pathRelative),
    cmd("path", "dirname", "PATH", false, pathDirname),
    cmd("path", "basename", "PATH [SUFFIX]", false, pathBasename),
    cmd("path", "extname", "PATH", false, pathExtname),
    cmd("path", "stem", "PATH", false, pathStem),
    cmd("path", "is-absolute", "PATH", false, pathIsAbsolute),
    cmd("path", "format", "PATH", false, pathFormat),

    cmd("url", "parse", "URL", false, urlParse),
    cmd("url", "origin", "URL", false, urlOrigin),
    cmd("url", "port", "URL", false, urlPort),
    cmd("url", "is-https", "URL", false, urlIsHttps),
    cmd("url", "is-localhost", "URL", false, urlIsLocalhost),
    cmd("url", "decode", "TEXT", false, urlDecode),
    cmd("url", "encode", "TEXT", false, urlEncode),
    cmd("url", "encode-uri", "TEXT", false, urlEncodeUri),
    cmd("url", "resolve", "BASE REF", false, urlResolve),

    cmd("base64", "encode", "", true, base64Encode),
    cmd("base64", "encode-url", "", true, base64EncodeUrl),
    cmd("base64", "decode", "TEXT", false, base64Decode),
    cmd("base64", "decode-url", "TEXT", false, base64DecodeUrl),
    cmd("base64", "decode-forgiving", "", true, base64DecodeForgiving),
    cmd("base64", "is-valid", "TEXT", false, base64IsValid),
    cmd("base64", "encoded-len", "N", false, base64EncodedLen),

    cmd("vlq", "encode", "N", false, vlqEncode),
    cmd("vlq", "decode", "TEXT", false, vlqDecode),
    cmd("vlq", "validate", "MAPPINGS", false, vlqValidate),
    cmd("vlq", "segments", "MAPPINGS", false, vlqSegments),
    cmd("vlq", "lines", "MAPPINGS", false, vlqLines),
    cmd("vlq", "reencode", "MAPPINGS", false, vlqReencode),
    cmd("vlq", "original", "MAPPINGS LINE COLUMN", false, vlqOriginal),

    cmd("wyhash", "hash", "[SEED]", true, wyhashHash),
    cmd("wyhash", "string", "TEXT", false, wyhashString),
    cmd("wyhash", "u64", "SEED VALUE", false, wyhashU64),
    cmd("wyhash", "chunked", "SEED CHUNK", true, wyhashChunked),
    cmd("wyhash", "combine", "H1 H2", false, wyhashCombine),

    cmd("ini", "get", "KEY [SECTION]", true, iniGet),
    cmd("ini", "count", "", true, iniCount),
    cmd("ini", "valid", "", true, iniValid),
    cmd("ini", "expand", "TEXT", true, iniExpand),
    cmd("ini", "registry", "[SCOPE]", true, iniRegistry),
    cmd("ini", "auth-token", "REGISTRY", true, iniAuthToken),
    cmd("ini", "array-length", "KEY [SECTION]", true, iniArrayLength),

    cmd("dotenv", "get", "KEY", true, dotenvGet),
    cmd("dotenv", "count", "", true, dotenvCount),
    cmd("dotenv", "valid-key", "NAME", false, dotenvValidKey),
    cmd("dotenv", "expand", "TEXT", true, dotenvExpand),
    cmd("dotenv", "keys", "", true, dotenvKeys),
    cmd("dotenv", "raw", "KEY", true, dotenvRaw),
    cmd("dotenv", "quote", "KEY", true, dotenvQuote),

    cmd("json", "escape", "[--ascii]", true, jsonEscape),
    cmd("json", "unescape", "QUOTED", false, jsonUnescape),
    cmd("json", "tokens", "", true, jsonTokens),
    cmd("json", "valid", "", true, jsonValid),
    cmd("json", "check", "", true, jsonCheck),
    cmd("json", "depth", "", true, jsonDepth),
    cmd("json", "minify", "", true, jsonMinify),

    cmd("width", "", "", true, widthText),
    cmd("width", "ascii", "", true, widthAscii),
    cmd("width", "strip", "", true, widthStrip),
    cmd("width", "truncate", "N", true, widthTruncate),
    cmd("width", "ellipsis", "N", true, widthEllipsis),
    cmd("width", "codepoint", "CP", false, widthCodepoint),
    cmd("width", "is-wide", "CP", false, widthIsWide),
};

/// Finds the command for `argv[1..]`, returning it and its arguments.
fn lookup(args: []const []const u8) ?struct { Command, []const []const u8 } {
    if (args.len == 0) return null;
    const sub = args[0];
    if (args.len > 1) {
        for (commands) |c| {
            if (std.mem.eql(u8, c.sub, sub) and std.mem.eql(u8, c.op, args[1])) return .{ c, args[2..] };
        }
    }
    for (commands) |c| {
        if (std.mem.eql(u8, c.sub, sub) and c.op.len == 0) return .{ c, args[1..] };
    }
    return null;
}

fn printUsage(w: *std.Io.Writer, sub: ?[]const u8) !void {
    try w.writeAll("usage: bun-mini <subsystem> <op> [args...]\n");
    for (commands) |c| {
        if (sub) |s| if (!std.mem.eql(u8, s, c.sub)) continue;
        try w.print("  bun-mini {s}", .{c.sub});
        if (c.op.len > 0) try w.print(" {s}", .{c.op});
        if (c.synopsis.len > 0) try w.print(" {s}", .{c.synopsis});
        try w.writeAll(if (c.stdin) " < input\n" else "\n");
    }
}

pub fn main() u8 {
    var arena_state = std.heap.ArenaAllocator.init(std.heap.page_allocator);
    defer arena_state.deinit();
    const arena = arena_state.allocator();

    // Results are collected first and written only when the op succeeds, so
    // a failing op never leaves partial output behind.
    var results: std.Io.Writer.Allocating = .init(arena);
    var err_buf: [1024]u8 = undefined;
    // Streaming (not positional) I/O throughout: with positional writes,
    // output redirected into a file shared by several commands (`>>`, or a
    // script's single stdout) would be written at offset 0 and overwrite.
    var stderr = std.fs.File.stderr().writerStreaming(&err_buf);
    defer stderr.interface.flush() catch {};

    const code = run(arena, &results.writer, &stderr.interface);
    if (code != 0) return code;

    var out_buf: [4096]u8 = undefined;
    var stdout = std.fs.File.stdout().writerStreaming(&out_buf);
    stdout.interface.writeAll(results.written()) catch return 1;
    stdout.interface.flush() catch return 1;
    return 0;
}

fn run(arena: Allocator, out: *std.Io.Writer, err: *std.Io.Writer) u8 {
    const argv = std.process.argsAlloc(arena) catch return fail(err, error.OutOfMemory);
    const args: []const []const u8 = @ptrCast(argv[1..]);

    const found = lookup(args) orelse {
        printUsage(err, if (args.len > 0 and isSubsystem(args[0])) args[0] else null) catch {};
        return 2;
    };
    const command, const rest = found;
    const arity = command.arity();
    if (rest.len < arity.min or rest.len > arity.max) {
        printUsage(err, command.sub) catch {};
        return 2;
    }

    var input: []const u8 = "";
    if (command.stdin) {
        var in_buf: [4096]u8 = undefined;
        var stdin = std.fs.File.stdin().readerStreaming(&in_buf);
        input = stdin.interface.allocRemaining(arena, .limited(max_input)) catch |e| return fail(err, e);
    }

    var ctx: Ctx = .{ .gpa = arena, .args = rest, .input = input, .out = out };
    command.run(&ctx) catch |e| {
        if (e == error.Usage) {
            printUsage(err, command.sub) catch {};
            return 2;
        }
        return fail(err, e);
    };
    return 0;
}

fn isSubsystem(name: []const u8) bool {
    for (commands) |c| {
        if (std.mem.eql(u8, c.sub, name)) return true;
    }
    return false;
}

fn fail(err: *std.Io.Writer, e: anyerror) u8 {
    err.print("error: {s}\n", .{@errorName(e)}) catch {};
    return 1;
}
