//! The native side of `cn.mbasu.MbasuConfig`: a boxed, lockable slot the Java object owns.
//!
//! Lifetime contract with the Java class:
//! - `create` boxes the slot and hands Java its address as a `long`.
//! - Every call that uses the slot also receives the owning `MbasuConfig` object. JNI keeps
//!   an argument's referent strongly reachable for the whole native call, so the object
//!   cannot become phantom reachable, and the slot cannot be freed, while a call runs.
//! - `close` takes the configuration out under the write lock, after in-flight calls finish;
//!   later calls see an empty slot and raise error 7 (`closed_handle`). Keys are wiped when
//!   the configuration drops.
//! - `free` drops the box. Java calls it exactly once, from its reference-queue thread, after
//!   the owning object became phantom reachable, whether or not `close` ran.

use std::sync::{RwLock, RwLockReadGuard};

use jni::sys::jlong;
use mbasu::{Error, ErrorCode};

use crate::boundary::GlueResult;

/// The slot behind a Java handle; `None` once closed.
pub(crate) struct Slot<T> {
    value: RwLock<Option<T>>,
}

impl<T> Slot<T> {
    /// Boxes `value` and returns the handle Java stores.
    pub(crate) fn create(value: T) -> jlong {
        let slot = Box::new(Slot {
            value: RwLock::new(Some(value)),
        });
        Box::into_raw(slot) as jlong
    }

    /// Borrows the slot behind a handle.
    ///
    /// # Safety
    ///
    /// `handle` must come from [`Slot::create`] with the same `T`, [`Slot::free`] must not
    /// have run for it, and the owning Java object must be an argument of the current native
    /// call so that `free` cannot run before the borrow ends.
    pub(crate) unsafe fn borrow<'a>(handle: jlong) -> GlueResult<&'a Slot<T>> {
        if handle == 0 {
            return Err(closed().into());
        }
        // SAFETY: the caller guarantees `handle` is a live pointer from `create`, which stays
        // allocated until `free`, and `free` cannot run during this native call.
        Ok(unsafe { &*(handle as *const Slot<T>) })
    }

    /// Locks the value for reading, or returns error 7 if the configuration was closed.
    pub(crate) fn read(&self) -> GlueResult<ValueGuard<'_, T>> {
        // A panic while the lock was held cannot leave the value half-written, because
        // readers never mutate it and `close` only replaces it with `None`.
        let guard = self
            .value
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if guard.is_none() {
            return Err(closed().into());
        }
        Ok(ValueGuard { guard })
    }

    /// Drops the value after in-flight calls finish; calling it again does nothing.
    pub(crate) fn close(&self) {
        let mut guard = self
            .value
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard.take();
    }

    /// Frees the slot.
    ///
    /// # Safety
    ///
    /// `handle` must come from [`Slot::create`] with the same `T`, and this must be the last
    /// use of it: no native call may use it now or later.
    pub(crate) unsafe fn free(handle: jlong) {
        if handle == 0 {
            return;
        }
        // SAFETY: the caller guarantees `handle` came from `Box::into_raw` in `create` and is
        // not used again, so rebuilding and dropping the box frees it exactly once.
        drop(unsafe { Box::from_raw(handle as *mut Slot<T>) });
    }
}

/// A read lock on an open configuration.
pub(crate) struct ValueGuard<'a, T> {
    guard: RwLockReadGuard<'a, Option<T>>,
}

impl<T> std::ops::Deref for ValueGuard<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        match self.guard.as_ref() {
            Some(value) => value,
            // `read` returns a guard only for an open slot, and `close` needs the write lock,
            // which it cannot take while this guard exists.
            None => unreachable!("a ValueGuard always holds an open configuration"),
        }
    }
}

fn closed() -> Error {
    Error::with_detail(
        ErrorCode::ClosedHandle,
        "close() 之后不能再使用这个 MbasuConfig，请新建一个",
        "this MbasuConfig was used after close(); build a new one",
    )
}
