//! Escaping text for HTML so that any string of the model makes a page an HTML5 parser reads
//! without error.
//!
//! Markup characters become character references. Characters the HTML5 parser reports as errors
//! however they are written (C0 and C1 controls other than whitespace, noncharacters, NUL) cannot
//! be carried at all, so they are shown: a C0 control as its Unicode control picture (`␁`), the
//! others as U+FFFD.

/// Appends `s` as element text.
pub(crate) fn text(out: &mut String, s: &str) {
    escape(out, s, false);
}

/// Appends `s` as a double-quoted attribute value (without the quotes).
pub(crate) fn attr(out: &mut String, s: &str) {
    escape(out, s, true);
}

fn escape(out: &mut String, s: &str, attribute: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\t' | '\n' | '\r' | '\u{c}' => out.push(c),
            c => out.push(visible(c)),
        }
    }
}

/// `c`, or what stands for it when the HTML5 parser would report it.
fn visible(c: char) -> char {
    let n = u32::from(c);
    match n {
        0x00..=0x1F => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        0x80..=0x9F | 0xFDD0..=0xFDEF => '\u{FFFD}',
        n if n & 0xFFFE == 0xFFFE => '\u{FFFD}',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_controls_are_escaped() {
        let mut out = String::new();
        text(&mut out, "a < b & \"c\"\u{1}\u{0}\u{85}\u{FFFF}\u{10FFFE}é");
        assert_eq!(
            out,
            "a &lt; b &amp; \"c\"\u{2401}\u{2400}\u{FFFD}\u{FFFD}\u{FFFD}é"
        );
        let mut out = String::new();
        attr(&mut out, "x=\"1\"\n");
        assert_eq!(out, "x=&quot;1&quot;\n");
    }
}
