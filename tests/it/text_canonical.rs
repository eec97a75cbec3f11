//! The canonical text: golden text of a synthetic letter, exact round trips of generated
//! documents (every model part, arbitrary strings including the markup characters), and errors
//! with positions on bad canonical text.

use crate::common;
use crate::text_canonical_support;

use proptest::prelude::*;
use unletters::model::{
    AgendaItem, Annex, AnnexKind, Block, Cell, Date, Document, FORMAT, Footnote, Inline, Kind,
    ListItem, Num, Row, Session, Signature,
};
use unletters::text::{self, canonical};
use unletters::{Error, Symbol};

fn round_trip(doc: &Document) -> String {
    let written = canonical::write(doc);
    assert!(canonical::is_canonical(&written));
    let read = match canonical::read(&written, unletters::limits::DEFAULT_MAX_TEXT_DEPTH) {
        Ok(d) => d,
        Err(e) => panic!("reading back failed: {e}\n{written}"),
    };
    assert_eq!(&read, doc, "read(write(doc)) != doc\n{written}");
    assert_eq!(canonical::write(&read), written, "write is not idempotent");
    written
}

#[test]
fn synthetic_letter_golden() {
    let written = round_trip(&text_canonical_support::synthetic::letter());
    insta::assert_snapshot!(written);
}

#[test]
fn dispatch_through_text_module() {
    let doc = text_canonical_support::synthetic::letter();
    let written = text::write(&doc).unwrap();
    let (read, warnings) = text::read(&written, &Default::default())
        .map(|r| (r.document, r.warnings))
        .unwrap();
    assert_eq!(read, doc);
    assert!(warnings.is_empty());
}

#[test]
fn shared_hand_built_documents_round_trip() {
    for doc in common::hand_built() {
        round_trip(&doc);
    }
}

#[test]
fn empty_document_round_trips() {
    let written = round_trip(&Document::default());
    assert!(written.starts_with("unletters-text/1\n\nUnited Nations\n"));
}

fn error_at(input: &str) -> (usize, usize, String) {
    match canonical::read(input, unletters::limits::DEFAULT_MAX_TEXT_DEPTH) {
        Err(Error::Malformed {
            position: Some(p),
            message,
        }) => (p.line, p.column, message),
        other => panic!("expected a positioned error, got {other:?}"),
    }
}

#[test]
fn errors_name_line_and_column() {
    let head = "unletters-text/1\n\nUnited Nations\n\n___\n\nLetter dated 1 March 2025\n\n";
    let (l, c, m) = error_at(&format!("{head}1. Some [bad text\n"));
    assert_eq!((l, c), (9, 9), "{m}");
    let (l, c, m) = error_at(&format!("{head}- (a) x\n\n  y \\q z\n"));
    assert_eq!((l, c), (11, 5), "{m}");
    assert!(m.contains("bad escape"), "{m}");
    let (l, c, _) = error_at(&format!("{head}> quoted\n> [x]{{nope}}\n"));
    assert_eq!((l, c), (10, 3));
    let (l, _, m) = error_at(&format!("{head}One line\nanother line\n"));
    assert_eq!(l, 10, "{m}");
    let (l, c, _) = error_at("unletters-text/1\n\nS/1/\nUnited Nations\n\n___\n\nx\n");
    assert_eq!((l, c), (3, 1));
    let (l, _, m) = error_at("unletters-text/9\n");
    assert_eq!(l, 1);
    assert!(m.contains("version"), "{m}");
    assert!(matches!(
        canonical::read(
            "unletters-text/1\n\nUnited Nations\n",
            unletters::limits::DEFAULT_MAX_TEXT_DEPTH
        ),
        Err(Error::Malformed { .. })
    ));
}

