//! `unletters._unletters`: the Rust side of the Python package. It owns the calls into the
//! library (read, write, validate, diff, tables) with the GIL released, and the parallel reader
//! behind `read_many`; the public API, its docstrings and its exceptions are `unletters/__init__.py`.
//!
//! Documents cross the boundary as the JSON the library writes (the published contract), which
//! `__init__.py` hands to `json.loads`: so a dict is exactly what `unletters convert --to json`
//! prints, key order included.

use std::io::Read as _;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use unletters::convert::{self, ReadOptions};
use unletters::format::Format;
use unletters::tables::{Table, Tables};
use unletters::validate::{self, Options};
use unletters::{Error, Symbol, diff, symbol};

/// An input: a file to read (`path`) or bytes already in memory, and the name errors give it.
#[derive(Debug, Clone)]
struct Input {
    path: Option<PathBuf>,
    data: Option<Vec<u8>>,
    name: String,
}

impl<'py> FromPyObject<'_, 'py> for Input {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        let (path, data, name): (Option<PathBuf>, Option<Vec<u8>>, String) = ob.extract()?;
        Ok(Input { path, data, name })
    }
}

impl Input {
    /// The input's bytes, read within the size limit.
    fn bytes(&self, limit: u64) -> Result<std::borrow::Cow<'_, [u8]>, Error> {
        if let Some(data) = &self.data {
            unletters::limits::Limits {
                max_input_bytes: limit,
                ..Default::default()
            }
            .check_size(data.len())?;
            return Ok(std::borrow::Cow::Borrowed(data));
        }
        let path = self.path.clone().unwrap_or_default();
        let named = |e: std::io::Error| Error::io(&path, e);
        let file = std::fs::File::open(&path).map_err(named)?;
        let size = file.metadata().map_err(named)?.len();
        if size > limit {
            return Err(unletters::limits::too_large(Some(size), limit));
        }
        let mut buf = Vec::new();
        file.take(limit.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(named)?;
        if u64::try_from(buf.len()).unwrap_or(u64::MAX) > limit {
            return Err(unletters::limits::too_large(None, limit));
        }
        Ok(std::borrow::Cow::Owned(buf))
    }
}

/// What `read` was told besides the input.
#[derive(Debug, Clone)]
struct How {
    from: Option<Format>,
    symbols: Vec<Symbol>,
}

impl How {
    fn new(format: Option<&str>, symbol: Option<&str>) -> PyResult<How> {
        let from = format
            .map(|f| f.parse::<Format>().map_err(PyValueError::new_err))
            .transpose()?;
        let symbols = match symbol {
            Some(s) => symbol::parse_joint(s).map_err(|e| PyValueError::new_err(e.to_string()))?,
            None => Vec::new(),
        };
        Ok(How { from, symbols })
    }

    fn options(&self) -> ReadOptions {
        ReadOptions {
            from: self.from,
            symbols: self.symbols.clone(),
            ..Default::default()
        }
    }
}

/// A warning as `(line, column, message)`.
type PyWarning = (Option<usize>, Option<usize>, String);

/// A document read: its JSON and the reader's warnings.
struct Done {
    json: String,
    warnings: Vec<PyWarning>,
}

fn read_document(input: &Input, how: &How) -> Result<(unletters::Document, Vec<PyWarning>), Error> {
    let options = how.options();
    let bytes = input.bytes(options.limits.max_input_bytes)?;
    // A file is the format its extension names, as for the CLI; content in memory is sniffed.
    let read = match &input.path {
        Some(path) => convert::read_named(path, &bytes, &options)?,
        None => convert::read(&bytes, &options)?,
    };
    let warnings = read
        .warnings
        .iter()
        .map(|w| {
            (
                w.position.map(|p| p.line),
                w.position.map(|p| p.column),
                w.message.clone(),
            )
        })
        .collect();
    Ok((read.document, warnings))
}

fn read_json(input: &Input, how: &How) -> Result<Done, Error> {
    let (doc, warnings) = read_document(input, how)?;
    Ok(Done {
        json: convert::write(&doc, Format::Json)?,
        warnings,
    })
}

