//! Names the AKN writer gives things: FRBR IRIs built from symbols and dates, element `eId`s, and
//! the Top Level Classes (TLCs) that every `refersTo`, `href="#..."` and `as` points at.
//!
//! The conventions follow `AKN-MAPPING.md`: IRIs `/akn/un/doc/communication/{actor}/{date}/{number}`
//! with DGACM actor codes; structural eIds `{kind}_{n}`, prefixed by the attachment's eId inside an
//! annex (`att_1__para_1`); TLC eIds in lowerCamelCase (`generalAssembly`, `tofigMusayev`). Structural
//! eIds always contain `_` and TLC eIds never do, so the two can never collide.

use std::collections::HashMap;

use crate::model::{Block, Date, Document, Footnote};
use crate::symbol::Symbol;

/// The ontology a TLC belongs to; the element name written into `<references>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum TlcKind {
    Organization,
    Person,
    Role,
    Concept,
}

impl TlcKind {
    pub(crate) fn element(self) -> &'static str {
        match self {
            TlcKind::Organization => "TLCOrganization",
            TlcKind::Person => "TLCPerson",
            TlcKind::Role => "TLCRole",
            TlcKind::Concept => "TLCConcept",
        }
    }

    fn ontology(self) -> &'static str {
        match self {
            TlcKind::Organization => "/akn/ontology/organization/un/",
            TlcKind::Person => "/akn/ontology/person/",
            TlcKind::Role => "/akn/ontology/role/un/",
            TlcKind::Concept => "/akn/ontology/concept/un/",
        }
    }
}

/// One entry of `<references>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tlc {
    pub kind: TlcKind,
    pub eid: String,
    pub href: String,
    pub show_as: String,
}

/// The TLCs of one file, in the order they were first needed; each distinct (kind, name) pair gets
/// one eId, unique across the file.
#[derive(Debug, Default)]
pub(crate) struct Tlcs {
    entries: Vec<Tlc>,
    by_key: HashMap<(TlcKind, String), usize>,
    taken: HashMap<String, usize>,
}

impl Tlcs {
    /// The eId of the TLC for `show_as`, registering it under a name derived from `preferred`
    /// (or from `show_as` when `preferred` is empty) the first time.
    pub(crate) fn id(&mut self, kind: TlcKind, show_as: &str, preferred: &str) -> &str {
        let key = (kind, show_as.to_string());
        let index = match self.by_key.get(&key) {
            Some(&i) => i,
            None => {
                let base = if preferred.is_empty() {
                    camel_slug(show_as, fallback_slug(kind))
                } else {
                    preferred.to_string()
                };
                let eid = self.unique(base);
                // The IRI names the thing itself (`generalAssembly`), whatever its short eId.
                let href = format!(
                    "{}{}",
                    kind.ontology(),
                    camel_slug(show_as, fallback_slug(kind))
                );
                self.entries.push(Tlc {
                    kind,
                    eid: eid.clone(),
                    href,
                    show_as: show_as.to_string(),
                });
                let i = self.entries.len() - 1;
                self.taken.insert(eid, i);
                self.by_key.insert(key, i);
                i
            }
        };
        self.entries.get(index).map_or("", |t| t.eid.as_str())
    }

    /// A fixed concept (`symbol`, `signed`, `DGACM`): its eId is its name.
    pub(crate) fn fixed(&mut self, kind: TlcKind, eid: &'static str, show_as: &str) -> &str {
        self.id(kind, show_as, eid)
    }

    fn unique(&self, base: String) -> String {
        if !self.taken.contains_key(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}{n}"))
            .find(|c| !self.taken.contains_key(c))
            .unwrap_or(base)
    }

    /// The registered TLCs in a stable order: by kind (the schema lists them that way in its
    /// examples), then in order of first use.
    pub(crate) fn sorted(&self) -> Vec<&Tlc> {
        let mut all: Vec<&Tlc> = self.entries.iter().collect();
        all.sort_by_key(|t| t.kind);
        all
    }
}

fn fallback_slug(kind: TlcKind) -> &'static str {
    match kind {
        TlcKind::Organization => "organization",
        TlcKind::Person => "person",
        TlcKind::Role => "role",
        TlcKind::Concept => "concept",
    }
}

