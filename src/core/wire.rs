//! How unit-only enums are written in stored records and the JS API: a JSON
//! string per variant, from one table per enum (`wire_enum!`).
//!
//! Why not `#[derive(Serialize, Deserialize)]` (docs/SIZE.md, "decoding"):
//! serde's derived code for an enum is a field-identifier visitor plus a
//! variant visitor, compiled again for every deserializer and inlined into
//! every record that holds the enum. Here an enum reads a `String` (one
//! instance per deserializer, shared by every enum) and looks it up in its
//! table with one non-generic function. The strings are the ones the derive
//! wrote (`tests/wire_names.rs` pins them), so stored data reads as before,
//! and an unknown string gets serde's own "unknown variant" error.

/// The position of `s` in `names`.
pub fn position(names: &[&str], s: &str) -> Option<usize> {
    names.iter().position(|n| *n == s)
}

/// `Serialize` and `Deserialize` for a unit-only enum from its wire names,
/// listed in declaration order: `wire_enum!(Side { Left => "left", Right => "right" });`.
/// Adds `Side::WIRE` (the names) and `Side::WIRE_ALL` (the variants, same
/// order); `tests/wire_names.rs` checks that the order matches the
/// declaration, which `Serialize` relies on (`WIRE[v as usize]`).
#[macro_export]
macro_rules! wire_enum {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// The JSON string of each variant, in declaration order (`wire_enum!`).
            pub const WIRE: &'static [&'static str] = &[$($name),+];
            /// The variants in the order of [`Self::WIRE`].
            pub const WIRE_ALL: &'static [$ty] = &[$($ty::$variant),+];
        }
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($ty::WIRE[*self as usize])
            }
        }
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <String as serde::Deserialize>::deserialize(d)?;
                match $crate::core::wire::position($ty::WIRE, &s) {
                    Some(i) => Ok($ty::WIRE_ALL[i]),
                    None => Err(<D::Error as serde::de::Error>::unknown_variant(&s, $ty::WIRE)),
                }
            }
        }
    };
}

/// `Deserialize` for a stored record's struct, from its fields' JSON names:
/// `wire_struct!(Flag { zone: "zone", reason: "reason" } default { until_ms: "untilMs" });`
/// A field under `default` may be missing (it then takes its type's
/// default, as `#[serde(default)]` or an `Option` did with the derive); a
/// missing field of the first list is serde's "missing field" error;
/// unknown keys are skipped; a repeated key keeps its last value, as
/// `JSON.parse` does (the derive refused it, but the browser never sees one).
///
/// Why not `#[derive(Deserialize)]` (docs/SIZE.md, "decoding"): the
/// derive's field-identifier visitor and per-field duplicate checks were
/// compiled into every record's loader; here the keys are read as `String`
/// (one instance, shared) and matched in one `match`. `Serialize` stays
/// derived, and `tests/wire_names.rs` checks that what it writes reads back.
#[macro_export]
macro_rules! wire_struct {
    ($ty:ident { $($req:ident: $req_name:literal),* $(,)? } default { $($opt:ident: $opt_name:literal),* $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Fields;
                impl<'de> serde::de::Visitor<'de> for Fields {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("struct ", stringify!($ty)))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$ty, A::Error> {
                        $(let mut $req = None;)*
                        $(let mut $opt = None;)*
                        while let Some(key) = map.next_key::<String>()? {
                            match key.as_str() {
                                $($req_name => $req = Some(map.next_value()?),)*
                                $($opt_name => $opt = Some(map.next_value()?),)*
                                _ => {
                                    map.next_value::<serde::de::IgnoredAny>()?;
                                }
                            }
                        }
                        Ok($ty {
                            $($req: match $req {
                                Some(v) => v,
                                None => return Err(<A::Error as serde::de::Error>::missing_field($req_name)),
                            },)*
                            $($opt: $opt.unwrap_or_default(),)*
                        })
                    }
                }
                const FIELDS: &[&str] = &[$($req_name,)* $($opt_name,)*];
                d.deserialize_struct(stringify!($ty), FIELDS, Fields)
            }
        }
    };
}
