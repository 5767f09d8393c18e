//! Re-entrancy: host scripts that call back into the widget while it is
//! writing must never panic the one wasm instance every widget on the page
//! shares, and what the user entered is saved. Host patterns: a wrapper
//! around `Storage.prototype.setItem` (consent managers and analytics do
//! this) that reacts synchronously to each write — typing into another
//! widget, and pressing a control whose handler goes straight into the
//! repository (`with_repo`) while the write still holds it — and a listener
//! on a `kineret:*` event that drives another widget at once.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, InputEvent, InputEventInit};

mod common;

use common::browser::{mount_ready, rendered, until, Fixture};
use kineret_widget::shell::services::storage::with_repo;

wasm_bindgen_test_configure!(run_in_browser);

fn one(f: &Fixture, selector: &str) -> Element {
    f.host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

fn click(f: &Fixture, selector: &str) {
    one(f, selector).dyn_into::<HtmlElement>().unwrap().click();
}

fn eval(js: &str) -> JsValue {
    js_sys::eval(js).unwrap()
}

fn stored(key_part: &str) -> Vec<(String, String)> {
    let s = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.contains(key_part))
        .map(|k| {
            let v = s.get_item(&k).unwrap().unwrap_or_default();
            (k, v)
        })
        .collect()
}

/// What the sites view renders once it is up (its zone buttons).
const SITES_READY: &str = "g[data-a=zone][role=button]";
/// What the safety view renders once it is up (its start-date field).
const SAFETY_READY: &str = "#kw-sf-start";

fn errors() -> Vec<String> {
    let list: js_sys::Array = eval("window.__kwErrors").dyn_into().unwrap();
    list.iter().filter_map(|v| v.as_string()).collect()
}

/// A bubbling, cancelable Enter `keydown` (how a zone of the body map is chosen).
fn enter() -> web_sys::Event {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    init.set_cancelable(true);
    web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap().into()
}

