//! Whole archives: convert many inputs to one or more formats into an output folder, in parallel,
//! with the same outputs and report whatever the number of threads, and nothing lost on failure
//! or interruption.
//!
//! The walk streams inputs; a window of a few inputs per thread is in flight at any time, so memory
//! stays flat however large the archive. Each input goes through three steps:
//!
//! 1. **name** (on a worker when names come from the symbol, which needs the document read): the
//!    output name each target wants;
//! 2. **claim** (on the coordinating thread, in input order): the names are claimed, so that when
//!    two inputs want one name the earlier input gets it whatever the thread timing;
//! 3. **write** (on a worker): render, check (`--validate`), write atomically; outputs newer than
//!    the input are left alone with `--skip-existing`.
//!
//! Records are then handed to the report in input order.

pub mod naming;
pub mod progress;
pub mod report;
pub mod walk;

use std::collections::{HashSet, VecDeque};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Instant, SystemTime};

use crate::app::io::printable;
use naming::{Claims, NameBy};
use progress::Progress;
use report::{Record, Report, Summary};
use unletters::convert::{self, Read, ReadOptions};
use unletters::error::{Error, Result};
use unletters::format::Format;
use walk::{Filters, Input};

/// A batch run, as the command line asked for it.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Files and folders to convert.
    pub paths: Vec<PathBuf>,
    /// What folder walks take.
    pub filters: Filters,
    /// The output formats, each input written once in each.
    pub targets: Vec<Format>,
    /// Where outputs go (created when missing).
    pub out_dir: PathBuf,
    /// How inputs are read (`--from`, `--symbol`).
    pub read: ReadOptions,
    /// How outputs are named.
    pub name_by: NameBy,
    /// Leave outputs that are newer than their input.
    pub skip_existing: bool,
    /// Check each output against its schema before writing it.
    pub validate: bool,
    /// Worker threads.
    pub jobs: usize,
}

/// How many inputs per worker may be in flight (named, waiting for their claim, or being written).
const WINDOW_PER_JOB: usize = 4;

/// Runs a batch: every record goes to `report` in input order, lines about failures to
/// `progress`. An `Err` means the run could not start (output folder, thread pool) or the report
/// could not be written.
pub fn run(
    plan: &Plan,
    setup: &Setup,
    report: &mut Report,
    progress: &Progress,
) -> Result<Summary> {
    let started = Instant::now();
    let pool = unletters::limits::worker_pool(plan.jobs.max(1))?;
    if progress.shown() {
        // The walk streams, so the total is not known up front: a second walk, listing folders
        // only, counts inputs beside the run for the bar.
        let (paths, filters, bar) = (plan.paths.clone(), setup.filters.clone(), progress.clone());
        std::thread::spawn(move || bar.set_total(walk::walk(&paths, &filters).count() as u64));
    }
    let mut summary = Summary::default();
    let mut failure = None;
    let mut index = Index::default();
    pool.in_place_scope(|scope| {
        let mut run = Coordinator::new(plan, setup, plan.jobs.max(1) * WINDOW_PER_JOB, progress);
        failure = run
            .drive(scope, &mut |mut record, bytes| {
                summary.add(&record, bytes);
                index.add(&mut record);
                if !crate::app::report_error::quiet() {
                    for line in &record.warning_lines {
                        progress.println(line);
                    }
                }
                if let Some(e) = &record.error {
                    progress.println(&format!(
                        "{}: error: {}",
                        printable(&record.path),
                        printable(e)
                    ));
                }

                progress.inc();
                report.record(&record)
            })
            .err();
    });
    if let Some(e) = failure {
        return Err(e);
    }
    if plan.targets.contains(&Format::Html) {
        let page = unletters::html::index(&index.entries, &index.failures);
        crate::app::io::write_output(&plan.out_dir.join(INDEX_PAGE), page.as_bytes())?;
    }
    summary.seconds = started.elapsed().as_secs_f64();
    report.finish(&summary)?;
    Ok(summary)
}

