//! Symbol parser and finder: never panic; what parses displays as a symbol that parses to itself;
//! every symbol found in running text lies on character boundaries and parses from its own text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unletters::symbol::{self, Symbol};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(sym) = Symbol::parse(s) {
        let shown = sym.to_string();
        let again = Symbol::parse(&shown).expect("a displayed symbol parses");
        assert_eq!(again, sym, "display then parse changes {shown:?}");
        let _ = (sym.series(), sym.base_str(), sym.qualifier(), sym.organ(), sym.base());
        let stem = sym.file_stem();
        assert!(!stem.contains(".."), "file stem {stem:?} holds '..'");
        assert!(!stem.contains('/') && !stem.contains('\\') && !stem.contains('\0'));
    }
    if let Ok(all) = symbol::parse_joint(s) {
        let joined = symbol::join(&all);
        let _ = symbol::parse_joint(&joined);
    }
    for (range, sym) in symbol::find_symbols(s) {
        let found = s.get(range.clone()).expect("a found range is on character boundaries");
        assert!(!found.is_empty(), "empty range {range:?} for {sym}");
    }
});
