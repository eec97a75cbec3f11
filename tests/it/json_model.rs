//! The JSON format: model -> JSON -> model identity, validity against the published schema, the
//! schema file being current, the field names of the contract, and clear errors on bad JSON.

use crate::common;

use proptest::prelude::*;
use serde_json::Value;
use unletters::validate::json_schema;
use unletters::{Error, Format, convert, json};

fn schema_errors(text: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(text).expect("the writer writes JSON");
    json_schema::errors(&value)
        .into_iter()
        .map(|e| format!("{}: {} ({})", e.instance_path, e.message, e.keyword))
        .collect()
}

#[test]
fn hand_built_documents_survive_json() {
    for doc in common::hand_built() {
        let text = json::write(&doc).unwrap();
        assert_eq!(
            json::read(&text, &Default::default())
                .map(|r| r.document)
                .expect("reads back"),
            doc
        );
        // The same through the format-agnostic entry points, with detection.
        let written = convert::write(&doc, Format::Json).expect("JSON is always writable");
        assert_eq!(written, text);
        let read = convert::read(written.as_bytes(), &Default::default()).expect("reads back");
        assert_eq!(read.format, Format::Json);
        assert_eq!(read.document, doc);
    }
}

#[test]
fn hand_built_documents_are_valid_against_the_schema() {
    for doc in common::hand_built() {
        let errors = schema_errors(&json::write(&doc).unwrap());
        assert!(errors.is_empty(), "{}: {errors:#?}", doc.title);
    }
}

#[test]
fn full_letter_json_is_stable() {
    insta::assert_snapshot!("full_letter", json::write(&common::full_letter()).unwrap());
}

