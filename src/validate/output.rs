//! Checking an output against its schema before it is written (the command line's `--validate`):
//! JSON against the published JSON Schema, AKN against the vendored OASIS XSD (the in-process
//! engine of [`super::xsd`], compiled once per thread); canonical text has no schema.

use super::xsd::XsdOutcome;
use crate::format::Format;

/// Whether outputs in `format` can be checked by this build.
pub fn checkable(format: Format) -> bool {
    match format {
        Format::Json => true,
        Format::Akn => true,
        Format::Text | Format::Html | Format::Pdf => false,
    }
}

/// Every way `output` (in `format`) breaks its schema, one line each; empty when it is valid or
/// when the format cannot be checked (see [`checkable`]).
pub fn errors(format: Format, output: &str) -> Vec<String> {
    match format {
        Format::Json => json_errors(output),
        Format::Akn => akn_errors(output),
        Format::Text | Format::Html | Format::Pdf => Vec::new(),
    }
}

fn json_errors(output: &str) -> Vec<String> {
    match serde_json::from_str::<serde_json::Value>(output) {
        Err(e) => vec![format!("not JSON: {e}")],
        Ok(value) => crate::json::schema::errors(&value)
            .into_iter()
            .map(|e| {
                format!(
                    "{} ({}): {}",
                    pointer(&e.instance_path),
                    e.keyword,
                    e.message
                )
            })
            .collect(),
    }
}

fn pointer(p: &str) -> &str {
    if p.is_empty() { "/" } else { p }
}

/// XSD errors only: the level-2 rules belong to `unletters validate`, which reads what was written.
fn akn_errors(output: &str) -> Vec<String> {
    // The output was written from a document the readers bounded: the engine checks it whatever
    // its depth (it keeps its own stack on the heap).
    match super::xsd::engine().check_with_max_depth(output, usize::MAX) {
        XsdOutcome::Malformed { offset, message } | XsdOutcome::TooDeep { offset, message } => {
            vec![format!("not well-formed XML at byte {offset}: {message}")]
        }
        XsdOutcome::TooComplex { offset, message } | XsdOutcome::Doctype { offset, message } => {
            vec![format!("at byte {offset}: {message}")]
        }
        XsdOutcome::Checked { errors } => errors
            .into_iter()
            .map(|e| format!("{}: {}", e.code, e.message))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_outputs_are_checked_against_the_schema() {
        let good = crate::json::write(&crate::model::Document::default()).unwrap();
        assert_eq!(errors(Format::Json, &good), Vec::<String>::new());
        let bad = good.replace("\"kind\": \"letter\"", "\"kind\": \"memo\"");
        assert_ne!(bad, good);
        let errs = errors(Format::Json, &bad);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].starts_with("/kind"), "{errs:?}");
        assert!(!errors(Format::Json, "{").is_empty());
        assert!(checkable(Format::Json));
        assert!(!checkable(Format::Text));
    }

    #[test]
    fn akn_outputs_are_checked_against_the_xsd() {
        // The synthetic letter `unletters validate` is tested with (valid against the XSD).
        let good = include_str!("../../tests/fixtures/validate/letter.xml");
        let bad = good.replacen("<meta>", "<meta><bogus/>", 1);
        assert_eq!(errors(Format::Akn, good), Vec::<String>::new());
        assert_ne!(bad, good);
        assert!(!errors(Format::Akn, &bad).is_empty());
        assert!(errors(Format::Akn, "<akomaNtoso")[0].starts_with("not well-formed"));
        assert!(checkable(Format::Akn));
    }
}
