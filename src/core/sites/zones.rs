//! The injection-site table (CLINICAL.md, "Injection sites"). One row per
//! zone; each row carries its source line.

use crate::core::facts::Fact;
use crate::core::i18n::Translate;

/// Stable zone ids. The DECLARATION ORDER is the fixed tie-break order of the
/// rotation, alternating sides within each area and then moving to the next
/// area: thigh-right, thigh-left, abdomen-right, abdomen-left, buttock-right,
/// buttock-left, arm-right, arm-left. `ZoneId as usize` indexes [`ZONES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ZoneId {
    ThighRight,
    ThighLeft,
    AbdomenRight,
    AbdomenLeft,
    ButtockRight,
    ButtockLeft,
    ArmRight,
    ArmLeft,
}

crate::wire_enum!(ZoneId {
    ThighRight => "thigh-right",
    ThighLeft => "thigh-left",
    AbdomenRight => "abdomen-right",
    AbdomenLeft => "abdomen-left",
    ButtockRight => "buttock-right",
    ButtockLeft => "buttock-left",
    ArmRight => "arm-right",
    ArmLeft => "arm-left",
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Thigh,
    Abdomen,
    Buttock,
    UpperArm,
}

/// Which body diagram (front or back view) shows the zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Front,
    Back,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone {
    pub id: ZoneId,
    pub side: Side,
    pub area: Area,
    pub view: View,
    /// Only when someone else gives the injection.
    pub caregiver_only: bool,
    /// SITE-ZONES (its source: the seed page).
    pub fact: Fact,
}

const fn z(id: ZoneId, side: Side, area: Area, view: View, caregiver_only: bool) -> Zone {
    Zone { id, side, area, view, caregiver_only, fact: Fact::SiteZones }
}

/// In [`ZoneId::ALL`] order. Sources: CLINICAL.md "Injection sites" table
/// (all four rows are "seed"); the outer upper arm is drawn on the back view.
pub const ZONES: [Zone; 8] = [
    z(ZoneId::ThighRight, Side::Right, Area::Thigh, View::Front, false),
    z(ZoneId::ThighLeft, Side::Left, Area::Thigh, View::Front, false),
    z(ZoneId::AbdomenRight, Side::Right, Area::Abdomen, View::Front, false),
    z(ZoneId::AbdomenLeft, Side::Left, Area::Abdomen, View::Front, false),
    z(ZoneId::ButtockRight, Side::Right, Area::Buttock, View::Back, false),
    z(ZoneId::ButtockLeft, Side::Left, Area::Buttock, View::Back, false),
    z(ZoneId::ArmRight, Side::Right, Area::UpperArm, View::Back, true),
    z(ZoneId::ArmLeft, Side::Left, Area::UpperArm, View::Back, true),
];

/// Each zone's ellipse as drawn on the body map (viewBox 200 × 320 per
/// figure), in [`ZoneId::ALL`] order, as ready-made attribute strings (no
/// number formatting at run time): cx, cy, rx, ry, focus-ring rx/ry (+7),
/// suggestion-ring rx/ry (+3), baseline of the day cue (cy+6). Front view:
/// the person's right is on the viewer's left; back view: the other way
/// round. [`CENTRES`] holds the same centres as numbers (a test checks).
pub const DRAWN: [[&str; 9]; 8] = [
    ["77", "250", "23", "30", "30", "37", "26", "33", "256"], // thigh-right
    ["123", "250", "23", "30", "30", "37", "26", "33", "256"], // thigh-left
    ["76", "160", "23", "23", "30", "30", "26", "26", "166"], // abdomen-right
    ["124", "160", "23", "23", "30", "30", "26", "26", "166"], // abdomen-left
    ["126", "197", "24", "23", "31", "30", "27", "26", "203"], // buttock-right
    ["74", "197", "24", "23", "31", "30", "27", "26", "203"], // buttock-left
    ["164", "104", "24", "30", "31", "37", "27", "33", "110"], // arm-right
    ["36", "104", "24", "30", "31", "37", "27", "33", "110"], // arm-left
];

/// The drawn centre (x, y) of each zone within its figure, in [`ZoneId::ALL`]
/// order: the keyboard follows these (`rotation::neighbour`).
pub const CENTRES: [(i32, i32); 8] =
    [(77, 250), (123, 250), (76, 160), (124, 160), (126, 197), (74, 197), (164, 104), (36, 104)];

impl ZoneId {
    pub const ALL: [ZoneId; 8] = [
        ZoneId::ThighRight,
        ZoneId::ThighLeft,
        ZoneId::AbdomenRight,
        ZoneId::AbdomenLeft,
        ZoneId::ButtockRight,
        ZoneId::ButtockLeft,
        ZoneId::ArmRight,
        ZoneId::ArmLeft,
    ];

    pub fn zone(self) -> &'static Zone {
        &ZONES[self as usize]
    }

    pub fn as_str(self) -> &'static str {
        ZoneId::WIRE[self as usize]
    }

    pub fn parse(s: &str) -> Option<ZoneId> {
        crate::core::wire::position(ZoneId::WIRE, s).map(|i| ZoneId::WIRE_ALL[i])
    }
}

