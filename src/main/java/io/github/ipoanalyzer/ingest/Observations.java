package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.Sourced;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Two rows of one key (one ticker and date, one currency and date...) are two observations of
 * one fact, judged by what they say: they agree when every value both know is the same (an
 * unknown value, null, agrees with anything; a note is a remark, never a value). Rows that agree
 * are one observation: the one that knows more is kept, or the union of what both know, and the
 * other is a repeat, never a reject. Only a value both give differently is a conflict.
 */
public final class Observations {

    /** Remarks on a row, which two observations of one fact may word differently. */
    private static final Set<String> REMARKS = Set.of("note", "comment");

    private Observations() {
    }

    /**
     * The row to keep for a key {@code earlier} already has, given the later {@code row}: the later
     * row when it knows more (or the union of both), in which case {@code earlier} is replaced; or
     * the repeat reject when it knows nothing new, or the conflict reject when a value differs.
     */
    public static <T> Sourced<T> merge(Sourced<T> earlier, Sourced<T> row, String key, String keyDescription) {
        Record a = (Record) earlier.row();
        Record b = (Record) row.row();
        RecordComponent[] fields = a.getClass().getRecordComponents();
        Object[] union = new Object[fields.length];
        List<String> added = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            Object x = value(fields[i], a);
            Object y = value(fields[i], b);
            boolean remark = REMARKS.contains(fields[i].getName());
            if (!remark && x != null && y != null && !same(x, y)) {
                throw conflict(earlier, row, key, keyDescription, column(fields[i].getName()), x, y);
            }
            if (!remark && x == null && y != null) {
                added.add(fields[i].getName());
            }
            union[i] = x != null ? x : y;
        }
        if (added.isEmpty()) {
            throw new RejectedRowException(keyDescription, key, RejectedRowException.REPEAT,
                    "repeats line " + earlier.line() + " of " + earlier.file() + ": the same " + keyDescription
                            + " and no value that differs or is new; counted as a repeat, not loaded",
                    earlier.file(), earlier.line());
        }
        @SuppressWarnings("unchecked")
        T merged = (T) construct(a.getClass(), fields, union);
        return new Sourced<>(merged, row.file(), row.line());
    }

    /** The repeat record of a row replaced by a later one of the same key that knows more. */
    public static RejectedRowException replacedBy(Sourced<?> later, String key, String keyDescription) {
        return new RejectedRowException(keyDescription, key, RejectedRowException.REPEAT,
                "repeated by line " + later.line() + " of " + later.file() + ", which gives the same values and more "
                        + "(the two are kept as one row, loaded from there); counted as a repeat, not loaded",
                later.file(), later.line());
    }

    private static RejectedRowException conflict(Sourced<?> earlier, Sourced<?> row, String key, String keyDescription,
                                                 String field, Object x, Object y) {
        String suggestion = earlier.file().equals(row.file())
                ? "correct or remove the wrong line of " + row.file()
                : "correct the wrong one, or remove " + row.file() + " if it is another copy of " + earlier.file();
        return new RejectedRowException(field, text(y), "conflict", field + " differs for " + keyDescription + " "
                + key + ": " + text(x) + " at line " + earlier.line() + " of " + earlier.file() + ", " + text(y)
                + " at line " + row.line() + " of " + row.file() + "; both rows are rejected: " + suggestion,
                earlier.file(), earlier.line(), text(x));
    }

    /** The input column of a record field: offerPrice is offer_price. */
    private static String column(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean same(Object x, Object y) {
        if (x instanceof BigDecimal d && y instanceof BigDecimal e) {
            return d.compareTo(e) == 0; // 673 and 673.00 are one price
        }
        return Objects.equals(x, y);
    }

    private static String text(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }

    private static Object value(RecordComponent field, Record row) {
        try {
            return field.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + field.getName() + " of " + row.getClass(), e);
        }
    }

    private static Object construct(Class<?> type, RecordComponent[] fields, Object[] values) {
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(
                    java.util.Arrays.stream(fields).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getSimpleName() + " of two rows", e);
        }
    }
}
