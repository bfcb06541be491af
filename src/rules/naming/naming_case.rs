//! `naming-case`: a name that does not follow the configured case style for its kind.

use crate::model::Table;
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

use super::identifier_needs_quoting::{self as quoting, taken_by_table};
use super::rename::{rename_column, rename_constraint, rename_table};
use super::words::Style;

static META: RuleMeta = RuleMeta {
    id: "naming-case",
    category: Category::Naming,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Graph,
    summary: "A name breaks the case style configured for its kind.",
    help: "One case style per kind of object keeps names predictable: nobody has to remember \
           whether it was orderDate or order_date. By default (`consistent`) the style most \
           names of the kind already use is expected, so a schema that is PascalCase \
           throughout stays quiet and only the names that break its own convention are \
           reported; set snake_case (which needs no quoting in any dialect), camelCase, \
           PascalCase or UPPER_SNAKE to require one style. Names that have to be quoted \
           (spaces, punctuation, upper case in PostgreSQL) are left to identifier-needs-quoting \
           while that rule is on. The fix converts the name (and rewrites the table's own \
           expressions that mention a renamed column).",
    options: &[
        RuleOption {
            name: "tables",
            default: "consistent",
            help: "style of table names: snake_case, camelCase, PascalCase, UPPER_SNAKE, \
                   consistent or off",
        },
        RuleOption {
            name: "columns",
            default: "consistent",
            help: "style of column names (same choices)",
        },
        RuleOption {
            name: "constraints",
            default: "consistent",
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

    fn check_schema(&self, ctx: &Context, out: &mut Findings) {
        let modes = *modes(ctx);
        if modes.iter().all(|m| *m == Wanted::Off) {
            return;
        }
        let tables: Vec<&Table> = ctx.doc.tables.values().map(AsRef::as_ref).collect();
        let mut styles = [None; 3];
        for ((style, mode), kind) in styles.iter_mut().zip(modes).zip(KINDS) {
            *style = match mode {
                Wanted::Off => None,
                Wanted::Fixed(style) => Some((style, false)),
                Wanted::Consistent => majority(ctx, &tables, kind).map(|s| (s, true)),
            };
        }
        // Names that need quoting are identifier-needs-quoting's, with its own rename.
        let quoting_on = ctx.rule_enabled(&quoting::META);
        let owned = |name: &str| quoting_on && quoting::problem(name, ctx.dialect).is_some();
        for table in tables {
            check(ctx, table, styles, &owned, out);
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

/// The style most names of a kind follow (names fitting several styles count for each), when
/// more than half of them follow it: otherwise (`PK_Orders`, which fits none, or an even mix)
/// the schema has no convention to hold names to.
fn majority(ctx: &Context, tables: &[&Table], kind: &str) -> Option<Style> {
    let mut votes = [0usize; 4];
    let mut total = 0;
    for table in tables {
        for name in names(ctx, table, kind) {
            total += 1;
            for (i, style) in Style::ALL.iter().enumerate() {
                votes[i] += usize::from(style.matches(name));
            }
        }
    }
    let best = votes.iter().copied().max().unwrap_or(0);
    let index = votes.iter().position(|v| *v == best).unwrap_or(0);
    (best * 2 > total).then_some(Style::ALL[index])
}

fn check(
    ctx: &Context,
    table: &Table,
    styles: [Option<(Style, bool)>; 3],
    owned: &dyn Fn(&str) -> bool,
    out: &mut Findings,
) {
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
        && !owned(&table.name.name)
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
        for column in table
            .columns
            .iter()
            .filter(|c| !style.matches(&c.name) && !owned(&c.name))
        {
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
            if style.matches(old) || owned(old) {
                continue;
            }
            let name = style.convert(old);
            let what = format!("{kind} {}.{old}", ctx.table_label(table));
            let finding = out.report(
                Subject::Constraint(table.id, id),
                message(what, style, consistent, "constraint names"),
            );
            if style.matches(&name)
                && !taken_by_table(ctx, table, &name)
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
    fn configured_snake_case_and_the_fix_converts() {
        let mut doc = model(
            "CREATE TABLE OrderItems (Id int PRIMARY KEY, unitPrice int CHECK (unitPrice > 0));",
            Dialect::Mssql,
        );
        for kind in ["tables", "columns", "constraints"] {
            doc.lint
                .rule_mut(RULE)
                .options
                .insert(kind.into(), "snake_case".into());
        }
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

    #[test]
    fn by_default_only_names_breaking_the_schemas_own_style_are_reported() {
        // A SQL Server schema that is PascalCase throughout is consistent.
        let sql = "CREATE TABLE Customers (CustomerID int CONSTRAINT PK_Customers PRIMARY KEY,
                     FirstName nvarchar(50), LastName nvarchar(50));
                   CREATE TABLE Orders (OrderID int CONSTRAINT PK_Orders PRIMARY KEY,
                     CustomerID int CONSTRAINT FK_Orders_Customers REFERENCES Customers (CustomerID),
                     OrderDate date);";
        silent(&model(sql, Dialect::Mssql), RULE);
        silent(
            &pg("CREATE TABLE customers (id int PRIMARY KEY, first_name text);
                 CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id));"),
            RULE,
        );
        // One design mixing styles: the odd one out is reported.
        let mixed = format!("{sql} CREATE TABLE order_lines (OrderID int, line_no int, Qty int);");
        let found = fires(&model(&mixed, Dialect::Mssql), RULE);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "table order_lines is not PascalCase, the style most tables use",
                "column order_lines.line_no is not PascalCase, the style most columns use",
            ]
        );
        assert_eq!(found[0].fix.as_ref().unwrap().label, "Rename to OrderLines");
    }

    #[test]
    fn names_that_need_quoting_are_left_to_identifier_needs_quoting() {
        let mut doc = pg(
            "CREATE TABLE \"OrderItems\" (id int PRIMARY KEY, \"unit-price\" int);
                          CREATE TABLE orders (id int PRIMARY KEY);",
        );
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("tables".into(), "snake_case".into());
        silent(&doc, RULE);
        doc.lint.rule_mut("identifier-needs-quoting").enabled = Some(false);
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2, "{found:?}");
    }
}
