package cn.mbasu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every case of encrypt.json and interop.json through the Java API, pitfalls included. */
class EncryptionVectorsTest {

    @Test
    void encryptJsonCases() {
        JsonNode vectors = Vectors.load("encrypt.json");
        byte[] iv = Vectors.hex(Vectors.text(vectors, "cbc_iv_hex"));
        try (MbasuConfig ecbBase64 = MbasuConfig.builder().tripleDesKeyBase64(Vectors.text(vectors, "key_base64")).build();
                MbasuConfig ecbHex = MbasuConfig.builder().tripleDesKeyHex(Vectors.text(vectors, "key_hex"))
                        .hexCipherText(true).build();
                MbasuConfig cbc = MbasuConfig.builder().tripleDesKeyBase64(Vectors.text(vectors, "key_base64"))
                        .cbcIv(iv).build()) {
            int count = 0;
            for (JsonNode testCase : vectors.get("cases")) {
                String input = Vectors.text(testCase, "input");
                assertEquals(Vectors.text(testCase, "md5"), Mbasu.hash(EncryptType.MD5, input), input);
                assertEquals(Vectors.text(testCase, "sha256"), Mbasu.hash(EncryptType.SHA256, input), input);
                assertEquals(Vectors.text(testCase, "sm3"), Mbasu.hash(EncryptType.SM3, input), input);
                assertEquals(Vectors.text(testCase, "md5"), ecbBase64.encrypt(EncryptType.MD5, input), input);
                assertEquals(Vectors.text(testCase, "sha256"), ecbBase64.encrypt(EncryptType.SHA256, input), input);
                assertEquals(Vectors.text(testCase, "sm3"), ecbBase64.encrypt(EncryptType.SM3, input), input);
                assertEquals(input, ecbBase64.encrypt(EncryptType.PLAINTEXT, input), input);

                String ecbBase64Text = Vectors.text(testCase, "3des_ecb_base64");
                String ecbHexText = Vectors.text(testCase, "3des_ecb_hex");
                String cbcText = Vectors.text(testCase, "3des_cbc_base64");
                assertEquals(ecbBase64Text, ecbBase64.encrypt(EncryptType.TRIPLE_DES, input), input);
                assertEquals(ecbHexText, ecbHex.encrypt(EncryptType.TRIPLE_DES, input), input);
                assertEquals(cbcText, cbc.encrypt(EncryptType.TRIPLE_DES, input), input);

                assertEquals(input, ecbBase64.decrypt(ecbBase64Text), input);
                assertEquals(input, ecbHex.decrypt(ecbHexText), input);
                assertEquals(input, cbc.decrypt(cbcText), input);
                count++;
            }
            assertEquals(5, count);
        }
    }

    @Test
    void encryptJsonTwoKey() {
        JsonNode twoKey = Vectors.load("encrypt.json").get("two_key");
        byte[] key16 = Vectors.hex(Vectors.text(twoKey, "key_hex"));

        MbasuException wrongLength = assertThrows(MbasuException.class,
                () -> MbasuConfig.builder().tripleDesKey(key16).build());
        assertEquals(ErrorCode.KEY_LENGTH.getCode(), wrongLength.getCode());
        assertEquals("key_length", wrongLength.getName());

        try (MbasuConfig config = MbasuConfig.builder().tripleDesTwoKey(key16).build()) {
            assertEquals(Vectors.text(twoKey, "3des_ecb_base64"),
                    config.encrypt(EncryptType.TRIPLE_DES, Vectors.text(twoKey, "input")));
        }
    }

    @Test
    void decryptIgnoresBase64LineBreaks() {
        JsonNode vectors = Vectors.load("encrypt.json");
        try (MbasuConfig config = MbasuConfig.builder().tripleDesKeyBase64(Vectors.text(vectors, "key_base64")).build()) {
            assertEquals("11010519491231002X", config.decrypt("t2YKJQ2lKgwP3T0K\r\nVCNlx0m8DzPs XZp6\n"));
        }
    }

