//! The one list of user commands: menus, keyboard shortcuts and the command palette are all
//! built from [`Action::ALL`].

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command the user can invoke from a menu or a shortcut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Start a new, empty project.
    New,
    /// Open a project file chosen in a dialog.
    Open,
    /// Import a SQL file chosen in a dialog.
    ImportSql,
    /// Write the design as DDL for a chosen dialect.
    ExportSql,
    /// Write the diagram (or the selected tables) as a PNG or SVG image.
    ExportImage,
    /// Write a data dictionary of the design (HTML or Markdown).
    ExportDocs,
    /// Show or hide the SQL preview panel.
    ToggleSqlPreview,
    /// Show or hide the Problems panel (design-rule findings).
    ToggleProblems,
    /// Open the design-rule settings (enable, severity, options, suppressions).
    DesignRules,
    /// Save to the current file (asks for a name when there is none).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Close the application.
    Quit,
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
    /// Select every table.
    SelectAll,
    /// Delete the selected tables.
    Delete,
    /// Copy the selected tables to the clipboard (as SQL).
    Copy,
    /// Copy the selected tables to the clipboard and delete them.
    Cut,
    /// Copy the selected tables in place.
    Duplicate,
    /// Rename the selected table (focus its name in the inspector).
    Rename,
    /// Collapse the selected tables to their headers, or expand them again.
    ToggleCollapse,
    /// Add a junction table between the two selected tables (many-to-many).
    ManyToMany,
    /// Arrange the selected tables (or all) with the layered layout.
    AutoLayout,
    /// Clear the selection.
    ClearSelection,
    /// Put the selected tables into a new group (subject area).
    GroupSelection,
    /// Remove the picked group, or the selected tables' groups; the tables stay.
    Ungroup,
    /// Add a sticky note (attached to the selected table, if one is selected).
    AddNote,
    /// Zoom in around the centre of the canvas.
    ZoomIn,
    /// Zoom out around the centre of the canvas.
    ZoomOut,
    /// Show the whole diagram.
    ZoomToFit,
    /// Back to 100 %.
    ZoomReset,
    /// Open the command palette: every action, filtered by typing.
    CommandPalette,
    /// Find a table or column by name and jump to it.
    Find,
    /// Show or hide the minimap.
    ToggleMinimap,
    /// Fade everything but the selected tables and their direct neighbours, or stop.
    ToggleFocus,
    /// Light or dark as the operating system says.
    ThemeSystem,
    /// Always the light theme.
    ThemeLight,
    /// Always the dark theme.
    ThemeDark,
}

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn command_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl Action {
    /// Whether the action's keys also mean something inside a text field, so that the
    /// field gets them while it has the keyboard.
    pub fn is_text_editing(self) -> bool {
        matches!(
            self,
            Self::Undo
                | Self::Redo
                | Self::SelectAll
                | Self::Delete
                | Self::Copy
                | Self::Cut
                | Self::Duplicate
                | Self::ClearSelection
        )
    }

    /// Every action. Shortcuts with more modifiers come before those with fewer, so
    /// Ctrl+Shift+S is matched before Ctrl+S.
    pub const ALL: [Self; 38] = [
        Self::SaveAs,
        Self::Ungroup,
        Self::Redo,
        Self::ToggleSqlPreview,
        Self::ToggleProblems,
        Self::DesignRules,
        Self::ToggleCollapse,
        Self::ToggleFocus,
        Self::AutoLayout,
        Self::New,
        Self::Open,
        Self::ImportSql,
        Self::ExportSql,
        Self::ExportImage,
        Self::ExportDocs,
        Self::Save,
        Self::Quit,
        Self::Undo,
        Self::SelectAll,
        Self::Delete,
        Self::Copy,
        Self::Cut,
        Self::Duplicate,
        Self::Rename,
        Self::ManyToMany,
        Self::ClearSelection,
        Self::GroupSelection,
        Self::AddNote,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomToFit,
        Self::ZoomReset,
        Self::CommandPalette,
        Self::Find,
        Self::ToggleMinimap,
        Self::ThemeSystem,
        Self::ThemeLight,
        Self::ThemeDark,
    ];

    /// The menu text (sentence case; "…" when a dialog follows).
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Open => "Open…",
            Self::ImportSql => "Import SQL…",
            Self::ExportSql => "Export SQL…",
            Self::ExportImage => "Export image…",
            Self::ExportDocs => "Export documentation…",
            Self::ToggleSqlPreview => "SQL preview",
            Self::ToggleProblems => "Problems",
            Self::DesignRules => "Design rules…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::SelectAll => "Select all",
            Self::Delete => "Delete",
            Self::Copy => "Copy as SQL",
            Self::Cut => "Cut",
            Self::Duplicate => "Duplicate",
            Self::Rename => "Rename",
            Self::ToggleCollapse => "Collapse / expand",
            Self::ManyToMany => "Many-to-many table",
            Self::AutoLayout => "Auto layout",
            Self::ClearSelection => "Clear selection",
            Self::GroupSelection => "Group selection",
            Self::Ungroup => "Ungroup",
            Self::AddNote => "Add note",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::ZoomToFit => "Zoom to fit",
            Self::ZoomReset => "Actual size",
            Self::CommandPalette => "Command palette…",
            Self::Find => "Find table or column…",
            Self::ToggleMinimap => "Minimap",
            Self::ToggleFocus => "Focus on selection",
            Self::ThemeSystem => "Theme: system",
            Self::ThemeLight => "Theme: light",
            Self::ThemeDark => "Theme: dark",
        }
    }

    /// The menu the action lives in, shown beside it in the command palette.
    pub fn menu(self) -> &'static str {
        match self {
            Self::New
            | Self::Open
            | Self::ImportSql
            | Self::ExportSql
            | Self::ExportImage
            | Self::ExportDocs
            | Self::Save
            | Self::SaveAs
            | Self::Quit => "File",
            Self::Undo
            | Self::Redo
            | Self::SelectAll
            | Self::Delete
            | Self::Copy
            | Self::Cut
            | Self::Duplicate
            | Self::Rename
            | Self::ToggleCollapse
            | Self::ManyToMany
            | Self::ClearSelection => "Edit",
            Self::AutoLayout | Self::GroupSelection | Self::Ungroup | Self::AddNote => "Arrange",
            Self::ToggleSqlPreview
            | Self::ToggleProblems
            | Self::DesignRules
            | Self::ZoomIn
            | Self::ZoomOut
            | Self::ZoomToFit
            | Self::ZoomReset
            | Self::CommandPalette
            | Self::Find
            | Self::ToggleMinimap
            | Self::ToggleFocus
            | Self::ThemeSystem
            | Self::ThemeLight
            | Self::ThemeDark => "View",
        }
    }

    /// The main keyboard shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        Some(match self {
            Self::New => command(Key::N),
            Self::Open => command(Key::O),
            Self::ImportSql => command(Key::I),
            Self::ExportSql => command(Key::E),
            Self::ToggleSqlPreview => command_shift(Key::E),
            Self::ToggleProblems => command_shift(Key::M),
            Self::DesignRules => command_shift(Key::R),
            Self::Save => command(Key::S),
            Self::SaveAs => command_shift(Key::S),
            Self::Quit => command(Key::Q),
            Self::Undo => command(Key::Z),
            Self::Redo => command_shift(Key::Z),
            Self::SelectAll => command(Key::A),
            Self::Delete => KeyboardShortcut::new(Modifiers::NONE, Key::Delete),
            Self::Copy => command(Key::C),
            Self::Cut => command(Key::X),
            Self::Duplicate => command(Key::D),
            Self::Rename => KeyboardShortcut::new(Modifiers::NONE, Key::F2),
            Self::ToggleCollapse => command_shift(Key::C),
            Self::ManyToMany => command(Key::M),
            Self::AutoLayout => command_shift(Key::L),
            Self::ClearSelection => KeyboardShortcut::new(Modifiers::NONE, Key::Escape),
            Self::GroupSelection => command(Key::G),
            Self::Ungroup => command_shift(Key::G),
            Self::AddNote | Self::ExportDocs | Self::ExportImage => return None,
            Self::ZoomIn => command(Key::Plus),
            Self::ZoomOut => command(Key::Minus),
            Self::ZoomToFit => command(Key::Num1),
            Self::ZoomReset => command(Key::Num0),
            Self::CommandPalette => command(Key::K),
            Self::Find => command(Key::F),
            Self::ToggleFocus => command_shift(Key::F),
            Self::ToggleMinimap | Self::ThemeSystem | Self::ThemeLight | Self::ThemeDark => {
                return None;
            }
        })
    }

    /// Extra shortcuts that do the same (Ctrl+Y for redo, Ctrl+= for zoom in).
    pub fn alternative_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Self::Redo => Some(command(Key::Y)),
            Self::ZoomIn => Some(command(Key::Equals)),
            _ => None,
        }
    }
}

