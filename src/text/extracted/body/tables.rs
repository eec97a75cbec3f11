//! Tables: rows of `-layout` columns (and of measured cells, wrapped cells joined), a run of
//! short lines in default text (one cell per line), a table under a `Table 1` caption with its
//! title and notes, and the rhythm of row keys that tells a table's cells from plain lines.

use super::labels::{ends_sentence, is_bare_label, is_contents_entry, is_label_line, label};
use super::{Raw, View, flush, join_line, joined_line};
use crate::text::extracted::lines::{Form, fold};
use crate::text::extracted::masthead::ends_open;
use crate::text::extracted::repair::repair;

/// Whether measured lines at `i` and after it both stand in columns: a table's rows, whatever
/// the line before them ended with (cells rarely end with a full stop).
pub(super) fn measured_columns(views: &[View], i: usize) -> bool {
    let columns = |k: usize| {
        views
            .get(k)
            .is_some_and(|v| v.line.measured.is_some() && v.line.segments().len() >= 2)
    };
    columns(i) && columns(i + 1)
}

/// The longest line of a table that default text prints one cell per line, in average
/// characters: about half the measure of a UN page. Fixed, not a share of the letter's measure:
/// the same lines are a table's however wide the paragraphs around them are wrapped.
pub(super) const CELL_LINE: usize = 48;

/// A table starting at `i`: in `-layout`, two or more lines with column gaps; elsewhere four or
/// more short lines, most without a full stop (one cell per line, as extraction gives them).
pub(super) fn table_at(views: &[View], i: usize, form: Form) -> Option<(Vec<Vec<String>>, usize)> {
    if form == Form::Layout {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut used = 0;
        // Where the last row's cells start, and the size of its type (measured lines only).
        let mut columns: Vec<usize> = Vec::new();
        // Where the last row's cells start on the page, in hundredths of a point (measured
        // lines only).
        let mut edges: Vec<u32> = Vec::new();
        let mut size = None;
        for v in views.get(i..)? {
            if is_contents_entry(&v.text) {
                break;
            }
            let segs = v.line.segments();
            // `3.    Impose an embargo`: a label set apart from its text starts an item.
            let item = segs.len() == 2 && segs.first().is_some_and(|(_, l)| is_label_line(l));
            if item {
                break;
            }
            // A measured line of words in some of the columns but not the first, each piece
            // under its own cell of the row above, in the row's type and with no gap before it: the
            // row's cells wrapped. (A row of figures under a row label, or one that fills every
            // other column and does not go on in lower case, is a row of its own.)
            if segs.len() >= 2
                && rows.last().is_some_and(|r| {
                    segs.len() + 1 < r.len()
                        || segs.iter().all(|(_, t)| t.starts_with(char::is_lowercase))
                })
                && segs.iter().all(|(_, t)| t.chars().any(char::is_alphabetic))
                && let (Some(row), Some(m), Some(&first)) =
                    (rows.last_mut(), &v.line.measured, columns.first())
                && !v.line.blank_before
                && size.is_some_and(|s: u32| s.abs_diff(m.size) <= 30)
                && segs.first().is_some_and(|(c, _)| *c > first + 2)
            {
                // The cell a piece lies under: the last that starts left of it (a cell can
                // hold two printed columns, `1 disconnection of`).
                let slots: Vec<Option<usize>> = segs
                    .iter()
                    .map(|(c, _)| columns.iter().rposition(|k| *k <= c + 2))
                    .collect();
                let distinct = slots
                    .windows(2)
                    .all(|w| matches!(w, [Some(a), Some(b)] if a < b));
                if distinct && slots.iter().all(|k| k.is_some_and(|k| k < row.len())) {
                    for ((_, text), k) in segs.iter().zip(&slots) {
                        if let Some(cell) = k.and_then(|k| row.get_mut(k)) {
                            join_line(cell, &fold(text));
                        }
                    }
                    used += 1;
                    continue;
                }
            }
            if segs.len() < 2 {
                // A measured line under one cell of the row above, in the row's type and with no
                // gap before it, is that cell's text wrapped.
                let wrapped = match (segs.first(), rows.last_mut(), &v.line.measured) {
                    (Some((col, text)), Some(row), Some(m))
                        if segs.len() == 1
                            && !v.line.blank_before
                            && size.is_some_and(|s: u32| s.abs_diff(m.size) <= 30) =>
                    {
                        columns
                            .iter()
                            .position(|c| c.abs_diff(*col) <= 2)
                            .or_else(|| edges.iter().position(|e| e.abs_diff(m.x) <= 200))
                            .and_then(|k| row.get_mut(k))
                            .map(|cell| join_line(cell, &fold(text)))
                            .is_some()
                    }
                    // In text, a line standing under a later cell of the row above, with no
                    // blank line before it, is that cell's text wrapped (a description column).
                    (Some((col, text)), Some(row), None)
                        if segs.len() == 1 && !v.line.blank_before =>
                    {
                        columns
                            .iter()
                            .position(|c| c.abs_diff(*col) <= 2)
                            .filter(|&k| k >= 1)
                            .and_then(|k| row.get_mut(k))
                            .map(|cell| {
                                cell.push(' ');
                                cell.push_str(&fold(text));
                            })
                            .is_some()
                    }
                    _ => false,
                };
                if wrapped {
                    used += 1;
                    continue;
                }
                break;
            }
            columns = segs.iter().map(|(c, _)| *c).collect();
            edges = v
                .line
                .measured
                .as_ref()
                .filter(|m| m.cells.len() + 1 == segs.len())
                .map(|m| {
                    std::iter::once(m.x)
                        .chain(m.cells.iter().copied())
                        .collect()
                })
                .unwrap_or_default();
            size = v.line.measured.as_ref().map(|m| m.size);
            rows.push(segs.iter().map(|(_, s)| fold(s)).collect::<Vec<_>>());
            used += 1;
        }
        return (rows.len() >= 2).then_some((rows, used));
    }
    let mut n = 0;
    let mut ended = 0;
    for v in views.get(i..)? {
        // A caption opens the next table: what stands above it is no cell of it. A section
        // label (`I. Introduction`) opens a heading.
        if v.len >= CELL_LINE
            || label(&v.text).is_some()
            || v.text.split_whitespace().next().is_some_and(is_label_line)
            || n > 0 && is_caption(&v.text)
        {
            break;
        }
        if ends_sentence(&v.text) {
            ended += 1;
        }
        n += 1;
    }
    if n < 4 || ended * 2 >= n {
        return None;
    }
    let rows = views.get(i..i + n)?.iter().map(cells_of).collect();
    Some((rows, n))
}

