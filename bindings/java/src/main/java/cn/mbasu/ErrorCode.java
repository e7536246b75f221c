package cn.mbasu;

/**
 * The stable numeric error codes of the mbasu core, the same numbers and names in every binding.
 *
 * <p>Codes are grouped by area in ranges of one hundred: 1–99 arguments and the binding boundary,
 * 100 mobile, 200 certType, 300 certNo, 400 name, 500 encryptType and field encryption, 600
 * envelopes and responses. Within each field's range, 50 and above are warnings. A name is unique
 * together with its field: {@code format} exists for mobile, certNo and name.
 *
 * <p>{@code EnumParityTest} checks this list against the native library, so a code the core adds
 * shows up as a failing test here rather than as a silent gap.
 */
public enum ErrorCode {
    INVALID_ARGUMENT(1, "invalid_argument"),
    INVALID_UTF8(2, "invalid_utf8"),
    LONE_SURROGATE(3, "lone_surrogate"),
    NULL_POINTER(4, "null_pointer"),
    BUFFER_TOO_SMALL(5, "buffer_too_small"),
    PANIC(6, "panic"),
    CLOSED_HANDLE(7, "closed_handle"),
    INVALID_DATE(8, "invalid_date"),
    INPUT_TOO_LARGE(9, "input_too_large"),
    MOBILE_MISSING(100, "missing"),
    MOBILE_LENGTH(101, "length"),
    MOBILE_FORMAT(102, "format"),
    MOBILE_UNKNOWN_SEGMENT(150, "unknown_segment"),
    CERT_TYPE_MISSING(200, "missing"),
    CERT_TYPE_UNSUPPORTED(201, "unsupported"),
    CERT_NO_MISSING(300, "missing"),
    CERT_NO_LENGTH(301, "length"),
    CERT_NO_FORMAT(302, "format"),
    CERT_NO_LOWERCASE_X(303, "lowercase_x"),
    CERT_NO_CHECK_DIGIT(304, "check_digit"),
    CERT_NO_BIRTH_DATE(305, "birth_date"),
    CERT_NO_PROVINCE(306, "province"),
    CERT_NO_PROVINCE_OUTSIDE_MAINLAND(350, "province_outside_mainland"),
    NAME_MISSING(400, "missing"),
    NAME_LENGTH(401, "length"),
    NAME_FORMAT(402, "format"),
    NAME_CHARACTER(403, "character"),
    NAME_DOT_POSITION(404, "dot_position"),
    UNKNOWN_ENCRYPT_TYPE(500, "unknown_encrypt_type"),
    ENCRYPT_TYPE_NOT_ALLOWED(501, "encrypt_type_not_allowed"),
    KEY_LENGTH(502, "key_length"),
    IV_LENGTH(503, "iv_length"),
    INVALID_BASE64(504, "invalid_base64"),
    INVALID_HEX(505, "invalid_hex"),
    BAD_PADDING(506, "bad_padding"),
    CIPHERTEXT_LENGTH(507, "ciphertext_length"),
    DECRYPTED_NOT_UTF8(508, "decrypted_not_utf8"),
    INVALID_CODE_TABLE(509, "invalid_code_table"),
    KEY_MISSING(510, "key_missing"),
    IV_NOT_ALLOWED(511, "iv_not_allowed"),
    MALFORMED_JSON(600, "malformed_json"),
    MISSING_FIELD(601, "missing_field"),
    UNKNOWN_VALUE(602, "unknown_value"),
    PROVIDER_ERROR(603, "provider_error"),
    REQUEST_REF_MISMATCH(604, "request_ref_mismatch"),
    BODY_TOO_LARGE(605, "body_too_large"),
    WRONG_TYPE(606, "wrong_type"),
    SIGNATURE_MISMATCH(607, "signature_mismatch"),
    UNKNOWN_INTERFACE(608, "unknown_interface"),
    INVALID_REQUEST_REF_ID(609, "invalid_request_ref_id"),
    INVALID_PARAM(610, "invalid_param"),
    HASH_SHAPE(611, "hash_shape"),
    CREDENTIALS_MISSING(612, "credentials_missing"),
    VALUE_NOT_STRING(650, "value_not_string"),
    VALUE_TOO_LONG(651, "value_too_long"),
    REQUEST_REF_NOT_ECHOED(652, "request_ref_not_echoed"),
    HTTP_500_FOR_QUERY_FAILURE(653, "http_500_for_query_failure"),
    UNEXPECTED_FIELD(654, "unexpected_field"),
    HEAD_RESULT_MISMATCH(655, "head_result_mismatch");

    private static final ErrorCode[] VALUES = values();

    private final int code;
    private final String codeName;

    ErrorCode(int code, String codeName) {
        this.code = code;
        this.codeName = codeName;
    }

    /** The stable number, as {@link MbasuException#getCode()} and {@link Problem#getCode()} return it. */
    public int getCode() {
        return code;
    }

    /** The stable snake_case name, such as {@code check_digit}. */
    public String getName() {
        return codeName;
    }

    /**
     * Looks a code up by its number.
     *
     * @return the code, or {@code null} if this version of the binding does not know the number
     */
    public static ErrorCode fromCode(int code) {
        for (ErrorCode value : VALUES) {
            if (value.code == code) {
                return value;
            }
        }
        return null;
    }
}
