//! From glyphs to the reader's lines: glyphs on one baseline make a row, a raised and smaller row
//! just above another joins it as its superscripts, gaps make word spaces or column gaps, and
//! each line gets its measured attributes (left edge, baseline, size, bold and italic runs,
//! superscript runs, and the zone of the page it lies in: header or footer band, footnotes).

use crate::text::extracted::lines::{Line, Measured, Run, Zone};

use super::bidi;
use super::glyphs::{Glyph, Page};

/// Superscript digits, by digit: a raised call-out reads as `¹²` in the line's text, which the
/// reader's stages know as a call-out wherever a note of that number exists.
const SUPERSCRIPT_DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// The share of the page's height at its top (pages after the first) and foot that holds running
/// headers, job numbers, barcodes and page counters.
const HEADER_BAND: f32 = 0.085;
const FOOTER_BAND: f32 = 0.06;

/// A glyph in a row, with whether it was raised into the row as a superscript, and its left edge
/// in reading order (where it prints, but mirrored in right-to-left text: see [`bidi`]).
#[derive(Clone)]
struct Placed<'g> {
    glyph: &'g Glyph,
    superscript: bool,
    x: f32,
}

struct Row<'g> {
    y: f32,
    size: f32,
    glyphs: Vec<Placed<'g>>,
}

impl Row<'_> {
    /// The left edge of the first glyph that prints (a tab or spaces may open the line, left of
    /// the first-line indent).
    fn min_x(&self) -> f32 {
        let inked = self
            .glyphs
            .iter()
            .filter(|p| !p.glyph.text.trim().is_empty())
            .map(|p| p.glyph.x)
            .fold(f32::INFINITY, f32::min);
        if inked.is_finite() {
            return inked;
        }
        self.glyphs
            .iter()
            .map(|p| p.glyph.x)
            .fold(f32::INFINITY, f32::min)
    }
    fn max_x(&self) -> f32 {
        self.glyphs
            .iter()
            .map(|p| p.glyph.x + p.glyph.width)
            .fold(f32::NEG_INFINITY, f32::max)
    }
}

