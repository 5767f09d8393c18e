//! Language packs (docs/SIZE.md, "Texts per language"): the texts each view
//! can show, one pack per view and language (the headless API uses the
//! calculator's).
//!
//! With the `split` feature every pack is a split point of its own, so a page
//! in English downloads the English texts of the views it shows and never the
//! Spanish ones (and the reverse); a live `lang` change fetches the missing
//! pack before the view switches language (shell/lazy.rs). A pack installs
//! its tables' accessors (`core::i18n::install_en`); the frame's own tables
//! are `resident` and need none. Without `split` the packs are plain calls.
//!
//! Each list is checked by tests/module_graph.rs: it must hold every
//! non-resident table its view's files can reach (a table left out would read
//! as an empty text, which core::i18n reports on the console).

use std::cell::Cell;

use crate::core::attrs::View;
use crate::core::i18n::{install_en, install_es, Lang};
use crate::shell::split::LoadFailed;

/// Declares a pack's two loaders (English, Spanish), each a split point.
macro_rules! text_pack {
    ($pack:ident, $en:ident, $es:ident, $split_en:ident, $split_es:ident, [$($table:path),* $(,)?]) => {
        #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split($split_en, fallible))]
        fn $en() -> Result<(), LoadFailed> {
            $( install_en::<$table>(); )*
            Ok(())
        }
        #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split($split_es, fallible))]
        fn $es() -> Result<(), LoadFailed> {
            $( install_es::<$table>(); )*
            Ok(())
        }
    };
}

text_pack!(Calculator, calculator_en, calculator_es, kw_calculator_en, kw_calculator_es, [
    crate::core::checklist::steps::Step,
    crate::core::checklist::steps::StepMsg,
    crate::core::dose::form::Missing,
    crate::core::dose::labels::CalcUi,
    crate::core::dose::labels::IndicationOption,
    crate::core::dose::syringe::SyringeMsg,
    crate::core::dose::text::Freq,
    crate::core::dose::rules::Indication,
    crate::core::dose::text::Instruction,
    crate::core::dose::text::StepMsg,
    crate::core::dose::text::WarningCode,
    crate::core::limits::ErrorCode,
    crate::core::storage::StorageMsg,
    crate::core::units::NumberError,
]);

text_pack!(Sites, sites_en, sites_es, kw_sites_en, kw_sites_es, [
    crate::core::checklist::Inspection,
    crate::core::checklist::Refusal,
    crate::core::checklist::StopReason,
    crate::core::checklist::history::DoseSchedule,
    crate::core::checklist::history::HistoryMsg,
    crate::core::checklist::steps::Step,
    crate::core::checklist::steps::StepMsg,
    crate::core::checklist::text::ChecklistMsg,
    crate::core::dose::rules::Indication,
    crate::core::dose::text::Freq,
    crate::core::dose::text::Instruction,
    crate::core::dose::text::StepMsg,
    crate::core::dose::text::WarningCode,
    crate::core::limits::ErrorCode,
    crate::core::sites::FlagReason,
    crate::core::sites::Injector,
    crate::core::sites::Reaction,
    crate::core::sites::text::ImportProblem,
    crate::core::sites::text::SitesMsg,
    crate::core::sites::text::SitesUi,
    crate::core::sites::zones::Area,
    crate::core::sites::zones::ZoneId,
    crate::core::storage::StorageMsg,
    crate::core::units::NumberError,
]);

text_pack!(Storage, storage_en, storage_es, kw_storage_en, kw_storage_es, [
    crate::core::checklist::Inspection,
    crate::core::checklist::Refusal,
    crate::core::checklist::StopReason,
    crate::core::checklist::excursion::ExcursionMsg,
    crate::core::checklist::excursion::MishapKind,
    crate::core::checklist::excursion::TempBand,
    crate::core::checklist::guard::GuardMsg,
    crate::core::checklist::history::DoseSchedule,
    crate::core::checklist::history::HistoryMsg,
    crate::core::checklist::steps::Step,
    crate::core::checklist::steps::StepMsg,
    crate::core::checklist::text::ChecklistMsg,
    crate::core::checklist::timer::WarmUpMsg,
    crate::core::dose::labels::CalcUi,
    crate::core::dose::labels::IndicationOption,
    crate::core::dose::rules::Indication,
    crate::core::dose::syringe::SyringeMsg,
    crate::core::dose::text::Freq,
    crate::core::dose::text::Instruction,
    crate::core::dose::text::StepMsg,
    crate::core::dose::text::WarningCode,
    crate::core::limits::ErrorCode,
    crate::core::sites::FlagReason,
    crate::core::sites::Injector,
    crate::core::sites::Reaction,
    crate::core::sites::text::ImportProblem,
    crate::core::sites::text::SitesMsg,
    crate::core::sites::text::SitesUi,
    crate::core::sites::zones::Area,
    crate::core::sites::zones::ZoneId,
    crate::core::storage::StorageMsg,
    crate::core::units::NumberError,
]);

