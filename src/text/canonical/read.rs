//! The canonical text reader: the README's grammar back to a [`Document`], with line:column in
//! every error.
//!
//! Lines are split into groups at blank lines (a blank line followed by an indented line stays in
//! its group: it separates blocks inside a list item or footnote). Each group is read by the kind
//! of its first line; containers strip their prefix and read their content as blocks again.

use super::inline::{Inlines, Problem, plain, unescape};
use super::*;
use crate::error::{Error, Position, Result};
use crate::model::{
    AgendaItem, Annex, Block, Cell, Date, Document, Footnote, Inline, ListItem, Num, Row, Session,
    Signature,
};
use crate::symbol::Symbol;

/// One input line: its 1-based number, the 0-based character column its text starts at (after
/// the prefixes of the containers around it), and the text.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    no: usize,
    col: usize,
    text: &'a str,
}

impl<'a> Line<'a> {
    /// An error at byte offset `at` of this line's text: invalid input, or nesting beyond the
    /// limit, which the user may raise.
    fn error(&self, at: usize, problem: impl Into<Problem>) -> Error {
        let at = at.min(self.text.len());
        let column = self.col + self.text.get(..at).map_or(0, |s| s.chars().count()) + 1;
        problem.into().at(Some(Position {
            line: self.no,
            column,
        }))
    }

    /// The line without its first `n` bytes (an ASCII prefix).
    fn skip(&self, n: usize) -> Line<'a> {
        Line {
            no: self.no,
            col: self.col + self.text.get(..n).map_or(0, |s| s.chars().count()),
            text: self.text.get(n..).unwrap_or_default(),
        }
    }

    fn unescape(&self) -> Result<String> {
        unescape(self.text).map_err(|(at, m)| self.error(at, m))
    }

    fn inlines(&self, max: usize) -> Result<Vec<Inline>> {
        let mut p = Inlines::with_max_depth(self.text, max);
        p.sequence(None).map_err(|(at, m)| self.error(at, m))
    }
}

/// Lines between blank lines; never empty (see [`groups`]).
type Group<'l, 'a> = &'l [Line<'a>];

/// An error at the start of a group's first line (without a line, an error without position).
fn group_error(group: &[Line<'_>], problem: impl Into<Problem>) -> Error {
    match group.first() {
        Some(l) => l.error(0, problem),
        None => problem.into().at(None),
    }
}

/// The kind of a group's first line.
fn group_kind(group: &[Line<'_>]) -> LineKind {
    group.first().map_or(LineKind::Blank, |l| classify(l.text))
}

/// Reads canonical text, with spans, containers (lists, quotations, footnotes) and annexes each
/// nesting at most `max_depth` levels; deeper nesting is an [`Error::TooDeep`] naming
/// `--max-text-depth`.
pub fn read(input: &str, max_depth: usize) -> Result<Document> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let lines: Vec<Line<'_>> = input
        .split('\n')
        .enumerate()
        .map(|(i, text)| Line {
            no: i + 1,
            col: 0,
            text: text.strip_suffix('\r').unwrap_or(text),
        })
        .collect();
    let Some(first) = lines.first() else {
        return Err(Error::invalid("empty input"));
    };
    let mut doc = Document::default();
    read_marker(first, &mut doc)?;
    let all = groups(lines.get(1..).unwrap_or_default());
    let Some(rule) = all
        .iter()
        .position(|g| g.len() == 1 && g.first().is_some_and(|l| is_rule(l.text)))
    else {
        return Err(Error::invalid(
            "no masthead rule (a line of underscores) ends the masthead",
        ));
    };
    let (masthead_groups, rest) = all.split_at(rule);
    read_masthead(masthead_groups, first, &mut doc)?;
    let rule_line = rest
        .first()
        .and_then(|g| g.first())
        .copied()
        .unwrap_or(*first);
    let Some(title) = rest.get(1) else {
        return Err(rule_line.error(0, "the title is missing after the masthead rule"));
    };
    read_title(title, &mut doc)?;
    let parts = section(rest.get(2..).unwrap_or_default(), 0, max_depth)?;
    doc.body = parts.body;
    doc.signatures = parts.signatures;
    doc.footnotes = parts.footnotes;
    doc.annexes = parts.annexes;
    Ok(doc)
}

fn read_marker(first: &Line<'_>, doc: &mut Document) -> Result<()> {
    let Some(rest) = first.text.strip_prefix(MARKER) else {
        return Err(if is_canonical(first.text) {
            first.error(
                0,
                format!("unsupported canonical text version (this build reads {MARKER:?})"),
            )
        } else {
            first.error(0, format!("canonical text starts with the line {MARKER:?}"))
        });
    };
    if rest.is_empty() {
        return Ok(());
    }
    let field = first.skip(MARKER.len() + 1);
    match rest.strip_prefix(' ').map(|_| field_line(field.text)) {
        Some(Some((name, value))) if name == "format" => {
            doc.format = value;
            Ok(())
        }
        _ => Err(field.error(
            0,
            "expected `[VERSION]{format}` or nothing after the marker",
        )),
    }
}

/// Splits lines into groups at blank lines; a blank line followed by an indented line stays.
fn groups<'l, 'a>(lines: &'l [Line<'a>]) -> Vec<Group<'l, 'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if line.text.is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            let next_text = lines
                .get(end..)
                .unwrap_or_default()
                .iter()
                .position(|l| !l.text.is_empty());
            match next_text {
                Some(0) => end += 1,
                Some(k) if lines.get(end + k).is_some_and(|l| l.text.starts_with("  ")) => {
                    end += k + 1;
                }
                _ => break,
            }
        }
        out.extend(lines.get(start..end));
        i = end;
    }
    out
}

