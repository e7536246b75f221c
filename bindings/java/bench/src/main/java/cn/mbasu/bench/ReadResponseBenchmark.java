package cn.mbasu.bench;

import cn.mbasu.Interface;
import cn.mbasu.Interpretation;
import cn.mbasu.MbasuConfig;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading the spec's sample MBASU001 response: parse, check responseCode and the requestRefId
 * echo, and map the value to its meaning. Every candidate returns the same information: the
 * value, its meaning (label, category, outcome), both reference ids and responseMsg.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ReadResponseBenchmark {
    private MbasuConfig config;
    private ObjectMapper mapper;
    private ObjectReader envelopeReader;

    @Setup(Level.Trial)
    public void setUp() {
        config = MbasuConfig.builder().build();
        mapper = new ObjectMapper();
        envelopeReader = mapper.readerFor(ResponseEnvelope.class);
        try {
            Interpretation read = mbasu();
            for (Reading baseline : new Reading[] {jacksonTree(), jacksonPojo(), jacksonPojoBytes()}) {
                if (!baseline.sameAs(read) || !baseline.sameAs(mbasuBytes())) {
                    throw new IllegalStateException("a baseline read " + baseline + " but mbasu read " + read);
                }
            }
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        config.close();
    }

    @Benchmark
    public Interpretation mbasu() {
        return config.parseResponse(Interface.MBASU001, Fixtures.SAMPLE_RESPONSE, Fixtures.REQUEST_REF_ID);
    }

    /** The body as an HTTP client hands it over: UTF-8 bytes. */
    @Benchmark
    public Interpretation mbasuBytes() {
        return config.parseResponse(Interface.MBASU001, Fixtures.SAMPLE_RESPONSE_BYTES, Fixtures.REQUEST_REF_ID);
    }

    /**
     * {@link #mbasuBytes()} with every field read, including the head strings that
     * {@link Interpretation} decodes only on request.
     */
    @Benchmark
    public void mbasuBytesReadAll(Blackhole blackhole) {
        Interpretation read = mbasuBytes();
        blackhole.consume(read.getValue());
        blackhole.consume(read.getLabelZh());
        blackhole.consume(read.getCategory());
        blackhole.consume(read.getOutcome());
        blackhole.consume(read.getRequestRefId());
        blackhole.consume(read.getResponseRefId());
        blackhole.consume(read.getResponseMsg());
    }

    /** The JNI crossing alone: one native call returning a short string. */
    @Benchmark
    public String crossingOnly() {
        return cn.mbasu.Mbasu.version();
    }

    @Benchmark
    public Reading jacksonTree() throws IOException {
        JsonNode root = mapper.readTree(Fixtures.SAMPLE_RESPONSE);
        JsonNode head = root.get("head");
        if (!"0000".equals(head.path("responseCode").asText())) {
            throw new IllegalStateException("provider error " + head.path("responseMsg").asText());
        }
        String requestRefId = head.path("requestRefId").asText();
        if (!Fixtures.REQUEST_REF_ID.equals(requestRefId)) {
            throw new IllegalStateException("requestRefId mismatch");
        }
        String value = root.path("response").path("isIdNameMatch").asText();
        return new Reading(value, MatchResult.of(value), requestRefId, head.path("responseRefId").asText(),
                head.path("responseMsg").asText());
    }

    @Benchmark
    public Reading jacksonPojo() throws IOException {
        return map(envelopeReader.<ResponseEnvelope>readValue(Fixtures.SAMPLE_RESPONSE));
    }

    /** Jackson reading the same UTF-8 bytes as {@link #mbasuBytes()}. */
    @Benchmark
    public Reading jacksonPojoBytes() throws IOException {
        return map(envelopeReader.<ResponseEnvelope>readValue(Fixtures.SAMPLE_RESPONSE_BYTES));
    }

    /** {@link #jacksonPojoBytes()} with every field read, to compare with {@link #mbasuBytesReadAll}. */
    @Benchmark
    public void jacksonPojoBytesReadAll(Blackhole blackhole) throws IOException {
        Reading read = jacksonPojoBytes();
        blackhole.consume(read.value);
        blackhole.consume(read.meaning.label);
        blackhole.consume(read.meaning.category);
        blackhole.consume(read.meaning.outcome);
        blackhole.consume(read.requestRefId);
        blackhole.consume(read.responseRefId);
        blackhole.consume(read.responseMsg);
    }

    private static Reading map(ResponseEnvelope envelope) {
        if (!"0000".equals(envelope.head.responseCode)) {
            throw new IllegalStateException("provider error " + envelope.head.responseMsg);
        }
        if (!Fixtures.REQUEST_REF_ID.equals(envelope.head.requestRefId)) {
            throw new IllegalStateException("requestRefId mismatch");
        }
        String value = envelope.response.isIdNameMatch;
        return new Reading(value, MatchResult.of(value), envelope.head.requestRefId, envelope.head.responseRefId,
                envelope.head.responseMsg);
    }

    /** The result POJO a team maps the Jackson envelope into: what {@link Interpretation} carries. */
    public static final class Reading {
        final String value;
        final MatchResult meaning;
        final String requestRefId;
        final String responseRefId;
        final String responseMsg;

        Reading(String value, MatchResult meaning, String requestRefId, String responseRefId, String responseMsg) {
            this.value = value;
            this.meaning = meaning;
            this.requestRefId = requestRefId;
            this.responseRefId = responseRefId;
            this.responseMsg = responseMsg;
        }

        /** Returns whether mbasu read the same information. Only the setup calls it, outside the measured code. */
        boolean sameAs(Interpretation read) {
            return value.equals(read.getValue()) && meaning.label.equals(read.getLabelZh())
                    && meaning.category.equals(read.getCategory().name())
                    && meaning.outcome.equals(read.getOutcome().name())
                    && requestRefId.equals(read.getRequestRefId()) && responseRefId.equals(read.getResponseRefId())
                    && responseMsg.equals(read.getResponseMsg());
        }

        @Override
        public String toString() {
            return "Reading{" + value + " " + meaning + " " + requestRefId + " " + responseRefId + " " + responseMsg
                    + "}";
        }
    }

    /**
     * The hand-written mapping of isIdNameMatch a team keeps next to its Jackson code, with the
     * category and outcome names mbasu uses.
     */
    public enum MatchResult {
        ALL_MATCH("手机号、证件号、姓名均一致", "ANSWERED", "PASS"),
        NAME_DIFFERS("手机号、证件号一致，姓名不一致", "ANSWERED", "FAIL"),
        CERT_NO_DIFFERS("手机号、姓名一致，证件号不一致", "ANSWERED", "FAIL"),
        ONLY_MOBILE("仅手机号一致", "ANSWERED", "FAIL"),
        NO_DATA("查无数据", "NO_DATA", "NO_DATA"),
        QUERY_ERROR("查询异常", "QUERY_ERROR", "QUERY_ERROR");

        final String label;
        final String category;
        final String outcome;

        MatchResult(String label, String category, String outcome) {
            this.label = label;
            this.category = category;
            this.outcome = outcome;
        }

        static MatchResult of(String value) {
            switch (value) {
                case "0":
                    return ALL_MATCH;
                case "1":
                    return NAME_DIFFERS;
                case "2":
                    return CERT_NO_DIFFERS;
                case "3":
                    return ONLY_MOBILE;
                case "-1":
                    return NO_DATA;
                case "-2":
                    return QUERY_ERROR;
                default:
                    throw new IllegalStateException("unknown isIdNameMatch " + value);
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class ResponseEnvelope {
        public Head head;
        public Body response;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Head {
        public String result;
        public String responseRefId;
        public String requestRefId;
        public String responseCode;
        public String responseMsg;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Body {
        public String isIdNameMatch;
    }
}
