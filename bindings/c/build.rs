//! Gives the shared library the soname `build.sh` installs it under, so programs linked with
//! `-lmbasu` record `libmbasu.so.0.1` (the ABI version) rather than the cargo file name.
//!
//! Before 1.0 every minor release may break the ABI, so the soname carries MAJOR.MINOR; from
//! 1.0 on it carries MAJOR only.

fn main() {
    let major = env!("CARGO_PKG_VERSION_MAJOR");
    let minor = env!("CARGO_PKG_VERSION_MINOR");
    let abi = if major == "0" {
        format!("{major}.{minor}")
    } else {
        major.to_owned()
    };

    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os == "linux" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libmbasu.so.{abi}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
