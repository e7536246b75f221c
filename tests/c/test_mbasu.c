/* The C test suite of libmbasu: the vectors of tests/vectors (through the generated
 * vectors.h), argument errors, the panic boundary, and eight threads sharing one
 * configuration. Built by bindings/c/test.sh with ASan and UBSan against libmbasu.so, and
 * without them against libmbasu.a for Valgrind. */

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mbasu.h"
/* vectors.h needs the MBASU_FIELD_* constants, so it comes after mbasu.h. */
#include "vectors.h"
#include "harness.h"

/* ---- helpers ---------------------------------------------------------------------------- */

static uint32_t len32(const char *text) { return (uint32_t)strlen(text); }

static const uint8_t *bytes(const char *text) { return (const uint8_t *)text; }

/* Whether borrowed text (pointer and length) equals a C string, and is NUL-terminated. */
static int text_is(const uint8_t *data, uint32_t len, const char *expected) {
    return data != NULL && len == strlen(expected) && memcmp(data, expected, len) == 0 && data[len] == 0;
}

/* Whether an mbasu_string equals a C string; frees it. */
static int string_is(mbasu_string *string, const char *expected) {
    int same = text_is(mbasu_string_data(string), mbasu_string_len(string), expected);
    mbasu_string_free(string);
    return same;
}

/* The stable name of a status, from the library's table. */
static const char *status_name(uint32_t status) {
    const uint8_t *name = NULL;
    uint32_t len = 0;
    if (mbasu_status_name(status, &name, &len) != MBASU_STATUS_OK) {
        return "<unknown status>";
    }
    return (const char *)name;
}

static size_t hex_decode(const char *hex, uint8_t *out, size_t capacity) {
    size_t n = strlen(hex) / 2;
    if (n > capacity) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned value = 0;
        sscanf(hex + 2 * i, "%2x", &value);
        out[i] = (uint8_t)value;
    }
    return n;
}

/* Builds a configuration, failing the test run if any step fails. */
struct config_options {
    const char *key;
    uint32_t key_len;
    uint32_t key_format;
    uint32_t cipher_mode;
    const uint8_t *iv;
    uint32_t iv_len;
    uint32_t cipher_encoding;
    int with_credentials;
    int64_t fixed_time;
};

static mbasu_config *make_config(const struct config_options *options) {
    mbasu_config_builder *builder = NULL;
    mbasu_config *config = NULL;
    mbasu_status status = mbasu_config_builder_new(&builder, NULL);
    CHECK(status == MBASU_STATUS_OK, "builder_new: %s", status_name(status));
    if (options->key != NULL) {
        status = mbasu_config_builder_set_triple_des_key(builder, bytes(options->key), options->key_len,
                                                         options->key_format, NULL);
        CHECK(status == MBASU_STATUS_OK, "set key: %s", status_name(status));
    }
    status = mbasu_config_builder_set_cipher_mode(builder, options->cipher_mode, options->iv, options->iv_len, NULL);
    CHECK(status == MBASU_STATUS_OK, "set mode: %s", status_name(status));
    status = mbasu_config_builder_set_cipher_encoding(builder, options->cipher_encoding, NULL);
    CHECK(status == MBASU_STATUS_OK, "set encoding: %s", status_name(status));
    if (options->with_credentials) {
        status = mbasu_config_builder_set_credentials(builder, bytes(ENVELOPE_SECRET_ID), len32(ENVELOPE_SECRET_ID),
                                                      bytes(ENVELOPE_SECRET_KEY_BASE64),
                                                      len32(ENVELOPE_SECRET_KEY_BASE64), NULL);
        CHECK(status == MBASU_STATUS_OK, "set credentials: %s", status_name(status));
    }
    if (options->fixed_time != 0) {
        status = mbasu_config_builder_set_fixed_time(builder, options->fixed_time, NULL);
        CHECK(status == MBASU_STATUS_OK, "set time: %s", status_name(status));
    }
    status = mbasu_config_builder_build(builder, &config, NULL);
    CHECK(status == MBASU_STATUS_OK && config != NULL, "build: %s", status_name(status));
    mbasu_config_builder_free(builder);
    return config;
}

static mbasu_config *envelope_config(void) {
    struct config_options options = {0};
    options.with_credentials = 1;
    options.fixed_time = ENVELOPE_TODAY_UNIX_MILLIS;
    return make_config(&options);
}

/* ---- versions and status lookups -------------------------------------------------------- */

static void test_version(void) {
    CHECK(strcmp(mbasu_version(), MBASU_VERSION_STRING) == 0, "library %s, header %s", mbasu_version(),
          MBASU_VERSION_STRING);
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", MBASU_VERSION_MAJOR, MBASU_VERSION_MINOR, MBASU_VERSION_PATCH);
    CHECK(strcmp(expected, MBASU_VERSION_STRING) == 0, "%s vs %s", expected, MBASU_VERSION_STRING);
}

static void test_status_lookups(void) {
    const uint8_t *text = NULL;
    uint32_t len = 0;

    CHECK(strcmp(status_name(MBASU_STATUS_OK), "ok") == 0, "%s", status_name(0));
    CHECK(strcmp(status_name(MBASU_STATUS_PANIC), "panic") == 0, "%s", status_name(6));
    CHECK(MBASU_STATUS_PANIC == 6, "panic is %d", (int)MBASU_STATUS_PANIC);
    CHECK(strcmp(status_name(MBASU_STATUS_CERT_NO_CHECK_DIGIT), "check_digit") == 0, "%s", status_name(304));

    CHECK(mbasu_status_message(MBASU_STATUS_NULL_POINTER, MBASU_LANG_EN, &text, &len) == MBASU_STATUS_OK &&
              text_is(text, len, "a required pointer is NULL"),
          "english message");
    CHECK(mbasu_status_message(MBASU_STATUS_NULL_POINTER, MBASU_LANG_ZH, &text, &len) == MBASU_STATUS_OK &&
              text_is(text, len, "必填指针为空"),
          "chinese message");
    CHECK(mbasu_status_message(99999, MBASU_LANG_EN, &text, &len) == MBASU_STATUS_INVALID_ARGUMENT,
          "unknown status");
    CHECK(mbasu_status_message(MBASU_STATUS_PANIC, 7, &text, &len) == MBASU_STATUS_INVALID_ARGUMENT, "unknown lang");
    CHECK(mbasu_status_name(MBASU_STATUS_PANIC, NULL, &len) == MBASU_STATUS_NULL_POINTER, "NULL name_out");

    CHECK(mbasu_status_field(MBASU_STATUS_MOBILE_FORMAT) == MBASU_FIELD_MOBILE, "mobile field");
    CHECK(mbasu_status_field(MBASU_STATUS_NAME_LENGTH) == MBASU_FIELD_NAME, "name field");
    CHECK(mbasu_status_field(MBASU_STATUS_PANIC) == MBASU_FIELD_OTHER, "other field");
    CHECK(mbasu_status_is_warning(MBASU_STATUS_MOBILE_UNKNOWN_SEGMENT) == 1, "warning");
    CHECK(mbasu_status_is_warning(MBASU_STATUS_MOBILE_FORMAT) == 0, "not a warning");
}

/* ---- validation vectors ----------------------------------------------------------------- */

static const char *SEGMENT_NAMES[] = {"basic", "virtual", "data", "broadcast", "satellite"};

/* Each vector category must map to exactly one status per file. */
struct category_code {
    const char *file;
    const char *category;
    uint32_t code;
};
static struct category_code category_codes[128];
static size_t category_code_count;

static void record_category(const char *file, const char *category, uint32_t code) {
    for (size_t i = 0; i < category_code_count; i++) {
        if (strcmp(category_codes[i].file, file) == 0 && strcmp(category_codes[i].category, category) == 0) {
            CHECK(category_codes[i].code == code, "%s: %s maps to %u and %u", file, category,
                  category_codes[i].code, code);
            return;
        }
    }
    if (category_code_count < COUNT(category_codes)) {
        category_codes[category_code_count++] = (struct category_code){file, category, code};
    }
}

static mbasu_validation *validate_one(const mbasu_config *config, uint32_t mode, uint32_t field, const char *input) {
    const uint8_t *mobile = field == MBASU_FIELD_MOBILE ? bytes(input) : NULL;
    const uint8_t *cert_no = field == MBASU_FIELD_CERT_NO ? bytes(input) : NULL;
    const uint8_t *name = field == MBASU_FIELD_NAME ? bytes(input) : NULL;
    uint32_t len = len32(input);
    mbasu_validation *validation = NULL;
    mbasu_status status = mbasu_validate_applicant(config, mode, mobile, mobile ? len : 0, cert_no, cert_no ? len : 0,
                                                   name, name ? len : 0, &validation, NULL);
    CHECK(status == MBASU_STATUS_OK, "validate %s: %s", input, status_name(status));
    return validation;
}

static void check_strict(const struct validation_case *c, const mbasu_validation *strict) {
    const uint8_t *text = NULL;
    uint32_t len = 0;
    uint32_t count = mbasu_validation_problem_count(strict);

    CHECK(mbasu_validation_is_valid(strict) == (uint32_t)c->valid, "%s %s: valid", c->file, c->input);
    int found_error = 0;
    int found_warning = 0;
    for (uint32_t i = 0; i < count; i++) {
        uint32_t field = 0, severity = 0, code = 0;
        CHECK(mbasu_validation_problem(strict, i, &field, &severity, &code) == MBASU_STATUS_OK, "problem %u", i);
        CHECK(field == c->field, "%s %s: problem field %u", c->file, c->input, field);
        CHECK(mbasu_validation_problem_name(strict, i, &text, &len) == MBASU_STATUS_OK, "problem name");
        const char *name = (const char *)text;
        CHECK(strcmp(name, status_name(code)) == 0, "problem name %s vs code %u", name, code);
        CHECK(mbasu_validation_problem_message(strict, i, MBASU_LANG_ZH, &text, &len) == MBASU_STATUS_OK && len > 0,
              "zh message");
        CHECK(mbasu_validation_problem_message(strict, i, MBASU_LANG_EN, &text, &len) == MBASU_STATUS_OK && len > 0,
              "en message");
        if (severity == MBASU_SEVERITY_ERROR && !found_error) {
            found_error = 1;
            CHECK(c->error != NULL && strcmp(name, c->error) == 0, "%s %s: first error %s, expected %s", c->file,
                  c->input, name, c->error ? c->error : "none");
            if (c->error != NULL) {
                record_category(c->file, c->error, code);
            }
            CHECK(mbasu_validation_value(strict, c->field, &text, &len) == code, "value returns the first error");
        }
        if (severity == MBASU_SEVERITY_WARNING && !found_warning) {
            found_warning = 1;
            CHECK(c->warning != NULL && strcmp(name, c->warning) == 0, "%s %s: warning %s", c->file, c->input, name);
            if (c->warning != NULL) {
                record_category(c->file, c->warning, code);
            }
        }
    }
    CHECK(found_error == (c->error != NULL), "%s %s: error expected %s", c->file, c->input, c->error ? c->error : "none");
    CHECK(found_warning == (c->warning != NULL), "%s %s: warning expected", c->file, c->input);
    if (c->error == NULL) {
        CHECK(mbasu_validation_value(strict, c->field, &text, &len) == MBASU_STATUS_OK && text_is(text, len, c->input),
              "%s %s: strict value", c->file, c->input);
    }
    CHECK(mbasu_validation_change_count(strict) == 0, "strict mode makes no change");
}

