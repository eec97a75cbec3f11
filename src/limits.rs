//! Every limit the readers put on their input, in one place: the defaults, the caps up to which a
//! caller may raise them (the command line's `--max-input-size`, `--max-xml-depth` and
//! `--max-text-depth`), and the stack size they were measured against.
//!
//! Letters are a few hundred kilobytes and a dozen levels deep at most; the defaults leave two
//! orders of magnitude of room, so a hostile or broken file cannot exhaust memory or the stack.

use crate::error::Error;

/// The largest input read by default: 64 MiB, a hundred times the longest letter seen; raised
/// with `--max-input-size` (README, "Limits").
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// How deep AKN elements nest by default (the root element is level 1); raised with
/// `--max-xml-depth` up to [`MAX_XML_DEPTH_CAP`].
pub const DEFAULT_MAX_XML_DEPTH: usize = 512;

/// How deep canonical text's spans, containers and annexes each nest by default; raised with
/// `--max-text-depth` up to [`MAX_TEXT_DEPTH_CAP`].
pub const DEFAULT_MAX_TEXT_DEPTH: usize = 64;

/// The highest `--max-xml-depth` accepted. Measured on a debug build with an 8 MiB stack
/// ([`WORKER_STACK_BYTES`]): inline elements nested 2,000 deep still convert to every format,
/// 2,500 overflow the AKN writer; the cap keeps twice that room. `tests/it/limits.rs` runs a
/// document nested this deep through every command.
pub const MAX_XML_DEPTH_CAP: usize = 1_000;

/// The highest `--max-text-depth` accepted. Measured as for [`MAX_XML_DEPTH_CAP`]: annexes,
/// lists, quotations and spans each nested 600 deep read and write, 700 overflow the reader;
/// the cap keeps four times that room, and what it lets in writes AKN about 750 elements deep,
/// which reads back under [`MAX_XML_DEPTH_CAP`].
pub const MAX_TEXT_DEPTH_CAP: usize = 150;

/// The stack of every thread this tool reads or writes documents on (diff's second reader,
/// batch and validate workers): the size of the main thread's stack on Linux, which the depth
/// caps were measured against.
pub const WORKER_STACK_BYTES: usize = 8 * 1024 * 1024;

/// The limits one read is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Inputs larger than this many bytes are refused before any reader sees them.
    pub max_input_bytes: u64,
    /// How deep AKN elements may nest (the root is level 1).
    pub max_xml_depth: usize,
    /// How deep canonical text's spans, containers and annexes may each nest.
    pub max_text_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_xml_depth: DEFAULT_MAX_XML_DEPTH,
            max_text_depth: DEFAULT_MAX_TEXT_DEPTH,
        }
    }
}

impl Limits {
    /// Refuses an input of `len` bytes over [`Limits::max_input_bytes`].
    pub fn check_size(&self, len: usize) -> Result<(), Error> {
        let size = u64::try_from(len).unwrap_or(u64::MAX);
        if size > self.max_input_bytes {
            return Err(too_large(Some(size), self.max_input_bytes));
        }
        Ok(())
    }
}

/// The error for an input over the size limit (`size` when known: a pipe's is not).
pub fn too_large(size: Option<u64>, limit: u64) -> Error {
    Error::TooLarge {
        size,
        limit,
        flag: "--max-input-size",
    }
}

/// A pool of `threads` worker threads (one per core for 0) with the stack the depth caps were
/// measured against: every command that reads documents in parallel runs on one of these.
pub fn worker_pool(threads: usize) -> Result<rayon::ThreadPool, Error> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(WORKER_STACK_BYTES)
        .build()
        .map_err(|e| Error::Internal {
            message: format!("cannot start {threads} worker threads: {e}"),
        })
}
