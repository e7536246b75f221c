package cn.mbasu;

import java.util.Objects;

/** The allocation of a mobile number's segment, from the core's segment table. */
public final class MobileSegment {
    private final String prefix;
    private final SegmentKind kind;
    private final String kindLabelZh;
    private final String kindLabelEn;
    private final Operator operator;
    private final String operatorLabelZh;
    private final String operatorLabelEn;

    MobileSegment(String prefix, SegmentKind kind, String kindLabelZh, String kindLabelEn,
            Operator operator, String operatorLabelZh, String operatorLabelEn) {
        this.prefix = prefix;
        this.kind = kind;
        this.kindLabelZh = kindLabelZh;
        this.kindLabelEn = kindLabelEn;
        this.operator = operator;
        this.operatorLabelZh = operatorLabelZh;
        this.operatorLabelEn = operatorLabelEn;
    }

    /** The matched prefix, 3 to 5 digits; the longest match wins, so {@code 1349} beats {@code 134}. */
    public String getPrefix() {
        return prefix;
    }

    public SegmentKind getKind() {
        return kind;
    }

    public String getKindLabelZh() {
        return kindLabelZh;
    }

    public String getKindLabelEn() {
        return kindLabelEn;
    }

    public Operator getOperator() {
        return operator;
    }

    public String getOperatorLabelZh() {
        return operatorLabelZh;
    }

    public String getOperatorLabelEn() {
        return operatorLabelEn;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof MobileSegment)) {
            return false;
        }
        MobileSegment that = (MobileSegment) other;
        return prefix.equals(that.prefix) && kind == that.kind && operator == that.operator;
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, kind, operator);
    }

    @Override
    public String toString() {
        return "MobileSegment{" + prefix + " " + kind.coreName() + " " + operator.coreName() + "}";
    }
}
