//! English singular and plural forms of the last word of a table name.
//!
//! Good enough for table names: regular endings, a short list of irregular words (which a
//! project can extend), and words that have no useful number (`data`, `news`, `status`).

/// Grammatical number of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    /// `order`
    Singular,
    /// `orders`
    Plural,
}

const IRREGULAR: &[(&str, &str)] = &[
    ("person", "people"),
    ("child", "children"),
    ("man", "men"),
    ("woman", "women"),
    ("mouse", "mice"),
    ("goose", "geese"),
    ("foot", "feet"),
    ("tooth", "teeth"),
    ("ox", "oxen"),
    ("criterion", "criteria"),
    ("phenomenon", "phenomena"),
    ("analysis", "analyses"),
    ("thesis", "theses"),
    ("crisis", "crises"),
    ("axis", "axes"),
    ("leaf", "leaves"),
    ("half", "halves"),
    ("knife", "knives"),
    ("life", "lives"),
    ("wife", "wives"),
    ("shelf", "shelves"),
    ("wolf", "wolves"),
    ("thief", "thieves"),
    ("hero", "heroes"),
    ("potato", "potatoes"),
    ("tomato", "tomatoes"),
    ("echo", "echoes"),
    ("quiz", "quizzes"),
    ("movie", "movies"),
    ("cookie", "cookies"),
    ("cache", "caches"),
    ("niche", "niches"),
];

/// Words whose number cannot be told from their form, or that are used as mass nouns.
const NEUTRAL: &[&str] = &[
    "data",
    "metadata",
    "info",
    "information",
    "media",
    "news",
    "series",
    "species",
    "equipment",
    "staff",
    "software",
    "hardware",
    "feedback",
    "audio",
    "music",
    "money",
    "sheep",
    "fish",
    "deer",
    "aircraft",
    "police",
    "traffic",
    "knowledge",
    "advice",
    "progress",
    "evidence",
    "research",
    "stock",
    "analytics",
    "statistics",
    "stats",
    "sms",
    "dns",
    "faq",
    "auth",
    "kudos",
    "chaos",
    "ethos",
    "gas",
    "bias",
    "alias",
    "atlas",
    "canvas",
    "lens",
    "physics",
    "mathematics",
    "economics",
];

/// `(singular, plural)` pairs from an option like `person:people, cactus:cacti`.
pub fn extra_pairs(option: &[String]) -> Vec<(String, String)> {
    option
        .iter()
        .filter_map(|pair| {
            let (one, many) = pair.split_once(':')?;
            Some((one.trim().to_owned(), many.trim().to_owned()))
        })
        .collect()
}

/// The number of a lower-case word, `None` when it cannot be told.
pub fn number(word: &str, extra: &[(String, String)]) -> Option<Number> {
    if word.len() < 3 || word.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if NEUTRAL.contains(&word) {
        return None;
    }
    for (one, many) in IRREGULAR
        .iter()
        .map(|(a, b)| (*a, *b))
        .chain(extra.iter().map(|(a, b)| (a.as_str(), b.as_str())))
    {
        if word == one {
            return Some(Number::Singular);
        }
        if word == many {
            return Some(Number::Plural);
        }
    }
    let singular_endings = ["ss", "us", "is"];
    if word.ends_with('s') && !singular_endings.iter().any(|e| word.ends_with(e)) {
        Some(Number::Plural)
    } else {
        Some(Number::Singular)
    }
}

/// The singular of a lower-case plural word.
pub fn singular(word: &str, extra: &[(String, String)]) -> String {
    if let Some(one) = irregular(extra)
        .find(|(_, many)| *many == word)
        .map(|(one, _)| one)
    {
        return one.to_owned();
    }
    if number(word, extra) != Some(Number::Plural) {
        return word.to_owned();
    }
    let cut = |n: usize| word[..word.len() - n].to_owned();
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    if word.ends_with("sses") || word.ends_with("xes") || word.ends_with("zzes") {
        return cut(2);
    }
    if word.ends_with("ches") || word.ends_with("shes") {
        return cut(2);
    }
    if let Some(stem) = word.strip_suffix("uses") {
        // statuses → status, bonuses → bonus; houses, causes, courses keep their e.
        let before = stem.chars().last().unwrap_or('a');
        if !"aeiour".contains(before) {
            return cut(2);
        }
    }
    cut(1)
}

