use crate::rules::testing::*;

const RULE: &str = "implied-fk-missing";

#[test]
fn fires_on_a_column_named_after_a_table_and_adds_the_key() {
    let doc = pg("CREATE TABLE categories (id bigint PRIMARY KEY);
                  CREATE TABLE product (id bigint PRIMARY KEY, category_id bigint,
                                        name text);");
    let found = fires(&doc, RULE);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "product.category_id looks like a reference to categories.id but has no foreign key"
    );
    let fixed = fix_silences(&doc, RULE);
    let product = fixed
        .tables
        .values()
        .find(|t| t.name.name == "product")
        .unwrap();
    assert_eq!(product.foreign_keys.len(), 1);
}

#[test]
fn matches_key_column_names_too() {
    let doc = pg("CREATE TABLE staff (emp_no int PRIMARY KEY);
                  CREATE TABLE salary (emp_no int, amount int);");
    let found = fires(&doc, RULE);
    assert!(
        found[0]
            .message
            .starts_with("salary.emp_no looks like a reference to staff.emp_no")
    );
}

#[test]
fn silent_with_a_key_another_type_or_no_such_table() {
    silent(
        &pg("CREATE TABLE customer (id bigint PRIMARY KEY);
             CREATE TABLE orders (id bigint PRIMARY KEY,
               customer_id bigint REFERENCES customer(id), parent_id bigint);"),
        RULE,
    );
    silent(
        &pg("CREATE TABLE customer (id bigint PRIMARY KEY);
             CREATE TABLE orders (id bigint PRIMARY KEY, customer_id text);"),
        RULE,
    );
}

#[test]
fn extensions_own_keys_archives_and_ambiguous_keys_are_not_references() {
    silent(
        &pg("CREATE TABLE entity (entity_id serial PRIMARY KEY);
             CREATE TABLE password (entity_id int PRIMARY KEY REFERENCES entity(entity_id));
             CREATE TABLE history (transaction_id serial PRIMARY KEY);
             CREATE TABLE history_archive (transaction_id int PRIMARY KEY);
             CREATE TABLE a (user_id text PRIMARY KEY);
             CREATE TABLE b (user_id text PRIMARY KEY);
             CREATE TABLE c (id int PRIMARY KEY, user_id text);
             CREATE TABLE product (id int PRIMARY KEY);
             CREATE TABLE sale_archive (id int PRIMARY KEY, product_id int);"),
        RULE,
    );
}

#[test]
fn a_table_with_the_name_wins_over_key_names() {
    let doc = pg("CREATE TABLE users (name text PRIMARY KEY);
                  CREATE TABLE presence (user_id text PRIMARY KEY);
                  CREATE TABLE device (id int PRIMARY KEY, user_id text);");
    let found = fires(&doc, RULE);
    assert_eq!(
        found.len(),
        2,
        "{:?}",
        found.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
    assert!(
        found
            .iter()
            .all(|f| f.message.ends_with("users.name but has no foreign key"))
    );
}

#[test]
fn reruns_when_the_target_key_changes() {
    let doc = pg("CREATE TABLE customer (id bigint PRIMARY KEY);
                  CREATE TABLE orders (id bigint PRIMARY KEY, customer_id text);");
    let mut validator = crate::rules::Validator::new(None);
    validator.update(&doc);
    assert!(!validator.findings().any(|f| f.rule == RULE));
    let customer = doc.tables.values().next().unwrap();
    let mut key = customer.columns[0].clone();
    key.data_type = crate::model::DataType::new(crate::model::TypeKind::Text);
    let mut changed = doc.clone();
    crate::model::apply(
        &mut changed,
        crate::model::Edit::Table {
            table: customer.id,
            change: crate::model::TableChange::ReplaceColumn(key),
        },
    )
    .unwrap();
    validator.update(&changed);
    assert_eq!(validator.findings().filter(|f| f.rule == RULE).count(), 1);
}

#[test]
fn silent_across_bounded_contexts() {
    use crate::rules::contexts::testing::group;
    let sql = "CREATE TABLE customers (id bigint PRIMARY KEY);
               CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint);";
    let mut doc = pg(sql);
    group(&mut doc, "Sales", true, &["customers"]);
    group(&mut doc, "Billing", true, &["invoices"]);
    silent(&doc, RULE);
    // Plain groups, or one side outside any context, still get the suggestion.
    let mut doc = pg(sql);
    group(&mut doc, "Sales", false, &["customers"]);
    group(&mut doc, "Billing", true, &["invoices"]);
    fires(&doc, RULE);
    let mut doc = pg(sql);
    group(&mut doc, "Sales", true, &["customers", "invoices"]);
    fires(&doc, RULE);
}

#[test]
fn reruns_when_a_table_moves_into_another_context() {
    use crate::rules::contexts::testing::group;
    let mut doc = pg("CREATE TABLE customers (id bigint PRIMARY KEY);
                      CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint);");
    group(&mut doc, "Sales", true, &["customers"]);
    let mut validator = crate::rules::Validator::new(None);
    validator.update(&doc);
    assert_eq!(validator.findings().filter(|f| f.rule == RULE).count(), 1);
    group(&mut doc, "Billing", true, &["invoices"]);
    validator.update(&doc);
    assert_eq!(validator.findings().filter(|f| f.rule == RULE).count(), 0);
}
