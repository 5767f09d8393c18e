//! WAI-ARIA tabs: roving tabindex, arrow keys, Home/End, automatic activation.

use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::core::attrs::View;
use crate::core::i18n::{Lang, Translate};
use crate::core::ui::Ui;

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub lang: Lang,
    pub tabs: Vec<View>,
    pub selected: View,
    pub on_select: Callback<View>,
}

/// Index reached from `current` by a key, if the key moves between tabs.
fn target_index(key: &str, current: usize, len: usize) -> Option<usize> {
    match key {
        "ArrowRight" | "ArrowDown" => Some((current + 1) % len),
        "ArrowLeft" | "ArrowUp" => Some((current + len - 1) % len),
        "Home" => Some(0),
        "End" => Some(len - 1),
        _ => None,
    }
}

#[function_component(Tabs)]
pub fn tabs(props: &TabsProps) -> Html {
    let refs = use_memo(props.tabs.len(), |n| (0..*n).map(|_| NodeRef::default()).collect::<Vec<_>>());
    let current = props.tabs.iter().position(|t| *t == props.selected).unwrap_or(0);
    let onkeydown = {
        let tabs = props.tabs.clone();
        let refs = refs.clone();
        let on_select = props.on_select.clone();
        Callback::from(move |e: KeyboardEvent| {
            if tabs.is_empty() {
                return;
            }
            if let Some(i) = target_index(&e.key(), current, tabs.len()) {
                e.prevent_default();
                on_select.emit(tabs[i]);
                if let Some(el) = refs.get(i).and_then(|r| r.cast::<HtmlElement>()) {
                    let _ = el.focus();
                }
            }
        })
    };
    html! {
        <div class="kw-tabs" role="tablist" aria-label={Ui::TabsLabel.tr(props.lang)} onkeydown={onkeydown}>
            { for props.tabs.iter().enumerate().map(|(i, view)| {
                let view = *view;
                let active = view == props.selected;
                let onclick = props.on_select.reform(move |_| view);
                // A hovered or focused tab is likely next: fetch its code now.
                let lang = props.lang;
                let onpointerenter = Callback::from(move |_: PointerEvent| crate::shell::lazy::prefetch(view, lang));
                let onfocus = Callback::from(move |_: FocusEvent| crate::shell::lazy::prefetch(view, lang));
                html! {
                    <button type="button" role="tab" class="kw-tab"
                        id={format!("kw-tab-{}", view.code())}
                        aria-selected={if active { "true" } else { "false" }}
                        aria-controls={format!("kw-panel-{}", view.code())}
                        tabindex={if active { "0" } else { "-1" }}
                        ref={refs.get(i).cloned().unwrap_or_default()}
                        {onclick} {onpointerenter} {onfocus}>
                        { Ui::tab(view).tr(props.lang) }
                    </button>
                }
            }) }
        </div>
    }
}