/// `General Assembly` -> `generalAssembly`, `Secretary-General` -> `secretaryGeneral`: ASCII letters
/// and digits only (accents folded where common), never starting with a digit, never empty.
pub(crate) fn camel_slug(text: &str, fallback: &str) -> String {
    // An acronym stays as it is (`DGACM`).
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && text.starts_with(|c: char| c.is_ascii_uppercase())
    {
        return text.to_string();
    }
    let mut out = String::new();
    let mut new_word = false;
    for c in text.chars().map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            if out.is_empty() {
                out.push(c.to_ascii_lowercase());
            } else if new_word {
                out.push(c.to_ascii_uppercase());
            } else {
                out.push(c);
            }
            new_word = false;
        } else if c != '\'' && c != '\u{2019}' {
            new_word = true;
        }
    }
    if out.is_empty() {
        return fallback.to_string();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, fallback);
    }
    out
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'ç' => 'c',
        'Ç' => 'C',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'O',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        _ => c,
    }
}

/// The TLC eId DGACM and the guidelines use for a principal organ, when it is one.
pub(crate) fn organ_eid(organ: &str) -> &'static str {
    crate::organ::organ_named(organ).map_or("", |o| o.eid)
}

/// DGACM's actor code for the organ a symbol belongs to (`A/79/1` -> `unga`).
pub(crate) fn actor(symbol: &Symbol) -> &'static str {
    symbol.issuing_organ().map_or("un", |o| o.actor)
}

/// The number component of an IRI: `/` -> `-`, space -> `_`, no reissue star, and anything else
/// outside `[A-Za-z0-9._()-]` -> `_` so the IRI needs no escaping (`A/80/6 (Sect. 24)` ->
/// `A-80-6_(Sect._24)`).
pub(crate) fn iri_number(symbol: &Symbol) -> String {
    iri_number_text(symbol.as_str())
}

/// [`iri_number`] of a symbol's text as written (the star of a reissue is not dropped here:
/// parse the symbol first for that).
pub(crate) fn iri_number_text(symbol: &str) -> String {
    symbol
        .chars()
        .map(|c| match c {
            '/' => '-',
            c if c.is_ascii_alphanumeric() || "._()-".contains(c) => c,
            _ => '_',
        })
        .collect()
}

/// The placeholder an IRI or `FRBRdate` gets when the document carries no date at all.
pub(crate) const UNKNOWN_DATE: &str = "0001-01-01";

/// FRBR IRIs of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Iris {
    /// `/akn/un/doc/communication/unga/2021-03-02/A-75-1`
    pub work: String,
    /// `{work}/eng@2021-03-04`
    pub expression: String,
    /// The work date as written into `FRBRdate`, and its `name`.
    pub work_date: (String, &'static str),
    /// The expression date as written into `FRBRdate`.
    pub expression_date: String,
    /// ISO 639-2/B code of this version's language.
    pub language: &'static str,
}

impl Iris {
    /// The IRIs of a document: actor and number from its first symbol, Work date the letter's date
    /// (else the date of issuance), Expression date the date of issuance.
    pub(crate) fn of(doc: &Document) -> Iris {
        let (actor, number) = match doc.symbols.first() {
            Some(s) => (actor(s), iri_number(s)),
            None => ("un", "unnumbered".to_string()),
        };
        let work_date = match (doc.letter_date, doc.date) {
            (Some(d), _) => (d.to_string(), "letterDate"),
            (None, Some(d)) => (d.to_string(), "issuance"),
            (None, None) => (UNKNOWN_DATE.to_string(), "unknown"),
        };
        let language = language_code(
            doc.language
                .as_deref()
                .or(doc.original_language.as_deref())
                .unwrap_or("English"),
        );
        let work = format!("/akn/un/doc/communication/{actor}/{}/{number}", work_date.0);
        // Dated by the issuance, else by the Work date (the product's level-2 rule).
        let expression_date = doc
            .date
            .map_or_else(|| work_date.0.clone(), |d: Date| d.to_string());
        let expression = format!("{work}/{language}@{expression_date}");
        Iris {
            work,
            expression,
            work_date,
            expression_date,
            language,
        }
    }

    /// The Work IRI another masthead symbol of the same letter would have (for `FRBRalias`).
    pub(crate) fn work_of(&self, symbol: &Symbol) -> String {
        format!(
            "/akn/un/doc/communication/{}/{}/{}",
            actor(symbol),
            self.work_date.0,
            iri_number(symbol)
        )
    }
}

/// ISO 639-2/B code of a UN official language named in English; `und` for any other.
pub(crate) fn language_code(name: &str) -> &'static str {
    match name.trim().to_ascii_lowercase().as_str() {
        "english" => "eng",
        "french" => "fre",
        "spanish" => "spa",
        "russian" => "rus",
        "arabic" => "ara",
        "chinese" => "chi",
        "german" => "ger",
        "portuguese" => "por",
        _ => "und",
    }
}

