package cn.mbasu;

/**
 * The shape of a request body.
 * <ul>
 *   <li>{@code STANDARD}: the head contains only requestRefId; {@code param} is in the clear, its fields
 *       encrypted per encryptType.</li>
 *   <li>{@code SIGNED}: standard plus {@code secretId} and {@code signature} =
 *       Base64(HMAC-SHA1(secretKey, {@code requestRefId=<id>&secretId=<id>})) in the head.</li>
 *   <li>{@code SEALED}: signed head, and {@code request} is Base64(3DES-ECB({@code {"param":{…}}}))
 *       keyed by the decoded secretKey.</li>
 * </ul>
 */
public enum RequestForm {
    STANDARD("standard"),
    SIGNED("signed"),
    SEALED("sealed");

    private final String coreName;

    RequestForm(String coreName) {
        this.coreName = coreName;
    }

    /** The name the core and every other binding use for this value. */
    public String coreName() {
        return coreName;
    }
}
