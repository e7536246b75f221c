//! The validation vectors (ID numbers, mobiles, names), asserted case by case.

use std::collections::BTreeMap;

use mbasu::cert_no::upgrade_15_to_18;
use mbasu::mobile::segment_of;
use mbasu::{
    validate_cert_no, validate_mobile, validate_name, Date, ErrorCode, FieldReport, Mode, Options,
    Severity,
};
use serde_json::Value;

fn load(file: &str) -> Value {
    let path = format!("{}/tests/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

fn options(mode: Mode, today: Option<Date>) -> Options {
    Options {
        mode,
        today: Some(today.unwrap_or_else(|| Date::new(2026, 12, 4).unwrap())),
        ..Options::default()
    }
}

/// Asserts every case of one file and that each category maps to exactly one error code.
fn assert_file(file: &str, validate: fn(&str, &Options) -> FieldReport) -> usize {
    let vectors = load(file);
    let today = vectors["today"]
        .as_str()
        .map(|d| Date::parse_iso(d).unwrap());
    let mut category_codes: BTreeMap<String, Vec<ErrorCode>> = BTreeMap::new();
    let cases = vectors["cases"].as_array().unwrap();

    for case in cases {
        let input = case["input"].as_str().unwrap();
        let strict = validate(input, &options(Mode::Strict, today));
        let expected_valid = case["valid"].as_bool().unwrap();
        assert_eq!(
            strict.is_valid(),
            expected_valid,
            "{file} {input:?}: {:?}",
            strict.problems
        );

        if let Some(category) = case["error"].as_str() {
            let error = strict.first_error().unwrap();
            assert_eq!(
                error.name(),
                category,
                "{file} {input:?}: {:?}",
                strict.problems
            );
            assert_eq!(error.severity, Severity::Error);
            assert!(!error.message_zh.is_empty() && !error.message_en.is_empty());
            category_codes
                .entry(category.to_owned())
                .or_default()
                .push(error.code);
        } else {
            assert_eq!(strict.value.as_deref(), Some(input), "{file} {input:?}");
        }

        if let Some(category) = case["warning"].as_str() {
            let warning = strict
                .problems
                .iter()
                .find(|p| p.severity == Severity::Warning)
                .unwrap_or_else(|| panic!("{file} {input:?}: no warning"));
            assert_eq!(warning.name(), category, "{file} {input:?}");
            category_codes
                .entry(category.to_owned())
                .or_default()
                .push(warning.code);
        }

        let normalized = validate(input, &options(Mode::Normalize, today));
        match case["normalized"].as_str() {
            Some(expected) => {
                assert_eq!(
                    normalized.value.as_deref(),
                    Some(expected),
                    "{file} {input:?}: {:?}",
                    normalized.problems
                );
                assert!(
                    !normalized.changes.is_empty(),
                    "{file} {input:?}: no change listed"
                );
            }
            None if expected_valid => {
                assert_eq!(normalized.value.as_deref(), Some(input), "{file} {input:?}");
                assert!(normalized.changes.is_empty(), "{file} {input:?}");
            }
            None => assert!(!normalized.is_valid(), "{file} {input:?}"),
        }
    }

    for (category, codes) in &category_codes {
        let first = codes[0];
        assert!(
            codes.iter().all(|c| *c == first),
            "{file}: {category} maps to {codes:?}"
        );
    }
    cases.len()
}

#[test]
fn idcard_vectors() {
    assert_eq!(assert_file("idcard.json", validate_cert_no), 20);
}

#[test]
fn mobile_vectors() {
    assert_eq!(assert_file("mobile.json", validate_mobile), 17);
}

#[test]
fn name_vectors() {
    assert_eq!(assert_file("name.json", validate_name), 19);
}

#[test]
fn idcard_upgrade_vectors() {
    let vectors = load("idcard.json");
    let today = Date::parse_iso(vectors["today"].as_str().unwrap()).unwrap();
    let mut upgraded_cases = 0;
    for case in vectors["cases"].as_array().unwrap() {
        if let Some(expected) = case["upgraded"].as_str() {
            let input = case["input"].as_str().unwrap();
            let upgraded = upgrade_15_to_18(input, &options(Mode::Strict, Some(today))).unwrap();
            assert_eq!(upgraded, expected);
            assert!(validate_cert_no(&upgraded, &options(Mode::Strict, Some(today))).is_valid());
            upgraded_cases += 1;
        }
    }
    assert_eq!(upgraded_cases, 1);
}

#[test]
fn mobile_segment_vectors() {
    let vectors = load("mobile.json");
    let mut labelled = 0;
    for case in vectors["cases"].as_array().unwrap() {
        let input = case["input"].as_str().unwrap();
        if let Some(expected) = case["segment"].as_str() {
            assert_eq!(
                segment_of(input).map(|s| s.kind.name()),
                Some(expected),
                "{input}"
            );
            labelled += 1;
        }
    }
    assert_eq!(labelled, 6);
}

#[test]
fn category_codes_are_stable() {
    let expected = [
        ("mobile", "missing", 100),
        ("mobile", "length", 101),
        ("mobile", "format", 102),
        ("mobile", "unknown_segment", 150),
        ("certNo", "missing", 300),
        ("certNo", "length", 301),
        ("certNo", "format", 302),
        ("certNo", "lowercase_x", 303),
        ("certNo", "check_digit", 304),
        ("certNo", "birth_date", 305),
        ("certNo", "province", 306),
        ("certNo", "province_outside_mainland", 350),
        ("name", "missing", 400),
        ("name", "length", 401),
        ("name", "format", 402),
        ("name", "character", 403),
        ("name", "dot_position", 404),
    ];
    for (field, name, number) in expected {
        let code = ErrorCode::from_code(number).unwrap();
        assert_eq!(code.name(), name);
        assert_eq!(code.field().wire_name(), field);
    }
}
