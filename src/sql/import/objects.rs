//! CREATE TYPE (enums), DOMAIN, SEQUENCE, VIEW and SCHEMA.

use std::ops::ControlFlow;

use sqlparser::ast::{
    CreateDomain, CreateView, Expr, ObjectName, SchemaName, SequenceOptions, TableConstraint,
    UserDefinedTypeRepresentation,
};

use super::builder::{Builder, Origin};
use super::names;
use crate::model::*;

/// CREATE TYPE. Enums become model enums; composite, range and base types are kept verbatim.
pub fn create_type(
    b: &mut Builder,
    name: &ObjectName,
    representation: Option<&UserDefinedTypeRepresentation>,
    sql: &str,
    origin: &Origin,
) {
    match representation {
        Some(UserDefinedTypeRepresentation::Enum { labels }) => {
            let source = Some(b.source(origin));
            b.add_enum(EnumType {
                id: EnumId(0),
                name: names::qualified(name, b.dialect),
                values: labels.iter().map(|l| l.value.clone()).collect(),
                comment: None,
                source,
            });
        }
        _ => b.passthrough(sql, origin),
    }
}

/// CREATE DOMAIN.
pub fn create_domain(b: &mut Builder, domain: &CreateDomain, origin: &Origin) {
    let mut nullable = true;
    let checks = domain
        .constraints
        .iter()
        .filter_map(|c| match c {
            TableConstraint::Check(check) => {
                let expression = check.expr.to_string();
                // `NOT NULL` on the domain, read as this check before parsing.
                if expression.eq_ignore_ascii_case(super::fallback::DOMAIN_NOT_NULL) {
                    nullable = false;
                    None
                } else {
                    Some(expression)
                }
            }
            _ => None,
        })
        .collect();
    let source = Some(b.source(origin));
    let base_type = b.data_type(&domain.data_type.to_string());
    b.add_domain(Domain {
        id: DomainId(0),
        name: names::qualified(&domain.name, b.dialect),
        base_type,
        nullable,
        default: domain.default.as_ref().map(ToString::to_string),
        checks,
        comment: None,
        source,
    });
}

fn number(expr: &Expr) -> Option<i64> {
    expr.to_string().replace(' ', "").parse().ok()
}

/// CREATE SEQUENCE.
pub fn create_sequence(
    b: &mut Builder,
    name: &ObjectName,
    options: &[SequenceOptions],
    origin: &Origin,
) {
    let mut sequence = Sequence {
        id: SequenceId(0),
        name: names::qualified(name, b.dialect),
        start: None,
        increment: None,
        min_value: None,
        max_value: None,
        cache: None,
        cycle: false,
        owned_by: None,
        source: Some(b.source(origin)),
    };
    for option in options {
        match option {
            SequenceOptions::IncrementBy(e, _) => sequence.increment = number(e),
            SequenceOptions::StartWith(e, _) => sequence.start = number(e),
            SequenceOptions::MinValue(e) => sequence.min_value = e.as_ref().and_then(number),
            SequenceOptions::MaxValue(e) => sequence.max_value = e.as_ref().and_then(number),
            SequenceOptions::Cache(e) => sequence.cache = number(e),
            SequenceOptions::Cycle(no_cycle) => sequence.cycle = !*no_cycle,
            SequenceOptions::OwnedBy(Some(owner)) => {
                sequence.owned_by = owned_by(&names::parts(owner, b.dialect), b.dialect);
            }
            _ => {}
        }
    }
    b.add_sequence(sequence);
}

/// `OWNED BY table.column` as a table name and a column name.
pub fn owned_by(parts: &[String], dialect: Dialect) -> Option<(QualifiedName, String)> {
    let (column, table) = parts.split_last()?;
    if table.is_empty() {
        return None;
    }
    Some((
        names::qualified_from_parts(table.to_vec(), dialect),
        column.clone(),
    ))
}

