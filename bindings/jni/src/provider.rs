//! Native methods of the provider side: parse an incoming request, build a response, and check
//! a provider's response for conformance with the spec.

use jni::objects::{JClass, JObject, JString};
use jni::sys::{jboolean, jint, jlong};
use jni::{jni_mangle, EnvUnowned};
use mbasu::conformance::{check_response, Exchange};
use mbasu::provider::ReceivedField;
use mbasu::{build_response, parse_request, Error, ErrorCode, Reply};

use crate::boundary::{GlueResult, ThrowMbasuException};
use crate::config::with_config;
use crate::enums::{interface, ordinal, REQUEST_FORMS, SEVERITIES};
use crate::packed::Packer;
use crate::strings::{read_optional_text, read_text};
use mbasu::EncryptType;

/// Parses and validates an incoming request envelope (standard, signed or sealed).
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_parse_request<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    owner: JObject<'local>,
    interface_ordinal: jint,
    body: JString<'local>,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let interface = interface(interface_ordinal)?;
            let body = read_text(env, &body, "body")?;
            let parsed = with_config(handle, &owner, |config| {
                Ok(parse_request(&config.core, interface, body.as_bytes())?)
            })?;

            let mut packer = Packer::new();
            packer
                .str(&parsed.request_ref_id)
                .int(ordinal(&REQUEST_FORMS, &parsed.form))
                .opt_str(parsed.secret_id.as_deref())
                .int(
                    parsed
                        .encrypt_type
                        .map_or(-1, |t| ordinal(&EncryptType::ALL, &t)),
                );
            pack_received(&mut packer, Some(&parsed.mobile));
            pack_received(&mut packer, Some(&parsed.cert_no));
            pack_received(&mut packer, parsed.name.as_ref());
            packer.finish(env)
        })
        .resolve::<ThrowMbasuException>()
}

fn pack_received(packer: &mut Packer, field: Option<&ReceivedField>) {
    match field {
        Some(field) => {
            packer
                .bool(true)
                .str(&field.wire)
                .opt_str(field.plaintext.as_deref());
        }
        None => {
            packer.bool(false);
        }
    }
}

/// Builds a response envelope: an answer when `value` is given, else a failure with
/// `response_code` and `response_msg`. Packs responseRefId and body.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_build_response<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    owner: JObject<'local>,
    interface_ordinal: jint,
    request_ref_id: JString<'local>,
    value: JString<'local>,
    response_code: JString<'local>,
    response_msg: JString<'local>,
    sealed: jboolean,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let interface = interface(interface_ordinal)?;
            let request_ref_id = read_text(env, &request_ref_id, "requestRefId")?;
            let value = read_optional_text(env, &value)?;
            let failure = match value {
                Some(_) => None,
                None => Some((
                    read_text(env, &response_code, "responseCode")?,
                    read_text(env, &response_msg, "responseMsg")?,
                )),
            };
            let reply = match (&value, &failure) {
                (Some(value), _) => Reply::Value(value),
                (None, Some((code, message))) => Reply::Failure {
                    response_code: code,
                    response_msg: message,
                },
                (None, None) => return Err(Error::from_code(ErrorCode::InvalidArgument).into()),
            };
            let built = with_config(handle, &owner, |config| {
                Ok(build_response(
                    &config.core,
                    interface,
                    &request_ref_id,
                    reply,
                    sealed,
                )?)
            })?;

            let mut packer = Packer::new();
            packer.str(&built.response_ref_id).str(&built.body);
            packer.finish(env)
        })
        .resolve::<ThrowMbasuException>()
}

/// Lists every way a provider's response deviates from the spec. `http_status` is -1 when
/// unknown; `request_body` may be `null`.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_check_response<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    owner: JObject<'local>,
    interface_ordinal: jint,
    body: JString<'local>,
    http_status: jint,
    request_body: JString<'local>,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let interface = interface(interface_ordinal)?;
            let body = read_text(env, &body, "body")?;
            let request_body = read_optional_text(env, &request_body)?;
            let exchange = Exchange {
                http_status: u16::try_from(http_status).ok(),
                request_body: request_body.as_deref().map(str::as_bytes),
            };
            let findings = with_config(handle, &owner, |config| {
                Ok(check_response(
                    &config.core,
                    interface,
                    body.as_bytes(),
                    &exchange,
                ))
            })?;

            let mut packer = Packer::new();
            packer.count(findings.len());
            for finding in &findings {
                packer
                    .int(finding.code.code() as i32)
                    .str(finding.code.name())
                    .int(ordinal(&SEVERITIES, &finding.severity))
                    .str(&finding.path)
                    .str(&finding.message_zh)
                    .str(&finding.message_en);
            }
            packer.finish(env)
        })
        .resolve::<ThrowMbasuException>()
}
