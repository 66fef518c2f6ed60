//! Kakehashi's exports: a case summary as a PDF laid out by typst with embedded
//! Noto fonts, a FHIR R4 bundle, and the case list as CSV — each in the language the
//! recipient reads, each shaped by the recipient presets of the core.

pub mod csv_list;
pub mod fhir;
pub mod options;
pub mod pdf;
pub mod summary;
