//! `kakehashi`: the headless command line over Kakehashi's core, for scripting,
//! support and tests. Its commands, flags, output and exit codes are a contract.
//! Its help and messages come from the same Fluent files as the app.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use kakehashi_core::bench::{BenchClass, BenchRow};
use kakehashi_core::demo::DemoOptions;
use kakehashi_core::exchange::CaseRecord;
use kakehashi_core::patient::display_name;
use kakehashi_core::store::Secret;
use kakehashi_core::{
    CaseDetail, CaseListQuery, Error, Lang, Localizer, NewCase, Recipient, Store, format,
};

// Help texts are set from `locales/*/app.ftl` (`cli-about-*`, `cli-arg-*`) at run time,
// so this definition carries none.
#[derive(Parser, Debug)]
#[command(name = "kakehashi", version)]
struct Cli {
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Demo {
        #[arg(long, default_value_t = 200)]
        cases: u32,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        #[arg(long)]
        anchor: Option<NaiveDate>,
    },
    #[command(subcommand)]
    Case(CaseCommand),
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    Check,
    Bench {
        #[arg(long, default_value_t = 200)]
        iterations: usize,
        #[arg(long)]
        json: bool,
    },
    Message {
        id: String,
        #[arg(long = "arg", value_name = "NAME=VALUE")]
        args: Vec<String>,
    },
    Export {
        reference: Option<String>,
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum)]
        format: ExportFormat,
        #[arg(long, value_name = "LANG")]
        bilingual: Option<Lang>,
        #[arg(long, default_value = "coordinator")]
        recipient: Recipient,
        // The id names its help text, `cli-arg-export-without-consent`.
        #[arg(long = "without-consent", id = "without-consent")]
        without_consent: bool,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    Import {
        file: PathBuf,
    },
    Backup {
        out: PathBuf,
    },
    Restore {
        file: PathBuf,
    },
    Encrypt,
    Decrypt,
    #[command(subcommand)]
    Patient(PatientCommand),
    /// The crash harness's writer: creates and edits cases, printing a line after
    /// each commit. Not for people, so not in the help.
    #[command(hide = true)]
    CrashWriter {
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Subcommand, Debug)]
enum PatientCommand {
    Export {
        id: i64,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    Log {
        id: i64,
    },
    Erase {
        id: i64,
        #[arg(long)]
        yes: bool,
    },
}

/// The passphrase of an encrypted database comes from the environment, never from
/// the command line, where other users could read it in the process list.
const PASSPHRASE_ENV: &str = "KAKEHASHI_PASSPHRASE";

/// Taken into a [`Secret`] as read, without a copy, and shared from there on.
fn passphrase() -> Option<Arc<Secret>> {
    std::env::var(PASSPHRASE_ENV)
        .ok()
        .filter(|p| !p.is_empty())
        .map(|p| Arc::new(Secret::new(p)))
}

fn open(path: &std::path::Path) -> Result<Store, Error> {
    Store::open_keyed(path, passphrase())
}

fn open_read_only(path: &std::path::Path) -> Result<Store, Error> {
    Store::open_read_only_keyed(path, passphrase())
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExportFormat {
    Pdf,
    Json,
    Fhir,
    Csv,
}

#[derive(Subcommand, Debug)]
enum CaseCommand {
    Create {
        #[arg(long, value_name = "FILE")]
        json: PathBuf,
    },
    Show {
        reference: String,
        #[arg(long)]
        json: bool,
    },
    List {
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 100)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
}

/// `--lang` must be known before clap parses, because it decides the help's language.
fn language_from_args(args: &[String]) -> Lang {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_owned()),
            None if a == "--lang" => it.next().cloned(),
            None => None,
        };
        if let Some(lang) = value.and_then(|v| v.parse().ok()) {
            return lang;
        }
    }
    Lang::from_os_locale(&sys_locale::get_locale().unwrap_or_default())
}

