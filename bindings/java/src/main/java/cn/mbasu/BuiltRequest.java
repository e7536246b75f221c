package cn.mbasu;

/** A request ready to send: POST {@link #getBody()} as UTF-8 JSON to {@code {base}} + {@link #getPath()}. */
public final class BuiltRequest {
    private final Interface iface;
    private final String path;
    private final String requestRefId;
    private final String body;

    BuiltRequest(Interface iface, String path, String requestRefId, String body) {
        this.iface = iface;
        this.path = path;
        this.requestRefId = requestRefId;
        this.body = body;
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

    /** Compact JSON, {@code param} keys in the spec's order; encode it as UTF-8 on the wire. */
    public String getBody() {
        return body;
    }

    /** Describes the request without the body, which contains personal data. */
    @Override
    public String toString() {
        return "BuiltRequest{" + iface + " " + path + " " + requestRefId + " body=<" + body.length() + " chars>}";
    }
}
