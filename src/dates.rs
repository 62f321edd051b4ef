//! Date formats shared by files, the command line and reports.

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;

/// `YYYY-MM-DD`.
pub const ISO_DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// Serde for dates written `YYYY-MM-DD` (`#[serde(with = "crate::dates::iso_date")]`, and
/// `iso_date::option` for an `Option<Date>`).
///
/// Written here rather than with the time crate's `format_description!` serde macro because that
/// one reports a wrong date as "a character literal was not valid"; this one names the text and
/// the form expected.
pub mod iso_date {
    use serde::{Deserialize as _, Deserializer, Serializer, de::Error as _, ser::Error as _};
    use time::Date;

    /// The message for a date text that is not an ISO date.
    pub(crate) fn invalid(text: &str) -> String {
        format!(
            "`{}` is not a date of the form YYYY-MM-DD (year 0001 to 9999), such as 2027-12-31",
            crate::text::printable(text)
        )
    }

    fn parse(text: &str) -> Result<Date, String> {
        Date::parse(text, super::ISO_DATE).map_err(|_not_iso| invalid(text))
    }

    /// Writes `date` as `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        let text = date.format(super::ISO_DATE).map_err(S::Error::custom)?;
        serializer.serialize_str(&text)
    }

    /// Reads a `YYYY-MM-DD` text.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse(&text).map_err(D::Error::custom)
    }

    /// The same for an `Option<Date>` (`None` is written as `None`).
    pub mod option {
        use serde::{Deserialize as _, Deserializer, Serializer};
        use time::Date;

        /// Writes `Some(date)` as `Some("YYYY-MM-DD")`.
        pub fn serialize<S: Serializer>(
            date: &Option<Date>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match date {
                Some(date) => serializer.serialize_some(&Iso(*date)),
                None => serializer.serialize_none(),
            }
        }

        /// Reads `Some("YYYY-MM-DD")` or `None`.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<Date>, D::Error> {
            Ok(Option::<Iso>::deserialize(deserializer)?.map(|iso| iso.0))
        }

        /// A date that (de)serialises as ISO text.
        struct Iso(Date);

        impl serde::Serialize for Iso {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                super::serialize(&self.0, serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for Iso {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                super::deserialize(deserializer).map(Iso)
            }
        }
    }
}

/// `TT.MM.JJJJ`, as dates are written in German.
pub const GERMAN_DATE: &[BorrowedFormatItem<'static>] =
    format_description!("[day padding:none].[month padding:none].[year]");

/// `TT.MM.JJJJ` with leading zeros, as German dates are shown (`01.02.2027`).
const GERMAN_DATE_SHOWN: &[BorrowedFormatItem<'static>] =
    format_description!("[day].[month].[year]");

/// A date as the user interface shows it in `lang`: `31.12.2027` in German, `2027-12-31` in
/// English. Files always hold ISO dates.
pub fn shown(date: time::Date, lang: crate::text::Lang) -> String {
    let format = match lang {
        crate::text::Lang::De => GERMAN_DATE_SHOWN,
        crate::text::Lang::En => ISO_DATE,
    };
    date.format(format).unwrap_or_default()
}

/// A date as a user types it: ISO (`2027-12-31`) or German (`31.12.2027`, also `1.2.2027`);
/// `None` for anything else, including an empty text.
pub fn parse_input(text: &str) -> Option<time::Date> {
    let text = text.trim();
    time::Date::parse(text, ISO_DATE)
        .or_else(|_| time::Date::parse(text, GERMAN_DATE))
        .ok()
}

/// Now: the moment of `SOURCE_DATE_EPOCH` when that is set (reproducible reports, as the
/// reproducible-builds convention defines it), else the current time in UTC.
pub fn now() -> time::OffsetDateTime {
    source_date_epoch().unwrap_or_else(time::OffsetDateTime::now_utc)
}

fn source_date_epoch() -> Option<time::OffsetDateTime> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| time::OffsetDateTime::from_unix_timestamp(secs).ok())
}

/// Today's date; every part of the program that needs "today" asks here.
///
/// The day of `SOURCE_DATE_EPOCH` when that is set (see [`now`]), else the local date (UTC when
/// the local offset cannot be determined).
pub fn today() -> time::Date {
    if let Some(moment) = source_date_epoch() {
        return moment.date();
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
