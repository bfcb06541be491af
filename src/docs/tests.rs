// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;

use super::*;
use crate::model::Dialect;
use crate::rules::validate;

const HOSTILE: &str = r#"
CREATE TYPE "mood<&>" AS ENUM ('sad|bad', '<b>happy</b>');
CREATE TABLE "<script>alert('x')</script>" (
    "a|b`c" integer PRIMARY KEY,
    "note&" text DEFAULT '<i>|</i>',
    "m" "mood<&>" NOT NULL,
    CONSTRAINT "chk<" CHECK ("a|b`c" > 0 AND "note&" <> '</td>')
);
CREATE TABLE "child ""quoted""" (
    id integer PRIMARY KEY,
    parent integer REFERENCES "<script>alert('x')</script>" ("a|b`c")
);
COMMENT ON TABLE "<script>alert('x')</script>" IS 'first | line
- second <line> & "quotes"';
COMMENT ON COLUMN "child ""quoted""".parent IS '# not a heading | *not bold*';
"#;

fn hostile() -> crate::model::Document {
    let imported = crate::sql::import_sql(HOSTILE, "hostile.sql", Some(Dialect::Postgres));
    assert_eq!(imported.doc.tables.len(), 2, "{:?}", imported.diagnostics);
    imported.doc
}

fn sample() -> crate::model::Document {
    crate::samples::ecommerce().unwrap()
}

fn options(title: &str) -> Options {
    Options {
        title: title.to_owned(),
        dialect: Dialect::Postgres,
    }
}

const SVG: &str = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>";

/// Parses the page as XML: it must be well-formed, with every id unique and every local
/// link pointing at one.
fn check_html(page: &str) -> roxmltree::Document<'_> {
    let parsed = roxmltree::Document::parse_with_options(
        page,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .unwrap_or_else(|e| panic!("{e}\n{page}"));
    let mut ids = HashSet::new();
    for node in parsed.descendants().filter(roxmltree::Node::is_element) {
        if let Some(id) = node.attribute("id") {
            assert!(ids.insert(id.to_owned()), "duplicate id {id}");
        }
    }
    for node in parsed.descendants().filter(|n| n.has_tag_name("a")) {
        if let Some(target) = node.attribute("href").and_then(|h| h.strip_prefix('#')) {
            assert!(ids.contains(target), "link to missing #{target}");
        }
    }
    parsed
}

/// The text of a Markdown heading as GitHub shows it (backslash escapes removed).
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

/// Anchors GitHub would give the headings of `md`, checked unique, and every `](#x)` link
/// checked to point at one of them.
fn check_markdown_links(md: &str) -> Vec<String> {
    let mut slugs = Slugger::default();
    let mut in_code = false;
    let mut anchors = Vec::new();
    for line in md.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        }
        if in_code {
            continue;
        }
        let level = line.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&level) && line[level..].starts_with(' ') {
            anchors.push(slugs.anchor(&unescape(&line[level + 1..])));
        }
    }
    let set: HashSet<&String> = anchors.iter().collect();
    assert_eq!(set.len(), anchors.len(), "anchors repeat: {anchors:?}");
    for piece in md.split("](#").skip(1) {
        let target = &piece[..piece.find(')').unwrap()];
        assert!(
            set.contains(&target.to_owned()),
            "link to missing #{target}"
        );
    }
    anchors
}

#[test]
fn every_table_and_column_is_listed_in_both_formats() {
    let doc = sample();
    let findings = validate(&doc, None);
    let page = html(&doc, &findings, &options("ecommerce"), Some(SVG));
    let md = markdown(
        &doc,
        &findings,
        &options("ecommerce"),
        Some("ecommerce.svg"),
    );
    check_html(&page);
    check_markdown_links(&md);
    for table in doc.tables.values() {
        assert!(
            page.contains(&format!(">{}</h3>", table.name.name)),
            "{}",
            table.name
        );
        assert!(md.contains(&format!("\n### {}\n", table.name.name)));
        for column in &table.columns {
            assert!(page.contains(&format!("<code>{}</code>", column.name)));
            assert!(
                md.contains(&format!("| `{}` |", column.name)),
                "{}",
                column.name
            );
        }
    }
    assert!(
        page.contains("<figure class=\"diagram\">\n<svg"),
        "no <?xml inside the page"
    );
    assert!(!page.contains("<?xml"));
    assert!(md.contains("![Diagram](ecommerce.svg)"));
    assert!(page.contains("6 tables, 63 columns, 8 relationships; the design rules report"));
    assert!(md.contains("Types and design rules for PostgreSQL"));
}

