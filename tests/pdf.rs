//! The PDF report as a reader's tools see it: every example and the stress cases render to
//! valid PDFs (qpdf), whose text (pdftotext), fonts (pdffonts) and properties (pdfinfo) are
//! what a DPO needs; and `plattformcheck export` writes them.
//!
//! These tests need poppler-utils and qpdf. Where they are missing the tests fail and say how
//! to install them (`.ci/run` does); they never pass silently without checking.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::open_assessment;
use plattformcheck::assessment::{Answer, Assessment, Measure, MeasureStatus};
use plattformcheck::checklist::Checklist;
use plattformcheck::ids::FindingId;
use plattformcheck::report::{self, pdf};
use plattformcheck::risk::Level;
use plattformcheck::scoring::score;
use plattformcheck::text::Lang;
use time::macros::date;

use common::{outcome, run};

const INSTALL: &str = "The PDF tests need poppler-utils (pdftotext, pdfinfo, pdffonts) and qpdf: \
                       apt-get install -y poppler-utils qpdf (.ci/run installs them)";

/// Runs an external tool, failing the test with installation advice when it is missing.
fn tool(name: &str, args: &[&str]) -> Output {
    match Command::new(name).args(args).output() {
        Ok(out) => out,
        Err(e) => panic!("`{name}` could not be run ({e}). {INSTALL}"),
    }
}

fn stdout_of(name: &str, args: &[&str]) -> String {
    let out = tool(name, args);
    assert!(
        out.status.success(),
        "{name} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn examples() -> Vec<PathBuf> {
    let files = common::ron_files(Path::new("assets/examples"));
    assert!(files.len() >= 3, "three examples, found {}", files.len());
    files
}

fn render(
    checklist: &Checklist,
    assessment: &Assessment,
    lang: Lang,
) -> (Vec<u8>, Vec<pdf::Warning>) {
    let s = score(checklist, assessment);
    let doc = report::build(
        checklist,
        assessment,
        &s,
        lang,
        "0.0.0-test",
        date!(2026 - 11 - 22),
    );
    pdf::render(&doc).unwrap_or_else(|e| panic!("render failed: {e}"))
}

/// Writes `bytes` to a fresh temporary directory (kept alive by the returned guard).
///
/// With `PDF_TEST_OUT=DIR` set, a copy is kept in DIR for a look at the pages
/// (`pdftoppm -r 70 -png DIR/x.pdf DIR/x`).
fn write_pdf(bytes: &[u8], name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write PDF");
    if let Some(keep) = std::env::var_os("PDF_TEST_OUT") {
        let keep = PathBuf::from(keep);
        std::fs::create_dir_all(&keep).expect("create PDF_TEST_OUT");
        std::fs::write(keep.join(name), bytes).expect("keep a copy in PDF_TEST_OUT");
    }
    (dir, path)
}

/// Text for comparing across line breaks: pdftotext joins lines and drops hyphens at line
/// ends, so whitespace and hyphens are removed from both sides.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}')
        .collect()
}

