//! `schemata docs`, run as a user would: the data dictionary of the sample project and of the
//! sample SQL, as HTML and as Markdown.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Output};

fn sample(name: &str) -> String {
    format!("{}/samples/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn docs(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_schemata"))
        .arg("docs")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The page parses as XML, ids are unique, every local link has its target, and it holds
/// the diagram, a heading per table and the problems section.
fn check_page(page: &str) -> HashSet<String> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let parsed = roxmltree::Document::parse_with_options(page, options).unwrap();
    assert_eq!(parsed.root_element().tag_name().name(), "html");
    let mut ids = HashSet::new();
    for node in parsed.descendants().filter(roxmltree::Node::is_element) {
        if let Some(id) = node.attribute("id") {
            assert!(ids.insert(id.to_owned()), "duplicate id {id}");
        }
    }
    for node in parsed.descendants().filter(|n| n.has_tag_name("a")) {
        let href = node.attribute("href").unwrap();
        let target = href.strip_prefix('#').unwrap();
        assert!(ids.contains(target), "link to missing #{target}");
    }
    let svg = parsed.descendants().find(|n| n.has_tag_name("svg"));
    assert!(svg.is_some_and(|s| s.ancestors().any(|a| a.has_tag_name("figure"))));
    assert!(parsed.descendants().any(|n| n.has_tag_name("style")));
    assert!(ids.contains("problems") && ids.contains("contents"));
    ids
}

const TABLES: [&str; 6] = [
    "addresses",
    "categories",
    "customers",
    "order_items",
    "orders",
    "products",
];

#[test]
fn html_dictionary_of_the_sample_project() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("shop.html");
    let run = docs(&[&sample("ecommerce.schemata"), "-o", out.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&run.stderr).contains("shop.html"));
    let page = std::fs::read_to_string(&out).unwrap();
    let ids = check_page(&page);
    for table in TABLES {
        assert!(ids.contains(table), "{table}");
    }
    assert!(ids.contains("subject-area-catalog"));
    assert!(page.contains("<title>ecommerce: data dictionary</title>"));
    assert!(page.contains("6 tables, 63 columns, 8 relationships"));
    assert!(page.contains("Types and design rules for PostgreSQL"));
    // Only the page is written for HTML: the diagram is inside it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn markdown_dictionary_of_the_sample_sql_with_its_diagram_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("shop docs.md");
    docs(&[&sample("ecommerce.sql"), "-o", out.to_str().unwrap()]);
    let md = std::fs::read_to_string(&out).unwrap();
    let svg = std::fs::read_to_string(dir.path().join("shop docs.svg")).unwrap();
    assert!(svg.trim_start().starts_with("<svg") || svg.starts_with("<?xml"));
    assert!(md.contains("![Diagram](shop%20docs.svg)"), "{md}");
    assert!(md.starts_with("# ecommerce: data dictionary\n"));
    for table in TABLES {
        assert!(md.contains(&format!("\n### {table}\n")), "{table}");
        assert!(md.contains(&format!("  - [{table}](#{table})")), "{table}");
    }
    // The imported SQL has findings; they are listed under their tables.
    assert!(md.contains("## Problems\n"));
    assert!(md.contains("### Problems in "), "{md}");
    assert!(md.contains("| Severity | Rule | Object | Message |"));
}

#[test]
fn markdown_of_the_project_and_html_of_the_sql_for_another_dialect() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("p.markdown");
    docs(&[&sample("ecommerce.schemata"), "-o", md.to_str().unwrap()]);
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("- [Catalog](#subject-area-catalog)"));
    assert!(dir.path().join("p.svg").exists());
    let html = dir.path().join("s.htm");
    docs(&[
        &sample("ecommerce.sql"),
        "--from",
        "postgres",
        "--to",
        "mysql",
        "-o",
        html.to_str().unwrap(),
    ]);
    let page = std::fs::read_to_string(&html).unwrap();
    check_page(&page);
    assert!(page.contains("Types and design rules for MySQL / MariaDB"));
    assert!(page.contains("tinyint(1)"), "booleans spelled for MySQL");
}

#[test]
fn an_unknown_extension_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("docs.txt");
    let run = Command::new(env!("CARGO_BIN_EXE_schemata"))
        .args(["docs", &sample("ecommerce.schemata"), "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("use .html or .md"), "{err}");
    assert!(!Path::new(&out).exists());
    let run = Command::new(env!("CARGO_BIN_EXE_schemata"))
        .args(["docs", &sample("ecommerce.schemata")])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2), "-o is required");
}
