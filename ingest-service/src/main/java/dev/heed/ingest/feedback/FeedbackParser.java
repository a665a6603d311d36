package dev.heed.ingest.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.events.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the JSON a client sent into a {@link Submission}, naming every invalid field at once. Strict by
 * design: unknown fields are refused (a typo would otherwise silently lose data), and so are the fields
 * the server owns ({@code receivedAt}, {@code ingestId}), since overwriting them silently would hide a
 * client's misunderstanding. Thread-safe.
 */
public final class FeedbackParser {
    /**
     * What an event id or Idempotency-Key may look like: safe as a Kafka key, a log field and a URL part.
     * The served OpenAPI document gives the same pattern; {@link #isEventId} is how the service checks it.
     */
    public static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    public static final Set<String> SERVER_OWNED = Set.of("receivedAt", "ingestId");
    static final Set<String> CONTENT = Set.of("channel", "customer", "subject", "text", "rating", "occurredAt",
            "reference", "attributes", "traceId", "replyTo");
    static final Set<String> IDENTITY = Set.of("eventId", "sourceSystem");
    private static final Set<String> PLAIN_JSON = union(CONTENT, IDENTITY);

    /**
     * {@code occurredAt} must lie after this: the Unix epoch and anything before it (0001-01-01, 1900-01-01,
     * 1969-12-31 in a negative offset) are what an unset date field turns into upstream, never when a
     * customer wrote, and negative epoch milliseconds are where downstream tools disagree.
     */
    public static final Instant EARLIEST_EXCLUSIVE = Instant.EPOCH;
    private static final Pattern TRACE_ID = Pattern.compile("(?!0{32})[0-9a-f]{32}");
    private static final int MAX_ATTRIBUTES = 50;
    private static final String CHANNELS = Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final Clock clock;
    private final Duration maxClockSkew;
    private final CustomerParser customers = new CustomerParser();

    /** @param maxClockSkew how far in the future an {@code occurredAt} may lie before it is refused */
    public FeedbackParser(Clock clock, Duration maxClockSkew) {
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
    }

    /** The plain JSON API: identity fields may be in the body. {@code base} is the JSON Pointer of {@code body}. */
    public Submission parseJson(JsonNode body, String base) {
        var errors = new ArrayList<FieldError>();
        if (!isObject(body, base, errors)) {
            return Submission.invalid(errors);
        }
        var fields = new FieldReader(body, base, errors);
        checkFieldNames(body, base, PLAIN_JSON, errors);
        String eventId = fields.matching("eventId", FeedbackParser::isEventId, "1-128 letters, digits, '.', '_', ':' or '-'", 128);
        String source = fields.text("sourceSystem", false, 100);
        FeedbackInput input = content(fields, null, errors);
        return new Submission(eventId, source, errors.isEmpty() ? input : null, errors);
    }

    /**
     * The data of a CloudEvent: identity comes from the event's attributes, and the event's {@code time}
     * stands in for {@code occurredAt} when the data has none.
     */
    public Submission parseEventData(JsonNode data, String base, String eventId, String source, Instant eventTime) {
        var errors = new ArrayList<FieldError>();
        if (!isObject(data, base, errors)) {
            return Submission.invalid(errors);
        }
        checkFieldNames(data, base, CONTENT, errors);
        FeedbackInput input = content(new FieldReader(data, base, errors), eventTime, errors);
        return new Submission(eventId, source, errors.isEmpty() ? input : null, errors);
    }

    private FeedbackInput content(FieldReader fields, Instant fallbackTime, List<FieldError> errors) {
        Channel channel = channel(fields, errors);
        CustomerInput customer = customers.parse(fields.object("customer"), fields.pointer("customer"), errors);
        String subject = fields.text("subject", false, 500);
        String text = fields.text("text", true, 32_000);
        Integer rating = fields.integer("rating", 1, 5);
        Instant occurredAt = occurredAt(fields, fallbackTime, errors);
        String reference = fields.text("reference", false, 200);
        TreeMap<String, String> attributes = attributes(fields, errors);
        String traceId = fields.matching("traceId", TRACE_ID.asMatchPredicate(), "a W3C trace id (32 lowercase hex digits, not all zero)", 32);
        // A complaint id is the event id of the feedback that started it, so it has an event id's form.
        String replyTo = fields.matching("replyTo", FeedbackParser::isEventId, "a complaint id: 1-128 letters, digits, '.', '_', ':' or '-'", 128);
        return new FeedbackInput(channel, customer, subject, text, rating, occurredAt, reference, attributes, traceId, replyTo);
    }

    private static Channel channel(FieldReader fields, List<FieldError> errors) {
        String value = fields.text("channel", true, 20);
        if (value == null) {
            return null;
        }
        try {
            return Channel.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.invalid(fields.pointer("channel"), "must be one of " + CHANNELS));
            return null;
        }
    }

    private Instant occurredAt(FieldReader fields, Instant fallbackTime, List<FieldError> errors) {
        Instant value = fields.timestamp("occurredAt", fallbackTime == null);
        if (value == null) {
            value = fallbackTime;
        }
        if (value != null && value.isAfter(clock.instant().plus(maxClockSkew))) {
            errors.add(FieldError.unacceptable(fields.pointer("occurredAt"), "lies in the future"));
        } else if (value != null && !value.isAfter(EARLIEST_EXCLUSIVE)) {
            errors.add(FieldError.unacceptable(fields.pointer("occurredAt"),
                    "must be later than " + EARLIEST_EXCLUSIVE + ": earlier times are the zero values of unset dates, not feedback"));
        }
        // The topic stores milliseconds; truncating here keeps a repeat's fingerprint equal to the original's.
        return value == null ? null : value.truncatedTo(ChronoUnit.MILLIS);
    }

    private static TreeMap<String, String> attributes(FieldReader fields, List<FieldError> errors) {
        var attributes = new TreeMap<String, String>();
        JsonNode node = fields.object("attributes");
        if (node == null) {
            return attributes;
        }
        if (node.size() > MAX_ATTRIBUTES) {
            errors.add(FieldError.invalid(fields.pointer("attributes"), "must have at most " + MAX_ATTRIBUTES + " entries"));
        }
        node.fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual()) {
                attributes.put(entry.getKey(), entry.getValue().textValue());
            } else {
                errors.add(FieldError.invalid(fields.pointer("attributes") + "/" + escape(entry.getKey()), "must be a string"));
            }
        });
        return attributes;
    }

    private static boolean isObject(JsonNode node, String base, List<FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(FieldError.invalid(base.isEmpty() ? "/" : base, "must be a JSON object"));
            return false;
        }
        return true;
    }

    static void checkFieldNames(JsonNode node, String base, Set<String> allowed, List<FieldError> errors) {
        node.fieldNames().forEachRemaining(name -> {
            if (SERVER_OWNED.contains(name)) {
                errors.add(FieldError.invalid(base + "/" + escape(name), "is set by the server and must not be sent"));
            } else if (!allowed.contains(name)) {
                errors.add(FieldError.invalid(base + "/" + escape(name), "is not a known field"));
            }
        });
    }

    /**
     * Whether {@code value} matches {@link #EVENT_ID}, without the regex engine: every batch item has an
     * event id, and matching it was about a sixth of validating an item. A test holds the two equal.
     */
    public static boolean isEventId(String value) {
        int length = value.length();
        if (length == 0 || length > 128 || !isAsciiLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** JSON Pointer escaping (RFC 6901): '~' and '/' inside a name. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
