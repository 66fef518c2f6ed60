//! Every message of a language as text to check: its pattern with each placeable
//! replaced by one marker character, and the pattern of each variant of a selector.

use std::collections::BTreeSet;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use kakehashi_core::Lang;
use kakehashi_core::i18n::sources;

/// Stands for a placeable in a message's text; a private-use character no message holds.
pub const PLACEABLE: char = '\u{e000}';

#[derive(Debug)]
pub struct Message {
    pub id: String,
    /// The message's text, then the text of each variant (of nested selectors too).
    pub texts: Vec<String>,
    /// Every variable the message uses.
    pub variables: BTreeSet<String>,
    /// Variables a selector picks a variant by, and whether that selector has `[one]`.
    pub selectors: Vec<(String, bool)>,
}

fn flatten(pattern: &Pattern<&str>, texts: &mut Vec<String>, m: &mut Message) {
    let mut text = String::new();
    for el in &pattern.elements {
        match el {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable { expression } => {
                text.push(PLACEABLE);
                expression_parts(expression, texts, m);
            }
        }
    }
    texts.insert(0, text);
}

fn expression_parts(e: &Expression<&str>, texts: &mut Vec<String>, m: &mut Message) {
    match e {
        Expression::Inline(i) => inline_parts(i, texts, m),
        Expression::Select { selector, variants } => {
            if let InlineExpression::VariableReference { id } = selector {
                let one = variants.iter().any(|v| {
                    matches!(&v.key, fluent_syntax::ast::VariantKey::Identifier { name } if *name == "one")
                });
                m.selectors.push((id.name.to_owned(), one));
            }
            inline_parts(selector, texts, m);
            for v in variants {
                let mut inner = Vec::new();
                flatten(&v.value, &mut inner, m);
                texts.extend(inner);
            }
        }
    }
}

fn inline_parts(i: &InlineExpression<&str>, texts: &mut Vec<String>, m: &mut Message) {
    match i {
        InlineExpression::VariableReference { id } => {
            m.variables.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_parts(expression, texts, m),
        _ => {}
    }
}

/// Every message of `lang`, in file order.
pub fn messages(lang: Lang) -> Vec<Message> {
    let mut out = Vec::new();
    for text in sources(lang) {
        let res =
            fluent_syntax::parser::parse(text).unwrap_or_else(|(_, e)| panic!("{lang:?}: {e:?}"));
        for entry in &res.body {
            if let Entry::Message(msg) = entry
                && let Some(value) = &msg.value
            {
                let mut m = Message {
                    id: msg.id.name.to_owned(),
                    texts: Vec::new(),
                    variables: BTreeSet::new(),
                    selectors: Vec::new(),
                };
                let mut texts = Vec::new();
                flatten(value, &mut texts, &mut m);
                m.texts = texts;
                out.push(m);
            }
        }
    }
    out
}

/// Japanese script and full-width punctuation: kana, kanji, CJK symbols and the
/// full-width forms (「」（）：、。？).
pub fn is_japanese(c: char) -> bool {
    matches!(c as u32,
        0x3001..=0x30FF | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}
