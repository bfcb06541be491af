//! The diagram canvas: paints the scene and turns pointer input into queued commands.

use std::collections::{BTreeSet, HashMap};

use egui::{Color32, Pos2, Sense, Stroke, StrokeKind};

use super::Command;
use super::theme::{color32, palette};
use super::viewport::Viewport;
use crate::model::{Document, Edit, Position, TableId};
use crate::render::scene::{Detail, TableRects, build_scene_from};
use crate::render::{Metrics, Scene};

/// Below this zoom, column rows are not drawn (table outlines and names only).
pub(super) const DETAIL_ZOOM: f32 = 0.35;

/// Grid step tables snap to, in world units (half the spacing of the grid's dots).
const SNAP: f32 = 20.0;

/// Canvas state that is not part of the document: pan, zoom and the drag in progress.
#[derive(Debug, Default)]
pub struct Canvas {
    /// Pan and zoom.
    pub viewport: Viewport,
    /// The canvas's screen rectangle in the last frame.
    pub last_rect: Option<egui::Rect>,
    /// Fit the diagram into view at the next frame (after opening a file).
    pub fit_pending: bool,
    /// Dragged tables land on the grid.
    pub snap: bool,
    drag: Option<Vec<(TableId, Position)>>,
    /// Where a box selection started (screen position) and whether it adds to the selection.
    rubber_band: Option<(Pos2, bool)>,
    /// Each table's width and height, which only change when the document's content does.
    sizes: HashMap<TableId, (f32, f32)>,
    /// The document change the sizes were measured at.
    sizes_at: Option<u64>,
    /// A table being renamed in place.
    pub renaming: Option<super::canvas_rename::Renaming>,
    /// A column being dragged to another place in its table.
    pub column_drag: Option<super::canvas_columns::ColumnDrag>,
    /// Problem badges by table, from the validator.
    pub badges: super::problems::Badges,
    /// A relationship being drawn from a column's connector.
    pub connecting: Option<super::canvas_connect::Connecting>,
    /// The relationship under the pointer (found in the previous frame).
    pub hovered_relationship: Option<crate::render::RelationshipId>,
    /// The picked relationship, group or note (drawn emphasised).
    pub picked: Option<super::Picked>,
    /// A group or note being dragged.
    pub(super) object_drag: Option<super::canvas_groups::ObjectDrag>,
    /// Focus mode's tables (the rest is faded), set by the app when the selection changes.
    pub focus: Option<BTreeSet<TableId>>,
    /// The overview in the corner.
    pub minimap: super::minimap::Minimap,
}

impl Canvas {
    /// Zooms by `factor` around the centre of the canvas.
    pub fn zoom_centered(&mut self, factor: f32) {
        if let Some(rect) = self.last_rect {
            self.viewport.zoom_around(rect.min, rect.center(), factor);
        }
    }

    /// Fits the whole diagram into view (now if the canvas size is known, else next frame).
    pub fn zoom_to_fit(&mut self, doc: &Document) {
        match (
            self.last_rect,
            crate::render::scene::diagram_bounds(doc, &Metrics::default()),
        ) {
            (Some(rect), Some(bounds)) => {
                self.viewport.fit(rect.size(), &bounds);
                self.fit_pending = false;
            }
            (Some(_), None) => {
                self.viewport = Viewport::default();
                self.fit_pending = false;
            }
            (None, _) => self.fit_pending = true,
        }
    }

    /// Every table's area: positions from the document, sizes measured once per content
    /// change (a drag only moves tables, so it reuses them).
    fn table_rects(&mut self, doc: &Document, changes: u64, metrics: &Metrics) -> TableRects {
        if self.sizes_at != Some(changes) && self.drag.is_none() {
            self.sizes = doc
                .tables
                .values()
                .map(|t| {
                    let r = crate::render::table_rect(doc, t, metrics);
                    (t.id, (r.width(), r.height()))
                })
                .collect();
            self.sizes_at = Some(changes);
        }
        doc.tables
            .values()
            .map(|t| {
                let (w, h) = self.sizes.get(&t.id).copied().unwrap_or_else(|| {
                    let r = crate::render::table_rect(doc, t, metrics);
                    (r.width(), r.height())
                });
                let min = crate::render::Point::new(t.position.x, t.position.y);
                (t.id, crate::render::Rect::from_min_size(min, w, h))
            })
            .collect()
    }

