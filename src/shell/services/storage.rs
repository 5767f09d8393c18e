//! `localStorage` behind the core's `KvStore`, JSON through the browser's own
//! `JSON.parse`/`JSON.stringify` (no JSON crate in the bundle), and the one
//! repository every feature and every instance on the page shares.
//! Nothing here panics: every storage failure becomes a `StoreError`.

use std::cell::RefCell;

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

use crate::core::storage::{Codec, KvStore, Repo, StoreError};

/// `window.localStorage`, or nothing when the browser refuses it (sandboxed
/// iframe, blocked cookies): then every call is `Unavailable` and the `Repo`
/// switches to memory.
pub struct LocalStore {
    storage: Option<Storage>,
}

impl LocalStore {
    pub fn open() -> Self {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        LocalStore { storage }
    }

    fn storage(&self) -> Result<&Storage, StoreError> {
        self.storage.as_ref().ok_or(StoreError::Unavailable)
    }
}

fn store_error(e: JsValue) -> StoreError {
    let name = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.name())).unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::QuotaExceeded,
        "SecurityError" | "InvalidAccessError" => StoreError::Unavailable,
        _ => StoreError::Other(if name.is_empty() { "storage error".into() } else { name }),
    }
}

impl KvStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage()?.get_item(key).map_err(store_error)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage()?.set_item(key, value).map_err(store_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.storage()?.remove_item(key).map_err(store_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let s = self.storage()?;
        let n = s.length().map_err(store_error)?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = s.key(i).map_err(store_error)? {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}

/// JSON via the browser. Maps become plain objects and 64-bit integers plain
/// numbers (`json_compatible`), so what is stored is ordinary JSON. Decoding
/// goes through our small `jsde` deserializer (no float formatting linked).
#[derive(Clone, Copy, Default)]
pub struct JsonCodec;

fn js_error_text(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "invalid JSON".into())
}

impl Codec for JsonCodec {
    fn encode<T: Serialize>(&self, v: &T) -> Result<String, String> {
        let value = v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| e.to_string())?;
        js_sys::JSON::stringify(&value).map(String::from).map_err(js_error_text)
    }

    fn decode<T: DeserializeOwned>(&self, s: &str) -> Result<T, String> {
        let value = js_sys::JSON::parse(s).map_err(js_error_text)?;
        super::jsde::from_value(value).map_err(|e| e.0)
    }

    fn decode_data<T: DeserializeOwned>(&self, s: &str) -> Result<T, String> {
        let value = js_sys::JSON::parse(s).map_err(js_error_text)?;
        super::jsde::data_field(value).map_err(|e| e.0)
    }
}

pub type BrowserRepo = Repo<LocalStore, JsonCodec>;

thread_local! {
    static REPO: RefCell<BrowserRepo> = RefCell::new(Repo::new(LocalStore::open(), JsonCodec));
}

/// The one way into the page's one repository: every widget instance reads
/// and writes through it, so instances on one page never hold diverging
/// copies. `None` when the repository is already in use further up the
/// stack (a host script called back into the widget from inside a storage
/// operation): the caller handles that like a failed read or write instead
/// of panicking, since a panic would trap the one wasm instance every widget
/// on the page shares.
///
/// A call that set stored items aside (a load found unreadable data) tells
/// every instance, as a save does: the frame's "set aside" notice recounts
/// even when a view loaded after the frame counted (views load lazily).
pub fn with_repo<T>(f: impl FnOnce(&mut BrowserRepo) -> T) -> Option<T> {
    REPO.with(|cell| {
        let mut repo = cell.try_borrow_mut().ok()?;
        let before = repo.quarantined_count();
        let out = f(&mut repo);
        if repo.quarantined_count() > before {
            notify_changed();
        }
        Some(out)
    })
}

/// Name of the window event fired after any instance saved data, so the
/// other instances on the page reload (other tabs get the `storage` event).
pub const CHANGED_EVENT: &str = "kineret-widget:data-changed";

/// Tells every instance on this page that stored data changed. Deferred to a
/// microtask: the listeners (other instances' reloads, host scripts) run
/// after the current reducer, effect or handler has returned and released
/// the repository, never inside it.
pub fn notify_changed() {
    wasm_bindgen_futures::spawn_local(async {
        if let Some(w) = web_sys::window() {
            if let Ok(ev) = web_sys::Event::new(CHANGED_EVENT) {
                let _ = w.dispatch_event(&ev);
            }
        }
    });
}

/// Name of the window event fired after the user deleted all their data:
/// every instance on the page starts its views afresh (nothing kept in memory).
pub const DELETED_EVENT: &str = "kineret-widget:data-deleted";

/// Tells every instance on this page that all stored data was deleted
/// (deferred like [`notify_changed`]).
pub fn notify_deleted() {
    wasm_bindgen_futures::spawn_local(async {
        if let Some(w) = web_sys::window() {
            if let Ok(ev) = web_sys::Event::new(DELETED_EVENT) {
                let _ = w.dispatch_event(&ev);
            }
        }
    });
}
