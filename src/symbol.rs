//! UN document symbols (`A/79/729`, `S/2025/71/Rev.1`, `A/79/843*`, `A/80/6 (Sect. 24)/Corr.1`):
//! parse, normalise, display, take apart (series, base, suffix chain, qualifier), split joint
//! symbols and find the symbols cited in running text.
//!
//! A symbol is `BODY/part/part...`: the body is the issuing organ's letters (`A`, `S`, `E`, `DP`,
//! `TPNW`), the parts are letters, digits, dots and hyphens (`HRC`, `ES-10`, `AC.292`, `L.45`). The
//! last part of the base carries a number; a parenthesised qualifier may follow it (`(Sect. 24)`,
//! the year of a Security Council resolution `(2016)`); then the suffix chain of derived documents
//! (`/Add.1/Rev.1`); then a reissue star.
//!
//! Normal form, which [`Symbol`] always holds: ASCII hyphens (extraction and typesetting give en
//! dashes and non-breaking hyphens), suffixes spelled `Corr.1` / `Rev.1` / `Add.1` / `Amend.1`,
//! series letters in capitals (`A/hrc/RES/57/6` is printed in one corpus letter), one space before
//! a qualifier and one inside it after its word (`A/80/6 (Sect. 24)`). Joint symbols
//! (`A/79/729-S/2025/40`) are several symbols; [`split_joint`] and [`parse_joint`] take them apart
//! and [`join`] writes them back with a hyphen.
//!
//! Why one file of nearly a thousand lines: 690 lines of one grammar (parse, normalise, the
//! suffix chain, joint symbols, finding symbols in prose) whose parts share the tokeniser, and
//! 290 lines of its tests.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The first parts of UN-system document symbols that [`find_symbols`] recognises in running text.
///
/// Parsing a symbol accepts any body of capital letters (a masthead may belong to any body); finding
/// symbols in prose needs this list, because prose is full of slashed abbreviations with digits
/// (`RDF/M23`, a mission's note `NV/ODG-636/24`, a press release `SC/15942`) that are not symbols.
pub const KNOWN_BODIES: &[&str] = &[
    "A", "APLC", "BWC", "CAT", "CBD", "CCPR", "CCW", "CD", "CED", "CEDAW", "CERD", "CMW", "CRC",
    "CRPD", "CTOC", "DP", "E", "ECA", "ECE", "ESCAP", "FCCC", "HRI", "HSP", "ICCD", "IDB", "ISBA",
    "JIU", "LC", "NPT", "PBC", "S", "SPLOS", "ST", "TD", "TPNW", "UNEP", "UNW",
];

/// The words of a qualifier [`find_symbols`] takes in: `(Sect. 24)`, `(Part II)`, `(Vol. I)`.
const QUALIFIER_WORDS: &[&str] = &["Sect", "Part", "Vol", "Chap", "Supp"];

/// Longest input [`Symbol::parse`] looks at; real symbols are under 60 characters.
const MAX_LEN: usize = 200;

/// One document symbol, normalised, with its reissue star if it carries one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol {
    /// The normal form, without the star.
    text: String,
    reissued: bool,
    /// Byte length of the series prefix in `text`, its final `/` included.
    series_len: usize,
    /// Byte length of the base (everything before the suffix chain) in `text`.
    base_len: usize,
    suffixes: Vec<Suffix>,
}

/// Why a string is not a document symbol.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a UN document symbol: {input:?} ({reason})")]
pub struct SymbolError {
    /// The string as given.
    pub input: String,
    /// What is wrong with it, for a person.
    pub reason: &'static str,
}

/// What a suffix says the document is, relative to its base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SuffixKind {
    /// `Corr.N`: a corrigendum.
    Corr,
    /// `Rev.N`: a revision, reissued in full.
    Rev,
    /// `Add.N`: an addendum.
    Add,
    /// `Amend.N`: an amendment.
    Amend,
}

impl SuffixKind {
    /// Every kind.
    pub const ALL: [SuffixKind; 4] = [
        SuffixKind::Corr,
        SuffixKind::Rev,
        SuffixKind::Add,
        SuffixKind::Amend,
    ];

    /// The word as symbols spell it (`Corr`).
    pub fn as_str(self) -> &'static str {
        match self {
            SuffixKind::Corr => "Corr",
            SuffixKind::Rev => "Rev",
            SuffixKind::Add => "Add",
            SuffixKind::Amend => "Amend",
        }
    }
}

/// One link of a suffix chain: `Rev.1` is `{ kind: Rev, number: 1 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Suffix {
    /// Corrigendum, revision, addendum or amendment.
    pub kind: SuffixKind,
    /// Its number.
    pub number: u32,
}

