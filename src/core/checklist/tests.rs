use super::*;
use crate::core::facts::Fact;

const T0: i64 = 1_718_000_000_000;
const MIN: i64 = 60_000;

fn apply(run: &Run, actions: &[(RunAction, i64)]) -> Run {
    let mut r = run.clone();
    for &(a, t) in actions {
        r = match reduce(&r, a, t) {
            Ok(r) => r,
            Err(e) => panic!("{a:?} at {t} refused: {e:?}"),
        };
    }
    r
}

fn ready_to_inject() -> Run {
    let r = Run::new(T0, Some(40.0));
    apply(
        &r,
        &[
            (RunAction::Tick(Step::ExpiryChecked), T0),
            (RunAction::Tick(Step::OutOfFridge), T0 + MIN),
            (RunAction::Tick(Step::LaidFlat), T0 + 31 * MIN),
            (RunAction::Inspect(Inspection::ClearOk), T0 + 32 * MIN),
            (RunAction::Tick(Step::HandsWashed), T0 + 33 * MIN),
            (RunAction::Tick(Step::SiteChosen), T0 + 33 * MIN),
        ],
    )
}

#[test]
fn new_run_has_every_step_unticked() {
    let r = Run::new(T0, None);
    assert_eq!(r.id, format!("run-{T0}"));
    assert_eq!(r.steps.len(), Step::ALL.len());
    // Without a partial dose the partial step does not apply.
    let expected: Vec<Step> = Step::ALL.iter().copied().filter(|&s| s != Step::PartialPrepared).collect();
    assert_eq!(r.missing_steps(), expected);
    assert!(!r.is_closed());
}

#[test]
fn a_partial_dose_must_be_prepared_before_the_dose_is_recorded() {
    // PREP-PARTIAL: with 40 mg to push out, the step applies and is required;
    // it cannot be unticked once injected.
    let r = ready_to_inject();
    assert!(r.applies(Step::PartialPrepared));
    assert_eq!(r.missing_steps().first(), Some(&Step::PartialPrepared));
    let r = apply(
        &r,
        &[
            (RunAction::Tick(Step::Injected), T0 + 34 * MIN),
            (RunAction::Tick(Step::SharpsDisposed), T0 + 35 * MIN),
            (RunAction::Tick(Step::RemainderDiscarded), T0 + 35 * MIN),
        ],
    );
    assert_eq!(reduce(&r, RunAction::Complete, T0 + 36 * MIN), Err(Refusal::StepsMissing));
    let r = apply(&r, &[(RunAction::Tick(Step::PartialPrepared), T0 + 36 * MIN), (RunAction::Complete, T0 + 36 * MIN)]);
    assert!(r.completed_ms.is_some());
    let whole = Run::new(T0, Some(0.0));
    assert!(!whole.applies(Step::PartialPrepared));
    // Old stored runs (without the step) are repaired with it.
    let mut old = Run::new(T0, Some(40.0));
    old.steps.retain(|s| s.step != Step::PartialPrepared);
    assert_eq!(old.normalized().steps.len(), Step::ALL.len());
}

#[test]
fn full_happy_path_completes_and_emits_payload() {
    let r = ready_to_inject();
    let r = apply(
        &r,
        &[
            (RunAction::Tick(Step::PartialPrepared), T0 + 34 * MIN),
            (RunAction::Tick(Step::Injected), T0 + 34 * MIN),
            (RunAction::Tick(Step::SharpsDisposed), T0 + 35 * MIN),
            (RunAction::Tick(Step::RemainderDiscarded), T0 + 35 * MIN),
            (RunAction::Complete, T0 + 36 * MIN),
        ],
    );
    assert_eq!(r.completed_ms, Some(T0 + 36 * MIN));
    assert_eq!(r.ticked_ms(Step::OutOfFridge), Some(T0 + MIN));
    assert_eq!(r.out_of_fridge_ms, Some(T0 + MIN));
    let ev = DosePrepared::from_run(&r);
    assert_eq!(
        ev,
        Some(DosePrepared { run_id: r.id.clone(), completed_ms: T0 + 36 * MIN, discard_mg: Some(40.0) })
    );
    // A completed run is closed.
    assert_eq!(reduce(&r, RunAction::Untick(Step::HandsWashed), T0 + 40 * MIN), Err(Refusal::RunClosed));
    // NewRun always works.
    let fresh = reduce(&r, RunAction::NewRun { discard_mg: None }, T0 + 50 * MIN);
    assert_eq!(fresh, Ok(Run::new(T0 + 50 * MIN, None)));
}

