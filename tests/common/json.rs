//! The storage core's `Codec` over serde_json (the browser uses its own JSON).

use kineret_widget::core::storage::Codec;
use serde::de::DeserializeOwned;
use serde::Serialize;

#[derive(Clone, Copy)]
pub struct JsonCodec;

impl Codec for JsonCodec {
    fn encode<T: Serialize>(&self, v: &T) -> Result<String, String> {
        serde_json::to_string(v).map_err(|e| e.to_string())
    }
    fn decode<T: DeserializeOwned>(&self, s: &str) -> Result<T, String> {
        serde_json::from_str(s).map_err(|e| e.to_string())
    }
}
