package cn.mbasu;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating one field: the canonical value when it has no error, every problem
 * found, and the corrections normalising mode made.
 */
public final class FieldReport {
    private final Field field;
    private final String value;
    private final List<Problem> problems;
    private final List<Change> changes;

    FieldReport(Field field, String value, List<Problem> problems, List<Change> changes) {
        this.field = field;
        this.value = value;
        this.problems = problems;
        this.changes = changes;
    }

    public Field getField() {
        return field;
    }

    /**
     * The canonical value to encrypt and send, or {@code null} when the field has an error.
     * In strict mode it is the input itself; in normalising mode the corrected input.
     */
    public String getValue() {
        return value;
    }

    /** Every problem, errors and warnings, in the order the core found them; unmodifiable. */
    public List<Problem> getProblems() {
        return problems;
    }

    /** The corrections made; always empty in strict mode; unmodifiable. */
    public List<Change> getChanges() {
        return changes;
    }

    /** True when no problem is an error; warnings do not block a value. */
    public boolean isValid() {
        for (Problem problem : problems) {
            if (problem.isError()) {
                return false;
            }
        }
        return true;
    }

    /** The first error, or {@code null} when the field is valid. */
    public Problem getFirstError() {
        for (Problem problem : problems) {
            if (problem.isError()) {
                return problem;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof FieldReport)) {
            return false;
        }
        FieldReport that = (FieldReport) other;
        return field == that.field && Objects.equals(value, that.value)
                && problems.equals(that.problems) && changes.equals(that.changes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, value, problems, changes);
    }

    /** Describes the report without the value, which is personal data. */
    @Override
    public String toString() {
        return "FieldReport{" + field.coreName() + " valid=" + isValid() + " problems=" + problems
                + " changes=" + changes + "}";
    }
}
