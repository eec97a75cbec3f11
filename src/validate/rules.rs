//! Level-2 rules for Akoma Ntoso letters: what AKN-MAPPING.md requires beyond the XSD. Each rule
//! has an id that `--list-rules` shows and `--allow` switches off.
//!
//! The rules read a parsed tree (roxmltree) and report the node each finding is about; turning
//! nodes into positions, XPaths and eIds is the caller's business (`akn.rs`).

use std::collections::{HashMap, HashSet};

use roxmltree::{Document, Node};

use super::xsd::AKN_NS;
use crate::akn::naming::component_name;

/// A level-2 rule: its id and what it demands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The id users name in `--allow`.
    pub id: &'static str,
    /// What the rule demands, in one sentence.
    pub summary: &'static str,
}

/// The document is a letter.
pub const LETTER_DOC: Rule = Rule {
    id: "akn-letter-doc",
    summary: "the document is <akomaNtoso><doc name=\"officialLetter\"> or name=\"noteVerbale\", with FRBRsubtype \"communication\"",
};
/// eIds follow the naming convention.
pub const EID_NAMING: Rule = Rule {
    id: "akn-eid-naming",
    summary: "eIds outside <references> are name_N segments joined by \"__\" (para_1, att_1__para_1; an unnumbered element may end in its bare name: para_1__content); paragraphs are para_N, attachments att_N, and every eId inside an attachment starts with the attachment's eId and \"__\"",
};
/// eIds are unique.
pub const EID_UNIQUE: Rule = Rule {
    id: "akn-eid-unique",
    summary: "no two elements in the file, annexes included, share an eId",
};
/// FRBR IRIs follow the naming convention.
pub const FRBR_IRI: Rule = Rule {
    id: "akn-frbr-iri",
    summary: "FRBRuri is /akn/un/doc/communication/{actor}/{letter date}/{number}, the actor is the organ of the first symbol (unga, unsc, unecosoc, unga-hrc), and the Expression and Manifestation IRIs and every FRBRthis extend it (/eng@{issuance date}, /!main, /!annex_N, nested /!annex_1/annex_2, .xml)",
};
/// FRBR numbers match the masthead symbols.
pub const FRBR_NUMBER: Rule = Rule {
    id: "akn-frbr-number",
    summary: "each masthead symbol (docNumber) has an FRBRnumber whose value is the symbol with / as - and spaces as _, and whose showAs is the symbol; and no other FRBRnumber",
};
/// References resolve.
pub const REF_RESOLVES: Rule = Rule {
    id: "akn-ref-resolves",
    summary: "every \"#id\" in refersTo, href, as, by and source names an element of <references>",
};
/// Masthead symbols agree with the organs.
pub const MASTHEAD_ORGANS: Rule = Rule {
    id: "akn-masthead-organs",
    summary: "the masthead's symbols and issuing organs agree (A/ General Assembly, A/HRC/ Human Rights Council, S/ Security Council, E/ Economic and Social Council; other series are not compared) and every session that names its organ refers to an organization of <references>; a General Assembly session number agrees with the session in the A/ symbols (A/79/... is the seventy-ninth session)",
};
/// Masthead dates agree.
pub const MASTHEAD_DATES: Rule = Rule {
    id: "akn-masthead-dates",
    summary: "the letter is dated no later than it was issued; the Work date is the letter date; the Expression date and publication date are the date of issuance",
};

/// Every level-2 rule, in the order `--list-rules` shows them.
pub const RULES: [Rule; 8] = [
    LETTER_DOC,
    EID_NAMING,
    EID_UNIQUE,
    FRBR_IRI,
    FRBR_NUMBER,
    REF_RESOLVES,
    MASTHEAD_ORGANS,
    MASTHEAD_DATES,
];

/// One rule broken at one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule's id.
    pub rule: &'static str,
    /// The node the finding is about.
    pub node: roxmltree::NodeId,
    /// The attribute of that node it is about, if any.
    pub attribute: Option<String>,
    /// What is wrong, for a person.
    pub message: String,
}

