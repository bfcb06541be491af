//! The Find window (Ctrl+F): type part of a table or column name, then Enter or a click
//! selects the table and scrolls the canvas to it.

use std::collections::BTreeSet;

use egui::{Key, Modifiers};

use super::Command;
use super::search::{Hit, SearchIndex};
use crate::model::Document;

/// At most this many results are listed.
pub const SHOWN: usize = 50;

/// The Find window's state.
#[derive(Debug, Default)]
pub struct Find {
    /// Whether the window is shown.
    pub open: bool,
    /// The text typed so far.
    pub query: String,
    /// The highlighted result.
    pub highlight: usize,
    index: SearchIndex,
    hits: Vec<Hit>,
    total: usize,
    /// The query and document change the hits were found for.
    found_for: Option<(String, u64)>,
    moved: bool,
}

impl Find {
    /// Opens the window, keeping the last query so Ctrl+F, Enter finds the same again.
    pub fn show(&mut self) {
        self.open = true;
        self.highlight = 0;
    }

    /// The results for the current query (as of the last frame the window was shown).
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    fn refresh(&mut self, doc: &Document, changes: u64) {
        self.index.refresh(doc, changes);
        let wanted = (self.query.clone(), changes);
        if self.found_for.as_ref() != Some(&wanted) {
            (self.hits, self.total) = self.index.find(&self.query, SHOWN);
            self.found_for = Some(wanted);
            self.highlight = 0;
        }
    }

    /// Shows the window when open and queues the jump to the chosen result.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        changes: u64,
        commands: &mut Vec<Command>,
    ) {
        if !self.open {
            return;
        }
        self.refresh(doc, changes);
        let (down, up, enter) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::Enter),
            )
        });
        let last = self.hits.len().saturating_sub(1);
        if down {
            self.highlight = (self.highlight + 1).min(last);
        }
        if up {
            self.highlight = self.highlight.saturating_sub(1);
        }
        self.moved = down || up;
        let area = egui::Modal::default_area(egui::Id::unique("find"))
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0));
        let modal = egui::Modal::new(egui::Id::unique("find"))
            .area(area)
            .show(ctx, |ui| {
                ui.set_width(460.0);
                ui.label("Find table or column");
                let field = ui.add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text("Part of a name: orders, customer_id, orders.id")
                        .desired_width(f32::INFINITY),
                );
                let value = self.query.clone();
                field.widget_info(|| egui::WidgetInfo {
                    label: Some("Find text".to_owned()),
                    ..egui::WidgetInfo::text_edit(true, &value, &value, "")
                });
                if !field.has_focus() {
                    field.request_focus();
                }
                ui.separator();
                self.rows(ui)
            });
        // Text typed in this frame counts for Enter pressed in it.
        self.refresh(doc, changes);
        let typed = enter
            .then(|| self.hits.get(self.highlight).cloned())
            .flatten();
        if let Some(hit) = modal.inner.clone().or(typed) {
            commands.push(Command::Select(BTreeSet::from([hit.table])));
            commands.push(Command::CenterOn(hit.table));
            self.open = false;
        } else if modal.should_close() {
            self.open = false;
        }
    }

    /// The result list; returns the clicked result.
    fn rows(&self, ui: &mut egui::Ui) -> Option<Hit> {
        if self.index.is_empty() {
            ui.weak("The diagram has no tables");
            return None;
        }
        if self.query.trim().is_empty() {
            ui.weak(format!("{} tables and columns", self.index.len()));
            return None;
        }
        if self.hits.is_empty() {
            ui.weak("Nothing found");
            return None;
        }
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (i, hit) in self.hits.iter().enumerate() {
                    let kind = if hit.column.is_some() {
                        "column"
                    } else {
                        "table"
                    };
                    let row = egui::Button::selectable(i == self.highlight, hit.text.as_str())
                        .right_text(egui::RichText::new(kind).weak())
                        .min_size(egui::vec2(ui.available_width(), 0.0));
                    let response = ui.add(row);
                    if i == self.highlight && self.moved {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        clicked = Some(hit.clone());
                    }
                }
            });
        if self.total > self.hits.len() {
            ui.weak(format!("{} more", self.total - self.hits.len()));
        }
        clicked
    }
}
