//! Ported from `url.zig` by zigport (rules).

/// The errors of this module (every Zig error name it uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Error {
    InvalidCharacter,
    InvalidPercentEncoding,
    NoSpaceLeft,
    Overflow,
}
impl Error {
    /// The Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {
            Error::InvalidCharacter => "InvalidCharacter",
            Error::InvalidPercentEncoding => "InvalidPercentEncoding",
            Error::NoSpaceLeft => "NoSpaceLeft",
            Error::Overflow => "Overflow",
        }
    }
}
impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}
impl std::error::Error for Error {}
impl From<crate::zigport_rt::parse::ParseIntError> for Error {
    #[allow(unused_variables)]
    fn from(e: crate::zigport_rt::parse::ParseIntError) -> Self {
        match e {
            crate::zigport_rt::parse::ParseIntError::Overflow => Error::Overflow,
            crate::zigport_rt::parse::ParseIntError::InvalidCharacter => Error::InvalidCharacter,
        }
    }
}
/// Well-known schemes, recognized case-insensitively.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    Http,
    Https,
    Ws,
    Wss,
    Ftp,
    File,
    Unix,
    Data,
    Blob,
    Mailto,
    /// Some other scheme.
    Other,
    /// No scheme at all (a relative reference).
    None,
}
impl Scheme {
    /// The Zig tag name (`@tagName`).
    #[allow(dead_code)]
    pub fn zig_tag_name(self) -> &'static str {
        match self {
            Self::Http => "http",
            Self::Https => "https",
            Self::Ws => "ws",
            Self::Wss => "wss",
            Self::Ftp => "ftp",
            Self::File => "file",
            Self::Unix => "unix",
            Self::Data => "data",
            Self::Blob => "blob",
            Self::Mailto => "mailto",
            Self::Other => "other",
            Self::None => "none",
        }
    }
}
impl Scheme {
    const BY_NAME: &'static [(&'static [u8], Scheme)] = &[
        (b"ws", Scheme::Ws),
        (b"wss", Scheme::Wss),
        (b"ftp", Scheme::Ftp),
        (b"http", Scheme::Http),
        (b"file", Scheme::File),
        (b"unix", Scheme::Unix),
        (b"data", Scheme::Data),
        (b"blob", Scheme::Blob),
        (b"https", Scheme::Https),
        (b"mailto", Scheme::Mailto),
    ];
    /// Classify a protocol name (without the `:`).
    pub fn from_name(name: &[u8]) -> Scheme {
        // PERF(port): `buf` zero-initialised; Zig left it undefined
        let mut buf: [u8; 8] = [0; 8];
        if name.len() > buf.len() {
            return Scheme::Other;
        }
        let lower = crate::zigport_rt::ascii::lower_string(&mut buf[0..name.len()], name);
        match Self::BY_NAME
            .iter()
            .find(|(zigport_key, _)| *zigport_key == &lower[..])
            .map(|(_, v)| *v)
        {
            Some(v) => v,
            None => Scheme::Other,
        }
    }
    /// The port implied when none is written.
    pub fn default_port(self) -> Option<u16> {
        match self {
            Scheme::Http | Scheme::Ws => Some(80),
            Scheme::Https | Scheme::Wss => Some(443),
            Scheme::Ftp => Some(21),
            _ => None,
        }
    }
    /// Whether traffic for this scheme is encrypted.
    pub fn is_secure(self) -> bool {
        (self == Scheme::Https) || (self == Scheme::Wss)
    }
}
/// What the splitter found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(transparent)]
pub struct Flags(pub u8);
#[allow(dead_code)]
impl Flags {
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        has_protocol: bool,
        has_authority: bool,
        has_userinfo: bool,
        has_port: bool,
        is_ipv6: bool,
        has_query: bool,
        has_fragment: bool,
        malformed_host: bool,
    ) -> Self {
        let mut s = Self(0);
        s.set_has_protocol(has_protocol);
        s.set_has_authority(has_authority);
        s.set_has_userinfo(has_userinfo);
        s.set_has_port(has_port);
        s.set_is_ipv6(is_ipv6);
        s.set_has_query(has_query);
        s.set_has_fragment(has_fragment);
        s.set_malformed_host(malformed_host);
        s
    }
    pub const fn has_protocol(self) -> bool {
        self.0 & 1 != 0
    }
    pub const fn set_has_protocol(&mut self, v: bool) {
        self.0 = (self.0 & !(1 << 0)) | (v as u8);
    }
    pub const fn has_authority(self) -> bool {
        (self.0 >> 1) & 1 != 0
    }
    pub const fn set_has_authority(&mut self, v: bool) {
        self.0 = (self.0 & !(1 << 1)) | ((v as u8) << 1);
    }
    pub const fn has_userinfo(self) -> bool {
        (self.0 >> 2) & 1 != 0
    }
    pub const fn set_has_userinfo(&mut self, v: bool) {
        self.0 = (self.0 & !(1 << 2)) | ((v as u8) << 2);
    }
    pub const fn has_port(self) -> bool {
        (self.0 >> 3) & 1 != 0
    }
    pub const fn set_has_port(&mut self, v: bool) {
        self.0 = (self.0 & !(1 << 3)) | ((v as u8) << 3);
    }
    pub const fn is_ipv6(self) -> bool {
        (self.0 >> 4) & 1 != 0
    }
    pub const fn set_is_ipv6(&mut self, v: bool) {
        self.0 = (self.0 & !(1 << 4)) | ((v as u8) << 4);
    }
    pub const fn has_query(self) -> bool {
        (self.0 >> 5) & 1 != 0
    }
    pub const fn set_has_query(&mut self, v: bool) {
        self.0 = (self.0 & !(1 << 5)) | ((v as u8) << 5);
    }
    pub const fn has_fragment(self) -> bool {
        (self.0 >> 6) & 1 != 0
    }
    pub const fn set_has_fragment(&mut self, v: bool) {
        self.0 = (self.0 & !(1 << 6)) | ((v as u8) << 6);
    }
    pub const fn malformed_host(self) -> bool {
        (self.0 >> 7) & 1 != 0
    }
    pub const fn set_malformed_host(&mut self, v: bool) {
        self.0 = (self.0 & !(1 << 7)) | ((v as u8) << 7);
    }
}
/// A URL split into slices of `href`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct URL<'a> {
    pub href: &'a [u8],
    /// Scheme without the trailing `:`.
    pub protocol: &'a [u8],
    /// Everything between `//` and the path, if there was a `//`.
    pub authority: &'a [u8],
    pub username: &'a [u8],
    pub password: &'a [u8],
    /// `hostname[:port]`.
    pub host: &'a [u8],
    /// Includes the brackets for IPv6 literals.
    pub hostname: &'a [u8],
    /// The digits after the `:`, unvalidated.
    pub port_text: &'a [u8],
    /// The path exactly as written (possibly empty).
    pub path: &'a [u8],
    /// The query without its `?`.
    pub query: &'a [u8],
    /// The fragment without its `#`.
    pub fragment: &'a [u8],
    pub flags: Flags,
}
impl<'a> URL<'a> {
    /// Split `href`. Never fails; pieces that are not there stay empty.
    pub fn parse(href: &'a [u8]) -> URL<'a> {
        let mut url: URL = URL {
            href,
            protocol: b"",
            authority: b"",
            username: b"",
            password: b"",
            host: b"",
            hostname: b"",
            port_text: b"",
            path: b"",
            query: b"",
            fragment: b"",
            flags: Flags::new(false, false, false, false, false, false, false, false),
        };
        let mut i: usize = 0;
        {
            #[allow(unused_mut)]
            let mut zigport_state1 = URLState::Scheme;
            'state: loop {
                break 'state match zigport_state1 {
                    URLState::Scheme => {
                        if let Some(n) = Self::scheme_length(href) {
                            url.protocol = &href[0..n];
                            url.flags.set_has_protocol(true);
                            i = n + 1;
                        }
                        if href[i..].starts_with(b"//") {
                            i += 2;
                            {
                                zigport_state1 = URLState::Authority;
                                continue 'state;
                            };
                        }
                        {
                            zigport_state1 = URLState::Path;
                            continue 'state;
                        };
                    }
                    URLState::Authority => {
                        let end = match crate::zigport_rt::mem::index_of_any_pos(href, i, b"/?#") {
                            Some(v) => v,
                            None => href.len(),
                        };
                        url.flags.set_has_authority(true);
                        url.authority = &href[i..end];
                        url.split_authority();
                        i = end;
                        {
                            zigport_state1 = URLState::Path;
                            continue 'state;
                        };
                    }
                    URLState::Path => {
                        let end = match crate::zigport_rt::mem::index_of_any_pos(href, i, b"?#") {
                            Some(v) => v,
                            None => href.len(),
                        };
                        url.path = &href[i..end];
                        i = end;
                        if i < href.len() {
                            {
                                zigport_state1 = if href[i] == b'?' {
                                    URLState::Query
                                } else {
                                    URLState::Fragment
                                };
                                continue 'state;
                            }
                        }
                    }
                    URLState::Query => {
                        let end = match crate::zigport_rt::mem::index_of_scalar_pos(href, i, b'#') {
                            Some(v) => v,
                            None => href.len(),
                        };
                        url.flags.set_has_query(true);
                        url.query = &href[i + 1..end];
                        i = end;
                        if i < href.len() {
                            {
                                zigport_state1 = URLState::Fragment;
                                continue 'state;
                            }
                        }
                    }
                    URLState::Fragment => {
                        url.flags.set_has_fragment(true);
                        url.fragment = &href[i + 1..];
                    }
                };
            }
        };
        url
    }
    /// `[A-Za-z][A-Za-z0-9+.-]*` followed by `:`; returns the scheme length.
    fn scheme_length(href: &[u8]) -> Option<usize> {
        if (href.is_empty()) || (!href[0].is_ascii_alphabetic()) {
            return None;
        }
        {
            for (c, i) in href[1..].iter().copied().zip(1..) {
                match c {
                    b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'+' | b'-' | b'.' => {}
                    b':' => return Some(i),
                    _ => return None,
                };
            }
        };
        None
    }
    fn split_authority(&mut self) {
        let mut rest = self.authority;
        if let Some(at) = rest.iter().rposition(|&x| x == b'@') {
            let info = &rest[0..at];
            self.flags.set_has_userinfo(true);
            if let Some(colon) = info.iter().position(|&x| x == b':') {
                self.username = &info[0..colon];
                self.password = &info[colon + 1..];
            } else {
                self.username = info;
            };
            rest = &rest[at + 1..];
        }
        self.host = rest;
        self.hostname = rest;
        if (!rest.is_empty()) && (rest[0] == b'[') {
            self.flags.set_is_ipv6(true);
            let close = match rest.iter().position(|&x| x == b']') {
                Some(v) => v,
                None => {
                    self.flags.set_malformed_host(true);
                    return;
                }
            };
            self.hostname = &rest[0..close + 1];
            let after = &rest[close + 1..];
            if after.is_empty() {
                return;
            }
            if after[0] != b':' {
                self.flags.set_malformed_host(true);
                return;
            }
            self.flags.set_has_port(true);
            self.port_text = &after[1..];
            return;
        }
        if let Some(colon) = rest.iter().rposition(|&x| x == b':') {
            self.hostname = &rest[0..colon];
            self.port_text = &rest[colon + 1..];
            self.flags.set_has_port(true);
        }
    }
    /// The scheme, classified.
    pub fn scheme(&self) -> Scheme {
        if !self.flags.has_protocol() {
            return Scheme::None;
        }
        Scheme::from_name(self.protocol)
    }
    /// The explicit port, or null if absent, empty, non-numeric or > 65535.
    pub fn port(&self) -> Option<u16> {
        if (!self.flags.has_port()) || (self.port_text.is_empty()) {
            return None;
        }
        for c in self.port_text {
            if !c.is_ascii_digit() {
                return None;
            }
        }
        crate::zigport_rt::parse::parse_int::<u16>(self.port_text, 10)
            .map_err(Error::from)
            .ok()
    }
    /// The explicit port, else the scheme's default one.
    pub fn port_or_default(&self) -> Option<u16> {
        if self.flags.has_port() && (!self.port_text.is_empty()) {
            return self.port();
        }
        self.scheme().default_port()
    }
    /// The path, or `/` when there is an authority but no path.
    pub fn pathname(&self) -> &'a [u8] {
        if (self.path.is_empty()) && self.flags.has_authority() {
            return b"/";
        }
        self.path
    }
    /// `?query`, or empty when the query is absent or empty.
    pub fn search(&self) -> &'a [u8] {
        if self.query.is_empty() {
            return b"";
        }
        let start = ((self.query.as_ptr() as usize) - (self.href.as_ptr() as usize)) - 1;
        &self.href[start..(start + 1) + self.query.len()]
    }
    /// `#fragment`, or empty when the fragment is absent or empty.
    pub fn hash(&self) -> &'a [u8] {
        if self.fragment.is_empty() {
            return b"";
        }
        &self.href[(self.href.len() - self.fragment.len()) - 1..]
    }
    /// Whether the host is a loopback name or address.
    pub fn is_localhost(&self) -> bool {
        let h = self.hostname;
        if crate::zigport_rt::ascii::eql_ignore_case(h, b"localhost") {
            return true;
        }
        if (h.len() > b".localhost".len())
            && crate::zigport_rt::ascii::ends_with_ignore_case(h, b".localhost")
        {
            return true;
        }
        ((h == b"127.0.0.1") || (h == b"[::1]")) || (h == b"0.0.0.0")
    }
    /// `protocol://host`, or `null` for URLs without scheme or authority.
    pub fn origin(&self) -> Result<Vec<u8>, Error> {
        if ((!self.flags.has_protocol()) || (!self.flags.has_authority())) || (self.host.is_empty())
        {
            return Ok(b"null".to_vec());
        }
        Ok(crate::zigport_rt::mem::concat(&[
            self.protocol,
            &b"://"[..],
            self.host,
        ]))
    }
    /// Append the RFC 3986 §5.3 recomposition of the given parts.
    fn recompose(
        &self,
        out: &mut Vec<u8>,
        path: &'a [u8],
        query: Option<&[u8]>,
    ) -> Result<(), Error> {
        if self.flags.has_protocol() {
            out.extend_from_slice(self.protocol);
            out.push(b':');
        }
        if self.flags.has_authority() {
            out.extend_from_slice(b"//");
            out.extend_from_slice(self.authority);
        }
        out.extend_from_slice(path);
        if let Some(q) = query {
            out.push(b'?');
            out.extend_from_slice(q);
        }
        Ok(())
    }
    fn optional_query(&self) -> Option<&'a [u8]> {
        if self.flags.has_query() {
            Some(self.query)
        } else {
            None
        }
    }
}
/// The scheme without `:`, or null when `href` has none.
pub fn protocol(href: &[u8]) -> Option<&[u8]> {
    let url = URL::parse(href);
    if url.flags.has_protocol() {
        Some(url.protocol)
    } else {
        None
    }
}
/// The classified scheme.
pub fn scheme(href: &[u8]) -> Scheme {
    URL::parse(href).scheme()
}
/// The user name from the userinfo, possibly empty.
pub fn username(href: &[u8]) -> &[u8] {
    URL::parse(href).username
}
/// The password from the userinfo, possibly empty.
pub fn password(href: &[u8]) -> &[u8] {
    URL::parse(href).password
}
/// `hostname[:port]`.
pub fn host(href: &[u8]) -> &[u8] {
    URL::parse(href).host
}
/// The host name (IPv6 literals keep their brackets).
pub fn hostname(href: &[u8]) -> &[u8] {
    URL::parse(href).hostname
}
/// The explicit port; null when absent or invalid.
pub fn port(href: &[u8]) -> Option<u16> {
    URL::parse(href).port()
}
/// The explicit port, or the scheme's default (80, 443, 21).
pub fn port_or_default(href: &[u8]) -> Option<u16> {
    URL::parse(href).port_or_default()
}
/// The path; `/` when there is a host but no path.
pub fn pathname(href: &[u8]) -> &[u8] {
    URL::parse(href).pathname()
}
/// `?query` or empty.
pub fn search(href: &[u8]) -> &[u8] {
    URL::parse(href).search()
}
/// `#fragment` or empty.
pub fn hash(href: &[u8]) -> &[u8] {
    URL::parse(href).hash()
}
/// Whether the scheme is `https` (any case).
pub fn is_https(href: &[u8]) -> bool {
    URL::parse(href).scheme() == Scheme::Https
}
/// Whether the scheme is `http` or `https`.
pub fn is_http_like(href: &[u8]) -> bool {
    let s = URL::parse(href).scheme();
    (s == Scheme::Http) || (s == Scheme::Https)
}
/// Whether the URL points at the local machine.
pub fn is_localhost(href: &[u8]) -> bool {
    URL::parse(href).is_localhost()
}
/// `protocol://host`, or `null`.
pub fn origin(href: &[u8]) -> Result<Vec<u8>, Error> {
    URL::parse(href).origin()
}
/// Errors from `percentDecode`.
pub type DecodeError = Error;
/// Decode `%XX` escapes from `src` into `dest`; `+` is left alone. Returns
/// the number of bytes written (never more than `src.len`).
pub fn percent_decode(dest: &mut [u8], src: &[u8]) -> Result<usize, Error> {
    let mut si: usize = 0;
    let mut di: usize = 0;
    while si < src.len() {
        'zigport_continue1: {
            if di >= dest.len() {
                return Err(Error::NoSpaceLeft);
            }
            if src[si] != b'%' {
                dest[di] = src[si];
                si += 1;
                break 'zigport_continue1;
            }
            if (src.len() - si) < 3 {
                return Err(Error::InvalidPercentEncoding);
            }
            let hi = match crate::zigport_rt::parse::char_to_digit(src[si + 1], 16)
                .map_err(Error::from)
            {
                Ok(v) => v,
                Err(_) => return Err(Error::InvalidPercentEncoding),
            };
            let lo = match crate::zigport_rt::parse::char_to_digit(src[si + 2], 16)
                .map_err(Error::from)
            {
                Ok(v) => v,
                Err(_) => return Err(Error::InvalidPercentEncoding),
            };
            dest[di] = (hi << 4) | lo;
            si += 3;
        }
        di += 1;
    }
    Ok(di)
}
/// What `encodeURIComponent` leaves alone.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct ComponentSet {}
impl ComponentSet {
    fn encode(src: &[u8]) -> Result<Vec<u8>, Error> {
        let mut out: Vec<u8> = Vec::with_capacity(src.len());
        // zigport: `errdefer out.deinit(allocator);` dropped: ownership frees
        let hex = b"0123456789ABCDEF";
        for c in src.iter().copied() {
            if (*COMPONENT_SET_TABLE)[c as usize] {
                out.push(c);
            } else {
                out.extend_from_slice(&[b'%', hex[(c >> 4) as usize], hex[(c & 15) as usize]]);
            };
        }
        Ok(core::mem::take(&mut out))
    }
}
static COMPONENT_SET_TABLE: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| 'blk: {
    let mut t = [false; 256];
    t[b'a' as usize..(b'z' + 1) as usize].fill(true);
    t[b'A' as usize..(b'Z' + 1) as usize].fill(true);
    t[b'0' as usize..(b'9' + 1) as usize].fill(true);
    for c in b"-_.!~*'()".iter().copied() {
        t[c as usize] = true;
    }
    break 'blk t;
});
/// What `encodeURI` leaves alone.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct UriSet {}
impl UriSet {
    fn encode(src: &[u8]) -> Result<Vec<u8>, Error> {
        let mut out: Vec<u8> = Vec::with_capacity(src.len());
        // zigport: `errdefer out.deinit(allocator);` dropped: ownership frees
        let hex = b"0123456789ABCDEF";
        for c in src.iter().copied() {
            if (*URI_SET_TABLE)[c as usize] {
                out.push(c);
            } else {
                out.extend_from_slice(&[b'%', hex[(c >> 4) as usize], hex[(c & 15) as usize]]);
            };
        }
        Ok(core::mem::take(&mut out))
    }
}
static URI_SET_TABLE: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| 'blk: {
    let mut t = [false; 256];
    t[b'a' as usize..(b'z' + 1) as usize].fill(true);
    t[b'A' as usize..(b'Z' + 1) as usize].fill(true);
    t[b'0' as usize..(b'9' + 1) as usize].fill(true);
    for c in b"-_.!~*'();/?:@&=+$,#".iter().copied() {
        t[c as usize] = true;
    }
    break 'blk t;
});
/// Percent-encode every byte outside `encodeURIComponent`'s unreserved set.
pub fn percent_encode(src: &[u8]) -> Result<Vec<u8>, Error> {
    ComponentSet::encode(src)
}
/// Percent-encode like `encodeURI`, keeping URL delimiters.
pub fn percent_encode_uri(src: &[u8]) -> Result<Vec<u8>, Error> {
    UriSet::encode(src)
}
/// RFC 3986 §5.2.4: remove `.` and `..` segments, appending to `out`.
fn remove_dot_segments(out: &mut Vec<u8>, path: &[u8]) -> Result<(), Error> {
    let base_len = out.len();
    let mut input = path;
    while !input.is_empty() {
        if input.starts_with(b"../") {
            input = &input[3..];
        } else {
            if input.starts_with(b"./") {
                input = &input[2..];
            } else {
                if input.starts_with(b"/./") {
                    input = &input[2..];
                } else {
                    if input == b"/." {
                        input = b"/";
                    } else {
                        if input.starts_with(b"/../") || (input == b"/..") {
                            input = if input.len() == 3 { b"/" } else { &input[3..] };
                            let written = &out[base_len..];
                            let cut = written.iter().rposition(|&x| x == b'/').unwrap_or(0);
                            out.truncate(base_len + cut);
                        } else {
                            if (input == b".") || (input == b"..") {
                                input = b"";
                            } else {
                                let from: usize = if input[0] == b'/' { 1 } else { 0 };
                                let end = match crate::zigport_rt::mem::index_of_scalar_pos(
                                    input, from, b'/',
                                ) {
                                    Some(v) => v,
                                    None => input.len(),
                                };
                                out.extend_from_slice(&input[0..end]);
                                input = &input[end..];
                            }
                        }
                    }
                }
            }
        };
    }
    Ok(())
}
/// Resolve the reference `rel` against `base` (RFC 3986 §5.2, strict mode).
pub fn resolve_url(base: &[u8], rel: &[u8]) -> Result<Vec<u8>, Error> {
    let b = URL::parse(base);
    let r = URL::parse(rel);
    let mut out: Vec<u8> = Vec::new();
    // zigport: `errdefer out.deinit(allocator);` dropped: ownership frees
    // Scratch for the merged path before dot removal.
    let mut merged: Vec<u8> = Vec::new();
    // zigport: `defer merged.deinit(allocator);` dropped: ownership frees
    let mut target = r;
    let mut query = r.optional_query();
    let mut path_src: &[u8] = r.path;
    let mut remove_dots = true;
    if !r.flags.has_protocol() {
        target.protocol = b.protocol;
        target.flags.set_has_protocol(b.flags.has_protocol());
        if !r.flags.has_authority() {
            target.authority = b.authority;
            target.flags.set_has_authority(b.flags.has_authority());
            if r.path.is_empty() {
                path_src = b.path;
                remove_dots = false;
                if !r.flags.has_query() {
                    query = b.optional_query();
                }
            } else {
                if r.path[0] != b'/' {
                    if b.flags.has_authority() && (b.path.is_empty()) {
                        merged.push(b'/');
                    } else {
                        if let Some(slash) = b.path.iter().rposition(|&x| x == b'/') {
                            merged.extend_from_slice(&b.path[0..slash + 1]);
                        }
                    };
                    merged.extend_from_slice(r.path);
                    path_src = &merged;
                }
            };
        }
    }
    let mut path: Vec<u8> = Vec::new();
    // zigport: `defer path.deinit(allocator);` dropped: ownership frees
    if remove_dots {
        remove_dot_segments(&mut path, path_src)?;
    } else {
        path.extend_from_slice(path_src);
    };
    target.recompose(&mut out, &path, query)?;
    if r.flags.has_fragment() {
        out.push(b'#');
        out.extend_from_slice(r.fragment);
    }
    Ok(core::mem::take(&mut out))
}
// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum URLState {
    Scheme,
    Authority,
    Path,
    Query,
    Fragment,
}
impl URLState {
    /// The Zig tag name (`@tagName`).
    #[allow(dead_code)]
    pub fn zig_tag_name(self) -> &'static str {
        match self {
            Self::Scheme => "scheme",
            Self::Authority => "authority",
            Self::Path => "path",
            Self::Query => "query",
            Self::Fragment => "fragment",
        }
    }
}
#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use super::*;
    #[test]
    fn test_split_a_full_url() {
        let href = b"https://user:pa55@example.com:8443/a/b/c.js?x=1&y=2#frag";
        let u = URL::parse(href);
        assert_eq!(u.protocol, b"https");
        assert_eq!(u.username, b"user");
        assert_eq!(u.password, b"pa55");
        assert_eq!(u.host, b"example.com:8443");
        assert_eq!(u.hostname, b"example.com");
        assert_eq!(u.port(), Some(8443));
        assert_eq!(u.pathname(), b"/a/b/c.js");
        assert_eq!(u.search(), b"?x=1&y=2");
        assert_eq!(u.hash(), b"#frag");
        assert_eq!(u.scheme(), Scheme::Https);
        assert!(u.flags.has_userinfo());
    }
    #[test]
    fn test_top_level_accessors() {
        assert_eq!(protocol(b"http://localhost:3000/api").unwrap(), b"http");
        assert!(protocol(b"/just/a/path").is_none());
        assert!(protocol(b"//cdn.example.com/x.js").is_none());
        assert_eq!(hostname(b"//cdn.example.com/x.js"), b"cdn.example.com");
        assert_eq!(hostname(b"http://localhost:3000/api"), b"localhost");
        assert_eq!(port(b"http://localhost:3000/api"), Some(3000));
        assert_eq!(port(b"http://localhost/api"), None);
        assert_eq!(port(b"http://localhost:99999/"), None);
        assert_eq!(port(b"http://localhost:12ab/"), None);
        assert_eq!(port(b"http://localhost:/"), None);
        assert_eq!(port_or_default(b"https://bun.sh/docs"), Some(443));
        assert_eq!(port_or_default(b"ws://bun.sh"), Some(80));
        assert_eq!(port_or_default(b"https://bun.sh:8080"), Some(8080));
        assert_eq!(port_or_default(b"file:///etc/hosts"), None);
        assert_eq!(pathname(b"https://bun.sh"), b"/");
        assert_eq!(pathname(b"file:///etc/hosts"), b"/etc/hosts");
        assert_eq!(pathname(b"?q"), b"");
        assert_eq!(
            search(b"https://www.google.com/search?q=bun#top"),
            b"?q=bun"
        );
        assert_eq!(search(b"https://bun.sh/?#"), b"");
        assert_eq!(hash(b"https://www.google.com/search?q=bun#top"), b"#top");
        assert_eq!(hash(b"https://bun.sh/#"), b"");
        assert_eq!(hash(b"/p#a?b"), b"#a?b");
        assert_eq!(username(b"https://bun.sh"), b"");
        assert_eq!(password(b"https://user@bun.sh"), b"");
        assert_eq!(username(b"https://user@bun.sh"), b"user");
        assert_eq!(password(b"https://u:p@ss@bun.sh/"), b"p@ss");
        assert_eq!(host(b"https://u:p@ss@bun.sh/"), b"bun.sh");
    }
    #[test]
    fn test_schemes() {
        assert!(is_https(b"https://bun.sh"));
        assert!(is_https(b"HTTPS://BUN.SH"));
        assert!(!is_https(b"http://bun.sh"));
        assert!(!is_https(b"httpsx://bun.sh"));
        assert!(is_http_like(b"http://bun.sh"));
        assert!(!is_http_like(b"ftp://bun.sh"));
        assert_eq!(scheme(b"mailto:someone@example.com"), Scheme::Mailto);
        assert_eq!(scheme(b"data:text/plain,hello"), Scheme::Data);
        assert_eq!(
            scheme(b"git+ssh://git@github.com/oven-sh/bun.git"),
            Scheme::Other
        );
        assert_eq!(scheme(b"relative/path"), Scheme::None);
        assert_eq!(scheme(b"1http://x"), Scheme::None);
        assert_eq!(scheme(b"localhost:3000"), Scheme::Other);
        assert!(Scheme::Wss.is_secure());
    }
    #[test]
    fn test_ipv6_and_localhost() {
        assert_eq!(hostname(b"http://[::1]:8080/"), b"[::1]");
        assert_eq!(port(b"http://[::1]:8080/"), Some(8080));
        assert_eq!(hostname(b"ldap://[2001:db8::7]/c=GB?one"), b"[2001:db8::7]");
        assert!(URL::parse(b"http://[::1/").flags.malformed_host());
        assert!(URL::parse(b"http://[::1]x/").flags.malformed_host());
        assert!(is_localhost(b"http://localhost:3000"));
        assert!(is_localhost(b"http://LocalHost/"));
        assert!(is_localhost(b"http://app.localhost/"));
        assert!(is_localhost(b"http://[::1]:80/"));
        assert!(is_localhost(b"http://127.0.0.1/"));
        assert!(!is_localhost(b"https://bun.sh"));
        assert!(!is_localhost(
            &[(&b"http://.localhost"[0..7][..]), &b"xlocalhost"[..]].concat()[..]
        ));
    }
    #[test]
    fn test_origin() -> Result<(), Box<dyn std::error::Error>> {
        let o1 = origin(b"https://user:pw@bun.sh:8443/docs?x#y")?;
        // zigport: `defer a.free(o1);` dropped: ownership frees
        assert_eq!(o1, b"https://bun.sh:8443");
        let o2 = origin(b"/relative")?;
        // zigport: `defer a.free(o2);` dropped: ownership frees
        assert_eq!(o2, b"null");
        Ok(())
    }
    #[test]
    fn test_percent_decoding() -> Result<(), Box<dyn std::error::Error>> {
        // PERF(port): `buf` zero-initialised; Zig left it undefined
        let mut buf: [u8; 64] = [0; 64];
        let mut n = percent_decode(&mut buf, b"hello%20world%21")?;
        assert_eq!(&buf[0..n], b"hello world!");
        n = percent_decode(&mut buf, b"a+b%2Bc")?;
        assert_eq!(&buf[0..n], b"a+b+c");
        n = percent_decode(&mut buf, b"%e2%9c%93")?;
        assert_eq!(&buf[0..n], b"\xE2\x9C\x93");
        n = percent_decode(&mut buf, b"")?;
        assert_eq!(n, 0_usize);
        assert_eq!(
            percent_decode(&mut buf, b"%"),
            Err(Error::InvalidPercentEncoding)
        );
        assert_eq!(
            percent_decode(&mut buf, b"ab%2"),
            Err(Error::InvalidPercentEncoding)
        );
        assert_eq!(
            percent_decode(&mut buf, b"%zz"),
            Err(Error::InvalidPercentEncoding)
        );
        assert_eq!(
            percent_decode(&mut buf[0..2], b"abc"),
            Err(Error::NoSpaceLeft)
        );
        Ok(())
    }
    #[test]
    fn test_percent_encoding() -> Result<(), Box<dyn std::error::Error>> {
        let e1 = percent_encode(b"hello world/?&=\xE2\x9C\x93")?;
        // zigport: `defer a.free(e1);` dropped: ownership frees
        assert_eq!(e1, b"hello%20world%2F%3F%26%3D%E2%9C%93");
        let e2 = percent_encode_uri(b"https://bun.sh/a b?q=1#x")?;
        // zigport: `defer a.free(e2);` dropped: ownership frees
        assert_eq!(e2, b"https://bun.sh/a%20b?q=1#x");
        let e3 = percent_encode(b"-_.!~*'()")?;
        // zigport: `defer a.free(e3);` dropped: ownership frees
        assert_eq!(e3, b"-_.!~*'()");
        // PERF(port): `buf` zero-initialised; Zig left it undefined
        let mut buf: [u8; 64] = [0; 64];
        let n = percent_decode(&mut buf, &e1)?;
        assert_eq!(&buf[0..n], b"hello world/?&=\xE2\x9C\x93");
        Ok(())
    }
    #[test]
    fn test_rfc_3986_reference_resolution() -> Result<(), Box<dyn std::error::Error>> {
        let base = b"http://a/b/c/d;p?q";
        let cases = [
            [b"g:h".as_slice(), b"g:h".as_slice()],
            [b"g".as_slice(), b"http://a/b/c/g".as_slice()],
            [b"./g".as_slice(), b"http://a/b/c/g".as_slice()],
            [b"g/".as_slice(), b"http://a/b/c/g/".as_slice()],
            [b"/g".as_slice(), b"http://a/g".as_slice()],
            [b"//g".as_slice(), b"http://g".as_slice()],
            [b"?y".as_slice(), b"http://a/b/c/d;p?y".as_slice()],
            [b"g?y".as_slice(), b"http://a/b/c/g?y".as_slice()],
            [b"#s".as_slice(), b"http://a/b/c/d;p?q#s".as_slice()],
            [b"g#s".as_slice(), b"http://a/b/c/g#s".as_slice()],
            [b";x".as_slice(), b"http://a/b/c/;x".as_slice()],
            [b"".as_slice(), b"http://a/b/c/d;p?q".as_slice()],
            [b".".as_slice(), b"http://a/b/c/".as_slice()],
            [b"./".as_slice(), b"http://a/b/c/".as_slice()],
            [b"..".as_slice(), b"http://a/b/".as_slice()],
            [b"../g".as_slice(), b"http://a/b/g".as_slice()],
            [b"../..".as_slice(), b"http://a/".as_slice()],
            [b"../../g".as_slice(), b"http://a/g".as_slice()],
            [b"../../../g".as_slice(), b"http://a/g".as_slice()],
            [b"/./g".as_slice(), b"http://a/g".as_slice()],
            [b"/../g".as_slice(), b"http://a/g".as_slice()],
            [b"g.".as_slice(), b"http://a/b/c/g.".as_slice()],
            [b"..g".as_slice(), b"http://a/b/c/..g".as_slice()],
            [b"./../g".as_slice(), b"http://a/b/g".as_slice()],
            [b"g/./h".as_slice(), b"http://a/b/c/g/h".as_slice()],
            [b"g/../h".as_slice(), b"http://a/b/c/h".as_slice()],
            [b"g;x=1/../y".as_slice(), b"http://a/b/c/y".as_slice()],
            [b"g?y/./x".as_slice(), b"http://a/b/c/g?y/./x".as_slice()],
            [b"http:g".as_slice(), b"http:g".as_slice()],
            [b"../../../../g".as_slice(), b"http://a/g".as_slice()],
            [b"g..".as_slice(), b"http://a/b/c/g..".as_slice()],
            [b"./g/.".as_slice(), b"http://a/b/c/g/".as_slice()],
            [b"g/../../../x".as_slice(), b"http://a/x".as_slice()],
            [b"g#s/../x".as_slice(), b"http://a/b/c/g#s/../x".as_slice()],
        ];
        for c in cases.iter().copied() {
            let got = resolve_url(base, c[0])?;
            // zigport: `defer testing.allocator.free(got);` dropped: ownership frees
            assert_eq!(got, c[1]);
        }
        let r = resolve_url(b"https://bun.sh", b"docs/install")?;
        // zigport: `defer testing.allocator.free(r);` dropped: ownership frees
        assert_eq!(r, b"https://bun.sh/docs/install");
        Ok(())
    }
    #[test]
    fn test_percent_encoding_agrees_with_encode_uri_component_and_encode_uri()
    -> Result<(), Box<dyn std::error::Error>> {
        // PERF(port): `input` zero-initialised; Zig left it undefined
        let mut input: [u8; 127 + 5] = [0; (127 + 5)];
        {
            for (c, i) in input[0..127].iter_mut().zip(1..) {
                *c = u8::try_from(i).unwrap();
            }
        };
        input[127..].copy_from_slice(b"\xE2\x9C\x93\xC3\xA9");
        let component = percent_encode(&input)?;
        // zigport: `defer a.free(component);` dropped: ownership frees
        assert_eq!(
            component, & [&
            b"%01%02%03%04%05%06%07%08%09%0A%0B%0C%0D%0E%0F%10%11%12%13%14%15%16%17%18%19%1A%1B%1C%1D%1E%1F"[..],
            &
            b"%20!%22%23%24%25%26'()*%2B%2C-.%2F0123456789%3A%3B%3C%3D%3E%3F%40ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60"[..],
            & b"abcdefghijklmnopqrstuvwxyz%7B%7C%7D~%7F%E2%9C%93%C3%A9"[..]].concat()
            [..]
        );
        let uri = percent_encode_uri(&input)?;
        // zigport: `defer a.free(uri);` dropped: ownership frees
        assert_eq!(
            uri, & [&
            b"%01%02%03%04%05%06%07%08%09%0A%0B%0C%0D%0E%0F%10%11%12%13%14%15%16%17%18%19%1A%1B%1C%1D%1E%1F"[..],
            &
            b"%20!%22#$%25&'()*+,-./0123456789:;%3C=%3E?@ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60"[..],
            & b"abcdefghijklmnopqrstuvwxyz%7B%7C%7D~%7F%E2%9C%93%C3%A9"[..]].concat()
            [..]
        );
        Ok(())
    }
}

// zigport: source url.zig (697 lines); 47/47 functions without TODO; confidence high; TODO(port) markers: 0

#[cfg(feature = "zigport-shims")]
#[doc(hidden)]
mod zigport_shims;
