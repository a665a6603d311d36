package dev.heed.routing.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.events.ComplaintState;
import dev.heed.routing.topology.LocalComplaints;
import dev.heed.routing.topology.store.StoreNames;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers complaint queries for the whole application: keys held here come from the local stores, keys held
 * by another instance are fetched from it over HTTP (its {@code application.server}) with {@code ?local=true},
 * so a request is forwarded at most once. A forwarded request carries the caller's {@code Authorization}
 * header: every instance checks the same tokens, and none of them holds a credential of its own.
 */
public final class ComplaintLookup {

    private static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(3);

    private final KafkaStreams streams;
    private final LocalComplaints local;
    private final HostInfo self;
    private final InstantSource clock;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REMOTE_TIMEOUT).build();

    public ComplaintLookup(KafkaStreams streams, LocalComplaints local, HostInfo self, InstantSource clock, ObjectMapper json) {
        this.streams = streams;
        this.local = local;
        this.self = self;
        this.clock = clock;
        this.json = json;
    }

    /** The complaint's current state as JSON fields, wherever it is held; empty when no instance knows it. */
    public Optional<Map<String, Object>> state(String id, boolean localOnly, String authorization)
            throws IOException, InterruptedException {
        KeyQueryMetadata where = streams.queryMetadataForKey(StoreNames.STATE_VIEW, id, Serdes.String().serializer());
        if (localOnly || where.activeHost().equals(self) || where.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            return Optional.ofNullable(local.state(id)).map(ComplaintLookup::fields);
        }
        String path = "/v1/complaints/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "?local=true";
        HttpResponse<String> response = get(where.activeHost(), path, authorization);
        return response.statusCode() == 404 ? Optional.empty()
                : Optional.of(json.readValue(response.body(), new TypeReference<Map<String, Object>>() { }));
    }

    /** Every overdue complaint of the application: this instance's plus each other instance's. */
    public List<Object> overdue(boolean localOnly, String authorization) throws IOException, InterruptedException {
        Instant now = clock.instant();
        List<Object> all = new ArrayList<>(local.overdue(now));
        if (localOnly) {
            return all;
        }
        for (StreamsMetadata instance : streams.streamsMetadataForStore(StoreNames.OPEN_CLOCKS)) {
            if (!instance.hostInfo().equals(self)) {
                String body = get(instance.hostInfo(), "/v1/complaints/overdue?local=true", authorization).body();
                all.addAll(json.readValue(body, new TypeReference<List<Map<String, Object>>>() { }));
            }
        }
        return all;
    }

    /** A 200 or 404 answer from another instance; anything else means it cannot answer now. */
    private HttpResponse<String> get(HostInfo host, String path, String authorization) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path))
                .header("Authorization", authorization).timeout(REMOTE_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 404) {
                throw new NotAnswerableNowException(host + " answered " + response.statusCode(), null);
            }
            return response;
        } catch (IOException e) {
            throw new NotAnswerableNowException(host + " did not answer: " + e.getMessage(), e);
        }
    }

    /** Avro field names and values, with times, enums and strings as text. */
    static Map<String, Object> fields(ComplaintState state) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Schema.Field field : state.getSchema().getFields()) {
            Object value = state.get(field.pos());
            fields.put(field.name(), value instanceof Number || value == null ? value : value.toString());
        }
        return fields;
    }
}
