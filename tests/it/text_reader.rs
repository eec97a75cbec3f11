//! The extracted-text reader on synthetic letters of our own (one per extraction form, each
//! carrying the artefacts the reader must handle), on bad input, and on the real corpus.

use std::path::{Path, PathBuf};

use unletters::model::{AnnexKind, Block, Document, Inline, Kind};
use unletters::text::extracted;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/text")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(name: &str) -> Document {
    extracted::read(&fixture(name)).expect("fixture reads").0
}

/// A fixture kept in `tests/fixtures/`, out of the folder of text fixtures the batch and HTML
/// tests convert whole.
fn read_beside(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    extracted::read(&text).expect("fixture reads").0
}

/// All running text of a block, inline kinds flattened.
fn text_of(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text { text }
            | Inline::Symbol { text, .. }
            | Inline::Date { text, .. }
            | Inline::Link { text, .. } => text.clone(),
            Inline::FootnoteRef { marker } => format!("[^{marker}]"),
            Inline::Emphasis { content } | Inline::Strong { content } => text_of(content),
        })
        .collect()
}

fn paragraphs(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { num, content } => Some(match num {
                Some(n) => format!("{} {}", n.text, text_of(content)),
                None => text_of(content),
            }),
            _ => None,
        })
        .collect()
}

#[test]
fn default_mode_masthead_in_any_order() {
    let d = read("default_joint.txt");
    let symbols: Vec<String> = d.symbols.iter().map(ToString::to_string).collect();
    assert_eq!(symbols, ["A/99/101", "S/2099/202"]);
    assert_eq!(d.organs, ["General Assembly", "Security Council"]);
    assert_eq!(d.distribution.as_deref(), Some("General"));
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2099-03-14"));
    assert_eq!(d.original_language.as_deref(), Some("English"));
    assert_eq!(d.sessions.len(), 2);
    assert_eq!(d.sessions[0].name, "Ninety-ninth session");
    assert_eq!(d.sessions[1].organ, "Security Council");
    let items = &d.sessions[0].agenda_items;
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].number, "12 (b)");
    // The first title wraps over two lines; the count of numbers says there are two titles.
    assert_eq!(
        items[0].title,
        "Strengthening of the coordination of humanitarian assistance in small island regions"
    );
    assert_eq!(items[1].title, "Questions relating to ocean governance");
    assert_eq!(d.job_number.as_deref(), Some("99-01234 (E)"));
}

#[test]
fn wrapped_title_running_into_the_body() {
    let d = read("default_joint.txt");
    assert_eq!(d.kind, Kind::Letter);
    assert_eq!(
        d.title,
        "Letter dated 12 March 2099 from the Permanent Representative of Freedonia to the United Nations addressed to the Secretary-General and the President of the Security Council"
    );
    assert_eq!(
        d.letter_date.map(|x| x.to_string()).as_deref(),
        Some("2099-03-12")
    );
    assert_eq!(
        d.sender.as_deref(),
        Some("the Permanent Representative of Freedonia to the United Nations")
    );
    assert_eq!(
        d.addressees,
        ["Secretary-General", "President of the Security Council"]
    );
}

#[test]
fn paragraphs_recovered_and_furniture_removed() {
    let d = read("default_joint.txt");
    let p = paragraphs(&d.body);
    assert!(p[0].starts_with("I have the honour"), "{p:?}");
    assert!(
        p[0].contains("(see annex).[^*] The Government of Freedonia"),
        "{p:?}"
    );
    assert!(p[1].starts_with("Freedonia requests"));
    assert_eq!(p[2], "(a) Convene an open briefing on the situation;");
    assert_eq!(p[3], "(b) Request a report within 60 days.");
    // The sentence interrupted by the page break, the furniture and the running header joins up.
    assert!(
        p[4].contains("memorandum of understanding of 2097"),
        "{:?}",
        p[4]
    );
    let all = p.join(" ");
    for furniture in ["99-01234", "150399", "*9901234*", "2/3", "S/2099/202"] {
        assert!(!all.contains(furniture), "{furniture} left in {all}");
    }
    assert!(
        p.last()
            .is_some_and(|l| l.starts_with("I should be grateful"))
    );
}

