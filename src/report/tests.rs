//! Unit tests of the report model: content and order, independent of any page layout.

use std::path::Path;

use time::macros::date;

use super::*;
use crate::assessment::{Answer, Assessment, Decision, Measure};
use crate::checklist::Checklist;
use crate::checklist::load::parse_str;
use crate::risk::{Level, RiskClass};
use crate::scoring::score;
use crate::text::Lang;

fn minimal() -> Checklist {
    let src = include_str!("../../tests/fixtures/valid/minimal.ron");
    let (checklist, problems) = parse_str(Path::new("minimal.ron"), src);
    assert!(
        problems.iter().all(|p| !p.is_error()),
        "fixture must be valid: {problems:?}"
    );
    checklist.expect("minimal fixture loads")
}

fn assessment(c: &Checklist, answers: &[(&str, &str)]) -> Assessment {
    let mut a = Assessment::new(c);
    a.metadata.public_body = "Stadt Prüfhausen".into();
    a.metadata.platform = "TikTok".into();
    a.metadata.account = "@prüfhausen".into();
    for (q, choice) in answers {
        a.answers.insert(
            (*q).into(),
            Answer {
                choice: crate::choice::Choice::parse(choice),
                justification: format!("Begründung zu {q}"),
                evidence: format!("Nachweis zu {q}"),
                recheck: false,
            },
        );
    }
    a
}

fn report(c: &Checklist, a: &Assessment, lang: Lang) -> ReportDocument {
    build(c, a, &score(c, a), lang, "9.9.9", date!(2026 - 11 - 22))
}

fn heading_index(doc: &ReportDocument, starts: &str) -> usize {
    doc.blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { text, .. } if text.starts_with(starts)))
        .unwrap_or_else(|| panic!("heading {starts:?} missing"))
}

/// The first table after the heading starting with `starts`.
fn table_after<'d>(doc: &'d ReportDocument, starts: &str) -> &'d Table {
    let i = heading_index(doc, starts);
    doc.blocks[i..]
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no table after {starts:?}"))
}

/// The label/value rows of a question's detail table.
fn fields_of<'d>(doc: &'d ReportDocument, question: &str) -> Vec<(&'d str, &'d Cell)> {
    table_after(doc, &format!("{question} "))
        .rows
        .iter()
        .map(|r| (r.cells[0].text.as_str(), &r.cells[1]))
        .collect()
}

#[test]
fn knockouts_come_first_with_their_reason() {
    let c = minimal();
    let a = assessment(&c, &[("M1.1", "nein"), ("M2.1", "ja"), ("M2.2", "nein")]);
    let doc = report(&c, &a, Lang::De);
    // The knock-out section is the first part of the summary.
    let summary = heading_index(&doc, "Zusammenfassung");
    let knockouts = heading_index(&doc, "K.-o.-Kriterien");
    let classes = heading_index(&doc, "Befunde nach Klasse");
    assert_eq!(knockouts, summary + 1, "knock-outs open the summary");
    assert!(knockouts < classes, "before the class counts");
    let t = table_after(&doc, "K.-o.-Kriterien");
    assert_eq!(t.rows.len(), 1, "one knock-out");
    assert_eq!(t.rows[0].cells[0].text, "M1.1", "the knock-out question");
    assert_eq!(
        t.rows[0].cells[2].text, "Keine Rechtsgrundlage.",
        "with its reason"
    );
    // In the key measures and the plan, the knock-out leads too.
    let key = table_after(&doc, "Wichtigste Maßnahmen");
    assert!(
        key.rows[0].cells[0].text.starts_with("M1.1"),
        "key measures start with the knock-out: {:?}",
        key.rows[0].cells[0]
    );
    // The question itself shows the knock-out reason.
    let fields = fields_of(&doc, "M1.1");
    assert!(
        fields
            .iter()
            .any(|(l, v)| *l == "K.-o.-Kriterium" && v.text == "Keine Rechtsgrundlage."),
        "{fields:?}"
    );
    // The cover light is red and written.
    let lights = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Lights(l) => Some(l),
            _ => None,
        })
        .expect("traffic lights on the cover");
    assert_eq!(lights[0].class, RiskClass::Hoch, "gross");
    assert_eq!(lights[0].label, "HOHES RISIKO", "class written");
    assert_eq!(lights[1].class, RiskClass::Hoch, "a knock-out stays");
}

