//! SQL: importing DDL into the model (and, later, writing it back out). The SQL parser's
//! syntax tree stays inside [`import`]; everything else works with the model.

pub mod canonical;
pub mod decode;
pub mod export;
pub mod import;
pub mod types;

pub use import::{
    Diagnostic, ImportProgress, Imported, Severity, import_sql, import_sql_with_progress,
};
