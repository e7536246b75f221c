package cn.mbasu;

/** An answered MBASU004 value: the line status, and whether the line can be used. */
public final class LineStatusDetail {
    private final LineStatus status;
    private final boolean usable;

    LineStatusDetail(LineStatus status, boolean usable) {
        this.status = status;
        this.usable = usable;
    }

    public LineStatus getStatus() {
        return status;
    }

    /** True only for {@link LineStatus#IN_USE}. */
    public boolean isUsable() {
        return usable;
    }

    @Override
    public String toString() {
        return "LineStatusDetail{" + status + " usable=" + usable + "}";
    }
}
