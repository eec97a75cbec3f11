//! The PDF reader: synthetic PDFs written here with `lopdf` (a letter with an indented paragraph
//! start, a raised call-out, a footnote zone in smaller type and a bold heading; and broken
//! files: encrypted, image-only, truncated, damaged), and every corpus PDF
//! (`../shared/corpus/pdf`, `../shared/corpus/revisions-pdf`): read without failure, valid AKN
//! (XSD and level-2 rules), lossless AKN round trip, PDF -> AKN -> JSON equal to PDF -> JSON.
//!
//! Without the corpus the corpus tests skip, except under CI (env `CI`), where they fail.

use std::path::{Path, PathBuf};
use std::process::Command;

use lopdf::content::{Content, Operation};
use lopdf::{Document as Pdf, Object, Stream, dictionary};
use unletters::model::{Block, Inline};
use unletters::{akn, convert, json};

/// One run of text on a page: where it starts (points from the bottom-left corner), its size,
/// whether it is bold, and its rise (a superscript).
struct Run<'a> {
    x: f32,
    y: f32,
    size: f32,
    bold: bool,
    italic: bool,
    rise: f32,
    /// Set in a font whose codes map to Arabic letters (see [`ARABIC`]), glyph by glyph in the
    /// order the text is given (visual order, as a PDF paints it).
    arabic: bool,
    text: &'a str,
}

/// The Arabic letters the synthetic Arabic font holds, each at code 0x80 plus its index (its
/// space and digits keep their ASCII codes).
const ARABIC: [char; 13] = [
    'ا', 'ب', 'ت', 'س', 'ل', 'م', 'ح', 'ر', 'ع', 'ن', 'ي', 'ف', 'ك',
];

fn run(x: f32, y: f32, text: &str) -> Run<'_> {
    Run {
        x,
        y,
        size: 10.0,
        bold: false,
        italic: false,
        rise: 0.0,
        arabic: false,
        text,
    }
}

/// Writes a PDF of A4 pages, each a list of runs, in Times (regular, bold and italic, WinAnsi,
/// every glyph 500 units wide).
fn write_pdf(pages: &[Vec<Run>]) -> Vec<u8> {
    write_pdf_drawn(pages, &[])
}

