//! Which zone next, what to warn about, and what the body map shows.
//! All day counts are LOCAL calendar days (via the clock's offset).

use crate::core::clock::{days_ago, Clock};
use crate::core::facts::Fact;
use crate::core::i18n::{fill, Lang, Translate};

use super::text::{usage_text, when_text, SitesMsg};
use super::{Flag, FlagReason, Injector, LogEntry, ZoneId};

/// A zone used fewer than this many local calendar days ago (0..=6) gets an
/// informational warning. Source: product brief, NOT CLINICAL.md (which only
/// says "rotate sites every time", AHFS); with daily dosing and the six
/// self-injection zones every zone recurs within 6 days, so this is `Info`.
pub const RECENT_DAYS: i64 = 7;
pub const RECENT_DAYS_SOURCE: &str = "product brief (no clinical source)";

/// The rotation advice shown with the map, each with its CLINICAL.md source.
pub const TIPS: [(SitesMsg, Fact); 5] = [
    (SitesMsg::TipRotate, Fact::SiteRotate),
    (SitesMsg::TipSpacing, Fact::SiteRotate),
    (SitesMsg::TipVein, Fact::SiteAvoid),
    (SitesMsg::TipSkin, Fact::SiteAvoid),
    (SitesMsg::TipAmyloid, Fact::WarnAmyloid),
];

/// Why a zone cannot be chosen at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisabledReason {
    /// Outer upper arm while self-injecting (seed: "only when someone else gives the injection").
    CaregiverOnly,
}

impl DisabledReason {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            DisabledReason::CaregiverOnly => SitesMsg::ArmDisabledReason.tr(lang),
        }
    }
}

pub fn disabled_reason(zone: ZoneId, injector: Injector) -> Option<DisabledReason> {
    (zone.zone().caregiver_only && injector == Injector::SelfInjecting).then_some(DisabledReason::CaregiverOnly)
}

/// The active flag on `zone`, if any.
pub fn active_flag(flags: &[Flag], zone: ZoneId, now_ms: i64) -> Option<&Flag> {
    flags.iter().find(|f| f.zone == zone && f.is_active(now_ms))
}

/// When `zone` was last used (latest `at_ms`).
pub fn last_used(entries: &[LogEntry], zone: ZoneId) -> Option<i64> {
    entries.iter().filter(|e| e.zone == zone).map(|e| e.at_ms).max()
}

