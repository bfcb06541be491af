//! CREATE TABLE, and the column and table constraints that ALTER TABLE can add too.

use sqlparser::ast::{
    ColumnDef, ColumnOption, CreateTable, CreateTableOptions, DeferrableInitial, Expr, GeneratedAs,
    GeneratedExpressionMode, IdentityPropertyKind, IndexColumn, OrderBySort, SqlOption,
    SqliteTableOption, TableConstraint,
};

use super::builder::{Builder, Origin};
use super::diagnostics::Severity;
use super::names;
use crate::model::*;

/// The column name of an index part and its prefix length, or `None` for an expression.
fn index_column_name(part: &IndexColumn, dialect: Dialect) -> Option<(String, Option<u32>)> {
    match &part.column.expr {
        Expr::Identifier(id) => Some((names::ident(id, dialect), None)),
        Expr::CompoundIdentifier(ids) => ids.last().map(|id| (names::ident(id, dialect), None)),
        // MySQL `col(190)` indexes a prefix of the column: it is still that column.
        Expr::Function(function) if dialect == Dialect::Mysql => {
            let args = function.args.to_string();
            let inner = args.trim_start_matches('(').trim_end_matches(')');
            let name = names::parts(&function.name, dialect);
            match (inner.trim().parse::<u32>(), name.as_slice()) {
                (Ok(length), [column]) => Some((column.clone(), Some(length))),
                _ => None,
            }
        }
        _ => None,
    }
}

fn find_column(table: &Table, name: &str) -> Option<ColumnId> {
    table
        .columns
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(name))
        .map(|c| c.id)
}

fn action(action: Option<&sqlparser::ast::ReferentialAction>) -> ReferentialAction {
    use sqlparser::ast::ReferentialAction as A;
    match action {
        Some(A::Cascade) => ReferentialAction::Cascade,
        Some(A::Restrict) => ReferentialAction::Restrict,
        Some(A::SetNull) => ReferentialAction::SetNull,
        Some(A::SetDefault) => ReferentialAction::SetDefault,
        Some(A::NoAction) | None => ReferentialAction::NoAction,
    }
}

fn deferrable(characteristics: Option<&sqlparser::ast::ConstraintCharacteristics>) -> Deferrable {
    match characteristics {
        Some(c) if c.deferrable == Some(true) => match c.initially {
            Some(DeferrableInitial::Deferred) => Deferrable::InitiallyDeferred,
            _ => Deferrable::InitiallyImmediate,
        },
        _ => Deferrable::NotDeferrable,
    }
}

/// Resolves column names of this table; unknown names are reported and left out.
fn own_columns(b: &mut Builder, table: &Table, names: &[String], origin: &Origin) -> Vec<ColumnId> {
    let mut ids = Vec::with_capacity(names.len());
    for name in names {
        match find_column(table, name) {
            Some(id) => ids.push(id),
            None => b.report(
                origin,
                Severity::Error,
                format!(
                    "table {} has no column \"{name}\"; it is left out of the constraint",
                    table.name
                ),
            ),
        }
    }
    ids
}

/// A foreign key on `columns` with the referenced side kept as names (resolved at the end).
fn foreign_key(
    b: &mut Builder,
    fk: &sqlparser::ast::ForeignKeyConstraint,
    name: Option<String>,
    columns: Vec<ColumnId>,
    origin: &Origin,
) -> ForeignKey {
    ForeignKey {
        id: ConstraintId(b.next_id()),
        name,
        columns,
        referenced_table: TableRef::Unresolved(names::qualified(&fk.foreign_table, b.dialect)),
        referenced_columns: fk
            .referred_columns
            .iter()
            .map(|c| ColumnRef::Unresolved(names::ident(c, b.dialect)))
            .collect(),
        on_delete: action(fk.on_delete.as_ref()),
        on_update: action(fk.on_update.as_ref()),
        deferrable: deferrable(fk.characteristics.as_ref()),
        source: Some(b.source(origin)),
    }
}

