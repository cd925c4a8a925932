//! A small, allocation-free URL splitter in the spirit of Bun's `URL.zig`.
//! It is not a WHATWG URL parser: nothing is normalized, lowercased or
//! validated beyond what is needed to find the pieces of
//!
//!     protocol://username:password@hostname:port/pathname?search#hash
//!
//! Every piece is a slice of the input. On top of the splitter there are
//! percent-encoding helpers and RFC 3986 reference resolution.

const std = @import("std");

/// Well-known schemes, recognized case-insensitively.
pub const Scheme = enum {
    http,
    https,
    ws,
    wss,
    ftp,
    file,
    unix,
    data,
    blob,
    mailto,
    /// Some other scheme.
    other,
    /// No scheme at all (a relative reference).
    none,

    const by_name = std.StaticStringMap(Scheme).initComptime(.{
        .{ "http", .http },     .{ "https", .https }, .{ "ws", .ws },
        .{ "wss", .wss },       .{ "ftp", .ftp },     .{ "file", .file },
        .{ "unix", .unix },     .{ "data", .data },   .{ "blob", .blob },
        .{ "mailto", .mailto },
    });

    /// Classify a protocol name (without the `:`).
    pub fn fromName(name: []const u8) Scheme {
        var buf: [8]u8 = undefined;
        if (name.len > buf.len) return .other;
        const lower = std.ascii.lowerString(buf[0..name.len], name);
        return by_name.get(lower) orelse .other;
    }

    /// The port implied when none is written.
    pub fn defaultPort(self: Scheme) ?u16 {
        return switch (self) {
            .http, .ws => 80,
            .https, .wss => 443,
            .ftp => 21,
            else => null,
        };
    }

    /// Whether traffic for this scheme is encrypted.
    pub fn isSecure(self: Scheme) bool {
        return self == .https or self == .wss;
    }
};

/// What the splitter found.
const Flags = packed struct(u8) {
    has_protocol: bool = false,
    has_authority: bool = false,
    has_userinfo: bool = false,
    has_port: bool = false,
    is_ipv6: bool = false,
    has_query: bool = false,
    has_fragment: bool = false,
    /// An unterminated `[` or junk after `]` in the host.
    malformed_host: bool = false,
};

