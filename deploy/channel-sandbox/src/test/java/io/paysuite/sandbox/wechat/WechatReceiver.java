package io.paysuite.sandbox.wechat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/** A merchant's WeChat notify_url on a random port: records each POST (headers, body) and answers statuses from a script. */
final class WechatReceiver implements AutoCloseable {

    record Received(Map<String, String> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();
    /** When each request came in (in the order of {@code received}, give or take racing requests). */
    final List<java.time.Instant> arrivals = new CopyOnWriteArrayList<>();
    /** Requests that waited at {@link #gate(int)} in vain: they did not arrive together. */
    final java.util.concurrent.atomic.AtomicInteger missedGate = new java.util.concurrent.atomic.AtomicInteger();
    private volatile java.util.concurrent.CyclicBarrier gate;
    /** Requests are handled concurrently, so racing deliveries really race. */
    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool();
    private final HttpServer server;

    /** {@code statuses}: the answers in turn, the last one repeated (none: 204). */
    WechatReceiver(Integer... statuses) throws IOException {
        this.statuses.addAll(List.of(statuses));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/notify", exchange -> {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            arrivals.add(java.time.Instant.now());
            received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            awaitGate();
            Integer status = this.statuses.size() > 1 ? this.statuses.pollFirst() : this.statuses.peekFirst();
            int code = status == null ? 204 : status;
            if (code == 204) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                byte[] answer = (code == 200 ? "" : "{\"code\":\"FAIL\",\"message\":\"失败\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(code, answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    exchange.getResponseBody().write(answer);
                }
            }
            exchange.close();
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

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
