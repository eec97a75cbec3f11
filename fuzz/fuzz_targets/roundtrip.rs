//! Round trips from any valid document: the fuzzer mutates JSON; whatever the JSON reader accepts is
//! a valid document, which must survive canonical text and AKN write -> read unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unletters::{akn, json, text};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = json::read(input, &Default::default()).map(|r| r.document) else {
        return;
    };
    if let Ok(written) = text::write(&doc) {
        match text::read(&written, &Default::default()).map(|r| (r.document, r.warnings)) {
            Ok((again, _)) => assert_eq!(again, doc, "canonical text round trip"),
            Err(e) => panic!("canonical text written does not read back: {e}\n{written}"),
        }
    }
    if let Ok(written) = akn::write(&doc) {
        match akn::read(&written, &Default::default()).map(|r| (r.document, r.warnings)) {
            Ok((again, _)) => assert_eq!(again, doc, "AKN round trip"),
            Err(e) => panic!("AKN written does not read back: {e}\n{written}"),
        }
    }
});
