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

/**
 * Reading the spec's sample MBASU001 response: parse, check responseCode and the requestRefId
 * echo, and map the value to its meaning.
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
            if (!read.getLabelZh().equals(jacksonTree().label) || !read.getLabelZh().equals(jacksonPojo().label)
                    || !read.getLabelZh().equals(mbasuBytes().getLabelZh())
                    || !read.getLabelZh().equals(jacksonPojoBytes().label)) {
                throw new IllegalStateException("the baselines read a different meaning than mbasu");
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

    /** The JNI crossing alone: one native call returning a short string. */
    @Benchmark
    public String crossingOnly() {
        return cn.mbasu.Mbasu.version();
    }

    @Benchmark
    public MatchResult jacksonTree() throws IOException {
        JsonNode root = mapper.readTree(Fixtures.SAMPLE_RESPONSE);
        JsonNode head = root.get("head");
        if (!"0000".equals(head.path("responseCode").asText())) {
            throw new IllegalStateException("provider error " + head.path("responseMsg").asText());
        }
        if (!Fixtures.REQUEST_REF_ID.equals(head.path("requestRefId").asText())) {
            throw new IllegalStateException("requestRefId mismatch");
        }
        return MatchResult.of(root.path("response").path("isIdNameMatch").asText());
    }

    @Benchmark
    public MatchResult jacksonPojo() throws IOException {
        return map(envelopeReader.<ResponseEnvelope>readValue(Fixtures.SAMPLE_RESPONSE));
    }

    /** Jackson reading the same UTF-8 bytes as {@link #mbasuBytes()}. */
    @Benchmark
    public MatchResult jacksonPojoBytes() throws IOException {
        return map(envelopeReader.<ResponseEnvelope>readValue(Fixtures.SAMPLE_RESPONSE_BYTES));
    }

    private static MatchResult map(ResponseEnvelope envelope) {
        if (!"0000".equals(envelope.head.responseCode)) {
            throw new IllegalStateException("provider error " + envelope.head.responseMsg);
        }
        if (!Fixtures.REQUEST_REF_ID.equals(envelope.head.requestRefId)) {
            throw new IllegalStateException("requestRefId mismatch");
        }
        return MatchResult.of(envelope.response.isIdNameMatch);
    }

    /** The hand-written mapping of isIdNameMatch a team keeps next to its Jackson code. */
    public enum MatchResult {
        ALL_MATCH("手机号、证件号、姓名均一致", true),
        NAME_DIFFERS("手机号、证件号一致，姓名不一致", false),
        CERT_NO_DIFFERS("手机号、姓名一致，证件号不一致", false),
        ONLY_MOBILE("仅手机号一致", false),
        NO_DATA("查无数据", false),
        QUERY_ERROR("查询异常", false);

        final String label;
        final boolean pass;

        MatchResult(String label, boolean pass) {
            this.label = label;
            this.pass = pass;
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
