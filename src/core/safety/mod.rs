//! Safety companion: neutrophil monitoring schedule, calendar (ICS) export,
//! side-effect triage and the before-starting screen. Pure data and rules.

pub mod course;
pub mod form;
pub mod ics;
pub mod monitoring;
pub mod reminders;
pub mod screen;
pub mod triage;
pub mod warnings;

pub use ics::{dose_reminder_events, monitoring_events, to_ics, IcsEvent, When};
pub use course::{Condition, Context, Course};
pub use form::SafetyForm;
pub use reminders::Reminders;
pub use monitoring::{monitoring_schedule, CheckPoint, CheckRow, CheckStatus};
pub use screen::{screen, search_tnf, Question, ScreenOutcome, TnfHit};
pub use triage::{triage, Symptom, Triage};