#[test]
fn safe_repairs_only() {
    let d = read("default_joint.txt");
    let p = paragraphs(&d.body).join(" ");
    assert!(
        p.contains("Secretary-General (A/98/555) and Sylvania’s commitments"),
        "{p}"
    );
}

#[test]
fn inline_symbols_dates_links_and_footnote_callouts() {
    let d = read("default_joint.txt");
    let inlines: Vec<&Inline> = d
        .body
        .iter()
        .flat_map(|b| match b {
            Block::Paragraph { content, .. } => content.iter().collect::<Vec<_>>(),
            _ => Vec::new(),
        })
        .collect();
    assert!(
        inlines
            .iter()
            .any(|i| matches!(i, Inline::Symbol { symbol, .. } if symbol.as_str() == "A/98/555"))
    );
    assert!(
        inlines
            .iter()
            .any(|i| matches!(i, Inline::Date { text, .. } if text == "2 February 2098"))
    );
    assert!(
        inlines
            .iter()
            .any(|i| matches!(i, Inline::FootnoteRef { marker } if marker == "1"))
    );
    let markers: Vec<&str> = d.footnotes.iter().map(|f| f.marker.as_str()).collect();
    assert_eq!(markers, ["*", "1"]);
    let note = match d.footnotes[1].body.first() {
        Some(Block::Paragraph { content, .. }) => content.clone(),
        other => panic!("{other:?}"),
    };
    assert!(note.iter().any(
        |i| matches!(i, Inline::Link { href, .. } if href == "https://www.example.org/patrols")
    ));
}

#[test]
fn headings_and_tables_are_kept() {
    let d = read("default_joint.txt");
    assert!(d.body.iter().any(
        |b| matches!(b, Block::Heading { content } if text_of(content) == "Available information")
    ));
    let rows = d
        .body
        .iter()
        .find_map(|b| match b {
            Block::Table { rows } => Some(rows),
            _ => None,
        })
        .expect("a table");
    let cells: Vec<String> = rows
        .iter()
        .flat_map(|r| r.cells.iter().map(|c| text_of(&c.content)))
        .collect();
    // The caption is a heading; the rows have the three columns the header names.
    assert!(
        d.body
            .iter()
            .any(|b| matches!(b, Block::Heading { content } if text_of(content) == "Table 1"))
    );
    assert_eq!(cells.first().map(String::as_str), Some("Quarter"));
    assert!(rows.iter().take(4).all(|r| r.cells.len() == 3), "{rows:#?}");
    assert!(
        cells
            .iter()
            .any(|c| c == "Note: The fourth quarter has not ended.")
    );
    assert!(cells.iter().any(|c| c == "Held"));
}

#[test]
fn signatures_annexes_and_enclosures() {
    let d = read("default_joint.txt");
    assert_eq!(d.signatures.len(), 1);
    assert_eq!(d.signatures[0].name, "Anna Example");
    assert_eq!(
        d.signatures[0].titles,
        ["Ambassador", "Permanent Representative"]
    );
    assert_eq!(d.annexes.len(), 1);
    let annex = &d.annexes[0];
    assert_eq!(annex.kind, AnnexKind::Annex);
    assert!(
        annex
            .heading
            .starts_with("Annex to the letter dated 12 March 2099")
    );
    assert!(
        annex
            .heading
            .ends_with("the President of the Security Council")
    );
    assert_eq!(
        annex.title.as_deref(),
        Some(
            "Letter dated 10 March 2099 from the Minister for Foreign Affairs of Freedonia addressed to the Secretary-General"
        )
    );
    let p = paragraphs(&annex.body);
    // A label printed alone on its line still numbers the paragraph.
    assert_eq!(
        p,
        [
            "1. The Ministry expresses its concern at the events described in the covering letter.",
            "2. The Ministry stands ready to cooperate with the United Nations."
        ]
    );
    assert_eq!(annex.signatures[0].name, "Boris Sample");
    assert_eq!(annex.annexes.len(), 1);
    assert_eq!(annex.annexes[0].kind, AnnexKind::Enclosure);
    assert_eq!(paragraphs(&annex.annexes[0].body).len(), 1);
}

