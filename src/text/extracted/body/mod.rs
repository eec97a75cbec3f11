//! Paragraph recovery: turns the lines of a letter's (or annex's) body into paragraphs, numbered
//! paragraphs, headings and tables. Default-mode text has no paragraph marks, so a paragraph ends
//! where a line ends a sentence and is short (the next word would have fitted), or where the next
//! line is a shortened first line; `-layout` adds the first-line indent; Word text has one line
//! per paragraph. A paragraph broken by a page or a footnote block simply continues.
//!
//! One stage: paragraphs, headings, labels and tables decide each other's boundaries, line by
//! line, on the same state. This module holds that state and the loop over the lines
//! ([`blocks`]), when a line starts a block (`breaks_before`) and how a block's lines are joined
//! ([`join_line`]). What it asks of a line lives beside it: labels and the kinds of line told by
//! their words (`labels`), what makes a heading (`headings`), tables (`tables`), and how wide
//! text prints and the widths a text was set in (`measure`).

mod headings;
mod labels;
mod measure;
mod tables;

use std::borrow::Cow;

use super::lines::{Form, Line, fold_ref};
use super::masthead::ends_open;
use super::repair::repair;
pub use headings::opening_heading;
use headings::{
    HEADING_WORDS, bold_heading_at, bold_line, capitals_at, caption_text, heading_end,
    heading_ends_above_number, heading_text, heading_words, is_heading, section_labelled,
};
use labels::{
    BULLETS, arabic_number, closes_quotation, has_dot_leaders, has_dotted_label, has_hanging_label,
    is_bare_label, is_bracketed, is_contents_entry, is_page_number, number_ends_sentence,
    opens_entry, without_callout,
};
pub use labels::{
    dotted_label, ends_sentence, is_dateline, is_label_line, is_numbered_attachment_title, is_rule,
    is_section_label, label,
};
pub use measure::{Widths, measure, widths_of};
use measure::{section_widths, with_next_word};
use tables::{captioned_table_at, is_source_note, measured_columns, push_table, table_at};

/// A body block before inline structure is found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Raw {
    /// A paragraph, with its printed label when numbered or lettered.
    Para {
        /// `1.`, `(a)`, `•`.
        num: Option<String>,
        /// The text after the label.
        text: String,
        /// Where each printed page's part of the text starts: `(page, byte offset)`, in order.
        /// Footnote call-outs are looked for on the page whose foot holds the note.
        pages: Vec<(usize, usize)>,
    },
    /// A heading line, and the page it is printed on.
    Heading(String, usize),
    /// A table, one entry per row, one string per cell.
    Table(Vec<Vec<String>>),
}

fn starts_upper(t: &str) -> bool {
    t.starts_with(|c: char| {
        c.is_uppercase() || c.is_ascii_digit() || BULLETS.contains(&c) || "“\"‘(['–—-".contains(c)
    })
}

struct View<'a> {
    line: &'a Line,
    text: Cow<'a, str>,
    len: usize,
    /// The printed width, in thousandths of an em ([`measure::units`]): `len` before rounding.
    units: u32,
}