/// The number a session line names: `Seventy-ninth session` -> 79, `Eightieth year` -> the year of
/// the Security Council's eightieth year (2025), `2025 session` -> 2025.
pub(crate) fn session_value(name: &str) -> Option<u32> {
    let words: Vec<String> = name
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let year = words.len() > 1 && words.last().is_some_and(|w| w == "year");
    // The longest run of leading words that is a number (`one hundred and first`).
    let n = (1..=words.len()).rev().find_map(|k| {
        let head = words.get(..k)?.join(" ");
        head.parse::<u32>().ok().or_else(|| ordinal(&head))
    })?;
    match n {
        // The Security Council's first year was 1946.
        n if year && n < 1000 => Some(1945 + n),
        n => Some(n),
    }
}

/// `seventy-ninth` -> 79 (1 to 199).
fn ordinal(word: &str) -> Option<u32> {
    const UNITS: [(&str, u32); 19] = [
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
    ];
    const TENS: [(&str, &str, u32); 8] = [
        ("twenty", "twentieth", 20),
        ("thirty", "thirtieth", 30),
        ("forty", "fortieth", 40),
        ("fifty", "fiftieth", 50),
        ("sixty", "sixtieth", 60),
        ("seventy", "seventieth", 70),
        ("eighty", "eightieth", 80),
        ("ninety", "ninetieth", 90),
    ];
    let (hundred, rest) = match word.strip_prefix("one hundred") {
        Some(r) => (
            100,
            r.trim_start_matches([' ', '-']).trim_start_matches("and "),
        ),
        None => (0, word),
    };
    if rest.is_empty() {
        return (hundred == 100).then_some(100);
    }
    if rest == "hundredth" {
        return Some(100);
    }
    let unit = |w: &str| UNITS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v);
    if let Some(v) = unit(rest) {
        return Some(hundred + v);
    }
    for (cardinal, ordinal, v) in TENS {
        if rest == ordinal {
            return Some(hundred + v);
        }
        if let Some(u) = rest
            .strip_prefix(cardinal)
            .and_then(|r| r.strip_prefix('-'))
        {
            return unit(u).filter(|&u| u < 10).map(|u| hundred + v + u);
        }
    }
    None
}

/// Structural eIds of one document or annex: `{prefix}{kind}_{n}`, counted per kind.
#[derive(Debug, Default)]
pub(crate) struct Eids {
    prefix: String,
    counters: HashMap<&'static str, u32>,
}

impl Eids {
    /// The eIds of a scope whose elements are prefixed with `prefix` (`""`, `att_1__`).
    pub(crate) fn new(prefix: String) -> Eids {
        Eids {
            prefix,
            counters: HashMap::new(),
        }
    }

    /// The next eId for an element of `kind` (`para`, `list`, `table`).
    pub(crate) fn next(&mut self, kind: &'static str) -> String {
        let n = self.counters.entry(kind).or_insert(0);
        *n += 1;
        format!("{}{kind}_{n}", self.prefix)
    }

    /// The eId prefix of this scope.
    pub(crate) fn prefix(&self) -> &str {
        &self.prefix
    }
}

/// The eId of the element that holds the whole masthead.
pub(crate) const COVER_PAGE_EID: &str = "coverPage_1";

/// The eId counter a block draws from, or `None` for a block written without an eId. `main`:
/// the block sits directly in a body (a paragraph is a `paragraph`, a heading an `hcontainer`);
/// nested in a list item, quotation or footnote only a numbered paragraph (`blockContainer`)
/// and the containers get one. The AKN and HTML writers both ask here, so a page's ids are the
/// AKN file's eIds.
pub(crate) fn block_eid_kind(block: &Block, main: bool) -> Option<&'static str> {
    match block {
        Block::Paragraph { .. } if main => Some("para"),
        Block::Paragraph { num: None, .. } => None,
        Block::Paragraph { num: Some(_), .. } => Some("blockContainer"),
        Block::Heading { .. } if main => Some("hcontainer"),
        Block::Heading { .. } => None,
        Block::List { .. } => Some("list"),
        Block::Quotation { .. } => Some("embeddedStructure"),
        Block::Table { .. } => Some("table"),
    }
}

/// The eId of the `n`th item (1-based) of the list with eId `list_eid`.
pub(crate) fn item_eid(list_eid: &str, n: usize) -> String {
    format!("{list_eid}__item_{n}")
}

