package dev.heed.ingest.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The CloudEvents 1.0 rules for an event's context attributes, checked before the CloudEvents SDK reads the
 * event, because the SDK (4.0.1) takes events the specification and its conformance suite call invalid: an
 * empty {@code subject} or {@code dataschema}, a {@code time} without seconds or with an offset without
 * minutes, {@code specversion} 0.3 (this API reads 1.0 only), objects as extension values; and where it does
 * refuse, its messages name Java types. So every rule is here, each with the attribute's own pointer and
 * plain words, and the SDK reads only events that pass. {@code time} is read with {@link Rfc3339}, which
 * also takes a leap second, rather than by the SDK. Thread-safe.
 */
final class CloudEventRules {
    /** In the order their errors are listed. */
    private static final List<String> REQUIRED = List.of("specversion", "id", "source", "type");
    private static final Set<String> OPTIONAL = Set.of("datacontenttype", "dataschema", "subject", "time");
    /** Members of the JSON format that are not attributes. */
    private static final Set<String> DATA = Set.of("data", "data_base64");
    private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9]+");
    /** RFC 2046's type/subtype, with optional parameters. */
    private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+\\s*(;.*)?");

    private CloudEventRules() {}

    /** The outcome of the checks: the errors (none when the event is valid) and its {@code time}, if it has one. */
    record Checked(List<FieldError> errors, Instant time) {}

    /** The attributes of a structured-mode event, {@code event} being its JSON object. */
    static Checked structured(JsonNode event, UnaryOperator<String> pointer) {
        var errors = new ArrayList<FieldError>(0);
        Instant time = attributes(event::get, pointer, errors);
        event.fields().forEachRemaining(member -> {
            String name = member.getKey();
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name) && !DATA.contains(name)) {
                extension(name, member.getValue(), pointer, errors);
            }
        });
        JsonNode base64 = event.get("data_base64");
        if (base64 != null && !base64.isNull()) {
            if (event.hasNonNull("data")) {
                errors.add(FieldError.invalid(pointer.apply("data_base64"), "must not be sent together with data"));
            } else if (!base64.isTextual() || !isBase64(base64.textValue())) {
                errors.add(FieldError.invalid(pointer.apply("data_base64"), "must be a string of Base64 (RFC 4648)"));
            }
        }
        return new Checked(errors, time);
    }

    /** The attributes of a binary-mode event: its {@code ce-*} headers, names in lower case. */
    static Checked binary(Map<String, String> headers, UnaryOperator<String> pointer) {
        var errors = new ArrayList<FieldError>(0);
        Instant time = attributes(name -> header(headers, name), pointer, errors);
        headers.forEach((header, value) -> {
            String name = header.startsWith("ce-") ? header.substring(3) : null;
            if (name != null && !REQUIRED.contains(name) && !OPTIONAL.contains(name) && !EXTENSION_NAME.matcher(name).matches()) {
                errors.add(FieldError.invalid(pointer.apply(name), "is not a CloudEvents attribute name (lower-case letters and digits only)"));
            }
        });
        return new Checked(errors, time);
    }

    private static JsonNode header(Map<String, String> headers, String attribute) {
        String value = headers.get("ce-" + attribute);
        return value == null ? null : TextNode.valueOf(value);
    }

    /** The core attributes; returns {@code time}, or null when absent or invalid. */
    private static Instant attributes(Function<String, JsonNode> get, UnaryOperator<String> pointer, List<FieldError> errors) {
        for (String name : REQUIRED) {
            String value = string(get.apply(name), name, true, pointer, errors);
            if (value == null) {
                continue;
            }
            if (name.equals("specversion") && !value.equals("1.0")) {
                errors.add(FieldError.invalid(pointer.apply(name), "must be 1.0, the CloudEvents version this API reads"));
            } else if (name.equals("source") && uri(value) == null) {
                errors.add(FieldError.invalid(pointer.apply(name), "must be a URI reference (RFC 3986)"));
            }
        }
        String contentType = string(get.apply("datacontenttype"), "datacontenttype", false, pointer, errors);
        if (contentType != null && !MEDIA_TYPE.matcher(contentType).matches()) {
            errors.add(FieldError.invalid(pointer.apply("datacontenttype"), "must be a media type (RFC 2046), e.g. application/json"));
        }
        String schema = string(get.apply("dataschema"), "dataschema", false, pointer, errors);
        URI schemaUri = schema == null ? null : uri(schema);
        if (schema != null && (schemaUri == null || !schemaUri.isAbsolute())) {
            errors.add(FieldError.invalid(pointer.apply("dataschema"), "must be an absolute URI (RFC 3986)"));
        }
        string(get.apply("subject"), "subject", false, pointer, errors);
        String time = string(get.apply("time"), "time", false, pointer, errors);
        if (time == null) {
            return null;
        }
        try {
            return Rfc3339.parse(time);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.invalid(pointer.apply("time"), Rfc3339.expected(e)));
            return null;
        }
    }

    /** A non-empty string attribute, or null (absent, JSON null, or invalid: then an error says why). */
    private static String string(JsonNode value, String name, boolean required, UnaryOperator<String> pointer, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(FieldError.invalid(pointer.apply(name), "is required"));
            }
            return null;
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            errors.add(FieldError.invalid(pointer.apply(name), "must be a non-empty string"));
            return null;
        }
        return value.textValue();
    }

    /** An extension attribute: its name lower-case letters and digits, its value a string, a boolean or a 32-bit integer. */
    private static void extension(String name, JsonNode value, UnaryOperator<String> pointer, List<FieldError> errors) {
        if (!EXTENSION_NAME.matcher(name).matches()) {
            errors.add(FieldError.invalid(pointer.apply(FeedbackParser.escape(name)),
                    "is not a CloudEvents attribute name (lower-case letters and digits only)"));
        } else if (!value.isNull() && !value.isTextual() && !value.isBoolean() && !(value.isIntegralNumber() && value.canConvertToInt())) {
            errors.add(FieldError.invalid(pointer.apply(name), "must be a string, a boolean or a 32-bit integer, as CloudEvents attributes are"));
        }
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean isBase64(String value) {
        try {
            Base64.getDecoder().decode(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
