//! Building a design on the canvas and in the inspector, with mouse and keyboard only.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use schemata::app::{Command, Dialog, SchemataApp};
use schemata::model::{Document, QualifiedName, TableId};

fn harness(app: SchemataApp) -> Harness<'static, SchemataApp> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_step_dt(1.0 / 30.0)
        .build_ui_state(|ui, app: &mut SchemataApp| app.show(ui), app)
}

fn table_id(app: &SchemataApp, name: &str) -> TableId {
    app.doc()
        .table_named(&QualifiedName::new(name))
        .map(|t| t.id)
        .unwrap_or_else(|| panic!("table {name} missing"))
}

fn undo(h: &mut Harness<'_, SchemataApp>) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
}

#[test]
fn double_click_creates_a_table_that_is_renamed_and_given_columns() {
    let mut h = harness(SchemataApp::new(Document::new(), None));
    let canvas = h.get_by_label("Diagram canvas");
    canvas.click();
    h.step();
    h.get_by_label("Diagram canvas").click();
    h.run();
    assert_eq!(
        h.state().doc().tables.len(),
        1,
        "a double-click creates a table"
    );
    let id = table_id(h.state(), "table");
    assert_eq!(
        h.state().selection.iter().copied().collect::<Vec<_>>(),
        vec![id]
    );
    // The new table's name field has the keyboard: typing renames it, as one undo step.
    let name = h.get_by_label("Table name");
    assert!(name.is_focused());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label("Table name").type_text("invoices");
    h.run();
    assert!(
        h.state()
            .doc()
            .table_named(&QualifiedName::new("invoices"))
            .is_some()
    );
    // The whole typing burst is one step: one undo brings the old name back, one redo the new.
    undo(&mut h);
    assert!(
        h.state()
            .doc()
            .table_named(&QualifiedName::new("table"))
            .is_some()
    );
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert!(
        h.state()
            .doc()
            .table_named(&QualifiedName::new("invoices"))
            .is_some()
    );
    for _ in 0..2 {
        h.get_by_label("Add column").click();
        h.run();
    }
    let table = h.state().doc().table(id).unwrap().clone();
    let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["id", "column_2", "column_3"]);
    // Type and nullability from the inspector.
    h.get_by_label("Type of column column_2").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Type of column column_2")
        .type_text("numeric(10,2)");
    h.run();
    let column = h.state().doc().table(id).unwrap().columns[1].clone();
    assert_eq!(
        h.state().doc().type_display(&column.data_type),
        "numeric(10,2)"
    );
    // Escape leaves the text field; undo then walks back to the empty document.
    h.key_press(egui::Key::Escape);
    h.run();
    for _ in 0..10 {
        undo(&mut h);
    }
    assert!(h.state().doc().tables.is_empty());
}

#[test]
fn box_selection_and_delete_with_confirmation_then_undo() {
    let mut h = harness(SchemataApp::with_sample());
    let before = h.state().doc().clone();
    let orders = h.get_by_label("Table orders").rect();
    let items = h.get_by_label("Table order_items").rect();
    let area = orders.union(items);
    let start = area.left_top() - egui::vec2(8.0, 8.0);
    let end = area.right_bottom() + egui::vec2(8.0, 8.0);
    h.drag_at(start);
    h.hover_at(start + (end - start) * 0.5);
    h.hover_at(end);
    h.drop_at(end);
    h.run();
    let selected: Vec<TableId> = h.state().selection.iter().copied().collect();
    let mut expected = vec![
        table_id(h.state(), "orders"),
        table_id(h.state(), "order_items"),
    ];
    expected.sort();
    assert_eq!(selected, expected);
    h.key_press(egui::Key::Delete);
    h.run();
    // Nothing else references orders or order_items: no question asked.
    assert!(h.state().dialog.is_none());
    assert_eq!(h.state().doc().tables.len(), 4);
    undo(&mut h);
    assert_eq!(h.state().doc(), &before);

    // customers is referenced by addresses and orders: the user is asked first.
    h.get_by_label("Table customers").click();
    h.run();
    h.key_press(egui::Key::Delete);
    h.run();
    assert!(matches!(
        h.state().dialog,
        Some(Dialog::ConfirmDelete { .. })
    ));
    h.get_by_label("Delete").click();
    h.run();
    assert!(
        h.state()
            .doc()
            .table_named(&QualifiedName::new("customers"))
            .is_none()
    );
    let orders = h
        .state()
        .doc()
        .table(table_id(h.state(), "orders"))
        .unwrap();
    assert_eq!(
        orders.foreign_keys.len(),
        2,
        "the key to customers went with it"
    );
    undo(&mut h);
    assert_eq!(h.state().doc(), &before);
}

