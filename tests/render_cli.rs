//! `schemata render`, run as a user would: images of the sample and of SQL files.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

fn schemata() -> Command {
    Command::new(env!("CARGO_BIN_EXE_schemata"))
}

fn sample(name: &str) -> String {
    format!("{}/samples/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn render(input: &str, output: &Path, extra: &[&str]) -> Output {
    schemata()
        .args(["render", input, "-o"])
        .arg(output)
        .args(extra)
        .output()
        .unwrap()
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn png(path: &Path) -> image::RgbaImage {
    image::open(path).unwrap().to_rgba8()
}

const SAMPLE_TABLES: [&str; 6] = [
    "customers",
    "addresses",
    "orders",
    "order_items",
    "categories",
    "products",
];

#[test]
fn the_sample_renders_as_a_png_with_content() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.png");
    ok(&render(&sample("ecommerce.schemata"), &path, &[]));
    let image = png(&path);
    // Six tables in three columns with groups and a note: a landscape picture of roughly
    // a thousand by eight hundred pixels.
    assert!((900..1400).contains(&image.width()), "{}", image.width());
    assert!((600..1000).contains(&image.height()), "{}", image.height());
    let background = *image.get_pixel(0, 0);
    let colours: BTreeSet<[u8; 4]> = image.pixels().map(|p| p.0).collect();
    assert!(colours.len() > 50, "only {} colours", colours.len());
    let drawn = image.pixels().filter(|p| **p != background).count();
    let total = (image.width() * image.height()) as usize;
    assert!(drawn > total / 4, "{drawn} of {total} pixels drawn");
    // The background is light.
    assert!(background.0[..3].iter().all(|c| *c > 200), "{background:?}");
}

#[test]
fn scale_two_doubles_the_size_and_dark_has_a_dark_background() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.png");
    let two = dir.path().join("two.png");
    ok(&render(&sample("ecommerce.schemata"), &one, &[]));
    ok(&render(
        &sample("ecommerce.schemata"),
        &two,
        &["--scale", "2", "--theme", "dark"],
    ));
    let (one, two) = (png(&one), png(&two));
    assert!(two.width().abs_diff(2 * one.width()) <= 1);
    assert!(two.height().abs_diff(2 * one.height()) <= 1);
    let corner = two.get_pixel(0, 0);
    assert!(corner.0[..3].iter().all(|c| *c < 60), "{corner:?}");
}

#[test]
fn the_svg_names_every_table_in_a_group_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.svg");
    ok(&render(&sample("ecommerce.schemata"), &path, &[]));
    let text = std::fs::read_to_string(&path).unwrap();
    let svg = roxmltree::Document::parse(&text).unwrap();
    let root = svg.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert!(root.attribute("viewBox").is_some());
    let groups: Vec<_> = svg
        .descendants()
        .filter(|n| n.tag_name().name() == "g" && n.attribute("class") == Some("table"))
        .collect();
    let names: BTreeSet<&str> = groups
        .iter()
        .filter_map(|g| g.attribute("data-table"))
        .collect();
    assert_eq!(names, SAMPLE_TABLES.into_iter().collect());
    for group in &groups {
        let title = group
            .children()
            .find(|n| n.tag_name().name() == "title")
            .and_then(|t| t.text());
        assert_eq!(title, group.attribute("data-table"));
        // The table's texts are inside its group.
        assert!(
            group
                .descendants()
                .any(|n| n.tag_name().name() == "text" && n.text() == title)
        );
    }
}

#[test]
fn an_sql_file_is_imported_and_laid_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sql.svg");
    ok(&render(&sample("ecommerce.sql"), &path, &[]));
    let text = std::fs::read_to_string(&path).unwrap();
    for name in SAMPLE_TABLES {
        assert!(text.contains(&format!("<title>{name}</title>")), "{name}");
    }
    let png_path = dir.path().join("sql.png");
    ok(&render(
        &sample("ecommerce.sql"),
        &png_path,
        &["--from", "postgres"],
    ));
    assert!(png(&png_path).width() > 300);
}

#[test]
fn a_huge_image_and_a_bad_extension_give_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.png");
    let out = render(&sample("ecommerce.schemata"), &path, &["--scale", "16"]);
    assert!(!out.status.success());
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("16384") && message.contains("SVG") && message.contains("lower scale"),
        "{message}"
    );
    assert!(!path.exists());
    let out = render(
        &sample("ecommerce.schemata"),
        &dir.path().join("x.gif"),
        &[],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(".png or .svg"));
    let out = render(&sample("ecommerce.schemata"), &path, &["--scale", "0"]);
    assert_eq!(out.status.code(), Some(2));
}