#[test]
fn hand_written_text_reads() {
    let input = "unletters-text/1\r\n\r\nS/2025/1\r\nUnited Nations\r\nSecurity Council\r\nDistr.: General\r\n2 March 2025\r\nOriginal: French\r\n\r\n___\r\n\r\nLetter dated 1 March 2025 from [the Permanent Representative of Ruritania]{from} addressed to the [Secretary-General]{to}\r\n\r\n1. Text with [emphasis]{em}.[^1]\r\n\r\n(Signed) A. B.\r\n\r\n[^1]: A note.\r\n";
    let doc = canonical::read(input, unletters::limits::DEFAULT_MAX_TEXT_DEPTH).unwrap();
    assert_eq!(doc.symbols, vec![Symbol::parse("S/2025/1").unwrap()]);
    assert_eq!(doc.date, Date::new(2025, 3, 2));
    assert_eq!(doc.original_language.as_deref(), Some("French"));
    assert_eq!(doc.kind, Kind::Letter);
    assert_eq!(doc.letter_date, None);
    assert_eq!(
        doc.sender.as_deref(),
        Some("the Permanent Representative of Ruritania")
    );
    assert_eq!(doc.addressees, vec!["Secretary-General".to_string()]);
    assert_eq!(
        doc.title,
        "Letter dated 1 March 2025 from the Permanent Representative of Ruritania addressed to the Secretary-General"
    );
    assert_eq!(doc.signatures[0].name, "A. B.");
    assert!(doc.signatures[0].signed);
    assert_eq!(doc.footnotes[0].marker, "1");
    assert_eq!(
        doc.body,
        vec![Block::Paragraph {
            num: Some(Num::new("1.")),
            content: vec![
                Inline::text("Text with "),
                Inline::Emphasis {
                    content: vec![Inline::text("emphasis")]
                },
                Inline::text("."),
                Inline::FootnoteRef { marker: "1".into() },
            ],
        }]
    );
}

// ---- generated documents ----
//
// Not `common::strategy`: that generator writes text any format can carry (AKN and JSON take no
// control characters, names are one line); this one stresses the canonical grammar with its own
// markup and line-start markers in every field, names and markers included. Both name every
// model field, so a new field fails to compile until both generate it.

/// Strings of any characters, weighted towards the grammar's markup and line-start markers.
fn string() -> impl Strategy<Value = String> {
    let markup = prop::sample::select(vec![
        "\\",
        "[",
        "]",
        "{",
        "}",
        "|",
        "^",
        "&",
        "=",
        "#",
        ">",
        "-",
        "_",
        "___",
        " ",
        "  ",
        "\n",
        "\r",
        "\t",
        "\u{a0}",
        "(Signed) ",
        "(Unsigned)",
        "Distr.: ",
        "Original: ",
        "1. ",
        "(a) ",
        "• ",
        "[^1]: ",
        "[x]{em}",
        "]{num} ",
        "\\u{41}",
        "\\&",
        "Annex",
        "Enclosure",
        "Appendix",
        "1 March 2025",
        "United Nations",
        "A/79/1",
        "Letter dated ",
        "Note verbale",
        "–",
        "*",
        "[]{list}",
        "[]{table}",
        "|---|",
        ".",
    ]);
    let piece = prop_oneof![
        3 => markup.prop_map(str::to_string),
        2 => "[a-zA-Z ,.()']{1,12}",
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..5).prop_map(|v| v.concat())
}

fn symbol() -> impl Strategy<Value = Symbol> {
    prop::sample::select(vec![
        "A/79/729",
        "S/2025/40",
        "A/79/843*",
        "A/ES-10/1043",
        "S/2025/71/Rev.1",
        "E/2025/15/Add.1/Rev.1",
        "A/80/6 (Sect. 24)",
        "DP/2025/14/Corr.1",
    ])
    .prop_map(|s| Symbol::parse(s).expect("listed symbols parse"))
}

fn date() -> impl Strategy<Value = Date> {
    (1000u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).expect("valid"))
}

fn opt<T: std::fmt::Debug>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

fn small<T: std::fmt::Debug>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Vec<T>> {
    prop::collection::vec(s, 0..3)
}

