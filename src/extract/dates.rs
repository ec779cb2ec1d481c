//! Dates and times as summaries write them: "12 September 2024", "September 12, 2024",
//! "July 2nd 2020", "22 august", "2024-09-12", "12/09/2024" (only when unambiguous),
//! "14:00 UTC", "5 :00 UTC", "1 p.m. UTC", "13h00 CET".
//!
//! Dates and times are ASCII words, so their patterns have ASCII word boundaries
//! ([`ascii_bounded`]).

use regex::Regex;
use std::fmt;
use std::sync::LazyLock;

use super::lines::ascii_bounded;
use crate::segment::Span;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A date with an optional UTC time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct DateTime {
    pub date: Date,
    pub time_utc: Option<(u8, u8)>,
}

impl DateTime {
    /// The `xsd:dateTime` (with time) or `xsd:date` lexical form.
    pub fn lexical(&self) -> String {
        match self.time_utc {
            Some((h, m)) => format!("{}T{h:02}:{m:02}:00Z", self.date),
            None => self.date.to_string(),
        }
    }
}

/// A date as written; the year may be missing ("26 September").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: u8,
    pub day: u8,
    pub span: (usize, usize),
}

impl PartialDate {
    /// Completes a year-less date with the year that puts it nearest after `reference`
    /// (a next meeting in January after a December meeting falls in the next year).
    pub fn complete(&self, reference: Option<Date>, on_or_after: bool) -> Option<Date> {
        let year = match (self.year, reference) {
            (Some(y), _) => y,
            (None, Some(r)) => {
                if on_or_after && (self.month, self.day) < (r.month, r.day) {
                    r.year + 1
                } else {
                    r.year
                }
            }
            (None, None) => return None,
        };
        valid(year, self.month, self.day)
    }
}

/// The date, when the numbers make one.
pub fn valid(year: i32, month: u8, day: u8) -> Option<Date> {
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    ((1..=days).contains(&day) && (1990..=2100).contains(&year)).then_some(Date { year, month, day })
}

const MONTHS: &str = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    ascii_bounded(&format!(
        r"(?i)\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:(?:-|–|\s+and\s+|\s+to\s+)\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?{MONTHS}\b\.?(?:,?\s*(?P<year>(?:19|20)\d{{2}})\b)?"
    ))
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    ascii_bounded(&format!(
        r"(?i)\b{MONTHS}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(?P<year>(?:19|20)\d{{2}})\b)?"
    ))
});
static ISO: LazyLock<Regex> =
    LazyLock::new(|| ascii_bounded(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b"));
static SLASHED: LazyLock<Regex> =
    LazyLock::new(|| ascii_bounded(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>(?:19|20)\d{2})\b"));

fn month_number(name: &str) -> u8 {
    let m = name.to_ascii_lowercase();
    const NAMES: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    NAMES.iter().position(|n| m.starts_with(n)).map_or(0, |i| i as u8 + 1)
}

/// Every date in `text[span]`, in text order (spans are absolute).
pub fn find_dates(text: &str, span: &Span) -> Vec<PartialDate> {
    let hay = &text[span.clone()];
    let mut out: Vec<PartialDate> = Vec::new();
    let mut push = |start: usize, end: usize, year: Option<i32>, month: u8, day: u8| {
        if month == 0 || !(1..=31).contains(&day) {
            return;
        }
        let abs = (span.start + start, span.start + end);
        if out.iter().any(|d| d.span.0 < abs.1 && abs.0 < d.span.1) {
            return;
        }
        out.push(PartialDate { year, month, day, span: abs });
    };
    for caps in ISO.captures_iter(hay) {
        let m = caps.get(0).unwrap();
        push(m.start(), m.end(), caps["year"].parse().ok(), caps["month"].parse().unwrap_or(0), caps["day"].parse().unwrap_or(0));
    }
    for re in [&*DAY_MONTH, &*MONTH_DAY] {
        for caps in re.captures_iter(hay) {
            let m = caps.get(0).unwrap();
            let year = caps.name("year").and_then(|y| y.as_str().parse().ok());
            push(m.start(), m.end(), year, month_number(&caps["month"]), caps["day"].parse().unwrap_or(0));
        }
    }
    for caps in SLASHED.captures_iter(hay) {
        let m = caps.get(0).unwrap();
        let (a, b): (u8, u8) = (caps["a"].parse().unwrap_or(0), caps["b"].parse().unwrap_or(0));
        // Day-first and month-first readings differ unless one number cannot be a month.
        let (day, month) = match (a > 12, b > 12) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            _ if a == b => (a, b),
            _ => continue,
        };
        push(m.start(), m.end(), caps["year"].parse().ok(), month, day);
    }
    out.sort_by_key(|d| d.span);
    out
}

/// A time of day with its zone, converted to UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeUtc {
    pub hour: u8,
    pub minute: u8,
    /// Written in UTC (or GMT) rather than converted from another zone.
    pub stated_utc: bool,
    /// Days the conversion moved the date by (-1, 0, 1).
    pub day_shift: i8,
    pub span: (usize, usize),
}

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    ascii_bounded(
        r"(?i)\b(?P<h>\d{1,2})(?:\s*[:.h]\s*(?P<m>\d{2}))?\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)?(?:\s*(?:[-–]|to)\s*\d{1,2}(?:\s*[:.h]\s*\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)?)?\s*(?:\(?\s*(?P<zone>UTC|GMT|CEST|CET|EEST|EET|BST|EDT|EST|CDT|CST|PDT|PST|Z)\b\s*(?P<offset>[+-]\s*\d{1,2})?\)?)",
    )
});

