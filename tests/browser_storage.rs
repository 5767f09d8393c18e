//! Component tests of the storage-and-preparation view in headless Chromium
//! (`make test-wasm`), mounted through the same `mount` entry the custom
//! element uses, with `view="storage"`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

mod common;

use common::browser::{all, mount_ready, until, Fixture};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh `view="storage"` widget on empty storage (runs persist between
/// mounts), once its checklist steps are rendered.
async fn widget(attrs: &[(&str, &str)]) -> Fixture {
    let mut all_attrs = vec![("view", "storage")];
    all_attrs.extend_from_slice(attrs);
    mount_ready(&all_attrs, ".kw-ck-steps input[type=checkbox]").await
}

fn present(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

fn label_of(root: &Element, input: &Element) -> String {
    let id = input.id();
    one(root, &format!("label[for='{id}']")).text_content().unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    one(root, selector).dyn_into::<HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
async fn steps_render_as_labelled_checkboxes_in_order() {
    let f = widget(&[]).await;
    let boxes = all(&f.host, ".kw-ck-steps input[type=checkbox]");
    // Nine steps without a partial dose (PREP-PARTIAL's step is only for a
    // partial syringe); "liquid inspected" is a pair of radios instead of a box.
    assert_eq!(boxes.len(), 8);
    let labels: Vec<String> = boxes.iter().map(|b| label_of(&f.host, b)).collect();
    assert!(labels[0].starts_with("Expiration date checked"), "{labels:?}");
    assert!(labels[1].contains("taken out of the refrigerator"));
    assert!(labels[2].contains("30 minutes"));
    assert!(labels[3].starts_with("Hands washed"));
    assert!(labels[4].starts_with("Injection site chosen"));
    assert!(labels[7].contains("thrown away"));
    for b in &boxes {
        let input: HtmlInputElement = b.clone().dyn_into().unwrap();
        assert!(!input.checked() && !input.disabled());
    }
    let radios = all(&f.host, ".kw-ck-inspect input[type=radio]");
    assert_eq!(radios.len(), 2);
    assert!(label_of(&f.host, &radios[0]).contains("a few small translucent-to-white particles are normal"));
    assert!(label_of(&f.host, &radios[1]).starts_with("Cloudy"));
    // The site step shows a suggestion from the (empty) site log.
    assert!(one(&f.host, ".kw-ck-info").text_content().unwrap_or_default().starts_with("Suggested site:"));
}

#[wasm_bindgen_test]
async fn cloudy_inspection_stops_the_run() {
    let f = widget(&[]).await;
    assert!(f.host.query_selector(".kw-ck-stop").unwrap().is_none());
    click(&f.host, "#kw-ck-insp-bad");
    until("the stop box", || present(&f.host, ".kw-ck-stop")).await;
    let stop = one(&f.host, ".kw-ck-stop");
    assert_eq!(stop.get_attribute("role").as_deref(), Some("alert"));
    let text = stop.text_content().unwrap_or_default();
    for w in ["do not use this syringe", "Ask your pharmacist or healthcare provider", "Source: US PI 16"] {
        assert!(text.contains(w), "{w} missing in {text}");
    }
    // Under the step that caused it (step 4), focused, nothing at the bottom.
    let steps = all(&f.host, ".kw-ck-steps > li");
    assert!(steps[3].contains(Some(&stop)), "the stop box is not in step 4");
    let focused = || web_sys::window().unwrap().document().unwrap().active_element().map(|e| e.id());
    until("the stop box to take focus", || focused().as_deref() == Some("kw-ck-stop")).await;
    assert!(all(&f.host, ".kw-ck-end > *").is_empty());
    // Steps 5–9 do not apply; every step is disabled; a new dose can be started.
    for (i, li) in steps.iter().enumerate() {
        let na = li.get_attribute("class").unwrap_or_default().contains("kw-ck-na");
        assert_eq!(na, i >= 4, "step {}", i + 1);
        if na {
            assert!(li.text_content().unwrap_or_default().contains("Not applicable: this syringe must not be used (step 4)."));
        }
    }
    let first: HtmlInputElement = one(&f.host, "#kw-ck-expiry").dyn_into().unwrap();
    assert!(first.disabled());
    let new_run = all(&stop, "button");
    assert_eq!(new_run.len(), 1);
    assert_eq!(new_run[0].text_content().as_deref(), Some("Start a new dose"));
    new_run[0].clone().dyn_into::<HtmlElement>().unwrap().click();
    until("the stop box to go", || !present(&f.host, ".kw-ck-stop")).await;
    assert!(f.host.query_selector(".kw-ck-na").unwrap().is_none());
    let first: HtmlInputElement = one(&f.host, "#kw-ck-expiry").dyn_into().unwrap();
    assert!(!first.disabled());
}

#[wasm_bindgen_test]
async fn early_laid_flat_is_refused_with_a_described_error() {
    let f = widget(&[]).await;
    click(&f.host, "#kw-ck-out");
    let timer = || f.host.query_selector("[role=timer]").unwrap().and_then(|t| t.text_content()).unwrap_or_default();
    until("the warm-up countdown", || timer().contains("left")).await;
    click(&f.host, "#kw-ck-flat");
    let described = || {
        let id = f.host.query_selector("#kw-ck-flat").unwrap()?.get_attribute("aria-describedby")?;
        f.host.query_selector(&format!("#{id}")).unwrap()?.text_content()
    };
    until("the refusal on the laid-flat step", || described().is_some_and(|t| t.contains("30 minutes"))).await;
    let flat: HtmlInputElement = one(&f.host, "#kw-ck-flat").dyn_into().unwrap();
    assert!(!flat.checked(), "the refused tick must not stay checked");
    let err_id = flat.get_attribute("aria-describedby").expect("aria-describedby");
    let err = one(&f.host, &format!("#{err_id}")).text_content().unwrap_or_default();
    assert!(err.contains("30 minutes"), "{err}");
    // The stored run keeps the warm-up start, not a countdown.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let runs = || -> Vec<String> {
        (0..storage.length().unwrap())
            .filter_map(|i| storage.key(i).unwrap())
            .filter(|k| k.starts_with("kineret-widget/v1/checklist/run/"))
            .filter_map(|k| storage.get_item(&k).unwrap())
            .collect()
    };
    until("the run to be saved", || !runs().is_empty()).await;
    for v in runs() {
        assert!(v.contains("\"outOfFridgeMs\":"), "{v}");
    }
}

#[wasm_bindgen_test]
async fn units_attribute_and_region_change_the_storage_text() {
    let f = widget(&[("units", "c"), ("region", "eu"), ("lang", "es")]).await;
    let card = one(&f.host, ".kw-st-card").text_content().unwrap_or_default();
    assert!(card.contains("2–8 °C"), "{card}");
    assert!(card.contains("UE"), "{card}");
    // Region eu cites the EU label, never the US one.
    assert!(card.contains("Fuente: EU PL 5"), "{card}");
    assert!(!card.contains("US PI"), "{card}");
    let g = widget(&[("units", "f")]).await;
    let card = one(&g.host, ".kw-st-card").text_content().unwrap_or_default();
    assert!(card.contains("36–46 °F"));
    assert!(card.contains("Source: US PI 16; EU PL 5"), "{card}");
}

#[wasm_bindgen_test]
async fn an_impossible_temperature_is_refused_on_its_field() {
    let f = widget(&[("units", "f")]).await;
    click(&f.host, "#kw-mh-out");
    until("the mishap form", || present(&f.host, "#kw-mh-hours") && present(&f.host, "#kw-mh-temp")).await;
    for (id, v) in [("#kw-mh-hours", "2"), ("#kw-mh-temp", "-500")] {
        let input: HtmlInputElement = one(&f.host, id).dyn_into().unwrap();
        input.set_value(v);
        let init = web_sys::InputEventInit::new();
        init.set_bubbles(true);
        input.dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    }
    // Yew handles the input events, then the submit, in order.
    click(&f.host, ".kw-mh button[type=submit]");
    let err = || f.host.query_selector("#kw-mh-temp-err").unwrap().and_then(|e| e.text_content()).unwrap_or_default();
    until("the temperature refusal", || err().contains("absolute zero")).await;
    let temp = one(&f.host, "#kw-mh-temp");
    assert_eq!(temp.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(one(&f.host, "#kw-mh-temp-err").text_content().unwrap_or_default().contains("absolute zero"));
    assert_eq!(one(&f.host, ".kw-mh-result").text_content().unwrap_or_default(), "");
}
