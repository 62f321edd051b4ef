//! Assessment files: save → load round trips for random content, atomic saves with a backup, and
//! damaged, oversized or newer files refused with the original left byte-for-byte untouched.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use plattformcheck::assessment::{
    Answer, Assessment, ChecklistRef, Decision, FORMAT_VERSION, Measure, MeasureStatus, Metadata,
    Review,
};
use plattformcheck::choice::Choice;
use plattformcheck::review::Verdict;
use plattformcheck::risk::Level;
use plattformcheck::store::{self, Error};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    // Any Unicode, plus the characters that need escaping in RON, plus long text now and then.
    prop_oneof![
        any::<String>(),
        "[\"\\\\\n\r\t„“§€äöüß ]{0,40}",
        Just("x".repeat(20_000)),
    ]
}

fn level() -> impl Strategy<Value = Option<Level>> {
    proptest::option::of((1u8..=4).prop_map(|n| Level::new(n).expect("in range")))
}

fn date() -> impl Strategy<Value = Option<time::Date>> {
    proptest::option::of(
        (1900i32..2200, 1u16..=365)
            .prop_map(|(y, d)| time::Date::from_ordinal_date(y, d).expect("valid ordinal date")),
    )
}

fn status() -> impl Strategy<Value = MeasureStatus> {
    prop::sample::select(MeasureStatus::ALL.to_vec())
}

prop_compose! {
    fn measure()(text in text(), owner in text(), due in date(), status in status(),
                 residual_severity in level(), residual_likelihood in level()) -> Measure {
        Measure { text, owner, due, status, residual_severity, residual_likelihood, reason: String::new() }
    }
}

prop_compose! {
    fn assessment()(
        id in "[a-z-]{1,12}", version in "[0-9.]{1,8}", fingerprint in "[0-9a-f]{64}",
        meta in proptest::collection::vec(text(), 11), date in date(),
        review in review(),
        answers in proptest::collection::btree_map(text(), (text(), text(), text()), 0..6),
        measures in proptest::collection::btree_map(text(), measure(), 0..4),
    ) -> Assessment {
        let [public_body, unit, platform, account, purposes, target_groups, data_subjects, responsible, dpo, operator, third_countries]: [String; 11] =
            meta.try_into().expect("eleven texts");
        let mut a = Assessment {
            format_version: FORMAT_VERSION,
            checklist: ChecklistRef { id, version, fingerprint },
            metadata: Metadata { public_body, unit, platform, account, purposes, target_groups, data_subjects, responsible, dpo, operator, third_countries, date },
            answers: answers
                .into_iter()
                .map(|(k, (choice, justification, evidence))| (k.into(), Answer { choice: Choice::parse(&choice), justification, evidence, recheck: false }))
                .collect::<BTreeMap<_, _>>(),
            measures: measures.into_iter().map(|(k, m)| (k.into(), m)).collect(),
            review: Review::default(),
        };
        review.apply(&mut a);
        a
    }
}

/// A review reached through the lifecycle (a file must hold one it could have gone through):
/// up to `stage` steps of submit → verdicts and opinion → decide → new round → submit.
#[derive(Clone, Debug)]
struct ReviewPlan {
    stage: u8,
    texts: [String; 5],
    dates: [Option<time::Date>; 3],
    decision: Decision,
    verdicts: Vec<(String, Option<Verdict>, String)>,
}

impl ReviewPlan {
    fn apply(self, a: &mut Assessment) {
        use plattformcheck::review::{VerdictEntry, lifecycle};
        let [
            opinion,
            opinion_by,
            conditions,
            deviation_reason,
            decided_by,
        ] = self.texts;
        let [opinion_date, decision_date, next_review] = self.dates;
        a.review.next_review = next_review;
        if self.stage == 0 {
            return;
        }
        lifecycle::submit(a, decided_by.clone(), opinion_date).expect("submit a draft");
        if self.stage >= 2 {
            lifecycle::begin_review(a).expect("begin");
            let round = &mut a.review.round;
            round.verdicts = self
                .verdicts
                .into_iter()
                .map(|(k, verdict, comment)| (k.into(), VerdictEntry { verdict, comment }))
                .collect();
            round.dpo_opinion = opinion;
            round.opinion_by = opinion_by;
            round.opinion_date = opinion_date;
        }
        if self.stage >= 3 {
            lifecycle::decide(a, Some(self.decision)).expect("decide");
            let round = &mut a.review.round;
            round.conditions = conditions;
            round.deviation_reason = deviation_reason;
            round.decided_by = decided_by;
            round.decision_date = decision_date;
        }
        if self.stage >= 4 {
            lifecycle::new_round(a).expect("new round");
            a.metadata.unit.push_str(" (überarbeitet)");
            lifecycle::submit(a, String::new(), None).expect("resubmit");
        }
    }
}