/// Sets every about and help text from Fluent: `cli-about-<path>`, `cli-arg-<path>-<arg>`.
fn localize(cmd: clap::Command, path: &str, lang: Lang, l10n: &Localizer) -> clap::Command {
    let about = if path.is_empty() {
        "cli-about".to_owned()
    } else {
        format!("cli-about-{path}")
    };
    let mut cmd = cmd.about(l10n.format(lang, &about, &[]));
    let args: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for arg in args {
        let id = if path.is_empty() {
            format!("cli-arg-{arg}")
        } else {
            format!("cli-arg-{path}-{arg}")
        };
        if l10n.has(Lang::En, &id) {
            let help = l10n.format(lang, &id, &[]);
            cmd = cmd.mut_arg(&arg, |a| a.help(help));
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for sub in subs {
        let sub_path = if path.is_empty() {
            sub.clone()
        } else {
            format!("{path}-{sub}")
        };
        cmd = cmd.mut_subcommand(&sub, |s| localize(s, &sub_path, lang, l10n));
    }
    cmd
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    let lang = language_from_args(&argv);
    let l10n = Localizer::new(false);
    let matches = localize(Cli::command(), "", lang, &l10n).get_matches_from(&argv);
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match run(cli, lang, &l10n) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Core(e)) => {
            eprintln!("kakehashi: {}", l10n.error(lang, &e));
            ExitCode::FAILURE
        }
        Err(Failure::Usage(id)) => {
            eprintln!("kakehashi: {}", l10n.format(lang, id, &[]));
            ExitCode::from(2)
        }
        Err(Failure::UnknownMessage(id)) => {
            eprintln!(
                "kakehashi: {}",
                l10n.format(lang, "cli-unknown-message", &[("id", &id)])
            );
            ExitCode::FAILURE
        }
    }
}

