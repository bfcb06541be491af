//! `naming-case`: a name that does not follow the configured case style for its kind.

use crate::model::{Table, TableId};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

use super::fingerprint;
use super::rename::{rename_column, rename_constraint, rename_table};
use super::words::Style;

static META: RuleMeta = RuleMeta {
    id: "naming-case",
    category: Category::Naming,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Keyed,
    summary: "A name breaks the case style configured for its kind.",
    help: "One case style per kind of object keeps names predictable: nobody has to remember \
           whether it was orderDate or order_date. The default is snake_case, which needs no \
           quoting in any dialect. With `consistent`, the style most names of the kind already \
           use is expected. The fix converts the name (and rewrites the table's own \
           expressions that mention a renamed column).",
    options: &[
        RuleOption {
            name: "tables",
            default: "snake_case",
            help: "style of table names: snake_case, camelCase, PascalCase, UPPER_SNAKE, \
                   consistent or off",
        },
        RuleOption {
            name: "columns",
            default: "snake_case",
            help: "style of column names (same choices)",
        },
        RuleOption {
            name: "constraints",
            default: "snake_case",
            help: "style of key, constraint and index names (same choices)",
        },
    ],
};

const KINDS: [&str; 3] = ["tables", "columns", "constraints"];

/// What a project asked for one kind of name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    Off,
    Fixed(Style),
    Consistent,
}

fn wanted(ctx: &Context, kind: &str) -> Wanted {
    let text = ctx.option(&META, kind).trim();
    if text.eq_ignore_ascii_case("consistent") {
        Wanted::Consistent
    } else {
        Style::parse(text).map_or(Wanted::Off, Wanted::Fixed)
    }
}

/// What the project asked for each kind of name, read once per run.
fn modes<'a>(ctx: &Context<'a>) -> &'a [Wanted; 3] {
    ctx.memo(&META, "modes", || KINDS.map(|k| wanted(ctx, k)))
}

/// The rule.
pub struct NamingCase;

impl Rule for NamingCase {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn keys(&self, ctx: &Context, table: &Table, out: &mut Vec<(String, u64)>) {
        let modes = *modes(ctx);
        if modes.iter().all(|m| *m == Wanted::Off) {
            return;
        }
        // A consistent style depends on every table: then all tables share one key.
        let key = if modes.contains(&Wanted::Consistent) {
            "all".to_owned()
        } else {
            table.id.0.to_string()
        };
        out.push((key, fingerprint::table(table)));
    }

    fn check_key(&self, ctx: &Context, _key: &str, tables: &[TableId], out: &mut Findings) {
        let tables: Vec<&Table> = tables.iter().filter_map(|id| ctx.table(*id)).collect();
        let modes = *modes(ctx);
        let mut styles = [None; 3];
        for ((style, mode), kind) in styles.iter_mut().zip(modes).zip(KINDS) {
            *style = match mode {
                Wanted::Off => None,
                Wanted::Fixed(style) => Some((style, false)),
                Wanted::Consistent => Some((majority(ctx, &tables, kind), true)),
            };
        }
        for table in tables {
            check(ctx, table, styles, out);
        }
    }
}

/// The names of one kind in a table.
fn names<'a>(ctx: &Context, table: &'a Table, kind: &str) -> Vec<&'a str> {
    match kind {
        "tables" => vec![table.name.name.as_str()],
        "columns" => table.columns.iter().map(|c| c.name.as_str()).collect(),
        _ => super::named_constraints(table, ctx.dialect)
            .into_iter()
            .map(|(_, _, name)| name)
            .collect(),
    }
}

/// The style most names of a kind follow (names fitting several styles count for each).
fn majority(ctx: &Context, tables: &[&Table], kind: &str) -> Style {
    let mut votes = [0usize; 4];
    for table in tables {
        for name in names(ctx, table, kind) {
            for (i, style) in Style::ALL.iter().enumerate() {
                votes[i] += usize::from(style.matches(name));
            }
        }
    }
    let best = votes.iter().copied().max().unwrap_or(0);
    let index = votes.iter().position(|v| *v == best).unwrap_or(0);
    Style::ALL[index]
}