prop_compose! {
    fn review()(stage in 0u8..=4, texts in proptest::collection::vec(text(), 5),
                dates in proptest::collection::vec(date(), 3),
                decision in prop::sample::select(Decision::ALL.to_vec()),
                verdicts in proptest::collection::vec(
                    (text(), proptest::option::of(prop::sample::select(Verdict::ALL.to_vec())), text()),
                    0..4,
                )) -> ReviewPlan {
        ReviewPlan {
            stage,
            texts: texts.try_into().expect("five texts"),
            dates: dates.try_into().expect("three dates"),
            decision,
            verdicts,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn save_then_load_gives_the_same_assessment(a in assessment()) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("bewertung.ron");
        store::save(&path, &a).expect("save");
        let back = store::load(&path).expect("load what was saved");
        prop_assert_eq!(back, a);
    }
}

fn sample() -> Assessment {
    Assessment {
        format_version: FORMAT_VERSION,
        checklist: ChecklistRef {
            id: "tiktok".into(),
            version: "1.0.0".into(),
            fingerprint: "ab".repeat(32),
        },
        metadata: Metadata {
            public_body: "Stadt Musterstadt".into(),
            ..Metadata::default()
        },
        answers: BTreeMap::from([(
            "A1.1".into(),
            Answer {
                choice: Choice::parse("ja"),
                ..Answer::default()
            },
        )]),
        measures: BTreeMap::new(),
        review: Review::default(),
    }
}

#[test]
fn save_keeps_the_previous_version_as_backup_and_leaves_no_temp_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bewertung.ron");
    let first = sample();
    store::save(&path, &first).expect("first save");
    let mut second = first.clone();
    second.metadata.unit = "Pressestelle".into();
    store::save(&path, &second).expect("second save");
    assert_eq!(
        store::load(&path).expect("load"),
        second,
        "new content saved"
    );
    assert_eq!(
        store::load(&store::backup_path(&path)).expect("load backup"),
        first,
        "backup is the previous content"
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "only the file and its backup remain: {names:?}"
    );
}

#[test]
fn save_into_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("gibt-es-nicht").join("bewertung.ron");
    let err = store::save(&path, &sample()).expect_err("no folder");
    assert!(matches!(err, Error::Write { .. }), "write error: {err}");
    assert!(
        err.to_string().contains("bewertung.ron"),
        "names the file: {err}"
    );
}

/// Writes `bytes`, loads, and checks the load failed as `expected` and left the bytes untouched.
fn refused(bytes: &[u8], expected: fn(&Error) -> bool) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kaputt.ron");
    std::fs::write(&path, bytes).expect("write");
    let err = store::load(&path).expect_err("must be refused");
    assert!(expected(&err), "unexpected error: {err}");
    let message = err.to_string();
    assert!(message.contains("kaputt.ron"), "names the file: {message}");
    assert!(
        std::fs::read(&path).expect("read back") == bytes,
        "file untouched after refusing it"
    );
    message
}

fn valid_text() -> String {
    store::to_string(&sample()).expect("serialise")
}

#[test]
fn truncated_file_is_refused_with_a_position() {
    let text = valid_text();
    let message = refused(&text.as_bytes()[..text.len() / 2], |e| {
        matches!(e, Error::Syntax { .. })
    });
    assert!(message.contains("damaged or incomplete"), "{message}");
}

#[test]
fn binary_garbage_is_refused() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    refused(&garbage, |e| {
        matches!(e, Error::NotText { .. } | Error::Syntax { .. })
    });
}

#[test]
fn newer_format_is_refused_and_never_overwritten() {
    let newer = valid_text().replace(
        "format_version: 2,",
        "format_version: 3,\n    signatures: [],",
    );
    let message = refused(newer.as_bytes(), |e| {
        matches!(e, Error::Newer { found: 3, .. })
    });
    assert!(message.contains("newer version"), "{message}");

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("neu.ron");
    std::fs::write(&path, &newer).expect("write");
    let err = store::save(&path, &sample()).expect_err("must not overwrite a newer file");
    assert!(matches!(err, Error::WouldDestroyNewer { .. }), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        newer,
        "newer file untouched"
    );
}

#[test]
fn oversized_file_is_refused_unread() {
    let mut big = valid_text().into_bytes();
    big.resize((store::MAX_FILE_BYTES + 1) as usize, b' ');
    let message = refused(&big, |e| matches!(e, Error::TooLarge { .. }));
    assert!(message.contains("at most"), "{message}");
}

#[test]
fn unknown_field_is_refused_with_line() {
    let edited = valid_text().replace("unit: \"\",", "unit: \"\",\n        farbe: \"rot\",");
    let message = refused(edited.as_bytes(), |e| matches!(e, Error::Syntax { .. }));
    assert!(message.contains("farbe"), "{message}");
}

#[test]
fn missing_file_is_a_read_error() {
    let err = store::load(Path::new("tests/fixtures/gibt-es-nicht.ron")).expect_err("missing");
    assert!(matches!(err, Error::Read { .. }), "{err}");
    assert!(err.to_string().contains("file not found"), "{err}");
}

#[test]
fn an_answer_given_twice_is_refused_with_both_lines() {
    let text = valid_text();
    let first = text
        .lines()
        .position(|l| l.contains("\"A1.1\":"))
        .expect("answer")
        + 1;
    let block: Vec<&str> = text.lines().skip(first - 1).take(5).collect();
    let twice = text.replacen(&block.join("\n"), &format!("{0}\n{0}", block.join("\n")), 1);
    let message = refused(twice.as_bytes(), |e| matches!(e, Error::Duplicate { .. }));
    assert!(
        message.contains(&format!(
            "`A1.1` appears twice (lines {first} and {})",
            first + 5
        )),
        "{message}"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bom.ron");
    std::fs::write(&path, format!("\u{feff}{}", valid_text())).expect("write");
    assert_eq!(store::load(&path).expect("loads"), sample(), "same content");
}

#[test]
fn fingerprints_that_share_twelve_digits_are_told_apart() {
    use plattformcheck::assessment::distinguishing;
    let a = format!("4abcc434f5d1{}", "0".repeat(52));
    let b = format!("4abcc434f5d1{}", "1".repeat(52));
    assert_eq!(distinguishing(&a, &b), "4abcc434f5d10");
    assert_eq!(distinguishing(&b, &a), "4abcc434f5d11");
    assert_eq!(
        distinguishing(&a, &"f".repeat(64)),
        "4abcc434f5d1",
        "12 digits otherwise"
    );
}