/// [`write_pdf`], with filled rectangles `(x, y, width, height)` drawn on the first page.
fn write_pdf_drawn(pages: &[Vec<Run>], rects: &[(f32, f32, f32, f32)]) -> Vec<u8> {
    let mut doc = Pdf::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = |doc: &mut Pdf, name: &str| {
        doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => name.to_string(),
            "Encoding" => "WinAnsiEncoding",
            "FirstChar" => 32,
            "Widths" => (32..256).map(|_| Object::Integer(500)).collect::<Vec<_>>(),
        })
    };
    let regular = font(&mut doc, "Times-Roman");
    let bold = font(&mut doc, "Times-Bold");
    let italic = font(&mut doc, "Times-Italic");
    let arabic = font(&mut doc, "ArabicTypesetting");
    let ascii = " 0123456789".chars().map(|c| (c as usize, c));
    let letters = ARABIC.iter().enumerate().map(|(k, c)| (0x80 + k, *c));
    let entries: Vec<(usize, char)> = ascii.chain(letters).collect();
    let cmap: String = entries
        .iter()
        .map(|(code, c)| format!("<{code:02X}> <{:04X}>\n", *c as u32))
        .collect();
    let cmap = format!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CMapName /Synthetic-Arabic def\n/CMapType 2 def\n\
         1 begincodespacerange\n<00> <FF>\nendcodespacerange\n\
         {} beginbfchar\n{cmap}endbfchar\n\
         endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n",
        entries.len()
    );
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.into_bytes()));
    if let Ok(Object::Dictionary(d)) = doc.get_object_mut(arabic) {
        d.remove(b"Encoding");
        d.set("ToUnicode", to_unicode);
    }
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => regular, "F2" => bold, "F3" => italic, "F4" => arabic },
    });
    let mut kids = Vec::new();
    for (k, runs) in pages.iter().enumerate() {
        let mut ops = Vec::new();
        for &(x, y, w, h) in rects.iter().filter(|_| k == 0) {
            let rect = [x, y, w, h].map(Object::Real).to_vec();
            ops.push(Operation::new("re", rect));
            ops.push(Operation::new("f", vec![]));
        }
        for r in runs {
            ops.push(Operation::new("BT", vec![]));
            let f = match (r.arabic, r.bold, r.italic) {
                (true, _, _) => "F4",
                (_, true, _) => "F2",
                (_, false, true) => "F3",
                _ => "F1",
            };
            ops.push(Operation::new("Tf", vec![f.into(), r.size.into()]));
            ops.push(Operation::new("Ts", vec![r.rise.into()]));
            ops.push(Operation::new("Td", vec![r.x.into(), r.y.into()]));
            ops.push(Operation::new(
                "Tj",
                vec![Object::string_literal(
                    r.text
                        .chars()
                        .map(|c| match ARABIC.iter().position(|a| *a == c) {
                            Some(k) if r.arabic => 0x80 + k as u8,
                            _ => c as u8,
                        })
                        .collect::<Vec<u8>>(),
                )],
            ));
            ops.push(Operation::new("ET", vec![]));
        }
        let content = Content { operations: ops }.encode().unwrap();
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        kids.push(
            doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => content_id,
            })
            .into(),
        );
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A two-page letter: masthead, title, two paragraphs (the second starts indented), a bold
/// heading, a paragraph with a raised call-out `1`, its note in 8-point type at the foot of the
/// page, a job number in the footer band, then a signature on page two.
fn letter() -> Vec<Vec<Run<'static>>> {
    let line = 12.0;
    let mut p1 = vec![
        run(60.0, 800.0, "United Nations"),
        run(420.0, 800.0, "S/2031/17"),
        run(60.0, 785.0, "Security Council"),
        run(420.0, 785.0, "Distr.: General"),
        run(420.0, 770.0, "9 January 2031"),
        run(420.0, 750.0, "Original: English"),
        run(
            100.0,
            700.0,
            "Letter dated 8 January 2031 from the Permanent Representative of Utopia",
        ),
        run(
            100.0,
            688.0,
            "to the United Nations addressed to the Secretary-General",
        ),
    ];
    let body = [
        (
            125.0,
            "I have the honour to write to you about the harbour of Atlantis and",
        ),
        (
            100.0,
            "the ships that wait there for the season of the northern winds to end.",
        ),
        (
            125.0,
            "The second paragraph starts with an indent like the first one did and",
        ),
        (
            100.0,
            "goes on for a second line that ends with a full stop.",
        ),
    ];
    let mut y = 650.0;
    for (x, t) in body {
        p1.push(run(x, y, t));
        y -= line;
    }
    y -= line;
    p1.push(Run {
        bold: true,
        ..run(100.0, y, "Measures taken in the harbour")
    });
    y -= 2.0 * line;
    let with_callout = "The harbour master closed the northern quay last week.";
    p1.push(run(125.0, y, with_callout));
    // 53 glyphs of 5 points: the call-out stands right after the full stop, raised and smaller.
    p1.push(Run {
        size: 6.0,
        rise: 3.5,
        ..run(125.0 + with_callout.len() as f32 * 5.0, y, "1")
    });
    p1.push(Run {
        size: 8.0,
        ..run(100.0, 120.0, "________________")
    });
    p1.push(Run {
        size: 5.0,
        rise: 3.0,
        ..run(100.0, 105.0, "1")
    });
    p1.push(Run {
        size: 8.0,
        ..run(
            104.0,
            105.0,
            "See the report of the harbour master, annex II.",
        )
    });
    p1.push(run(60.0, 40.0, "31-00017 (E)"));
    let p2 = vec![
        run(60.0, 800.0, "S/2031/17"),
        run(
            125.0,
            700.0,
            "I should be grateful if you would circulate this letter.",
        ),
        run(300.0, 660.0, "(Signed) Jane Doe"),
        run(300.0, 648.0, "Permanent Representative"),
    ];
    vec![p1, p2]
}

fn paragraphs(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { content, .. } => Some(
                content
                    .iter()
                    .map(|i| match i {
                        Inline::Text { text } => text.clone(),
                        Inline::FootnoteRef { marker } => format!("[^{marker}]"),
                        other => format!("{other:?}"),
                    })
                    .collect::<String>(),
            ),
            _ => None,
        })
        .collect()
}

