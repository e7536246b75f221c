package cn.mbasu;

/**
 * The input a problem or change is about; {@link #coreName()} is the field's name on the wire.
 * {@code OTHER} covers everything that is not one of the request fields.
 */
public enum Field {
    MOBILE("mobile"),
    CERT_TYPE("certType"),
    CERT_NO("certNo"),
    NAME("name"),
    ENCRYPT_TYPE("encryptType"),
    OTHER("");

    private final String coreName;

    Field(String coreName) {
        this.coreName = coreName;
    }

    /** The name the core and every other binding use for this value. */
    public String coreName() {
        return coreName;
    }
}
