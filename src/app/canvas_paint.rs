//! Painting a scene on the canvas: world units to screen, shapes handed over in one batch.

use egui::{Align2, FontId, Stroke, StrokeKind};

use super::canvas::{Canvas, DETAIL_ZOOM};
use super::theme::color32;
use crate::render::scene::Anchor;
use crate::render::{Primitive, Scene, TextStyle};

impl Canvas {
    /// Paints the scene. Shapes are collected first and handed to the painter in one call;
    /// texts are laid out under one lock of the font cache.
    pub(super) fn paint(&self, painter: &egui::Painter, rect: egui::Rect, scene: &Scene) {
        let zoom = self.viewport.zoom;
        let origin = rect.min;
        let detailed = zoom >= DETAIL_ZOOM;
        let mut shapes: Vec<egui::Shape> = Vec::with_capacity(scene.primitives.len() * 2);
        painter.fonts_mut(|fonts| {
            for primitive in &scene.primitives {
                match primitive {
                    Primitive::Rect {
                        rect: r,
                        radius,
                        fill,
                        stroke,
                    } => {
                        let screen = self.viewport.screen_rect(origin, r);
                        shapes.push(egui::Shape::rect_filled(
                            screen,
                            radius * zoom,
                            color32(*fill),
                        ));
                        if let Some((width, color)) = stroke {
                            shapes.push(egui::Shape::rect_stroke(
                                screen,
                                radius * zoom,
                                Stroke::new(*width, color32(*color)),
                                StrokeKind::Inside,
                            ));
                        }
                    }
                    Primitive::Text {
                        pos,
                        text,
                        size,
                        style,
                        anchor,
                        color,
                    } => {
                        if !detailed && *style != TextStyle::Header {
                            continue;
                        }
                        let size = if detailed {
                            size * zoom
                        } else {
                            (size * zoom * 2.0).max(6.0)
                        };
                        let font = match style {
                            TextStyle::Header => FontId::proportional(size),
                            TextStyle::Body | TextStyle::Marker => FontId::monospace(size),
                        };
                        let align = match anchor {
                            Anchor::Left => Align2::LEFT_CENTER,
                            Anchor::Right => Align2::RIGHT_CENTER,
                        };
                        let galley = fonts.layout_no_wrap(text.clone(), font, color32(*color));
                        let at = align
                            .anchor_size(
                                self.viewport.screen_from_world(origin, *pos),
                                galley.size(),
                            )
                            .min;
                        shapes.push(egui::Shape::galley(at, galley, color32(*color)));
                    }
                    Primitive::Circle {
                        center,
                        radius,
                        fill,
                        stroke: (width, color),
                    } => {
                        let center = self.viewport.screen_from_world(origin, *center);
                        shapes.push(egui::Shape::circle_filled(
                            center,
                            radius * zoom,
                            fill.map_or(egui::Color32::TRANSPARENT, color32),
                        ));
                        shapes.push(egui::Shape::circle_stroke(
                            center,
                            radius * zoom,
                            Stroke::new(width * zoom.sqrt(), color32(*color)),
                        ));
                    }
                    Primitive::Line {
                        points,
                        width,
                        color,
                    } => {
                        let points = points
                            .iter()
                            .map(|p| self.viewport.screen_from_world(origin, *p))
                            .collect();
                        shapes.push(egui::Shape::line(
                            points,
                            Stroke::new(width * zoom.sqrt(), color32(*color)),
                        ));
                    }
                }
            }
        });
        painter.extend(shapes);
    }
}
