//! `CREATE SCHEMA s CREATE TABLE t (...) CREATE VIEW v ...`: PostgreSQL lets a schema carry
//! its first objects. The parser reads only the bare schema, so the statement is cut into the
//! schema and its elements, with the elements' names qualified by the schema.

/// Splits a CREATE SCHEMA statement with elements; `None` when it has none.
pub fn split(text: &str) -> Option<Vec<String>> {
    let upper = text.to_ascii_uppercase();
    let bytes = upper.as_bytes();
    let mut cuts = Vec::new();
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut i = "CREATE SCHEMA".len().min(bytes.len());
    while let Some(&c) = bytes.get(i) {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (None, b'\'' | b'"') => quote = Some(c),
            (None, b'(') => depth += 1,
            (None, b')') => depth = depth.saturating_sub(1),
            (None, _)
                if depth == 0
                    && (upper
                        .get(i..)
                        .is_some_and(|s| s.starts_with("CREATE ") || s.starts_with("GRANT ")))
                    && bytes
                        .get(i.wrapping_sub(1))
                        .is_none_or(u8::is_ascii_whitespace) =>
            {
                cuts.push(i);
            }
            _ => {}
        }
        i += 1;
    }
    let first = *cuts.first()?;
    let head = text.get(..first)?.trim();
    let schema = head.split_whitespace().nth(2)?.to_owned();
    let mut parts = vec![head.to_owned()];
    for (n, start) in cuts.iter().enumerate() {
        let end = cuts.get(n + 1).copied().unwrap_or(text.len());
        let element = text.get(*start..end)?.trim();
        parts.push(qualify(element, &schema));
    }
    Some(parts)
}

/// Puts `schema.` before the object name of `CREATE TABLE|VIEW|SEQUENCE name`.
fn qualify(element: &str, schema: &str) -> String {
    let words: Vec<&str> = element.splitn(3, char::is_whitespace).collect();
    let kind = words.get(1).map(|w| w.to_ascii_uppercase());
    match (kind.as_deref(), words.get(2)) {
        (Some("TABLE" | "VIEW" | "SEQUENCE"), Some(rest))
            if !rest
                .trim_start()
                .split(['(', ' '])
                .next()
                .unwrap_or("")
                .contains('.') =>
        {
            format!(
                "{} {} {schema}.{}",
                words.first().unwrap_or(&"CREATE"),
                words.get(1).unwrap_or(&""),
                rest.trim_start()
            )
        }
        _ => element.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_cut_and_qualified() {
        let parts = split("CREATE SCHEMA Person\n  CREATE TABLE Address(id int, note text DEFAULT 'CREATE x')\n  CREATE VIEW v AS SELECT 1").unwrap();
        assert_eq!(
            parts,
            vec![
                "CREATE SCHEMA Person".to_owned(),
                "CREATE TABLE Person.Address(id int, note text DEFAULT 'CREATE x')".to_owned(),
                "CREATE VIEW Person.v AS SELECT 1".to_owned(),
            ]
        );
        assert!(split("CREATE SCHEMA sales").is_none());
    }
}
