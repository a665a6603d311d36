package dev.heed.responder.delivery;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Bounds the attempts in flight to one receiver, so a burst to one host does not open more connections than
 * it should take: wraps a transport, and lets at most {@code perHost} attempts through at once per scheme, host
 * and port of the recipient URL (a recipient that is not a URL shares one bound). Waits between retries are
 * not counted: the permit is held only during an attempt.
 */
public final class PerHostLimit implements Transport {
    private final Transport transport;
    private final int perHost;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    public PerHostLimit(Transport transport, int perHost) {
        if (perHost < 1) {
            throw new IllegalArgumentException("at least one attempt per host must be allowed, got " + perHost);
        }
        this.transport = transport;
        this.perHost = perHost;
    }

    @Override
    public void deliver(OutboundMessage message) throws DeliveryException {
        Semaphore host = permits.computeIfAbsent(host(message.recipient()), h -> new Semaphore(perHost, true));
        try {
            host.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted waiting to send to " + message.recipient(), true, e);
        }
        try {
            transport.deliver(message);
        } finally {
            host.release();
        }
    }

    /** How many attempts to {@code recipient}'s host are in flight now. */
    public int inFlight(String recipient) {
        Semaphore host = permits.get(host(recipient));
        return host == null ? 0 : perHost - host.availablePermits();
    }

    static String host(String recipient) {
        try {
            URI uri = URI.create(recipient);
            if (uri.getHost() != null) {
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
            }
        } catch (IllegalArgumentException e) {
            // not a URL: the transport says why when it tries
        }
        return "";
    }
}
