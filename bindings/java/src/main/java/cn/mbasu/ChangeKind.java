package cn.mbasu;

/**
 * A correction that normalising mode made to a value.
 */
public enum ChangeKind {
    TRIMMED("trimmed"),
    FULL_WIDTH_CONVERTED("full_width_converted"),
    SEPARATORS_REMOVED("separators_removed"),
    COUNTRY_CODE_REMOVED("country_code_removed"),
    CHECK_CHARACTER_UPPERCASED("check_character_uppercased"),
    DOT_REPLACED("dot_replaced"),
    WHITESPACE_REMOVED("whitespace_removed");

    private final String coreName;

    ChangeKind(String coreName) {
        this.coreName = coreName;
    }

    /** The name the core and every other binding use for this value. */
    public String coreName() {
        return coreName;
    }
}
