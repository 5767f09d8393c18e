//! One split point per view (docs/SIZE.md, "Split per view").
//!
//! Each view is reachable only through its loader, which returns a plain
//! `fn() -> Html` rendering it. With the `split` feature (the shipped build),
//! `#[wasm_split]` makes each loader async and wasm-split-cli moves
//! everything only that view uses (its components and rules) into the
//! view's own `.wasm` file, fetched the first time the loader runs; its texts
//! come from the language pack (shell/texts.rs). Without the feature
//! (`cargo test`, wasm-bindgen-test) the loaders are plain calls and every
//! view is ready at once.
//!
//! `LazyView` renders a view: at once when its code and texts are here, else
//! an empty status region that says "Loading…" only if they take longer than
//! [`SLOW_MS`] (no flash on a normal connection; for the page's first view
//! the whole frame stays invisible for up to `OPEN_MS`, so the widget
//! paints once, whole), and a message with a "Try again" button if a file cannot be
//! fetched (never a blank panel). `view="all"` prefetches the other tabs'
//! files when the browser is idle (their bytes only) and loads a tab on its
//! hover or focus.

use std::cell::RefCell;

use yew::prelude::*;

use crate::core::attrs::View;
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::ui::Ui;
use crate::shell::context::Env;
use crate::shell::split::{futures_join, LoadFailed};
use crate::shell::texts::{install, installed, Pack};

/// Renders a view; returned by the view's loader.
pub type ViewFn = fn() -> Html;

/// Declares a view's loader: a split point named `$split` when the `split`
/// feature is on. `fallible`: a failed fetch is an `Err`, not an abort, and
/// is not remembered, so "Try again" fetches anew. The loader also hands
/// over the view's stylesheet (shell/styles.rs), so its text is in the
/// view's module too.
macro_rules! view_loader {
    ($split:ident, $name:ident, $component:path, $slot:expr, $css:literal) => {
        #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split($split, fallible))]
        fn $name() -> Result<ViewFn, LoadFailed> {
            crate::shell::styles::register($slot, include_str!(concat!(env!("OUT_DIR"), "/", $css)));
            Ok(|| html! { <$component /> })
        }
    };
}

view_loader!(kw_calculator, load_calculator, crate::shell::components::calculator::Calculator, 0, "calculator.css");
view_loader!(kw_sites, load_sites, crate::shell::components::sites::Sites, 1, "sites.css");
view_loader!(kw_storage, load_storage, crate::shell::components::storage::StoragePrep, 2, "storage.css");
view_loader!(kw_safety, load_safety, crate::shell::components::safety::Safety, 3, "safety.css");

/// The view's place in the cache (`All` opens on the calculator).
fn slot(view: View) -> usize {
    match view {
        View::All | View::Calculator => 0,
        View::Sites => 1,
        View::Storage => 2,
        View::Safety => 3,
    }
}

thread_local! {
    /// The views whose code is here, shared by every widget on the page.
    static LOADED: RefCell<[Option<ViewFn>; 4]> = const { RefCell::new([None; 4]) };
    /// A widget frame has been shown on this page (a view, a loading notice
    /// or a failure): no load hides a frame after that (`kw-loading-first`).
    static REVEALED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The view's renderer if its code is already here.
pub fn loaded(view: View) -> Option<ViewFn> {
    #[cfg(not(feature = "split"))]
    {
        // Nothing to fetch: every view is in the one module.
        let f = match slot(view) {
            0 => load_calculator(),
            1 => load_sites(),
            2 => load_storage(),
            _ => load_safety(),
        };
        f.ok()
    }
    #[cfg(feature = "split")]
    {
        LOADED.with(|l| l.try_borrow().ok().and_then(|l| l[slot(view)]))
    }
}

/// Fetches the view's code (once; a failure is retried on the next call).
pub async fn load(view: View) -> Result<ViewFn, LoadFailed> {
    if let Some(f) = loaded(view) {
        return Ok(f);
    }
    #[cfg(feature = "split")]
    let f = match slot(view) {
        0 => load_calculator().await,
        1 => load_sites().await,
        2 => load_storage().await,
        _ => load_safety().await,
    }?;
    #[cfg(not(feature = "split"))]
    let f = loaded(view).ok_or(LoadFailed)?;
    LOADED.with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            l[slot(view)] = Some(f);
        }
    });
    Ok(f)
}

/// Starts fetching a view the user is likely to open next (tab hovered or
/// focused, or the browser idle after the first view), with its texts in
/// `lang`; errors are left for the real load to show.
pub fn prefetch(view: View, lang: Lang) {
    if loaded(view).is_none() || !installed(Pack::of(view), lang) {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = futures_join(load(view), install(Pack::of(view), lang)).await;
        });
    }
}

