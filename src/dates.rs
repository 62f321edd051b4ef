//! Date formats shared by files, the command line and reports.

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;

/// `YYYY-MM-DD`.
pub const ISO_DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

time::serde::format_description!(pub iso_date, Date, "[year]-[month]-[day]");

/// `TT.MM.JJJJ`, as dates are written in German.
pub const GERMAN_DATE: &[BorrowedFormatItem<'static>] =
    format_description!("[day padding:none].[month padding:none].[year]");

/// A date as a user types it: ISO (`2027-12-31`) or German (`31.12.2027`, also `1.2.2027`);
/// `None` for anything else, including an empty text.
pub fn parse_input(text: &str) -> Option<time::Date> {
    let text = text.trim();
    time::Date::parse(text, ISO_DATE)
        .or_else(|_| time::Date::parse(text, GERMAN_DATE))
        .ok()
}

/// Today's date: the day of `SOURCE_DATE_EPOCH` when that is set (reproducible reports and
/// deterministic tests, as the reproducible-builds convention defines it), else the local date
/// (UTC when the local offset cannot be determined). Every part of the program that needs
/// "today" asks here.
pub fn today() -> time::Date {
    if let Some(date) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| time::OffsetDateTime::from_unix_timestamp(secs).ok())
    {
        return date.date();
    }
    time::OffsetDateTime::now_local()
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc())
        .date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn typed_dates_in_both_spellings() {
        assert_eq!(parse_input("2027-12-31"), Some(date!(2027 - 12 - 31)));
        assert_eq!(parse_input(" 31.12.2027 "), Some(date!(2027 - 12 - 31)));
        assert_eq!(parse_input("1.2.2027"), Some(date!(2027 - 02 - 01)));
        for bad in ["", "31.13.2027", "2027-02-30", "morgen", "31.12."] {
            assert_eq!(parse_input(bad), None, "{bad}");
        }
    }
}
