//! The subcommands other than batch.

use std::io::Read;
use std::process::ExitCode;
use std::sync::Arc;

use clap::parser::ValueSource;
use clap::{ArgMatches, Args};
use mbasu::conformance::{check_response, Exchange};
use mbasu::encrypt::{decode_hex, hash_hex};
use mbasu::response::Detail;
use mbasu::{
    validate_applicant, Applicant, CipherEncoding, CipherMode, Config, Credentials, Date,
    EncryptType, EncryptTypeCodes, Error, ErrorCode, FixedClock, HashOptions, HexCase, Interface,
    Interpretation, Mode, Options, RequestFields, RequestForm, RequestOptions, Severity, TripleDes,
    TripleDesKey,
};
use serde_json::{json, Value};

use crate::output::{io_problem, Printer};
use crate::{KeyArgs, ModeArg, OutputArg};

#[derive(Args)]
pub struct ValidateArgs {
    /// Correct fixable input (spaces, full-width digits, +86, x, look-alike dots) and list the changes.
    #[arg(long)]
    normalize: bool,
    /// The date birth dates are checked against, YYYY-MM-DD; default today in China (UTC+8).
    #[arg(long)]
    today: Option<String>,
    /// The 11-digit mobile number to check.
    #[arg(long)]
    mobile: Option<String>,
    /// The resident ID number to check, 18 characters (or 15 for the first generation).
    #[arg(long)]
    cert_no: Option<String>,
    /// The Chinese name to check.
    #[arg(long)]
    name: Option<String>,
}