#[test]
fn a_synthetic_letter_reads_with_its_measured_structure() {
    let bytes = write_pdf(&letter());
    let read = convert::read(&bytes, &Default::default()).unwrap();
    assert_eq!(read.format, unletters::Format::Pdf);
    let doc = read.document;
    assert_eq!(doc.symbols[0].to_string(), "S/2031/17");
    assert_eq!(doc.kind, unletters::model::Kind::Letter);
    assert_eq!(doc.job_number.as_deref(), Some("31-00017 (E)"));
    assert!(
        doc.title.starts_with("Letter dated 8 January 2031"),
        "{}",
        doc.title
    );
    let paras = paragraphs(&doc.body);
    // The indent starts the second paragraph; the page break does not start a third.
    assert!(paras[0].starts_with("I have the honour"), "{paras:?}");
    assert!(paras[1].starts_with("The second paragraph"), "{paras:?}");
    assert!(
        paras
            .iter()
            .any(|p| p.contains("last week.[^1]") || p.contains("last week. [^1]")),
        "the raised 1 is a call-out: {paras:?}"
    );
    assert_eq!(doc.footnotes.len(), 1, "{:?}", doc.footnotes);
    assert_eq!(doc.footnotes[0].marker, "1");
    assert!(
        paragraphs(&doc.footnotes[0].body)[0].starts_with("See the report"),
        "{:?}",
        doc.footnotes
    );
    assert!(
        doc.body.iter().any(|b| matches!(b, Block::Heading { .. })),
        "{:?}",
        doc.body
    );
    assert_eq!(doc.signatures[0].name, "Jane Doe");
    // The furniture of page two (its running symbol) is not text of the letter.
    assert!(!paras.iter().any(|p| p.contains("S/2031/17")), "{paras:?}");
}

/// A masthead title set large and `Distr.: General` in small type on its baseline, only a
/// word space apart (every glyph here is half an em wide): another column, not one line of text.
#[test]
fn type_of_another_size_on_the_baseline_is_another_column() {
    let mut title = run(60.0, 760.0, "Third Meeting of the");
    title.size = 20.0;
    // 20 glyphs of 10 pt at size 20 end at x = 260; the small type starts a word space later.
    let page = vec![title, run(266.0, 760.0, "Distr.: General")];
    let lines = unletters::pdf::lines_of(&write_pdf(&[page])).unwrap();
    let segments: Vec<&str> = lines[0].segments().into_iter().map(|(_, s)| s).collect();
    assert_eq!(
        segments,
        ["Third Meeting of the", "Distr.: General"],
        "{lines:?}"
    );
    // The same gap between type of one size is a word space.
    let page = vec![
        run(60.0, 760.0, "Third Meeting of the"),
        run(163.0, 760.0, "Distr."),
    ];
    let lines = unletters::pdf::lines_of(&write_pdf(&[page])).unwrap();
    assert_eq!(lines[0].text, "Third Meeting of the Distr.", "{lines:?}");
}

#[test]
fn measured_lines_carry_their_attributes() {
    let lines = unletters::pdf::lines_of(&write_pdf(&letter())).unwrap();
    let heading = lines
        .iter()
        .find(|l| l.text == "Measures taken in the harbour")
        .unwrap();
    let m = heading.measured.as_ref().unwrap();
    assert!(m.bold && !m.italic);
    assert_eq!(m.size, 1000);
    let callout = lines
        .iter()
        .find(|l| l.text.starts_with("The harbour master"))
        .unwrap();
    assert!(callout.text.ends_with("week.¹"), "{}", callout.text);
    let runs = &callout.measured.as_ref().unwrap().runs;
    assert!(runs.last().unwrap().superscript && !runs[0].superscript);
    let note = lines
        .iter()
        .find(|l| l.text.contains("See the report"))
        .unwrap();
    assert_eq!(
        note.measured.as_ref().unwrap().zone,
        unletters::pdf::Zone::Footnote
    );
    assert!(note.text.starts_with("1 See"), "{}", note.text);
    let indented = lines
        .iter()
        .find(|l| l.text.starts_with("The second paragraph"))
        .unwrap();
    let next = lines
        .iter()
        .find(|l| l.text.starts_with("goes on"))
        .unwrap();
    assert!(indented.indent >= next.indent + 3);
    assert_eq!((indented.page, lines.last().unwrap().page), (0, 1));
}