/// The most recent entry: latest `at_ms`, then latest `logged_ms`, then id.
pub fn most_recent(entries: &[LogEntry]) -> Option<&LogEntry> {
    entries.iter().max_by(|a, b| (a.at_ms, a.logged_ms, &a.id).cmp(&(b.at_ms, b.logged_ms, &b.id)))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Suggestion {
    /// `days_since`: local days since last use, `None` = never used.
    Zone { zone: ZoneId, days_since: Option<i64> },
    /// Every zone allowed for this injector is flagged.
    NoneAvailable,
}

impl Suggestion {
    pub fn zone(&self) -> Option<ZoneId> {
        match self {
            Suggestion::Zone { zone, .. } => Some(*zone),
            Suggestion::NoneAvailable => None,
        }
    }

    pub fn reason(&self, lang: Lang) -> String {
        match self {
            Suggestion::NoneAvailable => SitesMsg::NoZoneAvailable.tr(lang).to_string(),
            Suggestion::Zone { days_since: None, .. } => SitesMsg::SuggestNeverUsed.tr(lang).to_string(),
            Suggestion::Zone { days_since: Some(d), .. } => match *d {
                d if d <= 0 => SitesMsg::SuggestUsedToday.tr(lang).to_string(),
                1 => SitesMsg::SuggestUsedYesterday.tr(lang).to_string(),
                d => fill(SitesMsg::SuggestNotUsedFor.tr(lang), &[("n", &d.to_string())]),
            },
        }
    }
}

/// Among zones allowed for `injector` and not flagged now: never the most
/// recently used zone if any other candidate exists; then never-used first,
/// then least recently used; ties in the fixed [`ZoneId::ALL`] order (which
/// alternates sides).
pub fn suggest(entries: &[LogEntry], flags: &[Flag], injector: Injector, clock: &dyn Clock) -> Suggestion {
    let now = clock.now_ms();
    let latest_zone = most_recent(entries).map(|e| e.zone);
    ZoneId::ALL
        .iter()
        .copied()
        .filter(|&z| disabled_reason(z, injector).is_none() && active_flag(flags, z, now).is_none())
        .map(|z| (z, last_used(entries, z)))
        // Option orders None (never used) before Some; min_by_key keeps the first of equals.
        .min_by_key(|&(z, last)| (Some(z) == latest_zone, last))
        .map_or(Suggestion::NoneAvailable, |(zone, last)| Suggestion::Zone {
            zone,
            days_since: last.map(|ms| days_ago(clock, ms).max(0)),
        })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Show, no action needed.
    Info,
    /// Ask the user to confirm before logging.
    Confirm,
    /// Do not allow logging this zone.
    Disallowed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warning {
    /// The zone of the latest entry (AHFS: rotate every time).
    MostRecent { days_ago: i64 },
    /// Used within [`RECENT_DAYS`] local days (not the latest entry).
    UsedRecently { days_ago: i64 },
    /// Flagged by the user (seed: never inject into such skin).
    Flagged(FlagReason),
    /// Arm while self-injecting (seed).
    CaregiverOnly,
}

impl Warning {
    pub fn severity(&self) -> Severity {
        match self {
            Warning::UsedRecently { .. } => Severity::Info,
            Warning::MostRecent { .. } | Warning::Flagged(_) => Severity::Confirm,
            Warning::CaregiverOnly => Severity::Disallowed,
        }
    }

    pub fn source(&self) -> &'static str {
        match self {
            Warning::MostRecent { .. } => "AHFS",
            Warning::UsedRecently { .. } => RECENT_DAYS_SOURCE,
            Warning::Flagged(_) | Warning::CaregiverOnly => "seed",
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        match self {
            Warning::MostRecent { days_ago } => {
                fill(SitesMsg::WarnMostRecent.tr(lang), &[("when", &when_text(*days_ago, lang))])
            }
            Warning::UsedRecently { days_ago } => {
                fill(SitesMsg::WarnUsedRecently.tr(lang), &[("when", &when_text(*days_ago, lang))])
            }
            Warning::Flagged(r) => fill(SitesMsg::WarnFlagged.tr(lang), &[("reason", r.tr(lang))]),
            Warning::CaregiverOnly => SitesMsg::WarnCaregiverOnly.tr(lang).to_string(),
        }
    }
}

/// Warnings for choosing `zone` now, most severe first.
pub fn warnings(
    zone: ZoneId,
    entries: &[LogEntry],
    flags: &[Flag],
    injector: Injector,
    clock: &dyn Clock,
) -> Vec<Warning> {
    let mut out = Vec::new();
    if disabled_reason(zone, injector).is_some() {
        out.push(Warning::CaregiverOnly);
    }
    if let Some(f) = active_flag(flags, zone, clock.now_ms()) {
        out.push(Warning::Flagged(f.reason));
    }
    if let Some(last) = last_used(entries, zone) {
        let days = days_ago(clock, last).max(0);
        if most_recent(entries).is_some_and(|e| e.zone == zone) {
            out.push(Warning::MostRecent { days_ago: days });
        } else if days < RECENT_DAYS {
            out.push(Warning::UsedRecently { days_ago: days });
        }
    }
    out
}

/// What the body map shows for one zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ZoneStatus {
    pub zone: ZoneId,
    pub last_used_ms: Option<i64>,
    /// Local calendar days since last use.
    pub days_ago: Option<i64>,
    pub flag: Option<FlagReason>,
    pub disabled: Option<DisabledReason>,
}

impl ZoneStatus {
    /// e.g. "Left thigh, last used 3 days ago", "Right arm, caregiver only",
    /// "Left abdomen, flagged: bruised", "Right buttock, never used".
    /// Disabled wins over flagged, flagged over usage.
    pub fn accessible_name(&self, lang: Lang) -> String {
        let status = if self.disabled.is_some() {
            SitesMsg::CaregiverOnly.tr(lang).to_string()
        } else if let Some(r) = self.flag {
            fill(SitesMsg::FlaggedAs.tr(lang), &[("reason", r.tr(lang))])
        } else {
            usage_text(self.days_ago, lang)
        };
        format!("{}, {}", self.zone.tr(lang), status)
    }
}

/// How the body map draws a zone (colour class plus a second, non-colour cue).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Never,
    /// Used within [`RECENT_DAYS`] local days.
    Recent,
    /// Used [`RECENT_DAYS`] or more local days ago.
    Rested,
    Flagged,
    Unavailable,
}

