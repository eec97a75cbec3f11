//! Truth tests on the document model: documents built at random, edited in known ways, and the
//! diff must report exactly those edits and nothing else. Layout-only edits (rewrapping, extra
//! spaces, curly quotes, hyphens split at line ends) must report nothing.

use proptest::prelude::*;
use unletters::diff::{self, Op, WordOp};
use unletters::model::{Block, Date, Document};

/// A paragraph's words: a tag making it unique, then random lowercase words.
fn paragraph_words() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[a-z]{3,9}", 8..40)
}

#[derive(Debug, Clone)]
struct Case {
    paragraphs: Vec<Vec<String>>,
    /// (paragraph, word index) to replace with `CHANGED`.
    modify: Vec<(usize, usize)>,
    delete: Vec<usize>,
    /// (position in the old order before which to insert, number of words)
    insert: Vec<(usize, usize)>,
    new_date: bool,
}

fn case() -> impl Strategy<Value = Case> {
    prop::collection::vec(paragraph_words(), 4..25).prop_flat_map(|paragraphs| {
        let n = paragraphs.len();
        (
            Just(paragraphs),
            prop::collection::btree_map(0..n, 0..8usize, 0..4),
            prop::collection::btree_set(0..n, 0..3),
            prop::collection::btree_map(0..=n, 8..20usize, 0..3),
            any::<bool>(),
        )
            .prop_map(|(paragraphs, modify, delete, insert, new_date)| Case {
                modify: modify
                    .into_iter()
                    .filter(|(p, _)| !delete.contains(p))
                    .collect(),
                delete: delete.into_iter().collect(),
                insert: insert.into_iter().collect(),
                paragraphs,
                new_date,
            })
    })
}

fn text(i: usize, words: &[String]) -> String {
    format!("P{i} {}.", words.join(" "))
}

fn document(paragraphs: Vec<String>, date: Date) -> Document {
    Document {
        symbols: vec!["A/99/100".parse().expect("symbol")],
        date: Some(date),
        body: paragraphs.into_iter().map(Block::paragraph).collect(),
        ..Document::default()
    }
}