fn read_masthead(groups: &[Group<'_, '_>], marker: &Line<'_>, doc: &mut Document) -> Result<()> {
    let Some((top, rest)) = groups.split_first() else {
        return Err(marker.error(
            0,
            format!("the masthead (`{UNITED_NATIONS}` ...) is missing"),
        ));
    };
    read_masthead_top(top, doc)?;
    for (i, group) in rest.iter().enumerate() {
        match group {
            [only] if i + 1 == rest.len() => doc.job_number = Some(only.unescape()?),
            [only] => return Err(only.error(0, "a session needs its organ and its session line; a job number must be the masthead's last line")),
            _ => doc.sessions.push(read_session(group)?),
        }
    }
    Ok(())
}

fn read_masthead_top(top: Group<'_, '_>, doc: &mut Document) -> Result<()> {
    let mut lines = top.iter();
    let mut line = lines.next();
    if let Some(l) = line.filter(|l| l.text != UNITED_NATIONS) {
        let mut at = 0;
        for part in l.text.split(JOINT) {
            let symbol = Symbol::parse(part).map_err(|e| l.error(at, e.to_string()))?;
            doc.symbols.push(symbol);
            at += part.len() + JOINT.len_utf8();
        }
        line = lines.next();
    }
    match line {
        Some(l) if l.text == UNITED_NATIONS => {}
        Some(l) => return Err(l.error(0, format!("expected `{UNITED_NATIONS}` after the symbols"))),
        None => {
            return Err(group_error(
                top,
                format!("expected `{UNITED_NATIONS}` after the symbols"),
            ));
        }
    }
    // Organs, then the issue lines in their printed order.
    #[derive(PartialEq, PartialOrd)]
    enum At {
        Organs,
        Distr,
        Date,
        Language,
        Original,
    }
    let mut at = At::Organs;
    for l in lines {
        if l.text.starts_with(DISTR) && at < At::Distr {
            doc.distribution = Some(labelled_value(l, DISTR)?);
            at = At::Distr;
        } else if let (Some(d), true) = (Date::parse_prose(l.text), at < At::Date) {
            doc.date = Some(d);
            at = At::Date;
        } else if let (Some((name, value)), true) = (field_line(l.text), at < At::Language) {
            if name != "language" {
                return Err(l.error(0, format!("unexpected `{{{name}}}` in the masthead")));
            }
            doc.language = Some(value);
            at = At::Language;
        } else if l.text.starts_with(ORIGINAL) && at < At::Original {
            doc.original_language = Some(labelled_value(l, ORIGINAL)?);
            at = At::Original;
        } else if at == At::Organs {
            doc.organs.push(l.unescape()?);
        } else if at < At::Language {
            doc.language = Some(l.unescape()?);
            at = At::Language;
        } else {
            return Err(l.error(0, "unexpected line after the masthead's `Original:` line"));
        }
    }
    Ok(())
}

