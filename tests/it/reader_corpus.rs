//! The extracted-text reader over the whole corpus, where it was not tuned letter by letter:
//! footnote call-outs linked, structure smells per printed page, and paragraphs that do not
//! move when the same letter is wrapped at another width. Each test prints its figure.

use std::collections::HashSet;
use std::path::PathBuf;

use unletters::model::{Annex, Block, Document, Footnote, Inline};
use unletters::text::extracted;

use crate::reader_agreement::{document_keys, unpaired};

fn corpus_dir(sub: &str) -> Option<PathBuf> {
    crate::common::shared::shared(&format!("corpus/{sub}"))
}

/// The corpus letters in default mode, each with its text and the document read from it.
fn letters() -> Option<Vec<(String, String, Document)>> {
    let dir = corpus_dir("letters")?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    Some(
        paths
            .into_iter()
            .map(|p| {
                let text = std::fs::read_to_string(&p).expect("utf-8");
                let (doc, _) =
                    extracted::read(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                let name = p
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                (name, text, doc)
            })
            .collect(),
    )
}

fn inline_text(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        match i {
            Inline::Text { text }
            | Inline::Symbol { text, .. }
            | Inline::Date { text, .. }
            | Inline::Link { text, .. } => out.push_str(text),
            Inline::FootnoteRef { marker } => out.push_str(marker),
            Inline::Emphasis { content } | Inline::Strong { content } => inline_text(content, out),
        }
    }
}

fn refs_in_inlines(inlines: &[Inline], refs: &mut HashSet<String>) {
    for i in inlines {
        match i {
            Inline::FootnoteRef { marker } => {
                refs.insert(marker.clone());
            }
            Inline::Emphasis { content } | Inline::Strong { content } => {
                refs_in_inlines(content, refs)
            }
            _ => {}
        }
    }
}

fn refs_in_blocks(blocks: &[Block], refs: &mut HashSet<String>) {
    for b in blocks {
        match b {
            Block::Paragraph { content, .. } | Block::Heading { content } => {
                refs_in_inlines(content, refs)
            }
            Block::List { items } => items.iter().for_each(|i| refs_in_blocks(&i.body, refs)),
            Block::Quotation { body } => refs_in_blocks(body, refs),
            Block::Table { rows } => rows
                .iter()
                .flat_map(|r| &r.cells)
                .for_each(|c| refs_in_inlines(&c.content, refs)),
        }
    }
}

/// (numbered notes with a call-out in their own letter or annex, numbered notes): starred notes
/// are called from the masthead, which holds no running text.
fn linked(body: &[Block], notes: &[Footnote], annexes: &[Annex]) -> (usize, usize) {
    let mut refs = HashSet::new();
    refs_in_blocks(body, &mut refs);
    for n in notes {
        refs_in_blocks(&n.body, &mut refs);
    }
    let numbered: Vec<&Footnote> = notes
        .iter()
        .filter(|n| !n.marker.chars().all(|c| c == '*'))
        .collect();
    let mut l = numbered.iter().filter(|n| refs.contains(&n.marker)).count();
    let mut t = numbered.len();
    for a in annexes {
        let (al, at) = linked(&a.body, &a.footnotes, &a.annexes);
        l += al;
        t += at;
    }
    (l, t)
}

fn pages(text: &str) -> usize {
    text.matches('\u{c}').count() + 1
}

#[test]
fn footnote_call_outs_are_linked_over_the_corpus() {
    let Some(letters) = letters() else { return };
    let (mut l, mut t) = (0, 0);
    for (_, _, d) in &letters {
        let (dl, dt) = linked(&d.body, &d.footnotes, &d.annexes);
        l += dl;
        t += dt;
    }
    let rate = l as f64 / t.max(1) as f64;
    println!(
        "footnote call-outs linked over {} letters: {l}/{t} = {rate:.3}",
        letters.len()
    );
    assert!(t > 300, "the corpus has hundreds of numbered notes: {t}");
    assert!(rate >= 0.95, "{l}/{t} footnotes linked");
}

