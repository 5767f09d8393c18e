#![cfg(not(target_arch = "wasm32"))]
//! Property tests of the injection-site rotation, import and merge.

use kineret_widget::core::clock::{FixedClock, MS_PER_DAY};
use kineret_widget::core::sites::rotation::{active_flag, disabled_reason, most_recent, suggest};
use kineret_widget::core::sites::download::export_json;
use kineret_widget::core::sites::{
    parse_import, Flag, FlagReason, ImportDoc, Injector, LogEntry, Reaction, SitesAction, SitesState,
    Suggestion, ZoneId,
};
use proptest::prelude::*;

mod common;
use common::json::JsonCodec;


// 2024-03-05T12:00Z
const NOW: i64 = 1_709_640_000_000;

fn zone() -> impl Strategy<Value = ZoneId> {
    prop::sample::select(ZoneId::ALL.to_vec())
}

fn injector() -> impl Strategy<Value = Injector> {
    prop::sample::select(Injector::ALL.to_vec())
}

fn entry() -> impl Strategy<Value = LogEntry> {
    (
        zone(),
        0..4i64,
        any::<u32>(),
        injector(),
        prop::collection::vec(prop::sample::select(Reaction::ALL.to_vec()), 0..3),
        "[a-z ,\"\n]{0,12}",
    )
        .prop_map(|(zone, back, nonce, injector, reactions, note)| {
            // Few distinct times (0 to 2 days ago, or 40 days ago) so ties are common.
            let at = NOW - if back == 3 { 40 } else { back } * MS_PER_DAY;
            LogEntry::new(zone, at, at, injector, reactions, &note, nonce % 8)
        })
}

fn flags() -> impl Strategy<Value = Vec<Flag>> {
    prop::collection::vec(
        (zone(), prop::sample::select(FlagReason::ALL.to_vec()), prop::option::of(-3 * MS_PER_DAY..3 * MS_PER_DAY)),
        0..8,
    )
    .prop_map(|v| {
        let mut out: Vec<Flag> = Vec::new();
        for (zone, reason, until) in v {
            if !out.iter().any(|f| f.zone == zone) {
                out.push(Flag { zone, reason, until_ms: until.map(|d| NOW + d) });
            }
        }
        out
    })
}

/// The hard case for rotation: only a few zones are not flagged and all of
/// them were used at the very same (latest) time, so only the tie-break
/// decides; the latest entry is the one with the greatest id.
fn crowded_state() -> impl Strategy<Value = SitesState> {
    (prop::sample::subsequence(ZoneId::ALL[..6].to_vec(), 1..=4), any::<u32>(), injector(), 0..3 * MS_PER_DAY).prop_map(
        |(free, nonce, injector, back)| {
            let mut s = SitesState::default();
            s.apply(SitesAction::SetInjector(injector));
            for (i, &zone) in free.iter().enumerate() {
                let nonce = nonce.wrapping_add((i as u32).wrapping_mul(0x9e37_79b9));
                s.apply(SitesAction::Log(LogEntry::new(zone, NOW - back, NOW, injector, vec![], "", nonce)));
            }
            for zone in ZoneId::ALL.into_iter().filter(|z| !free.contains(z)) {
                s.apply(SitesAction::SetFlag(Flag { zone, reason: FlagReason::Hard, until_ms: None }));
            }
            s
        },
    )
}

fn state() -> impl Strategy<Value = SitesState> {
    // Built through the reducer, like real use: ids are unique (as storage keys are).
    (prop::collection::vec(entry(), 0..16), flags(), injector()).prop_map(|(entries, flags, injector)| {
        let mut s = SitesState::default();
        s.apply(SitesAction::SetInjector(injector));
        for e in entries {
            s.apply(SitesAction::Log(e));
        }
        for f in flags {
            s.apply(SitesAction::SetFlag(f));
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn suggestion_is_never_flagged_nor_disabled(s in prop_oneof![state(), crowded_state()], offset in -720i32..840) {
        let clock = FixedClock::new(NOW, offset);
        let candidates: Vec<ZoneId> = ZoneId::ALL
            .into_iter()
            .filter(|&z| disabled_reason(z, s.injector).is_none() && active_flag(&s.flags, z, NOW).is_none())
            .collect();
        match suggest(&s.entries, &s.flags, s.injector, &clock) {
            Suggestion::Zone { zone, days_since } => {
                prop_assert!(candidates.contains(&zone));
                prop_assert!(days_since.is_none_or(|d| d >= 0));
            }
            Suggestion::NoneAvailable => prop_assert!(candidates.is_empty()),
        }
    }

    #[test]
    fn suggestion_avoids_most_recent_zone_when_possible(s in prop_oneof![state(), crowded_state()]) {
        let clock = FixedClock::new(NOW, 60);
        let latest = most_recent(&s.entries).map(|e| e.zone);
        let others = ZoneId::ALL.into_iter().any(|z| {
            Some(z) != latest && disabled_reason(z, s.injector).is_none() && active_flag(&s.flags, z, NOW).is_none()
        });
        if others {
            let z = suggest(&s.entries, &s.flags, s.injector, &clock).zone();
            prop_assert!(z.is_some());
            prop_assert_ne!(z, latest);
        }
    }

    #[test]
    fn import_parser_never_panics_on_arbitrary_strings(text in any::<String>()) {
        let _ = parse_import(&JsonCodec, &text, NOW);
    }

    #[test]
    fn import_parser_never_panics_on_mangled_exports(
        s in state(),
        cut in any::<prop::sample::Index>(),
        insert in any::<prop::sample::Index>(),
        junk in "[\\[\\]{}\",:0-9a-z\\-]{0,6}",
    ) {
        let json = export_json(&JsonCodec, &s.entries, &s.flags).unwrap_or_default();
        // A clean export always parses back to exactly what was exported.
        let back = parse_import(&JsonCodec, &json, NOW);
        prop_assert_eq!(back, Ok(ImportDoc { entries: s.entries.clone(), flags: s.flags.clone() }));
        let chars: Vec<char> = json.chars().collect();
        let at = cut.index(chars.len() + 1);
        let ins = insert.index(at + 1);
        let mangled: String = chars[..ins].iter().collect::<String>() + &junk + &chars[at..].iter().collect::<String>();
        let _ = parse_import(&JsonCodec, &mangled, NOW);
    }

    #[test]
    fn merge_is_idempotent(s in state(), other in state()) {
        let json = export_json(&JsonCodec, &other.entries, &other.flags).unwrap_or_default();
        let doc = parse_import(&JsonCodec, &json, NOW);
        prop_assert!(doc.is_ok());
        let doc = doc.unwrap_or_default();
        let mut once = s.clone();
        once.apply(SitesAction::Import(doc.clone()));
        let mut twice = once.clone();
        let changes = twice.apply(SitesAction::Import(doc));
        prop_assert!(changes.is_empty());
        prop_assert_eq!(&twice.entries, &once.entries);
        prop_assert_eq!(&twice.flags, &once.flags);
        // No duplicates by id nor by (zone, time) were introduced.
        for (i, a) in once.entries.iter().enumerate() {
            for b in &once.entries[i + 1..] {
                let dup = a.id == b.id || (a.zone == b.zone && a.at_ms == b.at_ms);
                let pre_existing = s.entries.contains(a) && s.entries.contains(b);
                prop_assert!(!dup || pre_existing);
            }
        }
    }
}