/// The name of the page that lists the letters of a batch with `html` among its targets.
pub const INDEX_PAGE: &str = "index.html";

/// The rows of `index.html`, gathered in input order.
#[derive(Debug, Default)]
struct Index {
    entries: Vec<unletters::html::IndexEntry>,
    failures: Vec<unletters::html::IndexFailure>,
}

impl Index {
    fn add(&mut self, record: &mut Record) {
        self.entries.extend(record.index.take().map(|entry| *entry));
        if let Some(reason) = &record.error {
            self.failures.push(unletters::html::IndexFailure {
                path: record.path.clone(),
                reason: reason.clone(),
            });
        }
    }
}

/// What every task needs to know beyond the plan, settled before the first input: the output
/// folder is there and writable, and what no output may replace.
#[derive(Debug)]
pub struct Setup {
    filters: Filters,
    /// Files named on the command line, canonical: no output may replace one.
    named_inputs: HashSet<PathBuf>,
    /// Folders named on the command line, canonical.
    input_folders: Vec<PathBuf>,
}

impl Setup {
    /// Checks and prepares the output folder (created when missing; our own stale temporary files
    /// removed). Everything that makes it unusable is one error, before any input is read.
    pub fn new(plan: &Plan) -> Result<Setup> {
        let dir = &plan.out_dir;
        let shown = crate::app::io::shown(dir);
        match std::fs::metadata(dir) {
            Ok(m) if !m.is_dir() => {
                return Err(Error::usage(format!(
                    "{shown}: --out-dir names {}, not a folder; choose a folder",
                    if m.is_file() { "a file" } else { "something" }
                )));
            }
            Ok(_) => {}
            Err(_) => std::fs::create_dir_all(dir).map_err(|e| {
                Error::usage(format!("{shown}: cannot create the output folder: {e}"))
            })?,
        }
        let out = dir.canonicalize().map_err(|e| io_error(dir, e))?;
        // A folder that cannot take a file fails here once, not once per input.
        tempfile::Builder::new()
            .prefix(".probe.")
            .suffix(".unletters-tmp")
            .rand_bytes(6)
            .tempfile_in(&out)
            .map_err(|e| {
                Error::usage(format!("{shown}: cannot write in the output folder: {e}"))
            })?;
        let mut named_inputs = HashSet::new();
        let mut input_folders = Vec::new();
        for p in &plan.paths {
            let Ok(c) = p.canonicalize() else { continue };
            if c.is_dir() {
                if c.starts_with(&out) {
                    return Err(Error::usage(format!(
                        "{}: the input folder is inside the output folder {shown}; choose another --out-dir",
                        crate::app::io::shown(p),
                    )));
                }
                input_folders.push(c);
            } else {
                named_inputs.insert(c);
            }
        }
        crate::app::io::remove_stale_temporaries(&out);
        Ok(Setup {
            filters: plan.filters.clone().skipping(&out),
            named_inputs,
            input_folders,
        })
    }

    /// Refuses a report file that is an input: a file named on the command line, or a file in a
    /// folder named that the walk takes (it would be read, or truncated, or both).
    pub fn refuse_report(&self, report: &Path) -> Result<()> {
        let Some(at) = crate::app::io::identity(report) else {
            return Ok(());
        };
        let in_folder = self.input_folders.iter().any(|f| {
            at.strip_prefix(f)
                .is_ok_and(|rel| self.filters.takes_file(rel))
        });
        if self.named_inputs.contains(&at) || in_folder {
            return Err(Error::usage(format!(
                "{}: the --report file would be an input of this run (it would overwrite it, or \
                 be read as one); choose a file outside the inputs",
                crate::app::io::shown(report)
            )));
        }
        Ok(())
    }

