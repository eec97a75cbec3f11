//! The masthead: symbols, organs, distribution, date of issuance, languages, each organ's session
//! or year, agenda items with their titles, and headings printed above the title. It reads the
//! masthead lines whatever their order, since two-column extraction scrambles it; in `-layout`
//! text the two columns are first taken apart.

use super::inlines::symbol_shaped;
use super::lines::{Line, fold};
use crate::model::{AgendaItem, Date, Document, Session};

const ORGANS: [&str; 5] = [
    "General Assembly",
    "Security Council",
    "Economic and Social Council",
    "Trusteeship Council",
    "International Court of Justice",
];

const LANGUAGES: [&str; 6] = [
    "Arabic", "Chinese", "English", "French", "Russian", "Spanish",
];

/// Whether a line names a principal organ.
pub fn is_organ(t: &str) -> bool {
    ORGANS.iter().any(|o| o.eq_ignore_ascii_case(t))
}

/// Whether a line is a session or year line (`Seventy-ninth session`, `Eightieth year`,
/// `Tenth emergency special session`).
pub fn is_session(t: &str) -> bool {
    // Seven words at most decide it: a line of millions of words must not become a vector of
    // them (a 60 MB line made 640 MB of them).
    let words: Vec<&str> = t.split_whitespace().take(7).collect();
    let Some(last) = words.last() else {
        return false;
    };
    let last = last.trim_end_matches(['*', ',']);
    (last.eq_ignore_ascii_case("session") || last.eq_ignore_ascii_case("year"))
        && words.len() <= 6
        && words.len() >= 2
        && (t.starts_with(|c: char| c.is_uppercase())
            // The Economic and Social Council's `2025 session`.
            || matches!(words.as_slice(), [year, _] if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())))
        && !t.contains(':')
}

/// Whether a line is a span of dates (`25 July 2024–30 July 2025`, with an en dash or a hyphen).
pub fn is_date_range(t: &str) -> bool {
    t.split_once(['–', '-']).is_some_and(|(from, to)| {
        crate::model::Date::parse_prose(from.trim()).is_some()
            && crate::model::Date::parse_prose(to.trim()).is_some()
    })
}

/// The symbols of a masthead symbol line (`A/79/753-S/2025/58`), when the line is one.
pub fn symbol_line(t: &str) -> Option<Vec<crate::symbol::Symbol>> {
    let t = t.trim();
    if t.is_empty() || t.contains(' ') && !t.contains("(Sect") {
        return None;
    }
    crate::symbol::split_joint(t)
        .into_iter()
        .map(symbol_shaped)
        .collect()
}

/// The masthead symbols: the first line (or `-layout` segment) of the first page that is
/// nothing but one symbol or a joint symbol.
pub fn find_symbols(lines: &[Line]) -> Vec<crate::symbol::Symbol> {
    for l in lines.iter().take_while(|l| l.page == 0).take(40) {
        for (_, seg) in l.segments() {
            if let Some(s) = symbol_line(seg) {
                return s;
            }
        }
    }
    Vec::new()
}

/// In `-layout` text, takes each blank-separated block of masthead lines apart into its two
/// columns: left-column pieces first, then right-column ones, each as a line of its own.
pub fn unscramble_columns(lines: &[Line]) -> Vec<Line> {
    let mut out = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    let flush = |block: &mut Vec<Line>, out: &mut Vec<Line>| {
        let mut left = Vec::new();
        let mut right = Vec::new();
        for l in block.drain(..) {
            for (i, (col, seg)) in l.segments().into_iter().enumerate() {
                let piece = Line {
                    text: seg.to_string(),
                    col: col + 1,
                    blank_before: l.blank_before && i == 0,
                    ..l.clone()
                };
                if col >= 40 {
                    right.push(piece);
                } else {
                    left.push(piece);
                }
            }
        }
        if let Some(first) = right.first_mut() {
            first.blank_before = true;
        }
        out.extend(left);
        out.extend(right);
    };
    for l in lines {
        if l.blank_before && !block.is_empty() {
            flush(&mut block, &mut out);
        }
        block.push(l.clone());
    }
    flush(&mut block, &mut out);
    out
}

