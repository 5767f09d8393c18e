//! The dose reminders the calendar file can carry: how many a due day and
//! every how many days. (Their texts: `ics::ReminderMsg` and the view's
//! label in `form`.)

use crate::core::checklist::history::DoseSchedule;
use crate::core::facts::Fact;

/// Dose reminders written into the calendar file: how many a due day and
/// every how many days (RENAL-EOD: the schedule actually chosen, daily or
/// every other day; RENAL-SPLIT: twice daily every other day only as the
/// prescriber's explicit choice).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reminders {
    Off,
    Daily,
    EveryOtherDay,
    TwiceDaily,
    /// Two doses on each due day, every other day (RENAL-SPLIT).
    TwiceEveryOtherDay,
}

impl Reminders {
    pub const ALL: [Reminders; 5] =
        [Reminders::Off, Reminders::Daily, Reminders::EveryOtherDay, Reminders::TwiceDaily, Reminders::TwiceEveryOtherDay];

    /// The radio button's value.
    pub fn code(self) -> &'static str {
        match self {
            Reminders::Off => "off",
            Reminders::Daily => "daily",
            Reminders::EveryOtherDay => "eod",
            Reminders::TwiceDaily => "twice",
            Reminders::TwiceEveryOtherDay => "twice-eod",
        }
    }

    /// (doses a due day, days between due days); `None` for no reminders.
    pub fn plan(self) -> Option<(u8, u8)> {
        match self {
            Reminders::Off => None,
            Reminders::Daily => Some((1, 1)),
            Reminders::EveryOtherDay => Some((1, 2)),
            Reminders::TwiceDaily => Some((2, 1)),
            Reminders::TwiceEveryOtherDay => Some((2, 2)),
        }
    }

    /// Two reminders a due day (morning and evening times).
    pub fn twice(self) -> bool {
        matches!(self.plan(), Some((2, _)))
    }

    pub fn schedule(self) -> Option<DoseSchedule> {
        match self {
            Reminders::Off => None,
            Reminders::Daily => Some(DoseSchedule::Daily),
            Reminders::EveryOtherDay => Some(DoseSchedule::EveryOtherDay { anchor_day: None }),
            Reminders::TwiceDaily => Some(DoseSchedule::TwiceDaily),
            Reminders::TwiceEveryOtherDay => Some(DoseSchedule::TwiceEveryOtherDay { anchor_day: None }),
        }
    }

    /// The schedule of the calculator's last dose, exactly: 1 or 2 doses a
    /// day, every 1 or 2 days (RENAL-EOD, RENAL-SPLIT). Anything else is not
    /// a schedule this view can remind of: no reminders are preselected.
    pub fn from_dose(administrations_per_day: u8, interval_days: u8) -> Reminders {
        match (administrations_per_day, interval_days) {
            (1, 1) => Reminders::Daily,
            (1, 2) => Reminders::EveryOtherDay,
            (2, 1) => Reminders::TwiceDaily,
            (2, 2) => Reminders::TwiceEveryOtherDay,
            _ => Reminders::Off,
        }
    }

    /// The choices shown: twice daily every other day only when it is the
    /// calculator's (the prescriber's) schedule or already chosen; never
    /// offered on its own (RENAL-SPLIT).
    pub fn choices(calculator: Option<Reminders>, chosen: Reminders) -> impl Iterator<Item = Reminders> {
        let split = Some(Reminders::TwiceEveryOtherDay);
        Reminders::ALL
            .into_iter()
            .filter(move |r| *r != Reminders::TwiceEveryOtherDay || calculator == split || chosen == *r)
    }

    /// The fact that warns about the schedule, if any: the split every-other-
    /// day regimen is in neither label (RENAL-SPLIT).
    pub fn warning(self) -> Option<Fact> {
        (self == Reminders::TwiceEveryOtherDay).then_some(Fact::RenalSplit)
    }
}
