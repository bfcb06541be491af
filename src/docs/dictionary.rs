//! What the data dictionary says, gathered once from the document for both formats.
//!
//! Everything here is plain text (each format escapes it) in the order it is written, and
//! every heading's anchor is handed out here, in the order the headings appear, so that the
//! HTML ids and the Markdown anchors GitHub generates are the same.

use std::collections::HashMap;

use crate::model::{Dialect, Document, GroupId, QualifiedName, Severity, TableId};
use crate::rules::Finding;
use crate::sql::export::is_default_schema;

use super::Options;
use super::anchors::Slugger;
use super::objects::{self, DomainDoc, EnumDoc, NoteDoc, ProblemGroup, SequenceDoc, ViewDoc};
use super::tables::{self, TableDoc};

/// A link to a heading of the dictionary: the text shown and the anchor, when the object
/// has a heading (an unresolved reference has none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The text shown.
    pub text: String,
    /// The fragment without `#`.
    pub anchor: Option<String>,
}

/// What kind of section a group of tables is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaKind {
    /// A group (subject area).
    SubjectArea,
    /// A group marked as a bounded context.
    BoundedContext,
    /// The tables in no group.
    Ungrouped,
}

/// The tables of one group, or the tables in none.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// The heading text ("Subject area: Catalog").
    pub heading: String,
    /// The heading's anchor.
    pub anchor: String,
    /// The group's name ("Catalog"), or "Other tables" ("Tables" when there are no groups).
    pub name: String,
    /// Subject area, bounded context or ungrouped.
    pub kind: AreaKind,
    /// The group's description.
    pub comment: Option<String>,
    /// The group's colour on the canvas, `#rrggbb`.
    pub color: Option<String>,
    /// Its tables, by name.
    pub tables: Vec<TableDoc>,
}

/// Counts for the generation note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Tables.
    pub tables: usize,
    /// Columns over all tables.
    pub columns: usize,
    /// Foreign keys.
    pub relationships: usize,
    /// Problems by severity: errors, warnings, infos.
    pub problems: [usize; 3],
}

/// The whole dictionary.
#[derive(Debug, Clone, PartialEq)]
pub struct Dictionary {
    /// The design's name.
    pub title: String,
    /// The title heading's text.
    pub heading: String,
    /// The dialect types are spelled in and rules were checked for.
    pub dialect: Dialect,
    /// The program and version that wrote the dictionary.
    pub generator: String,
    /// Sizes for the generation note.
    pub counts: Counts,
    /// Anchor of the title heading.
    pub title_anchor: String,
    /// Anchor of the contents heading.
    pub contents_anchor: String,
    /// Anchor of the diagram heading, when there is a diagram.
    pub diagram_anchor: Option<String>,
    /// Tables by group, groups first in their order, then the ungrouped tables.
    pub areas: Vec<Area>,
    /// Enum types, with the section's anchor.
    pub enums: (String, Vec<EnumDoc>),
    /// Domains, with the section's anchor.
    pub domains: (String, Vec<DomainDoc>),
    /// Sequences, with the section's anchor.
    pub sequences: (String, Vec<SequenceDoc>),
    /// Views, with the section's anchor.
    pub views: (String, Vec<ViewDoc>),
    /// Notes, with the section's anchor.
    pub notes: (String, Vec<NoteDoc>),
    /// Anchor of the problems heading.
    pub problems_anchor: String,
    /// Problems by table, in table order, then those on no table.
    pub problems: Vec<ProblemGroup>,
}

/// Anchors of the objects that have a heading, for links.
#[derive(Debug, Default)]
pub struct Anchors {
    /// Tables.
    pub tables: HashMap<TableId, String>,
    /// Enum types.
    pub enums: HashMap<crate::model::EnumId, String>,
    /// Domains.
    pub domains: HashMap<crate::model::DomainId, String>,
    /// Groups.
    pub groups: HashMap<GroupId, String>,
    /// Problem groups by table.
    pub problems: HashMap<TableId, String>,
}

/// Names read as the dialect reads them: the schema shown only when it is not the default.
pub fn display_name(name: &QualifiedName, dialect: Dialect) -> String {
    match &name.schema {
        Some(schema) if !is_default_schema(schema, dialect) => format!("{schema}.{}", name.name),
        _ => name.name.clone(),
    }
}

/// Which tables go in which area: groups in their order (empty ones left out), then the
/// tables in no group (or in a group that no longer exists); tables by name within each.
fn area_layout(doc: &Document, dialect: Dialect) -> Vec<(Option<GroupId>, Vec<TableId>)> {
    let mut by_group: HashMap<Option<GroupId>, Vec<TableId>> = HashMap::new();
    for table in doc.tables.values() {
        let group = table.group.filter(|g| doc.groups.contains_key(g));
        by_group.entry(group).or_default().push(table.id);
    }
    let name = |id: &TableId| {
        doc.table(*id)
            .map(|t| display_name(&t.name, dialect))
            .unwrap_or_default()
    };
    let keys = doc.groups.keys().map(|g| Some(*g)).chain([None]);
    keys.filter_map(|key| {
        let mut tables = by_group.remove(&key)?;
        tables.sort_by_cached_key(|id| (name(id).to_lowercase(), name(id), *id));
        Some((key, tables))
    })
    .collect()
}

