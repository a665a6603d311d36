package dev.heed.responder.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A complaint's promises of an update and the updates its customer was given, read from what the topics hold: the
 * acknowledgements and updates that made promises (complaints.acknowledged, complaints.updated), routing's promise
 * points (complaints.response-due, kinds PROMISE_*), the responder's record of each update's delivery (responses.sent,
 * kind CUSTOMER_UPDATE) and routing's own counts (complaints.state). Plain values, no Kafka.
 *
 * <p>Each promise's outcome follows routing's promise ledger (docs/routing.md#promise-ledger), replayed over the events
 * in the order of their own times: an update given before the promise broke keeps it, or replaces it when it is a delay
 * with a new time; a later acknowledgement with a new time replaces it; an acknowledgement or update whose id is among
 * the last {@value #REMEMBERED} applied is a retry and changes nothing (routing's {@code PromiseLedger.REMEMBERED}), and
 * an acknowledgement without a time changes nothing either. A promise
 * is broken when routing's PROMISE_BROKEN point for it was read, or when the event that ended it came after the
 * promised time (routing emits the broken point as it applies that event, and the console may read it a moment later).
 * A promise neither ended nor broken is open; past its time it stays open until routing's broken point is read, so the
 * page never calls a promise broken on the console's clock alone.
 *
 * <p>The console holds at most the index's bound of events per complaint, so its reading may miss early promises; the
 * page then shows routing's counts beside its own and says they differ ({@link Ledger#agrees}).
 */
public final class PromiseHistory {
    private PromiseHistory() {}

    /** How many applied ids make a retry, as routing's ledger keeps them. */
    static final int REMEMBERED = 8;

    /** What made a promise. */
    public enum MadeWith { ACKNOWLEDGEMENT, UPDATE }

    /** How a promise ended, or that it has not. */
    public enum Outcome { OPEN, KEPT, REPLACED, BROKEN }

    /** Where a record was read, to tell a record read twice from two records. */
    record Place(String topic, int partition, long offset) {}

    /** An acknowledgement as read from complaints.acknowledged. */
    record Acknowledgement(Place place, String acknowledgementId, Instant at, String agent, Instant nextUpdateBy) {}

    /**
     * An update as read from complaints.updated; {@code action} RESOLVE or REOPEN when it resolved or reopened the
     * complaint (null for a plain update). A resolution ends the open promise as an update without a new one does.
     */
    record Update(Place place, String updateId, Instant at, String agent, String team, String message, Instant nextUpdateBy,
                  boolean delay, String messageId, String action) {}

    /** A promise point as read from complaints.response-due (a PROMISE_ kind). */
    record Point(Place place, String kind, Instant emittedAt, Instant promisedAt, int reminder, String level, long overdueByMillis) {}

    /** The responder's record of one update's delivery, from responses.sent (kind CUSTOMER_UPDATE). */
    public record Delivery(String outcome, String channel, String recipient, int attempts, String error, Instant sentAt) {}

    /** Routing's counts, from the complaint's complaints.state row; {@code nextUpdateBy} is the promise open there. */
    public record Counts(int made, int kept, int replaced, int broken, Instant nextUpdateBy) {}

    /** A promise point as the page shows it. */
    public record PointView(String kind, Instant emittedAt, int reminder, String level, long overdueByMillis) {}

    /**
     * One promise: made when, by whom, with what (the update's id when an update made it), due by when, and its outcome.
     * {@code endedAt}/{@code endedBy} name the update (its id) or acknowledgement that kept or replaced it, or that came
     * after a broken promise; {@code brokenReportedAt} is when routing emitted its PROMISE_BROKEN point (null when not
     * read); {@code leftMillis} is the time left to the promised time as of the view (negative when past), for an open
     * promise only.
     */
    public record Promise(int number, Instant madeAt, String madeBy, MadeWith madeWith, String updateId, Instant dueBy,
                          Outcome outcome, Instant endedAt, MadeWith endedWith, String endedBy, Instant brokenReportedAt,
                          Long leftMillis, List<PointView> points) {}

    /** One update given to the customer and what became of its delivery ({@code delivery} null: not recorded yet). */
    public record UpdateView(String updateId, Instant at, String agent, String team, String message, Instant nextUpdateBy,
                             boolean delay, Delivery delivery, String action) {}

    /**
     * The view: promises in the order made, updates in the order given, the console's counts of the promises it read,
     * routing's counts (null without a state row) and whether the two agree.
     */
    public record Ledger(List<Promise> promises, List<UpdateView> updates, Counts read, Counts routing, boolean agrees) {}

    static Ledger of(List<Acknowledgement> acknowledgements, List<Update> updates, List<Point> points,
                     Map<String, Delivery> deliveries, Counts routing, Instant now) {
        List<Object> events = new ArrayList<>();
        events.addAll(acknowledgements);
        events.addAll(updates);
        events.sort(Comparator.comparing(PromiseHistory::at).thenComparing(e -> place(e).topic())
                .thenComparingInt(e -> place(e).partition()).thenComparingLong(e -> place(e).offset()));

        List<Building> promises = new ArrayList<>();
        Building open = null;
        Deque<String> applied = new ArrayDeque<>();
        for (Object event : events) {
            if (event instanceof Acknowledgement ack) {
                // Routing ignores an acknowledgement without a time, and one it applied lately (a retry).
                if (ack.nextUpdateBy() == null || !apply(applied, ack.acknowledgementId())) {
                    continue;
                }
                if (open != null) {
                    end(open, points, ack.at(), MadeWith.ACKNOWLEDGEMENT, null, true);
                }
                open = new Building(promises, promises.size() + 1, ack.at(), ack.agent(), MadeWith.ACKNOWLEDGEMENT, null,
                        ack.nextUpdateBy());
            } else if (event instanceof Update update) {
                if (!apply(applied, update.updateId())) {
                    continue;
                }
                if (open != null) {
                    end(open, points, update.at(), MadeWith.UPDATE, update.updateId(), update.delay() && update.nextUpdateBy() != null);
                    open = null;
                }
                if (update.nextUpdateBy() != null) {
                    open = new Building(promises, promises.size() + 1, update.at(), update.agent(), MadeWith.UPDATE,
                            update.updateId(), update.nextUpdateBy());
                }
            }
        }
        if (open != null && brokenPoint(open, points) != null) {
            open.outcome = Outcome.BROKEN;
        }

        List<Promise> views = promises.stream().map(p -> p.view(points, now)).toList();
        List<UpdateView> updateViews = new ArrayList<>();
        Map<String, Update> firstOfId = new LinkedHashMap<>();
        updates.stream().sorted(Comparator.comparing(Update::at)).forEach(u -> firstOfId.putIfAbsent(u.updateId(), u));
        // One row per update id: a retried update (same id) reaches the customer once, under one message id.
        firstOfId.values().forEach(u -> updateViews.add(new UpdateView(u.updateId(), u.at(), u.agent(), u.team(), u.message(),
                u.nextUpdateBy(), u.delay(), deliveries.get(u.messageId()), u.action())));
        Counts read = new Counts(views.size(), count(views, Outcome.KEPT), count(views, Outcome.REPLACED),
                count(views, Outcome.BROKEN), open != null && open.outcome == Outcome.OPEN ? open.dueBy : null);
        boolean agrees = routing != null && routing.made() == read.made() && routing.kept() == read.kept()
                && routing.replaced() == read.replaced() && routing.broken() == read.broken();
        return new Ledger(views, List.copyOf(updateViews), read, routing, agrees);
    }

    /** Whether {@code id} is new among the last applied ones; if so it is applied now. */
    private static boolean apply(Deque<String> applied, String id) {
        if (applied.contains(id)) {
            return false;
        }
        applied.addLast(id);
        if (applied.size() > REMEMBERED) {
            applied.removeFirst();
        }
        return true;
    }

    /** Ends the open promise at {@code at}: broken when routing said so or the event came after the promised time. */
    private static void end(Building open, List<Point> points, Instant at, MadeWith with, String by, boolean replacing) {
        open.endedAt = at;
        open.endedWith = with;
        open.endedBy = by;
        if (brokenPoint(open, points) != null || at.isAfter(open.dueBy)) {
            open.outcome = Outcome.BROKEN;
        } else {
            open.outcome = replacing ? Outcome.REPLACED : Outcome.KEPT;
        }
    }

    private static Point brokenPoint(Building promise, List<Point> points) {
        return points.stream().filter(p -> p.kind().equals("PROMISE_BROKEN") && promise.owns(p))
                .min(Comparator.comparing(Point::emittedAt)).orElse(null);
    }

    private static int count(List<Promise> promises, Outcome outcome) {
        return (int) promises.stream().filter(p -> p.outcome() == outcome).count();
    }

    private static Instant at(Object event) {
        return event instanceof Acknowledgement a ? a.at() : ((Update) event).at();
    }

    private static Place place(Object event) {
        return event instanceof Acknowledgement a ? a.place() : ((Update) event).place();
    }

    /** A promise while the events are replayed. */
    private static final class Building {
        final int number;
        final Instant madeAt;
        final String madeBy;
        final MadeWith madeWith;
        final String updateId;
        final Instant dueBy;
        Outcome outcome = Outcome.OPEN;
        Instant endedAt;
        MadeWith endedWith;
        String endedBy;
        /** Every promise of the complaint (this one among them), to share the points out. */
        private final List<Building> all;

        Building(List<Building> all, int number, Instant madeAt, String madeBy, MadeWith madeWith, String updateId, Instant dueBy) {
            this.number = number;
            this.madeAt = madeAt;
            this.madeBy = madeBy;
            this.madeWith = madeWith;
            this.updateId = updateId;
            this.dueBy = dueBy;
            this.all = all;
            all.add(this);
        }

        /**
         * A point carries only the promised time, so it belongs to the promise with that time; of two with the same time,
         * to the latest made at or before the point was emitted.
         */
        boolean owns(Point point) {
            if (!Objects.equals(point.promisedAt(), dueBy)) {
                return false;
            }
            Building owner = null;
            for (Building candidate : all) {
                if (candidate.dueBy.equals(dueBy) && (owner == null || !candidate.madeAt.isAfter(point.emittedAt()))) {
                    owner = candidate;
                }
            }
            return owner == this;
        }

        Promise view(List<Point> points, Instant now) {
            List<Point> mine = points.stream().filter(this::owns).sorted(Comparator.comparing(Point::emittedAt)).toList();
            Instant brokenReported = mine.stream().filter(p -> p.kind().equals("PROMISE_BROKEN")).map(Point::emittedAt)
                    .findFirst().orElse(null);
            return new Promise(number, madeAt, madeBy, madeWith, updateId, dueBy, outcome, endedAt, endedWith, endedBy,
                    brokenReported, outcome == Outcome.OPEN ? Duration.between(now, dueBy).toMillis() : null,
                    mine.stream().map(p -> new PointView(p.kind(), p.emittedAt(), p.reminder(), p.level(), p.overdueByMillis())).toList());
        }
    }
}