/// A label and nothing else: `A.`, `II.`, `(c)`, `1.`.
fn is_label(s: &str) -> bool {
    let inner = s.strip_prefix('(').unwrap_or(s);
    let Some(inner) = inner.strip_suffix(['.', ')']) else {
        return false;
    };
    let one = inner.chars().count() == 1 && inner.chars().all(|c| c.is_ascii_alphabetic());
    let roman = !inner.is_empty() && inner.chars().all(|c| "ivxlcdmIVXLC".contains(c));
    let digits = (1..=3).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_digit());
    one || roman || digits
}

#[derive(Default, Debug)]
struct Smells {
    one_column_tables: usize,
    label_only_paragraphs: usize,
    lowercase_starts: usize,
    long_headings: usize,
}

fn smells(blocks: &[Block], s: &mut Smells) {
    for b in blocks {
        match b {
            Block::Paragraph { num, content } => {
                let mut t = String::new();
                inline_text(content, &mut t);
                let t = t.trim();
                if is_label(t) {
                    s.label_only_paragraphs += 1;
                } else if num.is_none()
                    && t.starts_with(char::is_lowercase)
                    // A note that is a web address opens with it: no sentence split in two.
                    && !matches!(content.first(), Some(Inline::Link { .. }))
                {
                    s.lowercase_starts += 1;
                }
            }
            Block::Heading { content } => {
                let mut t = String::new();
                inline_text(content, &mut t);
                if t.split_whitespace().count() > 25 {
                    s.long_headings += 1;
                }
            }
            Block::Table { rows } => {
                if !rows.is_empty() && rows.iter().all(|r| r.cells.len() <= 1) {
                    s.one_column_tables += 1;
                }
            }
            Block::List { items } => items.iter().for_each(|i| smells(&i.body, s)),
            Block::Quotation { body } => smells(body, s),
        }
    }
}

fn annex_smells(annexes: &[Annex], s: &mut Smells) {
    for a in annexes {
        smells(&a.body, s);
        for n in &a.footnotes {
            smells(&n.body, s);
        }
        annex_smells(&a.annexes, s);
    }
}

#[test]
fn structure_smells_over_the_corpus_are_rare() {
    let Some(letters) = letters() else { return };
    let mut s = Smells::default();
    let (mut unlinked, mut printed) = (0, 0);
    for (_, text, d) in &letters {
        smells(&d.body, &mut s);
        for n in &d.footnotes {
            smells(&n.body, &mut s);
        }
        annex_smells(&d.annexes, &mut s);
        let (l, t) = linked(&d.body, &d.footnotes, &d.annexes);
        unlinked += t - l;
        printed += pages(text);
    }
    let per100 = |n: usize| 100.0 * n as f64 / printed as f64;
    let total = s.one_column_tables
        + s.label_only_paragraphs
        + s.lowercase_starts
        + s.long_headings
        + unlinked;
    println!(
        "structure smells over {} letters, {printed} pages, per 100 pages: one-column tables \
         {:.1}, label-only paragraphs {:.1}, lower-case starts {:.1}, long headings {:.1}, \
         unlinked footnotes {:.1}; all {:.1}",
        letters.len(),
        per100(s.one_column_tables),
        per100(s.label_only_paragraphs),
        per100(s.lowercase_starts),
        per100(s.long_headings),
        per100(unlinked),
        per100(total),
    );
    assert_eq!(s.one_column_tables, 0, "a column of lines read as a table");
    assert!(per100(total) < 10.0, "{s:?}, {unlinked} unlinked footnotes");
}

/// Whether an attachment is a document transmitted after a signature with no heading of its
/// own, under a title that is not a letter's (a report).
fn is_transmitted_report(a: &Annex) -> bool {
    a.heading.is_empty()
        && a.title.as_deref().is_some_and(|t| {
            !["Letter dated", "Note verbale", "Identical letters"]
                .iter()
                .any(|k| t.starts_with(k))
        })
}

