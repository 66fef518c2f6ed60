//! Shared by the export crate's test binaries: reading a PDF back as poppler does.

use std::path::Path;
use std::process::Command;

/// Lines wrap where the layout chose: text is compared with white space collapsed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of a PDF as `pdftotext` reads it, white space collapsed.
pub fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/setup");
    assert!(out.status.success());
    collapse(&String::from_utf8(out.stdout).unwrap())
}
