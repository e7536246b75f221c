/* A first program with libmbasu: validate an applicant as typed into a form, build an MBASU001
 * request with SM3, and read the sample response from the interface spec.
 *
 * Build with examples/c/CMakeLists.txt, or by hand:
 *   cc example.c $(pkg-config --cflags --libs mbasu) -o example */

#include <stdio.h>
#include <string.h>

#include "mbasu.h"

/* The response sample of MBASU001 in the interface spec (section 2.4). */
static const char SPEC_SAMPLE_RESPONSE[] =
    "{\n"
    "  \"head\": {\n"
    "    \"result\": \"Y\",\n"
    "    \"responseRefId\": \"TR2941_20250127115621836874702\",\n"
    "    \"requestRefId\": \"xwdb_250127115444103248377\",\n"
    "    \"responseCode\": \"0000\",\n"
    "    \"responseMsg\": \"\xe6\x9f\xa5\xe8\xaf\xa2\xe6\x88\x90\xe5\x8a\x9f\"\n"
    "  },\n"
    "  \"response\": {\n"
    "    \"isIdNameMatch\": \"0\"\n"
    "  }\n"
    "}\n";

/* Prints a failed call's status and English detail, and frees the detail. */
static int report(const char *step, mbasu_status status, mbasu_error *error) {
    const uint8_t *message = NULL;
    uint32_t len = 0;
    if (mbasu_error_message(error, MBASU_LANG_EN, &message, &len) != MBASU_STATUS_OK) {
        mbasu_status_message(status, MBASU_LANG_EN, &message, &len);
    }
    fprintf(stderr, "%s failed with status %u: %.*s\n", step, (unsigned)status, (int)len, (const char *)message);
    mbasu_error_free(error);
    return 1;
}

static void print_validation(const mbasu_validation *validation) {
    const uint8_t *text = NULL;
    uint32_t len = 0;

    printf("valid: %s\n", mbasu_validation_is_valid(validation) ? "yes" : "no");
    for (uint32_t i = 0; i < mbasu_validation_change_count(validation); i++) {
        mbasu_validation_change_message(validation, i, MBASU_LANG_EN, &text, &len);
        printf("  changed: %.*s\n", (int)len, (const char *)text);
    }
    for (uint32_t i = 0; i < mbasu_validation_problem_count(validation); i++) {
        uint32_t field = 0, severity = 0, code = 0;
        mbasu_validation_problem(validation, i, &field, &severity, &code);
        mbasu_validation_problem_message(validation, i, MBASU_LANG_ZH, &text, &len);
        printf("  %s %u: %.*s\n", severity == MBASU_SEVERITY_WARNING ? "warning" : "error", (unsigned)code, (int)len,
               (const char *)text);
    }
}

int main(void) {
    mbasu_config_builder *builder = NULL;
    mbasu_config *config = NULL;
    mbasu_validation *validation = NULL;
    mbasu_built_request *request = NULL;
    mbasu_interpretation *interpretation = NULL;
    mbasu_error *error = NULL;
    mbasu_status status;
    const uint8_t *mobile = NULL, *cert_no = NULL, *name = NULL, *text = NULL;
    uint32_t mobile_len = 0, cert_no_len = 0, name_len = 0, len = 0;

    printf("libmbasu %s (header %s)\n", mbasu_version(), MBASU_VERSION_STRING);

    /* One configuration, built once and shared by every call and thread. */
    status = mbasu_config_builder_new(&builder, &error);
    if (status != MBASU_STATUS_OK) {
        return report("mbasu_config_builder_new", status, error);
    }
    status = mbasu_config_builder_build(builder, &config, &error);
    mbasu_config_builder_free(builder);
    if (status != MBASU_STATUS_OK) {
        return report("mbasu_config_builder_build", status, error);
    }

    /* The applicant as typed: a country code and spaces, a lowercase x, a bullet for the dot. */
    const char *typed_mobile = "+86 138 0013 8000";
    const char *typed_cert_no = "11010519491231002x";
    const char *typed_name = "\xe9\x98\xbf\xe4\xbe\x9d\xe5\x8f\xa4\xe4\xb8\xbd\xe2\x80\xa2\xe4\xb9\xb0\xe4\xb9\xb0\xe6\x8f\x90";
    status = mbasu_validate_applicant(config, MBASU_MODE_NORMALIZE, (const uint8_t *)typed_mobile,
                                      (uint32_t)strlen(typed_mobile), (const uint8_t *)typed_cert_no,
                                      (uint32_t)strlen(typed_cert_no), (const uint8_t *)typed_name,
                                      (uint32_t)strlen(typed_name), &validation, &error);
    if (status != MBASU_STATUS_OK) {
        mbasu_config_free(config);
        return report("mbasu_validate_applicant", status, error);
    }
    print_validation(validation);
    mbasu_validation_value(validation, MBASU_FIELD_MOBILE, &mobile, &mobile_len);
    mbasu_validation_value(validation, MBASU_FIELD_CERT_NO, &cert_no, &cert_no_len);
    mbasu_validation_value(validation, MBASU_FIELD_NAME, &name, &name_len);

    /* The request: canonical values, hashed with SM3, a generated requestRefId. */
    status = mbasu_build_request(config, MBASU_INTERFACE_MBASU001, mobile, mobile_len, cert_no, cert_no_len, name,
                                 name_len, MBASU_ENCRYPT_TYPE_SM3, NULL, 0, MBASU_REQUEST_FORM_STANDARD, &request,
                                 &error);
    mbasu_validation_free(validation);
    if (status != MBASU_STATUS_OK) {
        mbasu_config_free(config);
        return report("mbasu_build_request", status, error);
    }
    mbasu_built_request_path(request, &text, &len);
    printf("POST {base}%.*s\n", (int)len, (const char *)text);
    mbasu_built_request_body(request, &text, &len);
    printf("%.*s\n", (int)len, (const char *)text);
    mbasu_built_request_free(request);

    /* The spec's sample response. A real caller passes the requestRefId it sent. */
    status = mbasu_parse_response(config, MBASU_INTERFACE_MBASU001, (const uint8_t *)SPEC_SAMPLE_RESPONSE,
                                  (uint32_t)strlen(SPEC_SAMPLE_RESPONSE), NULL, 0, &interpretation, &error);
    if (status != MBASU_STATUS_OK) {
        mbasu_config_free(config);
        return report("mbasu_parse_response", status, error);
    }
    mbasu_interpretation_value(interpretation, &text, &len);
    printf("isIdNameMatch = %.*s: ", (int)len, (const char *)text);
    mbasu_interpretation_label(interpretation, MBASU_LANG_EN, &text, &len);
    printf("%.*s (%s)\n", (int)len, (const char *)text,
           mbasu_interpretation_outcome(interpretation) == MBASU_OUTCOME_PASS ? "pass" : "no pass");
    mbasu_interpretation_free(interpretation);

    mbasu_config_free(config);
    return 0;
}
