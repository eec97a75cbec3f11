//! Shared by the AKN tests: the xmllint judge (one batched call), level-2 checks, a document
//! generator for property tests, and a hand-built synthetic letter.
#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;
use quick_xml::Reader;
use quick_xml::events::Event;
use unletters::Symbol;
use unletters::model::{
    AgendaItem, Annex, AnnexKind, Block, Cell, Date, Document, Footnote, Inline, Kind, ListItem,
    Num, Row, Session, Signature,
};

/// The vendored schema, relative to the package root.
pub fn schema() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/akn/akomantoso30.xsd")
}

/// Validates every file with one `xmllint --noout --schema` call (the schema compiles once).
/// Returns `None` when xmllint is not installed outside CI (in CI its absence fails the test).
pub fn xmllint(files: &[PathBuf]) -> Option<Result<(), String>> {
    if files.is_empty() {
        return Some(Ok(()));
    }
    let output = match Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema())
        .args(files)
        .output()
    {
        Ok(o) => o,
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "xmllint is required in CI: {e}"
            );
            eprintln!("skipping the xmllint check: xmllint not found ({e})");
            return None;
        }
    };
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let validated = stderr.lines().filter(|l| l.ends_with(" validates")).count();
    if output.status.success() && validated == files.len() {
        Some(Ok(()))
    } else {
        Some(Err(stderr))
    }
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

