//! The direct buffers that carry a response body in and its reading out.
//!
//! `cn.mbasu.ResponseScratch` allocates each buffer with `ByteBuffer.allocateDirect` and learns
//! its address once from [`direct_buffer_address`]. A read then copies the body into the buffer
//! in Java, passes the address, and finds the packed reading in the same buffer. The call makes
//! no JNI function call for the body or the result; on HotSpot each one (`GetArrayLength`,
//! `GetByteArrayRegion`, `NewByteArray`, `SetByteArrayRegion`) is a thread-state transition.
//!
//! Layout during a call: the body from offset 0, then the length of the packed reading as a
//! big-endian `int`, then the reading.

use jni::objects::{JByteBuffer, JClass, JObject};
use jni::sys::{jint, jlong};
use jni::{jni_mangle, EnvUnowned};
use mbasu::{Error, ErrorCode};

use crate::boundary::{null_argument, GlueError, GlueResult, ThrowMbasuException};

/// Returns the address of a direct `ByteBuffer`'s memory.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn direct_buffer_address<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    buffer: JByteBuffer<'local>,
) -> jlong {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            if buffer.is_null() {
                return Err(null_argument("buffer"));
            }
            let address = env.get_direct_buffer_address(&buffer)?;
            Ok(address as jlong)
        })
        .resolve::<ThrowMbasuException>()
}

/// A `ResponseScratch` buffer during one native call, split by [`Scratch::split`].
pub(crate) struct Scratch<'call> {
    /// The body Java copied in.
    pub(crate) body: &'call [u8],
    /// The 4-byte field after the body for the length of the reading, or `None` when the body
    /// leaves no room for it.
    pub(crate) length_field: Option<&'call mut [u8; 4]>,
    /// The space after the length field for the reading, which is empty when `length_field` is
    /// `None`.
    pub(crate) reading: &'call mut [u8],
}

impl<'call> Scratch<'call> {
    /// Views the buffer at `address` of `capacity` bytes, whose first `body_length` bytes are
    /// the body. A length outside the buffer is error 1 (`invalid_argument`).
    ///
    /// # Safety
    ///
    /// `address` and `capacity` must be the address and capacity of the direct `ByteBuffer`
    /// `_buffer`, an argument of the current native call, which keeps the buffer (and so its
    /// memory) alive until the call returns. No other code may read or write that memory during
    /// `'call`.
    pub(crate) unsafe fn split(
        _buffer: &JObject<'_>,
        address: jlong,
        capacity: jint,
        body_length: jint,
    ) -> GlueResult<Scratch<'call>> {
        let (Ok(capacity), Ok(body_length)) =
            (usize::try_from(capacity), usize::try_from(body_length))
        else {
            return Err(invalid_scratch());
        };
        if address == 0 || body_length > capacity {
            return Err(invalid_scratch());
        }
        // SAFETY: the caller guarantees that `address` points to `capacity` bytes of direct
        // buffer memory that stay allocated and unaliased for `'call`. That memory is
        // initialised, because `allocateDirect` zeroes it, and the garbage collector never
        // moves it.
        let bytes = unsafe { std::slice::from_raw_parts_mut(address as *mut u8, capacity) };

        let (body, rest) = bytes.split_at_mut(body_length);
        let (length_field, reading) = match rest.split_first_chunk_mut::<4>() {
            Some((length_field, reading)) => (Some(length_field), reading),
            None => (None, &mut [][..]),
        };
        Ok(Scratch {
            body,
            length_field,
            reading,
        })
    }
}

/// Writes the length of a reading that fit in [`Scratch::reading`] to the length field, and
/// returns false when there is no length field.
pub(crate) fn put_reading_length(length_field: Option<&mut [u8; 4]>, length: usize) -> bool {
    // The reading fit in a buffer whose capacity is a Java int, so its length is one too.
    match (length_field, i32::try_from(length)) {
        (Some(field), Ok(length)) => {
            *field = length.to_be_bytes();
            true
        }
        _ => false,
    }
}

fn invalid_scratch() -> GlueError {
    Error::with_detail(
        ErrorCode::InvalidArgument,
        "响应缓冲区的地址或长度无效",
        "invalid address or length of the response buffer",
    )
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits `buffer` as the native method does.
    fn split(buffer: &mut [u8], body_length: jint) -> GlueResult<Scratch<'_>> {
        let capacity = jint::try_from(buffer.len()).unwrap();
        // SAFETY: `buffer` is a live, exclusively borrowed slice of `capacity` bytes, and the
        // returned parts borrow from it, so they cannot outlive it.
        unsafe {
            Scratch::split(
                &JObject::null(),
                buffer.as_mut_ptr() as jlong,
                capacity,
                body_length,
            )
        }
    }

    #[test]
    fn scratch_splits_body_length_and_reading() {
        let mut buffer = *b"body....reading";
        let scratch = split(&mut buffer, 4).unwrap();
        assert_eq!(scratch.body, b"body");
        assert!(put_reading_length(scratch.length_field, 0x0102_0304));
        assert_eq!(scratch.reading, b"reading");
        assert_eq!(&buffer[4..8], [1, 2, 3, 4]);
    }

    #[test]
    fn scratch_full_of_body_has_no_length_field() {
        for body_length in [13, 14, 15] {
            let mut buffer = [0u8; 15];
            let scratch = split(&mut buffer, body_length).unwrap();
            assert_eq!(scratch.body.len(), body_length as usize);
            assert!(scratch.reading.is_empty(), "body of {body_length}");
            assert!(!put_reading_length(scratch.length_field, 0));
        }
    }

    #[test]
    fn scratch_rejects_body_outside_buffer() {
        let mut buffer = [0u8; 8];
        for body_length in [-1, 9] {
            match split(&mut buffer, body_length) {
                Err(GlueError::Core(error)) => {
                    assert_eq!(error.code(), ErrorCode::InvalidArgument)
                }
                Err(other) => panic!("expected invalid_argument, got {other}"),
                Ok(_) => panic!("body of {body_length} bytes accepted in 8"),
            }
        }
    }
}