/// Recovers the blocks of a run of body lines.
pub fn blocks(lines: &[&Line], form: Form, doc: Widths) -> Vec<Raw> {
    let mut views: Vec<View> = Vec::with_capacity(lines.len());
    let mut k = 0;
    while let Some(l) = lines.get(k) {
        let mut text = fold_ref(&l.text);
        k += 1;
        // A label alone on its line (`II.`, `A.`, `(c)`, `1.`) belongs to what follows it: the
        // heading it numbers or the item it labels.
        if is_label_line(&text)
            && let Some(n) = lines.get(k)
            && !is_rule(&n.text)
            && !number_ends_sentence(&text, &n.text)
        {
            // A run of labels is the label column of a table of contents, printed apart from
            // its entries: one line of labels.
            let mut joined = format!("{text} {}", fold_ref(&n.text));
            let run = is_label_line(&fold_ref(&n.text));
            k += 1;
            while run
                && let Some(n) = lines.get(k)
                && is_label_line(&fold_ref(&n.text))
            {
                joined.push(' ');
                joined.push_str(&fold_ref(&n.text));
                k += 1;
            }
            text = Cow::Owned(joined);
        }
        // A contents entry's page number, printed on its own line after the entry's dot
        // leaders, is the end of the entry (not a heading of its own, nor the next entry's).
        if has_dot_leaders(&text)
            && let Some(n) = lines.get(k)
            && is_page_number(&n.text)
        {
            text = Cow::Owned(format!("{text} {}", n.text.trim()));
            k += 1;
        }
        // A note in brackets wrapped over two lines (`[Original: Arabic, Chinese, English,
        // French,` / `Russian and Spanish]`) is one line.
        if text.starts_with('[')
            && !text.contains(']')
            && let Some(n) = lines.get(k)
            && n.text.ends_with(']')
            && !n.text.contains('[')
            && !n.blank_before
            && n.page == l.page
        {
            text = Cow::Owned(format!("{text} {}", fold_ref(&n.text)));
            k += 1;
        }
        let units = measure::units(&text);
        let len = measure::in_characters(units);
        views.push(View {
            line: l,
            text,
            len,
            units,
        });
    }
    // The lines of a table of contents: its entries, and a line between two of them (`Annex`,
    // above the entry that names it), which is an entry of its own, not a heading.
    let contents: Vec<bool> = (0..views.len())
        .map(|k| {
            let entry = |k: usize| views.get(k).is_some_and(|v| is_contents_entry(&v.text));
            entry(k) || k > 0 && entry(k - 1) && (entry(k + 1) || entry(k + 2))
        })
        .collect();
    let widths = section_widths(&views).or(doc);
    let width = widths.full;
    let base = base_indents(&views);
    let mut out: Vec<Raw> = Vec::new();
    let mut cur: Vec<(&str, usize)> = Vec::new();
    let mut i = 0usize;
    let mut prev_heading = false;
    // Whether the blocks read so far end in a list's introduction and its entries, and how
    // many blocks there were when that was worked out.
    let mut colon_memo = (usize::MAX, false);
    let mut seen = Seen::default();
    while i < views.len() {
        // A rule (a separator of underscores or dashes) carries no words: it ends the
        // paragraph before it and is dropped.
        if views.get(i).is_some_and(|v| is_rule(&v.text)) {
            flush(&mut cur, &mut out);
            i += 1;
            continue;
        }
        // A section label alone on its line (`Part VI`, `Section 24`, `Chapter II`) is a
        // heading, also in Word text where every line is a paragraph.
        if let Some(v) = views.get(i)
            && (is_section_label(&v.text) || is_numbered_attachment_title(&v.text))
            && (cur.is_empty()
                || form == Form::Word
                || v.line.blank_before
                || views
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| ends_sentence(&p.text)))
        {
            flush(&mut cur, &mut out);
            // A long title goes on in lower case on the line after it (`Annex 14: A letter
            // ... notifying him of` / `the alleged action ...`).
            let mut text = v.text.to_string();
            i += 1;
            while form != Form::Word
                && !ends_sentence(&text)
                && let Some(n) = views.get(i)
                && n.text.starts_with(char::is_lowercase)
                && !n.line.blank_before
            {
                join_line(&mut text, &n.text);
                i += 1;
            }
            out.push(Raw::Heading(text, v.line.page));
            prev_heading = true;
            continue;
        }
        // Lines in capitals, one after another, are one heading (`SPECIAL DECLARATION ON THE
        // ...` / `SECOND WORLD WAR” FOR THE THIRD ...` / `CHARTER OF THE UNITED NATIONS`).
        if form != Form::Word
            && (cur.is_empty()
                || views
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| ends_sentence(&p.text)))
            && let Some(n) = capitals_at(&views, i)
        {
            flush(&mut cur, &mut out);
            let lines = views.get(i..i + n).unwrap_or_default();
            let page = lines.first().map_or(0, |v| v.line.page);
            out.push(Raw::Heading(joined_views(lines), page));
            prev_heading = true;
            i += n;
            continue;
        }
        if form != Form::Word
            && (cur.is_empty()
                || views
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| ends_sentence(&p.text))
                || measured_columns(&views, i))
            && let Some((table, n)) = table_at(&views, i, form)
        {
            flush(&mut cur, &mut out);
            push_table(table, views.get(i..i + n).unwrap_or_default(), &mut out);
            i += n;
            prev_heading = true;
            continue;
        }
        if form != Form::Word
            && let Some((table, n)) = captioned_table_at(&views, i, width)
        {
            flush(&mut cur, &mut out);
            push_table(table, views.get(i..i + n).unwrap_or_default(), &mut out);
            i += n;
            prev_heading = true;
            continue;
        }
        let Some(v) = views.get(i) else { break };
        let prev = i.checked_sub(1).and_then(|k| views.get(k));
        let next = views.get(i + 1);
        // Measured lines set in bold, alone between lines that are not: a heading, its section
        // label (`II.`, `A.`) kept in its text.
        // A bold line after one left open (`... organizer Myhaylo Omelyanovych-` /
        // `Pavlenko.`) goes on with it.
        if prev.is_none_or(|p| {
            (!bold_line(p) || prev_heading) && !(ends_open(&p.text) && p.line.page == v.line.page)
        }) && let Some(n) = bold_heading_at(&views, i)
        {
            flush(&mut cur, &mut out);
            let text = joined_views(views.get(i..i + n).unwrap_or_default());
            out.push(Raw::Heading(text, v.line.page));
            prev_heading = true;
            i += n;
            continue;
        }
        // The entries of a list that a colon introduced (`the following experts:` / `Mr. ...,
        // arms (Lebanon)` / `Ms. ..., finance (Norway)`): each ends where its line ends short,
        // and none is a heading.
        // A line in capitals or with a label is none.
        let entry = |t: &str| label(t).is_none() && t.chars().any(char::is_lowercase);
        seen.update(&out);
        if colon_memo.0 != out.len() {
            colon_memo = (out.len(), after_colon(&out));
        }
        // Lines in columns, or above them, are a table's.
        let listing = form != Form::Word
            && (cur.last().is_some_and(|(t, _)| t.ends_with(':')) || colon_memo.1)
            && v.line.segments().len() < 2
            && next.is_none_or(|n| n.line.segments().len() < 2);
        let cur_entry = listing && cur.first().is_some_and(|(t, _)| entry(t));
        let v_entry = listing && entry(&v.text);
        // A block of up to three lines that ends short without a full stop, before a capital:
        // a heading (`Logistical support provided ... State authority`).
        if form != Form::Word
            && !cur_entry
            && !cur.is_empty()
            && cur.len() <= 3
            // An item (`• Take all necessary measures ...`) is no heading, however it ends.
            && cur
                .first()
                .is_some_and(|(t, _)| label(t).is_none() && !is_source_note(t))
            && !contents.get(i.wrapping_sub(1)).is_some_and(|c| *c)
            && prev.is_some_and(|p| heading_end(p, v, width))
            // A paragraph's first line is cut short by its indent and a long next word, but no
            // more: a single line under a heading's length limit only when clearly short, or
            // when the next word would have fitted even on a first line.
            && (cur.len() > 1
                || prev.is_some_and(|p| {
                    p.len * 10 <= width * 6
                        || form == Form::Default
                            && widths
                                .first_room
                                .is_some_and(|r| with_next_word(p.units, &v.text) + 2 <= r)
                }))
            // A long heading line, then lines shaped as a heading's last right above a
            // numbered paragraph: one heading wrapped narrower than the text (`... with respect
            // to Executive` / `Council decisions EC-81/DEC.4 and EC-83/DEC.5` / `14. Through`),
            // three lines at most.
            && !(form == Form::Default
                && prev.is_some_and(|p| p.len * 10 >= width * 6)
                && heading_ends_above_number(&views, i, 3_usize.saturating_sub(cur.len())))
        {
            let text = cur.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(" ");
            let page = cur.first().map_or(v.line.page, |(_, p)| *p);
            cur.clear();
            out.push(Raw::Heading(repair(&text), page));
        }
        // A line opening with a section's label (`IV.`, `B.`) and ending no sentence, before a
        // capital: a heading, however long (`IV. Reasons for requesting observer status in the
        // General Assembly` / `ITTO shares ...`).
        if form != Form::Word
            && cur.len() == 1
            && cur.first().is_some_and(|(t, _)| section_labelled(t))
            && starts_upper(&v.text)
            && let Some(p) = prev
            && let Some(text) = caption_text(&cur, p, HEADING_WORDS)
        {
            let page = cur.first().map_or(p.line.page, |(_, pg)| *pg);
            cur.clear();
            out.push(Raw::Heading(text, page));
        }
        // A line standing alone without a full stop, however long, before a numbered paragraph
        // or a line that can only be a paragraph's first (the word after it would have fitted
        // on a full line): a heading (`Medical evacuation, casualty evacuation and
        // transportation of human remains`).
        // A dash may be a parenthesis going on with the line before, not an item's bullet.
        let numbered = label(&v.text).is_some_and(|(l, _)| !["–", "—", "-"].contains(&l));
        // In `-layout` and measured lines too: a heading set at the margin with no blank line
        // under it shows no indent to part it from the numbered paragraph after it.
        if form != Form::Word
            && let Some(p) = prev
            && (cur.len() == 1
                && (numbered
                    || is_dateline(&v.text)
                    || clear_first_line(v, next, views.get(i + 2), &widths))
                // A heading wrapped over two or three lines, then a numbered paragraph; a
                // section's heading, set narrower, over up to five.
                || (2..=3).contains(&cur.len()) && numbered
                || (4..=5).contains(&cur.len())
                    && numbered
                    && cur.first().is_some_and(|(t, _)| section_labelled(t)))
            && let Some(text) = heading_text(&cur, p, heading_words(cur.len(), &v.text))
        {
            let page = cur.first().map_or(p.line.page, |(_, pg)| *pg);
            cur.clear();
            out.push(Raw::Heading(text, page));
        }
        // A heading after a paragraph whose last line was full, then a numbered paragraph: the
        // lines after the paragraph's last sentence, up to three and ending no sentence, are
        // the heading (a numbered paragraph never opens inside a sentence).
        let arabic = arabic_number(&v.text).is_some();
        if form == Form::Default
            && arabic
            && let Some(p) = prev
            && let Some(t) = (1..=3).find(|&t| {
                t < cur.len()
                    && cur
                        .get(cur.len() - t - 1)
                        .is_some_and(|(l, _)| ends_sentence(l))
                    && heading_text(
                        cur.get(cur.len() - t..).unwrap_or_default(),
                        p,
                        heading_words(t, &v.text),
                    )
                    .is_some()
            })
        {
            let tail = cur.split_off(cur.len() - t);
            flush(&mut cur, &mut out);
            if let Some(text) = heading_text(&tail, p, heading_words(t, &v.text)) {
                let page = tail.first().map_or(p.line.page, |(_, pg)| *pg);
                out.push(Raw::Heading(text, page));
            }
        }
        // A page with no running text on it (a photograph) ends the block before it: a
        // paragraph does not go on across it, and a line or three alone above it without a
        // full stop are its caption, a heading.
        let page_between = prev.is_some_and(|p| v.line.page > p.line.page + 1);
        if form != Form::Word
            && page_between
            && (1..=3).contains(&cur.len())
            && cur.iter().all(|(t, _)| !ends_sentence(t))
            && let Some(p) = prev
            && let Some(text) = caption_text(&cur, p, HEADING_WORDS)
        {
            let page = cur.first().map_or(p.line.page, |(_, pg)| *pg);
            cur.clear();
            out.push(Raw::Heading(text, page));
        }
        // A line alone on its page (a caption among photographs) after a finished sentence
        // stands apart from it, a heading when it reads as one.
        if form != Form::Word
            && prev.is_some_and(|p| p.line.page < v.line.page && ends_sentence(&p.text))
            && next.is_some_and(|n| n.line.page > v.line.page)
            && let Some(text) = caption_text(&[(&v.text, v.line.page)], v, HEADING_WORDS)
        {
            flush(&mut cur, &mut out);
            out.push(Raw::Heading(text, v.line.page));
            prev_heading = true;
            i += 1;
            continue;
        }
        // Entries that each name a person (`Ms. ..., armed groups (Iraq)` / `Mr. ..., finance
        // (Guinea)`) end where the next name starts, however full the line before.
        let named = |t: &str| HONORIFICS.iter().any(|h| t.starts_with(h));
        let entry_ends = cur_entry
            && v_entry
            && (1..=3).contains(&cur.len())
            && v.text.starts_with(char::is_uppercase)
            && prev.is_some_and(|p| {
                !ends_open(&p.text)
                    && !p.text.ends_with([',', ';', '-'])
                    && (with_next_word(p.units, &v.text) + 2 <= widths.full_bound.unwrap_or(width)
                        || named(&v.text) && cur.first().is_some_and(|(t, _)| named(t)))
            });
        let starts_block = prev.is_none()
            || prev_heading
            || form != Form::Word && page_between
            || cur.is_empty()
            || entry_ends
            || breaks_before(
                prev,
                v,
                next,
                &widths,
                &base,
                form,
                Open {
                    lines: cur.len(),
                    first_paragraph: !seen.paragraph,
                    first: cur.first().map_or("", |(t, _)| *t),
                    last_number: seen.last_number,
                },
            );
        if starts_block
            && form != Form::Word
            && !v_entry
            && !contents.get(i).is_some_and(|c| *c)
            && is_heading(v, next, width)
            // The first line of a long heading wrapped above a numbered paragraph.
            && !(form == Form::Default
                && v.len * 10 >= width * 6
                && label(&v.text).is_none()
                && heading_ends_above_number(&views, i + 1, 2))
        {
            flush(&mut cur, &mut out);
            out.push(Raw::Heading(repair(&v.text), v.line.page));
            prev_heading = true;
            i += 1;
            continue;
        }
        if starts_block {
            flush(&mut cur, &mut out);
        }
        prev_heading = false;
        cur.push((&v.text, v.line.page));
        // A label printed alone on its line (`1.` then the text): the next line is its text.
        if is_bare_label(&v.text) && next.is_some_and(|n| !number_ends_sentence(&v.text, &n.text)) {
            if let Some(n) = next {
                cur.push((&n.text, n.line.page));
            }
            i += 2;
            continue;
        }
        i += 1;
    }
    flush(&mut cur, &mut out);
    if form == Form::Layout || lines.iter().any(|l| l.measured.is_some()) {
        split_dotted_labels(&mut out);
    }
    out
}