/// Reads the masthead lines into the document.
pub fn read(lines: &[Line], doc: &mut Document) {
    let mut pending_organ: Option<String> = None;
    let mut others: Vec<(usize, String)> = Vec::new();
    let mut agenda_text: Vec<String> = Vec::new();
    let mut agenda_for: Option<usize> = None;
    let mut in_agenda_titles = false;
    let mut block = 0usize;
    let mut prev_other = false;
    let mut skip = 0usize;
    for (i, line) in lines.iter().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let mut t = fold(&line.text);
        if line.blank_before {
            block += 1;
            let gap = item_gap(lines, i);
            if in_agenda_titles
                && !agenda_text.is_empty()
                && titles_so_far(&agenda_text, gap) < items_of(doc, agenda_for)
            {
                // Titles still to come: a PDF sets them a little apart (each gap separates
                // two), a text may print the other organ's block or a blank line among them.
                if gap {
                    agenda_text.push(String::new());
                }
            } else {
                // Word text puts a blank line between the agenda line and its titles.
                in_agenda_titles &= agenda_text.is_empty();
            }
        }
        let next = lines.get(i + 1).map(|l| fold(&l.text)).unwrap_or_default();
        let was_other = std::mem::replace(&mut prev_other, false);
        if t.eq_ignore_ascii_case("United Nations") {
            continue;
        }
        if is_organ(&t) && !is_session(&next) && doc.sessions.is_empty() {
            if !doc.organs.iter().any(|o| o.eq_ignore_ascii_case(&t)) {
                doc.organs.push(t);
            }
            continue;
        }
        if let Some(s) = symbol_line(&t) {
            if doc.symbols.is_empty() {
                doc.symbols = s;
            }
            continue;
        }
        if let Some(d) = t
            .strip_prefix("Distr.:")
            .or_else(|| t.strip_prefix("Distr:"))
            .or_else(|| t.strip_prefix("Distr."))
        {
            doc.distribution = Some(d.trim().to_string());
            continue;
        }
        if let Some(o) = t.strip_prefix("Original:") {
            doc.original_language = Some(o.trim().to_string());
            continue;
        }
        if LANGUAGES.contains(&t.as_str()) && doc.original_language.is_none() {
            doc.language = Some(t);
            continue;
        }
        if doc.date.is_none()
            && let Some(d) = Date::parse_prose(&t)
        {
            doc.date = Some(d);
            continue;
        }
        if is_organ(&t) {
            pending_organ = Some(t);
            continue;
        }
        if is_session(&t) {
            // The Economic and Social Council prints the session's dates under it (`2025
            // session` / `25 July 2024–30 July 2025`): they are part of the session line.
            if is_date_range(&next) {
                t.push(' ');
                t.push_str(&next);
                skip += 1;
            }
            let organ = pending_organ
                .take()
                .or_else(|| was_other.then(|| others.pop().map(|(_, o)| o)).flatten())
                .or_else(|| {
                    doc.organs
                        .iter()
                        .find(|o| !doc.sessions.iter().any(|s| &s.organ == *o))
                        .cloned()
                })
                .unwrap_or_default();
            doc.sessions.push(Session {
                organ,
                name: t,
                agenda_label: None,
                agenda_items: Vec::new(),
            });
            // The other organ's block often stands between an agenda line and its titles
            // (`Agenda items 34 and 71` / `Security Council` / `Eightieth year` / titles): the
            // titles still to come belong to the agenda line.
            in_agenda_titles &= agenda_text.is_empty()
                || titles_so_far(&agenda_text, false) < items_of(doc, agenda_for);
            continue;
        }
        if agenda_numbers(&t).is_some() {
            // A long list of numbers wraps: `Agenda items 14, 16, ..., 69,` / `71, 120 and 135`.
            while ends_open(&t)
                && let Some(more) = lines.get(i + 1 + skip).map(|l| fold(&l.text))
                && more.starts_with(|c: char| c.is_ascii_digit())
            {
                t.push(' ');
                t.push_str(&more);
                skip += 1;
            }
        }
        if let Some(numbers) = agenda_numbers(&t) {
            flush_agenda(doc, agenda_for, &mut agenda_text);
            if doc.sessions.is_empty() {
                doc.sessions.push(Session {
                    organ: doc.organs.first().cloned().unwrap_or_default(),
                    name: String::new(),
                    agenda_label: None,
                    agenda_items: Vec::new(),
                });
            }
            let idx = doc.sessions.len() - 1;
            if let Some(s) = doc.sessions.get_mut(idx) {
                s.agenda_label = Some(t);
                s.agenda_items = numbers
                    .into_iter()
                    .map(|number| AgendaItem {
                        number,
                        title: String::new(),
                        subheadings: Vec::new(),
                    })
                    .collect();
            }
            agenda_for = Some(idx);
            in_agenda_titles = true;
            continue;
        }
        if in_agenda_titles {
            agenda_text.push(t);
            continue;
        }
        others.push((block, t));
        prev_other = true;
    }
    flush_agenda(doc, agenda_for, &mut agenda_text);
    if let Some(o) = pending_organ
        && !doc.organs.contains(&o)
    {
        doc.organs.push(o);
    }
    doc.title_headings = headings(&others);
}

