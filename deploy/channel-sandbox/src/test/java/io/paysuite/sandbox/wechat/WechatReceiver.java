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
    private final HttpServer server;

    /** {@code statuses}: the answers in turn, the last one repeated (none: 204). */
    WechatReceiver(Integer... statuses) throws IOException {
        this.statuses.addAll(List.of(statuses));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/notify", exchange -> {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
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
