//! The storage and import hardening cases, shared by the native run
//! (tests/hardening.rs: serde_json codec, driven by proptest seeds) and the
//! browser run (tests/browser_hardening.rs: the shipped codec: `JSON.parse`,
//! then `jsde`). One deterministic generator (xorshift) builds every case from a
//! seed, so both levels try the same inputs. Each check returns the data it
//! lost (records stored, or accepted for storing, that are neither loaded nor
//! quarantined) or the property it found broken.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use kineret_widget::core::sites::download::export_json;
use kineret_widget::core::sites::{parse_import, Injector, LogEntry, Reaction, ZoneId};
use kineret_widget::core::storage::{
    record_key, Codec, FaultyStore, KvStore, MemoryStore, Record, Repo, StorageStatus, StoreError, QUARANTINE_PREFIX,
};

pub const NOW: i64 = 1_709_640_000_000; // 2024-03-05T12:00Z

/// xorshift64*: small, deterministic, the same on every target.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Never zero (xorshift's fixed point); spread small seeds.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
    pub fn pick<T: Clone>(&mut self, from: &[T]) -> T {
        from[self.below(from.len() as u64) as usize].clone()
    }
    pub fn chance(&mut self, one_in: u64) -> bool {
        self.below(one_in) == 0
    }
    /// Any `char`: ASCII (controls included), Latin-1, BMP, astral planes.
    pub fn any_char(&mut self) -> char {
        loop {
            let limit = match self.below(4) {
                0 => 0x80,
                1 => 0x100,
                2 => 0x1_0000,
                _ => 0x11_0000,
            };
            if let Some(c) = char::from_u32(self.below(limit) as u32) {
                return c;
            }
        }
    }
    /// Any string of up to `max` chars (proptest's `any::<String>()`).
    pub fn any_string(&mut self, max: u64) -> String {
        let n = self.below(max + 1);
        (0..n).map(|_| self.any_char()).collect()
    }
    /// Up to `max` chars from `alphabet`.
    pub fn string_of(&mut self, alphabet: &str, max: u64) -> String {
        let chars: Vec<char> = alphabet.chars().collect();
        let n = self.below(max + 1);
        (0..n).map(|_| self.pick(&chars)).collect()
    }
}

/// One injection in the last 400 hours with a note full of markup characters.
pub fn entry(rng: &mut Rng) -> LogEntry {
    let zone = rng.pick(&ZoneId::ALL);
    let at = NOW - rng.below(400) as i64 * 3_600_000;
    let note = rng.string_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ <>&\"',;=+-", 40);
    let reactions: Vec<Reaction> = Reaction::ALL.iter().copied().filter(|_| rng.chance(3)).collect();
    LogEntry::new(zone, at, at, rng.pick(&Injector::ALL), reactions, &note, rng.next_u64() as u32)
}

/// 1 to 11 entries with distinct ids.
pub fn entries(rng: &mut Rng) -> Vec<LogEntry> {
    let n = 1 + rng.below(11);
    let mut seen = BTreeSet::new();
    (0..n).map(|_| entry(rng)).filter(|e| seen.insert(e.id.clone())).collect()
}

pub fn ids(v: &[LogEntry]) -> BTreeSet<String> {
    v.iter().map(|e| e.id.clone()).collect()
}

/// Records of `wanted` that are neither loaded nor quarantined.
pub fn lost_after_load<S: KvStore, C: Codec>(repo: &mut Repo<S, C>, wanted: &BTreeSet<String>) -> usize {
    let report = repo.load_all::<LogEntry>();
    let loaded = ids(&report.records);
    let quarantined: BTreeSet<String> = repo
        .quarantined_items()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(k, _)| k.rsplit('/').next().map(str::to_string))
        .collect();
    wanted.iter().filter(|id| !loaded.contains(*id) && !quarantined.contains(*id)).count()
}

/// A store holding `v`, written through `codec`.
pub fn seeded<C: Codec + Copy>(codec: C, v: &[LogEntry]) -> Result<MemoryStore, String> {
    let mut repo = Repo::new(MemoryStore::new(), codec);
    for e in v {
        repo.put(e).map_err(|e| format!("seeding: {e:?}"))?;
    }
    Ok(repo.store().clone())
}

macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// A check: one case from the generator, the data it lost or what broke.
pub type Check<C> = fn(C, &mut Rng) -> Result<usize, String>;

/// (kind, what was injected or tried, cases, check): the storage and import
/// rows of README's hardening table.
pub fn scenarios<C: Codec + Copy>() -> Vec<(&'static str, &'static str, u32, Check<C>)> {
    vec![
        ("storage fault", "storage unavailable (sandboxed iframe, blocked by settings)", 300, storage_unavailable::<C>),
        ("storage fault", "quota exceeded on write", 300, quota_exceeded::<C>),
        ("storage fault", "corrupt JSON in stored records", 300, corrupt_json::<C>),
        ("storage fault", "data written by a newer schema version", 300, newer_schema::<C>),
        ("storage fault", "data from an older version (v0, unversioned)", 300, older_version::<C>),
        ("storage fault", "two tabs / two instances writing at once", 300, two_tabs::<C>),
        ("bad input", "import files: random text, damaged and valid exports", 5_000, import_file::<C>),
    ]
}

pub fn storage_unavailable<C: Codec + Copy>(codec: C, rng: &mut Rng) -> Result<usize, String> {
    let v = entries(rng);
    let mut repo = Repo::new(FaultyStore::unavailable(), codec);
    for e in &v {
        ensure!(repo.put(e).is_ok(), "writes go to memory");
    }
    ensure!(repo.status() == StorageStatus::MemoryOnly, "status {:?}", repo.status());
    Ok(lost_after_load(&mut repo, &ids(&v)))
}

pub fn quota_exceeded<C: Codec + Copy>(codec: C, rng: &mut Rng) -> Result<usize, String> {
    let (v, extra) = (entries(rng), entry(rng));
    let mut store = FaultyStore::with_data(seeded(codec, &v)?);
    store.set_error = Some(StoreError::QuotaExceeded);
    store.set_fail_count = 1;
    let mut repo = Repo::new(store, codec);
    let write = repo.put(&extra);
    ensure!(write == Err(StoreError::QuotaExceeded), "the failed change is reported to the user: {write:?}");
    ensure!(matches!(repo.status(), StorageStatus::LastWriteFailed(_)), "status {:?}", repo.status());
    // Everything saved before is intact; the next write works again.
    let lost = lost_after_load(&mut repo, &ids(&v));
    ensure!(repo.put(&extra).is_ok(), "the next write works");
    Ok(lost)
}

pub const GARBAGE: [&str; 8] = ["{", "null", "[]", "{\"v\":1}", "{\"v\":1,\"data\":{}}", "\u{0}\u{1}", "{\"v\":\"x\"}", ""];

pub fn corrupt_json<C: Codec + Copy>(codec: C, rng: &mut Rng) -> Result<usize, String> {
    let (v, junk) = (entries(rng), rng.pick(&GARBAGE));
    let mut store = seeded(codec, &v)?;
    let victim = rng.pick(&v);
    store.set(&record_key(LogEntry::COLLECTION, &victim.id), junk).map_err(|e| format!("{e:?}"))?;
    let mut repo = Repo::new(store, codec);
    let lost = lost_after_load(&mut repo, &ids(&v));
    let q = repo.quarantined_items().unwrap_or_default();
    ensure!(q.iter().any(|(k, raw)| k.starts_with(QUARANTINE_PREFIX) && raw == junk), "{junk:?} not kept as it was");
    Ok(lost)
}

pub fn newer_schema<C: Codec + Copy>(codec: C, rng: &mut Rng) -> Result<usize, String> {
    let (v, version) = (entries(rng), 2 + rng.below(48));
    let mut store = seeded(codec, &v)?;
    let victim = &v[0];
    let key = record_key(LogEntry::COLLECTION, &victim.id);
    let raw = store.get(&key).ok().flatten().unwrap_or_default().replacen("\"v\":1", &format!("\"v\":{version}"), 1);
    store.set(&key, &raw).map_err(|e| format!("{e:?}"))?;
    let mut repo = Repo::new(store, codec);
    let report = repo.load_all::<LogEntry>();
    ensure!(!ids(&report.records).contains(&victim.id), "read with the old schema: {raw}");
    Ok(lost_after_load(&mut repo, &ids(&v)))
}

