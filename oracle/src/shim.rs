//! Generates the Zig shim: C-ABI exports that decode arguments, call the
//! function under test, and encode its result (see [`crate::abi`]).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::abi::{AbiType, ShimFn, Wire};

/// The Zig source of a standalone shim exposing `fns`. `imports` are extra
/// top-level declarations (for example `const target = @import("target");`).
pub fn generate(fns: &[ShimFn], imports: &str) -> String {
    let mut out = String::new();
    out.push_str(PRELUDE);
    out.push_str(imports);
    out.push('\n');
    for f in fns {
        out.push_str(&export(f, ""));
    }
    out
}

/// The root file of an embedded shim: the wire prelude, and an import of
/// the module under test so that its appended exports are analysed.
pub fn embedded_root() -> String {
    format!("{PRELUDE}comptime {{\n    _ = @import(\"{EMBEDDED_MODULE}\");\n}}\n")
}

/// The module name the embedded root imports the copy under test as.
pub const EMBEDDED_MODULE: &str = "target";

/// Exports to append to a copy of the module under test itself, so that
/// they reach its private functions and types (`zig_call`s name them as
/// the module does: `parse`, `Point.scale`). They use the prelude through
/// `@import("root")`; every name they declare starts with `zigport_`, so
/// none shadows a declaration of the module.
pub fn embedded_exports(fns: &[ShimFn]) -> String {
    let texts: Vec<String> = fns.iter().map(embedded_export).collect();
    embedded_exports_of(&texts)
}

/// One function's export, as [`embedded_exports_of`] appends it.
pub fn embedded_export(f: &ShimFn) -> String {
    export(f, EMBEDDED_ROOT)
}

/// How exports appended to the module name the wire prelude.
pub const EMBEDDED_ROOT: &str = "zigport_root.";

/// The text appended to the copy of the module: `exports` (function
/// exports, call-sequence exports) after the prelude's import.
pub fn embedded_exports_of(exports: &[String]) -> String {
    let mut out = String::from(
        "\n// Appended by zigport's oracle (a copy; the original is untouched).\nconst zigport_root = @import(\"root\");\n\n",
    );
    for e in exports {
        out.push_str(e);
    }
    out
}

/// The shim functions a compiler's output blames, by export suffix: every
/// `FILE:LINE:` mention of `file_name` maps to the export whose
/// `fn zigport_<name>(` header is the nearest at or above that line. The
/// Zig shims and the port's Rust shims both read so. Mentions of the
/// prelude blame nothing (the caller treats that as fatal).
pub fn blamed_exports(source: &str, diagnostics: &str, file_name: &str) -> BTreeSet<String> {
    let headers: Vec<(usize, &str)> = source
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let rest = &line[line.find("fn zigport_")? + "fn zigport_".len()..];
            let name = &rest[..rest.find('(')?];
            (name != "set_panic_fd").then_some((i + 1, name))
        })
        .collect();
    let needle = format!("{file_name}:");
    let mut blamed = BTreeSet::new();
    // Zig's reference trace names the export that reached an error in
    // the module's own code (`zigport_parse: zigport-src/x.zig:40:5`).
    for (_, name) in &headers {
        if diagnostics.contains(&format!("zigport_{name}: ")) {
            blamed.insert((*name).to_string());
        }
    }
    for (at, _) in diagnostics.match_indices(&needle) {
        let digits: String = diagnostics[at + needle.len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let Ok(line) = digits.parse::<usize>() else {
            continue;
        };
        if let Some((_, name)) = headers.iter().rev().find(|(start, _)| *start <= line) {
            blamed.insert((*name).to_string());
        }
    }
    blamed
}

