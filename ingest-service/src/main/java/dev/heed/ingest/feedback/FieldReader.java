package dev.heed.ingest.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads typed fields of one JSON object and collects every problem instead of stopping at the first,
 * so a client learns about all its mistakes in one answer.
 */
final class FieldReader {
    private final JsonNode node;
    private final String base;
    private final List<FieldError> errors;

    FieldReader(JsonNode node, String base, List<FieldError> errors) {
        this.node = node;
        this.base = base;
        this.errors = errors;
    }

    String pointer(String name) {
        return base + "/" + name;
    }

    JsonNode raw(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    String text(String name, boolean required, int maxLength) {
        JsonNode value = raw(name);
        if (value == null) {
            if (required) {
                errors.add(FieldError.invalid(pointer(name), "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(FieldError.invalid(pointer(name), "must be a string"));
            return null;
        }
        String text = value.textValue();
        // Characters are code points, as JSON Schema's maxLength counts them: an emoji is one, not two UTF-16 units.
        // A string no longer than the limit in UTF-16 units is no longer in code points, so most need no count.
        if (text.length() > maxLength && text.codePointCount(0, text.length()) > maxLength) {
            errors.add(FieldError.invalid(pointer(name), "must be at most " + maxLength + " characters (Unicode code points)"));
            return null;
        }
        return text;
    }

    String matching(String name, Predicate<String> valid, String expected, int maxLength) {
        String value = text(name, false, maxLength);
        if (value != null && !valid.test(value)) {
            errors.add(FieldError.invalid(pointer(name), "must be " + expected));
            return null;
        }
        return value;
    }

    /** A whole number however written: {@code 5}, {@code 5.0} and {@code 5e0} are all 5, while {@code 4.5} is refused. */
    Integer integer(String name, int min, int max) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= min && value.longValue() <= max) {
            return value.intValue();
        }
        if (value.isFloatingPointNumber()) {
            BigDecimal decimal = value.decimalValue();
            // Compared before any conversion, so 1e400 is never turned into a long; a whole value has no fraction.
            if (decimal.compareTo(BigDecimal.valueOf(min)) >= 0 && decimal.compareTo(BigDecimal.valueOf(max)) <= 0
                    && decimal.stripTrailingZeros().scale() <= 0) {
                return decimal.intValueExact();
            }
        }
        errors.add(FieldError.invalid(pointer(name), "must be a whole number from " + min + " to " + max));
        return null;
    }

    Instant timestamp(String name, boolean required) {
        String value = text(name, required, 64);
        if (value == null) {
            return null;
        }
        try {
            return Rfc3339.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.invalid(pointer(name), Rfc3339.expected(e)));
            return null;
        }
    }

    JsonNode object(String name) {
        JsonNode value = raw(name);
        if (value != null && !value.isObject()) {
            errors.add(FieldError.invalid(pointer(name), "must be an object"));
            return null;
        }
        return value;
    }
}