#[test]
fn complete_refused_while_steps_missing() {
    let r = ready_to_inject();
    assert_eq!(reduce(&r, RunAction::Complete, T0 + 40 * MIN), Err(Refusal::StepsMissing));
    assert_eq!(DosePrepared::from_run(&r), None);
}

#[test]
fn laid_flat_refused_before_thirty_minutes_then_allowed() {
    let r = apply(&Run::new(T0, None), &[(RunAction::Tick(Step::OutOfFridge), T0)]);
    assert_eq!(reduce(&r, RunAction::Tick(Step::LaidFlat), T0 + 29 * MIN), Err(Refusal::WarmUpRunning));
    assert_eq!(reduce(&r, RunAction::Tick(Step::LaidFlat), T0 + 30 * MIN - 1), Err(Refusal::WarmUpRunning));
    let ok = reduce(&r, RunAction::Tick(Step::LaidFlat), T0 + 30 * MIN).map(|r| r.ticked_ms(Step::LaidFlat));
    assert_eq!(ok, Ok(Some(T0 + 30 * MIN)));
}

#[test]
fn warm_up_survives_reload_through_serde() {
    let r = apply(&Run::new(T0, None), &[(RunAction::Tick(Step::OutOfFridge), T0 + MIN)]);
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("\"outOfFridgeMs\""), "{json}");
    assert!(json.contains("\"startedMs\"") && json.contains("\"tickedMs\"") && json.contains("\"completedMs\""));
    let back: Run = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    assert_eq!(back.warm_up(T0 + 21 * MIN), Some(WarmUp::Running { remaining_ms: 10 * MIN }));
    assert_eq!(back.warm_up(T0 + 31 * MIN), Some(WarmUp::Done));
    assert!(reduce(&back, RunAction::Tick(Step::LaidFlat), T0 + 31 * MIN).is_ok());
}

#[test]
fn laid_flat_needs_out_of_fridge_first() {
    let r = Run::new(T0, None);
    assert_eq!(reduce(&r, RunAction::Tick(Step::LaidFlat), T0 + 60 * MIN), Err(Refusal::OutOfFridgeFirst));
    assert_eq!(reduce(&r, RunAction::OverrideWarmUp, T0), Err(Refusal::OutOfFridgeFirst));
}

#[test]
fn override_allows_early_ready() {
    let r = apply(
        &Run::new(T0, None),
        &[(RunAction::Tick(Step::OutOfFridge), T0), (RunAction::OverrideWarmUp, T0 + 5 * MIN)],
    );
    assert!(r.warm_up_overridden);
    let r2 = reduce(&r, RunAction::Tick(Step::LaidFlat), T0 + 5 * MIN);
    assert_eq!(r2.map(|r| r.is_ticked(Step::LaidFlat)), Ok(true));
    // Unticking "out of the fridge" restarts: override and laid flat are cleared.
    let r3 = apply(&r, &[(RunAction::Tick(Step::LaidFlat), T0 + 5 * MIN), (RunAction::Untick(Step::OutOfFridge), T0 + 6 * MIN)]);
    assert!(!r3.warm_up_overridden && !r3.is_ticked(Step::LaidFlat) && r3.out_of_fridge_ms.is_none());
}

