use std::sync::Arc;

use crate::model::{ColumnId, ConstraintId, TypeKind, TypeRef, UniqueConstraint};
use crate::rules::testing::*;

const RULE: &str = "dangling-reference";

/// The addresses table of the architect's brief: its enum type is never declared.
const SEED: &str = "CREATE TABLE customers (id UUID PRIMARY KEY DEFAULT gen_random_uuid());
CREATE TABLE addresses (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id UUID NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    address_type address_type_enum NOT NULL DEFAULT 'shipping',
    is_default BOOLEAN DEFAULT false,
    UNIQUE(customer_id, address_type, is_default) WHERE is_default = true
);";

#[test]
fn the_seed_enum_fires_and_the_fix_declares_it() {
    let doc = pg(SEED);
    let found = fires(&doc, RULE);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "addresses.address_type has type address_type_enum, which is not defined"
    );
    assert_eq!(
        found[0].fix.as_ref().unwrap().label,
        "Create enum address_type_enum (shipping)"
    );
    let fixed = fix_silences(&doc, RULE);
    let e = fixed.enums.values().next().unwrap();
    assert_eq!(e.name.name, "address_type_enum");
    assert_eq!(e.values, ["shipping"]);
    let addresses = fixed.tables.values().nth(1).unwrap();
    assert_eq!(
        addresses.columns[2].data_type.kind,
        TypeKind::Enum(TypeRef::Resolved(e.id))
    );
}

#[test]
fn enum_labels_come_from_checks_too() {
    let doc = pg(
        "CREATE TABLE t (id int PRIMARY KEY, state state_enum DEFAULT 'new',
                  CHECK (state IN ('new', 'done')));",
    );
    let fixed = fix_silences(&doc, RULE);
    assert_eq!(fixed.enums.values().next().unwrap().values, ["new", "done"]);
}

#[test]
fn known_and_declared_types_are_silent() {
    silent(
        &pg("CREATE TYPE mood AS ENUM ('ok', 'sad');
             CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
             CREATE TABLE t (id int PRIMARY KEY, m mood, p posint, a inet, v tsvector,
               CHECK (p > 0 AND m <> 'sad'));"),
        RULE,
    );
}

#[test]
fn missing_target_tables_and_columns_fire() {
    let doc = pg("CREATE TABLE customer (id bigint PRIMARY KEY, code text);
                  CREATE TABLE orders (customer_id bigint REFERENCES customer(nope),
                    shop_id bigint REFERENCES shop(id));");
    let found = fires(&doc, RULE);
    let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
    assert!(
        messages
            .contains(&"orders(customer_id) references nope, which is not a column of customer"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"orders(shop_id) references table shop, which does not exist"),
        "{messages:?}"
    );
    let fixed = fix_silences(&doc, RULE);
    let orders = fixed.tables.values().nth(1).unwrap();
    assert_eq!(
        orders.foreign_keys.len(),
        1,
        "the key to customer is re-pointed"
    );
}

#[test]
fn column_counts_must_match() {
    let doc = pg("CREATE TABLE a (x int, y int, PRIMARY KEY (x, y));
                  CREATE TABLE b (x int, y int, FOREIGN KEY (x, y) REFERENCES a (x));");
    let found = fires(&doc, RULE);
    assert_eq!(
        found[0].message,
        "b(x, y) has 2 column(s) but references 1 column(s) of a"
    );
    fix_silences(&doc, RULE);
}

#[test]
fn checks_using_unknown_columns_fire() {
    let doc = pg("CREATE TABLE t (id int PRIMARY KEY, total int,
                  CONSTRAINT positive CHECK (amount >= 0));");
    let found = fires(&doc, RULE);
    assert_eq!(
        found[0].message,
        "t (positive) uses amount, which is not a column of t"
    );
    fix_silences(&doc, RULE);
}

#[test]
fn keys_on_missing_columns_fire() {
    let mut doc = pg("CREATE TABLE t (id int PRIMARY KEY, code text);");
    let table = Arc::make_mut(doc.tables.values_mut().next().unwrap());
    table.uniques.push(UniqueConstraint {
        id: ConstraintId(999),
        name: Some("t_gone_key".into()),
        columns: vec![ColumnId(998)],
    });
    let found = fires(&doc, RULE);
    assert_eq!(
        found[0].message,
        "t unique constraint t_gone_key names a column that does not exist"
    );
    fix_silences(&doc, RULE);
}

#[test]
fn silent_on_a_consistent_model() {
    silent(
        &pg("CREATE TABLE customer (id bigint PRIMARY KEY);
             CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customer,
               total numeric CHECK (total >= 0));
             CREATE INDEX ON orders (customer_id);"),
        RULE,
    );
}
