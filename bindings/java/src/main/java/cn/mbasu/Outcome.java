package cn.mbasu;

/**
 * Whether the check passed, from the integrator's point of view. Every MBASU010 band counts
 * as a pass; read {@link Interpretation#getInNetPeriod()} to apply a policy.
 */
public enum Outcome {
    PASS("pass"),
    FAIL("fail"),
    NO_DATA("no_data"),
    QUERY_ERROR("query_error");

    private final String coreName;

    Outcome(String coreName) {
        this.coreName = coreName;
    }

    /** The name the core and every other binding use for this value. */
    public String coreName() {
        return coreName;
    }
}