/// A URL split into slices of `href`.
pub const URL = struct {
    href: []const u8,
    /// Scheme without the trailing `:`.
    protocol: []const u8 = "",
    /// Everything between `//` and the path, if there was a `//`.
    authority: []const u8 = "",
    username: []const u8 = "",
    password: []const u8 = "",
    /// `hostname[:port]`.
    host: []const u8 = "",
    /// Includes the brackets for IPv6 literals.
    hostname: []const u8 = "",
    /// The digits after the `:`, unvalidated.
    port_text: []const u8 = "",
    /// The path exactly as written (possibly empty).
    path: []const u8 = "",
    /// The query without its `?`.
    query: []const u8 = "",
    /// The fragment without its `#`.
    fragment: []const u8 = "",
    flags: Flags = .{},

    const State = enum { scheme, authority, path, query, fragment };

    /// Split `href`. Never fails; pieces that are not there stay empty.
    pub fn parse(href: []const u8) URL {
        var url: URL = .{ .href = href };
        var i: usize = 0;
        state: switch (State.scheme) {
            .scheme => {
                if (schemeLength(href)) |n| {
                    url.protocol = href[0..n];
                    url.flags.has_protocol = true;
                    i = n + 1;
                }
                if (std.mem.startsWith(u8, href[i..], "//")) {
                    i += 2;
                    continue :state .authority;
                }
                continue :state .path;
            },
            .authority => {
                const end = std.mem.indexOfAnyPos(u8, href, i, "/?#") orelse href.len;
                url.flags.has_authority = true;
                url.authority = href[i..end];
                url.splitAuthority();
                i = end;
                continue :state .path;
            },
            .path => {
                const end = std.mem.indexOfAnyPos(u8, href, i, "?#") orelse href.len;
                url.path = href[i..end];
                i = end;
                if (i < href.len) continue :state if (href[i] == '?') .query else .fragment;
            },
            .query => {
                const end = std.mem.indexOfScalarPos(u8, href, i, '#') orelse href.len;
                url.flags.has_query = true;
                url.query = href[i + 1 .. end];
                i = end;
                if (i < href.len) continue :state .fragment;
            },
            .fragment => {
                url.flags.has_fragment = true;
                url.fragment = href[i + 1 ..];
            },
        }
        return url;
    }

    /// `[A-Za-z][A-Za-z0-9+.-]*` followed by `:`; returns the scheme length.
    fn schemeLength(href: []const u8) ?usize {
        if (href.len == 0 or !std.ascii.isAlphabetic(href[0])) return null;
        for (href[1..], 1..) |c, i| {
            switch (c) {
                'a'...'z', 'A'...'Z', '0'...'9', '+', '-', '.' => {},
                ':' => return i,
                else => return null,
            }
        }
        return null;
    }

    fn splitAuthority(self: *URL) void {
        var rest = self.authority;
        if (std.mem.lastIndexOfScalar(u8, rest, '@')) |at| {
            const info = rest[0..at];
            self.flags.has_userinfo = true;
            if (std.mem.indexOfScalar(u8, info, ':')) |colon| {
                self.username = info[0..colon];
                self.password = info[colon + 1 ..];
            } else {
                self.username = info;
            }
            rest = rest[at + 1 ..];
        }
        self.host = rest;
        self.hostname = rest;
        if (rest.len > 0 and rest[0] == '[') {
            self.flags.is_ipv6 = true;
            const close = std.mem.indexOfScalar(u8, rest, ']') orelse {
                self.flags.malformed_host = true;
                return;
            };
            self.hostname = rest[0 .. close + 1];
            const after = rest[close + 1 ..];
            if (after.len == 0) return;
            if (after[0] != ':') {
                self.flags.malformed_host = true;
                return;
            }
            self.flags.has_port = true;
            self.port_text = after[1..];
            return;
        }
        if (std.mem.lastIndexOfScalar(u8, rest, ':')) |colon| {
            self.hostname = rest[0..colon];
            self.port_text = rest[colon + 1 ..];
            self.flags.has_port = true;
        }
    }

    /// The scheme, classified.
    pub fn scheme(self: *const URL) Scheme {
        if (!self.flags.has_protocol) return .none;
        return Scheme.fromName(self.protocol);
    }

    /// The explicit port, or null if absent, empty, non-numeric or > 65535.
    pub fn port(self: *const URL) ?u16 {
        if (!self.flags.has_port or self.port_text.len == 0) return null;
        for (self.port_text) |c| if (!std.ascii.isDigit(c)) return null;
        return std.fmt.parseInt(u16, self.port_text, 10) catch null;
    }

    /// The explicit port, else the scheme's default one.
    pub fn portOrDefault(self: *const URL) ?u16 {
        if (self.flags.has_port and self.port_text.len > 0) return self.port();
        return self.scheme().defaultPort();
    }

    /// The path, or `/` when there is an authority but no path.
    pub fn pathname(self: *const URL) []const u8 {
        if (self.path.len == 0 and self.flags.has_authority) return "/";
        return self.path;
    }

    /// `?query`, or empty when the query is absent or empty.
    pub fn search(self: *const URL) []const u8 {
        if (self.query.len == 0) return "";
        const start = @intFromPtr(self.query.ptr) - @intFromPtr(self.href.ptr) - 1;
        return self.href[start .. start + 1 + self.query.len];
    }

    /// `#fragment`, or empty when the fragment is absent or empty.
    pub fn hash(self: *const URL) []const u8 {
        if (self.fragment.len == 0) return "";
        return self.href[self.href.len - self.fragment.len - 1 ..];
    }

    /// Whether the host is a loopback name or address.
    pub fn isLocalhost(self: *const URL) bool {
        const h = self.hostname;
        if (std.ascii.eqlIgnoreCase(h, "localhost")) return true;
        if (h.len > ".localhost".len and std.ascii.endsWithIgnoreCase(h, ".localhost")) return true;
        return std.mem.eql(u8, h, "127.0.0.1") or std.mem.eql(u8, h, "[::1]") or std.mem.eql(u8, h, "0.0.0.0");
    }

    /// `protocol://host`, or `null` for URLs without scheme or authority.
    pub fn origin(self: *const URL, allocator: std.mem.Allocator) ![]u8 {
        if (!self.flags.has_protocol or !self.flags.has_authority or self.host.len == 0) {
            return allocator.dupe(u8, "null");
        }
        return std.mem.concat(allocator, u8, &.{ self.protocol, "://", self.host });
    }

    /// Append the RFC 3986 §5.3 recomposition of the given parts.
    fn recompose(
        self: *const URL,
        out: *std.ArrayList(u8),
        allocator: std.mem.Allocator,
        path: []const u8,
        query: ?[]const u8,
    ) !void {
        if (self.flags.has_protocol) {
            try out.appendSlice(allocator, self.protocol);
            try out.append(allocator, ':');
        }
        if (self.flags.has_authority) {
            try out.appendSlice(allocator, "//");
            try out.appendSlice(allocator, self.authority);
        }
        try out.appendSlice(allocator, path);
        if (query) |q| {
            try out.append(allocator, '?');
            try out.appendSlice(allocator, q);
        }
    }

    fn optionalQuery(self: *const URL) ?[]const u8 {
        return if (self.flags.has_query) self.query else null;
    }
};

