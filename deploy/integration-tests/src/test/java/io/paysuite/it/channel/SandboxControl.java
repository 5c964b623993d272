package io.paysuite.it.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysuite.it.SuiteHarness;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The channel sandbox's control API (API.md "Channel sandbox" and its extensions), for the channel tests. */
public final class SandboxControl {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SandboxControl() {
    }

    /** {@code POST /sandbox/v1/faults}; {@code code} (may be null) is the channel's refusal code an ERROR answers with. */
    static void fault(String channel, String operation, String mode, double rate, String code) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("channel", channel).put("operation", operation).put("mode", mode)
                .put("rate", rate).put("millis", 4_000);
        if (code != null) {
            body.put("code", code);
        }
        call("POST", "/sandbox/v1/faults", body.toString());
    }

    static void clearFaults() throws Exception {
        call("DELETE", "/sandbox/v1/faults", null);
    }

    /** The sandbox's own view of a channel order, or null when the channel never had it. */
    static JsonNode order(String channel, String channelOrderNo) throws Exception {
        HttpResponse<String> answer = send("GET", "/sandbox/v1/orders/" + channel + "/" + channelOrderNo, null);
        if (answer.statusCode() == 404) {
            return null;
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    public static JsonNode call(String method, String path, String body) throws Exception {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + " → " + response.body()).isLessThan(300);
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    public static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(SuiteHarness.suite().sandbox().baseUri().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