    @Test
    void hashOptionsChangeCaseAndLength() {
        assertEquals("7945BD83237335E5376FF44D62E4F0AE",
                Mbasu.hash(EncryptType.MD5, "13800138000", HashOptions.of(true, false)));
        assertEquals("237335e5376ff44d", Mbasu.hash(EncryptType.MD5, "13800138000", HashOptions.of(false, true)));
        try (MbasuConfig config = MbasuConfig.builder().hashOptions(HashOptions.of(true, false)).build()) {
            assertEquals("7945BD83237335E5376FF44D62E4F0AE", config.encrypt(EncryptType.MD5, "13800138000"));
        }
    }

    @Test
    void interopVectors() {
        JsonNode interop = Vectors.load("interop.json");
        JsonNode params = interop.get("tdes_params");
        String keyHex = Vectors.text(params, "key_hex");
        byte[] iv = Vectors.hex(Vectors.text(params, "iv_hex"));
        int count = 0;
        try (MbasuConfig ecbHex = MbasuConfig.builder().tripleDesKeyHex(keyHex).hexCipherText(true).build();
                MbasuConfig ecbBase64 = MbasuConfig.builder().tripleDesKey(Vectors.hex(keyHex)).build();
                MbasuConfig cbcHex = MbasuConfig.builder().tripleDesKeyHex(keyHex).cbcIv(iv).hexCipherText(true).build();
                MbasuConfig cbcBase64 = MbasuConfig.builder().tripleDesKeyHex(keyHex).cbcIv(iv).build()) {
            Iterator<Map.Entry<String, JsonNode>> vectors = interop.get("vectors").fields();
            while (vectors.hasNext()) {
                Map.Entry<String, JsonNode> entry = vectors.next();
                String name = entry.getKey();
                JsonNode expected = entry.getValue();
                JsonNode input = interop.get("inputs").get(name);
                String text = Vectors.text(input, "text");

                assertEquals(Vectors.text(input, "utf8_hex"), Vectors.hex(text.getBytes(StandardCharsets.UTF_8)), name);
                assertEquals(Vectors.text(expected, "md5"), Mbasu.hash(EncryptType.MD5, text), name);
                assertEquals(Vectors.text(expected, "sha256"), Mbasu.hash(EncryptType.SHA256, text), name);
                assertEquals(Vectors.text(expected, "sm3"), Mbasu.hash(EncryptType.SM3, text), name);
                assertEquals(Vectors.text(expected, "tdes_ecb_hex"), ecbHex.encrypt(EncryptType.TRIPLE_DES, text), name);
                assertEquals(Vectors.text(expected, "tdes_ecb_b64"), ecbBase64.encrypt(EncryptType.TRIPLE_DES, text), name);
                assertEquals(Vectors.text(expected, "tdes_cbc_hex"), cbcHex.encrypt(EncryptType.TRIPLE_DES, text), name);
                assertEquals(Vectors.text(expected, "tdes_cbc_b64"), cbcBase64.encrypt(EncryptType.TRIPLE_DES, text), name);
                count++;
            }
        }
        assertEquals(5, count);
    }

    @Test
    void officialDigestVectors() {
        JsonNode official = Vectors.load("interop.json").get("official_vectors");

        JsonNode sm3 = official.get("sm3_gbt32905_2016");
        assertEquals(Vectors.text(sm3, "abc"), Mbasu.hash(EncryptType.SM3, "abc"));
        assertEquals(Vectors.text(sm3, "abcd*16 (64 bytes)"), Mbasu.hash(EncryptType.SM3, repeat("abcd", 16)));

        int md5Count = 0;
        Iterator<Map.Entry<String, JsonNode>> md5 = official.get("md5_rfc1321_A5").fields();
        while (md5.hasNext()) {
            Map.Entry<String, JsonNode> entry = md5.next();
            assertEquals(entry.getValue().asText(), Mbasu.hash(EncryptType.MD5, entry.getKey()), entry.getKey());
            md5Count++;
        }
        assertEquals(7, md5Count);

        int sha256Count = 0;
        Iterator<Map.Entry<String, JsonNode>> sha256 = official.get("sha256_fips180").fields();
        while (sha256.hasNext()) {
            Map.Entry<String, JsonNode> entry = sha256.next();
            String message = entry.getKey().equals("a*1000000") ? repeat("a", 1_000_000) : entry.getKey();
            assertEquals(entry.getValue().asText(), Mbasu.hash(EncryptType.SHA256, message), entry.getKey());
            sha256Count++;
        }
        assertEquals(4, sha256Count);
    }

