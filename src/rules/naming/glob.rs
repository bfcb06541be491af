//! Name patterns with `*` and `?`, matched without allocating for ASCII names (rules match
//! every column of every table against their option lists).

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use crate::rules::util::glob_match;

use super::fingerprint::Fast;

/// Whether `text` matches `pattern` (already lower case, as `option_list` gives it),
/// case-insensitively.
pub fn matches(pattern: &str, text: &str) -> bool {
    if !pattern.is_ascii() || !text.is_ascii() {
        return glob_match(pattern, text);
    }
    if !pattern.contains(['*', '?']) {
        return pattern.eq_ignore_ascii_case(text);
    }
    general(pattern.as_bytes(), text.as_bytes())
}

/// Whether `text` matches any of the patterns.
pub fn any(patterns: &[String], text: &str) -> bool {
    patterns.iter().any(|p| matches(p, text))
}

/// Names longer than this are matched by the general matcher.
const SHORT: usize = 64;

/// A list of patterns (lower case, as `option_list` gives them) compiled for matching many
/// names: plain names are looked up in a set, and ASCII patterns are matched against the
/// lower-cased name without further checks. Matches exactly like [`any`].
#[derive(Debug, Default)]
pub struct Patterns {
    /// Every pattern, for names the fast paths do not handle.
    all: Vec<String>,
    /// ASCII patterns without `*` or `?`, lower case.
    exact: HashSet<Box<[u8]>, BuildHasherDefault<Fast>>,
    /// Bit `n` set when an exact pattern has `n` bytes (63 for all longer ones): most names
    /// are ruled out without hashing.
    exact_lengths: u64,
    /// The other ASCII patterns.
    shaped: Vec<Shape>,
    /// Patterns that are not ASCII.
    other: Vec<String>,
}

/// An ASCII pattern with wildcards, by shape.
#[derive(Debug)]
enum Shape {
    /// `literal*`
    Prefix(Box<[u8]>),
    /// `*literal`
    Suffix(Box<[u8]>),
    /// `*literal*`
    Part(Box<[u8]>),
    /// Literal characters and `?` only.
    Fixed(Box<[u8]>),
    /// Anything else.
    General(Box<[u8]>),
}

impl Shape {
    fn of(pattern: &[u8]) -> Self {
        let literal = |p: &[u8]| !p.contains(&b'*') && !p.contains(&b'?');
        if let Some(part) = pattern
            .strip_prefix(b"*")
            .and_then(|p| p.strip_suffix(b"*"))
            .filter(|p| !p.is_empty() && literal(p))
        {
            Self::Part(part.into())
        } else if let Some(suffix) = pattern.strip_prefix(b"*").filter(|p| literal(p)) {
            Self::Suffix(suffix.into())
        } else if let Some(prefix) = pattern.strip_suffix(b"*").filter(|p| literal(p)) {
            Self::Prefix(prefix.into())
        } else if !pattern.contains(&b'*') {
            Self::Fixed(pattern.into())
        } else {
            Self::General(pattern.into())
        }
    }

    /// Whether the lower-case ASCII `text` matches, like [`matches`].
    fn matches(&self, text: &[u8]) -> bool {
        match self {
            // The first or last byte rules most names out before comparing the rest.
            Self::Prefix(p) => {
                p.first().is_none_or(|c| text.first() == Some(c)) && text.starts_with(p)
            }
            Self::Suffix(p) => p.last().is_none_or(|c| text.last() == Some(c)) && text.ends_with(p),
            Self::Part(p) => contains(text, p),
            Self::Fixed(p) => {
                p.len() == text.len() && p.iter().zip(text).all(|(c, t)| *c == b'?' || c == t)
            }
            Self::General(p) => general(p, text),
        }
    }
}

/// Whether `part` (not empty) occurs in `text`.
fn contains(text: &[u8], part: &[u8]) -> bool {
    let Some((&first, rest)) = part.split_first() else {
        return true;
    };
    let last = text.len().saturating_sub(rest.len());
    text.get(..last).is_some_and(|heads| {
        heads
            .iter()
            .enumerate()
            .any(|(i, &c)| c == first && text.get(i + 1..i + part.len()) == Some(rest))
    })
}

/// The bit of [`Patterns::exact_lengths`] for a length.
fn length_bit(length: usize) -> u64 {
    1 << length.min(63)
}

/// `*` and `?` matching of an ASCII pattern (lower case) against ASCII text, ignoring the
/// text's case.
fn general(p: &[u8], t: &[u8]) -> bool {
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some(b'*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if c == b'?' || c == t[ti].to_ascii_lowercase() => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

impl Patterns {
    /// Compiles a pattern list.
    pub fn new(patterns: &[String]) -> Self {
        let mut compiled = Self {
            all: patterns.to_vec(),
            ..Self::default()
        };
        for pattern in patterns {
            let bytes = pattern.as_bytes();
            if !pattern.is_ascii() {
                compiled.other.push(pattern.clone());
            } else if !pattern.contains(['*', '?']) {
                compiled.exact.insert(bytes.to_ascii_lowercase().into());
                compiled.exact_lengths |= length_bit(bytes.len());
            } else {
                compiled.shaped.push(Shape::of(bytes));
            }
        }
        compiled
    }

    /// Whether no pattern is listed.
    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    /// Whether `text` matches any of the patterns, case-insensitively.
    pub fn matches(&self, text: &str) -> bool {
        if !text.is_ascii() || text.len() > SHORT {
            return any(&self.all, text);
        }
        let mut buffer = [0u8; SHORT];
        let lower = &mut buffer[..text.len()];
        lower.copy_from_slice(text.as_bytes());
        lower.make_ascii_lowercase();
        let lower = &*lower;
        (self.exact_lengths & length_bit(lower.len()) != 0 && self.exact.contains(lower))
            || self.shaped.iter().any(|shape| shape.matches(lower))
            || self.other.iter().any(|p| matches(p, text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_like_the_shared_glob() {
        for (pattern, text) in [
            ("*_id", "customer_ID"),
            ("data", "Data"),
            ("fl?g", "flag"),
            ("*_id", "identity"),
            ("*", ""),
            ("a*b", "a_c"),
            ("*price*", "UnitPrice"),
            ("größe", "GRÖSSE"),
        ] {
            assert_eq!(
                matches(pattern, text),
                glob_match(pattern, text),
                "{pattern} {text}"
            );
        }
    }

    #[test]
    fn compiled_lists_match_like_the_plain_list() {
        let list: Vec<String> = [
            "*_at", "created", "*price*", "unnamed*", "col?", "a*b*c", "*", "größe", "x", "F?eld",
            "*ID", "a?*",
        ]
        .iter()
        .map(|p| (*p).to_owned())
        .collect();
        let names = [
            "Created_AT",
            "created",
            "UnitPrice",
            "unnamed_1",
            "col1",
            "colum",
            "aXbYc",
            "",
            "GRÖSSE",
            "X",
            "xy",
            "price",
            "pric",
            "_at",
            "at",
        ];
        for end in 1..=list.len() {
            let patterns = &list[..end];
            let compiled = Patterns::new(patterns);
            for name in names {
                assert_eq!(
                    compiled.matches(name),
                    any(patterns, name),
                    "{patterns:?} {name}"
                );
            }
        }
        assert!(Patterns::new(&[]).is_empty());
    }
}
