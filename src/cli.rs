//! The command-line front end over the domain core: `check`, `checklist show`, `new`, `score`,
//! `export`, and the DPO's `diff`, `verify` and `calendar` ([`review`]).
//!
//! Every command prints its result on stdout and each error once on stderr, and returns an
//! [`ExitCode`]: 0 success, 1 invalid input (checklist problems, refused or mismatched files),
//! 2 usage error, 3 a file could not be written.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

pub mod review;

use crate::assessment::{Assessment, short};
use crate::builtin;
use crate::checklist::{self, Checklist, load};
use crate::diagnostics::{Problem, SourceLine};
use crate::fsio::report_target::ReportWriteError;
use crate::plan::PlanRow;
use crate::risk::RiskClass;
use crate::scoring::{FindingKind, Score};
use crate::session::{self, ExportError, ExportFormat, OpenError, Session};
use crate::text::Lang;

/// Exit code: input invalid or refused.
pub const EXIT_INVALID: u8 = 1;
/// Exit code: usage error (set by clap as well).
pub const EXIT_USAGE: u8 = 2;
/// Exit code: output could not be written.
pub const EXIT_IO: u8 = 3;

const EXIT_CODES: &str = "Exit codes: 0 success · 1 invalid input (checklist problems, damaged, newer or \
mismatched files) · 2 usage error · 3 a file could not be written";

/// Plattform-Check: data-protection assessment of social-media channels of public bodies.
///
/// Without a command, the desktop app starts.
#[derive(Debug, Parser)]
#[command(
    name = "plattformcheck",
    version,
    after_help = EXIT_CODES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; none starts the desktop app.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// An assessment to open in the desktop app (or a checklist file to begin one with).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate checklist files and print every problem with file and line.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// Checklist files (RON).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Treat warnings (missing English text, unused sources) as failures.
        #[arg(long)]
        strict: bool,
    },
    /// Work with checklists.
    #[command(subcommand)]
    Checklist(ChecklistCommand),
    /// Create an empty assessment to fill in.
    #[command(after_help = EXIT_CODES)]
    New {
        /// Built-in checklist id (`tiktok`, `soziale-netzwerke`, `messenger`; `checklist list`
        /// shows them) or a checklist file.
        #[arg(long, value_name = "ID|FILE")]
        checklist: String,
        /// The assessment file to create.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Replace the file if it exists (the old content is kept as FILE.bak).
        #[arg(long)]
        force: bool,
    },
    /// Score an assessment: overall class (gross and residual), knock-outs, findings, sections.
    #[command(after_help = EXIT_CODES)]
    Score(ScoreArgs),
    /// Write the assessment report as PDF (for the DPO's review, decision and archive).
    #[command(after_help = EXIT_CODES)]
    Export(ExportArgs),
    /// Compare two versions of an assessment: answers, justifications, evidence, measures,
    /// verdicts, metadata and the classes, each change with its question id (exit 0 whether or
    /// not they differ).
    #[command(after_help = EXIT_CODES)]
    Diff(review::DiffArgs),
    /// Check whether a PDF report was made from exactly this assessment's content, and if not,
    /// from which round (exit 0 only for an exact match).
    #[command(after_help = EXIT_CODES)]
    Verify(review::VerifyArgs),
    /// Write the next review date as a calendar file (.ics) for Outlook and other calendars.
    #[command(after_help = EXIT_CODES)]
    Calendar(review::CalendarArgs),
}

/// `checklist …` commands.
#[derive(Debug, Subcommand)]
pub enum ChecklistCommand {
    /// Show a validated checklist.
    #[command(after_help = EXIT_CODES)]
    Show {
        /// Built-in checklist id or a checklist file.
        #[arg(value_name = "ID|FILE")]
        checklist: String,
        /// Print it as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the built-in checklists.
    List,
}

/// Arguments of `score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The assessment file.
    pub assessment: PathBuf,
    /// Print the score as JSON.
    #[arg(long)]
    pub json: bool,
    /// Use this checklist file instead of the built-in checklist the assessment names.
    #[arg(long, value_name = "FILE")]
    pub checklist: Option<PathBuf>,
    /// Language of the text output.
    #[arg(long, default_value = "de", value_parser = ["de", "en"])]
    pub lang: String,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The assessment file.
    pub assessment: PathBuf,
    /// The PDF file to write. An earlier report there is kept as OUT.pdf.bak; any other file is
    /// never replaced.
    #[arg(short, long, value_name = "OUT.pdf")]
    pub output: PathBuf,
    /// Language of the report, independent of the language of the app.
    #[arg(long, default_value = "de", value_parser = ["de", "en"])]
    pub lang: String,
    /// Use this checklist file instead of the built-in checklist the assessment names.
    #[arg(long, value_name = "FILE")]
    pub checklist: Option<PathBuf>,
}