/// The Python exception for a library error about `name`: `OSError` (with its errno, so
/// `FileNotFoundError` and the like) for the file system, `ValueError` for a bad argument,
/// `unletters.ReadError` for everything about the input itself.
fn to_py(py: Python<'_>, name: &str, error: Error) -> PyErr {
    match &error {
        Error::Io { path, source } => {
            let file = path
                .as_ref()
                .map_or_else(|| name.to_string(), |p| p.display().to_string());
            return match source.raw_os_error() {
                Some(code) => PyOSError::new_err((code, source.to_string(), file)),
                None => PyOSError::new_err(format!("{file}: {source}")),
            };
        }
        Error::Usage { message } => return PyValueError::new_err(message.clone()),
        Error::Internal { message } => return PyRuntimeError::new_err(message.clone()),
        _ => {}
    }
    let position = error.position();
    let kind = match &error {
        Error::TooLarge { .. } => "too_large",
        Error::TooDeep { .. } => "too_deep",
        Error::Malformed { .. } => "malformed",
        Error::NotALetter { .. } => "not_a_letter",
        Error::Unwritable { .. } => "unwritable",
        Error::Refused { .. } => "refused",
        _ => "other",
    };
    let made = (|| -> PyResult<PyErr> {
        let class = py.import("unletters._errors")?.getattr("ReadError")?;
        let value = class.call1((
            error.message(),
            name,
            position.map(|p| p.line),
            position.map(|p| p.column),
            kind,
        ))?;
        Ok(PyErr::from_value(value))
    })();
    made.unwrap_or_else(|e| e)
}

/// Reads one input; returns `(json, warnings)`.
#[pyfunction(name = "read")]
#[pyo3(signature = (input, format=None, symbol=None))]
fn py_read(
    py: Python<'_>,
    input: Input,
    format: Option<&str>,
    symbol: Option<&str>,
) -> PyResult<(String, Vec<PyWarning>)> {
    let how = How::new(format, symbol)?;
    let done = py
        .detach(|| read_json(&input, &how))
        .map_err(|e| to_py(py, &input.name, e))?;
    Ok((done.json, done.warnings))
}

/// Reads one input and writes it as `to`; returns `(text, warnings)`.
#[pyfunction(name = "convert")]
#[pyo3(signature = (input, to, format=None, symbol=None))]
fn py_convert(
    py: Python<'_>,
    input: Input,
    to: &str,
    format: Option<&str>,
    symbol: Option<&str>,
) -> PyResult<(String, Vec<PyWarning>)> {
    let how = How::new(format, symbol)?;
    let to: Format = to.parse().map_err(PyValueError::new_err)?;
    py.detach(|| {
        let (doc, warnings) = read_document(&input, &how)?;
        Ok((convert::write(&doc, to)?, warnings))
    })
    .map_err(|e: Error| to_py(py, &input.name, e))
}

/// Validates one input; returns each diagnostic as its `unletters validate --format json` line.
#[pyfunction(name = "validate")]
#[pyo3(signature = (input, allow, format=None, schema_only=false))]
fn py_validate(
    py: Python<'_>,
    input: Input,
    allow: Vec<String>,
    format: Option<&str>,
    schema_only: bool,
) -> PyResult<Vec<String>> {
    let known: Vec<&str> = validate::rules::RULES.iter().map(|r| r.id).collect();
    if let Some(unknown) = allow.iter().find(|a| !known.contains(&a.as_str())) {
        return Err(PyValueError::new_err(format!(
            "allow: no such rule {unknown:?} (the rules: {})",
            known.join(", ")
        )));
    }
    let format = format
        .map(|f| f.parse::<Format>().map_err(PyValueError::new_err))
        .transpose()?;
    let options = Options {
        schema_only,
        allowed: allow.into_iter().collect(),
        ..Default::default()
    };
    py.detach(|| {
        let bytes = input.bytes(unletters::limits::DEFAULT_MAX_INPUT_BYTES)?;
        let format = format.unwrap_or_else(|| match &input.path {
            Some(path) => unletters::Format::of_file(path, &bytes),
            None => Format::detect(&bytes),
        });
        let report = validate::validate_bytes(&input.name, &bytes, format, &options);
        Ok(report
            .diagnostics
            .iter()
            .map(|d| d.json_line().to_string())
            .collect())
    })
    .map_err(|e: Error| to_py(py, &input.name, e))
}

