//! `transitive-dependency-hint`: a table repeats non-key columns of a table it references,
//! so those values depend on the foreign key rather than on the table's own key.
//!
//! Table scope is enough: the rule reads a table and the tables its foreign keys point at,
//! and the validator checks a table again whenever a table it references changes.

use crate::model::{Column, Edit, Table, TableChange, TableId, TableRef};
use crate::rules::naming::words::words;
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

use super::child_table::removable;

static META: RuleMeta = RuleMeta {
    id: "transitive-dependency-hint",
    category: Category::Normalization,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Table,
    summary: "A table repeats non-key columns of a table it references.",
    help: "When employees references departments and also has the columns location and \
           budget that departments has, those values most likely describe the department, not \
           the employee: they depend on the foreign key, not on the table's own key (a \
           transitive dependency, against third normal form). Copies drift apart when only one \
           side is updated. Read the values through the join (the fix removes the copies). \
           Only identical names count, so deliberate snapshots named after their source \
           (order_items.product_name for products.name) are not reported; neither are history \
           tables (*_versions, *_history, *_archive, *_log, *_audit), references to who last \
           edited a row (*_by), bookkeeping columns and prices, which order lines copy on \
           purpose (the ignore list), or a table that mirrors \
           most of the other (a peer entity or subtype). A copy kept on purpose under the same \
           name can say so with \"snapshot\" in its column comment.",
    options: &[
        RuleOption {
            name: "ignore",
            default: "*_at,*_by,*_on,*date,*time,*_ts,*timestamp,*when,created,updated,\
                      modified,edited,name,title,description,*comment,*comments,notes,note,\
                      status,state,type,kind,code,label,flags,active,is_active,enabled,\
                      is_enabled,deleted,is_deleted,version,rev,revision,row_version,\
                      lock_version,rowguid,valid_from,valid_to,validfrom,validto,position,\
                      sort_order,width,height,x,y,tenant_id,uuid,slug,currency,locale,language,\
                      timezone,metadata,data,extra,settings,options,*price*,*cost*,*amount*,\
                      *tax*,*rate,*discount*",
            help: "comma-separated column names or * patterns that recur in many tables with \
                   different meanings, or are copied on purpose (prices at the time of sale)",
        },
        RuleOption {
            name: "minColumns",
            default: "2",
            help: "how many repeated columns it takes to report",
        },
    ],
};

/// The rule.
pub struct TransitiveDependencyHint;

/// A column outside every key: not in the primary key, not in a foreign key.
fn non_key(table: &Table, column: &Column) -> bool {
    !table.is_primary_key_column(column.id) && !table.is_foreign_key_column(column.id)
}

/// A table that keeps past states of another: copies are its purpose.
fn is_history(name: &str) -> bool {
    const WORDS: [&str; 9] = [
        "version",
        "history",
        "histories",
        "archive",
        "audit",
        "log",
        "revision",
        "snapshot",
        "change",
    ];
    words(name).any(|w| {
        WORDS.iter().any(|h| {
            w.eq_ignore_ascii_case(h)
                || (w.len() == h.len() + 1
                    && w.ends_with(['s', 'S'])
                    && w.get(..h.len())
                        .is_some_and(|head| head.eq_ignore_ascii_case(h)))
        })
    })
}

/// A foreign key recording who created or last edited the row (`updated_by`,
/// `LastEditedBy`).
fn is_bookkeeping(table: &Table, fk: &crate::model::ForeignKey) -> bool {
    fk.columns.iter().any(|c| {
        table.column(*c).is_some_and(|col| {
            let mut all = words(&col.name);
            let first = all.next();
            let last = all.last().or_else(|| first.clone());
            last.is_some_and(|w| w.eq_ignore_ascii_case("by"))
                || first.is_some_and(|w| {
                    ["last", "created", "updated", "modified"]
                        .iter()
                        .any(|b| w.eq_ignore_ascii_case(b))
                })
        })
    })
}

impl Rule for TransitiveDependencyHint {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if super::is_partition(table) || is_history(&table.name.name) {
            return;
        }
        let mut seen: Vec<TableId> = Vec::new();
        // The columns outside every key, each with whether it is left out (an ignored name, a
        // snapshot comment), worked out when it first repeats a column of a referenced table.
        let mut own: Option<Vec<(&Column, Option<bool>)>> = None;
        for fk in &table.foreign_keys {
            let TableRef::Resolved(target) = fk.referenced_table else {
                continue;
            };
            if target == table.id || seen.contains(&target) || is_bookkeeping(table, fk) {
                continue;
            }
            seen.push(target);
            let Some(parent) = ctx.table(target) else {
                continue;
            };
            let own = own.get_or_insert_with(|| {
                table
                    .columns
                    .iter()
                    .filter(|c| non_key(table, c))
                    .map(|c| (c, None))
                    .collect()
            });
            let mut copies: Vec<&Column> = Vec::new();
            for (column, left_out) in own.iter_mut() {
                let repeated = parent
                    .columns
                    .iter()
                    .any(|p| p.name.eq_ignore_ascii_case(&column.name) && non_key(parent, p));
                if repeated && !*left_out.get_or_insert_with(|| left_out_column(ctx, column)) {
                    copies.push(column);
                }
            }
            let own = own.len();
            // A table repeating most of another is a peer or a subtype, not a lookup.
            if copies.len() < ctx.option_number(&META, "minColumns").max(1)
                || copies.len() * 2 > own
            {
                continue;
            }
            report(ctx, table, parent, fk, &copies, out);
        }
    }
}

