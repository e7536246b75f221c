//! Java strings in and out as UTF-16 code units, never as JNI's modified UTF-8.
//!
//! `GetStringUTFChars` would hand over modified UTF-8, where 𠮷 (U+20BB7) is two 3-byte
//! surrogate encodings (CESU-8) and a lone surrogate passes silently, so every hash of such a
//! name would be wrong. Here the code units are copied with `GetStringRegion` and decoded by
//! `mbasu::text::text_from_utf16`, which rejects a lone surrogate with code 3
//! (`lone_surrogate`). Results are created with `NewString` from UTF-16.
//!
//! jni 0.22.4 wraps only the modified UTF-8 functions, so these three JNI functions are called
//! through the raw function table. Byte arrays (response bodies) are copied with one
//! `GetByteArrayRegion`, also through the raw table, so they land in a `u8` buffer.
//!
//! The functions taking a [`RawEnv`] serve the [`run_raw`](crate::boundary::run_raw) methods
//! and rely on its invariant that no Java exception is pending. The ones taking an `Env` check
//! for a pending exception first.

use std::mem::MaybeUninit;

use jni::objects::{JByteArray, JString};
use jni::sys::{jbyte, jchar, jsize};
use jni::Env;
use mbasu::text::{text_from_utf16, text_from_utf16_in};
use mbasu::{Error, ErrorCode};
use zeroize::{Zeroize, Zeroizing};

use crate::boundary::{null_argument, GlueError, GlueResult, LocalRef, RawEnv};

/// Strings up to this many UTF-16 units are copied into a stack buffer instead of the heap.
const STACK_UNITS: usize = 256;

/// Reads a Java string argument as UTF-8 text; `null` is error 4 naming `argument`, a lone
/// surrogate is error 3.
pub(crate) fn read_text(env: &Env<'_>, value: &JString<'_>, argument: &str) -> GlueResult<String> {
    if value.is_null() {
        return Err(null_argument(argument));
    }
    with_units_checked(env, value, |units| Ok(text_from_utf16(units)?))
}

/// Reads an optional Java string argument; `null` is `None`.
pub(crate) fn read_optional_text(env: &Env<'_>, value: &JString<'_>) -> GlueResult<Option<String>> {
    if value.is_null() {
        return Ok(None);
    }
    with_units_checked(env, value, |units| Ok(Some(text_from_utf16(units)?)))
}

/// Reads a Java string argument as UTF-8 text in a [`run_raw`](crate::boundary::run_raw)
/// method; otherwise the same as [`read_text`].
pub(crate) fn read_raw_text(
    env: RawEnv<'_>,
    value: &JString<'_>,
    argument: &str,
) -> GlueResult<String> {
    if value.is_null() {
        return Err(null_argument(argument));
    }
    with_units(env, value, |units| Ok(text_from_utf16(units)?))
}

/// The longest UTF-8 text [`TextBuffer`] keeps inline, in bytes. Mobiles, ID numbers,
/// reference ids and names of up to 21 Han characters fit.
const INLINE_BYTES: usize = 64;

/// Byte arrays up to this length are copied into a stack buffer instead of the heap.
const STACK_BYTES: usize = 4096;

/// Storage for one Java string argument as UTF-8: inline when the text fits in
/// [`INLINE_BYTES`], in a `String` otherwise. Short arguments of the request and response
/// methods then need no heap allocation.
pub(crate) struct TextBuffer {
    inline: [u8; INLINE_BYTES],
    decoded: String,
}

impl TextBuffer {
    pub(crate) fn new() -> TextBuffer {
        TextBuffer {
            inline: [0; INLINE_BYTES],
            decoded: String::new(),
        }
    }

    /// Decodes `units` into the buffer and returns the text. A lone surrogate is error 3.
    fn fill(&mut self, units: &[u16]) -> GlueResult<&str> {
        match self.fill_inline(units)? {
            // SAFETY: `fill_inline` returns a length only after writing valid UTF-8 to
            // `inline[..length]`, and nothing writes to `inline` while the returned borrow of
            // `self` lives.
            Some(length) => Ok(unsafe { std::str::from_utf8_unchecked(&self.inline[..length]) }),
            None => {
                self.decoded = text_from_utf16(units)?;
                Ok(&self.decoded)
            }
        }
    }

    /// Writes the UTF-8 of `units` to `inline` and returns its length, or `None` when it does
    /// not fit.
    fn fill_inline(&mut self, units: &[u16]) -> GlueResult<Option<usize>> {
        // UTF-8 never takes fewer bytes than UTF-16 takes units, so a longer string cannot fit.
        if units.len() > INLINE_BYTES {
            return Ok(None);
        }
        // ASCII, the common case, is copied in one pass: below 0x80 UTF-16 and UTF-8 agree
        // unit for byte, and no surrogate occurs there.
        let mut combined = 0u16;
        for (byte, &unit) in self.inline.iter_mut().zip(units) {
            *byte = unit as u8;
            combined |= unit;
        }
        if combined < 0x80 {
            return Ok(Some(units.len()));
        }
        // Anything else goes through the core's decoder and its lone-surrogate check.
        Ok(text_from_utf16_in(units, &mut self.inline)?.map(str::len))
    }
}

