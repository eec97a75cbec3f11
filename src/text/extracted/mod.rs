//! The reader for letter text as extraction delivers it: pdftotext default mode, pdftotext
//! `-layout`, and Word converted to Markdown-ish text.
//!
//! The stages, one module each: `lines` (the line model, with original line:column, and which
//! extraction produced the text), `furniture` (page furniture out), `footnotes` (footnote
//! blocks out of the flow), `masthead`, `title`, `annexes` (where attachments start),
//! `body` (paragraphs, numbered paragraphs, headings, tables), `signatures`, `inlines`
//! (symbols, dates, links, footnote call-outs) and `repair` (safe artefact repairs).

pub(crate) mod annexes;
pub(crate) mod body;
pub(crate) mod emphasis;
pub(crate) mod footnotes;
pub(crate) mod furniture;
pub(crate) mod inlines;
pub(crate) mod lines;
pub(crate) mod masthead;
pub(crate) mod quotes;
pub(crate) mod repair;
pub(crate) mod signatures;
pub(crate) mod title;

use std::borrow::Cow;

use crate::error::{Error, Position, Result, Warning};
use crate::model::{Annex, AnnexKind, Block, Cell, Document, Footnote, Kind, Num, Row, Signature};
use body::Raw;
use footnotes::{Item, Note};
use lines::{Form, Line, fold, fold_ref};

/// Reads extracted letter text. A letter with parts missing (no symbol, no signature) still
/// gives a document, and warnings say what was missing; a document of the genre that is not a
/// letter (a report under a masthead) is read as kind `other`. Input that is not text, is
/// empty, or shows nothing of a letter or a UN document (no masthead, no letter title, no
/// signature) is an error.
pub fn read(input: &str) -> Result<(Document, Vec<Warning>)> {
    check_is_text(input)?;
    let form = lines::detect(input);
    let all = lines::split(input, form);
    if let Some(over) = all.get(crate::text::MAX_LINES) {
        return Err(Error::invalid_at(
            Position {
                line: over.line,
                column: over.col,
            },
            crate::text::too_many_lines(),
        ));
    }
    if all.is_empty() {
        return Err(Error::invalid_at(
            Position::of_offset(input, input.len()),
            "the input is empty (nothing but white space): there is no letter to read",
        ));
    }
    read_lines(all, form)
}

