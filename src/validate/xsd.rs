//! XML Schema validation of Akoma Ntoso files: the engine trait the rest of `validate` talks to,
//! and its implementation on the pure-Rust `xsd-schema` crate with the vendored OASIS schema.
//!
//! The trait keeps the engine swappable: everything outside this module sees only [`XsdEngine`],
//! [`XsdOutcome`] and [`XsdError`], never a type of the crate.
//!
//! The engine's work is bounded per file (see [`ConstraintCost`]): the schema's identity
//! constraints make its memory grow with the cube of how deeply document elements nest, so a
//! file that would need more than a fixed amount is refused before the engine allocates it.
//! A DOCTYPE is refused as the AKN reader refuses it, so `validate` and `convert` follow one XML
//! policy.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;

use xsd_schema::validation::{
    DoctypeView, DriveWithError, ElementStartView, EndElementInfo, EndOfAttributesView,
    SchemaValidator, ValidationError, ValidationEventHandler, ValidationFlags, ValidationSink,
    ValidationWarning, drive_quick_xml_with,
};
use xsd_schema::xml::{ParseLimit, ParseLimits};
use xsd_schema::{SchemaError, SchemaLoader, SchemaResult, SchemaSet, SchemaSetBuilder};

/// The official OASIS Akoma Ntoso 3.0 schema, as vendored.
pub const AKN_XSD: &str = include_str!("../../schemas/akn/akomantoso30.xsd");
/// The W3C schema of the `xml:` namespace the AKN schema imports (`./xml.xsd`), as vendored.
pub const XML_XSD: &str = include_str!("../../schemas/akn/xml.xsd");
/// The Akoma Ntoso 3.0 namespace.
pub use crate::akn::AKN_NS;

/// Where the embedded main schema says it lives; its relative import resolves next to it.
const AKN_XSD_URI: &str = "embedded:///akn/akomantoso30.xsd";

/// Errors kept per file: past this many, a file is invalid enough and more would only flood.
const MAX_ERRORS: usize = 200;

/// One step of the path to the element or attribute an error is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStep {
    /// The `position`-th (1-based) child element with this expanded name.
    Element {
        /// Namespace URI, empty for none.
        namespace: String,
        /// Local name.
        local: String,
        /// 1-based position among same-named siblings.
        position: usize,
    },
    /// An attribute of the element the previous steps lead to.
    Attribute {
        /// Namespace URI, empty for none.
        namespace: String,
        /// Local name.
        local: String,
    },
}

/// One way a document breaks the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XsdError {
    /// The constraint broken, as the XML Schema recommendation names it (`cvc-complex-type.2.4`).
    pub code: String,
    /// What is wrong, for a person.
    pub message: String,
    /// The path from the root to the item the error is about; empty when not about one item.
    pub path: Vec<PathStep>,
    /// Byte offset of the start tag being read when the error was raised, if it was raised
    /// while reading one. A content-model error names the parent in `path` but is raised by
    /// the child that does not fit: this offset points at that child, as xmllint does.
    pub start_tag: Option<usize>,
}

/// What an engine concluded about one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XsdOutcome {
    /// Well-formed; valid when `errors` is empty.
    Checked {
        /// The schema errors found, in document order.
        errors: Vec<XsdError>,
    },
    /// Elements nest deeper than the run's limit: no schema validation took place.
    TooDeep {
        /// Byte offset of the start tag that went too deep.
        offset: usize,
        /// What is wrong and how to raise the limit, for a person.
        message: String,
    },
    /// Checking the file would make the engine hold more matching state than it is allowed
    /// ([`MAX_LIVE_STATES`], [`MAX_WORK_BASE`]): refused before it was allocated, not judged.
    TooComplex {
        /// Byte offset of the start tag at which the bound was passed.
        offset: usize,
        /// Why, for a person.
        message: String,
    },
    /// A document type declaration: refused unread, as the AKN reader refuses it.
    Doctype {
        /// Byte offset of the declaration's `<`.
        offset: usize,
        /// Why, for a person (the reader's own words).
        message: String,
    },
    /// Not well-formed XML: no schema validation took place.
    Malformed {
        /// Byte offset of the problem in the text given.
        offset: usize,
        /// What is wrong, for a person.
        message: String,
    },
}

