//! The one versioned storage module every feature reuses.
//!
//! Key layout (all under [`PREFIX`]):
//! - `kineret-widget/v1/<collection>/<id>`: one key per record, e.g.
//!   `kineret-widget/v1/sites/entry/1709665200000-0000002a`. The `v1` path
//!   segment is the KEY LAYOUT generation; the record's own schema version is
//!   in its envelope `{"v":1,"data":…}` and is migrated in place.
//! - `kineret-widget/quarantine/<key without the prefix>[~n]`: unreadable
//!   records, moved there byte-for-byte, never dropped.
//!
//! Per-record keys mean a failed write loses at most that one change and two
//! tabs writing different records never clobber each other.
//!
//! The JSON codec is injected ([`Codec`]) so the core needs no JSON crate.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::i18n::{fill, Lang, Translate};

pub const PREFIX: &str = "kineret-widget/";
/// Key-layout generation (path segment), see module docs.
pub const LAYOUT: &str = "kineret-widget/v1/";
pub const QUARANTINE_PREFIX: &str = "kineret-widget/quarantine/";
/// Version written in every envelope. A record without an envelope is version 0.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    Unavailable,
    QuotaExceeded,
    Other(String),
}

/// A string key-value store (localStorage in the browser).
pub trait KvStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// JSON encoding, provided by the shell (JSON.parse/stringify) or by tests (serde_json).
pub trait Codec {
    fn encode<T: Serialize>(&self, v: &T) -> Result<String, String>;
    fn decode<T: DeserializeOwned>(&self, s: &str) -> Result<T, String>;
    /// The `data` field of a stored envelope (`{"v":…,"data":…}`). A codec
    /// may override this to skip the `Envelope<T>` visitor, which is compiled
    /// once per record type (the browser codec does; docs/SIZE.md).
    fn decode_data<T: DeserializeOwned>(&self, s: &str) -> Result<T, String> {
        self.decode::<Envelope<T>>(s).map(|e| e.data)
    }
}

/// Plain in-memory store: the fallback when browser storage is unavailable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemoryStore {
    pub map: KvMap,
}

/// A sorted `String -> String` map on a `Vec` (keys iterate in order, like a
/// `BTreeMap`). A `BTreeMap` here cost ~9 KB of wasm for a store that holds a
/// handful of keys (docs/SIZE.md).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KvMap(Vec<(String, String)>);

impl KvMap {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }
    pub fn get(&self, key: &str) -> Option<&String> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }
    pub fn insert(&mut self, key: String, value: String) -> Option<String> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }
    pub fn remove(&mut self, key: &str) -> Option<String> {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Extend<(String, String)> for KvMap {
    fn extend<I: IntoIterator<Item = (String, String)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl IntoIterator for KvMap {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }
}

impl KvStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.map.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.keys().cloned().collect())
    }
}

/// Test double wrapping a [`MemoryStore`]; every fault is configurable.
/// Test-only: compiled for unit tests and the `test-util` feature (which the
/// integration tests enable through the crate's dev-dependency on itself),
/// never into the shipped wasm.
#[cfg(any(test, feature = "test-util"))]
#[derive(Clone, Debug, Default)]
pub struct FaultyStore {
    pub inner: MemoryStore,
    /// Every call fails with `Unavailable` (private mode, storage disabled).
    pub unavailable: bool,
    /// Error returned by `set` (all keys, or only keys containing `set_fail_key`).
    pub set_error: Option<StoreError>,
    pub set_fail_key: Option<String>,
    /// Only the next N `set` calls fail with `set_error` (0 = all of them).
    pub set_fail_count: u32,
    pub remove_error: Option<StoreError>,
}

#[cfg(any(test, feature = "test-util"))]
impl FaultyStore {
    pub fn unavailable() -> Self {
        FaultyStore { unavailable: true, ..Self::default() }
    }
    pub fn with_data(inner: MemoryStore) -> Self {
        FaultyStore { inner, ..Self::default() }
    }
    fn check(&self) -> Result<(), StoreError> {
        if self.unavailable {
            Err(StoreError::Unavailable)
        } else {
            Ok(())
        }
    }
}

