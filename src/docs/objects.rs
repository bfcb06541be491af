//! The dictionary's entries for everything but tables: enum types, domains, sequences, views,
//! notes, and the design-rule problems grouped by table.

use crate::model::{Dialect, Document, Severity, TableId, TypeKind, TypeRef};
use crate::rules::{Finding, subject_label};

use super::anchors::Slugger;
use super::dictionary::{Anchors, Link, display_name};
use super::tables::type_text;

/// An enum type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumDoc {
    /// Name.
    pub name: String,
    /// Heading anchor.
    pub anchor: String,
    /// Labels in declared order.
    pub labels: Vec<String>,
    /// Comment.
    pub comment: Option<String>,
    /// The columns of this type: table (linked) and column name.
    pub used_by: Vec<(Link, String)>,
}

/// A domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainDoc {
    /// Name.
    pub name: String,
    /// Heading anchor.
    pub anchor: String,
    /// The base type as the dialect spells it.
    pub base_type: String,
    /// Whether NULL is refused.
    pub not_null: bool,
    /// Default expression.
    pub default: Option<String>,
    /// Check expressions.
    pub checks: Vec<String>,
    /// Comment.
    pub comment: Option<String>,
    /// The columns of this type: table (linked) and column name.
    pub used_by: Vec<(Link, String)>,
}

/// A sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SequenceDoc {
    /// Name.
    pub name: String,
    /// Start, step, minimum, maximum, cache, as text ("" when not set).
    pub numbers: [String; 5],
    /// Whether it wraps around.
    pub cycle: bool,
    /// The column that owns it, linked to its table.
    pub owned_by: Option<(Link, String)>,
}

/// A view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewDoc {
    /// Name.
    pub name: String,
    /// Heading anchor.
    pub anchor: String,
    /// Materialized view.
    pub materialized: bool,
    /// The tables it reads, linked when they are in the design.
    pub reads: Vec<Link>,
    /// The query.
    pub query: String,
    /// Comment.
    pub comment: Option<String>,
}

/// A sticky note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteDoc {
    /// Its text.
    pub text: String,
    /// The table it is attached to.
    pub table: Option<Link>,
}

/// One design-rule finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemDoc {
    /// Severity.
    pub severity: Severity,
    /// Rule id.
    pub rule: String,
    /// The object (`orders.total`).
    pub object: String,
    /// What is wrong.
    pub message: String,
    /// What the quick fix would do.
    pub fix: Option<String>,
}

/// The problems about one table, or those about no table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemGroup {
    /// The heading text ("Problems in orders", "Other problems").
    pub heading: String,
    /// Heading anchor (`None` only before anchors are assigned).
    pub anchor: Option<String>,
    /// The table, linked to its entry.
    pub table: Option<Link>,
    /// The table's id.
    pub table_id: Option<TableId>,
    /// Findings, most serious first.
    pub items: Vec<ProblemDoc>,
}

/// The columns whose type is `kind`, table by table in name order.
fn used_by(
    doc: &Document,
    dialect: Dialect,
    anchors: &Anchors,
    kind: &TypeKind,
) -> Vec<(Link, String)> {
    let mut found: Vec<(Link, String)> = doc
        .tables
        .values()
        .flat_map(|table| {
            table
                .columns
                .iter()
                .filter(|c| &c.data_type.kind == kind)
                .map(move |c| (table, c.name.clone()))
        })
        .map(|(table, column)| {
            let link = Link {
                text: display_name(&table.name, dialect),
                anchor: anchors.tables.get(&table.id).cloned(),
            };
            (link, column)
        })
        .collect();
    found.sort_by(|a, b| a.0.text.cmp(&b.0.text));
    found
}

/// Enum types in creation order.
pub fn enums(doc: &Document, dialect: Dialect, anchors: &Anchors) -> Vec<EnumDoc> {
    doc.enums
        .values()
        .map(|e| EnumDoc {
            name: display_name(&e.name, dialect),
            anchor: anchors.enums.get(&e.id).cloned().unwrap_or_default(),
            labels: e.values.clone(),
            comment: e.comment.clone(),
            used_by: used_by(
                doc,
                dialect,
                anchors,
                &TypeKind::Enum(TypeRef::Resolved(e.id)),
            ),
        })
        .collect()
}

/// Domains in creation order.
pub fn domains(doc: &Document, dialect: Dialect, anchors: &Anchors) -> Vec<DomainDoc> {
    doc.domains
        .values()
        .map(|d| DomainDoc {
            name: display_name(&d.name, dialect),
            anchor: anchors.domains.get(&d.id).cloned().unwrap_or_default(),
            base_type: type_text(doc, &d.base_type, dialect),
            not_null: !d.nullable,
            default: d.default.clone(),
            checks: d.checks.clone(),
            comment: d.comment.clone(),
            used_by: used_by(
                doc,
                dialect,
                anchors,
                &TypeKind::Domain(TypeRef::Resolved(d.id)),
            ),
        })
        .collect()
}

