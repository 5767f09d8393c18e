//! A small iCalendar (RFC 5545) writer: all-day check events and recurring
//! dose reminders. CRLF line ends, content lines folded at 75 octets without
//! splitting a UTF-8 sequence, TEXT values escaped.

use crate::core::date::{push_padded, ymd_compact, ymd_iso};
use super::monitoring::{CheckRow, MonitoringMsg};
use super::reminders::Reminders;
use crate::messages;
use crate::core::checklist::timer::WARM_UP_MINUTES;
use crate::core::i18n::{fill, Lang, Translate};

const DAY_MS: i64 = 86_400_000;
/// Maximum octets per content line, excluding the CRLF (RFC 5545 3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// How a reminder repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recurrence {
    Daily,
    EveryOtherDay,
}

impl Recurrence {
    fn rrule(self) -> &'static str {
        match self {
            Recurrence::Daily => "FREQ=DAILY",
            Recurrence::EveryOtherDay => "FREQ=DAILY;INTERVAL=2",
        }
    }
}

/// When an event happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// An all-day event on a local day number.
    AllDay { day: i64 },
    /// A repeating event at a local (floating) time from `start_day` on.
    Repeating { start_day: i64, hour: u8, minute: u8, every: Recurrence },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsEvent {
    /// Local part of the UID; `@uid_domain` is appended by [`to_ics`].
    pub uid: String,
    pub when: When,
    pub summary: String,
    pub description: String,
}