#[test]
fn foreign_keys_and_incoming_references_link_both_ways() {
    let doc = sample();
    let md = markdown(&doc, &[], &options("shop"), None);
    let orders = md.split("\n### orders\n").nth(1).unwrap();
    let orders = &orders[..orders.find("\n### ").unwrap()];
    assert!(
        orders.contains("- `customer_id` → [customers](#customers) (`id`)"),
        "{orders}"
    );
    assert!(orders.contains("ON DELETE"), "{orders}");
    assert!(orders.contains("many-to-one"), "{orders}");
    assert!(orders.contains("**Referenced by**"), "{orders}");
    assert!(
        orders.contains("- [order_items](#order_items) (`order_id`) → (`id`)"),
        "{orders}"
    );
    assert!(orders.contains("FK → [customers](#customers)"), "{orders}");
    // Without a diagram there is neither a heading nor a link for it.
    assert!(!md.contains("Diagram"));
    let page = html(&doc, &[], &options("shop"), None);
    check_html(&page);
    assert!(page.contains("<a class=\"key fk\" href=\"#customers\""));
    assert!(!page.contains("<svg"));
}

#[test]
fn hostile_names_and_comments_are_escaped_in_html() {
    let doc = hostile();
    let findings = validate(&doc, None);
    let page = html(&doc, &findings, &options("<evil> & \"co\""), Some(SVG));
    let parsed = check_html(&page);
    assert!(!page.contains("<script>"), "{page}");
    assert!(!page.contains("<i>|</i>"));
    assert!(!page.contains("<b>happy"));
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(page.contains("<title>&lt;evil&gt; &amp; &quot;co&quot;: data dictionary</title>"));
    // The only elements are the page's own.
    let allowed = [
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "nav",
        "main",
        "header",
        "section",
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "ul",
        "li",
        "a",
        "span",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "code",
        "pre",
        "dl",
        "dt",
        "dd",
        "br",
        "figure",
        "svg",
        "rect",
        "div",
        "blockquote",
    ];
    for node in parsed.descendants().filter(roxmltree::Node::is_element) {
        assert!(
            allowed.contains(&node.tag_name().name()),
            "{:?}",
            node.tag_name()
        );
    }
    // The comment's text survives, line break included.
    assert!(page.contains("first | line<br />- second &lt;line&gt; &amp; &quot;quotes&quot;"));
}

#[test]
fn hostile_names_and_comments_are_escaped_in_markdown() {
    let doc = hostile();
    let md = markdown(&doc, &validate(&doc, None), &options("x|y"), None);
    check_markdown_links(&md);
    // Raw markup appears only inside code spans.
    for (at, _) in md.match_indices("<script>") {
        assert!(
            md[..at].ends_with('`'),
            "{}",
            &md[at.saturating_sub(40)..at + 8]
        );
    }
    // Every row of a table has exactly as many unescaped pipes as its header.
    let mut in_table = 0;
    for line in md.lines() {
        let cells = line.replace("\\|", "").matches('|').count();
        if line.starts_with('|') {
            if in_table == 0 {
                in_table = cells;
            }
            assert_eq!(cells, in_table, "{line}");
        } else {
            in_table = 0;
        }
    }
    assert!(md.contains(r"| ``a\|b`c`` |"), "{md}");
    assert!(
        md.contains(r"first \| line<br>\- second \<line\> \& "),
        "{md}"
    );
    assert!(md.contains(r"\# not a heading \| \*not bold\*"), "{md}");
    assert!(
        md.contains("### \\<script\\>alert('x')\\</script\\>\n"),
        "{md}"
    );
    assert!(md.contains("[\\<script\\>alert('x')\\</script\\>](#scriptalertxscript)"));
    assert!(md.contains("Labels: `sad|bad`, `<b>happy</b>`"));
}