    /// Shows the canvas and queues the commands the user's input asks for. `changes` is the
    /// history's change counter, which tells when table sizes must be measured again.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        doc: &Document,
        changes: u64,
        selection: &BTreeSet<TableId>,
        commands: &mut Vec<Command>,
    ) {
        let (background, painter) =
            ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
        background
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Unknown, true, "Diagram canvas"));
        let rect = background.rect;
        self.last_rect = Some(rect);
        if self.fit_pending {
            self.zoom_to_fit(doc);
        }
        let palette = palette(ui.ctx());
        painter.rect_filled(rect, 0.0, color32(palette.background));
        self.grid(&painter, rect, color32(palette.grid));

        let metrics = Metrics::default();
        let visible = self.viewport.visible_world(rect);
        let rects = self.table_rects(doc, changes, &metrics);
        let detail = Detail::at_zoom(self.viewport.zoom);
        let scene = build_scene_from(
            doc,
            &palette,
            &metrics,
            &self.emphasis(selection),
            Some(visible),
            &rects,
            detail,
        );
        self.paint(&painter, rect, &scene);
        self.paint_badges(ui, &painter, rect.min, doc, &scene.tables);

        self.pan_and_zoom(ui, &background);
        if background.double_clicked()
            && let Some(pointer) = background.interact_pointer_pos()
        {
            let world = self.viewport.world_from_screen(rect.min, pointer);
            commands.push(Command::CreateTable(Position::new(world.x, world.y)));
        }
        self.box_select(ui, &painter, &background, &scene, selection, commands);
        self.group_bands_ui(ui, doc, rect.min, &scene, commands);
        for (id, world_rect) in &scene.tables {
            let Some(table) = doc.table(*id) else {
                continue;
            };
            let screen = self.viewport.screen_rect(rect.min, world_rect);
            let response = ui.interact(
                screen,
                ui.make_persistent_id(("table", id.0)),
                Sense::click_and_drag(),
            );
            // The label is only built when accessibility output is on.
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    selection.contains(id),
                    format!("Table {}", table.name),
                )
            });
            let press = ui.input(|i| i.pointer.press_origin());
            let started_on_handle = response.drag_started()
                && press.is_some_and(|p| {
                    self.start_connect(doc, *id, rect.min, p, world_rect)
                        || self.start_column_drag(doc, *id, rect.min, p, world_rect)
                });
            if !started_on_handle && self.column_drag.is_none() && self.connecting.is_none() {
                self.table_interaction(ui, doc, *id, &response, selection, commands);
            }
        }
        self.notes_ui(ui, doc, rect.min, &scene, commands);
        self.column_drag_ui(ui, &painter, doc, rect.min, &scene.tables, commands);
        self.connectors_ui(ui, &painter, doc, rect.min, &scene.tables, &palette);
        self.connect_ui(ui, &painter, doc, rect.min, &scene.tables, commands);
        self.relationship_pointer(ui, &background, &scene, !selection.is_empty(), commands);
        self.rename_ui(ui, doc, rect.min, &scene.tables, commands);
        self.minimap_ui(ui, rect, &rects, selection, changes);
    }

    /// `p` moved by `delta` (world units), on the grid when snapping is on.
    pub(super) fn place(&self, p: Position, delta: egui::Vec2) -> Position {
        let snap = |v: f32| {
            if self.snap {
                (v / SNAP).round() * SNAP
            } else {
                v.round()
            }
        };
        Position::new(snap(p.x + delta.x), snap(p.y + delta.y))
    }

    /// Where dragged tables land after the pointer moved `screen_delta` since the drag began:
    /// with snapping, the first table lands on the grid and the others keep their distance
    /// to it.
    pub(super) fn dragged_moves(
        &self,
        origins: &[(TableId, Position)],
        screen_delta: egui::Vec2,
    ) -> Vec<(TableId, Position)> {
        let delta = screen_delta / self.viewport.zoom;
        let shift = origins.first().map_or(delta, |(_, p)| {
            let placed = self.place(*p, delta);
            egui::Vec2::new(placed.x - p.x, placed.y - p.y)
        });
        origins
            .iter()
            .map(|(t, p)| {
                (
                    *t,
                    Position::new((p.x + shift.x).round(), (p.y + shift.y).round()),
                )
            })
            .collect()
    }

    fn table_interaction(
        &mut self,
        ui: &egui::Ui,
        doc: &Document,
        id: TableId,
        response: &egui::Response,
        selection: &BTreeSet<TableId>,
        commands: &mut Vec<Command>,
    ) {
        let modifiers = ui.input(|i| i.modifiers);
        if response.clicked() {
            let mut next = if modifiers.shift || modifiers.command {
                selection.clone()
            } else {
                BTreeSet::new()
            };
            if !next.remove(&id) || !(modifiers.shift || modifiers.command) {
                next.insert(id);
            }
            commands.push(Command::Select(next));
        }
        if response.double_clicked() {
            commands.push(Command::Select(BTreeSet::from([id])));
            commands.push(Command::Action(super::Action::Rename));
        }
        if response.drag_started() {
            let moving: BTreeSet<TableId> = if selection.contains(&id) {
                selection.clone()
            } else {
                commands.push(Command::Select(BTreeSet::from([id])));
                BTreeSet::from([id])
            };
            let origins: Vec<(TableId, Position)> = moving
                .iter()
                .filter_map(|t| doc.table(*t).map(|table| (*t, table.position)))
                .collect();
            let label = match origins.as_slice() {
                [(only, _)] => format!(
                    "Move table {}",
                    doc.table(*only)
                        .map(|t| t.name.to_string())
                        .unwrap_or_default()
                ),
                many => format!("Move {} tables", many.len()),
            };
            commands.push(Command::Begin(label));
            self.drag = Some(origins);
        }
        if response.dragged()
            && let (Some(origins), Some(delta)) = (&self.drag, response.total_drag_delta())
        {
            let moves = self.dragged_moves(origins, delta);
            commands.push(Command::Apply(Box::new(Edit::MoveTables(moves))));
        }
        if response.drag_stopped() && self.drag.take().is_some() {
            commands.push(Command::Commit);
        }
    }

    /// Dragging the empty canvas draws a box; the tables it touches become the selection
    /// (added to it with Shift or Ctrl).
    fn box_select(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        background: &egui::Response,
        scene: &Scene,
        selection: &BTreeSet<TableId>,
        commands: &mut Vec<Command>,
    ) {
        let (space, modifiers) = ui.input(|i| (i.key_down(egui::Key::Space), i.modifiers));
        // The box starts where the button went down, not where the drag was recognised.
        if background.drag_started_by(egui::PointerButton::Primary)
            && !space
            && let Some(start) = ui
                .input(|i| i.pointer.press_origin())
                .or_else(|| background.interact_pointer_pos())
        {
            self.rubber_band = Some((start, modifiers.shift || modifiers.command));
        }
        let Some((start, adding)) = self.rubber_band else {
            return;
        };
        let Some(now) = ui.input(|i| i.pointer.latest_pos()) else {
            return;
        };
        let screen = egui::Rect::from_two_pos(start, now);
        let accent = ui.visuals().selection.bg_fill;
        painter.rect_filled(screen, 0.0, accent.gamma_multiply(0.15));
        painter.rect_stroke(screen, 0.0, Stroke::new(1.0, accent), StrokeKind::Inside);
        if background.drag_stopped() {
            self.rubber_band = None;
            let origin = background.rect.min;
            let a = self.viewport.world_from_screen(origin, screen.min);
            let b = self.viewport.world_from_screen(origin, screen.max);
            let world = crate::render::Rect {
                min: crate::render::Point { x: a.x, y: a.y },
                max: crate::render::Point { x: b.x, y: b.y },
            };
            let mut chosen: BTreeSet<TableId> = if adding {
                selection.clone()
            } else {
                BTreeSet::new()
            };
            chosen.extend(
                scene
                    .tables
                    .iter()
                    .filter(|(_, r)| r.intersects(&world))
                    .map(|(id, _)| *id),
            );
            commands.push(Command::Select(chosen));
        }
    }

    fn pan_and_zoom(&mut self, ui: &egui::Ui, background: &egui::Response) {
        // The primary button draws a selection box; Space + drag and the middle button pan.
        let space = ui.input(|i| i.key_down(egui::Key::Space));
        if background.dragged() && (space || !background.dragged_by(egui::PointerButton::Primary)) {
            self.viewport.offset += background.drag_delta();
        }
        let (middle_down, pointer_delta, scroll, zoom, hover) = ui.input(|i| {
            (
                i.pointer.middle_down(),
                i.pointer.delta(),
                i.smooth_scroll_delta,
                i.zoom_delta(),
                i.pointer.hover_pos(),
            )
        });
        let Some(hover) = hover.filter(|p| background.rect.contains(*p)) else {
            return;
        };
        if middle_down && !background.dragged() {
            self.viewport.offset += pointer_delta;
        }
        if (zoom - 1.0).abs() > f32::EPSILON {
            self.viewport.zoom_around(background.rect.min, hover, zoom);
        } else if scroll != egui::Vec2::ZERO {
            self.viewport.offset += scroll;
        }
    }

    fn grid(&self, painter: &egui::Painter, rect: egui::Rect, color: Color32) {
        let step = 40.0 * self.viewport.zoom;
        if step < 12.0 {
            return;
        }
        let start = rect.min
            + egui::Vec2::new(
                self.viewport.offset.x.rem_euclid(step),
                self.viewport.offset.y.rem_euclid(step),
            );
        let mut x = start.x;
        while x < rect.max.x {
            let mut y = start.y;
            while y < rect.max.y {
                painter.circle_filled(Pos2::new(x, y), 1.0, color);
                y += step;
            }
            x += step;
        }
    }
}
