//! Level-2 rules: the synthetic letter passes them all; each crafted variant breaks exactly one
//! rule (and, where the XSD cannot see it, stays schema-valid); `--allow` switches a rule off.

use crate::common;

use std::collections::BTreeSet;

use unletters::Format;
use unletters::validate::{self, Options, Verdict, rules};

fn rules_broken(text: &str, options: &Options) -> (Verdict, BTreeSet<String>) {
    let report = validate::validate_bytes("case.xml", text.as_bytes(), Format::Akn, options);
    let ids = report.diagnostics.iter().map(|d| d.rule.clone()).collect();
    (report.verdict, ids)
}

fn schema_verdict(text: &str) -> Verdict {
    let options = Options {
        schema_only: true,
        ..Options::default()
    };
    validate::validate_bytes("case.xml", text.as_bytes(), Format::Akn, &options).verdict
}

/// (rule, variant) pairs; each variant is valid against the XSD.
fn level_two_variants() -> Vec<(&'static str, String)> {
    use common::variant;
    vec![
        (
            rules::LETTER_DOC.id,
            variant("<doc name=\"officialLetter\">", "<doc name=\"report\">"),
        ),
        (
            rules::EID_NAMING.id,
            variant("<paragraph eId=\"para_2\">", "<paragraph eId=\"p2\">"),
        ),
        (
            rules::EID_NAMING.id,
            variant(
                "<paragraph eId=\"att_1__para_1\">",
                "<paragraph eId=\"para_9\">",
            ),
        ),
        (
            rules::FRBR_IRI.id,
            variant("eng@2025-05-14/!main\"/>", "eng@2025-05-15/!main\"/>"),
        ),
        (
            rules::FRBR_IRI.id,
            common::LETTER.replace("communication/unga/", "communication/unsc/"),
        ),
        (
            rules::FRBR_NUMBER.id,
            variant("showAs=\"S/2025/999\"", "showAs=\"S/2025/998\""),
        ),
        (
            rules::REF_RESOLVES.id,
            variant("refersTo=\"#valdoria\"", "refersTo=\"#valdorria\""),
        ),
        (
            rules::REF_RESOLVES.id,
            variant("source=\"#ro_1\"", "source=\"#ro_2\""),
        ),
        (
            rules::MASTHEAD_ORGANS.id,
            variant(
                "<p><docAuthority refersTo=\"#issuingBody #sc\">Security Council</docAuthority></p>",
                "",
            ),
        ),
        (
            rules::MASTHEAD_ORGANS.id,
            variant(
                "<session refersTo=\"#ga\"",
                "<session refersTo=\"#publisher\"",
            ),
        ),
        (
            // A symbol of another General Assembly session than the masthead's.
            rules::MASTHEAD_ORGANS.id,
            variant(
                "<session refersTo=\"#ga\" value=\"80\">Eightieth session",
                "<session refersTo=\"#ga\" value=\"76\">Seventy-sixth session",
            ),
        ),
        (
            rules::MASTHEAD_DATES.id,
            variant(
                "<docDate date=\"2025-05-12\">12 May",
                "<docDate date=\"2025-05-16\">16 May",
            ),
        ),
    ]
}

#[test]
fn the_synthetic_letter_passes_every_rule() {
    let report = validate::validate_bytes(
        "letter.xml",
        common::LETTER.as_bytes(),
        Format::Akn,
        &Options::default(),
    );
    assert_eq!(report.verdict, Verdict::Valid, "{:#?}", report.diagnostics);
    assert!(report.diagnostics.is_empty());
}

#[test]
fn each_variant_breaks_exactly_its_rule_and_allow_switches_it_off() {
    for (rule, text) in level_two_variants() {
        assert_eq!(
            schema_verdict(&text),
            Verdict::Valid,
            "{rule}: variant must be schema-valid"
        );
        let (verdict, ids) = rules_broken(&text, &Options::default());
        assert_eq!(verdict, Verdict::Invalid, "{rule}");
        assert_eq!(ids, BTreeSet::from([rule.to_string()]), "{rule}");
        let allowing = Options {
            allowed: [rule.to_string()].into(),
            ..Options::default()
        };
        assert_eq!(
            rules_broken(&text, &allowing),
            (Verdict::Valid, BTreeSet::new()),
            "{rule}"
        );
    }
}

