//! Request building and response reading against their floors, in the same run.
//!
//! Floors: what the same work costs with the raw crates and no validation, so the ratio is
//! mbasu's own overhead. Run with `cargo bench --bench envelopes`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use mbasu::{
    build_request, parse_response, Config, EncryptType, Interface, RequestFields, RequestOptions,
};
use serde::{Deserialize, Serialize};
use sm3::{Digest, Sm3};

const RESPONSE: &str = r#"{"head":{"result":"Y","responseRefId":"TR2941_20250127115621836874702","requestRefId":"xwdb_250127115444103248377","responseCode":"0000","responseMsg":"查询成功"},"response":{"isIdNameMatch":"0"}}"#;

#[derive(Serialize)]
struct FloorParam<'a> {
    mobile: &'a str,
    #[serde(rename = "certType")]
    cert_type: &'a str,
    #[serde(rename = "certNo")]
    cert_no: &'a str,
    name: &'a str,
    #[serde(rename = "encryptType")]
    encrypt_type: &'a str,
}

#[derive(Serialize)]
struct FloorRequest<'a> {
    head: FloorHead<'a>,
    request: FloorWrapper<'a>,
}

#[derive(Serialize)]
struct FloorHead<'a> {
    #[serde(rename = "requestRefId")]
    request_ref_id: &'a str,
}

#[derive(Serialize)]
struct FloorWrapper<'a> {
    param: FloorParam<'a>,
}

// The floor reads into owned `String`s, as a typed parse that is correct for every body must:
// a borrowed `&str` field fails on any string with a JSON escape such as `\u67e5`.
#[derive(Deserialize)]
#[allow(dead_code)]
struct FloorResponse {
    head: FloorResponseHead,
    response: FloorValue,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct FloorResponseHead {
    result: String,
    #[serde(rename = "responseRefId")]
    response_ref_id: String,
    #[serde(rename = "requestRefId")]
    request_ref_id: String,
    #[serde(rename = "responseCode")]
    response_code: String,
    #[serde(rename = "responseMsg")]
    response_msg: String,
}

#[derive(Deserialize)]
struct FloorValue {
    #[serde(rename = "isIdNameMatch")]
    is_id_name_match: String,
}

fn floor_request(mobile: &str, cert_no: &str, name: &str) -> String {
    let mobile = hex::encode(Sm3::digest(mobile.as_bytes()));
    let cert_no = hex::encode(Sm3::digest(cert_no.as_bytes()));
    let name = hex::encode(Sm3::digest(name.as_bytes()));
    let request = FloorRequest {
        head: FloorHead {
            request_ref_id: "xwdb_250127115444103248377",
        },
        request: FloorWrapper {
            param: FloorParam {
                mobile: &mobile,
                cert_type: "00",
                cert_no: &cert_no,
                name: &name,
                encrypt_type: "3",
            },
        },
    };
    serde_json::to_string(&request).unwrap()
}

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
