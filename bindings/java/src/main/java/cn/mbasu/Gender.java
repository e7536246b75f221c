package cn.mbasu;

/**
 * Gender as the sequence digit of an ID number encodes it (odd male, even female).
 */
public enum Gender {
    MALE("male"),
    FEMALE("female");

    private final String coreName;

    Gender(String coreName) {
        this.coreName = coreName;
    }

    /** The name the core and every other binding use for this value. */
    public String coreName() {
        return coreName;
    }
}