fn check(ctx: &Context, table: &Table, styles: [Option<(Style, bool)>; 3], out: &mut Findings) {
    let message = |what: String, style: Style, consistent: bool, kind: &str| {
        let tail = if consistent {
            format!(", the style most {kind} use")
        } else {
            String::new()
        };
        format!("{what} is not {}{tail}", style.name())
    };
    if let Some((style, consistent)) = styles[0]
        && !style.matches(&table.name.name)
    {
        let name = style.convert(&table.name.name);
        let what = format!("table {}", ctx.table_label(table));
        let finding = out.report(
            Subject::Table(table.id),
            message(what, style, consistent, "tables"),
        );
        let taken = ctx.facts.tables_named(&name).iter().any(|id| {
            *id != table.id
                && ctx
                    .table(*id)
                    .is_some_and(|t| t.name.schema == table.name.schema)
        });
        if style.matches(&name) && !taken {
            finding.with_fix(Fix::batch(
                format!("Rename to {name}"),
                vec![rename_table(table, &name)],
            ));
        }
    }
    if let Some((style, consistent)) = styles[1] {
        for column in table.columns.iter().filter(|c| !style.matches(&c.name)) {
            let name = style.convert(&column.name);
            let what = format!("column {}", ctx.column_label(table, column));
            let finding = out.report(
                Subject::Column(table.id, column.id),
                message(what, style, consistent, "columns"),
            );
            let taken = table
                .columns
                .iter()
                .any(|c| c.id != column.id && c.name.eq_ignore_ascii_case(&name));
            if style.matches(&name) && !taken {
                finding.with_fix(Fix::batch(
                    format!("Rename to {name}"),
                    rename_column(table, column.id, &name, ctx.dialect),
                ));
            }
        }
    }
    if let Some((style, consistent)) = styles[2] {
        for (id, kind, old) in super::named_constraints(table, ctx.dialect) {
            if style.matches(old) {
                continue;
            }
            let name = style.convert(old);
            let what = format!("{kind} {}.{old}", ctx.table_label(table));
            let finding = out.report(
                Subject::Constraint(table.id, id),
                message(what, style, consistent, "constraint names"),
            );
            if style.matches(&name)
                && let Some(edit) = rename_constraint(table, id, &name)
            {
                finding.with_fix(Fix::batch(format!("Rename to {name}"), vec![edit]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Dialect;
    use crate::rules::testing::*;

    const RULE: &str = "naming-case";

    #[test]
    fn snake_case_by_default_and_the_fix_converts() {
        let doc = model(
            "CREATE TABLE OrderItems (Id int PRIMARY KEY, unitPrice int CHECK (unitPrice > 0));",
            Dialect::Mssql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].message, "table OrderItems is not snake_case");
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(table.name.name, "order_items");
        assert_eq!(table.columns[1].name, "unit_price");
        assert!(table.checks[0].expression.contains("unit_price"));
        silent(&pg("CREATE TABLE order_items (id int PRIMARY KEY);"), RULE);
    }

    #[test]
    fn configured_and_consistent_styles() {
        let sql =
            "CREATE TABLE Customer (CustomerId int PRIMARY KEY, FirstName text, last_name text);";
        let mut doc = model(sql, Dialect::Mssql);
        let options = &mut doc.lint.rule_mut(RULE).options;
        options.insert("tables".into(), "PascalCase".into());
        options.insert("columns".into(), "consistent".into());
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message,
            "column Customer.last_name is not PascalCase, the style most columns use"
        );
        let fixed = fix_silences(&doc, RULE);
        assert_eq!(
            fixed.tables.values().next().unwrap().columns[2].name,
            "LastName"
        );
        let mut off = model(sql, Dialect::Mssql);
        for kind in ["tables", "columns", "constraints"] {
            off.lint
                .rule_mut(RULE)
                .options
                .insert(kind.into(), "off".into());
        }
        silent(&off, RULE);
    }
}
