#![cfg(not(target_arch = "wasm32"))]
//! Everything downstream of a dose plan follows the plan's cadence
//! (RENAL-EOD, RENAL-SPLIT): for any valid plan, the checklist's schedule and
//! dose history, the safety view's reminders and the calendar file (ICS) have
//! exactly the plan's administrations per day and interval. The views receive
//! the plan through these two numbers (`LastDose` in the shell), which is what
//! the property feeds them.

use kineret_widget::core::checklist::history::DoseSchedule;
use kineret_widget::core::dose::{calculate, DoseInput, Indication, Region, RenalSchedule, Split, WeightInput};
use kineret_widget::core::i18n::Lang;
use kineret_widget::core::safety::course::{Context, Course};
use kineret_widget::core::safety::reminders::Reminders;
use kineret_widget::core::safety::ics::{dose_reminder_events, to_ics};
use proptest::prelude::*;

fn input() -> impl Strategy<Value = DoseInput> {
    (
        prop::sample::select(Indication::ALL.to_vec()),
        (3.0f64..=150.0),
        (1u32..=16).prop_map(|h| f64::from(h) / 2.0),
        prop_oneof![Just(Split::Once), Just(Split::Twice)],
        prop_oneof![Just(None), (5.0f64..=120.0).prop_map(Some), Just(Some(29.9))],
        any::<bool>(),
        prop_oneof![Just(None), Just(Some(RenalSchedule::Daily)), Just(Some(RenalSchedule::EveryOtherDay))],
        prop_oneof![Just(Region::Us), Just(Region::Eu)],
    )
        .prop_map(|(ind, kg, rate, split, crcl, esrd, renal_schedule, region)| DoseInput {
            indication: Some(ind),
            weight: Some(WeightInput::Kg(kg)),
            mg_per_kg_per_day: Some(rate),
            split,
            crcl_ml_min: crcl,
            esrd,
            renal_schedule,
            region,
            ..DoseInput::default()
        })
}

/// The RRULE intervals of every event of a calendar file.
fn rrule_intervals(ics: &str) -> Vec<u8> {
    ics.lines()
        .filter_map(|l| l.strip_prefix("RRULE:"))
        .map(|r| r.split(';').find_map(|p| p.strip_prefix("INTERVAL=")).map_or(Some(1), |n| n.trim().parse().ok()))
        .map(|n| n.unwrap_or(0))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn checklist_history_reminders_and_ics_follow_the_plan(input in input(), start in 19_000i64..21_000) {
        // RENAL-EOD, RENAL-SPLIT
        let Ok(plan) = calculate(&input, Lang::En) else { return Ok(()) };
        let (per_day, interval) = (plan.administrations_per_day, plan.interval_days);
        prop_assert!(matches!((per_day, interval), (1 | 2, 1 | 2)));

        // Checklist and dose history.
        let schedule = DoseSchedule::from_dose(per_day, interval);
        prop_assert_eq!(schedule.per_day(), u32::from(per_day));
        prop_assert_eq!(schedule.interval_days(), i64::from(interval));
        for day in start..start + 12 {
            let due = schedule.doses_due(day, Some(start));
            let want = if (day - start) % i64::from(interval) == 0 { u32::from(per_day) } else { 0 };
            prop_assert_eq!(due, want, "day {}", day - start);
        }

        // Reminders and the calendar file.
        let reminders = Reminders::from_dose(per_day, interval);
        prop_assert_eq!(reminders.plan(), Some((per_day, interval)));
        let ics = to_ics(&dose_reminder_events(reminders, start, [(8, 0), (20, 0)], Lang::En), 0, "k.example");
        prop_assert_eq!(ics.matches("BEGIN:VEVENT").count(), usize::from(per_day));
        prop_assert_eq!(rrule_intervals(&ics), vec![interval; usize::from(per_day)]);

        // The safety view's course from the same plan, and DOSE-COVID-HOSP:
        // a hospital-only plan has no reminders at all.
        let hospital = plan.indication.rule().hospital_only;
        let course = Course::new(plan.indication, per_day, interval, hospital);
        prop_assert_eq!(course.plan, reminders);
        let ctx = Context::new(input.region, Some(course));
        prop_assert_eq!(ctx.plan(), if hospital { None } else { Some(reminders) });
        prop_assert_eq!(hospital, plan.indication == Indication::Covid19);
    }
}

#[test]
fn a_split_dose_with_the_kidney_rule_is_reminded_every_other_day_only_when_chosen() {
    // RENAL-SPLIT: twice daily + the kidney rule keeps twice daily by default;
    // every other day only as the explicit choice, and then every downstream
    // schedule is every other day.
    let base = DoseInput {
        indication: Some(Indication::Nomid),
        weight: Some(WeightInput::Kg(20.0)),
        mg_per_kg_per_day: Some(4.0),
        split: Split::Twice,
        esrd: true,
        ..DoseInput::default()
    };
    let kept = calculate(&base, Lang::En).unwrap();
    assert_eq!((kept.administrations_per_day, kept.interval_days), (2, 1));
    let chosen = calculate(&DoseInput { renal_schedule: Some(RenalSchedule::EveryOtherDay), ..base }, Lang::En).unwrap();
    assert_eq!((chosen.administrations_per_day, chosen.interval_days), (2, 2));
    let schedule = DoseSchedule::from_dose(2, 2);
    assert_eq!(schedule.doses_due(100, Some(100)), 2);
    assert_eq!(schedule.doses_due(101, Some(100)), 0);
    let ics = to_ics(&dose_reminder_events(Reminders::from_dose(2, 2), 100, [(8, 0), (20, 0)], Lang::En), 0, "k.example");
    assert_eq!(rrule_intervals(&ics), vec![2, 2]);
}
