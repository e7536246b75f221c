//! The `mbasu` binary, run as scripts run it: exit codes and the documented JSON shapes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mbasu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Feed standard input from a thread so a large input cannot deadlock against the output.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || pipe.write_all(&input));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
}

fn json_of(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)))
}

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn validate_json_lists_problems() {
    let output = run(
        &[
            "validate",
            "--today",
            "2026-12-04",
            "--mobile",
            "14012345678",
            "--cert-no",
            "110105194912310020",
            "--json",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    let json = json_of(&output);
    assert_eq!(json["valid"], false);
    let problems = json["problems"].as_array().unwrap();
    let names: Vec<&str> = problems
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["unknown_segment", "check_digit"]);
    assert_eq!(problems[1]["code"], 304);
    assert_eq!(problems[1]["field"], "certNo");
    assert_eq!(problems[0]["severity"], "warning");
    assert!(json["normalized"]["certNo"].is_null());
    assert_eq!(json["normalized"]["mobile"], "14012345678");
    assert!(json["normalized"].get("name").is_none());
}

#[test]
fn validate_normalize_corrects() {
    let output = run(
        &[
            "validate",
            "--normalize",
            "--mobile",
            "0086-13800138000",
            "--name",
            "张 三",
            "--json",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(0));
    let json = json_of(&output);
    assert_eq!(json["normalized"]["mobile"], "13800138000");
    assert_eq!(json["normalized"]["name"], "张三");
    assert_eq!(json["changes"].as_array().unwrap().len(), 3);
}

#[test]
fn validate_text_is_chinese_by_default() {
    let output = run(&["validate", "--mobile", "1380013800"], b"");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("手机号应为 11 位"), "{text}");
    let output = run(&["--lang", "en", "validate", "--mobile", "1380013800"], b"");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("11 digits"), "{text}");
}

#[test]
fn encrypt_and_decrypt_vectors() {
    let sm3 = run(&["encrypt", "--type", "sm3", "𠮷田"], b"");
    assert_eq!(
        String::from_utf8(sm3.stdout).unwrap().trim(),
        "30085baf7587e10b4df31faafd45d11c815c7cfc0b0885ea9bc6fa2459e1a6bb"
    );

    let key = ["--key-base64", "bWJhc3UgdmVjdHIga2V5IDEyMzQ1Njc4"];
    let cbc = run(
        &[
            &["encrypt", "--type", "3des"],
            &key[..],
            &["--mode", "cbc", "--iv-hex", "3132333435363738", "张三"],
        ]
        .concat(),
        b"",
    );
    assert_eq!(
        String::from_utf8(cbc.stdout).unwrap().trim(),
        "eZ4Kx/j5hxk="
    );

    let plain = run(
        &[&["decrypt"], &key[..], &["-"]].concat(),
        b"t2YKJQ2lKgwP3T0K\nVCNlx0m8DzPsXZp6\n",
    );
    assert_eq!(
        String::from_utf8(plain.stdout).unwrap().trim(),
        "11010519491231002X"
    );
}