/// The plural of a lower-case singular word.
pub fn plural(word: &str, extra: &[(String, String)]) -> String {
    if let Some(many) = irregular(extra)
        .find(|(one, _)| *one == word)
        .map(|(_, many)| many)
    {
        return many.to_owned();
    }
    if number(word, extra) != Some(Number::Singular) {
        return word.to_owned();
    }
    if let Some(stem) = word.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        return format!("{stem}ies");
    }
    if word.ends_with(['s', 'x', 'z']) || word.ends_with("ch") || word.ends_with("sh") {
        return format!("{word}es");
    }
    format!("{word}s")
}

fn irregular(extra: &[(String, String)]) -> impl Iterator<Item = (&str, &str)> {
    IRREGULAR
        .iter()
        .map(|(a, b)| (*a, *b))
        .chain(extra.iter().map(|(a, b)| (a.as_str(), b.as_str())))
}

/// Where the last word of a name starts: after the last underscore, or at the last
/// lower-to-upper case change (`OrderItems` → 5).
pub fn last_word_start(name: &str) -> usize {
    let trimmed = name.trim_end_matches('_');
    if let Some(i) = trimmed.rfind('_') {
        return i + 1;
    }
    let mut start = 0;
    let mut previous: Option<char> = None;
    for (i, c) in trimmed.char_indices() {
        if c.is_uppercase() && previous.is_some_and(char::is_lowercase) {
            start = i;
        }
        previous = Some(c);
    }
    start
}

/// `name` with its last word replaced by `f(last word in lower case)`, keeping the word's
/// case (`ORDERS` → `ORDER`, `OrderItems` → `OrderItem`).
pub fn with_last_word(name: &str, f: impl Fn(&str) -> String) -> String {
    let start = last_word_start(name);
    let end = name.trim_end_matches('_').len();
    let word = &name[start..end];
    let lower = word.to_lowercase();
    let changed = f(&lower);
    let cased = if word.chars().all(|c| !c.is_lowercase()) && word.chars().any(char::is_uppercase) {
        changed.to_uppercase()
    } else if word.starts_with(char::is_uppercase) {
        super::words::capitalized(&changed)
    } else {
        changed
    };
    format!("{}{cased}{}", &name[..start], &name[end..])
}

/// The singular form of a whole table name (`order_items` → `order_item`).
pub fn singular_name(name: &str) -> String {
    with_last_word(name, |w| singular(w, &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_and_plural_forms() {
        let none: &[(String, String)] = &[];
        for (one, many) in [
            ("category", "categories"),
            ("address", "addresses"),
            ("box", "boxes"),
            ("batch", "batches"),
            ("status", "statuses"),
            ("person", "people"),
            ("house", "houses"),
            ("key", "keys"),
            ("order", "orders"),
            ("movie", "movies"),
        ] {
            assert_eq!(singular(many, none), one);
            assert_eq!(plural(one, none), many);
            assert_eq!(number(one, none), Some(Number::Singular), "{one}");
            assert_eq!(number(many, none), Some(Number::Plural), "{many}");
        }
        assert_eq!(number("data", none), None);
        assert_eq!(number("log2", none), None);
    }

    #[test]
    fn last_words_keep_their_case() {
        assert_eq!(singular_name("order_items"), "order_item");
        assert_eq!(singular_name("OrderItems"), "OrderItem");
        assert_eq!(singular_name("ORDERS"), "ORDER");
        assert_eq!(singular_name("customer"), "customer");
        assert_eq!(with_last_word("Film", |w| plural(w, &[])), "Films");
    }
}
