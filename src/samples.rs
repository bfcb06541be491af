//! Samples bundled with the program.

/// The e-commerce model from the architect's brief, as a project file.
pub const ECOMMERCE_PROJECT: &str = include_str!("../samples/ecommerce.schemata");

/// The file name the bundled sample is shown under.
pub const ECOMMERCE_NAME: &str = "ecommerce.schemata";

/// The e-commerce model as a document.
pub fn ecommerce() -> Result<crate::model::Document, crate::project::ProjectError> {
    crate::project::from_text(ECOMMERCE_PROJECT)
}