/// Reads a Java string argument into `buffer` in a [`run_raw`](crate::boundary::run_raw)
/// method; `null` is error 4 naming `argument`, a lone surrogate is error 3.
pub(crate) fn read_arg<'buffer>(
    env: RawEnv<'_>,
    value: &JString<'_>,
    argument: &str,
    buffer: &'buffer mut TextBuffer,
) -> GlueResult<&'buffer str> {
    if value.is_null() {
        return Err(null_argument(argument));
    }
    with_units(env, value, move |units| buffer.fill(units))
}

/// Reads an optional Java string argument into `buffer`; `null` is `None`.
pub(crate) fn read_optional_arg<'buffer>(
    env: RawEnv<'_>,
    value: &JString<'_>,
    buffer: &'buffer mut TextBuffer,
) -> GlueResult<Option<&'buffer str>> {
    if value.is_null() {
        return Ok(None);
    }
    with_units(env, value, move |units| buffer.fill(units).map(Some))
}

/// Copies a Java `byte[]` argument with one `GetByteArrayRegion` and passes the bytes to
/// `read`; `null` is error 4 naming `argument`.
pub(crate) fn with_byte_array<T>(
    env: RawEnv<'_>,
    array: &JByteArray<'_>,
    argument: &str,
    read: impl FnOnce(&[u8]) -> GlueResult<T>,
) -> GlueResult<T> {
    if array.is_null() {
        return Err(null_argument(argument));
    }
    let raw_env = env.raw();
    let raw_array = array.as_raw();

    // SAFETY: `raw_env` is the JNIEnv of the current thread inside a native method call, so
    // its function table is valid; `raw_array` is a non-null local reference to a byte[] owned
    // by this call; no exception is pending (the `RawEnv` invariant), and GetArrayLength
    // (JNI 1.1) throws none.
    let length = unsafe { ((**raw_env).v1_1.GetArrayLength)(raw_env, raw_array) };
    let length = usize::try_from(length).unwrap_or(0);

    // The stack buffer is left uninitialised, because zeroing 4 KiB costs more than copying a
    // typical body. Only the `length` bytes that JNI writes are read.
    let mut stack = [MaybeUninit::<u8>::uninit(); STACK_BYTES];
    let mut heap: Vec<u8> = Vec::new();
    let target: *mut u8 = if length <= STACK_BYTES {
        stack.as_mut_ptr().cast::<u8>()
    } else {
        heap.reserve_exact(length);
        heap.as_mut_ptr()
    };

    // SAFETY: as above. GetByteArrayRegion (JNI 1.1) writes exactly `length` bytes starting at
    // 0 to `target`, which has room for them: the stack buffer holds STACK_BYTES, and the heap
    // capacity was reserved otherwise. jbyte and u8 have the same size and alignment. A Java
    // array's length never changes, so [0, length) is in bounds and no
    // ArrayIndexOutOfBoundsException is raised, which keeps the `RawEnv` invariant.
    unsafe {
        ((**raw_env).v1_1.GetByteArrayRegion)(
            raw_env,
            raw_array,
            0,
            length as jsize,
            target.cast::<jbyte>(),
        )
    };

    // SAFETY: the call above initialised `length` bytes at `target`, which stays valid and
    // unaliased until `stack` or `heap` goes out of scope at the end of this function.
    let bytes = unsafe { std::slice::from_raw_parts(target.cast_const(), length) };
    read(bytes)
}

/// Creates a Java `byte[]` holding `bytes` with `NewByteArray` and one `SetByteArrayRegion`.
pub(crate) fn new_byte_array<'local>(
    env: RawEnv<'local>,
    bytes: &[u8],
) -> GlueResult<LocalRef<'local>> {
    let Ok(length) = jsize::try_from(bytes.len()) else {
        return Err(GlueError::Core(Error::with_detail(
            ErrorCode::InputTooLarge,
            "结果超过 Java 数组的长度上限",
            "the result is longer than a Java array can be",
        )));
    };
    let raw_env = env.raw();

    // SAFETY: `raw_env` is the JNIEnv of the current thread inside a native method call, and no
    // exception is pending (the `RawEnv` invariant). NewByteArray (JNI 1.1) returns null after
    // throwing OutOfMemoryError, and the `Err` below then ends the body before any other JNI
    // call.
    let array = unsafe { ((**raw_env).v1_1.NewByteArray)(raw_env, length) };
    if array.is_null() {
        return Err(GlueError::Jni(jni::errors::Error::JavaException));
    }

    // SAFETY: `array` is a new byte[] of exactly `length` elements, so the region [0, length)
    // is in bounds and SetByteArrayRegion (JNI 1.1) throws nothing. It reads `length` bytes
    // from `bytes`, which has that many, and jbyte and u8 have the same size and alignment.
    unsafe {
        ((**raw_env).v1_1.SetByteArrayRegion)(
            raw_env,
            array,
            0,
            length,
            bytes.as_ptr().cast::<jbyte>(),
        )
    };
    Ok(LocalRef::new(env, array))
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
    with_units_checked(env, value, |units| {
        let text = Zeroizing::new(text_from_utf16(units)?);
        units.zeroize();
        Ok(text)
    })
}

