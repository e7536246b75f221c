//! An entry point that panics on purpose, so binding tests can prove the panic boundary.

use crate::error::{mbasu_error, mbasu_status};
use crate::panic;

/// FOR TESTS ONLY: panics inside the library on purpose and returns `MBASU_STATUS_PANIC`.
///
/// It proves that a panic in Rust arrives in C as a status instead of aborting the process.
/// It has no other effect and is always compiled, so a release library can be tested too.
/// The Rust runtime prints the panic message to standard error. `*error_out`, when
/// `error_out` is not NULL, receives an `mbasu_error` with the panic status.
///
/// # Safety
///
/// `error_out` must be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_test_panic(error_out: *mut *mut mbasu_error) -> mbasu_status {
    let outcome = panic::run(|| panic!("mbasu_test_panic: deliberate panic to test the boundary"));
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}
