//! The panic and error boundary every native method goes through.
//!
//! Most native methods run their body in `EnvUnowned::with_env`, which wraps the closure in
//! `std::panic::catch_unwind`, and resolve the outcome with [`ThrowMbasuException`]: a core
//! error becomes `cn.mbasu.MbasuException` with the core's code, name and both messages, and a
//! panic becomes the same exception with code 6 (`panic`). No unwind reaches the JVM.
//!
//! The request and response methods, which callers run per HTTP exchange, use [`run_raw`]
//! instead. It runs the body in `catch_unwind` on the raw `JNIEnv` ([`RawEnv`]) and enters
//! `with_env` only to throw. `with_env` and `resolve` each set up and tear down a jni
//! `AttachGuard`, bookkeeping in thread-local storage that a method calling only raw JNI
//! functions does not need.

use std::any::Any;
use std::fmt;
use std::marker::PhantomData;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

use jni::errors::ErrorPolicy;
use jni::objects::{JObject, JThrowable, JValue};
use jni::sys::{jobject, JNIEnv};
use jni::{jni_sig, jni_str, Env, EnvUnowned};
use mbasu::{Error, ErrorCode};

use crate::strings::new_java_string;

/// What a native method body can fail with.
#[derive(Debug)]
pub(crate) enum GlueError {
    /// An error from the core, or one the glue raises with a core code (null argument, closed
    /// configuration); it becomes `MbasuException`.
    Core(Error),
    /// A JNI call failed. `JavaException` means a Java exception is already pending and is
    /// left to propagate; any other JNI failure becomes `MbasuException` with code 1.
    Jni(jni::errors::Error),
}

impl From<Error> for GlueError {
    fn from(error: Error) -> Self {
        GlueError::Core(error)
    }
}

impl From<ErrorCode> for GlueError {
    fn from(code: ErrorCode) -> Self {
        GlueError::Core(Error::from_code(code))
    }
}

impl From<jni::errors::Error> for GlueError {
    fn from(error: jni::errors::Error) -> Self {
        GlueError::Jni(error)
    }
}

impl fmt::Display for GlueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GlueError::Core(error) => fmt::Display::fmt(error, f),
            GlueError::Jni(error) => write!(f, "JNI call failed: {error}"),
        }
    }
}

impl std::error::Error for GlueError {}

pub(crate) type GlueResult<T> = Result<T, GlueError>;

/// The error for a Java `null` passed where the core needs a value.
pub(crate) fn null_argument(argument: &str) -> GlueError {
    GlueError::Core(Error::with_detail(
        ErrorCode::NullPointer,
        &format!("参数 {argument} 为 null"),
        &format!("argument {argument} is null"),
    ))
}

/// The `JNIEnv` of the current native method call, for bodies that call the JNI function table
/// directly.
///
/// The `'local` lifetime is the native call's local reference frame. [`run_raw`] creates it with
/// no Java exception pending, because the JVM calls a native method only then. Code with a
/// `RawEnv` keeps it that way: after a JNI call that can throw, it returns `Err` before the next
/// JNI call.
#[derive(Clone, Copy)]
pub(crate) struct RawEnv<'local> {
    raw: *mut JNIEnv,
    _frame: PhantomData<&'local ()>,
}

impl<'local> RawEnv<'local> {
    /// The raw `JNIEnv` of a method running in `with_env`, for the helpers shared with the
    /// [`run_raw`] methods. The caller must have checked that no exception is pending.
    pub(crate) fn from_env(env: &Env<'local>) -> RawEnv<'local> {
        RawEnv {
            raw: env.get_raw(),
            _frame: PhantomData,
        }
    }

    pub(crate) fn raw(self) -> *mut JNIEnv {
        self.raw
    }
}

/// A local reference returned to Java from a [`run_raw`] method: the raw `jobject`, or null
/// after an exception was thrown.
#[repr(transparent)]
pub(crate) struct LocalRef<'local> {
    raw: jobject,
    _frame: PhantomData<&'local ()>,
}

impl<'local> LocalRef<'local> {
    /// Wraps a non-null local reference that a JNI function of `_env` just returned.
    pub(crate) fn new(_env: RawEnv<'local>, raw: jobject) -> LocalRef<'local> {
        LocalRef {
            raw,
            _frame: PhantomData,
        }
    }
}

impl Default for LocalRef<'_> {
    fn default() -> Self {
        LocalRef {
            raw: std::ptr::null_mut(),
            _frame: PhantomData,
        }
    }
}

