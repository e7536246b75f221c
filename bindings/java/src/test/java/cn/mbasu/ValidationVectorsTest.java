package cn.mbasu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Every case of idcard.json, mobile.json and name.json through the Java API. */
class ValidationVectorsTest {
    /** The category names the vectors use, with the error code each must map to. */
    private static final Map<String, ErrorCode> CATEGORY_CODES = new HashMap<>();

    static {
        CATEGORY_CODES.put("mobile/missing", ErrorCode.MOBILE_MISSING);
        CATEGORY_CODES.put("mobile/length", ErrorCode.MOBILE_LENGTH);
        CATEGORY_CODES.put("mobile/format", ErrorCode.MOBILE_FORMAT);
        CATEGORY_CODES.put("mobile/unknown_segment", ErrorCode.MOBILE_UNKNOWN_SEGMENT);
        CATEGORY_CODES.put("certNo/missing", ErrorCode.CERT_NO_MISSING);
        CATEGORY_CODES.put("certNo/length", ErrorCode.CERT_NO_LENGTH);
        CATEGORY_CODES.put("certNo/format", ErrorCode.CERT_NO_FORMAT);
        CATEGORY_CODES.put("certNo/lowercase_x", ErrorCode.CERT_NO_LOWERCASE_X);
        CATEGORY_CODES.put("certNo/check_digit", ErrorCode.CERT_NO_CHECK_DIGIT);
        CATEGORY_CODES.put("certNo/birth_date", ErrorCode.CERT_NO_BIRTH_DATE);
        CATEGORY_CODES.put("certNo/province", ErrorCode.CERT_NO_PROVINCE);
        CATEGORY_CODES.put("certNo/province_outside_mainland", ErrorCode.CERT_NO_PROVINCE_OUTSIDE_MAINLAND);
        CATEGORY_CODES.put("name/missing", ErrorCode.NAME_MISSING);
        CATEGORY_CODES.put("name/length", ErrorCode.NAME_LENGTH);
        CATEGORY_CODES.put("name/format", ErrorCode.NAME_FORMAT);
        CATEGORY_CODES.put("name/character", ErrorCode.NAME_CHARACTER);
        CATEGORY_CODES.put("name/dot_position", ErrorCode.NAME_DOT_POSITION);
    }

    @Test
    void idcardVectors() {
        assertEquals(20, assertFile("idcard.json", Field.CERT_NO, Mbasu::validateCertNo));
    }

    @Test
    void mobileVectors() {
        assertEquals(17, assertFile("mobile.json", Field.MOBILE, Mbasu::validateMobile));
    }

    @Test
    void nameVectors() {
        assertEquals(19, assertFile("name.json", Field.NAME, Mbasu::validateName));
    }

    /** Asserts every case of one file and that each category maps to exactly one error code. */
    private static int assertFile(String file, Field field,
            BiFunction<String, ValidationOptions, FieldReport> validate) {
        JsonNode vectors = Vectors.load(file);
        LocalDate today = Vectors.today(vectors);
        ValidationOptions strict = ValidationOptions.builder().today(today).build();
        ValidationOptions normalize = ValidationOptions.builder().mode(Mode.NORMALIZE).today(today).build();
        Map<String, Integer> seenCodes = new TreeMap<>();
        int count = 0;

        for (JsonNode testCase : vectors.get("cases")) {
            count++;
            String input = Vectors.text(testCase, "input");
            String label = file + " " + input;
            boolean expectedValid = testCase.get("valid").asBoolean();

            FieldReport report = validate.apply(input, strict);
            assertEquals(field, report.getField(), label);
            assertEquals(expectedValid, report.isValid(), label + ": " + report);

            String error = Vectors.optionalText(testCase, "error");
            if (error != null) {
                Problem first = report.getFirstError();
                assertNotNull(first, label);
                assertEquals(error, first.getName(), label + ": " + report);
                assertEquals(Severity.ERROR, first.getSeverity(), label);
                assertEquals(field, first.getField(), label);
                assertFalse(first.getMessageZh().isEmpty(), label);
                assertFalse(first.getMessageEn().isEmpty(), label);
                assertNull(report.getValue(), label);
                recordCode(seenCodes, field.coreName() + "/" + error, first.getCode(), label);
            } else {
                assertEquals(input, report.getValue(), label);
            }

            String warning = Vectors.optionalText(testCase, "warning");
            if (warning != null) {
                Problem found = null;
                for (Problem problem : report.getProblems()) {
                    if (problem.getSeverity() == Severity.WARNING) {
                        found = problem;
                    }
                }
                assertNotNull(found, label + ": no warning in " + report);
                assertEquals(warning, found.getName(), label);
                recordCode(seenCodes, field.coreName() + "/" + warning, found.getCode(), label);
            }

            FieldReport normalized = validate.apply(input, normalize);
            String expectedNormalized = Vectors.optionalText(testCase, "normalized");
            if (expectedNormalized != null) {
                assertEquals(expectedNormalized, normalized.getValue(), label + ": " + normalized);
                assertFalse(normalized.getChanges().isEmpty(), label + ": no change listed");
            } else if (expectedValid) {
                assertEquals(input, normalized.getValue(), label);
                assertTrue(normalized.getChanges().isEmpty(), label);
            } else {
                assertFalse(normalized.isValid(), label);
            }
        }

        for (Map.Entry<String, Integer> seen : seenCodes.entrySet()) {
            ErrorCode expected = CATEGORY_CODES.get(seen.getKey());
            assertNotNull(expected, "no code listed for category " + seen.getKey());
            assertEquals(expected.getCode(), (int) seen.getValue(), seen.getKey());
        }
        return count;
    }

    private static void recordCode(Map<String, Integer> seenCodes, String category, int code, String label) {
        Integer previous = seenCodes.put(category, code);
        if (previous != null && previous != code) {
            fail(label + ": category " + category + " maps to both " + previous + " and " + code);
        }
    }

    @Test
    void idcardUpgradeVectors() {
        JsonNode vectors = Vectors.load("idcard.json");
        ValidationOptions options = ValidationOptions.builder().today(Vectors.today(vectors)).build();
        int upgraded = 0;
        for (JsonNode testCase : vectors.get("cases")) {
            String expected = Vectors.optionalText(testCase, "upgraded");
            if (expected == null) {
                continue;
            }
            String result = Mbasu.upgradeCertNo15To18(Vectors.text(testCase, "input"), options);
            assertEquals(expected, result);
            assertTrue(Mbasu.validateCertNo(result, options).isValid(), result);
            upgraded++;
        }
        assertEquals(1, upgraded);
    }

    @Test
    void mobileSegmentVectors() {
        int labelled = 0;
        for (JsonNode testCase : Vectors.load("mobile.json").get("cases")) {
            String expected = Vectors.optionalText(testCase, "segment");
            if (expected == null) {
                continue;
            }
            String input = Vectors.text(testCase, "input");
            MobileSegment segment = Mbasu.mobileSegment(input);
            assertNotNull(segment, input);
            assertEquals(expected, segment.getKind().coreName(), input);
            assertTrue(input.startsWith(segment.getPrefix()), input);
            assertFalse(segment.getKindLabelZh().isEmpty(), input);
            labelled++;
        }
        assertEquals(6, labelled);
    }

    @Test
    void unknownSegmentHasNoLabel() {
        assertNull(Mbasu.mobileSegment("14012345678"));
    }
}
