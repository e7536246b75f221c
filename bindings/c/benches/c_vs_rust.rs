//! Compares the C path (the exported `extern "C"` functions, called from Rust as C would call
//! them) with the Rust API for the two hot calls: building an MBASU001 request with SM3, and
//! parsing and interpreting a response. The C path's extra cost is argument checks, the panic
//! boundary, copying results into handles and freeing them.
//!
//! Run: cargo bench -p mbasu-capi --bench c_vs_rust

#![allow(missing_docs)]

use std::hint::black_box;
use std::ptr;

use criterion::{criterion_group, criterion_main, Criterion};
use mbasu::{
    build_request, parse_response, Config, EncryptType, Interface, RequestFields, RequestForm,
    RequestOptions,
};
use mbasu_capi::*;

const MOBILE: &str = "13800138000";
const CERT_NO: &str = "11010519491231002X";
const NAME: &str = "张三";
const REQUEST_REF_ID: &str = "xwdb_261204101530123456789";
const RESPONSE: &str = r#"{"head":{"result":"Y","responseRefId":"TR2941_20250127115621836874702","requestRefId":"xwdb_250127115444103248377","responseCode":"0000","responseMsg":"查询成功"},"response":{"isIdNameMatch":"0"}}"#;

/// A default configuration built through the C API.
fn c_config() -> *mut mbasu_config {
    let mut builder = ptr::null_mut();
    let mut config = ptr::null_mut();
    // SAFETY: the out-pointers are valid locals; the builder is freed once, after the build.
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
    }
    config
}

fn build_request_c(config: *const mbasu_config) -> usize {
    let mut request = ptr::null_mut();
    let mut body = ptr::null();
    let mut len = 0;
    // SAFETY: every pointer is a live local or a string constant with its exact length.
    unsafe {
        let status = mbasu_build_request(
            config,
            mbasu_interface::Mbasu001 as u32,
            MOBILE.as_ptr(),
            MOBILE.len() as u32,
            CERT_NO.as_ptr(),
            CERT_NO.len() as u32,
            NAME.as_ptr(),
            NAME.len() as u32,
            mbasu_encrypt_type::Sm3 as u32,
            REQUEST_REF_ID.as_ptr(),
            REQUEST_REF_ID.len() as u32,
            mbasu_request_form::Standard as u32,
            &mut request,
            ptr::null_mut(),
        );
        assert_eq!(status, mbasu_status::Ok);
        mbasu_built_request_body(request, &mut body, &mut len);
        mbasu_built_request_free(request);
    }
    len as usize
}

fn parse_response_c(config: *const mbasu_config) -> (u32, u32) {
    let mut interpretation = ptr::null_mut();
    let mut value = ptr::null();
    let mut len = 0;
    // SAFETY: every pointer is a live local or a string constant with its exact length.
    unsafe {
        let status = mbasu_parse_response(
            config,
            mbasu_interface::Mbasu001 as u32,
            RESPONSE.as_ptr(),
            RESPONSE.len() as u32,
            ptr::null(),
            0,
            &mut interpretation,
            ptr::null_mut(),
        );
        assert_eq!(status, mbasu_status::Ok);
        let outcome = mbasu_interpretation_outcome(interpretation);
        mbasu_interpretation_value(interpretation, &mut value, &mut len);
        mbasu_interpretation_free(interpretation);
        (outcome, len)
    }
}

fn benches(c: &mut Criterion) {
    let rust_config = Config::builder().build();
    let c_config = c_config();
    let fields = RequestFields {
        mobile: MOBILE,
        cert_no: CERT_NO,
        name: Some(NAME),
    };
    let options = RequestOptions {
        encrypt_type: Some(EncryptType::Sm3),
        request_ref_id: Some(REQUEST_REF_ID),
        form: RequestForm::Standard,
    };

    let mut group = c.benchmark_group("build MBASU001 request with SM3");
    group.bench_function("rust", |b| {
        b.iter(|| {
            build_request(
                &rust_config,
                Interface::Mbasu001,
                black_box(&fields),
                &options,
            )
            .unwrap()
            .body
            .len()
        })
    });
    group.bench_function("c", |b| b.iter(|| build_request_c(black_box(c_config))));
    group.finish();

    let mut group = c.benchmark_group("parse and interpret a response");
    group.bench_function("rust", |b| {
        b.iter(|| {
            let interpretation = parse_response(
                &rust_config,
                Interface::Mbasu001,
                black_box(RESPONSE.as_bytes()),
                None,
            )
            .unwrap();
            (interpretation.meaning.outcome, interpretation.value.len())
        })
    });
    group.bench_function("c", |b| b.iter(|| parse_response_c(black_box(c_config))));
    group.finish();

    // SAFETY: the configuration is freed once, after the last use.
    unsafe { mbasu_config_free(c_config) };
}

criterion_group!(c_vs_rust, benches);
criterion_main!(c_vs_rust);
