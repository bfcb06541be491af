//! Project files on disk: atomic saves, backups, old versions and bad input.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;

use schemata::model::{Document, IdentityKind, QualifiedName, TableRef, TypeKind, TypeRef};
use schemata::project::{self, ProjectError};

fn sample() -> Document {
    schemata::samples::ecommerce().unwrap()
}

#[test]
fn save_writes_the_file_and_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.schemata");
    project::save(&path, &Document::new()).unwrap();
    let empty = fs::read_to_string(&path).unwrap();
    assert!(!dir.path().join("shop.schemata.bak").exists());
    project::save(&path, &sample()).unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join("shop.schemata.bak")).unwrap(),
        empty
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        project::to_text(&sample())
    );
    assert!(
        !dir.path().join("shop.schemata.tmp").exists(),
        "no temporary file left behind"
    );
}

#[test]
fn saving_twice_gives_identical_bytes_and_reloading_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.schemata");
    project::save(&path, &sample()).unwrap();
    let first = fs::read(&path).unwrap();
    let reloaded = project::load(&path).unwrap();
    project::save(&path, &reloaded).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first);
}

#[test]
fn a_failed_save_leaves_the_previous_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.schemata");
    project::save(&path, &sample()).unwrap();
    let before = fs::read(&path).unwrap();
    // Something in the way of the temporary file makes the write fail before any rename.
    fs::create_dir(dir.path().join("shop.schemata.tmp")).unwrap();
    let err = project::save(&path, &Document::new()).unwrap_err();
    assert!(matches!(err, ProjectError::Io { .. }), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(
        dir.path().join("shop.schemata.tmp").is_dir(),
        "a folder that is not ours stays"
    );
}

#[test]
fn saving_into_a_missing_folder_or_onto_a_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let err = project::save(&dir.path().join("nope").join("x.schemata"), &sample()).unwrap_err();
    assert!(
        err.to_string().contains("the folder does not exist"),
        "{err}"
    );
    let err = project::save(dir.path(), &sample()).unwrap_err();
    assert!(err.to_string().contains("folder"), "{err}");
}

/// Whether the current user can create files in a folder without write permission (root can).
fn permissions_bind(dir: &Path) -> bool {
    fs::File::create(dir.join("probe")).is_err()
}

#[test]
fn saving_into_a_read_only_folder_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.schemata");
    project::save(&path, &sample()).unwrap();
    let before = fs::read(&path).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    if permissions_bind(dir.path()) {
        let err = project::save(&path, &Document::new()).unwrap_err();
        assert!(err.to_string().contains("permission denied"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), before);
    } else {
        // Running as root, folder permissions do not apply; a read-only file system does.
        let err = project::save(Path::new("/proc/shop.schemata"), &sample()).unwrap_err();
        assert!(matches!(err, ProjectError::Io { .. }), "{err}");
    }
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn loading_bad_files_gives_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    let missing = project::load(&dir.path().join("absent.schemata")).unwrap_err();
    assert!(missing.to_string().contains("does not exist"), "{missing}");

    let binary = dir.path().join("picture.schemata");
    fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0xff, 0xfe, 0]).unwrap();
    let err = project::load(&binary).unwrap_err();
    assert!(matches!(err, ProjectError::NotAProject(_)), "{err}");

    let folder = project::load(dir.path()).unwrap_err();
    assert!(folder.to_string().contains("folder"), "{folder}");

    let truncated = dir.path().join("truncated.schemata");
    let text = project::to_text(&sample());
    fs::write(&truncated, &text[..text.len() / 2]).unwrap();
    let err = project::load(&truncated).unwrap_err();
    assert!(matches!(err, ProjectError::Syntax { .. }), "{err}");
}

#[test]
fn a_version_1_file_is_migrated() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/shop-v1.schemata");
    let doc = project::load(&path).unwrap();
    let customers = doc.table_named(&QualifiedName::new("customers")).unwrap();
    assert_eq!((customers.position.x, customers.position.y), (40.0, 60.0));
    let id = customers.column_named("id").unwrap();
    assert!(!id.nullable);
    assert_eq!(id.identity.map(|i| i.kind), Some(IdentityKind::Always));
    assert!(customers.column_named("nickname").unwrap().nullable);
    let orders = doc
        .table_named(&QualifiedName::qualified("sales", "orders"))
        .unwrap();
    assert_eq!((orders.position.x, orders.position.y), (420.0, 60.0));
    assert_eq!(
        orders.foreign_keys[0].referenced_table,
        TableRef::Resolved(customers.id)
    );
    assert!(matches!(
        orders.column_named("status").unwrap().data_type.kind,
        TypeKind::Enum(TypeRef::Resolved(_))
    ));
    // Saved again, it is written in the current version.
    let text = project::to_text(&doc);
    assert!(text.contains(&format!("format_version: {}", project::CURRENT_VERSION)));
    assert!(text.contains("position: (420.0, 60.0)"));
    assert!(!text.contains("not_null"));
}