/// The eId of the `n`th attachment (1-based) of the scope with eId prefix `prefix`.
pub(crate) fn attachment_eid(prefix: &str, n: usize) -> String {
    format!("{prefix}att_{n}")
}

/// The eId prefix of everything inside the attachment with eId `att_eid`.
pub(crate) fn attachment_prefix(att_eid: &str) -> String {
    format!("{att_eid}__")
}

/// One document or annex being written: its eIds and where its footnotes go. A footnote is
/// written at its call-out when it is the next one in list order; the rest are written after the
/// scope's content. Footnote bodies take eIds from the scope's counters at the point they are
/// written, so a writer that wants the same eIds visits them in the same order.
#[derive(Debug)]
pub(crate) struct Scope<'d> {
    pub(crate) eids: Eids,
    footnotes: &'d [Footnote],
    /// The next footnote, in list order, still waiting for a call-out to be written at.
    cursor: usize,
}

impl<'d> Scope<'d> {
    /// The scope whose eIds start with `prefix` and whose footnotes are `footnotes`.
    pub(crate) fn new(prefix: String, footnotes: &'d [Footnote]) -> Scope<'d> {
        Scope {
            eids: Eids::new(prefix),
            footnotes,
            cursor: 0,
        }
    }

    /// The footnote a call-out with `marker` places here, with its eId and index in the list,
    /// when it is the next one in order.
    pub(crate) fn place(&mut self, marker: &str) -> Option<(String, usize, &'d Footnote)> {
        let footnotes = self.footnotes;
        let note = footnotes.get(self.cursor).filter(|n| n.marker == marker)?;
        let index = self.cursor;
        self.cursor += 1;
        Some((note_eid(self.eids.prefix(), self.cursor), index, note))
    }

    /// The footnotes no call-out placed, with their eIds and indexes, in order; after this call
    /// no call-out places a footnote (call-outs inside these notes included).
    pub(crate) fn take_unplaced(&mut self) -> Vec<(String, usize, &'d Footnote)> {
        let first = self.cursor;
        self.cursor = self.footnotes.len();
        let prefix = self.eids.prefix().to_string();
        self.footnotes
            .iter()
            .enumerate()
            .skip(first)
            .map(|(i, note)| (note_eid(&prefix, i + 1), i, note))
            .collect()
    }

    /// The scope's footnotes.
    pub(crate) fn footnotes(&self) -> &'d [Footnote] {
        self.footnotes
    }
}

/// The FRBR component name of the attachment with eId `att_eid`: `att_2` -> `annex_2`, and an
/// attachment nested in another one names the path to it, `att_1__att_2` -> `annex_1/annex_2`, so
/// an enclosure inside the first annex never takes the first annex's IRI. `None` when the eId is
/// not an attachment's (`att_N` segments joined by `__`).
pub fn component_name(att_eid: &str) -> Option<String> {
    let parts: Option<Vec<String>> = att_eid
        .split("__")
        .map(|segment| {
            let n = segment.strip_prefix("att_")?;
            (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())).then(|| format!("annex_{n}"))
        })
        .collect();
    parts.map(|p| p.join("/"))
}

/// The eId of the `k`th footnote (1-based) of a scope, whichever element carries it.
pub(crate) fn note_eid(prefix: &str, k: usize) -> String {
    format!("{prefix}note_{k}")
}

