//! `money-as-float`: a floating-point column whose name says it holds money or a quantity.

use crate::model::{Table, TypeKind};
use crate::rules::types::edits::{own_type, retype, shown, with_kind};
use crate::rules::util::{TypeFamily, family, glob_match};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "money-as-float",
    category: Category::Types,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A float, real or double column holds money or quantities.",
    help: "Binary floating point cannot represent most decimal fractions: 0.1 + 0.2 is not 0.3, \
           sums drift and comparisons fail. Amounts, prices, fees and quantities belong in an \
           exact decimal type such as numeric(19,4) (on SQLite, consider integer minor units). \
           Names that also mention a physical measure (weight, distance, duration, ...) are \
           not reported.",
    options: &[RuleOption {
        name: "moneyNames",
        default: "price,amount,cost,total,balance,fee,qty",
        help: "comma-separated words that mark money or quantity columns; a word matches one part \
               of the name (unit_price, totalAmount, subtotal), a * pattern the whole name",
    }],
};

/// Name parts that say the column measures something physical, not money.
const MEASURES: &[&str] = &[
    "weight",
    "distance",
    "duration",
    "time",
    "seconds",
    "minutes",
    "hours",
    "percent",
    "percentage",
    "pct",
    "ratio",
    "score",
    "size",
    "length",
    "height",
    "width",
    "area",
    "volume",
    "mass",
    "km",
    "miles",
    "lat",
    "latitude",
    "lon",
    "lng",
    "longitude",
];

/// The rule.
pub struct MoneyAsFloat;

impl Rule for MoneyAsFloat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let mut words: Option<&[String]> = None;
        for column in &table.columns {
            if family(ctx.doc, &column.data_type) != TypeFamily::Float {
                continue;
            }
            let words = words.get_or_insert_with(|| ctx.option_list(&META, "moneyNames"));
            if !is_money_name(&column.name, words) {
                continue;
            }
            let finding = out.report(
                Subject::Column(table.id, column.id),
                format!(
                    "{} is a floating-point {} but its name says money or quantity",
                    ctx.column_label(table, column),
                    shown(&column.data_type)
                ),
            );
            if own_type(column) {
                let exact = with_kind(
                    &column.data_type,
                    TypeKind::Decimal {
                        precision: Some(19),
                        scale: Some(4),
                    },
                );
                finding.with_fix(Fix::batch(
                    "Use numeric(19,4)",
                    vec![retype(table, column, exact)],
                ));
            }
        }
    }
}

/// The parts of a name: split at non-alphanumerics and lower-to-upper case changes,
/// lower-cased.
fn parts(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_lowercase() || c.is_numeric();
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn part_matches(part: &str, word: &str) -> bool {
    let stem = part
        .strip_suffix("es")
        .filter(|s| s.ends_with(word))
        .or_else(|| part.strip_suffix('s'))
        .unwrap_or(part);
    stem == word || part == word || (word.len() >= 5 && stem.ends_with(word))
}

/// Whether a column name matches one of the money words and mentions no physical measure.
fn is_money_name(name: &str, words: &[String]) -> bool {
    let parts = parts(name);
    if parts.iter().any(|p| MEASURES.contains(&p.as_str())) {
        return false;
    }
    words.iter().any(|word| {
        if word.contains(['*', '?']) {
            glob_match(word, name)
        } else {
            parts.iter().any(|p| part_matches(p, word))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dialect, TypeKind};
    use crate::rules::testing::*;

    const RULE: &str = "money-as-float";

    fn defaults() -> Vec<String> {
        ["price", "amount", "cost", "total", "balance", "fee", "qty"]
            .iter()
            .map(|w| (*w).to_owned())
            .collect()
    }

    #[test]
    fn names_match_by_part() {
        let words = defaults();
        for name in [
            "price",
            "unit_price",
            "totalAmount",
            "subtotal",
            "fees",
            "QTY",
            "prices",
        ] {
            assert!(is_money_name(name, &words), "{name}");
        }
        for name in [
            "coffee",
            "costume",
            "total_weight",
            "priority",
            "lat",
            "feet",
        ] {
            assert!(!is_money_name(name, &words), "{name}");
        }
    }

    #[test]
    fn fires_on_a_float_price_and_makes_it_numeric() {
        let doc = pg(
            "CREATE TABLE item (id int PRIMARY KEY, unit_price double precision, \
                      weight real, total numeric(10,2));",
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "item.unit_price is a floating-point double but its name says money or quantity"
        );
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(
            table.column_named("unit_price").unwrap().data_type.kind,
            TypeKind::Decimal {
                precision: Some(19),
                scale: Some(4)
            }
        );
    }

    #[test]
    fn silent_on_exact_types_and_measures() {
        silent(
            &pg("CREATE TABLE item (price numeric(12,2), total_distance float8, ratio real);"),
            RULE,
        );
    }

    #[test]
    fn reads_mysql_floats_and_custom_words() {
        let doc = model(
            "CREATE TABLE t (`Amount` FLOAT, tax DOUBLE);",
            Dialect::Mysql,
        );
        assert_eq!(fires(&doc, RULE).len(), 1);
        let mut custom = doc.clone();
        custom
            .lint
            .rule_mut(RULE)
            .options
            .insert("moneyNames".into(), "tax".into());
        let found = fires(&custom, RULE);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.starts_with("t.tax "),
            "{}",
            found[0].message
        );
    }
}