#[test]
fn inspection_failure_stops_the_run() {
    let r = apply(&Run::new(T0, None), &[(RunAction::Tick(Step::OutOfFridge), T0)]);
    let stopped = apply(&r, &[(RunAction::Inspect(Inspection::CloudyDiscoloredParticles), T0 + 31 * MIN)]);
    assert_eq!(stopped.stopped, Some(StopReason::InspectionFailed));
    assert_eq!(stopped.inspection, Some(Inspection::CloudyDiscoloredParticles));
    assert!(stopped.is_closed());
    assert_eq!(stopped.completed_ms, None);
    for a in [RunAction::Tick(Step::Injected), RunAction::Complete, RunAction::Inspect(Inspection::ClearOk)] {
        assert_eq!(reduce(&stopped, a, T0 + 32 * MIN), Err(Refusal::RunClosed));
    }
    assert_eq!(DosePrepared::from_run(&stopped), None);
    let (title, en, src) = stop_text(StopReason::InspectionFailed, Lang::En, Region::Us);
    assert!(title.contains("do not use"));
    // PREP-INSPECT: "do not use" + ask; CLINICAL.md has no rule for "take a
    // new syringe" or "take it to the pharmacy", so it does not say so.
    for w in ["Do not use", "pharmacist or healthcare provider"] {
        assert!(en.contains(w), "{w}");
    }
    assert!(!en.contains("new syringe") && !en.contains("pharmacy."));
    assert_eq!(StopReason::InspectionFailed.fact(), Fact::PrepInspect);
    assert_eq!(src, "US PI 16");
    assert_eq!(stop_text(StopReason::InspectionFailed, Lang::En, Region::Eu).2, "EU PL 6");
    let (_, es, _) = stop_text(StopReason::InspectionFailed, Lang::Es, Region::Eu);
    assert!(es.contains("farmacéutico(a)"));
}

#[test]
fn clear_inspection_continues() {
    let r = apply(&Run::new(T0, None), &[(RunAction::Inspect(Inspection::ClearOk), T0)]);
    assert_eq!(r.stopped, None);
    assert!(r.is_ticked(Step::Inspected));
    assert!(Inspection::ClearOk.tr(Lang::En).contains("a few small translucent-to-white particles are normal"));
}

#[test]
fn injected_refused_before_inspection_passed() {
    let r = apply(&Run::new(T0, None), &[(RunAction::Tick(Step::OutOfFridge), T0)]);
    assert_eq!(reduce(&r, RunAction::Tick(Step::Injected), T0 + 40 * MIN), Err(Refusal::InspectFirst));
    // Ticking "inspected" directly is not a way round it.
    assert_eq!(reduce(&r, RunAction::Tick(Step::Inspected), T0 + 40 * MIN), Err(Refusal::UseInspect));
    let ok = apply(&r, &[(RunAction::Inspect(Inspection::ClearOk), T0 + 40 * MIN), (RunAction::Tick(Step::Injected), T0 + 41 * MIN)]);
    assert!(ok.is_ticked(Step::Injected));
    // After injecting, the inspection can no longer be undone or changed.
    assert_eq!(reduce(&ok, RunAction::Untick(Step::Inspected), T0 + 42 * MIN), Err(Refusal::AlreadyInjected));
    assert_eq!(
        reduce(&ok, RunAction::Inspect(Inspection::CloudyDiscoloredParticles), T0 + 42 * MIN),
        Err(Refusal::AlreadyInjected)
    );
}

#[test]
fn untick_inspection_blocks_injection_again() {
    let r = apply(
        &Run::new(T0, None),
        &[(RunAction::Inspect(Inspection::ClearOk), T0), (RunAction::Untick(Step::Inspected), T0 + 1)],
    );
    assert_eq!(r.inspection, None);
    assert_eq!(reduce(&r, RunAction::Tick(Step::Injected), T0 + 2), Err(Refusal::InspectFirst));
}

