//! A small serde `Deserializer` over a `JsValue` from `JSON.parse`, used by
//! the storage codec instead of `serde_wasm_bindgen::from_value`.
//!
//! Why (docs/SIZE.md): serde's default `Error::invalid_type` formats
//! `Unexpected` with `Display`, which links Rust's float formatting
//! (`flt2dec`: dragon + grisu, ~20 KB of wasm) and `str`'s `Debug` escaping.
//! Our error type overrides `invalid_type`/`invalid_value` and formats the
//! unexpected value without floats. The accepted inputs follow
//! serde-wasm-bindgen 0.6 for JSON values (`null` is `None`/unit, integers
//! must be safe integers, enums are `"Variant"` or `{"Variant": payload}`, a
//! missing key is a missing field) with one difference, as serde_json does:
//! a struct is read from all of the object's keys, so
//! `#[serde(deny_unknown_fields)]` refuses unknown ones (serde-wasm-bindgen
//! reads only the declared fields and so accepts them; tests/browser_jsde.rs).
//!
//! Nesting is limited to [`MAX_DEPTH`] arrays/objects (serde_json's limit):
//! `JSON.parse` accepts any depth, and a recursive visitor (serde's buffered
//! `Content`, a recursive type) would otherwise run the wasm stack out, a
//! trap rather than an error.

use std::fmt;

use js_sys::{Array, Number, Object, Reflect};
use serde::de::{self, DeserializeSeed, Expected, Unexpected, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// The error: just its message.
#[derive(Debug)]
pub struct DeError(pub String);

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DeError {}

/// `Unexpected` without float formatting (an integral float is written as
/// serde writes it, `5.0`; any other float only as "floating point").
struct Unexp<'a>(Unexpected<'a>);

impl fmt::Display for Unexp<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Float(v) if v.fract() == 0.0 && v.abs() < 1e15 => write!(f, "floating point `{}.0`", v as i64),
            Unexpected::Float(_) => f.write_str("floating point"),
            Unexpected::Str(s) => write!(f, "string \"{s}\""),
            Unexpected::Bool(b) => write!(f, "boolean `{b}`"),
            Unexpected::Unsigned(i) => write!(f, "integer `{i}`"),
            Unexpected::Signed(i) => write!(f, "integer `{i}`"),
            Unexpected::Unit => f.write_str("unit value"),
            Unexpected::Seq => f.write_str("sequence"),
            Unexpected::Map => f.write_str("map"),
            _ => f.write_str("value"),
        }
    }
}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError(msg.to_string())
    }
    fn invalid_type(unexp: Unexpected, exp: &dyn Expected) -> Self {
        DeError(format!("invalid type: {}, expected {}", Unexp(unexp), exp))
    }
    fn invalid_value(unexp: Unexpected, exp: &dyn Expected) -> Self {
        DeError(format!("invalid value: {}, expected {}", Unexp(unexp), exp))
    }
}

type Result<T> = std::result::Result<T, DeError>;

/// Deepest nesting of arrays and objects read (serde_json's default limit).
pub const MAX_DEPTH: u16 = 128;

/// Deserializes `T` from a parsed JSON value.
pub fn from_value<T: de::DeserializeOwned>(value: JsValue) -> Result<T> {
    T::deserialize(JsDe(value, 0))
}

/// Deserializes `T` from the `data` field of a parsed `{"v":…,"data":…}`
/// envelope, with the errors serde's derived `Envelope<T>` would give.
pub fn data_field<T: de::DeserializeOwned>(value: JsValue) -> Result<T> {
    if !value.is_object() {
        return Err(JsDe(value, 0).unexpected(&"struct Envelope"));
    }
    let key = JsValue::from_str("data");
    let data = Reflect::get(&value, &key).unwrap_or(JsValue::UNDEFINED);
    if data.is_undefined() && !Reflect::has(&value, &key).unwrap_or(false) {
        return Err(de::Error::missing_field("data"));
    }
    T::deserialize(JsDe(data, 1))
}

/// A value and how many arrays/objects enclose it.
pub struct JsDe(JsValue, u16);

impl JsDe {
    /// The depth for this container's children, or an error past [`MAX_DEPTH`].
    fn inner_depth(&self) -> Result<u16> {
        if self.1 >= MAX_DEPTH {
            Err(DeError("recursion limit exceeded".into()))
        } else {
            Ok(self.1 + 1)
        }
    }

