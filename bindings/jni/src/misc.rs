//! Native methods without state: digests, the code tables, the version, and the panic test.

use jni::objects::{JClass, JString};
use jni::sys::{jboolean, jint};
use jni::{jni_mangle, EnvUnowned};
use mbasu::encrypt::hash_hex;
use mbasu::{ErrorCode, HashOptions, HexCase, Interface};

use crate::boundary::{run_raw, GlueResult, LocalRef, ThrowMbasuException};
use crate::enums::{encrypt_type, enum_names, ordinal, FIELDS};
use crate::packed::Packer;
use crate::strings::{new_java_string, read_text};

/// The digest of the UTF-8 bytes of `text` in hexadecimal (MD5, SHA256 or SM3).
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn hash<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    encrypt_type_ordinal: jint,
    text: JString<'local>,
    upper_case: jboolean,
    md5_short: jboolean,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let encrypt_type = encrypt_type(encrypt_type_ordinal)?;
            let text = read_text(env, &text, "text")?;
            let options = HashOptions {
                case: if upper_case {
                    HexCase::Upper
                } else {
                    HexCase::Lower
                },
                md5_16: md5_short,
            };
            let digest = hash_hex(encrypt_type, text.as_bytes(), options)?;
            new_java_string(env, &digest)
        })
        .resolve::<ThrowMbasuException>()
}

/// The core's version.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn version<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> { new_java_string(env, mbasu::VERSION) })
        .resolve::<ThrowMbasuException>()
}

/// Every error code: number, name, field ordinal, whether it is a warning, and both
/// descriptions.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn error_codes<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let mut packer = Packer::new();
            packer.count(ErrorCode::ALL.len());
            for code in ErrorCode::ALL {
                packer
                    .int(code.code() as i32)
                    .str(code.name())
                    .int(ordinal(&FIELDS, &code.field()))
                    .bool(code.is_warning())
                    .str(code.description_zh())
                    .str(code.description_en());
            }
            packer.finish(env)
        })
        .resolve::<ThrowMbasuException>()
}

/// The core names of one enum's variants in Java ordinal order (see `enums::enum_names`).
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn enum_core_names<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    which: jint,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let names = enum_names(which)?;
            let mut packer = Packer::new();
            packer.count(names.len());
            for name in names {
                packer.str(name);
            }
            packer.finish(env)
        })
        .resolve::<ThrowMbasuException>()
}

/// Panics on purpose, so the Java tests can prove a panic arrives as `MbasuException` with
/// code 6 and the JVM keeps running. Nothing in the public Java API calls it.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn panic_for_test<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
) -> JString<'local> {
    unowned_env
        .with_env(|_env| -> GlueResult<JString<'local>> {
            panic!("panic_for_test: a deliberate panic from the mbasu JNI glue")
        })
        .resolve::<ThrowMbasuException>()
}

/// Panics on purpose inside [`run_raw`], the boundary of the request and response methods, so
/// the Java tests can prove that boundary turns a panic into code 6 as well.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn panic_for_test_raw<'local>(
    unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
) -> LocalRef<'local> {
    run_raw(unowned_env, |_env| -> GlueResult<LocalRef<'local>> {
        panic!("panic_for_test_raw: a deliberate panic from the mbasu JNI glue")
    })
}

/// The Chinese and English label of every interface, in `Interface::ALL` order.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn interface_labels<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let mut packer = Packer::new();
            packer.count(Interface::ALL.len());
            for interface in Interface::ALL {
                packer.str(interface.label_zh()).str(interface.label_en());
            }
            packer.finish(env)
        })
        .resolve::<ThrowMbasuException>()
}
