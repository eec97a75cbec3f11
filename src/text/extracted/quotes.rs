//! Quotations set apart by their margin: a passage quoted from a resolution or a decision is
//! printed as a block whose every line starts deeper than the text around it. Only where the
//! margin is seen: measured from a PDF's glyphs, or kept as leading spaces by `-layout`; default
//! pdftotext text and Word text show no margin, and their quotations stay paragraphs.
//!
//! A quotation is introduced by a line ending in a colon (`the Council decided:`). What else
//! starts deeper is told apart by shape: a paragraph's first line (one line deeper, the
//! next back at the margin), a list item's wrapped lines (they hang under the label of the line
//! before), a column of names or short entries (their lines are not full), table rows and
//! centred titles (their lines start at different depths or hold column gaps).

use std::collections::HashMap;
use std::ops::Range;

use super::body::{Widths, ends_sentence, label, measure};
use super::lines::{Form, Line};

/// The depth of each line past its page's margin, and the units a character takes: from the
/// measured left edge (hundredths of a point) or the `-layout` indent (characters).
struct Depths {
    depth: Vec<Option<i64>>,
    /// Per page, how wide a full line at the margin measures (the 90th percentile of the
    /// lines that start there), where the page has enough of them.
    full: HashMap<usize, usize>,
    per_char: i64,
    least: i64,
    slack: i64,
}

fn depths(lines: &[&Line], form: Form) -> Option<Depths> {
    let measured = lines.iter().all(|l| l.measured.is_some());
    let left = |l: &Line| -> Option<i64> {
        match (&l.measured, form) {
            (Some(m), _) => Some(i64::from(m.x)),
            (None, Form::Layout) => i64::try_from(l.indent).ok(),
            _ => None,
        }
    };
    if lines.iter().any(|l| left(l).is_none()) {
        return None;
    }
    // A page's margin (pages may be set with mirrored margins): the leftmost edge where a good
    // share of its lines start; not simply the commonest, which is the quotation's on a page
    // that a long quotation fills.
    let mut starts: HashMap<usize, HashMap<i64, usize>> = HashMap::new();
    for l in lines {
        let x = left(l)?;
        let key = if measured { (x + 50) / 100 * 100 } else { x };
        *starts.entry(l.page).or_default().entry(key).or_default() += 1;
    }
    let margins: HashMap<usize, i64> = starts
        .into_iter()
        .filter_map(|(page, xs)| {
            let total: usize = xs.values().sum();
            let common = xs
                .iter()
                .filter(|&(_, &n)| n >= 2 && n * 10 >= total * 3)
                .map(|(&x, _)| x)
                .min();
            let commonest = xs.iter().max_by_key(|&(&x, &n)| (n, -x)).map(|(&x, _)| x);
            Some((page, common.or(commonest)?))
        })
        .collect();
    let (per_char, least, slack) = if measured {
        let size = lines
            .iter()
            .filter_map(|l| l.measured.as_ref().map(|m| i64::from(m.body_size)))
            .max()
            .unwrap_or(1_000)
            .max(100);
        // A character of [`measure`] is 0.45 em; a quotation at least an em and a half deeper.
        (size * 45 / 100, size * 3 / 2, 150)
    } else {
        (1, 3, 1)
    };
    let depth: Vec<Option<i64>> = lines
        .iter()
        .map(|l| Some(left(l)? - margins.get(&l.page)?))
        .collect();
    let mut at_margin: HashMap<usize, Vec<usize>> = HashMap::new();
    for (l, d) in lines.iter().zip(&depth) {
        if d.is_some_and(|d| d.abs() <= slack) {
            at_margin.entry(l.page).or_default().push(measure(&l.text));
        }
    }
    let full = at_margin
        .into_iter()
        .filter(|(_, lens)| lens.len() >= 3)
        .filter_map(|(page, mut lens)| {
            lens.sort_unstable();
            let k = (lens.len() * 9 / 10).min(lens.len() - 1);
            Some((page, *lens.get(k)?))
        })
        .collect();
    Some(Depths {
        depth,
        full,
        per_char,
        least,
        slack,
    })
}

