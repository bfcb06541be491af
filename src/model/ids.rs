//! Typed, stable object identifiers.
//!
//! Every object in a [`Document`](super::Document) carries an id that never changes while the
//! document is open. Ids are handed out from one counter per document, so they also record
//! creation order, which gives every collection a deterministic iteration order.

use std::fmt;

macro_rules! define_id {
    ($(#[$meta:meta])* $name:ident, $prefix:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

define_id!(
    /// Identifies a table.
    TableId,
    "table#"
);
define_id!(
    /// Identifies a column within its table (unique across the whole document).
    ColumnId,
    "column#"
);
define_id!(
    /// Identifies a constraint or index within its table (unique across the whole document).
    ConstraintId,
    "constraint#"
);
define_id!(
    /// Identifies a database schema (namespace).
    NamespaceId,
    "schema#"
);
define_id!(
    /// Identifies an enum type.
    EnumId,
    "enum#"
);
define_id!(
    /// Identifies a domain type.
    DomainId,
    "domain#"
);
define_id!(
    /// Identifies a sequence.
    SequenceId,
    "sequence#"
);
define_id!(
    /// Identifies a view or materialized view.
    ViewId,
    "view#"
);
define_id!(
    /// Identifies a statement kept verbatim.
    PassthroughId,
    "statement#"
);
define_id!(
    /// Identifies a group (subject area or bounded context).
    GroupId,
    "group#"
);
define_id!(
    /// Identifies a sticky note on the canvas.
    NoteId,
    "note#"
);

/// Hands out fresh ids. One per document; never reuses a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdAllocator {
    next: u64,
}

impl Default for IdAllocator {
    fn default() -> Self {
        Self { next: 1 }
    }
}

impl IdAllocator {
    /// Returns the next unused raw id.
    pub fn next_raw(&mut self) -> u64 {
        let id = self.next;
        self.next += 1;
        id
    }

    /// Makes sure ids below `raw + 1` are never handed out again.
    pub fn reserve_up_to(&mut self, raw: u64) {
        self.next = self.next.max(raw + 1);
    }
}
