//! Content fingerprints for keyed rules whose quick fixes carry copies of columns or
//! constraints: when anything such a copy holds changes, the fingerprint changes, so the
//! finding (and its fix) is computed again.

use std::hash::{Hash, Hasher};
use std::mem::discriminant;

use crate::model::{
    Column, ColumnRef, ConstraintId, DataType, IndexKey, Table, TableRef, TypeKind, TypeRef,
};

/// A fast non-cryptographic hasher (the multiply-rotate scheme used by rustc).
#[derive(Debug, Default)]
pub struct Fast(u64);

impl Hasher for Fast {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Whole words, then the rest padded with zeros.
        let mut words = bytes.chunks_exact(8);
        for chunk in &mut words {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

impl Fast {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

fn data_type(h: &mut Fast, t: &DataType) {
    discriminant(&t.kind).hash(h);
    match &t.kind {
        TypeKind::Decimal { precision, scale } => (precision, scale).hash(h),
        TypeKind::Char { length } | TypeKind::Varchar { length } | TypeKind::Binary { length } => {
            length.hash(h);
        }
        TypeKind::Time {
            precision,
            with_time_zone,
        }
        | TypeKind::Timestamp {
            precision,
            with_time_zone,
        } => (precision, with_time_zone).hash(h),
        TypeKind::Enum(TypeRef::Resolved(id)) => id.hash(h),
        TypeKind::Domain(TypeRef::Resolved(id)) => id.hash(h),
        TypeKind::Enum(TypeRef::Unresolved(name)) | TypeKind::Domain(TypeRef::Unresolved(name)) => {
            name.hash(h);
        }
        TypeKind::Other(text) => text.hash(h),
        _ => {}
    }
    t.array_dims.hash(h);
    t.original.hash(h);
}

/// Adds everything a column holds.
pub fn column(h: &mut Fast, c: &Column) {
    c.id.hash(h);
    c.name.hash(h);
    data_type(h, &c.data_type);
    c.nullable.hash(h);
    c.default.hash(h);
    if let Some(identity) = &c.identity {
        discriminant(&identity.kind).hash(h);
        (identity.start, identity.increment).hash(h);
    }
    if let Some(generated) = &c.generated {
        (&generated.expression, generated.stored).hash(h);
    }
    c.collation.hash(h);
    c.comment.hash(h);
}

/// Adds everything a key, constraint or index of the table holds.
pub fn constraint(h: &mut Fast, table: &Table, id: ConstraintId) {
    id.hash(h);
    if let Some(pk) = table.primary_key.as_ref().filter(|pk| pk.id == id) {
        (&pk.name, &pk.columns).hash(h);
    }
    for fk in table.foreign_keys.iter().filter(|c| c.id == id) {
        (&fk.name, &fk.columns).hash(h);
        match &fk.referenced_table {
            TableRef::Resolved(t) => t.hash(h),
            TableRef::Unresolved(name) => name.hash(h),
        }
        for column in &fk.referenced_columns {
            match column {
                ColumnRef::Resolved(c) => c.hash(h),
                ColumnRef::Unresolved(name) => name.hash(h),
            }
        }
        discriminant(&fk.on_delete).hash(h);
        discriminant(&fk.on_update).hash(h);
        discriminant(&fk.deferrable).hash(h);
    }
    for unique in table.uniques.iter().filter(|c| c.id == id) {
        (&unique.name, &unique.columns).hash(h);
    }
    for check in table.checks.iter().filter(|c| c.id == id) {
        (&check.name, &check.expression).hash(h);
    }
    for index in table.indexes.iter().filter(|c| c.id == id) {
        (&index.name, index.unique, &index.predicate, &index.method).hash(h);
        index.include.hash(h);
        for part in &index.parts {
            match &part.key {
                IndexKey::Column(c) => c.hash(h),
                IndexKey::Expression(text) => text.hash(h),
            }
            discriminant(&part.order).hash(h);
            part.length.hash(h);
        }
    }
}

/// A fingerprint of a whole table's names, columns, keys, constraints and indexes.
pub fn table(t: &Table) -> u64 {
    let mut h = Fast::default();
    t.id.hash(&mut h);
    t.name.hash(&mut h);
    for c in &t.columns {
        column(&mut h, c);
    }
    let ids = t
        .primary_key
        .iter()
        .map(|c| c.id)
        .chain(t.foreign_keys.iter().map(|c| c.id))
        .chain(t.uniques.iter().map(|c| c.id))
        .chain(t.checks.iter().map(|c| c.id))
        .chain(t.indexes.iter().map(|c| c.id));
    for id in ids {
        constraint(&mut h, t, id);
    }
    h.finish()
}

/// A fingerprint of one text.
pub fn text(s: &str) -> u64 {
    let mut h = Fast::default();
    s.hash(&mut h);
    h.finish()
}
