//! The parts of the masthead that come in lists: each organ's session line and its agenda items.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One organ's session or year, with the agenda items the letter is circulated under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The organ this line belongs to (`General Assembly`).
    pub organ: String,
    /// The session or year line, verbatim (`Seventy-ninth session`, `Eightieth year`).
    pub name: String,
    /// The agenda line as printed (`Agenda items 32, 60 and 132`, `Item 116 (c) of the preliminary list*`),
    /// when there is one.
    pub agenda_label: Option<String>,
    /// The agenda items, in the order their numbers are printed.
    pub agenda_items: Vec<AgendaItem>,
}

/// An agenda item: its number as printed and its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// The item number as printed, letter kept (`75`, `116 (c)`).
    pub number: String,
    /// The item's title, whitespace folded; empty when the masthead prints none.
    pub title: String,
    /// Sub-headings printed under the title (`Protracted conflicts in the GUAM area ...`).
    pub subheadings: Vec<String>,
}