/// Host callbacks during writes that reach the widget through Yew (input
/// events, the reducer, the deferred `data-changed` event): none of them
/// touches the repository while the write holds it (renders and effects wait
/// for the scheduler), so this one cannot catch a `with_repo` that panics on
/// re-entry; `a_repository_call_from_inside_a_write_is_refused_as_busy` does.
#[wasm_bindgen_test]
async fn host_scripts_calling_back_during_a_write_neither_panic_nor_lose_data() {
    let sites = mount_ready(&[("view", "sites")], SITES_READY).await;
    let safety_a = mount_ready(&[("view", "safety")], SAFETY_READY).await;
    let safety_b = mount_ready(&[("view", "safety")], SAFETY_READY).await;
    for (i, f) in [&sites, &safety_a, &safety_b].iter().enumerate() {
        f.host.set_id(&format!("kw-reentry-{i}"));
    }
    // Uncaught errors (a trap of the wasm instance surfaces as one).
    eval("window.__kwErrors = []; window.addEventListener('error', (e) => window.__kwErrors.push(String(e.message)));");
    // The host's storage wrapper: on the widget's first safety write it
    // announces the change and, synchronously, types another date into the
    // second safety widget (its input handler runs inside our write).
    eval(
        r#"(() => {
        const orig = Storage.prototype.setItem;
        window.__kwWrites = 0;
        window.__kwReentered = 0;
        Storage.prototype.setItem = function (k, v) {
          orig.call(this, k, v);
          window.__kwWrites++;
          window.dispatchEvent(new Event('kineret-widget:data-changed'));
          if (String(k).includes('safety') && !window.__kwReentered) {
            window.__kwReentered++;
            const b = document.getElementById('kw-reentry-2').querySelector('#kw-sf-start');
            b.value = '2999-02-20';
            b.dispatchEvent(new InputEvent('input', { bubbles: true }));
          }
        };
        window.__kwRestoreSetItem = () => { Storage.prototype.setItem = orig; };
      })()"#,
    );
    // A host listener on the widget's event drives the first safety widget
    // while the sites widget is still handling the click.
    eval(
        r#"window.__kwDetails = [];
        document.addEventListener('kineret:injection-logged', (e) => {
          window.__kwDetails.push(e.detail);
          window.dispatchEvent(new Event('kineret-widget:data-changed'));
          const a = document.getElementById('kw-reentry-1').querySelector('#kw-sf-start');
          a.value = '2999-01-15';
          a.dispatchEvent(new InputEvent('input', { bubbles: true }));
        });"#,
    );

    // The user logs an injection with a note.
    one(&sites, "g[data-a=zone][data-v=thigh-left]").dispatch_event(&enter()).unwrap();
    until("the log form", || sites.host.query_selector("#kw-log-note").unwrap().is_some()).await;
    let note = one(&sites, "#kw-log-note");
    js_sys::Reflect::set(&note, &"value".into(), &"private words".into()).unwrap();
    let init = InputEventInit::new();
    init.set_bubbles(true);
    note.dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    rendered().await;
    click(&sites, "[data-a=log]");

    // The entry, safety A's date (written inside the listener's turn) and
    // safety B's date (typed by the host inside A's write) are all saved.
    until("the injection to be saved", || stored("/sites/entry/").len() == 1).await;
    until("safety B's date to be saved last", || {
        stored("safety/monitoring").first().is_some_and(|(_, v)| v.contains("2999-02-20"))
    })
    .await;
    let reentered = eval("window.__kwReentered").as_f64();
    assert_eq!(reentered, Some(1.0), "the host never called back during a write");
    assert!(eval("window.__kwWrites").as_f64().unwrap_or(0.0) >= 3.0);
    // Both safety views still work and show what they hold.
    let a = one(&safety_a, "#kw-sf-start");
    assert_eq!(js_sys::Reflect::get(&a, &"value".into()).unwrap().as_string().as_deref(), Some("2999-01-15"));
    // The event carried no note (no `events-include-note` on the element).
    let details: js_sys::Array = eval("window.__kwDetails").dyn_into().unwrap();
    assert_eq!(details.length(), 1);
    let d = details.get(0);
    assert_eq!(js_sys::Reflect::get(&d, &"zone".into()).unwrap().as_string().as_deref(), Some("thigh-left"));
    assert!(!js_sys::Reflect::has(&d, &"note".into()).unwrap(), "the note reached the host page");
    assert!(stored("/sites/entry/")[0].1.contains("private words"), "the note itself is saved");

    // Still alive afterwards: Undo in the sites widget removes the entry.
    eval("window.__kwRestoreSetItem()");
    click(&sites, "#kw-logged [data-a=undo]");
    until("undo to remove the entry", || stored("/sites/entry/").is_empty()).await;
    assert_eq!(errors(), Vec::<String>::new());
}

#[wasm_bindgen_test]
async fn the_note_reaches_the_event_only_with_events_include_note() {
    let f = mount_ready(&[("view", "sites"), ("events-include-note", "")], SITES_READY).await;
    f.host.set_id("kw-reentry-note");
    eval(
        r#"window.__kwNoteDetails = [];
        document.getElementById('kw-reentry-note').addEventListener('kineret:injection-logged', (e) => window.__kwNoteDetails.push(e.detail));"#,
    );
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    one(&f, "g[data-a=zone][data-v=thigh-right]")
        .dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
        .unwrap();
    until("the log form", || f.host.query_selector("#kw-log-note").unwrap().is_some()).await;
    let note = one(&f, "#kw-log-note");
    js_sys::Reflect::set(&note, &"value".into(), &"shared on purpose".into()).unwrap();
    let init = InputEventInit::new();
    init.set_bubbles(true);
    note.dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    rendered().await;
    click(&f, "[data-a=log]");
    until("the event", || eval("window.__kwNoteDetails.length").as_f64() == Some(1.0)).await;
    let d = eval("window.__kwNoteDetails[0]");
    assert_eq!(js_sys::Reflect::get(&d, &"note".into()).unwrap().as_string().as_deref(), Some("shared on purpose"));
}