#[test]
fn entries_after_a_colon_and_a_caption_above_a_photograph() {
    let d = read("appointments.txt");
    // Each name is an entry of its own (one wraps), none a heading, and the paragraphs around
    // them part where their lines end short: the short letter's full lines are measured past
    // its many short ones.
    assert!(d.body.iter().all(|b| matches!(b, Block::Paragraph { .. })));
    let p = paragraphs(&d.body);
    assert_eq!(p.len(), 8, "{p:#?}");
    assert!(p[0].ends_with("until 31 March 2100."));
    assert!(p[1].starts_with("Accordingly,") && p[1].ends_with("the following experts:"));
    assert_eq!(
        p[2..6],
        [
            "Ms. Amara Okonkwo-Lindqvist, finance (Sweden)",
            "Mr. Tomas Ferreira, regional issues (Portugal)",
            "Ms. Ileana Castellanos Ruiz de Alarcón, international humanitarian law (Costa Rica)",
            "Mr. Hiroshi Tanabe, arms (Japan)",
        ]
    );
    // A caption alone above a page with nothing but a photograph is a heading; the text on
    // the page after it is a paragraph of its own.
    let annex = &d.annexes[0];
    assert!(matches!(
        annex.body.first(),
        Some(Block::Heading { content })
            if text_of(content) == "Damage to the harbour of the city of Portoverde (28 March 2099)"
    ));
    assert_eq!(
        paragraphs(&annex.body),
        ["Additional photographs are on file with the Secretariat and available for consultation."]
    );
}

/// Every heading and paragraph text of a body, annexes included.
fn all_block_texts(blocks: &[Block], annexes: &[unletters::model::Annex]) -> Vec<String> {
    let mut out: Vec<String> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { content, .. } | Block::Heading { content } => Some(text_of(content)),
            _ => None,
        })
        .collect();
    for a in annexes {
        out.extend(all_block_texts(&a.body, &a.annexes));
    }
    out
}

#[test]
fn long_title_and_a_transmitted_letter_after_the_signature() {
    let d = read("transmittal.txt");
    // Seven lines of title: the addressee on the last line is kept.
    assert!(
        d.title
            .ends_with("entities addressed to the President of the Security Council"),
        "{}",
        d.title
    );
    assert_eq!(d.addressees, ["President of the Security Council"]);
    assert_eq!(d.signatures.len(), 1);
    assert_eq!(d.signatures[0].name, "Ana Placeholder");
    // The signatory's titles stop where the transmitted letter starts.
    assert_eq!(
        d.signatures[0].titles.len(),
        3,
        "{:?}",
        d.signatures[0].titles
    );
    assert_eq!(paragraphs(&d.body).len(), 2);
    // The transmitted letter has no heading of its own; the contents entry `Annex` is no annex.
    assert_eq!(d.annexes.len(), 2, "{:#?}", d.annexes);
    let letter = &d.annexes[0];
    assert_eq!(letter.heading, "");
    assert!(
        letter
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Letter dated 30 January 2099 from the Panel"))
    );
    assert_eq!(letter.signatures.len(), 1);
    assert_eq!(letter.signatures[0].name, "Bo Sample");
    assert_eq!(
        letter.signatures[0].titles,
        ["Coordinator", "Panel of Experts"]
    );
    assert_eq!(d.annexes[1].heading, "Annex");
    let texts = all_block_texts(&d.body, &d.annexes);
    assert!(texts.iter().all(|t| !t.contains("(Signed)")), "{texts:#?}");
    assert!(texts.iter().any(|t| t.contains("Highland Front")));
}