impl XsdOutcome {
    /// The verdict as `xmllint` words it: `valid`, `invalid` or `malformed`.
    pub fn verdict(&self) -> &'static str {
        match self {
            XsdOutcome::Checked { errors } if errors.is_empty() => "valid",
            XsdOutcome::Checked { .. } => "invalid",
            XsdOutcome::Malformed { .. } | XsdOutcome::TooDeep { .. } => "malformed",
            XsdOutcome::Doctype { .. } => "refused",
            XsdOutcome::TooComplex { .. } => "unchecked",
        }
    }
}

/// An XML Schema validator for Akoma Ntoso documents.
pub trait XsdEngine {
    /// Checks one document given as text (already decoded, byte-order mark removed), with
    /// elements nested at most [`MIN_MAX_DEPTH`] levels.
    fn check(&self, xml: &str) -> XsdOutcome {
        self.check_with_max_depth(xml, MIN_MAX_DEPTH)
    }

    /// Checks one document whose elements nest at most `max_depth` levels (never less than
    /// [`MIN_MAX_DEPTH`]); deeper is [`XsdOutcome::TooDeep`].
    fn check_with_max_depth(&self, xml: &str, max_depth: usize) -> XsdOutcome;
}

/// The element depth the engine always accepts: far beyond any letter, and beyond what the AKN
/// reader takes by default, so a file `convert` reads is never refused here for its depth.
pub const MIN_MAX_DEPTH: usize = 1_000;

/// The engine every caller uses: `xsd-schema` with the OASIS schema, compiled once per thread
/// and reused for every file that thread validates. (The crate's compiled schema interns names
/// in cells, so it cannot be shared between threads; a batch runs on a fixed pool of workers, so
/// this is once per worker.)
pub fn engine() -> &'static dyn XsdEngine {
    thread_local! {
        static ENGINE: &'static dyn XsdEngine = match XsdSchemaEngine::new() {
            Ok(engine) => Box::leak(Box::new(engine)),
            // The vendored schema compiles (`tests/validate_xsd.rs` and every test that
            // validates a file prove it), so this is a broken build; every file then fails
            // with the reason rather than the process aborting mid-batch.
            Err(reason) => Box::leak(Box::new(Unavailable { reason })),
        };
    }
    ENGINE.with(|e| *e)
}

/// The engine in place when the vendored schema does not compile: every document is reported
/// invalid with the compiler's reason, so nothing passes unchecked.
struct Unavailable {
    reason: String,
}

impl XsdEngine for Unavailable {
    fn check_with_max_depth(&self, _xml: &str, _max_depth: usize) -> XsdOutcome {
        XsdOutcome::Checked {
            errors: vec![XsdError {
                code: "schema-unavailable".to_string(),
                message: self.reason.clone(),
                path: Vec::new(),
                start_tag: None,
            }],
        }
    }
}

/// The `xsd-schema` engine over the vendored OASIS schema.
pub struct XsdSchemaEngine {
    set: &'static SchemaSet,
    validator: SchemaValidator<'static>,
}

impl XsdSchemaEngine {
    /// Compiles the vendored schema. Fails only if the vendored files are broken, which the
    /// tests rule out; the schema set is leaked because it lives as long as the process.
    pub fn new() -> Result<Self, String> {
        let compiled = SchemaSetBuilder::with_loader(Box::new(VendoredLoader))
            .add_source(AKN_XSD, AKN_XSD_URI)
            .and_then(SchemaSetBuilder::compile)
            .map_err(|e| format!("the vendored Akoma Ntoso schema does not compile: {e}"))?;
        if let Some(f) = compiled.directive_failures().first() {
            return Err(format!(
                "the vendored Akoma Ntoso schema has an unresolved import: {f:?}"
            ));
        }
        let set: &'static SchemaSet = Box::leak(Box::new(compiled.into_schema_set()));
        // Validity only: typed values are not needed, and skipping them is faster.
        let flags = ValidationFlags::default() & !ValidationFlags::BUILD_PSVI_TYPED_VALUES;
        Ok(XsdSchemaEngine {
            set,
            validator: SchemaValidator::new(set, flags),
        })
    }
}

