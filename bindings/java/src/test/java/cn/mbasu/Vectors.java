package cn.mbasu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/** Reads the shared test vectors in {@code tests/vectors} (Maven passes the directory as {@code mbasu.vectors.dir}). */
final class Vectors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Vectors() {
    }

    static JsonNode load(String file) {
        String directory = System.getProperty("mbasu.vectors.dir", "../../tests/vectors");
        File path = new File(directory, file);
        try {
            return MAPPER.readTree(path);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read test vectors " + path.getAbsolutePath(), failure);
        }
    }

    /** The file's {@code today}, or {@code null} when it has none. */
    static LocalDate today(JsonNode vectors) {
        JsonNode today = vectors.get("today");
        return today == null ? null : LocalDate.parse(today.asText());
    }

    /** A required text member; fails the test with the member's name when it is missing. */
    static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual()) {
            throw new AssertionError("vector member " + member + " is missing or not a string in " + node);
        }
        return value.asText();
    }

    /** An optional text member, or {@code null}. */
    static String optionalText(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    static byte[] hex(String text) {
        byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            text.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return text.toString();
    }
}