#[test]
fn a_signature_stays_with_its_letter_and_a_report_after_it_holds_its_annexes() {
    let Some(letters) = letters() else { return };
    let mut reports = 0;
    let mut after_signature = Vec::new();
    for (name, text, d) in &letters {
        // No paragraph of the covering letter is printed after its first signature line (the
        // text of a transmitted document goes to its attachment). Latin script only: the
        // right-to-left pages some letters carry are read as printed.
        if let Some(signed) = text.find("\n(Signed)") {
            let mut blocks = Vec::new();
            block_texts(&d.body, &mut blocks);
            for t in blocks {
                let latin = t.chars().filter(char::is_ascii_alphabetic).count() * 2 > t.len();
                let head: String = t.chars().take(40).collect();
                if latin && head.len() >= 30 && text.find(&head).is_some_and(|at| at > signed) {
                    after_signature.push(format!("{name}: {head}"));
                }
            }
        }
        // The annexes after a transmitted report are the report's: no attachment with a
        // heading of its own stands after it at the top.
        if let Some(k) = d.annexes.iter().position(is_transmitted_report) {
            reports += 1;
            assert!(
                d.annexes[k + 1..].iter().all(|a| a.heading.is_empty()),
                "{name}: an annex after the transmitted report stands beside it"
            );
        }
    }
    println!(
        "transmitted reports over {} letters: {reports}; letter paragraphs printed after the \
         signature: {}",
        letters.len(),
        after_signature.len()
    );
    for a in &after_signature {
        println!("  {a}");
    }
    assert!(
        reports >= 3,
        "the corpus transmits at least three reports this way"
    );
    assert!(after_signature.is_empty(), "{after_signature:#?}");
}

/// The texts of the paragraphs and headings of a body, lists and quotations included.
fn block_texts(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Paragraph { content, .. } | Block::Heading { content } => {
                let mut t = String::new();
                inline_text(content, &mut t);
                out.push(t);
            }
            Block::List { items } => items.iter().for_each(|i| block_texts(&i.body, out)),
            Block::Quotation { body } => block_texts(body, out),
            Block::Table { .. } => {}
        }
    }
}

/// The text of a paragraph as printed: its label, then its words, call-outs as their markers.
fn printed(num: Option<&str>, content: &[Inline]) -> String {
    let mut t = String::new();
    if let Some(n) = num {
        t.push_str(n);
        t.push(' ');
    }
    inline_text(content, &mut t);
    t
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Where each body paragraph of `doc` stands in `text`: the runs of consecutive lines, with no
/// blank line inside, whose characters (white space aside) are the paragraph's. A paragraph
/// broken by a page (furniture, footnotes and a form feed between its halves) has one run per
/// page.
fn paragraph_runs(text: &str, doc: &Document) -> Vec<Run> {
    let lines: Vec<&str> = text.split('\n').collect();
    let squeezed: Vec<String> = lines.iter().map(|l| squeeze(l)).collect();
    let mut runs = Vec::new();
    let mut from = 0;
    let mut blocks: Vec<&Block> = doc.body.iter().collect();
    fn annex_blocks<'a>(annexes: &'a [Annex], out: &mut Vec<&'a Block>) {
        for a in annexes {
            out.extend(a.body.iter());
            annex_blocks(&a.annexes, out);
        }
    }
    annex_blocks(&doc.annexes, &mut blocks);
    for b in blocks {
        let Block::Paragraph { num, content } = b else {
            continue;
        };
        let want = squeeze(&printed(num.as_ref().map(|n| n.text.as_str()), content));
        // A contents entry's dot leaders fill its line to the page number at whatever width:
        // no word to wrap, so the entry is left as printed.
        if want.is_empty() || want.contains(".....") {
            continue;
        }
        let found = (from..lines.len()).find_map(|i| match_at(&lines, &squeezed, i, &want));
        if let Some(segments) = found {
            from = segments.last().map_or(from, |s| s.1) + 1;
            runs.push(Run {
                segments,
                // `12.`: the reader goes on with a numbered paragraph until the next number.
                numbered: num.as_ref().is_some_and(|n| {
                    n.text
                        .strip_suffix('.')
                        .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
                }),
            });
        }
    }
    runs
}