#[cfg(any(test, feature = "test-util"))]
impl KvStore for FaultyStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.check()?;
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.check()?;
        if let Some(err) = &self.set_error {
            let key_matches = self.set_fail_key.as_deref().is_none_or(|k| key.contains(k));
            if key_matches {
                let err = err.clone();
                if self.set_fail_count == 1 {
                    self.set_error = None;
                }
                self.set_fail_count = self.set_fail_count.saturating_sub(1);
                return Err(err);
            }
        }
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.check()?;
        if let Some(err) = &self.remove_error {
            return Err(err.clone());
        }
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.check()?;
        self.inner.keys()
    }
}

/// A record type stored one key per record under `LAYOUT + COLLECTION + "/" + id`.
pub trait Record: Serialize + DeserializeOwned {
    /// e.g. `"sites/entry"`. No trailing slash.
    const COLLECTION: &'static str;
    /// Key-safe id (`[A-Za-z0-9_-]`), unique in the collection.
    fn record_id(&self) -> String;
    /// One link of the migration chain: turn a record stored at `from_version`
    /// (< SCHEMA_VERSION; 0 = legacy record without envelope, `raw` is the whole
    /// stored value) into the current shape. Default: no older shapes exist.
    fn migrate<C: Codec>(_codec: &C, from_version: u32, _raw: &str) -> Result<Self, String> {
        Err(format!("no migration from version {from_version}"))
    }
}

#[derive(Deserialize)]
struct Probe {
    v: Option<u32>,
}

/// The version was already read by [`Probe`]; only `data` is decoded here.
#[derive(Deserialize)]
struct Envelope<T> {
    data: T,
}

#[derive(Serialize)]
struct EnvelopeRef<'a, T> {
    v: u32,
    data: &'a T,
}