impl XsdEngine for XsdSchemaEngine {
    fn check_with_max_depth(&self, xml: &str, max_depth: usize) -> XsdOutcome {
        let start_tag = Cell::new(None);
        let mut sink = Collect {
            errors: Vec::new(),
            start_tag: &start_tag,
        };
        let mut handler = Hooks {
            start_tag: &start_tag,
            cost: ConstraintCost::new(scopes(), xml.len()),
            element_offset: 0,
        };
        let mut runtime = self.validator.start_run(&mut sink);
        // Bounds against hostile input; real letters are far below them.
        runtime.set_parse_limits(
            ParseLimits::none()
                .with_max_depth(max_depth.max(MIN_MAX_DEPTH))
                .with_max_name_bytes(4_096),
        );
        let driven = drive_quick_xml_with(xml.as_bytes(), &mut runtime, self.set, &mut handler);
        let malformed = match driven {
            Ok(_) => None,
            Err(DriveWithError::NotWellFormed(e)) => Some((
                usize::try_from(e.position()).unwrap_or(usize::MAX),
                e.message().to_string(),
            )),
            Err(DriveWithError::LimitExceeded(e)) if e.limit() == ParseLimit::Depth => {
                return XsdOutcome::TooDeep {
                    offset: usize::try_from(e.position()).unwrap_or(usize::MAX),
                    message: format!(
                        "elements nest deeper than {} levels; raise the limit with --max-xml-depth",
                        e.max()
                    ),
                };
            }
            Err(DriveWithError::Hook(Refusal::Doctype { offset })) => {
                return XsdOutcome::Doctype {
                    offset,
                    message: crate::akn::xml::DOCTYPE_REFUSED.to_string(),
                };
            }
            Err(DriveWithError::Hook(Refusal::TooComplex { offset, message })) => {
                return XsdOutcome::TooComplex { offset, message };
            }
            Err(DriveWithError::LimitExceeded(e)) => Some((0, e.to_string())),
            Err(e) => Some((0, e.to_string())),
        };
        if let Some((offset, message)) = malformed {
            return XsdOutcome::Malformed { offset, message };
        }
        // Identity constraints (unique eIds) and IDREFs are settled at the end.
        start_tag.set(None);
        let ended = runtime.end_validation();
        drop(runtime);
        let mut errors = sink.errors;
        if let Err(e) = ended {
            errors.push(convert(&e, None));
        }
        XsdOutcome::Checked { errors }
    }
}

/// Collects a run's errors (warnings are not validity errors and are dropped), each with the
/// start tag being read when it was raised.
struct Collect<'c> {
    errors: Vec<XsdError>,
    start_tag: &'c Cell<Option<usize>>,
}

impl ValidationSink for &mut Collect<'_> {
    fn on_error(&mut self, error: ValidationError) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(convert(&error, self.start_tag.get()));
        }
    }

    fn on_warning(&mut self, _warning: ValidationWarning) {}
}

/// Why a run was stopped by [`Hooks`] before the engine finished.
enum Refusal {
    Doctype { offset: usize },
    TooComplex { offset: usize, message: String },
}

/// The driver's hooks: where the start tag being read is (for placing errors), the refusal of a
/// DOCTYPE, and the running cost of the identity constraints, checked before the engine sees
/// each element.
struct Hooks<'c> {
    start_tag: &'c Cell<Option<usize>>,
    cost: ConstraintCost<'static>,
    element_offset: usize,
}