/// A located paragraph: its segments of lines, one per page it is printed on.
struct Run {
    segments: Vec<(usize, usize)>,
    /// Numbered in arabic figures (`12.`).
    numbered: bool,
}

/// The segments of lines from `i` on that spell `want`, crossing at most one page break.
fn match_at(
    lines: &[&str],
    squeezed: &[String],
    i: usize,
    want: &str,
) -> Option<Vec<(usize, usize)>> {
    let first = squeezed.get(i)?;
    if first.is_empty() || !want.starts_with(first.as_str()) {
        return None;
    }
    let mut have = String::new();
    let mut segments = Vec::new();
    let mut start = i;
    let mut j = i;
    while j < lines.len() {
        let line = &squeezed[j];
        // A blank line between a label printed alone and its text (`21.` / `` / `In this
        // framework, ...`) is inside the paragraph.
        if line.is_empty() && j > start && !lines[j].contains('\u{c}') {
            j += 1;
            continue;
        }
        let mut grown = have.clone();
        grown.push_str(line);
        if !line.is_empty()
            && want.starts_with(&grown)
            && !(lines[j].contains('\u{c}') && j > start)
        {
            have = grown;
            if have == want {
                segments.push((start, j));
                return Some(segments);
            }
            j += 1;
            continue;
        }
        // The paragraph goes on after the page break: skip to the line that continues it, past
        // the furniture and footnotes of the page, once.
        if !segments.is_empty() || j == start {
            return None;
        }
        let brk = (j..lines.len().min(j + 80)).find(|&k| lines[k].contains('\u{c}'))?;
        let next = (brk..lines.len().min(brk + 40)).find(|&k| {
            let mut g = have.clone();
            g.push_str(&squeezed[k]);
            !squeezed[k].is_empty() && want.starts_with(&g) && g.len() > have.len()
        })?;
        segments.push((start, j - 1));
        start = next;
        j = next;
    }
    None
}

/// How wide text prints in Times New Roman, in average characters (450 thousandths of an em):
/// the typesetter of this test, kept apart from the reader's own estimate on purpose.
fn measure(t: &str) -> usize {
    let units: u32 = t
        .chars()
        .map(|c| match c {
            ' ' | '.' | ',' | '\'' | '‘' | '’' => 250,
            'i' | 'j' | 'l' | 't' | ':' | ';' | '/' | '!' | '|' => 278,
            'f' | 'r' | 'I' | '(' | ')' | '[' | ']' | '-' | '"' => 333,
            's' | 'J' => 389,
            'a' | 'c' | 'e' | 'z' | '?' | '“' | '”' => 444,
            'F' | 'P' | 'S' => 556,
            'E' | 'L' | 'T' | 'Z' => 611,
            'B' | 'C' | 'R' => 667,
            'w' | 'A' | 'D' | 'G' | 'H' | 'K' | 'N' | 'O' | 'Q' | 'U' | 'V' | 'X' | 'Y' => 722,
            'm' => 778,
            'M' | '%' => 889,
            'W' => 944,
            '—' | '@' => 1000,
            c if c.is_uppercase() => 700,
            _ => 500,
        })
        .sum();
    ((units + 225) / 450) as usize
}

/// Words wrapped greedily at `width`, the first line `indent` shorter, both in the printed
/// measure of an average character (letters are set in a proportional font: a line of capitals
/// holds fewer characters than a line of `illicit`).
fn wrap(words: &[std::borrow::Cow<str>], width: usize, indent: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in words {
        let room = if out.is_empty() {
            width - indent
        } else {
            width
        };
        if !cur.is_empty() && measure(&format!("{cur} {w}")) > room {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The words as the typesetter breaks them: a word ending in a hyphen before a word that is no
/// conjunction (`age- sensitive`, `EC- 83/DEC.5`: a space extraction put inside a compound) is
/// never left at a line's end, where a reader rightly joins it to the next; a hyphen left
/// hanging before a conjunction (`gender- and age-sensitive`) is. A call-out that extraction
/// set apart from its word (`obligations. 13`) is printed raised on the word's line, never
/// alone at the next line's start.
fn unbreakable<'a>(words: &[&'a str], markers: &HashSet<String>) -> Vec<std::borrow::Cow<'a, str>> {
    let mut out: Vec<std::borrow::Cow<'a, str>> = Vec::with_capacity(words.len());
    for w in words {
        let glued = out.last().is_some_and(|l| {
            l.ends_with('-')
                && l.trim_end_matches('-').ends_with(char::is_alphanumeric)
                && !["and", "or", "nor"].contains(w)
                || markers.contains(*w) && !l.ends_with(|c: char| c.is_ascii_digit())
        });
        match out.last_mut() {
            Some(l) if glued => *l = std::borrow::Cow::Owned(format!("{l} {w}")),
            _ => out.push(std::borrow::Cow::Borrowed(w)),
        }
    }
    out
}