/// Level 2 of conformance, checked on the written XML: unique eIds following the naming
/// convention, every `refersTo`/`href="#..."`/`as`/`source` resolving into `<references>` (a
/// `noteRef` may point at a footnote's eId instead), and the Work IRI and numbers consistent
/// with the document's symbols and dates.
pub fn assert_level2(doc: &Document, xml: &str) {
    let mut reader = Reader::from_str(xml);
    let mut eids: HashMap<String, usize> = HashMap::new();
    let mut tlcs = HashSet::new();
    let mut refs: Vec<(String, String, String)> = Vec::new();
    let mut in_references = false;
    let mut work_this = Vec::new();
    let mut numbers = Vec::new();
    let mut in_work = false;
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let (e, is_start) = match &event {
            Event::Start(e) => (e.clone(), true),
            Event::Empty(e) => (e.clone(), false),
            Event::End(e) => {
                match e.name().0 {
                    "references" => in_references = false,
                    "FRBRWork" => in_work = false,
                    _ => {}
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = e.name().0.to_string();
        if is_start && name == "references" {
            in_references = true;
        }
        if is_start && name == "FRBRWork" {
            in_work = true;
        }
        let mut attrs = HashMap::new();
        for a in e.attributes() {
            let a = a.unwrap();
            attrs.insert(
                a.key.0.to_string(),
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .unwrap()
                    .into_owned(),
            );
        }
        if let Some(eid) = attrs.get("eId") {
            *eids.entry(eid.clone()).or_default() += 1;
            if in_references {
                tlcs.insert(eid.clone());
                assert!(
                    eid.chars().all(|c| c.is_ascii_alphanumeric())
                        && eid.starts_with(|c: char| c.is_ascii_alphabetic()),
                    "TLC eId {eid:?} is not camelCase"
                );
            } else {
                assert!(
                    structural_eid(eid),
                    "eId {eid:?} breaks the naming convention"
                );
            }
        }
        if in_work && name == "FRBRthis" {
            work_this.push(attrs.get("value").cloned().unwrap_or_default());
        }
        if in_work && name == "FRBRnumber" {
            numbers.push(attrs.get("showAs").cloned().unwrap_or_default());
        }
        for key in ["refersTo", "href", "as", "source"] {
            if let Some(v) = attrs.get(key) {
                for token in v.split_whitespace().filter(|t| t.starts_with('#')) {
                    refs.push((name.clone(), key.to_string(), token[1..].to_string()));
                }
            }
        }
    }
    for (eid, n) in &eids {
        assert_eq!(*n, 1, "eId {eid:?} is used {n} times");
    }
    for (element, key, target) in &refs {
        let ok = tlcs.contains(target) || (element == "noteRef" && eids.contains_key(target));
        assert!(ok, "<{element} {key}=\"#{target}\"> resolves to nothing");
    }
    // The Work IRI: organ of the first symbol, the letter's date, the symbol as a number.
    let date = doc
        .letter_date
        .or(doc.date)
        .map_or("0001-01-01".to_string(), |d| d.to_string());
    let (actor, number) = match doc.symbols.first() {
        Some(s) => {
            let s = s.as_str();
            let actor = if s.starts_with("A/HRC/") {
                "unga-hrc"
            } else if s.starts_with("A/") {
                "unga"
            } else if s.starts_with("S/") {
                "unsc"
            } else if s.starts_with("E/") {
                "unecosoc"
            } else {
                "un"
            };
            let number: String = s
                .chars()
                .map(|c| match c {
                    '/' => '-',
                    ' ' => '_',
                    c => c,
                })
                .collect();
            (actor, number)
        }
        None => ("un", "unnumbered".to_string()),
    };
    let work = format!("/akn/un/doc/communication/{actor}/{date}/{number}");
    assert_eq!(
        work_this.first().map(String::as_str),
        Some(format!("{work}/!main").as_str())
    );
    for this in &work_this[1..] {
        assert!(this.starts_with(&format!("{work}/!")), "{this}");
    }
    let shown: Vec<String> = doc.symbols.iter().map(ToString::to_string).collect();
    assert_eq!(numbers, shown);
}

/// `para_1`, `att_1__list_2__item_3`: `name_n` parts joined by `__`.
fn structural_eid(eid: &str) -> bool {
    eid.split("__").all(|part| {
        part.rsplit_once('_').is_some_and(|(name, n)| {
            !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphabetic())
                && !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
        })
    })
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
                    Inline::Symbol {
                        text: "S/2020/1104".into(),
                        symbol: sym("S/2020/1104"),
                    },
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

// ---- generated documents ----

fn text() -> impl Strategy<Value = String> {
    // Markup characters, line ends, tabs, quotes and non-ASCII: everything XML must carry.
    "[a-zA-Z0-9 &<>\"'\t\n\r.,:;/()*\u{2013}\u{e9}\u{2019}\u{1F600}-]{0,12}"
}

fn marker() -> impl Strategy<Value = String> {
    prop_oneof!["1", "2", "\\*", "a"].prop_map(|s| s.to_string())
}

fn date() -> impl Strategy<Value = Date> {
    (1000u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn symbol() -> impl Strategy<Value = Symbol> {
    "(A|S|E|A/HRC|DP|A/ES-10)/[0-9]{2,4}/[0-9]{1,4}(/Rev\\.1|/Corr\\.2|/Add\\.1| \\(Sect\\. 24\\))?\\*?"
        .prop_map(|s| Symbol::parse(&s).unwrap())
}

fn inline() -> impl Strategy<Value = Inline> {
    let leaf = prop_oneof![
        4 => text().prop_map(|text| Inline::Text { text }),
        1 => marker().prop_map(|marker| Inline::FootnoteRef { marker }),
        1 => (text(), symbol()).prop_map(|(text, symbol)| Inline::Symbol { text, symbol }),
        1 => (text(), date()).prop_map(|(text, date)| Inline::Date { text, date }),
        1 => (text(), text()).prop_map(|(text, href)| Inline::Link { text, href }),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3)
                .prop_map(|content| Inline::Emphasis { content }),
            prop::collection::vec(inner, 0..3).prop_map(|content| Inline::Strong { content }),
        ]
    })
}

fn inlines() -> impl Strategy<Value = Vec<Inline>> {
    prop::collection::vec(inline(), 0..4)
}

fn num() -> impl Strategy<Value = Option<Num>> {
    prop::option::of(text().prop_map(Num::new))
}

fn block() -> impl Strategy<Value = Block> {
    let leaf = prop_oneof![
        3 => (num(), inlines()).prop_map(|(num, content)| Block::Paragraph { num, content }),
        1 => inlines().prop_map(|content| Block::Heading { content }),
        1 => prop::collection::vec(
            (any::<bool>(), prop::collection::vec(inlines().prop_map(|content| Cell { content }), 0..3))
                .prop_map(|(header, cells)| Row { header, cells }),
            0..3
        )
        .prop_map(|rows| Block::Table { rows }),
    ];
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(
                (num(), prop::collection::vec(inner.clone(), 0..3))
                    .prop_map(|(num, body)| ListItem { num, body }),
                0..3
            )
            .prop_map(|items| Block::List { items }),
            prop::collection::vec(inner, 0..3).prop_map(|body| Block::Quotation { body }),
        ]
    })
}

fn blocks() -> impl Strategy<Value = Vec<Block>> {
    prop::collection::vec(block(), 0..4)
}

fn footnotes() -> impl Strategy<Value = Vec<Footnote>> {
    prop::collection::vec(
        (marker(), blocks()).prop_map(|(marker, body)| Footnote { marker, body }),
        0..3,
    )
}

