package io.paysuite.channel.unionpay;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A tiny UnionPay on a random port (JDK HttpServer): records each request (path and decoded form) and answers what
 * the test scripts — by default the fields signed with the platform key in ACP's raw {@code k=v&…} form.
 */
final class FakeUnionPay implements AutoCloseable {

    static final KeyPair MERCHANT = generate();
    static final KeyPair PLATFORM = generate();
    static final KeyPair STRANGER = generate();
    static final String PLATFORM_CERT_ID = "69629715588";

    record Received(String path, Map<String, String> form) {
    }

    /** What the fake answers: an HTTP status, a body and how long it waits first. */
    record Reply(int status, String body, Duration delay) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Map<String, String>, Reply> script = form -> signed(Map.of("respCode", "00"));
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    FakeUnionPay() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> { // every path: the file transfer's real URL is a host's root
            Map<String, String> form = formDecode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(new Received(exchange.getRequestURI().getPath(), form));
            Reply reply = script.apply(form);
            try {
                Thread.sleep(reply.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            try {
                exchange.sendResponseHeaders(reply.status(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (IOException clientGone) {
                // the client timed out meanwhile
            }
        });
        server.setExecutor(executor); // a held answer must not block the next request
        server.start();
    }

    void answer(Function<Map<String, String>, Reply> script) {
        this.script = script;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static Reply signed(Map<String, String> fields) {
        return signedBy(fields, PLATFORM.getPrivate(), PLATFORM_CERT_ID);
    }

    static Reply signedBy(Map<String, String> fields, PrivateKey key, String certId) {
        Map<String, String> answer = new LinkedHashMap<>(fields);
        answer.put("certId", certId);
        answer.put("signature", AcpSigner.sign(answer, key));
        return new Reply(200, raw(answer), Duration.ZERO);
    }

    static String raw(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    static Map<String, String> formDecode(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    static Path pem(String type, Key key) {
        try {
            Path file = Files.createTempFile("unionpay-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                    + "\n-----END " + type + "-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