/// Runs a parsed command line (with a command).
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Check { files, strict } => check(&files, strict),
        Command::Checklist(ChecklistCommand::Show { checklist, json }) => show(&checklist, json),
        Command::Checklist(ChecklistCommand::List) => list(),
        Command::New {
            checklist,
            output,
            force,
        } => new(&checklist, &output, force),
        Command::Score(args) => score(&args),
        Command::Export(args) => export(&args),
        Command::Diff(args) => review::diff(&args),
        Command::Verify(args) => review::verify(&args),
        Command::Calendar(args) => review::calendar(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure { code, message }) => {
            if !message.is_empty() {
                warn(&message);
            }
            ExitCode::from(code)
        }
    }
}

/// Prints clap's help, version or usage error and returns its exit code; a failure to print
/// it is reported like any other output failure.
pub fn usage(err: &clap::Error) -> ExitCode {
    let code = u8::try_from(err.exit_code()).unwrap_or(EXIT_USAGE);
    match err.print() {
        Ok(()) => ExitCode::from(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(code),
        Err(e) => {
            warn(&format!(
                "cannot write to standard output: {}",
                crate::fsio::io_message(&e)
            ));
            ExitCode::from(EXIT_IO)
        }
    }
}

/// Writes `text` to stdout. A closed pipe (`… | head`) ends the command quietly with success,
/// as Unix tools do; any other failure (a full disk) is an I/O error.
fn out(text: &str) -> Result<(), Failure> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|err| {
            if err.kind() == io::ErrorKind::BrokenPipe {
                Failure {
                    code: 0,
                    message: String::new(),
                }
            } else {
                Failure {
                    code: EXIT_IO,
                    message: format!(
                        "cannot write to standard output: {}",
                        crate::fsio::io_message(&err)
                    ),
                }
            }
        })
}

/// Writes one line to stderr, with hidden characters written out (see
/// [`crate::text::printable`]); if even that fails there is nobody left to tell.
fn warn(line: &str) {
    writeln!(io::stderr().lock(), "{}", crate::text::printable(line)).ok();
}

/// Writes human-readable `text` to stdout, with hidden characters written out: texts from a
/// file must not be able to steer the terminal.
fn out_text(text: &str) -> Result<(), Failure> {
    out(&crate::text::printable(text))
}

/// An error to print once, with its exit code.
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn invalid(message: impl Into<String>) -> Self {
        Self {
            code: EXIT_INVALID,
            message: message.into(),
        }
    }
}

fn check(files: &[PathBuf], strict: bool) -> Result<(), Failure> {
    let mut failed = 0;
    for file in files {
        let (checklist, problems) = load::load_file(file);
        let errors = problems.iter().filter(|p| p.is_error()).count();
        let warnings = problems.len() - errors;
        for p in &problems {
            warn(&p.to_string());
        }
        let ok = checklist.is_some() && (!strict || warnings == 0);
        if !ok {
            failed += 1;
        }
        let line = match &checklist {
            Some(c) if ok => format!(
                "{}: ok — {} {} ({} questions, {warnings} warning(s)), fingerprint {}",
                file.display(),
                c.id(),
                c.version(),
                c.question_count(),
                c.fingerprint()
            ),
            _ => format!(
                "{}: FAILED — {errors} error(s), {warnings} warning(s)",
                file.display()
            ),
        };
        out_text(&format!("{line}\n"))?;
    }
    if failed > 0 {
        return Err(Failure::invalid(format!(
            "{failed} of {} file(s) failed the check",
            files.len()
        )));
    }
    Ok(())
}

/// A built-in checklist by id, or a checklist file.
fn resolve(spec: &str) -> Result<Checklist, Failure> {
    let path = Path::new(spec);
    if path.exists() || spec.ends_with(".ron") || spec.contains(std::path::MAIN_SEPARATOR) {
        let (checklist, problems) = load::load_file(path);
        return checklist.ok_or_else(|| Failure::invalid(problem_list(&problems)));
    }
    let report = builtin::load_all();
    report
        .checklists
        .into_iter()
        .map(|l| l.checklist)
        .find(|c| c.id() == spec)
        .ok_or_else(|| {
            let known: Vec<String> = builtin::load_all()
                .checklists
                .iter()
                .map(|l| l.checklist.id().to_owned())
                .collect();
            Failure::invalid(format!(
                "unknown checklist `{spec}`: neither a file nor a built-in checklist ({})",
                known.join(", ")
            ))
        })
}