/// Prefetches `views` once the browser is idle (a timer where
/// `requestIdleCallback` is missing, as in WebKit), one view per idle
/// period, so no prefetch is a long task on the main thread (docs/SIZE.md,
/// "Lighthouse and main-thread work"): through the entry, only the view's
/// files into the HTTP cache (`rel=prefetch`: nothing compiled or run for a
/// tab nobody opens; hovering, focusing or opening it loads it from the
/// cache). Without the entry (a host mounting the widget itself) or
/// `rel=prefetch` (WebKit), the view is loaded.
pub fn prefetch_when_idle(mut views: Vec<View>, lang: Lang, host: Option<web_sys::HtmlElement>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    views.retain(|v| loaded(*v).is_none() || !installed(Pack::of(*v), lang));
    if views.is_empty() {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let run = Closure::once_into_js(move || {
        let view = views.remove(0);
        let fetched = host.as_ref().and_then(|h| {
            let f = js_sys::Reflect::get(h, &js_sys::Symbol::for_("kineret-widget.prefetch")).ok()?;
            let prefetch = f.dyn_into::<js_sys::Function>().ok()?;
            // `false`: this browser cannot prefetch (WebKit); load instead.
            prefetch.call2(h, &view.code().into(), &lang.code().into()).ok()?.as_bool()
        }) == Some(true);
        if fetched {
            prefetch_when_idle(views, lang, host);
        } else {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = futures_join(load(view), install(Pack::of(view), lang)).await;
                prefetch_when_idle(views, lang, host);
            });
        }
    });
    let callback: &js_sys::Function = run.unchecked_ref();
    if window.request_idle_callback(callback).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback, IDLE_FALLBACK_MS);
    }
}

/// Without `requestIdleCallback`: prefetch this long after the first view.
const IDLE_FALLBACK_MS: i32 = 1500;

/// How long the loading state stays empty before it says "Loading…".
pub const SLOW_MS: u32 = 400;

#[derive(Properties, PartialEq)]
pub struct LazyViewProps {
    pub view: View,
    /// Fetched when idle once this view is shown (`view="all"`: the other tabs).
    #[prop_or_default]
    pub then_prefetch: Vec<View>,
    /// Called once the view is on screen (after the render that shows it).
    #[prop_or_default]
    pub on_shown: Callback<View>,
}

/// How long a load has been waiting: `Quiet` (the page's first view keeps
/// the frame invisible), `Open` (the frame and an empty status region show,
/// [`OPEN_MS`]), `Slow` (the region says "Loading…", [`SLOW_MS`]). The
/// region is exposed before its text arrives, so screen readers announce it.
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Quiet,
    Open,
    Slow,
}

/// When a quiet load shows the frame, before the loading text.
const OPEN_MS: u32 = SLOW_MS - 100;

#[derive(Clone, Copy)]
enum State {
    Waiting(Phase),
    Failed,
    Ready(ViewFn),
}

enum LoadStep {
    Start,
    Wait(Phase),
    Done(Result<ViewFn, LoadFailed>),
}

/// The view's load, as a reducer: a late "slow" tick never hides a view that
/// arrived, and a result always wins.
struct Load(State);

impl Reducible for Load {
    type Action = LoadStep;
    fn reduce(self: std::rc::Rc<Self>, step: LoadStep) -> std::rc::Rc<Self> {
        std::rc::Rc::new(Load(match (step, self.0) {
            (LoadStep::Start, _) => State::Waiting(Phase::Quiet),
            // Phases only move forward (a late timer never goes back).
            (LoadStep::Wait(next), State::Waiting(now)) => State::Waiting(if now == Phase::Slow { now } else { next }),
            (LoadStep::Wait(_), other) => other,
            (LoadStep::Done(Ok(f)), _) => State::Ready(f),
            // A late failure (an earlier attempt) never hides a view that
            // arrived meanwhile.
            (LoadStep::Done(Err(LoadFailed)), State::Ready(f)) => State::Ready(f),
            (LoadStep::Done(Err(LoadFailed)), _) => State::Failed,
        }))
    }
}