#[test]
fn unanswered_questions_are_marked_open() {
    let c = minimal();
    let a = assessment(&c, &[("M2.1", "nein")]);
    let doc = report(&c, &a, Lang::De);
    let fields = fields_of(&doc, "M1.1");
    let (_, answer) = fields
        .iter()
        .find(|(l, _)| *l == "Antwort")
        .expect("answer row");
    assert_eq!(answer.text, "OFFEN – nicht beantwortet", "visibly open");
    assert_eq!(answer.mark, Mark::Open, "marked");
    assert!(
        fields.iter().any(|(l, v)| *l == "Antwortmöglichkeiten"
            && v.text.contains("Ja / Nein / unbekannt / nicht geprüft")),
        "the options are listed for the reader: {fields:?}"
    );
    let open = table_after(&doc, "Offene und unbekannte Fragen");
    assert_eq!(open.rows.len(), 1, "one open question");
    assert_eq!(open.rows[0].cells[0].text, "M1.1", "M1.1 is open");
    let all = texts(&doc).join("\n");
    assert!(
        all.contains("VORLÄUFIG: 1 angezeigte Frage(n)"),
        "status says provisional"
    );
    assert!(
        all.contains("offene Fragen gelten nicht als unbedenklich"),
        "note in the summary"
    );
    // M2.2 is hidden by M2.1 = nein: listed as not applicable, not as open.
    assert!(
        all.contains(
            "M2.2 Gibt es jugendgerechte Hinweise? — nicht zutreffend (nur bei M2.1 = „Ja“)"
        ),
        "hidden question listed: {all}"
    );
}

#[test]
fn the_language_is_chosen_per_report() {
    let c = minimal();
    let a = assessment(&c, &[("M1.1", "ja")]);
    let de = report(&c, &a, Lang::De);
    let en = report(&c, &a, Lang::En);
    let de_text = texts(&de).join("\n");
    let en_text = texts(&en).join("\n");
    assert!(
        de_text.contains("Datenschutz-Prüfung TikTok: @prüfhausen"),
        "German title"
    );
    assert!(
        en_text.contains("Data-protection assessment TikTok: @prüfhausen"),
        "English title"
    );
    assert!(
        en_text.contains("OPEN – not answered"),
        "English open marker"
    );
    assert!(
        en_text.contains("Is the legal basis named?"),
        "English question text"
    );
    assert!(
        !en_text.contains("Zusammenfassung"),
        "no German headings in English"
    );
    assert!(
        !de_text.contains("Summary"),
        "no English headings in German"
    );
    assert_eq!(de.info.language, "de", "language metadata");
    assert_eq!(en.info.language, "en", "language metadata");
    assert_eq!(en.footer.page, "Page", "footer");
    assert_eq!(de.footer.page, "Seite", "footer");
    assert_eq!(de.info.producer, "Plattform-Check 9.9.9", "producer");
    assert_eq!(
        de.info.author, "Stadt Prüfhausen",
        "author is the public body"
    );
}

#[test]
fn the_fingerprint_is_printed_in_full_and_follows_the_content() {
    let c = minimal();
    let a = assessment(&c, &[("M1.1", "ja")]);
    let doc = report(&c, &a, Lang::De);
    assert_eq!(
        doc.fingerprint,
        a.fingerprint(),
        "the assessment's fingerprint"
    );
    assert_eq!(doc.fingerprint.len(), 64, "SHA-256 hex");
    assert!(
        texts(&doc).iter().any(|t| t.contains(&doc.fingerprint)),
        "printed in full"
    );
    let mut changed = a.clone();
    changed.metadata.unit = "Presse".into();
    assert_ne!(changed.fingerprint(), a.fingerprint(), "content changes it");
}

#[test]
fn decision_is_ticked_and_opinion_printed() {
    let c = minimal();
    let mut a = assessment(&c, &[("M1.1", "ja"), ("M2.1", "nein")]);
    let doc = report(&c, &a, Lang::De);
    let checks = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Checkboxes(c) => Some(c.clone()),
            _ => None,
        })
        .expect("decision boxes");
    assert_eq!(checks.len(), 3, "three decisions");
    assert!(
        checks.iter().all(|c| !c.checked),
        "nothing ticked without a decision"
    );
    assert!(
        doc.blocks
            .iter()
            .any(|b| matches!(b, Block::WriteLines { label, .. } if label == "Stellungnahme:")),
        "lines to write the opinion on by hand"
    );
    assert!(
        doc.blocks
            .iter()
            .any(|b| matches!(b, Block::WriteLines { label, .. }
            if label == "Der Empfehlung der/des DSB wurde nicht gefolgt, weil …")),
        "deviation lines"
    );

    crate::review::lifecycle::submit(&mut a, "Pressestelle".into(), Some(date!(2026 - 11 - 24)))
        .expect("submit");
    crate::review::lifecycle::decide(&mut a, Some(Decision::FreigegebenMitAuflagen))
        .expect("decide");
    let round = &mut a.review.round;
    round.dpo_opinion = "Freigabe nur mit Auflagen empfohlen.".into();
    round.opinion_date = Some(date!(2026 - 11 - 25));
    round.conditions = "Keine Direktnachrichten.".into();
    round.decided_by = "Oberbürgermeisterin".into();
    round.decision_date = Some(date!(2026 - 11 - 30));
    a.review.next_review = Some(date!(2027 - 11 - 30));
    let doc = report(&c, &a, Lang::De);
    let checks = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Checkboxes(c) => Some(c.clone()),
            _ => None,
        })
        .expect("decision boxes");
    let ticked: Vec<&str> = checks
        .iter()
        .filter(|c| c.checked)
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(
        ticked,
        vec!["freigegeben mit Auflagen"],
        "the decision is ticked"
    );
    let all = texts(&doc).join("\n");
    assert!(
        all.contains("Freigabe nur mit Auflagen empfohlen."),
        "opinion printed"
    );
    assert!(
        all.contains("Auflagen: Keine Direktnachrichten."),
        "conditions printed"
    );
    assert!(all.contains("Entschieden · Runde 1"), "status: {all}");
    assert!(
        all.contains(
            "Entscheidung: freigegeben mit Auflagen von Oberbürgermeisterin am 30.11.2026"
        ),
        "decision"
    );
    assert!(all.contains("30.11.2027"), "next review");

    // Changed after the decision (outside the app, which would begin a new round): the decision
    // is no longer shown as current.
    a.metadata.account = "@anders".into();
    let doc = report(&c, &a, Lang::De);
    let ticked = doc
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Checkboxes(checks) if checks.iter().any(|c| c.checked)));
    assert!(!ticked, "no decision ticked for changed content");
    let all = texts(&doc).join("\n");
    assert!(
        all.contains(
            "Entscheidung zu einer früheren Fassung: Entscheidung: freigegeben mit Auflagen"
        ),
        "the old decision named as on an earlier version: {all}"
    );
    assert!(
        !all.contains("Auflagen: Keine Direktnachrichten."),
        "its conditions are not shown as current"
    );
}