/// Gathers the dictionary of `doc`: types spelled and names qualified for `options.dialect`,
/// with the findings that are not suppressed. `diagram` says whether a diagram section is
/// written (it takes a heading).
pub fn collect(
    doc: &Document,
    findings: &[Finding],
    options: &Options,
    diagram: bool,
) -> Dictionary {
    let dialect = options.dialect;
    let findings: Vec<&Finding> = findings.iter().filter(|f| f.suppressed.is_none()).collect();
    let mut slugs = Slugger::default();
    let heading = format!("{}: data dictionary", options.title);
    let title_anchor = slugs.anchor(&heading);
    let contents_anchor = slugs.anchor("Contents");
    let diagram_anchor = diagram.then(|| slugs.anchor("Diagram"));

    // Headings in the order they are written: areas and their tables, the other objects,
    // notes, then problems.
    let layout = area_layout(doc, dialect);
    let only_ungrouped = layout.iter().all(|(group, _)| group.is_none());
    let mut anchors = Anchors::default();
    let mut area_heads = Vec::new();
    for (group, tables) in &layout {
        let group = group.and_then(|g| doc.groups.get(&g));
        let (heading, kind) = match group {
            Some(g) if g.bounded_context => (
                format!("Bounded context: {}", g.name),
                AreaKind::BoundedContext,
            ),
            Some(g) => (format!("Subject area: {}", g.name), AreaKind::SubjectArea),
            None if only_ungrouped => ("Tables".to_owned(), AreaKind::Ungrouped),
            None => ("Other tables".to_owned(), AreaKind::Ungrouped),
        };
        let anchor = slugs.anchor(&heading);
        if let Some(g) = group {
            anchors.groups.insert(g.id, anchor.clone());
        }
        for id in tables {
            if let Some(table) = doc.table(*id) {
                let anchor = slugs.anchor(&display_name(&table.name, dialect));
                anchors.tables.insert(*id, anchor);
            }
        }
        area_heads.push((heading, anchor, kind, group));
    }
    // A section is written only when it has something, and only written headings take
    // anchors (GitHub numbers repeats among the headings it sees).
    let section = |slugs: &mut Slugger, text: &str, written: bool| {
        if written {
            slugs.anchor(text)
        } else {
            String::new()
        }
    };
    let enums_anchor = section(&mut slugs, "Enums", !doc.enums.is_empty());
    for e in doc.enums.values() {
        let anchor = slugs.anchor(&display_name(&e.name, dialect));
        anchors.enums.insert(e.id, anchor);
    }
    let domains_anchor = section(&mut slugs, "Domains", !doc.domains.is_empty());
    for d in doc.domains.values() {
        let anchor = slugs.anchor(&display_name(&d.name, dialect));
        anchors.domains.insert(d.id, anchor);
    }
    let sequences_anchor = section(&mut slugs, "Sequences", !doc.sequences.is_empty());
    let views_anchor = section(&mut slugs, "Views", !doc.views.is_empty());
    let view_anchors: Vec<String> = doc
        .views
        .values()
        .map(|v| slugs.anchor(&display_name(&v.name, dialect)))
        .collect();
    let notes_anchor = section(&mut slugs, "Notes", !doc.notes.is_empty());
    let problems_anchor = slugs.anchor("Problems");
    let table_order: Vec<TableId> = layout.iter().flat_map(|(_, t)| t.iter().copied()).collect();
    let problems = objects::problems(doc, dialect, &findings, &table_order, &anchors, &mut slugs);
    for group in &problems {
        if let (Some(table), Some(anchor)) = (group.table_id, &group.anchor) {
            anchors.problems.insert(table, anchor.clone());
        }
    }

    let areas = layout
        .iter()
        .zip(area_heads)
        .map(|((_, ids), (heading, anchor, kind, group))| Area {
            name: group.map_or_else(|| heading.clone(), |g| g.name.clone()),
            heading,
            anchor,
            kind,
            comment: group.and_then(|g| g.comment.clone()),
            color: group.map(|g| g.color.to_hex()),
            tables: ids
                .iter()
                .filter_map(|id| doc.table(*id))
                .map(|t| tables::table_doc(doc, dialect, t, &anchors, &findings))
                .collect(),
        })
        .collect();
    let mut counts = Counts {
        tables: doc.tables.len(),
        columns: doc.column_count(),
        relationships: doc.foreign_key_count(),
        problems: [0; 3],
    };
    for finding in &findings {
        let slot = Severity::ALL.iter().position(|s| *s == finding.severity);
        if let Some(slot) = slot {
            counts.problems[slot] += 1;
        }
    }
    Dictionary {
        title: options.title.clone(),
        heading,
        dialect,
        generator: format!("Schemata {}", env!("CARGO_PKG_VERSION")),
        counts,
        title_anchor,
        contents_anchor,
        diagram_anchor,
        areas,
        enums: (enums_anchor, objects::enums(doc, dialect, &anchors)),
        domains: (domains_anchor, objects::domains(doc, dialect, &anchors)),
        sequences: (sequences_anchor, objects::sequences(doc, dialect, &anchors)),
        views: (
            views_anchor,
            objects::views(doc, dialect, &anchors, view_anchors),
        ),
        notes: (notes_anchor, objects::notes(doc, dialect, &anchors)),
        problems_anchor,
        problems,
    }
}
