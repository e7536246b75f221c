package cn.mbasu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Builds the result classes from packed native results; the item order mirrors the Rust writers. */
final class Decoders {
    private static final Field[] FIELDS = Field.values();
    private static final Severity[] SEVERITIES = Severity.values();
    private static final ChangeKind[] CHANGE_KINDS = ChangeKind.values();
    private static final RequestForm[] FORMS = RequestForm.values();
    private static final EncryptType[] ENCRYPT_TYPES = EncryptType.values();
    private static final HttpResult.Kind[] HTTP_KINDS = HttpResult.Kind.values();

    private Decoders() {
    }

    static FieldReport fieldReport(PackedReader reader) {
        Field field = reader.readEnum(FIELDS);
        String value = reader.readNullableString();

        int problemCount = reader.readInt();
        List<Problem> problems = new ArrayList<>(problemCount);
        for (int i = 0; i < problemCount; i++) {
            problems.add(new Problem(reader.readEnum(FIELDS), reader.readEnum(SEVERITIES), reader.readInt(),
                    reader.readString(), reader.readString(), reader.readString()));
        }

        int changeCount = reader.readInt();
        List<Change> changes = new ArrayList<>(changeCount);
        for (int i = 0; i < changeCount; i++) {
            changes.add(new Change(reader.readEnum(FIELDS), reader.readEnum(CHANGE_KINDS), reader.readString(),
                    reader.readString()));
        }
        return new FieldReport(field, value, Collections.unmodifiableList(problems),
                Collections.unmodifiableList(changes));
    }

    static Interpretation interpretation(Interface iface, PackedReader reader) {
        ValueMeaning meaning = ValueMeaning.read(reader);
        String requestRefId = reader.readNullableString();
        String responseRefId = reader.readNullableString();
        String responseMsg = reader.readNullableString();
        int warningCount = reader.readInt();
        List<ResponseWarning> warnings = new ArrayList<>(warningCount);
        for (int i = 0; i < warningCount; i++) {
            warnings.add(new ResponseWarning(reader.readInt(), reader.readString(), reader.readString(),
                    reader.readString()));
        }
        return new Interpretation(iface, meaning, requestRefId, responseRefId, responseMsg,
                warnings.isEmpty() ? Collections.<ResponseWarning>emptyList() : Collections.unmodifiableList(warnings));
    }

    static HttpResult httpResult(Interface iface, String packed) {
        PackedReader reader = new PackedReader(packed);
        HttpResult.Kind kind = reader.readEnum(HTTP_KINDS);
        HttpResult result;
        if (kind == HttpResult.Kind.ANSWERED) {
            result = new HttpResult(kind, interpretation(iface, reader), null, false);
        } else {
            MbasuException error = error(reader);
            boolean retryable = kind == HttpResult.Kind.TRANSPORT_FAILURE && reader.readBoolean();
            result = new HttpResult(kind, null, error, retryable);
        }
        reader.expectEnd();
        return result;
    }

    static MbasuException error(PackedReader reader) {
        return new MbasuException(reader.readInt(), reader.readString(), reader.readString(), reader.readString(),
                reader.readNullableString(), reader.readNullableString());
    }

    static ParsedRequest parsedRequest(Interface iface, String packed) {
        PackedReader reader = new PackedReader(packed);
        String requestRefId = reader.readString();
        RequestForm form = reader.readEnum(FORMS);
        String secretId = reader.readNullableString();
        int encryptType = reader.readInt();
        ReceivedField mobile = receivedField(reader);
        ReceivedField certNo = receivedField(reader);
        ReceivedField name = receivedField(reader);
        reader.expectEnd();
        return new ParsedRequest(iface, requestRefId, form, secretId,
                encryptType < 0 ? null : ENCRYPT_TYPES[encryptType], mobile, certNo, name);
    }

    private static ReceivedField receivedField(PackedReader reader) {
        if (!reader.readBoolean()) {
            return null;
        }
        return new ReceivedField(reader.readString(), reader.readNullableString());
    }

    static BuiltResponse builtResponse(String packed) {
        PackedReader reader = new PackedReader(packed);
        BuiltResponse response = new BuiltResponse(reader.readString(), reader.readString());
        reader.expectEnd();
        return response;
    }

    static List<Finding> findings(String packed) {
        PackedReader reader = new PackedReader(packed);
        int count = reader.readInt();
        List<Finding> findings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            findings.add(new Finding(reader.readInt(), reader.readString(), reader.readEnum(SEVERITIES),
                    reader.readString(), reader.readString(), reader.readString()));
        }
        reader.expectEnd();
        return Collections.unmodifiableList(findings);
    }
}
