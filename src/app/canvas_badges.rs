//! Problem badges on the canvas: a dot with the number of findings at a table's corner,
//! coloured by the most serious one, and a small dot beside each column with findings.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Vec2};

use super::canvas::{Canvas, DETAIL_ZOOM};
use crate::model::{Document, Severity, TableId};
use crate::render::{Metrics, Point};

/// The colour of a severity on the canvas.
pub fn severity_color(visuals: &egui::Visuals, severity: Severity) -> Color32 {
    match severity {
        Severity::Error => visuals.error_fg_color,
        Severity::Warning => visuals.warn_fg_color,
        Severity::Info => super::theme::color32(super::theme::palette_for(visuals).badge_info),
    }
}

impl Canvas {
    /// Paints the badges of the visible tables; hovering one lists its findings.
    pub(super) fn paint_badges(
        &self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        origin: Pos2,
        doc: &Document,
        tables: &[(TableId, crate::render::Rect)],
    ) {
        if self.badges.is_empty() {
            return;
        }
        let zoom = self.viewport.zoom;
        let metrics = Metrics::default();
        let visuals = ui.visuals().clone();
        for (id, world) in tables {
            let (Some(badge), Some(table)) = (self.badges.get(id), doc.table(*id)) else {
                continue;
            };
            let screen = self.viewport.screen_rect(origin, world);
            let radius = (8.0 * zoom.sqrt()).clamp(4.0, 11.0);
            let center = Pos2::new(screen.max.x, screen.min.y);
            painter.circle_filled(center, radius, severity_color(&visuals, badge.worst));
            if zoom >= DETAIL_ZOOM {
                painter.text(
                    center,
                    Align2::CENTER_CENTER,
                    badge.count.min(99).to_string(),
                    FontId::proportional(radius * 1.2),
                    super::theme::color32(super::theme::palette_for(&visuals).badge_text),
                );
            }
            let area = Rect::from_center_size(center, Vec2::splat(radius * 2.0));
            let response =
                ui.interact(area, ui.make_persistent_id(("badge", id.0)), Sense::hover());
            let name = table.name.to_string();
            let count = badge.count;
            response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Label,
                    true,
                    format!("Problems of table {name}: {count}"),
                )
            });
            response.on_hover_text(badge.messages.join("\n"));
            if zoom < DETAIL_ZOOM || table.collapsed {
                continue;
            }
            for (row, column) in table.columns.iter().enumerate() {
                let Some(severity) = badge.columns.get(&column.id) else {
                    continue;
                };
                let y =
                    world.min.y + metrics.header_height + metrics.row_height * (row as f32 + 0.5);
                let at = self
                    .viewport
                    .screen_from_world(origin, Point::new(world.max.x - 5.0, y));
                painter.circle_filled(at, 3.0 * zoom.sqrt(), severity_color(&visuals, *severity));
            }
        }
    }
}
