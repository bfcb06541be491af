//! `schemata lint` as a CI pipeline runs it: exit codes, formats, SARIF structure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::{Command, Output};

fn lint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_schemata"))
        .arg("lint")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_raw_seed_sql_fails_with_its_real_problems_at_their_lines() {
    let out = lint(&["samples/ecommerce.sql"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("address_type_enum"), "{text}");
    assert!(text.contains("error[dangling-reference]"), "{text}");
    assert!(text.contains("partial unique index"), "{text}");
    assert!(text.contains("samples/ecommerce.sql:"), "{text}");
}

#[test]
fn the_corrected_seed_project_passes_with_warnings_denied() {
    let out = lint(&["samples/ecommerce.schemata", "--deny", "warning"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(!stdout(&out).contains("warning["), "{}", stdout(&out));
}

#[test]
fn deny_levels_decide_the_exit_code() {
    // The raw seed has infos (missing comments) and errors.
    let out = lint(&["samples/ecommerce.sql", "--deny", "info"]);
    assert_eq!(out.status.code(), Some(1));
    let out = lint(&["samples/ecommerce.schemata", "--deny", "info"]);
    let text = stdout(&out);
    let has_info = text.contains("info[");
    assert_eq!(out.status.code(), Some(i32::from(has_info)), "{text}");
    let out = lint(&["samples/ecommerce.sql", "--deny", "fatal"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_lists_findings_with_counts_and_lines() {
    let out = lint(&["samples/ecommerce.sql", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["dialect"], "postgres");
    let findings = value["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    let dangling = findings
        .iter()
        .find(|f| f["rule"] == "dangling-reference")
        .unwrap();
    assert_eq!(dangling["severity"], "error");
    assert!(dangling["line"].as_u64().unwrap() > 1);
    assert!(value["counts"]["error"].as_u64().unwrap() >= 1);
}

#[test]
fn sarif_has_the_structure_code_scanning_expects() {
    let out = lint(&["samples/ecommerce.sql", "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.len() > 40);
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "samples/ecommerce.sql");
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
    }
    // Validate against the schema fixture with Python's jsonschema when available.
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("lint.sarif");
    std::fs::write(&log_path, &out.stdout).unwrap();
    let schema = format!(
        "{}/tests/fixtures/sarif-2.1.0-subset.schema.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let script = "import json,sys,jsonschema\n\
                  schema=json.load(open(sys.argv[1])); log=json.load(open(sys.argv[2]))\n\
                  jsonschema.Draft7Validator.check_schema(schema)\n\
                  jsonschema.validate(log, schema)\n";
    let checked = Command::new("python3")
        .args(["-c", script, &schema, log_path.to_str().unwrap()])
        .output();
    match checked {
        Ok(result) if result.status.success() => {}
        Ok(result) if String::from_utf8_lossy(&result.stderr).contains("No module named") => {
            common::skip_or_fail("SARIF schema validation", "python3-jsonschema is missing");
        }
        Ok(result) => panic!(
            "SARIF does not match the schema: {}",
            String::from_utf8_lossy(&result.stderr)
        ),
        Err(err) => common::skip_or_fail("SARIF schema validation", &err.to_string()),
    }
}

#[test]
fn project_findings_point_at_lines_of_the_project_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("money.schemata");
    let sql = "CREATE TABLE item (id bigint PRIMARY KEY, name text, price double precision);";
    let doc =
        schemata::sql::import_sql(sql, "item.sql", Some(schemata::model::Dialect::Postgres)).doc;
    schemata::project::save(&path, &doc).unwrap();
    let out = lint(&[path.to_str().unwrap(), "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = value["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "money-as-float")
        .unwrap()
        .clone();
    let line = finding["line"].as_u64().unwrap() as usize;
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text.lines().nth(line - 1).unwrap();
    assert!(at.contains("\"price\""), "{at}");
}

#[test]
fn rules_can_be_listed() {
    let out = lint(&["--list-rules"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.lines().count() >= 40, "{text}");
    assert!(text.contains("table-missing-primary-key"));
}

/// docs/rules.md carries the generated rule table; `UPDATE_DOCS=1` rewrites it.
#[test]
fn the_documented_rule_table_is_current() {
    let path = format!("{}/docs/rules.md", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let (start, end) = ("<!-- rules:start -->\n", "<!-- rules:end -->");
    let from = text.find(start).unwrap() + start.len();
    let to = text.find(end).unwrap();
    let table = schemata::cli::lint::rule_list(true);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        let updated = format!("{}{table}{}", &text[..from], &text[to..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert_eq!(
        &text[from..to],
        table,
        "docs/rules.md is out of date: run UPDATE_DOCS=1 cargo test --test lint_cli"
    );
}
