//! The bounds the AKN reader puts on its input, so a hostile or broken file cannot exhaust memory
//! or the stack. Letters are a few hundred kilobytes and a dozen levels deep at most; the limits
//! leave two orders of magnitude of room.

/// The largest input the reader accepts, in bytes (64 MiB).
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// The deepest element nesting the reader accepts by default (the root element is depth 1);
/// raised with `--max-xml-depth` ([`super::read_with_max_depth`]).
pub const MAX_DEPTH: usize = 512;