/// Runs every rule not in `allowed` over a parsed AKN document.
pub fn check(doc: &Document, allowed: &HashSet<String>) -> Vec<Finding> {
    let mut out = Findings::default();
    let root = doc.root_element();
    if !is(root, "akomaNtoso") {
        // Not Akoma Ntoso 3.0 at all: the other rules would only repeat that, once per element.
        if !allowed.contains(LETTER_DOC.id) {
            letter_doc(root, &mut out);
        }
        return out.0;
    }
    let run = |rule: Rule| !allowed.contains(rule.id);
    if run(LETTER_DOC) {
        letter_doc(root, &mut out);
    }
    if run(EID_NAMING) {
        eid_naming(root, &mut out);
    }
    if run(EID_UNIQUE) {
        eid_unique(doc, root, &mut out);
    }
    let masthead = Masthead::of(root);
    if run(FRBR_IRI) {
        frbr_iri(root, &masthead, &mut out);
    }
    if run(FRBR_NUMBER) {
        frbr_number(root, &masthead, &mut out);
    }
    if run(REF_RESOLVES) {
        ref_resolves(root, &mut out);
    }
    if run(MASTHEAD_ORGANS) {
        masthead_organs(root, &masthead, &mut out);
    }
    if run(MASTHEAD_DATES) {
        masthead_dates(root, &masthead, &mut out);
    }
    out.0
}

#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn add(&mut self, rule: Rule, node: Node, message: impl Into<String>) {
        self.0.push(Finding {
            rule: rule.id,
            node: node.id(),
            attribute: None,
            message: message.into(),
        });
    }

    fn add_attr(&mut self, rule: Rule, node: Node, attribute: &str, message: impl Into<String>) {
        self.0.push(Finding {
            rule: rule.id,
            node: node.id(),
            attribute: Some(attribute.to_string()),
            message: message.into(),
        });
    }
}

fn is(node: Node, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node.tag_name().namespace() == Some(AKN_NS)
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is(*c, name))
}

fn path<'a, 'i>(node: Node<'a, 'i>, names: &[&str]) -> Option<Node<'a, 'i>> {
    names.iter().try_fold(node, |n, name| child(n, name))
}

fn descendants<'a, 'i>(node: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.descendants().filter(move |d| is(*d, name))
}

/// The whitespace-normalised text of an element.
fn text_of(node: Node) -> String {
    let raw: String = node
        .descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect();
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The main `doc` of the file: the first element child of the root.
fn main_doc<'a, 'i>(root: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    root.children().find(|c| c.is_element())
}

fn letter_doc(root: Node, out: &mut Findings) {
    if !is(root, "akomaNtoso") {
        let name = root.tag_name();
        let message = match name.namespace() {
            Some(ns) if name.name() == "akomaNtoso" && ns != AKN_NS => format!(
                "the root element <akomaNtoso> is in namespace {ns}, not Akoma Ntoso 3.0's {AKN_NS}"
            ),
            _ => format!(
                "the root element is <{}>, not Akoma Ntoso 3.0's <akomaNtoso xmlns=\"{AKN_NS}\">",
                name.name()
            ),
        };
        out.add(LETTER_DOC, root, message);
        return;
    }
    let Some(doc) = main_doc(root) else {
        out.add(LETTER_DOC, root, "<akomaNtoso> holds no document");
        return;
    };
    if !is(doc, "doc") {
        out.add(
            LETTER_DOC,
            doc,
            format!(
                "a letter is an Akoma Ntoso <doc>, not <{}>",
                doc.tag_name().name()
            ),
        );
        return;
    }
    match doc.attribute("name") {
        Some("officialLetter" | "noteVerbale") => {}
        other => out.add_attr(
            LETTER_DOC,
            doc,
            "name",
            format!(
                "<doc name=\"{}\"> is not a letter: expected \"officialLetter\" or \"noteVerbale\"",
                other.unwrap_or_default()
            ),
        ),
    }
    let work = path(doc, &["meta", "identification", "FRBRWork"]);
    match work.and_then(|w| child(w, "FRBRsubtype")) {
        Some(s) if s.attribute("value") == Some("communication") => {}
        Some(s) => out.add_attr(
            LETTER_DOC,
            s,
            "value",
            format!(
                "FRBRsubtype is \"{}\"; a letter's is \"communication\"",
                s.attribute("value").unwrap_or_default()
            ),
        ),
        None => out.add(
            LETTER_DOC,
            work.unwrap_or(doc),
            "no <FRBRsubtype value=\"communication\"/> in FRBRWork",
        ),
    }
}

/// Whether `node` sits inside a `<references>` block (TLC ids follow their own convention).
fn in_references(node: Node) -> bool {
    node.ancestors().any(|a| is(a, "references"))
}

/// Whether `eid` is `name_N` segments joined by `__`; the last segment may instead be the bare
/// name of an element that is not numbered (`para_1__content`), which must be `element`.
fn valid_eid_shape(eid: &str, element: &str) -> bool {
    let segments: Vec<&str> = eid.split("__").collect();
    segments.iter().enumerate().all(|(i, segment)| {
        let is_name = |name: &str| {
            let mut chars = name.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric())
        };
        match segment.rsplit_once('_') {
            Some((name, num)) => {
                is_name(name)
                    && !num.is_empty()
                    && num
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
            }
            None => i + 1 == segments.len() && *segment == element,
        }
    })
}

