//! Nothing lost: over every corpus letter, in each form the corpus holds it (pdftotext text,
//! `-layout` text, the official PDF), the words of the letter from its title on are found in the
//! document read from it. Page furniture is the one thing a reader must drop, and here it is told
//! apart by the whole line, so a `-layout` line that prints the page counter and the job number
//! side by side (`2/11        25-01454`) is furniture too, not lost words.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use unletters::convert::{self, ReadOptions};
use unletters::model::{Annex, Document};

fn corpus() -> Option<PathBuf> {
    crate::common::shared::shared("corpus")
}

/// The words of a string: runs of letters and digits, lower-cased.
fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// One token of page furniture: a job number (`25-01454`), its language tag (`(E)`), a date stamp
/// (`050225`), the barcode (`*2501454*`), a page counter (`2/11`), the footnote separator, or one
/// of the document's own symbols standing as the running header.
fn furniture_token(t: &str, symbols: &[String]) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let t =
        t.trim_matches(|c: char| matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'));
    let job = t.len() == 8 && t.as_bytes()[2] == b'-' && digits(&t[..2]) && digits(&t[3..]);
    let tag = t.len() == 3 && t.starts_with('(') && t.ends_with(')');
    let stamp = t.len() == 6 && digits(t);
    let barcode = t.len() == 9 && t.starts_with('*') && t.ends_with('*') && digits(&t[1..8]);
    let counter = t
        .split_once('/')
        .is_some_and(|(a, z)| digits(a) && digits(z) && a.len() <= 3 && z.len() <= 3);
    let rule = t.len() >= 5 && t.bytes().all(|b| b == b'_');
    job || tag || stamp || barcode || counter || rule || symbols.iter().any(|s| s == t)
}

fn furniture_line(line: &str, symbols: &[String]) -> bool {
    let mut tokens = line.split_whitespace().peekable();
    tokens.peek().is_some() && tokens.all(|t| furniture_token(t, symbols))
}

/// Every string value of the document's JSON, as the score tool reads an output.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

fn annexes_signed(annexes: &[Annex]) -> bool {
    annexes
        .iter()
        .any(|a| a.signatures.iter().any(|s| s.signed) || annexes_signed(&a.annexes))
}

/// (words of the letter from its title on, of them found in the document), counted with
/// multiplicity. `(Signed)` is found when a signature is marked signed: the model keeps it as a
/// flag, not as a word.
fn retained(text: &str, doc: &Document) -> (usize, usize) {
    let symbols: Vec<String> = doc.symbols.iter().map(|s| s.to_string()).collect();
    let lines: Vec<&str> = text.split(['\n', '\u{c}']).collect();
    let title: Vec<String> = words(&doc.title).take(4).collect();
    let start = lines
        .iter()
        .position(|l| !title.is_empty() && words(l).take(4).eq(title.iter().cloned()))
        .unwrap_or(0);
    let signed = doc.signatures.iter().any(|s| s.signed) || annexes_signed(&doc.annexes);
    let mut want: HashMap<String, usize> = HashMap::new();
    for line in &lines[start..] {
        if furniture_line(line, &symbols) {
            continue;
        }
        for w in words(line) {
            if signed && w == "signed" {
                continue;
            }
            *want.entry(w).or_default() += 1;
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&unletters::json::write(doc).expect("json")).expect("json parses");
    let mut all = Vec::new();
    strings(&json, &mut all);
    let mut have: HashMap<String, usize> = HashMap::new();
    for w in all.iter().flat_map(|s| words(s)) {
        *have.entry(w).or_default() += 1;
    }
    let total = want.values().sum();
    let kept = want
        .iter()
        .map(|(w, n)| (*n).min(have.get(w).copied().unwrap_or(0)))
        .sum();
    (total, kept)
}

/// The retention over one folder of the corpus, each letter read by `read_named` from `folder`
/// and its words counted in the text of `text_folder`; prints the figure and the letters that lose
/// most, and returns the figure.
fn retention(dir: &Path, folder: &str, ext: &str, text_folder: &str) -> f64 {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join(folder))
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 160,
        "only {} letters in {folder}",
        paths.len()
    );
    let (mut total, mut kept) = (0, 0);
    let mut worst = Vec::new();
    for p in &paths {
        let bytes = std::fs::read(p).expect("letter");
        let doc = convert::read_named(p, &bytes, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
            .document;
        let text_path = dir
            .join(text_folder)
            .join(p.with_extension("txt").file_name().expect("file name"));
        let text = std::fs::read_to_string(&text_path).expect("utf-8 text");
        let (t, k) = retained(&text, &doc);
        total += t;
        kept += k;
        worst.push((
            t - k,
            p.file_name().map(|n| n.to_string_lossy().into_owned()),
        ));
    }
    worst.sort_by(|a, b| b.cmp(a));
    let rate = kept as f64 / total as f64;
    println!(
        "{folder}: {} letters, {kept}/{total} words kept = {rate:.5}; most lost: {:?}",
        paths.len(),
        &worst[..5]
    );
    rate
}

/// pdftotext's default text and its `-layout` text: 15 words lost of 393,295 in each (0.99996 on
/// 30 November 2026), every one a call-out pdftotext glues to a word (`attack90`, `purposes1`),
/// read as the word and its call-out.
#[test]
fn extracted_text_loses_no_word_over_the_corpus() {
    let Some(dir) = corpus() else { return };
    let default = retention(&dir, "letters", "txt", "letters");
    let layout = retention(&dir, "letters-layout", "txt", "letters-layout");
    assert!(
        default >= 0.999,
        "default text keeps {default:.4} of its words"
    );
    assert!(
        layout >= 0.999,
        "-layout text keeps {layout:.4} of its words"
    );
}

/// The PDF, counted against pdftotext's text of the same PDF: what is counted lost is mostly
/// where the two disagree on a word's bounds (`hos tage` in pdftotext, `hostage` read from the
/// glyphs; stretched Arabic) and hyphens pdftotext drops.
#[test]
fn pdf_loses_no_word_over_the_corpus() {
    let Some(dir) = corpus() else { return };
    let rate = retention(&dir, "pdf", "pdf", "letters");
    assert!(rate >= PDF_BAR, "the PDFs keep {rate:.4} of their words");
}

/// The share kept today, a ratchet: the aim is the extracted text's. 0.9737 when right-to-left
/// rows were read backwards, 0.9902 in reading order (30 November 2026); most of what is left is in
/// two Arabic letters whose fonts map a stretched letter's filler to `ك`, which pdftotext prints as
/// words of their own (`ك ك ك`) and the glyphs give as one.
const PDF_BAR: f64 = 0.99;
