//! Injection-site rotation (CLINICAL.md, "Injection sites").
//!
//! - [`zones`]: the zone table (ids, side, area, view, caregiver-only, source).
//! - [`rotation`]: suggestion, warnings, per-zone status and accessible names.
//! - [`log`]: the pure reducer ([`SitesState`] + [`SitesAction`]), back-dating,
//!   loading from and persisting to [`crate::core::storage::Repo`].
//! - [`download`]: JSON and CSV export.
//! - [`export`]: strictly validated JSON import and merge.
//! - [`text`]: the feature's strings (en, es); [`labels`]: the sites view's
//!   own labels, a language pack of their own.

pub mod dose;
pub mod download;
pub mod export;
pub mod labels;
pub mod log;
pub mod rotation;
pub mod text;
pub mod zones;

use serde::{Deserialize, Serialize};

use crate::core::i18n::Translate;
use crate::core::storage::{Codec, Record};

pub use export::{check_import_size, merge, parse_import, ImportDoc, ImportError, MergeReport};
pub use log::{backdate, entry_id, flag_until, recent_entries, SitesAction, SitesState, Undo};
pub use crate::core::clock::input_values;
pub use rotation::{Severity, Suggestion, Warning, ZoneStatus};
pub use zones::{Area, Side, View, Zone, ZoneId, ZONES};

/// Longest note kept (characters). Longer notes are cut when logging and
/// rejected on import.
pub const MAX_NOTE_CHARS: usize = 500;

/// Who gives the injection. Arm zones are only for `Caregiver` (seed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Injector {
    #[default]
    SelfInjecting,
    Caregiver,
}

crate::wire_enum!(Injector { SelfInjecting => "selfInjecting", Caregiver => "caregiver" });

impl Injector {
    pub const ALL: [Injector; 2] = [Injector::SelfInjecting, Injector::Caregiver];
    pub fn as_str(self) -> &'static str {
        Injector::WIRE[self as usize]
    }
}

impl Translate for Injector {
    crate::text_slots!(Injector);
    fn en(self) -> &'static str {
        match self {
            Injector::SelfInjecting => "The patient injects themselves",
            Injector::Caregiver => "Someone else gives it (parent, caregiver, nurse)",
        }
    }

    fn es(self) -> &'static str {
        match self {
            Injector::SelfInjecting => "El (la) paciente se inyecta",
            Injector::Caregiver => "Otra persona se la pone (padre o madre, cuidador(a), enfermero(a))",
        }
    }
}

/// Skin reactions the user can note on an entry (seed: injection-site reactions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reaction {
    Redness,
    Swelling,
    Itching,
    Pain,
    Bruising,
}

crate::wire_enum!(Reaction {
    Redness => "redness",
    Swelling => "swelling",
    Itching => "itching",
    Pain => "pain",
    Bruising => "bruising",
});

impl Reaction {
    pub const ALL: [Reaction; 5] =
        [Reaction::Redness, Reaction::Swelling, Reaction::Itching, Reaction::Pain, Reaction::Bruising];
    pub fn as_str(self) -> &'static str {
        Self::WIRE[self as usize]
    }
    pub fn parse(s: &str) -> Option<Reaction> {
        crate::core::wire::position(Self::WIRE, s).map(|i| Self::WIRE_ALL[i])
    }
}

impl Translate for Reaction {
    crate::text_slots!(Reaction);
    fn en(self) -> &'static str {
        match self {
            Reaction::Redness => "redness",
            Reaction::Swelling => "swelling",
            Reaction::Itching => "itching",
            Reaction::Pain => "pain",
            Reaction::Bruising => "bruising",
        }
    }

    fn es(self) -> &'static str {
        match self {
            Reaction::Redness => "enrojecimiento",
            Reaction::Swelling => "hinchazón",
            Reaction::Itching => "picazón",
            Reaction::Pain => "dolor",
            Reaction::Bruising => "moretón",
        }
    }
}

/// Why a zone must not be used now: CLINICAL.md "Never inject into skin that
/// is tender, red, bruised, swollen, hard, scarred, or has stretch marks" (seed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlagReason {
    Tender,
    Red,
    Bruised,
    Swollen,
    Hard,
    Scar,
    StretchMarks,
}