/// Calls [`with_units`] after checking for a pending exception, for methods running in
/// `with_env`.
fn with_units_checked<T>(
    env: &Env<'_>,
    value: &JString<'_>,
    read: impl FnOnce(&mut [u16]) -> GlueResult<T>,
) -> GlueResult<T> {
    if env.exception_check() {
        return Err(GlueError::Jni(jni::errors::Error::JavaException));
    }
    with_units(RawEnv::from_env(env), value, read)
}

/// Copies the code units of a non-null string and passes them to `read`.
fn with_units<T>(
    env: RawEnv<'_>,
    value: &JString<'_>,
    read: impl FnOnce(&mut [u16]) -> GlueResult<T>,
) -> GlueResult<T> {
    let raw_env = env.raw();
    let string = value.as_raw();

    // SAFETY: `raw_env` is the JNIEnv of the current thread inside a native method call, so
    // its function table is valid; `string` is a non-null local reference to a
    // java.lang.String owned by this call; no exception is pending (the `RawEnv` invariant),
    // and GetStringLength (JNI 1.1) throws none.
    let length = unsafe { ((**raw_env).v1_1.GetStringLength)(raw_env, string) };
    let length = usize::try_from(length).unwrap_or(0);

    // Uninitialised like the buffer in `with_byte_array`; only the units JNI writes are read.
    let mut stack = [MaybeUninit::<jchar>::uninit(); STACK_UNITS];
    let mut heap: Vec<jchar> = Vec::new();
    let target: *mut jchar = if length <= STACK_UNITS {
        stack.as_mut_ptr().cast::<jchar>()
    } else {
        heap.reserve_exact(length);
        heap.as_mut_ptr()
    };

    // SAFETY: as above. GetStringRegion (JNI 1.2) writes exactly `length` units starting at 0
    // to `target`, which has room for them: the stack buffer holds STACK_UNITS, and the heap
    // capacity was reserved otherwise. Java strings are immutable, so [0, length) lies inside
    // the string and no StringIndexOutOfBoundsException is raised, which keeps the `RawEnv`
    // invariant.
    unsafe { ((**raw_env).v1_2.GetStringRegion)(raw_env, string, 0, length as jsize, target) };

    // SAFETY: the call above initialised `length` units at `target`, which stays valid and
    // unaliased until `stack` or `heap` goes out of scope at the end of this function.
    let units = unsafe { std::slice::from_raw_parts_mut(target, length) };
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

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<u16> {
        text.encode_utf16().collect()
    }

    #[test]
    fn text_buffer_keeps_short_text_inline() {
        for text in [
            "",
            "13800138000",
            "张三",
            "𠮷田",
            &"张".repeat(21),
            &"𠮷".repeat(16),
        ] {
            let mut buffer = TextBuffer::new();
            assert_eq!(buffer.fill(&units(text)).unwrap(), text);
            assert!(buffer.decoded.is_empty(), "{text} should stay inline");
        }
    }

    #[test]
    fn text_buffer_decodes_long_text_on_heap() {
        for text in ["a".repeat(65), "张".repeat(22), "𠮷".repeat(17)] {
            let mut buffer = TextBuffer::new();
            assert_eq!(buffer.fill(&units(&text)).unwrap(), text);
            assert_eq!(buffer.decoded, text);
        }
    }

    #[test]
    fn text_buffer_rejects_lone_surrogate() {
        let short = [0x5F20, 0xD842];
        let mut long = vec![0x41; 70];
        long.push(0xDFB7);
        for input in [&short[..], &long[..]] {
            let mut buffer = TextBuffer::new();
            match buffer.fill(input) {
                Err(GlueError::Core(error)) => assert_eq!(error.code(), ErrorCode::LoneSurrogate),
                Err(other) => panic!("expected lone_surrogate, got {other}"),
                Ok(text) => panic!("expected lone_surrogate, got {text:?}"),
            }
        }
    }
}
