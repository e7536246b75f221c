import cn.mbasu.BuiltRequest;
import cn.mbasu.EncryptType;
import cn.mbasu.FieldReport;
import cn.mbasu.Interface;
import cn.mbasu.Interpretation;
import cn.mbasu.Mbasu;
import cn.mbasu.MbasuConfig;
import cn.mbasu.MbasuException;
import cn.mbasu.Problem;
import cn.mbasu.RequestForm;
import cn.mbasu.RequestOptions;
import cn.mbasu.ValidationOptions;
import java.nio.charset.StandardCharsets;

/**
 * Validates an applicant, builds an MBASU001 request with SM3-hashed fields, and reads the
 * spec's sample response, in plain Java 8.
 *
 * <p>Compile and run against the binding's jar, which carries the native library:
 * <pre>
 * javac -cp mbasu-0.1.0.jar Mbasu001Example.java
 * java -cp mbasu-0.1.0.jar:. Mbasu001Example
 * </pre>
 */
public final class Mbasu001Example {
    /** The response sample of the spec, section 2.4. */
    private static final String SAMPLE_RESPONSE = "{\"head\":{\"result\":\"Y\","
            + "\"responseRefId\":\"TR2941_20250127115621836874702\","
            + "\"requestRefId\":\"xwdb_250127115444103248377\",\"responseCode\":\"0000\","
            + "\"responseMsg\":\"查询成功\"},\"response\":{\"isIdNameMatch\":\"0\"}}";

    private Mbasu001Example() {
    }

    public static void main(String[] args) {
        // Show a form user what is wrong, all fields at once, before anything is sent.
        FieldReport typed = Mbasu.validateCertNo("11010519491231002x", ValidationOptions.STRICT);
        for (Problem problem : typed.getProblems()) {
            System.out.println(problem.getCode() + " " + problem.getName() + ": " + problem.getMessageZh());
        }

        // Build the configuration once at start-up and share it; it is thread-safe.
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            RequestOptions options = RequestOptions.builder()
                    .encryptType(EncryptType.SM3)
                    .form(RequestForm.STANDARD)
                    .requestRefId("xwdb_250127115444103248377")
                    .build();
            // Normalising validation (the default) upper-cases the x before hashing.
            BuiltRequest request = config.buildRequest(Interface.MBASU001, "13800138000",
                    "11010519491231002x", "张三", options);
            // An HTTP client sends request.getBodyBytes(), the UTF-8 body; getBody() is the same text.
            System.out.println("POST {base}" + request.getPath());
            System.out.println(request.getBody());

            // The HTTP call is the integrator's, so the spec's sample response is read in place of the
            // bytes it receives; the byte[] overload reads them without decoding to a String.
            byte[] responseBody = SAMPLE_RESPONSE.getBytes(StandardCharsets.UTF_8);
            Interpretation answer = config.parseResponse(Interface.MBASU001, responseBody,
                    request.getRequestRefId());
            System.out.println(answer.getValue() + " " + answer.getOutcome() + " " + answer.getLabelZh()
                    + " / " + answer.getLabelEn() + " (retryable: " + answer.isRetryable() + ")");
        } catch (MbasuException error) {
            System.err.println(error.getCode() + " " + error.getName() + ": " + error.getMessageZh());
            System.exit(1);
        }
    }
}
