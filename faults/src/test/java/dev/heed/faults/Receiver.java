package dev.heed.faults;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A receiver of the responder's messages in the test JVM ({@link WebhookInbox}, {@link MailInbox}): it records each
 * message it accepts before answering ({@link #accepted}), and can run an action right after its next answer
 * ({@link #answered}: where a scenario kills the sender). What the two have in common; each speaks its own protocol.
 */
abstract class Receiver {
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger unreadable = new AtomicInteger();
    private final AtomicReference<Consumer<Delivery>> afterAnswer = new AtomicReference<>();

    /** Runs {@code action} once, right after the next message is answered as accepted, with that message's delivery. */
    final void afterNextAnswer(Consumer<Delivery> action) {
        if (!afterAnswer.compareAndSet(null, action)) {
            throw new IllegalStateException("an action is armed already");
        }
    }

    /** Every message accepted, in arrival order (repeats included). */
    final List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    final int received() {
        return deliveries.size();
    }

    /** Messages the receiver could not read: refused and not recorded; the scenarios require none. */
    final int unreadable() {
        return unreadable.get();
    }

    /** A message accepted: recorded before the answer, so acted on whatever becomes of the answer. */
    final void accepted(Delivery delivery) {
        deliveries.add(delivery);
    }

    /** A message the receiver could not read, refused. */
    final void refused() {
        unreadable.incrementAndGet();
    }

    /** The answer to {@code delivery} is out (written and flushed, or the exchange closed): runs the armed action, if any. */
    final void answered(Delivery delivery) {
        Consumer<Delivery> action = afterAnswer.getAndSet(null);
        if (action != null) {
            action.accept(delivery);
        }
    }
}
