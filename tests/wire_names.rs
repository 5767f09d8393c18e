//! core/wire.rs replaces serde's derived decoding (docs/SIZE.md): the JSON
//! strings of the `wire_enum!` enums are the ones `#[derive(Serialize,
//! Deserialize)]` wrote before them (each list below was printed from the
//! derived code before the switch), and the `wire_struct!` records read
//! back what their derived `Serialize` writes, so records stored by earlier
//! versions and API callers read as before.

use kineret_widget::core::checklist::excursion::{Severity as Excursion, TempBand};
use kineret_widget::core::checklist::{Inspection, StopReason, Step};
use kineret_widget::core::dose::form::{EstimateMethod, RenalMode, ScrUnit, WeightUnit};
use kineret_widget::core::dose::{Indication, RenalSchedule, Split};
use kineret_widget::core::renal::Sex;
use kineret_widget::core::sites::zones::ZoneId;
use kineret_widget::core::sites::{FlagReason, Injector, Reaction};
use kineret_widget::core::units::TempUnit;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Debug;

/// `all` (the variants, any order) written as `names`, each read back, and
/// `WIRE_ALL` in declaration order (`Serialize` indexes `WIRE` by discriminant).
fn check<T: Serialize + DeserializeOwned + Copy + Debug + PartialEq>(all: &[T], wire_all: &[T], names: &[&str]) {
    assert_eq!(all.len(), names.len(), "{all:?}");
    assert_eq!(wire_all.len(), names.len(), "{wire_all:?}");
    for (v, name) in all.iter().zip(names) {
        let json = serde_json::to_string(v).unwrap();
        assert_eq!(json, format!("\"{name}\""), "{v:?}");
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), *v, "{v:?}");
    }
    for (i, v) in wire_all.iter().enumerate() {
        assert_eq!(serde_json::to_string(v).unwrap(), format!("\"{}\"", names[i]), "WIRE_ALL out of declaration order at {v:?}");
    }
}

#[test]
fn enum_strings_are_the_derived_ones() {
    check(&ZoneId::ALL, ZoneId::WIRE_ALL, &["thigh-right", "thigh-left", "abdomen-right", "abdomen-left", "buttock-right", "buttock-left", "arm-right", "arm-left"]);
    check(&Injector::ALL, Injector::WIRE_ALL, &["selfInjecting", "caregiver"]);
    check(&Reaction::ALL, Reaction::WIRE_ALL, &["redness", "swelling", "itching", "pain", "bruising"]);
    check(&FlagReason::ALL, FlagReason::WIRE_ALL, &["tender", "red", "bruised", "swollen", "hard", "scar", "stretchMarks"]);
    check(&[Inspection::ClearOk, Inspection::CloudyDiscoloredParticles], Inspection::WIRE_ALL, &["clearOk", "cloudyDiscoloredParticles"]);
    check(&[StopReason::InspectionFailed], StopReason::WIRE_ALL, &["inspectionFailed"]);
    check(&Step::ALL, Step::WIRE_ALL, &["expiryChecked", "outOfFridge", "laidFlat", "inspected", "handsWashed", "siteChosen", "partialPrepared", "injected", "sharpsDisposed", "remainderDiscarded"]);
    check(&TempUnit::ALL, TempUnit::WIRE_ALL, &["C", "F"]);
    check(&Indication::ALL, Indication::WIRE_ALL, &["ra", "nomid", "dira", "covid19", "caps", "fmf", "stills"]);
    check(&[WeightUnit::Kg, WeightUnit::Lb], WeightUnit::WIRE_ALL, &["kg", "lb"]);
    check(&[ScrUnit::MgDl, ScrUnit::UmolL], ScrUnit::WIRE_ALL, &["mgDl", "umolL"]);
    check(&[RenalMode::NotKnown, RenalMode::Enter, RenalMode::Estimate, RenalMode::Esrd], RenalMode::WIRE_ALL, &["notKnown", "enter", "estimate", "esrd"]);
    check(&[EstimateMethod::Adult, EstimateMethod::Child], EstimateMethod::WIRE_ALL, &["adult", "child"]);
    check(&Sex::ALL, Sex::WIRE_ALL, &["female", "male"]);
    check(&Split::ALL, Split::WIRE_ALL, &["once", "twice"]);
    check(&RenalSchedule::ALL, RenalSchedule::WIRE_ALL, &["daily", "every-other-day"]);
    check(&TempBand::ALL, TempBand::WIRE_ALL, &["room", "warmer", "colder", "unknown"]);
    check(&[Excursion::Ok, Excursion::Caution, Excursion::DoNotUse], Excursion::WIRE_ALL, &["ok", "caution", "doNotUse"]);
}

