package cn.mbasu;

/**
 * An error from the mbasu core, with its stable code, name and messages in Chinese and English.
 *
 * <p>The code and name are those of the core's {@code ErrorCode}, the same in every binding:
 * 3 {@code lone_surrogate} for a string with an unpaired UTF-16 surrogate, 4 {@code null_pointer}
 * for a {@code null} argument, 6 {@code panic} for an internal failure of the native library,
 * 7 {@code closed_handle} for a closed {@link MbasuConfig}, and so on. Messages never contain a
 * key, and personal values in them are masked ({@code 138****8000}).
 */
public class MbasuException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String name;
    private final String messageZh;
    private final String messageEn;
    private final String responseCode;
    private final String responseMsg;

    /**
     * Creates an exception; the native library calls this constructor.
     *
     * @param responseCode the provider's {@code responseCode} for code 603 {@code provider_error}, else {@code null}
     * @param responseMsg the provider's {@code responseMsg} for code 603, else {@code null}
     */
    public MbasuException(int code, String name, String messageZh, String messageEn,
            String responseCode, String responseMsg) {
        super(messageEn + " [" + code + " " + name + "]");
        this.code = code;
        this.name = name;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.responseCode = responseCode;
        this.responseMsg = responseMsg;
    }

    /** The stable numeric code. */
    public int getCode() {
        return code;
    }

    /** The stable snake_case name of the code, such as {@code lone_surrogate}. */
    public String getName() {
        return name;
    }

    /** The code as an enum constant, or {@code null} if this binding version does not know it. */
    public ErrorCode getErrorCode() {
        return ErrorCode.fromCode(code);
    }

    /** The message in Simplified Chinese, fit to show an end user. */
    public String getMessageZh() {
        return messageZh;
    }

    /** The message in English. */
    public String getMessageEn() {
        return messageEn;
    }

    /** The provider's {@code responseCode} when the code is 603 {@code provider_error}, else {@code null}. */
    public String getResponseCode() {
        return responseCode;
    }

    /** The provider's {@code responseMsg} when the code is 603 {@code provider_error}, else {@code null}. */
    public String getResponseMsg() {
        return responseMsg;
    }
}