/// Reads a letter from its lines, however they were made: split from extracted text, or
/// measured from a PDF's glyphs (`crate::pdf`), whose attributes the stages consult.
pub fn read_lines(all: Vec<Line>, form: Form) -> Result<(Document, Vec<Warning>)> {
    let mut warnings = Vec::new();
    let mut doc = Document::default();
    let Some(first) = all.first() else {
        return Err(Error::invalid(
            "the input has no lines of text: there is no letter to read",
        ));
    };
    let first_at = Position {
        line: first.line,
        column: first.col,
    };
    let last_at = all.last().map_or(first_at, |l| Position {
        line: l.line,
        column: l.col,
    });
    // The lines of a measured footnote zone with italic or bold runs: the notes' emphasis.
    let styled_notes: Vec<Line> = all
        .iter()
        .filter(|l| {
            l.measured.as_ref().is_some_and(|m| {
                m.zone == lines::Zone::Footnote
                    && m.runs
                        .iter()
                        .any(|r| (r.bold || r.italic) && !r.superscript)
            })
        })
        .cloned()
        .collect();
    let symbols = masthead::find_symbols(&all);
    let names: Vec<String> = symbols.iter().map(|s| s.as_str().to_string()).collect();
    let (kept, job) = furniture::strip(all, &names);
    doc.job_number = job;
    let items = footnotes::extract(kept, form);

    let title_at = items.iter().take(400).position(
        |it| matches!(it, Item::Line(l) if l.page <= 1 && title::title_kind(&l.text).is_some()),
    );
    let (masthead_end, body_start) = match title_at {
        Some(t) => {
            let title_lines = following_lines(&items, t);
            let n = title::extent(&title_lines, 6);
            let text = join_folded(title_lines.iter().take(n).copied());
            doc.kind = title_lines
                .first()
                .and_then(|l| title::title_kind(&l.text))
                .unwrap_or(Kind::Other);
            let parsed = title::parse(&text, doc.kind);
            doc.letter_date = parsed.date;
            doc.sender = parsed.sender;
            doc.addressees = parsed.addressees;
            doc.title = text;
            (t, skip_lines(&items, t, n))
        }
        None => {
            doc.kind = Kind::Other;
            warnings.push(Warning::new(
                "no letter title (`Letter dated ...`, `Note verbale dated ...`) found: read as another kind of document",
            ));
            let end = other_masthead_end(&items);
            let title_lines = following_lines(&items, end);
            let n = other_title_extent(&title_lines);
            doc.title = join_folded(title_lines.iter().take(n).copied());
            (end, skip_lines(&items, end, n))
        }
    };

    let mut masthead_lines: Vec<Line> = Vec::new();
    let mut front_notes: Vec<Note> = Vec::new();
    for it in items.get(..masthead_end).unwrap_or_default() {
        match it {
            Item::Line(l) => masthead_lines.push(l.clone()),
            Item::Notes(n) => front_notes.extend(n.iter().cloned()),
        }
    }
    // Column gaps can show up even where the text as a whole did not look like `-layout`;
    // Word pieces cut at bold markers have far columns but no gaps.
    if form != Form::Word {
        masthead_lines = masthead::unscramble_columns(&masthead_lines);
    }
    masthead::read(&masthead_lines, &mut doc);
    if doc.symbols.is_empty() {
        doc.symbols = symbols;
    }
    if title_at.is_none() && !has_masthead(&doc) && !has_signature(&items) {
        return Err(Error::invalid_at(
            first_at,
            "not a letter: no masthead (symbol, organ, `Distr.`, date of issuance), no title \
             (`Letter dated ...`, `Note verbale dated ...`) and no signature (`(Signed) ...`)",
        ));
    }
    for it in items.get(masthead_end..body_start).unwrap_or_default() {
        if let Item::Notes(n) = it {
            front_notes.extend(n.iter().cloned());
        }
    }

    let rest = items.get(body_start..).unwrap_or_default();
    let rest_lines: Vec<&Line> = rest
        .iter()
        .filter_map(|it| match it {
            Item::Line(l) => Some(l),
            Item::Notes(_) => None,
        })
        .collect();
    // Justified lines have one width across the document: a short letter borrows it from its annex.
    let width = if form == Form::Layout {
        body::Widths::default()
    } else {
        body::widths_of(&rest_lines)
    };
    let sections = split_sections(rest, form);
    let mut annexes: Vec<Annex> = Vec::new();
    let mut within_report = false;
    for (i, section) in sections.into_iter().enumerate() {
        let opens_attachment = section.heading.is_some() && section.title.is_none();
        let built = build_section(&section.items, form, width, &styled_notes, opens_attachment);
        warnings.extend(built.missing.iter().map(|n| Warning {
            position: Some(Position {
                line: n.line,
                column: 1,
            }),
            message: format!(
                "footnote {} has no call-out on its page: it is kept, unlinked",
                n.marker
            ),
        }));
        if i == 0 && section.heading.is_none() {
            doc.body = built.body;
            doc.signatures = built.signatures;
            let mut notes = front_notes.clone();
            notes.extend(built.notes_before);
            doc.footnotes = notes_to_model(&notes, &[], &styled_notes);
            doc.footnotes.extend(built.footnotes);
            continue;
        }
        let Some((kind, heading)) = section.heading else {
            continue;
        };
        let (transmitted, in_attachment) = (section.transmitted, section.in_attachment);
        let annex = Annex {
            kind,
            heading,
            title: section.title,
            body: built.body,
            signatures: built.signatures,
            annexes: Vec::new(),
            footnotes: built.footnotes,
        };
        // The annexes of a transmitted report are its own.
        match annexes.last_mut() {
            Some(report) if within_report && !transmitted || in_attachment => {
                report.annexes.push(annex)
            }
            _ => attach(&mut annexes, annex),
        }
        within_report = transmitted || within_report;
    }
    doc.annexes = annexes;
    if doc.kind == Kind::Other
        && doc.body.is_empty()
        && doc.annexes.is_empty()
        && doc.signatures.is_empty()
    {
        // A masthead and nothing after it: a letter cut short, or a cover page.
        return Err(Error::invalid_at(
            last_at,
            "not a letter: a masthead but no title (`Letter dated ...`) and no text after it",
        ));
    }
    if doc.kind != Kind::Other && doc.title.is_empty() {
        warnings.push(Warning::new("the letter has no title"));
    }
    if doc.kind != Kind::Other && doc.body.is_empty() {
        warnings.push(Warning::new("the letter body is empty"));
    }
    Ok((doc, warnings))
}

