//! Language packs (docs/SIZE.md, "Split per view"): every text a view or the
//! headless API can show, one pack per language.
//!
//! With the `split` feature each pack is a split point of its own, so a page
//! in English never downloads a Spanish text (and the reverse); a live `lang`
//! change fetches the missing pack before the view switches language
//! (shell/lazy.rs). A pack installs its tables' accessors
//! (`core::i18n::install_en`); the frame's own tables are `resident` and
//! need none. Without `split` the packs are plain calls.
//!
//! One pack per language, not one per view and language: measured, per-view
//! packs saved a few KB on some single views but nearly doubled the number
//! of modules a view fetches (shared text chunks), and cost more on the
//! others and on `view="all"` (docs/SIZE.md).
//!
//! The list is checked by tests/module_graph.rs: it must hold every
//! non-resident table of the crate (a table left out would read as an empty
//! text, which core::i18n reports on the console).

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

text_pack!(All, texts_en, texts_es, kw_texts_en, kw_texts_es, [
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
    crate::core::dose::form::Missing,
    crate::core::dose::labels::CalcUi,
    crate::core::dose::labels::IndicationOption,
    crate::core::dose::rules::Indication,
    crate::core::dose::syringe::SyringeMsg,
    crate::core::dose::text::Freq,
    crate::core::dose::text::Instruction,
    crate::core::dose::text::RegionName,
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
    crate::core::sites::text::ImportProblem,
    crate::core::sites::text::SitesMsg,
    crate::core::sites::text::SitesUi,
    crate::core::sites::zones::Area,
    crate::core::sites::zones::ZoneId,
    crate::core::storage::StorageMsg,
    crate::core::units::NumberError,
]);

/// The packs: one per language, every view's tables (one module per
/// language, so a view needs two files for its texts at most; measured
/// against one pack per view and language in docs/SIZE.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pack {
    All,
}

impl Pack {
    /// The pack a view's texts are in.
    pub fn of(_view: View) -> Pack {
        Pack::All
    }

    fn bit(self, lang: Lang) -> u16 {
        match lang {
            Lang::En => 1,
            Lang::Es => 2,
        }
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
    call!(All, En => texts_en, All, Es => texts_es)?;
    INSTALLED.with(|i| i.set(i.get() | pack.bit(lang)));
    Ok(())
}
