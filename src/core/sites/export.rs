//! Strictly validated JSON import with duplicate-free merge (the exports
//! are in `download.rs`).

use serde::Deserialize;

use crate::core::clock::MS_PER_DAY;
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::storage::Codec;

use super::text::{ImportProblem, SitesMsg};
use super::{valid_id, Change, Flag, FlagReason, Injector, LogEntry, Reaction, ZoneId, MAX_NOTE_CHARS};

pub const FORMAT: &str = "kineret-widget-sites";
pub const FORMAT_VERSION: u32 = 1;
/// Largest import accepted, in bytes (a decade of twice-daily entries with
/// notes is well under this).
pub const MAX_IMPORT_BYTES: usize = 4 * 1024 * 1024;
pub const MAX_IMPORT_ENTRIES: usize = 20_000;
/// No plausible injection before this (2000-01-01T00:00Z; Kineret was approved in 2001).
pub const MIN_TIME_MS: i64 = 946_684_800_000;
/// Imported times may be up to a day ahead (clock skew between devices).
pub const IMPORT_FUTURE_TOLERANCE_MS: i64 = MS_PER_DAY;

/// A validated import, ready to merge.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ImportDoc {
    pub entries: Vec<LogEntry>,
    pub flags: Vec<Flag>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON, or not the expected shape (codec message kept for diagnostics).
    NotValid(String),
    WrongFormat,
    NewerVersion(u32),
    TooLarge,
    /// 1-based position in the file.
    BadEntry {
        index: usize,
        problem: ImportProblem,
    },
    BadFlag {
        index: usize,
        problem: ImportProblem,
    },
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::NotValid(_) => SitesMsg::ImportNotValid.tr(lang).to_string(),
            ImportError::WrongFormat => SitesMsg::ImportWrongFormat.tr(lang).to_string(),
            ImportError::TooLarge => SitesMsg::ImportTooLarge.tr(lang).to_string(),
            ImportError::NewerVersion(v) => fill(SitesMsg::ImportNewerVersion.tr(lang), &[("n", &v.to_string())]),
            ImportError::BadEntry { index, problem } => {
                fill(SitesMsg::ImportBadEntry.tr(lang), &[("n", &index.to_string()), ("problem", problem.tr(lang))])
            }
            ImportError::BadFlag { index, problem } => {
                fill(SitesMsg::ImportBadFlag.tr(lang), &[("n", &index.to_string()), ("problem", problem.tr(lang))])
            }
        }
    }
}