/// The guard itself: a `with_repo` inside a `with_repo` (what a host
/// callback during a write amounts to) gets `None`, not a panic.
#[wasm_bindgen_test]
fn nested_with_repo_is_busy_not_a_panic() {
    assert_eq!(with_repo(|_| with_repo(|_| ())), Some(None));
    // Released afterwards.
    assert_eq!(with_repo(|_| ()), Some(()));
}

/// True re-entry: while the sites widget is inside `with_repo` writing the
/// injection, the host's `setItem` wrapper presses another widget's "Yes,
/// delete all my data", whose click handler goes straight into `with_repo`.
/// The repository is busy: the delete reports it failed (nothing deleted),
/// the injection is saved, nothing traps, and a later delete works.
#[wasm_bindgen_test]
async fn a_repository_call_from_inside_a_write_is_refused_as_busy() {
    let sites = mount_ready(&[("view", "sites")], SITES_READY).await;
    let safety = mount_ready(&[("view", "safety")], SAFETY_READY).await;
    safety.host.set_id("kw-reentry-delete");
    eval("window.__kwErrors = []; window.addEventListener('error', (e) => window.__kwErrors.push(String(e.message)));");
    // The safety widget's confirmation is open, "Yes, delete all my data" ready.
    click(&safety, ".kw-delete-all > button");
    until("the delete confirmation", || safety.host.query_selector(YES).unwrap().is_some()).await;
    eval(&format!(
        r#"(() => {{
        const orig = Storage.prototype.setItem;
        window.__kwDeleteReentered = 0;
        window.__kwReentryThrew = [];
        Storage.prototype.setItem = function (k, v) {{
          orig.call(this, k, v);
          if (String(k).includes('/sites/entry/') && !window.__kwDeleteReentered) {{
            window.__kwDeleteReentered++;
            try {{
              document.getElementById('kw-reentry-delete').querySelector('{YES}').click();
            }} catch (e) {{ window.__kwReentryThrew.push(String(e)); }}
          }}
        }};
        window.__kwRestoreSetItem2 = () => {{ Storage.prototype.setItem = orig; }};
      }})()"#
    ));

    // The user logs an injection: its save (an effect, inside `with_repo`)
    // calls setItem, and the host's wrapper presses "Yes" right then.
    one(&sites, "g[data-a=zone][data-v=abdomen-left]").dispatch_event(&enter()).unwrap();
    until("the log form", || sites.host.query_selector("[data-a=log]").unwrap().is_some()).await;
    click(&sites, "[data-a=log]");

    let said = || safety.host.query_selector(".kw-delete-all-said").unwrap().and_then(|e| e.text_content()).unwrap_or_default();
    until("the re-entered delete to report it failed", || said().contains("could not be deleted")).await;
    eval("window.__kwRestoreSetItem2()");
    assert_eq!(eval("window.__kwDeleteReentered").as_f64(), Some(1.0), "the host never called back during a write");
    let threw: js_sys::Array = eval("window.__kwReentryThrew").dyn_into().unwrap();
    assert_eq!(threw.length(), 0);
    // Nothing lost: the injection written around the refused delete is stored.
    until("the injection to be saved", || stored("/sites/entry/").len() == 1).await;
    assert!(stored("/sites/entry/")[0].1.contains("abdomen-left"), "{:?}", stored("/sites/entry/"));
    assert_eq!(errors(), Vec::<String>::new(), "a panic traps the wasm instance");

    // Still alive: asked again (no write under way), the delete works.
    click(&safety, ".kw-delete-all > button");
    until("the delete confirmation again", || safety.host.query_selector(YES).unwrap().is_some()).await;
    click(&safety, YES);
    until("the delete to succeed", || said().contains("was deleted")).await;
    assert!(stored("/sites/entry/").is_empty());
    assert_eq!(errors(), Vec::<String>::new());
}

/// The footer's "Yes, delete all my data" while its confirmation is open.
const YES: &str = ".kw-delete-all [role=group] button.kw-danger";