fn unletters(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_unletters"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs `convert FILE --to json` on bytes written to a file, and returns exit code and stderr.
fn convert_bytes(name: &str, bytes: &[u8]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = unletters(&["convert", path.to_str().unwrap(), "--to", "json"]);
    assert!(out.stdout.is_empty());
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_reads_a_pdf_and_refuses_to_write_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter.bin");
    std::fs::write(&path, write_pdf(&letter())).unwrap();
    let out = unletters(&["convert", path.to_str().unwrap(), "--to", "akn"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<akomaNtoso"));
    let out = unletters(&["convert", path.to_str().unwrap(), "--to", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    let out = unletters(&["validate", path.to_str().unwrap(), "--from", "pdf"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_page_without_text_is_a_scan() {
    let (code, err) = convert_bytes("scan.pdf", &write_pdf(&[Vec::new(), Vec::new()]));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("scan.pdf") && err.contains("scanned? no text to read"),
        "{err}"
    );
    assert!(err.contains("page 1"), "{err}");
}

#[test]
fn a_truncated_pdf_is_an_error_not_a_crash() {
    let bytes = write_pdf(&letter());
    for cut in [bytes.len() / 2, bytes.len() / 5, 12] {
        let (code, err) = convert_bytes("cut.pdf", &bytes[..cut]);
        assert_eq!(code, 1, "cut at {cut}: {err}");
        assert!(err.contains("cut.pdf"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn an_encrypted_pdf_says_so() {
    let bytes = write_pdf(&letter());
    let mut doc = Pdf::load_mem(&bytes).unwrap();
    let id = Object::string_literal(&b"0123456789abcdef"[..]);
    doc.trailer.set("ID", vec![id.clone(), id]);
    let version = lopdf::EncryptionVersion::V1 {
        document: &doc,
        owner_password: "owner",
        user_password: "secret",
        permissions: lopdf::Permissions::all(),
    };
    let state = lopdf::EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    let (code, err) = convert_bytes("locked.pdf", &out);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("encrypted"), "{err}");
}

#[test]
fn damaged_pdfs_never_panic() {
    let bytes = write_pdf(&letter());
    // Bytes flipped all over the file: every read ends in a document or an error.
    for step in [7usize, 13, 101] {
        let mut broken = bytes.clone();
        for i in (0..broken.len()).step_by(step) {
            broken[i] ^= 0x5a;
        }
        broken[..5].copy_from_slice(b"%PDF-");
        let _ = unletters::pdf::read(&broken, &Default::default());
    }
    let (code, err) = convert_bytes("junk.pdf", b"%PDF-1.4\nnothing else");
    assert_eq!(code, 1, "{err}");
}

fn corpus_pdfs() -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !root.join("pdf").is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "the corpus PDFs are missing at {}",
            root.display()
        );
        eprintln!("skipping: no corpus PDFs at {}", root.display());
        return None;
    }
    let mut files = Vec::new();
    for dir in ["pdf", "revisions-pdf"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "pdf") {
                files.push(path);
            }
        }
    }
    files.sort();
    Some(files)
}

/// Every footnote reference in blocks, nested ones included.
fn count_refs(value: &serde_json::Value) -> usize {
    match value {
        serde_json::Value::Object(map) => {
            usize::from(map.get("type").and_then(|t| t.as_str()) == Some("footnote_ref"))
                + map.values().map(count_refs).sum::<usize>()
        }
        serde_json::Value::Array(items) => items.iter().map(count_refs).sum(),
        _ => 0,
    }
}

fn count_notes(value: &serde_json::Value) -> usize {
    match value {
        serde_json::Value::Object(map) => {
            map.get("footnotes")
                .and_then(|f| f.as_array())
                .map_or(0, Vec::len)
                + map.values().map(count_notes).sum::<usize>()
        }
        serde_json::Value::Array(items) => items.iter().map(count_notes).sum(),
        _ => 0,
    }
}

#[test]
fn every_corpus_pdf_reads_to_valid_lossless_akn() {
    let Some(files) = corpus_pdfs() else { return };
    assert!(files.len() >= 163, "{} PDFs", files.len());
    let (mut refs, mut notes) = (0usize, 0usize);
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let read =
            convert::read(&bytes, &Default::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let doc = read.document;
        assert!(!doc.symbols.is_empty(), "{name}: no symbol");
        let xml = akn::write(&doc).unwrap_or_else(|e| panic!("{name}: {e}"));
        let options = unletters::validate::akn::Options::default();
        let (verdict, diags) = unletters::validate::akn::check(&name, &xml, &options);
        assert_eq!(
            verdict,
            unletters::validate::Verdict::Valid,
            "{name}: {:?}",
            diags.iter().map(|d| d.message.clone()).collect::<Vec<_>>()
        );
        let back = akn::read(&xml, &Default::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .document;
        assert_eq!(back, doc, "{name}: AKN round trip is lossy");
        let direct = json::write(&doc).unwrap();
        assert_eq!(
            json::write(&back).unwrap(),
            direct,
            "{name}: PDF -> AKN -> JSON differs from PDF -> JSON"
        );
        let value: serde_json::Value = serde_json::from_str(&direct).unwrap();
        refs += count_refs(&value);
        notes += count_notes(&value);
    }
    // Raised call-outs are measured: nearly every note has one (91% when this was written).
    assert!(notes > 300, "{notes} notes");
    assert!(
        refs * 100 >= notes * 88,
        "{refs} call-outs for {notes} notes"
    );
}

/// A call-out found as a raised glyph links its note, and no warning calls the note unlinked.
#[test]
fn a_superscript_call_out_is_not_reported_missing() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_unletters"))
        .args(["convert", "tests/fixtures/pdf/letter.pdf", "--to", "text"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("write.[^1]"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("has no call-out"), "{err}");
}

/// The masthead and title of [`letter`]'s first page, for letters of other bodies.
fn masthead() -> Vec<Run<'static>> {
    letter().swap_remove(0).into_iter().take(8).collect()
}

/// The second page of [`letter`]: a closing sentence and the signature.
fn closing() -> Vec<Run<'static>> {
    letter().swap_remove(1)
}

/// Runs of one line set side by side, each starting where the one before ends (every glyph of
/// the synthetic fonts is half an em wide).
fn line_of(x: f32, y: f32, parts: &[(&'static str, bool, bool)]) -> Vec<Run<'static>> {
    let mut at = x;
    parts
        .iter()
        .map(|&(text, bold, italic)| {
            let r = Run {
                bold,
                italic,
                ..run(at, y, text)
            };
            at += text.chars().count() as f32 * 5.0;
            r
        })
        .collect()
}

fn inline_text(content: &[Inline]) -> String {
    content
        .iter()
        .map(|i| match i {
            Inline::Text { text } => text.clone(),
            Inline::Emphasis { content } => format!("_{}_", inline_text(content)),
            Inline::Strong { content } => format!("*{}*", inline_text(content)),
            Inline::FootnoteRef { marker } => format!("[^{marker}]"),
            Inline::Symbol { text, .. } | Inline::Date { text, .. } | Inline::Link { text, .. } => {
                text.clone()
            }
        })
        .collect()
}

/// Italic and bold runs inside a paragraph are emphasis; a heading set in bold is a heading
/// with its section label, not strong text, and a bold line under it with a label of its own is
/// the next heading; `a.` items with a hanging indent are numbered
/// paragraphs whose lower-case second lines go on with them.
#[test]
fn measured_weight_and_slant_give_headings_emphasis_and_items() {
    let mut p1 = masthead();
    p1.push(run(
        125.0,
        650.0,
        "I have the honour to write about the harbour.",
    ));
    p1.push(Run {
        bold: true,
        ..run(100.0, 620.0, "II.   Measures taken in the harbour")
    });
    p1.push(Run {
        bold: true,
        ..run(100.0, 608.0, "A.   The northern quay")
    });
    p1.extend(line_of(
        125.0,
        596.0,
        &[
            ("The master applied ", false, false),
            ("the Law of the Sea", false, true),
            (" and the ", false, false),
            ("port rules", true, false),
            (" at once.", false, false),
        ],
    ));
    p1.push(run(
        100.0,
        572.0,
        "The measures taken in the harbour were the following:",
    ));
    p1.push(run(
        110.0,
        560.0,
        "a. The northern quay was closed to ships of every flag and",
    ));
    p1.push(run(124.0, 548.0, "size for the season."));
    p1.push(run(110.0, 536.0, "b. The southern quay stayed open."));
    p1.push(run(60.0, 40.0, "31-00017 (E)"));
    let doc = convert::read(&write_pdf(&[p1, closing()]), &Default::default())
        .unwrap()
        .document;
    let headings: Vec<String> = doc
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { content } => Some(inline_text(content)),
            _ => None,
        })
        .collect();
    // Two bold lines, the second opening with its own label: two headings, numbers kept.
    assert_eq!(
        headings,
        ["II. Measures taken in the harbour", "A. The northern quay"]
    );
    let paras: Vec<(Option<String>, String)> = doc
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { num, content } => {
                Some((num.as_ref().map(|n| n.text.clone()), inline_text(content)))
            }
            _ => None,
        })
        .collect();
    assert!(
        paras
            .iter()
            .any(|(_, t)| t
                == "The master applied _the Law of the Sea_ and the *port rules* at once."),
        "{paras:?}"
    );
    let items: Vec<&(Option<String>, String)> = paras.iter().filter(|(n, _)| n.is_some()).collect();
    assert_eq!(items.len(), 2, "{paras:?}");
    assert_eq!(items[0].0.as_deref(), Some("a."));
    assert!(items[0].1.ends_with("every flag and size for the season."));
    assert_eq!(items[1].0.as_deref(), Some("b."));
    assert!(
        !paras
            .iter()
            .any(|(n, t)| n.is_none() && t.starts_with(char::is_lowercase)),
        "{paras:?}"
    );
}

/// A bold line is no heading when it goes on with the line before in lower case (a word the
/// editor left in bold) or ends as an item or a salutation does, in a semicolon or a comma.
#[test]
fn a_bold_line_in_lower_case_or_ending_in_a_comma_is_no_heading() {
    let mut p1 = masthead();
    p1.push(run(125.0, 650.0, "The members of the Council agreed to:"));
    p1.push(run(
        110.0,
        638.0,
        "- Support further study of the effects of armed conflict on the natural",
    ));
    p1.push(Run {
        bold: true,
        ..run(118.0, 626.0, "environment;")
    });
    p1.push(run(
        110.0,
        614.0,
        "- Review the matter at their next meeting.",
    ));
    p1.push(Run {
        bold: true,
        ..run(125.0, 590.0, "Mr. Chair,")
    });
    p1.push(run(125.0, 578.0, "My delegation thanks the briefers."));
    p1.push(run(60.0, 40.0, "31-00017 (E)"));
    let doc = convert::read(&write_pdf(&[p1, closing()]), &Default::default())
        .unwrap()
        .document;
    assert!(
        !doc.body.iter().any(|b| matches!(b, Block::Heading { .. })),
        "{:#?}",
        doc.body
    );
    let texts: Vec<String> = doc
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { content, .. } => Some(inline_text(content)),
            _ => None,
        })
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.ends_with("on the natural *environment;*")),
        "{texts:#?}"
    );
}