/// The ranges of `lines` (a section's body) printed as quotations.
pub fn runs(lines: &[&Line], form: Form, widths: Widths) -> Vec<Range<usize>> {
    let Some(d) = depths(lines, form) else {
        return Vec::new();
    };
    let deep = |k: usize| d.depth.get(k).copied().flatten().filter(|&x| x >= d.least);
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let Some(at) = deep(k) else {
            k += 1;
            continue;
        };
        // Lines as deep or deeper (a quoted paragraph's first line, a quoted item's label).
        let mut end = k + 1;
        while end < lines.len() && deep(end).is_some_and(|x| x >= at - d.slack) {
            end += 1;
        }
        let run = trim_next_paragraph(lines, k..end);
        if is_quotation(lines, run.clone(), &d, widths) {
            out.push(run.clone());
        }
        k = end.max(k + 1);
    }
    out
}

/// A run without its last line when that is the first line of the paragraph after the quotation
/// (indented as paragraphs are, the margin going on below it): the line before it ended a
/// sentence, and it does not.
fn trim_next_paragraph(lines: &[&Line], run: Range<usize>) -> Range<usize> {
    let line = |back: usize| run.end.checked_sub(back).and_then(|k| lines.get(k));
    let ends_before_last = line(2).is_some_and(|l| ends_sentence(&l.text));
    // The last line wraps onto the margin line below it, as a paragraph's first line does; a
    // quotation's last line ends its sentence.
    let wraps_below = line(1).is_some_and(|l| !ends_sentence(&l.text));
    let more_after = run.end < lines.len();
    if run.len() >= 2 && ends_before_last && wraps_below && more_after {
        run.start..run.end - 1
    } else {
        run
    }
}

/// Whether a line opens a list item: a label (`(a)`, `1.`, `•`), or any other symbol set before
/// the text as a bullet (`◾`, `➢`).
fn opens_item(t: &str) -> bool {
    let mut chars = t.chars();
    let bullet = chars.next().is_some_and(|c| {
        !c.is_alphanumeric() && !"“\"‘'([«".contains(c) && !c.is_ascii_punctuation()
    }) && chars.next().is_some_and(char::is_whitespace);
    bullet || label(t).is_some()
}

