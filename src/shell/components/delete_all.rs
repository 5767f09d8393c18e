//! "Delete all my data": one control in the frame's footer that removes
//! everything the widget stored on this device (every feature's records and
//! the set-aside items: `Repo::delete_all`, the storage module's own key
//! prefix, never a list kept here), after an in-widget confirmation. Every
//! instance on the page then starts afresh (`notify_deleted`), and the
//! outcome is announced in a status region that is always in the DOM.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::core::i18n::{Lang, Translate};
use crate::core::ui::Ui;
use crate::shell::services::storage::{notify_changed, notify_deleted, with_repo};

#[derive(Properties, PartialEq)]
pub struct DeleteAllProps {
    pub lang: Lang,
}

#[function_component(DeleteAll)]
pub fn delete_all(props: &DeleteAllProps) -> Html {
    let lang = props.lang;
    let confirming = use_state(|| false);
    // What the status region says: nothing yet, deleted, or failed.
    let said = use_state(|| None::<Ui>);
    let trigger = use_node_ref();
    let cancel = use_node_ref();
    // After a press, focus moves to the control that replaced the pressed
    // one (never on first render: the host page's focus is not taken).
    let moved = use_mut_ref(|| false);
    {
        let (trigger, cancel, moved) = (trigger.clone(), cancel.clone(), moved.clone());
        use_effect_with(*confirming, move |open| {
            if std::mem::take(&mut *moved.borrow_mut()) {
                let target = if *open { &cancel } else { &trigger };
                if let Some(el) = target.cast::<HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let ask = {
        let (confirming, said, moved) = (confirming.clone(), said.clone(), moved.clone());
        Callback::from(move |_: MouseEvent| {
            *moved.borrow_mut() = true;
            said.set(None);
            confirming.set(true);
        })
    };
    let no = {
        let (confirming, moved) = (confirming.clone(), moved.clone());
        Callback::from(move |_: MouseEvent| {
            *moved.borrow_mut() = true;
            confirming.set(false);
        })
    };
    let yes = {
        let (confirming, said) = (confirming.clone(), said.clone());
        Callback::from(move |_: MouseEvent| {
            *moved.borrow_mut() = true;
            // `None`: the repository was busy; nothing was deleted.
            let ok = matches!(with_repo(|r| r.delete_all()), Some(Ok(_)));
            notify_changed();
            if ok {
                notify_deleted();
            }
            said.set(Some(if ok { Ui::DeleteAllDone } else { Ui::DeleteAllFailed }));
            confirming.set(false);
        })
    };
    html! {
        <div class="kw-delete-all">
            if *confirming {
                <div class="kw-notice kw-danger" role="group" aria-labelledby="kw-delete-all-q">
                    <p id="kw-delete-all-q"><strong>{ Ui::DeleteAllQuestion.tr(lang) }</strong></p>
                    <div class="kw-row">
                        <button type="button" class="kw-button kw-danger" onclick={yes}>{ Ui::DeleteAllYes.tr(lang) }</button>
                        <button type="button" class="kw-button kw-secondary" onclick={no} ref={cancel}>{ Ui::DeleteAllCancel.tr(lang) }</button>
                    </div>
                </div>
            } else {
                <button type="button" class="kw-button kw-secondary kw-danger" onclick={ask} ref={trigger}>{ Ui::DeleteAll.tr(lang) }</button>
            }
            <p class="kw-delete-all-said" role="status">{ said.map(|m| m.tr(lang)).unwrap_or_default() }</p>
        </div>
    }
}
