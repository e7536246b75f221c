//! Native methods of the client side: build a request, read a response, classify an HTTP
//! exchange.
//!
//! Building and reading run in [`run_raw`], because callers make them once per HTTP exchange,
//! and return UTF-8 bytes. A reading ([`BytePacker`]) carries an index into the value table
//! Java loads once from [`value_meanings`] instead of the value's labels. A body given as bytes
//! usually crosses in a direct buffer that also carries the reading back
//! ([`config_parse_response_scratch`]). A built request is its body followed by a trailer
//! ([`pack_built_request`]), written into the body's own buffer.

use jni::objects::{JByteArray, JClass, JObject, JString};
use jni::sys::{jint, jlong};
use jni::{jni_mangle, EnvUnowned};
use mbasu::response::{interpret_value, values, Detail, ValueMeaning};
use mbasu::{
    build_request, interpret_http, parse_response_borrowed, BorrowedInterpretation, BuiltRequest,
    Error, HttpOutcome, Interpretation, RequestFields, RequestOptions,
};

use crate::boundary::{run_raw, GlueResult, LocalRef, ThrowMbasuException};
use crate::config::with_config;
use crate::enums::{
    encrypt_type, from_ordinal, interface, ordinal, CATEGORIES, LINE_STATUSES, OUTCOMES,
    REQUEST_FORMS,
};
use crate::packed::{BytePacker, Packer, INLINE_PACKED};
use crate::scratch::{put_reading_length, Scratch};
use crate::strings::{
    new_byte_array, read_arg, read_optional_arg, read_optional_text, read_raw_text, read_text,
    with_byte_array, TextBuffer,
};

/// Validates, normalises and encrypts the fields, then serialises the request.
///
/// `encrypt_type_ordinal` is -1 for no encryptType; `name` and `request_ref_id` may be `null`.
/// Returns the body as UTF-8 bytes followed by the path and requestRefId
/// ([`pack_built_request`]), because the body goes to an HTTP client as bytes.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_build_request<'local>(
    unowned_env: EnvUnowned<'local>,
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
) -> LocalRef<'local> {
    run_raw(unowned_env, |env| {
        let interface = interface(interface_ordinal)?;
        let encrypt_type = match encrypt_type_ordinal {
            -1 => None,
            other => Some(encrypt_type(other)?),
        };
        let form = from_ordinal(&REQUEST_FORMS, form_ordinal, "RequestForm")?;
        let mut mobile_buffer = TextBuffer::new();
        let mut cert_no_buffer = TextBuffer::new();
        let mut name_buffer = TextBuffer::new();
        let mut request_ref_id_buffer = TextBuffer::new();
        let fields = RequestFields {
            mobile: read_arg(env, &mobile, "mobile", &mut mobile_buffer)?,
            cert_no: read_arg(env, &cert_no, "certNo", &mut cert_no_buffer)?,
            name: read_optional_arg(env, &name, &mut name_buffer)?,
        };
        let options = RequestOptions {
            encrypt_type,
            request_ref_id: read_optional_arg(env, &request_ref_id, &mut request_ref_id_buffer)?,
            form,
        };
        let built = with_config(handle, &owner, |config| {
            Ok(build_request(&config.core, interface, &fields, &options)?)
        })?;
        new_byte_array(env, &pack_built_request(built))
    })
}

/// Lays out a built request as `cn.mbasu.BuiltRequest` reads it: the body, the path and the
/// requestRefId as UTF-8, then their three lengths in bytes as big-endian `int`s.
///
/// The trailer goes after the body, so it is appended to the body's own buffer instead of
/// copying everything into a new one. `build_request` usually leaves room for it, and `reserve`
/// grows the buffer otherwise.
fn pack_built_request(built: BuiltRequest) -> Vec<u8> {
    let BuiltRequest {
        path,
        request_ref_id,
        body,
        ..
    } = built;
    let lengths = [body.len(), path.len(), request_ref_id.len()];
    let mut bytes = body.into_bytes();
    bytes.reserve(path.len() + request_ref_id.len() + 12);
    bytes.extend_from_slice(path.as_bytes());
    bytes.extend_from_slice(request_ref_id.as_bytes());
    for length in lengths {
        // A request is a few hundred bytes, so no length saturates. A saturated length would
        // make the Java reader reject the trailer, because the lengths would not add up.
        let length = i32::try_from(length).unwrap_or(i32::MAX);
        bytes.extend_from_slice(&length.to_be_bytes());
    }
    bytes
}

