// React 19 + TypeScript: the widget as a custom element, its attributes as
// JSX props (typed by `kineret-widget/react`), its events through
// addEventListener in an effect, and the headless API.
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { calculateDose, version, type DoseOk, type KineretWidgetElement, type Lang } from 'kineret-widget';
import type {} from 'kineret-widget/react';

function App() {
  const widget = useRef<KineretWidgetElement>(null);
  const [lang, setLang] = useState<Lang>('en');
  const [dose, setDose] = useState<DoseOk | null>(null);
  const [headless, setHeadless] = useState('…');

  // The widget's events are DOM events: subscribe in an effect, unsubscribe
  // in its cleanup. `e.detail` is typed DoseOk.
  useEffect(() => {
    const el = widget.current;
    if (!el) return;
    const onDose = (e: CustomEvent<DoseOk>) => setDose(e.detail);
    el.addEventListener('kineret:dose', onDose);
    return () => el.removeEventListener('kineret:dose', onDose);
  }, []);

  // The headless API: check `ok` before reading a number.
  useEffect(() => {
    calculateDose({ indication: 'nomid', weightKg: 20, mgPerKgPerDay: 2 }).then((r) =>
      setHeadless(r.ok ? r.instructions : r.errors.map((e) => e.code).join(', ')));
  }, []);

  return (
    <main>
      <h1>React 19 app with kineret-widget {version()}</h1>
      <p>
        <button type="button" onClick={() => setLang((l) => (l === 'en' ? 'es' : 'en'))}>
          Widget language: {lang}
        </button>
      </p>
      <p id="headless">Headless API: {headless}</p>
      <p id="last-dose" role="status">
        {dose
          ? `React received kineret:dose: ${dose.doseMgPerAdministration} mg, ${dose.volumeMlPerAdministration} mL`
          : 'No dose yet'}
      </p>
      <kineret-widget ref={widget} lang={lang} view="calculator" region="us" />
    </main>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