/// Whether the masthead gave anything a UN document prints there.
fn has_masthead(doc: &Document) -> bool {
    !doc.symbols.is_empty()
        || !doc.organs.is_empty()
        || doc.distribution.is_some()
        || doc.date.is_some()
        || doc.original_language.is_some()
        || !doc.sessions.is_empty()
}

/// Whether any line opens a signature block.
fn has_signature(items: &[Item]) -> bool {
    items.iter().any(|it| {
        matches!(it, Item::Line(l) if l.text.len() < 200
            && signatures::is_signature(&fold_ref(&l.text)))
    })
}

/// Enclosures and appendices go inside the annex before them; annexes stand at the top.
fn attach(annexes: &mut Vec<Annex>, annex: Annex) {
    if annex.kind != AnnexKind::Annex
        && let Some(parent) = annexes.last_mut()
    {
        parent.annexes.push(annex);
        return;
    }
    annexes.push(annex);
}

/// Refuses input that is not text: NUL bytes or many control characters.
fn check_is_text(input: &str) -> Result<()> {
    if let Some(i) = input.find('\0') {
        return Err(Error::invalid_at(
            Position::of_offset(input, i),
            "binary data (a NUL byte): this is not a text file",
        ));
    }
    let mut controls = 0usize;
    let mut total = 0usize;
    let mut first = None;
    for (i, c) in input.char_indices().take(200_000) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            controls += 1;
            first.get_or_insert(i);
        }
    }
    if controls * 100 > total.max(1)
        && let Some(i) = first
    {
        return Err(Error::invalid_at(
            Position::of_offset(input, i),
            format!("{controls} control characters: this does not look like text"),
        ));
    }
    Ok(())
}

/// The consecutive lines from item `at` on (footnote blocks skipped).
fn following_lines(items: &[Item], at: usize) -> Vec<&Line> {
    items
        .get(at..)
        .unwrap_or_default()
        .iter()
        .filter_map(|it| match it {
            Item::Line(l) => Some(l),
            Item::Notes(_) => None,
        })
        .take(12)
        .collect()
}

/// The item index just after `n` lines starting at item `at`.
fn skip_lines(items: &[Item], at: usize, n: usize) -> usize {
    let mut seen = 0;
    let mut i = at;
    while seen < n && i < items.len() {
        if matches!(items.get(i), Some(Item::Line(_))) {
            seen += 1;
        }
        i += 1;
    }
    i
}

fn join_folded<'a>(lines: impl Iterator<Item = &'a Line>) -> String {
    let mut out = String::new();
    for l in lines {
        let t = fold_ref(&l.text);
        if out.ends_with('-') && !t.starts_with(char::is_uppercase) || out.is_empty() {
            out.push_str(&t);
        } else {
            out.push(' ');
            out.push_str(&t);
        }
    }
    repair::repair(&out)
}

