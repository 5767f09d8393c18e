//! The calculator's `remember` (README, attributes): its saved inputs,
//! loaded once and saved on every change, in the storage module. Only a
//! widget with `remember` runs this code, so with the `split` feature it is
//! a module of its own (`kw-remember`, docs/SIZE.md): `LazyView` fetches it
//! together with the calculator's code and texts where the widget has
//! `remember`, so the saved inputs are on the calculator's first render
//! (nothing typed can be overwritten by a late load), and an embed without
//! `remember` never downloads it. A live `remember` switch (or one made
//! while the view was loading) fetches it from the calculator ([`fetch`]),
//! whose form is inert until it arrives; if it cannot be fetched the form
//! works without remembering and says so, with "Try again". Without
//! `split` it is a plain call.

use std::cell::Cell;

use crate::core::dose::form::FormInput;
use crate::core::storage::{StorageStatus, StoreError};
use crate::shell::services::storage::with_repo;
use crate::shell::split::LoadFailed;

/// The saved-inputs code, once fetched.
#[derive(Clone, Copy)]
pub struct Remember {
    /// The saved inputs, if any (unreadable ones are set aside by the
    /// storage module, never dropped).
    pub load: fn() -> Option<FormInput>,
    /// Saves the inputs; what to tell the user: `None` when they are saved,
    /// else memory only or a failed write (the repository busy counts as one).
    pub save: fn(&FormInput) -> Option<StorageStatus>,
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(kw_remember, fallible))]
fn load_remember() -> Result<Remember, LoadFailed> {
    Ok(Remember {
        load: || with_repo(|r| r.load_all::<FormInput>().records.into_iter().next()).flatten(),
        save: |input| match with_repo(|r| r.put(input).map(|()| r.status())) {
            Some(Ok(StorageStatus::MemoryOnly)) => Some(StorageStatus::MemoryOnly),
            Some(Ok(_)) => None,
            Some(Err(e)) => Some(StorageStatus::LastWriteFailed(e)),
            None => Some(StorageStatus::LastWriteFailed(StoreError::Other(String::new()))),
        },
    })
}

thread_local! {
    /// Fetched on this page (shared by every widget).
    static HERE: Cell<Option<Remember>> = const { Cell::new(None) };
}

/// The code, if it is here (always, without `split`).
pub fn here() -> Option<Remember> {
    #[cfg(not(feature = "split"))]
    {
        load_remember().ok()
    }
    #[cfg(feature = "split")]
    {
        HERE.with(Cell::get)
    }
}

/// Fetches the code (once; a failure is retried on the next call).
pub async fn fetch() -> Result<Remember, LoadFailed> {
    if let Some(r) = here() {
        return Ok(r);
    }
    #[cfg(feature = "split")]
    let r = load_remember().await?;
    #[cfg(not(feature = "split"))]
    let r = load_remember()?;
    HERE.with(|h| h.set(Some(r)));
    Ok(r)
}
