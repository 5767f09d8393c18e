//! "Delete all my data" at the storage level (`Repo::delete_all`, what the
//! frame's button calls): every feature's records and the set-aside items go,
//! keys of the host page (same origin, same localStorage) stay.

mod common;

use common::json::JsonCodec;
use kineret_widget::core::checklist::history::DoseSchedule;
use kineret_widget::core::checklist::store::ChecklistSettings;
use kineret_widget::core::checklist::Run;
use kineret_widget::core::dose::form::FormInput;
use kineret_widget::core::safety::form::MonitoringRecord;
use kineret_widget::core::sites::{Flag, FlagReason, Injector, LogEntry, SitesSettings, ZoneId};
use kineret_widget::core::storage::{KvStore, MemoryStore, Repo, StorageStatus, PREFIX, QUARANTINE_PREFIX};

const HOST_KEYS: [(&str, &str); 3] = [
    ("cart", "[1,2]"),
    ("kineret-widgetX/not-ours", "host data sharing our prefix's first letters"),
    ("my-pharmacy/kineret-widget/v1/sites/entry/1", "a host key containing ours"),
];

#[test]
fn every_feature_and_the_quarantine_are_deleted_and_host_keys_kept() {
    let mut store = MemoryStore::new();
    for (k, v) in HOST_KEYS {
        store.set(k, v).unwrap();
    }
    let mut repo = Repo::new(store, JsonCodec);
    let t = 1_709_665_200_000;
    repo.put(&LogEntry::new(ZoneId::ThighLeft, t, t, Injector::SelfInjecting, vec![], "note", 1)).unwrap();
    repo.put(&Flag { zone: ZoneId::ArmLeft, reason: FlagReason::Scar, until_ms: None }).unwrap();
    repo.put(&SitesSettings { injector: Injector::Caregiver }).unwrap();
    repo.put(&Run::new(t, Some(40.0))).unwrap();
    repo.put(&ChecklistSettings { schedule: DoseSchedule::Daily }).unwrap();
    repo.put(&MonitoringRecord("2026-01-05 0 1".into())).unwrap();
    repo.put(&FormInput::default()).unwrap();
    // A corrupt record: loading sets it aside in quarantine.
    repo.store_mut().set("kineret-widget/v1/sites/entry/999-00000001", "{not json").unwrap();
    let loaded = repo.load_all::<LogEntry>();
    assert_eq!(loaded.quarantined.len(), 1);
    let ours = |repo: &Repo<MemoryStore, JsonCodec>| -> Vec<String> {
        repo.store().keys().unwrap().into_iter().filter(|k| k.starts_with(PREFIX)).collect()
    };
    assert_eq!(ours(&repo).len(), 8, "{:?}", ours(&repo));
    assert!(ours(&repo).iter().any(|k| k.starts_with(QUARANTINE_PREFIX)));
    assert_eq!(repo.status(), StorageStatus::Quarantined(1));

    assert_eq!(repo.delete_all(), Ok(8));

    assert!(ours(&repo).is_empty(), "left: {:?}", ours(&repo));
    let mut left: Vec<(String, String)> =
        repo.store().keys().unwrap().into_iter().map(|k| (k.clone(), repo.store().get(&k).unwrap().unwrap())).collect();
    left.sort();
    let mut host: Vec<(String, String)> = HOST_KEYS.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    host.sort();
    assert_eq!(left, host);
    assert_eq!(repo.status(), StorageStatus::Ok);
    assert!(repo.load_all::<LogEntry>().records.is_empty());
    assert!(repo.quarantined_items().unwrap().is_empty());
}