impl Suffix {
    /// Reads one suffix part (`Rev.1`; case and the dot are forgiven: `rev1`).
    fn parse(part: &str) -> Option<Suffix> {
        let split = part.find(|c: char| !c.is_ascii_alphabetic())?;
        let (word, rest) = part.split_at(split);
        let kind = SuffixKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(word))?;
        let digits = rest.strip_prefix('.').unwrap_or(rest);
        if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(Suffix {
            kind,
            number: digits.parse().ok()?,
        })
    }
}

impl fmt::Display for Suffix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.kind.as_str(), self.number)
    }
}

impl Symbol {
    /// Parses and normalises one symbol (`S/2025/71/Rev.1`, `A/79/843*`, `A/80/6 (Sect. 24)`).
    /// Surrounding whitespace is ignored. A joint symbol is refused: use [`parse_joint`].
    pub fn parse(s: &str) -> Result<Symbol, SymbolError> {
        let fail = |reason| SymbolError {
            input: s.to_string(),
            reason,
        };
        let t = s.trim();
        if t.len() > MAX_LEN {
            return Err(fail("too long"));
        }
        let (body, reissued) = match t.strip_suffix('*') {
            Some(b) => (b, true),
            None => (t, false),
        };
        if split_joint(body).len() > 1 {
            return Err(fail("a joint symbol: split it into its symbols"));
        }
        let body: String = body.chars().map(normalise_char).collect();
        let symbol = build(&body, reissued).map_err(fail)?;
        // Upper-casing a lowered series can make a joint symbol appear (`S/f1-o/3` becomes
        // `S/F1-O/3`, which reads as `S/F1` and `O/3`): what displays as two symbols is not one.
        if split_joint(&symbol.text).len() > 1 {
            return Err(fail("a joint symbol: split it into its symbols"));
        }
        // Normalising adds dots (`Rev1` -> `Rev.1`): the displayed form must fit the limit too,
        // or it would not parse back.
        if symbol.text.len() + usize::from(symbol.reissued) > MAX_LEN {
            return Err(fail("too long"));
        }
        Ok(symbol)
    }

    /// The symbol without its reissue star, normalised.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the symbol carries a reissue star.
    pub fn reissued(&self) -> bool {
        self.reissued
    }

    /// The same symbol with or without the reissue star.
    pub fn with_reissued(&self, reissued: bool) -> Symbol {
        Symbol {
            reissued,
            ..self.clone()
        }
    }

    /// The issuing body's letters, the first part: `A`, `S`, `E`, `DP`, `TPNW`.
    pub fn body(&self) -> &str {
        self.text.split('/').next().unwrap_or_default()
    }

    /// The series: the leading parts before the first numbered one, with the final slash
    /// (`A/`, `A/HRC/`, `A/ES-10/`, `E/CN.6/`, `S/PRST/`, `TPNW/MSP/`).
    pub fn series(&self) -> &str {
        self.text.get(..self.series_len).unwrap_or_default()
    }

