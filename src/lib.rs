//! unletters: convert, validate and diff United Nations letters.
//!
//! Readers turn plain text, Akoma Ntoso XML or JSON into one [`Document`]; writers turn it back
//! into any of them, or into a web page for people ([`html`]). Validation and diff work on that
//! model and on the bytes written.
//!
//! ```
//! use unletters::{convert, Format};
//!
//! let json = r#"{"format": "unletters/1", "symbols": ["S/2025/71"], "organs": ["Security Council"],
//!   "distribution": "General", "date": "2025-02-05", "language": null, "original_language": "English",
//!   "sessions": [], "job_number": null, "kind": "letter", "title_headings": [],
//!   "title": "Letter dated 4 February 2025 from the President of the Security Council addressed to the Secretary-General",
//!   "letter_date": "2025-02-04", "sender": "the President of the Security Council",
//!   "addressees": ["Secretary-General"], "body": [], "signatures": [], "annexes": [], "footnotes": []}"#;
//! let read = convert::read(json.as_bytes(), &Default::default()).unwrap();
//! assert_eq!(read.format, Format::Json);
//! assert_eq!(read.document.symbols[0].to_string(), "S/2025/71");
//! let again = convert::write(&read.document, Format::Json).unwrap();
//! assert!(again.contains("\"letter_date\": \"2025-02-04\""));
//! ```

// Input must never panic the library (issue 8): these lints keep the obvious ways out. Tests may
// unwrap.
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    warn(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::todo,
        clippy::unimplemented
    )
)]

pub mod akn;
pub mod convert;
pub mod diff;
pub mod error;
pub mod format;
pub mod html;
pub mod json;
pub mod limits;
pub mod model;
pub mod organ;
pub mod pdf;
pub mod symbol;
pub mod tables;
pub mod text;
pub mod validate;

pub use error::{Error, Position, Result, Warning};
pub use format::Format;
pub use model::Document;
pub use symbol::Symbol;