fn table_named(
    doc: &Document,
    dialect: Dialect,
    anchors: &Anchors,
    name: &crate::model::QualifiedName,
) -> Link {
    let found = doc.table_named(name).or_else(|| {
        // A name read without its schema still finds a table in the default schema.
        doc.tables
            .values()
            .find(|t| display_name(&t.name, dialect) == display_name(name, dialect))
            .map(AsRef::as_ref)
    });
    Link {
        text: found.map_or_else(
            || display_name(name, dialect),
            |t| display_name(&t.name, dialect),
        ),
        anchor: found.and_then(|t| anchors.tables.get(&t.id).cloned()),
    }
}

/// Sequences in creation order.
pub fn sequences(doc: &Document, dialect: Dialect, anchors: &Anchors) -> Vec<SequenceDoc> {
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    doc.sequences
        .values()
        .map(|s| SequenceDoc {
            name: display_name(&s.name, dialect),
            numbers: [
                number(s.start),
                number(s.increment),
                number(s.min_value),
                number(s.max_value),
                number(s.cache),
            ],
            cycle: s.cycle,
            owned_by: s
                .owned_by
                .as_ref()
                .map(|(table, column)| (table_named(doc, dialect, anchors, table), column.clone())),
        })
        .collect()
}

/// Views in creation order, with the anchors their headings took.
pub fn views(
    doc: &Document,
    dialect: Dialect,
    anchors: &Anchors,
    view_anchors: Vec<String>,
) -> Vec<ViewDoc> {
    doc.views
        .values()
        .zip(view_anchors)
        .map(|(v, anchor)| ViewDoc {
            name: display_name(&v.name, dialect),
            anchor,
            materialized: v.materialized,
            reads: v
                .depends_on
                .iter()
                .map(|name| table_named(doc, dialect, anchors, name))
                .collect(),
            query: v.query.trim().to_owned(),
            comment: v.comment.clone(),
        })
        .collect()
}

/// Notes in creation order.
pub fn notes(doc: &Document, dialect: Dialect, anchors: &Anchors) -> Vec<NoteDoc> {
    doc.notes
        .values()
        .filter(|n| !n.text.trim().is_empty())
        .map(|n| NoteDoc {
            text: n.text.trim().to_owned(),
            table: n.attached_to.and_then(|id| {
                Some(Link {
                    text: display_name(&doc.table(id)?.name, dialect),
                    anchor: anchors.tables.get(&id).cloned(),
                })
            }),
        })
        .collect()
}

/// Findings grouped by table in `table_order`, then the findings on no table; each group
/// takes its heading's anchor from `slugs`.
pub fn problems(
    doc: &Document,
    dialect: Dialect,
    findings: &[&Finding],
    table_order: &[TableId],
    anchors: &Anchors,
    slugs: &mut Slugger,
) -> Vec<ProblemGroup> {
    let item = |f: &Finding| ProblemDoc {
        severity: f.severity,
        rule: f.rule.to_owned(),
        object: subject_label(doc, dialect, f.subject),
        message: f.message.clone(),
        fix: f.fix.as_ref().map(|fix| fix.label.clone()),
    };
    let sorted = |mut items: Vec<ProblemDoc>| {
        // Stable: the validator's order (rule, then object) within a severity.
        items.sort_by_key(|p| p.severity);
        items
    };
    let mut groups = Vec::new();
    for id in table_order {
        let items: Vec<ProblemDoc> = findings
            .iter()
            .filter(|f| f.subject.table() == Some(*id))
            .map(|f| item(f))
            .collect();
        let Some(table) = doc.table(*id).filter(|_| !items.is_empty()) else {
            continue;
        };
        let name = display_name(&table.name, dialect);
        let heading = format!("Problems in {name}");
        groups.push(ProblemGroup {
            anchor: Some(slugs.anchor(&heading)),
            heading,
            table: Some(Link {
                text: name,
                anchor: anchors.tables.get(id).cloned(),
            }),
            table_id: Some(*id),
            items: sorted(items),
        });
    }
    let others: Vec<ProblemDoc> = findings
        .iter()
        .filter(|f| f.subject.table().is_none_or(|t| doc.table(t).is_none()))
        .map(|f| item(f))
        .collect();
    if !others.is_empty() {
        let heading = "Other problems".to_owned();
        groups.push(ProblemGroup {
            anchor: Some(slugs.anchor(&heading)),
            heading,
            table: None,
            table_id: None,
            items: sorted(others),
        });
    }
    groups
}
