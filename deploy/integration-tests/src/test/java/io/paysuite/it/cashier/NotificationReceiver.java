package io.paysuite.it.cashier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * A merchant's notify_url: a JDK HTTP server on the loopback that records every notification it
 * gets and answers as the test tells it, per event id and per delivery of that id.
 */
public final class NotificationReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One POST as the merchant got it; {@code nanos} is the arrival on this JVM's monotonic clock. */
    public record Received(long nanos, Instant at, Map<String, String> headers, String body, JsonNode json, int answered) {

        String id() {
            return json.path("id").asText();
        }

        String eventType() {
            return json.path("event_type").asText();
        }

        JsonNode resource() {
            return json.path("resource");
        }

        String tradeNo() {
            return resource().path("trade_no").asText();
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> deliveries = new HashMap<>();
    /** (event id, 1-based delivery number of that id) → HTTP status to answer. */
    private volatile BiFunction<String, Integer, Integer> answer;

    public NotificationReceiver(BiFunction<String, Integer, Integer> answer) throws IOException {
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/notify", exchange -> {
            long nanos = System.nanoTime();
            Instant at = Instant.now();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                json = JSON.createObjectNode();
            }
            String id = json.path("id").asText();
            int nth;
            synchronized (deliveries) {
                nth = deliveries.merge(id, 1, Integer::sum);
            }
            int status = this.answer.apply(id, nth);
            received.add(new Received(nanos, at, headers, body, json, status));
            byte[] reply = (status / 100 == 2 ? "{\"code\":\"SUCCESS\"}" : "{\"code\":\"FAIL\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    void answer(BiFunction<String, Integer, Integer> answer) {
        this.answer = answer;
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    public List<Received> of(String tradeNo, String eventType) {
        return received.stream().filter(r -> r.tradeNo().equals(tradeNo) && r.eventType().equals(eventType)).toList();
    }

    List<Received> byId(String id) {
        return received.stream().filter(r -> r.id().equals(id)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
