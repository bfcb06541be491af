//! Puts each clause of a one-line query on its own line (`FROM`, `JOIN`, `WHERE`, `GROUP BY`,
//! ...), so a view reads like hand-written SQL. Only whitespace between clauses changes, and
//! only at the top level, outside literals, quoted names and parentheses.

/// Words that start a clause on a new line, longest first so `LEFT JOIN` wins over `JOIN`.
const CLAUSES: &[&str] = &[
    "LEFT OUTER JOIN",
    "RIGHT OUTER JOIN",
    "FULL OUTER JOIN",
    "UNION ALL",
    "INNER JOIN",
    "LEFT JOIN",
    "RIGHT JOIN",
    "FULL JOIN",
    "CROSS JOIN",
    "GROUP BY",
    "ORDER BY",
    "FROM",
    "JOIN",
    "WHERE",
    "HAVING",
    "LIMIT",
    "UNION",
    "EXCEPT",
    "INTERSECT",
    "WINDOW",
];

/// The query with its top-level clauses on separate lines; a query that already spans lines
/// or holds a line comment is returned as it is.
pub fn reflow(query: &str) -> String {
    if query.contains('\n') || query.contains("--") {
        return query.to_owned();
    }
    let bytes = query.as_bytes();
    let mut out = String::with_capacity(query.len() + 64);
    let mut depth = 0usize;
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' | b'"' | b'`' | b'[' => {
                let close = if bytes[i] == b'[' { b']' } else { bytes[i] };
                i += 1;
                while i < bytes.len() && bytes[i] != close {
                    i += 1;
                }
                i += 1;
            }
            b'(' => {
                depth += 1;
                i += 1;
            }
            b')' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b' ' if depth == 0 => {
                let rest = &query[i + 1..];
                let clause = CLAUSES.iter().find(|clause| {
                    rest.len() >= clause.len()
                        && rest.is_char_boundary(clause.len())
                        && rest[..clause.len()].eq_ignore_ascii_case(clause)
                        && rest[clause.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
                });
                if let Some(clause) = clause {
                    out.push_str(&query[copied..i]);
                    out.push('\n');
                    copied = i + 1;
                    // The clause's own words stay on its line.
                    i += clause.len();
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    out.push_str(query.get(copied..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_clauses_start_lines() {
        assert_eq!(
            reflow(
                "SELECT a, (SELECT max(x) FROM t) AS m FROM s LEFT JOIN u ON u.id = s.id WHERE s.k = 'a FROM b' GROUP BY a"
            ),
            "SELECT a, (SELECT max(x) FROM t) AS m\nFROM s\nLEFT JOIN u ON u.id = s.id\nWHERE s.k = 'a FROM b'\nGROUP BY a"
        );
    }

    #[test]
    fn written_layout_and_comments_are_kept() {
        let text = "SELECT a\n  FROM t";
        assert_eq!(reflow(text), text);
        let text = "SELECT a -- FROM x";
        assert_eq!(reflow(text), text);
        assert_eq!(reflow("SELECT fromage FROM t"), "SELECT fromage\nFROM t");
    }
}
