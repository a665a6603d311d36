package dev.heed.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class LocalStackIT {

    private static final String SCHEMA_V1 = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"dev.heed.test\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    private static final String SCHEMA_V2_BREAKING = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"dev.heed.test\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"required\",\"type\":\"int\"}]}";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldRoundTripARecordThroughTheSharedBroker(Stack stack) {
        String topic = stack.uniqueName("round-trip");
        stack.createTopic(topic, 3);

        TestClients.produce(stack.bootstrapServers(), topic, "key-1", "hello");
        List<ConsumerRecord<String, String>> records =
                TestClients.consume(stack.bootstrapServers(), topic, 1, Duration.ofSeconds(30));

        assertThat(records).singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo("key-1"))
                .satisfies(r -> assertThat(r.value()).isEqualTo("hello"));
    }

    @Test
    void shouldRegisterASchemaAndReturnItById(Stack stack) throws Exception {
        String subject = stack.uniqueName("probe") + "-value";

        HttpResponse<String> registered = post(stack.registryUrl() + "/subjects/" + subject + "/versions", SCHEMA_V1);
        assertThat(registered.statusCode()).isEqualTo(200);
        int id = Integer.parseInt(firstMatch("\"id\"\\s*:\\s*(\\d+)", registered.body()));

        HttpResponse<String> byId = get(stack.registryUrl() + "/schemas/ids/" + id);
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(byId.body()).contains("Probe").contains("\\\"id\\\"");
    }

    @Test
    void shouldRejectABreakingChangeBecauseCompatibilityIsBackward(Stack stack) throws Exception {
        assertThat(get(stack.registryUrl() + "/config").body().replace(" ", ""))
                .contains("\"compatibilityLevel\":\"BACKWARD\"");
        String subject = stack.uniqueName("evolving") + "-value";
        assertThat(post(stack.registryUrl() + "/subjects/" + subject + "/versions", SCHEMA_V1).statusCode())
                .isEqualTo(200);

        HttpResponse<String> breaking = post(stack.registryUrl() + "/subjects/" + subject + "/versions", SCHEMA_V2_BREAKING);

        assertThat(breaking.statusCode()).isEqualTo(409);
    }

    private HttpResponse<String> post(String url, String schema) throws Exception {
        String body = "{\"schema\":" + quote(schema) + "}";
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String firstMatch(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }
}
