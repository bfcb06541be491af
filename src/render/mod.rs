//! The scene description both the canvas and image export draw from, so what you see is
//! what you export. Everything here is in world units and independent of egui.

pub mod geometry;
pub mod regions;
mod relationship;
pub mod scene;
pub mod theme;

pub use geometry::{Point, Rect};
pub use scene::{
    Emphasis, Metrics, Primitive, RelationshipId, RelationshipShape, Scene, TextStyle, build_scene,
    table_rect,
};
pub use theme::Palette;
