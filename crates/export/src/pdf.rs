//! The case summary as a PDF, laid out by typst with the Noto fonts compiled into
//! the program, and its first page as a PNG for previews.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use typst::foundations::{Bytes, Dict, Smart};
use typst::utils::Scalar;
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;
use typst_render::RenderOptions;

use crate::summary::Summary;

static TEMPLATE: &str = include_str!("../templates/summary.typ");
// WOFF2, decoded once per process: 2.6 MB where the TrueType files took 2.9 MB of the
// package even under xz. No Japanese bold: the template draws it from the regular face
// (see summary.typ).
static FONTS: [&[u8]; 3] = [
    include_bytes!("../fonts/NotoSans_400Regular.woff2"),
    include_bytes!("../fonts/NotoSans_700Bold.woff2"),
    include_bytes!("../fonts/NotoSansJP_400Regular.woff2"),
];

/// Why a PDF could not be made. Only a fault in the template or the program can
/// cause one: every value is placed as plain text.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("typst: {0}")]
    Layout(String),
    #[error("png: {0}")]
    Png(String),
}

/// One engine per process: decoding and parsing the fonts once, not per export.
fn engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        TypstEngine::builder()
            .main_file(TEMPLATE)
            .fonts(FONTS.map(decoded))
            .build()
    })
}

fn decoded(woff2: &[u8]) -> Bytes {
    Bytes::new(wuff::decompress_woff2(woff2).expect("the embedded fonts are valid WOFF2"))
}

fn layout(summary: &Summary) -> Result<PagedDocument, PdfError> {
    let value = serde_json::to_value(summary).expect("a summary is plain data");
    let inputs: Dict =
        serde_json::from_value(value).map_err(|e| PdfError::Layout(e.to_string()))?;
    engine()
        .compile_with_input::<_, PagedDocument>(inputs)
        .output
        .map_err(|e| PdfError::Layout(e.to_string()))
}

/// The summary as PDF bytes. The same summary gives the same bytes: the PDF's
/// identifier is the case reference and no clock is read.
pub fn pdf(summary: &Summary, _now: DateTime<Utc>) -> Result<Vec<u8>, PdfError> {
    let doc = layout(summary)?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("kakehashi-{}", summary.reference)),
        creator: Smart::Custom(Some("Kakehashi".into())),
        ..Default::default()
    };
    typst_pdf::pdf(&doc, &options).map_err(|e| PdfError::Layout(format!("{e:?}")))
}

/// The first page as a PNG, `scale` pixels per point.
pub fn first_page_png(summary: &Summary, scale: f32) -> Result<Vec<u8>, PdfError> {
    let doc = layout(summary)?;
    let page = doc
        .pages()
        .first()
        .ok_or_else(|| PdfError::Layout("no page".into()))?;
    let options = RenderOptions {
        pixel_per_pt: Scalar::new(f64::from(scale)),
        render_bleed: false,
    };
    typst_render::render(page, &options)
        .encode_png()
        .map_err(|e| PdfError::Png(e.to_string()))
}

#[cfg(test)]
mod tests {
    use typst::text::{Covers, Font, FontWeight};

    use super::{FONTS, TEMPLATE, decoded};

    fn font(woff2: &[u8]) -> Font {
        Font::new(decoded(woff2), 0).unwrap()
    }

    #[test]
    fn the_embedded_fonts_decode_to_every_code_point_taken() {
        // Family, weight and code points of the TrueType files as taken
        // (fonts/README.md).
        let taken = [
            ("Noto Sans", FontWeight::REGULAR, 3094),
            ("Noto Sans", FontWeight::BOLD, 3094),
            ("Noto Sans JP", FontWeight::REGULAR, 16_732),
        ];
        for (woff2, (family, weight, code_points)) in FONTS.iter().zip(taken) {
            let font = font(woff2);
            assert_eq!(font.info().family, family);
            assert_eq!(font.info().variant.weight, weight, "{family}");
            assert_eq!(font.info().coverage.iter().count(), code_points, "{family}");
        }
        let jp = font(FONTS[2]);
        for c in "𠮷髙﨑齋邊".chars() {
            assert!(jp.info().coverage.contains(u32::from(c)), "{c}");
        }
        // French spaces before ; ? ! and : and inside « » (locales/glossary.toml).
        for woff2 in &FONTS[..2] {
            for c in ['\u{a0}', '\u{202f}', '«', '»', '’'] {
                assert!(font(woff2).info().coverage.contains(u32::from(c)), "{c:?}");
            }
        }
    }

    /// The template strokes what the Japanese face draws in bold text, as it has no
    /// bold of its own, and nothing that Noto Sans Bold draws, which would come out
    /// twice as bold.
    #[test]
    fn the_faux_bold_rule_matches_what_the_japanese_face_draws() {
        let line = TEMPLATE
            .lines()
            .find(|l| l.starts_with("#let japanese = regex(\""))
            .unwrap();
        // From typst's string syntax to the regex crate's.
        let pattern = line["#let japanese = regex(\"".len()..line.len() - "\")".len()]
            .replace("\\\\", "\\")
            .replace("\\u{", "\\x{");
        let japanese = regex::Regex::new(&format!("^(?:{pattern})$")).unwrap();
        let latin = font(FONTS[1]).info().coverage.clone();
        let jp = font(FONTS[2]).info().coverage.clone();
        // The template gives Noto Sans only what `latin-in-cjk` lets it cover.
        let for_latin = Covers::LatinInCjk;
        let mut wrong = Vec::new();
        for ch in jp.iter().chain(latin.iter()).filter_map(char::from_u32) {
            // Variation selectors draw nothing: they stay in their base character's run.
            if ('\u{FE00}'..='\u{FE0F}').contains(&ch) {
                continue;
            }
            let c = ch.to_string();
            let drawn_by_latin = latin.contains(u32::from(ch)) && for_latin.as_regex().is_match(&c);
            if japanese.is_match(&c) == drawn_by_latin {
                wrong.push(format!("U+{:04X}", u32::from(ch)));
            }
        }
        assert!(wrong.is_empty(), "{} code points: {wrong:?}", wrong.len());
    }
}
