//! Renderers of validation reports: for people (a source excerpt with the spot marked), JSON
//! lines, SARIF 2.1.0 (GitHub code scanning) and GitHub workflow-command annotations.

use std::fmt::Write as _;
use std::str::FromStr;

use serde_sarif::sarif;

use crate::app::io::printable;

use unletters::validate::rules::RULES;
use unletters::validate::{Diagnostic, FileReport, Severity, Verdict};

/// An output format of `unletters validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    /// For people: each finding with a source excerpt, then a summary.
    #[default]
    Human,
    /// One JSON object per finding, then one per file verdict.
    Json,
    /// One SARIF 2.1.0 log.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=...::message`).
    Github,
}

impl FromStr for OutputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "human" => Ok(OutputFormat::Human),
            "json" => Ok(OutputFormat::Json),
            "sarif" => Ok(OutputFormat::Sarif),
            "github" => Ok(OutputFormat::Github),
            other => Err(format!(
                "unknown output format {other:?} (expected human, json, sarif or github)"
            )),
        }
    }
}

/// Renders every report in `format`.
pub fn render(reports: &[FileReport], format: OutputFormat) -> String {
    match format {
        OutputFormat::Human => human(reports, false),
        OutputFormat::Json => json_lines(reports),
        OutputFormat::Sarif => sarif(reports),
        OutputFormat::Github => github(reports),
    }
}

/// For people: each finding as `error[rule]: message`, its place, and the source line with a
/// caret under the spot; then one summary line.
pub fn human(reports: &[FileReport], color: bool) -> String {
    let mut out = String::new();
    for report in reports {
        for d in &report.diagnostics {
            human_one(&mut out, d, &report.source, color);
        }
    }
    out.push_str(&summary(reports));
    out.push('\n');
    out
}

/// Every piece of text in the human format passes through [`printable`]: file names and
/// messages come from the files checked, and a control character in them must not start a line
/// of its own or reach the terminal.
fn human_one(out: &mut String, d: &Diagnostic, source: &str, color: bool) {
    // Red for errors, yellow for warnings, as compilers and linters print them.
    let (on, off) = match (color, d.severity) {
        (false, _) => ("", ""),
        (true, Severity::Error) => ("\x1b[1;31m", "\x1b[0m"),
        (true, _) => ("\x1b[1;33m", "\x1b[0m"),
    };
    let _ = writeln!(
        out,
        "{on}{}{off}[{}]: {}",
        d.severity.as_str(),
        printable(&d.rule),
        printable(&d.message)
    );
    let file = printable(&d.file);
    let place = match d.position {
        Some(p) => format!("{file}:{p}"),
        None => file.into_owned(),
    };
    let mut node = Vec::new();
    if let Some(x) = &d.xpath {
        node.push(x.clone());
    }
    if let Some(e) = &d.eid {
        node.push(format!("eId {e}"));
    }
    if let Some(p) = &d.pointer {
        node.push(format!("at {}", if p.is_empty() { "/" } else { p }));
    }
    if node.is_empty() {
        let _ = writeln!(out, "  --> {place}");
    } else {
        let _ = writeln!(out, "  --> {place} ({})", printable(&node.join(", ")));
    }
    if let Some(p) = d.position {
        if let Some(line) = source.lines().nth(p.line.saturating_sub(1)) {
            let (shown, caret) = excerpt(line, p.column);
            let gutter = p.line.to_string();
            let pad = " ".repeat(gutter.len());
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{gutter} | {shown}");
            let _ = writeln!(out, "{pad} | {}^", " ".repeat(caret));
        }
    }
    out.push('\n');
}

/// At most 100 characters of `line` around `column` (1-based, in characters), tabs as spaces,
/// other control characters escaped (`\u{1b}`); and the caret's offset in what is shown.
fn excerpt(line: &str, column: usize) -> (String, usize) {
    const WIDTH: usize = 100;
    let chars: Vec<char> = line
        .trim_end_matches('\r')
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let col = column.saturating_sub(1).min(chars.len());
    let start = col.saturating_sub(WIDTH / 3);
    let end = (start + WIDTH).min(chars.len());
    let mut shown = String::new();
    let mut caret = 0;
    for (i, c) in chars.get(start..end).unwrap_or_default().iter().enumerate() {
        if start + i == col {
            caret = shown.chars().count();
        }
        let mut buf = [0u8; 4];
        shown.push_str(&printable(c.encode_utf8(&mut buf)));
    }
    if col >= end {
        caret = shown.chars().count();
    }
    if start > 0 {
        shown.insert_str(0, "...");
        caret += 3;
    }
    if end < chars.len() {
        shown.push_str("...");
    }
    (shown, caret)
}

