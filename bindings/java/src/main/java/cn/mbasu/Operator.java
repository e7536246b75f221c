package cn.mbasu;

/**
 * The operator a mobile number segment is allocated to; {@code VARIOUS} for virtual-operator
 * segments shared by many resellers.
 */
public enum Operator {
    CHINA_MOBILE("china_mobile"),
    CHINA_UNICOM("china_unicom"),
    CHINA_TELECOM("china_telecom"),
    CHINA_BROADNET("china_broadnet"),
    VARIOUS("various");

    private final String coreName;

    Operator(String coreName) {
        this.coreName = coreName;
    }

    /** The name the core and every other binding use for this value. */
    public String coreName() {
        return coreName;
    }
}