#[test]
fn unknown_or_mistyped_strings_are_refused_with_serdes_message() {
    let err = serde_json::from_str::<Reaction>("\"rash\"").unwrap_err().to_string();
    assert!(err.starts_with("unknown variant `rash`, expected one of `redness`, `swelling`"), "{err}");
    // Case matters, as it did for the derive.
    assert!(serde_json::from_str::<Indication>("\"RA\"").is_err());
    assert!(serde_json::from_str::<ZoneId>("3").is_err());
    assert!(serde_json::from_str::<Step>("null").is_err());
    // A struct field holding one.
    #[derive(serde::Deserialize, Debug)]
    struct Holder {
        #[allow(dead_code)]
        zone: ZoneId,
    }
    assert!(serde_json::from_str::<Holder>(r#"{"zone":"thigh-left"}"#).is_ok());
    assert!(serde_json::from_str::<Holder>(r#"{"zone":"thigh"}"#).is_err());
}

/// What the derived `Serialize` writes, `wire_struct!` reads back; a key
/// left out reads as its default or fails as serde's "missing field"; an
/// unknown key is skipped.
fn round_trip<T: Serialize + DeserializeOwned + Debug + PartialEq>(v: &T) {
    let json = serde_json::to_string(v).unwrap();
    assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), v, "{json}");
    let mut obj: serde_json::Value = serde_json::from_str(&json).unwrap();
    obj.as_object_mut().unwrap().insert("fromAFutureVersion".into(), serde_json::json!([1, {"x": null}]));
    assert_eq!(&serde_json::from_value::<T>(obj).unwrap(), v, "unknown key not skipped: {json}");
}

#[test]
fn stored_structs_read_back_what_they_write() {
    use kineret_widget::core::checklist::store::ChecklistSettings;
    use kineret_widget::core::checklist::{DoseSchedule, Run, StepState};
    use kineret_widget::core::dose::form::FormInput;
    use kineret_widget::core::sites::{Flag, LogEntry, SitesSettings};

    let entry = LogEntry::new(ZoneId::ArmLeft, 1_700_000_000_000, 1_700_000_060_000, Injector::Caregiver, vec![Reaction::Pain, Reaction::Redness], "  a note ", 7);
    round_trip(&entry);
    round_trip(&Flag { zone: ZoneId::ThighLeft, reason: FlagReason::StretchMarks, until_ms: Some(1_700_000_000_000) });
    round_trip(&Flag { zone: ZoneId::ThighLeft, reason: FlagReason::Scar, until_ms: None });
    round_trip(&SitesSettings { injector: Injector::Caregiver });
    round_trip(&ChecklistSettings { schedule: DoseSchedule::EveryOtherDay { anchor_day: Some(19_000) } });
    let run = Run {
        id: "r1".into(),
        started_ms: 5,
        steps: Step::ALL.iter().map(|&step| StepState { step, ticked_ms: (step == Step::Inspected).then_some(9) }).collect(),
        out_of_fridge_ms: Some(6),
        inspection: Some(Inspection::CloudyDiscoloredParticles),
        warm_up_overridden: true,
        completed_ms: Some(8),
        stopped: Some(StopReason::InspectionFailed),
        discard_mg: Some(40.5),
        extra_dose_confirmed: true,
        site: Some(ZoneId::AbdomenRight),
    };
    round_trip(&run);
    round_trip(&Run { steps: vec![], out_of_fridge_ms: None, inspection: None, warm_up_overridden: false, completed_ms: None, stopped: None, discard_mg: None, extra_dose_confirmed: false, site: None, ..run.clone() });
    let form = FormInput {
        indication: Some(Indication::Nomid),
        weight: "20,5".into(),
        weight_unit: WeightUnit::Lb,
        dose: "2".into(),
        split: Split::Twice,
        age: "7".into(),
        renal: RenalMode::Estimate,
        crcl: "".into(),
        method: EstimateMethod::Child,
        sex: Some(Sex::Female),
        scr: "0.6".into(),
        scr_unit: ScrUnit::UmolL,
        height: "120".into(),
        renal_schedule: Some(RenalSchedule::EveryOtherDay),
    };
    round_trip(&form);
    round_trip(&FormInput::default());

    // Left out: the defaults (every form field; a run's optional fields) ...
    assert_eq!(serde_json::from_str::<FormInput>("{}").unwrap(), FormInput::default());
    assert_eq!(serde_json::from_str::<FormInput>(r#"{"weight":"12"}"#).unwrap(), FormInput { weight: "12".into(), ..FormInput::default() });
    let bare: Run = serde_json::from_str(r#"{"id":"r","startedMs":1,"steps":[{"step":"inspected"}]}"#).unwrap();
    assert_eq!((bare.steps[0].ticked_ms, bare.out_of_fridge_ms, bare.site, bare.extra_dose_confirmed), (None, None, None, false));
    // ... or serde's error for a required one, and a type error names the struct.
    let err = serde_json::from_str::<LogEntry>(r#"{"id":"x","zone":"arm-left","atMs":1,"loggedMs":1,"injector":"caregiver","reactions":[]}"#).unwrap_err().to_string();
    assert!(err.starts_with("missing field `note`"), "{err}");
    let err = serde_json::from_str::<Flag>("[]").unwrap_err().to_string();
    assert!(err.contains("expected struct Flag"), "{err}");
    assert!(serde_json::from_str::<Flag>(r#"{"zone":"arm-left","reason":"tender","untilMs":"soon"}"#).is_err());
}
