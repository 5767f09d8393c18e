//! The sites view's file work: reading a backup and writing the JSON and
//! CSV exports. Reachable only through [`io`]: with the `split` feature it
//! is its own module (`kw-sites-io`), fetched on the first Import or
//! Download, so the view is interactive without it (docs/SIZE.md). The
//! installed app precaches it like every module.

use crate::core::i18n::Lang;
use crate::core::sites::download::{export_csv, export_json};
use crate::core::sites::{parse_import, Flag, ImportDoc, ImportError, LogEntry};
use crate::shell::services::clock::BrowserClock;
use crate::shell::services::storage::JsonCodec;
use crate::shell::split::LoadFailed;

#[derive(Clone, Copy)]
pub(super) struct Io {
    /// A backup file's text, read at `now_ms`.
    pub import: fn(&str, i64) -> Result<ImportDoc, ImportError>,
    /// The CSV (`true`) or JSON backup of the log; `None` if it could not be made.
    pub export: fn(&[LogEntry], &[Flag], bool, Lang) -> Option<String>,
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(kw_sites_io, fallible))]
fn load_io() -> Result<Io, LoadFailed> {
    Ok(Io {
        import: |text, now_ms| parse_import(&JsonCodec, text, now_ms),
        export: |entries, flags, csv, lang| {
            if csv {
                export_csv(entries, lang, &BrowserClock).ok()
            } else {
                export_json(&JsonCodec, entries, flags).ok()
            }
        },
    })
}

/// The file work's code (fetched once; a failure is retried on the next call).
pub(super) async fn io() -> Result<Io, LoadFailed> {
    #[cfg(feature = "split")]
    let io = load_io().await;
    #[cfg(not(feature = "split"))]
    let io = load_io();
    io
}
