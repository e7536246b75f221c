package cn.mbasu.bench;

import cn.hutool.core.util.IdcardUtil;
import cn.hutool.core.util.PhoneUtil;
import cn.hutool.crypto.SmUtil;
import cn.mbasu.EncryptType;
import cn.mbasu.Interface;
import cn.mbasu.MbasuConfig;
import cn.mbasu.RequestForm;
import cn.mbasu.RequestOptions;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;
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
 * Building an MBASU001 request with SM3-hashed fields: validate mobile, ID number and name, hash
 * each, and serialise the envelope with a fixed requestRefId.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class BuildRequestBenchmark {
    /** The name check Java teams commonly write: 2 to 40 BMP Han characters or the middle dot. */
    private static final Pattern NAME = Pattern.compile("^[\\u4e00-\\u9fa5·]{2,40}$");

    private MbasuConfig config;
    private RequestOptions options;
    private ObjectMapper mapper;

    @Setup(Level.Trial)
    public void setUp() {
        config = MbasuConfig.builder().build();
        options = RequestOptions.builder().encryptType(EncryptType.SM3).form(RequestForm.STANDARD)
                .requestRefId(Fixtures.REQUEST_REF_ID).build();
        mapper = new ObjectMapper();
        try {
            String expected = mbasu();
            if (!expected.equals(hutoolSm3Jackson()) || !expected.equals(bouncyCastleSm3Jackson())
                    || !Arrays.equals(mbasuBytes(), hutoolSm3JacksonBytes())
                    || !Arrays.equals(mbasuBytes(), expected.getBytes(StandardCharsets.UTF_8))) {
                throw new IllegalStateException("the baselines build a different body than mbasu: " + expected);
            }
        } catch (JsonProcessingException failure) {
            throw new IllegalStateException(failure);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        config.close();
    }

    @Benchmark
    public String mbasu() {
        return config.buildRequest(Interface.MBASU001, Fixtures.MOBILE, Fixtures.CERT_NO, Fixtures.NAME, options)
                .getBody();
    }

    /** The body as UTF-8 bytes, what an HTTP client sends. */
    @Benchmark
    public byte[] mbasuBytes() {
        return config.buildRequest(Interface.MBASU001, Fixtures.MOBILE, Fixtures.CERT_NO, Fixtures.NAME, options)
                .getBodyBytes();
    }

    @Benchmark
    public String hutoolSm3Jackson() throws JsonProcessingException {
        checkFields();
        Param param = new Param(SmUtil.sm3(Fixtures.MOBILE), SmUtil.sm3(Fixtures.CERT_NO), SmUtil.sm3(Fixtures.NAME));
        return mapper.writeValueAsString(new Envelope(Fixtures.REQUEST_REF_ID, param));
    }

    /** {@link #hutoolSm3Jackson()} writing UTF-8 bytes, to compare with {@link #mbasuBytes()}. */
    @Benchmark
    public byte[] hutoolSm3JacksonBytes() throws JsonProcessingException {
        checkFields();
        Param param = new Param(SmUtil.sm3(Fixtures.MOBILE), SmUtil.sm3(Fixtures.CERT_NO), SmUtil.sm3(Fixtures.NAME));
        return mapper.writeValueAsBytes(new Envelope(Fixtures.REQUEST_REF_ID, param));
    }

    @Benchmark
    public String bouncyCastleSm3Jackson() throws JsonProcessingException {
        checkFields();
        Param param = new Param(sm3(Fixtures.MOBILE), sm3(Fixtures.CERT_NO), sm3(Fixtures.NAME));
        return mapper.writeValueAsString(new Envelope(Fixtures.REQUEST_REF_ID, param));
    }

    /** One SM3 digest through mbasu, JNI crossing included. */
    @Benchmark
    public String sm3OnlyMbasu() {
        return cn.mbasu.Mbasu.hash(EncryptType.SM3, Fixtures.CERT_NO);
    }

    /** One SM3 digest with BouncyCastle. */
    @Benchmark
    public String sm3OnlyBouncyCastle() {
        return sm3(Fixtures.CERT_NO);
    }

    private static void checkFields() {
        if (!PhoneUtil.isMobile(Fixtures.MOBILE) || !IdcardUtil.isValidCard(Fixtures.CERT_NO)
                || !NAME.matcher(Fixtures.NAME).matches()) {
            throw new IllegalArgumentException("invalid applicant");
        }
    }

    private static String sm3(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return Hex.toHexString(out);
    }

    /** The request envelope as a Jackson POJO. */
    public static final class Envelope {
        public final Head head;
        public final Request request;

        Envelope(String requestRefId, Param param) {
            this.head = new Head(requestRefId);
            this.request = new Request(param);
        }
    }

    public static final class Head {
        public final String requestRefId;

        Head(String requestRefId) {
            this.requestRefId = requestRefId;
        }
    }

    public static final class Request {
        public final Param param;

        Request(Param param) {
            this.param = param;
        }
    }

    @JsonPropertyOrder({"mobile", "certType", "certNo", "name", "encryptType"})
    public static final class Param {
        public final String mobile;
        public final String certType = "00";
        public final String certNo;
        public final String name;
        public final String encryptType = "3";

        Param(String mobile, String certNo, String name) {
            this.mobile = mobile;
            this.certNo = certNo;
            this.name = name;
        }
    }
}
