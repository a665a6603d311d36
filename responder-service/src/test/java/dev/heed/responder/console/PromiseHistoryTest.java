package dev.heed.responder.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.responder.console.PromiseHistory.Acknowledgement;
import dev.heed.responder.console.PromiseHistory.Counts;
import dev.heed.responder.console.PromiseHistory.Delivery;
import dev.heed.responder.console.PromiseHistory.Ledger;
import dev.heed.responder.console.PromiseHistory.MadeWith;
import dev.heed.responder.console.PromiseHistory.Outcome;
import dev.heed.responder.console.PromiseHistory.Place;
import dev.heed.responder.console.PromiseHistory.Point;
import dev.heed.responder.console.PromiseHistory.Promise;
import dev.heed.responder.console.PromiseHistory.Update;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A complaint's promises read back from its events, as routing's ledger decides them; the view's clock is given. */
class PromiseHistoryTest {
    private static final Instant T10 = Instant.parse("2026-11-20T10:00:00Z");

    private final List<Acknowledgement> acks = new ArrayList<>();
    private final List<Update> updates = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();
    private final Map<String, Delivery> deliveries = new HashMap<>();
    private long offset;

    @Test
    void shouldKeepAPromiseWithAnUpdateInTimeAndShowItsDelivery() {
        ack("ack-1", T10, at(14));
        update("u-1", at(12), null, false, "Refund approved");
        deliveries.put("msg-u-1", new Delivery("SENT", "EMAIL", "ada@example.com", 1, null, at(12).plusSeconds(2)));

        Ledger ledger = view(at(13), null);

        Promise promise = only(ledger.promises());
        assertThat(promise.madeAt()).isEqualTo(T10);
        assertThat(promise.madeBy()).isEqualTo("grace");
        assertThat(promise.madeWith()).isEqualTo(MadeWith.ACKNOWLEDGEMENT);
        assertThat(promise.dueBy()).isEqualTo(at(14));
        assertThat(promise.outcome()).isEqualTo(Outcome.KEPT);
        assertThat(promise.endedAt()).isEqualTo(at(12));
        assertThat(promise.endedBy()).isEqualTo("u-1");
        assertThat(promise.leftMillis()).isNull();
        assertThat(ledger.updates()).singleElement().satisfies(u -> {
            assertThat(u.message()).isEqualTo("Refund approved");
            assertThat(u.delivery().outcome()).isEqualTo("SENT");
        });
        assertThat(ledger.read()).isEqualTo(new Counts(1, 1, 0, 0, null));
        // Without a state row there is nothing of routing's to agree with.
        assertThat(ledger.routing()).isNull();
        assertThat(ledger.agrees()).isFalse();
    }