    fn is_nullish(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    #[cold]
    fn unexpected(&self, exp: &dyn Expected) -> DeError {
        let s;
        let u = if self.is_nullish() {
            Unexpected::Unit
        } else if let Some(b) = self.0.as_bool() {
            Unexpected::Bool(b)
        } else if let Some(v) = self.0.as_f64() {
            Unexpected::Float(v)
        } else if let Some(v) = self.0.as_string() {
            s = v;
            Unexpected::Str(&s)
        } else if Array::is_array(&self.0) {
            Unexpected::Seq
        } else {
            Unexpected::Map
        };
        de::Error::invalid_type(u, exp)
    }

    // The readers below are not generic and never inlined: each derived
    // visitor calls them instead of carrying its own copy of the JS glue
    // (docs/SIZE.md, "decoding").
    #[inline(never)]
    fn safe_integer(&self) -> Option<i64> {
        Number::is_safe_integer(&self.0).then(|| self.0.as_f64().unwrap_or_default() as i64)
    }

    #[inline(never)]
    fn string(&self) -> Option<String> {
        self.0.as_string()
    }

    #[inline(never)]
    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }

    #[inline(never)]
    fn boolean(&self) -> Option<bool> {
        self.0.as_bool()
    }

    #[inline(never)]
    fn object_entries(&self) -> Option<Array> {
        (self.0.is_object() && !Array::is_array(&self.0)).then(|| Object::entries(self.0.unchecked_ref()))
    }

    /// An object's entries, one level deeper (the caller checked
    /// [`JsDe::inner_depth`]), or the value back when it is no object.
    #[inline(never)]
    fn entries(self) -> std::result::Result<Entries, JsDe> {
        let depth = self.1 + 1;
        match self.object_entries() {
            Some(entries) => Ok(Entries { entries, next: 0, value: None, depth }),
            None => Err(self),
        }
    }
}

