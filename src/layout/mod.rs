//! Placing tables on the canvas.

mod shelf;

pub use shelf::{place_below, place_tables, place_unplaced};