/// Whether a column is not counted as a copy: an ignored name, or a comment calling it a
/// snapshot.
fn left_out_column(ctx: &Context, column: &Column) -> bool {
    ctx.option_patterns(&META, "ignore")
        .matches(column.name.trim_matches('_'))
        || column.comment.as_deref().is_some_and(says_snapshot)
}

/// Whether a comment says "snapshot", in any case.
fn says_snapshot(comment: &str) -> bool {
    if comment.is_ascii() {
        comment
            .as_bytes()
            .windows(8)
            .any(|w| w.eq_ignore_ascii_case(b"snapshot"))
    } else {
        comment.to_lowercase().contains("snapshot")
    }
}

fn report(
    ctx: &Context,
    table: &Table,
    parent: &Table,
    fk: &crate::model::ForeignKey,
    copies: &[&Column],
    out: &mut Findings,
) {
    let names: Vec<&str> = copies.iter().map(|c| c.name.as_str()).collect();
    let via: Vec<&str> = fk
        .columns
        .iter()
        .filter_map(|c| table.column(*c).map(|col| col.name.as_str()))
        .collect();
    let via = via.join(", ");
    let finding = out.report(
        Subject::Table(table.id),
        format!(
            "{}.{} repeat columns of {}, which it references through {via}: they depend on \
             {via}, not on the key of {} (a transitive dependency); read them through the \
             join, or say \"snapshot\" in their comments if the copy is deliberate",
            ctx.table_label(table),
            names.join(", "),
            ctx.table_label(parent),
            ctx.table_label(table),
        ),
    );
    if copies.iter().all(|c| removable(ctx, table, c)) {
        let edits: Vec<Edit> = copies
            .iter()
            .map(|c| Edit::Table {
                table: table.id,
                change: TableChange::RemoveColumn(c.id),
            })
            .collect();
        finding.with_fix(Fix::batch(
            format!(
                "Remove the copies {} (read them through {via})",
                names.join(", ")
            ),
            edits,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "transitive-dependency-hint";

    const SQL: &str =
        "CREATE TABLE departments (id int PRIMARY KEY, name text, location text, budget numeric);
        CREATE TABLE employees (id int PRIMARY KEY, name text,
          department_id int REFERENCES departments (id), location text, budget numeric,
          salary numeric, email text);";

    #[test]
    fn copied_columns_of_a_referenced_table_are_reported() {
        let doc = pg(SQL);
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.starts_with(
                "employees.location, budget repeat columns of departments, which it \
                 references through department_id"
            ),
            "{}",
            found[0].message
        );
        let fixed = fix_silences(&doc, RULE);
        let employees = fixed
            .tables
            .values()
            .find(|t| t.name.name == "employees")
            .unwrap();
        assert_eq!(employees.columns.len(), 5);
    }

    #[test]
    fn peers_and_history_tables_are_not_reported() {
        // A customer is not described by its sales rep, even if both have an address.
        silent(
            &pg("CREATE TABLE employees (id int PRIMARY KEY, first_name text, last_name text, city text);
                 CREATE TABLE customers (id int PRIMARY KEY, rep_id int REFERENCES employees (id),
                   first_name text, last_name text, city text, email text);"),
            RULE,
        );
        silent(
            &pg(
                "CREATE TABLE notes (id int PRIMARY KEY, body text, x int, y int, color text);
                 CREATE TABLE note_versions (id int PRIMARY KEY, note_id int REFERENCES notes (id),
                   body text, color text, a int, b int, c int, d int);",
            ),
            RULE,
        );
    }

    #[test]
    fn snapshots_and_generic_names_are_not_reported() {
        // The seed's order lines copy product name and sku under their own names.
        silent(
            &pg("CREATE TABLE products (id int PRIMARY KEY, sku text, name text, created_at timestamptz, updated_at timestamptz);
                 CREATE TABLE order_items (id int PRIMARY KEY, product_id int REFERENCES products (id),
                   product_name text, product_sku text, created_at timestamptz, updated_at timestamptz);"),
            RULE,
        );
        let mut doc = pg(SQL);
        doc = {
            let mut d = doc.clone();
            let id = *d.tables.keys().nth(1).unwrap();
            let table = std::sync::Arc::make_mut(d.tables.get_mut(&id).unwrap());
            table.columns[3].comment = Some("Snapshot at hiring time".into());
            d
        };
        silent(&doc, RULE);
    }
}
