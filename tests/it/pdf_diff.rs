//! The diff of a revision pair read from its official PDFs reports no change that the same pair
//! read from pdftotext's text does not (issue 15). Over every pair in
//! `../shared/corpus/revisions-pdf` whose two versions also have text in `revisions/`: each
//! block change of the PDF diff must be matched by a block change of the text diff of the same
//! kind whose removed and added words include its own, and each metadata change of the PDF diff
//! by the text diff's change of the same field. Words are compared normalised (the diff's key:
//! quotes, dashes and spacing folded; case and surrounding punctuation dropped; superscript digits
//! as digits), as sets.
//!
//! Without the corpus the test skips, except under CI (env `CI`), where it fails.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use unletters::convert::{self, ReadOptions};
use unletters::diff::{self, Change, Diff, MetadataChange, Op, WordChange, WordOp};

/// (old stem, new stem) of the revision pairs with both PDFs and both texts, sorted.
fn pairs(corpus: &Path) -> Vec<(String, String)> {
    let stem = |p: &PathBuf| {
        p.file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    };
    let has_text = |s: &str| corpus.join("revisions").join(format!("{s}.txt")).is_file();
    crate::diff_corpus::revision_pairs(&corpus.join("revisions-pdf"))
        .iter()
        .map(|(old, new)| (stem(old), stem(new)))
        .filter(|(old, new)| has_text(old) && has_text(new))
        .collect()
}

