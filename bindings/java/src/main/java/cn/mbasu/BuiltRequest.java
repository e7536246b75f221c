package cn.mbasu;

import java.util.Arrays;

/**
 * A request ready to send: POST {@link #getBodyBytes()} (UTF-8 JSON) to {@code {base}} +
 * {@link #getPath()}.
 *
 * <p>The body stays in the UTF-8 bytes the native library returned; {@link #getBody()} decodes it
 * on first call.
 */
public final class BuiltRequest {
    private final Interface iface;
    private final String path;
    private final String requestRefId;
    /** The native result; the body is {@code bodyLength} bytes from {@code bodyStart}. */
    private final byte[] packed;
    private final int bodyStart;
    private final int bodyLength;
    /*
     * Decoded on first call without synchronisation: two threads may both decode, and either
     * result is an equal, immutable String.
     */
    private String body;

    private BuiltRequest(Interface iface, String path, String requestRefId, byte[] packed, int bodyStart,
            int bodyLength) {
        this.iface = iface;
        this.path = path;
        this.requestRefId = requestRefId;
        this.packed = packed;
        this.bodyStart = bodyStart;
        this.bodyLength = bodyLength;
    }

    /** Reads path, requestRefId and body as {@code config_build_request} in {@code exchange.rs} packs them. */
    static BuiltRequest fromPacked(Interface iface, byte[] packed) {
        PackedBytes reader = new PackedBytes(packed);
        String path = reader.readString();
        String requestRefId = reader.readString();
        long body = reader.skipString();
        reader.expectEnd();
        if (body < 0) {
            throw new IllegalStateException("packed request has no body");
        }
        return new BuiltRequest(iface, path, requestRefId, packed, (int) (body >>> 32), (int) body);
    }

    public Interface getInterface() {
        return iface;
    }

    /** The URL path, {@code /MBASU001} and so on. */
    public String getPath() {
        return path;
    }

    /** The requestRefId in the head; pass it to {@link MbasuConfig#parseResponse} to check the echo. */
    public String getRequestRefId() {
        return requestRefId;
    }

    /**
     * The body as UTF-8 bytes, what an HTTP client sends: compact JSON, {@code param} keys in the
     * spec's order. Each call returns a new copy, so callers may modify it.
     */
    public byte[] getBodyBytes() {
        return Arrays.copyOfRange(packed, bodyStart, bodyStart + bodyLength);
    }

    /** The body as a string, decoded from {@link #getBodyBytes()} on first call; encode it as UTF-8 on the wire. */
    public String getBody() {
        String decoded = body;
        if (decoded == null) {
            decoded = PackedBytes.decode(packed, ((long) bodyStart << 32) | bodyLength);
            body = decoded;
        }
        return decoded;
    }

    /** Describes the request without the body, which contains personal data. */
    @Override
    public String toString() {
        return "BuiltRequest{" + iface + " " + path + " " + requestRefId + " body=<" + bodyLength + " bytes>}";
    }
}