    /// Whether writing `out` would replace an input named on the command line. (Inputs found by
    /// walking folders cannot be replaced: the walk skips the output folder, and no input folder
    /// may lie inside it.)
    fn replaces_input(&self, out: &Path) -> bool {
        !self.named_inputs.is_empty()
            && crate::app::io::identity(out).is_some_and(|c| self.named_inputs.contains(&c))
    }
}

/// An input whose output names are known.
#[derive(Debug)]
struct Named {
    input: Input,
    /// The document, when naming needed it read.
    read: Option<Loaded>,
    /// The name each target wants, relative to the output folder.
    wanted: Vec<(Format, PathBuf)>,
    warnings: Vec<String>,
}

/// An input read and parsed.
#[derive(Debug)]
struct Loaded {
    read: Read,
    bytes: u64,
}

/// Where one input is in the pipeline.
#[derive(Debug)]
enum Slot {
    Naming,
    Named(Box<Named>),
    Writing,
    Done(Record, u64),
}

/// What a worker sends back.
enum Message {
    Named(usize, Box<Named>),
    Done(usize, Record, u64),
}

/// The coordinating thread's state: the walk, the window of inputs in flight, the claims.
struct Coordinator<'a> {
    plan: &'a Plan,
    setup: &'a Setup,
    walk: walk::Walk,
    walk_done: bool,
    window: usize,
    /// Slots from `emitted` on.
    slots: VecDeque<Slot>,
    emitted: usize,
    claimed: usize,
    claims: Claims,
    tx: mpsc::Sender<Message>,
    rx: mpsc::Receiver<Message>,
    progress: &'a Progress,
}

impl<'a> Coordinator<'a> {
    fn new(plan: &'a Plan, setup: &'a Setup, window: usize, progress: &'a Progress) -> Self {
        let (tx, rx) = mpsc::channel();
        Coordinator {
            plan,
            setup,
            progress,
            walk: walk::walk(&plan.paths, &setup.filters),
            walk_done: false,
            window,
            slots: VecDeque::new(),
            emitted: 0,
            claimed: 0,
            claims: index_claimed(plan),
            tx,
            rx,
        }
    }