/// The cells of a table line: `-layout` keeps columns apart, and each piece between gaps is a
/// cell; otherwise the line is one cell.
fn cells_of(v: &View) -> Vec<String> {
    let segs = v.line.segments();
    if segs.len() >= 2 {
        segs.iter().map(|(_, s)| repair(&fold(s))).collect()
    } else {
        vec![repair(&v.text)]
    }
}

const TABLE_NOTES: [&str; 5] = ["Note", "Notes", "Source", "Sources", "Abbreviations"];

/// A note under a table: `Note:`, `Source:`, or a lettered note (`a` alone, or `a The
/// table ...`: its superscript marker printed on the line).
fn is_table_note(t: &str) -> bool {
    let mut chars = t.chars();
    let lettered = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.next().is_none_or(|c| c == ' ')
        && chars.next().is_none_or(char::is_uppercase);
    lettered || is_source_note(t)
}

/// A note on what a table, map or list rests on: `Source: ...`, `Notes. ...`.
pub(super) fn is_source_note(t: &str) -> bool {
    TABLE_NOTES.iter().any(|n| {
        t.strip_prefix(n)
            .is_some_and(|r| r.starts_with([':', '.', 's']))
    })
}

/// A table announced by a caption line (`Table 1`, `Figure 2`): the caption, its title, the
/// cells (one per line, as extraction gives them) and the notes under it, up to the next line
/// of running text.
pub(super) fn captioned_table_at(
    views: &[View],
    i: usize,
    width: usize,
) -> Option<(Vec<Vec<String>>, usize)> {
    let first = views.get(i)?;
    let mut words = first.text.split_whitespace();
    let (kw, num) = (words.next()?, words.next()?);
    if !(kw == "Table" || kw == "Figure")
        || words.next().is_some()
        || !num.starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        return None;
    }
    let mut n = 1;
    let mut in_note = false;
    for (k, v) in views.get(i + 1..)?.iter().enumerate() {
        let note = is_table_note(&v.text);
        // The table's title may run over two full lines under the caption.
        let long = v.len * 10 >= width * 8 && (k >= 2 || ends_sentence(&v.text));
        if long && !note && (!in_note || v.line.page_start) {
            break;
        }
        in_note = (note || in_note) && !ends_sentence(&v.text);
        n += 1;
    }
    let rows = views.get(i..i + n)?.iter().map(cells_of).collect();
    Some((rows, n))
}

