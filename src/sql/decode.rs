//! Turning the bytes of a SQL file into text: UTF-8 with or without a byte-order mark, UTF-16
//! little- or big-endian with a byte-order mark (as SQL Server Management Studio writes), and
//! legacy 8-bit files decoded as Windows-1252 with a warning. Binary files are refused. Old Mac
//! line ends (a lone CR) become LF so line numbers come out right; CRLF is left as it is.

use std::borrow::Cow;

/// Text decoded from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding it was read as (`UTF-8`, `UTF-16LE`, ...).
    pub encoding: &'static str,
    /// What the user should know about the decoding, if anything.
    pub warning: Option<String>,
}

/// Why a file could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The file holds binary data, not text.
    #[error("this is not a SQL file: it contains binary data ({0})")]
    Binary(String),
    /// A file could not be read, or not as text.
    #[error("{path}: {reason}")]
    File {
        /// The file.
        path: String,
        /// Why, in words a user understands.
        reason: String,
    },
}

/// Reads and decodes a SQL file. A missing, unreadable or binary file is an error naming it.
pub fn read_file(path: &std::path::Path) -> Result<Decoded, DecodeError> {
    let failure = |reason: String| DecodeError::File {
        path: path.display().to_string(),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|err| {
        failure(match err.kind() {
            std::io::ErrorKind::NotFound => "the file does not exist".to_owned(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            std::io::ErrorKind::IsADirectory => "this is a folder, not a file".to_owned(),
            _ => err.to_string(),
        })
    })?;
    decode(&bytes).map_err(|err| failure(err.to_string()))
}

/// Windows-1252 code points for bytes 0x80..=0x9F (the rest of the 8-bit range is Latin-1).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn utf16(bytes: &[u8], little_endian: bool) -> (String, bool) {
    let units = bytes.chunks(2).map(|pair| {
        let (a, b) = (
            pair.first().copied().unwrap_or(0),
            pair.get(1).copied().unwrap_or(0),
        );
        if little_endian {
            u16::from_le_bytes([a, b])
        } else {
            u16::from_be_bytes([a, b])
        }
    });
    let mut lossy = bytes.len() % 2 == 1;
    let text = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    (text, lossy)
}

fn utf16_without_bom(bytes: &[u8], little_endian: bool) -> (String, &'static str, Option<String>) {
    let (text, _) = utf16(bytes, little_endian);
    let encoding = if little_endian {
        "UTF-16LE"
    } else {
        "UTF-16BE"
    };
    let warning = format!(
        "the file has no byte-order mark but looks like {encoding}; it was read as {encoding}"
    );
    (text, encoding, Some(warning))
}

fn looks_like_utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = bytes.get(..bytes.len().min(4096))?;
    let pairs = sample.len() / 2;
    if pairs < 8 {
        return None;
    }
    let even_zeros = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_zeros = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    if odd_zeros * 10 > pairs * 8 && even_zeros * 10 < pairs {
        Some(true)
    } else if even_zeros * 10 > pairs * 8 && odd_zeros * 10 < pairs {
        Some(false)
    } else {
        None
    }
}

fn is_binary(text: &str) -> Option<String> {
    let sample: Vec<char> = text.chars().take(8192).collect();
    let controls = sample
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    (sample.contains(&'\0') || controls * 50 > sample.len().max(1)).then(|| {
        format!(
            "{controls} control characters in the first {} characters",
            sample.len()
        )
    })
}

