//! `std.mem.split*` and `std.mem.tokenize*` iterators with Zig's fields and
//! methods (`index`, `next`, `peek`, `rest`, `first`, `reset`), so ports that
//! use more than `next` keep their meaning. They are also Rust iterators.

/// `std.mem.DelimiterType` with its delimiter.
#[derive(Debug, Clone, Copy)]
pub enum Delimiter<'a, T> {
    Scalar(T),
    Sequence(&'a [T]),
    Any(&'a [T]),
}

impl<T: PartialEq + Copy> Delimiter<'_, T> {
    /// How far one delimiter occurrence reaches.
    fn len(&self) -> usize {
        match self {
            Delimiter::Sequence(d) => d.len(),
            Delimiter::Scalar(_) | Delimiter::Any(_) => 1,
        }
    }

    #[inline]
    fn is_at(&self, buffer: &[T], index: usize) -> bool {
        match self {
            Delimiter::Sequence(d) => buffer[index..].starts_with(d),
            Delimiter::Any(d) => d.contains(&buffer[index]),
            Delimiter::Scalar(d) => buffer[index] == *d,
        }
    }

    // Zig inlines its split iterators into the loop that drives them; out
    // of line, `next` cost braces' `count` about 10% against Zig.
    #[inline]
    fn find_from(&self, buffer: &[T], start: usize) -> Option<usize> {
        let tail = buffer.get(start..)?;
        let found = match self {
            Delimiter::Sequence(d) => tail
                .windows(d.len())
                .position(|w| super::mem::same_elements(w, d)),
            Delimiter::Any(d) => tail.iter().position(|x| d.contains(x)),
            Delimiter::Scalar(d) => tail.iter().position(|x| x == d),
        };
        found.map(|i| start + i)
    }
}

/// `std.mem.SplitIterator(T, delimiter_type)`.
#[derive(Debug, Clone)]
pub struct SplitIterator<'a, T> {
    pub buffer: &'a [T],
    pub index: Option<usize>,
    pub delimiter: Delimiter<'a, T>,
}

impl<'a, T: PartialEq + Copy> SplitIterator<'a, T> {
    /// The first field; Zig asserts iteration has not begun.
    pub fn first(&mut self) -> &'a [T] {
        assert_eq!(self.index, Some(0), "SplitIterator.first after next");
        self.next().expect("a split has a first field")
    }

    pub fn peek(&self) -> Option<&'a [T]> {
        let start = self.index?;
        let end = self
            .delimiter
            .find_from(self.buffer, start)
            .unwrap_or(self.buffer.len());
        Some(&self.buffer[start..end])
    }

    pub fn rest(&self) -> &'a [T] {
        let start = self.index.unwrap_or(self.buffer.len());
        &self.buffer[start..]
    }

    pub fn reset(&mut self) {
        self.index = Some(0);
    }
}

impl<'a, T: PartialEq + Copy> Iterator for SplitIterator<'a, T> {
    type Item = &'a [T];

    #[inline]
    fn next(&mut self) -> Option<&'a [T]> {
        let start = self.index?;
        let end = match self.delimiter.find_from(self.buffer, start) {
            Some(at) => {
                self.index = Some(at + self.delimiter.len());
                at
            }
            None => {
                self.index = None;
                self.buffer.len()
            }
        };
        Some(&self.buffer[start..end])
    }
}

/// `std.mem.TokenIterator(T, delimiter_type)`.
#[derive(Debug, Clone)]
pub struct TokenIterator<'a, T> {
    pub buffer: &'a [T],
    pub index: usize,
    pub delimiter: Delimiter<'a, T>,
}

impl<'a, T: PartialEq + Copy> TokenIterator<'a, T> {
    /// Zig's `peek` moves `index` past leading delimiters, so it takes `&mut`.
    pub fn peek(&mut self) -> Option<&'a [T]> {
        self.index = self.skip_delimiters(self.index);
        let start = self.index;
        if start == self.buffer.len() {
            return None;
        }
        let mut end = start;
        while end < self.buffer.len() && !self.delimiter.is_at(self.buffer, end) {
            end += 1;
        }
        Some(&self.buffer[start..end])
    }

    pub fn rest(&self) -> &'a [T] {
        &self.buffer[self.skip_delimiters(self.index)..]
    }

    pub fn reset(&mut self) {
        self.index = 0;
    }

    #[inline]
    fn skip_delimiters(&self, mut index: usize) -> usize {
        while index < self.buffer.len() && self.delimiter.is_at(self.buffer, index) {
            index += self.delimiter.len();
        }
        index
    }
}

impl<'a, T: PartialEq + Copy> Iterator for TokenIterator<'a, T> {
    type Item = &'a [T];

    #[inline]
    fn next(&mut self) -> Option<&'a [T]> {
        let token = self.peek()?;
        self.index += token.len();
        Some(token)
    }
}

/// `std.mem.splitScalar` / `splitSequence` / `splitAny`. Zig asserts a
/// non-empty sequence delimiter.
pub fn split<'a, T: PartialEq + Copy>(
    buffer: &'a [T],
    delimiter: Delimiter<'a, T>,
) -> SplitIterator<'a, T> {
    if let Delimiter::Sequence(d) = delimiter {
        assert!(!d.is_empty(), "splitSequence with an empty delimiter");
    }
    SplitIterator {
        buffer,
        index: Some(0),
        delimiter,
    }
}

/// `std.mem.tokenizeScalar` / `tokenizeSequence` / `tokenizeAny`.
pub fn tokenize<'a, T: PartialEq + Copy>(
    buffer: &'a [T],
    delimiter: Delimiter<'a, T>,
) -> TokenIterator<'a, T> {
    if let Delimiter::Sequence(d) = delimiter {
        assert!(!d.is_empty(), "tokenizeSequence with an empty delimiter");
    }
    TokenIterator {
        buffer,
        index: 0,
        delimiter,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all<'a>(it: impl Iterator<Item = &'a [u8]>) -> Vec<&'a [u8]> {
        it.collect()
    }

    #[test]
    fn split_keeps_empty_fields_and_tracks_the_rest() {
        let mut it = split(b"a||b||", Delimiter::Sequence(b"||"));
        assert_eq!(it.next(), Some(&b"a"[..]));
        assert_eq!(it.index, Some(3));
        assert_eq!(it.rest(), b"b||");
        assert_eq!(all(it), vec![&b"b"[..], b""]);
        assert_eq!(
            all(split(b",a,", Delimiter::Scalar(b','))),
            vec![&b""[..], b"a", b""]
        );
        assert_eq!(
            all(split(b"a b\tc", Delimiter::Any(b" \t"))),
            vec![&b"a"[..], b"b", b"c"]
        );
    }

    #[test]
    fn tokenize_drops_empty_tokens() {
        let mut it = tokenize(b"  a  b ", Delimiter::Scalar(b' '));
        assert_eq!(it.peek(), Some(&b"a"[..]));
        assert_eq!(it.next(), Some(&b"a"[..]));
        assert_eq!(it.rest(), b"b ");
        assert_eq!(it.next(), Some(&b"b"[..]));
        assert_eq!(it.next(), None);
        assert_eq!(
            all(tokenize(b"--a---b", Delimiter::Sequence(b"--"))),
            vec![&b"a"[..], b"-b"]
        );
    }
}