/// Where the masthead of a document that is not a letter ends: after its recognisable lines
/// and the agenda titles under an agenda line.
fn other_masthead_end(items: &[Item]) -> usize {
    let mut end = 0;
    let mut in_agenda = false;
    for (i, it) in items.iter().enumerate() {
        let Item::Line(l) = it else { continue };
        if l.page > 0 {
            break;
        }
        let t = fold(&l.text);
        if l.blank_before {
            in_agenda = false;
        }
        let known = t.eq_ignore_ascii_case("United Nations")
            || masthead::is_organ(&t)
            || masthead::symbol_line(&t).is_some()
            || l.segments()
                .iter()
                .any(|(_, s)| masthead::symbol_line(s).is_some())
            || t.starts_with("Distr")
            || t.starts_with("Original:")
            || crate::model::Date::parse_prose(&t).is_some()
            || masthead::is_session(&t)
            || [
                "Arabic", "Chinese", "English", "French", "Russian", "Spanish",
            ]
            .contains(&t.as_str());
        if masthead::agenda_numbers(&t).is_some() {
            in_agenda = true;
            end = i + 1;
            continue;
        }
        if known || in_agenda {
            end = i + 1;
            continue;
        }
        // An organ-like line right before a session line belongs to the masthead.
        if let Some(Item::Line(n)) = items.get(i + 1)
            && masthead::is_session(&fold_ref(&n.text))
        {
            end = i + 1;
            continue;
        }
        // An organ name over several lines (`Executive Board of the` / `United Nations
        // Development` ...) can stand between the symbol and `Distr.`.
        if i > end + 8 {
            break;
        }
    }
    end
}

/// How many lines make the title of a document that is not a letter: short lines, up to a
/// blank line or a line of running text.
fn other_title_extent(lines: &[&Line]) -> usize {
    let mut n = 0;
    for (i, l) in lines.iter().enumerate().take(6) {
        let t = fold(&l.text);
        if i > 0 && l.blank_before {
            break;
        }
        let stop = ["Summary", "Contents", "Introduction", "Abstract"].contains(&t.as_str());
        if stop || t.chars().count() > 90 || (i > 0 && body::ends_sentence(&t)) {
            break;
        }
        n = i + 1;
    }
    n
}

struct Section<'a> {
    heading: Option<(AnnexKind, String)>,
    title: Option<String>,
    items: Vec<&'a Item>,
    /// A document transmitted after the covering letter's signature (a report under its own
    /// title, with no `Annex` heading): the annexes after it are its own.
    transmitted: bool,
    /// Transmitted by a letter that is itself an attachment: the report goes inside it.
    in_attachment: bool,
}

/// Footnote blocks skipped over while reading a section's heading or title stay with the new
/// section.
fn keep_notes<'a>(sections: &mut [Section<'a>], skipped: &'a [Item]) {
    if let Some(section) = sections.last_mut() {
        section
            .items
            .extend(skipped.iter().filter(|it| matches!(it, Item::Notes(_))));
    }
}

