//! HTML, for people to read: one self-contained page per letter ([`write()`]) and the page that
//! lists a converted archive ([`index`]). HTML is an output only; nothing reads it back.
//!
//! A letter's page is valid HTML5 with its style sheet inline (screen, phone and print) and no
//! script. Every block that has an `eId` in the letter's Akoma Ntoso file carries the same `id`
//! (`letter.html#att_1__para_3` and the AKN agree), because both writers take their names from
//! `akn::naming`; the AKN `<references>` are listed in the page's record under their eIds too.

mod escape;
mod index;
mod letter;

pub use index::{IndexEntry, IndexFailure, index};
pub use letter::write;

/// The style sheet of every page this module writes: one file, so the letter and the index look
/// alike.
const STYLE: &str = include_str!("style.css");
