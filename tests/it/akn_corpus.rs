//! Every corpus document (`../shared/corpus/{letters,revisions,word}`) read from text and written
//! as AKN: valid against the official XSD (one batched xmllint call, and the in-process
//! XSD validator), level-2 clean, read back
//! losslessly, and text -> AKN -> JSON equal to text -> JSON.
//!
//! Until the plain-text reader exists these checks have nothing to read: the test passes only
//! while `text::read` answers `Error::Unsupported` for every file, and starts checking everything
//! the moment it reads one.

use crate::akn_support as support;

use std::path::PathBuf;

use unletters::{akn, json, text};

fn corpus_files() -> Option<Vec<PathBuf>> {
    let root = crate::common::shared::shared("corpus")?;
    let mut files = Vec::new();
    for dir in ["letters", "revisions", "word"] {
        let dir = root.join(dir);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.unwrap().path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "md")
            ) {
                files.push(path);
            }
        }
    }
    files.sort();
    // 163 letters, 16 revisions and the Word letter: fewer means the corpus was not all read.
    assert!(files.len() >= 180, "only {} corpus documents", files.len());
    Some(files)
}

#[test]
fn corpus_converts_to_valid_lossless_akn() {
    let Some(files) = corpus_files() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut xmls = Vec::new();
    for path in &files {
        let input = std::fs::read_to_string(path).unwrap();
        let doc = match text::read(&input, &Default::default())
            .map(|r| (r.document, support::reader_remarks(r.warnings)))
        {
            Ok((doc, _)) => doc,
            Err(e) => panic!("{}: {e}", path.display()),
        };
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let xml = akn::write(&doc).unwrap_or_else(|e| panic!("{name}: {e}"));
        support::assert_level2(&xml);
        // The in-process XSD validator beside xmllint, and every level-2 rule of `validate`.
        let options = unletters::validate::akn::Options::default();
        let (verdict, diags) = unletters::validate::akn::check(&name, &xml, &options);
        assert_eq!(
            verdict,
            unletters::validate::Verdict::Valid,
            "{name}: {:?}",
            diags.iter().map(|d| d.message.clone()).collect::<Vec<_>>()
        );
        let (back, warnings) = akn::read(&xml, &Default::default())
            .map(|r| (r.document, support::reader_remarks(r.warnings)))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
        assert_eq!(back, doc, "{name}: AKN round trip is lossy");
        assert_eq!(
            json::write(&back).unwrap(),
            json::write(&doc).unwrap(),
            "{name}: text -> AKN -> JSON differs from text -> JSON"
        );
        xmls.push((format!("{}-{name}", xmls.len()), xml));
    }
    support::assert_schema_valid(dir.path(), &xmls);
}
