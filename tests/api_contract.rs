//! The public JS contract: the package's TypeScript types
//! (`www/types/kineret-widget.d.ts`) and the API snapshot
//! (`docs/api-snapshot.txt`) are checked against what the code really does.
//!
//! The surface is read from the code, never copied by hand:
//! - string unions from the core's `ALL` lists (`ErrorCode`, `WarningCode`,
//!   `Indication`, `Region`, `Lang`, `View`, …);
//! - request fields by calling `core::api`'s functions with a recording
//!   getter (every field name a function reads);
//! - result fields by serializing real results (a grid of requests over every
//!   indication, region and kidney case): a field seen in every ok result is
//!   required, one seen in some is optional (`?`); event details likewise,
//!   from what is dispatched (`kineret:injection-logged`: `event_detail`
//!   with and without the host's `events-include-note`, so `note` is `?`);
//! - exported functions from `www/kineret-widget.js` (and each wasm export of
//!   `src/shell/api.rs` must be called by it), attributes from its
//!   `OBSERVED` list, events from the `"kineret:…"` string literals in `src/`.
//!
//! Then (a) the .d.ts must declare exactly these names, literals and
//! optionality, and (b) every line of the checked-in snapshot must still be
//! in today's surface unless the version's compatibility key changed (the
//! major version; for 0.x the minor, as in Cargo's semver). New names make the
//! snapshot stale: `make api` (`UPDATE_API=1 cargo test --test api_contract`)
//! records them, and refuses to record a removal without that version bump.
#![cfg(not(target_arch = "wasm32"))]

use kineret_widget::core::api::{self, ApiValue};
use kineret_widget::core::attrs::{EventNote, Ready, Region, View};
use kineret_widget::core::checklist::{DosePrepared, TempUnit};
use kineret_widget::core::dose::{ErrorCode, Indication, RenalSchedule, Severity, Split, WarningCode};
use kineret_widget::core::i18n::Lang;
use kineret_widget::core::renal::Sex;
use kineret_widget::core::sites::{Injector, LogEntry, Reaction, ZoneId, ZONES};
use serde::Serialize;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::PathBuf;

const DTS: &str = "www/types/kineret-widget.d.ts";
const ENTRY: &str = "www/kineret-widget.js";
const SHELL_API: &str = "src/shell/api.rs";
const SNAPSHOT: &str = "docs/api-snapshot.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn set<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> BTreeSet<String> {
    items.into_iter().map(Into::into).collect()
}

// --- the surface, from the code ---------------------------------------------

/// Each union of the .d.ts and its values in the core.
fn unions() -> BTreeMap<&'static str, BTreeSet<String>> {
    let json = |v: Value| v.as_str().map(str::to_string).unwrap_or_default();
    BTreeMap::from([
        ("Lang", set(Lang::ALL.map(Lang::code))),
        ("Region", set(Region::ALL.map(Region::code))),
        ("Indication", set(Indication::ALL.map(Indication::code))),
        ("Split", set(Split::ALL.map(Split::code))),
        ("RenalSchedule", set(RenalSchedule::ALL.map(RenalSchedule::code))),
        ("Sex", set(Sex::ALL.map(Sex::code))),
        ("View", set(View::ALL.map(View::code))),
        ("ShownView", set(View::TABS.map(View::code))),
        ("Units", set(TempUnit::ALL.map(TempUnit::code))),
        ("Severity", set(Severity::ALL.map(Severity::code))),
        ("ErrorCode", set(ErrorCode::ALL.map(ErrorCode::code))),
        ("WarningCode", set(WarningCode::ALL.map(WarningCode::code))),
        ("ZoneId", ZONES.iter().map(|z| json(serde_json::to_value(z.id).unwrap())).collect()),
        ("Injector", set(Injector::ALL.map(Injector::as_str))),
        ("Reaction", set(Reaction::ALL.map(Reaction::as_str))),
    ])
}

type ApiFn<T> = fn(bool, &dyn Fn(&str) -> ApiValue) -> T;

/// Calls an API function on `request`, recording each field it reads.
fn call<T: Serialize>(f: ApiFn<T>, request: &[(&str, ApiValue)], seen: &RefCell<BTreeSet<String>>) -> Value {
    let get = |k: &str| {
        seen.borrow_mut().insert(k.to_string());
        request.iter().find(|(name, _)| *name == k).map_or(ApiValue::Missing, |(_, v)| v.clone())
    };
    serde_json::to_value(f(true, &get)).unwrap()
}