/// A table of two columns or more, or else its lines as plain paragraphs. Default-mode
/// extraction gives a table's cells one per line; where a row key (a year range `2019/20`, a
/// date, a label `1.`, a mixed code) recurs at a steady interval, that interval is the number of
/// columns and each key starts a row. A column of lines with no such rhythm (a letterhead,
/// contents entries, cells printed out of order) is no table: its lines are kept as printed,
/// a line that continues the one before (`period)`, `patients`) joined to it. A `Table 1`
/// caption and the title under it are headings.
pub(super) fn push_table(rows: Vec<Vec<String>>, views: &[View], out: &mut Vec<Raw>) {
    if rows.iter().any(|r| r.len() >= 2) {
        out.push(Raw::Table(rows));
        return;
    }
    let lines: Vec<(&str, usize)> = views
        .iter()
        .map(|v| (v.text.as_ref(), v.line.page))
        .collect();
    // One table per caption: the run may hold several, each with its notes.
    let mut from = 0;
    while from < lines.len() {
        let next = (from + 1..lines.len())
            .find(|&k| lines.get(k).is_some_and(|(t, _)| is_caption(t)))
            .unwrap_or(lines.len());
        push_captioned(lines.get(from..next).unwrap_or_default(), out);
        from = next;
    }
}

fn push_captioned(mut lines: &[(&str, usize)], out: &mut Vec<Raw>) {
    if let [(first, page), rest @ ..] = lines
        && is_caption(first)
    {
        out.push(Raw::Heading((*first).to_string(), *page));
        lines = rest;
        if let [(title, page), rest @ ..] = lines
            && !is_table_note(title)
        {
            let mut text = (*title).to_string();
            lines = rest;
            while let [(next, _), rest @ ..] = lines
                && continues_cell(&text, next)
            {
                text.push(' ');
                text.push_str(next);
                lines = rest;
            }
            out.push(Raw::Heading(repair(&text), *page));
        }
    }
    // Notes under the table (`Note:`, `Source:`) are its last rows, one cell each.
    let notes_at = lines
        .iter()
        .position(|(t, _)| is_table_note(t))
        .unwrap_or(lines.len());
    let (cells, notes) = lines.split_at(notes_at);
    match table_rows(cells) {
        Some(mut rows) => {
            let mut note: Vec<(&str, usize)> = Vec::new();
            let mut after = notes.len();
            for (k, &(t, page)) in notes.iter().enumerate() {
                let ended = note.last().is_some_and(|(l, _)| ends_sentence(l));
                if ended && !is_table_note(t) {
                    // A finished note, then running text (a heading) again.
                    after = k;
                    break;
                }
                if is_table_note(t) && !note.is_empty() {
                    rows.push(vec![joined_line(&note)]);
                    note.clear();
                }
                note.push((t, page));
            }
            if !note.is_empty() {
                rows.push(vec![joined_line(&note)]);
            }
            out.push(Raw::Table(rows));
            plain_lines(notes.get(after..).unwrap_or_default(), out);
        }
        None => {
            plain_lines(cells, out);
            plain_lines(notes, out);
        }
    }
}

/// Lines kept as printed, one paragraph each; a label alone joins the line after it and a line
/// that continues a cell (see [`continues_cell`]) joins the line before it.
fn plain_lines(lines: &[(&str, usize)], out: &mut Vec<Raw>) {
    let mut cur: Vec<(&str, usize)> = Vec::new();
    for &(t, page) in lines {
        let joins = cur
            .last()
            .is_some_and(|(p, _)| is_label_line(p) || continues_cell(p, t));
        if !joins {
            flush(&mut cur, out);
        }
        cur.push((t, page));
    }
    flush(&mut cur, out);
}

fn is_caption(t: &str) -> bool {
    let mut words = t.split_whitespace();
    matches!(
        (words.next(), words.next(), words.next()),
        (Some("Table" | "Figure"), Some(_), None)
    )
}

/// Whether the line `t` continues the cell `before` it: a wrapped cell goes on in lower case,
/// after a bracket left open (`(International` / `Maritime` / `Organization No.)`) or words
/// left open (`2210–1100 on` / `13 November`; a colon introduces, a lone dash is an empty
/// cell), or closes a bracket the line before opened.
fn continues_cell(before: &str, t: &str) -> bool {
    before.matches('(').count() > before.matches(')').count()
        || ends_open(before) && !before.ends_with(':') && before.chars().any(char::is_alphabetic)
        || t.starts_with(char::is_lowercase)
        || t.find(')')
            .is_some_and(|close| t.find('(').is_none_or(|open| open > close))
}