    /// The organ that issues documents of this symbol's series, when the series is one of the
    /// organs' own ([`crate::organ::ORGANS`]): `A/HRC/55/1` is the Human Rights Council's, `A/79/1` the
    /// General Assembly's.
    pub fn issuing_organ(&self) -> Option<&'static crate::organ::Organ> {
        crate::organ::ORGANS
            .iter()
            .find(|o| o.series.is_some_and(|s| self.text.starts_with(s)))
    }

    /// The principal organ a symbol's body letter stands for, when it is one of them.
    pub fn organ(&self) -> Option<&'static str> {
        match self.body() {
            "A" => Some("General Assembly"),
            "S" => Some("Security Council"),
            "E" => Some("Economic and Social Council"),
            "ST" => Some("Secretariat"),
            _ => None,
        }
    }

    /// The base symbol as text: the symbol without its suffix chain and star (`E/2025/15` for
    /// `E/2025/15/Add.1/Rev.1`, `A/80/6 (Sect. 24)` for its `Corr.1`).
    pub fn base_str(&self) -> &str {
        self.text.get(..self.base_len).unwrap_or_default()
    }

    /// The base symbol: no suffix chain, no star.
    pub fn base(&self) -> Symbol {
        Symbol {
            text: self.base_str().to_string(),
            reissued: false,
            series_len: self.series_len,
            base_len: self.base_len,
            suffixes: Vec::new(),
        }
    }

    /// The suffix chain in printed order (`[Add.1, Rev.1]` for `E/2025/15/Add.1/Rev.1`).
    pub fn suffixes(&self) -> &[Suffix] {
        &self.suffixes
    }

    /// The parenthesised qualifier of the base, normalised, without its parentheses: `Sect. 24`
    /// for `A/80/6 (Sect. 24)`, `2016` for `S/RES/2334 (2016)`.
    pub fn qualifier(&self) -> Option<&str> {
        let base = self.base_str();
        let open = base.find(" (")?;
        base.get(open + 2..base.len().saturating_sub(1))
    }

    /// Whether both are versions of one base symbol: `A/79/730` and `A/79/730/Rev.1`, a reissue
    /// `A/79/843*` and `A/79/843`, a document and its corrigendum or addendum.
    pub fn same_base(&self, other: &Symbol) -> bool {
        self.base_str() == other.base_str()
    }

    /// Whether this document derives from `other`: same base, and `other`'s suffix chain is a
    /// strict start of this one's (`S/2025/71/Rev.1` from `S/2025/71`; `E/2025/15/Add.1/Rev.1`
    /// from `E/2025/15/Add.1`), or the same symbol reissued.
    pub fn derives_from(&self, other: &Symbol) -> bool {
        self.same_base(other)
            && self.suffixes.starts_with(&other.suffixes)
            && (self.suffixes.len() > other.suffixes.len() || (self.reissued && !other.reissued))
    }

    /// A file-name stem built from the symbol, as the corpus names its files: slashes become `_`,
    /// the qualifier loses its space and parentheses (`A_80_6_Sect.24_Corr.1`); no star. Only ASCII
    /// letters, digits, `.`, `-` and `_`, never `..`.
    pub fn file_stem(&self) -> String {
        self.text
            .replace(" (", "_")
            .replace([')', ' '], "")
            .replace('/', "_")
    }
}

/// Dashes and hyphens that stand for `-` inside a symbol; the non-breaking space for a space.
fn normalise_char(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2013}' | '\u{2212}' => '-',
        '\u{a0}' | '\u{202f}' => ' ',
        c => c,
    }
}

/// Builds a symbol from its dash-normalised text (no star, no joint).
fn build(body: &str, reissued: bool) -> Result<Symbol, &'static str> {
    let mut parts: Vec<String> = Vec::new();
    let mut qualifier: Option<(usize, String)> = None;
    for (i, raw) in body.split('/').enumerate() {
        let (core, qual) = match raw.find('(') {
            Some(open) => (raw[..open].trim_end(), Some(parse_qualifier(&raw[open..])?)),
            None => (raw, None),
        };
        if !is_part(core) {
            return Err("each part between slashes must be letters and digits joined by . or -");
        }
        if let Some(q) = qual {
            if qualifier.is_some() {
                return Err("more than one parenthesised qualifier");
            }
            qualifier = Some((i, q));
        }
        parts.push(core.to_string());
    }
    if parts.len() > 24 {
        return Err("too many parts");
    }
    let first = parts.first_mut().ok_or("empty")?;
    if first.bytes().all(|b| b.is_ascii_lowercase()) {
        first.make_ascii_uppercase();
    }
    if first.is_empty() || first.len() > 10 || !first.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err("the first part must be the issuing body's capital letters (A, S, E, DP ...)");
    }
    // The suffix chain: trailing parts that read as suffixes, leaving at least two base parts.
    let mut suffixes = Vec::new();
    while parts.len() > 2 {
        match parts.last().and_then(|p| Suffix::parse(p)) {
            Some(s) => {
                suffixes.push(s);
                parts.pop();
            }
            None => break,
        }
    }
    suffixes.reverse();
    if parts.len() < 2 {
        return Err("a symbol has at least a body and a number (S/2025/71)");
    }
    let last = parts.len() - 1;
    if let Some((at, _)) = &qualifier {
        if *at != last {
            return Err("a parenthesised qualifier must follow the base's last part");
        }
    }
    if !parts
        .last()
        .is_some_and(|p| p.bytes().any(|b| b.is_ascii_digit()))
    {
        return Err("the base's last part must carry a number");
    }
    let middle = parts.get(1..last).unwrap_or_default();
    if middle.iter().any(|p| glued_body(p).is_some()) {
        return Err("two symbols run together (a number glued to the next symbol's body)");
    }
    // Series parts (after the body, before the first numbered part, never the last) are letters
    // a typesetter may have lowered: `A/hrc/RES/57/6`.
    let series_count = 1 + middle
        .iter()
        .take_while(|p| !p.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    for p in parts.get_mut(1..series_count).unwrap_or_default() {
        if !p.bytes().any(|b| b.is_ascii_uppercase()) {
            p.make_ascii_uppercase();
        }
    }
    let mut text = String::new();
    let mut series_len = 0;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            text.push('/');
        }
        if i == series_count {
            series_len = text.len();
        }
        text.push_str(p);
    }
    if let Some((_, q)) = &qualifier {
        text.push_str(" (");
        text.push_str(q);
        text.push(')');
    }
    let base_len = text.len();
    for s in &suffixes {
        text.push('/');
        text.push_str(&s.to_string());
    }
    Ok(Symbol {
        text,
        reissued,
        series_len,
        base_len,
        suffixes,
    })
}