/// Cuts the flow after the title at attachment headings.
fn split_sections(items: &[Item], form: Form) -> Vec<Section<'_>> {
    let mut sections = vec![Section {
        heading: None,
        title: None,
        items: Vec::new(),
        transmitted: false,
        in_attachment: false,
    }];
    let mut i = 0;
    let mut signed = false;
    // The page of the last signature line seen.
    let mut signed_page = 0;
    while i < items.len() {
        let Some(it) = items.get(i) else { break };
        // A letter printed after the signature of the one before it, with no heading of its
        // own (the letter a covering letter transmits, the next of identical letters): an
        // attachment whose heading is empty and whose title is that letter's title.
        if signed
            && let Item::Line(l) = it
            && title::title_kind(&l.text).is_some()
        {
            let after = following_lines(items, i);
            let m = title::extent(&after, 6);
            let next = skip_lines(items, i, m);
            sections.push(Section {
                heading: Some((AnnexKind::Annex, String::new())),
                title: Some(join_folded(after.iter().take(m).copied())),
                items: Vec::new(),
                transmitted: false,
                in_attachment: false,
            });
            keep_notes(&mut sections, items.get(i..next).unwrap_or_default());
            signed = false;
            i = next;
            continue;
        }
        // A document printed on the pages after the signature, under a title of its own and
        // no `Annex` heading (a report the letter transmits): an attachment with an empty
        // heading whose title is the report's.
        if signed
            && let Item::Line(l) = it
            && l.page_start
            && l.page > signed_page
            && l.segments().len() == 1
            // A landscape page prints its `Annex` heading last: that annex is no report.
            && !page_has_annex_heading(items, l.page)
            && let m = report_title_extent(&following_lines(items, i))
            && m > 0
        {
            let after = following_lines(items, i);
            let next = skip_lines(items, i, m);
            let in_attachment = sections.last().is_some_and(|s| s.heading.is_some());
            sections.push(Section {
                heading: Some((AnnexKind::Annex, String::new())),
                title: Some(join_folded(after.iter().take(m).copied())),
                items: Vec::new(),
                transmitted: true,
                in_attachment,
            });
            keep_notes(&mut sections, items.get(i..next).unwrap_or_default());
            signed = false;
            i = next;
            continue;
        }
        if let Item::Line(l) = it
            && l.segments()
                .iter()
                .any(|(_, s)| signatures::is_signature(s))
        {
            signed = true;
            signed_page = l.page;
        }
        let heading = match it {
            // A heading stands alone; `Annex    23` with a column gap is a contents entry.
            Item::Line(l) if l.segments().len() == 1 => annexes::heading_kind(&fold_ref(&l.text)),
            Item::Line(_) => None,
            Item::Notes(_) => None,
        };
        // In printed documents an annex starts a page (a contents entry `Annex` does not).
        let heading = heading.filter(|(kind, _)| {
            *kind != AnnexKind::Annex
                || form == Form::Word
                || matches!(it, Item::Line(l) if l.page_start || l.page == 0)
                // A landscape page prints its heading last; an `Annex` entry that ends a page
                // of contents (dot leaders) is no heading.
                || following_lines(items, i + 1).first().is_none_or(|n| n.page_start)
                    && !matches!(it, Item::Line(l) if page_has_leaders(items, l.page))
        });
        let Some((kind, wraps)) = heading else {
            if let Some(s) = sections.last_mut() {
                s.items.push(it);
            }
            i += 1;
            continue;
        };
        let lines = following_lines(items, i);
        let n = if wraps { title::extent(&lines, 6) } else { 1 };
        let heading_text = join_folded(lines.iter().take(n).copied());
        let mut next = skip_lines(items, i, n);
        // A landscape page prints its heading last: the page's lines before it are the
        // attachment's, its title first.
        let printed_last = match it {
            Item::Line(l) if !l.page_start && l.page > 0 => take_page(&mut sections, l.page),
            _ => Vec::new(),
        };
        if !printed_last.is_empty() {
            let lines: Vec<&Line> = printed_last
                .iter()
                .filter_map(|it| match it {
                    Item::Line(l) => Some(l),
                    Item::Notes(_) => None,
                })
                .collect();
            let m = plain_title_lines(&lines);
            let title = (m > 0).then(|| join_folded(lines.iter().take(m).copied()));
            let mut rest = printed_last;
            let mut skipped = 0;
            rest.retain(|it| match it {
                Item::Line(_) if skipped < m => {
                    skipped += 1;
                    false
                }
                _ => true,
            });
            signed = false;
            sections.push(Section {
                heading: Some((kind, heading_text)),
                title,
                items: rest,
                transmitted: false,
                in_attachment: false,
            });
            keep_notes(&mut sections, items.get(i..next).unwrap_or_default());
            i = next;
            continue;
        }
        let after = following_lines(items, next);
        let mut title_text = None;
        let m = match after.first() {
            Some(first) if title::title_kind(&first.text).is_some() => title::extent(&after, 6),
            _ => plain_title_lines(&after),
        };
        if m > 0 {
            title_text = Some(join_folded(after.iter().take(m).copied()));
            next = skip_lines(items, next, m);
        }
        signed = false;
        sections.push(Section {
            heading: Some((kind, heading_text)),
            title: title_text,
            items: Vec::new(),
            transmitted: false,
            in_attachment: false,
        });
        keep_notes(&mut sections, items.get(i..next).unwrap_or_default());
        i = next;
    }
    sections
}

/// How many of an attachment's first lines are its own title ([`annexes::plain_title_extent`]).
fn plain_title_lines(lines: &[&Line]) -> usize {
    let folded: Vec<Cow<'_, str>> = lines.iter().take(4).map(|l| fold_ref(&l.text)).collect();
    let folded: Vec<&str> = folded.iter().map(AsRef::as_ref).collect();
    annexes::plain_title_extent(&folded)
}

