//! Files the user saves or opens: a download made from a Blob in memory (no
//! network) and the text of a chosen file.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let bag = BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &bag)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let doc = gloo::utils::document();
    let a: HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body = doc.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    let _ = body.remove_child(&a);
    Url::revoke_object_url(&url)
}

/// The text of the first file chosen in a file input.
pub async fn read_text(file: web_sys::File) -> Result<String, JsValue> {
    let text = JsFuture::from(file.text()).await?;
    text.as_string().ok_or_else(|| JsValue::from_str("not text"))
}