#[test]
fn measures_show_owner_due_date_status_and_residual_class() {
    let c = minimal();
    let mut a = assessment(&c, &[("M1.1", "ja"), ("M2.1", "ja"), ("M2.2", "nein")]);
    a.measures.insert(
        "M2.2".into(),
        Measure {
            text: "Kurzfassung für Jugendliche schreiben.".into(),
            owner: "Pressestelle".into(),
            due: Some(date!(2027 - 01 - 31)),
            status: crate::assessment::MeasureStatus::InUmsetzung,
            residual_severity: Level::new(1),
            residual_likelihood: Level::new(1),
            reason: String::new(),
        },
    );
    let doc = report(&c, &a, Lang::De);
    let plan = table_after(&doc, "Maßnahmenplan");
    let row = plan
        .rows
        .iter()
        .find(|r| r.cells[0].text.starts_with("M2.2"))
        .expect("M2.2 in the plan");
    assert_eq!(
        row.cells[1].text, "Kurzfassung für Jugendliche schreiben.",
        "text"
    );
    assert_eq!(row.cells[2].text, "Pressestelle", "owner");
    assert_eq!(
        row.cells[3].text, "31.01.2027\nin Umsetzung",
        "due date and status"
    );
    assert_eq!(
        row.cells[4].text, "geringes Risiko",
        "residual class written"
    );
    assert_eq!(
        row.cells[4].mark,
        Mark::Class(RiskClass::Gering),
        "and tinted"
    );
    // Findings without a plan are listed with the checklist's recommendation.
    let unplanned = table_after(&doc, "Befunde ohne geplante Maßnahme");
    assert!(
        unplanned
            .rows
            .iter()
            .any(|r| r.cells[0].text.starts_with("BR1")
                && r.cells[2].text == "In den Datenschutzhinweisen darüber informieren."),
        "baseline risk without a plan"
    );
}

#[test]
fn unverified_matrix_is_called_so() {
    let c = minimal();
    let a = assessment(&c, &[]);
    let doc = report(&c, &a, Lang::De);
    let all = texts(&doc).join("\n");
    assert!(
        all.contains("Die Matrix ist NICHT verifiziert"),
        "annex says so"
    );
    assert!(
        all.contains("Quelle der Matrix: Kurzpapier Nr. 18"),
        "and names its source"
    );
    assert!(
        all.contains("https://www.datenschutzkonferenz-online.de/media/kp/dsk_kpnr_18.pdf"),
        "sources with URLs"
    );
}

#[test]
fn missing_glyphs_are_replaced_by_a_visible_marker_in_the_layout() {
    let c = minimal();
    let mut a = assessment(&c, &[("M1.1", "ja")]);
    if let Some(answer) = a.answers.get_mut("M1.1") {
        answer.justification = "Daumen hoch 👍 und 漢字".into();
    }
    a.metadata.account = "@prüfhausen🎉".into();
    let doc = report(&c, &a, Lang::De);
    let fonts = layout::Fonts::new().expect("fonts");
    let laid = layout::layout(&doc, &fonts);
    let texts: Vec<&str> = laid
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            layout::Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let all = texts.join("\n");
    assert!(
        !all.contains('👍') && !all.contains('漢'),
        "nothing unprintable placed"
    );
    assert!(
        all.contains("Daumen hoch □ und □□"),
        "markers instead: {all}"
    );
    assert!(all.contains("@prüfhausen□"), "also in the title and header");
    let [layout::Warning::MissingGlyphs { chars }] = laid.warnings.as_slice() else {
        panic!("one warning expected: {:?}", laid.warnings);
    };
    let listed: Vec<char> = chars.iter().map(|(c, _)| *c).collect();
    for c in ['👍', '漢', '字', '🎉'] {
        assert!(listed.contains(&c), "{c} reported: {listed:?}");
    }
}
