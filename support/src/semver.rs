//! Twin of Zig 0.15.2's `std.SemanticVersion` (`parse` and `order`).
//!
//! Mirrors Zig's code rather than the SemVer 2.0.0 spec where they differ:
//!
//! * major/minor/patch (and numeric pre-release identifiers) are read with
//!   `std.fmt.parseUnsigned(usize, _, 10)`, so `_` between digits is accepted
//!   in major/minor/patch (`"1_0.0.0"` has major 10); a leading `0` followed
//!   by anything is `InvalidVersion`.
//! * a numeric pre-release identifier too big for `usize` is `Overflow`, and
//!   so is an oversized major/minor/patch.
//! * `order` treats an identifier as numeric iff `parseUnsigned` accepts it,
//!   and traps (Zig `unreachable`) if `parseUnsigned` reports `Overflow`,
//!   which `parse` does not rule out for alphanumeric identifiers that start
//!   with more than 20 digits (e.g. `1.0.0-99999999999999999999999a`).

use std::cmp::Ordering;
use std::fmt;

use crate::fmt::{ParseIntError, parse_unsigned};

/// The errors of Zig's `SemanticVersion.parse` (its inferred error set).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SemverError {
    /// `error.InvalidVersion`.
    InvalidVersion,
    /// `error.Overflow`: a number does not fit in `usize`.
    Overflow,
}

impl SemverError {
    /// The exact Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {
            SemverError::InvalidVersion => "InvalidVersion",
            SemverError::Overflow => "Overflow",
        }
    }
}

impl fmt::Display for SemverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::error::Error for SemverError {}

/// Twin of Zig's `std.SemanticVersion` struct; `pre` and `build` own copies
/// of the slices Zig's `parse` returns into the input text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Version {
    pub major: usize,
    pub minor: usize,
    pub patch: usize,
    pub pre: Option<Vec<u8>>,
    pub build: Option<Vec<u8>>,
}

fn split_dots(s: &[u8]) -> impl Iterator<Item = &[u8]> {
    // Same as Zig's `std.mem.splitScalar(u8, s, '.')`: "" yields one "".
    s.split(|&c| c == b'.')
}

fn is_identifier_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-'
}

/// Zig's private `SemanticVersion.parseNum`.
fn parse_num(text: &[u8]) -> Result<usize, SemverError> {
    // Leading zeroes are not allowed.
    if text.len() > 1 && text[0] == b'0' {
        return Err(SemverError::InvalidVersion);
    }
    parse_unsigned::<usize>(text, 10).map_err(|err| match err {
        ParseIntError::InvalidCharacter => SemverError::InvalidVersion,
        ParseIntError::Overflow => SemverError::Overflow,
    })
}

/// Validates dot-separated identifiers: non-empty, `[0-9A-Za-z-]` only, and
/// (for pre-release, `check_numeric`) all-digit ones must pass `parse_num`.
/// Errors are reported in Zig's order: identifier by identifier.
fn validate_identifiers(s: &[u8], check_numeric: bool) -> Result<(), SemverError> {
    for id in split_dots(s) {
        if id.is_empty() || !id.iter().all(|&c| is_identifier_char(c)) {
            return Err(SemverError::InvalidVersion);
        }
        if check_numeric && id.iter().all(u8::is_ascii_digit) {
            parse_num(id)?;
        }
    }
    Ok(())
}

/// `std.fmt.parseUnsigned(usize, id, 10)` as used by Zig's `order`:
/// `InvalidCharacter` means "not numeric", `Overflow` is `unreachable`.
fn numeric_identifier(id: &[u8]) -> Option<usize> {
    match parse_unsigned::<usize>(id, 10) {
        Ok(n) => Some(n),
        Err(ParseIntError::InvalidCharacter) => None,
        Err(ParseIntError::Overflow) => {
            panic!(
                "reached unreachable code: SemanticVersion.order: pre-release identifier overflows usize"
            )
        }
    }
}

