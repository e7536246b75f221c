//! Native methods of the client side: build a request, read a response, classify an HTTP
//! exchange.

use jni::objects::{JClass, JObject, JString};
use jni::sys::{jint, jlong};
use jni::{jni_mangle, EnvUnowned};
use mbasu::response::Detail;
use mbasu::{
    build_request, interpret_http, parse_response, Error, HttpOutcome, Interpretation,
    RequestFields, RequestOptions,
};

use crate::boundary::{GlueResult, ThrowMbasuException};
use crate::config::with_config;
use crate::enums::{
    encrypt_type, from_ordinal, interface, ordinal, CATEGORIES, LINE_STATUSES, OUTCOMES,
    REQUEST_FORMS,
};
use crate::packed::Packer;
use crate::strings::{read_optional_text, read_text};

/// Validates, normalises and encrypts the fields, then serialises the request.
///
/// `encrypt_type_ordinal` is -1 for no encryptType; `name` and `request_ref_id` may be `null`.
/// Packs path, requestRefId and body.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_build_request<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    owner: JObject<'local>,
    interface_ordinal: jint,
    mobile: JString<'local>,
    cert_no: JString<'local>,
    name: JString<'local>,
    encrypt_type_ordinal: jint,
    form_ordinal: jint,
    request_ref_id: JString<'local>,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let interface = interface(interface_ordinal)?;
            let encrypt_type = match encrypt_type_ordinal {
                -1 => None,
                other => Some(encrypt_type(other)?),
            };
            let form = from_ordinal(&REQUEST_FORMS, form_ordinal, "RequestForm")?;
            let mobile = read_text(env, &mobile, "mobile")?;
            let cert_no = read_text(env, &cert_no, "certNo")?;
            let name = read_optional_text(env, &name)?;
            let request_ref_id = read_optional_text(env, &request_ref_id)?;

            let fields = RequestFields {
                mobile: &mobile,
                cert_no: &cert_no,
                name: name.as_deref(),
            };
            let options = RequestOptions {
                encrypt_type,
                request_ref_id: request_ref_id.as_deref(),
                form,
            };
            let built = with_config(handle, &owner, |config| {
                Ok(build_request(&config.core, interface, &fields, &options)?)
            })?;

            let mut packer = Packer::new();
            packer
                .str(&built.path)
                .str(&built.request_ref_id)
                .str(&built.body);
            packer.finish(env)
        })
        .resolve::<ThrowMbasuException>()
}

/// Parses a response body, checks its head and interprets the value; packs the
/// interpretation.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_parse_response<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    owner: JObject<'local>,
    interface_ordinal: jint,
    body: JString<'local>,
    expected_request_ref: JString<'local>,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let interface = interface(interface_ordinal)?;
            let body = read_text(env, &body, "body")?;
            let expected = read_optional_text(env, &expected_request_ref)?;
            let interpretation = with_config(handle, &owner, |config| {
                Ok(parse_response(
                    &config.core,
                    interface,
                    body.as_bytes(),
                    expected.as_deref(),
                )?)
            })?;

            let mut packer = Packer::new();
            pack_interpretation(&mut packer, &interpretation);
            packer.finish(env)
        })
        .resolve::<ThrowMbasuException>()
}

/// Classifies an HTTP status and body. Packs the `HttpResult.Kind` ordinal, then the
/// interpretation (kind 0) or the error (other kinds), then for a transport failure whether a
/// retry can help.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_interpret_http<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    owner: JObject<'local>,
    interface_ordinal: jint,
    status: jint,
    body: JString<'local>,
    expected_request_ref: JString<'local>,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let interface = interface(interface_ordinal)?;
            let status = u16::try_from(status).map_err(|_| {
                Error::with_detail(
                    mbasu::ErrorCode::InvalidArgument,
                    &format!("HTTP 状态码 {status} 无效"),
                    &format!("invalid HTTP status {status}"),
                )
            })?;
            let body = read_text(env, &body, "body")?;
            let expected = read_optional_text(env, &expected_request_ref)?;
            let outcome = with_config(handle, &owner, |config| {
                Ok(interpret_http(
                    &config.core,
                    interface,
                    status,
                    body.as_bytes(),
                    expected.as_deref(),
                ))
            })?;

            let mut packer = Packer::new();
            match &outcome {
                HttpOutcome::Answered(interpretation) => {
                    packer.int(0);
                    pack_interpretation(&mut packer, interpretation);
                }
                HttpOutcome::ProviderError(error) => {
                    packer.int(1);
                    pack_error(&mut packer, error);
                }
                HttpOutcome::TransportFailure {
                    retryable, error, ..
                } => {
                    packer.int(2);
                    pack_error(&mut packer, error);
                    packer.bool(*retryable);
                }
                HttpOutcome::InvalidResponse(error) => {
                    packer.int(3);
                    pack_error(&mut packer, error);
                }
            }
            packer.finish(env)
        })
        .resolve::<ThrowMbasuException>()
}

fn pack_interpretation(packer: &mut Packer, interpretation: &Interpretation) {
    let meaning = &interpretation.meaning;
    packer
        .str(interpretation.value)
        .int(ordinal(&CATEGORIES, &meaning.category))
        .int(ordinal(&OUTCOMES, &meaning.outcome))
        .bool(interpretation.is_retryable())
        .str(meaning.label_zh)
        .str(meaning.label_en);

    match meaning.detail {
        Detail::Match {
            name_matches,
            cert_no_matches,
        } => {
            packer.int(1).bool(name_matches).bool(cert_no_matches);
        }
        Detail::InNetPeriod {
            months_above,
            months_at_most,
        } => {
            let at_most = months_at_most.map_or(-1, |months| months as i32);
            packer.int(2).int(months_above as i32).int(at_most);
        }
        Detail::Status { status, usable } => {
            packer
                .int(3)
                .int(ordinal(&LINE_STATUSES, &status))
                .bool(usable);
        }
        Detail::None => {
            packer.int(0);
        }
    }

    packer
        .opt_str(interpretation.request_ref_id.as_deref())
        .opt_str(interpretation.response_ref_id.as_deref())
        .opt_str(interpretation.response_msg.as_deref())
        .count(interpretation.warnings.len());
    for warning in &interpretation.warnings {
        packer
            .int(warning.code.code() as i32)
            .str(warning.code.name())
            .str(&warning.message_zh)
            .str(&warning.message_en);
    }
}

/// Packs an error as `MbasuException`'s constructor takes it.
fn pack_error(packer: &mut Packer, error: &Error) {
    let failure = error.provider_failure();
    packer
        .int(error.code().code() as i32)
        .str(error.code().name())
        .str(error.message_zh())
        .str(error.message_en())
        .opt_str(failure.map(|f| f.response_code.as_str()))
        .opt_str(failure.map(|f| f.response_msg.as_str()));
}
