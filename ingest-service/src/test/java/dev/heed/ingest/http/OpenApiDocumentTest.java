package dev.heed.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The served document is valid OpenAPI 3.1 and describes exactly the routes the server registered. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {
    @RegisterExtension
    static final ServerFixture fixture = new ServerFixture(Map.of("HEED_INGEST_MAX_BATCH_ITEMS", "7"));
    private OpenAPI api;

    @BeforeAll
    void parse() {
        var options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(fixture.http.get("/openapi.json").raw().body(), null, options);
        assertThat(result.getMessages()).isEmpty();
        api = result.getOpenAPI();
    }

    @Test
    void shouldBeOpenApi31() {
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void shouldDescribeExactlyTheRegisteredRoutes() {
        Set<String> registered = new TreeSet<>();
        fixture.server.routes().stream()
                .filter(r -> r.getHttpMethod() == HandlerType.GET || r.getHttpMethod() == HandlerType.POST)
                .forEach(r -> registered.add(r.getHttpMethod() + " " + r.getPath()));
        Set<String> documented = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, op) -> documented.add(method.name() + " " + path)));

        assertThat(documented).isEqualTo(registered);
    }

    @Test
    void shouldStateTheConfiguredBatchLimit() {
        assertThat(api.getComponents().getSchemas().get("FeedbackBatch").getMaxItems()).isEqualTo(7);
        assertThat(api.getComponents().getSchemas().get("CloudEventBatch").getMaxItems()).isEqualTo(7);
    }

    @Test
    void shouldDocumentEveryStatusTheWriteEndpointsAnswer() {
        var single = api.getPaths().get("/v1/feedback").getPost().getResponses().keySet();
        var batch = api.getPaths().get("/v1/feedback/batch").getPost().getResponses().keySet();

        assertThat(single).containsAll(Set.of("202", "400", "401", "403", "408", "413", "415", "422", "429", "500", "503"));
        assertThat(batch).containsAll(Set.of("202", "207", "400", "401", "408", "413", "415", "429", "503"));
    }
}
