package cn.mbasu.bench;

import java.nio.charset.StandardCharsets;

/** The inputs every benchmark uses: the spec's sample applicant, requestRefId and response. */
final class Fixtures {
    static final String MOBILE = "13800138000";
    static final String CERT_NO = "11010519491231002X";
    static final String NAME = "张三";
    static final String REQUEST_REF_ID = "xwdb_250127115444103248377";

    /** The response sample of the spec, section 2.4. */
    static final String SAMPLE_RESPONSE = "{\"head\":{\"result\":\"Y\","
            + "\"responseRefId\":\"TR2941_20250127115621836874702\","
            + "\"requestRefId\":\"xwdb_250127115444103248377\",\"responseCode\":\"0000\","
            + "\"responseMsg\":\"查询成功\"},\"response\":{\"isIdNameMatch\":\"0\"}}";

    /** {@link #SAMPLE_RESPONSE} as the UTF-8 bytes an HTTP client receives. */
    static final byte[] SAMPLE_RESPONSE_BYTES = SAMPLE_RESPONSE.getBytes(StandardCharsets.UTF_8);

    private Fixtures() {
    }
}