/// Compares two versions; returns the `unletters-diff/1` JSON.
#[pyfunction(name = "diff")]
#[pyo3(signature = (old, new, force=false))]
fn py_diff(py: Python<'_>, old: Input, new: Input, force: bool) -> PyResult<String> {
    let how = How::new(None, None)?;
    let (old_doc, new_doc) =
        py.detach(|| rayon::join(|| read_document(&old, &how), || read_document(&new, &how)));
    let old_doc = old_doc.map_err(|e| to_py(py, &old.name, e))?.0;
    let new_doc = new_doc.map_err(|e| to_py(py, &new.name, e))?.0;
    if let Err(why) = diff::base_symbol(&old_doc, &new_doc) {
        if !force {
            return Err(PyValueError::new_err(format!(
                "{why}; pass force=True to compare them anyway"
            )));
        }
    }
    Ok(py.detach(|| diff::render::json::render(&diff::diff(&old_doc, &new_doc))))
}

/// The rows of the three tables for the inputs, in input order, read on `jobs` threads; returns
/// the JSON arrays of letters, paragraphs and citations. The first input (in order) that cannot
/// be read raises.
#[pyfunction(name = "tables")]
#[pyo3(signature = (inputs, jobs=None))]
fn py_tables(
    py: Python<'_>,
    inputs: Vec<Input>,
    jobs: Option<usize>,
) -> PyResult<(String, String, String)> {
    let how = How::new(None, None)?;
    let results: Vec<Result<Tables, Error>> = py.detach(|| {
        let work = || {
            use rayon::prelude::*;
            inputs
                .par_iter()
                .map(|input| {
                    let (doc, _) = read_document(input, &how)?;
                    Ok(Tables::of(&input.name, &doc))
                })
                .collect()
        };
        match unletters::limits::worker_pool(jobs.unwrap_or(0)) {
            Ok(pool) => pool.install(work),
            Err(_) => work(),
        }
    });
    let mut all = Tables::default();
    for (input, result) in inputs.iter().zip(results) {
        all.extend(result.map_err(|e| to_py(py, &input.name, e))?);
    }
    Ok((
        all.json_array(Table::Letters),
        all.json_array(Table::Paragraphs),
        all.json_array(Table::Citations),
    ))
}

/// One result of [`ReadMany`], as the worker left it.
type Slot = (usize, Result<Done, Error>);

/// `read_many`'s engine: worker threads take the inputs in order (each the next one nobody has
/// taken) and read them with no GIL; `__next__` hands the results back in input order, waiting
/// for the next one with the GIL released. At most `window` results wait, read ahead of the
/// caller, so memory stays bounded however many inputs there are.
#[pyclass(module = "unletters._unletters")]
struct ReadMany {
    inputs: Arc<Vec<Input>>,
    receiver: Mutex<mpsc::Receiver<Slot>>,
    /// Results that arrived before their turn, by index.
    waiting: std::collections::BTreeMap<usize, Result<Done, Error>>,
    next: usize,
    /// How many results the caller has taken: workers keep at most `window` ahead of it.
    taken: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    workers: Vec<std::thread::JoinHandle<()>>,
}