/// The value after `Distr.:` or `Original:`.
fn labelled_value(l: &Line<'_>, label: &str) -> Result<String> {
    let rest = l.skip(label.len());
    if rest.text.is_empty() {
        return Ok(String::new());
    }
    if !rest.text.starts_with(' ') {
        return Err(rest.error(0, format!("expected a space after `{label}`")));
    }
    rest.skip(1).unescape()
}

fn read_session(group: Group<'_, '_>) -> Result<Session> {
    let [organ, name, rest @ ..] = group else {
        return Err(group_error(
            group,
            "a session needs its organ and its session line",
        ));
    };
    let mut session = Session {
        organ: organ.unescape()?,
        name: name.unescape()?,
        agenda_label: None,
        agenda_items: Vec::new(),
    };
    let mut rest = rest;
    if let Some((l, after)) = rest.split_first() {
        if !l.text.starts_with(' ') {
            session.agenda_label = Some(l.unescape()?);
            rest = after;
        }
    }
    for l in rest {
        if l.text.starts_with("    ") {
            let Some(item) = session.agenda_items.last_mut() else {
                return Err(l.error(0, "a subheading needs an agenda item above it"));
            };
            item.subheadings.push(l.skip(4).unescape()?);
        } else if l.text.starts_with("  ") {
            let item = l.skip(2);
            let Some(dot) = unescaped_find(item.text, |c| c == '.') else {
                return Err(item.error(
                    0,
                    "expected `NUMBER. TITLE` (escape a dot in the number as `\\.`)",
                ));
            };
            let number = Line {
                text: &item.text[..dot],
                ..item
            }
            .unescape()?;
            let after = item.skip(dot + 1);
            let title = if after.text.is_empty() {
                String::new()
            } else if after.text.starts_with(' ') {
                after.skip(1).unescape()?
            } else {
                return Err(after.error(0, "expected a space after the agenda item number"));
            };
            session.agenda_items.push(AgendaItem {
                number,
                title,
                subheadings: Vec::new(),
            });
        } else {
            return Err(l.error(0, "expected an agenda item (indented two spaces)"));
        }
    }
    Ok(session)
}

/// A whole line `[VALUE]{NAME}`: the name and the unescaped value.
fn field_line(text: &str) -> Option<(String, String)> {
    if !text.starts_with('[') || text.starts_with("[^") {
        return None;
    }
    let mut p = Inlines::new(text);
    let (content, name, value) = p.marked().ok()?;
    (p.at == text.len() && value.is_none())
        .then(|| plain(&content).map(|v| (name, v)))
        .flatten()
}

fn read_title(group: Group<'_, '_>, doc: &mut Document) -> Result<()> {
    let fields = group
        .iter()
        .rev()
        .take_while(|l| field_line(l.text).is_some())
        .count();
    let (head, field_lines) = group
        .split_at_checked(group.len().saturating_sub(fields))
        .unwrap_or((group, &[]));
    let Some((title_line, headings)) = head.split_last() else {
        return Err(group_error(group, "the title group has no title line"));
    };
    for h in headings {
        doc.title_headings.push(h.unescape()?);
    }
    let mut kind = None;
    let mut marked = Vec::new();
    doc.title = title_spans(title_line, &mut marked)?;
    for l in field_lines {
        let (name, value) = field_line(l.text).unwrap_or_default();
        marked.push((l, 0, name, value));
    }
    for (l, at, name, value) in marked {
        match name.as_str() {
            "date" => {
                let Some(d) = Date::parse_prose(&value) else {
                    return Err(l.error(
                        at,
                        format!("not a date: {value:?} (expected `17 January 2025`)"),
                    ));
                };
                set_once(&mut doc.letter_date, d, l, at, "letter date")?;
            }
            "from" => set_once(&mut doc.sender, value, l, at, "sender")?,
            "to" => doc.addressees.push(value),
            "kind" if kind.is_none() => {
                kind = Some(kind_from_name(&value).ok_or_else(|| {
                    l.error(at, format!("unknown kind {value:?} (letter, identical_letters, note_verbale, other)"))
                })?);
            }
            other => return Err(l.error(at, format!("unexpected `{{{other}}}` in the title"))),
        }
    }
    doc.kind = kind.unwrap_or_else(|| title_kind(&doc.title));
    Ok(())
}

fn set_once<T>(slot: &mut Option<T>, value: T, l: &Line<'_>, at: usize, what: &str) -> Result<()> {
    if slot.is_some() {
        return Err(l.error(at, format!("the {what} is given twice")));
    }
    *slot = Some(value);
    Ok(())
}

