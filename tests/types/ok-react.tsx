// JSX typing for <kineret-widget> (React 19): must compile under --strict.
import type {} from 'kineret-widget/react';
import type { KineretWidgetElement } from 'kineret-widget';
import { useEffect, useRef, useState } from 'react';

export function Calculator({ lang }: { lang: 'en' | 'es' }) {
  const ref = useRef<KineretWidgetElement>(null);
  const [mg, setMg] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onDose = (e: CustomEvent<{ doseMgPerAdministration: number }>) => setMg(e.detail.doseMgPerAdministration);
    el.addEventListener('kineret:dose', onDose);
    return () => el.removeEventListener('kineret:dose', onDose);
  }, []);
  return (
    <>
      <kineret-widget ref={ref} lang={lang} view="calculator" region="eu" units="c" remember className="x" id="w" />
      <kineret-widget view="sites" events-include-note />
      <kineret-widget view="sites" events-include-note="events-include-note" />
      <kineret-widget view="sites" events-include-note="false" />
      <output>{mg ?? ''}</output>
    </>
  );
}
