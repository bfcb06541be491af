//! `transitive-dependency-hint`: a table repeats non-key columns of a table it references,
//! so those values depend on the foreign key rather than on the table's own key.
//!
//! Table scope is enough: the rule reads a table and the tables its foreign keys point at,
//! and the validator checks a table again whenever a table it references changes.

use crate::model::{Column, ColumnRef, Edit, ForeignKey, Table, TableChange, TableRef};
use crate::rules::naming::glob::Patterns;
use crate::rules::naming::inflect::singular_name;
use crate::rules::naming::words::{Style, words};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

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
           side is updated. Read the values through the join. This is a guess from names \
           only, so the fix never removes anything: it marks the copies as deliberate \
           snapshots in their column comments. Only identical names count, so deliberate \
           snapshots named after their source (order_items.product_name for products.name) \
           are not reported; neither are history, event and log tables (*_versions, \
           *_history, *_archive, *_log, *_audit, *_events, *_replacements, alerts, *_grants, \
           *_tokens, *_sessions), foreign keys named for a role rather than after the table \
           they reference (BillToCustomerID, owner_id: the other entity's same-named columns \
           are most likely the row's own), references to who last edited a row (*_by), \
           generic attributes, bookkeeping columns and prices, which order lines copy on \
           purpose (the ignore list), or a table that mirrors most of the other (a peer \
           entity or subtype). A copy kept on purpose under the same name can say so with \
           \"snapshot\" in its column comment.",
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
                      *tax*,*rate,*discount*,latitude,longitude,lat,lon,lng,url,uri,*_url,\
                      *_uri,guid,*phone*,*fax*,email,*_email,border,*population*,formula,\
                      evaltype,network,protocol,message,clock,token,scopes,*ytd*,\
                      *last_year*,last*,allow_*,deny_*,md5,sha1,sha256,file_*,image_*,\
                      *pubkey*,*prvkey*,*public_key*,*private_key*,blocked,is_blocked",
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

/// A table that keeps past states of another, or records events, grants and tokens that
/// capture values as they were at the time: copies are its purpose.
fn is_history(name: &str) -> bool {
    const WORDS: [&str; 15] = [
        "version",
        "history",
        "histories",
        "archive",
        "audit",
        "log",
        "revision",
        "snapshot",
        "change",
        "event",
        "replacement",
        "alert",
        "grant",
        "token",
        "session",
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
fn is_bookkeeping(table: &Table, fk: &ForeignKey) -> bool {
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
        if table.foreign_keys.is_empty()
            || super::is_partition(table)
            || is_history(&table.name.name)
        {
            return;
        }
        let min = ctx.option_number(&META, "minColumns").max(1);
        for (i, fk) in table.foreign_keys.iter().enumerate() {
            let TableRef::Resolved(target) = fk.referenced_table else {
                continue;
            };
            if target == table.id
                || table.foreign_keys[..i]
                    .iter()
                    .any(|f| f.referenced_table == fk.referenced_table)
                || is_bookkeeping(table, fk)
            {
                continue;
            }
            let Some(parent) = ctx.table(target) else {
                continue;
            };
            let is_copy = |c: &&Column| {
                non_key(table, c)
                    && parent
                        .columns
                        .iter()
                        .any(|p| p.name.eq_ignore_ascii_case(&c.name) && non_key(parent, p))
            };
            if table.columns.iter().filter(is_copy).count() < min
                || !named_after_target(table, parent, fk)
            {
                continue;
            }
            let ignore = ctx.option_patterns(&META, "ignore");
            let copies: Vec<&Column> = table
                .columns
                .iter()
                .filter(is_copy)
                .filter(|c| !ignored(ignore, &c.name))
                .filter(|c| {
                    !c.comment
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().contains("snapshot"))
                })
                .collect();
            // A table repeating most of another is a peer or a subtype, not a lookup.
            let own = table.columns.iter().filter(|c| non_key(table, c)).count();
            if copies.len() < min || copies.len() * 2 > own {
                continue;
            }
            report(ctx, table, parent, fk, &copies, out);
        }
    }
}

/// Whether a column name is on the ignore list, as written or in snake_case
/// (`SalesLastYear` matches `*last_year*`).
fn ignored(ignore: &Patterns, name: &str) -> bool {
    let name = name.trim_matches('_');
    ignore.matches(name)
        || (name.contains(|c: char| c.is_uppercase())
            && ignore.matches(Style::Snake.convert(name).trim_matches('_')))
}