/// Field names of an object, and which of a set of objects lack some field.
#[derive(Default)]
struct Shape {
    seen: usize,
    count: BTreeMap<String, usize>,
}

impl Shape {
    fn add(&mut self, v: &Value) {
        let obj = v.as_object().unwrap_or_else(|| panic!("not an object: {v}"));
        self.seen += 1;
        for k in obj.keys() {
            *self.count.entry(k.clone()).or_default() += 1;
        }
    }
    /// name → optional.
    fn fields(&self) -> BTreeMap<String, bool> {
        assert!(self.seen > 0, "no sample");
        self.count.iter().map(|(k, n)| (k.clone(), *n < self.seen)).collect()
    }
}

struct Surface {
    /// Interface name → field → optional (None: optionality not checked).
    interfaces: BTreeMap<&'static str, BTreeMap<String, Option<bool>>>,
    unions: BTreeMap<&'static str, BTreeSet<String>>,
    functions: BTreeSet<String>,
    attributes: BTreeSet<String>,
    /// Event name → its detail's interface (or "null").
    events: BTreeMap<String, String>,
}

fn n(x: f64) -> ApiValue {
    ApiValue::Number(x)
}
fn t(s: &str) -> ApiValue {
    ApiValue::Text(s.to_string())
}

fn surface() -> Surface {
    let mut shapes: BTreeMap<&'static str, Shape> = BTreeMap::new();
    let mut add = |name: &'static str, v: &Value| shapes.entry(name).or_default().add(v);
    let mut requests: BTreeMap<&'static str, BTreeSet<String>> = BTreeMap::new();

    // calculateDose over every indication × region × weight × kidney case.
    let seen = RefCell::new(BTreeSet::new());
    let dose = |request: &[(&str, ApiValue)], add: &mut dyn FnMut(&'static str, &Value)| {
        let r = call(api::calculate_dose, request, &seen);
        if r["ok"] == Value::Bool(true) {
            add("DoseOk", &r);
            r["warnings"].as_array().unwrap().iter().for_each(|w| add("DoseWarning", w));
            r["steps"].as_array().unwrap().iter().for_each(|s| add("DoseStep", s));
            r["syringes"].as_array().unwrap().iter().for_each(|s| add("Syringe", s));
        } else {
            add("DoseFailure", &r);
            r["errors"].as_array().unwrap().iter().for_each(|e| add("ApiError", e));
        }
    };
    dose(&[], &mut add);
    for ind in Indication::ALL {
        for region in Region::ALL {
            for kg in [8.0, 20.0, 70.0] {
                for kidney in [vec![], vec![("crClMlMin", n(20.0))], vec![("esrd", ApiValue::Bool(true)), ("renalSchedule", t("daily"))]] {
                    for split in ["once", "twice"] {
                        let mut req = vec![
                            ("indication", t(ind.code())),
                            ("region", t(region.code())),
                            ("weightKg", n(kg)),
                            ("mgPerKgPerDay", n(2.0)),
                            ("split", t(split)),
                            ("ageYears", n(0.5)),
                        ];
                        req.extend(kidney.iter().cloned());
                        dose(&req, &mut add);
                    }
                }
            }
        }
    }
    dose(&[("indication", t("nomid")), ("weightLb", n(44.0)), ("mgPerKgPerDay", n(9.0)), ("lang", t("es"))], &mut add);
    dose(&[("indication", ApiValue::Number(42.0))], &mut add);
    requests.insert("DoseRequest", seen.take());

    let seen = RefCell::new(BTreeSet::new());
    for req in [
        vec![("ageYears", n(60.0)), ("sex", t("male")), ("weightKg", n(72.0)), ("serumCreatinineMgDl", n(1.0))],
        vec![("ageYears", n(60.0)), ("sex", t("female")), ("weightKg", n(72.0)), ("serumCreatinineUmolL", n(88.4)), ("lang", t("es"))],
        vec![("ageYears", n(10.0))],
        vec![],
    ] {
        let r = call(api::estimate_crcl, &req, &seen);
        add(if r["ok"] == Value::Bool(true) { "CrClOk" } else { "CrClFailure" }, &r);
    }
    requests.insert("CrClRequest", seen.take());

    let seen = RefCell::new(BTreeSet::new());
    for req in [
        vec![("heightCm", n(110.0)), ("serumCreatinineUmolL", n(88.4)), ("ageYears", n(6.0))],
        vec![("heightCm", n(110.0)), ("serumCreatinineMgDl", n(0.5))],
        vec![("heightCm", n(110.0)), ("serumCreatinineMgDl", n(0.5)), ("ageYears", n(30.0)), ("lang", t("es"))],
        vec![],
    ] {
        let r = call(api::estimate_egfr_schwartz, &req, &seen);
        add(if r["ok"] == Value::Bool(true) { "EgfrOk" } else { "EgfrFailure" }, &r);
    }
    requests.insert("EgfrRequest", seen.take());

    // Event details other than the dose.
    for discard in [Some(80.0), None] {
        let d = DosePrepared { run_id: "r1".into(), completed_ms: 1, discard_mg: discard };
        add("DosePrepared", &serde_json::to_value(d).unwrap());
    }
    // What is dispatched (`LogEntry::event_detail`, src/shell/components/sites.rs),
    // not the stored entry: with and without the host's `events-include-note`.
    let entry = LogEntry::new(ZoneId::ThighLeft, 1, 2, Injector::Caregiver, vec![Reaction::Pain], "note", 7);
    for include_note in [false, true] {
        add("InjectionLogged", &serde_json::to_value(entry.event_detail(include_note)).unwrap());
    }

    // What `kineret:ready` carries (src/shell/app.rs), for each view shown first.
    for view in View::TABS {
        add("WidgetReady", &serde_json::to_value(Ready { view: view.code() }).unwrap());
    }

    let mut interfaces: BTreeMap<&'static str, BTreeMap<String, Option<bool>>> = shapes
        .iter()
        .map(|(name, s)| (*name, s.fields().into_iter().map(|(k, o)| (k, Some(o))).collect()))
        .collect();
    for (name, fields) in requests {
        interfaces.insert(name, fields.into_iter().map(|k| (k, None)).collect());
    }

    // The JS entry: exports, attributes; each wasm export is used.
    let entry_js = read(ENTRY);
    let mut functions = BTreeSet::new();
    for line in entry_js.lines() {
        for prefix in ["export function ", "export async function ", "export const "] {
            if let Some(rest) = line.strip_prefix(prefix) {
                functions.insert(ident(rest).to_string());
            }
        }
    }
    let shell = read(SHELL_API);
    let mut lines = shell.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "#[wasm_bindgen]" {
            let f = lines.next().map(str::trim).and_then(|l| l.strip_prefix("pub fn ").or_else(|| l.strip_prefix("pub async fn "))).map(ident).unwrap_or_default();
            assert!(!f.is_empty(), "{SHELL_API}: a #[wasm_bindgen] item that is not a `pub fn` or `pub async fn`");
            assert!(entry_js.contains(&format!("core.{f}(")), "{SHELL_API}: `{f}` is exported by wasm but not by {ENTRY}");
        }
    }
    let observed = entry_js.split("const OBSERVED = [").nth(1).and_then(|s| s.split(']').next()).expect("OBSERVED in the entry");
    let attributes = quoted(observed, '\'');
    interfaces.insert("KineretWidgetAttributes", attributes.iter().map(|a| (a.clone(), None)).collect());

    // Events: every "kineret:…" literal in the Rust sources.
    let mut names = BTreeSet::new();
    let mut files = Vec::new();
    rs_files(&root().join("src"), &mut files);
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        for piece in text.split("\"kineret:").skip(1) {
            names.insert(format!("kineret:{}", piece.split('"').next().unwrap()));
        }
    }
    // Which detail each event carries (the Rust type it serializes). A new
    // event fails here until it is described.
    let details = BTreeMap::from([
        ("kineret:dose", "DoseOk"), // calculator.rs: api::plan_result
        ("kineret:injection-logged", "InjectionLogged"), // sites.rs: LogEntry::event_detail
        ("kineret:dose-prepared", "DosePrepared"), // storage.rs: checklist::DosePrepared
        ("kineret:update-accepted", "null"), // app.rs: JsValue::NULL
        ("kineret:ready", "WidgetReady"), // app.rs, core::attrs::Ready
    ]);
    let events = names
        .into_iter()
        .map(|e| {
            let d = details.get(e.as_str()).unwrap_or_else(|| panic!("event {e}: add its detail type to this test and the .d.ts"));
            (e, d.to_string())
        })
        .collect();

    Surface { interfaces, unions: unions(), functions, attributes, events }
}

