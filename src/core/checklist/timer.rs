//! Warm-up timer. Only the moment the syringe left the fridge is stored; the
//! remaining time is always recomputed from it, so a reload loses nothing.

use crate::core::i18n::{fill, Lang, Translate};

use crate::messages;

/// Lay the syringe flat at room temperature for about 30 minutes.
pub const WARM_UP_MINUTES: i64 = 30;
/// Where [`WARM_UP_MINUTES`] comes from.
pub const WARM_UP_SOURCE: &str = "seed, US IFU";
/// [`WARM_UP_MINUTES`] in milliseconds.
pub const WARM_UP_MS: i64 = WARM_UP_MINUTES * 60_000;

/// State of the warm-up at a given moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarmUp {
    /// Still warming; `remaining_ms` is in `1..=WARM_UP_MS`.
    Running { remaining_ms: i64 },
    Done,
}

/// Warm-up state for a syringe taken out at `out_ms`, seen at `now_ms`.
/// A clock that went backwards (now before out) counts as "just started": the
/// remaining time never exceeds [`WARM_UP_MS`] and is never negative.
pub fn warm_up_status(out_ms: i64, now_ms: i64) -> WarmUp {
    let elapsed = now_ms.saturating_sub(out_ms).max(0);
    if elapsed >= WARM_UP_MS {
        WarmUp::Done
    } else {
        WarmUp::Running { remaining_ms: WARM_UP_MS - elapsed }
    }
}

/// "12:05": minutes and seconds, seconds rounded up so a running timer never
/// shows 0:00. Negative input is shown as 0:00.
pub fn format_clock(remaining_ms: i64) -> String {
    let secs = ceil_div(remaining_ms.max(0), 1000);
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// "12 min" (minutes rounded up; "0 min" only when nothing remains).
pub fn format_minutes(remaining_ms: i64, lang: Lang) -> String {
    let mins = ceil_div(remaining_ms.max(0), 60_000);
    fill(WarmUpMsg::Minutes.tr(lang), &[("n", &mins.to_string())])
}

fn ceil_div(a: i64, b: i64) -> i64 {
    a / b + i64::from(a % b != 0)
}

messages! {
    /// Texts around the warm-up. The instruction names the microwave and hot
    /// water only to forbid them, and says why.
    pub enum WarmUpMsg {
        Instruction => [
            "Lay the syringe flat and let it reach room temperature on its own, about {min} minutes. Do not warm it any other way: a microwave or hot water can damage the medicine.",
            "Coloque la jeringa en posición horizontal y deje que llegue sola a temperatura ambiente, unos {min} minutos. No la caliente de ninguna otra forma: el microondas o el agua caliente pueden dañar el medicamento.",
        ],
        Remaining => ["{time} left", "Faltan {time}"],
        Done => [
            "Ready: the syringe has been out of the refrigerator for {min} minutes.",
            "Lista: la jeringa lleva {min} minutos fuera del refrigerador (nevera).",
        ],
        Minutes => ["{n} min", "{n} min"],
        OverrideButton => [
            "It has already been at room temperature for {min} minutes",
            "Ya ha estado {min} minutos a temperatura ambiente",
        ],
    }
}

impl WarmUpMsg {
    /// The text with `{min}` filled from [`WARM_UP_MINUTES`].
    pub fn text(self, lang: Lang) -> String {
        fill(self.tr(lang), &[("min", &WARM_UP_MINUTES.to_string())])
    }
}

/// The status line: "12 min left" / "Ready: …".
pub fn warm_up_line(out_ms: i64, now_ms: i64, lang: Lang) -> String {
    match warm_up_status(out_ms, now_ms) {
        WarmUp::Running { remaining_ms } => fill(
            WarmUpMsg::Remaining.tr(lang),
            &[("time", &format_minutes(remaining_ms, lang))],
        ),
        WarmUp::Done => WarmUpMsg::Done.text(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUT: i64 = 1_700_000_000_000;
    const MIN: i64 = 60_000;

    #[test]
    fn before_at_and_after_thirty_minutes() {
        assert_eq!(warm_up_status(OUT, OUT), WarmUp::Running { remaining_ms: 30 * MIN });
        assert_eq!(warm_up_status(OUT, OUT + 10 * MIN), WarmUp::Running { remaining_ms: 20 * MIN });
        assert_eq!(warm_up_status(OUT, OUT + 30 * MIN - 1), WarmUp::Running { remaining_ms: 1 });
        assert_eq!(warm_up_status(OUT, OUT + 30 * MIN), WarmUp::Done);
        assert_eq!(warm_up_status(OUT, OUT + 5 * 60 * MIN), WarmUp::Done);
    }

    #[test]
    fn survives_a_reload_because_it_is_recomputed_from_the_start_time() {
        // First page load 7 minutes in; the stored value is only OUT.
        let stored = OUT;
        let first = warm_up_status(stored, OUT + 7 * MIN);
        // "Reload" 12 minutes later: same start, new now.
        let after_reload = warm_up_status(stored, OUT + 19 * MIN);
        assert_eq!(first, WarmUp::Running { remaining_ms: 23 * MIN });
        assert_eq!(after_reload, WarmUp::Running { remaining_ms: 11 * MIN });
    }

    #[test]
    fn clock_going_backwards_is_clamped() {
        assert_eq!(warm_up_status(OUT, OUT - 5 * MIN), WarmUp::Running { remaining_ms: WARM_UP_MS });
        assert_eq!(warm_up_status(i64::MAX, i64::MIN), WarmUp::Running { remaining_ms: WARM_UP_MS });
        assert_eq!(warm_up_status(i64::MIN, i64::MAX), WarmUp::Done);
    }

    #[test]
    fn formats_remaining_time() {
        assert_eq!(format_clock(12 * MIN + 5_000), "12:05");
        assert_eq!(format_clock(12 * MIN + 4_001), "12:05");
        assert_eq!(format_clock(1), "0:01");
        assert_eq!(format_clock(0), "0:00");
        assert_eq!(format_clock(-5), "0:00");
        assert_eq!(format_clock(30 * MIN), "30:00");
        assert_eq!(format_minutes(12 * MIN, Lang::En), "12 min");
        assert_eq!(format_minutes(11 * MIN + 1, Lang::Es), "12 min");
        assert_eq!(warm_up_line(OUT, OUT + 18 * MIN, Lang::En), "12 min left");
        assert_eq!(warm_up_line(OUT, OUT + 18 * MIN, Lang::Es), "Faltan 12 min");
        assert!(warm_up_line(OUT, OUT + 30 * MIN, Lang::En).starts_with("Ready"));
    }

    #[test]
    fn instruction_forbids_other_warming_and_says_why() {
        let en = WarmUpMsg::Instruction.text(Lang::En);
        assert!(en.contains("30 minutes") && en.contains("Do not warm it any other way"));
        assert!(en.contains("microwave or hot water can damage"));
        let es = WarmUpMsg::Instruction.text(Lang::Es);
        assert!(es.contains("30 minutos") && es.contains("pueden dañar"));
        for m in [WarmUpMsg::Instruction, WarmUpMsg::Done, WarmUpMsg::OverrideButton] {
            for l in Lang::ALL {
                assert!(!m.text(l).contains('{'));
            }
        }
    }
}
