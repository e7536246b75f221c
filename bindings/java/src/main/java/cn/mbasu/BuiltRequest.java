package cn.mbasu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A request ready to send: POST {@link #getBodyBytes()} (UTF-8 JSON) to {@code {base}} +
 * {@link #getPath()}.
 *
 * <p>The body, the path and the requestRefId stay in the UTF-8 bytes the native library
 * returned; each string is decoded on the first call of its getter.
 */
public final class BuiltRequest {
    /** The three {@code int} lengths at the end of the native result. */
    private static final int TRAILER_BYTES = 12;

    private final Interface iface;
    /** The native result: body, path and requestRefId back to back, then their lengths. */
    private final byte[] packed;
    private final int bodyLength;
    private final int pathLength;
    private final int requestRefIdLength;
    /*
     * Decoded on first call without synchronisation: two threads may both decode, and either
     * result is an equal, immutable String.
     */
    private String body;
    private String path;
    private String requestRefId;

    private BuiltRequest(Interface iface, byte[] packed, int bodyLength, int pathLength, int requestRefIdLength) {
        this.iface = iface;
        this.packed = packed;
        this.bodyLength = bodyLength;
        this.pathLength = pathLength;
        this.requestRefIdLength = requestRefIdLength;
    }

    /**
     * Reads a request as {@code pack_built_request} in {@code exchange.rs} lays it out: the body,
     * the path and the requestRefId as UTF-8, then their lengths in bytes as three big-endian
     * {@code int}s.
     */
    static BuiltRequest fromPacked(Interface iface, byte[] packed) {
        int trailer = packed.length - TRAILER_BYTES;
        if (trailer < 0) {
            throw new IllegalStateException("packed request of " + packed.length + " bytes has no trailer");
        }
        int bodyLength = PackedBytes.intAt(packed, trailer);
        int pathLength = PackedBytes.intAt(packed, trailer + 4);
        int requestRefIdLength = PackedBytes.intAt(packed, trailer + 8);
        // Summed as longs, so lengths near Integer.MAX_VALUE cannot wrap around to a match.
        if (bodyLength < 0 || pathLength < 0 || requestRefIdLength < 0
                || (long) bodyLength + pathLength + requestRefIdLength != trailer) {
            throw new IllegalStateException("packed request lengths " + bodyLength + ", " + pathLength + " and "
                    + requestRefIdLength + " do not add up to " + trailer
                    + " bytes; the Java classes and the native library are from different builds");
        }
        return new BuiltRequest(iface, packed, bodyLength, pathLength, requestRefIdLength);
    }

    public Interface getInterface() {
        return iface;
    }

    /** The URL path, {@code /MBASU001} and so on. */
    public String getPath() {
        String decoded = path;
        if (decoded == null) {
            decoded = new String(packed, bodyLength, pathLength, StandardCharsets.UTF_8);
            path = decoded;
        }
        return decoded;
    }

    /** The requestRefId in the head; pass it to {@link MbasuConfig#parseResponse} to check the echo. */
    public String getRequestRefId() {
        String decoded = requestRefId;
        if (decoded == null) {
            decoded = new String(packed, bodyLength + pathLength, requestRefIdLength, StandardCharsets.UTF_8);
            requestRefId = decoded;
        }
        return decoded;
    }

    /**
     * The body as UTF-8 bytes, what an HTTP client sends: compact JSON, {@code param} keys in the
     * spec's order. Each call returns a new copy, so callers may modify it.
     */
    public byte[] getBodyBytes() {
        return Arrays.copyOf(packed, bodyLength);
    }

    /** The body as a string, decoded from {@link #getBodyBytes()} on first call; encode it as UTF-8 on the wire. */
    public String getBody() {
        String decoded = body;
        if (decoded == null) {
            decoded = new String(packed, 0, bodyLength, StandardCharsets.UTF_8);
            body = decoded;
        }
        return decoded;
    }

    /** Describes the request without the body, which contains personal data. */
    @Override
    public String toString() {
        return "BuiltRequest{" + iface + " " + getPath() + " " + getRequestRefId() + " body=<" + bodyLength
                + " bytes>}";
    }
}