crate::wire_enum!(FlagReason {
    Tender => "tender",
    Red => "red",
    Bruised => "bruised",
    Swollen => "swollen",
    Hard => "hard",
    Scar => "scar",
    StretchMarks => "stretchMarks",
});

impl FlagReason {
    pub const ALL: [FlagReason; 7] = [
        FlagReason::Tender,
        FlagReason::Red,
        FlagReason::Bruised,
        FlagReason::Swollen,
        FlagReason::Hard,
        FlagReason::Scar,
        FlagReason::StretchMarks,
    ];
    pub const SOURCE: &'static str = "seed";
    pub fn as_str(self) -> &'static str {
        Self::WIRE[self as usize]
    }
    pub fn parse(s: &str) -> Option<FlagReason> {
        crate::core::wire::position(Self::WIRE, s).map(|i| Self::WIRE_ALL[i])
    }
}

impl Translate for FlagReason {
    crate::text_slots!(FlagReason);
    fn en(self) -> &'static str {
        match self {
            FlagReason::Tender => "tender",
            FlagReason::Red => "red",
            FlagReason::Bruised => "bruised",
            FlagReason::Swollen => "swollen",
            FlagReason::Hard => "hard",
            FlagReason::Scar => "scarred",
            FlagReason::StretchMarks => "stretch marks",
        }
    }

    fn es(self) -> &'static str {
        match self {
            FlagReason::Tender => "sensible",
            FlagReason::Red => "enrojecida",
            FlagReason::Bruised => "con moretón",
            FlagReason::Swollen => "hinchada",
            FlagReason::Hard => "endurecida",
            FlagReason::Scar => "con cicatriz",
            FlagReason::StretchMarks => "con estrías",
        }
    }
}

/// One injection. Times are UTC epoch ms: `at_ms` when it was given (may be
/// back-dated), `logged_ms` when it was recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogEntry {
    pub id: String,
    pub zone: ZoneId,
    pub at_ms: i64,
    pub logged_ms: i64,
    pub injector: Injector,
    pub reactions: Vec<Reaction>,
    /// Plain text; the UI renders it as text, never as HTML.
    pub note: String,
}

crate::wire_struct!(LogEntry {
    id: "id",
    zone: "zone",
    at_ms: "atMs",
    logged_ms: "loggedMs",
    injector: "injector",
    reactions: "reactions",
    note: "note",
} default {
});

impl LogEntry {
    /// Builds an entry: id from (`at_ms`, caller's `nonce`), reactions sorted
    /// and deduplicated, note trimmed and cut to [`MAX_NOTE_CHARS`].
    pub fn new(
        zone: ZoneId,
        at_ms: i64,
        logged_ms: i64,
        injector: Injector,
        mut reactions: Vec<Reaction>,
        note: &str,
        nonce: u32,
    ) -> LogEntry {
        crate::core::sort::sort(&mut reactions);
        reactions.dedup();
        let note = note.trim();
        let note = match note.char_indices().nth(MAX_NOTE_CHARS) {
            Some((cut, _)) => &note[..cut],
            None => note,
        };
        LogEntry { id: entry_id(at_ms, nonce), zone, at_ms, logged_ms, injector, reactions, note: note.to_string() }
    }

    /// The same entry (id and `logged_ms` kept) with edited details,
    /// normalised like [`LogEntry::new`].
    pub fn revised(
        &self,
        zone: ZoneId,
        at_ms: i64,
        injector: Injector,
        reactions: Vec<Reaction>,
        note: &str,
    ) -> LogEntry {
        LogEntry { id: self.id.clone(), ..LogEntry::new(zone, at_ms, self.logged_ms, injector, reactions, note, 0) }
    }

    /// The `kineret:injection-logged` event's detail. Every script on the
    /// host page can read it, so the free-text note (health data the user
    /// typed) is left out unless the host opted in (`events-include-note`).
    pub fn event_detail(&self, include_note: bool) -> LoggedEvent<'_> {
        LoggedEvent {
            id: &self.id,
            zone: self.zone,
            at_ms: self.at_ms,
            logged_ms: self.logged_ms,
            injector: self.injector,
            reactions: &self.reactions,
            note: include_note.then_some(self.note.as_str()),
        }
    }
}