static void check_normalized(const struct validation_case *c, const mbasu_validation *normalized) {
    const uint8_t *text = NULL;
    uint32_t len = 0;
    uint32_t changes = mbasu_validation_change_count(normalized);

    if (c->normalized != NULL) {
        CHECK(mbasu_validation_value(normalized, c->field, &text, &len) == MBASU_STATUS_OK &&
                  text_is(text, len, c->normalized),
              "%s %s: normalized", c->file, c->input);
        CHECK(changes > 0, "%s %s: a change is listed", c->file, c->input);
        for (uint32_t i = 0; i < changes; i++) {
            uint32_t field = 0, kind = 0;
            CHECK(mbasu_validation_change(normalized, i, &field, &kind) == MBASU_STATUS_OK && field == c->field,
                  "change field");
            CHECK(mbasu_validation_change_name(normalized, i, &text, &len) == MBASU_STATUS_OK && len > 0, "change name");
            CHECK(mbasu_validation_change_message(normalized, i, MBASU_LANG_EN, &text, &len) == MBASU_STATUS_OK &&
                      len > 0,
                  "change message");
        }
    } else if (c->valid) {
        CHECK(mbasu_validation_value(normalized, c->field, &text, &len) == MBASU_STATUS_OK &&
                  text_is(text, len, c->input),
              "%s %s: unchanged", c->file, c->input);
        CHECK(changes == 0, "%s %s: no change", c->file, c->input);
    } else {
        CHECK(mbasu_validation_is_valid(normalized) == 0, "%s %s: still invalid", c->file, c->input);
    }
}

static void check_extras(const struct validation_case *c, const mbasu_config *config) {
    if (c->segment != NULL) {
        uint32_t kind = 99, operator_ = 99;
        mbasu_status status = mbasu_mobile_segment(bytes(c->input), len32(c->input), &kind, &operator_, NULL);
        CHECK(status == MBASU_STATUS_OK && kind < COUNT(SEGMENT_NAMES) && strcmp(SEGMENT_NAMES[kind], c->segment) == 0,
              "%s: segment %s", c->input, c->segment);
    }
    if (c->upgraded != NULL) {
        mbasu_string *upgraded = NULL;
        mbasu_status status = mbasu_cert_no_upgrade(config, bytes(c->input), len32(c->input), &upgraded, NULL);
        CHECK(status == MBASU_STATUS_OK && string_is(upgraded, c->upgraded), "%s: upgraded", c->input);
    }
}

static void test_validation_vectors(void) {
    for (size_t i = 0; i < COUNT(VALIDATION_CASES); i++) {
        const struct validation_case *c = &VALIDATION_CASES[i];
        struct config_options options = {0};
        options.fixed_time = c->today_unix_millis;
        mbasu_config *config = make_config(&options);

        mbasu_validation *strict = validate_one(config, MBASU_MODE_STRICT, c->field, c->input);
        check_strict(c, strict);
        mbasu_validation_free(strict);

        mbasu_validation *normalized = validate_one(config, MBASU_MODE_NORMALIZE, c->field, c->input);
        check_normalized(c, normalized);
        mbasu_validation_free(normalized);

        check_extras(c, config);
        mbasu_config_free(config);
    }
    CHECK(COUNT(VALIDATION_CASES) == 17 + 20 + 19, "%zu validation cases", COUNT(VALIDATION_CASES));
}

static void test_cert_no_info(void) {
    struct config_options options = {0};
    options.fixed_time = ENVELOPE_TODAY_UNIX_MILLIS;
    mbasu_config *config = make_config(&options);
    const char *cert_no = ENCRYPT_CASES[1].input;
    mbasu_cert_no_info *info = NULL;

    CHECK(mbasu_cert_no_info_new(config, bytes(cert_no), len32(cert_no), &info, NULL) == MBASU_STATUS_OK, "info");
    int32_t year = 0, age = 0;
    uint32_t month = 0, day = 0;
    CHECK(mbasu_cert_no_info_birth_date(info, &year, &month, &day) == MBASU_STATUS_OK && year == 1949 && month == 12 &&
              day == 31,
          "birth date %d-%u-%u", year, month, day);
    CHECK(mbasu_cert_no_info_gender(info) == MBASU_GENDER_FEMALE, "gender");
    CHECK(mbasu_cert_no_info_age(info, &age) == MBASU_STATUS_OK && age == 76, "age %d", age);
    CHECK(mbasu_cert_no_info_age_on(info, 2000, 1, 1, &age) == MBASU_STATUS_OK && age == 50, "age on %d", age);
    CHECK(mbasu_cert_no_info_age_on(info, 2023, 2, 29, &age) == MBASU_STATUS_INVALID_DATE, "29 February 2023");
    const uint8_t *code = NULL, *name = NULL;
    uint32_t code_len = 0, name_len = 0;
    CHECK(mbasu_cert_no_info_province(info, MBASU_LANG_ZH, &code, &code_len, &name, &name_len) == MBASU_STATUS_OK &&
              text_is(code, code_len, "11") && text_is(name, name_len, "北京市"),
          "province");
    mbasu_cert_no_info_free(info);

    mbasu_error *error = NULL;
    CHECK(mbasu_cert_no_info_new(config, bytes("110105194912310021"), 18, &info, &error) ==
              MBASU_STATUS_CERT_NO_CHECK_DIGIT,
          "check digit");
    CHECK(mbasu_error_status(error) == MBASU_STATUS_CERT_NO_CHECK_DIGIT, "error status");
    mbasu_error_free(error);
    mbasu_config_free(config);
}

/* ---- encryption vectors ----------------------------------------------------------------- */

static int encrypts_to(const mbasu_config *config, uint32_t type, const char *input, const char *expected) {
    mbasu_string *out = NULL;
    mbasu_status status = mbasu_encrypt(config, type, bytes(input), len32(input), &out, NULL);
    if (status != MBASU_STATUS_OK) {
        fprintf(stderr, "encrypt %s: %s\n", input, status_name(status));
        return 0;
    }
    return string_is(out, expected);
}

static int decrypts_to(const mbasu_config *config, const char *ciphertext, const char *expected) {
    mbasu_string *out = NULL;
    mbasu_status status = mbasu_decrypt(config, bytes(ciphertext), len32(ciphertext), &out, NULL);
    return status == MBASU_STATUS_OK && string_is(out, expected);
}

static void test_encrypt_vectors(void) {
    uint8_t iv[8];
    CHECK(hex_decode(ENCRYPT_CBC_IV_HEX, iv, sizeof iv) == 8, "iv");

    struct config_options options = {0};
    options.key = ENCRYPT_KEY_BASE64;
    options.key_len = len32(ENCRYPT_KEY_BASE64);
    options.key_format = MBASU_KEY_FORMAT_BASE64;
    mbasu_config *ecb_base64 = make_config(&options);

    options.key = ENCRYPT_KEY_HEX;
    options.key_len = len32(ENCRYPT_KEY_HEX);
    options.key_format = MBASU_KEY_FORMAT_HEX;
    options.cipher_encoding = MBASU_CIPHER_ENCODING_HEX;
    mbasu_config *ecb_hex = make_config(&options);

    options.cipher_encoding = MBASU_CIPHER_ENCODING_BASE64;
    options.cipher_mode = MBASU_CIPHER_MODE_CBC;
    options.iv = iv;
    options.iv_len = 8;
    mbasu_config *cbc = make_config(&options);

    for (size_t i = 0; i < COUNT(ENCRYPT_CASES); i++) {
        const struct encrypt_case *c = &ENCRYPT_CASES[i];
        CHECK(encrypts_to(ecb_base64, MBASU_ENCRYPT_TYPE_PLAINTEXT, c->input, c->input), "%s plaintext", c->input);
        CHECK(encrypts_to(ecb_base64, MBASU_ENCRYPT_TYPE_MD5, c->input, c->md5), "%s md5", c->input);
        CHECK(encrypts_to(ecb_base64, MBASU_ENCRYPT_TYPE_SHA256, c->input, c->sha256), "%s sha256", c->input);
        CHECK(encrypts_to(ecb_base64, MBASU_ENCRYPT_TYPE_SM3, c->input, c->sm3), "%s sm3", c->input);
        CHECK(encrypts_to(ecb_base64, MBASU_ENCRYPT_TYPE_TRIPLE_DES, c->input, c->ecb_base64), "%s ecb", c->input);
        CHECK(encrypts_to(ecb_hex, MBASU_ENCRYPT_TYPE_TRIPLE_DES, c->input, c->ecb_hex), "%s ecb hex", c->input);
        CHECK(encrypts_to(cbc, MBASU_ENCRYPT_TYPE_TRIPLE_DES, c->input, c->cbc_base64), "%s cbc", c->input);
        CHECK(decrypts_to(ecb_base64, c->ecb_base64, c->input), "%s decrypt ecb", c->input);
        CHECK(decrypts_to(ecb_hex, c->ecb_hex, c->input), "%s decrypt ecb hex", c->input);
        CHECK(decrypts_to(cbc, c->cbc_base64, c->input), "%s decrypt cbc", c->input);
    }
    CHECK(COUNT(ENCRYPT_CASES) == 5, "%zu encrypt cases", COUNT(ENCRYPT_CASES));

    const uint8_t *code = NULL;
    uint32_t code_len = 0, type = 99;
    CHECK(mbasu_encrypt_type_code(ecb_base64, MBASU_ENCRYPT_TYPE_SM3, &code, &code_len) == MBASU_STATUS_OK &&
              text_is(code, code_len, "3"),
          "default SM3 code");
    CHECK(mbasu_encrypt_type_from_code(ecb_base64, bytes("4"), 1, &type, NULL) == MBASU_STATUS_OK &&
              type == MBASU_ENCRYPT_TYPE_TRIPLE_DES,
          "code 4");
    CHECK(mbasu_encrypt_type_from_code(ecb_base64, bytes("9"), 1, &type, NULL) == MBASU_STATUS_UNKNOWN_ENCRYPT_TYPE,
          "code 9");

    mbasu_config_free(ecb_base64);
    mbasu_config_free(ecb_hex);
    mbasu_config_free(cbc);
}

