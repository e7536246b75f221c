package cn.mbasu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;

/**
 * mbasu against the JDK (MessageDigest MD5 and SHA-256, SunJCE DESede) and BouncyCastle (SM3),
 * byte for byte, on fixed and generated inputs that include characters outside the BMP.
 */
class JdkCrossCheckTest {
    private static final byte[] KEY = "mbasu cross-check key 24".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IV = "8bytesIV".getBytes(StandardCharsets.US_ASCII);

    @Test
    void digestsMatchJdkAndBouncyCastle() throws GeneralSecurityException {
        for (String input : inputs()) {
            byte[] utf8 = input.getBytes(StandardCharsets.UTF_8);
            assertEquals(Vectors.hex(MessageDigest.getInstance("MD5").digest(utf8)),
                    Mbasu.hash(EncryptType.MD5, input), input);
            assertEquals(Vectors.hex(MessageDigest.getInstance("SHA-256").digest(utf8)),
                    Mbasu.hash(EncryptType.SHA256, input), input);
            assertEquals(Vectors.hex(bouncyCastleSm3(utf8)), Mbasu.hash(EncryptType.SM3, input), input);
        }
    }

    @Test
    void tripleDesMatchesSunJce() throws GeneralSecurityException {
        SecretKeySpec key = new SecretKeySpec(KEY, "DESede");
        Cipher ecb = Cipher.getInstance("DESede/ECB/PKCS5Padding");
        Cipher cbc = Cipher.getInstance("DESede/CBC/PKCS5Padding");
        try (MbasuConfig ecbConfig = MbasuConfig.builder().tripleDesKey(KEY).build();
                MbasuConfig cbcHexConfig = MbasuConfig.builder().tripleDesKey(KEY).cbcIv(IV).hexCipherText(true).build()) {
            for (String input : inputs()) {
                byte[] utf8 = input.getBytes(StandardCharsets.UTF_8);

                ecb.init(Cipher.ENCRYPT_MODE, key);
                String jdkEcb = Base64.getEncoder().encodeToString(ecb.doFinal(utf8));
                assertEquals(jdkEcb, ecbConfig.encrypt(EncryptType.TRIPLE_DES, input), input);
                assertEquals(input, ecbConfig.decrypt(jdkEcb), input);

                cbc.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(IV));
                String jdkCbc = Vectors.hex(cbc.doFinal(utf8));
                assertEquals(jdkCbc, cbcHexConfig.encrypt(EncryptType.TRIPLE_DES, input), input);

                String ours = cbcHexConfig.encrypt(EncryptType.TRIPLE_DES, input);
                cbc.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(IV));
                assertEquals(input, new String(cbc.doFinal(Vectors.hex(ours)), StandardCharsets.UTF_8), input);
            }
        }
    }

    private static byte[] bouncyCastleSm3(byte[] bytes) {
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** Fixed inputs from the vectors plus generated names mixing BMP and CJK Extension B characters. */
    private static List<String> inputs() {
        List<String> inputs = new ArrayList<>();
        inputs.add("");
        inputs.add("13800138000");
        inputs.add("11010519491231002X");
        inputs.add("张三");
        inputs.add("阿依古丽·买买提");
        inputs.add("𠮷田");
        inputs.add("𠮷莉");
        inputs.add("abcdefgh");

        Random random = new Random(20261204L);
        for (int i = 0; i < 200; i++) {
            StringBuilder name = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int j = 0; j < length; j++) {
                int kind = random.nextInt(4);
                if (kind == 0) {
                    name.appendCodePoint(0x20000 + random.nextInt(0xA6E0));
                } else if (kind == 1) {
                    name.appendCodePoint(0x20 + random.nextInt(0x5F));
                } else {
                    name.appendCodePoint(0x4E00 + random.nextInt(0x51A0));
                }
            }
            inputs.add(name.toString());
        }
        return inputs;
    }
}
