//! The diff for a terminal: metadata first, then each block change with its changed words marked,
//! unchanged blocks folded into a count.
//!
//! With colour, deleted words are red and struck through, inserted words green and underlined.
//! Without colour (output not a terminal, `--color never`, or `NO_COLOR`), changed words are marked
//! as `git diff --word-diff` does: `[-deleted-]{+inserted+}`, so the output still reads in a file.
//!
//! Document text is escaped ([`printable`]) before it is painted: a control character in a letter
//! must not reach the terminal as an escape sequence or a line of its own.

use std::fmt::Write as _;

use super::{change_title, headline, show_value, summary};
use crate::diff::{Change, Diff, Op, WordChange, WordOp};
use crate::error::printable;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const CYAN: &str = "\x1b[36m";
const DELETED: &str = "\x1b[31;9m";
const INSERTED: &str = "\x1b[32;4m";

struct Painter {
    color: bool,
}

impl Painter {
    /// `text` escaped, then styled.
    fn paint(&self, style: &str, text: &str) -> String {
        let text = printable(text);
        if self.color {
            format!("{style}{text}{RESET}")
        } else {
            text.into_owned()
        }
    }

    /// Changed words marked; a deletion and the insertion replacing it are written without a
    /// space between them, as `git diff --word-diff` does.
    fn words(&self, words: &[WordChange]) -> String {
        let mut out = String::new();
        let mut previous: Option<WordOp> = None;
        for w in words {
            if previous.is_some() && !(previous == Some(WordOp::Delete) && w.op == WordOp::Insert) {
                out.push(' ');
            }
            previous = Some(w.op);
            out.push_str(&match (w.op, self.color) {
                (WordOp::Equal, _) => printable(&w.text).into_owned(),
                (WordOp::Delete, true) => self.paint(DELETED, &w.text),
                (WordOp::Insert, true) => self.paint(INSERTED, &w.text),
                (WordOp::Delete, false) => format!("[-{}-]", printable(&w.text)),
                (WordOp::Insert, false) => format!("{{+{}+}}", printable(&w.text)),
            });
        }
        out
    }
}

/// Renders the diff for a terminal, with ANSI colours when `color` is set.
pub fn render(diff: &Diff, color: bool) -> String {
    let p = Painter { color };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        p.paint(BOLD, &format!("unletters diff: {}", headline(diff)))
    );
    if !diff.metadata.is_empty() {
        let _ = writeln!(out, "\n{}", p.paint(BOLD, "Metadata"));
        for m in &diff.metadata {
            let value = if m.words.is_empty() {
                format!(
                    "{} \u{2192} {}",
                    p.paint(RED, &show_value(&m.old)),
                    p.paint(GREEN, &show_value(&m.new))
                )
            } else {
                p.words(&m.words)
            };
            let _ = writeln!(out, "  {}: {value}", p.paint(YELLOW, &m.field));
        }
    }
    if let Some(c) = &diff.corrigendum {
        let _ = writeln!(
            out,
            "\n{}",
            p.paint(
                BOLD,
                "Corrigendum: NEW is a list of corrections to OLD, not a full text"
            )
        );
        for i in &c.instructions {
            match &i.place {
                Some(place) => {
                    let _ = writeln!(out, "  {}: {}", p.paint(YELLOW, place), printable(&i.text));
                }
                None => {
                    let _ = writeln!(out, "  {}", printable(&i.text));
                }
            }
        }
    }
    if !diff.changes.is_empty() {
        let _ = writeln!(out, "\n{}", p.paint(BOLD, "Changes"));
        for c in &diff.changes {
            fold(&mut out, &p, c.unchanged_before);
            change(&mut out, &p, c);
        }
        fold(&mut out, &p, diff.unchanged_after);
    }
    let _ = writeln!(out, "\n{}", summary(diff));
    out
}

fn fold(out: &mut String, p: &Painter, n: usize) {
    if n > 0 {
        let s = if n == 1 { "" } else { "s" };
        let _ = writeln!(
            out,
            "  {}",
            p.paint(DIM, &format!("\u{22ef} {n} unchanged block{s}"))
        );
    }
}

fn change(out: &mut String, p: &Painter, c: &Change) {
    let (mark, style) = match c.op {
        Op::Insert => ("+", GREEN),
        Op::Delete => ("-", RED),
        Op::Modify => ("~", YELLOW),
        Op::Move => (">", CYAN),
    };
    let _ = writeln!(
        out,
        "{}",
        p.paint(style, &format!("{mark} {}", change_title(c)))
    );
    // Marked words are escaped as they are marked; a whole block's text is escaped (and
    // painted) line by line.
    let marked = match c.op {
        Op::Modify => Some(p.words(&c.words)),
        Op::Move if !c.words.is_empty() => Some(p.words(&c.words)),
        _ => None,
    };
    if let Some(marked) = marked {
        for line in marked.lines() {
            let _ = writeln!(out, "    {line}");
        }
        return;
    }
    let (text, style) = match c.op {
        Op::Insert => (&c.new, Some(GREEN)),
        Op::Delete => (&c.old, Some(RED)),
        _ => (&c.new, None),
    };
    for line in text.as_deref().unwrap_or_default().lines() {
        let line = match style {
            Some(style) => p.paint(style, line),
            None => printable(line).into_owned(),
        };
        let _ = writeln!(out, "    {line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Document, Inline};

    fn letter(paragraphs: &[&str]) -> Document {
        Document {
            body: paragraphs
                .iter()
                .map(|t| Block::Paragraph {
                    num: None,
                    content: vec![Inline::Text {
                        text: t.to_string(),
                    }],
                })
                .collect(),
            ..Document::default()
        }
    }

    /// A control character in a letter reaches the terminal escaped, in marked words and in whole
    /// blocks, with colour or without.
    #[test]
    fn document_text_cannot_send_escape_sequences() {
        let old = letter(&["The Council met on Monday."]);
        let new = letter(&[
            "The Council met on \u{1b}[2J Tuesday.",
            "::error file=x::forged\u{7}line",
        ]);
        let d = crate::diff::diff(&old, &new);
        for color in [false, true] {
            let out = render(&d, color);
            let without_our_styles = [
                RESET, BOLD, DIM, RED, GREEN, YELLOW, CYAN, DELETED, INSERTED,
            ]
            .iter()
            .fold(out.clone(), |s, style| s.replace(style, ""));
            assert!(!without_our_styles.contains('\u{1b}'), "{out}");
            assert!(!out.contains('\u{7}'), "{out}");
            assert!(out.contains("\\u{1b}[2J"), "{out}");
            assert!(out.contains("forged\\u{7}line"), "{out}");
        }
    }
}