/// Reads this frame's key presses and returns the actions they trigger. While `typing` (a
/// text field or an in-place rename has the keyboard) only save and quit apply, so the field
/// keeps its keys (Ctrl+A selects text there, Escape ends the rename).
pub fn triggered(ctx: &egui::Context, typing: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    ctx.input_mut(|input| {
        for action in Action::ALL {
            if typing && !matches!(action, Action::Save | Action::SaveAs | Action::Quit) {
                continue;
            }
            let hit = [action.shortcut(), action.alternative_shortcut()]
                .into_iter()
                .flatten()
                .any(|shortcut| input.consume_shortcut(&shortcut));
            if hit {
                actions.push(action);
            }
        }
    });
    actions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_shortcut_is_taken_by_an_earlier_action() {
        let keys: Vec<(Action, KeyboardShortcut)> = Action::ALL
            .into_iter()
            .flat_map(|a| {
                [a.shortcut(), a.alternative_shortcut()]
                    .into_iter()
                    .flatten()
                    .map(move |s| (a, s))
            })
            .collect();
        for (i, (earlier, first)) in keys.iter().enumerate() {
            for (later, second) in &keys[i + 1..] {
                let stolen = first.logical_key == second.logical_key
                    && second.modifiers.matches_logically(first.modifiers)
                    && earlier != later;
                assert!(!stolen, "{earlier:?} would take the keys of {later:?}");
            }
        }
    }

    #[test]
    fn every_action_is_listed_once_with_its_own_label() {
        let labels: std::collections::HashSet<&str> =
            Action::ALL.iter().map(|a| a.label()).collect();
        assert_eq!(labels.len(), Action::ALL.len());
    }
}
