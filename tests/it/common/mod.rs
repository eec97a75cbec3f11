//! Shared test helpers: hand-built documents that use every part of the model, and proptest
//! strategies (`strategy`) that generate documents.
//!
//! Each integration test includes this with `mod common;` and uses only some of it.
#![allow(dead_code, unused_imports)]

pub mod akn_fixture;
pub mod shared;
pub mod strategy;

pub use akn_fixture::*;

use unletters::Symbol;
use unletters::model::{
    AgendaItem, Annex, AnnexKind, Block, Cell, Date, Document, Footnote, Inline, Kind, ListItem,
    Num, Row, Session, Signature,
};

fn date(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("a real date")
}

fn sym(s: &str) -> Symbol {
    Symbol::parse(s).expect("a valid symbol")
}

/// A synthetic joint letter (invented names and content) that uses every part of the model: every
/// block and inline kind, nested lists, quotations, tables, all three annex kinds nested, footnotes
/// at every level, signed and unsigned signatures, a reissue star, every optional field present.
pub fn full_letter() -> Document {
    Document {
        symbols: vec![sym("A/80/912*"), sym("S/2025/777*")],
        organs: vec!["General Assembly".into(), "Security Council".into()],
        distribution: Some("General".into()),
        date: Some(date(2025, 10, 14)),
        language: Some("English".into()),
        original_language: Some("French".into()),
        sessions: vec![
            Session {
                organ: "General Assembly".into(),
                name: "Eightieth session".into(),
                agenda_label: Some("Agenda items 34 and 71 (b)".into()),
                agenda_items: vec![
                    AgendaItem {
                        number: "34".into(),
                        title: "Prevention of armed conflict".into(),
                        subheadings: vec!["Protracted conflicts in the Marren river basin".into()],
                    },
                    AgendaItem {
                        number: "71 (b)".into(),
                        title: "Promotion and protection of human rights".into(),
                        subheadings: Vec::new(),
                    },
                ],
            },
            Session {
                organ: "Security Council".into(),
                name: "Eightieth year".into(),
                agenda_label: None,
                agenda_items: Vec::new(),
            },
        ],
        job_number: Some("25-18342 (E)".into()),
        kind: Kind::Letter,
        title_headings: vec!["Request for the inclusion of a supplementary item".into()],
        title: "Letter dated 10 October 2025 from the Permanent Representative of Estelia to the \
                United Nations addressed to the Secretary-General"
            .into(),
        letter_date: Some(date(2025, 10, 10)),
        sender: Some("the Permanent Representative of Estelia to the United Nations".into()),
        addressees: vec!["Secretary-General".into()],
        body: vec![
            Block::paragraph("I have the honour to transmit a statement (see annex)."),
            Block::Heading {
                content: vec![Inline::text("Context")],
            },
            Block::Paragraph {
                num: Some(Num::new("1.")),
                content: vec![
                    Inline::text("On "),
                    Inline::Date {
                        text: "3 October 2025".into(),
                        date: date(2025, 10, 3),
                    },
                    Inline::text(", the gates closed, as my letter ("),
                    // A joint symbol cited as one, printed with an en dash.
                    Inline::Symbol {
                        text: "A/79/955\u{2013}S/2025/402".into(),
                        symbol: sym("A/79/955"),
                        joint_with: vec![sym("S/2025/402")],
                    },
                    Inline::text(") foresaw "),
                    Inline::Emphasis {
                        content: vec![
                            Inline::text("without "),
                            Inline::Strong {
                                content: vec![Inline::text("any")],
                            },
                            Inline::text(" notice"),
                        ],
                    },
                    Inline::text(".\u{a0}See "),
                    Inline::Link {
                        text: "the basin site".into(),
                        href: "https://example.org/marren".into(),
                    },
                    Inline::FootnoteRef { marker: "1".into() },
                ],
            },
            Block::List {
                items: vec![
                    ListItem {
                        num: Some(Num::new("(a)")),
                        body: vec![Block::paragraph("reopen the gates;")],
                    },
                    ListItem {
                        num: Some(Num::new("(b)")),
                        body: vec![
                            Block::paragraph("share the readings:"),
                            Block::List {
                                items: vec![ListItem {
                                    num: None,
                                    body: vec![Block::paragraph("daily flow;")],
                                }],
                            },
                        ],
                    },
                ],
            },
            Block::Quotation {
                body: vec![Block::paragraph("\u{201c}Water knows no borders.\u{201d}")],
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
                                content: vec![Inline::text("Flow (m³/s)")],
                            },
                        ],
                    },
                    Row {
                        header: false,
                        cells: vec![
                            Cell {
                                content: vec![Inline::text("3 October")],
                            },
                            Cell {
                                content: Vec::new(),
                            },
                        ],
                    },
                ],
            },
        ],
        signatures: vec![
            Signature {
                name: "Mira Talvenko".into(),
                titles: vec!["Ambassador".into(), "Permanent Representative".into()],
                signed: true,
            },
            Signature {
                name: "Oren Dask".into(),
                titles: Vec::new(),
                signed: false,
            },
        ],
        annexes: vec![
            Annex {
                kind: AnnexKind::Annex,
                heading: "Annex to the letter dated 10 October 2025 from the Permanent \
                          Representative of Estelia to the United Nations addressed to the \
                          Secretary-General"
                    .into(),
                title: Some("Statement of the Ministry of Foreign Affairs".into()),
                body: vec![Block::Paragraph {
                    num: None,
                    content: vec![
                        Inline::text("The Ministry expresses concern."),
                        Inline::FootnoteRef { marker: "a".into() },
                    ],
                }],
                signatures: vec![Signature {
                    name: "Ilse Varn".into(),
                    titles: vec!["Minister for Foreign Affairs".into()],
                    signed: true,
                }],
                annexes: vec![Annex {
                    kind: AnnexKind::Enclosure,
                    heading: "Enclosure".into(),
                    title: None,
                    body: vec![Block::paragraph("Gauge readings follow.")],
                    signatures: Vec::new(),
                    annexes: vec![Annex::new(AnnexKind::Appendix, "Appendix I")],
                    footnotes: Vec::new(),
                }],
                footnotes: vec![Footnote {
                    marker: "a".into(),
                    body: vec![Block::paragraph("Issued in Lisk on 9 October 2025.")],
                }],
            },
            Annex::new(AnnexKind::Annex, "Annex II"),
        ],
        footnotes: vec![
            Footnote {
                marker: "1".into(),
                body: vec![Block::paragraph(
                    "Agreement on the Shared Use of the Marren River Basin (1998).",
                )],
            },
            Footnote {
                marker: "*".into(),
                body: vec![Block::paragraph(
                    "Reissued for technical reasons on 20 October 2025.",
                )],
            },
        ],
        // No `..Default::default()`: a field added to the model must be filled here too.
        format: unletters::model::FORMAT.to_string(),
    }
}

/// A note verbale with as little as the model allows: no symbol, no dates, nothing optional.
pub fn bare_note_verbale() -> Document {
    Document {
        kind: Kind::NoteVerbale,
        title: "Note verbale dated 1 May 2025 from the Permanent Mission of Estelia".into(),
        ..Document::default()
    }
}

/// One small document of every kind, plus the full letter: together they use every kind.
pub fn hand_built() -> Vec<Document> {
    let mut docs = vec![full_letter(), bare_note_verbale()];
    for kind in [Kind::IdenticalLetters, Kind::Other] {
        docs.push(Document {
            kind,
            symbols: vec![
                Symbol::parse("E/2025/15/Add.1/Rev.1").expect("valid"),
                Symbol::parse("A/80/6 (Sect. 24)/Corr.1").expect("valid"),
            ],
            title: format!("A {} document", kind.as_str()),
            ..Document::default()
        });
    }
    docs
}