impl ZoneStatus {
    /// Same precedence as [`ZoneStatus::accessible_name`].
    pub fn tone(&self) -> Tone {
        match (self.disabled, self.flag, self.days_ago) {
            (Some(_), _, _) => Tone::Unavailable,
            (None, Some(_), _) => Tone::Flagged,
            (None, None, None) => Tone::Never,
            (None, None, Some(d)) if d < RECENT_DAYS => Tone::Recent,
            _ => Tone::Rested,
        }
    }

    /// The text drawn in the zone, so state never depends on colour alone:
    /// days since last use in words ("Today", "1 d", "5 d"), "!" when
    /// flagged, "–" when unavailable, nothing when never used (see the
    /// legend).
    pub fn cue(&self, lang: Lang) -> String {
        match (self.tone(), self.days_ago) {
            (Tone::Unavailable, _) => "–".into(),
            (Tone::Flagged, _) => "!".into(),
            (_, Some(d)) if d <= 0 => SitesMsg::CueToday.tr(lang).into(),
            (_, Some(d)) => fill(SitesMsg::CueDays.tr(lang), &[("n", &d.to_string())]),
            (_, None) => String::new(),
        }
    }

    /// The step of a recently used zone on the colour ramp, the most recent
    /// strongest: 0 today, 1 for 1–2 days, 2 for 3–6 days (the sites view
    /// draws them, shell/components/sites/map.rs); `None` for every other
    /// tone. The cue (days) and, in forced colours, the stripes say the
    /// same without colour.
    pub fn age_step(&self) -> Option<u8> {
        match (self.tone(), self.days_ago) {
            (Tone::Recent, Some(d)) if d <= 0 => Some(0),
            (Tone::Recent, Some(1..=2)) => Some(1),
            (Tone::Recent, Some(_)) => Some(2),
            _ => None,
        }
    }
}

/// Keyboard order of the body map: front view (viewer's left to right, top
/// to bottom), then back view.
pub const MAP_ORDER: [ZoneId; 8] = [
    ZoneId::AbdomenRight,
    ZoneId::AbdomenLeft,
    ZoneId::ThighRight,
    ZoneId::ThighLeft,
    ZoneId::ArmLeft,
    ZoneId::ArmRight,
    ZoneId::ButtockLeft,
    ZoneId::ButtockRight,
];

/// An arrow key's direction on the body map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Up,
    Down,
    Left,
    Right,
}

impl Dir {
    pub const ALL: [Dir; 4] = [Dir::Up, Dir::Down, Dir::Left, Dir::Right];
}

/// Where the back figure is drawn relative to the front one, in viewBox
/// units: side by side (wide screens) or under it (phones). The shell
/// measures it; the keyboard follows the picture the user sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapLayout {
    SideBySide,
    Stacked,
}

/// A zone's centre on the whole map (both figures in one plane).
fn map_point(z: ZoneId, layout: MapLayout) -> (i32, i32) {
    let (x, y) = super::zones::CENTRES[z as usize];
    match (z.zone().view, layout) {
        (super::View::Front, _) => (x, y),
        // 200-unit figures plus the gap between them.
        (super::View::Back, MapLayout::SideBySide) => (x + 220, y),
        (super::View::Back, MapLayout::Stacked) => (x, y + 340),
    }
}

