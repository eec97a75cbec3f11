//! A synthetic letter in the genre, written for these tests, that uses every part of the model.

use unletters::Symbol;
use unletters::model::{
    AgendaItem, Annex, AnnexKind, Block, Cell, Date, Document, Footnote, Inline, Kind, ListItem,
    Num, Row, Session, Signature,
};

fn sym(s: &str) -> Symbol {
    Symbol::parse(s).expect("test symbol")
}

fn date(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("test date")
}

fn t(s: &str) -> Inline {
    Inline::text(s)
}

fn para(num: Option<&str>, content: Vec<Inline>) -> Block {
    Block::Paragraph {
        num: num.map(Num::new),
        content,
    }
}

/// A joint letter of a fictional State (Ruritania) with masthead, title, every block and inline
/// kind, two signatures, footnotes, and an annex holding an enclosure with an appendix.
pub fn letter() -> Document {
    let enclosure = Annex {
        kind: AnnexKind::Enclosure,
        heading: "Enclosure".into(),
        title: Some("List of incidents, 1 to 3 March 2025".into()),
        body: vec![Block::Table {
            rows: vec![
                Row {
                    header: true,
                    cells: vec![
                        Cell {
                            content: vec![t("Date")],
                        },
                        Cell {
                            content: vec![t("Place")],
                        },
                        Cell {
                            content: vec![Inline::Strong {
                                content: vec![t("Incidents")],
                            }],
                        },
                    ],
                },
                Row {
                    header: false,
                    cells: vec![
                        Cell {
                            content: vec![Inline::Date {
                                text: "1 March 2025".into(),
                                date: date(2025, 3, 1),
                            }],
                        },
                        Cell {
                            content: vec![t("Northern | Southern border")],
                        },
                        Cell {
                            content: vec![t("3")],
                        },
                    ],
                },
                Row {
                    header: false,
                    cells: vec![
                        Cell {
                            content: vec![t("2-3 March")],
                        },
                        Cell { content: vec![] },
                        Cell {
                            content: vec![t("12")],
                        },
                    ],
                },
            ],
        }],
        signatures: vec![],
        annexes: vec![Annex {
            kind: AnnexKind::Appendix,
            heading: "Appendix".into(),
            title: None,
            body: vec![Block::paragraph("[Original: Spanish]")],
            signatures: vec![],
            annexes: vec![],
            footnotes: vec![],
        }],
        footnotes: vec![],
    };
    let annex = Annex {
        kind: AnnexKind::Annex,
        heading: "Annex to the letter dated 3 March 2025 from the Permanent Representative of Ruritania to the United Nations addressed to the Secretary-General".into(),
        title: Some("Statement of the Ministry of Foreign Affairs of Ruritania".into()),
        body: vec![
            Block::Heading { content: vec![t("Background")] },
            para(
                None,
                vec![
                    t("The Ministry recalls "),
                    Inline::Emphasis { content: vec![t("inter alia")] },
                    t(" its note"),
                    Inline::FootnoteRef { marker: "a".into() },
                    t(" and the report at "),
                    Inline::Link {
                        text: "www.example.org/report".into(),
                        href: "https://www.example.org/report".into(),
                    },
                    t("."),
                ],
            ),
            Block::Quotation {
                body: vec![
                    para(None, vec![t("The Parties shall refrain from the threat or use of force.")]),
                    para(Some("2."), vec![t("Disputes shall be settled by peaceful means.")]),
                ],
            },
        ],
        signatures: vec![Signature {
            name: "Ministry of Foreign Affairs".into(),
            titles: vec![],
            signed: false,
        }],
        annexes: vec![enclosure],
        footnotes: vec![Footnote {
            marker: "a".into(),
            body: vec![Block::paragraph("Note verbale of 2 February 2025.")],
        }],
    };
    Document {
        symbols: vec![sym("A/79/999"), sym("S/2025/999*")],
        organs: vec!["General Assembly".into(), "Security Council".into()],
        distribution: Some("General".into()),
        date: Some(date(2025, 3, 5)),
        language: Some("English".into()),
        original_language: Some("Spanish".into()),
        sessions: vec![
            Session {
                organ: "General Assembly".into(),
                name: "Seventy-ninth session".into(),
                agenda_label: Some("Agenda items 32 and 116 (c)".into()),
                agenda_items: vec![
                    AgendaItem {
                        number: "32".into(),
                        title: "Prevention of armed conflict".into(),
                        subheadings: vec!["Protracted conflicts in the region".into()],
                    },
                    AgendaItem {
                        number: "116 (c)".into(),
                        title: "Elections to fill vacancies in subsidiary organs".into(),
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
        job_number: Some("25-99999 (E)".into()),
        kind: Kind::Letter,
        title_headings: vec!["Request for the inclusion of a supplementary item".into()],
        title: "Letter dated 3 March 2025 from the Permanent Representative of Ruritania to the United Nations addressed to the Secretary-General and the President of the Security Council".into(),
        letter_date: Some(date(2025, 3, 3)),
        sender: Some("the Permanent Representative of Ruritania to the United Nations".into()),
        addressees: vec![
            "Secretary-General".into(),
            "President of the Security Council".into(),
        ],
        body: vec![
            para(
                Some("1."),
                vec![
                    t("I have the honour to refer to the letter of "),
                    Inline::Date { text: "10 November 2020".into(), date: date(2020, 11, 10) },
                    t(" ("),
                    Inline::symbol("S/2020/1104", sym("S/2020/1104")),
                    t(") and to "),
                    Inline::Strong { content: vec![t("resolution 2334 (2016)")] },
                    t("."),
                    Inline::FootnoteRef { marker: "1".into() },
                ],
            ),
            para(Some("2."), vec![t("The Government of Ruritania:")]),
            Block::List {
                items: vec![
                    ListItem {
                        num: Some(Num::new("(a)")),
                        body: vec![para(None, vec![t("Condemns the incidents listed in the enclosure;")])],
                    },
                    ListItem {
                        num: Some(Num::new("(b)")),
                        body: vec![
                            para(None, vec![t("Calls upon all parties:")]),
                            Block::List {
                                items: vec![
                                    ListItem {
                                        num: Some(Num::new("(i)")),
                                        body: vec![para(None, vec![t("To exercise restraint;")])],
                                    },
                                    ListItem {
                                        num: Some(Num::new("(ii)")),
                                        body: vec![para(None, vec![t("To resume dialogue.")])],
                                    },
                                ],
                            },
                        ],
                    },
                    ListItem {
                        num: None,
                        body: vec![para(None, vec![t("Stands ready to cooperate.")])],
                    },
                ],
            },
            para(
                None,
                vec![t("I should be grateful if you would have the present letter and its annex circulated as a document of the General Assembly, under agenda items 32 and 116 (c), and of the Security Council.")],
            ),
        ],
        signatures: vec![
            Signature {
                name: "Ana María Pérez".into(),
                titles: vec!["Ambassador".into(), "Permanent Representative".into()],
                signed: true,
            },
            Signature {
                name: "John Doe".into(),
                titles: vec!["Chargé d'affaires a.i.".into()],
                signed: true,
            },
        ],
        annexes: vec![annex],
        footnotes: vec![Footnote {
            marker: "1".into(),
            body: vec![Block::paragraph("See A/79/100 [sic], para. 3.")],
        }],
        ..Document::default()
    }
}
