//! Proptest strategies for the document model: [`document`] generates a whole [`Document`] using
//! every part of the model (every block, inline, annex and kind variant, nesting, optional fields
//! present and absent, symbols with series, qualifiers, suffix chains and stars). Other tests may
//! reuse it: `mod common; use common::strategy;`.

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

use unletters::Symbol;
use unletters::model::{
    AgendaItem, Annex, AnnexKind, Block, Cell, Date, Document, FORMAT, Footnote, Inline, Kind,
    ListItem, Num, Row, Session, Signature,
};

/// Running text: any printable characters (letters of every script, punctuation, curly quotes),
/// sometimes empty, sometimes with spaces and a non-breaking space.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z][a-z ,.;:’“”()-]{0,24}",
        1 => "\\PC{0,16}",
        1 => Just(String::new()),
        1 => "[a-z]{1,6}\u{a0}[0-9]{1,4}",
        // Markup characters, quotes and non-ASCII: everything XML and canonical text must escape.
        1 => "[a-zA-Z0-9 &<>\"'.,:;/()*\u{2013}\u{e9}\u{2019}\u{1F600}\\\\\\[\\]{}|^#>-]{0,12}",
    ]
}

/// A short label or name (one line).
pub fn line() -> impl Strategy<Value = String> {
    "[A-Z][A-Za-z’ .-]{0,30}"
}

/// A calendar date between 1945 and 2099.
pub fn date() -> impl Strategy<Value = Date> {
    (1945u16..2100, 1u8..=12, 1u8..=31)
        .prop_filter_map("a real date", |(y, m, d)| Date::new(y, m, d))
}

/// A document symbol: a body and series from those UN letters use, one to three numbered parts,
/// sometimes a qualifier, a suffix chain of up to two links and a reissue star.
pub fn symbol() -> impl Strategy<Value = Symbol> {
    let series = prop::sample::select(vec![
        "A",
        "S",
        "E",
        "A/HRC",
        "A/ES-10",
        "A/AC.292",
        "E/CN.6",
        "DP",
        "E/ICEF",
        "TPNW/MSP",
        "S/PRST",
        "A/HRC/RES",
        "ST/SGB",
    ]);
    let number = prop_oneof![
        "[1-9][0-9]{0,3}",
        "(L|WP|CRP)\\.[1-9][0-9]?",
        Just("INF/5".to_string())
    ];
    let qualifier = option::weighted(
        0.2,
        prop_oneof!["Sect\\. [1-9][0-9]?", "Part I{1,3}", "20[0-2][0-9]",],
    );
    let suffix = ("(Corr|Rev|Add|Amend)", 1u32..5).prop_map(|(k, n)| format!("{k}.{n}"));
    (
        series,
        vec(number, 1..3),
        qualifier,
        vec(suffix, 0..3),
        any::<bool>(),
    )
        .prop_filter_map(
            "a valid symbol",
            |(series, numbers, qualifier, suffixes, star)| {
                let mut s = format!("{series}/{}", numbers.join("/"));
                if let Some(q) = qualifier {
                    s.push_str(&format!(" ({q})"));
                }
                for x in suffixes {
                    s.push('/');
                    s.push_str(&x);
                }
                if star {
                    s.push('*');
                }
                Symbol::parse(&s).ok()
            },
        )
}

fn num() -> impl Strategy<Value = Num> {
    prop_oneof![
        "[1-9][0-9]?\\.",
        "\\([a-z]\\)",
        "\\((i|ii|iv|x)\\)",
        Just("•".to_string())
    ]
    .prop_map(Num::new)
}

/// An inline, nested up to three levels deep (emphasis and strong hold inlines).
pub fn inline() -> impl Strategy<Value = Inline> {
    let leaf = prop_oneof![
        4 => text().prop_map(|text| Inline::Text { text }),
        1 => "[1-9]|\\*|[a-c]".prop_map(|marker| Inline::FootnoteRef { marker }),
        1 => symbol().prop_map(|symbol| Inline::symbol(symbol.to_string(), symbol)),
        // A joint symbol cited as one, printed with a hyphen or an en dash.
        1 => (symbol(), vec(symbol(), 1..3), prop::sample::select(vec!["-", "\u{2013}"]))
            .prop_map(|(symbol, joint_with, dash)| {
                let text = std::iter::once(&symbol)
                    .chain(&joint_with)
                    .map(Symbol::to_string)
                    .collect::<Vec<_>>()
                    .join(dash);
                Inline::Symbol { text, symbol, joint_with }
            }),
        1 => date().prop_map(|date| Inline::Date { text: date.to_prose(), date }),
        1 => (text(), "https://[a-z]{1,8}\\.org/[a-z0-9/]{0,12}")
            .prop_map(|(text, href)| Inline::Link { text, href }),
    ];
    leaf.prop_recursive(3, 16, 3, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..3).prop_map(|content| Inline::Emphasis { content }),
            vec(inner, 0..3).prop_map(|content| Inline::Strong { content }),
        ]
    })
}

fn inlines() -> impl Strategy<Value = Vec<Inline>> {
    vec(inline(), 0..4)
}

