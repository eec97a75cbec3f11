//! The input limits every command that reads documents takes (`convert`, `validate`, `diff`):
//! size and nesting depth, their flags, defaults and caps (README, "Limits").

use clap::Args;

use unletters::convert::ReadOptions;
use unletters::limits::{self, Limits};

/// `--max-input-size`, `--max-xml-depth` and `--max-text-depth`. The depth caps are the depths
/// tested to stay within the stack on every path (read, write, validate, diff, drop).
#[derive(Debug, Clone, Copy, Args)]
pub struct LimitArgs {
    /// The largest input read, in bytes (suffixes K, M, G: binary multiples); a larger input is
    /// refused unread.
    #[arg(long, visible_alias = "max-bytes", value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_input_size: u64,
    /// How deep Akoma Ntoso elements may nest (the root is level 1); deeper input is refused.
    #[arg(long, value_name = "N", default_value_t = limits::DEFAULT_MAX_XML_DEPTH,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=limits::MAX_XML_DEPTH_CAP as u64))]
    pub max_xml_depth: usize,
    /// How deep canonical text's spans, containers (lists, quotations, footnotes) and annexes may
    /// each nest; deeper input is refused.
    #[arg(long, value_name = "N", default_value_t = limits::DEFAULT_MAX_TEXT_DEPTH,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=limits::MAX_TEXT_DEPTH_CAP as u64))]
    pub max_text_depth: usize,
}

impl LimitArgs {
    /// Read options carrying these limits (input format and symbols left at their defaults).
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            limits: self.limits(),
            ..ReadOptions::default()
        }
    }

    /// The limits these flags set.
    pub fn limits(&self) -> Limits {
        Limits {
            max_input_bytes: self.max_input_size,
            max_xml_depth: self.max_xml_depth,
            max_text_depth: self.max_text_depth,
        }
    }
}

/// Parses a size: a number of bytes, or with a `K`, `M` or `G` suffix (KiB, MiB, GiB).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, factor) = match t.char_indices().last() {
        Some((i, 'K' | 'k')) => (t.get(..i), 1u64 << 10),
        Some((i, 'M' | 'm')) => (t.get(..i), 1 << 20),
        Some((i, 'G' | 'g')) => (t.get(..i), 1 << 30),
        _ => (Some(t), 1),
    };
    let digits = digits.unwrap_or_default();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "{s:?} is not a size (bytes, or a number with K, M or G)"
        ));
    }
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .ok_or_else(|| format!("{s:?} is too large a size"))
}
