//! The envelope and response vectors, asserted byte for byte.

use std::sync::Arc;

use mbasu::config::SequenceRandom;
use mbasu::provider::ReceivedField;
use mbasu::response::Detail;
use mbasu::{
    build_request, build_response, parse_request, parse_response, Category, Config, Credentials,
    Date, ErrorCode, FixedClock, Interface, LineStatus, Reply, RequestFields, RequestForm,
    RequestOptions,
};
use serde_json::Value;

fn load(file: &str) -> Value {
    let path = format!("{}/tests/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap()
}

fn config_with_credentials(vectors: &Value) -> Config {
    let credentials = Credentials::from_base64(
        text(&vectors["secretId"]),
        text(&vectors["secretKey_base64"]),
    )
    .unwrap();
    Config::builder()
        .credentials(credentials)
        .clock(Arc::new(FixedClock::at_date(
            Date::new(2026, 12, 4).unwrap(),
        )))
        .build()
}

fn spec_fields() -> RequestFields<'static> {
    RequestFields {
        mobile: "13800138000",
        cert_no: "11010519491231002X",
        name: Some("张三"),
    }
}

#[test]
fn signature_matches_vector() {
    let vectors = load("envelope.json");
    let config = config_with_credentials(&vectors);
    let credentials = config.credentials().unwrap();
    assert_eq!(
        mbasu::envelope::sign(credentials, text(&vectors["requestRefId"])),
        text(&vectors["signature"])
    );
    assert_eq!(
        format!(
            "requestRefId={}&secretId={}",
            text(&vectors["requestRefId"]),
            text(&vectors["secretId"])
        ),
        text(&vectors["signature_source"])
    );
}

#[test]
fn signed_request_matches_vector() {
    let vectors = load("envelope.json");
    let config = config_with_credentials(&vectors);
    let options = RequestOptions {
        encrypt_type: None,
        request_ref_id: Some(text(&vectors["requestRefId"])),
        form: RequestForm::Signed,
    };
    let built = build_request(&config, Interface::Mbasu001, &spec_fields(), &options).unwrap();
    assert_eq!(built.body, text(&vectors["standard_request"]));
    assert_eq!(built.path, "/MBASU001");
    assert_eq!(built.request_ref_id, text(&vectors["requestRefId"]));
}

#[test]
fn sealed_request_matches_vector() {
    let vectors = load("envelope.json");
    let config = config_with_credentials(&vectors);
    let options = RequestOptions {
        encrypt_type: None,
        request_ref_id: Some(text(&vectors["requestRefId"])),
        form: RequestForm::Sealed,
    };
    let built = build_request(&config, Interface::Mbasu001, &spec_fields(), &options).unwrap();
    let body: Value = serde_json::from_str(&built.body).unwrap();
    assert_eq!(
        text(&body["request"]),
        text(&vectors["sealed_request_field"])
    );
    assert_eq!(
        text(&body["head"]["signature"]),
        text(&vectors["signature"])
    );

    let cipher = mbasu::TripleDes::ecb(
        mbasu::TripleDesKey::from_base64(text(&vectors["secretKey_base64"])).unwrap(),
    );
    assert_eq!(
        cipher
            .decrypt_text(text(&vectors["sealed_request_field"]))
            .unwrap(),
        text(&vectors["sealed_plaintext"])
    );

    let parsed = parse_request(&config, Interface::Mbasu001, built.body.as_bytes()).unwrap();
    assert_eq!(parsed.form, RequestForm::Sealed);
    assert_eq!(parsed.name.unwrap().plaintext.as_deref(), Some("张三"));
}

#[test]
fn sealed_response_matches_vector() {
    let vectors = load("envelope.json");
    let config = config_with_credentials(&vectors);
    let cipher = mbasu::TripleDes::ecb(
        mbasu::TripleDesKey::from_base64(text(&vectors["secretKey_base64"])).unwrap(),
    );
    assert_eq!(
        cipher.encrypt_text(text(&vectors["sealed_response_plaintext"])),
        text(&vectors["sealed_response_field"])
    );

    let built = build_response(
        &config,
        Interface::Mbasu001,
        "xwdb_1",
        Reply::Value("0"),
        true,
    )
    .unwrap();
    let body: Value = serde_json::from_str(&built.body).unwrap();
    assert_eq!(
        text(&body["response"]),
        text(&vectors["sealed_response_field"])
    );

    let sealed_body = format!(
        "{{\"head\":{{\"result\":\"Y\",\"responseRefId\":\"TR1\",\"requestRefId\":\"xwdb_1\",\"responseCode\":\"0000\",\"responseMsg\":\"查询成功\"}},\"response\":\"{}\"}}",
        text(&vectors["sealed_response_field"])
    );
    let interpretation = parse_response(
        &config,
        Interface::Mbasu001,
        sealed_body.as_bytes(),
        Some("xwdb_1"),
    )
    .unwrap();
    assert_eq!(interpretation.value, "0");
}