impl Version {
    /// Twin of `std.SemanticVersion.parse`.
    pub fn parse(text: &[u8]) -> Result<Version, SemverError> {
        use SemverError::InvalidVersion;

        // Parse the required major, minor, and patch numbers.
        let extra_index = text.iter().position(|&c| c == b'-' || c == b'+');
        let required = &text[..extra_index.unwrap_or(text.len())];
        let mut it = split_dots(required);
        let major = parse_num(it.next().unwrap_or_default())?;
        let minor = parse_num(it.next().ok_or(InvalidVersion)?)?;
        let patch = parse_num(it.next().ok_or(InvalidVersion)?)?;
        if it.next().is_some() {
            return Err(InvalidVersion);
        }
        let mut ver = Version {
            major,
            minor,
            patch,
            pre: None,
            build: None,
        };
        let Some(extra_index) = extra_index else {
            return Ok(ver);
        };

        // Slice optional pre-release or build metadata components.
        let rest = &text[extra_index + 1..];
        let (pre, build) = if text[extra_index] == b'-' {
            match rest.iter().position(|&c| c == b'+') {
                Some(idx) => (Some(&rest[..idx]), Some(&rest[idx + 1..])),
                None => (Some(rest), None),
            }
        } else {
            (None, Some(rest))
        };

        if let Some(pre) = pre {
            validate_identifiers(pre, true)?;
        }
        if let Some(build) = build {
            validate_identifiers(build, false)?;
        }
        ver.pre = pre.map(<[u8]>::to_vec);
        ver.build = build.map(<[u8]>::to_vec);
        Ok(ver)
    }

    /// Twin of `std.SemanticVersion.order`: compares major, minor, patch,
    /// then pre-release (absent sorts after present); build is ignored.
    ///
    /// Panics like Zig's `unreachable` if a compared pre-release identifier
    /// starts with a digit run that overflows `usize`.
    pub fn order(&self, other: &Version) -> Ordering {
        let core =
            (self.major, self.minor, self.patch).cmp(&(other.major, other.minor, other.patch));
        if core != Ordering::Equal {
            return core;
        }
        match (&self.pre, &other.pre) {
            (Some(_), None) => Ordering::Less,
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(lhs), Some(rhs)) => order_pre(lhs, rhs),
        }
    }
}

