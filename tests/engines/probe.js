// Test instrumentation, copied into the engines suite's copy of dist/ and
// loaded as the first (classic, same-origin: allowed by the strict CSP)
// script of each page. Records from the very start what WebDriver classic
// cannot observe: page errors, console.error, CSP violations, and the files
// the widget offers for download (kept in memory instead of saved).
(() => {
  const problems = [];
  const downloads = [];
  const blobs = new Map();
  window.__kw = { problems, downloads, csp: [] };
  window.addEventListener('error', (e) => problems.push(`pageerror: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => problems.push(`unhandledrejection: ${e.reason}`));
  document.addEventListener('securitypolicyviolation', (e) => window.__kw.csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  const error = console.error;
  console.error = function (...args) {
    problems.push(`console.error: ${args.map(String).join(' ')}`);
    return error.apply(this, args);
  };
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (obj) {
    const url = createObjectURL.call(URL, obj);
    if (obj instanceof Blob) blobs.set(url, obj);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    const blob = blobs.get(this.href);
    if (this.hasAttribute('download') && blob) {
      downloads.push({ name: this.download, type: blob.type, blob });
      return undefined;
    }
    return click.call(this);
  };
})();
