//! Tests of relationship routes, notation, emphasis and hit testing on small diagrams.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::scene::{Detail, Emphasis, RelationshipId, TableRects, build_scene_from};
use super::{Metrics, Palette, Point, Primitive, Rect, Scene, table_rect};
use crate::model::{
    Column, ColumnId, ColumnRef, ConstraintId, DataType, Document, ForeignKey, Position,
    PrimaryKey, QualifiedName, Table, TableId, TableRef, TypeKind,
};

/// Builds documents: tables with an `id` key and four other columns, and foreign keys.
struct Builder {
    doc: Document,
    next: u64,
}

impl Builder {
    fn new() -> Self {
        Self {
            doc: Document::new(),
            next: 1,
        }
    }

    fn id(&mut self) -> u64 {
        self.next += 1;
        self.next
    }

    /// A table at `(x, y)` with `rows` columns (the first is the key).
    fn table(&mut self, x: f32, y: f32, rows: usize) -> TableId {
        let id = TableId(self.id());
        let mut table = Table::new(QualifiedName::new(format!("t{}", id.0)));
        table.id = id;
        table.position = Position::new(x, y);
        for c in 0..rows {
            let mut column = Column::new(format!("c{c}"), DataType::new(TypeKind::BigInt));
            column.id = ColumnId(self.id());
            column.nullable = c % 2 == 1;
            table.columns.push(column);
        }
        table.primary_key = Some(PrimaryKey {
            id: ConstraintId(self.id()),
            name: None,
            columns: vec![table.columns[0].id],
        });
        self.doc.tables.insert(id, Arc::new(table));
        id
    }

    /// A foreign key from column `row` of `from` to the key of `to`.
    fn fk(&mut self, from: TableId, row: usize, to: TableId) -> RelationshipId {
        let key = self.doc.tables[&to].columns[0].id;
        let id = ConstraintId(self.id());
        let Some(table) = self.doc.tables.get_mut(&from) else {
            panic!("no table {from:?}");
        };
        let table = Arc::make_mut(table);
        table.foreign_keys.push(ForeignKey {
            id,
            name: None,
            columns: vec![table.columns[row].id],
            referenced_table: TableRef::Resolved(to),
            referenced_columns: vec![ColumnRef::Resolved(key)],
            on_delete: Default::default(),
            on_update: Default::default(),
            deferrable: Default::default(),
            source: None,
        });
        (from, id)
    }

    fn rects(&self) -> TableRects {
        let metrics = Metrics::default();
        self.doc
            .tables
            .values()
            .map(|t| (t.id, table_rect(&self.doc, t, &metrics)))
            .collect()
    }

    fn scene(&self, emphasis: &Emphasis, detail: Detail) -> Scene {
        build_scene_from(
            &self.doc,
            &Palette::LIGHT,
            &Metrics::default(),
            emphasis,
            None,
            &self.rects(),
            detail,
        )
    }

    fn route(&self, scene: &Scene, id: RelationshipId) -> Vec<Point> {
        scene
            .relationships
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.points.clone())
            .unwrap_or_default()
    }
}

fn strictly_inside(r: &Rect, p: Point) -> bool {
    p.x > r.min.x && p.x < r.max.x && p.y > r.min.y && p.y < r.max.y
}

fn on_side(r: &Rect, p: Point) -> bool {
    (p.x == r.min.x || p.x == r.max.x) && p.y >= r.min.y && p.y <= r.max.y
}

/// Whether the axis-aligned segment passes through the rectangle's interior.
fn segment_enters(r: &Rect, a: Point, b: Point) -> bool {
    a.x.min(b.x) < r.max.x
        && a.x.max(b.x) > r.min.x
        && a.y.min(b.y) < r.max.y
        && a.y.max(b.y) > r.min.y
}

#[test]
fn routes_start_and_end_on_the_sides_of_their_own_tables_only() {
    let mut b = Builder::new();
    let mut ids = Vec::new();
    for i in 0..30 {
        let (x, y) = (
            (i % 6) as f32 * 290.0,
            (i / 6) as f32 * 230.0 + (i % 3) as f32 * 20.0,
        );
        ids.push(b.table(x, y, 6));
    }
    let mut fks = Vec::new();
    for i in 1..ids.len() {
        fks.push((
            ids[i],
            ids[(i * 7) % i],
            b.fk(ids[i], 1 + i % 4, ids[(i * 7) % i]),
        ));
    }
    let rects = b.rects();
    let scene = b.scene(&Emphasis::default(), Detail::Full);
    assert_eq!(scene.relationships.len(), fks.len());
    for (from, to, id) in fks {
        let points = b.route(&scene, id);
        let (first, last) = (points[0], points[points.len() - 1]);
        assert!(on_side(&rects[&from], first), "{id:?} starts at {first:?}");
        assert!(on_side(&rects[&to], last), "{id:?} ends at {last:?}");
        for (table, rect) in &rects {
            assert!(
                !strictly_inside(rect, first) && !strictly_inside(rect, last),
                "{id:?} {table:?}"
            );
        }
        // Orthogonal throughout.
        assert!(
            points
                .windows(2)
                .all(|w| w[0].x == w[1].x || w[0].y == w[1].y)
        );
    }
}