#[test]
fn copy_and_paste_tables_as_sql() {
    let mut h = harness(SchemataApp::with_sample());
    h.get_by_label("Table orders").click();
    h.run();
    let sql = h.state().selection_as_sql().unwrap();
    assert!(sql.contains("CREATE TABLE orders"), "{sql}");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::C);
    h.run();
    assert!(h.state().status.starts_with("Copied 1 table"));
    h.event(egui::Event::Paste(sql));
    h.run();
    let copy = table_id(h.state(), "orders_2");
    assert_eq!(
        h.state().selection.iter().copied().collect::<Vec<_>>(),
        vec![copy]
    );
    let copy = h.state().doc().table(copy).unwrap();
    assert_eq!(copy.columns.len(), 12);
    assert_eq!(
        copy.foreign_keys.len(),
        3,
        "its keys still point at customers and addresses"
    );
    // Duplicate does both at once.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::D);
    h.run();
    assert!(
        h.state()
            .doc()
            .table_named(&QualifiedName::new("orders_3"))
            .is_some()
    );
}

#[test]
fn arrow_keys_nudge_the_selection_in_one_step() {
    let mut h = harness(SchemataApp::with_sample());
    h.get_by_label("Table products").click();
    h.run();
    let id = table_id(h.state(), "products");
    let start = h.state().doc().table(id).unwrap().position;
    h.key_press(egui::Key::ArrowRight);
    h.key_press(egui::Key::ArrowRight);
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowDown);
    h.run();
    let end = h.state().doc().table(id).unwrap().position;
    assert_eq!((end.x - start.x, end.y - start.y), (2.0, 10.0));
    undo(&mut h);
    assert_eq!(h.state().doc().table(id).unwrap().position, start);
    h.state_mut().queue(Command::Select(Default::default()));
    h.run();
}

#[test]
fn the_inspector_adds_references_indexes_and_checks() {
    let mut h = harness(SchemataApp::with_sample());
    h.get_by_label("Table products").click();
    h.run();
    let products = table_id(h.state(), "products");
    let before = h.state().doc().table(products).unwrap().clone();
    h.get_by_label("Add a reference to a table").click();
    h.run();
    h.get_by_label("customers").click();
    h.run();
    let after = h.state().doc().table(products).unwrap().clone();
    assert_eq!(after.columns.len(), before.columns.len() + 1);
    assert_eq!(after.columns.last().unwrap().name, "customer_id");
    assert_eq!(after.foreign_keys.len(), before.foreign_keys.len() + 1);
    assert_eq!(
        h.state().history.undo_label(),
        Some("Reference customers from products")
    );
    h.get_by_label("Add an index on a column").scroll_to_me();
    h.run();
    h.get_by_label("Add an index on a column").click();
    h.run();
    h.get_by_label("sku").click();
    h.run();
    let index_count = h.state().doc().table(products).unwrap().indexes.len();
    assert_eq!(index_count, before.indexes.len() + 1);
    h.get_by_label("Add check").click_accesskit();
    h.run();
    assert_eq!(
        h.state().doc().table(products).unwrap().checks.len(),
        before.checks.len() + 1
    );
    // One undo per action brings the table back.
    for _ in 0..3 {
        undo(&mut h);
    }
    assert_eq!(h.state().doc().table(products).unwrap(), &before);
}

#[test]
fn tables_collapse_to_their_header_and_double_click_renames() {
    let mut h = harness(SchemataApp::with_sample());
    let full = h.get_by_label("Table orders").rect().height();
    h.get_by_label("Table orders").click();
    h.run();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::C,
    );
    h.run();
    let orders = table_id(h.state(), "orders");
    assert!(h.state().doc().table(orders).unwrap().collapsed);
    assert!(h.get_by_label("Table orders").rect().height() < full / 3.0);
    // Saved with the design.
    let text = schemata::project::to_text(h.state().doc());
    assert!(text.contains("collapsed: true"), "{text}");
    let back = schemata::project::from_text(&text).unwrap();
    let reread = back.table_named(&QualifiedName::new("orders")).unwrap();
    assert!(reread.collapsed);
    undo(&mut h);
    assert!(!h.state().doc().table(orders).unwrap().collapsed);

    // A double-click on a table renames it in place: type, Enter.
    h.get_by_label("Diagram canvas").hover();
    let products = h.get_by_label("Table products");
    products.click();
    h.step();
    h.get_by_label("Table products").click();
    h.run();
    let field = h.get_by_label("New name of table products");
    assert!(field.is_focused());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("New name of table products")
        .type_text("articles");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        h.state()
            .doc()
            .table_named(&QualifiedName::new("articles"))
            .is_some()
    );
    assert_eq!(
        h.state().history.undo_label(),
        Some("Rename table products to articles")
    );
    // F2 does the same; Escape keeps the name.
    h.key_press(egui::Key::F2);
    h.run();
    h.get_by_label("New name of table articles")
        .type_text("zzz");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(
        h.state()
            .doc()
            .table_named(&QualifiedName::new("articles"))
            .is_some()
    );
    assert!(h.state().canvas.renaming.is_none());
}

