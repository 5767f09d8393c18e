//! The site log's downloads: JSON (via the injected codec, read back by
//! `export::parse_import`) and CSV (see [`push_record`]).
//!
//! A file of its own: only the sites view's file module (`kw-sites-io`)
//! writes them, and their texts (`SitesUi`) are the sites view's own pack;
//! the storage view reaches `export.rs` (merge) through the site log.

use serde::Serialize;

use crate::core::clock::{input_values, iso_utc, Clock};
use crate::core::i18n::{Lang, Translate};
use crate::core::storage::Codec;

use super::export::{FORMAT, FORMAT_VERSION};
use super::labels::SitesUi;
use super::text::SitesMsg;
use super::{Flag, Injector, LogEntry};

#[derive(Serialize)]
struct ExportDoc<'a> {
    format: &'static str,
    version: u32,
    entries: &'a [LogEntry],
    flags: &'a [Flag],
}

/// `{"format":"kineret-widget-sites","version":1,"entries":[…],"flags":[…]}`.
pub fn export_json<C: Codec>(codec: &C, entries: &[LogEntry], flags: &[Flag]) -> Result<String, String> {
    codec.encode(&ExportDoc { format: FORMAT, version: FORMAT_VERSION, entries, flags })
}

/// A spreadsheet would run a cell starting with one of these as a formula
/// (CSV injection); such notes get a leading apostrophe.
fn defuse_formula(s: &str) -> std::borrow::Cow<'_, str> {
    match s.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{s}").into(),
        _ => s.into(),
    }
}

/// Appends one CSV record in the `csv` crate's default dialect: `,`
/// delimiter, a field quoted only when it holds `,` `"` `\r` or `\n`, `"`
/// doubled inside quotes, records ended by `\n`. Written by hand: the full
/// `csv` crate costs about 23 KiB gzip of wasm, and even `csv-core`'s writer
/// links std's float parser (its `NonNumeric` quote style calls
/// `parse::<f64>()`, ~2 KB gzip). Native tests compare the output with the
/// `csv` crate byte for byte (fixed cases and a property test).
pub(super) fn push_record(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n')) {
            out.push('"');
            for (j, part) in field.split('"').enumerate() {
                if j > 0 {
                    out.push_str("\"\"");
                }
                out.push_str(part);
            }
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push('\n');
}

/// CSV with a translated header row. Machine columns first (unchanged, for
/// programs): id, zone id, UTC ISO 8601 date-time, injector id, reactions
/// (`;`-separated ids), note. Then the same for people, in `lang`: local date
/// and time (`YYYY-MM-DD HH:MM`, each instant with its own UTC offset from
/// `clock`), site name, who gave it, reactions.
pub fn export_csv(entries: &[LogEntry], lang: Lang, clock: &dyn Clock) -> Result<String, String> {
    use SitesMsg::*;
    let mut out = String::with_capacity(120 + entries.len() * 140);
    let head = [CsvId, CsvZone, CsvDateTimeUtc, CsvInjector, CsvReactions, CsvNote, CsvLocal, CsvSite, CsvWho, CsvSkin];
    push_record(&mut out, &head.map(|m| m.tr(lang)));
    for e in entries {
        let reactions: Vec<&str> = e.reactions.iter().map(|r| r.as_str()).collect();
        let words: Vec<&str> = e.reactions.iter().map(|r| r.tr(lang)).collect();
        let (date, time) = input_values(clock, e.at_ms);
        let who = match e.injector {
            Injector::SelfInjecting => SitesUi::ByMe,
            Injector::Caregiver => SitesUi::ByCaregiver,
        };
        let row = [
            e.id.as_str(),
            e.zone.as_str(),
            &iso_utc(e.at_ms),
            e.injector.as_str(),
            &reactions.join(";"),
            &defuse_formula(&e.note),
            &(date + " " + &time),
            e.zone.tr(lang),
            who.tr(lang),
            &words.join(", "),
        ];
        push_record(&mut out, &row);
    }
    Ok(out)
}
