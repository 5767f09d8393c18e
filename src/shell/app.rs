//! The root component: frame, tabs (for `view="all"`) and the active view.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::core::attrs::{EventNote, Ready, Region, Units, View};
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::ui::Ui;
use crate::shell::hooks::use_data_revision::use_data_revision;
use crate::shell::services::files::download;
use crate::shell::services::storage::{with_repo, DELETED_EVENT};
use crate::shell::components::tabs::Tabs;
use crate::shell::components::delete_all::DeleteAll;
use crate::shell::lazy::LazyView;
use crate::shell::context::{Env, LastDoseCtx};

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub lang: Lang,
    pub view: View,
    pub region: Region,
    /// Temperature unit forced by the `units` attribute (else the locale's).
    pub units: Units,
    pub remember: bool,
    /// `events-include-note`: the injection-logged event carries the note.
    pub event_note: EventNote,
    /// Set by the installed app's page (www/app.js) when a new version waits.
    pub update_available: bool,
    /// The `<kineret-widget>` element: events are dispatched on it.
    pub host: HtmlElement,
}

/// The view, loaded on demand (shell/lazy.rs); `fresh` is in its key: a new
/// value (after "Delete all my data") mounts it anew, so nothing deleted
/// stays in its memory. `then_prefetch`: the tabs fetched once it is shown;
/// `on_shown`: called each time it is shown.
fn view_body(view: View, fresh: u32, then_prefetch: Vec<View>, on_shown: Callback<View>) -> Html {
    let key = format!("{}-{fresh}", view.code());
    html! { <LazyView {key} {view} {then_prefetch} {on_shown} /> }
}

/// "Update available — reload": "Reload" dispatches `kineret:update-accepted`
/// (the page activates the new version and reloads); "Not now" removes the
/// host's `update-available` attribute, so the banner goes and the running
/// version keeps working.
fn update_banner(lang: Lang, host: &HtmlElement) -> Html {
    let accept = {
        let host = host.clone();
        Callback::from(move |_| crate::shell::events::emit_value(&host, "kineret:update-accepted", &wasm_bindgen::JsValue::NULL))
    };
    let later = {
        let host = host.clone();
        Callback::from(move |_| {
            let _ = host.remove_attribute("update-available");
        })
    };
    html! {
        <div class="kw-notice kw-update" role="status">
            <p>{ Ui::UpdateAvailable.tr(lang) }</p>
            <button type="button" class="kw-button" onclick={accept}>{ Ui::UpdateReload.tr(lang) }</button>
            <button type="button" class="kw-button kw-secondary" onclick={later}>{ Ui::UpdateLater.tr(lang) }</button>
        </div>
    }
}

/// Set-aside (quarantined) data is never dropped: when there is some, the
/// frame offers every stored item, set-aside ones included, as one JSON file.
fn set_aside_download(lang: Lang, count: usize) -> Html {
    let onclick = Callback::from(|_| {
        let json = with_repo(|r| r.export_all_json().ok()).flatten();
        if let Some(json) = json {
            let _ = download("kineret-widget-backup.json", "application/json", &json);
        }
    });
    html! {
        <div class="kw-notice kw-caution kw-set-aside" role="status">
            <p>{ fill(Ui::SetAside.tr(lang), &[("count", &count.to_string())]) }</p>
            <button type="button" class="kw-button kw-secondary" {onclick}>{ Ui::SetAsideDownload.tr(lang) }</button>
        </div>
    }
}

/// The views' key (see [`view_body`]): one more per "Delete all my data".
#[derive(Default, PartialEq)]
struct Fresh(u32);

impl Reducible for Fresh {
    type Action = ();
    fn reduce(self: std::rc::Rc<Self>, _: ()) -> std::rc::Rc<Self> {
        std::rc::Rc::new(Fresh(self.0.wrapping_add(1)))
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let selected = use_state(|| View::Calculator);
    // Counted after rendering: a view loads its data (and sets aside what
    // cannot be read) when it is first rendered, so recount per tab too.
    let revision = use_data_revision();
    let set_aside = use_state(|| 0usize);
    {
        let set_aside = set_aside.clone();
        use_effect_with((revision, *selected), move |_| {
            let n = with_repo(|r| r.quarantined_items().map_or(0, |v| v.len())).unwrap_or(0);
            set_aside.set(n);
        });
    }
    // Grows when the user deleted all their data (in any instance). A
    // reducer, not `use_state`: the listener's handle would deref to the
    // value it was created with, so a second deletion would not remount.
    let fresh = use_reducer(Fresh::default);
    let last_dose: LastDoseCtx = use_state(|| None);
    {
        let (fresh, last_dose) = (fresh.dispatcher(), last_dose.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, DELETED_EVENT, move |_| {
                    // The calculator's last dose is deleted data too: the
                    // other views must not keep using it.
                    last_dose.set(None);
                    fresh.dispatch(());
                })
            });
            move || drop(listener)
        });
    }
    // `kineret:ready`, once per mount (an element removed and inserted
    // again mounts anew): the first view is on screen (README, Events; the
    // installed app registers its worker then, www/app.js).
    let on_shown = {
        let announced = use_mut_ref(|| false);
        use_callback(props.host.clone(), move |view: View, host| {
            if !announced.replace(true) {
                crate::shell::events::emit(host, "kineret:ready", &Ready { view: view.code() });
            }
        })
    };
    let lang = props.lang;
    let env = Env { lang, region: props.region, units: props.units, remember: props.remember,
        events_include_note: props.event_note == EventNote::Include, host: Some(props.host.clone()) };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |v: View| selected.set(v))
    };
    let body = if props.view == View::All {
        html! {
            <>
                <Tabs lang={lang} tabs={View::TABS.to_vec()} selected={*selected} on_select={on_select} />
                <div class="kw-panel" role="tabpanel" id={format!("kw-panel-{}", selected.code())}
                     aria-labelledby={format!("kw-tab-{}", selected.code())} tabindex="0">
                    { view_body(*selected, fresh.0, View::TABS.iter().copied().filter(|v| v != &*selected).collect(), on_shown.clone()) }
                </div>
            </>
        }
    } else {
        html! { <div class="kw-panel">{ view_body(props.view, fresh.0, Vec::new(), on_shown) }</div> }
    };
    html! {
        <ContextProvider<Env> context={env}>
          <ContextProvider<LastDoseCtx> context={last_dose}>
            <div class="kw-app" lang={lang.code()}>
                if props.update_available { { update_banner(lang, &props.host) } }
                <header class="kw-header">
                    <h2 class="kw-title">{ Ui::AppTitle.tr(lang) }</h2>
                    <p class="kw-subtitle">{ Ui::AppSubtitle.tr(lang) }</p>
                </header>
                { body }
                if *set_aside > 0 { { set_aside_download(lang, *set_aside) } }
                <footer class="kw-footer">
                    <DeleteAll lang={lang} />
                    <p>{ Ui::Disclaimer.tr(lang) }</p>
                    <p class="kw-version">{ fill(Ui::Version.tr(lang), &[("version", crate::VERSION)]) }</p>
                </footer>
            </div>
          </ContextProvider<LastDoseCtx>>
        </ContextProvider<Env>>
    }
}
