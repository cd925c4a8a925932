//! Ported from `main.zig` by zigport (rules).

/// The errors of this module (every Zig error name it uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Error {
    OutOfMemory,
    Usage,
}
impl Error {
    /// The Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {
            Error::OutOfMemory => "OutOfMemory",
            Error::Usage => "Usage",
        }
    }
}
impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}
impl std::error::Error for Error {}
#[allow(unused_imports)]
use super::semver as semver;
#[allow(unused_imports)]
use super::glob as glob;
#[allow(unused_imports)]
use super::braces as braces;
#[allow(unused_imports)]
use super::mime as mime;
#[allow(unused_imports)]
use super::path as path;
#[allow(unused_imports)]
use super::url as url;
#[allow(unused_imports)]
use super::base64 as base64;
#[allow(unused_imports)]
use super::vlq as vlq;
#[allow(unused_imports)]
use super::wyhash as wyhash;
#[allow(unused_imports)]
use super::ini as ini;
#[allow(unused_imports)]
use super::dotenv as dotenv;
#[allow(unused_imports)]
use super::json as json;
#[allow(unused_imports)]
use super::display_width as display_width;
// TODO(port): constant `max_input` = `64 << 20`: no type rule
// TODO(port): struct `Ctx`: field `out` type `*std.Io.Writer` has no rule
// TODO(port): constant `Handler` = `*const fn (*Ctx) anyerror!void`: no type rule
// TODO(port): struct `Command`: field `run` type `Handler` has no rule
// TODO(port): does not compile: 61:6: cannot find type `Command` in this scope
#[allow(dead_code)]
fn cmd() -> ! {
    todo!("TODO(port): does not compile: 61:6: cannot find type `Command` in this scope")
}
// TODO(port): does not compile: 66:15: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn joined() -> ! {
    todo!("TODO(port): does not compile: 66:15: cannot find type `Ctx` in this scope")
}
// ---------------------------------------------------------------- semver
// TODO(port): does not compile: 70:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn semver_parse() -> ! {
    todo!("TODO(port): does not compile: 70:25: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 79:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn semver_valid() -> ! {
    todo!("TODO(port): does not compile: 79:25: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 83:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn semver_order() -> ! {
    todo!("TODO(port): does not compile: 83:25: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 92:29: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn semver_satisfies() -> ! {
    todo!("TODO(port): does not compile: 92:29: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 96:31: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn semver_valid_range() -> ! {
    todo!("TODO(port): does not compile: 96:31: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 100:34: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn semver_max_satisfying() -> ! {
    todo!("TODO(port): does not compile: 100:34: cannot find type `Ctx` in this scope")
}
// ---------------------------------------------------------------- glob
// TODO(port): does not compile: 105:23: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn glob_match() -> ! {
    todo!("TODO(port): does not compile: 105:23: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 109:24: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn glob_filter() -> ! {
    todo!("TODO(port): does not compile: 109:24: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 118:27: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn glob_has_magic() -> ! {
    todo!("TODO(port): does not compile: 118:27: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 122:32: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn glob_literal_prefix() -> ! {
    todo!("TODO(port): does not compile: 122:32: cannot find type `Ctx` in this scope")
}
// ---------------------------------------------------------------- braces
// TODO(port): does not compile: 127:26: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn braces_expand() -> ! {
    todo!("TODO(port): does not compile: 127:26: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 131:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn braces_count() -> ! {
    todo!("TODO(port): does not compile: 131:25: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 135:23: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn braces_has() -> ! {
    todo!("TODO(port): does not compile: 135:23: cannot find type `Ctx` in this scope")
}
// ---------------------------------------------------------------- mime
// TODO(port): does not compile: 140:24: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn mime_lookup() -> ! {
    todo!("TODO(port): does not compile: 140:24: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 144:27: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn mime_from_path() -> ! {
    todo!("TODO(port): does not compile: 144:27: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 148:27: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn mime_extension() -> ! {
    todo!("TODO(port): does not compile: 148:27: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 152:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn mime_is_text() -> ! {
    todo!("TODO(port): does not compile: 152:25: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 156:33: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn mime_is_compressible() -> ! {
    todo!("TODO(port): does not compile: 156:33: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 160:26: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn mime_category() -> ! {
    todo!("TODO(port): does not compile: 160:26: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 169:30: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn mime_content_type() -> ! {
    todo!("TODO(port): does not compile: 169:30: cannot find type `Ctx` in this scope")
}
// ---------------------------------------------------------------- path
// TODO(port): does not compile: 174:27: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn path_normalize() -> ! {
    todo!("TODO(port): does not compile: 174:27: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 178:22: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn path_join() -> ! {
    todo!("TODO(port): does not compile: 178:22: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 182:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn path_resolve() -> ! {
    todo!("TODO(port): does not compile: 182:25: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 186:26: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn path_relative() -> ! {
    todo!("TODO(port): does not compile: 186:26: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 190:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn path_dirname() -> ! {
    todo!("TODO(port): does not compile: 190:25: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 194:26: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn path_basename() -> ! {
    todo!("TODO(port): does not compile: 194:26: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 201:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn path_extname() -> ! {
    todo!("TODO(port): does not compile: 201:25: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 205:22: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn path_stem() -> ! {
    todo!("TODO(port): does not compile: 205:22: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 209:29: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn path_is_absolute() -> ! {
    todo!("TODO(port): does not compile: 209:29: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 213:24: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn path_format() -> ! {
    todo!("TODO(port): does not compile: 213:24: cannot find type `Ctx` in this scope")
}
// ---------------------------------------------------------------- url
// TODO(port): does not compile: 218:22: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn url_parse() -> ! {
    todo!("TODO(port): does not compile: 218:22: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 242:23: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn url_origin() -> ! {
    todo!("TODO(port): does not compile: 242:23: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 246:21: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn url_port() -> ! {
    todo!("TODO(port): does not compile: 246:21: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 250:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn url_is_https() -> ! {
    todo!("TODO(port): does not compile: 250:25: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 254:29: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn url_is_localhost() -> ! {
    todo!("TODO(port): does not compile: 254:29: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 258:23: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn url_decode() -> ! {
    todo!("TODO(port): does not compile: 258:23: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 263:23: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn url_encode() -> ! {
    todo!("TODO(port): does not compile: 263:23: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 267:27: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn url_encode_uri() -> ! {
    todo!("TODO(port): does not compile: 267:27: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 271:24: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn url_resolve() -> ! {
    todo!("TODO(port): does not compile: 271:24: cannot find type `Ctx` in this scope")
}
// ---------------------------------------------------------------- base64
// TODO(port): does not compile: 276:26: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn base64_encode() -> ! {
    todo!("TODO(port): does not compile: 276:26: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 280:30: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn base64_encode_url() -> ! {
    todo!("TODO(port): does not compile: 280:30: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 287:26: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn base64_decode() -> ! {
    todo!("TODO(port): does not compile: 287:26: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 291:30: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn base64_decode_url() -> ! {
    todo!("TODO(port): does not compile: 291:30: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 299:36: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn base64_decode_forgiving() -> ! {
    todo!("TODO(port): does not compile: 299:36: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 307:28: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn base64_is_valid() -> ! {
    todo!("TODO(port): does not compile: 307:28: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 311:31: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn base64_encoded_len() -> ! {
    todo!("TODO(port): does not compile: 311:31: cannot find type `Ctx` in this scope")
}
// ---------------------------------------------------------------- vlq
// TODO(port): does not compile: 321:23: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn vlq_encode() -> ! {
    todo!("TODO(port): does not compile: 321:23: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 333:23: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn vlq_decode() -> ! {
    todo!("TODO(port): does not compile: 333:23: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 337:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn vlq_validate() -> ! {
    todo!("TODO(port): does not compile: 337:25: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 341:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn vlq_segments() -> ! {
    todo!("TODO(port): does not compile: 341:25: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 345:22: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn vlq_lines() -> ! {
    todo!("TODO(port): does not compile: 345:22: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 349:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn vlq_reencode() -> ! {
    todo!("TODO(port): does not compile: 349:25: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 353:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn vlq_original() -> ! {
    todo!("TODO(port): does not compile: 353:25: cannot find type `Ctx` in this scope")
}
// ---------------------------------------------------------------- wyhash
// TODO(port): does not compile: 372:24: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn wyhash_hash() -> ! {
    todo!("TODO(port): does not compile: 372:24: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 382:26: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn wyhash_string() -> ! {
    todo!("TODO(port): does not compile: 382:26: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 386:23: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn wyhash_u64() -> ! {
    todo!("TODO(port): does not compile: 386:23: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 397:27: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn wyhash_chunked() -> ! {
    todo!("TODO(port): does not compile: 397:27: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 409:27: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn wyhash_combine() -> ! {
    todo!("TODO(port): does not compile: 409:27: cannot find type `Ctx` in this scope")
}
// ---------------------------------------------------------------- ini
// TODO(port): does not compile: 422:16: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn section() -> ! {
    todo!("TODO(port): does not compile: 422:16: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 425:20: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn ini_get() -> ! {
    todo!("TODO(port): does not compile: 425:20: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 429:22: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn ini_count() -> ! {
    todo!("TODO(port): does not compile: 429:22: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 433:22: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn ini_valid() -> ! {
    todo!("TODO(port): does not compile: 433:22: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 437:23: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn ini_expand() -> ! {
    todo!("TODO(port): does not compile: 437:23: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 441:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn ini_registry() -> ! {
    todo!("TODO(port): does not compile: 441:25: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 451:27: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn ini_auth_token() -> ! {
    todo!("TODO(port): does not compile: 451:27: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 455:29: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn ini_array_length() -> ! {
    todo!("TODO(port): does not compile: 455:29: cannot find type `Ctx` in this scope")
}
// ---------------------------------------------------------------- dotenv
// TODO(port): does not compile: 460:23: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn dotenv_get() -> ! {
    todo!("TODO(port): does not compile: 460:23: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 464:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn dotenv_count() -> ! {
    todo!("TODO(port): does not compile: 464:25: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 468:29: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn dotenv_valid_key() -> ! {
    todo!("TODO(port): does not compile: 468:29: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 472:26: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn dotenv_expand() -> ! {
    todo!("TODO(port): does not compile: 472:26: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 476:24: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn dotenv_keys() -> ! {
    todo!("TODO(port): does not compile: 476:24: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 484:23: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn dotenv_raw() -> ! {
    todo!("TODO(port): does not compile: 484:23: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 488:25: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn dotenv_quote() -> ! {
    todo!("TODO(port): does not compile: 488:25: cannot find type `Ctx` in this scope")
}
// ---------------------------------------------------------------- json
// TODO(port): does not compile: 500:24: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn json_escape() -> ! {
    todo!("TODO(port): does not compile: 500:24: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 508:26: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn json_unescape() -> ! {
    todo!("TODO(port): does not compile: 508:26: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 513:24: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn json_tokens() -> ! {
    todo!("TODO(port): does not compile: 513:24: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 517:23: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn json_valid() -> ! {
    todo!("TODO(port): does not compile: 517:23: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 521:23: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn json_check() -> ! {
    todo!("TODO(port): does not compile: 521:23: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 526:23: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn json_depth() -> ! {
    todo!("TODO(port): does not compile: 526:23: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 530:24: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn json_minify() -> ! {
    todo!("TODO(port): does not compile: 530:24: cannot find type `Ctx` in this scope")
}
// ---------------------------------------------------------------- width
// TODO(port): does not compile: 535:23: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn width_text() -> ! {
    todo!("TODO(port): does not compile: 535:23: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 539:24: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn width_ascii() -> ! {
    todo!("TODO(port): does not compile: 539:24: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 543:24: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn width_strip() -> ! {
    todo!("TODO(port): does not compile: 543:24: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 547:27: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn width_truncate() -> ! {
    todo!("TODO(port): does not compile: 547:27: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 557:27: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn width_ellipsis() -> ! {
    todo!("TODO(port): does not compile: 557:27: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 568:28: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn width_codepoint() -> ! {
    todo!("TODO(port): does not compile: 568:28: cannot find type `Ctx` in this scope")
}
// TODO(port): does not compile: 577:26: cannot find type `Ctx` in this scope
#[allow(dead_code)]
fn width_is_wide() -> ! {
    todo!("TODO(port): does not compile: 577:26: cannot find type `Ctx` in this scope")
}
// ---------------------------------------------------------------- table
// TODO(port): does not compile: cannot find type `Command` in this scope
// const COMMANDS: [Command; 86] = [
//     cmd(b"semver", b"parse", b"VERSION", false, semver_parse) as Command,
//     cmd(b"semver", b"valid", b"VERSION", false, semver_valid),
//     cmd(b"semver", b"order", b"A B", false, semver_order),
//     cmd(b"semver", b"satisfies", b"VERSION RANGE...", false, semver_satisfies),
//     cmd(b"semver", b"valid-range", b"RANGE...", false, semver_valid_range),
//     cmd(
//         b"semver",
//         b"max-satisfying",
//         b"VERSIONS RANGE...",
//         false,
//         semver_max_satisfying,
//     ),
//     cmd(b"glob", b"match", b"PATTERN PATH", false, glob_match),
//     cmd(b"glob", b"filter", b"PATTERN", true, glob_filter),
//     cmd(b"glob", b"has-magic", b"PATTERN", false, glob_has_magic),
//     cmd(b"glob", b"literal-prefix", b"PATTERN", false, glob_literal_prefix),
//     cmd(b"braces", b"expand", b"PATTERN", false, braces_expand),
//     cmd(b"braces", b"count", b"PATTERN", false, braces_count),
//     cmd(b"braces", b"has-braces", b"PATTERN", false, braces_has),
//     cmd(b"mime", b"lookup", b"EXT", false, mime_lookup),
//     cmd(b"mime", b"from-path", b"PATH", false, mime_from_path),
//     cmd(b"mime", b"extension", b"MIME...", false, mime_extension),
//     cmd(b"mime", b"is-text", b"MIME...", false, mime_is_text),
//     cmd(b"mime", b"is-compressible", b"MIME...", false, mime_is_compressible),
//     cmd(b"mime", b"category", b"MIME...", false, mime_category),
//     cmd(b"mime", b"content-type", b"PATH", false, mime_content_type),
//     cmd(b"path", b"normalize", b"PATH", false, path_normalize),
//     cmd(b"path", b"join", b"A B", false, path_join),
//     cmd(b"path", b"resolve", b"CWD PATH", false, path_resolve),
//     cmd(b"path", b"relative", b"FROM TO", false, path_relative),
//     cmd(b"path", b"dirname", b"PATH", false, path_dirname),
//     cmd(b"path", b"basename", b"PATH [SUFFIX]", false, path_basename),
//     cmd(b"path", b"extname", b"PATH", false, path_extname),
//     cmd(b"path", b"stem", b"PATH", false, path_stem),
//     cmd(b"path", b"is-absolute", b"PATH", false, path_is_absolute),
//     cmd(b"path", b"format", b"PATH", false, path_format),
//     cmd(b"url", b"parse", b"URL", false, url_parse),
//     cmd(b"url", b"origin", b"URL", false, url_origin),
//     cmd(b"url", b"port", b"URL", false, url_port),
//     cmd(b"url", b"is-https", b"URL", false, url_is_https),
//     cmd(b"url", b"is-localhost", b"URL", false, url_is_localhost),
//     cmd(b"url", b"decode", b"TEXT", false, url_decode),
//     cmd(b"url", b"encode", b"TEXT", false, url_encode),
//     cmd(b"url", b"encode-uri", b"TEXT", false, url_encode_uri),
//     cmd(b"url", b"resolve", b"BASE REF", false, url_resolve),
//     cmd(b"base64", b"encode", b"", true, base64_encode),
//     cmd(b"base64", b"encode-url", b"", true, base64_encode_url),
//     cmd(b"base64", b"decode", b"TEXT", false, base64_decode),
//     cmd(b"base64", b"decode-url", b"TEXT", false, base64_decode_url),
//     cmd(b"base64", b"decode-forgiving", b"", true, base64_decode_forgiving),
//     cmd(b"base64", b"is-valid", b"TEXT", false, base64_is_valid),
//     cmd(b"base64", b"encoded-len", b"N", false, base64_encoded_len),
//     cmd(b"vlq", b"encode", b"N", false, vlq_encode),
//     cmd(b"vlq", b"decode", b"TEXT", false, vlq_decode),
//     cmd(b"vlq", b"validate", b"MAPPINGS", false, vlq_validate),
//     cmd(b"vlq", b"segments", b"MAPPINGS", false, vlq_segments),
//     cmd(b"vlq", b"lines", b"MAPPINGS", false, vlq_lines),
//     cmd(b"vlq", b"reencode", b"MAPPINGS", false, vlq_reencode),
//     cmd(b"vlq", b"original", b"MAPPINGS LINE COLUMN", false, vlq_original),
//     cmd(b"wyhash", b"hash", b"[SEED]", true, wyhash_hash),
//     cmd(b"wyhash", b"string", b"TEXT", false, wyhash_string),
//     cmd(b"wyhash", b"u64", b"SEED VALUE", false, wyhash_u64),
//     cmd(b"wyhash", b"chunked", b"SEED CHUNK", true, wyhash_chunked),
//     cmd(b"wyhash", b"combine", b"H1 H2", false, wyhash_combine),
//     cmd(b"ini", b"get", b"KEY [SECTION]", true, ini_get),
//     cmd(b"ini", b"count", b"", true, ini_count),
//     cmd(b"ini", b"valid", b"", true, ini_valid),
//     cmd(b"ini", b"expand", b"TEXT", true, ini_expand),
//     cmd(b"ini", b"registry", b"[SCOPE]", true, ini_registry),
//     cmd(b"ini", b"auth-token", b"REGISTRY", true, ini_auth_token),
//     cmd(b"ini", b"array-length", b"KEY [SECTION]", true, ini_array_length),
//     cmd(b"dotenv", b"get", b"KEY", true, dotenv_get),
//     cmd(b"dotenv", b"count", b"", true, dotenv_count),
//     cmd(b"dotenv", b"valid-key", b"NAME", false, dotenv_valid_key),
//     cmd(b"dotenv", b"expand", b"TEXT", true, dotenv_expand),
//     cmd(b"dotenv", b"keys", b"", true, dotenv_keys),
//     cmd(b"dotenv", b"raw", b"KEY", true, dotenv_raw),
//     cmd(b"dotenv", b"quote", b"KEY", true, dotenv_quote),
//     cmd(b"json", b"escape", b"[--ascii]", true, json_escape),
//     cmd(b"json", b"unescape", b"QUOTED", false, json_unescape),
//     cmd(b"json", b"tokens", b"", true, json_tokens),
//     cmd(b"json", b"valid", b"", true, json_valid),
//     cmd(b"json", b"check", b"", true, json_check),
//     cmd(b"json", b"depth", b"", true, json_depth),
//     cmd(b"json", b"minify", b"", true, json_minify),
//     cmd(b"width", b"", b"", true, width_text),
//     cmd(b"width", b"ascii", b"", true, width_ascii),
//     cmd(b"width", b"strip", b"", true, width_strip),
//     cmd(b"width", b"truncate", b"N", true, width_truncate),
//     cmd(b"width", b"ellipsis", b"N", true, width_ellipsis),
//     cmd(b"width", b"codepoint", b"CP", false, width_codepoint),
//     cmd(b"width", b"is-wide", b"CP", false, width_is_wide),
// ];
// TODO(port): does not compile: 687:58: invalid format string: expected `}`, found `C`
/// Finds the command for `argv[1..]`, returning it and its arguments.
#[allow(dead_code, unused_variables)]
fn lookup(_: impl Sized) -> ! {
    todo!("TODO(port): does not compile: 687:58: invalid format string: expected `}}`, found `C`")
}
#[allow(dead_code, unused_variables)]
fn print_usage(_: impl Sized, _: impl Sized) -> Result<(), Error> {
    todo!(
        // TODO(port): fn `printUsage`: parameter `w` has type `*std.Io.Writer` with no rule
        "TODO(port): fn `printUsage`: parameter `w` has type `*std.Io.Writer` with no rule"
    )
}
// TODO(port): does not compile: 699:9: type annotations needed
pub fn main() -> u8 {
    todo!("TODO(port): does not compile: 699:9: type annotations needed")
}
#[allow(dead_code, unused_variables)]
fn run(_: impl Sized, _: impl Sized) -> u8 {
    // TODO(port): fn `run`: parameter `out` has type `*std.Io.Writer` with no rule
    todo!("TODO(port): fn `run`: parameter `out` has type `*std.Io.Writer` with no rule")
}
// TODO(port): does not compile: 743:14: cannot find value `COMMANDS` in this scope
fn is_subsystem(name: &[u8]) -> bool {
    todo!("TODO(port): does not compile: 743:14: cannot find value `COMMANDS` in this scope")
}
#[allow(dead_code, unused_variables)]
fn fail(_: impl Sized, _: impl Sized) -> u8 {
    todo!(
        // TODO(port): fn `fail`: parameter `err` has type `*std.Io.Writer` with no rule
        "TODO(port): fn `fail`: parameter `err` has type `*std.Io.Writer` with no rule"
    )
}

// zigport: source main.zig (619 lines); 79/102 functions without TODO; confidence medium; TODO(port) markers: 34
