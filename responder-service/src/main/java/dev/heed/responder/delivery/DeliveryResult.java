package dev.heed.responder.delivery;

import dev.heed.events.DeliveryOutcome;

/** The final outcome of delivering one message, after every attempt it took. */
public record DeliveryResult(DeliveryOutcome outcome, int attempts, String error) {

    public static DeliveryResult sent(int attempts) {
        return new DeliveryResult(DeliveryOutcome.SENT, attempts, null);
    }

    public static DeliveryResult failed(int attempts, String error) {
        return new DeliveryResult(DeliveryOutcome.FAILED, attempts, error);
    }

    public static DeliveryResult undeliverable(String why) {
        return new DeliveryResult(DeliveryOutcome.UNDELIVERABLE, 0, why);
    }

    public boolean failed() {
        return outcome == DeliveryOutcome.FAILED;
    }
}