#[test]
fn retick_keeps_first_time_and_normalized_repairs_steps() {
    let r = apply(&Run::new(T0, None), &[(RunAction::Tick(Step::HandsWashed), T0 + 5)]);
    let again = apply(&r, &[(RunAction::Tick(Step::HandsWashed), T0 + 99)]);
    assert_eq!(again.ticked_ms(Step::HandsWashed), Some(T0 + 5));
    let mut broken = r.clone();
    broken.steps.reverse();
    broken.steps.pop();
    let fixed = broken.normalized();
    assert_eq!(fixed.steps.len(), Step::ALL.len());
    assert_eq!(fixed.steps[Step::HandsWashed.index()].ticked_ms, Some(T0 + 5));
}

#[test]
fn event_payload_is_camel_case_and_omits_missing_discard() {
    let ev = DosePrepared { run_id: "run-1".into(), completed_ms: 5, discard_mg: None };
    assert_eq!(serde_json::to_string(&ev).unwrap(), r#"{"runId":"run-1","completedMs":5}"#);
    let ev = DosePrepared { discard_mg: Some(60.0), ..ev };
    assert_eq!(serde_json::to_string(&ev).unwrap(), r#"{"runId":"run-1","completedMs":5,"discardMg":60.0}"#);
    assert_eq!(DOSE_PREPARED_EVENT, "kineret:dose-prepared");
}

#[test]
fn refusal_texts_are_complete() {
    for r in Refusal::ALL {
        for l in Lang::ALL {
            assert!(!r.tr(l).is_empty() && !r.tr(l).contains('{'));
        }
    }
    assert!(Refusal::WarmUpRunning.tr(Lang::En).contains(&timer::WARM_UP_MINUTES.to_string()));
    assert!(Refusal::WarmUpRunning.tr(Lang::Es).contains(&timer::WARM_UP_MINUTES.to_string()));
}

#[test]
fn set_discard_updates_open_runs_only() {
    let r = Run::new(T0, None);
    let r = apply(&r, &[(RunAction::SetDiscard(Some(40.0)), T0 + 1)]);
    assert_eq!(r.discard_mg, Some(40.0));
    let cleared = apply(&r, &[(RunAction::SetDiscard(Some(f64::NAN)), T0 + 2)]);
    assert_eq!(cleared.discard_mg, None);
    assert_eq!(apply(&r, &[(RunAction::SetDiscard(Some(-1.0)), T0 + 2)]).discard_mg, None);
    let stopped = apply(&r, &[(RunAction::Inspect(Inspection::CloudyDiscoloredParticles), T0 + 3)]);
    assert_eq!(reduce(&stopped, RunAction::SetDiscard(Some(1.0)), T0 + 4), Err(Refusal::RunClosed));
}

#[test]
fn a_stop_marks_the_later_steps_not_applicable_until_a_new_dose() {
    let r = Run::new(T0, None);
    assert_eq!(r.stopped_at(), None);
    assert!(Step::ALL.iter().all(|&s| !r.not_applicable(s)));
    let r = apply(&r, &[(RunAction::Tick(Step::ExpiryChecked), T0), (RunAction::Inspect(Inspection::CloudyDiscoloredParticles), T0 + MIN)]);
    assert_eq!(r.stopped_at(), Some(Step::Inspected));
    for s in Step::ALL {
        assert_eq!(r.not_applicable(s), s.index() > Step::Inspected.index(), "{s:?}");
    }
    assert_eq!(reduce(&r, RunAction::Tick(Step::HandsWashed), T0 + 2 * MIN), Err(Refusal::RunClosed));
    let fresh = apply(&r, &[(RunAction::NewRun { discard_mg: None }, T0 + 3 * MIN)]);
    assert!(Step::ALL.iter().all(|&s| !fresh.not_applicable(s)));
}

#[test]
fn covid_19_gets_no_home_guidance_only_the_hospital_note() {
    // DOSE-COVID-HOSP: no home checklist, warm-up timer, dose history or
    // reminders; the storage card stays for the pharmacy.
    let covid = view_parts(true);
    assert!(!covid.home_guidance);
    assert!(covid.storage_card);
    assert_eq!(covid.hospital_note, Some(Fact::DoseCovidHosp));
    let home = view_parts(false);
    assert!(home.home_guidance && home.hospital_note.is_none());
    let t = text::ChecklistMsg::HospitalOnly.tr(Lang::En);
    assert!(t.contains("COVID-19") && t.contains("hospital"));
    assert!(text::ChecklistMsg::HospitalOnly.tr(Lang::Es).contains("hospital"));
}

#[test]
fn the_override_ticks_the_warm_up_step_and_stops_the_timer() {
    // PREP-WARM: "It has already been at room temperature for 30 minutes".
    let r = apply(&Run::new(T0, None), &[(RunAction::Tick(Step::OutOfFridge), T0), (RunAction::OverrideWarmUp, T0 + 2 * MIN)]);
    assert!(r.warm_up_overridden);
    assert_eq!(r.ticked_ms(Step::LaidFlat), Some(T0 + 2 * MIN));
    assert!(Step::LaidFlat.facts().contains(&crate::core::facts::Fact::PrepWarm));
}

#[test]
fn an_incomplete_checklist_names_its_first_missing_step() {
    use crate::core::checklist::{missing_step_text, PrepPlan};
    let plan = PrepPlan { syringes: 1, discard_mg: None };
    let r = apply(&Run::new(T0, None), &[(RunAction::Tick(Step::ExpiryChecked), T0)]);
    let (step, text) = missing_step_text(&r, plan, Lang::En).unwrap();
    assert_eq!(step, Step::OutOfFridge);
    assert_eq!(text, "Not ticked yet: step 2, “One prefilled syringe taken out of the refrigerator”.");
    assert!(missing_step_text(&r, plan, Lang::Es).unwrap().1.starts_with("Aún sin marcar: paso 2, «Una jeringa precargada"));
    // PREP-PARTIAL: the partial step is numbered only when it applies.
    let mut all = Run::new(T0, Some(34.0));
    for s in Step::ALL {
        if s != Step::Injected && s != Step::SharpsDisposed {
            all.set(s, Some(T0));
        }
    }
    let (step, text) = missing_step_text(&all, PrepPlan { syringes: 1, discard_mg: Some(34.0) }, Lang::En).unwrap();
    assert_eq!(step, Step::Injected);
    assert!(text.starts_with("Not ticked yet: step 8, "), "{text}");
    all.discard_mg = None;
    assert!(missing_step_text(&all, plan, Lang::En).unwrap().1.starts_with("Not ticked yet: step 7, "));
    for s in Step::ALL {
        all.set(s, Some(T0));
    }
    assert_eq!(missing_step_text(&all, plan, Lang::En), None);
}

#[test]
fn the_chosen_site_and_the_extra_dose_confirmation_are_kept_with_the_run() {
    use crate::core::sites::ZoneId;
    let r = apply(&Run::new(T0, None), &[(RunAction::ChooseSite(ZoneId::ThighLeft), T0), (RunAction::ConfirmExtraDose, T0)]);
    assert_eq!(r.site, Some(ZoneId::ThighLeft));
    assert!(r.extra_dose_confirmed);
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains(r#""site":"thigh-left""#) && json.contains(r#""extraDoseConfirmed":true"#), "{json}");
    assert_eq!(serde_json::from_str::<Run>(&json).unwrap(), r);
    // Older records (neither field) still load; a fresh run writes neither.
    let fresh = serde_json::to_string(&Run::new(T0, None)).unwrap();
    assert!(!fresh.contains(r#""site":"#) && !fresh.contains("extraDose"), "{fresh}");
    assert_eq!(serde_json::from_str::<Run>(&fresh).unwrap(), Run::new(T0, None));
}