/// The address a cited symbol links to: undocs.org resolves every symbol. Characters outside a
/// safe set are percent-encoded so the IRI stays valid (`A/80/6 (Sect. 24)`).
pub(crate) fn undocs_href(symbol: &Symbol) -> String {
    let mut out = String::from(UNDOCS);
    for b in symbol.as_str().bytes() {
        if b.is_ascii_alphanumeric() || b"/.-_()".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The prefix of a cited symbol's address.
pub(crate) const UNDOCS: &str = "https://undocs.org/";

/// Whether `s` is certainly a valid `xsd:anyURI` as written (so a link's address can be written
/// as it is): URI characters only, `%` only in escapes, and a `:` before the first `/`, `?` or `#`
/// only after a well-formed scheme.
pub(crate) fn is_plain_uri(s: &str) -> bool {
    let bytes = s.as_bytes();
    let chars_ok = bytes.iter().enumerate().all(|(i, &b)| {
        b.is_ascii_alphanumeric()
            || b"-._~:/?#[]@!$&'()*+,;=".contains(&b)
            || (b == b'%'
                && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    });
    let head = s.split(['/', '?', '#']).next().unwrap_or_default();
    let scheme_ok = match head.split_once(':') {
        None => true,
        Some((scheme, _)) => {
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
    };
    chars_ok && scheme_ok
}

/// Percent-encodes every byte but ASCII letters, digits and `-._~`: always a valid relative URI.
pub(crate) fn percent_encode_all(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (the inverse of [`undocs_href`]'s encoding); `None` when an escape is
/// malformed or the bytes are not UTF-8.
pub(crate) fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_attachments_name_the_path_to_them() {
        assert_eq!(component_name("att_2").as_deref(), Some("annex_2"));
        assert_eq!(
            component_name("att_1__att_3").as_deref(),
            Some("annex_1/annex_3")
        );
        assert_eq!(component_name("att_1__para_2"), None);
        assert_eq!(component_name("att_"), None);
        assert_eq!(component_name(""), None);
    }

    #[test]
    fn slugs_are_camel_case_and_never_start_with_a_digit() {
        assert_eq!(camel_slug("General Assembly", "x"), "generalAssembly");
        assert_eq!(camel_slug("Secretary-General", "x"), "secretaryGeneral");
        assert_eq!(
            camel_slug("Chargé d'affaires a.i.", "x"),
            "chargeDaffairesAI"
        );
        assert_eq!(camel_slug("2025", "year"), "year2025");
        assert_eq!(camel_slug("…", "role"), "role");
    }

    #[test]
    fn session_lines_give_their_number() {
        assert_eq!(session_value("Seventy-ninth session"), Some(79));
        assert_eq!(session_value("Eightieth year"), Some(2025));
        assert_eq!(session_value("Seventy-sixth year"), Some(2021));
        assert_eq!(session_value("Twentieth special session"), Some(20));
        assert_eq!(session_value("Tenth emergency special session"), Some(10));
        assert_eq!(session_value("One hundred and first session"), Some(101));
        assert_eq!(session_value("2025 session"), Some(2025));
        assert_eq!(session_value("Resumed session"), None);
    }

    #[test]
    fn iris_follow_the_naming_convention() {
        let doc = Document {
            symbols: vec![
                Symbol::parse("A/79/843*").unwrap(),
                Symbol::parse("S/2025/201*").unwrap(),
            ],
            letter_date: Date::new(2025, 3, 28),
            date: Date::new(2025, 4, 3),
            ..Document::default()
        };
        let iris = Iris::of(&doc);
        assert_eq!(
            iris.work,
            "/akn/un/doc/communication/unga/2025-03-28/A-79-843"
        );
        assert_eq!(
            iris.expression,
            "/akn/un/doc/communication/unga/2025-03-28/A-79-843/eng@2025-04-03"
        );
        assert_eq!(
            iris.work_of(&doc.symbols[1]),
            "/akn/un/doc/communication/unsc/2025-03-28/S-2025-201"
        );
        let s = Symbol::parse("A/80/6 (Sect. 24)").unwrap();
        assert_eq!(iri_number(&s), "A-80-6_(Sect._24)");
        assert_eq!(undocs_href(&s), "https://undocs.org/A/80/6%20(Sect.%2024)");
        assert_eq!(
            percent_decode("A/80/6%20(Sect.%2024)").as_deref(),
            Some("A/80/6 (Sect. 24)")
        );
    }

    #[test]
    fn only_plain_uris_are_written_as_they_are() {
        for ok in [
            "https://example.org/a?b=1&c=2#x",
            "www.un.org",
            "",
            "mailto:x@y.z",
            "a%20b",
        ] {
            assert!(is_plain_uri(ok), "{ok}");
        }
        for bad in [":x", "1a:b", "a b", "é", "50%", "<x>", "a\"b"] {
            assert!(!is_plain_uri(bad), "{bad}");
        }
        let odd = ":d– u’:.\"%";
        assert_eq!(
            percent_decode(&percent_encode_all(odd)).as_deref(),
            Some(odd)
        );
    }

    #[test]
    fn tlc_ids_are_unique_per_name() {
        let mut t = Tlcs::default();
        let a = t.id(TlcKind::Role, "Ambassador", "").to_string();
        let b = t.id(TlcKind::Person, "Ambassador", "").to_string();
        let c = t.id(TlcKind::Role, "Ambassador", "").to_string();
        assert_eq!(a, "ambassador");
        assert_eq!(b, "ambassador2");
        assert_eq!(a, c);
        assert_eq!(t.sorted().len(), 2);
    }
}
