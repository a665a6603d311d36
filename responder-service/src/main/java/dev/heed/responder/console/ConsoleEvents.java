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
        String accept = client.ctx().header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            // Javalin answers such a request at once; a client kept for it would be written to after its end.
            return;
        }
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
            if (gone(client)) {
                clients.remove(client);
                continue;
            }
            client.sendEvent(name, json);
            // A page that went away unnoticed is found by the failed write, which terminates its client.
            if (client.terminated()) {
                clients.remove(client);
            }
        }
    }

    /**
     * Whether the connection already ended (the page left, or the server is stopping). Writing to such a client
     * makes Javalin complete a request Jetty has recycled, which it reports in a loop of errors: never try.
     */
    private static boolean gone(SseClient client) {
        try {
            return client.terminated() || !client.ctx().req().isAsyncStarted();
        } catch (RuntimeException recycled) {
            return true;
        }
    }

    public int connected() {
        return clients.size();
    }
}