#[test]
fn a_report_after_the_signature_is_an_attachment_holding_its_own_annexes() {
    // Kept beside `sample-letter.txt`, out of the folder the batch tests convert whole.
    let d = read_beside("transmitted-report.txt");
    // The signature stays with the covering letter, whose body ends before it.
    assert_eq!(d.signatures.len(), 1);
    assert_eq!(d.signatures[0].name, "Ana Placeholder");
    assert_eq!(paragraphs(&d.body).len(), 2, "{:#?}", d.body);
    // The report, printed on the next page under its own title with no `Annex` heading, is an
    // attachment with an empty heading; its `Annex I` is inside it.
    assert_eq!(d.annexes.len(), 1, "{:#?}", d.annexes);
    let report = &d.annexes[0];
    assert_eq!(report.heading, "");
    assert_eq!(
        report.title.as_deref(),
        Some(
            "Third report of the Office on the implementation of Security Council resolution 9999 (2098)"
        )
    );
    assert!(report.signatures.is_empty());
    assert_eq!(paragraphs(&report.body).len(), 2, "{:#?}", report.body);
    assert_eq!(report.annexes.len(), 1, "{:#?}", report.annexes);
    assert_eq!(report.annexes[0].heading, "Annex I");
}

#[test]
fn captions_of_photographs_stand_apart_from_the_notes_under_them() {
    let d = read_beside("photo-annex.txt");
    let annex = &d.annexes[0];
    let kinds: Vec<(bool, String)> = annex
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { content } => Some((true, text_of(content))),
            Block::Paragraph { num, content } => Some((
                false,
                num.as_ref().map_or_else(
                    || text_of(content),
                    |n| format!("{} {}", n.text, text_of(content)),
                ),
            )),
            _ => None,
        })
        .collect();
    let heading = |t: &str| (true, t.to_string());
    let paragraph = |t: &str| (false, t.to_string());
    assert_eq!(
        kinds[..4],
        [
            // A caption wider than the measure of the links below it, with space under it; the
            // note under the photograph, past the page counter and running header printed
            // between them with blank lines on both sides, is a paragraph of its own.
            heading(
                "Consequences of the attack on civilians and civilian infrastructure in the \
                 harbour city of Portoverde (4 June 2099)"
            ),
            paragraph(
                "An additional photograph is on file with the Secretariat and available for \
                 consultation."
            ),
            // A caption alone on its page.
            heading(
                "Consequences of the attack on civilians in the city of Northgate (4 June 2099)"
            ),
            paragraph("Additional photographs and videos are available at the following links:"),
        ],
        "{kinds:#?}"
    );
}

#[test]
fn a_long_heading_above_a_numbered_paragraph_and_a_note_wrapped_in_brackets() {
    let d = read_beside("monthly-report.txt");
    let annex = &d.annexes[0];
    let headings: Vec<String> = annex
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { content } => Some(text_of(content)),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            // The original-language note wrapped over two lines is one note.
            "[Original: Arabic, Chinese, English, French, Russian and Spanish]",
            // A stack of short lines above a section label is headings, not a table's cells.
            "Military Staff Committee mission to the Northern Coast",
            "Terms of reference",
            "I. Introduction",
            // Three lines without a full stop before paragraph 2: one heading of 34 words.
            "Activities carried out by the Technical Secretariat with respect to decision \
             CS-4/DEC.3 of the Conference of the States Parties at its Fourth Special Session \
             related to the safety of navigation along the Northern Coast",
            // A section label opens a heading however long its line.
            "II. Observations of the Director General on the conduct of the inspections in the \
             period",
            // Lines in capitals, one after another, are one heading.
            "JOINT STATEMENT OF THE COORDINATORS OF THE GROUP OF FRIENDS OF THE NORTHERN COAST \
             ON THE 80 th ANNIVERSARY OF THE CONVENTION",
        ]
    );
    let p = paragraphs(&annex.body);
    assert_eq!(p.len(), 5, "{p:#?}");
    assert!(p[1].starts_with("2. Pursuant to paragraph 10"));
}

