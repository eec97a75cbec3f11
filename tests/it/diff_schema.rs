//! The published diff schema `schemas/diff.schema.json` is what the code generates
//! (`cargo xtask schema` regenerates it).

#[test]
fn published_diff_schema_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/diff.schema.json");
    let committed = std::fs::read_to_string(&path).expect("schemas/diff.schema.json is committed");
    assert!(
        committed == unletters::diff::schema_text(),
        "schemas/diff.schema.json is stale: run `cargo xtask schema`"
    );
}
