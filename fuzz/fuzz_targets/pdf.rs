//! PDF front end (`unletters::pdf`): never panic, hang or blow up memory on any bytes, in the
//! parser (contained by the reader's `catch_unwind`, but libFuzzer's panic hook aborts on any
//! panic, so a contained panic is still found here), in the content-stream walker or in the
//! layout; whatever it reads survives JSON write -> read unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unletters::{json, pdf};

fuzz_target!(|data: &[u8]| {
    // The bytes as given, and behind a PDF header, so mutations of any file reach the parser.
    let mut headed = b"%PDF-1.4\n".to_vec();
    headed.extend_from_slice(data);
    for bytes in [data, &headed[..]] {
        let Ok(read) = pdf::read(bytes, &Default::default()) else {
            continue;
        };
        let doc = read.document;
        let written = json::write(&doc).expect("a read document writes as JSON");
        let again = json::read(&written, &Default::default())
            .expect("JSON written reads back")
            .document;
        assert_eq!(again, doc, "JSON write -> read changed the document");
    }
});
