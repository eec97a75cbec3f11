//! Shared by the AKN tests: the xmllint judge (one batched call), level-2 checks, a document
//! generator for property tests, and a hand-built synthetic letter.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use unletters::Symbol;
use unletters::model::{
    AgendaItem, Annex, AnnexKind, Block, Cell, Date, Document, Footnote, Inline, Kind, ListItem,
    Num, Row, Session, Signature,
};

/// Validates every file with one xmllint run (the shared wrapper in `common::akn_fixture`).
/// Returns `None` when xmllint is not installed outside CI (in CI its absence fails the test),
/// else the files xmllint did not find valid, with their verdicts.
pub fn xmllint(files: &[PathBuf]) -> Option<Result<(), String>> {
    if files.is_empty() {
        return Some(Ok(()));
    }
    if !crate::common::akn_fixture::have_xmllint() {
        return None;
    }
    let verdicts = crate::common::akn_fixture::xmllint(files);
    let bad: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let v = verdicts.get(f)?;
            (v.verdict != "valid").then(|| {
                format!(
                    "{}: {} (first error on line {:?})",
                    f.display(),
                    v.verdict,
                    v.first_error_line
                )
            })
        })
        .collect();
    Some(if bad.is_empty() {
        Ok(())
    } else {
        Err(bad.join("\n"))
    })
}

/// Writes each XML text into `dir` and validates them all with xmllint; panics with xmllint's
/// complaints.
pub fn assert_schema_valid(dir: &Path, xmls: &[(String, String)]) {
    let mut files = Vec::new();
    for (name, xml) in xmls {
        let path = dir.join(format!("{name}.xml"));
        std::fs::write(&path, xml).unwrap();
        files.push(path);
    }
    if let Some(Err(e)) = xmllint(&files) {
        panic!("xmllint rejects AKN output:\n{}", &e[..e.len().min(6000)]);
    }
}

/// The written XML is valid against the XSD and breaks none of the level-2 rules of
/// `unletters validate` that judge the writer (unique eIds following the naming convention, every
/// reference resolving, FRBR IRIs and numbers consistent with the symbols and dates): the
/// library's own checker, so the rules are written once. The rules that judge the content (organs
/// matching symbols, a letter dated before its issue) are left out: made-up documents need not
/// pass them.
pub fn assert_level2(xml: &str) {
    use unletters::validate::rules;
    let options = unletters::validate::akn::Options {
        allowed: [rules::MASTHEAD_ORGANS.id, rules::MASTHEAD_DATES.id]
            .map(String::from)
            .into(),
        ..Default::default()
    };
    let (verdict, diags) = unletters::validate::akn::check("written.xml", xml, &options);
    assert!(
        verdict == unletters::validate::Verdict::Valid && diags.is_empty(),
        "{verdict:?}: {:#?}\n{xml}",
        diags
            .iter()
            .map(|d| format!("{} {}", d.rule, d.message))
            .collect::<Vec<_>>()
    );
}