#[test]
fn every_rule_has_a_variant() {
    let covered: BTreeSet<&str> = level_two_variants()
        .iter()
        .map(|(r, _)| *r)
        .chain([rules::EID_UNIQUE.id])
        .collect();
    let all: BTreeSet<&str> = rules::RULES.iter().map(|r| r.id).collect();
    assert_eq!(covered, all);
}

/// The XSD's own `xsd:unique` on eIds catches a duplicate too; the rule adds the value and
/// where it was first used.
#[test]
fn duplicate_eids_are_reported_by_the_xsd_and_the_rule() {
    let text = common::variant(
        "<paragraph eId=\"att_1__para_1\">",
        "<paragraph eId=\"para_1\">",
    );
    let report =
        validate::validate_bytes("dup.xml", text.as_bytes(), Format::Akn, &Options::default());
    let unique = report
        .diagnostics
        .iter()
        .find(|d| d.rule == rules::EID_UNIQUE.id)
        .expect("the rule fires");
    assert_eq!(unique.message, "eId \"para_1\" is already used on line 94");
    assert_eq!(unique.eid.as_deref(), Some("para_1"));
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.rule.starts_with("cvc-identity-constraint"))
    );
}

#[test]
fn a_document_in_another_namespace_gets_one_rule_finding_not_one_per_element() {
    let text = common::variant("ns/akn/3.0\"", "ns/akn/2.0\"");
    let report =
        validate::validate_bytes("ns.xml", text.as_bytes(), Format::Akn, &Options::default());
    let level_two: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule.starts_with("akn-"))
        .collect();
    assert_eq!(level_two.len(), 1, "{level_two:#?}");
    assert!(
        level_two[0]
            .message
            .contains("namespace http://docs.oasis-open.org/legaldocml/ns/akn/2.0")
    );
}

/// The FRBRthis values of every component (main document and each annex, at any depth).
fn work_components(xml: &str) -> Vec<String> {
    let tree = roxmltree::Document::parse(xml).expect("well-formed");
    tree.descendants()
        .filter(|n| n.has_tag_name("FRBRWork"))
        .filter_map(|w| w.children().find(|c| c.has_tag_name("FRBRthis")))
        .filter_map(|t| t.attribute("value"))
        .map(str::to_string)
        .collect()
}

/// Options that leave out the rules judging the document's content rather than the writer (a
/// made-up document need not have organs matching its symbols).
fn writer_rules_only() -> Options {
    Options {
        allowed: [rules::MASTHEAD_ORGANS.id, rules::MASTHEAD_DATES.id]
            .map(String::from)
            .into(),
        ..Options::default()
    }
}

#[test]
fn what_the_writer_writes_passes_every_rule() {
    let xml = unletters::akn::write(&common::full_letter()).expect("writes");
    let (verdict, broken) = rules_broken(&xml, &Options::default());
    assert_eq!(verdict, Verdict::Valid, "{broken:?}");
    for doc in common::hand_built() {
        let xml = unletters::akn::write(&doc).expect("writes");
        let (verdict, broken) = rules_broken(&xml, &writer_rules_only());
        assert_eq!(verdict, Verdict::Valid, "{}: {broken:?}", doc.title);
    }
}

#[test]
fn nested_annexes_get_components_of_their_own() {
    let xml = unletters::akn::write(&common::full_letter()).expect("writes");
    let components: Vec<String> = work_components(&xml)
        .iter()
        .map(|v| {
            v.rsplit_once('!')
                .map(|(_, c)| c.to_string())
                .unwrap_or_default()
        })
        .collect();
    let unique: BTreeSet<&String> = components.iter().collect();
    assert_eq!(unique.len(), components.len(), "{components:?}");
    assert!(components.contains(&"main".to_string()), "{components:?}");
    assert!(
        components.iter().any(|c| c.starts_with("annex_1/annex_")),
        "an enclosure of the first annex is named under it: {components:?}"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Whatever the document, the writer's own conventions hold: eIds, IRIs, FRBR numbers,
    /// references, the letter `doc`. (The masthead agreement rules judge the document's content,
    /// which a generated document need not make consistent: the corpus test holds them.)
    #[test]
    fn generated_documents_follow_the_writer_conventions(doc in common::strategy::document()) {
        let xml = unletters::akn::write(&doc).expect("writes");
        let (verdict, broken) = rules_broken(&xml, &writer_rules_only());
        proptest::prop_assert_eq!(verdict, Verdict::Valid, "{:?}\n{}", broken, xml);
    }
}