/// See [`LogEntry::event_detail`]: `{ id, zone, atMs, loggedMs, injector,
/// reactions }`, plus `note` only when the host opted in.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoggedEvent<'a> {
    pub id: &'a str,
    pub zone: ZoneId,
    pub at_ms: i64,
    pub logged_ms: i64,
    pub injector: Injector,
    pub reactions: &'a [Reaction],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

/// A zone the user marked as not usable, until a date or until cleared.
/// At most one flag per zone (its storage id is the zone id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Flag {
    pub zone: ZoneId,
    pub reason: FlagReason,
    pub until_ms: Option<i64>,
}

crate::wire_struct!(Flag { zone: "zone", reason: "reason" } default { until_ms: "untilMs" });

impl Flag {
    pub fn is_active(&self, now_ms: i64) -> bool {
        self.until_ms.is_none_or(|until| now_ms < until)
    }
}

/// Per-user settings of this feature (one record).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SitesSettings {
    pub injector: Injector,
}

crate::wire_struct!(SitesSettings { injector: "injector" } default {});

/// Key-safe id: 1 to 64 of `[A-Za-z0-9_-]`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Legacy (version 0) entry, stored without an envelope by the prototype:
/// `{"id":…,"site":"left-thigh","time":<ms>,"note":…}`.
#[derive(Deserialize)]
struct LegacyEntryV0 {
    id: String,
    site: String,
    time: i64,
    #[serde(default)]
    note: String,
}

fn migrate_entry_v0(old: LegacyEntryV0) -> Result<LogEntry, String> {
    // The prototype wrote "<side>-<area>"; v1 writes "<area>-<side>".
    let zone = old
        .site
        .split_once('-')
        .and_then(|(side, area)| ZoneId::parse(&format!("{area}-{side}")))
        .ok_or_else(|| format!("unknown legacy site \"{}\"", old.site))?;
    let injector = if zone.zone().caregiver_only { Injector::Caregiver } else { Injector::SelfInjecting };
    Ok(LogEntry {
        id: old.id,
        zone,
        at_ms: old.time,
        logged_ms: old.time,
        injector,
        reactions: Vec::new(),
        note: old.note,
    })
}

impl Record for LogEntry {
    const COLLECTION: &'static str = "sites/entry";
    fn record_id(&self) -> String {
        self.id.clone()
    }
    /// Chain: 0 → 1. A future v2 adds a `1 =>` arm and loops until SCHEMA_VERSION.
    fn migrate<C: Codec>(codec: &C, from_version: u32, raw: &str) -> Result<Self, String> {
        match from_version {
            0 => migrate_entry_v0(codec.decode::<LegacyEntryV0>(raw)?),
            v => Err(format!("no migration from version {v}")),
        }
    }
}

impl Record for Flag {
    const COLLECTION: &'static str = "sites/flag";
    fn record_id(&self) -> String {
        self.zone.as_str().to_string()
    }
}

/// Storage id of the one [`SitesSettings`] record.
pub const SETTINGS_ID: &str = "current";

impl Record for SitesSettings {
    const COLLECTION: &'static str = "sites/settings";
    fn record_id(&self) -> String {
        SETTINGS_ID.to_string()
    }
}

