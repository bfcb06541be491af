//! `mysql-charset`: a MySQL table or column character set outside the allow list.

use crate::model::{Dialect, Edit, Table, TableChange};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "mysql-charset",
    category: Category::Dialect,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A MySQL table or column uses a character set outside the allow list.",
    help: "MySQL's utf8 is utf8mb3: at most three bytes per character, so emoji and many CJK \
           characters are rejected or truncated. utf8mb4 is real UTF-8 and the default since \
           MySQL 8.0. Mixed character sets also make joins convert and skip indexes. Use \
           utf8mb4 (the fix keeps a binary collation binary), or add the character set to the \
           allow list when it is deliberate.",
    options: &[RuleOption {
        name: "allowedCharsets",
        default: "utf8mb4",
        help: "comma-separated character sets that are accepted (the fix uses utf8mb4 when it \
               is listed, otherwise the first)",
    }],
};

/// The rule.
pub struct MysqlCharset;

impl Rule for MysqlCharset {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if ctx.dialect != Dialect::Mysql {
            return;
        }
        let raw = ctx.option(&META, "allowedCharsets");
        let allowed = |charset: &str| {
            raw.split(',')
                .any(|a| a.trim().eq_ignore_ascii_case(charset))
        };
        if raw.trim().is_empty() {
            return;
        }
        let options = &table.options.0;
        let charset_option = options.iter().find(|(key, _)| is_charset_key(key));
        let collation_option = options
            .iter()
            .find(|(key, _)| contains_ignore_case(key, "collat"));
        let table_charset = charset_option
            .map(|(_, value)| unquote(value))
            .or_else(|| collation_option.map(|(_, value)| charset_of(unquote(value))));
        let flagged = table_charset.filter(|c| !allowed(c));
        if let Some(charset) = flagged {
            let to = target(ctx);
            let mut changed = table.options.clone();
            if let Some((key, _)) = charset_option {
                changed.0.insert(key.clone(), to.clone());
            }
            if let Some((key, value)) = collation_option {
                match convert_collation(unquote(value), &to) {
                    Some(collation) => changed.0.insert(key.clone(), collation),
                    None => changed.0.remove(key),
                };
            }
            let mut edits = vec![Edit::Table {
                table: table.id,
                change: TableChange::SetOptions(changed),
            }];
            // Columns collated in the same character set move with the table.
            for column in &table.columns {
                if let Some(collation) = column.collation.as_deref()
                    && charset_of(unquote(collation)).eq_ignore_ascii_case(charset)
                {
                    let mut changed = column.clone();
                    changed.collation = convert_collation(unquote(collation), &to);
                    edits.push(Edit::Table {
                        table: table.id,
                        change: TableChange::ReplaceColumn(changed),
                    });
                }
            }
            out.report(
                Subject::Table(table.id),
                format!(
                    "{} uses the {}character set; use {to}",
                    ctx.table_label(table),
                    describe(charset)
                ),
            )
            .with_fix(Fix::batch(format!("Use {to}"), edits));
        }
        for column in &table.columns {
            let Some(collation) = column.collation.as_deref() else {
                continue;
            };
            let charset = charset_of(unquote(collation));
            if allowed(charset) || flagged.is_some_and(|f| f.eq_ignore_ascii_case(charset)) {
                continue;
            }
            let to = target(ctx);
            let mut changed = column.clone();
            changed.collation = convert_collation(unquote(collation), &to);
            out.report(
                Subject::Column(table.id, column.id),
                format!(
                    "{} uses the {}character set (collation {collation}); use {to}",
                    ctx.column_label(table, column),
                    describe(charset)
                ),
            )
            .with_fix(Fix::batch(
                format!("Use {to}"),
                vec![Edit::Table {
                    table: table.id,
                    change: TableChange::ReplaceColumn(changed),
                }],
            ));
        }
    }
}

fn is_charset_key(key: &str) -> bool {
    contains_ignore_case(key, "charset") || contains_ignore_case(key, "character_set")
}

