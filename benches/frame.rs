//! CPU time per editor frame (UI build + tessellation, no GPU) on generated diagrams of 100,
//! 1,000 and 10,000 tables (8–12 columns, 1–2 foreign keys each) in a 1600×1000 window:
//! the whole diagram in view (fit to content), 100 % zoom, and dragging one table at 100 %.
//! Median of 120 frames, release. Run with `cargo bench --bench frame`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use schemata::app::{Command, SchemataApp};
use schemata::model::{
    Column, ColumnId, ColumnRef, ConstraintId, DataType, Document, ForeignKey, Position,
    PrimaryKey, QualifiedName, Table, TableId, TableRef, TypeKind,
};

const FRAMES: usize = 120;

// The same allocator as the `schemata` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `count` tables on a grid, each with 8–12 columns and 1–2 foreign keys to earlier tables.
fn diagram(count: usize) -> Document {
    let mut doc = Document::new();
    let kinds = [
        TypeKind::BigInt,
        TypeKind::Varchar { length: Some(120) },
        TypeKind::Timestamp {
            precision: None,
            with_time_zone: true,
        },
        TypeKind::Decimal {
            precision: Some(12),
            scale: Some(2),
        },
        TypeKind::Boolean,
        TypeKind::Text,
    ];
    let per_row = (count as f32).sqrt().ceil() as usize;
    let mut next = 1u64;
    let mut id = || {
        next += 1;
        next
    };
    for i in 0..count {
        let mut table = Table::new(QualifiedName::new(format!("table_{i}")));
        table.id = TableId(id());
        table.position = Position::new((i % per_row) as f32 * 320.0, (i / per_row) as f32 * 360.0);
        let columns = 8 + i % 5;
        for c in 0..columns {
            let kind = if c == 0 {
                TypeKind::BigInt
            } else {
                kinds[(i + c) % kinds.len()].clone()
            };
            let mut column = Column::new(format!("column_{c}"), DataType::new(kind));
            column.id = ColumnId(id());
            column.nullable = c % 3 != 0;
            table.columns.push(column);
        }
        table.primary_key = Some(PrimaryKey {
            id: ConstraintId(id()),
            name: None,
            columns: vec![table.columns[0].id],
        });
        doc.tables.insert(table.id, Arc::new(table));
    }
    let ids: Vec<TableId> = doc.tables.keys().copied().collect();
    for (i, &from) in ids.iter().enumerate().skip(1) {
        let links = 1 + i % 2;
        for l in 0..links {
            // Mostly nearby tables, as in real designs, some far away.
            let to = ids[i - 1 - (i * 7 + l * 13) % i.min(40)];
            let target_key = doc.tables[&to].columns[0].id;
            let table = Arc::make_mut(doc.tables.get_mut(&from).unwrap_or_else(|| unreachable!()));
            let column = table.columns[1 + l].id;
            table.foreign_keys.push(ForeignKey {
                id: ConstraintId(id()),
                name: None,
                columns: vec![column],
                referenced_table: TableRef::Resolved(to),
                referenced_columns: vec![ColumnRef::Resolved(target_key)],
                on_delete: Default::default(),
                on_update: Default::default(),
                deferrable: Default::default(),
                source: None,
            });
        }
    }
    doc.ids.reserve_up_to(next + 1);
    doc
}

fn input(time: f64, events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        time: Some(time),
        events,
        ..Default::default()
    }
}

/// Runs one frame and tessellates it; returns the CPU time.
fn frame(
    ctx: &egui::Context,
    app: &mut SchemataApp,
    time: f64,
    events: Vec<egui::Event>,
) -> Duration {
    let start = Instant::now();
    let output = ctx.run_ui(input(time, events), |ui| app.show(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    std::hint::black_box(primitives);
    start.elapsed()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn measure(count: usize) {
    let ctx = egui::Context::default();
    let mut app = SchemataApp::new(diagram(count), None);
    app.inspector_open = false;
    let mut time = 0.0;
    // Settle: fit to content happens in the first frames.
    for _ in 0..5 {
        time += 1.0 / 60.0;
        frame(&ctx, &mut app, time, Vec::new());
    }
    let mut run = |app: &mut SchemataApp, events: &dyn Fn(usize) -> Vec<egui::Event>| {
        median(
            (0..FRAMES)
                .map(|i| {
                    time += 1.0 / 60.0;
                    frame(&ctx, app, time, events(i))
                })
                .collect(),
        )
    };
    let fit = run(&mut app, &|_| Vec::new());
    app.canvas.viewport.zoom = 1.0;
    app.canvas.viewport.offset = egui::vec2(40.0, 40.0);
    let actual = run(&mut app, &|_| Vec::new());
    // Drag the first table (at the top left of the view) to the right, a few pixels a frame.
    let start = egui::pos2(120.0, 110.0);
    app.queue(Command::Select(Default::default()));
    let drag = run(&mut app, &|i| {
        let pos = start + egui::vec2(i as f32 * 3.0, 0.0);
        let mut events = vec![egui::Event::PointerMoved(pos)];
        if i == 0 {
            events.push(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed: true,
                modifiers: egui::Modifiers::NONE,
            });
        }
        events
    });
    let moved = app
        .doc()
        .tables
        .values()
        .next()
        .map(|t| t.position.x)
        .unwrap_or_default();
    println!(
        "{count:>6} tables   fit {:>7.2} ms   100% {:>7.2} ms   drag {:>7.2} ms   (dragged table now at x = {moved})",
        fit.as_secs_f64() * 1000.0,
        actual.as_secs_f64() * 1000.0,
        drag.as_secs_f64() * 1000.0,
    );
}

fn main() {
    for count in [100, 1_000, 10_000] {
        measure(count);
    }
}
