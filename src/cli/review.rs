//! The DPO's commands: `diff` (two versions of an assessment), `verify` (a PDF against its file)
//! and `calendar` (the next review date as an `.ics` file).

use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;

use super::{EXIT_INVALID, EXIT_IO, Failure, open_session, out, out_text};
use crate::diff::Change;
use crate::session::calendar::CalendarError;
use crate::verify::Outcome;

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older assessment file.
    pub old: PathBuf,
    /// The newer assessment file.
    pub new: PathBuf,
    /// Print the changes as JSON.
    #[arg(long)]
    pub json: bool,
    /// Use this checklist file for both instead of the built-in checklist they name.
    #[arg(long, value_name = "FILE")]
    pub checklist: Option<PathBuf>,
    /// Language of the values shown (option labels, classes).
    #[arg(long, default_value = "de", value_parser = ["de", "en"])]
    pub lang: String,
}

/// Arguments of `verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The PDF report.
    pub report: PathBuf,
    /// The assessment file it is said to show.
    pub assessment: PathBuf,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
    /// Use this checklist file instead of the built-in checklist the assessment names.
    #[arg(long, value_name = "FILE")]
    pub checklist: Option<PathBuf>,
    /// Language of the text output.
    #[arg(long, default_value = "de", value_parser = ["de", "en"])]
    pub lang: String,
}

/// Arguments of `calendar`.
#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// The assessment file.
    pub assessment: PathBuf,
    /// The calendar file to write (`.ics`). An earlier one of this program is kept as FILE.bak;
    /// any other file is never replaced.
    #[arg(short, long, value_name = "FILE.ics")]
    pub output: PathBuf,
    /// Use this checklist file instead of the built-in checklist the assessment names.
    #[arg(long, value_name = "FILE")]
    pub checklist: Option<PathBuf>,
    /// Language of the entry.
    #[arg(long, default_value = "de", value_parser = ["de", "en"])]
    pub lang: String,
}

/// `diff OLD NEW`: every change, each with its question id. Succeeds whether or not there are
/// differences; a file that does not load is an error.
pub(super) fn diff(args: &DiffArgs) -> Result<(), Failure> {
    let (lang, old) = open_session(&args.old, args.checklist.as_deref(), &args.lang)?;
    let (_, new) = open_session(&args.new, args.checklist.as_deref(), &args.lang)?;
    let changes = new.changes_from(&old, lang);
    if args.json {
        #[derive(Serialize)]
        struct Json<'a> {
            old: &'a Path,
            new: &'a Path,
            changes: &'a [Change],
        }
        let text = serde_json::to_string_pretty(&Json {
            old: &args.old,
            new: &args.new,
            changes: &changes,
        })
        .map_err(|e| Failure::invalid(format!("cannot format the changes as JSON: {e}")))?;
        return out(&format!("{text}\n"));
    }
    let t = &crate::i18n::tr(lang).review;
    let mut text = format!("{} → {}: ", args.old.display(), args.new.display());
    if changes.is_empty() {
        text.push_str(t.no_differences);
        text.push('\n');
    } else {
        text.push_str(&format!("{} {}\n", changes.len(), t.changes));
        let show = |v: &Option<String>| v.clone().unwrap_or_else(|| t.none.to_owned());
        for c in &changes {
            text.push_str(&format!(
                "{} · {}: {} → {}\n",
                c.id,
                c.field.name(lang),
                show(&c.before),
                show(&c.after)
            ));
        }
    }
    out_text(&text)
}

/// `verify REPORT ASSESSMENT`: succeeds only when the report shows exactly this content.
pub(super) fn verify(args: &VerifyArgs) -> Result<(), Failure> {
    let (lang, session) = open_session(&args.assessment, args.checklist.as_deref(), &args.lang)?;
    let verified = session
        .verify_report(&args.report)
        .map_err(|e| Failure::invalid(e.to_string()))?;
    let file_id = session.assessment().fingerprint();
    if args.json {
        #[derive(Serialize)]
        struct Json<'a> {
            report: &'a Path,
            assessment: &'a Path,
            #[serde(flatten)]
            outcome: Outcome,
            report_id: &'a str,
            report_round: u32,
            file_id: &'a str,
            file_round: u32,
        }
        let text = serde_json::to_string_pretty(&Json {
            report: &args.report,
            assessment: &args.assessment,
            outcome: verified.outcome,
            report_id: &verified.report_id,
            report_round: verified.report_round,
            file_id: &file_id,
            file_round: session.assessment().review.round.number,
        })
        .map_err(|e| Failure::invalid(format!("cannot format the result as JSON: {e}")))?;
        out(&format!("{text}\n"))?;
    } else {
        let t = &crate::i18n::tr(lang).review;
        let what = verified.outcome.describe(lang);
        out_text(&format!(
            "{}: {what} ({}).\n  {}: {}\n  {}: {}\n",
            args.report.display(),
            args.assessment.display(),
            t.report_id,
            verified.report_id,
            t.file_id,
            file_id
        ))?;
    }
    if verified.outcome.is_exact() {
        Ok(())
    } else {
        Err(Failure {
            code: EXIT_INVALID,
            message: String::new(),
        })
    }
}

/// `calendar ASSESSMENT -o FILE.ics`.
pub(super) fn calendar(args: &CalendarArgs) -> Result<(), Failure> {
    let (lang, session) = open_session(&args.assessment, args.checklist.as_deref(), &args.lang)?;
    let kept = session
        .export_calendar(lang, &args.output)
        .map_err(|e| Failure {
            code: match e {
                CalendarError::Write { .. } => EXIT_IO,
                CalendarError::NoDate { .. } | CalendarError::Refused { .. } => EXIT_INVALID,
            },
            message: e.to_string(),
        })?;
    let t = &crate::i18n::tr(lang).review;
    let mut text = format!("{}: {}\n", args.output.display(), t.calendar_written);
    if let Some(kept) = kept {
        text.push_str(&format!("  (backup: {})\n", kept.display()));
    }
    out_text(&text)
}