/// The letters and digits of a name in lower case, for comparing names across styles
/// (`DepartmentID`, `department_id`).
fn squashed(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// Whether the foreign key's columns are named after what they reference: the referenced
/// column's own name (`PersonID` for `People.PersonID`), or the table's name, plural or
/// singular, followed by it (`department_id` for `departments.id`). A key named for a role
/// (`AlternateContactPersonID`, `BillToCustomerID`, `owner_id`) points at another entity
/// playing a part, whose same-named columns are most likely the referencing row's own.
fn named_after_target(table: &Table, parent: &Table, fk: &ForeignKey) -> bool {
    let target = parent.name.name.as_str();
    let single = singular_name(target);
    fk.columns
        .iter()
        .zip(&fk.referenced_columns)
        .all(|(column, referenced)| {
            let Some(column) = table.column(*column) else {
                return false;
            };
            let referenced = match referenced {
                ColumnRef::Resolved(id) => parent.column(*id).map_or("", |c| c.name.as_str()),
                ColumnRef::Unresolved(name) => name.as_str(),
            };
            let name = || squashed(&column.name);
            name().eq(squashed(referenced))
                || name().eq(squashed(target).chain(squashed(referenced)))
                || name().eq(squashed(&single).chain(squashed(referenced)))
        })
}

fn report(
    ctx: &Context,
    table: &Table,
    parent: &Table,
    fk: &ForeignKey,
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
    let parent_label = ctx.table_label(parent);
    let finding = out.report(
        Subject::Table(table.id),
        format!(
            "{}.{} repeat columns of {parent_label}, which it references through {via}: they \
             depend on {via}, not on the key of {} (a transitive dependency); read them \
             through the join, or say \"snapshot\" in their comments if the copy is deliberate",
            ctx.table_label(table),
            names.join(", "),
            ctx.table_label(table),
        ),
    );
    // Removing the copies would lose data whenever the guess is wrong, so the one-click
    // fix only records that they are deliberate.
    let edits: Vec<Edit> = copies
        .iter()
        .map(|c| {
            let note = format!("Snapshot of {parent_label}.{}", c.name);
            let mut column = (*c).clone();
            column.comment = Some(match c.comment.as_deref().map(str::trim) {
                Some(text) if !text.is_empty() => format!("{text} ({note})"),
                _ => note,
            });
            Edit::Table {
                table: table.id,
                change: TableChange::ReplaceColumn(column),
            }
        })
        .collect();
    finding.with_fix(Fix::batch(
        format!(
            "Mark {} as deliberate snapshots of {parent_label} (column comments)",
            names.join(", ")
        ),
        edits,
    ));
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
        assert_eq!(
            found[0].fix.as_ref().unwrap().label,
            "Mark location, budget as deliberate snapshots of departments (column comments)"
        );
        // The fix keeps every column: it only records that the copies are deliberate.
        let fixed = fix_silences(&doc, RULE);
        let employees = fixed
            .tables
            .values()
            .find(|t| t.name.name == "employees")
            .unwrap();
        assert_eq!(employees.columns.len(), 7);
        assert_eq!(
            employees.columns[3].comment.as_deref(),
            Some("Snapshot of departments.location")
        );
    }

    #[test]
    fn role_named_keys_and_event_tables_are_not_reported() {
        // A customer's own phone numbers, next to a reference to a contact person.
        silent(
            &pg(
                "CREATE TABLE people (person_id int PRIMARY KEY, full_name text, phone_number text,
                   fax_number text, location text, budget numeric);
                 CREATE TABLE customers (customer_id int PRIMARY KEY, customer_name text,
                   alternate_contact_person_id int REFERENCES people (person_id),
                   location text, budget numeric, credit_limit numeric, terms text);",
            ),
            RULE,
        );
        silent(
            &pg(
                "CREATE TABLE users (id int PRIMARY KEY, ip_addr inet, session_id text,
                   user_agent text, name text);
                 CREATE TABLE user_events (id int PRIMARY KEY, user_id int REFERENCES users (id),
                   ip_addr inet, session_id text, user_agent text, category text, kind text,
                   extra text, more text);",
            ),
            RULE,
        );
        // Generic attributes in other styles are matched by the ignore list too.
        silent(
            &pg(
                "CREATE TABLE \"SalesTerritory\" (\"TerritoryID\" int PRIMARY KEY,
                   \"SalesYTD\" numeric, \"SalesLastYear\" numeric, \"Group\" text);
                 CREATE TABLE \"SalesPerson\" (\"BusinessEntityID\" int PRIMARY KEY,
                   \"TerritoryID\" int REFERENCES \"SalesTerritory\" (\"TerritoryID\"),
                   \"SalesYTD\" numeric, \"SalesLastYear\" numeric, \"Bonus\" numeric,
                   \"Quota\" numeric, \"Commission\" numeric);",
            ),
            RULE,
        );
        // Named after the target in another style still counts.
        let found = fires(
            &pg(
                "CREATE TABLE \"Departments\" (\"ID\" int PRIMARY KEY, \"Location\" text,
                   \"Budget\" numeric);
                 CREATE TABLE \"Employees\" (\"ID\" int PRIMARY KEY, \"Name\" text,
                   \"DepartmentID\" int REFERENCES \"Departments\" (\"ID\"),
                   \"Location\" text, \"Budget\" numeric, \"Salary\" numeric, \"Email\" text);",
            ),
            RULE,
        );
        assert_eq!(found.len(), 1);
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