fn rs_files(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn ident(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$')).unwrap_or(s.len());
    &s[..end]
}

/// Every `q`-quoted literal in `s`.
fn quoted(s: &str, q: char) -> BTreeSet<String> {
    s.split(q).skip(1).step_by(2).map(str::to_string).collect()
}

// --- the .d.ts -----------------------------------------------------------------

fn dts_union(dts: &str, name: &str) -> BTreeSet<String> {
    let start = dts.find(&format!("export type {name} =")).unwrap_or_else(|| panic!("{DTS}: no `export type {name}`"));
    let body = dts[start..].split(';').next().unwrap();
    quoted(body, '\'')
}

/// Fields of `export interface NAME { … }` (top level only): name → (optional, type).
fn dts_interface(dts: &str, name: &str) -> BTreeMap<String, (bool, String)> {
    let start = [format!("export interface {name} "), format!("export interface {name}{{")]
        .iter()
        .find_map(|p| dts.find(p.as_str()))
        .unwrap_or_else(|| panic!("{DTS}: no `export interface {name}`"));
    let mut fields = BTreeMap::new();
    let mut depth = 0i32;
    for line in dts[start..].lines() {
        let code = line.split("//").next().unwrap().trim();
        let at = depth;
        depth += code.matches('{').count() as i32 - code.matches('}').count() as i32;
        if at >= 1 && depth <= 0 {
            break;
        }
        if at == 1 && !code.starts_with('*') && !code.starts_with("/*") {
            let (field, rest) = if let Some(q) = code.strip_prefix('\'') {
                let end = q.find('\'').unwrap();
                (&q[..end], &q[end + 1..])
            } else {
                let id = ident(code);
                (id, &code[id.len()..])
            };
            let (optional, ty) = match (rest.strip_prefix("?:"), rest.strip_prefix(':')) {
                (Some(ty), _) => (true, ty),
                (None, Some(ty)) => (false, ty),
                _ => continue,
            };
            if !field.is_empty() {
                fields.insert(field.to_string(), (optional, ty.trim().trim_end_matches(';').to_string()));
            }
        }
    }
    fields
}

fn dts_functions(dts: &str) -> BTreeSet<String> {
    dts.lines()
        .filter_map(|l| l.strip_prefix("export declare function ").or_else(|| l.strip_prefix("export declare const ")))
        .map(|r| ident(r).to_string())
        .collect()
}

#[test]
fn dts_declares_exactly_the_code_surface() {
    let dts = read(DTS);
    let s = surface();
    let mut problems = Vec::new();

    for (name, values) in &s.unions {
        let declared = dts_union(&dts, name);
        if &declared != values {
            problems.push(format!(
                "type {name}: missing {:?}, extra {:?}",
                values.difference(&declared).collect::<Vec<_>>(),
                declared.difference(values).collect::<Vec<_>>()
            ));
        }
    }
    for (name, fields) in &s.interfaces {
        let declared = dts_interface(&dts, name);
        for (field, optional) in fields {
            match (declared.get(field), optional) {
                (None, _) => problems.push(format!("interface {name}: field `{field}` missing")),
                (Some((o, _)), Some(want)) if o != want => {
                    problems.push(format!("interface {name}: `{field}` must be {}", if *want { "optional (`?`)" } else { "required" }))
                }
                _ => {}
            }
        }
        for field in declared.keys().filter(|f| !fields.contains_key(*f)) {
            problems.push(format!("interface {name}: field `{field}` is not in the code"));
        }
    }
    let declared = dts_functions(&dts);
    if declared != s.functions {
        problems.push(format!("exports: the entry has {:?}, the .d.ts {:?}", s.functions, declared));
    }
    let map = dts_interface(&dts, "KineretWidgetEventMap");
    let declared: BTreeMap<String, String> = map
        .into_iter()
        .map(|(k, (_, ty))| (k, ty.trim_start_matches("CustomEvent<").trim_end_matches('>').to_string()))
        .collect();
    if declared != s.events {
        problems.push(format!("KineretWidgetEventMap: the code has {:?}, the .d.ts {declared:?}", s.events));
    }
    assert!(problems.is_empty(), "{DTS} is out of step with the code:\n  {}", problems.join("\n  "));
}

/// The values the .d.ts documents for `events-include-note` are exactly the
/// ones the element's parser (`EventNote::parse`) accepts, with their meaning.
#[test]
fn dts_events_include_note_values_match_the_parser() {
    let dts = read(DTS);
    let attrs = dts_interface(&dts, "KineretWidgetAttributes");
    let (_, ty) = attrs.get("events-include-note").expect("KineretWidgetAttributes: 'events-include-note'");
    let documented = quoted(ty, '\'');
    let candidates = ["", "true", "false", "events-include-note", "1", "0", "yes", "no", "on", "off", "include", "omit", "null"];
    for v in candidates {
        let parsed = EventNote::parse(v);
        assert_eq!(parsed.is_some(), documented.contains(v), "`{v}`: the parser says {parsed:?}, the .d.ts type is `{ty}`");
    }
    for v in &documented {
        let want = if v == "false" { EventNote::Omit } else { EventNote::Include };
        assert_eq!(EventNote::parse(v), Some(want), "documented value `{v}`");
        assert_eq!(EventNote::parse(&v.to_ascii_uppercase()), Some(want), "`{v}` in capitals (HTML attribute values are case-insensitive here)");
    }
}

// --- the snapshot --------------------------------------------------------------

/// One line per public name: what a host can rely on within a major version.
fn snapshot_lines(s: &Surface) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for f in &s.functions {
        out.insert(format!("export {f}"));
    }
    for a in &s.attributes {
        out.insert(format!("attribute {a}"));
    }
    for (e, detail) in &s.events {
        out.insert(format!("event {e}: {detail}"));
    }
    for (name, values) in &s.unions {
        for v in values {
            out.insert(format!("type {name} '{v}'"));
        }
    }
    for (name, fields) in &s.interfaces {
        for (field, optional) in fields {
            // A required result field becoming optional breaks a reader.
            let mark = if *optional == Some(true) { "?" } else { "" };
            out.insert(format!("field {name}.{field}{mark}"));
        }
    }
    out
}

