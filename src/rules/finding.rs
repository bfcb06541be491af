//! What a rule reports: a finding about one object, with an optional quick fix.

use crate::model::{
    ColumnId, ConstraintId, Document, DomainId, Edit, EnumId, Severity, SourceLocation, TableId,
    ViewId,
};

use super::RuleMeta;

/// The object a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    /// The whole design.
    Document,
    /// A table.
    Table(TableId),
    /// A column of a table.
    Column(TableId, ColumnId),
    /// A key, constraint or index of a table.
    Constraint(TableId, ConstraintId),
    /// An enum type.
    Enum(EnumId),
    /// A domain.
    Domain(DomainId),
    /// A view.
    View(ViewId),
}

impl Subject {
    /// The table the object belongs to, if any.
    pub fn table(self) -> Option<TableId> {
        match self {
            Self::Table(t) | Self::Column(t, _) | Self::Constraint(t, _) => Some(t),
            _ => None,
        }
    }

    /// Where the object was read from, when it came from SQL.
    pub fn source(self, doc: &Document) -> Option<&SourceLocation> {
        match self {
            Self::Document => None,
            Self::Table(t) => doc.table(t)?.source.as_ref(),
            Self::Column(t, c) => {
                let table = doc.table(t)?;
                table
                    .column(c)
                    .and_then(|c| c.source.as_ref())
                    .or(table.source.as_ref())
            }
            Self::Constraint(t, c) => {
                let table = doc.table(t)?;
                let own = table
                    .foreign_keys
                    .iter()
                    .find(|fk| fk.id == c)
                    .and_then(|fk| fk.source.as_ref())
                    .or_else(|| {
                        table
                            .indexes
                            .iter()
                            .find(|i| i.id == c)
                            .and_then(|i| i.source.as_ref())
                    });
                own.or(table.source.as_ref())
            }
            Self::Enum(e) => doc.enums.get(&e)?.source.as_ref(),
            Self::Domain(d) => doc.domains.get(&d)?.source.as_ref(),
            Self::View(v) => doc.views.get(&v)?.source.as_ref(),
        }
    }
}

/// A quick fix: edits that resolve the finding, applied as one undoable step.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    /// What the fix does, for the button ("Add an index on order_id").
    pub label: String,
    /// The change (usually an [`Edit::Batch`]).
    pub edit: Edit,
}

impl Fix {
    /// A fix made of several edits, applied all or nothing.
    pub fn batch(label: impl Into<String>, edits: Vec<Edit>) -> Self {
        let label = label.into();
        Self {
            edit: Edit::Batch {
                label: label.clone(),
                edits,
            },
            label,
        }
    }
}

/// One problem found in the design.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule's id.
    pub rule: &'static str,
    /// How serious it is, after the project's overrides.
    pub severity: Severity,
    /// The object it is about.
    pub subject: Subject,
    /// What is wrong, naming the object (`orders.customer_id: ...`).
    pub message: String,
    /// A quick fix, when the rule knows one.
    pub fix: Option<Fix>,
    /// The reason given when the user silenced this rule on this object.
    pub suppressed: Option<String>,
}

/// Collects the findings of one rule run.
#[derive(Debug)]
pub struct Findings {
    meta: &'static RuleMeta,
    pub(super) items: Vec<Finding>,
}

impl Findings {
    /// An empty collection for one rule.
    pub fn new(meta: &'static RuleMeta) -> Self {
        Self {
            meta,
            items: Vec::new(),
        }
    }

    /// Reports a finding at the rule's default severity; returns it so a fix or another
    /// severity can be added.
    pub fn report(&mut self, subject: Subject, message: impl Into<String>) -> &mut Finding {
        let finding = Finding {
            rule: self.meta.id,
            severity: self.meta.severity,
            subject,
            message: message.into(),
            fix: None,
            suppressed: None,
        };
        self.items.push(finding);
        let last = self.items.len() - 1;
        &mut self.items[last]
    }

    /// The findings reported so far.
    pub fn items(&self) -> &[Finding] {
        &self.items
    }

    /// Takes the findings out.
    pub fn into_items(self) -> Vec<Finding> {
        self.items
    }
}

impl Finding {
    /// Attaches a quick fix.
    pub fn with_fix(&mut self, fix: Fix) -> &mut Self {
        self.fix = Some(fix);
        self
    }

    /// Changes this finding's severity (before the project's override).
    pub fn with_severity(&mut self, severity: Severity) -> &mut Self {
        self.severity = severity;
        self
    }
}