/// A measured or `-layout` paragraph that opens with a [`dotted_label`] (`a.`, `iv.`) is
/// numbered by it (the item's first line showed it: see [`has_dotted_label`]).
fn split_dotted_labels(out: &mut [Raw]) {
    for raw in out {
        if let Raw::Para {
            num: num @ None,
            text,
            pages,
        } = raw
            && let Some((l, rest)) = dotted_label(text)
        {
            let cut = text.len() - rest.len();
            *num = Some(l.to_string());
            *text = rest.to_string();
            for (_, off) in pages.iter_mut() {
                *off = off.saturating_sub(cut);
            }
        }
    }
}

/// What the blocks read so far show: the number of the last paragraph numbered in arabic
/// figures, and whether a paragraph was read yet. Every line asks, so it is worked out from the
/// blocks added since it last looked.
#[derive(Default)]
struct Seen {
    /// How many blocks there were when it last looked.
    blocks: usize,
    last_number: Option<u32>,
    paragraph: bool,
}

impl Seen {
    fn update(&mut self, out: &[Raw]) {
        if self.blocks == out.len() {
            return;
        }
        let is_para = |r: &Raw| matches!(r, Raw::Para { .. });
        // Blocks are only added as a rule: the new ones are enough to look at (when some were
        // taken back, all are looked at again).
        match out.get(self.blocks..) {
            Some(new) => {
                self.last_number = last_number(new).or(self.last_number);
                self.paragraph |= new.iter().any(is_para);
            }
            None => {
                self.last_number = last_number(out);
                self.paragraph = out.iter().any(is_para);
            }
        }
        self.blocks = out.len();
    }
}

/// What the block being read is so far.
#[derive(Clone, Copy)]
struct Open<'a> {
    /// How many lines it has: with one, the line before is a paragraph's first, printed
    /// indented.
    lines: usize,
    /// It is the first paragraph of its section.
    first_paragraph: bool,
    /// Its first line: a numbered paragraph's opens with its number (`4.`).
    first: &'a str,
    /// The number of the last numbered paragraph before it.
    last_number: Option<u32>,
}

