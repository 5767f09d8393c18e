//! The embed layer: the JS custom element (www/kineret-widget.js) calls
//! `mount` once its shadow root exists, `refresh` when an observed attribute
//! changes, and `destroy` when the element leaves the document.

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};
use yew::AppHandle;

use crate::core::attrs::{parse_or_default, Region, Units, View};
use crate::core::i18n::Lang;
use crate::shell::app::{App, AppProps};

#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<App>>,
    host: HtmlElement,
    props: AppProps,
}

/// Reads the host's attributes. An unknown value falls back to the default
/// with one `console.warn` per change, never a blank widget.
fn read_props(host: &HtmlElement, previous: Option<&AppProps>) -> AppProps {
    fn attr<T: Default + PartialEq + Copy>(
        host: &HtmlElement,
        name: &str,
        parse: fn(&str) -> Option<T>,
        previous: Option<T>,
    ) -> T {
        let raw = host.get_attribute(name);
        let parsed = parse_or_default(raw.as_deref(), parse);
        if parsed.rejected && previous != Some(parsed.value) {
            gloo::console::warn!(format!(
                "kineret-widget: unknown {name}=\"{}\"; using the default",
                raw.unwrap_or_default()
            ));
        }
        parsed.value
    }
    AppProps {
        lang: attr(host, "lang", Lang::parse, previous.map(|p| p.lang)),
        view: attr(host, "view", View::parse, previous.map(|p| p.view)),
        region: attr(host, "region", Region::parse, previous.map(|p| p.region)),
        units: attr(host, "units", Units::parse, previous.map(|p| p.units)),
        remember: host.has_attribute("remember"),
        update_available: host.has_attribute("update-available"),
        host: host.clone(),
    }
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Re-reads the attributes and re-renders if anything changed.
    pub fn refresh(&mut self) {
        let props = read_props(&self.host, Some(&self.props));
        if props != self.props {
            self.props = props.clone();
            if let Some(app) = self.app.as_mut() {
                app.update(props);
            }
        }
    }

    /// Tears the Yew app down; the handle is inert afterwards.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts a widget into `container` (inside the host's shadow root).
#[wasm_bindgen]
pub fn mount(host: HtmlElement, container: Element) -> WidgetHandle {
    let props = read_props(&host, None);
    let app = yew::Renderer::<App>::with_root_and_props(container, props.clone()).render();
    WidgetHandle { app: Some(app), host, props }
}
