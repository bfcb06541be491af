//! SARIF 2.1.0 output, as code-scanning services (GitHub, GitLab, Azure DevOps) read it.

use serde_json::{Value, json};

use crate::model::Severity;

use super::registry;
use super::report::Report;

/// The SARIF level of a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule_descriptor(id: &str, summary: &str, help: &str, level: &str, category: &str) -> Value {
    json!({
        "id": id,
        "name": id,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": help},
        "help": {"text": help},
        "defaultConfiguration": {"level": level},
        "properties": {"tags": [category]},
    })
}

/// A SARIF log with one run: every rule of the registry as a reporting descriptor (plus
/// `import` for problems found while reading SQL) and one result per problem. `uri` is the
/// linted file's path as it should appear in the repository (forward slashes, relative).
pub fn to_sarif(report: &Report, uri: &str) -> Value {
    let mut rules: Vec<Value> = registry()
        .iter()
        .map(|r| {
            let meta = r.meta();
            rule_descriptor(
                meta.id,
                meta.summary,
                meta.help,
                level(meta.severity),
                meta.category.name(),
            )
        })
        .collect();
    rules.push(rule_descriptor(
        "import",
        "A statement of the SQL file could not be read, or was read with a caveat.",
        "The importer keeps every statement it cannot model verbatim and reports it. Check \
         that the statement is what you meant, or that the dialect (--from) is right.",
        "warning",
        "import",
    ));
    let index_of = |id: &str| {
        rules
            .iter()
            .position(|r| r.get("id").and_then(Value::as_str) == Some(id))
    };
    let results: Vec<Value> = report
        .items
        .iter()
        .map(|item| {
            let (line, column) = item.location.unwrap_or((1, 1));
            let mut location = json!({
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": line.max(1), "startColumn": column.max(1)},
                },
            });
            if !item.object.is_empty() {
                location["logicalLocations"] = json!([{
                    "fullyQualifiedName": item.object,
                    "kind": if item.object.contains('.') { "member" } else { "type" },
                }]);
            }
            let mut message = item.message.clone();
            if let Some(fix) = &item.fix {
                message.push_str(&format!(" (quick fix: {fix})"));
            }
            let mut result = json!({
                "ruleId": item.rule,
                "level": level(item.severity),
                "message": {"text": message},
                "locations": [location],
                "partialFingerprints": {
                    "schemataObject/v1": format!("{}:{}", item.rule, item.object),
                },
            });
            if let Some(index) = index_of(&item.rule) {
                result["ruleIndex"] = json!(index);
            }
            result
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "schemata",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}
