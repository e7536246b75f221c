package cn.mbasu;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One integration's settings, built once and shared: the encryptType code table, how digests
 * are printed, the 3DES key, the secretId/secretKey credentials, the requestRefId and
 * responseRefId prefixes, the body size limit, and how request fields are validated. It builds
 * requests, reads responses, and serves the provider side.
 *
 * <p><b>Thread safety.</b> A configuration is immutable after {@link Builder#build()}; any number
 * of threads may call it at once.
 *
 * <p><b>Lifetime.</b> The settings live in native memory. {@link #close()} wipes the keys and
 * releases them after calls already running finish; calls made after it raise
 * {@link MbasuException} code 7 {@code closed_handle}, and closing twice does nothing. A
 * configuration that is never closed is freed after it becomes unreachable, by a daemon thread
 * that watches a {@link java.lang.ref.PhantomReference} to it, so forgetting {@code close()} leaks
 * nothing, though the keys then stay in memory until the garbage collector finds the object.
 * Use try-with-resources for short-lived configurations, or build one at start-up and keep it.
 */
public final class MbasuConfig implements AutoCloseable {
    private static final EncryptType[] ENCRYPT_TYPES = EncryptType.values();
    /** Passed to the native library for an integer setting the caller left at the core's default. */
    private static final int CORE_DEFAULT = Integer.MIN_VALUE;

    private final long handle;
    private volatile boolean closed;

    private MbasuConfig(long handle) {
        this.handle = handle;
        NativeCleaner.register(this, handle);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Encrypts one validated field value with the given encryptType. Plaintext returns the value
     * unchanged, MD5/SHA256/SM3 return the hex digest of its UTF-8 bytes (printed per the builder's
     * {@link HashOptions}), and 3DES returns the ciphertext in Base64 or hex. 3DES without a key
     * raises code 510 {@code key_missing}.
     */
    public String encrypt(EncryptType type, String value) {
        Mbasu.requireNonNull(type, "type");
        return NativeBridge.configEncrypt(handle, this, type.ordinal(), value);
    }

    /**
     * Decrypts 3DES ciphertext text into the original UTF-8 text. Whitespace and line breaks
     * inside Base64 are ignored, as old Java encoders wrap every 76 characters. A wrong key or
     * mode usually raises code 506 {@code bad_padding}.
     */
    public String decrypt(String ciphertext) {
        return NativeBridge.configDecrypt(handle, this, ciphertext);
    }

    /** The {@code encryptType} wire code of {@code type} in this configuration's code table. */
    public String encryptTypeCode(EncryptType type) {
        Mbasu.requireNonNull(type, "type");
        return NativeBridge.configEncryptTypeCode(handle, this, type.ordinal());
    }

    /** The encryptType a wire code stands for; an unknown code raises code 500 {@code unknown_encrypt_type}. */
    public EncryptType encryptTypeOf(String code) {
        return ENCRYPT_TYPES[NativeBridge.configLookupEncryptType(handle, this, code)];
    }

    /**
     * Validates (normalising by default), encrypts and serialises a request with no encryptType
     * in standard form. {@code name} is required by MBASU001 and must be {@code null} for the others.
     */
    public BuiltRequest buildRequest(Interface iface, String mobile, String certNo, String name) {
        return buildRequest(iface, mobile, certNo, name, RequestOptions.DEFAULT);
    }

    /**
     * Validates (normalising by default), encrypts and serialises a request. A field with an error
     * raises that error's code, with every error of the field in the message; MBASU004 with an
     * encryptType raises 501; a signed or sealed form without credentials raises 612.
     */
    public BuiltRequest buildRequest(Interface iface, String mobile, String certNo, String name,
            RequestOptions options) {
        Mbasu.requireNonNull(iface, "iface");
        Mbasu.requireNonNull(options, "options");
        EncryptType encryptType = options.getEncryptType();
        byte[] packed = NativeBridge.configBuildRequest(handle, this, iface.ordinal(), mobile, certNo, name,
                encryptType == null ? -1 : encryptType.ordinal(), options.getForm().ordinal(),
                options.getRequestRefId());
        return BuiltRequest.fromPacked(iface, packed);
    }

    /**
     * Reads a provider's response body and interprets its value. A non-{@code 0000}
     * responseCode raises code 603 {@code provider_error} with
     * {@link MbasuException#getResponseCode()}; a body that is not JSON raises 600; a body larger
     * than the configured limit raises 605. A sealed {@code response} string is opened with the
     * secretKey.
     *
     * <p>Prefer {@link #parseResponse(Interface, byte[], String)} when the body arrives as bytes
     * from an HTTP client: it skips decoding to a Java string and back.
     *
     * @param body the body decoded from UTF-8; a lone surrogate in it raises code 3
     * @param expectedRequestRefId the requestRefId that was sent, to check the echo, or {@code null}
     */
    public Interpretation parseResponse(Interface iface, String body, String expectedRequestRefId) {
        Mbasu.requireNonNull(iface, "iface");
        byte[] packed = NativeBridge.configParseResponse(handle, this, iface.ordinal(), body, expectedRequestRefId);
        return Interpretation.fromPacked(iface, packed);
    }

    /**
     * Reads a provider's response body as the UTF-8 bytes an HTTP client received, with the same
     * checks and errors as {@link #parseResponse(Interface, String, String)}; bytes that are not
     * UTF-8 are rejected by the core's JSON reader. The array is copied once and not kept.
     *
     * @param body the body bytes, UTF-8 with or without a byte order mark
     * @param expectedRequestRefId the requestRefId that was sent, to check the echo, or {@code null}
     */
    public Interpretation parseResponse(Interface iface, byte[] body, String expectedRequestRefId) {
        Mbasu.requireNonNull(iface, "iface");
        ResponseScratch scratch = null;
        if (body != null && body.length <= ResponseScratch.CAPACITY) {
            scratch = ResponseScratch.take();
        }
        if (scratch == null) {
            byte[] packed = NativeBridge.configParseResponseBytes(handle, this, iface.ordinal(), body,
                    expectedRequestRefId);
            return Interpretation.fromPacked(iface, packed);
        }
        byte[] packed;
        try {
            scratch.putBody(body);
            packed = NativeBridge.configParseResponseScratch(handle, this, iface.ordinal(), scratch.buffer,
                    scratch.address, ResponseScratch.CAPACITY, body.length, expectedRequestRefId);
            if (packed == null) {
                packed = scratch.readingAfter(body.length);
            }
        } finally {
            scratch.release();
        }
        return Interpretation.fromPacked(iface, packed);
    }

    /**
     * Classifies an HTTP exchange without throwing for what the provider or the transport did:
     * a non-2xx status whose body is still a spec response (some providers answer {@code -2} with
     * HTTP 500) is read as that response.
     */
    public HttpResult interpretHttp(Interface iface, int httpStatus, String body, String expectedRequestRefId) {
        Mbasu.requireNonNull(iface, "iface");
        String packed = NativeBridge.configInterpretHttp(handle, this, iface.ordinal(), httpStatus, body,
                expectedRequestRefId);
        return Decoders.httpResult(iface, packed);
    }

    /**
     * Parses an incoming request envelope (provider side): checks the signature when credentials
     * are configured, opens a sealed request, and validates plaintext and 3DES fields in strict
     * mode and the shape of hashed ones.
     */
    public ParsedRequest parseRequest(Interface iface, String body) {
        Mbasu.requireNonNull(iface, "iface");
        return Decoders.parsedRequest(iface, NativeBridge.configParseRequest(handle, this, iface.ordinal(), body));
    }

    /**
     * Builds a response envelope carrying {@code value} (provider side), such as {@code "0"} or
     * {@code "-1"}; a value outside the interface's enumeration raises 602. {@code sealed}
     * encrypts the {@code response} object under the secretKey.
     */
    public BuiltResponse buildResponse(Interface iface, String requestRefId, String value, boolean sealed) {
        Mbasu.requireNonNull(iface, "iface");
        Mbasu.requireNonNull(value, "value");
        return Decoders.builtResponse(NativeBridge.configBuildResponse(handle, this, iface.ordinal(), requestRefId,
                value, null, null, sealed));
    }

    /** Builds a failure response (provider side): {@code result} N and a responseCode other than {@code 0000}. */
    public BuiltResponse buildFailureResponse(Interface iface, String requestRefId, String responseCode,
            String responseMsg) {
        Mbasu.requireNonNull(iface, "iface");
        return Decoders.builtResponse(NativeBridge.configBuildResponse(handle, this, iface.ordinal(), requestRefId,
                null, responseCode, responseMsg, false));
    }

    /**
     * Lists every way a provider's response deviates from the spec; an empty list means it
     * conforms.
     *
     * @param httpStatus the HTTP status the provider used, or -1 if unknown
     * @param requestBody the request this response answers, to check the requestRefId echo, or {@code null}
     */
    public List<Finding> checkResponse(Interface iface, String body, int httpStatus, String requestBody) {
        Mbasu.requireNonNull(iface, "iface");
        return Decoders.findings(NativeBridge.configCheckResponse(handle, this, iface.ordinal(), body, httpStatus,
                requestBody));
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed;
    }

    /** Wipes the keys and releases the settings; later calls raise code 7. Idempotent and thread-safe. */
    @Override
    public void close() {
        closed = true;
        NativeBridge.configClose(handle, this);
    }

    /** Describes the configuration without any key. */
    @Override
    public String toString() {
        return "MbasuConfig{closed=" + closed + "}";
    }

    /** The forms in which {@link Builder} passes the 3DES key to the native library. */
    private enum KeyFormat {
        NONE, RAW, TWO_KEY, BASE64, HEX
    }

    /**
     * Builds an {@link MbasuConfig}; {@link #build()} checks every setting. Not thread-safe. It
     * keeps the keys it was given until it is garbage collected; call {@link #clearSecrets()}
     * after {@link #build()} to drop them sooner.
     */
    public static final class Builder {
        private String[] codes;
        private HashOptions hashOptions = HashOptions.DEFAULT;
        private KeyFormat keyFormat = KeyFormat.NONE;
        private byte[] keyBytes;
        private String keyText;
        private byte[] iv;
        private boolean hexCipherText;
        private String secretId;
        private String secretKeyBase64;
        private String requestRefIdPrefix;
        private String responseRefIdPrefix;
        private long maxBodyBytes;
        private Mode validationMode;
        private Integer minBirthYear;
        private Instant fixedClock;
        private long[] randomSequence;

        private Builder() {
        }

        /**
         * Sets the {@code encryptType} wire codes agreed with the provider, each 1 or 2 printable
         * ASCII characters and all distinct (checked by {@link #build()}). The default table is
         * {@code 0} plaintext, {@code 1} MD5, {@code 2} SHA256, {@code 3} SM3, {@code 4} 3DES.
         */
        public Builder encryptTypeCodes(String plaintext, String md5, String sha256, String sm3, String tripleDes) {
            Mbasu.requireNonNull(plaintext, "plaintext");
            Mbasu.requireNonNull(md5, "md5");
            Mbasu.requireNonNull(sha256, "sha256");
            Mbasu.requireNonNull(sm3, "sm3");
            Mbasu.requireNonNull(tripleDes, "tripleDes");
            this.codes = new String[] {plaintext, md5, sha256, sm3, tripleDes};
            return this;
        }

        /** Sets how digests are printed; the default is lowercase, full length. */
        public Builder hashOptions(HashOptions hashOptions) {
            Mbasu.requireNonNull(hashOptions, "hashOptions");
            this.hashOptions = hashOptions;
            return this;
        }

        /** Sets the 3DES key: exactly 24 bytes (K1‖K2‖K3), as Java's SunJCE requires; never padded or truncated. */
        public Builder tripleDesKey(byte[] key) {
            Mbasu.requireNonNull(key, "key");
            return key(KeyFormat.RAW, key.clone(), null);
        }

        /** Sets a 16-byte double-length 3DES key K1‖K2, expanded to K1‖K2‖K1; an explicit opt-in. */
        public Builder tripleDesTwoKey(byte[] key) {
            Mbasu.requireNonNull(key, "key");
            return key(KeyFormat.TWO_KEY, key.clone(), null);
        }

        /** Sets the 3DES key as Base64 text that decodes to 24 bytes. */
        public Builder tripleDesKeyBase64(String key) {
            Mbasu.requireNonNull(key, "key");
            return key(KeyFormat.BASE64, null, key);
        }

        /** Sets the 3DES key as 48 hexadecimal digits. */
        public Builder tripleDesKeyHex(String key) {
            Mbasu.requireNonNull(key, "key");
            return key(KeyFormat.HEX, null, key);
        }

        /** Selects CBC with this 8-byte IV; {@code null}, the default, selects ECB. */
        public Builder cbcIv(byte[] iv) {
            this.iv = iv == null ? null : iv.clone();
            return this;
        }

        /** Prints 3DES ciphertext as lowercase hex instead of Base64 (the default). */
        public Builder hexCipherText(boolean hexCipherText) {
            this.hexCipherText = hexCipherText;
            return this;
        }

        /**
         * Sets the credentials the provider issued: {@code secretId} (1 to 64 printable ASCII
         * characters) and the Base64 {@code secretKey}. Signed and sealed requests need them; a
         * sealed envelope needs a secretKey that decodes to 24 bytes.
         */
        public Builder credentials(String secretId, String secretKeyBase64) {
            Mbasu.requireNonNull(secretId, "secretId");
            Mbasu.requireNonNull(secretKeyBase64, "secretKey");
            this.secretId = secretId;
            this.secretKeyBase64 = secretKeyBase64;
            return this;
        }

        /** Sets the prefix of generated requestRefIds (default {@code xwdb_}), at most 43 printable ASCII characters. */
        public Builder requestRefIdPrefix(String prefix) {
            Mbasu.requireNonNull(prefix, "prefix");
            this.requestRefIdPrefix = prefix;
            return this;
        }

        /** Sets the prefix of generated responseRefIds on the provider side (default {@code TR}). */
        public Builder responseRefIdPrefix(String prefix) {
            Mbasu.requireNonNull(prefix, "prefix");
            this.responseRefIdPrefix = prefix;
            return this;
        }

        /**
         * Sets the largest body accepted, in UTF-8 bytes; larger bodies raise code 605
         * {@code body_too_large} before parsing. The core's default is 64 KiB.
         */
        public Builder maxBodyBytes(long maxBodyBytes) {
            if (maxBodyBytes <= 0) {
                throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** Sets how the fields of built requests are validated; the core normalises by default. */
        public Builder validationMode(Mode mode) {
            Mbasu.requireNonNull(mode, "mode");
            this.validationMode = mode;
            return this;
        }

        /** Sets the earliest birth year accepted in ID numbers of built and parsed requests (default 1900). */
        public Builder minBirthYear(int year) {
            this.minBirthYear = year;
            return this;
        }

        /**
         * Fixes the clock used for generated reference ids and birth-date checks, for tests and
         * replays; by default the system clock is read in UTC+8.
         */
        public Builder fixedClock(Instant instant) {
            Mbasu.requireNonNull(instant, "instant");
            this.fixedClock = instant;
            return this;
        }

        /**
         * Replaces the randomness of generated reference ids with a repeating sequence, for tests
         * and replays. Each id takes the next value modulo 1,000,000 as its last six digits.
         */
        public Builder randomSequence(long... values) {
            Mbasu.requireNonNull(values, "values");
            this.randomSequence = values.clone();
            return this;
        }

        /**
         * Wipes the 3DES key bytes this builder keeps and forgets the 3DES key and the
         * credentials. Key text and the secretKey are Java strings, which cannot be wiped, only
         * dropped for the garbage collector.
         */
        public Builder clearSecrets() {
            forgetTripleDesKey();
            secretId = null;
            secretKeyBase64 = null;
            return this;
        }

        private void forgetTripleDesKey() {
            if (keyBytes != null) {
                Arrays.fill(keyBytes, (byte) 0);
            }
            keyBytes = null;
            keyText = null;
            keyFormat = KeyFormat.NONE;
        }

        /** Checks every setting in the native library and creates the configuration. */
        public MbasuConfig build() {
            long handle = NativeBridge.configCreate(codes, hashOptions.isUpperCase(), hashOptions.isMd5Short(),
                    keyFormat.ordinal(), keyBytes, keyText, iv, hexCipherText, secretId, secretKeyBase64,
                    requestRefIdPrefix, responseRefIdPrefix, maxBodyBytes,
                    validationMode == null ? CORE_DEFAULT : validationMode.ordinal(),
                    minBirthYear == null ? CORE_DEFAULT : minBirthYear,
                    fixedClock != null, fixedClock == null ? 0 : fixedClock.toEpochMilli(), randomSequence);
            return new MbasuConfig(handle);
        }

        private Builder key(KeyFormat format, byte[] bytes, String text) {
            forgetTripleDesKey();
            this.keyFormat = format;
            this.keyBytes = bytes;
            this.keyText = text;
            return this;
        }
    }
}