fn last_segment_name(eid: &str) -> &str {
    let last = eid.rsplit("__").next().unwrap_or(eid);
    last.rsplit_once('_').map_or(last, |(name, _)| name)
}

fn eid_naming(root: Node, out: &mut Findings) {
    for node in root.descendants().filter(|n| n.is_element()) {
        let Some(eid) = node.attribute("eId") else {
            continue;
        };
        if in_references(node) {
            continue;
        }
        if !valid_eid_shape(eid, node.tag_name().name()) {
            out.add_attr(
                EID_NAMING,
                node,
                "eId",
                format!(
                    "eId \"{eid}\" is not of the form name_N (segments joined by \"__\", the last one possibly <{}>'s bare name)",
                    node.tag_name().name()
                ),
            );
            continue;
        }
        let expected = match node.tag_name().name() {
            "paragraph" => Some("para"),
            "attachment" => Some("att"),
            _ => None,
        };
        if let Some(expected) = expected.filter(|e| *e != last_segment_name(eid)) {
            out.add_attr(
                EID_NAMING,
                node,
                "eId",
                format!(
                    "a <{}>'s eId ends in {expected}_N, not \"{eid}\"",
                    node.tag_name().name()
                ),
            );
        }
        let enclosing = node
            .ancestors()
            .skip(1)
            .find(|a| is(*a, "attachment"))
            .and_then(|a| a.attribute("eId"));
        if let Some(prefix) = enclosing {
            if !eid.starts_with(&format!("{prefix}__")) {
                out.add_attr(
                    EID_NAMING,
                    node,
                    "eId",
                    format!("eId \"{eid}\" is inside attachment \"{prefix}\" but does not start with \"{prefix}__\""),
                );
            }
        }
    }
}

fn eid_unique(doc: &Document, root: Node, out: &mut Findings) {
    let mut seen: HashMap<&str, Node> = HashMap::new();
    for node in root.descendants().filter(|n| n.is_element()) {
        let Some(eid) = node.attribute("eId") else {
            continue;
        };
        if let Some(first) = seen.get(eid) {
            let line = doc.text_pos_at(first.range().start).row;
            out.add_attr(
                EID_UNIQUE,
                node,
                "eId",
                format!("eId \"{eid}\" is already used on line {line}"),
            );
        } else {
            seen.insert(eid, node);
        }
    }
}

