// Helpers for the engines suite (Firefox ESR through geckodriver, WebKitGTK's
// MiniBrowser through WebKitWebDriver), on selenium-webdriver's WebDriver
// classic API. The widget renders in an open shadow root: elements are found
// there by script (by label, role and name, as the Playwright specs do) and
// returned as WebElements, then driven with real WebDriver input (click,
// typing), never by setting values from script.
import { By, Key } from 'selenium-webdriver';

export const TIMEOUT = 15_000;

/** A matcher the page can evaluate: a string matches as a substring, a RegExp as itself. */
function matcher(m) {
  if (m instanceof RegExp) return { re: m.source, flags: m.flags };
  if (m && typeof m === 'object' && 'exact' in m) return m;
  return { has: String(m) };
}

// In-page finder: arguments = [host selector, how, what, matcher, index].
const FIND = `
const [hostSel, how, what, m, index] = arguments;
const host = document.querySelector(hostSel);
if (!host) return null;
const root = host.shadowRoot || host;
const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
const byId = (id) => root.querySelector('#' + CSS.escape(id));
const test = (s) => !m ? true : m.re !== undefined ? new RegExp(m.re, m.flags).test(s)
  : m.exact !== undefined ? s === m.exact : s.includes(m.has);
const label = (el) => {
  const by = el.getAttribute('aria-labelledby');
  if (by) return norm(by.split(/\\s+/).map((id) => byId(id)?.textContent ?? '').join(' '));
  if (el.getAttribute('aria-label')) return norm(el.getAttribute('aria-label'));
  if (el.labels && el.labels.length) return norm([...el.labels].map((l) => l.textContent).join(' '));
  return '';
};
const visible = (el) => el.getClientRects().length > 0 && !el.closest('[hidden]');
const ROLES = {
  button: 'button,[role=button]', tab: '[role=tab]', radio: 'input[type=radio],[role=radio]',
  checkbox: 'input[type=checkbox],[role=checkbox]', link: 'a[href]', img: '[role=img]',
  status: '[role=status]', alert: '[role=alert]', heading: 'h1,h2,h3,h4,h5,h6', timer: '[role=timer]',
};
let found;
if (how === 'css') found = [...root.querySelectorAll(what)].filter((el) => test(norm(el.textContent)));
else if (how === 'label') found = [...root.querySelectorAll('input,select,textarea')].filter((el) => test(label(el)));
else found = [...root.querySelectorAll(ROLES[how])].filter((el) => test(label(el) || norm(el.textContent)));
const shown = found.filter(visible);
return (shown.length ? shown : found)[index || 0] || null;
`;

/** One <kineret-widget> on the current page. */
export class Widget {
  constructor(driver, host = 'kineret-widget') {
    this.driver = driver;
    this.host = host;
  }

  /** Waits until `fn` returns a truthy value; returns it. */
  async until(fn, what) {
    let last;
    try {
      return await this.driver.wait(async () => {
        try {
          return await fn();
        } catch (e) {
          last = e;
          return false;
        }
      }, TIMEOUT);
    } catch {
      throw new Error(`timed out waiting for ${what}${last ? ` (${last.message.split('\n')[0]})` : ''}`);
    }
  }

  async find(how, what, m, index = 0) {
    return this.driver.executeScript(FIND, this.host, how, what, m === undefined ? null : matcher(m), index);
  }

  /** The first element matching, waited for. */
  async get(how, what, m, index = 0) {
    const desc = `${this.host} ${how}${what ? ` ${what}` : ''}${m !== undefined ? ` ${m instanceof RegExp ? m : JSON.stringify(m)}` : ''}`;
    return this.until(() => this.find(how, what, m, index), desc);
  }

  css(selector, text, index) { return this.get('css', selector, text, index); }
  label(m, index) { return this.get('label', null, m, index); }
  role(role, m, index) { return this.get(role, null, m, index); }

  /** Whether an element matches now (no wait). */
  async has(how, what, m) { return Boolean(await this.find(how, what, m)); }

  async count(selector) {
    return this.driver.executeScript(
      'const h = document.querySelector(arguments[0]); return h ? (h.shadowRoot || h).querySelectorAll(arguments[1]).length : -1;',
      this.host, selector);
  }

  async waitCount(selector, n) {
    return this.until(async () => (await this.count(selector)) === n, `${n} × ${selector}`);
  }

  /** Text of the first element matching `selector` (whitespace collapsed). */
  async text(selector) {
    return this.driver.executeScript(
      `const h = document.querySelector(arguments[0]); const el = h && (h.shadowRoot || h).querySelector(arguments[1]);
       return el ? el.textContent.replace(/\\s+/g, ' ').trim() : null;`, this.host, selector);
  }

  /** Waits until the text of `selector` equals a string or matches a RegExp. */
  async waitText(selector, expected) {
    let seen;
    try {
      return await this.until(async () => {
        seen = await this.text(selector);
        return seen !== null && (expected instanceof RegExp ? expected.test(seen) : seen === expected) && seen;
      }, selector);
    } catch {
      throw new Error(`${selector}: expected ${expected}, got ${JSON.stringify(seen)}`);
    }
  }

  /** Waits until the text of `selector` contains `part`. */
  async waitContains(selector, part) {
    let seen;
    try {
      return await this.until(async () => {
        seen = await this.text(selector);
        return seen !== null && seen.includes(part) && seen;
      }, selector);
    } catch {
      throw new Error(`${selector}: expected to contain ${JSON.stringify(part)}, got ${JSON.stringify(seen && seen.slice(0, 300))}`);
    }
  }