#[test]
fn rules_are_dropped_and_a_glued_separator_starts_the_footnotes() {
    let d = read("rules.txt");
    let p = paragraphs(&d.body);
    assert_eq!(p.len(), 3, "{p:#?}");
    assert!(
        p.iter().all(|t| !t.contains("__") && !t.contains("--")),
        "{p:#?}"
    );
    // The separator glued to the page's last line is cut off it, the footnote below it is read,
    // and the sentence goes on across the page break.
    assert!(
        p[1].ends_with("the new terminal, which can serve cross border traffic as well."),
        "{}",
        p[1]
    );
    assert_eq!(d.footnotes.len(), 1);
    assert_eq!(d.footnotes[0].marker, "1");
    assert!(p[0].ends_with("in Port Ellis.[^1]"), "{}", p[0]);
    assert_eq!(d.signatures[0].name, "Anna Example");
}

#[test]
fn agenda_titles_after_the_other_organs_block() {
    // The sample of the README: the Security Council block stands between the agenda line and
    // the item titles, as in most joint letters of the corpus.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sample-letter.txt");
    let text = std::fs::read_to_string(path).expect("sample");
    let d = extracted::read(&text).expect("reads").0;
    assert!(d.title_headings.is_empty(), "{:?}", d.title_headings);
    let titles: Vec<&str> = d.sessions[0]
        .agenda_items
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Protracted conflicts in the Marren river basin",
            "Promotion and protection of human rights"
        ]
    );
    assert_eq!(d.sessions[1].name, "Eightieth year");
    assert!(d.sessions[1].agenda_items.is_empty());
}

#[test]
fn an_annex_statement_keeps_its_title_and_closing_dateline_apart() {
    // The sample's annex: a statement whose title is no letter title, and whose last line, a
    // place and date, follows a full line of text.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sample-letter.txt");
    let text = std::fs::read_to_string(path).expect("sample");
    let d = extracted::read(&text).expect("reads").0;
    let annex = &d.annexes[0];
    assert_eq!(
        annex.title.as_deref(),
        Some("Statement of the Ministry of Foreign Affairs of the Republic of Estelia")
    );
    let paras = paragraphs(&annex.body);
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(
        paras[0].starts_with("The Ministry of Foreign Affairs"),
        "{}",
        paras[0]
    );
    assert!(
        paras[2].ends_with("the whole basin depends."),
        "{}",
        paras[2]
    );
    assert_eq!(paras[3], "Lisk, 9 October 2025");
}

#[test]
fn agenda_numbers_and_titles_that_wrap() {
    let d = read("agenda_wrapped.txt");
    assert!(d.title_headings.is_empty(), "{:?}", d.title_headings);
    let s = &d.sessions[0];
    assert_eq!(
        s.agenda_label.as_deref(),
        Some("Agenda items 12, 14, 18, 22 (b), 30, 34, 35 and 41")
    );
    let got: Vec<(&str, &str)> = s
        .agenda_items
        .iter()
        .map(|i| (i.number.as_str(), i.title.as_str()))
        .collect();
    // Titles wrap before a capital (`Marine` / `Resources`, `Great Northern` / `War`): the count
    // of numbers says how many titles there are.
    assert_eq!(
        got,
        [
            ("12", "Culture of peace"),
            ("14", "Questions relating to ocean governance"),
            (
                "18",
                "Freedonian Commission for the Protection of Coastal and Marine Resources in the Northern Sea"
            ),
            (
                "22 (b)",
                "Eradication of poverty and other development issues: industrial development cooperation"
            ),
            ("30", "The situation in the northern highlands of Freedonia"),
            ("34", "Promotion and protection of human rights"),
            (
                "35",
                "Strengthening of the coordination of humanitarian and disaster relief assistance of the United Nations"
            ),
            (
                "41",
                "Ninetieth anniversary of the end of the Great Northern War"
            ),
        ]
    );
    assert!(s.agenda_items.iter().all(|i| i.subheadings.is_empty()));
}