    /// Runs until every input is emitted. Every slot that is neither done nor named has a task
    /// that will send a message (tasks catch panics), so waiting for one cannot hang.
    fn drive<'s>(
        &mut self,
        scope: &rayon::Scope<'s>,
        emit: &mut dyn FnMut(Record, u64) -> Result<()>,
    ) -> Result<()>
    where
        'a: 's,
    {
        loop {
            self.fill(scope);
            self.claim(scope);
            let before = self.emitted;
            while let Some(Slot::Done(..)) = self.slots.front() {
                if let Some(Slot::Done(record, bytes)) = self.slots.pop_front() {
                    self.emitted += 1;
                    emit(record, bytes)?;
                }
            }
            if self.walk_done && self.slots.is_empty() {
                return Ok(());
            }
            if self.emitted > before {
                // Room in the window: take more inputs before waiting.
                continue;
            }
            let Ok(message) = self.rx.recv() else {
                return Err(Error::Internal {
                    message: "a worker thread was lost".into(),
                });
            };
            let (index, slot) = match message {
                Message::Named(i, n) => (i, Slot::Named(n)),
                Message::Done(i, r, b) => (i, Slot::Done(r, b)),
            };
            if let Some(s) = self.slots.get_mut(index - self.emitted) {
                *s = slot;
            }
        }
    }

    /// Takes inputs from the walk until the window is full.
    fn fill<'s>(&mut self, scope: &rayon::Scope<'s>)
    where
        'a: 's,
    {
        while !self.walk_done && self.slots.len() < self.window {
            let index = self.emitted + self.slots.len();
            let next = self.walk.next();
            for w in self.walk.take_warnings() {
                if !crate::app::report_error::quiet() {
                    self.progress
                        .println(&format!("unletters convert: warning: {w}"));
                }
            }
            match next {
                None => self.walk_done = true,
                Some(Err(e)) => {
                    let path = e.path.display().to_string();
                    let record = Record::failed(path, e.error.to_string());
                    self.slots.push_back(Slot::Done(record, 0));
                }
                Some(Ok(input)) if self.plan.name_by == NameBy::Input => {
                    let wanted = self
                        .plan
                        .targets
                        .iter()
                        .map(|&f| (f, naming::from_input(&input.rel, f)))
                        .collect();
                    let named = Named {
                        input,
                        read: None,
                        wanted,
                        warnings: Vec::new(),
                    };
                    self.slots.push_back(Slot::Named(Box::new(named)));
                }
                Some(Ok(input)) => {
                    self.slots.push_back(Slot::Naming);
                    let (plan, tx) = (self.plan, self.tx.clone());
                    scope.spawn(move |_| {
                        let path = input.path.display().to_string();
                        let message = match guarded(|| name_by_symbol(plan, input)) {
                            Ok(named) => Message::Named(index, Box::new(named)),
                            Err(e) => Message::Done(index, Record::failed(path, e.to_string()), 0),
                        };
                        let _ = tx.send(message);
                    });
                }
            }
        }
    }

    /// Claims names for the inputs that have them, in input order, and starts their writing.
    fn claim<'s>(&mut self, scope: &rayon::Scope<'s>)
    where
        'a: 's,
    {
        self.claimed = self.claimed.max(self.emitted);
        while let Some(slot) = self.slots.get_mut(self.claimed - self.emitted) {
            let index = self.claimed;
            match slot {
                Slot::Naming => return,
                Slot::Writing | Slot::Done(..) => {}
                Slot::Named(_) => {
                    let Slot::Named(mut named) = std::mem::replace(slot, Slot::Writing) else {
                        return;
                    };
                    for (_, name) in &mut named.wanted {
                        let given = self.claims.claim(name);
                        if given != *name {
                            named.warnings.push(format!(
                                "{} is taken by an earlier input; wrote {}",
                                name.display(),
                                given.display()
                            ));
                            *name = given;
                        }
                    }
                    let (plan, setup, tx) = (self.plan, self.setup, self.tx.clone());
                    scope.spawn(move |_| {
                        let path = named.input.path.display().to_string();
                        let (record, bytes) = guarded(|| Ok(write(plan, setup, *named)))
                            .unwrap_or_else(|e| (Record::failed(path, e.to_string()), 0));
                        let _ = tx.send(Message::Done(index, record, bytes));
                    });
                }
            }
            self.claimed += 1;
        }
    }
}

/// The claims a run starts with: `index.html` is the index's when there is one, so an input
/// named `index` gets `index~2.html`.
fn index_claimed(plan: &Plan) -> Claims {
    let mut claims = Claims::default();
    if plan.targets.contains(&Format::Html) {
        claims.claim(Path::new(INDEX_PAGE));
    }
    claims
}

/// Runs a task, turning a panic into an error so that the run goes on and the coordinator hears
/// back from every task.
fn guarded<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(Error::Internal {
            message: "internal error (panic); please report".into(),
        })
    })
}

/// Reads an input and names its outputs after its symbols (after the file when it has none).
fn name_by_symbol(plan: &Plan, input: Input) -> Result<Named> {
    let loaded = load(plan, &input.path)?;
    let symbols: Vec<String> = loaded
        .read
        .document
        .symbols
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut warnings = Vec::new();
    let wanted = plan
        .targets
        .iter()
        .map(|&f| {
            let name = naming::from_symbols(&symbols, f);
            (f, name.unwrap_or_else(|| naming::from_input(&input.rel, f)))
        })
        .collect();
    if symbols.is_empty() {
        warnings.push("no document symbol: outputs named after the input file".to_string());
    }
    Ok(Named {
        input,
        read: Some(loaded),
        wanted,
        warnings,
    })
}

