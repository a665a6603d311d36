package dev.heed.responder.console;

import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The server-sent-event hub of the console: every open page holds one connection; a publish sends an event
 * to all of them, only when its payload changed. A page that connects gets the latest payload of every event
 * at once, so it never shows a blank panel while waiting for the next change.
 */
public final class ConsoleEvents {
    private final Queue<SseClient> clients = new ConcurrentLinkedQueue<>();
    private final Map<String, String> latest = new ConcurrentHashMap<>();

    public void connect(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        latest.forEach(client::sendEvent);
    }

    /** Sends {@code json} as event {@code name} to every page, unless it is what they got last time. */
    public void publish(String name, String json) {
        if (Objects.equals(latest.put(name, json), json)) {
            return;
        }
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
            } else {
                client.sendEvent(name, json);
            }
        }
    }

    public int connected() {
        return clients.size();
    }
}
