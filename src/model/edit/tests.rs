use super::*;
use crate::model::*;

fn column(name: &str, kind: TypeKind) -> Column {
    Column::new(name, DataType::new(kind))
}

/// customers(id PK) and orders(id PK, customer_id FK → customers.id).
fn two_tables() -> (Document, TableId, TableId) {
    let mut doc = Document::new();
    let mut customers = Table::new(QualifiedName::new("customers"));
    let mut id = column("id", TypeKind::BigInt);
    id.id = ColumnId(1);
    customers.columns.push(id);
    customers.primary_key = Some(PrimaryKey {
        id: ConstraintId(0),
        name: None,
        columns: vec![ColumnId(1)],
    });
    let customers_id = TableId(apply(&mut doc, Edit::AddTable(customers)).unwrap().created[0]);
    let customer_pk = doc.table(customers_id).unwrap().columns[0].id;

    let mut orders = Table::new(QualifiedName::new("orders"));
    for (i, name) in ["id", "customer_id"].into_iter().enumerate() {
        let mut c = column(name, TypeKind::BigInt);
        c.id = ColumnId(i as u64 + 1);
        orders.columns.push(c);
    }
    orders.foreign_keys.push(ForeignKey {
        id: ConstraintId(0),
        name: Some("orders_customer_fk".into()),
        columns: vec![ColumnId(2)],
        referenced_table: TableRef::Resolved(customers_id),
        referenced_columns: vec![ColumnRef::Resolved(customer_pk)],
        on_delete: ReferentialAction::Cascade,
        on_update: ReferentialAction::NoAction,
        deferrable: Deferrable::NotDeferrable,
        source: None,
    });
    let orders_id = TableId(apply(&mut doc, Edit::AddTable(orders)).unwrap().created[0]);
    (doc, customers_id, orders_id)
}

#[test]
fn adding_a_table_assigns_fresh_ids_and_keeps_internal_references() {
    let (doc, customers, orders) = two_tables();
    assert_ne!(customers, orders);
    let orders = doc.table(orders).unwrap();
    let fk = &orders.foreign_keys[0];
    assert_eq!(
        fk.columns,
        vec![orders.column_named("customer_id").unwrap().id]
    );
    assert_eq!(fk.referenced_table, TableRef::Resolved(customers));
    let customer_pk = doc.table(customers).unwrap().primary_key.clone().unwrap();
    assert_eq!(
        customer_pk.columns,
        vec![doc.table(customers).unwrap().columns[0].id]
    );
}

#[test]
fn a_table_referenced_by_a_foreign_key_cannot_be_removed() {
    let (mut doc, customers, orders) = two_tables();
    let before = doc.clone();
    let err = apply(&mut doc, Edit::RemoveTable(customers)).unwrap_err();
    assert!(err.to_string().contains("orders_customer_fk"), "{err}");
    assert!(err.to_string().contains("table orders"), "{err}");
    assert_eq!(doc, before);
    // Removing the referencing table first works.
    apply(&mut doc, Edit::RemoveTable(orders)).unwrap();
    apply(&mut doc, Edit::RemoveTable(customers)).unwrap();
    assert!(doc.tables.is_empty());
}

