//! Loading and atomic saving of project files.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{ProjectError, from_text, to_text};
use crate::model::Document;

fn io_error(path: &Path, err: &io::Error) -> ProjectError {
    let message = match err.kind() {
        io::ErrorKind::NotFound => "the file or folder does not exist".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "this is a folder, not a file".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_owned(),
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        _ => err.to_string(),
    };
    ProjectError::Io {
        path: path.display().to_string(),
        message,
    }
}

/// Reads a project file.
pub fn load(path: &Path) -> Result<Document, ProjectError> {
    if path.is_dir() {
        return Err(ProjectError::Io {
            path: path.display().to_string(),
            message: "this is a folder, not a project file".into(),
        });
    }
    let bytes = fs::read(path).map_err(|err| io_error(path, &err))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        ProjectError::NotAProject(format!(
            "{}: this is not a Schemata project (it is not UTF-8 text)",
            path.display()
        ))
    })?;
    from_text(&text)
}

/// Saves a document to `path` atomically; the previous file, if any, is kept as
/// `<path>.bak`.
pub fn save(path: &Path, doc: &Document) -> Result<(), ProjectError> {
    write_atomic(path, to_text(doc).as_bytes())
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Writes bytes to `path` so that a reader sees either the old or the new file, never a
/// half-written one: write a temporary file in the same folder, flush it to disk, keep the
/// old file as `<path>.bak`, then rename the temporary file over `path`. On any failure the
/// previous file is left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ProjectError> {
    if path.is_dir() {
        return Err(ProjectError::Io {
            path: path.display().to_string(),
            message: "this is a folder; choose a file name to save to".into(),
        });
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(ProjectError::Io {
            path: folder.display().to_string(),
            message: "the folder does not exist".into(),
        });
    }
    let temp = sibling(path, ".tmp");
    let write = || -> io::Result<()> {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    };
    if let Err(err) = write() {
        // Only remove what we created: a directory in the way is not ours.
        if temp.is_file() {
            let _ = fs::remove_file(&temp);
        }
        return Err(io_error(path, &err));
    }
    if path.is_file()
        && let Err(err) = fs::copy(path, sibling(path, ".bak"))
    {
        let _ = fs::remove_file(&temp);
        return Err(io_error(path, &err));
    }
    if let Err(err) = fs::rename(&temp, path) {
        let _ = fs::remove_file(&temp);
        return Err(io_error(path, &err));
    }
    // Make the rename itself durable; failing to sync a folder is not worth failing the save.
    if let Ok(dir) = fs::File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}
