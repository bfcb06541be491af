//! Words inside identifiers and the case styles built from them.

use std::borrow::Cow;

/// A naming style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `order_item`
    Snake,
    /// `orderItem`
    Camel,
    /// `OrderItem`
    Pascal,
    /// `ORDER_ITEM`
    UpperSnake,
}

impl Style {
    /// Every style, in the order ties are broken.
    pub const ALL: [Self; 4] = [Self::Snake, Self::Camel, Self::Pascal, Self::UpperSnake];

    /// The name used in options and messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Snake => "snake_case",
            Self::Camel => "camelCase",
            Self::Pascal => "PascalCase",
            Self::UpperSnake => "UPPER_SNAKE",
        }
    }

    /// Parses an option value (`snake_case`, `camel`, `UPPER_SNAKE`, ...).
    pub fn parse(text: &str) -> Option<Self> {
        let lower = text
            .trim()
            .to_ascii_lowercase()
            .replace(['_', '-', ' '], "");
        match lower.as_str() {
            "snakecase" | "snake" | "lowersnake" | "lowersnakecase" => Some(Self::Snake),
            "camelcase" | "camel" | "lowercamel" | "lowercamelcase" => Some(Self::Camel),
            "pascalcase" | "pascal" | "uppercamel" | "uppercamelcase" => Some(Self::Pascal),
            "uppersnake" | "uppersnakecase" | "screaming" | "screamingsnake" | "macro" => {
                Some(Self::UpperSnake)
            }
            _ => None,
        }
    }

    /// Whether `name` follows the style. Leading and trailing underscores are ignored
    /// (`ID_`, `_internal`), as are digits.
    pub fn matches(self, name: &str) -> bool {
        let core = name.trim_matches('_');
        let Some(first) = core.chars().next() else {
            return true;
        };
        if core.is_ascii() {
            // One pass over the bytes: letters, digits and single underscores only.
            let (mut upper, mut lower, mut underscore) = (false, false, false);
            let mut previous = 0u8;
            for &b in core.as_bytes() {
                match b {
                    b'_' if previous == b'_' => return false,
                    b'_' => underscore = true,
                    b'A'..=b'Z' => upper = true,
                    b'a'..=b'z' => lower = true,
                    b'0'..=b'9' => {}
                    _ => return false,
                }
                previous = b;
            }
            return match self {
                Self::Snake => !upper,
                Self::UpperSnake => !lower,
                Self::Camel => !first.is_ascii_uppercase() && !underscore,
                Self::Pascal => !first.is_ascii_lowercase() && !underscore,
            };
        }
        if core.contains("__") {
            return false;
        }
        let plain = |c: char| c.is_alphanumeric() || c == '_';
        if !core.chars().all(plain) {
            return false;
        }
        match self {
            Self::Snake => !core.chars().any(char::is_uppercase),
            Self::UpperSnake => !core.chars().any(char::is_lowercase),
            Self::Camel => !first.is_uppercase() && !core.contains('_'),
            Self::Pascal => !first.is_lowercase() && !core.contains('_'),
        }
    }

    /// `name` converted to the style, keeping leading and trailing underscores.
    pub fn convert(self, name: &str) -> String {
        let lead = name.len() - name.trim_start_matches('_').len();
        let trail = name.len() - name.trim_end_matches('_').len();
        let words = split_words(name);
        let mut out = "_".repeat(lead.min(name.len()));
        for (i, word) in words.iter().enumerate() {
            match self {
                Self::Snake => {
                    if i > 0 {
                        out.push('_');
                    }
                    out.push_str(word);
                }
                Self::UpperSnake => {
                    if i > 0 {
                        out.push('_');
                    }
                    out.push_str(&word.to_uppercase());
                }
                Self::Camel if i == 0 => out.push_str(word),
                Self::Camel | Self::Pascal => out.push_str(&capitalized(word)),
            }
        }
        if !words.is_empty() && trail < name.len() {
            out.push_str(&"_".repeat(trail));
        }
        out
    }
}

