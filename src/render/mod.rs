//! The scene description both the canvas and image export draw from, so what you see is
//! what you export. Everything here is in world units and independent of egui.

pub mod fonts;
pub mod geometry;
pub mod image;
mod notation;
mod obstacles;
pub mod regions;
mod relationship;
mod routing;
#[cfg(test)]
mod routing_tests;
pub mod scene;
mod tables;
pub mod theme;

pub use geometry::{Point, Rect};
pub use scene::{
    Emphasis, Metrics, Primitive, RelationshipId, RelationshipShape, Scene, TextStyle, build_scene,
    table_rect,
};
pub use theme::Palette;
