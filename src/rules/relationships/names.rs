//! Name matching for implied relationships: which table a column like `customer_id` names.

use crate::model::{Column, Table, TableId};
use crate::rules::Context;

/// The suffixes that mark a column as a reference when the project sets none.
pub const DEFAULT_SUFFIXES: &str = "_id,id,_no";

/// The part of `name` before a reference suffix (`customer` of `customer_id`), matched
/// case-insensitively, longest suffix first; `None` when no suffix matches or less than two
/// characters are left.
pub fn stem<'a>(name: &'a str, suffixes: &[String]) -> Option<&'a str> {
    let mut best: Option<&str> = None;
    for suffix in suffixes {
        if suffix.len() >= name.len() || !name.is_char_boundary(name.len() - suffix.len()) {
            continue;
        }
        let (head, tail) = name.split_at(name.len() - suffix.len());
        if tail.eq_ignore_ascii_case(suffix) && best.is_none_or(|b| head.len() < b.len()) {
            best = Some(head);
        }
    }
    let head = best?.trim_end_matches('_');
    // One letter (`pid`, `uid`) names no table.
    (head.chars().count() >= 2).then_some(head)
}

/// A name reduced so that singular and plural meet: lower case, `categories` and `category`
/// both `categorie`, `addresses` and `address` both `address`, `users` and `user` both `user`.
pub fn canonical(name: &str) -> String {
    let mut word = String::with_capacity(name.len());
    canonical_into(name, &mut word);
    word
}

/// [`canonical`] into a reused buffer.
pub fn canonical_into(name: &str, word: &mut String) {
    word.clear();
    if name.is_ascii() {
        word.push_str(name);
        word.make_ascii_lowercase();
    } else {
        word.extend(name.chars().flat_map(char::to_lowercase));
    }
    let consonant_y = word.len() > 2
        && word.ends_with('y')
        && !word[..word.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    if word.len() > 4 && word.ends_with("ies") {
        word.truncate(word.len() - 1);
    } else if consonant_y {
        word.truncate(word.len() - 1);
        word.push_str("ie");
    } else if ["sses", "shes", "ches", "xes", "zes", "uses"]
        .iter()
        .any(|end| word.ends_with(end))
    {
        word.truncate(word.len() - 2);
    } else if word.len() > 2
        && word.ends_with('s')
        && !["ss", "us", "is"].iter().any(|end| word.ends_with(end))
    {
        word.truncate(word.len() - 1);
    }
}

/// The suffixes configured for implied references (lower-case).
pub fn suffixes<'a>(ctx: &Context<'a>) -> &'a [String] {
    let meta = &super::implied_fk_missing::META;
    let list = ctx.option_list(meta, "suffixes");
    if list.is_empty() {
        ctx.memo(meta, "defaultSuffixes", || {
            DEFAULT_SUFFIXES
                .split(',')
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
    } else {
        list
    }
}

/// The columns of a table that look like references: not in a foreign key, named with a
/// suffix; each with its stem.
pub fn asking<'a>(
    table: &'a Table,
    suffixes: &'a [String],
) -> impl Iterator<Item = (&'a Column, &'a str)> + 'a {
    table
        .columns
        .iter()
        .filter(|c| !table.is_foreign_key_column(c.id))
        .filter_map(move |c| Some((c, stem(&c.name, suffixes)?)))
}

/// Whether `stem`, in singular or plural, is the name of a table other than `own`.
pub fn names_a_table(ctx: &Context, stem: &str, own: TableId) -> bool {
    let mut name = stem.to_lowercase();
    let base = name.len();
    let found = |name: &str| {
        ctx.facts
            .tables_by_name
            .get(name)
            .is_some_and(|ids| ids.iter().any(|id| *id != own))
    };
    if found(&name) {
        return true;
    }
    for ending in ["s", "es"] {
        name.truncate(base);
        name.push_str(ending);
        if found(&name) {
            return true;
        }
    }
    name.truncate(base);
    if name.ends_with('y') {
        name.truncate(base - 1);
        name.push_str("ies");
        return found(&name);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_strip_the_longest_suffix() {
        let suffixes: Vec<String> = DEFAULT_SUFFIXES.split(',').map(str::to_owned).collect();
        assert_eq!(stem("customer_id", &suffixes), Some("customer"));
        assert_eq!(stem("CustomerID", &suffixes), Some("Customer"));
        assert_eq!(stem("emp_no", &suffixes), Some("emp"));
        assert_eq!(stem("id", &suffixes), None);
        assert_eq!(stem("_id", &suffixes), None);
        assert_eq!(stem("pid", &suffixes), None);
        assert_eq!(stem("name", &suffixes), None);
    }

    #[test]
    fn singular_and_plural_meet() {
        for (a, b) in [
            ("categories", "category"),
            ("addresses", "address"),
            ("users", "user"),
            ("movies", "movie"),
            ("statuses", "status"),
            ("boxes", "box"),
            ("keys", "key"),
            ("Hosts", "host"),
        ] {
            assert_eq!(canonical(a), canonical(b), "{a} {b}");
        }
        assert_ne!(canonical("order"), canonical("orderline"));
    }
}
