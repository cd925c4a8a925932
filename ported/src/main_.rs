//! Ported from `main.zig` by zigport (rules).

/// The errors of this module (every Zig error name it uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Error {
    CodepointTooLarge,
    ControlCharacterInString,
    Empty,
    EmptyKey,
    EmptySectionName,
    EmptySegment,
    ExpansionTooDeep,
    Invalid,
    InvalidCharacter,
    InvalidEscape,
    InvalidLiteral,
    InvalidNumber,
    InvalidPadding,
    InvalidPercentEncoding,
    InvalidRange,
    InvalidSegmentLength,
    InvalidString,
    InvalidUtf8,
    InvalidVersion,
    NegativeValue,
    NestingTooDeep,
    NoSpaceLeft,
    NumberTooLarge,
    OutOfMemory,
    OutputTooLarge,
    Overflow,
    PatternTooLong,
    ReadFailed,
    StreamTooLong,
    TestExpectedValue,
    TooComplex,
    TooDeep,
    TooManyResults,
    TrailingCharacters,
    TrailingData,
    UnexpectedCharacter,
    UnexpectedEnd,
    UnexpectedToken,
    UnterminatedSection,
    UnterminatedString,
    Usage,
    Utf8CannotEncodeSurrogateHalf,
    Utf8CodepointTooLarge,
    Utf8EncodesSurrogateHalf,
    Utf8ExpectedContinuation,
    Utf8InvalidStartByte,
    Utf8OverlongEncoding,
    ValueTooLong,
}
impl Error {
    /// The Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {
            Error::CodepointTooLarge => "CodepointTooLarge",
            Error::ControlCharacterInString => "ControlCharacterInString",
            Error::Empty => "Empty",
            Error::EmptyKey => "EmptyKey",
            Error::EmptySectionName => "EmptySectionName",
            Error::EmptySegment => "EmptySegment",
            Error::ExpansionTooDeep => "ExpansionTooDeep",
            Error::Invalid => "Invalid",
            Error::InvalidCharacter => "InvalidCharacter",
            Error::InvalidEscape => "InvalidEscape",
            Error::InvalidLiteral => "InvalidLiteral",
            Error::InvalidNumber => "InvalidNumber",
            Error::InvalidPadding => "InvalidPadding",
            Error::InvalidPercentEncoding => "InvalidPercentEncoding",
            Error::InvalidRange => "InvalidRange",
            Error::InvalidSegmentLength => "InvalidSegmentLength",
            Error::InvalidString => "InvalidString",
            Error::InvalidUtf8 => "InvalidUtf8",
            Error::InvalidVersion => "InvalidVersion",
            Error::NegativeValue => "NegativeValue",
            Error::NestingTooDeep => "NestingTooDeep",
            Error::NoSpaceLeft => "NoSpaceLeft",
            Error::NumberTooLarge => "NumberTooLarge",
            Error::OutOfMemory => "OutOfMemory",
            Error::OutputTooLarge => "OutputTooLarge",
            Error::Overflow => "Overflow",
            Error::PatternTooLong => "PatternTooLong",
            Error::ReadFailed => "ReadFailed",
            Error::StreamTooLong => "StreamTooLong",
            Error::TestExpectedValue => "TestExpectedValue",
            Error::TooComplex => "TooComplex",
            Error::TooDeep => "TooDeep",
            Error::TooManyResults => "TooManyResults",
            Error::TrailingCharacters => "TrailingCharacters",
            Error::TrailingData => "TrailingData",
            Error::UnexpectedCharacter => "UnexpectedCharacter",
            Error::UnexpectedEnd => "UnexpectedEnd",
            Error::UnexpectedToken => "UnexpectedToken",
            Error::UnterminatedSection => "UnterminatedSection",
            Error::UnterminatedString => "UnterminatedString",
            Error::Usage => "Usage",
            Error::Utf8CannotEncodeSurrogateHalf => "Utf8CannotEncodeSurrogateHalf",
            Error::Utf8CodepointTooLarge => "Utf8CodepointTooLarge",
            Error::Utf8EncodesSurrogateHalf => "Utf8EncodesSurrogateHalf",
            Error::Utf8ExpectedContinuation => "Utf8ExpectedContinuation",
            Error::Utf8InvalidStartByte => "Utf8InvalidStartByte",
            Error::Utf8OverlongEncoding => "Utf8OverlongEncoding",
            Error::ValueTooLong => "ValueTooLong",
        }
    }
}
impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}
impl std::error::Error for Error {}
impl From<super::base64::Error> for Error {
    fn from(e: super::base64::Error) -> Self {
        match e {
            super::base64::Error::InvalidCharacter => Error::InvalidCharacter,
            super::base64::Error::InvalidPadding => Error::InvalidPadding,
            super::base64::Error::NoSpaceLeft => Error::NoSpaceLeft,
        }
    }
}
impl From<super::braces::Error> for Error {
    fn from(e: super::braces::Error) -> Self {
        match e {
            super::braces::Error::InvalidCharacter => Error::InvalidCharacter,
            super::braces::Error::NestingTooDeep => Error::NestingTooDeep,
            super::braces::Error::NoSpaceLeft => Error::NoSpaceLeft,
            super::braces::Error::OutputTooLarge => Error::OutputTooLarge,
            super::braces::Error::Overflow => Error::Overflow,
            super::braces::Error::PatternTooLong => Error::PatternTooLong,
            super::braces::Error::TooManyResults => Error::TooManyResults,
        }
    }
}
impl From<super::display_width::Error> for Error {
    fn from(e: super::display_width::Error) -> Self {
        match e {
            super::display_width::Error::NoSpaceLeft => Error::NoSpaceLeft,
            super::display_width::Error::Utf8CodepointTooLarge => Error::Utf8CodepointTooLarge,
            super::display_width::Error::Utf8EncodesSurrogateHalf => {
                Error::Utf8EncodesSurrogateHalf
            }
            super::display_width::Error::Utf8ExpectedContinuation => {
                Error::Utf8ExpectedContinuation
            }
            super::display_width::Error::Utf8InvalidStartByte => Error::Utf8InvalidStartByte,
            super::display_width::Error::Utf8OverlongEncoding => Error::Utf8OverlongEncoding,
        }
    }
}
impl From<super::dotenv::Error> for Error {
    fn from(e: super::dotenv::Error) -> Self {
        match e {
            super::dotenv::Error::ExpansionTooDeep => Error::ExpansionTooDeep,
            super::dotenv::Error::NoSpaceLeft => Error::NoSpaceLeft,
            super::dotenv::Error::TestExpectedValue => Error::TestExpectedValue,
            super::dotenv::Error::ValueTooLong => Error::ValueTooLong,
        }
    }
}
impl From<super::glob::Error> for Error {
    fn from(e: super::glob::Error) -> Self {
        match e {
            super::glob::Error::TooComplex => Error::TooComplex,
        }
    }
}
impl From<super::ini::Error> for Error {
    fn from(e: super::ini::Error) -> Self {
        match e {
            super::ini::Error::CodepointTooLarge => Error::CodepointTooLarge,
            super::ini::Error::EmptyKey => Error::EmptyKey,
            super::ini::Error::EmptySectionName => Error::EmptySectionName,
            super::ini::Error::InvalidCharacter => Error::InvalidCharacter,
            super::ini::Error::InvalidEscape => Error::InvalidEscape,
            super::ini::Error::Overflow => Error::Overflow,
            super::ini::Error::TestExpectedValue => Error::TestExpectedValue,
            super::ini::Error::TrailingCharacters => Error::TrailingCharacters,
            super::ini::Error::UnterminatedSection => Error::UnterminatedSection,
            super::ini::Error::UnterminatedString => Error::UnterminatedString,
            super::ini::Error::Utf8CannotEncodeSurrogateHalf => {
                Error::Utf8CannotEncodeSurrogateHalf
            }
        }
    }
}
impl From<super::json::Error> for Error {
    fn from(e: super::json::Error) -> Self {
        match e {
            super::json::Error::CodepointTooLarge => Error::CodepointTooLarge,
            super::json::Error::ControlCharacterInString => Error::ControlCharacterInString,
            super::json::Error::InvalidCharacter => Error::InvalidCharacter,
            super::json::Error::InvalidEscape => Error::InvalidEscape,
            super::json::Error::InvalidLiteral => Error::InvalidLiteral,
            super::json::Error::InvalidNumber => Error::InvalidNumber,
            super::json::Error::InvalidString => Error::InvalidString,
            super::json::Error::InvalidUtf8 => Error::InvalidUtf8,
            super::json::Error::NoSpaceLeft => Error::NoSpaceLeft,
            super::json::Error::OutOfMemory => Error::OutOfMemory,
            super::json::Error::Overflow => Error::Overflow,
            super::json::Error::TooDeep => Error::TooDeep,
            super::json::Error::TrailingData => Error::TrailingData,
            super::json::Error::UnexpectedCharacter => Error::UnexpectedCharacter,
            super::json::Error::UnexpectedEnd => Error::UnexpectedEnd,
            super::json::Error::UnexpectedToken => Error::UnexpectedToken,
            super::json::Error::UnterminatedString => Error::UnterminatedString,
            super::json::Error::Utf8CannotEncodeSurrogateHalf => {
                Error::Utf8CannotEncodeSurrogateHalf
            }
        }
    }
}
impl From<super::mime::Error> for Error {
    fn from(e: super::mime::Error) -> Self {
        match e {}
    }
}
impl From<super::path::Error> for Error {
    fn from(e: super::path::Error) -> Self {
        match e {}
    }
}
impl From<super::semver::Error> for Error {
    fn from(e: super::semver::Error) -> Self {
        match e {
            super::semver::Error::Invalid => Error::Invalid,
            super::semver::Error::InvalidRange => Error::InvalidRange,
            super::semver::Error::InvalidVersion => Error::InvalidVersion,
            super::semver::Error::NumberTooLarge => Error::NumberTooLarge,
            super::semver::Error::OutOfMemory => Error::OutOfMemory,
        }
    }
}
impl From<super::url::Error> for Error {
    fn from(e: super::url::Error) -> Self {
        match e {
            super::url::Error::InvalidCharacter => Error::InvalidCharacter,
            super::url::Error::InvalidPercentEncoding => Error::InvalidPercentEncoding,
            super::url::Error::NoSpaceLeft => Error::NoSpaceLeft,
            super::url::Error::Overflow => Error::Overflow,
        }
    }
}
impl From<super::vlq::Error> for Error {
    fn from(e: super::vlq::Error) -> Self {
        match e {
            super::vlq::Error::Empty => Error::Empty,
            super::vlq::Error::EmptySegment => Error::EmptySegment,
            super::vlq::Error::InvalidCharacter => Error::InvalidCharacter,
            super::vlq::Error::InvalidPadding => Error::InvalidPadding,
            super::vlq::Error::InvalidSegmentLength => Error::InvalidSegmentLength,
            super::vlq::Error::NegativeValue => Error::NegativeValue,
            super::vlq::Error::NoSpaceLeft => Error::NoSpaceLeft,
            super::vlq::Error::Overflow => Error::Overflow,
            super::vlq::Error::UnexpectedEnd => Error::UnexpectedEnd,
        }
    }
}
impl From<crate::zigport_rt::io::ReadError> for Error {
    #[allow(unused_variables)]
    fn from(e: crate::zigport_rt::io::ReadError) -> Self {
        match e {
            crate::zigport_rt::io::ReadError::ReadFailed => Error::ReadFailed,
            crate::zigport_rt::io::ReadError::StreamTooLong => Error::StreamTooLong,
        }
    }
}
impl From<crate::zigport_rt::parse::ParseIntError> for Error {
    #[allow(unused_variables)]
    fn from(e: crate::zigport_rt::parse::ParseIntError) -> Self {
        match e {
            crate::zigport_rt::parse::ParseIntError::Overflow => Error::Overflow,
            crate::zigport_rt::parse::ParseIntError::InvalidCharacter => Error::InvalidCharacter,
        }
    }
}
#[allow(unused_imports)]
use super::base64;
#[allow(unused_imports)]
use super::braces;
#[allow(unused_imports)]
use super::display_width;
#[allow(unused_imports)]
use super::dotenv;
#[allow(unused_imports)]
use super::glob;
#[allow(unused_imports)]
use super::ini;
#[allow(unused_imports)]
use super::json;
#[allow(unused_imports)]
use super::mime;
#[allow(unused_imports)]
use super::path;
#[allow(unused_imports)]
use super::semver;
#[allow(unused_imports)]
use super::url;
#[allow(unused_imports)]
use super::vlq;
#[allow(unused_imports)]
use super::wyhash;
/// Largest stdin accepted (64 MiB).
const MAX_INPUT: usize = 64 << 20;
/// What a command handler gets: its arguments, stdin (when it asked for it)
/// and the output writer. All memory comes from one arena.
#[derive(Debug)]
struct Ctx<'a> {
    pub args: &'a [&'a [u8]],
    pub input: &'a [u8],
    pub out: &'a mut crate::zigport_rt::io::Writer,
}
impl<'a> Ctx<'a> {
    /// Parses argument `i` as an integer (decimal, or 0x/0o/0b prefixed).
    fn int<T: Copy + PartialEq + PartialOrd + crate::zigport_rt::parse::ZigInt>(
        &self,
        i: usize,
    ) -> Result<T, Error> {
        crate::zigport_rt::parse::parse_int::<T>(self.args[i], 0)
            .map_err(Error::from)
            .map_err(|_| Error::Usage)
    }
    fn line(&mut self, s: &[u8]) -> Result<(), Error> {
        self.out.write_all(s);
        self.out.write_byte(b'\n');
        Ok(())
    }
    fn opt_line(&mut self, s: Option<&[u8]>) -> Result<(), Error> {
        self.line(s.unwrap_or(b"null"))?;
        Ok(())
    }
    fn boolean(&mut self, b: bool) -> Result<(), Error> {
        self.line(if b {
            b"true".as_slice()
        } else {
            b"false".as_slice()
        })?;
        Ok(())
    }
    fn number<A1: Copy + PartialEq + PartialOrd + crate::zigport_rt::fmt::Arg>(
        &mut self,
        n: A1,
    ) -> Result<(), Error> {
        self.out
            .print(b"{d}\n", &[&n as &dyn crate::zigport_rt::fmt::Arg]);
        Ok(())
    }
    fn opt_number<A1: Copy + PartialEq + PartialOrd + crate::zigport_rt::fmt::Arg>(
        &mut self,
        n: Option<A1>,
    ) -> Result<(), Error> {
        if let Some(v) = n {
            self.number(v)?
        } else {
            self.line(b"null")?;
        };
        Ok(())
    }
}
#[allow(dead_code)]
type Handler = fn(&mut Ctx) -> Result<(), Error>;
/// One row of the command table.
#[derive(Debug, Clone, Copy)]
struct Command<'a> {
    pub sub: &'a [u8],
    /// "" marks the op used when none (or an unknown word) is given.
    pub op: &'a [u8],
    /// Argument synopsis for the usage text; its word count is the arity.
    /// A `[X]` word is optional and an `X...` word takes all the remaining
    /// arguments (at least one).
    pub synopsis: &'a [u8],
    pub stdin: bool,
    pub run: fn(&mut Ctx) -> Result<(), Error>,
}
impl<'a> Command<'a> {
    fn arity(self) -> ArityResult {
        let mut n: usize = 0;
        let mut optional: usize = 0;
        let it = crate::zigport_rt::split::tokenize(
            self.synopsis,
            crate::zigport_rt::split::Delimiter::Scalar(b' '),
        );
        for w in it {
            if w.ends_with(b"...") {
                optional = u16::MAX as usize;
            }
            if w[0] == b'[' {
                optional += 1;
            } else {
                n += 1;
            };
        }
        ArityResult {
            min: n,
            max: n + optional,
        }
    }
}
const fn cmd<'a>(
    sub: &'a [u8],
    op: &'a [u8],
    synopsis: &'a [u8],
    stdin: bool,
    handler: fn(&mut Ctx) -> Result<(), Error>,
) -> Command<'a> {
    Command {
        sub,
        op,
        synopsis,
        stdin,
        run: handler,
    }
}
/// Arguments `from..` joined with single spaces (ranges, patterns with spaces).
fn joined(c: &Ctx, from: usize) -> Result<Vec<u8>, Error> {
    Ok(crate::zigport_rt::mem::join(b" ", &c.args[from..]))
}
// ---------------------------------------------------------------- semver
fn semver_parse<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    let v = super::semver::parse(c.args[0])?;
    c.out.print(
        b"{d}.{d}.{d} prerelease={} build={}\n",
        &[
            &v.major as &dyn crate::zigport_rt::fmt::Arg,
            &v.minor as &dyn crate::zigport_rt::fmt::Arg,
            &v.patch as &dyn crate::zigport_rt::fmt::Arg,
            &v.has_prerelease as &dyn crate::zigport_rt::fmt::Arg,
            &v.has_build as &dyn crate::zigport_rt::fmt::Arg,
        ],
    );
    Ok(())
}
fn semver_valid<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::semver::is_valid(c.args[0]))?;
    Ok(())
}
fn semver_order<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(crate::zigport_rt::mem::order_name(super::semver::order(
        c.args[0], c.args[1],
    )?))?;
    Ok(())
}
fn semver_satisfies<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::semver::satisfies(c.args[0], &joined(c, 1)?))?;
    Ok(())
}
fn semver_valid_range<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::semver::valid_range(&joined(c, 0)?))?;
    Ok(())
}
fn semver_max_satisfying<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.opt_number(super::semver::max_satisfying_index(
        c.args[0],
        &joined(c, 1)?,
    )?)?;
    Ok(())
}
// ---------------------------------------------------------------- glob
fn glob_match<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::glob::r#match(c.args[0], c.args[1]))?;
    Ok(())
}
fn glob_filter<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    let lines = crate::zigport_rt::split::tokenize(
        c.input,
        crate::zigport_rt::split::Delimiter::Scalar(b'\n'),
    );
    for p in lines {
        if super::glob::r#match(c.args[0], p) {
            c.line(p)?
        }
    }
    Ok(())
}
fn glob_has_magic<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::glob::has_magic(c.args[0]))?;
    Ok(())
}
fn glob_literal_prefix<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(super::glob::literal_prefix(c.args[0]))?;
    Ok(())
}
// ---------------------------------------------------------------- braces
fn braces_expand<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::braces::expand(c.args[0])?)?;
    Ok(())
}
fn braces_count<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::braces::count(c.args[0])?)?;
    Ok(())
}
fn braces_has<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::braces::has_braces(c.args[0]))?;
    Ok(())
}
// ---------------------------------------------------------------- mime
fn mime_lookup<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.opt_line(super::mime::lookup(c.args[0]))?;
    Ok(())
}
fn mime_from_path<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.opt_line(super::mime::from_path(c.args[0]))?;
    Ok(())
}
fn mime_extension<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.opt_line(super::mime::extension(&joined(c, 0)?))?;
    Ok(())
}
fn mime_is_text<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::mime::is_text(&joined(c, 0)?))?;
    Ok(())
}
fn mime_is_compressible<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::mime::is_compressible(&joined(c, 0)?))?;
    Ok(())
}
fn mime_category<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(
        super::mime::category(&joined(c, 0)?)
            .zig_tag_name()
            .as_bytes(),
    )?;
    Ok(())
}
fn mime_content_type<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::mime::content_type(c.args[0])?)?;
    Ok(())
}
// ---------------------------------------------------------------- path
fn path_normalize<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::path::normalize(c.args[0])?)?;
    Ok(())
}
fn path_join<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::path::join(c.args[0], c.args[1])?)?;
    Ok(())
}
fn path_resolve<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::path::resolve(c.args[0], c.args[1])?)?;
    Ok(())
}
fn path_relative<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::path::relative(c.args[0], c.args[1])?)?;
    Ok(())
}
fn path_dirname<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(super::path::dirname(c.args[0]))?;
    Ok(())
}
fn path_basename<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    if c.args.len() > 1 {
        return c.line(super::path::basename_with_suffix(c.args[0], c.args[1]));
    }
    c.line(super::path::basename(c.args[0]))?;
    Ok(())
}
fn path_extname<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(super::path::extname(c.args[0]))?;
    Ok(())
}
fn path_stem<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(super::path::stem(c.args[0]))?;
    Ok(())
}
fn path_is_absolute<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::path::is_absolute(c.args[0]))?;
    Ok(())
}
fn path_format<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::path::reformat(c.args[0])?)?;
    Ok(())
}
// ---------------------------------------------------------------- url
fn url_parse<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    let h = c.args[0];
    c.out.print(
        b"protocol={s}\nscheme={s}\nusername={s}\npassword={s}\nhost={s}\nhostname={s}\n",
        &[
            &(super::url::protocol(h).unwrap_or(b"")) as &dyn crate::zigport_rt::fmt::Arg,
            &(super::url::scheme(h).zig_tag_name().as_bytes()) as &dyn crate::zigport_rt::fmt::Arg,
            &super::url::username(h) as &dyn crate::zigport_rt::fmt::Arg,
            &super::url::password(h) as &dyn crate::zigport_rt::fmt::Arg,
            &super::url::host(h) as &dyn crate::zigport_rt::fmt::Arg,
            &super::url::hostname(h) as &dyn crate::zigport_rt::fmt::Arg,
        ],
    );
    c.out.write_all(b"port=");
    c.opt_number(super::url::port(h))?;
    c.out.print(
        b"pathname={s}\nsearch={s}\nhash={s}\n",
        &[
            &super::url::pathname(h) as &dyn crate::zigport_rt::fmt::Arg,
            &super::url::search(h) as &dyn crate::zigport_rt::fmt::Arg,
            &super::url::hash(h) as &dyn crate::zigport_rt::fmt::Arg,
        ],
    );
    Ok(())
}
fn url_origin<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::url::origin(c.args[0])?)?;
    Ok(())
}
fn url_port<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.opt_number(super::url::port_or_default(c.args[0]))?;
    Ok(())
}
fn url_is_https<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::url::is_https(c.args[0]))?;
    Ok(())
}
fn url_is_localhost<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::url::is_localhost(c.args[0]))?;
    Ok(())
}
fn url_decode<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    let mut buf = vec![<u8>::default(); c.args[0].len()];
    c.line({
        let __zigport_end = super::url::percent_decode(&mut buf, c.args[0])?;
        &buf[0..__zigport_end]
    })?;
    Ok(())
}
fn url_encode<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::url::percent_encode(c.args[0])?)?;
    Ok(())
}
fn url_encode_uri<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::url::percent_encode_uri(c.args[0])?)?;
    Ok(())
}
fn url_resolve<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::url::resolve_url(c.args[0], c.args[1])?)?;
    Ok(())
}
// ---------------------------------------------------------------- base64
fn base64_encode<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::base64::encode_alloc(c.input)?)?;
    Ok(())
}
fn base64_encode_url<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    let mut buf = vec![<u8>::default(); super::base64::encoded_len_url_safe(c.input.len())];
    c.line({
        let __zigport_end = super::base64::encode_url_safe(&mut buf, c.input)?;
        &buf[0..__zigport_end]
    })?;
    Ok(())
}
fn base64_decode<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::base64::decode_alloc(c.args[0])?)?;
    Ok(())
}
fn base64_decode_url<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    let mut buf = vec![<u8>::default(); super::base64::decoded_len_upper_bound(c.args[0].len())];
    c.line({
        let __zigport_end = super::base64::decode_url_safe(&mut buf, c.args[0])?;
        &buf[0..__zigport_end]
    })?;
    Ok(())
}
fn base64_decode_forgiving<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    let mut buf = vec![<u8>::default(); super::base64::decoded_len_upper_bound(c.input.len())];
    c.line({
        let __zigport_end = super::base64::decode_forgiving(&mut buf, c.input)?;
        &buf[0..__zigport_end]
    })?;
    Ok(())
}
fn base64_is_valid<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::base64::is_valid(c.args[0]))?;
    Ok(())
}
fn base64_encoded_len<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::base64::encoded_len(c.int::<u32>(0)? as usize))?;
    Ok(())
}
// ---------------------------------------------------------------- vlq
fn vlq_encode<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    // PERF(port): `buf` zero-initialised; Zig left it undefined
    let mut buf: [u8; super::vlq::MAX_DIGITS] = [0; super::vlq::MAX_DIGITS];
    c.line({
        let __zigport_end = super::vlq::encode(&mut buf, c.int::<i32>(0)?)?;
        &buf[0..__zigport_end]
    })?;
    Ok(())
}
fn vlq_decode<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::vlq::decode(c.args[0])?)?;
    Ok(())
}
fn vlq_validate<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::vlq::validate_mappings(c.args[0]))?;
    Ok(())
}
fn vlq_segments<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::vlq::count_segments(c.args[0])?)?;
    Ok(())
}
fn vlq_lines<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::vlq::count_lines(c.args[0])?)?;
    Ok(())
}
fn vlq_reencode<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::vlq::reencode_mappings(c.args[0])?)?;
    Ok(())
}
fn vlq_original<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    let pos = match super::vlq::original_position(c.args[0], c.int::<u32>(1)?, c.int::<u32>(2)?) {
        Some(v) => v,
        None => return c.line(b"null"),
    };
    c.out.print(
        b"source={d} line={d} column={d} name={d}\n",
        &[
            &pos.source_index as &dyn crate::zigport_rt::fmt::Arg,
            &pos.line as &dyn crate::zigport_rt::fmt::Arg,
            &pos.column as &dyn crate::zigport_rt::fmt::Arg,
            &pos.name_index as &dyn crate::zigport_rt::fmt::Arg,
        ],
    );
    Ok(())
}
// ---------------------------------------------------------------- wyhash
fn wyhash_hash<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    let seed: u64 = if !c.args.is_empty() {
        c.int::<u64>(0)?
    } else {
        0
    };
    c.number(super::wyhash::hash(seed, c.input))?;
    Ok(())
}
fn wyhash_string<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::wyhash::hash_string(c.args[0]))?;
    Ok(())
}
fn wyhash_u64<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::wyhash::hash_u64(c.int::<u64>(0)?, c.int::<u64>(1)?))?;
    Ok(())
}
fn wyhash_chunked<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::wyhash::hash_chunked(
        c.int::<u64>(0)?,
        c.input,
        c.int::<usize>(1)?,
    ))?;
    Ok(())
}
fn wyhash_combine<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::wyhash::combine(c.int::<u64>(0)?, c.int::<u64>(1)?))?;
    Ok(())
}
// ---------------------------------------------------------------- ini
/// `KEY [SECTION]`: the section defaults to the top level.
fn section<'a>(c: &Ctx<'a>) -> &'a [u8] {
    if c.args.len() > 1 { c.args[1] } else { b"" }
}
fn ini_get<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.opt_line(super::ini::get(c.input, section(c), c.args[0])?.as_deref())?;
    Ok(())
}
fn ini_count<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::ini::count_entries(c.input)?)?;
    Ok(())
}
fn ini_valid<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::ini::is_valid(c.input))?;
    Ok(())
}
fn ini_expand<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::ini::expand_vars(c.args[0], c.input)?)?;
    Ok(())
}
fn ini_registry<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::ini::registry_for(
        c.input,
        if !c.args.is_empty() { c.args[0] } else { b"" },
    )?)?;
    Ok(())
}
fn ini_auth_token<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.opt_line(super::ini::auth_token_for(c.input, c.args[0])?.as_deref())?;
    Ok(())
}
fn ini_array_length<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::ini::array_length(c.input, section(c), c.args[0])?)?;
    Ok(())
}
// ---------------------------------------------------------------- dotenv
fn dotenv_get<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.opt_line(super::dotenv::get(c.input, c.args[0])?.as_deref())?;
    Ok(())
}
fn dotenv_count<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::dotenv::count(c.input))?;
    Ok(())
}
fn dotenv_valid_key<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::dotenv::is_valid_key(c.args[0]))?;
    Ok(())
}
fn dotenv_expand<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::dotenv::expand(c.input, c.args[0])?)?;
    Ok(())
}
fn dotenv_keys<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    let mut i: usize = 0;
    while let Some(k) = super::dotenv::key_at(c.input, i) {
        c.line(k)?;
        i += 1;
    }
    Ok(())
}
fn dotenv_raw<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.opt_line(super::dotenv::raw_value(c.input, c.args[0]))?;
    Ok(())
}
fn dotenv_quote<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.opt_line(
        if let Some(q) = super::dotenv::quote_of(c.input, c.args[0]) {
            Some(q.zig_tag_name().as_bytes())
        } else {
            None
        },
    )?;
    Ok(())
}
// ---------------------------------------------------------------- json
fn json_escape<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    let ascii_only = (!c.args.is_empty()) && (c.args[0] == b"--ascii");
    if (!c.args.is_empty()) && (!ascii_only) {
        return Err(Error::Usage);
    }
    c.line(&super::json::escape(c.input, ascii_only)?)?;
    Ok(())
}
fn json_unescape<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    let mut buf = vec![<u8>::default(); c.args[0].len()];
    c.line({
        let __zigport_end = super::json::unescape(&mut buf, c.args[0])?;
        &buf[0..__zigport_end]
    })?;
    Ok(())
}
fn json_tokens<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::json::count_tokens(c.input)?)?;
    Ok(())
}
fn json_valid<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::json::is_valid(c.input))?;
    Ok(())
}
fn json_check<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    super::json::check(c.input)?;
    c.line(b"ok")?;
    Ok(())
}
fn json_depth<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::json::max_nesting(c.input)?)?;
    Ok(())
}
fn json_minify<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::json::minify(c.input)?)?;
    Ok(())
}
// ---------------------------------------------------------------- width
fn width_text<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::display_width::width(c.input))?;
    Ok(())
}
fn width_ascii<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::display_width::width_ascii(c.input))?;
    Ok(())
}
fn width_strip<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::display_width::strip_ansi_alloc(c.input)?)?;
    Ok(())
}
fn width_truncate<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(super::display_width::truncate_to_width(
        c.input,
        c.int::<usize>(0)?,
    ))?;
    Ok(())
}
fn width_ellipsis<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.line(&super::display_width::truncate_with_ellipsis(
        c.input,
        c.int::<usize>(0)?,
    )?)?;
    Ok(())
}
fn width_codepoint<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.number(super::display_width::codepoint_width(c.int::<u32>(0)?))?;
    Ok(())
}
fn width_is_wide<'a>(c: &mut Ctx<'a>) -> Result<(), Error> {
    c.boolean(super::display_width::is_wide(c.int::<u32>(0)?))?;
    Ok(())
}
// ---------------------------------------------------------------- table
const COMMANDS: [Command; 86] = [
    cmd(b"semver", b"parse", b"VERSION", false, semver_parse),
    cmd(b"semver", b"valid", b"VERSION", false, semver_valid),
    cmd(b"semver", b"order", b"A B", false, semver_order),
    cmd(
        b"semver",
        b"satisfies",
        b"VERSION RANGE...",
        false,
        semver_satisfies,
    ),
    cmd(
        b"semver",
        b"valid-range",
        b"RANGE...",
        false,
        semver_valid_range,
    ),
    cmd(
        b"semver",
        b"max-satisfying",
        b"VERSIONS RANGE...",
        false,
        semver_max_satisfying,
    ),
    cmd(b"glob", b"match", b"PATTERN PATH", false, glob_match),
    cmd(b"glob", b"filter", b"PATTERN", true, glob_filter),
    cmd(b"glob", b"has-magic", b"PATTERN", false, glob_has_magic),
    cmd(
        b"glob",
        b"literal-prefix",
        b"PATTERN",
        false,
        glob_literal_prefix,
    ),
    cmd(b"braces", b"expand", b"PATTERN", false, braces_expand),
    cmd(b"braces", b"count", b"PATTERN", false, braces_count),
    cmd(b"braces", b"has-braces", b"PATTERN", false, braces_has),
    cmd(b"mime", b"lookup", b"EXT", false, mime_lookup),
    cmd(b"mime", b"from-path", b"PATH", false, mime_from_path),
    cmd(b"mime", b"extension", b"MIME...", false, mime_extension),
    cmd(b"mime", b"is-text", b"MIME...", false, mime_is_text),
    cmd(
        b"mime",
        b"is-compressible",
        b"MIME...",
        false,
        mime_is_compressible,
    ),
    cmd(b"mime", b"category", b"MIME...", false, mime_category),
    cmd(b"mime", b"content-type", b"PATH", false, mime_content_type),
    cmd(b"path", b"normalize", b"PATH", false, path_normalize),
    cmd(b"path", b"join", b"A B", false, path_join),
    cmd(b"path", b"resolve", b"CWD PATH", false, path_resolve),
    cmd(b"path", b"relative", b"FROM TO", false, path_relative),
    cmd(b"path", b"dirname", b"PATH", false, path_dirname),
    cmd(b"path", b"basename", b"PATH [SUFFIX]", false, path_basename),
    cmd(b"path", b"extname", b"PATH", false, path_extname),
    cmd(b"path", b"stem", b"PATH", false, path_stem),
    cmd(b"path", b"is-absolute", b"PATH", false, path_is_absolute),
    cmd(b"path", b"format", b"PATH", false, path_format),
    cmd(b"url", b"parse", b"URL", false, url_parse),
    cmd(b"url", b"origin", b"URL", false, url_origin),
    cmd(b"url", b"port", b"URL", false, url_port),
    cmd(b"url", b"is-https", b"URL", false, url_is_https),
    cmd(b"url", b"is-localhost", b"URL", false, url_is_localhost),
    cmd(b"url", b"decode", b"TEXT", false, url_decode),
    cmd(b"url", b"encode", b"TEXT", false, url_encode),
    cmd(b"url", b"encode-uri", b"TEXT", false, url_encode_uri),
    cmd(b"url", b"resolve", b"BASE REF", false, url_resolve),
    cmd(b"base64", b"encode", b"", true, base64_encode),
    cmd(b"base64", b"encode-url", b"", true, base64_encode_url),
    cmd(b"base64", b"decode", b"TEXT", false, base64_decode),
    cmd(b"base64", b"decode-url", b"TEXT", false, base64_decode_url),
    cmd(
        b"base64",
        b"decode-forgiving",
        b"",
        true,
        base64_decode_forgiving,
    ),
    cmd(b"base64", b"is-valid", b"TEXT", false, base64_is_valid),
    cmd(b"base64", b"encoded-len", b"N", false, base64_encoded_len),
    cmd(b"vlq", b"encode", b"N", false, vlq_encode),
    cmd(b"vlq", b"decode", b"TEXT", false, vlq_decode),
    cmd(b"vlq", b"validate", b"MAPPINGS", false, vlq_validate),
    cmd(b"vlq", b"segments", b"MAPPINGS", false, vlq_segments),
    cmd(b"vlq", b"lines", b"MAPPINGS", false, vlq_lines),
    cmd(b"vlq", b"reencode", b"MAPPINGS", false, vlq_reencode),
    cmd(
        b"vlq",
        b"original",
        b"MAPPINGS LINE COLUMN",
        false,
        vlq_original,
    ),
    cmd(b"wyhash", b"hash", b"[SEED]", true, wyhash_hash),
    cmd(b"wyhash", b"string", b"TEXT", false, wyhash_string),
    cmd(b"wyhash", b"u64", b"SEED VALUE", false, wyhash_u64),
    cmd(b"wyhash", b"chunked", b"SEED CHUNK", true, wyhash_chunked),
    cmd(b"wyhash", b"combine", b"H1 H2", false, wyhash_combine),
    cmd(b"ini", b"get", b"KEY [SECTION]", true, ini_get),
    cmd(b"ini", b"count", b"", true, ini_count),
    cmd(b"ini", b"valid", b"", true, ini_valid),
    cmd(b"ini", b"expand", b"TEXT", true, ini_expand),
    cmd(b"ini", b"registry", b"[SCOPE]", true, ini_registry),
    cmd(b"ini", b"auth-token", b"REGISTRY", true, ini_auth_token),
    cmd(
        b"ini",
        b"array-length",
        b"KEY [SECTION]",
        true,
        ini_array_length,
    ),
    cmd(b"dotenv", b"get", b"KEY", true, dotenv_get),
    cmd(b"dotenv", b"count", b"", true, dotenv_count),
    cmd(b"dotenv", b"valid-key", b"NAME", false, dotenv_valid_key),
    cmd(b"dotenv", b"expand", b"TEXT", true, dotenv_expand),
    cmd(b"dotenv", b"keys", b"", true, dotenv_keys),
    cmd(b"dotenv", b"raw", b"KEY", true, dotenv_raw),
    cmd(b"dotenv", b"quote", b"KEY", true, dotenv_quote),
    cmd(b"json", b"escape", b"[--ascii]", true, json_escape),
    cmd(b"json", b"unescape", b"QUOTED", false, json_unescape),
    cmd(b"json", b"tokens", b"", true, json_tokens),
    cmd(b"json", b"valid", b"", true, json_valid),
    cmd(b"json", b"check", b"", true, json_check),
    cmd(b"json", b"depth", b"", true, json_depth),
    cmd(b"json", b"minify", b"", true, json_minify),
    cmd(b"width", b"", b"", true, width_text),
    cmd(b"width", b"ascii", b"", true, width_ascii),
    cmd(b"width", b"strip", b"", true, width_strip),
    cmd(b"width", b"truncate", b"N", true, width_truncate),
    cmd(b"width", b"ellipsis", b"N", true, width_ellipsis),
    cmd(b"width", b"codepoint", b"CP", false, width_codepoint),
    cmd(b"width", b"is-wide", b"CP", false, width_is_wide),
];
/// Finds the command for `argv[1..]`, returning it and its arguments.
fn lookup<'a>(args: &'a [&'a [u8]]) -> Option<(Command<'a>, &'a [&'a [u8]])> {
    if args.is_empty() {
        return None;
    }
    let sub = args[0];
    if args.len() > 1 {
        for c in COMMANDS.iter().copied() {
            if (c.sub == sub) && (c.op == args[1]) {
                return Some((c, &args[2..]));
            }
        }
    }
    for c in COMMANDS.iter().copied() {
        if (c.sub == sub) && (c.op.is_empty()) {
            return Some((c, &args[1..]));
        }
    }
    None
}
fn print_usage(w: &mut crate::zigport_rt::io::Writer, sub: Option<&[u8]>) -> Result<(), Error> {
    w.write_all(b"usage: bun-mini <subsystem> <op> [args...]\n");
    for c in COMMANDS.iter().copied() {
        if let Some(s) = sub
            && (s != c.sub)
        {
            continue;
        }
        w.print(
            b"  bun-mini {s}",
            &[&c.sub as &dyn crate::zigport_rt::fmt::Arg],
        );
        if !c.op.is_empty() {
            w.print(b" {s}", &[&c.op as &dyn crate::zigport_rt::fmt::Arg])
        }
        if !c.synopsis.is_empty() {
            w.print(b" {s}", &[&c.synopsis as &dyn crate::zigport_rt::fmt::Arg])
        }
        w.write_all(if c.stdin {
            b" < input\n".as_slice()
        } else {
            b"\n".as_slice()
        });
    }
    Ok(())
}
pub fn main() -> u8 {
    // zigport: `defer arena_state.deinit();` dropped: ownership frees
    // Results are collected first and written only when the op succeeds, so
    // a failing op never leaves partial output behind.
    let mut results: crate::zigport_rt::io::Writer = crate::zigport_rt::io::Writer::allocating();
    // PERF(port): `err_buf` zero-initialised; Zig left it undefined
    let _err_buf: [u8; 1024] = [0; 1024];
    // Streaming (not positional) I/O throughout: with positional writes,
    // output redirected into a file shared by several commands (`>>`, or a
    // script's single stdout) would be written at offset 0 and overwrite.
    let mut stderr = crate::zigport_rt::io::Writer::stderr();
    #[allow(clippy::redundant_closure_call)]
    let __zigport_result = (|| -> u8 {
        let code = run(&mut results, &mut stderr);
        if code != 0 {
            return code;
        }
        // PERF(port): `out_buf` zero-initialised; Zig left it undefined
        let _out_buf: [u8; 4096] = [0; 4096];
        let mut stdout = crate::zigport_rt::io::Writer::stdout();
        stdout.write_all(results.written());
        match stdout.flush() {
            Ok(v) => v,
            Err(_) => return 1,
        };
        0
    })();
    if let Ok(v) = stderr.flush() {
        v
    };
    __zigport_result
}
fn run(out: &mut crate::zigport_rt::io::Writer, err: &mut crate::zigport_rt::io::Writer) -> u8 {
    let argv = crate::zigport_rt::io::args();
    let args: &[&[u8]] = &argv[1..];
    let found = match lookup(args) {
        Some(v) => v,
        None => {
            if let Ok(v) = print_usage(
                err,
                if (!args.is_empty()) && is_subsystem(args[0]) {
                    Some(args[0])
                } else {
                    None
                },
            ) {
                v
            };
            return 2;
        }
    };
    let (command, rest) = found;
    let arity = command.arity();
    if (rest.len() < arity.min) || (rest.len() > arity.max) {
        if let Ok(v) = print_usage(err, Some(command.sub)) {
            v
        };
        return 2;
    }
    let mut input: &[u8] = b"";
    if command.stdin {
        // PERF(port): `in_buf` zero-initialised; Zig left it undefined
        let _in_buf: [u8; 4096] = [0; 4096];
        let mut stdin = crate::zigport_rt::io::Reader::stdin();
        input = match stdin.alloc_remaining(MAX_INPUT).map_err(Error::from) {
            Ok(v) => v,
            Err(e) => return fail(err, e),
        };
    }
    let mut ctx: Ctx = Ctx {
        args: rest,
        input,
        out,
    };
    match (command.run)(&mut ctx) {
        Ok(v) => v,
        Err(e) => {
            if e == Error::Usage {
                if let Ok(v) = print_usage(err, Some(command.sub)) {
                    v
                };
                return 2;
            }
            return fail(err, e);
        }
    };
    0
}
fn is_subsystem(name: &[u8]) -> bool {
    for c in COMMANDS.iter().copied() {
        if c.sub == name {
            return true;
        }
    }
    false
}
fn fail(err: &mut crate::zigport_rt::io::Writer, e: Error) -> u8 {
    err.print(
        b"error: {s}\n",
        &[&(e.name().as_bytes()) as &dyn crate::zigport_rt::fmt::Arg],
    );
    1
}
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ArityResult {
    pub min: usize,
    pub max: usize,
}

// zigport: source main.zig (619 lines); 102/102 functions without TODO; confidence high; TODO(port) markers: 0

#[cfg(feature = "zigport-shims")]
#[doc(hidden)]
mod zigport_shims;