#[test]
fn response_vectors() {
    let vectors = load("responses.json");
    let config = Config::default();
    let cases = vectors["cases"].as_array().unwrap();
    for (index, case) in cases.iter().enumerate() {
        let interface = Interface::from_code(text(&case["interface"])).unwrap();
        let expected_ref = case["expected_request_ref"].as_str();
        let body = text(&case["body"]);
        let result = parse_response(&config, interface, body.as_bytes(), expected_ref);
        let expect = &case["expect"];

        if let Some(category) = expect["error"].as_str() {
            let error = result.expect_err(&format!("case {index} should fail"));
            assert_eq!(error.code().name(), category, "case {index}: {error}");
            if let Some(code) = expect["responseCode"].as_str() {
                let failure = error.provider_failure().unwrap();
                assert_eq!(failure.response_code, code);
                assert_eq!(failure.response_msg, text(&expect["responseMsg"]));
            }
            continue;
        }

        let interpretation = result.unwrap_or_else(|e| panic!("case {index}: {e}"));
        assert_eq!(interpretation.value, text(&expect["value"]), "case {index}");
        assert_eq!(
            interpretation.category().name(),
            text(&expect["category"]),
            "case {index}"
        );
        assert_eq!(
            interpretation.is_retryable(),
            interpretation.category() == Category::QueryError
        );
        assert!(
            !interpretation.meaning.label_zh.is_empty()
                && !interpretation.meaning.label_en.is_empty()
        );

        match interpretation.meaning.detail {
            // Cases that test something else (a BOM, a number value) leave the detail out.
            Detail::Match { .. } if expect["name_matches"].is_null() => {}
            Detail::Match {
                name_matches,
                cert_no_matches,
            } => {
                assert_eq!(
                    Some(name_matches),
                    expect["name_matches"].as_bool(),
                    "case {index}"
                );
                assert_eq!(
                    Some(cert_no_matches),
                    expect["cert_no_matches"].as_bool(),
                    "case {index}"
                );
            }
            Detail::InNetPeriod {
                months_above,
                months_at_most,
            } => {
                assert_eq!(
                    Some(u64::from(months_above)),
                    expect["months_above"].as_u64(),
                    "case {index}"
                );
                assert_eq!(
                    months_at_most.map(u64::from),
                    expect["months_at_most"].as_u64(),
                    "case {index}"
                );
            }
            Detail::Status { status, usable } => {
                assert_eq!(status.name(), text(&expect["status"]), "case {index}");
                assert_eq!(usable, status == LineStatus::InUse);
            }
            Detail::None => assert_ne!(
                interpretation.category(),
                Category::Answered,
                "case {index}"
            ),
        }

        match expect["warning"].as_str() {
            Some(warning) => assert_eq!(
                interpretation.warnings[0].code.name(),
                warning,
                "case {index}"
            ),
            None => assert!(interpretation.warnings.is_empty(), "case {index}"),
        }
    }
    assert_eq!(cases.len(), 29);
}

#[test]
fn response_error_categories_map_to_one_code() {
    let expected = [
        ("malformed_json", 600),
        ("missing_field", 601),
        ("unknown_value", 602),
        ("provider_error", 603),
        ("request_ref_mismatch", 604),
    ];
    for (name, number) in expected {
        assert_eq!(ErrorCode::from_code(number).unwrap().name(), name);
    }
}

#[test]
fn generated_ref_id_uses_china_time_and_six_digits() {
    let config = Config::builder()
        .clock(Arc::new(FixedClock(1_796_355_330_123)))
        .random(Arc::new(SequenceRandom::new(vec![1_234_567_890_042_000])))
        .build();
    let built = build_request(
        &config,
        Interface::Mbasu004,
        &RequestFields {
            mobile: "13800138000",
            cert_no: "11010519491231002X",
            name: None,
        },
        &RequestOptions::default(),
    )
    .unwrap();
    // 1_796_355_330_123 ms is 2026-12-04T03:35:30.123Z, so 11:35:30.123 in Beijing.
    assert_eq!(built.request_ref_id, "xwdb_261204113530123042000");
    assert!(built
        .body
        .contains("\"requestRefId\":\"xwdb_261204113530123042000\""));
}

#[test]
fn mbasu004_rejects_encrypt_type() {
    let config = Config::default();
    let options = RequestOptions {
        encrypt_type: Some(mbasu::EncryptType::Md5),
        ..RequestOptions::default()
    };
    let fields = RequestFields {
        mobile: "13800138000",
        cert_no: "11010519491231002X",
        name: None,
    };
    let error = build_request(&config, Interface::Mbasu004, &fields, &options).unwrap_err();
    assert_eq!(error.code(), ErrorCode::EncryptTypeNotAllowed);
}

#[test]
fn provider_rejects_hash_of_wrong_shape() {
    let body = r#"{"head":{"requestRefId":"xwdb_1"},"request":{"param":{"mobile":"7945bd83237335e5376ff44d62e4f0ae","certType":"00","certNo":"ae05564031c21338aa8a2e7266e7855c","name":"615db57aa314529aaa0fbe95b3e95bd3","encryptType":"3"}}}"#;
    let error =
        parse_request(&Config::default(), Interface::Mbasu001, body.as_bytes()).unwrap_err();
    assert_eq!(error.code(), ErrorCode::HashShape);

    let md5 = body.replace("\"encryptType\":\"3\"", "\"encryptType\":\"1\"");
    let parsed = parse_request(&Config::default(), Interface::Mbasu001, md5.as_bytes()).unwrap();
    assert_eq!(
        parsed.mobile,
        ReceivedField {
            wire: "7945bd83237335e5376ff44d62e4f0ae".into(),
            plaintext: None
        }
    );
}