/// Adds a table constraint (from CREATE TABLE or ALTER TABLE ... ADD) to `table`.
pub fn add_constraint(
    b: &mut Builder,
    table: &mut Table,
    constraint: &TableConstraint,
    origin: &Origin,
) {
    let dialect = b.dialect;
    let ident = |id: &sqlparser::ast::Ident| names::ident(id, dialect);
    let part_names = |parts: &[IndexColumn]| -> Vec<String> {
        parts
            .iter()
            .map(|p| {
                index_column_name(p, dialect)
                    .map_or_else(|| p.column.expr.to_string(), |(name, _)| name)
            })
            .collect()
    };
    match constraint {
        TableConstraint::PrimaryKey(pk) => {
            let columns = own_columns(b, table, &part_names(&pk.columns), origin);
            if table.primary_key.is_some() {
                b.report(
                    origin,
                    Severity::Warning,
                    format!(
                        "table {} gets a second primary key; the last one is kept",
                        table.name
                    ),
                );
            }
            table.primary_key = Some(PrimaryKey {
                id: ConstraintId(b.next_id()),
                name: pk.name.as_ref().map(ident),
                columns,
            });
        }
        TableConstraint::Unique(unique) => {
            let columns = own_columns(b, table, &part_names(&unique.columns), origin);
            if !columns.is_empty() {
                table.uniques.push(UniqueConstraint {
                    id: ConstraintId(b.next_id()),
                    name: unique
                        .name
                        .as_ref()
                        .or(unique.index_name.as_ref())
                        .map(ident),
                    columns,
                });
            }
        }
        TableConstraint::ForeignKey(fk) => {
            let names: Vec<String> = fk.columns.iter().map(ident).collect();
            let columns = own_columns(b, table, &names, origin);
            if columns.is_empty() {
                return;
            }
            let name = fk.name.as_ref().map(ident);
            table
                .foreign_keys
                .push(foreign_key(b, fk, name, columns, origin));
        }
        TableConstraint::Check(check) => table.checks.push(CheckConstraint {
            id: ConstraintId(b.next_id()),
            name: check.name.as_ref().map(ident),
            expression: check.expr.to_string(),
        }),
        TableConstraint::Index(index) => {
            let parts = index_parts(b, table, &index.columns, origin);
            if !parts.is_empty() {
                table.indexes.push(Index {
                    id: ConstraintId(b.next_id()),
                    name: index.name.as_ref().map(ident),
                    parts,
                    unique: false,
                    predicate: None,
                    method: index.index_type.as_ref().map(ToString::to_string),
                    include: Vec::new(),
                    source: Some(b.source(origin)),
                });
            }
        }
        TableConstraint::FulltextOrSpatial(index) => {
            let parts = index_parts(b, table, &index.columns, origin);
            if !parts.is_empty() {
                table.indexes.push(Index {
                    id: ConstraintId(b.next_id()),
                    name: index.opt_index_name.as_ref().map(ident),
                    parts,
                    unique: false,
                    predicate: None,
                    method: Some(
                        if index.fulltext {
                            "FULLTEXT"
                        } else {
                            "SPATIAL"
                        }
                        .into(),
                    ),
                    include: Vec::new(),
                    source: Some(b.source(origin)),
                });
            }
        }
        other => b.report(
            origin,
            Severity::Warning,
            format!(
                "constraint \"{other}\" on {} is not represented and was left out",
                table.name
            ),
        ),
    }
}

/// Index key parts: columns of the table, or expressions.
pub fn index_parts(
    b: &mut Builder,
    table: &Table,
    parts: &[IndexColumn],
    origin: &Origin,
) -> Vec<IndexPart> {
    let mut out = Vec::with_capacity(parts.len());
    for part in parts {
        let order = match part.column.options.sort {
            Some(OrderBySort::Desc) => SortOrder::Desc,
            _ => SortOrder::Asc,
        };
        let mut length = None;
        let key = match index_column_name(part, b.dialect) {
            Some((name, prefix)) => match find_column(table, &name) {
                Some(id) => {
                    length = prefix;
                    IndexKey::Column(id)
                }
                None => {
                    b.report(
                        origin,
                        Severity::Error,
                        format!("index on {} names unknown column \"{name}\"", table.name),
                    );
                    continue;
                }
            },
            None => IndexKey::Expression(part.column.expr.to_string()),
        };
        out.push(IndexPart { key, order, length });
    }
    out
}

