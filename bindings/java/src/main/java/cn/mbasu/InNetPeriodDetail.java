package cn.mbasu;

/** An answered MBASU010 band: in the network more than {@code monthsAbove} and at most {@code monthsAtMost} months. */
public final class InNetPeriodDetail {
    private final int monthsAbove;
    private final Integer monthsAtMost;

    InNetPeriodDetail(int monthsAbove, Integer monthsAtMost) {
        this.monthsAbove = monthsAbove;
        this.monthsAtMost = monthsAtMost;
    }

    /** The exclusive lower bound in months; 0 for the first band. */
    public int getMonthsAbove() {
        return monthsAbove;
    }

    /** The inclusive upper bound in months, or {@code null} for the last band (more than 24 months). */
    public Integer getMonthsAtMost() {
        return monthsAtMost;
    }

    @Override
    public String toString() {
        return "InNetPeriodDetail{(" + monthsAbove + ", " + monthsAtMost + "] months}";
    }
}
