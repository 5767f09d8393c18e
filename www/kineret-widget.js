// <kineret-widget>: the embed entry (an ES module with a stable name).
// `make dist` fills the three __PLACEHOLDERS__ with the content-hashed glue,
// wasm and the widget's CSS. Everything else is in Rust (src/shell).
import init, * as core from './__GLUE__';

const VERSION = '__VERSION__';
const CSS = __CSS__;
// The wasm modules each view needs besides the main one, per language: its
// code and its texts (make dist reads them from the split loader;
// docs/SIZE.md). `view="all"` opens on the calculator; the other tabs are
// fetched when idle or hovered (Rust side).
const VIEWS = __VIEWS__;
// The calculator's `remember` code (src/shell/services/remember.rs), which
// a widget with `remember` loads with the calculator.
const REMEMBER = __REMEMBER__;

// Starts fetching a view's modules as soon as an element asks for it, in
// parallel with the main module: the split loader's own fetch then finds
// them in the preload cache. Once per file per page; a
// `<link rel="preload">` per file in the page's <head> (README, Hosting).
// `rel`: 'preload' for the view an element shows; 'prefetch' for the tabs
// fetched when the page is idle (bytes into the HTTP cache only: nothing is
// compiled or run until the tab is hovered, focused or opened, so the page
// does no main-thread work for views nobody opened).
const preloaded = new Set(); // `${rel} ${href}`
function preloadView(view, lang, rel = 'preload', remember = false) {
  const shown = VIEWS[view] && view !== 'api' ? view : 'calculator';
  const byLang = VIEWS[shown];
  if (!byLang) return; // a build without split points (make bench's baseline)
  for (const file of [...(byLang[lang] || byLang.en), ...(remember && shown === 'calculator' ? REMEMBER : [])]) {
    const href = new URL('./' + file, import.meta.url).href;
    if (preloaded.has(`${rel} ${href}`)) continue;
    preloaded.add(`${rel} ${href}`);
    // The page may hint it already (the app's index.html does).
    if ([...document.querySelectorAll('link[rel=preload]')].some((l) => l.href === href)) continue;
    const link = document.createElement('link');
    link.rel = rel;
    link.as = 'fetch';
    link.type = 'application/wasm';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.append(link);
  }
}
// How the Rust side asks for an idle prefetch (src/shell/lazy.rs). WebKit
// has no `rel=prefetch`: the method says so and Rust loads the views instead.
const PREFETCH = Symbol.for('kineret-widget.prefetch');
const CAN_PREFETCH = document.createElement('link').relList?.supports?.('prefetch') === true;

// Copies of Ui::WasmFailed (src/core/ui.rs); a native test checks they match.
const FALLBACK = {
  en: 'The Kineret companion could not start in this browser. Please ask your pharmacist or provider for dosing and injection information.',
  es: 'El asistente de Kineret no pudo iniciarse en este navegador. Pida información sobre la dosis y la inyección a su farmacéutico(a) o profesional de la salud.',
};

/** Resolves once the WebAssembly module is instantiated. */
export const ready = init({ module_or_path: new URL('./__WASM__', import.meta.url) }).then(() => undefined);
ready.catch((e) => console.error('kineret-widget: WebAssembly could not load', e));

/** The widget's version (semver), available before `ready`. */
export function version() {
  return VERSION;
}

/** Dose for one request; see README "Headless API". Never throws for bad input. */
export async function calculateDose(request) {
  await ready;
  return core.calculate_dose(request);
}

/** Cockcroft–Gault creatinine clearance (adults). */
export async function estimateCrCl(request) {
  await ready;
  return core.estimate_crcl(request);
}

/** Bedside Schwartz eGFR (children). */
export async function estimateEgfrSchwartz(request) {
  await ready;
  return core.estimate_egfr_schwartz(request);
}

let sheet = null;
function styles() {
  // One constructable stylesheet shared by every instance: no <style>
  // element, so a page whose CSP has no 'unsafe-inline' still works.
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

const OBSERVED = ['lang', 'view', 'region', 'units', 'remember', 'update-available', 'events-include-note'];

class KineretWidget extends HTMLElement {
  [PREFETCH](view, lang) {
    if (CAN_PREFETCH) preloadView(view, lang, 'prefetch');
    return CAN_PREFETCH;
  }

  static get observedAttributes() {
    return OBSERVED;
  }

  #handle = null;
  #container = null;
  #generation = 0;

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [styles()];
      this.#container = document.createElement('div');
      this.#container.className = 'kw-host';
      root.append(this.#container);
    }
    const generation = ++this.#generation;
    if (!this.#handle) {
      // After the current task's microtasks: a host (a framework) may set
      // `lang` or `view` just after inserting the element.
      queueMicrotask(() => {
        if (generation !== this.#generation || !this.isConnected) return;
        const attr = (name) => (this.getAttribute(name) || '').trim().toLowerCase();
        // As Lang::parse (src/core/i18n.rs) reads it.
        preloadView(attr('view'), ['es', 'es-es', 'es-mx', 'es-us'].includes(attr('lang')) ? 'es' : 'en', 'preload', this.hasAttribute('remember'));
      });
    }
    ready.then(
      () => {
        if (generation !== this.#generation || !this.isConnected || this.#handle) return;
        try {
          this.#handle = core.mount(this, this.#container);
        } catch (e) {
          console.error('kineret-widget: could not start', e);
          this.#fallback();
        }
      },
      () => this.#fallback(),
    );
  }

  disconnectedCallback() {
    const generation = ++this.#generation;
    // A move within the document disconnects and reconnects in one task:
    // keep the app alive in that case, tear it down only if really removed.
    queueMicrotask(() => {
      if (generation !== this.#generation || this.isConnected || !this.#handle) return;
      this.#handle.destroy();
      this.#handle.free();
      this.#handle = null;
    });
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (this.#handle && oldValue !== newValue) this.#handle.refresh();
  }

  // WebAssembly blocked or unsupported: show the host's own fallback content
  // (the element's children) or, if it has none, a readable default message.
  #fallback() {
    const box = this.#container;
    if (!box) return;
    box.replaceChildren();
    box.setAttribute('role', 'status');
    const slot = document.createElement('slot');
    const lang = (this.getAttribute('lang') || '').toLowerCase().startsWith('es') ? 'es' : 'en';
    const p = document.createElement('p');
    p.className = 'kw-fallback';
    p.textContent = FALLBACK[lang];
    slot.append(p);
    box.append(slot);
  }
}

if (customElements.get('kineret-widget')) {
  console.warn('kineret-widget: another <kineret-widget> definition is already on this page; keeping it');
} else {
  customElements.define('kineret-widget', KineretWidget);
}
