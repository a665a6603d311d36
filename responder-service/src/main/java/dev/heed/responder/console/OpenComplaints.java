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
 * back) before ACKNOWLEDGED, each with who acknowledged it; last the ones on hold (WAITING_ON_CUSTOMER, then
 * WAITING_ON_THIRD_PARTY, longest held first), with whom they wait on and since when: their resolution clock is paused, so
 * they have no countdown, and nothing is due from an agent until the wait ends. Each row with what the timeline index adds (level reached,
 * reminders, severity, subject, the classifier's confidence). The directory decides what is open and what is acknowledged
 * because it is what the acknowledge API answers from, so the list and the button never disagree; the hold comes from
 * routing's state row in the timeline index (the directory does not keep it), so an owned complaint routing reports on
 * hold is listed as on hold.
 */
public final class OpenComplaints {
    private OpenComplaints() {}

    /**
     * One row of the list; {@code dueAt} is the first-response due time the countdown runs to (shown only while the
     * status is OPEN), {@code status} OPEN, REOPENED, ACKNOWLEDGED, WAITING_ON_CUSTOMER or WAITING_ON_THIRD_PARTY,
     * {@code owner} who acknowledged it (null while OPEN), {@code onHoldSince} when the current hold began (null unless
     * on hold).
     */
    public record Row(String id, String queue, Instant dueAt, String level, int reminders, String severity, String subject,
                      Double confidence, String status, String owner, Instant onHoldSince) {}

    private static final List<String> ORDER = List.of(ComplaintStatus.OPEN.name(), ComplaintStatus.REOPENED.name(),
            ComplaintStatus.ACKNOWLEDGED.name(), ComplaintStatus.WAITING_ON_CUSTOMER.name(),
            ComplaintStatus.WAITING_ON_THIRD_PARTY.name());
    private static final Comparator<Row> BY_STATUS_THEN_DUE = Comparator.comparingInt((Row row) -> ORDER.indexOf(row.status()))
            .thenComparing(Row::onHoldSince, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Row::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Row::id);

    /** The rows of {@code notResolved} (resolved ones are left out, should any be given), in the list's order. */
    public static List<Row> of(Collection<KnownComplaint> notResolved, Function<String, Optional<ComplaintFacts>> facts) {
        return notResolved.stream().filter(known -> !known.resolved()).map(known -> row(known, facts.apply(known.id())))
                .sorted(BY_STATUS_THEN_DUE).toList();
    }

    private static Row row(KnownComplaint known, Optional<ComplaintFacts> facts) {
        // Only an owned complaint can be on hold (a wait acknowledges it); the directory may not have read that row yet.
        Optional<ComplaintFacts> onHold = known.status() == ComplaintStatus.OPEN ? Optional.empty()
                : facts.filter(f -> f.hold() != null && f.hold().onHold());
        return new Row(known.id(), known.queue(), known.firstResponseDueAt(),
                facts.map(f -> f.level().name()).orElse("AGENT"),
                facts.map(ComplaintFacts::reminders).orElse(0),
                facts.map(ComplaintFacts::severity).orElse(null),
                facts.map(ComplaintFacts::subject).orElse(null),
                facts.map(ComplaintFacts::confidence).orElse(null),
                onHold.map(ComplaintFacts::status).orElse(known.status().name()),
                known.acknowledgement() == null ? null : known.acknowledgement().getAgent(),
                onHold.map(f -> f.hold().since()).orElse(null));
    }
}
