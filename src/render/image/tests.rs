use std::collections::BTreeSet;

use super::*;
use crate::model::{
    Column, DataType, Edit, Position, QualifiedName, Table, TableId, TypeKind, apply,
};

fn table(doc: &mut Document, name: &str, x: f32, y: f32) -> TableId {
    let mut table = Table::new(QualifiedName::new(name));
    table.position = Position::new(x, y);
    table
        .columns
        .push(Column::new("id", DataType::new(TypeKind::BigInt)));
    TableId(apply(doc, Edit::AddTable(table)).unwrap().created[0])
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    let image = image::load_from_memory(bytes).unwrap();
    (image.width(), image.height())
}

#[test]
fn svg_names_every_table_and_escapes_text() {
    let mut doc = Document::default();
    table(&mut doc, "a<b>&\"c'", 0.0, 0.0);
    table(&mut doc, "plain", 300.0, 0.0);
    let svg = to_svg(&doc, &ImageOptions::default());
    assert!(
        svg.contains("data-table=\"a&lt;b&gt;&amp;&quot;c&apos;\""),
        "{svg}"
    );
    assert!(svg.contains("<title>a&lt;b&gt;&amp;&quot;c&apos;</title>"));
    assert!(svg.contains("data-table=\"plain\""));
    assert!(!svg.contains("a<b>"));
    let parsed = roxmltree::Document::parse(&svg).unwrap();
    let names: Vec<_> = parsed
        .descendants()
        .filter(|n| n.attribute("class") == Some("table"))
        .filter_map(|n| n.attribute("data-table"))
        .collect();
    assert_eq!(names, ["a<b>&\"c'", "plain"]);
}

#[test]
fn png_size_is_the_bounds_times_the_scale() {
    let mut doc = Document::default();
    table(&mut doc, "one", 0.0, 0.0);
    table(&mut doc, "two", 400.0, 200.0);
    let scene = image_scene(&doc, &ImageOptions::default()).unwrap();
    let area = scene.bounds.unwrap();
    let one = png_size(&to_png(&doc, &ImageOptions::default()).unwrap());
    assert_eq!(one, pixel_size(&area, 1.0));
    assert_eq!(one.0 as f32, area.width().ceil());
    let two = ImageOptions {
        scale: 2.0,
        ..ImageOptions::default()
    };
    let doubled = png_size(&to_png(&doc, &two).unwrap());
    assert!(doubled.0.abs_diff(one.0 * 2) <= 1 && doubled.1.abs_diff(one.1 * 2) <= 1);
}

#[test]
fn a_huge_diagram_is_refused_with_a_suggestion() {
    let mut doc = Document::default();
    table(&mut doc, "near", 0.0, 0.0);
    table(&mut doc, "far", 20_000.0, 0.0);
    let error = to_png(&doc, &ImageOptions::default()).unwrap_err();
    assert!(matches!(error, ImageError::TooLarge { width, .. } if width > MAX_SIDE));
    let message = error.to_string();
    assert!(
        message.contains("SVG") && message.contains("lower scale"),
        "{message}"
    );
    // SVG has no such limit.
    assert!(to_svg(&doc, &ImageOptions::default()).contains("data-table=\"far\""));
}

#[test]
fn an_empty_diagram_is_an_error() {
    let doc = Document::default();
    assert_eq!(
        to_png(&doc, &ImageOptions::default()),
        Err(ImageError::Empty)
    );
    assert!(ImageError::Empty.to_string().contains("no tables"));
}

#[test]
fn only_the_chosen_tables_are_drawn() {
    let mut doc = Document::default();
    let a = table(&mut doc, "kept", 0.0, 0.0);
    table(&mut doc, "left_out", 2_000.0, 0.0);
    let options = ImageOptions {
        only: Some(BTreeSet::from([a])),
        ..ImageOptions::default()
    };
    let scene = image_scene(&doc, &options).unwrap();
    assert_eq!(scene.tables.len(), 1);
    assert!(scene.bounds.unwrap().width() < 1_000.0);
    let svg = to_svg(&doc, &options);
    assert!(svg.contains("kept") && !svg.contains("left_out"));
}

#[test]
fn table_ranges_cover_each_tables_shapes() {
    let mut doc = Document::default();
    table(&mut doc, "one", 0.0, 0.0);
    table(&mut doc, "two", 400.0, 0.0);
    let scene = image_scene(&doc, &ImageOptions::default()).unwrap();
    assert!(matches!(scene.primitives[0], Primitive::Rect { .. }));
    for ((id, _), range) in scene.tables.iter().zip(&scene.table_primitives) {
        let name = doc.tables[id].name.to_string();
        let has_name = scene.primitives[range.clone()]
            .iter()
            .any(|p| matches!(p, Primitive::Text { text, .. } if *text == name));
        assert!(has_name, "{name}");
    }
}

#[test]
fn dark_images_have_a_dark_background() {
    let mut doc = Document::default();
    table(&mut doc, "one", 0.0, 0.0);
    let dark = ImageOptions {
        dark: true,
        ..ImageOptions::default()
    };
    let image = image::load_from_memory(&to_png(&doc, &dark).unwrap())
        .unwrap()
        .to_rgba8();
    let corner = image.get_pixel(0, 0);
    let bg = Palette::DARK.background;
    assert_eq!(corner.0, [bg.r, bg.g, bg.b, 255]);
}

#[test]
fn has_tables_follows_the_choice() {
    let mut doc = Document::default();
    assert!(!has_tables(&doc, &ImageOptions::default()));
    let a = table(&mut doc, "a", 0.0, 0.0);
    assert!(has_tables(&doc, &ImageOptions::default()));
    let none = ImageOptions {
        only: Some(BTreeSet::new()),
        ..ImageOptions::default()
    };
    assert!(!has_tables(&doc, &none));
    let some = ImageOptions {
        only: Some(BTreeSet::from([a])),
        ..ImageOptions::default()
    };
    assert!(has_tables(&doc, &some));
}