#[test]
fn layout_note_verbale_with_side_by_side_signatures() {
    let d = read("layout_note.txt");
    assert_eq!(d.kind, Kind::NoteVerbale);
    assert_eq!(d.symbols.len(), 1);
    assert_eq!(d.organs, ["Security Council"]);
    assert_eq!(d.original_language.as_deref(), Some("French"));
    assert_eq!(d.job_number.as_deref(), Some("99-07777 (E)"));
    assert!(d.signatures.is_empty(), "notes verbales are unsigned");
    let p = paragraphs(&d.body);
    assert_eq!(p.len(), 2, "{p:?}");
    assert_eq!(d.annexes.len(), 2);
    assert_eq!(d.annexes[0].heading, "Annex I");
    assert_eq!(d.annexes[1].heading, "Annex II");
    assert_eq!(paragraphs(&d.annexes[0].body).len(), 2);
    let names: Vec<&str> = d.annexes[0]
        .signatures
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["Carla Mock", "Dan Trial"]);
    assert_eq!(
        d.annexes[0].signatures[1].titles,
        ["Minister of the Interior"]
    );
}

#[test]
fn word_markdown_with_glued_masthead_and_superscripts() {
    let d = read("word.txt");
    assert!(d.symbols.is_empty());
    assert_eq!(d.organs, ["General Assembly", "Security Council"]);
    assert_eq!(d.distribution.as_deref(), Some("General"));
    assert_eq!(d.sessions.len(), 2);
    assert_eq!(
        d.sessions[0].agenda_items[0].title,
        "Question of the northern islands"
    );
    assert_eq!(d.sessions[1].name, "Ninety-fourth year");
    assert!(d.title.starts_with("Letter dated 3 April 2099"));
    let p = paragraphs(&d.body);
    assert_eq!(p.len(), 2, "{p:?}");
    // The footnote splits the paragraph; it joins up, with the call-out in place.
    assert!(p[0].contains("sources,[^1] and to ask"), "{}", p[0]);
    assert!(p[0].ends_with("content concerns all Member States."));
    assert_eq!(d.footnotes.len(), 1);
    assert_eq!(d.signatures[0].name, "Anna Example");
}

#[test]
fn missing_symbol_warns_and_can_be_supplied() {
    let bytes = fixture("word.txt");
    let r = unletters::convert::read(bytes.as_bytes(), &Default::default()).expect("reads");
    assert!(r.warnings.iter().any(|w| w.message.contains("--symbol")));
    let opts = unletters::convert::ReadOptions {
        symbols: vec![unletters::Symbol::parse("A/99/5").expect("symbol")],
        ..Default::default()
    };
    let r = unletters::convert::read(bytes.as_bytes(), &opts).expect("reads");
    assert_eq!(r.document.symbols[0].as_str(), "A/99/5");
}

#[test]
fn text_that_is_not_a_letter_is_an_error() {
    // No masthead, no letter title, no signature: nothing of a UN letter.
    let err = extracted::read(&fixture("not_a_letter.txt")).expect_err("not a letter");
    assert!(err.is_invalid_input(), "{err}");
    let msg = err.to_string();
    assert!(msg.starts_with("1:1: not a letter: no masthead"), "{msg}");
    assert!(
        msg.contains("no title") && msg.contains("no signature"),
        "{msg}"
    );
    // A masthead cut short before any title or text: named at its last line.
    let cut = "S/2099/71\n\nUnited Nations\n\nSecurity Council\n\nDistr.: General\n5 Febr";
    let msg = extracted::read(cut).expect_err("cut short").to_string();
    assert!(
        msg.starts_with("8:1: not a letter: a masthead but no title"),
        "{msg}"
    );
}

