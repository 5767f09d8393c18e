//! Strings of the widget's frame (title, tabs, notices). Feature views keep
//! their own tables next to their rules; all go through `i18n::Translate`.

use crate::messages;

messages! {
    resident
    pub enum Ui {
        AppTitle => ["Kineret companion", "Asistente de Kineret"],
        AppSubtitle => ["anakinra prefilled syringe, 100 mg/0.67 mL", "anakinra en jeringa precargada, 100 mg/0,67 mL"],
        TabsLabel => ["Kineret tools", "Herramientas de Kineret"],
        TabCalculator => ["Dose calculator", "Calculadora de dosis"],
        TabSites => ["Injection sites", "Zonas de inyección"],
        TabStorage => ["Storage and preparation", "Conservación y preparación"],
        TabSafety => ["Safety", "Seguridad"],
        Disclaimer => [
            "Information only. It does not replace your healthcare provider or pharmacist.",
            "Solo informativo. No sustituye a su profesional de la salud ni a su farmacéutico(a).",
        ],
        Version => ["Version {version}", "Versión {version}"],
        SetAside => [
            "{count} stored item(s) could not be read and were set aside, not deleted. Download them with all your data to keep them or show them to support.",
            "No se pudieron leer {count} elemento(s) guardado(s); se apartaron, no se borraron. Descárguelos con todos sus datos para conservarlos o mostrarlos al soporte.",
        ],
        SetAsideDownload => ["Download my data, set-aside items included (JSON)", "Descargar mis datos, con los elementos apartados (JSON)"],
        // "Delete all my data" in the footer (components/delete_all.rs).
        DeleteAll => ["Delete all my data", "Eliminar todos mis datos"],
        DeleteAllQuestion => [
            "Delete everything this widget saved on this device: injection log, checklists, safety schedule, saved calculator entries and set-aside items? This cannot be undone.",
            "¿Eliminar todo lo que este widget guardó en este dispositivo: registro de inyecciones, listas de comprobación, calendario de seguridad, datos guardados de la calculadora y elementos apartados? No se puede deshacer.",
        ],
        DeleteAllYes => ["Yes, delete all my data", "Sí, eliminar todos mis datos"],
        DeleteAllCancel => ["Cancel", "Cancelar"],
        DeleteAllDone => ["All your data on this device was deleted.", "Se eliminaron todos sus datos de este dispositivo."],
        DeleteAllFailed => [
            "Some of your data could not be deleted. Please try again.",
            "No se pudieron eliminar algunos de sus datos. Inténtelo de nuevo.",
        ],
        // The installed app's update banner (attribute `update-available`).
        UpdateAvailable => [
            "Update available — reload to use the new version.",
            "Actualización disponible: recargue para usar la nueva versión.",
        ],
        UpdateReload => ["Reload", "Recargar"],
        // A view's code arrives in its own file (shell/lazy.rs): shown only
        // when it takes longer than a moment, or fails.
        ViewLoading => ["Loading {view}…", "Cargando {view}…"],
        ViewLoadFailed => [
            "{view} could not be loaded. Check your connection and try again.",
            "No se pudo cargar {view}. Compruebe su conexión e inténtelo de nuevo.",
        ],
        ViewRetry => ["Try again", "Reintentar"],
        // A live `lang` change whose texts could not be fetched: the view
        // stays in the language it was in, and says so.
        LangLoadFailed => [
            "The texts in English could not be loaded, so this part stays in the previous language. Check your connection and try again.",
            "No se pudieron cargar los textos en español, así que esta parte sigue en el idioma anterior. Compruebe su conexión e inténtelo de nuevo.",
        ],
        UpdateLater => ["Not now", "Ahora no"],
        // Shown by the JS entry when WebAssembly cannot load. The JS file holds
        // copies of these two strings; a native test checks they match.
        WasmFailed => [
            "The Kineret companion could not start in this browser. Please ask your pharmacist or provider for dosing and injection information.",
            "El asistente de Kineret no pudo iniciarse en este navegador. Pida información sobre la dosis y la inyección a su farmacéutico(a) o profesional de la salud.",
        ],
    }
}

impl Ui {
    /// The tab's label for a view (also names it in loading notices).
    pub fn tab(view: crate::core::attrs::View) -> Ui {
        use crate::core::attrs::View;
        match view {
            View::All | View::Calculator => Ui::TabCalculator,
            View::Sites => Ui::TabSites,
            View::Storage => Ui::TabStorage,
            View::Safety => Ui::TabSafety,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::{placeholders, Lang, Translate};

    #[test]
    fn every_message_has_text_and_same_placeholders_in_each_language() {
        for m in Ui::ALL {
            let [en, es] = m.texts();
            assert!(!en.trim().is_empty() && !es.trim().is_empty(), "{m:?} is empty");
            assert_ne!(en, es, "{m:?} is not translated");
            assert_eq!(placeholders(en), placeholders(es), "{m:?} placeholders differ");
        }
    }

    #[test]
    fn js_fallback_copies_match_the_table() {
        let js = include_str!("../../www/kineret-widget.js");
        for lang in Lang::ALL {
            let text = Ui::WasmFailed.tr(lang);
            assert!(js.contains(text), "www/kineret-widget.js lacks the {lang:?} fallback text");
        }
    }
}