/// The scheme without `:`, or null when `href` has none.
pub fn protocol(href: []const u8) ?[]const u8 {
    const url = URL.parse(href);
    return if (url.flags.has_protocol) url.protocol else null;
}

/// The classified scheme.
pub fn scheme(href: []const u8) Scheme {
    return URL.parse(href).scheme();
}

/// The user name from the userinfo, possibly empty.
pub fn username(href: []const u8) []const u8 {
    return URL.parse(href).username;
}

/// The password from the userinfo, possibly empty.
pub fn password(href: []const u8) []const u8 {
    return URL.parse(href).password;
}

/// `hostname[:port]`.
pub fn host(href: []const u8) []const u8 {
    return URL.parse(href).host;
}

/// The host name (IPv6 literals keep their brackets).
pub fn hostname(href: []const u8) []const u8 {
    return URL.parse(href).hostname;
}

/// The explicit port; null when absent or invalid.
pub fn port(href: []const u8) ?u16 {
    return URL.parse(href).port();
}

/// The explicit port, or the scheme's default (80, 443, 21).
pub fn portOrDefault(href: []const u8) ?u16 {
    return URL.parse(href).portOrDefault();
}

/// The path; `/` when there is a host but no path.
pub fn pathname(href: []const u8) []const u8 {
    return URL.parse(href).pathname();
}

/// `?query` or empty.
pub fn search(href: []const u8) []const u8 {
    return URL.parse(href).search();
}

/// `#fragment` or empty.
pub fn hash(href: []const u8) []const u8 {
    return URL.parse(href).hash();
}

/// Whether the scheme is `https` (any case).
pub fn isHttps(href: []const u8) bool {
    return URL.parse(href).scheme() == .https;
}

/// Whether the scheme is `http` or `https`.
pub fn isHttpLike(href: []const u8) bool {
    const s = URL.parse(href).scheme();
    return s == .http or s == .https;
}

/// Whether the URL points at the local machine.
pub fn isLocalhost(href: []const u8) bool {
    return URL.parse(href).isLocalhost();
}

/// `protocol://host`, or `null`.
pub fn origin(allocator: std.mem.Allocator, href: []const u8) ![]u8 {
    return URL.parse(href).origin(allocator);
}

/// Errors from `percentDecode`.
pub const DecodeError = error{
    /// `%` not followed by two hex digits.
    InvalidPercentEncoding,
    NoSpaceLeft,
};

/// Decode `%XX` escapes from `src` into `dest`; `+` is left alone. Returns
/// the number of bytes written (never more than `src.len`).
pub fn percentDecode(dest: []u8, src: []const u8) DecodeError!usize {
    var si: usize = 0;
    var di: usize = 0;
    while (si < src.len) : (di += 1) {
        if (di >= dest.len) return error.NoSpaceLeft;
        if (src[si] != '%') {
            dest[di] = src[si];
            si += 1;
            continue;
        }
        if (src.len - si < 3) return error.InvalidPercentEncoding;
        const hi = std.fmt.charToDigit(src[si + 1], 16) catch return error.InvalidPercentEncoding;
        const lo = std.fmt.charToDigit(src[si + 2], 16) catch return error.InvalidPercentEncoding;
        dest[di] = (hi << 4) | lo;
        si += 3;
    }
    return di;
}

