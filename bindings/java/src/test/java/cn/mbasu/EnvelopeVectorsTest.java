package cn.mbasu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** envelope.json and every case of responses.json through the Java API. */
class EnvelopeVectorsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Midnight 2026-12-04 in China (UTC+8), the date the vectors were made for. */
    private static final Instant VECTOR_DAY = LocalDate.of(2026, 12, 4).atStartOfDay(ZoneOffset.ofHours(8)).toInstant();

    private static MbasuConfig configWithCredentials(JsonNode vectors) {
        return MbasuConfig.builder()
                .credentials(Vectors.text(vectors, "secretId"), Vectors.text(vectors, "secretKey_base64"))
                .fixedClock(VECTOR_DAY)
                .build();
    }

    @Test
    void signedRequestMatchesVector() {
        JsonNode vectors = Vectors.load("envelope.json");
        try (MbasuConfig config = configWithCredentials(vectors)) {
            RequestOptions options = RequestOptions.builder().form(RequestForm.SIGNED)
                    .requestRefId(Vectors.text(vectors, "requestRefId")).build();
            BuiltRequest built = config.buildRequest(Interface.MBASU001, "13800138000", "11010519491231002X", "张三",
                    options);
            assertEquals(Vectors.text(vectors, "standard_request"), built.getBody());
            assertEquals("/MBASU001", built.getPath());
            assertEquals(Vectors.text(vectors, "requestRefId"), built.getRequestRefId());
            assertEquals(Interface.MBASU001, built.getInterface());
        }
    }

    @Test
    void sealedRequestMatchesVector() throws IOException {
        JsonNode vectors = Vectors.load("envelope.json");
        try (MbasuConfig config = configWithCredentials(vectors)) {
            RequestOptions options = RequestOptions.builder().form(RequestForm.SEALED)
                    .requestRefId(Vectors.text(vectors, "requestRefId")).build();
            BuiltRequest built = config.buildRequest(Interface.MBASU001, "13800138000", "11010519491231002X", "张三",
                    options);
            JsonNode body = MAPPER.readTree(built.getBody());
            assertEquals(Vectors.text(vectors, "sealed_request_field"), body.get("request").asText());
            assertEquals(Vectors.text(vectors, "signature"), body.get("head").get("signature").asText());

            ParsedRequest parsed = config.parseRequest(Interface.MBASU001, built.getBody());
            assertEquals(RequestForm.SEALED, parsed.getForm());
            assertEquals("张三", parsed.getName().getPlaintext());
            assertEquals(Vectors.text(vectors, "secretId"), parsed.getSecretId());
        }
        try (MbasuConfig opener = MbasuConfig.builder().tripleDesKeyBase64(Vectors.text(vectors, "secretKey_base64")).build()) {
            assertEquals(Vectors.text(vectors, "sealed_plaintext"), opener.decrypt(Vectors.text(vectors, "sealed_request_field")));
        }
    }

    @Test
    void sealedResponseMatchesVector() throws IOException {
        JsonNode vectors = Vectors.load("envelope.json");
        try (MbasuConfig config = configWithCredentials(vectors)) {
            BuiltResponse built = config.buildResponse(Interface.MBASU001, "xwdb_1", "0", true);
            assertEquals(Vectors.text(vectors, "sealed_response_field"),
                    MAPPER.readTree(built.getBody()).get("response").asText());

            String sealedBody = "{\"head\":{\"result\":\"Y\",\"responseRefId\":\"TR1\",\"requestRefId\":\"xwdb_1\","
                    + "\"responseCode\":\"0000\",\"responseMsg\":\"查询成功\"},\"response\":\""
                    + Vectors.text(vectors, "sealed_response_field") + "\"}";
            Interpretation read = config.parseResponse(Interface.MBASU001, sealedBody, "xwdb_1");
            assertEquals("0", read.getValue());
            assertEquals("TR1", read.getResponseRefId());
        }
        try (MbasuConfig opener = MbasuConfig.builder().tripleDesKeyBase64(Vectors.text(vectors, "secretKey_base64")).build()) {
            assertEquals(Vectors.text(vectors, "sealed_response_field"),
                    opener.encrypt(EncryptType.TRIPLE_DES, Vectors.text(vectors, "sealed_response_plaintext")));
        }
    }

    @Test
    void responseVectors() {
        JsonNode cases = Vectors.load("responses.json").get("cases");
        int index = 0;
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            for (JsonNode testCase : cases) {
                String label = "case " + index++;
                Interface iface = Interface.valueOf(Vectors.text(testCase, "interface"));
                String body = Vectors.text(testCase, "body");
                String expectedRef = Vectors.optionalText(testCase, "expected_request_ref");
                JsonNode expect = testCase.get("expect");

                String error = Vectors.optionalText(expect, "error");
                if (error != null) {
                    MbasuException thrown = assertThrows(MbasuException.class,
                            () -> config.parseResponse(iface, body, expectedRef), label);
                    assertEquals(error, thrown.getName(), label + ": " + thrown.getMessage());
                    String responseCode = Vectors.optionalText(expect, "responseCode");
                    if (responseCode != null) {
                        assertEquals(ErrorCode.PROVIDER_ERROR, thrown.getErrorCode(), label);
                        assertEquals(responseCode, thrown.getResponseCode(), label);
                        assertEquals(Vectors.text(expect, "responseMsg"), thrown.getResponseMsg(), label);
                    } else {
                        assertNull(thrown.getResponseCode(), label);
                    }
                    continue;
                }

                Interpretation read = config.parseResponse(iface, body, expectedRef);
                assertEquals(iface, read.getInterface(), label);
                assertEquals(Vectors.text(expect, "value"), read.getValue(), label);
                assertEquals(Vectors.text(expect, "category"), read.getCategory().coreName(), label);
                assertEquals(read.getCategory() == Category.QUERY_ERROR, read.isRetryable(), label);
                assertFalse(read.getLabelZh().isEmpty(), label);
                assertFalse(read.getLabelEn().isEmpty(), label);
                assertEquals("xwdb_250127115444103248377", read.getRequestRefId(), label);
                assertDetail(label, iface, read, expect);

                String warning = Vectors.optionalText(expect, "warning");
                if (warning != null) {
                    assertEquals(1, read.getWarnings().size(), label);
                    assertEquals(warning, read.getWarnings().get(0).getName(), label);
                } else {
                    assertTrue(read.getWarnings().isEmpty(), label + ": " + read.getWarnings());
                }
            }
        }
        assertEquals(29, index);
    }

    private static void assertDetail(String label, Interface iface, Interpretation read, JsonNode expect) {
        if (read.getCategory() != Category.ANSWERED) {
            assertNull(read.getMatch(), label);
            assertNull(read.getInNetPeriod(), label);
            assertNull(read.getLineStatus(), label);
            assertEquals(read.getCategory().coreName(), read.getOutcome().coreName(), label);
            return;
        }
        if (iface == Interface.MBASU001) {
            assertNotNull(read.getMatch(), label);
            JsonNode nameMatches = expect.get("name_matches");
            if (nameMatches != null) {
                assertEquals(nameMatches.asBoolean(), read.getMatch().isNameMatches(), label);
                assertEquals(expect.get("cert_no_matches").asBoolean(), read.getMatch().isCertNoMatches(), label);
            }
            boolean pass = read.getMatch().isNameMatches() && read.getMatch().isCertNoMatches();
            assertEquals(pass ? Outcome.PASS : Outcome.FAIL, read.getOutcome(), label);
        } else if (iface == Interface.MBASU010) {
            assertNotNull(read.getInNetPeriod(), label);
            assertEquals(expect.get("months_above").asInt(), read.getInNetPeriod().getMonthsAbove(), label);
            JsonNode atMost = expect.get("months_at_most");
            if (atMost.isNull()) {
                assertNull(read.getInNetPeriod().getMonthsAtMost(), label);
            } else {
                assertEquals(Integer.valueOf(atMost.asInt()), read.getInNetPeriod().getMonthsAtMost(), label);
            }
            assertEquals(Outcome.PASS, read.getOutcome(), label);
        } else {
            assertNotNull(read.getLineStatus(), label);
            assertEquals(Vectors.text(expect, "status"), read.getLineStatus().getStatus().coreName(), label);
            assertEquals(read.getLineStatus().getStatus() == LineStatus.IN_USE, read.getLineStatus().isUsable(), label);
        }
    }

    @Test
    void everyInterfaceTypeAndFormRoundTrips() {
        try (MbasuConfig config = fullConfig(); MbasuConfig unsigned = unsignedConfig()) {
            int combinations = 0;
            for (Interface iface : Interface.values()) {
                EncryptType[] types = iface == Interface.MBASU004
                        ? new EncryptType[] {null}
                        : new EncryptType[] {null, EncryptType.PLAINTEXT, EncryptType.MD5, EncryptType.SHA256,
                            EncryptType.SM3, EncryptType.TRIPLE_DES};
                for (EncryptType type : types) {
                    for (RequestForm form : RequestForm.values()) {
                        String label = iface + " " + type + " " + form;
                        String name = iface == Interface.MBASU001 ? "𠮷田" : null;
                        BuiltRequest built = config.buildRequest(iface, "13800138000", "11010519491231002X", name,
                                RequestOptions.of(type, form));
                        MbasuConfig provider = form == RequestForm.STANDARD ? unsigned : config;
                        ParsedRequest parsed = provider.parseRequest(iface, built.getBody());

                        assertEquals(form, parsed.getForm(), label);
                        assertEquals(type, parsed.getEncryptType(), label);
                        assertEquals(built.getRequestRefId(), parsed.getRequestRefId(), label);
                        boolean hashed = type == EncryptType.MD5 || type == EncryptType.SHA256 || type == EncryptType.SM3;
                        if (hashed) {
                            assertNull(parsed.getMobile().getPlaintext(), label);
                            assertEquals(Mbasu.hash(type, "13800138000"), parsed.getMobile().getWire(), label);
                        } else {
                            assertEquals("13800138000", parsed.getMobile().getPlaintext(), label);
                            assertEquals("11010519491231002X", parsed.getCertNo().getPlaintext(), label);
                        }
                        if (iface == Interface.MBASU001 && hashed) {
                            assertEquals(Mbasu.hash(type, "𠮷田"), parsed.getName().getWire(), label);
                        } else if (iface == Interface.MBASU001) {
                            assertEquals("𠮷田", parsed.getName().getPlaintext(), label);
                        } else {
                            assertNull(parsed.getName(), label);
                        }
                        combinations++;
                    }
                }
            }
            assertEquals(3 * 6 * 2 + 3, combinations);
        }
    }

    @Test
    void generatedRequestRefIdUsesPrefixClockAndRandomness() {
        try (MbasuConfig config = MbasuConfig.builder().requestRefIdPrefix("jd_").fixedClock(VECTOR_DAY.plusMillis(45_296_789L))
                .randomSequence(42L, 1_000_123L).build()) {
            BuiltRequest first = config.buildRequest(Interface.MBASU004, "13800138000", "11010519491231002X", null);
            BuiltRequest second = config.buildRequest(Interface.MBASU004, "13800138000", "11010519491231002X", null);
            assertEquals("jd_261204123456789000042", first.getRequestRefId());
            assertEquals("jd_261204123456789000123", second.getRequestRefId());
        }
    }

    @Test
    void providerResponsesRoundTripToClient() {
        try (MbasuConfig config = fullConfig()) {
            String[][] values = {
                {"0", "1", "2", "3", "-1", "-2"},
                {"1", "2", "3", "4", "5", "6", "-1", "-2"},
                {"1", "2", "3", "4", "-1", "-2"},
            };
            for (Interface iface : Interface.values()) {
                for (String value : values[iface.ordinal()]) {
                    for (boolean sealed : new boolean[] {false, true}) {
                        String label = iface + " " + value + " sealed=" + sealed;
                        BuiltResponse built = config.buildResponse(iface, "xwdb_1", value, sealed);
                        assertTrue(built.getResponseRefId().startsWith("TR"), label);
                        Interpretation read = config.parseResponse(iface, built.getBody(), "xwdb_1");
                        assertEquals(value, read.getValue(), label);
                        assertEquals(built.getResponseRefId(), read.getResponseRefId(), label);
                        assertTrue(config.checkResponse(iface, built.getBody(), 200, null).isEmpty(), label);
                    }
                }
            }
        }
    }

    @Test
    void providerFailureReadsAsProviderError() {
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            BuiltResponse built = config.buildFailureResponse(Interface.MBASU001, "xwdb_1", "1001", "签名错误");
            MbasuException error = assertThrows(MbasuException.class,
                    () -> config.parseResponse(Interface.MBASU001, built.getBody(), null));
            assertEquals(ErrorCode.PROVIDER_ERROR, error.getErrorCode());
            assertEquals("1001", error.getResponseCode());
            assertEquals("签名错误", error.getResponseMsg());

            HttpResult http = config.interpretHttp(Interface.MBASU001, 200, built.getBody(), null);
            assertEquals(HttpResult.Kind.PROVIDER_ERROR, http.getKind());
            assertEquals("1001", http.getError().getResponseCode());
        }
    }

    @Test
    void interpretHttpClassifiesExchanges() {
        JsonNode cases = Vectors.load("responses.json").get("cases");
        String answer = Vectors.text(cases.get(5), "body");
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            HttpResult ok = config.interpretHttp(Interface.MBASU001, 200, answer, null);
            assertEquals(HttpResult.Kind.ANSWERED, ok.getKind());
            assertEquals("-2", ok.getInterpretation().getValue());
            assertTrue(ok.getInterpretation().isRetryable());

            HttpResult asError = config.interpretHttp(Interface.MBASU001, 500, answer, null);
            assertEquals(HttpResult.Kind.ANSWERED, asError.getKind());

            HttpResult gateway = config.interpretHttp(Interface.MBASU004, 502, "<html>502 Bad Gateway</html>", null);
            assertEquals(HttpResult.Kind.TRANSPORT_FAILURE, gateway.getKind());
            assertTrue(gateway.isRetryable());
            assertNotNull(gateway.getError());

            HttpResult badRequest = config.interpretHttp(Interface.MBASU004, 400, "bad", null);
            assertEquals(HttpResult.Kind.TRANSPORT_FAILURE, badRequest.getKind());
            assertFalse(badRequest.isRetryable());

            HttpResult broken = config.interpretHttp(Interface.MBASU004, 200, "{}", null);
            assertEquals(HttpResult.Kind.INVALID_RESPONSE, broken.getKind());
            assertEquals(ErrorCode.MISSING_FIELD, broken.getError().getErrorCode());
        }
    }

    @Test
    void conformanceListsFindings() {
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            String body = "{\"head\":{\"result\":\"Y\",\"responseRefId\":\"TR1\",\"requestRefId\":\"xwdb_1\","
                    + "\"responseCode\":\"0000\",\"responseMsg\":\"查询成功\"},\"response\":{\"isIdNameMatch\":0},\"extra\":1}";
            java.util.List<Finding> findings = config.checkResponse(Interface.MBASU001, body, 200, null);
            assertFalse(findings.isEmpty());
            boolean sawNumber = false;
            boolean sawExtra = false;
            for (Finding finding : findings) {
                sawNumber |= finding.getErrorCode() == ErrorCode.VALUE_NOT_STRING;
                sawExtra |= finding.getErrorCode() == ErrorCode.UNEXPECTED_FIELD && finding.getPath().equals("extra");
            }
            assertTrue(sawNumber, findings.toString());
            assertTrue(sawExtra, findings.toString());
        }
    }

    @Test
    void requestFieldErrorsRaiseTheirCodes() {
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            MbasuException badCertNo = assertThrows(MbasuException.class, () -> config.buildRequest(Interface.MBASU001,
                    "13800138000", "110105194912310020", "张三"));
            assertEquals(ErrorCode.CERT_NO_CHECK_DIGIT, badCertNo.getErrorCode());
            assertFalse(badCertNo.getMessageEn().contains("110105194912310020"), "the ID number is masked");

            MbasuException noName = assertThrows(MbasuException.class, () -> config.buildRequest(Interface.MBASU001,
                    "13800138000", "11010519491231002X", null));
            assertEquals(ErrorCode.NAME_MISSING, noName.getErrorCode());

            MbasuException withType = assertThrows(MbasuException.class, () -> config.buildRequest(Interface.MBASU004,
                    "13800138000", "11010519491231002X", null, RequestOptions.of(EncryptType.MD5, RequestForm.STANDARD)));
            assertEquals(ErrorCode.ENCRYPT_TYPE_NOT_ALLOWED, withType.getErrorCode());

            MbasuException unsigned = assertThrows(MbasuException.class, () -> config.buildRequest(Interface.MBASU004,
                    "13800138000", "11010519491231002X", null, RequestOptions.of(null, RequestForm.SIGNED)));
            assertEquals(ErrorCode.CREDENTIALS_MISSING, unsigned.getErrorCode());

            MbasuException badRef = assertThrows(MbasuException.class, () -> config.buildRequest(Interface.MBASU004,
                    "13800138000", "11010519491231002X", null,
                    RequestOptions.builder().requestRefId("has \"quote\"").build()));
            assertEquals(ErrorCode.INVALID_REQUEST_REF_ID, badRef.getErrorCode());
        }
    }

    @Test
    void normalisingByDefaultStrictOnRequest() {
        try (MbasuConfig normalizing = MbasuConfig.builder().build();
                MbasuConfig strict = MbasuConfig.builder().validationMode(Mode.STRICT).build()) {
            BuiltRequest built = normalizing.buildRequest(Interface.MBASU004, "+86 138 0013 8000", "11010519491231002x", null,
                    RequestOptions.builder().requestRefId("xwdb_1").build());
            assertEquals("{\"head\":{\"requestRefId\":\"xwdb_1\"},\"request\":{\"param\":{\"mobile\":\"13800138000\","
                    + "\"certType\":\"00\",\"certNo\":\"11010519491231002X\"}}}", built.getBody());
            MbasuException error = assertThrows(MbasuException.class,
                    () -> strict.buildRequest(Interface.MBASU004, "+86 138 0013 8000", "11010519491231002X", null));
            assertEquals(ErrorCode.MOBILE_FORMAT, error.getErrorCode());
        }
    }

    /** Every case of responses.json read from UTF-8 bytes gives what the String overload gives. */
    @Test
    void responseVectorsAsBytes() {
        JsonNode cases = Vectors.load("responses.json").get("cases");
        int index = 0;
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            for (JsonNode testCase : cases) {
                String label = "case " + index++;
                Interface iface = Interface.valueOf(Vectors.text(testCase, "interface"));
                String body = Vectors.text(testCase, "body");
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                String expectedRef = Vectors.optionalText(testCase, "expected_request_ref");

                String error = Vectors.optionalText(testCase.get("expect"), "error");
                if (error != null) {
                    MbasuException thrown = assertThrows(MbasuException.class,
                            () -> config.parseResponse(iface, bytes, expectedRef), label);
                    assertEquals(error, thrown.getName(), label + ": " + thrown.getMessage());
                    MbasuException fromString = assertThrows(MbasuException.class,
                            () -> config.parseResponse(iface, body, expectedRef), label);
                    assertEquals(fromString.getMessageEn(), thrown.getMessageEn(), label);
                    assertEquals(fromString.getResponseCode(), thrown.getResponseCode(), label);
                    assertEquals(fromString.getResponseMsg(), thrown.getResponseMsg(), label);
                    continue;
                }

                Interpretation fromBytes = config.parseResponse(iface, bytes, expectedRef);
                Interpretation fromString = config.parseResponse(iface, body, expectedRef);
                assertSameInterpretation(label, fromString, fromBytes);
                HttpResult http = config.interpretHttp(iface, 200, body, expectedRef);
                assertSameInterpretation(label + " via interpretHttp", http.getInterpretation(), fromBytes);
            }
        }
    }

    private static void assertSameInterpretation(String label, Interpretation expected, Interpretation actual) {
        assertEquals(expected.getInterface(), actual.getInterface(), label);
        assertEquals(expected.getValue(), actual.getValue(), label);
        assertEquals(expected.getCategory(), actual.getCategory(), label);
        assertEquals(expected.getOutcome(), actual.getOutcome(), label);
        assertEquals(expected.isRetryable(), actual.isRetryable(), label);
        assertEquals(expected.getLabelZh(), actual.getLabelZh(), label);
        assertEquals(expected.getLabelEn(), actual.getLabelEn(), label);
        assertEquals(String.valueOf(expected.getMatch()), String.valueOf(actual.getMatch()), label);
        assertEquals(String.valueOf(expected.getInNetPeriod()), String.valueOf(actual.getInNetPeriod()), label);
        assertEquals(String.valueOf(expected.getLineStatus()), String.valueOf(actual.getLineStatus()), label);
        assertEquals(expected.getRequestRefId(), actual.getRequestRefId(), label);
        assertEquals(expected.getResponseRefId(), actual.getResponseRefId(), label);
        assertEquals(expected.getResponseMsg(), actual.getResponseMsg(), label);
        assertEquals(expected.getWarnings().size(), actual.getWarnings().size(), label);
        for (int i = 0; i < expected.getWarnings().size(); i++) {
            assertEquals(expected.getWarnings().get(i).getName(), actual.getWarnings().get(i).getName(), label);
            assertEquals(expected.getWarnings().get(i).getMessageEn(), actual.getWarnings().get(i).getMessageEn(), label);
        }
    }

    @Test
    void responseBytesHeadStringsAndEdges() {
        String body = "{\"head\":{\"result\":\"Y\",\"responseRefId\":\"TR2941_1\",\"requestRefId\":\"xwdb_1\","
                + "\"responseCode\":\"0000\",\"responseMsg\":\"查询成功 𠮷\"},\"response\":{\"isIdNameMatch\":\"2\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            Interpretation read = config.parseResponse(Interface.MBASU001, bytes, "xwdb_1");
            assertEquals("2", read.getValue());
            assertEquals(Outcome.FAIL, read.getOutcome());
            assertEquals("xwdb_1", read.getRequestRefId());
            assertEquals("TR2941_1", read.getResponseRefId());
            assertEquals("查询成功 𠮷", read.getResponseMsg());
            assertTrue(read.toString().contains("xwdb_1"), read.toString());

            byte[] withBom = new byte[bytes.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(bytes, 0, withBom, 3, bytes.length);
            assertEquals("2", config.parseResponse(Interface.MBASU001, withBom, null).getValue());

            String noHead = "{\"head\":{\"result\":\"Y\",\"responseCode\":\"0000\"},\"response\":{\"isIdNameMatch\":\"0\"}}";
            Interpretation bare = config.parseResponse(Interface.MBASU001, noHead.getBytes(StandardCharsets.UTF_8), null);
            assertNull(bare.getRequestRefId());
            assertNull(bare.getResponseRefId());
            assertNull(bare.getResponseMsg());

            byte[] invalidUtf8 = "{\"head\":{\"responseMsg\":\"X\"}}".getBytes(StandardCharsets.UTF_8);
            invalidUtf8[24] = (byte) 0xFF;
            assertCode(ErrorCode.MALFORMED_JSON, () -> config.parseResponse(Interface.MBASU001, invalidUtf8, null));
            assertCode(ErrorCode.MALFORMED_JSON, () -> config.parseResponse(Interface.MBASU001, new byte[0], null));
            assertCode(ErrorCode.NULL_POINTER, () -> config.parseResponse(Interface.MBASU001, (byte[]) null, null));
            assertCode(ErrorCode.NULL_POINTER, () -> config.parseResponse(null, bytes, null));
            assertCode(ErrorCode.LONE_SURROGATE, () -> config.parseResponse(Interface.MBASU001, bytes, "xwdb_\uD842"));
            assertCode(ErrorCode.REQUEST_REF_MISMATCH, () -> config.parseResponse(Interface.MBASU001, bytes, "xwdb_2"));

            byte[] large = oneMebibyteResponse().getBytes(StandardCharsets.UTF_8);
            assertCode(ErrorCode.BODY_TOO_LARGE, () -> config.parseResponse(Interface.MBASU001, large, null));
        }
        try (MbasuConfig roomy = MbasuConfig.builder().maxBodyBytes(2L << 20).build()) {
            byte[] large = oneMebibyteResponse().getBytes(StandardCharsets.UTF_8);
            assertEquals("0", roomy.parseResponse(Interface.MBASU001, large, null).getValue());
        }
        MbasuConfig closed = MbasuConfig.builder().build();
        closed.close();
        assertCode(ErrorCode.CLOSED_HANDLE, () -> closed.parseResponse(Interface.MBASU001, bytes, null));
    }

    @Test
    void builtRequestBodyBytesAreUtf8Copies() {
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            BuiltRequest built = config.buildRequest(Interface.MBASU001, "13800138000", "11010519491231002X", "𠮷田",
                    RequestOptions.builder().requestRefId("xwdb_1").build());
            byte[] first = built.getBodyBytes();
            assertEquals(built.getBody(), new String(first, StandardCharsets.UTF_8));
            assertTrue(built.getBody().contains("\"name\":\"𠮷田\""), built.getBody());
            first[0] = 'X';
            assertEquals('{', built.getBodyBytes()[0]);
            assertEquals("/MBASU001", built.getPath());
            assertEquals("xwdb_1", built.getRequestRefId());
            assertFalse(built.toString().contains("13800138000"), built.toString());
        }
    }

    @Test
    void oneMebibyteBodyIsTooLarge() {
        String body = oneMebibyteResponse();
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            MbasuException error = assertThrows(MbasuException.class,
                    () -> config.parseResponse(Interface.MBASU001, body, null));
            assertEquals(ErrorCode.BODY_TOO_LARGE, error.getErrorCode());
            assertTrue(error.getMessageEn().contains("65536"), error.getMessageEn());

            MbasuException request = assertThrows(MbasuException.class,
                    () -> config.parseRequest(Interface.MBASU001, body));
            assertEquals(ErrorCode.BODY_TOO_LARGE, request.getErrorCode());
        }
        try (MbasuConfig roomy = MbasuConfig.builder().maxBodyBytes(2L << 20).build()) {
            assertEquals("0", roomy.parseResponse(Interface.MBASU001, body, null).getValue());
        }
    }

    @Test
    void nullAndSurrogateArgumentsOnEnvelopes() {
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            assertCode(ErrorCode.NULL_POINTER, () -> config.parseResponse(Interface.MBASU001, (String) null, null));
            assertCode(ErrorCode.NULL_POINTER, () -> config.parseResponse(null, "{}", null));
            assertCode(ErrorCode.NULL_POINTER, () -> config.buildRequest(Interface.MBASU004, null, "11010519491231002X", null));
            assertCode(ErrorCode.NULL_POINTER, () -> config.parseRequest(Interface.MBASU004, null));
            assertCode(ErrorCode.LONE_SURROGATE,
                    () -> config.buildRequest(Interface.MBASU001, "13800138000", "11010519491231002X", "\uD842田"));
            assertCode(ErrorCode.LONE_SURROGATE, () -> config.parseResponse(Interface.MBASU001, "{\"a\":\"\uDFB7\"}", null));
            assertCode(ErrorCode.MALFORMED_JSON, () -> config.parseResponse(Interface.MBASU001, "", null));
        }
        MbasuConfig closed = MbasuConfig.builder().build();
        closed.close();
        assertCode(ErrorCode.CLOSED_HANDLE,
                () -> closed.buildRequest(Interface.MBASU004, "13800138000", "11010519491231002X", null));
        assertCode(ErrorCode.CLOSED_HANDLE, () -> closed.parseResponse(Interface.MBASU004, "{}", null));
    }

    @Test
    void builderRejectsBadEnvelopeSettings() {
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> MbasuConfig.builder().credentials("has space", "AQID").build());
        assertCode(ErrorCode.INVALID_BASE64, () -> MbasuConfig.builder().credentials("ORG1", "@@@").build());
        assertCode(ErrorCode.INVALID_REQUEST_REF_ID, () -> MbasuConfig.builder().requestRefIdPrefix("a\"b").build());
        try (MbasuConfig shortKey = MbasuConfig.builder().credentials("ORG1", "AQIDBA==").build()) {
            assertCode(ErrorCode.KEY_LENGTH, () -> shortKey.buildRequest(Interface.MBASU004, "13800138000",
                    "11010519491231002X", null, RequestOptions.of(null, RequestForm.SEALED)));
        }
    }

    @Test
    void interfaceLabelsComeFromTheCore() {
        assertEquals("手机三要素核验", Interface.MBASU001.getLabelZh());
        assertEquals("line status", Interface.MBASU004.getLabelEn());
    }

    private static MbasuConfig fullConfig() {
        return MbasuConfig.builder()
                .tripleDesKey("0123456789abcdefghijklmn".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .cbcIv("12345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .credentials("ORG0001", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY")
                .fixedClock(VECTOR_DAY)
                .build();
    }

    private static MbasuConfig unsignedConfig() {
        return MbasuConfig.builder()
                .tripleDesKey("0123456789abcdefghijklmn".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .cbcIv("12345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .fixedClock(VECTOR_DAY)
                .build();
    }

    /** The spec's sample answer padded with whitespace to exactly 1 MiB of UTF-8. */
    /**
     * Bodies around the size of a {@link ResponseScratch} buffer: one that leaves room for the
     * reading behind it, one whose reading does not fit there, one with no room for the
     * reading's length, and one that is too large for the buffer. Each must read as the same
     * body given as a String, which never goes through a buffer.
     */
    @Test
    void responseBytesAroundBufferCapacity() {
        String prefix = "{\"head\":{\"result\":\"Y\",\"responseRefId\":\"TR2941_1\",\"requestRefId\":\"xwdb_1\","
                + "\"responseCode\":\"0000\",\"responseMsg\":\"";
        String suffix = "\"},\"response\":{\"isIdNameMatch\":0}}";
        int capacity = ResponseScratch.CAPACITY;
        int[] bodyLengths = {200, 1000, capacity - 20, capacity - 4, capacity - 3, capacity, capacity + 1};
        int frameLength = (prefix + suffix).getBytes(StandardCharsets.UTF_8).length;
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            for (int bodyLength : bodyLengths) {
                // 查询成功 is 12 bytes of UTF-8; ASCII padding brings the body to its length.
                StringBuilder message = new StringBuilder("查询成功");
                for (int i = frameLength + 12; i < bodyLength; i++) {
                    message.append('a');
                }
                String body = prefix + message + suffix;
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                String label = "body of " + bytes.length + " bytes";
                assertEquals(bodyLength, bytes.length, label);

                Interpretation fromBytes = config.parseResponse(Interface.MBASU001, bytes, "xwdb_1");
                Interpretation fromString = config.parseResponse(Interface.MBASU001, body, "xwdb_1");
                assertEquals("0", fromBytes.getValue(), label);
                assertEquals(message.toString(), fromBytes.getResponseMsg(), label);
                assertEquals(1, fromBytes.getWarnings().size(), label);
                assertSameInterpretation(label, fromString, fromBytes);
            }
        }
    }

    private static String oneMebibyteResponse() {
        String answer = "{\"head\":{\"result\":\"Y\",\"responseRefId\":\"TR1\",\"requestRefId\":\"xwdb_1\","
                + "\"responseCode\":\"0000\",\"responseMsg\":\"ok\"},\"response\":{\"isIdNameMatch\":\"0\"}}";
        StringBuilder body = new StringBuilder(1 << 20);
        body.append(answer);
        while (body.length() < (1 << 20)) {
            body.append(' ');
        }
        return body.toString();
    }

    private static void assertCode(ErrorCode expected, org.junit.jupiter.api.function.Executable call) {
        MbasuException error = assertThrows(MbasuException.class, call);
        if (error.getErrorCode() != expected) {
            fail("expected " + expected + ", got " + error.getMessage());
        }
    }
}