/// A separator rule drawn (a thin filled rectangle) rather than printed as underscores bounds
/// the footnote zone: a note set in the body's size under it is a note, its wrapped second line
/// (no marker) included, and its italic run is emphasis.
#[test]
fn a_drawn_separator_rule_opens_the_footnote_zone() {
    let mut p1 = masthead();
    p1.push(run(
        125.0,
        650.0,
        "The harbour master closed the northern quay last week.",
    ));
    p1.push(Run {
        size: 6.0,
        rise: 3.5,
        ..run(125.0 + 54.0 * 5.0, 650.0, "1")
    });
    p1.extend(line_of(
        100.0,
        110.0,
        &[
            ("1 See the report of the ", false, false),
            ("Harbour Master", false, true),
            (",", false, false),
        ],
    ));
    p1.push(run(100.0, 98.0, "annex II."));
    p1.push(run(60.0, 40.0, "31-00017 (E)"));
    let pages = [p1, closing()];
    let drawn = convert::read(
        &write_pdf_drawn(&pages, &[(100.0, 124.0, 140.0, 0.6)]),
        &Default::default(),
    )
    .unwrap()
    .document;
    assert_eq!(drawn.footnotes.len(), 1, "{:?}", drawn.footnotes);
    assert_eq!(
        inline_text(match &drawn.footnotes[0].body[0] {
            Block::Paragraph { content, .. } => content,
            other => panic!("{other:?}"),
        }),
        "See the report of the _Harbour Master_, annex II.",
        "the note's italic run is its emphasis"
    );
    assert!(
        paragraphs(&drawn.body)
            .iter()
            .any(|p| p.contains("last week.[^1]")),
        "{:?}",
        paragraphs(&drawn.body)
    );
    let lines =
        unletters::pdf::lines_of(&write_pdf_drawn(&pages, &[(100.0, 124.0, 140.0, 0.6)])).unwrap();
    let wrapped = lines.iter().find(|l| l.text == "annex II.").unwrap();
    assert_eq!(
        wrapped.measured.as_ref().unwrap().zone,
        unletters::pdf::Zone::Footnote
    );
    // Without the rule, notes in the body's size are text of the letter.
    let plain = convert::read(&write_pdf(&pages), &Default::default())
        .unwrap()
        .document;
    assert!(plain.footnotes.is_empty(), "{:?}", plain.footnotes);
}

