package cn.mbasu;

/** An incoming request envelope parsed, its signature checked and its fields validated (the provider side). */
public final class ParsedRequest {
    private final Interface iface;
    private final String requestRefId;
    private final RequestForm form;
    private final String secretId;
    private final EncryptType encryptType;
    private final ReceivedField mobile;
    private final ReceivedField certNo;
    private final ReceivedField name;

    ParsedRequest(Interface iface, String requestRefId, RequestForm form, String secretId, EncryptType encryptType,
            ReceivedField mobile, ReceivedField certNo, ReceivedField name) {
        this.iface = iface;
        this.requestRefId = requestRefId;
        this.form = form;
        this.secretId = secretId;
        this.encryptType = encryptType;
        this.mobile = mobile;
        this.certNo = certNo;
        this.name = name;
    }

    public Interface getInterface() {
        return iface;
    }

    public String getRequestRefId() {
        return requestRefId;
    }

    public RequestForm getForm() {
        return form;
    }

    /** {@code head.secretId}, or {@code null} for a standard request. */
    public String getSecretId() {
        return secretId;
    }

    /** The encryptType the request names, or {@code null} when it sends none (plaintext). */
    public EncryptType getEncryptType() {
        return encryptType;
    }

    public ReceivedField getMobile() {
        return mobile;
    }

    public ReceivedField getCertNo() {
        return certNo;
    }

    /** The name for MBASU001, else {@code null}. */
    public ReceivedField getName() {
        return name;
    }

    @Override
    public String toString() {
        return "ParsedRequest{" + iface + " " + requestRefId + " " + form + " encryptType=" + encryptType + "}";
    }
}
