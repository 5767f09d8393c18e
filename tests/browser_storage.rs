//! Component tests of the storage-and-preparation view in headless Chromium
//! (`make test-wasm`), mounted through the same `mount` entry the custom
//! element uses, with `view="storage"`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

mod common;

use common::browser::{all, mount_widget, wait, Fixture};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    wait(30).await;
}

/// A fresh `view="storage"` widget on empty storage (runs persist between mounts).
async fn widget(attrs: &[(&str, &str)]) -> Fixture {
    let mut all_attrs = vec![("view", "storage")];
    all_attrs.extend_from_slice(attrs);
    mount_widget(&all_attrs, 30).await
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
    // Nine steps; "liquid inspected" is a pair of radios instead of a box.
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
    settle().await;
    let stop = one(&f.host, ".kw-ck-stop");
    assert_eq!(stop.get_attribute("role").as_deref(), Some("alert"));
    let text = stop.text_content().unwrap_or_default();
    for w in ["do not use this syringe", "pharmacy", "pharmacist or healthcare provider", "new syringe", "Source: US PI 16"] {
        assert!(text.contains(w), "{w} missing in {text}");
    }
    // The run is closed: the steps are disabled, a new dose can be started.
    let first: HtmlInputElement = one(&f.host, "#kw-ck-expiry").dyn_into().unwrap();
    assert!(first.disabled());
    let new_run = all(&f.host, ".kw-ck-end button");
    assert_eq!(new_run.len(), 1);
    assert_eq!(new_run[0].text_content().as_deref(), Some("Start a new dose"));
    new_run[0].clone().dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    assert!(f.host.query_selector(".kw-ck-stop").unwrap().is_none());
    let first: HtmlInputElement = one(&f.host, "#kw-ck-expiry").dyn_into().unwrap();
    assert!(!first.disabled());
}

#[wasm_bindgen_test]
async fn early_laid_flat_is_refused_with_a_described_error() {
    let f = widget(&[]).await;
    click(&f.host, "#kw-ck-out");
    settle().await;
    assert!(one(&f.host, "[role=timer]").text_content().unwrap_or_default().contains("left"));
    click(&f.host, "#kw-ck-flat");
    settle().await;
    let flat: HtmlInputElement = one(&f.host, "#kw-ck-flat").dyn_into().unwrap();
    assert!(!flat.checked(), "the refused tick must not stay checked");
    let err_id = flat.get_attribute("aria-describedby").expect("aria-describedby");
    let err = one(&f.host, &format!("#{err_id}")).text_content().unwrap_or_default();
    assert!(err.contains("30 minutes"), "{err}");
    // The stored run keeps the warm-up start, not a countdown.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let mut found = false;
    for i in 0..storage.length().unwrap() {
        let key = storage.key(i).unwrap().unwrap_or_default();
        if key.starts_with("kineret-widget/v1/checklist/run/") {
            let v = storage.get_item(&key).unwrap().unwrap_or_default();
            assert!(v.contains("\"outOfFridgeMs\":"), "{v}");
            found = true;
        }
    }
    assert!(found, "the run was not saved");
}

#[wasm_bindgen_test]
async fn units_attribute_and_region_change_the_storage_text() {
    let f = widget(&[("units", "c"), ("region", "eu"), ("lang", "es")]).await;
    let card = one(&f.host, ".kw-st-card").text_content().unwrap_or_default();
    assert!(card.contains("2–8 °C"), "{card}");
    assert!(card.contains("UE"), "{card}");
    let g = widget(&[("units", "f")]).await;
    assert!(one(&g.host, ".kw-st-card").text_content().unwrap_or_default().contains("36–46 °F"));
}
