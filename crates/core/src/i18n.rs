//! Fluent messages for English, French and Japanese, read from `locales/` at build
//! time so the CLI, errors and exports speak the same words as the UI.

use std::collections::BTreeMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::Serialize;
use strum::IntoEnumIterator;
use ts_rs::TS;
use unic_langid::LanguageIdentifier;

use crate::error::{Error, ErrorPayload};

id_enum! {
    #[derive(Default)]
    "lowercase" pub enum Lang {
        #[default]
        En,
        Fr,
        Ja,
    }
}

impl Lang {
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// The CLDR locale whose formats this language uses.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en-CA",
            Lang::Fr => "fr-CA",
            Lang::Ja => "ja-JP",
        }
    }

    pub fn all() -> impl Iterator<Item = Lang> {
        Lang::iter()
    }

    /// Best match for an OS locale such as `fr_CA.UTF-8` or `ja-JP`; English otherwise.
    pub fn from_os_locale(locale: &str) -> Lang {
        let primary = locale
            .split(['-', '_', '.'])
            .next()
            .unwrap_or("")
            .to_lowercase();
        primary.parse().unwrap_or_default()
    }
}

/// An argument of a message as it travels to whoever formats it (the UI, the CLI): a
/// count stays a number, so that a plural selector picks "1 case" and "1 dossier" —
/// the text `"1"` matches no `[one]` variant, in fluent-rs or in fluent.js.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(untagged)]
#[ts(export)]
pub enum MessageArg {
    Number(i64),
    Text(String),
}

impl MessageArg {
    fn fluent(&self) -> FluentValue<'_> {
        match self {
            MessageArg::Number(n) => FluentValue::from(*n),
            MessageArg::Text(t) => FluentValue::from(t.as_str()),
        }
    }
}

impl From<String> for MessageArg {
    fn from(t: String) -> Self {
        MessageArg::Text(t)
    }
}

impl From<&String> for MessageArg {
    fn from(t: &String) -> Self {
        MessageArg::Text(t.clone())
    }
}