    @Test
    void shouldShowAPromiseBrokenWhenRoutingSaidSoWithItsPointsAndTheLateUpdateThatEndedIt() {
        ack("ack-1", T10, at(11));
        point("PROMISE_WARNING", at(10).plus(Duration.ofMinutes(45)), at(11), 1);
        point("PROMISE_BROKEN", at(11).plusMillis(200), at(11), 2);
        point("PROMISE_REPEAT", at(12).plusMillis(200), at(11), 3);
        update("u-late", at(12).plusSeconds(600), at(15), false, "Sorry for the wait");

        Ledger ledger = view(at(13), new Counts(2, 0, 0, 1, at(15)));

        Promise broken = ledger.promises().get(0);
        assertThat(broken.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(broken.brokenReportedAt()).isEqualTo(at(11).plusMillis(200));
        assertThat(broken.endedBy()).isEqualTo("u-late");
        assertThat(broken.points()).extracting(PromiseHistory.PointView::kind)
                .containsExactly("PROMISE_WARNING", "PROMISE_BROKEN", "PROMISE_REPEAT");
        Promise next = ledger.promises().get(1);
        assertThat(next.madeWith()).isEqualTo(MadeWith.UPDATE);
        assertThat(next.updateId()).isEqualTo("u-late");
        assertThat(next.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(next.leftMillis()).isEqualTo(Duration.ofHours(2).toMillis());
        assertThat(next.points()).isEmpty();
        assertThat(ledger.read()).isEqualTo(new Counts(2, 0, 0, 1, at(15)));
        assertThat(ledger.agrees()).isTrue();
        // Not delivered yet: nothing recorded on responses.sent.
        assertThat(ledger.updates().get(0).delivery()).isNull();
    }

    @Test
    void shouldCountAPromiseEndedAfterItsTimeAsBrokenBeforeRoutingsPointIsRead() {
        ack("ack-1", T10, at(11));
        update("u-late", at(12), null, false, "Here it is");

        assertThat(only(view(at(13), null).promises()).outcome()).isEqualTo(Outcome.BROKEN);
    }

    @Test
    void shouldLeaveAPromisePastItsTimeOpenUntilRoutingSaysItBroke() {
        ack("ack-1", T10, at(11));

        Promise open = only(view(at(12), null).promises());

        assertThat(open.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(open.leftMillis()).isEqualTo(-Duration.ofHours(1).toMillis());
    }

    @Test
    void shouldCountADelayAndALaterAcknowledgementWithATimeAsReplaced() {
        ack("ack-1", T10, at(12));
        update("u-delay", at(11), at(14), true, "It takes longer");
        ack("ack-2", at(13), at(16));
        // An acknowledgement without a time changes nothing.
        ack("ack-3", at(13).plusSeconds(60), null);

        Ledger ledger = view(at(13).plusSeconds(120), new Counts(3, 0, 2, 0, at(16)));

        assertThat(ledger.promises()).extracting(Promise::outcome).containsExactly(Outcome.REPLACED, Outcome.REPLACED, Outcome.OPEN);
        assertThat(ledger.promises().get(0).endedWith()).isEqualTo(MadeWith.UPDATE);
        assertThat(ledger.promises().get(1).endedWith()).isEqualTo(MadeWith.ACKNOWLEDGEMENT);
        assertThat(ledger.promises().get(2).dueBy()).isEqualTo(at(16));
        assertThat(ledger.agrees()).isTrue();
    }

    @Test
    void shouldApplyARetriedUpdateOnceAndListItOnce() {
        ack("ack-1", T10, at(12));
        update("u-1", at(11), at(15), false, "First");
        update("u-1", at(11).plusSeconds(5), at(15), false, "First");

        Ledger ledger = view(at(11).plusSeconds(10), null);

        assertThat(ledger.promises()).extracting(Promise::outcome).containsExactly(Outcome.KEPT, Outcome.OPEN);
        assertThat(ledger.updates()).hasSize(1);
    }

    @Test
    void shouldTakeARetryAfterALaterUpdateForARetryAsRoutingDoes() {
        ack("ack-1", T10, at(12));
        update("u-1", at(11), at(13), false, "First");
        update("u-2", at(11).plusSeconds(60), at(14), false, "Second");
        // u-1 again after u-2 (a client's retry that came late): applied once, so u-2's promise stays open.
        update("u-1", at(11).plusSeconds(90), at(13), false, "First");

        Ledger ledger = view(at(11).plusSeconds(120), new Counts(3, 2, 0, 0, at(14)));

        assertThat(ledger.promises()).extracting(Promise::outcome).containsExactly(Outcome.KEPT, Outcome.KEPT, Outcome.OPEN);
        assertThat(ledger.agrees()).isTrue();
        assertThat(ledger.updates()).extracting(PromiseHistory.UpdateView::updateId).containsExactly("u-1", "u-2");
    }

    @Test
    void shouldSayWhenItsReadingDiffersFromRoutingsCounts() {
        // Routing counted an early promise whose events the console no longer holds.
        ack("ack-2", at(12), at(14));

        Ledger ledger = view(at(13), new Counts(2, 1, 0, 0, at(14)));

        assertThat(ledger.read().made()).isEqualTo(1);
        assertThat(ledger.agrees()).isFalse();
    }

    @Test
    void shouldGiveEachPointToThePromiseWithItsTimeMadeBeforeIt() {
        // Two promises of the same time: the first broken, the second made after that and still open.
        ack("ack-1", T10, at(11));
        point("PROMISE_BROKEN", at(11), at(11), 1);
        update("u-late", at(11).plusSeconds(60), at(11).plusSeconds(3600), false, "Late, sorry");
        update("u-2", at(11).plusSeconds(120), at(11), true, "Back to eleven o'clock?");

        Ledger ledger = view(at(11).plusSeconds(180), null);

        assertThat(ledger.promises().get(0).points()).hasSize(1);
        assertThat(ledger.promises().get(0).outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(ledger.promises().get(2).points()).isEmpty();
    }

    private Ledger view(Instant now, Counts routing) {
        return PromiseHistory.of(acks, updates, points, deliveries, routing, now);
    }

    private static Promise only(List<Promise> promises) {
        assertThat(promises).hasSize(1);
        return promises.get(0);
    }

    private void ack(String id, Instant at, Instant promised) {
        acks.add(new Acknowledgement(place("complaints.acknowledged"), id, at, "grace", promised));
    }

    private void update(String id, Instant at, Instant promised, boolean delay, String message) {
        updates.add(new Update(place("complaints.updated"), id, at, "grace", null, message, promised, delay, "msg-" + id, null));
    }

    private void point(String kind, Instant emittedAt, Instant promisedAt, int reminder) {
        points.add(new Point(place("complaints.response-due"), kind, emittedAt, promisedAt, reminder, "AGENT",
                Math.max(0, Duration.between(promisedAt, emittedAt).toMillis())));
    }

    private Place place(String topic) {
        return new Place(topic, 0, offset++);
    }

    private static Instant at(int hour) {
        return T10.plus(Duration.ofHours(hour - 10L));
    }
}
