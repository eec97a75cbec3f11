//! The inline grammar of canonical text: running text with backslash escapes, `[...]{name}` and
//! `[...]{name=value}` spans, and `[^marker]` call-outs; and the problems a place in the input can
//! have, which the block reader turns into errors with line and column.

use super::*;
use crate::error::{Error, Position};
use crate::model::{Date, Inline};

/// How deep spans, containers and annexes may each nest by default: far beyond any letter, and
/// shallow enough that hostile input cannot exhaust the stack.
const DEFAULT_MAX_DEPTH: usize = crate::limits::DEFAULT_MAX_TEXT_DEPTH;

/// What is wrong at a place in the input.
#[derive(Debug)]
pub(super) enum Problem {
    /// The input is not canonical text.
    Invalid(String),
    /// Spans, containers or annexes nest deeper than the limit (a limit the user may raise).
    TooDeep(usize),
}

impl Problem {
    pub(super) fn at(self, position: Option<Position>) -> Error {
        match self {
            Problem::Invalid(message) => Error::Malformed { position, message },
            Problem::TooDeep(limit) => Error::TooDeep {
                position,
                what: "spans, containers or annexes nest",
                limit,
                flag: "--max-text-depth",
            },
        }
    }
}

impl From<String> for Problem {
    fn from(message: String) -> Self {
        Problem::Invalid(message)
    }
}

impl From<&str> for Problem {
    fn from(message: &str) -> Self {
        Problem::Invalid(message.to_string())
    }
}

/// The text of span content that must be plain: nothing, or one text.
pub(super) fn plain(content: &[Inline]) -> Option<String> {
    match content {
        [] => Some(String::new()),
        [Inline::Text { text }] => Some(text.clone()),
        _ => None,
    }
}

/// An error at a byte offset, with its message.
pub(super) type Failure = (usize, Problem);

/// Unescapes a whole field (no markup inside).
pub(super) fn unescape(s: &str) -> std::result::Result<String, Failure> {
    let mut p = Inlines::new(s);
    let mut out = String::with_capacity(s.len());
    while let Some(c) = p.peek() {
        if c == '\\' {
            p.text_char(&mut out)?;
        } else {
            p.run(&mut out, b"\\");
        }
    }
    Ok(out)
}

/// The inline parser: running text with escapes, `[...]{name}` spans and `[^marker]` call-outs.
pub(super) struct Inlines<'a> {
    s: &'a str,
    pub(super) at: usize,
    depth: usize,
    max_depth: usize,
}

impl<'a> Inlines<'a> {
    /// A parser for fields that hold plain text, where any nesting is an error anyway.
    pub(super) fn new(s: &'a str) -> Self {
        Self::with_max_depth(s, DEFAULT_MAX_DEPTH)
    }

    pub(super) fn with_max_depth(s: &'a str, max_depth: usize) -> Self {
        Inlines {
            s,
            at: 0,
            depth: 0,
            max_depth,
        }
    }

    /// Copies the text up to the next byte in `stops` (ASCII, so never inside a character).
    pub(super) fn run(&mut self, out: &mut String, stops: &[u8]) {
        let rest = &self.s[self.at..];
        let end = rest
            .bytes()
            .position(|b| stops.contains(&b))
            .unwrap_or(rest.len())
            .max(1);
        let end = (end..=rest.len())
            .find(|&e| rest.is_char_boundary(e))
            .unwrap_or(rest.len());
        out.push_str(&rest[..end]);
        self.at += end;
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.s[self.at..].chars().next()
    }