fn normalize_line_ends(text: String) -> String {
    if !text.contains('\r') || !text.split('\r').skip(1).any(|rest| !rest.starts_with('\n')) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Decodes a SQL file's bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, encoding, warning): (String, &'static str, Option<String>) = if let Some(rest) =
        bytes.strip_prefix(&[0xEF, 0xBB, 0xBF])
    {
        let text = String::from_utf8_lossy(rest);
        let warning = matches!(text, Cow::Owned(_)).then(|| "the file starts with a UTF-8 byte-order mark but contains invalid UTF-8; the bad bytes were replaced with U+FFFD".to_owned());
        (text.into_owned(), "UTF-8", warning)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let (text, lossy) = utf16(rest, true);
        (
            text,
            "UTF-16LE",
            lossy.then(|| {
                "the UTF-16 file contains invalid sequences; they were replaced with U+FFFD"
                    .to_owned()
            }),
        )
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let (text, lossy) = utf16(rest, false);
        (
            text,
            "UTF-16BE",
            lossy.then(|| {
                "the UTF-16 file contains invalid sequences; they were replaced with U+FFFD"
                    .to_owned()
            }),
        )
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        match looks_like_utf16_without_bom(bytes) {
            Some(little_endian) => utf16_without_bom(bytes, little_endian),
            None => (text.to_owned(), "UTF-8", None),
        }
    } else if let Some(little_endian) = looks_like_utf16_without_bom(bytes) {
        utf16_without_bom(bytes, little_endian)
    } else {
        let first_bad = std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        let text: String = bytes
            .iter()
            .map(|&b| match b {
                0x80..=0x9F => CP1252_HIGH
                    .get(usize::from(b - 0x80))
                    .copied()
                    .unwrap_or('\u{FFFD}'),
                _ => char::from(b),
            })
            .collect();
        let line = bytes
            .get(..first_bad)
            .map_or(1, |head| head.iter().filter(|b| **b == b'\n').count() + 1);
        (
            text,
            "Windows-1252",
            Some(format!(
                "the file is not valid UTF-8 (first at line {line}); it was read as Windows-1252 (Latin-1). Check accented names and comments"
            )),
        )
    };
    if let Some(reason) = is_binary(&text) {
        return Err(DecodeError::Binary(reason));
    }
    Ok(Decoded {
        text: normalize_line_ends(text),
        encoding,
        warning,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_bytes(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend(if little_endian {
                [0xFF, 0xFE]
            } else {
                [0xFE, 0xFF]
            });
        }
        for unit in text.encode_utf16() {
            out.extend(if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        out
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("CREATE TABLE café (id int);".as_bytes()).unwrap();
        assert_eq!((plain.encoding, plain.warning.as_deref()), ("UTF-8", None));
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice(b"CREATE TABLE t (id int);");
        let decoded = decode(&with_bom).unwrap();
        assert_eq!(decoded.text, "CREATE TABLE t (id int);");
    }

    #[test]
    fn utf16_both_byte_orders() {
        let sql = "CREATE TABLE [Straße] (id int)\r\nGO\r\n";
        for little_endian in [true, false] {
            let decoded = decode(&utf16_bytes(sql, little_endian, true)).unwrap();
            assert_eq!(decoded.text, sql);
            assert!(decoded.warning.is_none());
            let decoded = decode(&utf16_bytes(sql, little_endian, false)).unwrap();
            assert_eq!(decoded.text, sql);
            assert!(decoded.warning.unwrap().contains("no byte-order mark"));
        }
    }

    #[test]
    fn latin1_is_decoded_with_a_warning() {
        let bytes = b"-- caf\xe9\nCREATE TABLE t (n varchar(10) DEFAULT '\x80');";
        let decoded = decode(bytes).unwrap();
        assert_eq!(decoded.encoding, "Windows-1252");
        assert!(decoded.text.contains("café") && decoded.text.contains('€'));
        assert!(decoded.warning.unwrap().contains("line 1"));
    }

    #[test]
    fn binary_files_are_refused_and_lone_cr_becomes_lf() {
        let png = [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H', b'D', b'R',
            0, 0, 1, 0,
        ];
        assert!(matches!(decode(&png), Err(DecodeError::Binary(_))));
        let decoded = decode(b"CREATE TABLE a (id int);\rCREATE TABLE b (id int);\r\n").unwrap();
        assert_eq!(
            decoded.text,
            "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\r\n"
        );
        assert_eq!(decode(b"").unwrap().text, "");
    }
}
