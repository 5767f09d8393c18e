//! The view's state: the core's `SitesState` (saved through the shared repo)
//! plus what only this widget instance shows (selection, drafts, notices).

use std::cell::RefCell;
use std::rc::Rc;

use yew::Reducible;

use crate::core::i18n::{Lang, Translate};
use crate::core::sites::log::{load, persist, BackdateError};
use crate::core::sites::Change;
use crate::core::sites::rotation::Warning;
use crate::core::sites::{FlagReason, ImportError, Injector, LogEntry, Reaction, SitesAction, SitesState, ZoneId};
use crate::core::sites::labels::SitesUi;
use crate::core::storage::StorageMsg;
use crate::shell::services::clock::BrowserClock;
use crate::shell::services::storage::{notify_changed, with_repo};

/// A problem with a form field, shown next to it.
#[derive(Clone, Copy, PartialEq)]
pub enum FieldErr {
    Time(BackdateError),
    CaregiverOnly,
}

impl FieldErr {
    pub fn message(self, lang: Lang) -> String {
        match self {
            FieldErr::Time(e) => e.message(lang).to_string(),
            FieldErr::CaregiverOnly => Warning::CaregiverOnly.text(lang),
        }
    }
}

/// The fields of the log form or of the entry being edited.
#[derive(Clone, PartialEq, Default)]
pub struct Draft {
    /// Log form: "earlier" chosen (otherwise "now").
    pub earlier: bool,
    pub date: String,
    pub time: String,
    pub reactions: Vec<Reaction>,
    pub note: String,
    /// Edit form only.
    pub zone: Option<ZoneId>,
    pub injector: Injector,
    pub error: Option<FieldErr>,
}

impl Draft {
    /// The log form back as it was for an entry whose logging is undone:
    /// reactions and note, and its date and time if it was back-dated.
    pub fn undone(e: &LogEntry) -> Draft {
        Draft { earlier: e.at_ms != e.logged_ms, zone: None, ..Draft::of(e) }
    }

    pub fn of(e: &LogEntry) -> Draft {
        let (date, time) = crate::core::sites::input_values(&BrowserClock, e.at_ms);
        Draft {
            earlier: true,
            date,
            time,
            reactions: e.reactions.clone(),
            note: e.note.clone(),
            zone: Some(e.zone),
            injector: e.injector,
            error: None,
        }
    }
}

/// What a button of the view asks for. It is written in the DOM as the
/// `data-a` attribute (`code`) and read back by `parse` in the one delegated
/// click handler; an unknown value is ignored.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Action {
    Zone,
    Dose,
    Log,
    LogYes,
    LogNo,
    Flag,
    Unflag,
    Edit,
    EditSave,
    EditCancel,
    Delete,
    Undo,
    ShowAll,
    Print,
    Json,
    Csv,
    Wipe,
    WipeYes,
    WipeNo,
}

impl Action {
    pub const ALL: [Action; 19] = [
        Action::Zone,
        Action::Dose,
        Action::Log,
        Action::LogYes,
        Action::LogNo,
        Action::Flag,
        Action::Unflag,
        Action::Edit,
        Action::EditSave,
        Action::EditCancel,
        Action::Delete,
        Action::Undo,
        Action::ShowAll,
        Action::Print,
        Action::Json,
        Action::Csv,
        Action::Wipe,
        Action::WipeYes,
        Action::WipeNo,
    ];

    /// The `data-a` value.
    pub fn code(self) -> &'static str {
        match self {
            Action::Zone => "zone",
            Action::Dose => "dose",
            Action::Log => "log",
            Action::LogYes => "log-yes",
            Action::LogNo => "log-no",
            Action::Flag => "flag",
            Action::Unflag => "unflag",
            Action::Edit => "edit",
            Action::EditSave => "edit-save",
            Action::EditCancel => "edit-cancel",
            Action::Delete => "del",
            Action::Undo => "undo",
            Action::ShowAll => "all",
            Action::Print => "print",
            Action::Json => "json",
            Action::Csv => "csv",
            Action::Wipe => "wipe",
            Action::WipeYes => "wipe-yes",
            Action::WipeNo => "wipe-no",
        }
    }

    pub fn parse(code: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.code() == code)
    }

    /// CSS selector of the buttons with this action.
    pub fn selector(self) -> String {
        format!("[data-a={}]", self.code())
    }
}

/// One-off messages about the last user action.
#[derive(Clone, PartialEq)]
pub enum Notice {
    /// Shown with the entry of `SitesState::undo` (`Undo::Logged`).
    Logged,
    Deleted,
    Edited,
    DeletedAll,
    Imported,
    /// `None`: the file could not be read at all.
    ImportFailed(Option<ImportError>),
    /// The file work's module (io.rs) could not be fetched (import or download).
    IoLoadFailed,
    ExportFailed,
}

/// What the polite live region says after the last action. Kept as the
/// message and its arguments, translated when rendered (`announce_text`), so
/// a live `lang` change re-renders it in the new language.
#[derive(Clone, Copy, PartialEq, Default)]
pub enum Announce {
    #[default]
    Nothing,
    /// "Logged: {zone}, {time}" for an injection given at `at_ms`.
    Logged(ZoneId, i64),
    /// Logging `zone` was undone.
    LogUndone(ZoneId),
    /// A message without arguments (deleted, edited, the dose recorded …).
    Said(SitesUi),
}