fn problem_list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

fn show(spec: &str, json: bool) -> Result<(), Failure> {
    use std::fmt::Write as _;
    let checklist = resolve(spec)?;
    if json {
        let text = serde_json::to_string_pretty(&checklist)
            .map_err(|e| Failure::invalid(format!("cannot format the checklist as JSON: {e}")))?;
        return out(&format!("{text}\n"));
    }
    let mut o = String::new();
    writeln!(
        o,
        "{} — {} {} (Quellen geprüft am {})",
        checklist.title().de,
        checklist.id(),
        checklist.version(),
        checklist.date()
    )
    .ok();
    writeln!(o, "Fingerabdruck: {}", checklist.fingerprint()).ok();
    for section in checklist.sections() {
        writeln!(o, "\n{} {}", section.id, section.title.de).ok();
        for q in &section.questions {
            let cond = q
                .show_if
                .as_ref()
                .map(|c| {
                    format!(
                        "  [nur wenn {} = {}]",
                        c.question,
                        c.any_of
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("|")
                    )
                })
                .unwrap_or_default();
            writeln!(o, "  {:<6} {}{cond}", q.id, q.text.de).ok();
        }
    }
    out_text(&o)
}

fn list() -> Result<(), Failure> {
    let report = builtin::load_all();
    let mut o = String::new();
    for l in &report.checklists {
        let c = &l.checklist;
        o.push_str(&format!(
            "{:<18} {:<7} {:>3} Fragen  {}\n",
            c.id(),
            c.version(),
            c.question_count(),
            c.title().de
        ));
    }
    out_text(&o)?;
    if report.has_errors() {
        return Err(Failure::invalid(problem_list(&report.problems)));
    }
    Ok(())
}

fn new(spec: &str, output: &Path, force: bool) -> Result<(), Failure> {
    let checklist = resolve(spec)?;
    if output.exists() && !force {
        return Err(Failure::invalid(format!(
            "{}: the file exists; choose another name or pass --force (the old content is kept as .bak)",
            output.display()
        )));
    }
    let assessment = Assessment::new(&checklist);
    let summary = (
        checklist.id().to_owned(),
        checklist.version().to_owned(),
        checklist.question_count(),
    );
    Session::new(checklist, None, assessment)
        .save_as(output)
        .map_err(|e| Failure {
            code: EXIT_IO,
            message: e.to_string(),
        })?;
    let (id, version, questions) = summary;
    out_text(&format!(
        "{}: empty assessment for checklist {id} {version} ({questions} questions) created\n",
        output.display(),
    ))
}

/// Parses the language and opens the assessment with its checklist, refusing any mismatch:
/// what `score` and `export` both start with.
fn open_session(
    assessment: &Path,
    checklist: Option<&Path>,
    lang: &str,
) -> Result<(Lang, Session), Failure> {
    let lang: Lang = lang
        .parse()
        .map_err(|e: crate::text::UnknownLang| Failure {
            code: EXIT_USAGE,
            message: e.to_string(),
        })?;
    let session = session::open_file(assessment, checklist).map_err(|e| match e {
        OpenError::ChecklistMissing { path, id, line } => Failure::invalid(SourceLine::message(
            line.as_ref(),
            &path,
            &format_args!(
                "the assessment uses checklist `{id}`, which is not built in; pass it with --checklist FILE"
            ),
        )),
        other => Failure::invalid(other.to_string()),
    })?;
    if let Some(m) = session.migration() {
        warn(&format!(
            "{}: {}",
            assessment.display(),
            crate::i18n::tr(lang).terms.migration_note(m)
        ));
    }
    Ok((lang, session))
}

fn score(args: &ScoreArgs) -> Result<(), Failure> {
    let (lang, session) = open_session(&args.assessment, args.checklist.as_deref(), &args.lang)?;
    let score = session.wizard().score();
    if args.json {
        let text = serde_json::to_string_pretty(&score)
            .map_err(|e| Failure::invalid(format!("cannot format the score as JSON: {e}")))?;
        out(&format!("{text}\n"))
    } else {
        out_text(&render_text(
            session.checklist(),
            session.assessment(),
            &score,
            lang,
        ))
    }
}

