package cn.mbasu;

/** One field of an incoming request: as it arrived on the wire, and in plaintext when that can be known. */
public final class ReceivedField {
    private final String wire;
    private final String plaintext;

    ReceivedField(String wire, String plaintext) {
        this.wire = wire;
        this.plaintext = plaintext;
    }

    /** The value as sent: plaintext, a hex digest, or 3DES ciphertext text. */
    public String getWire() {
        return wire;
    }

    /**
     * The plaintext for plaintext and 3DES fields, validated in strict mode; {@code null} for
     * digests, which the provider compares digest to digest.
     */
    public String getPlaintext() {
        return plaintext;
    }

    /** Describes the field without its value, which is personal data. */
    @Override
    public String toString() {
        return "ReceivedField{" + wire.length() + " chars, plaintext " + (plaintext != null ? "known" : "unknown") + "}";
    }
}