#[pymethods]
impl ReadMany {
    #[new]
    #[pyo3(signature = (inputs, jobs=None, format=None, symbol=None))]
    fn new(
        inputs: Vec<Input>,
        jobs: Option<usize>,
        format: Option<&str>,
        symbol: Option<&str>,
    ) -> PyResult<Self> {
        let how = Arc::new(How::new(format, symbol)?);
        let jobs = match jobs {
            Some(0) => return Err(PyValueError::new_err("jobs must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let inputs = Arc::new(inputs);
        let window = 4 * jobs;
        let (sender, receiver) = mpsc::channel::<Slot>();
        let counter = Arc::new(AtomicUsize::new(0));
        let taken = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let mut workers = Vec::new();
        for _ in 0..jobs.min(inputs.len().max(1)) {
            let (inputs, how, sender) = (inputs.clone(), how.clone(), sender.clone());
            let (counter, taken, stop) = (counter.clone(), taken.clone(), stop.clone());
            let worker = std::thread::Builder::new()
                .name("unletters-read".into())
                .stack_size(unletters::limits::WORKER_STACK_BYTES)
                .spawn(move || {
                    loop {
                        if stop.load(Ordering::Relaxed) {
                            return;
                        }
                        let i = counter.fetch_add(1, Ordering::SeqCst);
                        let Some(input) = inputs.get(i) else { return };
                        // Read ahead of the caller by at most `window` results.
                        while i >= taken.load(Ordering::SeqCst) + window {
                            if stop.load(Ordering::Relaxed) {
                                return;
                            }
                            std::thread::park_timeout(std::time::Duration::from_millis(2));
                        }
                        let result = std::panic::catch_unwind(|| read_json(input, &how))
                            .unwrap_or_else(|_| {
                                Err(Error::Internal {
                                    message: "the reader stopped on this input".into(),
                                })
                            });
                        if sender.send((i, result)).is_err() {
                            return;
                        }
                    }
                })
                .map_err(|e| PyRuntimeError::new_err(format!("cannot start a thread: {e}")))?;
            workers.push(worker);
        }
        Ok(ReadMany {
            inputs,
            receiver: Mutex::new(receiver),
            waiting: Default::default(),
            next: 0,
            taken,
            stop,
            workers,
        })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// The next result in input order: `(index, json, warnings, None)` or `(index, None, [],
    /// exception)`.
    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        let i = self.next;
        let Some(input) = self.inputs.get(i) else {
            return Ok(None);
        };
        let name = input.name.clone();
        let result = match self.waiting.remove(&i) {
            Some(r) => r,
            None => {
                let receiver = &self.receiver;
                let waiting = &mut self.waiting;
                py.detach(|| -> Result<Result<Done, Error>, ()> {
                    let receiver = receiver.lock().map_err(|_| ())?;
                    loop {
                        let (j, r) = receiver.recv().map_err(|_| ())?;
                        if j == i {
                            return Ok(r);
                        }
                        waiting.insert(j, r);
                    }
                })
                .map_err(|()| PyRuntimeError::new_err("the reader threads stopped"))?
            }
        };
        self.next += 1;
        self.taken.store(self.next, Ordering::SeqCst);
        for w in &self.workers {
            w.thread().unpark();
        }
        let tuple = match result {
            Ok(done) => (i, Some(done.json), done.warnings, None::<Py<PyAny>>).into_pyobject(py)?,
            Err(e) => {
                let err = to_py(py, &name, e);
                (
                    i,
                    None::<String>,
                    Vec::<PyWarning>::new(),
                    Some(err.into_value(py).into_any()),
                )
                    .into_pyobject(py)?
            }
        };
        Ok(Some(tuple))
    }
}

impl Drop for ReadMany {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        for w in &self.workers {
            w.thread().unpark();
        }
    }
}

/// A UN document symbol, parsed and normalised: one symbol (`S/2025/71/Rev.1`) or a joint
/// symbol (`A/79/729-S/2025/40`), whose symbols are its `parts`.
#[pyclass(name = "Symbol", module = "unletters", frozen, eq, hash, ord)]
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct PySymbol {
    /// One symbol, or each symbol of a joint one in printed order (never empty).
    parts: Vec<Symbol>,
}

impl PySymbol {
    fn one(symbol: Symbol) -> PySymbol {
        PySymbol {
            parts: vec![symbol],
        }
    }

    /// The one symbol, or a `ValueError` naming the joint symbol: a part of a symbol (its body,
    /// its suffixes...) is a question each of its parts answers.
    fn single(&self, what: &str) -> PyResult<&Symbol> {
        match self.parts.as_slice() {
            [one] => Ok(one),
            _ => Err(PyValueError::new_err(format!(
                "{} is a joint symbol: ask each of its .parts for its {what}",
                symbol::join(&self.parts)
            ))),
        }
    }
}

#[pymethods]
impl PySymbol {
    /// Parses a symbol (`S/2025/71/Rev.1`, `A/79/843*`, `A/80/6 (Sect. 24)`) or a joint symbol
    /// (`A/79/729-S/2025/40`, any dash); raises `ValueError` for anything else.
    #[staticmethod]
    fn parse(text: &str) -> PyResult<PySymbol> {
        symbol::parse_joint(text)
            .map(|parts| PySymbol { parts })
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// Parses a symbol that may be joint (`A/79/729-S/2025/40`) into its symbols, in order
    /// (the same as `Symbol.parse(text).parts`).
    #[staticmethod]
    fn parse_joint(text: &str) -> PyResult<Vec<PySymbol>> {
        Ok(PySymbol::parse(text)?.parts())
    }

    /// Each symbol of a joint symbol, in printed order; a single symbol is its own one part.
    #[getter]
    fn parts(&self) -> Vec<PySymbol> {
        self.parts.iter().cloned().map(PySymbol::one).collect()
    }

    /// Whether this is a joint symbol (two or more parts).
    #[getter]
    fn joint(&self) -> bool {
        self.parts.len() > 1
    }

    /// The normal form without reissue stars (`A/79/843`, `A/79/729-S/2025/40`).
    #[getter]
    fn text(&self) -> String {
        self.parts
            .iter()
            .map(Symbol::as_str)
            .collect::<Vec<_>>()
            .join("-")
    }

    /// The principal organs the parts stand for, in order, each once (`["General Assembly",
    /// "Security Council"]`).
    #[getter]
    fn organs(&self) -> Vec<&'static str> {
        let mut organs = Vec::new();
        for organ in self.parts.iter().filter_map(Symbol::organ) {
            if !organs.contains(&organ) {
                organs.push(organ);
            }
        }
        organs
    }

    /// Whether the symbol carries a reissue star.
    #[getter]
    fn reissued(&self) -> PyResult<bool> {
        Ok(self.single("reissue star")?.reissued())
    }

    /// The issuing body's letters, the first part (`A`, `S`, `E`).
    #[getter]
    fn body(&self) -> PyResult<&str> {
        Ok(self.single("body")?.body())
    }

    /// The series, with its final slash (`A/`, `A/HRC/`, `E/CN.6/`).
    #[getter]
    fn series(&self) -> PyResult<&str> {
        Ok(self.single("series")?.series())
    }

    /// The principal organ the body letter stands for, when it is one (`General Assembly`).
    #[getter]
    fn organ(&self) -> PyResult<Option<&'static str>> {
        Ok(self.single("organ")?.organ())
    }

    /// The base symbol as text: no suffix chain, no star (`E/2025/15`).
    #[getter]
    fn base(&self) -> PyResult<&str> {
        Ok(self.single("base")?.base_str())
    }

    /// The suffix chain in printed order, as `(kind, number)` pairs (`[("Add", 1), ("Rev", 1)]`).
    #[getter]
    fn suffixes(&self) -> PyResult<Vec<(&'static str, u32)>> {
        Ok(self
            .single("suffixes")?
            .suffixes()
            .iter()
            .map(|s| (s.kind.as_str(), s.number))
            .collect())
    }

    /// The qualifier without parentheses (`Sect. 24`), when there is one.
    #[getter]
    fn qualifier(&self) -> PyResult<Option<&str>> {
        Ok(self.single("qualifier")?.qualifier())
    }

    /// A file-name stem as the corpus names files (`A_80_6_Sect.24_Corr.1`,
    /// `A_79_729-S_2025_40`).
    #[getter]
    fn file_stem(&self) -> String {
        self.parts
            .iter()
            .map(Symbol::file_stem)
            .collect::<Vec<_>>()
            .join("-")
    }

    /// Whether both are versions of one base symbol (for a joint symbol: part by part).
    fn same_base(&self, other: &PySymbol) -> bool {
        self.parts.len() == other.parts.len()
            && self
                .parts
                .iter()
                .zip(&other.parts)
                .all(|(a, b)| a.same_base(b))
    }

    /// Whether this document derives from `other` (a revision, corrigendum, addendum or reissue;
    /// for a joint symbol: part by part).
    fn derives_from(&self, other: &PySymbol) -> bool {
        self.parts.len() == other.parts.len()
            && self
                .parts
                .iter()
                .zip(&other.parts)
                .all(|(a, b)| a.derives_from(b))
    }

    fn __len__(&self) -> usize {
        self.parts.len()
    }

    fn __str__(&self) -> String {
        symbol::join(&self.parts)
    }

    fn __repr__(&self) -> String {
        format!("Symbol({:?})", symbol::join(&self.parts))
    }
}

/// The ids of the level-2 validation rules (`allow` takes them).
#[pyfunction]
fn rules() -> Vec<(&'static str, &'static str)> {
    validate::rules::RULES
        .iter()
        .map(|r| (r.id, r.summary))
        .collect()
}

#[pymodule]
fn _unletters(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(py_read, m)?)?;
    m.add_function(wrap_pyfunction!(py_convert, m)?)?;
    m.add_function(wrap_pyfunction!(py_validate, m)?)?;
    m.add_function(wrap_pyfunction!(py_diff, m)?)?;
    m.add_function(wrap_pyfunction!(py_tables, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_class::<ReadMany>()?;
    m.add_class::<PySymbol>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