/// A set of bytes that percent-encoding leaves as they are.
fn KeepSet(comptime extra: []const u8) type {
    return struct {
        const table: [256]bool = blk: {
            var t = [_]bool{false} ** 256;
            for ('a'..'z' + 1) |c| t[c] = true;
            for ('A'..'Z' + 1) |c| t[c] = true;
            for ('0'..'9' + 1) |c| t[c] = true;
            for (extra) |c| t[c] = true;
            break :blk t;
        };

        fn encode(allocator: std.mem.Allocator, src: []const u8) ![]u8 {
            var out: std.ArrayList(u8) = .empty;
            errdefer out.deinit(allocator);
            try out.ensureTotalCapacity(allocator, src.len);
            const hex = "0123456789ABCDEF";
            for (src) |c| {
                if (table[c]) {
                    try out.append(allocator, c);
                } else {
                    try out.appendSlice(allocator, &.{ '%', hex[c >> 4], hex[c & 15] });
                }
            }
            return out.toOwnedSlice(allocator);
        }
    };
}

/// What `encodeURIComponent` leaves alone.
const ComponentSet = KeepSet("-_.!~*'()");
/// What `encodeURI` leaves alone.
const UriSet = KeepSet("-_.!~*'();/?:@&=+$,#");

/// Percent-encode every byte outside `encodeURIComponent`'s unreserved set.
pub fn percentEncode(allocator: std.mem.Allocator, src: []const u8) ![]u8 {
    return ComponentSet.encode(allocator, src);
}

/// Percent-encode like `encodeURI`, keeping URL delimiters.
pub fn percentEncodeUri(allocator: std.mem.Allocator, src: []const u8) ![]u8 {
    return UriSet.encode(allocator, src);
}

/// RFC 3986 §5.2.4: remove `.` and `..` segments, appending to `out`.
fn removeDotSegments(out: *std.ArrayList(u8), allocator: std.mem.Allocator, path: []const u8) !void {
    const base_len = out.items.len;
    var input = path;
    while (input.len > 0) {
        if (std.mem.startsWith(u8, input, "../")) {
            input = input[3..];
        } else if (std.mem.startsWith(u8, input, "./")) {
            input = input[2..];
        } else if (std.mem.startsWith(u8, input, "/./")) {
            input = input[2..];
        } else if (std.mem.eql(u8, input, "/.")) {
            input = "/";
        } else if (std.mem.startsWith(u8, input, "/../") or std.mem.eql(u8, input, "/..")) {
            input = if (input.len == 3) "/" else input[3..];
            const written = out.items[base_len..];
            const cut = std.mem.lastIndexOfScalar(u8, written, '/') orelse 0;
            out.shrinkRetainingCapacity(base_len + cut);
        } else if (std.mem.eql(u8, input, ".") or std.mem.eql(u8, input, "..")) {
            input = "";
        } else {
            const from: usize = if (input[0] == '/') 1 else 0;
            const end = std.mem.indexOfScalarPos(u8, input, from, '/') orelse input.len;
            try out.appendSlice(allocator, input[0..end]);
            input = input[end..];
        }
    }
}

