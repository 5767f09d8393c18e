// Types for the `kineret-widget` package: the headless JS API, the
// <kineret-widget> element, its attributes and its events.
//
// Hand-written for people to read, and kept in step with the Rust core by
// tests/api_contract.rs (`cargo test --test api_contract`): every string
// union below, every field of every result and event detail, every request
// field, every attribute and every event name is compared with what the
// Rust code actually accepts, returns or dispatches. A missing or extra name
// fails that test. Breaking-change policy: CHANGELOG.md.

// ---------------------------------------------------------------------------
// String unions
// ---------------------------------------------------------------------------

/** Interface and message language. */
export type Lang =
  | 'en'
  | 'es';

/** Whose product label the widget follows (indications, storage, warnings, sources). */
export type Region =
  | 'us'
  | 'eu';

/**
 * Indication codes. US label: `ra`, `nomid`, `dira`, `covid19` (emergency use
 * authorization). EU label: `ra`, `caps`, `fmf`, `stills`, `covid19`. An
 * indication outside the region's label is still computed, with the warning
 * `not_in_region_label`.
 */
export type Indication =
  | 'ra'
  | 'nomid'
  | 'dira'
  | 'covid19'
  | 'caps'
  | 'fmf'
  | 'stills';

/** Once daily, or the daily dose split in two (nomid/dira only). */
export type Split =
  | 'once'
  | 'twice';

/** With the kidney rule (CrCl < 30 mL/min or ESRD): keep the schedule, or every other day. */
export type RenalSchedule =
  | 'daily'
  | 'every-other-day';

/** For the Cockcroft–Gault estimate. */
export type Sex =
  | 'female'
  | 'male';

/** Which part of the widget an element shows (`view` attribute). */
export type View =
  | 'all'
  | 'calculator'
  | 'sites'
  | 'storage'
  | 'safety';

/** A view an element shows on screen: every `View` but `'all'` (which shows them as tabs). */
export type ShownView =
  | 'calculator'
  | 'sites'
  | 'storage'
  | 'safety';

/** Temperature unit (`units` attribute): Celsius or Fahrenheit. */
export type Units =
  | 'c'
  | 'f';

/** How serious a warning is. */
export type Severity =
  | 'info'
  | 'caution'
  | 'danger';

/** Every error code of the three functions (see README "Headless JS API"). */
export type ErrorCode =
  | 'invalid_request'
  | 'unknown_indication'
  | 'missing_weight'
  | 'invalid_weight'
  | 'missing_dose'
  | 'invalid_dose'
  | 'above_max_dose'
  | 'dose_too_small'
  | 'invalid_crcl'
  | 'invalid_split'
  | 'invalid_age'
  | 'invalid_esrd'
  | 'missing_age'
  | 'pediatric_use_schwartz'
  | 'missing_sex'
  | 'invalid_sex'
  | 'missing_creatinine'
  | 'invalid_creatinine'
  | 'missing_height'
  | 'invalid_height'
  | 'invalid_renal_schedule'
  | 'invalid_region'
  | 'adult_use_cockcroft_gault';

/** Every warning code `calculateDose` can return (a valid dose with a caveat). */
export type WarningCode =
  | 'renal_every_other_day'
  | 'renal_daily_kept'
  | 'renal_split_kept'
  | 'renal_split_every_other_day'
  | 'renal_moderate'
  | 'hospital_only'
  | 'not_approved_under_18'
  | 'not_authorized_under_18'
  | 'not_recommended_under_18'
  | 'not_in_region_label'
  | 'below_eu_minimum'
  | 'dose_step'
  | 'below_syringe_marks'
  | 'several_syringes';

/** Injection zones of the site diagram. */
export type ZoneId =
  | 'thigh-right'
  | 'thigh-left'
  | 'abdomen-right'
  | 'abdomen-left'
  | 'buttock-right'
  | 'buttock-left'
  | 'arm-right'
  | 'arm-left';

/** Who gave the injection. Arm zones are for a caregiver only. */
export type Injector =
  | 'selfInjecting'
  | 'caregiver';

/** Skin reactions noted on a logged injection. */
export type Reaction =
  | 'redness'
  | 'swelling'
  | 'itching'
  | 'pain'
  | 'bruising';

// ---------------------------------------------------------------------------
// Requests. Numbers must be numbers: a string such as "70" is an error, never
// coerced. Unknown fields are ignored; `null` counts as missing.
// ---------------------------------------------------------------------------

/** `calculateDose` request. */
export interface DoseRequest {
  /** What the dose is for. */
  indication: Indication;
  /** Whose label to follow. Default `'us'`. */
  region?: Region;
  /** Body weight in kilograms (wins over `weightLb`). Required for per-kg and weight-banded indications; ignored for ra/covid19. */
  weightKg?: number;
  /** Body weight in pounds, if `weightKg` is not given. */
  weightLb?: number;
  /** Prescribed dose in mg per kg of body weight per day (nomid, dira, caps; fmf/stills under 50 kg). Maximum 8. */
  mgPerKgPerDay?: number;
  /** Once daily (default) or split in two doses a day (nomid/dira only). */
  split?: Split;
  /** Creatinine clearance in mL/min; under 30 the kidney rule applies. */
  crClMlMin?: number;
  /** End-stage renal disease: `true` applies the kidney rule. */
  esrd?: boolean;
  /** With the kidney rule only: keep the schedule or give it every other day (the default). */
  renalSchedule?: RenalSchedule;
  /** Age in years, may be fractional (7 months = 0.58). */
  ageYears?: number;
  /** Language of the messages. Default `'en'`. */
  lang?: Lang;
}