#[test]
fn committed_schema_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/unletters.schema.json");
    let committed = std::fs::read_to_string(path).expect("the schema is committed");
    assert!(
        committed == json::schema_text(),
        "schemas/unletters.schema.json is stale: run `cargo xtask schema`"
    );
    assert_eq!(json_schema::SCHEMA, committed);
    let schema: Value = serde_json::from_str(&committed).expect("the schema is JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

/// A way to spoil a document's JSON.
type Breakage = fn(&mut Value);

/// The schema must reject what the reader rejects, or "valid against the schema" means little.
#[test]
fn schema_rejects_broken_documents() {
    let good: Value = serde_json::from_str(&json::write(&common::full_letter()).unwrap()).unwrap();
    let breakages: [(&str, Breakage); 7] = [
        ("unknown field", |v| v["colour"] = "blue".into()),
        ("wrong type", |v| v["organs"] = "General Assembly".into()),
        ("missing field", |v| {
            v.as_object_mut().unwrap().remove("title");
        }),
        ("bad date", |v| v["date"] = "14 October 2025".into()),
        ("bad symbol", |v| v["symbols"][0] = "A/80/".into()),
        ("bad kind", |v| v["kind"] = "memo".into()),
        ("bad block", |v| v["body"][0]["type"] = "para".into()),
    ];
    for (what, breaks) in breakages {
        let mut bad = good.clone();
        breaks(&mut bad);
        assert!(
            !json_schema::errors(&bad).is_empty(),
            "{what} passed the schema"
        );
        assert!(
            json::read(&bad.to_string(), &Default::default())
                .map(|r| r.document)
                .is_err(),
            "{what} passed the reader"
        );
    }
}

/// DESIGN.md's JSON contract: these names are what users and tools read.
#[test]
fn json_uses_the_contract_names() {
    let v: Value = serde_json::from_str(&json::write(&common::full_letter()).unwrap()).unwrap();
    for key in [
        "format",
        "symbols",
        "organs",
        "distribution",
        "date",
        "original_language",
        "sessions",
        "job_number",
        "kind",
        "title",
        "letter_date",
        "sender",
        "addressees",
        "body",
        "signatures",
        "annexes",
        "footnotes",
    ] {
        assert!(v.get(key).is_some(), "no top-level {key:?}");
    }
    assert_eq!(v["format"], "unletters/1");
    assert_eq!(v["kind"], "letter");
    assert_eq!(v["date"], "2025-10-14");
    assert_eq!(
        v["symbols"],
        serde_json::json!(["A/80/912*", "S/2025/777*"])
    );
    assert_eq!(v["sessions"][0]["organ"], "General Assembly");
    assert_eq!(v["sessions"][0]["name"], "Eightieth session");
    assert_eq!(v["sessions"][0]["agenda_items"][0]["number"], "34");
    assert!(v["sessions"][0]["agenda_items"][0]["title"].is_string());
    assert!(v["signatures"][0]["name"].is_string());
    assert!(v["annexes"][0]["heading"].is_string());
    // Every paragraph, wherever it sits (lists, quotations, footnotes, annexes), is a tagged object.
    let mut paragraphs = 0;
    count_paragraphs(&v, &mut paragraphs);
    assert_eq!(paragraphs, 11);
}

/// Counts `{"type": "paragraph"}` objects, checking each carries `content` with `text` inlines.
fn count_paragraphs(v: &Value, n: &mut usize) {
    match v {
        Value::Object(map) => {
            if map.get("type") == Some(&Value::from("paragraph")) {
                *n += 1;
                assert!(map["content"].is_array(), "{v}");
            }
            if map.get("type") == Some(&Value::from("text")) {
                assert!(map["text"].is_string(), "{v}");
            }
            map.values().for_each(|x| count_paragraphs(x, n));
        }
        Value::Array(items) => items.iter().for_each(|x| count_paragraphs(x, n)),
        _ => {}
    }
}

fn invalid_at(input: &str) -> (Option<(usize, usize)>, String) {
    match json::read(input, &Default::default()).map(|r| r.document) {
        Err(Error::Malformed { position, message }) => {
            (position.map(|p| (p.line, p.column)), message)
        }
        other => panic!("expected an invalid-input error, got {other:?}"),
    }
}

#[test]
fn broken_json_says_where() {
    let good = json::write(&common::bare_note_verbale()).unwrap();
    // Drop the comma after the third line's value: the error is on line 4.
    let mut lines: Vec<String> = good.lines().map(str::to_string).collect();
    lines[2] = lines[2].trim_end_matches(',').to_string();
    let (pos, message) = invalid_at(&lines.join("\n"));
    assert_eq!(pos, Some((4, 3)), "{message}");
    assert!(message.contains("expected"), "{message}");
    assert!(
        !message.contains(" at line "),
        "position repeated: {message}"
    );

    let (pos, _) = invalid_at("{\"format\": \"unletters/1\",\n  \"symbols\": [\n");
    assert_eq!(pos.map(|p| p.0), Some(3));
    let (pos, message) = invalid_at("");
    assert!(pos.is_some(), "{message}");
}

#[test]
fn wrong_types_and_unknown_fields_are_refused() {
    let good: Value = serde_json::from_str(&json::write(&common::full_letter()).unwrap()).unwrap();

    let mut v = good.clone();
    v["organs"] = Value::from(3);
    let (pos, message) = invalid_at(&serde_json::to_string_pretty(&v).unwrap());
    assert!(message.contains("3 is not of type \"array\""), "{message}");
    assert!(pos.is_some());

    let mut v = good.clone();
    v["body"][0]["colour"] = Value::from("blue");
    let (_, message) = invalid_at(&v.to_string());
    assert!(message.contains("unknown field \"colour\""), "{message}");

    let mut v = good.clone();
    v["symbols"][0] = Value::from("not a symbol");
    let (_, message) = invalid_at(&v.to_string());
    // In words, not the pattern's regular expression.
    assert!(message.contains("is not a UN document symbol"), "{message}");
    assert!(!message.contains('^'), "{message}");

    let mut v = good;
    v["letter_date"] = Value::from("2025-02-30");
    let (_, message) = invalid_at(&v.to_string());
    assert!(message.contains("is not a calendar date"), "{message}");
}

/// serde would read a struct from an array of its fields; the schema, and so the reader, do not.
#[test]
fn array_forms_of_objects_are_refused() {
    let mut v: Value =
        serde_json::from_str(&json::write(&common::bare_note_verbale()).unwrap()).unwrap();
    v["signatures"] = serde_json::json!([["Mira Talvenko", [], true]]);
    let text = v.to_string();
    let (pos, message) = invalid_at(&text);
    // Located at the offending value, as `unletters validate` locates it.
    let column = text.find("[\"Mira").unwrap() + 1;
    assert_eq!(pos, Some((1, column)));
    assert!(message.ends_with("(at /signatures/0)"), "{message}");

    let (pos, message) = invalid_at("\n  [\"unletters/1\"]");
    assert_eq!(pos, Some((2, 3)));
    assert!(message.contains("JSON object"), "{message}");
}

#[test]
fn other_format_versions_are_refused() {
    let mut v: Value =
        serde_json::from_str(&json::write(&common::bare_note_verbale()).unwrap()).unwrap();
    v["format"] = Value::from("unletters/2");
    let (_, message) = invalid_at(&v.to_string());
    assert!(message.contains("unletters/2"), "{message}");
    assert!(message.contains("unletters/1"), "{message}");
    // A missing version reads as the current one (a hand-written file may leave it out).
    v.as_object_mut().unwrap().remove("format");
    assert!(
        json::read(&v.to_string(), &Default::default())
            .map(|r| r.document)
            .is_ok()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_documents_survive_json(doc in common::strategy::document()) {
        let text = json::write(&doc).unwrap();
        prop_assert_eq!(json::read(&text, &Default::default()).map(|r| r.document).expect("reads back"), doc);
        let errors = schema_errors(&text);
        prop_assert!(errors.is_empty(), "{:#?}", errors);
    }

    /// Whatever `Symbol::parse` accepts, it writes in a form the schema's pattern accepts.
    #[test]
    fn every_parsed_symbol_fits_the_schema(text in (proptest::sample::select(vec!["A/", "S/", "e/", "TPNW/"]), proptest::collection::vec(
        prop_oneof![
            proptest::sample::select(vec![
                "A/", "S/", "e/cn.6/", "S/RES/", "A/ES\u{2013}10/", "hrc/", "79/", "2025", "L.45",
                "-", "*", " (Sect.24)", "(2016)", "(Part II)", "/Rev.1", "/corr.2", "/Add.10", "/",
            ])
            .prop_map(String::from),
            "[A-Za-z0-9.-]{1,3}",
        ],
        1..10,
    )).prop_map(|(body, parts)| format!("{body}{}", parts.concat()))) {
        if let Ok(symbol) = unletters::Symbol::parse(&text) {
            let doc = unletters::Document { symbols: vec![symbol], ..Default::default() };
            let errors = schema_errors(&json::write(&doc).unwrap());
            prop_assert!(errors.is_empty(), "{}: {:#?}", text, errors);
        }
    }

    #[test]
    fn generated_symbols_survive_display(symbol in common::strategy::symbol()) {
        let again = unletters::Symbol::parse(&symbol.to_string()).expect("display parses");
        prop_assert_eq!(&again, &symbol);
        prop_assert!(symbol.same_base(&symbol.base()));
    }
}

/// One engine for JSON problems: `convert` reports the first problem `validate` lists, at the same
/// line and column and in the same words, for every way a document can be broken; and `validate`
/// lists its problems in text order.
#[test]
fn convert_and_validate_agree_on_every_broken_json() {
    let good: Value = serde_json::from_str(&json::write(&common::full_letter()).unwrap()).unwrap();
    let pretty = |f: fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        serde_json::to_string_pretty(&v).unwrap()
    };
    let cases: Vec<(&str, String)> = vec![
        (
            "syntax",
            "{\"format\": \"unletters/1\",\n  \"symbols\": [\"é\" x]}".into(),
        ),
        (
            "junk first line",
            "junk\n{\"format\": \"unletters/1\"}".into(),
        ),
        ("array", "\n  [\"unletters/1\"]".into()),
        ("version", "{\"format\": \"unletters/9\"}".into()),
        (
            "several",
            "{\"format\": \"unletters/1\",\n  \"symbols\": 7}".into(),
        ),
        ("wrong type", pretty(|v| v["organs"] = 3.into())),
        (
            "unknown field",
            pretty(|v| v["body"][0]["colour"] = "blue".into()),
        ),
        ("bad symbol", pretty(|v| v["symbols"][0] = "A/80/".into())),
        (
            "bad date",
            pretty(|v| v["letter_date"] = "2025-02-30".into()),
        ),
        ("bad kind", pretty(|v| v["kind"] = "memo".into())),
        (
            "two problems, later first in the schema",
            pretty(|v| {
                v["kind"] = "memo".into();
                v["symbols"][0] = "A/80/".into();
            }),
        ),
    ];
    for (what, text) in cases {
        let error = match json::read(&text, &Default::default()) {
            Err(Error::Malformed { position, message }) => (position, message),
            other => panic!("{what}: read gave {other:?}"),
        };
        let report = unletters::validate::validate_bytes(
            "x.json",
            text.as_bytes(),
            Format::Json,
            &Default::default(),
        );
        let first = report
            .diagnostics
            .first()
            .unwrap_or_else(|| panic!("{what}: valid"));
        let shown = match first.pointer.as_deref() {
            Some("") => format!("{} (at /)", first.message),
            Some(p) => format!("{} (at {p})", first.message),
            None => first.message.clone(),
        };
        assert_eq!(error, (first.position, shown), "{what}");
        assert!(
            !error.1.contains("^["),
            "{what}: a regular expression: {}",
            error.1
        );
        let positions: Vec<_> = report.diagnostics.iter().map(|d| d.position).collect();
        let mut sorted = positions.clone();
        sorted.sort();
        assert_eq!(positions, sorted, "{what}: validate lists in text order");
    }
}
