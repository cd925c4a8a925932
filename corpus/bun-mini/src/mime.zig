//! MIME types for `Bun.file(path).type` and the static file server: lookup
//! by extension or by path, classification into a `Category`, and the
//! "is this text / should this be gzipped" questions a server asks.
//!
//! Every known extension maps to an `Entry` whose behaviour bits live in a
//! packed `Flags` byte; properties of arbitrary MIME strings (which may carry
//! parameters such as `; charset=latin1`) are derived from their parsed
//! `type/subtype+suffix` shape.

const std = @import("std");
const Allocator = std.mem.Allocator;

/// The type served for unknown or extension-less files.
pub const default_type = "application/octet-stream";

/// Longest extension considered by `lookup`.
pub const max_extension_len: usize = 16;

/// Behaviour bits of a known type.
const Flags = packed struct(u8) {
    /// Human-readable text.
    text: bool = false,
    /// Worth compressing on the wire.
    compressible: bool = false,
    /// Served with `; charset=utf-8`.
    utf8: bool = false,
    /// This extension is the canonical one for its MIME type.
    preferred: bool = true,
    _padding: u4 = 0,
};

const Entry = struct {
    mime: []const u8,
    flags: Flags,

    fn text(mime: []const u8) Entry {
        return .{ .mime = mime, .flags = .{ .text = true, .compressible = true, .utf8 = true } };
    }

    fn binary(mime: []const u8) Entry {
        return .{ .mime = mime, .flags = .{} };
    }

    fn packable(mime: []const u8) Entry {
        return .{ .mime = mime, .flags = .{ .compressible = true } };
    }

    /// The same entry, but not the canonical extension of its type.
    fn alias(self: Entry) Entry {
        var e = self;
        e.flags.preferred = false;
        return e;
    }
};