/// Every time of day with an explicit zone in `text[span]` ("14:00 UTC", "1 p.m. UTC").
pub fn find_times(text: &str, span: &Span) -> Vec<TimeUtc> {
    let hay = &text[span.clone()];
    let mut out = Vec::new();
    for caps in TIME.captures_iter(hay) {
        let m = caps.get(0).unwrap();
        let mut hour: i32 = caps["h"].parse().unwrap_or(99);
        let minute: i32 = caps.name("m").map_or(0, |m| m.as_str().parse().unwrap_or(99));
        if caps.name("m").is_none() && caps.name("ampm").is_none() {
            continue; // "2025 UTC" is not a time.
        }
        if let Some(ampm) = caps.name("ampm") {
            let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
            if hour > 12 {
                continue;
            }
            hour = match (pm, hour) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            };
        }
        if hour > 23 || minute > 59 {
            continue;
        }
        let zone = caps.name("zone").map_or("UTC", |z| z.as_str());
        let stated_utc = matches!(zone.to_ascii_uppercase().as_str(), "UTC" | "GMT" | "Z") && caps.name("offset").is_none();
        let mut offset = match zone.to_ascii_uppercase().as_str() {
            "CET" | "BST" => 1,
            "CEST" | "EET" => 2,
            "EEST" => 3,
            "EST" | "CDT" => -5,
            "EDT" => -4,
            "CST" => -6,
            "PST" => -8,
            "PDT" => -7,
            _ => 0,
        };
        if let Some(extra) = caps.name("offset") {
            offset += extra.as_str().replace(' ', "").parse::<i32>().unwrap_or(0);
        }
        let utc = hour - offset;
        let day_shift = utc.div_euclid(24) as i8;
        out.push(TimeUtc {
            hour: utc.rem_euclid(24) as u8,
            minute: minute as u8,
            stated_utc,
            day_shift,
            span: (span.start + m.start(), span.start + m.end()),
        });
    }
    out
}

/// Shifts a date by -1, 0 or +1 day (time-zone conversion across midnight).
pub fn shift(date: Date, days: i8) -> Date {
    match days {
        0 => date,
        d if d > 0 => valid(date.year, date.month, date.day + 1)
            .or_else(|| valid(date.year, date.month + 1, 1))
            .unwrap_or(Date { year: date.year + 1, month: 1, day: 1 }),
        _ => {
            if date.day > 1 {
                Date { day: date.day - 1, ..date }
            } else if date.month > 1 {
                let month = date.month - 1;
                let day = (28..=31).rev().find(|&d| valid(date.year, month, d).is_some()).unwrap_or(28);
                Date { month, day, ..date }
            } else {
                Date { year: date.year - 1, month: 12, day: 31 }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<String> {
        find_dates(text, &(0..text.len()))
            .iter()
            .map(|d| format!("{:?}-{}-{}", d.year, d.month, d.day))
            .collect()
    }

    #[test]
    fn reads_common_date_forms() {
        assert_eq!(
            dates("12 September 2024; September 12, 2024; July 2nd 2020; 22 august; 2024-09-12; Dec 15th"),
            ["Some(2024)-9-12", "Some(2024)-9-12", "Some(2020)-7-2", "None-8-22", "Some(2024)-9-12", "None-12-15"]
        );
    }

    #[test]
    fn a_range_of_days_starts_on_its_first() {
        assert_eq!(
            dates("14-16 October 2025; 4 and 5 February 2026; 8 to 10 May; Day 1 – 18 February 2025"),
            ["Some(2025)-10-14", "Some(2026)-2-4", "None-5-8", "Some(2025)-2-18"]
        );
    }

    #[test]
    fn slashed_dates_only_when_unambiguous() {
        assert_eq!(dates("on 25/09/2024 and 09/25/2024 but not 05/06/2024"), ["Some(2024)-9-25", "Some(2024)-9-25"]);
    }

    #[test]
    fn months_need_a_day_beside_them() {
        assert!(dates("people may want to march in May").is_empty());
    }

    #[test]
    fn times_need_a_zone_and_convert_to_utc() {
        let text = "5 :00 UTC, 1 p.m. UTC, 13:00 UTC, 14h30 CET, 11 p.m. EST, at 10:00 sharp, 13:00-15:00 UTC, 11:00 to 12:00 CEST";
        let got: Vec<_> = find_times(text, &(0..text.len())).iter().map(|t| (t.hour, t.minute, t.day_shift)).collect();
        // A range starts at its first time, whether written "-" or "to".
        assert_eq!(got, [(5, 0, 0), (13, 0, 0), (13, 0, 0), (13, 30, 0), (4, 0, 1), (13, 0, 0), (9, 0, 0)]);
    }

    #[test]
    fn year_less_dates_complete_forward_from_the_meeting() {
        let meeting = Date { year: 2023, month: 12, day: 14 };
        let jan = PartialDate { year: None, month: 1, day: 11, span: (0, 0) };
        assert_eq!(jan.complete(Some(meeting), true), valid(2024, 1, 11));
        assert_eq!(shift(Date { year: 2024, month: 3, day: 1 }, -1), Date { year: 2024, month: 2, day: 29 });
    }
}
