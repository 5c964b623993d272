package io.paysuite.sandbox.alipay;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/** A merchant's notify_url on a random port: records the forms it gets and answers from a script. */
final class NotifyReceiver implements AutoCloseable {

    final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final Deque<String> answers = new ConcurrentLinkedDeque<>();
    /** When each request came in (in the order of {@code received}, give or take racing requests). */
    final List<java.time.Instant> arrivals = new CopyOnWriteArrayList<>();
    /** Requests that waited at {@link #gate(int)} in vain: they did not arrive together. */
    final java.util.concurrent.atomic.AtomicInteger missedGate = new java.util.concurrent.atomic.AtomicInteger();
    private volatile java.util.concurrent.CyclicBarrier gate;
    /** Requests are handled concurrently, so racing deliveries really race. */
    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool();
    private final HttpServer server;

    NotifyReceiver(String... answers) throws IOException {
        this.answers.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/notify", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            arrivals.add(java.time.Instant.now());
            received.add(form(body));
            awaitGate();
            String answer = this.answers.size() > 1 ? this.answers.pollFirst() : this.answers.peekFirst();
            byte[] bytes = (answer == null ? "success" : answer).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.setExecutor(pool);
        server.start();
    }

    /** The next {@code parties} requests are answered only once all of them are in (each waits 3 s at most). */
    void gate(int parties) {
        gate = new java.util.concurrent.CyclicBarrier(parties);
    }

    private void awaitGate() {
        java.util.concurrent.CyclicBarrier g = gate;
        if (g != null) {
            try {
                g.await(3, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                missedGate.incrementAndGet();
            }
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
