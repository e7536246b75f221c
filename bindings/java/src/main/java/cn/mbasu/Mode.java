package cn.mbasu;

/** How validation treats a value that is not already canonical. */
public enum Mode {
    /** The value must already be canonical; every difference is a problem. */
    STRICT,
    /**
     * Fixable differences (spaces, full-width digits, {@code +86}, lowercase {@code x}, look-alike
     * dots) are corrected and listed as {@link Change}s, then the corrected value is validated.
     */
    NORMALIZE
}
