//! Runs one path many times so `valgrind --tool=callgrind` can count its instructions, a
//! measure that other load on the machine does not disturb.
//!
//! cargo bench --bench instruction_counts --no-run, then:
//! valgrind --tool=callgrind target/release/deps/instruction_counts-* PATH
//! with PATH one of build, build-floor, read, read-floor; divide by ITERATIONS.

use std::hint::black_box;

use mbasu::{
    build_request, parse_response, Config, EncryptType, Interface, RequestFields, RequestOptions,
};
use serde::{Deserialize, Serialize};
use sm3::{Digest, Sm3};

const ITERATIONS: usize = 20_000;

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

fn floor_build() -> usize {
    let mobile = hex::encode(Sm3::digest(black_box("13800138000").as_bytes()));
    let cert_no = hex::encode(Sm3::digest(black_box("11010519491231002X").as_bytes()));
    let name = hex::encode(Sm3::digest(black_box("张三").as_bytes()));
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
    serde_json::to_string(&request).unwrap().len()
}

fn main() {
    // `cargo bench` passes `--bench`; only a run under callgrind names a path.
    let Some(path) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        return;
    };
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

    let mut total = 0usize;
    for _ in 0..ITERATIONS {
        total += match path.as_str() {
            "build" => build_request(&config, Interface::Mbasu001, black_box(&fields), &options)
                .unwrap()
                .body
                .len(),
            "build-floor" => floor_build(),
            "read" => parse_response(
                &config,
                Interface::Mbasu001,
                black_box(RESPONSE.as_bytes()),
                Some("xwdb_250127115444103248377"),
            )
            .unwrap()
            .value
            .len(),
            "read-floor" => {
                let parsed: FloorResponse =
                    serde_json::from_slice(black_box(RESPONSE.as_bytes())).unwrap();
                parsed.response.is_id_name_match.len()
            }
            other => panic!("unknown path {other}; use build, build-floor, read or read-floor"),
        };
    }
    println!("{path}: {ITERATIONS} iterations, checksum {total}");
}