static void test_two_key(void) {
    uint8_t key[16];
    CHECK(hex_decode(TWO_KEY_HEX, key, sizeof key) == 16, "two-key hex");
    mbasu_config_builder *builder = NULL;
    mbasu_config_builder_new(&builder, NULL);
    mbasu_error *error = NULL;
    CHECK(mbasu_config_builder_set_triple_des_key(builder, key, 16, MBASU_KEY_FORMAT_RAW, &error) ==
              MBASU_STATUS_KEY_LENGTH,
          "a 16-byte key is not silently accepted");
    const uint8_t *message = NULL;
    uint32_t len = 0;
    CHECK(mbasu_error_message(error, MBASU_LANG_EN, &message, &len) == MBASU_STATUS_OK &&
              strstr((const char *)message, "K1K2K1") != NULL,
          "the message names the two-key form: %s", message ? (const char *)message : "");
    mbasu_error_free(error);
    mbasu_config_builder_free(builder);

    struct config_options options = {0};
    options.key = (const char *)key;
    options.key_len = 16;
    options.key_format = MBASU_KEY_FORMAT_RAW_TWO_KEY;
    mbasu_config *config = make_config(&options);
    CHECK(encrypts_to(config, MBASU_ENCRYPT_TYPE_TRIPLE_DES, TWO_KEY_INPUT, TWO_KEY_ECB_BASE64), "K1K2K1");
    mbasu_config_free(config);
}

static void test_interop_vectors(void) {
    uint8_t iv[8];
    CHECK(hex_decode(INTEROP_IV_HEX, iv, sizeof iv) == 8, "iv");
    mbasu_config *configs[4];
    for (int mode = 0; mode < 2; mode++) {
        for (int encoding = 0; encoding < 2; encoding++) {
            struct config_options options = {0};
            options.key = INTEROP_KEY_HEX;
            options.key_len = len32(INTEROP_KEY_HEX);
            options.key_format = MBASU_KEY_FORMAT_HEX;
            options.cipher_mode = (uint32_t)mode;
            options.iv = mode == MBASU_CIPHER_MODE_CBC ? iv : NULL;
            options.iv_len = mode == MBASU_CIPHER_MODE_CBC ? 8 : 0;
            options.cipher_encoding = (uint32_t)encoding;
            configs[mode * 2 + encoding] = make_config(&options);
        }
    }
    for (size_t i = 0; i < COUNT(INTEROP_CASES); i++) {
        const struct interop_case *c = &INTEROP_CASES[i];
        CHECK(encrypts_to(configs[0], MBASU_ENCRYPT_TYPE_MD5, c->text, c->md5), "%s md5", c->name);
        CHECK(encrypts_to(configs[0], MBASU_ENCRYPT_TYPE_SHA256, c->text, c->sha256), "%s sha256", c->name);
        CHECK(encrypts_to(configs[0], MBASU_ENCRYPT_TYPE_SM3, c->text, c->sm3), "%s sm3", c->name);
        CHECK(encrypts_to(configs[0], MBASU_ENCRYPT_TYPE_TRIPLE_DES, c->text, c->ecb_base64), "%s ecb b64", c->name);
        CHECK(encrypts_to(configs[1], MBASU_ENCRYPT_TYPE_TRIPLE_DES, c->text, c->ecb_hex), "%s ecb hex", c->name);
        CHECK(encrypts_to(configs[2], MBASU_ENCRYPT_TYPE_TRIPLE_DES, c->text, c->cbc_base64), "%s cbc b64", c->name);
        CHECK(encrypts_to(configs[3], MBASU_ENCRYPT_TYPE_TRIPLE_DES, c->text, c->cbc_hex), "%s cbc hex", c->name);
    }
    CHECK(COUNT(INTEROP_CASES) == 5, "%zu interop cases", COUNT(INTEROP_CASES));
    for (int i = 0; i < 4; i++) {
        mbasu_config_free(configs[i]);
    }
}

static void test_utf16(void) {
    /* 𠮷田 as UTF-16: a surrogate pair and one unit. */
    const uint16_t name[] = {0xD842, 0xDFB7, 0x7530};
    mbasu_string *utf8 = NULL;
    CHECK(mbasu_utf16_to_utf8(name, 3, &utf8, NULL) == MBASU_STATUS_OK && string_is(utf8, ENCRYPT_CASES[4].input),
          "surrogate pair");
    mbasu_error *error = NULL;
    utf8 = NULL;
    CHECK(mbasu_utf16_to_utf8(name, 1, &utf8, &error) == MBASU_STATUS_LONE_SURROGATE && utf8 == NULL,
          "lone surrogate");
    CHECK(mbasu_error_status(error) == MBASU_STATUS_LONE_SURROGATE, "error status");
    mbasu_error_free(error);
}

/* ---- envelopes -------------------------------------------------------------------------- */

/* The applicant of the envelope vectors, as their param objects spell it. */
static const char SPEC_MOBILE[] = "13800138000";
static const char SPEC_CERT_NO[] = "11010519491231002X";
static const char SPEC_NAME[] = "\345\274\240\344\270\211"; /* 张三 */

static mbasu_built_request *build_spec_request(const mbasu_config *config, uint32_t encrypt_type, uint32_t form,
                                               const char *request_ref_id) {
    mbasu_built_request *request = NULL;
    mbasu_status status = mbasu_build_request(
        config, MBASU_INTERFACE_MBASU001, bytes(SPEC_MOBILE), len32(SPEC_MOBILE), bytes(SPEC_CERT_NO),
        len32(SPEC_CERT_NO), bytes(SPEC_NAME), len32(SPEC_NAME), encrypt_type, bytes(request_ref_id),
        len32(request_ref_id), form, &request, NULL);
    CHECK(status == MBASU_STATUS_OK, "build request: %s", status_name(status));
    return request;
}

/* Whether `body` contains `"key":"value"`. */
static int has_member(const uint8_t *body, const char *key, const char *value) {
    size_t size = strlen(key) + strlen(value) + 8;
    char *member = malloc(size);
    snprintf(member, size, "\"%s\":\"%s\"", key, value);
    int found = strstr((const char *)body, member) != NULL;
    free(member);
    return found;
}

static void test_envelope_vectors(void) {
    mbasu_config *config = envelope_config();
    const uint8_t *text = NULL;
    uint32_t len = 0;

    mbasu_built_request *signed_request =
        build_spec_request(config, MBASU_NO_ENCRYPT_TYPE, MBASU_REQUEST_FORM_SIGNED, ENVELOPE_REQUEST_REF_ID);
    CHECK(mbasu_built_request_body(signed_request, &text, &len) == MBASU_STATUS_OK &&
              text_is(text, len, ENVELOPE_SIGNED_REQUEST),
          "signed request body: %s", text ? (const char *)text : "");
    CHECK(mbasu_built_request_path(signed_request, &text, &len) == MBASU_STATUS_OK && text_is(text, len, "/MBASU001"),
          "path");
    CHECK(mbasu_built_request_ref_id(signed_request, &text, &len) == MBASU_STATUS_OK &&
              text_is(text, len, ENVELOPE_REQUEST_REF_ID),
          "ref id");
    CHECK(mbasu_built_request_interface(signed_request) == MBASU_INTERFACE_MBASU001, "interface");

    mbasu_built_request *sealed_request =
        build_spec_request(config, MBASU_NO_ENCRYPT_TYPE, MBASU_REQUEST_FORM_SEALED, ENVELOPE_REQUEST_REF_ID);
    const uint8_t *sealed_body = NULL;
    uint32_t sealed_len = 0;
    CHECK(mbasu_built_request_body(sealed_request, &sealed_body, &sealed_len) == MBASU_STATUS_OK, "sealed body");
    CHECK(has_member(sealed_body, "request", ENVELOPE_SEALED_REQUEST_FIELD), "sealed request field");
    CHECK(has_member(sealed_body, "signature", ENVELOPE_SIGNATURE), "signature in the sealed head");

    /* The provider reads both forms back. */
    mbasu_parsed_request *parsed = NULL;
    CHECK(mbasu_parse_request(config, MBASU_INTERFACE_MBASU001, bytes(ENVELOPE_SIGNED_REQUEST),
                              len32(ENVELOPE_SIGNED_REQUEST), &parsed, NULL) == MBASU_STATUS_OK,
          "parse signed request");
    CHECK(mbasu_parsed_request_form(parsed) == MBASU_REQUEST_FORM_SIGNED, "form");
    CHECK(mbasu_parsed_request_encrypt_type(parsed) == MBASU_NO_ENCRYPT_TYPE, "no encryptType");
    CHECK(mbasu_parsed_request_ref_id(parsed, &text, &len) == MBASU_STATUS_OK &&
              text_is(text, len, ENVELOPE_REQUEST_REF_ID),
          "parsed ref id");
    CHECK(mbasu_parsed_request_secret_id(parsed, &text, &len) == MBASU_STATUS_OK &&
              text_is(text, len, ENVELOPE_SECRET_ID),
          "secret id");
    CHECK(mbasu_parsed_request_plaintext(parsed, MBASU_FIELD_NAME, &text, &len) == MBASU_STATUS_OK &&
              text_is(text, len, SPEC_NAME),
          "name plaintext");
    CHECK(mbasu_parsed_request_wire(parsed, MBASU_FIELD_CERT_NO, &text, &len) == MBASU_STATUS_OK &&
              text_is(text, len, SPEC_CERT_NO),
          "certNo wire");
    mbasu_parsed_request_free(parsed);

    parsed = NULL;
    CHECK(mbasu_parse_request(config, MBASU_INTERFACE_MBASU001, sealed_body, sealed_len, &parsed, NULL) ==
              MBASU_STATUS_OK,
          "parse sealed request");
    CHECK(mbasu_parsed_request_form(parsed) == MBASU_REQUEST_FORM_SEALED, "sealed form");
    CHECK(mbasu_parsed_request_plaintext(parsed, MBASU_FIELD_MOBILE, &text, &len) == MBASU_STATUS_OK &&
              text_is(text, len, SPEC_MOBILE),
          "mobile plaintext");
    mbasu_parsed_request_free(parsed);

    /* A sealed answer "0" carries the vector's sealed response field and reads back. */
    mbasu_built_response *response = NULL;
    CHECK(mbasu_build_response(config, MBASU_INTERFACE_MBASU001, bytes(ENVELOPE_REQUEST_REF_ID),
                               len32(ENVELOPE_REQUEST_REF_ID), bytes("0"), 1, 1, &response, NULL) == MBASU_STATUS_OK,
          "build sealed response");
    const uint8_t *response_body = NULL;
    uint32_t response_len = 0;
    CHECK(mbasu_built_response_body(response, &response_body, &response_len) == MBASU_STATUS_OK &&
              has_member(response_body, "response", ENVELOPE_SEALED_RESPONSE_FIELD),
          "sealed response field: %s", response_body ? (const char *)response_body : "");
    CHECK(mbasu_built_response_ref_id(response, &text, &len) == MBASU_STATUS_OK && len > 2 && memcmp(text, "TR", 2) == 0,
          "responseRefId prefix");
    mbasu_interpretation *interpretation = NULL;
    CHECK(mbasu_parse_response(config, MBASU_INTERFACE_MBASU001, response_body, response_len,
                               bytes(ENVELOPE_REQUEST_REF_ID), len32(ENVELOPE_REQUEST_REF_ID), &interpretation,
                               NULL) == MBASU_STATUS_OK,
          "parse sealed response");
    CHECK(mbasu_interpretation_value(interpretation, &text, &len) == MBASU_STATUS_OK && text_is(text, len, "0"),
          "sealed value");
    mbasu_interpretation_free(interpretation);
    mbasu_built_response_free(response);

    /* A failure response carries the provider's code and reads back as a provider error. */
    response = NULL;
    CHECK(mbasu_build_failure_response(config, MBASU_INTERFACE_MBASU001, bytes(ENVELOPE_REQUEST_REF_ID),
                                       len32(ENVELOPE_REQUEST_REF_ID), bytes("1001"), 4, bytes("bad signature"), 13,
                                       &response, NULL) == MBASU_STATUS_OK,
          "failure response");
    CHECK(mbasu_built_response_body(response, &response_body, &response_len) == MBASU_STATUS_OK, "failure body");
    mbasu_error *error = NULL;
    interpretation = NULL;
    CHECK(mbasu_parse_response(config, MBASU_INTERFACE_MBASU001, response_body, response_len, NULL, 0,
                               &interpretation, &error) == MBASU_STATUS_PROVIDER_ERROR &&
              interpretation == NULL,
          "provider error");
    const uint8_t *code = NULL, *message = NULL;
    uint32_t code_len = 0, message_len = 0;
    CHECK(mbasu_error_provider_failure(error, &code, &code_len, &message, &message_len) == MBASU_STATUS_OK &&
              text_is(code, code_len, "1001") && text_is(message, message_len, "bad signature"),
          "provider failure");
    mbasu_error_free(error);
    mbasu_built_response_free(response);

    mbasu_built_request_free(signed_request);
    mbasu_built_request_free(sealed_request);
    mbasu_config_free(config);
}

