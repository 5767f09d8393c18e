// The installed app's page script (index.html only; the embed never
// registers a service worker). Registers sw.js and, when a new version is
// installed and waiting, offers it through the widget: the attribute
// `update-available` shows the widget's translated banner; its "Reload"
// dispatches `kineret:update-accepted`, and only then does the new worker
// take over and the page reload. "Not now" keeps this version running.
const widget = document.querySelector('kineret-widget');

// The worker precaches every file of every view in both languages: it is
// registered once the widget's first view is on screen (`kineret:ready`)
// and the page is idle, so that download never competes with the first
// view (docs/SIZE.md, "Lighthouse and main-thread work"); 10 s after `load`
// if no view ever shows (it failed to load: the app still installs).
// index.html runs this script before the widget's: a view already cached
// (the worker's cache, on a later visit) can be on screen before a script
// listed after the widget's would run, and the event would be missed.
function whenFirstViewShown(start) {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
    else setTimeout(start, 0);
  };
  widget.addEventListener('kineret:ready', once, { once: true });
  window.addEventListener('load', () => setTimeout(once, 10000), { once: true });
}

if ('serviceWorker' in navigator && widget) {
  let accepted = false;
  whenFirstViewShown(() => navigator.serviceWorker.register('./sw.js').then((registration) => {
    // Offer only an update: on a first visit nothing controls the page and
    // the first worker simply becomes active.
    const offer = () => {
      if (registration.waiting && navigator.serviceWorker.controller) widget.setAttribute('update-available', '');
    };
    const watch = (worker) => {
      if (worker) worker.addEventListener('statechange', () => worker.state === 'installed' && offer());
    };
    watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
    offer();
    widget.addEventListener('kineret:update-accepted', () => {
      accepted = true;
      if (registration.waiting) registration.waiting.postMessage({ type: 'SKIP_WAITING' });
      else window.location.reload(); // already active (accepted in another tab)
    });
  }, (e) => console.warn('kineret: offline support unavailable', e)));
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) window.location.reload();
    // Another tab accepted: this one keeps running what it loaded, and offers a reload.
    else widget.setAttribute('update-available', '');
  });
}
