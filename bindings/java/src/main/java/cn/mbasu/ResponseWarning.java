package cn.mbasu;

/** A non-fatal deviation from the spec found while reading a response, such as a value sent as a JSON number. */
public final class ResponseWarning {
    private final int code;
    private final String name;
    private final String messageZh;
    private final String messageEn;

    ResponseWarning(int code, String name, String messageZh, String messageEn) {
        this.code = code;
        this.name = name;
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

    public String getMessageZh() {
        return messageZh;
    }

    public String getMessageEn() {
        return messageEn;
    }

    @Override
    public String toString() {
        return "ResponseWarning{" + code + " " + name + ": " + messageEn + "}";
    }
}
