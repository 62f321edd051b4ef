//! Date formats shared by files, the command line and reports.

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;

/// `YYYY-MM-DD`.
pub const ISO_DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

time::serde::format_description!(pub iso_date, Date, "[year]-[month]-[day]");

/// Today's date in local time (UTC when the local offset cannot be determined).
pub fn today() -> time::Date {
    time::OffsetDateTime::now_local()
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc())
        .date()
}
