//! Calendar dates: ISO 8601 in JSON and AKN, `17 January 2025` in UN prose.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (proleptic Gregorian), always a full year-month-day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a string is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date: {0:?} (expected YYYY-MM-DD)")]
pub struct DateError(pub String);

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// The date, if it exists in the calendar (years 1000 to 9999, so ISO strings stay four digits).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1000..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Reads a date as UN documents print it: `17 January 2025` (case of the month name ignored,
    /// surrounding whitespace allowed, `1st`-style ordinals not accepted).
    pub fn parse_prose(s: &str) -> Option<Date> {
        let mut parts = s.split_whitespace();
        let day: u8 = parts.next()?.parse().ok()?;
        let month_name = parts.next()?;
        let month = MONTHS
            .iter()
            .position(|m| m.eq_ignore_ascii_case(month_name))?;
        let year: u16 = parts.next()?.parse().ok()?;
        if parts.next().is_some() {
            return None;
        }
        Date::new(year, u8::try_from(month + 1).ok()?, day)
    }

    /// The date as UN documents print it: `17 January 2025`.
    pub fn to_prose(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            // `month` is 1 to 12 by construction (`Date::new` checks it).
            MONTHS
                .get(usize::from(self.month.wrapping_sub(1)))
                .unwrap_or(&"?"),
            self.year
        )
    }

    /// The English month names, January first.
    pub fn month_names() -> &'static [&'static str; 12] {
        &MONTHS
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Reads an ISO 8601 calendar date, `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateError(s.to_string());
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return Err(err());
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let year = digits(0..4).ok_or_else(err)?;
        let month = digits(5..7)
            .and_then(|m| u8::try_from(m).ok())
            .ok_or_else(err)?;
        let day = digits(8..10)
            .and_then(|d| u8::try_from(d).ok())
            .ok_or_else(err)?;
        Date::new(year, month, day).ok_or_else(err)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date, ISO 8601 (YYYY-MM-DD).",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trip() {
        let d: Date = "2025-01-17".parse().unwrap();
        assert_eq!(d.to_string(), "2025-01-17");
        assert_eq!(d.to_prose(), "17 January 2025");
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-1-17",
            "25-01-17",
            "2025-01-32",
            "２０２５-01-01",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert!("2024-02-29".parse::<Date>().is_ok());
    }

    #[test]
    fn prose() {
        assert_eq!(Date::parse_prose("8 January 2025"), Date::new(2025, 1, 8));
        assert_eq!(
            Date::parse_prose(" 31 december 2024 "),
            Date::new(2024, 12, 31)
        );
        assert_eq!(Date::parse_prose("31 June 2024"), None);
        assert_eq!(Date::parse_prose("January 2024"), None);
    }
}