#[test]
fn a_route_goes_around_a_table_standing_between_the_two_ends() {
    let mut b = Builder::new();
    let left = b.table(0.0, 0.0, 5);
    let middle = b.table(400.0, -100.0, 16);
    let right = b.table(800.0, 0.0, 5);
    let id = b.fk(left, 2, right);
    let rects = b.rects();
    let scene = b.scene(&Emphasis::default(), Detail::Full);
    let points = b.route(&scene, id);
    for w in points.windows(2) {
        for table in [left, middle, right] {
            assert!(
                !segment_enters(&rects[&table], w[0], w[1]),
                "{points:?} enters {table:?}"
            );
        }
    }
    // Without the table in between, the line is a plain elbow between the facing sides.
    let mut b = Builder::new();
    let left = b.table(0.0, 0.0, 5);
    let right = b.table(800.0, 0.0, 5);
    let id = b.fk(left, 2, right);
    let points = b.route(&b.scene(&Emphasis::default(), Detail::Full), id);
    assert!(points.len() <= 4, "{points:?}");
    assert_eq!(points[0].x, b.rects()[&left].max.x);
    assert_eq!(points[points.len() - 1].x, b.rects()[&right].min.x);
}

#[test]
fn self_references_loop_outside_their_table_and_apart() {
    let mut b = Builder::new();
    let table = b.table(0.0, 0.0, 6);
    let first = b.fk(table, 3, table);
    let second = b.fk(table, 4, table);
    let rect = b.rects()[&table];
    let scene = b.scene(&Emphasis::default(), Detail::Full);
    let (one, two) = (b.route(&scene, first), b.route(&scene, second));
    for points in [&one, &two] {
        assert!(on_side(&rect, points[0]) && on_side(&rect, points[points.len() - 1]));
        for p in &points[1..points.len() - 1] {
            assert!(p.x > rect.max.x || p.x < rect.min.x, "{points:?}");
        }
    }
    assert_ne!(one[1].x, two[1].x, "two loops on top of each other");
}

