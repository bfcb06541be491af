//! The design-rule configuration as written in a project file, and its conversion.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ProjectError;
use crate::model::{LintConfig, RuleSetting, Suppression};

/// The `lint` section: rule settings by id and suppressions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintFile {
    /// Settings by rule id (`"naming-case": (options: {"style": "snake_case"})`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, RuleSettingFile>,
    /// Findings silenced on one object, with the reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppress: Vec<SuppressionFile>,
}

/// One rule's setting.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSettingFile {
    /// `false` turns the rule off, `true` turns an off-by-default rule on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// `error`, `warning` or `info`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<String>,
    /// Option values as text.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
}

/// A suppression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuppressionFile {
    /// Rule id.
    pub rule: String,
    /// `table`, `schema.table`, `table.column` or `table.constraint`.
    pub object: String,
    /// Why.
    pub reason: String,
}

/// The on-disk form, or `None` when everything is at its default.
pub fn lint_file(config: &LintConfig) -> Option<LintFile> {
    if config.is_default() {
        return None;
    }
    let rules = config
        .rules
        .iter()
        .filter(|(_, setting)| !setting.is_default())
        .map(|(id, setting)| {
            let file = RuleSettingFile {
                enabled: setting.enabled,
                severity: setting.severity.map(|s| s.name().to_owned()),
                options: setting.options.clone(),
            };
            (id.clone(), file)
        })
        .collect();
    let mut suppress: Vec<SuppressionFile> = config
        .suppressions
        .iter()
        .map(|s| SuppressionFile {
            rule: s.rule.clone(),
            object: s.object.clone(),
            reason: s.reason.clone(),
        })
        .collect();
    suppress.sort_by(|a, b| (&a.rule, &a.object).cmp(&(&b.rule, &b.object)));
    Some(LintFile { rules, suppress })
}

/// The configuration read from a project file.
pub fn lint_config(file: LintFile) -> Result<LintConfig, ProjectError> {
    let mut config = LintConfig::default();
    for (id, setting) in file.rules {
        let severity = match setting.severity {
            Some(text) => Some(text.parse().map_err(|message: String| {
                ProjectError::Invalid(format!("lint rule {id}: {message}"))
            })?),
            None => None,
        };
        let setting = RuleSetting {
            enabled: setting.enabled,
            severity,
            options: setting.options,
        };
        config.rules.insert(id, setting);
    }
    config.suppressions = file
        .suppress
        .into_iter()
        .map(|s| Suppression {
            rule: s.rule,
            object: s.object,
            reason: s.reason,
        })
        .collect();
    Ok(config)
}