text_pack!(Safety, safety_en, safety_es, kw_safety_en, kw_safety_es, [
    crate::core::checklist::Inspection,
    crate::core::checklist::Refusal,
    crate::core::checklist::StopReason,
    crate::core::checklist::excursion::ExcursionMsg,
    crate::core::checklist::excursion::MishapKind,
    crate::core::checklist::excursion::TempBand,
    crate::core::checklist::history::DoseSchedule,
    crate::core::checklist::history::HistoryMsg,
    crate::core::checklist::steps::Step,
    crate::core::checklist::steps::StepMsg,
    crate::core::checklist::text::ChecklistMsg,
    crate::core::checklist::timer::WarmUpMsg,
    crate::core::dose::labels::CalcUi,
    crate::core::dose::labels::IndicationOption,
    crate::core::dose::rules::Indication,
    crate::core::dose::text::Freq,
    crate::core::dose::text::Instruction,
    crate::core::dose::text::StepMsg,
    crate::core::dose::text::WarningCode,
    crate::core::limits::ErrorCode,
    crate::core::safety::form::SafetyUi,
    crate::core::safety::ics::ReminderMsg,
    crate::core::safety::monitoring::MonitoringMsg,
    crate::core::safety::screen::Question,
    crate::core::safety::screen::ScreenMsg,
    crate::core::safety::triage::Symptom,
    crate::core::safety::triage::TriageMsg,
    crate::core::safety::warnings::WarningMsg,
    crate::core::sites::FlagReason,
    crate::core::sites::Injector,
    crate::core::sites::Reaction,
    crate::core::sites::zones::Area,
    crate::core::sites::zones::ZoneId,
    crate::core::storage::StorageMsg,
    crate::core::units::NumberError,
]);


/// The packs: one per view. The headless API reads the calculator's (its
/// tables are a subset, tests/module_graph.rs): one split point less, so
/// fewer shared chunks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pack {
    Calculator,
    Sites,
    Storage,
    Safety,
}

impl Pack {
    /// The pack a view's texts are in (`All` opens on the calculator).
    pub fn of(view: View) -> Pack {
        match view {
            View::All | View::Calculator => Pack::Calculator,
            View::Sites => Pack::Sites,
            View::Storage => Pack::Storage,
            View::Safety => Pack::Safety,
        }
    }

    fn bit(self, lang: Lang) -> u16 {
        let pack = match self {
            Pack::Calculator => 0,
            Pack::Sites => 1,
            Pack::Storage => 2,
            Pack::Safety => 3,
        };
        1 << (pack * 2 + if lang == Lang::Es { 1 } else { 0 })
    }
}

thread_local! {
    /// The (pack, language) pairs installed on this page, one bit each.
    static INSTALLED: Cell<u16> = const { Cell::new(0) };
}

/// The pack's texts in `lang` are here (always, without `split`).
pub fn installed(pack: Pack, lang: Lang) -> bool {
    !cfg!(feature = "split") || INSTALLED.with(|i| i.get() & pack.bit(lang) != 0)
}

/// Fetches and installs the pack's texts in `lang` (once; a failure is
/// retried on the next call).
pub async fn install(pack: Pack, lang: Lang) -> Result<(), LoadFailed> {
    if installed(pack, lang) {
        return Ok(());
    }
    // One arm per pack and language; `.await` only where they are split.
    macro_rules! call {
        ($($p:ident, $l:ident => $f:ident),*) => {
            match (pack, lang) {
                $((Pack::$p, Lang::$l) => {
                    #[cfg(feature = "split")]
                    let r = $f().await;
                    #[cfg(not(feature = "split"))]
                    let r = $f();
                    r
                })*
            }
        };
    }
    call!(
        Calculator, En => calculator_en, Calculator, Es => calculator_es,
        Sites, En => sites_en, Sites, Es => sites_es,
        Storage, En => storage_en, Storage, Es => storage_es,
        Safety, En => safety_en, Safety, Es => safety_es
    )?;
    INSTALLED.with(|i| i.set(i.get() | pack.bit(lang)));
    Ok(())
}
