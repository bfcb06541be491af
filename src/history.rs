//! Undo and redo for a document, as snapshot transactions.
//!
//! [`History`] owns the current [`Document`]. Each undo step stores the document as it was
//! before the step; tables are shared between snapshots through `Arc`, so a step costs little
//! more than the tables it changed. A transaction (`begin` … `commit`) groups any number of
//! edits — a drag, a typing burst — into one step; `abort` rolls it back. Edits applied with a
//! coalescing key merge into the previous step when it has the same key. Each step has a
//! revision number; the document is dirty when the current revision is not the saved one.

use crate::model::{Applied, Document, Edit, EditError, apply};

/// One undoable step.
#[derive(Debug, Clone)]
struct Step {
    label: String,
    /// The document before the step (on the undo stack) or after it (on the redo stack).
    snapshot: Document,
    /// The revision the document has after the step.
    revision: u64,
    /// Edits with the same key merge into this step.
    coalesce: Option<String>,
}

#[derive(Debug, Clone)]
struct Transaction {
    label: String,
    before: Document,
    changed: bool,
}

/// The current document with its undo and redo stacks.
#[derive(Debug, Clone)]
pub struct History {
    doc: Document,
    undo: Vec<Step>,
    redo: Vec<Step>,
    transaction: Option<Transaction>,
    revision: u64,
    next_revision: u64,
    saved_revision: Option<u64>,
    limit: usize,
    changes: u64,
}

impl History {
    /// Wraps a document that is considered saved (just loaded, or new and empty).
    pub fn new(doc: Document) -> Self {
        Self {
            doc,
            undo: Vec::new(),
            redo: Vec::new(),
            transaction: None,
            revision: 0,
            next_revision: 1,
            saved_revision: Some(0),
            limit: 500,
            changes: 0,
        }
    }

    /// The current document.
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// Applies an edit as its own undo step (or as part of the open transaction).
    pub fn apply(&mut self, edit: Edit) -> Result<Applied, EditError> {
        self.apply_inner(edit, None)
    }

    /// Applies an edit, merging it into the previous step when that step was made with the
    /// same key and nothing else happened in between (e.g. repeated arrow-key nudges).
    pub fn apply_coalescing(&mut self, edit: Edit, key: &str) -> Result<Applied, EditError> {
        self.apply_inner(edit, Some(key))
    }

    fn apply_inner(&mut self, edit: Edit, key: Option<&str>) -> Result<Applied, EditError> {
        if let Some(transaction) = &mut self.transaction {
            let applied = apply(&mut self.doc, edit)?;
            transaction.changed = true;
            self.changes += 1;
            return Ok(applied);
        }
        let label = edit.label(&self.doc);
        let before = self.doc.clone();
        let applied = apply(&mut self.doc, edit)?;
        self.changes += 1;
        let merge = key.is_some()
            && self.redo.is_empty()
            && self.saved_revision != Some(self.revision)
            && self
                .undo
                .last()
                .is_some_and(|step| step.coalesce.as_deref() == key);
        if merge {
            // The previous step already holds the snapshot from before the first merged edit.
            let revision = self.bump_revision();
            if let Some(step) = self.undo.last_mut() {
                step.revision = revision;
            }
        } else {
            self.push_step(label, before, key.map(str::to_owned));
        }
        Ok(applied)
    }

    fn bump_revision(&mut self) -> u64 {
        self.revision = self.next_revision;
        self.next_revision += 1;
        self.revision
    }

    fn push_step(&mut self, label: String, before: Document, coalesce: Option<String>) {
        let revision = self.bump_revision();
        self.undo.push(Step {
            label,
            snapshot: before,
            revision,
            coalesce,
        });
        self.redo.clear();
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
    }

    /// A counter that grows with every change to the document (edits, undo, redo, rollback),
    /// for views that cache something derived from it.
    pub fn changes(&self) -> u64 {
        self.changes
    }

    /// Opens a transaction: edits until [`commit`](Self::commit) form one step named `label`.
    /// A transaction already open is committed first.
    pub fn begin(&mut self, label: impl Into<String>) {
        self.commit();
        self.transaction = Some(Transaction {
            label: label.into(),
            before: self.doc.clone(),
            changed: false,
        });
    }

    /// Whether a transaction is open.
    pub fn in_transaction(&self) -> bool {
        self.transaction.is_some()
    }

    /// Closes the open transaction as one undo step (none if nothing changed).
    pub fn commit(&mut self) {
        if let Some(transaction) = self.transaction.take()
            && transaction.changed
            && transaction.before != self.doc
        {
            self.push_step(transaction.label, transaction.before, None);
        }
    }

    /// Rolls the open transaction back: the document is as it was at `begin`.
    pub fn abort(&mut self) {
        if let Some(transaction) = self.transaction.take() {
            self.doc = transaction.before;
            self.changes += 1;
        }
    }

    /// Undoes the last step; returns its label. An open transaction is committed first.
    pub fn undo(&mut self) -> Option<String> {
        self.commit();
        let step = self.undo.pop()?;
        let previous_revision = self.undo.last().map_or(0, |s| s.revision);
        let after = std::mem::replace(&mut self.doc, step.snapshot);
        self.changes += 1;
        self.redo.push(Step {
            label: step.label.clone(),
            snapshot: after,
            revision: step.revision,
            coalesce: None,
        });
        self.revision = previous_revision;
        Some(step.label)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self) -> Option<String> {
        self.commit();
        let step = self.redo.pop()?;
        let before = std::mem::replace(&mut self.doc, step.snapshot);
        self.changes += 1;
        self.undo.push(Step {
            label: step.label.clone(),
            snapshot: before,
            revision: step.revision,
            coalesce: None,
        });
        self.revision = step.revision;
        Some(step.label)
    }

    /// The name of the step [`undo`](Self::undo) would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// The name of the step [`redo`](Self::redo) would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Whether there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.transaction.as_ref().is_some_and(|t| t.changed)
            || self.saved_revision != Some(self.revision)
    }

    /// Records that the current state is what is on disk.
    pub fn mark_saved(&mut self) {
        self.saved_revision = Some(self.revision);
    }

    /// Forgets which state is on disk (the file was removed or replaced): the document stays
    /// dirty until saved.
    pub fn mark_unsaved(&mut self) {
        self.saved_revision = None;
    }
}

#[cfg(test)]
mod tests;
