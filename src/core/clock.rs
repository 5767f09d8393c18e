//! Time for the core. Every stored time is UTC epoch milliseconds; the shell
//! implements [`Clock`] with JS `Date` and does all display formatting (Intl).
//! The only formatting here is the machine-readable ISO 8601 used by exports
//! (dates through `core::date`, the one date formatter).

use super::date::{civil_from_days, push_padded, ymd_iso};

pub const MS_PER_MINUTE: i64 = 60_000;
pub const MS_PER_DAY: i64 = 86_400_000;

/// Source of "now" and of the user's UTC offset.
pub trait Clock {
    /// UTC epoch milliseconds.
    fn now_ms(&self) -> i64;
    /// Minutes to ADD to UTC to get local time at the instant `at_ms`
    /// (+60 for CET, -300 for EST). Per instant, so DST is handled.
    fn local_offset_minutes(&self, at_ms: i64) -> i32;
}

/// Another clock read at a pinned instant: `now_ms` is fixed (the moment a
/// view renders), UTC offsets still come from `inner` per instant.
pub struct Pinned<'a> {
    pub inner: &'a dyn Clock,
    pub now_ms: i64,
}

impl Clock for Pinned<'_> {
    fn now_ms(&self) -> i64 {
        self.now_ms
    }
    fn local_offset_minutes(&self, at_ms: i64) -> i32 {
        self.inner.local_offset_minutes(at_ms)
    }
}

/// Test fake: a fixed instant and a fixed offset, both settable through `&self`.
/// Test-only (unit tests and the `test-util` feature), never shipped.
#[cfg(any(test, feature = "test-util"))]
#[derive(Debug, Default)]
pub struct FixedClock {
    now: std::cell::Cell<i64>,
    offset: std::cell::Cell<i32>,
}

#[cfg(any(test, feature = "test-util"))]
impl FixedClock {
    pub fn new(now_ms: i64, offset_minutes: i32) -> Self {
        FixedClock { now: std::cell::Cell::new(now_ms), offset: std::cell::Cell::new(offset_minutes) }
    }
    pub fn set_now(&self, now_ms: i64) {
        self.now.set(now_ms);
    }
    pub fn advance(&self, ms: i64) {
        self.now.set(self.now.get().saturating_add(ms));
    }
    pub fn set_offset(&self, offset_minutes: i32) {
        self.offset.set(offset_minutes);
    }
}

#[cfg(any(test, feature = "test-util"))]
impl Clock for FixedClock {
    fn now_ms(&self) -> i64 {
        self.now.get()
    }
    fn local_offset_minutes(&self, _at_ms: i64) -> i32 {
        self.offset.get()
    }
}

/// Days since 1970-01-01 on the LOCAL calendar, for a UTC instant and offset.
pub fn local_day(ms: i64, offset_minutes: i32) -> i64 {
    ms.saturating_add(offset_minutes as i64 * MS_PER_MINUTE).div_euclid(MS_PER_DAY)
}

/// Local calendar days from `from_ms` to `to_ms` (positive when `to` is later),
/// each instant converted with its own offset: 23:50 → 00:10 the next local
/// day is 1 day, even though only 20 minutes passed.
pub fn days_between(clock: &dyn Clock, from_ms: i64, to_ms: i64) -> i64 {
    local_day(to_ms, clock.local_offset_minutes(to_ms)) - local_day(from_ms, clock.local_offset_minutes(from_ms))
}

/// Local calendar days from `at_ms` to now (0 = today, 1 = yesterday).
pub fn days_ago(clock: &dyn Clock, at_ms: i64) -> i64 {
    days_between(clock, at_ms, clock.now_ms())
}

/// The UTC instant of local `day` (days since epoch) at `minute_of_day`.
/// The offset is looked up at the instant itself (one refinement step, enough
/// for DST transitions; inside a skipped hour the result is the later offset).
pub fn local_to_utc(clock: &dyn Clock, day: i64, minute_of_day: u32) -> i64 {
    let local_ms = day.saturating_mul(MS_PER_DAY).saturating_add(minute_of_day as i64 * MS_PER_MINUTE);
    let guess = local_ms - clock.local_offset_minutes(local_ms) as i64 * MS_PER_MINUTE;
    local_ms - clock.local_offset_minutes(guess) as i64 * MS_PER_MINUTE
}

/// The values of `<input type=date>` and `<input type=time>` showing the
/// instant `ms` in local time: `("2024-03-04", "20:00")`.
pub fn input_values(clock: &dyn Clock, ms: i64) -> (String, String) {
    let offset = clock.local_offset_minutes(ms);
    let minute = (ms + offset as i64 * MS_PER_MINUTE).rem_euclid(MS_PER_DAY) / MS_PER_MINUTE;
    (crate::core::date::ymd_iso(local_day(ms, offset)), format!("{:02}:{:02}", minute / 60, minute % 60))
}

/// UTC ISO 8601 with milliseconds, the same shape as JS `toISOString()`:
/// `2024-03-05T19:00:00.000Z` (years outside 0..=9999 as `±YYYYYY`).
pub fn iso_utc(ms: i64) -> String {
    use std::fmt::Write;
    let days = ms.div_euclid(MS_PER_DAY);
    let rem = ms.rem_euclid(MS_PER_DAY);
    // The one date formatter; JS writes years outside 0..=9999 as ±YYYYYY.
    let date = ymd_iso(days);
    let (y, _, _) = civil_from_days(days);
    let mut out = String::with_capacity(27);
    if (0..=9999).contains(&y) {
        out.push_str(&date);
    } else {
        out.push(if y < 0 { '-' } else { '+' });
        push_padded(&mut out, y.unsigned_abs() as i64, 6);
        out.push_str(&date[date.len() - 6..]);
    }
    let _ = write!(
        out,
        "T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_formatting() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_utc(1_709_665_200_123), "2024-03-05T19:00:00.123Z");
        assert_eq!(iso_utc(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(iso_utc(-1), "1969-12-31T23:59:59.999Z");
        assert_eq!(iso_utc(253_402_300_800_000), "+010000-01-01T00:00:00.000Z");
        assert_eq!(iso_utc(4_102_444_799_999), "2099-12-31T23:59:59.999Z");
    }

    #[test]
    fn local_day_uses_offset() {
        // 2024-03-05T23:30Z: still the 5th in New York, already the 6th in Berlin.
        let ms = 1_709_681_400_000;
        assert_eq!(local_day(ms, 0), 19_787);
        assert_eq!(local_day(ms, 60), 19_788);
        assert_eq!(local_day(ms, -300), 19_787);
        assert_eq!(local_day(-1, 0), -1);
    }

    #[test]
    fn days_between_counts_local_midnights() {
        let clock = FixedClock::new(0, 60);
        // 22:50Z = 23:50 CET, 23:10Z = 00:10 CET next day.
        let a = 1_709_679_000_000; // 2024-03-05T22:50Z
        let b = a + 20 * MS_PER_MINUTE;
        assert_eq!(days_between(&clock, a, b), 1);
        clock.set_offset(0);
        assert_eq!(days_between(&clock, a, b), 0);
        clock.set_now(b);
        assert_eq!(days_ago(&clock, a), 0);
    }

    #[test]
    fn local_to_utc_applies_offset() {
        let clock = FixedClock::new(0, 60);
        // Local 2024-03-05 20:00 CET = 19:00Z.
        assert_eq!(local_to_utc(&clock, 19_787, 20 * 60), 1_709_665_200_000);
        clock.set_offset(-300);
        assert_eq!(local_to_utc(&clock, 19_787, 20 * 60), 1_709_686_800_000);
    }
}
