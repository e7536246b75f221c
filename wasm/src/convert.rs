//! Conversions of JavaScript arguments into Rust values, and of Rust strings into JavaScript.

use std::cell::RefCell;

use js_sys::{Array, JsString, Object, Reflect, Uint8Array};
use mbasu::text::text_from_utf16_in;
use mbasu::{Error, ErrorCode};
use wasm_bindgen::prelude::*;

use crate::boundary::invalid_argument;

#[wasm_bindgen(module = "/js/objects.js")]
extern "C" {
    #[wasm_bindgen(js_name = wellFormedText)]
    fn well_formed_text(value: &JsValue) -> Option<String>;

    #[wasm_bindgen(catch, js_name = unknownKey)]
    fn unknown_key(object: &Object, keys: &JsValue) -> Result<Option<String>, JsValue>;
}

/// Converts a JavaScript string into Rust, rejecting a lone surrogate with `lone_surrogate`
/// (code 3) where `TextEncoder` would silently send U+FFFD.
///
/// A string that `String.prototype.isWellFormed` accepts is copied as UTF-8 in one call, which
/// is lossless. Any other string is read as UTF-16 code units and decoded by the core, which
/// names the surrogate and its position.
pub fn text(value: &JsValue, argument: &str) -> Result<String, Error> {
    if let Some(text) = well_formed_text(value) {
        return Ok(text);
    }
    let Some(string) = value.dyn_ref::<JsString>() else {
        return Err(invalid_argument(
            &format!("{argument} 应为字符串"),
            &format!("{argument} must be a string"),
        ));
    };
    let units: Vec<u16> = string.iter().collect();
    // A code unit takes at most three bytes of UTF-8, so the text always fits. Decoding into a
    // buffer, as the packed path does, keeps one copy of the core's decoder in the module.
    let mut buffer = vec![0; 3 * units.len()];
    match text_from_utf16_in(&units, &mut buffer)? {
        Some(text) => Ok(text.to_owned()),
        None => Err(Error::from_code(ErrorCode::InvalidUtf8)),
    }
}

/// Copies a `Uint8Array` into Rust.
pub fn bytes(value: &JsValue, argument: &str) -> Result<Vec<u8>, Error> {
    match value.dyn_ref::<Uint8Array>() {
        Some(array) => Ok(array.to_vec()),
        None => Err(invalid_argument(
            &format!("{argument} 应为 Uint8Array"),
            &format!("{argument} must be a Uint8Array"),
        )),
    }
}

thread_local! {
    /// JavaScript copies of the static strings sent most often (field and code names, property
    /// keys), keyed by address, so each is decoded from UTF-8 once per instance.
    static STATIC_STRINGS: RefCell<Vec<(usize, usize, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// Returns the JavaScript string for a static Rust string, from a per-instance cache.
pub fn static_str(text: &'static str) -> JsValue {
    let key = (text.as_ptr() as usize, text.len());
    STATIC_STRINGS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, _, value)) = cache.iter().find(|(ptr, len, _)| (*ptr, *len) == key) {
            return value.clone();
        }
        let value = JsValue::from_str(text);
        cache.push((key.0, key.1, value.clone()));
        value
    })
}

thread_local! {
    /// JavaScript arrays of the key lists given to `OptionsObject::new`, keyed by address and
    /// length, so each list is built once per instance.
    static KEY_LISTS: RefCell<Vec<(usize, usize, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// Returns the JavaScript array of a static key list, from a per-instance cache.
fn key_list(keys: &'static [&'static str]) -> JsValue {
    let key = (keys.as_ptr() as usize, keys.len());
    KEY_LISTS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, _, value)) = cache.iter().find(|(ptr, len, _)| (*ptr, *len) == key) {
            return value.clone();
        }
        let value = array(keys, |key| JsValue::from_str(key));
        cache.push((key.0, key.1, value.clone()));
        value
    })
}

/// An options argument: an object, or `undefined`/`null` for all defaults.
pub struct OptionsObject {
    object: Option<Object>,
    argument: &'static str,
}

