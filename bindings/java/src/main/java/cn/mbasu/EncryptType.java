package cn.mbasu;

/**
 * How a field is protected before it is sent: the spec's encryptType.
 * The code sent on the wire comes from the code table of an {@link MbasuConfig}; the default
 * table is {@code 0} plaintext, {@code 1} MD5, {@code 2} SHA256, {@code 3} SM3, {@code 4} 3DES.
 */
public enum EncryptType {
    PLAINTEXT("plaintext"),
    MD5("md5"),
    SHA256("sha256"),
    SM3("sm3"),
    TRIPLE_DES("3des");

    private final String coreName;

    EncryptType(String coreName) {
        this.coreName = coreName;
    }

    /** The name the core and every other binding use for this value. */
    public String coreName() {
        return coreName;
    }
}
