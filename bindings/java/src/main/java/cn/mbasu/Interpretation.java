package cn.mbasu;

import java.util.List;

/**
 * A provider's response read and interpreted: the value, what it means, and the head's ids.
 * Exactly one of {@link #getMatch()}, {@link #getInNetPeriod()} and {@link #getLineStatus()} is
 * set for an answered value, matching the interface; all three are {@code null} for {@code -1}
 * and {@code -2}.
 */
public final class Interpretation {
    private final Interface iface;
    private final String value;
    private final Category category;
    private final Outcome outcome;
    private final boolean retryable;
    private final String labelZh;
    private final String labelEn;
    private final MatchDetail match;
    private final InNetPeriodDetail inNetPeriod;
    private final LineStatusDetail lineStatus;
    private final String requestRefId;
    private final String responseRefId;
    private final String responseMsg;
    private final List<ResponseWarning> warnings;

    Interpretation(Interface iface, String value, Category category, Outcome outcome, boolean retryable,
            String labelZh, String labelEn, MatchDetail match, InNetPeriodDetail inNetPeriod,
            LineStatusDetail lineStatus, String requestRefId, String responseRefId, String responseMsg,
            List<ResponseWarning> warnings) {
        this.iface = iface;
        this.value = value;
        this.category = category;
        this.outcome = outcome;
        this.retryable = retryable;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.match = match;
        this.inNetPeriod = inNetPeriod;
        this.lineStatus = lineStatus;
        this.requestRefId = requestRefId;
        this.responseRefId = responseRefId;
        this.responseMsg = responseMsg;
        this.warnings = warnings;
    }

    public Interface getInterface() {
        return iface;
    }

    /** The value as the spec spells it: {@code "0"}, {@code "-1"} and so on. */
    public String getValue() {
        return value;
    }

    public Category getCategory() {
        return category;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    /** Whether asking again can give a different result: true only for {@code -2}. */
    public boolean isRetryable() {
        return retryable;
    }

    /** The value's meaning in Chinese, such as {@code 手机号、证件号、姓名均一致}. */
    public String getLabelZh() {
        return labelZh;
    }

    public String getLabelEn() {
        return labelEn;
    }

    /** The MBASU001 detail, or {@code null}. */
    public MatchDetail getMatch() {
        return match;
    }

    /** The MBASU010 detail, or {@code null}. */
    public InNetPeriodDetail getInNetPeriod() {
        return inNetPeriod;
    }

    /** The MBASU004 detail, or {@code null}. */
    public LineStatusDetail getLineStatus() {
        return lineStatus;
    }

    /** The echoed {@code head.requestRefId}, or {@code null} if the head has none. */
    public String getRequestRefId() {
        return requestRefId;
    }

    /** {@code head.responseRefId}, or {@code null}. */
    public String getResponseRefId() {
        return responseRefId;
    }

    /** {@code head.responseMsg}, or {@code null}. */
    public String getResponseMsg() {
        return responseMsg;
    }

    /** Deviations from the spec that did not stop reading; unmodifiable. */
    public List<ResponseWarning> getWarnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "Interpretation{" + iface + " value=" + value + " " + category + " " + outcome + " requestRefId="
                + requestRefId + " warnings=" + warnings + "}";
    }
}
