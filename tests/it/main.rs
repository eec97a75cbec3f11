//! The integration tests, in one binary: one link instead of one per file, and one place where
//! the shared support modules are declared.

mod akn_support;
mod common;
mod text_canonical_support;

mod akn;
mod akn_corpus;
mod batch;
mod cli;
mod diff_cli;
mod diff_corpus;
mod diff_schema;
mod diff_truth;
mod hostile;
mod hostile_regressions;
mod html;
mod json_model;
mod limits;
mod pdf_diff;
mod pdf_reader;
mod quotations;
mod reader_agreement;
mod reader_corpus;
mod readme_commands;
mod readme_library;
mod retention;
mod shell;
mod symbol_corpus;
mod tables;
mod text_canonical;
mod text_canonical_cli;
mod text_canonical_corpus;
mod text_reader;
mod validate_agreement;
mod validate_cli;
mod validate_rules;
mod validate_xmllint;