impl ValidationEventHandler for Hooks<'_> {
    type Error = Refusal;

    fn on_doctype(&mut self, doctype: DoctypeView<'_>) -> Result<(), Refusal> {
        Err(Refusal::Doctype {
            offset: doctype.byte_pos,
        })
    }

    fn on_element_start_offset(&mut self, byte_pos: usize) -> Result<(), Refusal> {
        self.start_tag.set(Some(byte_pos));
        self.element_offset = byte_pos;
        Ok(())
    }

    fn before_element(&mut self, view: ElementStartView<'_>) -> Result<(), Refusal> {
        self.cost
            .start(view.local_name)
            .map_err(|message| Refusal::TooComplex {
                offset: self.element_offset,
                message,
            })
    }

    fn after_end_of_attributes(&mut self, _view: EndOfAttributesView<'_>) -> Result<(), Refusal> {
        self.start_tag.set(None);
        Ok(())
    }

    fn after_end_element(&mut self, _info: &EndElementInfo, _depth: usize) -> Result<(), Refusal> {
        self.cost.end();
        Ok(())
    }
}

/// The most matching states the engine may hold at once for one file: about 100 bytes each
/// (measured: 1.0 million for `<i>` nested 1,000 deep in one `doc`, the deepest nesting any
/// command accepts, took 120 MB), so at most about 200 MB of them.
pub const MAX_LIVE_STATES: u64 = 2_000_000;

/// The matching states the engine may create over a whole file, whatever its size; a larger
/// file is allowed [`MAX_WORK_PER_BYTE`] more per byte. Measured: the longest corpus letters
/// written as AKN need 25,000 to 120,000 (under 0.6 per byte), `<i>` nested 1,000 deep in one
/// `doc` 1.0 million, annexes nested 64 deep (the default text limit) 8.7 million; the engine
/// creates about three million a second.
pub const MAX_WORK_BASE: u64 = 16_000_000;

/// See [`MAX_WORK_BASE`].
pub const MAX_WORK_PER_BYTE: u64 = 2;

/// What one element that declares identity constraints (`xs:unique`, `xs:key`, `xs:keyref`)
/// costs the engine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScopeCost {
    /// Its identity constraints: one selector each, matched against every descendant.
    pub selectors: u64,
    /// Their fields together: matched afresh below every element a selector matches.
    pub fields: u64,
}

/// The elements of the vendored schema that declare identity constraints, by local name. In
/// Akoma Ntoso these are the twelve document types (`doc`, `act`, `statement`...), each with
/// `xs:unique` on `eId` and `GUID` over `.//*`: every element below is selected.
pub fn scopes() -> &'static HashMap<String, ScopeCost> {
    static SCOPES: OnceLock<HashMap<String, ScopeCost>> = OnceLock::new();
    SCOPES.get_or_init(|| scopes_of(AKN_XSD))
}

fn scopes_of(xsd: &str) -> HashMap<String, ScopeCost> {
    const XS: &str = "http://www.w3.org/2001/XMLSchema";
    let mut out = HashMap::new();
    let Ok(doc) = roxmltree::Document::parse(xsd) else {
        return out;
    };
    let is = |n: &roxmltree::Node, name: &str| {
        n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(XS)
    };
    for element in doc.descendants().filter(|n| is(n, "element")) {
        let Some(name) = element.attribute("name") else {
            continue;
        };
        let mut cost = ScopeCost::default();
        for c in element
            .children()
            .filter(|c| is(c, "unique") || is(c, "key") || is(c, "keyref"))
        {
            cost.selectors += 1;
            cost.fields += c.children().filter(|f| is(f, "field")).count() as u64;
        }
        if cost.selectors > 0 {
            let entry: &mut ScopeCost = out.entry(name.to_string()).or_default();
            entry.selectors = entry.selectors.max(cost.selectors);
            entry.fields = entry.fields.max(cost.fields);
        }
    }
    out
}