pub fn record_key(collection: &str, id: &str) -> String {
    format!("{LAYOUT}{collection}/{id}")
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuarantineReason {
    /// Not JSON, or not an object with a numeric `v`.
    Corrupt(String),
    /// Written by a newer version of the widget.
    NewerVersion(u32),
    /// Right version, wrong shape (or key/id mismatch).
    Undecodable(String),
    /// Older version the migration chain could not convert.
    MigrationFailed { from: u32, error: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuarantineNote {
    pub original_key: String,
    /// Where the value now lives; `None` if the copy failed and it stayed in place.
    pub quarantine_key: Option<String>,
    pub reason: QuarantineReason,
}

#[derive(Debug, PartialEq)]
pub struct LoadReport<T> {
    pub records: Vec<T>,
    pub quarantined: Vec<QuarantineNote>,
    /// Set when the store could not be listed or read (records may be incomplete).
    pub error: Option<StoreError>,
}

/// What the UI shows about storage, most important first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageStatus {
    Ok,
    /// Browser storage unavailable: working in memory, lost when the page closes.
    MemoryOnly,
    LastWriteFailed(StoreError),
    /// Records set aside under the quarantine prefix, offered for export.
    Quarantined(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageMsg {
    MemoryOnly,
    WriteFailedQuota,
    WriteFailedOther,
    Quarantined,
    NotSaved,
}

impl Translate for StorageMsg {
    crate::text_slots!(StorageMsg);
    fn en(self) -> &'static str {
        match self {
            StorageMsg::MemoryOnly => "This browser is not letting the widget save. Your changes are kept only until you close this page.",
            StorageMsg::WriteFailedQuota => "Your last change was not saved: the browser's storage is full.",
            StorageMsg::WriteFailedOther => "Your last change was not saved: the browser refused to store it.",
            StorageMsg::Quarantined => "{count} saved item(s) could not be read and were set aside. You can download them with your data.",
            StorageMsg::NotSaved => "This change was not saved.",
        }
    }

    fn es(self) -> &'static str {
        match self {
            StorageMsg::MemoryOnly => "Este navegador no permite que el widget guarde datos. Sus cambios se conservan solo hasta que cierre esta página.",
            StorageMsg::WriteFailedQuota => "Su último cambio no se guardó: el almacenamiento del navegador está lleno.",
            StorageMsg::WriteFailedOther => "Su último cambio no se guardó: el navegador no permitió guardarlo.",
            StorageMsg::Quarantined => "No se pudieron leer {count} elemento(s) guardado(s) y se apartaron. Puede descargarlos con sus datos.",
            StorageMsg::NotSaved => "Este cambio no se guardó.",
        }
    }
}

impl StorageStatus {
    /// `None` when there is nothing to tell the user.
    pub fn message(&self, lang: Lang) -> Option<String> {
        let msg = match self {
            StorageStatus::Ok => return None,
            StorageStatus::MemoryOnly => StorageMsg::MemoryOnly,
            StorageStatus::LastWriteFailed(StoreError::QuotaExceeded) => StorageMsg::WriteFailedQuota,
            StorageStatus::LastWriteFailed(_) => StorageMsg::WriteFailedOther,
            StorageStatus::Quarantined(n) => {
                return Some(fill(StorageMsg::Quarantined.tr(lang), &[("count", &n.to_string())]))
            }
        };
        Some(msg.tr(lang).to_string())
    }
}

/// Typed, versioned access to a [`KvStore`]. Falls back to memory when the
/// store reports `Unavailable`.
pub struct Repo<S: KvStore, C: Codec> {
    primary: S,
    fallback: Option<MemoryStore>,
    codec: C,
    last_write_error: Option<StoreError>,
    quarantined: usize,
}

impl<S: KvStore, C: Codec> Repo<S, C> {
    /// Probes the store once (listing keys) to detect unavailability and count
    /// what is already in quarantine.
    pub fn new(store: S, codec: C) -> Self {
        let mut repo = Repo { primary: store, fallback: None, codec, last_write_error: None, quarantined: 0 };
        if let Ok(keys) = repo.keys() {
            repo.quarantined = keys.iter().filter(|k| k.starts_with(QUARANTINE_PREFIX)).count();
        }
        repo
    }

    pub fn codec(&self) -> &C {
        &self.codec
    }

    /// The wrapped store (for tests and the shell; bypasses the memory fallback).
    pub fn store(&self) -> &S {
        &self.primary
    }

    pub fn store_mut(&mut self) -> &mut S {
        &mut self.primary
    }

    pub fn is_memory_only(&self) -> bool {
        self.fallback.is_some()
    }

    pub fn status(&self) -> StorageStatus {
        if self.fallback.is_some() {
            StorageStatus::MemoryOnly
        } else if let Some(e) = &self.last_write_error {
            StorageStatus::LastWriteFailed(e.clone())
        } else if self.quarantined > 0 {
            StorageStatus::Quarantined(self.quarantined)
        } else {
            StorageStatus::Ok
        }
    }

    fn active(&mut self) -> &mut dyn KvStore {
        match self.fallback.as_mut() {
            Some(m) => m,
            None => &mut self.primary,
        }
    }

    /// Runs `op` on the active store; on `Unavailable` switches to memory and retries there.
    fn run<R>(&mut self, op: &dyn Fn(&mut dyn KvStore) -> Result<R, StoreError>) -> Result<R, StoreError> {
        match op(self.active()) {
            Err(StoreError::Unavailable) if self.fallback.is_none() => {
                self.fallback = Some(MemoryStore::new());
                op(self.active())
            }
            r => r,
        }
    }

    fn keys(&mut self) -> Result<Vec<String>, StoreError> {
        self.run(&|s| s.keys())
    }

    fn get(&mut self, key: &str) -> Result<Option<String>, StoreError> {
        self.run(&|s| s.get(key))
    }

    fn write(&mut self, key: &str, value: Option<&str>) -> Result<(), StoreError> {
        let r = self.run(&|s| match value {
            Some(v) => s.set(key, v),
            None => s.remove(key),
        });
        self.last_write_error = r.as_ref().err().cloned();
        r
    }

    /// Saves one record (its own key). `Err` means "this change was not saved".
    pub fn put<T: Record>(&mut self, record: &T) -> Result<(), StoreError> {
        let value = self.codec.encode(&EnvelopeRef { v: SCHEMA_VERSION, data: record }).map_err(StoreError::Other)?;
        self.write(&record_key(T::COLLECTION, &record.record_id()), Some(&value))
    }

    pub fn delete<T: Record>(&mut self, id: &str) -> Result<(), StoreError> {
        self.write(&record_key(T::COLLECTION, id), None)
    }

    /// Loads every record of `T`'s collection. Unreadable ones are moved to
    /// quarantine and reported; older versions are migrated (and rewritten).
    pub fn load_all<T: Record>(&mut self) -> LoadReport<T> {
        let mut records = Vec::new();
        let (quarantined, error) = self.load_each(T::COLLECTION, &mut |repo, raw, id| {
            let (record, migrated) = repo.decode_record::<T>(raw)?;
            if record.record_id() != id {
                return Err(QuarantineReason::Undecodable("record id does not match its key".into()));
            }
            if migrated {
                // Best effort: if this fails the record is migrated again next load.
                let _ = repo.put(&record);
            }
            records.push(record);
            Ok(())
        });
        LoadReport { records, quarantined, error }
    }

    /// The record-type-independent part of [`Repo::load_all`], compiled once
    /// instead of once per record type: lists the collection's keys in order
    /// and hands each stored value and its id to `each`; quarantines the value
    /// when `each` refuses it.
    #[allow(clippy::type_complexity)]
    fn load_each(
        &mut self,
        collection: &str,
        each: &mut dyn FnMut(&mut Self, &str, &str) -> Result<(), QuarantineReason>,
    ) -> (Vec<QuarantineNote>, Option<StoreError>) {
        let mut quarantined = Vec::new();
        let mut error = None;
        let prefix = format!("{LAYOUT}{collection}/");
        let mut keys = match self.keys() {
            Ok(k) => k,
            Err(e) => return (quarantined, Some(e)),
        };
        keys.retain(|k| k.starts_with(&prefix));
        crate::core::sort::sort(&mut keys);
        for key in keys {
            let raw = match self.get(&key) {
                Ok(Some(raw)) => raw,
                Ok(None) => continue, // removed meanwhile (another tab)
                Err(e) => {
                    error = Some(e);
                    continue;
                }
            };
            let id = key.strip_prefix(prefix.as_str()).unwrap_or_default();
            if let Err(reason) = each(self, &raw, id) {
                quarantined.push(self.quarantine(&key, &raw, reason));
            }
        }
        (quarantined, error)
    }

    /// Decodes one stored value: `(record, was_migrated)`.
    fn decode_record<T: Record>(&self, raw: &str) -> Result<(T, bool), QuarantineReason> {
        let probe: Probe = self.codec.decode(raw).map_err(QuarantineReason::Corrupt)?;
        let version = probe.v.unwrap_or(0);
        if version > SCHEMA_VERSION {
            return Err(QuarantineReason::NewerVersion(version));
        }
        if version == SCHEMA_VERSION {
            let data: T = self.codec.decode_data(raw).map_err(QuarantineReason::Undecodable)?;
            return Ok((data, false));
        }
        T::migrate(&self.codec, version, raw)
            .map(|r| (r, true))
            .map_err(|error| QuarantineReason::MigrationFailed { from: version, error })
    }

    /// Copies `raw` to a free quarantine key, then removes the original only if
    /// the copy succeeded. Idempotent: an identical copy already there is reused.
    fn quarantine(&mut self, key: &str, raw: &str, reason: QuarantineReason) -> QuarantineNote {
        let rel = key.strip_prefix(PREFIX).unwrap_or(key);
        let base = format!("{QUARANTINE_PREFIX}{rel}");
        let mut note = QuarantineNote { original_key: key.to_string(), quarantine_key: None, reason };
        for n in 1..=32u32 {
            let qkey = if n == 1 { base.clone() } else { format!("{base}~{n}") };
            let existing = match self.get(&qkey) {
                Ok(v) => v,
                Err(_) => return note,
            };
            let copied = match existing {
                Some(v) if v == raw => true,
                Some(_) => continue,
                None => {
                    let ok = self.write(&qkey, Some(raw)).is_ok();
                    if ok {
                        self.quarantined += 1;
                    }
                    ok
                }
            };
            if copied {
                // If the removal fails the original stays; the next load finds the
                // identical copy and retries the removal.
                let _ = self.write(key, None);
                note.quarantine_key = Some(qkey);
            }
            return note;
        }
        note
    }

    /// How many items are in quarantine (counted at start, and as this
    /// repository sets items aside; no storage read).
    pub fn quarantined_count(&self) -> usize {
        self.quarantined
    }

    /// Every (key, raw value) in quarantine, for export.
    pub fn quarantined_items(&mut self) -> Result<Vec<(String, String)>, StoreError> {
        self.items_under(QUARANTINE_PREFIX)
    }

    /// Everything the widget stored for this user (records and quarantine), raw.
    pub fn export_all(&mut self) -> Result<Vec<(String, String)>, StoreError> {
        self.items_under(PREFIX)
    }

    /// [`Self::export_all`] as one JSON document
    /// `{"format":"kineret-widget-backup","version":1,"items":[{"key":…,"value":…}]}`.
    pub fn export_all_json(&mut self) -> Result<String, StoreError> {
        #[derive(Serialize)]
        struct Item {
            key: String,
            value: String,
        }
        #[derive(Serialize)]
        struct Backup {
            format: &'static str,
            version: u32,
            items: Vec<Item>,
        }
        let items = self.export_all()?.into_iter().map(|(key, value)| Item { key, value }).collect();
        let doc = Backup { format: "kineret-widget-backup", version: SCHEMA_VERSION, items };
        self.codec.encode(&doc).map_err(StoreError::Other)
    }

    fn items_under(&mut self, prefix: &str) -> Result<Vec<(String, String)>, StoreError> {
        let mut keys = self.keys()?;
        keys.retain(|k| k.starts_with(prefix));
        crate::core::sort::sort(&mut keys);
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            if let Some(v) = self.get(&key)? {
                out.push((key, v));
            }
        }
        Ok(out)
    }

    /// Removes every key under [`PREFIX`] (records and quarantine), nothing else.
    /// Call only after the user confirmed. Keeps going past failures and
    /// returns the number removed, or the first error.
    pub fn delete_all(&mut self) -> Result<usize, StoreError> {
        let keys = self.keys()?;
        let mut removed = 0;
        let mut first_err = None;
        for key in keys.iter().filter(|k| k.starts_with(PREFIX)) {
            match self.write(key, None) {
                Ok(()) => removed += 1,
                Err(e) => {
                    first_err.get_or_insert(e);
                }
            }
        }
        match first_err {
            Some(e) => {
                self.last_write_error = Some(e.clone());
                Err(e)
            }
            None => {
                self.quarantined = 0;
                Ok(removed)
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// The serde_json codec tests use in place of the browser's JSON.
    #[derive(Clone, Copy, Debug, Default)]
    pub struct JsonCodec;

    impl Codec for JsonCodec {
        fn encode<T: Serialize>(&self, v: &T) -> Result<String, String> {
            serde_json::to_string(v).map_err(|e| e.to_string())
        }
        fn decode<T: DeserializeOwned>(&self, s: &str) -> Result<T, String> {
            serde_json::from_str(s).map_err(|e| e.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::JsonCodec;
    use super::*;

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    struct Note {
        id: String,
        text: String,
    }

    /// Legacy (v0) shape: no envelope, the text was called `body`.
    #[derive(Deserialize)]
    struct NoteV0 {
        id: String,
        body: String,
    }

    impl Record for Note {
        const COLLECTION: &'static str = "test/note";
        fn record_id(&self) -> String {
            self.id.clone()
        }
        fn migrate<C: Codec>(codec: &C, from: u32, raw: &str) -> Result<Self, String> {
            match from {
                0 => codec.decode::<NoteV0>(raw).map(|o| Note { id: o.id, text: o.body }),
                _ => Err(format!("no migration from version {from}")),
            }
        }
    }

    fn note(id: &str, text: &str) -> Note {
        Note { id: id.into(), text: text.into() }
    }

    fn repo_with(data: &[(&str, &str)]) -> Repo<FaultyStore, JsonCodec> {
        let mut mem = MemoryStore::new();
        for (k, v) in data {
            mem.map.insert(k.to_string(), v.to_string());
        }
        Repo::new(FaultyStore::with_data(mem), JsonCodec)
    }

    #[test]
    fn round_trip_one_key_per_record_in_envelope() {
        let mut repo = repo_with(&[]);
        assert_eq!(repo.put(&note("a", "x")), Ok(()));
        assert_eq!(repo.put(&note("b", "y, \"z\"")), Ok(()));
        let raw = repo.store().inner.map.get("kineret-widget/v1/test/note/a").cloned();
        assert_eq!(raw.as_deref(), Some(r#"{"v":1,"data":{"id":"a","text":"x"}}"#));
        assert_eq!(repo.store().inner.map.len(), 2);
        let report = repo.load_all::<Note>();
        assert_eq!(report.records, vec![note("a", "x"), note("b", "y, \"z\"")]);
        assert!(report.quarantined.is_empty());
        assert_eq!(repo.delete::<Note>("a"), Ok(()));
        assert_eq!(repo.load_all::<Note>().records, vec![note("b", "y, \"z\"")]);
        assert_eq!(repo.status(), StorageStatus::Ok);
    }

    #[test]
    fn per_record_write_merges_two_tabs() {
        // Two repos over the "same" storage: simulate by copying the map between them.
        let mut tab1 = repo_with(&[]);
        tab1.put(&note("a", "from tab 1")).ok();
        let mut tab2 = Repo::new(FaultyStore::with_data(tab1.store().inner.clone()), JsonCodec);
        tab2.put(&note("b", "from tab 2")).ok();
        tab1.put(&note("c", "tab 1 again")).ok();
        // Merge: every key written by either tab survives.
        let mut merged = tab2.store().inner.clone();
        merged.map.extend(tab1.store().inner.map.clone());
        let mut repo = Repo::new(merged, JsonCodec);
        let ids: Vec<_> = repo.load_all::<Note>().records.into_iter().map(|n| n.id).collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn quota_exceeded_loses_only_that_record() {
        let mut repo = repo_with(&[]);
        repo.put(&note("a", "kept")).ok();
        repo.store_mut().set_error = Some(StoreError::QuotaExceeded);
        repo.store_mut().set_fail_count = 1;
        assert_eq!(repo.put(&note("b", "lost")), Err(StoreError::QuotaExceeded));
        assert_eq!(repo.status(), StorageStatus::LastWriteFailed(StoreError::QuotaExceeded));
        assert!(repo.status().message(Lang::Es).is_some_and(|m| m.contains("lleno")));
        assert_eq!(repo.put(&note("c", "kept too")), Ok(()));
        assert_eq!(repo.status(), StorageStatus::Ok);
        let ids: Vec<_> = repo.load_all::<Note>().records.into_iter().map(|n| n.id).collect();
        assert_eq!(ids, ["a", "c"]);
    }

    #[test]
    fn unavailable_store_keeps_working_in_memory() {
        let mut repo = Repo::new(FaultyStore::unavailable(), JsonCodec);
        assert_eq!(repo.status(), StorageStatus::MemoryOnly);
        assert_eq!(repo.put(&note("a", "x")), Ok(()));
        assert_eq!(repo.load_all::<Note>().records, vec![note("a", "x")]);
        assert!(repo.store().inner.map.is_empty());
        assert!(repo.status().message(Lang::En).is_some_and(|m| m.contains("until you close")));
    }

    #[test]
    fn becoming_unavailable_midway_switches_to_memory() {
        let mut repo = repo_with(&[]);
        repo.put(&note("a", "x")).ok();
        repo.store_mut().unavailable = true;
        assert_eq!(repo.put(&note("b", "y")), Ok(()));
        assert!(repo.is_memory_only());
        assert_eq!(repo.load_all::<Note>().records, vec![note("b", "y")]);
    }

    #[test]
    fn corrupt_json_is_quarantined_byte_for_byte() {
        let bad = "{\"v\":1,\"data\":{\"id\":\"a\",\"te  \u{e9} \n";
        let mut repo = repo_with(&[
            ("kineret-widget/v1/test/note/a", bad),
            ("kineret-widget/v1/test/note/b", r#"{"v":1,"data":{"id":"b","text":"ok"}}"#),
        ]);
        assert_eq!(repo.quarantined_count(), 0);
        let report = repo.load_all::<Note>();
        assert_eq!(report.records, vec![note("b", "ok")]);
        assert_eq!(report.quarantined.len(), 1);
        // What shell::with_repo compares to tell the page data was set aside.
        assert_eq!(repo.quarantined_count(), 1);
        let q = &report.quarantined[0];
        assert!(matches!(q.reason, QuarantineReason::Corrupt(_)));
        assert_eq!(q.quarantine_key.as_deref(), Some("kineret-widget/quarantine/v1/test/note/a"));
        let map = &repo.store().inner.map;
        assert_eq!(map.get("kineret-widget/quarantine/v1/test/note/a").map(String::as_str), Some(bad));
        assert!(!map.contains_key("kineret-widget/v1/test/note/a"));
        assert_eq!(repo.status(), StorageStatus::Quarantined(1));
        assert_eq!(repo.quarantined_items().map(|v| v.len()), Ok(1));
        // A new repo counts what is already in quarantine.
        let again = Repo::new(repo.store().clone(), JsonCodec);
        assert_eq!(again.status(), StorageStatus::Quarantined(1));
    }

    #[test]
    fn quarantine_never_overwrites_an_earlier_copy() {
        let mut repo = repo_with(&[
            ("kineret-widget/quarantine/v1/test/note/a", "older junk"),
            ("kineret-widget/v1/test/note/a", "newer junk"),
        ]);
        let report = repo.load_all::<Note>();
        assert_eq!(report.quarantined[0].quarantine_key.as_deref(), Some("kineret-widget/quarantine/v1/test/note/a~2"));
        let map = &repo.store().inner.map;
        assert_eq!(map.get("kineret-widget/quarantine/v1/test/note/a").map(String::as_str), Some("older junk"));
        assert_eq!(map.get("kineret-widget/quarantine/v1/test/note/a~2").map(String::as_str), Some("newer junk"));
    }

    #[test]
    fn failed_quarantine_copy_keeps_the_original() {
        let mut repo = repo_with(&[("kineret-widget/v1/test/note/a", "not json")]);
        repo.store_mut().set_error = Some(StoreError::QuotaExceeded);
        let report = repo.load_all::<Note>();
        assert_eq!(report.quarantined.len(), 1);
        assert_eq!(report.quarantined[0].quarantine_key, None);
        assert_eq!(repo.store().inner.map.get("kineret-widget/v1/test/note/a").map(String::as_str), Some("not json"));
        assert_eq!(repo.store().inner.map.len(), 1);
    }

    #[test]
    fn newer_version_and_wrong_shape_are_quarantined() {
        let newer = r#"{"v":2,"data":{"id":"n","text":"future"}}"#;
        let mut repo = repo_with(&[
            ("kineret-widget/v1/test/note/n", newer),
            ("kineret-widget/v1/test/note/s", r#"{"v":1,"data":{"id":"s","text":5}}"#),
            ("kineret-widget/v1/test/note/x", r#"{"v":1,"data":{"id":"other","text":""}}"#),
        ]);
        let report = repo.load_all::<Note>();
        assert!(report.records.is_empty());
        let reasons: Vec<_> = report.quarantined.iter().map(|q| q.reason.clone()).collect();
        assert_eq!(reasons[0], QuarantineReason::NewerVersion(2));
        assert!(matches!(reasons[1], QuarantineReason::Undecodable(_)));
        assert!(matches!(reasons[2], QuarantineReason::Undecodable(_)));
        assert_eq!(
            repo.store().inner.map.get("kineret-widget/quarantine/v1/test/note/n").map(String::as_str),
            Some(newer)
        );
    }

    #[test]
    fn v0_record_is_migrated_and_rewritten() {
        let mut repo = repo_with(&[
            ("kineret-widget/v1/test/note/old", r#"{"id":"old","body":"legacy"}"#),
            ("kineret-widget/v1/test/note/bad", r#"{"id":"bad","nobody":1}"#),
        ]);
        let report = repo.load_all::<Note>();
        assert_eq!(report.records, vec![note("old", "legacy")]);
        assert!(matches!(report.quarantined[0].reason, QuarantineReason::MigrationFailed { from: 0, .. }));
        let raw = repo.store().inner.map.get("kineret-widget/v1/test/note/old").cloned();
        assert_eq!(raw.as_deref(), Some(r#"{"v":1,"data":{"id":"old","text":"legacy"}}"#));
    }

    #[test]
    fn export_and_delete_all_touch_only_the_prefix() {
        let mut repo = repo_with(&[
            ("other-app/settings", "keep me"),
            ("kineret-widgetX/not-ours", "keep me too"),
            ("kineret-widget/quarantine/v1/test/note/z", "junk"),
        ]);
        repo.put(&note("a", "x")).ok();
        let exported = repo.export_all().unwrap_or_default();
        let keys: Vec<_> = exported.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["kineret-widget/quarantine/v1/test/note/z", "kineret-widget/v1/test/note/a"]);
        let json = repo.export_all_json().unwrap_or_default();
        assert!(json.starts_with(r#"{"format":"kineret-widget-backup","version":1,"items":[{"key":"#));
        assert_eq!(repo.delete_all(), Ok(2));
        let left: Vec<_> = repo.store().inner.map.keys().cloned().collect();
        assert_eq!(left, ["kineret-widgetX/not-ours", "other-app/settings"]);
        assert_eq!(repo.status(), StorageStatus::Ok);
    }

    #[test]
    fn delete_failure_is_reported() {
        let mut repo = repo_with(&[]);
        repo.put(&note("a", "x")).ok();
        repo.store_mut().remove_error = Some(StoreError::Other("denied".into()));
        assert_eq!(repo.delete::<Note>("a"), Err(StoreError::Other("denied".into())));
        assert_eq!(repo.status(), StorageStatus::LastWriteFailed(StoreError::Other("denied".into())));
        assert!(repo.delete_all().is_err());
    }
}