/// The title line's text, with the fields it marks (`[...]{date}`, `{from}`, `{to}`).
fn title_spans<'l, 'a>(
    l: &'l Line<'a>,
    marked: &mut Vec<(&'l Line<'a>, usize, String, String)>,
) -> Result<String> {
    let mut p = Inlines::new(l.text);
    let mut title = String::new();
    while let Some(c) = p.peek() {
        match c {
            '[' => {
                let at = p.at;
                let (content, name, value) = p.marked().map_err(|(a, m)| l.error(a, m))?;
                let text = plain(&content)
                    .ok_or_else(|| l.error(at, "expected plain text in a title span"))?;
                if value.is_some() || !matches!(name.as_str(), "date" | "from" | "to") {
                    return Err(l.error(
                        at,
                        format!("unexpected `{{{name}}}` in the title (expected date, from or to)"),
                    ));
                }
                title.push_str(&text);
                marked.push((l, at, name, text));
            }
            ']' => return Err(l.error(p.at, "unmatched `]` (escape it as `\\]`)")),
            _ => p.text_char(&mut title).map_err(|(a, m)| l.error(a, m))?,
        }
    }
    Ok(title)
}

/// What a covering letter and an annex hold.
#[derive(Default)]
struct Parts {
    body: Vec<Block>,
    signatures: Vec<Signature>,
    footnotes: Vec<Footnote>,
    annexes: Vec<Annex>,
}

/// Body blocks, then signatures, then footnotes, then annexes one level deeper than `depth`.
fn section(groups: &[Group<'_, '_>], depth: usize, max: usize) -> Result<Parts> {
    let mut parts = Parts::default();
    let mut i = 0;
    while let Some(&group) = groups.get(i) {
        match group_kind(group) {
            LineKind::Annex(d) if d == depth + 1 && d > max => {
                return Err(group_error(group, Problem::TooDeep(max)));
            }
            LineKind::Annex(d) if d == depth + 1 => {
                let end = groups
                    .iter()
                    .skip(i + 1)
                    .position(|&g| matches!(group_kind(g), LineKind::Annex(k) if k <= d))
                    .map_or(groups.len(), |k| i + 1 + k);
                parts
                    .annexes
                    .push(annex(groups.get(i..end).unwrap_or_default(), d, max)?);
                i = end;
                continue;
            }
            LineKind::Annex(d) => {
                return Err(group_error(
                    group,
                    format!(
                        "an annex heading of level {d} here must be of level {}",
                        depth + 1
                    ),
                ));
            }
            _ if !parts.annexes.is_empty() => {
                return Err(group_error(
                    group,
                    "only annexes may follow an annex at this level",
                ));
            }
            LineKind::Footnote => parts.footnotes.push(footnote(group, max)?),
            _ if !parts.footnotes.is_empty() => {
                return Err(group_error(
                    group,
                    "only footnotes and annexes may follow footnotes",
                ));
            }
            LineKind::Signature => parts.signatures.push(signature(group)?),
            _ if !parts.signatures.is_empty() => {
                return Err(group_error(
                    group,
                    "only signatures, footnotes and annexes may follow a signature",
                ));
            }
            _ => parts.body.push(block(group, 0, max)?),
        }
        i += 1;
    }
    Ok(parts)
}

fn annex(groups: &[Group<'_, '_>], depth: usize, max: usize) -> Result<Annex> {
    let Some((&head, rest)) = groups.split_first() else {
        return Err(Error::invalid("an annex needs its heading"));
    };
    let Some(first) = head.first() else {
        return Err(Error::invalid("an annex needs its heading"));
    };
    let line = first.skip(depth + 1);
    let (kind, heading) = if line.text.starts_with('[') {
        let mut p = Inlines::new(line.text);
        let (content, name, value) = p.marked().map_err(|(a, m)| line.error(a, m))?;
        let kind =
            annex_kind_from_name(&name).filter(|_| value.is_none() && p.at == line.text.len());
        match (kind, plain(&content)) {
            (Some(k), Some(h)) => (k, h),
            _ => {
                return Err(line.error(
                    0,
                    "expected `[HEADING]{annex|enclosure|appendix}` or a plain heading",
                ));
            }
        }
    } else {
        let heading = line.unescape()?;
        (heading_kind(&heading), heading)
    };
    let mut annex = Annex::new(kind, heading);
    match head {
        [_] => {}
        [_, title] => annex.title = Some(title.unescape()?),
        [_, _, extra, ..] => {
            return Err(extra.error(0, "an annex heading has at most one title line under it"));
        }
        [] => {}
    }
    let parts = section(rest, depth, max)?;
    annex.body = parts.body;
    annex.signatures = parts.signatures;
    annex.footnotes = parts.footnotes;
    annex.annexes = parts.annexes;
    Ok(annex)
}