/// The markers of every footnote of a document and its annexes.
fn note_markers(doc: &Document) -> HashSet<String> {
    fn of_annexes(annexes: &[Annex], out: &mut HashSet<String>) {
        for a in annexes {
            out.extend(a.footnotes.iter().map(|n| n.marker.clone()));
            of_annexes(&a.annexes, out);
        }
    }
    let mut out: HashSet<String> = doc.footnotes.iter().map(|n| n.marker.clone()).collect();
    of_annexes(&doc.annexes, &mut out);
    out
}

/// Whether a printed word is or ends in a footnote call-out (`2`, `Somalia,2`, `powers.21`).
fn holds_callout(word: &str, markers: &HashSet<String>) -> bool {
    markers.iter().any(|m| {
        word.strip_suffix(m.as_str())
            .is_some_and(|rest| !rest.ends_with(|c: char| c.is_ascii_digit()))
    })
}

/// The words printed on the lines `s..=e` of a segment.
fn words_in<'a>(lines: &[&'a str], &(s, e): &(usize, usize)) -> Vec<&'a str> {
    lines[s..=e]
        .iter()
        .flat_map(|l| l.split_whitespace())
        .collect()
}

/// A located paragraph's words, from all its segments, wrapped at `width` as the test's
/// typesetter sets them: the first line 8 shorter.
fn wrap_run(
    lines: &[&str],
    segments: &[(usize, usize)],
    width: usize,
    markers: &HashSet<String>,
) -> Vec<String> {
    let words: Vec<&str> = segments
        .iter()
        .flat_map(|seg| words_in(lines, seg))
        .collect();
    wrap(&unbreakable(&words, markers), width, 8)
}

/// How many places in the letter rewrapped at `width` the lengths of the lines cannot settle:
/// a sentence ends at the end of a full line and the next line, starting with a capital, is
/// short enough for a paragraph's indented first line and goes on, so that it may be the next
/// paragraph's first line or the paragraph's next line alike. Only what the text says decides
/// (numbered paragraphs aside, where the number does): the reader's guess there is a prior.
fn places_the_lines_cannot_settle(
    text: &str,
    runs: &[Run],
    width: usize,
    markers: &HashSet<String>,
) -> usize {
    let lines: Vec<&str> = text.split('\n').collect();
    let ends_sentence = |l: &str| {
        l.trim_end_matches(['”', '’', '"', ')'])
            .ends_with(['.', '!', '?'])
    };
    let capital = |l: &str| l.starts_with(char::is_uppercase);
    let first_word = |l: &str| l.split_whitespace().next().unwrap_or("").to_string();
    let wrapped: Vec<Vec<String>> = runs
        .iter()
        .map(|r| wrap_run(&lines, &r.segments, width, markers))
        .collect();
    let mut places = 0;
    for (k, (run, mine)) in runs.iter().zip(&wrapped).enumerate() {
        if run.numbered {
            continue;
        }
        // Inside the paragraph: a line that goes on and could have been a first line.
        places += mine
            .windows(3)
            .filter(|w| ends_sentence(&w[0]) && capital(&w[1]) && measure(&w[1]) <= width - 8)
            .count();
        // Before the next paragraph, printed right after it: a last line that was full, and a
        // first line that would have been full on a line of its own.
        let (Some(next), Some(theirs), Some(last)) =
            (runs.get(k + 1), wrapped.get(k + 1), mine.last())
        else {
            continue;
        };
        let adjacent = run
            .segments
            .last()
            .zip(next.segments.first())
            .is_some_and(|(a, b)| b.0 == a.1 + 1);
        if let [first, second, ..] = theirs.as_slice()
            && adjacent
            && !next.numbered
            && ends_sentence(last)
            && measure(&format!("{last} {}", first_word(first))) > width
            && measure(&format!("{first} {}", first_word(second))) > width
        {
            places += 1;
        }
    }
    places
}

