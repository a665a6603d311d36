package dev.heed.ingest.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Reads the optional {@code customer} object; its absence means an anonymous customer. */
final class CustomerParser {
    private static final Set<String> FIELDS = Set.of("id", "displayName", "email", "phone", "preferredLanguage");
    /**
     * Deliberately loose: the reply channel proves an address; this only catches values that are clearly not
     * one. {@link #isEmail} is how the service checks it.
     */
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Predicate<String> E164 = Pattern.compile("\\+[1-9][0-9]{1,14}").asMatchPredicate();
    private static final Predicate<String> LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*").asMatchPredicate();

    CustomerInput parse(JsonNode node, String base, List<FieldError> errors) {
        if (node == null) {
            return CustomerInput.ANONYMOUS;
        }
        FeedbackParser.checkFieldNames(node, base, FIELDS, errors);
        var fields = new FieldReader(node, base, errors);
        return new CustomerInput(
                fields.text("id", false, 200),
                fields.text("displayName", false, 200),
                fields.matching("email", CustomerParser::isEmail, "an e-mail address", 320),
                fields.matching("phone", E164, "a phone number in E.164 form, e.g. +41446681800", 16),
                fields.matching("preferredLanguage", LANGUAGE, "a BCP 47 language tag, e.g. en or de-CH", 35));
    }

    /**
     * Whether {@code value} matches {@link #EMAIL}, without the regex engine (whose backtracking made it the
     * costliest check of a batch item): one '@' with something before it, no whitespace, and a '.' in the
     * part after it with something on both sides. A test holds the two equal.
     */
    static boolean isEmail(String value) {
        int at = -1;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            } else if (c == ' ' || (c >= '\t' && c <= '\r')) {
                return false;
            }
        }
        if (at < 1) {
            return false;
        }
        for (int i = at + 2; i < length - 1; i++) {
            if (value.charAt(i) == '.') {
                return true;
            }
        }
        return false;
    }
}