/** `estimateCrCl` request (adults). Give one of the two creatinine fields. */
export interface CrClRequest {
  /** Age in years; 18 or more. */
  ageYears: number;
  sex: Sex;
  /** Body weight in kilograms. */
  weightKg: number;
  /** Serum creatinine in mg/dL (wins over `serumCreatinineUmolL`). */
  serumCreatinineMgDl?: number;
  /** Serum creatinine in µmol/L (÷ 88.4 to mg/dL). */
  serumCreatinineUmolL?: number;
  /** Language of the messages. Default `'en'`. */
  lang?: Lang;
}

/** `estimateEgfrSchwartz` request (children). Give one of the two creatinine fields. */
export interface EgfrRequest {
  /** Height in centimetres. */
  heightCm: number;
  /** Serum creatinine in mg/dL (wins over `serumCreatinineUmolL`). */
  serumCreatinineMgDl?: number;
  /** Serum creatinine in µmol/L (÷ 88.4 to mg/dL). */
  serumCreatinineUmolL?: number;
  /** Age in years, optional; 18 or more is an error (`adult_use_cockcroft_gault`). */
  ageYears?: number;
  /** Language of the messages. Default `'en'`. */
  lang?: Lang;
}

// ---------------------------------------------------------------------------
// Results: discriminated unions on `ok`. Numbers exist only when `ok` is true.
// ---------------------------------------------------------------------------

/** One refused field. All errors are reported at once. */
export interface ApiError {
  /** The request field at fault (`'weightKg'`, …); `''` when the request itself is not an object. */
  field: string;
  code: ErrorCode;
  /** Translated message for the user (request's `lang`). */
  message: string;
}

/** A caveat on a computed dose, most severe first. */
export interface DoseWarning {
  code: WarningCode;
  /** Translated message for the user. */
  message: string;
  severity: Severity;
  /** The label section the user sees, e.g. "US PI 2.3". */
  source: string;
  /** The clinical fact ID behind it, e.g. "RENAL-EOD" (docs/CLINICAL.md). */
  factId: string;
}

/** One line of "show your work". */
export interface DoseStep {
  /** Translated text, e.g. "Daily dose: 2 mg/kg/day × 20 kg = 40 mg". */
  text: string;
  /** The label section the user sees. */
  source: string;
  /** The clinical fact ID behind it. */
  factId: string;
}

/** What to draw from one syringe (100 mg in 0.67 mL, marks from 20 mg). */
export interface Syringe {
  /** Dose from this syringe, mg. */
  mg: number;
  /** Volume from this syringe, mL (to 0.01 mL). */
  ml: number;
}

/** A computed dose (`calculateDose` with `ok: true`, and the `kineret:dose` event's detail). */
export interface DoseOk {
  ok: true;
  errors: [];
  warnings: DoseWarning[];
  /** Dose on a dosing day, mg (with `intervalDays: 2` that is every other day). */
  dailyDoseMg: number;
  /** Dose per injection, mg. */
  doseMgPerAdministration: number;
  /** Injections on a dosing day: 1 or 2. */
  administrationsPerDay: number;
  /** Days between dosing days: 1 (daily) or 2 (every other day). */
  intervalDays: number;
  /** Length of the course in days (covid19 only). */
  courseDays?: number;
  /** Number of doses in the course (covid19 only). */
  totalDoses?: number;
  /** Volume per injection, mL (to 0.01 mL). */
  volumeMlPerAdministration: number;
  /** Prefilled syringes used per injection. */
  syringesPerAdministration: number;
  /** Drug discarded per injection, mg (the rest of the syringes). */
  discardMgPerAdministration: number;
  /** Per syringe: the dose and volume to draw. */
  syringes: Syringe[];
  /** Weight used, kg (absent for fixed-dose indications). */
  weightKg?: number;
  /** The dose in one sentence, e.g. "20 mg (0.13 mL) under the skin twice daily". */
  instructions: string;
  /** How the dose was reached, each step with its source. */
  steps: DoseStep[];
  /** The label followed. */
  region: Region;
  /** Only when the kidney rule applies: the schedule chosen. */
  renalSchedule?: RenalSchedule;
}

/** No dose: at least one error, and no number. */
export interface DoseFailure {
  ok: false;
  errors: ApiError[];
  warnings: [];
}

/** `calculateDose` result: check `ok` before reading a number. */
export type DoseResult = DoseOk | DoseFailure;

/** Cockcroft–Gault estimate. */
export interface CrClOk {
  ok: true;
  /** Creatinine clearance, mL/min. */
  crClMlMin: number;
  method: 'cockcroft-gault';
  errors: [];
}

