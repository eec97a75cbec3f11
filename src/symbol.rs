//! UN document symbols (`A/79/729`, `S/2025/71/Rev.1`, `A/79/843*`): parse, display, normalise.
//!
//! Placeholder: the full parser (series, suffix chain, joint pairs, citations) lands with issue 2.3.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One document symbol, with its reissue star if it carries one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol {
    text: String,
    reissued: bool,
}

/// Why a string is not a document symbol.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a UN document symbol: {0:?}")]
pub struct SymbolError(pub String);

impl Symbol {
    /// Parses one symbol (`S/2025/71/Rev.1`, `A/79/843*`).
    pub fn parse(s: &str) -> Result<Symbol, SymbolError> {
        let t = s.trim();
        let (body, reissued) = match t.strip_suffix('*') {
            Some(b) => (b, true),
            None => (t, false),
        };
        let ok = body.contains('/')
            && !body.starts_with('/')
            && !body.ends_with('/')
            && body
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "/.-_ ()".contains(c));
        if !ok {
            return Err(SymbolError(s.to_string()));
        }
        Ok(Symbol {
            text: body.to_string(),
            reissued,
        })
    }

    /// The symbol without its reissue star.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the symbol carries a reissue star.
    pub fn reissued(&self) -> bool {
        self.reissued
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)?;
        if self.reissued {
            f.write_str("*")?;
        }
        Ok(())
    }
}

impl FromStr for Symbol {
    type Err = SymbolError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Symbol::parse(s)
    }
}

impl Serialize for Symbol {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Symbol {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Symbol::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Symbol {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Symbol".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A UN document symbol (`A/79/729`, `S/2025/71/Rev.1`); a trailing `*` marks a reissue.",
            "type": "string",
            "pattern": "^[A-Z][A-Za-z0-9.()_ -]*(/[A-Za-z0-9.()_ -]+)+\\*?$"
        })
    }
}

/// Splits a joint symbol (`A/79/729-S/2025/40`, en dash or hyphen) into its parts. A hyphen only
/// separates when a new series starts after it, so `A/ES-10/1043` stays whole.
pub fn split_joint(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == '\u{2013}' || c == '-' {
            let rest = &s[i + c.len_utf8()..];
            let starts_series = rest.split('/').next().is_some_and(|head| {
                !head.is_empty() && head.chars().all(|ch| ch.is_ascii_uppercase())
            }) && rest.contains('/');
            if starts_series {
                parts.push(s[start..i].trim());
                start = i + c.len_utf8();
            }
        }
    }
    parts.push(s[start..].trim());
    parts
}