static void test_build_request_sm3(void) {
    mbasu_config *config = envelope_config();
    mbasu_built_request *request =
        build_spec_request(config, MBASU_ENCRYPT_TYPE_SM3, MBASU_REQUEST_FORM_STANDARD, ENVELOPE_REQUEST_REF_ID);
    const uint8_t *body = NULL;
    uint32_t len = 0;
    CHECK(mbasu_built_request_body(request, &body, &len) == MBASU_STATUS_OK, "body");
    CHECK(has_member(body, "mobile", ENCRYPT_CASES[0].sm3), "mobile SM3");
    CHECK(has_member(body, "certNo", ENCRYPT_CASES[1].sm3), "certNo SM3");
    CHECK(has_member(body, "name", ENCRYPT_CASES[2].sm3), "name SM3");
    CHECK(has_member(body, "encryptType", "3"), "encryptType code");
    mbasu_built_request_free(request);

    /* MBASU004 takes no encryptType, and no name. */
    mbasu_error *error = NULL;
    request = NULL;
    CHECK(mbasu_build_request(config, MBASU_INTERFACE_MBASU004, bytes(SPEC_MOBILE), len32(SPEC_MOBILE),
                              bytes(SPEC_CERT_NO), len32(SPEC_CERT_NO), NULL, 0, MBASU_ENCRYPT_TYPE_SM3, NULL, 0,
                              MBASU_REQUEST_FORM_STANDARD, &request, &error) == MBASU_STATUS_ENCRYPT_TYPE_NOT_ALLOWED &&
              request == NULL,
          "MBASU004 with an encryptType");
    mbasu_error_free(error);

    /* A generated requestRefId: prefix, 15 timestamp digits and 6 random digits. */
    CHECK(mbasu_build_request(config, MBASU_INTERFACE_MBASU004, bytes(SPEC_MOBILE), len32(SPEC_MOBILE),
                              bytes(SPEC_CERT_NO), len32(SPEC_CERT_NO), NULL, 0, MBASU_NO_ENCRYPT_TYPE, NULL, 0,
                              MBASU_REQUEST_FORM_STANDARD, &request, NULL) == MBASU_STATUS_OK,
          "MBASU004");
    const uint8_t *ref = NULL;
    CHECK(mbasu_built_request_ref_id(request, &ref, &len) == MBASU_STATUS_OK && len == 5 + 15 + 6 &&
              memcmp(ref, "xwdb_261204", 11) == 0,
          "generated ref id %s", ref ? (const char *)ref : "");
    mbasu_built_request_free(request);

    /* Invalid fields: the first error's code, every error in the message. */
    error = NULL;
    CHECK(mbasu_build_request(config, MBASU_INTERFACE_MBASU001, bytes("12345678901"), 11, bytes(SPEC_CERT_NO),
                              len32(SPEC_CERT_NO), bytes(SPEC_NAME), len32(SPEC_NAME), MBASU_ENCRYPT_TYPE_SM3, NULL, 0,
                              MBASU_REQUEST_FORM_STANDARD, &request, &error) == MBASU_STATUS_MOBILE_FORMAT,
          "invalid mobile");
    mbasu_error_free(error);
    mbasu_config_free(config);
}

/* ---- responses -------------------------------------------------------------------------- */

static const char *CATEGORY_NAMES[] = {"answered", "no_data", "query_error"};
static const char *LINE_STATUS_NAMES[] = {"in_use", "suspended", "unusable", "cancelled"};

static void check_answer(const struct response_case *c, const mbasu_interpretation *interpretation) {
    const uint8_t *text = NULL;
    uint32_t len = 0;
    uint32_t category = mbasu_interpretation_category(interpretation);

    CHECK(mbasu_interpretation_value(interpretation, &text, &len) == MBASU_STATUS_OK && text_is(text, len, c->value),
          "%s value %s", c->interface, c->value);
    CHECK(category < COUNT(CATEGORY_NAMES) && strcmp(CATEGORY_NAMES[category], c->category) == 0, "%s %s category",
          c->interface, c->value);
    CHECK(mbasu_interpretation_is_retryable(interpretation) == (strcmp(c->category, "query_error") == 0),
          "retryable");
    CHECK(mbasu_interpretation_label(interpretation, MBASU_LANG_ZH, &text, &len) == MBASU_STATUS_OK && len > 0,
          "label");
    if (c->name_matches >= 0) {
        uint32_t name = 9, cert_no = 9;
        CHECK(mbasu_interpretation_match(interpretation, &name, &cert_no) == MBASU_STATUS_OK &&
                  name == (uint32_t)c->name_matches && cert_no == (uint32_t)c->cert_no_matches,
              "%s match detail", c->value);
    }
    if (c->months_above >= 0) {
        uint32_t above = 99, at_most = 99;
        uint32_t expected = c->months_at_most == -1 ? MBASU_MONTHS_UNBOUNDED : (uint32_t)c->months_at_most;
        CHECK(mbasu_interpretation_in_net_period(interpretation, &above, &at_most) == MBASU_STATUS_OK &&
                  above == (uint32_t)c->months_above && at_most == expected,
              "%s period", c->value);
    }
    if (c->line_status != NULL) {
        uint32_t status = 99, usable = 99;
        CHECK(mbasu_interpretation_line_status(interpretation, &status, &usable) == MBASU_STATUS_OK &&
                  status < COUNT(LINE_STATUS_NAMES) && strcmp(LINE_STATUS_NAMES[status], c->line_status) == 0,
              "%s line status", c->value);
    }
    /* The head's texts in mbasu_head_field order; text_is also checks the NUL after each. */
    const char *head_texts[] = {c->head_request_ref, c->head_response_ref, c->head_msg};
    for (uint32_t field = 0; field < COUNT(head_texts); field++) {
        mbasu_status head_status = mbasu_interpretation_head(interpretation, field, &text, &len);
        if (head_texts[field] == NULL) {
            CHECK(head_status == MBASU_STATUS_MISSING_FIELD, "%s head field %u missing", c->value, field);
        } else {
            CHECK(head_status == MBASU_STATUS_OK, "%s head field %u", c->value, field);
            CHECK(head_status == MBASU_STATUS_OK && text_is(text, len, head_texts[field]), "%s head field %u text",
                  c->value, field);
        }
    }
    CHECK(mbasu_interpretation_head(interpretation, 3, &text, &len) == MBASU_STATUS_INVALID_ARGUMENT,
          "head field 3 is invalid");

    uint32_t warnings = mbasu_interpretation_warning_count(interpretation);
    if (c->warning != NULL) {
        uint32_t code = 0;
        CHECK(warnings == 1 && mbasu_interpretation_warning(interpretation, 0, &code) == MBASU_STATUS_OK &&
                  strcmp(status_name(code), c->warning) == 0,
              "warning %s", c->warning);
        CHECK(mbasu_interpretation_warning_message(interpretation, 0, MBASU_LANG_EN, &text, &len) == MBASU_STATUS_OK &&
                  len > 0,
              "warning message");
    } else {
        CHECK(warnings == 0, "%s %s: no warning", c->interface, c->value);
    }
}

