// Wrong uses: each line under `// @ts-expect-error` must NOT compile; tsc
// fails ("Unused '@ts-expect-error' directive") if one of them does.
import { calculateDose, estimateCrCl, type DoseResult, type KineretWidgetAttributes } from 'kineret-widget';

export async function wrong(r: DoseResult): Promise<void> {
  // @ts-expect-error an indication is a string code, not a number
  await calculateDose({ indication: 42 });
  // @ts-expect-error unknown indication code
  await calculateDose({ indication: 'gout' });
  // @ts-expect-error numbers are numbers: '70' is not coerced
  await calculateDose({ indication: 'nomid', weightKg: '70' });
  // @ts-expect-error region is 'us' | 'eu'
  await calculateDose({ indication: 'ra', region: 'uk' });
  // @ts-expect-error split is 'once' | 'twice'
  await calculateDose({ indication: 'nomid', split: 2 });
  // @ts-expect-error renalSchedule values
  await calculateDose({ indication: 'ra', renalSchedule: 'weekly' });
  // @ts-expect-error the indication is required
  await calculateDose({ weightKg: 20 });
  // @ts-expect-error no dose number before checking `ok`
  const mg: number = r.doseMgPerAdministration;
  if (!r.ok) {
    // @ts-expect-error a failure has no dose
    console.log(r.dailyDoseMg.toFixed());
  }
  if (r.ok) {
    // @ts-expect-error not a warning code
    if (r.warnings[0]?.code === 'renal_whatever') console.log(mg);
  } else {
    // @ts-expect-error not an error code
    if (r.errors[0]?.code === 'bad_weight') console.log(mg);
  }
  // @ts-expect-error sex is 'female' | 'male'
  await estimateCrCl({ ageYears: 60, sex: 'm', weightKg: 72, serumCreatinineMgDl: 1 });
}

// @ts-expect-error view values
export const attrs: KineretWidgetAttributes = { view: 'dose' };

const el = document.querySelector('kineret-widget');
el?.addEventListener('kineret:dose', (e) => {
  // @ts-expect-error the event's detail is the dose, not a string
  const s: string = e.detail;
  console.log(s);
});
document.addEventListener('kineret:injection-logged', (e) => {
  // @ts-expect-error note may be absent (hosts opt in)
  const n: string = e.detail.note;
  console.log(n);
});
