//! The exported functions called from Rust: the panic boundary, NULL arguments and one vector
//! through the C path. The C suite in tests/c covers the rest.

use std::ptr;

use mbasu_capi::*;
use serde_json::Value;

fn sm3_of_yoshida() -> (String, String) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/encrypt.json"
    );
    let vectors: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let case = &vectors["cases"][4];
    (
        case["input"].as_str().unwrap().to_owned(),
        case["sm3"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn panic_arrives_as_status() {
    let mut error = ptr::null_mut();
    // SAFETY: `error` is a valid out-pointer, and the error is freed once.
    unsafe {
        assert_eq!(mbasu_test_panic(&mut error), mbasu_status::Panic);
        assert_eq!(mbasu_status::Panic as u32, 6);
        assert_eq!(mbasu_error_status(error), mbasu_status::Panic);
        mbasu_error_free(error);
    }
}

#[test]
fn null_config_is_an_error() {
    let mut out = ptr::null_mut();
    let mut error = ptr::null_mut();
    // SAFETY: NULL is allowed for `config`; the other pointers are valid locals.
    unsafe {
        let status = mbasu_encrypt(ptr::null(), 3, b"a".as_ptr(), 1, &mut out, &mut error);
        assert_eq!(status, mbasu_status::NullPointer);
        assert!(out.is_null());
        mbasu_error_free(error);
    }
}

#[test]
fn sm3_through_the_c_path() {
    let (input, expected) = sm3_of_yoshida();
    let mut builder = ptr::null_mut();
    let mut config = ptr::null_mut();
    let mut encrypted = ptr::null_mut();
    // SAFETY: all out-pointers are valid locals; each handle is freed once after its last use.
    unsafe {
        assert_eq!(
            mbasu_config_builder_new(&mut builder, ptr::null_mut()),
            mbasu_status::Ok
        );
        assert_eq!(
            mbasu_config_builder_build(builder, &mut config, ptr::null_mut()),
            mbasu_status::Ok
        );
        mbasu_config_builder_free(builder);

        let status = mbasu_encrypt(
            config,
            3,
            input.as_ptr(),
            input.len() as u32,
            &mut encrypted,
            ptr::null_mut(),
        );
        assert_eq!(status, mbasu_status::Ok);
        let bytes = std::slice::from_raw_parts(
            mbasu_string_data(encrypted),
            mbasu_string_len(encrypted) as usize,
        );
        assert_eq!(std::str::from_utf8(bytes).unwrap(), expected);

        mbasu_string_free(encrypted);
        mbasu_config_free(config);
    }
}
