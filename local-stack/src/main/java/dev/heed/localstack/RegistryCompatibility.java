package dev.heed.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sets a registry's global compatibility level through the Confluent-compatible API and reads it
 * back. Apicurio defaults to NONE, which would let a breaking schema change through unnoticed.
 */
final class RegistryCompatibility {

    private RegistryCompatibility() {
    }

    static void set(String ccompatUrl, String level) {
        HttpClient http = HttpClient.newHttpClient();
        URI config = URI.create(ccompatUrl + "/config");
        try {
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(config)
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(config).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = get.body().replace(" ", "");
            if (put.statusCode() != 200 || !body.contains("\"" + level + "\"")) {
                throw new IllegalStateException("registry compatibility did not stick: PUT " + put.statusCode()
                        + " " + put.body() + ", GET " + get.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot set registry compatibility at " + config, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted setting registry compatibility", e);
        }
    }
}
