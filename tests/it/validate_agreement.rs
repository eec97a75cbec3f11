//! Agreement with libxml2: on the 290 AKN4UN files the UN published (`../shared/akn/unxml`), the
//! in-process XSD verdict (valid / invalid / malformed) equals the one `VERDICTS.tsv` records
//! from `xmllint --noout --schema akomantoso30.xsd` (libxml2 2.9.14).

use std::path::{Path, PathBuf};
use std::process::Command;

use unletters::Format;
use unletters::validate::{self, Options, Verdict};

const UNXML: &str = "../shared/akn/unxml";

/// `(file name, xmllint verdict)` for every file, or `None` (with a message) when the shared
/// material is absent outside CI. Under CI its absence is a failure.
fn verdicts() -> Option<Vec<(String, String)>> {
    let tsv = Path::new(UNXML).join("VERDICTS.tsv");
    let Ok(text) = std::fs::read_to_string(&tsv) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is missing: the agreement test needs ../shared/akn/unxml",
            tsv.display()
        );
        crate::common::shared::skipped(&format!(
            "{} is missing: the libxml2 agreement tests are skipped (CI fails them)",
            tsv.display()
        ));
        return None;
    };
    let rows: Vec<(String, String)> = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            let name = f.next().unwrap_or_default().to_string();
            let verdict = f.next().unwrap_or_default().to_string();
            (name, verdict)
        })
        .collect();
    assert_eq!(rows.len(), 290, "VERDICTS.tsv should list 290 files");
    Some(rows)
}

fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Valid => "valid",
        Verdict::Invalid => "invalid",
        Verdict::Malformed => "malformed",
        Verdict::Unreadable => "unreadable",
    }
}

#[test]
fn library_verdicts_equal_xmllint_on_all_290_files() {
    let Some(rows) = verdicts() else { return };
    let options = Options {
        schema_only: true,
        ..Options::default()
    };
    let mut disagreements = Vec::new();
    for (name, want) in &rows {
        let path = Path::new(UNXML).join(name);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let report = validate::validate_bytes(name, &bytes, Format::Akn, &options);
        let got = verdict_name(report.verdict);
        if got != want {
            let first = report.diagnostics.first().map(|d| d.message.clone());
            disagreements.push(format!(
                "{name}: xmllint {want}, unletters {got} ({first:?})"
            ));
        }
        // Every invalid or malformed verdict comes with at least one located diagnostic.
        if report.verdict != Verdict::Valid {
            assert!(
                report.diagnostics.iter().any(|d| d.position.is_some()),
                "{name}: {got} without a position"
            );
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreement(s):\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
    let count = |v: &str| rows.iter().filter(|(_, w)| w == v).count();
    assert_eq!(
        (count("valid"), count("invalid"), count("malformed")),
        (150, 100, 40)
    );
}

#[test]
fn cli_verdicts_equal_xmllint_in_one_batch_run() {
    let Some(rows) = verdicts() else { return };
    let out = Command::new(env!("CARGO_BIN_EXE_unletters"))
        .args(["validate", "--schema-only", "--format", "json", UNXML])
        .output()
        .expect("run unletters");
    assert_eq!(out.status.code(), Some(1), "some files are invalid");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut seen = 0;
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        if v["type"] != "file" {
            continue;
        }
        let file = PathBuf::from(v["file"].as_str().unwrap_or_default());
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let want = rows
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, w)| w.as_str())
            .unwrap_or_else(|| panic!("{name} is not in VERDICTS.tsv"));
        assert_eq!(v["verdict"], want, "{name}");
        seen += 1;
    }
    assert_eq!(seen, rows.len(), "one verdict per file");
}
