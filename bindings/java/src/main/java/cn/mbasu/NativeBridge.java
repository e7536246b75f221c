package cn.mbasu;

import java.nio.ByteBuffer;

/**
 * The native methods of {@code libmbasu_jni}, implemented in {@code bindings/jni}.
 *
 * <p>Strings cross as UTF-16 code units in both directions. Methods that return {@code String}
 * results other than plain text return them packed for {@link PackedReader}; methods that return
 * {@code byte[]} return UTF-8, packed for {@link PackedBytes} or, for a built request, laid out
 * as {@link BuiltRequest#fromPacked} reads it. A response body can also cross in a direct buffer
 * of {@link ResponseScratch}, with its reading written back into it. Every method throws
 * {@link MbasuException} on failure, including a Rust panic (code 6). Methods that take a
 * configuration handle also take the owning {@link MbasuConfig} as {@code owner}: JNI keeps an
 * argument reachable for the whole call, so the handle cannot be freed while the call runs.
 */
final class NativeBridge {
    static {
        NativeLoader.load();
    }

    private NativeBridge() {
    }

    static native String version();

    static native String errorCodes();

    static native String enumCoreNames(int which);

    static native String validateField(int field, String input, int mode, int today, int minBirthYear);

    static native String validateApplicantFields(String mobile, String certNo, String name, int mode,
            int today, int minBirthYear);

    static native String certNoInfo(String certNo, int mode, int today, int minBirthYear);

    static native String upgradeCertNo(String certNo, int mode, int today, int minBirthYear);

    static native String mobileSegment(String mobile);

    static native String hash(int encryptType, String text, boolean upperCase, boolean md5Short);

    static native String interfaceLabels();

    static native long configCreate(String[] codes, boolean hashUpperCase, boolean md5Short, int keyFormat,
            byte[] keyBytes, String keyText, byte[] iv, boolean hexCipherText, String secretId,
            String secretKeyBase64, String requestRefPrefix, String responseRefPrefix, long maxBodyBytes,
            int validationMode, int minBirthYear, boolean hasFixedClock, long fixedClockMillis,
            long[] randomSequence);

    static native void configClose(long handle, Object owner);

    static native void configFree(long handle);

    static native String configEncrypt(long handle, Object owner, int encryptType, String value);

    static native String configDecrypt(long handle, Object owner, String ciphertext);

    static native String configEncryptTypeCode(long handle, Object owner, int encryptType);

    static native int configLookupEncryptType(long handle, Object owner, String code);

    static native byte[] configBuildRequest(long handle, Object owner, int iface, String mobile, String certNo,
            String name, int encryptType, int form, String requestRefId);

    static native byte[] configParseResponse(long handle, Object owner, int iface, String body,
            String expectedRequestRef);

    static native byte[] configParseResponseBytes(long handle, Object owner, int iface, byte[] body,
            String expectedRequestRef);

    /**
     * Reads the body that {@link ResponseScratch} put at the start of {@code scratch}. Returns
     * {@code null} when the reading was written into the buffer after the body, and the reading
     * itself when it did not fit there.
     */
    static native byte[] configParseResponseScratch(long handle, Object owner, int iface, ByteBuffer scratch,
            long scratchAddress, int scratchCapacity, int bodyLength, String expectedRequestRef);

    /** Returns the address of a direct buffer's memory. */
    static native long directBufferAddress(ByteBuffer buffer);

    static native String valueMeanings(int iface);

    static native String configInterpretHttp(long handle, Object owner, int iface, int status, String body,
            String expectedRequestRef);

    static native String configParseRequest(long handle, Object owner, int iface, String body);

    static native String configBuildResponse(long handle, Object owner, int iface, String requestRefId,
            String value, String responseCode, String responseMsg, boolean sealed);

    static native String configCheckResponse(long handle, Object owner, int iface, String body, int httpStatus,
            String requestBody);

    /** Panics inside the native library on purpose; only the tests call it. */
    static native String panicForTest();

    /** Panics on purpose inside the boundary of the request and response methods; only the tests call it. */
    static native byte[] panicForTestRaw();
}