/// Escapes a TEXT value: backslash, semicolon, comma and newline; other
/// control characters (including CR) are dropped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at [`MAX_LINE_OCTETS`] octets, plus CRLF. A fold
/// inserts CRLF + one space (which counts toward the next line's 75); a
/// multi-byte character is never split.
pub fn push_folded(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

/// "YYYYMMDDTHHMMSSZ" for a UTC instant.
pub fn utc_stamp(ms: i64) -> String {
    let s = ms.rem_euclid(DAY_MS) / 1000;
    let mut out = ymd_compact(ms.div_euclid(DAY_MS));
    out.push('T');
    for n in [s / 3600, s / 60 % 60, s % 60] {
        push_padded(&mut out, n, 2);
    }
    out.push('Z');
    out
}

/// One content line `NAME:value`, folded; `text` values are escaped.
fn prop(out: &mut String, name: &str, value: &str, text: bool) {
    let mut l = String::with_capacity(name.len() + value.len() + 8);
    l.push_str(name);
    l.push(':');
    if text {
        l.push_str(&escape_text(value));
    } else {
        l.push_str(value);
    }
    push_folded(out, &l);
}

/// The whole calendar.
pub fn to_ics(events: &[IcsEvent], dtstamp_ms: i64, uid_domain: &str) -> String {
    let mut out = String::new();
    let stamp = utc_stamp(dtstamp_ms);
    out.push_str("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kineret companion widget//EN\r\nCALSCALE:GREGORIAN\r\n");
    for e in events {
        out.push_str("BEGIN:VEVENT\r\n");
        prop(&mut out, "UID", &[e.uid.as_str(), "@", uid_domain].concat(), true);
        prop(&mut out, "DTSTAMP", &stamp, false);
        match e.when {
            When::AllDay { day } => prop(&mut out, "DTSTART;VALUE=DATE", &ymd_compact(day), false),
            When::Repeating { start_day, hour, minute, every } => {
                let mut v = ymd_compact(start_day);
                v.push('T');
                push_padded(&mut v, i64::from(hour.min(23)), 2);
                push_padded(&mut v, i64::from(minute.min(59)), 2);
                v.push_str("00");
                prop(&mut out, "DTSTART", &v, false);
                prop(&mut out, "RRULE", every.rrule(), false);
            }
        }
        prop(&mut out, "SUMMARY", &e.summary, true);
        prop(&mut out, "DESCRIPTION", &e.description, true);
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// All-day events for the monitoring rows that are not done yet.
pub fn monitoring_events(rows: &[CheckRow], lang: Lang) -> Vec<IcsEvent> {
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        if r.status == super::monitoring::CheckStatus::Done {
            continue;
        }
        let desc = fill(MonitoringMsg::EventDescription.tr(lang), &[("when", &r.point.label(lang))]);
        out.push(IcsEvent {
            uid: ["kineret-anc-", &ymd_iso(r.due_day)].concat(),
            when: When::AllDay { day: r.due_day },
            summary: MonitoringMsg::EventSummary.tr(lang).to_string(),
            description: [desc.as_str(), " (", r.fact.source(), ")"].concat(),
        });
    }
    out
}

impl Reminders {
    /// The frequency, spelled out (ISMP).
    pub fn msg(self) -> Option<ReminderMsg> {
        match self {
            Reminders::Off => None,
            Reminders::Daily => Some(ReminderMsg::Daily),
            Reminders::EveryOtherDay => Some(ReminderMsg::EveryOtherDay),
            Reminders::TwiceDaily => Some(ReminderMsg::TwiceDaily),
            Reminders::TwiceEveryOtherDay => Some(ReminderMsg::TwiceEveryOtherDay),
        }
    }
}

messages! {
    pub enum ReminderMsg {
        Summary => ["Kineret dose", "Dosis de Kineret"],
        SummaryMorning => ["Kineret dose (morning)", "Dosis de Kineret (mañana)"],
        SummaryEvening => ["Kineret dose (evening)", "Dosis de Kineret (noche)"],
        Daily => ["Daily", "Una vez al día"],
        EveryOtherDay => ["Every other day", "En días alternos"],
        TwiceDaily => ["Twice daily", "Dos veces al día"],
        TwiceEveryOtherDay => ["Twice daily, every other day", "Dos veces al día, en días alternos"],
        Description => [
            "{freq}. Take the prefilled syringe out of the refrigerator about {min} minutes before. If you miss a dose, contact your healthcare provider; never take two doses to make up.",
            "{freq}. Saque la jeringa precargada del refrigerador (nevera) unos {min} minutos antes. Si olvida una dosis, comuníquese con su profesional de la salud; nunca se administre dos dosis para compensar.",
        ],
    }
}

/// Dose reminders from `start_day`, as the plan says: one event per dose of
/// a due day (one at `times[0]`; or morning `times[0]` and evening
/// `times[1]`), each repeating every day or every other day (RENAL-EOD,
/// RENAL-SPLIT). Times are local `(hour, minute)`, floating. `Off`: none.
pub fn dose_reminder_events(plan: Reminders, start_day: i64, times: [(u8, u8); 2], lang: Lang) -> Vec<IcsEvent> {
    let (Some((per_day, interval)), Some(freq)) = (plan.plan(), plan.msg()) else {
        return Vec::new();
    };
    let every = if interval == 2 { Recurrence::EveryOtherDay } else { Recurrence::Daily };
    // UIDs as before the split schedule: "daily", "eod", "am", "pm"; the
    // split every-other-day pair is "eod-am", "eod-pm".
    let ev = |tag: &str, summary: ReminderMsg, t: (u8, u8)| IcsEvent {
        uid: ["kineret-dose-", tag, "-", &ymd_iso(start_day)].concat(),
        when: When::Repeating { start_day, hour: t.0, minute: t.1, every },
        summary: summary.tr(lang).to_string(),
        description: fill(ReminderMsg::Description.tr(lang), &[("freq", freq.tr(lang)), ("min", &(WARM_UP_MINUTES as usize).to_string())]),
    };
    match (per_day, interval) {
        (2, 2) => vec![ev("eod-am", ReminderMsg::SummaryMorning, times[0]), ev("eod-pm", ReminderMsg::SummaryEvening, times[1])],
        (2, _) => vec![ev("am", ReminderMsg::SummaryMorning, times[0]), ev("pm", ReminderMsg::SummaryEvening, times[1])],
        _ => vec![ev(plan.code(), ReminderMsg::Summary, times[0])],
    }
}

#[cfg(test)]
pub(crate) mod parse {
    //! Test-only reader: unfolds, splits and unescapes the output.

    /// (name, params, value) per content line.
    pub type Prop = (String, String, String);

    pub fn unfold(ics: &str) -> String {
        ics.replace("\r\n ", "").replace("\r\n\t", "")
    }

    pub fn unescape(v: &str) -> String {
        let mut out = String::new();
        let mut it = v.chars();
        while let Some(c) = it.next() {
            if c == '\\' {
                match it.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(o) => out.push(o),
                    None => out.push('\\'),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    pub fn props(ics: &str) -> Vec<Prop> {
        let un = unfold(ics);
        assert!(un.ends_with("\r\n"));
        un.split("\r\n")
            .filter(|l| !l.is_empty())
            .map(|l| {
                let colon = l.find(':').expect("colon");
                let (head, value) = (&l[..colon], &l[colon + 1..]);
                let (name, params) = match head.find(';') {
                    Some(i) => (&head[..i], &head[i + 1..]),
                    None => (head, ""),
                };
                (name.to_string(), params.to_string(), unescape(value))
            })
            .collect()
    }

    /// VEVENTs as lists of properties.
    pub fn events(ics: &str) -> Vec<Vec<Prop>> {
        let mut out = Vec::new();
        let mut cur: Option<Vec<Prop>> = None;
        for p in props(ics) {
            match (p.0.as_str(), p.2.as_str()) {
                ("BEGIN", "VEVENT") => cur = Some(Vec::new()),
                ("END", "VEVENT") => out.extend(cur.take()),
                _ => {
                    if let Some(c) = cur.as_mut() {
                        c.push(p);
                    }
                }
            }
        }
        out
    }

    pub fn get<'a>(ev: &'a [Prop], name: &str) -> Option<&'a Prop> {
        ev.iter().find(|p| p.0 == name)
    }
}

#[cfg(test)]
mod tests {
    use super::parse::*;
    use super::*;
    use crate::core::date::days_from_civil;
    use crate::core::safety::monitoring::{monitoring_schedule, CheckPoint};

    fn ev(summary: &str, description: &str) -> IcsEvent {
        IcsEvent { uid: "x1".into(), when: When::AllDay { day: days_from_civil(2024, 2, 29) }, summary: summary.into(), description: description.into() }
    }

    #[test]
    fn escaping_rules() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape_text("line1\nline2\r\nline3"), r"line1\nline2\nline3");
        assert_eq!(escape_text("tab\there"), "tab\there");
        assert_eq!(escape_text("ñ: ok"), "ñ: ok");
    }

    #[test]
    fn crlf_everywhere_and_structure() {
        let ics = to_ics(&[ev("Test", "Desc")], 1_718_000_000_000, "example.org");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        // Every LF is part of a CRLF, and there is no lone CR.
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
        assert_eq!(ics.matches('\r').count(), ics.matches("\r\n").count());
        let evs = events(&ics);
        assert_eq!(evs.len(), 1);
        assert_eq!(get(&evs[0], "UID").unwrap().2, "x1@example.org");
        // 1_718_000_000_000 ms = 2024-06-10T06:13:20Z
        assert_eq!(get(&evs[0], "DTSTAMP").unwrap().2, "20240610T061320Z");
        let start = get(&evs[0], "DTSTART").unwrap();
        assert_eq!((start.1.as_str(), start.2.as_str()), ("VALUE=DATE", "20240229"));
        assert!(get(&evs[0], "RRULE").is_none());
    }

    #[test]
    fn utc_stamps() {
        assert_eq!(utc_stamp(0), "19700101T000000Z");
        assert_eq!(utc_stamp(-1000), "19691231T235959Z");
        assert_eq!(utc_stamp(951_782_400_000 + 86_399_000), "20000229T235959Z");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_multibyte() {
        // 3-byte and 4-byte characters straddling the fold points.
        let text = format!("{}{}{}", "a".repeat(60), "€".repeat(20), "😀".repeat(30)) + "; and, a \\ and\nnewline ñandú";
        let ics = to_ics(&[ev(&text, &"análisis de sangre, ".repeat(20))], 0, "d.example");
        let mut folded = 0;
        for line in ics.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= MAX_LINE_OCTETS, "{} octets: {line}", line.len());
            if line.starts_with(' ') {
                folded += 1;
            }
        }
        assert!(folded >= 6);
        // split() on &str would already fail on a broken sequence, but be explicit:
        assert!(std::str::from_utf8(ics.as_bytes()).is_ok());
        let evs = events(&ics);
        assert_eq!(get(&evs[0], "SUMMARY").unwrap().2, text);
        assert_eq!(get(&evs[0], "DESCRIPTION").unwrap().2, "análisis de sangre, ".repeat(20));
    }

    #[test]
    fn exactly_75_is_not_folded_76_is() {
        let mut s = String::new();
        push_folded(&mut s, &"x".repeat(75));
        assert_eq!(s, format!("{}\r\n", "x".repeat(75)));
        let mut s = String::new();
        push_folded(&mut s, &"x".repeat(76));
        assert_eq!(s, format!("{}\r\n x\r\n", "x".repeat(75)));
        // 74 ASCII + a 2-byte char would be 76: the char moves whole.
        let mut s = String::new();
        push_folded(&mut s, &format!("{}é", "x".repeat(74)));
        assert_eq!(s, format!("{}\r\n é\r\n", "x".repeat(74)));
    }

    #[test]
    fn reminder_rrules() {
        let start = days_from_civil(2024, 6, 10);
        let t = [(8, 0), (20, 30)];
        let one = |s| {
            let ics = to_ics(&dose_reminder_events(s, start, t, Lang::En), 0, "k.example");
            events(&ics)
        };
        let d = one(Reminders::Daily);
        assert_eq!(d.len(), 1);
        assert_eq!(get(&d[0], "RRULE").unwrap().2, "FREQ=DAILY");
        let st = get(&d[0], "DTSTART").unwrap();
        assert_eq!((st.1.as_str(), st.2.as_str()), ("", "20240610T080000"));
        assert!(get(&d[0], "DESCRIPTION").unwrap().2.starts_with("Daily."));
        let e = one(Reminders::EveryOtherDay);
        assert_eq!(e.len(), 1);
        assert_eq!(get(&e[0], "RRULE").unwrap().2, "FREQ=DAILY;INTERVAL=2");
        let tw = one(Reminders::TwiceDaily);
        assert_eq!(tw.len(), 2);
        assert!(tw.iter().all(|e| get(e, "RRULE").unwrap().2 == "FREQ=DAILY"));
        assert_eq!(get(&tw[0], "DTSTART").unwrap().2, "20240610T080000");
        assert_eq!(get(&tw[1], "DTSTART").unwrap().2, "20240610T203000");
        assert_ne!(get(&tw[0], "UID").unwrap().2, get(&tw[1], "UID").unwrap().2);
        // No floating time carries a Z.
        assert!(!get(&tw[1], "DTSTART").unwrap().2.ends_with('Z'));
        let es = dose_reminder_events(Reminders::EveryOtherDay, start, t, Lang::Es);
        assert!(es[0].description.starts_with("En días alternos."));
        assert!(es[0].description.contains("30 minutos") && !es[0].description.contains('{'));
        assert!(one(Reminders::Off).is_empty());
    }

    /// RENAL-EOD, RENAL-SPLIT: twice daily every other day is two reminders a
    /// due day, each every other day, never two every day (the bug: it was
    /// written as twice daily).
    #[test]
    fn twice_daily_every_other_day_reminds_on_alternate_days_only() {
        // RENAL-EOD, RENAL-SPLIT
        let start = days_from_civil(2024, 6, 10);
        let evs = dose_reminder_events(Reminders::from_dose(2, 2), start, [(8, 0), (20, 0)], Lang::Es);
        let parsed = events(&to_ics(&evs, 0, "k.example"));
        assert_eq!(parsed.len(), 2);
        for e in &parsed {
            assert_eq!(get(e, "RRULE").unwrap().2, "FREQ=DAILY;INTERVAL=2");
            assert!(get(e, "DESCRIPTION").unwrap().2.starts_with("Dos veces al día, en días alternos."));
        }
        assert_eq!(get(&parsed[0], "DTSTART").unwrap().2, "20240610T080000");
        assert_eq!(get(&parsed[1], "DTSTART").unwrap().2, "20240610T200000");
        assert_eq!(get(&parsed[0], "UID").unwrap().2, "kineret-dose-eod-am-2024-06-10@k.example");
    }

    #[cfg(not(target_arch = "wasm32"))]
    use proptest::prelude::*;

    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        /// RENAL-EOD, RENAL-SPLIT: for every schedule the calculator can give
        /// (1 or 2 doses a day, every 1 or 2 days), the calendar has exactly
        /// one recurring event per dose of a due day, each repeating at the
        /// plan's interval.
        #[test]
        fn reminders_follow_doses_per_day_and_interval(
            per_day in 1u8..=2,
            interval in 1u8..=2,
            start in 18_000i64..25_000,
            h in 0u8..24, m in 0u8..60, h2 in 0u8..24,
            es in any::<bool>(),
        ) {
            // RENAL-EOD, RENAL-SPLIT: exact for 1|2 doses a day x every 1|2 days.
            let plan = Reminders::from_dose(per_day, interval);
            prop_assert_eq!(plan.plan(), Some((per_day, interval)));
            let lang = if es { Lang::Es } else { Lang::En };
            let ics = to_ics(&dose_reminder_events(plan, start, [(h, m), (h2, m)], lang), 0, "k.example");
            let evs = events(&ics);
            prop_assert_eq!(evs.len(), usize::from(per_day));
            for e in &evs {
                let rrule = &get(e, "RRULE").unwrap().2;
                let every = rrule.split(';').find_map(|p| p.strip_prefix("INTERVAL=")).map_or(1, |n| n.parse::<u8>().unwrap());
                prop_assert!(rrule.starts_with("FREQ=DAILY"));
                prop_assert_eq!(every, interval);
                let day = ymd_compact(start);
                prop_assert_eq!(&get(e, "DTSTART").unwrap().2[..8], day.as_str());
            }
            let uids: std::collections::HashSet<_> = evs.iter().map(|e| get(e, "UID").unwrap().2.clone()).collect();
            prop_assert_eq!(uids.len(), evs.len());
        }
    }

    #[test]
    fn monitoring_events_skip_done_rows_and_parse_back() {
        let start = days_from_civil(2024, 1, 31);
        let rows = monitoring_schedule(start, start, &[CheckPoint::Baseline], crate::core::attrs::Region::Us);
        let evs = monitoring_events(&rows, Lang::Es);
        assert_eq!(evs.len(), 6);
        let ics = to_ics(&evs, 0, "k.example");
        let parsed = events(&ics);
        assert_eq!(parsed.len(), 6);
        assert_eq!(get(&parsed[0], "DTSTART").unwrap().2, "20240229");
        assert_eq!(get(&parsed[0], "SUMMARY").unwrap().2, "Análisis de sangre: recuento de neutrófilos");
        assert!(get(&parsed[0], "DESCRIPTION").unwrap().2.contains("Mes 1"));
        assert_eq!(get(&parsed[0], "UID").unwrap().2, "kineret-anc-2024-02-29@k.example");
        for l in ics.split("\r\n") {
            assert!(l.len() <= MAX_LINE_OCTETS);
        }
    }
}
