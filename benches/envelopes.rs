//! Request building and response reading against their floors, in the same run.
//!
//! Floors: what the same work costs with the raw crates and no validation, so the ratio is
//! mbasu's own overhead. Run with `cargo bench --bench envelopes`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use mbasu::{
    build_request, parse_response, Config, EncryptType, Interface, RequestFields, RequestOptions,
};

#[path = "common/floor.rs"]
mod floor;

use floor::{floor_request, FloorResponse, RESPONSE};

fn request_building(c: &mut Criterion) {
    let config = Config::default();
    let fields = RequestFields {
        mobile: "13800138000",
        cert_no: "11010519491231002X",
        name: Some("张三"),
    };
    let options = RequestOptions {
        encrypt_type: Some(EncryptType::Sm3),
        request_ref_id: Some("xwdb_250127115444103248377"),
        ..RequestOptions::default()
    };

    let mut group = c.benchmark_group("build MBASU001 request, SM3");
    group.bench_function("floor: sm3 x3 + hex + serde_json", |b| {
        b.iter(|| {
            floor_request(
                black_box("13800138000"),
                black_box("11010519491231002X"),
                black_box("张三"),
            )
        })
    });
    group.bench_function("mbasu build_request", |b| {
        b.iter(|| {
            build_request(&config, Interface::Mbasu001, black_box(&fields), &options).unwrap()
        })
    });
    group.finish();

    // The per-request cost `mbasu batch --encrypt-type md5` is compared against.
    let md5 = RequestOptions {
        encrypt_type: Some(EncryptType::Md5),
        request_ref_id: None,
        ..RequestOptions::default()
    };
    let mbasu010 = RequestFields {
        mobile: "13800138000",
        cert_no: "11010519491231002X",
        name: None,
    };
    c.bench_function("build MBASU010 request, MD5, generated requestRefId", |b| {
        b.iter(|| build_request(&config, Interface::Mbasu010, black_box(&mbasu010), &md5).unwrap())
    });
}

fn response_reading(c: &mut Criterion) {
    let config = Config::default();

    let mut group = c.benchmark_group("read MBASU001 response");
    // Bodies arrive from HTTP clients as bytes, so both sides start from a byte slice.
    group.bench_function("floor: serde_json typed parse", |b| {
        b.iter(|| {
            let parsed: FloorResponse =
                serde_json::from_slice(black_box(RESPONSE.as_bytes())).unwrap();
            parsed.response.is_id_name_match == "0"
        })
    });
    group.bench_function("mbasu parse_response", |b| {
        b.iter(|| {
            parse_response(
                &config,
                Interface::Mbasu001,
                black_box(RESPONSE.as_bytes()),
                Some("xwdb_250127115444103248377"),
            )
            .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, request_building, response_reading);
criterion_main!(benches);
