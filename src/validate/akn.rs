//! Validation of one Akoma Ntoso file: the XSD engine's verdict, the level-2 rules, and each
//! finding located in the user's text (line:column, XPath, nearest eId).

use std::collections::HashSet;

use roxmltree::{Document, Node, ParsingOptions};

use super::diagnostic::{Diagnostic, Verdict};
use super::rules;
use super::xsd::{self, PathStep, XsdOutcome};
use crate::error::{LineIndex, Position};

/// Rule id of a file that is not well-formed XML.
pub const WELL_FORMED: &str = "xml-well-formed";
/// Rule id of a file with a document type declaration, which no command accepts.
pub const DOCTYPE: &str = "xml-doctype";

/// What the caller decides about an AKN check.
#[derive(Debug, Clone)]
pub struct Options {
    /// Skip the level-2 rules (XSD only).
    pub schema_only: bool,
    /// Rule ids switched off.
    pub allowed: HashSet<String>,
    /// How deep elements may nest (`--max-xml-depth`); the engine takes at least
    /// [`xsd::MIN_MAX_DEPTH`].
    pub max_depth: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            schema_only: false,
            allowed: HashSet::new(),
            max_depth: crate::limits::DEFAULT_MAX_XML_DEPTH,
        }
    }
}

/// Validates one AKN file given as text (byte-order mark removed).
pub fn check(file: &str, text: &str, options: &Options) -> (Verdict, Vec<Diagnostic>) {
    match xsd::engine().check_with_max_depth(text, options.max_depth) {
        // A limit the user may raise, like the size limit: the file is not judged.
        XsdOutcome::TooDeep { offset, message } => {
            let diag = Diagnostic::error(file, super::TOO_DEEP, message)
                .at(Some(Position::of_offset(text, offset)));
            (Verdict::Unreadable, vec![diag])
        }
        // Not judged either: the engine was stopped before the cost of checking it ran away.
        XsdOutcome::TooComplex { offset, message } => {
            let diag = Diagnostic::error(file, super::WORK_LIMIT, message)
                .at(Some(Position::of_offset(text, offset)));
            (Verdict::Unreadable, vec![diag])
        }
        // One XML policy for every command: what `convert` refuses does not pass here.
        XsdOutcome::Doctype { offset, message } => {
            let diag = Diagnostic::error(file, DOCTYPE, message)
                .at(Some(Position::of_offset(text, offset)));
            (Verdict::Malformed, vec![diag])
        }
        XsdOutcome::Malformed { offset, message } => {
            let diag =
                Diagnostic::error(file, WELL_FORMED, format!("not well-formed XML: {message}"))
                    .at(Some(Position::of_offset(text, offset)));
            (Verdict::Malformed, vec![diag])
        }
        XsdOutcome::Checked { errors } => {
            // The engine refused any DTD before this point.
            let options_tree = ParsingOptions::default();
            // The tree serves the level-2 rules and locating errors: a valid file checked
            // against the schema only needs neither, and parsing is a good part of the time.
            let needed = !options.schema_only || !errors.is_empty();
            let tree = needed
                .then(|| Document::parse_with_options(text, options_tree).ok())
                .flatten();
            let lines = LineIndex::new(text);
            let mut diags: Vec<Diagnostic> = errors
                .iter()
                .map(|e| {
                    let mut d = Diagnostic::error(file, e.code.clone(), e.message.clone());
                    if let Some(tree) = &tree {
                        locate(&mut d, tree, &lines, e);
                    }
                    d
                })
                .collect();
            if !options.schema_only {
                if let Some(tree) = &tree {
                    for f in rules::check(tree, &options.allowed) {
                        let mut d = Diagnostic::error(file, f.rule, f.message);
                        if let Some(node) = tree.get_node(f.node) {
                            locate_node(&mut d, &lines, node, f.attribute.as_deref());
                        }
                        diags.push(d);
                    }
                }
            }
            let verdict = if diags.is_empty() {
                Verdict::Valid
            } else {
                Verdict::Invalid
            };
            (verdict, diags)
        }
    }
}

/// Fills position, XPath and eId of an XSD error: at the start tag that raised it when there
/// is one (a content-model error is about the child that does not fit, not its parent), else at
/// the item its instance path names.
fn locate(d: &mut Diagnostic, tree: &Document, lines: &LineIndex, e: &xsd::XsdError) {
    let about_attribute = matches!(e.path.last(), Some(PathStep::Attribute { .. }));
    let raiser = e.start_tag.filter(|_| !about_attribute).and_then(|offset| {
        tree.descendants()
            .find(|n| n.is_element() && n.range().start == offset)
    });
    match raiser {
        Some(node) => locate_node(d, lines, node, None),
        None => locate_path(d, tree, lines, &e.path),
    }
}

/// Fills position, XPath and eId from the engine's instance path.
fn locate_path(d: &mut Diagnostic, tree: &Document, lines: &LineIndex, path: &[PathStep]) {
    let mut node: Option<Node> = None;
    let mut attribute = None;
    for step in path {
        match step {
            PathStep::Element {
                namespace,
                local,
                position,
            } => {
                let mut children = match node {
                    None => Box::new(std::iter::once(tree.root_element()))
                        as Box<dyn Iterator<Item = Node>>,
                    Some(n) => Box::new(n.children()),
                };
                let found = children
                    .by_ref()
                    .filter(|c| c.is_element() && same_name(*c, namespace, local))
                    .nth(position.saturating_sub(1));
                match found {
                    Some(f) => node = Some(f),
                    None => break,
                }
            }
            PathStep::Attribute { local, .. } => attribute = Some(local.clone()),
        }
    }
    if let Some(node) = node {
        locate_node(d, lines, node, attribute.as_deref());
    }
}

fn same_name(node: Node, namespace: &str, local: &str) -> bool {
    node.tag_name().name() == local && node.tag_name().namespace().unwrap_or_default() == namespace
}

/// Fills position, XPath and nearest eId for a node (and one of its attributes).
fn locate_node(d: &mut Diagnostic, lines: &LineIndex, node: Node, attribute: Option<&str>) {
    let offset = attribute
        .and_then(|a| node.attributes().find(|x| x.name() == a))
        .map_or(node.range().start, |a| a.position());
    d.position = Some(lines.position(offset));
    let mut xpath = xpath_of(node);
    if let Some(a) = attribute {
        xpath.push_str("/@");
        xpath.push_str(a);
    }
    d.xpath = Some(xpath);
    d.eid = node
        .ancestors()
        .find_map(|a| a.attribute("eId"))
        .map(str::to_string);
}

/// `/akomaNtoso/doc/mainBody/paragraph[2]`: local names (a prefix where the source used one),
/// with a position where the element has same-named siblings.
pub fn xpath_of(node: Node) -> String {
    let mut steps: Vec<String> = node
        .ancestors()
        .filter(|n| n.is_element())
        .map(|n| {
            let name = n.tag_name();
            let prefix = name
                .namespace()
                .and_then(|ns| n.lookup_prefix(ns))
                .filter(|p| !p.is_empty());
            let qname = match prefix {
                Some(p) => format!("{p}:{}", name.name()),
                None => name.name().to_string(),
            };
            let same = |s: &Node| s.is_element() && s.tag_name() == name;
            let before = n.prev_siblings().skip(1).filter(same).count();
            let after = n.next_siblings().skip(1).filter(same).count();
            if before + after == 0 {
                qname
            } else {
                format!("{qname}[{}]", before + 1)
            }
        })
        .collect();
    steps.reverse();
    format!("/{}", steps.join("/"))
}
