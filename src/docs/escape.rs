//! Escaping text from the model (names, comments, expressions) for HTML and for
//! GitHub-flavoured Markdown, so that whatever a name contains shows as written and never
//! becomes markup.

/// Text for HTML element content and attribute values: `& < > " '` become references.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and line breaks are not allowed in HTML.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Multi-line HTML text: escaped, line breaks kept as `<br />`.
pub fn html_lines(text: &str) -> String {
    text.trim()
        .lines()
        .map(|line| html(line.trim_end()))
        .collect::<Vec<_>>()
        .join("<br />")
}

/// Markdown text on one line (a paragraph, a heading, a list item or a table cell): every
/// character Markdown could read as markup is escaped with a backslash, line breaks become
/// `<br>`, and nothing at the start can begin a list, quote or heading.
pub fn markdown(text: &str) -> String {
    let lines: Vec<String> = text
        .trim()
        .lines()
        .map(|line| markdown_line(line.trim()))
        .collect();
    lines.join("<br>")
}

fn markdown_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let chars: Vec<char> = line.chars().collect();
    let alphanumeric = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| c.is_alphanumeric())
    };
    for (i, &c) in chars.iter().enumerate() {
        match c {
            // Between letters or digits (`order_items`) an underscore cannot emphasise.
            '_' if alphanumeric(i.checked_sub(1)) && alphanumeric(Some(i + 1)) => out.push(c),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '~' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // A leading `-`, `+` or `=` would start a list or underline a heading.
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            // `1.` or `1)` at the start would start an ordered list.
            '.' | ')' if chars[..i].iter().all(char::is_ascii_digit) => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Inline code. `in_table` escapes `|` (inside a GitHub table a code span still ends the
/// cell at a bare pipe; the escape is removed there, while outside a table it would show).
/// Line breaks become spaces; the fence is longer than any run of backticks inside.
pub fn markdown_code(text: &str, in_table: bool) -> String {
    let one_line: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if one_line.is_empty() {
        return String::new();
    }
    let body = if in_table {
        one_line.replace('|', "\\|")
    } else {
        one_line
    };
    let mut longest = 0;
    let mut run = 0;
    for c in body.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if body.starts_with('`') || body.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{body}{pad}{fence}")
}

/// A fenced code block: the fence is longer than any run of backticks in the text.
pub fn markdown_block(text: &str, language: &str) -> String {
    let mut longest = 0;
    for line in text.lines() {
        let mut run = 0;
        for c in line.chars() {
            run = if c == '`' { run + 1 } else { 0 };
            longest = longest.max(run);
        }
    }
    let fence = "`".repeat((longest + 1).max(3));
    format!("{fence}{language}\n{}\n{fence}\n", text.trim_end())
}

/// A link target for a file name: characters that would end or break the link are
/// percent-encoded.
pub fn url_path(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            ' ' | '(' | ')' | '<' | '>' | '%' | '"' | '\'' | '#' | '?' | '[' | ']' | '|' | '\\' => {
                out.push_str(&format!("%{:02X}", u32::from(c)));
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(html_lines("one\n<two>\n"), "one<br />&lt;two&gt;");
    }

    #[test]
    fn markdown_text_cannot_become_markup() {
        assert_eq!(markdown("a|b *c* [d](e)"), r"a\|b \*c\* \[d\](e)");
        assert_eq!(markdown("- item"), r"\- item");
        assert_eq!(markdown("12. x"), r"12\. x");
        assert_eq!(markdown("# h\n> q"), r"\# h<br>\> q");
        assert_eq!(markdown("<script>"), r"\<script\>");
        assert_eq!(markdown("snake_case 3.5 _x_"), r"snake_case 3.5 \_x\_");
    }

    #[test]
    fn code_spans_survive_backticks_pipes_and_newlines() {
        assert_eq!(markdown_code("a | b", true), r"`a \| b`");
        assert_eq!(markdown_code("a | b", false), "`a | b`");
        assert_eq!(markdown_code("x `y` z", false), "``x `y` z``");
        assert_eq!(markdown_code("`x", false), "`` `x ``");
        assert_eq!(markdown_code("a\n  b", false), "`a b`");
        assert_eq!(markdown_block("a ``` b", "sql"), "````sql\na ``` b\n````\n");
        assert_eq!(url_path("my docs (v2).svg"), "my%20docs%20%28v2%29.svg");
    }
}
