//! XML Schema validation of Akoma Ntoso files: the engine trait the rest of `validate` talks to,
//! and its implementation on the pure-Rust `xsd-schema` crate with the vendored OASIS schema.
//!
//! The trait keeps the engine swappable: everything outside this module sees only [`XsdEngine`],
//! [`XsdOutcome`] and [`XsdError`], never a type of the crate.

use std::cell::Cell;
use std::convert::Infallible;

use xsd_schema::validation::{
    DriveWithError, EndOfAttributesView, SchemaValidator, ValidationError, ValidationEventHandler,
    ValidationFlags, ValidationSink, ValidationWarning, drive_quick_xml_with,
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
        let mut handler = StartTags {
            start_tag: &start_tag,
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

/// Tracks whether the driver is reading a start tag (from its `<` to the end of its
/// attributes), and where.
struct StartTags<'c> {
    start_tag: &'c Cell<Option<usize>>,
}

impl ValidationEventHandler for StartTags<'_> {
    type Error = Infallible;

    fn on_element_start_offset(&mut self, byte_pos: usize) -> Result<(), Infallible> {
        self.start_tag.set(Some(byte_pos));
        Ok(())
    }

    fn after_end_of_attributes(
        &mut self,
        _view: EndOfAttributesView<'_>,
    ) -> Result<(), Infallible> {
        self.start_tag.set(None);
        Ok(())
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
