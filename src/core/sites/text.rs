//! User-visible strings of the injection-site feature (en, es).

use crate::core::i18n::{fill, Lang, Translate};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SitesMsg {
    // Usage, for accessible names and statuses.
    LastUsed,
    NeverUsed,
    WhenToday,
    WhenYesterday,
    WhenDaysAgo,
    // The body map's cue: days since the last use.
    CueToday,
    CueDays,
    // Suggestion reasons.
    SuggestNeverUsed,
    SuggestNotUsedFor,
    SuggestUsedYesterday,
    SuggestUsedToday,
    NoZoneAvailable,
    // Zone status.
    CaregiverOnly,
    ArmDisabledReason,
    FlaggedAs,
    // Warnings.
    WarnMostRecent,
    WarnUsedRecently,
    WarnFlagged,
    WarnCaregiverOnly,
    // Back-dating.
    BadDateTime,
    FutureTime,
    TooOld,
    UntilInPast,
    // Import.
    ImportNotValid,
    ImportWrongFormat,
    ImportNewerVersion,
    ImportTooLarge,
    ImportBadEntry,
    ImportBadFlag,
    ImportSummary,
    // CSV header.
    CsvId,
    CsvZone,
    CsvDateTimeUtc,
    CsvInjector,
    CsvReactions,
    CsvNote,
    // CSV header, the readable columns.
    CsvLocal,
    CsvSite,
    CsvWho,
    CsvSkin,
    // Tips (rules from CLINICAL.md; see `rotation::TIPS` for their sources).
    TipRotate,
    TipSpacing,
    TipVein,
    TipSkin,
    TipAmyloid,
}