/// Whether `p` is one symbol part: ASCII letters and digits in runs joined by single `.` or `-`.
fn is_part(p: &str) -> bool {
    !p.is_empty()
        && p.split(['.', '-'])
            .all(|run| !run.is_empty() && run.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Reads a qualifier `(Sect. 24)`, `(Sect.24)`, `(2016)`, `(Part II)` into its normal form
/// (`Sect. 24`); `raw` starts at `(` and must end at `)`.
fn parse_qualifier(raw: &str) -> Result<String, &'static str> {
    const BAD: &str = "a qualifier reads (Sect. 24), (Part II) or (2016)";
    let inner = raw
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .ok_or(BAD)?
        .trim();
    let alnum = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric());
    if alnum(inner) {
        return Ok(inner.to_string());
    }
    let word_end = inner.find(|c: char| !c.is_ascii_alphabetic()).ok_or(BAD)?;
    let (word, rest) = inner.split_at(word_end);
    let (dot, value) = match rest.strip_prefix('.') {
        Some(v) => (".", v.trim_start()),
        None => ("", rest.trim_start()),
    };
    if word.is_empty() || !alnum(value) || (dot.is_empty() && rest == value) {
        return Err(BAD);
    }
    Ok(format!("{word}{dot} {value}"))
}

/// When `p` is a number glued to a known body (`432S`, from `A/55/432S/2000/921`), the byte index
/// where the body starts.
fn glued_body(p: &str) -> Option<usize> {
    let at = p.find(|c: char| !c.is_ascii_digit())?;
    let letters = &p[at..];
    (at > 0 && KNOWN_BODIES.contains(&letters)).then_some(at)
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)?;
        if self.reissued {
            f.write_str("*")?;
        }
        Ok(())
    }
}

impl FromStr for Symbol {
    type Err = SymbolError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Symbol::parse(s)
    }
}

impl Serialize for Symbol {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Symbol {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Symbol::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Symbol {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Symbol".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A UN document symbol in normal form (`A/79/729`, `S/2025/71/Rev.1`, `A/80/6 (Sect. 24)`); a trailing `*` marks a reissue.",
            "type": "string",
            "pattern": "^[A-Z]{1,10}(/[A-Za-z0-9]+([.-][A-Za-z0-9]+)*)+( \\([A-Za-z0-9]+(\\.? [A-Za-z0-9]+)?\\))?(/(Corr|Rev|Add|Amend)\\.[0-9]+)*\\*?$"
        })
    }
}

/// Splits a joint symbol (`A/79/729-S/2025/40`, en dash or hyphen) into its parts. A dash only
/// separates when a new series starts after it, so `A/ES-10/1043` stays whole.
pub fn split_joint(s: &str) -> Vec<&str> {
    joint_ranges(s).into_iter().map(|(a, b)| &s[a..b]).collect()
}

/// The byte ranges of [`split_joint`]'s parts in `s`, each trimmed of spaces.
fn joint_ranges(s: &str) -> Vec<(usize, usize)> {
    let trimmed = |a: usize, b: usize| {
        let piece = &s[a..b];
        let lead = piece.len() - piece.trim_start().len();
        (a + lead, a + lead + piece.trim().len())
    };
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if normalise_char(c) == '-' {
            let rest = &s[i + c.len_utf8()..];
            let starts_series = rest.trim_start().split('/').next().is_some_and(|head| {
                !head.is_empty() && head.chars().all(|ch| ch.is_ascii_uppercase())
            }) && rest.contains('/');
            if starts_series {
                parts.push(trimmed(start, i));
                start = i + c.len_utf8();
            }
        }
    }
    parts.push(trimmed(start, s.len()));
    parts
}

/// Where each part of a joint symbol stands in its printed text, as byte ranges, when the text
/// splits into exactly `parts` symbols (`A/79/955 – S/2025/402` gives the ranges of `A/79/955`
/// and `S/2025/402`); `None` otherwise.
pub fn printed_parts(text: &str, parts: usize) -> Option<Vec<(usize, usize)>> {
    let ranges = joint_ranges(text);
    let all_symbols = ranges
        .iter()
        .all(|&(a, b)| Symbol::parse(&text[a..b]).is_ok());
    (ranges.len() == parts && all_symbols).then_some(ranges)
}

