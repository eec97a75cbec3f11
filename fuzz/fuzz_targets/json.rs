//! JSON reader: never panic; whatever it accepts writes back and reads to the same document, and
//! the written bytes are a fixed point.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unletters::json;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(doc) = json::read(input, &Default::default()).map(|r| r.document) {
        let written = json::write(&doc).unwrap();
        let again = json::read(&written, &Default::default()).map(|r| r.document).expect("written JSON reads back");
        assert_eq!(again, doc, "JSON write -> read changed the document");
        assert_eq!(json::write(&again).unwrap(), written, "JSON write is not a fixed point");
    }
});