  async waitAttr(el, name, value) {
    let seen;
    try {
      return await this.until(async () => (seen = await el.getAttribute(name)) === value, `${name}=${value}`);
    } catch {
      throw new Error(`attribute ${name}: expected ${JSON.stringify(value)}, got ${JSON.stringify(seen)}`);
    }
  }

  /** Sets attributes on the host element (the embedding page's API). */
  async attrs(a) {
    await this.driver.executeScript(
      'const el = document.querySelector(arguments[0]); for (const [k, v] of Object.entries(arguments[1])) el.setAttribute(k, v);',
      this.host, a);
  }

  // --- input, through WebDriver -----------------------------------------
  /** Clicks `el` where a user would. An SVG group (a zone of the body map)
   *  has no box of its own for WebDriver's interactability check (geckodriver:
   *  "could not be scrolled into view"; WebKitWebDriver: not interactable), so
   *  the shape drawn at its centre, inside it, is clicked: the click bubbles
   *  to the group as a user's would. */
  async click(el) {
    const target = await this.driver.executeScript(`const el = arguments[0];
      el.scrollIntoView({ block: 'center' });
      if (!(el instanceof SVGGElement)) return el;
      const r = el.getBoundingClientRect();
      const hit = el.getRootNode().elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return hit && el.contains(hit) && hit !== el ? hit : el;`, el);
    await target.click();
  }

  /** Replaces a text field's value by typing. */
  async fill(el, value) {
    await el.clear();
    if (value !== '') await el.sendKeys(value);
    const got = await el.getAttribute('value');
    if (got !== value) throw new Error(`field holds ${JSON.stringify(got)} after typing ${JSON.stringify(value)}`);
  }

  /** Types a date (YYYY-MM-DD) into a date field as a user would: the ISO
   *  text where the field takes it (Firefox), else month, day and year, each
   *  segment left with Tab (WebKitGTK's segmented field, US order). */
  async fillDate(el, iso) {
    const [y, m, d] = iso.split('-');
    await this.typeFirstOf(el, iso, [[iso], [m, Key.TAB, d, Key.TAB, y]]);
  }

  /** Types a time (HH:MM, 24-hour) the same way: as is, else in segments,
   *  24-hour or 12-hour with AM/PM as the browser's locale shows it. */
  async fillTime(el, hhmm) {
    const [h, m] = hhmm.split(':');
    const h12 = String(Number(h) % 12 || 12).padStart(2, '0');
    await this.typeFirstOf(el, hhmm, [[hhmm], [h, Key.TAB, m], [h12, Key.TAB, m, Key.TAB, Number(h) < 12 ? 'AM' : 'PM']]);
  }

  async typeFirstOf(el, value, ways) {
    const seen = [];
    for (const keys of ways) {
      await el.clear();
      await el.sendKeys(...keys);
      const got = await el.getAttribute('value');
      if (got === value) return;
      seen.push(`${keys.join('').replace(/[\ue000-\uf8ff]/g, '⇥')} -> ${JSON.stringify(got)}`);
    }
    throw new Error(`could not type ${value}: ${seen.join(', ')}`);
  }

  async select(el, value) {
    const option = await el.findElement(By.css(`option[value="${value}"]`));
    await option.click();
    const got = await el.getAttribute('value');
    if (got !== value) throw new Error(`select holds ${JSON.stringify(got)}, not ${value}`);
  }

  async check(el) {
    if (!(await el.isSelected())) await el.click();
    await this.until(() => el.isSelected(), 'checked');
  }
}

/** Per-page helpers: navigation on the suite's server, captured downloads, problems. */
export class Page {
  constructor(driver, base) {
    this.driver = driver;
    this.base = base;
  }

  widget(host) { return new Widget(this.driver, host); }

  /** Opens `path` on empty storage and waits for `count` rendered widgets. */
  async open(path = '/', count = 1, { clear = true } = {}) {
    if (clear) {
      await this.driver.get(`${this.base}blank.html`);
      await this.driver.executeScript('localStorage.clear(); sessionStorage.clear();');
    }
    await this.driver.get(this.base + path.replace(/^\//, ''));
    if (count) await this.ready(count);
  }

  /** Waits for `count` widgets on screen: rendered, and their frame
   *  visible. While a page's first view loads, the frame is rendered but
   *  invisible (00-base.css, `.kw-loading-first`): nothing in it can be
   *  clicked yet, by a user or by WebDriver. */
  async ready(count = 1) {
    await new Widget(this.driver).until(async () => (await this.driver.executeScript(
      `return [...document.querySelectorAll('kineret-widget')].filter((w) => {
        const app = w.shadowRoot && w.shadowRoot.querySelector('.kw-app');
        return app && getComputedStyle(app).visibility === 'visible';
      }).length`)) === count, `${count} widget(s) on screen`);
  }

  async reload(count = 1) {
    await this.driver.navigate().refresh();
    if (count) await this.ready(count);
  }

  eval(fn, ...args) {
    return this.driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  }

  /** Files the widget offered for download on this page so far (probe.js). */
  async downloads() {
    return this.driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
      Promise.all(window.__kw.downloads.map(async (d) => ({ name: d.name, type: d.type, text: await d.blob.text() })))
        .then(done, (e) => done({ error: String(e) }));`);
  }

  async waitDownloads(n) {
    await new Widget(this.driver).until(
      async () => (await this.driver.executeScript('return window.__kw.downloads.length')) >= n, `${n} download(s)`);
    return this.downloads();
  }

  /** Page errors, console errors and CSP violations recorded by probe.js. */
  async problems() {
    return this.driver.executeScript('return window.__kw ? [...window.__kw.problems, ...window.__kw.csp.map((c) => `csp: ${c}`)] : ["probe.js did not run"]');
  }
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function equal(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}