#[test]
fn findings_are_listed_by_table_and_the_rest_apart() {
    let doc = hostile();
    let findings = validate(&doc, None);
    assert!(!findings.is_empty());
    let page = html(&doc, &findings, &options("ecommerce"), None);
    let md = markdown(&doc, &findings, &options("ecommerce"), None);
    for finding in findings.iter().filter(|f| f.suppressed.is_none()) {
        assert!(
            page.contains(&escape::html(&finding.message)),
            "{}",
            finding.message
        );
        assert!(
            md.contains(&escape::markdown(&finding.message)),
            "{}",
            finding.message
        );
        assert!(md.contains(&format!("`{}`", finding.rule)));
        if let Some(table) = finding.subject.table().and_then(|t| doc.table(t)) {
            let name = display_name(&table.name, Dialect::Postgres);
            let heading = format!("### Problems in {}", escape::markdown(&name));
            let section = md.split(&format!("{heading}\n")).nth(1).unwrap();
            let section = section.split("\n### ").next().unwrap();
            assert!(section.contains(&escape::markdown(&finding.message)));
        }
    }
    // A problem that is on no table gets a section of its own.
    let mut doc = sample();
    let id = doc.ids.next_raw();
    let e = crate::model::EnumId(id);
    doc.enums.insert(
        e,
        crate::model::EnumType {
            id: e,
            name: crate::model::QualifiedName::new("unused kind"),
            values: vec![],
            comment: None,
            source: None,
        },
    );
    let findings = validate(&doc, None);
    let off_table = findings.iter().any(|f| f.subject.table().is_none());
    let md = markdown(&doc, &findings, &options("ecommerce"), None);
    assert_eq!(md.contains("### Other problems"), off_table, "{md}");
    let none = markdown(&doc, &[], &options("ecommerce"), None);
    assert!(none.contains("The design rules found no problems."));
}

#[test]
fn anchors_stay_unique_when_names_repeat_headings() {
    let sql = r#"
        CREATE TABLE notes (id int PRIMARY KEY);
        CREATE TABLE "Notes" (id int PRIMARY KEY, n int REFERENCES notes (id));
        CREATE TABLE problems (id int PRIMARY KEY);
        CREATE SCHEMA a;
        CREATE TABLE a.problems (id int PRIMARY KEY, p int REFERENCES problems (id));
        CREATE VIEW enums AS SELECT id FROM notes;
    "#;
    let mut doc = crate::sql::import_sql(sql, "x.sql", Some(Dialect::Postgres)).doc;
    let id = doc.ids.next_raw();
    doc.notes.insert(
        crate::model::NoteId(id),
        crate::model::Note {
            id: crate::model::NoteId(id),
            text: "Remember | this".into(),
            position: Default::default(),
            attached_to: doc.tables.keys().next().copied(),
        },
    );
    let md = markdown(&doc, &validate(&doc, None), &options("Contents"), None);
    let anchors = check_markdown_links(&md);
    assert!(anchors.contains(&"notes-1".to_owned()), "{anchors:?}");
    assert!(anchors.contains(&"aproblems".to_owned()), "{anchors:?}");
    // No enum types, so the view takes the plain anchor.
    assert!(anchors.contains(&"enums".to_owned()), "{anchors:?}");
    assert!(md.contains("### a.problems"));
    let page = html(&doc, &validate(&doc, None), &options("Contents"), None);
    check_html(&page);
}

#[test]
fn types_are_spelled_for_the_chosen_dialect() {
    let doc = sample();
    let mysql = Options {
        title: "shop".into(),
        dialect: Dialect::Mysql,
    };
    let md = markdown(&doc, &[], &mysql, None);
    assert!(md.contains("tinyint(1)"), "booleans as MySQL spells them");
    assert!(md.contains("Types and design rules for MySQL / MariaDB"));
    let md = markdown(&doc, &[], &options("shop"), None);
    assert!(md.contains("| boolean |"));
    assert!(
        md.contains("[order_status](#order_status)"),
        "enum types link to their entry"
    );
    assert!(
        md.contains("Used by: [orders](#orders).`status`"),
        "and list their columns"
    );
}

#[test]
fn formats_come_from_the_extension() {
    use std::path::Path;
    assert_eq!(Format::from_path(Path::new("a/b.HTML")), Some(Format::Html));
    assert_eq!(Format::from_path(Path::new("b.htm")), Some(Format::Html));
    assert_eq!(Format::from_path(Path::new("b.md")), Some(Format::Markdown));
    assert_eq!(
        Format::from_path(Path::new("b.markdown")),
        Some(Format::Markdown)
    );
    assert_eq!(Format::from_path(Path::new("b.txt")), None);
    assert_eq!(Format::from_path(Path::new("b")), None);
    assert_eq!(diagram_path(Path::new("d/x.md")), Path::new("d/x.svg"));
}