#[function_component(LazyView)]
pub fn lazy_view(props: &LazyViewProps) -> Html {
    let env = use_context::<Env>().unwrap_or_default();
    let want = env.lang;
    let view = props.view;
    let pack = Pack::of(view);
    // The calculator with `remember` also needs its saved inputs' code
    // (shell/services/remember.rs), so they are on its first render.
    let remember = slot(view) == 0 && env.remember;
    let extra_here = move || !remember || crate::shell::services::remember::here().is_some();
    let state = use_reducer(|| {
        Load(match loaded(view) {
            Some(f) if installed(pack, want) && extra_here() => State::Ready(f),
            _ => State::Waiting(Phase::Quiet),
        })
    });
    // The language the view is shown in: after a live `lang` change it
    // stays the old one until the new one's texts are here (the view keeps
    // its state; no text is ever missing).
    let shown = use_state(|| want);
    // Bumped by "Try again": runs the load effect anew.
    let attempt = use_state(|| 0u32);
    // The language last asked for: a pack that arrives after the user moved
    // on (en → es → en) must not switch the view to a language nobody wants.
    let latest = use_mut_ref(|| want);
    *latest.borrow_mut() = want;
    // The last language change could not fetch its texts (shown, with a retry).
    let lang_failed = use_state(|| false);
    {
        let dispatch = state.dispatcher();
        let shown = shown.clone();
        let lang_failed = lang_failed.clone();
        let showing = matches!(state.0, State::Ready(_));
        // Already showing this view in this language (the usual mount: the
        // initial state found it here): nothing to change, no extra render.
        // (The renderer shown must be this view's: app.rs keys each LazyView
        // by its view, but a new view must never settle on an old renderer.)
        let this_view = matches!(state.0, State::Ready(f) if loaded(view).is_some_and(|g| std::ptr::fn_addr_eq(f, g)));
        let settled = this_view && *shown == want && !*lang_failed;
        let latest = latest.clone();
        use_effect_with((view, want, *attempt), move |_| {
            let current = move || *latest.borrow() == want;
            let mut timer = None;
            match loaded(view) {
                Some(_) if settled && installed(pack, want) => {}
                Some(f) if installed(pack, want) && extra_here() => {
                    shown.set(want);
                    lang_failed.set(false);
                    dispatch.dispatch(LoadStep::Done(Ok(f)));
                }
                Some(_) if showing => {
                    // A language change: keep showing the old language.
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = install(pack, want).await;
                        if current() {
                            lang_failed.set(result.is_err());
                            if result.is_ok() {
                                shown.set(want);
                            }
                        }
                    });
                }
                _ => {
                    dispatch.dispatch(LoadStep::Start);
                    let (open, slow) = (dispatch.clone(), dispatch.clone());
                    timer = Some((
                        gloo::timers::callback::Timeout::new(OPEN_MS, move || open.dispatch(LoadStep::Wait(Phase::Open))),
                        gloo::timers::callback::Timeout::new(SLOW_MS, move || slow.dispatch(LoadStep::Wait(Phase::Slow))),
                    ));
                    wasm_bindgen_futures::spawn_local(async move {
                        // The view's code, its texts and (the calculator
                        // with `remember`) its saved inputs' code, together.
                        let extra = async move {
                            if remember {
                                crate::shell::services::remember::fetch().await.map(|_| ())
                            } else {
                                Ok(())
                            }
                        };
                        let (code, (texts, extra)) = futures_join(load(view), futures_join(install(pack, want), extra)).await;
                        let done = texts.and(extra).and(code);
                        if !current() {
                            return; // the effect for the newer language decides
                        }
                        if done.is_ok() {
                            shown.set(want);
                        }
                        dispatch.dispatch(LoadStep::Done(done));
                    });
                }
            }
            move || drop(timer)
        });
    }
    {
        let ready = matches!(state.0, State::Ready(_));
        let next = props.then_prefetch.clone();
        let host = env.host.clone();
        let on_shown = props.on_shown.clone();
        use_effect_with(ready, move |ready| {
            if *ready {
                on_shown.emit(view);
                if !next.is_empty() {
                    prefetch_when_idle(next, want, host);
                }
            }
        });
    }
    let lang = want;
    let name = Ui::tab(view).tr(lang);
    match state.0 {
        State::Ready(render) => {
            REVEALED.with(|s| s.set(true));
            // The view's sheet, before its markup reaches the DOM.
            crate::shell::styles::adopt(slot(view), env.host.as_ref());
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_| attempt.set(attempt.wrapping_add(1)))
            };
            let env = Env { lang: *shown, ..env };
            html! {
                <>
                    if *lang_failed && *shown != lang {
                        <div class="kw-notice kw-caution kw-load-failed" role="alert">
                            <p>{ Ui::LangLoadFailed.tr(lang) }</p>
                            <button type="button" class="kw-button" onclick={retry}>{ Ui::ViewRetry.tr(lang) }</button>
                        </div>
                    }
                    <ContextProvider<Env> context={env}>{ render() }</ContextProvider<Env>>
                </>
            }
        }
        // The page's first view, loading and quiet: the frame stays
        // invisible (00-base.css), so on a normal connection the widget
        // paints once, whole (no empty frame, no layout shift when the view
        // arrives). After OPEN_MS, or once any frame on the page showed, the
        // frame shows.
        State::Waiting(Phase::Quiet) if *attempt == 0 && !REVEALED.with(|s| s.get()) => html! {
            <div class="kw-loading kw-loading-first" role="status" aria-live="polite"></div>
        },
        State::Waiting(phase) => {
            REVEALED.with(|s| s.set(true));
            html! {
                <div class="kw-loading" role="status" aria-live="polite">
                    if phase == Phase::Slow { <p>{ fill(Ui::ViewLoading.tr(lang), &[("view", name)]) }</p> }
                </div>
            }
        }
        State::Failed => {
            REVEALED.with(|s| s.set(true));
            let onclick = {
                let attempt = attempt.clone();
                Callback::from(move |_| attempt.set(attempt.wrapping_add(1)))
            };
            html! {
                <div class="kw-notice kw-caution kw-load-failed" role="alert">
                    <p>{ fill(Ui::ViewLoadFailed.tr(lang), &[("view", name)]) }</p>
                    <button type="button" class="kw-button" {onclick}>{ Ui::ViewRetry.tr(lang) }</button>
                </div>
            }
        }
    }
}

