// Correct uses of the package's types: must compile under --strict.
import {
  ready, version, calculateDose, estimateCrCl, estimateEgfrSchwartz,
  type DoseResult, type DoseOk, type ErrorCode, type WarningCode, type Indication, type KineretWidgetElement,
} from 'kineret-widget';

export async function main(): Promise<void> {
  await ready;
  const v: string = version();

  const r: DoseResult = await calculateDose({ indication: 'nomid', weightKg: 20, mgPerKgPerDay: 2, split: 'twice', lang: 'es' });
  if (r.ok) {
    const mg: number = r.doseMgPerAdministration;
    const ml: number = r.volumeMlPerAdministration;
    const first: number | undefined = r.syringes[0]?.mg;
    const course: number | undefined = r.courseDays;
    const codes: WarningCode[] = r.warnings.map((w) => w.code);
    const danger = r.warnings.some((w) => w.severity === 'danger');
    console.log(v, mg, ml, first, course, codes, danger, r.instructions, r.steps[0]?.factId, r.region);
  } else {
    const codes: ErrorCode[] = r.errors.map((e) => e.code);
    if (codes.includes('above_max_dose')) console.log(r.errors[0]?.field);
  }

  const eu = await calculateDose({
    indication: 'fmf', region: 'eu', weightLb: 66, mgPerKgPerDay: 2, crClMlMin: 25, esrd: false,
    renalSchedule: 'every-other-day', ageYears: 0.58,
  });
  if (eu.ok && eu.renalSchedule === 'every-other-day') console.log(eu.intervalDays);

  const c = await estimateCrCl({ ageYears: 60, sex: 'male', weightKg: 72, serumCreatinineMgDl: 1 });
  const crcl: number | null = c.ok ? c.crClMlMin : null;
  const m: 'cockcroft-gault' = c.method;
  const g = await estimateEgfrSchwartz({ heightCm: 110, serumCreatinineUmolL: 88.4, ageYears: 6 });
  if (g.ok) console.log(g.egfr.toFixed(1), crcl, m);

  const all: Indication[] = ['ra', 'nomid', 'dira', 'covid19', 'caps', 'fmf', 'stills'];
  console.log(all);
}

// The element and its events.
const el: KineretWidgetElement | null = document.querySelector('kineret-widget');
el?.addEventListener('kineret:dose', (e) => {
  const d: DoseOk = e.detail;
  console.log(d.dailyDoseMg.toFixed(1));
});
el?.addEventListener('kineret:injection-logged', (e) => console.log(e.detail.zone, e.detail.atMs, e.detail.note ?? ''));
el?.addEventListener('kineret:dose-prepared', (e) => console.log(e.detail.runId, e.detail.discardMg));
el?.addEventListener('click', (e) => console.log(e.clientX)); // ordinary events still typed
document.addEventListener('kineret:dose', (e) => console.log(e.detail.instructions));
document.addEventListener('kineret:update-accepted', (e) => console.log(e.detail === null));
document.addEventListener('kineret:ready', (e) => {
  // Fails to compile if `view` widens to `string` or to `View` (which has 'all').
  const shown: 'calculator' | 'sites' | 'storage' | 'safety' = e.detail.view;
  console.log(shown);
});
window.addEventListener('kineret:injection-logged', (e) => console.log(e.detail.reactions.join()));
const made = document.createElement('kineret-widget');
made.setAttribute('view', 'calculator');