/// `290 files: 150 valid, 100 invalid, 40 malformed, 0 unreadable; 512 errors, 3 warnings`.
pub fn summary(reports: &[FileReport]) -> String {
    let count = |v: Verdict| reports.iter().filter(|r| r.verdict == v).count();
    let diags = || reports.iter().flat_map(|r| &r.diagnostics);
    let errors = diags().filter(|d| d.severity == Severity::Error).count();
    let warnings = diags().filter(|d| d.severity == Severity::Warning).count();
    format!(
        "{} file{}: {} valid, {} invalid, {} malformed, {} unreadable; {errors} error{}, {warnings} warning{}",
        reports.len(),
        plural(reports.len()),
        count(Verdict::Valid),
        count(Verdict::Invalid),
        count(Verdict::Malformed),
        count(Verdict::Unreadable),
        plural(errors),
        plural(warnings),
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One JSON object per line: each diagnostic (`"type": "diagnostic"`), then each file's verdict
/// (`"type": "file"`).
pub fn json_lines(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        for d in &report.diagnostics {
            out.push_str(&d.json_line().to_string());
            out.push('\n');
        }
    }
    for report in reports {
        let value = serde_json::json!({
            "type": "file",
            "file": report.file,
            "format": report.format.map(|f| f.name()),
            "verdict": report.verdict.as_str(),
            "errors": report.diagnostics.iter().filter(|d| d.severity == Severity::Error).count(),
            "warnings": report.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count(),
        });
        out.push_str(&value.to_string());
        out.push('\n');
    }
    out
}

/// GitHub Actions workflow commands: one `::error` or `::warning` per finding, which the runner
/// turns into annotations on the file and line.
pub fn github(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = vec![format!("file={}", escape_property(&d.file))];
        if let Some(p) = d.position {
            props.push(format!("line={}", p.line));
            props.push(format!("col={}", p.column));
        }
        props.push(format!("title={}", escape_property(&d.rule)));
        let mut message = d.message.clone();
        if let Some(x) = &d.xpath {
            message.push_str(&format!(" (at {x})"));
        }
        if let Some(p) = d.pointer.as_ref().filter(|p| !p.is_empty()) {
            message.push_str(&format!(" (at {p})"));
        }
        let _ = writeln!(
            out,
            "::{level} {}::{}",
            props.join(","),
            escape_data(&message)
        );
    }
    out.push_str(&summary(reports));
    out.push('\n');
    out
}

/// Workflow-command message escaping (`%`, CR, LF), and the other control characters escaped as
/// for people, so none reaches the log raw.
fn escape_data(s: &str) -> String {
    let s = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    printable(&s).into_owned()
}

/// Workflow-command property escaping (the message escapes plus `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A SARIF 2.1.0 log with one run: the tool with its level-2 rules, and one result per finding,
/// located by file, line and column, with the XPath or JSON Pointer as logical location.
pub fn sarif(reports: &[FileReport]) -> String {
    // Every rule id a result names is described here, as SARIF consumers expect: the level-2
    // rules, then the other ids the results use (schema keywords, `io`...) in order of first use.
    let mut described: Vec<(String, String)> = RULES
        .iter()
        .map(|r| (r.id.to_string(), r.summary.to_string()))
        .collect();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        if !described.iter().any(|(id, _)| *id == d.rule) {
            described.push((d.rule.clone(), other_rule_summary(&d.rule)));
        }
    }
    let rules: Vec<sarif::ReportingDescriptor> = described
        .into_iter()
        .map(|(id, summary)| {
            sarif::ReportingDescriptor::builder()
                .id(id)
                .short_description(
                    sarif::MultiformatMessageString::builder()
                        .text(summary)
                        .build(),
                )
                .build()
        })
        .collect();
    let driver = sarif::ToolComponent::builder()
        .name("unletters")
        .version(env!("CARGO_PKG_VERSION"))
        .information_uri("https://github.com/unletters/unletters")
        .rules(rules)
        .build();
    let results: Vec<sarif::Result> = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .map(sarif_result)
        .collect();
    let run = sarif::Run::builder()
        .tool(sarif::Tool::builder().driver(driver).build())
        .results(results)
        .build();
    let log = sarif::Sarif::builder()
        .version(serde_json::json!("2.1.0"))
        .schema(sarif::SCHEMA_URL)
        .runs(vec![run])
        .build();
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

