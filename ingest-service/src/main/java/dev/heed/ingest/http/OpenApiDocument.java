package dev.heed.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's OpenAPI 3.1 document: a checked-in contract ({@code openapi.json} on the class path) with
 * the configured limits written into it, so the served document states what this instance enforces.
 * A test validates it and compares its paths with the routes Javalin registered.
 */
public final class OpenApiDocument {
    private static final String RESOURCE = "/dev/heed/ingest/openapi.json";

    private OpenApiDocument() {}

    public static byte[] render(ObjectMapper json, int maxBatchItems, int maxBodyBytes) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            ObjectNode doc = (ObjectNode) json.readTree(in);
            ObjectNode schemas = (ObjectNode) doc.path("components").path("schemas");
            ((ObjectNode) schemas.path("FeedbackBatch")).put("maxItems", maxBatchItems);
            ((ObjectNode) schemas.path("CloudEventBatch")).put("maxItems", maxBatchItems);
            ((ObjectNode) doc.path("info")).put("x-max-body-bytes", maxBodyBytes);
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