static void test_response_vectors(void) {
    mbasu_config *config = envelope_config();
    for (size_t i = 0; i < COUNT(RESPONSE_CASES); i++) {
        const struct response_case *c = &RESPONSE_CASES[i];
        uint32_t interface = 99;
        CHECK(mbasu_interface_from_code(bytes(c->interface), len32(c->interface), &interface, NULL) == MBASU_STATUS_OK,
              "interface %s", c->interface);
        const uint8_t *expected = c->expected_request_ref ? bytes(c->expected_request_ref) : NULL;
        uint32_t expected_len = c->expected_request_ref ? len32(c->expected_request_ref) : 0;
        mbasu_interpretation *interpretation = NULL;
        mbasu_error *error = NULL;
        mbasu_status status = mbasu_parse_response(config, interface, bytes(c->body), len32(c->body), expected,
                                                   expected_len, &interpretation, &error);
        if (c->error != NULL) {
            CHECK(strcmp(status_name(status), c->error) == 0 && interpretation == NULL, "case %zu: %s, expected %s", i,
                  status_name(status), c->error);
            CHECK(error != NULL && mbasu_error_status(error) == status, "case %zu: error detail", i);
            if (c->response_code != NULL) {
                const uint8_t *code = NULL, *message = NULL;
                uint32_t code_len = 0, message_len = 0;
                CHECK(mbasu_error_provider_failure(error, &code, &code_len, &message, &message_len) ==
                              MBASU_STATUS_OK &&
                          text_is(code, code_len, c->response_code) && text_is(message, message_len, c->response_msg),
                      "case %zu: provider failure", i);
            }
        } else {
            CHECK(status == MBASU_STATUS_OK && error == NULL, "case %zu: %s", i, status_name(status));
            if (status == MBASU_STATUS_OK) {
                check_answer(c, interpretation);
            }
        }
        mbasu_error_free(error);
        mbasu_interpretation_free(interpretation);
    }
    CHECK(COUNT(RESPONSE_CASES) == 29, "%zu response cases", COUNT(RESPONSE_CASES));
    mbasu_config_free(config);
}

/* The interpretation keeps up to 128 bytes of head text inline and moves a longer head to the
 * heap. Its texts, value and labels must read the same either way. */
static void test_long_head(void) {
    mbasu_config *config = envelope_config();
    char message[201];
    memset(message, 'm', sizeof message - 1);
    message[sizeof message - 1] = '\0';
    char body[512];
    int body_len = snprintf(body, sizeof body,
                            "{\"head\":{\"result\":\"Y\",\"responseRefId\":\"TR1\",\"requestRefId\":\"xwdb_1\","
                            "\"responseCode\":\"0000\",\"responseMsg\":\"%s\"},\"response\":{\"isIdNameMatch\":\"1\"}}",
                            message);
    CHECK(body_len > 0, "long head body is formatted");
    CHECK((size_t)body_len < sizeof body, "long head body fits");

    mbasu_interpretation *interpretation = NULL;
    mbasu_status status = mbasu_parse_response(config, MBASU_INTERFACE_MBASU001, bytes(body), (uint32_t)body_len,
                                               NULL, 0, &interpretation, NULL);
    CHECK(status == MBASU_STATUS_OK, "long head: %s", status_name(status));
    const uint8_t *text = NULL;
    uint32_t len = 0;
    CHECK(mbasu_interpretation_head(interpretation, MBASU_HEAD_FIELD_RESPONSE_MSG, &text, &len) == MBASU_STATUS_OK,
          "long head message");
    CHECK(text_is(text, len, message), "long head message text");
    CHECK(mbasu_interpretation_head(interpretation, MBASU_HEAD_FIELD_REQUEST_REF_ID, &text, &len) == MBASU_STATUS_OK,
          "long head requestRefId");
    CHECK(text_is(text, len, "xwdb_1"), "long head requestRefId text");
    CHECK(mbasu_interpretation_head(interpretation, MBASU_HEAD_FIELD_RESPONSE_REF_ID, &text, &len) == MBASU_STATUS_OK,
          "long head responseRefId");
    CHECK(text_is(text, len, "TR1"), "long head responseRefId text");
    CHECK(mbasu_interpretation_value(interpretation, &text, &len) == MBASU_STATUS_OK, "long head value");
    CHECK(text_is(text, len, "1"), "long head value text");
    CHECK(mbasu_interpretation_label(interpretation, MBASU_LANG_EN, &text, &len) == MBASU_STATUS_OK, "label en");
    CHECK(len > 0, "label en is not empty");
    CHECK(text[len] == '\0', "label en is NUL-terminated");
    mbasu_interpretation_free(interpretation);
    mbasu_config_free(config);
}

static void test_interpret_http(void) {
    mbasu_config *config = envelope_config();
    const struct response_case *answer = &RESPONSE_CASES[0];
    const char *html = "<html>502 Bad Gateway</html>";
    mbasu_http_outcome *outcome = NULL;

    CHECK(mbasu_interpret_http(config, MBASU_INTERFACE_MBASU001, 200, bytes(answer->body), len32(answer->body), NULL,
                               0, &outcome, NULL) == MBASU_STATUS_OK,
          "answered");
    CHECK(mbasu_http_outcome_kind(outcome) == MBASU_HTTP_KIND_ANSWERED, "answered kind");
    CHECK(mbasu_http_outcome_interpretation(outcome) != NULL && mbasu_http_outcome_error(outcome) == NULL,
          "answered handles");
    const uint8_t *text = NULL;
    uint32_t len = 0;
    CHECK(mbasu_interpretation_value(mbasu_http_outcome_interpretation(outcome), &text, &len) == MBASU_STATUS_OK &&
              text_is(text, len, answer->value),
          "answered value");
    mbasu_http_outcome_free(outcome);

    outcome = NULL;
    CHECK(mbasu_interpret_http(config, MBASU_INTERFACE_MBASU004, 502, bytes(html), len32(html), NULL, 0, &outcome,
                               NULL) == MBASU_STATUS_OK,
          "transport failure");
    CHECK(mbasu_http_outcome_kind(outcome) == MBASU_HTTP_KIND_TRANSPORT_FAILURE, "transport kind");
    CHECK(mbasu_http_outcome_is_retryable(outcome) == 1, "502 is retryable");
    CHECK(mbasu_http_outcome_interpretation(outcome) == NULL && mbasu_http_outcome_error(outcome) != NULL,
          "transport handles");
    mbasu_http_outcome_free(outcome);

    outcome = NULL;
    CHECK(mbasu_interpret_http(config, MBASU_INTERFACE_MBASU004, 200, bytes(html), len32(html), NULL, 0, &outcome,
                               NULL) == MBASU_STATUS_OK &&
              mbasu_http_outcome_kind(outcome) == MBASU_HTTP_KIND_INVALID_RESPONSE,
          "invalid response");
    mbasu_http_outcome_free(outcome);

    CHECK(mbasu_interpret_http(config, MBASU_INTERFACE_MBASU004, 1000, bytes(html), len32(html), NULL, 0, &outcome,
                               NULL) == MBASU_STATUS_INVALID_ARGUMENT,
          "status 1000");
    mbasu_config_free(config);
}

static void test_conformance(void) {
    mbasu_config *config = envelope_config();
    const struct response_case *answer = &RESPONSE_CASES[0];
    mbasu_findings *findings = NULL;

    CHECK(mbasu_check_response(config, MBASU_INTERFACE_MBASU001, bytes(answer->body), len32(answer->body), 200, NULL, 0,
                               &findings, NULL) == MBASU_STATUS_OK,
          "check the spec sample");
    for (uint32_t i = 0; i < mbasu_findings_count(findings); i++) {
        uint32_t code = 0, severity = 0;
        CHECK(mbasu_findings_get(findings, i, &code, &severity) == MBASU_STATUS_OK &&
                  severity == MBASU_SEVERITY_WARNING,
              "the spec sample has no error finding (%s)", status_name(code));
    }
    mbasu_findings_free(findings);

    const char *html = "<html>502 Bad Gateway</html>";
    findings = NULL;
    CHECK(mbasu_check_response(config, MBASU_INTERFACE_MBASU004, bytes(html), len32(html), 502, NULL, 0, &findings,
                               NULL) == MBASU_STATUS_OK,
          "check HTML");
    uint32_t count = mbasu_findings_count(findings);
    CHECK(count >= 1, "HTML has findings");
    uint32_t code = 0, severity = 9;
    const uint8_t *text = NULL;
    uint32_t len = 0;
    CHECK(mbasu_findings_get(findings, 0, &code, &severity) == MBASU_STATUS_OK &&
              code == MBASU_STATUS_MALFORMED_JSON && severity == MBASU_SEVERITY_ERROR,
          "first finding %s", status_name(code));
    CHECK(mbasu_findings_path(findings, 0, &text, &len) == MBASU_STATUS_OK, "path");
    CHECK(mbasu_findings_message(findings, 0, MBASU_LANG_ZH, &text, &len) == MBASU_STATUS_OK && len > 0, "message");
    CHECK(mbasu_findings_get(findings, count, &code, &severity) == MBASU_STATUS_INVALID_ARGUMENT, "index past the end");
    mbasu_findings_free(findings);
    mbasu_config_free(config);
}

/* ---- argument errors -------------------------------------------------------------------- */

