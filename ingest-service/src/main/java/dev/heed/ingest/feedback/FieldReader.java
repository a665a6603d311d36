package dev.heed.ingest.feedback;

import com.fasterxml.jackson.databind.JsonNode;
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
        if (value.textValue().length() > maxLength) {
            errors.add(FieldError.invalid(pointer(name), "must be at most " + maxLength + " characters"));
            return null;
        }
        return value.textValue();
    }

    String matching(String name, Predicate<String> valid, String expected, int maxLength) {
        String value = text(name, false, maxLength);
        if (value != null && !valid.test(value)) {
            errors.add(FieldError.invalid(pointer(name), "must be " + expected));
            return null;
        }
        return value;
    }

    Integer integer(String name, int min, int max) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            errors.add(FieldError.invalid(pointer(name), "must be a whole number from " + min + " to " + max));
            return null;
        }
        return value.intValue();
    }

    Instant timestamp(String name, boolean required) {
        String value = text(name, required, 64);
        if (value == null) {
            return null;
        }
        try {
            return Rfc3339.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.invalid(pointer(name), "must be an RFC 3339 date-time with offset, e.g. 2026-01-31T09:15:00Z"));
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
