//! What the UI asks for ([`Command`], executed after the UI pass) and what it can pick
//! besides tables ([`Picked`]).

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::{Action, ConnectTarget, ImportSetup, PendingAction};
use crate::model::{Document, Edit, TableId};

/// A diagram object other than a table that the user selected; the inspector shows it.
/// Selecting tables clears it, and picking one clears the table selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picked {
    /// A foreign key: the table holding it and the constraint.
    Relationship(crate::render::RelationshipId),
    /// A group (subject area or bounded context).
    Group(crate::model::GroupId),
    /// A sticky note.
    Note(crate::model::NoteId),
}

impl Picked {
    /// Whether the object is still in the document (an undo may have removed it).
    pub fn exists(self, doc: &Document) -> bool {
        match self {
            Self::Relationship((table, fk)) => doc
                .table(table)
                .is_some_and(|t| t.foreign_keys.iter().any(|f| f.id == fk)),
            Self::Group(group) => doc.groups.contains_key(&group),
            Self::Note(note) => doc.notes.contains_key(&note),
        }
    }
}

/// Something the UI asks for; executed after the UI pass.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A menu or shortcut action.
    Action(Action),
    /// Open this project file (asking about unsaved changes first).
    OpenPath(PathBuf),
    /// Save to this path and make it the document's file.
    SaveTo(PathBuf),
    /// Import this SQL file (asks for the dialect first).
    ImportPath(PathBuf),
    /// Run a confirmed import.
    RunImport(Box<ImportSetup>),
    /// Write the DDL for a dialect to a file.
    ExportTo(PathBuf, crate::model::Dialect),
    /// Draw the diagram into an image file (PNG or SVG by its extension).
    ExportImageTo(PathBuf, crate::render::image::ImageOptions),
    /// Write the data dictionary to a file (HTML or Markdown, by its extension).
    ExportDocsTo(PathBuf),
    /// Replace the selection.
    Select(BTreeSet<TableId>),
    /// Select a relationship, group or note (or nothing).
    Pick(Option<Picked>),
    /// Start an undo transaction (a drag).
    Begin(String),
    /// Close the undo transaction as one step.
    Commit,
    /// Roll the undo transaction back.
    Abort,
    /// Apply an edit to the document.
    Apply(Box<Edit>),
    /// Apply an edit, merged into the previous step when that had the same key (typing in
    /// one field, repeated nudges).
    ApplyCoalescing(Box<Edit>, String),
    /// Create a table at this world position.
    CreateTable(crate::model::Position),
    /// Delete the selected tables; `true` when the user already confirmed.
    DeleteSelection(bool),
    /// Add the tables described by this SQL (a paste).
    PasteSql(String),
    /// Scroll the canvas so this table is in the middle (zooming in enough to read it).
    CenterOn(TableId),
    /// Add to the first table a column and foreign key referencing the second.
    AddReference(TableId, TableId),
    /// Connect a column (where a connector drag started) to where it was dropped.
    Connect((TableId, crate::model::ColumnId), ConnectTarget),
    /// Carry out an action the user confirmed in the unsaved-changes dialog, without asking
    /// again.
    Proceed(PendingAction),
    /// Carry out the action if the document is saved now (the user chose "Save" and the save
    /// went through).
    ProceedIfSaved(PendingAction),
}
