//! `constraint-naming-pattern`: a key, constraint or index whose name does not follow the
//! project's template, or that has no name.

use crate::model::{ColumnId, ConstraintId, Dialect, IndexKey, Table};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

use super::limits::shortened;
use super::rename::rename_constraint;

static META: RuleMeta = RuleMeta {
    id: "constraint-naming-pattern",
    category: Category::Naming,
    severity: Severity::Info,
    enabled: false,
    scope: Scope::Table,
    summary: "A key, constraint or index is unnamed or not named after its template.",
    help: "Predictable constraint names make error messages readable and migrations easy to \
           write (you drop orders_customer_id_fkey without looking it up). Templates use \
           {table}, {columns} (joined with _), {column} (the first one) and, for foreign keys, \
           {ref_table}; a check's columns are the ones its expression mentions. An empty \
           template turns the check off for that kind. Off by default: many designs leave \
           names to the database. The fix renames the constraint after its template.",
    options: &[
        RuleOption {
            name: "primaryKey",
            default: "{table}_pkey",
            help: "template for primary keys (ignored on MySQL, where it is always PRIMARY)",
        },
        RuleOption {
            name: "foreignKey",
            default: "{table}_{columns}_fkey",
            help: "template for foreign keys",
        },
        RuleOption {
            name: "unique",
            default: "{table}_{columns}_key",
            help: "template for unique constraints",
        },
        RuleOption {
            name: "check",
            default: "{table}_{columns}_check",
            help: "template for check constraints",
        },
        RuleOption {
            name: "index",
            default: "{table}_{columns}_idx",
            help: "template for indexes",
        },
        RuleOption {
            name: "requireNames",
            default: "true",
            help: "true: report unnamed keys, constraints and indexes too",
        },
    ],
};

/// The rule.
pub struct ConstraintNamingPattern;

struct Item<'a> {
    id: ConstraintId,
    kind: &'static str,
    option: &'static str,
    name: Option<&'a str>,
    columns: Vec<&'a str>,
    ref_table: &'a str,
}

impl Rule for ConstraintNamingPattern {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let require = ctx.option_flag(&META, "requireNames");
        for item in items(ctx, table) {
            let template = ctx.option(&META, item.option).trim();
            if template.is_empty() || (item.name.is_none() && !require) {
                continue;
            }
            let expected = shortened(&render(template, table, &item), ctx.dialect);
            if item.name.is_some_and(|n| n.eq_ignore_ascii_case(&expected)) {
                continue;
            }
            let message = match item.name {
                Some(name) => format!(
                    "{} {}.{name} is not named after {template} (expected {expected})",
                    item.kind,
                    ctx.table_label(table)
                ),
                None => format!(
                    "the {} of {} on ({}) has no name; expected {expected}",
                    item.kind,
                    ctx.table_label(table),
                    item.columns.join(", ")
                ),
            };
            let finding = out.report(Subject::Constraint(table.id, item.id), message);
            let taken = super::named_constraints(table, ctx.dialect)
                .iter()
                .any(|(id, _, n)| *id != item.id && n.eq_ignore_ascii_case(&expected));
            if !taken && let Some(edit) = rename_constraint(table, item.id, &expected) {
                finding.with_fix(Fix::batch(format!("Rename to {expected}"), vec![edit]));
            }
        }
    }
}

fn column_names<'a>(table: &'a Table, columns: &[ColumnId]) -> Vec<&'a str> {
    columns
        .iter()
        .filter_map(|c| table.column(*c).map(|col| col.name.as_str()))
        .collect()
}

fn mentions(expression: &str, name: &str) -> bool {
    expression
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .any(|word| word.eq_ignore_ascii_case(name))
}