macro_rules! forward {
    ($($m:ident => $to:ident),* $(,)?) => {
        $(fn $m<V: Visitor<'de>>(self, v: V) -> Result<V::Value> { self.$to(v) })*
    };
}

impl<'de> de::Deserializer<'de> for JsDe {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        if self.is_nullish() {
            v.visit_unit()
        } else if let Some(b) = self.boolean() {
            v.visit_bool(b)
        } else if let Some(n) = self.number() {
            match self.safe_integer() {
                Some(i) => v.visit_i64(i),
                None => v.visit_f64(n),
            }
        } else if let Some(s) = self.string() {
            v.visit_string(s)
        } else if Array::is_array(&self.0) {
            self.deserialize_seq(v)
        } else if self.0.is_object() {
            self.deserialize_map(v)
        } else {
            Err(self.unexpected(&v))
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.boolean() {
            Some(b) => v.visit_bool(b),
            None => Err(self.unexpected(&v)),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.safe_integer() {
            Some(i) => v.visit_i64(i),
            None => Err(self.unexpected(&v)),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.safe_integer() {
            Some(i) if i >= 0 => v.visit_u64(i as u64),
            _ => Err(self.unexpected(&v)),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.number() {
            Some(n) => v.visit_f64(n),
            None => Err(self.unexpected(&v)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.string() {
            Some(s) => v.visit_string(s),
            None => Err(self.unexpected(&v)),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        if let Some(s) = self.string() {
            let mut chars = s.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                return v.visit_char(c);
            }
        }
        Err(self.unexpected(&v))
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        if self.is_nullish() {
            v.visit_unit()
        } else {
            Err(self.unexpected(&v))
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> Result<V::Value> {
        self.deserialize_unit(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        if self.is_nullish() {
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> Result<V::Value> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        let depth = self.inner_depth()?;
        match self.0.dyn_into::<Array>() {
            Ok(array) => v.visit_seq(Seq { array, next: 0, depth }),
            Err(value) => Err(JsDe(value, depth).unexpected(&v)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value> {
        self.deserialize_seq(v)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(self, _: &'static str, _: usize, v: V) -> Result<V::Value> {
        self.deserialize_seq(v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.inner_depth()?;
        match self.entries() {
            Ok(entries) => v.visit_map(entries),
            Err(value) => Err(value.unexpected(&v)),
        }
    }

    /// Every key of the object, as serde_json reads a struct: the derived
    /// visitor skips unknown keys, or refuses them under
    /// `#[serde(deny_unknown_fields)]` (the import file's types), so the
    /// browser is as strict as the native tests.
    fn deserialize_struct<V: Visitor<'de>>(self, _: &'static str, _: &'static [&'static str], v: V) -> Result<V::Value> {
        self.deserialize_map(v)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value> {
        if self.0.is_string() {
            let depth = self.1;
            return v.visit_enum(Variant { tag: self.0, payload: JsValue::UNDEFINED, depth });
        }
        let depth = self.inner_depth()?;
        match self.object_entries() {
            Some(entries) if entries.length() == 1 => {
                let pair: Array = entries.get(0).unchecked_into();
                v.visit_enum(Variant { tag: pair.get(0), payload: pair.get(1), depth })
            }
            Some(entries) => Err(de::Error::invalid_length(entries.length() as usize, &"1")),
            None => Err(self.unexpected(&v)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_unit()
    }

    forward! {
        deserialize_i8 => deserialize_i64, deserialize_i16 => deserialize_i64, deserialize_i32 => deserialize_i64,
        deserialize_u8 => deserialize_u64, deserialize_u16 => deserialize_u64, deserialize_u32 => deserialize_u64,
        deserialize_f32 => deserialize_f64,
        deserialize_str => deserialize_string, deserialize_identifier => deserialize_string,
        deserialize_bytes => deserialize_seq, deserialize_byte_buf => deserialize_seq,
        deserialize_i128 => deserialize_any, deserialize_u128 => deserialize_any,
    }
}

/// Array elements in order.
struct Seq {
    array: Array,
    next: u32,
    depth: u16,
}

impl Seq {
    #[inline(never)]
    fn next_value(&mut self) -> Option<JsDe> {
        if self.next >= self.array.length() {
            return None;
        }
        self.next += 1;
        Some(JsDe(self.array.get(self.next - 1), self.depth))
    }
}

impl<'de> de::SeqAccess<'de> for Seq {
    type Error = DeError;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        match self.next_value() {
            Some(value) => seed.deserialize(value).map(Some),
            None => Ok(None),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some((self.array.length() - self.next) as usize)
    }
}

/// `Object.entries` pairs (maps).
struct Entries {
    entries: Array,
    next: u32,
    value: Option<JsValue>,
    depth: u16,
}

impl Entries {
    /// The next key; its value is kept for [`Entries::next_value`].
    #[inline(never)]
    fn next_key(&mut self) -> Option<String> {
        if self.next >= self.entries.length() {
            return None;
        }
        let pair: Array = self.entries.get(self.next).unchecked_into();
        self.next += 1;
        self.value = Some(pair.get(1));
        Some(pair.get(0).as_string().unwrap_or_default())
    }

    #[inline(never)]
    fn next_value(&mut self) -> JsDe {
        JsDe(self.value.take().unwrap_or(JsValue::UNDEFINED), self.depth)
    }
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = DeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        match self.next_key() {
            // `Object.entries` keys are strings; a `StringDeserializer` per key
            // type is a little smaller than `JsDe::deserialize_identifier`.
            Some(key) => seed.deserialize(de::value::StringDeserializer::<DeError>::new(key)).map(Some),
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(self.next_value())
    }
}

/// `"Variant"` (tag only) or `{"Variant": payload}`.
struct Variant {
    tag: JsValue,
    payload: JsValue,
    depth: u16,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = DeError;
    type Variant = JsDe;
    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, JsDe)> {
        Ok((seed.deserialize(JsDe(self.tag, self.depth))?, JsDe(self.payload, self.depth)))
    }
}

impl<'de> de::VariantAccess<'de> for JsDe {
    type Error = DeError;
    fn unit_variant(self) -> Result<()> {
        de::Deserialize::deserialize(self)
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value> {
        de::Deserializer::deserialize_seq(self, v)
    }
    fn struct_variant<V: Visitor<'de>>(self, fields: &'static [&'static str], v: V) -> Result<V::Value> {
        de::Deserializer::deserialize_struct(self, "", fields, v)
    }
}
