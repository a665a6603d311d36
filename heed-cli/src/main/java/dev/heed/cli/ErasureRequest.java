package dev.heed.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whose data {@code heed erase} looks for: a customer by e-mail (compared case-insensitively, as mail systems
 * do) or by the upstream customer id, and any feedback ids given outright. At least one must be given; an
 * empty value is a usage error, never "everybody".
 */
record ErasureRequest(Set<String> emails, Set<String> customerIds, Set<String> feedbackIds, boolean dryRun) {
    static final Set<String> OPTIONS = Set.of("email", "customer-id", "feedback-id");
    static final Set<String> SWITCHES = Set.of("dry-run");
    static final String USAGE = "usage: heed erase (--email E | --customer-id ID | --feedback-id ID ...) [--dry-run]";

    ErasureRequest {
        emails = Set.copyOf(emails);
        customerIds = Set.copyOf(customerIds);
        feedbackIds = Set.copyOf(feedbackIds);
    }

    static ErasureRequest from(CliArgs args) {
        if (!args.positionals().isEmpty()) {
            throw new UsageException("unexpected " + String.join(" ", args.positionals()) + "\n" + USAGE);
        }
        Set<String> emails = new LinkedHashSet<>();
        for (String email : values(args, "email")) {
            if (email.indexOf('@') < 1) {
                throw new UsageException("--email " + email + " is not an e-mail address");
            }
            emails.add(email.toLowerCase(Locale.ROOT));
        }
        Set<String> customerIds = new LinkedHashSet<>(values(args, "customer-id"));
        Set<String> feedbackIds = new LinkedHashSet<>(values(args, "feedback-id"));
        if (emails.isEmpty() && customerIds.isEmpty() && feedbackIds.isEmpty()) {
            throw new UsageException("say whose data to erase\n" + USAGE);
        }
        return new ErasureRequest(emails, customerIds, feedbackIds, args.flag("dry-run"));
    }

    /** Whether a customer as written on a feedback event is the one asked about; either field may be absent. */
    boolean isCustomer(String customerId, String email) {
        return (customerId != null && customerIds.contains(customerId))
                || (email != null && emails.contains(email.strip().toLowerCase(Locale.ROOT)));
    }

    private static List<String> values(CliArgs args, String name) {
        var values = args.all(name).stream().map(String::strip).toList();
        if (values.stream().anyMatch(String::isEmpty)) {
            throw new UsageException("--" + name + " needs a value");
        }
        return values;
    }
}
