package dev.heed.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * A registry client over the Confluent-compatible REST subset that Apicurio ({@code /apis/ccompat/v7}),
 * Confluent Schema Registry, Karapace and Redpanda all serve: {@code POST /subjects/{s}/versions},
 * {@code POST /subjects/{s}} and {@code GET /schemas/ids/{id}}.
 *
 * <p>Every answer is cached for the life of the client: ids are immutable in a registry, so a running
 * service makes one call per (subject, schema) and per id, never one per record.
 *
 * <p>Callers that ask for the same thing while it is being asked wait for that one request rather than queue
 * behind it, and for at most {@link #PATIENCE} since it was sent: a request unanswered for longer means the
 * registry is slow or away, and the caller fails at once (retriable) instead of holding its thread for a whole
 * timeout. So a hung registry gets one request per key at a time, holds one caller per key for the timeout and
 * the others for a second at most. (Asking inside {@code ConcurrentHashMap.computeIfAbsent} made the n-th caller
 * wait n timeouts: with the registry SIGSTOPped, ingest answered one 503 every 10 s and left every other request
 * hanging; waiting a whole timeout each still filled ingest's request threads until a body went unread, a 408.)
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    /** How long a caller waits for another caller's request for the same key, counted from when it was sent. */
    static final Duration PATIENCE = Duration.ofSeconds(1);

    private final Duration patience;
    private final Map<Object, Asking> inFlight = new ConcurrentHashMap<>();

    /** A request on its way: its answer to come, and when it was sent ({@link System#nanoTime()}). */
    private record Asking(CompletableFuture<Object> answer, long sentAt) {}

    /** @param baseUrl the Confluent-compatible base URL, e.g. {@code http://localhost:8080/apis/ccompat/v7} */
    public HttpSchemaRegistryClient(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(10));
    }

    public HttpSchemaRegistryClient(String baseUrl, Duration timeout) {
        this(baseUrl, timeout, PATIENCE.compareTo(timeout) < 0 ? PATIENCE : timeout);
    }

    HttpSchemaRegistryClient(String baseUrl, Duration timeout, Duration patience) {
        this.patience = patience;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return cached(idsBySubjectSchema, new SubjectSchema(subject, schema), () -> registerOrFind(subject, schema));
    }

    /**
     * A 409 means either that the schema is incompatible (Confluent) or that another client registered the
     * same schema a moment ago (Apicurio's race on a new subject). Looking the schema up tells the two apart:
     * found, it is the second, and its id is the answer.
     */
    private int registerOrFind(String subject, Schema schema) {
        try {
            return postSchema("/subjects/" + encode(subject) + "/versions", schema, subject);
        } catch (ConflictException conflict) {
            try {
                return postSchema("/subjects/" + encode(subject), schema, subject);
            } catch (RegistryException notThere) {
                conflict.addSuppressed(notThere);
                throw conflict;
            }
        }
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return cached(idsBySubjectSchema, new SubjectSchema(subject, schema),
                () -> postSchema("/subjects/" + encode(subject), schema, subject));
    }

    @Override
    public Schema getById(int id) {
        return cached(schemasById, id, () -> fetchSchema(id));
    }

    /**
     * The cached answer for {@code key}, or the answer of the request for it already on its way, or a new request's
     * answer (cached). A failure is not cached: the next caller asks again.
     */
    @SuppressWarnings("unchecked")
    private <K, V> V cached(Map<K, V> cache, K key, Supplier<V> ask) {
        V known = cache.get(key);
        if (known != null) {
            return known;
        }
        // Keys of the two caches never collide: a SubjectSchema is not an Integer.
        CompletableFuture<Object> mine = new CompletableFuture<>();
        Asking asking = new Asking(mine, System.nanoTime());
        Asking running = inFlight.putIfAbsent(key, asking);
        if (running != null) {
            return (V) await(running, key);
        }
        try {
            V value = cache.get(key); // answered between the first look and putIfAbsent
            if (value == null) {
                value = ask.get();
                cache.put(key, value);
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, asking);
        }
    }

    private Object await(Asking running, Object key) {
        long left = patience.toNanos() - (System.nanoTime() - running.sentAt());
        try {
            if (left <= 0) {
                throw new TimeoutException();
            }
            return running.answer().get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new RegistryException("schema registry at " + baseUrl + " has not answered the request for " + what(key)
                    + " in " + patience.toMillis() + " ms; not waiting longer", true, null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // the same failure, so an unknown schema stays an UnknownSchemaException
            }
            throw new RegistryException("asking the schema registry for " + what(key) + " failed: " + e.getCause(), true, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while waiting for the schema registry's answer for " + what(key), true, e);
        }
    }

    private static String what(Object key) {
        return key instanceof SubjectSchema s ? "subject " + s.subject() : "schema id " + key;
    }

    private int postSchema(String path, Schema schema, String subject) {
        String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
        HttpRequest request = request(path)
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        JsonNode answer = send(request, "schema for subject " + subject);
        int id = answer.path("id").asInt(-1);
        if (id < 0) {
            throw new RegistryException("registry answered without an id for subject " + subject + ": " + answer, false, null);
        }
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    private Schema fetchSchema(int id) {
        JsonNode answer = send(request("/schemas/ids/" + id).GET().build(), "schema id " + id);
        return new Schema.Parser().parse(answer.path("schema").asText());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout).header("Accept", CONTENT_TYPE);
    }

    private JsonNode send(HttpRequest request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RegistryException("schema registry at " + baseUrl + " unreachable: " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while asking the schema registry for " + what, true, e);
        }
        int status = response.statusCode();
        if (status == 404) {
            throw new UnknownSchemaException("schema registry does not know " + what + ": " + response.body());
        }
        if (status == 409) {
            throw new ConflictException("schema registry refused " + what + " (409): " + response.body());
        }
        if (status >= 300) {
            throw new RegistryException("schema registry answered " + status + " for " + what + ": " + response.body(),
                    status >= 500 || status == 429, null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new RegistryException("schema registry answered unreadable JSON for " + what, false, e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }

    private record SubjectSchema(String subject, Schema schema) {}

    /** 409 from the registry: an incompatible schema, or a registration race. */
    private static final class ConflictException extends RegistryException {
        private static final long serialVersionUID = 1L;

        ConflictException(String message) {
            super(message, false, null);
        }
    }
}
