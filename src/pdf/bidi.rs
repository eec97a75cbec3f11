//! Reading order of right-to-left text. A PDF places glyphs where they print, so a row sorted by
//! x is in visual order: an Arabic or Hebrew word comes out backwards, and a line of Arabic reads
//! from its right end. This module gives each glyph of a row a logical position, so that the row
//! sorted by it reads in the order the text was written, with the gaps between glyphs kept (the
//! layout measures word spaces and column gaps from them).
//!
//! It is the inverse of the Unicode bidirectional algorithm reduced to what letters print: one
//! base direction per row (the direction most of its letters have), runs of the other direction
//! inside it, numbers running left to right inside right-to-left text, and neutral characters
//! (spaces, punctuation) taking the direction of the letters on both sides of them when those
//! agree, else the row's.

/// The direction a glyph's text has for reordering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Hebrew, Arabic, Syriac, Thaana and the other right-to-left scripts.
    Rtl,
    /// Letters of left-to-right scripts, and digits of any script (numbers run left to right in
    /// right-to-left text too).
    Ltr,
    /// Spaces, punctuation and symbols: they go with their neighbours.
    Neutral,
}

/// The direction of a glyph's text, from its first character that has one.
pub fn direction(text: &str) -> Direction {
    for c in text.chars() {
        if is_rtl(c) {
            return Direction::Rtl;
        }
        if c.is_alphanumeric() {
            return Direction::Ltr;
        }
    }
    Direction::Neutral
}

/// Right-to-left letters: the Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan and Mandaic
/// blocks and their presentation forms, Arabic-Indic digits aside (they are numbers).
fn is_rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x065F | 0x066A..=0x06EF | 0x06FA..=0x08FF
        | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// One glyph of a row sorted by x: its left edge, its advance width and its direction.
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    /// Left edge in points.
    pub x: f32,
    /// Advance width in points.
    pub width: f32,
    /// Its direction.
    pub direction: Direction,
}

/// The logical left edge of each glyph of a row sorted by x, or `None` when the row holds no
/// right-to-left letter (it reads as it prints). Sorting the row by the returned positions puts
/// it in reading order; each position stays within the row's extent and each run keeps its
/// glyphs' spacing, mirrored where the run reads from the right.
pub fn logical_positions(row: &[Placed]) -> Option<Vec<f32>> {
    if !row.iter().any(|p| p.direction == Direction::Rtl) {
        return None;
    }
    let base = base_direction(row);
    let resolved = resolve_neutrals(row, base);
    let span = |glyphs: &[Placed]| -> (f32, f32) {
        let lo = glyphs.iter().map(|p| p.x).fold(f32::INFINITY, f32::min);
        let hi = glyphs
            .iter()
            .map(|p| p.x + p.width)
            .fold(f32::NEG_INFINITY, f32::max);
        (lo, hi)
    };
    let (lo, hi) = span(row);
    // The whole row read from its right end, when that is its direction...
    let mut x: Vec<f32> = row
        .iter()
        .map(|p| match base {
            Direction::Rtl => lo + hi - (p.x + p.width),
            _ => p.x,
        })
        .collect();
    // ...and each run against the row's direction read the other way round, in its place.
    for (from, to) in runs(&resolved, base) {
        let (Some(run), Some(out)) = (row.get(from..to), x.get_mut(from..to)) else {
            continue;
        };
        let (run_lo, run_hi) = span(run);
        for (p, x) in run.iter().zip(out) {
            *x = match base {
                Direction::Rtl => lo + hi - run_hi + (p.x - run_lo),
                _ => run_lo + run_hi - (p.x + p.width),
            };
        }
    }
    Some(x)
}