/// Whether the deeper lines `run` are a quotation: two lines or more after a line ending in a
/// colon, the first no item label, every line after the first on one left edge (but for items
/// inside the quotation, their label line or their hanging lines deeper), no column gaps, not all bold (a heading),
/// indented by no more than a fifth of a full line (deeper is a table's column), every line but
/// those ending a sentence or clause full to the quotation's narrower measure, and one of them
/// seen to wrap.
fn is_quotation(lines: &[&Line], run: Range<usize>, d: &Depths, widths: Widths) -> bool {
    let (Some(body), Some(depths)) = (lines.get(run.clone()), d.depth.get(run.clone())) else {
        return false;
    };
    let (Some(first), Some((_, wrapped))) = (body.first(), body.split_last()) else {
        return false;
    };
    if body.len() < 2 || opens_item(&first.text) {
        return false;
    }
    let before = run.start.checked_sub(1).and_then(|k| lines.get(k));
    let introduced = before.is_some_and(|l| l.text.trim_end().ends_with(':'));
    // A quotation is introduced (`the Council decided:`, `observed:`); without that, deeper
    // lines are an indented list, notes under a table, a heading and a first line, or an item's
    // wrapped text hanging under its label.
    if !introduced {
        return false;
    }
    let rest: Vec<(&&Line, i64)> = body
        .iter()
        .zip(depths)
        .skip(1)
        .filter_map(|(l, x)| Some((l, (*x)?)))
        .collect();
    let Some(edge) = rest.iter().map(|(_, x)| *x).min() else {
        return false;
    };
    // Deeper than the edge: an item's label line, or the lines hanging under one.
    let mut under_item = false;
    for (l, x) in &rest {
        let item = opens_item(&l.text);
        if *x <= edge + d.slack {
            under_item = item;
        } else if !item && !under_item {
            return false;
        }
    }
    if body.iter().any(|l| {
        label(&l.text)
            .map_or(l.text.as_str(), |(_, rest)| rest)
            .contains("   ")
    }) {
        return false;
    }
    if body
        .iter()
        .all(|l| l.measured.as_ref().is_some_and(|m| m.bold))
    {
        return false;
    }
    let full = d.full.get(&first.page).copied().unwrap_or(widths.full);
    let full = i64::try_from(full).unwrap_or(i64::MAX);
    let indent = edge / d.per_char;
    if indent * 5 > full {
        return false;
    }
    // Whether each line is full: as long as the full line less its own indent (an item's label
    // line inside the quotation is set deeper than its wrapped lines).
    let full_at: Vec<bool> = body
        .iter()
        .zip(depths)
        .map(|(l, x)| {
            let room = full - x.unwrap_or(edge) / d.per_char;
            i64::try_from(measure(&l.text)).unwrap_or(0) * 100 >= room * 80
        })
        .collect();
    let ends = |l: &Line| {
        let t = l.text.trim_end();
        ends_sentence(t) || t.ends_with([';', ':']) || t.ends_with("; and") || t.ends_with("; or")
    };
    // A line that ends a sentence or a clause may end short (a quoted paragraph's or item's
    // last line); the others wrap, so they are full. One line at least is seen to wrap: full,
    // and the sentence goes on in lower case below it (a column of names or entries has full
    // lines too, each ending its own entry).
    let wraps = body.windows(2).zip(&full_at).any(|(w, &full)| {
        matches!(w, [l, next] if full && !ends(l) && next.text.starts_with(char::is_lowercase))
    });
    wrapped
        .iter()
        .zip(&full_at)
        .all(|(l, &full)| full || ends(l))
        && wraps
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `-layout` lines: each `(indent, text)`, on one page.
    fn lines(spec: &[(usize, &str)]) -> Vec<Line> {
        spec.iter()
            .enumerate()
            .map(|(k, &(indent, text))| Line {
                text: text.to_string(),
                line: k + 1,
                col: indent + 1,
                indent,
                page: 0,
                blank_before: false,
                page_start: k == 0,
                measured: None,
            })
            .collect()
    }

    fn quoted(spec: &[(usize, &str)]) -> Vec<Range<usize>> {
        let owned = lines(spec);
        let refs: Vec<&Line> = owned.iter().collect();
        let widths = Widths {
            full: 84,
            ..Widths::default()
        };
        runs(&refs, Form::Layout, widths)
    }

    const BEFORE: [(usize, &str); 3] = [
        (
            10,
            "The Council recalled its earlier decisions on the matter and, in paragraph 5 of",
        ),
        (
            10,
            "the decision it adopted at its ninety-fourth session, after a long debate on the",
        ),
        (10, "report before it, decided:"),
    ];

    const QUOTED: [(usize, &str); 4] = [
        (
            16,
            "to request that the State Party complete all of the following measures within",
        ),
        (
            16,
            "90 days of this decision, and report to the Council on the measures taken and",
        ),
        (
            16,
            "on the results achieved, in order to redress the situation;",
        ),
        (16, "to remain seized of the matter."),
    ];

    const AFTER: [(usize, &str); 2] = [
        (
            10,
            "The Secretariat will report on these measures in its next monthly report to the",
        ),
        (10, "Council."),
    ];

    #[test]
    fn a_deeper_block_after_a_colon_is_a_quotation() {
        let spec: Vec<(usize, &str)> = [&BEFORE[..], &QUOTED[..], &AFTER[..]].concat();
        assert_eq!(quoted(&spec), vec![3..7]);
    }

    #[test]
    fn without_the_colon_deeper_lines_are_no_quotation() {
        let mut before = BEFORE;
        before[2] = (10, "report before it, decided to act.");
        let spec: Vec<(usize, &str)> = [&before[..], &QUOTED[..], &AFTER[..]].concat();
        assert_eq!(quoted(&spec), Vec::<Range<usize>>::new());
    }

    #[test]
    fn a_list_of_names_after_a_colon_is_no_quotation() {
        let names = [
            (
                16,
                "Ms. Amina Diallo, armed groups/international humanitarian law (Senegal)",
            ),
            (16, "Mr. Jonas Berg, finance (Norway)"),
        ];
        let spec: Vec<(usize, &str)> = [&BEFORE[..], &names[..], &AFTER[..]].concat();
        assert_eq!(quoted(&spec), Vec::<Range<usize>>::new());
    }

    #[test]
    fn a_first_line_indented_like_the_quotation_is_not_in_it() {
        let after = [
            (
                16,
                "The Secretariat will report on these measures in its next monthly report to",
            ),
            (
                10,
                "the Council and to the States Parties at their next session.",
            ),
        ];
        let spec: Vec<(usize, &str)> = [&BEFORE[..], &QUOTED[..], &after[..]].concat();
        assert_eq!(quoted(&spec), vec![3..7]);
    }

    #[test]
    fn default_text_shows_no_margin() {
        let spec: Vec<(usize, &str)> = [&BEFORE[..], &QUOTED[..], &AFTER[..]].concat();
        let owned = lines(&spec);
        let refs: Vec<&Line> = owned.iter().collect();
        assert!(runs(&refs, Form::Default, Widths::default()).is_empty());
    }
}
