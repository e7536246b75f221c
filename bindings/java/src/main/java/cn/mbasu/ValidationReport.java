package cn.mbasu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The outcome of validating the fields of one applicant, one {@link FieldReport} per field given. */
public final class ValidationReport {
    private final List<FieldReport> fields;

    ValidationReport(List<FieldReport> fields) {
        this.fields = fields;
    }

    /** The reports in the order mobile, certNo, name, for the fields that were given; unmodifiable. */
    public List<FieldReport> getFields() {
        return fields;
    }

    /** The report of one field, or {@code null} if that field was not given. */
    public FieldReport getField(Field field) {
        for (FieldReport report : fields) {
            if (report.getField() == field) {
                return report;
            }
        }
        return null;
    }

    /** True when no field has an error. */
    public boolean isValid() {
        for (FieldReport report : fields) {
            if (!report.isValid()) {
                return false;
            }
        }
        return true;
    }

    /** Every problem of every field, in field order; unmodifiable. */
    public List<Problem> getProblems() {
        List<Problem> all = new ArrayList<>();
        for (FieldReport report : fields) {
            all.addAll(report.getProblems());
        }
        return Collections.unmodifiableList(all);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValidationReport && fields.equals(((ValidationReport) other).fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "ValidationReport" + fields;
    }
}