/// The items of `page` at the end of the last section, taken out of it (with the footnotes
/// among them), in order.
fn take_page<'a>(sections: &mut [Section<'a>], page: usize) -> Vec<&'a Item> {
    let Some(last) = sections.last_mut() else {
        return Vec::new();
    };
    let from = last
        .items
        .iter()
        .rposition(|it| matches!(it, Item::Line(l) if l.page < page))
        .map_or(0, |k| k + 1);
    // A page with a signature on it is the letter's, whatever ends it.
    let signed = last
        .items
        .get(from..)
        .unwrap_or_default()
        .iter()
        .any(|it| matches!(it, Item::Line(l) if signatures::is_signature(&fold_ref(&l.text))));
    if signed {
        return Vec::new();
    }
    last.items.split_off(from)
}

/// How many lines at the top of a page open a transmitted document with its title: up to four
/// lines in one run (no blank line inside), the first with a capital, none ending a sentence
/// or carrying a paragraph or section label, followed by more text. 0 when the page opens
/// otherwise.
fn report_title_extent(lines: &[&Line]) -> usize {
    let mut n = 0;
    for (k, l) in lines.iter().enumerate() {
        let t = fold_ref(&l.text);
        let starts = k == 0 || l.blank_before;
        if k > 0 && (starts || k >= 4) {
            break;
        }
        let labelled = body::label(&t).is_some()
            || body::is_label_line(&t)
            || t.split_whitespace().next().is_some_and(body::is_label_line);
        if labelled
            || body::ends_sentence(&t)
            || t.ends_with(',')
            || signatures::is_signature(&t)
            || k == 0 && !t.starts_with(char::is_uppercase)
            || title::title_kind(&t).is_some()
            || body::is_dateline(&t)
            || crate::model::Date::parse_prose(&t).is_some()
            || t.starts_with('[')
        {
            return if k == 0 { 0 } else { n };
        }
        n += 1;
    }
    // The title is followed by the document's text.
    if lines.len() > n { n } else { 0 }
}

/// Whether a line of the page is an attachment heading on its own (`Annex`, `Annex II`).
fn page_has_annex_heading(items: &[Item], page: usize) -> bool {
    items.iter().any(|it| {
        matches!(it, Item::Line(l) if l.page == page
            && l.segments().len() == 1
            && annexes::heading_kind(&fold_ref(&l.text)).is_some())
    })
}

/// Whether a page holds a table of contents: lines with dot leaders (`Annex . . . . 25`).
fn page_has_leaders(items: &[Item], page: usize) -> bool {
    items.iter().any(|it| {
        matches!(it, Item::Line(l) if l.page == page
            && (l.text.contains(". . . .") || l.text.contains(".....")))
    })
}

struct Built {
    body: Vec<Block>,
    signatures: Vec<Signature>,
    footnotes: Vec<Footnote>,
    notes_before: Vec<Note>,
    /// Numbered notes whose call-out was not found on their page.
    missing: Vec<Note>,
}

