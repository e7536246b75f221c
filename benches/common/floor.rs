//! The floors both benchmarks compare mbasu against: the same work done with the raw crates and
//! no validation, so a ratio to a floor is mbasu's own overhead.

use serde::{Deserialize, Serialize};
use sm3::{Digest, Sm3};

pub const RESPONSE: &str = r#"{"head":{"result":"Y","responseRefId":"TR2941_20250127115621836874702","requestRefId":"xwdb_250127115444103248377","responseCode":"0000","responseMsg":"查询成功"},"response":{"isIdNameMatch":"0"}}"#;

#[derive(Serialize)]
pub struct FloorParam<'a> {
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
pub struct FloorRequest<'a> {
    head: FloorHead<'a>,
    request: FloorWrapper<'a>,
}

#[derive(Serialize)]
pub struct FloorHead<'a> {
    #[serde(rename = "requestRefId")]
    request_ref_id: &'a str,
}

#[derive(Serialize)]
pub struct FloorWrapper<'a> {
    param: FloorParam<'a>,
}

// The floor reads into owned `String`s, as a typed parse that is correct for every body must:
// a borrowed `&str` field fails on any string with a JSON escape such as `\u67e5`.
#[derive(Deserialize)]
#[allow(dead_code)]
pub struct FloorResponse {
    pub head: FloorResponseHead,
    pub response: FloorValue,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct FloorResponseHead {
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
pub struct FloorValue {
    #[serde(rename = "isIdNameMatch")]
    pub is_id_name_match: String,
}

pub fn floor_request(mobile: &str, cert_no: &str, name: &str) -> String {
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
