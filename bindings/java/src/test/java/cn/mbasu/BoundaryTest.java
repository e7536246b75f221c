package cn.mbasu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What crosses the JNI boundary badly must come back as a clear MbasuException. */
class BoundaryTest {
    private static final String HIGH_SURROGATE_ONLY = "张\uD842";
    private static final String LOW_SURROGATE_FIRST = "\uDFB7田";
    private static final String REQUEST_REF_ID = "xwdb_250127115444103248377";
    private static final RequestOptions PLAINTEXT = RequestOptions.builder().encryptType(EncryptType.PLAINTEXT)
            .requestRefId(REQUEST_REF_ID).build();
    private static final String SAMPLE_RESPONSE = "{\"head\":{\"result\":\"Y\","
            + "\"responseRefId\":\"TR2941_20250127115621836874702\",\"requestRefId\":\"" + REQUEST_REF_ID + "\","
            + "\"responseCode\":\"0000\",\"responseMsg\":\"查询成功\"},\"response\":{\"isIdNameMatch\":\"0\"}}";

    @Test
    void loneSurrogateIsErrorThree() {
        for (String input : new String[] {HIGH_SURROGATE_ONLY, LOW_SURROGATE_FIRST, "\uD842"}) {
            assertCode(ErrorCode.LONE_SURROGATE, () -> Mbasu.hash(EncryptType.SM3, input));
            assertCode(ErrorCode.LONE_SURROGATE, () -> Mbasu.validateName(input));
            assertCode(ErrorCode.LONE_SURROGATE, () -> Mbasu.validate("13800138000", null, input, ValidationOptions.STRICT));
            try (MbasuConfig config = MbasuConfig.builder().build()) {
                assertCode(ErrorCode.LONE_SURROGATE, () -> config.encrypt(EncryptType.PLAINTEXT, input));
            }
        }
    }

    @Test
    void loneSurrogateMessageNamesThePosition() {
        MbasuException error = assertThrows(MbasuException.class, () -> Mbasu.hash(EncryptType.MD5, HIGH_SURROGATE_ONLY));
        assertEquals("lone_surrogate", error.getName());
        assertTrue(error.getMessageEn().contains("U+D842"), error.getMessageEn());
        assertTrue(error.getMessageZh().contains("U+D842"), error.getMessageZh());
        assertTrue(error.getMessage().contains("[3 lone_surrogate]"), error.getMessage());
    }

