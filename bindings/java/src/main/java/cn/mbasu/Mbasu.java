package cn.mbasu;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Validation, ID number facts and digests of the mbasu core, for callers that need no
 * configuration. Every method is thread-safe and throws {@link MbasuException} with the core's
 * code: 3 {@code lone_surrogate} for a string with an unpaired surrogate, 4 {@code null_pointer}
 * for a {@code null} argument.
 *
 * <p>Text reaches the core as the string's UTF-16 code units decoded to UTF-8, never as JNI's
 * modified UTF-8, so a name such as 𠮷田 hashes as every other UTF-8 implementation does.
 */
public final class Mbasu {
    private static final Gender[] GENDERS = Gender.values();
    private static final SegmentKind[] SEGMENT_KINDS = SegmentKind.values();
    private static final Operator[] OPERATORS = Operator.values();

    private Mbasu() {
    }

    /** The version of the native core, such as {@code 0.1.0}. */
    public static String version() {
        return NativeBridge.version();
    }

    /** Validates a mobile number in strict mode. */
    public static FieldReport validateMobile(String mobile) {
        return validateMobile(mobile, ValidationOptions.STRICT);
    }

    /** Validates a mobile number: 11 ASCII digits, {@code 1} then {@code 3}–{@code 9}; an unknown segment is a warning. */
    public static FieldReport validateMobile(String mobile, ValidationOptions options) {
        return validateField(Field.MOBILE, mobile, options);
    }

    /** Validates a resident identity card number in strict mode. */
    public static FieldReport validateCertNo(String certNo) {
        return validateCertNo(certNo, ValidationOptions.STRICT);
    }

    /** Validates a resident identity card number (certType {@code 00}): length, check character, birth date, province. */
    public static FieldReport validateCertNo(String certNo, ValidationOptions options) {
        return validateField(Field.CERT_NO, certNo, options);
    }

    /** Validates a Chinese name in strict mode. */
    public static FieldReport validateName(String name) {
        return validateName(name, ValidationOptions.STRICT);
    }

    /** Validates a Chinese name: 2–40 Han characters from every plane, {@code 〇}, and the middle dot {@code ·}. */
    public static FieldReport validateName(String name, ValidationOptions options) {
        return validateField(Field.NAME, name, options);
    }

    /**
     * Validates the fields of one applicant, reporting every problem of every field at once.
     * A {@code null} field is not validated and has no report; an empty string is reported as missing.
     */
    public static ValidationReport validate(String mobile, String certNo, String name, ValidationOptions options) {
        requireOptions(options);
        PackedReader reader = new PackedReader(NativeBridge.validateApplicantFields(mobile, certNo, name,
                options.modeOrdinal(), options.todayYyyymmdd(), options.minBirthYearOrDefault()));
        int count = reader.readInt();
        List<FieldReport> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            fields.add(Decoders.fieldReport(reader));
        }
        reader.expectEnd();
        return new ValidationReport(Collections.unmodifiableList(fields));
    }

    /** Derives birth date, age, gender and province from a valid ID number; an invalid one raises its first error. */
    public static CertNoInfo certNoInfo(String certNo, ValidationOptions options) {
        requireOptions(options);
        PackedReader reader = new PackedReader(NativeBridge.certNoInfo(certNo, options.modeOrdinal(),
                options.todayYyyymmdd(), options.minBirthYearOrDefault()));
        CertNoInfo info = new CertNoInfo(dateOf(reader.readInt()), reader.readInt(), reader.readEnum(GENDERS),
                reader.readString(), reader.readString(), reader.readString(), reader.readBoolean());
        reader.expectEnd();
        return info;
    }

    /**
     * Upgrades a 15-digit first-generation ID number to 18 characters (century {@code 19} and a
     * check character added); the result is validated with {@code options} before it is returned.
     */
    public static String upgradeCertNo15To18(String certNo, ValidationOptions options) {
        requireOptions(options);
        return NativeBridge.upgradeCertNo(certNo, options.modeOrdinal(), options.todayYyyymmdd(),
                options.minBirthYearOrDefault());
    }

    /** Looks up the segment of a canonical 11-digit mobile number, or returns {@code null} when the table lacks it. */
    public static MobileSegment mobileSegment(String mobile) {
        String packed = NativeBridge.mobileSegment(mobile);
        if (packed == null) {
            return null;
        }
        PackedReader reader = new PackedReader(packed);
        MobileSegment segment = new MobileSegment(reader.readString(), reader.readEnum(SEGMENT_KINDS),
                reader.readString(), reader.readString(), reader.readEnum(OPERATORS), reader.readString(),
                reader.readString());
        reader.expectEnd();
        return segment;
    }

    /** Computes the lowercase hexadecimal MD5, SHA256 or SM3 digest of the UTF-8 bytes of {@code text}. */
    public static String hash(EncryptType type, String text) {
        return hash(type, text, HashOptions.DEFAULT);
    }

    /**
     * Computes the MD5, SHA256 or SM3 digest of the UTF-8 bytes of {@code text} in hexadecimal.
     * Plaintext and 3DES are no digests and raise code 1; 3DES needs an {@link MbasuConfig}.
     */
    public static String hash(EncryptType type, String text, HashOptions options) {
        requireNonNull(type, "type");
        requireNonNull(options, "options");
        return NativeBridge.hash(type.ordinal(), text, options.isUpperCase(), options.isMd5Short());
    }

    private static FieldReport validateField(Field field, String input, ValidationOptions options) {
        requireOptions(options);
        PackedReader reader = new PackedReader(NativeBridge.validateField(field.ordinal(), input,
                options.modeOrdinal(), options.todayYyyymmdd(), options.minBirthYearOrDefault()));
        FieldReport report = Decoders.fieldReport(reader);
        reader.expectEnd();
        return report;
    }

    private static LocalDate dateOf(int yyyymmdd) {
        return LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }

    private static void requireOptions(ValidationOptions options) {
        requireNonNull(options, "options");
    }

    /**
     * Raises the core's {@code null_pointer} error (code 4) for a {@code null} argument that never
     * reaches the native library, the same error the library raises for the ones that do.
     */
    static void requireNonNull(Object value, String argument) {
        if (value == null) {
            ErrorCode code = ErrorCode.NULL_POINTER;
            throw new MbasuException(code.getCode(), code.getName(), "参数 " + argument + " 为 null",
                    "argument " + argument + " is null", null, null);
        }
    }
}
