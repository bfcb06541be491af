use std::collections::BTreeSet;

use super::*;
use crate::model::Object;
use crate::model::{
    Column, DataType, Edit, GroupId, NoteId, Position, QualifiedName, Table, TableChange, TableId,
    TypeKind, apply,
};
use crate::render::build_scene;

fn table(doc: &mut Document, name: &str, x: f32, y: f32) -> TableId {
    let mut table = Table::new(QualifiedName::new(name));
    table.position = Position::new(x, y);
    table
        .columns
        .push(Column::new("id", DataType::new(TypeKind::BigInt)));
    TableId(apply(doc, Edit::AddTable(table)).unwrap().created[0])
}

fn group(doc: &mut Document, members: &[TableId], context: bool) -> GroupId {
    let group = Group {
        id: GroupId(0),
        name: "Sales".into(),
        color: Color::rgb(0x4c, 0x8b, 0xd6),
        bounded_context: context,
        comment: None,
    };
    let id = GroupId(
        apply(doc, Edit::AddObject(Object::Group(group)))
            .unwrap()
            .created[0],
    );
    for table in members {
        apply(
            doc,
            Edit::Table {
                table: *table,
                change: TableChange::SetGroup(Some(id)),
            },
        )
        .unwrap();
    }
    id
}

fn note(doc: &mut Document, text: &str, attached_to: Option<TableId>) -> NoteId {
    let note = Note {
        id: NoteId(0),
        text: text.into(),
        position: Position::new(500.0, 40.0),
        attached_to,
    };
    NoteId(
        apply(doc, Edit::AddObject(Object::Note(note)))
            .unwrap()
            .created[0],
    )
}

fn scene(doc: &Document) -> Scene {
    build_scene(
        doc,
        &Palette::LIGHT,
        &Metrics::default(),
        &BTreeSet::new(),
        None,
    )
}

fn contains(outer: &Rect, inner: &Rect) -> bool {
    outer.contains(inner.min) && outer.contains(inner.max)
}

#[test]
fn a_region_covers_its_tables_with_the_band_above_them() {
    let mut doc = Document::new();
    let a = table(&mut doc, "orders", 0.0, 0.0);
    let b = table(&mut doc, "customers", 400.0, 300.0);
    let outside = table(&mut doc, "products", 1200.0, 0.0);
    let id = group(&mut doc, &[a, b], false);
    let scene = scene(&doc);
    let [(gid, region, band)] = scene.groups.as_slice() else {
        panic!("one group drawn: {:?}", scene.groups);
    };
    assert_eq!(*gid, id);
    let rect = |t: TableId| scene.tables.iter().find(|(i, _)| *i == t).unwrap().1;
    assert!(contains(region, &rect(a).expand(GROUP_MARGIN - 1.0)));
    assert!(contains(region, &rect(b).expand(GROUP_MARGIN - 1.0)));
    assert!(!region.intersects(&rect(outside)));
    // The band is the region's top strip and covers no member.
    assert!(contains(region, band));
    assert_eq!(band.min, region.min);
    assert!(!band.intersects(&rect(a)) && !band.intersects(&rect(b)));
    // The region is painted before every table.
    let first_region = scene
        .primitives
        .iter()
        .position(|p| matches!(p, Primitive::Rect { rect, .. } if rect == region))
        .unwrap();
    let table_a = rect(a);
    let first_table = scene
        .primitives
        .iter()
        .position(|p| matches!(p, Primitive::Rect { rect, .. } if *rect == table_a))
        .unwrap();
    assert!(first_region < first_table);
}

#[test]
fn empty_groups_are_not_drawn_and_contexts_are_tagged() {
    let mut doc = Document::new();
    let a = table(&mut doc, "orders", 0.0, 0.0);
    group(&mut doc, &[], false);
    group(&mut doc, &[a], true);
    let scene = scene(&doc);
    assert_eq!(scene.groups.len(), 1);
    let labels: Vec<&str> = scene
        .primitives
        .iter()
        .filter_map(|p| match p {
            Primitive::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(labels.contains(&"Sales  [context]"), "{labels:?}");
}

#[test]
fn notes_are_sized_by_their_wrapped_text() {
    let metrics = Metrics::default();
    let short = Note {
        id: NoteId(1),
        text: "hi".into(),
        position: Position::new(10.0, 20.0),
        attached_to: None,
    };
    let long = Note {
        text: "every order belongs to exactly one customer and keeps its prices as sold".into(),
        ..short.clone()
    };
    let lines = note_lines(&long.text);
    assert!(lines.len() >= 3, "{lines:?}");
    assert!(lines.iter().all(|l| l.chars().count() <= NOTE_WRAP));
    assert_eq!(lines.join(" "), long.text);
    let (a, b) = (note_rect(&short, &metrics), note_rect(&long, &metrics));
    assert_eq!(a.min, Point::new(10.0, 20.0));
    assert!(b.height() > a.height());
    assert!(b.width() > a.width());
    assert!(b.width() <= NOTE_WRAP as f32 * metrics.char_width + 2.0 * 8.0 + 1.0);
    // Explicit line breaks and overlong words.
    assert_eq!(note_lines("a\nb").len(), 2);
    assert_eq!(note_lines(&"x".repeat(70)).len(), 3);
}

#[test]
fn notes_are_drawn_over_tables_with_a_line_to_their_table() {
    let mut doc = Document::new();
    let a = table(&mut doc, "orders", 0.0, 0.0);
    let id = note(&mut doc, "Prices are frozen at checkout", Some(a));
    let scene = scene(&doc);
    let [(nid, rect)] = scene.notes.as_slice() else {
        panic!("one note drawn");
    };
    assert_eq!(*nid, id);
    let texts: Vec<usize> = scene
        .primitives
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p, Primitive::Text { text, .. } if text.starts_with("Prices")))
        .map(|(i, _)| i)
        .collect();
    let table_at = scene
        .primitives
        .iter()
        .position(|p| matches!(p, Primitive::Rect { rect: r, .. } if r.min == Point::new(0.0, 0.0)))
        .unwrap();
    assert_eq!(texts.len(), 1);
    assert!(texts[0] > table_at);
    let table_rect = scene.tables[0].1;
    let connector = scene.primitives.iter().find_map(|p| match p {
        Primitive::Line { points, color, .. } if *color == Palette::LIGHT.note_connector => {
            Some(points.clone())
        }
        _ => None,
    });
    let points = connector.expect("a connector line");
    assert_eq!(points[0], rect.center());
    assert!(table_rect.contains(points[1]));
}

#[test]
fn the_diagram_bounds_include_regions_and_notes() {
    let mut doc = Document::new();
    let a = table(&mut doc, "orders", 0.0, 0.0);
    let tables_only = crate::render::scene::diagram_bounds(&doc, &Metrics::default()).unwrap();
    group(&mut doc, &[a], false);
    note(&mut doc, "far away", None);
    let all = crate::render::scene::diagram_bounds(&doc, &Metrics::default()).unwrap();
    assert!(contains(&all, &tables_only.expand(GROUP_MARGIN)));
    assert!(all.min.y < -GROUP_MARGIN, "the label band is inside");
    assert!(all.max.x > 500.0, "the note is inside");
}