/// The kind of a cell, for finding the rhythm of a table's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A number, an amount, a percentage or an empty cell's dash.
    Number,
    /// A year range or fiscal year: `2019/20`.
    Span,
    /// A date: `27-Nov-24`, `1 November`.
    Date,
    /// A label: `1.`, `(a)`.
    Label,
    /// Letters and digits mixed: `HAFF-354M`, `0900–1730`.
    Code,
    /// Words.
    Words,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn shape(t: &str) -> Shape {
    let t = t.trim();
    if is_bare_label(t) {
        return Shape::Label;
    }
    let digits = t.bytes().any(|b| b.is_ascii_digit());
    if matches!(t, "–" | "-" | "—")
        || digits
            && t.chars()
                .all(|c| c.is_ascii_digit() || " .,%()+".contains(c))
    {
        return Shape::Number;
    }
    if digits && t.contains('/') && t.chars().all(|c| c.is_ascii_digit() || c == '/') {
        return Shape::Span;
    }
    if digits && MONTHS.iter().any(|m| t.contains(m)) {
        return Shape::Date;
    }
    if digits {
        return Shape::Code;
    }
    Shape::Words
}

/// The rows of a table given one cell per line, when a row key recurs at a steady interval
/// of two or more lines; lines before the first key are the header row, wrapped cells joined.
fn table_rows(lines: &[(&str, usize)]) -> Option<Vec<Vec<String>>> {
    let shapes: Vec<Shape> = lines.iter().map(|(t, _)| shape(t)).collect();
    let mut best: Option<(usize, Vec<usize>)> = None;
    for key in [
        Shape::Span,
        Shape::Date,
        Shape::Label,
        Shape::Code,
        Shape::Words,
    ] {
        let pos: Vec<usize> = (0..shapes.len())
            .filter(|&i| shapes.get(i) == Some(&key))
            .collect();
        if pos.len() < 3 {
            continue;
        }
        let gaps: Vec<usize> = pos
            .iter()
            .zip(pos.iter().skip(1))
            .map(|(a, b)| b - a)
            .collect();
        let mut counts = [0usize; 11];
        for &g in &gaps {
            if let Some(c) = counts.get_mut(g) {
                *c += 1;
            }
        }
        let Some((p, &n)) = counts.iter().enumerate().skip(2).max_by_key(|(_, n)| **n) else {
            continue;
        };
        // Header cells can share the key's shape: the rows start where the keys stop
        // following each other.
        let skip = gaps.iter().rposition(|&g| g < 2).map_or(0, |k| k + 1);
        let pos = pos.get(skip..).unwrap_or_default().to_vec();
        let steady = gaps.get(skip..).unwrap_or_default();
        // A steady rhythm: most keys one row apart.
        if pos.len() < 3 || n * 4 < steady.len() * 3 {
            continue;
        }
        if best.as_ref().is_none_or(|(_, b)| pos.first() < b.first()) {
            best = Some((p, pos));
        }
    }
    let (p, pos) = best?;
    let first = *pos.first()?;
    let mut rows = Vec::new();
    let header = joined_cells(lines.get(..first)?);
    if header.len() >= 2 {
        rows.push(header);
    } else if !header.is_empty() {
        return None;
    }
    for (k, &at) in pos.iter().enumerate() {
        let end = pos
            .get(k + 1)
            .copied()
            .unwrap_or(lines.len())
            .min(lines.len());
        // The last row ends after its columns: what follows (`Total`) is a row of its own.
        let end = if k + 1 == pos.len() {
            end.min(at + p)
        } else {
            end
        };
        let row: Vec<String> = lines.get(at..end)?.iter().map(|(t, _)| repair(t)).collect();
        rows.push(row);
    }
    let tail = lines.get((pos.last()? + p).min(lines.len())..)?;
    if !tail.is_empty() {
        let row = joined_cells(tail);
        if row.len() < 2 {
            return None;
        }
        rows.push(row);
    }
    Some(rows)
}

/// Cells one per line, a wrapped cell's lines joined.
fn joined_cells(lines: &[(&str, usize)]) -> Vec<String> {
    let mut cells: Vec<String> = Vec::new();
    for (t, _) in lines {
        match cells.last_mut() {
            Some(c) if continues_cell(c, t) => {
                c.push(' ');
                c.push_str(t);
            }
            _ => cells.push((*t).to_string()),
        }
    }
    cells.iter().map(|c| repair(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_goes_on_after_a_bracket_left_open() {
        assert!(continues_cell("(International", "Maritime"));
        assert!(!continues_cell("Ship name", "(International Maritime No.)"));
        assert!(continues_cell("Maritime", "Organization No.)"));
        assert!(continues_cell("Ship name", "in service"));
        assert!(!continues_cell("Magic Seas (9736169)", "Liberia"));
        assert!(continues_cell("2210–1100 on", "13 November"));
        assert!(continues_cell(
            "fired on a patrol and hit the",
            "MONUSCO position"
        ));
        assert!(!continues_cell("–", "–"));
        assert!(!continues_cell("True extract:", "Senior Investigator"));
    }
}
