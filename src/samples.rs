//! Samples bundled with the program.

/// The e-commerce model from the architect's brief, as a project file.
pub const ECOMMERCE_PROJECT: &str = include_str!("../samples/ecommerce.schemata");

/// The file name the bundled sample is shown under.
pub const ECOMMERCE_NAME: &str = "ecommerce.schemata";

/// The e-commerce model as a document.
pub fn ecommerce() -> Result<crate::model::Document, crate::project::ProjectError> {
    crate::project::from_text(ECOMMERCE_PROJECT)
}

/// A pg_dump-like file for tests and benchmarks: `tables` tables, then about `megabytes` of
/// COPY data, then primary keys and foreign keys added with ALTER TABLE.
pub fn generated_dump(tables: usize, megabytes: usize) -> String {
    use std::fmt::Write;
    let mut sql = String::from("--\n-- PostgreSQL database dump\n--\nSET statement_timeout = 0;\n");
    for i in 0..tables {
        let _ = write!(
            sql,
            "CREATE TABLE public.t{i} (\n    id bigint NOT NULL,\n    parent_id bigint,\n    name character varying(80) NOT NULL,\n    note text,\n    created timestamp with time zone DEFAULT now() NOT NULL\n);\n\n"
        );
    }
    let rows_per_table = (megabytes * 1_000_000) / tables.max(1) / 50 + 1;
    for i in 0..tables {
        let _ = writeln!(
            sql,
            "COPY public.t{i} (id, parent_id, name, note, created) FROM stdin;"
        );
        for row in 0..rows_per_table {
            let _ = writeln!(
                sql,
                "{row}\t\\N\tname {row}; it's\tsome note\t2024-01-01 00:00:00+00"
            );
        }
        sql.push_str("\\.\n\n");
    }
    for i in 0..tables {
        let _ = write!(
            sql,
            "ALTER TABLE ONLY public.t{i}\n    ADD CONSTRAINT t{i}_pkey PRIMARY KEY (id);\n\n"
        );
        if i > 0 {
            let _ = write!(
                sql,
                "ALTER TABLE ONLY public.t{i}\n    ADD CONSTRAINT t{i}_parent_fkey FOREIGN KEY (parent_id) REFERENCES public.t{}(id);\n\n",
                i / 2
            );
        }
    }
    sql
}

/// A schema-only file of `tables` tables, each with a primary key and a foreign key.
pub fn generated_schema(tables: usize) -> String {
    use std::fmt::Write;
    let mut sql = String::new();
    for i in 0..tables {
        let _ = writeln!(
            sql,
            "CREATE TABLE t{i} (id integer PRIMARY KEY, parent integer REFERENCES t{} (id), label varchar(40) NOT NULL, created timestamp);",
            i / 3
        );
    }
    sql
}

/// A schema shaped like a real design, for validation benchmarks: `tables` tables of ten
/// columns each with word names (`retail_invoice`, `customer_id`, ...), an identity key, one
/// or two foreign keys named after their targets (about 1.5 per table) with an index each,
/// columns drawn from a pool of common names (each name always with the same type), and a
/// comment on most tables.
pub fn design_schema(tables: usize) -> String {
    use std::fmt::Write;
    const QUALIFIERS: [&str; 25] = [
        "retail",
        "online",
        "partner",
        "internal",
        "regional",
        "archived",
        "pending",
        "daily",
        "vendor",
        "supplier",
        "warehouse",
        "store",
        "customer",
        "employee",
        "project",
        "billing",
        "shipping",
        "support",
        "marketing",
        "finance",
        "payroll",
        "inventory",
        "catalog",
        "loyalty",
        "audit",
    ];
    const NOUNS: [&str; 40] = [
        "account", "invoice", "payment", "shipment", "order", "product", "category", "review",
        "ticket", "message", "contract", "address", "contact", "campaign", "coupon", "voucher",
        "budget", "expense", "receipt", "refund", "transfer", "ledger", "journal", "asset",
        "device", "license", "policy", "claim", "visit", "booking", "route", "vehicle", "driver",
        "parcel", "batch", "lot", "quote", "tariff", "region", "channel",
    ];
    const POOL: [&str; 24] = [
        "title varchar(200) NOT NULL",
        "reference_code varchar(40) NOT NULL UNIQUE",
        "amount numeric(12,2) NOT NULL DEFAULT 0",
        "currency char(3) NOT NULL DEFAULT 'EUR'",
        "status text NOT NULL DEFAULT 'new'",
        "notes text",
        "quantity integer NOT NULL DEFAULT 1",
        "valid_from date",
        "valid_until date",
        "email varchar(254)",
        "phone varchar(32)",
        "is_active boolean NOT NULL DEFAULT true",
        "weight_kg numeric(10,3)",
        "priority smallint NOT NULL DEFAULT 0",
        "external_ref uuid",
        "attributes jsonb",
        "approved_at timestamptz",
        "country_code varchar(2)",
        "description text",
        "sequence_no integer",
        "score numeric(5,2)",
        "url text",
        "created_at timestamptz NOT NULL DEFAULT now()",
        "updated_at timestamptz NOT NULL DEFAULT now()",
    ];
    let name = |i: usize| {
        let noun = NOUNS[i % NOUNS.len()];
        let qualifier = QUALIFIERS[(i / NOUNS.len()) % QUALIFIERS.len()];
        match i / (NOUNS.len() * QUALIFIERS.len()) {
            0 => format!("{qualifier}_{noun}"),
            round => format!(
                "{qualifier}_{noun}_{}",
                ["east", "west", "north"][round % 3]
            ),
        }
    };
    let mut sql = String::new();
    for i in 0..tables {
        let table = name(i);
        let mut columns = vec!["id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY".to_owned()];
        let mut references = Vec::new();
        if i > 0 {
            references.push(name(i / 3));
        }
        if i > 1 && i % 2 == 0 {
            let other = name((i * 7 + 3) % i);
            if !references.contains(&other) {
                references.push(other);
            }
        }
        for target in &references {
            columns.push(format!(
                "{target}_id bigint NOT NULL REFERENCES {target} (id)"
            ));
        }
        let mut pick = i * 7;
        while columns.len() < 10 {
            let column = POOL[pick % POOL.len()];
            if !columns.iter().any(|c| c == column) {
                columns.push(column.to_owned());
            }
            pick += 5;
        }
        let _ = writeln!(
            sql,
            "CREATE TABLE {table} (\n  {}\n);",
            columns.join(",\n  ")
        );
        for target in &references {
            let _ = writeln!(sql, "CREATE INDEX ON {table} ({target}_id);");
        }
        if i % 4 != 3 {
            let _ = writeln!(sql, "COMMENT ON TABLE {table} IS 'Generated table {i}';");
        }
    }
    sql
}