fn breaks_before(
    prev: Option<&View>,
    v: &View,
    next: Option<&View>,
    widths: &Widths,
    base: &[(usize, usize)],
    form: Form,
    open: Open<'_>,
) -> bool {
    let p_first = open.lines == 1;
    let width = widths.full;
    let Some(p) = prev else { return true };
    if v.text.starts_with(|c: char| c.is_ascii_digit())
        && form != Form::Word
        && let Some(m) = arabic_number(&v.text)
    {
        // The next number of a numbered paragraph opens the next one, however the line before
        // ends (`... ($499.8 million` / `6.`: a bracket extraction lost).
        if arabic_number(open.first).is_some_and(|n| m == n + 1) {
            return true;
        }
        // So does it after a block of another kind between two numbered paragraphs (a heading
        // read as a paragraph, `... prohibiting their implementation` / `50. In anticipation
        // ...`; a numbered heading, `1. The role of ... challenges` / `18. In the first part`).
        if open.last_number.is_some_and(|n| m == n + 1)
            && label(&v.text).is_some_and(|(_, rest)| starts_upper(rest))
        {
            return true;
        }
    }
    let p_end = ends_sentence(&p.text);
    if form == Form::Word {
        // A footnote between two halves of a paragraph: the first half ends open.
        return p_end || !v.text.starts_with(|c: char| c.is_lowercase());
    }
    // A contents entry ends with its page number: what follows is the next entry, or the text
    // after the contents (on the next page, under its heading).
    if is_contents_entry(&p.text) {
        return true;
    }
    // An entry of a numbered or dated series opens a block after a finished sentence
    // (`Principle 25: ...`, `31 March: 9 Palestinians killed ...`).
    if p_end && opens_entry(&v.text) {
        return true;
    }
    // A quotation set apart (a pull quote, a title in quotation marks) ends where it closes:
    // a heading after it is no part of it (a source cited after it is).
    if closes_quotation(open.first, &p.text) && is_heading(v, next, width) {
        return true;
    }
    // A place and date closing a statement stand alone, even after a full last line, and so
    // does a note in brackets (`[Original: Arabic, Chinese, English, French, Russian and
    // Spanish]`).
    if (is_dateline(&v.text) && (p_end || !ends_open(&p.text) && !p.text.ends_with(';')))
        || is_dateline(&p.text)
        || is_bracketed(&p.text)
        || is_bracketed(&v.text)
    {
        return true;
    }
    // A measured line in lower case after one that ends no sentence goes on with it, however
    // far it stands from it (a quotation that continues the sentence, `decided:` / `to
    // request ...`; a wrapped cell; a line after a page break).
    if v.line.measured.is_some()
        && p.line.measured.is_some()
        && v.text.starts_with(char::is_lowercase)
        && !p.text.trim_end().ends_with(['.', '!', '?'])
        && label(&v.text).is_none()
        && !has_dotted_label(v)
    {
        return false;
    }
    // A note on sources (`Source: ...`, `Note: ...`) stands apart from what it notes.
    if v.text.starts_with(['N', 'S', 'A'])
        && form != Form::Word
        && is_source_note(&v.text)
        && v.text.contains(": ")
    {
        return true;
    }
    // A bullet opens an item whatever the line before left open: unlike a dash, it is never
    // punctuation going on with a sentence.
    if v.text.starts_with(BULLETS) && label(&v.text).is_some() {
        return true;
    }
    // A measured line in another size of type than the finished sentence before it starts a
    // block, also at the top of a page (a box's title after the notes at the foot of the box
    // on the page before). A paragraph does not change its type across a page break, sentence
    // finished or not (a table's note then the heading on the next page).
    if (p_end || v.line.page_start)
        && let (Some(pm), Some(vm)) = (&p.line.measured, &v.line.measured)
        && pm.size.abs_diff(vm.size) * 100 > pm.size.max(vm.size) * 12
    {
        return true;
    }
    if v.line.blank_before {
        // Default-mode extraction sets blank lines between the pieces of boxed and tabulated
        // text too: a sentence left open goes on across one in lower case.
        return form != Form::Default
            || p_end
            || p.text.ends_with([',', ';'])
            || !v.text.starts_with(char::is_lowercase);
    }
    if (label(&v.text).is_some() || is_bare_label(&v.text)) && (p_end || p.text.ends_with(',')) {
        return true;
    }
    // A numbered or lettered line after a line that ends nothing open and that its label would
    // have fitted after: the wrap did not put the label there, so a heading or an item ended
    // (`... Guard Troops of the Russian Federation` / `1. Public dissemination ...` across a
    // page).
    // (Cheapest test first: most lines before another are full.)
    if form != Form::Word
        && with_next_word(p.units, &v.text) + 2 <= widths.full_bound.unwrap_or(width)
        && !p.text.ends_with([',', ';', '-', ':'])
        && label(&v.text).is_some()
        && !ends_open(&p.text)
        && v.text.split_whitespace().nth(1).is_some_and(starts_upper)
    {
        return true;
    }
    // In `-layout`, a labelled line out of the hanging indent of the line before opens the next
    // item, however that item ended (`...; and` / `(c) resolve ...`).
    if form == Form::Layout
        && v.line.measured.is_none()
        && (label(&v.text).is_some() || has_dotted_label(v))
        && v.line.page == p.line.page
        && v.line.indent + 2 <= p.line.indent
    {
        return true;
    }
    // A measured `a.` item starts where a sentence ended or out of the hanging indent of the
    // item before it.
    if has_dotted_label(v)
        && (p_end
            || p.text.ends_with(',')
            || p.line.measured.is_some() && v.line.indent + 2 <= p.line.indent)
    {
        return true;
    }
    if form == Form::Layout {
        // A first line stands deeper than the line after it (or, last in a run, the one before),
        // which keeps working inside indented boxes and quotations.
        // A labelled line after it standing less deep opens the next hanging indent: it is no
        // reference for this one.
        let next_hangs = next.is_some_and(|n| {
            (label(&n.text).is_some() || has_dotted_label(n)) && n.line.indent < v.line.indent
        });
        let reference = match next {
            Some(n) if n.line.page == v.line.page && !n.line.blank_before && !next_hangs => {
                n.line.indent
            }
            _ if p.line.page == v.line.page => p.line.indent,
            _ => base
                .iter()
                .find(|(page, _)| *page == v.line.page)
                .map_or(0, |x| x.1),
        };
        // A hanging indent: the lines after a labelled first line (`3. We ...`) stand deeper
        // than it and go on with its paragraph.
        let hanging = (label(&p.text).is_some() || has_hanging_label(p))
            && !p_end
            && v.line.indent > p.line.indent;
        // A measured line as deep as the line before it on its page goes on with it, however
        // far out the line after it stands (a heading, the next hanging label).
        let level_with_prev = v.line.measured.is_some()
            && p.line.page == v.line.page
            && v.line.indent.abs_diff(p.line.indent) <= 1;
        // A line in lower case after a sentence left open goes on with it, however deep it
        // stands (the last line of a hanging paragraph above a heading set further out).
        let goes_on = !p_end && v.text.starts_with(char::is_lowercase);
        if v.line.indent >= reference + 3 && !hanging && !level_with_prev && !goes_on {
            return true;
        }
        // At a page's top a paragraph goes on from the page before, unless a finished
        // sentence there is followed by a line shaped as a heading.
        if v.line.page_start {
            return p_end && is_heading(v, next, width);
        }
    }
    // A salutation (`Mr. President,`, `Excellencies, Ladies and Gentlemen,`) or a clause of a
    // resolution's preamble: a short line ending in a comma, then a capital on a page that
    // goes on.
    if v.line.measured.is_none()
        && p.len * 10 <= width * 6
        && without_callout(&p.text).ends_with(',')
        && p.line.page == v.line.page
        && v.text.starts_with(char::is_uppercase)
        && form != Form::Word
    {
        return true;
    }
    // The salutation itself, after a finished sentence, before a capital.
    if v.line.measured.is_none()
        && form != Form::Word
        && p_end
        && v.len * 10 <= width * 6
        && v.text.ends_with(',')
        && v.text.starts_with(char::is_uppercase)
        && next.is_some_and(|n| n.line.page == v.line.page && starts_upper(&n.text))
    {
        return true;
    }
    if !p_end || !starts_upper(&v.text) {
        return false;
    }
    // A line the next word would have fitted on, were it full, is shortened whatever the
    // first lines seen so far measured.
    let broken_short = widths
        .full_bound
        .is_some_and(|b| next.is_some_and(|n| with_next_word(v.units, &n.text) + 2 <= b));
    // A short line without a full stop after a finished sentence: a heading starts. So does
    // a longer one that ends short of the measure (`Statements by States Members of the United
    // Nations` / `The participants ...`).
    if (v.len * 2 < width || broken_short) && is_heading(v, next, width) {
        return true;
    }
    // So does a short last line without one: who speaks, or where and when (`Western Azerbaijan
    // Community Women Council`, `Moscow, 15 April 2025` closing a statement).
    if next.is_none()
        && v.len * 10 < width * 7
        && !ends_sentence(&v.text)
        && !ends_open(&v.text)
        && v.text.split_whitespace().nth(14).is_none()
    {
        return true;
    }
    // Slack for proportional fonts: the next word must have fitted with room to spare, and a
    // shortened first line (the printed indent) must be clearly shorter than a full one.
    let (k_short, k_first, k_indent) = (2, 5, 3);
    // The line before is itself a paragraph's first line: printed indented, it had less room.
    let p_width = if p_first {
        width.saturating_sub(k_indent)
    } else {
        width
    };
    let mut fits = p_width.saturating_sub(k_short);
    // A shortened first line is no longer than the first lines that went on.
    let mut first_room = width.saturating_sub(k_first);
    if form == Form::Default {
        // Where the text shows its measure, the next word would have fitted when it measures
        // less than every full line and the word that did not fit after it.
        let bound = if p_first {
            widths.first_bound
        } else {
            widths.full_bound
        };
        if let Some(b) = bound {
            fits = b.saturating_sub(1);
        }
        if let Some(l) = widths.first_room {
            first_room = first_room.min(l);
        }
    }
    let p_short = with_next_word(p.units, &v.text) <= fits;
    // In a numbered paragraph an unnumbered line goes on with it unless the line before ended
    // short: a numbered document's paragraphs are its numbered ones, and a line merely shorter
    // than a full one is no evidence against that.
    // A section label (`B.`, `IV.`) opens a heading, however it ends.
    let section = || v.text.split_whitespace().next().is_some_and(is_label_line);
    let v_first = form == Form::Default
        && next.is_some_and(|n| !n.line.blank_before)
        && (v.len <= first_room && ends_here(open, &v.text, widths) || broken_short)
        && v.len * 10 >= width * 6
        && !ends_sentence(&v.text)
        && (arabic_number(open.first).is_none() || section());
    p_short || v_first
}