fn inline() -> impl Strategy<Value = Inline> {
    let leaf = prop_oneof![
        4 => string().prop_map(|text| Inline::Text { text }),
        1 => string().prop_map(|marker| Inline::FootnoteRef { marker }),
        1 => (prop_oneof![string(), symbol().prop_map(|s| s.to_string())], symbol(), small(symbol()))
            .prop_map(|(text, symbol, joint_with)| Inline::Symbol { text, symbol, joint_with }),
        1 => (prop_oneof![string(), date().prop_map(|d| d.to_prose())], date())
            .prop_map(|(text, date)| Inline::Date { text, date }),
        1 => (string(), prop_oneof![string(), Just("https://un.org/".to_string())])
            .prop_map(|(text, href)| Inline::Link { text, href }),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4)
                .prop_map(|content| Inline::Emphasis { content }),
            prop::collection::vec(inner, 0..4).prop_map(|content| Inline::Strong { content }),
        ]
    })
}

fn inlines() -> impl Strategy<Value = Vec<Inline>> {
    prop::collection::vec(inline(), 0..4)
}

fn num() -> impl Strategy<Value = Option<Num>> {
    opt(prop_oneof![
        prop::sample::select(vec!["1.", "(a)", "(iv)", "•", "-", "1", "a)"]).prop_map(Num::new),
        string().prop_map(Num::new),
    ])
}

fn block() -> impl Strategy<Value = Block> {
    let leaf = prop_oneof![
        4 => (num(), inlines()).prop_map(|(num, content)| Block::Paragraph { num, content }),
        1 => inlines().prop_map(|content| Block::Heading { content }),
        1 => small((any::<bool>(), small(inlines().prop_map(|content| Cell { content }))))
            .prop_map(|rows| Block::Table {
                rows: rows.into_iter().map(|(header, cells)| Row { header, cells }).collect(),
            }),
    ];
    leaf.prop_recursive(3, 16, 3, |inner| {
        prop_oneof![
            small(inner.clone()).prop_map(|body| Block::Quotation { body }),
            small((num(), small(inner))).prop_map(|items| Block::List {
                items: items
                    .into_iter()
                    .map(|(num, body)| ListItem { num, body })
                    .collect(),
            }),
        ]
    })
}

fn blocks() -> impl Strategy<Value = Vec<Block>> {
    small(block())
}

fn signature() -> impl Strategy<Value = Signature> {
    (string(), small(string()), any::<bool>()).prop_map(|(name, titles, signed)| Signature {
        name,
        titles,
        signed,
    })
}

fn footnote() -> impl Strategy<Value = Footnote> {
    (string(), blocks()).prop_map(|(marker, body)| Footnote { marker, body })
}

fn annex_kind() -> impl Strategy<Value = AnnexKind> {
    prop::sample::select(vec![
        AnnexKind::Annex,
        AnnexKind::Enclosure,
        AnnexKind::Appendix,
    ])
}

fn annex() -> impl Strategy<Value = Annex> {
    let leaf = (
        annex_kind(),
        string(),
        opt(string()),
        blocks(),
        small(signature()),
        small(footnote()),
    )
        .prop_map(
            |(kind, heading, title, body, signatures, footnotes)| Annex {
                kind,
                heading,
                title,
                body,
                signatures,
                annexes: Vec::new(),
                footnotes,
            },
        );
    leaf.prop_recursive(3, 6, 2, |inner| {
        (inner.clone(), small(inner)).prop_map(|(annex, annexes)| Annex {
            kind: annex.kind,
            heading: annex.heading,
            title: annex.title,
            body: annex.body,
            signatures: annex.signatures,
            // No `..`: a field added to the model must be generated here too.
            annexes,
            footnotes: annex.footnotes,
        })
    })
}

fn session() -> impl Strategy<Value = Session> {
    (
        string(),
        string(),
        opt(string()),
        small((string(), string(), small(string()))),
    )
        .prop_map(|(organ, name, agenda_label, items)| Session {
            organ,
            name,
            agenda_label,
            agenda_items: items
                .into_iter()
                .map(|(number, title, subheadings)| AgendaItem {
                    number,
                    title,
                    subheadings,
                })
                .collect(),
        })
}

fn kind() -> impl Strategy<Value = Kind> {
    prop::sample::select(vec![
        Kind::Letter,
        Kind::IdenticalLetters,
        Kind::NoteVerbale,
        Kind::Other,
    ])
}