#[test]
fn a_report_under_a_masthead_is_read_as_another_kind_with_a_warning() {
    let (d, warnings) = extracted::read(&fixture("report.txt")).expect("reads");
    assert_eq!(d.kind, Kind::Other);
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("no letter title"))
    );
    assert_eq!(d.symbols[0].as_str(), "E/2099/15");
    assert_eq!(d.organs, ["Economic and Social Council"]);
    assert_eq!(d.sessions[0].name, "2099 session");
    let words: usize = all_block_texts(&d.body, &d.annexes)
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum::<usize>()
        + d.title.split_whitespace().count()
        + d.title_headings
            .iter()
            .map(|h| h.split_whitespace().count())
            .sum::<usize>();
    assert_eq!(words, 6 + 4 + 1 + 24 + 11, "no word lost: {d:#?}");
}

#[test]
fn empty_input_is_an_error() {
    for (input, at) in [("", "1:1"), ("\n\n  \n", "4:1"), ("\u{c}\u{c}", "1:3")] {
        let err = extracted::read(input).expect_err("empty input");
        assert!(err.is_invalid_input(), "{err}");
        let msg = err.to_string();
        assert!(
            msg.starts_with(&format!("{at}: the input is empty")),
            "{msg}"
        );
    }
}

#[test]
fn binary_input_is_an_error_with_its_position() {
    let err = extracted::read("Letter\nab\0cd").expect_err("binary");
    assert!(err.to_string().starts_with("2:3: "), "{err}");
    assert!(err.is_invalid_input(), "{err}");
    let err =
        unletters::convert::read(b"Letter\nab\xffcd", &Default::default()).expect_err("utf-8");
    assert!(err.to_string().starts_with("2:3: invalid UTF-8"), "{err}");
}

#[test]
fn cli_converts_each_fixture() {
    for name in [
        "default_joint.txt",
        "layout_note.txt",
        "word.txt",
        "report.txt",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/text")
            .join(name);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_unletters"))
            .args(["convert", path.to_str().expect("path"), "--to", "json"])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: Document = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(doc, read(name));
    }
}

#[test]
fn snapshot_of_the_default_mode_letter() {
    insta::assert_json_snapshot!(read("default_joint.txt"));
}