const by_extension = std.StaticStringMapWithEql(Entry, std.static_string_map.eqlAsciiIgnoreCase).initComptime(.{
    // Web
    .{ "html", Entry.text("text/html") },
    .{ "htm", Entry.text("text/html").alias() },
    .{ "css", Entry.text("text/css") },
    .{ "js", Entry.text("text/javascript") },
    .{ "mjs", Entry.text("text/javascript").alias() },
    .{ "cjs", Entry.text("text/javascript").alias() },
    .{ "jsx", Entry.text("text/jsx") },
    .{ "ts", Entry.text("text/typescript") },
    .{ "mts", Entry.text("text/typescript").alias() },
    .{ "cts", Entry.text("text/typescript").alias() },
    .{ "tsx", Entry.text("text/tsx") },
    .{ "json", Entry.text("application/json") },
    .{ "jsonc", Entry.text("application/json").alias() },
    .{ "map", Entry.text("application/json").alias() },
    .{ "jsonld", Entry.text("application/ld+json") },
    .{ "webmanifest", Entry.text("application/manifest+json") },
    .{ "wasm", Entry.packable("application/wasm") },
    .{ "xml", Entry.text("application/xml") },
    .{ "xhtml", Entry.text("application/xhtml+xml") },
    .{ "rss", Entry.text("application/rss+xml") },
    .{ "atom", Entry.text("application/atom+xml") },
    .{ "graphql", Entry.text("application/graphql") },
    // Text
    .{ "txt", Entry.text("text/plain") },
    .{ "text", Entry.text("text/plain").alias() },
    .{ "log", Entry.text("text/plain").alias() },
    .{ "md", Entry.text("text/markdown") },
    .{ "markdown", Entry.text("text/markdown").alias() },
    .{ "csv", Entry.text("text/csv") },
    .{ "tsv", Entry.text("text/tab-separated-values") },
    .{ "yaml", Entry.text("text/yaml") },
    .{ "yml", Entry.text("text/yaml").alias() },
    .{ "toml", Entry.text("application/toml") },
    .{ "ics", Entry.text("text/calendar") },
    .{ "vcf", Entry.text("text/vcard") },
    .{ "sh", Entry.text("application/x-sh") },
    .{ "py", Entry.text("text/x-python") },
    .{ "rtf", Entry.text("application/rtf") },
    // Images
    .{ "png", Entry.binary("image/png") },
    .{ "apng", Entry.binary("image/apng") },
    .{ "jpg", Entry.binary("image/jpeg") },
    .{ "jpeg", Entry.binary("image/jpeg").alias() },
    .{ "gif", Entry.binary("image/gif") },
    .{ "webp", Entry.binary("image/webp") },
    .{ "avif", Entry.binary("image/avif") },
    .{ "svg", Entry.text("image/svg+xml") },
    .{ "ico", Entry.packable("image/vnd.microsoft.icon") },
    .{ "bmp", Entry.packable("image/bmp") },
    .{ "tif", Entry.binary("image/tiff").alias() },
    .{ "tiff", Entry.binary("image/tiff") },
    .{ "heic", Entry.binary("image/heic") },
    // Audio
    .{ "mp3", Entry.binary("audio/mpeg") },
    .{ "wav", Entry.binary("audio/wav") },
    .{ "ogg", Entry.binary("audio/ogg") },
    .{ "oga", Entry.binary("audio/ogg").alias() },
    .{ "opus", Entry.binary("audio/opus") },
    .{ "flac", Entry.binary("audio/flac") },
    .{ "aac", Entry.binary("audio/aac") },
    .{ "m4a", Entry.binary("audio/mp4") },
    .{ "weba", Entry.binary("audio/webm") },
    .{ "mid", Entry.binary("audio/midi") },
    .{ "midi", Entry.binary("audio/midi").alias() },
    // Video
    .{ "mp4", Entry.binary("video/mp4") },
    .{ "m4v", Entry.binary("video/mp4").alias() },
    .{ "webm", Entry.binary("video/webm") },
    .{ "ogv", Entry.binary("video/ogg") },
    .{ "mov", Entry.binary("video/quicktime") },
    .{ "avi", Entry.binary("video/x-msvideo") },
    .{ "mkv", Entry.binary("video/x-matroska") },
    .{ "mpeg", Entry.binary("video/mpeg") },
    .{ "3gp", Entry.binary("video/3gpp") },
    // Fonts
    .{ "woff", Entry.binary("font/woff") },
    .{ "woff2", Entry.binary("font/woff2") },
    .{ "ttf", Entry.packable("font/ttf") },
    .{ "otf", Entry.packable("font/otf") },
    .{ "eot", Entry.packable("application/vnd.ms-fontobject") },
    // Archives and documents
    .{ "zip", Entry.binary("application/zip") },
    .{ "gz", Entry.binary("application/gzip") },
    .{ "tgz", Entry.binary("application/gzip").alias() },
    .{ "tar", Entry.packable("application/x-tar") },
    .{ "bz2", Entry.binary("application/x-bzip2") },
    .{ "xz", Entry.binary("application/x-xz") },
    .{ "zst", Entry.binary("application/zstd") },
    .{ "br", Entry.binary("application/x-brotli") },
    .{ "7z", Entry.binary("application/x-7z-compressed") },
    .{ "rar", Entry.binary("application/vnd.rar") },
    .{ "pdf", Entry.binary("application/pdf") },
    .{ "epub", Entry.binary("application/epub+zip") },
    .{ "docx", Entry.binary("application/vnd.openxmlformats-officedocument.wordprocessingml.document") },
    .{ "xlsx", Entry.binary("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") },
    .{ "bin", Entry.binary(default_type) },
    .{ "lockb", Entry.binary(default_type).alias() },
    .{ "node", Entry.binary(default_type).alias() },
    // 3D models
    .{ "glb", Entry.binary("model/gltf-binary") },
    .{ "gltf", Entry.text("model/gltf+json") },
});

/// Broad classification of a MIME type, roughly what a bundler or dev server
/// branches on.
pub const Category = enum {
    html,
    css,
    javascript,
    json,
    wasm,
    text,
    image,
    audio,
    video,
    font,
    model,
    multipart,
    application,
    other,

    const top_level = std.StaticStringMapWithEql(Category, std.static_string_map.eqlAsciiIgnoreCase).initComptime(.{
        .{ "text", .text },
        .{ "image", .image },
        .{ "audio", .audio },
        .{ "video", .video },
        .{ "font", .font },
        .{ "model", .model },
        .{ "multipart", .multipart },
        .{ "application", .application },
    });

    /// Whether a browser can execute or render this directly as a page asset.
    pub fn isWebAsset(self: Category) bool {
        return switch (self) {
            .html, .css, .javascript, .wasm, .image, .font => true,
            else => false,
        };
    }
};