fn signature() -> impl Strategy<Value = Signature> {
    (text(), prop::collection::vec(text(), 0..3), any::<bool>()).prop_map(
        |(name, titles, signed)| Signature {
            name,
            titles,
            signed,
        },
    )
}

fn annex() -> impl Strategy<Value = Annex> {
    let kind = prop_oneof![
        Just(AnnexKind::Annex),
        Just(AnnexKind::Enclosure),
        Just(AnnexKind::Appendix)
    ];
    let leaf = (
        kind,
        text(),
        prop::option::of(text()),
        blocks(),
        prop::collection::vec(signature(), 0..2),
        footnotes(),
    )
        .prop_map(
            |(kind, heading, title, body, signatures, footnotes)| Annex {
                kind,
                heading,
                title,
                body,
                signatures,
                annexes: vec![],
                footnotes,
            },
        );
    leaf.prop_recursive(2, 4, 2, |inner| {
        (inner.clone(), prop::collection::vec(inner, 0..2)).prop_map(|(mut a, annexes)| {
            a.annexes = annexes;
            a
        })
    })
}

fn session() -> impl Strategy<Value = Session> {
    let item = (text(), text(), prop::collection::vec(text(), 0..2)).prop_map(
        |(number, title, subheadings)| AgendaItem {
            number,
            title,
            subheadings,
        },
    );
    (
        prop_oneof![
            Just("General Assembly".to_string()),
            Just("Security Council".to_string()),
            text()
        ],
        prop_oneof![Just("Seventy-ninth session".to_string()), text()],
        prop::option::of(text()),
        prop::collection::vec(item, 0..3),
    )
        .prop_map(|(organ, name, agenda_label, agenda_items)| Session {
            organ,
            name,
            agenda_label,
            agenda_items,
        })
}

/// Any document: every field, every block and inline kind, empty and odd strings included.
pub fn document() -> impl Strategy<Value = Document> {
    let kind = prop_oneof![
        Just(Kind::Letter),
        Just(Kind::IdenticalLetters),
        Just(Kind::NoteVerbale),
        Just(Kind::Other)
    ];
    let masthead = (
        prop::collection::vec(symbol(), 0..3),
        prop::collection::vec(text(), 0..3),
        prop::option::of(text()),
        prop::option::of(date()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::vec(session(), 0..3),
        prop::option::of(text()),
    );
    let title = (
        kind,
        prop::collection::vec(text(), 0..2),
        prop::option::of(date()),
        prop::option::of(text()),
        prop::collection::vec(text(), 0..3),
        text(),
        any::<bool>(),
    )
        .prop_map(
            |(kind, headings, letter_date, sender, addressees, filler, compose)| {
                // Half the titles are composed from their parts, as real titles are, so that the
                // marked-up form is exercised as well as the fallback.
                let title = if compose {
                    let mut t = String::from("Letter dated ");
                    if let Some(d) = letter_date {
                        t.push_str(&d.to_prose());
                    }
                    t.push_str(" from ");
                    t.push_str(sender.as_deref().unwrap_or_default());
                    t.push_str(" addressed to the ");
                    t.push_str(&addressees.join(" and the "));
                    t
                } else {
                    filler
                };
                (kind, headings, title, letter_date, sender, addressees)
            },
        );
    let content = (
        blocks(),
        prop::collection::vec(signature(), 0..3),
        prop::collection::vec(annex(), 0..3),
        footnotes(),
    );
    (masthead, title, content).prop_map(
        |(
            (
                symbols,
                organs,
                distribution,
                date,
                language,
                original_language,
                sessions,
                job_number,
            ),
            (kind, title_headings, title, letter_date, sender, addressees),
            (body, signatures, annexes, footnotes),
        )| Document {
            symbols,
            organs,
            distribution,
            date,
            language,
            original_language,
            sessions,
            job_number,
            kind,
            title_headings,
            title,
            letter_date,
            sender,
            addressees,
            body,
            signatures,
            annexes,
            footnotes,
            ..Document::default()
        },
    )
}

/// A reader's warnings without the one every reader gives a document that names no symbol
/// (generated documents often have none): what is left are remarks about the XML itself.
pub fn reader_remarks(warnings: Vec<unletters::Warning>) -> Vec<unletters::Warning> {
    warnings
        .into_iter()
        .filter(|w| !w.message.starts_with("the input names no document symbol"))
        .collect()
}
