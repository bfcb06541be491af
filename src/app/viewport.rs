//! Mapping between world units (the model's positions) and screen points.

use egui::{Pos2, Rect, Vec2};

use crate::render;

/// Smallest and largest zoom factors.
pub const ZOOM_RANGE: (f32, f32) = (0.05, 4.0);

/// Pan and zoom of the canvas: `screen = origin + offset + world * zoom`, where `origin` is
/// the canvas's top-left corner on screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Screen offset of the world origin from the canvas's top-left corner.
    pub offset: Vec2,
    /// Screen points per world unit.
    pub zoom: f32,
}

impl Default for Viewport {
    fn default() -> Self {
        Self {
            offset: Vec2::new(40.0, 40.0),
            zoom: 1.0,
        }
    }
}

impl Viewport {
    /// World point → screen point.
    pub fn screen_from_world(&self, origin: Pos2, p: render::Point) -> Pos2 {
        origin + self.offset + Vec2::new(p.x, p.y) * self.zoom
    }

    /// Screen point → world point.
    pub fn world_from_screen(&self, origin: Pos2, p: Pos2) -> render::Point {
        let world = (p - origin - self.offset) / self.zoom;
        render::Point::new(world.x, world.y)
    }

    /// World rectangle → screen rectangle.
    pub fn screen_rect(&self, origin: Pos2, r: &render::Rect) -> Rect {
        Rect::from_min_max(
            self.screen_from_world(origin, r.min),
            self.screen_from_world(origin, r.max),
        )
    }

    /// The world area visible in a canvas of the given screen rectangle.
    pub fn visible_world(&self, canvas: Rect) -> render::Rect {
        render::Rect {
            min: self.world_from_screen(canvas.min, canvas.min),
            max: self.world_from_screen(canvas.min, canvas.max),
        }
    }

    /// Multiplies the zoom by `factor`, keeping the world point under `anchor` in place.
    pub fn zoom_around(&mut self, origin: Pos2, anchor: Pos2, factor: f32) {
        let world = self.world_from_screen(origin, anchor);
        self.zoom = (self.zoom * factor).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        let moved = self.screen_from_world(origin, world);
        self.offset += anchor - moved;
    }

    /// Zoom and pan so that `bounds` fills a canvas of `size` with a margin, never
    /// enlarging beyond 100 %.
    pub fn fit(&mut self, size: Vec2, bounds: &render::Rect) {
        let margin = 40.0;
        let width = bounds.width().max(1.0);
        let height = bounds.height().max(1.0);
        let zoom_x = (size.x - 2.0 * margin).max(1.0) / width;
        let zoom_y = (size.y - 2.0 * margin).max(1.0) / height;
        self.zoom = zoom_x.min(zoom_y).clamp(ZOOM_RANGE.0, 1.0);
        let center = bounds.center();
        self.offset = size / 2.0 - Vec2::new(center.x, center.y) * self.zoom;
    }

    /// The world point at the centre of a canvas of the given rectangle.
    pub fn world_center(&self, canvas: Rect) -> render::Point {
        self.world_from_screen(canvas.min, canvas.center())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_and_world_round_trip_under_zoom() {
        let mut viewport = Viewport::default();
        let origin = Pos2::new(10.0, 20.0);
        viewport.zoom_around(origin, Pos2::new(300.0, 200.0), 2.0);
        let p = render::Point::new(123.0, -45.0);
        let back = viewport.world_from_screen(origin, viewport.screen_from_world(origin, p));
        assert!((back.x - p.x).abs() < 1e-3 && (back.y - p.y).abs() < 1e-3);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_cursor() {
        let mut viewport = Viewport::default();
        let origin = Pos2::ZERO;
        let anchor = Pos2::new(250.0, 125.0);
        let before = viewport.world_from_screen(origin, anchor);
        viewport.zoom_around(origin, anchor, 1.7);
        let after = viewport.world_from_screen(origin, anchor);
        assert!((before.x - after.x).abs() < 1e-3 && (before.y - after.y).abs() < 1e-3);
    }

    #[test]
    fn fit_centres_the_bounds() {
        let mut viewport = Viewport::default();
        let bounds = render::Rect::from_min_size(render::Point::new(100.0, 100.0), 2000.0, 1000.0);
        let canvas = Rect::from_min_size(Pos2::ZERO, Vec2::new(1000.0, 600.0));
        viewport.fit(canvas.size(), &bounds);
        let center = viewport.world_center(canvas);
        assert!((center.x - 1100.0).abs() < 1e-2 && (center.y - 600.0).abs() < 1e-2);
        assert!(viewport.zoom < 1.0);
    }
}
