//! Parsing of the `<kineret-widget>` attributes. Pure: the shell reads the
//! attribute strings, this decides what they mean, and on `None` the shell
//! warns once and uses the default (never a blank widget).

/// `kineret:ready`'s detail: the view an element showed first, one of
/// [`View::TABS`] (README, Events; `WidgetReady` in the .d.ts, checked by
/// tests/api_contract.rs).
#[derive(serde::Serialize, Debug, PartialEq)]
pub struct Ready {
    pub view: &'static str,
}

/// Which part of the widget an element shows (`view` attribute).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    All,
    Calculator,
    Sites,
    Storage,
    Safety,
}

impl View {
    /// Every value (the API contract test and its snapshot; never shipped code).
    pub const ALL: [View; 5] = [View::All, View::Calculator, View::Sites, View::Storage, View::Safety];
    /// The tabs shown by `view="all"`, in order.
    pub const TABS: [View; 4] = [View::Calculator, View::Sites, View::Storage, View::Safety];

    pub fn parse(s: &str) -> Option<View> {
        match s.trim().to_ascii_lowercase().as_str() {
            "all" => Some(View::All),
            "calculator" => Some(View::Calculator),
            "sites" => Some(View::Sites),
            "storage" => Some(View::Storage),
            "safety" => Some(View::Safety),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            View::All => "all",
            View::Calculator => "calculator",
            View::Sites => "sites",
            View::Storage => "storage",
            View::Safety => "safety",
        }
    }
}

/// Regulatory profile (`region` attribute): decides e.g. the out-of-fridge rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Region {
    #[default]
    Us,
    Eu,
}

impl Region {
    pub const ALL: [Region; 2] = [Region::Us, Region::Eu];
    pub fn parse(s: &str) -> Option<Region> {
        match s.trim().to_ascii_lowercase().as_str() {
            "us" => Some(Region::Us),
            "eu" => Some(Region::Eu),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Region::Us => "us",
            Region::Eu => "eu",
        }
    }
}

/// Temperature unit (`units` attribute: `c` or `f`). Absent: the unit of the
/// browser's locale (see `checklist::TempUnit::for_locale`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Units {
    #[default]
    Locale,
    Celsius,
    Fahrenheit,
}

impl Units {
    pub fn parse(s: &str) -> Option<Units> {
        use crate::core::units::TempUnit;
        TempUnit::parse(s).map(|u| match u {
            TempUnit::C => Units::Celsius,
            TempUnit::F => Units::Fahrenheit,
        })
    }

    /// The unit the attribute forces, if any.
    pub fn explicit(self) -> Option<crate::core::units::TempUnit> {
        use crate::core::units::TempUnit;
        match self {
            Units::Locale => None,
            Units::Celsius => Some(TempUnit::C),
            Units::Fahrenheit => Some(TempUnit::F),
        }
    }
}

/// Whether `kineret:injection-logged` carries the free-text note
/// (`events-include-note`, a boolean attribute). Every script on the host
/// page can read an event's detail, so by default the note, health data the
/// user typed, is left out; a host that needs it opts in explicitly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum EventNote {
    #[default]
    Omit,
    Include,
}

impl EventNote {
    /// Present (`""`, `"true"` or its own name, as HTML boolean attributes
    /// are written) includes the note; `"false"` leaves it out.
    pub fn parse(s: &str) -> Option<EventNote> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "true" | "events-include-note" => Some(EventNote::Include),
            "false" => Some(EventNote::Omit),
            _ => None,
        }
    }
}

/// Outcome of reading one attribute: the value to use, and whether the raw
/// value was rejected (the shell then logs one `console.warn`).
#[derive(Debug, PartialEq, Eq)]
pub struct Parsed<T> {
    pub value: T,
    pub rejected: bool,
}

/// Absent attribute → default, silently; present but unknown → default, flagged.
pub fn parse_or_default<T: Default>(raw: Option<&str>, parse: fn(&str) -> Option<T>) -> Parsed<T> {
    match raw {
        None => Parsed { value: T::default(), rejected: false },
        Some(s) => match parse(s) {
            Some(value) => Parsed { value, rejected: false },
            None => Parsed { value: T::default(), rejected: true },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::Lang;

    #[test]
    fn unknown_values_fall_back_and_are_flagged() {
        assert_eq!(parse_or_default(Some("nope"), View::parse), Parsed { value: View::All, rejected: true });
        assert_eq!(parse_or_default(Some("xx"), Lang::parse), Parsed { value: Lang::En, rejected: true });
        assert_eq!(parse_or_default(Some("EU"), Region::parse), Parsed { value: Region::Eu, rejected: false });
        assert_eq!(parse_or_default::<View>(None, View::parse), Parsed { value: View::All, rejected: false });
    }

    #[test]
    fn the_note_reaches_events_only_when_the_host_opts_in() {
        assert_eq!(parse_or_default(None, EventNote::parse), Parsed { value: EventNote::Omit, rejected: false });
        assert_eq!(parse_or_default(Some(""), EventNote::parse), Parsed { value: EventNote::Include, rejected: false });
        assert_eq!(parse_or_default(Some("TRUE"), EventNote::parse), Parsed { value: EventNote::Include, rejected: false });
        assert_eq!(parse_or_default(Some("false"), EventNote::parse), Parsed { value: EventNote::Omit, rejected: false });
        assert_eq!(parse_or_default(Some("yes please"), EventNote::parse), Parsed { value: EventNote::Omit, rejected: true });
    }

    #[test]
    fn units_attribute_overrides_the_locale() {
        use crate::core::units::TempUnit;
        assert_eq!(parse_or_default(Some("c"), Units::parse), Parsed { value: Units::Celsius, rejected: false });
        assert_eq!(parse_or_default(Some(" F "), Units::parse), Parsed { value: Units::Fahrenheit, rejected: false });
        assert_eq!(parse_or_default(Some("kelvin"), Units::parse), Parsed { value: Units::Locale, rejected: true });
        assert_eq!(parse_or_default(None, Units::parse), Parsed { value: Units::Locale, rejected: false });
        assert_eq!(TempUnit::for_locale("en-US", Units::Celsius.explicit()), TempUnit::C);
        assert_eq!(TempUnit::for_locale("en-US", Units::Locale.explicit()), TempUnit::F);
        assert_eq!(TempUnit::for_locale("de-DE", Units::Fahrenheit.explicit()), TempUnit::F);
    }

    #[test]
    fn every_view_round_trips_through_its_code() {
        for v in [View::All, View::Calculator, View::Sites, View::Storage, View::Safety] {
            assert_eq!(View::parse(v.code()), Some(v));
        }
    }
}
