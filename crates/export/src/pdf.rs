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
static FONTS: [&[u8]; 4] = [
    include_bytes!("../fonts/NotoSans_400Regular.ttf"),
    include_bytes!("../fonts/NotoSans_700Bold.ttf"),
    include_bytes!("../fonts/NotoSansJP_400Regular.ttf"),
    include_bytes!("../fonts/NotoSansJP_700Bold.ttf"),
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

/// One engine per process: parsing 12 MB of fonts once, not per export.
fn engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        TypstEngine::builder()
            .main_file(TEMPLATE)
            .fonts(FONTS.map(Bytes::new))
            .build()
    })
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
