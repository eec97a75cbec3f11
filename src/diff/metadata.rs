//! Masthead and title fields compared one by one, named as in the JSON model (`symbols`, `date`,
//! `job_number`, `distribution`, `sessions`, `title` ...).
//!
//! Fields are compared on their JSON form with every string folded by [`normalize::key`], so a
//! title reflowed over other lines, or an agenda-item title with curly quotes, is no change.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::normalize;
use super::words::{self, WordChange};
use crate::model::Document;

/// The document fields that are metadata, in the JSON model's order. Body, signatures, annexes
/// and footnotes are compared block by block instead.
pub const FIELDS: [&str; 14] = [
    "symbols",
    "organs",
    "distribution",
    "date",
    "language",
    "original_language",
    "sessions",
    "job_number",
    "kind",
    "title_headings",
    "title",
    "letter_date",
    "sender",
    "addressees",
];

/// One metadata field that differs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetadataChange {
    /// The field's name in the JSON model (`symbols`, `date`, `job_number` ...).
    pub field: String,
    /// The old value, as the JSON model writes it (`null` when absent).
    pub old: Value,
    /// The new value, as the JSON model writes it (`null` when absent).
    pub new: Value,
    /// For text fields present on both sides, the word changes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<WordChange>,
}

/// The metadata fields that differ between two documents, in the model's order.
pub fn compare(old: &Document, new: &Document) -> Vec<MetadataChange> {
    let (Ok(Value::Object(old)), Ok(Value::Object(new))) = (
        serde_json::to_value(masthead_of(old)),
        serde_json::to_value(masthead_of(new)),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for field in FIELDS {
        let o = old.get(field).cloned().unwrap_or(Value::Null);
        let n = new.get(field).cloned().unwrap_or(Value::Null);
        if folded(&o) == folded(&n) {
            continue;
        }
        let words = match (&o, &n) {
            (Value::String(a), Value::String(b)) => {
                words::diff_words(&normalize::tidy(a), &normalize::tidy(b))
            }
            _ => Vec::new(),
        };
        out.push(MetadataChange {
            field: field.to_string(),
            old: o,
            new: n,
            words,
        });
    }
    out
}

/// The value with every string replaced by its comparison key.
/// The document without its body, signatures, annexes and footnotes: only the metadata fields
/// are turned into JSON, not a 126-page body that is compared block by block anyway.
fn masthead_of(doc: &Document) -> Document {
    Document {
        symbols: doc.symbols.clone(),
        organs: doc.organs.clone(),
        distribution: doc.distribution.clone(),
        date: doc.date,
        language: doc.language.clone(),
        original_language: doc.original_language.clone(),
        sessions: doc.sessions.clone(),
        job_number: doc.job_number.clone(),
        kind: doc.kind,
        title_headings: doc.title_headings.clone(),
        title: doc.title.clone(),
        letter_date: doc.letter_date,
        sender: doc.sender.clone(),
        addressees: doc.addressees.clone(),
        ..Document::default()
    }
}

fn folded(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(normalize::compact(&normalize::key(s))),
        Value::Array(items) => Value::Array(items.iter().map(folded).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), folded(v))).collect())
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn every_metadata_field_is_compared() {
        let full = Document {
            symbols: crate::symbol::parse_joint("A/79/1-S/2025/1").unwrap_or_default(),
            organs: vec!["General Assembly".into()],
            distribution: Some("General".into()),
            date: Date::new(2025, 1, 2),
            language: Some("English".into()),
            original_language: Some("French".into()),
            sessions: vec![crate::model::Session {
                organ: "General Assembly".into(),
                name: "Seventy-ninth session".into(),
                agenda_label: None,
                agenda_items: Vec::new(),
            }],
            job_number: Some("25-00001 (E)".into()),
            kind: crate::model::Kind::NoteVerbale,
            title_headings: vec!["Heading".into()],
            title: "Note verbale dated 1 January 2025".into(),
            letter_date: Date::new(2025, 1, 1),
            sender: Some("the Permanent Mission".into()),
            addressees: vec!["Secretary-General".into()],
            ..Document::default()
        };
        let fields: Vec<String> = compare(&full, &Document::default())
            .into_iter()
            .map(|c| c.field)
            .collect();
        assert_eq!(fields, FIELDS.map(String::from));
    }

    #[test]
    fn reflowed_title_is_no_change_but_a_new_date_is() {
        let old = Document {
            title: "Letter dated 4 February 2025 from the President\nof the Council".into(),
            date: Date::new(2025, 2, 5),
            ..Document::default()
        };
        let new = Document {
            title: "Letter dated 4 February 2025 from the\nPresident of the Council".into(),
            date: Date::new(2025, 2, 6),
            ..Document::default()
        };
        let changes = compare(&old, &new);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].field, "date");
        assert_eq!(changes[0].old, "2025-02-05");
        assert_eq!(changes[0].new, "2025-02-06");
    }
}
