package cn.mbasu;

/**
 * What a mobile number segment is allocated for.
 */
public enum SegmentKind {
    BASIC("basic"),
    VIRTUAL("virtual"),
    DATA("data"),
    BROADCAST("broadcast"),
    SATELLITE("satellite");

    private final String coreName;

    SegmentKind(String coreName) {
        this.coreName = coreName;
    }

    /** The name the core and every other binding use for this value. */
    public String coreName() {
        return coreName;
    }
}