/// A running count of the matching state `xsd-schema` keeps for identity constraints, from
/// the element events of one document.
///
/// Why it is needed: for each open element that declares constraints (a *scope*), the engine
/// keeps one selector context per open element below it, and, because the selector `.//*`
/// matches every descendant, one field context per open matched element *per open element
/// below that*. An element at depth `d` in a scope at depth `s` adds `selectors + fields *
/// (d - s)` contexts, released when it ends; so one scope costs the square of the depth below
/// it, and scopes nested inside each other (a `doc` in a `doc` in a `doc`...) the cube: 500
/// nested `doc` elements (5.6 KB) took 21 s and 3.5 GB. Counting is exact for the engine's
/// structure and costs three sums per element, so the bound is checked before the engine
/// allocates anything for the element.
#[derive(Debug)]
pub struct ConstraintCost<'s> {
    scopes: &'s HashMap<String, ScopeCost>,
    /// Per open element: the contexts it added, and whether it opened a scope.
    open: Vec<(u64, Option<ScopeCost>)>,
    /// Sums over the open scopes: selectors, fields, fields times the scope's depth.
    selectors: u64,
    fields: u64,
    fields_by_depth: u64,
    /// How many scopes are open.
    open_scopes: usize,
    live: u64,
    work: u64,
    max_work: u64,
}

impl<'s> ConstraintCost<'s> {
    /// A count for a document of `len` bytes checked against a schema with these scopes.
    pub fn new(scopes: &'s HashMap<String, ScopeCost>, len: usize) -> Self {
        ConstraintCost {
            scopes,
            open: Vec::new(),
            selectors: 0,
            fields: 0,
            fields_by_depth: 0,
            open_scopes: 0,
            live: 0,
            work: 0,
            max_work: MAX_WORK_BASE.saturating_add(MAX_WORK_PER_BYTE.saturating_mul(len as u64)),
        }
    }

    /// An element starts: counts what the engine will add for it, or says why that is too much.
    pub fn start(&mut self, local_name: &str) -> Result<(), String> {
        let depth = self.open.len() as u64 + 1;
        // Every open scope is an ancestor: `selectors + fields * (depth - scope depth)` each.
        let added = self
            .selectors
            .saturating_add(self.fields.saturating_mul(depth))
            .saturating_sub(self.fields_by_depth);
        let scope = self.scopes.get(local_name).copied();
        let own = scope.map_or(0, |s| s.selectors);
        let added = added.saturating_add(own);
        self.live = self.live.saturating_add(added);
        self.work = self.work.saturating_add(added);
        if let Some(s) = scope {
            self.selectors += s.selectors;
            self.fields += s.fields;
            self.fields_by_depth += s.fields * depth;
            self.open_scopes += 1;
        }
        self.open.push((added, scope));
        if self.live > MAX_LIVE_STATES || self.work > self.max_work {
            let what = if self.live > MAX_LIVE_STATES {
                format!(
                    "more than {MAX_LIVE_STATES} matching states at once (the limit, about 200 MB)"
                )
            } else {
                format!(
                    "more than {} matching states in all (the limit for a file of this size)",
                    self.max_work
                )
            };
            return Err(format!(
                "not checked against the schema: {} elements that carry the schema's identity \
                 constraints (xs:unique eId and GUID on doc, act, statement...) are open here, \
                 nested {} levels deep; the XSD engine keeps state for every element below each \
                 of them, which grows with the cube of such nesting, and this file would need {what}",
                self.open_scopes, depth
            ));
        }
        Ok(())
    }

    /// The innermost open element ends: what the engine added for it is released.
    pub fn end(&mut self) {
        let Some((added, scope)) = self.open.pop() else {
            return;
        };
        let depth = self.open.len() as u64 + 1;
        self.live = self.live.saturating_sub(added);
        if let Some(s) = scope {
            self.selectors = self.selectors.saturating_sub(s.selectors);
            self.fields = self.fields.saturating_sub(s.fields);
            self.fields_by_depth = self.fields_by_depth.saturating_sub(s.fields * depth);
            self.open_scopes = self.open_scopes.saturating_sub(1);
        }
    }

