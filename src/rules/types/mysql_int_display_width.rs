//! `mysql-int-display-width`: a MySQL integer with a non-default display width (`int(5)`).

use crate::model::{Dialect, Table};
use crate::rules::types::edits::retype;
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "mysql-int-display-width",
    category: Category::Dialect,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Table,
    summary: "A MySQL integer column has a non-default display width.",
    help: "The number in int(N) is a display width, not a size or a limit: int(3) still holds \
           values up to 2147483647. It only matters with ZEROFILL, and MySQL 8.0.17 deprecates \
           it. A width other than the type's default usually means someone expected a limit. \
           Drop the width, and use a CHECK or a smaller type if a limit is wanted. tinyint(1), \
           the usual boolean spelling, and ZEROFILL columns are not reported.",
    options: &[],
};

/// The rule.
pub struct MysqlIntDisplayWidth;

impl Rule for MysqlIntDisplayWidth {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if ctx.dialect != Dialect::Mysql {
            return;
        }
        for column in &table.columns {
            let Some(original) = column.data_type.original.as_deref() else {
                continue;
            };
            let Some(parsed) = Spelled::parse(original) else {
                continue;
            };
            if parsed.zerofill
                || (parsed.base == "tinyint" && parsed.width == 1)
                || parsed.width == parsed.default_width()
            {
                continue;
            }
            let bare = if parsed.unsigned {
                format!("{} unsigned", parsed.base)
            } else {
                parsed.base.to_owned()
            };
            let mut data_type = column.data_type.clone();
            // int, smallint and bigint need no verbatim spelling; the others keep theirs.
            let plain = !parsed.unsigned
                && matches!(parsed.base, "int" | "integer" | "smallint" | "bigint");
            data_type.original = (!plain).then(|| bare.clone());
            out.report(
                Subject::Column(table.id, column.id),
                format!(
                    "{} is {}({}): the width is only for display, not a limit",
                    ctx.column_label(table, column),
                    parsed.base,
                    parsed.width
                ),
            )
            .with_fix(Fix::batch(
                format!("Drop the display width ({bare})"),
                vec![retype(table, column, data_type)],
            ));
        }
    }
}

/// An integer type as MySQL spells it.
struct Spelled {
    base: &'static str,
    width: u32,
    unsigned: bool,
    zerofill: bool,
}

const INTEGERS: [&str; 6] = [
    "tinyint",
    "smallint",
    "mediumint",
    "int",
    "integer",
    "bigint",
];

fn contains_ignore_case(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

impl Spelled {
    fn parse(text: &str) -> Option<Self> {
        let (head, rest) = text.split_once('(')?;
        let head = head.trim();
        let base = INTEGERS.iter().find(|b| b.eq_ignore_ascii_case(head))?;
        let (width, tail) = rest.split_once(')')?;
        Some(Self {
            base,
            width: width.trim().parse().ok()?,
            unsigned: contains_ignore_case(tail, "unsigned"),
            zerofill: contains_ignore_case(tail, "zerofill"),
        })
    }

    /// The width MySQL shows when none is given.
    fn default_width(&self) -> u32 {
        let signed = match self.base {
            "tinyint" => 4,
            "smallint" => 6,
            "mediumint" => 9,
            "bigint" => 20,
            _ => 11,
        };
        match (self.unsigned, self.base) {
            (_, "bigint") => 20,
            (true, _) => signed - 1,
            (false, _) => signed,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Dialect;
    use crate::rules::testing::*;

    const RULE: &str = "mysql-int-display-width";

    #[test]
    fn fires_on_odd_widths_and_drops_them() {
        let doc = model(
            "CREATE TABLE t (a int(10) unsigned, b tinyint(3) unsigned, c mediumint(5), \
             d tinyint(4), e bigint(20) unsigned, f tinyint(1), g int(5) zerofill);",
            Dialect::Mysql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message,
            "t.c is mediumint(5): the width is only for display, not a limit"
        );
        let fixed = fix_silences(&doc, RULE);
        let column = &fixed.tables.values().next().unwrap().columns[2];
        assert_eq!(column.data_type.original.as_deref(), Some("mediumint"));
    }

    #[test]
    fn unsigned_widths_are_kept_unsigned() {
        let doc = model("CREATE TABLE t (a int(4) unsigned);", Dialect::Mysql);
        let fixed = fix_silences(&doc, RULE);
        let column = &fixed.tables.values().next().unwrap().columns[0];
        assert_eq!(column.data_type.original.as_deref(), Some("int unsigned"));
    }

    #[test]
    fn silent_on_other_targets() {
        let mut doc = model("CREATE TABLE t (a smallint(2) unsigned);", Dialect::Mysql);
        doc.target = Dialect::Postgres;
        silent(&doc, RULE);
    }
}