/// One export. `root` qualifies the prelude's declarations (empty in a
/// standalone shim, `zigport_root.` when appended to the module).
fn export(f: &ShimFn, root: &str) -> String {
    let (mut body, args) = decode_args(&f.params, 0, 1);
    let mut call = f.zig_call.clone();
    for (i, arg) in args.iter().enumerate() {
        call = call.replace(&format!("{{{i}}}"), arg);
    }
    if f.params.iter().any(AbiType::needs_arena) {
        // Declared before the arguments (the reader makes writers and
        // lists in it); freed after the result is encoded.
        body.insert_str(
            0,
            &format!(
                "    var zigport_arena = {root}std.heap.ArenaAllocator.init({root}std.heap.smp_allocator);\n    defer zigport_arena.deinit();\n    zigport_r.arena = zigport_arena.allocator();\n"
            ),
        );
    }
    let _ = writeln!(body, "    const zigport_result = {call};");
    let written: Vec<(usize, AbiType)> = (f.params.iter().enumerate())
        .filter_map(|(i, p)| Some((i, p.written_back()?)))
        .collect();
    if !written.is_empty() {
        let _ = writeln!(body, "    zigport_w.tuple({});", written.len() + 1);
    }
    body.push_str(&encode(&f.ret, "zigport_result", 1));
    for (i, ty) in written {
        body.push_str(&encode(&ty, &format!("zigport_a{i}"), 1));
    }
    format!(
        "export fn zigport_{name}(zigport_in: [*]const u8, zigport_in_len: usize, zigport_out: [*]u8, zigport_out_cap: usize, zigport_out_len: *usize) callconv(.c) i32 {{\n\
         \x20   {root}scratch_used = 0;\n\
         \x20   var zigport_r = {root}Reader{{ .buf = zigport_in[0..zigport_in_len] }};\n\
         \x20   _ = &zigport_r;\n\
         \x20   var zigport_w = {root}Writer{{ .buf = zigport_out[0..zigport_out_cap] }};\n\
         {body}\
         \x20   zigport_out_len.* = zigport_w.len;\n\
         \x20   return if (zigport_w.overflow) 1 else 0;\n\
         }}\n\n",
        name = f.name
    )
}

/// Statements binding the arguments `params` (numbered from `first`:
/// `zigport_a<i>`) from the reader, and the expressions passing them.
pub(crate) fn decode_args(params: &[AbiType], first: usize, depth: usize) -> (String, Vec<String>) {
    let pad = "    ".repeat(depth);
    let mut body = String::new();
    let mut args = Vec::new();
    for (i, p) in params.iter().enumerate() {
        let i = i + first;
        let spelled = |t: &AbiType| {
            format!(
                "zigport_r.value({})",
                t.zig_param_type().unwrap_or_default()
            )
        };
        let decode = match p {
            AbiType::Bool => "zigport_r.boolean()".to_string(),
            AbiType::Int { .. } => {
                format!("zigport_r.int({})", p.zig_param_type().unwrap_or_default())
            }
            AbiType::Float { .. } => format!(
                "zigport_r.float({})",
                p.zig_param_type().unwrap_or_default()
            ),
            AbiType::Bytes => "zigport_r.bytes()".to_string(),
            AbiType::MutBytes => "zigport_r.mutBytes()".to_string(),
            AbiType::Allocator => "zigport_arena.allocator()".to_string(),
            AbiType::IntSlice { .. }
            | AbiType::Record { .. }
            | AbiType::Enum { .. }
            | AbiType::Array { .. }
            | AbiType::Packed { .. }
            | AbiType::Union { .. }
            | AbiType::Slice { .. }
            | AbiType::Writer
            | AbiType::ByteList
            | AbiType::Optional { .. } => spelled(p),
            AbiType::Ref { inner, .. } | AbiType::Unobserved { inner } => spelled(inner),
            other => format!("@compileError(\"unsupported parameter {other:?}\")"),
        };
        let (binding, arg) = match p {
            AbiType::Ref { mutable: true, .. } => ("var", format!("&zigport_a{i}")),
            AbiType::Ref { mutable: false, .. } => ("const", format!("&zigport_a{i}")),
            _ => ("const", format!("zigport_a{i}")),
        };
        let _ = writeln!(body, "{pad}{binding} zigport_a{i} = {decode};");
        args.push(arg);
    }
    (body, args)
}