fn load(plan: &Plan, path: &Path) -> Result<Loaded> {
    let bytes = crate::app::io::read_input_limited(path, plan.read.limits.max_input_bytes)?;
    let read = convert::read_named(path, &bytes, &plan.read)?;
    Ok(Loaded {
        read,
        bytes: bytes.len() as u64,
    })
}

/// Writes one input's outputs; returns its record and the bytes of input it took.
fn write(plan: &Plan, setup: &Setup, named: Named) -> (Record, u64) {
    let Named {
        input,
        mut read,
        wanted,
        warnings: naming_warnings,
    } = named;
    let mut record = Record {
        path: input.path.display().to_string(),
        ..Record::default()
    };
    let mut errors = Vec::new();
    // Where the letter's page is, relative to the output folder, once it is there.
    let mut html_page = None;
    let mut bytes = read.as_ref().map_or(0, |l| l.bytes);
    let input_time = if plan.skip_existing {
        std::fs::metadata(&input.path).ok().map(|m| {
            bytes = bytes.max(m.len());
            m.modified().ok()
        })
    } else {
        None
    };
    for (format, name) in wanted {
        let out = plan.out_dir.join(&name);
        let shown = out.display().to_string();
        if let Some(Some(t)) = input_time {
            if is_fresh(&out, t) {
                if format == Format::Html {
                    html_page = Some(index_href(&name));
                }
                record.skipped.push(shown.clone());
                record.outputs.push(shown);
                continue;
            }
        }
        if read.is_none() {
            match load(plan, &input.path) {
                Ok(l) => {
                    bytes = bytes.max(l.bytes);
                    read = Some(l);
                }
                Err(e) => {
                    errors.push(e.to_string());
                    break;
                }
            }
        }
        let Some(loaded) = &read else { break };
        match write_one(plan, setup, &loaded.read, format, &out) {
            Ok(()) => {
                if format == Format::Html {
                    html_page = Some(index_href(&name));
                }
                record.outputs.push(shown);
            }
            Err(e) => errors.push(format!("{format}: {e}")),
        }
    }
    if html_page.is_some() && read.is_none() {
        // Every output was up to date, so nothing read the input; its row needs the document.
        read = load(plan, &input.path).ok();
    }
    if let Some(l) = &read {
        record.warnings = l.read.warnings.iter().map(|w| w.to_string()).collect();
        record.warning_lines = l
            .read
            .warnings
            .iter()
            .map(|w| crate::app::report_error::warning_line(&record.path, w))
            .collect();
        record.index = html_page
            .map(|href| Box::new(unletters::html::IndexEntry::new(&l.read.document, href)));
    }
    for w in &naming_warnings {
        let w = unletters::Warning::new(w.clone());
        let line = crate::app::report_error::warning_line(&record.path, &w);
        record.warning_lines.push(line);
    }
    record.warnings.extend(naming_warnings);
    if !errors.is_empty() {
        record.error = Some(errors.join("; "));
    }
    (record, bytes)
}

/// An output's name relative to the output folder as the index links it: `/` between folders.
fn index_href(name: &Path) -> String {
    name.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Renders, checks and writes one output.
fn write_one(plan: &Plan, setup: &Setup, read: &Read, format: Format, out: &Path) -> Result<()> {
    let text = if plan.validate {
        convert::write_checked(&read.document, format)?
    } else {
        convert::write(&read.document, format)?
    };
    if setup.replaces_input(out) {
        return Err(Error::Refused {
            message: format!("{} is an input; not overwritten", out.display()),
        });
    }
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
    }
    crate::app::io::write_output(out, text.as_bytes())
}

/// Whether `out` exists and was modified no earlier than the input.
fn is_fresh(out: &Path, input_time: SystemTime) -> bool {
    std::fs::metadata(out)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t >= input_time)
}

fn io_error(path: &Path, e: std::io::Error) -> Error {
    Error::io(path, e)
}
