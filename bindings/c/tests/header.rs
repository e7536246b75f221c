//! Checks of the committed header `include/mbasu.h` against the core and Cargo.toml: the
//! status enum lists every core error code under its number, the version macros match the
//! package version, every function is documented, and no signature uses `size_t` or `bool`.

use mbasu::ErrorCode;

fn header() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../include/mbasu.h");
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("read {path}: {error}"))
}

/// `MobileUnknownSegment` → `MOBILE_UNKNOWN_SEGMENT`.
fn screaming_snake(name: &str) -> String {
    let mut out = String::new();
    for (index, character) in name.chars().enumerate() {
        if character.is_ascii_uppercase() && index > 0 {
            out.push('_');
        }
        out.push(character.to_ascii_uppercase());
    }
    out
}

/// Extracts the `NAME = NUMBER` constants of `enum mbasu_status`.
fn header_statuses(header: &str) -> Vec<(String, u32)> {
    let start = header
        .find("enum mbasu_status")
        .expect("enum mbasu_status in the header");
    let body = &header[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find("};").unwrap()];
    body.lines()
        .filter_map(|line| line.trim().strip_suffix(','))
        .filter_map(|line| line.split_once(" = "))
        .map(|(name, number)| (name.to_owned(), number.parse().unwrap()))
        .collect()
}

#[test]
fn header_matches_core() {
    let statuses = header_statuses(&header());
    assert_eq!(statuses[0], ("MBASU_STATUS_OK".to_owned(), 0));
    assert_eq!(statuses.len(), ErrorCode::ALL.len() + 1);
    for (code, (name, number)) in ErrorCode::ALL.iter().zip(&statuses[1..]) {
        assert_eq!(*number, code.code(), "{name}");
        assert_eq!(
            *name,
            format!("MBASU_STATUS_{}", screaming_snake(&format!("{code:?}")))
        );
    }
}

#[test]
fn version_macros_match_cargo() {
    let header = header();
    for (macro_name, value) in [
        ("MBASU_VERSION_MAJOR", env!("CARGO_PKG_VERSION_MAJOR")),
        ("MBASU_VERSION_MINOR", env!("CARGO_PKG_VERSION_MINOR")),
        ("MBASU_VERSION_PATCH", env!("CARGO_PKG_VERSION_PATCH")),
    ] {
        let line = format!("#define {macro_name} {value}\n");
        assert!(header.contains(&line), "{line:?} missing from the header");
    }
    assert_eq!(
        env!("CARGO_PKG_VERSION"),
        mbasu::VERSION,
        "the binding and the core share one version"
    );

    // SAFETY: `mbasu_version` returns a pointer to static NUL-terminated text.
    let version = unsafe { std::ffi::CStr::from_ptr(mbasu_capi::mbasu_version()) };
    assert_eq!(version.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
}

#[test]
fn every_function_is_documented() {
    let header = header();
    let lines: Vec<&str> = header.lines().collect();
    let mut functions = 0;
    for (index, line) in lines.iter().enumerate() {
        let is_declaration = line.contains(" mbasu_")
            && line.contains('(')
            && !line.starts_with("//")
            && !line.starts_with(' ');
        if is_declaration {
            functions += 1;
            let previous = lines[index - 1];
            assert!(previous.starts_with("//"), "undocumented: {line}");
        }
    }
    assert!(functions > 100, "found only {functions} functions");
}

#[test]
fn signatures_use_fixed_width_types() {
    let header = header();
    let code: String = header
        .lines()
        .filter(|line| !line.trim_start().starts_with("//") && !line.trim_start().starts_with('*'))
        .collect::<Vec<_>>()
        .join("\n");
    for forbidden in ["size_t", "bool", "usize", "char *name", "long "] {
        assert!(!code.contains(forbidden), "the header uses {forbidden}");
    }
}
