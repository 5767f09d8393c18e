//! A bare Yew counter: the size and start-up baseline for `make bench`.
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[function_component(Counter)]
fn counter() -> Html {
    let n = use_state(|| 0);
    let onclick = {
        let n = n.clone();
        Callback::from(move |_| n.set(*n + 1))
    };
    html! { <button id="count" {onclick}>{ *n }</button> }
}

#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    yew::Renderer::<Counter>::with_root(root).render();
}
