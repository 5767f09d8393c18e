//! Labels, headings and notices of the injection-site view (en, es).
//!
//! A file of their own, apart from `text.rs`: only the sites view shows
//! them, so they are the sites view's own language pack
//! (src/shell/texts.rs) and the other views, which reach `text.rs` through
//! the site log, do not download them (tests/module_graph.rs).

use crate::messages;

messages! {
    /// Labels, headings and notices of the injection-site view.
    pub enum SitesUi {
        WhoLegend => ["Who is injecting?", "¿Quién pone la inyección?"],
        ByMe => ["The patient", "El (la) paciente"],
        ByCaregiver => [
            "Someone else (parent, caregiver, nurse)",
            "Otra persona (padre o madre, cuidador(a), enfermero(a))",
        ],
        SuggestTitle => ["Suggested next site", "Próxima zona sugerida"],
        UseSuggested => ["Choose this site", "Elegir esta zona"],
        MapLabel => ["Body map: injection sites", "Mapa del cuerpo: zonas de inyección"],
        MapHint => [
            "Use the arrow keys to move between sites and Enter or Space to choose one.",
            "Use las flechas para moverse entre las zonas y Intro o Espacio para elegir una.",
        ],
        FrontView => ["Front", "De frente"],
        BackView => ["Back", "De espalda"],
        SideRight => ["Right", "Derecha"],
        SideLeft => ["Left", "Izquierda"],
        LegendTitle => ["Key", "Leyenda"],
        LegendNever => ["Never used (no number)", "Nunca usada (sin número)"],
        LegendRecent => [
            "Used in the last 7 days: Today, 1 d … 6 d since the last use; the more recent, the stronger the colour",
            "Usada en los últimos 7 días: Hoy, 1 d … 6 d desde el último uso; cuanto más reciente, más intenso el color",
        ],
        LegendRested => [
            "Not used for 7 days or more (7 d or more since the last use)",
            "Sin usar 7 días o más (7 d o más desde el último uso)",
        ],
        LegendFlagged => ["Marked as not usable (hatched, !)", "Marcada como no apta (rayada, !)"],
        LegendUnavailable => [
            "Only when someone else gives it (dotted, –)",
            "Solo si otra persona la pone (punteada, –)",
        ],
        LegendSuggested => ["Suggested next site (dashed ring)", "Zona sugerida (anillo discontinuo)"],
        LegendSelected => ["Your choice (thick outline)", "Su elección (borde grueso)"],
        LegendNavel => [
            "No injection within 2 inches (5 cm) of the belly button (hatched circle)",
            "No inyectar a menos de 5 cm (2 pulgadas) del ombligo (círculo rayado)",
        ],
        ChooseFirst => [
            "Choose a site on the body map to log an injection there or to mark it.",
            "Elija una zona en el mapa del cuerpo para registrar una inyección o marcarla.",
        ],
        LogTitle => ["Log an injection: {zone}", "Registrar una inyección: {zone}"],
        WhenLegend => ["When was it given?", "¿Cuándo se puso?"],
        WhenNow => ["Now", "Ahora"],
        WhenEarlier => ["Earlier", "Antes"],
        Date => ["Date", "Fecha"],
        Time => ["Time", "Hora"],
        ReactionsLegend => ["Skin reactions (optional)", "Reacciones en la piel (opcional)"],
        NoteLabel => ["Other notes (optional)", "Otras notas (opcional)"],
        LogButton => ["Log injection", "Registrar inyección"],
        ConfirmLog => ["Log the injection at this site anyway?", "¿Registrar la inyección en esta zona de todos modos?"],
        LogAnyway => ["Log anyway", "Registrar de todos modos"],
        Cancel => ["Cancel", "Cancelar"],
        Logged => ["Logged: {zone}, {time}", "Registrada: {zone}, {time}"],
        LogUndone => ["Removed from the history: {zone}", "Se quitó del historial: {zone}"],
        FlagTitle => ["Mark this site as not usable", "Marcar esta zona como no apta"],
        FlagReasonLabel => ["Reason", "Motivo"],
        FlagUntilLabel => [
            "Until (optional; leave empty to keep the mark until you clear it)",
            "Hasta (opcional; déjelo vacío para mantener la marca hasta que la quite)",
        ],
        FlagButton => ["Mark site", "Marcar zona"],
        FlaggedUntil => ["Marked: {reason}, until {date}.", "Marcada: {reason}, hasta el {date}."],
        FlaggedOpen => ["Marked: {reason}, until you clear it.", "Marcada: {reason}, hasta que quite la marca."],
        ClearFlag => ["Clear mark", "Quitar marca"],
        HistoryTitle => ["History", "Historial"],
        HistoryEmpty => ["No injections logged yet.", "Todavía no hay inyecciones registradas."],
        ShowAll => ["Show all ({n})", "Mostrar todas ({n})"],
        GivenBy => ["Given by: {who}", "Administrada por: {who}"],
        Edit => ["Edit", "Editar"],
        Delete => ["Delete", "Eliminar"],
        Save => ["Save", "Guardar"],
        SiteLabel => ["Site", "Zona"],
        GivenByLabel => ["Given by", "Administrada por"],
        Deleted => ["Entry deleted.", "Entrada eliminada."],
        Edited => ["Entry changed.", "Entrada modificada."],
        Undo => ["Undo", "Deshacer"],
        PrintButton => ["Print the last 30 days", "Imprimir los últimos 30 días"],
        PrintTitle => ["Kineret injection log", "Registro de inyecciones de Kineret"],
        PrintRange => ["{from} to {to} (the last 30 days)", "Del {from} al {to} (los últimos 30 días)"],
        DoseOffer => ["Also record today's dose", "Registrar también la dosis de hoy"],
        DoseRecorded => [
            "Today's dose is recorded in the dose history.",
            "La dosis de hoy quedó registrada en el historial de dosis.",
        ],
        DoseAlready => [
            "Today's dose was already recorded in the dose history.",
            "La dosis de hoy ya estaba registrada en el historial de dosis.",
        ],
        DoseNotSaved => [
            "The dose could not be saved. Try again, or record it under “Storage and preparation”.",
            "No se pudo guardar la dosis. Inténtelo de nuevo o regístrela en «Conservación y preparación».",
        ],
        ColWhen => ["Date and time", "Fecha y hora"],
        ColNotes => ["Reactions and notes", "Reacciones y notas"],
        DataTitle => ["Your data", "Sus datos"],
        DataInfo => [
            "Saved only in this browser on this device. Nothing is sent anywhere.",
            "Se guarda solo en este navegador, en este dispositivo. No se envía nada a ningún sitio.",
        ],
        ExportJson => ["Download a backup (JSON)", "Descargar una copia (JSON)"],
        ExportCsv => ["Download for a spreadsheet (CSV)", "Descargar para hoja de cálculo (CSV)"],
        ExportFailed => ["The file could not be created.", "No se pudo crear el archivo."],
        ImportLabel => ["Import a backup (JSON file)", "Importar una copia (archivo JSON)"],
        ImportReadFailed => ["The file could not be read.", "No se pudo leer el archivo."],
        // Import's and the downloads' code arrives in its own file
        // (shell/components/sites/io.rs): it could not be fetched.
        IoLoadFailed => [
            "This part of the companion could not be loaded. Check your connection and try again.",
            "No se pudo cargar esta parte del asistente. Compruebe su conexión e inténtelo de nuevo.",
        ],
        DeleteAll => ["Delete all my injection-site data", "Eliminar todos mis datos de zonas de inyección"],
        DeleteAllConfirm => [
            "Delete every logged injection and every mark from this browser? This cannot be undone.",
            "¿Eliminar de este navegador todas las inyecciones registradas y todas las marcas? No se puede deshacer.",
        ],
        DeleteAllYes => ["Delete everything", "Eliminar todo"],
        DeletedAll => ["All injection-site data was deleted.", "Se eliminaron todos los datos de zonas de inyección."],
        TipsTitle => ["Rotation tips", "Consejos para cambiar de zona"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::{fill, placeholders, Lang, Translate};

    #[test]
    fn view_strings_are_translated_with_the_same_placeholders() {
        for m in SitesUi::ALL {
            let [en, es] = m.texts();
            assert!(!en.trim().is_empty() && !es.trim().is_empty(), "{m:?} is empty");
            assert_ne!(en, es, "{m:?} is not translated");
            assert_eq!(placeholders(en), placeholders(es), "{m:?} placeholders differ");
        }
        assert_eq!(
            fill(SitesUi::Logged.tr(Lang::Es), &[("zone", "Muslo izquierdo"), ("time", "5 mar 2024, 10:32")]),
            "Registrada: Muslo izquierdo, 5 mar 2024, 10:32"
        );
    }
}