/// CREATE [MATERIALIZED] VIEW: the query is kept as text with the tables it reads.
pub fn create_view(b: &mut Builder, view: &CreateView, origin: &Origin) {
    let mut depends_on: Vec<QualifiedName> = Vec::new();
    let dialect = b.dialect;
    let _ = sqlparser::ast::visit_relations(&view.query, |relation| {
        let name = names::qualified(relation, dialect);
        if !depends_on.contains(&name) {
            depends_on.push(name);
        }
        ControlFlow::<()>::Continue(())
    });
    let id = ViewId(b.next_id());
    let source = Some(b.source(origin));
    b.doc.views.insert(
        id,
        View {
            id,
            name: names::qualified(&view.name, dialect),
            query: view.query.to_string(),
            materialized: view.materialized,
            depends_on,
            comment: view.comment.clone(),
            source,
        },
    );
}

/// CREATE SCHEMA (the default schema is not recorded).
pub fn create_schema(b: &mut Builder, name: &SchemaName) {
    let text = match name {
        SchemaName::Simple(n) | SchemaName::NamedAuthorization(n, _) => {
            names::parts(n, b.dialect).join(".")
        }
        SchemaName::UnnamedAuthorization(id) => names::ident(id, b.dialect),
    };
    let is_default = match b.dialect {
        Dialect::Postgres => text == "public",
        Dialect::Mssql => text.eq_ignore_ascii_case("dbo"),
        _ => false,
    };
    if is_default || b.doc.namespaces.values().any(|n| n.name == text) {
        return;
    }
    let id = NamespaceId(b.next_id());
    b.doc.namespaces.insert(
        id,
        Namespace {
            id,
            name: text,
            comment: None,
        },
    );
}

/// A view whose query the parser could not read: the name and query text are still kept,
/// with the tables named after FROM and JOIN as its dependencies.
pub fn view_from_text(b: &mut Builder, text: &str, origin: &Origin) -> bool {
    let upper = text.to_ascii_uppercase();
    let Some(view_at) = upper.find("VIEW") else {
        return false;
    };
    let Some(as_at) = upper
        .get(view_at..)
        .and_then(|s| s.find(" AS"))
        .map(|i| i + view_at)
    else {
        return false;
    };
    let head = text.get(view_at + 4..as_at).unwrap_or("").trim();
    let head = head.strip_prefix("IF NOT EXISTS").unwrap_or(head).trim();
    // The name runs to the first blank or parenthesis outside quotes.
    let mut quote: Option<char> = None;
    let end = head
        .char_indices()
        .find(|&(_, c)| match quote {
            Some(q) if c == q => {
                quote = None;
                false
            }
            Some(_) => false,
            None if c == '"' || c == '`' => {
                quote = Some(c);
                false
            }
            None if c == '[' => {
                quote = Some(']');
                false
            }
            None => c.is_whitespace() || c == '(',
        })
        .map_or(head.len(), |(i, _)| i);
    let name_text = head.get(..end).unwrap_or(head);
    if name_text.is_empty() {
        return false;
    }
    let query = text
        .get(as_at + 3..)
        .unwrap_or("")
        .trim()
        .trim_end_matches(';')
        .trim_end()
        .to_owned();
    let mut depends_on: Vec<QualifiedName> = Vec::new();
    let words: Vec<&str> = query
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    for pair in words.windows(2) {
        if let [keyword, name] = pair
            && (keyword.eq_ignore_ascii_case("FROM") || keyword.eq_ignore_ascii_case("JOIN"))
            && !name.eq_ignore_ascii_case("SELECT")
        {
            let name = names::qualified_from_text(name, b.dialect);
            if !depends_on.contains(&name) {
                depends_on.push(name);
            }
        }
    }
    let id = ViewId(b.next_id());
    let source = Some(b.source(origin));
    let name = names::qualified_from_text(name_text, b.dialect);
    b.doc.views.insert(
        id,
        View {
            id,
            name,
            query,
            materialized: upper.contains("MATERIALIZED"),
            depends_on,
            comment: None,
            source,
        },
    );
    true
}
