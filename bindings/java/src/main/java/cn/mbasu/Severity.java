package cn.mbasu;

/**
 * Whether a validation problem blocks the value: errors do, warnings do not.
 */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String coreName;

    Severity(String coreName) {
        this.coreName = coreName;
    }

    /** The name the core and every other binding use for this value. */
    public String coreName() {
        return coreName;
    }
}
