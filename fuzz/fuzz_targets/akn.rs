//! Akoma Ntoso reader: never panic on any bytes; whatever it accepts survives AKN write -> read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unletters::convert::{self, ReadOptions};
use unletters::{Format, akn};

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions {
        from: Some(Format::Akn),
        ..Default::default()
    };
    let Ok(read) = convert::read(data, &options) else {
        return;
    };
    let doc = read.document;
    let Ok(written) = akn::write(&doc) else {
        return;
    };
    let (again, _) = akn::read(&written, &Default::default()).map(|r| (r.document, r.warnings)).expect("AKN written reads back");
    assert_eq!(again, doc, "AKN write -> read changed the document");
});