/// What a rule id that is not a level-2 rule stands for.
fn other_rule_summary(id: &str) -> String {
    use unletters::validate::{ENCODING, IO, TOO_DEEP, TOO_LARGE, WORK_LIMIT, akn, text};
    let known = [
        (IO, "The file or folder could not be read."),
        (TOO_LARGE, "The file is larger than the size limit."),
        (TOO_DEEP, "The input nests deeper than the depth limit."),
        (
            WORK_LIMIT,
            "The XSD engine would need more work than it is allowed for this file.",
        ),
        (
            ENCODING,
            "The input is not UTF-8 text (or was decoded from UTF-16).",
        ),
        (akn::WELL_FORMED, "The file is not well-formed XML."),
        (
            akn::DOCTYPE,
            "The file has a document type declaration, which no command accepts.",
        ),
        (
            text::READABLE,
            "The text reader cannot make a letter of the text.",
        ),
        (text::READER_WARNING, "A remark of the text reader."),
    ];
    match known.iter().find(|(k, _)| *k == id) {
        Some((_, summary)) => (*summary).to_string(),
        None if id.starts_with("cvc-") => {
            format!("XML Schema validation rule {id} (the OASIS Akoma Ntoso 3.0 schema).")
        }
        None => format!("JSON Schema keyword `{id}` (schemas/unletters.schema.json)."),
    }
}

fn sarif_result(d: &Diagnostic) -> sarif::Result {
    let level = match d.severity {
        Severity::Error => sarif::ResultLevel::Error,
        Severity::Warning => sarif::ResultLevel::Warning,
    };
    let artifact = sarif::ArtifactLocation::builder()
        .uri(sarif_uri(&d.file))
        .build();
    let physical = match d.position {
        Some(p) => sarif::PhysicalLocation::builder()
            .artifact_location(artifact)
            .region(
                sarif::Region::builder()
                    .start_line(p.line as i64)
                    .start_column(p.column as i64)
                    .build(),
            )
            .build(),
        None => sarif::PhysicalLocation::builder()
            .artifact_location(artifact)
            .build(),
    };
    let logical: Vec<sarif::LogicalLocation> = d
        .xpath
        .iter()
        .chain(d.pointer.iter())
        .map(|name| {
            sarif::LogicalLocation::builder()
                .fully_qualified_name(if name.is_empty() { "/" } else { name.as_str() })
                .build()
        })
        .collect();
    let location = if logical.is_empty() {
        sarif::Location::builder()
            .physical_location(physical)
            .build()
    } else {
        sarif::Location::builder()
            .physical_location(physical)
            .logical_locations(logical)
            .build()
    };
    let mut text = d.message.clone();
    if let Some(eid) = &d.eid {
        text.push_str(&format!(" (eId {eid})"));
    }
    sarif::Result::builder()
        .rule_id(d.rule.clone())
        .level(level)
        .message(sarif::Message::builder().text(text).build())
        .locations(vec![location])
        .build()
}

/// A relative URI reference for a file path: forward slashes, no leading `./`, and the
/// characters a URI cannot hold percent-encoded.
fn sarif_uri(file: &str) -> String {
    let path = file.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    // An absolute path becomes a file URI; a relative one stays relative to where the tool ran
    // (the repository root in CI), which is what code scanning resolves against.
    let mut out = if path.starts_with('/') {
        String::from("file://")
    } else {
        String::with_capacity(path.len())
    };
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_keep_the_caret_on_the_spot() {
        assert_eq!(excerpt("<a>\t<b/>", 5), ("<a> <b/>".to_string(), 4));
        let long = format!("{}X{}", "a".repeat(200), "b".repeat(200));
        let (shown, caret) = excerpt(&long, 201);
        assert_eq!(shown.chars().nth(caret), Some('X'));
        assert!(shown.starts_with("...") && shown.ends_with("..."));
        assert_eq!(excerpt("", 9), (String::new(), 0));
    }

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn sarif_uris_are_relative_references() {
        assert_eq!(sarif_uri("./out/a b.xml"), "out/a%20b.xml");
        assert_eq!(sarif_uri("dir\\é.json"), "dir/%C3%A9.json");
        assert_eq!(sarif_uri("/tmp/a.xml"), "file:///tmp/a.xml");
    }
}
