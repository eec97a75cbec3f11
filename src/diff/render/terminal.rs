//! The diff for a terminal: metadata first, then each block change with its changed words marked,
//! unchanged blocks folded into a count.
//!
//! With colour, deleted words are red and struck through, inserted words green and underlined.
//! Without colour (output not a terminal, `--color never`, or `NO_COLOR`), changed words are marked
//! as `git diff --word-diff` does: `[-deleted-]{+inserted+}`, so the output still reads in a file.

use std::fmt::Write as _;

use super::{change_title, headline, show_value, summary};
use crate::diff::{Change, Diff, Op, WordChange, WordOp};

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
    fn paint(&self, style: &str, text: &str) -> String {
        if self.color {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
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
                (WordOp::Equal, _) => w.text.clone(),
                (WordOp::Delete, true) => self.paint(DELETED, &w.text),
                (WordOp::Insert, true) => self.paint(INSERTED, &w.text),
                (WordOp::Delete, false) => format!("[-{}-]", w.text),
                (WordOp::Insert, false) => format!("{{+{}+}}", w.text),
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
                    let _ = writeln!(out, "  {}: {}", p.paint(YELLOW, place), i.text);
                }
                None => {
                    let _ = writeln!(out, "  {}", i.text);
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
    let (body, line_style) = match c.op {
        Op::Insert => (c.new.clone(), Some(GREEN)),
        Op::Delete => (c.old.clone(), Some(RED)),
        Op::Modify => (Some(p.words(&c.words)), None),
        Op::Move if !c.words.is_empty() => (Some(p.words(&c.words)), None),
        Op::Move => (c.new.clone(), None),
    };
    for line in body.unwrap_or_default().lines() {
        let line = match line_style {
            Some(style) => p.paint(style, line),
            None => line.to_string(),
        };
        let _ = writeln!(out, "    {line}");
    }
}