fn items<'a>(ctx: &Context<'a>, table: &'a Table) -> Vec<Item<'a>> {
    let own = |name: &'a Option<String>| {
        name.as_deref()
            .filter(|n| !super::is_system_generated(n, ctx.dialect))
    };
    let mut all = Vec::new();
    if let Some(pk) = &table.primary_key
        && ctx.dialect != Dialect::Mysql
    {
        all.push(Item {
            id: pk.id,
            kind: "primary key",
            option: "primaryKey",
            name: own(&pk.name),
            columns: column_names(table, &pk.columns),
            ref_table: "",
        });
    }
    for fk in &table.foreign_keys {
        let ref_table = match &fk.referenced_table {
            crate::model::TableRef::Resolved(id) => {
                ctx.table(*id).map_or("", |t| t.name.name.as_str())
            }
            crate::model::TableRef::Unresolved(name) => name.name.as_str(),
        };
        all.push(Item {
            id: fk.id,
            kind: "foreign key",
            option: "foreignKey",
            name: own(&fk.name),
            columns: column_names(table, &fk.columns),
            ref_table,
        });
    }
    for unique in &table.uniques {
        all.push(Item {
            id: unique.id,
            kind: "unique constraint",
            option: "unique",
            name: own(&unique.name),
            columns: column_names(table, &unique.columns),
            ref_table: "",
        });
    }
    for check in &table.checks {
        let columns = table
            .columns
            .iter()
            .filter(|c| mentions(&check.expression, &c.name))
            .map(|c| c.name.as_str())
            .collect();
        all.push(Item {
            id: check.id,
            kind: "check constraint",
            option: "check",
            name: own(&check.name),
            columns,
            ref_table: "",
        });
    }
    for index in &table.indexes {
        let columns = index
            .parts
            .iter()
            .map(|p| match p.key {
                IndexKey::Column(c) => table.column(c).map_or("col", |col| col.name.as_str()),
                IndexKey::Expression(_) => "expr",
            })
            .collect();
        all.push(Item {
            id: index.id,
            kind: "index",
            option: "index",
            name: own(&index.name),
            columns,
            ref_table: "",
        });
    }
    all
}

fn render(template: &str, table: &Table, item: &Item) -> String {
    let mut text = template.to_owned();
    if item.columns.is_empty() {
        for gap in ["_{columns}", "{columns}_", "_{column}", "{column}_"] {
            text = text.replace(gap, "");
        }
    }
    text.replace("{table}", &table.name.name)
        .replace("{columns}", &item.columns.join("_"))
        .replace("{column}", item.columns.first().copied().unwrap_or(""))
        .replace("{ref_table}", item.ref_table)
}

#[cfg(test)]
mod tests {
    use crate::model::Dialect;
    use crate::rules::testing::*;

    const RULE: &str = "constraint-naming-pattern";

    #[test]
    fn names_must_follow_their_template() {
        let doc = pg("CREATE TABLE c (id int PRIMARY KEY);
                      CREATE TABLE o (id int CONSTRAINT o_pkey PRIMARY KEY,
                        c_id int CONSTRAINT fk_customer REFERENCES c (id),
                        qty int CHECK (qty > 0));");
        let found = fires(&doc, RULE);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert!(messages.contains(&"foreign key o.fk_customer is not named after {table}_{columns}_fkey (expected o_c_id_fkey)"), "{messages:?}");
        assert!(
            messages
                .contains(&"the check constraint of o on (qty) has no name; expected o_qty_check"),
            "{messages:?}"
        );
        assert!(
            messages.contains(&"the primary key of c on (id) has no name; expected c_pkey"),
            "{messages:?}"
        );
        fix_silences(&doc, RULE);
    }

    #[test]
    fn unnamed_constraints_can_be_allowed_and_templates_changed() {
        let mut doc = model(
            "CREATE TABLE t (id int PRIMARY KEY, n int, INDEX ix_t_n (n));",
            Dialect::Mysql,
        );
        let options = &mut doc.lint.rule_mut(RULE).options;
        options.insert("requireNames".into(), "false".into());
        options.insert("index".into(), "ix_{table}_{columns}".into());
        silent(&doc, RULE);
    }
}