#[expect(
    clippy::mem_forget,
    reason = "the process ends with the command; freeing the report piece by piece only costs time"
)]
fn export(args: &ExportArgs) -> Result<(), Failure> {
    let (lang, session) = open_session(&args.assessment, args.checklist.as_deref(), &args.lang)?;
    let exported = session
        .export(ExportFormat::Pdf, lang, &args.output)
        .map_err(|e| Failure {
            code: match e {
                ExportError::Write(
                    ReportWriteError::IsSource { .. } | ReportWriteError::NotOurReport { .. },
                ) => EXIT_INVALID,
                ExportError::Write(ReportWriteError::Write { .. }) | ExportError::Render { .. } => {
                    EXIT_IO
                }
            },
            message: e.to_string(),
        })?;
    for w in &exported.warnings {
        warn(&format!("{}: warning: {w}", args.output.display()));
    }
    let open = exported.open_questions();
    let provisional = if open > 0 {
        format!("; provisional: {open} open question(s)")
    } else {
        String::new()
    };
    let kept = exported
        .backup
        .as_ref()
        .map(|b| format!("; the earlier report is kept as {}", b.display()))
        .unwrap_or_default();
    let written = out_text(&format!(
        "{}: report written ({} bytes, {}{provisional}){kept}\n",
        args.output.display(),
        exported.bytes.len(),
        short(&exported.report.fingerprint)
    ));
    // The process ends with this command, and its memory with it: the report and what it was
    // made from (some ten thousand allocations) are left to that rather than freed one by one.
    std::mem::forget((session, exported));
    written
}

/// The human-readable score report of `plattformcheck score`.
/// "Status der Prüfung: Entschieden · Runde 2 · Entscheidung: freigegeben", with a decision on
/// an earlier version named as such.
fn review_line(assessment: &Assessment, lang: Lang) -> String {
    use crate::review::DecisionState;
    let t = &crate::i18n::tr(lang).review;
    let r = &assessment.review;
    let mut line = format!(
        "{}: {} · {} {}",
        t.status,
        r.status.name(lang),
        t.round,
        r.round.number
    );
    match r.current_decision(&assessment.team_fingerprint()) {
        DecisionState::Current(round) => {
            if let Some(d) = round.decision {
                line.push_str(&format!(" · {}: {}", t.decision, d.name(lang)));
            }
        }
        DecisionState::Outdated(round) => {
            if let Some(d) = round.decision {
                line.push_str(&format!(" · {}: {}", t.decision_outdated, d.name(lang)));
            }
        }
        DecisionState::None => {}
    }
    line
}

/// The score as text for the terminal.
pub fn render_text(
    checklist: &Checklist,
    assessment: &Assessment,
    score: &Score,
    lang: Lang,
) -> String {
    use std::fmt::Write as _;
    let tr = crate::i18n::tr(lang);
    let txt = &tr.cli;
    let m = &assessment.metadata;
    let mut o = String::new();
    writeln!(
        o,
        "{}: {} — {} {}",
        txt.data_protection_assessment,
        blank(&m.public_body),
        blank(&m.platform),
        m.account
    )
    .ok();
    writeln!(
        o,
        "{}: {} {} ({} {}; {} {})",
        txt.checklist,
        checklist.title().get(lang),
        checklist.version(),
        txt.sources_checked_on,
        checklist.date(),
        txt.fingerprint,
        short(checklist.fingerprint())
    )
    .ok();
    writeln!(o, "{}", review_line(assessment, lang)).ok();
    writeln!(o).ok();
    writeln!(
        o,
        "{}: {}",
        txt.overall_result_gross,
        class_label(score.overall_gross, lang)
    )
    .ok();
    writeln!(
        o,
        "{}: {}",
        txt.after_planned_measures_residual,
        class_label(score.overall_residual, lang)
    )
    .ok();
    if !score.completeness.open.is_empty() {
        writeln!(o, "{}", txt.provisional_not_all_questions_are).ok();
    }
    if !checklist.matrix().verified {
        writeln!(o, "{}", txt.note_the_risk_matrix_is).ok();
    }
    text_knockouts(&mut o, checklist, assessment, score, lang);
    text_findings(&mut o, checklist, score, lang);
    text_sections(&mut o, checklist, assessment, score, lang);
    o
}

