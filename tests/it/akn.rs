//! The Akoma Ntoso writer and reader: schema validity (xmllint as the judge), level-2 rules,
//! lossless round trips over hand-built and generated documents, hand-edited input, and the
//! reader's refusals.

use crate::akn_support as support;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use sha2::{Digest, Sha256};
use unletters::akn;
use unletters::model::{Block, Document, Footnote, Inline, Kind};

fn round_trip(doc: &Document) -> String {
    let xml = akn::write(doc).expect("writes");
    let (back, warnings) = akn::read(&xml, &Default::default())
        .map(|r| (r.document, support::reader_remarks(r.warnings)))
        .unwrap_or_else(|e| panic!("reads back: {e}\n{xml}"));
    assert_eq!(&back, doc, "round trip changed the document:\n{xml}");
    assert!(warnings.is_empty(), "{warnings:?}");
    xml
}

#[test]
fn vendored_schema_is_byte_identical_to_the_oasis_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/akn");
    for (file, expected) in [
        (
            "akomantoso30.xsd",
            "6f61fe84cbb6f8cb0e8418cd67b74a63da9990e6573b5a3491f623184f45c4fd",
        ),
        (
            "xml.xsd",
            "81aed1bb30c9d475f5b16b6bb92e6ede9879dcd7e146c0ed8df577b87b1d2815",
        ),
    ] {
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let digest: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(digest, expected, "{file} differs from the OASIS original");
    }
}

#[test]
fn synthetic_letter_round_trips_and_is_valid() {
    let doc = support::synthetic_letter();
    let xml = round_trip(&doc);
    support::assert_level2(&xml);
    let dir = tempfile::tempdir().unwrap();
    support::assert_schema_valid(dir.path(), &[("letter".into(), xml.clone())]);
    // Deterministic: the same document gives the same bytes.
    assert_eq!(akn::write(&doc).unwrap(), xml);
    insta::assert_snapshot!("synthetic_letter", xml);
}

