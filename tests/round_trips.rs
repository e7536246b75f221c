//! Build → parse round trips for every interface, encryptType and form, and no-panic checks
//! on arbitrary input.

use std::sync::Arc;

use mbasu::conformance::{check_response, Exchange};
use mbasu::{
    build_request, build_response, parse_request, parse_response, CipherEncoding, CipherMode,
    Config, Credentials, Date, EncryptType, ErrorCode, FixedClock, Interface, Reply, RequestFields,
    RequestForm, RequestOptions, TripleDes, TripleDesKey,
};
use proptest::prelude::*;

fn full_config() -> Config {
    unsigned_config_builder()
        .credentials(
            Credentials::from_base64("ORG0001", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY").unwrap(),
        )
        .build()
}

/// A provider without credentials accepts unsigned requests; one with them requires a signature.
fn unsigned_config_builder() -> mbasu::ConfigBuilder {
    Config::builder()
        .triple_des(TripleDes::new(
            TripleDesKey::new(b"0123456789abcdefghijklmn").unwrap(),
            CipherMode::Cbc { iv: *b"12345678" },
            CipherEncoding::Base64,
        ))
        .clock(Arc::new(FixedClock::at_date(
            Date::new(2026, 12, 4).unwrap(),
        )))
}

const FORMS: [RequestForm; 3] = [
    RequestForm::Standard,
    RequestForm::Signed,
    RequestForm::Sealed,
];

fn encrypt_types(interface: Interface) -> Vec<Option<EncryptType>> {
    if interface.accepts_encrypt_type() {
        std::iter::once(None)
            .chain(EncryptType::ALL.into_iter().map(Some))
            .collect()
    } else {
        vec![None]
    }
}

#[test]
fn every_interface_type_and_form_round_trips() {
    let config = full_config();
    let unsigned_config = unsigned_config_builder().build();
    let mut combinations = 0;
    for interface in Interface::ALL {
        for encrypt_type in encrypt_types(interface) {
            for form in FORMS {
                let fields = RequestFields {
                    mobile: "13800138000",
                    cert_no: "11010519491231002X",
                    name: interface.requires_name().then_some("𠮷田"),
                };
                let options = RequestOptions {
                    encrypt_type,
                    request_ref_id: None,
                    form,
                };
                let built = build_request(&config, interface, &fields, &options).unwrap();
                let provider = if form == RequestForm::Standard {
                    &unsigned_config
                } else {
                    &config
                };
                let parsed = parse_request(provider, interface, built.body.as_bytes()).unwrap();

                assert_eq!(parsed.form, form);
                assert_eq!(parsed.encrypt_type, encrypt_type);
                assert_eq!(parsed.request_ref_id, built.request_ref_id);
                let plaintext_known = !encrypt_type.is_some_and(EncryptType::is_hash);
                if plaintext_known {
                    assert_eq!(parsed.mobile.plaintext.as_deref(), Some("13800138000"));
                    assert_eq!(
                        parsed.cert_no.plaintext.as_deref(),
                        Some("11010519491231002X")
                    );
                }
                assert_eq!(parsed.name.is_some(), interface.requires_name());
                combinations += 1;
            }
        }
    }
    assert_eq!(combinations, 3 * 6 * 2 + 3);
}

#[test]
fn provider_response_round_trips_to_client() {
    let config = full_config();
    for interface in Interface::ALL {
        for value in mbasu::response::values(interface) {
            for sealed in [false, true] {
                let built =
                    build_response(&config, interface, "xwdb_1", Reply::Value(value), sealed)
                        .unwrap();
                let read =
                    parse_response(&config, interface, built.body.as_bytes(), Some("xwdb_1"))
                        .unwrap();
                assert_eq!(&read.value, value);
                assert_eq!(
                    read.response_ref_id.as_deref(),
                    Some(built.response_ref_id.as_str())
                );
                let findings = check_response(
                    &config,
                    interface,
                    built.body.as_bytes(),
                    &Exchange::default(),
                );
                assert!(findings.is_empty(), "{interface} {value}: {findings:?}");
            }
        }
    }
}

#[test]
fn provider_failure_reply_reads_as_provider_error() {
    let config = Config::default();
    let reply = Reply::Failure {
        response_code: "1001",
        response_msg: "签名错误",
    };
    let built = build_response(&config, Interface::Mbasu001, "xwdb_1", reply, false).unwrap();
    let error =
        parse_response(&config, Interface::Mbasu001, built.body.as_bytes(), None).unwrap_err();
    assert_eq!(error.code(), ErrorCode::ProviderError);
    assert_eq!(error.provider_failure().unwrap().response_code, "1001");
}

#[test]
fn unsigned_request_rejected_when_credentials_configured() {
    let fields = RequestFields {
        mobile: "13800138000",
        cert_no: "11010519491231002X",
        name: None,
    };
    let built = build_request(
        &full_config(),
        Interface::Mbasu004,
        &fields,
        &RequestOptions::default(),
    )
    .unwrap();
    let error =
        parse_request(&full_config(), Interface::Mbasu004, built.body.as_bytes()).unwrap_err();
    assert_eq!(error.code(), ErrorCode::CredentialsMissing);
}

#[test]
fn tampered_signature_rejected() {
    let config = full_config();
    let fields = RequestFields {
        mobile: "13800138000",
        cert_no: "11010519491231002X",
        name: None,
    };
    let options = RequestOptions {
        form: RequestForm::Signed,
        ..RequestOptions::default()
    };
    let built = build_request(&config, Interface::Mbasu010, &fields, &options).unwrap();
    let tampered = built
        .body
        .replacen("\"requestRefId\":\"xwdb_", "\"requestRefId\":\"xwdc_", 1);
    let error = parse_request(&config, Interface::Mbasu010, tampered.as_bytes()).unwrap_err();
    assert_eq!(error.code(), ErrorCode::SignatureMismatch);
}

#[test]
fn conformance_lists_every_finding() {
    let config = Config::default();
    let body = br#"{"head":{"result":"Y","requestRefId":"xwdb_other","responseCode":"0000","responseMsg":0},"response":{"mobileStatus":"100","extra":"x"}}"#;
    let request = br#"{"head":{"requestRefId":"xwdb_1"},"request":{"param":{}}}"#;
    let exchange = Exchange {
        http_status: Some(500),
        request_body: Some(request),
    };
    let findings = check_response(&config, Interface::Mbasu004, body, &exchange);
    let names: Vec<&str> = findings.iter().map(|f| f.code.name()).collect();
    for expected in [
        "missing_field",
        "wrong_type",
        "request_ref_mismatch",
        "unexpected_field",
        "value_too_long",
        "unknown_value",
        "http_500_for_query_failure",
    ] {
        assert!(names.contains(&expected), "{expected} not in {names:?}");
    }
}

#[test]
fn conformance_checks_answer_when_result_disagrees() {
    let config = Config::default();
    let body = br#"{"head":{"result":"N","responseRefId":"TR1","requestRefId":"xwdb_1","responseCode":"0000","responseMsg":"x"},"response":{"isIdNameMatch":"9"}}"#;
    let findings = check_response(&config, Interface::Mbasu001, body, &Exchange::default());
    let names: Vec<&str> = findings.iter().map(|f| f.code.name()).collect();
    assert!(names.contains(&"head_result_mismatch"), "{names:?}");
    assert!(names.contains(&"unknown_value"), "{names:?}");

    // A failure reply may omit the response value, so an empty response is no finding.
    let failure = br#"{"head":{"result":"N","responseRefId":"TR1","requestRefId":"xwdb_1","responseCode":"9999","responseMsg":"x"},"response":{}}"#;
    let findings = check_response(&config, Interface::Mbasu001, failure, &Exchange::default());
    assert!(findings.is_empty(), "{findings:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn response_parsing_never_panics(body in proptest::collection::vec(any::<u8>(), 0..512)) {
        let config = full_config();
        for interface in Interface::ALL {
            let _ = parse_response(&config, interface, &body, Some("xwdb_1"));
            let _ = parse_request(&config, interface, &body);
            let _ = check_response(&config, interface, &body, &Exchange::default());
        }
    }

    #[test]
    fn validation_never_panics(input in "\\PC{0,48}") {
        let options = mbasu::Options::normalizing();
        let _ = mbasu::validate_mobile(&input, &options);
        let _ = mbasu::validate_cert_no(&input, &options);
        let _ = mbasu::validate_name(&input, &options);
        let _ = mbasu::cert_no::upgrade_15_to_18(&input, &options);
    }

    #[test]
    fn valid_mobiles_round_trip(suffix in "[3-9][0-9]{9}") {
        let mobile = format!("1{suffix}");
        let config = full_config();
        let fields = RequestFields { mobile: &mobile, cert_no: "11010519491231002X", name: None };
        let options = RequestOptions { encrypt_type: Some(EncryptType::TripleDes), form: RequestForm::Sealed, request_ref_id: None };
        let built = build_request(&config, Interface::Mbasu010, &fields, &options).unwrap();
        let parsed = parse_request(&config, Interface::Mbasu010, built.body.as_bytes()).unwrap();
        prop_assert_eq!(parsed.mobile.plaintext.as_deref(), Some(mobile.as_str()));
    }
}

#[test]
fn http_outcomes_are_classified() {
    use mbasu::HttpOutcome;

    let config = Config::default();
    let answered = br#"{"head":{"result":"Y","responseRefId":"TR1","requestRefId":"xwdb_1","responseCode":"0000","responseMsg":"ok"},"response":{"mobileStatus":"-2"}}"#;
    let failed = br#"{"head":{"result":"N","responseRefId":"TR1","requestRefId":"xwdb_1","responseCode":"1001","responseMsg":"bad"},"response":null}"#;

    match mbasu::interpret_http(&config, Interface::Mbasu004, 200, answered, Some("xwdb_1")) {
        HttpOutcome::Answered(interpretation) => assert!(interpretation.is_retryable()),
        other => panic!("expected an answer, got {other:?}"),
    }
    // A spec body under HTTP 500 is still read: the value decides, not the status.
    assert!(matches!(
        mbasu::interpret_http(&config, Interface::Mbasu004, 500, answered, None),
        HttpOutcome::Answered(_)
    ));
    assert!(matches!(
        mbasu::interpret_http(&config, Interface::Mbasu004, 200, failed, None),
        HttpOutcome::ProviderError(_)
    ));
    assert!(matches!(
        mbasu::interpret_http(
            &config,
            Interface::Mbasu004,
            502,
            b"<html>502 Bad Gateway</html>",
            None
        ),
        HttpOutcome::TransportFailure {
            status: 502,
            retryable: true,
            ..
        }
    ));
    assert!(matches!(
        mbasu::interpret_http(&config, Interface::Mbasu004, 404, b"not found", None),
        HttpOutcome::TransportFailure {
            status: 404,
            retryable: false,
            ..
        }
    ));
    assert!(matches!(
        mbasu::interpret_http(&config, Interface::Mbasu004, 429, b"", None),
        HttpOutcome::TransportFailure {
            retryable: true,
            ..
        }
    ));
    match mbasu::interpret_http(&config, Interface::Mbasu004, 200, b"<html></html>", None) {
        HttpOutcome::InvalidResponse(error) => assert_eq!(error.code(), ErrorCode::MalformedJson),
        other => panic!("expected an invalid response, got {other:?}"),
    }
}

#[test]
fn oversize_body_rejected_before_parsing() {
    let config = Config::default();
    let body = vec![b' '; config.max_body_bytes() + 1];
    let error = parse_response(&config, Interface::Mbasu001, &body, None).unwrap_err();
    assert_eq!(error.code(), ErrorCode::BodyTooLarge);
    let error = parse_request(&config, Interface::Mbasu001, &body).unwrap_err();
    assert_eq!(error.code(), ErrorCode::BodyTooLarge);
}