/// Changes within one key are compatible: the major version, or for 0.x the
/// minor (Cargo's semver: 0.1 → 0.2 may break).
fn compat_key(version: &str) -> String {
    let mut parts = version.split('.');
    let major = parts.next().unwrap_or("0");
    if major == "0" {
        format!("0.{}", parts.next().unwrap_or("0"))
    } else {
        major.to_string()
    }
}

fn cargo_version() -> String {
    let toml = read("Cargo.toml");
    let line = toml.lines().find(|l| l.starts_with("version = ")).unwrap();
    line.trim_start_matches("version = ").trim_matches('"').to_string()
}

const HEADER: &str = "# The public JS contract of kineret-widget: exports, attributes, events, string\n\
# literals and fields. Generated by `make api` (tests/api_contract.rs); a line\n\
# may only disappear with a breaking version (CHANGELOG.md, \"What is a breaking change\").\n";

#[test]
fn api_snapshot_only_loses_names_on_a_breaking_version() {
    let version = cargo_version();
    let current = snapshot_lines(&surface());
    let path = root().join(SNAPSHOT);
    let text = fs::read_to_string(&path).unwrap_or_default();
    let old_version = text.lines().find_map(|l| l.strip_prefix("version ")).unwrap_or(&version).to_string();
    let old: BTreeSet<String> =
        text.lines().filter(|l| !l.starts_with('#') && !l.starts_with("version ") && !l.is_empty()).map(str::to_string).collect();

    let removed: Vec<&String> = old.difference(&current).collect();
    let added: Vec<&String> = current.difference(&old).collect();
    let breaking_allowed = compat_key(&old_version) != compat_key(&version);
    assert!(
        removed.is_empty() || breaking_allowed,
        "{SNAPSHOT}: these names disappeared but the version ({version}) is compatible with the snapshot's ({old_version}); \
         restore them or make a breaking release (CHANGELOG.md):\n  {}",
        removed.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n  ")
    );
    if std::env::var_os("UPDATE_API").is_some() {
        let body: String = current.iter().map(|l| format!("{l}\n")).collect();
        fs::write(&path, format!("{HEADER}version {version}\n{body}")).unwrap();
        return;
    }
    assert!(
        added.is_empty() && removed.is_empty(),
        "{SNAPSHOT} is stale (run `make api` and note the additions in CHANGELOG.md):\n  {}",
        added.iter().map(|s| format!("+ {s}")).chain(removed.iter().map(|s| format!("- {s}"))).collect::<Vec<_>>().join("\n  ")
    );
}

#[test]
fn compat_key_follows_cargo_semver() {
    assert_eq!(compat_key("0.1.0"), "0.1");
    assert_eq!(compat_key("0.1.9"), "0.1");
    assert_ne!(compat_key("0.1.0"), compat_key("0.2.0"));
    assert_eq!(compat_key("1.0.0"), compat_key("1.4.2"));
    assert_ne!(compat_key("1.4.2"), compat_key("2.0.0"));
}