/// Builds a column from its definition; constraints written on the column are added to
/// `table` (which must already hold the column).
pub fn column(b: &mut Builder, def: &ColumnDef) -> (Column, Vec<(Option<String>, ColumnOption)>) {
    let type_text = def.data_type.to_string();
    let data_type = if type_text == super::tsql_rewrite::COMPUTED_TYPE {
        // A computed column whose type comes from its expression.
        DataType::new(TypeKind::Other("computed".into()))
    } else {
        b.data_type(&type_text)
    };
    let mut column = Column::new(names::ident(&def.name, b.dialect), data_type);
    column.id = ColumnId(b.next_id());
    let lower = type_text.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "serial" | "bigserial" | "smallserial" | "serial4" | "serial8" | "serial2"
    ) {
        column.identity = Some(Identity {
            kind: IdentityKind::Serial,
            start: None,
            increment: None,
        });
        column.nullable = false;
    }
    let mut deferred = Vec::new();
    for option in &def.options {
        match &option.option {
            ColumnOption::Null => column.nullable = true,
            ColumnOption::NotNull => column.nullable = false,
            ColumnOption::Default(expr) => {
                column.default = Some(
                    super::tsql_rewrite::restore_next_value_for(&expr.to_string()).into_owned(),
                );
            }
            ColumnOption::Collation(name) => column.collation = Some(name.to_string()),
            ColumnOption::Comment(text) => column.comment = Some(text.clone()),
            ColumnOption::Generated {
                generated_as,
                generation_expr,
                generation_expr_mode,
                ..
            } => match generation_expr {
                Some(expr) => {
                    column.generated = Some(Generated {
                        expression: expr.to_string(),
                        stored: matches!(
                            generation_expr_mode,
                            Some(GeneratedExpressionMode::Stored)
                        ) || matches!(generated_as, GeneratedAs::ExpStored),
                    });
                }
                None => {
                    let kind = match generated_as {
                        GeneratedAs::ByDefault => IdentityKind::ByDefault,
                        _ => IdentityKind::Always,
                    };
                    column.identity = Some(Identity {
                        kind,
                        start: None,
                        increment: None,
                    });
                    column.nullable = false;
                }
            },
            ColumnOption::Identity(
                IdentityPropertyKind::Identity(_) | IdentityPropertyKind::Autoincrement(_),
            ) => {
                column.identity = Some(Identity {
                    kind: IdentityKind::AutoIncrement,
                    start: None,
                    increment: None,
                });
            }
            ColumnOption::DialectSpecific(tokens) => {
                let text = tokens
                    .iter()
                    .map(ToString::to_string)
                    .collect::<String>()
                    .to_ascii_uppercase();
                if text.contains("AUTO_INCREMENT") || text.contains("AUTOINCREMENT") {
                    column.identity = Some(Identity {
                        kind: IdentityKind::AutoIncrement,
                        start: None,
                        increment: None,
                    });
                }
            }
            ColumnOption::PrimaryKey(_)
            | ColumnOption::Unique(_)
            | ColumnOption::ForeignKey(_)
            | ColumnOption::Check(_) => {
                deferred.push((
                    option.name.as_ref().map(|n| names::ident(n, b.dialect)),
                    option.option.clone(),
                ));
            }
            _ => {}
        }
    }
    (column, deferred)
}

/// Adds the constraints written on a column (PRIMARY KEY, UNIQUE, REFERENCES, CHECK).
pub fn add_column_constraints(
    b: &mut Builder,
    table: &mut Table,
    column: ColumnId,
    options: Vec<(Option<String>, ColumnOption)>,
    origin: &Origin,
) {
    for (name, option) in options {
        match option {
            ColumnOption::PrimaryKey(pk) => {
                table.primary_key = Some(PrimaryKey {
                    id: ConstraintId(b.next_id()),
                    name: name.or(pk.name.map(|n| n.value)),
                    columns: vec![column],
                });
                if let Some(c) = table.columns.iter_mut().find(|c| c.id == column) {
                    c.nullable = false;
                }
            }
            ColumnOption::Unique(_) => table.uniques.push(UniqueConstraint {
                id: ConstraintId(b.next_id()),
                name,
                columns: vec![column],
            }),
            ColumnOption::ForeignKey(fk) => {
                let name = name.or(fk.name.as_ref().map(|n| names::ident(n, b.dialect)));
                let key = foreign_key(b, &fk, name, vec![column], origin);
                table.foreign_keys.push(key);
            }
            ColumnOption::Check(check) => table.checks.push(CheckConstraint {
                id: ConstraintId(b.next_id()),
                name: name.or(check.name.as_ref().map(|n| names::ident(n, b.dialect))),
                expression: check.expr.to_string(),
            }),
            _ => {}
        }
    }
}

