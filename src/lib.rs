//! Schemata: a visual database schema designer.
//!
//! The core — [`model`], [`history`], [`project`], [`render`] and [`cli`] — builds without the
//! GUI (`--no-default-features`) and never touches egui. The `app` module (feature `gui`) is
//! the eframe desktop application on top of it.
#![forbid(unsafe_code)]

pub mod cli;
pub mod docs;
pub mod history;
pub mod layout;
pub mod model;
pub mod project;
pub mod render;
pub mod rules;
pub mod samples;
pub mod sql;

#[cfg(feature = "gui")]
pub mod app;
