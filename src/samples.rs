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