#[test]
fn encrypt_rejects_short_key() {
    let output = run(
        &["encrypt", "--type", "3des", "--key-hex", "00112233", "x"],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("502 (key_length)"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn request_then_response() {
    let request = run(
        &[
            "request",
            "MBASU004",
            "--mobile",
            "13800138000",
            "--cert-no",
            "11010519491231002X",
            "--ref-id",
            "xwdb_1",
            "--json",
        ],
        b"",
    );
    let json = json_of(&request);
    assert_eq!(json["path"], "/MBASU004");
    assert_eq!(
        json["body"],
        r#"{"head":{"requestRefId":"xwdb_1"},"request":{"param":{"mobile":"13800138000","certType":"00","certNo":"11010519491231002X"}}}"#
    );

    let body = r#"{"head":{"result":"Y","responseRefId":"TR1","requestRefId":"xwdb_1","responseCode":"0000","responseMsg":"查询成功"},"response":{"mobileStatus":"2"}}"#;
    let response = run(
        &["response", "MBASU004", "--expect-ref", "xwdb_1", "--json"],
        body.as_bytes(),
    );
    let json = json_of(&response);
    assert_eq!(json["status"], "suspended");
    assert_eq!(json["usable"], false);
    assert_eq!(json["retryable"], false);
    assert_eq!(json["label_zh"], "停机");

    let mismatch = run(
        &["response", "MBASU004", "--expect-ref", "xwdb_2", "--json"],
        body.as_bytes(),
    );
    assert_eq!(mismatch.status.code(), Some(1));
    assert_eq!(json_of(&mismatch)["error"]["name"], "request_ref_mismatch");
}

#[test]
fn check_reports_findings() {
    let body = r#"{"head":{"result":"Y","responseRefId":"TR1","requestRefId":"xwdb_1","responseCode":"0000","responseMsg":"ok"},"response":{"inNetPeriod":"-3"}}"#;
    let output = run(&["check", "MBASU010", "--json"], body.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let json = json_of(&output);
    assert_eq!(json["conforms"], false);
    assert_eq!(json["findings"][0]["name"], "unknown_value");
}

#[test]
fn batch_converts_csv_and_reports_bad_lines() {
    let csv = "mobile,certNo,name\n13800138000,11010519491231002X,张三\n1380013800,11010519491231002X,李四\n";
    let output = run(
        &[
            "batch",
            "MBASU001",
            "--encrypt-type",
            "md5",
            "--format",
            "csv",
        ],
        csv.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["line"], 2);
    assert!(lines[0]["body"]
        .as_str()
        .unwrap()
        .contains("615db57aa314529aaa0fbe95b3e95bd3"));
    let body: Value = serde_json::from_str(lines[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["request"]["param"]["certType"], "00");
    assert_eq!(lines[1]["error"]["name"], "length");
    assert_eq!(lines[1]["error"]["code"], 101);
}

#[test]
fn batch_unreadable_lines_fail_alone() {
    let mut jsonl = Vec::new();
    jsonl.extend_from_slice(b"{\"mobile\":\"13800138000\",\"certNo\":\"11010519491231002X\"}\n");
    jsonl.extend_from_slice(b"{\"mobile\":\"138\xff\"}\n");
    jsonl.extend_from_slice(b"{\"mobile\":13800138000,\"certNo\":\"11010519491231002X\"}\n");
    jsonl.extend_from_slice(b"{\"mobile\":\"13800138000\" \"certNo\"}\n");
    jsonl.extend_from_slice(b"{\"mobile\":\"13800138000\",\"certNo\":\"11010519491231002X\"}\n");
    let output = run(&["batch", "MBASU010", "--format", "jsonl"], &jsonl);
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    let lines_read: Vec<u64> = lines.iter().map(|l| l["line"].as_u64().unwrap()).collect();
    assert_eq!(lines_read, [1, 2, 3, 4, 5]);
    assert!(lines[0]["body"].is_string());
    assert!(lines[4]["body"].is_string());
    let messages = |index: usize| {
        let error = &lines[index]["error"];
        assert_eq!(error["name"], "invalid_argument");
        (
            error["message_zh"].as_str().unwrap().to_owned(),
            error["message_en"].as_str().unwrap().to_owned(),
        )
    };
    let (zh, en) = messages(1);
    assert!(zh.contains("从第 15 字节起不是有效的 UTF-8"), "{zh}");
    assert!(en.contains("not valid UTF-8 from byte 15"), "{en}");
    let (zh, en) = messages(2);
    assert!(zh.contains("字段 mobile 应为字符串"), "{zh}");
    assert!(en.contains("field mobile must be a string"), "{en}");
    assert!(!en.contains("invalid type"), "serde's wording leaked: {en}");
    let (zh, _) = messages(3);
    assert!(zh.contains("第 25 个字符处 JSON 语法错误"), "{zh}");

    let csv = "\u{feff}mobile,certNo\r\n13800138000\r\n\"13800138000,11010519491231002X\r\n\r\n13800138000,11010519491231002X\r\n";
    let output = run(&["batch", "MBASU010", "--format", "csv"], csv.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 3);
    let zh = lines[0]["error"]["message_zh"].as_str().unwrap();
    assert!(zh.contains("该行有 1 列，表头有 2 列"), "{zh}");
    assert_eq!(lines[1]["line"], 3);
    let zh = lines[1]["error"]["message_zh"].as_str().unwrap();
    assert!(zh.contains("第 1 列的引号没有闭合"), "{zh}");
    assert_eq!(lines[2]["line"], 5);
    assert!(lines[2]["body"].is_string());
}

#[test]
fn batch_handles_one_hundred_thousand_lines() {
    let mut input = String::with_capacity(100_000 * 64);
    for index in 0..100_000u32 {
        input.push_str(&format!(
            "{{\"mobile\":\"138{:08}\",\"certNo\":\"11010519491231002X\"}}\n",
            index
        ));
    }
    let output = run(
        &[
            "batch",
            "MBASU010",
            "--format",
            "jsonl",
            "--encrypt-type",
            "sm3",
        ],
        input.as_bytes(),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(text.lines().count(), 100_000);
    assert!(text.lines().all(|l| l.contains("\"path\":\"/MBASU010\"")));
}

#[test]
fn validate_json_derives_cert_no_facts() {
    let output = run(
        &[
            "validate",
            "--today",
            "2026-12-04",
            "--cert-no",
            "44030519900101123X",
            "--json",
        ],
        b"",
    );
    let info = &json_of(&output)["certNoInfo"];
    assert_eq!(info["birthDate"], "1990-01-01");
    assert_eq!(info["age"], 36);
    assert_eq!(info["gender"], "male");
    assert_eq!(info["province_zh"], "广东省");
}

#[test]
fn upgrade_first_generation_number() {
    let output = run(
        &["upgrade", "--today", "2026-12-04", "430102850317123"],
        b"",
    );
    assert_eq!(
        String::from_utf8(output.stdout).unwrap().trim(),
        "430102198503171237"
    );
    let output = run(&["upgrade", "43010285031712"], b"");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn response_error_exits_one_without_json() {
    let output = run(&["response", "MBASU001"], b"<html>502</html>");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("600 (malformed_json)"), "{stderr}");
}

#[test]
fn check_sealed_response_without_key_is_usage_error() {
    let body = br#"{"head":{"result":"Y","responseRefId":"TR1","requestRefId":"xwdb_1","responseCode":"0000","responseMsg":"x"},"response":"AAAA"}"#;
    let output = run(&["check", "MBASU001"], body);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("--secret-key"), "{stderr}");
}

#[test]
fn usage_error_follows_lang() {
    let chinese = run(&["validate", "--bogus"], b"");
    assert_eq!(chinese.status.code(), Some(2));
    let stderr = String::from_utf8(chinese.stderr).unwrap();
    assert!(stderr.contains("不认识的参数 --bogus"), "{stderr}");
    assert!(!stderr.contains("unexpected"), "{stderr}");

    let english = run(&["--lang", "en", "validate", "--bogus"], b"");
    assert_eq!(english.status.code(), Some(2));
    let stderr = String::from_utf8(english.stderr).unwrap();
    assert!(stderr.contains("unexpected argument '--bogus'"), "{stderr}");

    let json = json_of(&run(&["validate", "--bogus", "--json"], b""));
    assert!(json["error"]["message_zh"]
        .as_str()
        .unwrap()
        .contains("不认识的参数 --bogus"));
    assert!(json["error"]["message_en"]
        .as_str()
        .unwrap()
        .contains("unexpected argument --bogus"));
}

#[test]
fn usage_error_as_json() {
    let output = run(&["request", "MBASU001", "--json"], b"");
    assert_eq!(output.status.code(), Some(2));
    let json = json_of(&output);
    assert_eq!(json["error"]["name"], "invalid_argument");
    assert_eq!(json["error"]["code"], 1);
}

#[test]
fn closed_pipe_is_not_a_panic() {
    let output = run(&["encrypt", "--type", "md5", "x"], b"");
    assert_eq!(output.status.code(), Some(0));
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    if let Ok(full) = full {
        let status = Command::new(env!("CARGO_BIN_EXE_mbasu"))
            .args(["encrypt", "--type", "md5", "x"])
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(status.status.code(), Some(2));
        let stderr = String::from_utf8(status.stderr).unwrap();
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn batch_name_column_follows_the_interface() {
    let without_name = "mobile,certNo\n13800138000,11010519491231002X\n";
    let output = run(
        &["batch", "MBASU001", "--format", "csv"],
        without_name.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("缺少列 name"), "{stderr}");

    let with_name = "mobile,certNo,name\n13800138000,11010519491231002X,张三\n";
    for interface in ["MBASU010", "MBASU004"] {
        let output = run(
            &["batch", interface, "--format", "csv"],
            with_name.as_bytes(),
        );
        assert_eq!(output.status.code(), Some(0), "{interface}");
        let lines = json_lines(&output);
        let body = lines[0]["body"].as_str().unwrap();
        assert!(!body.contains("\"name\""), "{interface}: {body}");
    }
}

#[test]
fn batch_rejects_missing_columns_once() {
    let output = run(
        &["batch", "MBASU010", "--format", "csv"],
        b"phone,id\n13800138000,11010519491231002X\n",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let empty = run(&["batch", "MBASU010", "--format", "csv"], b"");
    assert_eq!(empty.status.code(), Some(2));
}

#[test]
fn request_strict_rejects_non_canonical() {
    let args = [
        "request",
        "MBASU004",
        "--mobile",
        "138 0013 8000",
        "--cert-no",
        "11010519491231002X",
    ];
    assert_eq!(run(&args, b"").status.code(), Some(0));
    let strict = run(&[&args[..], &["--strict"]].concat(), b"");
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn parse_request_reports_unverified_signature() {
    let body = r#"{"head":{"requestRefId":"xwdb_261204101530123456789","secretId":"ORG0001","signature":"FtgOGbS4Bq32x9dr0BB2oXyCeyw="},"request":{"param":{"mobile":"13800138000","certType":"00","certNo":"11010519491231002X","name":"张三"}}}"#;
    let unverified = json_of(&run(
        &["parse-request", "MBASU001", "--json"],
        body.as_bytes(),
    ));
    assert_eq!(unverified["signatureVerified"], false);
    let credentials = [
        "--secret-id",
        "ORG0001",
        "--secret-key",
        "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY",
    ];
    let verified = json_of(&run(
        &[&["parse-request", "MBASU001", "--json"], &credentials[..]].concat(),
        body.as_bytes(),
    ));
    assert_eq!(verified["signatureVerified"], true);
}

#[test]
fn secrets_come_from_the_environment() {
    let body = r#"{"head":{"requestRefId":"xwdb_261204101530123456789","secretId":"ORG0001","signature":"FtgOGbS4Bq32x9dr0BB2oXyCeyw="},"request":{"param":{"mobile":"13800138000","certType":"00","certNo":"11010519491231002X","name":"张三"}}}"#;
    let mut child = Command::new(env!("CARGO_BIN_EXE_mbasu"))
        .args(["parse-request", "MBASU001", "--json"])
        .env("MBASU_SECRET_ID", "ORG0001")
        .env("MBASU_SECRET_KEY", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(body.as_bytes())
        .unwrap();
    let verified = json_of(&child.wait_with_output().unwrap());
    assert_eq!(verified["signatureVerified"], true);

    let key = "6d62617375207665637472206b6579203132333435363738";
    let from_option = run(&["encrypt", "--type", "3des", "--key-hex", key, "x"], b"");
    let from_environment = Command::new(env!("CARGO_BIN_EXE_mbasu"))
        .args(["encrypt", "--type", "3des", "x"])
        .env("MBASU_KEY_HEX", key)
        .output()
        .unwrap();
    assert_eq!(from_environment.status.code(), Some(0));
    assert_eq!(from_environment.stdout, from_option.stdout);
}

#[test]
fn key_option_errors_name_the_options() {
    let sixteen = run(
        &[
            "encrypt",
            "--type",
            "3des",
            "--key-hex",
            "6d62617375207665637472206b657920",
            "x",
        ],
        b"",
    );
    assert_eq!(sixteen.status.code(), Some(2));
    assert!(String::from_utf8(sixteen.stderr)
        .unwrap()
        .contains("--two-key"));

    let args = [
        "request",
        "MBASU010",
        "--mobile",
        "13800138000",
        "--cert-no",
        "11010519491231002X",
        "--encrypt-type",
        "4",
    ];
    let missing = run(&args, b"");
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8(missing.stderr)
        .unwrap()
        .contains("--key-hex"));

    let bad = run(
        &[
            "decrypt",
            "--key-base64",
            "bWJhc3UgdmVjdHIga2V5IDEyMzQ1Njc4",
            "@@@@",
        ],
        b"",
    );
    let stderr = String::from_utf8(bad.stderr).unwrap();
    assert!(stderr.contains("504 (invalid_base64)"), "{stderr}");
    assert!(stderr.contains("第 1 个字符不是 Base64 字符"), "{stderr}");
}

#[test]
fn encrypt_rejects_options_the_type_does_not_use() {
    let key = "6d62617375207665637472206b6579203132333435363738";
    let cases: [(&[&str], &str); 4] = [
        (&["--type", "sm3", "--key-hex", key], "--key-hex"),
        (&["--type", "sha256", "--md5-16"], "--md5-16"),
        (&["--type", "3des", "--key-hex", key, "--upper"], "--upper"),
        (&["--type", "plaintext", "--output", "hex"], "--output"),
    ];
    for (options, named) in cases {
        let output = run(
            &[&["--json", "encrypt"], options, &["13800138000"]].concat(),
            b"",
        );
        assert_eq!(output.status.code(), Some(2), "{options:?}");
        let error = &json_of(&output)["error"];
        assert_eq!(error["code"], 1, "{options:?}");
        let message_en = error["message_en"].as_str().unwrap();
        let message_zh = error["message_zh"].as_str().unwrap();
        assert!(message_en.contains(named), "{message_en}");
        assert!(message_zh.contains(named), "{message_zh}");
        assert!(!message_en.contains(key), "{message_en}");
    }

    // A key exported for 3DES does not stop the same shell from hashing.
    let hashed = Command::new(env!("CARGO_BIN_EXE_mbasu"))
        .args(["encrypt", "--type", "sm3", "abc"])
        .env("MBASU_KEY_HEX", key)
        .output()
        .unwrap();
    assert_eq!(hashed.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(hashed.stdout).unwrap().trim(),
        "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    );
}

#[test]
fn file_errors_are_worded_in_both_languages() {
    let missing = std::env::temp_dir().join("mbasu-cli-test-no-such-file.csv");
    let missing = missing.to_str().unwrap();
    let output = run(&["--json", "batch", "MBASU010", "--input", missing], b"");
    assert_eq!(output.status.code(), Some(2));
    let error = &json_of(&output)["error"];
    assert!(
        error["message_zh"]
            .as_str()
            .unwrap()
            .contains("文件或目录不存在"),
        "{error}"
    );
    assert!(
        error["message_en"]
            .as_str()
            .unwrap()
            .contains("no such file or directory"),
        "{error}"
    );

    let directory = std::env::temp_dir();
    let output = run(
        &[
            "--json",
            "batch",
            "MBASU010",
            "--input",
            directory.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    let error = &json_of(&output)["error"];
    assert!(
        error["message_en"]
            .as_str()
            .unwrap()
            .contains("a directory, not a file"),
        "{error}"
    );
}