/// Whether an open paragraph ends before a line that the lines cannot place: the line before
/// is full, and this one is short enough for a first line printed indented and long enough to
/// go on in a full one. Then what letters are like decides. Over the corpus letters rewrapped
/// at three widths, at such a line after one or two lines of a paragraph the paragraph went on
/// 17 times in 20, after more lines it ended about as often as it went on. Except in a
/// section's first paragraph (`I have the honour to ...`, often a sentence or two) and before a
/// set phrase that always opens its own paragraph. Only where the text shows its measure (full
/// lines going on in lower case): where it does not, the measure is a guess, a line that looks
/// full may not be, and a line as short as a first line is one.
fn ends_here(open: Open, line: &str, widths: &Widths) -> bool {
    widths.full_bound.is_none()
        || open.lines >= 3
        || open.first_paragraph
        || OWN_PARAGRAPH.iter().any(|f| line.starts_with(f))
}

/// How a paragraph of its own opens in letters and the statements they transmit: the
/// reference that opens a letter, the request to circulate it, the closing courtesy, and the
/// words that count a statement's points (`Secondly, ...`, `Enfin, ...`), one to a paragraph.
const OWN_PARAGRAPH: [&str; 21] = [
    "I have the honour",
    "I should be grateful",
    "I would be grateful",
    "I should appreciate",
    "I would appreciate",
    "Accept, ",
    "Please accept",
    "First, ",
    "Firstly, ",
    "Second, ",
    "Secondly, ",
    "Third, ",
    "Thirdly, ",
    "Fourth, ",
    "Fourthly, ",
    "Lastly, ",
    "Finally, ",
    "Premièrement, ",
    "Deuxièmement, ",
    "Troisièmement, ",
    "Enfin, ",
];

/// The number of the last paragraph numbered in arabic figures (`49.`) among the blocks read:
/// headings and lettered items (`(a)`) between do not restart a document's numbering.
fn last_number(out: &[Raw]) -> Option<u32> {
    out.iter().rev().find_map(|r| match r {
        Raw::Para { num: Some(n), .. } => arabic_number(n),
        _ => None,
    })
}

/// How a line naming a person opens (`Mr. Ibrahima Niane, finance (Guinea)`).
const HONORIFICS: [&str; 6] = ["Mr. ", "Ms. ", "Mrs. ", "Dr. ", "H.E. ", "Prof. "];

/// Whether the blocks read last are a list's introduction ending in a colon and the entries
/// after it so far: short paragraphs that finish no sentence.
fn after_colon(out: &[Raw]) -> bool {
    for raw in out.iter().rev().take(40) {
        match raw {
            Raw::Para { text, .. } if text.ends_with(':') => return true,
            Raw::Para {
                num: None, text, ..
            } if !ends_sentence(text) && text.split_whitespace().nth(25).is_none() => {}
            _ => return false,
        }
    }
    false
}

/// Whether a line can only be the first line of a paragraph: it starts with a capital, goes on
/// in the next line, and the next line's first word would have fitted after it on a full line.
/// Two lines that end no sentence before a numbered paragraph are the end of a heading, not a
/// paragraph (`... with respect to decision` / `C-SS-4/DEC.3 of the ... Fourth Special` /
/// `Session related to ...` / `36. Pursuant ...`).
fn clear_first_line(
    v: &View,
    next: Option<&View>,
    after_next: Option<&View>,
    widths: &Widths,
) -> bool {
    let (Some(n), Some(bound)) = (next, widths.full_bound) else {
        return false;
    };
    if !ends_sentence(&n.text)
        && !n.text.ends_with(':')
        && after_next.is_some_and(|a| arabic_number(&a.text).is_some())
    {
        return false;
    }
    // A dash or a bracket first more likely goes on with the line before. A next line that
    // opens with its own label (`14. Through ...`) is no line of this paragraph.
    v.text
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !ends_sentence(&v.text)
        && !n.line.blank_before
        && label(&n.text).is_none()
        && v.len * 10 >= widths.full * 6
        && with_next_word(v.units, &n.text) + 2 <= bound
}

/// The text of lines read as one heading: joined with spaces, extraction's artefacts repaired.
fn joined_views(lines: &[View]) -> String {
    let text = lines
        .iter()
        .map(|v| v.text.as_ref())
        .collect::<Vec<_>>()
        .join(" ");
    repair(&text)
}

fn joined_line(lines: &[(&str, usize)]) -> String {
    repair(&lines.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(" "))
}

/// Whether the next line goes on without a space: the text so far ends in a word's hyphen and
/// the next line starts a word (`rocket-` `propelled`, and compounds broken before a capital or
/// a digit: `Attorney-` `General`, `COVID-` `19`).
fn joins_at_hyphen(before: &str, next: &str) -> bool {
    // A hyphen left hanging before a conjunction (`pre-` / `and post-conflict`) is no word cut.
    let conjunction = ["and ", "or ", "nor "].iter().any(|c| next.starts_with(c));
    before
        .strip_suffix('-')
        .is_some_and(|b| b.ends_with(char::is_alphabetic))
        && next.starts_with(char::is_alphanumeric)
        && !conjunction
}

/// Appends a wrapped line to the text it continues (a paragraph's, a table cell's, a
/// footnote's).
pub(super) fn join_line(text: &mut String, next: &str) {
    if !text.is_empty() && !joins_at_hyphen(text, next) {
        text.push(' ');
    }
    text.push_str(next);
}

fn flush(cur: &mut Vec<(&str, usize)>, out: &mut Vec<Raw>) {
    if cur.is_empty() {
        return;
    }
    let mut text = String::new();
    let mut pages: Vec<(usize, usize)> = Vec::new();
    for (l, page) in cur.drain(..) {
        if !text.is_empty() && !joins_at_hyphen(&text, l) {
            text.push(' ');
        }
        if pages.last().is_none_or(|(p, _)| *p != page) {
            pages.push((page, text.len()));
        }
        text.push_str(l);
    }
    let repaired = repair(&text);
    if repaired.len() != text.len() {
        // Repairs only drop spaces: an offset moves back by the spaces dropped before it.
        for (_, off) in pages.iter_mut() {
            *off = text.get(..*off).map_or(0, |head| repair(head).len());
        }
    }
    let text = repaired;
    match label(&text) {
        Some((num, rest)) => {
            let cut = text.len() - rest.len();
            for (_, off) in pages.iter_mut() {
                *off = off.saturating_sub(cut);
            }
            out.push(Raw::Para {
                num: Some(num.to_string()),
                text: rest.to_string(),
                pages,
            })
        }
        None => out.push(Raw::Para {
            num: None,
            text,
            pages,
        }),
    }
}