/// The numbers of an agenda line (`Agenda items 32, 60 and 132`, `Item 116 (c) of the
/// preliminary list*`), or `None` when the line is not one.
pub fn agenda_numbers(t: &str) -> Option<Vec<String>> {
    let lower = t.to_ascii_lowercase();
    let rest_at = ["agenda items ", "agenda item ", "items ", "item "]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map(|p| p.len())?;
    let rest = t.get(rest_at..)?;
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = match rest.find(" of the ") {
        Some(i) => &rest[..i],
        None => rest,
    };
    let rest = rest.trim_end_matches(['*', ' ', ':']);
    let mut out = Vec::new();
    for part in rest.split(',') {
        for p in part.split(" and ") {
            let p = p.trim().trim_end_matches('*').trim();
            if p.starts_with(|c: char| c.is_ascii_digit()) {
                out.push(p.to_string());
            } else if !p.is_empty() {
                return None;
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

const FUNCTION_WORDS: [&str; 15] = [
    "the", "and", "of", "to", "for", "in", "on", "a", "an", "with", "by", "at", "from", "or", "as",
];

/// Whether a line ends on a word that cannot end a title or heading, so the next line continues it.
pub fn ends_open(t: &str) -> bool {
    let last = t.split_whitespace().last().unwrap_or("");
    t.ends_with([',', ':', '-', '–']) || FUNCTION_WORDS.iter().any(|w| w.eq_ignore_ascii_case(last))
}

/// Groups lines into titles: a line starting with a capital after a line that could end a
/// title starts a new one.
fn group_titles(lines: &[String]) -> Vec<String> {
    group_lines(lines)
        .into_iter()
        .map(|g| g.join(" "))
        .collect()
}

/// [`group_titles`], each title still as its lines.
fn group_lines(lines: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for l in lines {
        let start_new = match out.last().and_then(|g| g.last()) {
            None => true,
            Some(prev) => !ends_open(prev) && l.starts_with(|c: char| c.is_uppercase()),
        };
        match out.last_mut() {
            Some(last) if !start_new => last.push(l.clone()),
            _ => out.push(vec![l.clone()]),
        }
    }
    out
}

fn flush_agenda(doc: &mut Document, agenda_for: Option<usize>, text: &mut Vec<String>) {
    let Some(session) = agenda_for.and_then(|i| doc.sessions.get_mut(i)) else {
        text.clear();
        return;
    };
    let n = session.agenda_items.len();
    if n == 0 || text.is_empty() {
        text.clear();
        return;
    }
    // Titles set apart one by one, as many as the numbers: each is one item's.
    let apart: Vec<Vec<String>> = text
        .split(String::is_empty)
        .map(<[String]>::to_vec)
        .collect();
    text.retain(|t| !t.is_empty());
    let mut groups = if apart.len() == n {
        apart
    } else {
        group_lines(text)
    };
    text.clear();
    merge_wrapped(&mut groups, n);
    let mut titles: Vec<String> = groups.into_iter().map(|g| g.join(" ")).collect();
    // More groups than numbers: the extra ones are sub-headings of the last item.
    while titles.len() > n {
        let extra = titles.pop().unwrap_or_default();
        if let Some(item) = session.agenda_items.last_mut() {
            item.subheadings.insert(0, extra);
        }
    }
    for (item, title) in session.agenda_items.iter_mut().zip(titles) {
        item.title = title;
    }
}

/// How many agenda items the session at `agenda_for` lists.
fn items_of(doc: &Document, agenda_for: Option<usize>) -> usize {
    agenda_for
        .and_then(|k| doc.sessions.get(k))
        .map_or(0, |s| s.agenda_items.len())
}

/// How many agenda titles the lines read so far hold: the pieces a PDF's gaps set apart, or
/// else the titles the lines' capitals start (which a title wrapped before a capital
/// overcounts, never under).
fn titles_so_far(text: &[String], gaps: bool) -> usize {
    if gaps {
        1 + text.iter().filter(|t| t.is_empty()).count()
    } else {
        let lines: Vec<String> = text.iter().filter(|t| !t.is_empty()).cloned().collect();
        group_lines(&lines).len()
    }
}

/// Whether the blank before line `i` is the narrow gap a PDF sets between two agenda items'
/// titles (under two and a half lines of its type), not the wide one before the letter's title.
fn item_gap(lines: &[Line], i: usize) -> bool {
    let (Some(this), Some(before)) = (
        lines.get(i).and_then(|l| l.measured.as_ref()),
        i.checked_sub(1)
            .and_then(|k| lines.get(k))
            .and_then(|l| l.measured.as_ref()),
    ) else {
        return false;
    };
    this.baseline.saturating_sub(before.baseline) * 2 < this.size * 5
}

/// With more title groups than agenda numbers, some title wrapped before a word that starts
/// with a capital (`... Agency for Palestine` / `Refugees in the Near East`). Joins, one at a
/// time, the most likely pair: a long line (near the column width) followed by a short
/// one-line group; a group opening with a capitalised function word (`The ...`) always starts
/// a title. Groups that stay extra are sub-headings.
fn merge_wrapped(groups: &mut Vec<Vec<String>>, n: usize) {
    let width = groups
        .iter()
        .flatten()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    while groups.len() > n {
        let mut best: Option<(usize, f64)> = None;
        for (j, pair) in groups.windows(2).enumerate() {
            let [this, following] = pair else { continue };
            let (Some(last), Some(next)) = (this.last(), following.first()) else {
                continue;
            };
            let long = last.chars().count() as f64 / width;
            let first_word = next.split_whitespace().next().unwrap_or("");
            let opens = FUNCTION_WORDS
                .iter()
                .any(|w| w.eq_ignore_ascii_case(first_word));
            if long < 0.6 || opens || last.ends_with(['.', ';']) {
                continue;
            }
            let short_next = if following.len() == 1 {
                1.0 - next.chars().count() as f64 / width
            } else {
                0.0
            };
            let score = long + short_next;
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((j, score));
            }
        }
        let Some((j, _)) = best else { return };
        if j + 1 < groups.len() {
            let next = groups.remove(j + 1);
            if let Some(g) = groups.get_mut(j) {
                g.extend(next);
            }
        }
    }
}

fn headings(others: &[(usize, String)]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < others.len() {
        let block = others.get(i).map_or(0, |o| o.0);
        let mut lines = Vec::new();
        while let Some((b, t)) = others.get(i)
            && *b == block
        {
            lines.push(t.clone());
            i += 1;
        }
        out.extend(group_titles(&lines));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_ending_on_a_function_word_is_left_open() {
        assert!(ends_open("I have designated Ms. Roy Choudhury to serve as"));
        assert!(ends_open("the Government of"));
        assert!(ends_open(
            "Security Council Committee established pursuant to resolution 1970 (2011),"
        ));
        assert!(!ends_open("Coordinator of the Panel of Experts"));
        assert!(!ends_open("Question of Palestine"));
    }

    #[test]
    fn agenda_lines() {
        assert_eq!(
            agenda_numbers("Agenda items 32, 60, 61 and 132"),
            Some(vec!["32".into(), "60".into(), "61".into(), "132".into()])
        );
        assert_eq!(
            agenda_numbers("Item 116 (c) of the preliminary list*"),
            Some(vec!["116 (c)".into()])
        );
        assert_eq!(agenda_numbers("Items to be discussed"), None);
    }

    #[test]
    fn sessions() {
        assert!(is_session("Seventy-ninth session"));
        assert!(is_session("Tenth emergency special session"));
        assert!(is_session("Eightieth year"));
        assert!(is_session("2099 session"));
        assert!(!is_session("25 session"));
        assert!(!is_session("Security Council"));
        assert!(is_date_range("25 July 2024–30 July 2025"));
        assert!(is_date_range("25 July 2024 - 30 July 2025"));
        assert!(!is_date_range("25 July 2024"));
        assert!(!is_date_range("Agenda item 18 - 2025"));
    }
}