/// The text of the PDF without running headers, footers and "continued" captions, so that
/// text broken across pages reads as one.
fn body_text(path: &Path, running_title_start: &str) -> String {
    let text = stdout_of("pdftotext", &[path.to_str().expect("utf-8 path"), "-"]);
    text.lines()
        .filter(|l| {
            let l = l.trim();
            !(l.starts_with(running_title_start)
                || l.starts_with("Prüf-ID ")
                || l.starts_with("Assessment ID ")
                || (l.starts_with("Seite ") && l.contains(" von "))
                || (l.starts_with("Page ") && l.contains(" of "))
                || l.ends_with("(Fortsetzung)")
                || l.ends_with("(continued)"))
        })
        .map(|l| l.replace('\u{c}', ""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The structural checks every generated PDF must pass; returns the page count.
fn check_pdf(path: &Path, title: &str, author: &str) -> usize {
    let p = path.to_str().expect("utf-8 path");
    let bytes = std::fs::read(path).expect("read PDF");
    assert!(bytes.starts_with(b"%PDF-"), "{p}: starts with %PDF");

    let qpdf = tool("qpdf", &["--check", p]);
    let qpdf_out = String::from_utf8_lossy(&qpdf.stdout);
    assert!(
        qpdf.status.success() && qpdf_out.contains("No syntax or stream encoding errors"),
        "{p}: qpdf --check: {qpdf_out}{}",
        String::from_utf8_lossy(&qpdf.stderr)
    );

    let fonts = stdout_of("pdffonts", &[p]);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(rows.len(), 2, "{p}: regular and bold embedded:\n{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert!(n >= 7, "{p}: pdffonts row {row}");
        assert!(
            cols[0].contains("+DejaVuSans"),
            "{p}: subset tag and DejaVu: {row}"
        );
        assert_eq!(
            (cols[n - 5], cols[n - 4], cols[n - 3]),
            ("yes", "yes", "yes"),
            "{p}: embedded, subset, with Unicode map: {row}"
        );
    }

    let info = stdout_of("pdfinfo", &[p]);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .map(str::trim)
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(field("Title"), title, "{p}: title\n{info}");
    assert_eq!(field("Author"), author, "{p}: author\n{info}");
    assert!(
        field("Producer").starts_with("Plattform-Check "),
        "{p}: producer\n{info}"
    );
    let created = field("CreationDate");
    assert!(
        !created.is_empty() && !created.contains("1970"),
        "{p}: a real creation date, not printpdf's 1970 default: {created:?}"
    );
    assert!(!info.contains("PDF/X"), "{p}: no false PDF/X claim\n{info}");
    assert_eq!(field("Page size"), "595.276 x 841.89 pts (A4)", "{p}: A4");
    let pages: usize = field("Pages").parse().expect("page count");
    assert!(
        bytes.windows(6).any(|w| w == b"/Lang("),
        "{p}: the document language is set"
    );
    pages
}

/// A German report of a stress case, rendered, written and checked with [`check_pdf`].
struct Checked {
    /// Keeps the temporary directory with the PDF.
    _dir: tempfile::TempDir,
    path: PathBuf,
    pages: usize,
    warnings: Vec<pdf::Warning>,
}

fn render_checked(checklist: &Checklist, assessment: &Assessment, name: &str) -> Checked {
    let (bytes, warnings) = render(checklist, assessment, Lang::De);
    let (dir, path) = write_pdf(&bytes, name);
    let m = &assessment.metadata;
    let pages = check_pdf(
        &path,
        &format!("Datenschutz-Prüfung {}: {}", m.platform, m.account),
        &m.public_body,
    );
    Checked {
        _dir: dir,
        path,
        pages,
        warnings,
    }
}

#[test]
fn every_example_renders_a_complete_valid_pdf() {
    for path in examples() {
        let (checklist, assessment) =
            open_assessment(&path, None).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (bytes, warnings) = render(&checklist, &assessment, Lang::De);
        assert!(warnings.is_empty(), "{}: {warnings:?}", path.display());
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("report");
        let (_dir, pdf_path) = write_pdf(&bytes, &format!("{name}.pdf"));
        let m = &assessment.metadata;
        let title = format!("Datenschutz-Prüfung {}: {}", m.platform, m.account);
        let pages = check_pdf(&pdf_path, &title, &m.public_body);
        assert!(
            (10..=80).contains(&pages),
            "{}: {pages} pages is not a sane report length",
            path.display()
        );
        // The size grows with the content (version 1.2.0 of the checklists added a quarter more
        // questions); what must not grow is the cost of a page: fonts subset, streams compressed.
        assert!(
            bytes.len() < 4 * 1024 * pages,
            "{}: {} bytes for {pages} pages, goal < 4 KB a page",
            path.display(),
            bytes.len()
        );

        let text = squash(&body_text(&pdf_path, "Datenschutz-Prüfung "));
        let mut expected: Vec<String> = Vec::new();
        let answer_of = |id: &str| assessment.choice(id);
        for (_, q) in checklist.questions() {
            if !checklist.is_visible(q, &answer_of) {
                continue;
            }
            expected.push(format!("{} {}", q.id, q.text.de));
            if let Some(choice) = assessment.choice(&q.id) {
                let label = match choice.option() {
                    None => "unbekannt / nicht geprüft".to_owned(),
                    Some(o) => q.option(o).map(|o| o.label.de.clone()).unwrap_or_default(),
                };
                expected.push(label);
            }
        }
        for m in assessment.measures.values() {
            expected.push(m.text.clone());
        }
        for a in assessment.answers.values() {
            expected.push(a.justification.clone());
        }
        assert!(
            expected.iter().any(|e| e.contains('ü') || e.contains('ä')),
            "umlauts are tested"
        );
        for e in &expected {
            assert!(
                text.contains(&squash(e)),
                "{}: the PDF text lacks {e:?}",
                path.display()
            );
        }
    }
}

#[test]
fn an_english_report_is_english() {
    let path = Path::new("assets/examples/polizei-instagram.ron");
    let (checklist, assessment) = open_assessment(path, None).unwrap_or_else(|e| panic!("{e}"));
    let (bytes, _) = render(&checklist, &assessment, Lang::En);
    let (_dir, pdf_path) = write_pdf(&bytes, "en.pdf");
    let m = &assessment.metadata;
    check_pdf(
        &pdf_path,
        &format!("Data-protection assessment {}: {}", m.platform, m.account),
        &m.public_body,
    );
    let text = body_text(&pdf_path, "Data-protection assessment ");
    for needle in [
        "1 Summary",
        "Knock-out criteria",
        "Action plan",
        "Annex B: Sources",
    ] {
        assert!(text.contains(needle), "English report has {needle:?}");
    }
    let (_, q) = checklist.questions().next().expect("a question");
    assert!(
        squash(&text).contains(&squash(&q.text.en)),
        "English question text"
    );
}

/// An assessment of `tiktok` with every question answered by its first risky option.
fn everything_risky() -> (Checklist, Assessment) {
    let (checklist, mut assessment) = open_assessment(
        Path::new("assets/examples/stadt-musterstadt-tiktok.ron"),
        None,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assessment.answers.clear();
    for (_, q) in checklist.questions() {
        let choice = common::risky_choice(q);
        assessment.answers.insert(
            q.id.clone(),
            Answer {
                choice: Some(choice),
                justification: format!("Begründung für {}: geprüft am 18.11.2026.", q.id),
                evidence: "Screenshot vom 18.11.2026".into(),
                recheck: false,
            },
        );
    }
    (checklist, assessment)
}

#[test]
fn a_ten_thousand_character_justification_breaks_across_pages() {
    let (checklist, mut assessment) = open_assessment(
        Path::new("assets/examples/stadt-musterstadt-tiktok.ron"),
        None,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let sentence = "Die Prüfung der Übermittlungen ergab größere Lücken bei Äußerungen zur Löschfrist; \
                    Details stehen im Vermerk Az. 13-0412/2026. ";
    let mut long = String::new();
    let mut n = 0;
    while long.chars().count() < 10_000 {
        n += 1;
        long.push_str(&format!("({n}) {sentence}"));
        if n % 15 == 0 {
            long.push('\n');
        }
    }
    let answer = assessment.answers.get_mut("A1.2").expect("A1.2 answered");
    answer.justification = long.clone();
    let checked = render_checked(&checklist, &assessment, "long.pdf");
    assert!(checked.warnings.is_empty(), "{:?}", checked.warnings);
    let text = squash(&body_text(&checked.path, "Datenschutz-Prüfung "));
    assert!(
        text.contains(&squash(&long)),
        "the whole justification is in the PDF, in order"
    );
}

#[test]
fn sixty_measures_give_a_clean_action_plan() {
    let (checklist, mut assessment) = everything_risky();
    let ids: Vec<FindingId> = checklist
        .questions()
        .map(|(_, q)| FindingId::from(&q.id))
        .chain(checklist.baseline_risks().iter().map(|b| b.id.clone()))
        .collect();
    // Beyond the findings: measures whose finding no longer exists are still listed.
    let extra = (1..).map(|i| FindingId::from(format!("X{i}")));
    let mut texts = Vec::new();
    for (i, id) in ids.into_iter().chain(extra).take(60).enumerate() {
        let text = format!(
            "Maßnahme {i}: Einstellungen prüfen, Datenschutzhinweise ergänzen und die Änderung mit Bildschirmfoto dokumentieren (Zuständigkeit klären, Übergabe an die Vertretung)."
        );
        texts.push(text.clone());
        assessment.measures.insert(
            id,
            Measure {
                text,
                owner: format!("Sachgebiet {} – Öffentlichkeitsarbeit", i % 7),
                due: Some(date!(2027 - 03 - 31)),
                status: MeasureStatus::ALL[i % 4],
                residual_severity: Level::new(1),
                residual_likelihood: Level::new(2),
                reason: String::new(),
            },
        );
    }
    assert_eq!(assessment.measures.len(), 60, "sixty measures");
    let checked = render_checked(&checklist, &assessment, "measures.pdf");
    assert!(checked.pages < 120, "{} pages", checked.pages);
    let text = squash(&body_text(&checked.path, "Datenschutz-Prüfung "));
    for t in &texts {
        assert!(text.contains(&squash(t)), "measure in the PDF: {t}");
    }
}

#[test]
fn a_report_in_many_scripts_keeps_every_character() {
    // More distinct characters than fit codes of one byte (see `report::pdf`): the text is
    // then shown with codes of two bytes, and must read back the same.
    let (checklist, mut assessment) = open_assessment(
        Path::new("assets/examples/stadt-musterstadt-tiktok.ron"),
        None,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let letters = |from: char, to: char| -> String {
        (from..=to)
            .filter(|c| c.is_alphabetic())
            .flat_map(|c| [c, ' '])
            .collect()
    };
    let greek = letters('Α', 'ω');
    let cyrillic = letters('А', 'я');
    let latin = letters('Ā', 'ž');
    let justification = format!("Griechisch {greek}\nKyrillisch {cyrillic}\nLatein {latin}");
    let distinct: std::collections::BTreeSet<char> = justification.chars().collect();
    assert!(
        distinct.len() > 256,
        "{} distinct characters",
        distinct.len()
    );
    let answer = assessment.answers.get_mut("A1.2").expect("A1.2 answered");
    answer.justification = justification.clone();
    let checked = render_checked(&checklist, &assessment, "scripts.pdf");
    let warnings = &checked.warnings;
    assert!(warnings.is_empty(), "DejaVu has them all: {warnings:?}");
    let text = squash(&body_text(&checked.path, "Datenschutz-Prüfung "));
    for part in [&greek, &cyrillic, &latin] {
        assert!(text.contains(&squash(part)), "in the PDF: {part}");
    }
    // The rest of the report reads as before.
    let question = checklist
        .questions()
        .map(|(_, q)| q)
        .find(|q| q.id == "A1.2")
        .expect("A1.2");
    assert!(text.contains(&squash(&question.text.de)));
}

#[test]
fn emoji_and_cjk_become_visible_markers_and_a_warning() {
    let (checklist, mut assessment) =
        open_assessment(Path::new("assets/examples/polizei-instagram.ron"), None)
            .unwrap_or_else(|e| panic!("{e}"));
    assessment.metadata.account = "@polizei 🚓".into();
    assessment.metadata.purposes = "Prävention 👮‍♀️ und Nachwuchs 警察 – alles andere bleibt".into();
    if let Some(a) = assessment.answers.values_mut().next() {
        a.justification = "Geprüft 👍🏽 am 18.11.2026, Schriftzeichen 中文 im Kommentar".into();
    }
    let checked = render_checked(&checklist, &assessment, "emoji.pdf");
    let warnings = &checked.warnings;
    let [pdf::Warning::MissingGlyphs { chars }] = warnings.as_slice() else {
        panic!("one missing-glyph warning expected: {warnings:?}");
    };
    let listed: BTreeMap<char, usize> = chars.iter().copied().collect();
    for c in ['🚓', '👮', '警', '察', '👍', '中', '文'] {
        assert!(listed.contains_key(&c), "{c} reported: {listed:?}");
    }
    let text = body_text(&checked.path, "Datenschutz-Prüfung ");
    assert!(
        text.contains("Prävention □ und Nachwuchs □□"),
        "markers in place:\n{text}"
    );
    assert!(
        text.contains("Geprüft □ am 18.11.2026"),
        "one marker per emoji"
    );
    assert!(
        text.contains("alles andere bleibt"),
        "the rest of the text stays"
    );
}

#[test]
fn export_writes_the_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("bericht.pdf");
    let out_s = out.to_str().expect("utf-8 path");
    let (code, stdout, stderr) = outcome(&run(
        &[
            "export",
            "assets/examples/gymnasium-tiktok-knockout.ron",
            "-o",
            out_s,
        ],
        None,
    ));
    assert_eq!(code, Some(0), "exit 0\nstdout: {stdout}\nstderr: {stderr}");
    assert!(stdout.contains("report written"), "{stdout}");
    assert!(stderr.is_empty(), "no warnings for the example: {stderr}");
    let bytes = std::fs::read(&out).expect("the PDF exists");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n != "bericht.pdf")
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );

    let en = dir.path().join("report-en.pdf");
    let (code, _, stderr) = outcome(&run(
        &[
            "export",
            "assets/examples/polizei-instagram.ron",
            "-o",
            en.to_str().expect("utf-8"),
            "--lang",
            "en",
        ],
        None,
    ));
    assert_eq!(code, Some(0), "exit 0: {stderr}");
    let text = stdout_of("pdftotext", &[en.to_str().expect("utf-8"), "-"]);
    assert!(text.contains("1 Summary"), "English report");
}

#[test]
fn export_refuses_a_damaged_assessment_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let damaged = dir.path().join("kaputt.ron");
    let good =
        std::fs::read_to_string("assets/examples/stadt-musterstadt-tiktok.ron").expect("example");
    std::fs::write(&damaged, &good[..good.len() / 2]).expect("write damaged file");
    let out = dir.path().join("bericht.pdf");
    let (code, _, stderr) = outcome(&run(
        &[
            "export",
            damaged.to_str().expect("utf-8"),
            "-o",
            out.to_str().expect("utf-8"),
        ],
        None,
    ));
    assert_eq!(code, Some(1), "exit 1: {stderr}");
    assert!(stderr.contains("kaputt.ron"), "names the file: {stderr}");
    assert!(!out.exists(), "no PDF written");
}

#[test]
fn export_reports_an_unwritable_output_with_exit_3() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("gibt-es-nicht").join("bericht.pdf");
    let (code, _, stderr) = outcome(&run(
        &[
            "export",
            "assets/examples/polizei-instagram.ron",
            "-o",
            out.to_str().expect("utf-8"),
        ],
        None,
    ));
    assert_eq!(code, Some(3), "exit 3: {stderr}");
    assert!(stderr.contains("bericht.pdf"), "names the output: {stderr}");
    assert!(stderr.contains("cannot write the report"), "{stderr}");
}

#[test]
fn export_rejects_an_unknown_language_as_usage_error() {
    let (code, _, stderr) = outcome(&run(
        &[
            "export",
            "assets/examples/polizei-instagram.ron",
            "-o",
            "x.pdf",
            "--lang",
            "fr",
        ],
        None,
    ));
    assert_eq!(code, Some(2), "exit 2: {stderr}");
    assert!(!Path::new("x.pdf").exists(), "nothing written");
}

/// The German names of every metadata field, from the one translation table.
fn german_metadata_labels() -> Vec<&'static str> {
    use plattformcheck::edit::MetaField;
    let meta = &plattformcheck::i18n::DE.terms.meta;
    MetaField::ALL
        .into_iter()
        .map(|f| meta.of(f))
        .chain([meta.date])
        .flat_map(|l| [l.name, l.form])
        .collect()
}