fn signature(group: Group<'_, '_>) -> Result<Signature> {
    let Some((first, more)) = group.split_first() else {
        return Err(Error::invalid("a signature needs its line"));
    };
    let (signed, mark) = if first.text.starts_with(SIGNED) {
        (true, SIGNED)
    } else {
        (false, UNSIGNED)
    };
    let rest = first.skip(mark.len());
    let name = if rest.text.is_empty() {
        String::new()
    } else {
        rest.skip(1).unescape()?
    };
    let titles = more.iter().map(Line::unescape).collect::<Result<_>>()?;
    Ok(Signature {
        name,
        titles,
        signed,
    })
}

fn footnote(group: Group<'_, '_>, max: usize) -> Result<Footnote> {
    let Some((first, more)) = group.split_first() else {
        return Err(Error::invalid("a footnote needs its line"));
    };
    let end = footnote_marker_end(first.text).unwrap_or(first.text.len());
    let marker = Line {
        text: &first.text[2..end - 2],
        ..first.skip(2)
    }
    .unescape()?;
    let body = contained(first.skip(end), more, 0, max)?;
    Ok(Footnote { marker, body })
}

/// A container's content: what follows its marker on the first line (`rest`, empty or starting
/// with a space) and its indented continuation lines, read as blocks.
fn contained<'a>(
    rest: Line<'a>,
    more: &[Line<'a>],
    depth: usize,
    max: usize,
) -> Result<Vec<Block>> {
    let mut lines = Vec::with_capacity(more.len() + 1);
    if !rest.text.is_empty() {
        if !rest.text.starts_with(' ') || rest.text.len() == 1 {
            return Err(rest.error(0, "expected a space and text, or nothing, after the marker"));
        }
        lines.push(rest.skip(1));
    }
    for l in more {
        if l.text.is_empty() {
            lines.push(*l);
        } else if l.text.starts_with("  ") {
            lines.push(l.skip(2));
        } else {
            return Err(l.error(0, "expected a line indented by two spaces"));
        }
    }
    blocks(&lines, depth, max)
}

