package dev.heed.ingest.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Limits requests without a valid API key per client address: after {@code max} of them in one window, the
 * address's next ones are refused (429) until the window ends, so a stream of wrong keys costs the sender
 * more than it costs the service. A valid key is never counted nor refused here: a client with a good key
 * behind the same address (a NAT, a proxy) goes on. Guessing keys stays hopeless because keys are long and
 * random, not because of this limit.
 *
 * <p>Windows are fixed and shared: every count starts again when one ends. Memory is bounded: at most
 * {@code maxAddresses} addresses are counted one by one; once the table is full, addresses not in it share
 * one count (so rotating addresses buys an attacker nothing). An IPv6 client counts by its /64 network, the
 * block one host usually gets. Thread-safe; time comes from the injected clock.
 */
public final class FailedAuthLimiter {
    private final int max;
    private final Duration window;
    private final int maxAddresses;
    private final Clock clock;
    private final Map<String, Integer> counts = new HashMap<>();
    private int overflow;
    private Instant windowEnd = Instant.MIN;

    public FailedAuthLimiter(int max, Duration window, int maxAddresses, Clock clock) {
        this.max = max;
        this.window = window;
        this.maxAddresses = maxAddresses;
        this.clock = clock;
    }

    /** Counts one request without a valid key from {@code address}; how long it must wait, or zero when it is within the limit. */
    public synchronized Duration recordFailure(String address) {
        Instant now = clock.instant();
        if (!now.isBefore(windowEnd)) {
            counts.clear();
            overflow = 0;
            windowEnd = now.plus(window);
        }
        String client = client(address);
        int count = counts.containsKey(client) || counts.size() < maxAddresses
                ? counts.merge(client, 1, Integer::sum)
                : ++overflow;
        return count > max ? Duration.between(now, windowEnd) : Duration.ZERO;
    }

    /** How many addresses are counted one by one now (at most {@code maxAddresses}). */
    public synchronized int addresses() {
        return counts.size();
    }

    /** An IPv6 address as its /64 network (its first four groups); IPv4 (also mapped into IPv6) as it is. */
    static String client(String address) {
        if (address == null || address.indexOf(':') < 0 || address.indexOf('.') >= 0) {
            return String.valueOf(address);
        }
        String[] groups = expand(address).split(":");
        return String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
    }

    private static String expand(String address) {
        String plain = address.startsWith("[") ? address.substring(1, address.indexOf(']')) : address;
        int zone = plain.indexOf('%');
        plain = zone >= 0 ? plain.substring(0, zone) : plain;
        int gap = plain.indexOf("::");
        if (gap < 0) {
            return plain;
        }
        String head = plain.substring(0, gap);
        String tail = plain.substring(gap + 2);
        int present = (head.isEmpty() ? 0 : head.split(":").length) + (tail.isEmpty() ? 0 : tail.split(":").length);
        String zeros = String.join(":", Collections.nCopies(8 - present, "0"));
        return (head.isEmpty() ? "" : head + ":") + zeros + (tail.isEmpty() ? "" : ":" + tail);
    }
}