/// Zig statements writing `expr` (of type `ty`) with the writer `w`.
pub(crate) fn encode(ty: &AbiType, expr: &str, depth: usize) -> String {
    let pad = "    ".repeat(depth);
    match ty {
        AbiType::Void => format!("{pad}_ = {expr};\n{pad}zigport_w.tag({});\n", Wire::VOID),
        AbiType::Bool => format!("{pad}zigport_w.boolean({expr});\n"),
        AbiType::Int { .. } => format!("{pad}zigport_w.int({expr});\n"),
        AbiType::Float { .. } => format!("{pad}zigport_w.float({expr});\n"),
        AbiType::Bytes | AbiType::MutBytes => format!("{pad}zigport_w.bytes({expr});\n"),
        AbiType::EnumName | AbiType::Enum { .. } => {
            format!("{pad}zigport_w.bytes(@tagName({expr}));\n")
        }
        AbiType::IntSlice { .. } => format!("{pad}zigport_w.ints({expr});\n"),
        AbiType::Slice { inner } => {
            let v = format!("zigport_s{depth}");
            format!(
                "{pad}zigport_w.tuple(@intCast({expr}.len));\n{pad}for ({expr}) |{v}| {{\n{}{pad}}}\n",
                encode(inner, &v, depth + 1)
            )
        }
        AbiType::Array { inner, len } => {
            let v = format!("zigport_x{depth}");
            format!(
                "{pad}zigport_w.tuple({len});\n{pad}for ({expr}) |{v}| {{\n{}{pad}}}\n",
                encode(inner, &v, depth + 1)
            )
        }
        AbiType::Unobserved { .. } => format!("{pad}zigport_w.tag({});\n", Wire::VOID),
        AbiType::Union { variants, .. } => {
            let v = format!("zigport_u{depth}");
            let mut s = format!("{pad}switch ({expr}) {{\n");
            for (name, payload) in variants {
                let _ = write!(
                    s,
                    "{pad}    .@\"{name}\" => |{v}| {{\n{pad}        zigport_w.tuple(2);\n{pad}        zigport_w.bytes(\"{name}\");\n"
                );
                match payload {
                    Some(t) => s.push_str(&encode(t, &v, depth + 2)),
                    None => {
                        let _ = writeln!(
                            s,
                            "{pad}        _ = {v};\n{pad}        zigport_w.tag({});",
                            Wire::VOID
                        );
                    }
                }
                let _ = writeln!(s, "{pad}    }},");
            }
            let _ = writeln!(s, "{pad}}}");
            s
        }
        AbiType::Packed { bits, .. } => {
            format!("{pad}zigport_w.int(@as(u{bits}, @bitCast({expr})));\n")
        }
        AbiType::Ref { inner, .. } => encode(inner, &format!("{expr}.*"), depth),
        AbiType::Writer => format!("{pad}zigport_w.bytes({expr}.buffered());\n"),
        // Written by the sequence export itself.
        AbiType::Sequence { .. } => String::new(),
        AbiType::ByteList => format!("{pad}zigport_w.bytes({expr}.items);\n"),
        // Never a result (`result_type` does not produce it).
        AbiType::Allocator => format!("{pad}_ = {expr};\n{pad}zigport_w.tag({});\n", Wire::VOID),
        AbiType::Optional { inner } => {
            let v = format!("zigport_v{depth}");
            format!(
                "{pad}if ({expr}) |{v}| {{\n{}{pad}}} else zigport_w.tag({});\n",
                encode(inner, &v, depth + 1),
                Wire::NULL
            )
        }
        AbiType::ErrorUnion { payload } => {
            let v = format!("zigport_v{depth}");
            format!(
                "{pad}if ({expr}) |{v}| {{\n{}{pad}}} else |zigport_e| zigport_w.err(@errorName(zigport_e));\n",
                encode(payload, &v, depth + 1)
            )
        }
        AbiType::Struct { fields } | AbiType::Record { fields, .. } => {
            let fields: Vec<_> = fields.iter().filter(|(_, t)| t.carried_out()).collect();
            let mut s = format!("{pad}zigport_w.tuple({});\n", fields.len());
            for (name, fty) in fields {
                // Tuple fields are named by index: `t[0]`.
                let field = if name.bytes().all(|b| b.is_ascii_digit()) {
                    format!("{expr}[{name}]")
                } else {
                    format!("{expr}.@\"{name}\"")
                };
                s.push_str(&encode(fty, &field, depth));
            }
            s
        }
    }
}

/// Reader/Writer for the wire format, and a panic handler that reports
/// the message on the panic fd before exiting, so the harness can record
/// a Zig safety trap instead of losing the run.
const PRELUDE: &str = r#"// Generated by zigport's oracle. Do not edit.
pub const std = @import("std");

var panic_fd: std.posix.fd_t = -1;

export fn zigport_set_panic_fd(fd: i32) callconv(.c) void {
    panic_fd = fd;
}

pub const panic = std.debug.FullPanic(zigportPanic);

