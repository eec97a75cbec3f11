//! The title: `Letter dated ... from ... addressed to ...` (or identical letters, a note verbale),
//! wrapped over several lines and often running straight into the body. Gives the kind, the
//! letter date, the sender and the addressees. Annex headings (`Annex to the letter dated ...`)
//! wrap the same way and use the same rule for where they end.

use super::lines::{Line, fold};
use super::masthead::ends_open;
use crate::model::{Date, Kind};

/// The kind a title line announces, when the line starts a title.
pub fn title_kind(t: &str) -> Option<Kind> {
    let lower = t.trim_start().to_lowercase();
    let starts = |p: &str| lower.starts_with(p);
    if !lower.contains("dated") && !lower.ends_with("letters") && !lower.ends_with("verbale") {
        return None;
    }
    if starts("identical letters dated") || starts("identical notes verbales dated") {
        Some(Kind::IdenticalLetters)
    } else if starts("note verbale dated") || starts("notes verbales dated") {
        Some(Kind::NoteVerbale)
    } else if starts("letter dated") || starts("letters dated") {
        Some(Kind::Letter)
    } else {
        None
    }
}

/// How many lines, from `lines[0]`, a wrapped title (or annex heading) takes: it goes on while it
/// has not reached `addressed to`, or what follows `addressed to` is unfinished, or the next line
/// starts in lower case or with `and`; a blank line ends it.
pub fn extent(lines: &[&Line], max: usize) -> usize {
    // A long sender (a committee named with its resolutions) can push `addressed to` past the
    // usual length: the title then runs on to its addressees.
    let addressed_at = lines
        .iter()
        .take(12)
        .take_while(|l| {
            !l.text.trim_end().ends_with(['.', ';', ':']) || l.text.contains("addressed")
        })
        .position(|l| l.text.contains("addressed to") || l.text.trim_end().ends_with("addressed"));
    let max = addressed_at.map_or(max, |k| max.max(k + 4));
    let mut text = String::new();
    let mut n = 0;
    for (i, line) in lines.iter().enumerate().take(max) {
        if i > 0 && line.blank_before {
            break;
        }
        if i > 0 && !continues(&text, &fold(&line.text)) {
            break;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&fold(&line.text));
        n = i + 1;
    }
    n.max(1).min(lines.len())
}

fn continues(so_far: &str, next: &str) -> bool {
    let starts_low = next.starts_with(|c: char| c.is_lowercase())
        || next.starts_with("and ")
        || next.starts_with("the ");
    match so_far.rfind("addressed to") {
        None => true,
        Some(i) => {
            let tail = so_far[i + "addressed to".len()..].trim();
            tail.is_empty() || ends_open(so_far) || starts_low
        }
    }
}

/// What a title says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// The kind of communication.
    pub kind: Kind,
    /// The date after `dated`.
    pub date: Option<Date>,
    /// Who it is from.
    pub sender: Option<String>,
    /// Whom it is addressed to, without a leading `the`.
    pub addressees: Vec<String>,
}

/// Reads a folded title.
pub fn parse(title: &str, kind: Kind) -> Title {
    let after_dated = title.find(" dated ").map(|i| &title[i + 7..]).unwrap_or("");
    let date_words: Vec<&str> = after_dated.split_whitespace().take(3).collect();
    let date = Date::parse_prose(&date_words.join(" ").replace(',', ""));
    let addressed = title.find(" addressed to ");
    let sender = title.find(" from ").and_then(|f| {
        let end = addressed.filter(|a| *a > f).unwrap_or(title.len());
        let s = title.get(f + 6..end)?.trim();
        (!s.is_empty()).then(|| s.to_string())
    });
    let addressees = addressed
        .and_then(|a| title.get(a + " addressed to ".len()..))
        .map(split_addressees)
        .unwrap_or_default();
    Title {
        kind,
        date,
        sender,
        addressees,
    }
}

fn strip_the(s: &str) -> &str {
    let s = s.trim().trim_end_matches(['.', '*']);
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
        .trim()
}

/// Splits `the Secretary-General, the President of the General Assembly and the President of
/// the Security Council` into offices; `and` only separates before `the`, so
/// `Antigua and Barbuda` stays whole.
fn split_addressees(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in s.split(", ") {
        let mut rest = part;
        while let Some(i) = rest.find(" and the ") {
            out.push(strip_the(&rest[..i]).to_string());
            rest = &rest[i + 5..];
        }
        out.push(strip_the(rest).to_string());
    }
    out.retain(|a| !a.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_titles() {
        let t = parse(
            "Letter dated 27 January 2025 from the Permanent Representative of the Russian Federation to the United Nations addressed to the Secretary-General, the President of the General Assembly and the President of the Security Council",
            Kind::Letter,
        );
        assert_eq!(t.date, Date::new(2025, 1, 27));
        assert_eq!(
            t.addressees,
            [
                "Secretary-General",
                "President of the General Assembly",
                "President of the Security Council"
            ]
        );
        assert_eq!(
            t.sender.as_deref(),
            Some("the Permanent Representative of the Russian Federation to the United Nations")
        );
        assert_eq!(
            title_kind("Identical letters dated 8 January 2025 from"),
            Some(Kind::IdenticalLetters)
        );
        assert_eq!(
            title_kind("Note verbale dated 1 May 2025"),
            Some(Kind::NoteVerbale)
        );
        assert_eq!(title_kind("Letters of credence"), None);
    }
}