fn blocks(lines: &[Line<'_>], depth: usize, max: usize) -> Result<Vec<Block>> {
    if depth >= max {
        return Err(lines.first().map_or_else(
            || Problem::TooDeep(max).at(None),
            |l| l.error(0, Problem::TooDeep(max)),
        ));
    }
    groups(lines)
        .into_iter()
        .map(|g| block(g, depth + 1, max))
        .collect()
}

fn block(group: Group<'_, '_>, depth: usize, max: usize) -> Result<Block> {
    let Some(first) = group.first() else {
        return Err(Error::invalid("a block needs a line"));
    };
    let single = |b: Block| match group.get(1) {
        Some(l) => Err(l.error(
            0,
            "a paragraph or heading is one line: separate blocks with a blank line",
        )),
        None => Ok(b),
    };
    match classify(first.text) {
        LineKind::Heading => {
            let content = if first.text.len() == 1 {
                Vec::new()
            } else {
                first.skip(2).inlines(max)?
            };
            single(Block::Heading { content })
        }
        LineKind::Quote => {
            let mut inner = Vec::with_capacity(group.len());
            for l in group {
                inner.push(match l.text {
                    ">" => l.skip(1),
                    t if t.starts_with("> ") => l.skip(2),
                    _ => return Err(l.error(0, "expected `> ` in a quotation")),
                });
            }
            Ok(Block::Quotation {
                body: blocks(&inner, depth, max)?,
            })
        }
        LineKind::ListItem => list(group, depth, max),
        LineKind::Table => table(group, max),
        LineKind::EmptyList => single(Block::List { items: Vec::new() }),
        LineKind::EmptyTable => single(Block::Table { rows: Vec::new() }),
        LineKind::Paragraph => {
            let (num, content) = match leading_label(first.text) {
                Some((label, after)) => {
                    let rest = first.skip(first.text.len() - after.len());
                    let content = if rest.text.is_empty() {
                        Vec::new()
                    } else {
                        rest.skip(1).inlines(max)?
                    };
                    (Some(Num::new(label)), content)
                }
                None => (None, first.inlines(max)?),
            };
            single(Block::Paragraph { num, content })
        }
        LineKind::Signature => {
            Err(first.error(0, "a signature stands after the body, not inside a block"))
        }
        LineKind::Footnote => {
            Err(first.error(0, "a footnote stands after the body, not inside a block"))
        }
        LineKind::Annex(_) => Err(first.error(0, "an annex heading cannot stand inside a block")),
        LineKind::Rule => Err(first.error(0, "a rule (underscores) only ends the masthead")),
        LineKind::Indented | LineKind::Blank => Err(first.error(0, "unexpected indentation")),
    }
}

fn list(group: Group<'_, '_>, depth: usize, max: usize) -> Result<Block> {
    let mut items = Vec::new();
    let mut i = 0;
    while let Some(first) = group.get(i) {
        if classify(first.text) != LineKind::ListItem {
            return Err(first.error(0, "expected a list item (`- `)"));
        }
        let end = group
            .iter()
            .skip(i + 1)
            .position(|l| !l.text.is_empty() && !l.text.starts_with("  "))
            .map_or(group.len(), |k| i + 1 + k);
        let rest = first.skip(1);
        let (num, rest) = match rest.text.strip_prefix(' ').and_then(leading_label) {
            Some((label, after)) => (
                Some(Num::new(label)),
                rest.skip(rest.text.len() - after.len()),
            ),
            None => (None, rest),
        };
        items.push(ListItem {
            num,
            body: contained(rest, group.get(i + 1..end).unwrap_or_default(), depth, max)?,
        });
        i = end;
    }
    Ok(Block::List { items })
}

fn table(group: Group<'_, '_>, max: usize) -> Result<Block> {
    let mut rows: Vec<Row> = Vec::new();
    let mut marked = false;
    for l in group {
        let t = l.text;
        let separator =
            t.len() > 2 && t.starts_with("|-") && t.bytes().all(|b| b == b'|' || b == b'-');
        if separator {
            match rows.last_mut() {
                Some(r) if !marked => r.header = true,
                _ => {
                    return Err(l.error(0, "a `|---|` line marks the row above it as a header row"));
                }
            }
            marked = true;
            continue;
        }
        if !t.starts_with('|') {
            return Err(l.error(0, "expected a table row (`| cell | cell |`)"));
        }
        rows.push(Row {
            header: false,
            cells: cells(l, max)?,
        });
        marked = false;
    }
    Ok(Block::Table { rows })
}

fn cells(l: &Line<'_>, max: usize) -> Result<Vec<Cell>> {
    let mut out = Vec::new();
    let mut at = 1;
    loop {
        let rest = &l.text[at..];
        if rest.is_empty() {
            return Ok(out);
        }
        let Some(bar) = unescaped_find(rest, |c| c == '|') else {
            return Err(l.error(l.text.len(), "expected `|` at the end of the row"));
        };
        let cell = &rest[..bar];
        let inner = cell.strip_prefix(' ').and_then(|c| c.strip_suffix(' '));
        let Some(inner) = inner else {
            return Err(l.error(
                at,
                "a cell is written `| text |`, with one space inside each bar",
            ));
        };
        let line = Line {
            text: inner,
            ..l.skip(at + 1)
        };
        out.push(Cell {
            content: line.inlines(max)?,
        });
        at += bar + 1;
    }
}

/// A label at the start of a line (`1.`, `(a)`, `[1]{num}`) followed by a space or the end:
/// the label and what follows it.
pub(super) fn leading_label(text: &str) -> Option<(String, &str)> {
    let (label, after) = if text.starts_with('[') && !text.starts_with("[^") {
        let mut p = Inlines::new(text);
        let (content, name, value) = p.marked().ok()?;
        if name != "num" || value.is_some() {
            return None;
        }
        (plain(&content)?, &text[p.at..])
    } else {
        let end = text.find(' ').unwrap_or(text.len());
        let token = &text[..end];
        if !is_plain_label(token) {
            return None;
        }
        (token.to_string(), &text[end..])
    };
    (after.is_empty() || after.starts_with(' ')).then_some((label, after))
}
