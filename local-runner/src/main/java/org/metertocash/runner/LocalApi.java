package org.metertocash.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.metertocash.testkit.Api;
import org.metertocash.testkit.TestJson;

import com.fasterxml.jackson.databind.JsonNode;

/** Plain HTTP calls to the running services, as the documented local users. */
final class LocalApi {

    record Answer(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Answer postJson(String url, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", basic(Api.UPSTREAM_USER, Api.UPSTREAM_PASSWORD))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestJson.MAPPER.writeValueAsBytes(body))).build());
    }

    Answer postEdi(String url, byte[] file) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", basic(Api.UPSTREAM_USER, Api.UPSTREAM_PASSWORD))
                .header("Content-Type", "application/edi-x12")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build());
    }

    Answer get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", basic(Api.OPERATIONS_USER, Api.OPERATIONS_PASSWORD)).GET().build());
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = response.body().length == 0 ? null : TestJson.MAPPER.readTree(response.body());
        return new Answer(response.statusCode(), body);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
