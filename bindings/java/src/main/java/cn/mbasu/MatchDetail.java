package cn.mbasu;

/** What an answered MBASU001 value says about the name and the ID number. */
public final class MatchDetail {
    private final boolean nameMatches;
    private final boolean certNoMatches;

    MatchDetail(boolean nameMatches, boolean certNoMatches) {
        this.nameMatches = nameMatches;
        this.certNoMatches = certNoMatches;
    }

    public boolean isNameMatches() {
        return nameMatches;
    }

    public boolean isCertNoMatches() {
        return certNoMatches;
    }

    @Override
    public String toString() {
        return "MatchDetail{nameMatches=" + nameMatches + " certNoMatches=" + certNoMatches + "}";
    }
}
