//! Tests of `column-type-inconsistent`.
use crate::model::Dialect;
use crate::rules::testing::*;

const RULE: &str = "column-type-inconsistent";

#[test]
fn fires_on_the_odd_type_out_and_unifies_it() {
    let doc = pg("CREATE TABLE a (email varchar(255));
                  CREATE TABLE b (email varchar(255));
                  CREATE TABLE c (\"Email\" varchar(100));");
    let found = fires(&doc, RULE);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.starts_with("c.Email is varchar(100)"),
        "{}",
        found[0].message
    );
    fix_silences(&doc, RULE);
}

#[test]
fn silent_when_types_agree_or_the_name_is_ignored() {
    silent(
        &pg("CREATE TABLE a (email text); CREATE TABLE b (email text);"),
        RULE,
    );
    let mut doc = pg("CREATE TABLE a (code text); CREATE TABLE b (code int);");
    doc.lint
        .rule_mut(RULE)
        .options
        .insert("ignore".into(), "co*".into());
    silent(&doc, RULE);
}

#[test]
fn equivalent_spellings_agree() {
    silent(
        &pg("CREATE TABLE a (updated_at timestamp(6));
             CREATE TABLE b (updated_at timestamp);
             CREATE TABLE c (updated_at timestamp without time zone);"),
        RULE,
    );
    // SQLite compares affinities: a length means nothing there.
    silent(
        &model(
            "CREATE TABLE a (Title varchar(200));
             CREATE TABLE b (Title varchar(120));
             CREATE TABLE c (Title TEXT);",
            Dialect::Sqlite,
        ),
        RULE,
    );
    let found = fires(
        &model(
            "CREATE TABLE a (ref INTEGER); CREATE TABLE b (ref INTEGER);
             CREATE TABLE c (ref TEXT);",
            Dialect::Sqlite,
        ),
        RULE,
    );
    assert_eq!(
        found[0].message,
        "c.ref is text, but 2 other table(s) have ref as integer"
    );
    assert!(found[0].fix.is_none());
}

#[test]
fn a_fix_never_shortens_a_column() {
    let doc = pg(
        "CREATE TABLE a (email varchar(255)); CREATE TABLE b (email varchar(255));
                  CREATE TABLE c (email varchar(2048)); CREATE TABLE d (email varchar(100));",
    );
    let found = fires(&doc, RULE);
    assert_eq!(found.len(), 2);
    let long = found.iter().find(|f| f.message.starts_with("c.")).unwrap();
    assert!(
        long.fix.is_none(),
        "{:?}",
        long.fix.as_ref().map(|f| &f.label)
    );
    let short = found.iter().find(|f| f.message.starts_with("d.")).unwrap();
    assert_eq!(
        short.fix.as_ref().unwrap().label,
        "Change the type to varchar(255)"
    );
    // On a tie the wider type is the common one.
    let tie = pg("CREATE TABLE a (email varchar(50)); CREATE TABLE b (email text);");
    let found = fires(&tie, RULE);
    assert_eq!(
        found[0].message,
        "a.email is varchar(50), but 1 other table(s) have email as text"
    );
    fix_silences(&tie, RULE);
}

#[test]
fn types_are_named_as_the_dialect_writes_them() {
    let found = fires(
        &model(
            "CREATE TABLE a (StartDate date); CREATE TABLE b (StartDate [datetime]);
             CREATE TABLE c (StartDate datetime);",
            Dialect::Mssql,
        ),
        RULE,
    );
    assert_eq!(
        found[0].message,
        "a.StartDate is date, but 2 other table(s) have StartDate as datetime"
    );
    assert_eq!(
        found[0].fix.as_ref().unwrap().label,
        "Change the type to datetime"
    );
    let found = fires(
        &model(
            "CREATE TABLE a (created datetime(6)); CREATE TABLE b (created date);
             CREATE TABLE c (created date);",
            Dialect::Mysql,
        ),
        RULE,
    );
    assert_eq!(
        found[0].message,
        "a.created is datetime(6), but 2 other table(s) have created as date"
    );
    assert!(found[0].fix.is_none());
}

#[test]
fn computed_typeless_generic_and_derived_columns_are_left_out() {
    silent(
        &model(
            "CREATE TABLE a (FullName AS (First + Last), First nvarchar(50), Last nvarchar(50));
             CREATE TABLE b (FullName nvarchar(101));",
            Dialect::Mssql,
        ),
        RULE,
    );
    silent(
        &model(
            "CREATE TABLE events (event_id TEXT NOT NULL, room_id TEXT);
             CREATE TABLE rooms (room_id TEXT);
             CREATE VIRTUAL TABLE event_search USING fts4 (event_id, room_id, value);",
            Dialect::Sqlite,
        ),
        RULE,
    );
    silent(
        &pg("CREATE TABLE a (name varchar(50), \"VERSION_\" integer);
             CREATE TABLE b (name text, \"VERSION_\" bigint);"),
        RULE,
    );
    silent(
        &pg(
            "CREATE TABLE a (amount numeric(10,2), paid date) PARTITION BY RANGE (paid);
             CREATE TABLE a_2026 (amount numeric(12,2), paid date);
             ALTER TABLE a ATTACH PARTITION a_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
             CREATE TABLE b (amount numeric(10,2));
             CREATE TABLE c (name text) ;
             CREATE TABLE c_old (amount real) INHERITS (c);",
        ),
        RULE,
    );
}
