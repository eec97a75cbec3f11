//! The README's Library example, as a program (a test keeps the two the same): read a letter,
//! write it as Akoma Ntoso checked against the XSD, validate it, diff it.
//!
//! ```sh
//! cargo run --example library_tour
//! ```

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // README: begin
    use unletters::convert::{self, ReadOptions};
    use unletters::{Format, diff, validate};

    let text = std::fs::read("tests/fixtures/sample-letter.txt")?;
    let read = convert::read(&text, &ReadOptions::default())?; // detects plain text
    println!("{}", read.document.symbols[0]); // A/80/912
    let xml = convert::write_checked(&read.document, Format::Akn)?; // written, then XSD-checked
    let options = validate::Options::default();
    let report = validate::validate_bytes("letter.xml", xml.as_bytes(), Format::Akn, &options);
    assert_eq!(report.verdict, validate::Verdict::Valid);
    let changes = diff::diff(&read.document, &read.document);
    assert!(!changes.has_differences());
    // README: end
    Ok(())
}