#[test]
fn a_column_used_by_a_key_cannot_be_removed() {
    let (mut doc, customers, orders) = two_tables();
    let pk_column = doc.table(customers).unwrap().columns[0].id;
    let err = apply(
        &mut doc,
        Edit::Table {
            table: customers,
            change: TableChange::RemoveColumn(pk_column),
        },
    )
    .unwrap_err();
    assert!(matches!(err, EditError::InUse { .. }), "{err}");
    let fk_column = doc.table(orders).unwrap().columns[1].id;
    let err = apply(
        &mut doc,
        Edit::Table {
            table: orders,
            change: TableChange::RemoveColumn(fk_column),
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("orders.customer_id"), "{err}");
}

#[test]
fn edits_pointing_at_missing_ids_are_refused() {
    let (mut doc, customers, _) = two_tables();
    let before = doc.clone();
    let missing = TableId(999);
    let err = apply(
        &mut doc,
        Edit::MoveTables(vec![
            (customers, Position::new(5.0, 5.0)),
            (missing, Position::default()),
        ]),
    )
    .unwrap_err();
    assert!(err.to_string().contains("table#999"), "{err}");
    assert_eq!(doc, before, "a partly valid move changes nothing");
    let err = apply(
        &mut doc,
        Edit::Table {
            table: customers,
            change: TableChange::SetPrimaryKey(Some(PrimaryKey {
                id: ConstraintId(0),
                name: None,
                columns: vec![ColumnId(12345)],
            })),
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("not one of its columns"), "{err}");
    assert_eq!(doc, before);
}

#[test]
fn a_failing_batch_leaves_the_document_unchanged() {
    let (mut doc, customers, _) = two_tables();
    let before = doc.clone();
    let err = apply(
        &mut doc,
        Edit::Batch {
            label: "Import".into(),
            edits: vec![
                Edit::Table {
                    table: customers,
                    change: TableChange::Rename(QualifiedName::new("clients")),
                },
                Edit::RemoveTable(TableId(777)),
            ],
        },
    )
    .unwrap_err();
    assert!(matches!(err, EditError::Missing(_)));
    assert_eq!(doc, before);
}

#[test]
fn semantic_problems_are_allowed() {
    let (mut doc, customers, _) = two_tables();
    // A duplicate table name and a column typed with an unknown enum are the validator's job.
    apply(
        &mut doc,
        Edit::AddTable(Table::new(QualifiedName::new("Customers"))),
    )
    .unwrap();
    let mut status = column(
        "status",
        TypeKind::Enum(TypeRef::Unresolved(QualifiedName::new("no_such_enum"))),
    );
    status.nullable = false;
    apply(
        &mut doc,
        Edit::Table {
            table: customers,
            change: TableChange::AddColumn {
                column: status,
                index: None,
            },
        },
    )
    .unwrap();
    assert_eq!(doc.tables.len(), 3);
}

#[test]
fn removing_an_enum_in_use_is_refused_and_removing_a_group_ungroups_tables() {
    let (mut doc, customers, _) = two_tables();
    let enum_id = EnumId(
        apply(
            &mut doc,
            Edit::AddObject(Object::Enum(EnumType {
                id: EnumId(0),
                name: QualifiedName::new("tier"),
                values: vec!["gold".into()],
                comment: None,
                source: None,
            })),
        )
        .unwrap()
        .created[0],
    );
    apply(
        &mut doc,
        Edit::Table {
            table: customers,
            change: TableChange::AddColumn {
                column: column("tier", TypeKind::Enum(TypeRef::Resolved(enum_id))),
                index: Some(1),
            },
        },
    )
    .unwrap();
    let err = apply(&mut doc, Edit::RemoveObject(ObjectId::Enum(enum_id))).unwrap_err();
    assert!(err.to_string().contains("customers.tier"), "{err}");

    let group = GroupId(
        apply(
            &mut doc,
            Edit::AddObject(Object::Group(Group {
                id: GroupId(0),
                name: "CRM".into(),
                color: Color::rgb(1, 2, 3),
                bounded_context: true,
                comment: None,
            })),
        )
        .unwrap()
        .created[0],
    );
    apply(
        &mut doc,
        Edit::Table {
            table: customers,
            change: TableChange::SetGroup(Some(group)),
        },
    )
    .unwrap();
    apply(&mut doc, Edit::RemoveObject(ObjectId::Group(group))).unwrap();
    assert_eq!(doc.table(customers).unwrap().group, None);
}

#[test]
fn labels_name_the_object() {
    let (doc, customers, orders) = two_tables();
    let edit = Edit::MoveTables(vec![(orders, Position::new(1.0, 2.0))]);
    assert_eq!(edit.label(&doc), "Move table orders");
    let edit = Edit::Table {
        table: customers,
        change: TableChange::Rename(QualifiedName::new("clients")),
    };
    assert_eq!(edit.label(&doc), "Rename table customers to clients");
}

#[test]
fn merging_a_document_keeps_its_references_with_fresh_ids() {
    let (mut doc, customers, _) = two_tables();
    let sample = crate::samples::ecommerce().unwrap();
    let created = apply(&mut doc, Edit::Merge(Box::new(sample.clone())))
        .unwrap()
        .created;
    assert_eq!(created.len(), sample.tables.len());
    assert_eq!(doc.tables.len(), 2 + sample.tables.len());
    assert!(doc.table(customers).is_some());
    let merged_orders = doc
        .tables
        .values()
        .filter(|t| t.name.name == "orders")
        .find(|t| created.contains(&t.id.0))
        .unwrap();
    for fk in &merged_orders.foreign_keys {
        let target = doc
            .referenced_table(fk)
            .expect("resolved inside the merged tables");
        assert!(created.contains(&target.id.0));
        for column in &fk.referenced_columns {
            let ColumnRef::Resolved(id) = column else {
                panic!("unresolved")
            };
            assert!(target.column(*id).is_some());
        }
    }
    let status = merged_orders.column_named("status").unwrap();
    let TypeKind::Enum(TypeRef::Resolved(enum_id)) = status.data_type.kind else {
        panic!("enum")
    };
    assert_eq!(doc.enums[&enum_id].name.name, "order_status");
    assert_eq!(doc.groups.len(), sample.groups.len());
    let grouped = merged_orders.group.unwrap();
    assert!(doc.groups.contains_key(&grouped));
}

#[test]
fn renaming_a_column_keeps_everything_else() {
    let mut doc = Document::new();
    let mut table = Table::new(QualifiedName::new("t"));
    let mut column = Column::new("a", DataType::new(TypeKind::Integer));
    column.comment = Some("kept".into());
    table.columns.push(column);
    let created = apply(&mut doc, Edit::AddTable(table)).unwrap();
    let id = TableId(created.created[0]);
    let column = doc.table(id).unwrap().columns[0].id;
    let rename = Edit::Table {
        table: id,
        change: TableChange::RenameColumn {
            column,
            name: "b".into(),
        },
    };
    assert_eq!(rename.label(&doc), "Rename a column of t to b");
    apply(&mut doc, rename).unwrap();
    let renamed = &doc.table(id).unwrap().columns[0];
    assert_eq!(renamed.name, "b");
    assert_eq!(renamed.comment.as_deref(), Some("kept"));
    let missing = Edit::Table {
        table: id,
        change: TableChange::RenameColumn {
            column: ColumnId(9999),
            name: "c".into(),
        },
    };
    assert!(apply(&mut doc, missing).is_err());
}