fn text_knockouts(
    o: &mut String,
    checklist: &Checklist,
    assessment: &Assessment,
    score: &Score,
    lang: Lang,
) {
    use std::fmt::Write as _;
    let txt = &crate::i18n::tr(lang).cli;
    if !score.knockouts.is_empty() {
        writeln!(
            o,
            "\n{} ({}):",
            txt.knock_out_criteria,
            score.knockouts.len()
        )
        .ok();
        for f in score.findings.iter().filter(|f| f.knockout.is_some()) {
            let reason = f.knockout.as_ref().map(|k| k.get(lang)).unwrap_or_default();
            writeln!(o, "  {:<6} {}", f.id, reason).ok();
        }
    }
    for f in score.findings.iter().filter(|f| f.contradiction.is_some()) {
        let label = crate::i18n::tr(lang).terms.contradiction;
        let reason = f.contradiction.as_ref().map(|c| c.get(lang));
        writeln!(o, "\n{label}: {} — {}", f.id, reason.unwrap_or_default()).ok();
    }
    for modifier in checklist
        .modifiers()
        .iter()
        .filter(|md| score.active_modifiers.contains(&md.id))
    {
        let assumed = checklist.modifier_assumed(modifier, &|id: &str| assessment.choice(id));
        writeln!(
            o,
            "\n{}: {} — {}{}",
            txt.active_modifier,
            modifier.label.get(lang),
            modifier.reason.get(lang),
            crate::i18n::tr(lang).terms.assumed_note(assumed)
        )
        .ok();
    }
}

fn text_findings(o: &mut String, checklist: &Checklist, score: &Score, lang: Lang) {
    use std::fmt::Write as _;
    let txt = &crate::i18n::tr(lang).cli;
    writeln!(o, "\n{} ({}):", txt.findings, score.findings.len()).ok();
    for f in &score.findings {
        let title = match f.kind {
            FindingKind::Unknown => format!(
                "{} — {}",
                f.subject(checklist, lang).unwrap_or_default(),
                checklist::unknown_label(lang)
            ),
            FindingKind::Answer | FindingKind::Baseline => f.title(checklist, lang),
        };
        let residual = if f.residual == f.gross {
            String::new()
        } else {
            format!(
                " → {} S{}/L{}",
                f.residual.class.name(lang),
                f.residual.severity,
                f.residual.likelihood
            )
        };
        writeln!(
            o,
            "  {:<6} {:<15} S{}/L{}{residual}  {}",
            f.id,
            f.gross.class.name(lang),
            f.gross.severity,
            f.gross.likelihood,
            title
        )
        .ok();
        let row = PlanRow::of(f);
        match row.status() {
            Some(status) => {
                let mut details = vec![status.name(lang).to_owned()];
                if !row.owner().is_empty() {
                    details.push(format!("{}: {}", txt.owner, row.owner()));
                }
                if let Some(due) = row
                    .due()
                    .and_then(|d| d.format(crate::dates::ISO_DATE).ok())
                {
                    details.push(format!("{} {due}", txt.due));
                }
                writeln!(
                    o,
                    "         {} ({}): {}",
                    txt.measure,
                    details.join(", "),
                    row.text(lang)
                )
                .ok();
            }
            None => {
                writeln!(
                    o,
                    "         {}: {}",
                    txt.recommended_measure_not_planned,
                    row.text(lang)
                )
                .ok();
            }
        }
        if f.floored {
            writeln!(o, "         {}", crate::i18n::tr(lang).terms.floored).ok();
        }
    }
}

fn text_sections(
    o: &mut String,
    checklist: &Checklist,
    assessment: &Assessment,
    score: &Score,
    lang: Lang,
) {
    use std::fmt::Write as _;
    let txt = &crate::i18n::tr(lang).cli;
    let m = &assessment.metadata;
    writeln!(o, "\n{}:", txt.sections).ok();
    for (s, section) in score.sections.iter().zip(checklist.sections()) {
        writeln!(
            o,
            "  {:<4} {:<52} {}: {} · {}: {} · {}: {} · {}: {}",
            s.id,
            truncate(section.title.get(lang), 52),
            txt.low,
            s.gross.gering,
            txt.risk,
            s.gross.risiko,
            txt.high,
            s.gross.hoch,
            txt.open,
            s.open
        )
        .ok();
    }
    let c = &score.completeness;
    writeln!(
        o,
        "\n{}: {} {} {}, {} {}, {} {}{}",
        txt.completeness,
        c.answered + c.unknown,
        txt.of,
        c.visible,
        c.unknown,
        txt.of_them_unknown,
        c.open.len(),
        txt.open,
        if c.open.is_empty() {
            String::new()
        } else {
            format!(": {}", c.open.join(", "))
        }
    )
    .ok();
    if !c.recheck.is_empty() {
        writeln!(
            o,
            "{}: {}",
            crate::i18n::tr(lang).terms.recheck,
            c.recheck.join(", ")
        )
        .ok();
    }
    let missing = m.missing();
    if !missing.is_empty() {
        writeln!(o, "{}: {}", txt.missing_metadata, m.missing_names(lang)).ok();
    }
}

fn class_label(class: RiskClass, lang: Lang) -> String {
    class.name(lang).to_uppercase()
}

fn blank(s: &str) -> &str {
    if s.trim().is_empty() { "—" } else { s }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}
