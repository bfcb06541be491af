//! The command palette (Ctrl+K): every action of [`Action::ALL`] with its menu and shortcut,
//! filtered as the user types; arrow keys move the highlight, Enter or a click runs it.

use egui::{Key, Modifiers};

use super::{Action, Command};

/// How well a filter matches an action's text: lower is better.
fn rank(text: &str, query: &str) -> Option<u32> {
    if query.is_empty() {
        return Some(0);
    }
    let text = text.to_lowercase();
    if text.starts_with(query) {
        return Some(0);
    }
    if let Some(at) = text.find(query) {
        // A match at the start of a word beats one inside a word.
        let word_start = text[..at].ends_with([' ', ':', '/']);
        return Some(if word_start { 1 } else { 2 });
    }
    // Fuzzy: the query's characters appear in order.
    let mut rest = text.chars();
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|q| rest.any(|c| c == q))
        .then_some(3)
}

/// The text an action is listed and filtered by: its label without the trailing "…".
pub fn display_label(action: Action) -> &'static str {
    action.label().trim_end_matches('…')
}

/// The actions matching `query`, best first; with an empty query every action, by menu.
pub fn matching(query: &str) -> Vec<Action> {
    let query = query.trim().to_lowercase();
    let menu_order = |a: Action| match a.menu() {
        "File" => 0,
        "Edit" => 1,
        _ => 2,
    };
    let mut found: Vec<(u32, usize, Action)> = Action::ALL
        .into_iter()
        .enumerate()
        .filter_map(|(i, action)| {
            let by_label = rank(display_label(action), &query);
            let by_menu =
                rank(&format!("{} {}", action.menu(), action.label()), &query).map(|r| r.max(2));
            let best = by_label.into_iter().chain(by_menu).min()?;
            Some((best, menu_order(action) * 100 + i, action))
        })
        .collect();
    found.sort_by_key(|&(rank, order, _)| (rank, order));
    found.into_iter().map(|(_, _, action)| action).collect()
}

/// The palette's state.
#[derive(Debug, Default)]
pub struct CommandPalette {
    /// Whether the palette is shown.
    pub open: bool,
    /// The filter typed so far.
    pub query: String,
    /// The highlighted row among the matches.
    pub highlight: usize,
    /// The highlight moved by a key this frame, so its row scrolls into view.
    moved: bool,
}

impl CommandPalette {
    /// Opens the palette with an empty filter.
    pub fn show(&mut self) {
        self.open = true;
        self.query.clear();
        self.highlight = 0;
    }

    /// Shows the palette when open; a chosen action is queued as a command.
    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let matches = matching(&self.query);
        let (down, up, enter) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::Enter),
            )
        });
        let last = matches.len().saturating_sub(1);
        if down {
            self.highlight = (self.highlight + 1).min(last);
        }
        if up {
            self.highlight = self.highlight.saturating_sub(1);
        }
        self.moved = down || up;
        self.highlight = self.highlight.min(last);
        let area = egui::Modal::default_area(egui::Id::unique("command_palette"))
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0));
        let modal = egui::Modal::new(egui::Id::unique("command_palette"))
            .area(area)
            .show(ctx, |ui| {
                ui.set_width(460.0);
                let field = ui.add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text("Type to filter commands")
                        .desired_width(f32::INFINITY),
                );
                let value = self.query.clone();
                field.widget_info(|| egui::WidgetInfo {
                    label: Some("Command filter".to_owned()),
                    ..egui::WidgetInfo::text_edit(true, &value, &value, "")
                });
                if !field.has_focus() {
                    field.request_focus();
                }
                if field.changed() {
                    self.highlight = 0;
                }
                ui.separator();
                self.rows(ui, &matches)
            });
        // Text typed in this frame counts for Enter pressed in it.
        let typed = enter
            .then(|| matching(&self.query).get(self.highlight).copied())
            .flatten();
        if let Some(action) = modal.inner.or(typed) {
            commands.push(Command::Action(action));
            self.open = false;
        } else if modal.should_close() {
            self.open = false;
        }
    }

    /// The list of matching actions; returns the clicked one.
    fn rows(&self, ui: &mut egui::Ui, matches: &[Action]) -> Option<Action> {
        if matches.is_empty() {
            ui.weak("No matching command");
            return None;
        }
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (i, &action) in matches.iter().enumerate() {
                    let shortcut = action
                        .shortcut()
                        .map(|s| ui.ctx().format_shortcut(&s))
                        .unwrap_or_default();
                    let row = egui::Button::selectable(i == self.highlight, display_label(action))
                        .right_text(egui::RichText::new(action.menu()).weak())
                        .shortcut_text(shortcut)
                        .min_size(egui::vec2(ui.available_width(), 0.0));
                    let response = ui.add(row);
                    if i == self.highlight && self.moved {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        clicked = Some(action);
                    }
                }
            });
        clicked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_filter_lists_every_action_once() {
        let listed = matching("");
        assert_eq!(listed.len(), Action::ALL.len());
        for action in Action::ALL {
            assert!(listed.contains(&action), "{action:?} is listed");
        }
    }

    #[test]
    fn prefix_matches_come_first_and_fuzzy_ones_last() {
        let found = matching("zoom");
        assert_eq!(found.first(), Some(&Action::ZoomIn));
        assert!(found.contains(&Action::ZoomToFit));
        assert!(!found.contains(&Action::Save));
        // Subsequence of "Zoom to fit".
        assert_eq!(matching("ztf").first(), Some(&Action::ZoomToFit));
        assert_eq!(matching("Problems").first(), Some(&Action::ToggleProblems));
        assert!(matching("qqqq").is_empty());
    }

    #[test]
    fn labels_lose_the_ellipsis() {
        assert_eq!(display_label(Action::Find), "Find table or column");
    }
}