/// The zone an arrow reaches from `from`, following the drawing: the
/// nearest zone whose centre lies in that direction within a 45° cone,
/// distance measured along the arrow plus twice the sideways offset (so
/// "up" prefers the zone straight above); ties go to the fixed zone order.
/// `None` at the edge of the picture (no wrapping).
pub fn neighbour(from: ZoneId, dir: Dir, layout: MapLayout) -> Option<ZoneId> {
    let (fx, fy) = map_point(from, layout);
    let mut best: Option<(i32, ZoneId)> = None;
    for z in ZoneId::ALL {
        let (x, y) = map_point(z, layout);
        let (dx, dy) = (x - fx, y - fy);
        let (along, side) = match dir {
            Dir::Up => (-dy, dx.abs()),
            Dir::Down => (dy, dx.abs()),
            Dir::Left => (-dx, dy.abs()),
            Dir::Right => (dx, dy.abs()),
        };
        if along <= 0 || side > along {
            continue;
        }
        let cost = along + 2 * side;
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, z));
        }
    }
    best.map(|(_, z)| z)
}

/// The zone a key moves to from `from` (arrows follow the drawing,
/// [`neighbour`]; Home/End: first and last of [`MAP_ORDER`]), or `None`
/// when the key does not move focus.
pub fn map_key(from: ZoneId, key: &str, layout: MapLayout) -> Option<ZoneId> {
    let dir = match key {
        "ArrowUp" => Dir::Up,
        "ArrowDown" => Dir::Down,
        "ArrowLeft" => Dir::Left,
        "ArrowRight" => Dir::Right,
        "Home" => return Some(MAP_ORDER[0]),
        "End" => return Some(MAP_ORDER[MAP_ORDER.len() - 1]),
        _ => return None,
    };
    neighbour(from, dir, layout)
}

/// Logging needs an explicit "log anyway" (flagged zone, or the zone of the
/// latest entry).
pub fn needs_confirmation(warnings: &[Warning]) -> bool {
    warnings.iter().any(|w| w.severity() == Severity::Confirm)
}

