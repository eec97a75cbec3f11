//! The diff as one self-contained HTML page: metadata table, then the changed blocks side by side
//! (old left, new right) with deleted words struck through in red and inserted words underlined in
//! green, unchanged blocks folded into a count. No scripts, no external resources; the print
//! styles keep the highlighting (and the strike-through and underline carry it in black and white).

use std::fmt::Write as _;

use super::{change_title, headline, show_value, summary};
use crate::diff::{Change, Diff, Op, WordChange, WordOp};

const STYLE: &str = r#"
:root { --del-bg: #fde2e1; --del-fg: #8b1a1a; --ins-bg: #dcf5e3; --ins-fg: #11622f; --rule: #d5d9de; --muted: #5f6b76; }
* { box-sizing: border-box; }
body { font: 15px/1.5 "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #1d2329; margin: 0; background: #f6f7f9; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 48px; background: #fff; min-height: 100vh; }
header h1 { font-size: 22px; margin: 0 0 4px; font-weight: 600; }
header p { margin: 0; color: var(--muted); }
table.files { margin-top: 10px; width: auto; } table.files th { width: 4em; }
h2 { font-size: 15px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 28px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--rule); overflow-wrap: anywhere; }
th { font-weight: 600; font-size: 13px; color: var(--muted); }
table.meta col.field { width: 16%; }
table.meta td:first-child { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
table.sbs col.side { width: 50%; }
td.label { background: #f0f2f5; font-size: 13px; color: var(--muted); padding: 4px 10px; }
td.label .op { font-weight: 700; text-transform: uppercase; letter-spacing: .05em; margin-right: 8px; }
td.label .op.insert { color: var(--ins-fg); } td.label .op.delete { color: var(--del-fg); }
td.label .op.modify { color: #7a5200; } td.label .op.move { color: #124f8c; }
td.old.whole { background: var(--del-bg); } td.new.whole { background: var(--ins-bg); }
td.empty { background: repeating-linear-gradient(135deg, #fafbfc, #fafbfc 6px, #f1f3f5 6px, #f1f3f5 12px); }
td.fold { text-align: center; color: var(--muted); font-size: 13px; background: #fafbfc; padding: 3px; }
del { background: var(--del-bg); color: var(--del-fg); text-decoration: line-through; text-decoration-thickness: 1.5px; }
ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: underline; text-decoration-thickness: 1.5px; }
.block { white-space: pre-wrap; }
.note { background: #fff7e0; border: 1px solid #f0d68a; padding: 8px 12px; border-radius: 4px; }
ol.instructions li { margin: 4px 0; }
footer { margin-top: 24px; color: var(--muted); font-size: 13px; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; min-height: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  @page { size: A4 landscape; margin: 14mm; }
}
"#;

/// Renders the diff as a self-contained HTML page, naming the two files compared (as the user
/// named them) with their symbols.
pub fn render(diff: &Diff, old_file: &str, new_file: &str) -> String {
    let title = format!("unletters diff: {}", headline(diff));
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        esc(&title)
    );
    let _ = writeln!(
        out,
        "<header><h1>{}</h1><p>{}</p>\n<table class=\"files\"><tbody>\n\
         <tr><th>Old</th><td><code>{}</code></td><td>{}</td></tr>\n\
         <tr><th>New</th><td><code>{}</code></td><td>{}</td></tr>\n</tbody></table></header>",
        esc(&headline(diff)),
        esc(&summary(diff)),
        esc(old_file),
        esc(&diff.old_symbols.join(", ")),
        esc(new_file),
        esc(&diff.new_symbols.join(", ")),
    );
    metadata(&mut out, diff);
    corrigendum(&mut out, diff);
    changes(&mut out, diff);
    let _ = write!(
        out,
        "<footer>Compared by content: line wrapping, page breaks, hyphenation at line ends, \
         whitespace, quote and dash styles are not differences.</footer>\n</main>\n</body>\n</html>\n"
    );
    out
}

fn metadata(out: &mut String, diff: &Diff) {
    if diff.metadata.is_empty() {
        return;
    }
    out.push_str("<h2>Metadata</h2>\n<table class=\"meta\"><colgroup><col class=\"field\"><col><col></colgroup><thead><tr><th>Field</th><th>Old</th><th>New</th></tr></thead><tbody>\n");
    for m in &diff.metadata {
        let (old, new) = if m.words.is_empty() {
            (
                format!("<del>{}</del>", esc(&show_value(&m.old))),
                format!("<ins>{}</ins>", esc(&show_value(&m.new))),
            )
        } else {
            (
                side(&m.words, WordOp::Delete),
                side(&m.words, WordOp::Insert),
            )
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{old}</td><td>{new}</td></tr>",
            esc(&m.field)
        );
    }
    out.push_str("</tbody></table>\n");
}

fn corrigendum(out: &mut String, diff: &Diff) {
    let Some(c) = &diff.corrigendum else { return };
    out.push_str("<h2>Corrigendum</h2>\n<p class=\"note\">The new version is a corrigendum: a list of corrections to the old text, not a full text. Its instructions:</p>\n<ol class=\"instructions\">\n");
    for i in &c.instructions {
        let place = i
            .place
            .as_deref()
            .map(|p| format!("<strong>{}</strong>: ", esc(p)))
            .unwrap_or_default();
        let _ = writeln!(out, "<li>{place}{}</li>", esc(&i.text));
    }
    out.push_str("</ol>\n");
}

fn changes(out: &mut String, diff: &Diff) {
    if diff.changes.is_empty() {
        return;
    }
    out.push_str("<h2>Changes</h2>\n<table class=\"sbs\"><colgroup><col class=\"side\"><col class=\"side\"></colgroup>\n<thead><tr><th>Old</th><th>New</th></tr></thead><tbody>\n");
    for c in &diff.changes {
        fold(out, c.unchanged_before);
        change(out, c);
    }
    fold(out, diff.unchanged_after);
    out.push_str("</tbody></table>\n");
}

fn fold(out: &mut String, n: usize) {
    if n > 0 {
        let s = if n == 1 { "" } else { "s" };
        let _ = writeln!(
            out,
            "<tr><td class=\"fold\" colspan=\"2\">\u{22ef} {n} unchanged block{s} \u{22ef}</td></tr>"
        );
    }
}

fn change(out: &mut String, c: &Change) {
    let _ = writeln!(
        out,
        "<tr><td class=\"label\" colspan=\"2\"><span class=\"op {}\">{}</span>{}</td></tr>",
        c.op.as_str(),
        c.op.as_str(),
        esc(change_title(c).split_once(' ').map_or("", |(_, rest)| rest))
    );
    let whole = |t: &Option<String>, class: &str| match t {
        Some(t) => format!(
            "<td class=\"{class} whole\"><div class=\"block\">{}</div></td>",
            esc(t)
        ),
        None => "<td class=\"empty\"></td>".to_string(),
    };
    let cells = match c.op {
        Op::Insert => format!("<td class=\"empty\"></td>{}", whole(&c.new, "new")),
        Op::Delete => format!("{}<td class=\"empty\"></td>", whole(&c.old, "old")),
        Op::Modify | Op::Move if !c.words.is_empty() => format!(
            "<td class=\"old\"><div class=\"block\">{}</div></td><td class=\"new\"><div class=\"block\">{}</div></td>",
            side(&c.words, WordOp::Delete),
            side(&c.words, WordOp::Insert)
        ),
        _ => format!(
            "<td class=\"old\"><div class=\"block\">{}</div></td><td class=\"new\"><div class=\"block\">{}</div></td>",
            esc(c.old.as_deref().unwrap_or_default()),
            esc(c.new.as_deref().unwrap_or_default())
        ),
    };
    let _ = writeln!(out, "<tr>{cells}</tr>");
}

/// One side of a word diff: kept words plain, this side's changed words marked, the other
/// side's left out.
fn side(words: &[WordChange], mine: WordOp) -> String {
    let mut parts = Vec::new();
    for w in words {
        if w.op == WordOp::Equal {
            parts.push(esc(&w.text));
        } else if w.op == mine {
            let tag = if mine == WordOp::Delete { "del" } else { "ins" };
            parts.push(format!("<{tag}>{}</{tag}>", esc(&w.text)));
        }
    }
    parts.join(" ")
}

/// Escapes text for HTML element content and attribute values.
fn esc(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&#39;"),
            c => s.push(c),
        }
    }
    s
}
