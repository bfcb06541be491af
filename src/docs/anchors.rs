//! Heading anchors as GitHub generates them, so that links in the Markdown dictionary work
//! on GitHub and the HTML dictionary uses the same fragments.
//!
//! GitHub lower-cases the heading's text, drops every character that is not a letter, a
//! digit, `-` or `_`, turns each space into `-`, and numbers repeats (`orders`, `orders-1`,
//! `orders-2`, ...) in the order the headings appear.

use std::collections::HashMap;

/// Hands out unique anchors for headings in document order.
#[derive(Debug, Default)]
pub struct Slugger {
    occurrences: HashMap<String, usize>,
}

/// The anchor of a heading's text, before repeats are numbered.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else if c == ' ' {
            out.push('-');
        }
    }
    out
}

impl Slugger {
    /// The anchor of the next heading with this text: its slug, numbered when an earlier
    /// heading already took it. A heading with no letters or digits gets `section`.
    pub fn anchor(&mut self, text: &str) -> String {
        let mut original = slug(text);
        if original.is_empty() {
            original = "section".to_owned();
        }
        let mut result = original.clone();
        while self.occurrences.contains_key(&result) {
            let count = self.occurrences.entry(original.clone()).or_insert(0);
            *count += 1;
            result = format!("{original}-{count}");
        }
        self.occurrences.insert(result.clone(), 0);
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_github() {
        assert_eq!(slug("Subject area: Catalog"), "subject-area-catalog");
        assert_eq!(slug("sales.order_items"), "salesorder_items");
        assert_eq!(slug("Problems in <script>"), "problems-in-script");
        assert_eq!(slug("Größe Ä"), "größe-ä");
        assert_eq!(slug("a  b"), "a--b");
    }

    #[test]
    fn repeats_are_numbered_and_never_collide() {
        let mut slugs = Slugger::default();
        assert_eq!(slugs.anchor("Notes"), "notes");
        assert_eq!(slugs.anchor("notes"), "notes-1");
        assert_eq!(slugs.anchor("notes-1"), "notes-1-1");
        assert_eq!(slugs.anchor("NOTES"), "notes-2");
        assert_eq!(slugs.anchor("!!!"), "section");
        assert_eq!(slugs.anchor("???"), "section-1");
    }
}
