//! Re-entrancy: host scripts that call back into the widget while it is
//! writing must never panic the one wasm instance every widget on the page
//! shares, and what the user entered is saved. Two host patterns: a wrapper
//! around `Storage.prototype.setItem` (consent managers and analytics do
//! this) that reacts synchronously to each write, and a listener on a
//! `kineret:*` event that drives another widget at once.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, InputEvent, InputEventInit};

mod common;

use common::browser::{mount_widget, wait, Fixture};

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

/// Polls `cond` every 20 ms, up to 5 s.
async fn until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..250 {
        if cond() {
            return;
        }
        wait(20).await;
    }
    panic!("timed out waiting for {what}");
}

fn errors() -> Vec<String> {
    let list: js_sys::Array = eval("window.__kwErrors").dyn_into().unwrap();
    list.iter().filter_map(|v| v.as_string()).collect()
}

#[wasm_bindgen_test]
async fn host_scripts_calling_back_during_a_write_neither_panic_nor_lose_data() {
    let sites = mount_widget(&[("view", "sites")], 100).await;
    let safety_a = mount_widget(&[("view", "safety")], 100).await;
    let safety_b = mount_widget(&[("view", "safety")], 100).await;
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
    one(&sites, "g[data-a=zone][data-v=thigh-left]").dispatch_event(&{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Enter");
        init.set_bubbles(true);
        init.set_cancelable(true);
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap().into()
    }).unwrap();
    wait(50).await;
    let note = one(&sites, "#kw-log-note");
    js_sys::Reflect::set(&note, &"value".into(), &"private words".into()).unwrap();
    let init = InputEventInit::new();
    init.set_bubbles(true);
    note.dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    wait(50).await;
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
    let f = mount_widget(&[("view", "sites"), ("events-include-note", "")], 100).await;
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
    wait(50).await;
    let note = one(&f, "#kw-log-note");
    js_sys::Reflect::set(&note, &"value".into(), &"shared on purpose".into()).unwrap();
    let init = InputEventInit::new();
    init.set_bubbles(true);
    note.dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    wait(50).await;
    click(&f, "[data-a=log]");
    until("the event", || eval("window.__kwNoteDetails.length").as_f64() == Some(1.0)).await;
    let d = eval("window.__kwNoteDetails[0]");
    assert_eq!(js_sys::Reflect::get(&d, &"note".into()).unwrap().as_string().as_deref(), Some("shared on purpose"));
}