fn zigportPanic(msg: []const u8, first_trace_addr: ?usize) noreturn {
    _ = first_trace_addr;
    if (panic_fd >= 0) {
        var frame: [5]u8 = undefined;
        frame[0] = 0xFF;
        std.mem.writeInt(u32, frame[1..5], @intCast(msg.len), .little);
        _ = std.posix.write(panic_fd, &frame) catch {};
        _ = std.posix.write(panic_fd, msg) catch {};
    }
    std.process.exit(134);
}

var scratch: [1 << 20]u8 align(16) = undefined;
pub var scratch_used: usize = 0;

pub const Reader = struct {
    buf: []const u8,
    pos: usize = 0,
    /// The call's arena, when an argument needs one (allocators, writers
    /// and lists are made in it, not read from the wire).
    arena: ?std.mem.Allocator = null,

    pub fn take(self: *Reader, n: usize) []const u8 {
        const s = self.buf[self.pos .. self.pos + n];
        self.pos += n;
        return s;
    }

    pub fn boolean(self: *Reader) bool {
        _ = self.take(1);
        return self.take(1)[0] != 0;
    }

    pub fn int(self: *Reader, comptime T: type) T {
        const tag = self.take(1)[0];
        const raw = self.take(16);
        if (tag == 3) return @intCast(std.mem.readInt(u128, raw[0..16], .little));
        return @intCast(std.mem.readInt(i128, raw[0..16], .little));
    }

    pub fn float(self: *Reader, comptime T: type) T {
        _ = self.take(1);
        const f: f64 = @bitCast(std.mem.readInt(u64, self.take(8)[0..8], .little));
        return @floatCast(f);
    }

    /// A mutable copy of a bytes argument, in the shim's scratch area.
    pub fn mutBytes(self: *Reader) []u8 {
        const src = self.bytes();
        if (scratch_used + src.len > scratch.len) @panic("zigport: argument larger than the shim's scratch area");
        const dst = scratch[scratch_used .. scratch_used + src.len];
        scratch_used += src.len;
        @memcpy(dst, src);
        return dst;
    }

    pub fn bytes(self: *Reader) []const u8 {
        _ = self.take(1);
        const n = std.mem.readInt(u32, self.take(4)[0..4], .little);
        return self.take(n);
    }

    /// A tuple of values (integers, strings, structs...), decoded into
    /// the scratch area.
    pub fn ints(self: *Reader, comptime T: type) []T {
        _ = self.take(1);
        const n = std.mem.readInt(u32, self.take(4)[0..4], .little);
        const start = std.mem.alignForward(usize, scratch_used, @alignOf(T));
        if (start + n * @sizeOf(T) > scratch.len) @panic("zigport: argument larger than the shim's scratch area");
        scratch_used = start + n * @sizeOf(T);
        const dst = @as([*]T, @ptrCast(@alignCast(scratch[start..].ptr)))[0..n];
        for (dst) |*d| d.* = self.value(T);
        return dst;
    }

    /// Any value the ABI carries, decoded by its Zig type: enums by
    /// declaration index, structs field by field (a tuple on the wire).
    pub fn value(self: *Reader, comptime T: type) T {
        if (T == std.mem.Allocator) return self.arena.?;
        if (T == *std.Io.Writer) {
            const aw = self.arena.?.create(std.Io.Writer.Allocating) catch @panic("zigport: out of memory");
            aw.* = .init(self.arena.?);
            return &aw.writer;
        }
        if (T == std.ArrayList(u8)) {
            var list: T = .empty;
            list.appendSlice(self.arena.?, self.bytes()) catch @panic("zigport: out of memory");
            return list;
        }
        switch (@typeInfo(T)) {
            .bool => return self.boolean(),
            .int => return self.int(T),
            .float => return self.float(T),
            .optional => |o| {
                if (self.buf[self.pos] == 5) {
                    self.pos += 1;
                    return null;
                }
                return self.value(o.child);
            },
            .@"enum" => return std.meta.tags(T)[self.int(usize)],
            .@"struct" => |s| {
                if (s.layout == .@"packed") return @bitCast(self.int(s.backing_integer.?));
                _ = self.take(5);
                var v: T = undefined;
                inline for (s.fields) |f| @field(v, f.name) = self.value(f.type);
                return v;
            },
            .void => {
                _ = self.take(1);
                return {};
            },
            .@"union" => |u| {
                _ = self.take(5);
                const index = self.int(usize);
                inline for (u.fields, 0..) |f, i| {
                    if (i == index) return @unionInit(T, f.name, self.value(f.type));
                }
                @panic("zigport: union variant index out of range");
            },
            .array => |a| {
                _ = self.take(5);
                var v: T = undefined;
                for (&v) |*x| x.* = self.value(a.child);
                return v;
            },
            .pointer => |p| {
                if (p.child == u8) return if (p.is_const) self.bytes() else self.mutBytes();
                return self.ints(p.child);
            },
            else => @compileError("zigport: no wire decoding for " ++ @typeName(T)),
        }
    }
};