fn corpus_dir(sub: &str) -> Option<PathBuf> {
    crate::common::shared::shared(&format!("corpus/{sub}"))
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn every_corpus_file_reads() {
    for sub in [
        "letters",
        "letters-layout",
        "revisions",
        "revisions-layout",
        "word",
    ] {
        let Some(dir) = corpus_dir(sub) else { return };
        for path in files(&dir) {
            let text = std::fs::read_to_string(&path).expect("utf-8");
            let (d, _) =
                extracted::read(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let words = |s: &str| s.split_whitespace().count();
            assert!(
                !d.title.is_empty() || d.kind == Kind::Other,
                "{}",
                path.display()
            );
            if sub.starts_with("letters") {
                assert_ne!(d.kind, Kind::Other, "{}", path.display());
                assert!(!d.symbols.is_empty(), "{}", path.display());
                assert!(!d.body.is_empty(), "{}", path.display());
            }
            let json = unletters::json::write(&d).unwrap();
            assert!(words(&json) > words(&d.title), "{}", path.display());
        }
    }
}

/// Strings of a document outside its signature blocks, as (JSON pointer, text).
fn strings_outside_signatures(v: &serde_json::Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) => out.push((at.to_string(), s.clone())),
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                strings_outside_signatures(x, &format!("{at}/{i}"), out);
            }
        }
        serde_json::Value::Object(o) => {
            for (k, x) in o.iter().filter(|(k, _)| k.as_str() != "signatures") {
                strings_outside_signatures(x, &format!("{at}/{k}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn no_signature_line_or_rule_is_left_in_the_text_of_the_corpus() {
    for sub in ["letters", "letters-layout", "revisions"] {
        let Some(dir) = corpus_dir(sub) else { return };
        for path in files(&dir) {
            let text = std::fs::read_to_string(&path).expect("utf-8");
            let (d, _) =
                extracted::read(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let value = serde_json::to_value(&d).expect("json");
            let mut strings = Vec::new();
            strings_outside_signatures(&value, "", &mut strings);
            for (at, s) in strings {
                assert!(
                    !s.contains("(Signed)"),
                    "{} {at}: a signature in the text: {s}",
                    path.display()
                );
                assert!(
                    !s.contains("__________"),
                    "{} {at}: a separator rule in the text: {s}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn gold_fields_of_the_corpus() {
    let Some(gold) = corpus_dir("gold") else {
        return;
    };
    let Some(letters) = corpus_dir("letters") else {
        return;
    };
    let mut checked = 0;
    for path in files(&gold)
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
    {
        let g: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("gold")).expect("json");
        let file = g["file"].as_str().expect("file");
        let text = std::fs::read_to_string(letters.join(file)).expect("letter");
        let (d, _) = extracted::read(&text).expect("reads");
        let symbols: Vec<String> = d.symbols.iter().map(|s| s.as_str().to_string()).collect();
        let want: Vec<String> = serde_json::from_value(g["symbols"].clone()).expect("symbols");
        assert_eq!(symbols, want, "{file}");
        assert_eq!(Some(d.kind.as_str()), g["kind"].as_str(), "{file}");
        let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(
            fold(&d.title),
            fold(g["title"].as_str().expect("title")),
            "{file}"
        );
        let names: Vec<&str> = d.signatures.iter().map(|s| s.name.as_str()).collect();
        let want: Vec<String> = serde_json::from_value(g["signatories"].clone()).expect("names");
        assert_eq!(names, want, "{file}");
        assert_eq!(
            Some(d.annexes.len() as u64),
            g["annexes"].as_u64(),
            "{file}"
        );
        checked += 1;
    }
    assert!(checked >= 40);
}

mod never_panics {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn on_any_text(s in "\\PC{0,400}") {
            let _ = unletters::text::extracted::read(&s);
        }

        #[test]
        fn on_letter_like_lines(lines in proptest::collection::vec(
            prop_oneof![
                Just("Letter dated 1 May 2099 from".to_string()),
                Just("addressed to the".to_string()),
                Just("(Signed)".to_string()),
                Just("Annex to the letter dated".to_string()),
                Just("__________________".to_string()),
                Just("1".to_string()),
                Just("*".to_string()),
                Just("\u{c}".to_string()),
                Just("1.".to_string()),
                Just("Table 1".to_string()),
                Just("   A/1/2      S/3/4".to_string()),
                Just("Agenda items 1 and".to_string()),
                "[ -~]{0,60}",
            ],
            0..40,
        )) {
            let _ = unletters::text::extracted::read(&lines.join("\n"));
        }
    }
}

#[test]
fn a_landscape_page_printing_its_annex_heading_last_is_the_annex() {
    // Extraction prints the running header of a page set sideways after the page's text:
    // `Annex` comes last, among the page's furniture. The page is the annex, title first; the
    // letter ends at its signature.
    let d = read_beside("landscape-annex.txt");
    assert_eq!(d.signatures.len(), 1);
    assert_eq!(d.signatures[0].name, "Ana Placeholder");
    assert!(
        d.signatures[0].titles.is_empty(),
        "{:?}",
        d.signatures[0].titles
    );
    assert_eq!(paragraphs(&d.body).len(), 2, "{:#?}", d.body);
    assert_eq!(d.annexes.len(), 1, "{:#?}", d.annexes);
    let annex = &d.annexes[0];
    assert_eq!(annex.heading, "Annex");
    assert_eq!(
        annex.title.as_deref(),
        Some("Monthly Table of Incidents Along the River, February 2099")
    );
    let texts = all_block_texts(&annex.body, &[]);
    assert!(
        texts.iter().any(|t| t.contains("A ferry was struck")),
        "{texts:#?}"
    );
}
