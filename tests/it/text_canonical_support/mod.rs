//! Helpers of the canonical-text tests.
#![allow(dead_code)]

pub mod synthetic;
