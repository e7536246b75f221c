package cn.mbasu;

/**
 * The status of a line, from MBASU004.
 */
public enum LineStatus {
    IN_USE("in_use"),
    SUSPENDED("suspended"),
    UNUSABLE("unusable"),
    CANCELLED("cancelled");

    private final String coreName;

    LineStatus(String coreName) {
        this.coreName = coreName;
    }

    /** The name the core and every other binding use for this value. */
    public String coreName() {
        return coreName;
    }
}