/// A block, nested up to three levels deep (lists hold blocks, quotations hold blocks).
pub fn block() -> impl Strategy<Value = Block> {
    let row = (
        any::<bool>(),
        vec(inlines().prop_map(|content| Cell { content }), 0..3),
    )
        .prop_map(|(header, cells)| Row { header, cells });
    let leaf = prop_oneof![
        4 => (option::of(num()), inlines()).prop_map(|(num, content)| Block::Paragraph { num, content }),
        1 => inlines().prop_map(|content| Block::Heading { content }),
        1 => vec(row, 0..3).prop_map(|rows| Block::Table { rows }),
    ];
    leaf.prop_recursive(3, 24, 3, |inner| {
        let item = (option::of(num()), vec(inner.clone(), 0..3))
            .prop_map(|(num, body)| ListItem { num, body });
        prop_oneof![
            vec(item, 0..3).prop_map(|items| Block::List { items }),
            vec(inner, 0..3).prop_map(|body| Block::Quotation { body }),
        ]
    })
}

fn blocks() -> impl Strategy<Value = Vec<Block>> {
    vec(block(), 0..4)
}

/// A footnote with its marker.
pub fn footnote() -> impl Strategy<Value = Footnote> {
    ("[1-9][0-9]?|\\*|[a-c]", vec(block(), 0..2))
        .prop_map(|(marker, body)| Footnote { marker, body })
}

/// A signature block, signed or not.
pub fn signature() -> impl Strategy<Value = Signature> {
    (line(), vec(line(), 0..3), any::<bool>()).prop_map(|(name, titles, signed)| Signature {
        name,
        titles,
        signed,
    })
}

fn annex_kind() -> impl Strategy<Value = AnnexKind> {
    prop_oneof![
        Just(AnnexKind::Annex),
        Just(AnnexKind::Enclosure),
        Just(AnnexKind::Appendix)
    ]
}

/// An annex, enclosure or appendix, nested up to three levels deep.
pub fn annex() -> impl Strategy<Value = Annex> {
    let flat = (
        annex_kind(),
        line(),
        option::of(text()),
        blocks(),
        vec(signature(), 0..2),
        vec(footnote(), 0..2),
    )
        .prop_map(
            |(kind, heading, title, body, signatures, footnotes)| Annex {
                kind,
                heading,
                title,
                body,
                signatures,
                annexes: Vec::new(),
                footnotes,
            },
        );
    flat.prop_recursive(3, 8, 2, |inner| {
        (inner.clone(), vec(inner, 0..3)).prop_map(|(mut annex, annexes)| {
            annex.annexes = annexes;
            annex
        })
    })
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Letter),
        Just(Kind::IdenticalLetters),
        Just(Kind::NoteVerbale),
        Just(Kind::Other)
    ]
}

/// One organ's session line with its agenda items.
pub fn session() -> impl Strategy<Value = Session> {
    let item = ("[1-9][0-9]{0,2}( \\([a-e]\\))?", text(), vec(text(), 0..2)).prop_map(
        |(number, title, subheadings)| AgendaItem {
            number,
            title,
            subheadings,
        },
    );
    (line(), line(), option::of(line()), vec(item, 0..4)).prop_map(
        |(organ, name, agenda_label, agenda_items)| Session {
            organ,
            name,
            agenda_label,
            agenda_items,
        },
    )
}

/// A whole document.
pub fn document() -> impl Strategy<Value = Document> {
    let masthead = (
        vec(symbol(), 0..3),
        vec(line(), 0..3),
        option::of(prop_oneof![
            Just("General".to_string()),
            Just("Limited".to_string()),
            line()
        ]),
        option::of(date()),
        option::of(line()),
        option::of(line()),
        vec(session(), 0..3),
        option::of("[0-9]{2}-[0-9]{5}( \\(E\\))?"),
    );
    let title = (
        kind(),
        vec(text(), 0..2),
        text(),
        option::of(date()),
        option::of(text()),
        vec(line(), 0..3),
        any::<bool>(),
    )
        .prop_map(
            |(kind, headings, filler, letter_date, sender, addressees, compose)| {
                // Half the titles are composed from their parts, as real titles are, so that the
                // writers' marked-up title is exercised as well as their fallback.
                let title = if compose {
                    let mut t = String::from("Letter dated ");
                    if let Some(d) = letter_date {
                        t.push_str(&d.to_prose());
                    }
                    t.push_str(" from ");
                    t.push_str(sender.as_deref().unwrap_or_default());
                    t.push_str(" addressed to the ");
                    t.push_str(&addressees.join(" and the "));
                    t
                } else {
                    filler
                };
                (kind, headings, title, letter_date, sender, addressees)
            },
        );
    let rest = (
        blocks(),
        vec(signature(), 0..3),
        vec(annex(), 0..3),
        vec(footnote(), 0..3),
    );
    (masthead, title, rest).prop_map(
        |(
            (
                symbols,
                organs,
                distribution,
                date,
                language,
                original_language,
                sessions,
                job_number,
            ),
            (kind, title_headings, title, letter_date, sender, addressees),
            (body, signatures, annexes, footnotes),
        )| Document {
            symbols,
            organs,
            distribution,
            date,
            language,
            original_language,
            sessions,
            job_number,
            kind,
            title_headings,
            title,
            letter_date,
            sender,
            addressees,
            body,
            signatures,
            annexes,
            footnotes,
            // No `..Default::default()`: a field added to the model must be generated here too.
            format: FORMAT.to_string(),
        },
    )
}