/// Runs a native method body on the raw `JNIEnv`, inside `catch_unwind`.
///
/// A body that returns `Ok` returns straight to Java. An error or a panic is handed to
/// `EnvUnowned::with_env` and [`ThrowMbasuException`], so it is thrown exactly as in the
/// methods that use `with_env` throughout.
pub(crate) fn run_raw<'local, T: Default>(
    mut unowned_env: EnvUnowned<'local>,
    body: impl FnOnce(RawEnv<'local>) -> GlueResult<T>,
) -> T {
    let env = RawEnv {
        raw: unowned_env.as_raw(),
        _frame: PhantomData,
    };
    match catch_unwind(AssertUnwindSafe(|| body(env))) {
        Ok(Ok(value)) => value,
        Ok(Err(error)) => unowned_env
            .with_env(|_env| -> GlueResult<T> { Err(error) })
            .resolve::<ThrowMbasuException>(),
        // Resuming the unwind inside `with_env` hands the payload to its own `catch_unwind`,
        // and from there to `ThrowMbasuException::on_panic`. The panic hook does not run again.
        Err(payload) => unowned_env
            .with_env(|_env| -> GlueResult<T> { resume_unwind(payload) })
            .resolve::<ThrowMbasuException>(),
    }
}

/// The error policy of every native method: errors and panics become `MbasuException`.
pub(crate) struct ThrowMbasuException;

impl<T: Default> ErrorPolicy<T, GlueError> for ThrowMbasuException {
    type Captures<'unowned_env_local: 'native_method, 'native_method> = ();

    fn on_error<'unowned_env_local: 'native_method, 'native_method>(
        env: &mut Env<'unowned_env_local>,
        _captures: &mut (),
        error: GlueError,
    ) -> jni::errors::Result<T> {
        if env.exception_check() {
            // A Java exception (OutOfMemoryError from NewString, for one) is already pending;
            // it describes the failure better than anything the glue could add.
            return Ok(T::default());
        }
        let error = match error {
            GlueError::Core(error) => error,
            GlueError::Jni(error) => Error::with_detail(
                ErrorCode::InvalidArgument,
                &format!("JNI 调用失败：{error}"),
                &format!("a JNI call failed: {error}"),
            ),
        };
        throw_mbasu_exception(env, &error)?;
        Ok(T::default())
    }

    fn on_panic<'unowned_env_local: 'native_method, 'native_method>(
        env: &mut Env<'unowned_env_local>,
        _captures: &mut (),
        payload: Box<dyn Any + Send + 'static>,
    ) -> jni::errors::Result<T> {
        // The payload text is not copied into the exception because a panic message may quote
        // the value being processed. Dropping a payload can itself panic, so it is leaked then.
        if let Err(drop_panic) = catch_unwind(AssertUnwindSafe(|| drop(payload))) {
            std::mem::forget(drop_panic);
        }
        if env.exception_check() {
            env.exception_clear();
        }
        let error = Error::new(
            ErrorCode::Panic,
            "mbasu 原生库内部发生意外错误（Rust panic），调用已中止，JVM 不受影响；请报告此问题",
            "unexpected internal error in the mbasu native library (a Rust panic); the call was \
             aborted and the JVM is unaffected; please report this",
        );
        throw_mbasu_exception(env, &error)?;
        Ok(T::default())
    }
}

/// Throws `cn.mbasu.MbasuException(code, name, messageZh, messageEn, responseCode, responseMsg)`.
fn throw_mbasu_exception(env: &mut Env<'_>, error: &Error) -> jni::errors::Result<()> {
    let name = new_java_string(env, error.code().name()).map_err(into_jni_error)?;
    let message_zh = new_java_string(env, error.message_zh()).map_err(into_jni_error)?;
    let message_en = new_java_string(env, error.message_en()).map_err(into_jni_error)?;
    let (response_code, response_msg) = match error.provider_failure() {
        Some(failure) => (
            JObject::from(new_java_string(env, &failure.response_code).map_err(into_jni_error)?),
            JObject::from(new_java_string(env, &failure.response_msg).map_err(into_jni_error)?),
        ),
        None => (JObject::null(), JObject::null()),
    };

    let class = env.find_class(jni_str!("cn/mbasu/MbasuException"))?;
    let exception = env.new_object(
        &class,
        jni_sig!("(ILjava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V"),
        &[
            JValue::Int(error.code().code() as i32),
            JValue::Object(&name),
            JValue::Object(&message_zh),
            JValue::Object(&message_en),
            JValue::Object(&response_code),
            JValue::Object(&response_msg),
        ],
    )?;
    let exception = env.cast_local::<JThrowable>(exception)?;
    match env.throw(exception) {
        // `throw` reports the now-pending exception as an error; that is the intended outcome.
        Ok(()) | Err(jni::errors::Error::JavaException) => Ok(()),
        Err(other) => Err(other),
    }
}

fn into_jni_error(error: GlueError) -> jni::errors::Error {
    match error {
        GlueError::Jni(error) => error,
        // new_java_string raises a core error only for text longer than a Java string can be,
        // which no message or name reaches.
        GlueError::Core(_) => jni::errors::Error::JavaException,
    }
}
