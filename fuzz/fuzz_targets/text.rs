//! Text reader (extracted and canonical forms, through `unletters::text::read` via the shared
//! entry): never panic on any bytes; whatever it accepts survives canonical write -> read unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unletters::convert::{self, ReadOptions};
use unletters::{Format, text};

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions {
        from: Some(Format::Text),
        ..Default::default()
    };
    let Ok(read) = convert::read(data, &options) else {
        return;
    };
    let doc = read.document;
    let Ok(written) = text::write(&doc) else {
        return;
    };
    let (again, _) = text::read(&written, &Default::default()).map(|r| (r.document, r.warnings)).expect("canonical text written reads back");
    assert_eq!(again, doc, "canonical write -> read changed the document");
});
