package dev.heed.responder.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The console's event stream as a test reads it: every event (name and data) in the order it arrived, read on a
 * daemon thread as a browser's EventSource would, and whether the server ended the stream.
 */
final class EventStream implements AutoCloseable {
    /** One server-sent event. */
    record Event(String name, String data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Stream<String> lines;
    private volatile boolean ended;

    private EventStream(Stream<String> lines) {
        this.lines = lines;
    }

    static EventStream open(HttpClient http, URI uri, String cookie) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Cookie", cookie).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 200 || !type.startsWith("text/event-stream")) {
            response.body().close();
            throw new IllegalStateException("the event stream answered " + response.statusCode() + " " + type);
        }
        EventStream stream = new EventStream(response.body());
        Thread reader = new Thread(stream::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    private void read() {
        String[] name = {null};
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()).strip());
                } else if (line.isEmpty() && name[0] != null) {
                    events.add(new Event(name[0], data.toString()));
                    name[0] = null;
                    data.setLength(0);
                }
            });
        } catch (RuntimeException closedUnderneath) {
            // close() cancels the body while this thread reads it; either way the stream is over.
        } finally {
            ended = true;
        }
    }

    /** The events received so far, oldest first. */
    List<Event> events() {
        return List.copyOf(events);
    }

    /** The events named {@code name} received so far, oldest first. */
    List<Event> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    /** Whether the server closed the stream. */
    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        lines.close();
    }
}
