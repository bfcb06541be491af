//! The minimap: a small overview in the canvas's bottom-right corner with every table as a
//! tiny rectangle and the visible area as a frame; clicking or dragging on it moves the view
//! there. The tables are one mesh, rebuilt only when the document or the canvas size changed,
//! so 10,000 tables cost one shape per frame.

use std::collections::BTreeSet;
use std::sync::Arc;

use egui::{Mesh, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2};

use super::canvas::Canvas;
use super::theme::{color32, palette};
use crate::model::TableId;
use crate::render::scene::TableRects;

/// The minimap's size on screen.
const SIZE: Vec2 = Vec2::new(200.0, 140.0);
/// Distance from the canvas's edges.
const MARGIN: f32 = 12.0;
/// Selected tables are marked on the minimap up to this many.
const MARKED: usize = 2000;

/// Whether the minimap is shown and what it last drew.
#[derive(Debug, Default)]
pub struct Minimap {
    /// The user's choice; `None` shows it when the diagram is larger than the view.
    pub choice: Option<bool>,
    /// Whether it was shown in the last frame.
    pub shown: bool,
    cache: Option<Cache>,
}

/// The tables drawn for one document state and minimap position.
#[derive(Debug)]
struct Cache {
    changes: u64,
    area: Rect,
    dark: bool,
    /// Screen position of the world origin and screen points per world unit.
    origin: Pos2,
    scale: f32,
    /// The diagram's extent in world units.
    bounds: crate::render::Rect,
    mesh: Arc<Mesh>,
}

impl Cache {
    fn to_screen(&self, p: crate::render::Point) -> Pos2 {
        self.origin + Vec2::new(p.x, p.y) * self.scale
    }

    fn to_world(&self, p: Pos2) -> crate::render::Point {
        let w = (p - self.origin) / self.scale;
        crate::render::Point::new(w.x, w.y)
    }

    fn screen_rect(&self, r: &crate::render::Rect) -> Rect {
        let min = self.to_screen(r.min);
        let max = self.to_screen(r.max);
        // Every table stays visible, however small.
        Rect::from_min_max(min, max.max(min + Vec2::splat(1.0)))
    }
}

impl Minimap {
    /// Shows or hides the minimap (overriding the automatic choice).
    pub fn toggle(&mut self) {
        self.choice = Some(!self.shown);
    }

    fn cache(
        &mut self,
        area: Rect,
        dark: bool,
        changes: u64,
        rects: &TableRects,
        color: egui::Color32,
    ) -> Option<&Cache> {
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|c| c.changes == changes && c.area == area && c.dark == dark);
        if !fresh {
            let bounds = rects.values().copied().reduce(|a, b| a.union(&b))?;
            let margin = bounds.width().max(bounds.height()) * 0.03;
            let bounds = bounds.expand(margin);
            let scale = (area.width() / bounds.width().max(1.0))
                .min(area.height() / bounds.height().max(1.0));
            let center = bounds.center();
            let origin = area.center() - Vec2::new(center.x, center.y) * scale;
            let mut cache = Cache {
                changes,
                area,
                dark,
                origin,
                scale,
                bounds,
                mesh: Arc::default(),
            };
            let mut mesh = Mesh::default();
            mesh.reserve_vertices(rects.len() * 4);
            mesh.reserve_triangles(rects.len() * 2);
            for rect in rects.values() {
                mesh.add_colored_rect(cache.screen_rect(rect), color);
            }
            cache.mesh = Arc::new(mesh);
            self.cache = Some(cache);
        }
        self.cache.as_ref()
    }
}

impl Canvas {
    /// Draws the minimap over the canvas `rect` (when shown) and moves the view to where it
    /// is clicked or dragged.
    pub(super) fn minimap_ui(
        &mut self,
        ui: &egui::Ui,
        rect: Rect,
        rects: &TableRects,
        selection: &BTreeSet<TableId>,
        changes: u64,
    ) {
        let visible = self.viewport.visible_world(rect);
        self.minimap.shown = self.minimap.choice.unwrap_or_else(|| {
            rects
                .values()
                .any(|r| !(visible.contains(r.min) && visible.contains(r.max)))
        });
        let fits = rect.width() > SIZE.x * 2.0 && rect.height() > SIZE.y * 2.0;
        if !self.minimap.shown || !fits || rects.is_empty() {
            return;
        }
        let area = Rect::from_min_size(rect.max - SIZE - Vec2::splat(MARGIN), SIZE);
        let palette = palette(ui.ctx());
        let dark = ui.visuals().dark_mode;
        let table_color = color32(palette.minimap_table);
        let Some(cache) = self.minimap.cache(area, dark, changes, rects, table_color) else {
            return;
        };
        let painter = ui.painter().with_clip_rect(area);
        painter.rect_filled(area, 4.0, color32(palette.minimap_background));
        painter.add(egui::Shape::Mesh(Arc::clone(&cache.mesh)));
        if selection.len() <= MARKED {
            let marked = color32(palette.minimap_selected);
            for r in selection.iter().filter_map(|id| rects.get(id)) {
                painter.rect_filled(cache.screen_rect(r), 0.0, marked);
            }
        }
        let frame_color = color32(palette.minimap_viewport);
        let frame = cache.screen_rect(&visible).intersect(area.shrink(1.0));
        painter.rect_filled(frame, 0.0, frame_color.gamma_multiply(0.12));
        painter.rect_stroke(
            frame,
            0.0,
            Stroke::new(1.5, frame_color),
            StrokeKind::Inside,
        );
        painter.rect_stroke(
            area,
            4.0,
            Stroke::new(1.0, color32(palette.table_stroke)),
            StrokeKind::Inside,
        );
        let to_world = |p: Pos2| cache.to_world(p.clamp(area.min, area.max));
        let response = ui.interact(
            area,
            ui.make_persistent_id("minimap"),
            Sense::click_and_drag(),
        );
        let bounds = cache.bounds;
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Unknown, true, "Minimap"));
        if (response.is_pointer_button_down_on() || response.clicked())
            && let Some(pointer) = response.interact_pointer_pos()
        {
            let world = to_world(pointer);
            let world = crate::render::Point::new(
                world.x.clamp(bounds.min.x, bounds.max.x),
                world.y.clamp(bounds.min.y, bounds.max.y),
            );
            let zoom = self.viewport.zoom;
            self.viewport.offset = rect.size() / 2.0 - Vec2::new(world.x, world.y) * zoom;
        }
    }
}