/// Parses a response body given as a Java string, checks its head and interprets the value.
/// Returns the per-call part of the interpretation ([`pack_reading`]).
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_parse_response<'local>(
    unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    owner: JObject<'local>,
    interface_ordinal: jint,
    body: JString<'local>,
    expected_request_ref: JString<'local>,
) -> LocalRef<'local> {
    run_raw(unowned_env, |env| {
        let interface = interface(interface_ordinal)?;
        let body = read_raw_text(env, &body, "body")?;
        let mut expected_buffer = TextBuffer::new();
        let expected = read_optional_arg(env, &expected_request_ref, &mut expected_buffer)?;
        let mut target = [0; INLINE_PACKED];
        let mut packer = BytePacker::new(&mut target);
        with_config(handle, &owner, |config| {
            let interpretation =
                parse_response_borrowed(&config.core, interface, body.as_bytes(), expected)?;
            pack_reading(&interpretation, &mut packer);
            Ok(())
        })?;
        packer.finish(env)
    })
}

/// Parses a response body given as the UTF-8 bytes an HTTP client received; otherwise the same
/// as [`config_parse_response`]. The bytes are copied once and never decoded to UTF-16.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_parse_response_bytes<'local>(
    unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    owner: JObject<'local>,
    interface_ordinal: jint,
    body: JByteArray<'local>,
    expected_request_ref: JString<'local>,
) -> LocalRef<'local> {
    run_raw(unowned_env, |env| {
        let interface = interface(interface_ordinal)?;
        let mut expected_buffer = TextBuffer::new();
        let expected = read_optional_arg(env, &expected_request_ref, &mut expected_buffer)?;
        // The reading is packed while the body is still borrowed, because the head's text
        // points into it.
        let mut target = [0; INLINE_PACKED];
        let mut packer = BytePacker::new(&mut target);
        with_byte_array(env, &body, "body", |body| {
            with_config(handle, &owner, |config| {
                let interpretation =
                    parse_response_borrowed(&config.core, interface, body, expected)?;
                pack_reading(&interpretation, &mut packer);
                Ok(())
            })
        })?;
        packer.finish(env)
    })
}

/// Parses a response body that Java copied into a `ResponseScratch` buffer; otherwise the same
/// as [`config_parse_response_bytes`].
///
/// Writes the reading into the buffer after the body, preceded by its length
/// ([`crate::scratch`]), and returns `null`. A reading that does not fit there is returned as a
/// new `byte[]` instead.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_parse_response_scratch<'local>(
    unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    owner: JObject<'local>,
    interface_ordinal: jint,
    scratch: JObject<'local>,
    scratch_address: jlong,
    scratch_capacity: jint,
    body_length: jint,
    expected_request_ref: JString<'local>,
) -> LocalRef<'local> {
    run_raw(unowned_env, |env| {
        let interface = interface(interface_ordinal)?;
        let mut expected_buffer = TextBuffer::new();
        let expected = read_optional_arg(env, &expected_request_ref, &mut expected_buffer)?;
        // SAFETY: `ResponseScratch` passes its own buffer with the address that
        // `direct_buffer_address` returned for it and the capacity it was allocated with. The
        // buffer is an argument of this call, and no other thread uses it until the call
        // returns.
        let Scratch {
            body,
            length_field,
            reading,
        } = unsafe { Scratch::split(&scratch, scratch_address, scratch_capacity, body_length)? };
        let mut packer = BytePacker::new(reading);
        with_config(handle, &owner, |config| {
            let interpretation = parse_response_borrowed(&config.core, interface, body, expected)?;
            pack_reading(&interpretation, &mut packer);
            Ok(())
        })?;
        match packer.length_in_target() {
            Some(length) if put_reading_length(length_field, length) => Ok(LocalRef::default()),
            _ => packer.finish(env),
        }
    })
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
fn pack_reading(interpretation: &BorrowedInterpretation<'_>, packer: &mut BytePacker<'_>) {
    let index = values(interpretation.interface)
        .iter()
        .position(|value| *value == interpretation.value)
        .unwrap_or(usize::MAX);
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

#[cfg(test)]
mod tests {
    use super::*;
    use mbasu::Interface;

    #[test]
    fn built_request_is_body_then_trailer() {
        let built = BuiltRequest {
            interface: Interface::Mbasu001,
            path: "/MBASU001".to_owned(),
            request_ref_id: "xwdb_1".to_owned(),
            body: "{\"名\":1}".to_owned(),
        };
        let packed = pack_built_request(built);

        let mut expected = "{\"名\":1}/MBASU001xwdb_1".as_bytes().to_vec();
        for length in [9i32, 9, 6] {
            expected.extend_from_slice(&length.to_be_bytes());
        }
        assert_eq!(packed, expected);
    }
}
