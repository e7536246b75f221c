package cn.mbasu;

/**
 * Per-request choices: the encryptType (none means the fields travel in plaintext without an
 * {@code encryptType}), the {@link RequestForm}, and an optional caller-chosen requestRefId.
 * Immutable.
 */
public final class RequestOptions {
    /** No encryptType, standard form, generated requestRefId. */
    public static final RequestOptions DEFAULT = builder().build();

    private final EncryptType encryptType;
    private final RequestForm form;
    private final String requestRefId;

    private RequestOptions(Builder builder) {
        this.encryptType = builder.encryptType;
        this.form = builder.form;
        this.requestRefId = builder.requestRefId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options with this encryptType and form, and a generated requestRefId. */
    public static RequestOptions of(EncryptType encryptType, RequestForm form) {
        return builder().encryptType(encryptType).form(form).build();
    }

    /** The encryptType, or {@code null} to send none (MBASU004 accepts only none). */
    public EncryptType getEncryptType() {
        return encryptType;
    }

    public RequestForm getForm() {
        return form;
    }

    /** The caller's requestRefId, or {@code null} to generate prefix + yyMMddHHmmssSSS (UTC+8) + 6 digits. */
    public String getRequestRefId() {
        return requestRefId;
    }

    @Override
    public String toString() {
        return "RequestOptions{encryptType=" + encryptType + " form=" + form + " requestRefId=" + requestRefId + "}";
    }

    /** Builds {@link RequestOptions}; not thread-safe, the built options are. */
    public static final class Builder {
        private EncryptType encryptType;
        private RequestForm form = RequestForm.STANDARD;
        private String requestRefId;

        private Builder() {
        }

        /** Sets the encryptType; {@code null}, the default, sends none. */
        public Builder encryptType(EncryptType encryptType) {
            this.encryptType = encryptType;
            return this;
        }

        public Builder form(RequestForm form) {
            Mbasu.requireNonNull(form, "form");
            this.form = form;
            return this;
        }

        /** Sets the requestRefId: 1 to 64 printable ASCII characters without quotes or backslashes. */
        public Builder requestRefId(String requestRefId) {
            this.requestRefId = requestRefId;
            return this;
        }

        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