impl From<&str> for MessageArg {
    fn from(t: &str) -> Self {
        MessageArg::Text(t.to_owned())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for MessageArg {
            fn from(n: $t) -> Self {
                MessageArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(i64, u32, usize, u64);

/// Numbers in messages grouped as the language groups them (`1,234`, `1 234`),
/// as the UI's Intl does: fluent-bundle on its own prints `1234` in every language.
struct NumberFormat(icu_decimal::DecimalFormatter);

impl intl_memoizer::Memoizable for NumberFormat {
    type Args = ();
    type Error = ();
    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        let locale: icu_locale_core::Locale = lang.to_string().parse().map_err(|_| ())?;
        icu_decimal::DecimalFormatter::try_new(locale.into(), Default::default())
            .map(NumberFormat)
            .map_err(|_| ())
    }
}

fn format_number(
    value: &FluentValue<'_>,
    memo: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    // Counts are whole numbers; anything else keeps fluent's own rendering.
    if n.value.fract() != 0.0 || n.value.abs() > 1e15 {
        return None;
    }
    let decimal = fixed_decimal::Decimal::from(n.value as i64);
    memo.with_try_get::<NumberFormat, _, _>((), |f| f.0.format(&decimal).to_string())
        .ok()
}

/// The `.ftl` files of one language, in the order they are added to its bundle.
pub const FTL_FILES: [&str; 8] = [
    "app.ftl",
    "domain.ftl",
    "errors.ftl",
    "workspace.ftl",
    "directory.ftl",
    "export.ftl",
    "privacy.ftl",
    "demo.ftl",
];

macro_rules! ftl {
    ($lang:literal) => {
        [
            include_str!(concat!("../../../locales/", $lang, "/app.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/domain.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/errors.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/workspace.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/directory.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/export.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/privacy.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/demo.ftl")),
        ]
    };
}

/// The text of every `.ftl` file of `lang`, as compiled into the program.
pub fn sources(lang: Lang) -> [&'static str; 8] {
    match lang {
        Lang::En => ftl!("en"),
        Lang::Fr => ftl!("fr"),
        Lang::Ja => ftl!("ja"),
    }
}

/// Formats messages in any of the three languages, falling back to English.
pub struct Localizer {
    bundles: BTreeMap<&'static str, FluentBundle<FluentResource>>,
    isolating: bool,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("isolating", &self.isolating)
            .finish()
    }
}

impl Localizer {
    /// `isolating` wraps placeables in Unicode isolation marks: right on screen,
    /// wrong in a terminal, CSV or JSON, where they would show as stray characters.
    pub fn new(isolating: bool) -> Localizer {
        let mut bundles = BTreeMap::new();
        for lang in Lang::all() {
            let id: LanguageIdentifier = lang.locale().parse().expect("valid locale");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_use_isolating(isolating);
            bundle.set_formatter(Some(format_number));
            for text in sources(lang) {
                let res = FluentResource::try_new(text.to_owned())
                    .unwrap_or_else(|(_, errs)| panic!("{lang:?}: bad FTL: {errs:?}"));
                bundle.add_resource(res).expect("no duplicate message ids");
            }
            bundles.insert(lang.id(), bundle);
        }
        Localizer { bundles, isolating }
    }

    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundles[lang.id()].has_message(id)
    }

    /// Formats message `id` with string arguments; an unknown id falls back to
    /// English, then to the id itself so a gap is visible rather than blank.
    pub fn format(&self, lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, FluentValue::from(*v));
        }
        self.format_args(lang, id, &fargs)
    }

    /// Formats with arguments given as text; those that read as numbers are passed
    /// as numbers, so that plural selectors pick the right form.
    pub fn format_values(&self, lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v.parse::<f64>() {
                Ok(n) => fargs.set(*k, FluentValue::from(n)),
                Err(_) => fargs.set(*k, FluentValue::from(*v)),
            }
        }
        self.format_args(lang, id, &fargs)
    }

    /// Formats with typed arguments: numbers as numbers, text as text.
    pub fn format_typed(&self, lang: Lang, id: &str, args: &[(&str, MessageArg)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.fluent());
        }
        self.format_args(lang, id, &fargs)
    }

    /// Formats with a numeric argument, so plural selectors pick the right form.
    pub fn format_count(&self, lang: Lang, id: &str, name: &str, count: i64) -> String {
        let mut fargs = FluentArgs::new();
        fargs.set(name, FluentValue::from(count));
        self.format_args(lang, id, &fargs)
    }

    fn format_args(&self, lang: Lang, id: &str, args: &FluentArgs<'_>) -> String {
        for l in [lang, Lang::En] {
            let bundle = &self.bundles[l.id()];
            if let Some(msg) = bundle.get_message(id)
                && let Some(pattern) = msg.value()
            {
                let mut errors = vec![];
                return bundle
                    .format_pattern(pattern, Some(args), &mut errors)
                    .into_owned();
            }
        }
        id.to_owned()
    }

    /// An error in words, naming the field at fault.
    pub fn error(&self, lang: Lang, error: &Error) -> String {
        self.payload(lang, &error.payload())
    }

    /// An error payload in words. Its counts reach Fluent as numbers, as they reach
    /// the UI, so `error-provider-in-use` with one case says "one case".
    pub fn payload(&self, lang: Lang, p: &ErrorPayload) -> String {
        let given = || {
            let mut args = FluentArgs::new();
            for (k, v) in &p.args {
                args.set(k.as_str(), v.fluent());
            }
            args
        };
        let plain = given();
        let mut args = given();
        for (k, id) in &p.message_args {
            args.set(k.as_str(), self.format_args(lang, id, &plain));
        }
        if let Some(field) = &p.field {
            args.set("field", self.format(lang, field, &[]));
        }
        self.format_args(lang, &p.code, &args)
    }

    pub fn is_isolating(&self) -> bool {
        self.isolating
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Field;

    #[test]
    fn os_locale_picks_language() {
        assert_eq!(Lang::from_os_locale("fr_CA.UTF-8"), Lang::Fr);
        assert_eq!(Lang::from_os_locale("ja-JP"), Lang::Ja);
        assert_eq!(Lang::from_os_locale("de_DE"), Lang::En);
        assert_eq!(Lang::from_os_locale(""), Lang::En);
    }

    #[test]
    fn error_names_the_field_in_each_language() {
        let l = Localizer::new(false);
        let e = Error::Required {
            field: Field::FamilyName,
        };
        assert!(
            l.error(Lang::En, &e).contains("Family name"),
            "{}",
            l.error(Lang::En, &e)
        );
        assert!(
            l.error(Lang::Fr, &e).contains("Nom de famille"),
            "{}",
            l.error(Lang::Fr, &e)
        );
        assert!(
            l.error(Lang::Ja, &e).contains("姓"),
            "{}",
            l.error(Lang::Ja, &e)
        );
    }

    #[test]
    fn transition_error_shows_translated_statuses() {
        let l = Localizer::new(false);
        let e = Error::TransitionNotAllowed {
            from: "inquiry".into(),
            to: "closed".into(),
        };
        let fr = l.error(Lang::Fr, &e);
        assert!(fr.contains("Demande") && fr.contains("Fermé"), "{fr}");
    }

    #[test]
    fn numbers_in_messages_are_grouped_per_language() {
        let l = Localizer::new(false);
        assert_eq!(
            l.format_count(Lang::En, "case-count", "count", 12_345),
            "12,345 cases"
        );
        let fr = l
            .format_count(Lang::Fr, "case-count", "count", 12_345)
            .replace(['\u{202f}', '\u{a0}'], " ");
        assert_eq!(fr, "12 345 dossiers");
        assert_eq!(
            l.format_count(Lang::Ja, "case-count", "count", 12_345),
            "12,345件"
        );
    }

    #[test]
    fn an_error_counting_one_case_says_one_case() {
        let l = Localizer::new(false);
        let e = Error::ProviderInUse { cases: 1 };
        assert_eq!(e.payload().args["cases"], MessageArg::Number(1));
        assert_eq!(
            l.error(Lang::En, &e),
            "This provider is used in one case and cannot be deleted."
        );
        let fr = l.error(Lang::Fr, &e);
        assert!(fr.contains("associé à un dossier et"), "{fr}");
        let two = l.error(Lang::Fr, &Error::ProviderInUse { cases: 2 });
        assert!(two.contains("associé à 2 dossiers et"), "{two}");
    }

    #[test]
    fn message_args_cross_to_the_ui_as_numbers_or_text() {
        assert_eq!(serde_json::to_string(&MessageArg::from(1u32)).unwrap(), "1");
        assert_eq!(
            serde_json::to_string(&MessageArg::from("KH-2026-0001")).unwrap(),
            "\"KH-2026-0001\""
        );
    }

    #[test]
    fn french_plural_uses_singular_for_one() {
        let l = Localizer::new(false);
        assert_eq!(
            l.format_count(Lang::Fr, "case-count", "count", 1),
            "1 dossier"
        );
        assert_eq!(
            l.format_count(Lang::Fr, "case-count", "count", 2),
            "2 dossiers"
        );
        assert_eq!(l.format_count(Lang::En, "case-count", "count", 1), "1 case");
    }
}