/// Reads one section: body blocks, signature blocks, footnotes attached to their call-outs. An
/// attachment without a title may open with one its reader took for a paragraph.
fn build_section(
    items: &[&Item],
    form: Form,
    width: body::Widths,
    styled_notes: &[Line],
    opens_attachment: bool,
) -> Built {
    let mut lines: Vec<&Line> = Vec::new();
    let mut notes: Vec<Note> = Vec::new();
    for it in items {
        match it {
            Item::Line(l) => lines.push(l),
            Item::Notes(n) => notes.extend(n.iter().cloned()),
        }
    }
    let sig_at = lines
        .iter()
        .position(|l| signatures::is_signature(&fold_ref(&l.text)));
    let (body_lines, sig_lines) = match sig_at {
        Some(s) => lines.split_at(s),
        None => (&lines[..], &[][..]),
    };
    // Quotations set apart by their margin are read as sections of their own.
    let mut raw = Vec::new();
    let mut quoted: Vec<bool> = Vec::new();
    let mut at = 0;
    for run in quotes::runs(body_lines, form, width) {
        for (range, inside) in [(at..run.start, false), (run.clone(), true)] {
            let read = body::blocks(body_lines.get(range).unwrap_or_default(), form, width);
            quoted.extend(std::iter::repeat_n(inside, read.len()));
            raw.extend(read);
        }
        at = run.end;
    }
    raw.extend(body::blocks(
        body_lines.get(at..).unwrap_or_default(),
        form,
        width,
    ));
    if opens_attachment {
        body::opening_heading(&mut raw);
    }
    let (sigs, rest) = signatures::read(sig_lines, form);
    raw.extend(body::blocks(&rest, form, width));
    // Italic and bold runs, where a PDF's lines were measured: emphasis.
    let measured = lines.iter().any(|l| l.measured.is_some());
    let styles = if measured {
        let read: Vec<&Line> = body_lines.iter().chain(rest.iter()).copied().collect();
        emphasis::find(&raw, &read)
    } else {
        Vec::new()
    };

    let markers: Vec<String> = notes.iter().map(|n| n.marker.clone()).collect();
    let (callouts, missing) = link_callouts(&raw, &notes, form);
    // Superscript digits are call-outs in Word text and wherever a PDF's raised glyphs were
    // measured.
    let superscripts: Vec<String> = if form == Form::Word || measured {
        markers
    } else {
        Vec::new()
    };
    let blocks = raw
        .into_iter()
        .zip(callouts)
        .enumerate()
        .map(|(k, (r, c))| {
            let styled = styles.get(k).map_or(&[][..], Vec::as_slice);
            to_block(r, &c, &superscripts, styled)
        });
    let body = with_quotations(blocks, &quoted);
    // A note whose call-out was found as a superscript while the inlines were read (a measured
    // PDF line, Word text) is not missing. Looked for only then: most letters have no missing
    // note and no superscripts, and this runs on every section read.
    let missing = if missing.is_empty() || superscripts.is_empty() {
        missing
    } else {
        let called = called_markers(&body);
        missing
            .into_iter()
            .filter(|n| !called.contains(&n.marker))
            .collect()
    };
    Built {
        body,
        signatures: sigs,
        footnotes: notes_to_model(&notes, &superscripts, styled_notes),
        notes_before: Vec::new(),
        missing,
    }
}

/// The blocks, those read inside a quotation (`quoted`, by index; the rest are not) gathered
/// into one quotation block per run.
fn with_quotations(blocks: impl Iterator<Item = Block>, quoted: &[bool]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open = false;
    for (k, b) in blocks.enumerate() {
        let inside = quoted.get(k).copied().unwrap_or(false);
        match out.last_mut() {
            Some(Block::Quotation { body }) if inside && open => body.push(b),
            _ if inside => out.push(Block::Quotation { body: vec![b] }),
            _ => out.push(b),
        }
        open = inside;
    }
    out
}

