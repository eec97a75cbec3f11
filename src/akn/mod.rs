//! Akoma Ntoso 3.0 (AKN4UN): the writer ([`write()`]) and the reader ([`read`]) of UN letters.
//!
//! The layout follows `AKN-MAPPING.md` (the UN's published DGACM practice first, the AKN4UN
//! guidelines where it is silent). Every model field has one place, so `read(write(doc)) == doc`:
//!
//! | model | AKN |
//! |---|---|
//! | `kind` | `<doc name=...>`: `officialLetter` or `noteVerbale`; identical letters and other documents add `meta/classification/keyword value="identicalLetters"` (`otherCommunication`) |
//! | `symbols` | `coverPage` `<docNumber refersTo="#symbol">` (star kept); `FRBRnumber`, `FRBRalias name="jointSymbol"`, IRIs |
//! | `organs` | `coverPage` `<docAuthority refersTo="#issuingBody #ga">` |
//! | `distribution` | `<docStatus refersTo="#generalDistribution">Distr.: General</docStatus>` |
//! | `date` | `<docDate refersTo="#dateOfIssuance" date=...>`; Expression date |
//! | `language`, `original_language` | `<inline name="language">`, `<inline name="originalLanguage">Original: ...` |
//! | `sessions` | per session `<docAuthority refersTo="#ga">` (no `#issuingBody`), `<session value=...>`, `<inline name="agendaItem">` (the label), per item `<inline name="agendaItemName" title="{number}">` (DGACM keeps the number in `title`), `<inline name="agendaItemSubheading">` |
//! | `job_number` | `meta/presentation/akn4un:.../docketNumber` |
//! | `title_headings` | `preface` `<p class="titleHeading">` |
//! | `title`, `letter_date`, `sender`, `addressees` | `preface` `<docTitle>` with `docDate`, `docProponent`, `inline name="to"` marked where they appear in the title in order; parts that do not appear follow in `<p class="titleParts">` |
//! | `body` | `mainBody`: `paragraph`/`num`/`content`/`p`, `hcontainer name="crossHeading"`/`heading`, `blockList`/`item`/`num`, `p class="quotation"`/`embeddedStructure`, `table`/`tr`/`th` (header row) or `td`/`p`; nested in items, quotations and footnotes: `p`, `blockContainer class="paragraph"` with `num`, `p class="heading"` |
//! | inlines | text, `i`, `b`, `ref href="https://undocs.org/{symbol}"` (`class="reissued"` for a star), `date date=...`, `a href=...` (an address that is not a valid URI percent-encoded, `class="encodedHref"`); a text right after a text, or empty, in `span` |
//! | `footnotes` | `authorialNote marker=... eId="note_N"` at the call-out when it is the next footnote in order; others in `meta/notes/note`; other call-outs `inline name="footnoteRef"` (the reader also takes `noteRef`) |
//! | `signatures` | `conclusions/container name="signature"/p/signature`: `docStatus refersTo="#signed"` when signed, `person`, one `role` per title |
//! | `annexes` | `attachments/attachment eId="att_N"/doc name="annex|enclosure|appendix"` with its own `meta` (component IRI `!annex_N`; nested: `!annex_1/annex_2`), `preface` (`docType` heading, `docTitle` title), `mainBody`, `conclusions`, `attachments` |
//! | empty lists | `p class="empty"` for no blocks, `blockList class="empty"`, `table class="empty"`, `tr class="empty"` |
//!
//! The reader refuses DTDs and entity declarations and bounds input size and nesting depth (see
//! [`crate::limits`]).

pub(crate) mod naming;
mod read;
pub(crate) mod write;
pub(crate) mod xml;

pub use read::read;
pub use write::write;

/// The Akoma Ntoso 3.0 namespace.
pub const AKN_NS: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// The AKN4UN extension namespace DGACM uses in `<presentation>`.
pub const AKN4UN_NS: &str = "http://un.org/akn4un";

/// What precedes the distribution class in the masthead.
const DISTRIBUTION_PREFIX: &str = "Distr.: ";

/// What precedes the original language in the masthead.
const ORIGINAL_PREFIX: &str = "Original: ";

/// `doc/@name` of each kind of letter: the mapping knows letters and notes verbales; identical
/// letters and other documents are letters with a `classification` keyword ([`kind_keyword`]).
fn doc_name(kind: crate::model::Kind) -> &'static str {
    use crate::model::Kind;
    match kind {
        Kind::NoteVerbale => "noteVerbale",
        Kind::Letter | Kind::IdenticalLetters | Kind::Other => "officialLetter",
    }
}

/// The `meta/classification` keyword (value, showAs) that refines `officialLetter`.
fn kind_keyword(kind: crate::model::Kind) -> Option<(&'static str, &'static str)> {
    use crate::model::Kind;
    match kind {
        Kind::IdenticalLetters => Some(("identicalLetters", "Identical letters")),
        Kind::Other => Some(("otherCommunication", "Other communication")),
        Kind::Letter | Kind::NoteVerbale => None,
    }
}

/// The `dictionary` of the kind keyword.
const KIND_DICTIONARY: &str = "unletters";

/// `inline/@name` values the mapping uses.
mod inline_name {
    pub const LANGUAGE: &str = "language";
    pub const ORIGINAL_LANGUAGE: &str = "originalLanguage";
    pub const AGENDA_LABEL: &str = "agendaItem";
    pub const AGENDA_ITEM: &str = "agendaItemName";
    pub const AGENDA_SUBHEADING: &str = "agendaItemSubheading";
    pub const ADDRESSEE: &str = "to";
    pub const FOOTNOTE_REF: &str = "footnoteRef";
    pub const JOINT_SYMBOL: &str = "jointSymbol";
}

/// `@class` values that carry model distinctions.
mod class {
    pub const TITLE_HEADING: &str = "titleHeading";
    pub const TITLE_PARTS: &str = "titleParts";
    pub const EMPTY: &str = "empty";
    pub const NUMBERED_PARAGRAPH: &str = "paragraph";
    pub const HEADING: &str = "heading";
    pub const QUOTATION: &str = "quotation";
    pub const REISSUED: &str = "reissued";
    pub const ENCODED_HREF: &str = "encodedHref";
}