impl Translate for SitesMsg {
    crate::text_slots!(SitesMsg);
    fn en(self) -> &'static str {
        use SitesMsg::*;
        match self {
            LastUsed => "last used {when}",
            NeverUsed => "never used",
            WhenToday => "today",
            WhenYesterday => "yesterday",
            WhenDaysAgo => "{n} days ago",
            CueToday => "Today",
            CueDays => "{n} d",
            SuggestNeverUsed => "Never used",
            SuggestNotUsedFor => "Not used for {n} days",
            SuggestUsedYesterday => "Least recently used: yesterday",
            SuggestUsedToday => "Least recently used: today",
            NoZoneAvailable => "Every injection site you can use is marked as not ready. Clear a mark when the skin has healed, or ask your healthcare provider.",
            CaregiverOnly => "caregiver only",
            ArmDisabledReason => "The outer upper arm is used only when someone else gives the injection.",
            FlaggedAs => "flagged: {reason}",
            WarnMostRecent => "You used this site last time ({when}). Rotate sites every time.",
            WarnUsedRecently => "You used this site {when}. Place the injection about 1 inch (2.5 cm) from the last spot.",
            WarnFlagged => "You marked this site: {reason}. Do not inject into skin that is tender, red, bruised, swollen, hard, scarred, or has stretch marks.",
            WarnCaregiverOnly => "The outer upper arm is used only when someone else gives the injection.",
            BadDateTime => "Enter a valid date and time.",
            FutureTime => "That time is in the future.",
            TooOld => "That date is more than a year ago.",
            UntilInPast => "Choose today or a later date.",
            ImportNotValid => "This file is not a valid injection-site export.",
            ImportWrongFormat => "This file was not exported from the injection-site tracker.",
            ImportNewerVersion => "This file comes from a newer version of the widget (version {n}).",
            ImportTooLarge => "This file is too large.",
            ImportBadEntry => "Entry {n} in the file is not valid: {problem}. Nothing was imported.",
            ImportBadFlag => "Mark {n} in the file is not valid: {problem}. Nothing was imported.",
            ImportSummary => "Entries imported: {added}. Already here: {skipped}.",
            CsvId => "id",
            CsvZone => "zone",
            CsvDateTimeUtc => "date-time (UTC)",
            CsvInjector => "given by",
            CsvReactions => "reactions",
            CsvNote => "note",
            CsvLocal => "date and time (local)",
            CsvSite => "site",
            CsvWho => "who injected",
            CsvSkin => "skin reactions",
            TipRotate => "Rotate sites every time so the same area is not used over and over.",
            TipSpacing => "Within an area, place each new injection about 1 inch (2.5 cm) from the previous one.",
            TipVein => "Do not inject close to a vein that you can see under the skin.",
            TipSkin => "Never inject into skin that is tender, red, bruised, swollen, hard, scarred, or has stretch marks.",
            TipAmyloid => "Deposits of a protein called amyloid have been reported at injection sites: if a lump stays at a site, tell your healthcare provider.",
        }
    }

    fn es(self) -> &'static str {
        use SitesMsg::*;
        match self {
            LastUsed => "último uso {when}",
            NeverUsed => "sin usar",
            WhenToday => "hoy",
            WhenYesterday => "ayer",
            WhenDaysAgo => "hace {n} días",
            CueToday => "Hoy",
            CueDays => "{n} d",
            SuggestNeverUsed => "Sin usar",
            SuggestNotUsedFor => "Sin usar desde hace {n} días",
            SuggestUsedYesterday => "Uso menos reciente: ayer",
            SuggestUsedToday => "Uso menos reciente: hoy",
            NoZoneAvailable => "Todas las zonas de inyección que puede usar están marcadas como no aptas. Quite una marca cuando la piel se haya curado o consulte a su profesional de la salud.",
            CaregiverOnly => "solo cuidador(a)",
            ArmDisabledReason => "La parte superior externa del brazo solo se usa cuando otra persona le pone la inyección.",
            FlaggedAs => "marca: {reason}",
            WarnMostRecent => "Usó esta zona la última vez ({when}). Cambie de zona cada vez.",
            WarnUsedRecently => "Usó esta zona {when}. Ponga la inyección a unos 2,5 cm (1 pulgada) del último lugar.",
            WarnFlagged => "Marcó esta zona: {reason}. No inyecte en piel sensible, enrojecida, con moretones, hinchada, endurecida, con cicatrices o con estrías.",
            WarnCaregiverOnly => "La parte superior externa del brazo solo se usa cuando otra persona le pone la inyección.",
            BadDateTime => "Introduzca una fecha y hora válidas.",
            FutureTime => "Esa hora está en el futuro.",
            TooOld => "Esa fecha es de hace más de un año.",
            UntilInPast => "Elija hoy o una fecha posterior.",
            ImportNotValid => "Este archivo no es una exportación válida de zonas de inyección.",
            ImportWrongFormat => "Este archivo no se exportó desde el registro de zonas de inyección.",
            ImportNewerVersion => "Este archivo proviene de una versión más reciente del widget (versión {n}).",
            ImportTooLarge => "Este archivo es demasiado grande.",
            ImportBadEntry => "La entrada {n} del archivo no es válida: {problem}. No se importó nada.",
            ImportBadFlag => "La marca {n} del archivo no es válida: {problem}. No se importó nada.",
            ImportSummary => "Entradas importadas: {added}. Ya estaban aquí: {skipped}.",
            CsvId => "id",
            CsvZone => "zona",
            CsvDateTimeUtc => "fecha y hora (UTC)",
            CsvInjector => "administrada por",
            CsvReactions => "reacciones",
            CsvNote => "nota",
            CsvLocal => "fecha y hora (local)",
            CsvSite => "zona de inyección",
            CsvWho => "quién la puso",
            CsvSkin => "reacciones en la piel",
            TipRotate => "Cambie de zona cada vez para no usar la misma área una y otra vez.",
            TipSpacing => "Dentro de una misma área, ponga cada inyección nueva a unos 2,5 cm (1 pulgada) de la anterior.",
            TipVein => "No inyecte cerca de una vena que se vea debajo de la piel.",
            TipSkin => "Nunca inyecte en piel sensible, enrojecida, con moretones, hinchada, endurecida, con cicatrices o con estrías.",
            TipAmyloid => "Se han notificado depósitos de una proteína llamada amiloide en las zonas de inyección: si un bulto no desaparece en una zona, informe a su profesional de la salud.",
        }
    }
}

/// Problems with one imported entry or mark (slotted into `ImportBadEntry`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportProblem {
    BadId,
    DuplicateId,
    UnknownZone,
    BadTime,
    NoteTooLong,
    UnknownReaction,
    UnknownInjector,
    UnknownReason,
    TooMany,
}