/// The row's direction: that of the letters at both its ends when they agree (a right-to-left
/// row starts at its right end, a left-to-right one at its left end); else that of most of its
/// letters.
fn base_direction(row: &[Placed]) -> Direction {
    let mut strong = row
        .iter()
        .map(|p| p.direction)
        .filter(|d| *d != Direction::Neutral);
    let first = strong.next();
    let last = strong.next_back().or(first);
    if first.is_some() && first == last {
        return first.unwrap_or(Direction::Ltr);
    }
    let rtl = row.iter().filter(|p| p.direction == Direction::Rtl).count();
    let ltr = row.iter().filter(|p| p.direction == Direction::Ltr).count();
    if rtl >= ltr {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

/// Each glyph's direction with neutrals resolved: a neutral between two glyphs of one direction
/// takes it; any other takes the row's.
fn resolve_neutrals(row: &[Placed], base: Direction) -> Vec<Direction> {
    let strong = |p: &Placed| (p.direction != Direction::Neutral).then_some(p.direction);
    // The strong direction last seen before each glyph, left to right...
    let mut last = None;
    let before: Vec<Option<Direction>> = row
        .iter()
        .map(|p| {
            let seen = last;
            last = strong(p).or(last);
            seen
        })
        .collect();
    // ...and the one first seen after it, right to left.
    let mut next = None;
    let mut out: Vec<Direction> = row
        .iter()
        .zip(&before)
        .rev()
        .map(|(p, before)| {
            let d = match strong(p) {
                Some(d) => d,
                None if before.is_some() && *before == next => next.unwrap_or(base),
                None => base,
            };
            next = strong(p).or(next);
            d
        })
        .collect();
    out.reverse();
    out
}

/// The maximal runs `[from, to)` of glyphs whose direction is not the row's.
fn runs(resolved: &[Direction], base: Direction) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = None;
    for (k, d) in resolved.iter().enumerate() {
        match (from, *d == base) {
            (None, false) => from = Some(k),
            (Some(f), true) => {
                out.push((f, k));
                from = None;
            }
            _ => {}
        }
    }
    if let Some(f) = from {
        out.push((f, resolved.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lays out `visual` one character per glyph, 10 points apart, a space 10 points wide, and
    /// returns the characters in the order of their logical positions.
    fn read(visual: &str) -> String {
        let chars: Vec<char> = visual.chars().collect();
        let row: Vec<Placed> = chars
            .iter()
            .enumerate()
            .map(|(k, c)| Placed {
                x: 10.0 * k as f32,
                width: 10.0,
                direction: direction(&c.to_string()),
            })
            .collect();
        let Some(x) = logical_positions(&row) else {
            return visual.to_string();
        };
        let mut order: Vec<usize> = (0..chars.len()).collect();
        order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
        order.into_iter().map(|k| chars[k]).collect()
    }

    #[test]
    fn left_to_right_rows_are_left_alone() {
        assert_eq!(read("Letter dated 3 June 2025"), "Letter dated 3 June 2025");
    }

    #[test]
    fn an_arabic_row_reads_from_its_right_end() {
        // `مرحبا بكم` (welcome) as printed: the last letter leftmost.
        let logical = "مرحبا بكم";
        let visual: String = logical.chars().rev().collect();
        assert_eq!(read(&visual), logical);
    }

    #[test]
    fn numbers_and_latin_in_arabic_keep_their_order() {
        // Logical `في 2025 عام` prints with the number's digits left to right.
        let logical = "في 2025 عام";
        let visual = "ماع 2025 يف";
        assert_eq!(read(visual), logical);
        assert_eq!(read("ماع S/2025/354 يف"), "في S/2025/354 عام");
    }

    #[test]
    fn an_arabic_phrase_in_an_english_row_is_turned_alone() {
        let visual = "The words مالس mean peace";
        assert_eq!(read(visual), "The words سلام mean peace");
    }

    #[test]
    fn positions_stay_within_the_row_and_keep_gaps() {
        let row: Vec<Placed> = [(0.0, "م"), (10.0, "ا"), (40.0, "ب")]
            .iter()
            .map(|&(x, t)| Placed {
                x,
                width: 10.0,
                direction: direction(t),
            })
            .collect();
        let x = logical_positions(&row).expect("right-to-left row");
        assert_eq!(x, vec![40.0, 30.0, 0.0]);
    }
}
