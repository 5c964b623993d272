package io.paysuite.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A merchant that acknowledges every notification at once: the notify_url of trades whose
 * notifications a test does not examine. Without it those trades would name an address that
 * cannot answer, and every one would run the whole (test-scaled) retry schedule, loading the
 * suite with thousands of failing deliveries during the workloads.
 */
public final class MerchantSink {

    private static volatile MerchantSink sink;
    private final HttpServer server;
    private final AtomicLong received = new AtomicLong();

    private MerchantSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/notify", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "merchant-sink");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** {@code http://127.0.0.1:PORT/notify}; the suite's trade-core accepts http notify URLs (local profile). */
    public static String notifyUrl() {
        MerchantSink current = sink;
        if (current == null) {
            synchronized (MerchantSink.class) {
                if (sink == null) {
                    try {
                        sink = new MerchantSink();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                current = sink;
            }
        }
        return "http://127.0.0.1:" + current.server.getAddress().getPort() + "/notify";
    }
}
