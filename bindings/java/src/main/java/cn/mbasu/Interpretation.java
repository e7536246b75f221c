package cn.mbasu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A provider's response read and interpreted: the value, what it means, and the head's ids.
 * Exactly one of {@link #getMatch()}, {@link #getInNetPeriod()} and {@link #getLineStatus()} is
 * set for an answered value, matching the interface; all three are {@code null} for {@code -1}
 * and {@code -2}.
 */
public final class Interpretation {
    private final Interface iface;
    private final ValueMeaning meaning;
    private final List<ResponseWarning> warnings;

    /*
     * The head strings stay UTF-8 in the native result until a getter first asks for them, because
     * most callers read only the outcome. A location is PackedBytes.skipString's offset and length,
     * or -1 for a missing string. The cached strings are written without synchronisation: two
     * threads may both decode, and either result is an equal, immutable String.
     */
    private final byte[] packed;
    private final long requestRefIdAt;
    private final long responseRefIdAt;
    private final long responseMsgAt;
    private String requestRefId;
    private String responseRefId;
    private String responseMsg;

    /** An interpretation whose head strings are already decoded. */
    Interpretation(Interface iface, ValueMeaning meaning, String requestRefId, String responseRefId,
            String responseMsg, List<ResponseWarning> warnings) {
        this.iface = iface;
        this.meaning = meaning;
        this.warnings = warnings;
        this.packed = null;
        this.requestRefIdAt = -1;
        this.responseRefIdAt = -1;
        this.responseMsgAt = -1;
        this.requestRefId = requestRefId;
        this.responseRefId = responseRefId;
        this.responseMsg = responseMsg;
    }

    private Interpretation(Interface iface, ValueMeaning meaning, byte[] packed, long requestRefIdAt,
            long responseRefIdAt, long responseMsgAt, List<ResponseWarning> warnings) {
        this.iface = iface;
        this.meaning = meaning;
        this.warnings = warnings;
        this.packed = packed;
        this.requestRefIdAt = requestRefIdAt;
        this.responseRefIdAt = responseRefIdAt;
        this.responseMsgAt = responseMsgAt;
    }

    /**
     * Reads a reading as {@code pack_reading} in {@code exchange.rs} writes it: the value's index
     * in the interface's table, the three head strings, then the warnings.
     */
    static Interpretation fromPacked(Interface iface, byte[] packed) {
        PackedBytes reader = new PackedBytes(packed);
        ValueMeaning meaning = ValueMeaning.of(iface, reader.readByte());
        long requestRefIdAt = reader.skipString();
        long responseRefIdAt = reader.skipString();
        long responseMsgAt = reader.skipString();

        int warningCount = reader.readInt();
        List<ResponseWarning> warnings = Collections.emptyList();
        if (warningCount > 0) {
            List<ResponseWarning> read = new ArrayList<>(warningCount);
            for (int i = 0; i < warningCount; i++) {
                read.add(new ResponseWarning(reader.readInt(), reader.readString(), reader.readString(),
                        reader.readString()));
            }
            warnings = Collections.unmodifiableList(read);
        }
        reader.expectEnd();
        return new Interpretation(iface, meaning, packed, requestRefIdAt, responseRefIdAt, responseMsgAt, warnings);
    }

    public Interface getInterface() {
        return iface;
    }

    /** The value as the spec spells it: {@code "0"}, {@code "-1"} and so on. */
    public String getValue() {
        return meaning.value;
    }

    public Category getCategory() {
        return meaning.category;
    }

    public Outcome getOutcome() {
        return meaning.outcome;
    }

    /** Whether asking again can give a different result: true only for {@code -2}. */
    public boolean isRetryable() {
        return meaning.retryable;
    }

    /** The value's meaning in Chinese, such as {@code 手机号、证件号、姓名均一致}. */
    public String getLabelZh() {
        return meaning.labelZh;
    }

    public String getLabelEn() {
        return meaning.labelEn;
    }

    /** The MBASU001 detail, or {@code null}. */
    public MatchDetail getMatch() {
        return meaning.match;
    }

    /** The MBASU010 detail, or {@code null}. */
    public InNetPeriodDetail getInNetPeriod() {
        return meaning.inNetPeriod;
    }

    /** The MBASU004 detail, or {@code null}. */
    public LineStatusDetail getLineStatus() {
        return meaning.lineStatus;
    }

    /** The echoed {@code head.requestRefId}, or {@code null} if the head has none. */
    public String getRequestRefId() {
        if (requestRefId == null && requestRefIdAt >= 0) {
            requestRefId = PackedBytes.decode(packed, requestRefIdAt);
        }
        return requestRefId;
    }

    /** {@code head.responseRefId}, or {@code null}. */
    public String getResponseRefId() {
        if (responseRefId == null && responseRefIdAt >= 0) {
            responseRefId = PackedBytes.decode(packed, responseRefIdAt);
        }
        return responseRefId;
    }

    /** {@code head.responseMsg}, or {@code null}. */
    public String getResponseMsg() {
        if (responseMsg == null && responseMsgAt >= 0) {
            responseMsg = PackedBytes.decode(packed, responseMsgAt);
        }
        return responseMsg;
    }

    /** Deviations from the spec that did not stop reading; unmodifiable. */
    public List<ResponseWarning> getWarnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "Interpretation{" + iface + " value=" + meaning.value + " " + meaning.category + " "
                + meaning.outcome + " requestRefId=" + getRequestRefId() + " warnings=" + warnings + "}";
    }
}