/// Parses a symbol that may be joint (`A/79/729–S/2025/40`) into its symbols, in printed order.
pub fn parse_joint(s: &str) -> Result<Vec<Symbol>, SymbolError> {
    split_joint(s).into_iter().map(Symbol::parse).collect()
}

/// Writes symbols as one joint symbol, joined by a hyphen (`A/79/729-S/2025/40`).
pub fn join(symbols: &[Symbol]) -> String {
    symbols
        .iter()
        .map(Symbol::to_string)
        .collect::<Vec<_>>()
        .join("-")
}

/// Finds the document symbols cited in running text, with their byte ranges, in order. A joint
/// symbol gives one entry per symbol. Only [`KNOWN_BODIES`] start a symbol; page counters (`2/3`),
/// dates, slashed abbreviations (`HIV/AIDS`), paths inside web addresses and `resolution 2334
/// (2016)` (no slash: a resolution number, not a symbol) are not matched. A sentence's full stop
/// after a symbol is left out; a qualifier (`(Sect. 24)`; a year only after `S/RES/`) and a
/// reissue star are taken in.
pub fn find_symbols(text: &str) -> Vec<(Range<usize>, Symbol)> {
    let mut out = Vec::new();
    let mut i = 0;
    // Where the second symbol of a joint or glued pair starts: no word boundary there.
    let mut chained: Option<usize> = None;
    while i < text.len() {
        let forced = chained.take();
        let start = forced.unwrap_or(i);
        if forced.is_some() || starts_symbol(text, start) {
            if let Some(found) = match_at(text, start) {
                i = found.range.end.max(start + 1);
                chained = found.next;
                out.push((found.range, found.symbol));
                continue;
            }
        }
        i = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// A symbol found at a place in the text, and where the next one of a joint or glued pair starts.
struct Found {
    range: Range<usize>,
    symbol: Symbol,
    next: Option<usize>,
}

/// Whether a symbol may start at byte `i`: a capital letter not inside a word, a number, a path or
/// a web address. Markdown's `__bold__` and `**bold**` markers may stand before it.
fn starts_symbol(text: &str, i: usize) -> bool {
    let Some(c) = text[i..].chars().next() else {
        return false;
    };
    if !c.is_ascii_uppercase() {
        return false;
    }
    match text[..i].chars().next_back() {
        None => true,
        Some(p) => {
            !(p.is_alphanumeric() || "/\\.-@:&=?#%~+".contains(p) || normalise_char(p) == '-')
        }
    }
}

/// Reads the longest symbol starting at byte `start`, if any.
fn match_at(text: &str, start: usize) -> Option<Found> {
    let bytes = text.as_bytes();
    let letters_end = start
        + bytes
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_uppercase())
            .count();
    if bytes.get(letters_end) != Some(&b'/') || !KNOWN_BODIES.contains(&&text[start..letters_end]) {
        return None;
    }
    let is_sres = text[start..].starts_with("S/RES/");
    // `ends` holds each place the symbol could end (after a part or a qualifier); the longest that
    // parses wins, so a trailing non-symbol part (`/corr`) is dropped rather than spoiling the rest.
    let mut ends: Vec<usize> = Vec::new();
    let mut next = None;
    let mut pos = letters_end;
    let mut qualified = false;
    while bytes.get(pos) == Some(&b'/') {
        let part_start = pos + 1;
        let (part_end, follow) = scan_part(text, part_start);
        if part_end == part_start {
            break;
        }
        pos = part_end;
        if let Some(at) = follow {
            ends.push(pos);
            next = Some(at);
            break;
        }
        ends.push(pos);
        if !qualified {
            if let Some(q_end) = scan_qualifier(text, pos, is_sres) {
                pos = q_end;
                qualified = true;
                ends.push(pos);
            }
        }
    }
    while let Some(&end) = ends.last() {
        // A star right after is a reissue (`A/79/843*`), not bold markers (`**A/79/729**`).
        let star = bytes.get(end) == Some(&b'*') && bytes.get(end + 1) != Some(&b'*');
        let end = end + usize::from(star);
        if let Ok(symbol) = Symbol::parse(&text[start..end]) {
            return Some(Found {
                range: start..end,
                symbol,
                next,
            });
        }
        // Only the longest reading ends where the next symbol of a pair starts.
        ends.pop();
        next = None;
    }
    None
}

/// Scans one part starting at byte `from`; returns its end and, when a joint dash or a glued
/// number ends it, where the next symbol starts.
fn scan_part(text: &str, from: usize) -> (usize, Option<usize>) {
    let mut end = from;
    for (off, c) in text[from..].char_indices() {
        let at = from + off;
        let after = at + c.len_utf8();
        if c.is_ascii_alphanumeric() {
            end = after;
            continue;
        }
        let is_dash = normalise_char(c) == '-';
        if (c == '.' || is_dash) && end == at && end > from && next_is_alnum(text, after) {
            if is_dash && starts_known_body(text, after) {
                // `A/79/729-S/2025/40`: the dash joins two symbols.
                return (end, Some(after));
            }
            continue;
        }
        if c == '*'
            && is_dash_at(text, after)
            && starts_known_body(text, after + dash_len(text, after))
        {
            return (end, Some(after + dash_len(text, after)));
        }
        break;
    }
    let part = &text[from..end];
    if let Some(at) = glued_body(part) {
        if text.as_bytes().get(end) == Some(&b'/') {
            return (from + at, Some(from + at));
        }
    }
    (end, None)
}

fn next_is_alnum(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric())
}

