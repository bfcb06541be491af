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
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
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

/// Whether `text` matches any of the patterns.
pub fn any(patterns: &[String], text: &str) -> bool {
    patterns.iter().any(|p| matches(p, text))
}

/// Names longer than this are matched by the general matcher.
const SHORT: usize = 64;

/// A list of patterns (lower case, as `option_list` gives them) compiled for matching many
/// names: plain names are looked up in a set, `prefix*`, `*suffix` and `*part*` are compared
/// directly, and only the rest runs the general matcher. Matches exactly like [`any`].
#[derive(Debug, Default)]
pub struct Patterns {
    /// Every pattern, for names the fast paths do not handle.
    all: Vec<String>,
    exact: HashSet<Box<[u8]>, BuildHasherDefault<Fast>>,
    prefixes: Vec<Box<[u8]>>,
    suffixes: Vec<Box<[u8]>>,
    parts: Vec<Box<[u8]>>,
    /// ASCII patterns of other shapes.
    other: Vec<String>,
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
            let literal = |p: &[u8]| !p.contains(&b'*') && !p.contains(&b'?');
            if !pattern.is_ascii() || pattern.contains('?') {
                compiled.other.push(pattern.clone());
            } else if literal(bytes) {
                compiled.exact.insert(bytes.to_ascii_lowercase().into());
            } else if let Some(part) = bytes
                .strip_prefix(b"*")
                .and_then(|p| p.strip_suffix(b"*"))
                .filter(|p| !p.is_empty() && literal(p))
            {
                compiled.parts.push(part.to_ascii_lowercase().into());
            } else if let Some(suffix) = bytes.strip_prefix(b"*").filter(|p| literal(p)) {
                compiled.suffixes.push(suffix.to_ascii_lowercase().into());
            } else if let Some(prefix) = bytes.strip_suffix(b"*").filter(|p| literal(p)) {
                compiled.prefixes.push(prefix.to_ascii_lowercase().into());
            } else {
                compiled.other.push(pattern.clone());
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
        self.exact.contains(lower)
            || self.suffixes.iter().any(|s| lower.ends_with(s))
            || self.prefixes.iter().any(|p| lower.starts_with(p))
            || self
                .parts
                .iter()
                .any(|p| lower.windows(p.len()).any(|w| w == &**p))
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
            "*_at", "created", "*price*", "unnamed*", "col?", "a*b*c", "*", "größe", "x",
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
