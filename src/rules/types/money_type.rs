//! `money-type`: PostgreSQL `money`, SQL Server `money` / `smallmoney`.

use crate::model::{Dialect, Table, TypeKind};
use crate::rules::types::edits::{base_word, own_type, retype, shown, with_kind};
use crate::rules::util::{TypeFamily, family, resolved};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "money-type",
    category: Category::Types,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A column uses the money type (PostgreSQL money, SQL Server money/smallmoney).",
    help: "The money types have a fixed scale and no currency: PostgreSQL formats and parses \
           them by the server's lc_monetary setting, so a dump restored elsewhere can change \
           values, and SQL Server's money rounds intermediate results to four decimals. Store \
           amounts as numeric(p,s) and keep the currency in its own column.",
    options: &[],
};

/// The rule.
pub struct MoneyType;

impl Rule for MoneyType {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if !matches!(ctx.dialect, Dialect::Postgres | Dialect::Mssql) {
            return;
        }
        for column in &table.columns {
            if family(ctx.doc, &column.data_type) != TypeFamily::Money {
                continue;
            }
            let spelled = shown(resolved(ctx.doc, &column.data_type));
            let small = base_word(&spelled) == "smallmoney";
            let finding = out.report(
                Subject::Column(table.id, column.id),
                format!(
                    "{} uses the {} type; use numeric with a currency column",
                    ctx.column_label(table, column),
                    if small { "smallmoney" } else { "money" }
                ),
            );
            if own_type(column) {
                let precision = if small { 10 } else { 19 };
                let exact = with_kind(
                    &column.data_type,
                    TypeKind::Decimal {
                        precision: Some(precision),
                        scale: Some(4),
                    },
                );
                finding.with_fix(Fix::batch(
                    format!("Use numeric({precision},4)"),
                    vec![retype(table, column, exact)],
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, TypeKind};
    use crate::rules::testing::*;

    const RULE: &str = "money-type";

    #[test]
    fn fires_on_postgres_money_and_makes_it_numeric() {
        let doc = pg("CREATE TABLE payment (id int PRIMARY KEY, amount money);");
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "payment.amount uses the money type; use numeric with a currency column"
        );
        let fixed = fix_silences(&doc, RULE);
        let column = fixed.tables.values().next().unwrap().columns[1].clone();
        assert_eq!(
            column.data_type.kind,
            TypeKind::Decimal {
                precision: Some(19),
                scale: Some(4)
            }
        );
    }

    #[test]
    fn reads_sql_server_smallmoney() {
        let doc = model(
            "CREATE TABLE p (id int PRIMARY KEY, fee smallmoney, price money);",
            Dialect::Mssql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2);
        assert!(
            found[0].message.contains("smallmoney"),
            "{}",
            found[0].message
        );
        fix_silences(&doc, RULE);
    }

    #[test]
    fn silent_on_numeric_and_on_other_targets() {
        silent(&pg("CREATE TABLE p (amount numeric(19,4));"), RULE);
        let mut doc = pg("CREATE TABLE p (amount money);");
        doc.target = Dialect::Mysql;
        silent(&doc, RULE);
    }
}