fn is_dash_at(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|t| t.chars().next())
        .is_some_and(|c| normalise_char(c) == '-')
}

fn dash_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(0, char::len_utf8)
}

/// Whether a known body followed by `/` starts at byte `at`.
fn starts_known_body(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let letters = rest.bytes().take_while(u8::is_ascii_uppercase).count();
    rest.as_bytes().get(letters) == Some(&b'/') && KNOWN_BODIES.contains(&&rest[..letters])
}

/// A qualifier right after a part (one optional space, then `(Sect. 24)`, or `(2016)` after
/// `S/RES/`); returns its end.
fn scan_qualifier(text: &str, from: usize, year_allowed: bool) -> Option<usize> {
    let rest = &text[from..];
    let open = if rest.starts_with(" (") {
        1
    } else if rest.starts_with('(') {
        0
    } else {
        return None;
    };
    let close = rest[open..].find(')')? + open;
    if close > open + 16 {
        return None;
    }
    let inner = &rest[open + 1..close];
    let year = inner.len() == 4 && inner.bytes().all(|b| b.is_ascii_digit());
    // Only the words official records use, so `A/79/1 (annex I)` keeps its citation apart.
    let worded = QUALIFIER_WORDS.iter().any(|w| inner.starts_with(w))
        && parse_qualifier(&rest[open..=close]).is_ok_and(|q| q.contains(' '));
    ((year && year_allowed) || worded).then_some(from + close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    fn sym(s: &str) -> Symbol {
        Symbol::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    fn found(text: &str) -> Vec<(&str, String)> {
        find_symbols(text)
            .into_iter()
            .map(|(r, s)| (&text[r], s.to_string()))
            .collect()
    }

    #[test]
    fn parses_and_displays() {
        for s in [
            "A/79/729",
            "S/2025/71/Rev.1",
            "A/79/843*",
            "A/ES-10/1043",
            "A/AC.292/2025/INF/5/Rev.1",
            "E/CN.6/2025/3",
            "DP/2025/14/Corr.1",
            "E/ICEF/2025/AB/L.3/Add.2",
            "TPNW/MSP/2025/WP.1/Rev.1",
            "S/PRST/2021/13",
            "S/RES/2334 (2016)",
            "A/80/6 (Sect. 24)",
            "A/80/6 (Sect. 24)/Corr.1",
            "E/2025/15/Add.1/Rev.1",
            "A/HRC/RES/S-30/1",
            "ST/SGB/2007/6",
            "E/CN.4/Sub.2/2004/1",
            "S/PV.9884",
            "A/79/L.45",
        ] {
            assert_eq!(sym(s).to_string(), s);
            assert_eq!(sym(&sym(s).to_string()), sym(s));
        }
    }

    #[test]
    fn normalises() {
        for (printed, normal) in [
            (" A/79/843* ", "A/79/843*"),
            ("A/ES\u{2013}10/1043", "A/ES-10/1043"),
            ("A/ES\u{2011}10/1043", "A/ES-10/1043"),
            ("A/hrc/RES/57/6", "A/HRC/RES/57/6"),
            ("s/2025/71/rev.1", "S/2025/71/Rev.1"),
            ("S/2025/71/REV1", "S/2025/71/Rev.1"),
            ("A/80/6(Sect.24)", "A/80/6 (Sect. 24)"),
            ("A/80/6 (Sect.\u{a0}24)/corr.1", "A/80/6 (Sect. 24)/Corr.1"),
            ("S/RES/2334(2016)", "S/RES/2334 (2016)"),
        ] {
            assert_eq!(sym(printed).to_string(), normal, "{printed:?}");
        }
    }

    #[test]
    fn takes_apart() {
        let s = sym("E/2025/15/Add.1/Rev.1");
        assert_eq!(s.base_str(), "E/2025/15");
        assert_eq!(s.series(), "E/");
        assert_eq!(s.body(), "E");
        assert_eq!(s.organ(), Some("Economic and Social Council"));
        assert_eq!(
            s.suffixes(),
            [
                Suffix {
                    kind: SuffixKind::Add,
                    number: 1
                },
                Suffix {
                    kind: SuffixKind::Rev,
                    number: 1
                }
            ]
        );
        assert_eq!(s.base(), sym("E/2025/15"));
        for (s, series) in [
            ("A/79/729", "A/"),
            ("S/2025/71", "S/"),
            ("A/HRC/56/51", "A/HRC/"),
            ("A/ES-10/1043", "A/ES-10/"),
            ("A/AC.292/2025/INF/5", "A/AC.292/"),
            ("E/CN.6/2025/3/Rev.1", "E/CN.6/"),
            ("DP/2025/14", "DP/"),
            ("E/ICEF/2025/11", "E/ICEF/"),
            ("TPNW/MSP/2025/11", "TPNW/MSP/"),
            ("S/PRST/2021/13", "S/PRST/"),
            ("S/RES/2334 (2016)", "S/RES/"),
            ("A/hrc/RES/57/6", "A/HRC/RES/"),
            ("S/PV.9884", "S/"),
        ] {
            assert_eq!(sym(s).series(), series, "{s}");
        }
        let sect = sym("A/80/6 (Sect. 24)/Corr.1*");
        assert_eq!(sect.base_str(), "A/80/6 (Sect. 24)");
        assert_eq!(sect.qualifier(), Some("Sect. 24"));
        assert!(sect.reissued());
        assert_eq!(sect.file_stem(), "A_80_6_Sect.24_Corr.1");
        assert_eq!(sym("S/RES/2334 (2016)").qualifier(), Some("2016"));
        assert_eq!(sym("S/2025/71").qualifier(), None);
    }

    #[test]
    fn versions_of_one_base() {
        let (orig, rev) = (sym("S/2025/71"), sym("S/2025/71/Rev.1"));
        assert!(rev.same_base(&orig) && orig.same_base(&rev));
        assert!(rev.derives_from(&orig) && !orig.derives_from(&rev));
        assert!(sym("A/79/843*").derives_from(&sym("A/79/843")));
        assert!(sym("E/2025/15/Add.1/Rev.1").derives_from(&sym("E/2025/15/Add.1")));
        assert!(!sym("S/2025/71").same_base(&sym("S/2025/72")));
        assert!(!sym("A/80/6 (Sect. 24)").same_base(&sym("A/80/6 (Sect. 23)")));
        assert!(!rev.derives_from(&rev));
    }

    #[test]
    fn refuses_non_symbols() {
        for bad in [
            "",
            "*",
            "2/3",
            "17/01/2025",
            "HIV/AIDS",
            "S/NO",
            "A/HRC/RES/S",
            "A/",
            "/A/1",
            "A//1",
            "A/79/1/",
            "Assembly/AU/20",
            "EC-94/DEC.2",
            "A/79/729-S/2025/40",
            "A/79/729\u{2013}S/2025/40",
            "A/55/432S/2000/921",
            "A/79/1 (Sect. 2) (Part I)",
            "A/79 (Sect. 2)/1",
            "A/79/1 (Sect. 2",
            "A/79/1..2",
            "A/79/1 extra",
            "S/2025/71/Rev.1/x",
        ] {
            assert!(Symbol::parse(bad).is_err(), "{bad:?}");
        }
        let e = Symbol::parse("A/79/729-S/2025/40").unwrap_err();
        assert!(e.to_string().contains("joint"), "{e}");
    }

    #[test]
    fn joint_symbols() {
        assert_eq!(
            split_joint("A/ES-10/1043-S/2025/529"),
            ["A/ES-10/1043", "S/2025/529"]
        );
        assert_eq!(
            split_joint("A/79/963\u{2013}S/2025/438"),
            ["A/79/963", "S/2025/438"]
        );
        assert_eq!(split_joint("A/ES-10/1043"), ["A/ES-10/1043"]);
        let parts = parse_joint("A/79/843*\u{2013}S/2025/201*").unwrap();
        assert!(parts.iter().all(Symbol::reissued));
        assert_eq!(join(&parts), "A/79/843*-S/2025/201*");
        assert!(parse_joint("A/79/1-HIV/AIDS").is_err());
    }

    #[test]
    fn finds_citations() {
        assert_eq!(
            found("the report (see A/77/801 and S/2023/134), para. 3."),
            [
                ("A/77/801", "A/77/801".into()),
                ("S/2023/134", "S/2023/134".into())
            ]
        );
        assert_eq!(
            found("letters (A/55/305\u{2013}S/2000/809) of 2000"),
            [
                ("A/55/305", "A/55/305".into()),
                ("S/2000/809", "S/2000/809".into())
            ]
        );
        assert_eq!(
            found("A/79/843*\u{2013}S/2025/201*\n"),
            [
                ("A/79/843*", "A/79/843*".into()),
                ("S/2025/201*", "S/2025/201*".into())
            ]
        );
        assert_eq!(
            found("(A/55/432S/2000/921) and A/HRC/59/21E/CN.6/2025/6."),
            [
                ("A/55/432", "A/55/432".into()),
                ("S/2000/921", "S/2000/921".into()),
                ("A/HRC/59/21", "A/HRC/59/21".into()),
                ("E/CN.6/2025/6", "E/CN.6/2025/6".into())
            ]
        );
        assert_eq!(
            found("see A/80/6 (Sect. 24)/Corr.1 and S/RES/2334 (2016); A/79/1 (2016)"),
            [
                (
                    "A/80/6 (Sect. 24)/Corr.1",
                    "A/80/6 (Sect. 24)/Corr.1".into()
                ),
                ("S/RES/2334 (2016)", "S/RES/2334 (2016)".into()),
                ("A/79/1", "A/79/1".into())
            ]
        );
        assert_eq!(
            found("A/hrc/RES/27/31/corr and A/ES\u{2013}10/1043-S/2025/529."),
            [
                ("A/hrc/RES/27/31", "A/HRC/RES/27/31".into()),
                ("A/ES\u{2013}10/1043", "A/ES-10/1043".into()),
                ("S/2025/529", "S/2025/529".into())
            ]
        );
        assert_eq!(found("**A/79/729**"), [("A/79/729", "A/79/729".into())]);
    }

    #[test]
    fn leaves_non_symbols_alone() {
        for text in [
            "page 2/3",
            "on 17/01/2025",
            "HIV/AIDS and AML/CFT",
            "resolution 2334 (2016)",
            "by RDF/M23 forces",
            "Note Verbale No. NV/ODG-636/24",
            "press release SC/15942",
            "decision EC-94/DEC.2 and C-SS-4/DEC.3",
            "https://docs.un.org/en/S/RES/1325(2000)",
            "https://undocs.org/A/79/1",
            "UNDP/UNFPA/UNOPS",
            "A/S and E/E",
            "25-00746 (E) 230125",
        ] {
            assert_eq!(found(text), Vec::<(&str, String)>::new(), "{text}");
        }
    }

    proptest::proptest! {
        /// Whatever the text, finding never panics, every range holds what it found, and every
        /// symbol found or parsed displays as a string that parses back to it.
        #[test]
        fn found_symbols_are_consistent(text in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::sample::select(vec![
                    "A/", "S/", "E/CN.6/", "S/RES/", "A/ES-10/", "hrc/", "79/", "2025/", "12S/",
                    "71", "-", "\u{2013}", "*", "**", " (Sect. 24)", "(2016)", "/Rev.1", "/corr",
                    " ", ".", "\n", "é", "(", ")", "/", "__",
                ]).prop_map(String::from),
                "[A-Za-z0-9/.()* -]{1,3}",
            ],
            0..16,
        ).prop_map(|parts| parts.concat())) {
            for (range, symbol) in find_symbols(&text) {
                let printed = text.get(range.clone()).expect("ranges fall on characters");
                proptest::prop_assert_eq!(Symbol::parse(printed), Ok(symbol.clone()));
                proptest::prop_assert_eq!(Symbol::parse(&symbol.to_string()), Ok(symbol));
            }
            if let Ok(symbol) = Symbol::parse(&text) {
                proptest::prop_assert_eq!(Symbol::parse(&symbol.to_string()), Ok(symbol));
            }
        }
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "A/",
            "A/1-",
            "A/1\u{2013}",
            "A/1*",
            "A/1 (",
            "A/1 (Sect.",
            "S/RES/1 (20",
            "é A/1/é",
            "A/1-S/",
            "A/1*-",
            "A/12S/",
            "\u{2013}A/1",
        ] {
            let _ = find_symbols(text);
        }
    }
}
