//! Builds an MBASU001 request with SM3-hashed fields and reads the spec's sample response.
//!
//! Run with `cargo run --example request_response`.

use mbasu::{
    build_request, parse_response, Config, EncryptType, Interface, RequestFields, RequestOptions,
};

const SAMPLE_RESPONSE: &str = r#"{"head":{"result":"Y","responseRefId":"TR2941_20250127115621836874702","requestRefId":"xwdb_250127115444103248377","responseCode":"0000","responseMsg":"查询成功"},"response":{"isIdNameMatch":"0"}}"#;

fn main() -> Result<(), mbasu::Error> {
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
    let request = build_request(&config, Interface::Mbasu001, &fields, &options)?;
    println!("POST {{base}}{}", request.path);
    println!("{}", request.body);

    // The HTTP call itself is the integrator's; here the spec's sample answer stands in for it.
    let answer = parse_response(
        &config,
        Interface::Mbasu001,
        SAMPLE_RESPONSE.as_bytes(),
        Some(&request.request_ref_id),
    )?;
    println!(
        "{} {} / {} (retryable: {})",
        answer.value,
        answer.meaning.label_zh,
        answer.meaning.label_en,
        answer.is_retryable()
    );
    Ok(())
}
