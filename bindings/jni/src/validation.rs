//! Native methods for validation, ID number facts and mobile segments.

use jni::objects::{JClass, JString};
use jni::sys::jint;
use jni::{jni_mangle, EnvUnowned};
use mbasu::cert_no::{info, upgrade_15_to_18};
use mbasu::mobile::segment_of;
use mbasu::{
    validate_applicant, validate_cert_no, validate_mobile, validate_name, Applicant, Clock,
    FieldReport, SystemClock,
};

use crate::boundary::{GlueResult, ThrowMbasuException};
use crate::enums::{
    date_to_yyyymmdd, from_ordinal, ordinal, validation_options, CHANGE_KINDS, FIELDS, GENDERS,
    OPERATORS, SEGMENT_KINDS, SEVERITIES,
};
use crate::packed::Packer;
use crate::strings::{read_optional_text, read_text};

/// Validates one field; `field` is the Java `Field` ordinal of mobile, certNo or name.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn validate_field<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    field: jint,
    input: JString<'local>,
    mode: jint,
    today: jint,
    min_birth_year: jint,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let options = validation_options(mode, today, min_birth_year)?;
            let validate = match from_ordinal(&FIELDS, field, "Field")? {
                mbasu::Field::Mobile => validate_mobile,
                mbasu::Field::CertNo => validate_cert_no,
                mbasu::Field::Name => validate_name,
                _ => return Err(mbasu::ErrorCode::InvalidArgument.into()),
            };
            let input = read_text(env, &input, "input")?;
            let report = validate(&input, &options);

            let mut packer = Packer::new();
            pack_field_report(&mut packer, &report);
            packer.finish(env)
        })
        .resolve::<ThrowMbasuException>()
}

/// Validates the fields of one applicant; a `null` field is not validated.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn validate_applicant_fields<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    mobile: JString<'local>,
    cert_no: JString<'local>,
    name: JString<'local>,
    mode: jint,
    today: jint,
    min_birth_year: jint,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let options = validation_options(mode, today, min_birth_year)?;
            let mobile = read_optional_text(env, &mobile)?;
            let cert_no = read_optional_text(env, &cert_no)?;
            let name = read_optional_text(env, &name)?;
            let applicant = Applicant {
                mobile: mobile.as_deref(),
                cert_no: cert_no.as_deref(),
                name: name.as_deref(),
            };
            let report = validate_applicant(&applicant, &options);

            let mut packer = Packer::new();
            packer.count(report.fields.len());
            for field in &report.fields {
                pack_field_report(&mut packer, field);
            }
            packer.finish(env)
        })
        .resolve::<ThrowMbasuException>()
}

fn pack_field_report(packer: &mut Packer, report: &FieldReport) {
    packer
        .int(ordinal(&FIELDS, &report.field))
        .opt_str(report.value.as_deref())
        .count(report.problems.len());
    for problem in &report.problems {
        packer
            .int(ordinal(&FIELDS, &problem.field))
            .int(ordinal(&SEVERITIES, &problem.severity))
            .int(problem.code.code() as i32)
            .str(problem.name())
            .str(&problem.message_zh)
            .str(&problem.message_en);
    }
    packer.count(report.changes.len());
    for change in &report.changes {
        packer
            .int(ordinal(&FIELDS, &change.field))
            .int(ordinal(&CHANGE_KINDS, &change.kind))
            .str(&change.message_zh)
            .str(&change.message_en);
    }
}

/// Derives birth date, age, gender and province from a valid ID number.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn cert_no_info<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    cert_no: JString<'local>,
    mode: jint,
    today: jint,
    min_birth_year: jint,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let options = validation_options(mode, today, min_birth_year)?;
            let cert_no = read_text(env, &cert_no, "certNo")?;
            let facts = info(&cert_no, &options)?;
            let on = options.today.unwrap_or_else(|| SystemClock.today());

            let mut packer = Packer::new();
            packer
                .int(date_to_yyyymmdd(facts.birth_date))
                .int(facts.age_on(on))
                .int(ordinal(&GENDERS, &facts.gender))
                .str(&facts.province_code)
                .str(facts.province_zh)
                .str(facts.province_en)
                .bool(facts.outside_mainland);
            packer.finish(env)
        })
        .resolve::<ThrowMbasuException>()
}

/// Upgrades a 15-digit first-generation ID number to 18 characters.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn upgrade_cert_no<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    cert_no: JString<'local>,
    mode: jint,
    today: jint,
    min_birth_year: jint,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let options = validation_options(mode, today, min_birth_year)?;
            let cert_no = read_text(env, &cert_no, "certNo")?;
            let upgraded = upgrade_15_to_18(&cert_no, &options)?;
            crate::strings::new_java_string(env, &upgraded)
        })
        .resolve::<ThrowMbasuException>()
}

/// Looks up the segment of a canonical 11-digit mobile; `null` when it is not in the table.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn mobile_segment<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    mobile: JString<'local>,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let mobile = read_text(env, &mobile, "mobile")?;
            let Some(segment) = segment_of(&mobile) else {
                return Ok(JString::null());
            };

            let mut packer = Packer::new();
            packer
                .str(segment.prefix)
                .int(ordinal(&SEGMENT_KINDS, &segment.kind))
                .str(segment.kind.label_zh())
                .str(segment.kind.label_en())
                .int(ordinal(&OPERATORS, &segment.operator))
                .str(segment.operator.label_zh())
                .str(segment.operator.label_en());
            packer.finish(env)
        })
        .resolve::<ThrowMbasuException>()
}