/// Iterates pre-release identifiers until a difference is found.
fn order_pre(lhs: &[u8], rhs: &[u8]) -> Ordering {
    let mut lhs_it = split_dots(lhs);
    let mut rhs_it = split_dots(rhs);
    loop {
        let (lid, rid) = match (lhs_it.next(), rhs_it.next()) {
            // A larger set of pre-release fields has a higher precedence.
            (None, Some(_)) => return Ordering::Less,
            (None, None) => return Ordering::Equal,
            (Some(_), None) => return Ordering::Greater,
            (Some(lid), Some(rid)) => (lid, rid),
        };
        // Both are parsed before comparing, as in Zig.
        let lnum = numeric_identifier(lid);
        let rnum = numeric_identifier(rid);
        let ord = match (lnum, rnum) {
            // Numeric identifiers have lower precedence than non-numeric ones.
            (Some(_), None) => return Ordering::Less,
            (None, Some(_)) => return Ordering::Greater,
            (Some(l), Some(r)) => l.cmp(&r),
            // Otherwise compared lexically in ASCII (byte) order.
            (None, None) => lid.cmp(rid),
        };
        if ord != Ordering::Equal {
            return ord;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SemverError::{InvalidVersion, Overflow};
    use super::*;

    /// Zig's `SemanticVersion.format`, for round-trip checks.
    fn format(v: &Version) -> Vec<u8> {
        let mut out = format!("{}.{}.{}", v.major, v.minor, v.patch).into_bytes();
        if let Some(pre) = &v.pre {
            out.push(b'-');
            out.extend_from_slice(pre);
        }
        if let Some(build) = &v.build {
            out.push(b'+');
            out.extend_from_slice(build);
        }
        out
    }

    fn p(s: &str) -> Version {
        match Version::parse(s.as_bytes()) {
            Ok(v) => v,
            Err(e) => panic!("{s:?} failed: {}", e.name()),
        }
    }

    // Zig 0.15.2 `test format`: valid strings round-trip.
    #[test]
    fn zig_valid_versions() {
        for valid in [
            "0.0.4",
            "1.2.3",
            "10.20.30",
            "1.1.2-prerelease+meta",
            "1.1.2+meta",
            "1.1.2+meta-valid",
            "1.0.0-alpha",
            "1.0.0-beta",
            "1.0.0-alpha.beta",
            "1.0.0-alpha.beta.1",
            "1.0.0-alpha.1",
            "1.0.0-alpha0.valid",
            "1.0.0-alpha.0valid",
            "1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay",
            "1.0.0-rc.1+build.1",
            "2.0.0-rc.1+build.123",
            "1.2.3-beta",
            "10.2.3-DEV-SNAPSHOT",
            "1.2.3-SNAPSHOT-123",
            "1.0.0",
            "2.0.0",
            "1.1.7",
            "2.0.0+build.1848",
            "2.0.1-alpha.1227",
            "1.0.0-alpha+beta",
            "1.2.3----RC-SNAPSHOT.12.9.1--.12+788",
            "1.2.3----R-S.12.9.1--.12+meta",
            "1.2.3----RC-SNAPSHOT.12.9.1--.12",
            "1.0.0+0.build.1-rc.10000aaa-kk-0.1",
            "5.4.0-1018-raspi",
            "5.7.123",
        ] {
            assert_eq!(format(&p(valid)), valid.as_bytes());
        }
    }

    // Zig 0.15.2 `test format`: invalid strings are InvalidVersion.
    #[test]
    fn zig_invalid_versions() {
        for invalid in [
            "",
            "1",
            "1.2",
            "1.2.3-0123",
            "1.2.3-0123.0123",
            "1.1.2+.123",
            "+invalid",
            "-invalid",
            "-invalid+invalid",
            "-invalid.01",
            "alpha",
            "alpha.beta",
            "alpha.beta.1",
            "alpha.1",
            "alpha+beta",
            "alpha_beta",
            "alpha.",
            "alpha..",
            "beta\\",
            "1.0.0-alpha_beta",
            "-alpha.",
            "1.0.0-alpha..",
            "1.0.0-alpha..1",
            "1.0.0-alpha...1",
            "1.0.0-alpha....1",
            "1.0.0-alpha.....1",
            "1.0.0-alpha......1",
            "1.0.0-alpha.......1",
            "01.1.1",
            "1.01.1",
            "1.1.01",
            "1.2",
            "1.2.3.DEV",
            "1.2-SNAPSHOT",
            "1.2.31.2.3----RC-SNAPSHOT.12.09.1--..12+788",
            "1.2-RC-SNAPSHOT",
            "-1.0.3-gamma+b7718",
            "+justmeta",
            "9.8.7+meta+meta",
            "9.8.7-whatever+meta+meta",
            "2.6.32.11-svn21605",
            "2.11.2(0.329/5/3)",
            "2.13-DEVELOPMENT",
            "2.3-35",
            "1a.4",
            "3.b1.0",
            "1.4beta",
            "2.7.pre",
            "0..3",
            "8.008.",
            "01...",
            "55",
            "foobar",
            "-1",
            "+4",
            ".",
            "....3",
        ] {
            assert_eq!(
                Version::parse(invalid.as_bytes()),
                Err(InvalidVersion),
                "{invalid:?}"
            );
        }
    }

    #[test]
    fn zig_big_versions() {
        let big_valid = "99999999999999999999999.999999999999999999.99999999999999999";
        match Version::parse(big_valid.as_bytes()) {
            Ok(v) => assert_eq!(format(&v), big_valid.as_bytes()),
            Err(e) => assert_eq!(e, Overflow),
        }
        let big_invalid = "99999999999999999999999.999999999999999999.99999999999999999----RC-SNAPSHOT.12.09.1--------------------------------..12";
        assert!(Version::parse(big_invalid.as_bytes()).is_err());
    }

    // Zig 0.15.2 `test "precedence"`.
    #[test]
    fn zig_precedence() {
        let chain = [
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "2.0.0",
            "2.1.0",
            "2.1.1",
        ];
        for pair in chain.windows(2) {
            assert_eq!(p(pair[0]).order(&p(pair[1])), Ordering::Less, "{pair:?}");
            assert_eq!(p(pair[1]).order(&p(pair[0])), Ordering::Greater, "{pair:?}");
        }
        for v in chain {
            assert_eq!(p(v).order(&p(v)), Ordering::Equal);
        }
    }

    #[test]
    fn order_ignores_build_and_compares_bytes() {
        assert_eq!(p("1.0.0+a").order(&p("1.0.0+b")), Ordering::Equal);
        assert_eq!(p("1.0.0-a+x").order(&p("1.0.0-a+y")), Ordering::Equal);
        assert_eq!(p("1.0.0-B").order(&p("1.0.0-a")), Ordering::Less);
        assert_eq!(p("1.0.0-1").order(&p("1.0.0--")), Ordering::Less);
        assert_eq!(p("1.0.0-2").order(&p("1.0.0-10")), Ordering::Less);
    }

    #[test]
    fn order_on_hand_built_versions() {
        let v = |pre: &str| Version {
            major: 1,
            minor: 0,
            patch: 0,
            pre: Some(pre.as_bytes().to_vec()),
            build: None,
        };
        // parseUnsigned semantics: leading zeros and '_' still count as numeric
        assert_eq!(v("010").order(&v("9")), Ordering::Greater);
        assert_eq!(v("1_0").order(&v("9")), Ordering::Greater);
        // empty identifiers are non-numeric and compare lexically
        assert_eq!(v("").order(&v("a")), Ordering::Less);
        assert_eq!(v("a.").order(&v("a")), Ordering::Greater);
    }

    #[test]
    #[should_panic(expected = "unreachable")]
    fn order_traps_on_overflowing_identifier() {
        // Parses fine (not all digits) but parseUnsigned overflows in order.
        let a = p("1.0.0-99999999999999999999999a");
        let b = p("1.0.0-99999999999999999999999a");
        let _ = a.order(&b);
    }

    #[test]
    fn parse_quirks() {
        // parseUnsigned accepts '_' between digits
        assert_eq!(p("1_0.2_0.3").major, 10);
        assert_eq!(p("1_0.2_0.3").minor, 20);
        assert_eq!(Version::parse(b"_1.0.0"), Err(InvalidVersion));
        assert_eq!(Version::parse(b"1_.0.0"), Err(InvalidVersion));
        assert_eq!(Version::parse(b"0_1.0.0"), Err(InvalidVersion));
        // numeric pre-release identifiers may overflow
        assert_eq!(
            Version::parse(b"1.0.0-99999999999999999999999"),
            Err(Overflow)
        );
        assert_eq!(
            Version::parse(b"1.0.0-99999999999999999999999.."),
            Err(Overflow)
        );
        // build identifiers are not number-checked
        assert!(Version::parse(b"1.0.0+99999999999999999999999.01").is_ok());
        // errors in left-to-right order
        assert_eq!(Version::parse(b"99999999999999999999999.x"), Err(Overflow));
        assert_eq!(Version::parse(b"1.99999999999999999999999"), Err(Overflow));
        assert_eq!(
            Version::parse(b"1.2.99999999999999999999999.4"),
            Err(Overflow)
        );
        assert_eq!(Version::parse(b"1.0.0-.+a"), Err(InvalidVersion));
        assert_eq!(Version::parse(b"1.0.0-"), Err(InvalidVersion));
        assert_eq!(Version::parse(b"1.0.0+"), Err(InvalidVersion));
        assert_eq!(Version::parse(b"1.0.0-+a"), Err(InvalidVersion));
        let v = p("1.0.0+a-b");
        assert_eq!((v.pre, v.build), (None, Some(b"a-b".to_vec())));
        let v = p("1.0.0-a-b+c");
        assert_eq!(
            (v.pre, v.build),
            (Some(b"a-b".to_vec()), Some(b"c".to_vec()))
        );
    }

    #[test]
    fn error_names() {
        assert_eq!(InvalidVersion.name(), "InvalidVersion");
        assert_eq!(Overflow.name(), "Overflow");
    }
}
