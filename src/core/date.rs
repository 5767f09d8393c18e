//! Calendar dates as local day numbers (days since 1970-01-01): the civil
//! conversions, calendar-month arithmetic, the one date parser
//! ([`parse_iso`], what `<input type="date">` reports) and the one date
//! formatter ([`ymd`]: ISO "2024-01-31", iCalendar "20240131"; the ISO
//! instants of `clock::iso_utc` and the date-input values use it too).

/// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month 1-12, day 1-31) for days since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}


/// The same day-of-month `months` calendar months later, clamped to the last
/// day of a shorter month (Jan 31 + 1 month = Feb 28 or 29).
pub fn add_months(day: i64, months: i32) -> i64 {
    let (y, m, d) = civil_from_days(day);
    let total = y * 12 + i64::from(m) - 1 + i64::from(months);
    let ny = total.div_euclid(12);
    let nm = total.rem_euclid(12) as u32 + 1;
    days_from_civil(ny, nm, d.min(days_in_month(ny, nm)))
}

/// Appends `n` in decimal, zero-padded to `width` digits ('-' first when
/// negative). No `format!` machinery: this runs for every calendar line.
pub fn push_padded(out: &mut String, n: i64, width: usize) {
    if n < 0 {
        out.push('-');
    }
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    let mut v = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for _ in buf.len() - i..width {
        out.push('0');
    }
    for &b in &buf[i..] {
        out.push(char::from(b));
    }
}

/// The one date formatter: year (at least 4 digits), month and day joined by `sep`.
pub fn ymd(day: i64, sep: &str) -> String {
    let (y, m, d) = civil_from_days(day);
    let mut out = String::with_capacity(10);
    push_padded(&mut out, y, 4);
    out.push_str(sep);
    push_padded(&mut out, i64::from(m), 2);
    out.push_str(sep);
    push_padded(&mut out, i64::from(d), 2);
    out
}

/// "20240131".
pub fn ymd_compact(day: i64) -> String {
    ymd(day, "")
}

/// ISO "2024-01-31".
pub fn ymd_iso(day: i64) -> String {
    ymd(day, "-")
}

/// A non-empty run of ASCII digits (at most 9) as a number; `None` otherwise.
/// One small parser for every number the view reads (no sign, no spaces).
pub fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 {
        return None;
    }
    s.bytes().try_fold(0u32, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
}

/// Local day number of an ISO date "2024-01-31" (what `<input type="date">`
/// reports); `None` for anything else, including impossible dates.
pub fn parse_iso(s: &str) -> Option<i64> {
    if s.len() != 10 || s.as_bytes()[4] != b'-' || s.as_bytes()[7] != b'-' {
        return None;
    }
    let (y, m, d) = (parse_digits(s.get(..4)?)?, parse_digits(s.get(5..7)?)?, parse_digits(s.get(8..)?)?);
    let y = i64::from(y);
    (d >= 1 && d <= days_in_month(y, m)).then(|| days_from_civil(y, m, d))
}

