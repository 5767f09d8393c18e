//! The JSON strings of the `wire_enum!` enums (core/wire.rs) are the ones
//! `#[derive(Serialize, Deserialize)]` wrote before them, so records stored
//! by earlier versions and API callers read as before. Each list below was
//! printed from the derived code before the switch.

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