/// The markers of every footnote call-out in `blocks`, at any depth. Read from the blocks' JSON
/// form, whose `footnote_ref` objects are the call-outs wherever a block nests them.
fn called_markers(blocks: &[Block]) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => {
                if o.get("type").and_then(|t| t.as_str()) == Some("footnote_ref")
                    && let Some(m) = o.get("marker").and_then(|m| m.as_str())
                {
                    out.push(m.to_string());
                }
                o.values().for_each(|x| walk(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(v) = serde_json::to_value(blocks) {
        walk(&v, &mut out);
    }
    out
}

/// Finds each numbered note's call-out on the page whose foot holds the note: the notes of a
/// page say which markers to look for in that page's part of the text, in order, each after the
/// one before. Searching the whole section instead lets one number taken for a call-out (`Road
/// 2`) carry the search past the real call-outs of every later note. Word text has no pages: its
/// call-outs are superscripts, found where the inlines are read. Returns the call-outs of each
/// block, and the notes left without one.
fn link_callouts(
    raw: &[Raw],
    notes: &[Note],
    form: Form,
) -> (Vec<Vec<inlines::Callout>>, Vec<Note>) {
    let mut callouts: Vec<Vec<inlines::Callout>> = vec![Vec::new(); raw.len()];
    let mut missing = Vec::new();
    // Where the last call-out was found: the next note's is after it.
    let mut cursor = (0usize, 0usize);
    for note in notes {
        let from_cursor = find_on_page(raw, note, Some(cursor));
        let in_order = from_cursor.is_some();
        let found = from_cursor.or_else(|| find_on_page(raw, note, None));
        match found {
            Some((p, c)) => {
                if in_order {
                    cursor = (p, c.end);
                }
                if let Some(v) = callouts.get_mut(p) {
                    v.push(c);
                }
            }
            // Starred notes are called from the masthead (a reissued symbol, an agenda item);
            // Word's superscript call-outs are found with the inlines.
            None if note.marker.starts_with('*') || form == Form::Word => {}
            None => missing.push(note.clone()),
        }
    }
    for v in &mut callouts {
        v.sort_by_key(|c| c.start);
        let mut end = 0;
        v.retain(|c| {
            let keep = c.start >= end;
            if keep {
                end = c.end;
            }
            keep
        });
    }
    (callouts, missing)
}

/// The call-out of `note` in the text of the note's page, at or after `cursor` (block, byte).
fn find_on_page(
    raw: &[Raw],
    note: &Note,
    cursor: Option<(usize, usize)>,
) -> Option<(usize, inlines::Callout)> {
    let (cp, co) = cursor.unwrap_or((0, 0));
    for (p, r) in raw.iter().enumerate().skip(cp) {
        let heading_page;
        let (text, pages) = match r {
            Raw::Para { text, pages, .. } => (text, pages.as_slice()),
            // A heading can carry a call-out too (`attacks against the population 23`).
            Raw::Heading(text, page) => {
                heading_page = [(*page, 0)];
                (text, heading_page.as_slice())
            }
            Raw::Table(_) => continue,
        };
        let Some(k) = pages.iter().position(|(page, _)| *page == note.page) else {
            continue;
        };
        let start = pages.get(k).map_or(0, |x| x.1);
        let end = pages.get(k + 1).map_or(text.len(), |x| x.1);
        let from = if p == cp { start.max(co) } else { start };
        if from > end {
            continue;
        }
        if let Some(c) = inlines::find_callout(text, &note.marker, from)
            && c.start <= end
        {
            return Some((p, c));
        }
    }
    None
}

fn to_block(
    raw: Raw,
    callouts: &[inlines::Callout],
    superscripts: &[String],
    styled: &[emphasis::Styled],
) -> Block {
    match raw {
        Raw::Para { num, text, .. } => Block::Paragraph {
            num: num.map(Num::new),
            content: emphasis::to_inlines(&text, callouts, superscripts, styled),
        },
        Raw::Heading(t, _) => Block::Heading {
            content: emphasis::to_inlines(&t, callouts, superscripts, styled),
        },
        Raw::Table(rows) => Block::Table {
            rows: rows
                .into_iter()
                .map(|cells| Row {
                    header: false,
                    cells: cells
                        .into_iter()
                        .map(|c| Cell {
                            content: inlines::to_inlines(&c, &[], &[]),
                        })
                        .collect(),
                })
                .collect(),
        },
    }
}

/// The notes as footnotes of the model; `styled` are the measured lines of footnote zones with
/// italic or bold runs (none for text), whose runs become the notes' emphasis.
fn notes_to_model(notes: &[Note], superscripts: &[String], styled: &[Line]) -> Vec<Footnote> {
    let texts: Vec<String> = notes.iter().map(|n| repair::repair(&n.text)).collect();
    let styles = if styled.is_empty() {
        Vec::new()
    } else {
        let refs: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
        let lines: Vec<&Line> = styled.iter().collect();
        emphasis::find_in(&refs, &lines)
    };
    notes
        .iter()
        .zip(&texts)
        .enumerate()
        .map(|(k, (n, text))| Footnote {
            marker: n.marker.clone(),
            body: if text.is_empty() {
                Vec::new()
            } else {
                let styled = styles.get(k).map_or(&[][..], Vec::as_slice);
                vec![Block::Paragraph {
                    num: None,
                    content: emphasis::to_inlines(text, &[], superscripts, styled),
                }]
            },
        })
        .collect()
}