export interface CrClFailure {
  ok: false;
  method: 'cockcroft-gault';
  errors: ApiError[];
}

export type CrClResult = CrClOk | CrClFailure;

/** Bedside Schwartz estimate. */
export interface EgfrOk {
  ok: true;
  /** Estimated GFR, mL/min/1.73 m². */
  egfr: number;
  method: 'bedside-schwartz';
  errors: [];
}

export interface EgfrFailure {
  ok: false;
  method: 'bedside-schwartz';
  errors: ApiError[];
}

export type EgfrResult = EgfrOk | EgfrFailure;

// ---------------------------------------------------------------------------
// Functions. All async; none throws for bad input.
// ---------------------------------------------------------------------------

/** Resolves once the WebAssembly module is instantiated (rejects if it cannot load). */
export declare const ready: Promise<void>;

/** The widget's version (semver), available before `ready`. */
export declare function version(): string;

/** The dose for one request. Never throws for bad input: read `ok`. */
export declare function calculateDose(request: DoseRequest): Promise<DoseResult>;

/** Cockcroft–Gault creatinine clearance (adults). */
export declare function estimateCrCl(request: CrClRequest): Promise<CrClResult>;

/** Bedside Schwartz eGFR (children). */
export declare function estimateEgfrSchwartz(request: EgfrRequest): Promise<EgfrResult>;

// ---------------------------------------------------------------------------
// The <kineret-widget> element
// ---------------------------------------------------------------------------

/**
 * The element's attributes (all live: changing one re-renders). For JSX, see
 * `kineret-widget/react`.
 */
export interface KineretWidgetAttributes {
  /** Language. Default `'en'`. */
  lang?: Lang;
  /** Which part to show. Default `'all'` (tabs). */
  view?: View;
  /** Whose label to follow. Default `'us'`. */
  region?: Region;
  /** Temperature unit. Default: from the browser's language. */
  units?: Units;
  /** Present: keep the calculator's inputs in this browser across a reload (off by default in an embed). */
  remember?: boolean | '';
  /** Present: show the "Update available — reload" banner (set by the installed app). */
  'update-available'?: boolean | '';
  /** Present (`''`, `'true'` or its own name; the element also reads them in any case): `kineret:injection-logged` also carries the user's free-text `note` (health data every script on the page can read; left out by default). `'false'` is the same as absent. */
  'events-include-note'?: boolean | '' | 'true' | 'false' | 'events-include-note';
}

/** `kineret:injection-logged` detail: the logged injection. */
export interface InjectionLogged {
  /** Entry ID. */
  id: string;
  zone: ZoneId;
  /** When the injection was given, ms since the epoch (may be back-dated). */
  atMs: number;
  /** When it was recorded, ms since the epoch. */
  loggedMs: number;
  injector: Injector;
  reactions: Reaction[];
  /** The user's free-text note (plain text, at most 500 characters). Present only when the element has `events-include-note`: free text is health data a host must opt in to. */
  note?: string;
}

/** `kineret:ready` detail: the view the element showed first. */
export interface WidgetReady {
  view: ShownView;
}

/** `kineret:dose-prepared` detail: a preparation checklist was completed. */
export interface DosePrepared {
  /** Checklist run ID. */
  runId: string;
  /** When it was completed, ms since the epoch. */
  completedMs: number;
  /** Drug to discard from the syringe, mg, when known. */
  discardMg?: number;
}

/**
 * The widget's events: `CustomEvent`s dispatched on the element that bubble
 * and cross the shadow boundary, so a listener on `document` receives them.
 */
export interface KineretWidgetEventMap {
  /** A new valid dose in the calculator: the same object as `calculateDose` returns. */
  'kineret:dose': CustomEvent<DoseOk>;
  /** An injection was logged in the site diagram. */
  'kineret:injection-logged': CustomEvent<InjectionLogged>;
  /** A preparation checklist was completed. */
  'kineret:dose-prepared': CustomEvent<DosePrepared>;
  /** The user chose "Reload" in the update banner. */
  'kineret:update-accepted': CustomEvent<null>;
  /** The first view is on screen and can be used: once each time the element is connected.
   *  Listen before inserting the element, or in the same task (React: `useLayoutEffect`). */
  'kineret:ready': CustomEvent<WidgetReady>;
}

export interface KineretWidgetElementEventMap extends HTMLElementEventMap, KineretWidgetEventMap {}

/** `document.querySelector('kineret-widget')` and `document.createElement('kineret-widget')`. */
export interface KineretWidgetElement extends HTMLElement {
  addEventListener<K extends keyof KineretWidgetElementEventMap>(
    type: K,
    listener: (this: KineretWidgetElement, ev: KineretWidgetElementEventMap[K]) => any,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof KineretWidgetElementEventMap>(
    type: K,
    listener: (this: KineretWidgetElement, ev: KineretWidgetElementEventMap[K]) => any,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'kineret-widget': KineretWidgetElement;
  }
  // The events bubble up to the document and the window.
  interface DocumentEventMap extends KineretWidgetEventMap {}
  interface WindowEventMap extends KineretWidgetEventMap {}
}