fn ref_resolves(root: Node, out: &mut Findings) {
    let targets: HashSet<&str> = descendants(root, "references")
        .flat_map(|r| r.descendants())
        .filter_map(|n| n.attribute("eId"))
        .collect();
    for node in root.descendants().filter(|n| n.is_element()) {
        for attr in node.attributes() {
            if attr.namespace().is_some()
                || !matches!(attr.name(), "refersTo" | "href" | "as" | "by" | "source")
            {
                continue;
            }
            for id in attr
                .value()
                .split_whitespace()
                .filter_map(|t| t.strip_prefix('#'))
            {
                if !targets.contains(id) {
                    out.add_attr(
                        REF_RESOLVES,
                        node,
                        attr.name(),
                        format!("{}=\"#{id}\" names no element of <references>", attr.name()),
                    );
                }
            }
        }
    }
}

/// The facts of the masthead (cover page and title) the agreement rules compare.
struct Masthead<'a, 'i> {
    /// `docNumber` elements with their symbol text.
    symbols: Vec<(Node<'a, 'i>, String)>,
    /// Issuing organs: `docAuthority` elements whose refersTo names `#issuingBody`.
    issuers: Vec<(Node<'a, 'i>, String)>,
    /// `session` elements.
    sessions: Vec<Node<'a, 'i>>,
    /// The date of issuance (`coverPage//docDate`).
    issued: Option<(Node<'a, 'i>, String)>,
    /// The letter date (`preface//docTitle//docDate`).
    dated: Option<(Node<'a, 'i>, String)>,
}

impl<'a, 'i> Masthead<'a, 'i> {
    fn of(root: Node<'a, 'i>) -> Self {
        let doc = main_doc(root);
        let cover = doc.and_then(|d| child(d, "coverPage"));
        let preface = doc.and_then(|d| child(d, "preface"));
        let under = |n: Option<Node<'a, 'i>>, name: &'static str| {
            n.into_iter()
                .flat_map(move |n| descendants(n, name))
                .collect::<Vec<_>>()
        };
        let dated_attr = |n: Node<'a, 'i>| n.attribute("date").map(|d| (n, d.to_string()));
        Masthead {
            symbols: under(cover, "docNumber")
                .into_iter()
                .map(|n| (n, text_of(n)))
                .collect(),
            issuers: under(cover, "docAuthority")
                .into_iter()
                .filter(|n| {
                    n.attribute("refersTo")
                        .is_some_and(|r| r.split_whitespace().any(|t| t == "#issuingBody"))
                })
                .map(|n| (n, text_of(n)))
                .collect(),
            sessions: under(cover, "session"),
            issued: under(cover, "docDate").into_iter().find_map(dated_attr),
            dated: under(preface, "docTitle")
                .into_iter()
                .flat_map(|t| descendants(t, "docDate"))
                .find_map(dated_attr),
        }
    }
}

/// The organ whose documents carry `symbol`'s series, and its FRBR actor code.
fn organ_of(symbol: &str) -> Option<(&'static str, &'static str)> {
    crate::organ::ORGANS
        .iter()
        .find(|o| o.series.is_some_and(|s| symbol.starts_with(s)))
        .map(|o| (o.name, o.actor))
}

/// `A/79/729` as an FRBR number: `A-79-729`.
fn frbr_number_of(symbol: &str) -> String {
    // The writer's own function, so the rule and the writer cannot drift apart.
    match crate::symbol::Symbol::parse(symbol) {
        Ok(parsed) => crate::akn::naming::iri_number(&parsed),
        Err(_) => crate::akn::naming::iri_number_text(symbol),
    }
}

