package io.paysuite.cashier.notify;

import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.cashier.keys.PlatformSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * POSTs a notification body to a merchant's notify_url, signed like every platform response
 * ({@link PlatformSigner}: a fresh timestamp, nonce and signature on each attempt, the body
 * unchanged). API.md: a 2xx within the timeout acknowledges; anything else (another status, a
 * redirect, a refused connection, no answer in time) is a failed attempt. The timeout bounds the
 * whole exchange, not only the wait for headers: a merchant trickling its answer is cut off too.
 *
 * <p>The HTTP client has its own two threads for its I/O, apart from the consumer threads and the
 * delivery slots that wait on it.
 */
@Component
public class MerchantEndpoint implements DisposableBean {

    private static final String USER_AGENT = "Paysuite-Notify/1.0";

    private final PlatformSigner signer;
    private final Clock clock;
    private final java.time.Duration timeout;
    private final ExecutorService io;
    private final HttpClient http;

    public MerchantEndpoint(PlatformSigner signer, Clock clock, NotifyProperties properties) {
        this.signer = signer;
        this.clock = clock;
        this.timeout = properties.timeout();
        AtomicInteger n = new AtomicInteger();
        this.io = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "notify-http-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .executor(io)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Sends {@code body} to {@code notifyUrl} and answers what came of it; never throws. */
    public Delivery deliver(String notifyUrl, String body) {
        Instant at = clock.instant();
        if (ShadowContext.active()) {
            return Delivery.suppressed(at);
        }
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<Void>> answer = null;
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            PlatformSigner.Signed signed = signer.sign(bytes);
            HttpRequest request = HttpRequest.newBuilder(URI.create(notifyUrl))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header(PlatformSigner.TIMESTAMP, signed.timestamp())
                    .header(PlatformSigner.NONCE, signed.nonce())
                    .header(PlatformSigner.SERIAL, signed.serial())
                    .header(PlatformSigner.SIGNATURE, signed.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build();
            answer = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            int status = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            boolean ok = status >= 200 && status < 300;
            return new Delivery(at, status, ok ? null : "HTTP " + status, elapsed(start));
        } catch (TimeoutException e) {
            answer.cancel(true);
            return failed(at, start, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof HttpTimeoutException) {
                return failed(at, start, "no answer within " + timeout.toMillis() + " ms");
            }
            return failed(at, start, describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (answer != null) {
                answer.cancel(true);
            }
            return failed(at, start, "interrupted");
        } catch (RuntimeException e) {
            // a notify_url the HTTP client cannot use (trade-core validates it, so this is a bug or an old row)
            return failed(at, start, describe(e));
        }
    }

    private static Delivery failed(Instant at, long start, String error) {
        return new Delivery(at, null, error, elapsed(start));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static long elapsed(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @Override
    public void destroy() {
        io.shutdownNow();
    }
}
