package dev.heed.responder.console;

import dev.heed.responder.ack.ComplaintDirectory.KnownComplaint;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The open-complaints list: every complaint the directory knows and nobody acknowledged, soonest due first,
 * with what the timeline index adds (level reached, reminders, severity, subject, the classifier's confidence). The directory decides what
 * is open because it is what the acknowledge API answers from, so the list and the button never disagree.
 */
public final class OpenComplaints {
    private OpenComplaints() {}

    /** One row of the list; {@code dueAt} is the first-response due time the countdown runs to. */
    public record Row(String id, String queue, Instant dueAt, String level, int reminders, String severity, String subject,
                      Double confidence) {}

    private static final Comparator<Row> BY_DUE = Comparator.comparing(Row::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Row::id);

    public static List<Row> of(Collection<KnownComplaint> open, Function<String, Optional<ComplaintFacts>> facts) {
        return open.stream().map(known -> row(known, facts.apply(known.id()))).sorted(BY_DUE).toList();
    }

    private static Row row(KnownComplaint known, Optional<ComplaintFacts> facts) {
        return new Row(known.id(), known.queue(), known.firstResponseDueAt(),
                facts.map(f -> f.level().name()).orElse("AGENT"),
                facts.map(ComplaintFacts::reminders).orElse(0),
                facts.map(ComplaintFacts::severity).orElse(null),
                facts.map(ComplaintFacts::subject).orElse(null),
                facts.map(ComplaintFacts::confidence).orElse(null));
    }
}