#[derive(Deserialize)]
struct Head {
    format: String,
    version: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDoc {
    #[allow(dead_code)]
    format: String,
    #[allow(dead_code)]
    version: u32,
    entries: Vec<RawEntry>,
    #[serde(default)]
    flags: Vec<RawFlag>,
}

/// Enums as strings so an unknown value gets a precise message, not a codec error.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawEntry {
    id: String,
    zone: String,
    at_ms: i64,
    logged_ms: i64,
    injector: String,
    #[serde(default)]
    reactions: Vec<String>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawFlag {
    zone: String,
    reason: String,
    #[serde(default)]
    until_ms: Option<i64>,
}

fn validate_entry(raw: RawEntry, now_ms: i64) -> Result<LogEntry, ImportProblem> {
    let sane = |t: i64| (MIN_TIME_MS..=now_ms.saturating_add(IMPORT_FUTURE_TOLERANCE_MS)).contains(&t);
    if !valid_id(&raw.id) {
        return Err(ImportProblem::BadId);
    }
    let zone = ZoneId::parse(&raw.zone).ok_or(ImportProblem::UnknownZone)?;
    if !sane(raw.at_ms) || !sane(raw.logged_ms) {
        return Err(ImportProblem::BadTime);
    }
    let injector =
        Injector::ALL.into_iter().find(|i| i.as_str() == raw.injector).ok_or(ImportProblem::UnknownInjector)?;
    let mut reactions = raw
        .reactions
        .iter()
        .map(|r| Reaction::parse(r))
        .collect::<Option<Vec<_>>>()
        .ok_or(ImportProblem::UnknownReaction)?;
    crate::core::sort::sort(&mut reactions);
    reactions.dedup();
    if raw.note.chars().count() > MAX_NOTE_CHARS {
        return Err(ImportProblem::NoteTooLong);
    }
    Ok(LogEntry { id: raw.id, zone, at_ms: raw.at_ms, logged_ms: raw.logged_ms, injector, reactions, note: raw.note })
}

fn validate_flag(raw: RawFlag) -> Result<Flag, ImportProblem> {
    let zone = ZoneId::parse(&raw.zone).ok_or(ImportProblem::UnknownZone)?;
    let reason = FlagReason::parse(&raw.reason).ok_or(ImportProblem::UnknownReason)?;
    if raw.until_ms.is_some_and(|t| t < MIN_TIME_MS) {
        return Err(ImportProblem::BadTime);
    }
    Ok(Flag { zone, reason, until_ms: raw.until_ms })
}

/// Refuses a chosen file by its size (`File.size`, bytes) before it is read:
/// a file over [`MAX_IMPORT_BYTES`] is never loaded into memory.
pub fn check_import_size(bytes: f64) -> Result<(), ImportError> {
    // NaN is refused too.
    if bytes.is_nan() || bytes > MAX_IMPORT_BYTES as f64 {
        return Err(ImportError::TooLarge);
    }
    Ok(())
}

/// Parses and validates an export file. All or nothing: any problem is an
/// `Err` and nothing is returned to merge. Entries repeated within the file
/// with identical content are kept once; the same id with different content
/// is an error.
pub fn parse_import<C: Codec>(codec: &C, text: &str, now_ms: i64) -> Result<ImportDoc, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge);
    }
    let head: Head = codec.decode(text).map_err(ImportError::NotValid)?;
    if head.format != FORMAT {
        return Err(ImportError::WrongFormat);
    }
    if head.version > FORMAT_VERSION {
        return Err(ImportError::NewerVersion(head.version));
    }
    if head.version != FORMAT_VERSION {
        return Err(ImportError::NotValid(format!("version {}", head.version)));
    }
    let raw: RawDoc = codec.decode(text).map_err(ImportError::NotValid)?;
    if raw.entries.len() > MAX_IMPORT_ENTRIES {
        return Err(ImportError::BadEntry { index: MAX_IMPORT_ENTRIES + 1, problem: ImportProblem::TooMany });
    }
    let mut doc = ImportDoc::default();
    for (i, r) in raw.entries.into_iter().enumerate() {
        let e = validate_entry(r, now_ms).map_err(|problem| ImportError::BadEntry { index: i + 1, problem })?;
        match doc.entries.iter().find(|x| x.id == e.id) {
            Some(x) if *x == e => {}
            Some(_) => return Err(ImportError::BadEntry { index: i + 1, problem: ImportProblem::DuplicateId }),
            None => doc.entries.push(e),
        }
    }
    for (i, r) in raw.flags.into_iter().enumerate() {
        let f = validate_flag(r).map_err(|problem| ImportError::BadFlag { index: i + 1, problem })?;
        match doc.flags.iter().find(|x| x.zone == f.zone) {
            Some(x) if *x == f => {}
            Some(_) => return Err(ImportError::BadFlag { index: i + 1, problem: ImportProblem::DuplicateId }),
            None => doc.flags.push(f),
        }
    }
    Ok(doc)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct MergeReport {
    pub added: usize,
    /// Already present: same id, or same zone and time under another id.
    pub skipped: usize,
    pub flags_added: usize,
}

impl MergeReport {
    pub fn message(&self, lang: Lang) -> String {
        fill(
            SitesMsg::ImportSummary.tr(lang),
            &[("added", &self.added.to_string()), ("skipped", &self.skipped.to_string())],
        )
    }
}