    /// Contexts the engine holds now.
    pub fn live(&self) -> u64 {
        self.live
    }

    /// Contexts created so far.
    pub fn work(&self) -> u64 {
        self.work
    }
}

fn convert(error: &ValidationError, start_tag: Option<usize>) -> XsdError {
    let path = error
        .instance_path()
        .map(|p| {
            p.steps()
                .map(|s| {
                    let name = s.name();
                    let namespace = name.namespace_uri().to_string();
                    let local = name.local_name().to_string();
                    match s.position() {
                        Some(position) => PathStep::Element {
                            namespace,
                            local,
                            position,
                        },
                        None => PathStep::Attribute { namespace, local },
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    XsdError {
        code: error.constraint.to_string(),
        message: error.message.clone(),
        path,
        start_tag,
    }
}

/// Serves the vendored `xml.xsd` for the AKN schema's import, and nothing else: validation never
/// reads a file or the network.
#[derive(Debug)]
struct VendoredLoader;

impl SchemaLoader for VendoredLoader {
    fn load(&self, location: &str) -> SchemaResult<String> {
        if self.can_load(location) {
            Ok(XML_XSD.to_string())
        } else {
            Err(SchemaError::resolution(format!(
                "{location}: only the vendored xml.xsd is available"
            )))
        }
    }

    fn can_load(&self, location: &str) -> bool {
        location.ends_with("xml.xsd")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scopes_are_the_twelve_document_types_of_the_schema() {
        let s = scopes();
        let mut names: Vec<&str> = s.keys().map(String::as_str).collect();
        names.sort_unstable();
        assert_eq!(
            names,
            [
                "act",
                "amendment",
                "amendmentList",
                "bill",
                "debate",
                "debateReport",
                "doc",
                "documentCollection",
                "judgment",
                "officialGazette",
                "portion",
                "statement"
            ]
        );
        assert!(s.values().all(|c| *c
            == ScopeCost {
                selectors: 2,
                fields: 2
            }));
    }

    /// Runs `n` nested scopes with `m` plain elements nested in the innermost; returns the peak
    /// of live states, the work, and the live states once all ended.
    fn nested(n: usize, m: usize) -> (u64, u64, u64) {
        let mut cost = ConstraintCost::new(scopes(), 0);
        let mut peak = 0;
        for _ in 0..n {
            if cost.start("doc").is_err() {
                break;
            }
            peak = peak.max(cost.live());
        }
        for _ in 0..m {
            if cost.start("p").is_err() {
                break;
            }
            peak = peak.max(cost.live());
        }
        let opened = cost.open.len();
        for _ in 0..opened {
            cost.end();
        }
        (peak, cost.work(), cost.live())
    }

    #[test]
    fn states_grow_with_the_square_in_one_scope_and_the_cube_in_nested_ones() {
        // One scope: an element at depth k below it adds 2 + 2k.
        let (peak, work, after) = nested(1, 10);
        assert_eq!(peak, 2 + (1..=10).map(|k| 2 + 2 * k).sum::<u64>());
        assert_eq!((work, after), (peak, 0));
        let (small, _, _) = nested(10, 0);
        let (large, _, _) = nested(20, 0);
        // Doubling the nesting: eight times as much when cubic, four when square.
        assert!(large > 6 * small, "{small} -> {large}: not cubic");
    }

    #[test]
    fn the_bound_stops_the_count_before_it_runs_away() {
        let mut cost = ConstraintCost::new(scopes(), 0);
        let mut refused = None;
        for i in 0..100_000 {
            if let Err(message) = cost.start("doc") {
                refused = Some((i, message));
                break;
            }
        }
        let (at, message) = refused.expect("refused");
        assert!(at < 300, "refused only at {at}");
        assert!(
            cost.live() <= MAX_LIVE_STATES + 2 * 300 * 300,
            "{}",
            cost.live()
        );
        assert!(message.contains("identity constraints"), "{message}");
    }
}