pub const Writer = struct {
    buf: []u8,
    len: usize = 0,
    overflow: bool = false,

    pub fn put(self: *Writer, data: []const u8) void {
        if (self.overflow or self.len + data.len > self.buf.len) {
            self.overflow = true;
            return;
        }
        @memcpy(self.buf[self.len .. self.len + data.len], data);
        self.len += data.len;
    }

    pub fn tag(self: *Writer, t: u8) void {
        self.put(&[_]u8{t});
    }

    pub fn boolean(self: *Writer, v: bool) void {
        self.put(&[_]u8{ 1, @intFromBool(v) });
    }

    pub fn int(self: *Writer, v: anytype) void {
        var raw: [16]u8 = undefined;
        if (@typeInfo(@TypeOf(v)).int.signedness == .signed) {
            self.tag(2);
            std.mem.writeInt(i128, &raw, v, .little);
        } else {
            self.tag(3);
            std.mem.writeInt(u128, &raw, v, .little);
        }
        self.put(&raw);
    }

    pub fn float(self: *Writer, v: anytype) void {
        self.tag(8);
        var raw: [8]u8 = undefined;
        const wide: f64 = @floatCast(v);
        std.mem.writeInt(u64, &raw, @bitCast(wide), .little);
        self.put(&raw);
    }

    pub fn lenPrefixed(self: *Writer, t: u8, data: []const u8) void {
        self.tag(t);
        var n: [4]u8 = undefined;
        std.mem.writeInt(u32, &n, @intCast(data.len), .little);
        self.put(&n);
        self.put(data);
    }

    pub fn bytes(self: *Writer, data: []const u8) void {
        self.lenPrefixed(4, data);
    }

    pub fn err(self: *Writer, name: []const u8) void {
        self.lenPrefixed(6, name);
    }

    pub fn tuple(self: *Writer, count: u32) void {
        self.tag(7);
        var n: [4]u8 = undefined;
        std.mem.writeInt(u32, &n, count, .little);
        self.put(&n);
    }

    pub fn ints(self: *Writer, items: anytype) void {
        self.tuple(@intCast(items.len));
        for (items) |v| self.int(v);
    }
};

"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_decode_call_and_encode() {
        let f = ShimFn {
            name: "parse_i32".into(),
            params: vec![AbiType::Bytes, AbiType::int(false, 8)],
            ret: AbiType::ErrorUnion {
                payload: Box::new(AbiType::int(true, 32)),
            },
            zig_call: "std.fmt.parseInt(i32, {0}, {1})".into(),
        };
        let zig = generate(&[f], "");
        assert!(zig.contains("export fn zigport_parse_i32("));
        assert!(zig.contains("const zigport_a0 = zigport_r.bytes();"));
        assert!(zig.contains("const zigport_a1 = zigport_r.int(u8);"));
        assert!(
            zig.contains("const zigport_result = std.fmt.parseInt(i32, zigport_a0, zigport_a1);")
        );
        assert!(zig.contains("} else |zigport_e| zigport_w.err(@errorName(zigport_e));"));
    }

    #[test]
    fn compiler_output_blames_the_export_around_its_line() {
        let one = |name: &str| ShimFn {
            name: name.into(),
            params: vec![AbiType::Bool],
            ret: AbiType::Bool,
            zig_call: "!{0}".into(),
        };
        let zig = generate(&[one("a"), one("b")], "");
        let line_of = |needle: &str| zig.lines().position(|l| l.contains(needle)).unwrap() + 1;
        let inside_b = line_of("fn zigport_b(") + 2;
        let diagnostics = format!(
            "/x/shim.zig:{inside_b}:9: error: bad\n/x/shim.zig:3:1: note: prelude\nother.zig:{inside_b}:1: note"
        );
        let blamed = blamed_exports(&zig, &diagnostics, "shim.zig");
        assert_eq!(blamed.into_iter().collect::<Vec<_>>(), ["b"]);
    }
}