#[test]
fn dragging_a_column_grip_reorders_the_column() {
    let mut h = harness(SchemataApp::with_sample());
    let zoom = h.state().canvas.viewport.zoom;
    let table = h.get_by_label("Table orders").rect();
    // The grip sits left of the column names; row 1 is order_number.
    let grip = |row: f32| {
        egui::pos2(
            table.min.x + 14.0 * zoom,
            table.min.y + (28.0 + 20.0 * (row + 0.5)) * zoom,
        )
    };
    h.drag_at(grip(1.0));
    h.hover_at(grip(2.0));
    h.hover_at(grip(4.0));
    h.drop_at(grip(4.0));
    h.run();
    let orders = table_id(h.state(), "orders");
    let names: Vec<String> = h
        .state()
        .doc()
        .table(orders)
        .unwrap()
        .columns
        .iter()
        .map(|c| c.name.clone())
        .collect();
    assert_eq!(names[4], "order_number", "{names:?}");
    assert_eq!(names[1], "customer_id", "{names:?}");
    // The table itself did not move, and one undo restores the order.
    undo(&mut h);
    let first = h.state().doc().table(orders).unwrap().columns[1]
        .name
        .clone();
    assert_eq!(first, "order_number");
}

#[test]
fn foreign_key_columns_and_index_columns_are_chosen_from_lists() {
    let mut h = harness(SchemataApp::with_sample());
    h.get_by_label("Table order_items").click();
    h.run();
    let items = table_id(h.state(), "order_items");
    let before = h.state().doc().table(items).unwrap().clone();
    // order_items.order_id references orders(id): point it at product_id instead.
    let combo = h.get_all_by_label("references").next().unwrap();
    combo.scroll_to_me();
    h.run();
    h.get_all_by_label("references")
        .next()
        .unwrap()
        .click_accesskit();
    h.run();
    h.get_all_by_label("product_id")
        .last()
        .unwrap()
        .click_accesskit();
    h.run();
    let after = h.state().doc().table(items).unwrap().clone();
    let product_id = after.column_named("product_id").unwrap().id;
    assert!(
        after
            .foreign_keys
            .iter()
            .filter(|fk| fk.columns == [product_id])
            .count()
            >= 1,
        "{:?}",
        after.foreign_keys
    );
    undo(&mut h);
    assert_eq!(h.state().doc().table(items).unwrap(), &before);
}

#[test]
fn table_options_and_column_pairs_from_the_inspector() {
    let mut h = harness(SchemataApp::with_sample());
    h.get_by_label("Table addresses").click();
    h.run();
    let addresses = table_id(h.state(), "addresses");
    h.get_by_label("Add option").click_accesskit();
    h.run();
    let options = h.state().doc().table(addresses).unwrap().options.0.clone();
    assert_eq!(options.keys().collect::<Vec<_>>(), ["option_1"]);
    h.get_by_label("Value of option option_1").focus();
    h.run();
    h.get_by_label("Value of option option_1")
        .type_text("InnoDB");
    h.run();
    let options = h.state().doc().table(addresses).unwrap().options.0.clone();
    assert_eq!(options.get("option_1").map(String::as_str), Some("InnoDB"));
    h.get_by_label("Add a reference to a table").scroll_to_me();
    h.run();
    h.get_by_label("Add column pair to customers")
        .click_accesskit();
    h.run();
    let fk = &h.state().doc().table(addresses).unwrap().foreign_keys[0];
    assert_eq!(fk.columns.len(), 2);
    assert_eq!(fk.referenced_columns.len(), 2);
}

#[test]
fn a_foreign_key_can_point_at_another_table() {
    let mut h = harness(SchemataApp::with_sample());
    h.get_by_label("Table order_items").click();
    h.run();
    let items = table_id(h.state(), "order_items");
    let products = table_id(h.state(), "products");
    h.get_all_by_label("target table")
        .next()
        .unwrap()
        .scroll_to_me();
    h.run();
    h.get_all_by_label("target table")
        .next()
        .unwrap()
        .click_accesskit();
    h.run();
    h.get_all_by_label("products")
        .last()
        .unwrap()
        .click_accesskit();
    h.run();
    let table = h.state().doc().table(items).unwrap();
    let to_products = table
        .foreign_keys
        .iter()
        .filter(|fk| fk.referenced_table == schemata::model::TableRef::Resolved(products))
        .count();
    assert_eq!(to_products, 2, "{:?}", table.foreign_keys);
}
