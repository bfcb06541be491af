//! `varchar-length-required`: a `varchar` (MySQL) or `varchar` / `nvarchar` / `char`
//! (SQL Server) without a length.

use crate::model::{Dialect, Table, TypeKind};
use crate::rules::types::edits::{retype, shown, with_kind};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "varchar-length-required",
    category: Category::Types,
    severity: Severity::Error,
    enabled: true,
    scope: Scope::Table,
    summary: "A character column has no length where the target needs one.",
    help: "MySQL rejects VARCHAR without a length. SQL Server accepts varchar, nvarchar, char \
           and nchar without one but then means a length of 1 (30 in CAST), silently \
           truncating values. Give an explicit length, or (max) on SQL Server for unbounded \
           text. An error on MySQL, a warning on SQL Server; other targets are not checked.",
    options: &[],
};

/// The rule.
pub struct VarcharLengthRequired;

impl Rule for VarcharLengthRequired {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let mssql = match ctx.dialect {
            Dialect::Mysql => false,
            Dialect::Mssql => true,
            Dialect::Postgres | Dialect::Sqlite => return,
        };
        for column in &table.columns {
            let varchar = match column.data_type.kind {
                TypeKind::Varchar { length: None } => true,
                TypeKind::Char { length: None } if mssql => false,
                _ => continue,
            };
            let spelled = shown(&column.data_type);
            let national = spelled.starts_with('n');
            let label = ctx.column_label(table, column);
            let (message, fix_label, mut data_type) = match (mssql, varchar) {
                (false, _) => (
                    format!("{label} is varchar without a length, which MySQL rejects"),
                    "Give it a length of 255".to_owned(),
                    with_kind(&column.data_type, TypeKind::Varchar { length: Some(255) }),
                ),
                (true, true) => {
                    let base = if national { "nvarchar" } else { "varchar" };
                    let mut data_type = with_kind(&column.data_type, TypeKind::Text);
                    data_type.original = Some(format!("{base}(max)"));
                    (
                        format!(
                            "{label} is {base} without a length, which SQL Server reads as {base}(1)"
                        ),
                        format!("Use {base}(max)"),
                        data_type,
                    )
                }
                (true, false) => {
                    let base = if national { "nchar" } else { "char" };
                    (
                        format!(
                            "{label} is {base} without a length, which SQL Server reads as {base}(1)"
                        ),
                        format!("Write {base}(1)"),
                        with_kind(&column.data_type, TypeKind::Char { length: Some(1) }),
                    )
                }
            };
            if mssql && national && !varchar {
                data_type.original = Some("nchar(1)".to_owned());
            }
            let finding = out.report(Subject::Column(table.id, column.id), message);
            if mssql {
                finding.with_severity(Severity::Warning);
            }
            finding.with_fix(Fix::batch(
                fix_label,
                vec![retype(table, column, data_type)],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, Severity, TypeKind};
    use crate::rules::testing::*;

    const RULE: &str = "varchar-length-required";

    #[test]
    fn an_error_on_mysql_fixed_with_a_length() {
        let mut doc = pg("CREATE TABLE t (id int PRIMARY KEY, name varchar, code varchar(3));");
        doc.target = Dialect::Mysql;
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(
            found[0].message,
            "t.name is varchar without a length, which MySQL rejects"
        );
        let fixed = fix_silences(&doc, RULE);
        assert_eq!(
            fixed.tables.values().next().unwrap().columns[1]
                .data_type
                .kind,
            TypeKind::Varchar { length: Some(255) }
        );
    }

    #[test]
    fn a_warning_on_sql_server() {
        let doc = model(
            "CREATE TABLE t (a varchar, b nvarchar, c char, d nvarchar(max), e char(2));",
            Dialect::Mssql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 3);
        assert!(found.iter().all(|f| f.severity == Severity::Warning));
        assert_eq!(
            found[1].message,
            "t.b is nvarchar without a length, which SQL Server reads as nvarchar(1)"
        );
        let fixed = fix_silences(&doc, RULE);
        let columns = &fixed.tables.values().next().unwrap().columns;
        assert_eq!(
            columns[1].data_type.original.as_deref(),
            Some("nvarchar(max)")
        );
        assert_eq!(
            columns[2].data_type.kind,
            TypeKind::Char { length: Some(1) }
        );
    }

    #[test]
    fn silent_on_postgres() {
        silent(&pg("CREATE TABLE t (name varchar, c character);"), RULE);
    }
}