fn masthead_organs(root: Node, m: &Masthead, out: &mut Findings) {
    let issuers: Vec<&str> = m.issuers.iter().map(|(_, t)| t.as_str()).collect();
    for (node, symbol) in &m.symbols {
        match organ_of(symbol) {
            Some((organ, _)) if !issuers.contains(&organ) => out.add(
                MASTHEAD_ORGANS,
                *node,
                format!("symbol {symbol} is a {organ} symbol, but the masthead names no {organ} as issuing organ"),
            ),
            // A series the table does not know (DP/, TPNW/MSP/ ...) is a real organ's too:
            // there is nothing to compare it with, which is not a contradiction.
            Some(_) | None => {}
        }
    }
    for (node, organ) in &m.issuers {
        let has_symbol = m.symbols.iter().any(|(_, s)| {
            organ_of(s).is_some_and(|(o, _)| o == organ)
                || (organ == "General Assembly" && s.starts_with("A/"))
        });
        if !has_symbol && !m.symbols.is_empty() {
            out.add(
                MASTHEAD_ORGANS,
                *node,
                format!(
                    "the masthead names {organ} as issuing organ, but no symbol is of its series"
                ),
            );
        }
    }
    // A session is held by an organ the masthead names: the issuing organ or one of its
    // subsidiary bodies (the Commission on the Status of Women under the Economic and Social
    // Council). A masthead that does not say whose session it is has no refersTo.
    let organizations: HashSet<String> = descendants(root, "TLCOrganization")
        .filter_map(|n| n.attribute("eId"))
        .map(|id| format!("#{id}"))
        .collect();
    general_assembly_session(m, out);
    for session in &m.sessions {
        let Some(refs) = session.attribute("refersTo") else {
            continue;
        };
        if !refs.split_whitespace().any(|r| organizations.contains(r)) {
            out.add_attr(
                MASTHEAD_ORGANS,
                *session,
                "refersTo",
                format!(
                    "session \"{}\" refers to \"{refs}\", which is no organization of <references>",
                    text_of(*session)
                ),
            );
        }
    }
}

/// A General Assembly symbol `A/79/...` is a document of the seventy-ninth session: a masthead
/// naming another General Assembly session contradicts it (as a `--symbol` of another session
/// given to a letter would). Committee and other series (`A/C.1/79/`, `A/HRC/`) are not compared.
fn general_assembly_session(m: &Masthead, out: &mut Findings) {
    let ga = crate::organ::ORGANS
        .iter()
        .find(|o| o.name == "General Assembly")
        .map(|o| format!("#{}", o.eid));
    let Some(ga) = ga else { return };
    let symbol_sessions: Vec<(&str, &str)> = m
        .symbols
        .iter()
        .filter_map(|(_, s)| {
            let number = s.strip_prefix("A/")?.split('/').next()?;
            number
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then_some((s.as_str(), number))
        })
        .collect();
    for session in &m.sessions {
        let of_ga = session
            .attribute("refersTo")
            .is_some_and(|r| r.split_whitespace().any(|r| r == ga));
        let Some(value) = session.attribute("value").filter(|_| of_ga) else {
            continue;
        };
        for (symbol, number) in &symbol_sessions {
            if number.trim_start_matches('0') != value.trim_start_matches('0') {
                out.add_attr(
                    MASTHEAD_ORGANS,
                    *session,
                    "value",
                    format!(
                        "the masthead names General Assembly session {value}, but symbol {symbol} is of session {number}"
                    ),
                );
            }
        }
    }
}

fn masthead_dates(root: Node, m: &Masthead, out: &mut Findings) {
    let Some(doc) = main_doc(root) else {
        return;
    };
    if let (Some((node, letter)), Some((_, issued))) = (&m.dated, &m.issued) {
        if letter > issued {
            out.add_attr(
                MASTHEAD_DATES,
                *node,
                "date",
                format!("the letter is dated {letter}, after its date of issuance {issued}"),
            );
        }
    }
    let ident = path(doc, &["meta", "identification"]);
    let date_of = |part: &str| {
        ident
            .and_then(|i| path(i, &[part, "FRBRdate"]))
            .map(|n| (n, n.attribute("date").unwrap_or_default().to_string()))
    };
    let pairs = [
        ("FRBRWork", &m.dated, "the letter date"),
        ("FRBRExpression", &m.issued, "the date of issuance"),
    ];
    for (part, want, what) in pairs {
        if let (Some((node, got)), Some((_, want))) = (date_of(part), want) {
            if &got != want {
                out.add_attr(
                    MASTHEAD_DATES,
                    node,
                    "date",
                    format!("{part}'s FRBRdate is {got}, but {what} in the masthead is {want}"),
                );
            }
        }
    }
    let publication = path(doc, &["meta", "publication"]);
    if let (Some(p), Some((_, issued))) = (publication, &m.issued) {
        let got = p.attribute("date").unwrap_or_default();
        if got != issued {
            out.add_attr(
                MASTHEAD_DATES,
                p,
                "date",
                format!("publication date is {got}, but the date of issuance is {issued}"),
            );
        }
    }
}

