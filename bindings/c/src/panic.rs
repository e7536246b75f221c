//! The one panic boundary: every exported function runs its body through [`guard`].
//!
//! Unwinding out of an `extern "C"` function aborts the process, so a panic anywhere in the
//! core must be caught here and turned into `MBASU_STATUS_PANIC`. This relies on the default
//! `panic = "unwind"`; a build with `panic = "abort"` would abort before reaching it.

use std::panic::{catch_unwind, AssertUnwindSafe};

use mbasu::{Error, ErrorCode};

use crate::error::{mbasu_error, mbasu_status, store_error};

/// Marker for a body that panicked; the panic message is not kept, because it may quote input.
pub(crate) struct Panicked;

/// Runs `body` and catches any panic in it.
///
/// `AssertUnwindSafe` is sound here because a body that panics leaves no state behind that a
/// later call could observe: handles are only written after a body succeeds.
pub(crate) fn guard<T>(body: impl FnOnce() -> T) -> Result<T, Panicked> {
    catch_unwind(AssertUnwindSafe(body)).map_err(|_| Panicked)
}

/// Runs the fallible body of a function that has a trailing `mbasu_error **error_out`; a
/// panic becomes `MBASU_STATUS_PANIC`. Pass the outcome to [`report`].
pub(crate) fn run(body: impl FnOnce() -> Result<(), Error>) -> Result<(), Error> {
    match guard(body) {
        Ok(result) => result,
        Err(Panicked) => Err(Error::from_code(ErrorCode::Panic)),
    }
}

/// Turns the outcome of [`run`] into the status to return, and writes `error_out` when the
/// caller asked for it: NULL on success, a new `mbasu_error` on failure.
///
/// # Safety
///
/// `error_out` must be NULL or valid for one write of a pointer.
pub(crate) unsafe fn report(
    outcome: Result<(), Error>,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let (status, error) = match outcome {
        Ok(()) => (mbasu_status::Ok, None),
        Err(error) => (mbasu_status::from_code(error.code()), Some(error)),
    };
    // SAFETY: passed on from the caller.
    unsafe { store_error(error_out, error) };
    status
}

/// Runs a fallible accessor, which reports a status but no `mbasu_error`.
pub(crate) fn access(body: impl FnOnce() -> Result<(), ErrorCode>) -> mbasu_status {
    match guard(body) {
        Ok(Ok(())) => mbasu_status::Ok,
        Ok(Err(code)) => mbasu_status::from_code(code),
        Err(Panicked) => mbasu_status::Panic,
    }
}

/// Runs an infallible accessor, returning `fallback` if it panics.
pub(crate) fn value<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    guard(body).unwrap_or(fallback)
}