    @Test
    void nullArgumentsAreErrorFour() {
        assertCode(ErrorCode.NULL_POINTER, () -> Mbasu.hash(EncryptType.MD5, null));
        assertCode(ErrorCode.NULL_POINTER, () -> Mbasu.hash(null, "张三"));
        assertCode(ErrorCode.NULL_POINTER, () -> Mbasu.validateMobile(null));
        assertCode(ErrorCode.NULL_POINTER, () -> Mbasu.validateCertNo(null));
        assertCode(ErrorCode.NULL_POINTER, () -> Mbasu.validateName("张三", null));
        assertCode(ErrorCode.NULL_POINTER, () -> Mbasu.certNoInfo(null, ValidationOptions.STRICT));
        assertCode(ErrorCode.NULL_POINTER, () -> Mbasu.upgradeCertNo15To18(null, ValidationOptions.STRICT));
        assertCode(ErrorCode.NULL_POINTER, () -> Mbasu.mobileSegment(null));
        assertCode(ErrorCode.NULL_POINTER, () -> MbasuConfig.builder().tripleDesKey(null));
        assertCode(ErrorCode.NULL_POINTER, () -> MbasuConfig.builder().encryptTypeCodes("0", null, "2", "3", "4"));
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            assertCode(ErrorCode.NULL_POINTER, () -> config.encrypt(EncryptType.MD5, null));
            assertCode(ErrorCode.NULL_POINTER, () -> config.encrypt(null, "张三"));
            assertCode(ErrorCode.NULL_POINTER, () -> config.decrypt(null));
            assertCode(ErrorCode.NULL_POINTER, () -> config.encryptTypeOf(null));
        }
        MbasuException error = assertThrows(MbasuException.class, () -> Mbasu.hash(EncryptType.MD5, null));
        assertTrue(error.getMessageEn().contains("text"), error.getMessageEn());
    }

    @Test
    void nullApplicantFieldIsNotValidated() {
        ValidationReport report = Mbasu.validate("13800138000", null, "张三", ValidationOptions.STRICT);
        assertEquals(2, report.getFields().size());
        assertEquals(null, report.getField(Field.CERT_NO));
        assertTrue(report.isValid());
    }

    @Test
    void emptyStringsAreMissingNotErrors() {
        assertEquals("missing", Mbasu.validateMobile("").getFirstError().getName());
        assertEquals("missing", Mbasu.validateCertNo("").getFirstError().getName());
        assertEquals("missing", Mbasu.validateName("").getFirstError().getName());
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", Mbasu.hash(EncryptType.MD5, ""));

        ValidationReport report = Mbasu.validate("", "", "", ValidationOptions.STRICT);
        assertEquals(3, report.getProblems().size());
        assertFalse(report.isValid());

        try (MbasuConfig config = MbasuConfig.builder().tripleDesKey(new byte[24]).build()) {
            assertEquals("", config.encrypt(EncryptType.PLAINTEXT, ""));
            String ciphertext = config.encrypt(EncryptType.TRIPLE_DES, "");
            assertEquals(12, ciphertext.length());
            assertEquals("", config.decrypt(ciphertext));
            assertCode(ErrorCode.CIPHERTEXT_LENGTH, () -> config.decrypt(""));
        }
    }

    @Test
    void closedConfigurationIsErrorSeven() {
        MbasuConfig config = MbasuConfig.builder().tripleDesKey(new byte[24]).build();
        assertEquals("1", config.encryptTypeCode(EncryptType.MD5));
        config.close();
        assertTrue(config.isClosed());

        MbasuException error = assertCode(ErrorCode.CLOSED_HANDLE, () -> config.encrypt(EncryptType.MD5, "张三"));
        assertEquals("closed_handle", error.getName());
        assertCode(ErrorCode.CLOSED_HANDLE, () -> config.decrypt("AAAAAAAAAAA="));
        assertCode(ErrorCode.CLOSED_HANDLE, () -> config.encryptTypeCode(EncryptType.SM3));
        assertCode(ErrorCode.CLOSED_HANDLE, () -> config.encryptTypeOf("3"));
        config.close();
    }

    @Test
    void tripleDesWithoutKeyIsKeyMissing() {
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            assertCode(ErrorCode.KEY_MISSING, () -> config.encrypt(EncryptType.TRIPLE_DES, "张三"));
            assertCode(ErrorCode.KEY_MISSING, () -> config.decrypt("AAAAAAAAAAA="));
        }
    }

    @Test
    void builderRejectsBadSettings() {
        assertCode(ErrorCode.INVALID_CODE_TABLE,
                () -> MbasuConfig.builder().encryptTypeCodes("0", "1", "2", "3", "1").build());
        assertCode(ErrorCode.INVALID_CODE_TABLE,
                () -> MbasuConfig.builder().encryptTypeCodes("000", "1", "2", "3", "4").build());
        assertCode(ErrorCode.IV_LENGTH, () -> MbasuConfig.builder().tripleDesKey(new byte[24]).cbcIv(new byte[7]).build());
        assertCode(ErrorCode.INVALID_BASE64, () -> MbasuConfig.builder().tripleDesKeyBase64("not base64!").build());
        assertCode(ErrorCode.INVALID_HEX, () -> MbasuConfig.builder().tripleDesKeyHex("zz").build());
        assertCode(ErrorCode.KEY_LENGTH, () -> MbasuConfig.builder().tripleDesTwoKey(new byte[24]).build());
    }

    @Test
    void codeTableRoundTrips() {
        try (MbasuConfig config = MbasuConfig.builder().encryptTypeCodes("00", "01", "02", "03", "04").build()) {
            assertEquals("03", config.encryptTypeCode(EncryptType.SM3));
            assertEquals(EncryptType.TRIPLE_DES, config.encryptTypeOf("04"));
            MbasuException unknown = assertCode(ErrorCode.UNKNOWN_ENCRYPT_TYPE, () -> config.encryptTypeOf("3"));
            assertTrue(unknown.getMessageEn().contains("3"), unknown.getMessageEn());
        }
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            for (EncryptType type : EncryptType.values()) {
                assertEquals(String.valueOf(type.ordinal()), config.encryptTypeCode(type));
            }
        }
    }

    @Test
    void digestOfPlaintextIsInvalidArgument() {
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> Mbasu.hash(EncryptType.PLAINTEXT, "张三"));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> Mbasu.hash(EncryptType.TRIPLE_DES, "张三"));
    }

    @Test
    void panicArrivesAsErrorSix() {
        for (int i = 0; i < 3; i++) {
            MbasuException error = assertCode(ErrorCode.PANIC, NativeBridge::panicForTest);
            assertEquals("panic", error.getName());
            assertFalse(error.getMessageEn().isEmpty());
        }
        assertEquals("ee5e7b1cbf65495467be9ff49ac5fc14b6887547c1cd7f8856221b23f1efa062",
                Mbasu.hash(EncryptType.SM3, "13800138000"), "the library works after a panic");
    }

    @Test
    void rawBoundaryPanicArrivesAsErrorSix() {
        for (int i = 0; i < 3; i++) {
            MbasuException error = assertCode(ErrorCode.PANIC, NativeBridge::panicForTestRaw);
            assertEquals("panic", error.getName());
            assertFalse(error.getMessageEn().isEmpty());
        }
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            assertEquals(Outcome.PASS, config.parseResponse(Interface.MBASU001, SAMPLE_RESPONSE, REQUEST_REF_ID)
                    .getOutcome(), "the library works after a panic");
        }
    }

    @Test
    void requestAndResponseArgumentsAreChecked() {
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            assertCode(ErrorCode.LONE_SURROGATE, () -> config.buildRequest(Interface.MBASU001, "13800138000",
                    "11010519491231002X", HIGH_SURROGATE_ONLY, PLAINTEXT));
            assertCode(ErrorCode.LONE_SURROGATE, () -> config.buildRequest(Interface.MBASU001, "13800138000",
                    "11010519491231002X", "张" + repeat("三", 40) + LOW_SURROGATE_FIRST, PLAINTEXT));
            assertCode(ErrorCode.NULL_POINTER, () -> config.buildRequest(Interface.MBASU001, null,
                    "11010519491231002X", "张三", PLAINTEXT));
            assertCode(ErrorCode.NULL_POINTER, () -> config.parseResponse(Interface.MBASU001, (byte[]) null, null));
            assertCode(ErrorCode.NULL_POINTER, () -> config.parseResponse(Interface.MBASU001, (String) null, null));
            assertCode(ErrorCode.LONE_SURROGATE, () -> config.parseResponse(Interface.MBASU001,
                    "{\"head\":\"" + HIGH_SURROGATE_ONLY + "\"}", null));
        }
    }

    @Test
    void namesOnBothSidesOfTheInlineBuffer() {
        // The glue keeps arguments of up to 64 UTF-8 bytes on the stack and decodes longer ones on
        // the heap: 21 and 22 three-byte characters, 16 and 17 four-byte ones.
        String[] names = {"张三", "𠮷田", repeat("张", 21), repeat("张", 22), repeat("𠮷", 16), repeat("𠮷", 17)};
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            for (String name : names) {
                BuiltRequest built = config.buildRequest(Interface.MBASU001, "13800138000", "11010519491231002X",
                        name, PLAINTEXT);
                assertTrue(built.getBody().contains("\"name\":\"" + name + "\""), built.getBody());
                assertArrayEquals(built.getBody().getBytes(StandardCharsets.UTF_8), built.getBodyBytes());
                assertEquals("/MBASU001", built.getPath());
                assertEquals(REQUEST_REF_ID, built.getRequestRefId());
            }
        }
    }

    @Test
    void certNoInfoDerivesFacts() {
        ValidationOptions options = ValidationOptions.builder().today(LocalDate.of(2026, 12, 4)).build();
        CertNoInfo info = Mbasu.certNoInfo("11010519491231002X", options);
        assertEquals(LocalDate.of(1949, 12, 31), info.getBirthDate());
        assertEquals(76, info.getAge());
        assertEquals(Gender.FEMALE, info.getGender());
        assertEquals("11", info.getProvinceCode());
        assertEquals("北京市", info.getProvinceZh());
        assertFalse(info.isOutsideMainland());

        MbasuException invalid = assertCode(ErrorCode.CERT_NO_CHECK_DIGIT,
                () -> Mbasu.certNoInfo("110105194912310020", options));
        assertFalse(invalid.getMessageEn().contains("110105194912310020"), "the ID number is masked");
    }

    @Test
    void invalidTodayIsInvalidDate() {
        ValidationOptions options = ValidationOptions.builder().today(LocalDate.of(10_000, 1, 1)).build();
        assertCode(ErrorCode.INVALID_DATE, () -> Mbasu.validateCertNo("11010519491231002X", options));
    }

    @Test
    void minBirthYearIsPassedThrough() {
        ValidationOptions options = ValidationOptions.builder().today(LocalDate.of(2026, 12, 4))
                .minBirthYear(1950).build();
        assertEquals("birth_date", Mbasu.validateCertNo("11010519491231002X", options).getFirstError().getName());
    }

    @Test
    void versionIsReported() {
        assertNotNull(Mbasu.version());
        assertFalse(Mbasu.version().isEmpty());
    }

    @Test
    void platformDirectoryMatchesThePom() {
        assertEquals("linux-x86_64", NativeLoader.platform());
    }

    private static String repeat(String text, int count) {
        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < count; i++) {
            builder.append(text);
        }
        return builder.toString();
    }

    private static MbasuException assertCode(ErrorCode expected, Executable call) {
        MbasuException error = assertThrows(MbasuException.class, call);
        assertEquals(expected.getCode(), error.getCode(), error.getMessage());
        assertEquals(expected.getName(), error.getName(), error.getMessage());
        assertEquals(expected, error.getErrorCode());
        return error;
    }
}