/// `word` with its first letter in upper case.
pub fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The lower-case words of an identifier: split at underscores and other separators, and at
/// case changes (`orderItemID` → `order`, `item`, `id`; `HTTPServer` → `http`, `server`).
/// Digits stay with the word before them (`line2`).
pub fn split_words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        if c.is_uppercase() && !current.is_empty() {
            let previous = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if previous.is_lowercase()
                || previous.is_ascii_digit()
                || (previous.is_uppercase() && next_lower)
            {
                words.push(std::mem::take(&mut current));
            }
        }
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// The words of an identifier, split like [`split_words`] but without allocating for ASCII
/// names: those words are slices of `name` in their original case (compare them
/// case-insensitively); other names give [`split_words`]' lower-case words.
pub fn words(name: &str) -> impl Iterator<Item = Cow<'_, str>> {
    let ascii = name.is_ascii();
    let owned = if ascii { Vec::new() } else { split_words(name) };
    let borrowed = ascii.then_some(AsciiWords {
        name: name.as_bytes(),
        text: name,
        at: 0,
    });
    borrowed
        .into_iter()
        .flatten()
        .map(Cow::Borrowed)
        .chain(owned.into_iter().map(Cow::Owned))
}

/// The words of an ASCII identifier, split like [`split_words`].
struct AsciiWords<'a> {
    name: &'a [u8],
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for AsciiWords<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.name;
        while self.at < bytes.len() && !bytes[self.at].is_ascii_alphanumeric() {
            self.at += 1;
        }
        if self.at >= bytes.len() {
            return None;
        }
        let start = self.at;
        let mut end = start + 1;
        while end < bytes.len() {
            let c = bytes[end];
            if !c.is_ascii_alphanumeric() {
                break;
            }
            if c.is_ascii_uppercase() {
                let previous = bytes[end - 1];
                let next_lower = bytes.get(end + 1).is_some_and(u8::is_ascii_lowercase);
                if previous.is_ascii_lowercase()
                    || previous.is_ascii_digit()
                    || (previous.is_ascii_uppercase() && next_lower)
                {
                    break;
                }
            }
            end += 1;
        }
        self.at = end;
        self.text.get(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_at_separators_and_case_changes() {
        assert_eq!(split_words("orderItemID"), ["order", "item", "id"]);
        assert_eq!(split_words("HTTPServer"), ["http", "server"]);
        assert_eq!(split_words("Order Details"), ["order", "details"]);
        assert_eq!(split_words("street_line2"), ["street", "line2"]);
        assert_eq!(split_words("PROC_DEF_ID_"), ["proc", "def", "id"]);
    }

    #[test]
    fn words_split_like_split_words() {
        for name in [
            "orderItemID",
            "HTTPServer",
            "Order Details",
            "street_line2",
            "PROC_DEF_ID_",
            "__a__B9cD",
            "",
            "_",
            "x",
            "ABc",
            "a1B2",
            "größeFeld",
            "LastEditedBy",
        ] {
            let lower: Vec<String> = words(name).map(|w| w.to_lowercase()).collect();
            assert_eq!(lower, split_words(name), "{name}");
        }
    }

    #[test]
    fn styles_match_and_convert() {
        assert!(Style::Snake.matches("order_item"));
        assert!(Style::Snake.matches("name"));
        assert!(Style::Camel.matches("name"));
        assert!(!Style::Snake.matches("orderItem"));
        assert!(Style::UpperSnake.matches("PROC_DEF_ID_"));
        assert!(Style::Pascal.matches("OrderItem"));
        assert!(!Style::Pascal.matches("Order_Item"));
        assert_eq!(Style::Snake.convert("OrderItemID"), "order_item_id");
        assert_eq!(Style::Camel.convert("order_item_id"), "orderItemId");
        assert_eq!(Style::Pascal.convert("order item"), "OrderItem");
        assert_eq!(Style::UpperSnake.convert("orderItem"), "ORDER_ITEM");
        assert_eq!(Style::Snake.convert("ID_"), "id_");
        assert_eq!(Style::parse("UPPER_SNAKE"), Some(Style::UpperSnake));
        assert_eq!(Style::parse("camelCase"), Some(Style::Camel));
    }
}