fn frbr_number(root: Node, m: &Masthead, out: &mut Findings) {
    let Some(work) = main_doc(root).and_then(|d| path(d, &["meta", "identification", "FRBRWork"]))
    else {
        return;
    };
    let numbers: Vec<Node> = work.children().filter(|c| is(*c, "FRBRnumber")).collect();
    for (node, symbol) in &m.symbols {
        let want = frbr_number_of(symbol);
        // A symbol and its reissue (`E/INF/5`, `E/INF/5*`) share a value: any number with the
        // value that shows as the symbol will do.
        let with_value: Vec<&Node> = numbers
            .iter()
            .filter(|n| n.attribute("value") == Some(want.as_str()))
            .collect();
        let shown = with_value
            .iter()
            .find(|n| n.attribute("showAs") == Some(symbol.as_str()));
        match shown.or(with_value.first()).copied() {
            None => out.add(
                FRBR_NUMBER,
                *node,
                format!("symbol {symbol} has no <FRBRnumber value=\"{want}\"> in FRBRWork"),
            ),
            Some(n) if n.attribute("showAs") != Some(symbol.as_str()) => out.add_attr(
                FRBR_NUMBER,
                *n,
                "showAs",
                format!(
                    "FRBRnumber \"{want}\" shows as \"{}\", not as the symbol {symbol}",
                    n.attribute("showAs").unwrap_or_default()
                ),
            ),
            Some(_) => {}
        }
    }
    for n in &numbers {
        let value = n.attribute("value").unwrap_or_default();
        if !m.symbols.iter().any(|(_, s)| frbr_number_of(s) == value) {
            out.add_attr(
                FRBR_NUMBER,
                *n,
                "value",
                format!("FRBRnumber \"{value}\" matches no symbol of the masthead"),
            );
        }
    }
}

/// The component name of the document `doc` in FRBRthis: `main`, or for the attachment
/// `att_1__att_2` the name [`component_name`] gives (`annex_1/annex_2`).
fn component_of(doc: Node) -> String {
    let attachment = doc
        .ancestors()
        .skip(1)
        .find(|a| is(*a, "attachment"))
        .and_then(|a| a.attribute("eId"));
    match attachment {
        None => "main".to_string(),
        // An eId off the convention is the naming rule's finding; the component then cannot
        // match, which says the same from the IRI's side.
        Some(eid) => component_name(eid).unwrap_or_else(|| format!("annex_?{eid}")),
    }
}

fn frbr_iri(root: Node, m: &Masthead, out: &mut Findings) {
    let Some(doc) = main_doc(root) else {
        return;
    };
    let Some(work_uri) = check_work(doc, m, out) else {
        return;
    };
    for d in descendants(doc, "doc").chain(std::iter::once(doc)) {
        check_component(d, &work_uri, out);
    }
}

/// Checks the main document's Work IRI against the masthead; returns it when it is usable.
fn check_work(doc: Node, m: &Masthead, out: &mut Findings) -> Option<String> {
    let work = path(doc, &["meta", "identification", "FRBRWork"])?;
    let uri_node = child(work, "FRBRuri")?;
    let uri = uri_node.attribute("value").unwrap_or_default().to_string();
    let date = child(work, "FRBRdate").and_then(|d| d.attribute("date"));
    let number = work
        .children()
        .find(|c| is(*c, "FRBRnumber"))
        .and_then(|n| n.attribute("value"));
    let actor = m
        .symbols
        .first()
        .and_then(|(_, s)| organ_of(s))
        .map(|(_, a)| a);
    let parts: Vec<&str> = uri.split('/').collect();
    let fields = match parts.as_slice() {
        ["", "akn", "un", "doc", "communication", actor, date, number]
            if [actor, date, number].iter().all(|p| !p.is_empty()) =>
        {
            Some((*actor, *date, *number))
        }
        _ => None,
    };
    let Some((got_actor, got_date, got_number)) = fields else {
        out.add_attr(
            FRBR_IRI,
            uri_node,
            "value",
            format!(
                "Work IRI \"{uri}\" is not /akn/un/doc/communication/{{actor}}/{{date}}/{{number}}"
            ),
        );
        return None;
    };
    let mut expect = |what: &str, got: &str, want: Option<&str>| {
        if let Some(want) = want.filter(|w| *w != got) {
            out.add_attr(
                FRBR_IRI,
                uri_node,
                "value",
                format!("Work IRI \"{uri}\" has {what} \"{got}\", expected \"{want}\""),
            );
        }
    };
    expect("actor", got_actor, actor);
    expect("date", got_date, date);
    expect("number", got_number, number);
    Some(uri)
}