fn base_indents(views: &[View]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for v in views.iter().filter(|v| v.len > 40) {
        match out.iter_mut().find(|(p, _)| *p == v.line.page) {
            Some(e) => e.1 = e.1.min(v.line.indent),
            None => out.push((v.line.page, v.line.indent)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks of `text` read as one run of body lines.
    fn read_blocks(text: &str, form: Form, widths: Widths) -> Vec<Raw> {
        let lines = super::super::lines::split(text, form);
        let refs: Vec<&Line> = lines.iter().collect();
        blocks(&refs, form, widths)
    }

    /// The texts of the headings among `out`.
    fn headings_of(out: &[Raw]) -> Vec<&str> {
        out.iter()
            .filter_map(|r| match r {
                Raw::Heading(t, _) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The widths of a letter set 80 average characters wide, its first lines indented.
    fn letter_widths() -> Widths {
        Widths {
            full: 80,
            full_bound: Some(81),
            first_bound: Some(76),
            first_room: Some(72),
        }
    }

    /// The texts of the paragraphs among `out`.
    fn paragraphs_of(out: &[Raw]) -> Vec<&str> {
        out.iter()
            .filter_map(|r| match r {
                Raw::Para { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The blocks of `text` read with the widths the text itself shows.
    fn read_measured(text: &str, form: Form) -> Vec<Raw> {
        let lines = super::super::lines::split(text, form);
        let refs: Vec<&Line> = lines.iter().collect();
        blocks(&refs, form, widths_of(&refs))
    }

    #[test]
    fn contents_entries_are_paragraphs_whatever_the_gap_before_their_page() {
        // `-layout` sets a two-digit page number apart and a three-digit one against the leader:
        // one entry each way, both read the same, and the line between entries is no heading.
        let text = "\
Contents
        I.  Introduction ...........................................      99
        II. Trends ...............................................  103
    Annex
        National reports and survey responses by region ............ 125";
        let out = read_blocks(text, Form::Layout, Widths::default());
        let kinds: Vec<&str> = out
            .iter()
            .map(|r| match r {
                Raw::Para { .. } => "para",
                Raw::Heading(..) => "heading",
                Raw::Table(_) => "table",
            })
            .collect();
        assert_eq!(
            kinds,
            ["heading", "para", "para", "para", "para"],
            "{out:#?}"
        );
        assert!(is_contents_entry("A. Introduction ...... 4"));
        assert!(is_contents_entry("Africa . . . . . . ."));
        assert!(!is_contents_entry("The Council met on 4 May 2025."));
    }

    #[test]
    fn a_heading_wrapped_narrower_than_wide_text_is_one_heading() {
        // Paragraphs set wide; the heading above paragraph 34 wrapped over three lines each
        // short of the measure, the second as short as the first: one heading all the same.
        let text = "\
33. The mission continued to review the information collected in the course of its deployments and
will issue further reports on the incidents under review as soon as its work on them is complete.
The mission is continuing its work.

Activities carried out by the Technical Secretariat with respect to decision
CS-4/DEC.3 of the Conference of the States Parties at its Fourth Special
Session related to the safety of navigation along the Northern Coast
34. Pursuant to paragraph 10 of decision CS-4/DEC.3, the Secretariat established the team that
identifies the vessels which entered the closed zone and reports on them to the Council in due time.
35. The Secretariat will issue further reports in due course, as the Council requested of it.";
        let out = read_blocks(text, Form::Default, Widths::default());
        let headings = headings_of(&out);
        assert_eq!(
            headings,
            [
                "Activities carried out by the Technical Secretariat with respect to decision \
              CS-4/DEC.3 of the Conference of the States Parties at its Fourth Special Session \
              related to the safety of navigation along the Northern Coast"
            ],
            "{out:#?}"
        );
        assert_eq!(out.len(), 4, "{out:#?}");
    }

    #[test]
    fn a_number_ending_a_sentence_labels_nothing() {
        // `20.` alone on its line closes the sentence above it; paragraph 6 opens with its own
        // number.
        let text = "\
5. Accordingly, the Republic of Estelia hereby announces its withdrawal from the Treaty in
accordance with its article
20.
6. This decision, made in the interest of national security, is without prejudice to the
commitment of the Republic of Estelia to the principles of international humanitarian law.";
        let out = read_blocks(text, Form::Default, Widths::default());
        let nums: Vec<(Option<&str>, &str)> = out
            .iter()
            .filter_map(|r| match r {
                Raw::Para { num, text, .. } => Some((num.as_deref(), text.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(nums.len(), 2, "{out:#?}");
        assert!(nums[0].1.ends_with("its article 20."), "{out:#?}");
        assert_eq!(nums[1].0, Some("6."), "{out:#?}");
    }

    #[test]
    fn a_quotation_set_apart_ends_where_it_closes() {
        assert!(closes_quotation(
            "“For millions, the flag is a symbol of hope” 2",
            "“For millions, the flag is a symbol of hope” 2"
        ));
        assert!(closes_quotation(
            "“For millions, the flag is",
            "a symbol of hope”"
        ));
        // Two quotations on a line, or one that goes on, are no quotation set apart.
        assert!(!closes_quotation("“One” and “two”", "“One” and “two”"));
        assert!(!closes_quotation("“One” and the", "rest of the “two”"));
        assert!(!closes_quotation("The flag is", "a symbol of “hope”"));
        // The heading after a quotation set on a line of its own is a heading of its own.
        let text = "\
The open debate took place against a backdrop of growing fragmentation, volatility and
complexity, trends that are reflected in the work of the peace operations of the Organization.
“For millions, the blue flag and the Blue Helmets are symbols of hope” 2
Briefings
The Secretary-General emphasized the crucial role of peace operations in maintaining
international peace and security, while highlighting the growing challenges they face.";
        let out = read_blocks(text, Form::Default, Widths::default());
        assert!(
            out.iter()
                .any(|r| matches!(r, Raw::Heading(t, _) if t == "Briefings")),
            "{out:#?}"
        );
    }

    #[test]
    fn a_line_the_lines_cannot_place_goes_on_with_a_paragraph_of_two_lines() {
        // Each paragraph's last line is full and ends a sentence; the line after it is short
        // enough for an indented first line and long enough to go on in a full one. After two
        // lines the paragraph goes on; after three it ends; a set phrase opens its own.
        let text = "\
I have the honour to refer to the letter dated 3 March 2025 from my Government.
The delegation visited the northern provinces in the first week of April and met
the governors, the heads of the local councils and the elders of each of the villages there.
The governors described the situation in the provinces as stable but fragile, with
intermittent clashes along the border and a steady flow of refugees from the south.
Humanitarian agencies have been granted access to the camps in the east
and north since May, and food, water and medicines reach the families living there,
in convoys escorted by the police and the peacekeepers, as the Council had requested.
Further visits to the provinces are planned in the second half of the current year,
notwithstanding the difficulties that the delegation met on its earlier mission to the border.
I should be grateful if you would kindly have the present letter and its enclosure
circulated as a document of the Security Council.";
        let out = read_blocks(text, Form::Default, letter_widths());
        let starts: Vec<String> = paragraphs_of(&out)
            .iter()
            .map(|p| p.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(
            starts,
            [
                "I have the",
                "The delegation visited",
                "Humanitarian agencies have",
                "Further visits to",
                "I should be",
            ],
            "{out:#?}"
        );
        // Where the text shows no full line going on in lower case, its measure is a guess and
        // a line no longer than a first line opens a paragraph, as it always did.
        let guessed = Widths {
            full: 80,
            ..Widths::default()
        };
        let out = read_blocks(text, Form::Default, guessed);
        assert!(
            paragraphs_of(&out)
                .iter()
                .any(|p| p.starts_with("The governors described")),
            "{out:#?}"
        );
    }

    #[test]
    fn a_line_the_lines_cannot_place_opens_a_paragraph_after_the_first() {
        // The same shape after a letter's first paragraph: it opens the next.
        let text = "\
I have the honour to refer to the letter dated 3 March 2025 from my Government
and to inform you that the delegation of my Government has returned from the provinces.
The governors described the situation in the provinces as stable but fragile, with
intermittent clashes along the border and a steady flow of refugees from the south.";
        let out = read_blocks(text, Form::Default, letter_widths());
        assert_eq!(paragraphs_of(&out).len(), 2, "{out:#?}");
    }

    #[test]
    fn a_short_last_line_after_a_full_one_stands_apart() {
        // The appeal's last line is full and ends its sentence; who signs it is no part of it.
        let text = "\
We resolve further that this appeal be disseminated widely to governments, international
organizations and civil society, and we call for action to help to rectify the consequences of
our displacement, and we stand united in our pursuit of justice, dignity and peace together.
Northern Coast Community Council";
        let out = read_blocks(text, Form::Default, Widths::default());
        assert!(
            matches!(out.last(), Some(Raw::Para { text, .. }) if text == "Northern Coast Community Council"),
            "{out:#?}"
        );
    }

    #[test]
    fn a_heading_after_a_full_last_line_is_a_heading() {
        // A heading that the next word would have fitted after, below a paragraph whose last
        // line is full: over half the measure, it is a heading all the same.
        let text = "\
He highlighted the widespread use of mines by the armed groups in order to cause harm to
innocent civilians in the areas they had left, as the mission had observed on its visits.
Statements by States Members of the Organization
The participants representing the States of the region accused the armed groups of violating
international law and the principles of the Charter of the Organization in the conflict.";
        let widths = letter_widths();
        let out = read_blocks(text, Form::Default, widths);
        assert!(
            matches!(out.get(1), Some(Raw::Heading(t, _)) if t == "Statements by States Members of the Organization"),
            "{out:#?}"
        );
    }

    /// The paragraphs `blocks` reads from default-mode text: label and text.
    fn paras(text: &str) -> Vec<(Option<String>, String)> {
        let lines = super::super::lines::split(text, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        blocks(&refs, Form::Default, widths_of(&refs))
            .into_iter()
            .filter_map(|r| match r {
                Raw::Para { num, text, .. } => Some((num, text)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn numbered_paragraphs_hold_their_unnumbered_lines_and_end_at_the_next_number() {
        let text = "\
4. The Panel conducts its investigations in a professional and technical manner,
adhering to the principles of transparency, objectivity, impartiality and independence.
The Panel's working methods are in keeping with the best practices recommended by the
Informal Working Group of the Security Council on General Issues of Sanctions. The
Panel placed particular emphasis on documentary evidence and the use of sources
5. The Panel shared the documents it received with the Committee, as is its practice, and
took the observations of the Member States concerned into account in its findings.
6. The measures taken in the harbour were the following:
➔ The northern quay was closed to ships of every flag and every size for the season…
➔ The southern quay stayed open to ships carrying humanitarian cargo of every kind.
Source: Harbour Authority of Portoverde, notice of 2 March 2099.";
        let p = paras(text);
        let nums: Vec<Option<&str>> = p.iter().map(|(n, _)| n.as_deref()).collect();
        assert_eq!(
            nums,
            [
                Some("4."),
                Some("5."),
                Some("6."),
                Some("➔"),
                Some("➔"),
                None
            ],
            "{p:#?}"
        );
        // A line after a finished sentence, shorter than a full one, still goes on with its
        // numbered paragraph; the next number opens the next paragraph although the line
        // before it ends open.
        assert!(p[0].1.contains("independence. The Panel's working methods"));
        assert!(p[0].1.ends_with("the use of sources"));
        assert!(p[4].1.ends_with("cargo of every kind."));
        assert!(p[5].1.starts_with("Source: Harbour Authority"));
    }

    #[test]
    fn a_salutation_stands_apart_and_a_clause_ending_in_a_call_out_is_no_heading() {
        let text = "\
Excellencies, Ladies and Gentlemen,
Welcome to this meeting on the protection of water and the infrastructure that carries it
to the people of the cities and the countryside in times of armed conflict and after it.
The Economic and Social Council,
Noting the adoption by the Economic Commission for Europe at its seventy-first session of
decision E (71) on multilingualism in meetings under the Convention on the Protection and Use of
Transboundary Watercourses and International Lakes, 4
Endorses the decision, annexed to the present resolution, and requests the Secretary-General
to provide interpretation into all the official languages at the sessions of the Meeting.";
        let out = read_measured(text, Form::Default);
        assert!(
            out.iter().all(|r| matches!(r, Raw::Para { .. })),
            "{out:#?}"
        );
        let p: Vec<String> = paras(text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(p.len(), 5, "{p:#?}");
        assert_eq!(p[0], "Excellencies, Ladies and Gentlemen,");
        assert_eq!(p[2], "The Economic and Social Council,");
        assert!(p[3].starts_with("Noting") && p[3].ends_with("Lakes, 4"));
        // After a finished sentence, the salutation itself opens a block.
        let text = "\
Water is life, and no circumstance can justify efforts to deny it to the civilians of
the cities under siege in the north of the country.
Mr. President,
My delegation would like to make the following three points on the protection of water
and of the people who keep it running in times of war.";
        let p: Vec<String> = paras(text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(p.len(), 3, "{p:#?}");
        assert_eq!(p[1], "Mr. President,");
    }

    #[test]
    fn a_heading_at_the_top_of_a_layout_page_after_a_finished_sentence() {
        let text = "\
           Principle 4: Comprehensive approach to counter-terrorism
           A comprehensive and integrated national counter-terrorism strategy should be built
           upon a multidisciplinary approach, acknowledging the links between the threats and
           the conditions conducive to their spread across the region and beyond it.
\u{c}
           Principle 5: Clarity in defining terrorism
           Effective strategies to address terrorism must be rooted in well-defined, context-
           specific definitions at the national and regional levels, fully consistent with
           international law.";
        let out = read_measured(text, Form::Layout);
        let headings = headings_of(&out);
        assert_eq!(
            headings,
            [
                "Principle 4: Comprehensive approach to counter-terrorism",
                "Principle 5: Clarity in defining terrorism"
            ],
            "{out:#?}"
        );
        assert_eq!(out.len(), 4, "{out:#?}");
    }

    #[test]
    fn a_line_full_of_wide_letters_is_no_paragraph_end() {
        // By character count the line ending `Programme.` is short enough for `Moreover` to have
        // fitted after it, so a paragraph would end there; printed, its capitals fill the line.
        let text = "\
I have the honour to transmit herewith the report of the Panel of Experts on the
situation in the northern highlands, which the members of the Council received on
the first day of the month and which they discussed in informal consultations, and
MINUSCA, MONUSCO, UNMISS, UNAMA and UNMIK jointly reviewed the WMD Programme.
Moreover the Panel noted that the joint commission had not met since last year.
I should be grateful if the present letter could be issued as a document.";
        let lines = super::super::lines::split(text, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        let wide = "MINUSCA, MONUSCO, UNMISS, UNAMA and UNMIK jointly reviewed the WMD Programme.";
        let width = widths_of(&refs).full;
        // The precondition that makes this a test of the measure, not of the widths chosen.
        assert!(wide.chars().count() + 1 + "Moreover".len() + 2 <= width);
        let out = blocks(&refs, Form::Default, Widths::default());
        let paras: Vec<&Raw> = out
            .iter()
            .filter(|r| matches!(r, Raw::Para { .. }))
            .collect();
        assert_eq!(paras.len(), 2, "{out:#?}");
    }

    /// Words wrapped greedily in the reader's measure: `width` for full lines, `first` for a
    /// paragraph's first line.
    fn wrap(text: &str, width: usize, first: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut cur = String::new();
        for w in text.split_whitespace() {
            let room = if out.is_empty() { first } else { width };
            if !cur.is_empty() && measure(&format!("{cur} {w}")) > room {
                out.push(std::mem::take(&mut cur));
            }
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
        }
        out.push(cur);
        out
    }

    const PARAGRAPHS: [&str; 4] = [
        "The members of the Council recalled that the mission had visited the region twice in \
         the past year and that its findings were shared with the authorities of every country \
         concerned, which welcomed the recommendations and committed themselves to their \
         implementation within the time frames agreed upon at the meeting.",
        "Consultations were held with the representatives of civil society organizations, \
         including women's groups and associations of young people, who described the \
         difficulties encountered in the delivery of humanitarian assistance in remote areas \
         and called for predictable funding.",
        "Medical evacuation, casualty evacuation and transportation of human remains",
        "From March to April, the Mission conducted one special flight and one regular flight \
         to transport the remains of soldiers and civilians for their families and communities, \
         in close coordination with the national authorities and the humanitarian agencies.",
    ];

    #[test]
    fn widths_follow_the_measure_the_text_was_set_in() {
        for (width, indent) in [(72, 8), (80, 5), (96, 8)] {
            // Paragraphs of every length, so that last lines of every length show.
            let text: Vec<String> = (0..12)
                .flat_map(|k| {
                    let p = PARAGRAPHS[k % 4];
                    let p = match p.strip_suffix('.') {
                        Some(body) => format!("{body}{}.", " in the region".repeat(k % 5)),
                        None => p.to_string(),
                    };
                    wrap(&p, width, width - indent)
                })
                .collect();
            let text = text.join("\n");
            let lines = super::super::lines::split(&text, Form::Default);
            let refs: Vec<&Line> = lines.iter().collect();
            let w = widths_of(&refs);
            // Full lines and the word that did not fit after them measure more than the width,
            // and never much more than the width and a word.
            let bound = w.full_bound.expect("many full lines");
            assert!((width..=width + 3).contains(&bound), "{width}: {w:?}");
            let room = w.first_room.expect("several first lines");
            assert!(
                room <= width - indent && room + 6 >= width - indent,
                "{width}: {w:?}"
            );
            // Every paragraph comes back, the long line without a full stop as a heading.
            let out = blocks(&refs, Form::Default, Widths::default());
            let paras = out.iter().filter(|r| matches!(r, Raw::Para { .. })).count();
            let heads = out.iter().filter(|r| matches!(r, Raw::Heading(..))).count();
            assert_eq!((paras, heads), (9, 3), "{width}: {out:#?}");
        }
    }

    #[test]
    fn an_open_sentence_goes_on_across_a_blank_line_in_lower_case() {
        // Default-mode extraction of a boxed table: a blank line between the pieces of a cell.
        let text = "It is within the mandate of the Mission to\n\nestablish forward operating \
                    bases away from the main camp.\n\nThe contract in place does not provide for it.";
        let out = read_blocks(text, Form::Default, Widths::default());
        let texts = paragraphs_of(&out);
        assert_eq!(texts.len(), 2, "{out:#?}");
        assert!(texts[0].ends_with("main camp."), "{out:#?}");
    }

    #[test]
    fn a_line_without_a_full_stop_before_a_numbered_paragraph_is_a_heading() {
        // However long the title, a numbered paragraph cannot go on the line before it.
        let text = "The report of the Force on operations in the northern province and the border\n\
                    1. The present report is submitted in accordance with Security Council\n\
                    resolution 1244 (1999) and covers the activities of the Force during the\n\
                    period from 1 January to 31 March 2025.";
        let out = read_blocks(text, Form::Default, Widths::default());
        assert!(matches!(out.first(), Some(Raw::Heading(..))), "{out:#?}");
        assert!(
            matches!(out.get(1), Some(Raw::Para { num: Some(n), .. }) if n == "1."),
            "{out:#?}"
        );
    }

    #[test]
    fn a_layout_cell_wrapped_under_its_column_stays_in_its_row() {
        let text = "Date          Time      Description\n\
                    5 November    1400      An enemy tank fired several shells that fell in the\n\
                    \x20                       town of Shaqra.\n\
                    \n\
                    6 November    1410      A tank fired a shell at shops on the outskirts";
        let out = read_blocks(text, Form::Layout, Widths::default());
        let Some(Raw::Table(rows)) = out.first() else {
            panic!("{out:#?}")
        };
        assert_eq!(rows.len(), 3, "{rows:#?}");
        assert_eq!(
            rows[1][2],
            "An enemy tank fired several shells that fell in the town of Shaqra."
        );
        assert_eq!(out.len(), 1, "{out:#?}");
    }

    #[test]
    fn section_labels() {
        assert!(is_section_label("Part VI"));
        assert!(is_section_label("Section 24"));
        assert!(is_section_label("Chapter 3A"));
        assert!(!is_section_label("Part of the"));
        assert!(!is_section_label("Section 24."));
        assert!(!is_section_label("Section 24 of the Convention"));
        assert!(is_numbered_attachment_title(
            "Annex 3.1: Visit to the border at Dajabon"
        ));
        assert!(is_numbered_attachment_title("Annex 10A: Photos of elvers"));
        assert!(!is_numbered_attachment_title(
            "Annex 10 of the Dayton Agreement"
        ));
        assert!(!is_numbered_attachment_title(
            "Annex 2: The spawning ........ 40"
        ));
        let lines = super::super::lines::split(
            "The Assembly adopted the budget.\nPart VI\nHuman rights\nThe section covers rights.",
            Form::Word,
        );
        let refs: Vec<&Line> = lines.iter().collect();
        let out = blocks(&refs, Form::Word, Widths::default());
        assert_eq!(
            out.get(1),
            Some(&Raw::Heading("Part VI".into(), 0)),
            "{out:#?}"
        );
    }

    #[test]
    fn a_layout_item_label_set_apart_numbers_its_item() {
        // `-layout` sets an item's letter apart from its text: the item is numbered by it, even
        // in lower case and after a line left open.
        let text = "\
     The Mission will:
           b.   engage in the coordination of international contributions of personnel,
                supplies and equipment, and
           c.   support police contributing countries in the preparation which includes
                training, vetting and deployment planning.";
        let out = read_blocks(text, Form::Layout, Widths::default());
        let nums: Vec<Option<&str>> = out
            .iter()
            .filter_map(|r| match r {
                Raw::Para { num, .. } => Some(num.as_deref()),
                _ => None,
            })
            .collect();
        assert_eq!(nums, [None, Some("b."), Some("c.")], "{out:#?}");
    }

    #[test]
    fn a_label_that_would_have_fitted_on_the_line_before_opens_a_block() {
        // A long heading without a full stop, then a numbered paragraph: the wrap would have
        // put `1.` on the heading's short last line, so the heading ended there. After a line the label
        // did not fit on, the sentence goes on.
        let heading = "\
Article 9. Public dissemination of knowingly false information on the employment
of the armed forces of the Federation, the performance by the State bodies of the
Federation of their powers, rendering assistance in the performance of the tasks
assigned to the armed forces by volunteer formations, organizations or persons
1. Public dissemination, under the guise of reliable reports, of knowingly false
information shall be punishable with a fine.";
        let widths = letter_widths();
        let out = read_blocks(heading, Form::Default, widths);
        assert_eq!(out.len(), 2, "{out:#?}");
        let full = "\
The Council shall consider the matter at its next regular session, as is set out in the annex
1. Public dissemination, under the guise of reliable reports, of knowingly false
information shall be punishable with a fine.";
        let out = read_blocks(full, Form::Default, widths);
        assert_eq!(out.len(), 1, "{out:#?}");
    }

    #[test]
    fn a_row_of_stars_sets_paragraphs_apart_as_a_rule_does() {
        for stars in ["*****", "* * * * *"] {
            let text = format!(
                "The Secretariat publishes a quarterly newsletter called \u{201c}The Voice\u{201d}.\n\
                 {stars}\nWith its diverse geography, the Conference offers its members a toolkit."
            );
            let out = read_blocks(&text, Form::Default, Widths::default());
            assert_eq!(out.len(), 2, "{out:#?}");
            assert!(
                out.iter()
                    .all(|r| !matches!(r, Raw::Para { text, .. } if text.contains('*'))),
                "{out:#?}"
            );
        }
    }

    #[test]
    fn the_next_number_opens_its_paragraph_after_an_unnumbered_block() {
        // Paragraph 49, a long heading read as a paragraph whose last line is full, then 50.
        let text = "\
49. The Court found that the conclusions of the Assembly had no legal effect and that
they could not be applied by any authority of the entity or of the State.
Order Declaring the Conclusions of the National Assembly adopted at its Special Session
held on 24 and 25 December 2024 in violation of the obligations under Annex 4 and
Annex 10 to the General Framework Agreement for Peace (GFAP) and prohibiting their implementation
50. In anticipation of the verdict, the National Assembly adopted several conclusions
attacking the sovereignty of the State and of its key institutions.";
        let widths = letter_widths();
        let out = read_blocks(text, Form::Default, widths);
        let last = out.last();
        assert!(
            matches!(last, Some(Raw::Para { num: Some(n), text, .. }) if n == "50." && text.starts_with("In anticipation")),
            "{out:#?}"
        );
    }

    #[test]
    fn entries_naming_people_end_where_the_next_name_starts() {
        // The first entry fills its line: only the name opening the next tells them apart.
        let text = "\
I have appointed the following two individuals to serve as the fifth and sixth experts
on the Panel of Experts:
Ms. Rasha Mohamed al-Salih, armed groups/international humanitarian law (Iraq)
Mr. Ibrahima Niane, finance (Guinea)
I should be grateful if you would bring this matter to the attention of the members
of the Security Council.";
        let out = read_measured(text, Form::Default);
        let texts = paragraphs_of(&out);
        assert_eq!(texts.len(), 4, "{out:#?}");
        assert_eq!(texts[2], "Mr. Ibrahima Niane, finance (Guinea)");
    }
}