fn read(path: &Path) -> unletters::Document {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match convert::read(&bytes, &ReadOptions::default()) {
        Ok(read) => read.document,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// The normalised words of a text: the diff's comparison key, split at spaces, lowercased,
/// without the punctuation around each word, superscript digits as digits; empty words dropped.
fn words(text: &str) -> BTreeSet<String> {
    diff::normalize::key(text)
        .split(' ')
        .map(|w| {
            w.chars()
                .map(|c| match c {
                    '¹' => '1',
                    '²' => '2',
                    '³' => '3',
                    '⁰'..='⁹' => {
                        char::from_u32(c as u32 - 0x2070 + u32::from(b'0')).unwrap_or(c)
                    }
                    c => c,
                })
                .collect::<String>()
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// A change as compared: its kind and the words it removes and adds. A deletion removes all of
/// its block's words and an insertion adds all; a move removes and adds all of them (it is a
/// deletion in one place and an insertion in another); a modification removes and adds its
/// deleted and inserted word runs.
#[derive(Debug)]
struct Signature {
    what: String,
    op: Op,
    kind: String,
    removed: BTreeSet<String>,
    added: BTreeSet<String>,
}

fn signature(c: &Change) -> Signature {
    let of = |t: &Option<String>| t.as_deref().map(words).unwrap_or_default();
    let runs = |op: WordOp| {
        c.words
            .iter()
            .filter(|w| w.op == op)
            .flat_map(|w| words(&w.text))
            .collect::<BTreeSet<String>>()
    };
    let (removed, added) = match c.op {
        Op::Insert => (BTreeSet::new(), of(&c.new)),
        Op::Delete => (of(&c.old), BTreeSet::new()),
        Op::Move => (of(&c.old), of(&c.new)),
        Op::Modify => (runs(WordOp::Delete), runs(WordOp::Insert)),
    };
    Signature {
        what: format!("{} {} at {}", c.op.as_str(), c.kind, c.location),
        op: c.op,
        kind: c.kind.clone(),
        removed,
        added,
    }
}

/// Whether `pdf` is among the changes `text` reports: a text change of the same kind whose
/// removed and added words include the PDF change's. An inserted (deleted) block is also the
/// same change when the text pair's insertions (deletions) together add (remove) all of its
/// words, whatever kind of block each reader made of them: a list the PDF shows in columns is
/// a table there and paragraphs in the text, and that is one insertion reported, not two.
/// A modification is also the same change when the text pair reports the block replaced: a
/// block of its kind deleted with the words it removes, one inserted with the words it adds.
fn covered(pdf: &Signature, text: &[Signature]) -> bool {
    let same = text.iter().any(|t| {
        t.kind == pdf.kind && pdf.removed.is_subset(&t.removed) && pdf.added.is_subset(&t.added)
    });
    let has = |op: Op, part: &BTreeSet<String>, of: fn(&Signature) -> &BTreeSet<String>| {
        text.iter()
            .any(|t| t.op == op && t.kind == pdf.kind && part.is_subset(of(t)))
    };
    let replaced = pdf.op == Op::Modify
        && !(pdf.removed.is_empty() && pdf.added.is_empty())
        && has(Op::Delete, &pdf.removed, |t| &t.removed)
        && has(Op::Insert, &pdf.added, |t| &t.added);
    let together = |op: Op, words: fn(&Signature) -> &BTreeSet<String>| {
        let all: BTreeSet<&String> = text.iter().filter(|t| t.op == op).flat_map(words).collect();
        pdf.op == op && words(pdf).iter().all(|w| all.contains(w))
    };
    same || replaced || together(Op::Insert, |s| &s.added) || together(Op::Delete, |s| &s.removed)
}

/// A metadata change as compared: the field, and the words of its old and new values.
fn metadata_words(m: &MetadataChange) -> (BTreeSet<String>, BTreeSet<String>) {
    (words(&m.old.to_string()), words(&m.new.to_string()))
}

/// What the PDF diff reports that the text diff does not, one line per change.
fn not_in_text(pdf: &Diff, text: &Diff) -> Vec<String> {
    let mut out = Vec::new();
    for m in &pdf.metadata {
        let (old, new) = metadata_words(m);
        let found = text.metadata.iter().any(|t| {
            let (t_old, t_new) = metadata_words(t);
            t.field == m.field
                && old.difference(&new).all(|w| t_old.contains(w))
                && new.difference(&old).all(|w| t_new.contains(w))
        });
        if !found {
            out.push(format!("metadata {}: {} -> {}", m.field, m.old, m.new));
        }
    }
    let text_changes: Vec<Signature> = text.changes.iter().map(signature).collect();
    for c in &pdf.changes {
        let s = signature(c);
        if !covered(&s, &text_changes) {
            out.push(format!(
                "{} (removes {:?}, adds {:?})",
                s.what,
                s.removed.iter().take(12).collect::<Vec<_>>(),
                s.added.iter().take(12).collect::<Vec<_>>()
            ));
        }
    }
    out
}

/// Met for the two pairs the issue names, S/2025/71 and E/CN.6/2025/3, short of its aim on three
/// other pairs. What remains is the two readers reading the same content with another structure,
/// not the PDF reader reading two versions apart: headings the text reads as paragraphs and words
/// it joins otherwise at a line-end hyphen (E/2025/15/Add.1), the diff pairing blocks otherwise
/// when a heading is split off (E/ICEF/2025/11), a symbol's change inside a table the text reads
/// as a paragraph (TPNW/MSP/2025/11). E/CN.6/2025/3's charts, whose labels the PDF reads as tables
/// with cells falling otherwise in each printing, are compared by their labels (see
/// `diff::blocks`). A real change the PDF pair reports as a modification and
/// the text pair as the block deleted and inserted (`Asia).` to `Asia)`) is the same change.
/// (The lists added with S/2025/71/Rev.1's annex are tables in the PDF and paragraphs in the
/// text: the same insertion, matched by its words.) The test lists
/// every such change (`cargo test --test it pdf_diff -- --nocapture`) and holds a ratchet: no more
/// of them than today ([`PDF_ONLY_BAR`]); the aim is none.
#[test]
fn pdf_pairs_report_no_change_the_text_pairs_do_not() {
    let Some(corpus) = crate::common::shared::shared("corpus") else {
        return;
    };
    let pairs = pairs(&corpus);
    // Seven pairs have both PDFs and text today; the two the issue names must be among them.
    let names: Vec<&str> = pairs.iter().map(|(_, n)| n.as_str()).collect();
    assert!(
        names.contains(&"S_2025_71_Rev.1") && names.contains(&"E_CN.6_2025_3_Rev.1"),
        "{names:?}"
    );
    assert!(pairs.len() >= 7, "only {} pairs: {names:?}", pairs.len());
    let mut failures = Vec::new();
    let mut reported = 0;
    for (old, new) in &pairs {
        let at = |dir: &str, stem: &str, ext: &str| -> PathBuf {
            corpus.join(dir).join(format!("{stem}.{ext}"))
        };
        let pdf = diff::diff(
            &read(&at("revisions-pdf", old, "pdf")),
            &read(&at("revisions-pdf", new, "pdf")),
        );
        let text = diff::diff(
            &read(&at("revisions", old, "txt")),
            &read(&at("revisions", new, "txt")),
        );
        // A corrigendum's instructions are compared, not its blocks.
        assert_eq!(
            pdf.corrigendum.is_some(),
            text.corrigendum.is_some(),
            "{new}: corrigendum recognised from one input only"
        );
        reported += pdf.changes.len() + pdf.metadata.len();
        eprintln!(
            "{new}: PDF {} changes, {} metadata; text {} changes, {} metadata",
            pdf.changes.len(),
            pdf.metadata.len(),
            text.changes.len(),
            text.metadata.len()
        );
        let extra = not_in_text(&pdf, &text);
        // The pairs the issue names report nothing the text pairs do not.
        if new == "S_2025_71_Rev.1" || new == "E_CN.6_2025_3_Rev.1" {
            assert_eq!(extra, Vec::<String>::new(), "{new}");
        }
        for line in extra {
            failures.push(format!("{new}: {line}"));
        }
    }
    println!(
        "{} changes the PDF pairs report and the text pairs do not (bar {PDF_ONLY_BAR}):",
        failures.len()
    );
    for f in &failures {
        println!("  {f}");
    }
    assert!(
        failures.len() <= PDF_ONLY_BAR,
        "{} changes the PDF pairs report and the text pairs do not, more than the {PDF_ONLY_BAR} of \
         before:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The PDF diffs report something (S/2025/71/Rev.1 adds an annex): an empty diff would pass
    // the subset check without testing it.
    assert!(reported > 0, "the PDF diffs report no change at all");
}

/// Changes the PDF pairs report and the text pairs do not, today (9 on 1 December 2026, none of
/// them in the named pairs; 11 the day before, 61 the session before that): a change to the
/// reader that adds one fails the test.
const PDF_ONLY_BAR: usize = 9;

#[test]
fn pdf_pair_s_2025_71_reports_the_added_annex() {
    let Some(corpus) = crate::common::shared::shared("corpus") else {
        return;
    };
    let dir = corpus.join("revisions-pdf");
    let d = diff::diff(
        &read(&dir.join("S_2025_71.pdf")),
        &read(&dir.join("S_2025_71_Rev.1.pdf")),
    );
    assert_eq!(d.base_symbol.as_deref(), Some("S/2025/71"));
    crate::diff_corpus::assert_reports_the_added_annex(&d);
}

#[test]
fn signature_matching_needs_the_same_words_and_for_a_modification_the_same_kind() {
    let change = |op: Op, kind: &str, old: Option<&str>, new: Option<&str>| Change {
        op,
        kind: kind.into(),
        location: "/body/0".into(),
        old_location: None,
        new_location: None,
        old: old.map(Into::into),
        new: new.map(Into::into),
        words: Vec::new(),
        unchanged_before: 0,
    };
    let text = [signature(&change(
        Op::Insert,
        "paragraph",
        None,
        Some("The Council “decides” to remain seized."),
    ))];
    // Fewer words, other quotes and case: covered.
    let pdf = signature(&change(
        Op::Insert,
        "paragraph",
        None,
        Some("the Council \"decides\""),
    ));
    assert!(covered(&pdf, &text));
    // Inserted as another kind of block (a table where the text has paragraphs): the same
    // insertion. A word the text never added: not covered.
    let pdf = signature(&change(Op::Insert, "heading", None, Some("the Council")));
    assert!(covered(&pdf, &text));
    let pdf = signature(&change(Op::Insert, "paragraph", None, Some("the Assembly")));
    assert!(!covered(&pdf, &text));
    // A modification must be one of the same kind of block.
    let modified = |kind: &str| Change {
        words: vec![
            WordChange {
                op: WordOp::Delete,
                text: "decides".into(),
            },
            WordChange {
                op: WordOp::Insert,
                text: "decided".into(),
            },
        ],
        ..change(Op::Modify, kind, Some("decides"), Some("decided"))
    };
    let text = [signature(&modified("paragraph"))];
    assert!(covered(&signature(&modified("paragraph")), &text));
    assert!(!covered(&signature(&modified("table")), &text));
    let text = [signature(&change(
        Op::Insert,
        "paragraph",
        None,
        Some("The Council “decides” to remain seized."),
    ))];
    // A deletion is not covered by an insertion of the same words.
    let pdf = signature(&change(Op::Delete, "paragraph", Some("the Council"), None));
    assert!(!covered(&pdf, &text));
    // A modification the text pair reports as its block deleted and inserted: covered, when
    // both are of its kind and hold its words; an insertion alone is not enough.
    let replaced = [
        signature(&change(Op::Delete, "paragraph", Some("It decides."), None)),
        signature(&change(Op::Insert, "paragraph", None, Some("It decided."))),
    ];
    assert!(covered(&signature(&modified("paragraph")), &replaced));
    assert!(!covered(&signature(&modified("table")), &replaced));
    assert!(!covered(
        &signature(&modified("paragraph")),
        replaced.get(1..).unwrap_or_default()
    ));
    assert_eq!(
        words("Al-Qaida’s  ¹²  (2025)."),
        BTreeSet::from(["al-qaida's".to_string(), "12".into(), "2025".into()])
    );
}