/// Checks the FRBRthis and FRBRuri of every FRBR level of one document (main or annex).
fn check_component(doc: Node, work_uri: &str, out: &mut Findings) {
    let Some(ident) = path(doc, &["meta", "identification"]) else {
        return;
    };
    let component = component_of(doc);
    let value = |part: &str, name: &str| {
        path(ident, &[part, name]).map(|n| (n, n.attribute("value").unwrap_or_default()))
    };
    let lang = path(ident, &["FRBRExpression", "FRBRlanguage"])
        .and_then(|n| n.attribute("language"))
        .unwrap_or_default();
    let expr_date = path(ident, &["FRBRExpression", "FRBRdate"])
        .and_then(|n| n.attribute("date"))
        .unwrap_or_default();
    let expr_uri = format!("{work_uri}/{lang}@{expr_date}");
    let wanted = [
        ("FRBRWork", "FRBRuri", work_uri.to_string()),
        ("FRBRWork", "FRBRthis", format!("{work_uri}/!{component}")),
        ("FRBRExpression", "FRBRuri", expr_uri.clone()),
        (
            "FRBRExpression",
            "FRBRthis",
            format!("{expr_uri}/!{component}"),
        ),
        ("FRBRManifestation", "FRBRuri", format!("{expr_uri}.xml")),
        (
            "FRBRManifestation",
            "FRBRthis",
            format!("{expr_uri}/!{component}.xml"),
        ),
    ];
    for (part, name, want) in wanted {
        if let Some((node, got)) = value(part, name) {
            if got != want {
                out.add_attr(
                    FRBR_IRI,
                    node,
                    "value",
                    format!("{part}/{name} is \"{got}\", expected \"{want}\""),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eid_shapes() {
        for ok in [
            "para_1",
            "att_1__para_1",
            "authorialNote_1",
            "att_1__att_2__para_10",
            "sec_1.a",
            "para_1__content",
        ] {
            assert!(valid_eid_shape(ok, "content"), "{ok}");
        }
        assert!(!valid_eid_shape("para_1__intro", "content"));
        assert!(!valid_eid_shape("content__para_1", "paragraph"));
        for bad in [
            "para1",
            "_1",
            "para_",
            "1_para",
            "att_1_para_1x__",
            "para_1__",
            "pära_1",
        ] {
            assert!(!valid_eid_shape(bad, "paragraph"), "{bad}");
        }
    }

    #[test]
    fn symbols_map_to_organs_and_numbers() {
        assert_eq!(organ_of("A/HRC/55/1").map(|o| o.1), Some("unga-hrc"));
        assert_eq!(organ_of("A/79/729").map(|o| o.1), Some("unga"));
        assert_eq!(organ_of("S/2025/71").map(|o| o.1), Some("unsc"));
        assert_eq!(organ_of("E/2024/1").map(|o| o.1), Some("unecosoc"));
        assert_eq!(organ_of("ST/SGB/2019/1"), None);
        assert_eq!(frbr_number_of("S/2025/71/Rev.1"), "S-2025-71-Rev.1");
        assert_eq!(frbr_number_of("A/79/L.1 Add.1"), "A-79-L.1_Add.1");
    }

    #[test]
    fn rules_have_distinct_ids() {
        let ids: HashSet<&str> = RULES.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), RULES.len());
    }
}