#[test]
fn parallel_relationships_do_not_overlap_and_routes_are_stable() {
    let mut b = Builder::new();
    let a = b.table(0.0, 0.0, 6);
    let c = b.table(500.0, 300.0, 6);
    let first = b.fk(a, 1, c);
    let second = b.fk(a, 2, c);
    let back = b.fk(c, 1, a);
    let scene = b.scene(&Emphasis::default(), Detail::Full);
    let routes: Vec<Vec<Point>> = [first, second, back]
        .iter()
        .map(|id| b.route(&scene, *id))
        .collect();
    // The vertical runs of the three lines lie apart.
    let verticals: BTreeSet<i64> = routes
        .iter()
        .flat_map(|r| {
            r.windows(2)
                .filter(|w| w[0].x == w[1].x)
                .map(|w| w[0].x as i64)
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(verticals.len() >= 3, "{routes:?}");
    assert_eq!(scene, b.scene(&Emphasis::default(), Detail::Full));
}

fn circles(primitives: &[Primitive]) -> usize {
    primitives
        .iter()
        .filter(|p| matches!(p, Primitive::Circle { .. }))
        .count()
}

#[test]
fn notation_shows_optional_ends_with_circles() {
    let mut b = Builder::new();
    let parent = b.table(0.0, 0.0, 4);
    let child = b.table(500.0, 0.0, 4);
    // Column 2 is NOT NULL: zero-or-many children, exactly one parent (one circle).
    b.fk(child, 2, parent);
    let scene = b.scene(&Emphasis::default(), Detail::Full);
    assert_eq!(circles(&scene.primitives), 1);
    // Column 1 is nullable: the parent end gets a circle too.
    b.fk(child, 1, parent);
    let scene = b.scene(&Emphasis::default(), Detail::Full);
    assert_eq!(circles(&scene.primitives), 3);
    // Far away no notation is drawn, only straight lines, too thin to point at.
    let outlines = b.scene(&Emphasis::default(), Detail::Outlines);
    assert_eq!(circles(&outlines.primitives), 0);
    let lines = outlines
        .primitives
        .iter()
        .filter(|p| matches!(p, Primitive::Line { points, .. } if points.len() == 2))
        .count();
    assert_eq!(lines, 2);
    assert!(outlines.relationships.is_empty());
}

#[test]
fn a_highlighted_relationship_is_drawn_last_in_its_colour_with_its_rows_marked() {
    let mut b = Builder::new();
    let parent = b.table(0.0, 0.0, 4);
    let child = b.table(500.0, 0.0, 4);
    let id = b.fk(child, 2, parent);
    let other = b.fk(child, 3, parent);
    let emphasis = Emphasis {
        relationship: Some(id),
        ..Emphasis::default()
    };
    let palette = Palette::LIGHT;
    let scene = b.scene(&emphasis, Detail::Full);
    assert_eq!(scene.relationships.last().map(|r| r.id), Some(id));
    assert_eq!(scene.relationships.first().map(|r| r.id), Some(other));
    let last_line = scene.primitives.iter().rev().find_map(|p| match p {
        Primitive::Line { color, width, .. } if *color != palette.relationship && *width > 2.0 => {
            Some(*color)
        }
        _ => None,
    });
    assert_eq!(last_line, Some(palette.relationship_highlight));
    let bands = scene
        .primitives
        .iter()
        .filter(|p| matches!(p, Primitive::Rect { fill, .. } if *fill == palette.row_highlight))
        .count();
    assert_eq!(bands, 2, "the foreign-key row and the referenced row");
    assert_eq!(
        b.scene(&Emphasis::default(), Detail::Full)
            .primitives
            .iter()
            .filter(|p| matches!(p, Primitive::Rect { fill, .. } if *fill == palette.row_highlight))
            .count(),
        0
    );
}

#[test]
fn focus_fades_what_lies_outside() {
    let mut b = Builder::new();
    let a = b.table(0.0, 0.0, 4);
    let c = b.table(500.0, 0.0, 4);
    let d = b.table(1000.0, 0.0, 4);
    b.fk(c, 1, a);
    b.fk(d, 1, c);
    let focus = BTreeSet::from([a, c]);
    let emphasis = Emphasis {
        focus: Some(&focus),
        ..Emphasis::default()
    };
    let scene = b.scene(&emphasis, Detail::Full);
    let (palette, faded) = (Palette::LIGHT, Palette::LIGHT.faded());
    let line_colours: Vec<_> = scene
        .primitives
        .iter()
        .filter_map(|p| match p {
            Primitive::Line { color, .. } => Some(*color),
            _ => None,
        })
        .collect();
    assert!(line_colours.contains(&palette.relationship));
    assert!(line_colours.contains(&faded.relationship));
    let headers: Vec<_> = scene
        .primitives
        .iter()
        .filter_map(|p| match p {
            Primitive::Rect { fill, .. }
                if *fill == palette.header_fill || *fill == faded.header_fill =>
            {
                Some(*fill)
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        headers.iter().filter(|f| **f == faded.header_fill).count(),
        1
    );
    assert_eq!(
        headers
            .iter()
            .filter(|f| **f == palette.header_fill)
            .count(),
        2
    );
}

#[test]
fn hit_testing_finds_the_line_near_a_point_and_prefers_the_top_one() {
    let mut b = Builder::new();
    let parent = b.table(0.0, 0.0, 4);
    let child = b.table(600.0, 0.0, 4);
    let id = b.fk(child, 2, parent);
    let scene = b.scene(&Emphasis::default(), Detail::Full);
    let points = b.route(&scene, id);
    let (a, c) = (points[0], points[1]);
    let middle = Point::new((a.x + c.x) / 2.0, (a.y + c.y) / 2.0 + 3.0);
    assert_eq!(scene.relationship_at(middle, 4.0), Some(id));
    assert_eq!(scene.relationship_at(middle, 2.0), None);
    assert_eq!(
        scene.relationship_at(Point::new(-500.0, -500.0), 10.0),
        None
    );
    // Two shapes through the same point: the later one is on top.
    let mut stacked = scene.clone();
    let mut copy = stacked.relationships[0].clone();
    copy.id = (parent, ConstraintId(999));
    stacked.relationships.push(copy);
    assert_eq!(
        stacked.relationship_at(middle, 4.0),
        Some((parent, ConstraintId(999)))
    );
}
