//! Validation of documents against published schemas.

pub mod json_schema;
