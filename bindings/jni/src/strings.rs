//! Java strings in and out as UTF-16 code units, never as JNI's modified UTF-8.
//!
//! `GetStringUTFChars` would hand over modified UTF-8, where 𠮷 (U+20BB7) is two 3-byte
//! surrogate encodings (CESU-8) and a lone surrogate passes silently, so every hash of such a
//! name would be wrong. Here the code units are copied with `GetStringRegion` and decoded by
//! `mbasu::text::text_from_utf16`, which rejects a lone surrogate with code 3
//! (`lone_surrogate`). Results are created with `NewString` from UTF-16.
//!
//! jni 0.22.4 wraps only the modified UTF-8 functions, so these three JNI functions are called
//! through the raw function table.

use jni::objects::JString;
use jni::sys::{jchar, jsize};
use jni::Env;
use mbasu::text::text_from_utf16;
use mbasu::{Error, ErrorCode};
use zeroize::{Zeroize, Zeroizing};

use crate::boundary::{null_argument, GlueError, GlueResult};

/// Strings up to this many UTF-16 units are copied into a stack buffer instead of the heap.
const STACK_UNITS: usize = 256;

/// Reads a Java string argument as UTF-8 text; `null` is error 4 naming `argument`, a lone
/// surrogate is error 3.
pub(crate) fn read_text(env: &Env<'_>, value: &JString<'_>, argument: &str) -> GlueResult<String> {
    if value.is_null() {
        return Err(null_argument(argument));
    }
    with_units(env, value, |units| Ok(text_from_utf16(units)?))
}

/// Reads an optional Java string argument; `null` is `None`.
pub(crate) fn read_optional_text(env: &Env<'_>, value: &JString<'_>) -> GlueResult<Option<String>> {
    if value.is_null() {
        return Ok(None);
    }
    with_units(env, value, |units| Ok(Some(text_from_utf16(units)?)))
}

/// Reads a secret (a Base64 key); the copied code units are wiped before returning, and the
/// caller's copy is wiped on drop.
pub(crate) fn read_secret_text(
    env: &Env<'_>,
    value: &JString<'_>,
    argument: &str,
) -> GlueResult<Zeroizing<String>> {
    if value.is_null() {
        return Err(null_argument(argument));
    }
    with_units(env, value, |units| {
        let text = Zeroizing::new(text_from_utf16(units)?);
        units.zeroize();
        Ok(text)
    })
}

/// Copies the code units of a non-null string and passes them to `read`.
fn with_units<T>(
    env: &Env<'_>,
    value: &JString<'_>,
    read: impl FnOnce(&mut [u16]) -> GlueResult<T>,
) -> GlueResult<T> {
    if env.exception_check() {
        return Err(GlueError::Jni(jni::errors::Error::JavaException));
    }
    let raw_env = env.get_raw();
    let string = value.as_raw();

    // SAFETY: `raw_env` is the JNIEnv of the current thread inside a native method call, so
    // its function table is valid; `string` is a non-null local reference to a
    // java.lang.String owned by this call; no exception is pending (checked above), and
    // GetStringLength (JNI 1.1) throws none.
    let length = unsafe { ((**raw_env).v1_1.GetStringLength)(raw_env, string) };
    let length = usize::try_from(length).unwrap_or(0);

    let mut stack = [0 as jchar; STACK_UNITS];
    let mut heap = Vec::new();
    let units: &mut [jchar] = if length <= STACK_UNITS {
        &mut stack[..length]
    } else {
        heap.resize(length, 0);
        &mut heap
    };

    // SAFETY: as above; GetStringRegion (JNI 1.2) writes exactly `length` units starting at 0
    // into `units`, which has room for `length` units, and the region [0, length) lies inside
    // the string because Java strings are immutable, so it raises no
    // StringIndexOutOfBoundsException.
    unsafe {
        ((**raw_env).v1_2.GetStringRegion)(raw_env, string, 0, length as jsize, units.as_mut_ptr())
    };
    read(units)
}

/// Creates a Java string from UTF-8 text through its UTF-16 code units.
pub(crate) fn new_java_string<'local>(
    env: &Env<'local>,
    text: &str,
) -> GlueResult<JString<'local>> {
    let mut stack = [0 as jchar; STACK_UNITS];
    if text.len() <= STACK_UNITS {
        // A UTF-8 string of n bytes has at most n UTF-16 units.
        let mut length = 0;
        for unit in text.encode_utf16() {
            stack[length] = unit;
            length += 1;
        }
        return new_java_string_from_units(env, &stack[..length]);
    }
    let units: Vec<jchar> = text.encode_utf16().collect();
    new_java_string_from_units(env, &units)
}

/// Creates a Java string from UTF-16 code units that came from a Rust `str`, so every
/// surrogate is paired.
pub(crate) fn new_java_string_from_units<'local>(
    env: &Env<'local>,
    units: &[jchar],
) -> GlueResult<JString<'local>> {
    let Ok(length) = jsize::try_from(units.len()) else {
        return Err(GlueError::Core(Error::with_detail(
            ErrorCode::InputTooLarge,
            "结果超过 Java 字符串的长度上限",
            "the result is longer than a Java string can be",
        )));
    };
    if env.exception_check() {
        return Err(GlueError::Jni(jni::errors::Error::JavaException));
    }
    let raw_env = env.get_raw();

    // SAFETY: `raw_env` is the JNIEnv of the current thread inside a native method call; no
    // exception is pending (checked above); NewString (JNI 1.1) reads exactly `length` units
    // from `units`, which holds that many. It returns null after throwing OutOfMemoryError.
    let string = unsafe { ((**raw_env).v1_1.NewString)(raw_env, units.as_ptr(), length) };
    if string.is_null() {
        return Err(GlueError::Jni(jni::errors::Error::JavaException));
    }

    // SAFETY: `string` is a new, non-null local reference to a java.lang.String in the current
    // native frame, and nothing else wraps it.
    Ok(unsafe { JString::from_raw(env, string) })
}
