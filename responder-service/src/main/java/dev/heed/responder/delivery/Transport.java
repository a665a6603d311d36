package dev.heed.responder.delivery;

/** One way of delivering a message: SMTP or a webhook. One call is one attempt. */
public interface Transport {
    void deliver(OutboundMessage message) throws DeliveryException;
}