/// A parsed `type/subtype[+suffix][; params]` borrowing from its source.
const MediaType = struct {
    type: []const u8,
    subtype: []const u8,
    /// The structured-syntax suffix (`json` in `ld+json`), if any.
    suffix: ?[]const u8,

    fn isTokenChar(c: u8) bool {
        return std.ascii.isAlphanumeric(c) or std.mem.indexOfScalar(u8, "!#$&-^_.+", c) != null;
    }

    fn isToken(s: []const u8) bool {
        if (s.len == 0) return false;
        for (s) |c| if (!isTokenChar(c)) return false;
        return true;
    }

    fn parse(text: []const u8) ?MediaType {
        const semi = std.mem.indexOfScalar(u8, text, ';') orelse text.len;
        const essence = std.mem.trim(u8, text[0..semi], " \t");
        const slash = std.mem.indexOfScalar(u8, essence, '/') orelse return null;
        const t = essence[0..slash];
        const sub = essence[slash + 1 ..];
        if (!isToken(t) or !isToken(sub)) return null;
        const plus = std.mem.lastIndexOfScalar(u8, sub, '+');
        return .{
            .type = t,
            .subtype = sub,
            .suffix = if (plus) |p| sub[p + 1 ..] else null,
        };
    }

    fn typeIs(self: MediaType, name: []const u8) bool {
        return std.ascii.eqlIgnoreCase(self.type, name);
    }

    fn suffixIs(self: MediaType, name: []const u8) bool {
        const s = self.suffix orelse return false;
        return std.ascii.eqlIgnoreCase(s, name);
    }

    fn subtypeIn(self: MediaType, comptime names: []const []const u8) bool {
        inline for (names) |name| {
            if (std.ascii.eqlIgnoreCase(self.subtype, name)) return true;
        }
        return false;
    }
};

const textual_application_subtypes = [_][]const u8{
    "javascript", "ecmascript",            "x-javascript", "json", "xml", "x-sh",
    "toml",       "yaml",                  "x-yaml",       "graphql", "sql", "rtf",
    "typescript", "x-www-form-urlencoded",
};

const compressible_binary = [_]struct { []const u8, []const []const u8 }{
    .{ "application", &.{ "wasm", "x-tar", "vnd.ms-fontobject", "x-font-ttf" } },
    .{ "font", &.{ "ttf", "otf" } },
    .{ "image", &.{ "bmp", "x-icon", "vnd.microsoft.icon" } },
};

fn entryFor(ext: []const u8) ?Entry {
    const bare = if (ext.len > 0 and ext[0] == '.') ext[1..] else ext;
    if (bare.len == 0 or bare.len > max_extension_len) return null;
    return by_extension.get(bare);
}

/// The extension (without the dot) of the last path component, if any.
/// Dotfiles such as `.env` have no extension.
fn extensionOf(path: []const u8) ?[]const u8 {
    const sep = std.mem.lastIndexOfAny(u8, path, "/\\");
    const base = if (sep) |s| path[s + 1 ..] else path;
    const dot = std.mem.lastIndexOfScalar(u8, base, '.') orelse return null;
    if (dot == 0 or dot + 1 == base.len) return null;
    return base[dot + 1 ..];
}

/// MIME type for an extension such as `"html"` or `".png"` (case-insensitive).
pub fn lookup(ext: []const u8) ?[]const u8 {
    const entry = entryFor(ext) orelse return null;
    return entry.mime;
}

/// MIME type for the extension of `path` (`/`- or `\`-separated).
pub fn fromPath(path: []const u8) ?[]const u8 {
    return lookup(extensionOf(path) orelse return null);
}