impl OptionsObject {
    /// Reads an options argument named `argument` (`options.encrypt` for a nested one) whose
    /// properties are `keys`. Rejects an own enumerable property not in `keys` with code 1, so
    /// that a misspelled key is not silently skipped. `keys` must list the properties of the
    /// object's TypeScript type, which tests/options.test.mjs checks in every build.
    pub fn new(
        value: &JsValue,
        argument: &'static str,
        keys: &'static [&'static str],
    ) -> Result<OptionsObject, Error> {
        if value.is_undefined() || value.is_null() {
            return Ok(OptionsObject {
                object: None,
                argument,
            });
        }
        let object = match value.dyn_ref::<Object>() {
            Some(object) if !value.is_function() => object,
            _ => {
                return Err(invalid_argument(
                    &format!("{argument} 应为对象"),
                    &format!("{argument} must be an object"),
                ))
            }
        };
        let unknown = unknown_key(object, &key_list(keys)).map_err(|_| {
            invalid_argument(
                &format!("无法读取 {argument} 的属性名"),
                &format!("reading the property names of {argument} failed"),
            )
        })?;
        if let Some(key) = unknown {
            return Err(invalid_argument(
                &format!(
                    "{argument} 没有 {key} 属性，可用的属性有 {}",
                    keys.join("、")
                ),
                &format!(
                    "{argument} has no property {key}. The valid properties are {}",
                    keys.join(", ")
                ),
            ));
        }
        Ok(OptionsObject {
            object: Some(object.clone()),
            argument,
        })
    }

    /// The property's value; `undefined` when absent or when there is no object.
    pub fn get(&self, key: &'static str) -> Result<JsValue, Error> {
        let Some(object) = &self.object else {
            return Ok(JsValue::UNDEFINED);
        };
        Reflect::get(object, &static_str(key)).map_err(|_| {
            invalid_argument(
                &format!("无法读取 {}.{key}", self.argument),
                &format!("reading {}.{key} failed", self.argument),
            )
        })
    }

    fn property_name(&self, key: &str) -> String {
        format!("{}.{key}", self.argument)
    }

    /// A string property, with the JavaScript value it came from.
    pub fn text_with_value(&self, key: &'static str) -> Result<Option<(String, JsValue)>, Error> {
        let value = self.get(key)?;
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        if let Some(text) = well_formed_text(&value) {
            return Ok(Some((text, value)));
        }
        let text = text(&value, &self.property_name(key))?;
        Ok(Some((text, value)))
    }

    pub fn text(&self, key: &'static str) -> Result<Option<String>, Error> {
        Ok(self.text_with_value(key)?.map(|(text, _)| text))
    }

    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    pub fn boolean(&self, key: &'static str) -> Result<Option<bool>, Error> {
        let value = self.get(key)?;
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        value.as_bool().map(Some).ok_or_else(|| {
            let name = self.property_name(key);
            invalid_argument(
                &format!("{name} 应为布尔值"),
                &format!("{name} must be a boolean"),
            )
        })
    }

    /// An integer property; fractions, NaN and values outside `i32` are rejected.
    pub fn integer(&self, key: &'static str) -> Result<Option<i32>, Error> {
        let value = self.get(key)?;
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        match value.as_f64() {
            Some(number) if number.fract() == 0.0 && number.abs() <= f64::from(i32::MAX) => {
                Ok(Some(number as i32))
            }
            _ => {
                let name = self.property_name(key);
                Err(invalid_argument(
                    &format!("{name} 应为整数"),
                    &format!("{name} must be an integer"),
                ))
            }
        }
    }

    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    pub fn bytes(&self, key: &'static str) -> Result<Option<Vec<u8>>, Error> {
        let value = self.get(key)?;
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        bytes(&value, &self.property_name(key)).map(Some)
    }

    /// A string property that must be one of `choices`; returns the index of the match.
    pub fn choice(&self, key: &'static str, choices: &[&str]) -> Result<Option<usize>, Error> {
        let Some(value) = self.text(key)? else {
            return Ok(None);
        };
        match choices.iter().position(|choice| *choice == value) {
            Some(index) => Ok(Some(index)),
            None => {
                let name = self.property_name(key);
                let expected = choices.join("、");
                let expected_en = choices.join(", ");
                Err(invalid_argument(
                    &format!("{name} 应为 {expected} 之一"),
                    &format!("{name} must be one of {expected_en}"),
                ))
            }
        }
    }
}

/// Builds a JavaScript array from converted items.
pub fn array<T>(items: impl IntoIterator<Item = T>, convert: impl Fn(T) -> JsValue) -> JsValue {
    let array = Array::new();
    for item in items {
        array.push(&convert(item));
    }
    array.into()
}
