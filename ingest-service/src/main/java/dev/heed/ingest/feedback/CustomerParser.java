package dev.heed.ingest.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the optional {@code customer} object; its absence means an anonymous customer. */
final class CustomerParser {
    private static final Set<String> FIELDS = Set.of("id", "displayName", "email", "phone", "preferredLanguage");
    // Deliberately loose: the reply channel proves an address; this only catches values that are clearly not one.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    CustomerInput parse(JsonNode node, String base, List<FieldError> errors) {
        if (node == null) {
            return CustomerInput.ANONYMOUS;
        }
        FeedbackParser.checkFieldNames(node, base, FIELDS, errors);
        var fields = new FieldReader(node, base, errors);
        return new CustomerInput(
                fields.text("id", false, 200),
                fields.text("displayName", false, 200),
                fields.matching("email", EMAIL, "an e-mail address", 320),
                fields.matching("phone", E164, "a phone number in E.164 form, e.g. +41446681800", 16),
                fields.matching("preferredLanguage", LANGUAGE, "a BCP 47 language tag, e.g. en or de-CH", 35));
    }
}
