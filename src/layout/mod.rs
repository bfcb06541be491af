//! Placing tables on the canvas: the layered auto-layout of the foreign-key graph
//! (`auto_layout`), and placement of imported or pasted tables next to what they relate to
//! without moving anything already placed.

mod auto;
mod incremental;
mod layered;
mod order;
mod pack;
mod quality;

pub use auto::{auto_layout, grid_layout};
pub use incremental::{place_below, place_unplaced};
pub use layered::{Node, Spacing, layered};
pub use quality::{Quality, quality};