impl Translate for ImportProblem {
    crate::text_slots!(ImportProblem);
    fn en(self) -> &'static str {
        use ImportProblem::*;
        match self {
            BadId => "its id is not valid",
            DuplicateId => "its id appears twice with different content",
            UnknownZone => "unknown injection site",
            BadTime => "the date is not plausible",
            NoteTooLong => "the note is too long",
            UnknownReaction => "unknown reaction",
            UnknownInjector => "unknown person giving the injection",
            UnknownReason => "unknown reason",
            TooMany => "too many entries",
        }
    }

    fn es(self) -> &'static str {
        use ImportProblem::*;
        match self {
            BadId => "su identificador no es válido",
            DuplicateId => "su identificador aparece dos veces con contenido distinto",
            UnknownZone => "zona de inyección desconocida",
            BadTime => "la fecha no es verosímil",
            NoteTooLong => "la nota es demasiado larga",
            UnknownReaction => "reacción desconocida",
            UnknownInjector => "persona que administra desconocida",
            UnknownReason => "motivo desconocido",
            TooMany => "demasiadas entradas",
        }
    }
}

/// "today" / "yesterday" / "N days ago" for a local-calendar day count.
pub fn when_text(days_ago: i64, lang: Lang) -> String {
    match days_ago {
        d if d <= 0 => SitesMsg::WhenToday.tr(lang).to_string(),
        1 => SitesMsg::WhenYesterday.tr(lang).to_string(),
        d => fill(SitesMsg::WhenDaysAgo.tr(lang), &[("n", &d.to_string())]),
    }
}

/// "last used today / yesterday / N days ago", or "never used".
pub fn usage_text(days_ago: Option<i64>, lang: Lang) -> String {
    match days_ago {
        None => SitesMsg::NeverUsed.tr(lang).to_string(),
        Some(d) => fill(SitesMsg::LastUsed.tr(lang), &[("when", &when_text(d, lang))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated_and_placeholders_match() {
        let all = [
            SitesMsg::LastUsed,
            SitesMsg::WhenDaysAgo,
            SitesMsg::SuggestNotUsedFor,
            SitesMsg::FlaggedAs,
            SitesMsg::WarnMostRecent,
            SitesMsg::WarnUsedRecently,
            SitesMsg::WarnFlagged,
            SitesMsg::ImportNewerVersion,
            SitesMsg::ImportBadEntry,
            SitesMsg::ImportBadFlag,
            SitesMsg::ImportSummary,
            SitesMsg::NoZoneAvailable,
        ];
        for m in all {
            let [en, es] = m.texts();
            assert!(!en.is_empty() && !es.is_empty() && en != es, "{m:?}");
            let holes = |s: &str| s.matches('{').count();
            assert_eq!(holes(en), holes(es), "{m:?}");
        }
        assert_eq!(usage_text(Some(3), Lang::En), "last used 3 days ago");
        assert_eq!(usage_text(Some(3), Lang::Es), "último uso hace 3 días");
        assert_eq!(usage_text(None, Lang::Es), "sin usar");
        assert_eq!(usage_text(Some(1), Lang::En), "last used yesterday");
        assert_eq!(usage_text(Some(0), Lang::Es), "último uso hoy");
    }

    /// Spanish site states follow a zone's name, which is masculine ("Muslo
    /// izquierdo", "Glúteo derecho") or feminine ("Zona sugerida: …"), so they
    /// use forms with no gender agreement ("sin usar", "último uso …").
    #[test]
    fn spanish_site_states_need_no_gender_agreement() {
        let states = [
            SitesMsg::LastUsed,
            SitesMsg::NeverUsed,
            SitesMsg::SuggestNeverUsed,
            SitesMsg::SuggestNotUsedFor,
            SitesMsg::SuggestUsedYesterday,
            SitesMsg::SuggestUsedToday,
            SitesMsg::FlaggedAs,
        ];
        for m in states {
            let es = m.tr(Lang::Es).to_lowercase();
            for gendered in ["usado", "usada", "marcado", "marcada", "el menos", "la menos"] {
                assert!(!es.contains(gendered), "{m:?}: {es}");
            }
        }
    }
}
