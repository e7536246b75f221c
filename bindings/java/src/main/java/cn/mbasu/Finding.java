package cn.mbasu;

/** One way a provider's response deviates from the spec, from {@link MbasuConfig#checkResponse}. */
public final class Finding {
    private final int code;
    private final String name;
    private final Severity severity;
    private final String path;
    private final String messageZh;
    private final String messageEn;

    Finding(int code, String name, Severity severity, String path, String messageZh, String messageEn) {
        this.code = code;
        this.name = name;
        this.severity = severity;
        this.path = path;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public int getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    /** The code as an enum constant, or {@code null} if this binding version does not know it. */
    public ErrorCode getErrorCode() {
        return ErrorCode.fromCode(code);
    }

    public Severity getSeverity() {
        return severity;
    }

    /** Where in the body, such as {@code head.responseCode}; empty for the body as a whole. */
    public String getPath() {
        return path;
    }

    public String getMessageZh() {
        return messageZh;
    }

    public String getMessageEn() {
        return messageEn;
    }

    @Override
    public String toString() {
        return "Finding{" + severity.coreName() + " " + code + " " + name + " at '" + path + "': " + messageEn + "}";
    }
}