/// Short zone name (accessible names, lists).
impl Translate for ZoneId {
    crate::text_slots!(ZoneId);
    fn en(self) -> &'static str {
        match self {
            ZoneId::ThighRight => "Right thigh",
            ZoneId::ThighLeft => "Left thigh",
            ZoneId::AbdomenRight => "Right abdomen",
            ZoneId::AbdomenLeft => "Left abdomen",
            ZoneId::ButtockRight => "Right buttock",
            ZoneId::ButtockLeft => "Left buttock",
            ZoneId::ArmRight => "Right arm",
            ZoneId::ArmLeft => "Left arm",
        }
    }

    fn es(self) -> &'static str {
        match self {
            ZoneId::ThighRight => "Muslo derecho",
            ZoneId::ThighLeft => "Muslo izquierdo",
            ZoneId::AbdomenRight => "Abdomen, lado derecho",
            ZoneId::AbdomenLeft => "Abdomen, lado izquierdo",
            ZoneId::ButtockRight => "Glúteo derecho",
            ZoneId::ButtockLeft => "Glúteo izquierdo",
            ZoneId::ArmRight => "Brazo derecho",
            ZoneId::ArmLeft => "Brazo izquierdo",
        }
    }
}

/// Where exactly in the area (CLINICAL.md "Injection sites", detail column, seed).
impl Translate for Area {
    crate::text_slots!(Area);
    fn en(self) -> &'static str {
        match self {
            Area::Thigh => "Front of the middle thigh",
            Area::Abdomen => "Lower stomach, at least 2 inches (5 cm) away from the belly button",
            Area::Buttock => "Upper outer area of the buttock",
            Area::UpperArm => "Outer upper arm, only when someone else gives the injection",
        }
    }

    fn es(self) -> &'static str {
        match self {
            Area::Thigh => "Parte delantera del muslo, en la zona media",
            Area::Abdomen => "Parte baja del abdomen, al menos a 2 pulgadas (5 cm) del ombligo",
            Area::Buttock => "Zona superior externa del glúteo (nalga)",
            Area::UpperArm => "Parte superior externa del brazo, solo cuando otra persona le pone la inyección",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        for (i, id) in ZoneId::ALL.iter().enumerate() {
            assert_eq!(*id as usize, i);
            assert_eq!(ZONES[i].id, *id);
            assert_eq!(ZoneId::parse(id.as_str()), Some(*id));
            assert_eq!(ZONES[i].caregiver_only, ZONES[i].area == Area::UpperArm);
            // SITE-ZONES: thighs, abdomen, upper outer buttocks, outer upper arms.
            assert_eq!(ZONES[i].fact, Fact::SiteZones);
            assert_eq!(ZONES[i].fact.source(), "seed");
            // The fixed order alternates sides.
            assert_eq!(ZONES[i].side, if i % 2 == 0 { Side::Right } else { Side::Left });
        }
        assert_eq!(ZoneId::parse("Thigh-left"), None);
    }

    #[test]
    fn centres_match_the_drawing() {
        for (i, row) in DRAWN.iter().enumerate() {
            let n = |s: &str| s.parse::<i32>().unwrap_or(-1);
            assert_eq!((n(row[0]), n(row[1])), CENTRES[i], "{:?}", ZoneId::ALL[i]);
            // The cue's baseline sits 6 units under the centre.
            assert_eq!(n(row[8]), CENTRES[i].1 + 6);
        }
        // As drawn: on the front the person's right is on the viewer's left,
        // on the back on the viewer's right (SITE-ZONES).
        for pair in [(ZoneId::ThighRight, ZoneId::ThighLeft), (ZoneId::AbdomenRight, ZoneId::AbdomenLeft)] {
            assert!(CENTRES[pair.0 as usize].0 < CENTRES[pair.1 as usize].0);
        }
        for pair in [(ZoneId::ButtockRight, ZoneId::ButtockLeft), (ZoneId::ArmRight, ZoneId::ArmLeft)] {
            assert!(CENTRES[pair.0 as usize].0 > CENTRES[pair.1 as usize].0);
        }
    }
}
