//! What `--validate` checks for each output, on the bytes about to be written: JSON against the
//! published JSON Schema; AKN against the OASIS XSD once `crate::validate` exposes an in-process
//! XSD validator (see [`akn_errors`]); canonical text has no schema.

use crate::format::Format;

/// Whether outputs in `format` can be checked by this build.
pub fn checkable(format: Format) -> bool {
    match format {
        Format::Json => true,
        Format::Akn => akn_errors("").is_some(),
        Format::Text => false,
    }
}

/// Every way `output` (in `format`) breaks its schema, one line each; empty when it is valid or
/// when the format cannot be checked (see [`checkable`]).
pub fn errors(format: Format, output: &str) -> Vec<String> {
    match format {
        Format::Json => json_errors(output),
        Format::Akn => akn_errors(output).unwrap_or_default(),
        Format::Text => Vec::new(),
    }
}

fn json_errors(output: &str) -> Vec<String> {
    match serde_json::from_str::<serde_json::Value>(output) {
        Err(e) => vec![format!("not JSON: {e}")],
        Ok(value) => crate::validate::json_schema::errors(&value)
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

/// The hook for AKN: `None` while this build has no in-process XSD validator. Switch it on by
/// calling the validator the `validate` module exposes (one compiled schema, reused) and mapping
/// its errors to lines.
fn akn_errors(_output: &str) -> Option<Vec<String>> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_outputs_are_checked_against_the_schema() {
        let good = crate::json::write(&crate::model::Document::default());
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
}
