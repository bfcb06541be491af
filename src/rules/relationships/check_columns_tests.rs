use super::*;
use crate::model::{Column, DataType, QualifiedName, TypeKind};

fn table(columns: &[&str]) -> Table {
    let mut table = Table::new(QualifiedName::new("t"));
    for name in columns {
        table
            .columns
            .push(Column::new(*name, DataType::new(TypeKind::Text)));
    }
    table
}

#[test]
fn finds_only_unknown_column_names() {
    let t = table(&["email", "phone", "starts", "ends", "Total"]);
    for ok in [
        "email ~* '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$'",
        "phone IS NULL OR phone ~* '^\\+?[1-9]\\d{1,14}$'",
        "ends > starts + interval '1 day' AND date_part('year', starts) >= 2000",
        "(\"Total\")::numeric(10,2) >= 0::double precision",
        "[email] like N'%@%' AND datediff(day, [starts], getdate()) < 10",
        "CAST(email AS character varying) <> '' AND t.email IS NOT NULL",
        "EXTRACT(YEAR FROM starts) > 1990 AND ends IS DISTINCT FROM starts",
        "email COLLATE \"C\" = lower(email) AND starts < DATE '2100-01-01'",
        "convert(int, phone) > 0 AND email = ANY (ARRAY['a'::text, 'b'::text])",
    ] {
        assert!(
            missing_columns(&t, ok).is_empty(),
            "{ok}: {:?}",
            missing_columns(&t, ok)
        );
    }
    assert_eq!(
        missing_columns(&t, "amount >= 0 AND email <> ''"),
        ["amount"]
    );
    assert_eq!(
        missing_columns(&t, "\"Amount\" > 0 OR `x` < 1"),
        ["Amount", "x"]
    );
}