#define EXPECT(expected, call)                                                                   \
    do {                                                                                         \
        uint32_t returned_ = (call);                                                             \
        CHECK(returned_ == (uint32_t)(expected), "%s returned %s", #call, status_name(returned_)); \
    } while (0)

static void test_null_arguments(void) {
    mbasu_config *config = envelope_config();
    mbasu_config_builder *builder = NULL;
    mbasu_config_builder_new(&builder, NULL);
    const uint8_t *text = NULL;
    uint32_t len = 0, number = 0;
    int32_t signed_number = 0;
    uint64_t random_values[] = {1};
    mbasu_config *config_out = NULL;
    mbasu_string *string = NULL;
    mbasu_validation *validation = NULL;
    mbasu_cert_no_info *info = NULL;
    mbasu_built_request *request = NULL;
    mbasu_interpretation *interpretation = NULL;
    mbasu_http_outcome *outcome = NULL;
    mbasu_parsed_request *parsed = NULL;
    mbasu_built_response *response = NULL;
    mbasu_findings *findings = NULL;
    const uint8_t *body = bytes(RESPONSE_CASES[0].body);
    uint32_t body_len = len32(RESPONSE_CASES[0].body);
    const uint8_t *ref = bytes(ENVELOPE_REQUEST_REF_ID);
    uint32_t ref_len = len32(ENVELOPE_REQUEST_REF_ID);
    const uint16_t units[] = {0x5F20};
    const uint8_t *m = bytes(SPEC_MOBILE), *c = bytes(SPEC_CERT_NO), *n = bytes(SPEC_NAME);
    uint32_t ml = len32(SPEC_MOBILE), cl = len32(SPEC_CERT_NO), nl = len32(SPEC_NAME);
    const uint32_t NP = MBASU_STATUS_NULL_POINTER;

    /* Configuration. */
    EXPECT(NP, mbasu_config_builder_new(NULL, NULL));
    EXPECT(NP, mbasu_config_builder_set_encrypt_type_code(NULL, 0, bytes("0"), 1, NULL));
    EXPECT(NP, mbasu_config_builder_set_encrypt_type_code(builder, 0, NULL, 1, NULL));
    EXPECT(NP, mbasu_config_builder_set_encrypt_type_code(builder, 0, NULL, 0, NULL));
    EXPECT(NP, mbasu_config_builder_set_triple_des_key(NULL, bytes("k"), 1, MBASU_KEY_FORMAT_RAW, NULL));
    EXPECT(NP, mbasu_config_builder_set_triple_des_key(builder, NULL, 24, MBASU_KEY_FORMAT_RAW, NULL));
    EXPECT(NP, mbasu_config_builder_set_cipher_mode(NULL, MBASU_CIPHER_MODE_ECB, NULL, 0, NULL));
    EXPECT(NP, mbasu_config_builder_set_cipher_mode(builder, MBASU_CIPHER_MODE_CBC, NULL, 8, NULL));
    EXPECT(NP, mbasu_config_builder_set_cipher_encoding(NULL, MBASU_CIPHER_ENCODING_HEX, NULL));
    EXPECT(NP, mbasu_config_builder_set_hash_options(NULL, MBASU_HEX_CASE_LOWER, 0, NULL));
    EXPECT(NP, mbasu_config_builder_set_credentials(NULL, bytes("a"), 1, bytes("AQID"), 4, NULL));
    EXPECT(NP, mbasu_config_builder_set_credentials(builder, NULL, 1, bytes("AQID"), 4, NULL));
    EXPECT(NP, mbasu_config_builder_set_credentials(builder, bytes("a"), 1, NULL, 4, NULL));
    EXPECT(NP, mbasu_config_builder_set_request_ref_id_prefix(NULL, bytes("p_"), 2, NULL));
    EXPECT(NP, mbasu_config_builder_set_request_ref_id_prefix(builder, NULL, 2, NULL));
    EXPECT(NP, mbasu_config_builder_set_response_ref_id_prefix(NULL, bytes("p_"), 2, NULL));
    EXPECT(NP, mbasu_config_builder_set_response_ref_id_prefix(builder, NULL, 2, NULL));
    EXPECT(NP, mbasu_config_builder_set_max_body_bytes(NULL, 10, NULL));
    EXPECT(NP, mbasu_config_builder_set_validation_mode(NULL, MBASU_MODE_STRICT, NULL));
    EXPECT(NP, mbasu_config_builder_set_random_sequence(NULL, random_values, 1, NULL));
    EXPECT(NP, mbasu_config_builder_set_random_sequence(builder, NULL, 1, NULL));
    EXPECT(NP, mbasu_config_builder_set_fixed_time(NULL, 0, NULL));
    EXPECT(NP, mbasu_config_builder_set_min_birth_year(NULL, 1900, NULL));
    EXPECT(NP, mbasu_config_builder_build(NULL, &config_out, NULL));
    EXPECT(NP, mbasu_config_builder_build(builder, NULL, NULL));

    /* Status and error lookups. */
    EXPECT(NP, mbasu_status_name(0, &text, NULL));
    EXPECT(NP, mbasu_status_message(0, MBASU_LANG_EN, NULL, &len));
    EXPECT(NP, mbasu_error_status(NULL));
    EXPECT(NP, mbasu_error_message(NULL, MBASU_LANG_EN, &text, &len));
    EXPECT(NP, mbasu_error_provider_failure(NULL, &text, &len, &text, &len));
    CHECK(mbasu_string_data(NULL) == NULL && mbasu_string_len(NULL) == 0, "NULL string");
    EXPECT(NP, mbasu_string_copy(NULL, (uint8_t *)&number, 4, &len));

    /* Validation and encryption. */
    EXPECT(NP, mbasu_validate_applicant(NULL, MBASU_MODE_STRICT, m, ml, NULL, 0, NULL, 0, &validation, NULL));
    EXPECT(NP, mbasu_validate_applicant(config, MBASU_MODE_STRICT, m, ml, NULL, 0, NULL, 0, NULL, NULL));
    EXPECT(NP, mbasu_validate_applicant(config, MBASU_MODE_STRICT, NULL, ml, NULL, 0, NULL, 0, &validation, NULL));
    EXPECT(NP, mbasu_validate_applicant(config, MBASU_MODE_STRICT, m, ml, NULL, 5, NULL, 0, &validation, NULL));
    EXPECT(NP, mbasu_validate_applicant(config, MBASU_MODE_STRICT, m, ml, NULL, 0, NULL, 2, &validation, NULL));
    CHECK(mbasu_validation_is_valid(NULL) == 0 && mbasu_validation_problem_count(NULL) == 0 &&
              mbasu_validation_change_count(NULL) == 0,
          "NULL validation");
    EXPECT(NP, mbasu_validation_problem(NULL, 0, &number, &number, &number));
    EXPECT(NP, mbasu_validation_problem_name(NULL, 0, &text, &len));
    EXPECT(NP, mbasu_validation_problem_message(NULL, 0, MBASU_LANG_EN, &text, &len));
    EXPECT(NP, mbasu_validation_change(NULL, 0, &number, &number));
    EXPECT(NP, mbasu_validation_change_name(NULL, 0, &text, &len));
    EXPECT(NP, mbasu_validation_change_message(NULL, 0, MBASU_LANG_EN, &text, &len));
    EXPECT(NP, mbasu_validation_value(NULL, MBASU_FIELD_MOBILE, &text, &len));
    EXPECT(NP, mbasu_encrypt(NULL, MBASU_ENCRYPT_TYPE_SM3, m, ml, &string, NULL));
    EXPECT(NP, mbasu_encrypt(config, MBASU_ENCRYPT_TYPE_SM3, NULL, ml, &string, NULL));
    EXPECT(NP, mbasu_encrypt(config, MBASU_ENCRYPT_TYPE_SM3, m, ml, NULL, NULL));
    EXPECT(NP, mbasu_decrypt(NULL, m, ml, &string, NULL));
    EXPECT(NP, mbasu_decrypt(config, NULL, ml, &string, NULL));
    EXPECT(NP, mbasu_encrypt_type_code(NULL, MBASU_ENCRYPT_TYPE_SM3, &text, &len));
    EXPECT(NP, mbasu_encrypt_type_code(config, MBASU_ENCRYPT_TYPE_SM3, NULL, &len));
    EXPECT(NP, mbasu_encrypt_type_from_code(NULL, bytes("3"), 1, &number, NULL));
    EXPECT(NP, mbasu_encrypt_type_from_code(config, NULL, 1, &number, NULL));
    EXPECT(NP, mbasu_encrypt_type_from_code(config, bytes("3"), 1, NULL, NULL));
    EXPECT(NP, mbasu_cert_no_info_new(NULL, c, cl, &info, NULL));
    EXPECT(NP, mbasu_cert_no_info_new(config, NULL, cl, &info, NULL));
    EXPECT(NP, mbasu_cert_no_info_new(config, c, cl, NULL, NULL));
    EXPECT(NP, mbasu_cert_no_info_birth_date(NULL, &signed_number, &number, &number));
    EXPECT(NP, mbasu_cert_no_info_age(NULL, &signed_number));
    EXPECT(NP, mbasu_cert_no_info_age_on(NULL, 2000, 1, 1, &signed_number));
    EXPECT(NP, mbasu_cert_no_info_province(NULL, MBASU_LANG_ZH, &text, &len, &text, &len));
    CHECK(mbasu_cert_no_info_outside_mainland(NULL) == 0, "NULL info");
    EXPECT(NP, mbasu_cert_no_upgrade(NULL, c, 15, &string, NULL));
    EXPECT(NP, mbasu_cert_no_upgrade(config, NULL, 15, &string, NULL));
    EXPECT(NP, mbasu_cert_no_upgrade(config, c, 15, NULL, NULL));
    EXPECT(NP, mbasu_mobile_segment(NULL, ml, &number, &number, NULL));
    EXPECT(NP, mbasu_mobile_segment(m, ml, NULL, &number, NULL));
    EXPECT(NP, mbasu_mobile_segment(m, ml, &number, NULL, NULL));
    EXPECT(NP, mbasu_utf16_to_utf8(NULL, 1, &string, NULL));
    EXPECT(NP, mbasu_utf16_to_utf8(units, 1, NULL, NULL));

    /* Envelopes. */
    EXPECT(NP, mbasu_interface_from_code(NULL, 8, &number, NULL));
    EXPECT(NP, mbasu_interface_from_code(bytes("MBASU001"), 8, NULL, NULL));
    EXPECT(NP, mbasu_build_request(NULL, 0, m, ml, c, cl, n, nl, MBASU_NO_ENCRYPT_TYPE, NULL, 0, 0, &request, NULL));
    EXPECT(NP, mbasu_build_request(config, 0, NULL, ml, c, cl, n, nl, MBASU_NO_ENCRYPT_TYPE, NULL, 0, 0, &request, NULL));
    EXPECT(NP, mbasu_build_request(config, 0, m, ml, NULL, cl, n, nl, MBASU_NO_ENCRYPT_TYPE, NULL, 0, 0, &request, NULL));
    EXPECT(NP, mbasu_build_request(config, 0, m, ml, c, cl, NULL, nl, MBASU_NO_ENCRYPT_TYPE, NULL, 0, 0, &request, NULL));
    EXPECT(NP, mbasu_build_request(config, 0, m, ml, c, cl, n, nl, MBASU_NO_ENCRYPT_TYPE, NULL, 4, 0, &request, NULL));
    EXPECT(NP, mbasu_build_request(config, 0, m, ml, c, cl, n, nl, MBASU_NO_ENCRYPT_TYPE, NULL, 0, 0, NULL, NULL));
    CHECK(mbasu_built_request_interface(NULL) == 0, "NULL request");
    EXPECT(NP, mbasu_built_request_body(NULL, &text, &len));
    EXPECT(NP, mbasu_built_request_path(NULL, &text, &len));
    EXPECT(NP, mbasu_built_request_ref_id(NULL, &text, &len));
    EXPECT(NP, mbasu_parse_response(NULL, 0, body, body_len, NULL, 0, &interpretation, NULL));
    EXPECT(NP, mbasu_parse_response(config, 0, NULL, body_len, NULL, 0, &interpretation, NULL));
    EXPECT(NP, mbasu_parse_response(config, 0, body, body_len, NULL, 3, &interpretation, NULL));
    EXPECT(NP, mbasu_parse_response(config, 0, body, body_len, NULL, 0, NULL, NULL));
    CHECK(mbasu_interpretation_interface(NULL) == 0 && mbasu_interpretation_is_retryable(NULL) == 0 &&
              mbasu_interpretation_warning_count(NULL) == 0 &&
              mbasu_interpretation_category(NULL) == MBASU_CATEGORY_QUERY_ERROR &&
              mbasu_interpretation_outcome(NULL) == MBASU_OUTCOME_QUERY_ERROR,
          "NULL interpretation");
    EXPECT(NP, mbasu_interpretation_value(NULL, &text, &len));
    EXPECT(NP, mbasu_interpretation_label(NULL, MBASU_LANG_EN, &text, &len));
    EXPECT(NP, mbasu_interpretation_match(NULL, &number, &number));
    EXPECT(NP, mbasu_interpretation_in_net_period(NULL, &number, &number));
    EXPECT(NP, mbasu_interpretation_line_status(NULL, &number, &number));
    EXPECT(NP, mbasu_interpretation_head(NULL, MBASU_HEAD_FIELD_RESPONSE_MSG, &text, &len));
    EXPECT(NP, mbasu_interpretation_warning(NULL, 0, &number));
    EXPECT(NP, mbasu_interpretation_warning_message(NULL, 0, MBASU_LANG_EN, &text, &len));
    EXPECT(NP, mbasu_interpret_http(NULL, 0, 200, body, body_len, NULL, 0, &outcome, NULL));
    EXPECT(NP, mbasu_interpret_http(config, 0, 200, NULL, body_len, NULL, 0, &outcome, NULL));
    EXPECT(NP, mbasu_interpret_http(config, 0, 200, body, body_len, NULL, 0, NULL, NULL));
    CHECK(mbasu_http_outcome_kind(NULL) == MBASU_HTTP_KIND_INVALID_RESPONSE &&
              mbasu_http_outcome_is_retryable(NULL) == 0 && mbasu_http_outcome_interpretation(NULL) == NULL &&
              mbasu_http_outcome_error(NULL) == NULL,
          "NULL outcome");

    /* Provider side. */
    EXPECT(NP, mbasu_parse_request(NULL, 0, bytes(ENVELOPE_SIGNED_REQUEST), 10, &parsed, NULL));
    EXPECT(NP, mbasu_parse_request(config, 0, NULL, 10, &parsed, NULL));
    EXPECT(NP, mbasu_parse_request(config, 0, bytes(ENVELOPE_SIGNED_REQUEST), 10, NULL, NULL));
    CHECK(mbasu_parsed_request_interface(NULL) == 0 && mbasu_parsed_request_form(NULL) == 0 &&
              mbasu_parsed_request_encrypt_type(NULL) == MBASU_NO_ENCRYPT_TYPE,
          "NULL parsed request");
    EXPECT(NP, mbasu_parsed_request_ref_id(NULL, &text, &len));
    EXPECT(NP, mbasu_parsed_request_secret_id(NULL, &text, &len));
    EXPECT(NP, mbasu_parsed_request_wire(NULL, MBASU_FIELD_MOBILE, &text, &len));
    EXPECT(NP, mbasu_parsed_request_plaintext(NULL, MBASU_FIELD_MOBILE, &text, &len));
    EXPECT(NP, mbasu_build_response(NULL, 0, ref, ref_len, bytes("0"), 1, 0, &response, NULL));
    EXPECT(NP, mbasu_build_response(config, 0, NULL, ref_len, bytes("0"), 1, 0, &response, NULL));
    EXPECT(NP, mbasu_build_response(config, 0, ref, ref_len, NULL, 1, 0, &response, NULL));
    EXPECT(NP, mbasu_build_response(config, 0, ref, ref_len, bytes("0"), 1, 0, NULL, NULL));
    EXPECT(NP, mbasu_build_failure_response(config, 0, ref, ref_len, NULL, 4, bytes("m"), 1, &response, NULL));
    EXPECT(NP, mbasu_build_failure_response(config, 0, ref, ref_len, bytes("1001"), 4, NULL, 1, &response, NULL));
    EXPECT(NP, mbasu_built_response_body(NULL, &text, &len));
    EXPECT(NP, mbasu_built_response_ref_id(NULL, &text, &len));
    EXPECT(NP, mbasu_check_response(NULL, 0, body, body_len, 200, NULL, 0, &findings, NULL));
    EXPECT(NP, mbasu_check_response(config, 0, NULL, body_len, 200, NULL, 0, &findings, NULL));
    EXPECT(NP, mbasu_check_response(config, 0, body, body_len, 200, NULL, 5, &findings, NULL));
    EXPECT(NP, mbasu_check_response(config, 0, body, body_len, 200, NULL, 0, NULL, NULL));
    CHECK(mbasu_findings_count(NULL) == 0, "NULL findings");
    EXPECT(NP, mbasu_findings_get(NULL, 0, &number, &number));
    EXPECT(NP, mbasu_findings_path(NULL, 0, &text, &len));
    EXPECT(NP, mbasu_findings_message(NULL, 0, MBASU_LANG_EN, &text, &len));

    /* No call above wrote an output. */
    CHECK(config_out == NULL && string == NULL && validation == NULL && info == NULL && request == NULL &&
              interpretation == NULL && outcome == NULL && parsed == NULL && response == NULL && findings == NULL,
          "outputs untouched");

    /* Free functions accept NULL. */
    mbasu_config_builder_free(NULL);
    mbasu_config_free(NULL);
    mbasu_error_free(NULL);
    mbasu_string_free(NULL);
    mbasu_validation_free(NULL);
    mbasu_cert_no_info_free(NULL);
    mbasu_built_request_free(NULL);
    mbasu_interpretation_free(NULL);
    mbasu_http_outcome_free(NULL);
    mbasu_parsed_request_free(NULL);
    mbasu_built_response_free(NULL);
    mbasu_findings_free(NULL);

    mbasu_config_builder_free(builder);
    mbasu_config_free(config);
}

static void test_lengths_and_utf8(void) {
    mbasu_config *config = envelope_config();
    mbasu_string *string = NULL;
    mbasu_validation *validation = NULL;
    mbasu_error *error = NULL;
    const uint8_t *text = NULL;
    uint32_t len = 0;
    const uint8_t invalid[] = {'1', 0xFF, '3'};
    const uint8_t surrogate[] = {0xED, 0xA1, 0x82}; /* a UTF-16 surrogate encoded as UTF-8 */

    /* Zero lengths: empty text is text. */
    CHECK(mbasu_encrypt(config, MBASU_ENCRYPT_TYPE_PLAINTEXT, bytes(""), 0, &string, NULL) == MBASU_STATUS_OK &&
              string_is(string, ""),
          "empty plaintext");
    string = NULL;
    CHECK(mbasu_validate_applicant(config, MBASU_MODE_STRICT, bytes(""), 0, NULL, 0, NULL, 0, &validation, NULL) ==
              MBASU_STATUS_OK,
          "empty mobile");
    CHECK(mbasu_validation_value(validation, MBASU_FIELD_MOBILE, &text, &len) == MBASU_STATUS_MOBILE_MISSING,
          "an empty mobile is missing");
    CHECK(mbasu_validation_value(validation, MBASU_FIELD_NAME, &text, &len) == MBASU_STATUS_INVALID_ARGUMENT,
          "a field not given");
    mbasu_validation_free(validation);
    validation = NULL;
    mbasu_interpretation *interpretation = NULL;
    EXPECT(MBASU_STATUS_MALFORMED_JSON,
           mbasu_parse_response(config, MBASU_INTERFACE_MBASU001, bytes(""), 0, NULL, 0, &interpretation, NULL));
    mbasu_parsed_request *parsed = NULL;
    EXPECT(MBASU_STATUS_MALFORMED_JSON, mbasu_parse_request(config, MBASU_INTERFACE_MBASU001, bytes(""), 0, &parsed, NULL));

    /* Invalid UTF-8 is an error, never replaced. */
    EXPECT(MBASU_STATUS_INVALID_UTF8, mbasu_encrypt(config, MBASU_ENCRYPT_TYPE_SM3, invalid, 3, &string, NULL));
    EXPECT(MBASU_STATUS_INVALID_UTF8, mbasu_encrypt(config, MBASU_ENCRYPT_TYPE_SM3, surrogate, 3, &string, NULL));
    EXPECT(MBASU_STATUS_INVALID_UTF8,
           mbasu_validate_applicant(config, MBASU_MODE_STRICT, NULL, 0, NULL, 0, invalid, 3, &validation, NULL));
    mbasu_built_request *request = NULL;
    EXPECT(MBASU_STATUS_INVALID_UTF8,
           mbasu_build_request(config, MBASU_INTERFACE_MBASU001, bytes(SPEC_MOBILE), len32(SPEC_MOBILE), invalid, 3,
                               bytes(SPEC_NAME), len32(SPEC_NAME), MBASU_NO_ENCRYPT_TYPE, NULL, 0,
                               MBASU_REQUEST_FORM_STANDARD, &request, NULL));
    /* The core decides which body error applies; the call only has to fail cleanly. */
    uint32_t body_status = mbasu_parse_response(config, MBASU_INTERFACE_MBASU001, invalid, 3, NULL, 0, &interpretation, NULL);
    CHECK(body_status != MBASU_STATUS_OK && mbasu_status_name(body_status, &text, &len) == MBASU_STATUS_OK,
          "a body that is not UTF-8: %s", status_name(body_status));
    CHECK(string == NULL && validation == NULL && request == NULL && interpretation == NULL && parsed == NULL,
          "outputs untouched");

    /* Unknown enum numbers. */
    EXPECT(MBASU_STATUS_INVALID_ARGUMENT, mbasu_encrypt(config, 5, bytes("a"), 1, &string, NULL));
    EXPECT(MBASU_STATUS_INVALID_ARGUMENT,
           mbasu_validate_applicant(config, 2, bytes("a"), 1, NULL, 0, NULL, 0, &validation, NULL));
    EXPECT(MBASU_STATUS_INVALID_ARGUMENT,
           mbasu_parse_response(config, 3, bytes("{}"), 2, NULL, 0, &interpretation, NULL));

    /* The error out-parameter: NULL on success, the detail on failure. */
    int marker = 0;
    error = (mbasu_error *)&marker;
    CHECK(mbasu_encrypt(config, MBASU_ENCRYPT_TYPE_SM3, bytes("a"), 1, &string, &error) == MBASU_STATUS_OK &&
              error == NULL,
          "success writes NULL to error_out");
    mbasu_string_free(string);
    string = NULL;
    CHECK(mbasu_encrypt(config, MBASU_ENCRYPT_TYPE_TRIPLE_DES, bytes("a"), 1, &string, &error) ==
              MBASU_STATUS_KEY_MISSING,
          "3DES without a key");
    CHECK(error != NULL && mbasu_error_status(error) == MBASU_STATUS_KEY_MISSING, "error status");
    CHECK(mbasu_error_message(error, MBASU_LANG_ZH, &text, &len) == MBASU_STATUS_OK && len > 0, "zh detail");
    CHECK(mbasu_error_message(error, MBASU_LANG_EN, &text, &len) == MBASU_STATUS_OK &&
              strstr((const char *)text, "mbasu_config_builder_set_triple_des_key") != NULL,
          "en detail says what to do: %s", (const char *)text);
    CHECK(mbasu_error_provider_failure(error, &text, &len, &text, &len) == MBASU_STATUS_INVALID_ARGUMENT,
          "no provider failure");
    mbasu_error_free(error);

    /* Truncated caller buffers. */
    CHECK(mbasu_encrypt(config, MBASU_ENCRYPT_TYPE_MD5, bytes(ENCRYPT_CASES[0].input), len32(ENCRYPT_CASES[0].input),
                        &string, NULL) == MBASU_STATUS_OK,
          "md5");
    char buffer[33];
    uint32_t written = 12345;
    memset(buffer, 'z', sizeof buffer);
    CHECK(mbasu_string_copy(string, (uint8_t *)buffer, 32, &written) == MBASU_STATUS_BUFFER_TOO_SMALL &&
              written == 12345 && buffer[0] == 'z',
          "32 bytes cannot hold 32 characters and a NUL");
    CHECK(mbasu_string_copy(string, (uint8_t *)buffer, 0, &written) == MBASU_STATUS_BUFFER_TOO_SMALL, "empty buffer");
    CHECK(mbasu_string_copy(string, NULL, 33, &written) == MBASU_STATUS_NULL_POINTER, "NULL buffer");
    CHECK(mbasu_string_copy(string, (uint8_t *)buffer, 33, &written) == MBASU_STATUS_OK && written == 32 &&
              strcmp(buffer, ENCRYPT_CASES[0].md5) == 0,
          "exact fit");
    mbasu_string_free(string);

    /* Builder checks. */
    mbasu_config_builder *builder = NULL;
    mbasu_config_builder_new(&builder, NULL);
    EXPECT(MBASU_STATUS_IV_NOT_ALLOWED, mbasu_config_builder_set_cipher_mode(builder, MBASU_CIPHER_MODE_ECB, bytes("12345678"), 8, NULL));
    EXPECT(MBASU_STATUS_IV_LENGTH, mbasu_config_builder_set_cipher_mode(builder, MBASU_CIPHER_MODE_CBC, bytes("1234567"), 7, NULL));
    EXPECT(MBASU_STATUS_INVALID_BASE64, mbasu_config_builder_set_triple_des_key(builder, bytes("!!"), 2, MBASU_KEY_FORMAT_BASE64, NULL));
    EXPECT(MBASU_STATUS_INVALID_REQUEST_REF_ID, mbasu_config_builder_set_request_ref_id_prefix(builder, bytes("a\"b"), 3, NULL));
    EXPECT(MBASU_STATUS_OK, mbasu_config_builder_set_encrypt_type_code(builder, MBASU_ENCRYPT_TYPE_SM3, bytes("1"), 1, NULL));
    mbasu_config *config_out = NULL;
    EXPECT(MBASU_STATUS_INVALID_CODE_TABLE, mbasu_config_builder_build(builder, &config_out, NULL));
    EXPECT(MBASU_STATUS_OK, mbasu_config_builder_set_encrypt_type_code(builder, MBASU_ENCRYPT_TYPE_MD5, bytes("03"), 2, NULL));
    EXPECT(MBASU_STATUS_OK, mbasu_config_builder_build(builder, &config_out, NULL));
    const uint8_t *code = NULL;
    CHECK(mbasu_encrypt_type_code(config_out, MBASU_ENCRYPT_TYPE_MD5, &code, &len) == MBASU_STATUS_OK &&
              text_is(code, len, "03"),
          "custom code");
    mbasu_config_free(config_out);
    mbasu_config_builder_free(builder);
    mbasu_config_free(config);
}

static void test_panic_boundary(void) {
    mbasu_error *error = NULL;
    fprintf(stderr, "(the next panic message is expected)\n");
    mbasu_status status = mbasu_test_panic(&error);
    CHECK(status == 6 && status == MBASU_STATUS_PANIC, "test panic returned %u", (unsigned)status);
    CHECK(error != NULL && mbasu_error_status(error) == MBASU_STATUS_PANIC, "panic error");
    mbasu_error_free(error);
    CHECK(mbasu_test_panic(NULL) == MBASU_STATUS_PANIC, "panic without error_out");
}

/* ---- threads ---------------------------------------------------------------------------- */

#define THREADS 8
#define ITERATIONS 4

static uint64_t fnv1a(uint64_t hash, const void *data, size_t len) {
    const uint8_t *p = data;
    for (size_t i = 0; i < len; i++) {
        hash ^= p[i];
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

static uint64_t hash_string(uint64_t hash, mbasu_status status, mbasu_string *string) {
    hash = fnv1a(hash, &status, sizeof status);
    if (string != NULL) {
        hash = fnv1a(hash, mbasu_string_data(string), mbasu_string_len(string));
        mbasu_string_free(string);
    }
    return hash;
}

/* Validates, encrypts, builds and parses everything once and hashes every output. */
static uint64_t shared_config_work(const mbasu_config *config) {
    uint64_t hash = 0xcbf29ce484222325ULL;
    const uint8_t *text = NULL;
    uint32_t len = 0;

    for (size_t i = 0; i < COUNT(ENCRYPT_CASES); i++) {
        const char *input = ENCRYPT_CASES[i].input;
        mbasu_string *out = NULL;
        mbasu_status status = mbasu_encrypt(config, MBASU_ENCRYPT_TYPE_SM3, bytes(input), len32(input), &out, NULL);
        hash = hash_string(hash, status, out);
        out = NULL;
        status = mbasu_encrypt(config, MBASU_ENCRYPT_TYPE_TRIPLE_DES, bytes(input), len32(input), &out, NULL);
        hash = hash_string(hash, status, out);

        mbasu_validation *validation = NULL;
        status = mbasu_validate_applicant(config, MBASU_MODE_NORMALIZE, bytes(SPEC_MOBILE), len32(SPEC_MOBILE),
                                          bytes(SPEC_CERT_NO), len32(SPEC_CERT_NO), bytes(input), len32(input),
                                          &validation, NULL);
        hash = fnv1a(hash, &status, sizeof status);
        uint32_t valid = mbasu_validation_is_valid(validation);
        hash = fnv1a(hash, &valid, sizeof valid);
        mbasu_validation_free(validation);

        for (uint32_t form = 0; form < 3; form++) {
            mbasu_built_request *request = NULL;
            status = mbasu_build_request(config, MBASU_INTERFACE_MBASU001, bytes(SPEC_MOBILE), len32(SPEC_MOBILE),
                                         bytes(SPEC_CERT_NO), len32(SPEC_CERT_NO), bytes(input), len32(input),
                                         MBASU_ENCRYPT_TYPE_SM3, bytes(ENVELOPE_REQUEST_REF_ID),
                                         len32(ENVELOPE_REQUEST_REF_ID), form, &request, NULL);
            hash = fnv1a(hash, &status, sizeof status);
            if (mbasu_built_request_body(request, &text, &len) == MBASU_STATUS_OK) {
                hash = fnv1a(hash, text, len);
            }
            mbasu_built_request_free(request);
        }
    }
    for (size_t i = 0; i < COUNT(RESPONSE_CASES); i++) {
        const struct response_case *c = &RESPONSE_CASES[i];
        uint32_t interface = 0;
        mbasu_interface_from_code(bytes(c->interface), len32(c->interface), &interface, NULL);
        mbasu_interpretation *interpretation = NULL;
        mbasu_status status = mbasu_parse_response(config, interface, bytes(c->body), len32(c->body), NULL, 0,
                                                   &interpretation, NULL);
        hash = fnv1a(hash, &status, sizeof status);
        if (mbasu_interpretation_value(interpretation, &text, &len) == MBASU_STATUS_OK) {
            hash = fnv1a(hash, text, len);
        }
        uint32_t outcome = mbasu_interpretation_outcome(interpretation);
        hash = fnv1a(hash, &outcome, sizeof outcome);
        mbasu_interpretation_free(interpretation);
    }
    return hash;
}

struct worker {
    pthread_t thread;
    const mbasu_config *config;
    uint64_t hashes[ITERATIONS];
};

static void *run_worker(void *argument) {
    struct worker *worker = argument;
    for (int i = 0; i < ITERATIONS; i++) {
        worker->hashes[i] = shared_config_work(worker->config);
    }
    return NULL;
}

static void test_threads(void) {
    struct config_options options = {0};
    options.key = ENCRYPT_KEY_BASE64;
    options.key_len = len32(ENCRYPT_KEY_BASE64);
    options.key_format = MBASU_KEY_FORMAT_BASE64;
    options.with_credentials = 1;
    options.fixed_time = ENVELOPE_TODAY_UNIX_MILLIS;
    mbasu_config *config = make_config(&options);

    uint64_t single = shared_config_work(config);
    struct worker workers[THREADS];
    for (int t = 0; t < THREADS; t++) {
        workers[t].config = config;
        CHECK(pthread_create(&workers[t].thread, NULL, run_worker, &workers[t]) == 0, "start thread %d", t);
    }
    for (int t = 0; t < THREADS; t++) {
        pthread_join(workers[t].thread, NULL);
        for (int i = 0; i < ITERATIONS; i++) {
            CHECK(workers[t].hashes[i] == single, "thread %d iteration %d differs from the single-threaded run", t, i);
        }
    }
    mbasu_config_free(config);
}

int main(void) {
    test_version();
    test_status_lookups();
    test_validation_vectors();
    test_cert_no_info();
    test_encrypt_vectors();
    test_two_key();
    test_interop_vectors();
    test_utf16();
    test_envelope_vectors();
    test_build_request_sm3();
    test_response_vectors();
    test_long_head();
    test_interpret_http();
    test_conformance();
    test_null_arguments();
    test_lengths_and_utf8();
    test_panic_boundary();
    test_threads();
    return harness_finish();
}
