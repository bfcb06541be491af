//! Name patterns with `*` and `?`, matched without allocating for ASCII names (rules match
//! every column of every table against their option lists).

use crate::rules::util::glob_match;

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
}
