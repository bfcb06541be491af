//! `mysql-engine`: a MySQL table whose storage engine is not in the allow list.

use crate::model::{Dialect, Edit, Table, TableChange};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "mysql-engine",
    category: Category::Dialect,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A MySQL table uses a storage engine outside the allow list.",
    help: "Only InnoDB gives transactions, crash recovery, row locks and foreign keys; MyISAM \
           and most other engines accept FOREIGN KEY clauses and silently ignore them. An error \
           when the table has or is the target of foreign keys, a warning otherwise. Use \
           ENGINE=InnoDB, or add the engine to the allow list when it is deliberate.",
    options: &[RuleOption {
        name: "allowedEngines",
        default: "innodb",
        help: "comma-separated storage engines that are accepted (the first is used by the fix)",
    }],
};

/// The rule.
pub struct MysqlEngine;

impl Rule for MysqlEngine {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if ctx.dialect != Dialect::Mysql {
            return;
        }
        let Some((key, value)) = table
            .options
            .0
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case("engine"))
        else {
            return;
        };
        let engine = value.trim().trim_matches(['\'', '"', '`']);
        let raw = ctx.option(&META, "allowedEngines");
        if raw
            .split(',')
            .any(|a| a.trim().eq_ignore_ascii_case(engine))
        {
            return;
        }
        let allowed = ctx.option_list(&META, "allowedEngines");
        if allowed.is_empty() {
            return;
        }
        let linked = !table.foreign_keys.is_empty() || !ctx.facts.referrers(table.id).is_empty();
        let preferred = match allowed[0].as_str() {
            "innodb" => "InnoDB".to_owned(),
            other => other.to_owned(),
        };
        let mut options = table.options.clone();
        options.0.insert(key.clone(), preferred.clone());
        let message = if linked {
            format!(
                "{} uses the {engine} engine, which ignores its foreign keys",
                ctx.table_label(table)
            )
        } else {
            format!(
                "{} uses the {engine} engine; the project allows {}",
                ctx.table_label(table),
                allowed.join(", ")
            )
        };
        let finding = out.report(Subject::Table(table.id), message);
        if linked {
            finding.with_severity(Severity::Error);
        }
        finding.with_fix(Fix::batch(
            format!("Use ENGINE={preferred}"),
            vec![Edit::Table {
                table: table.id,
                change: TableChange::SetOptions(options),
            }],
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, Severity};
    use crate::rules::testing::*;

    const RULE: &str = "mysql-engine";

    #[test]
    fn myisam_is_a_warning_and_becomes_innodb() {
        let doc = model(
            "CREATE TABLE log (id int PRIMARY KEY) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;",
            Dialect::Mysql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(
            found[0].message,
            "log uses the MyISAM engine; the project allows innodb"
        );
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(table.options.0.get("engine").unwrap(), "InnoDB");
        assert_eq!(table.options.0.get("default_charset").unwrap(), "utf8mb4");
    }

    #[test]
    fn an_error_with_foreign_keys() {
        let doc = model(
            "CREATE TABLE a (id int PRIMARY KEY) ENGINE=InnoDB;
             CREATE TABLE b (id int PRIMARY KEY, a_id int, FOREIGN KEY (a_id) REFERENCES a (id))
               ENGINE=MyISAM;",
            Dialect::Mysql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Error);
        assert!(found[0].message.contains("ignores its foreign keys"));
    }

    #[test]
    fn silent_when_allowed_or_on_other_targets() {
        let mut doc = model("CREATE TABLE c (k int) ENGINE=MEMORY;", Dialect::Mysql);
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("allowedEngines".into(), "InnoDB, Memory".into());
        silent(&doc, RULE);
        silent(
            &model("CREATE TABLE c (k int) ENGINE=InnoDB;", Dialect::Mysql),
            RULE,
        );
        let mut pg_doc = model("CREATE TABLE c (k int) ENGINE=MyISAM;", Dialect::Mysql);
        pg_doc.target = Dialect::Postgres;
        silent(&pg_doc, RULE);
    }
}
