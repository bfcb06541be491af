//! Identifier quoting and literal escaping per dialect.
//!
//! An identifier is quoted exactly when it has to be: it is a reserved word of the target,
//! it holds characters outside the plain identifier alphabet, it starts with a digit, or (in
//! PostgreSQL, which folds unquoted names to lower case) it holds upper-case letters. Quote
//! characters inside a name are doubled, so no name can ever turn into SQL.

use crate::model::Dialect;

use super::reserved;

/// Whether `name` can be written without quotes in `dialect`.
pub fn is_plain(name: &str, dialect: Dialect) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let folds = |c: char| dialect == Dialect::Postgres && c.is_ascii_uppercase();
    if !(first.is_ascii_alphabetic() || first == '_') || folds(first) {
        return false;
    }
    if !chars.all(|c| (c.is_ascii_alphanumeric() || c == '_') && !folds(c)) {
        return false;
    }
    !reserved::is_reserved(name, dialect)
}

/// `name` as an identifier of `dialect`, quoted when needed.
pub fn ident(name: &str, dialect: Dialect) -> String {
    if is_plain(name, dialect) {
        return name.to_owned();
    }
    quoted(name, dialect)
}

/// `name` quoted unconditionally in `dialect`'s style.
pub fn quoted(name: &str, dialect: Dialect) -> String {
    match dialect {
        Dialect::Postgres | Dialect::Sqlite => format!("\"{}\"", name.replace('"', "\"\"")),
        Dialect::Mysql => format!("`{}`", name.replace('`', "``")),
        Dialect::Mssql => format!("[{}]", name.replace(']', "]]")),
    }
}

/// A string literal of `dialect` holding exactly `text`.
pub fn string(text: &str, dialect: Dialect) -> String {
    let doubled = text.replace('\'', "''");
    match dialect {
        // MySQL treats the backslash as an escape character inside string literals.
        Dialect::Mysql => format!("'{}'", doubled.replace('\\', "\\\\")),
        Dialect::Mssql if !text.is_ascii() => format!("N'{doubled}'"),
        _ => format!("'{doubled}'"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_stay_bare() {
        for dialect in Dialect::ALL {
            assert_eq!(ident("customer_id", dialect), "customer_id");
        }
    }

    #[test]
    fn reserved_words_and_folding_case_are_quoted() {
        assert_eq!(ident("order", Dialect::Postgres), "\"order\"");
        assert_eq!(ident("Order", Dialect::Postgres), "\"Order\"");
        assert_eq!(ident("Customer", Dialect::Mysql), "Customer");
        assert_eq!(ident("order", Dialect::Mysql), "`order`");
        assert_eq!(ident("order", Dialect::Sqlite), "\"order\"");
        assert_eq!(ident("order", Dialect::Mssql), "[order]");
        assert_eq!(ident("1st", Dialect::Mssql), "[1st]");
        assert_eq!(ident("", Dialect::Postgres), "\"\"");
    }

    #[test]
    fn hostile_names_cannot_escape_their_quotes() {
        let name = "a\"; DROP TABLE x; --";
        assert_eq!(
            ident(name, Dialect::Postgres),
            "\"a\"\"; DROP TABLE x; --\""
        );
        assert_eq!(ident("a`b", Dialect::Mysql), "`a``b`");
        assert_eq!(ident("a]b", Dialect::Mssql), "[a]]b]");
    }

    #[test]
    fn literals_are_escaped_for_the_dialect() {
        assert_eq!(string("it's", Dialect::Postgres), "'it''s'");
        assert_eq!(string("C:\\dir", Dialect::Mysql), "'C:\\\\dir'");
        assert_eq!(string("C:\\dir", Dialect::Postgres), "'C:\\dir'");
        assert_eq!(string("naïve", Dialect::Mssql), "N'naïve'");
    }
}