#[derive(Debug)]
enum Failure {
    Core(Error),
    UnknownMessage(String),
    /// A wrong combination of arguments, named by its message id.
    Usage(&'static str),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Core(Error::Io(e))
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("plain data serialises")
}

fn run(cli: Cli, lang: Lang, l10n: &Localizer) -> Result<(), Failure> {
    let explicit_db = cli.db.is_some();
    let path = cli.db.unwrap_or_else(kakehashi_core::store::default_path);
    match cli.command {
        Command::Export {
            reference,
            all,
            format,
            bilingual,
            recipient,
            without_consent,
            out,
        } => {
            let one_case = matches!(
                format,
                ExportFormat::Pdf | ExportFormat::Json | ExportFormat::Fhir
            );
            if reference.is_some() == all || one_case == all {
                return Err(Failure::Usage("cli-export-usage"));
            }
            // Read-only, so that it works beside the app; the export is still logged.
            let store = open_read_only(&path)?;
            let now = chrono::Utc::now();
            let bytes = match (reference, all, format) {
                (None, true, ExportFormat::Csv) => {
                    let cases = store.list_all(&CaseListQuery::default())?;
                    store.log_list_export(&cases)?;
                    kakehashi_export::csv_list::case_list(&cases, l10n, lang)
                        .map_err(|e| Error::Io(std::io::Error::other(e)))?
                }
                (
                    Some(reference),
                    false,
                    ExportFormat::Pdf | ExportFormat::Json | ExportFormat::Fhir,
                ) => {
                    use kakehashi_export::options::{self, ExportOptions};
                    let consent = store.export_consent(&reference, recipient, without_consent)?;
                    let record = store.export_case(&reference, recipient)?;
                    store.log_case_export(&reference, consent)?;
                    let format = match format {
                        ExportFormat::Pdf => options::ExportFormat::Pdf,
                        ExportFormat::Fhir => options::ExportFormat::Fhir,
                        _ => options::ExportFormat::Json,
                    };
                    ExportOptions {
                        format,
                        lang,
                        second: bilingual,
                        recipient,
                    }
                    .render(&record, l10n, now)
                    .map_err(|e| Error::Io(std::io::Error::other(e)))?
                }
                _ => return Err(Failure::Usage("cli-export-usage")),
            };
            kakehashi_core::store::write_atomically(&out, &bytes)?;
        }
        Command::Import { file } => {
            let text = std::fs::read_to_string(&file)?;
            let record: CaseRecord = serde_json::from_str(&text).map_err(|e| Error::BadJson {
                detail: e.to_string(),
            })?;
            let mut store = open(&path)?;
            println!("{}", store.import_case(&record)?);
        }
        Command::Demo {
            cases,
            seed,
            anchor,
        } => {
            let mut store = open(&path)?;
            let anchor = anchor.unwrap_or_else(|| store.today());
            store.generate_demo(DemoOptions {
                cases,
                seed,
                anchor,
                language: lang,
            })?;
            println!(
                "{}",
                l10n.format_count(lang, "cli-demo-created", "count", i64::from(cases))
            );
        }
        Command::Case(CaseCommand::Create { json: file }) => {
            let mut text = String::new();
            if file.as_os_str() == "-" {
                std::io::stdin().read_to_string(&mut text)?;
            } else {
                text = std::fs::read_to_string(&file)?;
            }
            let input: NewCase = serde_json::from_str(&text).map_err(|e| Error::BadJson {
                detail: e.to_string(),
            })?;
            let mut store = open(&path)?;
            println!("{}", store.create_case(&input)?);
        }
        Command::Case(CaseCommand::Show {
            reference,
            json: as_json,
        }) => {
            let store = open_read_only(&path)?;
            let detail = store.view_case(&reference)?;
            if as_json {
                println!("{}", json(&detail));
            } else {
                print!("{}", show(&detail, lang, l10n));
            }
        }
        Command::Case(CaseCommand::List {
            json: as_json,
            limit,
            offset,
        }) => {
            let store = open_read_only(&path)?;
            let query = CaseListQuery {
                offset: Some(offset),
                limit: Some(limit),
                ..Default::default()
            };
            let page = store.list_cases(&query)?;
            if as_json {
                println!("{}", json(&page));
            } else {
                for c in &page.cases {
                    println!("{}", row(c, lang, l10n));
                }
                println!(
                    "{}",
                    l10n.format_count(lang, "case-count", "count", i64::from(page.total))
                );
            }
        }
        Command::Search {
            query,
            limit,
            json: as_json,
        } => {
            let store = open_read_only(&path)?;
            let hits = store.search(&query, limit)?;
            if as_json {
                println!("{}", json(&hits));
            } else {
                for c in &hits {
                    println!("{}", row(c, lang, l10n));
                }
            }
        }
        Command::Check => {
            let store = open_read_only(&path)?;
            store.check()?;
            let breaks = store.access_log_breaks()?;
            if !breaks.is_empty() {
                eprintln!(
                    "{}",
                    l10n.format_count(
                        lang,
                        "cli-check-access-log-altered",
                        "count",
                        breaks.len() as i64
                    )
                );
                std::process::exit(1);
            }
            let version = store.schema_version()?.to_string();
            let cases = store.case_count()?.to_string();
            println!(
                "{}",
                l10n.format(
                    lang,
                    "cli-check-ok",
                    &[("version", &version), ("cases", &cases)]
                )
            );
        }
        Command::Bench {
            iterations,
            json: as_json,
        } => {
            let store = open_read_only(&path)?;
            let rows = store.bench(iterations.max(1))?;
            if as_json {
                println!("{}", json(&rows));
            } else {
                print!("{}", bench_table(&rows, store.case_count()?, lang, l10n));
            }
        }
        Command::Backup { out } => {
            let store = open_read_only(&path)?;
            let info = store.backup_to(&out)?;
            println!(
                "{}",
                l10n.format(lang, "cli-backup-done", &[("path", &info.path)])
            );
        }
        Command::Restore { file } => {
            let aside = kakehashi_core::store::backup::restore(
                &path,
                &file,
                passphrase().as_deref().map(Secret::expose),
                &kakehashi_core::store::default_actor(),
            )?;
            let aside = aside.map(|p| p.display().to_string()).unwrap_or_default();
            println!(
                "{}",
                l10n.format(lang, "cli-restore-done", &[("aside", &aside)])
            );
        }
        // The current passphrase, if the file has one, comes from the environment like
        // every other command's; it opens the file and is asked for again by the core.
        Command::Encrypt => {
            let mut new = String::new();
            std::io::stdin().read_line(&mut new)?;
            // Trimmed in place: a trimmed copy would escape the wiping.
            new.truncate(new.trim_end_matches(['\r', '\n']).len());
            let new = Secret::new(new);
            let current = passphrase();
            let mut store = Store::open_keyed(&path, current.clone())?;
            store.encrypt(current.as_deref().map(Secret::expose), new)?;
            println!("{}", l10n.format(lang, "cli-encrypt-done", &[]));
        }
        Command::Decrypt => {
            let current = passphrase();
            let mut store = Store::open_keyed(&path, current.clone())?;
            store.decrypt(current.as_deref().map(Secret::expose))?;
            println!("{}", l10n.format(lang, "cli-decrypt-done", &[]));
        }
        Command::Patient(PatientCommand::Export { id, out }) => {
            let store = open(&path)?;
            let record = store.export_patient(kakehashi_core::PatientId(id))?;
            kakehashi_core::store::write_atomically(&out, json(&record).as_bytes())?;
        }
        Command::Patient(PatientCommand::Log { id }) => {
            let store = open_read_only(&path)?;
            let id = kakehashi_core::PatientId(id);
            // An erased patient has no record left, only the trace of the erasure.
            let log = match store.patient(id) {
                Ok(_) => store.access_log(id)?,
                Err(Error::PatientNotFound { .. }) => store.erasure_trace(id)?,
                Err(e) => return Err(e.into()),
            };
            println!("{}", json(&log));
        }
        Command::Patient(PatientCommand::Erase { id, yes }) => {
            if !yes {
                return Err(Failure::Usage("cli-erase-usage"));
            }
            let mut store = open(&path)?;
            let erased = store.erase_patient(kakehashi_core::PatientId(id))?;
            let refs = erased.references.join(", ");
            println!(
                "{}",
                l10n.format(lang, "cli-erase-done", &[("references", &refs)])
            );
            if erased.checkpoint_pending {
                println!("{}", l10n.format(lang, "patient-erased-pending", &[]));
            }
        }
        // Never the default database: the writer fills it with fictional cases.
        Command::CrashWriter { seed } if explicit_db => crash_writer(&path, seed)?,
        Command::CrashWriter { .. } => return Err(Failure::Usage("cli-crash-writer-usage")),
        Command::Message { id, args } => {
            if !l10n.has(Lang::En, &id) {
                return Err(Failure::UnknownMessage(id));
            }
            let pairs: Vec<(&str, &str)> = args.iter().filter_map(|a| a.split_once('=')).collect();
            println!("{}", l10n.format_values(lang, &id, &pairs));
        }
    }
    Ok(())
}

/// Creates and edits cases until killed. Each line on stdout is written only after
/// its change has committed: the harness holds the database to every line it read.
fn crash_writer(path: &std::path::Path, seed: u64) -> Result<(), Failure> {
    use kakehashi_core::{NewCaseDetails, NewPatient, NoteInput, TaskInput};
    use std::io::Write;
    let mut store = open(path)?;
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut out = std::io::stdout().lock();
    let mut refs: Vec<String> = Vec::new();
    for i in 0.. {
        if refs.is_empty() || rng.u8(..4) == 0 {
            let r = store.create_case(&NewCase {
                patient: NewPatient {
                    family_name: format!("Crash{seed}-{i}"),
                    given_name: "Test".into(),
                    ..Default::default()
                },
                case: NewCaseDetails {
                    direction: if rng.bool() { "ca-to-jp" } else { "jp-to-ca" }.into(),
                    specialty: "oncology".into(),
                    ..Default::default()
                },
            })?;
            writeln!(out, "case {r}")?;
            refs.push(r.to_string());
        } else {
            let r = refs[rng.usize(..refs.len())].clone();
            if rng.bool() {
                let body = format!("note {seed}-{i}");
                store.add_note(
                    &r,
                    &NoteInput {
                        channel: "phone".into(),
                        body: body.clone(),
                        written_local: None,
                        zone: None,
                    },
                )?;
                writeln!(out, "note {r} {body}")?;
            } else {
                let title = format!("task {seed}-{i}");
                store.add_task(
                    &r,
                    &TaskInput {
                        title: title.clone(),
                        due_on: None,
                    },
                )?;
                writeln!(out, "task {r} {title}")?;
            }
        }
        out.flush()?;
    }
    Ok(())
}

fn bench_table(rows: &[BenchRow], cases: u32, lang: Lang, l10n: &Localizer) -> String {
    let t = |id: &str| l10n.format(lang, id, &[]);
    let mut out = format!(
        "{}\n",
        l10n.format_count(lang, "cli-bench-title", "cases", i64::from(cases))
    );
    let header = [
        t("cli-bench-col-what"),
        t("cli-bench-col-core"),
        t("cli-bench-col-sqlite"),
        t("cli-bench-col-ratio"),
    ];
    out.push_str(&format!(
        "{:<34} {:>18} {:>18} {:>8}\n",
        header[0], header[1], header[2], header[3]
    ));
    for r in rows {
        let what = match &r.class {
            BenchClass::Search { query } => {
                l10n.format(lang, "cli-bench-search", &[("query", query)])
            }
            BenchClass::ListPage { offset } => {
                l10n.format_count(lang, "cli-bench-list-page", "offset", i64::from(*offset))
            }
            BenchClass::ListSorted { sort, offset } => {
                let order: &str = (*sort).into();
                l10n.format_values(
                    lang,
                    "cli-bench-list-sorted",
                    &[
                        ("order", &t(&format!("list-sort-{order}"))),
                        ("offset", &offset.to_string()),
                    ],
                )
            }
            BenchClass::ListFiltered => t("cli-bench-list-filtered"),
            BenchClass::CaseDetail => t("cli-bench-case-detail"),
            BenchClass::Dashboard => t("cli-bench-dashboard"),
        };
        let pair = |p50: f64, p95: f64| format!("{p50:.3} / {p95:.3}");
        let ratio = if r.sqlite.p95_ms > 0.0 {
            r.core.p95_ms / r.sqlite.p95_ms
        } else {
            1.0
        };
        out.push_str(&format!(
            "{:<34} {:>18} {:>18} {:>7.2}x\n",
            what,
            pair(r.core.p50_ms, r.core.p95_ms),
            pair(r.sqlite.p50_ms, r.sqlite.p95_ms),
            ratio
        ));
    }
    out
}

fn row(c: &kakehashi_core::CaseSummary, lang: Lang, l10n: &Localizer) -> String {
    let status: &str = c.status.into();
    format!(
        "{}\t{}\t{}",
        c.reference,
        display_name(&c.family_name, &c.given_name, c.name_order, lang),
        l10n.format(lang, &format!("case-status-{status}"), &[])
    )
}

fn show(d: &CaseDetail, lang: Lang, l10n: &Localizer) -> String {
    let t = |id: &str| l10n.format(lang, id, &[]);
    let s = &d.summary;
    let id = |prefix: &str, v: &'static str| t(&format!("{prefix}-{v}"));
    let not_set = t("detail-not-set");
    let mut out = format!("{}\n", s.reference);
    let mut line = |label: &str, value: String| out.push_str(&format!("{}: {}\n", t(label), value));
    line(
        "detail-patient",
        display_name(&s.family_name, &s.given_name, s.name_order, lang),
    );
    if let (Some(fk), Some(gk)) = (&s.family_name_kana, &s.given_name_kana) {
        line("detail-reading", format!("{fk} {gk}"));
    }
    let birth = d.patient.birth_date.map(|b| format::date(lang, b, false));
    line("field-birth-date", birth.unwrap_or_else(|| not_set.clone()));
    line("field-status", id("case-status", s.status.into()));
    line("field-direction", id("direction", s.direction.into()));
    line("field-specialty", id("specialty", s.specialty.into()));
    let provider = match lang {
        Lang::En => &s.provider_name_en,
        Lang::Fr => &s.provider_name_fr,
        Lang::Ja => &s.provider_name_ja,
    };
    line(
        "field-provider",
        provider.clone().unwrap_or_else(|| not_set.clone()),
    );
    line("field-opened-on", format::date(lang, s.opened_on, false));
    let cost = d.estimated_cost.map(|m| format::money(lang, m));
    line("field-estimated-cost", cost.unwrap_or(not_set));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_command_and_argument_has_help_in_every_language() {
        let l10n = Localizer::new(false);
        fn walk(cmd: &clap::Command, path: &str, l10n: &Localizer) {
            let about = if path.is_empty() {
                "cli-about".to_owned()
            } else {
                format!("cli-about-{path}")
            };
            for lang in Lang::all() {
                assert!(l10n.has(lang, &about), "{lang:?} lacks {about}");
            }
            for arg in cmd.get_arguments() {
                let name = arg.get_id().as_str();
                if matches!(name, "help" | "version") {
                    continue;
                }
                let id = if path.is_empty() {
                    format!("cli-arg-{name}")
                } else {
                    format!("cli-arg-{path}-{name}")
                };
                let global = matches!(name, "db" | "lang") && !path.is_empty();
                assert!(global || l10n.has(Lang::En, &id), "no help text {id}");
            }
            for sub in cmd.get_subcommands() {
                let p = if path.is_empty() {
                    sub.get_name().to_owned()
                } else {
                    format!("{path}-{}", sub.get_name())
                };
                walk(sub, &p, l10n);
            }
        }
        walk(&Cli::command(), "", &l10n);
    }

    #[test]
    fn lang_flag_is_found_before_parsing() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            language_from_args(&args(&["k", "--lang", "ja", "check"])),
            Lang::Ja
        );
        assert_eq!(
            language_from_args(&args(&["k", "check", "--lang=fr"])),
            Lang::Fr
        );
    }
}
