//! Validates an Akoma Ntoso document held in a string: the official OASIS XSD and the AKN4UN
//! level-2 rules, with each finding's line, column and rule.
//!
//! ```sh
//! cargo run --example validate_string
//! ```

use unletters::convert::{self, ReadOptions};
use unletters::validate::{self, Options, Verdict};
use unletters::{Format, akn};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A letter in plain text, made into AKN, then broken on purpose: the document loses its name.
    let text = include_str!("../tests/fixtures/sample-letter.txt");
    let read = convert::read(text.as_bytes(), &ReadOptions::default())?;
    let good = akn::write(&read.document)?;
    let bad = good.replacen(" name=\"officialLetter\"", "", 1);

    for (name, xml) in [("good.xml", &good), ("bad.xml", &bad)] {
        let report =
            validate::validate_bytes(name, xml.as_bytes(), Format::Akn, &Options::default());
        println!("{name}: {:?}", report.verdict);
        for d in &report.diagnostics {
            let at = d.position.map(|p| format!(":{p}")).unwrap_or_default();
            println!("  {}{at}: [{}] {}", d.file, d.rule, d.message);
        }
        assert_eq!(report.verdict == Verdict::Valid, name == "good.xml");
    }
    Ok(())
}