/// Rewraps a paragraph as extraction and retyping would: lines of another width, a hyphenated
/// word split at a line end, runs of spaces, and curly apostrophes for straight ones.
fn relayout(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split(' ') {
        if line + word.len() > width {
            out.push_str(" \n");
            line = 0;
        } else if !out.is_empty() {
            out.push_str("  ");
        }
        out.push_str(&word.replace('\'', "\u{2019}"));
        line += word.len() + 1;
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn reports_exactly_the_edits_made(c in case(), width in 20usize..90) {
        let old_texts: Vec<String> =
            c.paragraphs.iter().enumerate().map(|(i, w)| text(i, w)).collect();
        let mut new_texts = Vec::new();
        let mut expected = Vec::new();
        for (i, words) in c.paragraphs.iter().enumerate() {
            for &(at, len) in &c.insert {
                if at == i {
                    let t = format!("Inserted{at} {}.", (0..len).map(|k| format!("fresh{at}x{k}")).collect::<Vec<_>>().join(" "));
                    expected.push((Op::Insert, None, Some(t.clone())));
                    new_texts.push(t);
                }
            }
            if c.delete.contains(&i) {
                expected.push((Op::Delete, Some(old_texts[i].clone()), None));
                continue;
            }
            let mut words = words.clone();
            if let Some(&(_, at)) = c.modify.iter().find(|(p, _)| *p == i) {
                let at = at % words.len();
                let old_word = std::mem::replace(&mut words[at], "CHANGED".into());
                let t = text(i, &words);
                expected.push((Op::Modify, Some(old_word), Some(t.clone())));
                new_texts.push(t);
            } else {
                new_texts.push(old_texts[i].clone());
            }
        }
        for &(at, len) in &c.insert {
            if at == c.paragraphs.len() {
                let t = format!("Inserted{at} {}.", (0..len).map(|k| format!("fresh{at}x{k}")).collect::<Vec<_>>().join(" "));
                expected.push((Op::Insert, None, Some(t.clone())));
                new_texts.push(t);
            }
        }
        let old_date = Date::new(2030, 1, 15).expect("date");
        let new_date = if c.new_date { Date::new(2030, 2, 1).expect("date") } else { old_date };
        let old = document(old_texts.clone(), old_date);
        let new = document(new_texts.iter().map(|t| relayout(t, width)).collect(), new_date);
        let d = diff::diff(&old, &new);

        let fields: Vec<&str> = d.metadata.iter().map(|m| m.field.as_str()).collect();
        prop_assert_eq!(fields, if c.new_date { vec!["date"] } else { vec![] });
        prop_assert_eq!(d.changes.len(), expected.len(), "{:#?}", d.changes);
        // Within a run of edits, deletions and insertions at one place may come in either order:
        // compare in a fixed order, by kind and text.
        let mut changes = d.changes.clone();
        let sort_key = |op: Op, text: Option<&str>| (op.as_str(), text.unwrap_or_default().to_string());
        changes.sort_by_key(|c| sort_key(c.op, c.new.as_deref().or(c.old.as_deref())));
        expected.sort_by_key(|(op, old, new)| sort_key(*op, new.as_deref().or(old.as_deref())));
        for (change, (op, old_part, new_text)) in changes.iter().zip(&expected) {
            prop_assert_eq!(change.op, *op);
            match op {
                Op::Modify => {
                    let changed: Vec<(WordOp, &str)> = change.words.iter()
                        .filter(|w| w.op != WordOp::Equal)
                        .map(|w| (w.op, w.text.as_str())).collect();
                    let old_word = old_part.as_deref().unwrap_or_default();
                    // A word that ended the paragraph keeps its full stop.
                    let (del, ins) = if change.old.as_deref().is_some_and(|o| o.ends_with(&format!("{old_word}.")))
                        && change.new.as_deref().is_some_and(|n| n.ends_with("CHANGED.")) {
                        (format!("{old_word}."), "CHANGED.".to_string())
                    } else {
                        (old_word.to_string(), "CHANGED".to_string())
                    };
                    prop_assert_eq!(changed, vec![(WordOp::Delete, del.as_str()), (WordOp::Insert, ins.as_str())]);
                    prop_assert_eq!(change.new.as_deref(), new_text.as_deref());
                }
                Op::Delete => prop_assert_eq!(&change.old, old_part),
                Op::Insert => prop_assert_eq!(&change.new, new_text),
                Op::Move => prop_assert!(false, "no move was made"),
            }
        }
        prop_assert_eq!(d.unchanged + d.changes.iter().filter(|c| c.op != Op::Insert).count(), old_texts.len());
    }

    #[test]
    fn relayout_alone_is_no_difference(paragraphs in prop::collection::vec(paragraph_words(), 1..15), width in 15usize..90) {
        let texts: Vec<String> = paragraphs.iter().enumerate().map(|(i, w)| text(i, w)).collect();
        let date = Date::new(2030, 1, 15).expect("date");
        let old = document(texts.clone(), date);
        let new = document(texts.iter().map(|t| relayout(t, width)).collect(), date);
        let d = diff::diff(&old, &new);
        prop_assert!(!d.has_differences(), "{:#?}", d);
    }
}

#[test]
fn moved_and_renumbered_paragraphs_align_by_content() {
    use unletters::model::{Inline, Num};
    let numbered = |n: &str, t: &str| Block::Paragraph {
        num: Some(Num::new(n)),
        content: vec![Inline::text(t)],
    };
    let a = "The Committee considered the report of the Panel of Experts at its meeting.";
    let b = "Members welcomed the cooperation of the Government with the Panel throughout.";
    let c = "The Chair will brief the Council on the outcome of the visit in March.";
    let old = Document {
        symbols: vec!["S/2099/5".parse().expect("symbol")],
        body: vec![numbered("1.", a), numbered("2.", b), numbered("3.", c)],
        ..Document::default()
    };
    let new = Document {
        symbols: vec!["S/2099/5/Rev.1".parse().expect("symbol")],
        body: vec![numbered("1.", c), numbered("2.", a), numbered("3.", b)],
        ..Document::default()
    };
    let d = diff::diff(&old, &new);
    assert_eq!(d.base_symbol.as_deref(), Some("S/2099/5"));
    let ops: Vec<(Op, &str)> = d
        .changes
        .iter()
        .map(|c| (c.op, c.location.as_str()))
        .collect();
    // The three paragraphs changed their numbers; the one that moved is reported as moved, with
    // its new number as the only word change, and the others as renumbered in place.
    assert_eq!(
        ops,
        [
            (Op::Move, "/body/0"),
            (Op::Modify, "/body/1"),
            (Op::Modify, "/body/2")
        ]
    );
    assert!(
        d.changes
            .iter()
            .all(|c| c.words.iter().filter(|w| w.op != WordOp::Equal).count() == 2)
    );
}