/// A table's row whose cells wrap onto a second line (words under two cells, none in the first
/// column) is one row, its cells' text joined; a row of its own starts at the next label.
#[test]
fn wrapped_cells_of_a_measured_table_stay_in_their_row() {
    let mut p1 = masthead();
    p1.push(run(
        125.0,
        650.0,
        "The following incidents were recorded during the week:",
    ));
    let rows: [(f32, [&'static str; 3]); 5] = [
        (630.0, ["No.", "Object", "Result"]),
        (618.0, ["1.", "a power line of", "damage to a"]),
        (606.0, ["", "the regional grid", "substation"]),
        (594.0, ["2.", "a gas station", "no damage"]),
        (582.0, ["3.", "a bridge", "closed"]),
    ];
    for (y, cells) in rows {
        for (x, t) in [100.0, 160.0, 320.0].into_iter().zip(cells) {
            if !t.is_empty() {
                p1.push(run(x, y, t));
            }
        }
    }
    p1.push(run(
        125.0,
        558.0,
        "The authorities are looking into each of these incidents.",
    ));
    p1.push(run(60.0, 40.0, "31-00017 (E)"));
    let doc = convert::read(&write_pdf(&[p1, closing()]), &Default::default())
        .unwrap()
        .document;
    let table: Vec<Vec<String>> = doc
        .body
        .iter()
        .find_map(|b| match b {
            Block::Table { rows } => Some(
                rows.iter()
                    .map(|r| r.cells.iter().map(|c| inline_text(&c.content)).collect())
                    .collect(),
            ),
            _ => None,
        })
        .expect("a table");
    assert_eq!(table.len(), 4, "{table:?}");
    assert_eq!(
        table[1],
        [
            "1.",
            "a power line of the regional grid",
            "damage to a substation"
        ]
    );
    assert_eq!(table[2], ["2.", "a gas station", "no damage"]);
}

/// Arabic painted glyph by glyph from the left, as a PDF holds it, reads in writing order: a
/// line of Arabic from its right end with its number left to right, and an Arabic word inside an
/// English line turned alone.
#[test]
fn right_to_left_text_reads_in_writing_order() {
    let mut pages = letter();
    let painted = |logical: &str| logical.chars().rev().collect::<String>();
    // `سلام عليكم في 2031` (peace be upon you in 2031) as printed: the number at the left end
    // reads left to right, the words from the right end.
    let line = format!("2031 {}", painted("سلام عليكم في"));
    let greeting: &'static str = Box::leak(line.into_boxed_str());
    let word: &'static str = Box::leak(painted("سلام").into_boxed_str());
    let p2 = &mut pages[1];
    p2.insert(
        2,
        Run {
            arabic: true,
            ..run(125.0, 680.0, greeting)
        },
    );
    p2.insert(3, run(125.0, 668.0, "The word"));
    p2.insert(
        4,
        Run {
            arabic: true,
            ..run(170.0, 668.0, word)
        },
    );
    p2.insert(5, run(195.0, 668.0, "means peace."));
    let bytes = write_pdf(&pages);
    let doc = convert::read(&bytes, &Default::default()).unwrap().document;
    let text = json::write(&doc).unwrap();
    assert!(text.contains("سلام عليكم في 2031"), "{text}");
    assert!(text.contains("The word سلام means peace."), "{text}");
}

/// The operations of a content stream as `unletters::pdf::content` reads them, and as
/// `lopdf`'s decoder does (the path it replaced), in one comparable form: operator, operand
/// kinds (numbers by their bits) and the bytes of strings and names.
fn operations_both_ways(data: &[u8]) -> (Option<Vec<String>>, Option<Vec<String>>) {
    use unletters::pdf::content::{Operand, Operands, Tokenizer};
    fn show(operator: &[u8], ops: &Operands) -> String {
        let one = |o: &Operand| match o {
            Operand::Number(v) => format!("n{:x}", v.to_bits()),
            Operand::Str(..) => format!("s{:?}", ops.str_bytes(*o)),
            Operand::Name(..) => "name".into(),
            Operand::Array(..) => "array".into(),
            Operand::Other => "other".into(),
        };
        let mut out = String::from_utf8_lossy(operator).into_owned();
        for (i, o) in ops.list.iter().enumerate() {
            out.push_str(&format!(" {} {:?}", one(o), ops.name(i)));
            for item in ops.array(i) {
                out.push_str(&format!(" [{}]", one(item)));
            }
        }
        out
    }
    let mut ours = Vec::new();
    let mut tokens = Tokenizer::new(data);
    let mut ops = Operands::default();
    let ours = loop {
        match tokens.next_operation(&mut ops) {
            Ok(Some(op)) => ours.push(show(op, &ops)),
            Ok(None) => break Some(ours),
            Err(_) => break None,
        }
    };
    let theirs = Content::decode(data).ok().map(|c| {
        c.operations
            .iter()
            .map(|op| {
                ops.load(&op.operands);
                show(op.operator.as_bytes(), &ops)
            })
            .collect()
    });
    (ours, theirs)
}

#[test]
fn the_content_tokenizer_reads_every_corpus_stream_as_lopdf_decodes_it() {
    let Some(files) = corpus_pdfs() else { return };
    let mut streams = 0;
    for path in &files {
        let doc = Pdf::load(path).unwrap();
        let contents: std::collections::HashSet<_> = doc
            .page_iter()
            .flat_map(|p| doc.get_page_contents(p))
            .collect();
        for (id, object) in &doc.objects {
            let Object::Stream(stream) = object else {
                continue;
            };
            // Page contents and forms: every stream that is not an image, a font or a map.
            let data = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            if memchr::memmem::find(&data, b"BI").is_some() {
                continue;
            }
            let is_content = contents.contains(id)
                || stream.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form");
            if !is_content {
                continue;
            }
            streams += 1;
            let (ours, theirs) = operations_both_ways(&data);
            assert!(ours == theirs, "{}: stream {id:?}", path.display());
        }
    }
    assert!(streams > 1000, "only {streams} content streams compared");
}

/// Each corpus PDF and `-layout` text beside the same letter read from its default extracted
/// text: the names of the letters whose `part` reads otherwise, with the readings.
fn parts_apart_from_text(part: fn(&unletters::model::Document) -> String) -> Vec<String> {
    let Some(files) = corpus_pdfs() else {
        return Vec::new();
    };
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let read = |stem: &str, bytes: &[u8]| {
        convert::read(bytes, &Default::default())
            .unwrap_or_else(|e| panic!("{stem}: {e}"))
            .document
    };
    let mut compared = 0;
    let mut apart = Vec::new();
    for path in files
        .iter()
        .filter(|p| p.parent().is_some_and(|d| d.ends_with("pdf")))
    {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text_of =
            |dir: &str| std::fs::read(corpus.join(dir).join(format!("{stem}.txt"))).unwrap();
        let t = part(&read(&stem, &text_of("letters")));
        let p = part(&read(&stem, &std::fs::read(path).unwrap()));
        let l = part(&read(&stem, &text_of("letters-layout")));
        if t != p || t != l {
            apart.push(format!(
                "{stem}:\n  text    {t}\n  pdf     {p}\n  -layout {l}"
            ));
        }
        compared += 1;
    }
    assert_eq!(compared, 163);
    apart
}

/// The masthead and title are printed the same whatever reads them: every corpus PDF and
/// `-layout` text gives the symbols, organs, dates, sessions with their agenda items and titles,
/// kind, title and its parties that its default extracted text gives (a PDF sets agenda titles
/// apart by small gaps, which once ended the agenda after its first title and made the rest
/// title headings; a text may print the other organ's block among them).
#[test]
fn every_corpus_pdf_reads_the_masthead_its_text_does() {
    let apart = parts_apart_from_text(|d| {
        format!(
            "{:?}",
            (
                &d.symbols,
                &d.organs,
                &d.distribution,
                &d.date,
                &d.original_language,
                &d.sessions,
                &d.job_number,
                &d.kind,
                &d.title_headings,
                &d.title,
                (&d.letter_date, &d.sender, &d.addressees),
            )
        )
    });
    assert!(apart.is_empty(), "{}", apart.join("\n"));
}

/// Signatures, footnotes (by marker, where they are kept) and the attachments' tree (kind,
/// heading, signatures) read the same from every corpus PDF and `-layout` text as from its
/// default extracted text.
/// Attachment titles are left out: A/79/722's sentence-case annex title is a title from the
/// PDF's type and a heading from text.
#[test]
fn every_corpus_pdf_reads_the_notes_signatures_and_attachments_its_text_does() {
    fn tree(annexes: &[unletters::model::Annex], depth: usize, out: &mut String) {
        for a in annexes {
            let notes: Vec<&str> = a.footnotes.iter().map(|n| n.marker.as_str()).collect();
            let signatures: Vec<String> = a
                .signatures
                .iter()
                .map(|s| format!("{} / {}", s.name, s.titles.join(" ")))
                .collect();
            out.push_str(&format!(
                "\n{:depth$}{:?} {:?} {signatures:?} notes {notes:?}",
                "", a.kind, a.heading
            ));
            tree(&a.annexes, depth + 2, out);
        }
    }
    let apart = parts_apart_from_text(|d| {
        let notes: Vec<&str> = d.footnotes.iter().map(|n| n.marker.as_str()).collect();
        let signatures: Vec<String> = d
            .signatures
            .iter()
            .map(|s| format!("{} / {}", s.name, s.titles.join(" ")))
            .collect();
        let mut out = format!("{signatures:?} notes {notes:?}");
        tree(&d.annexes, 2, &mut out);
        // Extraction drops the hyphen of a compound cut at a line's end that it joins to the
        // next line (`Secretary-` / `General` -> `SecretaryGeneral`): hyphens and spaces are
        // no part of the comparison.
        out.retain(|c| c != '-' && !c.is_whitespace());
        out
    });
    assert!(apart.is_empty(), "{}", apart.join("\n"));
}
