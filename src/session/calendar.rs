//! The next review date as a calendar file (`.ics`, RFC 5545), for the DPO's Outlook or any
//! other calendar.
//!
//! One all-day event on the date of the next review. Its UID is derived from the checklist, the
//! public body and the account, so that exporting again after the date moved updates the entry
//! instead of adding a second one; DTSTAMP is "now" ([`crate::dates::now`], so reproducible
//! with `SOURCE_DATE_EPOCH`). The `icalendar` crate folds and escapes the lines.

use std::path::{Path, PathBuf};

use icalendar::{Calendar, Component as _, Event, Property};
use time::Date;

use crate::assessment::Assessment;
use crate::checklist::Checklist;
use crate::fsio::{self, backup};
use crate::text::Lang;

/// Why the calendar file was not written. Nothing was written, and any earlier file is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum CalendarError {
    /// The assessment has no next review date.
    #[error("{}: no date for the next review is set", path.display())]
    NoDate {
        /// The target.
        path: PathBuf,
    },
    /// The target is the assessment or its checklist, or a file that is not a calendar file.
    #[error("{}: not overwritten: {what}", path.display())]
    Refused {
        /// The target.
        path: PathBuf,
        /// What it is.
        what: &'static str,
    },
    /// Writing failed.
    #[error("{}: cannot write the calendar file: {}", path.display(), fsio::write_message(path, source))]
    Write {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

/// The calendar text for the next review of `assessment`, `None` without a date.
pub fn text(checklist: &Checklist, assessment: &Assessment, lang: Lang) -> Option<String> {
    let date = assessment.review.next_review?;
    let t = &crate::i18n::tr(lang).report;
    let m = &assessment.metadata;
    let mut summary = format!(
        "{}: {} {}",
        t.h_next_review,
        t.data_protection_assessment,
        m.platform.trim()
    );
    if !m.account.trim().is_empty() {
        summary = format!("{summary} {}", m.account.trim());
    }
    let description = format!(
        "{}\n{} {} {}\n{}: {}\n{} {}",
        m.public_body.trim(),
        checklist.title().get(lang),
        checklist.id(),
        checklist.version(),
        crate::i18n::tr(lang).review.status,
        assessment.review.status.name(lang),
        t.assessment_id,
        crate::assessment::short(&assessment.fingerprint()),
    );
    let identity = format!(
        "{}\n{}\n{}",
        checklist.id(),
        m.public_body.trim(),
        m.account.trim()
    );
    let uid = format!(
        "plattformcheck-{}@plattform-check",
        crate::assessment::short(&crate::assessment::canonical_hash(&identity))
    );
    let mut event = Event::new();
    event
        .uid(&uid)
        .summary(summary.trim())
        .description(&description)
        .append_property(
            Property::new("DTSTART", ics_date(date))
                .add_parameter("VALUE", "DATE")
                .done(),
        )
        .append_property(
            Property::new("DTEND", ics_date(date.next_day().unwrap_or(date)))
                .add_parameter("VALUE", "DATE")
                .done(),
        )
        .add_property("DTSTAMP", ics_stamp(crate::dates::now()))
        .add_property("TRANSP", "TRANSPARENT");
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            format!("-//Plattform-Check//{}//DE", env!("CARGO_PKG_VERSION")),
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .push(event.done());
    Some(calendar.done().to_string())
}

fn ics_date(date: Date) -> String {
    format!(
        "{:04}{:02}{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

fn ics_stamp(moment: time::OffsetDateTime) -> String {
    let utc = moment.to_offset(time::UtcOffset::UTC);
    format!(
        "{}T{:02}{:02}{:02}Z",
        ics_date(utc.date()),
        utc.hour(),
        utc.minute(),
        utc.second()
    )
}

/// Writes the calendar file to `path` atomically; an earlier calendar file there is kept as a
/// backup, and nothing else (the assessment, its checklist, any other file) is replaced.
pub fn write(path: &Path, text: &str, sources: &[&Path]) -> Result<Option<PathBuf>, CalendarError> {
    let refused = |what| CalendarError::Refused {
        path: path.to_path_buf(),
        what,
    };
    let write_err = |p: &Path, source| CalendarError::Write {
        path: p.to_path_buf(),
        source,
    };
    let kept = match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => return Err(refused("not a regular file")),
        Ok(meta) => {
            if sources
                .iter()
                .any(|s| same_file::is_same_file(path, s).unwrap_or(false))
            {
                return Err(refused("it is the assessment or its checklist"));
            }
            let old = fsio::read::read_regular(path, 1024 * 1024)
                .map_err(|_unreadable| refused("not a calendar file of this program"))?;
            if !old.starts_with(b"BEGIN:VCALENDAR")
                || !contains(&old, b"PRODID:-//Plattform-Check//")
            {
                return Err(refused("not a calendar file of this program"));
            }
            Some(
                backup::keep(path, &old, Some(meta.permissions()))
                    .map_err(|e| write_err(&backup::backup_path(path), e))?,
            )
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(write_err(path, err)),
    };
    fsio::atomic::write_atomic(path, text.as_bytes()).map_err(|e| write_err(path, e))?;
    Ok(kept)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn sample() -> (Checklist, Assessment) {
        let src = include_str!("../../tests/fixtures/valid/minimal.ron");
        let (c, _) = crate::checklist::load::parse_str(Path::new("m.ron"), src);
        let c = c.expect("fixture loads");
        let mut a = Assessment::new(&c);
        a.metadata.platform = "TikTok".into();
        a.metadata.account = "@stadt".into();
        // Commas, semicolons, backslashes and line breaks must be escaped (RFC 5545 3.3.11);
        // a long text must be folded (3.1).
        a.metadata.public_body =
            "Stadt Muster; Amt für Presse, Öffentlichkeit \\ Bürgerdialog und \
            Digitales mit einem sehr langen Namen, der über 75 Oktette hinausgeht"
                .into();
        a.review.next_review = Some(time::macros::date!(2027 - 11 - 30));
        (c, a)
    }

    /// The lines of `ics` unfolded (a CRLF followed by a space continues the line).
    fn unfolded(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn the_file_follows_rfc_5545() {
        let (c, a) = sample();
        let ics = text(&c, &a, Lang::De).expect("a date is set");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
        assert!(ics.trim_end().ends_with("END:VCALENDAR"), "{ics}");
        for line in ics.split("\r\n") {
            assert!(
                line.len() <= 75,
                "lines are folded at 75 octets: {line:?} ({})",
                line.len()
            );
        }
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "only CRLF line ends"
        );
        let lines = unfolded(&ics);
        for wanted in [
            "VERSION:2.0",
            "DTSTART;VALUE=DATE:20271130",
            "DTEND;VALUE=DATE:20271201",
            "BEGIN:VEVENT",
            "END:VEVENT",
        ] {
            assert!(lines.iter().any(|l| l == wanted), "{wanted} in {lines:#?}");
        }
        let description = lines
            .iter()
            .find(|l| l.starts_with("DESCRIPTION:"))
            .expect("a description");
        assert!(
            description
                .contains("Stadt Muster\\; Amt für Presse\\, Öffentlichkeit \\\\ Bürgerdialog"),
            "escaped: {description}"
        );
        assert!(
            description.contains("\\n"),
            "line breaks escaped: {description}"
        );
        assert!(
            lines.iter().any(|l| l.starts_with("UID:plattformcheck-")),
            "a UID"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("DTSTAMP:") && l.ends_with('Z')),
            "a UTC DTSTAMP"
        );
    }

    #[test]
    fn the_uid_stays_when_the_date_moves() {
        let (c, mut a) = sample();
        let uid = |ics: String| unfolded(&ics).into_iter().find(|l| l.starts_with("UID:"));
        let first = uid(text(&c, &a, Lang::De).expect("date"));
        a.review.next_review = Some(time::macros::date!(2028 - 01 - 15));
        assert_eq!(
            uid(text(&c, &a, Lang::De).expect("date")),
            first,
            "one entry, updated"
        );
        a.review.next_review = None;
        assert_eq!(text(&c, &a, Lang::De), None, "no date, no file");
    }
}