/// A storage write the reducer asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    PutEntry(LogEntry),
    DeleteEntry(String),
    PutFlag(Flag),
    DeleteFlag(ZoneId),
    PutSettings(SitesSettings),
    DeleteSettings,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::storage::test_support::JsonCodec;
    use crate::core::storage::{FaultyStore, MemoryStore, Repo};

    #[test]
    fn serde_shape_is_camel_case_with_zone_ids() {
        let e = LogEntry::new(
            ZoneId::ThighLeft,
            5,
            6,
            Injector::SelfInjecting,
            vec![Reaction::Pain, Reaction::Redness, Reaction::Pain],
            "  hi ",
            42,
        );
        let json = JsonCodec.encode(&e).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"id":"5-0000002a","zone":"thigh-left","atMs":5,"loggedMs":6,"injector":"selfInjecting","reactions":["redness","pain"],"note":"hi"}"#
        );
        let f = Flag { zone: ZoneId::ArmRight, reason: FlagReason::StretchMarks, until_ms: None };
        assert_eq!(
            JsonCodec.encode(&f).unwrap_or_default(),
            r#"{"zone":"arm-right","reason":"stretchMarks","untilMs":null}"#
        );
    }

    #[test]
    fn logged_event_leaves_the_note_out_unless_the_host_opted_in() {
        let e = LogEntry::new(ZoneId::ThighLeft, 5, 6, Injector::Caregiver, vec![Reaction::Itching], "private", 42);
        assert_eq!(
            JsonCodec.encode(&e.event_detail(false)).unwrap_or_default(),
            r#"{"id":"5-0000002a","zone":"thigh-left","atMs":5,"loggedMs":6,"injector":"caregiver","reactions":["itching"]}"#
        );
        assert_eq!(
            JsonCodec.encode(&e.event_detail(true)).unwrap_or_default(),
            r#"{"id":"5-0000002a","zone":"thigh-left","atMs":5,"loggedMs":6,"injector":"caregiver","reactions":["itching"],"note":"private"}"#
        );
    }

    #[test]
    fn note_is_cut_on_a_char_boundary() {
        let long = "é".repeat(MAX_NOTE_CHARS + 10);
        let e = LogEntry::new(ZoneId::ThighLeft, 0, 0, Injector::Caregiver, vec![], &long, 0);
        assert_eq!(e.note.chars().count(), MAX_NOTE_CHARS);
    }

    #[test]
    fn legacy_entry_is_migrated_through_the_repo() {
        let mut mem = MemoryStore::new();
        mem.map.insert(
            "kineret-widget/v1/sites/entry/legacy1".into(),
            r#"{"id":"legacy1","site":"left-arm","time":1700000000000,"note":"old"}"#.into(),
        );
        mem.map.insert(
            "kineret-widget/v1/sites/entry/legacy2".into(),
            r#"{"id":"legacy2","site":"left-knee","time":1}"#.into(),
        );
        let mut repo = Repo::new(FaultyStore::with_data(mem), JsonCodec);
        let report = repo.load_all::<LogEntry>();
        assert_eq!(
            report.records,
            vec![LogEntry {
                id: "legacy1".into(),
                zone: ZoneId::ArmLeft,
                at_ms: 1_700_000_000_000,
                logged_ms: 1_700_000_000_000,
                injector: Injector::Caregiver,
                reactions: vec![],
                note: "old".into(),
            }]
        );
        assert_eq!(report.quarantined.len(), 1);
        assert!(repo.store().inner.map.contains_key("kineret-widget/quarantine/v1/sites/entry/legacy2"));
        assert!(repo
            .store()
            .inner
            .map
            .get("kineret-widget/v1/sites/entry/legacy1")
            .is_some_and(|v| v.starts_with(r#"{"v":1,"data":{"id":"legacy1","zone":"arm-left""#)));
    }

    #[test]
    fn string_ids_match_serde() {
        for r in FlagReason::ALL {
            assert_eq!(JsonCodec.encode(&r).ok(), Some(format!("\"{}\"", r.as_str())));
            assert_eq!(FlagReason::parse(r.as_str()), Some(r));
        }
        for r in Reaction::ALL {
            assert_eq!(JsonCodec.encode(&r).ok(), Some(format!("\"{}\"", r.as_str())));
        }
        for i in Injector::ALL {
            assert_eq!(JsonCodec.encode(&i).ok(), Some(format!("\"{}\"", i.as_str())));
        }
        for z in ZoneId::ALL {
            assert_eq!(JsonCodec.encode(&z).ok(), Some(format!("\"{}\"", z.as_str())));
        }
    }

    #[test]
    fn ids_are_key_safe() {
        assert!(valid_id("1709665200000-0000002a"));
        assert!(valid_id("-5-00000000"));
        assert!(!valid_id(""));
        assert!(!valid_id("a/b"));
        assert!(!valid_id(&"a".repeat(65)));
    }
}