/// "Also record today's dose" under "Logged: …" (`core::sites::dose`).
#[derive(Clone, Copy, PartialEq, Default)]
pub enum DoseOffer {
    #[default]
    None,
    /// The button, for the dose of an injection given at this time.
    Offer(i64),
    Recorded,
    /// Recorded meanwhile (another tab or the storage view).
    Already,
    NotSaved(i64),
}

#[derive(Clone, PartialEq)]
pub struct Ui {
    pub selected: Option<ZoneId>,
    /// The zone with `tabindex=0` in the body map.
    pub focus_zone: ZoneId,
    pub log: Draft,
    /// The log button was pressed on a zone that needs "log anyway".
    pub confirm: bool,
    pub edit: Option<(String, Draft)>,
    pub flag_reason: FlagReason,
    pub flag_until: String,
    pub flag_error: Option<FieldErr>,
    pub notice: Option<Notice>,
    /// What the polite live region says.
    pub announce: Announce,
    pub confirm_wipe: bool,
    pub show_all: bool,
    pub dose: DoseOffer,
    /// The last change could not be written (the state keeps it in memory).
    pub not_saved: bool,
}

impl Default for Ui {
    fn default() -> Self {
        Ui {
            selected: None,
            focus_zone: crate::core::sites::rotation::MAP_ORDER[0],
            log: Draft::default(),
            confirm: false,
            edit: None,
            flag_reason: FlagReason::Tender,
            flag_until: String::new(),
            flag_error: None,
            notice: None,
            announce: Announce::Nothing,
            confirm_wipe: false,
            show_all: false,
            dose: DoseOffer::None,
            not_saved: false,
        }
    }
}

#[derive(Clone)]
pub struct Model {
    pub s: SitesState,
    pub ui: Ui,
    /// Changes the reducer accepted and the view's effect has not written
    /// yet (no storage write inside a reducer: see `Model::save_pending`).
    outbox: Rc<RefCell<Vec<Change>>>,
    /// Grows with every accepted change: the effect's trigger.
    pub pending: u32,
}

/// A change to the UI state.
pub type UiChange = Box<dyn FnOnce(&mut Ui)>;

/// A data change, a UI change, or both (applied in that order).
pub struct Act {
    pub core: Option<SitesAction>,
    pub ui: Option<UiChange>,
}

pub fn core(a: SitesAction) -> Act {
    Act { core: Some(a), ui: None }
}

pub fn ui(f: impl FnOnce(&mut Ui) + 'static) -> Act {
    Act { core: None, ui: Some(Box::new(f)) }
}

pub fn both(a: SitesAction, f: impl FnOnce(&mut Ui) + 'static) -> Act {
    Act { core: Some(a), ui: Some(Box::new(f)) }
}

/// What storage holds now, as a `Reload` (keeps undo), or `None` if the
/// repository is busy.
pub fn reload_action() -> Option<SitesAction> {
    let (s, _) = with_repo(load)?;
    Some(SitesAction::Reload { entries: s.entries, flags: s.flags, injector: s.injector })
}

impl Model {
    pub fn load() -> Model {
        let mut s = SitesState::default();
        if let Some(SitesAction::Reload { entries, flags, injector }) = reload_action() {
            s.apply(SitesAction::Loaded { entries, flags, injector });
        }
        Model { s, ui: Ui::default(), outbox: Rc::default(), pending: 0 }
    }

    /// The user-facing storage notices: the repo's status (memory only,
    /// quarantine, failed write) and "this change was not saved".
    pub fn storage_notices(&self, lang: Lang) -> Vec<String> {
        let mut out: Vec<String> =
            with_repo(|r| r.status().message(lang)).flatten().into_iter().collect();
        if self.ui.not_saved {
            out.push(StorageMsg::NotSaved.tr(lang).to_string());
        }
        out
    }
}

impl Model {
    /// Writes what the reducer accepted since the last call (the view runs
    /// this in an effect when `pending` grows); on success tells every
    /// instance (deferred by `notify_changed`). Returns whether all of it
    /// was saved (`None`: nothing was waiting); the repository being busy
    /// counts as not saved.
    pub fn save_pending(&self) -> Option<bool> {
        let changes = match self.outbox.try_borrow_mut() {
            Ok(mut o) => std::mem::take(&mut *o),
            Err(_) => return Some(false),
        };
        if changes.is_empty() {
            return None;
        }
        let ok = with_repo(|r| persist(r, &changes).is_ok()).unwrap_or(false);
        if ok {
            notify_changed();
        }
        Some(ok)
    }
}

impl Reducible for Model {
    type Action = Act;

    fn reduce(self: Rc<Self>, act: Act) -> Rc<Self> {
        let mut m = Rc::unwrap_or_clone(self);
        if let Some(a) = act.core {
            let changes = m.s.apply(a);
            if !changes.is_empty() {
                match m.outbox.try_borrow_mut() {
                    Ok(mut o) => o.extend(changes),
                    Err(_) => m.ui.not_saved = true,
                }
                m.pending = m.pending.wrapping_add(1);
            }
        }
        if let Some(f) = act.ui {
            f(&mut m.ui);
        }
        Rc::new(m)
    }
}
