//! Signature blocks: `(Signed) Name` (or `/-/ Name`) followed by the signatory's titles, one block
//! per signatory. Side-by-side blocks in `-layout` are taken apart by column.

use super::lines::{Form, Line, fold};
use crate::model::Signature;

const MARKERS: [&str; 5] = ["(Signed)", "(signed)", "(Sgd.)", "/-/", "(Sgd)"];

/// The text after a signature marker, when the line starts with one.
pub fn signed_rest(t: &str) -> Option<&str> {
    let t = t.trim_start();
    MARKERS
        .iter()
        .find_map(|m| t.strip_prefix(m))
        .map(str::trim)
}

/// Whether a line opens a signature block.
pub fn is_signature(t: &str) -> bool {
    signed_rest(t).is_some()
}

/// Reads the signature blocks from their first line on. Lines that read as prose rather than a
/// title (long, ending a sentence) end the blocks; they are returned so no word is lost.
pub fn read<'a>(lines: &[&'a Line], form: Form) -> (Vec<Signature>, Vec<&'a Line>) {
    let mut sigs: Vec<Signature> = Vec::new();
    let mut rest = Vec::new();
    let mut columns: Vec<usize> = Vec::new();
    let mut done = false;
    for (i, line) in lines.iter().enumerate() {
        if done {
            rest.push(*line);
            continue;
        }
        let segs: Vec<(usize, String)> = if form == Form::Layout {
            line.segments()
                .into_iter()
                .map(|(c, s)| (c, fold(s)))
                .collect()
        } else {
            vec![(line.col, fold(&line.text))]
        };
        let signed_segs = segs.iter().filter(|(_, s)| is_signature(s)).count();
        if signed_segs > 1 {
            columns = segs.iter().map(|(c, _)| *c).collect();
            for (_, s) in &segs {
                sigs.push(new_sig(signed_rest(s).unwrap_or(s)));
            }
            continue;
        }
        if let [(_, only)] = segs.as_slice()
            && signed_segs == 1
        {
            columns.clear();
            sigs.push(new_sig(signed_rest(only).unwrap_or_default()));
            continue;
        }
        let text = fold(&line.text);
        // A numbered paragraph (`1.` alone, or `1. The Republic ...`) is never a title.
        let prose = text.chars().count() > 70 && super::body::ends_sentence(&text)
            || super::body::is_label_line(&text)
            || super::body::label(&text).is_some_and(|(l, _)| l.ends_with('.'));
        // The next letter (`Letter dated ...` of a transmitted letter, an identical letter)
        // starts right after a signatory's titles.
        let next_letter = super::title::title_kind(&text).is_some();
        // A block whose name and a title are read does not go on over a page break.
        let complete = sigs
            .last()
            .is_some_and(|s| !s.name.is_empty() && !s.titles.is_empty());
        if sigs.is_empty() || prose || next_letter || i > 0 && line.page_start && complete {
            done = true;
            rest.push(*line);
            continue;
        }
        // Who the next signatory signs for (`For MONUSCO:` / `(Signed) ...`) is no title of
        // the one before: it stays in the text, as it does where the signatures stand side by
        // side under one such line each.
        if text.ends_with(':')
            && lines
                .get(i + 1)
                .is_some_and(|n| is_signature(&fold(&n.text)))
        {
            rest.push(*line);
            continue;
        }
        if columns.len() > 1 && segs.len() > 1 {
            let first = sigs.len() - columns.len().min(sigs.len());
            for (col, s) in &segs {
                let k = nearest(&columns, *col);
                if let Some(sig) = sigs.get_mut(first + k) {
                    add_line(sig, s);
                }
            }
            continue;
        }
        if let Some(sig) = sigs.last_mut() {
            if sig.titles.len() >= 6 {
                done = true;
                rest.push(*line);
                continue;
            }
            add_line(sig, &text);
        }
    }
    (sigs, rest)
}

fn nearest(columns: &[usize], col: usize) -> usize {
    columns
        .iter()
        .enumerate()
        .min_by_key(|(_, c)| c.abs_diff(col))
        .map_or(0, |(k, _)| k)
}

fn new_sig(name: &str) -> Signature {
    Signature {
        name: name.to_string(),
        titles: Vec::new(),
        signed: true,
    }
}

fn add_line(sig: &mut Signature, text: &str) {
    if sig.name.is_empty() {
        sig.name = text.to_string();
    } else {
        sig.titles.push(text.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::extracted::lines::split;

    #[test]
    fn blocks_and_titles() {
        let lines = split(
            "(Signed) Tofig Musayev\nAmbassador\nPermanent Representative\n(Signed)\nJane Doe\nChair",
            Form::Default,
        );
        let refs: Vec<&Line> = lines.iter().collect();
        let (sigs, rest) = read(&refs, Form::Default);
        assert!(rest.is_empty());
        assert_eq!(sigs.len(), 2);
        assert_eq!(sigs[0].name, "Tofig Musayev");
        assert_eq!(sigs[0].titles, ["Ambassador", "Permanent Representative"]);
        assert_eq!(sigs[1].name, "Jane Doe");
    }

    #[test]
    fn who_the_next_signatory_signs_for_is_no_title() {
        let lines = split(
            "(Signed) Ann Lee\nMinister for Foreign Affairs\nFor the Mission:\n(Signed) Bo Kim\n\
             Head of the Mission",
            Form::Default,
        );
        let refs: Vec<&Line> = lines.iter().collect();
        let (sigs, rest) = read(&refs, Form::Default);
        assert_eq!(sigs.len(), 2);
        assert_eq!(sigs[0].titles, ["Minister for Foreign Affairs"]);
        assert_eq!(sigs[1].titles, ["Head of the Mission"]);
        let kept: Vec<&str> = rest.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(kept, ["For the Mission:"]);
    }

    #[test]
    fn a_numbered_paragraph_after_a_signature_is_no_title() {
        let lines = split(
            "/-/ Marta Example\n1.\nThe Republic condemns the actions described in the note of\n\
             the Ministry, which continue to disregard the law.",
            Form::Default,
        );
        let refs: Vec<&Line> = lines.iter().collect();
        let (sigs, rest) = read(&refs, Form::Default);
        assert_eq!(sigs.len(), 1);
        assert_eq!(sigs[0].name, "Marta Example");
        assert!(sigs[0].titles.is_empty(), "{:?}", sigs[0].titles);
        assert_eq!(rest.len(), 3);
    }

    #[test]
    fn side_by_side_in_layout() {
        let lines = split(
            "   (Signed) Ann Lee           (Signed) Bo Kim\n   Ambassador                 Minister",
            Form::Layout,
        );
        let refs: Vec<&Line> = lines.iter().collect();
        let (sigs, _) = read(&refs, Form::Layout);
        assert_eq!(sigs.len(), 2);
        assert_eq!(sigs[1].name, "Bo Kim");
        assert_eq!(sigs[1].titles, ["Minister"]);
        assert_eq!(sigs[0].titles, ["Ambassador"]);
    }
}
