package dev.heed.responder.delivery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of every message whose final outcome is on responses.sent. Rebuilt at start-up (and kept current)
 * by reading responses.sent, and added to as soon as this instance records an outcome; a message whose id
 * is here is never sent again. Grows with responses.sent's retention: one short string per message.
 */
public final class SentLog {
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    public boolean contains(String messageId) {
        return ids.contains(messageId);
    }

    public void add(String messageId) {
        ids.add(messageId);
    }

    public int size() {
        return ids.size();
    }
}
