//! Live validation in the editor: the validator kept up to date after every change, the
//! badges the canvas draws, and the counts in the status bar.

use std::collections::HashMap;
use std::sync::Arc;

use super::SchemataApp;
use crate::model::{ColumnId, Document, Severity, TableId};
use crate::rules::{Finding, Validator};
use crate::sql::Diagnostic;

/// What the canvas marks on one table: its most serious finding, how many there are, and
/// the most serious finding per column.
#[derive(Debug, Clone, PartialEq)]
pub struct TableBadge {
    /// Most serious severity among the table's findings.
    pub worst: Severity,
    /// Number of findings about the table, its columns and constraints.
    pub count: usize,
    /// Most serious severity per column with findings.
    pub columns: HashMap<ColumnId, Severity>,
    /// The first few messages, for the tooltip.
    pub messages: Vec<String>,
}

/// An import diagnostic with the table it is about, when known.
pub type ImportNote = (Diagnostic, Option<TableId>);

/// Badges by table, shared with the canvas without copying.
pub type Badges = Arc<HashMap<TableId, TableBadge>>;

/// The Problems panel's state and the validator behind it.
#[derive(Debug)]
pub struct Problems {
    /// Keeps the findings current.
    pub validator: Validator,
    /// Whether the panel is shown.
    pub open: bool,
    /// Whether the rule settings window is shown.
    pub rules_open: bool,
    /// Text the findings are filtered by (rule, object or message).
    pub filter: String,
    /// Text the rule list in the settings window is filtered by.
    pub rules_filter: String,
    /// Which severities are listed: errors, warnings, infos.
    pub show: [bool; 3],
    /// A suppression being written: rule, object, reason so far.
    pub suppressing: Option<(String, String, String)>,
    /// Per-table badges for the canvas.
    pub badges: Badges,
    /// Numbers of findings by severity, counted when the findings change.
    pub counts: crate::rules::Counts,
    /// The last import's file name and diagnostics, with the table each is about.
    pub import_notes: Option<(String, Vec<ImportNote>)>,
    /// Sorted findings for the panel, rebuilt when the findings change.
    pub(super) rows: Vec<Finding>,
    rows_at: Option<u64>,
    checked_at: Option<u64>,
    badges_at: Option<u64>,
}

impl Default for Problems {
    fn default() -> Self {
        Self {
            validator: Validator::new(None),
            open: false,
            rules_open: false,
            filter: String::new(),
            rules_filter: String::new(),
            show: [true; 3],
            suppressing: None,
            badges: Arc::default(),
            counts: crate::rules::Counts::default(),
            import_notes: None,
            rows: Vec::new(),
            rows_at: None,
            checked_at: None,
            badges_at: None,
        }
    }
}

impl Problems {
    /// Brings the findings up to date with the document (incrementally) when the history's
    /// change counter moved since the last check, and refreshes the badges and rows.
    pub fn refresh(&mut self, doc: &Document, changes: u64) {
        if self.checked_at != Some(changes) {
            self.validator.update(doc);
            self.checked_at = Some(changes);
        }
        let revision = self.validator.revision();
        if self.badges_at != Some(revision) {
            self.badges = Arc::new(badges(&self.validator));
            self.counts = self.validator.counts();
            self.badges_at = Some(revision);
        }
        if self.open && self.rows_at != Some(revision) {
            self.rows = self.validator.sorted().into_iter().cloned().collect();
            self.rows_at = Some(revision);
        }
    }
}

fn badges(validator: &Validator) -> HashMap<TableId, TableBadge> {
    let mut badges: HashMap<TableId, TableBadge> = HashMap::new();
    for finding in validator.findings().filter(|f| f.suppressed.is_none()) {
        let Some(table) = finding.subject.table() else {
            continue;
        };
        let badge = badges.entry(table).or_insert_with(|| TableBadge {
            worst: finding.severity,
            count: 0,
            columns: HashMap::new(),
            messages: Vec::new(),
        });
        badge.worst = badge.worst.min(finding.severity);
        badge.count += 1;
        if badge.messages.len() < 6 {
            badge
                .messages
                .push(format!("{}: {}", finding.severity, finding.message));
        }
        if let crate::rules::Subject::Column(_, column) = finding.subject {
            let worst = badge.columns.entry(column).or_insert(finding.severity);
            *worst = (*worst).min(finding.severity);
        }
    }
    badges
}

/// The status-bar button with the finding counts; clicking it shows or hides the panel.
pub fn counts_button(ui: &mut egui::Ui, problems: &Problems) -> egui::Response {
    let counts = problems.counts;
    let text = format!(
        "{} errors · {} warnings · {} infos",
        counts.errors, counts.warnings, counts.infos
    );
    let color = if counts.errors > 0 {
        ui.visuals().error_fg_color
    } else if counts.warnings > 0 {
        ui.visuals().warn_fg_color
    } else {
        ui.visuals().text_color()
    };
    ui.add(egui::Button::new(egui::RichText::new(text).color(color)).frame(false))
        .on_hover_text("Show or hide the Problems panel (Ctrl+Shift+M)")
}

impl SchemataApp {
    /// Scrolls the canvas so `table` sits in the middle, zooming in to a readable size.
    pub fn center_on(&mut self, table: TableId) {
        let doc = self.history.doc();
        let Some(t) = doc.table(table) else {
            return;
        };
        let Some(canvas) = self.canvas.last_rect else {
            return;
        };
        let rect = crate::render::table_rect(doc, t, &crate::render::Metrics::default());
        let viewport = &mut self.canvas.viewport;
        viewport.zoom = viewport.zoom.max(0.8);
        let center = rect.center();
        viewport.offset = canvas.size() / 2.0 - egui::Vec2::new(center.x, center.y) * viewport.zoom;
    }

    /// Keeps an import's diagnostics for the Problems panel, each with the table it is about:
    /// the table whose statement starts last at or before the diagnostic's line, when that
    /// statement names it.
    pub fn remember_import_notes(&mut self, file: &str, diagnostics: &[Diagnostic]) {
        let doc = self.history.doc();
        let notes = diagnostics
            .iter()
            .map(|d| {
                let statement = d.statement.to_lowercase();
                let table = doc
                    .tables
                    .values()
                    .filter_map(|t| {
                        let s = t.source.as_ref()?;
                        (s.file == d.file && s.line <= d.line).then_some((s.line, t))
                    })
                    .max_by_key(|(line, _)| *line)
                    .filter(|(_, t)| statement.contains(&t.name.name.to_lowercase()))
                    .map(|(_, t)| t.id);
                (d.clone(), table)
            })
            .collect();
        self.problems.import_notes = Some((file.to_owned(), notes));
    }
}