fn contains_ignore_case(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

fn unquote(value: &str) -> &str {
    value.trim().trim_matches(['\'', '"', '`'])
}

/// The character set a collation belongs to (`utf8mb4_0900_ai_ci` → `utf8mb4`).
fn charset_of(collation: &str) -> &str {
    collation.split('_').next().unwrap_or(collation)
}

/// `utf8 (utf8mb3) ` for the three-byte set, `latin1 ` otherwise.
fn describe(charset: &str) -> String {
    if charset.eq_ignore_ascii_case("utf8") || charset.eq_ignore_ascii_case("utf8mb3") {
        format!("{charset} (three-byte UTF-8, no emoji) ")
    } else {
        format!("{charset} ")
    }
}

/// The character set the fix moves to.
fn target(ctx: &Context) -> String {
    let allowed = ctx.option_list(&META, "allowedCharsets");
    if allowed.iter().any(|a| a == "utf8mb4") {
        return "utf8mb4".to_owned();
    }
    allowed
        .first()
        .cloned()
        .unwrap_or_else(|| "utf8mb4".to_owned())
}

/// The collation of `to` matching `collation`: binary stays binary, the general and
/// Unicode collations keep their name; anything else is left to the character set's
/// default (`None`).
fn convert_collation(collation: &str, to: &str) -> Option<String> {
    let suffix = collation.split_once('_').map_or("", |(_, s)| s);
    let keeps = matches!(
        suffix.to_ascii_lowercase().as_str(),
        "general_ci" | "unicode_ci" | "unicode_520_ci"
    ) && to == "utf8mb4";
    if suffix.eq_ignore_ascii_case("bin") || keeps {
        Some(format!("{to}_{}", suffix.to_ascii_lowercase()))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Dialect;
    use crate::rules::testing::*;

    const RULE: &str = "mysql-charset";

    #[test]
    fn utf8_tables_become_utf8mb4() {
        let doc = model(
            "CREATE TABLE t (id int PRIMARY KEY) ENGINE=InnoDB DEFAULT CHARSET=utf8 \
             COLLATE=utf8_unicode_ci;",
            Dialect::Mysql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "t uses the utf8 (three-byte UTF-8, no emoji) character set; use utf8mb4"
        );
        let fixed = fix_silences(&doc, RULE);
        let options = &fixed.tables.values().next().unwrap().options.0;
        assert_eq!(options.get("default_charset").unwrap(), "utf8mb4");
        assert_eq!(options.get("collate").unwrap(), "utf8mb4_unicode_ci");
    }

    #[test]
    fn column_collations_are_checked() {
        let mut doc = model(
            "CREATE TABLE t (id int PRIMARY KEY, code varchar(9)) DEFAULT CHARSET=utf8mb4;",
            Dialect::Mysql,
        );
        let table = std::sync::Arc::make_mut(doc.tables.values_mut().next().unwrap());
        table.columns[1].collation = Some("latin1_bin".into());
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .starts_with("t.code uses the latin1 character set")
        );
        let fixed = fix_silences(&doc, RULE);
        assert_eq!(
            fixed.tables.values().next().unwrap().columns[1]
                .collation
                .as_deref(),
            Some("utf8mb4_bin")
        );
    }

    #[test]
    fn columns_in_the_table_charset_move_with_the_table() {
        let mut doc = model(
            "CREATE TABLE t (id int PRIMARY KEY, code varchar(9)) DEFAULT CHARSET=utf8mb3;",
            Dialect::Mysql,
        );
        let table = std::sync::Arc::make_mut(doc.tables.values_mut().next().unwrap());
        table.columns[1].collation = Some("utf8mb3_bin".into());
        assert_eq!(fires(&doc, RULE).len(), 1);
        let fixed = fix_silences(&doc, RULE);
        assert_eq!(
            fixed.tables.values().next().unwrap().columns[1]
                .collation
                .as_deref(),
            Some("utf8mb4_bin")
        );
    }

    #[test]
    fn silent_when_allowed_or_on_other_targets() {
        let sql = "CREATE TABLE t (id int) DEFAULT CHARSET=latin1;";
        let mut doc = model(sql, Dialect::Mysql);
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("allowedCharsets".into(), "utf8mb4,latin1".into());
        silent(&doc, RULE);
        let mut other = model(sql, Dialect::Mysql);
        other.target = Dialect::Sqlite;
        silent(&other, RULE);
    }
}