pub fn older_version<C: Codec + Copy>(codec: C, rng: &mut Rng) -> Result<usize, String> {
    let site = rng.pick(&["left-thigh", "right-thigh", "left-abdomen", "right-buttock"]);
    let hours = rng.below(1000) as i64;
    let mut store = MemoryStore::new();
    let id = format!("legacy{hours}");
    let raw = format!(r#"{{"id":"{id}","site":"{site}","time":{},"note":"old"}}"#, NOW - hours * 3_600_000);
    store.set(&record_key(LogEntry::COLLECTION, &id), &raw).map_err(|e| format!("{e:?}"))?;
    let mut repo = Repo::new(store, codec);
    let report = repo.load_all::<LogEntry>();
    ensure!(report.records.len() == 1, "not migrated: {:?}", report.quarantined);
    Ok(lost_after_load(&mut repo, &[id].into_iter().collect()))
}

/// Two repositories over one store: two tabs (or two instances) writing at once.
#[derive(Clone, Default)]
pub struct Shared(pub Rc<RefCell<MemoryStore>>);

impl KvStore for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.0.borrow().keys()
    }
}

/// Two tabs writing `a` and `b` interleaved into one `store`; then the
/// records of either that the first tab can neither load nor find in
/// quarantine.
pub fn two_tabs_over<S: KvStore + Clone, C: Codec + Copy>(
    store: S,
    codec: C,
    a: &[LogEntry],
    b: &[LogEntry],
) -> Result<usize, String> {
    let mut tab1 = Repo::new(store.clone(), codec);
    let mut tab2 = Repo::new(store, codec);
    for pair in a.iter().zip(b.iter().chain(std::iter::repeat(&b[0]))) {
        tab1.put(pair.0).map_err(|e| format!("{e:?}"))?;
        tab2.put(pair.1).map_err(|e| format!("{e:?}"))?;
    }
    for e in b.iter().skip(a.len()) {
        tab2.put(e).map_err(|e| format!("{e:?}"))?;
    }
    let mut all = ids(a);
    all.extend(ids(b));
    Ok(lost_after_load(&mut tab1, &all))
}

pub fn two_tabs<C: Codec + Copy>(codec: C, rng: &mut Rng) -> Result<usize, String> {
    let (a, b) = (entries(rng), entries(rng));
    two_tabs_over(Shared::default(), codec, &a, &b)
}

/// A valid export, one char of it replaced, random text, or a bare header.
pub fn import_text<C: Codec + Copy>(codec: C, rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => rng.any_string(64),
        1 => export_json(&codec, &entries(rng), &[]).unwrap_or_default(),
        2 => {
            let mut chars: Vec<char> = export_json(&codec, &entries(rng), &[]).unwrap_or_default().chars().collect();
            if !chars.is_empty() {
                let at = rng.below(chars.len() as u64) as usize;
                chars[at] = rng.any_char();
            }
            chars.into_iter().collect()
        }
        _ => "{\"format\":\"kineret-widget-sites\",\"version\":1}".to_string(),
    }
}

pub fn import_file<C: Codec + Copy>(codec: C, rng: &mut Rng) -> Result<usize, String> {
    let s = import_text(codec, rng);
    if let Ok(doc) = parse_import(&codec, &s, NOW) {
        for e in &doc.entries {
            ensure!(e.at_ms <= NOW + 86_400_000, "future entry accepted from {s:?}");
            ensure!(e.note.chars().count() <= 500, "long note accepted");
        }
    }
    Ok(0)
}

/// The TSV row README's table is made of: kind, what, cases, data lost.
pub fn row(kind: &str, what: &str, cases: u32, lost: usize) -> String {
    format!("{kind}\t{what}\t{cases}\t{lost}")
}