/// `(hour, minute)` of a 24-hour "HH:MM" (what `<input type="time">` reports;
/// seconds, if any, are ignored).
pub fn parse_hhmm(s: &str) -> Option<(u8, u8)> {
    let b = s.as_bytes();
    if b.len() < 5 || b[2] != b':' || (b.len() > 5 && b[5] != b':') {
        return None;
    }
    let (h, m) = (parse_digits(s.get(..2)?)?, parse_digits(s.get(3..5)?)?);
    (h < 24 && m < 60).then_some((h as u8, m as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_and_time_parsing() {
        assert_eq!(parse_iso("2024-02-29"), Some(days_from_civil(2024, 2, 29)));
        assert_eq!(parse_iso(&ymd_iso(19_884)), Some(19_884));
        assert_eq!(parse_iso("2023-02-29"), None);
        assert_eq!(parse_iso("2024-13-01"), None);
        assert_eq!(parse_iso("2024-00-10"), None);
        assert_eq!(parse_iso("2024-6-10"), None);
        assert_eq!(parse_iso(""), None);
        assert_eq!(parse_iso("2024/06/10"), None);
        assert_eq!(parse_iso("+024-06-10"), None);
        assert_eq!(parse_iso("0024-06-10"), Some(days_from_civil(24, 6, 10)));
        assert_eq!(parse_hhmm("08:00"), Some((8, 0)));
        assert_eq!(parse_hhmm("20:30:15"), Some((20, 30)));
        assert_eq!(parse_hhmm("24:00"), None);
        assert_eq!(parse_hhmm("12:60"), None);
        assert_eq!(parse_hhmm("12:3"), None);
        assert_eq!(parse_hhmm("8:30"), None);
        assert_eq!(parse_hhmm("08:3a"), None);
        assert_eq!(parse_digits("0012"), Some(12));
        assert_eq!(parse_digits("+1"), None);
        assert_eq!(parse_digits(" 1"), None);
        assert_eq!(parse_digits(""), None);
        assert_eq!(parse_digits("1234567890"), None);
        assert_eq!(parse_hhmm("12:345"), None);
        assert_eq!(parse_hhmm(""), None);
        assert_eq!(parse_hhmm("noon"), None);
    }

    #[test]
    fn civil_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert!((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m));
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(2024, 3, 5), 19_787);
    }

    #[test]
    fn known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2000, 2, 29), 11_016);
        assert_eq!(days_from_civil(2024, 6, 10), 19_884);
        assert_eq!(days_from_civil(2024, 2, 29), 19_782);
        assert_eq!(days_from_civil(1900, 3, 1), -25_508);
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(-25_508), (1900, 3, 1));
        assert_eq!(civil_from_days(-25_509), (1900, 2, 28)); // 1900 is not leap
        assert_eq!(civil_from_days(11_016), (2000, 2, 29)); // 2000 is leap
        assert_eq!(ymd_compact(19_884), "20240610");
        assert_eq!(ymd_iso(0), "1970-01-01");
        assert_eq!(ymd_iso(days_from_civil(24, 6, 1)), "0024-06-01");
        assert_eq!(ymd_compact(days_from_civil(12345, 12, 31)), "123451231");
        let mut s = String::new();
        push_padded(&mut s, -7, 2);
        push_padded(&mut s, 0, 1);
        push_padded(&mut s, 1234, 2);
        assert_eq!(s, "-0701234");
    }

    #[test]
    fn round_trip_over_four_centuries() {
        let start = days_from_civil(1899, 12, 25);
        let mut prev = civil_from_days(start - 1);
        for z in start..start + 146_097 + 10 {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
            assert!(d >= 1 && d <= days_in_month(y, m));
            // Consecutive days advance by exactly one calendar day.
            if prev.2 == days_in_month(prev.0, prev.1) {
                assert_eq!(d, 1);
            } else {
                assert_eq!((y, m, d), (prev.0, prev.1, prev.2 + 1));
            }
            prev = (y, m, d);
        }
    }

    #[test]
    fn leap_years() {
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2023, 2), 28);
    }

    #[test]
    fn month_addition_clamps() {
        let jan31_24 = days_from_civil(2024, 1, 31);
        assert_eq!(civil_from_days(add_months(jan31_24, 1)), (2024, 2, 29));
        assert_eq!(civil_from_days(add_months(jan31_24, 2)), (2024, 3, 31));
        assert_eq!(civil_from_days(add_months(jan31_24, 3)), (2024, 4, 30));
        assert_eq!(civil_from_days(add_months(days_from_civil(2023, 1, 31), 1)), (2023, 2, 28));
        assert_eq!(civil_from_days(add_months(days_from_civil(2023, 11, 30), 3)), (2024, 2, 29));
        assert_eq!(civil_from_days(add_months(days_from_civil(2024, 2, 29), 12)), (2025, 2, 28));
        assert_eq!(civil_from_days(add_months(days_from_civil(2024, 1, 15), -1)), (2023, 12, 15));
    }
}