/// The most common glyph size of the document, to the quarter point: its body text.
pub fn body_size(pages: &[Page]) -> f32 {
    let mut counts: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for g in pages.iter().flat_map(|p| &p.glyphs) {
        if !g.text.trim().is_empty() && g.upright {
            *counts.entry((g.size * 4.0).round() as u32).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(10.0, |(s, _)| s as f32 / 4.0)
        .max(1.0)
}

/// The lines of one page, numbered on from `first_line` (the 1-based number the first gets).
pub fn page_lines(page: &Page, index: usize, body: f32, first_line: usize) -> Vec<Line> {
    let rows = rows(page);
    let pitch = body * 0.5;
    let columns = row_columns(&rows, pitch);
    let mut out: Vec<Line> = Vec::with_capacity(rows.len());
    let mut prev: Option<&Row> = None;
    for (row, columns) in rows.iter().zip(&columns) {
        let Some(built) = build(row, pitch, columns) else {
            continue;
        };
        let gap = prev.map(|p| row.y - p.y);
        let blank_before =
            gap.is_some_and(|g| g > 1.75 * row.size.max(prev.map_or(0.0, |p| p.size)));
        let zone = if row.y > page.height * (1.0 - FOOTER_BAND) {
            Zone::Footer
        } else if index > 0 && row.y < page.height * HEADER_BAND {
            Zone::Header
        } else {
            Zone::Body
        };
        let x = row.min_x().max(0.0);
        let indent = column(x, pitch);
        let bold = all_styled(&row.glyphs, |g| g.bold);
        let italic = all_styled(&row.glyphs, |g| g.italic);
        out.push(Line {
            text: built.text,
            line: first_line + out.len(),
            col: indent + 1,
            indent,
            page: index,
            blank_before: blank_before && !out.is_empty(),
            page_start: out.is_empty(),
            measured: Some(Box::new(Measured {
                x: centi(x),
                baseline: centi(row.y),
                size: centi(row.size),
                body_size: centi(body),
                bold,
                italic,
                runs: built.runs,
                zone,
                cells: built.cells.iter().map(|&x| centi(x)).collect(),
            })),
        });
        prev = Some(row);
    }
    mark_footnotes(&mut out, body, page.height);
    if let Some(start) = ruled_zone(&out, &page.rules, body, page.width, page.height) {
        for l in out.get_mut(start..).unwrap_or_default() {
            if let Some(m) = l.measured.as_mut()
                && m.zone != Zone::Footer
            {
                m.zone = Zone::Footnote;
            }
        }
    }
    out
}

/// Where a page's footnote zone starts when a separator rule is drawn above it (a short rule
/// in the lower part of the page, rather than a line of underscores): at the first line under
/// the lowest such rule, when the lines from there to the footer band run across the page in
/// one column and open with a note's marker (the notes may be set in the body's size), or are
/// all smaller than the body text with a marker among them (a note carried over from the page
/// before opens the zone without one).
fn ruled_zone(
    lines: &[Line],
    rules: &[super::glyphs::Rule],
    body: f32,
    width: f32,
    height: f32,
) -> Option<usize> {
    let baseline = |l: &Line| {
        l.measured
            .as_ref()
            .map_or(0.0, |m| m.baseline as f32 / 100.0)
    };
    let in_body = |l: &Line| {
        l.measured
            .as_ref()
            .is_some_and(|m| matches!(m.zone, Zone::Body | Zone::Footnote))
    };
    let rule = rules
        .iter()
        .filter(|r| {
            r.y > height * 0.4 && r.y < height * (1.0 - FOOTER_BAND) && r.x1 - r.x0 <= width * 0.5
        })
        .max_by(|a, b| a.y.total_cmp(&b.y))?;
    let start = lines
        .iter()
        .position(|l| in_body(l) && baseline(l) > rule.y)?;
    let mut below: Vec<&Line> = lines
        .get(start..)?
        .iter()
        .take_while(|l| in_body(l))
        .collect();
    // A separator printed as underscores under the rule is the zone's own: the drawn rule above
    // it closes something else (the notes of a box, which stay with the box).
    let mut start = start;
    if let Some(k) = below
        .iter()
        .rposition(|l| crate::text::extracted::furniture::is_separator(&l.text))
    {
        start += k;
        below.drain(..k);
    }
    let small = |l: &Line| {
        l.measured
            .as_ref()
            .is_some_and(|m| (m.size as f32) < body * 100.0 * 0.92)
    };
    let column = below.iter().all(|l| l.segments().len() == 1);
    let opens = below
        .iter()
        .find(|l| !crate::text::extracted::furniture::is_separator(&l.text))
        .is_some_and(|l| opens_note(&l.text));
    let noted = below.iter().any(|l| opens_note(&l.text));
    (column && noted && (opens || below.iter().all(|l| small(l)))).then_some(start)
}

fn centi(v: f32) -> u32 {
    (v * 100.0).round().clamp(0.0, u32::MAX as f32) as u32
}

/// Groups the page's upright glyphs into rows by baseline, top to bottom, and folds each raised,
/// smaller row into the row it stands on.
fn rows(page: &Page) -> Vec<Row<'_>> {
    let mut glyphs: Vec<&Glyph> = page.glyphs.iter().filter(|g| g.upright).collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Row> = Vec::new();
    for g in glyphs {
        let joins = rows.last().is_some_and(|r| {
            (g.y - r.y).abs() <= 0.2 * r.size.max(g.size).max(1.0)
                && g.size > 0.8 * r.size.min(g.size).max(0.1)
        });
        match rows.last_mut() {
            Some(r) if joins => {
                if g.size > r.size && !g.text.trim().is_empty() {
                    r.size = g.size;
                    r.y = g.y;
                }
                r.glyphs.push(Placed {
                    glyph: g,
                    superscript: false,
                    x: g.x,
                });
            }
            _ => rows.push(Row {
                y: g.y,
                size: g.size,
                glyphs: vec![Placed {
                    glyph: g,
                    superscript: false,
                    x: g.x,
                }],
            }),
        }
    }
    // A row smaller than the row below it and raised by less than that row's size, within its
    // width: its superscripts (call-outs, ordinals, the markers of footnotes).
    let mut merged: Vec<Row> = Vec::with_capacity(rows.len());
    let mut i = 0;
    while i < rows.len() {
        let (Some(r), next) = (rows.get(i), rows.get(i + 1)) else {
            break;
        };
        if let Some(n) = next {
            let raise = n.y - r.y;
            let within =
                r.min_x() >= n.min_x() - n.size * 2.0 && r.max_x() <= n.max_x() + n.size * 2.0;
            if r.size < 0.85 * n.size && raise > 0.1 * n.size && raise < 0.7 * n.size && within {
                let mut row = Row {
                    y: n.y,
                    size: n.size,
                    glyphs: n.glyphs.clone(),
                };
                row.glyphs.extend(r.glyphs.iter().map(|p| Placed {
                    glyph: p.glyph,
                    superscript: true,
                    x: p.x,
                }));
                merged.push(row);
                i += 2;
                continue;
            }
        }
        merged.push(Row {
            y: r.y,
            size: r.size,
            glyphs: r.glyphs.clone(),
        });
        i += 1;
    }
    let mut merged = side_by_side(merged);
    for r in &mut merged {
        r.glyphs.sort_by(|a, b| a.glyph.x.total_cmp(&b.glyph.x));
        // Fake bold prints a glyph twice, a hair apart: keep one.
        r.glyphs.dedup_by(|b, a| {
            a.glyph.text == b.glyph.text
                && (a.glyph.x - b.glyph.x).abs() < 0.3 * a.glyph.width.max(0.5)
                && (a.glyph.y - b.glyph.y).abs() < 0.5
        });
        in_reading_order(r);
    }
    merged
}

/// Puts a row holding right-to-left text in reading order (a row of left-to-right text, nearly
/// every row of a letter, is left as it is).
fn in_reading_order(row: &mut Row) {
    // Every row of every page comes here: nothing is allocated for one without such text.
    let rtl = |p: &Placed| bidi::direction(&p.glyph.text) == bidi::Direction::Rtl;
    if !row.glyphs.iter().any(rtl) {
        return;
    }
    let placed: Vec<bidi::Placed> = row
        .glyphs
        .iter()
        .map(|p| bidi::Placed {
            x: p.glyph.x,
            width: p.glyph.width,
            direction: bidi::direction(&p.glyph.text),
        })
        .collect();
    if let Some(x) = bidi::logical_positions(&placed) {
        for (p, x) in row.glyphs.iter_mut().zip(x) {
            p.x = x;
        }
        row.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
}

/// Joins rows that print side by side on nearly one baseline (less than a third of their size
/// apart) with a column gap between them: cells of one table row centred on other baselines,
/// a chart's legend. Whether they made one row or two depended on a fraction of a point that
/// differs between two printings of the same page.
fn side_by_side(rows: Vec<Row<'_>>) -> Vec<Row<'_>> {
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    for r in rows {
        if let Some(last) = out.last_mut() {
            let size = last.size.max(r.size);
            let near = (r.y - last.y).abs() < 0.35 * size;
            let alike = last.size.min(r.size) > 0.85 * size;
            let apart =
                r.min_x() > last.max_x() + 1.5 * size || r.max_x() + 1.5 * size < last.min_x();
            if near && alike && apart {
                last.glyphs.extend(r.glyphs);
                continue;
            }
        }
        out.push(r);
    }
    out
}

struct Built {
    text: String,
    runs: Vec<Run>,
    /// Where each cell after a column gap starts, in points.
    cells: Vec<f32>,
}

/// Where each row of a page is cut into cells besides its column gaps: at the page's shared
/// column starts (a position at which two rows or more open a cell after a column gap), so a
/// row whose words come closer (a two-digit row number, a long name) has the same cells as its
/// neighbours, whatever the gap. A row with a column gap of its own is a table's row; a row
/// with none is cut only where the rows on both sides of it open a cell (a long symbol in the
/// first column leaves one space before the description), not wherever a word of running text
/// happens to start at a column of a table elsewhere on the page or next to it.
fn row_columns(rows: &[Row], pitch: f32) -> Vec<Vec<f32>> {
    let cells: Vec<Vec<f32>> = rows
        .iter()
        .map(|r| build(r, pitch, &[]).map_or_else(Vec::new, |b| b.cells))
        .collect();
    let shared = shared_columns(&cells);
    let near = |c: &f32| shared.iter().any(|x| (x - c).abs() <= COLUMN_SLACK);
    (0..rows.len())
        .map(|i| match cells.get(i) {
            Some(own) if !own.is_empty() => shared.clone(),
            _ => {
                let (Some(above), Some(below)) = (
                    i.checked_sub(1).and_then(|k| cells.get(k)),
                    cells.get(i + 1),
                ) else {
                    return Vec::new();
                };
                above
                    .iter()
                    .copied()
                    .filter(|c| near(c) && below.iter().any(|b| (b - c).abs() <= COLUMN_SLACK))
                    .collect()
            }
        })
        .collect()
}

/// The positions at which two rows or more of a page open a cell.
fn shared_columns(cells: &[Vec<f32>]) -> Vec<f32> {
    let mut starts: Vec<f32> = cells.iter().flatten().copied().collect();
    starts.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    let mut k = 0;
    while let Some(&x) = starts.get(k) {
        let n = starts
            .get(k..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&y| y - x <= COLUMN_SLACK)
            .count();
        if n >= 2 {
            out.push(x);
        }
        k += n.max(1);
    }
    out
}

/// How far, in points, the cells of one column may start apart.
const COLUMN_SLACK: f32 = 1.0;

/// The furthest character column a glyph is placed at: 2,000 columns of half an em, some
/// 10,000 points at 10 points, far beyond any page. A glyph beyond it (a hostile width or
/// matrix) would pad its line with as many spaces as its position says, millions.
const MAX_COLUMN: usize = 2_000;

/// The character column of a position `x` in points, for a pitch in points per column.
fn column(x: f32, pitch: f32) -> usize {
    (x.max(0.0) / pitch).round().min(MAX_COLUMN as f32) as usize
}

/// The text of a row: word spaces from gaps (or space glyphs), column gaps padded to the
/// column the next glyph stands at, superscript digits as superscript characters except where
/// they open the line (a footnote's marker, followed by a space).
fn build(row: &Row, pitch: f32, columns: &[f32]) -> Option<Built> {
    let mut text = String::new();
    let mut runs: Vec<Run> = Vec::new();
    let mut cells: Vec<f32> = Vec::new();
    let tabular = !columns.is_empty();
    let first_x = row.min_x();
    let start_col = column(first_x, pitch);
    let mut col = start_col;
    let mut prev_end: Option<f32> = None;
    let mut prev_super = false;
    let mut prev_size = 0.0f32;
    let mut prev_y = f32::NAN;
    let mut pending_space = false;
    let mut leading_super = true;
    for p in &row.glyphs {
        let g = p.glyph;
        if g.text.trim().is_empty() {
            pending_space = !text.is_empty();
            continue;
        }
        if let Some(end) = prev_end {
            let gap = p.x - end;
            let size = if p.superscript { row.size } else { g.size };
            // Type of another size after a space, neither a superscript: another column that
            // shares the baseline (a masthead's `Distr.: General` beside a title set larger).
            let size_jump = !p.superscript
                && !prev_super
                && prev_size > 0.0
                && (g.size / prev_size >= 1.6 || prev_size / g.size >= 1.6);
            let word_start = pending_space || gap > 0.18 * size.min(row.size);
            let at_column = tabular
                && word_start
                && !p.superscript
                && columns
                    .iter()
                    .any(|c| (g.x - c).abs() <= COLUMN_SLACK && c - row.min_x() > COLUMN_SLACK);
            if gap > 1.5 * row.size.max(size)
                || (size_jump && gap > 0.18 * g.size.min(prev_size))
                || at_column
            {
                cells.push(g.x);
                let target = column(p.x, pitch);
                let n = target.saturating_sub(col).max(3);
                text.extend(std::iter::repeat_n(' ', n));
                col += n;
                pending_space = false;
            } else if gap > 0.18 * size.min(row.size)
                || (prev_super && leading_super && !p.superscript)
                // The glyphs of a word share a baseline: two runs a little apart in height
                // that touch (a chart's data labels) are two words.
                || (!prev_super && !p.superscript && (g.y - prev_y).abs() > 0.05 * row.size)
            {
                pending_space = true;
            }
        }
        if !p.superscript {
            leading_super = false;
        }
        if pending_space && !text.is_empty() && !text.ends_with(' ') {
            text.push(' ');
            col += 1;
        }
        pending_space = false;
        let start = text.len();
        let digit = g.text.chars().next().and_then(|c| c.to_digit(10));
        match digit {
            Some(d) if p.superscript && !leading_super && g.text.chars().count() == 1 => {
                text.push(SUPERSCRIPT_DIGITS.get(d as usize).copied().unwrap_or('?'));
            }
            _ => text.push_str(&g.text),
        }
        col += g.text.chars().count();
        let end = text.len();
        match runs.last_mut() {
            // A word space between two pieces in one style stays inside the run.
            Some(r)
                if text
                    .get(r.end..start)
                    .is_some_and(|gap| gap.is_empty() || gap == " ")
                    && r.bold == g.bold
                    && r.italic == g.italic
                    && r.superscript == p.superscript =>
            {
                r.end = end;
            }
            _ => runs.push(Run {
                start,
                end,
                bold: g.bold,
                italic: g.italic,
                superscript: p.superscript,
            }),
        }
        prev_end = Some(p.x + g.width);
        prev_super = p.superscript;
        prev_size = g.size;
        prev_y = g.y;
        // The space after a leading marker comes from the gap test above.
        if !p.superscript {
            leading_super = false;
        }
    }
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    let runs = bridged(runs, &text);
    (!text.is_empty()).then_some(Built { text, runs, cells })
}

/// Whether every visible glyph of a row has a style, punctuation inside a word aside: it may
/// come from another face (a regular hyphen inside a bold heading's `C-SS-4/DEC.3`).
fn all_styled(glyphs: &[Placed], styled: impl Fn(&Glyph) -> bool) -> bool {
    let visible: Vec<&Placed> = glyphs
        .iter()
        .filter(|p| !p.superscript && !p.glyph.text.trim().is_empty())
        .collect();
    let touching =
        |a: &Placed, b: &Placed| (b.x - (a.x + a.glyph.width)).abs() < 0.15 * a.glyph.size;
    let lettered = |p: &Placed| p.glyph.text.chars().any(char::is_alphanumeric);
    visible.iter().enumerate().all(|(k, p)| {
        let inside = !lettered(p)
            && k.checked_sub(1)
                .and_then(|j| visible.get(j))
                .is_some_and(|a| lettered(a) && touching(a, p))
            && visible
                .get(k + 1)
                .is_some_and(|b| lettered(b) && touching(p, b));
        inside || styled(p.glyph)
    })
}

/// Runs with punctuation between two runs of one style taken into them: it may come from
/// another face (a regular hyphen inside a bold `C-SS-4/DEC.3`).
fn bridged(runs: Vec<Run>, text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    let mut rest = runs.into_iter().peekable();
    while let Some(r) = rest.next() {
        let same = |a: &Run, b: &Run| {
            (a.bold, a.italic, a.superscript) == (b.bold, b.italic, b.superscript)
        };
        let punctuation = text
            .get(r.start..r.end)
            .is_some_and(|t| !t.chars().any(char::is_alphanumeric));
        if let Some(last) = out.last_mut()
            && let Some(next) = rest.peek()
            && punctuation
            && same(last, next)
            && last.end == r.start
            && r.end == next.start
            && (last.bold || last.italic)
        {
            last.end = next.end;
            rest.next();
            continue;
        }
        out.push(r);
    }
    out
}

/// Marks the footnote zone of a page: the block of smaller lines at its foot (above the footer
/// band), in the lower part of the page, that opens with a note marker. Notes run across the
/// page in one column: a line with column gaps is a table in small type, not a note.
fn mark_footnotes(lines: &mut [Line], body: f32, height: f32) {
    let small = |l: &Line| {
        l.measured.as_ref().is_some_and(|m| {
            (m.size as f32) < body * 100.0 * 0.92 && (m.baseline as f32) > height * 100.0 * 0.4
        }) && l.segments().len() == 1
    };
    let in_body = |l: &Line| l.measured.as_ref().is_some_and(|m| m.zone == Zone::Body);
    let Some(last_body) = lines.iter().rposition(in_body) else {
        return;
    };
    let mut start = None;
    let mut i = last_body + 1;
    while i > 0 {
        let Some(l) = lines.get(i - 1) else { break };
        if !in_body(l) || !small(l) {
            break;
        }
        if opens_note(&l.text) {
            start = Some(i - 1);
        }
        i -= 1;
    }
    let Some(mut start) = start else { return };
    // The separator rule printed as underscores belongs to the zone it opens, and so do the
    // small lines between it and the first marker: the end of a note carried over from the
    // page before.
    if let Some(k) = lines
        .get(i..start)
        .unwrap_or_default()
        .iter()
        .rposition(|l| crate::text::extracted::furniture::is_separator(&l.text))
    {
        start = i + k;
    }
    for l in lines.get_mut(start..=last_body).unwrap_or_default() {
        if let Some(m) = l.measured.as_mut() {
            m.zone = Zone::Footnote;
        }
    }
}

/// Whether a line opens a footnote: a number or star marker, then a space, then words (a row
/// of figures at a table's foot, `8 6 700`, is none).
fn opens_note(t: &str) -> bool {
    let marker = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '*')
        .count();
    marker > 0
        && marker <= 3
        && t.chars().nth(marker) == Some(' ')
        && t.chars().skip(marker).any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(start: usize, end: usize, bold: bool) -> Run {
        Run {
            start,
            end,
            bold,
            italic: false,
            superscript: false,
        }
    }

    fn glyph(text: &str, x: f32, bold: bool) -> Glyph {
        Glyph {
            text: text.into(),
            x,
            y: 100.0,
            width: 5.0,
            size: 10.0,
            bold,
            italic: false,
            upright: true,
        }
    }

    fn placed(glyphs: &[Glyph]) -> Vec<Placed<'_>> {
        glyphs
            .iter()
            .map(|g| Placed {
                glyph: g,
                superscript: false,
                x: g.x,
            })
            .collect()
    }

    #[test]
    fn a_note_opens_with_its_marker_and_words() {
        assert!(opens_note("8 See the report of the Secretary-General."));
        assert!(opens_note(
            "* Circulated in the language of submission only."
        ));
        assert!(opens_note("2 https://webtv.un.org/en/asset/k1x."));
        // Figures at a table's foot, a row of stars.
        assert!(!opens_note("8 6 700"));
        assert!(!opens_note("* * *"));
        assert!(!opens_note("2025 annual report"));
    }

    #[test]
    fn a_line_is_bold_whatever_face_its_hyphens_come_from() {
        // `C-S` with a regular hyphen touching bold letters: bold.
        let glyphs = [
            glyph("C", 0.0, true),
            glyph("-", 5.0, false),
            glyph("S", 10.0, true),
        ];
        let row = placed(&glyphs);
        assert!(all_styled(&row, |g| g.bold));
        // A regular bullet set apart before bold words: not bold.
        let glyphs = [
            glyph("▪", 0.0, false),
            glyph("A", 12.0, true),
            glyph("B", 17.0, true),
        ];
        let row = placed(&glyphs);
        assert!(!all_styled(&row, |g| g.bold));
    }

    #[test]
    fn punctuation_between_two_bold_runs_is_bold() {
        // `C-SS-4` with regular hyphens: one bold run.
        let text = "C-SS-4 and";
        let runs = vec![
            run(0, 1, true),
            run(1, 2, false),
            run(2, 4, true),
            run(4, 5, false),
            run(5, 6, true),
            run(6, 10, false),
        ];
        assert_eq!(bridged(runs, text), [run(0, 6, true), run(6, 10, false)]);
        // A comma after an italic word, before regular text, stays regular.
        let text = "Master, annex";
        let runs = vec![run(0, 6, true), run(6, 7, false), run(7, 13, false)];
        assert_eq!(bridged(runs.clone(), text), runs);
    }
}