/// Resolve the reference `rel` against `base` (RFC 3986 §5.2, strict mode).
pub fn resolveUrl(allocator: std.mem.Allocator, base: []const u8, rel: []const u8) ![]u8 {
    const b = URL.parse(base);
    const r = URL.parse(rel);
    var out: std.ArrayList(u8) = .empty;
    errdefer out.deinit(allocator);

    // Scratch for the merged path before dot removal.
    var merged: std.ArrayList(u8) = .empty;
    defer merged.deinit(allocator);

    var target = r;
    var query = r.optionalQuery();
    var path_src: []const u8 = r.path;
    var remove_dots = true;
    if (!r.flags.has_protocol) {
        target.protocol = b.protocol;
        target.flags.has_protocol = b.flags.has_protocol;
        if (!r.flags.has_authority) {
            target.authority = b.authority;
            target.flags.has_authority = b.flags.has_authority;
            if (r.path.len == 0) {
                path_src = b.path;
                remove_dots = false;
                if (!r.flags.has_query) query = b.optionalQuery();
            } else if (r.path[0] != '/') {
                if (b.flags.has_authority and b.path.len == 0) {
                    try merged.append(allocator, '/');
                } else if (std.mem.lastIndexOfScalar(u8, b.path, '/')) |slash| {
                    try merged.appendSlice(allocator, b.path[0 .. slash + 1]);
                }
                try merged.appendSlice(allocator, r.path);
                path_src = merged.items;
            }
        }
    }

    var path: std.ArrayList(u8) = .empty;
    defer path.deinit(allocator);
    if (remove_dots) {
        try removeDotSegments(&path, allocator, path_src);
    } else {
        try path.appendSlice(allocator, path_src);
    }

    try target.recompose(&out, allocator, path.items, query);
    if (r.flags.has_fragment) {
        try out.append(allocator, '#');
        try out.appendSlice(allocator, r.fragment);
    }
    return out.toOwnedSlice(allocator);
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

const testing = std.testing;

test "split a full URL" {
    const href = "https://user:pa55@example.com:8443/a/b/c.js?x=1&y=2#frag";
    const u = URL.parse(href);
    try testing.expectEqualStrings("https", u.protocol);
    try testing.expectEqualStrings("user", u.username);
    try testing.expectEqualStrings("pa55", u.password);
    try testing.expectEqualStrings("example.com:8443", u.host);
    try testing.expectEqualStrings("example.com", u.hostname);
    try testing.expectEqual(@as(?u16, 8443), u.port());
    try testing.expectEqualStrings("/a/b/c.js", u.pathname());
    try testing.expectEqualStrings("?x=1&y=2", u.search());
    try testing.expectEqualStrings("#frag", u.hash());
    try testing.expectEqual(Scheme.https, u.scheme());
    try testing.expect(u.flags.has_userinfo);
}

test "top-level accessors" {
    try testing.expectEqualStrings("http", protocol("http://localhost:3000/api").?);
    try testing.expect(protocol("/just/a/path") == null);
    try testing.expect(protocol("//cdn.example.com/x.js") == null);
    try testing.expectEqualStrings("cdn.example.com", hostname("//cdn.example.com/x.js"));
    try testing.expectEqualStrings("localhost", hostname("http://localhost:3000/api"));
    try testing.expectEqual(@as(?u16, 3000), port("http://localhost:3000/api"));
    try testing.expectEqual(@as(?u16, null), port("http://localhost/api"));
    try testing.expectEqual(@as(?u16, null), port("http://localhost:99999/"));
    try testing.expectEqual(@as(?u16, null), port("http://localhost:12ab/"));
    try testing.expectEqual(@as(?u16, null), port("http://localhost:/"));
    try testing.expectEqual(@as(?u16, 443), portOrDefault("https://bun.sh/docs"));
    try testing.expectEqual(@as(?u16, 80), portOrDefault("ws://bun.sh"));
    try testing.expectEqual(@as(?u16, 8080), portOrDefault("https://bun.sh:8080"));
    try testing.expectEqual(@as(?u16, null), portOrDefault("file:///etc/hosts"));
    try testing.expectEqualStrings("/", pathname("https://bun.sh"));
    try testing.expectEqualStrings("/etc/hosts", pathname("file:///etc/hosts"));
    try testing.expectEqualStrings("", pathname("?q"));
    try testing.expectEqualStrings("?q=bun", search("https://www.google.com/search?q=bun#top"));
    try testing.expectEqualStrings("", search("https://bun.sh/?#"));
    try testing.expectEqualStrings("#top", hash("https://www.google.com/search?q=bun#top"));
    try testing.expectEqualStrings("", hash("https://bun.sh/#"));
    try testing.expectEqualStrings("#a?b", hash("/p#a?b"));
    try testing.expectEqualStrings("", username("https://bun.sh"));
    try testing.expectEqualStrings("", password("https://user@bun.sh"));
    try testing.expectEqualStrings("user", username("https://user@bun.sh"));
    try testing.expectEqualStrings("p@ss", password("https://u:p@ss@bun.sh/"));
    try testing.expectEqualStrings("bun.sh", host("https://u:p@ss@bun.sh/"));
}

test "schemes" {
    try testing.expect(isHttps("https://bun.sh"));
    try testing.expect(isHttps("HTTPS://BUN.SH"));
    try testing.expect(!isHttps("http://bun.sh"));
    try testing.expect(!isHttps("httpsx://bun.sh"));
    try testing.expect(isHttpLike("http://bun.sh"));
    try testing.expect(!isHttpLike("ftp://bun.sh"));
    try testing.expectEqual(Scheme.mailto, scheme("mailto:someone@example.com"));
    try testing.expectEqual(Scheme.data, scheme("data:text/plain,hello"));
    try testing.expectEqual(Scheme.other, scheme("git+ssh://git@github.com/oven-sh/bun.git"));
    try testing.expectEqual(Scheme.none, scheme("relative/path"));
    try testing.expectEqual(Scheme.none, scheme("1http://x"));
    try testing.expectEqual(Scheme.other, scheme("localhost:3000"));
    try testing.expect(Scheme.wss.isSecure());
}

test "ipv6 and localhost" {
    try testing.expectEqualStrings("[::1]", hostname("http://[::1]:8080/"));
    try testing.expectEqual(@as(?u16, 8080), port("http://[::1]:8080/"));
    try testing.expectEqualStrings("[2001:db8::7]", hostname("ldap://[2001:db8::7]/c=GB?one"));
    try testing.expect(URL.parse("http://[::1/").flags.malformed_host);
    try testing.expect(URL.parse("http://[::1]x/").flags.malformed_host);
    try testing.expect(isLocalhost("http://localhost:3000"));
    try testing.expect(isLocalhost("http://LocalHost/"));
    try testing.expect(isLocalhost("http://app.localhost/"));
    try testing.expect(isLocalhost("http://[::1]:80/"));
    try testing.expect(isLocalhost("http://127.0.0.1/"));
    try testing.expect(!isLocalhost("https://bun.sh"));
    try testing.expect(!isLocalhost("http://.localhost"[0..7] ++ "xlocalhost"));
}

test "origin" {
    const a = testing.allocator;
    const o1 = try origin(a, "https://user:pw@bun.sh:8443/docs?x#y");
    defer a.free(o1);
    try testing.expectEqualStrings("https://bun.sh:8443", o1);
    const o2 = try origin(a, "/relative");
    defer a.free(o2);
    try testing.expectEqualStrings("null", o2);
}

test "percent decoding" {
    var buf: [64]u8 = undefined;
    var n = try percentDecode(&buf, "hello%20world%21");
    try testing.expectEqualStrings("hello world!", buf[0..n]);
    n = try percentDecode(&buf, "a+b%2Bc");
    try testing.expectEqualStrings("a+b+c", buf[0..n]);
    n = try percentDecode(&buf, "%e2%9c%93");
    try testing.expectEqualStrings("\u{2713}", buf[0..n]);
    n = try percentDecode(&buf, "");
    try testing.expectEqual(@as(usize, 0), n);
    try testing.expectError(error.InvalidPercentEncoding, percentDecode(&buf, "%"));
    try testing.expectError(error.InvalidPercentEncoding, percentDecode(&buf, "ab%2"));
    try testing.expectError(error.InvalidPercentEncoding, percentDecode(&buf, "%zz"));
    try testing.expectError(error.NoSpaceLeft, percentDecode(buf[0..2], "abc"));
}

test "percent encoding" {
    const a = testing.allocator;
    const e1 = try percentEncode(a, "hello world/?&=\u{2713}");
    defer a.free(e1);
    try testing.expectEqualStrings("hello%20world%2F%3F%26%3D%E2%9C%93", e1);
    const e2 = try percentEncodeUri(a, "https://bun.sh/a b?q=1#x");
    defer a.free(e2);
    try testing.expectEqualStrings("https://bun.sh/a%20b?q=1#x", e2);
    const e3 = try percentEncode(a, "-_.!~*'()");
    defer a.free(e3);
    try testing.expectEqualStrings("-_.!~*'()", e3);
    var buf: [64]u8 = undefined;
    const n = try percentDecode(&buf, e1);
    try testing.expectEqualStrings("hello world/?&=\u{2713}", buf[0..n]);
}

test "RFC 3986 reference resolution" {
    const base = "http://a/b/c/d;p?q";
    const cases = [_][2][]const u8{
        .{ "g:h", "g:h" },
        .{ "g", "http://a/b/c/g" },
        .{ "./g", "http://a/b/c/g" },
        .{ "g/", "http://a/b/c/g/" },
        .{ "/g", "http://a/g" },
        .{ "//g", "http://g" },
        .{ "?y", "http://a/b/c/d;p?y" },
        .{ "g?y", "http://a/b/c/g?y" },
        .{ "#s", "http://a/b/c/d;p?q#s" },
        .{ "g#s", "http://a/b/c/g#s" },
        .{ ";x", "http://a/b/c/;x" },
        .{ "", "http://a/b/c/d;p?q" },
        .{ ".", "http://a/b/c/" },
        .{ "./", "http://a/b/c/" },
        .{ "..", "http://a/b/" },
        .{ "../g", "http://a/b/g" },
        .{ "../..", "http://a/" },
        .{ "../../g", "http://a/g" },
        .{ "../../../g", "http://a/g" },
        .{ "/./g", "http://a/g" },
        .{ "/../g", "http://a/g" },
        .{ "g.", "http://a/b/c/g." },
        .{ "..g", "http://a/b/c/..g" },
        .{ "./../g", "http://a/b/g" },
        .{ "g/./h", "http://a/b/c/g/h" },
        .{ "g/../h", "http://a/b/c/h" },
        .{ "g;x=1/../y", "http://a/b/c/y" },
        .{ "g?y/./x", "http://a/b/c/g?y/./x" },
        .{ "http:g", "http:g" },
        .{ "../../../../g", "http://a/g" },
        .{ "g..", "http://a/b/c/g.." },
        .{ "./g/.", "http://a/b/c/g/" },
        .{ "g/../../../x", "http://a/x" },
        .{ "g#s/../x", "http://a/b/c/g#s/../x" },
    };
    for (cases) |c| {
        const got = try resolveUrl(testing.allocator, base, c[0]);
        defer testing.allocator.free(got);
        try testing.expectEqualStrings(c[1], got);
    }
    const r = try resolveUrl(testing.allocator, "https://bun.sh", "docs/install");
    defer testing.allocator.free(r);
    try testing.expectEqualStrings("https://bun.sh/docs/install", r);
}

test "percent encoding agrees with encodeURIComponent and encodeURI" {
    const a = testing.allocator;
    var input: [127 + 5]u8 = undefined;
    for (input[0..127], 1..) |*c, i| c.* = @intCast(i);
    @memcpy(input[127..], "\u{2713}\u{e9}");
    const component = try percentEncode(a, &input);
    defer a.free(component);
    try testing.expectEqualStrings("%01%02%03%04%05%06%07%08%09%0A%0B%0C%0D%0E%0F%10%11%12%13%14%15%16%17%18%19%1A%1B%1C%1D%1E%1F" ++
        "%20!%22%23%24%25%26'()*%2B%2C-.%2F0123456789%3A%3B%3C%3D%3E%3F%40ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60" ++
        "abcdefghijklmnopqrstuvwxyz%7B%7C%7D~%7F%E2%9C%93%C3%A9", component);
    const uri = try percentEncodeUri(a, &input);
    defer a.free(uri);
    try testing.expectEqualStrings("%01%02%03%04%05%06%07%08%09%0A%0B%0C%0D%0E%0F%10%11%12%13%14%15%16%17%18%19%1A%1B%1C%1D%1E%1F" ++
        "%20!%22#$%25&'()*+,-./0123456789:;%3C=%3E?@ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60" ++
        "abcdefghijklmnopqrstuvwxyz%7B%7C%7D~%7F%E2%9C%93%C3%A9", uri);
}