/// Where `label` occurs in `text` as a label (the product name "Plattform-Check" is not one).
fn occurs(text: &str, label: &str) -> bool {
    text.match_indices(label)
        .any(|(i, _)| !text[i + label.len()..].starts_with("-Check"))
}

#[test]
fn english_output_has_no_german_metadata_label() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ron = dir.path().join("leer.ron");
    let pdf = dir.path().join("leer.pdf");
    let s = |p: &Path| p.to_str().expect("UTF-8").to_owned();
    let (code, _, err) = outcome(&run(
        &["new", "--checklist", "tiktok", "-o", &s(&ron)],
        None,
    ));
    assert_eq!(code, Some(0), "{err}");
    let (code, score, err) = outcome(&run(&["score", &s(&ron), "--lang", "en"], None));
    assert_eq!(code, Some(0), "{err}");
    assert!(score.contains("Missing metadata: Public body"), "{score}");
    let (code, _, err) = outcome(&run(
        &["export", &s(&ron), "-o", &s(&pdf), "--lang", "en"],
        None,
    ));
    assert_eq!(code, Some(0), "{err}");
    let text = stdout_of("pdftotext", &[&s(&pdf), "-"]);
    assert!(
        text.contains("Public body"),
        "the labels are there, in English"
    );
    // The annex lists the checklist's sources as they are published (German titles, "ohne
    // Datum"): data, not labels.
    let annex = plattformcheck::i18n::EN.report.annex_b_sources;
    let text = text
        .rsplit_once(annex)
        .map_or(text.as_str(), |(body, _)| body);
    // The report cites German sources by their German titles; a label stands at the start of
    // a line (a table cell, "Label: value") or in the list of missing fields.
    let labelled = |line: &str, label: &str| {
        let line = line.trim();
        line == label
            || line.starts_with(&format!("{label}:"))
            || (line.starts_with("Missing metadata") && occurs(line, label))
    };
    for label in german_metadata_labels() {
        assert!(
            !occurs(&score, label),
            "score --lang en says `{label}`:\n{score}"
        );
        let hits: Vec<&str> = text.lines().filter(|l| labelled(l, label)).collect();
        assert!(
            hits.is_empty(),
            "the English report says `{label}`: {hits:?}"
        );
    }
}

/// "Today" comes from one place, which `SOURCE_DATE_EPOCH` fixes (reproducible reports).
#[test]
fn the_report_date_follows_source_date_epoch() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("r.pdf");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plattformcheck"))
        .args([
            "export",
            "assets/examples/stadt-musterstadt-tiktok.ron",
            "-o",
            pdf.to_str().expect("UTF-8"),
        ])
        .env("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01 00:00 UTC
        .output()
        .expect("runs");
    let (code, _, err) = outcome(&out);
    assert_eq!(code, Some(0), "{err}");
    let text = stdout_of("pdftotext", &[pdf.to_str().expect("UTF-8"), "-"]);
    assert!(
        text.contains("am 01.01.2026"),
        "the cover says when it was made, as fixed"
    );
    // The document's creation date too, to the second (it once took the clock's, so two exports
    // of the same file a second apart differed).
    let info = stdout_of("pdfinfo", &["-isodates", pdf.to_str().expect("UTF-8")]);
    let created = info
        .lines()
        .find(|l| l.starts_with("CreationDate:"))
        .unwrap_or_default();
    assert!(
        created.ends_with("2026-01-01T00:00:00Z") || created.ends_with("2026-01-01T00:00:00+00"),
        "creation date as fixed: {created}"
    );
}
