//! Shared by the validate tests: the synthetic letter fixture, its crafted variants, and a
//! batch runner for xmllint (the independent judge).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The synthetic letter, valid against the XSD and every level-2 rule.
pub const LETTER: &str = include_str!("../../fixtures/validate/letter.xml");

/// The vendored OASIS schema, which xmllint is given too.
pub const XSD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/akn/akomantoso30.xsd");

/// `LETTER` with the first occurrence of `from` replaced by `to`; panics if `from` is absent,
/// so a fixture edit cannot silently turn a variant into the original.
pub fn variant(from: &str, to: &str) -> String {
    assert!(LETTER.contains(from), "the fixture has no {from:?}");
    LETTER.replacen(from, to, 1)
}

/// `LETTER` without the text between `start` (included) and the next `end` (included).
pub fn without(start: &str, end: &str) -> String {
    let i = LETTER.find(start).unwrap_or_else(|| panic!("no {start:?}"));
    let j = LETTER[i..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?}"))
        + i
        + end.len();
    format!("{}{}", &LETTER[..i], &LETTER[j..])
}

/// `LETTER` with the main document's preface moved before its cover page (the schema wants
/// coverPage, then preface).
fn preface_before_cover_page() -> String {
    let start = LETTER.find("    <preface>\n").expect("a preface");
    let end = LETTER.find("    </preface>\n").expect("a preface end") + "    </preface>\n".len();
    let preface = &LETTER[start..end];
    let rest = format!("{}{}", &LETTER[..start], &LETTER[end..]);
    let cover = rest.find("    <coverPage").expect("a cover page");
    format!("{}{preface}{}", &rest[..cover], &rest[cover..])
}

/// One crafted invalid variant per kind of schema rule: (name, text). Each breaks the XSD in
/// exactly one way.
pub fn schema_variants() -> Vec<(&'static str, String)> {
    vec![
        ("element-order", preface_before_cover_page()),
        (
            "missing-required-element",
            without("    <mainBody>\n", "    </mainBody>\n"),
        ),
        (
            "missing-required-attribute",
            variant("<container name=\"signature\">", "<container>"),
        ),
        (
            "unknown-element",
            variant(
                "<paragraph eId=\"para_2\">",
                "<letterhead>Valdoria</letterhead>\n      <paragraph eId=\"para_2\">",
            ),
        ),
        (
            "bad-date",
            variant("<docDate date=\"2025-05-14\"", "<docDate date=\"2025-05\""),
        ),
        (
            "bad-enumeration",
            variant("placement=\"bottom\"", "placement=\"footer\""),
        ),
        (
            "duplicate-eid",
            variant("<paragraph eId=\"para_2\">", "<paragraph eId=\"para_1\">"),
        ),
        (
            "wrong-namespace",
            variant(
                "xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"",
                "xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/2.0\"",
            ),
        ),
        (
            "unknown-attribute",
            variant(
                "<paragraph eId=\"para_2\">",
                "<paragraph eId=\"para_2\" colour=\"blue\">",
            ),
        ),
        (
            "text-in-element-only-content",
            variant(
                "<paragraph eId=\"para_2\">",
                "<paragraph eId=\"para_2\">stray text",
            ),
        ),
    ]
}

/// What xmllint concluded about one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmllintVerdict {
    /// `valid`, `invalid` or `malformed`.
    pub verdict: &'static str,
    /// The line of its first error, if any.
    pub first_error_line: Option<usize>,
}

/// Whether xmllint can be run; under CI its absence is a failure (`.ci/run` installs it).
pub fn have_xmllint() -> bool {
    let ok = Command::new("xmllint").arg("--version").output().is_ok();
    assert!(
        ok || std::env::var_os("CI").is_none(),
        "xmllint is missing (apt-get install libxml2-utils)"
    );
    if !ok {
        super::shared::skipped(
            "xmllint is not installed: the xmllint checks are skipped (CI fails them)",
        );
    }
    ok
}

/// Runs `xmllint --noout --schema` once over every file (it spends about 0.3 s compiling the
/// schema per process, so one process for the batch) and reads each file's verdict.
pub fn xmllint(files: &[PathBuf]) -> HashMap<PathBuf, XmllintVerdict> {
    let out = Command::new("xmllint")
        .args(["--noout", "--schema", XSD])
        .args(files)
        .output()
        .expect("run xmllint");
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    files
        .iter()
        .map(|f| (f.clone(), verdict_of(&text, f)))
        .collect()
}

fn verdict_of(text: &str, file: &Path) -> XmllintVerdict {
    let name = file.display().to_string();
    let first_error_line = text.lines().find_map(|l| {
        let rest = l.strip_prefix(&name)?.strip_prefix(':')?;
        rest.split(':').next()?.parse().ok()
    });
    let verdict = if text.lines().any(|l| l == format!("{name} validates")) {
        "valid"
    } else if text
        .lines()
        .any(|l| l == format!("{name} fails to validate"))
    {
        "invalid"
    } else {
        "malformed"
    };
    XmllintVerdict {
        verdict,
        first_error_line,
    }
}
