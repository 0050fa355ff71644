//! Calendar dates with the precision a source gives them: a year, a month, or a day.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A date known to the year, the month or the day, as `2021`, `2021-06` or `2021-06-03`.
///
/// Dates order by their earliest possible day, so `2021` sorts before `2021-01-05`, and
/// "the network as of D" includes an event whose date is only known as `2021-06` from
/// 2021-06-01 on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    /// 1–12, or 0 when only the year is known.
    month: u8,
    /// 1–31, or 0 when only the month (or year) is known.
    day: u8,
}

/// How much of a [`Date`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Shape(String),
    /// Well-formed but not in the calendar, e.g. `2021-02-30` or `2021-13`.
    Impossible(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Shape(s) => write!(
                f,
                "\"{s}\" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"
            ),
            DateError::Impossible(s) => write!(f, "\"{s}\" is not a day in the calendar"),
        }
    }
}

impl std::error::Error for DateError {}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl Date {
    /// A date known to the day. Returns `None` for days not in the calendar.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        let ok = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// A date known to the month. Returns `None` for a month not in 1–12.
    pub fn year_month(year: i32, month: u8) -> Option<Date> {
        (1..=12).contains(&month).then_some(Date {
            year,
            month,
            day: 0,
        })
    }

    /// A date known to the year only.
    pub fn year_only(year: i32) -> Date {
        Date {
            year,
            month: 0,
            day: 0,
        }
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month (1–12) where known.
    pub fn month(&self) -> Option<u8> {
        (self.month != 0).then_some(self.month)
    }

    /// The day of the month where known.
    pub fn day(&self) -> Option<u8> {
        (self.day != 0).then_some(self.day)
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// The last day this date can stand for: `2019` is 2019-12-31, `2020-02` is 2020-02-29.
    pub fn last_day(&self) -> Date {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(self.year, month)
        } else {
            self.day
        };
        Date {
            year: self.year,
            month,
            day,
        }
    }

    /// Days since 1970-01-01 of the first day this date can stand for; used for time axes.
    pub fn ordinal(&self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month.max(1)),
            i64::from(self.day.max(1)),
        );
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        let shape = || DateError::Shape(s.to_string());
        let parts: Vec<&str> = s.split('-').collect();
        let widths = [4, 2, 2];
        if parts.is_empty() || parts.len() > 3 {
            return Err(shape());
        }
        let mut nums = [0u32; 3];
        for (i, p) in parts.iter().enumerate() {
            if p.len() != widths[i] || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(shape());
            }
            nums[i] = p.parse().map_err(|_| shape())?;
        }
        let year = nums[0] as i32;
        let impossible = || DateError::Impossible(s.to_string());
        match parts.len() {
            1 => Ok(Date::year_only(year)),
            2 if (1..=12).contains(&nums[1]) => Ok(Date {
                year,
                month: nums[1] as u8,
                day: 0,
            }),
            2 => Err(impossible()),
            _ => Date::ymd(year, nums[1] as u8, nums[2] as u8).ok_or_else(impossible),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision() {
            Precision::Year => write!(f, "{:04}", self.year),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for s in ["2021", "2021-06", "2021-06-03", "2020-02-29"] {
            let d: Date = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
        assert_eq!("2021".parse::<Date>().unwrap().precision(), Precision::Year);
        assert_eq!("2021-06".parse::<Date>().unwrap().month(), Some(6));
    }

    #[test]
    fn rejects_impossible_days_and_bad_shapes() {
        assert!(matches!(
            "2021-02-29".parse::<Date>(),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            "2021-13".parse::<Date>(),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            "2021-04-31".parse::<Date>(),
            Err(DateError::Impossible(_))
        ));
        for bad in [
            "",
            "21",
            "2021-6",
            "2021/06/03",
            "June 2021",
            "2021-06-03-01",
            "+021",
        ] {
            assert!(
                matches!(bad.parse::<Date>(), Err(DateError::Shape(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn orders_by_earliest_day() {
        let y: Date = "2021".parse().unwrap();
        let m: Date = "2021-01".parse().unwrap();
        let d: Date = "2021-01-05".parse().unwrap();
        assert!(y < d && m < d && y <= m);
        assert_eq!(Date::ymd(1970, 1, 1).unwrap().ordinal(), 0);
        assert_eq!(Date::ymd(2021, 5, 5).unwrap().ordinal(), 18_752);
    }

    #[test]
    fn a_coarse_date_lasts_to_the_end_of_its_period() {
        for (s, last) in [
            ("2019", "2019-12-31"),
            ("2020-02", "2020-02-29"),
            ("2021-02", "2021-02-28"),
            ("2021-06-03", "2021-06-03"),
        ] {
            assert_eq!(s.parse::<Date>().unwrap().last_day().to_string(), last);
        }
    }
}
