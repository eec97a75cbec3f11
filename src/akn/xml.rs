//! A small namespace-resolved XML tree for the AKN reader, built safely from untrusted input.
//!
//! Safety rules: DTDs are refused outright (so no entity is ever declared, expanded or fetched);
//! only XML's five predefined entities and character references are resolved; input size and
//! nesting depth are bounded ([`super::limits`]); every syntax error is reported at the line and
//! column of the user's input. Line ends in text are normalised as XML 1.0 requires, and adjacent
//! text, CDATA sections and references merge into one text node (comments and processing
//! instructions are dropped).

use quick_xml::NsReader;
use quick_xml::XmlVersion;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use super::{AKN_NS, AKN4UN_NS};
use crate::error::{Error, Position, Result};

/// Why a document type declaration is refused: by the reader and by `validate` alike, so a
/// file that passes validation also converts.
pub(crate) const DOCTYPE_REFUSED: &str = "DOCTYPE declarations are refused: Akoma Ntoso needs no DTD, and entity declarations could expand or fetch content";

/// The namespace of an element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Ns {
    /// Akoma Ntoso 3.0.
    Akn,
    /// DGACM's AKN4UN extension.
    Akn4un,
    /// Any other namespace.
    Other(String),
    /// No namespace.
    None,
}

/// An element: its resolved name, attributes (unprefixed ones by local name), children and the
/// byte offset of its start tag in the input.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub ns: Ns,
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    pub offset: usize,
}

/// A child of an element.
#[derive(Debug, Clone)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// Whether this is the AKN element `name`.
    pub(crate) fn is(&self, name: &str) -> bool {
        self.ns == Ns::Akn && self.name == name
    }

    /// The value of an unprefixed attribute.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the space-separated `class` attribute holds `class`.
    pub(crate) fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|c| c == class))
    }

    /// The element children.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// All text in the element and its descendants, in document order.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for child in &self.children {
            match child {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
            }
        }
    }

    /// The name as written for a person: `<doc name="resolution">`, `<akn4un:x>`.
    pub(crate) fn describe(&self) -> String {
        let prefix = match &self.ns {
            Ns::Akn | Ns::None => String::new(),
            Ns::Akn4un => "akn4un:".to_string(),
            Ns::Other(ns) => format!("{{{ns}}}"),
        };
        match self.attr("name") {
            Some(n) => format!("<{prefix}{} name=\"{n}\">", self.name),
            None => format!("<{prefix}{}>", self.name),
        }
    }
}

/// Parses `input` into its root element, refusing elements nested deeper than `max_depth` (the
/// root is depth 1).
pub(crate) fn parse(input: &str, max_depth: usize) -> Result<Element> {
    let at =
        |offset: u64| Position::of_offset(input, usize::try_from(offset).unwrap_or(usize::MAX));
    let mut reader = NsReader::from_str(input);
    reader.config_mut().check_comments = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let offset = reader.buffer_position();
        let (ns, event) = match reader.read_resolved_event() {
            Ok((ns, event)) => (namespace(&ns), event),
            Err(e) => {
                return Err(Error::invalid_at(
                    at(reader.error_position()),
                    format!("malformed XML: {e}"),
                ));
            }
        };
        match event {
            Event::Start(start) | Event::Empty(start) if root.is_some() && stack.is_empty() => {
                let _ = start;
                return Err(Error::invalid_at(
                    at(offset),
                    "malformed XML: a second root element",
                ));
            }
            Event::Start(start) => {
                if stack.len() + 1 > max_depth {
                    // A limit the user may raise, like the size limit: not invalid input.
                    return Err(Error::TooDeep {
                        position: Some(at(offset)),
                        what: "elements nest",
                        limit: max_depth,
                        flag: "--max-xml-depth",
                    });
                }
                let element = element(&reader, ns, &start, offset)
                    .map_err(|m| Error::invalid_at(at(offset), m))?;
                stack.push(element);
            }
            Event::Empty(start) => {
                let element = element(&reader, ns, &start, offset)
                    .map_err(|m| Error::invalid_at(at(offset), m))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(element)),
                    None => root = Some(element),
                }
            }
            Event::End(_) => {
                // quick-xml has checked the end tag's name against the open element.
                if let Some(done) = stack.pop() {
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(Node::Element(done)),
                        None => root = Some(done),
                    }
                }
            }
            Event::Text(text) => push_text(&mut stack, &text.xml10_content(), offset, input)?,
            Event::CData(data) => push_text(&mut stack, &data.xml10_content(), offset, input)?,
            Event::GeneralRef(reference) => {
                let resolved = if reference.is_char_ref() {
                    match reference.resolve_char_ref() {
                        Ok(Some(c)) if is_xml_char(c) => c.to_string(),
                        _ => {
                            return Err(Error::invalid_at(
                                at(offset),
                                format!(
                                    "malformed XML: invalid character reference &{};",
                                    &*reference
                                ),
                            ));
                        }
                    }
                } else {
                    match resolve_predefined_entity(&reference) {
                        Some(s) => s.to_string(),
                        None => {
                            return Err(Error::invalid_at(
                                at(offset),
                                format!(
                                    "undefined entity &{};: only XML's five predefined entities and character references are allowed",
                                    &*reference
                                ),
                            ));
                        }
                    }
                };
                push_text(&mut stack, &resolved, offset, input)?;
            }
            Event::DocType(_) => {
                return Err(Error::invalid_at(at(offset), DOCTYPE_REFUSED));
            }
            Event::Comment(_) | Event::PI(_) | Event::Decl(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(Error::invalid_at(
            at(u64::try_from(input.len()).unwrap_or(u64::MAX)),
            format!(
                "malformed XML: the document ends inside <{}> opened at {}",
                open.name,
                Position::of_offset(input, open.offset)
            ),
        ));
    }
    root.ok_or_else(|| Error::invalid_at(at(0), "malformed XML: no root element"))
}

