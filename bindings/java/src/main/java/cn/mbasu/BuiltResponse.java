package cn.mbasu;

/** A response envelope ready to send with HTTP 200 (the provider side). */
public final class BuiltResponse {
    private final String responseRefId;
    private final String body;

    BuiltResponse(String responseRefId, String body) {
        this.responseRefId = responseRefId;
        this.body = body;
    }

    /** The generated responseRefId: the configured prefix (default {@code TR}), yyMMddHHmmssSSS in UTC+8, 6 digits. */
    public String getResponseRefId() {
        return responseRefId;
    }

    /** Compact JSON; encode it as UTF-8 on the wire. */
    public String getBody() {
        return body;
    }

    @Override
    public String toString() {
        return "BuiltResponse{" + responseRefId + " body=<" + body.length() + " chars>}";
    }
}