pub fn validate(args: &ValidateArgs, printer: &Printer) -> Result<ExitCode, Error> {
    if args.mobile.is_none() && args.cert_no.is_none() && args.name.is_none() {
        return Err(Error::with_detail(
            ErrorCode::InvalidArgument,
            "请至少给出 --mobile、--cert-no、--name 之一",
            "give at least one of --mobile, --cert-no, --name",
        ));
    }
    let options = Options {
        mode: if args.normalize {
            Mode::Normalize
        } else {
            Mode::Strict
        },
        today: args.today.as_deref().map(Date::parse_iso).transpose()?,
        ..Options::default()
    };
    let applicant = Applicant {
        mobile: args.mobile.as_deref(),
        cert_no: args.cert_no.as_deref(),
        name: args.name.as_deref(),
    };
    let report = validate_applicant(&applicant, &options);

    if printer.json {
        let problems: Vec<Value> = report
            .problems()
            .map(|p| {
                json!({
                    "field": p.field.wire_name(),
                    "severity": p.severity.name(),
                    "code": p.code.code(),
                    "name": p.name(),
                    "message_zh": p.message_zh,
                    "message_en": p.message_en,
                })
            })
            .collect();
        let changes: Vec<Value> = report
            .fields
            .iter()
            .flat_map(|f| f.changes.iter())
            .map(|c| {
                json!({
                    "field": c.field.wire_name(),
                    "kind": c.kind.name(),
                    "message_zh": c.message_zh,
                    "message_en": c.message_en,
                })
            })
            .collect();
        let mut normalized = serde_json::Map::new();
        for field in &report.fields {
            normalized.insert(field.field.wire_name().to_owned(), json!(field.value));
        }
        let mut output = json!({
            "valid": report.is_valid(),
            "problems": problems,
            "changes": changes,
            "normalized": normalized,
        });
        if let Some(info) = cert_no_info(&report, &options) {
            output["certNoInfo"] = info;
        }
        printer.print_json(&output);
    } else {
        for field in &report.fields {
            let label = printer.pick(field.field.label_zh(), field.field.label_en());
            match (&field.value, field.is_valid()) {
                (Some(value), true) => outln!("✓ {label}: {}", mbasu::text::mask(value)),
                _ => outln!("✗ {label}"),
            }
            for problem in &field.problems {
                let mark = match problem.severity {
                    Severity::Error => printer.pick("错误", "error"),
                    Severity::Warning => printer.pick("提示", "warning"),
                };
                outln!(
                    "  {mark} {} ({}): {}",
                    problem.code.code(),
                    problem.name(),
                    printer.pick(&problem.message_zh, &problem.message_en)
                );
            }
            for change in &field.changes {
                outln!(
                    "  {} {}",
                    printer.pick("已修正", "changed"),
                    printer.pick(&change.message_zh, &change.message_en)
                );
            }
        }
    }
    Ok(if report.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Derived facts of a valid ID number: birth date, age today, gender and province.
fn cert_no_info(report: &mbasu::Report, options: &Options) -> Option<Value> {
    let cert_no = report.field(mbasu::Field::CertNo)?.value.as_deref()?;
    let info = mbasu::cert_no::info(
        cert_no,
        &Options {
            mode: Mode::Strict,
            ..*options
        },
    )
    .ok()?;
    let today = options
        .today
        .unwrap_or_else(|| mbasu::Clock::today(&mbasu::SystemClock));
    Some(json!({
        "birthDate": info.birth_date.to_string(),
        "age": info.age_on(today),
        "gender": info.gender.name(),
        "provinceCode": info.province_code,
        "province_zh": info.province_zh,
        "province_en": info.province_en,
    }))
}

#[derive(Args)]
pub struct UpgradeArgs {
    /// The date birth dates are checked against, YYYY-MM-DD; default today in China (UTC+8).
    #[arg(long)]
    today: Option<String>,
    /// A 15-digit first-generation ID number.
    cert_no: String,
}

pub fn upgrade(args: &UpgradeArgs, printer: &Printer) -> Result<ExitCode, Error> {
    let options = Options {
        today: args.today.as_deref().map(Date::parse_iso).transpose()?,
        ..Options::default()
    };
    let upgraded = mbasu::cert_no::upgrade_15_to_18(&args.cert_no, &options)?;
    if printer.json {
        printer.print_json(&json!({ "certNo": upgraded }));
    } else {
        outln!("{upgraded}");
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
pub struct EncryptArgs {
    /// The encryptType: md5, sha256, sm3 or 3des.
    #[arg(long = "type")]
    encrypt_type: String,
    #[command(flatten)]
    key: KeyArgs,
    /// Print digests in upper-case hex.
    #[arg(long)]
    upper: bool,
    /// Print MD5 as its 16-character middle part.
    #[arg(long)]
    md5_16: bool,
    /// The text to encrypt as UTF-8; `-` reads standard input.
    value: String,
}

pub fn encrypt(
    args: &EncryptArgs,
    command_line: &ArgMatches,
    printer: &Printer,
) -> Result<ExitCode, Error> {
    let encrypt_type = EncryptType::from_name(&args.encrypt_type)?;
    reject_unused_options(encrypt_type, command_line)?;
    let value = read_value(&args.value)?;
    let output = match encrypt_type {
        EncryptType::Plaintext => value,
        EncryptType::TripleDes => triple_des(&args.key)?
            .ok_or(ErrorCode::KeyMissing)?
            .encrypt_text(&value),
        digest => {
            let options = HashOptions {
                case: if args.upper {
                    HexCase::Upper
                } else {
                    HexCase::Lower
                },
                md5_16: args.md5_16,
            };
            hash_hex(digest, value.as_bytes(), options)?
        }
    };
    if printer.json {
        printer.print_json(&json!({ "type": encrypt_type.name(), "value": output }));
    } else {
        outln!("{output}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Rejects options the encryptType does not use, such as a key for SM3, which would otherwise
/// be ignored without a word. Only options on the command line count, because a shell that
/// exports `MBASU_KEY_HEX` for 3DES may also hash.
fn reject_unused_options(
    encrypt_type: EncryptType,
    command_line: &ArgMatches,
) -> Result<(), Error> {
    const OPTIONS: [(&str, &str); 8] = [
        ("key_hex", "--key-hex"),
        ("key_base64", "--key-base64"),
        ("two_key", "--two-key"),
        ("mode", "--mode"),
        ("iv_hex", "--iv-hex"),
        ("output", "--output"),
        ("upper", "--upper"),
        ("md5_16", "--md5-16"),
    ];
    let used: &[&str] = match encrypt_type {
        EncryptType::Plaintext => &[],
        EncryptType::TripleDes => &[
            "key_hex",
            "key_base64",
            "two_key",
            "mode",
            "iv_hex",
            "output",
        ],
        EncryptType::Md5 => &["upper", "md5_16"],
        EncryptType::Sha256 | EncryptType::Sm3 => &["upper"],
    };
    let unused: Vec<&str> = OPTIONS
        .iter()
        .filter(|(id, _)| !used.contains(id))
        .filter(|(id, _)| command_line.value_source(id) == Some(ValueSource::CommandLine))
        .map(|(_, flag)| *flag)
        .collect();
    if unused.is_empty() {
        return Ok(());
    }

    let name = encrypt_type.name();
    let (verb, pronoun) = if unused.len() == 1 {
        ("has", "it")
    } else {
        ("have", "them")
    };
    Err(Error::with_detail(
        ErrorCode::InvalidArgument,
        &format!(
            "encryptType 为 {name} 时用不到 {}，请去掉",
            unused.join("、")
        ),
        &format!(
            "{} {verb} no effect with encryptType {name}; remove {pronoun}",
            unused.join(", ")
        ),
    ))
}

#[derive(Args)]
pub struct DecryptArgs {
    #[command(flatten)]
    key: KeyArgs,
    /// The ciphertext (Base64 or hex per --output); `-` reads standard input.
    value: String,
}

pub fn decrypt(args: &DecryptArgs, printer: &Printer) -> Result<ExitCode, Error> {
    let cipher = triple_des(&args.key)?.ok_or(ErrorCode::KeyMissing)?;
    let plaintext = cipher.decrypt_text(&read_value(&args.value)?)?;
    if printer.json {
        printer.print_json(&json!({ "value": plaintext }));
    } else {
        outln!("{plaintext}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Options that shape a [`Config`].
#[derive(Args, Clone, Default)]
pub struct ConfigArgs {
    /// secretId for signed and sealed envelopes.
    #[arg(long, env = "MBASU_SECRET_ID")]
    pub secret_id: Option<String>,
    /// secretKey (Base64) for signatures and sealed envelopes.
    #[arg(long, env = "MBASU_SECRET_KEY", hide_env_values = true)]
    pub secret_key: Option<String>,
    /// The encryptType code table: five comma-separated codes for plaintext, md5, sha256, sm3, 3des.
    #[arg(long, default_value = "0,1,2,3,4")]
    pub codes: String,
    /// The date used as today, YYYY-MM-DD (China time); default the system clock.
    #[arg(long)]
    pub today: Option<String>,
    /// Reject fields that are not already canonical instead of normalising them first.
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub key: KeyArgs,
}

pub fn build_config(args: &ConfigArgs) -> Result<Config, Error> {
    let codes: Vec<&str> = args.codes.split(',').map(str::trim).collect();
    let [plaintext, md5, sha256, sm3, triple] = codes[..] else {
        return Err(Error::with_detail(
            ErrorCode::InvalidCodeTable,
            "--codes 需要 5 个代码",
            "--codes needs 5 codes",
        ));
    };
    let mut builder =
        Config::builder().codes(EncryptTypeCodes::new(plaintext, md5, sha256, sm3, triple)?);
    if let Some(cipher) = triple_des(&args.key)? {
        builder = builder.triple_des(cipher);
    }
    match (&args.secret_id, &args.secret_key) {
        (Some(id), Some(key)) => builder = builder.credentials(Credentials::from_base64(id, key)?),
        (None, None) => {}
        (None, Some(key)) => builder = builder.credentials(Credentials::from_base64("-", key)?),
        (Some(_), None) => return Err(Error::from_code(ErrorCode::CredentialsMissing)),
    }
    if let Some(today) = &args.today {
        builder = builder.clock(Arc::new(FixedClock::at_date(Date::parse_iso(today)?)));
    }
    if args.strict {
        builder = builder.validation_mode(Mode::Strict);
    }
    Ok(builder.build())
}

#[derive(Args)]
pub struct RequestArgs {
    /// MBASU001, MBASU010 or MBASU004.
    interface: String,
    /// The applicant's 11-digit mobile number.
    #[arg(long)]
    mobile: String,
    /// The applicant's resident ID number (certNo).
    #[arg(long)]
    cert_no: String,
    /// The applicant's name; required by MBASU001.
    #[arg(long)]
    name: Option<String>,
    /// The encryptType as a wire code from the code table, or a name (md5, sha256, sm3, 3des, plaintext).
    #[arg(long)]
    encrypt_type: Option<String>,
    /// The requestRefId to use instead of a generated one.
    #[arg(long)]
    ref_id: Option<String>,
    /// Seal the request with 3DES under the secretKey (needs --secret-id and --secret-key).
    #[arg(long)]
    sealed: bool,
    #[command(flatten)]
    config: ConfigArgs,
}

/// Resolves `--encrypt-type`: a wire code of the table first, then a name. 3DES needs a key
/// option, which is checked here so the message can name the options.
pub fn resolve_encrypt_type(config: &Config, text: &str) -> Result<EncryptType, Error> {
    let encrypt_type = config
        .codes()
        .lookup(text)
        .or_else(|error| EncryptType::from_name(text).map_err(|_| error))?;
    if encrypt_type == EncryptType::TripleDes && config.triple_des().is_none() {
        return Err(Error::with_detail(
            ErrorCode::KeyMissing,
            "encryptType 为 3DES 时请用 --key-hex 或 --key-base64 给出 24 字节密钥",
            "encryptType 3DES needs a 24-byte key through --key-hex or --key-base64",
        ));
    }
    Ok(encrypt_type)
}

pub fn form_for(sealed: bool, config: &Config) -> RequestForm {
    match (sealed, config.credentials().is_some()) {
        (true, _) => RequestForm::Sealed,
        (false, true) => RequestForm::Signed,
        (false, false) => RequestForm::Standard,
    }
}

pub fn request(args: &RequestArgs, printer: &Printer) -> Result<ExitCode, Error> {
    let interface = Interface::from_code(&args.interface)?;
    let config = build_config(&args.config)?;
    let encrypt_type = args
        .encrypt_type
        .as_deref()
        .map(|t| resolve_encrypt_type(&config, t))
        .transpose()?;
    let fields = RequestFields {
        mobile: &args.mobile,
        cert_no: &args.cert_no,
        name: args.name.as_deref(),
    };
    let options = RequestOptions {
        encrypt_type,
        request_ref_id: args.ref_id.as_deref(),
        form: form_for(args.sealed, &config),
    };
    let built = match mbasu::build_request(&config, interface, &fields, &options) {
        Ok(built) => built,
        Err(error) if error.code().field() != mbasu::Field::Other => {
            printer.error(&error);
            return Ok(ExitCode::from(1));
        }
        Err(error) => return Err(error),
    };
    if printer.json {
        printer.print_json(&json!({
            "interface": interface.code(),
            "path": built.path,
            "requestRefId": built.request_ref_id,
            "body": built.body,
        }));
    } else {
        outln!("{}", built.body);
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
pub struct ResponseArgs {
    interface: String,
    /// The requestRefId that was sent; the echo must match.
    #[arg(long)]
    expect_ref: Option<String>,
    /// secretKey (Base64) to open a sealed response.
    #[arg(long, env = "MBASU_SECRET_KEY", hide_env_values = true)]
    secret_key: Option<String>,
}

/// The stable JSON form of an interpretation.
pub fn interpretation_json(interpretation: &Interpretation) -> Value {
    let meaning = &interpretation.meaning;
    let mut object = json!({
        "interface": interpretation.interface.code(),
        "value": interpretation.value,
        "category": meaning.category.name(),
        "outcome": meaning.outcome.name(),
        "retryable": interpretation.is_retryable(),
        "label_zh": meaning.label_zh,
        "label_en": meaning.label_en,
        "requestRefId": interpretation.request_ref_id,
        "responseRefId": interpretation.response_ref_id,
        "warnings": interpretation.warnings.iter().map(|w| json!({
            "code": w.code.code(),
            "name": w.code.name(),
            "message_zh": w.message_zh,
            "message_en": w.message_en,
        })).collect::<Vec<_>>(),
    });
    match meaning.detail {
        Detail::Match {
            name_matches,
            cert_no_matches,
        } => {
            object["name_matches"] = json!(name_matches);
            object["cert_no_matches"] = json!(cert_no_matches);
        }
        Detail::InNetPeriod {
            months_above,
            months_at_most,
        } => {
            object["months_above"] = json!(months_above);
            object["months_at_most"] = json!(months_at_most);
        }
        Detail::Status { status, usable } => {
            object["status"] = json!(status.name());
            object["usable"] = json!(usable);
        }
        Detail::None => {}
    }
    object
}

pub fn response(args: &ResponseArgs, printer: &Printer) -> Result<ExitCode, Error> {
    let interface = Interface::from_code(&args.interface)?;
    let config = build_config(&ConfigArgs {
        secret_key: args.secret_key.clone(),
        ..ConfigArgs::default_codes()
    })?;
    let body = read_stdin(config.max_body_bytes())?;
    match mbasu::parse_response(&config, interface, &body, args.expect_ref.as_deref()) {
        Ok(interpretation) => {
            if printer.json {
                printer.print_json(&interpretation_json(&interpretation));
            } else {
                let meaning = &interpretation.meaning;
                outln!(
                    "{} {}: {}",
                    interface.code(),
                    interpretation.value,
                    printer.pick(meaning.label_zh, meaning.label_en)
                );
                let retry = if interpretation.is_retryable() {
                    printer.pick("可以重试", "retryable")
                } else {
                    printer.pick("无需重试", "not retryable")
                };
                let category = match meaning.category {
                    mbasu::Category::Answered => printer.pick("有结果", "answered"),
                    mbasu::Category::NoData => printer.pick("查无数据", "no data"),
                    mbasu::Category::QueryError => printer.pick("查询异常", "query error"),
                };
                outln!("{} {category} · {retry}", printer.pick("类别", "category"));
                for warning in &interpretation.warnings {
                    outln!(
                        "{} {}",
                        printer.pick("提示", "warning"),
                        printer.pick(&warning.message_zh, &warning.message_en)
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            printer.error(&error);
            Ok(ExitCode::from(1))
        }
    }
}

#[derive(Args)]
pub struct CheckArgs {
    interface: String,
    /// The HTTP status the provider used.
    #[arg(long)]
    http_status: Option<u16>,
    /// A file with the request body the response answers, to check the requestRefId echo.
    #[arg(long)]
    request: Option<std::path::PathBuf>,
    /// secretKey (Base64) to open a sealed response.
    #[arg(long, env = "MBASU_SECRET_KEY", hide_env_values = true)]
    secret_key: Option<String>,
}

pub fn check(args: &CheckArgs, printer: &Printer) -> Result<ExitCode, Error> {
    let interface = Interface::from_code(&args.interface)?;
    let config = build_config(&ConfigArgs {
        secret_key: args.secret_key.clone(),
        ..ConfigArgs::default_codes()
    })?;
    let body = read_stdin(config.max_body_bytes())?;
    let request_body = match &args.request {
        Some(path) => Some(std::fs::read(path).map_err(|error| {
            let (problem_zh, problem_en) = io_problem(&error);
            Error::with_detail(
                ErrorCode::InvalidArgument,
                &format!("无法读取 {}：{problem_zh}", path.display()),
                &format!("cannot read {}: {problem_en}", path.display()),
            )
        })?),
        None => None,
    };
    let exchange = Exchange {
        http_status: args.http_status,
        request_body: request_body.as_deref(),
    };
    let findings = check_response(&config, interface, &body, &exchange);
    // A sealed response cannot be checked without the secretKey. That is a usage error here,
    // exit status 2, and not a finding against the provider.
    if let Some(missing) = findings
        .iter()
        .find(|f| f.code == ErrorCode::CredentialsMissing)
    {
        return Err(Error::new(
            ErrorCode::CredentialsMissing,
            format!("{}，请用 --secret-key 提供密钥", missing.message_zh),
            format!("{}; pass the key with --secret-key", missing.message_en),
        ));
    }
    let conforms = findings.iter().all(|f| f.severity == Severity::Warning);

    if printer.json {
        let list: Vec<Value> = findings
            .iter()
            .map(|f| {
                json!({
                    "path": f.path,
                    "severity": f.severity.name(),
                    "code": f.code.code(),
                    "name": f.code.name(),
                    "message_zh": f.message_zh,
                    "message_en": f.message_en,
                })
            })
            .collect();
        printer.print_json(&json!({ "conforms": conforms, "findings": list }));
    } else if findings.is_empty() {
        outln!("{}", printer.pick("符合规范", "conforms to the spec"));
    } else {
        for finding in &findings {
            let mark = if finding.severity == Severity::Error {
                printer.pick("错误", "error")
            } else {
                printer.pick("提示", "warning")
            };
            outln!(
                "{mark} {} ({}) {}: {}",
                finding.code.code(),
                finding.code.name(),
                finding.path,
                printer.pick(&finding.message_zh, &finding.message_en)
            );
        }
    }
    Ok(if conforms {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

#[derive(Args)]
pub struct ParseRequestArgs {
    interface: String,
    #[command(flatten)]
    config: ConfigArgs,
}

pub fn parse_request(args: &ParseRequestArgs, printer: &Printer) -> Result<ExitCode, Error> {
    let interface = Interface::from_code(&args.interface)?;
    let config = build_config(&args.config)?;
    let body = read_stdin(config.max_body_bytes())?;
    match mbasu::parse_request(&config, interface, &body) {
        Ok(parsed) => {
            let field = |f: &mbasu::provider::ReceivedField| json!({ "wire": f.wire, "plaintext": f.plaintext });
            let value = json!({
                "interface": interface.code(),
                "requestRefId": parsed.request_ref_id,
                "form": parsed.form.name(),
                "secretId": parsed.secret_id,
                "signatureVerified": parsed.signature_verified,
                "encryptType": parsed.encrypt_type.map(EncryptType::name),
                "mobile": field(&parsed.mobile),
                "certNo": field(&parsed.cert_no),
                "name": parsed.name.as_ref().map(field),
            });
            if printer.json {
                printer.print_json(&value);
            } else {
                let signature = match (parsed.signature_verified, parsed.secret_id.is_some()) {
                    (true, _) => printer.pick("签名已校验", "signature verified"),
                    (false, true) => printer.pick(
                        "签名未校验（未提供凭证）",
                        "signature not verified (no credentials given)",
                    ),
                    (false, false) => printer.pick("未签名", "unsigned"),
                };
                let form = match parsed.form {
                    RequestForm::Standard => printer.pick("标准报文", "standard"),
                    RequestForm::Signed => printer.pick("签名报文", "signed"),
                    RequestForm::Sealed => printer.pick("密封报文", "sealed"),
                };
                outln!(
                    "{} {} · {form} · encryptType {} · {signature}",
                    printer.pick("请求有效", "valid request"),
                    parsed.request_ref_id,
                    parsed.encrypt_type.map_or("plaintext", EncryptType::name)
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            printer.error(&error);
            Ok(ExitCode::from(1))
        }
    }
}

impl ConfigArgs {
    fn default_codes() -> ConfigArgs {
        ConfigArgs {
            codes: "0,1,2,3,4".to_owned(),
            ..ConfigArgs::default()
        }
    }
}

/// Builds the 3DES cipher the key options describe, or `None` when no key is given.
pub fn triple_des(args: &KeyArgs) -> Result<Option<TripleDes>, Error> {
    let raw = match (&args.key_hex, &args.key_base64) {
        (Some(hex), _) => zeroize::Zeroizing::new(decode_hex(hex)?),
        (None, Some(base64)) => zeroize::Zeroizing::new(mbasu::encrypt::decode_base64(base64)?),
        (None, None) => return Ok(None),
    };
    let key = match (args.two_key, raw.len()) {
        (true, _) => TripleDesKey::from_two_key(&raw)?,
        (false, 16) => {
            return Err(Error::with_detail(
                ErrorCode::KeyLength,
                "16 字节的双倍长密钥请加 --two-key，按 K1K2K1 使用",
                "add --two-key to use a 16-byte double-length key as K1K2K1",
            ))
        }
        (false, _) => TripleDesKey::new(&raw)?,
    };
    let mode = match (args.mode, &args.iv_hex) {
        (ModeArg::Ecb, None) => CipherMode::Ecb,
        (ModeArg::Ecb, Some(_)) => return Err(Error::from_code(ErrorCode::IvNotAllowed)),
        (ModeArg::Cbc, None) => {
            return Err(Error::with_detail(
                ErrorCode::IvLength,
                "CBC 模式需要 --iv-hex",
                "CBC mode needs --iv-hex",
            ))
        }
        (ModeArg::Cbc, Some(iv)) => {
            let bytes = decode_hex(iv)?;
            let iv: [u8; 8] = bytes
                .as_slice()
                .try_into()
                .map_err(|_| Error::from_code(ErrorCode::IvLength))?;
            CipherMode::Cbc { iv }
        }
    };
    let encoding = match args.output {
        OutputArg::Base64 => CipherEncoding::Base64,
        OutputArg::Hex => CipherEncoding::Hex,
    };
    Ok(Some(TripleDes::new(key, mode, encoding)))
}

fn read_value(value: &str) -> Result<String, Error> {
    if value != "-" {
        return Ok(value.to_owned());
    }
    let bytes = read_stdin(1024 * 1024)?;
    let text = mbasu::text::text_from_utf8(&bytes)?;
    Ok(text.trim_end_matches(['\n', '\r']).to_owned())
}

/// Reads standard input, stopping one byte past `limit` so an oversize body is reported by the
/// library's own size check instead of being read whole.
pub fn read_stdin(limit: usize) -> Result<Vec<u8>, Error> {
    let mut body = Vec::new();
    std::io::stdin()
        .take(limit as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|error| {
            let (problem_zh, problem_en) = io_problem(&error);
            Error::with_detail(
                ErrorCode::InvalidArgument,
                &format!("读取标准输入失败：{problem_zh}"),
                &format!("reading standard input failed: {problem_en}"),
            )
        })?;
    Ok(body)
}