/// Adds what is new; what exists locally wins (entries by id or by zone+time,
/// flags by zone). Idempotent. Callers re-sort entries (the reducer does).
pub fn merge(entries: &mut Vec<LogEntry>, flags: &mut Vec<Flag>, doc: ImportDoc) -> (MergeReport, Vec<Change>) {
    let mut report = MergeReport::default();
    let mut changes = Vec::new();
    for e in doc.entries {
        if entries.iter().any(|x| x.id == e.id || (x.zone == e.zone && x.at_ms == e.at_ms)) {
            report.skipped += 1;
        } else {
            report.added += 1;
            changes.push(Change::PutEntry(e.clone()));
            entries.push(e);
        }
    }
    for f in doc.flags {
        if !flags.iter().any(|x| x.zone == f.zone) {
            report.flags_added += 1;
            changes.push(Change::PutFlag(f));
            flags.push(f);
        }
    }
    (report, changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clock::{Clock, FixedClock};
    use crate::core::sites::download::{export_csv, export_json, push_record};
    use crate::core::sites::{SitesAction, SitesState};
    use crate::core::storage::test_support::JsonCodec;

    // 2024-03-05T12:00Z
    const NOW: i64 = 1_709_640_000_000;

    fn entry(zone: ZoneId, at_ms: i64, nonce: u32, note: &str) -> LogEntry {
        LogEntry::new(zone, at_ms, at_ms, Injector::SelfInjecting, vec![Reaction::Redness, Reaction::Pain], note, nonce)
    }

    fn sample() -> (Vec<LogEntry>, Vec<Flag>) {
        (
            vec![entry(ZoneId::ThighLeft, NOW - 1000, 1, "fine"), entry(ZoneId::AbdomenRight, NOW - 90_000_000, 2, "")],
            vec![Flag { zone: ZoneId::ButtockLeft, reason: FlagReason::Scar, until_ms: None }],
        )
    }

    #[test]
    fn a_file_over_the_limit_is_refused_by_its_size() {
        assert_eq!(check_import_size(0.0), Ok(()));
        assert_eq!(check_import_size(MAX_IMPORT_BYTES as f64), Ok(()));
        assert_eq!(check_import_size(MAX_IMPORT_BYTES as f64 + 1.0), Err(ImportError::TooLarge));
        assert_eq!(check_import_size(f64::NAN), Err(ImportError::TooLarge));
    }

    #[test]
    fn csv_quotes_and_defuses() {
        let e = vec![
            entry(ZoneId::ThighLeft, 1_709_665_200_123, 0xab, "He said \"ouch\", then\nleft"),
            LogEntry { reactions: vec![], ..entry(ZoneId::ArmRight, 0, 1, "=HYPERLINK(\"x\")") },
        ];
        let utc = FixedClock::new(NOW, 0);
        let csv = export_csv(&e, Lang::En, &utc).unwrap_or_default();
        assert_eq!(
            csv,
            "id,zone,date-time (UTC),given by,reactions,note,date and time (local),site,who injected,skin reactions\n\
             1709665200123-000000ab,thigh-left,2024-03-05T19:00:00.123Z,selfInjecting,redness;pain,\"He said \"\"ouch\"\", then\nleft\",2024-03-05 19:00,Left thigh,The patient,\"redness, pain\"\n\
             0-00000001,arm-right,1970-01-01T00:00:00.000Z,selfInjecting,,\"'=HYPERLINK(\"\"x\"\")\",1970-01-01 00:00,Right arm,The patient,\n"
        );
        assert!(export_csv(&[], Lang::Es, &utc).unwrap_or_default().starts_with("id,zona,fecha y hora (UTC)"));
    }

    /// A clock with a DST change: UTC+1 before `switch_ms`, UTC+2 from then on.
    struct Dst {
        switch_ms: i64,
    }

    impl Clock for Dst {
        fn now_ms(&self) -> i64 {
            NOW
        }
        fn local_offset_minutes(&self, at_ms: i64) -> i32 {
            if at_ms < self.switch_ms {
                60
            } else {
                120
            }
        }
    }

    /// The readable columns, read back with the `csv` crate: the widget's
    /// language, local time per instant (across a DST change), and the
    /// machine columns unchanged.
    #[test]
    fn csv_readable_columns_in_the_widget_language_and_local_time() {
        // 2024-03-31 01:00Z: Central European summer time starts.
        let switch_ms = 1_711_846_800_000;
        let clock = Dst { switch_ms };
        let before = LogEntry {
            injector: Injector::Caregiver,
            ..entry(ZoneId::AbdomenLeft, switch_ms - 30 * crate::core::clock::MS_PER_MINUTE, 1, "")
        };
        let after = entry(ZoneId::ButtockRight, switch_ms + 30 * crate::core::clock::MS_PER_MINUTE, 2, "=1+1");
        let text = export_csv(&[before.clone(), after.clone()], Lang::Es, &clock).unwrap_or_default();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let head: Vec<String> = r.headers().map(|h| h.iter().map(String::from).collect()).unwrap_or_default();
        assert_eq!(
            head,
            [
                "id",
                "zona",
                "fecha y hora (UTC)",
                "administrada por",
                "reacciones",
                "nota",
                "fecha y hora (local)",
                "zona de inyección",
                "quién la puso",
                "reacciones en la piel"
            ]
        );
        let rows: Vec<Vec<String>> =
            r.records().map(|rec| rec.map(|rec| rec.iter().map(String::from).collect()).unwrap_or_default()).collect();
        assert_eq!(
            rows,
            vec![
                vec![
                    before.id.as_str(),
                    "abdomen-left",
                    "2024-03-31T00:30:00.000Z",
                    "caregiver",
                    "redness;pain",
                    "",
                    "2024-03-31 01:30",
                    "Abdomen, lado izquierdo",
                    "Otra persona (padre o madre, cuidador(a), enfermero(a))",
                    "enrojecimiento, dolor",
                ],
                vec![
                    after.id.as_str(),
                    "buttock-right",
                    "2024-03-31T01:30:00.000Z",
                    "selfInjecting",
                    "redness;pain",
                    "'=1+1",
                    "2024-03-31 03:30",
                    "Glúteo derecho",
                    "El (la) paciente",
                    "enrojecimiento, dolor",
                ],
            ]
        );
        // English headers for the new columns too.
        let en = export_csv(&[], Lang::En, &clock).unwrap_or_default();
        assert!(en.ends_with(",date and time (local),site,who injected,skin reactions\n"), "{en}");
    }

    /// `push_record` writes what the `csv` crate writes, byte for byte.
    #[test]
    fn csv_matches_the_csv_crate() {
        let fields = [
            "", "plain", "a,b", "say \"hi\"", "line\nbreak", "cr\ronly", "crlf\r\n", " spaced ", "\"", ",", "é ü 日本",
            "#hash", "'quote", "tab\there", "semi;colon",
        ];
        // The old 6-column rows and today's 10-column rows.
        for width in [6, 10] {
            let mut mine = String::new();
            let mut w = csv::Writer::from_writer(Vec::new());
            let empty = vec![""; width];
            for chunk in fields.windows(width).chain([empty.as_slice()]) {
                push_record(&mut mine, chunk);
                assert!(w.write_record(chunk).is_ok());
            }
            let theirs = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
            assert_eq!(mine, theirs);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Any fields, including quotes, separators and line breaks.
        #[test]
        fn csv_matches_the_csv_crate_for_any_fields(fields in proptest::collection::vec("[a-c ,;\"\r\n'=#é]{0,6}", 1..7)) {
            let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
            let mut mine = String::new();
            push_record(&mut mine, &fields);
            let mut w = csv::Writer::from_writer(Vec::new());
            proptest::prop_assert!(w.write_record(&fields).is_ok());
            let theirs = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
            // The one difference: a record of one empty field, which the
            // `csv` crate writes as `""` (never exported: rows have 10 fields).
            if fields != [""] {
                proptest::prop_assert_eq!(mine, theirs);
            }
        }
    }

    #[test]
    fn json_round_trip() {
        let (entries, flags) = sample();
        let json = export_json(&JsonCodec, &entries, &flags).unwrap_or_default();
        assert!(json.starts_with(r#"{"format":"kineret-widget-sites","version":1,"entries":[{"id":"#));
        let doc = parse_import(&JsonCodec, &json, NOW);
        assert_eq!(doc, Ok(ImportDoc { entries, flags }));
    }

    fn doc_with_entry(entry_json: &str) -> String {
        format!(r#"{{"format":"kineret-widget-sites","version":1,"entries":[{entry_json}],"flags":[]}}"#)
    }

    const GOOD: &str = r#"{"id":"a1","zone":"thigh-left","atMs":1709600000000,"loggedMs":1709600000000,"injector":"caregiver","reactions":["itching"],"note":"<b>x</b>"}"#;

    #[test]
    fn malformed_imports_are_rejected_and_state_unchanged() {
        let (entries, flags) = sample();
        let mut state = SitesState::default();
        state.apply(SitesAction::Loaded { entries, flags, injector: Injector::SelfInjecting });
        let before = state.clone();
        let long_note = format!(r#""note":"{}""#, "n".repeat(MAX_NOTE_CHARS + 1));
        let cases: Vec<(String, ImportError)> = vec![
            ("not json".into(), ImportError::NotValid(String::new())),
            ("[]".into(), ImportError::NotValid(String::new())),
            (r#"{"format":"other","version":1,"entries":[]}"#.into(), ImportError::WrongFormat),
            (r#"{"format":"kineret-widget-sites","version":2,"entries":{}}"#.into(), ImportError::NewerVersion(2)),
            (r#"{"format":"kineret-widget-sites","version":1}"#.into(), ImportError::NotValid(String::new())),
            (doc_with_entry(&GOOD.replace("thigh-left", "knee")), bad(ImportProblem::UnknownZone)),
            (doc_with_entry(&GOOD.replace("1709600000000,\"inj", "99,\"inj")), bad(ImportProblem::BadTime)),
            (doc_with_entry(&GOOD.replace("1709600000000,\"logged", "1809600000000,\"logged")), bad(ImportProblem::BadTime)),
            (doc_with_entry(&GOOD.replace("itching", "rash")), bad(ImportProblem::UnknownReaction)),
            (doc_with_entry(&GOOD.replace("caregiver", "robot")), bad(ImportProblem::UnknownInjector)),
            (doc_with_entry(&GOOD.replace("\"a1\"", "\"../x\"")), bad(ImportProblem::BadId)),
            (doc_with_entry(&GOOD.replace(r#""note":"<b>x</b>""#, &long_note)), bad(ImportProblem::NoteTooLong)),
            (doc_with_entry(&GOOD.replace("\"note\"", "\"extra\":1,\"note\"")), ImportError::NotValid(String::new())),
            (doc_with_entry(&format!("{GOOD},{}", GOOD.replace("<b>", "<i>"))), ImportError::BadEntry { index: 2, problem: ImportProblem::DuplicateId }),
            (
                r#"{"format":"kineret-widget-sites","version":1,"entries":[],"flags":[{"zone":"arm-left","reason":"sunburn"}]}"#.into(),
                ImportError::BadFlag { index: 1, problem: ImportProblem::UnknownReason },
            ),
        ];
        for (text, expected) in cases {
            let got = parse_import(&JsonCodec, &text, NOW);
            let same_kind = match (&got, &expected) {
                (Err(ImportError::NotValid(_)), ImportError::NotValid(_)) => true,
                (Err(g), e) => g == e,
                _ => false,
            };
            assert!(same_kind, "{text}: got {got:?}, expected {expected:?}");
            // A caller only merges on Ok, so the state cannot change.
            if let Ok(doc) = got {
                state.apply(SitesAction::Import(doc));
            }
            assert_eq!(state, before);
        }
        let msg = ImportError::BadEntry { index: 3, problem: ImportProblem::UnknownZone }.message(Lang::Es);
        assert_eq!(msg, "La entrada 3 del archivo no es válida: zona de inyección desconocida. No se importó nada.");
        assert_eq!(
            ImportError::NewerVersion(2).message(Lang::En),
            "This file comes from a newer version of the widget (version 2)."
        );
    }

    fn bad(problem: ImportProblem) -> ImportError {
        ImportError::BadEntry { index: 1, problem }
    }

    #[test]
    fn import_keeps_markup_as_plain_text_and_in_file_duplicates_once() {
        let doc = parse_import(&JsonCodec, &doc_with_entry(&format!("{GOOD},{GOOD}")), NOW);
        let doc = doc.unwrap_or_default();
        assert_eq!(doc.entries.len(), 1);
        assert_eq!(doc.entries[0].note, "<b>x</b>");
    }

    #[test]
    fn merge_dedups_by_id_and_by_zone_and_time() {
        let (entries, flags) = sample();
        let mut state = SitesState::default();
        state.apply(SitesAction::Loaded {
            entries: entries.clone(),
            flags: flags.clone(),
            injector: Injector::SelfInjecting,
        });
        let new = entry(ZoneId::ButtockRight, NOW - 5000, 9, "new");
        let same_content_other_id = LogEntry { id: "other-id".into(), ..entries[0].clone() };
        let doc = ImportDoc {
            entries: vec![entries[1].clone(), same_content_other_id, new.clone()],
            flags: vec![flags[0], Flag { zone: ZoneId::ThighRight, reason: FlagReason::Tender, until_ms: Some(NOW) }],
        };
        let changes = state.apply(SitesAction::Import(doc.clone()));
        assert_eq!(state.last_import, Some(MergeReport { added: 1, skipped: 2, flags_added: 1 }));
        assert_eq!(changes.len(), 2);
        assert_eq!(state.entries.len(), 3);
        assert_eq!(state.entries[1], new, "sorted newest first");
        assert_eq!(
            state.last_import.map(|r| r.message(Lang::En)).unwrap_or_default(),
            "Entries imported: 1. Already here: 2."
        );
        // Idempotent.
        let snapshot = state.entries.clone();
        assert!(state.apply(SitesAction::Import(doc)).is_empty());
        assert_eq!(state.entries, snapshot);
    }
}
