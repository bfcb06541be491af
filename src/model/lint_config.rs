//! Per-project configuration of the design rules: which run, how severe they are, their
//! options, and findings silenced on one object with a reason. The rules themselves live in
//! `crate::rules`; the document only stores what the user chose.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// How serious a design-rule finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The model is inconsistent, or the DDL would fail or be silently changed.
    Error,
    /// A probable defect.
    Warning,
    /// Advice.
    Info,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: [Self; 3] = [Self::Error, Self::Warning, Self::Info];

    /// The lower-case name (`error`, `warning`, `info`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }

    /// Whether this severity is at least as serious as `level`.
    pub fn at_least(self, level: Self) -> bool {
        self <= level
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "error" | "errors" => Ok(Self::Error),
            "warning" | "warnings" | "warn" => Ok(Self::Warning),
            "info" | "note" | "hint" => Ok(Self::Info),
            other => Err(format!(
                "unknown severity \"{other}\": use error, warning or info"
            )),
        }
    }
}

/// What the user set for one rule; `None` fields keep the rule's defaults.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RuleSetting {
    /// Turns the rule on or off.
    pub enabled: Option<bool>,
    /// Replaces the rule's severity for every finding it reports.
    pub severity: Option<Severity>,
    /// Option values by name, as text (numbers, words, comma-separated lists).
    pub options: BTreeMap<String, String>,
}

impl RuleSetting {
    /// Whether nothing differs from the defaults.
    pub fn is_default(&self) -> bool {
        self.enabled.is_none() && self.severity.is_none() && self.options.is_empty()
    }
}

/// One rule silenced on one object, with the reason a reviewer will read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Suppression {
    /// The rule id (`money-as-float`).
    pub rule: String,
    /// The object: `table`, `schema.table`, `table.column` or `table.constraint_name`; a
    /// table silences the rule on its columns and constraints too.
    pub object: String,
    /// Why the finding does not apply.
    pub reason: String,
}

/// The design-rule configuration of a project.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LintConfig {
    /// Settings by rule id; rules not listed use their defaults.
    pub rules: BTreeMap<String, RuleSetting>,
    /// Findings silenced on single objects.
    pub suppressions: Vec<Suppression>,
}

impl LintConfig {
    /// Whether nothing differs from the defaults.
    pub fn is_default(&self) -> bool {
        self.rules.values().all(RuleSetting::is_default) && self.suppressions.is_empty()
    }

    /// The setting of a rule, when the user changed anything.
    pub fn rule(&self, id: &str) -> Option<&RuleSetting> {
        self.rules.get(id)
    }

    /// The setting of a rule, created when missing.
    pub fn rule_mut(&mut self, id: &str) -> &mut RuleSetting {
        self.rules.entry(id.to_owned()).or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_order_from_most_serious() {
        assert!(Severity::Error.at_least(Severity::Warning));
        assert!(Severity::Warning.at_least(Severity::Warning));
        assert!(!Severity::Info.at_least(Severity::Warning));
        assert_eq!("warn".parse(), Ok(Severity::Warning));
        assert!("fatal".parse::<Severity>().is_err());
    }

    #[test]
    fn an_empty_setting_is_default() {
        let mut config = LintConfig::default();
        assert!(config.is_default());
        config.rule_mut("naming-case");
        assert!(config.is_default());
        config.rule_mut("naming-case").enabled = Some(false);
        assert!(!config.is_default());
    }
}
