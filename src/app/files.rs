//! Opening and saving files from the editor, native file dialogs and the recent-files list.

use std::path::{Path, PathBuf};

use super::{Dialog, SchemataApp};
use crate::project;

const RECENT_KEY: &str = "recent_files";
const RECENT_LIMIT: usize = 10;

/// Asks for a project file to open. `None` when cancelled or when no dialog is available.
pub fn pick_open() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title("Open project")
        .add_filter("Schemata project", &[project::EXTENSION])
        .add_filter("All files", &["*"])
        .pick_file()
}

/// Asks where to save. `None` when cancelled or when no dialog is available.
pub fn pick_save(suggested: &str) -> Option<PathBuf> {
    let path = rfd::FileDialog::new()
        .set_title("Save project")
        .add_filter("Schemata project", &[project::EXTENSION])
        .set_file_name(suggested)
        .save_file()?;
    Some(if path.extension().is_none() {
        path.with_extension(project::EXTENSION)
    } else {
        path
    })
}

/// The application icon for the window.
pub fn app_icon() -> Option<egui::IconData> {
    let image = image::load_from_memory(include_bytes!("../../assets/icon.png")).ok()?;
    let rgba = image.to_rgba8();
    Some(egui::IconData {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
    })
}

/// Reads the recent-files list from eframe's storage.
pub fn load_recent(storage: &dyn eframe::Storage) -> Vec<PathBuf> {
    eframe::get_value::<Vec<PathBuf>>(storage, RECENT_KEY).unwrap_or_default()
}

/// Writes the recent-files list to eframe's storage.
pub fn save_recent(storage: &mut dyn eframe::Storage, recent: &[PathBuf]) {
    eframe::set_value(storage, RECENT_KEY, &recent);
}

impl SchemataApp {
    fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }

    /// Opens a project file, replacing the current document. On failure the current document
    /// stays and an error dialog explains why.
    pub fn open(&mut self, path: &Path) {
        match project::load(path) {
            Ok(doc) => {
                let recent = std::mem::take(&mut self.recent);
                let theme = self.theme;
                *self = Self::new(doc, Some(path.to_path_buf()));
                self.recent = recent;
                self.theme = theme;
                self.remember(path);
                self.status = format!("Opened {}", path.display());
            }
            Err(err) => {
                self.dialog = Some(Dialog::Error {
                    title: format!("Could not open {}", display_name(path)),
                    message: err.to_string(),
                });
            }
        }
    }

    /// Saves to the current file, or asks for one. Returns whether the document was saved.
    pub fn save(&mut self) -> bool {
        match self.path.clone() {
            Some(path) => self.save_to(path),
            None => self.save_as(),
        }
    }

    /// Asks for a file name and saves there. Returns whether the document was saved.
    pub fn save_as(&mut self) -> bool {
        let suggested = self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || self.untitled_name.clone(),
            |n| n.to_string_lossy().into_owned(),
        );
        match pick_save(&suggested) {
            Some(path) => self.save_to(path),
            None => false,
        }
    }

    /// Saves to `path` and makes it the document's file. On failure the previous file is
    /// intact, the document stays dirty and an error dialog explains why.
    pub fn save_to(&mut self, path: PathBuf) -> bool {
        self.history.commit();
        match project::save(&path, self.history.doc()) {
            Ok(()) => {
                self.history.mark_saved();
                self.remember(&path);
                self.status = format!("Saved {}", path.display());
                self.path = Some(path);
                true
            }
            Err(err) => {
                self.dialog = Some(Dialog::Error {
                    title: format!("Could not save {}", display_name(&path)),
                    message: format!(
                        "{err}\nYour changes are still here; nothing was overwritten."
                    ),
                });
                false
            }
        }
    }
}

/// The file name of a path, for titles and messages.
pub(super) fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
