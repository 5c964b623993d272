package io.paysuite.sandbox.unionpay;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/** A merchant's backUrl on a random port: records the forms it gets and answers the scripted HTTP statuses (last repeats). */
final class BackUrlReceiver implements AutoCloseable {

    final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();
    private final HttpServer server;

    BackUrlReceiver(Integer... statuses) throws IOException {
        this.statuses.addAll(List.of(statuses.length == 0 ? new Integer[] {200} : statuses));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/notify", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(AcpTestClient.formDecode(body));
            int status = this.statuses.size() > 1 ? this.statuses.pollFirst() : this.statuses.peekFirst();
            byte[] bytes = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
