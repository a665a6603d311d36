package dev.heed.responder.console;

import dev.heed.events.ComplaintStatus;
import dev.heed.responder.ack.ComplaintDirectory.KnownComplaint;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The open-complaints list: every complaint the directory knows that is not resolved, with where it stands. First the
 * ones nobody acknowledged (status OPEN), soonest due first: they have a first-response countdown and an Acknowledge
 * button. Then the ones a person owns that still need work: REOPENED (resolved once, and the customer's problem came
 * back) before ACKNOWLEDGED, each with who acknowledged it. Each row with what the timeline index adds (level reached,
 * reminders, severity, subject, the classifier's confidence). The directory decides what is open and what is acknowledged
 * because it is what the acknowledge API answers from, so the list and the button never disagree.
 */
public final class OpenComplaints {
    private OpenComplaints() {}

    /**
     * One row of the list; {@code dueAt} is the first-response due time the countdown runs to (shown only while the
     * status is OPEN), {@code status} OPEN, REOPENED or ACKNOWLEDGED, {@code owner} who acknowledged it (null while OPEN).
     */
    public record Row(String id, String queue, Instant dueAt, String level, int reminders, String severity, String subject,
                      Double confidence, String status, String owner) {}

    private static final List<String> ORDER = List.of(ComplaintStatus.OPEN.name(), ComplaintStatus.REOPENED.name(),
            ComplaintStatus.ACKNOWLEDGED.name());
    private static final Comparator<Row> BY_STATUS_THEN_DUE = Comparator.comparingInt((Row row) -> ORDER.indexOf(row.status()))
            .thenComparing(Row::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Row::id);

    /** The rows of {@code notResolved} (resolved ones are left out, should any be given), in the list's order. */
    public static List<Row> of(Collection<KnownComplaint> notResolved, Function<String, Optional<ComplaintFacts>> facts) {
        return notResolved.stream().filter(known -> !known.resolved()).map(known -> row(known, facts.apply(known.id())))
                .sorted(BY_STATUS_THEN_DUE).toList();
    }

    private static Row row(KnownComplaint known, Optional<ComplaintFacts> facts) {
        return new Row(known.id(), known.queue(), known.firstResponseDueAt(),
                facts.map(f -> f.level().name()).orElse("AGENT"),
                facts.map(ComplaintFacts::reminders).orElse(0),
                facts.map(ComplaintFacts::severity).orElse(null),
                facts.map(ComplaintFacts::subject).orElse(null),
                facts.map(ComplaintFacts::confidence).orElse(null),
                known.status().name(),
                known.acknowledgement() == null ? null : known.acknowledgement().getAgent());
    }
}