fn table_options(table: &mut Table, options: &CreateTableOptions) {
    let list: &[SqlOption] = match options {
        CreateTableOptions::With(o)
        | CreateTableOptions::Options(o)
        | CreateTableOptions::Plain(o)
        | CreateTableOptions::TableProperties(o) => o,
        CreateTableOptions::None => &[],
    };
    for option in list {
        match option {
            SqlOption::KeyValue { key, value } => {
                let key = key.to_string().to_ascii_lowercase().replace(' ', "_");
                let value = value.to_string();
                let value = value.trim_matches('\'').to_owned();
                if key == "comment" {
                    table.comment = Some(value);
                } else {
                    table.options.0.insert(key, value);
                }
            }
            SqlOption::Comment(comment) => {
                let (sqlparser::ast::CommentDef::WithEq(text)
                | sqlparser::ast::CommentDef::WithoutEq(text)) = comment;
                table.comment = Some(text.clone());
            }
            other => {
                // `ENGINE = InnoDB` and similar: keep as key and value.
                let text = other.to_string();
                let (key, value) = match text.split_once('=') {
                    Some((key, value)) => (
                        key.trim().to_ascii_lowercase().replace(' ', "_"),
                        value.trim().to_owned(),
                    ),
                    None => (format!("option_{}", table.options.0.len()), text.clone()),
                };
                table.options.0.insert(key, value);
            }
        }
    }
}

/// SQL Server system versioning, which the pre-parse rewrite leaves out of the statement:
/// `system_versioning`, `history_table` and `system_time_period` options.
fn system_versioning(b: &mut Builder, table: &mut Table, origin: &Origin) {
    let Some(found) = super::tsql_rewrite::system_versioning(origin.text) else {
        return;
    };
    let options = &mut table.options.0;
    if found.on {
        options.insert("system_versioning".into(), "ON".into());
    }
    if let Some(history) = &found.history_table {
        let name = names::qualified_from_text(history, b.dialect);
        options.insert("history_table".into(), name.to_string());
    }
    if let Some((start, end)) = found.period {
        let known = |name: &str| {
            table
                .columns
                .iter()
                .any(|c| c.name.eq_ignore_ascii_case(name))
        };
        if known(&start) && known(&end) {
            table
                .options
                .0
                .insert("system_time_period".into(), format!("{start}, {end}"));
        } else {
            b.report(
                origin,
                Severity::Warning,
                format!(
                    "PERIOD FOR SYSTEM_TIME ({start}, {end}) names columns {} does not have",
                    table.name
                ),
            );
        }
    }
}

/// SQLite `CREATE VIRTUAL TABLE t USING fts4 (a, b, tokenize=...)`: a table whose columns are
/// the module arguments that are plain names.
pub fn create_virtual_table(
    b: &mut Builder,
    name: &sqlparser::ast::ObjectName,
    module: &sqlparser::ast::Ident,
    args: &[sqlparser::ast::Ident],
    origin: &Origin,
) {
    let mut table = Table::new(names::qualified(name, b.dialect));
    table.source = Some(b.source(origin));
    table
        .options
        .0
        .insert("virtual".into(), module.value.clone());
    for arg in args {
        let text = arg.value.trim();
        if text.is_empty() || text.contains('=') {
            continue;
        }
        let column_name = text.split_whitespace().next().unwrap_or(text);
        let mut column = Column::new(
            names::unquote(column_name, b.dialect),
            DataType::new(TypeKind::Other(String::new())),
        );
        column.id = ColumnId(b.next_id());
        table.columns.push(column);
    }
    b.add_table(table, origin);
}

