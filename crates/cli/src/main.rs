//! `kakehashi`: the headless command line over Kakehashi's core, for scripting,
//! support and tests. Its commands, flags, output and exit codes are a contract.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use kakehashi_core::demo::DemoOptions;
use kakehashi_core::{CaseDetail, CaseListQuery, Error, Lang, Localizer, NewCase, Store};

#[derive(Parser, Debug)]
#[command(
    name = "kakehashi",
    version,
    about = "Kakehashi case manager: command line over the case database"
)]
struct Cli {
    /// Database file (default: the app's database in the OS app-data folder)
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Language of messages and labels: en, fr or ja (default: from the OS locale)
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Fill the database with fictional demo cases (deterministic for a seed)
    Demo {
        #[arg(long, default_value_t = 200)]
        cases: u32,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// "Today" for the generated data, YYYY-MM-DD (default: today)
        #[arg(long)]
        anchor: Option<NaiveDate>,
    },
    /// Create, show and list cases
    #[command(subcommand)]
    Case(CaseCommand),
    /// Search cases by name (any script), reading, reference, provider or note
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Check the database's integrity and print its schema version
    Check,
}

#[derive(Subcommand, Debug)]
enum CaseCommand {
    /// Create a patient and case from JSON (a file, or - for standard input); prints the reference
    Create {
        #[arg(long, value_name = "FILE")]
        json: PathBuf,
    },
    /// Show one case
    Show {
        reference: String,
        #[arg(long)]
        json: bool,
    },
    /// List cases, newest first
    List {
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 100)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli
        .lang
        .unwrap_or_else(|| Lang::from_os_locale(&sys_locale::get_locale().unwrap_or_default()));
    let l10n = Localizer::new(false);
    match run(cli, lang, &l10n) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Core(e)) => {
            eprintln!("kakehashi: {}", l10n.error(lang, &e));
            ExitCode::FAILURE
        }
        Err(Failure::Other(e)) => {
            eprintln!("kakehashi: {e:#}");
            ExitCode::FAILURE
        }
    }
}

#[derive(Debug)]
enum Failure {
    Core(Error),
    Other(anyhow::Error),
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

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Self {
        Failure::Other(e.into())
    }
}

fn run(cli: Cli, lang: Lang, l10n: &Localizer) -> Result<(), Failure> {
    let path = cli.db.unwrap_or_else(kakehashi_core::store::default_path);
    match cli.command {
        Command::Demo {
            cases,
            seed,
            anchor,
        } => {
            let mut store = Store::open(&path)?;
            let anchor = anchor.unwrap_or_else(|| store.today());
            store.generate_demo(DemoOptions {
                cases,
                seed,
                anchor,
            })?;
            println!(
                "{}",
                l10n.format_count(lang, "cli-demo-created", "count", i64::from(cases))
            );
        }
        Command::Case(CaseCommand::Create { json }) => {
            let mut text = String::new();
            if json.as_os_str() == "-" {
                std::io::stdin().read_to_string(&mut text)?;
            } else {
                text = std::fs::read_to_string(&json)?;
            }
            let input: NewCase = serde_json::from_str(&text).map_err(|e| Error::BadJson {
                detail: e.to_string(),
            })?;
            let mut store = Store::open(&path)?;
            println!("{}", store.create_case(&input)?);
        }
        Command::Case(CaseCommand::Show { reference, json }) => {
            let store = Store::open_read_only(&path)?;
            let detail = store.case_detail(&reference)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&detail)?);
            } else {
                print!("{}", show(&detail, lang, l10n));
            }
        }
        Command::Case(CaseCommand::List {
            json,
            limit,
            offset,
        }) => {
            let store = Store::open_read_only(&path)?;
            let page = store.list_cases(&CaseListQuery {
                status: None,
                offset: Some(offset),
                limit: Some(limit),
            })?;
            if json {
                println!("{}", serde_json::to_string_pretty(&page)?);
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
        Command::Search { query, limit, json } => {
            let store = Store::open_read_only(&path)?;
            let hits = store.search(&query, limit)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&hits)?);
            } else {
                for c in &hits {
                    println!("{}", row(c, lang, l10n));
                }
            }
        }
        Command::Check => {
            let store = Store::open_read_only(&path)?;
            store.check()?;
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
    }
    Ok(())
}

fn display_name(family: &str, given: &str, order: kakehashi_core::NameOrder, lang: Lang) -> String {
    if lang == Lang::Ja || order == kakehashi_core::NameOrder::FamilyFirst {
        format!("{family} {given}")
    } else {
        format!("{given} {family}")
    }
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
    let mut out = format!("{}\n", s.reference);
    let mut line = |label: &str, value: String| out.push_str(&format!("{}: {}\n", t(label), value));
    line(
        "detail-patient",
        display_name(&s.family_name, &s.given_name, s.name_order, lang),
    );
    if let (Some(fk), Some(gk)) = (&s.family_name_kana, &s.given_name_kana) {
        line("detail-reading", format!("{fk} {gk}"));
    }
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
        provider.clone().unwrap_or_else(|| t("detail-not-set")),
    );
    line("field-opened-on", s.opened_on.to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