/// A title that often contains its own date, sender and addressees, as real titles do.
fn title_parts() -> impl Strategy<Value = (String, Option<Date>, Option<String>, Vec<String>)> {
    (
        string(),
        opt(date()),
        opt(string()),
        small(string()),
        any::<bool>(),
    )
        .prop_map(|(prefix, date, sender, addressees, embed)| {
            if !embed {
                return (prefix, date, sender, addressees);
            }
            let mut title = format!("Letter{prefix} dated ");
            if let Some(d) = date {
                title.push_str(&d.to_prose());
            }
            if let Some(s) = &sender {
                title.push_str(" from ");
                title.push_str(s);
            }
            title.push_str(" addressed to the ");
            title.push_str(&addressees.join(" and the "));
            (title, date, sender, addressees)
        })
}

fn document() -> impl Strategy<Value = Document> {
    let masthead = (
        small(symbol()),
        small(string()),
        opt(string()),
        opt(date()),
        opt(string()),
        opt(string()),
        small(session()),
        opt(string()),
    );
    let front = (kind(), small(string()), title_parts());
    let content = (
        blocks(),
        small(signature()),
        small(annex()),
        small(footnote()),
    );
    (masthead, front, content).prop_map(
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
            (kind, title_headings, (title, letter_date, sender, addressees)),
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
            // No `..Document::default()`: a field added to the model must be generated here
            // too (the format version has its own property below).
            format: FORMAT.to_string(),
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn generated_documents_round_trip(doc in document()) {
        round_trip(&doc);
    }

    #[test]
    fn shared_model_strategy_round_trips(doc in common::strategy::document()) {
        round_trip(&doc);
    }

    #[test]
    fn other_format_versions_round_trip(format in string()) {
        round_trip(&Document { format, ..Document::default() });
    }

    #[test]
    fn reading_garbage_never_panics(input in string()) {
        let _ = canonical::read(&format!("unletters-text/1\n{input}"), unletters::limits::DEFAULT_MAX_TEXT_DEPTH);
        let _ = canonical::read(&format!("unletters-text/1\n\nUnited Nations\n\n___\n\n{input}"), unletters::limits::DEFAULT_MAX_TEXT_DEPTH);
    }
}

#[test]
fn readme_example_is_canonical() {
    let readme = include_str!("../../README.md");
    let section = readme
        .split("## Canonical text")
        .nth(1)
        .expect("the README has a Canonical text section");
    let example = section
        .split("```\n")
        .nth(1)
        .expect("the section shows an example");
    let doc = canonical::read(example, unletters::limits::DEFAULT_MAX_TEXT_DEPTH)
        .unwrap_or_else(|e| panic!("README example: {e}"));
    assert_eq!(canonical::write(&doc), example);
    assert_eq!(
        doc.sender.as_deref(),
        Some("the Permanent Representative of Ruritania to the United Nations")
    );
    assert_eq!(doc.annexes[0].annexes[0].kind, AnnexKind::Enclosure);
}

#[test]
fn hostile_nesting_is_an_error_not_a_crash() {
    let head = "unletters-text/1\n\nUnited Nations\n\n___\n\nx\n\n";
    for body in [
        "[".repeat(100_000),
        format!("{}x{}", "[".repeat(5_000), "]{em}".repeat(5_000)),
        "> ".repeat(50_000) + "x",
        "- ".repeat(50_000) + "x",
        (1..2_000)
            .map(|d| format!("{} A\n\n", "=".repeat(d)))
            .collect(),
    ] {
        let input = format!("{head}{body}\n");
        // Nesting past the limit is a limit the user may raise (exit 2, naming the flag).
        match canonical::read(&input, unletters::limits::DEFAULT_MAX_TEXT_DEPTH) {
            Err(e @ Error::TooDeep { .. }) => {
                assert!(e.to_string().contains("--max-text-depth"), "{e}")
            }
            other => panic!("expected the nesting limit, got {other:?}"),
        }
    }
}