/// The canonical extension for a known MIME type (parameters are ignored).
pub fn extension(mime: []const u8) ?[]const u8 {
    const mt = MediaType.parse(mime) orelse return null;
    const essence_len = mt.type.len + 1 + mt.subtype.len;
    const essence = mt.type.ptr[0..essence_len];
    for (by_extension.keys(), by_extension.values()) |key, entry| {
        if (entry.flags.preferred and std.ascii.eqlIgnoreCase(entry.mime, essence)) return key;
    }
    return null;
}

/// Whether `mime` denotes human-readable text (including JSON, XML, SVG and
/// JavaScript served under `application/` or with a `+json`/`+xml` suffix).
pub fn isText(mime: []const u8) bool {
    const mt = MediaType.parse(mime) orelse return false;
    if (mt.typeIs("text")) return true;
    if (mt.suffixIs("json") or mt.suffixIs("xml")) return true;
    return mt.typeIs("application") and mt.subtypeIn(&textual_application_subtypes);
}

/// Whether responses of this type benefit from gzip/brotli.
pub fn isCompressible(mime: []const u8) bool {
    if (isText(mime)) return true;
    const mt = MediaType.parse(mime) orelse return false;
    inline for (compressible_binary) |group| {
        if (mt.typeIs(group[0]) and mt.subtypeIn(group[1])) return true;
    }
    return false;
}

/// Classify `mime`; unparsable or unrecognised top-level types are `.other`.
pub fn category(mime: []const u8) Category {
    const mt = MediaType.parse(mime) orelse return .other;
    if (mt.typeIs("text")) {
        if (mt.subtypeIn(&.{"html"})) return .html;
        if (mt.subtypeIn(&.{"css"})) return .css;
        if (mt.subtypeIn(&.{ "javascript", "jsx", "typescript", "tsx" })) return .javascript;
    }
    if (mt.typeIs("application")) {
        if (mt.subtypeIn(&.{ "javascript", "x-javascript", "ecmascript" })) return .javascript;
        if (mt.subtypeIn(&.{"wasm"})) return .wasm;
        if (mt.subtypeIn(&.{"json"}) or mt.suffixIs("json")) return .json;
    }
    return Category.top_level.get(mt.type) orelse .other;
}

/// Category of the file at `path`, `.other` when the extension is unknown.
pub fn categoryOfPath(path: []const u8) Category {
    return category(fromPath(path) orelse return .other);
}

