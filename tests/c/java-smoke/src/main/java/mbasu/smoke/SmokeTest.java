package mbasu.smoke;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls libmbasu from Java through JNA: builds an MBASU001 request whose name 𠮷田 (a character
 * outside the Basic Multilingual Plane) is hashed with SM3, and checks the digest against
 * tests/vectors/encrypt.json. Java 17's foreign function API is still an incubator module, so
 * JNA is the binding here.
 *
 * <p>Usage: java -cp ... mbasu.smoke.SmokeTest PATH/TO/encrypt.json (with -Djna.library.path
 * pointing at libmbasu.so).
 */
public final class SmokeTest {
    /** The functions of mbasu.h this test uses; every uint32_t is an int and every handle a Pointer. */
    interface Mbasu extends Library {
        int MBASU_STATUS_OK = 0;
        int MBASU_STATUS_LONE_SURROGATE = 3;
        int MBASU_STATUS_PANIC = 6;
        int MBASU_INTERFACE_MBASU001 = 0;
        int MBASU_ENCRYPT_TYPE_SM3 = 3;
        int MBASU_REQUEST_FORM_STANDARD = 0;
        int MBASU_LANG_EN = 1;

        String mbasu_version();

        int mbasu_config_builder_new(PointerByReference builderOut, PointerByReference errorOut);

        int mbasu_config_builder_build(Pointer builder, PointerByReference configOut, PointerByReference errorOut);

        void mbasu_config_builder_free(Pointer builder);

        void mbasu_config_free(Pointer config);

        /** uint16_t units: JNA maps Java char to wchar_t, so UTF-16 units travel as short. */
        int mbasu_utf16_to_utf8(short[] units, int unitsLen, PointerByReference utf8Out, PointerByReference errorOut);

        Pointer mbasu_string_data(Pointer string);

        int mbasu_string_len(Pointer string);

        void mbasu_string_free(Pointer string);

        int mbasu_build_request(Pointer config, int iface, byte[] mobile, int mobileLen, byte[] certNo, int certNoLen,
                Pointer name, int nameLen, int encryptType, byte[] requestRefId, int requestRefIdLen, int form,
                PointerByReference requestOut, PointerByReference errorOut);

        int mbasu_built_request_body(Pointer request, PointerByReference bodyOut, IntByReference lenOut);

        void mbasu_built_request_free(Pointer request);

        int mbasu_error_status(Pointer error);

        int mbasu_error_message(Pointer error, int lang, PointerByReference messageOut, IntByReference lenOut);

        void mbasu_error_free(Pointer error);

        int mbasu_test_panic(PointerByReference errorOut);
    }

    private static int passed;
    private static int failed;

    private static void check(boolean condition, String what) {
        if (condition) {
            passed++;
        } else {
            failed++;
            System.err.println("FAIL " + what);
        }
    }

    private static String text(Pointer data, int len) {
        return new String(data.getByteArray(0, len), StandardCharsets.UTF_8);
    }

    private static short[] utf16Units(String value) {
        char[] chars = value.toCharArray();
        short[] units = new short[chars.length];
        for (int i = 0; i < chars.length; i++) {
            units[i] = (short) chars[i];
        }
        return units;
    }

    /** Reads the expected SM3 of 𠮷田 from encrypt.json (a flat case object, so a pattern does). */
    private static String expectedSm3(Path vectors) throws IOException {
        String json = Files.readString(vectors, StandardCharsets.UTF_8);
        Matcher matcher = Pattern.compile("\"input\":\\s*\"𠮷田\",(?:[^{}]*?)\"sm3\":\\s*\"([0-9a-f]{64})\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no case for 𠮷田 with an sm3 in " + vectors);
        }
        return matcher.group(1);
    }

    public static void main(String[] args) throws IOException {
        String expected = expectedSm3(Path.of(args[0]));
        Mbasu mbasu = Native.load("mbasu", Mbasu.class);
        System.out.println("libmbasu " + mbasu.mbasu_version() + " through JNA " + Native.VERSION);

        PointerByReference builder = new PointerByReference();
        PointerByReference config = new PointerByReference();
        check(mbasu.mbasu_config_builder_new(builder, null) == Mbasu.MBASU_STATUS_OK, "builder");
        check(mbasu.mbasu_config_builder_build(builder.getValue(), config, null) == Mbasu.MBASU_STATUS_OK, "config");
        mbasu.mbasu_config_builder_free(builder.getValue());

        // The name crosses as UTF-16 units, so an unpaired surrogate would be an error, not '?'.
        PointerByReference name = new PointerByReference();
        short[] units = utf16Units("𠮷田");
        check(mbasu.mbasu_utf16_to_utf8(units, units.length, name, null) == Mbasu.MBASU_STATUS_OK, "UTF-16 name");
        Pointer nameData = mbasu.mbasu_string_data(name.getValue());
        int nameLen = mbasu.mbasu_string_len(name.getValue());
        check(nameLen == 7, "𠮷田 is 7 bytes of UTF-8, got " + nameLen);

        byte[] mobile = "13800138000".getBytes(StandardCharsets.UTF_8);
        byte[] certNo = "11010519491231002X".getBytes(StandardCharsets.UTF_8);
        byte[] requestRefId = "xwdb_java_smoke_1".getBytes(StandardCharsets.UTF_8);
        PointerByReference request = new PointerByReference();
        PointerByReference error = new PointerByReference();
        int status = mbasu.mbasu_build_request(config.getValue(), Mbasu.MBASU_INTERFACE_MBASU001, mobile, mobile.length,
                certNo, certNo.length, nameData, nameLen, Mbasu.MBASU_ENCRYPT_TYPE_SM3, requestRefId,
                requestRefId.length, Mbasu.MBASU_REQUEST_FORM_STANDARD, request, error);
        check(status == Mbasu.MBASU_STATUS_OK && error.getValue() == null, "build request, status " + status);

        PointerByReference body = new PointerByReference();
        IntByReference bodyLen = new IntByReference();
        check(mbasu.mbasu_built_request_body(request.getValue(), body, bodyLen) == Mbasu.MBASU_STATUS_OK, "body");
        String json = text(body.getValue(), bodyLen.getValue());
        check(json.contains("\"name\":\"" + expected + "\""), "SM3 of 𠮷田 is " + expected + " in " + json);
        mbasu.mbasu_built_request_free(request.getValue());
        mbasu.mbasu_string_free(name.getValue());

        PointerByReference lone = new PointerByReference();
        PointerByReference loneError = new PointerByReference();
        status = mbasu.mbasu_utf16_to_utf8(new short[] {(short) 0xD842}, 1, lone, loneError);
        check(status == Mbasu.MBASU_STATUS_LONE_SURROGATE && lone.getValue() == null, "lone surrogate, status " + status);
        PointerByReference message = new PointerByReference();
        IntByReference messageLen = new IntByReference();
        mbasu.mbasu_error_message(loneError.getValue(), Mbasu.MBASU_LANG_EN, message, messageLen);
        check(text(message.getValue(), messageLen.getValue()).contains("U+D842"), "the message names the surrogate");
        mbasu.mbasu_error_free(loneError.getValue());

        PointerByReference panicError = new PointerByReference();
        status = mbasu.mbasu_test_panic(panicError);
        check(status == Mbasu.MBASU_STATUS_PANIC, "a panic arrives as status 6, got " + status);
        check(mbasu.mbasu_error_status(panicError.getValue()) == Mbasu.MBASU_STATUS_PANIC, "panic error");
        mbasu.mbasu_error_free(panicError.getValue());

        mbasu.mbasu_config_free(config.getValue());
        System.out.println("Java smoke: " + passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }
}