    pub(super) fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        Some(c)
    }

    /// One character of text, or one escape, appended to `out`.
    pub(super) fn text_char(&mut self, out: &mut String) -> std::result::Result<(), Failure> {
        let start = self.at;
        match self.bump() {
            Some('\\') => match self.bump() {
                Some('n') => out.push('\n'),
                Some('&') => {}
                Some('u') => {
                    let rest = &self.s[self.at..];
                    let hex = rest
                        .strip_prefix('{')
                        .and_then(|r| r.split_once('}'))
                        .map(|(h, _)| h)
                        .filter(|h| (1..=6).contains(&h.len()));
                    let c = hex
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32);
                    match (hex, c) {
                        (Some(h), Some(c)) => {
                            out.push(c);
                            self.at += h.len() + 2;
                        }
                        _ => return Err((start, "bad escape: expected `\\u{HEX}`".into())),
                    }
                }
                Some(c) if c.is_ascii_punctuation() => out.push(c),
                Some(c) => {
                    return Err((
                        start,
                        format!(
                            "bad escape `\\{c}` (escape markup as `\\[`, `\\]`, `\\|`, `\\\\`)"
                        )
                        .into(),
                    ));
                }
                None => return Err((start, "a line cannot end with a lone `\\`".into())),
            },
            Some(c) => out.push(c),
            None => {}
        }
        Ok(())
    }

    /// Inlines up to the end, or (`nested`) up to an unescaped `]` left unconsumed.
    /// `open` is the offset of the `[` that a nested sequence closes, for the error.
    pub(super) fn sequence(
        &mut self,
        open: Option<usize>,
    ) -> std::result::Result<Vec<Inline>, Failure> {
        let nested = open.is_some();
        let mut out = Vec::new();
        let mut text = String::new();
        loop {
            match self.peek() {
                None if nested => {
                    return Err((
                        open.unwrap_or_default(),
                        "unclosed `[` (escape it as `\\[`)".into(),
                    ));
                }
                None => break,
                Some(']') if nested => break,
                Some(']') => return Err((self.at, "unmatched `]` (escape it as `\\]`)".into())),
                Some('[') => {
                    if !text.is_empty() {
                        out.push(Inline::Text {
                            text: std::mem::take(&mut text),
                        });
                    }
                    out.push(self.span()?);
                }
                Some('\\') => self.text_char(&mut text)?,
                Some(_) => self.run(&mut text, b"\\[]"),
            }
        }
        if !text.is_empty() {
            out.push(Inline::Text { text });
        }
        Ok(out)
    }

    /// `[^marker]` or `[content]{name}` / `[content]{name=value}`.
    pub(super) fn span(&mut self) -> std::result::Result<Inline, Failure> {
        let start = self.at;
        if self.s[self.at..].starts_with("[^") {
            self.at += 2;
            let mut marker = String::new();
            loop {
                match self.peek() {
                    Some(']') => break,
                    Some('[') | None => {
                        return Err((start, "unclosed footnote call-out `[^...]`".into()));
                    }
                    Some(_) => self.text_char(&mut marker)?,
                }
            }
            self.at += 1;
            return Ok(Inline::FootnoteRef { marker });
        }
        let (content, name, value) = self.marked()?;
        let text =
            || plain(&content).ok_or((start, format!("`{{{name}}}` holds plain text only").into()));
        let inline = match (name.as_str(), value) {
            ("em", None) => Inline::Emphasis { content },
            ("strong", None) => Inline::Strong { content },
            ("text", None) => Inline::Text { text: text()? },
            ("symbol", v) => {
                let text = text()?;
                let mut parts = crate::symbol::parse_joint(v.as_deref().unwrap_or(&text))
                    .map_err(|e| (start, e.to_string().into()))?;
                let symbol = parts.remove(0);
                Inline::Symbol {
                    text,
                    symbol,
                    joint_with: parts,
                }
            }
            ("date", v) => {
                let text = text()?;
                let date = match v {
                    Some(iso) => iso
                        .parse()
                        .map_err(|e: crate::model::DateError| (start, e.to_string().into()))?,
                    None => Date::parse_prose(&text).ok_or((
                        start,
                        format!("not a date: {text:?}; write `[TEXT]{{date=YYYY-MM-DD}}`").into(),
                    ))?,
                };
                Inline::Date { text, date }
            }
            ("link", v) => {
                let text = text()?;
                Inline::Link {
                    href: v.unwrap_or_else(|| text.clone()),
                    text,
                }
            }
            (other, _) => {
                return Err((
                    start,
                    format!("unknown markup `{{{other}}}` (em, strong, text, symbol, date, link)")
                        .into(),
                ));
            }
        };
        Ok(inline)
    }

    /// `[content]{name}` or `[content]{name=value}`, at `[`.
    pub(super) fn marked(
        &mut self,
    ) -> std::result::Result<(Vec<Inline>, String, Option<String>), Failure> {
        let start = self.at;
        if self.depth >= self.max_depth {
            return Err((start, Problem::TooDeep(self.max_depth)));
        }
        self.bump();
        self.depth += 1;
        let content = self.sequence(Some(start));
        self.depth -= 1;
        let content = content?;
        self.bump();
        if self.bump() != Some('{') {
            return Err((
                start,
                "`[...]` must be followed by `{name}` (escape a literal bracket as `\\[`)".into(),
            ));
        }
        let rest = &self.s[self.at..];
        let Some(close) = unescaped_find(rest, |c| c == '}') else {
            return Err((self.at, "unclosed `{`".into()));
        };
        let attr = &rest[..close];
        let attr_at = self.at;
        self.at += close + 1;
        let (name, value) = match attr.split_once('=') {
            Some((n, v)) => (
                n,
                Some(unescape(v).map_err(|(a, m)| (attr_at + n.len() + 1 + a, m))?),
            ),
            None => (attr, None),
        };
        Ok((content, name.to_string(), value))
    }
}