/// The letter with every located body paragraph rewrapped; furniture, page breaks, footnotes
/// and everything else stay line for line.
fn rewrapped(text: &str, runs: &[Run], width: usize, markers: &HashSet<String>) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    // The new lines of each segment, by the segment's first line. A paragraph broken by a page
    // is wrapped whole and broken again after the line holding the last word printed before the
    // break, so the page ends on a full line, as print does. Print keeps a call-out on the page
    // of its footnote, which stays where it is: where that line would carry a call-out over the
    // break, the page ends a line earlier instead.
    let mut new: std::collections::HashMap<usize, (usize, Vec<String>)> = Default::default();
    for Run { segments: run, .. } in runs {
        let words_of = |seg: &(usize, usize)| words_in(&lines, seg);
        let wrapped = wrap_run(&lines, run, width, markers);
        let mut k = 0;
        let mut words_before = 0;
        for (n, seg) in run.iter().enumerate() {
            words_before += words_of(seg).len();
            let mut mine = Vec::new();
            let mut count: usize = wrapped[..k]
                .iter()
                .map(|l| l.split_whitespace().count())
                .sum();
            while k < wrapped.len() && (count < words_before || n + 1 == run.len()) {
                count += wrapped[k].split_whitespace().count();
                mine.push(wrapped[k].clone());
                k += 1;
            }
            if n + 1 < run.len() && mine.len() > 1 && count > words_before {
                let last: Vec<&str> = mine
                    .last()
                    .map_or(Vec::new(), |l| l.split_whitespace().collect());
                let (kept, carried) = last.split_at(last.len() - (count - words_before));
                let moves = |ws: &[&str]| ws.iter().any(|w| holds_callout(w, markers));
                if moves(carried) && !moves(kept) {
                    mine.pop();
                    k -= 1;
                }
            }
            // A segment opening a page keeps the page break before its first line.
            if lines[seg.0].starts_with('\u{c}')
                && let Some(first) = mine.first_mut()
            {
                first.insert(0, '\u{c}');
            }
            new.insert(seg.0, (seg.1, mine));
        }
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        match new.get(&i) {
            Some((e, mine)) => {
                out.extend(mine.iter().cloned());
                i = e + 1;
            }
            None => {
                out.push(lines[i].to_string());
                i += 1;
            }
        }
    }
    out.join("\n")
}

fn all_annex_blocks(annexes: &[Annex]) -> Vec<Block> {
    let mut out = Vec::new();
    for a in annexes {
        out.push(Block::Heading {
            content: vec![Inline::text(format!("{} / {:?}", a.heading, a.title))],
        });
        out.extend(a.body.iter().cloned());
        out.extend(all_annex_blocks(&a.annexes));
    }
    out
}

/// The first block where two bodies differ, for the failure list.
fn first_difference(a: &[Block], b: &[Block]) -> String {
    let show = |x: Option<&Block>| match x {
        Some(Block::Paragraph { num, content }) => {
            format!(
                "paragraph {:?}",
                printed(num.as_ref().map(|n| n.text.as_str()), content)
            )
        }
        Some(Block::Heading { content }) => format!("heading {:?}", printed(None, content)),
        Some(other) => format!("{other:?}"),
        None => "nothing".to_string(),
    };
    let at = (0..a.len().max(b.len()))
        .find(|&i| a.get(i) != b.get(i))
        .unwrap_or(0);
    let (x, y) = (show(a.get(at)), show(b.get(at)));
    // From a little before where the two first part.
    let same = x
        .char_indices()
        .zip(y.chars())
        .find(|((_, c), d)| c != d)
        .map_or(x.len().min(y.len()), |((i, _), _)| i);
    let from = x
        .char_indices()
        .map(|(i, _)| i)
        .rfind(|&i| i + 60 <= same)
        .unwrap_or(0);
    let cut = |s: &str| {
        s.get(from..)
            .unwrap_or(s)
            .chars()
            .take(110)
            .collect::<String>()
    };
    format!("block {at}: ...{} / rewrapped: ...{}", cut(&x), cut(&y))
}

