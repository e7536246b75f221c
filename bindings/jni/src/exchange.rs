//! Native methods of the client side: build a request, read a response, classify an HTTP
//! exchange.
//!
//! Building and reading return [`BytePacker`] bytes; a reading carries an index into the value
//! table Java loads once from [`value_meanings`] instead of the value's labels.

use jni::objects::{JByteArray, JClass, JObject, JString};
use jni::sys::{jint, jlong};
use jni::{jni_mangle, EnvUnowned};
use mbasu::response::{interpret_value, values, Detail, ValueMeaning};
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
use crate::packed::{BytePacker, Packer};
use crate::strings::{
    read_arg, read_optional_arg, read_optional_text, read_text, with_byte_array, Text,
};

/// Validates, normalises and encrypts the fields, then serialises the request.
///
/// `encrypt_type_ordinal` is -1 for no encryptType; `name` and `request_ref_id` may be `null`.
/// Returns path, requestRefId and body as UTF-8 bytes ([`BytePacker`]), because the body goes
/// to an HTTP client as bytes.
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
) -> JByteArray<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let interface = interface(interface_ordinal)?;
            let encrypt_type = match encrypt_type_ordinal {
                -1 => None,
                other => Some(encrypt_type(other)?),
            };
            let form = from_ordinal(&REQUEST_FORMS, form_ordinal, "RequestForm")?;
            let mobile = read_arg(env, &mobile, "mobile")?;
            let cert_no = read_arg(env, &cert_no, "certNo")?;
            let name = read_optional_arg(env, &name)?;
            let request_ref_id = read_optional_arg(env, &request_ref_id)?;

            let fields = RequestFields {
                mobile: mobile.as_str(),
                cert_no: cert_no.as_str(),
                name: name.as_ref().map(Text::as_str),
            };
            let options = RequestOptions {
                encrypt_type,
                request_ref_id: request_ref_id.as_ref().map(Text::as_str),
                form,
            };
            let built = with_config(handle, &owner, |config| {
                Ok(build_request(&config.core, interface, &fields, &options)?)
            })?;

            let mut packer = BytePacker::with_capacity(
                12 + built.path.len() + built.request_ref_id.len() + built.body.len(),
            );
            packer
                .str(&built.path)
                .str(&built.request_ref_id)
                .str(&built.body);
            packer.finish(env)
        })
        .resolve::<ThrowMbasuException>()
}

/// Parses a response body given as a Java string, checks its head and interprets the value.
/// Returns the per-call part of the interpretation ([`pack_reading`]).
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_parse_response<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    owner: JObject<'local>,
    interface_ordinal: jint,
    body: JString<'local>,
    expected_request_ref: JString<'local>,
) -> JByteArray<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let interface = interface(interface_ordinal)?;
            let body = read_text(env, &body, "body")?;
            let expected = read_optional_arg(env, &expected_request_ref)?;
            let interpretation = with_config(handle, &owner, |config| {
                Ok(parse_response(
                    &config.core,
                    interface,
                    body.as_bytes(),
                    expected.as_ref().map(Text::as_str),
                )?)
            })?;
            pack_reading(&interpretation).finish(env)
        })
        .resolve::<ThrowMbasuException>()
}

/// Parses a response body given as the UTF-8 bytes an HTTP client received; otherwise the same
/// as [`config_parse_response`]. The bytes are copied once and never decoded to UTF-16.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_parse_response_bytes<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    owner: JObject<'local>,
    interface_ordinal: jint,
    body: JByteArray<'local>,
    expected_request_ref: JString<'local>,
) -> JByteArray<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let interface = interface(interface_ordinal)?;
            let expected = read_optional_arg(env, &expected_request_ref)?;
            let interpretation = with_byte_array(env, &body, "body", |body| {
                with_config(handle, &owner, |config| {
                    Ok(parse_response(
                        &config.core,
                        interface,
                        body,
                        expected.as_ref().map(Text::as_str),
                    )?)
                })
            })?;
            pack_reading(&interpretation).finish(env)
        })
        .resolve::<ThrowMbasuException>()
}

/// Packs every value of one interface with its meaning, in the core's order, for the table
/// `cn.mbasu.ValueMeaning` fills once; [`pack_reading`] then sends only an index into it.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn value_meanings<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    interface_ordinal: jint,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let interface = interface(interface_ordinal)?;
            let values = values(interface);
            let mut packer = Packer::new();
            packer.count(values.len());
            for value in values {
                let meaning =
                    interpret_value(interface, value).ok_or(mbasu::ErrorCode::UnknownValue)?;
                pack_meaning(&mut packer, value, &meaning);
            }
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
    pack_meaning(packer, interpretation.value, &interpretation.meaning);
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

/// Packs a value and its meaning, which depend only on the interface and the value.
fn pack_meaning(packer: &mut Packer, value: &str, meaning: &ValueMeaning) {
    packer
        .str(value)
        .int(ordinal(&CATEGORIES, &meaning.category))
        .int(ordinal(&OUTCOMES, &meaning.outcome))
        .bool(meaning.category.is_retryable())
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
}

/// Packs what differs between calls: the value's index in `values(interface)` (one byte), the
/// three head strings, and the warnings. The meaning is looked up in Java by that index.
fn pack_reading(interpretation: &Interpretation) -> BytePacker {
    let index = values(interpretation.interface)
        .iter()
        .position(|value| *value == interpretation.value)
        .unwrap_or(usize::MAX);
    let head_length = [
        &interpretation.request_ref_id,
        &interpretation.response_ref_id,
        &interpretation.response_msg,
    ]
    .iter()
    .map(|text| text.as_ref().map_or(0, String::len))
    .sum::<usize>();

    let mut packer = BytePacker::with_capacity(17 + head_length);
    // parse_response returns only canonical values, so the index is small; 255 would make the
    // Java reader fail loudly rather than pick a wrong meaning.
    packer
        .byte(u8::try_from(index).unwrap_or(u8::MAX))
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
    packer
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