    /**
     * SP 800-67 Appendix B through the text API: the plaintext is ASCII and block-aligned, so ECB
     * with PKCS#7 adds one padding block and the first 24 bytes are the standard's ciphertext.
     */
    @Test
    void officialTdesVector() {
        JsonNode appendixB = Vectors.load("interop.json").get("official_vectors").get("tdes_sp800_67_appendixB");
        try (MbasuConfig config = MbasuConfig.builder().tripleDesKeyHex(Vectors.text(appendixB, "key"))
                .hexCipherText(true).build()) {
            String ciphertext = config.encrypt(EncryptType.TRIPLE_DES, Vectors.text(appendixB, "plaintext_ascii"));
            assertEquals(64, ciphertext.length());
            assertEquals(Vectors.text(appendixB, "openssl"), ciphertext.substring(0, 48));
        }
    }

    /**
     * SP 800-20 samples with K1 = K2 = K3 through the text API, for the plaintext blocks that are
     * valid UTF-8 (the block 80 00 … is not, so only the Rust tests can cover it).
     */
    @Test
    void officialTdesSamples() {
        JsonNode samples = Vectors.load("interop.json").get("official_vectors")
                .get("tdes_sp800_20_kat_samples_k1_eq_k2_eq_k3");
        int checked = 0;
        for (JsonNode sample : samples) {
            String single = Vectors.text(sample, "key_k1=k2=k3");
            byte[] plaintext = Vectors.hex(Vectors.text(sample, "pt"));
            String text = new String(plaintext, StandardCharsets.UTF_8);
            if (!java.util.Arrays.equals(plaintext, text.getBytes(StandardCharsets.UTF_8))) {
                continue;
            }
            try (MbasuConfig config = MbasuConfig.builder().tripleDesKeyHex(single + single + single)
                    .hexCipherText(true).build()) {
                String ciphertext = config.encrypt(EncryptType.TRIPLE_DES, text);
                assertEquals(Vectors.text(sample, "openssl_des_ede3"), ciphertext.substring(0, 16), single);
            }
            checked++;
        }
        assertEquals(4, samples.size());
        assertEquals(3, checked);
    }

    @Test
    void nonBmpNameHashesAsUtf8NotCesu8() {
        JsonNode interop = Vectors.load("interop.json");
        String name = Vectors.text(interop.get("inputs").get("name_nonbmp"), "text");
        JsonNode correct = interop.get("vectors").get("name_nonbmp");
        JsonNode cesu8 = interop.get("pitfall_vectors").get("name_nonbmp__CESU8_modified_utf8");
        for (EncryptType type : new EncryptType[] {EncryptType.MD5, EncryptType.SHA256, EncryptType.SM3}) {
            String digest = Mbasu.hash(type, name);
            assertEquals(Vectors.text(correct, type.coreName()), digest, type.coreName());
            assertNotEquals(Vectors.text(cesu8, type.coreName()), digest, type.coreName());
        }
    }

    @Test
    void pitfallDigestsNeverMatch() {
        JsonNode pitfalls = Vectors.load("interop.json").get("pitfall_vectors");
        String[][] cases = {
            {"name_zhangsan__GBK", "张三"},
            {"name_uyghur__GBK", "阿依古丽·买买提"},
            {"name_nonbmp__GB18030", "𠮷莉"},
            {"name_nonbmp__java_GBK_replacement", "𠮷莉"},
            {"name_nonbmp__CESU8_modified_utf8", "𠮷莉"},
            {"id_number__lowercase_x", "11010519491231002X"},
            {"id_number__fullwidth_X", "11010519491231002X"},
            {"name_uyghur__U+2022_bullet", "阿依古丽·买买提"},
            {"name_uyghur__U+30FB_katakana_middle_dot", "阿依古丽·买买提"},
            {"name_uyghur__U+FF0E_fullwidth_full_stop", "阿依古丽·买买提"},
            {"name_uyghur__U+2027_hyphenation_point", "阿依古丽·买买提"},
            {"name_zhangsan__trailing_space", "张三"},
            {"name_zhangsan__uppercase_hex", "张三"},
        };
        for (String[] testCase : cases) {
            JsonNode pitfall = pitfalls.get(testCase[0]);
            for (EncryptType type : new EncryptType[] {EncryptType.MD5, EncryptType.SHA256, EncryptType.SM3}) {
                String wrong = Vectors.optionalText(pitfall, type.coreName());
                if (wrong != null) {
                    assertNotEquals(wrong, Mbasu.hash(type, testCase[1]), testCase[0] + " " + type.coreName());
                }
            }
        }
        assertNotEquals(Vectors.text(pitfalls.get("name_zhangsan__old_js_sm3_codepoint_bits"), "sm3"),
                Mbasu.hash(EncryptType.SM3, "张三"));
        assertNotEquals(Vectors.text(pitfalls.get("md5_low_byte_truncation_zhangsan"), "md5"),
                Mbasu.hash(EncryptType.MD5, "张三"));
    }