/// One status per zone, in [`ZoneId::ALL`] order.
pub fn zone_statuses(entries: &[LogEntry], flags: &[Flag], injector: Injector, clock: &dyn Clock) -> Vec<ZoneStatus> {
    let now = clock.now_ms();
    ZoneId::ALL
        .iter()
        .map(|&zone| {
            let last = last_used(entries, zone);
            ZoneStatus {
                zone,
                last_used_ms: last,
                days_ago: last.map(|ms| days_ago(clock, ms).max(0)),
                flag: active_flag(flags, zone, now).map(|f| f.reason),
                disabled: disabled_reason(zone, injector),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clock::{FixedClock, MS_PER_DAY, MS_PER_MINUTE};
    use crate::core::sites::Reaction;

    // 2024-03-05T12:00Z
    const NOW: i64 = 1_709_640_000_000;

    fn entry(zone: ZoneId, at_ms: i64) -> LogEntry {
        LogEntry::new(zone, at_ms, at_ms, Injector::SelfInjecting, vec![Reaction::Itching], "", 0)
    }

    fn flag(zone: ZoneId) -> Flag {
        Flag { zone, reason: FlagReason::Bruised, until_ms: None }
    }

    #[test]
    fn never_used_first_in_alternating_order() {
        let clock = FixedClock::new(NOW, 0);
        let s = suggest(&[], &[], Injector::SelfInjecting, &clock);
        assert_eq!(s, Suggestion::Zone { zone: ZoneId::ThighRight, days_since: None });
        assert_eq!(s.reason(Lang::En), "Never used");
        // After the right thigh, the left one (sides alternate), then the abdomen.
        let e = vec![entry(ZoneId::ThighRight, NOW - 1000)];
        assert_eq!(suggest(&e, &[], Injector::SelfInjecting, &clock).zone(), Some(ZoneId::ThighLeft));
        let e = vec![entry(ZoneId::ThighRight, NOW - 2000), entry(ZoneId::ThighLeft, NOW - 1000)];
        assert_eq!(suggest(&e, &[], Injector::SelfInjecting, &clock).zone(), Some(ZoneId::AbdomenRight));
    }

    #[test]
    fn least_recently_used_wins_with_reason() {
        let clock = FixedClock::new(NOW, 0);
        let mut e: Vec<_> =
            ZoneId::ALL[..6].iter().enumerate().map(|(i, &z)| entry(z, NOW - (i as i64 + 1) * MS_PER_DAY)).collect();
        e.push(entry(ZoneId::AbdomenLeft, NOW - 9 * MS_PER_DAY)); // older use of the same zone does not matter
        let s = suggest(&e, &[], Injector::SelfInjecting, &clock);
        assert_eq!(s, Suggestion::Zone { zone: ZoneId::ButtockLeft, days_since: Some(6) });
        assert_eq!(s.reason(Lang::En), "Not used for 6 days");
        assert_eq!(s.reason(Lang::Es), "Sin usar desde hace 6 días");
        // A caregiver also gets the (never used) arms.
        assert_eq!(suggest(&e, &[], Injector::Caregiver, &clock).zone(), Some(ZoneId::ArmRight));
    }

    #[test]
    fn flagged_zones_are_never_suggested_and_all_flagged_gives_none() {
        let clock = FixedClock::new(NOW, 0);
        let flags = vec![flag(ZoneId::ThighRight), flag(ZoneId::ThighLeft)];
        assert_eq!(suggest(&[], &flags, Injector::SelfInjecting, &clock).zone(), Some(ZoneId::AbdomenRight));
        // An expired flag no longer counts.
        let expired = vec![Flag { until_ms: Some(NOW), ..flag(ZoneId::ThighRight) }];
        assert_eq!(suggest(&[], &expired, Injector::SelfInjecting, &clock).zone(), Some(ZoneId::ThighRight));
        let all: Vec<_> = ZoneId::ALL[..6].iter().map(|&z| flag(z)).collect();
        let s = suggest(&[], &all, Injector::SelfInjecting, &clock);
        assert_eq!(s, Suggestion::NoneAvailable);
        assert!(s.reason(Lang::En).contains("Every injection site"));
        // The arms remain for a caregiver.
        assert_eq!(suggest(&[], &all, Injector::Caregiver, &clock).zone(), Some(ZoneId::ArmRight));
    }

    #[test]
    fn most_recent_zone_avoided_even_on_equal_times() {
        let clock = FixedClock::new(NOW, 0);
        let flags: Vec<_> = ZoneId::ALL[2..6].iter().map(|&z| flag(z)).collect();
        // Same time; the id breaks the tie, so the right thigh ("1709…" > "0") is the latest.
        let e = vec![
            entry(ZoneId::ThighRight, NOW - 1000),
            LogEntry { id: "0".into(), ..entry(ZoneId::ThighLeft, NOW - 1000) },
        ];
        assert_eq!(most_recent(&e).map(|x| x.zone), Some(ZoneId::ThighRight));
        assert_eq!(suggest(&e, &flags, Injector::SelfInjecting, &clock).zone(), Some(ZoneId::ThighLeft));
        // Only one candidate left: it is suggested even if it is the latest.
        let flags: Vec<_> = ZoneId::ALL[1..6].iter().map(|&z| flag(z)).collect();
        assert_eq!(suggest(&e, &flags, Injector::SelfInjecting, &clock).zone(), Some(ZoneId::ThighRight));
    }

    #[test]
    fn arm_disabled_when_self_injecting() {
        let clock = FixedClock::new(NOW, 0);
        let w = warnings(ZoneId::ArmLeft, &[], &[], Injector::SelfInjecting, &clock);
        assert_eq!(w, vec![Warning::CaregiverOnly]);
        assert_eq!(w[0].severity(), Severity::Disallowed);
        assert!(warnings(ZoneId::ArmLeft, &[], &[], Injector::Caregiver, &clock).is_empty());
        let st = zone_statuses(&[], &[], Injector::SelfInjecting, &clock);
        assert_eq!(st[6].disabled, Some(DisabledReason::CaregiverOnly));
        assert_eq!(st[6].accessible_name(Lang::En), "Right arm, caregiver only");
        assert_eq!(st[6].accessible_name(Lang::Es), "Brazo derecho, solo cuidador(a)");
        assert!(DisabledReason::CaregiverOnly.text(Lang::En).contains("someone else"));
    }

    #[test]
    fn seven_day_warning_counts_local_days_across_midnight() {
        // Berlin (UTC+1). Injected 2024-02-27 23:30 local (22:30Z).
        let at = 1_709_073_000_000;
        let clock = FixedClock::new(0, 60);
        let e = vec![entry(ZoneId::ThighLeft, at), entry(ZoneId::AbdomenRight, at + 60 * MS_PER_MINUTE)];
        // 2024-03-05 00:10 local (23:10Z on the 4th): 7 local days later, only 6d 0h40m elapsed.
        clock.set_now(1_709_593_800_000);
        assert_eq!(warnings(ZoneId::ThighLeft, &e, &[], Injector::SelfInjecting, &clock), vec![]);
        // Same instant in UTC: still the 4th, 6 days → warn.
        clock.set_offset(0);
        let w = warnings(ZoneId::ThighLeft, &e, &[], Injector::SelfInjecting, &clock);
        assert_eq!(w, vec![Warning::UsedRecently { days_ago: 6 }]);
        assert_eq!(w[0].severity(), Severity::Info);
        assert!(w[0].text(Lang::En).starts_with("You used this site 6 days ago."));
        // Back in Berlin, one minute before local midnight: 6 days → warn.
        clock.set_offset(60);
        clock.set_now(1_709_593_800_000 - 11 * MS_PER_MINUTE);
        assert_eq!(
            warnings(ZoneId::ThighLeft, &e, &[], Injector::SelfInjecting, &clock),
            vec![Warning::UsedRecently { days_ago: 6 }]
        );
    }

    #[test]
    fn most_recent_and_flag_warnings() {
        let clock = FixedClock::new(NOW, -300);
        let e = vec![entry(ZoneId::ThighLeft, NOW - 20 * MS_PER_DAY), entry(ZoneId::ButtockLeft, NOW - 2 * MS_PER_DAY)];
        let flags = vec![flag(ZoneId::ButtockLeft)];
        let w = warnings(ZoneId::ButtockLeft, &e, &flags, Injector::SelfInjecting, &clock);
        assert_eq!(w, vec![Warning::Flagged(FlagReason::Bruised), Warning::MostRecent { days_ago: 2 }]);
        assert!(w.iter().all(|w| w.severity() == Severity::Confirm));
        assert!(w[0].text(Lang::En).starts_with("You marked this site: bruised."));
        assert!(w[1].text(Lang::Es).starts_with("Usó esta zona la última vez (hace 2 días)."));
        // Used long ago and not the latest: no warning.
        assert!(warnings(ZoneId::ThighLeft, &e, &flags, Injector::SelfInjecting, &clock).is_empty());
    }

    #[test]
    fn accessible_names() {
        let clock = FixedClock::new(NOW, 0);
        let e = vec![entry(ZoneId::ThighLeft, NOW - 3 * MS_PER_DAY)];
        let flags = vec![flag(ZoneId::AbdomenLeft)];
        let st = zone_statuses(&e, &flags, Injector::SelfInjecting, &clock);
        let name = |z: ZoneId, l| st[z as usize].accessible_name(l);
        assert_eq!(name(ZoneId::ThighLeft, Lang::En), "Left thigh, last used 3 days ago");
        assert_eq!(name(ZoneId::ThighLeft, Lang::Es), "Muslo izquierdo, último uso hace 3 días");
        assert_eq!(name(ZoneId::AbdomenLeft, Lang::En), "Left abdomen, flagged: bruised");
        assert_eq!(name(ZoneId::AbdomenLeft, Lang::Es), "Abdomen, lado izquierdo, marca: con moretón");
        assert_eq!(name(ZoneId::ButtockRight, Lang::En), "Right buttock, never used");
        assert_eq!(name(ZoneId::ButtockRight, Lang::Es), "Glúteo derecho, sin usar");
        assert_eq!(st[ZoneId::ThighLeft as usize].last_used_ms, Some(NOW - 3 * MS_PER_DAY));
    }

    #[test]
    fn tones_and_cues_give_a_second_cue_besides_colour() {
        let clock = FixedClock::new(NOW, 0);
        let e = vec![entry(ZoneId::ThighLeft, NOW - 3 * MS_PER_DAY), entry(ZoneId::ThighRight, NOW - 9 * MS_PER_DAY)];
        let flags = vec![flag(ZoneId::AbdomenLeft), flag(ZoneId::ArmLeft)];
        let st = zone_statuses(&e, &flags, Injector::SelfInjecting, &clock);
        let tc = |z: ZoneId| (st[z as usize].tone(), st[z as usize].cue(Lang::En));
        assert_eq!(tc(ZoneId::ThighLeft), (Tone::Recent, "3 d".to_string()));
        assert_eq!(tc(ZoneId::ThighRight), (Tone::Rested, "9 d".to_string()));
        assert_eq!(tc(ZoneId::AbdomenLeft), (Tone::Flagged, "!".to_string()));
        assert_eq!(tc(ZoneId::ArmLeft), (Tone::Unavailable, "–".to_string()), "disabled wins over flagged");
        assert_eq!(tc(ZoneId::ButtockLeft), (Tone::Never, String::new()));
        let st = zone_statuses(&e, &flags, Injector::Caregiver, &clock);
        assert_eq!(st[ZoneId::ArmLeft as usize].tone(), Tone::Flagged);
        assert_eq!(st[ZoneId::ArmRight as usize].tone(), Tone::Never);
    }

    /// "Today / 1 d / 5 d", not bare numbers, with a colour ramp that the
    /// words repeat (recent = stronger; rested and never used: no ramp).
    #[test]
    fn map_cues_say_days_since_in_words_with_a_colour_ramp() {
        let clock = FixedClock::new(NOW, 0);
        let e = vec![
            entry(ZoneId::ThighLeft, NOW - 1000),
            entry(ZoneId::ThighRight, NOW - MS_PER_DAY),
            entry(ZoneId::AbdomenLeft, NOW - 5 * MS_PER_DAY),
            entry(ZoneId::AbdomenRight, NOW - 12 * MS_PER_DAY),
        ];
        let st = zone_statuses(&e, &[], Injector::SelfInjecting, &clock);
        let at = |z: ZoneId| &st[z as usize];
        assert_eq!(at(ZoneId::ThighLeft).cue(Lang::En), "Today");
        assert_eq!(at(ZoneId::ThighLeft).cue(Lang::Es), "Hoy");
        assert_eq!(at(ZoneId::ThighRight).cue(Lang::En), "1 d");
        assert_eq!(at(ZoneId::AbdomenLeft).cue(Lang::Es), "5 d");
        assert_eq!(at(ZoneId::AbdomenRight).cue(Lang::En), "12 d");
        assert_eq!(at(ZoneId::ButtockLeft).cue(Lang::En), "");
        let ramp: Vec<_> = [ZoneId::ThighLeft, ZoneId::ThighRight, ZoneId::AbdomenLeft, ZoneId::AbdomenRight, ZoneId::ButtockLeft]
            .iter()
            .map(|&z| at(z).age_step())
            .collect();
        assert_eq!(ramp, vec![Some(0), Some(1), Some(2), None, None]);
        // A flag wins over the ramp (hatched, "!").
        let st = zone_statuses(&e, &[flag(ZoneId::ThighLeft)], Injector::SelfInjecting, &clock);
        assert_eq!(st[ZoneId::ThighLeft as usize].age_step(), None);
    }

    /// Every zone and direction, in both layouts, against the picture
    /// (SITE-ZONES as drawn: front view, person's right on the viewer's
    /// left; back view the other way round). `-` = edge, no move.
    #[test]
    fn arrow_keys_follow_the_drawing_for_every_zone_and_direction() {
        use ZoneId::*;
        let none = None;
        // from: [up, down, left, right]
        let side_by_side: [(ZoneId, [Option<ZoneId>; 4]); 8] = [
            (ThighRight, [Some(AbdomenRight), none, none, Some(ThighLeft)]),
            (ThighLeft, [Some(AbdomenLeft), none, Some(ThighRight), Some(ButtockLeft)]),
            (AbdomenRight, [none, Some(ThighRight), none, Some(AbdomenLeft)]),
            (AbdomenLeft, [none, Some(ThighLeft), Some(AbdomenRight), Some(ButtockLeft)]),
            (ButtockRight, [Some(ArmRight), none, Some(ButtockLeft), none]),
            (ButtockLeft, [Some(ArmLeft), none, Some(AbdomenLeft), Some(ButtockRight)]),
            (ArmRight, [none, Some(ButtockRight), Some(ArmLeft), none]),
            (ArmLeft, [none, Some(ButtockLeft), Some(AbdomenLeft), Some(ArmRight)]),
        ];
        let stacked: [(ZoneId, [Option<ZoneId>; 4]); 8] = [
            (ThighRight, [Some(AbdomenRight), Some(ArmLeft), none, Some(ThighLeft)]),
            (ThighLeft, [Some(AbdomenLeft), Some(ArmRight), Some(ThighRight), none]),
            (AbdomenRight, [none, Some(ThighRight), none, Some(AbdomenLeft)]),
            (AbdomenLeft, [none, Some(ThighLeft), Some(AbdomenRight), none]),
            (ButtockRight, [Some(ArmRight), none, Some(ButtockLeft), none]),
            (ButtockLeft, [Some(ArmLeft), none, none, Some(ButtockRight)]),
            (ArmRight, [Some(ThighLeft), Some(ButtockRight), Some(ArmLeft), none]),
            (ArmLeft, [Some(ThighRight), Some(ButtockLeft), none, Some(ArmRight)]),
        ];
        for (layout, table) in [(MapLayout::SideBySide, side_by_side), (MapLayout::Stacked, stacked)] {
            for (from, want) in table {
                for (d, w) in Dir::ALL.into_iter().zip(want) {
                    assert_eq!(neighbour(from, d, layout), w, "{layout:?} {from:?} {d:?}");
                }
            }
        }
        // The example: up from the left thigh is the left abdomen.
        assert_eq!(map_key(ThighLeft, "ArrowUp", MapLayout::Stacked), Some(AbdomenLeft));
        assert_eq!(map_key(ThighLeft, "Home", MapLayout::Stacked), Some(MAP_ORDER[0]));
        assert_eq!(map_key(ThighLeft, "End", MapLayout::SideBySide), Some(MAP_ORDER[7]));
        assert_eq!(map_key(ThighLeft, "Enter", MapLayout::SideBySide), None);
    }

    /// Whatever zone is suggested, the arrows reach it from any zone (the
    /// map is one connected picture in both layouts).
    #[test]
    fn every_zone_reaches_every_zone_with_arrows() {
        for layout in [MapLayout::SideBySide, MapLayout::Stacked] {
            for start in ZoneId::ALL {
                let mut seen = vec![start];
                let mut i = 0;
                while i < seen.len() {
                    for d in Dir::ALL {
                        if let Some(n) = neighbour(seen[i], d, layout) {
                            if !seen.contains(&n) {
                                seen.push(n);
                            }
                        }
                    }
                    i += 1;
                }
                assert_eq!(seen.len(), ZoneId::ALL.len(), "{layout:?} from {start:?}");
            }
        }
    }

    #[test]
    fn confirmation_for_flagged_or_latest_zone_only() {
        assert!(needs_confirmation(&[Warning::Flagged(FlagReason::Red)]));
        assert!(needs_confirmation(&[Warning::UsedRecently { days_ago: 2 }, Warning::MostRecent { days_ago: 0 }]));
        assert!(!needs_confirmation(&[Warning::UsedRecently { days_ago: 2 }]));
        assert!(!needs_confirmation(&[Warning::CaregiverOnly]));
        assert!(!needs_confirmation(&[]));
    }

    #[test]
    fn tips_cite_facts() {
        for (msg, fact) in TIPS {
            assert!(!fact.source().is_empty());
            assert!(!msg.tr(Lang::Es).is_empty());
        }
        // SITE-ROTATE, SITE-AVOID: the rotation and skin tips; WARN-AMYLOID:
        // a lump that stays at a site is worth telling the provider.
        let fact_of = |m: SitesMsg| TIPS.iter().find(|(t, _)| *t == m).map(|(_, f)| *f);
        assert_eq!(fact_of(SitesMsg::TipRotate), Some(Fact::SiteRotate));
        assert_eq!(fact_of(SitesMsg::TipSkin), Some(Fact::SiteAvoid));
        assert_eq!(fact_of(SitesMsg::TipAmyloid), Some(Fact::WarnAmyloid));
        assert!(SitesMsg::TipAmyloid.tr(Lang::En).contains("tell your healthcare provider"));
        assert!(SitesMsg::TipAmyloid.tr(Lang::Es).contains("zonas de inyección"));
    }
}
