//! Ported from `mime.zig` by zigport (rules).

/// The errors of this module (every Zig error name it uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Error {}
impl Error {
    /// The Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {}
    }
}
impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}
impl std::error::Error for Error {}
/// The type served for unknown or extension-less files.
pub const DEFAULT_TYPE: &[u8] = b"application/octet-stream";
/// Longest extension considered by `lookup`.
pub const MAX_EXTENSION_LEN: usize = 16;
/// Behaviour bits of a known type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(transparent)]
struct Flags(pub u8);
#[allow(dead_code)]
impl Flags {
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        text: bool,
        compressible: bool,
        utf8: bool,
        preferred: bool,
        _padding: u8,
    ) -> Self {
        let mut s = Self(0);
        s.set_text(text);
        s.set_compressible(compressible);
        s.set_utf8(utf8);
        s.set_preferred(preferred);
        s.set_padding(_padding);
        s
    }
    pub const fn text(self) -> bool {
        self.0 & 1 != 0
    }
    pub const fn set_text(&mut self, v: bool) {
        self.0 = (self.0 & !(1 << 0)) | (v as u8);
    }
    pub const fn compressible(self) -> bool {
        (self.0 >> 1) & 1 != 0
    }
    pub const fn set_compressible(&mut self, v: bool) {
        self.0 = (self.0 & !(1 << 1)) | ((v as u8) << 1);
    }
    pub const fn utf8(self) -> bool {
        (self.0 >> 2) & 1 != 0
    }
    pub const fn set_utf8(&mut self, v: bool) {
        self.0 = (self.0 & !(1 << 2)) | ((v as u8) << 2);
    }
    pub const fn preferred(self) -> bool {
        (self.0 >> 3) & 1 != 0
    }
    pub const fn set_preferred(&mut self, v: bool) {
        self.0 = (self.0 & !(1 << 3)) | ((v as u8) << 3);
    }
    pub const fn _padding(self) -> u8 {
        (self.0 >> 4) & 15
    }
    pub const fn set_padding(&mut self, v: u8) {
        assert!(
            (v as u128) <= 15,
            "value does not fit in field `_padding` (4 bits)"
        );
        self.0 = (self.0 & !(15 << 4)) | ((v & 15) << 4);
    }
}
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Entry<'a> {
    pub mime: &'a [u8],
    pub flags: Flags,
}
impl<'a> Entry<'a> {
    fn text(mime: &'a [u8]) -> Entry<'a> {
        Entry {
            mime,
            flags: Flags::new(true, true, true, true, 0),
        }
    }
    fn binary(mime: &'a [u8]) -> Entry<'a> {
        Entry {
            mime,
            flags: Flags::new(false, false, false, true, 0),
        }
    }
    fn packable(mime: &'a [u8]) -> Entry<'a> {
        Entry {
            mime,
            flags: Flags::new(false, true, false, true, 0),
        }
    }
    /// The same entry, but not the canonical extension of its type.
    fn alias(self) -> Entry<'a> {
        let mut e = self;
        e.flags.set_preferred(false);
        e
    }
}
static BY_EXTENSION: std::sync::LazyLock<Vec<(&'static [u8], Entry)>> =
    std::sync::LazyLock::new(|| {
        vec![
            (b"md", Entry::text(b"text/markdown")),
            (b"7z", Entry::binary(b"application/x-7z-compressed")),
            (b"br", Entry::binary(b"application/x-brotli")),
            (b"js", Entry::text(b"text/javascript")),
            (b"xz", Entry::binary(b"application/x-xz")),
            (b"gz", Entry::binary(b"application/gzip")),
            (b"py", Entry::text(b"text/x-python")),
            (b"ts", Entry::text(b"text/typescript")),
            (b"sh", Entry::text(b"application/x-sh")),
            (b"bmp", Entry::packable(b"image/bmp")),
            (b"ogg", Entry::binary(b"audio/ogg")),
            (b"glb", Entry::binary(b"model/gltf-binary")),
            (b"bin", Entry::binary(DEFAULT_TYPE)),
            (b"map", Entry::text(b"application/json").alias()),
            (b"pdf", Entry::binary(b"application/pdf")),
            (b"rar", Entry::binary(b"application/vnd.rar")),
            (b"htm", Entry::text(b"text/html").alias()),
            (b"xml", Entry::text(b"application/xml")),
            (b"css", Entry::text(b"text/css")),
            (b"rss", Entry::text(b"application/rss+xml")),
            (b"zst", Entry::binary(b"application/zstd")),
            (b"mjs", Entry::text(b"text/javascript").alias()),
            (b"txt", Entry::text(b"text/plain")),
            (b"log", Entry::text(b"text/plain").alias()),
            (b"bz2", Entry::binary(b"application/x-bzip2")),
            (b"cts", Entry::text(b"text/typescript").alias()),
            (b"tar", Entry::packable(b"application/x-tar")),
            (b"csv", Entry::text(b"text/csv")),
            (b"tsv", Entry::text(b"text/tab-separated-values")),
            (b"tgz", Entry::binary(b"application/gzip").alias()),
            (b"yml", Entry::text(b"text/yaml").alias()),
            (b"ics", Entry::text(b"text/calendar")),
            (b"cjs", Entry::text(b"text/javascript").alias()),
            (b"vcf", Entry::text(b"text/vcard")),
            (b"mts", Entry::text(b"text/typescript").alias()),
            (b"jsx", Entry::text(b"text/jsx")),
            (b"rtf", Entry::text(b"application/rtf")),
            (b"png", Entry::binary(b"image/png")),
            (b"zip", Entry::binary(b"application/zip")),
            (b"jpg", Entry::binary(b"image/jpeg")),
            (b"eot", Entry::packable(b"application/vnd.ms-fontobject")),
            (b"gif", Entry::binary(b"image/gif")),
            (b"oga", Entry::binary(b"audio/ogg").alias()),
            (b"otf", Entry::packable(b"font/otf")),
            (b"svg", Entry::text(b"image/svg+xml")),
            (b"ico", Entry::packable(b"image/vnd.microsoft.icon")),
            (b"ttf", Entry::packable(b"font/ttf")),
            (b"tif", Entry::binary(b"image/tiff").alias()),
            (b"3gp", Entry::binary(b"video/3gpp")),
            (b"mkv", Entry::binary(b"video/x-matroska")),
            (b"mp3", Entry::binary(b"audio/mpeg")),
            (b"tsx", Entry::text(b"text/tsx")),
            (b"wav", Entry::binary(b"audio/wav")),
            (b"avi", Entry::binary(b"video/x-msvideo")),
            (b"mov", Entry::binary(b"video/quicktime")),
            (b"ogv", Entry::binary(b"video/ogg")),
            (b"aac", Entry::binary(b"audio/aac")),
            (b"m4a", Entry::binary(b"audio/mp4")),
            (b"m4v", Entry::binary(b"video/mp4").alias()),
            (b"mid", Entry::binary(b"audio/midi")),
            (b"mp4", Entry::binary(b"video/mp4")),
            (b"yaml", Entry::text(b"text/yaml")),
            (b"epub", Entry::binary(b"application/epub+zip")),
            (b"webm", Entry::binary(b"video/webm")),
            (b"flac", Entry::binary(b"audio/flac")),
            (b"opus", Entry::binary(b"audio/opus")),
            (b"webp", Entry::binary(b"image/webp")),
            (b"heic", Entry::binary(b"image/heic")),
            (b"tiff", Entry::binary(b"image/tiff")),
            (b"mpeg", Entry::binary(b"video/mpeg")),
            (b"woff", Entry::binary(b"font/woff")),
            (b"gltf", Entry::text(b"model/gltf+json")),
            (b"html", Entry::text(b"text/html")),
            (b"avif", Entry::binary(b"image/avif")),
            (b"jpeg", Entry::binary(b"image/jpeg").alias()),
            (b"apng", Entry::binary(b"image/apng")),
            (b"midi", Entry::binary(b"audio/midi").alias()),
            (b"weba", Entry::binary(b"audio/webm")),
            (b"text", Entry::text(b"text/plain").alias()),
            (b"toml", Entry::text(b"application/toml")),
            (b"json", Entry::text(b"application/json")),
            (b"atom", Entry::text(b"application/atom+xml")),
            (b"node", Entry::binary(DEFAULT_TYPE).alias()),
            (b"wasm", Entry::packable(b"application/wasm")),
            (
                b"xlsx",
                Entry::binary(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ),
            (
                b"docx",
                Entry::binary(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ),
            ),
            (b"jsonc", Entry::text(b"application/json").alias()),
            (b"lockb", Entry::binary(DEFAULT_TYPE).alias()),
            (b"xhtml", Entry::text(b"application/xhtml+xml")),
            (b"woff2", Entry::binary(b"font/woff2")),
            (b"jsonld", Entry::text(b"application/ld+json")),
            (b"graphql", Entry::text(b"application/graphql")),
            (b"markdown", Entry::text(b"text/markdown").alias()),
            (b"webmanifest", Entry::text(b"application/manifest+json")),
        ]
    });
/// Broad classification of a MIME type, roughly what a bundler or dev server
/// branches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    Html,
    Css,
    Javascript,
    Json,
    Wasm,
    Text,
    Image,
    Audio,
    Video,
    Font,
    Model,
    Multipart,
    Application,
    Other,
}
impl Category {
    /// The Zig tag name (`@tagName`).
    #[allow(dead_code)]
    pub fn zig_tag_name(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Css => "css",
            Self::Javascript => "javascript",
            Self::Json => "json",
            Self::Wasm => "wasm",
            Self::Text => "text",
            Self::Image => "image",
            Self::Audio => "audio",
            Self::Video => "video",
            Self::Font => "font",
            Self::Model => "model",
            Self::Multipart => "multipart",
            Self::Application => "application",
            Self::Other => "other",
        }
    }
}
impl Category {
    const TOP_LEVEL: &'static [(&'static [u8], Category)] = &[
        (b"text", Category::Text),
        (b"font", Category::Font),
        (b"image", Category::Image),
        (b"audio", Category::Audio),
        (b"video", Category::Video),
        (b"model", Category::Model),
        (b"multipart", Category::Multipart),
        (b"application", Category::Application),
    ];
    /// Whether a browser can execute or render this directly as a page asset.
    pub fn is_web_asset(self) -> bool {
        matches!(
            self,
            Category::Html
                | Category::Css
                | Category::Javascript
                | Category::Wasm
                | Category::Image
                | Category::Font
        )
    }
}
/// A parsed `type/subtype[+suffix][; params]` borrowing from its source.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct MediaType<'a> {
    pub r#type: &'a [u8],
    pub subtype: &'a [u8],
    /// The structured-syntax suffix (`json` in `ld+json`), if any.
    pub suffix: Option<&'a [u8]>,
}
impl<'a> MediaType<'a> {
    fn is_token_char(c: u8) -> bool {
        c.is_ascii_alphanumeric() || b"!#$&-^_.+".iter().position(|&x| x == c).is_some()
    }
    fn is_token(s: &[u8]) -> bool {
        if s.is_empty() {
            return false;
        }
        for c in s.iter().copied() {
            if !Self::is_token_char(c) {
                return false;
            }
        }
        true
    }
    fn parse(text: &'a [u8]) -> Option<MediaType<'a>> {
        let semi = match text.iter().position(|&x| x == b';') {
            Some(v) => v,
            None => text.len(),
        };
        let essence = crate::zigport_rt::mem::trim(&text[0..semi], b" \t");
        let slash = essence.iter().position(|&x| x == b'/')?;
        let t = &essence[0..slash];
        let sub = &essence[slash + 1..];
        if (!Self::is_token(t)) || (!Self::is_token(sub)) {
            return None;
        }
        let plus = sub.iter().rposition(|&x| x == b'+');
        Some(MediaType {
            r#type: t,
            subtype: sub,
            suffix: if let Some(p) = plus {
                Some(&sub[p + 1..])
            } else {
                None
            },
        })
    }
    fn type_is(self, name: &[u8]) -> bool {
        crate::zigport_rt::ascii::eql_ignore_case(self.r#type, name)
    }
    fn suffix_is(self, name: &[u8]) -> bool {
        let s = match self.suffix {
            Some(v) => v,
            None => return false,
        };
        crate::zigport_rt::ascii::eql_ignore_case(s, name)
    }
    fn subtype_in(self, names: &[&[u8]]) -> bool {
        // PERF(port): comptime parameter `names` is a runtime argument
        // PERF(port): `inline for` became a runtime loop
        for name in names.iter().copied() {
            if crate::zigport_rt::ascii::eql_ignore_case(self.subtype, name) {
                return true;
            }
        }
        false
    }
}
const TEXTUAL_APPLICATION_SUBTYPES: [&[u8]; 14] = [
    b"javascript".as_slice(),
    b"ecmascript".as_slice(),
    b"x-javascript".as_slice(),
    b"json".as_slice(),
    b"xml".as_slice(),
    b"x-sh".as_slice(),
    b"toml".as_slice(),
    b"yaml".as_slice(),
    b"x-yaml".as_slice(),
    b"graphql".as_slice(),
    b"sql".as_slice(),
    b"rtf".as_slice(),
    b"typescript".as_slice(),
    b"x-www-form-urlencoded".as_slice(),
];
const COMPRESSIBLE_BINARY: [(&[u8], &[&[u8]]); 3] = [
    (
        b"application".as_slice(),
        &[
            b"wasm".as_slice(),
            b"x-tar".as_slice(),
            b"vnd.ms-fontobject".as_slice(),
            b"x-font-ttf".as_slice(),
        ],
    ),
    (b"font".as_slice(), &[b"ttf".as_slice(), b"otf".as_slice()]),
    (
        b"image".as_slice(),
        &[
            b"bmp".as_slice(),
            b"x-icon".as_slice(),
            b"vnd.microsoft.icon".as_slice(),
        ],
    ),
];
fn entry_for<'a>(ext: &'a [u8]) -> Option<Entry<'a>> {
    let bare = if (!ext.is_empty()) && (ext[0] == b'.') {
        &ext[1..]
    } else {
        ext
    };
    if (bare.is_empty()) || (bare.len() > MAX_EXTENSION_LEN) {
        return None;
    }
    crate::zigport_rt::map::static_map_find(&BY_EXTENSION, bare, true).copied()
}
/// The extension (without the dot) of the last path component, if any.
/// Dotfiles such as `.env` have no extension.
fn extension_of(path: &[u8]) -> Option<&[u8]> {
    let sep = crate::zigport_rt::mem::last_index_of_any(path, b"/\\");
    let base = if let Some(s) = sep {
        &path[s + 1..]
    } else {
        path
    };
    let dot = base.iter().rposition(|&x| x == b'.')?;
    if (dot == 0) || ((dot + 1) == base.len()) {
        return None;
    }
    Some(&base[dot + 1..])
}
/// MIME type for an extension such as `"html"` or `".png"` (case-insensitive).
pub fn lookup(ext: &[u8]) -> Option<&[u8]> {
    let entry = entry_for(ext)?;
    Some(entry.mime)
}
/// MIME type for the extension of `path` (`/`- or `\`-separated).
pub fn from_path(path: &[u8]) -> Option<&[u8]> {
    lookup(extension_of(path)?)
}
/// The canonical extension for a known MIME type (parameters are ignored).
pub fn extension(mime: &[u8]) -> Option<&[u8]> {
    let mt = MediaType::parse(mime)?;
    let essence_len = (mt.r#type.len() + 1) + mt.subtype.len();
    let essence = crate::zigport_rt::mem::reslice_within(mime, mt.r#type, 0, essence_len);
    {
        assert_eq!(
            BY_EXTENSION.iter().map(|(k, _)| *k).len(),
            BY_EXTENSION.iter().map(|(_, v)| *v).len()
        );
        for (key, entry) in BY_EXTENSION
            .iter()
            .map(|(k, _)| *k)
            .zip(BY_EXTENSION.iter().map(|(_, v)| *v))
        {
            if entry.flags.preferred()
                && crate::zigport_rt::ascii::eql_ignore_case(entry.mime, essence)
            {
                return Some(key);
            }
        }
    };
    None
}
/// Whether `mime` denotes human-readable text (including JSON, XML, SVG and
/// JavaScript served under `application/` or with a `+json`/`+xml` suffix).
pub fn is_text(mime: &[u8]) -> bool {
    let mt = match MediaType::parse(mime) {
        Some(v) => v,
        None => return false,
    };
    if mt.type_is(b"text") {
        return true;
    }
    if mt.suffix_is(b"json") || mt.suffix_is(b"xml") {
        return true;
    }
    mt.type_is(b"application") && mt.subtype_in(&TEXTUAL_APPLICATION_SUBTYPES)
}
/// Whether responses of this type benefit from gzip/brotli.
pub fn is_compressible(mime: &[u8]) -> bool {
    if is_text(mime) {
        return true;
    }
    let mt = match MediaType::parse(mime) {
        Some(v) => v,
        None => return false,
    };
    // PERF(port): `inline for` became a runtime loop
    for group in COMPRESSIBLE_BINARY.iter() {
        if mt.type_is(group.0) && mt.subtype_in(group.1) {
            return true;
        }
    }
    false
}
/// Classify `mime`; unparsable or unrecognised top-level types are `.other`.
pub fn category(mime: &[u8]) -> Category {
    let mt = match MediaType::parse(mime) {
        Some(v) => v,
        None => return Category::Other,
    };
    if mt.type_is(b"text") {
        if mt.subtype_in(&[b"html".as_slice()]) {
            return Category::Html;
        }
        if mt.subtype_in(&[b"css".as_slice()]) {
            return Category::Css;
        }
        if mt.subtype_in(&[
            b"javascript".as_slice(),
            b"jsx".as_slice(),
            b"typescript".as_slice(),
            b"tsx".as_slice(),
        ]) {
            return Category::Javascript;
        }
    }
    if mt.type_is(b"application") {
        if mt.subtype_in(&[
            b"javascript".as_slice(),
            b"x-javascript".as_slice(),
            b"ecmascript".as_slice(),
        ]) {
            return Category::Javascript;
        }
        if mt.subtype_in(&[b"wasm".as_slice()]) {
            return Category::Wasm;
        }
        if mt.subtype_in(&[b"json".as_slice()]) || mt.suffix_is(b"json") {
            return Category::Json;
        }
    }
    match Category::TOP_LEVEL
        .iter()
        .find(|(zigport_key, _)| zigport_key.eq_ignore_ascii_case(mt.r#type))
        .map(|(_, v)| *v)
    {
        Some(v) => v,
        None => Category::Other,
    }
}
/// Category of the file at `path`, `.other` when the extension is unknown.
pub fn category_of_path(path: &[u8]) -> Category {
    category(match from_path(path) {
        Some(v) => v,
        None => return Category::Other,
    })
}
/// A full `Content-Type` header value for `path`: the looked-up type (or
/// `application/octet-stream`) plus `; charset=utf-8` for text. Caller owns it.
pub fn content_type(path: &[u8]) -> Result<Vec<u8>, Error> {
    let entry: Entry = 'blk: {
        let ext = match extension_of(path) {
            Some(v) => v,
            None => break 'blk Entry::binary(DEFAULT_TYPE),
        };
        break 'blk match entry_for(ext) {
            Some(v) => v,
            None => Entry::binary(DEFAULT_TYPE),
        };
    };
    let charset = if entry.flags.utf8() {
        b"; charset=utf-8".as_slice()
    } else {
        b"".as_slice()
    };
    Ok(crate::zigport_rt::mem::concat(&[entry.mime, charset]))
}
// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------
#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use super::*;
    #[test]
    fn test_lookup_by_extension() {
        assert_eq!(lookup(b"html").unwrap(), b"text/html");
        assert_eq!(lookup(b".HTM").unwrap(), b"text/html");
        assert_eq!(lookup(b"mjs").unwrap(), b"text/javascript");
        assert_eq!(lookup(b"svg").unwrap(), b"image/svg+xml");
        assert_eq!(lookup(b".wasm").unwrap(), b"application/wasm");
        assert_eq!(lookup(b"woff2").unwrap(), b"font/woff2");
        assert_eq!(lookup(b"unknownext"), None);
        assert_eq!(lookup(b""), None);
        assert_eq!(lookup(b"."), None);
        assert_eq!(lookup(b"averyveryverylongextension"), None);
        assert!(BY_EXTENSION.iter().map(|(k, _)| *k).len() >= 80);
    }
    #[test]
    fn test_every_known_type_has_exactly_one_preferred_extension() {
        for entry in BY_EXTENSION.iter().map(|(_, v)| *v) {
            let mut preferred: usize = 0;
            for other in BY_EXTENSION.iter().map(|(_, v)| *v) {
                if other.flags.preferred() && (other.mime == entry.mime) {
                    preferred += 1;
                }
            }
            assert_eq!(preferred, 1_usize);
            assert_eq!(lookup(extension(entry.mime).unwrap()).unwrap(), entry.mime);
        }
    }
    #[test]
    fn test_from_path() {
        assert_eq!(from_path(b"public/styles/main.css").unwrap(), b"text/css");
        assert_eq!(from_path(b"C:\\assets\\logo.PNG").unwrap(), b"image/png");
        assert_eq!(
            from_path(b"bun-v1.1.0.tar.gz").unwrap(),
            b"application/gzip"
        );
        assert_eq!(from_path(b"./tsconfig.json").unwrap(), b"application/json");
        assert_eq!(from_path(b".env"), None);
        assert_eq!(from_path(b"Makefile"), None);
        assert_eq!(from_path(b"dir.d/README"), None);
        assert_eq!(from_path(b"trailing."), None);
    }
    #[test]
    fn test_extension_reverse_lookup() {
        assert_eq!(extension(b"text/html; charset=utf-8").unwrap(), b"html");
        assert_eq!(extension(b"IMAGE/JPEG").unwrap(), b"jpg");
        assert_eq!(extension(b"text/javascript").unwrap(), b"js");
        assert_eq!(extension(b"application/octet-stream").unwrap(), b"bin");
        assert_eq!(extension(b"application/x-unknown"), None);
        assert_eq!(extension(b"not a mime"), None);
    }
    #[test]
    fn test_is_text_and_is_compressible() {
        assert!(is_text(b"text/plain"));
        assert!(is_text(b"text/html; charset=latin1"));
        assert!(is_text(b"application/json"));
        assert!(is_text(b"application/ld+json"));
        assert!(is_text(b"image/svg+xml"));
        assert!(is_text(b"Application/JavaScript"));
        assert!(!is_text(b"image/png"));
        assert!(!is_text(b"application/octet-stream"));
        assert!(!is_text(b"text"));
        assert!(!is_text(b"/plain"));
        assert!(!is_text(b"text/pl ain"));
        assert!(is_compressible(b"application/wasm"));
        assert!(is_compressible(b"font/ttf"));
        assert!(is_compressible(b"text/css"));
        assert!(!is_compressible(b"image/jpeg"));
        assert!(!is_compressible(b"font/woff2"));
    }
    #[test]
    fn test_category() {
        assert_eq!(category(b"text/html"), Category::Html);
        assert_eq!(category(b"text/css;charset=utf-8"), Category::Css);
        assert_eq!(category(b"text/javascript"), Category::Javascript);
        assert_eq!(category(b"application/javascript"), Category::Javascript);
        assert_eq!(category(b"application/manifest+json"), Category::Json);
        assert_eq!(category(b"application/wasm"), Category::Wasm);
        assert_eq!(category(b"image/webp"), Category::Image);
        assert_eq!(category(b"audio/ogg"), Category::Audio);
        assert_eq!(category(b"VIDEO/mp4"), Category::Video);
        assert_eq!(category(b"font/woff"), Category::Font);
        assert_eq!(
            category(b"multipart/form-data; boundary=x"),
            Category::Multipart
        );
        assert_eq!(category(b"application/pdf"), Category::Application);
        assert_eq!(category(b"chemical/x-pdb"), Category::Other);
        assert_eq!(category(b""), Category::Other);
        assert_eq!(category_of_path(b"scene.glb"), Category::Model);
        assert_eq!(category_of_path(b"noext"), Category::Other);
        assert!(Category::Font.is_web_asset());
        assert!(!Category::Audio.is_web_asset());
    }
    #[test]
    fn test_content_type_header_values() -> Result<(), Box<dyn std::error::Error>> {
        let cases = [
            (
                b"index.html".as_slice(),
                b"text/html; charset=utf-8".as_slice(),
            ),
            (b"app.tsx".as_slice(), b"text/tsx; charset=utf-8".as_slice()),
            (b"photo.jpeg".as_slice(), b"image/jpeg".as_slice()),
            (
                b"bun.lockb".as_slice(),
                b"application/octet-stream".as_slice(),
            ),
            (
                b"LICENSE".as_slice(),
                b"application/octet-stream".as_slice(),
            ),
            (
                b"feed.rss".as_slice(),
                b"application/rss+xml; charset=utf-8".as_slice(),
            ),
        ];
        for case in cases.iter() {
            let got = content_type(case.0)?;
            // zigport: `defer testing.allocator.free(got);` dropped: ownership frees
            assert_eq!(got, case.1);
        }
        Ok(())
    }
}

// zigport: source mime.zig (455 lines); 28/28 functions without TODO; confidence high; TODO(port) markers: 0

#[cfg(feature = "zigport-shims")]
#[doc(hidden)]
mod zigport_shims;
