//! Identifier length limits per dialect and names that fit them.

use crate::model::Dialect;

/// The longest identifier a dialect accepts, if it has a practical limit.
pub fn limit(dialect: Dialect) -> Option<usize> {
    match dialect {
        Dialect::Postgres => Some(63),
        Dialect::Mysql => Some(64),
        Dialect::Mssql => Some(128),
        Dialect::Sqlite => None,
    }
}

/// The unit the dialect counts in.
pub fn unit(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Postgres => "bytes",
        _ => "characters",
    }
}

/// The length of `name` as the dialect measures it: UTF-8 bytes in PostgreSQL, characters
/// elsewhere.
pub fn measure(name: &str, dialect: Dialect) -> usize {
    if dialect == Dialect::Postgres || name.is_ascii() {
        name.len()
    } else {
        name.chars().count()
    }
}

/// Whether `name` is within the dialect's limit.
pub fn fits(name: &str, dialect: Dialect) -> bool {
    limit(dialect).is_none_or(|max| measure(name, dialect) <= max)
}

/// A stable 16-bit fingerprint of a name (FNV-1a), as four hex digits.
fn tag(name: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in name.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{:04x}", (hash ^ (hash >> 16)) & 0xffff)
}

/// `name` unchanged when it fits, otherwise cut and ended with `_` and a fingerprint of the
/// full name, so that two long names sharing a prefix stay different.
pub fn shortened(name: &str, dialect: Dialect) -> String {
    let Some(max) = limit(dialect) else {
        return name.to_owned();
    };
    if measure(name, dialect) <= max {
        return name.to_owned();
    }
    let suffix = format!("_{}", tag(name));
    let room = max - suffix.len();
    let mut kept = String::new();
    for c in name.chars() {
        let mut next = kept.clone();
        next.push(c);
        if measure(&next, dialect) > room {
            break;
        }
        kept = next;
    }
    let kept = kept.trim_end_matches('_');
    format!("{kept}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_cut_with_a_fingerprint() {
        let long = "a".repeat(70);
        let short = shortened(&long, Dialect::Postgres);
        assert_eq!(short.len(), 63);
        assert!(fits(&short, Dialect::Postgres));
        assert_ne!(short, shortened(&format!("{long}b"), Dialect::Postgres));
        assert_eq!(shortened("orders", Dialect::Postgres), "orders");
        assert_eq!(shortened(&long, Dialect::Sqlite), long);
        // Multi-byte characters count as bytes in PostgreSQL only.
        let umlauts = "ä".repeat(40);
        assert!(!fits(&umlauts, Dialect::Postgres));
        assert!(fits(&umlauts, Dialect::Mysql));
        assert!(shortened(&umlauts, Dialect::Postgres).len() <= 63);
    }
}