fn namespace(result: &ResolveResult) -> std::result::Result<Ns, String> {
    match result {
        ResolveResult::Bound(ns) if ns.0 == AKN_NS => Ok(Ns::Akn),
        ResolveResult::Bound(ns) if ns.0 == AKN4UN_NS => Ok(Ns::Akn4un),
        ResolveResult::Bound(ns) => Ok(Ns::Other(ns.0.to_string())),
        ResolveResult::Unbound => Ok(Ns::None),
        ResolveResult::Unknown(prefix) => Err(format!("undeclared namespace prefix `{prefix}`")),
    }
}

fn element(
    reader: &NsReader<&[u8]>,
    ns: std::result::Result<Ns, String>,
    start: &BytesStart,
    offset: u64,
) -> std::result::Result<Element, String> {
    let ns = ns.map_err(|m| format!("malformed XML: {m}"))?;
    let name = start.local_name().into_inner().to_string();
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| format!("malformed XML: {e}"))?;
        let key = attr.key.0;
        if key == "xmlns" || key.starts_with("xmlns:") {
            continue;
        }
        let value = attr
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| format!("malformed XML in attribute {key}: {e}"))?;
        let (resolved, local) = reader.resolver().resolve_attribute(attr.key);
        let key = match resolved {
            ResolveResult::Unbound => local.into_inner().to_string(),
            ResolveResult::Bound(ns) => format!("{{{}}}{}", ns.0, local.into_inner()),
            ResolveResult::Unknown(prefix) => {
                return Err(format!(
                    "malformed XML: undeclared namespace prefix `{prefix}`"
                ));
            }
        };
        attrs.push((key, value.into_owned()));
    }
    Ok(Element {
        ns,
        name,
        attrs,
        children: Vec::new(),
        offset: usize::try_from(offset).unwrap_or(usize::MAX),
    })
}

fn push_text(stack: &mut [Element], text: &str, offset: u64, input: &str) -> Result<()> {
    let Some(parent) = stack.last_mut() else {
        if text.trim().is_empty() {
            return Ok(());
        }
        return Err(Error::invalid_at(
            Position::of_offset(input, usize::try_from(offset).unwrap_or(usize::MAX)),
            "malformed XML: text outside the root element",
        ));
    };
    if text.is_empty() {
        return Ok(());
    }
    match parent.children.last_mut() {
        Some(Node::Text(t)) => t.push_str(text),
        _ => parent.children.push(Node::Text(text.to_string())),
    }
    Ok(())
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::DEFAULT_MAX_XML_DEPTH as MAX_DEPTH;

    fn err(input: &str) -> String {
        match parse(input, MAX_DEPTH) {
            Ok(e) => panic!("parsed: {e:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn resolves_namespaces_entities_and_line_ends() {
        let root = parse(
            "<?xml version=\"1.0\"?>\r\n<a:x xmlns:a=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\" k=\"1&#10;2\t3\"><!-- c -->t&amp;<![CDATA[<u>]]>&#13;\r\nv</a:x>",
            MAX_DEPTH,
        )
        .unwrap();
        assert!(root.is("x"));
        assert_eq!(root.attr("k"), Some("1\n2 3"));
        assert_eq!(root.children.len(), 1);
        assert_eq!(root.text(), "t&<u>\r\nv");
    }

    #[test]
    fn refuses_dtds_and_unknown_entities() {
        assert!(err("<!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>").contains("1:1: DOCTYPE"));
        assert!(err("<x>\n  &e;</x>").contains("2:3: undefined entity &e;"));
        assert!(err("<x>&#0;</x>").contains("invalid character reference"));
    }

    #[test]
    fn reports_malformed_xml_with_line_and_column() {
        assert!(
            err("<x>\n<y></x>").starts_with("2:"),
            "{}",
            err("<x>\n<y></x>")
        );
        assert!(err("<x>\n  <y>").contains("ends inside <y> opened at 2:3"));
        assert!(err("<x/><y/>").contains("second root"));
        assert!(err("<x a=\"1\" a=\"2\"/>").contains("1:1"));
        assert!(err("text").contains("text outside"));
        assert!(err("").contains("no root"));
        assert!(err("<p:x/>").contains("undeclared namespace prefix"));
    }

    #[test]
    fn bounds_depth() {
        let deep = "<x>".repeat(MAX_DEPTH + 1) + &"</x>".repeat(MAX_DEPTH + 1);
        assert!(err(&deep).contains(&format!("deeper than {MAX_DEPTH}")));
        assert!(err(&deep).contains("--max-xml-depth"));
        let ok = "<x>".repeat(MAX_DEPTH) + &"</x>".repeat(MAX_DEPTH);
        assert!(parse(&ok, MAX_DEPTH).is_ok());
        assert!(parse(&deep, MAX_DEPTH + 1).is_ok());
        assert!(parse("<x><y></y></x>", 1).is_err());
    }
}
