package dev.heed.responder.console;

import io.javalin.http.sse.SseClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * The server-sent-event hub of the console: every open page holds one connection. A published event goes to
 * every page only when its content changed (not merely its time stamp), so a quiet console sends nothing; a
 * signal goes out as it comes. A page that
 * connects is greeted at the next {@link #refresh} with the latest payload of every event, so it never shows a
 * blank panel while waiting for a change; a page whose session ended (signed out, or expired) has its stream
 * closed there.
 *
 * <p>Threads: {@link #connect} is called on request threads; {@link #publish}, {@link #signal} and
 * {@link #refresh} must be called from one thread (the console's scheduler). That thread is the only one that writes to or closes a
 * connection, so two events never interleave on one page.
 */
public final class ConsoleEvents {
    private record Page(SseClient client, String session) {}

    private record Latest(String content, String payload) {}

    private final Predicate<String> signedIn;
    private final Queue<Page> joining = new ConcurrentLinkedQueue<>();
    private final Queue<Page> pages = new ConcurrentLinkedQueue<>();
    /** Touched by the publishing thread only; in publishing order, so a greeting sends the open list first. */
    private final Map<String, Latest> latest = new LinkedHashMap<>();

    /** @param signedIn whether a session id still names a live session */
    public ConsoleEvents(Predicate<String> signedIn) {
        this.signedIn = signedIn;
    }

    /** Keeps a page's stream open; it gets its first events at the next {@link #refresh}. */
    public void connect(SseClient client, String session) {
        Page page = new Page(client, session);
        client.keepAlive();
        client.onClose(() -> {
            joining.remove(page);
            pages.remove(page);
        });
        joining.add(page);
    }

    /**
     * Keeps {@code payload} as event {@code name}'s latest and sends it to every page, unless its {@code content}
     * (the payload without what changes on its own, such as the time it was made) is what they got last.
     */
    public void publish(String name, String content, String payload) {
        Latest before = latest.put(name, new Latest(content, payload));
        if (before == null || !before.content().equals(content)) {
            signal(name, payload);
        }
    }

    /** Sends event {@code name} to every page now. It is not kept: a page that connects later has nothing to catch up on. */
    public void signal(String name, String payload) {
        for (Page page : pages) {
            send(page, name, payload);
        }
    }

    /** Closes the streams of sessions that ended, and greets the pages that connected since the last call. */
    public void refresh() {
        for (Page page : pages) {
            if (!signedIn.test(page.session())) {
                end(page);
            }
        }
        for (Page page = joining.poll(); page != null; page = joining.poll()) {
            if (!signedIn.test(page.session())) {
                end(page);
                continue;
            }
            pages.add(page);
            for (Map.Entry<String, Latest> event : latest.entrySet()) {
                send(page, event.getKey(), event.getValue().payload());
            }
        }
    }

    private void send(Page page, String name, String payload) {
        if (gone(page.client())) {
            pages.remove(page);
            return;
        }
        page.client().sendEvent(name, payload);
        // A page that went away unnoticed is found by the failed write, which terminates its client.
        if (page.client().terminated()) {
            pages.remove(page);
        }
    }

    private void end(Page page) {
        pages.remove(page);
        if (!gone(page.client())) {
            page.client().close();
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
}