/// A full `Content-Type` header value for `path`: the looked-up type (or
/// `application/octet-stream`) plus `; charset=utf-8` for text. Caller owns it.
pub fn contentType(allocator: Allocator, path: []const u8) Allocator.Error![]u8 {
    const entry: Entry = blk: {
        const ext = extensionOf(path) orelse break :blk Entry.binary(default_type);
        break :blk entryFor(ext) orelse Entry.binary(default_type);
    };
    const charset = if (entry.flags.utf8) "; charset=utf-8" else "";
    return std.mem.concat(allocator, u8, &.{ entry.mime, charset });
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

const testing = std.testing;
const expect = testing.expect;

test "lookup by extension" {
    try testing.expectEqualStrings("text/html", lookup("html").?);
    try testing.expectEqualStrings("text/html", lookup(".HTM").?);
    try testing.expectEqualStrings("text/javascript", lookup("mjs").?);
    try testing.expectEqualStrings("image/svg+xml", lookup("svg").?);
    try testing.expectEqualStrings("application/wasm", lookup(".wasm").?);
    try testing.expectEqualStrings("font/woff2", lookup("woff2").?);
    try testing.expectEqual(@as(?[]const u8, null), lookup("unknownext"));
    try testing.expectEqual(@as(?[]const u8, null), lookup(""));
    try testing.expectEqual(@as(?[]const u8, null), lookup("."));
    try testing.expectEqual(@as(?[]const u8, null), lookup("averyveryverylongextension"));
    try expect(by_extension.keys().len >= 80);
}

test "every known type has exactly one preferred extension" {
    for (by_extension.values()) |entry| {
        var preferred: usize = 0;
        for (by_extension.values()) |other| {
            if (other.flags.preferred and std.mem.eql(u8, other.mime, entry.mime)) preferred += 1;
        }
        try testing.expectEqual(@as(usize, 1), preferred);
        try testing.expectEqualStrings(entry.mime, lookup(extension(entry.mime).?).?);
    }
}

test "fromPath" {
    try testing.expectEqualStrings("text/css", fromPath("public/styles/main.css").?);
    try testing.expectEqualStrings("image/png", fromPath("C:\\assets\\logo.PNG").?);
    try testing.expectEqualStrings("application/gzip", fromPath("bun-v1.1.0.tar.gz").?);
    try testing.expectEqualStrings("application/json", fromPath("./tsconfig.json").?);
    try testing.expectEqual(@as(?[]const u8, null), fromPath(".env"));
    try testing.expectEqual(@as(?[]const u8, null), fromPath("Makefile"));
    try testing.expectEqual(@as(?[]const u8, null), fromPath("dir.d/README"));
    try testing.expectEqual(@as(?[]const u8, null), fromPath("trailing."));
}

test "extension reverse lookup" {
    try testing.expectEqualStrings("html", extension("text/html; charset=utf-8").?);
    try testing.expectEqualStrings("jpg", extension("IMAGE/JPEG").?);
    try testing.expectEqualStrings("js", extension("text/javascript").?);
    try testing.expectEqualStrings("bin", extension("application/octet-stream").?);
    try testing.expectEqual(@as(?[]const u8, null), extension("application/x-unknown"));
    try testing.expectEqual(@as(?[]const u8, null), extension("not a mime"));
}

test "isText and isCompressible" {
    try expect(isText("text/plain"));
    try expect(isText("text/html; charset=latin1"));
    try expect(isText("application/json"));
    try expect(isText("application/ld+json"));
    try expect(isText("image/svg+xml"));
    try expect(isText("Application/JavaScript"));
    try expect(!isText("image/png"));
    try expect(!isText("application/octet-stream"));
    try expect(!isText("text"));
    try expect(!isText("/plain"));
    try expect(!isText("text/pl ain"));
    try expect(isCompressible("application/wasm"));
    try expect(isCompressible("font/ttf"));
    try expect(isCompressible("text/css"));
    try expect(!isCompressible("image/jpeg"));
    try expect(!isCompressible("font/woff2"));
}

test "category" {
    try testing.expectEqual(Category.html, category("text/html"));
    try testing.expectEqual(Category.css, category("text/css;charset=utf-8"));
    try testing.expectEqual(Category.javascript, category("text/javascript"));
    try testing.expectEqual(Category.javascript, category("application/javascript"));
    try testing.expectEqual(Category.json, category("application/manifest+json"));
    try testing.expectEqual(Category.wasm, category("application/wasm"));
    try testing.expectEqual(Category.image, category("image/webp"));
    try testing.expectEqual(Category.audio, category("audio/ogg"));
    try testing.expectEqual(Category.video, category("VIDEO/mp4"));
    try testing.expectEqual(Category.font, category("font/woff"));
    try testing.expectEqual(Category.multipart, category("multipart/form-data; boundary=x"));
    try testing.expectEqual(Category.application, category("application/pdf"));
    try testing.expectEqual(Category.other, category("chemical/x-pdb"));
    try testing.expectEqual(Category.other, category(""));
    try testing.expectEqual(Category.model, categoryOfPath("scene.glb"));
    try testing.expectEqual(Category.other, categoryOfPath("noext"));
    try expect(Category.font.isWebAsset());
    try expect(!Category.audio.isWebAsset());
}

test "contentType header values" {
    const cases = [_]struct { []const u8, []const u8 }{
        .{ "index.html", "text/html; charset=utf-8" },
        .{ "app.tsx", "text/tsx; charset=utf-8" },
        .{ "photo.jpeg", "image/jpeg" },
        .{ "bun.lockb", "application/octet-stream" },
        .{ "LICENSE", "application/octet-stream" },
        .{ "feed.rss", "application/rss+xml; charset=utf-8" },
    };
    for (cases) |case| {
        const got = try contentType(testing.allocator, case[0]);
        defer testing.allocator.free(got);
        try testing.expectEqualStrings(case[1], got);
    }
}