#[test]
fn every_kind_and_edge_case_round_trips() {
    let mut docs = Vec::new();
    for kind in [
        Kind::Letter,
        Kind::IdenticalLetters,
        Kind::NoteVerbale,
        Kind::Other,
    ] {
        docs.push(Document {
            kind,
            ..Document::default()
        });
    }
    // Empty containers, adjacent and empty texts, out-of-order and dangling call-outs.
    docs.push(Document {
        body: vec![
            Block::List { items: vec![] },
            Block::Table { rows: vec![] },
            Block::Quotation { body: vec![] },
            Block::Paragraph {
                num: None,
                content: vec![
                    Inline::text("a"),
                    Inline::text("b"),
                    Inline::text(""),
                    Inline::FootnoteRef { marker: "2".into() },
                    Inline::FootnoteRef { marker: "1".into() },
                    Inline::FootnoteRef { marker: "1".into() },
                    Inline::FootnoteRef { marker: "9".into() },
                ],
            },
        ],
        footnotes: vec![
            Footnote {
                marker: "1".into(),
                body: vec![],
            },
            Footnote {
                marker: "2".into(),
                body: vec![Block::Paragraph {
                    num: None,
                    content: vec![Inline::FootnoteRef { marker: "2".into() }],
                }],
            },
        ],
        ..Document::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let mut xmls = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let xml = round_trip(doc);
        support::assert_level2(&xml);
        xmls.push((format!("edge{i}"), xml));
    }
    support::assert_schema_valid(dir.path(), &xmls);
}

#[test]
fn generated_documents_are_schema_valid_and_level2_clean() {
    // One xmllint call for the whole batch: the schema takes a while to compile.
    let mut runner = TestRunner::deterministic();
    let strategy = support::document();
    let dir = tempfile::tempdir().unwrap();
    let mut xmls = Vec::new();
    for i in 0..48 {
        let doc = strategy.new_tree(&mut runner).unwrap().current();
        let xml = round_trip(&doc);
        support::assert_level2(&xml);
        xmls.push((format!("gen{i}"), xml));
    }
    support::assert_schema_valid(dir.path(), &xmls);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn read_inverts_write(doc in support::document()) {
        let xml = akn::write(&doc).unwrap();
        let (back, warnings) = akn::read(&xml, &Default::default()).map(|r| (r.document, support::reader_remarks(r.warnings))).unwrap();
        prop_assert_eq!(&back, &doc);
        prop_assert!(warnings.is_empty());
        support::assert_level2(&xml);
    }

    #[test]
    fn reader_never_panics_on_mangled_input(cut in 0usize..4000, junk in "[<>&;/\"a-z!\\[\\]-]{0,6}") {
        let xml = akn::write(&support::synthetic_letter()).unwrap();
        let mut at = cut.min(xml.len());
        while !xml.is_char_boundary(at) {
            at -= 1;
        }
        let mangled = format!("{}{junk}{}", &xml[..at], &xml[at..]);
        let _ = akn::read(&mangled, &Default::default()).map(|r| (r.document, support::reader_remarks(r.warnings)));
        let _ = akn::read(&xml[..at], &Default::default()).map(|r| (r.document, support::reader_remarks(r.warnings)));
    }
}

#[test]
fn reads_hand_edited_variants() {
    let doc = support::synthetic_letter();
    let xml = akn::write(&doc).unwrap();
    // A prefix instead of the default namespace, attributes reordered, comments, CDATA, a
    // re-indented structure, CRLF line ends between elements.
    let edited = xml
        .replace(
            "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\" xmlns:akn4un=\"http://un.org/akn4un\">",
            "<!-- edited by hand -->\r\n<a:akomaNtoso xmlns:a=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\" xmlns:akn4un=\"http://un.org/akn4un\">",
        )
        .replace("</akomaNtoso>", "</a:akomaNtoso>")
        .replace("<doc name=\"officialLetter\">", "<doc name=\"officialLetter\" xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">")
        .replace(
            "<docDate date=\"2025-03-04\" refersTo=\"#dateOfIssuance\">",
            "<docDate\n   refersTo='#dateOfIssuance'   date='2025-03-04'>",
        )
        .replace("first point;", "first <![CDATA[point]]>;<!-- note -->")
        .replacen("<mainBody>", "<a:mainBody>\r\n\t<!-- body -->", 1)
        .replacen("</mainBody>", "</a:mainBody>", 1);
    assert_ne!(edited, xml);
    let (back, warnings) = akn::read(&edited, &Default::default())
        .map(|r| (r.document, support::reader_remarks(r.warnings)))
        .unwrap_or_else(|e| panic!("{e}\n{edited}"));
    assert_eq!(back, doc);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn unknown_elements_warn_and_keep_their_text() {
    let doc = support::synthetic_letter();
    let xml = akn::write(&doc).unwrap().replace(
        "the &lt;annexed&gt; statement.",
        "the <x:note xmlns:x=\"urn:x\">annexed</x:note> <mystery>statement</mystery>.",
    );
    let (back, warnings) = akn::read(&xml, &Default::default())
        .map(|r| (r.document, support::reader_remarks(r.warnings)))
        .unwrap();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].message.contains("unknown element"),
        "{}",
        warnings[0]
    );
    assert!(warnings[0].position.is_some());
    let Block::Paragraph { content, .. } = &back.body[0] else {
        panic!("{:?}", back.body[0]);
    };
    let text: String = content
        .iter()
        .filter_map(|i| match i {
            Inline::Text { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(text.contains("the annexed statement."), "{text}");
}

#[test]
fn other_document_types_are_refused_by_name() {
    let resolution = r#"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><meta/></statement></akomaNtoso>"#;
    let err = akn::read(resolution, &Default::default())
        .map(|r| (r.document, support::reader_remarks(r.warnings)))
        .unwrap_err()
        .to_string();
    assert!(err.contains("<statement name=\"resolution\">"), "{err}");
    assert!(err.starts_with("1:"), "{err}");
    let act = r#"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act/></akomaNtoso>"#;
    assert!(
        akn::read(act, &Default::default())
            .map(|r| (r.document, support::reader_remarks(r.warnings)))
            .unwrap_err()
            .to_string()
            .contains("<act>")
    );
    let doc = r#"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><doc name="resolution"/></akomaNtoso>"#;
    assert!(
        akn::read(doc, &Default::default())
            .map(|r| (r.document, support::reader_remarks(r.warnings)))
            .unwrap_err()
            .to_string()
            .contains("<doc name=\"resolution\">")
    );
    let html = "<html><body/></html>";
    let err = akn::read(html, &Default::default())
        .map(|r| (r.document, support::reader_remarks(r.warnings)))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("root element is <html> without a namespace"),
        "{err}"
    );
}

#[test]
fn malformed_and_hostile_input_is_refused_with_a_position() {
    let xml = akn::write(&support::synthetic_letter()).unwrap();
    // Break an end tag on a known line.
    let line = xml.lines().position(|l| l.contains("</preface>")).unwrap() + 1;
    let broken = xml.replacen("</preface>", "</prefaec>", 1);
    let err = akn::read(&broken, &Default::default())
        .map(|r| (r.document, support::reader_remarks(r.warnings)))
        .unwrap_err();
    assert!(err.is_invalid_input(), "{err}");
    assert!(
        err.to_string().starts_with(&format!("{line}:")),
        "{err} (expected line {line})"
    );
    let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>\n<akomaNtoso>&lol2;</akomaNtoso>";
    let err = akn::read(bomb, &Default::default())
        .map(|r| (r.document, support::reader_remarks(r.warnings)))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("2:1: DOCTYPE declarations are refused"),
        "{err}"
    );
    let external =
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">&xxe;</akomaNtoso>";
    assert!(
        akn::read(external, &Default::default())
            .map(|r| (r.document, support::reader_remarks(r.warnings)))
            .unwrap_err()
            .to_string()
            .contains("undefined entity &xxe;")
    );
    let deep = format!(
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">{}{}</akomaNtoso>",
        "<p>".repeat(unletters::limits::DEFAULT_MAX_XML_DEPTH),
        "</p>".repeat(unletters::limits::DEFAULT_MAX_XML_DEPTH)
    );
    assert!(
        akn::read(&deep, &Default::default())
            .map(|r| (r.document, support::reader_remarks(r.warnings)))
            .unwrap_err()
            .to_string()
            .contains("deeper than")
    );
}

#[test]
fn unwritable_characters_are_an_error_not_bad_xml() {
    let doc = Document {
        title: "page\u{c}break".into(),
        ..Document::default()
    };
    let err = akn::write(&doc).unwrap_err().to_string();
    assert!(err.contains("U+000C"), "{err}");
}