/// A synthetic joint letter using every part of the model (names and numbers invented).
pub fn synthetic_letter() -> Document {
    let d = |y, m, day| Date::new(y, m, day).unwrap();
    let sym = |s: &str| Symbol::parse(s).unwrap();
    Document {
        symbols: vec![sym("A/79/999"), sym("S/2025/999")],
        organs: vec!["General Assembly".into(), "Security Council".into()],
        distribution: Some("General".into()),
        date: Some(d(2025, 3, 4)),
        language: None,
        original_language: Some("English".into()),
        sessions: vec![
            Session {
                organ: "General Assembly".into(),
                name: "Seventy-ninth session".into(),
                agenda_label: Some("Agenda items 32 and 116 (c)".into()),
                agenda_items: vec![
                    AgendaItem {
                        number: "32".into(),
                        title: "Prevention of armed conflict".into(),
                        subheadings: vec!["Protracted conflicts in the example area".into()],
                    },
                    AgendaItem {
                        number: "116 (c)".into(),
                        title: "Elections to fill vacancies".into(),
                        subheadings: vec![],
                    },
                ],
            },
            Session {
                organ: "Security Council".into(),
                name: "Eightieth year".into(),
                agenda_label: None,
                agenda_items: vec![],
            },
        ],
        job_number: Some("25-09999 (E)".into()),
        kind: Kind::Letter,
        title_headings: vec![],
        title: "Letter dated 2 March 2025 from the Permanent Representative of Examplestan to the United Nations addressed to the Secretary-General and the President of the Security Council".into(),
        letter_date: Some(d(2025, 3, 2)),
        sender: Some("the Permanent Representative of Examplestan to the United Nations".into()),
        addressees: vec![
            "Secretary-General".into(),
            "President of the Security Council".into(),
        ],
        body: vec![
            Block::Paragraph {
                num: None,
                content: vec![
                    Inline::text("I have the honour to refer to the letter dated "),
                    Inline::Date {
                        text: "10 November 2020".into(),
                        date: d(2020, 11, 10),
                    },
                    Inline::text(" (see "),
                    Inline::symbol("S/2020/1104", sym("S/2020/1104")),
                    Inline::text(") & to "),
                    Inline::Emphasis {
                        content: vec![Inline::text("inter alia")],
                    },
                    Inline::text(" the <annexed> statement."),
                    Inline::FootnoteRef { marker: "1".into() },
                ],
            },
            Block::Heading {
                content: vec![Inline::Strong {
                    content: vec![Inline::text("Context")],
                }],
            },
            Block::Paragraph {
                num: Some(Num::new("1.")),
                content: vec![
                    Inline::text("Details are at "),
                    Inline::Link {
                        text: "www.example.org".into(),
                        href: "https://www.example.org/a?b=1&c=2".into(),
                    },
                    Inline::text("."),
                ],
            },
            Block::List {
                items: vec![
                    ListItem {
                        num: Some(Num::new("(a)")),
                        body: vec![Block::paragraph("first point;")],
                    },
                    ListItem {
                        num: Some(Num::new("(b)")),
                        body: vec![
                            Block::paragraph("second point:"),
                            Block::List {
                                items: vec![ListItem {
                                    num: Some(Num::new("(i)")),
                                    body: vec![Block::paragraph("a sub-point.")],
                                }],
                            },
                        ],
                    },
                ],
            },
            Block::Quotation {
                body: vec![Block::paragraph("“All Members shall settle their disputes.”")],
            },
            Block::Table {
                rows: vec![
                    Row {
                        header: true,
                        cells: vec![
                            Cell {
                                content: vec![Inline::text("Date")],
                            },
                            Cell {
                                content: vec![Inline::text("Incident")],
                            },
                        ],
                    },
                    Row {
                        header: false,
                        cells: vec![
                            Cell {
                                content: vec![Inline::text("1 January 2025")],
                            },
                            Cell {
                                content: vec![Inline::text("None reported")],
                            },
                        ],
                    },
                ],
            },
            Block::paragraph(
                "I should be grateful if you would have the present letter and its annex circulated as a document of the General Assembly, under agenda items 32 and 116 (c), and of the Security Council.",
            ),
        ],
        signatures: vec![Signature {
            name: "Jane Example".into(),
            titles: vec!["Ambassador".into(), "Permanent Representative".into()],
            signed: true,
        }],
        annexes: vec![Annex {
            kind: AnnexKind::Annex,
            heading: "Annex to the letter dated 2 March 2025 from the Permanent Representative of Examplestan to the United Nations addressed to the Secretary-General and the President of the Security Council".into(),
            title: Some("Statement of the Ministry of Foreign Affairs".into()),
            body: vec![Block::Paragraph {
                num: None,
                content: vec![
                    Inline::text("The Ministry recalls its position."),
                    Inline::FootnoteRef { marker: "*".into() },
                ],
            }],
            signatures: vec![],
            annexes: vec![Annex {
                kind: AnnexKind::Enclosure,
                heading: "Enclosure".into(),
                title: None,
                body: vec![Block::paragraph("List of participants.")],
                signatures: vec![Signature {
                    name: "John Sample".into(),
                    titles: vec!["Minister".into()],
                    signed: false,
                }],
                annexes: vec![],
                footnotes: vec![],
            }],
            footnotes: vec![Footnote {
                marker: "*".into(),
                body: vec![Block::paragraph("Issued without formal editing.")],
            }],
        }],
        footnotes: vec![Footnote {
            marker: "1".into(),
            body: vec![Block::paragraph("A/79/123, annex.")],
        }],
        ..Document::default()
    }
}

/// Generated documents: the one generator every round-trip test shares.
#[allow(unused_imports)] // The AKN benchmark includes this module but generates nothing.
pub use crate::common::strategy::document;

/// A reader's warnings without the one every reader gives a document that names no symbol
/// (generated documents often have none): what is left are remarks about the XML itself.
pub fn reader_remarks(warnings: Vec<unletters::Warning>) -> Vec<unletters::Warning> {
    warnings
        .into_iter()
        .filter(|w| !w.message.starts_with("the input names no document symbol"))
        .collect()
}