#[test]
fn paragraphs_do_not_move_with_the_wrap_width() {
    let Some(letters) = letters() else { return };
    let widths = [72, 80, 96];
    let mut failures = Vec::new();
    let (mut located, mut blocks, mut moved) = (0, 0, 0);
    let mut unsettled_letters = Vec::new();
    for (name, text, doc) in &letters {
        let runs = paragraph_runs(text, doc);
        let markers = note_markers(doc);
        located += runs.len();
        let keys = document_keys(doc);
        let mut first_failure = None;
        let unsettled = widths
            .iter()
            .map(|&w| places_the_lines_cannot_settle(text, &runs, w, &markers))
            .sum::<usize>();
        if unsettled > 0 {
            unsettled_letters.push(name.as_str());
        }
        for width in widths {
            let again = rewrapped(text, &runs, width, &markers);
            // `REWRAP_DUMP=DIR` keeps the rewrapped letters, to read a failure's lines.
            if let Ok(dir) = std::env::var("REWRAP_DUMP") {
                let path = std::path::Path::new(&dir).join(format!("{name}.{width}"));
                std::fs::create_dir_all(&dir)
                    .and_then(|()| std::fs::write(&path, &again))
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            }
            let (d2, _) = extracted::read(&again).unwrap_or_else(|e| panic!("{name}: {e}"));
            blocks += keys.len();
            moved += unpaired(&keys, &document_keys(&d2));
            if first_failure.is_some() {
                continue;
            }
            if d2.body != doc.body {
                first_failure = Some(format!(
                    "{name} at width {width}: {}",
                    first_difference(&doc.body, &d2.body)
                ));
            } else if d2.annexes != doc.annexes {
                let (a, b) = (
                    all_annex_blocks(&doc.annexes),
                    all_annex_blocks(&d2.annexes),
                );
                first_failure = Some(format!(
                    "{name} at width {width}: annexes: {}",
                    first_difference(&a, &b)
                ));
            }
        }
        failures.extend(first_failure.map(|f| (f, unsettled > 0)));
    }
    let passed = letters.len() - failures.len();
    let rate = passed as f64 / letters.len() as f64;
    println!(
        "rewrapped at widths {widths:?} ({located} paragraphs located): {passed}/{} letters \
         read the same = {rate:.3}; {moved} of {blocks} blocks read otherwise ({:.4})",
        letters.len(),
        moved as f64 / blocks as f64
    );
    let unsettled_failures = failures.iter().filter(|f| f.1).count();
    println!(
        "  {} letters hold a place that line lengths cannot settle ({} of them read the same; \
         failures marked ~):",
        unsettled_letters.len(),
        unsettled_letters.len() - unsettled_failures
    );
    for (f, unsettled) in &failures {
        println!("  {}{f}", if *unsettled { "~ " } else { "" });
    }
    // Ratchets: the bars stand just under where the reader is today (118/163 = 0.724 letters,
    // MOVED_BAR blocks, on 2026-12-01; see README, Reading letter text), so a change that moves
    // more paragraphs fails. The aim is 0.95 of the letters.
    assert!(
        rate >= REWRAP_BAR,
        "{} letters read differently",
        failures.len()
    );
    assert!(
        moved <= MOVED_BAR,
        "{moved} blocks read otherwise, more than the {MOVED_BAR} of before"
    );
}

const REWRAP_BAR: f64 = 0.72;
const MOVED_BAR: usize = 1_325;
