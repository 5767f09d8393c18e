//! Each view's stylesheet travels with the view's code (docs/SIZE.md,
//! "Split per view"): the entry adopts only the frame's (`00-base.css`), and
//! a view's loader (shell/lazy.rs) hands over its own, minified by build.rs
//! from `www/styles/NN-<view>.css`. With the `split` feature that text is
//! in the view's `.wasm` file, so a page downloads the CSS of the views it
//! shows and no other (tests/module_graph.rs checks that each view's sheet
//! styles only that view's markup).
//!
//! One constructable stylesheet per view, shared by every widget on the
//! page, added to a widget's shadow root the first time it renders that
//! view, before the view's markup reaches the DOM (no unstyled flash). A
//! constructable stylesheet needs no `<style>` element, so a strict CSP
//! (no 'unsafe-inline') still allows it, as it does the entry's.

use std::cell::RefCell;

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// Per view slot (shell/lazy.rs): its CSS once its loader ran, and its
    /// sheet once made.
    static SHEETS: RefCell<[(Option<&'static str>, Option<JsValue>); 4]> = const { RefCell::new([(None, None), (None, None), (None, None), (None, None)]) };
}

/// Records the view's CSS (called by its loader, from the view's module).
pub fn register(slot: usize, css: &'static str) {
    SHEETS.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            if let Some(entry) = s.get_mut(slot) {
                entry.0 = Some(css);
            }
        }
    });
}

/// The view's sheet, made once per page.
fn sheet(slot: usize) -> Option<JsValue> {
    SHEETS.with(|s| {
        let mut s = s.try_borrow_mut().ok()?;
        let (css, sheet) = s.get_mut(slot)?;
        if sheet.is_none() {
            let made = web_sys::CssStyleSheet::new().ok()?;
            made.replace_sync((*css)?).ok()?;
            *sheet = Some(made.into());
        }
        sheet.clone()
    })
}

/// Adds the view's sheet to the widget's stylesheets (its shadow root's;
/// the document's for a widget mounted without one), once, at the end. A browser
/// without constructable stylesheets, or any other failure, leaves the view
/// unstyled but working: the frame's own sheet is already there.
pub fn adopt(slot: usize, host: Option<&web_sys::HtmlElement>) {
    let Some(sheet) = sheet(slot) else { return };
    let root: JsValue = match host.and_then(|h| h.shadow_root()) {
        Some(root) => root.into(),
        None => match web_sys::window().and_then(|w| w.document()) {
            Some(doc) => doc.into(),
            None => return,
        },
    };
    let Ok(list) = Reflect::get(&root, &JsValue::from_str("adoptedStyleSheets")) else { return };
    let Some(list) = list.dyn_ref::<Array>() else { return };
    if list.includes(&sheet, 0) {
        return;
    }
    // Appended: after the frame's sheet (the entry's, first) and any view's
    // adopted before. A new array: the property takes a whole list.
    let next = Array::from(list);
    next.push(&sheet);
    let _ = Reflect::set(&root, &JsValue::from_str("adoptedStyleSheets"), &next);
}
