//! `snapshot-columns-hint`: an order line that does not copy the product's price and name.

use crate::model::{Column, DataType, Edit, Table, TableChange, TypeKind};
use crate::rules::naming::inflect::singular_name;
use crate::rules::naming::words::split_words;
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "snapshot-columns-hint",
    category: Category::Modeling,
    severity: Severity::Info,
    enabled: false,
    scope: Scope::Table,
    summary: "An order line has no copy of the product's price and name.",
    help: "A line of an order, invoice or cart records what was sold at what price at that \
           moment. If it only points at the product, changing the product's price or name \
           later rewrites every past order. Copy the values that must not change into the \
           line (unit_price, product_name): deliberate snapshot columns. The fix adds them \
           with the product's types. A line-item table is one with a foreign key to an \
           order-like table (order, invoice, cart, quote, booking...) and one to a \
           product-like table (product, article, item, sku, variant, service, plan). Off by \
           default.",
    options: &[],
};

/// The rule.
pub struct SnapshotColumnsHint;

const HEADERS: [&str; 12] = [
    "order",
    "invoice",
    "cart",
    "basket",
    "quote",
    "quotation",
    "purchase",
    "receipt",
    "bill",
    "booking",
    "reservation",
    "sale",
];
const PRODUCTS: [&str; 9] = [
    "product", "article", "item", "sku", "variant", "service", "plan", "offering", "good",
];

/// Whether a table's name has one of `words` (singular or plural).
fn named_like(table: &Table, words: &[&str]) -> bool {
    split_words(&table.name.name).iter().any(|w| {
        let one = singular_name(w);
        words.contains(&one.as_str())
    })
}

fn is_price(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ["price", "amount", "cost"]
        .iter()
        .any(|w| lower.contains(w))
}

fn is_label(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ["name", "title", "description", "sku", "label"]
        .iter()
        .any(|w| lower.contains(w))
}

impl Rule for SnapshotColumnsHint {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if table.foreign_keys.len() < 2 {
            return;
        }
        let targets: Vec<&Table> = table
            .foreign_keys
            .iter()
            .filter_map(|fk| ctx.doc.referenced_table(fk))
            .filter(|t| t.id != table.id)
            .collect();
        let header = targets.iter().find(|t| named_like(t, &HEADERS));
        let product = targets
            .iter()
            .find(|t| named_like(t, &PRODUCTS) && !named_like(t, &HEADERS));
        let (Some(header), Some(product)) = (header, product) else {
            return;
        };
        let own = |c: &&Column| !table.is_foreign_key_column(c.id);
        let has_price = table.columns.iter().filter(own).any(|c| is_price(&c.name));
        let has_label = table.columns.iter().filter(own).any(|c| is_label(&c.name));
        if has_price && has_label {
            return;
        }
        let product_one = singular_name(&product.name.name);
        let mut missing = Vec::new();
        let mut edits = Vec::new();
        let mut add = |name: String, data_type: DataType| {
            let mut column = Column::new(name.clone(), data_type);
            column.nullable = false;
            missing.push(name);
            edits.push(Edit::Table {
                table: table.id,
                change: TableChange::AddColumn {
                    column,
                    index: None,
                },
            });
        };
        if !has_price {
            let source = product.columns.iter().find(|c| is_price(&c.name));
            let data_type = source.map_or_else(
                || {
                    DataType::new(TypeKind::Decimal {
                        precision: Some(19),
                        scale: Some(4),
                    })
                },
                |c| c.data_type.clone(),
            );
            add("unit_price".to_owned(), data_type);
        }
        if !has_label {
            let source = product.columns.iter().find(|c| {
                c.name.eq_ignore_ascii_case("name") || c.name.eq_ignore_ascii_case("title")
            });
            let data_type = source.map_or_else(
                || DataType::new(TypeKind::Varchar { length: Some(255) }),
                |c| c.data_type.clone(),
            );
            add(format!("{product_one}_name"), data_type);
        }
        let finding = out.report(
            Subject::Table(table.id),
            format!(
                "{} is a line of {} for {} but keeps no copy of its {}: later changes to {} \
                 rewrite past {}",
                ctx.table_label(table),
                ctx.table_label(header),
                ctx.table_label(product),
                match (has_price, has_label) {
                    (false, false) => "price and name",
                    (false, true) => "price",
                    _ => "name",
                },
                ctx.table_label(product),
                ctx.table_label(header),
            ),
        );
        finding.with_fix(Fix::batch(
            format!("Add snapshot columns {}", missing.join(", ")),
            edits,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "snapshot-columns-hint";

    #[test]
    fn order_lines_without_copies_get_them() {
        let doc = pg("CREATE TABLE orders (id int PRIMARY KEY);
            CREATE TABLE products (id int PRIMARY KEY, name varchar(200), base_price numeric(10,2));
            CREATE TABLE order_lines (id int PRIMARY KEY, order_id int REFERENCES orders (id),
              product_id int REFERENCES products (id), quantity int);");
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "order_lines is a line of orders for products but keeps no copy of its price and \
             name: later changes to products rewrite past orders"
        );
        let fixed = fix_silences(&doc, RULE);
        let lines = fixed
            .tables
            .values()
            .find(|t| t.name.name == "order_lines")
            .unwrap();
        let names: Vec<&str> = lines.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names[4..], ["unit_price", "product_name"]);
        assert_eq!(lines.columns[4].data_type.display(), "numeric(10,2)");
    }

    #[test]
    fn the_seed_order_items_already_snapshot() {
        silent(
            &pg("CREATE TABLE orders (id int PRIMARY KEY);
                 CREATE TABLE products (id int PRIMARY KEY, name text);
                 CREATE TABLE order_items (id int PRIMARY KEY, order_id int REFERENCES orders (id),
                   product_id int REFERENCES products (id), unit_price numeric NOT NULL,
                   product_name text NOT NULL, product_sku text NOT NULL);"),
            RULE,
        );
        // Not a line item: no order-like table.
        silent(
            &pg("CREATE TABLE products (id int PRIMARY KEY);
                 CREATE TABLE reviews (id int PRIMARY KEY, product_id int REFERENCES products (id));"),
            RULE,
        );
    }
}
