// Fluent messages from the same locales/ files the Rust core reads, and the
// browser's Intl for dates, times and amounts in en-CA, fr-CA and ja-JP.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { Lang } from "../bindings/Lang";
import type { Money } from "../bindings/Money";
import type { NameOrder } from "../bindings/NameOrder";

const sources = import.meta.glob("../../../locales/*/*.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

export const LOCALES: Record<Lang, string> = { en: "en-CA", fr: "fr-CA", ja: "ja-JP" };

function bundleFor(lang: Lang): FluentBundle {
  // No isolation marks: WebKit draws U+2068/U+2069 with a fallback font that changes the
  // look of the whole line. Record text is never a Fluent placeable on screen; where
  // a name sits in a line it is wrapped in <bdi> by the template instead.
  const bundle = new FluentBundle(LOCALES[lang], { useIsolating: false });
  for (const [path, text] of Object.entries(sources)) {
    if (!path.includes(`/locales/${lang}/`)) continue;
    const errors = bundle.addResource(new FluentResource(text));
    if (errors.length) console.error(`locales/${lang}: ${errors.join("; ")}`);
  }
  return bundle;
}

// Each language's messages are parsed when first shown, not all three at start.
const bundles: Partial<Record<Lang, FluentBundle>> = {};
function bundle(lang: Lang): FluentBundle {
  return (bundles[lang] ??= bundleFor(lang));
}

// Building an Intl formatter opens ICU's locale data and, for dates, a pattern
// generator: far dearer than formatting. A screen formats hundreds of values, so each
// formatter is built once per locale and options and kept.
const formatters = new Map<string, unknown>();
function memo<T>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind} ${locale} ${JSON.stringify(options)}`;
  let f = formatters.get(key) as T | undefined;
  if (f === undefined) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

class Language {
  current = $state<Lang>("en");
  /** Japanese dates in the imperial era (令和8年) — a per-machine setting. */
  japaneseEra = $state(false);
}
export const language = new Language();

/** A message in the active language; English if missing there; the id if missing everywhere. */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  for (const lang of [language.current, "en"] as Lang[]) {
    const b = bundle(lang);
    const msg = b.getMessage(id);
    if (msg?.value) return b.formatPattern(msg.value, args);
  }
  return id;
}

/** A core error in words, with its field and translated arguments. Counts arrive as
 * numbers (`MessageArg`) and stay numbers, so a plural selector agrees with them:
 * "1 case", never "1 cases". */
export function tError(e: ErrorPayload): string {
  const args: Record<string, FluentVariable> = { ...e.args };
  for (const [k, id] of Object.entries(e.message_args)) args[k] = t(id, e.args);
  if (e.field) args.field = t(e.field);
  return t(e.code, args);
}

function locale(): string {
  return LOCALES[language.current];
}

/** A calendar date (YYYY-MM-DD), which has no zone. Japanese writes 年月日 (1961年4月2日),
 * as hospitals do, rather than 1961/04/02; `kakehashi_core::format::date` does the same. */
export function formatDate(date: string | null): string {
  if (!date) return t("detail-not-set");
  const era = language.current === "ja" && language.japaneseEra;
  const options: Intl.DateTimeFormatOptions = era
    ? { era: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }
    : { dateStyle: language.current === "ja" ? "long" : "medium", timeZone: "UTC" };
  const loc = era ? "ja-JP-u-ca-japanese" : locale();
  return memo("date", loc, options, () => new Intl.DateTimeFormat(loc, options)).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** "tomorrow", "in 3 days", "il y a 2 jours", "3日後": days counted by the core, put into words here. */
export function formatRelativeDays(days: number): string {
  const loc = locale();
  const options: Intl.RelativeTimeFormatOptions = { numeric: "auto" };
  return memo("relative", loc, options, () => new Intl.RelativeTimeFormat(loc, options)).format(days, "day");
}

/** An instant shown in the given IANA zone, with the zone's name. */
export function formatInstant(instant: string, zone: string): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are named.
  const loc = locale();
  const options: Intl.DateTimeFormatOptions = {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: zone,
    timeZoneName: "short",
  };
  return memo("instant", loc, options, () => new Intl.DateTimeFormat(loc, options)).format(new Date(instant));
}

/** A country's name from its ISO 3166 code, in the active language (CLDR data in the webview). */
export function regionName(code: string | null): string {
  if (!code) return t("detail-not-set");
  const loc = locale();
  const options: Intl.DisplayNamesOptions = { type: "region" };
  return memo("region", loc, options, () => new Intl.DisplayNames([loc], options)).of(code) ?? code;
}

/** An amount in its currency. Japanese writes a foreign currency by its code (CAD 12,500.50):
 * CLDR's "CA$" reads as an English abbreviation there. Mirrors `kakehashi_core::format::money`. */
export function formatMoney(m: Money | null): string {
  if (!m) return t("detail-not-set");
  const loc = locale();
  const byCode = language.current === "ja" && m.currency !== "JPY";
  const options: Intl.NumberFormatOptions = { style: "currency", currency: m.currency, ...(byCode && { currencyDisplay: "code" }) };
  const fmt = memo("money", loc, options, () => new Intl.NumberFormat(loc, options));
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  return fmt.format(m.minor / 10 ** digits);
}

/** Japanese puts the family name first; English and French follow the patient's order.
 * Mirrors `kakehashi_core::patient::display_name`, which the CLI and exports use. */
export function displayName(p: { family_name: string; given_name: string; name_order: NameOrder }): string {
  return language.current === "ja" || p.name_order === "family-first"
    ? `${p.family_name} ${p.given_name}`
    : `${p.given_name} ${p.family_name}`;
}

export function providerName(p: {
  provider_name_en: string | null;
  provider_name_fr: string | null;
  provider_name_ja: string | null;
}): string | null {
  return { en: p.provider_name_en, fr: p.provider_name_fr, ja: p.provider_name_ja }[language.current];
}