    @Test
    void pitfallInputsNormaliseToCorrectDigests() {
        String name = Mbasu.validateName("阿依古丽•买买提", ValidationOptions.NORMALIZE).getValue();
        assertEquals("46158988037f01ff1015a8923662b015", Mbasu.hash(EncryptType.MD5, name));
        String certNo = Mbasu.validateCertNo("11010519491231002ｘ", ValidationOptions.NORMALIZE).getValue();
        assertEquals("ae05564031c21338aa8a2e7266e7855c", Mbasu.hash(EncryptType.MD5, certNo));
    }

    @Test
    void pitfallTdesVariants() {
        JsonNode variants = Vectors.load("interop.json").get("pitfall_vectors").get("tdes_mobile_variants");
        byte[] key24 = "0123456789abcdefghijklmn".getBytes(StandardCharsets.US_ASCII);
        try (MbasuConfig config = MbasuConfig.builder().tripleDesKey(key24).hexCipherText(true).build()) {
            String ecb = config.encrypt(EncryptType.TRIPLE_DES, "13800138000");
            assertEquals(Vectors.text(variants, "ecb_pkcs5_key24"), ecb);
            assertNotEquals(Vectors.text(variants.get("ecb_zero_padding_key24"), "hex"), ecb);
            assertNotEquals(Vectors.text(variants.get("cbc_zero_iv_key24"), "hex"), ecb);
        }

        byte[] key16 = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        try (MbasuConfig config = MbasuConfig.builder().tripleDesTwoKey(key16).hexCipherText(true).build()) {
            String expanded = config.encrypt(EncryptType.TRIPLE_DES, "13800138000");
            assertEquals(Vectors.text(variants.get("ecb_key16_2TDEA_K1K2K1"), "hex"), expanded);
            assertNotEquals(Vectors.text(variants.get("ecb_key16_zero_filled_K3"), "hex"), expanded);
        }

        byte[] degenerate = "012345670123456701234567".getBytes(StandardCharsets.US_ASCII);
        try (MbasuConfig config = MbasuConfig.builder().tripleDesKey(degenerate).hexCipherText(true).build()) {
            assertEquals(Vectors.text(variants.get("ecb_degenerate_key_k1_eq_k2_eq_k3"), "hex"),
                    config.encrypt(EncryptType.TRIPLE_DES, "13800138000"));
        }

        MbasuException key32 = assertThrows(MbasuException.class,
                () -> MbasuConfig.builder().tripleDesKey(new byte[32]).build());
        assertEquals(ErrorCode.KEY_LENGTH, key32.getErrorCode());
    }

    @Test
    void planesFourToFifteenHashCorrectly() {
        JsonNode cases = Vectors.load("interop.json").get("pitfall_vectors")
                .get("sm_crypto_0_5_8_supplementary_planes_4_to_15").get("cases");
        Iterator<Map.Entry<String, JsonNode>> entries = cases.fields();
        int count = 0;
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            int codePoint = Integer.parseInt(entry.getKey().substring(2), 16);
            String character = new String(Character.toChars(codePoint));
            String sm3 = Mbasu.hash(EncryptType.SM3, character);
            assertEquals(Vectors.text(entry.getValue(), "sm3_correct_openssl"), sm3, entry.getKey());
            assertNotEquals(Vectors.text(entry.getValue(), "sm3_sm_crypto_0_5_8_string_input"), sm3, entry.getKey());
            count++;
        }
        assertEquals(3, count);
    }

    private static String repeat(String text, int times) {
        StringBuilder builder = new StringBuilder(text.length() * times);
        for (int i = 0; i < times; i++) {
            builder.append(text);
        }
        return builder.toString();
    }
}