/// CREATE TABLE.
pub fn create_table(b: &mut Builder, create: &CreateTable, origin: &Origin) {
    let mut table = Table::new(names::qualified(&create.name, b.dialect));
    table.source = Some(b.source(origin));
    // Inherited and partition tables start with their parent's columns.
    let parents: Vec<&sqlparser::ast::ObjectName> = create
        .inherits
        .iter()
        .flatten()
        .chain(create.partition_of.iter())
        .collect();
    for parent in parents {
        let parent_name = names::qualified(parent, b.dialect);
        let Some(parent) = b
            .table_id(&parent_name)
            .and_then(|id| b.doc.table(id))
            .cloned()
        else {
            b.report(
                origin,
                Severity::Error,
                format!("parent table {parent_name} is not defined (earlier in the file)"),
            );
            continue;
        };
        for column in parent.columns {
            if !table
                .columns
                .iter()
                .any(|c| c.name.eq_ignore_ascii_case(&column.name))
            {
                let mut column = column;
                column.id = ColumnId(b.next_id());
                table.columns.push(column);
            }
        }
    }
    let mut deferred = Vec::new();
    // SQLite: columns declared NOT NULL, and the one declared exactly INTEGER (a rowid alias
    // when it is the whole primary key).
    let mut declared_not_null = Vec::new();
    let mut declared_integer = Vec::new();
    for def in &create.columns {
        let (mut column, options) = column(b, def);
        if !column.nullable {
            declared_not_null.push(column.id);
        }
        if def.data_type.to_string().eq_ignore_ascii_case("INTEGER") {
            declared_integer.push(column.id);
        }
        column.source = Some(super::locate::name_location(
            &b.file,
            origin,
            def.name.span,
            &column.name,
        ));
        deferred.push((column.id, options));
        table.columns.push(column);
    }
    for (column, options) in deferred {
        add_column_constraints(b, &mut table, column, options, origin);
    }
    for constraint in &create.constraints {
        add_constraint(b, &mut table, constraint, origin);
    }
    if b.dialect == Dialect::Sqlite
        && let Some(pk) = &table.primary_key
    {
        let pk = pk.columns.clone();
        table.uniques.retain(|u| u.columns != pk);
        // SQLite lets a primary key column hold NULL unless it is written NOT NULL, is the
        // rowid (INTEGER PRIMARY KEY), or the table is WITHOUT ROWID or STRICT.
        let rowid_alias = matches!(pk.as_slice(), [only] if declared_integer.contains(only));
        let enforced = !create.sqlite_table_options.options.is_empty();
        for column in &mut table.columns {
            if pk.contains(&column.id) {
                column.nullable =
                    !(rowid_alias || enforced || declared_not_null.contains(&column.id));
            }
        }
    }
    super::locate::foreign_keys(&b.file, &mut table, origin);
    table_options(&mut table, &create.table_options);
    if b.dialect == Dialect::Mssql {
        system_versioning(b, &mut table, origin);
    }
    if let Some(comment) = &create.comment {
        let (sqlparser::ast::CommentDef::WithEq(text)
        | sqlparser::ast::CommentDef::WithoutEq(text)) = comment;
        table.comment = Some(text.clone());
    }
    for option in &create.sqlite_table_options.options {
        match option {
            SqliteTableOption::WithoutRowid => table
                .options
                .0
                .insert("without_rowid".into(), "true".into()),
            SqliteTableOption::Strict => table.options.0.insert("strict".into(), "true".into()),
        };
    }
    if let Some(parent) = &create.partition_of {
        table.options.0.insert(
            "partition_of".into(),
            names::qualified(parent, b.dialect).to_string(),
        );
        if let Some(bounds) = &create.for_values {
            table
                .options
                .0
                .insert("partition_bound".into(), bounds.to_string());
        }
    }
    if let Some(partition_by) = &create.partition_by {
        table
            .options
            .0
            .insert("partition_by".into(), partition_by.to_string());
    }
    if let Some(parents) = &create.inherits {
        let list: Vec<String> = parents
            .iter()
            .map(|p| names::qualified(p, b.dialect).to_string())
            .collect();
        table.options.0.insert("inherits".into(), list.join(", "));
    }
    if create.query.is_some() {
        b.report(
            origin,
            Severity::Warning,
            format!(
                "CREATE TABLE {} AS SELECT: the columns come from a query and are not known",
                table.name
            ),
        );
    }
    b.add_table(table, origin);
}
